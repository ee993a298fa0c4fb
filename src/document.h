// The document model: a plain-text file turned into logical paragraphs with
// their language, kind, structure and source lines. Built in stages, each in
// its own file:
//   lines.cc      physical lines -> pieces (one per line, wrapped lines joined)
//   language.cc   language of each piece by script
//   rejoin.cc     bilingual files: paragraphs broken at a block boundary rejoined
//   classify.cc   kind of each paragraph (title, heading, bullet, note, ...)
//   toc.cc        table-of-contents runs kept apart from body headings
//   outline.cc    heading levels from the document's own numbering styles
//   sentences.cc  ICU sentence segmentation
//
//   DocumentOptions options;
//   Document doc = LoadDocument("corpus/whitepaper-2021/official-bilingual.txt", options);
//   for (const Paragraph& p : doc.paragraphs) ...
#ifndef BITEXT_SRC_DOCUMENT_H_
#define BITEXT_SRC_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "boxed.h"
#include "decode.h"
#include "numbering.h"

namespace bitext {

enum class Lang : uint8_t { kZh, kEn, kMixed };
enum class Kind : uint8_t { kTitle, kHeading, kBody, kBullet, kToc, kNote, kBoilerplate };

const char* LangName(Lang lang);
const char* KindName(Kind kind);

// Inclusive range of 1-based physical lines.
struct LineSpan {
  int first = 0;
  int last = 0;
};

// A sentence is a span of its paragraph's text (Paragraph::SentenceText),
// trimmed: the text is not held twice.
struct Sentence {
  size_t begin = 0;  // byte offsets in Paragraph::text
  size_t end = 0;
};

struct Heading {
  std::optional<NumberMarker> number;  // nullopt for "Preface", "前言", ...
  int level = 1;                       // 1 = top level, from the document's styles
  bool item = false;                   // numbers an item of a list, not a section (IsListItem)
};

struct Paragraph {
  int id = 0;  // position in Document::paragraphs
  Lang lang = Lang::kEn;
  Kind kind = Kind::kBody;
  bool truncated = false;          // ends mid-sentence with nothing to continue it
  uint32_t bullet_bytes = 0;       // the length of a bullet's marker, which opens its text
  std::string text;                // as written (pieces joined)
  std::vector<LineSpan> pieces;    // more than one when rejoined across blocks
  Boxed<Heading> heading;          // headings, and numbered paragraphs
  std::vector<Sentence> sentences;

  LineSpan lines() const { return {pieces.front().first, pieces.back().last}; }
  std::string_view SentenceText(const Sentence& s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  bool rejoined() const { return pieces.size() > 1; }
  // The title of a numbered heading or contents entry, without its number;
  // the whole text of any other paragraph.
  std::string_view title() const {
    return heading && heading->number ? heading->number->Title(text) : std::string_view(text);
  }
  // The marker ("——", "•", ...) of a bullet; empty for other paragraphs.
  std::string_view bullet() const { return std::string_view(text).substr(0, bullet_bytes); }
};

struct DocumentOptions {
  DecodeOptions decode;
};

struct Document {
  std::string path;
  DecodedText source;                 // decoding facts and notes (text kept too)
  bool bilingual = false;             // both languages present in bulk
  std::vector<Paragraph> paragraphs;  // in reading order of their first line

  std::vector<const Paragraph*> InLanguage(Lang lang) const;
};

// The official text of a set, by language: one bilingual document (both
// point at it) or a Chinese and an English one; empty when there is none.
struct OfficialTexts {
  const Document* zh = nullptr;
  const Document* en = nullptr;

  OfficialTexts() = default;
  OfficialTexts(const Document* bilingual) : zh(bilingual), en(bilingual) {}
  OfficialTexts(const Document* zh_text, const Document* en_text) : zh(zh_text), en(en_text) {}

  bool empty() const { return zh == nullptr || en == nullptr; }
  bool bilingual() const { return zh == en; }
  // Each document once: the bilingual one, or the Chinese then the English.
  std::vector<const Document*> Documents() const;
};

// Reads, decodes and structures a file. Throws InputError on bad input.
Document LoadDocument(const std::string& path, const DocumentOptions& options);

// The same from bytes already read from `path` (named in messages).
Document LoadDocumentFromBytes(const std::string& path, std::string_view bytes, const DocumentOptions& options);

// Throws InputError unless `doc` has paragraphs in `lang`, saying what the
// file holds instead; `role` names what it was given as ("--zh",
// "\"bilingual\" in the manifest"). A bilingual text needs both languages.
void RequireLanguage(const Document& doc, Lang lang, const std::string& role);

// Structures already decoded text (used by LoadDocument and by tests).
Document BuildDocument(const std::string& path, DecodedText source);

}  // namespace bitext

#endif  // BITEXT_SRC_DOCUMENT_H_
