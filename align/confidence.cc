#include "confidence.h"

#include <cstddef>

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

// The same for the aligner with a machine translation of the Chinese
// (scorer.h), on its 1,366 beads pairing units: the MT makes the costs of
// the ways to group a passage differ less, so posteriors are lower for the
// same share of right beads. Fitted by scripts/fit-confidence.py on the
// posteriors of `bitext align --format json`.
constexpr Knot kKnotsWithMt[] = {
    {0.268, 0.341},  // 83 beads, 28 right
    {0.378, 0.548},  // 82 beads, 45 right
    {0.489, 0.736},  // 138 beads, 102 right
    {0.589, 0.756},  // 129 beads, 98 right
    {0.671, 0.880},  // 106 beads, 94 right
    {0.720, 0.932},  // 72 beads, 68 right
    {0.772, 0.965},  // 168 beads, 163 right
    {0.825, 0.970},  // 130 beads, 127 right
    {0.864, 0.983},  // 118 beads, 117 right
    {0.930, 0.997},  // 340 beads, 340 right
};

// Linear between the knots; from 0 at posterior 0 to the first knot; flat
// after the last.
template <size_t N>
double Interpolate(const Knot (&knots)[N], double posterior) {
  Knot before{0, 0};
  for (const Knot& k : knots) {
    if (posterior < k.posterior) {
      const double share = (posterior - before.posterior) / (k.posterior - before.posterior);
      return before.confidence + (share > 0 ? share : 0) * (k.confidence - before.confidence);
    }
    before = k;
  }
  return knots[N - 1].confidence;
}

}  // namespace

double CalibratedConfidence(double posterior, bool with_mt) {
  return with_mt ? Interpolate(kKnotsWithMt, posterior) : Interpolate(kKnots, posterior);
}

}  // namespace bitext::align
