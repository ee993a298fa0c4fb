// A self-contained HTML page of the comparison of one or more MT versions
// with the official text (Chinese | official English | one column per MT)
// with the findings shown on the rows they concern: for a reviewer who reads
// the whole document in a browser or on paper. Inline CSS and a small inline
// script (severity and rule filters); nothing is fetched, and the page is
// complete and readable without the script.
#ifndef BITEXT_REPORTS_HTML_REPORT_H_
#define BITEXT_REPORTS_HTML_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "comparison.h"
#include "finding.h"

namespace bitext {

// One MT version: its comparison with the official text and its file.
struct MtVersion {
  const align::Comparison* comparison;
  std::string path;
};

// A finding is shown on a row when its first location is in `official_path`
// at a line of the row's Chinese or official English paragraphs, or in an
// MT version's path at a line of its paragraphs there, with the text it
// names marked; all findings are also listed at the top. All text, messages,
// paths and the title are HTML-escaped.
void WriteHtml(std::ostream& out, const std::vector<MtVersion>& versions, const std::vector<Finding>& findings,
               const std::string& official_path, const std::string& title);

}  // namespace bitext

#endif  // BITEXT_REPORTS_HTML_REPORT_H_
