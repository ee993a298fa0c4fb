// Findings as JSON, the form findings.json, report.json and SARIF carry.
#ifndef BITEXT_REPORTS_FINDING_JSON_H_
#define BITEXT_REPORTS_FINDING_JSON_H_

#include <ostream>

#include "finding.h"
#include "json_writer.h"

namespace bitext {

// A finding's evidence as the next value of `json`: an object by name, its
// values as they are (texts, numbers, lists of texts, counts by text).
void WriteEvidenceJson(JsonWriter& json, const Evidence& evidence);

// Writes a finding as an object of its rule, severity, message, locations
// (file, line, column, end_line), evidence and fingerprint, laid out as
// dump(2) prints it `depth` spaces in (json_writer.h): a set's findings are
// the bulk of findings.json and report.json, and a JSON tree for each one
// costs several times their writing.
void WriteFindingJson(std::ostream& out, const Finding& finding, int depth);

}  // namespace bitext

#endif  // BITEXT_REPORTS_FINDING_JSON_H_
