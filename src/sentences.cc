// Sentence boundaries from ICU's sentence break iterator over the UTF-8 text
// (UText keeps offsets in bytes). English uses the "ss=standard" locale
// extension, which suppresses breaks after abbreviations such as "Mr." and
// "U.S."; Chinese breaks after 。！？ as ICU's rules do. Web and MT text
// often lose the space after a full stop ("cooperation.China has"); ICU keeps
// those together, so a stop between a lower-case word and a capitalised
// word ("n.Ch") is split as well.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

#include "structure.h"
#include "unicode.h"

namespace bitext {
namespace {

std::unique_ptr<icu::BreakIterator> MakeIterator(const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale(locale), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence iterator unavailable");
  return it;
}

// Iterators are reused per thread: creating one costs far more than a run.
icu::BreakIterator& IteratorFor(Lang lang) {
  thread_local std::unique_ptr<icu::BreakIterator> english = MakeIterator("en@ss=standard");
  thread_local std::unique_ptr<icu::BreakIterator> chinese = MakeIterator("zh");
  return lang == Lang::kEn ? *english : *chinese;
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Offsets just after each glued full stop in `s` ("ab.Cd" splits after '.').
std::vector<size_t> GluedStops(std::string_view s) {
  std::vector<size_t> cuts;
  for (size_t i = 2; i + 2 < s.size(); ++i) {
    if (s[i] == '.' && IsLower(s[i - 1]) && IsLower(s[i - 2]) && IsUpper(s[i + 1]) && IsLower(s[i + 2])) {
      cuts.push_back(i + 1);
    }
  }
  return cuts;
}

void AddSentence(Paragraph& paragraph, size_t begin, size_t end) {
  const std::string& text = paragraph.text;
  std::string_view trimmed = Trim(std::string_view(text).substr(begin, end - begin));
  if (trimmed.empty()) return;
  size_t offset = static_cast<size_t>(trimmed.data() - text.data());
  paragraph.sentences.push_back({offset, offset + trimmed.size()});
}

}  // namespace

void SplitSentences(Paragraph& paragraph) {
  paragraph.sentences.clear();
  const std::string& text = paragraph.text;
  // Headings and title lines are one sentence, whatever their dots.
  if (paragraph.kind == Kind::kHeading || paragraph.kind == Kind::kTitle || paragraph.kind == Kind::kToc) {
    AddSentence(paragraph, 0, text.size());
    return;
  }
  // Nor does the dot of a leading number marker ("1. ", "IV. ") end one.
  const size_t marker_end = paragraph.heading && paragraph.heading->number ? paragraph.heading->number->title_begin : 0;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, decltype(&utext_close)> utext(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status), utext_close);
  icu::BreakIterator& it = IteratorFor(paragraph.lang);
  it.setText(utext.get(), status);
  if (U_FAILURE(status)) return;
  size_t begin = static_cast<size_t>(it.first());
  for (int32_t next = it.next(); next != icu::BreakIterator::DONE; next = it.next()) {
    const size_t end = static_cast<size_t>(next);
    if (end <= marker_end) continue;  // the marker stays with the sentence after it
    size_t from = begin;
    for (size_t cut : GluedStops(std::string_view(text).substr(begin, end - begin))) {
      AddSentence(paragraph, from, begin + cut);
      from = begin + cut;
    }
    AddSentence(paragraph, from, end);
    begin = end;
  }
  // Detach the iterator from text that is about to go away.
  it.setText(icu::UnicodeString());
}

}  // namespace bitext
