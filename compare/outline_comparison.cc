#include "outline_comparison.h"

#include <algorithm>
#include <limits>
#include <span>

#include "band.h"
#include "ngram_profile.h"
#include "text_features.h"

namespace bitext::align {
namespace {

// Score of pairing two headings: title similarity above what unrelated
// headings of one document share, plus agreement of their numbers.
constexpr double kUnrelated = 0.35;
constexpr double kValueAgrees = 0.15;
constexpr double kGap = -0.05;

int Value(const Paragraph& p) { return p.heading && p.heading->number ? p.heading->number->value : 0; }

}  // namespace

std::vector<const Paragraph*> Headings(const std::vector<const Paragraph*>& paragraphs, bool toc) {
  std::vector<const Paragraph*> out;
  for (const Paragraph* p : paragraphs) {
    if ((p->kind == Kind::kToc) != toc) continue;
    // Every table-of-contents line is an entry, except the "Contents" line.
    // Items of numbered lists are not sections.
    const bool entry = toc ? !IsContentsMarker(p->text) : p->heading && !p->heading->item;
    if (entry) out.push_back(p);
  }
  return out;
}

namespace {

// Long outlines (a very long or generated document) are searched in a band
// around the path of the same outlines taken kBlock headings at a time,
// recursively, so time grows with their length rather than with the product
// of their lengths. Up to kFullTableCells the table is searched whole.
constexpr size_t kFullTableCells = 250'000;
constexpr int kBlock = 8;
constexpr int kBandRadius = 2 * kBlock;  // headings either side of the coarse path

// An outline: its headings' titles, or blocks of headings taken together.
struct Outline {
  std::vector<NgramProfile> titles;
  std::vector<int> values;  // parsed numbers; 0 when not numbered, and for blocks

  explicit Outline(const std::vector<const Paragraph*>& headings) {
    for (const Paragraph* p : headings) {
      titles.emplace_back(p->title());
      values.push_back(Value(*p));
    }
  }
  // This outline's entries kBlock at a time.
  Outline Coarser() const {
    Outline coarse;
    const std::span<const NgramProfile> all(titles);
    for (size_t b = 0; b < titles.size(); b += kBlock) {
      coarse.titles.push_back(NgramProfile::Sum(all.subspan(b, std::min<size_t>(kBlock, titles.size() - b))));
      coarse.values.push_back(0);
    }
    return coarse;
  }

 private:
  Outline() = default;
};

// `similarity`: of left heading i and right heading j.
double PairScore(double similarity, const Outline& left, const Outline& right, int i, int j) {
  const int a = left.values[static_cast<size_t>(i)], b = right.values[static_cast<size_t>(j)];
  return similarity - kUnrelated + (a > 0 && a == b ? kValueAgrees : 0);
}

using Cell = std::pair<int, int>;  // headings taken on the left and on the right

// Needleman-Wunsch inside `band`, maximising; both sides may leave headings
// unpaired. The cells of the best path, from (0, 0) to (n, m).
std::vector<Cell> BestPath(const Outline& left, const Outline& right, const Band& band) {
  const int n = static_cast<int>(left.titles.size()), m = static_cast<int>(right.titles.size());
  constexpr double kNone = -std::numeric_limits<double>::infinity();
  std::vector<double> score(band.cells, kNone);
  std::vector<uint8_t> back(band.cells, 0);  // 0 pair, 1 left only, 2 right only
  const ProfilePostings right_titles(right.titles);
  std::vector<double> similarities;  // of left heading i - 1 to right headings first.. of row i
  for (int i = 0; i <= n; ++i) {
    const int lo = band.lo[static_cast<size_t>(i)], hi = band.hi[static_cast<size_t>(i)];
    const int first = std::max(lo, 1) - 1;
    if (i > 0 && hi > 0) {
      right_titles.Similarities(left.titles[static_cast<size_t>(i) - 1], static_cast<size_t>(first),
                                static_cast<size_t>(hi), &similarities);
    }
    for (int j = lo; j <= hi; ++j) {
      double best = i == 0 && j == 0 ? 0 : kNone;
      uint8_t choice = 0;
      if (i > 0 && j > 0 && band.Contains(i - 1, j - 1) && score[band.At(i - 1, j - 1)] > kNone) {
        const double similarity = similarities[static_cast<size_t>(j - 1 - first)];
        best = score[band.At(i - 1, j - 1)] + PairScore(similarity, left, right, i - 1, j - 1);
      }
      if (i > 0 && band.Contains(i - 1, j) && score[band.At(i - 1, j)] + kGap > best) {
        best = score[band.At(i - 1, j)] + kGap, choice = 1;
      }
      if (j > 0 && band.Contains(i, j - 1) && score[band.At(i, j - 1)] + kGap > best) {
        best = score[band.At(i, j - 1)] + kGap, choice = 2;
      }
      score[band.At(i, j)] = best;
      back[band.At(i, j)] = choice;
    }
  }
  std::vector<Cell> path{{n, m}};
  for (int i = n, j = m; i > 0 || j > 0;) {
    const uint8_t choice = back[band.At(i, j)];
    if (choice != 2) --i;
    if (choice != 1) --j;
    path.emplace_back(i, j);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

// The fine cells under a coarse path, widened by kBandRadius; rows keep
// their bounds non-decreasing and touching, so the band connects (0, 0)
// to (n, m).
Band AroundPath(const std::vector<Cell>& coarse, int n, int m) {
  std::vector<int> lo(static_cast<size_t>(n) + 1, m), hi(static_cast<size_t>(n) + 1, 0);
  for (const auto& [row, column] : coarse) {
    const int col0 = std::max(0, column * kBlock - kBandRadius);
    const int col1 = std::min(m, (column + 1) * kBlock + kBandRadius);
    const int row1 = std::min(n, (row + 1) * kBlock + kBandRadius);
    for (int i = std::max(0, row * kBlock - kBandRadius); i <= row1; ++i) {
      lo[static_cast<size_t>(i)] = std::min(lo[static_cast<size_t>(i)], col0);
      hi[static_cast<size_t>(i)] = std::max(hi[static_cast<size_t>(i)], col1);
    }
  }
  lo[0] = 0;
  hi[static_cast<size_t>(n)] = m;
  for (int i = n - 1; i >= 0; --i)
    lo[static_cast<size_t>(i)] = std::min(lo[static_cast<size_t>(i)], lo[static_cast<size_t>(i) + 1]);
  for (size_t i = 1; i < hi.size(); ++i) {
    hi[i] = std::max(hi[i], hi[i - 1]);
    lo[i] = std::min(lo[i], hi[i - 1] + 1);
  }
  return Band(std::move(lo), std::move(hi));
}

std::vector<Cell> Align(const Outline& lo, const Outline& ro) {
  const int n = static_cast<int>(lo.titles.size()), m = static_cast<int>(ro.titles.size());
  if (static_cast<size_t>(n + 1) * static_cast<size_t>(m + 1) <= kFullTableCells || n <= kBlock || m <= kBlock) {
    return BestPath(lo, ro, Band::Full(n, m));
  }
  const std::vector<Cell> coarse = Align(lo.Coarser(), ro.Coarser());
  return BestPath(lo, ro, AroundPath(coarse, n, m));
}

}  // namespace

std::vector<OutlinePair> CompareOutlines(const std::vector<const Paragraph*>& left,
                                         const std::vector<const Paragraph*>& right) {
  const Outline left_outline(left), right_outline(right);
  const std::vector<Cell> path = Align(left_outline, right_outline);
  // A pair with the index of each heading it takes (-1: none); `paired`
  // when the path itself pairs the two.
  struct Step {
    int i = -1, j = -1;
    bool paired = false;
  };
  std::vector<Step> steps;
  for (size_t k = 1; k < path.size(); ++k) {
    const auto [i, j] = path[k - 1];
    const bool takes_left = path[k].first > i, takes_right = path[k].second > j;
    steps.push_back({takes_left ? i : -1, takes_right ? j : -1, takes_left && takes_right});
  }
  // An entry left unpaired next to a heading left unpaired announce the same
  // place in the outline, worded differently: one pair, low similarity.
  std::vector<Step> merged;
  for (const Step& step : steps) {
    if (!merged.empty()) {
      Step& last = merged.back();
      const bool fits = (last.i >= 0 && last.j < 0 && step.i < 0 && step.j >= 0) ||
                        (last.i < 0 && last.j >= 0 && step.i >= 0 && step.j < 0);
      if (fits) {
        last.i = std::max(last.i, step.i);
        last.j = std::max(last.j, step.j);
        continue;
      }
    }
    merged.push_back(step);
  }
  std::vector<OutlinePair> pairs;
  for (const Step& step : merged) {
    OutlinePair pair;
    if (step.i >= 0) pair.left = left[static_cast<size_t>(step.i)];
    if (step.j >= 0) pair.right = right[static_cast<size_t>(step.j)];
    if (pair.left && pair.right) {
      pair.similarity = right_outline.titles[static_cast<size_t>(step.j)].Similarity(
          left_outline.titles[static_cast<size_t>(step.i)]);
    }
    const int a = step.paired ? Value(*pair.left) : 0, b = step.paired ? Value(*pair.right) : 0;
    if (a > 0 && b > 0) {
      pair.same_value = a == b;
      pair.same_level = pair.left->heading->level == pair.right->heading->level;
    }
    pairs.push_back(pair);
  }
  return pairs;
}

}  // namespace bitext::align
