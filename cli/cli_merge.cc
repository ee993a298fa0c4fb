// bitext merge OUTDIR... --out MERGED
// Combines the outputs of the shards of a batch (--shard K/N) into the
// output one unsharded batch writes: the sets' folders, then the summary,
// the index and the merged SARIF and JUnit reports rebuilt from them.
#include <boost/program_options.hpp>
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <set>

#include "batch_summary.h"
#include "cli.h"
#include "decode.h"
#include "error.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using nlohmann::json;

namespace bitext::cli {
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

// What is wrong with set entry `set` of a summary.json, or "" when its
// shape is the one SetSummary writes. A summary.json may come from another
// machine's shard: nothing in it is trusted before this check.
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
  if (!set.value("coverage", json()).is_array()) return "\"coverage\" is not an array";
  if (!set.value("seconds", json()).is_number()) return "\"seconds\" is not a number";
  return "";
}

json ReadSummary(const std::string& dir) {
  const std::string path = (fs::path(dir) / "summary.json").string();
  json summary;
  try {
    summary = json::parse(ReadText(path, DecodeOptions{"UTF-8", false}).text);
  } catch (const json::exception& e) {
    throw InputError({path}, std::string("not a batch summary: ") + e.what());
  }
  if (!summary.is_object() || summary.value("schema_version", json()) != pipeline::kBatchSchemaVersion) {
    throw InputError({path}, "not a batch summary of schema_version " + std::to_string(pipeline::kBatchSchemaVersion));
  }
  if (!IsCount(summary.value("sets_total", json())) || !summary.value("seconds", json()).is_number() ||
      !summary.value("sets", json()).is_array()) {
    throw InputError({path}, "not a batch summary: \"sets_total\", \"seconds\" or \"sets\" missing or of the wrong type");
  }
  for (size_t k = 0; k < summary["sets"].size(); ++k) {
    const std::string problem = CheckSetEntry(summary["sets"][k]);
    if (!problem.empty()) throw InputError({path}, "set " + std::to_string(k + 1) + " of \"sets\": " + problem);
  }
  return summary;
}

void CopySetFolder(const fs::path& from, const fs::path& to) {
  if (!fs::exists(from) || (fs::exists(to) && fs::equivalent(from, to))) return;
  // A set's folder is the batch's own output: a link out of it is not.
  if (fs::is_symlink(from)) throw InputError({from.string()}, "is a symbolic link, not a set's output folder");
  std::error_code error;
  fs::create_directories(to.parent_path(), error);
  if (!error) {
    fs::copy(from, to,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing | fs::copy_options::skip_symlinks, error);
  }
  if (error) throw InputError({to.string()}, "cannot copy " + from.string() + ": " + error.message());
}

}  // namespace

int RunMerge(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string out_dir;
  po::options_description visible(
      "bitext merge OUTDIR... --out MERGED\n\n"
      "Combines the output folders of a batch's shards (--shard K/N) into one.\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("out", po::value(&out_dir), "merged output folder");
  po::options_description all;
  all.add(visible).add_options()("inputs", po::value(&inputs)->composing());
  po::positional_options_description positionals;
  positionals.add("inputs", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positionals).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << visible;
    return kExitOk;
  }
  if (inputs.empty()) throw UsageError("missing OUTDIR");
  if (out_dir.empty()) throw UsageError("missing --out MERGED");

  std::vector<json> sets;
  std::set<size_t> expected_totals;
  double seconds = 0;
  for (const std::string& input : inputs) {
    json summary = ReadSummary(input);
    expected_totals.insert(summary.value("sets_total", size_t{0}));
    seconds += summary.value("seconds", 0.0);
    for (json& set : summary["sets"]) {
      CopySetFolder(fs::path(input) / set.at("dir").get<std::string>(), fs::path(out_dir) / set["dir"].get<std::string>());
      sets.push_back(std::move(set));
    }
  }
  std::sort(sets.begin(), sets.end(), [](const json& a, const json& b) { return a["index"] < b["index"]; });
  for (size_t i = 1; i < sets.size(); ++i) {
    if (sets[i]["index"] == sets[i - 1]["index"]) {
      throw InputError({inputs.front()}, "document set " + sets[i]["path"].get<std::string>() +
                                             " is in two of the outputs (the same shard given twice?)");
    }
  }
  const size_t total = *expected_totals.begin();
  json summary = {{"schema_version", pipeline::kBatchSchemaVersion},
                  {"tool", {{"name", "bitext"}, {"version", BITEXT_VERSION}}},
                  {"shard", json()},
                  {"sets_total", total},
                  {"seconds", seconds},
                  {"sets", std::move(sets)}};
  int exit_code = pipeline::WriteBatchReports(out_dir, summary);
  pipeline::PrintBatchTotals(summary, out_dir);
  // A missing shard would pass unnoticed: the merge must hold every set.
  if (expected_totals.size() != 1 || summary["sets"].size() != total) {
    std::cerr << "bitext merge: error: the outputs hold " << summary["sets"].size() << " of "
              << total << " document sets: a shard is missing, or the shards come from different batches\n";
    exit_code = kExitInputError;
  }
  return exit_code;
}

}  // namespace bitext::cli
