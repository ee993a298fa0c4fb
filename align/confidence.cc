#include "confidence.h"

#include <iterator>

namespace bitext::align {
namespace {

struct Knot {
  double posterior, confidence;
};

// Isotonic regression (pool adjacent violators) of "the bead is one of the
// gold beads" on the posterior, over the 1,383 beads pairing units of
// MAC-Dev (six chapters of Chinese novels and their published English
// translations, one sentence a line, aligned by people; scripts/
// eval-macdev.sh), its blocks merged up to 40 beads or more. Each knot is a
// block's mean posterior and its share of right beads, (right + 1) /
// (beads + 2) so that no block claims certainty. Measured with CC-CEDICT and
// the learned lexicon, the aligner's defaults.
constexpr Knot kKnots[] = {
    {0.316, 0.430},  // 105 beads, 45 right
    {0.445, 0.500},  // 50 beads, 25 right
    {0.505, 0.574},  // 66 beads, 38 right
    {0.562, 0.608},  // 49 beads, 30 right
    {0.662, 0.718},  // 179 beads, 129 right
    {0.792, 0.822},  // 172 beads, 142 right
    {0.871, 0.935},  // 153 beads, 144 right
    {0.918, 0.979},  // 189 beads, 186 right
    {0.950, 0.987},  // 155 beads, 154 right
    {0.978, 0.996},  // 265 beads, 265 right
};

}  // namespace

// Linear between the knots; from 0 at posterior 0 to the first knot (8 beads
// of MAC-Dev under posterior 0.2, one right); flat after the last.
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
