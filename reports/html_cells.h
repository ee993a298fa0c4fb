// The cells of the side-by-side view: a side's paragraphs with the text each
// finding names marked, the cell's tags and chrF bar, and the findings'
// badges. Every piece of text is HTML-escaped.
#ifndef BITEXT_REPORTS_HTML_CELLS_H_
#define BITEXT_REPORTS_HTML_CELLS_H_

#include <string>
#include <vector>

#include "document.h"
#include "finding.h"
#include "html_rows.h"

namespace bitext {

// Below this the MT's chrF against the official English shows red
// (low-similarity's ceiling).
inline constexpr double kLowChrF = 0.35;

// The cell of one side of a row. `on_cell`: the findings placed on it;
// `mt`: the MT cell's scores and tags, null for the official text;
// `low_confidence`: the row's Chinese-English pairing is uncertain.
void AppendCell(std::string& out, const std::vector<const Paragraph*>& side, const char* lang,
                const std::vector<const Finding*>& on_cell, const ViewCell* mt, bool low_confidence);

// The chrF bar of an MT cell (also drawn in the legend).
void AppendBar(std::string& out, double similarity);

}  // namespace bitext

#endif  // BITEXT_REPORTS_HTML_CELLS_H_
