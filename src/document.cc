#include "document.h"

#include "error.h"
#include "structure.h"

namespace bitext {

const char* LangName(Lang lang) {
  switch (lang) {
    case Lang::kZh:
      return "zh";
    case Lang::kEn:
      return "en";
    case Lang::kMixed:
      return "mixed";
  }
  return "mixed";
}

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kTitle:
      return "title";
    case Kind::kHeading:
      return "heading";
    case Kind::kBody:
      return "body";
    case Kind::kBullet:
      return "bullet";
    case Kind::kToc:
      return "toc";
    case Kind::kNote:
      return "note";
    case Kind::kBoilerplate:
      return "boilerplate";
  }
  return "body";
}

std::vector<const Paragraph*> Document::InLanguage(Lang lang) const {
  std::vector<const Paragraph*> out;
  for (const Paragraph& p : paragraphs) {
    if (p.lang == lang) out.push_back(&p);
  }
  return out;
}

std::vector<const Document*> OfficialTexts::Documents() const {
  if (empty()) return {};
  if (bilingual()) return {zh};
  return {zh, en};
}

void RequireLanguage(const Document& doc, Lang lang, const std::string& role) {
  int zh = 0, en = 0;
  for (const Paragraph& p : doc.paragraphs) {
    zh += p.lang == Lang::kZh;
    en += p.lang == Lang::kEn;
  }
  if ((lang == Lang::kZh ? zh : en) > 0) return;
  const std::string wanted = lang == Lang::kZh ? "Chinese" : "English";
  const std::string holds = std::to_string(doc.paragraphs.size()) + " paragraphs: " + std::to_string(zh) +
                            " Chinese, " + std::to_string(en) + " English";
  throw InputError({doc.path}, "given as " + role + " but has no " + wanted + " paragraphs (" + holds +
                                   "); an official text needs both languages, in one bilingual file "
                                   "or one file for each");
}

Document BuildDocument(const std::string& path, DecodedText source) {
  Document doc;
  doc.path = path;
  std::vector<Paragraph> pieces = SplitIntoPieces(source.text);
  doc.bilingual = IsBilingual(pieces);
  doc.paragraphs = RejoinBrokenParagraphs(std::move(pieces), doc.bilingual);
  ClassifyParagraphs(doc.paragraphs);
  MarkTableOfContents(doc.paragraphs);
  AssignHeadingLevels(doc.paragraphs);
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    doc.paragraphs[i].id = static_cast<int>(i);
    SplitSentences(doc.paragraphs[i]);
  }
  doc.source = std::move(source);
  return doc;
}

Document LoadDocument(const std::string& path, const DocumentOptions& options) {
  return LoadDocumentFromBytes(path, ReadFileBytes(path, options.decode.max_bytes), options);
}

Document LoadDocumentFromBytes(const std::string& path, std::string_view bytes, const DocumentOptions& options) {
  Document doc = BuildDocument(path, Decode(bytes, path, options.decode));
  if (doc.paragraphs.empty()) throw InputError({path}, "contains no text (only white space)");
  return doc;
}

}  // namespace bitext
