#include "document_report.h"

#include <sstream>

#include "json_output.h"
#include "json_writer.h"
#include "unicode.h"

namespace bitext {
namespace {

// Members in the order of their names, as a tree of them prints.
void WriteHeading(JsonWriter& json, const Paragraph& p) {
  const Heading& heading = *p.heading;
  const NumberMarker* n = heading.number ? &*heading.number : nullptr;
  json.BeginObject();
  if (n && !n->garbled.empty()) {
    json.Key("garbled").BeginArray();
    for (const std::string& g : n->garbled) json.String(g);
    json.EndArray();
  }
  json.Key("level").Number(heading.level);
  json.Key("numeral").String(n ? NumeralName(n->style) : "none");
  json.Key("raw").String(n ? std::string_view(n->raw) : "");
  json.Key("style").String(n ? StyleName(n->style) : "none");
  if (n) {
    json.Key("title").String(p.title()).Key("value").Number(n->value);
  } else {
    json.Key("value").Value(nullptr);
  }
  json.EndObject();
}

// One paragraph, written value by value: a document's tree of JSON values
// would take many times the size of its text.
void WriteParagraph(std::ostream& out, const Paragraph& p, int depth) {
  JsonWriter json(out, depth);
  auto pair = [&](int a, int b) { json.BeginArray().Number(a).Number(b).EndArray(); };
  json.BeginObject();
  if (p.bullet_bytes > 0) json.Key("bullet").String(p.bullet());
  if (p.heading) {
    json.Key("heading");
    WriteHeading(json, p);
  }
  json.Key("id").Number(p.id);
  json.Key("kind").String(KindName(p.kind));
  json.Key("lang").String(LangName(p.lang));
  json.Key("lines");
  pair(p.lines().first, p.lines().last);
  if (p.rejoined()) {
    json.Key("pieces").BeginArray();
    for (const LineSpan& s : p.pieces) pair(s.first, s.last);
    json.EndArray();
  }
  json.Key("sentences").BeginArray();
  for (const Sentence& s : p.sentences) json.String(p.SentenceText(s));
  json.EndArray();
  json.Key("text").String(p.text);
  if (p.truncated) json.Key("truncated").Value(true);
  json.EndObject();
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
  WriteObjectWithArrays(out, j, {{"paragraphs", doc.paragraphs.size(), [&doc](std::ostream& o, size_t k, int depth) {
                                    WriteParagraph(o, doc.paragraphs[k], depth);
                                  }}});
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
