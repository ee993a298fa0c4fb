#include "html_rows.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace bitext {
namespace {

// Why MT paragraph k of a comparison is in no official row.
const char* WhyUnmatched(const align::Comparison& c, size_t k, bool in_mt_only_row) {
  enum Reason { kDuplicate, kContents, kFurniture, kChinese, kAddition, kBeyond };  // kUnmatchedReasons' order
  const Paragraph* p = c.mt_paragraphs[k];
  Reason reason = in_mt_only_row ? kAddition : kBeyond;
  if (c.repeats.superseded[k])
    reason = kDuplicate;
  else if (p->kind == Kind::kToc)
    reason = kContents;
  else if (p->kind == Kind::kBoilerplate)
    reason = kFurniture;
  else if (p->lang == Lang::kZh)
    reason = kChinese;
  return kUnmatchedReasons[reason].tag;
}

using Unmatched = std::vector<std::pair<const Paragraph*, const char*>>;

// The official paragraph bead of each official paragraph.
class BeadIndex {
 public:
  explicit BeadIndex(const align::DocumentAlignment& official) {
    for (size_t b = 0; b < official.paragraphs.size(); ++b) {
      const align::Bead& bead = official.paragraphs[b];
      for (int i = bead.zh_begin; i < bead.zh_end; ++i) bead_of_[official.zh[static_cast<size_t>(i)]] = b;
      for (int e = bead.en_begin; e < bead.en_end; ++e) bead_of_[official.en[static_cast<size_t>(e)]] = b;
    }
  }

  // The official beads of a comparison row, as [first, last]; false for a
  // row of MT paragraphs only.
  bool RowBeads(const align::ComparisonRow& row, size_t* first, size_t* last) const {
    bool any = false;
    for (const auto* side : {&row.zh, &row.en}) {
      for (const Paragraph* p : *side) {
        const size_t b = bead_of_.at(p);
        *first = any ? std::min(*first, b) : b;
        *last = any ? std::max(*last, b) : b;
        any = true;
      }
    }
    return any;
  }

 private:
  std::unordered_map<const Paragraph*, size_t> bead_of_;
};

// One row per official bead, except that beads sharing a row in some
// comparison share a view row; row_of_bead maps each bead to its row.
std::vector<ViewRow> OfficialRows(const align::DocumentAlignment& official,
                                  const std::vector<const align::Comparison*>& comparisons, const BeadIndex& index,
                                  std::vector<size_t>* row_of_bead) {
  const size_t versions = comparisons.size();
  const size_t beads = official.paragraphs.size();
  // joined[b]: bead b shares a row with bead b - 1 in some comparison.
  std::vector<bool> joined(beads, false);
  for (const align::Comparison* c : comparisons) {
    for (const align::ComparisonRow& row : c->rows) {
      size_t first = 0, last = 0;
      if (!index.RowBeads(row, &first, &last)) continue;
      for (size_t b = first + 1; b <= last; ++b) joined[b] = true;
    }
  }
  row_of_bead->assign(beads, 0);
  std::vector<ViewRow> official_rows;
  for (size_t b = 0; b < beads; ++b) {
    if (official_rows.empty() || !joined[b]) official_rows.emplace_back().mt.resize(versions);
    (*row_of_bead)[b] = official_rows.size() - 1;
    ViewRow& row = official_rows.back();
    const align::Bead& bead = official.paragraphs[b];
    for (int i = bead.zh_begin; i < bead.zh_end; ++i) row.zh.push_back(official.zh[static_cast<size_t>(i)]);
    for (int e = bead.en_begin; e < bead.en_end; ++e) row.en.push_back(official.en[static_cast<size_t>(e)]);
    // A skip has no pairing to be unsure of; its empty side shows.
    if (bead.zh_size() > 0 && bead.en_size() > 0) row.confidence = std::min(row.confidence, bead.confidence);
  }
  return official_rows;
}

// Version k's rendering goes into the cells of its official rows; its
// other paragraphs wait in the gap after the official row they follow
// (gap 0 is before the first), which keeps every column in its order.
void PlaceVersion(const align::Comparison& c, size_t k, const BeadIndex& index, const std::vector<size_t>& row_of_bead,
                  std::vector<ViewRow>& official_rows, std::vector<std::vector<Unmatched>>& gaps) {
  std::unordered_map<const Paragraph*, size_t> official_row_of;
  std::unordered_set<const Paragraph*> mt_only;
  for (const align::ComparisonRow& row : c.rows) {
    size_t first = 0, last = 0;
    if (!index.RowBeads(row, &first, &last)) {
      mt_only.insert(row.mt.begin(), row.mt.end());
      continue;
    }
    const size_t r = row_of_bead[first];
    ViewCell& cell = official_rows[r].mt[k];
    cell.paragraphs.insert(cell.paragraphs.end(), row.mt.begin(), row.mt.end());
    if (!cell.first_row) cell.first_row = &row;
    cell.routes_agree = cell.routes_agree && row.routes_agree;
    cell.reordered = cell.reordered || row.reordered;
    for (const Paragraph* p : row.mt) official_row_of[p] = r;
  }
  size_t gap = 0;
  for (size_t i = 0; i < c.mt_paragraphs.size(); ++i) {
    const Paragraph* p = c.mt_paragraphs[i];
    if (auto it = official_row_of.find(p); it != official_row_of.end()) {
      gap = it->second + 1;
    } else {
      gaps[gap][k].emplace_back(p, WhyUnmatched(c, i, mt_only.count(p) > 0));
    }
  }
}

// Similarity of each cell to its row's official English (rows joined for
// another version hold more text than this version's own rows). A cell
// with the texts of its first comparison row has the row's similarity,
// when ScoreRows gave it one.
void ScoreCells(std::vector<ViewRow>& official_rows) {
  for (ViewRow& row : official_rows) {
    if (row.en.empty()) continue;
    for (ViewCell& cell : row.mt) {
      if (cell.paragraphs.empty()) continue;
      const align::ComparisonRow* scored = cell.first_row;
      const bool same_texts =
          scored && scored->similarity >= 0 && scored->mt == cell.paragraphs && scored->en == row.en;
      cell.similarity = same_texts ? scored->similarity : align::RowSimilarity(cell.paragraphs, row.en);
    }
  }
}

// The rows a gap takes: the versions' n-th unmatched paragraphs share one.
size_t GapHeight(const std::vector<Unmatched>& gap) {
  size_t height = 0;
  for (const Unmatched& u : gap) height = std::max(height, u.size());
  return height;
}

}  // namespace

ViewRows BuildViewRows(const align::DocumentAlignment& official,
                       const std::vector<const align::Comparison*>& comparisons) {
  const size_t versions = comparisons.size();
  const BeadIndex index(official);
  std::vector<size_t> row_of_bead;
  ViewRows rows;
  rows.versions_ = versions;
  rows.official_ = OfficialRows(official, comparisons, index, &row_of_bead);
  std::vector<std::vector<Unmatched>> gaps(rows.official_.size() + 1, std::vector<Unmatched>(versions));
  for (size_t k = 0; k < versions; ++k) PlaceVersion(*comparisons[k], k, index, row_of_bead, rows.official_, gaps);
  ScoreCells(rows.official_);

  size_t gap_rows = 0;
  for (const std::vector<Unmatched>& gap : gaps) gap_rows += GapHeight(gap);
  rows.order_.reserve(rows.official_.size() + gap_rows);
  rows.unmatched_.reserve(gap_rows * versions);
  // Each gap's rows, then the official row after it; the versions' n-th
  // unmatched paragraphs of a gap share a row.
  for (size_t r = 0; r < gaps.size(); ++r) {
    const std::vector<Unmatched>& gap = gaps[r];
    for (size_t n = 0; n < GapHeight(gap); ++n) {
      rows.order_.push_back(-1 - static_cast<int>(rows.unmatched_.size() / versions));
      for (const Unmatched& version : gap) {
        rows.unmatched_.push_back(n < version.size() ? UnmatchedCell{version[n].first, version[n].second}
                                                     : UnmatchedCell{});
      }
    }
    if (r < rows.official_.size()) rows.order_.push_back(static_cast<int>(r));
  }
  return rows;
}

}  // namespace bitext
