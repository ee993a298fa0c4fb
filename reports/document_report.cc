#include "document_report.h"

#include <sstream>

#include "json_output.h"
#include "unicode.h"

namespace bitext {
namespace {

nlohmann::json HeadingToJson(const Paragraph& p) {
  const Heading& heading = *p.heading;
  nlohmann::json j;
  j["level"] = heading.level;
  if (heading.number) {
    const NumberMarker& n = *heading.number;
    j["style"] = StyleName(n.style);
    j["numeral"] = NumeralName(n.style);
    j["value"] = n.value;
    j["raw"] = n.raw;
    j["title"] = p.title();
    if (!n.garbled.empty()) j["garbled"] = n.garbled;
  } else {
    j["style"] = "none";
    j["numeral"] = "none";
    j["value"] = nullptr;
    j["raw"] = "";
  }
  return j;
}

// One paragraph, built when it is written: a document's tree of JSON
// values would take many times the size of its text.
nlohmann::json ParagraphToJson(const Paragraph& p) {
  nlohmann::json jp;
  jp["id"] = p.id;
  jp["lang"] = LangName(p.lang);
  jp["kind"] = KindName(p.kind);
  jp["lines"] = {p.lines().first, p.lines().last};
  if (p.rejoined()) {
    nlohmann::json pieces = nlohmann::json::array();
    for (const LineSpan& s : p.pieces) pieces.push_back({s.first, s.last});
    jp["pieces"] = pieces;
  }
  jp["text"] = p.text;
  if (p.heading) jp["heading"] = HeadingToJson(p);
  if (p.bullet_bytes > 0) jp["bullet"] = p.bullet();
  if (p.truncated) jp["truncated"] = true;
  nlohmann::json sentences = nlohmann::json::array();
  for (const Sentence& s : p.sentences) sentences.push_back(p.SentenceText(s));
  jp["sentences"] = sentences;
  return jp;
}

std::string LinesText(const Paragraph& p) {
  std::string out;
  for (const LineSpan& span : p.pieces) {
    if (!out.empty()) out += "+";
    out += std::to_string(span.first);
    if (span.last != span.first) out.append("-").append(std::to_string(span.last));
  }
  return out;
}

}  // namespace

void WriteDocumentJson(std::ostream& out, const Document& doc) {
  nlohmann::json j;
  j["file"] = doc.path;
  j["encoding"] = doc.source.encoding;
  j["detected"] = doc.source.detected;
  j["line_endings"] = doc.source.line_endings;
  j["bilingual"] = doc.bilingual;
  j["notes"] = doc.source.notes;
  WriteObjectWithArray(out, j, "paragraphs", doc.paragraphs.size(),
                       [&doc](size_t k) { return ParagraphToJson(doc.paragraphs[k]); });
}

std::string RenderDocumentText(const Document& doc) {
  std::ostringstream out;
  int counts[3] = {0, 0, 0};
  for (const Paragraph& p : doc.paragraphs) ++counts[static_cast<int>(p.lang)];
  out << doc.path << ": " << doc.source.encoding << (doc.source.detected ? " (detected)" : "") << ", "
      << doc.paragraphs.size() << " paragraphs (zh " << counts[0] << ", en " << counts[1] << ", mixed " << counts[2]
      << ")" << (doc.bilingual ? ", bilingual" : "") << "\n";
  for (const std::string& note : doc.source.notes) out << "note: " << note << "\n";

  out << "\nOutline\n";
  for (const Paragraph& p : doc.paragraphs) {
    if (!p.heading || p.kind == Kind::kToc) continue;
    out << "  " << LangName(p.lang) << " " << std::string(2 * (p.heading->level - 1), ' ');
    if (p.heading->number) {
      const NumberMarker& n = *p.heading->number;
      out << ClipText(p.text, 70) << "  [" << StyleName(n.style) << " " << n.value << ", level " << p.heading->level
          << "]";
      for (const std::string& g : n.garbled) out << " (" << g << ")";
    } else {
      out << ClipText(p.text, 70) << "  [unnumbered, level 1]";
    }
    out << "  line " << p.lines().first << "\n";
  }

  out << "\nParagraphs\n";
  for (const Paragraph& p : doc.paragraphs) {
    out << "  #" << p.id << " " << LangName(p.lang) << " " << KindName(p.kind) << " " << LinesText(p)
        << (p.rejoined() ? " (rejoined)" : "") << (p.truncated ? " (truncated)" : "") << ": " << ClipText(p.text, 60)
        << "\n";
  }
  return out.str();
}

}  // namespace bitext
