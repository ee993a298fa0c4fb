#include "junit_report.h"

#include <map>
#include <string_view>

#include "checks.h"
#include "xml_escape.h"

namespace bitext {
namespace {

std::string Line(const Finding& f) {
  std::string out;
  if (!f.locations.empty()) {
    const Location& l = f.locations.front();
    out = l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column) + ": ";
  }
  return out + f.message + "\n";
}

struct Case {
  std::vector<const Finding*> failing;
  std::vector<const Finding*> passing;
};

}  // namespace

std::string RenderJunit(const std::vector<Finding>& findings, const std::string& suite_name,
                        Severity fail_at) {
  std::vector<Finding> sorted = findings;
  SortFindings(sorted);  // same findings in any order give the same report

  std::vector<std::string> order;
  for (const RuleInfo& rule : Rules()) order.push_back(rule.id);
  std::map<std::string, Case> cases;
  for (const Finding& f : sorted) {
    Case& c = cases[f.rule];
    (f.severity >= fail_at ? c.failing : c.passing).push_back(&f);
  }
  for (const auto& [rule, c] : cases) {  // map order: rules outside the catalogue, sorted
    if (FindRule(rule) == nullptr) order.push_back(rule);
  }

  int failures = 0;
  std::string body;
  const std::string classname = EscapeXml(suite_name);
  for (const std::string& rule : order) {
    body += "    <testcase classname=\"" + classname + "\" name=\"" + EscapeXml(rule) + "\"";
    auto it = cases.find(rule);
    if (it == cases.end()) {
      body += "/>\n";
      continue;
    }
    body += ">\n";
    const Case& c = it->second;
    if (!c.failing.empty()) {
      ++failures;
      const size_t n = c.failing.size();
      body += "      <failure message=\"" + std::to_string(n) + (n == 1 ? " finding" : " findings") +
              " at or above " + SeverityName(fail_at) + "\" type=\"" + EscapeXml(rule) + "\">";
      for (const Finding* f : c.failing) body += EscapeXml(Line(*f));
      body += "</failure>\n";
    }
    if (!c.passing.empty()) {
      body += "      <system-out>";
      for (const Finding* f : c.passing) body += EscapeXml(Line(*f));
      body += "</system-out>\n";
    }
    body += "    </testcase>\n";
  }

  const std::string counts = "tests=\"" + std::to_string(order.size()) + "\" failures=\"" +
                             std::to_string(failures) + "\" errors=\"0\"";
  // JUnit's schema (Jenkins' junit-4.xsd) has "skipped" on <testsuite> only.
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<testsuites " + counts + ">\n"
         "  <testsuite name=\"" + classname + "\" " + counts + " skipped=\"0\">\n" +
         body +
         "  </testsuite>\n"
         "</testsuites>\n";
}

}  // namespace bitext
