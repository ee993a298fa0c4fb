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

// The language most paragraphs of a text are in, Chinese or English.
Lang MainLanguage(const std::vector<Paragraph>& paragraphs);

// The outline a paragraph belongs to: its language, or for a paragraph of
// mixed script the main language of its text ("2. 关于 Debian Edu" is in a
// Chinese text's outline).
inline Lang OutlineLang(const Paragraph& p, Lang main_language) {
  return p.lang == Lang::kMixed ? main_language : p.lang;
}

// A numbered paragraph of running text that is an item of a list ("1. Back
// up your data."), not a heading nor an article of a law: its list restarts
// at 1 wherever it likes. Needs a paragraph with a number.
bool IsListItem(const Paragraph& p);

// Fills Paragraph::sentences with ICU's sentence break iterator.
void SplitSentences(Paragraph& paragraph);

}  // namespace bitext

#endif  // BITEXT_SRC_STRUCTURE_H_
