// Aligns the paragraphs of a Chinese and an English document model, then the
// sentences inside each aligned paragraph group. Tables of contents and web
// furniture are left out; headings, bullets and numbers take part as
// structural evidence.
#ifndef BITEXT_ALIGN_DOCUMENT_ALIGNMENT_H_
#define BITEXT_ALIGN_DOCUMENT_ALIGNMENT_H_

#include <vector>

#include "aligner.h"
#include "document.h"

namespace bitext::align {

// A sentence of the document: which aligned paragraph, which sentence in it.
struct SentenceRef {
  int paragraph = 0;  // index into DocumentAlignment::zh or ::en
  int sentence = 0;   // index into Paragraph::sentences
};

struct DocumentAlignment {
  std::vector<const Paragraph*> zh, en;  // the paragraphs that take part
  std::vector<Bead> paragraphs;          // beads over zh/en indices
  std::vector<SentenceRef> zh_sentences, en_sentences;
  std::vector<Bead> sentences;  // beads over *_sentences indices
};

// The paragraphs of `doc` in `lang` that take part in alignment.
std::vector<const Paragraph*> AlignableParagraphs(const Document& doc, Lang lang);

// `learned`, when given, adds its glosses to the lexicon's (see
// learning_alignment.h, which learns it from a first alignment).
DocumentAlignment AlignDocuments(const std::vector<const Paragraph*>& zh, const std::vector<const Paragraph*>& en,
                                 const Lexicon* lexicon, const AlignerOptions& options, bool align_sentences,
                                 const Lexicon* learned = nullptr);

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_DOCUMENT_ALIGNMENT_H_
