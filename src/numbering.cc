// Markers are found with one ICU regular expression run over UTF-8 (so match
// offsets are byte offsets), and their numerals are parsed with ICU's
// rule-based number formats: "%roman-upper" for Roman numerals and Chinese
// spell-out for 一..九十九. A numeral only counts when ICU consumes all of it
// and, for Roman numerals, formats the value back to the same string, which
// rejects non-canonical forms such as "IIII".
#include "numbering.h"

#include <unicode/rbnf.h>
#include <unicode/regex.h>
#include <unicode/utext.h>

#include <cctype>
#include <memory>
#include <string>
#include <unordered_map>

#include "unicode.h"

namespace bitext {
namespace {

constexpr const char16_t* kMarkerPattern =
    u"^\\s*(?:"
    u"[(\uFF08]\\s*(?<paren>[IVXLCDM]+|[0-9\uFF10-\uFF19]{1,3}|[一二三四五六七八九十百零〇]+)\\s*[)\uFF09]"
    u"|(?<decimal>[0-9]{1,3}(?:[.\uFF0E][0-9]{1,3})+)(?<decimaldot>[.\uFF0E])?(?=\\s)"
    u"|(?<roman>[IVXLCDM]+)\\s*[.\uFF0E](?![0-9])"
    u"|(?<arabic>[0-9\uFF10-\uFF19]{1,3})\\s*(?:[.\uFF0E](?![0-9])|\u3001)"
    u"|(?<cjk>[一二三四五六七八九十百零〇]+)\\s*[\u3001\uFF0E.]"
    u"|第(?<ordinal>[一二三四五六七八九十百零〇0-9]+)\\s*"
    u"(?<counter>章|部分|节|篇|编|条|款|项|卷|回|课|讲|单元|部)"
    u"|(?<keyword>(?i:article|chapter|section|part|clause|rule|lesson|unit|book|appendix|annex|schedule))"
    u"\\s+(?<wordnum>[0-9]{1,3}\\p{Lu}?|\\p{L}+(?:-\\p{L}+)?)\\s*[.:\uFF1A]?(?=\\s|$)"
    u"|(?<missing>[.\uFF0E\u3001])(?=\\s*\\p{L})"
    u")\\s*";

// One compiled pattern and number formats per thread: ICU formatters are not
// safe to share between threads.
struct Parsers {
  // Values parsed already, by format and text: ICU's rule-based parse is
  // slow, and a document repeats the same few numerals ("(II)", "三、").
  // Cleared when full, so it stays small whatever the input.
  struct Memo {
    static constexpr size_t kMaxEntries = 4096;
    static constexpr size_t kMaxKeyBytes = 32;
    std::unordered_map<std::string, int> values;
  };

  std::unique_ptr<icu::RegexPattern> marker;
  std::unique_ptr<icu::RuleBasedNumberFormat> roman;
  std::unique_ptr<icu::RuleBasedNumberFormat> chinese;
  std::unique_ptr<icu::RuleBasedNumberFormat> english;
  Memo roman_memo, chinese_memo, english_memo;

  Parsers() {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    marker.reset(icu::RegexPattern::compile(icu::UnicodeString(kMarkerPattern), 0, parse_error, status));
    roman = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_NUMBERING_SYSTEM, icu::Locale::getRoot(), status);
    roman->setDefaultRuleSet(icu::UnicodeString(u"%roman-upper"), status);
    chinese = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
    english = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale::getEnglish(), status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU numbering setup failed");
  }
};

Parsers& GetParsers() {
  thread_local Parsers parsers;
  return parsers;
}

int ParseWithIcu(icu::RuleBasedNumberFormat& format, std::string_view s, bool round_trip) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::Formattable result;
  icu::ParsePosition pos(0);
  format.parse(text, result, pos);
  if (pos.getErrorIndex() >= 0 || pos.getIndex() != text.length()) return -1;
  UErrorCode status = U_ZERO_ERROR;
  int32_t value = result.getLong(status);
  if (U_FAILURE(status) || value <= 0) return -1;
  if (round_trip) {
    icu::UnicodeString back;
    format.format(value, back);
    if (back != text) return -1;
  }
  return value;
}

int ParseWhole(icu::RuleBasedNumberFormat& format, Parsers::Memo& memo, std::string_view s, bool round_trip) {
  if (s.empty()) return -1;
  if (s.size() > Parsers::Memo::kMaxKeyBytes) return ParseWithIcu(format, s, round_trip);
  const auto known = memo.values.find(std::string(s));
  if (known != memo.values.end()) return known->second;
  if (memo.values.size() >= Parsers::Memo::kMaxEntries) memo.values.clear();
  const int value = ParseWithIcu(format, s, round_trip);
  memo.values.emplace(std::string(s), value);
  return value;
}

int ParseArabic(std::string_view s) {
  std::string ascii = FoldForCompare(s);  // full-width digits become ASCII
  if (ascii.empty() || ascii.size() > 3) return -1;
  int value = 0;
  for (char c : ascii) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A token right after the number that is itself number-like ("l02.",
// "3.") is a stray leftover of another marker, not part of the title.
bool IsStrayToken(std::string_view token) {
  if (token.size() < 2 || (token.back() != '.')) return false;
  bool has_digit = false;
  for (char c : token.substr(0, token.size() - 1)) {
    if (c >= '0' && c <= '9')
      has_digit = true;
    else if (!IsAsciiLetter(c))
      return false;
  }
  return has_digit;
}

// Places the title, a view into `line`, in the marker; an empty title is
// placed at `empty_at`, where the marker ends.
void SetTitle(NumberMarker& marker, std::string_view line, std::string_view title, size_t empty_at) {
  marker.title_begin = title.empty() ? empty_at : static_cast<size_t>(title.data() - line.data());
  marker.title_size = title.size();
}

// Records the stray pieces at the ends of `title` (the text after the
// marker) and returns the title without them.
std::string_view FindGarbledPieces(NumberMarker& marker, std::string_view title) {
  size_t space = title.find(' ');
  std::string_view first = title.substr(0, space);
  if (IsStrayToken(first)) {
    marker.garbled.push_back("stray \"" + std::string(first) + "\" after the number");
    marker.value_damaged = true;
    title = space == std::string_view::npos ? title.substr(title.size()) : Trim(title.substr(space));
  }
  // "... capabilities h": a lone lower-case letter left at the end of a
  // title (capitals are labels: "hepatitis B", "Plan C").
  if (title.size() >= 3 && title.back() >= 'a' && title.back() <= 'z' && title[title.size() - 2] == ' ') {
    char c = title.back();
    if (c != 'a') {
      marker.garbled.push_back(std::string("lone letter \"") + c + "\" at the end");
    }
  }
  if (marker.style == NumberStyle::kMissing) {
    marker.garbled.push_back("number missing before \"" + marker.raw + "\"");
    marker.value_damaged = true;
  }
  return title;
}

// "3.1.10" into {3, 1, 10}; false when a component is 0 (a version or a
// time, "1.0", reads as no heading number).
bool ParseDecimal(std::string_view s, std::vector<int>& path) {
  path.clear();
  int current = 0;
  for (char c : FoldForCompare(s)) {
    if (c == '.') {
      if (current == 0) return false;
      path.push_back(current);
      current = 0;
    } else {
      current = current * 10 + (c - '0');
    }
  }
  if (current == 0) return false;
  path.push_back(current);
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The start of a title: an upper-case Latin letter, a non-ASCII letter (a
// Han character), a quotation mark or a dash; not a lower-case word.
bool StartsLikeTitle(std::string_view rest) {
  rest = Trim(rest);
  if (rest.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(rest.front());
  if (c >= 0x80) return true;
  return std::isupper(c) || c == '"' || c == '\'' || c == '-' || c == '(';
}

// The number of a word ordinal: Arabic ("8", with a stray capital glued on:
// "13I"), Roman ("IV") or spelled out ("One", "Twenty-One").
bool ReadWordNumber(std::string_view number, NumberMarker& marker, int& value) {
  std::string_view digits = number;
  if (!digits.empty() && std::isupper(static_cast<unsigned char>(digits.back())) && digits.size() > 1 &&
      std::isdigit(static_cast<unsigned char>(digits.front()))) {
    marker.garbled.push_back("stray \"" + std::string(1, digits.back()) + "\" glued to the number");
    marker.value_damaged = true;
    digits.remove_suffix(1);
  }
  if ((value = ParseArabic(digits)) > 0) return true;
  if ((value = ParseRomanNumeral(number)) > 0) return true;
  if ((value = ParseEnglishNumeral(number)) > 0) return true;
  value = -1;
  return false;
}

// "3.1.10." into the marker; false for a quantity that reads like one:
// "2.4 Installing" is a heading, "3.5 million people" is not.
bool ReadDecimal(std::string_view line, std::string_view digits, bool closed_by_dot, size_t end, NumberMarker& marker,
                 int& value) {
  if (!ParseDecimal(digits, marker.path)) return false;
  if (!closed_by_dot && marker.path.size() == 2 && !StartsLikeTitle(line.substr(end))) return false;
  value = marker.path.back();
  marker.style = NumberStyle::kDecimal;
  return true;
}

enum class WordOrdinal { kNone, kNumbered, kLost };

// "Article 8", "Chapter IV.", "Part Two:" into the marker (kNumbered); a
// capitalised word where the number belongs, "Article  This Law applies",
// into a finished marker with the number missing (kLost): whether the
// document numbers that keyword at all is for the structure to decide
// (DropUnsupportedMissingNumbers); anything else is no marker (kNone).
WordOrdinal ReadWordOrdinal(std::string_view line, std::string_view keyword, std::string_view number, size_t end,
                            NumberMarker& marker, int& value) {
  marker.counter = FoldForCompare(keyword);
  if (!ReadWordNumber(number, marker, value)) {
    if (!std::isupper(static_cast<unsigned char>(number.front()))) return WordOrdinal::kNone;
    marker.style = NumberStyle::kMissing;
    const size_t keyword_end = line.find(keyword) + keyword.size();
    marker.raw = std::string(keyword);
    SetTitle(marker, line, Trim(line.substr(keyword_end)), keyword_end);
    marker.garbled.push_back("number missing after \"" + marker.raw + "\"");
    marker.value_damaged = true;
    return WordOrdinal::kLost;
  }
  // "Section 2 of the Act" is running text; a heading's title starts with a
  // capital, a Han character or nothing at all.
  const std::string_view matched = Trim(line.substr(0, end));
  const bool closed =
      !matched.empty() && (matched.back() == '.' || matched.back() == ':' || EndsWith(matched, "\uFF1A"));
  if (!closed && !line.substr(end).empty() && !StartsLikeTitle(line.substr(end))) return WordOrdinal::kNone;
  marker.style = NumberStyle::kWordOrdinal;
  return WordOrdinal::kNumbered;
}
}  // namespace

const char* StyleName(NumberStyle style) {
  switch (style) {
    case NumberStyle::kRomanDot:
      return "roman-dot";
    case NumberStyle::kRomanParen:
      return "roman-paren";
    case NumberStyle::kArabicDot:
      return "arabic-dot";
    case NumberStyle::kArabicParen:
      return "arabic-paren";
    case NumberStyle::kCjkComma:
      return "cjk-comma";
    case NumberStyle::kCjkParen:
      return "cjk-paren";
    case NumberStyle::kCjkOrdinal:
      return "cjk-ordinal";
    case NumberStyle::kDecimal:
      return "decimal";
    case NumberStyle::kWordOrdinal:
      return "word-ordinal";
    case NumberStyle::kMissing:
      return "missing";
  }
  return "missing";
}

const char* NumeralName(NumberStyle style) {
  switch (style) {
    case NumberStyle::kRomanDot:
    case NumberStyle::kRomanParen:
      return "roman";
    case NumberStyle::kArabicDot:
    case NumberStyle::kArabicParen:
    case NumberStyle::kDecimal:
      return "arabic";
    case NumberStyle::kWordOrdinal:
      return "word";
    case NumberStyle::kCjkComma:
    case NumberStyle::kCjkParen:
    case NumberStyle::kCjkOrdinal:
      return "cjk";
    case NumberStyle::kMissing:
      return "none";
  }
  return "none";
}

int ParseRomanNumeral(std::string_view s) {
  Parsers& parsers = GetParsers();
  return ParseWhole(*parsers.roman, parsers.roman_memo, s, true);
}

int ParseChineseNumeral(std::string_view s) {
  Parsers& parsers = GetParsers();
  return ParseWhole(*parsers.chinese, parsers.chinese_memo, s, false);
}

int ParseEnglishNumeral(std::string_view s) {
  // ICU's English spell-out reads lower case; its lenient parse would also
  // take "a" or partial words, so the round trip must give the same text.
  std::string lower(s);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  Parsers& parsers = GetParsers();
  const int value = ParseWhole(*parsers.english, parsers.english_memo, lower, true);
  return value > 0 && value < 100 ? value : -1;
}

std::vector<std::string> EnglishNumberWords(int value) {
  std::vector<std::string> words;
  icu::RuleBasedNumberFormat& format = *GetParsers().english;
  for (const char16_t* rules : {u"%spellout-cardinal", u"%spellout-ordinal"}) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString spelled;
    icu::FieldPosition position;
    format.format(static_cast<int32_t>(value), icu::UnicodeString(rules), spelled, position, status);
    if (U_FAILURE(status)) continue;
    std::string utf8;
    spelled.toUTF8String(utf8);
    words.push_back(utf8);
  }
  return words;
}

std::optional<NumberMarker> ParseNumberMarker(std::string_view line) {
  Parsers& parsers = GetParsers();
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, line.data(), static_cast<int64_t>(line.size()), &status);
  std::unique_ptr<UText, decltype(&utext_close)> text_holder(text, utext_close);
  std::unique_ptr<icu::RegexMatcher> matcher(parsers.marker->matcher(status));
  if (U_FAILURE(status)) return std::nullopt;
  matcher->reset(text);
  if (!matcher->lookingAt(status) || U_FAILURE(status)) return std::nullopt;

  auto group = [&](const char16_t* name) -> std::optional<std::string_view> {
    UErrorCode s = U_ZERO_ERROR;
    int32_t n = parsers.marker->groupNumberFromName(icu::UnicodeString(name), s);
    int64_t begin = matcher->start64(n, s);
    if (U_FAILURE(s) || begin < 0) return std::nullopt;
    int64_t end = matcher->end64(n, s);
    return line.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
  };

  NumberMarker marker;
  int value = -1;
  if (auto g = group(u"paren")) {
    if ((value = ParseArabic(*g)) > 0) {
      marker.style = NumberStyle::kArabicParen;
    } else if ((value = ParseRomanNumeral(*g)) > 0) {
      marker.style = NumberStyle::kRomanParen;
    } else if ((value = ParseChineseNumeral(*g)) > 0) {
      marker.style = NumberStyle::kCjkParen;
    }
  } else if (auto r = group(u"roman")) {
    value = ParseRomanNumeral(*r);
    marker.style = NumberStyle::kRomanDot;
  } else if (auto a = group(u"arabic")) {
    value = ParseArabic(*a);
    marker.style = NumberStyle::kArabicDot;
  } else if (auto c = group(u"cjk")) {
    value = ParseChineseNumeral(*c);
    marker.style = NumberStyle::kCjkComma;
  } else if (auto o = group(u"ordinal")) {
    value = ParseArabic(*o);
    if (value <= 0) value = ParseChineseNumeral(*o);
    marker.style = NumberStyle::kCjkOrdinal;
    marker.counter = std::string(*group(u"counter"));
  } else if (auto d = group(u"decimal")) {
    const size_t end = static_cast<size_t>(matcher->end64(status));
    if (!ReadDecimal(line, *d, group(u"decimaldot").has_value(), end, marker, value)) return std::nullopt;
  } else if (auto k = group(u"keyword")) {
    const size_t end = static_cast<size_t>(matcher->end64(status));
    const WordOrdinal read = ReadWordOrdinal(line, *k, *group(u"wordnum"), end, marker, value);
    if (read == WordOrdinal::kNone) return std::nullopt;
    if (read == WordOrdinal::kLost) return marker;
  } else if (group(u"missing")) {
    value = 0;
    marker.style = NumberStyle::kMissing;
  }
  if (value < 0) return std::nullopt;  // looked like a marker, is not a numeral

  size_t end = static_cast<size_t>(matcher->end64(status));
  marker.value = value;
  marker.raw = std::string(Trim(line.substr(0, end)));
  // The title is what is left after stray pieces.
  SetTitle(marker, line, FindGarbledPieces(marker, Trim(line.substr(end))), end);
  return marker;
}

std::string_view NumberMarker::Title(std::string_view line) const { return line.substr(title_begin, title_size); }

}  // namespace bitext
