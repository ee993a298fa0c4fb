// Base forms of English words the suffix stemmer cannot reach: irregular
// past tenses and participles ("went", "told", "saw") and irregular plurals
// ("men", "children"). Freely translated prose says "he said" where a
// dictionary glosses 说 as "say"; without this the two never meet.
#ifndef BITEXT_ALIGN_ENGLISH_LEMMA_H_
#define BITEXT_ALIGN_ENGLISH_LEMMA_H_

#include <string_view>

namespace bitext::align {

// The base form of a case-folded word, or the word itself when it is not an
// irregular form. Forms that are also common base words of another meaning
// ("left", "lay", "found" as in "to found") are kept only where the verb is
// far more frequent in prose.
std::string_view IrregularBase(std::string_view folded_word);

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_ENGLISH_LEMMA_H_
