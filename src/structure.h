// The stages that turn decoded text into logical paragraphs (see document.h
// for the order). Internal to the document model; tests call them directly.
#ifndef BITEXT_SRC_STRUCTURE_H_
#define BITEXT_SRC_STRUCTURE_H_

#include <string_view>
#include <vector>

#include "document.h"

namespace bitext {

// One piece per non-blank line, with lines of the same block joined where the
// text was hard-wrapped. Sets text, pieces and lang.
std::vector<Paragraph> SplitIntoPieces(std::string_view text);

// Both languages present in bulk: at least three paragraphs and a fifth of
// the paragraphs in each.
bool IsBilingual(const std::vector<Paragraph>& pieces);

// Rejoins a paragraph broken where the other language's block interrupts it
// (bilingual files) or at a blank line followed by a lower-case continuation.
std::vector<Paragraph> RejoinBrokenParagraphs(std::vector<Paragraph> pieces, bool bilingual);

// Sets kind, heading number and bullet marker of every paragraph, and marks
// prose paragraphs left unterminated at the end of their language as truncated.
void ClassifyParagraphs(std::vector<Paragraph>& paragraphs);

// Marks runs of heading-like lines before the body as table of contents.
void MarkTableOfContents(std::vector<Paragraph>& paragraphs);

// Sets Heading::level from the numbering styles as the document uses them.
void AssignHeadingLevels(std::vector<Paragraph>& paragraphs);

// Fills Paragraph::sentences with ICU's sentence break iterator.
void SplitSentences(Paragraph& paragraph);

}  // namespace bitext

#endif  // BITEXT_SRC_STRUCTURE_H_
