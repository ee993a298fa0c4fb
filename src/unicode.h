// Small Unicode helpers over UTF-8 strings, built on utf8proc (normalisation,
// case folding, categories) and ICU (scripts). Text is kept as written for
// display; these give the forms used for comparison.
#ifndef BITEXT_SRC_UNICODE_H_
#define BITEXT_SRC_UNICODE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bitext {

// NFC, for storing text that is compared byte for byte.
std::string Nfc(std::string_view s);

// NFKC with case folding: full-width digits and letters become ASCII,
// case is ignored. The form used when width and case must not matter.
std::string FoldForCompare(std::string_view s);

// Decodes UTF-8 into code points. Input is assumed well-formed (decoding
// guarantees it); an ill-formed byte becomes U+FFFD.
std::vector<char32_t> ToCodePoints(std::string_view s);
// The code point that starts at byte `at` of `s` (at < s.size()), read as
// ToCodePoints reads it, and the bytes it takes: for a long text read a
// code point at a time. ASCII is read here, inline: most loops over text
// call this and the tests below for every character.
std::pair<char32_t, size_t> MultibyteCodePointAt(std::string_view s, size_t at);
inline std::pair<char32_t, size_t> CodePointAt(std::string_view s, size_t at) {
  const auto byte = static_cast<unsigned char>(s[at]);
  if (byte < 0x80) return {byte, 1};
  return MultibyteCodePointAt(s, at);
}
// Offset of the first ill-formed UTF-8 sequence, or npos: overlong forms,
// surrogates and code points above U+10FFFF are ill-formed (ICU's U8_NEXT).
size_t FirstInvalidUtf8(std::string_view s);
// ToCodePoints(s).size(), without the copy.
size_t CodePointCount(std::string_view s);
std::string ToUtf8(char32_t c);
// The last code point of `s`, read as ToCodePoints reads it (its last four
// bytes hold it whole); 0 when `s` is empty.
char32_t LastCodePoint(std::string_view s);

bool IsNonAsciiHan(char32_t c);
bool IsNonAsciiLatinLetter(char32_t c);
bool IsNonAsciiSpace(char32_t c);

inline bool IsHan(char32_t c) { return c >= 0x80 && IsNonAsciiHan(c); }
inline bool IsLatinLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return IsNonAsciiLatinLetter(c);
}
// Unicode White_Space (incl. U+3000 ideographic space and no-break space).
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');  // ASCII's White_Space, without a table lookup
  return IsNonAsciiSpace(c);
}

// At most `width` code points, ending in "…" when cut (for one-line views).
std::string ClipText(std::string_view text, size_t width);

// The lines of a text ('\n' separated; no empty last line after a final
// newline). Line k of the result is line k + 1 as an editor numbers it.
std::vector<std::string_view> SplitLines(std::string_view text);

// At most the first / last `max_bytes` bytes of a UTF-8 text, cut at a
// character boundary: enough for tests that look at one end of a long text.
std::string_view Head(std::string_view s, size_t max_bytes);
std::string_view Tail(std::string_view s, size_t max_bytes);

// Removes leading and trailing white space of any kind.
std::string_view Trim(std::string_view s);

// Counts Han characters and Latin words (runs of Latin letters).
struct ScriptCounts {
  int han = 0;
  int latin_words = 0;
  int latin_letters = 0;
};
ScriptCounts CountScripts(std::string_view s);

}  // namespace bitext

#endif  // BITEXT_SRC_UNICODE_H_
