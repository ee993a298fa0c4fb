// A self-contained HTML page of the official text (Chinese | official
// English) and of its comparison with each MT version (one more column per
// MT) with the findings shown on the rows they concern: for a reviewer who
// reads the whole document in a browser or on paper. Inline CSS and a small
// inline script (severity and rule filters); nothing is fetched, and the
// page is complete and readable without the script.
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

// The official text's files: the same file twice for a bilingual one.
struct OfficialPaths {
  std::string zh, en;
};

// `official`: the official Chinese-English alignment, of the paragraphs
// every comparison in `versions` (which may be empty) was made with.
// A finding is shown on a row when its first location is in an official
// file at a line of the row's paragraphs of that file, or in an MT
// version's path at a line of its paragraphs there, with the text it names
// marked; all findings are also listed in a collapsed list above the rows.
// All text, messages, paths and the title are HTML-escaped.
void WriteHtml(std::ostream& out, const align::DocumentAlignment& official, const std::vector<MtVersion>& versions,
               const std::vector<Finding>& findings, const OfficialPaths& paths, const std::string& title);

}  // namespace bitext

#endif  // BITEXT_REPORTS_HTML_REPORT_H_
