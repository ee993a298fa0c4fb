// Alignment in two rounds: every document is aligned with CC-CEDICT, a
// lexicon is learned from the confident beads of all of them (IBM Model 1,
// learned_lexicon.h), and every document is aligned again with the learned
// glosses added to CC-CEDICT's. Documents aligned together teach each other.
// Without a lexicon there is nothing to segment Chinese words with, and one
// round is all there is.
#ifndef BITEXT_ALIGN_LEARNING_ALIGNMENT_H_
#define BITEXT_ALIGN_LEARNING_ALIGNMENT_H_

#include <string>
#include <vector>

#include "aligner.h"
#include "document_alignment.h"
#include "learned_lexicon.h"

namespace bitext::align {

// One document given as units, one text each (e.g. one sentence a line).
// `zh_mt`, when not empty, holds a machine translation of each Chinese unit
// (as many as `zh`), compared with the English as one more kind of evidence
// (scorer.h).
struct UnitTexts {
  std::vector<std::string> zh, en;
  std::vector<std::string> zh_mt = {};
};

struct UnitTextsAlignment {
  std::vector<std::vector<Bead>> beads;  // per document
  std::vector<LearnedEntry> learned;
};

UnitTextsAlignment AlignUnitTextsLearning(const std::vector<UnitTexts>& documents, const Lexicon* lexicon,
                                          const AlignerOptions& options, const LearningOptions& learning);

// One document's paragraphs (see AlignableParagraphs).
struct ParagraphsToAlign {
  std::vector<const Paragraph*> zh, en;
};

struct DocumentsAlignment {
  std::vector<DocumentAlignment> documents;
  std::vector<LearnedEntry> learned;
};

DocumentsAlignment AlignDocumentsLearning(const std::vector<ParagraphsToAlign>& documents, const Lexicon* lexicon,
                                          const AlignerOptions& options, bool align_sentences,
                                          const LearningOptions& learning);

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_LEARNING_ALIGNMENT_H_
