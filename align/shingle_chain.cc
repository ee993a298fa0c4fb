#include "shingle_chain.h"

#include <algorithm>
#include <utility>

#include "unicode.h"

namespace bitext::align {
namespace {

bool IsWordChar(char32_t c) {
  if (c >= 0x80) return !IsSpace(c);
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

uint32_t Mix(uint32_t h, uint32_t value) { return (h ^ value) * 16777619u; }

// (hash, unit) for the hashes that occur in one unit of the text only (each
// unit's hashes are distinct already).
std::vector<std::pair<uint32_t, int>> UniqueShingles(const std::vector<const std::vector<uint32_t>*>& units) {
  size_t total = 0;
  for (const std::vector<uint32_t>* u : units) total += u->size();
  std::vector<std::pair<uint32_t, int>> all;
  all.reserve(total);
  for (size_t k = 0; k < units.size(); ++k) {
    for (uint32_t h : *units[k]) all.emplace_back(h, static_cast<int>(k));
  }
  std::sort(all.begin(), all.end());
  size_t kept = 0;
  for (size_t a = 0; a < all.size();) {
    size_t b = a + 1;
    while (b < all.size() && all[b].first == all[a].first) ++b;
    if (b == a + 1) all[kept++] = all[a];
    a = b;
  }
  all.resize(kept);
  all.shrink_to_fit();
  return all;
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
  for (char32_t c : ToCodePoints(text)) {
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
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  shingles.shrink_to_fit();
  return shingles;
}

std::vector<ShinglePair> ShingleChain(const std::vector<const std::vector<uint32_t>*>& reference,
                                      const std::vector<const std::vector<uint32_t>*>& hypothesis) {
  std::vector<ShinglePair> matches;
  {
    const auto ref = UniqueShingles(reference), hyp = UniqueShingles(hypothesis);
    size_t i = 0, j = 0;
    while (i < ref.size() && j < hyp.size()) {
      if (ref[i].first == hyp[j].first) matches.push_back({ref[i++].second, hyp[j++].second});
      else if (ref[i].first < hyp[j].first) ++i;
      else ++j;
    }
  }
  // Distinct pairs weighted by the shingles they share, by reference unit
  // and, within one, by decreasing hypothesis unit, so that two pairs of one
  // reference unit never chain.
  std::sort(matches.begin(), matches.end(), [](const ShinglePair& a, const ShinglePair& b) {
    return a.ref != b.ref ? a.ref < b.ref : a.hyp > b.hyp;
  });
  std::vector<ShinglePair> pairs;
  std::vector<int> weight;
  for (const ShinglePair& p : matches) {
    if (!pairs.empty() && pairs.back().ref == p.ref && pairs.back().hyp == p.hyp) {
      ++weight.back();
    } else {
      pairs.push_back(p);
      weight.push_back(1);
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
