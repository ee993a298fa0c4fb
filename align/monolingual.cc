#include "monolingual.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "unicode.h"

namespace bitext::align {
namespace {

size_t CountCommon(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) ++common, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return common;
}

struct Shape {
  int ref, hyp;
};
// Two English versions split paragraphs differently at most in two.
constexpr Shape kShapes[] = {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}};
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Median similarity of each reference unit to evenly spaced hypothesis units.
std::vector<double> Background(const std::vector<MonolingualUnit>& reference,
                               const std::vector<MonolingualUnit>& hypothesis, int sample) {
  std::vector<double> background;
  const size_t m = hypothesis.size();
  const size_t step = std::max<size_t>(1, m / static_cast<size_t>(std::max(sample, 1)));
  for (const MonolingualUnit& r : reference) {
    std::vector<double> sims;
    for (size_t h = 0; h < m; h += step) sims.push_back(hypothesis[h].profile.Similarity(r.profile));
    if (sims.empty()) {
      background.push_back(0);
      continue;
    }
    std::nth_element(sims.begin(), sims.begin() + static_cast<long>(sims.size() / 2), sims.end());
    background.push_back(sims[sims.size() / 2]);
  }
  return background;
}

}  // namespace

NgramProfile::NgramProfile(std::string_view text) {
  std::vector<char32_t> cps;
  for (char32_t c : ToCodePoints(text)) {
    if (!IsSpace(c)) cps.push_back(c);
  }
  for (int n = 1; n <= kOrders; ++n) {
    std::vector<uint32_t>& grams = grams_[n - 1];
    for (size_t i = 0; i + static_cast<size_t>(n) <= cps.size(); ++i) {
      uint32_t h = 2166136261u;  // FNV-1a over the code points
      for (int k = 0; k < n; ++k) h = (h ^ cps[i + static_cast<size_t>(k)]) * 16777619u;
      grams.push_back(h);
    }
    std::sort(grams.begin(), grams.end());
  }
}

void NgramProfile::Sample(uint32_t modulus) {
  for (auto& grams : grams_) {
    grams.erase(std::remove_if(grams.begin(), grams.end(), [&](uint32_t h) { return h % modulus != 0; }),
                grams.end());
  }
}

void NgramProfile::Add(const NgramProfile& other) {
  for (int n = 0; n < kOrders; ++n) {
    std::vector<uint32_t> merged;
    merged.reserve(grams_[n].size() + other.grams_[n].size());
    std::merge(grams_[n].begin(), grams_[n].end(), other.grams_[n].begin(), other.grams_[n].end(),
               std::back_inserter(merged));
    grams_[n] = std::move(merged);
  }
}

double NgramProfile::Similarity(const NgramProfile& reference) const {
  double precision = 0, recall = 0;
  int orders = 0;
  for (int n = 0; n < kOrders; ++n) {
    if (grams_[n].empty() || reference.grams_[n].empty()) continue;
    const double common = static_cast<double>(CountCommon(grams_[n], reference.grams_[n]));
    precision += common / static_cast<double>(grams_[n].size());
    recall += common / static_cast<double>(reference.grams_[n].size());
    ++orders;
  }
  if (orders == 0) return 0;
  precision /= orders;
  recall /= orders;
  constexpr double kBeta2 = 4.0;  // beta = 2: recall weighs twice
  const double denominator = kBeta2 * precision + recall;
  return denominator > 0 ? (1 + kBeta2) * precision * recall / denominator : 0;
}

namespace {

// Rows of the search: row i (reference units covered) spans hypothesis
// columns [lo[i], hi[i]].
struct Window {
  std::vector<int> lo, hi;
  std::vector<size_t> offset;
  size_t cells = 0;

  Window(std::vector<int> lo_in, std::vector<int> hi_in) : lo(std::move(lo_in)), hi(std::move(hi_in)) {
    for (size_t i = 0; i < lo.size(); ++i) {
      offset.push_back(cells);
      cells += static_cast<size_t>(std::max(0, hi[i] - lo[i] + 1));
    }
  }
  bool Contains(int i, int j) const {
    return j >= lo[static_cast<size_t>(i)] && j <= hi[static_cast<size_t>(i)];
  }
  size_t At(int i, int j) const {
    return offset[static_cast<size_t>(i)] + static_cast<size_t>(j - lo[static_cast<size_t>(i)]);
  }
};

// A cell costs up to seven similarity computations: beyond this many cells
// the coarse-to-fine search is faster.
constexpr size_t kFullTableCells = 100'000;
constexpr int kCoarseFactor = 8;
constexpr int kBandHalfWidth = 12;

// Blocks of kCoarseFactor units; their profiles are sampled down to about
// one unit's size, so a coarse level costs what the fine one does.
std::vector<MonolingualUnit> Coarsen(const std::vector<MonolingualUnit>& units, uint32_t modulus) {
  std::vector<MonolingualUnit> coarse;
  for (size_t b = 0; b < units.size(); b += kCoarseFactor) {
    MonolingualUnit block{units[b].profile, false};
    for (size_t k = b + 1; k < std::min(units.size(), b + kCoarseFactor); ++k) block.profile.Add(units[k].profile);
    block.profile.Sample(modulus);
    coarse.push_back(std::move(block));
  }
  return coarse;
}

// Profiles of the runs of two units that 1-2 and 2-1 beads form.
class MergedRuns {
 public:
  explicit MergedRuns(const std::vector<MonolingualUnit>& units) : units_(units), pairs_(units.size()) {
    for (size_t k = 0; k + 1 < units.size(); ++k) {
      pairs_[k] = units[k].profile;
      pairs_[k].Add(units[k + 1].profile);
    }
  }
  const NgramProfile& Get(int begin, int length) const {
    return length == 1 ? units_[static_cast<size_t>(begin)].profile : pairs_[static_cast<size_t>(begin)];
  }

 private:
  const std::vector<MonolingualUnit>& units_;
  std::vector<NgramProfile> pairs_;
};

// nullopt when the window does not connect the first row to the last.
std::optional<MonolingualAlignment> AlignInWindow(const std::vector<MonolingualUnit>& reference,
                                                  const std::vector<MonolingualUnit>& hypothesis,
                                                  const MonolingualOptions& options, const Window& window) {
  const int n = static_cast<int>(reference.size());
  const std::vector<double> background = Background(reference, hypothesis, options.background_sample);
  // Profiles of runs of two units, built once: merging them inside the
  // search would cost more than the comparisons.
  const MergedRuns ref_runs(reference), hyp_runs(hypothesis);
  // Costs are negated scores: a good pair has a negative cost.
  auto pair_cost = [&](int r0, int r1, int h0, int h1, double* similarity) {
    double expected = 0;
    for (int r = r0; r < r1; ++r) expected += background[static_cast<size_t>(r)];
    expected /= (r1 - r0);
    *similarity = hyp_runs.Get(h0, h1 - h0).Similarity(ref_runs.Get(r0, r1 - r0));
    const int units = (r1 - r0) + (h1 - h0);
    double cost = expected + options.margin - *similarity + options.merge * (units - 2);
    bool ref_heading = false, hyp_heading = false;
    for (int r = r0; r < r1; ++r) ref_heading |= reference[static_cast<size_t>(r)].heading;
    for (int h = h0; h < h1; ++h) hyp_heading |= hypothesis[static_cast<size_t>(h)].heading;
    if (ref_heading != hyp_heading) cost += options.heading_conflict;
    return cost;
  };

  // cost at (i, j): best cost of covering reference[0, i) ending at
  // hypothesis j. Row 0 is free: the hypothesis may start anywhere.
  std::vector<double> cost(window.cells, kInfinity);
  std::vector<uint8_t> back(window.cells, 0);
  for (int j = window.lo[0]; j <= window.hi[0]; ++j) cost[window.At(0, j)] = 0;
  for (int i = 1; i <= n; ++i) {
    for (int j = window.lo[static_cast<size_t>(i)]; j <= window.hi[static_cast<size_t>(i)]; ++j) {
      double best = kInfinity;
      uint8_t best_shape = 0;
      for (uint8_t s = 0; s < std::size(kShapes); ++s) {
        const int pi = i - kShapes[s].ref, pj = j - kShapes[s].hyp;
        if (pi < 0 || pj < 0 || !window.Contains(pi, pj)) continue;
        const double before = cost[window.At(pi, pj)];
        if (before == kInfinity) continue;
        double step;
        if (kShapes[s].ref == 0 || kShapes[s].hyp == 0) {
          step = options.skip * (kShapes[s].ref + kShapes[s].hyp);
        } else {
          double similarity;
          step = pair_cost(pi, i, pj, j, &similarity);
        }
        if (before + step < best) best = before + step, best_shape = s;
      }
      cost[window.At(i, j)] = best;
      back[window.At(i, j)] = best_shape;
    }
  }
  // The hypothesis may end anywhere.
  int j = window.hi[static_cast<size_t>(n)];
  for (int k = window.lo[static_cast<size_t>(n)]; k <= window.hi[static_cast<size_t>(n)]; ++k) {
    if (cost[window.At(n, k)] < cost[window.At(n, j)]) j = k;
  }
  if (cost[window.At(n, j)] == kInfinity) return std::nullopt;
  MonolingualAlignment result;
  int i = n;
  while (i > 0) {
    const Shape shape = kShapes[back[window.At(i, j)]];
    MonolingualBead bead{i - shape.ref, i, j - shape.hyp, j, 0};
    if (shape.ref > 0 && shape.hyp > 0) pair_cost(bead.ref_begin, i, bead.hyp_begin, j, &bead.similarity);
    result.beads.push_back(bead);
    i -= shape.ref;
    j -= shape.hyp;
  }
  std::reverse(result.beads.begin(), result.beads.end());
  // Leading and trailing hypothesis skips are outside the coverage.
  while (!result.beads.empty() && result.beads.back().ref_begin == result.beads.back().ref_end) {
    result.beads.pop_back();
  }
  size_t first = 0;
  while (first < result.beads.size() && result.beads[first].ref_begin == result.beads[first].ref_end) ++first;
  result.beads.erase(result.beads.begin(), result.beads.begin() + static_cast<long>(first));
  for (const MonolingualBead& b : result.beads) {
    if (b.hyp_begin == b.hyp_end) continue;
    if (result.hyp_first < 0) result.hyp_first = b.hyp_begin;
    result.hyp_last = b.hyp_end - 1;
  }
  return result;
}

}  // namespace

// Short texts search the whole table. Long ones are aligned first as blocks
// of kCoarseFactor units (recursively); the fine search then follows that
// path in a band, so time grows with the length of the texts, not with the
// product of their lengths.
namespace {

MonolingualAlignment AlignAtScale(const std::vector<MonolingualUnit>& reference,
                                  const std::vector<MonolingualUnit>& hypothesis,
                                  const MonolingualOptions& options, uint32_t modulus) {
  const int n = static_cast<int>(reference.size()), m = static_cast<int>(hypothesis.size());
  if (n == 0) return {};
  // Blocks of more than kCoarseFactor^2 paragraphs of one document all
  // resemble each other: the coarsest level searches its whole table.
  const bool coarsest = modulus >= kCoarseFactor * kCoarseFactor;
  if (coarsest || static_cast<size_t>(n + 1) * static_cast<size_t>(m + 1) <= kFullTableCells) {
    return *AlignInWindow(reference, hypothesis, options,
                          Window(std::vector<int>(static_cast<size_t>(n) + 1, 0),
                                 std::vector<int>(static_cast<size_t>(n) + 1, m)));
  }
  const uint32_t coarse_modulus = modulus * kCoarseFactor;
  const MonolingualAlignment coarse = AlignAtScale(Coarsen(reference, coarse_modulus),
                                                   Coarsen(hypothesis, coarse_modulus), options, coarse_modulus);
  // Centre of each fine row from the coarse beads; rows before and after the
  // coarse coverage keep the nearest centre.
  std::vector<int> center(static_cast<size_t>(n) + 1, -1);
  for (const MonolingualBead& b : coarse.beads) {
    const int row0 = b.ref_begin * kCoarseFactor, row1 = std::min(n, b.ref_end * kCoarseFactor);
    const int col0 = std::min(m, b.hyp_begin * kCoarseFactor), col1 = std::min(m, b.hyp_end * kCoarseFactor);
    for (int r = row0; r <= row1; ++r) {
      center[static_cast<size_t>(r)] =
          row1 == row0 ? col0 : col0 + static_cast<int>(static_cast<int64_t>(r - row0) * (col1 - col0) / (row1 - row0));
    }
  }
  int last = coarse.hyp_first >= 0 ? coarse.hyp_first * kCoarseFactor : 0;
  for (int& c : center) {
    if (c < 0) c = last;
    last = c;
  }
  // Widen the band until it connects (the coarse path can jump at a skip).
  for (int half_width = kBandHalfWidth;; half_width *= 2) {
    std::vector<int> lo, hi;
    for (int c : center) {
      lo.push_back(std::max(0, c - half_width));
      hi.push_back(std::min(m, c + half_width));
    }
    if (auto result = AlignInWindow(reference, hypothesis, options, Window(std::move(lo), std::move(hi)))) {
      return *result;
    }
  }
}

}  // namespace

MonolingualAlignment AlignMonolingual(const std::vector<MonolingualUnit>& reference,
                                      const std::vector<MonolingualUnit>& hypothesis,
                                      const MonolingualOptions& options) {
  return AlignAtScale(reference, hypothesis, options, 1);
}

}  // namespace bitext::align
