#include "loops.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <tuple>
#include <utility>

#include "unicode.h"

namespace bitext {

namespace {

// ASCII without a call into ICU: most of an English text.
bool IsLetterOrDigit(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return u_isalnum(static_cast<UChar32>(c));
}

}  // namespace

Loop LongestLoop(const TokenList& tokens, size_t max_n, size_t min_repeats) {
  const size_t total = tokens.size();
  Loop best;
  // run: how many tokens from s on equal the token n places further. A
  // block of n at s then repeats 1 + run / n times in a row: linear in the
  // tokens for each n, where comparing block by block from every start was
  // quadratic on a long loop. It is counted from the end back, one number
  // kept, so that a long paragraph needs no list of them; on a tie the
  // earliest start wins, as it would counting forward.
  for (size_t n = 1; n <= max_n && 2 * n <= total; ++n) {
    Loop longest;  // of this n
    size_t run = 0;
    for (size_t s = total - n; s-- > 0;) {
      run = tokens[s] == tokens[s + n] ? run + 1 : 0;
      if (s + 2 * n > total) continue;
      const size_t repeats = 1 + run / n;
      if (repeats >= min_repeats && repeats * n >= longest.covered()) longest = {s, n, repeats};
    }
    if (longest.repeats > 0 && longest.covered() > best.covered()) best = longest;
  }
  return best;
}

// The text is read a code point at a time, not decoded whole first: four
// bytes a character would outweigh the tokens. Offsets count characters as
// re-encoded: an ill-formed byte, read as U+FFFD, counts three.
TokenList LoopTokens(std::string_view text, std::vector<size_t>* starts, std::vector<size_t>* ends) {
  TokenList tokens;
  size_t at = 0;      // byte of the next code point to read in `text`
  size_t offset = 0;  // byte offset of that code point, counted as its UTF-8 re-encoded
  char32_t previous = 0;
  auto digit = [](char32_t c) { return c >= '0' && c <= '9'; };
  auto separator = [](char32_t c) { return c == '.' || c == ',' || c == ':' || c == '/' || c == '-'; };
  while (at < text.size()) {
    const size_t here = offset;
    char32_t c;
    size_t length;
    std::tie(c, length) = CodePointAt(text, at);
    if (IsHan(c)) {
      const std::string han = ToUtf8(c);
      tokens.Add(han);
      offset += han.size();
      at += length;
      previous = c;
    } else if (IsLetterOrDigit(c)) {
      // A number keeps its separators ("3.3.3.", "10.0.0.0/8", "1,069"):
      // its digits are one token, not a loop.
      std::string word;
      while (at < text.size() && !IsHan(c)) {
        bool keep = IsLetterOrDigit(c);
        if (!keep && separator(c) && digit(previous)) {  // within a word: `previous` is its last character
          const size_t next = at + length;
          keep = next < text.size() && digit(CodePointAt(text, next).first);
        }
        if (!keep) break;
        if (length == static_cast<size_t>(U8_LENGTH(c))) {
          word += text.substr(at, length);  // the bytes ToUtf8 would write
        } else {
          word += ToUtf8(c);
        }
        at += length;
        previous = c;
        if (at < text.size()) std::tie(c, length) = CodePointAt(text, at);
      }
      offset += word.size();
      tokens.Add(FoldForCompare(word));
    } else {
      offset += static_cast<size_t>(U8_LENGTH(c));  // as ToUtf8 writes it
      at += length;
      previous = c;
      continue;
    }
    if (starts) starts->push_back(here);
    if (ends) ends->push_back(offset);
  }
  return tokens;
}

}  // namespace bitext
