// A Markdown summary of findings for a CI job log or a pull-request comment:
// counts per rule, then the most severe findings.
#ifndef BITEXT_REPORTS_MARKDOWN_REPORT_H_
#define BITEXT_REPORTS_MARKDOWN_REPORT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "finding.h"

namespace bitext {

// Backslash-escapes the characters Markdown (CommonMark, GitHub) would read
// as markup, so document text shows as written; line breaks become spaces.
std::string EscapeMarkdown(std::string_view text);

// "# title", a table of counts per rule and severity (rules with findings
// only, in catalogue order), then the `worst` most severe findings, errors
// first, input order within a severity. "no findings" when there are none.
std::string RenderMarkdown(const std::vector<Finding>& findings, const std::string& title, size_t worst);

}  // namespace bitext

#endif  // BITEXT_REPORTS_MARKDOWN_REPORT_H_
