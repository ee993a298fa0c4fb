// The subcommands of the `bitext` executable. Each parses its own options
// with Boost.Program_options, fills the library's option structs and returns
// an exit code; errors propagate as exceptions to the one handler in main.
#ifndef BITEXT_CLI_CLI_H_
#define BITEXT_CLI_CLI_H_

#include <string>
#include <vector>

namespace bitext::cli {

int RunInspect(const std::vector<std::string>& args);
int RunAudit(const std::vector<std::string>& args);
int RunBatch(const std::vector<std::string>& args);
int RunMerge(const std::vector<std::string>& args);
int RunAlign(const std::vector<std::string>& args);
int RunScore(const std::vector<std::string>& args);
int RunMetrics(const std::vector<std::string>& args);
int RunCompare(const std::vector<std::string>& args);
int RunCheck(const std::vector<std::string>& args);
int RunLexicon(const std::vector<std::string>& args);  // in cli_lexicon.cc

// Thrown for a bad command line; main prints it with the usage hint.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace bitext::cli

#endif  // BITEXT_CLI_CLI_H_
