// bitext: audits translations of official documents. Dispatches to the
// subcommands and turns every error into one message and a documented exit
// code (0 clean, 1 findings, 2 usage or input error).
#include <malloc.h>

#include <boost/program_options/errors.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "display.h"
#include "error.h"

namespace {

constexpr const char* kUsage =
    "usage: bitext <command> [options]\n"
    "\n"
    "commands:\n"
    "  inspect FILE [--format text|json]   print the document model of a text file\n"
    "  align --zh Z --en E | --bilingual F  align Chinese and English paragraphs or sentences\n"
    "  check [FILE] [--bilingual F] [--mt M] run the divergence checks; findings as file:line:col\n"
    "  compare --bilingual F --mt M        compare a machine translation with the official text\n"
    "  score GOLD TEST [GOLD TEST ...]     strict and lax F1 of bead files (vecalign's definition)\n"
    "  metrics --hyp H --ref R             corpus BLEU, chrF2 and TER, as sacreBLEU computes them\n"
    "  audit DIR --out OUTDIR              run the pipeline on a document set (folder with a manifest)\n"
    "  batch DIR... --out OUTDIR           audit many document sets in parallel (--jobs N, --shard K/N)\n"
    "  merge OUTDIR... --out MERGED        combine the outputs of a batch's shards\n"
    "  lexicon compile IN OUT              compile a CC-CEDICT text to the binary form loaded beside it\n"
    "\n"
    "Run 'bitext <command> --help' for a command's options.\n"
    "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.\n";

}  // namespace

int main(int argc, char** argv) {
  // Large buffers (a text, its code points) come from and go back to the
  // system: glibc's default raises this threshold after the first such buffer
  // is freed, and the later ones then stay in the heap after use.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? bitext::kExitInputError : bitext::kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "bitext " << BITEXT_VERSION << "\n";
    return bitext::kExitOk;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "inspect") return bitext::cli::RunInspect(args);
    if (command == "audit") return bitext::cli::RunAudit(args);
    if (command == "batch") return bitext::cli::RunBatch(args);
    if (command == "merge") return bitext::cli::RunMerge(args);
    if (command == "align") return bitext::cli::RunAlign(args);
    if (command == "score") return bitext::cli::RunScore(args);
    if (command == "metrics") return bitext::cli::RunMetrics(args);
    if (command == "compare") return bitext::cli::RunCompare(args);
    if (command == "check") return bitext::cli::RunCheck(args);
    if (command == "lexicon") return bitext::cli::RunLexicon(args);
    std::cerr << "bitext: unknown command '" << bitext::EscapeControls(command) << "'\n\n" << kUsage;
    return bitext::kExitInputError;
  } catch (const bitext::InputError& e) {
    std::cerr << "bitext: error: " << bitext::EscapeControls(e.what()) << "\n";
    return bitext::kExitInputError;
  } catch (const bitext::cli::UsageError& e) {
    std::cerr << "bitext " << bitext::EscapeControls(command) << ": " << bitext::EscapeControls(e.what()) << "\n(see 'bitext " << command
              << " --help')\n";
    return bitext::kExitInputError;
  } catch (const boost::program_options::error& e) {
    std::cerr << "bitext " << bitext::EscapeControls(command) << ": " << bitext::EscapeControls(e.what()) << "\n(see 'bitext " << command
              << " --help')\n";
    return bitext::kExitInputError;
  } catch (const std::exception& e) {
    std::cerr << "bitext: internal error: " << bitext::EscapeControls(e.what()) << "\n";
    return bitext::kExitInputError;
  }
}
