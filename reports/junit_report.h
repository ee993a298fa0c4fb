// JUnit XML, the test-report format nearly every CI system displays: each
// rule of the catalogue is a test case that fails when the rule has
// findings at or above a chosen severity.
#ifndef BITEXT_REPORTS_JUNIT_REPORT_H_
#define BITEXT_REPORTS_JUNIT_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "finding.h"

namespace bitext {

// One <testsuite name=suite_name> with a <testcase> per catalogue rule (and
// one per rule outside the catalogue that has findings, so none is lost).
// Findings at or above `fail_at` go in the case's <failure>, the rest in its
// <system-out>, each as "file:line:col: message", sorted by location.
// WriteJunit writes it to a stream as it goes, RenderJunit returns it.
void WriteJunit(std::ostream& out, const std::vector<Finding>& findings, const std::string& suite_name,
                Severity fail_at);
std::string RenderJunit(const std::vector<Finding>& findings, const std::string& suite_name, Severity fail_at);

// One document set's part of a merged report: its report as RenderJunit
// wrote it, or the input error that stopped its audit.
struct JunitPart {
  std::string set;
  std::string junit;
  std::string error;  // non-empty: the set has no report
};

// One <testsuites> holding each part's <testsuite>, in the order given; a
// set with an input error is a suite with one "input" case in <error>.
std::string MergeJunit(const std::vector<JunitPart>& parts);

}  // namespace bitext

#endif  // BITEXT_REPORTS_JUNIT_REPORT_H_
