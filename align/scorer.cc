#include "scorer.h"

#include <algorithm>
#include <cmath>

namespace bitext::align {
namespace {

constexpr double kMaxLengthCost = 8.0;
// Word pairs needed before lexical similarity counts in full.
constexpr double kFullLexicalEvidence = 4.0;
// Confidence = exp(-evidence cost / kConfidenceScale): a bead whose evidence
// costs 7 (a poor length match and little lexical overlap) is at 0.5.
constexpr double kConfidenceScale = 10.0;

std::vector<int> SortedUnique(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::vector<int> MergeRange(const std::vector<std::vector<int>>& sets, int begin, int end) {
  if (end - begin == 1) return sets[static_cast<size_t>(begin)];
  std::vector<int> out;
  for (int i = begin; i < end; ++i) {
    const auto& s = sets[static_cast<size_t>(i)];
    out.insert(out.end(), s.begin(), s.end());
  }
  return SortedUnique(std::move(out));
}

bool Contains(const std::vector<int>& sorted, int id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

}  // namespace

BeadScorer::BeadScorer(const std::vector<AlignUnit>& zh, const std::vector<AlignUnit>& en,
                       const LexicalSpace& space, LengthModel length, Weights weights)
    : zh_(zh), en_(en), space_(space), length_(length), weights_(weights) {
  if (!space_.has_lexicon()) return;
  zh_glosses_.reserve(zh.size());
  for (const AlignUnit& u : zh) {
    std::vector<int> g;
    for (int w : u.words) {
      const auto& glosses = space_.GlossesOf(w);
      g.insert(g.end(), glosses.begin(), glosses.end());
    }
    zh_glosses_.push_back(SortedUnique(std::move(g)));
  }
  en_stems_.reserve(en.size());
  for (const AlignUnit& u : en) en_stems_.push_back(SortedUnique(u.words));
}

double BeadScorer::LexicalSimilarity(int zh_begin, int zh_end, int en_begin, int en_end,
                                     int* material) const {
  const std::vector<int> stems = MergeRange(en_stems_, en_begin, en_end);
  const std::vector<int> glosses = MergeRange(zh_glosses_, zh_begin, zh_end);
  double zh_found = 0, zh_total = 0;
  int zh_glossed = 0;
  for (int i = zh_begin; i < zh_end; ++i) {
    for (int w : zh_[static_cast<size_t>(i)].words) {
      const std::vector<int>& g = space_.GlossesOf(w);
      if (g.empty()) continue;
      ++zh_glossed;
      double idf = space_.ZhIdf(w);
      zh_total += idf;
      if (std::any_of(g.begin(), g.end(), [&](int id) { return Contains(stems, id); })) {
        zh_found += idf;
      }
    }
  }
  double en_found = 0, en_total = 0;
  for (int s : stems) {
    double idf = space_.EnIdf(s);
    en_total += idf;
    if (Contains(glosses, s)) en_found += idf;
  }
  *material = std::min(zh_glossed, static_cast<int>(stems.size()));
  if (zh_total <= 0 || en_total <= 0) return -1;
  const double zh_cover = zh_found / zh_total;
  const double en_cover = en_found / en_total;
  return zh_cover + en_cover > 0 ? 2 * zh_cover * en_cover / (zh_cover + en_cover) : 0;
}

double BeadScorer::EvidenceCost(int zh_begin, int zh_end, int en_begin, int en_end,
                                BeadEvidence* evidence) const {
  double zh_length = 0, en_length = 0;
  Anchors zh_anchors, en_anchors;
  int zh_headings = 0, en_headings = 0, zh_bullets = 0, en_bullets = 0;
  int zh_number = 0, en_number = 0;
  for (int i = zh_begin; i < zh_end; ++i) {
    const AlignUnit& u = zh_[static_cast<size_t>(i)];
    zh_length += u.length;
    zh_anchors.Add(u.anchors);
    zh_headings += u.role == Role::kHeading;
    zh_bullets += u.role == Role::kBullet;
    zh_number = u.number;
  }
  for (int j = en_begin; j < en_end; ++j) {
    const AlignUnit& u = en_[static_cast<size_t>(j)];
    en_length += u.length;
    en_anchors.Add(u.anchors);
    en_headings += u.role == Role::kHeading;
    en_bullets += u.role == Role::kBullet;
    en_number = u.number;
  }

  double cost = 0;
  const double length_cost = std::min(length_.Cost(zh_length, en_length), kMaxLengthCost);
  // Without a lexicon, length is the main evidence and weighs twice.
  const double length_weight = space_.has_lexicon() ? weights_.length : 2 * weights_.length;
  cost += length_weight * length_cost;

  std::vector<std::string> matched;
  const double anchors = AnchorSimilarity(zh_anchors, en_anchors, evidence ? &matched : nullptr);
  if (anchors >= 0) cost += weights_.anchors * (1 - anchors);

  double lexical = -1;
  if (space_.has_lexicon()) {
    int material = 0;
    lexical = LexicalSimilarity(zh_begin, zh_end, en_begin, en_end, &material);
    if (lexical >= 0) {
      // A few words are thin evidence ("2021年1月" ~ "January 2021").
      const double reliability = std::min(1.0, material / kFullLexicalEvidence);
      cost += reliability * weights_.lexical *
              std::max(0.0, 1 - lexical / weights_.typical_lexical);
    }
  }

  double conflicts = 0;
  const int units = (zh_end - zh_begin) + (en_end - en_begin);
  if ((zh_headings > 0) != (en_headings > 0)) conflicts += 1;
  if (zh_headings > 0 && units > 2) conflicts += 1;  // headings stand alone
  if (zh_headings == 1 && en_headings == 1 && units == 2 && zh_number > 0 && en_number > 0 &&
      zh_number != en_number) {
    conflicts += 1;
  }
  if ((zh_bullets > 0) != (en_bullets > 0)) conflicts += 0.5;
  if ((zh_bullets > 0 && zh_end - zh_begin > 1) || (en_bullets > 0 && en_end - en_begin > 1)) {
    conflicts += 0.5;
  }
  cost += weights_.structure * conflicts;

  if (evidence) {
    evidence->length_probability = std::exp(-length_cost);
    evidence->lexical = lexical;
    evidence->anchors = anchors;
    evidence->structure_conflicts = conflicts;
    evidence->matched_anchors = std::move(matched);
  }
  return cost;
}

double BeadScorer::Cost(int zh_begin, int zh_end, int en_begin, int en_end,
                        BeadEvidence* evidence) const {
  const int zh_units = zh_end - zh_begin, en_units = en_end - en_begin;
  if (zh_units == 0 || en_units == 0) return weights_.skip * (zh_units + en_units);
  // Evidence grows with the bead's size (the square root of its mean side),
  // so that a merged bead cannot win just by paying for its evidence once.
  // Chosen over a linear factor and over none on MAC-Dev and on synthetic
  // merges (strict F1).
  const double units = std::sqrt((zh_units + en_units) / 2.0);
  return units * EvidenceCost(zh_begin, zh_end, en_begin, en_end, evidence) +
         weights_.merge * (zh_units + en_units - 2);
}

double BeadScorer::Confidence(int zh_begin, int zh_end, int en_begin, int en_end) const {
  if (zh_end == zh_begin || en_end == en_begin) return 0;
  return std::exp(-EvidenceCost(zh_begin, zh_end, en_begin, en_end, nullptr) / kConfidenceScale);
}

}  // namespace bitext::align
