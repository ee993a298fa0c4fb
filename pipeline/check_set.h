// The catalogue on a document set whose comparisons are still to be made,
// as `bitext check` and the tests run it: each MT is compared with the
// official text, then checks/CheckDocumentSet runs on the comparisons.
#ifndef BITEXT_PIPELINE_CHECK_SET_H_
#define BITEXT_PIPELINE_CHECK_SET_H_

#include <vector>

#include "checks.h"
#include "document.h"
#include "finding.h"
#include "lexicon.h"

namespace bitext {

// `lexicon` may be null; `titles`, when given, lists official headings the
// comparisons use. The alignments, the comparisons' steps and the checks
// run on up to `jobs` threads; the findings are the same for any number.
std::vector<Finding> CheckDocumentSet(const OfficialTexts& official, const std::vector<const Document*>& mts,
                                      const align::Lexicon* lexicon, const CheckConfig& config,
                                      const Document* titles = nullptr, unsigned jobs = 1);

}  // namespace bitext

#endif  // BITEXT_PIPELINE_CHECK_SET_H_
