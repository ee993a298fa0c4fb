#include "summary_check.h"

#include <algorithm>
#include <cstdint>

#include "batch_summary.h"
#include "error.h"

using nlohmann::json;

namespace bitext::pipeline {
namespace {

// A plain file or folder name a batch writes: letters, digits, '.', '_' and
// '-', not starting with '.', so it can neither leave the output folder nor
// become a link with a scheme ("javascript:") in index.html.
bool IsPlainName(const json& value) {
  if (!value.is_string()) return false;
  const std::string& name = value.get_ref<const std::string&>();
  if (name.empty() || name.size() > 255 || name.front() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

bool IsCount(const json& value) { return value.is_number_unsigned() && value.get<uint64_t>() <= INT32_MAX; }

bool IsSeverityCounts(const json& value) {
  return value.is_object() && IsCount(value.value("error", json())) && IsCount(value.value("warning", json())) &&
         IsCount(value.value("info", json()));
}

}  // namespace

std::string CheckSetEntry(const json& set) {
  static const char* kStatus[] = {"pass", "fail", "error"};  // by exit code
  if (!set.is_object()) return "is not an object";
  if (!IsCount(set.value("index", json()))) return "\"index\" is not a whole number";
  for (const char* key : {"name", "path"}) {
    if (!set.value(key, json()).is_string()) return "\"" + std::string(key) + "\" is not a string";
  }
  if (!IsPlainName(set.value("dir", json()))) {
    return "\"dir\" must be a plain folder name (letters, digits, '.', '_', '-', not starting with '.')";
  }
  const json exit_code = set.value("exit_code", json());
  if (!exit_code.is_number_integer() || exit_code.get<int64_t>() < 0 || exit_code.get<int64_t>() > 2) {
    return "\"exit_code\" must be 0, 1 or 2";
  }
  if (set.value("status", json()) != kStatus[exit_code.get<int>()]) return "\"status\" does not match \"exit_code\"";
  const json error = set.value("error", json());
  if (!error.is_null() && !error.is_string()) return "\"error\" is neither null nor a string";
  if (!IsSeverityCounts(set.value("counts", json()))) return "\"counts\" lacks whole error, warning and info counts";
  const json rules = set.value("rules", json());
  if (!rules.is_object()) return "\"rules\" is not an object";
  for (const auto& [rule, counts] : rules.items()) {
    if (!IsSeverityCounts(counts)) return "rule \"" + rule.substr(0, 80) + "\" lacks whole counts";
  }
  const json reports = set.value("reports", json());
  if (!reports.is_array()) return "\"reports\" is not an array";
  for (const json& page : reports) {
    if (!IsPlainName(page)) return "\"reports\" holds something other than a plain file name";
  }
  // Written since the merged reports count the characters XML cannot hold;
  // older summaries lack it.
  if (set.contains("xml_replaced")) {
    const json& replaced = set["xml_replaced"];
    if (!replaced.is_object()) return "\"xml_replaced\" is not an object";
    for (const auto& [output, count] : replaced.items()) {
      if (!IsPlainName(json(output)) || !IsCount(count)) {
        return "\"xml_replaced\" holds something other than plain file names with whole counts";
      }
    }
  }
  if (!set.value("coverage", json()).is_array()) return "\"coverage\" is not an array";
  if (!set.value("seconds", json()).is_number()) return "\"seconds\" is not a number";
  return "";
}

json ParseBatchSummary(std::string_view text, const std::string& path) {
  json summary;
  try {
    summary = json::parse(text);
  } catch (const json::exception& e) {
    throw InputError({path}, std::string("not a batch summary: ") + e.what());
  }
  if (!summary.is_object() || summary.value("schema_version", json()) != kBatchSchemaVersion) {
    throw InputError({path}, "not a batch summary of schema_version " + std::to_string(kBatchSchemaVersion));
  }
  if (!IsCount(summary.value("sets_total", json())) || !summary.value("seconds", json()).is_number() ||
      !summary.value("sets", json()).is_array()) {
    throw InputError({path},
                     "not a batch summary: \"sets_total\", \"seconds\" or \"sets\" missing or of the wrong type");
  }
  for (size_t k = 0; k < summary["sets"].size(); ++k) {
    const std::string problem = CheckSetEntry(summary["sets"][k]);
    if (!problem.empty()) throw InputError({path}, "set " + std::to_string(k + 1) + " of \"sets\": " + problem);
  }
  return summary;
}

}  // namespace bitext::pipeline
