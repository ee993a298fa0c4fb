// A sorted set held in a vector: the values sorted, each once. Unit word,
// stem and gloss lists are kept so, to be merged and counted in order.
#ifndef BITEXT_ALIGN_SORTED_UNIQUE_H_
#define BITEXT_ALIGN_SORTED_UNIQUE_H_

#include <algorithm>
#include <vector>

namespace bitext::align {

template <class T>
std::vector<T> SortedUnique(std::vector<T> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_SORTED_UNIQUE_H_
