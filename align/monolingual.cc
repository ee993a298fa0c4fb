#include "monolingual.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

#include "band.h"
#include "shingle_chain.h"

namespace bitext::align {
namespace {

struct Shape {
  int ref, hyp;
};
// Two English versions split paragraphs differently at most in two.
constexpr Shape kShapes[] = {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}};
// Back pointer of a cell reached from a long run of hypothesis skips.
constexpr uint8_t kFromRun = std::size(kShapes);
constexpr double kInfinity = std::numeric_limits<double>::infinity();

using SharedProfile = std::shared_ptr<const NgramProfile>;

// Median similarity of a reference unit to a sample of hypothesis units,
// its closest one left out: in a short text the sample holds the unit's own
// rendering, which is no background (two units would have it as median).
double BackgroundOf(const ProfileIndex& reference, const std::vector<SharedProfile>& sample) {
  std::vector<double> sims;
  for (const SharedProfile& h : sample) sims.push_back(reference.Similarity(*h));
  if (!sims.empty()) sims.erase(std::max_element(sims.begin(), sims.end()));
  if (sims.empty()) return 0;
  std::nth_element(sims.begin(), sims.begin() + static_cast<long>(sims.size() / 2), sims.end());
  return sims[sims.size() / 2];
}

// A cell costs up to seven similarity computations: beyond this many cells
// the coarse-to-fine search is faster.
constexpr size_t kFullTableCells = 100'000;
// A text cut into parts (AlignInParts) is searched coarse to fine from far
// fewer cells: the whole tables of its many parts would add up to far more
// than one band.
constexpr size_t kFullPartCells = 4096;
constexpr int kCoarseFactor = 8;
// Blocks of more than kCoarseFactor^2 paragraphs of one document all
// resemble each other, so the coarse levels stop there.
constexpr int kCoarsestBlock = kCoarseFactor * kCoarseFactor;
constexpr int kBandHalfWidth = 12;

// One side of the search at one level: blocks of `block` units (1 at the
// finest level), each profile sampled down by `block`, so that a coarse
// level costs what the fine one does. Profiles are built when the search
// first needs them and dropped once it has passed them: held all at once,
// the profiles of a long text take up to 48 bytes per character of it
// (8 bytes per distinct n-gram, six orders).
class Level {
 public:
  Level(const std::vector<MonolingualUnit>& units, int block)
      : units_(units),
        block_(block),
        profiles_((units.size() + static_cast<size_t>(block) - 1) / static_cast<size_t>(block)) {
    const size_t b = static_cast<size_t>(block);
    for (size_t u = 0; u < units.size(); ++u) {
      if (!units[u].duplicate) continue;
      duplicates_.resize(profiles_.size(), 0);
      const size_t k = u / b;
      duplicates_[k] += 1.0 / static_cast<double>(std::min(units.size(), (k + 1) * b) - k * b);
    }
  }
  int size() const { return static_cast<int>(profiles_.size()); }
  bool heading(int k) const { return block_ == 1 && units_[static_cast<size_t>(k)].heading; }
  // The share of block k's units that are duplicates.
  double duplicates(int k) const { return duplicates_.empty() ? 0 : duplicates_[static_cast<size_t>(k)]; }
  NgramProfile Build(int k) const {
    std::vector<std::string_view> texts;
    const size_t begin = static_cast<size_t>(k) * static_cast<size_t>(block_);
    for (size_t u = begin; u < std::min(units_.size(), begin + static_cast<size_t>(block_)); ++u) {
      texts.push_back(units_[u].text);
    }
    return NgramProfile(texts, static_cast<uint32_t>(block_));
  }
  // Block k's profile, built once and shared with the background sample,
  // which would otherwise hold a second copy (of a one-paragraph text's
  // whole profile).
  SharedProfile Shared(int k) {
    SharedProfile& profile = profiles_[static_cast<size_t>(k)];
    if (!profile) profile = std::make_shared<const NgramProfile>(Build(k));
    return profile;
  }
  const NgramProfile& operator[](int k) { return *Shared(k); }
  void DropBefore(int k) {
    for (; dropped_ < std::min(k, size()); ++dropped_) {
      profiles_[static_cast<size_t>(dropped_)].reset();
    }
  }

 private:
  const std::vector<MonolingualUnit>& units_;
  int block_;
  std::vector<SharedProfile> profiles_;
  std::vector<double> duplicates_;  // empty when there are none
  int dropped_ = 0;
};

// Evenly spaced units of the hypothesis: each reference unit's background
// is its median similarity to them.
std::vector<SharedProfile> BackgroundSample(Level& hypothesis, int sample) {
  const int step = std::max(1, hypothesis.size() / std::max(sample, 1));
  std::vector<SharedProfile> profiles;
  for (int h = 0; h < hypothesis.size(); h += step) profiles.push_back(hypothesis.Shared(h));
  return profiles;
}

// The cost of pairing reference units [r0, r1) with hypothesis units
// [h0, h1). Costs are negated scores: a good pair has a negative cost.
class PairCost {
 public:
  // `sample`: the background sample to use; by default one of
  // `hypothesis`, sharing its profiles.
  PairCost(Level& reference, Level& hypothesis, const MonolingualOptions& options,
           const std::vector<SharedProfile>* sample)
      : reference_(reference),
        hypothesis_(hypothesis),
        options_(options),
        own_sample_(sample ? std::vector<SharedProfile>() : BackgroundSample(hypothesis, options.background_sample)),
        sample_(sample ? *sample : own_sample_),
        background_(static_cast<size_t>(reference.size()), -1) {}

  double operator()(int r0, int r1, int h0, int h1, double* similarity) {
    const double expected = Expected(r0, r1);
    const ProfileIndex& index = Index(r0, r1);
    if (r1 - r0 == 1 && h1 - h0 == 1) {
      const NgramMatches matches = index.Matches(hypothesis_[h0]);
      Remember(r0, h0, matches);
      *similarity = matches.Similarity();
    } else {
      *similarity =
          h1 - h0 == 1 ? index.Similarity(hypothesis_[h0]) : index.Similarity(hypothesis_[h0], hypothesis_[h0 + 1]);
    }
    return Cost(expected, r0, r1, h0, h1, *similarity);
  }

  // A cost that pairing two units with one cannot go below, from the
  // one-to-one pairs' matches when they have been scored (see
  // JoinedHypothesesBound); -infinity otherwise. The search skips a pair
  // whose bound already loses, without scoring it.
  double AtLeast(int r0, int r1, int h0, int h1) {
    constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();
    // Covers the rounding of the F-score, worked out in floating point.
    constexpr double kRounding = 1e-9;
    const int hyp_units = h1 - h0;
    if (r1 - r0 + hyp_units != 3) return kMinusInfinity;
    const NgramMatches* x = Remembered(r0, h0);
    const NgramMatches* y = hyp_units == 2 ? Remembered(r0, h0 + 1) : Remembered(r0 + 1, h0);
    if (!x || !y) return kMinusInfinity;
    const NgramMatches bound = hyp_units == 2 ? JoinedHypothesesBound(*x, *y) : JoinedReferencesBound(*x, *y);
    return Cost(Expected(r0, r1), r0, r1, h0, h1, bound.Similarity() + kRounding);
  }

 private:
  // The reference units' mean background.
  double Expected(int r0, int r1) {
    double expected = 0;
    for (int r = r0; r < r1; ++r) expected += Background(r);
    return expected / (r1 - r0);
  }

  double Cost(double expected, int r0, int r1, int h0, int h1, double similarity) const {
    const int units = (r1 - r0) + (h1 - h0);
    double cost = expected + options_.margin - similarity + options_.merge * (units - 2);
    bool ref_heading = false, hyp_heading = false;
    for (int r = r0; r < r1; ++r) ref_heading |= reference_.heading(r);
    for (int h = h0; h < h1; ++h) hyp_heading |= hypothesis_.heading(h);
    if (ref_heading != hyp_heading) cost += options_.heading_conflict;
    for (int h = h0; h < h1; ++h) cost += options_.duplicate * hypothesis_.duplicates(h);
    return cost;
  }

  // One-to-one matches are kept for the last two reference units scored,
  // by hypothesis unit, in the order the search scores them: for the first
  // kRemembered of a row, so that a row across a long run of skips costs
  // its cells alone. A pair without them is scored, not skipped.
  static constexpr size_t kRemembered = 4096;
  struct RowMatches {
    int reference = -1, first = 0;
    std::vector<NgramMatches> matches;
    std::vector<uint8_t> known;
  };
  void Remember(int r, int h, const NgramMatches& matches) {
    RowMatches& row = rows_[r & 1];
    if (row.reference != r) row.reference = r, row.first = h, row.matches.clear(), row.known.clear();
    if (h < row.first || static_cast<size_t>(h - row.first) >= kRemembered) return;
    const size_t at = static_cast<size_t>(h - row.first);
    if (at >= row.known.size()) row.matches.resize(at + 1), row.known.resize(at + 1, 0);
    row.matches[at] = matches;
    row.known[at] = 1;
  }
  const NgramMatches* Remembered(int r, int h) const {
    const RowMatches& row = rows_[r & 1];
    if (row.reference != r || h < row.first) return nullptr;
    const size_t at = static_cast<size_t>(h - row.first);
    return at < row.known.size() && row.known[at] ? &row.matches[at] : nullptr;
  }

  double Background(int r) {
    double& b = background_[static_cast<size_t>(r)];
    if (b < 0) b = BackgroundOf(Index(r, r + 1), sample_);
    return b;
  }

  // The reference units [r0, r1) indexed. The search goes row by row, so
  // one index per run length is kept and rebuilt when the row moves on.
  const ProfileIndex& Index(int r0, int r1) {
    const bool run = r1 - r0 == 2;
    int& indexed = run ? run_indexed_ : single_indexed_;
    ProfileIndex& index = run ? run_index_ : single_index_;
    if (indexed != r0) {
      if (run) {
        index.Assign(reference_[r0], reference_[r0 + 1]);
      } else {
        index.Assign(reference_[r0]);
      }
      indexed = r0;
    }
    return index;
  }

  Level& reference_;
  Level& hypothesis_;
  const MonolingualOptions& options_;
  const std::vector<SharedProfile> own_sample_;
  const std::vector<SharedProfile>& sample_;
  std::vector<double> background_;  // -1 until computed
  RowMatches rows_[2];              // by reference unit, odd or even
  ProfileIndex single_index_, run_index_;
  int single_indexed_ = -1, run_indexed_ = -1;  // the first unit indexed
};

// Where the path may start and end. A free start lets the hypothesis start
// anywhere in the first row, a free end end anywhere in the last; a fixed
// one starts at the window's first column, or ends at its last.
struct Ends {
  bool free_start = true, free_end = true;
};

// The search tables over the window's cells.
// cost at (i, j): best cost of covering reference[0, i) ending at
// hypothesis j. run_cost at (i, j): the same, ending inside a run of
// hypothesis skips long enough to have paid the whole cap; the run goes on
// for nothing more.
struct WindowTables {
  explicit WindowTables(size_t cells)
      : cost(cells, kInfinity),
        run_cost(cells, kInfinity),
        similarity(cells, 0),
        back(cells, 0),
        run_opens(cells, false) {}
  std::vector<double> cost, run_cost;
  std::vector<double> similarity;  // of the pair that reaches the cell
  std::vector<uint8_t> back;
  std::vector<bool> run_opens;  // run_cost came from cost at (i, j - 1)
};

// The beads of the best path ending in row n, in order; nullopt when no
// path reaches row n (or its last column, when the end is fixed).
std::optional<MonolingualAlignment> TraceBack(const Band& window, const WindowTables& t, int n, Ends ends) {
  int j = window.hi[static_cast<size_t>(n)];
  for (int k = window.lo[static_cast<size_t>(n)]; ends.free_end && k <= window.hi[static_cast<size_t>(n)]; ++k) {
    if (t.cost[window.At(n, k)] < t.cost[window.At(n, j)]) j = k;
  }
  if (t.cost[window.At(n, j)] == kInfinity) return std::nullopt;
  MonolingualAlignment result;
  int i = n;
  while (i > 0 || (!ends.free_start && j > window.lo[0])) {
    if (t.back[window.At(i, j)] == kFromRun) {
      bool opened;
      do {
        opened = t.run_opens[window.At(i, j)];
        result.beads.push_back({i, i, j - 1, j, 0});
        --j;
      } while (!opened);
      continue;
    }
    const Shape shape = kShapes[t.back[window.At(i, j)]];
    MonolingualBead bead{i - shape.ref, i, j - shape.hyp, j, t.similarity[window.At(i, j)]};
    result.beads.push_back(bead);
    i -= shape.ref;
    j -= shape.hyp;
  }
  std::reverse(result.beads.begin(), result.beads.end());
  return result;
}

// Hypothesis skips before a free start and after a free end are outside
// the coverage.
void TrimToCoverage(MonolingualAlignment& result, Ends ends) {
  while (ends.free_end && !result.beads.empty() && result.beads.back().ref_begin == result.beads.back().ref_end) {
    result.beads.pop_back();
  }
  size_t first = 0;
  while (ends.free_start && first < result.beads.size() &&
         result.beads[first].ref_begin == result.beads[first].ref_end) {
    ++first;
  }
  result.beads.erase(result.beads.begin(), result.beads.begin() + static_cast<long>(first));
  result.hyp_first = result.hyp_last = -1;
  for (const MonolingualBead& b : result.beads) {
    if (b.hyp_begin == b.hyp_end) continue;
    if (result.hyp_first < 0) result.hyp_first = b.hyp_begin;
    result.hyp_last = b.hyp_end - 1;
  }
}

// The background samples of each level's blocks, taken from the whole
// hypothesis once for the parts of a text cut into parts: a part of it
// holds mostly the renderings of its own reference units, which are no
// background.
class BackgroundSamples {
 public:
  BackgroundSamples(const std::vector<MonolingualUnit>& hypothesis, int sample) {
    for (int level = 0, block = 1; block <= kCoarsestBlock; ++level, block *= kCoarseFactor) {
      Level blocks(hypothesis, block);
      samples_[level] = BackgroundSample(blocks, sample);
    }
  }
  const std::vector<SharedProfile>& Of(int block) const {
    int level = 0;
    for (int b = block; b > 1; b /= kCoarseFactor) ++level;
    return samples_[level];
  }

 private:
  std::vector<SharedProfile> samples_[3];  // blocks of 1, kCoarseFactor, kCoarsestBlock
};

// nullopt when the window does not connect the first row to the last.
// Without `samples`, the background is sampled from `hypothesis_units`.
std::optional<MonolingualAlignment> AlignInWindow(const std::vector<MonolingualUnit>& reference_units,
                                                  const std::vector<MonolingualUnit>& hypothesis_units, int block,
                                                  const MonolingualOptions& options, const Band& window,
                                                  const BackgroundSamples* samples, Ends ends) {
  Level reference(reference_units, block), hypothesis(hypothesis_units, block);
  const int n = reference.size();
  PairCost pair_cost(reference, hypothesis, options, samples ? &samples->Of(block) : nullptr);
  // The first hypothesis column any later row reads: profiles before it
  // can go.
  std::vector<int> lowest_ahead(static_cast<size_t>(n) + 2, std::numeric_limits<int>::max());
  for (int i = n; i >= 0; --i) {
    lowest_ahead[static_cast<size_t>(i)] =
        std::min(lowest_ahead[static_cast<size_t>(i) + 1], window.lo[static_cast<size_t>(i)]);
  }

  // With a free start the hypothesis may start anywhere in row 0; with a
  // fixed one, row 0 is reached from its first cell by hypothesis skips. A
  // block stands for `block` units: the skip run's cap scales down with it.
  const double run_cap = options.skip_run_cap / block;
  WindowTables t(window.cells);
  for (int j = window.lo[0]; j <= (ends.free_start ? window.hi[0] : window.lo[0]); ++j) t.cost[window.At(0, j)] = 0;
  for (int i = ends.free_start ? 1 : 0; i <= n; ++i) {
    for (int j = window.lo[static_cast<size_t>(i)]; j <= window.hi[static_cast<size_t>(i)]; ++j) {
      if (i == 0 && j == window.lo[0]) continue;  // the fixed start
      const size_t at = window.At(i, j);
      if (window.Contains(i, j - 1)) {
        const size_t left = window.At(i, j - 1);
        const bool opens = t.cost[left] + run_cap <= t.run_cost[left];
        t.run_cost[at] = opens ? t.cost[left] + run_cap : t.run_cost[left];
        t.run_opens[at] = opens;
      }
      double best = t.run_cost[at], best_similarity = 0;
      uint8_t best_shape = kFromRun;
      for (uint8_t s = 0; s < std::size(kShapes); ++s) {
        const int pi = i - kShapes[s].ref, pj = j - kShapes[s].hyp;
        if (pi < 0 || pj < 0 || !window.Contains(pi, pj)) continue;
        const double before = t.cost[window.At(pi, pj)];
        if (before == kInfinity) continue;
        double step, pair_similarity = 0;
        if (kShapes[s].ref == 0 || kShapes[s].hyp == 0) {
          step = options.skip * (kShapes[s].ref + kShapes[s].hyp);
        } else if (before + pair_cost.AtLeast(pi, i, pj, j) >= best) {
          continue;  // cannot beat the best way into the cell so far
        } else {
          step = pair_cost(pi, i, pj, j, &pair_similarity);
        }
        if (before + step < best) best = before + step, best_shape = s, best_similarity = pair_similarity;
      }
      t.cost[at] = best;
      t.similarity[at] = best_similarity;
      t.back[at] = best_shape;
    }
    reference.DropBefore(i - 1);
    hypothesis.DropBefore(lowest_ahead[static_cast<size_t>(i) + 1] - 2);
  }
  std::optional<MonolingualAlignment> result = TraceBack(window, t, n, ends);
  if (result) TrimToCoverage(*result, ends);
  return result;
}

}  // namespace

// Short texts search the whole table. Long ones are aligned first as blocks
// of kCoarseFactor units (recursively); the fine search then follows that
// path in a band, and the coarsest level searches only around the shingle
// chain, so time grows with the length of the texts, not with the product
// of their lengths.
namespace {

// The coarsest level's table is searched whole up to this many cells;
// beyond, around a chain of shared rare shingles.
constexpr size_t kFullCoarsestCells = 4096;
// Fewer chained pairs than one per this many coarsest rows leave the
// window too loose: the whole table is searched instead.
constexpr int kChainSpacing = 4;
// Coarsest blocks searched either side of the chain.
constexpr int kChainSlack = 2;

// Rows of the coarsest table around the chain (unit indices, mapped to
// blocks): between two chained pairs the path stays in the rectangle they
// span; before the first and after the last it advances at most two
// hypothesis blocks per reference block, and its free ends lie there. A
// fixed end adds its corner: the path reaches it along the first or last row.
std::optional<Band> ChainWindow(const std::vector<ShinglePair>& chain, int block, int n, int m, Ends ends) {
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
  if (!ends.free_start) cover(0, 0, 0);
  if (!ends.free_end) cover(n, m, m);
  for (size_t r = 0; r < lo.size(); ++r) {
    if (lo[r] > hi[r]) return std::nullopt;  // a row no segment reaches
  }
  return Band(std::move(lo), std::move(hi));
}

int Blocks(size_t units, int block) {
  return static_cast<int>((units + static_cast<size_t>(block) - 1) / static_cast<size_t>(block));
}

// Aligns blocks of `block` units.
MonolingualAlignment AlignAtScale(const std::vector<MonolingualUnit>& reference,
                                  const std::vector<MonolingualUnit>& hypothesis, const MonolingualOptions& options,
                                  int block, const std::vector<ShinglePair>& chain, const BackgroundSamples* samples,
                                  Ends ends, size_t full_table_cells) {
  const int n = Blocks(reference.size(), block), m = Blocks(hypothesis.size(), block);
  if (n == 0) return {};
  if (block >= kCoarsestBlock) {
    const size_t rows = reference.size() / kCoarsestBlock + 2, cols = hypothesis.size() / kCoarsestBlock + 2;
    if (rows * cols <= kFullCoarsestCells) {
      return *AlignInWindow(reference, hypothesis, block, options, Band::Full(n, m), samples, ends);
    }
    if (auto window = ChainWindow(chain, block, n, m, ends)) {
      if (auto result = AlignInWindow(reference, hypothesis, block, options, *window, samples, ends)) return *result;
    }
    return *AlignInWindow(reference, hypothesis, block, options, Band::Full(n, m), samples, ends);
  }
  if (static_cast<size_t>(n + 1) * static_cast<size_t>(m + 1) <= full_table_cells) {
    return *AlignInWindow(reference, hypothesis, block, options, Band::Full(n, m), samples, ends);
  }
  const MonolingualAlignment coarse =
      AlignAtScale(reference, hypothesis, options, block * kCoarseFactor, chain, samples, ends, full_table_cells);
  // The columns the coarse path passes in each fine row: along a pair, its
  // diagonal; along a run of hypothesis skips, the whole run, so the band
  // holds the path where it jumps. Rows the path does not reach keep the
  // columns of the row before (or of the first row reached).
  std::vector<int> first(static_cast<size_t>(n) + 1, -1), last(static_cast<size_t>(n) + 1, -1);
  auto pass = [&](int row, int col0, int col1) {
    int& f = first[static_cast<size_t>(row)];
    int& l = last[static_cast<size_t>(row)];
    f = f < 0 ? col0 : std::min(f, col0);
    l = std::max(l, col1);
  };
  for (const MonolingualBead& b : coarse.beads) {
    const int row0 = b.ref_begin * kCoarseFactor, row1 = std::min(n, b.ref_end * kCoarseFactor);
    const int col0 = std::min(m, b.hyp_begin * kCoarseFactor), col1 = std::min(m, b.hyp_end * kCoarseFactor);
    if (row0 == row1) {
      pass(row0, col0, col1);
      continue;
    }
    for (int r = row0; r <= row1; ++r) {
      const int c = col0 + static_cast<int>(static_cast<int64_t>(r - row0) * (col1 - col0) / (row1 - row0));
      pass(r, c, c);
    }
  }
  const auto reached = std::find_if(first.begin(), first.end(), [](int f) { return f >= 0; });
  int carry_first = reached != first.end() ? *reached : 0;
  int carry_last = reached != first.end() ? last[static_cast<size_t>(reached - first.begin())] : 0;
  for (size_t r = 0; r < first.size(); ++r) {
    if (first[r] < 0) first[r] = carry_first, last[r] = carry_last;
    carry_first = first[r], carry_last = last[r];
  }
  // Widen the band until it connects.
  for (int half_width = kBandHalfWidth;; half_width *= 2) {
    std::vector<int> lo, hi;
    for (size_t r = 0; r < first.size(); ++r) {
      lo.push_back(std::max(0, first[r] - half_width));
      hi.push_back(std::min(m, last[r] + half_width));
    }
    if (auto result =
            AlignInWindow(reference, hypothesis, block, options, Band(std::move(lo), std::move(hi)), samples, ends)) {
      return *result;
    }
  }
}

// The chain only matters when the table is searched coarse to fine: it
// cuts the text into parts, and anchors the coarsest level's search when
// that level's table is too big to search whole.
std::vector<ShinglePair> ChainIfLong(const std::vector<MonolingualUnit>& reference,
                                     const std::vector<MonolingualUnit>& hypothesis) {
  if ((reference.size() + 1) * (hypothesis.size() + 1) <= kFullTableCells) return {};
  auto shingles_of = [](const std::vector<MonolingualUnit>& units) {
    std::vector<std::vector<uint32_t>> shingles;
    for (const MonolingualUnit& u : units) shingles.push_back(WordShingles(u.text));
    return shingles;
  };
  const std::vector<std::vector<uint32_t>> ref_shingles = shingles_of(reference),
                                           hyp_shingles = shingles_of(hypothesis);
  std::vector<const std::vector<uint32_t>*> ref_pointers, hyp_pointers;
  for (const std::vector<uint32_t>& s : ref_shingles) ref_pointers.push_back(&s);
  for (const std::vector<uint32_t>& s : hyp_shingles) hyp_pointers.push_back(&s);
  return ShingleChain(ref_pointers, hyp_pointers);
}

// Rows a part between two cuts holds at least: cutting finer saves little.
constexpr int kMinPartRows = 16;
// A chained pair cuts when the pairs before and after it in the chain lie
// this close to it on both sides.
constexpr int kCutReach = 16;

// Where long texts are cut into parts aligned apart: at chained pairs
// whose neighbours in the chain lie within kCutReach units on both sides
// (a chance pair rarely falls in line with two others so close), which the
// path almost surely passes, at least kMinPartRows rows apart. Each part
// then has coarse blocks of its own: a block of the whole text can span
// renderings far apart in the hypothesis (an official release of chosen
// chapters against a whole MT), and the band around its path then loses
// them.
std::vector<ShinglePair> Cuts(const std::vector<ShinglePair>& chain) {
  auto near = [](ShinglePair a, ShinglePair b) {
    return b.ref - a.ref <= kCutReach && b.hyp - a.hyp <= kCutReach;
  };
  std::vector<ShinglePair> cuts;
  for (size_t k = 1; k + 1 < chain.size(); ++k) {
    const ShinglePair here = chain[k];
    if (!near(chain[k - 1], here) || !near(here, chain[k + 1])) continue;
    if (here.ref < (cuts.empty() ? 0 : cuts.back().ref) + kMinPartRows) continue;
    cuts.push_back(here);
  }
  return cuts;
}

// Aligns the parts between the cuts, each a task of its own: only the
// first has a free start and only the last a free end.
MonolingualAlignment AlignInParts(const std::vector<MonolingualUnit>& reference,
                                  const std::vector<MonolingualUnit>& hypothesis, const MonolingualOptions& options,
                                  const std::vector<ShinglePair>& chain, const RunAll& run_all) {
  std::vector<ShinglePair> corners = Cuts(chain);
  if (corners.empty()) {
    return AlignAtScale(reference, hypothesis, options, 1, chain, nullptr, {}, kFullTableCells);
  }
  const BackgroundSamples samples(hypothesis, options.background_sample);
  corners.insert(corners.begin(), ShinglePair{0, 0});
  corners.push_back({static_cast<int>(reference.size()), static_cast<int>(hypothesis.size())});
  std::vector<MonolingualAlignment> parts(corners.size() - 1);
  std::vector<std::function<void()>> tasks;
  for (size_t k = 0; k < parts.size(); ++k) {
    tasks.push_back([&, k] {
      const ShinglePair from = corners[k], to = corners[k + 1];
      const std::vector<MonolingualUnit> ref_part(reference.begin() + from.ref, reference.begin() + to.ref);
      const std::vector<MonolingualUnit> hyp_part(hypothesis.begin() + from.hyp, hypothesis.begin() + to.hyp);
      // The chain increases on both sides: a part's pairs are one run of
      // it, found by binary search rather than by a pass over the whole
      // chain for each part.
      auto by_ref = [](const ShinglePair& p, int ref) { return p.ref < ref; };
      const auto first = std::lower_bound(chain.begin(), chain.end(), from.ref, by_ref);
      const auto last = std::lower_bound(first, chain.end(), to.ref, by_ref);
      std::vector<ShinglePair> part_chain;
      for (auto p = first; p != last; ++p) {
        if (p->hyp >= from.hyp && p->hyp < to.hyp) part_chain.push_back({p->ref - from.ref, p->hyp - from.hyp});
      }
      const Ends ends{k == 0, k + 1 == parts.size()};
      parts[k] = AlignAtScale(ref_part, hyp_part, options, 1, part_chain, &samples, ends, kFullPartCells);
      for (MonolingualBead& b : parts[k].beads) {
        b.ref_begin += from.ref, b.ref_end += from.ref;
        b.hyp_begin += from.hyp, b.hyp_end += from.hyp;
      }
    });
  }
  RunEach(run_all, tasks);
  MonolingualAlignment result;
  for (const MonolingualAlignment& part : parts) {
    result.beads.insert(result.beads.end(), part.beads.begin(), part.beads.end());
  }
  TrimToCoverage(result, {});
  return result;
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
  const Level ref_level(reference, 1);
  Level hyp_level(hypothesis, 1);
  std::vector<SharedProfile> sample;
  std::vector<Candidate> candidates;
  int position = std::max(a.hyp_first, 0);  // where the path stands in the hypothesis
  for (size_t k = 0; k < a.beads.size(); ++k) {
    const MonolingualBead& b = a.beads[k];
    if (b.ref_begin != b.ref_end && b.hyp_begin != b.hyp_end) position = b.hyp_end;
    if (b.ref_end - b.ref_begin != 1 || b.hyp_begin != b.hyp_end) continue;
    if (b.ref_begin < ref_first || b.ref_begin > ref_last) continue;
    const bool heading = reference[static_cast<size_t>(b.ref_begin)].heading;
    std::optional<NgramProfile> r;
    double background = -1;
    for (int h = std::max(0, position - options.reorder_reach); h < std::min(m, position + options.reorder_reach);
         ++h) {
      if (paired[static_cast<size_t>(h)] || h < a.hyp_first || h > a.hyp_last ||
          hypothesis[static_cast<size_t>(h)].heading != heading || hypothesis[static_cast<size_t>(h)].duplicate) {
        continue;
      }
      if (!r) {
        r = ref_level.Build(b.ref_begin);
        if (sample.empty()) sample = BackgroundSample(hyp_level, options.background_sample);
        background = BackgroundOf(ProfileIndex(*r), sample);
      }
      const double similarity = hyp_level.Build(h).Similarity(*r);
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
                                      const MonolingualOptions& options, const RunAll& run_all) {
  MonolingualAlignment a = AlignInParts(reference, hypothesis, options, ChainIfLong(reference, hypothesis), run_all);
  PairReordered(a, reference, hypothesis, options);
  return a;
}

}  // namespace bitext::align
