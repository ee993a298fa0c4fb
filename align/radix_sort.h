// Sorting of 32-bit hashes in increasing order, a byte at a time (least
// significant first): four counting passes, each skipped when every key has
// the same byte there. On the few hundred hashes of a paragraph's n-grams
// it takes a fraction of a comparison sort's time.
#ifndef BITEXT_ALIGN_RADIX_SORT_H_
#define BITEXT_ALIGN_RADIX_SORT_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace bitext::align {

// Sorts `keys`; `scratch` is working memory, reused between calls.
inline void RadixSort(std::vector<uint32_t>& keys, std::vector<uint32_t>& scratch) {
  constexpr size_t kShort = 64;  // below this an insertion sort wins
  if (keys.size() < kShort) {
    std::sort(keys.begin(), keys.end());
    return;
  }
  std::array<std::array<uint32_t, 256>, 4> counts{};
  for (const uint32_t key : keys) {
    for (int b = 0; b < 4; ++b) ++counts[static_cast<size_t>(b)][key >> (8 * b) & 0xFF];
  }
  scratch.resize(keys.size());
  for (int b = 0; b < 4; ++b) {
    std::array<uint32_t, 256>& count = counts[static_cast<size_t>(b)];
    if (count[keys.front() >> (8 * b) & 0xFF] == keys.size()) continue;  // one byte value: already in order
    uint32_t offset = 0;
    for (uint32_t& c : count) offset += std::exchange(c, offset);
    for (const uint32_t key : keys) scratch[count[key >> (8 * b) & 0xFF]++] = key;
    keys.swap(scratch);
  }
}

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_RADIX_SORT_H_
