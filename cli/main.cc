// bitext: audits translations of official documents. Dispatches to the
// subcommands and turns every error into one message and a documented exit
// code (0 clean, 1 findings, 2 usage or input error).
#include <malloc.h>

#include <boost/program_options/errors.hpp>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli.h"
#include "cli_lexicon.h"
#include "display.h"
#include "error.h"

namespace {

constexpr const char* kUsage =
    "usage: bitext <command> ... [options]\n"
    "\n"
    "commands:\n"
    "  inspect FILE\n"
    "      print the document model of a text file\n"
    "  align (--zh Z --en E | --bilingual F)\n"
    "      align Chinese and English paragraphs or sentences\n"
    "  check [FILE] [--zh Z --en E | --bilingual F] [--mt M ...]\n"
    "      run the divergence checks; findings as file:line:col\n"
    "  compare (--zh Z --en E | --bilingual F) --mt M\n"
    "      compare a machine translation with the official text\n"
    "  score GOLD TEST [GOLD TEST ...]\n"
    "      strict and lax F1 of bead files (vecalign's definition)\n"
    "  metrics --hyp H --ref R\n"
    "      corpus BLEU, chrF2 and TER, as sacreBLEU computes them\n"
    "  audit (DIR | --zh Z --en E | --bilingual F) [--mt M ...] --out OUTDIR\n"
    "      run the pipeline on a document set: a folder with a manifest, or files\n"
    "  batch (MANIFEST | DIR)... --out OUTDIR\n"
    "      audit many document sets in parallel\n"
    "  merge OUTDIR... --out MERGED\n"
    "      combine the outputs of a batch's shards\n"
    "  lexicon compile IN OUT\n"
    "      compile a CC-CEDICT text to the binary form loaded beside it\n"
    "  --version\n"
    "      the version and the CC-CEDICT lexicon the commands use\n"
    "\n"
    "A file given as '-' is read from standard input.\n"
    "Run 'bitext help <command>' (or 'bitext <command> --help') for a command's options.\n"
    "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.\n";

using Command = int (*)(const std::vector<std::string>&);

const std::map<std::string, Command> kCommands = {
    {"inspect", bitext::cli::RunInspect}, {"audit", bitext::cli::RunAudit},     {"batch", bitext::cli::RunBatch},
    {"merge", bitext::cli::RunMerge},     {"align", bitext::cli::RunAlign},     {"score", bitext::cli::RunScore},
    {"metrics", bitext::cli::RunMetrics}, {"compare", bitext::cli::RunCompare}, {"check", bitext::cli::RunCheck},
    {"lexicon", bitext::cli::RunLexicon},
};

}  // namespace

int main(int argc, char** argv) {
  // Large buffers (a text, its code points) come from and go back to the
  // system: glibc's default raises this threshold after the first such buffer
  // is freed, and the later ones then stay in the heap after use.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || (args[0] == "help" && args.size() == 1)) {
    std::cout << kUsage;
    return args.empty() ? bitext::kExitInputError : bitext::kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "bitext " << BITEXT_VERSION << "\n";
    // Which lexicon an installed or copied executable finds, without loading it.
    const std::string lexicon = bitext::cli::FindLexicon("");
    std::cout << "lexicon: " << (lexicon.empty() ? "none found" : bitext::EscapeControls(lexicon)) << "\n";
    return bitext::kExitOk;
  }
  // `bitext help CMD` is `bitext CMD --help`.
  if (args[0] == "help") args = {args[1], "--help"};
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    const auto found = kCommands.find(command);
    if (found != kCommands.end()) return found->second(args);
    std::cerr << "bitext: unknown command '" << bitext::EscapeControls(command) << "'\n\n" << kUsage;
    return bitext::kExitInputError;
  } catch (const bitext::InputError& e) {
    std::cerr << "bitext: error: " << bitext::EscapeControls(e.what()) << "\n";
    return bitext::kExitInputError;
  } catch (const bitext::cli::UsageError& e) {
    std::cerr << "bitext " << bitext::EscapeControls(command) << ": " << bitext::EscapeControls(e.what())
              << "\n(see 'bitext " << command << " --help')\n";
    return bitext::kExitInputError;
  } catch (const boost::program_options::error& e) {
    std::cerr << "bitext " << bitext::EscapeControls(command) << ": " << bitext::EscapeControls(e.what())
              << "\n(see 'bitext " << command << " --help')\n";
    return bitext::kExitInputError;
  } catch (const std::filesystem::filesystem_error& e) {
    // A path the system refused (a symlink loop, a name too long): the
    // input's fault, named as the system names it.
    const std::string path = e.path1().empty() ? std::string() : e.path1().string() + ": ";
    std::cerr << "bitext: error: " << bitext::EscapeControls(path + e.code().message()) << "\n";
    return bitext::kExitInputError;
  } catch (const std::exception& e) {
    std::cerr << "bitext: internal error: " << bitext::EscapeControls(e.what()) << "\n";
    return bitext::kExitInputError;
  }
}
