#include "finding.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <tuple>
#include <vector>

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
  // The files and rules by rank, so that the sort compares numbers; the
  // findings are then moved into place once, not at every step of the sort.
  static const Location kNowhere;
  auto at = [](const Finding& f) -> const Location& { return f.locations.empty() ? kNowhere : f.locations.front(); };
  std::vector<std::string_view> files, rules;
  // Findings come in runs of one file and one rule: a name is taken once
  // per run, so that only a few are sorted.
  for (const Finding& f : findings) {
    if (files.empty() || files.back() != at(f).file) files.push_back(at(f).file);
    if (rules.empty() || rules.back() != f.rule) rules.push_back(f.rule);
  }
  for (std::vector<std::string_view>* names : {&files, &rules}) {
    std::sort(names->begin(), names->end());
    names->erase(std::unique(names->begin(), names->end()), names->end());
  }
  auto rank = [](const std::vector<std::string_view>& names, std::string_view name) {
    return static_cast<uint32_t>(std::lower_bound(names.begin(), names.end(), name) - names.begin());
  };
  struct Key {
    uint32_t file;
    int line, column;
    uint32_t rule, index;  // the index keeps equal keys in their order
    auto Tied() const { return std::tie(file, line, column, rule, index); }
  };
  std::vector<Key> keys;
  keys.reserve(findings.size());
  for (size_t k = 0; k < findings.size(); ++k) {
    const Location& l = at(findings[k]);
    keys.push_back({rank(files, l.file), l.line, l.column, rank(rules, findings[k].rule), static_cast<uint32_t>(k)});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return a.Tied() < b.Tied(); });
  // Position k takes finding keys[k].index: followed round each cycle, with
  // one finding held aside.
  std::vector<bool> placed(findings.size(), false);
  for (size_t start = 0; start < findings.size(); ++start) {
    if (placed[start]) continue;
    Finding held = std::move(findings[start]);
    size_t k = start;
    while (keys[k].index != start) {
      findings[k] = std::move(findings[keys[k].index]);
      placed[k] = true;
      k = keys[k].index;
    }
    findings[k] = std::move(held);
    placed[k] = true;
  }
}

}  // namespace bitext
