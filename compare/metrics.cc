// BLEU, chrF and TER as sacreBLEU 2.4.2 computes them; see metrics.h for
// what is followed. Text is processed as UTF-32 so that "a character" means
// what it means to Python, where sacreBLEU runs.
#include "metrics.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <set>
#include <span>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "ragged.h"
#include "unicode.h"

namespace bitext::align {
namespace {

using Text = std::u32string;

// ---------------------------------------------------------------------------
// Python's view of text

Text ToText(std::string_view s) {
  std::vector<char32_t> cps = ToCodePoints(s);
  return Text(cps.begin(), cps.end());
}

std::string FromText(const Text& t) {
  std::string out;
  out.reserve(t.size());
  for (char32_t c : t) out += ToUtf8(c);
  return out;
}

// str.isspace(): general category Zs, or bidi class WS, B or S. Python's
// rule spelled out, not ICU's u_isspace, whose definition differs.
bool IsPySpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  const UChar32 u = static_cast<UChar32>(c);
  if (u_charType(u) == U_SPACE_SEPARATOR) return true;
  switch (u_charDirection(u)) {
    case U_WHITE_SPACE_NEUTRAL:
    case U_BLOCK_SEPARATOR:
    case U_SEGMENT_SEPARATOR:
      return true;
    default:
      return false;
  }
}

// str.split() with no argument.
std::vector<Text> PySplit(const Text& t) {
  std::vector<Text> out;
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && IsPySpace(t[i])) ++i;
    size_t begin = i;
    while (i < t.size() && !IsPySpace(t[i])) ++i;
    if (i > begin) out.emplace_back(t, begin, i - begin);
  }
  return out;
}

Text Rstrip(const Text& t) {
  size_t end = t.size();
  while (end > 0 && IsPySpace(t[end - 1])) --end;
  return t.substr(0, end);
}

Text Strip(const Text& t) {
  size_t begin = 0;
  while (begin < t.size() && IsPySpace(t[begin])) ++begin;
  Text rest = t.substr(begin);
  return Rstrip(rest);
}

// str.lower(): full case mapping with the final-sigma rule, no language
// tailoring, which is what ICU's root locale does.
Text Lower(const Text& t) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(FromText(t));
  u.toLower(icu::Locale::getRoot());
  std::string utf8;
  u.toUTF8String(utf8);
  return ToText(utf8);
}

// str.replace(): non-overlapping, left to right.
void ReplaceAll(Text& s, const Text& from, const Text& to) {
  Text out;
  size_t pos = 0;
  while (true) {
    size_t hit = s.find(from, pos);
    if (hit == Text::npos) break;
    out.append(s, pos, hit - pos).append(to);
    pos = hit + from.size();
  }
  if (pos == 0) return;
  out.append(s, pos, Text::npos);
  s = std::move(out);
}

Text JoinWithSpace(const std::vector<Text>& words) {
  Text out;
  for (const Text& w : words) {
    if (!out.empty()) out += U' ';
    out += w;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Tokenizers (tokenizer_re.py, tokenizer_13a.py, tokenizer_zh.py)

bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// The first rule's character class: ASCII punctuation and symbols except
// apostrophe, comma, hyphen and full stop, plus the space itself.
bool IsSplitSymbol(char32_t c) {
  return (c >= 0x7B && c <= 0x7E) || (c >= 0x5B && c <= 0x60) || (c >= 0x20 && c <= 0x26) || (c >= 0x28 && c <= 0x2B) ||
         (c >= 0x3A && c <= 0x40) || c == U'/';
}

// One pass of re.sub with a two-character pattern: matches are found left
// to right and never overlap, so a character consumed by one match cannot
// start the next.
template <typename Match, typename Emit>
Text SubstitutePairs(const Text& s, Match match, Emit emit) {
  Text out;
  out.reserve(s.size() + s.size() / 2);
  size_t i = 0;
  while (i < s.size()) {
    if (i + 1 < s.size() && match(s[i], s[i + 1])) {
      emit(s[i], s[i + 1], out);
      i += 2;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// The mteval-v13a rules shared by the 13a and zh tokenizers.
Text RegexpTokenize(const Text& line) {
  Text s;
  s.reserve(line.size() * 2);
  for (char32_t c : line) {
    if (IsSplitSymbol(c)) {
      s += U' ';
      s += c;
      s += U' ';
    } else {
      s += c;
    }
  }
  auto is_period_or_comma = [](char32_t c) { return c == U'.' || c == U','; };
  // Period and comma unless preceded by a digit.
  s = SubstitutePairs(
      s, [&](char32_t a, char32_t b) { return !IsAsciiDigit(a) && is_period_or_comma(b); },
      [](char32_t a, char32_t b, Text& out) {
        out += {a, U' ', b, U' '};
      });
  // Period and comma unless followed by a digit.
  s = SubstitutePairs(
      s, [&](char32_t a, char32_t b) { return is_period_or_comma(a) && !IsAsciiDigit(b); },
      [](char32_t a, char32_t b, Text& out) {
        out += {U' ', a, U' ', b};
      });
  // Dash after a digit.
  s = SubstitutePairs(
      s, [](char32_t a, char32_t b) { return IsAsciiDigit(a) && b == U'-'; },
      [](char32_t a, char32_t b, Text& out) {
        out += {a, U' ', b, U' '};
      });
  return JoinWithSpace(PySplit(s));
}

Text Run13a(Text line) {
  ReplaceAll(line, U"<skipped>", U"");
  ReplaceAll(line, U"-\n", U"");
  ReplaceAll(line, U"\n", U" ");
  ReplaceAll(line, U"&quot;", U"\"");
  ReplaceAll(line, U"&amp;", U"&");
  ReplaceAll(line, U"&lt;", U"<");
  ReplaceAll(line, U"&gt;", U">");
  return RegexpTokenize(U" " + line + U" ");
}

// sacreBLEU's table of Chinese characters, as Python evaluates it. Two
// entries were written with five hex digits after \u, which Python reads as
// a four-digit escape plus a digit; compared with one character, the range
// "\u2000" "0" .. "\u2a6d" "6" holds U+2001..U+2A6D and "\u2f80" "0" ..
// "\u2fa1" "d" holds U+2F81..U+2FA1. Kept so that scores agree.
bool IsSacrebleuChinese(char32_t c) {
  static constexpr char32_t kRanges[][2] = {
      {0x3400, 0x4DB5}, {0x4E00, 0x9FA5}, {0x9FA6, 0x9FBB}, {0xF900, 0xFA2D}, {0xFA30, 0xFA6A}, {0xFA70, 0xFAD9},
      {0x2001, 0x2A6D}, {0x2F81, 0x2FA1}, {0xFF00, 0xFFEF}, {0x2E80, 0x2EFF}, {0x3000, 0x303F}, {0x31C0, 0x31EF},
      {0x2F00, 0x2FDF}, {0x2FF0, 0x2FFF}, {0x3100, 0x312F}, {0x31A0, 0x31BF}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE4F},
      {0x2600, 0x26FF}, {0x2700, 0x27BF}, {0x3200, 0x32FF}, {0x3300, 0x33FF},
  };
  for (const auto& r : kRanges) {
    if (c >= r[0] && c <= r[1]) return true;
  }
  return false;
}

Text RunZh(const Text& line) {
  Text spaced;
  for (char32_t c : Strip(line)) {
    if (IsSacrebleuChinese(c)) {
      spaced += U' ';
      spaced += c;
      spaced += U' ';
    } else {
      spaced += c;
    }
  }
  // No entity replacement and no padding here, unlike 13a: a trailing "5."
  // stays one token under zh.
  return RegexpTokenize(spaced);
}

// ---------------------------------------------------------------------------
// References as sacreBLEU caches them (metrics/base.py)

struct SegmentRefs {
  std::vector<std::vector<std::string>> per_segment;  // [segment][reference]
  int nrefs = 0;                                      // -1: varies ("var")
};

SegmentRefs CollectReferences(size_t n_hyps, const ReferenceStreams& refs) {
  if (refs.empty()) throw std::invalid_argument("no reference stream given");
  for (const auto& stream : refs) {
    if (stream.size() != n_hyps) {
      throw std::invalid_argument("hypotheses and references have different lengths (" + std::to_string(n_hyps) +
                                  " and " + std::to_string(stream.size()) + " segments)");
    }
  }
  SegmentRefs out;
  std::set<size_t> counts;
  for (size_t i = 0; i < n_hyps; ++i) {
    std::vector<std::string> lines;
    // sacreBLEU drops empty strings: they pad a segment with fewer references.
    for (const auto& stream : refs) {
      if (!stream[i].empty()) lines.push_back(stream[i]);
    }
    // Where sacreBLEU raises, score against one reference without tokens.
    if (lines.empty()) lines.push_back("");
    counts.insert(lines.size());
    out.per_segment.push_back(std::move(lines));
  }
  if (counts.empty()) {
    out.nrefs = static_cast<int>(refs.size());
  } else {
    out.nrefs = counts.size() == 1 ? static_cast<int>(*counts.begin()) : -1;
  }
  return out;
}

std::string NrefsField(int nrefs) { return "nrefs:" + (nrefs < 0 ? std::string("var") : std::to_string(nrefs)); }

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// ---------------------------------------------------------------------------
// BLEU (metrics/bleu.py, metrics/helpers.py)

using NgramCounts = std::unordered_map<std::string, int64_t>;

std::vector<std::string> BleuTokens(std::string_view segment, const BleuOptions& options) {
  Text t = ToText(segment);
  if (options.lowercase) t = Lower(t);
  t = Rstrip(t);
  switch (options.tokenizer) {
    case BleuTokenizer::k13a:
      t = Run13a(std::move(t));
      break;
    case BleuTokenizer::kZh:
      t = RunZh(t);
      break;
    case BleuTokenizer::kNone:
      break;
  }
  std::vector<std::string> tokens;
  for (const Text& w : PySplit(t)) tokens.push_back(FromText(w));
  return tokens;
}

// All n-grams of orders 1..max_order; tokens never hold white space, so
// joining them with a space is unambiguous.
NgramCounts WordNgrams(const std::vector<std::string>& tokens, int max_order) {
  NgramCounts counts;
  const int n_tokens = static_cast<int>(tokens.size());
  for (int n = 1; n <= max_order; ++n) {
    for (int i = 0; i + n <= n_tokens; ++i) {
      std::string key = tokens[static_cast<size_t>(i)];
      for (int k = 1; k < n; ++k) key.append(" ").append(tokens[static_cast<size_t>(i + k)]);
      ++counts[key];
    }
  }
  return counts;
}

int NgramOrder(const std::string& key) { return 1 + static_cast<int>(std::count(key.begin(), key.end(), ' ')); }

// [hyp_len, ref_len, correct_1..N, total_1..N] of one segment.
std::vector<int64_t> BleuSegmentStats(std::string_view hyp, const std::vector<std::string>& refs,
                                      const BleuOptions& options) {
  const int order = options.max_ngram_order;
  NgramCounts ref_ngrams;
  std::vector<int64_t> ref_lens;
  for (const std::string& ref : refs) {
    std::vector<std::string> tokens = BleuTokens(ref, options);
    ref_lens.push_back(static_cast<int64_t>(tokens.size()));
    // Several references: each n-gram may match as often as in any one.
    for (const auto& [ngram, count] : WordNgrams(tokens, order)) {
      int64_t& slot = ref_ngrams[ngram];
      slot = std::max(slot, count);
    }
  }
  std::vector<std::string> hyp_tokens = BleuTokens(hyp, options);
  const int64_t hyp_len = static_cast<int64_t>(hyp_tokens.size());
  // Closest reference length; the shorter one on a tie.
  int64_t closest_diff = -1, closest_len = -1;
  for (int64_t len : ref_lens) {
    const int64_t diff = std::llabs(hyp_len - len);
    if (closest_diff == -1 || diff < closest_diff) {
      closest_diff = diff;
      closest_len = len;
    } else if (diff == closest_diff && len < closest_len) {
      closest_len = len;
    }
  }
  std::vector<int64_t> stats(2 + 2 * static_cast<size_t>(order), 0);
  stats[0] = hyp_len;
  stats[1] = closest_len;
  for (const auto& [ngram, count] : WordNgrams(hyp_tokens, order)) {
    const size_t n = static_cast<size_t>(NgramOrder(ngram) - 1);
    stats[2 + static_cast<size_t>(order) + n] += count;
    auto it = ref_ngrams.find(ngram);
    if (it != ref_ngrams.end()) stats[2 + n] += std::min(count, it->second);
  }
  return stats;
}

std::string BleuSignature(const BleuOptions& options, int nrefs) {
  std::string tok = options.tokenizer == BleuTokenizer::k13a  ? "13a"
                    : options.tokenizer == BleuTokenizer::kZh ? "zh"
                                                              : "none";
  std::string smooth;
  switch (options.smoothing) {
    case BleuSmoothing::kExp:
      smooth = "exp";
      break;
    case BleuSmoothing::kNone:
      smooth = "none";
      break;
    case BleuSmoothing::kFloor:
      smooth = "floor[" + Fixed(options.smooth_value.value_or(0.1), 2) + "]";
      break;
    case BleuSmoothing::kAddK:
      smooth = "add-k[" + Fixed(options.smooth_value.value_or(1.0), 2) + "]";
      break;
  }
  return NrefsField(nrefs) + "|case:" + (options.lowercase ? "lc" : "mixed") +
         "|eff:" + (options.effective_order ? "yes" : "no") + "|tok:" + tok + "|smooth:" + smooth +
         "|version:" + kSacrebleuVersion;
}

// compute_bleu() on pooled statistics.
BleuScore ComputeBleu(const std::vector<int64_t>& stats, const BleuOptions& options) {
  const int order = options.max_ngram_order;
  BleuScore s;
  s.sys_len = stats[0];
  s.ref_len = stats[1];
  s.counts.assign(stats.begin() + 2, stats.begin() + 2 + order);
  s.totals.assign(stats.begin() + 2 + order, stats.end());
  s.precisions.assign(static_cast<size_t>(order), 0.0);
  if (s.sys_len < s.ref_len) {
    s.bp = s.sys_len > 0 ? std::exp(1.0 - static_cast<double>(s.ref_len) / static_cast<double>(s.sys_len)) : 0.0;
  } else {
    s.bp = 1.0;
  }
  // No match at all: 0 whatever the smoothing (sacreBLEU issue #141).
  if (std::all_of(s.counts.begin(), s.counts.end(), [](int64_t c) { return c == 0; })) {
    s.score = 0.0;
    return s;
  }
  double smooth_value = 0;
  if (options.smoothing == BleuSmoothing::kFloor) smooth_value = options.smooth_value.value_or(0.1);
  if (options.smoothing == BleuSmoothing::kAddK) smooth_value = options.smooth_value.value_or(1.0);
  std::vector<double> correct(s.counts.begin(), s.counts.end());
  std::vector<double> total(s.totals.begin(), s.totals.end());
  double smooth_mteval = 1.0;
  int eff_order = order;
  for (int n = 1; n <= order; ++n) {
    const size_t k = static_cast<size_t>(n - 1);
    if (options.smoothing == BleuSmoothing::kAddK && n > 1) {
      correct[k] += smooth_value;
      total[k] += smooth_value;
    }
    if (total[k] == 0) break;
    if (options.effective_order) eff_order = n;
    if (correct[k] == 0) {
      if (options.smoothing == BleuSmoothing::kExp) {
        smooth_mteval *= 2;
        s.precisions[k] = 100.0 / (smooth_mteval * total[k]);
      } else if (options.smoothing == BleuSmoothing::kFloor) {
        s.precisions[k] = 100.0 * smooth_value / total[k];
      }
    } else {
      s.precisions[k] = 100.0 * correct[k] / total[k];
    }
  }
  // sacreBLEU's my_log: a zero precision contributes a huge negative number,
  // so the score underflows to exactly 0.
  double log_sum = 0;
  for (int k = 0; k < eff_order; ++k) {
    const double p = s.precisions[static_cast<size_t>(k)];
    log_sum += p == 0.0 ? -9999999999.0 : std::log(p);
  }
  s.score = s.bp * std::exp(log_sum / eff_order);
  return s;
}

// ---------------------------------------------------------------------------
// chrF (metrics/chrf.py)

// A segment's character n-gram counts by order, keyed by views into its
// own text (held apart, so that moving the counts keeps the views valid):
// no string is made per n-gram.
struct CharNgrams {
  std::unique_ptr<const Text> text;
  std::vector<std::unordered_map<std::u32string_view, int64_t>> orders;
};

CharNgrams CharNgramsOf(std::string_view segment, const ChrfOptions& options) {
  Text t = ToText(segment);
  if (options.lowercase) t = Lower(t);
  if (!options.whitespace) {
    Text joined;
    for (char32_t c : t) {
      if (!IsPySpace(c)) joined += c;
    }
    t = std::move(joined);
  }
  CharNgrams out{std::make_unique<const Text>(std::move(t)), {}};
  const std::u32string_view text = *out.text;
  out.orders.resize(static_cast<size_t>(options.char_order));
  for (int n = 1; n <= options.char_order; ++n) {
    for (size_t i = 0; i + static_cast<size_t>(n) <= text.size(); ++i) {
      ++out.orders[static_cast<size_t>(n - 1)][text.substr(i, static_cast<size_t>(n))];
    }
  }
  return out;
}

double ChrfFScore(const std::vector<int64_t>& stats, const ChrfOptions& options) {
  constexpr double kEps = 1e-16;
  const double factor = static_cast<double>(options.beta) * options.beta;
  double eps_score = 0, avg_prec = 0, avg_rec = 0;
  int effective_order = 0;
  for (int i = 0; i < options.char_order; ++i) {
    const size_t k = 3 * static_cast<size_t>(i);
    const int64_t n_hyp = stats[k], n_ref = stats[k + 1], n_match = stats[k + 2];
    const double prec = n_hyp > 0 ? static_cast<double>(n_match) / static_cast<double>(n_hyp) : kEps;
    const double rec = n_ref > 0 ? static_cast<double>(n_match) / static_cast<double>(n_ref) : kEps;
    const double denom = factor * prec + rec;
    eps_score += denom > 0 ? (1 + factor) * prec * rec / denom : kEps;
    if (n_hyp > 0 && n_ref > 0) {
      avg_prec += prec;
      avg_rec += rec;
      ++effective_order;
    }
  }
  if (options.eps_smoothing) return 100 * eps_score / options.char_order;
  if (effective_order == 0) {
    avg_prec = avg_rec = 0;
  } else {
    avg_prec /= effective_order;
    avg_rec /= effective_order;
  }
  if (avg_prec + avg_rec == 0) return 0.0;
  double score = (1 + factor) * avg_prec * avg_rec;
  score /= (factor * avg_prec) + avg_rec;
  return 100 * score;
}

// [hyp, ref, match] per order, against the reference with the best F-score.
std::vector<int64_t> ChrfSegmentStats(std::string_view hyp, const std::vector<std::string>& refs,
                                      const ChrfOptions& options) {
  const CharNgrams hyp_ngrams = CharNgramsOf(hyp, options);
  std::vector<int64_t> best;
  double best_f = -1.0;
  for (const std::string& ref : refs) {
    const CharNgrams ref_ngrams = CharNgramsOf(ref, options);
    std::vector<int64_t> stats;
    for (size_t n = 0; n < hyp_ngrams.orders.size(); ++n) {
      const auto& hyp_order = hyp_ngrams.orders[n];
      const auto& ref_order = ref_ngrams.orders[n];
      int64_t hyp_count = 0, match = 0, ref_count = 0;
      for (const auto& [gram, count] : hyp_order) {
        hyp_count += count;
        auto it = ref_order.find(gram);
        if (it != ref_order.end()) match += std::min(count, it->second);
      }
      for (const auto& entry : ref_order) ref_count += entry.second;
      // A reference too short for this order hides the hypothesis n-grams.
      stats.push_back(ref_order.empty() ? 0 : hyp_count);
      stats.push_back(ref_count);
      stats.push_back(match);
    }
    const double f = ChrfFScore(stats, options);
    if (f > best_f) {
      best_f = f;
      best = std::move(stats);
    }
  }
  return best;
}

std::string ChrfSignature(const ChrfOptions& options, int nrefs) {
  return NrefsField(nrefs) + "|case:" + (options.lowercase ? "lc" : "mixed") +
         "|eff:" + (options.eps_smoothing ? "no" : "yes") + "|nc:" + std::to_string(options.char_order) +
         "|nw:0|space:" + (options.whitespace ? "yes" : "no") + "|version:" + kSacrebleuVersion;
}

// ---------------------------------------------------------------------------
// TER (metrics/lib_ter.py, tokenizers/tokenizer_ter.py)

constexpr int kMaxShiftSize = 10;
constexpr int kMaxShiftDist = 50;
constexpr int kBeamWidth = 25;
constexpr int kMaxShiftCandidates = 1000;
constexpr int64_t kInfinity = 10000000000000000;  // int(1e16) in lib_ter.py

constexpr char kOpIns = 'i';
constexpr char kOpDel = 'd';
constexpr char kOpNop = ' ';
constexpr char kOpSub = 's';
constexpr char kOpUndef = 'x';

// Word-level Levenshtein distance to a fixed reference, searched in a beam
// around the length-scaled diagonal: row i (i hypothesis words read) holds
// columns [RowBegin(i), RowEnd(i)), row 0 all of them. Every candidate of a
// shift search has the hypothesis' length, so they all share these rows.
//
// The shift search scores up to 1,000 candidates, each the hypothesis with
// one block moved: the words before and after the moved span are those of
// the hypothesis. A candidate recomputes only the rows of the span, from
// the hypothesis' forward row (cost from the start) before it, and joins
// them with its backward row (cost to the end) after it: the cheapest path
// crosses that row at one of its columns. Of those rows, Prepare() keeps
// at most kKeptRows, evenly spaced, and a candidate recomputes the others
// from the nearest kept one: a segment of up to kKeptRows words keeps
// every row, a longer one a bounded number, not a row of the beam (0.8 KB)
// a word.
class BeamEditDistance {
 public:
  explicit BeamEditDistance(const std::vector<int>& ref) : ref_(ref) {}

  // The distance of `hyp`; `trace`, when given, gets the operations that
  // turn it into the reference, in order. Keeps checkpoint rows for
  // ShiftedDistance.
  int64_t Prepare(const std::vector<int>& hyp, std::string* trace) {
    SetShape(hyp.size());
    every_ = std::max<size_t>(1, (n_h_ + kKeptRows - 1) / kKeptRows);
    forward_kept_ = Ragged<int64_t>();
    FirstRow(&scratch_);
    forward_kept_.AddRow(scratch_);
    for (size_t i = 1; i <= n_h_; ++i) {
      ForwardRow(i, hyp[i - 1], scratch_.data(), Resized(next_, i), nullptr);
      std::swap(scratch_, next_);
      if (i % every_ == 0) forward_kept_.AddRow(scratch_);
    }
    const int64_t distance = scratch_[ref_.size() - RowBegin(n_h_)];
    if (trace != nullptr) Trace(hyp, trace);
    Backward(hyp);
    return distance;
  }

  // The distance of `shifted`, which differs from the prepared hypothesis
  // only in words [lo, hi).
  int64_t ShiftedDistance(const std::vector<int>& shifted, size_t lo, size_t hi) {
    ForwardRowFromCheckpoint(shifted, lo);
    for (size_t i = lo + 1; i <= hi; ++i) {
      ForwardRow(i, shifted[i - 1], scratch_.data(), Resized(next_, i), nullptr);
      std::swap(scratch_, next_);
    }
    BackwardRowFromCheckpoint(shifted, hi);
    int64_t best = kInfinity;
    for (size_t j = RowBegin(hi); j < RowEnd(hi); ++j) {
      best = std::min(best, scratch_[j - RowBegin(hi)] + backward_[j - RowBegin(hi)]);
    }
    return best;
  }

  // The distance alone, without keeping anything.
  int64_t Distance(const std::vector<int>& hyp) {
    SetShape(hyp.size());
    FirstRow(&scratch_);
    for (size_t i = 1; i <= n_h_; ++i) {
      ForwardRow(i, hyp[i - 1], scratch_.data(), Resized(next_, i), nullptr);
      std::swap(scratch_, next_);
    }
    return scratch_[ref_.size() - RowBegin(n_h_)];
  }

 private:
  static constexpr size_t kKeptRows = 1024;

  // The columns of every row for hypotheses of n_h words.
  void SetShape(size_t n_h) {
    n_h_ = n_h;
    const size_t n_r = ref_.size();
    const double length_ratio = n_h > 0 ? static_cast<double>(n_r) / static_cast<double>(n_h) : 1.0;
    int64_t beam = kBeamWidth;
    // Very unequal lengths: widen so consecutive rows still overlap.
    if (kBeamWidth < length_ratio / 2) beam = static_cast<int64_t>(std::ceil(length_ratio / 2 + kBeamWidth));
    begin_.assign(n_h + 1, 0);
    end_.assign(n_h + 1, n_r + 1);
    for (size_t i = 1; i <= n_h; ++i) {
      const int64_t diag = static_cast<int64_t>(std::floor(static_cast<double>(i) * length_ratio));
      const int64_t min_j = std::max<int64_t>(0, diag - beam);
      int64_t max_j = std::min<int64_t>(static_cast<int64_t>(n_r) + 1, diag + beam);
      if (i == n_h) max_j = static_cast<int64_t>(n_r) + 1;
      begin_[i] = static_cast<size_t>(min_j);
      end_[i] = static_cast<size_t>(std::max(min_j, max_j));
    }
  }
  size_t RowBegin(size_t i) const { return begin_[i]; }
  size_t RowEnd(size_t i) const { return end_[i]; }
  size_t Width(size_t i) const { return end_[i] - begin_[i]; }

  static void Assign(std::span<const int64_t> kept, std::vector<int64_t>* row) {
    row->assign(kept.begin(), kept.end());
  }

  // `row` sized for row i; returns its data. Every row function writes
  // each of its cells.
  int64_t* Resized(std::vector<int64_t>& row, size_t i) const {
    row.resize(Width(i));
    return row.data();
  }

  // Row 0: j insertions to read j reference words.
  void FirstRow(std::vector<int64_t>* row) const {
    row->resize(ref_.size() + 1);
    for (size_t j = 0; j <= ref_.size(); ++j) (*row)[j] = static_cast<int64_t>(j);
  }

  // Row i from row i - 1 (`prev`), `word` being hypothesis word i - 1.
  // Ties go to the first: match/substitution, then deletion, then
  // insertion (tercom's preference, mirrored because the trace is flipped
  // before use).
  void ForwardRow(size_t i, int word, const int64_t* prev, int64_t* row, char* ops) const {
    if (ops == nullptr) {
      ForwardCosts(i, word, prev, row);
      return;
    }
    const size_t prev_begin = begin_[i - 1], prev_end = end_[i - 1], begin = begin_[i];
    auto above = [&](size_t j) { return j >= prev_begin && j < prev_end ? prev[j - prev_begin] : kInfinity; };
    for (size_t j = begin; j < end_[i]; ++j) {
      int64_t cost = kInfinity;
      char op = kOpUndef;
      if (j == 0) {
        cost = above(0) + 1, op = kOpDel;
      } else {
        const bool same = word == ref_[j - 1];
        const int64_t diagonal = above(j - 1) + (same ? 0 : 1), up = above(j) + 1;
        const int64_t left = j > begin ? row[j - 1 - begin] + 1 : kInfinity + 1;
        if (diagonal < cost) cost = diagonal, op = same ? kOpNop : kOpSub;
        if (up < cost) cost = up, op = kOpDel;
        if (left < cost) cost = left, op = kOpIns;
      }
      row[j - begin] = cost;
      if (ops != nullptr) ops[j - begin] = op;
    }
  }

  // ForwardRow's costs without its operations: the inner loop of every
  // candidate shift. The beam's first column never decreases from one row
  // to the next, so a cell's upper neighbour is in the row before whenever
  // it lies before that row's end. Each cell waits for the one to its left,
  // so the row is worked out as two halves side by side, the second as if
  // nothing came from its left; the second is then corrected from the
  // first's last cell, which changes a cell only while the cost from the
  // left is lower, mostly none or a few.
  void ForwardCosts(size_t i, int word, const int64_t* prev, int64_t* row) const {
    const size_t prev_begin = begin_[i - 1], prev_end = end_[i - 1], begin = begin_[i], end = end_[i];
    size_t j = begin;
    if (j == 0 && j < end) {
      row[0] = prev[0] + 1;  // row i - 1 starts at column 0 too
      ++j;
    }
    if (j >= end) return;
    // The cost from above or the diagonal, at most kInfinity.
    auto from_above = [&](size_t column) {
      const int64_t diagonal_before =
          column - 1 >= prev_begin && column - 1 < prev_end ? prev[column - 1 - prev_begin] : kInfinity;
      const int64_t up = (column < prev_end ? prev[column - prev_begin] : kInfinity) + 1;
      const int64_t diagonal = diagonal_before + (word == ref_[column - 1] ? 0 : 1);
      return std::min(std::min(kInfinity, diagonal), up);
    };
    const size_t middle = j + (end - j) / 2;
    int64_t left_first = j > begin ? row[j - 1 - begin] + 1 : kInfinity + 1;
    int64_t left_second = middle == j ? left_first : kInfinity + 1;
    for (size_t k = 0; k < middle - j; ++k) {
      const size_t a = j + k, b = middle + k;
      const int64_t cost_a = std::min(from_above(a), left_first);
      const int64_t cost_b = std::min(from_above(b), left_second);
      row[a - begin] = cost_a;
      row[b - begin] = cost_b;
      left_first = cost_a + 1;
      left_second = cost_b + 1;
    }
    if (end - middle > middle - j) {  // the second half's last cell
      const size_t b = end - 1;
      row[b - begin] = std::min(from_above(b), left_second);
    }
    for (size_t b = middle; b < end && middle > j; ++b) {
      const int64_t from_left = row[b - 1 - begin] + 1;
      if (from_left >= row[b - begin]) break;
      row[b - begin] = from_left;
    }
  }

  // Backward row i (the cost from each of its cells to the last cell) from
  // row i + 1 (`next`, unused for the last row), `word` being hypothesis
  // word i.
  void BackwardRow(size_t i, int word, const int64_t* next, int64_t* row) const {
    const size_t n_r = ref_.size(), begin = begin_[i];
    auto below = [&](size_t j) {
      return j >= begin_[i + 1] && j < end_[i + 1] ? next[j - begin_[i + 1]] : kInfinity;
    };
    for (size_t j = end_[i]; j-- > begin;) {
      int64_t cost = i == n_h_ && j == n_r ? 0 : kInfinity;
      if (i < n_h_) {
        if (j < n_r) cost = std::min(cost, below(j + 1) + (word == ref_[j] ? 0 : 1));
        cost = std::min(cost, below(j) + 1);
      }
      if (j + 1 < end_[i]) cost = std::min(cost, row[j + 1 - begin] + 1);
      row[j - begin] = std::min(cost, kInfinity);
    }
  }

  // The kept backward rows: every every_-th and the last.
  void Backward(const std::vector<int>& hyp) {
    backward_kept_ = Ragged<int64_t>();
    last_backward_.clear();
    for (size_t i = n_h_ + 1; i-- > 0;) {
      BackwardRow(i, i < n_h_ ? hyp[i] : 0, backward_.data(), Resized(next_, i));
      std::swap(backward_, next_);
      if (i == n_h_) last_backward_ = backward_;
      if (i % every_ == 0) backward_kept_.AddRow(backward_);  // the last first
    }
  }

  // scratch_: forward row i, from the kept row at or before it.
  void ForwardRowFromCheckpoint(const std::vector<int>& words, size_t i) {
    size_t at = i / every_ * every_;
    Assign(forward_kept_[at / every_], &scratch_);
    for (++at; at <= i; ++at) {
      ForwardRow(at, words[at - 1], scratch_.data(), Resized(next_, at), nullptr);
      std::swap(scratch_, next_);
    }
  }

  // backward_: backward row i, from the kept row at or after it.
  void BackwardRowFromCheckpoint(const std::vector<int>& words, size_t i) {
    size_t at = (i + every_ - 1) / every_ * every_;
    if (at > n_h_)
      backward_ = last_backward_;
    else
      Assign(backward_kept_[n_h_ / every_ - at / every_], &backward_);
    at = std::min(at, n_h_);
    while (at > i) {
      --at;
      BackwardRow(at, words[at], backward_.data(), Resized(next_, at));
      std::swap(backward_, next_);
    }
  }

  // The operations from the first cell to the last, read back from the
  // last: each stretch of every_ rows is recomputed, with its operations,
  // from the kept row before it.
  void Trace(const std::vector<int>& hyp, std::string* trace) {
    trace->clear();
    size_t i = n_h_, j = ref_.size();
    size_t first = 0;                 // the stretch held: rows first + 1 .. its end
    std::vector<char> ops;            // of the stretch's rows, end to end
    std::vector<size_t> ops_begin;    // of row first + 1 + k in ops
    bool held = false;
    while (i > 0 || j > 0) {
      char op = kOpIns;  // row 0 reads reference words only
      if (i > 0) {
        if (!held || i <= first) {
          held = true;
          first = (i - 1) / every_ * every_;
          ops.clear();
          ops_begin.clear();
          Assign(forward_kept_[first / every_], &scratch_);
          for (size_t r = first + 1; r <= i; ++r) {
            ops_begin.push_back(ops.size());
            ops.resize(ops.size() + Width(r), kOpUndef);
            ForwardRow(r, hyp[r - 1], scratch_.data(), Resized(next_, r), ops.data() + ops_begin.back());
            std::swap(scratch_, next_);
          }
        }
        op = j >= begin_[i] && j < end_[i] ? ops[ops_begin[i - first - 1] + j - begin_[i]] : kOpUndef;
      }
      trace->push_back(op);
      if (op == kOpSub || op == kOpNop) {
        --i;
        --j;
      } else if (op == kOpIns) {
        --j;
      } else if (op == kOpDel) {
        --i;
      } else {
        throw std::logic_error("TER: edit trace left the beam");
      }
    }
    std::reverse(trace->begin(), trace->end());
  }

  const std::vector<int>& ref_;
  size_t n_h_ = 0;
  std::vector<size_t> begin_, end_;  // the beam's columns, per row
  // The prepared hypothesis' kept rows: forward row k * every_ is
  // forward_kept_[k]; the backward rows are kept from the last, so backward
  // row k * every_ is backward_kept_[n_h_ / every_ - k], besides the last.
  Ragged<int64_t> forward_kept_, backward_kept_;
  std::vector<int64_t> last_backward_;
  std::vector<int64_t> scratch_, next_, backward_;  // rows being computed
  size_t every_ = 1;                                // rows kept: every every_-th
};

// words[a:b] with Python's clamping.
void AppendSlice(const std::vector<int>& words, int64_t a, int64_t b, std::vector<int>* out) {
  const int64_t n = static_cast<int64_t>(words.size());
  a = std::clamp<int64_t>(a, 0, n);
  b = std::clamp<int64_t>(b, 0, n);
  if (b > a) out->insert(out->end(), words.begin() + a, words.begin() + b);
}

// _perform_shift(), including its third branch: a target inside or just past
// the block moves the block behind the `target - start` words after it.
std::vector<int> PerformShift(const std::vector<int>& words, int64_t start, int64_t length, int64_t target) {
  const int64_t n = static_cast<int64_t>(words.size());
  std::vector<int> out;
  out.reserve(words.size());
  if (target < start) {
    AppendSlice(words, 0, target, &out);
    AppendSlice(words, start, start + length, &out);
    AppendSlice(words, target, start, &out);
    AppendSlice(words, start + length, n, &out);
  } else if (target > start + length) {
    AppendSlice(words, 0, start, &out);
    AppendSlice(words, start + length, target, &out);
    AppendSlice(words, start, start + length, &out);
    AppendSlice(words, target, n, &out);
  } else {
    AppendSlice(words, 0, start, &out);
    AppendSlice(words, start + length, length + target, &out);
    AppendSlice(words, start, start + length, &out);
    AppendSlice(words, length + target, n, &out);
  }
  return out;
}

// The words [lo, hi) where `shifted` differs from `words` (of its length).
std::pair<size_t, size_t> ChangedSpan(const std::vector<int>& words, const std::vector<int>& shifted) {
  size_t lo = 0, hi = words.size();
  while (lo < hi && words[lo] == shifted[lo]) ++lo;
  while (hi > lo && words[hi - 1] == shifted[hi - 1]) --hi;
  return {lo, hi};
}

// _shift(): the one shift that lowers the edit distance most, ranked as
// tercom ranks them (gain, then longer block, then earlier block, then
// earlier target). Returns the gain (0 without a candidate) and counts the
// candidates scored into `checked`.
int64_t BestShift(const std::vector<int>& hyp, const std::vector<int>& ref, BeamEditDistance& ed, int& checked,
                  std::vector<int>* shifted_out) {
  std::string trace;
  const int64_t pre_score = ed.Prepare(hyp, &trace);
  // Read the trace the other way round (reference into hypothesis):
  // insertions become deletions and vice versa.
  std::vector<int64_t> align(ref.size(), 0);  // reference position -> hypothesis position
  std::vector<int> hyp_err, ref_err;
  int64_t pos_hyp = -1, pos_ref = -1;
  for (char op : trace) {
    if (op == kOpNop || op == kOpSub) {
      ++pos_hyp;
      ++pos_ref;
      align[static_cast<size_t>(pos_ref)] = pos_hyp;
      hyp_err.push_back(op == kOpSub);
      ref_err.push_back(op == kOpSub);
    } else if (op == kOpDel) {  // flipped: an insertion into the reference side
      ++pos_hyp;
      hyp_err.push_back(1);
    } else {  // kOpIns, flipped: a deletion
      ++pos_ref;
      align[static_cast<size_t>(pos_ref)] = pos_hyp;
      ref_err.push_back(1);
    }
  }

  const int64_t n_h = static_cast<int64_t>(hyp.size()), n_r = static_cast<int64_t>(ref.size());
  bool have_best = false;
  std::tuple<int64_t, int64_t, int64_t, int64_t> best;  // gain, length, -start_h, -target
  auto sum = [](const std::vector<int>& v, int64_t a, int64_t b) {
    int total = 0;
    for (int64_t k = a; k < std::min<int64_t>(b, static_cast<int64_t>(v.size())); ++k) {
      total += v[static_cast<size_t>(k)];
    }
    return total;
  };
  for (int64_t start_h = 0; start_h < n_h; ++start_h) {
    // Only starts within kMaxShiftDist of start_h: the others are skipped
    // anyway, and visiting them would make each round quadratic.
    const int64_t last_r = std::min(n_r - 1, start_h + kMaxShiftDist);
    for (int64_t start_r = std::max<int64_t>(0, start_h - kMaxShiftDist); start_r <= last_r; ++start_r) {
      int64_t length = 0;
      while (hyp[static_cast<size_t>(start_h + length)] == ref[static_cast<size_t>(start_r + length)] &&
             length < kMaxShiftSize) {
        ++length;
        // Only move words that are wrong to a place that is wrong, and not
        // within the block itself.
        const int64_t aligned = align[static_cast<size_t>(start_r)];
        const bool worth_trying = sum(hyp_err, start_h, start_h + length) != 0 &&
                                  sum(ref_err, start_r, start_r + length) != 0 &&
                                  !(start_h <= aligned && aligned < start_h + length);
        if (worth_trying) {
          int64_t prev_idx = -1;
          for (int64_t offset = -1; offset < length; ++offset) {
            int64_t idx;
            if (start_r + offset == -1) {
              idx = 0;
            } else if (start_r + offset < n_r) {
              idx = align[static_cast<size_t>(start_r + offset)] + 1;
            } else {
              break;
            }
            if (idx == prev_idx) continue;
            prev_idx = idx;
            std::vector<int> shifted = PerformShift(hyp, start_h, length, idx);
            const auto [lo, hi] = ChangedSpan(hyp, shifted);
            const auto candidate =
                std::make_tuple(pre_score - ed.ShiftedDistance(shifted, lo, hi), length, -start_h, -idx);
            ++checked;
            if (!have_best || candidate > best) {
              have_best = true;
              best = candidate;
              *shifted_out = std::move(shifted);
            }
          }
          if (checked >= kMaxShiftCandidates) return have_best ? std::get<0>(best) : 0;
        }
        if (n_h == start_h + length || n_r == start_r + length) break;
      }
    }
  }
  return have_best ? std::get<0>(best) : 0;
}

int64_t EditsOfIds(const std::vector<int>& hyp, const std::vector<int>& ref) {
  if (ref.empty()) return static_cast<int64_t>(hyp.size());
  BeamEditDistance ed(ref);
  int64_t shifts = 0;
  int checked = 0;
  std::vector<int> words = hyp;
  while (true) {
    std::vector<int> shifted;
    const int64_t gain = BestShift(words, ref, ed, checked, &shifted);
    // Out of candidates: sacreBLEU drops this round's shift too.
    if (checked >= kMaxShiftCandidates) break;
    if (gain <= 0) break;
    ++shifts;
    words = std::move(shifted);
  }
  return shifts + ed.Distance(words);
}

std::vector<std::string> TerWords(std::string_view segment, const TerOptions& options) {
  Text t = Rstrip(ToText(segment));
  if (!options.case_sensitive) t = Lower(t);
  std::vector<std::string> words;
  for (const Text& w : PySplit(t)) words.push_back(FromText(w));
  return words;
}

std::string TerSignature(const TerOptions& options, int nrefs) {
  return NrefsField(nrefs) + "|case:" + (options.case_sensitive ? "mixed" : "lc") +
         "|tok:tercom|norm:no|punct:yes|asian:no|version:" + kSacrebleuVersion;
}

}  // namespace

// ---------------------------------------------------------------------------

BleuOptions SentenceBleuOptions() {
  BleuOptions options;
  options.effective_order = true;
  return options;
}

std::string BleuScore::Verbose() const {
  std::string out;
  for (size_t k = 0; k < precisions.size(); ++k) {
    if (k > 0) out += "/";
    out += Fixed(precisions[k], 1);
  }
  out += " (BP = " + Fixed(bp, 3) + " ratio = " + Fixed(ratio(), 3) + " hyp_len = " + std::to_string(sys_len) +
         " ref_len = " + std::to_string(ref_len) + ")";
  return out;
}

BleuScore CorpusBleu(const std::vector<std::string>& hyps, const ReferenceStreams& refs, const BleuOptions& options) {
  if (options.max_ngram_order < 1) throw std::invalid_argument("max_ngram_order must be >= 1");
  const SegmentRefs segment_refs = CollectReferences(hyps.size(), refs);
  std::vector<int64_t> pooled(2 + 2 * static_cast<size_t>(options.max_ngram_order), 0);
  for (size_t i = 0; i < hyps.size(); ++i) {
    const std::vector<int64_t> stats = BleuSegmentStats(hyps[i], segment_refs.per_segment[i], options);
    for (size_t k = 0; k < pooled.size(); ++k) pooled[k] += stats[k];
  }
  BleuScore score = ComputeBleu(pooled, options);
  score.signature = BleuSignature(options, segment_refs.nrefs);
  return score;
}

BleuScore SentenceBleu(std::string_view hyp, const std::vector<std::string>& refs, const BleuOptions& options) {
  ReferenceStreams streams;
  for (const std::string& r : refs) streams.push_back({r});
  return CorpusBleu({std::string(hyp)}, streams, options);
}

std::string Tokenize13a(std::string_view line) { return FromText(Run13a(ToText(line))); }

std::string TokenizeZh(std::string_view line) { return FromText(RunZh(ToText(line))); }

ChrfScore CorpusChrf(const std::vector<std::string>& hyps, const ReferenceStreams& refs, const ChrfOptions& options,
                     std::vector<double>* segment_scores) {
  if (options.char_order < 1) throw std::invalid_argument("char_order must be >= 1");
  const SegmentRefs segment_refs = CollectReferences(hyps.size(), refs);
  std::vector<int64_t> pooled(3 * static_cast<size_t>(options.char_order), 0);
  if (segment_scores) segment_scores->assign(hyps.size(), 0);
  for (size_t i = 0; i < hyps.size(); ++i) {
    const std::vector<int64_t> stats = ChrfSegmentStats(hyps[i], segment_refs.per_segment[i], options);
    for (size_t k = 0; k < pooled.size(); ++k) pooled[k] += stats[k];
    if (segment_scores) (*segment_scores)[i] = ChrfFScore(stats, options);
  }
  ChrfScore score;
  score.score = ChrfFScore(pooled, options);
  score.name = "chrF" + std::to_string(options.beta);
  score.signature = ChrfSignature(options, segment_refs.nrefs);
  return score;
}

ChrfScore SentenceChrf(std::string_view hyp, const std::vector<std::string>& refs, const ChrfOptions& options) {
  ReferenceStreams streams;
  for (const std::string& r : refs) streams.push_back({r});
  return CorpusChrf({std::string(hyp)}, streams, options);
}

int64_t TranslationEdits(const std::vector<std::string>& hyp_words, const std::vector<std::string>& ref_words) {
  std::unordered_map<std::string, int> ids;
  auto intern = [&ids](const std::vector<std::string>& words) {
    std::vector<int> out;
    out.reserve(words.size());
    for (const std::string& w : words) {
      out.push_back(ids.emplace(w, static_cast<int>(ids.size())).first->second);
    }
    return out;
  };
  const std::vector<int> hyp = intern(hyp_words);
  const std::vector<int> ref = intern(ref_words);
  return EditsOfIds(hyp, ref);
}

std::vector<std::function<void()>> CorpusTerTasks(const std::vector<std::string>& hyps, const ReferenceStreams& refs,
                                                  size_t parts, std::function<void(TerScore)> done,
                                                  const TerOptions& options) {
  // What the parts share: each writes its own segments' counts; the last
  // to finish reads them all.
  struct Shared {
    SegmentRefs segment_refs;
    std::vector<int64_t> best_edits;
    std::vector<double> ref_lengths;  // each segment's average
    std::atomic<size_t> left;
    std::function<void(TerScore)> done;
  };
  parts = std::max<size_t>(parts, 1);
  auto shared = std::make_shared<Shared>();
  shared->segment_refs = CollectReferences(hyps.size(), refs);
  shared->best_edits.resize(hyps.size());
  shared->ref_lengths.resize(hyps.size());
  shared->left = parts;
  shared->done = std::move(done);
  std::vector<std::function<void()>> tasks;
  for (size_t part = 0; part < parts; ++part) {
    // Every parts-th segment: long and short ones are spread over the parts.
    tasks.push_back([&hyps, options, shared, part, parts] {
      for (size_t i = part; i < hyps.size(); i += parts) {
        const std::vector<std::string> hyp_words = TerWords(hyps[i], options);
        int64_t best_edits = kInfinity;
        int64_t ref_lengths = 0;
        const std::vector<std::string>& seg_refs = shared->segment_refs.per_segment[i];
        for (const std::string& ref : seg_refs) {
          const std::vector<std::string> ref_words = TerWords(ref, options);
          const int64_t edits = TranslationEdits(hyp_words, ref_words);
          ref_lengths += static_cast<int64_t>(ref_words.size());
          best_edits = std::min(best_edits, edits);
        }
        shared->best_edits[i] = best_edits;
        shared->ref_lengths[i] = static_cast<double>(ref_lengths) / static_cast<double>(seg_refs.size());
      }
      if (--shared->left > 0) return;
      // Added up in segment order, whichever part finished last.
      TerScore score;
      for (size_t i = 0; i < hyps.size(); ++i) {
        score.num_edits += shared->best_edits[i];
        score.ref_length += shared->ref_lengths[i];
      }
      if (score.ref_length > 0) {
        score.score = 100 * (static_cast<double>(score.num_edits) / score.ref_length);
      } else {
        score.score = score.num_edits > 0 ? 100.0 : 0.0;  // empty references
      }
      score.signature = TerSignature(options, shared->segment_refs.nrefs);
      shared->done(std::move(score));
    });
  }
  return tasks;
}

TerScore CorpusTer(const std::vector<std::string>& hyps, const ReferenceStreams& refs, const TerOptions& options) {
  TerScore score;
  for (const std::function<void()>& task : CorpusTerTasks(
           hyps, refs, 1, [&score](TerScore s) { score = std::move(s); }, options)) {
    task();
  }
  return score;
}

TerScore SentenceTer(std::string_view hyp, const std::vector<std::string>& refs, const TerOptions& options) {
  ReferenceStreams streams;
  for (const std::string& r : refs) streams.push_back({r});
  return CorpusTer({std::string(hyp)}, streams, options);
}

std::string RstripSegment(std::string_view line) { return FromText(Rstrip(ToText(line))); }

}  // namespace bitext::align
