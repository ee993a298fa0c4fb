// bitext batch MANIFEST|DIR... --out OUTDIR [--jobs N] [--shard K/N]
// Audits many document sets in worker threads, one output folder per set,
// then writes the index page, the merged summary and the merged SARIF and
// JUnit reports. A bad set is reported and the others carry on.
#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include "audit.h"
#include "batch_sets.h"
#include "batch_summary.h"
#include "cli.h"
#include "cli_lexicon.h"
#include "cli_options.h"
#include "confine.h"
#include "error.h"
#include "output_folder.h"
#include "progress.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace bitext::cli {
namespace {

using pipeline::BatchSet;
using pipeline::Shard;

// More shards than this is surely a typing error.
constexpr uint64_t kMaxShards = 1000000;

// Parses "K/N" with 1 <= K <= N <= kMaxShards; throws UsageError otherwise.
Shard ParseShard(const std::string& text) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos) throw UsageError("--shard wants K/N with 1 <= K <= N, got '" + text + "'");
  Shard shard;
  shard.n = static_cast<int>(ParseInteger(text.substr(slash + 1), "--shard's N", 1, kMaxShards));
  shard.k = static_cast<int>(ParseInteger(text.substr(0, slash), "--shard's K", 1, static_cast<uint64_t>(shard.n)));
  return shard;
}

// The command-line tokens of the options `audit` understands, to parse
// again for each set together with its bitext.ini.
std::vector<std::string> AuditArguments(const po::parsed_options& parsed, const po::options_description& audit) {
  std::vector<std::string> tokens;
  for (const po::option& option : parsed.options) {
    if (option.position_key == -1 && audit.find_nothrow(option.string_key, false) != nullptr) {
      tokens.insert(tokens.end(), option.original_tokens.begin(), option.original_tokens.end());
    }
  }
  return tokens;
}

nlohmann::json AuditOne(const BatchSet& set, const std::vector<std::string>& audit_args, const std::string& out_dir,
                        const align::Lexicon* lexicon, Progress& progress) {
  const auto start = std::chrono::steady_clock::now();
  pipeline::AuditSummary result;
  std::string error;
  try {
    const pipeline::AuditConfig config = ParseAuditOptions(audit_args, set.path);
    result = pipeline::AuditDocumentSet(config, (fs::path(out_dir) / set.dir).string(), lexicon);
  } catch (const InputError& e) {  // names the file
    error = e.what();
  } catch (const std::exception& e) {  // the set's bitext.ini contradicts the command line
    error = set.path + ": " + e.what();
  }
  if (!error.empty()) progress.Note("bitext: error: " + error);
  progress.Step(!error.empty());
  return pipeline::SetSummary(set, result, error,
                              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}

// Inputs are only read: the output folder may not be or hold a set, nor lie
// inside a folder of sets, where the next batch would take it for one.
void CheckBatchOutput(const std::string& out_dir, const std::vector<std::string>& inputs,
                      const std::vector<BatchSet>& sets) {
  for (const BatchSet& set : sets) CheckOutputKeepsClearOfInputs(out_dir, set.path, {});
  for (const std::string& input : inputs) {
    if (fs::is_directory(input) && ResolvesInside(out_dir, input)) {
      throw InputError({out_dir}, "the output folder lies inside " + input +
                                      ", which holds the document sets; "
                                      "give an --out outside it");
    }
  }
}

}  // namespace

int RunBatch(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string out_dir, shard_text;
  std::vector<std::string> lexicon_paths;
  unsigned jobs = 1;
  bool no_lexicon = false;
  Verbosity verbosity;
  AuditOptions unused;
  po::options_description audit("Options of each set's audit (also read from its bitext.ini)");
  AddAuditOptions(audit, &unused);
  po::options_description visible(
      HelpCaption("bitext batch (MANIFEST | DIR)... --out OUTDIR [options]",
                  "Audits many document sets: a DIR with a manifest is one set, any other DIR holds one set per\n"
                  "subfolder, a file lists set folders one a line."));
  visible.add_options()("help,h", "show this help")(
      "out", po::value(&out_dir), "output folder: one subfolder per set, index.html, summary.json, ...")(
      "shard", po::value(&shard_text), "K/N: audit only the K-th of N slices (for CI matrices, array jobs)");
  AddJobsOption(visible, &jobs, "sets audited at once");
  AddVerbosityOptions(visible, &verbosity);
  AddLexiconOptions(visible, &lexicon_paths, &no_lexicon);
  visible.add(audit);
  po::options_description all;
  all.add(visible).add_options()("inputs", po::value(&inputs)->composing());
  po::positional_options_description positionals;
  positionals.add("inputs", -1);
  const po::parsed_options parsed = po::command_line_parser(args).options(all).positional(positionals).run();
  po::variables_map vm;
  po::store(parsed, vm);
  po::notify(vm);
  RejectQuietAndVerbose(vm);
  if (vm.count("help")) {
    std::cout << visible;
    return kExitOk;
  }
  if (inputs.empty()) throw UsageError("missing MANIFEST or DIR");
  if (out_dir.empty()) throw UsageError("missing --out OUTDIR");
  const std::vector<std::string> audit_args = AuditArguments(parsed, audit);
  if (!ParseAuditOptions(audit_args, "").write_baseline.empty()) {
    throw UsageError("--write-baseline records one set's findings; use it with 'bitext audit'");
  }
  const Shard shard = shard_text.empty() ? Shard{} : ParseShard(shard_text);

  const std::vector<BatchSet> all_sets = pipeline::FindDocumentSets(inputs);
  CheckBatchOutput(out_dir, inputs, all_sets);
  const FolderLock lock = pipeline::LockBatchOutput(out_dir, "batch");  // held until the merged reports are written
  std::vector<BatchSet> sets;
  for (const BatchSet& set : all_sets) {
    if (pipeline::InShard(set, shard)) sets.push_back(set);
  }
  const std::unique_ptr<align::Lexicon> lexicon =
      LoadLexicon(lexicon_paths, no_lexicon, verbosity.quiet);  // shared, read-only

  const auto start = std::chrono::steady_clock::now();
  ProgressStyle style;
  style.every_step = verbosity.verbose;  // in a log, a line per set rather than per tenth
  Progress progress(sets.size(), stderr, verbosity.quiet, style);
  std::vector<nlohmann::json> entries(sets.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < sets.size(); i = next++) {
      entries[i] = AuditOne(sets[i], audit_args, out_dir, lexicon.get(), progress);
    }
  };
  std::vector<std::thread> workers;
  for (size_t t = 1; t < std::min<size_t>(jobs, sets.size()); ++t) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  progress.Finish();

  nlohmann::json summary = {
      {"schema_version", pipeline::kBatchSchemaVersion},
      {"tool", {{"name", "bitext"}, {"version", BITEXT_VERSION}}},
      {"shard",
       shard_text.empty() ? nlohmann::json() : nlohmann::json(std::to_string(shard.k) + "/" + std::to_string(shard.n))},
      {"sets_total", all_sets.size()},
      {"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()},
      {"sets", std::move(entries)}};
  const int exit_code = pipeline::WriteBatchReports(out_dir, summary);
  pipeline::PrintBatchTotals(summary, out_dir);
  return exit_code;
}

}  // namespace bitext::cli
