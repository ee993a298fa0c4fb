// Translation-memory exports of the aligned official text: TMX 1.4b, which
// CAT tools import, and a TSV for spreadsheets (zh, en, bead type,
// confidence, and the MT's rendering of the pair's paragraph per MT).
#ifndef BITEXT_REPORTS_TMX_REPORT_H_
#define BITEXT_REPORTS_TMX_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

namespace bitext {

struct Paragraph;

struct AlignedPair {
  std::string zh, en;
  std::string type;  // "1-1", "2-1", ...
  double confidence = 0;
  // The official paragraphs the pair's sentences lie in (null for a side
  // the bead leaves empty).
  const Paragraph* zh_paragraph = nullptr;
  const Paragraph* en_paragraph = nullptr;
};

// One MT's column of the TSV: a text for each pair, in order.
struct MtColumn {
  std::string name;
  std::vector<std::string> texts;
};

// UTF-8's byte order mark: spreadsheets read a CSV or TSV file as UTF-8 only
// when it starts with it (without, Excel takes the locale's code page and
// garbles the Chinese).
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Pairs with both sides, zh-CN source, en target, one <tu> each.
std::string RenderTmx(const std::vector<AlignedPair>& pairs, const std::string& tool_version,
                      const std::string& segment_type);
// A header row (zh, en, type, confidence, then "mt:NAME" per column), one
// row per pair; tabs and line breaks in texts become spaces. `bom` starts it
// with kUtf8Bom.
std::string RenderAlignedTsv(const std::vector<AlignedPair>& pairs, const std::vector<MtColumn>& mt, bool bom);

}  // namespace bitext

#endif  // BITEXT_REPORTS_TMX_REPORT_H_
