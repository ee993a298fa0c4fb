// The cost of a bead (a group of consecutive Chinese units paired with a
// group of consecutive English units) combines every kind of evidence in one
// linear model. Lower is better. The weights:
//
//   length     x  Gale-Church -log P(lengths), capped at 8: official
//                 translations can be much freer than their length suggests
//                 (the weight doubles when there is no lexicon)
//   lexical    x  (1 - similarity / typical), at least -1: similarity is the
//                 IDF-weighted share of Chinese words whose CC-CEDICT glosses
//                 appear on the English side, and of English words explained
//                 by those glosses (their harmonic mean; each side's share is
//                 pulled towards its worst-covered unit); `typical` is the
//                 similarity of a true pair in this document, re-estimated
//                 from the confident beads of the first pass; with fewer than
//                 four words on a side the term is scaled down in proportion
//   anchors    x  (1 - anchor similarity) when both sides have anchors:
//                 numbers by value, Latin tokens
//   structure  x  conflicts: a heading paired with a non-heading, headings
//                 with different numbers, a heading inside a many-unit bead;
//                 half a conflict: a bullet paired with a non-bullet, or
//                 merged with another unit (each bullet is an item of its own)
//   merge      x  each unit beyond one per side
//   skip       per unit left unaligned (1-0, 0-1)
//   quotes     x  sides whose quotation marks do not pair up (a quote cut
//                 in two); set on MAC-Dev, where they pair up in 92% of the
//                 gold beads and 74% of the wrong ones
//   machine_translation
//              x  (1 - similarity / typical_mt), at least -1, when the
//                 Chinese units come with a machine translation: the
//                 IDF-weighted share of the stems of the bead's MT (its
//                 units' together) that its English has, and of the
//                 English stems that the MT has (their harmonic mean). An
//                 MT renders what no gloss gives ("let me go" for 就让我走了)
//                 and, taken over the whole bead, tells a free 1-2 from two
//                 1-1; scaled down with fewer than four stems, as the lexicon.
//                 With it, the lexicon weighs lexical_with_mt and merging
//                 costs merge_with_mt: the two measure the same thing, and
//                 with both the evidence can pay for a merge more cheaply
//                 (set on MAC-Dev, docs/method.md "Accuracy")
//
// The evidence terms are multiplied by sqrt((zh + en units) / 2), so a
// merged bead pays more for its evidence than a 1-1 bead; without that,
// merging would always look cheaper than two separate pairs.
//
// Evidence that is absent (no lexicon, no numbers on either side) adds
// nothing; the defaults were set on synthetic perturbations and on a dev set
// that is not part of the bundled corpus.
#ifndef BITEXT_ALIGN_SCORER_H_
#define BITEXT_ALIGN_SCORER_H_

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "length_model.h"
#include "ragged.h"
#include "units.h"

namespace bitext::align {

struct Weights {
  double length = 0.5;
  double lexical = 8.0;
  double anchors = 3.0;
  double structure = 4.0;
  double merge = 4.0;
  double skip = 8.0;
  double quotes = 1.0;
  double machine_translation = 3.0;
  double lexical_with_mt = 5.0;
  double merge_with_mt = 3.0;
  double typical_lexical = 0.5;  // starting value; see above
  double typical_mt = 0.5;       // the same for the machine translation
};

// Why a bead scored as it did, for reports.
struct BeadEvidence {
  double length_probability = 0;  // Gale-Church two-sided tail
  double lexical = -1;            // similarity in [0, 1], -1 when not measured
  double anchors = -1;            // similarity in [0, 1], -1 when no anchors
  double mt = -1;                 // MT similarity in [0, 1], -1 when not measured
  double structure_conflicts = 0;
  int unbalanced_quotes = 0;  // sides whose quotation marks do not pair up
  std::vector<std::string> matched_anchors;
};

class BeadScorer {
  // A slot of a direct-mapped cache of FoundSum (below): a slot holds the
  // last sum whose key hashed to it, so memory stays fixed (sized from the
  // units on first use) and a sum pushed out is computed again, to the
  // same bit.
  struct FoundSlot {
    uint64_t key = 0;  // 0: empty (no key is 0: a cached range holds at least one unit)
    double found = 0;
  };

 public:
  BeadScorer(const std::vector<AlignUnit>& zh, const std::vector<AlignUnit>& en, const LexicalSpace& space,
             LengthModel length, Weights weights);

  // What scoring a bead writes as it goes (marks, a cache of sums); costs
  // do not depend on it. Each thread that scores beads at once needs its own.
  class Scratch {
   private:
    friend class BeadScorer;
    // Starts a new generation of marks (clears all marks in O(1)).
    uint32_t NextStamp();

    // Marks, indexed by stem or anchor id: "seen in this bead" when equal
    // to the current stamp. Costs are evaluated millions of times; marks
    // avoid building and sorting sets for each.
    std::vector<uint32_t> stem_marks, gloss_marks, anchor_marks, mt_marks;
    uint32_t stamp = 0;
    std::vector<int> zh_numbers, en_numbers;
    std::vector<FoundSlot> found_cache;
  };
  // Scratch space number `part` (0 is the one the calls that bring none
  // use), made on first use and kept for the scorer's later calls: a text
  // aligned group by group would otherwise make it anew for every group.
  // Not thread-safe; references stay valid as more parts are made.
  Scratch& PartScratch(size_t part) const;

  // Cost of pairing zh[zh_begin, zh_end) with en[en_begin, en_end); one side
  // may be empty (a skip). Not thread-safe: it reuses the scorer's own
  // scratch space.
  double Cost(int zh_begin, int zh_end, int en_begin, int en_end, BeadEvidence* evidence = nullptr) const;
  // The same with the caller's scratch space: threads that each hold one
  // can score beads at once.
  double Cost(int zh_begin, int zh_end, int en_begin, int en_end, Scratch& scratch) const;

  // How well the two sides match, in [0, 1], from the evidence part of a
  // bead's cost (priors for merging excluded); 0 for a skip. It judges the
  // bead alone, not against the other ways to align its units: the first
  // round's beads that feed learning and re-estimation are chosen by it.
  double Fit(int zh_begin, int zh_end, int en_begin, int en_end) const;

  const Weights& weights() const { return weights_; }
  bool has_mt() const { return has_mt_; }
  const LengthModel& length_model() const { return length_; }
  const LexicalSpace& space() const { return space_; }
  const std::vector<AlignUnit>& zh() const { return zh_; }
  const std::vector<AlignUnit>& en() const { return en_; }

 private:
  // Lays out what the similarities read of each unit (below).
  void LayOutUnits();
  Scratch NewScratch() const;
  double Cost(int zh_begin, int zh_end, int en_begin, int en_end, BeadEvidence* evidence, Scratch& scratch) const;
  double EvidenceCost(int zh_begin, int zh_end, int en_begin, int en_end, BeadEvidence* evidence,
                      Scratch& scratch) const;
  // Similarity, or -1 without material; `material` receives the smaller of
  // the two sides' counts of words that could take part.
  double LexicalSimilarity(int zh_begin, int zh_end, int en_begin, int en_end, int* material, Scratch& scratch) const;
  // The machine translation's similarity, or -1 without material; as
  // LexicalSimilarity.
  double MtSimilarity(int zh_begin, int zh_end, int en_begin, int en_end, int* material, Scratch& scratch) const;
  double AnchorSimilarity(int zh_begin, int zh_end, int en_begin, int en_end, std::vector<std::string>* matched,
                          Scratch& scratch) const;
  // The IDF sum of the words of unit `unit` (Chinese when `zh`) that the
  // other side's units [begin, end) explain, as LexicalSimilarity adds it up.
  // A unit meets the same range in several bead shapes and sweeps, so the
  // sums are kept in the scratch's found_cache. `mark` marks the other side's range for
  // a sum not kept yet (once per bead).
  template <class Mark>
  double FoundSum(bool zh, int unit, int begin, int end, uint32_t stamp, Mark& mark, Scratch& scratch) const;

  const std::vector<AlignUnit>& zh_;
  const std::vector<AlignUnit>& en_;
  const LexicalSpace& space_;
  LengthModel length_;
  Weights weights_;
  Ragged<int> en_stems_;  // per unit: sorted unique stem ids
  // What LexicalSimilarity reads of each unit, laid out flat so that its
  // inner loops follow no pointers. A Chinese unit's words that have
  // glosses, in order: their IDF and glosses (a span of zh_gloss_pool_).
  struct ZhWord {
    double idf;
    int glosses_begin, glosses_end;
  };
  Ragged<ZhWord> zh_words_;
  Ragged<int> zh_glosses_;  // per unit: sorted unique gloss ids of its words
  std::vector<int> zh_gloss_pool_;
  Ragged<double> en_stem_idf_;  // per unit: the IDF of each of en_stems_
  // Per unit, the IDF sums of those words and stems (as LexicalSimilarity
  // adds them up, in the same order).
  std::vector<double> zh_total_, en_total_;
  // Whether any Chinese unit has a machine translation; per Chinese unit the
  // IDF of each of its MT stems (AlignUnit::mt_stems).
  bool has_mt_ = false;
  Ragged<double> mt_stem_idf_;

  mutable std::deque<Scratch> scratches_;  // see PartScratch
};

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_SCORER_H_
