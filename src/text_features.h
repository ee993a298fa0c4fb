// Surface features of a paragraph's text that the structuring stages weigh
// as evidence: does it end a sentence, does it read as prose, which bullet
// marker opens it, which script it is written in.
#ifndef BITEXT_SRC_TEXT_FEATURES_H_
#define BITEXT_SRC_TEXT_FEATURES_H_

#include <optional>
#include <string>
#include <string_view>

#include "document.h"

namespace bitext {

// Language by script: Han characters against Latin words. nullopt when the
// text has neither (digits, punctuation only).
std::optional<Lang> LangOfText(std::string_view text);

// Ends with sentence-final punctuation (. ! ? 。！？ …), optionally followed
// by closing quotes or brackets. A colon or semicolon also closes a block.
bool EndsSentence(std::string_view text);

// Whether the text ends with a colon of either width ("Options:", "选项："):
// it introduces what follows rather than closing a sentence.
bool EndsWithColon(std::string_view text);

// A list of short Latin-script items separated by commas and nothing else
// ("accept(2), bind(2), close(2), unix(7)"): complete without a full stop.
bool IsEnumeration(std::string_view text);

// Reads as running text rather than a title: several words or characters
// and at least one clause mark inside.
bool LooksLikeProse(std::string_view text, Lang lang);

// Share of words (runs of letters) that start with a capital: high in
// English titles ("Cultural and Philosophical Origins"), low in sentences.
double CapitalisedWordShare(std::string_view text);

// A sentence ends somewhere before the last character ("Done. More").
bool HasInnerSentenceEnd(std::string_view text);

// First letter is a lower-case letter (an English continuation).
bool StartsLowercase(std::string_view text);

// Ends with a comma-like mark or an English function word ("of", "the").
bool EndsMidClause(std::string_view text);

// The bullet marker that opens the text ("——", "—", "-", "•", ...), or "".
std::string BulletMarker(std::string_view text);

// "Contents", "Table of Contents", "目录" (and the MT rendering "directory").
bool IsContentsMarker(std::string_view text);

// Number of Latin words plus Han characters: a length comparable across
// the two languages for "is this short like a heading" decisions.
int WordishLength(std::string_view text);

}  // namespace bitext

#endif  // BITEXT_SRC_TEXT_FEATURES_H_
