// A monotone skeleton for aligning two long English texts without searching
// their whole table, in the manner of patience and histogram diff: word
// shingles (single words and runs of three) found in few paragraphs of each
// text pair up those paragraphs, weighing more the rarer they are, and the
// heaviest chain of such pairs increasing in both texts keeps the true ones,
// since a chance match rarely falls in line with its neighbours. Rare rather
// than unique shingles still anchor a text that repeats itself.
//
//   std::vector<ShinglePair> chain = ShingleChain(reference_shingles, hypothesis_shingles);
#ifndef BITEXT_ALIGN_SHINGLE_CHAIN_H_
#define BITEXT_ALIGN_SHINGLE_CHAIN_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace bitext::align {

// Sorted, distinct hashes of the case-folded words of a text and of its
// runs of three words.
std::vector<uint32_t> WordShingles(std::string_view text);

struct ShinglePair {
  int ref = 0, hyp = 0;  // unit indices
};

// Pairs strictly increasing on both sides, maximising the rarity-weighted
// count of shingles they share.
std::vector<ShinglePair> ShingleChain(const std::vector<const std::vector<uint32_t>*>& reference,
                                      const std::vector<const std::vector<uint32_t>*>& hypothesis);

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_SHINGLE_CHAIN_H_
