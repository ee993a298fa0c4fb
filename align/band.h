// The cells of a banded dynamic-programming search, stored row after row:
// row i (0..n) holds columns [lo[i], hi[i]]. A full table is the band
// that holds every column of every row.
#ifndef BITEXT_ALIGN_BAND_H_
#define BITEXT_ALIGN_BAND_H_

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace bitext::align {

struct Band {
  std::vector<int> lo, hi;
  std::vector<size_t> offset;
  size_t cells = 0;

  Band(std::vector<int> lo_in, std::vector<int> hi_in) : lo(std::move(lo_in)), hi(std::move(hi_in)) {
    for (size_t i = 0; i < lo.size(); ++i) {
      offset.push_back(cells);
      cells += static_cast<size_t>(std::max(0, hi[i] - lo[i] + 1));
    }
  }
  // Rows 0..n, columns 0..m.
  static Band Full(int n, int m) {
    return Band(std::vector<int>(static_cast<size_t>(n) + 1, 0), std::vector<int>(static_cast<size_t>(n) + 1, m));
  }
  bool Contains(int i, int j) const { return j >= lo[static_cast<size_t>(i)] && j <= hi[static_cast<size_t>(i)]; }
  size_t At(int i, int j) const {
    return offset[static_cast<size_t>(i)] + static_cast<size_t>(j - lo[static_cast<size_t>(i)]);
  }
};

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_BAND_H_
