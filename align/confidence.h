// How sure the aligner is of a bead: the probability that it is right.
//
// Paths through the search band are weighed as exp(-cost / kPathTemperature)
// and a bead's posterior is the weight of the paths that use it over the
// weight of all (aligner.cc). A bead whose units could as well be grouped
// otherwise at little extra cost gets a low posterior, however well its own
// two sides match. The posterior is then mapped, monotonely, onto the share
// of beads that were right at that posterior on a development set.
#ifndef BITEXT_ALIGN_CONFIDENCE_H_
#define BITEXT_ALIGN_CONFIDENCE_H_

namespace bitext::align {

// Cost units per factor e of path weight. 2 ranked the beads of MAC-Dev
// best (share of the wrong beads among the least confident tenth, by raw
// posterior, before 2-3 and 3-2 beads: 0.31 at 1, 0.33 at 2, 0.31 at 3,
// 0.30 at 4).
constexpr double kPathTemperature = 2.0;

// The probability that a bead of posterior `posterior` is right; `with_mt`
// when the aligner had a machine translation of the Chinese (its own table).
double CalibratedConfidence(double posterior, bool with_mt = false);

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_CONFIDENCE_H_
