#include "confidence.h"

#include <iterator>

namespace bitext::align {
namespace {

struct Knot {
  double posterior, confidence;
};

// Isotonic regression (pool adjacent violators) of "the bead is one of the
// gold beads" on the posterior, over the 1,379 beads pairing units of
// MAC-Dev (six chapters of Chinese novels and their published English
// translations, one sentence a line, aligned by people; scripts/
// eval-macdev.sh), its blocks merged up to 40 beads or more. Each knot is a
// block's mean posterior and its share of right beads, (right + 1) /
// (beads + 2) so that no block claims certainty. Measured with CC-CEDICT and
// the learned lexicon, the aligner's defaults.
constexpr Knot kKnots[] = {
    {0.232, 0.353},  // 49 beads, 17 right
    {0.412, 0.503},  // 143 beads, 72 right
    {0.515, 0.614},  // 55 beads, 34 right
    {0.646, 0.748},  // 240 beads, 180 right
    {0.791, 0.846},  // 167 beads, 142 right
    {0.867, 0.946},  // 164 beads, 156 right
    {0.904, 0.978},  // 90 beads, 89 right
    {0.925, 0.981},  // 102 beads, 101 right
    {0.949, 0.987},  // 153 beads, 152 right
    {0.978, 0.995},  // 216 beads, 216 right
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
