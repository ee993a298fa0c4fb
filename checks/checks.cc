#include "checks.h"

#include <algorithm>

#include "unicode.h"

namespace bitext {

Finding MakeFinding(const Rule& rule, std::string message, Location where, nlohmann::json evidence) {
  Finding f;
  f.rule = rule.id;
  f.severity = rule.severity;
  f.message = std::move(message);
  f.locations.push_back(std::move(where));
  f.evidence = std::move(evidence);
  return f;
}

bool CheckConfig::Enabled(const std::string& rule) const {
  auto it = enabled.find(rule);
  return it == enabled.end() || it->second;
}

namespace {

// The length, in code points, of the text at a finding's column: a glossary
// variant, or the doubled token (a doubled word points at its second copy).
int QuotedLength(const Finding& f) {
  for (const char* field : {"variant", "token"}) {
    if (f.evidence.contains(field)) return static_cast<int>(ToCodePoints(f.evidence[field].get<std::string>()).size());
  }
  return 0;
}

// Drops each finding that a finding of the rule its rule yields to
// overlaps (Rule::yields_to), so one defect is reported once.
void DropYieldingFindings(std::vector<Finding>& findings) {
  struct Span {
    Location at;
    int length;
  };
  for (const Rule& rule : Rules()) {
    if (rule.yields_to == nullptr) continue;
    const bool inside_text = rule.overlap == Overlap::kInsideText;
    std::vector<Span> spans;  // copied: erasing moves the findings
    for (const Finding& f : findings) {
      if (f.rule == rule.yields_to->id && !f.locations.empty() && (!inside_text || QuotedLength(f) > 0)) {
        spans.push_back({f.locations[0], QuotedLength(f)});
      }
    }
    auto overlapped = [&](const Finding& f) {
      if (f.rule != rule.id || f.locations.empty()) return false;
      const Location& at = f.locations[0];
      const int end = at.column + QuotedLength(f);
      return std::any_of(spans.begin(), spans.end(), [&](const Span& span) {
        return span.at.file == at.file && span.at.line == at.line &&
               (!inside_text || (span.at.column <= at.column && end <= span.at.column + span.length));
      });
    };
    std::erase_if(findings, overlapped);
  }
}

}  // namespace

void FinishFindings(std::vector<Finding>& findings, const CheckConfig& config) {
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const Finding& f) { return !config.Enabled(f.rule); }),
                 findings.end());
  // One finding per rule and place (line and column).
  for (Finding& f : findings) {
    auto it = config.severity.find(f.rule);
    if (it != config.severity.end()) f.severity = it->second;
    const std::string key = f.evidence.contains("key") ? f.evidence["key"].get<std::string>() : f.message;
    f.fingerprint = Fingerprint(f.rule, f.locations.empty() ? "" : f.locations.front().file, key);
  }
  SortFindings(findings);
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [](const Finding& a, const Finding& b) {
                               return a.rule == b.rule && !a.locations.empty() && !b.locations.empty() &&
                                      a.locations[0].file == b.locations[0].file &&
                                      a.locations[0].line == b.locations[0].line &&
                                      a.locations[0].column == b.locations[0].column;
                             }),
                 findings.end());
  DropYieldingFindings(findings);
}

}  // namespace bitext
