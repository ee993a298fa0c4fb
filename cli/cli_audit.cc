// bitext audit DIR --out OUTDIR
// Runs the pipeline on a document set: the document model of every file in
// the manifest, the Chinese-English alignment of the official text, and the
// comparison of each MT version with it, written as JSON with a summary.
#include <boost/program_options.hpp>
#include <iostream>

#include "audit.h"
#include "cli.h"
#include "cli_lexicon.h"
#include "cli_options.h"
#include "error.h"

namespace po = boost::program_options;

namespace bitext::cli {

int RunAudit(const std::vector<std::string>& args) {
  std::string folder, out_dir;
  std::vector<std::string> lexicon_paths;
  bool no_lexicon = false;
  AuditOptions options;
  po::options_description visible("bitext audit DIR --out OUTDIR [options]\n\nAudits a document set (a folder with a manifest).\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("out", po::value(&out_dir), "output folder (created if missing)");
  AddAuditOptions(visible, &options);
  AddLexiconOptions(visible, &lexicon_paths, &no_lexicon);
  // A set's bitext.ini, or --config FILE, holds the same options.
  auto config_file = [](const po::variables_map& vm) {
    return AuditConfigFile(vm, vm.count("dir") ? vm["dir"].as<std::string>() : std::string());
  };
  if (!ParseCommandLine(args, visible, "dir", &folder, config_file)) return kExitOk;
  if (folder.empty()) throw UsageError("missing DIR");
  if (out_dir.empty()) throw UsageError("missing --out OUTDIR");
  FinishAuditOptions(&options);
  options.config.set_dir = folder;

  const std::unique_ptr<align::Lexicon> lexicon = LoadLexicon(lexicon_paths, no_lexicon);
  const pipeline::AuditSummary result = pipeline::AuditDocumentSet(options.config, out_dir, lexicon.get());
  std::cout << result.summary;
  if (result.exit_code == kExitFindings) {
    std::cout << "exit 1: findings at or above " << options.fail_on << " (--fail-on)\n";
  }
  return result.exit_code;
}

}  // namespace bitext::cli
