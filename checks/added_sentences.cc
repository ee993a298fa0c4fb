#include "added_sentences.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "checks.h"
#include "lexicon.h"
#include "locate.h"
#include "rules.h"
#include "text_features.h"
#include "unicode.h"

namespace bitext {
namespace {

// A sentence this short says too little to tell addition from rewording.
constexpr size_t kMinStems = 4;
// At most this share of an added sentence's content words occur in the
// official paragraph: chance overlap of common words.
constexpr double kMaxAddedOverlap = 0.25;
// A sentence of a neighbouring official paragraph, rendered in this one
// where the alignment joins rows differently, shares most of its words
// with the neighbours; a third of common words ("make", "point") is chance.
constexpr double kMaxNeighbourOverlap = 0.5;
// A sentence with this share of its content words glossing the Chinese,
// words the official English around does not use, renders the source: the
// official English chose other words or left it out, which is no addition
// of the MT's. Words the official English has too say nothing: they gloss
// the part of the Chinese both render.
constexpr double kMinSourceSupport = 0.34;
// The rest of the MT paragraph must render the official one this closely:
// in a free translation every sentence is worded apart, and no single one
// stands out as added.
constexpr double kMinFaithfulOverlap = 0.6;
// ... and have this many content words: three the official paragraph has
// are no chance ("The right window is the edit window.").
constexpr size_t kMinRestStems = 3;

using StemSet = std::set<std::string>;

StemSet StemsOf(std::string_view text) {
  std::vector<std::string> stems = align::EnglishStems(text);
  return StemSet(stems.begin(), stems.end());
}

size_t CountIn(const StemSet& stems, const StemSet& in) {
  return static_cast<size_t>(
      std::count_if(stems.begin(), stems.end(), [&](const std::string& s) { return in.count(s) > 0; }));
}

size_t SentenceCount(const std::vector<const Paragraph*>& side) {
  size_t n = 0;
  for (const Paragraph* p : side) n += std::max<size_t>(1, p->sentences.size());
  return n;
}

// The official English near row `k`: the MT may render a neighbour's
// sentence in this paragraph when the alignment joins rows differently.
StemSet OfficialStemsAround(const align::Comparison& c, size_t k) {
  StemSet stems;
  const size_t from = k >= 2 ? k - 2 : 0;
  const size_t to = std::min(c.rows.size() - 1, k + 2);
  for (size_t j = from; j <= to; ++j) {
    for (const Paragraph* p : c.rows[j].en) stems.merge(StemsOf(p->text));
  }
  return stems;
}

// Stems of the glosses of the Chinese words of a row. Words of one
// character are left out: mostly particles and bound morphemes, whose
// entries list senses enough to gloss any sentence by chance (还: "also",
// "still", "to pay back"; 合: "to close", "to join", "whole").
StemSet GlossStems(const std::vector<const Paragraph*>& zh, const align::Lexicon& lexicon) {
  StemSet stems;
  for (const Paragraph* p : zh) {
    for (const std::string& word : align::ChineseWords(p->text, lexicon)) {
      if (CodePointAt(word, 0).second >= word.size()) continue;  // one character
      for (std::string_view gloss : lexicon.Glosses(word)) stems.insert(std::string(gloss));
    }
  }
  return stems;
}

struct MtSentence {
  const Paragraph* paragraph;
  const Sentence* sentence;
  StemSet stems;
};

void CheckRow(const align::Comparison& c, size_t k, const Locator& locator, const align::Lexicon* lexicon,
              std::vector<Finding>& out) {
  const align::ComparisonRow& row = c.rows[k];
  const size_t mt_sentences = SentenceCount(row.mt);
  // An MT with no more sentences than the official English, or than the
  // Chinese it renders, adds none: the official English may merge two.
  if (mt_sentences <= SentenceCount(row.en) || mt_sentences <= SentenceCount(row.zh)) return;
  StemSet official;
  for (const Paragraph* p : row.en) official.merge(StemsOf(p->text));
  std::vector<MtSentence> sentences;
  for (const Paragraph* p : row.mt) {
    for (const Sentence& s : p->sentences) sentences.push_back({p, &s, StemsOf(p->SentenceText(s))});
  }
  const StemSet nearby = OfficialStemsAround(c, k);
  std::optional<StemSet> source;  // segmented only once a sentence needs it
  for (size_t i = 0; i < sentences.size(); ++i) {
    const MtSentence& candidate = sentences[i];
    if (candidate.stems.size() < kMinStems) continue;
    const double n = static_cast<double>(candidate.stems.size());
    if (CountIn(candidate.stems, official) > kMaxAddedOverlap * n) continue;
    if (CountIn(candidate.stems, nearby) > kMaxNeighbourOverlap * n) continue;
    if (lexicon) {
      if (!source) source = GlossStems(row.zh, *lexicon);
      const size_t support = static_cast<size_t>(
          std::count_if(candidate.stems.begin(), candidate.stems.end(),
                        [&](const std::string& stem) { return source->count(stem) > 0 && nearby.count(stem) == 0; }));
      if (support >= kMinSourceSupport * n) continue;
    }
    size_t rest = 0, rest_found = 0;
    for (size_t j = 0; j < sentences.size(); ++j) {
      if (j == i) continue;
      rest += sentences[j].stems.size();
      rest_found += CountIn(sentences[j].stems, official);
    }
    if (rest < kMinRestStems || static_cast<double>(rest_found) < kMinFaithfulOverlap * static_cast<double>(rest))
      continue;
    Location where = locator.At(*candidate.paragraph, candidate.sentence->begin);
    const std::string_view text = candidate.paragraph->SentenceText(*candidate.sentence);
    out.push_back(MakeFinding(kAddition,
                              "MT adds a sentence the official paragraph does not have: \"" + ClipText(text, 60) + "\"",
                              where, {{"key", std::string(text)}, {"official", align::RowText(row.en, false)}}));
  }
}

}  // namespace

void AddedSentences(const align::Comparison& c, const Document& mt, const align::Lexicon* lexicon,
                    std::vector<Finding>& out) {
  const Locator locator(mt);
  for (size_t k = 0; k < c.rows.size(); ++k) {
    const align::ComparisonRow& row = c.rows[k];
    if (!row.en.empty() && !row.mt.empty()) CheckRow(c, k, locator, lexicon, out);
  }
}

}  // namespace bitext
