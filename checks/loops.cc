#include "loops.h"

#include <algorithm>
#include <unicode/uchar.h>

#include "unicode.h"

namespace bitext {

Loop LongestLoop(const std::vector<std::string>& tokens, size_t max_n, size_t min_repeats) {
  const size_t total = tokens.size();
  Loop best;
  for (size_t n = 1; n <= max_n; ++n) {
    for (size_t s = 0; s + 2 * n <= total; ++s) {
      size_t repeats = 1;
      while (s + (repeats + 1) * n <= total &&
             std::equal(tokens.begin() + static_cast<long>(s), tokens.begin() + static_cast<long>(s + n),
                        tokens.begin() + static_cast<long>(s + repeats * n))) {
        ++repeats;
      }
      if (repeats >= min_repeats && repeats * n > best.covered()) best = {s, n, repeats};
    }
  }
  return best;
}

std::vector<std::string> LoopTokens(std::string_view text, std::vector<size_t>* starts) {
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
      std::string word;
      while (i < cps.size() && !IsHan(cps[i]) && u_isalnum(static_cast<UChar32>(cps[i]))) word += ToUtf8(cps[i++]);
      offset += word.size();
      tokens.push_back(FoldForCompare(word));
    } else {
      offset += ToUtf8(cps[i++]).size();
      continue;
    }
    if (starts) starts->push_back(here);
  }
  return tokens;
}

}  // namespace bitext
