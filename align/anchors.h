// Anchors: tokens that survive translation unchanged in meaning, so a
// Chinese unit and its English rendering share them. Numbers are normalised
// to their value ("2702亿" and "270.2 billion" both give "270200000000";
// "十八大" gives "18" like "18th"), percentages keep their number, and Latin
// tokens inside Chinese text ("COVID-19", "G20") are matched as words.
//
//   Anchors a = ExtractAnchors("2013至2018年，援助2702亿元", Lang::kZh);
//   // a.numbers == {"2013", "2018", "270200000000"}
#ifndef BITEXT_ALIGN_ANCHORS_H_
#define BITEXT_ALIGN_ANCHORS_H_

#include <string>
#include <string_view>
#include <vector>

#include "decimal.h"
#include "document.h"

namespace bitext::align {

struct Anchors {
  std::vector<std::string> numbers;  // sorted multiset of normalised values
  std::vector<std::string> words;    // sorted multiset of folded Latin tokens

  // The anchors of several units taken together (a many-to-one bead).
  void Add(const Anchors& other);
};

// In Chinese text the Latin tokens are anchors to look for; in English text
// every word is offered so that those anchors can meet it.
Anchors ExtractAnchors(std::string_view text, Lang lang);

// Dice overlap of numbers, plus the Chinese side's Latin tokens found on the
// English side, in [0, 1]; -1 when there is nothing to compare: numbers on
// one side only and no Latin tokens in the Chinese (a token the Chinese side
// has is always looked for, so its absence in the English counts). `matched` receives what matched, for the bead's
// evidence.
double AnchorSimilarity(const Anchors& zh, const Anchors& en, std::vector<std::string>* matched = nullptr);

// Parses the numbers of a text into exact values (for the number checks):
// Arabic digits with separators and decimals, scale words and characters
// (万 亿 thousand million billion trillion), and runs of two or more Chinese
// numeral characters. A number followed by 月 is a month, which
// ExtractAnchors keys as "month:N" to meet English month names.
std::vector<Decimal> ExtractDecimals(std::string_view text, Lang lang);
// The same values as doubles, for the anchors, where closeness is enough.
std::vector<double> ExtractNumbers(std::string_view text, Lang lang);

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_ANCHORS_H_
