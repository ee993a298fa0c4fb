#include "loops.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "unicode.h"

namespace bitext {

Loop LongestLoop(const std::vector<std::string>& tokens, size_t max_n, size_t min_repeats) {
  const size_t total = tokens.size();
  Loop best;
  // run[s]: how many tokens from s on equal the token n places further. A
  // block of n at s then repeats 1 + run[s] / n times in a row: linear in the
  // tokens for each n, where comparing block by block from every start was
  // quadratic on a long loop.
  std::vector<size_t> run(total + 1, 0);
  for (size_t n = 1; n <= max_n && 2 * n <= total; ++n) {
    run[total - n] = 0;
    for (size_t i = total - n; i-- > 0;) run[i] = tokens[i] == tokens[i + n] ? run[i + 1] + 1 : 0;
    for (size_t s = 0; s + 2 * n <= total; ++s) {
      const size_t repeats = 1 + run[s] / n;
      if (repeats >= min_repeats && repeats * n > best.covered()) best = {s, n, repeats};
    }
  }
  return best;
}

std::vector<std::string> LoopTokens(std::string_view text, std::vector<size_t>* starts, std::vector<size_t>* ends) {
  std::vector<std::string> tokens;
  const std::vector<char32_t> cps = ToCodePoints(text);
  size_t offset = 0;  // byte offset of cps[i]
  for (size_t i = 0; i < cps.size();) {
    const size_t here = offset;
    if (IsHan(cps[i])) {
      tokens.push_back(ToUtf8(cps[i]));
      offset += tokens.back().size();
      ++i;
    } else if (u_isalnum(static_cast<UChar32>(cps[i]))) {
      // A number keeps its separators ("3.3.3.", "10.0.0.0/8", "1,069"):
      // its digits are one token, not a loop.
      auto digit = [&](size_t k) { return k < cps.size() && cps[k] >= '0' && cps[k] <= '9'; };
      auto separator = [](char32_t c) { return c == '.' || c == ',' || c == ':' || c == '/' || c == '-'; };
      std::string word;
      while (
          i < cps.size() && !IsHan(cps[i]) &&
          (u_isalnum(static_cast<UChar32>(cps[i])) || (separator(cps[i]) && i > 0 && digit(i - 1) && digit(i + 1)))) {
        word += ToUtf8(cps[i++]);
      }
      offset += word.size();
      tokens.push_back(FoldForCompare(word));
    } else {
      offset += ToUtf8(cps[i++]).size();
      continue;
    }
    if (starts) starts->push_back(here);
    if (ends) ends->push_back(offset);
  }
  return tokens;
}

}  // namespace bitext
