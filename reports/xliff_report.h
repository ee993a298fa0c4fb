// XLIFF 2.0 export of the aligned official text, for CAT tools that read
// XLIFF rather than TMX: one <unit> per sentence bead with both sides, its
// <segment> holding the Chinese <source> and the English <target>.
#ifndef BITEXT_REPORTS_XLIFF_REPORT_H_
#define BITEXT_REPORTS_XLIFF_REPORT_H_

#include <string>
#include <vector>

#include "tmx_report.h"

namespace bitext {

// srcLang "zh", trgLang "en". A unit's id is "b" and the pair's 1-based
// position in `pairs` (the row of aligned.tsv), so ids stay stable when
// beads without one side are left out.
std::string RenderXliff(const std::vector<AlignedPair>& pairs);

}  // namespace bitext

#endif  // BITEXT_REPORTS_XLIFF_REPORT_H_
