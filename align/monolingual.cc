#include "monolingual.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "band.h"
#include "shingle_chain.h"
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

// Common hashes of `a` and the multiset union of `b` and `c`.
size_t CountCommon(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                   const std::vector<uint32_t>& c) {
  size_t i = 0, j = 0, k = 0, common = 0;
  while (i < a.size() && (j < b.size() || k < c.size())) {
    const uint32_t value = a[i];
    size_t here = 0, there = 0;
    while (i < a.size() && a[i] == value) ++i, ++here;
    while (j < b.size() && b[j] < value) ++j;
    while (k < c.size() && c[k] < value) ++k;
    while (j < b.size() && b[j] == value) ++j, ++there;
    while (k < c.size() && c[k] == value) ++k, ++there;
    common += std::min(here, there);
  }
  return common;
}

struct Shape {
  int ref, hyp;
};
// Two English versions split paragraphs differently at most in two.
constexpr Shape kShapes[] = {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}};
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Median similarity of a reference unit to evenly spaced hypothesis units.
double BackgroundOf(const NgramProfile& reference, const std::vector<MonolingualUnit>& hypothesis, int sample) {
  const size_t m = hypothesis.size();
  const size_t step = std::max<size_t>(1, m / static_cast<size_t>(std::max(sample, 1)));
  std::vector<double> sims;
  for (size_t h = 0; h < m; h += step) sims.push_back(hypothesis[h].profile.Similarity(reference));
  if (sims.empty()) return 0;
  std::nth_element(sims.begin(), sims.begin() + static_cast<long>(sims.size() / 2), sims.end());
  return sims[sims.size() / 2];
}

std::vector<double> Background(const std::vector<MonolingualUnit>& reference,
                               const std::vector<MonolingualUnit>& hypothesis, int sample) {
  std::vector<double> background;
  background.reserve(reference.size());
  for (const MonolingualUnit& r : reference) background.push_back(BackgroundOf(r.profile, hypothesis, sample));
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
    grams.reserve(cps.size() >= static_cast<size_t>(n) ? cps.size() - static_cast<size_t>(n) + 1 : 0);
    for (size_t i = 0; i + static_cast<size_t>(n) <= cps.size(); ++i) {
      uint32_t h = 2166136261u;  // FNV-1a over the code points
      for (int k = 0; k < n; ++k) h = (h ^ cps[i + static_cast<size_t>(k)]) * 16777619u;
      grams.push_back(h);
    }
    std::sort(grams.begin(), grams.end());
  }
}

NgramProfile NgramProfile::Sampled(std::span<const NgramProfile* const> parts, uint32_t modulus) {
  NgramProfile sampled;
  for (int n = 0; n < kOrders; ++n) {
    std::vector<uint32_t>& grams = sampled.grams_[n];
    for (const NgramProfile* part : parts) {
      for (uint32_t h : part->grams_[n]) {
        if (h % modulus == 0) grams.push_back(h);
      }
    }
    std::sort(grams.begin(), grams.end());
    grams.shrink_to_fit();
  }
  return sampled;
}

double NgramProfile::Similarity(const NgramProfile& reference) const {
  const NgramProfile* hypothesis = this;
  const NgramProfile* ref = &reference;
  return Similarity({&hypothesis, 1}, {&ref, 1});
}

double NgramProfile::Similarity(std::span<const NgramProfile* const> hypothesis,
                                std::span<const NgramProfile* const> reference) {
  // One side is a single profile (beads are 1-1, 1-2 or 2-1).
  const bool single_hyp = hypothesis.size() == 1;
  std::span<const NgramProfile* const> single = single_hyp ? hypothesis : reference;
  std::span<const NgramProfile* const> run = single_hyp ? reference : hypothesis;
  double precision = 0, recall = 0;
  int orders = 0;
  for (int n = 0; n < kOrders; ++n) {
    size_t hyp_size = 0, ref_size = 0;
    for (const NgramProfile* p : hypothesis) hyp_size += p->grams_[n].size();
    for (const NgramProfile* p : reference) ref_size += p->grams_[n].size();
    if (hyp_size == 0 || ref_size == 0) continue;
    const size_t common_count = run.size() == 1
                                    ? CountCommon(single[0]->grams_[n], run[0]->grams_[n])
                                    : CountCommon(single[0]->grams_[n], run[0]->grams_[n], run[1]->grams_[n]);
    const double common = static_cast<double>(common_count);
    precision += common / static_cast<double>(hyp_size);
    recall += common / static_cast<double>(ref_size);
    ++orders;
  }
  if (orders == 0) return 0;
  precision /= orders;
  recall /= orders;
  constexpr double kBeta2 = 4.0;  // beta = 2: recall weighs twice
  const double denominator = kBeta2 * precision + recall;
  return denominator > 0 ? (1 + kBeta2) * precision * recall / denominator : 0;
}

MonolingualUnit::MonolingualUnit(std::string_view text, bool heading_in)
    : profile(text), shingles(WordShingles(text)), heading(heading_in) {}

namespace {

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
    std::vector<const NgramProfile*> parts;
    for (size_t k = b; k < std::min(units.size(), b + kCoarseFactor); ++k) parts.push_back(&units[k].profile);
    MonolingualUnit block;
    block.profile = NgramProfile::Sampled(parts, modulus);
    coarse.push_back(std::move(block));
  }
  return coarse;
}

// nullopt when the window does not connect the first row to the last.
std::optional<MonolingualAlignment> AlignInWindow(const std::vector<MonolingualUnit>& reference,
                                                  const std::vector<MonolingualUnit>& hypothesis,
                                                  const MonolingualOptions& options, const Band& window) {
  const int n = static_cast<int>(reference.size());
  const std::vector<double> background = Background(reference, hypothesis, options.background_sample);
  // Costs are negated scores: a good pair has a negative cost.
  auto pair_cost = [&](int r0, int r1, int h0, int h1, double* similarity) {
    double expected = 0;
    for (int r = r0; r < r1; ++r) expected += background[static_cast<size_t>(r)];
    expected /= (r1 - r0);
    const NgramProfile* hyp_run[2] = {&hypothesis[static_cast<size_t>(h0)].profile,
                                      &hypothesis[static_cast<size_t>(h1 - 1)].profile};
    const NgramProfile* ref_run[2] = {&reference[static_cast<size_t>(r0)].profile,
                                      &reference[static_cast<size_t>(r1 - 1)].profile};
    *similarity = NgramProfile::Similarity({hyp_run, static_cast<size_t>(h1 - h0)},
                                           {ref_run, static_cast<size_t>(r1 - r0)});
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
// path in a band, and the coarsest level searches only around the shingle
// chain, so time grows with the length of the texts, not with the product
// of their lengths.
namespace {

// Blocks of more than kCoarseFactor^2 paragraphs of one document all
// resemble each other, so the coarse levels stop there. That level's table
// is searched whole up to this many cells; beyond, around a chain of shared
// rare shingles.
constexpr size_t kFullCoarsestCells = 4096;
constexpr int kCoarsestBlock = kCoarseFactor * kCoarseFactor;
// Fewer chained pairs than one per this many coarsest rows leave the
// window too loose: the whole table is searched instead.
constexpr int kChainSpacing = 4;
// Coarsest blocks searched either side of the chain.
constexpr int kChainSlack = 2;

// Rows of the coarsest table around the chain (unit indices, mapped to
// blocks): between two chained pairs the path stays in the rectangle they
// span; before the first and after the last it advances at most two
// hypothesis blocks per reference block, and its free ends lie there.
std::optional<Band> ChainWindow(const std::vector<ShinglePair>& chain, int block, int n, int m) {
  if (chain.empty() || static_cast<int64_t>(chain.size()) * kChainSpacing < n) return std::nullopt;
  std::vector<int> lo(static_cast<size_t>(n) + 1, m), hi(static_cast<size_t>(n) + 1, 0);
  auto cover = [&](int row, int col0, int col1) {
    if (row < 0 || row > n) return;
    lo[static_cast<size_t>(row)] = std::min(lo[static_cast<size_t>(row)], std::max(0, col0));
    hi[static_cast<size_t>(row)] = std::max(hi[static_cast<size_t>(row)], std::min(m, col1));
  };
  const int first_row = chain.front().ref / block, first_col = chain.front().hyp / block;
  for (int r = 0; r <= first_row; ++r) {
    cover(r, first_col - 2 * (first_row - r) - kChainSlack, first_col + 1 + kChainSlack);
  }
  for (size_t k = 0; k + 1 < chain.size(); ++k) {
    const int col0 = chain[k].hyp / block - kChainSlack, col1 = chain[k + 1].hyp / block + 1 + kChainSlack;
    for (int r = chain[k].ref / block; r <= chain[k + 1].ref / block + 1; ++r) cover(r, col0, col1);
  }
  const int last_row = chain.back().ref / block, last_col = chain.back().hyp / block;
  for (int r = last_row; r <= n; ++r) {
    cover(r, last_col - kChainSlack, last_col + 1 + 2 * (r - last_row) + kChainSlack);
  }
  for (size_t r = 0; r < lo.size(); ++r) {
    if (lo[r] > hi[r]) return std::nullopt;  // a row no segment reaches
  }
  return Band(std::move(lo), std::move(hi));
}

MonolingualAlignment AlignAtScale(const std::vector<MonolingualUnit>& reference,
                                  const std::vector<MonolingualUnit>& hypothesis,
                                  const MonolingualOptions& options, uint32_t modulus,
                                  const std::vector<ShinglePair>& chain) {
  const int n = static_cast<int>(reference.size()), m = static_cast<int>(hypothesis.size());
  if (n == 0) return {};
  if (modulus >= kCoarsestBlock) {
    if (auto window = ChainWindow(chain, static_cast<int>(modulus), n, m)) {
      if (auto result = AlignInWindow(reference, hypothesis, options, *window)) return *result;
    }
    return *AlignInWindow(reference, hypothesis, options, Band::Full(n, m));
  }
  if (static_cast<size_t>(n + 1) * static_cast<size_t>(m + 1) <= kFullTableCells) {
    return *AlignInWindow(reference, hypothesis, options, Band::Full(n, m));
  }
  const uint32_t coarse_modulus = modulus * kCoarseFactor;
  const MonolingualAlignment coarse = AlignAtScale(Coarsen(reference, coarse_modulus),
                                                   Coarsen(hypothesis, coarse_modulus), options, coarse_modulus, chain);
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
    if (auto result = AlignInWindow(reference, hypothesis, options, Band(std::move(lo), std::move(hi)))) {
      return *result;
    }
  }
}

// The chain only matters when the coarsest table is too big to search whole.
std::vector<ShinglePair> ChainIfLong(const std::vector<MonolingualUnit>& reference,
                                     const std::vector<MonolingualUnit>& hypothesis) {
  const size_t rows = reference.size() / kCoarsestBlock + 2, cols = hypothesis.size() / kCoarsestBlock + 2;
  if (rows * cols <= kFullCoarsestCells) return {};
  std::vector<const std::vector<uint32_t>*> ref_shingles, hyp_shingles;
  for (const MonolingualUnit& u : reference) ref_shingles.push_back(&u.shingles);
  for (const MonolingualUnit& u : hypothesis) hyp_shingles.push_back(&u.shingles);
  return ShingleChain(ref_shingles, hyp_shingles);
}

// Reference units left unmatched are paired with unmatched hypothesis units
// near where the in-order path would put them (a date line and an office
// line given the other way round) when the pair clearly beats the
// background; the pair is marked as reordered.
void PairReordered(MonolingualAlignment& a, const std::vector<MonolingualUnit>& reference,
                   const std::vector<MonolingualUnit>& hypothesis, const MonolingualOptions& options) {
  const int m = static_cast<int>(hypothesis.size());
  std::vector<bool> paired(static_cast<size_t>(m), false);
  for (const MonolingualBead& b : a.beads) {
    if (b.ref_begin == b.ref_end) continue;
    for (int h = b.hyp_begin; h < b.hyp_end; ++h) paired[static_cast<size_t>(h)] = true;
  }
  struct Candidate {
    double score, similarity;
    size_t bead;
    int hyp;
  };
  // Only reference units inside the reference's coverage (between its first
  // and last paired unit) can be out of order; the others are not rendered.
  int ref_first = -1, ref_last = -1;
  for (const MonolingualBead& b : a.beads) {
    if (b.ref_begin == b.ref_end || b.hyp_begin == b.hyp_end) continue;
    if (ref_first < 0) ref_first = b.ref_begin;
    ref_last = b.ref_end - 1;
  }
  std::vector<Candidate> candidates;
  int position = std::max(a.hyp_first, 0);  // where the path stands in the hypothesis
  for (size_t k = 0; k < a.beads.size(); ++k) {
    const MonolingualBead& b = a.beads[k];
    if (b.ref_begin != b.ref_end && b.hyp_begin != b.hyp_end) position = b.hyp_end;
    if (b.ref_end - b.ref_begin != 1 || b.hyp_begin != b.hyp_end) continue;
    if (b.ref_begin < ref_first || b.ref_begin > ref_last) continue;
    const MonolingualUnit& r = reference[static_cast<size_t>(b.ref_begin)];
    double background = -1;
    for (int h = std::max(0, position - options.reorder_reach);
         h < std::min(m, position + options.reorder_reach); ++h) {
      const MonolingualUnit& u = hypothesis[static_cast<size_t>(h)];
      if (paired[static_cast<size_t>(h)] || h < a.hyp_first || h > a.hyp_last || u.heading != r.heading) continue;
      if (background < 0) background = BackgroundOf(r.profile, hypothesis, options.background_sample);
      const double similarity = u.profile.Similarity(r.profile);
      if (similarity - background >= options.reorder_margin) {
        candidates.push_back({similarity - background, similarity, k, h});
      }
    }
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
  for (const Candidate& c : candidates) {
    MonolingualBead& b = a.beads[c.bead];
    if (paired[static_cast<size_t>(c.hyp)] || b.hyp_begin != b.hyp_end) continue;
    paired[static_cast<size_t>(c.hyp)] = true;
    b.hyp_begin = c.hyp;
    b.hyp_end = c.hyp + 1;
    b.similarity = c.similarity;
    b.reordered = true;
  }
  // The hypothesis units now paired leave their skips; coverage takes them in.
  std::erase_if(a.beads, [&](const MonolingualBead& b) {
    return b.ref_begin == b.ref_end && b.hyp_end - b.hyp_begin == 1 && paired[static_cast<size_t>(b.hyp_begin)];
  });
  for (const MonolingualBead& b : a.beads) {
    if (b.hyp_begin == b.hyp_end) continue;
    a.hyp_first = a.hyp_first < 0 ? b.hyp_begin : std::min(a.hyp_first, b.hyp_begin);
    a.hyp_last = std::max(a.hyp_last, b.hyp_end - 1);
  }
}

}  // namespace

MonolingualAlignment AlignMonolingual(const std::vector<MonolingualUnit>& reference,
                                      const std::vector<MonolingualUnit>& hypothesis,
                                      const MonolingualOptions& options) {
  MonolingualAlignment a = AlignAtScale(reference, hypothesis, options, 1, ChainIfLong(reference, hypothesis));
  PairReordered(a, reference, hypothesis, options);
  return a;
}

}  // namespace bitext::align
