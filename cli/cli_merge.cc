// bitext merge OUTDIR... --out MERGED
// Combines the outputs of the shards of a batch (--shard K/N) into the
// output one unsharded batch writes: the sets' folders, then the summary,
// the index and the merged SARIF and JUnit reports rebuilt from them.
#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <set>

#include "batch_summary.h"
#include "cli.h"
#include "cli_options.h"
#include "decode.h"
#include "error.h"
#include "summary_check.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using nlohmann::json;

namespace bitext::cli {
namespace {

json ReadSummary(const std::string& dir) {
  const std::string path = (fs::path(dir) / "summary.json").string();
  return pipeline::ParseBatchSummary(ReadText(path, Utf8Only()).text, path);
}

void CopySetFolder(const fs::path& from, const fs::path& to) {
  if (!fs::exists(from) || (fs::exists(to) && fs::equivalent(from, to))) return;
  // A set's folder is the batch's own output: a link out of it is not.
  if (fs::is_symlink(from)) throw InputError({from.string()}, "is a symbolic link, not a set's output folder");
  std::error_code error;
  fs::create_directories(to.parent_path(), error);
  if (!error) {
    fs::copy(from, to,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing | fs::copy_options::skip_symlinks,
             error);
  }
  if (error) throw InputError({to.string()}, "cannot copy " + from.string() + ": " + error.message());
}

}  // namespace

int RunMerge(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string out_dir;
  po::options_description visible(
      HelpCaption("bitext merge OUTDIR... --out MERGED [options]",
                  "Combines the output folders of a batch's shards (--shard K/N) into one."));
  visible.add_options()("help,h", "show this help")("out", po::value(&out_dir), "merged output folder");
  Verbosity verbosity;  // nothing to report on stderr but errors
  AddVerbosityOptions(visible, &verbosity);
  if (!ParsePositionalList(args, visible, "inputs", &inputs)) return kExitOk;
  if (inputs.empty()) throw UsageError("missing OUTDIR");
  if (out_dir.empty()) throw UsageError("missing --out MERGED");
  const FolderLock lock = pipeline::LockBatchOutput(out_dir, "merge");  // held until the merged reports are written

  std::vector<json> sets;
  std::set<size_t> expected_totals;
  double seconds = 0;
  for (const std::string& input : inputs) {
    json summary = ReadSummary(input);
    expected_totals.insert(summary.value("sets_total", size_t{0}));
    seconds += summary.value("seconds", 0.0);
    for (json& set : summary["sets"]) {
      CopySetFolder(fs::path(input) / set.at("dir").get<std::string>(),
                    fs::path(out_dir) / set["dir"].get<std::string>());
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
    std::cerr << "bitext merge: error: the outputs hold " << summary["sets"].size() << " of " << total
              << " document sets: a shard is missing, or the shards come from different batches\n";
    exit_code = kExitInputError;
  }
  return exit_code;
}

}  // namespace bitext::cli
