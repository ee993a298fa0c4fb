// Findings as JSON, the form findings.json, report.json and SARIF carry.
#ifndef BITEXT_REPORTS_FINDING_JSON_H_
#define BITEXT_REPORTS_FINDING_JSON_H_

#include <nlohmann/json.hpp>

#include "finding.h"

namespace bitext {

// An object by name, its values as they are: texts, numbers, lists of texts,
// counts by text.
nlohmann::json EvidenceToJson(const Evidence& evidence);

nlohmann::json FindingToJson(const Finding& finding);

}  // namespace bitext

#endif  // BITEXT_REPORTS_FINDING_JSON_H_
