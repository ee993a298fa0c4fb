// Character n-gram profiles and the three ways of scoring them
// (ngram_profile.h), which must agree to the last bit.
#include "ngram_profile.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "radix_sort.h"

namespace bitext::align {
namespace {

TEST(NgramProfileTest, IdenticalTextsScoreOneAndUnrelatedLow) {
  NgramProfile a("China provided aid to 122 countries from 2013 to 2018.");
  EXPECT_DOUBLE_EQ(a.Similarity(a), 1.0);
  NgramProfile b("Biodiversity is an important foundation for human survival.");
  EXPECT_LT(b.Similarity(a), 0.4);
  EXPECT_GT(NgramProfile("From 2013 to 2018, China gave aid to 122 countries.").Similarity(a), 0.5);
}

// Worked by hand: "ab" against "abc" shares a, b and ab; orders 3 to 6,
// which "ab" lacks, do not count. Precision 1, recall (2/3 + 1/2) / 2, F2.
TEST(NgramProfileTest, ProfilesCountTheNgramsOfEachOrder) {
  EXPECT_NEAR(NgramProfile("a b").Similarity(NgramProfile("abc")), 35.0 / 55.0, 1e-12);
  // Repeats count: a2 b2 | ab2 ba1 | aba bab against a b | ab.
  EXPECT_NEAR(NgramProfile("abab").Similarity(NgramProfile("ab")), 25.0 / 32.0, 1e-12);
}

// A prefix of the reference shares all its n-grams: precision 1 and, per
// order n, recall (L - n + 1) / (R - n + 1) for lengths L and R without
// white space. Long enough for many n-grams per order.
// A paragraph's text and a very long one (counted the lean way) alike.
TEST(NgramProfileTest, APrefixScoresByItsShareOfEachOrder) {
  const std::string sentence =
      "Biodiversity makes the earth habitable, supports human survival and underpins "
      "sustainable development; its loss threatens food, health and security alike. ";
  std::string long_text;
  while (long_text.size() < 100'000) long_text += sentence;
  auto letters = [](const std::string& t) {
    return static_cast<double>(t.size() - std::count(t.begin(), t.end(), ' '));
  };
  for (const auto& [ref, prefix] : {std::pair<std::string, size_t>{sentence, 90}, {long_text, 80'000}}) {
    const std::string hyp = ref.substr(0, prefix);
    const double l = letters(hyp), r = letters(ref);
    double recall = 0;
    for (int n = 1; n <= NgramProfile::kOrders; ++n) recall += (l - n + 1) / (r - n + 1);
    recall /= NgramProfile::kOrders;
    EXPECT_NEAR(NgramProfile(hyp).Similarity(NgramProfile(ref)), 5 * recall / (4 + recall), 1e-12) << ref.size();
  }
}

TEST(RadixSortTest, SortsAsAComparisonSortDoes) {
  std::mt19937 random(7);
  std::vector<uint32_t> scratch;
  for (const size_t size : {0, 1, 2, 63, 64, 65, 700, 5000}) {
    for (const uint32_t mask : {0xFFFFFFFFu, 0xFF000000u, 0x000000FFu, 0x00FF00FFu, 0u}) {
      std::vector<uint32_t> keys(size);
      for (uint32_t& k : keys) k = static_cast<uint32_t>(random()) & mask;
      std::vector<uint32_t> expected = keys;
      std::sort(expected.begin(), expected.end());
      RadixSort(keys, scratch);
      EXPECT_EQ(keys, expected) << size << " keys, mask " << mask;
    }
  }
}

// Texts over a few letters, with spaces and a Chinese character, so that
// many n-grams repeat within a text and are shared between texts.
std::vector<std::string> RandomTexts(size_t count, unsigned seed) {
  std::mt19937 random(seed);
  const std::vector<std::string> letters = {"a", "b", "c", "d", " ", "\u6c34"};
  std::vector<std::string> texts;
  for (size_t k = 0; k < count; ++k) {
    std::string text;
    const size_t length = random() % 3 == 0 ? random() % 4 : random() % 300;  // some empty or tiny
    for (size_t i = 0; i < length; ++i) text += letters[random() % letters.size()];
    texts.push_back(text);
  }
  return texts;
}

TEST(NgramProfileTest, SumIsTheProfileOfTheTextsTogether) {
  const std::vector<std::string> texts = RandomTexts(40, 11);
  const std::vector<std::string> probes = RandomTexts(6, 12);
  for (size_t size : {0, 1, 2, 8, 40}) {
    std::vector<std::string_view> views(texts.begin(), texts.begin() + static_cast<long>(size));
    std::vector<NgramProfile> parts;
    for (std::string_view v : views) parts.emplace_back(v);
    const NgramProfile together(views, 1);
    const NgramProfile sum = NgramProfile::Sum(parts);
    EXPECT_EQ(sum.empty(), together.empty());
    for (const std::string& probe : probes) {
      const NgramProfile p(probe);
      EXPECT_EQ(sum.Similarity(p), together.Similarity(p)) << size << " texts";
      EXPECT_EQ(p.Similarity(sum), p.Similarity(together)) << size << " texts";
    }
  }
}

TEST(NgramProfileTest, EveryWayOfScoringAgrees) {
  const std::vector<std::string> texts = RandomTexts(60, 21);
  std::vector<NgramProfile> hypotheses;
  for (const std::string& t : texts) hypotheses.emplace_back(t);
  const ProfilePostings postings(hypotheses);
  std::vector<double> scores;
  for (const std::string& reference_text : RandomTexts(12, 22)) {
    const NgramProfile reference(reference_text);
    const ProfileIndex index(reference);
    for (const auto& [first, last] : {std::pair<size_t, size_t>{0, 60}, {17, 18}, {30, 30}, {59, 60}, {5, 41}}) {
      postings.Similarities(reference, first, last, &scores);
      ASSERT_EQ(scores.size(), last - first);
      for (size_t k = first; k < last; ++k) {
        const double merged = hypotheses[k].Similarity(reference);
        EXPECT_EQ(scores[k - first], merged) << "hypothesis " << k;
        EXPECT_EQ(index.Similarity(hypotheses[k]), merged) << "hypothesis " << k;
      }
    }
  }
}

// A sample keeps the n-grams whose hash is a multiple of the modulus, each
// text's own: two texts sampled apart and summed are the two sampled
// together. Together they pass kLeanAbove (65,536 code points), so the
// joint profile is hashed afresh per order, the parts position by position.
TEST(NgramProfileTest, SamplesOfPartsAddUpToTheSampleOfTheWhole) {
  std::mt19937 random(41);
  auto long_text = [&](size_t length) {
    std::string text;
    for (size_t i = 0; i < length; ++i) text += static_cast<char>('a' + random() % 7);
    return text;
  };
  const std::string a = long_text(40'000), b = long_text(30'000);
  const std::vector<std::string> probes = {long_text(2'000), a.substr(100, 3'000), b.substr(5'000, 900)};
  for (uint32_t modulus : {1u, 8u, 64u}) {
    const std::string_view whole[] = {a, b};
    const NgramProfile together(whole, modulus);
    const NgramProfile parts[] = {NgramProfile(std::span<const std::string_view>(&whole[0], 1), modulus),
                                  NgramProfile(std::span<const std::string_view>(&whole[1], 1), modulus)};
    const NgramProfile sum = NgramProfile::Sum(parts);
    for (const std::string& probe : probes) {
      const std::string_view view[] = {probe};
      const NgramProfile p(view, modulus);
      EXPECT_EQ(sum.Similarity(p), together.Similarity(p)) << modulus;
      EXPECT_EQ(p.Similarity(sum), p.Similarity(together)) << modulus;
    }
  }
  const std::string_view text[] = {"abc"};
  EXPECT_THROW(NgramProfile(text, 6), std::invalid_argument);
  EXPECT_THROW(NgramProfile(text, 0), std::invalid_argument);
}

// Two texts taken together share at most what each shares alone: the
// bounds are never below the joined texts' similarity, on either side, and
// meet it when one of the two shares nothing with the other side.
TEST(NgramProfileTest, JoinedBoundsAreNeverBelowTheJoinedSimilarity) {
  const std::vector<std::string> texts = RandomTexts(30, 31);
  std::vector<NgramProfile> profiles;
  for (const std::string& t : texts) profiles.emplace_back(t);
  const NgramProfile nothing_shared("\u5c71\u5c71\u5c71");  // no letter of the random texts
  size_t tighter = 0;
  for (size_t a = 0; a < profiles.size(); ++a) {
    for (size_t b = 0; b < profiles.size(); b += 3) {
      for (size_t r = 0; r < profiles.size(); r += 7) {
        const ProfileIndex one(profiles[r]);
        EXPECT_EQ(one.Matches(profiles[a]).Similarity(), one.Similarity(profiles[a]));
        // Hypotheses a and b against reference r.
        const double hypotheses = one.Similarity(profiles[a], profiles[b]);
        const double hypotheses_bound =
            JoinedHypothesesBound(one.Matches(profiles[a]), one.Matches(profiles[b])).Similarity();
        EXPECT_GE(hypotheses_bound, hypotheses) << a << " " << b << " " << r;
        // Hypothesis r against references a and b.
        ProfileIndex two;
        two.Assign(profiles[a], profiles[b]);
        const double references = two.Similarity(profiles[r]);
        const double references_bound = JoinedReferencesBound(ProfileIndex(profiles[a]).Matches(profiles[r]),
                                                              ProfileIndex(profiles[b]).Matches(profiles[r]))
                                            .Similarity();
        EXPECT_GE(references_bound, references) << a << " " << b << " " << r;
        tighter += hypotheses_bound > hypotheses;
      }
      const ProfileIndex reference(profiles[a]);
      EXPECT_EQ(JoinedHypothesesBound(reference.Matches(profiles[b]), reference.Matches(nothing_shared)).Similarity(),
                reference.Similarity(profiles[b], nothing_shared));
    }
  }
  EXPECT_GT(tighter, 0u);  // the bound is not the similarity itself
}

}  // namespace
}  // namespace bitext::align
