#include "shingle_chain.h"

#include <algorithm>
#include <utility>

#include "sorted_unique.h"
#include "unicode.h"

namespace bitext::align {
namespace {

bool IsWordChar(char32_t c) {
  if (c >= 0x80) return !IsSpace(c);
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

uint32_t Mix(uint32_t h, uint32_t value) { return (h ^ value) * 16777619u; }

// A shingle found in more units than this is too common to anchor.
constexpr size_t kMaxOccurrences = 4;
// The weight of a pair of units for one shingle they share, divided by how
// often it occurs (the more often, the likelier a chance pair).
constexpr int kUniqueWeight = 12;

// A set of hashes to test many others against: a bit per hash range
// answers most tests, a binary search the rest.
class HashSet {
 public:
  explicit HashSet(std::vector<uint32_t> sorted) : sorted_(std::move(sorted)), bits_(size_t{1} << (kBits - 6), 0) {
    for (uint32_t h : sorted_) bits_[h >> (32 - kBits + 6)] |= uint64_t{1} << (h >> (32 - kBits) & 63);
  }
  bool Contains(uint32_t h) const {
    if ((bits_[h >> (32 - kBits + 6)] >> (h >> (32 - kBits) & 63) & 1) == 0) return false;
    return std::binary_search(sorted_.begin(), sorted_.end(), h);
  }

 private:
  static constexpr int kBits = 22;  // 512 KB of bits
  std::vector<uint32_t> sorted_;
  std::vector<uint64_t> bits_;
};

// (hash, unit) for the shingles of a text found in at most
// kMaxOccurrences units, sorted: the units of one shingle are contiguous
// (each unit's hashes are distinct already). Only shingles `among` holds
// are counted, when given: a shingle the other text lacks pairs nothing,
// and most of a long text's are common. The rare ones are then paired
// with their units.
std::vector<std::pair<uint32_t, int>> RareShingles(const std::vector<const std::vector<uint32_t>*>& units,
                                                   const HashSet* among) {
  std::vector<uint32_t> rare;
  {
    std::vector<uint32_t> all;
    for (const std::vector<uint32_t>* u : units) {
      for (uint32_t h : *u) {
        if (!among || among->Contains(h)) all.push_back(h);
      }
    }
    std::sort(all.begin(), all.end());
    for (size_t a = 0; a < all.size();) {
      size_t b = a + 1;
      while (b < all.size() && all[b] == all[a]) ++b;
      if (b - a <= kMaxOccurrences) rare.push_back(all[a]);
      a = b;
    }
  }
  const HashSet rare_set(std::move(rare));
  std::vector<std::pair<uint32_t, int>> found;
  for (size_t k = 0; k < units.size(); ++k) {
    for (uint32_t h : *units[k]) {
      if (rare_set.Contains(h)) found.emplace_back(h, static_cast<int>(k));
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

// End of the group of entries with the hash of entry `a`.
size_t GroupEnd(const std::vector<std::pair<uint32_t, int>>& entries, size_t a) {
  size_t b = a + 1;
  while (b < entries.size() && entries[b].first == entries[a].first) ++b;
  return b;
}

// Prefix maximum over hypothesis positions of (chain weight, pair index).
class PrefixMax {
 public:
  explicit PrefixMax(size_t size) : tree_(size + 1, {0, -1}) {}
  std::pair<int, int> Query(size_t position) const {  // over positions < `position`
    std::pair<int, int> best{0, -1};
    for (size_t k = position; k > 0; k &= k - 1) best = std::max(best, tree_[k]);
    return best;
  }
  void Update(size_t position, std::pair<int, int> value) {
    for (size_t k = position + 1; k < tree_.size(); k += k & (~k + 1)) tree_[k] = std::max(tree_[k], value);
  }

 private:
  std::vector<std::pair<int, int>> tree_;
};

}  // namespace

std::vector<uint32_t> WordShingles(std::string_view text) {
  std::vector<uint32_t> words;
  uint32_t h = 2166136261u;
  bool in_word = false;
  for (size_t at = 0; at < text.size();) {
    auto [c, length] = CodePointAt(text, at);
    at += length;
    if (IsWordChar(c)) {
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      h = Mix(h, c);
      in_word = true;
    } else if (in_word) {
      words.push_back(h);
      h = 2166136261u;
      in_word = false;
    }
  }
  if (in_word) words.push_back(h);
  std::vector<uint32_t> shingles = words;
  for (size_t k = 0; k + 2 < words.size(); ++k) {
    shingles.push_back(Mix(Mix(Mix(0x9e3779b9u, words[k]), words[k + 1]), words[k + 2]));
  }
  shingles = SortedUnique(std::move(shingles));
  shingles.shrink_to_fit();
  return shingles;
}

std::vector<ShinglePair> ShingleChain(const std::vector<const std::vector<uint32_t>*>& reference,
                                      const std::vector<const std::vector<uint32_t>*>& hypothesis) {
  struct Match {
    ShinglePair pair;
    int weight;
  };
  std::vector<Match> matches;
  {
    const auto ref = RareShingles(reference, nullptr);
    std::vector<uint32_t> ref_hashes;
    for (const auto& entry : ref) {
      if (ref_hashes.empty() || ref_hashes.back() != entry.first) ref_hashes.push_back(entry.first);
    }
    const HashSet ref_set(std::move(ref_hashes));
    const auto hyp = RareShingles(hypothesis, &ref_set);
    size_t i = 0, j = 0;
    while (i < ref.size() && j < hyp.size()) {
      if (ref[i].first < hyp[j].first) {
        ++i;
      } else if (hyp[j].first < ref[i].first) {
        ++j;
      } else {
        const size_t i_end = GroupEnd(ref, i), j_end = GroupEnd(hyp, j);
        const int weight = kUniqueWeight / static_cast<int>(std::max(i_end - i, j_end - j));
        for (size_t r = i; r < i_end; ++r) {
          for (size_t h = j; h < j_end; ++h) matches.push_back({{ref[r].second, hyp[h].second}, weight});
        }
        i = i_end, j = j_end;
      }
    }
  }
  // Distinct pairs weighted by the shingles they share, by reference unit
  // and, within one, by decreasing hypothesis unit, so that two pairs of one
  // reference unit never chain.
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.pair.ref != b.pair.ref ? a.pair.ref < b.pair.ref : a.pair.hyp > b.pair.hyp;
  });
  std::vector<ShinglePair> pairs;
  std::vector<int> weight;
  for (const Match& m : matches) {
    if (!pairs.empty() && pairs.back().ref == m.pair.ref && pairs.back().hyp == m.pair.hyp) {
      weight.back() += m.weight;
    } else {
      pairs.push_back(m.pair);
      weight.push_back(m.weight);
    }
  }
  matches.clear();
  matches.shrink_to_fit();

  // Heaviest chain: each pair extends the best chain ending at a smaller
  // hypothesis unit.
  PrefixMax best(hypothesis.size());
  std::vector<int> previous(pairs.size(), -1);
  std::pair<int, int> top{0, -1};
  for (size_t k = 0; k < pairs.size(); ++k) {
    const std::pair<int, int> before = best.Query(static_cast<size_t>(pairs[k].hyp));
    previous[k] = before.second;
    const std::pair<int, int> here{before.first + weight[k], static_cast<int>(k)};
    best.Update(static_cast<size_t>(pairs[k].hyp), here);
    top = std::max(top, here);
  }
  std::vector<ShinglePair> chain;
  for (int k = top.second; k >= 0; k = previous[static_cast<size_t>(k)]) chain.push_back(pairs[static_cast<size_t>(k)]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace bitext::align
