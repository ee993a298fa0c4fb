// Spans of lines or columns, asked whether one of them covers another span.
// Sorted by their first point, each carrying the furthest last point of the
// spans up to it, so a question is one binary search: checking every
// finding against every span made dropping findings quadratic.
#ifndef BITEXT_CHECKS_SPAN_INDEX_H_
#define BITEXT_CHECKS_SPAN_INDEX_H_

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

namespace bitext {

class SpanIndex {
 public:
  SpanIndex() = default;
  // Each span is (first, last).
  explicit SpanIndex(std::vector<std::pair<int, int>> spans) : spans_(std::move(spans)) {
    std::sort(spans_.begin(), spans_.end());
    for (size_t k = 1; k < spans_.size(); ++k) spans_[k].second = std::max(spans_[k].second, spans_[k - 1].second);
  }

  // Whether a span starts at or before `first` and ends at or after `last`.
  bool Covers(int first, int last) const {
    const auto after = std::upper_bound(spans_.begin(), spans_.end(), first,
                                        [](int point, const std::pair<int, int>& span) { return point < span.first; });
    return after != spans_.begin() && std::prev(after)->second >= last;
  }

 private:
  std::vector<std::pair<int, int>> spans_;  // (first, furthest last up to it), by first
};

}  // namespace bitext

#endif  // BITEXT_CHECKS_SPAN_INDEX_H_
