// Alignment of two English versions of one text: a machine translation
// (hypothesis) against the official English (reference). Similarity is
// chrF-like (character 1- to 6-grams without white space, F-score with
// recall weighted twice), robust to the different wording of two
// translations. The reference must be covered in order; the hypothesis may
// run on before and after it without cost, because an official release can
// cover only part of the text the MT translates: where the alignment starts
// and ends in the hypothesis is its coverage.
#ifndef BITEXT_ALIGN_MONOLINGUAL_H_
#define BITEXT_ALIGN_MONOLINGUAL_H_

#include <string_view>
#include <vector>

#include "ngram_profile.h"
#include "run_all.h"

namespace bitext::align {

// A paragraph to align; its text must outlive the alignment.
struct MonolingualUnit {
  MonolingualUnit() = default;
  explicit MonolingualUnit(std::string_view text_in, bool heading_in = false, bool duplicate_in = false)
      : text(text_in), heading(heading_in), duplicate(duplicate_in) {}

  std::string_view text;
  bool heading = false;
  // A copy of text the hypothesis also holds elsewhere (repeats.h): paired
  // only where the other copy does not serve as well.
  bool duplicate = false;
};

struct MonolingualBead {
  int ref_begin = 0, ref_end = 0;  // half-open; empty side = not matched
  int hyp_begin = 0, hyp_end = 0;
  double similarity = 0;  // chrF-like, 0 for a skip
  // Paired out of order: the hypothesis gives this unit and a neighbour the
  // other way round, so its hypothesis side lies outside the in-order path.
  bool reordered = false;
};

struct MonolingualAlignment {
  std::vector<MonolingualBead> beads;  // in order; hypothesis units outside
                                       // [hyp_first, hyp_last] are not listed
  int hyp_first = -1, hyp_last = -1;   // coverage in the hypothesis, inclusive
};

// A pair scores by how far its similarity rises above the background: the
// median similarity of its reference unit to a sample of hypothesis units
// (two English texts share many character n-grams whatever they say). The
// alignment maximises the total, like a local alignment, so the hypothesis
// can start and end anywhere. All values are in similarity units.
struct MonolingualOptions {
  double margin = 0.1;  // a pair must beat the background by this
  double skip = 0.05;   // per unit left unmatched inside the coverage
  // A run of hypothesis units left unmatched costs `skip` each, this much
  // at most: an MT can carry whole passages the official text lacks (the
  // other parts of a paper the official release covers only in part), and
  // the official text found on their far side is still rendered.
  double skip_run_cap = 1.0;
  double merge = 0.1;             // per unit beyond one a side
  double heading_conflict = 0.3;  // a heading paired with a non-heading
  double duplicate = 0.1;         // per duplicate hypothesis unit paired
  int background_sample = 24;     // hypothesis units sampled per reference unit
  // A reference unit and a hypothesis unit both left unmatched, at most
  // reorder_reach units from where the in-order path would put it, are
  // paired out of order when they beat the background by reorder_margin.
  int reorder_reach = 3;
  double reorder_margin = 0.15;
};

// Reference units must all appear in the result (matched or skipped);
// hypothesis units before and after the matched part are free. Long texts
// are aligned coarse to fine, the coarsest level around a chain of word
// shingles rare in each text (shingle_chain.h), so time grows with
// their length. Profiles are built as the search reaches them and dropped
// once it has passed them, so memory grows with the width of its band.
// Out-of-order pairs (`reordered`) are found after the in-order alignment,
// next to where it would put them. Texts long enough are cut at pairs of
// that chain which the path almost surely passes, and the parts between
// the cuts are aligned apart, as tasks handed to `run_all` (run_all.h).
MonolingualAlignment AlignMonolingual(const std::vector<MonolingualUnit>& reference,
                                      const std::vector<MonolingualUnit>& hypothesis,
                                      const MonolingualOptions& options = {}, const RunAll& run_all = {});

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_MONOLINGUAL_H_
