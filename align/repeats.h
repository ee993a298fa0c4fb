// Repeated runs of paragraphs inside one document. Web copies of documents
// repeat themselves: the whole text restarted after a cut-off paragraph, a
// tail of sections pasted again after page furniture. Runs are found from
// paragraphs whose normalised text is identical, then extended along their
// diagonal through paragraphs that are identical or nearly so (small edits),
// so a repeat is reported once, as two spans.
//
//   RepeatAnalysis r = FindRepeats(texts);
//   for (const Repeat& rep : r.repeats) ...           // original and repeat spans
//   if (r.superseded[i]) ...                          // leave paragraph i out of alignment
#ifndef BITEXT_ALIGN_REPEATS_H_
#define BITEXT_ALIGN_REPEATS_H_

#include <string_view>
#include <vector>

namespace bitext::align {

struct Repeat {
  int original_begin = 0, original_end = 0;  // paragraph indices, half-open
  int repeat_begin = 0, repeat_end = 0;
  // A paragraph cut where the text starts again: the one after the original
  // when it is only the start of its counterpart in the repeat, or the one
  // just before the repeat when the paste began mid-paragraph. -1 if none.
  int truncated = -1;
  bool restart = false;  // the repeat starts right after the original (and its cut paragraph)
};

struct RepeatAnalysis {
  std::vector<Repeat> repeats;
  // Paragraphs of copies that another copy supersedes: a copy cut short and
  // restarted, or a later copy of text already present.
  std::vector<bool> superseded;
};

struct RepeatOptions {
  int min_paragraphs = 2;        // shortest run reported...
  int min_characters = 300;      // ...when it is also at least this long, else 3 paragraphs
  int min_seed_characters = 12;  // shorter paragraphs (headings) only extend runs
  double near_identical = 0.85;  // character-trigram Dice for "nearly identical"
  // A paragraph seeds runs with this many of its latest earlier occurrences
  // only: a text that repeats itself many times would otherwise pair every
  // copy with every other, while each copy is still found as the repeat of
  // the one before.
  int seeds_per_paragraph = 8;
};

RepeatAnalysis FindRepeats(const std::vector<std::string_view>& paragraphs, const RepeatOptions& options = {});

// RepeatAnalysis::superseded for `repeats` among `paragraphs` paragraphs.
std::vector<bool> Superseded(const std::vector<Repeat>& repeats, int paragraphs);

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_REPEATS_H_
