#include "confidence.h"

#include <iterator>

namespace bitext::align {
namespace {

struct Knot {
  double posterior, confidence;
};

// Isotonic regression (pool adjacent violators) of "the bead is one of the
// gold beads" on the posterior, over the 1,378 beads pairing units of
// MAC-Dev (six chapters of Chinese novels and their published English
// translations, one sentence a line, aligned by people; scripts/
// eval-macdev.sh), its blocks merged up to 40 beads or more. Each knot is a
// block's mean posterior and its share of right beads, (right + 1) /
// (beads + 2) so that no block claims certainty. Measured with CC-CEDICT and
// the learned lexicon, the aligner's defaults.
constexpr Knot kKnots[] = {
    {0.211, 0.238},  // 40 beads, 9 right
    {0.350, 0.464},  // 82 beads, 38 right
    {0.425, 0.552},  // 56 beads, 31 right
    {0.483, 0.617},  // 58 beads, 36 right
    {0.585, 0.705},  // 174 beads, 123 right
    {0.664, 0.756},  // 43 beads, 33 right
    {0.732, 0.855},  // 157 beads, 135 right
    {0.797, 0.904},  // 81 beads, 74 right
    {0.831, 0.945},  // 71 beads, 68 right
    {0.881, 0.983},  // 227 beads, 224 right
    {0.925, 0.984},  // 121 beads, 120 right
    {0.965, 0.996},  // 268 beads, 268 right
};

}  // namespace

// Linear between the knots; from 0 at posterior 0 to the first knot; flat
// after the last.
double CalibratedConfidence(double posterior) {
  Knot before{0, 0};
  for (const Knot& k : kKnots) {
    if (posterior < k.posterior) {
      const double share = (posterior - before.posterior) / (k.posterior - before.posterior);
      return before.confidence + (share > 0 ? share : 0) * (k.confidence - before.confidence);
    }
    before = k;
  }
  return std::prev(std::end(kKnots))->confidence;
}

}  // namespace bitext::align
