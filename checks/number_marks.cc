// Marks are removed with ICU regular expressions over UTF-16; what is left
// goes to the same number reader the aligner's anchors use.
#include "number_marks.h"

#include <unicode/regex.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <map>
#include <memory>
#include <vector>

#include "anchors.h"
#include "numbering.h"
#include "unicode.h"

namespace bitext {
namespace {

// Note marks ("¹", "[27]", "（注1）", "(Note 1)") in both languages, the
// part of a document ("（上）") in Chinese and its rendering after a title
// ("(Part 1)") in English; number bases ("十六进制", hexadecimal) are words.
constexpr const char16_t* kChineseMarks =
    u"[\u00B9\u00B2\u00B3\u2070-\u2079]+|\\[\\s*[0-9]{1,3}\\s*\\]"
    u"|[(\uFF08]\\s*注\\s*[0-9\uFF10-\uFF19]+\\s*[)\uFF09]|[(\uFF08]\\s*[上中下]\\s*[)\uFF09]"
    u"|(?:二|八|十|十六|三十二|六十四)[进進]制";
constexpr const char16_t* kEnglishMarks =
    u"[\u00B9\u00B2\u00B3\u2070-\u2079]+|\\[\\s*[0-9]{1,3}\\s*\\]"
    u"|[(\\[]\\s*(?i:note)\\s*[0-9]{1,3}\\s*[)\\]]|\\(\\s*Part\\s+([0-9]|One|Two|Three|I{1,3})\\s*\\)";

icu::UnicodeString ReplaceAll(const icu::UnicodeString& text, const char16_t* pattern, const icu::UnicodeString& with) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::map<const char16_t*, std::unique_ptr<icu::RegexPattern>> compiled;
  std::unique_ptr<icu::RegexPattern>& regex = compiled[pattern];
  if (!regex) {
    UParseError parse_error;
    regex.reset(icu::RegexPattern::compile(icu::UnicodeString(pattern), 0, parse_error, status));
  }
  if (U_FAILURE(status)) return text;
  std::unique_ptr<icu::RegexMatcher> matcher(regex->matcher(text, status));
  icu::UnicodeString out = matcher->replaceAll(with, status);
  return U_FAILURE(status) ? text : out;
}

// "第八条" -> "第8条", so that the ordinal's value is read.
std::string OrdinalsAsDigits(const std::string& text) {
  std::string out;
  size_t at = 0;
  const std::string di = "第";
  for (size_t found = text.find(di); found != std::string::npos; found = text.find(di, at)) {
    out += text.substr(at, found + di.size() - at);
    size_t end = found + di.size();
    std::string numeral;
    while (end < text.size()) {
      const std::vector<char32_t> next = ToCodePoints(text.substr(end, 3));
      if (next.empty() ||
          std::u32string_view(U"一二三四五六七八九十百零〇").find(next.front()) == std::u32string_view::npos) {
        break;
      }
      numeral += ToUtf8(next.front());
      end += ToUtf8(next.front()).size();
    }
    const int value = numeral.empty() ? -1 : ParseChineseNumeral(numeral);
    out += value > 0 ? std::to_string(value) : numeral;
    at = end;
  }
  return out + text.substr(at);
}

}  // namespace

std::multiset<align::Decimal> NoteMarksOf(std::string_view text) {
  std::multiset<align::Decimal> marks;
  for (size_t open = text.find('['); open != std::string_view::npos; open = text.find('[', open + 1)) {
    size_t end = open + 1;
    while (end < text.size() && end - open <= 3 && text[end] >= '0' && text[end] <= '9') ++end;
    if (end > open + 1 && end < text.size() && text[end] == ']') {
      for (const align::Decimal& d :
           align::ExtractDecimals(std::string(text.substr(open + 1, end - open - 1)), Lang::kEn)) {
        marks.insert(d);
      }
    }
  }
  return marks;
}

namespace {

// Latin tokens with both a letter and a digit, and inner '-', '.', '_'.
std::multiset<std::string> DigitTokens(std::string_view text) {
  std::multiset<std::string> tokens;
  auto token_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
  };
  for (size_t i = 0; i < text.size();) {
    if (!std::isalnum(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && token_char(text[end])) ++end;
    std::string token(text.substr(i, end - i));
    while (!token.empty() && !std::isalnum(static_cast<unsigned char>(token.back()))) token.pop_back();
    const bool letter =
        std::any_of(token.begin(), token.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    const bool digit =
        std::any_of(token.begin(), token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (letter && digit) tokens.insert(token);
    i = end;
  }
  return tokens;
}

std::string WithoutDigits(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (!std::isdigit(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

std::string DigitsOf(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (std::isdigit(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

}  // namespace

void ChangedTokenNumbers(std::string_view source, std::string_view translation, std::multiset<align::Decimal>& missing,
                         std::multiset<align::Decimal>& extra) {
  const std::multiset<std::string> from = DigitTokens(source), to = DigitTokens(translation);
  std::multiset<std::string> gone, added;
  std::set_difference(from.begin(), from.end(), to.begin(), to.end(), std::inserter(gone, gone.end()));
  std::set_difference(to.begin(), to.end(), from.begin(), from.end(), std::inserter(added, added.end()));
  for (const std::string& g : gone) {
    auto same_letters = std::find_if(added.begin(), added.end(),
                                     [&](const std::string& a) { return WithoutDigits(a) == WithoutDigits(g); });
    if (same_letters == added.end()) continue;
    missing.insert(align::Decimal::Parse(DigitsOf(g)));
    extra.insert(align::Decimal::Parse(DigitsOf(*same_letters)));
    added.erase(same_letters);
  }
}

std::multiset<align::Decimal> NumbersOf(std::string_view text, Lang lang) {
  icu::UnicodeString unicode =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  unicode = ReplaceAll(unicode, lang == Lang::kZh ? kChineseMarks : kEnglishMarks, u" ");
  std::string cleaned;
  unicode.toUTF8String(cleaned);
  if (lang == Lang::kZh) cleaned = OrdinalsAsDigits(cleaned);
  const std::vector<align::Decimal> values = align::ExtractDecimals(cleaned, lang);
  return {values.begin(), values.end()};
}

bool SpellsOut(std::string_view english, double value) {
  if (value < 1 || value > 1e6 || value != std::floor(value)) return false;
  const std::string folded = " " + FoldForCompare(english) + " ";
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; };
  for (const std::string& words : EnglishNumberWords(static_cast<int>(value))) {
    for (size_t at = folded.find(words); at != std::string::npos; at = folded.find(words, at + 1)) {
      if (!letter(folded[at - 1]) && !letter(folded[at + words.size()])) return true;
    }
  }
  return false;
}

}  // namespace bitext
