#include "batch_summary.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "atomic_file.h"
#include "batch_report.h"
#include "decode.h"
#include "error.h"
#include "junit_report.h"
#include "sarif_report.h"
#include "xml_escape.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace bitext::pipeline {
namespace {

constexpr const char* kSeverities[] = {"info", "warning", "error"};  // Severity's order

json SeverityCounts(const std::array<int, 3>& n) { return {{"error", n[2]}, {"warning", n[1]}, {"info", n[0]}}; }

void AddCounts(const json& from, json* to) {
  for (const char* severity : kSeverities) {
    (*to)[severity] = (to->contains(severity) ? (*to)[severity].get<int>() : 0) + from[severity].get<int>();
  }
}

std::string ReadOutput(const fs::path& path) { return ReadText(path.string(), DecodeOptions{"UTF-8", true}).text; }

}  // namespace

FolderLock LockBatchOutput(const std::string& out_dir, const std::string& command) {
  std::error_code error;
  fs::create_directories(out_dir, error);
  if (error) throw InputError({out_dir}, "cannot create folder: " + error.message());
  return FolderLock(out_dir, command);
}

json SetSummary(const BatchSet& set, const AuditSummary& result, const std::string& error, double seconds) {
  static const char* kStatus[] = {"pass", "fail", "error"};  // by exit code
  const int exit_code = error.empty() ? result.exit_code : kExitInputError;
  json entry = {{"index", set.index},
                {"name", result.name.empty() ? set.key : result.name},
                {"path", set.path},
                {"dir", set.dir},
                {"status", kStatus[exit_code]},
                {"exit_code", exit_code},
                {"error", error.empty() ? json() : json(error)},
                {"counts", {{"error", 0}, {"warning", 0}, {"info", 0}}},
                {"rules", json::object()},
                {"coverage", json::array()},
                {"reports", result.html_reports},
                {"seconds", seconds}};
  for (const auto& [rule, n] : result.counts) {
    entry["rules"][rule] = SeverityCounts(n);
    AddCounts(entry["rules"][rule], &entry["counts"]);
  }
  entry["xml_replaced"] = result.xml_replaced;
  for (const MtCoverage& mt : result.coverage) {
    entry["coverage"].push_back({{"mt", mt.path}, {"rendered", mt.rendered}, {"paragraphs", mt.paragraphs}});
  }
  return entry;
}

int WriteBatchReports(const std::string& out_dir, json& summary) {
  json totals = {{"sets", summary["sets"].size()},
                 {"pass", 0},
                 {"fail", 0},
                 {"error", 0},
                 {"counts", {{"error", 0}, {"warning", 0}, {"info", 0}}},
                 {"rules", json::object()}};
  int exit_code = kExitOk;
  std::vector<SarifPart> sarif;
  std::vector<JunitPart> junit;
  for (const json& set : summary["sets"]) {
    const std::string status = set["status"];
    totals[status] = totals[status].get<int>() + 1;
    exit_code = std::max(exit_code, set["exit_code"].get<int>());
    AddCounts(set["counts"], &totals["counts"]);
    for (const auto& [rule, counts] : set["rules"].items()) AddCounts(counts, &totals["rules"][rule]);
    const std::string name = set["name"];
    if (set["error"].is_string()) {
      sarif.push_back({name, "", set["error"]});
      junit.push_back({name, "", set["error"]});
    } else {
      const fs::path dir = fs::path(out_dir) / set["dir"].get<std::string>();
      sarif.push_back({name, ReadOutput(dir / "report.sarif"), ""});
      junit.push_back({name, ReadOutput(dir / "junit.xml"), ""});
    }
  }
  summary["totals"] = std::move(totals);
  summary["exit_code"] = exit_code;
  // The merged junit.xml holds the sets' suites as they wrote them, with the
  // characters they replaced, and the merge escapes names and errors itself.
  XmlReplacements counted;
  const std::string index = RenderBatchIndex(summary);
  const size_t index_replaced = counted.Take();
  const std::string merged_junit = MergeJunit(junit);
  size_t junit_replaced = counted.Take();
  for (const json& set : summary["sets"]) {
    junit_replaced += set.value("xml_replaced", json::object()).value("junit.xml", size_t{0});
  }
  summary["xml_replaced"] = json::object();
  if (index_replaced > 0) summary["xml_replaced"]["index.html"] = index_replaced;
  if (junit_replaced > 0) summary["xml_replaced"]["junit.xml"] = junit_replaced;
  const fs::path out(out_dir);
  WriteFileAtomically((out / "summary.json").string(),
                      summary.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
  WriteFileAtomically((out / "summary.md").string(), RenderBatchMarkdown(summary, 20));
  WriteFileAtomically((out / "index.html").string(), index);
  WriteFileAtomically((out / "report.sarif").string(), MergeSarif(sarif, BITEXT_VERSION));
  WriteFileAtomically((out / "junit.xml").string(), merged_junit);
  return exit_code;
}

void PrintBatchTotals(const json& summary, const std::string& out_dir) {
  std::cout << DescribeBatchTotals(summary) << "\n    -> " << (fs::path(out_dir) / "index.html").string()
            << ", summary.json, summary.md, report.sarif, junit.xml\n";
  for (const std::string& note : DescribeXmlReplacements(summary)) std::cout << "  note: " << note << "\n";
  const int exit_code = summary["exit_code"];
  if (exit_code == kExitInputError) std::cout << "exit 2: input errors in some document sets\n";
  if (exit_code == kExitFindings) std::cout << "exit 1: findings at or above --fail-on\n";
}

}  // namespace bitext::pipeline
