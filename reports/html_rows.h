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

// Why MT paragraphs are in no official row: the tag their cells carry, and
// what it means (the view's legend).
struct UnmatchedReason {
  const char* tag;
  const char* meaning;
};
inline constexpr UnmatchedReason kUnmatchedReasons[] = {
    {"duplicate copy", "text the MT has again; its other copy is the one compared"},
    {"contents", "a table-of-contents line of the MT"},
    {"page furniture", "a running header, footer or page number of the MT"},
    {"Chinese", "Chinese left in the MT"},
    {"addition", "MT text the comparison pairs with no official paragraph, in a row of its own"},
    {"beyond the official text", "MT text left outside the comparison's rows: nothing official to hold it against"},
};

struct ViewCell {
  std::vector<const Paragraph*> paragraphs;  // in the MT's order; may be empty
  double similarity = -1;                    // chrF-like against the row's official English, -1 without both
  bool routes_agree = true;                  // the direct Chinese-MT alignment agrees
  bool reordered = false;                    // the MT gives these paragraphs out of the official order
  const char* unmatched = nullptr;           // why MT paragraphs have no official row ("addition", ...)
};

struct ViewRow {
  std::vector<const Paragraph*> zh, en;  // empty in rows of unmatched MT paragraphs
  double confidence = 1;                 // lowest Chinese-English bead confidence of the row
  std::vector<ViewCell> mt;              // one per comparison, in their order
};

// One row per bead of `official`, the Chinese-English alignment of the
// official text, with no MT cells when `comparisons` is empty. Official
// beads that any comparison joins into one row (they share an MT rendering)
// form one row here too. Every comparison must be of the same official
// paragraphs, aligned as `official` (the alignment is deterministic).
std::vector<ViewRow> BuildViewRows(const align::DocumentAlignment& official,
                                   const std::vector<const align::Comparison*>& comparisons);

}  // namespace bitext

#endif  // BITEXT_REPORTS_HTML_ROWS_H_
