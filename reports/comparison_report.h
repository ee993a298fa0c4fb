// Renders a three-way comparison (official Chinese, official English, MT):
// the JSON of `bitext compare --format json` and the row listing of its text
// output.
#ifndef BITEXT_REPORTS_COMPARISON_REPORT_H_
#define BITEXT_REPORTS_COMPARISON_REPORT_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "comparison.h"

namespace bitext {

// {"official", "mt", "rows":[{"zh_text","en_text","mt_text","zh_lines","en_lines",
//  "mt_lines","chrf","routes_agree"}], "repeats":[{"original":[a,b],"repeat":[c,d],
//  "restart","truncated_line"?}], "coverage":{...}, "metrics":{...}}; lines 1-based.
// Written as dump(2) would write it inside an enclosing value indented
// `depth` spaces, one row at a time: a long MT's rows as one JSON tree
// would take many times its size.
void WriteComparisonJson(std::ostream& out, const align::Comparison& comparison, const std::string& official_path,
                         const std::string& mt_path, int depth = 0);

// Repeats, coverage and one line per row.
std::string RenderComparisonText(const align::Comparison& comparison);

}  // namespace bitext

#endif  // BITEXT_REPORTS_COMPARISON_REPORT_H_
