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
#include <tuple>

#include "structure.h"
#include "text_features.h"
#include "unicode.h"

namespace bitext {
namespace {

// How a number is set off: 0 "1." "I." "一、", 1 "(1)" "(I)" "(一)", 2 "第一章", 3 lost.
int FormOf(NumberStyle style) {
  switch (style) {
    case NumberStyle::kRomanDot:
    case NumberStyle::kArabicDot:
    case NumberStyle::kDecimal:
    case NumberStyle::kCjkComma:
      return 0;
    case NumberStyle::kRomanParen:
    case NumberStyle::kArabicParen:
    case NumberStyle::kCjkParen:
      return 1;
    case NumberStyle::kCjkOrdinal:
    case NumberStyle::kWordOrdinal:
      return 2;
    case NumberStyle::kMissing:
      return 3;
  }
  return 3;
}

// Whether a numbered paragraph reads as an item of a list: running text,
// or a short step that ends as a sentence does ("5. Boot the installation
// system."); headings carry no full stop. Ordinals (articles, chapters)
// are sections whatever their length.
bool ReadsAsItem(const Paragraph& p) {
  const NumberMarker& number = *p.heading->number;
  if (number.style == NumberStyle::kCjkOrdinal || number.style == NumberStyle::kWordOrdinal ||
      number.style == NumberStyle::kMissing || p.kind == Kind::kToc) {
    return false;
  }
  const std::string_view title = number.Title(p.text);
  return p.kind != Kind::kHeading || (EndsSentence(title) && !EndsWithColon(title));
}

// A list is decided as a whole: a run of numbers of one style that count on
// by one is a list of items when most of its members read as items, so a
// step cut short ("12. Install a boot loader which") stays in its list and
// a heading run long by a repetition stays among its headings.
void MarkListItems(const std::vector<Paragraph*>& stream) {
  std::vector<Paragraph*> numbered;
  for (Paragraph* p : stream) {
    if (p->heading && p->heading->number) numbered.push_back(p);
  }
  size_t begin = 0;
  while (begin < numbered.size()) {
    size_t end = begin + 1;
    while (end < numbered.size() && numbered[end]->heading->number->style == numbered[begin]->heading->number->style &&
           numbered[end]->heading->number->value == numbered[end - 1]->heading->number->value + 1) {
      ++end;
    }
    size_t items = 0;
    for (size_t i = begin; i < end; ++i) items += ReadsAsItem(*numbered[i]) ? 1 : 0;
    // "1." to "4." inside section 6.3.1 number a list there, whatever their
    // wording: the sections' own "7." is still to come.
    const NumberMarker& first = *numbered[begin]->heading->number;
    const bool inside_decimal_section = begin > 0 && first.style == NumberStyle::kArabicDot && first.value == 1 &&
                                        numbered[begin - 1]->heading->number->path.size() >= 2;
    for (size_t i = begin; i < end; ++i) {
      numbered[i]->heading->item = inside_decimal_section || (end - begin > 1 ? 2 * items > end - begin : items == 1);
    }
    begin = end;
  }
}

// A numbering scheme: its style, what it counts, and whether it numbers
// headings or the items of a list in running text ("1. Back up your data."
// under "6. Installation"): items keep levels of their own and restart in
// each list. "3." and "3.1." are one decimal scheme, at depths 1 and 2;
// every depth of a decimal scheme takes the level of depth 1 plus the
// difference, which is why a decimal scheme is keyed once.
using Scheme = std::tuple<NumberStyle, std::string, bool>;

Scheme SchemeOf(const Paragraph& p) {
  const NumberMarker& number = *p.heading->number;
  const NumberStyle style = number.style == NumberStyle::kArabicDot ? NumberStyle::kDecimal : number.style;
  return {style, number.counter, IsListItem(p)};
}

// `known`: levels of schemes already established (the body's, for a table
// of contents, whose own numbering is often the damaged one).
std::map<Scheme, int> AssignLevels(std::vector<Paragraph*>& stream, std::map<Scheme, int> level_of_style = {}) {
  int current = 0;  // level of the latest numbered heading, 0 before any
  int previous_form = -1;
  const NumberMarker* current_number = nullptr;
  for (Paragraph* p : stream) {
    if (!p->heading) continue;
    const std::optional<NumberMarker>& number = p->heading->number;
    if (!number) {
      p->heading->level = 1;
      continue;
    }
    int level;
    const int depth = Depth(*number) - 1;  // below the scheme's first level
    auto known = level_of_style.find(SchemeOf(*p));
    if (known != level_of_style.end()) {
      level = std::max(1, known->second + depth);
    } else if (number->style == NumberStyle::kMissing) {
      level = current > 0 ? current : 1;
    } else if (depth > 0 && current_number && current_number->path.empty() &&
               current_number->value == number->path.front()) {
      // "3.1" under "Chapter 3": the chapter stands for the first component.
      level = current + depth;
      level_of_style[SchemeOf(*p)] = current;
    } else {
      // Not starting at 1: a sibling in a stray style when bracketed like
      // the current heading ("(8)" among "(VII)"), else a list whose first
      // items are missing, one level down ("(II)" under "I.").
      const bool sibling = number->value != 1 && current > 0 && previous_form == FormOf(number->style);
      level = sibling ? current : current + 1;
      // A decimal number seen first below its top ("2.1" opening a text)
      // still leaves its depth-1 headings a level above it.
      if (level - depth < 1) level = 1 + depth;
      level_of_style[SchemeOf(*p)] = level - depth;
    }
    p->heading->level = level;
    current = level;
    current_number = &*number;
    previous_form = FormOf(number->style);
  }
  return level_of_style;
}

}  // namespace

bool IsListItem(const Paragraph& p) { return p.heading && p.heading->item; }

Lang MainLanguage(const std::vector<Paragraph>& paragraphs) {
  const auto zh =
      std::count_if(paragraphs.begin(), paragraphs.end(), [](const Paragraph& q) { return q.lang == Lang::kZh; });
  const auto en =
      std::count_if(paragraphs.begin(), paragraphs.end(), [](const Paragraph& q) { return q.lang == Lang::kEn; });
  return zh > en ? Lang::kZh : Lang::kEn;
}

void AssignHeadingLevels(std::vector<Paragraph>& paragraphs) {
  const Lang main_language = MainLanguage(paragraphs);
  for (Lang lang : {Lang::kZh, Lang::kEn}) {
    std::vector<Paragraph*> body, toc;
    for (Paragraph& p : paragraphs) {
      if (OutlineLang(p, main_language) == lang) (p.kind == Kind::kToc ? toc : body).push_back(&p);
    }
    MarkListItems(body);
    AssignLevels(toc, AssignLevels(body));
  }
}

}  // namespace bitext
