#include "monolingual.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "unicode.h"

namespace bitext::align {
namespace {

size_t CountCommon(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
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
constexpr Shape kShapes[] = {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {1, 3}, {3, 1}};
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
    std::vector<uint64_t>& grams = grams_[n - 1];
    for (size_t i = 0; i + static_cast<size_t>(n) <= cps.size(); ++i) {
      uint64_t h = 1469598103934665603ull;  // FNV-1a over the code points
      for (int k = 0; k < n; ++k) h = (h ^ cps[i + static_cast<size_t>(k)]) * 1099511628211ull;
      grams.push_back(h);
    }
    std::sort(grams.begin(), grams.end());
  }
}

void NgramProfile::Add(const NgramProfile& other) {
  for (int n = 0; n < kOrders; ++n) {
    std::vector<uint64_t> merged;
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

MonolingualAlignment AlignMonolingual(const std::vector<MonolingualUnit>& reference,
                                      const std::vector<MonolingualUnit>& hypothesis,
                                      const MonolingualOptions& options) {
  const int n = static_cast<int>(reference.size()), m = static_cast<int>(hypothesis.size());
  MonolingualAlignment result;
  if (n == 0) return result;

  const std::vector<double> background = Background(reference, hypothesis, options.background_sample);
  // Costs are negated scores: a good pair has a negative cost.
  auto pair_cost = [&](int r0, int r1, int h0, int h1, double* similarity) {
    NgramProfile ref = reference[static_cast<size_t>(r0)].profile;
    double expected = background[static_cast<size_t>(r0)];
    for (int r = r0 + 1; r < r1; ++r) {
      ref.Add(reference[static_cast<size_t>(r)].profile);
      expected += background[static_cast<size_t>(r)];
    }
    expected /= (r1 - r0);
    NgramProfile hyp = hypothesis[static_cast<size_t>(h0)].profile;
    for (int h = h0 + 1; h < h1; ++h) hyp.Add(hypothesis[static_cast<size_t>(h)].profile);
    *similarity = hyp.Similarity(ref);
    const int units = (r1 - r0) + (h1 - h0);
    double cost = expected + options.margin - *similarity + options.merge * (units - 2);
    bool ref_heading = false, hyp_heading = false;
    for (int r = r0; r < r1; ++r) ref_heading |= reference[static_cast<size_t>(r)].heading;
    for (int h = h0; h < h1; ++h) hyp_heading |= hypothesis[static_cast<size_t>(h)].heading;
    if (ref_heading != hyp_heading) cost += options.heading_conflict;
    return cost;
  };

  // cost[i][j]: best cost of covering reference[0, i) ending at hypothesis j.
  // Row 0 is free everywhere: the hypothesis may start anywhere.
  const size_t width = static_cast<size_t>(m) + 1;
  std::vector<double> cost((static_cast<size_t>(n) + 1) * width, kInfinity);
  std::vector<uint8_t> back(cost.size(), 0);
  for (int j = 0; j <= m; ++j) cost[static_cast<size_t>(j)] = 0;
  for (int i = 1; i <= n; ++i) {
    for (int j = 0; j <= m; ++j) {
      double best = kInfinity;
      uint8_t best_shape = 0;
      for (uint8_t s = 0; s < std::size(kShapes); ++s) {
        const int pi = i - kShapes[s].ref, pj = j - kShapes[s].hyp;
        if (pi < 0 || pj < 0) continue;
        const double before = cost[static_cast<size_t>(pi) * width + static_cast<size_t>(pj)];
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
      cost[static_cast<size_t>(i) * width + static_cast<size_t>(j)] = best;
      back[static_cast<size_t>(i) * width + static_cast<size_t>(j)] = best_shape;
    }
  }
  // The hypothesis may end anywhere.
  int j = m;
  for (int k = 1; k <= m; ++k) {
    if (cost[static_cast<size_t>(n) * width + static_cast<size_t>(k)] <
        cost[static_cast<size_t>(n) * width + static_cast<size_t>(j)]) {
      j = k;
    }
  }
  int i = n;
  while (i > 0) {
    const Shape shape = kShapes[back[static_cast<size_t>(i) * width + static_cast<size_t>(j)]];
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

}  // namespace bitext::align
