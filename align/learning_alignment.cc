#include "learning_alignment.h"

#include <stdexcept>

namespace bitext::align {
namespace {

std::vector<Bead> AlignUnitTexts(const UnitTexts& document, const Lexicon* lexicon, const Lexicon* learned,
                                 const AlignerOptions& options) {
  const bool with_mt = !document.zh_mt.empty();
  if (with_mt && document.zh_mt.size() != document.zh.size()) {
    throw std::invalid_argument("a machine translation needs one text per Chinese unit");
  }
  LexicalSpace space(lexicon, learned, with_mt ? MachineTranslation::kGiven : MachineTranslation::kNone);
  std::vector<AlignUnit> zh, en;
  for (const std::string& text : document.zh) zh.push_back(space.MakeZh(text));
  for (const std::string& text : document.en) en.push_back(space.MakeEn(text));
  if (with_mt) {
    for (size_t k = 0; k < zh.size(); ++k) space.SetMachineTranslation(zh[k], document.zh_mt[k]);
  }
  return AlignUnits(zh, en, space, options);
}

bool Confident(const Bead& bead, const LearningOptions& learning) {
  return bead.zh_size() > 0 && bead.en_size() > 0 && bead.fit >= learning.min_fit;
}

// The text of units [begin, end) of one side, `text_of(k)` giving unit k's.
template <typename TextOf>
std::string Joined(int begin, int end, const TextOf& text_of) {
  std::string text;
  for (int k = begin; k < end; ++k) {
    if (k > begin) text += ' ';
    text += text_of(k);
  }
  return text;
}

bool CanLearn(const Lexicon* lexicon, const LearningOptions& learning) {
  return learning.enabled && lexicon != nullptr && !lexicon->empty();
}

}  // namespace

UnitTextsAlignment AlignUnitTextsLearning(const std::vector<UnitTexts>& documents, const Lexicon* lexicon,
                                          const AlignerOptions& options, const LearningOptions& learning) {
  UnitTextsAlignment result;
  AlignerOptions first = options;
  first.confidence = options.confidence && !CanLearn(lexicon, learning);  // only the last round's are shown
  for (const UnitTexts& document : documents) {
    result.beads.push_back(AlignUnitTexts(document, lexicon, nullptr, first));
  }
  if (!CanLearn(lexicon, learning)) return result;
  LexiconLearner learner(lexicon);
  for (size_t d = 0; d < documents.size(); ++d) {
    const UnitTexts& document = documents[d];
    for (const Bead& bead : result.beads[d]) {
      if (!Confident(bead, learning)) continue;
      learner.AddPair(Joined(bead.zh_begin, bead.zh_end, [&](int k) { return document.zh[static_cast<size_t>(k)]; }),
                      Joined(bead.en_begin, bead.en_end, [&](int k) { return document.en[static_cast<size_t>(k)]; }));
    }
  }
  result.learned = learner.Learn(learning);
  const Lexicon learned = ToLexicon(result.learned);
  for (size_t d = 0; d < documents.size(); ++d) {
    // One pass, estimated from the first round's beads rather than afresh.
    AlignerOptions second = options;
    second.earlier = &result.beads[d];
    result.beads[d] = AlignUnitTexts(documents[d], lexicon, &learned, second);
  }
  return result;
}

DocumentsAlignment AlignDocumentsLearning(const std::vector<ParagraphsToAlign>& documents, const Lexicon* lexicon,
                                          const AlignerOptions& options, bool align_sentences,
                                          const LearningOptions& learning) {
  DocumentsAlignment result;
  AlignerOptions first = options;
  first.confidence = options.confidence && !CanLearn(lexicon, learning);  // only the last round's are shown
  for (const ParagraphsToAlign& d : documents) {
    result.documents.push_back(AlignDocuments(d.zh, d.en, lexicon, first, align_sentences));
  }
  if (!CanLearn(lexicon, learning)) return result;
  LexiconLearner learner(lexicon);
  for (const DocumentAlignment& a : result.documents) {
    // Sentence beads are the finer parallel text when there are any.
    const bool sentences = align_sentences;
    auto zh_text = [&](int k) -> std::string_view {
      if (!sentences) return a.zh[static_cast<size_t>(k)]->text;
      const SentenceRef& r = a.zh_sentences[static_cast<size_t>(k)];
      const Paragraph& p = *a.zh[static_cast<size_t>(r.paragraph)];
      return p.SentenceText(p.sentences[static_cast<size_t>(r.sentence)]);
    };
    auto en_text = [&](int k) -> std::string_view {
      if (!sentences) return a.en[static_cast<size_t>(k)]->text;
      const SentenceRef& r = a.en_sentences[static_cast<size_t>(k)];
      const Paragraph& p = *a.en[static_cast<size_t>(r.paragraph)];
      return p.SentenceText(p.sentences[static_cast<size_t>(r.sentence)]);
    };
    for (const Bead& bead : sentences ? a.sentences : a.paragraphs) {
      if (Confident(bead, learning)) {
        learner.AddPair(Joined(bead.zh_begin, bead.zh_end, zh_text), Joined(bead.en_begin, bead.en_end, en_text));
      }
    }
  }
  result.learned = learner.Learn(learning);
  const Lexicon learned = ToLexicon(result.learned);
  for (size_t d = 0; d < documents.size(); ++d) {
    result.documents[d] = AlignDocuments(documents[d].zh, documents[d].en, lexicon, options, align_sentences, &learned);
  }
  return result;
}

}  // namespace bitext::align
