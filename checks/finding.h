// The finding model: what every check reports. A finding names its rule (a
// stable kebab-case id), a severity, a message a person reads, the exact
// places in each input it concerns, and the evidence behind it. Its
// fingerprint depends only on the rule, the file's name and the evidence
// text, never on line numbers, so it survives unrelated edits elsewhere and
// CI baselines keep working.
#ifndef BITEXT_CHECKS_FINDING_H_
#define BITEXT_CHECKS_FINDING_H_

#include <string>
#include <string_view>
#include <vector>

#include "evidence.h"

namespace bitext {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

const char* SeverityName(Severity severity);
// "error", "warning", "info"; false for anything else.
bool ParseSeverity(std::string_view name, Severity* severity);

struct Location {
  std::string file;
  int line = 0;      // 1-based
  int column = 1;    // 1-based, in code points
  int end_line = 0;  // 0: same as line
};

struct Finding {
  std::string rule;
  Severity severity = Severity::kWarning;
  std::string message;
  std::vector<Location> locations;  // the first is the primary one
  Evidence evidence;
  std::string fingerprint;  // set by Fingerprint()
};

// Stable id from the rule, the primary file's base name and `key` (the text
// the finding is about). Two findings with the same key in one file get the
// same fingerprint, as linters do for identical lines.
std::string Fingerprint(const std::string& rule, const std::string& file, std::string_view key);

// "file:line:col: severity: message [rule]", the format editors and CI
// annotations read.
std::string FormatFinding(const Finding& finding);

// Sorts by file, line, column and rule, for stable output.
void SortFindings(std::vector<Finding>& findings);

}  // namespace bitext

#endif  // BITEXT_CHECKS_FINDING_H_
