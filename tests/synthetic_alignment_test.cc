// The aligner on material no rule was tuned on: the 1-1 sentence beads of
// the official white paper's gold (gold/official-sentences.tsv), taken as a
// correct aligned document and perturbed by program with fixed seeds. Each
// perturbation builds its gold beads alongside the text, so the known answer
// goes with the document. With CC-CEDICT, AlignUnits must recover each
// single perturbation at a mean strict F1 >= 0.95 over the seeds (vecalign's
// definition) and no seed below 0.85; without a lexicon (the degraded mode)
// the floors are measured ones.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "aligner.h"
#include "decode.h"
#include "evaluation.h"
#include "lexicon.h"
#include "units.h"

namespace bitext::align {
namespace {

const std::string kGoldSentences = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/gold/official-sentences.tsv";

// Several seeds per perturbation: one lucky draw proves little.
constexpr uint32_t kSeeds[] = {1, 7, 42, 101, 777, 2021, 4242, 31337, 65537, 999983};

// A document under construction: beads of texts, Chinese side first. Units
// and gold indices are only assigned by Flatten, so perturbations never have
// to renumber anything.
struct TextBead {
  std::vector<std::string> zh, en;
};
using TextDoc = std::vector<TextBead>;

struct FlatDoc {
  std::vector<std::string> zh, en;
  std::vector<IndexBead> gold;
};

FlatDoc Flatten(const TextDoc& doc) {
  FlatDoc flat;
  for (const TextBead& bead : doc) {
    IndexBead gold;
    for (const std::string& text : bead.zh) {
      gold.zh.push_back(static_cast<int>(flat.zh.size()));
      flat.zh.push_back(text);
    }
    for (const std::string& text : bead.en) {
      gold.en.push_back(static_cast<int>(flat.en.size()));
      flat.en.push_back(text);
    }
    flat.gold.push_back(gold);
  }
  return flat;
}

// The 1-1 beads of the sentence gold, in file order.
TextDoc LoadBaseDocument() {
  std::ifstream in(kGoldSentences);
  EXPECT_TRUE(in) << kGoldSentences;
  TextDoc doc;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream fields(line);
    std::string field;
    while (std::getline(fields, field, '\t')) cols.push_back(field);
    if (cols.size() == 4 && !cols[2].empty() && !cols[3].empty()) doc.push_back({{cols[2]}, {cols[3]}});
  }
  return doc;
}

const TextDoc& BaseDocument() {
  static const TextDoc doc = LoadBaseDocument();
  return doc;
}

// Loaded once per process (so at most once per suite): parsing CC-CEDICT
// takes about a second.
const Lexicon* SharedLexicon() {
  static const std::unique_ptr<Lexicon> lexicon = []() -> std::unique_ptr<Lexicon> {
    if (!std::ifstream(BITEXT_DEFAULT_LEXICON)) return nullptr;
    return std::make_unique<Lexicon>(
        Lexicon::FromCedict(ReadText(BITEXT_DEFAULT_LEXICON, DecodeOptions{"UTF-8", false}).text));
  }();
  return lexicon.get();
}

// Uniform in [0, bound). mt19937's output is fixed by the standard, unlike
// the distributions and std::shuffle, so the documents are the same with
// every standard library.
size_t Draw(std::mt19937& rng, size_t bound) { return static_cast<size_t>(rng() % bound); }

bool IsPlainPair(const TextBead& bead) { return bead.zh.size() == 1 && bead.en.size() == 1; }

// Picks up to `count` beads one at a time among those `eligible` accepts at
// that moment, marking each as touched.
template <typename Eligible>
std::vector<size_t> PickBeads(const TextDoc& doc, size_t count, std::mt19937& rng, std::vector<bool>* touched,
                              Eligible eligible) {
  std::vector<size_t> picked;
  while (picked.size() < count) {
    std::vector<size_t> candidates;
    for (size_t k = 0; k < doc.size(); ++k) {
      if (!(*touched)[k] && eligible(k)) candidates.push_back(k);
    }
    if (candidates.empty()) break;
    const size_t k = candidates[Draw(rng, candidates.size())];
    (*touched)[k] = true;
    picked.push_back(k);
  }
  std::sort(picked.begin(), picked.end());
  return picked;
}

// How many of `n` items make up `rate` of them, rounded.
size_t Share(double rate, size_t n) { return static_cast<size_t>(std::lround(rate * static_cast<double>(n))); }

// Byte offset of the ", " or "; " nearest the middle of `text`, when one lies
// in its middle half, so that both parts are clauses of some length.
std::optional<size_t> SplitPoint(const std::string& text) {
  std::optional<size_t> best;
  const double middle = text.size() / 2.0;
  for (size_t at = 0; at + 1 < text.size(); ++at) {
    if ((text[at] != ',' && text[at] != ';') || text[at + 1] != ' ') continue;
    if (at < text.size() / 4 || at > text.size() * 3 / 4) continue;
    if (!best || std::abs(at - middle) < std::abs(*best - middle)) best = at;
  }
  return best;
}

// Splits ~`rate` of the English units in two at a clause boundary: the gold
// of those beads becomes 1-2.
void SplitEnglish(TextDoc* doc, double rate, std::mt19937& rng, std::vector<bool>* touched) {
  const auto picked = PickBeads(*doc, Share(rate, doc->size()), rng, touched, [&](size_t k) {
    return IsPlainPair((*doc)[k]) && SplitPoint((*doc)[k].en[0]).has_value();
  });
  for (size_t k : picked) {
    const std::string text = (*doc)[k].en[0];
    const size_t at = *SplitPoint(text);
    (*doc)[k].en = {text.substr(0, at + 1), text.substr(at + 2)};
  }
}

// Deletes ~`rate` of the units of one side: their partners become 1-0 (an
// English unit dropped) or 0-1 (a Chinese unit dropped). A bead never loses
// one side next to a bead that lost the other: that would be a substitution,
// not two omissions, and a 1-1 bead is then as good an answer.
void DropSide(TextDoc* doc, bool drop_english, double rate, std::mt19937& rng, std::vector<bool>* touched) {
  auto lost_other_side = [&](size_t k) {
    const TextBead& b = (*doc)[k];
    return drop_english ? b.zh.empty() && !b.en.empty() : b.en.empty() && !b.zh.empty();
  };
  const size_t count = Share(rate, doc->size());
  for (size_t n = 0; n < count; ++n) {
    const auto picked = PickBeads(*doc, 1, rng, touched, [&](size_t k) {
      return IsPlainPair((*doc)[k]) && !(k > 0 && lost_other_side(k - 1)) &&
             !(k + 1 < doc->size() && lost_other_side(k + 1));
    });
    if (picked.empty()) break;
    (drop_english ? (*doc)[picked[0]].en : (*doc)[picked[0]].zh).clear();
  }
}

// Concatenates the Chinese units of ~`rate` of the adjacent 1-1 bead pairs:
// the merged unit's gold pairs it with both English units (1-2).
void MergeChinese(TextDoc* doc, double rate, std::mt19937& rng, std::vector<bool>* touched) {
  const size_t pairs = doc->size() > 0 ? doc->size() - 1 : 0;
  std::vector<size_t> firsts;
  for (size_t n = 0; n < Share(rate, pairs); ++n) {
    std::vector<bool> blocked = *touched;  // a pair needs its second bead free too
    const auto picked = PickBeads(*doc, 1, rng, &blocked, [&](size_t k) {
      return k + 1 < doc->size() && !(*touched)[k + 1] && IsPlainPair((*doc)[k]) && IsPlainPair((*doc)[k + 1]);
    });
    if (picked.empty()) break;
    (*touched)[picked[0]] = (*touched)[picked[0] + 1] = true;
    firsts.push_back(picked[0]);
  }
  std::sort(firsts.rbegin(), firsts.rend());  // back to front keeps indices valid
  for (size_t k : firsts) {
    TextBead merged{{(*doc)[k].zh[0] + (*doc)[k + 1].zh[0]}, {(*doc)[k].en[0], (*doc)[k + 1].en[0]}};
    (*doc)[k] = merged;
    doc->erase(doc->begin() + static_cast<long>(k) + 1);
  }
}

// Swaps `count` disjoint pairs of adjacent beads, both sides together: the
// document order changes, the gold stays 1-1 and monotonic.
void SwapAdjacent(TextDoc* doc, size_t count, std::mt19937& rng) {
  std::vector<bool> touched(doc->size(), false);
  for (size_t n = 0; n < count; ++n) {
    std::vector<bool> blocked = touched;
    const auto picked =
        PickBeads(*doc, 1, rng, &blocked, [&](size_t k) { return k + 1 < doc->size() && !touched[k + 1]; });
    if (picked.empty()) break;
    touched[picked[0]] = touched[picked[0] + 1] = true;
    std::swap((*doc)[picked[0]], (*doc)[picked[0] + 1]);
  }
}

// The text up to the first ", " or "; ", or the whole unit without its
// final full stop.
std::string FirstClause(const std::string& text) {
  size_t end = std::string::npos;
  for (const char* sep : {", ", "; "}) end = std::min(end, text.find(sep));
  std::string clause = text.substr(0, end);
  if (!clause.empty() && clause.back() == '.') clause.pop_back();
  return clause;
}

// Much longer English: each unit gets a copy of its own first clause or two
// to four neutral sentences, chosen per unit.
void LengthenEnglish(TextDoc* doc, std::mt19937& rng) {
  for (TextBead& bead : *doc) {
    for (std::string& text : bead.en) {
      if (Draw(rng, 2) == 0) {
        text += " " + FirstClause(text) + ".";
      } else {
        for (size_t n = 2 + Draw(rng, 3); n > 0; --n) text += " This was stated clearly.";
      }
    }
  }
}

// Much shorter English: the first half of each unit's words.
void ShortenEnglish(TextDoc* doc) {
  for (TextBead& bead : *doc) {
    for (std::string& text : bead.en) {
      std::vector<std::string> words;
      std::stringstream in(text);
      std::string word;
      while (in >> word) words.push_back(word);
      std::string kept;
      for (size_t i = 0; i < (words.size() + 1) / 2; ++i) kept += (i ? " " : "") + words[i];
      text = kept;
    }
  }
}

// Gold must cover every unit exactly once, in order, with no empty bead.
::testing::AssertionResult GoldIsConsistent(const FlatDoc& flat) {
  int next_zh = 0, next_en = 0;
  for (const IndexBead& b : flat.gold) {
    if (b.zh.empty() && b.en.empty()) return ::testing::AssertionFailure() << "empty bead";
    for (int i : b.zh) {
      if (i != next_zh++) return ::testing::AssertionFailure() << "zh " << i << " out of order";
    }
    for (int j : b.en) {
      if (j != next_en++) return ::testing::AssertionFailure() << "en " << j << " out of order";
    }
  }
  if (next_zh != static_cast<int>(flat.zh.size()) || next_en != static_cast<int>(flat.en.size())) {
    return ::testing::AssertionFailure() << "gold does not cover every unit";
  }
  return ::testing::AssertionSuccess();
}

int CountShape(const std::vector<IndexBead>& beads, size_t zh, size_t en) {
  return static_cast<int>(std::count_if(beads.begin(), beads.end(),
                                        [&](const IndexBead& b) { return b.zh.size() == zh && b.en.size() == en; }));
}

// The first `chars` code points of UTF-8 text.
std::string Snippet(const std::string& text, int chars) {
  size_t end = 0;
  for (int n = 0; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && n++ == chars) break;
  }
  return text.substr(0, end) + (end < text.size() ? "..." : "");
}

std::string Describe(const FlatDoc& flat, const IndexBead& bead) {
  std::ostringstream out;
  out << FormatBead(bead);
  for (int i : bead.zh) out << " zh[" << Snippet(flat.zh[static_cast<size_t>(i)], 16) << "]";
  for (int j : bead.en) out << " en[" << Snippet(flat.en[static_cast<size_t>(j)], 40) << "]";
  return out.str();
}

struct Outcome {
  Scores scores;
  std::string wrong;  // the beads that differ, for the failure message
};

// Aligns a perturbed document with default options and scores it against
// its gold.
Outcome AlignAndScore(const FlatDoc& flat, const Lexicon* lexicon) {
  LexicalSpace space(lexicon);
  std::vector<AlignUnit> zh, en;
  for (const std::string& text : flat.zh) zh.push_back(space.MakeZh(text));
  for (const std::string& text : flat.en) en.push_back(space.MakeEn(text));
  std::vector<IndexBead> test;
  for (const Bead& b : AlignUnits(zh, en, space, AlignerOptions{})) {
    IndexBead bead;
    for (int i = b.zh_begin; i < b.zh_end; ++i) bead.zh.push_back(i);
    for (int j = b.en_begin; j < b.en_end; ++j) bead.en.push_back(j);
    test.push_back(bead);
  }
  AlignmentScorer scorer;
  scorer.Add(flat.gold, test);
  Outcome outcome{scorer.Result(), ""};
  std::ostringstream wrong;
  const std::set<std::pair<std::vector<int>, std::vector<int>>> gold_set = [&] {
    std::set<std::pair<std::vector<int>, std::vector<int>>> set;
    for (const IndexBead& b : flat.gold) set.emplace(b.zh, b.en);
    return set;
  }();
  int shown = 0;
  for (const IndexBead& b : test) {
    if (gold_set.count({b.zh, b.en}) || ++shown > 8) continue;
    wrong << "\n  test " << Describe(flat, b);
    for (const IndexBead& g : flat.gold) {
      const bool shares = std::any_of(g.zh.begin(), g.zh.end(),
                                      [&](int i) { return std::find(b.zh.begin(), b.zh.end(), i) != b.zh.end(); }) ||
                          std::any_of(g.en.begin(), g.en.end(),
                                      [&](int j) { return std::find(b.en.begin(), b.en.end(), j) != b.en.end(); });
      if (shares) wrong << "\n    gold " << Describe(flat, g);
    }
  }
  outcome.wrong = wrong.str();
  return outcome;
}

// Mean strict F1 over the seeds with CC-CEDICT, and the floor for any seed.
constexpr double kWithLexicon = 0.95;
constexpr double kSeedFloor = 0.85;
// Split, drop and merge together on one document (about 40% of it touched)
// measured a mean of 0.883 (lowest seed 0.821) with CC-CEDICT: short of
// kWithLexicon, so these floors only guard against regressions until the
// aligner gets there.
constexpr double kCombinedWithLexicon = 0.85;
constexpr double kCombinedSeedFloor = 0.75;

// Without a lexicon only length and anchors are left: the degraded mode.
// Floors sit just under the mean measured over the seeds.
constexpr double kNoLexiconSplit = 0.92;     // measured mean 0.941
constexpr double kNoLexiconMerge = 0.88;     // measured mean 0.906
constexpr double kNoLexiconDrop = 0.85;      // measured mean 0.880 (en), 0.911 (zh)
constexpr double kNoLexiconSwap = 0.97;      // measured mean 1.0
constexpr double kNoLexiconLonger = 0.95;    // measured mean 0.975
constexpr double kNoLexiconShorter = 0.97;   // measured 1.0
constexpr double kNoLexiconCombined = 0.40;  // measured mean 0.474: length alone slips

// Perturbation tests run with CC-CEDICT (param true) and without a lexicon.
class SyntheticAlignmentTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    ASSERT_GE(BaseDocument().size(), 40u) << kGoldSentences;
    if (GetParam()) {
      lexicon_ = SharedLexicon();
      if (!lexicon_) GTEST_SKIP() << "CC-CEDICT not fetched (scripts/setup.sh does it)";
    }
  }

  // Builds one document per seed with `perturb`, aligns it, and expects a
  // mean strict F1 >= `with_lexicon` (with CC-CEDICT) or >= `without_lexicon`,
  // and, with CC-CEDICT, every seed at kSeedFloor or more.
  template <typename Perturb>
  void CheckSeeds(const char* name, double with_lexicon, double without_lexicon, Perturb perturb,
                  double seed_floor_with_lexicon = kSeedFloor) {
    const double threshold = GetParam() ? with_lexicon : without_lexicon;
    const double seed_floor = GetParam() ? seed_floor_with_lexicon : 0.0;
    double sum = 0, lowest = 1;
    for (uint32_t seed : kSeeds) {
      std::mt19937 rng(seed);
      TextDoc doc = BaseDocument();
      perturb(&doc, rng);
      const FlatDoc flat = Flatten(doc);
      ASSERT_TRUE(GoldIsConsistent(flat)) << name << " seed " << seed;
      const Outcome outcome = AlignAndScore(flat, lexicon_);
      const double f1 = outcome.scores.f1_strict;
      EXPECT_GE(f1, seed_floor) << name << " seed " << seed << ": strict F1 " << f1 << " (P "
                                << outcome.scores.precision_strict << ", R " << outcome.scores.recall_strict
                                << "), lexicon " << (lexicon_ ? "CC-CEDICT" : "none") << outcome.wrong;
      sum += f1;
      lowest = std::min(lowest, f1);
    }
    const double mean = sum / std::size(kSeeds);
    std::cout << "[synthetic] " << name << " lexicon=" << (lexicon_ ? "cedict" : "none") << " strict F1 mean " << mean
              << " min " << lowest << "\n";
    EXPECT_GE(mean, threshold) << name << ": mean strict F1 over " << std::size(kSeeds) << " seeds";
  }

  const Lexicon* lexicon_ = nullptr;
};

TEST_P(SyntheticAlignmentTest, IdentityIsExact) {
  const FlatDoc flat = Flatten(BaseDocument());
  ASSERT_TRUE(GoldIsConsistent(flat));
  const Outcome outcome = AlignAndScore(flat, lexicon_);
  std::cout << "[synthetic] identity lexicon=" << (lexicon_ ? "cedict" : "none") << " strict F1 "
            << outcome.scores.f1_strict << "\n";
  EXPECT_DOUBLE_EQ(outcome.scores.f1_strict, 1.0) << outcome.wrong;
}

TEST_P(SyntheticAlignmentTest, SplitEnglishUnits) {
  CheckSeeds("split", kWithLexicon, kNoLexiconSplit, [](TextDoc* doc, std::mt19937& rng) {
    std::vector<bool> touched(doc->size(), false);
    SplitEnglish(doc, 0.15, rng, &touched);
  });
}

TEST_P(SyntheticAlignmentTest, MergeChineseUnits) {
  CheckSeeds("merge", kWithLexicon, kNoLexiconMerge, [](TextDoc* doc, std::mt19937& rng) {
    std::vector<bool> touched(doc->size(), false);
    MergeChinese(doc, 0.15, rng, &touched);
  });
}

TEST_P(SyntheticAlignmentTest, DropEnglishUnits) {
  CheckSeeds("drop-en", kWithLexicon, kNoLexiconDrop, [](TextDoc* doc, std::mt19937& rng) {
    std::vector<bool> touched(doc->size(), false);
    DropSide(doc, /*drop_english=*/true, 0.10, rng, &touched);
  });
}

TEST_P(SyntheticAlignmentTest, DropChineseUnits) {
  CheckSeeds("drop-zh", kWithLexicon, kNoLexiconDrop, [](TextDoc* doc, std::mt19937& rng) {
    std::vector<bool> touched(doc->size(), false);
    DropSide(doc, /*drop_english=*/false, 0.10, rng, &touched);
  });
}

// The aligner must follow the content, not the original order.
TEST_P(SyntheticAlignmentTest, SwapAdjacentBeads) {
  CheckSeeds("swap", kWithLexicon, kNoLexiconSwap,
             [](TextDoc* doc, std::mt19937& rng) { SwapAdjacent(doc, Share(0.10, doc->size()), rng); });
}

TEST_P(SyntheticAlignmentTest, MuchLongerEnglish) {
  CheckSeeds("longer", kWithLexicon, kNoLexiconLonger,
             [](TextDoc* doc, std::mt19937& rng) { LengthenEnglish(doc, rng); });
}

// Deterministic: the same half of every unit whatever the seed.
TEST_P(SyntheticAlignmentTest, MuchShorterEnglish) {
  TextDoc doc = BaseDocument();
  ShortenEnglish(&doc);
  const FlatDoc flat = Flatten(doc);
  ASSERT_TRUE(GoldIsConsistent(flat));
  const Outcome outcome = AlignAndScore(flat, lexicon_);
  std::cout << "[synthetic] shorter lexicon=" << (lexicon_ ? "cedict" : "none") << " strict F1 "
            << outcome.scores.f1_strict << "\n";
  EXPECT_GE(outcome.scores.f1_strict, GetParam() ? kWithLexicon : kNoLexiconShorter) << outcome.wrong;
}

// Split, drop and merge on one document, each on beads of its own.
TEST_P(SyntheticAlignmentTest, SplitDropMergeCombined) {
  CheckSeeds(
      "combined", kCombinedWithLexicon, kNoLexiconCombined,
      [](TextDoc* doc, std::mt19937& rng) {
        std::vector<bool> touched(doc->size(), false);
        DropSide(doc, /*drop_english=*/true, 0.05, rng, &touched);
        DropSide(doc, /*drop_english=*/false, 0.05, rng, &touched);
        SplitEnglish(doc, 0.15, rng, &touched);
        MergeChinese(doc, 0.15, rng, &touched);  // last: it changes the bead count
      },
      kCombinedSeedFloor);
}

// A bead's cost does not depend on which part of a block scored it, nor on
// the order the parts run in: the beads, their costs and confidences are
// the same scored in one part, in three on threads, and in four run last
// first.
TEST_P(SyntheticAlignmentTest, BeadsAreTheSameScoredInParts) {
  std::mt19937 rng(42);
  TextDoc doc;
  for (int copy = 0; copy < 4; ++copy) {  // long enough for several blocks of rows
    const TextDoc base = BaseDocument();
    doc.insert(doc.end(), base.begin(), base.end());
  }
  std::vector<bool> touched(doc.size(), false);
  DropSide(&doc, /*drop_english=*/true, 0.05, rng, &touched);
  SplitEnglish(&doc, 0.15, rng, &touched);
  const FlatDoc flat = Flatten(doc);
  LexicalSpace space(lexicon_);
  std::vector<AlignUnit> zh, en;
  for (const std::string& text : flat.zh) zh.push_back(space.MakeZh(text));
  for (const std::string& text : flat.en) en.push_back(space.MakeEn(text));
  ASSERT_GT(zh.size(), 128u);
  const std::vector<Bead> one = AlignUnits(zh, en, space, AlignerOptions{});

  AlignerOptions on_threads;
  on_threads.scoring.parts = 3;
  on_threads.scoring.run_all = [](const std::vector<std::function<void()>>& tasks) {
    std::vector<std::thread> threads;
    for (const std::function<void()>& task : tasks) threads.emplace_back(task);
    for (std::thread& t : threads) t.join();
  };
  AlignerOptions last_first;
  last_first.scoring.parts = 4;
  last_first.scoring.run_all = [](const std::vector<std::function<void()>>& tasks) {
    for (auto task = tasks.rbegin(); task != tasks.rend(); ++task) (*task)();
  };
  for (const AlignerOptions* options : {&on_threads, &last_first}) {
    const std::vector<Bead> parts = AlignUnits(zh, en, space, *options);
    ASSERT_EQ(parts.size(), one.size());
    for (size_t k = 0; k < one.size(); ++k) {
      EXPECT_EQ(parts[k].zh_begin, one[k].zh_begin) << k;
      EXPECT_EQ(parts[k].zh_end, one[k].zh_end) << k;
      EXPECT_EQ(parts[k].en_begin, one[k].en_begin) << k;
      EXPECT_EQ(parts[k].en_end, one[k].en_end) << k;
      EXPECT_EQ(parts[k].cost, one[k].cost) << k;
      EXPECT_EQ(parts[k].confidence, one[k].confidence) << k;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutLexicon, SyntheticAlignmentTest, ::testing::Values(true, false),
                         [](const auto& param_info) { return param_info.param ? "Cedict" : "NoLexicon"; });

// The perturbation helpers themselves: the gold they build is what the tests
// above trust.
TEST(PerturbationTest, BaseDocumentIsOneToOne) {
  const FlatDoc flat = Flatten(BaseDocument());
  ASSERT_TRUE(GoldIsConsistent(flat));
  EXPECT_EQ(CountShape(flat.gold, 1, 1), static_cast<int>(flat.gold.size()));
  EXPECT_EQ(flat.zh.size(), flat.en.size());
}

TEST(PerturbationTest, SplitPointIsAClauseBoundaryNearTheMiddle) {
  EXPECT_EQ(SplitPoint("One two three four, five six seven eight."), 18u);
  EXPECT_EQ(SplitPoint("A, b c d e f g h i j k l m n o p q r s t u v w x y z."), std::nullopt);
  EXPECT_EQ(SplitPoint("No boundary in this sentence at all."), std::nullopt);
  // The one nearer the middle wins.
  EXPECT_EQ(SplitPoint("aaaaaaaaaa, bbbbb; cccccccccccccccccccc."), 17u);
}

TEST(PerturbationTest, SplitMakesOneToTwoBeadsAndKeepsTheText) {
  std::mt19937 rng(7);
  TextDoc doc = BaseDocument();
  std::vector<bool> touched(doc.size(), false);
  SplitEnglish(&doc, 0.15, rng, &touched);
  const FlatDoc flat = Flatten(doc);
  ASSERT_TRUE(GoldIsConsistent(flat));
  const int splits = CountShape(flat.gold, 1, 2);
  EXPECT_EQ(splits, static_cast<int>(Share(0.15, BaseDocument().size())));
  EXPECT_EQ(flat.en.size(), BaseDocument().size() + static_cast<size_t>(splits));
  for (size_t k = 0; k < doc.size(); ++k) {
    if (doc[k].en.size() != 2) continue;
    EXPECT_EQ(doc[k].en[0] + " " + doc[k].en[1], BaseDocument()[k].en[0]);
    EXPECT_TRUE(doc[k].en[0].back() == ',' || doc[k].en[0].back() == ';') << doc[k].en[0];
  }
}

TEST(PerturbationTest, MergeMakesTwoChineseSentencesOneUnit) {
  std::mt19937 rng(42);
  TextDoc doc = BaseDocument();
  std::vector<bool> touched(doc.size(), false);
  MergeChinese(&doc, 0.15, rng, &touched);
  const FlatDoc flat = Flatten(doc);
  ASSERT_TRUE(GoldIsConsistent(flat));
  const size_t merges = Share(0.15, BaseDocument().size() - 1);
  EXPECT_EQ(CountShape(flat.gold, 1, 2), static_cast<int>(merges));
  EXPECT_EQ(flat.zh.size(), BaseDocument().size() - merges);
  EXPECT_EQ(flat.en.size(), BaseDocument().size());
  // The English side is untouched and every Chinese character is kept.
  std::string zh_before, zh_after;
  for (const TextBead& b : BaseDocument()) zh_before += b.zh[0];
  for (const std::string& s : flat.zh) zh_after += s;
  EXPECT_EQ(zh_after, zh_before);
  for (size_t j = 0; j < flat.en.size(); ++j) EXPECT_EQ(flat.en[j], BaseDocument()[j].en[0]);
}

TEST(PerturbationTest, DropLeavesSkipsAndNoSubstitutions) {
  for (uint32_t seed : kSeeds) {
    std::mt19937 rng(seed);
    TextDoc doc = BaseDocument();
    std::vector<bool> touched(doc.size(), false);
    DropSide(&doc, true, 0.10, rng, &touched);
    DropSide(&doc, false, 0.10, rng, &touched);
    const FlatDoc flat = Flatten(doc);
    ASSERT_TRUE(GoldIsConsistent(flat));
    const int drops = static_cast<int>(Share(0.10, BaseDocument().size()));
    EXPECT_EQ(CountShape(flat.gold, 1, 0), drops) << seed;
    EXPECT_EQ(CountShape(flat.gold, 0, 1), drops) << seed;
    for (size_t k = 0; k + 1 < flat.gold.size(); ++k) {
      const IndexBead &a = flat.gold[k], &b = flat.gold[k + 1];
      EXPECT_FALSE(a.en.empty() && b.zh.empty()) << "substitution at " << k << ", seed " << seed;
      EXPECT_FALSE(a.zh.empty() && b.en.empty()) << "substitution at " << k << ", seed " << seed;
    }
  }
}

TEST(PerturbationTest, SwapKeepsPairsTogether) {
  std::mt19937 rng(101);
  TextDoc doc = BaseDocument();
  SwapAdjacent(&doc, 5, rng);
  ASSERT_EQ(doc.size(), BaseDocument().size());
  int moved = 0;
  for (size_t k = 0; k < doc.size(); ++k) {
    if (doc[k].zh == BaseDocument()[k].zh) {
      EXPECT_EQ(doc[k].en, BaseDocument()[k].en);
      continue;
    }
    ++moved;
    // A swapped bead comes from a neighbour, with its own English.
    const TextBead& from =
        k > 0 && doc[k].zh == BaseDocument()[k - 1].zh ? BaseDocument()[k - 1] : BaseDocument()[k + 1];
    EXPECT_EQ(doc[k].zh, from.zh);
    EXPECT_EQ(doc[k].en, from.en);
  }
  EXPECT_EQ(moved, 10);
  EXPECT_EQ(CountShape(Flatten(doc).gold, 1, 1), static_cast<int>(doc.size()));
}

TEST(PerturbationTest, LengthExtremesChangeOnlyTheEnglishLength) {
  std::mt19937 rng(1);
  TextDoc longer = BaseDocument(), shorter = BaseDocument();
  LengthenEnglish(&longer, rng);
  ShortenEnglish(&shorter);
  const TextDoc& base = BaseDocument();
  ASSERT_EQ(longer.size(), base.size());
  ASSERT_EQ(shorter.size(), base.size());
  for (size_t k = 0; k < base.size(); ++k) {
    EXPECT_EQ(longer[k].zh, base[k].zh);
    EXPECT_EQ(shorter[k].zh, base[k].zh);
    ASSERT_EQ(longer[k].en.size(), 1u);
    ASSERT_EQ(shorter[k].en.size(), 1u);
    // Longer keeps the unit as a prefix; shorter is a prefix of it.
    EXPECT_EQ(longer[k].en[0].rfind(base[k].en[0], 0), 0u);
    EXPECT_GT(longer[k].en[0].size(), base[k].en[0].size() + 10);
    EXPECT_EQ(base[k].en[0].rfind(shorter[k].en[0], 0), 0u);
    const auto words = [](const std::string& s) {
      std::stringstream in(s);
      std::string w;
      size_t n = 0;
      while (in >> w) ++n;
      return n;
    };
    EXPECT_EQ(words(shorter[k].en[0]), (words(base[k].en[0]) + 1) / 2);
  }
  EXPECT_EQ(FirstClause("First part, second part."), "First part");
  EXPECT_EQ(FirstClause("No clause here."), "No clause here");
}

}  // namespace
}  // namespace bitext::align
