#include "comparison.h"

#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace bitext::align {
namespace {

MonolingualUnit UnitOf(const Paragraph& p, bool duplicate = false) {
  return MonolingualUnit(p.text, p.kind == Kind::kHeading, duplicate);
}

// A repeat both of whose copies render the official text, each for at
// least half its paragraphs, repeats what the official text repeats: it is
// not the MT's doing and is dropped. Superseded copies are then those of
// the repeats kept, less any paragraph the alignment pairs.
void KeepRepeatsTheOfficialTextLacks(Comparison& c, const Document& mt) {
  std::vector<bool> paired(c.mt_paragraphs.size(), false);
  for (const MonolingualBead& b : c.mt_alignment.beads) {
    if (b.ref_begin == b.ref_end) continue;
    for (int h = b.hyp_begin; h < b.hyp_end; ++h) {
      paired[static_cast<size_t>(c.mt_aligned[static_cast<size_t>(h)] - mt.paragraphs.data())] = true;
    }
  }
  auto renders = [&](int begin, int end) {
    int count = 0;
    for (int k = begin; k < end; ++k) count += paired[static_cast<size_t>(k)];
    return 2 * count >= end - begin;
  };
  std::erase_if(c.repeats.repeats, [&](const Repeat& r) {
    return renders(r.original_begin, r.original_end) && renders(r.repeat_begin, r.repeat_end);
  });
  c.repeats.superseded = Superseded(c.repeats.repeats, static_cast<int>(c.mt_paragraphs.size()));
  for (size_t k = 0; k < paired.size(); ++k) {
    if (paired[k]) c.repeats.superseded[k] = false;
  }
}

// Joins the Chinese-English beads with the English-MT beads into rows, in
// order. Official beads whose English shares an MT bead become one row; MT
// paragraphs matched to no official paragraph get rows of their own.
std::vector<ComparisonRow> JoinRows(const Comparison& c) {
  std::vector<int> mt_bead_of_en(c.official.en.size(), -1);
  for (size_t k = 0; k < c.mt_alignment.beads.size(); ++k) {
    const MonolingualBead& b = c.mt_alignment.beads[k];
    for (int e = b.ref_begin; e < b.ref_end; ++e) mt_bead_of_en[static_cast<size_t>(e)] = static_cast<int>(k);
  }
  std::vector<ComparisonRow> rows;
  std::set<int> row_beads;  // MT beads already in the current row
  size_t next_bead = 0;
  auto add_mt = [&](ComparisonRow& row, int k) {
    const MonolingualBead& b = c.mt_alignment.beads[static_cast<size_t>(k)];
    for (int h = b.hyp_begin; h < b.hyp_end; ++h) row.mt.push_back(c.mt_aligned[static_cast<size_t>(h)]);
    row.reordered |= b.reordered;
  };
  auto flush_mt_only = [&](size_t until) {
    for (; next_bead < until; ++next_bead) {
      const MonolingualBead& b = c.mt_alignment.beads[next_bead];
      if (b.ref_begin != b.ref_end || b.hyp_begin == b.hyp_end) continue;
      ComparisonRow row;
      add_mt(row, static_cast<int>(next_bead));
      rows.push_back(std::move(row));
      row_beads.clear();
    }
  };
  for (const Bead& ob : c.official.paragraphs) {
    std::set<int> beads;
    for (int e = ob.en_begin; e < ob.en_end; ++e) {
      if (mt_bead_of_en[static_cast<size_t>(e)] >= 0) beads.insert(mt_bead_of_en[static_cast<size_t>(e)]);
    }
    if (!beads.empty()) flush_mt_only(static_cast<size_t>(*beads.begin()));
    bool shares = false;
    for (int k : beads) shares |= row_beads.count(k) > 0;
    if (!shares || rows.empty()) {
      rows.emplace_back();
      row_beads.clear();
    }
    ComparisonRow& row = rows.back();
    for (int i = ob.zh_begin; i < ob.zh_end; ++i) row.zh.push_back(c.official.zh[static_cast<size_t>(i)]);
    for (int e = ob.en_begin; e < ob.en_end; ++e) row.en.push_back(c.official.en[static_cast<size_t>(e)]);
    // MT paragraphs matched to nothing between the row's own (a comment
    // slipped between a label and its description) stay in the row, in
    // order, where the omission and addition checks see them.
    // A copy of repeated text is not one: the duplicated-section check has it.
    auto mt_only = [&](int k) {
      const MonolingualBead& b = c.mt_alignment.beads[static_cast<size_t>(k)];
      if (b.ref_begin != b.ref_end || b.hyp_begin == b.hyp_end) return false;
      for (int h = b.hyp_begin; h < b.hyp_end; ++h) {
        const size_t index = static_cast<size_t>(c.mt_aligned[static_cast<size_t>(h)] - c.mt_paragraphs.front());
        if (c.repeats.superseded[index]) return false;
      }
      return true;
    };
    // Only short gaps are looked into: a row whose MT beads lie far apart
    // (reordered text) costs no scan of what lies between.
    constexpr int kMaxGap = 4;
    int previous = -1;
    for (int k : beads) {
      if (previous >= 0 && k - previous - 1 <= kMaxGap) {
        for (int gap = previous + 1; gap < k; ++gap) {
          if (mt_only(gap) && row_beads.insert(gap).second) add_mt(row, gap);
        }
      }
      if (row_beads.insert(k).second) add_mt(row, k);
      next_bead = std::max(next_bead, static_cast<size_t>(k) + 1);
      previous = k;
    }
  }
  flush_mt_only(c.mt_alignment.beads.size());
  return rows;
}

std::string JoinedText(const std::vector<const Paragraph*>& paragraphs) {
  std::string text;
  for (const Paragraph* p : paragraphs) text += (text.empty() ? "" : " ") + p->text;
  return text;
}

// Where the rows put each official Chinese paragraph among `mt_used` (the
// MT paragraphs of the rows with Chinese, in row order): the path of the
// route through the official English, for the direct route's band to follow.
std::vector<int> RowsPath(const Comparison& c, size_t mt_used) {
  std::unordered_map<const Paragraph*, size_t> zh_index;
  for (size_t i = 0; i < c.official.zh.size(); ++i) zh_index.emplace(c.official.zh[i], i);
  std::vector<int> path(c.official.zh.size() + 1, -1);
  int column = 0;
  for (const ComparisonRow& row : c.rows) {
    if (row.zh.empty()) continue;
    for (size_t k = 0; k < row.zh.size(); ++k) {
      const auto at = zh_index.find(row.zh[k]);
      // A row of several paragraphs spreads its MT over them evenly.
      if (at != zh_index.end()) path[at->second] = column + static_cast<int>(k * row.mt.size() / row.zh.size());
    }
    column += static_cast<int>(row.mt.size());
  }
  path.front() = 0;
  path.back() = static_cast<int>(mt_used);
  for (size_t i = 1; i < path.size(); ++i) path[i] = std::max(path[i], path[i - 1]);
  return path;
}

}  // namespace

void CheckRoutes(Comparison& c, const Lexicon* lexicon, const AlignerOptions& options) {
  std::vector<const Paragraph*> mt_used;
  for (const ComparisonRow& row : c.rows) {
    if (!row.zh.empty()) mt_used.insert(mt_used.end(), row.mt.begin(), row.mt.end());
  }
  if (mt_used.empty() || c.official.zh.empty()) return;
  // Only the pairs are read: the confidences' extra sweep over the band
  // would change none of them. The band follows the route through the
  // official English, and widens where the direct path leaves it: a
  // disagreement is still found, without a coarse alignment of the texts
  // first or a band widened around every paragraph the MT leaves out.
  AlignerOptions pairs_only = options;
  pairs_only.confidence = false;
  const std::vector<int> rows_path = RowsPath(c, mt_used.size());
  pairs_only.center = &rows_path;
  const DocumentAlignment direct = AlignDocuments(c.official.zh, mt_used, lexicon, pairs_only, false);
  std::set<std::pair<const Paragraph*, const Paragraph*>> pairs;  // (zh, mt)
  for (const Bead& b : direct.paragraphs) {
    for (int i = b.zh_begin; i < b.zh_end; ++i) {
      for (int j = b.en_begin; j < b.en_end; ++j) {
        pairs.emplace(direct.zh[static_cast<size_t>(i)], direct.en[static_cast<size_t>(j)]);
      }
    }
  }
  for (ComparisonRow& row : c.rows) {
    if (row.zh.empty() || row.mt.empty()) continue;
    bool agree = false;
    for (const Paragraph* z : row.zh) {
      for (const Paragraph* m : row.mt) agree |= pairs.count({z, m}) > 0;
    }
    row.routes_agree = agree;
  }
}

Comparison CompareWithOfficial(const std::vector<const Paragraph*>& zh, const std::vector<const Paragraph*>& en,
                               const Document& mt, const Lexicon* lexicon, const AlignerOptions& options,
                               const Document* titles) {
  return CompareWithOfficial(AlignDocuments(zh, en, lexicon, options, false), mt, lexicon, options, titles);
}

Comparison CompareWithOfficial(const DocumentAlignment& official, const Document& mt, const Lexicon* lexicon,
                               const AlignerOptions& options, const Document* titles) {
  Comparison c = MatchMachineTranslation(official.en, mt);
  JoinWithOfficial(c, official);
  ScoreRows(c);
  CheckRoutes(c, lexicon, options);
  CompareMtOutlines(c, titles);
  return c;
}

Comparison MatchMachineTranslation(const std::vector<const Paragraph*>& en, const Document& mt,
                                   const RunAll& run_all) {
  Comparison c;
  c.official.en = en;
  std::vector<std::string_view> texts;
  texts.reserve(mt.paragraphs.size());
  c.mt_paragraphs.reserve(mt.paragraphs.size());
  for (const Paragraph& p : mt.paragraphs) {
    c.mt_paragraphs.push_back(&p);
    texts.push_back(p.text);
  }
  c.repeats = FindRepeats(texts);
  // Superseded copies are aligned too, as duplicates: the official text
  // may repeat itself where the MT does.
  std::vector<MonolingualUnit> official_units, mt_units;
  for (const Paragraph* p : en) official_units.push_back(UnitOf(*p));
  for (size_t k = 0; k < c.mt_paragraphs.size(); ++k) {
    const Paragraph* p = c.mt_paragraphs[k];
    if (p->kind == Kind::kToc || p->kind == Kind::kBoilerplate || p->lang == Lang::kZh) continue;
    c.mt_aligned.push_back(p);
    mt_units.push_back(UnitOf(*p, c.repeats.superseded[k]));
  }
  c.mt_alignment = AlignMonolingual(official_units, mt_units, {}, run_all);
  KeepRepeatsTheOfficialTextLacks(c, mt);
  return c;
}

void JoinWithOfficial(Comparison& c, const DocumentAlignment& official) {
  if (official.en != c.official.en) {
    throw std::logic_error("JoinWithOfficial: the official alignment is not of the English the MT was matched with");
  }
  // The paragraph beads only: no comparison reads the official sentences.
  c.official.zh = official.zh;
  c.official.paragraphs = official.paragraphs;
  c.rows = JoinRows(c);
  for (const ComparisonRow& row : c.rows) {
    if (!row.en.empty() && !row.mt.empty()) c.en_rendered += static_cast<int>(row.en.size());
  }
}

void ScoreRows(Comparison& c) {
  for (ComparisonRow& row : c.rows) {
    if (row.en.empty() || row.mt.empty()) continue;
    row.similarity = RowSimilarity(row.mt, row.en);
  }
}

double RowSimilarity(const std::vector<const Paragraph*>& mt, const std::vector<const Paragraph*>& en) {
  return NgramProfile(JoinedText(mt)).Similarity(NgramProfile(JoinedText(en)));
}

void CompareMtOutlines(Comparison& c, const Document* titles) {
  // Outlines of the copy that was aligned.
  std::vector<const Paragraph*> kept;
  for (size_t k = 0; k < c.mt_paragraphs.size(); ++k) {
    if (!c.repeats.superseded[k]) kept.push_back(c.mt_paragraphs[k]);
  }
  const std::vector<const Paragraph*> body = Headings(kept, false);
  // A text without a table of contents has nothing to hold its headings to.
  const std::vector<const Paragraph*> toc = Headings(kept, true);
  if (!toc.empty()) c.toc_vs_body = CompareOutlines(toc, body);
  if (titles != nullptr) {
    std::vector<const Paragraph*> all, official_titles, top;
    for (const Paragraph& p : titles->paragraphs) all.push_back(&p);
    for (const Paragraph* p : Headings(all, false)) {
      if (p->heading->number) official_titles.push_back(p);  // the numbered parts
    }
    for (const Paragraph* p : body) {
      if (p->heading->level == 1 && p->heading->number) top.push_back(p);
    }
    c.titles_vs_mt = CompareOutlines(official_titles, top);
  }
}

std::string RowText(const std::vector<const Paragraph*>& side, bool chinese) {
  std::string out;
  for (const Paragraph* p : side) {
    if (!out.empty() && !chinese) out += ' ';
    out += p->text;
  }
  return out;
}

std::vector<std::function<void()>> ScoringSteps(Comparison* comparison) {
  ComparisonMetrics& metrics = comparison->metrics;
  metrics = {};
  // The rows' texts, made once and shared by the steps.
  struct RowTexts {
    std::vector<std::string> hyps;
    ReferenceStreams refs{1};
  };
  auto texts = std::make_shared<RowTexts>();
  for (const ComparisonRow& row : comparison->rows) {
    if (row.en.empty() || row.mt.empty()) continue;
    texts->hyps.push_back(RowText(row.mt, false));
    texts->refs[0].push_back(RowText(row.en, false));
  }
  metrics.rows_compared = texts->hyps.size();
  metrics.row_chrf.resize(comparison->rows.size());
  // One step each for chrF and BLEU, then TER, much the longest, in parts
  // that can run side by side: short parts last, so that whoever runs the
  // steps ends them together.
  std::vector<std::function<void()>> steps;
  if (!texts->hyps.empty()) {
    // Each row's chrF comes from the counts the corpus score pools.
    steps.push_back([comparison, texts] {
      std::vector<double> row_scores;
      comparison->metrics.chrf = CorpusChrf(texts->hyps, texts->refs, {}, &row_scores);
      size_t compared = 0;
      for (size_t k = 0; k < comparison->rows.size(); ++k) {
        const ComparisonRow& row = comparison->rows[k];
        if (row.en.empty() || row.mt.empty()) continue;
        comparison->metrics.row_chrf[k] = row_scores[compared++];
      }
    });
    steps.push_back([&metrics, texts] { metrics.bleu = CorpusBleu(texts->hyps, texts->refs); });
    constexpr size_t kTerParts = 8;
    for (std::function<void()>& part : CorpusTerTasks(
             texts->hyps, texts->refs, kTerParts, [&metrics, texts](TerScore ter) { metrics.ter = std::move(ter); })) {
      steps.push_back([texts, part = std::move(part)] { part(); });
    }
  }
  return steps;
}

void ScoreComparison(Comparison* comparison) {
  for (const std::function<void()>& step : ScoringSteps(comparison)) step();
}

}  // namespace bitext::align
