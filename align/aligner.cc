#include "aligner.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace bitext::align {
namespace {

struct BeadShape {
  int zh, en;
};
constexpr BeadShape kShapes[] = {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1},
                                 {2, 2}, {1, 3}, {3, 1}, {1, 4}, {4, 1}};
constexpr int kNarrowShapes = 5;
constexpr float kInfinity = std::numeric_limits<float>::infinity();

// Rows of the band: row i holds columns [lo[i], hi[i]].
struct Band {
  std::vector<int> lo, hi;
  std::vector<size_t> offset;  // start of row i in the flat arrays
  std::vector<float> cost;
  std::vector<uint8_t> back;   // index into kShapes

  bool Contains(int i, int j) const { return j >= lo[static_cast<size_t>(i)] && j <= hi[static_cast<size_t>(i)]; }
  size_t At(int i, int j) const { return offset[static_cast<size_t>(i)] + static_cast<size_t>(j - lo[static_cast<size_t>(i)]); }
};

// Column the diagonal passes at row i (relative to the range): where the
// English side has covered the same share of its length as the Chinese side.
std::vector<int> LengthDiagonal(const BeadScorer& scorer, int zh_begin, int n, int en_begin, int m) {
  std::vector<double> en_cumulative(static_cast<size_t>(m) + 1, 0);
  for (int j = 0; j < m; ++j) {
    en_cumulative[static_cast<size_t>(j) + 1] =
        en_cumulative[static_cast<size_t>(j)] + scorer.en()[static_cast<size_t>(en_begin + j)].length + 1;
  }
  double zh_total = 0;
  for (int i = 0; i < n; ++i) zh_total += scorer.zh()[static_cast<size_t>(zh_begin + i)].length + 1;
  std::vector<int> center(static_cast<size_t>(n) + 1);
  double zh_so_far = 0;
  for (int i = 0; i <= n; ++i) {
    const double target = zh_total > 0 ? zh_so_far / zh_total * en_cumulative.back() : 0;
    auto it = std::lower_bound(en_cumulative.begin(), en_cumulative.end(), target);
    center[static_cast<size_t>(i)] = static_cast<int>(it - en_cumulative.begin());
    if (i < n) zh_so_far += scorer.zh()[static_cast<size_t>(zh_begin + i)].length + 1;
  }
  center[static_cast<size_t>(n)] = m;
  return center;
}

Band MakeBand(const std::vector<int>& center, int n, int m, int half_width) {
  Band band;
  band.lo.resize(static_cast<size_t>(n) + 1);
  band.hi.resize(static_cast<size_t>(n) + 1);
  band.offset.resize(static_cast<size_t>(n) + 2);
  size_t total = 0;
  for (int i = 0; i <= n; ++i) {
    int c = center[static_cast<size_t>(i)];
    int lo = std::max(0, c - half_width), hi = std::min(m, c + half_width);
    if (i == 0) lo = 0;
    if (i == n) hi = m;
    band.lo[static_cast<size_t>(i)] = lo;
    band.hi[static_cast<size_t>(i)] = hi;
    band.offset[static_cast<size_t>(i)] = total;
    total += static_cast<size_t>(hi - lo + 1);
  }
  band.cost.assign(total, kInfinity);
  band.back.assign(total, 0);
  return band;
}

}  // namespace

std::vector<Bead> AlignRange(const BeadScorer& scorer, int zh_begin, int zh_end, int en_begin,
                             int en_end, int band_width, bool wide_beads) {
  const int shapes = wide_beads ? static_cast<int>(std::size(kShapes)) : kNarrowShapes;
  const int n = zh_end - zh_begin, m = en_end - en_begin;
  const std::vector<int> center = LengthDiagonal(scorer, zh_begin, n, en_begin, m);
  int half_width = std::max(band_width, 4);
  while (true) {
    Band band = MakeBand(center, n, m, half_width);
    band.cost[band.At(0, 0)] = 0;
    for (int i = 0; i <= n; ++i) {
      for (int j = band.lo[static_cast<size_t>(i)]; j <= band.hi[static_cast<size_t>(i)]; ++j) {
        if (i == 0 && j == 0) continue;
        float best = kInfinity;
        uint8_t best_shape = 0;
        for (int s = 0; s < shapes; ++s) {
          const int pi = i - kShapes[s].zh, pj = j - kShapes[s].en;
          if (pi < 0 || pj < 0 || !band.Contains(pi, pj)) continue;
          const float before = band.cost[band.At(pi, pj)];
          if (before == kInfinity) continue;
          const float total =
              before + static_cast<float>(scorer.Cost(zh_begin + pi, zh_begin + i, en_begin + pj, en_begin + j));
          if (total < best) {
            best = total;
            best_shape = static_cast<uint8_t>(s);
          }
        }
        band.cost[band.At(i, j)] = best;
        band.back[band.At(i, j)] = best_shape;
      }
    }

    std::vector<Bead> beads;
    bool touches_edge = false;
    int i = n, j = m;
    while (i > 0 || j > 0) {
      const BeadShape shape = kShapes[band.back[band.At(i, j)]];
      Bead bead;
      bead.zh_begin = zh_begin + i - shape.zh;
      bead.zh_end = zh_begin + i;
      bead.en_begin = en_begin + j - shape.en;
      bead.en_end = en_begin + j;
      beads.push_back(bead);
      i -= shape.zh;
      j -= shape.en;
      if (i > 0 && i < n) {
        const size_t r = static_cast<size_t>(i);
        touches_edge |= (band.lo[r] > 0 && j <= band.lo[r] + 1) ||
                        (band.hi[r] < m && j >= band.hi[r] - 1);
      }
    }
    const bool whole_table = half_width >= std::max(n, m);
    if (!touches_edge || whole_table) {
      std::reverse(beads.begin(), beads.end());
      for (Bead& b : beads) {
        b.cost = scorer.Cost(b.zh_begin, b.zh_end, b.en_begin, b.en_end, &b.evidence);
        b.confidence = scorer.Confidence(b.zh_begin, b.zh_end, b.en_begin, b.en_end);
      }
      return beads;
    }
    half_width *= 2;
  }
}

bool Reestimate(const std::vector<Bead>& beads, const std::vector<AlignUnit>& zh,
                const std::vector<AlignUnit>& en, LengthModel* length, Weights* weights) {
  std::vector<double> zh_lengths, en_lengths, lexical;
  for (const Bead& b : beads) {
    if (b.zh_size() == 1 && b.en_size() == 1 && b.confidence >= 0.5) {
      zh_lengths.push_back(zh[static_cast<size_t>(b.zh_begin)].length);
      en_lengths.push_back(en[static_cast<size_t>(b.en_begin)].length);
      if (b.evidence.lexical >= 0) lexical.push_back(b.evidence.lexical);
    }
  }
  if (zh_lengths.size() < 5) return false;
  *length = LengthModel::FromPairs(zh_lengths, en_lengths);
  if (lexical.size() >= 5) {
    auto middle = lexical.begin() + static_cast<long>(lexical.size() / 2);
    std::nth_element(lexical.begin(), middle, lexical.end());
    weights->typical_lexical = std::clamp(*middle, 0.15, 0.9);
  }
  return true;
}

std::vector<Bead> AlignUnits(const std::vector<AlignUnit>& zh, const std::vector<AlignUnit>& en,
                             const LexicalSpace& space, const AlignerOptions& options) {
  const int n = static_cast<int>(zh.size()), m = static_cast<int>(en.size());
  LengthModel length = options.length_model ? *options.length_model : [&] {
    double zh_total = 0, en_total = 0;
    for (const AlignUnit& u : zh) zh_total += u.length;
    for (const AlignUnit& u : en) en_total += u.length;
    return LengthModel::FromTotals(zh_total, en_total);
  }();
  Weights weights = options.weights;
  std::vector<Bead> beads;
  for (int pass = 0; pass < std::max(options.passes, 1); ++pass) {
    if (pass > 0 && !Reestimate(beads, zh, en, &length, &weights)) break;
    BeadScorer scorer(zh, en, space, length, weights);
    beads = AlignRange(scorer, 0, n, 0, m, options.band, options.wide_beads);
  }
  return beads;
}

}  // namespace bitext::align
