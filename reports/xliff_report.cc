#include "xliff_report.h"

#include "xml_escape.h"

namespace bitext {

std::string RenderXliff(const std::vector<AlignedPair>& pairs) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"zh\" trgLang=\"en\">\n"
      "  <file id=\"official\">\n";
  for (size_t k = 0; k < pairs.size(); ++k) {
    const AlignedPair& p = pairs[k];
    if (p.zh.empty() || p.en.empty()) continue;
    // The official English is the published translation of the Chinese.
    out += "    <unit id=\"b" + std::to_string(k + 1) + "\">\n      <segment state=\"final\">\n        <source>" +
           EscapeXml(p.zh) + "</source>\n        <target>" + EscapeXml(p.en) +
           "</target>\n      </segment>\n    </unit>\n";
  }
  return out + "  </file>\n</xliff>\n";
}

}  // namespace bitext
