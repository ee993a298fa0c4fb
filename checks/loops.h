// Loops: a run of tokens repeated back to back, the mark of an oscillatory
// MT hallucination ("of Finance and Economic Connection of Finance and
// Economic Connection ..."). Shared by the repetition-loop rule on one text
// and its comparison with the source.
#ifndef BITEXT_CHECKS_LOOPS_H_
#define BITEXT_CHECKS_LOOPS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bitext {

struct Loop {
  size_t start = 0;    // first token of the loop
  size_t n = 0;        // tokens in the repeated n-gram
  size_t repeats = 0;  // copies in a row; 0 when there is no loop
  size_t covered() const { return n * repeats; }
};

// The loop covering most tokens: an n-gram (n <= max_n) repeated at least
// `min_repeats` times in a row.
Loop LongestLoop(const std::vector<std::string>& tokens, size_t max_n, size_t min_repeats);

// Tokens to look for loops in: folded words (letters and digits) of
// English, single Han characters of Chinese. `starts` and `ends` get each
// token's byte offsets in `text` when given.
std::vector<std::string> LoopTokens(std::string_view text, std::vector<size_t>* starts = nullptr,
                                    std::vector<size_t>* ends = nullptr);

}  // namespace bitext

#endif  // BITEXT_CHECKS_LOOPS_H_
