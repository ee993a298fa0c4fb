// Translation-quality metrics (BLEU, chrF, TER) computed exactly as sacreBLEU
// 2.4.2 computes them, so a number printed by bitext can be quoted next to a
// number printed by sacreBLEU. The behaviour followed, from sacreBLEU's own
// sources (metrics/bleu.py, chrf.py, ter.py, lib_ter.py, helpers.py and
// tokenizers/tokenizer_13a.py, tokenizer_zh.py, tokenizer_re.py,
// tokenizer_ter.py, which agree on all of this across the 2.x sources read):
//
//  - Text is handled as Python handles it: sequences of code points, split on
//    Python's white space (Unicode Zs, or bidi class WS, B or S), lower-cased
//    with the full Unicode mapping (ICU, root locale). N-grams are over code
//    points, never bytes.
//  - BLEU: word n-grams up to 4 after the "13a" (mteval-v13a) or "zh"
//    tokenizer, clipped counts pooled over the corpus, brevity penalty from the
//    closest reference length, "exp" smoothing (NIST: the k-th order with no
//    match gets precision 1 / (2^k * total)), 0 when nothing at all matches.
//    The zh tokenizer puts spaces around the characters sacreBLEU lists as
//    Chinese, keeping its table as written, quirks included: two of its ranges
//    are mistyped five-digit escapes, so U+2001..U+2A6D (general punctuation,
//    arrows, maths, ...) count as Chinese and CJK Extension B does not.
//  - chrF2: character n-grams 1..6 with white space removed, beta 2; the
//    precisions and recalls of the orders that both sides have are averaged
//    ("effective order"), then combined into one F-score; a reference with
//    no n-gram of an order hides the hypothesis n-grams of that order.
//  - TER: tercom-style edit distance with block shifts (at most 10 words,
//    moved at most 50 positions, 1000 candidate shifts a segment, beam 25
//    around the length-scaled diagonal), no normalisation, punctuation kept,
//    no Asian splitting, lower-cased (sacreBLEU's default: "case:lc").
//  - Scores are on 0-100 and unrounded.
//
// One deliberate extension: sacreBLEU refuses a reference that is the empty
// string. Here it is scored as a reference with no tokens, which is what
// sacreBLEU computes for a reference of white space only.
//
//   std::vector<std::string> hyps = {"The cat sat."};
//   align::ReferenceStreams refs = {{"The cat sat on the mat."}};
//   align::BleuScore bleu = align::CorpusBleu(hyps, refs);
//   std::cout << bleu.score << " " << bleu.signature << "\n";
#ifndef BITEXT_COMPARE_METRICS_H_
#define BITEXT_COMPARE_METRICS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bitext::align {

// The sacreBLEU version whose behaviour this file reproduces; it ends every
// signature.
inline constexpr const char* kSacrebleuVersion = "2.4.2";

// sacreBLEU's layout: refs[r][i] is reference r of segment i. Every stream has
// one entry per hypothesis.
using ReferenceStreams = std::vector<std::vector<std::string>>;

// ---------------------------------------------------------------------------
// BLEU

enum class BleuTokenizer { k13a, kZh, kNone };
enum class BleuSmoothing { kExp, kFloor, kAddK, kNone };

struct BleuOptions {
  BleuTokenizer tokenizer = BleuTokenizer::k13a;
  BleuSmoothing smoothing = BleuSmoothing::kExp;
  std::optional<double> smooth_value;  // floor: 0.1, add-k: 1 when not given
  int max_ngram_order = 4;
  bool effective_order = false;  // only the orders the hypothesis has count
  bool lowercase = false;
};

// sacreBLEU's sentence_bleu defaults: as corpus BLEU, with effective order.
BleuOptions SentenceBleuOptions();

struct BleuScore {
  double score = 0;                // 0-100
  std::vector<int64_t> counts;     // clipped n-gram matches, order 1..N
  std::vector<int64_t> totals;     // hypothesis n-grams, order 1..N
  std::vector<double> precisions;  // 0-100, after smoothing
  double bp = 0;                   // brevity penalty
  int64_t sys_len = 0;
  int64_t ref_len = 0;
  std::string signature;  // nrefs:1|case:mixed|eff:no|tok:13a|...

  double ratio() const { return ref_len > 0 ? static_cast<double>(sys_len) / ref_len : 0; }
  // sacreBLEU's detail after the score: "65.4/40.1/27.9/19.8 (BP = 1.000
  // ratio = 1.023 hyp_len = 100 ref_len = 98)".
  std::string Verbose() const;
};

// Throws std::invalid_argument when a reference stream's length differs from
// the hypotheses'.
BleuScore CorpusBleu(const std::vector<std::string>& hyps, const ReferenceStreams& refs,
                     const BleuOptions& options = {});
BleuScore SentenceBleu(std::string_view hyp, const std::vector<std::string>& refs,
                       const BleuOptions& options = SentenceBleuOptions());

// The tokenizers, returning what sacreBLEU's return: tokens joined by one
// space.
std::string Tokenize13a(std::string_view line);
std::string TokenizeZh(std::string_view line);

// ---------------------------------------------------------------------------
// chrF

struct ChrfOptions {
  int char_order = 6;
  int beta = 2;
  bool lowercase = false;
  bool whitespace = false;     // keep white space inside the character n-grams
  bool eps_smoothing = false;  // chrF++.py's averaging instead of effective order
};

struct ChrfScore {
  double score = 0;  // 0-100
  std::string name;  // "chrF2"
  std::string signature;
};

// `segment_scores`, when given, gets each segment's own score (0-100), as
// SentenceChrf gives it: the corpus score pools the same counts.
ChrfScore CorpusChrf(const std::vector<std::string>& hyps, const ReferenceStreams& refs,
                     const ChrfOptions& options = {}, std::vector<double>* segment_scores = nullptr);
ChrfScore SentenceChrf(std::string_view hyp, const std::vector<std::string>& refs, const ChrfOptions& options = {});

// ---------------------------------------------------------------------------
// TER

struct TerOptions {
  bool case_sensitive = false;  // sacreBLEU lower-cases unless asked not to
};

struct TerScore {
  double score = 0;       // 0-100; can exceed 100
  int64_t num_edits = 0;  // best edits per segment, summed
  double ref_length = 0;  // average reference length per segment, summed
  std::string signature;
};

TerScore CorpusTer(const std::vector<std::string>& hyps, const ReferenceStreams& refs, const TerOptions& options = {});
// CorpusTer as `parts` tasks that may run side by side, each scoring every
// parts-th segment. The task that finishes last adds the segments up in
// their order, which gives CorpusTer's score, and passes it to `done`.
// `hyps` and `refs` must outlive the tasks; bad input throws here.
std::vector<std::function<void()>> CorpusTerTasks(const std::vector<std::string>& hyps, const ReferenceStreams& refs,
                                                  size_t parts, std::function<void(TerScore)> done,
                                                  const TerOptions& options = {});
TerScore SentenceTer(std::string_view hyp, const std::vector<std::string>& refs, const TerOptions& options = {});

// Edits (shifts plus insertions, deletions, substitutions) that turn the
// hypothesis words into the reference words, as sacreBLEU's
// translation_edit_rate counts them; an empty reference costs one edit per
// hypothesis word.
int64_t TranslationEdits(const std::vector<std::string>& hyp_words, const std::vector<std::string>& ref_words);

// ---------------------------------------------------------------------------

// Python's str.rstrip(): what sacreBLEU's command line does to every line it
// reads before it scores it (and before it rejects an empty reference).
std::string RstripSegment(std::string_view line);

}  // namespace bitext::align

#endif  // BITEXT_COMPARE_METRICS_H_
