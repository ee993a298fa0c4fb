// Compares two heading outlines: a table of contents with the body
// headings it announces, or an MT's headings with the official titles.
// Headings are paired in order by the similarity of their titles (numbers
// stripped); numbering is then compared by parsed value and level, never as
// strings, so "(IV)" ~ "4." agree and "(VIII)" after "(VI)" does not.
#ifndef BITEXT_COMPARE_OUTLINE_COMPARISON_H_
#define BITEXT_COMPARE_OUTLINE_COMPARISON_H_

#include <vector>

#include "document.h"

namespace bitext::align {

struct OutlinePair {
  const Paragraph* left = nullptr;   // nullptr: the right heading has no counterpart
  const Paragraph* right = nullptr;  // nullptr: the left heading has no counterpart
  double similarity = 0;             // of the titles, chrF-like, 0..1
  bool same_value = true;            // both numbered with the same value (true if not both numbered)
  bool same_level = true;
};

// The headings of `paragraphs` (numbered or named, table-of-contents entries
// included when `toc` is true, else excluded).
std::vector<const Paragraph*> Headings(const std::vector<const Paragraph*>& paragraphs, bool toc);

std::vector<OutlinePair> CompareOutlines(const std::vector<const Paragraph*>& left,
                                         const std::vector<const Paragraph*>& right);

}  // namespace bitext::align

#endif  // BITEXT_COMPARE_OUTLINE_COMPARISON_H_
