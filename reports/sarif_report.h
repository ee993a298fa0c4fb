// SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure
// DevOps) import: findings become annotations on the files they concern.
#ifndef BITEXT_REPORTS_SARIF_REPORT_H_
#define BITEXT_REPORTS_SARIF_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "finding.h"

namespace bitext {

// One run whose driver lists every rule of the catalogue, so a service can
// show a rule's description even for rules with no results. Keys are sorted
// and results keep the given order: the same findings give the same bytes.
std::string RenderSarif(const std::vector<Finding>& findings, const std::string& tool_version);
// The same, written to a stream as each result is rendered.
void WriteSarif(std::ostream& out, const std::vector<Finding>& findings, const std::string& tool_version);

// One document set's part of a merged log: its SARIF log as RenderSarif
// wrote it, or the input error that stopped its audit.
struct SarifPart {
  std::string set;
  std::string sarif;
  std::string error;  // non-empty: the set has no log
};

// The logs of many document sets as one run, as code-scanning services want
// (GitHub takes one run per tool and category): results in the order of the
// parts, each with its set in properties.documentSet, and each input error
// as an error notification of the run's invocation. Written compact (no
// indentation): a batch's log is large.
std::string MergeSarif(const std::vector<SarifPart>& parts, const std::string& tool_version);

}  // namespace bitext

#endif  // BITEXT_REPORTS_SARIF_REPORT_H_
