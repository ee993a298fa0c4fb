#include "outline_comparison.h"

#include <algorithm>
#include <limits>

#include "monolingual.h"
#include "text_features.h"

namespace bitext::align {
namespace {

// Score of pairing two headings: title similarity above what unrelated
// headings of one document share, plus agreement of their numbers.
constexpr double kUnrelated = 0.35;
constexpr double kValueAgrees = 0.15;
constexpr double kGap = -0.05;

const std::string& Title(const Paragraph& p) {
  return p.heading && p.heading->number ? p.heading->number->title : p.text;
}

int Value(const Paragraph& p) {
  return p.heading && p.heading->number ? p.heading->number->value : 0;
}

}  // namespace

std::vector<const Paragraph*> Headings(const std::vector<const Paragraph*>& paragraphs, bool toc) {
  std::vector<const Paragraph*> out;
  for (const Paragraph* p : paragraphs) {
    if ((p->kind == Kind::kToc) != toc) continue;
    // Every table-of-contents line is an entry, except the "Contents" line.
    const bool entry = toc ? !IsContentsMarker(p->text) : p->heading.has_value();
    if (entry) out.push_back(p);
  }
  return out;
}

std::vector<OutlinePair> CompareOutlines(const std::vector<const Paragraph*>& left,
                                         const std::vector<const Paragraph*>& right) {
  const size_t n = left.size(), m = right.size();
  std::vector<NgramProfile> lp, rp;
  for (const Paragraph* p : left) lp.emplace_back(Title(*p));
  for (const Paragraph* p : right) rp.emplace_back(Title(*p));
  auto pair_score = [&](size_t i, size_t j, double* similarity) {
    *similarity = rp[j].Similarity(lp[i]);
    const int a = Value(*left[i]), b = Value(*right[j]);
    return *similarity - kUnrelated + (a > 0 && a == b ? kValueAgrees : 0);
  };
  // Needleman-Wunsch, maximising; both sides may leave headings unpaired.
  const size_t width = m + 1;
  std::vector<double> score((n + 1) * width, 0);
  std::vector<uint8_t> back((n + 1) * width, 0);  // 0 pair, 1 left only, 2 right only
  for (size_t i = 1; i <= n; ++i) score[i * width] = kGap * static_cast<double>(i), back[i * width] = 1;
  for (size_t j = 1; j <= m; ++j) score[j] = kGap * static_cast<double>(j), back[j] = 2;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      double similarity;
      double best = score[(i - 1) * width + j - 1] + pair_score(i - 1, j - 1, &similarity);
      uint8_t choice = 0;
      if (score[(i - 1) * width + j] + kGap > best) best = score[(i - 1) * width + j] + kGap, choice = 1;
      if (score[i * width + j - 1] + kGap > best) best = score[i * width + j - 1] + kGap, choice = 2;
      score[i * width + j] = best;
      back[i * width + j] = choice;
    }
  }
  std::vector<OutlinePair> pairs;
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    const uint8_t choice = back[i * width + j];
    OutlinePair pair;
    if (choice == 0) {
      pair.left = left[i - 1];
      pair.right = right[j - 1];
      --i, --j;
      pair.similarity = rp[j].Similarity(lp[i]);
      const int a = Value(*pair.left), b = Value(*pair.right);
      if (a > 0 && b > 0) {
        pair.same_value = a == b;
        pair.same_level = pair.left->heading->level == pair.right->heading->level;
      }
    } else if (choice == 1) {
      pair.left = left[--i];
    } else {
      pair.right = right[--j];
    }
    pairs.push_back(pair);
  }
  std::reverse(pairs.begin(), pairs.end());
  // An entry left unpaired next to a heading left unpaired announce the same
  // place in the outline, worded differently: one pair, low similarity.
  std::vector<OutlinePair> merged;
  for (const OutlinePair& pair : pairs) {
    if (!merged.empty()) {
      OutlinePair& last = merged.back();
      const bool fits = (last.left && !last.right && !pair.left && pair.right) ||
                        (!last.left && last.right && pair.left && !pair.right);
      if (fits) {
        if (!last.left) last.left = pair.left;
        if (!last.right) last.right = pair.right;
        last.similarity = NgramProfile(Title(*last.right)).Similarity(NgramProfile(Title(*last.left)));
        continue;
      }
    }
    merged.push_back(pair);
  }
  return merged;
}

}  // namespace bitext::align
