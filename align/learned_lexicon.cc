#include "learned_lexicon.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "sorted_unique.h"

namespace bitext::align {
namespace {

// Word pairs that share a bead, numbered; each bead lists its pairs
// Chinese-major (pair of zh[a] and en[b] at a * |en| + b).
struct Cooccurrence {
  std::vector<int> zh_of, en_of;  // per pair id
  std::vector<int> count;         // beads the pair shares
  std::vector<std::vector<int>> bead_pairs;
};

Cooccurrence CountPairs(const std::vector<std::vector<int>>& zh, const std::vector<std::vector<int>>& en,
                        const std::vector<size_t>& beads) {
  Cooccurrence c;
  std::unordered_map<uint64_t, int> ids;
  for (size_t k : beads) {
    std::vector<int> pairs;
    pairs.reserve(zh[k].size() * en[k].size());
    for (int f : zh[k]) {
      for (int e : en[k]) {
        const uint64_t key = (static_cast<uint64_t>(f) << 32) | static_cast<uint32_t>(e);
        auto [it, inserted] = ids.emplace(key, static_cast<int>(c.zh_of.size()));
        if (inserted) {
          c.zh_of.push_back(f);
          c.en_of.push_back(e);
          c.count.push_back(0);
        }
        ++c.count[static_cast<size_t>(it->second)];
        pairs.push_back(it->second);
      }
    }
    c.bead_pairs.push_back(std::move(pairs));
  }
  return c;
}

// IBM Model 1 by EM: t(target | source) for every co-occurring pair, with
// an empty source word in every bead. `source_of`/`target_of` say which
// side of a pair is which; pairs of a bead are source-major when
// `source_major`, else target-major (the bead's layout is Chinese-major).
std::vector<double> TrainModel1(const Cooccurrence& c, const std::vector<std::vector<int>>& zh,
                                const std::vector<std::vector<int>>& en, const std::vector<size_t>& beads,
                                bool zh_is_source, int source_vocabulary, int target_vocabulary, int iterations) {
  const std::vector<int>& source_of = zh_is_source ? c.zh_of : c.en_of;
  std::vector<double> t(c.zh_of.size(), 1.0), counts(c.zh_of.size());
  std::vector<double> t_empty(static_cast<size_t>(target_vocabulary), 1.0), empty_counts(t_empty.size());
  std::vector<double> source_totals(static_cast<size_t>(source_vocabulary));
  for (int iteration = 0; iteration < iterations; ++iteration) {
    std::fill(counts.begin(), counts.end(), 0.0);
    std::fill(empty_counts.begin(), empty_counts.end(), 0.0);
    for (size_t b = 0; b < beads.size(); ++b) {
      const std::vector<int>& f = zh[beads[b]];
      const std::vector<int>& e = en[beads[b]];
      const std::vector<int>& pairs = c.bead_pairs[b];
      const size_t targets = zh_is_source ? e.size() : f.size();
      const size_t sources = zh_is_source ? f.size() : e.size();
      for (size_t y = 0; y < targets; ++y) {
        // The pair of source x and target y in the Chinese-major layout.
        auto pair_at = [&](size_t x) {
          return static_cast<size_t>(zh_is_source ? pairs[x * e.size() + y] : pairs[y * e.size() + x]);
        };
        const size_t target = static_cast<size_t>(zh_is_source ? e[y] : f[y]);
        double denominator = t_empty[target];
        for (size_t x = 0; x < sources; ++x) denominator += t[pair_at(x)];
        for (size_t x = 0; x < sources; ++x) counts[pair_at(x)] += t[pair_at(x)] / denominator;
        empty_counts[target] += t_empty[target] / denominator;
      }
    }
    std::fill(source_totals.begin(), source_totals.end(), 0.0);
    for (size_t p = 0; p < counts.size(); ++p) source_totals[static_cast<size_t>(source_of[p])] += counts[p];
    for (size_t p = 0; p < counts.size(); ++p) {
      const double total = source_totals[static_cast<size_t>(source_of[p])];
      t[p] = total > 0 ? counts[p] / total : 0;
    }
    double empty_total = 0;
    for (double x : empty_counts) empty_total += x;
    for (size_t y = 0; y < t_empty.size(); ++y) t_empty[y] = empty_total > 0 ? empty_counts[y] / empty_total : 0;
  }
  return t;
}

}  // namespace

int LexiconLearner::InternZh(const std::string& word) {
  auto [it, inserted] = zh_ids_.emplace(word, static_cast<int>(zh_words_.size()));
  if (inserted) zh_words_.push_back(word);
  return it->second;
}

int LexiconLearner::InternStem(const std::string& stem, const std::string& form) {
  auto [it, inserted] = stem_ids_.emplace(stem, static_cast<int>(stem_forms_.size()));
  if (inserted) stem_forms_.emplace_back();
  ++stem_forms_[static_cast<size_t>(it->second)][form];
  return it->second;
}

void LexiconLearner::AddPair(std::string_view zh, std::string_view en) {
  std::vector<int> zh_ids, en_ids;
  for (const std::string& word : ChineseWords(zh, *lexicon_)) zh_ids.push_back(InternZh(word));
  for (const std::string& word : EnglishWords(en)) en_ids.push_back(InternStem(Stem(word), word));
  zh_.push_back(SortedUnique(std::move(zh_ids)));
  en_.push_back(SortedUnique(std::move(en_ids)));
}

std::vector<LearnedEntry> LexiconLearner::Learn(const LearningOptions& options) const {
  std::vector<size_t> beads;
  const size_t step =
      std::max<size_t>(1, (zh_.size() + options.max_pairs - 1) / std::max<size_t>(options.max_pairs, 1));
  for (size_t k = 0; k < zh_.size(); k += step) {
    if (!zh_[k].empty() && !en_[k].empty()) beads.push_back(k);
  }
  const Cooccurrence c = CountPairs(zh_, en_, beads);
  const int zh_vocabulary = static_cast<int>(zh_words_.size());
  const int en_vocabulary = static_cast<int>(stem_forms_.size());
  const std::vector<double> e_given_f =
      TrainModel1(c, zh_, en_, beads, true, zh_vocabulary, en_vocabulary, options.iterations);
  const std::vector<double> f_given_e =
      TrainModel1(c, zh_, en_, beads, false, en_vocabulary, zh_vocabulary, options.iterations);

  std::map<std::string, std::vector<std::string>> kept;  // sorted by Chinese word
  for (size_t p = 0; p < c.count.size(); ++p) {
    if (c.count[p] < options.min_count || e_given_f[p] < options.threshold || f_given_e[p] < options.threshold) {
      continue;
    }
    const auto& forms = stem_forms_[static_cast<size_t>(c.en_of[p])];
    const auto commonest = std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) {
      return a.second < b.second || (a.second == b.second && a.first > b.first);
    });
    kept[zh_words_[static_cast<size_t>(c.zh_of[p])]].push_back(commonest->first);
  }
  std::vector<LearnedEntry> entries;
  for (auto& [chinese, english] : kept) {
    std::sort(english.begin(), english.end());
    entries.push_back({chinese, std::move(english)});
  }
  return entries;
}

Lexicon ToLexicon(const std::vector<LearnedEntry>& entries) {
  Lexicon lexicon;
  for (const LearnedEntry& entry : entries) {
    for (const std::string& word : entry.english) lexicon.Add(entry.chinese, word);
  }
  return lexicon;
}

std::string ToCedictText(const std::vector<LearnedEntry>& entries) {
  std::string text = "# learned from aligned text by bitext (IBM Model 1, both directions)\n";
  for (const LearnedEntry& entry : entries) {
    text += entry.chinese + " " + entry.chinese + " [learned] /";
    for (const std::string& word : entry.english) text += word + "/";
    text += "\n";
  }
  return text;
}

}  // namespace bitext::align
