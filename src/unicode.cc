#include "unicode.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace bitext {
namespace {

std::string Map(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                   static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::string(s);  // ill-formed input: leave it as it is
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> holder(out, std::free);
  return std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n));
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

// ASCII has no decompositions and composes with nothing, and case folding
// maps only its capitals: most words need no trip through utf8proc.
std::string Nfc(std::string_view s) {
  if (IsAscii(s)) return std::string(s);
  return Map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string FoldForCompare(std::string_view s) {
  constexpr int kFold = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;
  auto is_ascii = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
  auto fold_ascii = [](std::string_view run, std::string& out) {
    const size_t from = out.size();
    out += run;
    for (size_t k = from; k < out.size(); ++k) {
      if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] - 'A' + 'a');
    }
  };
  if (FirstInvalidUtf8(s) != std::string_view::npos) return Map(s, kFold);  // left as it is
  // Only the stretches that are not ASCII go through utf8proc, each with the
  // ASCII character before it: a combining mark composes with that one
  // ("<" and U+0338 are "≮"). An ASCII character is never the second of a
  // composition and blocks reordering, so the stretches fold apart.
  std::string folded;
  folded.reserve(s.size());
  for (size_t at = 0; at < s.size();) {
    size_t other = at;  // the next byte outside ASCII
    while (other < s.size() && is_ascii(s[other])) ++other;
    if (other == s.size()) {
      fold_ascii(s.substr(at), folded);
      break;
    }
    const size_t stretch = other > at ? other - 1 : other;
    fold_ascii(s.substr(at, stretch - at), folded);
    size_t end = other;
    while (end < s.size() && !is_ascii(s[end])) ++end;
    folded += Map(s.substr(stretch, end - stretch), kFold);
    at = end;
  }
  return folded;
}

size_t FirstInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  for (size_t at = 0; at < s.size();) {
    // Eight ASCII bytes at a time: most of a text in a Latin script.
    if (s.size() - at >= 8) {
      uint64_t word;
      std::memcpy(&word, p + at, 8);
      if ((word & 0x8080808080808080u) == 0) {
        at += 8;
        continue;
      }
    }
    // A sequence is at most four bytes: U8_NEXT reads it through a window
    // that short, whose 32-bit offsets any text length leaves in range.
    const auto window = static_cast<int32_t>(std::min<size_t>(s.size() - at, 4));
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(p + at, i, window, c);
    if (c < 0) return at;
    at += static_cast<size_t>(i);
  }
  return std::string_view::npos;
}

size_t CodePointCount(std::string_view s) {
  size_t count = 0;
  for (size_t at = 0; at < s.size(); at += CodePointAt(s, at).second) ++count;
  return count;
}

std::vector<char32_t> ToCodePoints(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    if (*p < 0x80) {  // most of an English text: no decoder call
      out.push_back(*p++);
      --left;
      continue;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
    if (n <= 0) {
      out.push_back(0xFFFD);
      n = 1;
    } else {
      out.push_back(static_cast<char32_t>(c));
    }
    p += n;
    left -= n;
  }
  return out;
}

std::pair<char32_t, size_t> MultibyteCodePointAt(std::string_view s, size_t at) {
  utf8proc_int32_t c;
  const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + at),
                                              static_cast<utf8proc_ssize_t>(s.size() - at), &c);
  if (n <= 0) return {0xFFFD, 1};
  return {static_cast<char32_t>(c), static_cast<size_t>(n)};
}

std::string ToUtf8(char32_t c) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
}

bool IsNonAsciiHan(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN;
}

bool IsNonAsciiLatinLetter(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return u_isalpha(static_cast<UChar32>(c)) && uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_LATIN;
}

bool IsNonAsciiSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

// Only the ends are read: most callers trim whole paragraphs.
std::string_view Trim(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    const auto [c, length] = CodePointAt(s, begin);
    if (!IsSpace(c)) break;
    begin += length;
  }
  if (begin == s.size()) return {};
  size_t end = s.size();
  while (end > begin) {
    // The last sequence starts at the last byte that is no continuation
    // byte; unless it runs exactly to the end, the end is invalid bytes.
    size_t start = end - 1;
    while (start > begin && IsContinuationByte(s[start])) --start;
    const auto [c, length] = CodePointAt(s, start);
    if (start + length != end || !IsSpace(c)) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

std::string_view Head(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && IsContinuationByte(s[end])) --end;
  return s.substr(0, end);
}

std::string_view Tail(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t begin = s.size() - max_bytes;
  while (begin < s.size() && IsContinuationByte(s[begin])) ++begin;
  return s.substr(begin);
}

char32_t LastCodePoint(std::string_view s) {
  const std::string_view tail = Tail(s, 4);
  char32_t last = 0;
  for (size_t at = 0; at < tail.size();) {
    const auto [c, length] = CodePointAt(tail, at);
    last = c;
    at += length;
  }
  return last;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

std::string ClipText(std::string_view text, size_t width) {
  std::vector<char32_t> cps = ToCodePoints(text);
  if (cps.size() <= width) return std::string(text);
  std::string out;
  for (size_t i = 0; i + 1 < width; ++i) out += ToUtf8(cps[i]);
  return out + "…";
}

ScriptCounts CountScripts(std::string_view s) {
  ScriptCounts counts;
  bool in_word = false;
  for (size_t at = 0; at < s.size();) {
    const auto [c, length] = CodePointAt(s, at);
    at += length;
    if (IsHan(c)) {
      ++counts.han;
      in_word = false;
    } else if (IsLatinLetter(c)) {
      ++counts.latin_letters;
      if (!in_word) ++counts.latin_words;
      in_word = true;
    } else {
      // An apostrophe or hyphen inside a word does not end it.
      in_word = in_word && (c == '\'' || c == 0x2019 || c == '-');
    }
  }
  return counts;
}

}  // namespace bitext
