// The pages of a batch over many document sets, rendered from its
// summary.json (layout in README.md, "bitext batch"): an index page linking
// each set's report, and a Markdown summary for a CI log.
#ifndef BITEXT_REPORTS_BATCH_REPORT_H_
#define BITEXT_REPORTS_BATCH_REPORT_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace bitext {

// "N document sets: a pass, b fail, c input errors; findings: ...".
std::string DescribeBatchTotals(const nlohmann::json& summary);

// One note per merged output whose characters XML cannot hold became U+FFFD
// (summary["xml_replaced"]): "junit.xml: 2 character(s) XML cannot hold
// (...) replaced with U+FFFD", as an audit's summary says them.
std::vector<std::string> DescribeXmlReplacements(const nlohmann::json& summary);

// A self-contained HTML page: the totals, then a table of the sets (status,
// findings per severity, MT coverage, links to the sets' report pages, the
// input error of a bad set). Readable without JavaScript; a small inline
// script sorts by a clicked column and filters by text. Every name, path and
// message is escaped.
std::string RenderBatchIndex(const nlohmann::json& summary);

// The totals, findings per rule, the sets with input errors and the
// `worst` sets with most errors.
std::string RenderBatchMarkdown(const nlohmann::json& summary, size_t worst);

}  // namespace bitext

#endif  // BITEXT_REPORTS_BATCH_REPORT_H_
