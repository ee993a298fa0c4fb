#include "finding.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <tuple>

#include "display.h"
#include "fnv.h"

namespace bitext {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

bool ParseSeverity(std::string_view name, Severity* severity) {
  if (name == "error")
    *severity = Severity::kError;
  else if (name == "warning")
    *severity = Severity::kWarning;
  else if (name == "info")
    *severity = Severity::kInfo;
  else
    return false;
  return true;
}

std::string Fingerprint(const std::string& rule, const std::string& file, std::string_view key) {
  uint64_t hash = kFnvOffsetBasis;
  auto mix = [&](std::string_view s) { hash = Fnv1a("\xff", Fnv1a(s, hash)); };  // 0xff separates the parts
  mix(rule);
  mix(std::filesystem::path(file).filename().string());
  mix(key);
  return Hex64(hash);
}

std::string FormatFinding(const Finding& f) {
  std::string out;
  if (!f.locations.empty()) {
    const Location& l = f.locations.front();
    out = EscapeControls(l.file) + ":" + std::to_string(l.line) + ":" + std::to_string(l.column) + ": ";
  }
  return out + SeverityName(f.severity) + ": " + EscapeControls(f.message) + " [" + f.rule + "]";
}

void SortFindings(std::vector<Finding>& findings) {
  static const Location kNowhere;
  auto key = [](const Finding& f) {
    const Location& l = f.locations.empty() ? kNowhere : f.locations.front();
    return std::tie(l.file, l.line, l.column, f.rule);
  };
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

}  // namespace bitext
