// Heading levels come from the document, not from a fixed table: styles are
// ranked in the order the document opens them. A style seen for the first
// time with the value 1 opens a level below the current heading (a new
// list starts at 1); a style first seen with another value is a sibling of
// the current heading written in a stray style when it is bracketed the same
// way ("(8)" among "(VII)"), which is what numbering checks need to see, and
// otherwise a list whose first items are missing, one level down ("(II)"
// under "I."). Unnumbered section names
// ("Preface", "前言") are top level. Table-of-contents entries take the
// levels the body gave each style, then the same rules for styles the body
// does not use. Ordinals keep their counters apart ("第一章" and "第一条"
// are two levels), and a decimal number's depth adds to the level its
// scheme opened at ("3.1.10" is two below "3").
#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "structure.h"

namespace bitext {
namespace {

// How a number is set off: 0 "1." "I." "一、", 1 "(1)" "(I)" "(一)", 2 "第一章", 3 lost.
int FormOf(NumberStyle style) {
  switch (style) {
    case NumberStyle::kRomanDot:
    case NumberStyle::kArabicDot:
    case NumberStyle::kDecimal:
    case NumberStyle::kCjkComma: return 0;
    case NumberStyle::kRomanParen:
    case NumberStyle::kArabicParen:
    case NumberStyle::kCjkParen: return 1;
    case NumberStyle::kCjkOrdinal:
    case NumberStyle::kWordOrdinal: return 2;
    case NumberStyle::kMissing: return 3;
  }
  return 3;
}

// `known`: levels of styles already established (the body's, for a table of
// contents, whose own numbering is often the damaged one).
// A numbering scheme: its style and what it counts. Every depth of a
// decimal scheme is one scheme whose level is the depth-1 one's plus the
// difference, which is why a decimal scheme is keyed at depth 1.
using Scheme = std::pair<NumberStyle, std::string>;

Scheme SchemeOf(const NumberMarker& number) { return {number.style, number.counter}; }

std::map<Scheme, int> AssignLevels(std::vector<Paragraph*>& stream,
                                   std::map<Scheme, int> level_of_style = {}) {
  int current = 0;  // level of the latest numbered heading, 0 before any
  int previous_form = -1;
  for (Paragraph* p : stream) {
    if (!p->heading) continue;
    const std::optional<NumberMarker>& number = p->heading->number;
    if (!number) {
      p->heading->level = 1;
      continue;
    }
    int level;
    const int depth = Depth(*number) - 1;  // below the scheme's first level
    auto known = level_of_style.find(SchemeOf(*number));
    if (known != level_of_style.end()) {
      level = std::max(1, known->second + depth);
    } else if (number->style == NumberStyle::kMissing) {
      level = current > 0 ? current : 1;
    } else {
      // Not starting at 1: a sibling in a stray style when bracketed like
      // the current heading ("(8)" among "(VII)"), else a list whose first
      // items are missing, one level down ("(II)" under "I.").
      const bool sibling = number->value != 1 && current > 0 && previous_form == FormOf(number->style);
      level = sibling ? current : current + 1;
      level_of_style[SchemeOf(*number)] = level - depth;
    }
    p->heading->level = level;
    current = level;
    previous_form = FormOf(number->style);
  }
  return level_of_style;
}

}  // namespace

void AssignHeadingLevels(std::vector<Paragraph>& paragraphs) {
  for (Lang lang : {Lang::kZh, Lang::kEn, Lang::kMixed}) {
    std::vector<Paragraph*> body, toc;
    for (Paragraph& p : paragraphs) {
      if (p.lang == lang) (p.kind == Kind::kToc ? toc : body).push_back(&p);
    }
    AssignLevels(toc, AssignLevels(body));
  }
}

}  // namespace bitext
