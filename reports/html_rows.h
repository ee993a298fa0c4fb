// The rows of the side-by-side view when several MT versions are compared
// with one official text: rows keyed on the official paragraphs, one cell per
// MT version holding its rendering, and every MT paragraph that renders no
// official paragraph (additions, repeated copies, contents, furniture) in a
// row of its own, so that each MT column reads in its document's order.
#ifndef BITEXT_REPORTS_HTML_ROWS_H_
#define BITEXT_REPORTS_HTML_ROWS_H_

#include <vector>

#include "comparison.h"

namespace bitext {

// The reason given to the paragraphs of a copy of text the MT has again
// (another copy of it is the one compared).
inline constexpr const char* kDuplicateCopy = "duplicate copy";

struct ViewCell {
  std::vector<const Paragraph*> paragraphs;  // in the MT's order; may be empty
  double similarity = -1;    // chrF-like against the row's official English, -1 without both
  bool routes_agree = true;  // the direct Chinese-MT alignment agrees
  bool reordered = false;    // the MT gives these paragraphs out of the official order
  const char* unmatched = nullptr;  // why MT paragraphs have no official row ("addition", ...)
};

struct ViewRow {
  std::vector<const Paragraph*> zh, en;  // empty in rows of unmatched MT paragraphs
  double confidence = 1;                 // lowest Chinese-English bead confidence of the row
  std::vector<ViewCell> mt;              // one per comparison, in their order
};

// Official beads that any comparison joins into one row (they share an MT
// rendering) form one row here too. All comparisons must be of the same
// official paragraphs (the Chinese-English alignment is deterministic).
std::vector<ViewRow> BuildViewRows(const std::vector<const align::Comparison*>& comparisons);

}  // namespace bitext

#endif  // BITEXT_REPORTS_HTML_ROWS_H_
