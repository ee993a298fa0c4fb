// Rows of different lengths held end to end in one vector, with where each
// row starts: per-unit lists of a long text cost their values, not a
// vector object and an allocation each.
//
//   Ragged<int> stems;
//   stems.AddRow(unit_stems);          // row 0
//   for (int s : stems[0]) ...         // a span of row 0
#ifndef BITEXT_ALIGN_RAGGED_H_
#define BITEXT_ALIGN_RAGGED_H_

#include <span>
#include <vector>

namespace bitext::align {

template <class T>
class Ragged {
 public:
  void Reserve(size_t rows, size_t values) {
    ends_.reserve(rows);
    values_.reserve(values);
  }

  template <class Range>
  void AddRow(const Range& row) {
    values_.insert(values_.end(), row.begin(), row.end());
    ends_.push_back(values_.size());
  }

  size_t size() const { return ends_.size(); }
  std::span<const T> operator[](size_t row) const {
    const size_t begin = row == 0 ? 0 : ends_[row - 1];
    if (ends_[row] == begin) return {};  // no offset from a null data()
    return std::span<const T>(values_.data() + begin, ends_[row] - begin);
  }

 private:
  std::vector<T> values_;
  std::vector<size_t> ends_;  // of each row in values_
};

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_RAGGED_H_
