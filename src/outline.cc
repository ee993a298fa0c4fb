// Heading levels come from the document, not from a fixed table: styles are
// ranked in the order the document opens them. A style seen for the first
// time with the value 1 opens a level below the current heading (a new
// list starts at 1); a style first seen with another value is a sibling of
// the current heading written in a stray style ("(8)" among "(VII)"), which
// is what numbering checks need to see. Unnumbered section names
// ("Preface", "前言") are top level. Table-of-contents entries take the
// levels the body gave each style, then the same rules for styles the body
// does not use.
#include <map>

#include "structure.h"

namespace bitext {
namespace {

// `known`: levels of styles already established (the body's, for a table of
// contents, whose own numbering is often the damaged one).
std::map<NumberStyle, int> AssignLevels(std::vector<Paragraph*>& stream,
                                        std::map<NumberStyle, int> level_of_style = {}) {
  int current = 0;  // level of the latest numbered heading, 0 before any
  for (Paragraph* p : stream) {
    if (!p->heading) continue;
    const std::optional<NumberMarker>& number = p->heading->number;
    if (!number) {
      p->heading->level = 1;
      continue;
    }
    int level;
    auto known = level_of_style.find(number->style);
    if (known != level_of_style.end()) {
      level = known->second;
    } else if (number->style == NumberStyle::kMissing) {
      level = current > 0 ? current : 1;
    } else {
      level = number->value == 1 || current == 0 ? current + 1 : current;
      level_of_style[number->style] = level;
    }
    p->heading->level = level;
    current = level;
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
