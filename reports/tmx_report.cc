#include "tmx_report.h"

#include <cstdio>

namespace bitext {

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string RenderTmx(const std::vector<AlignedPair>& pairs, const std::string& tool_version,
                      const std::string& segment_type) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tmx version=\"1.4\">\n"
      "  <header creationtool=\"bitext\" creationtoolversion=\"" + EscapeXml(tool_version) +
      "\" segtype=\"" + EscapeXml(segment_type) +
      "\" o-tmf=\"bitext\" adminlang=\"en\" srclang=\"zh-CN\" datatype=\"plaintext\"/>\n"
      "  <body>\n";
  for (const AlignedPair& p : pairs) {
    if (p.zh.empty() || p.en.empty()) continue;
    out += "    <tu>\n      <tuv xml:lang=\"zh-CN\"><seg>" + EscapeXml(p.zh) +
           "</seg></tuv>\n      <tuv xml:lang=\"en\"><seg>" + EscapeXml(p.en) + "</seg></tuv>\n    </tu>\n";
  }
  return out + "  </body>\n</tmx>\n";
}

std::string RenderAlignedTsv(const std::vector<AlignedPair>& pairs) {
  auto clean = [](std::string s) {
    for (char& c : s) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return s;
  };
  std::string out = "zh\ten\ttype\tconfidence\n";
  for (const AlignedPair& p : pairs) {
    char confidence[32];
    std::snprintf(confidence, sizeof confidence, "%.3f", p.confidence);
    out += clean(p.zh) + "\t" + clean(p.en) + "\t" + p.type + "\t" + confidence + "\n";
  }
  return out;
}

}  // namespace bitext
