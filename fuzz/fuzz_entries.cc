#include "fuzz_entries.h"

#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "comparison.h"
#include "decode.h"
#include "document.h"
#include "document_alignment.h"
#include "error.h"
#include "lexicon.h"
#include "numbering.h"
#include "unicode.h"

namespace bitext::fuzz {
namespace {

void Require(bool condition, const char* what) {
  if (!condition) throw std::logic_error(what);
}

bool IsUtf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

void CheckDecoded(const DecodedText& decoded) {
  Require(IsUtf8(decoded.text), "decoded text is not UTF-8");
  Require(decoded.text.find('\r') == std::string::npos, "decoded text keeps a CR");
}

// Decodes as the CLI would; an InputError is a clean rejection.
void DecodeChecked(std::string_view bytes, const DecodeOptions& options) {
  try {
    CheckDecoded(Decode(bytes, "fuzz-input", options));
  } catch (const InputError&) {
    // a clean rejection: binary, empty, or not in the declared encoding
  }
}

// Enough paragraphs to exercise every stage, few enough that one run stays fast.
constexpr size_t kMaxParagraphs = 64;

// An input that is rejected (empty, binary) takes part as an empty document.
Document LenientDocument(std::string_view bytes) {
  DocumentOptions options;
  options.decode.lenient = true;
  options.decode.encoding = "UTF-8";
  Document doc;
  try {
    doc = LoadDocumentFromBytes("fuzz-input", bytes, options);
  } catch (const InputError&) {
    return doc;
  }
  if (doc.paragraphs.size() > kMaxParagraphs) doc.paragraphs.resize(kMaxParagraphs);
  return doc;
}

// A few entries so that the lexical evidence takes part, as it does with CC-CEDICT.
align::Lexicon SmallLexicon() {
  align::Lexicon lexicon;
  lexicon.Add("中国", "China");
  lexicon.Add("发展", "development");
  lexicon.Add("合作", "cooperation");
  lexicon.Add("国际", "international");
  lexicon.Add("世界", "world");
  lexicon.Add("人类", "mankind");
  lexicon.Add("命运", "destiny");
  lexicon.Add("共同体", "community");
  return lexicon;
}

}  // namespace

void DecodeEntry(std::string_view bytes) {
  static constexpr std::array<const char*, 5> kDeclared = {"UTF-8", "GB18030", "Big5", "UTF-16LE", "windows-1252"};
  for (bool lenient : {false, true}) {
    DecodeChecked(bytes, DecodeOptions{"", lenient});
    if (!bytes.empty()) {
      const char* declared = kDeclared[static_cast<uint8_t>(bytes[0]) % kDeclared.size()];
      DecodeChecked(bytes, DecodeOptions{declared, lenient});
    }
  }
}

void DocumentEntry(std::string_view bytes) {
  const std::string_view first_line = bytes.substr(0, bytes.find('\n'));
  if (IsUtf8(first_line)) {
    if (auto marker = ParseNumberMarker(first_line)) {
      Require(marker->title_begin <= first_line.size(), "title begins past the line");
    }
  }
  DocumentOptions options;
  options.decode.lenient = true;
  Document doc;
  try {
    doc = LoadDocumentFromBytes("fuzz-input", bytes, options);
  } catch (const InputError&) {
    return;  // empty or binary: a clean rejection
  }
  for (const Paragraph& p : doc.paragraphs) {
    Require(!p.pieces.empty(), "paragraph without source lines");
    for (const Sentence& s : p.sentences) {
      Require(s.begin <= s.end && s.end <= p.text.size(), "sentence outside its paragraph");
    }
  }
}

void AlignEntry(std::string_view bytes) {
  std::array<std::string_view, 3> parts;  // Chinese, English, machine translation
  for (std::string_view& part : parts) {
    const size_t end = bytes.find('\f');
    part = bytes.substr(0, end);
    bytes = end == std::string_view::npos ? std::string_view() : bytes.substr(end + 1);
  }
  const Document zh_doc = LenientDocument(parts[0]);
  const Document en_doc = LenientDocument(parts[1]);
  const Document mt_doc = LenientDocument(parts[2]);
  static const align::Lexicon lexicon = SmallLexicon();

  const auto zh = align::AlignableParagraphs(zh_doc, Lang::kZh);
  const auto en = align::AlignableParagraphs(en_doc, Lang::kEn);
  const align::DocumentAlignment aligned = align::AlignDocuments(zh, en, &lexicon, align::AlignerOptions{}, true);
  int zh_next = 0, en_next = 0;
  for (const align::Bead& b : aligned.paragraphs) {
    Require(b.zh_begin == zh_next && b.en_begin == en_next, "paragraph beads leave a gap");
    zh_next = b.zh_end;
    en_next = b.en_end;
  }
  Require(zh_next == static_cast<int>(zh.size()) && en_next == static_cast<int>(en.size()),
          "paragraph beads do not cover both sides");
  align::CompareWithOfficial(zh, en, mt_doc, &lexicon, align::AlignerOptions{});
}

void LexiconEntry(std::string_view bytes) {
  static const std::string base = [] {
    std::string binary = SmallLexicon().ToBinary("fuzz");
    binary.resize(binary.size() - sizeof(uint64_t));  // the checksum
    return binary;
  }();
  std::string table = base;
  for (size_t k = 0; k < bytes.size() && k < table.size(); ++k) table[k] = static_cast<char>(table[k] ^ bytes[k]);
  if (bytes.size() > table.size()) table.append(bytes.substr(table.size()));
  const std::optional<align::Lexicon> lexicon = align::Lexicon::FromTable(table, "fuzz", nullptr);
  if (!lexicon) return;
  const char* const end = table.data() + table.size();
  for (std::string_view word : {"中国", "发展", "合作", "国际", "世界", "人类", "命运", "共同体", "援助", ""}) {
    for (std::string_view stem : lexicon->Glosses(word)) {
      Require(stem.data() >= table.data() && stem.data() + stem.size() <= end, "a stem outside the table");
    }
    (void)lexicon->Knows(word);
  }
  (void)lexicon->size();
  (void)lexicon->ToBinary("again");
}

}  // namespace bitext::fuzz
