// Renders the document model: the JSON of `bitext inspect --format json` and
// the outline-and-paragraphs text view of `bitext inspect`.
#ifndef BITEXT_REPORTS_DOCUMENT_REPORT_H_
#define BITEXT_REPORTS_DOCUMENT_REPORT_H_

#include <ostream>
#include <string>

#include "document.h"

namespace bitext {

// Writes, as dump(2) would, {"file", "encoding", "detected", "line_endings",
// "bilingual", "notes", "paragraphs":[{"id","lang","kind","lines":[first,last],
// "pieces"?, "text","heading"?,"bullet"?,"truncated"?,"sentences":[...]}]},
// one paragraph at a time; no line break after it.
void WriteDocumentJson(std::ostream& out, const Document& doc);

// Human-readable: a summary line, the outline indented by level, then one
// line per paragraph.
std::string RenderDocumentText(const Document& doc);

}  // namespace bitext

#endif  // BITEXT_REPORTS_DOCUMENT_REPORT_H_
