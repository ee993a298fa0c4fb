#include "junit_report.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string_view>
#include <tuple>

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

std::string Counts(int tests, int failures, int errors) {
  return "tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"" +
         std::to_string(errors) + "\"";
}

// The value of a numeric attribute in the first tag of `xml` (0 if absent).
int Attribute(std::string_view xml, const std::string& name) {
  const std::string_view tag = xml.substr(0, xml.find('>'));
  const size_t at = tag.find(" " + name + "=\"");
  return at == std::string_view::npos ? 0 : std::atoi(tag.data() + at + name.size() + 3);
}

}  // namespace

void WriteJunit(std::ostream& out, const std::vector<Finding>& findings, const std::string& suite_name,
                Severity fail_at) {
  // Same findings in any order give the same report: they are listed as
  // SortFindings orders them, by pointer, not copied.
  std::vector<const Finding*> sorted;
  sorted.reserve(findings.size());
  for (const Finding& f : findings) sorted.push_back(&f);
  static const Location kNowhere;
  auto key = [](const Finding* f) {
    const Location& l = f->locations.empty() ? kNowhere : f->locations.front();
    return std::tie(l.file, l.line, l.column, f->rule);
  };
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Finding* a, const Finding* b) { return key(a) < key(b); });

  std::vector<std::string> order;
  for (const Rule& rule : Rules()) order.push_back(rule.id);
  std::map<std::string, Case> cases;
  for (const Finding* f : sorted) {
    Case& c = cases[f->rule];
    (f->severity >= fail_at ? c.failing : c.passing).push_back(f);
  }
  int failures = 0;
  for (const auto& [rule, c] : cases) {  // map order: rules outside the catalogue, sorted
    if (FindRule(rule) == nullptr) order.push_back(rule);
    failures += !c.failing.empty();
  }

  // JUnit's schema (Jenkins' junit-4.xsd) has "skipped" on <testsuite> only.
  const std::string counts = Counts(static_cast<int>(order.size()), failures, 0);
  const std::string classname = EscapeXml(suite_name);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites " << counts << ">\n  <testsuite name=\"" << classname
      << "\" " << counts << " skipped=\"0\">\n";
  for (const std::string& rule : order) {
    out << "    <testcase classname=\"" << classname << "\" name=\"" << EscapeXml(rule) << "\"";
    auto it = cases.find(rule);
    if (it == cases.end()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    const Case& c = it->second;
    if (!c.failing.empty()) {
      const size_t n = c.failing.size();
      out << "      <failure message=\"" << n << (n == 1 ? " finding" : " findings") << " at or above "
          << SeverityName(fail_at) << "\" type=\"" << EscapeXml(rule) << "\">";
      for (const Finding* f : c.failing) out << EscapeXml(Line(*f));
      out << "</failure>\n";
    }
    if (!c.passing.empty()) {
      out << "      <system-out>";
      for (const Finding* f : c.passing) out << EscapeXml(Line(*f));
      out << "</system-out>\n";
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

std::string RenderJunit(const std::vector<Finding>& findings, const std::string& suite_name, Severity fail_at) {
  std::ostringstream out;
  WriteJunit(out, findings, suite_name, fail_at);
  return out.str();
}

std::string MergeJunit(const std::vector<JunitPart>& parts) {
  int tests = 0, failures = 0, errors = 0;
  std::string suites;
  for (const JunitPart& part : parts) {
    if (!part.error.empty()) {
      ++tests;
      ++errors;
      const std::string name = EscapeXml(part.set);
      suites += "  <testsuite name=\"" + name + "\" " + Counts(1, 0, 1) +
                " skipped=\"0\">\n"
                "    <testcase classname=\"" +
                name +
                "\" name=\"input\">\n"
                "      <error message=\"" +
                EscapeXml(part.error) +
                "\" type=\"input-error\"/>\n"
                "    </testcase>\n"
                "  </testsuite>\n";
      continue;
    }
    // RenderJunit writes one suite between "  <testsuite " and its end tag.
    const size_t begin = part.junit.find("  <testsuite ");
    const std::string end_tag = "</testsuite>\n";
    const size_t end = part.junit.find(end_tag, begin);
    if (begin == std::string::npos || end == std::string::npos) continue;
    const std::string_view suite = std::string_view(part.junit).substr(begin, end + end_tag.size() - begin);
    tests += Attribute(suite, "tests");
    failures += Attribute(suite, "failures");
    errors += Attribute(suite, "errors");
    suites += suite;
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<testsuites " +
         Counts(tests, failures, errors) + ">\n" + suites + "</testsuites>\n";
}

}  // namespace bitext
