// The catalogue of divergence checks. Each rule has a stable id, a default
// severity, a one-line description and the reason it exists; the thresholds
// of all rules live in CheckConfig, and any rule can be disabled or given
// another severity there (from the command line or a config file).
//
//   CheckConfig config;                         // defaults
//   std::vector<Finding> f = CheckDocument(doc, config);
//   Append(f, CheckComparison(comparison, mt_doc, config));
#ifndef BITEXT_CHECKS_CHECKS_H_
#define BITEXT_CHECKS_CHECKS_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "comparison.h"
#include "document.h"
#include "finding.h"
#include "glossary.h"
#include "lexicon.h"
#include "locate.h"
#include "rules.h"
#include "run_all.h"

namespace bitext {

struct CheckConfig {
  std::map<std::string, bool> enabled;       // rule id -> on/off (default on)
  std::map<std::string, Severity> severity;  // rule id -> override

  // repetition-loop: an n-gram (n <= loop_max_n words) repeated at least
  // loop_min_repeats times in a row covering at least loop_min_coverage of
  // the segment. Oscillatory hallucinations in MT repeat a short phrase many
  // times; ordinary prose rarely repeats any 2+-word phrase three times running.
  int loop_max_n = 16;
  int loop_min_repeats = 3;
  double loop_min_coverage = 0.2;
  // low-similarity: chrF more than low_similarity_mads median absolute
  // deviations below the document's median row chrF, and below an absolute
  // ceiling, so a uniformly good translation raises nothing.
  double low_similarity_mads = 3.0;
  double low_similarity_ceiling = 35.0;
  // length-ratio: a bead whose Gale-Church length probability is below this.
  double length_ratio_min_probability = 0.001;

  // terminology: the user's glossary, or nullptr to skip the rule.
  const Glossary* glossary = nullptr;
  // The lexicon the alignment used, as evidence that an MT sentence renders
  // the Chinese though the official English words it otherwise; nullptr:
  // the English evidence alone.
  const align::Lexicon* lexicon = nullptr;

  bool Enabled(const std::string& rule) const;
};

// Rules that need one document only (CheckDocumentSet compares a
// repetition loop with the source): garbled-heading, truncated-paragraph,
// numbering-sequence, numbering-style, boilerplate, repeated-token,
// encoding-damage, repetition-loop, untranslated, punctuation-spacing,
// bullet-style, terminology (forbidden variants in English text).
std::vector<Finding> CheckDocument(const Document& doc, const CheckConfig& config);

// Rules over an MT compared with the official text: duplicated-section,
// truncated-paragraph (where a repeat begins), toc-mismatch, omission,
// addition, number-mismatch, low-similarity, length-ratio (official beads),
// terminology (a glossary term in the Chinese without its approved
// translation in the MT), and rows where the two routes to the Chinese disagree.
// `official_path` names the file of the official English in locations.
std::vector<Finding> CheckComparison(const align::Comparison& comparison, const std::string& official_path,
                                     const Document& mt, const CheckConfig& config);

// Numbering that breaks only because a section is repeated (a heading and
// the one before it on either side of where a repeat begins) is an echo of
// the duplicated-section finding: drops those numbering-sequence findings
// of the MT file.
void DropRepeatEchoes(const align::Comparison& comparison, const std::string& mt_path, std::vector<Finding>& findings);

// The whole catalogue on a document set: each official document and each
// MT on its own, then each MT's comparison with the official text
// (`comparisons[k]` for `mts[k]`). pipeline/check_set.h makes the
// comparisons when there are none.
// `official_pair`: the official Chinese-English alignment, which the rules
// holding one language to the other need when there is no MT; by default
// the first comparison's.
// `run_all` runs the checks' tasks (run_all.h); by default one after the
// other. The findings are the same either way.
std::vector<Finding> CheckDocumentSet(const OfficialTexts& official, const std::vector<const Document*>& mts,
                                      const std::vector<const align::Comparison*>& comparisons,
                                      const CheckConfig& config,
                                      const align::DocumentAlignment* official_pair = nullptr,
                                      const RunAll& run_all = {});

// CheckDocument and CheckComparison before FinishFindings: CheckDocumentSet
// finishes the findings of a whole set once.
std::vector<Finding> DocumentFindings(const Document& doc, const CheckConfig& config);

// DocumentFindings in pieces that may run side by side: each rule is a task
// that appends to its own list, and Findings(), once every task has run,
// joins the lists in the catalogue's order, as DocumentFindings returns them.
// `doc` and `config` must outlive it.
class DocumentRules {
 public:
  DocumentRules(const Document& doc, const CheckConfig& config);
  std::vector<std::function<void()>> Tasks();
  std::vector<Finding> Findings();

 private:
  const Document& doc_;
  const CheckConfig& config_;
  const Locator at_;                         // copied by each task: a copy keeps its own place
  std::vector<std::vector<Finding>> found_;  // per rule
};
std::vector<Finding> ComparisonFindings(const align::Comparison& comparison, const std::string& official_path,
                                        const Document& mt, const CheckConfig& config);

// A finding of `rule` with the rule's default severity and one location.
Finding MakeFinding(const Rule& rule, std::string message, Location where, Evidence evidence);
// The same with the text the finding concerns (its paragraph) as evidence
// "key", given without a copy: a long text is hashed into the fingerprint
// and cut to a window around the place in the evidence.
Finding MakeFinding(const Rule& rule, std::string message, Location where, Evidence evidence, std::string_view key);

// Applies the config (drop disabled rules, override severities) and sets
// fingerprints, with `run_all` (run_all.h) when given. The Check* functions
// call it; exposed for tests.
void FinishFindings(std::vector<Finding>& findings, const CheckConfig& config, const RunAll& run_all = {});

}  // namespace bitext

#endif  // BITEXT_CHECKS_CHECKS_H_
