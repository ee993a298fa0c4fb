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
  // The first comparison row placed in the cell: when the cell holds its
  // MT paragraphs and the view row its official English, the row's
  // similarity is the cell's.
  const align::ComparisonRow* first_row = nullptr;
};

struct ViewRow {
  std::vector<const Paragraph*> zh, en;  // empty in rows of unmatched MT paragraphs
  double confidence = 1;                 // lowest Chinese-English bead confidence of the row
  std::vector<ViewCell> mt;              // one per comparison, in their order
};

// An MT paragraph in a row of its own, and why it is in no official row.
struct UnmatchedCell {
  const Paragraph* paragraph = nullptr;  // null where the version has none in this row
  const char* reason = nullptr;          // a kUnmatchedReasons tag
};

// The view's rows in order. A row of official paragraphs is kept as built;
// a row of unmatched MT paragraphs keeps one UnmatchedCell a version and is
// built when visited: an MT pasted hundreds of times has as many such rows,
// and each costs 16 bytes a version, not a row of vectors.
class ViewRows {
 public:
  size_t size() const { return order_.size(); }
  bool empty() const { return order_.empty(); }

  // Calls visit(row, r) for each row in order. The rows of unmatched
  // paragraphs are built in one scratch row, valid during the call only.
  template <typename Visit>
  void ForEach(Visit visit) const {
    ViewRow scratch;
    scratch.mt.resize(versions_);
    for (size_t r = 0; r < order_.size(); ++r) {
      if (order_[r] >= 0) {
        visit(official_[static_cast<size_t>(order_[r])], r);
        continue;
      }
      const size_t first = static_cast<size_t>(-1 - order_[r]) * versions_;
      for (size_t k = 0; k < versions_; ++k) {
        const UnmatchedCell& cell = unmatched_[first + k];
        scratch.mt[k].paragraphs.clear();
        if (cell.paragraph) scratch.mt[k].paragraphs.push_back(cell.paragraph);
        scratch.mt[k].unmatched = cell.reason;
      }
      visit(static_cast<const ViewRow&>(scratch), r);
    }
  }

 private:
  friend ViewRows BuildViewRows(const align::DocumentAlignment& official,
                                const std::vector<const align::Comparison*>& comparisons);

  size_t versions_ = 0;
  std::vector<ViewRow> official_;
  std::vector<UnmatchedCell> unmatched_;  // versions_ cells for each row of unmatched paragraphs
  std::vector<int> order_;                // per row: its index in official_, or -1 - its unmatched row
};

// One row per bead of `official`, the Chinese-English alignment of the
// official text, with no MT cells when `comparisons` is empty. Official
// beads that any comparison joins into one row (they share an MT rendering)
// form one row here too. Every comparison must be of the same official
// paragraphs, aligned as `official` (the alignment is deterministic).
ViewRows BuildViewRows(const align::DocumentAlignment& official,
                       const std::vector<const align::Comparison*>& comparisons);

}  // namespace bitext

#endif  // BITEXT_REPORTS_HTML_ROWS_H_
