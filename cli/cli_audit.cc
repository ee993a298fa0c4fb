// bitext audit (DIR | --zh Z --en E | --bilingual F) [--mt M ...] --out OUTDIR [--jobs N]
// Runs the pipeline on a document set: the document model of every file,
// the Chinese-English alignment of the official text, and the comparison of
// each MT version with it, written as JSON with a summary. The set is a
// folder with a manifest, or files named on the command line.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include "audit.h"
#include "cli.h"
#include "cli_lexicon.h"
#include "cli_options.h"
#include "error.h"
#include "progress.h"

namespace po = boost::program_options;

namespace bitext::cli {
namespace {

// ingest, align, compare, check, write
constexpr size_t kStages = 5;

}  // namespace

int RunAudit(const std::vector<std::string>& args) {
  std::string folder, out_dir;
  std::vector<std::string> lexicon_paths;
  bool no_lexicon = false;
  AuditOptions options;
  Manifest files;
  Verbosity verbosity;
  po::options_description visible(
      HelpCaption("bitext audit (DIR | --zh Z --en E | --bilingual F) [--mt M ...] --out OUTDIR [options]",
                  "Audits a document set: a folder with a manifest, or the files named by the options below."));
  visible.add_options()("help,h", "show this help")("out", po::value(&out_dir), "output folder (created if missing)");
  AddSetFileOptions(visible, &files);
  visible.add_options()("name", po::value(&files.name),
                        "the set's name in the reports, with files (default: their folder's name)");
  AddAuditOptions(visible, &options);
  AddJobsOption(visible, &options.config.jobs, "threads for the inputs, alignments, comparisons, checks and report files");
  AddLexiconOptions(visible, &lexicon_paths, &no_lexicon);
  AddVerbosityOptions(visible, &verbosity);
  // A set's bitext.ini, or --config FILE, holds the same options.
  auto config_file = [](const po::variables_map& vm) {
    return AuditConfigFile(vm, vm.count("dir") ? vm["dir"].as<std::string>() : std::string());
  };
  try {
    if (!ParseCommandLine(args, visible, "dir", &folder, config_file)) return kExitOk;
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError("takes one DIR; name files with --zh Z --en E (or --bilingual F) and --mt M");
  }
  if (!folder.empty() && (NamesFiles(files) || !files.name.empty())) {
    throw UsageError("give DIR or the set's files (--zh, --en, --bilingual, --mt, --titles, --name), not both");
  }
  if (folder.empty() && !NamesFiles(files))
    throw UsageError("missing DIR, or the files: --zh Z --en E or --bilingual F");
  if (out_dir.empty()) throw UsageError("missing --out OUTDIR");
  FinishAuditOptions(&options);
  if (folder.empty()) {
    RequireOfficialText(files);
    options.config.files = ManifestOfFiles(files);  // the user's own paths: not confined
  } else {
    options.config.set_dir = folder;
  }

  const std::unique_ptr<align::Lexicon> lexicon = LoadLexicon(lexicon_paths, no_lexicon, verbosity.quiet);
  // The stages on stderr: on a terminal, or in a log when asked for.
  const bool show = !verbosity.quiet && (verbosity.verbose || isatty(fileno(stderr)) != 0);
  Progress progress(kStages, stderr, !show, ProgressStyle{"bitext audit", "stages", false, true});
  const pipeline::AuditSummary result = pipeline::AuditDocumentSet(
      options.config, out_dir, lexicon.get(),
      [&](const char* stage, const std::string& units) { progress.Step(false, std::string(stage) + ": " + units); });
  progress.Finish();
  std::cout << result.summary;
  if (result.exit_code == kExitFindings) {
    std::cout << "exit 1: findings at or above " << options.fail_on << " (--fail-on)\n";
  }
  return result.exit_code;
}

}  // namespace bitext::cli
