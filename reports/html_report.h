// A self-contained HTML page of a three-way comparison (Chinese, official
// English, MT English) with the findings shown on the rows they concern: for
// a reviewer who reads the whole document in a browser or on paper. Inline
// CSS and a small inline script (a severity filter); nothing is fetched, and
// the page is complete and readable without the script.
#ifndef BITEXT_REPORTS_HTML_REPORT_H_
#define BITEXT_REPORTS_HTML_REPORT_H_

#include <string>
#include <vector>

#include "comparison.h"
#include "finding.h"

namespace bitext {

// A finding is shown on a row when its first location is in `official_path`
// at a line of the row's Chinese or official English paragraphs, or in
// `mt_path` at a line of its MT paragraphs; all findings are also listed at
// the top. All text, messages, paths and the title are HTML-escaped.
std::string RenderHtml(const align::Comparison& comparison, const std::vector<Finding>& findings,
                       const std::string& official_path, const std::string& mt_path,
                       const std::string& title);

}  // namespace bitext

#endif  // BITEXT_REPORTS_HTML_REPORT_H_
