#include "tmx_report.h"

#include <cstdio>

#include "xml_escape.h"

namespace bitext {

std::string RenderTmx(const std::vector<AlignedPair>& pairs, const std::string& tool_version,
                      const std::string& segment_type) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tmx version=\"1.4\">\n"
      "  <header creationtool=\"bitext\" creationtoolversion=\"" +
      EscapeXml(tool_version) + "\" segtype=\"" + EscapeXml(segment_type) +
      "\" o-tmf=\"bitext\" adminlang=\"en\" srclang=\"zh-CN\" datatype=\"plaintext\"/>\n"
      "  <body>\n";
  for (const AlignedPair& p : pairs) {
    if (p.zh.empty() || p.en.empty()) continue;
    out += "    <tu>\n      <tuv xml:lang=\"zh-CN\"><seg>" + EscapeXml(p.zh) +
           "</seg></tuv>\n      <tuv xml:lang=\"en\"><seg>" + EscapeXml(p.en) + "</seg></tuv>\n    </tu>\n";
  }
  return out + "  </body>\n</tmx>\n";
}

std::string RenderAlignedTsv(const std::vector<AlignedPair>& pairs, const std::vector<MtColumn>& mt, bool bom) {
  auto clean = [](std::string s) {
    for (char& c : s) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return s;
  };
  std::string out = bom ? std::string(kUtf8Bom) : std::string();
  out += "zh\ten\ttype\tconfidence";
  for (const MtColumn& column : mt) out += "\tmt:" + clean(column.name);
  out += "\n";
  for (size_t k = 0; k < pairs.size(); ++k) {
    const AlignedPair& p = pairs[k];
    char confidence[32];
    std::snprintf(confidence, sizeof confidence, "%.3f", p.confidence);
    out += clean(p.zh) + "\t" + clean(p.en) + "\t" + p.type + "\t" + confidence;
    for (const MtColumn& column : mt) out += "\t" + clean(column.texts.at(k));
    out += "\n";
  }
  return out;
}

}  // namespace bitext
