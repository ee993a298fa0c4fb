// Findings as JSON, the form findings.json, report.json and SARIF carry.
#ifndef BITEXT_REPORTS_FINDING_JSON_H_
#define BITEXT_REPORTS_FINDING_JSON_H_

#include <nlohmann/json.hpp>
#include <ostream>

#include "finding.h"
#include "json_output.h"
#include "json_writer.h"

namespace bitext {

// An object by name, its values as they are: texts, numbers, lists of texts,
// counts by text.
nlohmann::json EvidenceToJson(const Evidence& evidence);

nlohmann::json FindingToJson(const Finding& finding);

// EvidenceToJson(evidence), written as the next value of `json`.
void WriteEvidenceJson(JsonWriter& json, const Evidence& evidence);

// Writes FindingToJson(finding) as WriteIndented lays it out `depth` spaces
// in, byte for byte, straight from the finding: a set's findings are the
// bulk of findings.json and report.json, and a JSON tree for each one
// costs several times their writing.
void WriteFindingJson(std::ostream& out, const Finding& finding, int depth);

}  // namespace bitext

#endif  // BITEXT_REPORTS_FINDING_JSON_H_
