// Rules over a machine translation compared with the official text: what
// the repeats, the three-way rows and the outline comparison reveal.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <span>
#include <string_view>

#include "added_sentences.h"
#include "anchors.h"
#include "checks.h"
#include "heading_rows.h"
#include "lexicon.h"
#include "locate.h"
#include "loops.h"
#include "number_marks.h"
#include "span_index.h"
#include "text_features.h"
#include "unicode.h"

namespace bitext {
namespace {

Location Lines(const std::vector<const Paragraph*>& side, const std::string& file) {
  return {file, side.front()->lines().first, 1, side.back()->lines().last};
}

std::string Span(const align::Comparison& c, int begin, int end) {
  return std::to_string(c.mt_paragraphs[static_cast<size_t>(begin)]->lines().first) + "-" +
         std::to_string(c.mt_paragraphs[static_cast<size_t>(end - 1)]->lines().last);
}

std::string Joined(const std::vector<const Paragraph*>& side) {
  std::string text;
  for (const Paragraph* p : side) text += (text.empty() ? "" : " ") + p->text;
  return text;
}

// The runs of ASCII letters of `text`, as written, function words included.
std::vector<std::string> LatinWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The content words of `full` that `part` lacks, when `part` keeps some of
// them and adds none of its own: "Carry out natural disaster emergency"
// lacks "rescue" of "Carry out emergency rescue for natural disasters".
// Empty when the two are worded differently ("Introduction" / "Preface"):
// rewording is not loss.
std::vector<std::string> LostWords(std::string_view part, std::string_view full) {
  const std::vector<std::string> kept = align::EnglishStems(part);
  std::set<std::string> in_full;
  std::vector<std::string> lost;
  for (const std::string& word : LatinWords(full)) {
    if (word.size() < 2 || align::IsStopWord(FoldForCompare(word))) continue;
    const std::string stem = align::Stem(word);
    if (in_full.insert(stem).second && std::find(kept.begin(), kept.end(), stem) == kept.end()) lost.push_back(word);
  }
  const bool adds_nothing = !kept.empty() && std::all_of(kept.begin(), kept.end(),
                                                         [&](const std::string& k) { return in_full.count(k) > 0; });
  return adds_nothing ? lost : std::vector<std::string>{};
}

// The paragraph of `side` (when it has several) whose content words the
// rendering lost nearly all of, or nullptr. Nearly: a description shares a
// word or two with the heading kept before it ("/usr/lib/gcc-lib" and
// "contains ... for the GNU C compiler, gcc").
constexpr double kWhollyLostShare = 0.8;

const Paragraph* WhollyLost(const std::vector<const Paragraph*>& side, const std::vector<std::string>& lost) {
  if (side.size() < 2) return nullptr;
  std::set<std::string> lost_stems;
  for (const std::string& word : lost) lost_stems.insert(align::Stem(word));
  for (const Paragraph* p : side) {
    const std::vector<std::string> stems = align::EnglishStems(p->text);
    const auto gone =
        std::count_if(stems.begin(), stems.end(), [&](const std::string& s) { return lost_stems.count(s) > 0; });
    if (!stems.empty() && static_cast<double>(gone) >= kWhollyLostShare * static_cast<double>(stems.size())) return p;
  }
  return nullptr;
}

// Of a row with one MT paragraph fewer than official ones (a label and its
// description, with the description left out), the official paragraph whose
// removal lets the others pair in order with the MT's, each keeping nearly
// all its content words, while its own words are mostly absent from the MT:
// the paragraph left out. nullptr when no paragraph fits. With the sides
// swapped, the MT paragraph added.
constexpr double kPairedKeeps = 0.8;   // share of a paired paragraph's words the MT keeps
constexpr double kLeftOutLoses = 0.5;  // share of the left-out paragraph's words absent

const Paragraph* LeftOutOfRow(const std::vector<const Paragraph*>& en, const std::vector<const Paragraph*>& mt) {
  if (mt.empty() || en.size() != mt.size() + 1) return nullptr;
  auto stems_of = [](const Paragraph* p) {
    const std::vector<std::string> stems = align::EnglishStems(p->text);
    return std::set<std::string>(stems.begin(), stems.end());
  };
  std::vector<std::set<std::string>> official, rendered;
  for (const Paragraph* p : en) official.push_back(stems_of(p));
  std::set<std::string> all_rendered;
  for (const Paragraph* p : mt) {
    rendered.push_back(stems_of(p));
    all_rendered.insert(rendered.back().begin(), rendered.back().end());
  }
  auto missing = [](const std::set<std::string>& want, const std::set<std::string>& have) {
    return static_cast<size_t>(
        std::count_if(want.begin(), want.end(), [&](const std::string& s) { return !have.count(s); }));
  };
  for (size_t out = 0; out < en.size(); ++out) {
    if (official[out].empty() || static_cast<double>(missing(official[out], all_rendered)) <
                                     kLeftOutLoses * static_cast<double>(official[out].size())) {
      continue;
    }
    bool others_kept = true;
    for (size_t i = 0, j = 0; i < en.size() && others_kept; ++i) {
      if (i == out) continue;
      const double kept = static_cast<double>(official[i].size() - missing(official[i], rendered[j++]));
      others_kept = kept >= kPairedKeeps * static_cast<double>(official[i].size());
    }
    if (others_kept) return en[out];
  }
  return nullptr;
}

// `part` ends on a word that `full` continues with one of `lost`: the
// title was cut mid-phrase ("... disaster emergency" for "... emergency
// rescue for natural disasters"), not reworded.
bool CutMidPhrase(std::string_view part, std::string_view full, const std::vector<std::string>& lost) {
  const std::vector<std::string> part_stems = align::EnglishStems(part);
  if (part_stems.empty() || lost.empty()) return false;
  const std::vector<std::string> words = LatinWords(full);
  for (size_t k = 0; k + 1 < words.size(); ++k) {
    if (align::Stem(words[k]) != part_stems.back()) continue;
    if (std::find(lost.begin(), lost.end(), words[k + 1]) != lost.end()) return true;
  }
  return false;
}

std::string QuotedList(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "\"" : ", \"") + w + "\"";
  return out;
}

void Repeats(const align::Comparison& c, const Document& mt, std::vector<Finding>& out) {
  for (const align::Repeat& r : c.repeats.repeats) {
    // A paste that began mid-paragraph: the repeated text starts inside the
    // paragraph before the whole copies, with the end of the one before the original.
    const bool begins_inside = r.truncated >= 0 && r.truncated == r.repeat_begin - 1 && r.original_begin > 0;
    const int repeat_begin = begins_inside ? r.truncated : r.repeat_begin;
    const int original_begin = begins_inside ? r.original_begin - 1 : r.original_begin;
    const Paragraph* first = c.mt_paragraphs[static_cast<size_t>(repeat_begin)];
    const Paragraph* last = c.mt_paragraphs[static_cast<size_t>(r.repeat_end - 1)];
    Finding f = MakeFinding(
        kDuplicatedSection,
        "lines " + Span(c, repeat_begin, r.repeat_end) + " repeat lines " + Span(c, original_begin, r.original_end) +
            (begins_inside ? " (the copy begins inside line " + std::to_string(first->lines().first) + ")"
             : r.restart   ? " (the text starts again)"
                           : ""),
        {mt.path, first->lines().first, 1, last->lines().last},
        {{"key", c.mt_paragraphs[static_cast<size_t>(r.repeat_begin)]->text},
         {"original", Span(c, original_begin, r.original_end)},
         {"repeat", Span(c, repeat_begin, r.repeat_end)}});
    const Paragraph* original = c.mt_paragraphs[static_cast<size_t>(original_begin)];
    f.locations.push_back(
        {mt.path, original->lines().first, 1, c.mt_paragraphs[static_cast<size_t>(r.original_end - 1)]->lines().last});
    out.push_back(std::move(f));
    // A cut paragraph that reads as cut is reported by the document checks.
    if (r.truncated >= 0 && !c.mt_paragraphs[static_cast<size_t>(r.truncated)]->truncated) {
      const Paragraph* cut = c.mt_paragraphs[static_cast<size_t>(r.truncated)];
      out.push_back(MakeFinding(kTruncatedParagraph,
                                "paragraph cut where the repeated text begins: \"" + ClipText(cut->text, 40) + "\"",
                                {mt.path, cut->lines().first, 1, cut->lines().last}, {{"key", cut->text}}));
    }
  }
}

// Paragraphs in the order of their trimmed texts read backwards: those
// that end with a given text are one run of that order, found by binary
// search rather than by reading every paragraph for each contents entry.
class ParagraphEndings {
 public:
  explicit ParagraphEndings(const std::vector<const Paragraph*>& paragraphs) {
    for (const Paragraph* p : paragraphs) trimmed_.push_back(Trim(p->text));
    order_.resize(trimmed_.size());
    std::iota(order_.begin(), order_.end(), size_t{0});
    std::sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
      return std::lexicographical_compare(trimmed_[a].rbegin(), trimmed_[a].rend(), trimmed_[b].rbegin(),
                                          trimmed_[b].rend());
    });
  }
  // The indices of the paragraphs whose trimmed text ends with `tail`.
  std::span<const size_t> EndingWith(std::string_view tail) const {
    // Compared on their last tail.size() bytes alone: the order of whole
    // texts read backwards keeps those with one ending together.
    auto ending = [&](size_t k) {
      const std::string_view t = trimmed_[k];
      return t.substr(t.size() - std::min(t.size(), tail.size()));
    };
    auto before = [](std::string_view a, std::string_view b) {
      return std::lexicographical_compare(a.rbegin(), a.rend(), b.rbegin(), b.rend());
    };
    const auto first =
        std::partition_point(order_.begin(), order_.end(), [&](size_t k) { return before(ending(k), tail); });
    const auto last = std::partition_point(first, order_.end(), [&](size_t k) { return !before(tail, ending(k)); });
    return {first, last};
  }

 private:
  std::vector<std::string_view> trimmed_;
  std::vector<size_t> order_;
};

// A paragraph after the contents entry `entry` that ends with its title:
// the entry's heading, with a number the outline could not match.
bool HeadingWithTitleAfter(const align::Comparison& c, const ParagraphEndings& endings, const Paragraph& entry) {
  const std::string_view title = Trim(entry.title());
  if (title.empty()) return false;
  for (const size_t k : endings.EndingWith(title)) {
    const Paragraph* p = c.mt_paragraphs[k];
    if (p->lines().first > entry.lines().first && PrefixBeforeTitle(p->text, entry.title()).has_value()) return true;
  }
  return false;
}

// The words `full` goes on with when `part` is its beginning, word for word
// ("Hardware Issues to Watch" of "Hardware Issues to Watch Out For"):
// a title cut short even when only function words were lost. Not where
// `full` goes on with a preposition or conjunction: "Provide food
// assistance" for "... assistance to deal with famine" ends a phrase, a
// contents entry's usual shortening.
std::vector<std::string> WordsAfterPrefix(std::string_view part, std::string_view full) {
  static const std::set<std::string> kPhraseBoundary = {
      "about",   "after", "against", "and",   "as",   "at",   "before", "between", "by",
      "during",  "for",   "from",    "in",    "into", "of",   "on",     "or",      "over",
      "through", "to",    "under",   "using", "via",  "with", "without"};
  const std::string p(Trim(part)), f(Trim(full));
  if (p.empty() || f.size() <= p.size() + 1 || !f.starts_with(p) || f[p.size()] != ' ') return {};
  std::vector<std::string> rest = LatinWords(f.substr(p.size()));
  if (rest.empty() || kPhraseBoundary.count(FoldForCompare(rest.front()))) return {};
  // A heading that goes on with the entry's own words again loops (a
  // repetition-loop there): the entry lost nothing.
  std::set<std::string> kept;
  for (const std::string& w : LatinWords(p)) kept.insert(FoldForCompare(w));
  std::erase_if(rest, [&](const std::string& w) { return kept.count(FoldForCompare(w)) > 0; });
  return rest;
}

void Outline(const align::Comparison& c, const Document& mt, std::vector<Finding>& out) {
  // A table of contents lists the sections after it down to some depth: a
  // heading above it (the chapter it opens) or deeper than its entries go
  // is not expected in it.
  int deepest = 0, first_entry = std::numeric_limits<int>::max();
  for (const align::OutlinePair& pair : c.toc_vs_body) {
    if (!pair.left) continue;
    first_entry = std::min(first_entry, pair.left->lines().first);
    if (pair.left->heading && pair.left->heading->number) deepest = std::max(deepest, pair.left->heading->level);
  }
  auto expected_in_contents = [&](const Paragraph& heading) {
    if (heading.lines().first < first_entry) return false;
    return deepest == 0 || !heading.heading || !heading.heading->number || heading.heading->level <= deepest;
  };
  std::optional<ParagraphEndings> endings;  // of c.mt_paragraphs, made when first needed
  for (const align::OutlinePair& pair : c.toc_vs_body) {
    if (!pair.left && !expected_in_contents(*pair.right)) continue;
    const Paragraph* where = pair.left ? pair.left : pair.right;
    const Location at{mt.path, where->lines().first, 1, where->lines().last};
    if (!pair.right) {
      // The heading is there with its number damaged: the numbering rules
      // report it where it stands.
      if (!endings) endings.emplace(c.mt_paragraphs);
      if (HeadingWithTitleAfter(c, *endings, *pair.left)) continue;
      out.push_back(MakeFinding(kTocMismatch,
                                "contents entry \"" + ClipText(pair.left->text, 50) + "\" has no heading in the body",
                                at, {{"key", pair.left->text}}));
    } else if (!pair.left) {
      out.push_back(MakeFinding(kTocMismatch,
                                "heading \"" + ClipText(pair.right->text, 50) + "\" is missing from the contents", at,
                                {{"key", pair.right->text}}));
    } else {
      // Worded differently is fine; an entry or heading that lost words is not.
      const bool entry_short =
          align::EnglishStems(pair.left->title()).size() <= align::EnglishStems(pair.right->title()).size();
      const Paragraph* part = entry_short ? pair.left : pair.right;
      const Paragraph* full = entry_short ? pair.right : pair.left;
      std::vector<std::string> lost = LostWords(part->title(), full->title());
      if (!CutMidPhrase(part->title(), full->title(), lost)) lost = WordsAfterPrefix(part->title(), full->title());
      if (lost.empty()) continue;
      Finding f = MakeFinding(kTocMismatch,
                              std::string(entry_short ? "contents entry " : "heading ") + "\"" +
                                  ClipText(part->text, 40) + "\" stops short of its " +
                                  (entry_short ? "heading " : "contents entry ") + "\"" + ClipText(full->text, 40) +
                                  "\" (line " + std::to_string(full->lines().first) + "): lacks " + QuotedList(lost),
                              {mt.path, part->lines().first, 1, part->lines().last},
                              {{"key", pair.left->text}, {"heading", pair.right->text}, {"lost", lost}});
      f.locations.push_back({mt.path, full->lines().first, 1, full->lines().last});
      out.push_back(std::move(f));
    }
  }
}

// Rows inside the coverage: between the first and last row with an MT side.
std::pair<size_t, size_t> CoveredRows(const align::Comparison& c) {
  size_t first = c.rows.size(), last = 0;
  for (size_t k = 0; k < c.rows.size(); ++k) {
    if (c.rows[k].mt.empty() || c.rows[k].en.empty()) continue;
    first = std::min(first, k);
    last = k;
  }
  return {first, last};
}

// Han character bigrams of a text, for comparing Chinese left in an MT with
// the official Chinese.
std::set<std::u32string> HanBigrams(const std::string& text) {
  std::set<std::u32string> bigrams;
  const std::vector<char32_t> cps = ToCodePoints(text);
  for (size_t i = 0; i + 1 < cps.size(); ++i) {
    if (IsHan(cps[i]) && IsHan(cps[i + 1])) bigrams.insert({cps[i], cps[i + 1]});
  }
  return bigrams;
}

// MT paragraphs left in Chinese: reported where they stand, and the official
// paragraph whose Chinese they copy counts as rendered (untranslated, not
// omitted). Returns the rows so explained.
std::set<size_t> UntranslatedParagraphs(const align::Comparison& c, const Document& mt, std::vector<Finding>& out) {
  std::set<size_t> explained;
  // The Chinese of the rows an MT paragraph may copy, indexed by bigram once,
  // so that each paragraph left in Chinese costs its own bigrams' postings.
  std::map<std::u32string, std::vector<size_t>> rows_with;
  std::map<size_t, size_t> bigram_count;  // row -> its distinct bigrams
  auto index_rows = [&] {
    for (size_t k = 0; k < c.rows.size(); ++k) {
      const align::ComparisonRow& row = c.rows[k];
      if (row.zh.empty() || row.en.empty() || !row.mt.empty()) continue;
      const std::set<std::u32string> source = HanBigrams(Joined(row.zh));
      bigram_count[k] = source.size();
      for (const std::u32string& b : source) rows_with[b].push_back(k);
    }
  };
  bool indexed = false;
  for (const Paragraph* p : c.mt_paragraphs) {
    if (p->lang != Lang::kZh || p->kind == Kind::kToc || p->kind == Kind::kBoilerplate) continue;
    out.push_back(MakeFinding(kUntranslated, "paragraph left in Chinese: \"" + ClipText(p->text, 30) + "\"",
                              {mt.path, p->lines().first, 1, p->lines().last}, {{"key", p->text}, {"text", p->text}}));
    const std::set<std::u32string> left = HanBigrams(p->text);
    if (left.empty()) continue;
    if (!indexed) index_rows(), indexed = true;
    std::map<size_t, size_t> shared;  // row -> bigrams it shares with `left`
    for (const std::u32string& b : left) {
      auto rows = rows_with.find(b);
      if (rows != rows_with.end())
        for (size_t k : rows->second) ++shared[k];
    }
    // The paragraph is the row's Chinese, or a clause of it that replaced
    // the rendering ("则项的几何将有点奇怪。").
    constexpr size_t kClauseBigrams = 4;
    for (const auto& [k, n] : shared) {
      const bool same = 2.0 * static_cast<double>(n) >= 0.6 * static_cast<double>(left.size() + bigram_count[k]);
      const bool clause =
          left.size() >= kClauseBigrams && static_cast<double>(n) >= 0.8 * static_cast<double>(left.size());
      if (same || clause) explained.insert(k);
    }
  }
  return explained;
}

// The rows where an official paragraph without an MT rendering is omitted:
// the covered rows [first, last], and beyond them where the MT has nothing
// before (after) them. The official text may cover only part of the MT, so
// the coverage has free ends; an MT that starts (stops) with the covered
// text left out the official paragraphs before (after) it.
std::pair<size_t, size_t> OmissionRows(const align::Comparison& c, size_t first, size_t last) {
  const int mt_first_line = c.mt_aligned.empty() ? 0 : c.mt_aligned.front()->lines().first;
  const int mt_last_line = c.mt_aligned.empty() ? 0 : c.mt_aligned.back()->lines().last;
  const bool mt_before = mt_first_line < c.rows[first].mt.front()->lines().first;
  const bool mt_after = mt_last_line > c.rows[last].mt.back()->lines().last;
  return {mt_before ? first : 0, mt_after ? last : c.rows.size() - 1};
}

// An MT that renders the official text from its first paragraph (to its
// last) and has a paragraph or two before (after) it, outside the coverage,
// added them: a title page, a commentary, web furniture. More than that
// before (after) is the rest of a document of which the official text is a
// part.
constexpr size_t kMaxAddedAtEnd = 2;

struct AddedAtEnd {
  const Paragraph* paragraph;
  bool before;  // before the official text's first paragraph, else after its last
};

std::vector<AddedAtEnd> AddedAtTheEnds(const align::Comparison& c, size_t first, size_t last) {
  std::vector<AddedAtEnd> added;
  const align::MonolingualAlignment& a = c.mt_alignment;
  if (a.hyp_first < 0) return added;
  auto official_before = [&](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) {
      if (!c.rows[k].en.empty()) return true;
    }
    return false;
  };
  const size_t head = static_cast<size_t>(a.hyp_first);
  if (head >= 1 && head <= kMaxAddedAtEnd && !official_before(0, first)) {
    for (size_t k = 0; k < head; ++k) added.push_back({c.mt_aligned[k], true});
  }
  const size_t tail = c.mt_aligned.size() - 1 - static_cast<size_t>(a.hyp_last);
  if (tail >= 1 && tail <= kMaxAddedAtEnd && !official_before(last + 1, c.rows.size())) {
    for (size_t k = c.mt_aligned.size() - tail; k < c.mt_aligned.size(); ++k) added.push_back({c.mt_aligned[k], false});
  }
  return added;
}

// The last two words of `part` stand together in `full`, which goes on
// after them with one of `lost`: `part` stops where `full` continues.
bool StopsWhereOfficialGoesOn(const std::string& part, const std::string& full, const std::vector<std::string>& lost) {
  if (lost.empty()) return false;
  auto lower = [](std::vector<std::string> words) {
    for (std::string& w : words)
      std::transform(w.begin(), w.end(), w.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return words;
  };
  const std::vector<std::string> tail = lower(LatinWords(part)), words = lower(LatinWords(full));
  const std::vector<std::string> lost_words = lower(lost);
  const size_t n = std::min<size_t>(2, tail.size());
  if (n == 0) return false;
  for (size_t k = 0; k + n < words.size(); ++k) {
    if (!std::equal(tail.end() - static_cast<std::ptrdiff_t>(n), tail.end(),
                    words.begin() + static_cast<std::ptrdiff_t>(k)))
      continue;
    for (size_t j = k + n; j < words.size(); ++j) {
      if (std::find(lost_words.begin(), lost_words.end(), words[j]) != lost_words.end()) return true;
    }
  }
  return false;
}

bool LeftInChinese(const std::string& text) {
  constexpr int kChineseLeftIn = 2;  // Han characters; one may be a symbol
  return CountScripts(text).han >= kChineseLeftIn;
}

// An MT paragraph just before, inside or just after the span of the row's MT
// text holds Chinese (the untranslated finding's, kept off the row).
// c.mt_paragraphs points at the MT document's paragraphs in order, so a
// paragraph's index is its distance from the first: no search per row.
bool BesideChineseLeftIn(const align::Comparison& c, const align::ComparisonRow& row) {
  if (row.mt.empty() || c.mt_paragraphs.empty()) return false;
  const auto index = [&](const Paragraph* p) { return static_cast<size_t>(p - c.mt_paragraphs.front()); };
  const size_t first = index(row.mt.front()), last = index(row.mt.back());
  if (first > last || last >= c.mt_paragraphs.size()) return false;
  for (size_t k = first > 0 ? first - 1 : 0; k <= std::min(last + 1, c.mt_paragraphs.size() - 1); ++k) {
    if (LeftInChinese(c.mt_paragraphs[k]->text)) return true;
  }
  return false;
}

// The paragraph of `side` that shares most content words with `p`, or
// nullptr when none shares one.
const Paragraph* ClosestParagraph(const Paragraph& p, const std::vector<const Paragraph*>& side) {
  const std::vector<std::string> stems = align::EnglishStems(p.text);
  const std::set<std::string> mine(stems.begin(), stems.end());
  const Paragraph* closest = nullptr;
  size_t most = 0;
  for (const Paragraph* o : side) {
    size_t shared = 0;
    for (const std::string& stem : align::EnglishStems(o->text)) shared += mine.count(stem);
    if (shared > most) most = shared, closest = o;
  }
  return closest;
}

// The finding of an MT rendering (`mt_text`, at `where`) that stops
// mid-sentence where its official paragraph goes on with `lost`.
Finding StopsShort(const std::string& mt_text, const std::string& official_text, const std::vector<std::string>& lost,
                   Location where) {
  return MakeFinding(kTruncatedParagraph,
                     "paragraph stops mid-sentence where the official \"" + ClipText(official_text, 40) +
                         "\" goes on: lacks " + QuotedList(lost),
                     std::move(where), {{"key", mt_text}, {"official", official_text}, {"lost", lost}});
}

// Of a row with several MT paragraphs, one that stops mid-sentence where
// the official paragraph it shares most words with goes on to a full stop
// ("This directory contains files" of "... files which may change in size,
// ..."): cut, though the row's last paragraph ends well. `finding` is
// empty when the paragraph reads as cut on its own (the document checks
// report it).
struct CutParagraph {
  std::optional<Finding> finding;
};
std::optional<CutParagraph> CutInsideRow(const std::vector<const Paragraph*>& en,
                                         const std::vector<const Paragraph*>& mt, const std::string& mt_path) {
  if (mt.size() < 2) return std::nullopt;
  auto last_word = [](const std::string& text) {
    std::vector<std::string> words = LatinWords(text);
    return words.empty() ? std::string() : FoldForCompare(words.back());
  };
  for (const Paragraph* m : mt) {
    if (EndsSentence(m->text)) continue;
    // An official paragraph of the row stops on the same word: the
    // rendering of a label or an unterminated line, as written.
    const std::string stop = last_word(m->text);
    if (std::any_of(en.begin(), en.end(),
                    [&](const Paragraph* o) { return !EndsSentence(o->text) && last_word(o->text) == stop; })) {
      continue;
    }
    const Paragraph* closest = ClosestParagraph(*m, en);
    if (!closest || !EndsSentence(closest->text)) continue;
    const std::vector<std::string> lost = LostWords(m->text, closest->text);
    if (m->truncated && !lost.empty()) return CutParagraph{};
    if (!StopsWhereOfficialGoesOn(m->text, closest->text, lost)) continue;
    return CutParagraph{StopsShort(m->text, closest->text, lost, Lines({m}, mt_path))};
  }
  return std::nullopt;
}

// The official paragraph as the MT renders it on a row next to `mt_row`,
// where the alignment put it: an MT paragraph there that stops where the
// official one goes on (`cut` set), or one that keeps a good part of its
// content words. nullptr when there is none.
struct RenderedElsewhere {
  const Paragraph* paragraph = nullptr;
  bool cut = false;
};
RenderedElsewhere RenderedNearby(const Paragraph& official, const align::Comparison& c, size_t mt_row) {
  constexpr double kKeptShare = 0.3;
  const std::vector<std::string> stems = align::EnglishStems(official.text);
  const std::set<std::string> wanted(stems.begin(), stems.end());
  if (wanted.empty()) return {};
  for (size_t row : {mt_row - 1, mt_row + 1}) {
    if (row >= c.rows.size()) continue;  // mt_row - 1 wraps around at 0
    for (const Paragraph* m : c.rows[row].mt) {
      if (!EndsSentence(m->text) && EndsSentence(official.text) &&
          StopsWhereOfficialGoesOn(m->text, official.text, LostWords(m->text, official.text))) {
        return {m, true};
      }
      std::set<std::string> kept;
      for (const std::string& stem : align::EnglishStems(m->text)) {
        if (wanted.count(stem)) kept.insert(stem);
      }
      if (static_cast<double>(kept.size()) >= kKeptShare * static_cast<double>(wanted.size())) return {m, false};
    }
  }
  return {};
}

// Official paragraphs the MT renders only in part: on a paired row, or left
// over next to the official paragraph left out. An MT paragraph that keeps
// some words of its official paragraph and adds none renders it in part
// ("China's information office" for "State Council Information Office of
// the People's Republic of China"). Remembers the MT rows it explained, which
// are then no additions.
class PartialRenderings {
 public:
  PartialRenderings(const align::Comparison& c, const Document& mt, const std::string& official,
                    std::vector<Finding>& out)
      : c_(c), mt_(mt), official_(official), out_(out) {}

  // Whether MT row `mt_row` renders official row `official_row` in part
  // (reported, unless another finding stands for it).
  bool Report(size_t official_row, size_t mt_row);
  // Whether an MT-only row within three of official row `k` renders it in part.
  bool NearbyRendersInPart(size_t k);
  bool Explained(size_t mt_row) const { return explained_.count(mt_row) > 0; }

 private:
  bool ReportLeftOut(const Paragraph* left_out, size_t mt_row);

  const align::Comparison& c_;
  const Document& mt_;
  const std::string& official_;
  std::vector<Finding>& out_;
  std::set<size_t> explained_;
};

bool PartialRenderings::ReportLeftOut(const Paragraph* left_out, size_t mt_row) {
  Finding f =
      MakeFinding(kOmission, "official paragraph not rendered in the MT: \"" + ClipText(left_out->text, 50) + "\"",
                  Lines({left_out}, official_), {{"key", left_out->text}});
  f.locations.push_back(Lines(c_.rows[mt_row].mt, mt_.path));
  out_.push_back(std::move(f));
  return true;
}

bool PartialRenderings::Report(size_t official_row, size_t mt_row) {
  const align::ComparisonRow& official = c_.rows[official_row];
  const align::ComparisonRow& rendering = c_.rows[mt_row];
  if (std::optional<CutParagraph> cut = CutInsideRow(official.en, rendering.mt, mt_.path)) {
    explained_.insert(mt_row);
    if (cut->finding) out_.push_back(std::move(*cut->finding));
    return true;
  }
  const std::string official_text = Joined(official.en);
  const std::string mt_text = Joined(rendering.mt);
  const std::vector<std::string> lost = LostWords(mt_text, official_text);
  if (lost.empty()) return false;
  explained_.insert(mt_row);
  // Words the MT left in Chinese, in the paragraph or in one beside it
  // (a title line), are not lost: the untranslated finding reports them.
  if (LeftInChinese(mt_text) || BesideChineseLeftIn(c_, rendering)) return true;
  if (const Paragraph* left_out = LeftOutOfRow(official.en, rendering.mt)) {
    const RenderedElsewhere nearby = RenderedNearby(*left_out, c_, mt_row);
    if (!nearby.paragraph) return ReportLeftOut(left_out, mt_row);
    if (nearby.cut) {
      if (nearby.paragraph->truncated) return true;  // the text's own truncated-paragraph finding stands
      out_.push_back(StopsShort(nearby.paragraph->text, left_out->text,
                                LostWords(nearby.paragraph->text, left_out->text),
                                Lines({nearby.paragraph}, mt_.path)));
      return true;
    }
  }
  // A rendering that stops mid-sentence where its official paragraph goes
  // on to a full stop was cut: that is the defect to report, once.
  const Paragraph& last_mt = *rendering.mt.back();
  if (!EndsSentence(last_mt.text) && EndsSentence(official_text)) {
    if (last_mt.truncated) return true;  // the text's own truncated-paragraph finding stands
    out_.push_back(StopsShort(mt_text, official_text, lost, Lines(rendering.mt, mt_.path)));
    return true;
  }
  // Of several official paragraphs on the row, one whose words are all
  // lost is a paragraph left out: reported where it stands.
  if (const Paragraph* left_out = WhollyLost(official.en, lost)) return ReportLeftOut(left_out, mt_row);
  Finding f = MakeFinding(
      kOmission,
      "MT renders the official \"" + ClipText(official_text, 50) + "\" only in part: lacks " + QuotedList(lost),
      Lines(rendering.mt, mt_.path), {{"key", mt_text}, {"official", official_text}, {"lost", lost}});
  f.locations.push_back(Lines(official.en, official_));
  out_.push_back(std::move(f));
  return true;
}

bool PartialRenderings::NearbyRendersInPart(size_t k) {
  for (size_t j = k >= 3 ? k - 3 : 0; j <= std::min(c_.rows.size() - 1, k + 3); ++j) {
    const align::ComparisonRow& other = c_.rows[j];
    if (other.mt.empty() || !other.en.empty() || !other.zh.empty() || Explained(j)) continue;
    if (Report(k, j)) return true;
  }
  return false;
}

// MT paragraphs with no counterpart in rows [first, last] of the official
// text, or before or after it; a copy of repeated MT text is reported as
// duplicated-section instead, a paragraph left in Chinese as untranslated,
// and a rendering in part is no addition.
void Additions(const align::Comparison& c, const Document& mt, size_t first, size_t last,
               const PartialRenderings& partial, std::vector<Finding>& out) {
  std::set<const Paragraph*> superseded;
  for (size_t i = 0; i < c.repeats.superseded.size() && i < c.mt_paragraphs.size(); ++i) {
    if (c.repeats.superseded[i]) superseded.insert(c.mt_paragraphs[i]);
  }
  auto copied = [&](const align::ComparisonRow& row) {
    return std::all_of(row.mt.begin(), row.mt.end(), [&](const Paragraph* p) { return superseded.count(p) > 0; });
  };
  auto added = [&](const std::string& message, const std::vector<const Paragraph*>& paragraphs,
                   const std::string& key) {
    out.push_back(MakeFinding(kAddition, message, Lines(paragraphs, mt.path), {{"key", key}}));
  };
  for (const auto& [p, before] : AddedAtTheEnds(c, first, last)) {
    if (superseded.count(p) || CountScripts(p->text).han > 0) continue;  // left in Chinese: untranslated
    added(std::string("MT paragraph with no counterpart ") +
              (before ? "before the official text's first paragraph: \""
                      : "after the official text's last paragraph: \"") +
              ClipText(p->text, 50) + "\"",
          {p}, p->text);
  }
  const std::string no_counterpart = "MT paragraph with no counterpart in the official text: \"";
  for (size_t k = first; k <= last; ++k) {
    const align::ComparisonRow& row = c.rows[k];
    if (row.en.empty() && row.zh.empty() && !row.mt.empty() && !partial.Explained(k) && !copied(row)) {
      const std::string text = Joined(row.mt);
      if (!LeftInChinese(text)) added(no_counterpart + ClipText(text, 50) + "\"", row.mt, text);
    }
    // Of a row with one MT paragraph more than official ones, the one whose
    // words the official text lacks while the others pair in order was added
    // (a comment slipped between a label and its description).
    if (row.en.empty() || partial.Explained(k)) continue;
    const Paragraph* extra = LeftOutOfRow(row.mt, row.en);
    if (extra && !superseded.count(extra) && !LeftInChinese(extra->text)) {
      added(no_counterpart + ClipText(extra->text, 50) + "\"", {extra}, extra->text);
    }
  }
}

void OmissionsAndAdditions(const align::Comparison& c, const Document& mt, const std::string& official,
                           std::vector<Finding>& out) {
  const std::set<size_t> left_in_chinese = UntranslatedParagraphs(c, mt, out);
  const auto [first, last] = CoveredRows(c);
  if (first > last) return;
  const auto [omitted_first, omitted_last] = OmissionRows(c, first, last);
  PartialRenderings partial(c, mt, official, out);
  for (size_t k = first; k <= last; ++k) {
    if (!c.rows[k].en.empty() && !c.rows[k].mt.empty()) partial.Report(k, k);
  }
  for (size_t k = omitted_first; k <= omitted_last; ++k) {
    const align::ComparisonRow& row = c.rows[k];
    if (!row.en.empty() && row.mt.empty() && !left_in_chinese.count(k) && !partial.NearbyRendersInPart(k)) {
      out.push_back(MakeFinding(kOmission,
                                "official paragraph not rendered in the MT: \"" + ClipText(Joined(row.en), 50) + "\"",
                                Lines(row.en, official), {{"key", Joined(row.en)}}));
    }
  }
  Additions(c, mt, first, last, partial, out);
}

using NumberSet = std::multiset<align::Decimal>;

std::string List(const NumberSet& values) {
  std::string out;
  for (const align::Decimal& v : values) out += (out.empty() ? "" : ", ") + v.Text();
  return out;
}

// The values as the evidence lists them: exact decimal strings.
std::vector<std::string> Texts(const NumberSet& values) {
  std::vector<std::string> texts;
  for (const align::Decimal& v : values) texts.push_back(v.Text());
  return texts;
}

// A translation's numbers against its Chinese source. The MT is checked
// against the Chinese, not against the official English, which may add or
// drop some; but a number the official English of the same row adds or
// drops too is the official rendering's choice, not the MT's error. The
// official English against its own Chinese, where only a changed number
// counts: an edited translation makes dates explicit ("since 1949" for
// 新中国成立以来) or words them ("seven decades" for 70年).
NumberSet Difference(const NumberSet& a, const NumberSet& b) {
  NumberSet out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

void CompareNumbers(const std::vector<const Paragraph*>& zh, const std::vector<const Paragraph*>& translation,
                    const std::vector<const Paragraph*>& official_en, const std::string& file, bool only_changed,
                    std::vector<Finding>& out) {
  if (zh.empty() || translation.empty()) return;
  // A cut source cannot say what its rendering should contain.
  if (std::any_of(zh.begin(), zh.end(), [](const Paragraph* p) { return p->truncated; })) return;
  // Heading numbers are compared by the numbering rules.
  auto body = [](const Paragraph* p) { return p->title(); };
  auto numbers = [&](const std::vector<const Paragraph*>& side, Lang lang) {
    NumberSet values;
    for (const Paragraph* p : side) values.merge(NumbersOf(body(p), lang));
    return values;
  };
  const Lang source_lang = zh.front()->lang == Lang::kEn ? Lang::kEn : Lang::kZh;
  const NumberSet source = numbers(zh, source_lang), target = numbers(translation, Lang::kEn);
  NumberSet missing, extra;
  std::set_difference(source.begin(), source.end(), target.begin(), target.end(),
                      std::inserter(missing, missing.end()));
  std::set_difference(target.begin(), target.end(), source.begin(), source.end(), std::inserter(extra, extra.end()));
  const std::string text = Joined(translation);
  std::erase_if(missing, [&](const align::Decimal& v) { return SpellsOut(text, v.ToDouble()); });
  // Note marks kept on both sides keep their numbers ("country[4]" is not
  // "country[40]"); a mark dropped or written another way is no number.
  NumberSet source_marks, target_marks;
  for (const Paragraph* p : zh) source_marks.merge(NoteMarksOf(body(p)));
  for (const Paragraph* p : translation) target_marks.merge(NoteMarksOf(body(p)));
  if (!source_marks.empty() && !target_marks.empty()) {
    missing.merge(Difference(source_marks, target_marks));
    extra.merge(Difference(target_marks, source_marks));
  }
  // An identifier kept with another number ("ISO-8208" as "ISO-8028").
  std::string source_text;
  for (const Paragraph* p : zh) {
    source_text += body(p);
    source_text += '\n';
  }
  ChangedTokenNumbers(source_text, text, missing, extra);
  if (!official_en.empty()) {
    // Counted occurrence by occurrence: the official English that keeps
    // one of two "022" and adds a "002" excuses an MT that does the same.
    const NumberSet official = numbers(official_en, Lang::kEn);
    NumberSet official_missing, official_extra;
    std::set_difference(source.begin(), source.end(), official.begin(), official.end(),
                        std::inserter(official_missing, official_missing.end()));
    std::set_difference(official.begin(), official.end(), source.begin(), source.end(),
                        std::inserter(official_extra, official_extra.end()));
    missing = Difference(missing, official_missing);
    extra = Difference(extra, official_extra);
  }
  if (only_changed ? missing.empty() || extra.empty() : missing.empty() && extra.empty()) return;
  std::string message = "numbers differ from the Chinese:";
  if (!missing.empty()) message += " missing " + List(missing) + (extra.empty() ? "" : ";");
  if (!extra.empty()) message += " not in the source " + List(extra);
  out.push_back(MakeFinding(kNumberMismatch, message, Lines(translation, file),
                            {{"key", text}, {"missing", Texts(missing)}, {"extra", Texts(extra)}}));
}

void Numbers(const align::Comparison& c, const Document& mt, std::vector<Finding>& out) {
  for (const align::ComparisonRow& row : c.rows) {
    // The MT keeps the official title; what stands before it is a heading
    // number the numbering rules report.
    if (UnparsedHeadingNumber(row)) continue;
    // Where the official Chinese has no counterpart (an older or shorter
    // Chinese text), the official English is the source the MT keeps to.
    if (row.zh.empty())
      CompareNumbers(row.en, row.mt, {}, mt.path, false, out);
    else
      CompareNumbers(row.zh, row.mt, row.en, mt.path, false, out);
  }
}

// A rule on the official pair itself, like length-ratio: made once, with
// or without an MT. A row the aligner rates more likely wrong than right
// (an older Chinese text that lacks whole entries) says nothing about
// either side's numbers.
void OfficialNumbers(const align::DocumentAlignment& pair, const std::string& official, std::vector<Finding>& out) {
  constexpr double kTrustedPairing = 0.5;
  for (const align::Bead& b : pair.paragraphs) {
    if (b.confidence < kTrustedPairing) continue;
    CompareNumbers({pair.zh.begin() + b.zh_begin, pair.zh.begin() + b.zh_end},
                   {pair.en.begin() + b.en_begin, pair.en.begin() + b.en_end}, {}, official, true, out);
  }
}

// The chrF below which a row reads far from its official rendering: some
// median absolute deviations below the document's median, and never above
// the configured ceiling. nullopt with too few rows to say.
struct SimilarityThreshold {
  double median, threshold;
};
std::optional<SimilarityThreshold> LowSimilarityThreshold(const align::Comparison& c, const CheckConfig& config) {
  std::vector<double> scores;
  for (const align::ComparisonRow& row : c.rows) {
    if (row.similarity >= 0) scores.push_back(100 * row.similarity);
  }
  if (scores.size() < 5) return std::nullopt;
  std::vector<double> sorted = scores;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted[sorted.size() / 2];
  std::vector<double> deviations;
  for (double s : scores) deviations.push_back(std::fabs(s - median));
  std::sort(deviations.begin(), deviations.end());
  const double mad = std::max(deviations[deviations.size() / 2], 1.0);
  return SimilarityThreshold{median,
                             std::min(median - config.low_similarity_mads * mad, config.low_similarity_ceiling)};
}

void LowSimilarity(const align::Comparison& c, const Document& mt, const CheckConfig& config,
                   std::vector<Finding>& out) {
  const std::optional<SimilarityThreshold> low = LowSimilarityThreshold(c, config);
  if (!low) return;
  const double median = low->median, threshold = low->threshold;
  // Beside an official paragraph the MT left out, a row may hold part of
  // what belongs to the gap: the omission reported there explains it.
  auto left_out = [&](size_t k) { return k < c.rows.size() && !c.rows[k].en.empty() && c.rows[k].mt.empty(); };
  for (size_t k = 0; k < c.rows.size(); ++k) {
    const align::ComparisonRow& row = c.rows[k];
    if (row.similarity < 0 || 100 * row.similarity >= threshold) continue;
    if ((k > 0 && left_out(k - 1)) || left_out(k + 1)) continue;
    // A row whose MT lacks one of its official paragraphs, or beside a
    // paragraph left in Chinese, is far from its rendering for that reason,
    // which the omission or untranslated finding reports.
    if (LeftOutOfRow(row.en, row.mt) || BesideChineseLeftIn(c, row)) continue;
    // Headings are too short for chrF to say much.
    if (std::all_of(row.en.begin(), row.en.end(), [](const Paragraph* p) { return p->kind == Kind::kHeading; })) {
      continue;
    }
    char message[160];
    std::snprintf(message, sizeof message,
                  "MT paragraph far from the official rendering: chrF %.1f, document median %.1f", 100 * row.similarity,
                  median);
    out.push_back(MakeFinding(kLowSimilarity, message, Lines(row.mt, mt.path),
                              {{"key", Joined(row.mt)},
                               {"official", Joined(row.en)},
                               {"mt", Joined(row.mt)},
                               {"chrf", 100 * row.similarity},
                               {"median", median}}));
  }
}

// A rule on the official pair itself: it holds whatever MT is compared.
void LengthRatio(const align::DocumentAlignment& pair, const std::string& official, const CheckConfig& config,
                 std::vector<Finding>& out) {
  for (const align::Bead& b : pair.paragraphs) {
    if (b.zh_size() == 0 || b.en_size() == 0) continue;
    if (b.evidence.length_probability >= config.length_ratio_min_probability) continue;
    std::vector<const Paragraph*> en(pair.en.begin() + b.en_begin, pair.en.begin() + b.en_end);
    out.push_back(MakeFinding(kLengthRatio, "English length far from what the Chinese predicts for this document",
                              Lines(en, official),
                              {{"key", Joined(en)}, {"probability", b.evidence.length_probability}}));
  }
}

// A term of the Chinese whose approved translation the MT does not use (and
// no forbidden variant either: those are reported where they stand).
void ApprovedTerms(const align::Comparison& c, const Document& mt, const Glossary& glossary,
                   std::vector<Finding>& out) {
  for (const align::ComparisonRow& row : c.rows) {
    if (row.zh.empty() || row.mt.empty()) continue;
    std::string zh;
    for (const Paragraph* p : row.zh) zh += p->text;
    const std::string english = FoldForCompare(Joined(row.mt));
    const std::string official = FoldForCompare(Joined(row.en));
    for (const GlossaryEntry& e : glossary.entries) {
      if (zh.find(e.source) == std::string::npos) continue;
      const std::string approved = FoldForCompare(e.approved);
      if (english.find(approved) != std::string::npos) continue;
      // Where the official English words the term otherwise too, the source
      // is used in another sense there ("安装程序" as "the installation
      // steps"): no rendering is expected.
      if (!row.en.empty() && official.find(approved) == std::string::npos) continue;
      const bool variant = std::any_of(e.forbidden.begin(), e.forbidden.end(), [&](const std::string& v) {
        return english.find(FoldForCompare(v)) != std::string::npos;
      });
      if (variant) continue;
      out.push_back(
          MakeFinding(kTerminology, e.source + " is not rendered as \"" + e.approved + "\"", Lines(row.mt, mt.path),
                      {{"key", Joined(row.mt) + "#" + e.source}, {"term", e.source}, {"approved", e.approved}}));
    }
  }
}

// A row whose MT reads as close to its official English as the document's
// rows do renders the same Chinese, whatever the direct alignment says: on
// a loose official pair the direct route drifts for whole runs of rows.
// Where the MT lost text (an official paragraph left out beside the row, or
// a paragraph of the row left out or cut short) or left Chinese beside the
// row, out of the direct alignment, that alignment shifts: the disagreement
// is that defect's echo, reported as it.
void Routes(const align::Comparison& c, const Document& mt, const std::string& official_path, const CheckConfig& config,
            std::vector<Finding>& out) {
  const std::optional<SimilarityThreshold> low = LowSimilarityThreshold(c, config);
  std::vector<std::pair<int, int>> lost_text;  // MT lines an omission or truncation reports
  std::set<int> omitted;                       // official lines an omission reports
  for (const Finding& f : out) {
    if (f.rule != kOmission.id && f.rule != kTruncatedParagraph.id) continue;
    for (const Location& at : f.locations) {
      if (at.file == mt.path) lost_text.emplace_back(at.line, std::max(at.line, at.end_line));
      if (at.file == official_path && f.rule == kOmission.id) omitted.insert(at.line);
    }
  }
  auto left_out = [&](size_t k) {
    return k < c.rows.size() && !c.rows[k].en.empty() && c.rows[k].mt.empty() &&
           omitted.count(c.rows[k].en.front()->lines().first) > 0;
  };
  for (size_t k = 0; k < c.rows.size(); ++k) {
    const align::ComparisonRow& row = c.rows[k];
    if (row.routes_agree || row.mt.empty()) continue;
    if (low && row.similarity >= 0 && 100 * row.similarity >= low->threshold) continue;
    const int first = row.mt.front()->lines().first, last = row.mt.back()->lines().last;
    const bool lost = (k > 0 && left_out(k - 1)) || left_out(k + 1) || BesideChineseLeftIn(c, row) ||
                      std::any_of(row.mt.begin(), row.mt.end(), [](const Paragraph* p) { return p->truncated; }) ||
                      std::any_of(lost_text.begin(), lost_text.end(),
                                  [&](const auto& span) { return span.first <= last && first <= span.second; });
    if (lost) continue;
    out.push_back(
        MakeFinding(kRouteDisagreement,
                    "aligned directly, this MT paragraph pairs with other Chinese than its official English does",
                    Lines(row.mt, mt.path), {{"key", Joined(row.mt)}}));
  }
}

// The comparison reads one copy of repeated text; a reader meets every
// copy. A finding on a paragraph of one copy holds for the same paragraph,
// word for word, of the other: it is reported there too.
void EchoIntoCopies(const align::Comparison& c, const std::string& mt_path, std::vector<Finding>& findings) {
  std::map<int, int> twin;  // first line of a paragraph -> first line of its identical copy
  for (const align::Repeat& r : c.repeats.repeats) {
    const int length = std::min(r.original_end - r.original_begin, r.repeat_end - r.repeat_begin);
    for (int d = 0; d < length; ++d) {
      const Paragraph* a = c.mt_paragraphs[static_cast<size_t>(r.original_begin + d)];
      const Paragraph* b = c.mt_paragraphs[static_cast<size_t>(r.repeat_begin + d)];
      if (a->text != b->text) continue;
      twin[a->lines().first] = b->lines().first;
      twin[b->lines().first] = a->lines().first;
    }
  }
  auto moved = [&](Location l) {
    auto it = twin.find(l.line);
    if (l.file != mt_path || it == twin.end()) return l;
    if (l.end_line) l.end_line += it->second - l.line;
    l.line = it->second;
    return l;
  };
  const size_t count = findings.size();
  for (size_t k = 0; k < count; ++k) {
    const Location& at = findings[k].locations.front();
    if (at.file != mt_path || !twin.count(at.line)) continue;
    Finding copy = findings[k];
    for (Location& l : copy.locations) l = moved(l);
    findings.push_back(std::move(copy));
  }
}

// Lines [first, last] of a file where another text shows a finding of some
// rule to be faithful (the source loops too, or ends the same way).
struct LineRange {
  const std::string* file;
  int first, last;
};

// The ranges by file, indexed.
std::map<std::string_view, SpanIndex> IndexByFile(const std::vector<LineRange>& ranges) {
  std::map<std::string_view, std::vector<std::pair<int, int>>> by_file;
  for (const LineRange& r : ranges) by_file[*r.file].emplace_back(r.first, r.last);
  std::map<std::string_view, SpanIndex> indexed;
  for (auto& [file, spans] : by_file) indexed.emplace(file, SpanIndex(std::move(spans)));
  return indexed;
}

void DropFindingsIn(const Rule& rule, const std::vector<LineRange>& ranges, std::vector<Finding>& findings) {
  const std::map<std::string_view, SpanIndex> indexed = IndexByFile(ranges);
  std::erase_if(findings, [&](const Finding& f) {
    if (f.rule != rule.id || f.locations.empty()) return false;
    const Location& at = f.locations[0];
    const auto spans = indexed.find(at.file);
    return spans != indexed.end() && spans->second.Covers(at.line, at.line);
  });
}

// The lines of the MT (by the three-way rows) and of the official English
// (by its beads) that render a Chinese text looping too: a loop there is a
// faithful rendering, not a hallucination.
std::vector<LineRange> LoopsTheSourceHas(const align::Comparison& c, const std::string& mt_path,
                                         const std::string& official_path, const CheckConfig& config) {
  std::vector<LineRange> faithful;
  auto add_if_source_loops = [&](const std::vector<const Paragraph*>& zh,
                                 const std::vector<const Paragraph*>& translation, const std::string& file) {
    if (zh.empty() || translation.empty()) return;
    std::string text;
    for (const Paragraph* p : zh) text += p->text;
    const TokenList tokens = LoopTokens(text);
    // A Chinese word is a character or two: longer n-grams for the same phrase.
    const Loop loop =
        LongestLoop(tokens, 3 * static_cast<size_t>(config.loop_max_n), static_cast<size_t>(config.loop_min_repeats));
    if (loop.repeats == 0 ||
        static_cast<double>(loop.covered()) < config.loop_min_coverage * static_cast<double>(tokens.size())) {
      return;
    }
    // Only the last paragraph ends as the source does; one before it that
    // stops mid-sentence is cut all the same.
    faithful.push_back({&file, translation.back()->lines().first, translation.back()->lines().last});
  };
  for (const align::ComparisonRow& row : c.rows) add_if_source_loops(row.zh, row.mt, mt_path);
  for (const align::Bead& b : c.official.paragraphs) {
    add_if_source_loops({c.official.zh.begin() + b.zh_begin, c.official.zh.begin() + b.zh_end},
                        {c.official.en.begin() + b.en_begin, c.official.en.begin() + b.en_end}, official_path);
  }
  return faithful;
}

}  // namespace

void DropRepeatEchoes(const align::Comparison& c, const std::string& mt_path, std::vector<Finding>& findings) {
  std::vector<int> starts;
  for (const align::Repeat& r : c.repeats.repeats) {
    starts.push_back(c.mt_paragraphs[static_cast<size_t>(r.repeat_begin)]->lines().first);
  }
  auto echo = [&](const Finding& f) {
    if (f.rule != kNumberingSequence.id || f.locations.size() < 2 || f.locations[0].file != mt_path) return false;
    const int line = f.locations[0].line, previous = f.locations[1].line;
    return std::any_of(starts.begin(), starts.end(), [&](int s) { return previous < s && s <= line; });
  };
  findings.erase(std::remove_if(findings.begin(), findings.end(), echo), findings.end());
}

namespace {

// A rendering that stops on a clause mark where its source does too ("，"
// before a list, "：" before an example the extraction left out), or
// without a full stop where the source has none either (table cells, lists
// of terms), is as complete as its source. `source_end`, `translation_end`:
// a paragraph reaching that line is left alone, as a cut at the end of a
// file cuts both languages.
void AddIfStopsAlike(const std::vector<const Paragraph*>& source, int source_end,
                     const std::vector<const Paragraph*>& translation, int translation_end, const std::string& file,
                     std::vector<LineRange>& faithful) {
  if (source.empty() || translation.empty()) return;
  if (source.back()->lines().last >= source_end || translation.back()->lines().last >= translation_end) return;
  const char32_t last = LastCodePoint(Trim(source.back()->text));
  if (last == 0) return;
  const bool clause_mark =
      last == 0xFF0C || last == ',' || last == 0x3001 || last == 0xFF1B || last == ';' || last == 0xFF1A || last == ':';
  if (clause_mark || (!EndsSentence(source.back()->text) && !EndsSentence(translation.back()->text))) {
    // Only the last paragraph ends as the source does; one before it that
    // stops mid-sentence is cut all the same.
    faithful.push_back({&file, translation.back()->lines().first, translation.back()->lines().last});
  }
}

// As many unterminated paragraphs in one of `sources` as in `translation`:
// labels and lists written so, rendered as written; the whole row is.
void AddIfAsManyUnterminated(const std::vector<const std::vector<const Paragraph*>*>& sources,
                             const std::vector<const Paragraph*>& translation, const std::string& file,
                             std::vector<LineRange>& faithful) {
  auto unterminated = [](const std::vector<const Paragraph*>& side) {
    return std::count_if(side.begin(), side.end(), [](const Paragraph* p) { return !EndsSentence(p->text); });
  };
  const auto open = unterminated(translation);
  if (open == 0) return;
  if (std::any_of(sources.begin(), sources.end(), [&](const auto* source) { return unterminated(*source) >= open; })) {
    faithful.push_back({&file, translation.front()->lines().first, translation.back()->lines().last});
  }
}

// The official English against its Chinese and the other way round.
void DropOfficialTruncationsTheSourceHas(const align::DocumentAlignment& official, const std::string& zh_path,
                                         const std::string& en_path, std::vector<Finding>& findings) {
  auto last_line = [](const std::vector<const Paragraph*>& all) { return all.empty() ? 0 : all.back()->lines().last; };
  const int zh_end = last_line(official.zh), en_end = last_line(official.en);
  std::vector<LineRange> faithful;
  for (const align::Bead& b : official.paragraphs) {
    const std::vector<const Paragraph*> zh(official.zh.begin() + b.zh_begin, official.zh.begin() + b.zh_end);
    const std::vector<const Paragraph*> en(official.en.begin() + b.en_begin, official.en.begin() + b.en_end);
    AddIfStopsAlike(zh, zh_end, en, en_end, en_path, faithful);
    AddIfStopsAlike(en, en_end, zh, zh_end, zh_path, faithful);
    AddIfAsManyUnterminated({&zh}, en, en_path, faithful);
    AddIfAsManyUnterminated({&en}, zh, zh_path, faithful);
  }
  DropFindingsIn(kTruncatedParagraph, faithful, findings);
}

// The MT against its Chinese and its official English; an MT's last
// paragraph ends as its source's does, or it is cut.
std::vector<LineRange> MtTruncationsTheSourceHas(const align::Comparison& c, const std::string& mt_path) {
  const int anywhere = std::numeric_limits<int>::max();
  std::vector<LineRange> faithful;
  for (const align::ComparisonRow& row : c.rows) {
    if (row.en.empty()) {
      AddIfAsManyUnterminated({&row.zh}, row.mt, mt_path, faithful);
      AddIfStopsAlike(row.zh, anywhere, row.mt, anywhere, mt_path, faithful);
      continue;
    }
    // Each MT paragraph against the official paragraph it renders: one that
    // stops where that paragraph stops too is as written.
    for (const Paragraph* m : row.mt) {
      if (EndsSentence(m->text)) continue;
      const Paragraph* rendered = ClosestParagraph(*m, row.en);
      if (rendered && !EndsSentence(rendered->text)) faithful.push_back({&mt_path, m->lines().first, m->lines().last});
    }
    AddIfStopsAlike(row.en, anywhere, row.mt, anywhere, mt_path, faithful);
  }
  // A copy of repeated text ends as its original does: a paragraph written
  // unterminated is so in every copy.
  std::vector<std::pair<int, int>> faithful_lines;  // all of mt_path
  for (const LineRange& r : faithful) faithful_lines.emplace_back(r.first, r.last);
  const SpanIndex faithful_index(std::move(faithful_lines));
  auto is_faithful = [&](const Paragraph* p) { return faithful_index.Covers(p->lines().first, p->lines().first); };
  std::vector<LineRange> copies;
  for (const align::Repeat& r : c.repeats.repeats) {
    for (int k = 0; k < r.original_end - r.original_begin && r.repeat_begin + k < r.repeat_end; ++k) {
      const Paragraph* original = c.mt_paragraphs[static_cast<size_t>(r.original_begin + k)];
      const Paragraph* copy = c.mt_paragraphs[static_cast<size_t>(r.repeat_begin + k)];
      if (is_faithful(original)) copies.push_back({&mt_path, copy->lines().first, copy->lines().last});
    }
  }
  faithful.insert(faithful.end(), copies.begin(), copies.end());
  return faithful;
}

// An MT paragraph with the typographic slip its official English paragraph
// has too ("unbalanced quotation marks" where a quotation runs over two
// paragraphs) keeps the official text's style: reported on the official
// English, once.
void DropMtTypographyTheOfficialHas(const align::Comparison& c, const std::string& mt_path, const std::string& en_path,
                                    std::vector<Finding>& findings) {
  auto typography = [](const Finding& f) {
    return (f.rule == kPunctuationSpacing.id || f.rule == kBulletStyle.id) && !f.locations.empty();
  };
  std::map<int, std::set<std::string>> official;  // official English line -> rule and message
  for (const Finding& f : findings) {
    if (typography(f) && f.locations[0].file == en_path) official[f.locations[0].line].insert(f.rule + f.message);
  }
  std::map<int, std::set<std::string>> excused;  // MT line -> what its official English has too
  for (const align::ComparisonRow& row : c.rows) {
    std::set<std::string> row_official;
    for (const Paragraph* p : row.en) {
      for (int line = p->lines().first; line <= p->lines().last; ++line) {
        if (auto it = official.find(line); it != official.end())
          row_official.insert(it->second.begin(), it->second.end());
      }
    }
    if (row_official.empty()) continue;
    for (const Paragraph* p : row.mt) {
      for (int line = p->lines().first; line <= p->lines().last; ++line)
        excused[line].insert(row_official.begin(), row_official.end());
    }
  }
  std::erase_if(findings, [&](const Finding& f) {
    if (!typography(f) || f.locations[0].file != mt_path) return false;
    auto it = excused.find(f.locations[0].line);
    return it != excused.end() && it->second.count(f.rule + f.message) > 0;
  });
}

// The last letter of the text is a Han character ("…来接受的，"): the text
// ends in Chinese, whatever marks and digits follow.
bool EndsInChinese(std::string_view text) {
  const std::vector<char32_t> cps = ToCodePoints(text);
  for (auto it = cps.rbegin(); it != cps.rend(); ++it) {
    if (IsHan(*it)) return true;
    const bool latin_letter = (*it < 0x80 && std::isalpha(static_cast<int>(*it))) || (*it >= 0xC0 && *it < 0x250);
    if (latin_letter) return false;
  }
  return false;
}

// An MT paragraph that ends in Chinese left untranslated (a clause of the
// source, "数据报通常是用 recvfrom(2), 来接受的，", in place of the rendering)
// stops where that clause stops: the untranslated finding is the defect,
// the unfinished clause its echo, not English cut short.
void DropCutsOfChineseLeftIn(const Document& mt, std::vector<Finding>& findings) {
  std::set<int> untranslated;
  for (const Finding& f : findings) {
    if (f.rule == kUntranslated.id && !f.locations.empty() && f.locations[0].file == mt.path)
      untranslated.insert(f.locations[0].line);
  }
  std::vector<LineRange> chinese_endings;
  for (const Paragraph& p : mt.paragraphs) {
    const auto [first, last] = p.lines();
    const auto reported = untranslated.lower_bound(first);
    if (reported != untranslated.end() && *reported <= last && EndsInChinese(p.text))
      chinese_endings.push_back({&mt.path, first, last});
  }
  DropFindingsIn(kTruncatedParagraph, chinese_endings, findings);
}

// Numbers only missing from an MT paragraph that lost words (cut short,
// rendered in part, or one of a row's paragraphs left out) went with those
// words: the truncation or omission reported there names them.
void DropNumbersTheLostTextHeld(const std::string& mt_path, std::vector<Finding>& findings) {
  std::set<int> lost_text;
  for (const Finding& f : findings) {
    if (f.rule == kTruncatedParagraph.id || f.rule == kOmission.id) {
      for (const Location& at : f.locations) {
        if (at.file == mt_path) lost_text.insert(at.line);
      }
    }
  }
  std::erase_if(findings, [&](const Finding& f) {
    if (f.rule != kNumberMismatch.id || f.locations[0].file != mt_path) return false;
    const EvidenceValue* extra = f.evidence.Find("extra");
    if (extra && !(extra->texts() && extra->texts()->empty())) return false;
    const Location& at = f.locations[0];
    const auto lost = lost_text.lower_bound(at.line);
    return lost != lost_text.end() && *lost <= std::max(at.line, at.end_line);
  });
}

}  // namespace

std::vector<Finding> CheckDocumentSet(const OfficialTexts& official, const std::vector<const Document*>& mts,
                                      const std::vector<const align::Comparison*>& comparisons,
                                      const CheckConfig& config, const align::DocumentAlignment* official_pair,
                                      const RunAll& run_all) {
  // Each document's and each comparison's own findings first, as tasks
  // that may run side by side; then they are put together in one order.
  const std::vector<const Document*> official_documents = official.Documents();
  std::vector<std::vector<Finding>> of_comparison(mts.size());
  // Per comparison, where the source shows a loop or a cut to be faithful.
  std::vector<std::vector<LineRange>> source_loops(mts.size()), source_cuts(mts.size());
  std::vector<std::unique_ptr<DocumentRules>> mt_rules, official_rules;
  std::vector<std::function<void()>> tasks;
  // The comparisons first: each is one task, longer than any one rule.
  for (size_t k = 0; k < mts.size() && !official.empty(); ++k) {
    tasks.push_back(
        [&, k] { of_comparison[k] = ComparisonFindings(*comparisons[k], official.en->path, *mts[k], config); });
    tasks.push_back([&, k] {
      source_loops[k] = LoopsTheSourceHas(*comparisons[k], mts[k]->path, official.en->path, config);
      source_cuts[k] = MtTruncationsTheSourceHas(*comparisons[k], mts[k]->path);
    });
  }
  auto add_rules = [&](const Document& doc, std::vector<std::unique_ptr<DocumentRules>>& rules) {
    rules.push_back(std::make_unique<DocumentRules>(doc, config));
    for (std::function<void()>& task : rules.back()->Tasks()) tasks.push_back(std::move(task));
  };
  for (const Document* mt : mts) add_rules(*mt, mt_rules);
  for (const Document* doc : official_documents) add_rules(*doc, official_rules);
  RunEach(run_all, tasks);
  std::vector<std::vector<Finding>> of_official(official_documents.size()), of_mt(mts.size());
  for (size_t k = 0; k < mts.size(); ++k) of_mt[k] = mt_rules[k]->Findings();
  for (size_t k = 0; k < official_documents.size(); ++k) of_official[k] = official_rules[k]->Findings();

  std::vector<Finding> findings;
  // Grown to the size needed, not doubled: a long MT's findings are the
  // largest list the audit holds, and a doubling would hold it three times
  // over while it moves.
  auto append = [&](std::vector<Finding>& more) {
    if (findings.empty()) {
      findings = std::move(more);
    } else {
      findings.reserve(findings.size() + more.size());
      findings.insert(findings.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    more = {};
  };
  for (std::vector<Finding>& more : of_official) append(more);
  // Chinese in the official Chinese text is no English left untranslated.
  if (!official.empty() && !official.bilingual()) {
    const std::string& zh_path = official.zh->path;
    std::erase_if(findings, [&](const Finding& f) {
      return f.rule == kUntranslated.id && !f.locations.empty() && f.locations[0].file == zh_path;
    });
  }
  if (!official_pair && !comparisons.empty()) official_pair = &comparisons.front()->official;
  if (official_pair && !official.empty()) {
    DropOfficialTruncationsTheSourceHas(*official_pair, official.zh->path, official.en->path, findings);
    LengthRatio(*official_pair, official.en->path, config, findings);
    OfficialNumbers(*official_pair, official.en->path, findings);
  }
  for (size_t k = 0; k < mts.size(); ++k) {
    append(of_mt[k]);
    if (official.empty()) continue;
    DropRepeatEchoes(*comparisons[k], mts[k]->path, findings);
    DropFindingsIn(kRepetitionLoop, source_loops[k], findings);
    DropFindingsIn(kTruncatedParagraph, source_cuts[k], findings);
    DropMtTypographyTheOfficialHas(*comparisons[k], mts[k]->path, official.en->path, findings);
    DropSequenceTheOfficialConfirms(*comparisons[k], mts[k]->path, findings);
    append(of_comparison[k]);
    DropNumbersTheLostTextHeld(mts[k]->path, findings);
    DropCutsOfChineseLeftIn(*mts[k], findings);
  }
  DropHeadingsReportedAlready(findings);
  FinishFindings(findings, config, run_all);
  findings.shrink_to_fit();  // the drops above leave room that the reports would hold on to
  return findings;
}

std::vector<Finding> ComparisonFindings(const align::Comparison& c, const std::string& official_path,
                                        const Document& mt, const CheckConfig& config) {
  std::vector<Finding> out;
  Outline(c, mt, out);
  HeadingsAgainstOfficial(c, mt, out);
  OmissionsAndAdditions(c, mt, official_path, out);
  AddedSentences(c, mt, config.lexicon, out);
  Numbers(c, mt, out);
  LowSimilarity(c, mt, config, out);
  Routes(c, mt, official_path, config, out);
  if (config.glossary) ApprovedTerms(c, mt, *config.glossary, out);
  EchoIntoCopies(c, mt.path, out);
  Repeats(c, mt, out);
  return out;
}

std::vector<Finding> CheckComparison(const align::Comparison& c, const std::string& official_path, const Document& mt,
                                     const CheckConfig& config) {
  std::vector<Finding> out = ComparisonFindings(c, official_path, mt, config);
  FinishFindings(out, config);
  return out;
}

}  // namespace bitext
