// Numbering of headings and list items, parsed into comparable values so that
// `一、` ~ `I.` and `(一)` ~ `1.` can be matched by value across styles, and
// garbled markers (`(IV) l02.`, `. The concept`) are kept as evidence.
//
//   auto n = ParseNumberMarker("(VIII) Support ecological protection");
//   // n->style == NumberStyle::kRomanParen, n->value == 8,
//   // n->Title(line) == "Support ecological protection"
#ifndef BITEXT_SRC_NUMBERING_H_
#define BITEXT_SRC_NUMBERING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bitext {

enum class NumberStyle {
  kRomanDot,     // I.
  kRomanParen,   // (I)
  kArabicDot,    // 1.  1、
  kArabicParen,  // (1)  （1）
  kCjkComma,     // 一、
  kCjkParen,     // (一)  （一）
  kCjkOrdinal,   // 第一章  第一部分  第八条
  kDecimal,      // 3.1.10.  2.4  (multi-level: every component is kept in `path`)
  kWordOrdinal,  // Article 8  Chapter IV.  Section 2:  Part One
  kMissing,      // the number was lost: ". The concept ...", "Article  The ..."
};

// Stable, kebab-case name used in JSON ("roman-dot", "cjk-paren", ...).
const char* StyleName(NumberStyle style);

// The numeral family, ignoring brackets: "roman", "arabic", "cjk" or "none".
const char* NumeralName(NumberStyle style);

struct NumberMarker {
  NumberStyle style = NumberStyle::kMissing;
  int value = 0;                     // parsed value; 0 when the number is missing
  std::string raw;  // the marker as written, e.g. "(IV)" or "一、"
  // Where the title, the text after the marker (and after stray pieces),
  // is in the parsed line, in bytes; an empty one is where the marker ends.
  // The title is not copied: a document of many headings would hold each
  // twice.
  size_t title_begin = 0;
  size_t title_size = 0;
  std::vector<std::string> garbled;  // stray pieces, e.g. "stray \"l02.\" after the number"
  bool value_damaged = false;        // the number itself is lost or has stray pieces: `value` says little
  // What the number counts, so that two schemes in one document keep apart:
  // the counter of a CJK ordinal ("章", "条"), the lower-cased keyword of a
  // word ordinal ("chapter", "article"); empty for other styles.
  std::string counter;
  // A decimal number's components ("3.1.10" -> {3, 1, 10}); `value` is the
  // last one. Empty for other styles.
  std::vector<int> path;

  // The title in `line`, the text this marker was parsed from.
  std::string_view Title(std::string_view line) const;
};

// How deep a decimal number is ("3.1.10" is 3); 1 for every other style.
inline int Depth(const NumberMarker& marker) { return marker.path.empty() ? 1 : static_cast<int>(marker.path.size()); }

// Parses a number marker at the start of `line` (leading white space
// allowed). Returns nullopt when the line does not start with one.
std::optional<NumberMarker> ParseNumberMarker(std::string_view line);

// Numeral parsers backed by ICU's rule-based number format. They return -1
// unless the whole string is a well-formed numeral: "IIII" and "l02" are
// rejected, "VIII" is 8, "十二" is 12, "一百零五" is 105.
int ParseRomanNumeral(std::string_view s);
int ParseChineseNumeral(std::string_view s);
// English spelled-out numbers, "One" to "Ninety-Nine" (any case).
int ParseEnglishNumeral(std::string_view s);

// How English spells a whole number in words, lower case: the cardinal and
// the ordinal ("one hundred", "one hundredth"; "twenty-one", "twenty-first").
std::vector<std::string> EnglishNumberWords(int value);

}  // namespace bitext

#endif  // BITEXT_SRC_NUMBERING_H_
