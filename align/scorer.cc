#include "scorer.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "sorted_unique.h"

namespace bitext::align {
namespace {

constexpr double kMaxLengthCost = 8.0;
// Word pairs needed before lexical similarity counts in full.
constexpr double kFullLexicalEvidence = 4.0;
// A unit needs this many content words for its own coverage to be judged
// (an orphan unit merged into a bead shows as one poorly covered unit).
constexpr int kUnitMaterial = 3;
// Fit = exp(-evidence cost / kFitScale): a bead whose evidence costs 7 (a
// poor length match and little lexical overlap) is at 0.5.
constexpr double kFitScale = 10.0;

// Coverage of a side: the share of its IDF mass the other side explains,
// and the worst share among its units with enough material.
struct Coverage {
  double found = 0, total = 0;
  double worst_unit = 1;
  int words = 0;

  void AddUnit(double unit_found, double unit_total, int unit_words) {
    found += unit_found;
    total += unit_total;
    words += unit_words;
    if (unit_words >= kUnitMaterial && unit_total > 0) {
      worst_unit = std::min(worst_unit, unit_found / unit_total);
    }
  }
  double Share() const { return total > 0 ? found / total : 0; }
};

// Whether the quotation marks of units [begin, end) pair up: every quote
// closed inside was opened inside, and every one opened is closed.
bool QuotesBalance(const std::vector<AlignUnit>& units, int begin, int end) {
  int depth = 0;
  for (int k = begin; k < end; ++k) {
    const AlignUnit& u = units[static_cast<size_t>(k)];
    if (depth + u.quote_low < 0) return false;
    depth += u.quote_net;
  }
  return depth == 0;
}

}  // namespace

BeadScorer::BeadScorer(const std::vector<AlignUnit>& zh, const std::vector<AlignUnit>& en, const LexicalSpace& space,
                       LengthModel length, Weights weights)
    : zh_(zh), en_(en), space_(space), length_(length), weights_(weights) {
  LayOutUnits();
  scratches_.push_back(NewScratch());
}

BeadScorer::Scratch& BeadScorer::PartScratch(size_t part) const {
  while (scratches_.size() <= part) scratches_.push_back(NewScratch());
  return scratches_[part];
}

BeadScorer::Scratch BeadScorer::NewScratch() const {
  Scratch scratch;
  scratch.anchor_marks.assign(static_cast<size_t>(space_.anchor_count()), 0);
  const size_t stems = static_cast<size_t>(space_.stem_count());
  if (space_.has_lexicon() || has_mt_) scratch.stem_marks.assign(stems, 0);
  if (space_.has_lexicon()) scratch.gloss_marks.assign(stems, 0);
  if (has_mt_) scratch.mt_marks.assign(stems, 0);
  return scratch;
}

void BeadScorer::LayOutUnits() {
  const std::vector<AlignUnit>& zh = zh_;
  const std::vector<AlignUnit>& en = en_;
  has_mt_ = std::any_of(zh.begin(), zh.end(), [](const AlignUnit& u) { return !u.mt_stems.empty(); });
  if (!space_.has_lexicon() && !has_mt_) return;
  std::vector<double> en_idf;  // per stem id
  for (int s = 0; s < space_.stem_count(); ++s) en_idf.push_back(space_.EnIdf(s));
  // The English stems serve the lexicon and the machine translation alike.
  size_t en_words = 0, zh_words = 0, mt_words = 0;
  for (const AlignUnit& u : en) en_words += u.words.size();
  for (const AlignUnit& u : zh) zh_words += u.words.size(), mt_words += u.mt_stems.size();
  en_stems_.Reserve(en.size(), en_words);  // room for every word; repeats take less
  en_stem_idf_.Reserve(en.size(), en_words);
  std::vector<double> idfs;
  for (const AlignUnit& u : en) {
    const std::vector<int> stems = SortedUnique(u.words);
    idfs.clear();
    double total = 0;
    for (int s : stems) {
      idfs.push_back(en_idf[static_cast<size_t>(s)]);
      total += idfs.back();
    }
    en_stems_.AddRow(stems);
    en_stem_idf_.AddRow(idfs);
    en_total_.push_back(total);
  }
  if (has_mt_) {
    // An MT stem the English never uses weighs as a stem of one unit would.
    mt_stem_idf_.Reserve(zh.size(), mt_words);
    for (const AlignUnit& u : zh) {
      idfs.clear();
      for (int s : u.mt_stems) idfs.push_back(en_idf[static_cast<size_t>(s)]);
      mt_stem_idf_.AddRow(idfs);
    }
  }
  if (!space_.has_lexicon()) return;
  // A gloss no English unit has can never be found: left out of the pool
  // and of the marks, it changes no sum (most of CC-CEDICT's glosses of a
  // text's words are words its English does not use).
  std::vector<char> in_english(static_cast<size_t>(space_.stem_count()), 0);
  for (const AlignUnit& u : en) {
    for (int s : u.words) in_english[static_cast<size_t>(s)] = 1;
  }
  std::vector<double> zh_idf;  // per word id
  for (int w = 0; w < space_.zh_word_count(); ++w) zh_idf.push_back(space_.ZhIdf(w));
  // Each word's glosses enter the pool once, however often it occurs.
  std::vector<int> pooled_at(static_cast<size_t>(space_.zh_word_count()), -1);
  std::vector<int> pooled_end(static_cast<size_t>(space_.zh_word_count()), -1);
  std::vector<ZhWord> words;
  std::vector<int> unit_glosses;
  zh_words_.Reserve(zh.size(), zh_words);
  for (const AlignUnit& u : zh) {
    words.clear();
    double total = 0;
    for (int w : u.words) {
      const std::vector<int>& glosses = space_.GlossesOf(w);
      if (glosses.empty()) continue;
      const double idf = zh_idf[static_cast<size_t>(w)];
      int& begin = pooled_at[static_cast<size_t>(w)];
      if (begin < 0) {
        begin = static_cast<int>(zh_gloss_pool_.size());
        std::copy_if(glosses.begin(), glosses.end(), std::back_inserter(zh_gloss_pool_),
                     [&](int g) { return in_english[static_cast<size_t>(g)]; });
        pooled_end[static_cast<size_t>(w)] = static_cast<int>(zh_gloss_pool_.size());
      }
      words.push_back({idf, begin, pooled_end[static_cast<size_t>(w)]});
      total += idf;
    }
    zh_words_.AddRow(words);
    // Each gloss once, to be marked once: through the words' spans of the
    // pool, a gloss two words share would be marked again (7% more work).
    unit_glosses.clear();
    for (const ZhWord& w : words) {
      unit_glosses.insert(unit_glosses.end(), zh_gloss_pool_.begin() + w.glosses_begin,
                          zh_gloss_pool_.begin() + w.glosses_end);
    }
    zh_glosses_.AddRow(SortedUnique(unit_glosses));
    zh_total_.push_back(total);
  }
}

uint32_t BeadScorer::Scratch::NextStamp() {
  if (++stamp == 0) {  // wrapped: old marks could collide, clear them
    std::fill(stem_marks.begin(), stem_marks.end(), 0);
    std::fill(gloss_marks.begin(), gloss_marks.end(), 0);
    std::fill(anchor_marks.begin(), anchor_marks.end(), 0);
    std::fill(mt_marks.begin(), mt_marks.end(), 0);
    stamp = 1;
  }
  return stamp;
}

namespace {

// Ranges longer than the longest bead side, or indexes beyond 2^28, are not
// cached.
constexpr int kMaxCachedRange = 7;
constexpr int64_t kMaxCachedIndex = int64_t{1} << 28;
// 256 KB: the band is swept row by row and a row's sums are asked for again
// within a few rows, so a cache that stays in the core's own cache pays
// better than a larger one that keeps more (4 MB took a third more time
// on 5,400 lines).
constexpr size_t kMaxFoundSlots = size_t{1} << 14;

uint64_t FoundKey(bool zh, int unit, int begin, int end) {
  return (uint64_t{zh} << 63) | (static_cast<uint64_t>(unit) << 31) | (static_cast<uint64_t>(begin) << 3) |
         static_cast<uint64_t>(end - begin);
}

}  // namespace

template <class Mark>
double BeadScorer::FoundSum(bool zh, int unit, int begin, int end, uint32_t stamp, Mark& mark, Scratch& scratch) const {
  const bool cacheable =
      end - begin >= 1 && end - begin <= kMaxCachedRange && unit < kMaxCachedIndex && begin < kMaxCachedIndex;
  FoundSlot* slot = nullptr;
  uint64_t key = 0;
  if (cacheable) {
    if (scratch.found_cache.empty()) {
      const size_t wanted = 64 * (zh_.size() + en_.size());
      size_t slots = 1024;
      while (slots < wanted && slots < kMaxFoundSlots) slots *= 2;
      scratch.found_cache.assign(slots, FoundSlot{});
    }
    key = FoundKey(zh, unit, begin, end);
    slot = &scratch.found_cache[(key * 0x9E3779B97F4A7C15ULL >> 20) & (scratch.found_cache.size() - 1)];
    if (slot->key == key) return slot->found;
  }
  mark();
  double found = 0;
  if (zh) {
    const int* pool = zh_gloss_pool_.data();
    const uint32_t* stem_marks = scratch.stem_marks.data();
    for (const ZhWord& w : zh_words_[static_cast<size_t>(unit)]) {
      for (int k = w.glosses_begin; k < w.glosses_end; ++k) {
        if (stem_marks[pool[k]] == stamp) {
          found += w.idf;
          break;
        }
      }
    }
  } else {
    const std::span<const int> stems = en_stems_[static_cast<size_t>(unit)];
    const double* idf = en_stem_idf_[static_cast<size_t>(unit)].data();
    const uint32_t* gloss_marks = scratch.gloss_marks.data();
    for (size_t k = 0; k < stems.size(); ++k) {
      if (gloss_marks[stems[k]] == stamp) found += idf[k];
    }
  }
  if (slot) *slot = {key, found};
  return found;
}

double BeadScorer::LexicalSimilarity(int zh_begin, int zh_end, int en_begin, int en_end, int* material,
                                     Scratch& scratch) const {
  const uint32_t stamp = scratch.NextStamp();
  // Each side's marks are set only when a sum has to be computed.
  bool en_marked = false, zh_marked = false;
  auto mark_en = [&] {
    if (en_marked) return;
    en_marked = true;
    for (int j = en_begin; j < en_end; ++j) {
      for (int s : en_stems_[static_cast<size_t>(j)]) scratch.stem_marks[static_cast<size_t>(s)] = stamp;
    }
  };
  auto mark_zh = [&] {
    if (zh_marked) return;
    zh_marked = true;
    for (int i = zh_begin; i < zh_end; ++i) {
      for (int g : zh_glosses_[static_cast<size_t>(i)]) scratch.gloss_marks[static_cast<size_t>(g)] = stamp;
    }
  };
  Coverage zh_side, en_side;
  for (int i = zh_begin; i < zh_end; ++i) {
    const double found = FoundSum(true, i, en_begin, en_end, stamp, mark_en, scratch);
    zh_side.AddUnit(found, zh_total_[static_cast<size_t>(i)],
                    static_cast<int>(zh_words_[static_cast<size_t>(i)].size()));
  }
  for (int j = en_begin; j < en_end; ++j) {
    const double found = FoundSum(false, j, zh_begin, zh_end, stamp, mark_zh, scratch);
    en_side.AddUnit(found, en_total_[static_cast<size_t>(j)],
                    static_cast<int>(en_stems_[static_cast<size_t>(j)].size()));
  }
  *material = std::min(zh_side.words, en_side.words);
  if (zh_side.total <= 0 || en_side.total <= 0) return -1;
  // Every unit of a bead should be rendered by the other side: a side's
  // share is the mean of its overall coverage and its worst unit's, so an
  // unrelated unit merged into a bead shows. (The plain minimum loses 0.07
  // strict F1 on MAC-Dev, where free translation leaves parts loosely covered.)
  const double zh_cover = (zh_side.Share() + std::min(zh_side.Share(), zh_side.worst_unit)) / 2;
  const double en_cover = (en_side.Share() + std::min(en_side.Share(), en_side.worst_unit)) / 2;
  return zh_cover + en_cover > 0 ? 2 * zh_cover * en_cover / (zh_cover + en_cover) : 0;
}

double BeadScorer::MtSimilarity(int zh_begin, int zh_end, int en_begin, int en_end, int* material,
                                Scratch& scratch) const {
  const uint32_t stamp = scratch.NextStamp();
  for (int j = en_begin; j < en_end; ++j) {
    for (int s : en_stems_[static_cast<size_t>(j)]) scratch.stem_marks[static_cast<size_t>(s)] = stamp;
  }
  for (int i = zh_begin; i < zh_end; ++i) {
    for (int s : zh_[static_cast<size_t>(i)].mt_stems) scratch.mt_marks[static_cast<size_t>(s)] = stamp;
  }
  // The bead's MT and its English, each taken as a whole.
  Coverage mt_side, en_side;
  for (int i = zh_begin; i < zh_end; ++i) {
    const std::vector<int>& stems = zh_[static_cast<size_t>(i)].mt_stems;
    const std::span<const double> idf = mt_stem_idf_[static_cast<size_t>(i)];
    double found = 0, total = 0;
    for (size_t k = 0; k < stems.size(); ++k) {
      total += idf[k];
      if (scratch.stem_marks[static_cast<size_t>(stems[k])] == stamp) found += idf[k];
    }
    mt_side.AddUnit(found, total, static_cast<int>(stems.size()));
  }
  for (int j = en_begin; j < en_end; ++j) {
    const std::span<const int> stems = en_stems_[static_cast<size_t>(j)];
    const std::span<const double> idf = en_stem_idf_[static_cast<size_t>(j)];
    double found = 0;
    for (size_t k = 0; k < stems.size(); ++k) {
      if (scratch.mt_marks[static_cast<size_t>(stems[k])] == stamp) found += idf[k];
    }
    en_side.AddUnit(found, en_total_[static_cast<size_t>(j)], static_cast<int>(stems.size()));
  }
  *material = std::min(mt_side.words, en_side.words);
  if (mt_side.total <= 0 || en_side.total <= 0) return -1;
  const double mt_cover = mt_side.Share(), en_cover = en_side.Share();
  return mt_cover + en_cover > 0 ? 2 * mt_cover * en_cover / (mt_cover + en_cover) : 0;
}

// Same rules as the string version in anchors.h, on interned ids.
double BeadScorer::AnchorSimilarity(int zh_begin, int zh_end, int en_begin, int en_end,
                                    std::vector<std::string>* matched, Scratch& scratch) const {
  scratch.zh_numbers.clear();
  scratch.en_numbers.clear();
  size_t zh_latin = 0;
  for (int i = zh_begin; i < zh_end; ++i) {
    const AlignUnit& u = zh_[static_cast<size_t>(i)];
    scratch.zh_numbers.insert(scratch.zh_numbers.end(), u.numbers.begin(), u.numbers.end());
    zh_latin += u.latin.size();
  }
  for (int j = en_begin; j < en_end; ++j) {
    const auto& n = en_[static_cast<size_t>(j)].numbers;
    scratch.en_numbers.insert(scratch.en_numbers.end(), n.begin(), n.end());
  }
  if ((scratch.zh_numbers.empty() && zh_latin == 0) || (scratch.en_numbers.empty() && zh_latin == 0)) return -1;
  if (zh_end - zh_begin > 1) std::sort(scratch.zh_numbers.begin(), scratch.zh_numbers.end());
  if (en_end - en_begin > 1) std::sort(scratch.en_numbers.begin(), scratch.en_numbers.end());

  int common = 0;
  size_t a = 0, b = 0;
  while (a < scratch.zh_numbers.size() && b < scratch.en_numbers.size()) {
    if (scratch.zh_numbers[a] == scratch.en_numbers[b]) {
      ++common;
      if (matched) matched->push_back(space_.AnchorName(scratch.zh_numbers[a]));
      ++a, ++b;
    } else if (scratch.zh_numbers[a] < scratch.en_numbers[b]) {
      ++a;
    } else {
      ++b;
    }
  }
  if (zh_latin > 0) {
    const uint32_t stamp = scratch.NextStamp();
    for (int j = en_begin; j < en_end; ++j) {
      for (int id : en_[static_cast<size_t>(j)].latin) scratch.anchor_marks[static_cast<size_t>(id)] = stamp;
    }
    for (int i = zh_begin; i < zh_end; ++i) {
      for (int id : zh_[static_cast<size_t>(i)].latin) {
        if (scratch.anchor_marks[static_cast<size_t>(id)] != stamp) continue;
        ++common;
        if (matched) matched->push_back(space_.AnchorName(id));
      }
    }
  }
  const size_t total = scratch.zh_numbers.size() + scratch.en_numbers.size() + 2 * zh_latin;
  return 2.0 * common / static_cast<double>(total);
}

double BeadScorer::EvidenceCost(int zh_begin, int zh_end, int en_begin, int en_end, BeadEvidence* evidence,
                                Scratch& scratch) const {
  double zh_length = 0, en_length = 0;
  int zh_headings = 0, en_headings = 0, zh_bullets = 0, en_bullets = 0;
  int zh_number = 0, en_number = 0;
  for (int i = zh_begin; i < zh_end; ++i) {
    const AlignUnit& u = zh_[static_cast<size_t>(i)];
    zh_length += u.length;
    zh_headings += u.role == Role::kHeading;
    zh_bullets += u.role == Role::kBullet;
    zh_number = u.number;
  }
  for (int j = en_begin; j < en_end; ++j) {
    const AlignUnit& u = en_[static_cast<size_t>(j)];
    en_length += u.length;
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
  const double anchors = AnchorSimilarity(zh_begin, zh_end, en_begin, en_end, evidence ? &matched : nullptr, scratch);
  if (anchors >= 0) cost += weights_.anchors * (1 - anchors);

  double lexical = -1;
  if (space_.has_lexicon()) {
    int material = 0;
    lexical = LexicalSimilarity(zh_begin, zh_end, en_begin, en_end, &material, scratch);
    if (lexical >= 0) {
      // A few words are thin evidence ("2021年1月" ~ "January 2021"). Above
      // the typical similarity the term turns into a bonus, down to -1.
      const double reliability = std::min(1.0, material / kFullLexicalEvidence);
      const double weight = has_mt_ ? weights_.lexical_with_mt : weights_.lexical;
      cost += reliability * weight * std::max(-1.0, 1 - lexical / weights_.typical_lexical);
    }
  }

  double mt = -1;
  if (has_mt_) {
    int material = 0;
    mt = MtSimilarity(zh_begin, zh_end, en_begin, en_end, &material, scratch);
    if (mt >= 0) {
      const double reliability = std::min(1.0, material / kFullLexicalEvidence);
      cost += reliability * weights_.machine_translation * std::max(-1.0, 1 - mt / weights_.typical_mt);
    }
  }

  double conflicts = 0;
  const int units = (zh_end - zh_begin) + (en_end - en_begin);
  if ((zh_headings > 0) != (en_headings > 0)) conflicts += 1;
  if (zh_headings > 0 && units > 2) conflicts += 1;  // headings stand alone
  if (zh_headings == 1 && en_headings == 1 && units == 2 && zh_number > 0 && en_number > 0 && zh_number != en_number) {
    conflicts += 1;
  }
  if ((zh_bullets > 0) != (en_bullets > 0)) conflicts += 0.5;
  if ((zh_bullets > 0 && zh_end - zh_begin > 1) || (en_bullets > 0 && en_end - en_begin > 1)) {
    conflicts += 0.5;
  }
  cost += weights_.structure * conflicts;

  // A bead that cuts a quotation in two usually belongs with its neighbour.
  const int unbalanced = !QuotesBalance(zh_, zh_begin, zh_end) + !QuotesBalance(en_, en_begin, en_end);
  cost += weights_.quotes * unbalanced;

  if (evidence) {
    evidence->length_probability = std::exp(-length_cost);
    evidence->lexical = lexical;
    evidence->anchors = anchors;
    evidence->mt = mt;
    evidence->structure_conflicts = conflicts;
    evidence->unbalanced_quotes = unbalanced;
    evidence->matched_anchors = std::move(matched);
  }
  return cost;
}

double BeadScorer::Cost(int zh_begin, int zh_end, int en_begin, int en_end, BeadEvidence* evidence) const {
  return Cost(zh_begin, zh_end, en_begin, en_end, evidence, scratches_.front());
}

double BeadScorer::Cost(int zh_begin, int zh_end, int en_begin, int en_end, Scratch& scratch) const {
  return Cost(zh_begin, zh_end, en_begin, en_end, nullptr, scratch);
}

double BeadScorer::Cost(int zh_begin, int zh_end, int en_begin, int en_end, BeadEvidence* evidence,
                        Scratch& scratch) const {
  const int zh_units = zh_end - zh_begin, en_units = en_end - en_begin;
  if (zh_units == 0 || en_units == 0) return weights_.skip * (zh_units + en_units);
  // Evidence grows with the bead's size (the square root of its mean side),
  // so that a merged bead cannot win just by paying for its evidence once.
  // Chosen over a linear factor and over none on MAC-Dev and on synthetic
  // merges (strict F1).
  const double units = std::sqrt((zh_units + en_units) / 2.0);
  const double merge = has_mt_ ? weights_.merge_with_mt : weights_.merge;
  return units * EvidenceCost(zh_begin, zh_end, en_begin, en_end, evidence, scratch) +
         merge * (zh_units + en_units - 2);
}

double BeadScorer::Fit(int zh_begin, int zh_end, int en_begin, int en_end) const {
  if (zh_end == zh_begin || en_end == en_begin) return 0;
  const double cost = EvidenceCost(zh_begin, zh_end, en_begin, en_end, nullptr, scratches_.front());
  return std::min(1.0, std::exp(-cost / kFitScale));
}

}  // namespace bitext::align
