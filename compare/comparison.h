// Three-way comparison of a machine translation with the official bilingual
// text: the Chinese and English of the official text are aligned with each
// other, the MT is aligned with the official English (its repeated copies
// paired only where no other copy serves), and the two alignments are
// joined into rows of (Chinese, official English, MT English). Each MT paragraph renders a
// Chinese paragraph; the direct Chinese-MT alignment is computed as a
// second route, and rows where the two routes disagree are marked.
#ifndef BITEXT_COMPARE_COMPARISON_H_
#define BITEXT_COMPARE_COMPARISON_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "document_alignment.h"
#include "metrics.h"
#include "monolingual.h"
#include "outline_comparison.h"
#include "repeats.h"

namespace bitext::align {

struct ComparisonRow {
  std::vector<const Paragraph*> zh, en, mt;  // any side may be empty
  double similarity = -1;                    // chrF-like MT vs official English, -1 without both
  bool routes_agree = true;                  // the direct Chinese-MT alignment agrees
  bool reordered = false;                    // the MT gives this paragraph out of order (MonolingualBead::reordered)
};

// The MT scored against the official English as sacreBLEU scores it, over
// the rows with both sides.
struct ComparisonMetrics {
  std::vector<std::optional<double>> row_chrf;  // sentence chrF per row; none without both sides
  size_t rows_compared = 0;
  BleuScore bleu;  // the corpus scores, when rows_compared > 0
  ChrfScore chrf;
  TerScore ter;
};

struct Comparison {
  DocumentAlignment official;  // Chinese <-> official English
  // All MT paragraphs, in order: pointers into the MT document's paragraphs
  // (repeat indices refer here).
  std::vector<const Paragraph*> mt_paragraphs;
  RepeatAnalysis repeats;
  std::vector<const Paragraph*> mt_aligned;  // those aligned: all but TOC, furniture and Chinese
  MonolingualAlignment mt_alignment;         // official English <-> mt_aligned
  std::vector<ComparisonRow> rows;
  int en_rendered = 0;                    // official English paragraphs with an MT rendering
  std::vector<OutlinePair> toc_vs_body;   // the MT's table of contents against its headings
  std::vector<OutlinePair> titles_vs_mt;  // official titles (from `titles`) against the MT's
  ComparisonMetrics metrics;              // empty until ScoreComparison
};

// `titles`: a document listing official headings (e.g. a news release
// naming the parts), or nullptr.
Comparison CompareWithOfficial(const std::vector<const Paragraph*>& zh, const std::vector<const Paragraph*>& en,
                               const Document& mt, const Lexicon* lexicon, const AlignerOptions& options,
                               const Document* titles = nullptr);
// The same with the official paragraphs already aligned: `official` is
// AlignDocuments of the same paragraphs, lexicon and options (with or
// without its sentences), made once for any number of MT versions.
Comparison CompareWithOfficial(const DocumentAlignment& official, const Document& mt, const Lexicon* lexicon,
                               const AlignerOptions& options, const Document* titles = nullptr);

// The steps of CompareWithOfficial, for callers that run them side by side.
// First the MT is matched with the official English paragraphs (repeats,
// the monolingual alignment): this needs only `en`, the English side of
// the official alignment to come, so it can run while that is computed.
// The parts of a long alignment are tasks for `run_all` (run_all.h).
Comparison MatchMachineTranslation(const std::vector<const Paragraph*>& en, const Document& mt,
                                   const RunAll& run_all = {});
// Then the rows, once the official alignment of that same English is made
// (std::logic_error otherwise).
void JoinWithOfficial(Comparison& c, const DocumentAlignment& official);
// Then these, and ScoreComparison, in any order or at once: each writes
// fields of its own. ScoreRows sets the rows' similarity. CheckRoutes sets
// the rows' routes_agree, by aligning the Chinese directly with the MT
// paragraphs the rows use.
void ScoreRows(Comparison& c);
// The similarity ScoreRows gives a row of these MT and official English
// paragraphs: their texts' n-gram profiles, each side's paragraphs joined.
double RowSimilarity(const std::vector<const Paragraph*>& mt, const std::vector<const Paragraph*>& en);
void CheckRoutes(Comparison& c, const Lexicon* lexicon, const AlignerOptions& options);
// Sets toc_vs_body and, with `titles`, titles_vs_mt.
void CompareMtOutlines(Comparison& c, const Document* titles);

// Fills `comparison->metrics`. Apart from CompareWithOfficial because only
// the reports that print the scores need them.
void ScoreComparison(Comparison* comparison);
// The same as steps (TER, chrF, the row scores, BLEU: the longest first),
// each filling its own field: run them in any order or at once, while
// `comparison` lives.
std::vector<std::function<void()>> ScoringSteps(Comparison* comparison);

// The texts of paragraphs joined: Chinese ones run together, English ones
// with a space between.
std::string RowText(const std::vector<const Paragraph*>& side, bool chinese);

}  // namespace bitext::align

#endif  // BITEXT_COMPARE_COMPARISON_H_
