// Translation-memory exports of the aligned official text: TMX 1.4b, which
// CAT tools import, and a plain TSV (zh, en, bead type, confidence).
#ifndef BITEXT_REPORTS_TMX_REPORT_H_
#define BITEXT_REPORTS_TMX_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

namespace bitext {

struct AlignedPair {
  std::string zh, en;
  std::string type;        // "1-1", "2-1", ...
  double confidence = 0;
};

// Pairs with both sides, zh-CN source, en target, one <tu> each.
std::string RenderTmx(const std::vector<AlignedPair>& pairs, const std::string& tool_version,
                      const std::string& segment_type);
std::string RenderAlignedTsv(const std::vector<AlignedPair>& pairs);

}  // namespace bitext

#endif  // BITEXT_REPORTS_TMX_REPORT_H_
