// Each MT version compared with the official text, as `bitext compare` and
// `bitext check` make the comparisons: the official paragraphs aligned once,
// beside each MT's match with the official English (a long one in parts),
// then each comparison's direct route, outlines and, when asked, scores, on
// up to `jobs` threads. The comparisons are the same for any number.
#ifndef BITEXT_PIPELINE_COMPARE_SET_H_
#define BITEXT_PIPELINE_COMPARE_SET_H_

#include <functional>
#include <memory>
#include <vector>

#include "comparison.h"
#include "document.h"
#include "lexicon.h"

namespace bitext::pipeline {

// `zh` and `en`: the official paragraphs to align (AlignableParagraphs);
// `lexicon` and `titles` may be null. One comparison per MT, in order.
std::vector<std::unique_ptr<align::Comparison>> CompareEachMt(const std::vector<const Paragraph*>& zh,
                                                              const std::vector<const Paragraph*>& en,
                                                              const std::vector<const Document*>& mts,
                                                              const align::Lexicon* lexicon, const Document* titles,
                                                              bool with_scores, unsigned jobs);

// Joins `comparison` (matched, not yet joined) with the official alignment
// and returns its steps as tasks, the longest first: the outlines, the
// direct route, when asked the scores (TER in parts), and the rows'
// similarities.
std::vector<std::function<void()>> JoinAndListSteps(align::Comparison* comparison,
                                                    const align::DocumentAlignment& official,
                                                    const align::Lexicon* lexicon, const Document* titles,
                                                    bool with_scores);

}  // namespace bitext::pipeline

#endif  // BITEXT_PIPELINE_COMPARE_SET_H_
