// The numbers a translation must keep, read from its text and its source's.
// Some numbers say where a text is, not what it says: note marks
// ("（注1）", "¹", "[27]") and the part of a document ("（上）", "(Part 1)")
// are left out, and a Chinese ordinal is a number whatever its length
// ("第八条" is 8, as "Article 8" is).
//
//   NumbersOf("积极开展对外援助（注1）", Lang::kZh)  // {}
//   NumbersOf("根据第八条的规定", Lang::kZh)        // {8}
// The values are exact decimals: numbers longer than a double holds
// compare as written.
#ifndef BITEXT_REPORTS_NUMBER_MARKS_H_
#define BITEXT_REPORTS_NUMBER_MARKS_H_

#include <set>
#include <string>
#include <string_view>

#include "decimal.h"
#include "document.h"

namespace bitext {

std::multiset<align::Decimal> NumbersOf(std::string_view text, Lang lang);

// The numbers of the bracketed note marks of a text ("[4]" in "country[4]"),
// in either language: a translation that keeps its source's marks must keep
// their numbers.
std::multiset<align::Decimal> NoteMarksOf(std::string_view text);

// The numbers of the Latin tokens that mix letters and digits ("ISO-8208",
// "G20", "x25") whose letters the other text has with other digits: the
// identifier kept, its number changed ("ISO-8028"). `missing` gets the
// source's numbers, `extra` the translation's. Tokens that are absent, or
// present on both sides, are no number (a name such as "COVID-19" may be
// written in words in the Chinese).
void ChangedTokenNumbers(std::string_view source, std::string_view translation, std::multiset<align::Decimal>& missing,
                         std::multiset<align::Decimal>& extra);

// Whether an English text spells `value` out in words ("one hundred",
// "twenty-first"), for a Chinese number the translation writes in words.
bool SpellsOut(std::string_view english, double value);

}  // namespace bitext

#endif  // BITEXT_REPORTS_NUMBER_MARKS_H_
