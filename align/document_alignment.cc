#include "document_alignment.h"

namespace bitext::align {
namespace {

Role RoleOf(const Paragraph& p) {
  switch (p.kind) {
    case Kind::kHeading:
      return Role::kHeading;
    case Kind::kBullet:
      return Role::kBullet;
    case Kind::kTitle:
      return Role::kTitle;
    case Kind::kNote:
      return Role::kNote;
    default:
      return Role::kBody;
  }
}

Bead Skip(int zh_begin, int zh_end, int en_begin, int en_end) {
  Bead b;
  b.zh_begin = zh_begin, b.zh_end = zh_end, b.en_begin = en_begin, b.en_end = en_end;
  return b;
}

// Headings are one sentence; a bullet's marker belongs to its first
// sentence only (MakeZh/MakeEn see it in the text), the rest is body.
Role SentenceRole(const Paragraph& p, size_t sentence) {
  return p.kind == Kind::kHeading || (p.kind == Kind::kTitle && sentence == 0) ? RoleOf(p) : Role::kBody;
}

int NumberOf(const Paragraph& p) { return p.heading && p.heading->number ? p.heading->number->value : 0; }

// The length model of sentences comes from the paragraph pairs: sentences
// are too short to estimate their own variance well.
LengthModel ParagraphLengthModel(const std::vector<Bead>& paragraphs, const std::vector<AlignUnit>& zh_units,
                                 const std::vector<AlignUnit>& en_units) {
  std::vector<double> zh_lengths, en_lengths;
  for (const Bead& b : paragraphs) {
    if (b.zh_size() == 0 || b.en_size() == 0) continue;
    double zl = 0, el = 0;
    for (int i = b.zh_begin; i < b.zh_end; ++i) zl += zh_units[static_cast<size_t>(i)].length;
    for (int j = b.en_begin; j < b.en_end; ++j) el += en_units[static_cast<size_t>(j)].length;
    zh_lengths.push_back(zl);
    en_lengths.push_back(el);
  }
  return LengthModel::FromPairs(zh_lengths, en_lengths);
}

// The units of every sentence of the paragraphs, in order; `refs` gets
// where each one is.
std::vector<AlignUnit> SentenceUnits(const std::vector<const Paragraph*>& paragraphs, bool zh, LexicalSpace& space,
                                     std::vector<SentenceRef>* refs) {
  std::vector<AlignUnit> units;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    const Paragraph& paragraph = *paragraphs[p];
    for (size_t s = 0; s < paragraph.sentences.size(); ++s) {
      refs->push_back({static_cast<int>(p), static_cast<int>(s)});
      const std::string_view text = paragraph.SentenceText(paragraph.sentences[s]);
      units.push_back(zh ? space.MakeZh(text, SentenceRole(paragraph, s), NumberOf(paragraph))
                         : space.MakeEn(text, SentenceRole(paragraph, s), NumberOf(paragraph)));
    }
  }
  return units;
}

// First sentence index of each paragraph, and one past the last sentence
// at index `paragraphs`.
std::vector<int> FirstSentences(const std::vector<SentenceRef>& refs, size_t paragraphs) {
  std::vector<int> first(paragraphs + 1, static_cast<int>(refs.size()));
  for (size_t k = refs.size(); k-- > 0;) first[static_cast<size_t>(refs[k].paragraph)] = static_cast<int>(k);
  for (size_t p = paragraphs; p-- > 0;) first[p] = std::min(first[p], first[p + 1]);
  return first;
}

// The sentences of one paragraph bead: zh [z0, z1), en [e0, e1).
struct SentenceGroup {
  int z0, z1, e0, e1;
};

// One pass over the sentences, group by group.
std::vector<Bead> AlignGroups(const BeadScorer& scorer, const std::vector<SentenceGroup>& groups,
                              const AlignerOptions& options, bool with_confidence) {
  std::vector<Bead> sentences;
  for (const SentenceGroup& g : groups) {
    if (g.z0 == g.z1 || g.e0 == g.e1) {
      // A paragraph without counterpart: each of its sentences is a skip.
      for (int k = g.z0; k < g.z1; ++k) sentences.push_back(Skip(k, k + 1, g.e0, g.e0));
      for (int k = g.e0; k < g.e1; ++k) sentences.push_back(Skip(g.z1, g.z1, k, k + 1));
      continue;
    }
    for (Bead& s : AlignRange(scorer, g.z0, g.z1, g.e0, g.e1, options.band, options.wide_beads, with_confidence,
                              nullptr, options.scoring)) {
      sentences.push_back(std::move(s));
    }
  }
  return sentences;
}

// Aligns the sentences group by group, in two passes over all groups: the
// second uses the length model and typical lexical similarity of the
// confident sentence pairs of the first.
std::vector<Bead> AlignSentenceGroups(const std::vector<SentenceGroup>& groups, const std::vector<AlignUnit>& zh_sent,
                                      const std::vector<AlignUnit>& en_sent, const LexicalSpace& space,
                                      LengthModel length, const AlignerOptions& options) {
  std::vector<Bead> sentences;
  Weights weights = options.weights;
  // Only the last pass's beads are returned, so only it needs confidences.
  const int passes = std::max(options.passes, 1);
  for (int pass = 0;; ++pass) {
    const BeadScorer scorer(zh_sent, en_sent, space, length, weights);
    const bool last = pass + 1 >= passes;
    sentences = AlignGroups(scorer, groups, options, options.confidence && last);
    if (last) break;
    if (!Reestimate(sentences, zh_sent, en_sent, &length, &weights)) {  // no next pass after all
      if (options.confidence) sentences = AlignGroups(scorer, groups, options, true);
      break;
    }
  }
  return sentences;
}

}  // namespace

std::vector<const Paragraph*> AlignableParagraphs(const Document& doc, Lang lang) {
  std::vector<const Paragraph*> out;
  for (const Paragraph& p : doc.paragraphs) {
    if (p.lang == lang && p.kind != Kind::kToc && p.kind != Kind::kBoilerplate) out.push_back(&p);
  }
  return out;
}

DocumentAlignment AlignDocuments(const std::vector<const Paragraph*>& zh, const std::vector<const Paragraph*>& en,
                                 const Lexicon* lexicon, const AlignerOptions& options, bool align_sentences,
                                 const Lexicon* learned) {
  DocumentAlignment result;
  result.zh = zh;
  result.en = en;
  LexicalSpace space(lexicon, learned);
  std::vector<AlignUnit> zh_units, en_units;
  for (const Paragraph* p : zh) zh_units.push_back(space.MakeZh(p->text, RoleOf(*p), NumberOf(*p)));
  for (const Paragraph* p : en) en_units.push_back(space.MakeEn(p->text, RoleOf(*p), NumberOf(*p)));
  result.paragraphs = AlignUnits(zh_units, en_units, space, options);
  if (!align_sentences) return result;

  // Sentences of the whole document, in order, then aligned group by group.
  const LengthModel sentence_length = ParagraphLengthModel(result.paragraphs, zh_units, en_units);
  LexicalSpace sentence_space(lexicon, learned);
  const std::vector<AlignUnit> zh_sent = SentenceUnits(zh, true, sentence_space, &result.zh_sentences);
  const std::vector<AlignUnit> en_sent = SentenceUnits(en, false, sentence_space, &result.en_sentences);
  const std::vector<int> zh_first = FirstSentences(result.zh_sentences, zh.size());
  const std::vector<int> en_first = FirstSentences(result.en_sentences, en.size());
  std::vector<SentenceGroup> groups;
  for (const Bead& b : result.paragraphs) {
    groups.push_back({zh_first[static_cast<size_t>(b.zh_begin)], zh_first[static_cast<size_t>(b.zh_end)],
                      en_first[static_cast<size_t>(b.en_begin)], en_first[static_cast<size_t>(b.en_end)]});
  }
  result.sentences = AlignSentenceGroups(groups, zh_sent, en_sent, sentence_space, sentence_length, options);
  return result;
}

}  // namespace bitext::align
