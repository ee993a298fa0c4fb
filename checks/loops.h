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

// A text's tokens in one buffer: a paragraph of a million one-letter words
// costs a few bytes a word, not a string each.
class TokenList {
 public:
  size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view operator[](size_t k) const {
    const size_t begin = k == 0 ? 0 : ends_[k - 1];
    return std::string_view(text_).substr(begin, ends_[k] - begin);
  }
  void Add(std::string_view token) {
    text_ += token;
    ends_.push_back(text_.size());
  }

 private:
  std::string text_;          // the tokens back to back
  std::vector<size_t> ends_;  // where each ends in text_
};

// The loop covering most tokens: an n-gram (n <= max_n) repeated at least
// `min_repeats` times in a row.
Loop LongestLoop(const TokenList& tokens, size_t max_n, size_t min_repeats);

// Tokens to look for loops in: folded words (letters and digits) of
// English, single Han characters of Chinese. `starts` and `ends` get each
// token's byte offsets in `text` when given.
TokenList LoopTokens(std::string_view text, std::vector<size_t>* starts = nullptr,
                     std::vector<size_t>* ends = nullptr);

}  // namespace bitext

#endif  // BITEXT_CHECKS_LOOPS_H_
