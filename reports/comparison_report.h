// Renders a three-way comparison (official Chinese, official English, MT):
// the JSON of `bitext compare --format json` and the row listing of its text
// output.
#ifndef BITEXT_REPORTS_COMPARISON_REPORT_H_
#define BITEXT_REPORTS_COMPARISON_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "comparison.h"

namespace bitext {

// {"official", "mt", "rows":[{"zh_text","en_text","mt_text","zh_lines","en_lines",
//  "mt_lines","chrf","routes_agree"}], "repeats":[{"original":[a,b],"repeat":[c,d],
//  "restart","truncated_line"?}], "coverage":{...}, "metrics":{...}}; lines 1-based.
nlohmann::json ComparisonToJson(const align::Comparison& comparison, const std::string& official_path,
                                const std::string& mt_path);

// Repeats, coverage and one line per row.
std::string RenderComparisonText(const align::Comparison& comparison);

}  // namespace bitext

#endif  // BITEXT_REPORTS_COMPARISON_REPORT_H_
