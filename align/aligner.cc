#include "aligner.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>

#include "confidence.h"
#include "sorted_unique.h"

namespace bitext::align {
namespace {

struct BeadShape {
  int zh, en;
};
// 2-3 and 3-2 are 1.1% of MAC-Dev's gold beads (literary translation); they
// pay the merge prior of every unit beyond one a side, as the others do.
constexpr BeadShape kShapes[] = {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {2, 2},
                                 {1, 3}, {3, 1}, {1, 4}, {4, 1}, {2, 3}, {3, 2}};
constexpr int kNarrowShapes = 5;
// Ranges longer than this (both sides together) are first aligned coarsely.
constexpr int kDirectUnits = 2000;
constexpr int kCoarseFactor = 8;
constexpr float kInfinity = std::numeric_limits<float>::infinity();

// Rows of the band: row i holds columns [lo[i], hi[i]].
struct Band {
  std::vector<int> lo, hi;
  std::vector<size_t> offset;  // start of row i in the flat arrays; offset[n + 1] is their size
  std::vector<float> cost;
  std::vector<uint8_t> back;  // index into kShapes
  // Soft minimum of the costs of all paths to each cell,
  // -T log sum exp(-cost / T) with T = kPathTemperature; empty when no
  // confidence is wanted. Double: the sums reach millions on long texts.
  std::vector<double> soft;
  // Without confidences: the cost of reaching each cell with each bead
  // shape (cell * shapes + shape), NaN until scored. A wider band takes
  // them from the band it replaces rather than scoring the beads again.
  std::vector<float> shape_cost;

  bool Contains(int i, int j) const { return j >= lo[static_cast<size_t>(i)] && j <= hi[static_cast<size_t>(i)]; }
  size_t At(int i, int j) const {
    return offset[static_cast<size_t>(i)] + static_cast<size_t>(j - lo[static_cast<size_t>(i)]);
  }
};

// The beads a sweep over the band asks for, scored a block of rows at a
// time before the sweep reads them (ScoringParts). A block too small to be
// worth a thread is scored in one part.
class BlockCosts {
 public:
  static constexpr int kRows = 64;

  BlockCosts(const BeadScorer& scorer, const ScoringParts& scoring) : scorer_(scorer), run_all_(scoring.run_all) {
    const int parts = run_all_ ? std::max(scoring.parts, 1) : 1;
    for (int p = 0; p < parts; ++p) scratches_.push_back(&scorer.PartScratch(static_cast<size_t>(p)));
  }

  // Scores, for each cell (i, j) of rows [first, last) and each shape s,
  // the bead that bead_of(i, j, s, &bead) gives; it returns false for none.
  template <class BeadOf>
  void Score(const Band& band, int first, int last, int shapes, BeadOf bead_of) {
    first_cell_ = band.offset[static_cast<size_t>(first)];
    shapes_ = static_cast<size_t>(shapes);
    const size_t cells = band.offset[static_cast<size_t>(last)] - first_cell_;
    costs_.assign(cells * shapes_, std::numeric_limits<double>::quiet_NaN());
    const int parts = cells >= kMinCellsToSplit ? static_cast<int>(scratches_.size()) : 1;
    std::vector<std::function<void()>> tasks;
    for (int p = 0; p < parts; ++p) {
      const int begin = first + (last - first) * p / parts, end = first + (last - first) * (p + 1) / parts;
      tasks.push_back([this, &band, &bead_of, shapes, begin, end, p] {
        BeadScorer::Scratch& scratch = *scratches_[static_cast<size_t>(p)];
        for (int i = begin; i < end; ++i) {
          for (int j = band.lo[static_cast<size_t>(i)]; j <= band.hi[static_cast<size_t>(i)]; ++j) {
            double* cell = &costs_[(band.At(i, j) - first_cell_) * shapes_];
            for (int s = 0; s < shapes; ++s) {
              int bead[4];  // zh_begin, zh_end, en_begin, en_end
              if (bead_of(i, j, s, bead)) cell[s] = scorer_.Cost(bead[0], bead[1], bead[2], bead[3], scratch);
            }
          }
        }
      });
    }
    if (parts == 1) {
      tasks.front()();
    } else {
      RunEach(run_all_, tasks);
    }
  }

  // The cost scored for a cell (its index in the band's arrays) and shape.
  double At(size_t cell, int shape) const {
    return costs_[(cell - first_cell_) * shapes_ + static_cast<size_t>(shape)];
  }

 private:
  static constexpr size_t kMinCellsToSplit = 256;

  const BeadScorer& scorer_;
  RunAll run_all_;
  std::vector<BeadScorer::Scratch*> scratches_;  // one per part, the scorer's
  std::vector<double> costs_;                   // of the block's cells, cell * shapes + shape
  size_t first_cell_ = 0, shapes_ = 0;
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

// The units [begin + starts[b], begin + starts[b + 1]) of each block merged
// into one unit.
std::vector<AlignUnit> Coarsen(const std::vector<AlignUnit>& units, int begin, const std::vector<int>& starts) {
  std::vector<AlignUnit> coarse;
  coarse.reserve(starts.size());
  for (size_t b = 0; b + 1 < starts.size(); ++b) {
    AlignUnit block;
    for (int k = starts[b]; k < starts[b + 1]; ++k) {
      const AlignUnit& u = units[static_cast<size_t>(begin + k)];
      block.length += u.length;
      block.numbers.insert(block.numbers.end(), u.numbers.begin(), u.numbers.end());
      block.latin.insert(block.latin.end(), u.latin.begin(), u.latin.end());
      block.words.insert(block.words.end(), u.words.begin(), u.words.end());
      block.mt_stems.insert(block.mt_stems.end(), u.mt_stems.begin(), u.mt_stems.end());
    }
    block.mt_stems = SortedUnique(std::move(block.mt_stems));
    std::sort(block.numbers.begin(), block.numbers.end());  // a multiset
    block.latin = SortedUnique(std::move(block.latin));
    coarse.push_back(std::move(block));
  }
  return coarse;
}

// Block starts of both sides (each ending with the side's size): Chinese
// blocks of kCoarseFactor units, English blocks cut where the length
// diagonal crosses the Chinese cuts. Blocks of equal unit counts would pair
// unequal text wherever one side has more, shorter paragraphs (a list
// split into items); every 1-1 coarse bead would then pay the capped
// length cost, length would no longer steer the coarse path, and on a text
// that repeats itself (where every block shares its words with every other)
// the path drifts by whole copies.
void BlockStarts(const std::vector<int>& diagonal, int n, int m, std::vector<int>* zh_starts,
                 std::vector<int>* en_starts) {
  zh_starts->push_back(0);
  en_starts->push_back(0);
  for (int r = kCoarseFactor; r < n; r += kCoarseFactor) {
    zh_starts->push_back(r);
    // An English cut equal to the previous one would make an empty block.
    const int col = diagonal[static_cast<size_t>(r)];
    if (col > en_starts->back() && col < m) en_starts->push_back(col);
  }
  if (n > 0) zh_starts->push_back(n);
  if (m > 0) en_starts->push_back(m);
}

std::vector<Bead> AlignWithCenter(const BeadScorer& scorer, int zh_begin, int zh_end, int en_begin, int en_end,
                                  int band_width, bool wide_beads, const std::vector<int>& center, bool with_confidence,
                                  const ScoringParts& scoring);

// The path the search band follows. Short ranges use the length diagonal.
// Long ones are aligned first at a coarse scale (blocks of kCoarseFactor
// units, recursively) and the band follows that path: the diagonal drifts
// from the true path by about the square root of the length, which would
// make the band, and the time, grow faster than the text.
std::vector<int> CenterPath(const BeadScorer& scorer, int zh_begin, int n, int en_begin, int m, int band_width,
                            bool wide_beads, const ScoringParts& scoring) {
  if (n + m <= kDirectUnits) return LengthDiagonal(scorer, zh_begin, n, en_begin, m);
  std::vector<int> zh_starts, en_starts;
  BlockStarts(LengthDiagonal(scorer, zh_begin, n, en_begin, m), n, m, &zh_starts, &en_starts);
  const std::vector<AlignUnit> zh = Coarsen(scorer.zh(), zh_begin, zh_starts);
  const std::vector<AlignUnit> en = Coarsen(scorer.en(), en_begin, en_starts);
  const BeadScorer coarse(zh, en, scorer.space(), scorer.length_model(), scorer.weights());
  const int cn = static_cast<int>(zh.size()), cm = static_cast<int>(en.size());
  const std::vector<Bead> beads =
      AlignWithCenter(coarse, 0, cn, 0, cm, band_width, wide_beads,
                      CenterPath(coarse, 0, cn, 0, cm, band_width, wide_beads, scoring), false, scoring);
  // Each coarse bead maps its block of rows linearly onto its block of columns.
  std::vector<int> center(static_cast<size_t>(n) + 1, m);
  for (const Bead& b : beads) {
    const int row0 = zh_starts[static_cast<size_t>(b.zh_begin)], row1 = zh_starts[static_cast<size_t>(b.zh_end)];
    const int col0 = en_starts[static_cast<size_t>(b.en_begin)], col1 = en_starts[static_cast<size_t>(b.en_end)];
    for (int r = row0; r < row1; ++r) {
      center[static_cast<size_t>(r)] =
          col0 + static_cast<int>(static_cast<int64_t>(r - row0) * (col1 - col0) / (row1 - row0));
    }
  }
  center[0] = 0;
  return center;
}

Band MakeBand(const std::vector<int>& center, int n, int m, const std::vector<int>& half_widths, bool soft,
              int shapes) {
  Band band;
  band.lo.resize(static_cast<size_t>(n) + 1);
  band.hi.resize(static_cast<size_t>(n) + 1);
  band.offset.resize(static_cast<size_t>(n) + 2);
  size_t total = 0;
  for (int i = 0; i <= n; ++i) {
    const int c = center[static_cast<size_t>(i)], w = half_widths[static_cast<size_t>(i)];
    int lo = std::max(0, c - w), hi = std::min(m, c + w);
    if (i == 0) lo = 0;
    if (i == n) hi = m;
    band.lo[static_cast<size_t>(i)] = lo;
    band.hi[static_cast<size_t>(i)] = hi;
    band.offset[static_cast<size_t>(i)] = total;
    total += static_cast<size_t>(hi - lo + 1);
  }
  band.offset[static_cast<size_t>(n) + 1] = total;
  band.cost.assign(total, kInfinity);
  band.back.assign(total, 0);
  if (soft) {
    band.soft.assign(total, kInfinity);
  } else {
    band.shape_cost.assign(total * static_cast<size_t>(shapes), std::numeric_limits<float>::quiet_NaN());
  }
  return band;
}

}  // namespace

std::vector<Bead> AlignRange(const BeadScorer& scorer, int zh_begin, int zh_end, int en_begin, int en_end,
                             int band_width, bool wide_beads, bool with_confidence, const std::vector<int>* center,
                             const ScoringParts& scoring) {
  const int n = zh_end - zh_begin, m = en_end - en_begin;
  if (center) {
    if (center->size() != static_cast<size_t>(n) + 1 || center->front() != 0 || center->back() != m ||
        !std::is_sorted(center->begin(), center->end())) {
      throw std::invalid_argument("AlignRange: the center path must run from 0 to m, never decreasing");
    }
    return AlignWithCenter(scorer, zh_begin, zh_end, en_begin, en_end, band_width, wide_beads, *center, with_confidence,
                           scoring);
  }
  return AlignWithCenter(scorer, zh_begin, zh_end, en_begin, en_end, band_width, wide_beads,
                         CenterPath(scorer, zh_begin, n, en_begin, m, band_width, wide_beads, scoring), with_confidence,
                         scoring);
}

namespace {

// -T log sum exp(-x / T) of the values added, T = kPathTemperature: the
// soft minimum that sums the weights of all paths instead of keeping the
// best one's.
class SoftMin {
 public:
  void Clear() { count_ = 0; }
  void Add(double x) { values_[count_++] = x; }
  double Value() const {
    if (count_ == 0) return kInfinity;
    const double lowest = *std::min_element(values_, values_ + count_);
    double sum = 0;
    for (int k = 0; k < count_; ++k) sum += std::exp(-(values_[k] - lowest) / kPathTemperature);
    return lowest - kPathTemperature * std::log(sum);
  }

 private:
  double values_[std::size(kShapes) + 1];
  int count_ = 0;
};

// Fills the band's cost and back-pointer tables for zh units from
// zh_begin and en units from en_begin, with the first `shapes` bead shapes.
// `narrower`: the band this one widens, whose scored beads are taken as
// they are (none when its shape_cost is empty).
void FillBand(BlockCosts& costs, int zh_begin, int en_begin, int shapes, Band& band, const Band& narrower) {
  const int n = static_cast<int>(band.lo.size()) - 1;
  const bool soft = !band.soft.empty();
  const bool keep = !band.shape_cost.empty();
  const bool reuse = !narrower.shape_cost.empty();
  const size_t stride = static_cast<size_t>(shapes);
  // The cost the narrower band added for the bead ending at (i, j) with
  // shape s, or null.
  auto scored = [&](int i, int j, int s) -> const float* {
    if (!reuse || !narrower.Contains(i, j)) return nullptr;
    const float* cost = &narrower.shape_cost[narrower.At(i, j) * stride + static_cast<size_t>(s)];
    return std::isnan(*cost) ? nullptr : cost;
  };
  auto predecessor = [&](int i, int j, int s) {
    const int pi = i - kShapes[s].zh, pj = j - kShapes[s].en;
    return (i > 0 || j > 0) && pi >= 0 && pj >= 0 && band.Contains(pi, pj);
  };
  band.cost[band.At(0, 0)] = 0;
  if (soft) band.soft[band.At(0, 0)] = 0;
  SoftMin soft_min;
  for (int first = 0; first <= n; first += BlockCosts::kRows) {
    const int last = std::min(n + 1, first + BlockCosts::kRows);
    costs.Score(band, first, last, shapes, [&](int i, int j, int s, int* bead) {
      if (!predecessor(i, j, s) || scored(i, j, s)) return false;
      bead[0] = zh_begin + i - kShapes[s].zh, bead[1] = zh_begin + i;
      bead[2] = en_begin + j - kShapes[s].en, bead[3] = en_begin + j;
      return true;
    });
    for (int i = first; i < last; ++i) {
      for (int j = band.lo[static_cast<size_t>(i)]; j <= band.hi[static_cast<size_t>(i)]; ++j) {
        if (i == 0 && j == 0) continue;
        float best = kInfinity;
        uint8_t best_shape = 0;
        soft_min.Clear();
        const size_t cell = band.At(i, j);
        for (int s = 0; s < shapes; ++s) {
          if (!predecessor(i, j, s)) continue;
          const int pi = i - kShapes[s].zh, pj = j - kShapes[s].en;
          const float before = band.cost[band.At(pi, pj)];
          if (before == kInfinity) continue;
          double cost;
          if (const float* taken = scored(i, j, s)) {
            cost = *taken;  // the float the narrower band added, so the totals are the same
          } else {
            cost = costs.At(cell, s);
            if (keep) cost = static_cast<float>(cost);
          }
          if (keep) band.shape_cost[cell * stride + static_cast<size_t>(s)] = static_cast<float>(cost);
          if (soft) soft_min.Add(band.soft[band.At(pi, pj)] + cost);
          const float total = before + static_cast<float>(cost);
          if (total < best) {
            best = total;
            best_shape = static_cast<uint8_t>(s);
          }
        }
        band.cost[cell] = best;
        band.back[cell] = best_shape;
        if (soft) band.soft[cell] = soft_min.Value();
      }
    }
  }
}

// The beads of the band's best path to (n, m), last first, and the rows
// where that path comes within a cell of the band's edge.
std::vector<Bead> TraceBand(const Band& band, int n, int m, int zh_begin, int en_begin,
                            std::vector<int>* touched_rows) {
  std::vector<Bead> beads;
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
      if ((band.lo[r] > 0 && j <= band.lo[r] + 1) || (band.hi[r] < m && j >= band.hi[r] - 1)) {
        touched_rows->push_back(i);
      }
    }
  }
  return beads;
}

// The posterior probability of each bead of the best path (`beads`, in
// order) when a path of cost C through the band has weight
// exp(-C / kPathTemperature): the weight of the paths that use the bead over
// the weight of all. A backward pass gives the soft minimum from each cell
// to the end; it keeps only the rows a bead can reach and the
// values at the path's cells, which it meets in the order it visits them.
std::vector<double> PathPosteriors(BlockCosts& costs, int zh_begin, int en_begin, int shapes, const Band& band,
                                   const std::vector<Bead>& beads) {
  const int n = static_cast<int>(band.lo.size()) - 1;
  const int m = band.hi[static_cast<size_t>(n)];
  constexpr int kRing = 5;  // a bead spans at most 4 rows
  std::vector<std::vector<double>> ring(kRing);
  auto after = [&](int i, int j) {
    return ring[static_cast<size_t>(i % kRing)][static_cast<size_t>(j - band.lo[static_cast<size_t>(i)])];
  };
  // The path's cells, last first, and the soft minimum from each to the end.
  std::vector<std::pair<int, int>> cells;
  for (const Bead& b : beads) cells.emplace_back(b.zh_begin - zh_begin, b.en_begin - en_begin);
  cells.emplace_back(n, m);
  std::reverse(cells.begin(), cells.end());
  std::vector<double> to_end(cells.size(), kInfinity);
  size_t next_cell = 0;
  SoftMin soft_min;
  auto successor = [&](int i, int j, int s) {
    const int ni = i + kShapes[s].zh, nj = j + kShapes[s].en;
    return ni <= n && nj <= m && band.Contains(ni, nj);
  };
  for (int last = n + 1; last > 0; last -= BlockCosts::kRows) {
    const int first = std::max(0, last - BlockCosts::kRows);
    costs.Score(band, first, last, shapes, [&](int i, int j, int s, int* bead) {
      if (!successor(i, j, s)) return false;
      bead[0] = zh_begin + i, bead[1] = zh_begin + i + kShapes[s].zh;
      bead[2] = en_begin + j, bead[3] = en_begin + j + kShapes[s].en;
      return true;
    });
    for (int i = last - 1; i >= first; --i) {
      std::vector<double>& row = ring[static_cast<size_t>(i % kRing)];
      const int lo = band.lo[static_cast<size_t>(i)], hi = band.hi[static_cast<size_t>(i)];
      row.assign(static_cast<size_t>(hi - lo + 1), kInfinity);
      for (int j = hi; j >= lo; --j) {
        soft_min.Clear();
        if (i == n && j == m) soft_min.Add(0);
        for (int s = 0; s < shapes; ++s) {
          if (!successor(i, j, s)) continue;
          const double rest = after(i + kShapes[s].zh, j + kShapes[s].en);
          if (rest == kInfinity) continue;
          soft_min.Add(rest + costs.At(band.At(i, j), s));
        }
        row[static_cast<size_t>(j - lo)] = soft_min.Value();
        if (next_cell < cells.size() && cells[next_cell] == std::make_pair(i, j)) {
          to_end[next_cell++] = row[static_cast<size_t>(j - lo)];
        }
      }
    }
  }
  const double all = band.soft[band.At(n, m)];
  std::vector<double> posteriors;
  posteriors.reserve(beads.size());
  for (size_t k = 0; k < beads.size(); ++k) {
    const Bead& b = beads[k];
    const double before = band.soft[band.At(b.zh_begin - zh_begin, b.en_begin - en_begin)];
    const double rest = to_end[cells.size() - 2 - k];  // the cell where bead k ends
    const double weight = before + b.cost + rest - all;
    posteriors.push_back(std::clamp(std::exp(-weight / kPathTemperature), 0.0, 1.0));
  }
  return posteriors;
}

// Each round recomputes the whole band, so widen generously (four times,
// over a long stretch) to need few rounds.
std::vector<int> WidenAround(const std::vector<int>& half_widths, const std::vector<int>& touched_rows, int n) {
  std::vector<int> widened = half_widths;
  for (int row : touched_rows) {
    const int w = half_widths[static_cast<size_t>(row)];
    const int reach = 16 * w;  // rows around the touch move with it
    for (int r = std::max(0, row - reach); r <= std::min(n, row + reach); ++r) {
      widened[static_cast<size_t>(r)] = std::max(widened[static_cast<size_t>(r)], 4 * w);
    }
  }
  return widened;
}

std::vector<Bead> AlignWithCenter(const BeadScorer& scorer, int zh_begin, int zh_end, int en_begin, int en_end,
                                  int band_width, bool wide_beads, const std::vector<int>& center, bool with_confidence,
                                  const ScoringParts& scoring) {
  const int shapes = wide_beads ? static_cast<int>(std::size(kShapes)) : kNarrowShapes;
  const int n = zh_end - zh_begin, m = en_end - en_begin;
  // Rows where the best path comes near the band's edge get a wider band,
  // and their neighbourhood too; the rest keeps its width, so one hard
  // passage does not widen the whole text.
  std::vector<int> half_widths(static_cast<size_t>(n) + 1, std::max(band_width, 4));
  // The band before the last widening, kept only for its scored beads: a
  // band with confidences has none and is let go.
  Band narrower;
  auto widen_from = [&narrower](Band& band) { narrower = band.shape_cost.empty() ? Band() : std::move(band); };
  BlockCosts costs(scorer, scoring);
  while (true) {
    Band band = MakeBand(center, n, m, half_widths, with_confidence, shapes);
    FillBand(costs, zh_begin, en_begin, shapes, band, narrower);
    narrower = Band();
    if (band.cost[band.At(n, m)] == kInfinity) {
      for (int& w : half_widths) w *= 2;
      widen_from(band);
      continue;
    }
    std::vector<int> touched_rows;
    std::vector<Bead> beads = TraceBand(band, n, m, zh_begin, en_begin, &touched_rows);
    const int widest = *std::max_element(half_widths.begin(), half_widths.end());
    const bool whole_table = widest >= std::max(n, m);
    if (touched_rows.empty() || whole_table) {
      std::reverse(beads.begin(), beads.end());
      for (Bead& b : beads) {
        b.cost = scorer.Cost(b.zh_begin, b.zh_end, b.en_begin, b.en_end, &b.evidence);
        b.fit = scorer.Fit(b.zh_begin, b.zh_end, b.en_begin, b.en_end);
      }
      if (with_confidence) {
        const std::vector<double> posteriors = PathPosteriors(costs, zh_begin, en_begin, shapes, band, beads);
        for (size_t k = 0; k < beads.size(); ++k) {
          Bead& b = beads[k];
          b.posterior = posteriors[k];
          // A unit left unaligned is scored as no pairing at all.
          b.confidence = b.zh_size() > 0 && b.en_size() > 0 ? CalibratedConfidence(b.posterior, scorer.has_mt()) : 0;
        }
      }
      return beads;
    }
    half_widths = WidenAround(half_widths, touched_rows, n);
    widen_from(band);
  }
}

// The path of `beads` (all of n Chinese and m English units, in order) as
// a band's center: each bead maps its rows linearly onto its columns.
std::vector<int> PathOf(const std::vector<Bead>& beads, int n, int m) {
  std::vector<int> center(static_cast<size_t>(n) + 1, m);
  for (const Bead& b : beads) {
    for (int r = b.zh_begin; r < b.zh_end; ++r) {
      center[static_cast<size_t>(r)] =
          b.en_begin + static_cast<int>(static_cast<int64_t>(r - b.zh_begin) * b.en_size() / b.zh_size());
    }
  }
  center[0] = 0;
  return center;
}

// The center of a band over n x m units: the caller's, else the path of
// an earlier pass over a long text (where it saves aligning the text at a
// coarse scale again, and lies as close to the answer), else none (the
// coarse path, or a short text's length diagonal, which costs nothing and
// keeps an earlier pass's mistakes out of the band's reach).
const std::vector<int>* CenterOf(const AlignerOptions& options, int n, int m, const std::vector<int>* earlier_path) {
  if (options.center) return options.center;
  return n + m > kDirectUnits ? earlier_path : nullptr;
}

}  // namespace

bool Reestimate(const std::vector<Bead>& beads, const std::vector<AlignUnit>& zh, const std::vector<AlignUnit>& en,
                LengthModel* length, Weights* weights) {
  std::vector<double> zh_lengths, en_lengths, lexical, mt;
  for (const Bead& b : beads) {
    if (b.zh_size() == 1 && b.en_size() == 1 && b.fit >= 0.5) {
      zh_lengths.push_back(zh[static_cast<size_t>(b.zh_begin)].length);
      en_lengths.push_back(en[static_cast<size_t>(b.en_begin)].length);
      if (b.evidence.lexical >= 0) lexical.push_back(b.evidence.lexical);
      if (b.evidence.mt >= 0) mt.push_back(b.evidence.mt);
    }
  }
  if (zh_lengths.size() < 5) return false;
  *length = LengthModel::FromPairs(zh_lengths, en_lengths);
  auto median = [](std::vector<double>& values) {
    auto middle = values.begin() + static_cast<long>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return std::clamp(*middle, 0.15, 0.9);
  };
  if (lexical.size() >= 5) weights->typical_lexical = median(lexical);
  if (mt.size() >= 5) weights->typical_mt = median(mt);
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
  if (options.earlier) {
    std::vector<Bead> earlier = *options.earlier;
    {  // gone before the next scorer is built: one scorer's memory at a time
      const BeadScorer rescore(zh, en, space, length, weights);
      for (Bead& b : earlier) {
        b.cost = rescore.Cost(b.zh_begin, b.zh_end, b.en_begin, b.en_end, &b.evidence);
        b.fit = rescore.Fit(b.zh_begin, b.zh_end, b.en_begin, b.en_end);
      }
    }
    Reestimate(earlier, zh, en, &length, &weights);
    const std::vector<int> path = PathOf(earlier, n, m);
    return AlignRange(BeadScorer(zh, en, space, length, weights), 0, n, 0, m, options.band, options.wide_beads,
                      options.confidence, CenterOf(options, n, m, &path), options.scoring);
  }
  // Later passes start from the length model and typical similarity of the
  // one before. Only the last pass's beads are returned, so only it needs
  // confidences (a second sweep over the band).
  const int passes = std::max(options.passes, 1);
  std::vector<Bead> beads;
  std::vector<int> path;  // the pass before's, for the band of the next
  for (int pass = 0;; ++pass) {
    const BeadScorer scorer(zh, en, space, length, weights);
    const bool last = pass + 1 >= passes;
    const std::vector<int>* center = CenterOf(options, n, m, pass > 0 ? &path : nullptr);
    beads = AlignRange(scorer, 0, n, 0, m, options.band, options.wide_beads, options.confidence && last, center,
                       options.scoring);
    if (last) break;
    if (!Reestimate(beads, zh, en, &length, &weights)) {  // no next pass after all
      if (options.confidence) {
        beads = AlignRange(scorer, 0, n, 0, m, options.band, options.wide_beads, true, center, options.scoring);
      }
      break;
    }
    path = PathOf(beads, n, m);
  }
  return beads;
}

}  // namespace bitext::align
