// Monotonic alignment of two sequences of units by dynamic programming over
// beads (1-1, 1-0, 0-1, 1-2, 2-1, and 2-2, 1-3, 3-1, 1-4, 4-1, 2-3, 3-2 when enabled), searched
// in a band around the length diagonal: the path a translation of equal
// proportions would follow. When the best path comes near the edge of the
// band, the band is doubled and the search repeated, so the result is the
// optimum within a band that the path never touches; time and memory are
// O((N + M) x band) instead of O(N x M).
//
//   LexicalSpace space(&lexicon);
//   std::vector<AlignUnit> zh = ..., en = ...;   // space.MakeZh / MakeEn
//   std::vector<Bead> beads = AlignUnits(zh, en, space, AlignerOptions{});
#ifndef BITEXT_ALIGN_ALIGNER_H_
#define BITEXT_ALIGN_ALIGNER_H_

#include <vector>

#include "run_all.h"
#include "scorer.h"
#include "units.h"

namespace bitext::align {

struct Bead {
  int zh_begin = 0, zh_end = 0;  // half-open unit ranges; empty side = skip
  int en_begin = 0, en_end = 0;
  double cost = 0;
  double fit = 0;  // see BeadScorer::Fit
  // Probability that the bead is right (see confidence.h); 0 for a skip,
  // and 0 when AlignerOptions::confidence is off.
  double confidence = 0;
  double posterior = 0;  // its share of the weight of all paths (confidence.h)
  BeadEvidence evidence;

  int zh_size() const { return zh_end - zh_begin; }
  int en_size() const { return en_end - en_begin; }
};

// How a band's beads are scored: a block of rows at a time, in `parts`
// pieces handed to `run_all` (side by side when it runs them on threads),
// each with scratch space of its own. A bead's cost does not depend on who
// scored it: the beads are the same for any number of parts.
struct ScoringParts {
  RunAll run_all;  // empty: one piece after the other on the calling thread
  int parts = 1;
};

struct AlignerOptions {
  Weights weights;
  int band = 16;           // initial half-width of the search band, in units
  bool wide_beads = true;  // also consider 2-2, 1-3, 3-1, 1-4, 4-1, 2-3 and 3-2
  int passes = 2;          // later passes re-estimate the length model from
                           // the confident 1-1 beads of the previous one
  // Length model to start from; by default the ratio of the totals.
  const LengthModel* length_model = nullptr;
  // Beads of an earlier alignment of the same units (with another lexicon):
  // the length model and typical similarity are estimated from them, scored
  // anew, and one pass is made instead of `passes`.
  const std::vector<Bead>* earlier = nullptr;
  // Whether to compute each bead's confidence (one more sweep over the
  // band of the last pass); off when the beads only feed a later round.
  bool confidence = true;
  // A path the search band follows, when one is known (another route
  // between the same texts): center[i] is the English unit the path has
  // reached before Chinese unit i, n + 1 values, never decreasing, from 0
  // to m. By default the band follows the texts aligned at a coarse scale.
  // The band still widens wherever the best path comes near its edge.
  const std::vector<int>* center = nullptr;
  ScoringParts scoring;
};

std::vector<Bead> AlignUnits(const std::vector<AlignUnit>& zh, const std::vector<AlignUnit>& en,
                             const LexicalSpace& space, const AlignerOptions& options);

// One pass with a given scorer over zh[zh_begin, zh_end) and
// en[en_begin, en_end) of the scorer's units; bead indices are the scorer's.
std::vector<Bead> AlignRange(const BeadScorer& scorer, int zh_begin, int zh_end, int en_begin, int en_end, int band,
                             bool wide_beads, bool with_confidence, const std::vector<int>* center = nullptr,
                             const ScoringParts& scoring = {});

// Re-estimates the length model and the typical lexical similarity from the
// well-fitting 1-1 beads (Bead::fit). Returns false (and changes nothing) when there are
// fewer than five.
bool Reestimate(const std::vector<Bead>& beads, const std::vector<AlignUnit>& zh, const std::vector<AlignUnit>& en,
                LengthModel* length, Weights* weights);

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_ALIGNER_H_
