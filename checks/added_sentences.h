// Sentences an MT adds inside a paragraph it otherwise renders closely: a
// commentary line ("Experts say this move will ...") appended to a faithful
// paragraph is content the official text does not have, though the
// paragraph as a whole still pairs with its official counterpart.
#ifndef BITEXT_CHECKS_ADDED_SENTENCES_H_
#define BITEXT_CHECKS_ADDED_SENTENCES_H_

#include <vector>

#include "comparison.h"
#include "document.h"
#include "finding.h"
#include "lexicon.h"

namespace bitext {

// `lexicon` (may be null): a sentence whose words gloss the Chinese renders
// it, though the official English words it otherwise.
void AddedSentences(const align::Comparison& comparison, const Document& mt, const align::Lexicon* lexicon,
                    std::vector<Finding>& out);

}  // namespace bitext

#endif  // BITEXT_CHECKS_ADDED_SENTENCES_H_
