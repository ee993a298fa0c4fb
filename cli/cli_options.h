// Command-line pieces the subcommands share: the input options, the lexicon
// options, and parsing with one positional argument and --help.
#ifndef BITEXT_CLI_CLI_OPTIONS_H_
#define BITEXT_CLI_CLI_OPTIONS_H_

#include <boost/program_options.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "audit.h"
#include "checks.h"
#include "decode.h"
#include "manifest.h"

namespace bitext::cli {

// TEXT as a whole decimal number in [min, max]; otherwise throws UsageError
// naming `option` and the range.
uint64_t ParseInteger(const std::string& text, const std::string& option, uint64_t min, uint64_t max);

// --jobs N (-j): how many threads work at once, 1 to 1024, `what` saying
// on what; `*jobs` starts at the number of cores.
void AddJobsOption(boost::program_options::options_description& options, unsigned* jobs, const char* what);

// The caption of a command's --help: "usage: SYNOPSIS", where the synopsis
// reads "bitext CMD ... [options]", then what the command does.
std::string HelpCaption(const std::string& synopsis, const std::string& about);

// --quiet and --verbose, which every command takes. Quiet: nothing on
// stderr but errors. Verbose: progress even when stderr is not a terminal.
struct Verbosity {
  bool quiet = false;
  bool verbose = false;
};
void AddVerbosityOptions(boost::program_options::options_description& options, Verbosity* verbosity);

// Throws UsageError when a parsed command line has both --quiet and
// --verbose. ParseCommandLine calls it.
void RejectQuietAndVerbose(const boost::program_options::variables_map& vm);

// --encoding NAME, --lenient and --max-input-mb N.
void AddDecodeOptions(boost::program_options::options_description& options, DecodeOptions* decode);

// --lexicon FILE (repeatable) and --no-lexicon.
void AddLexiconOptions(boost::program_options::options_description& options, std::vector<std::string>* paths,
                       bool* disabled);

// --bilingual F, --zh Z, --en E, --mt M and --titles T (both repeatable):
// a document set named file by file.
void AddSetFileOptions(boost::program_options::options_description& options, Manifest* files);

// True when `files` names any file.
bool NamesFiles(const Manifest& files);

// Throws UsageError unless `files` names the official text one way: --zh
// and --en, or --bilingual.
void RequireOfficialText(const Manifest& files);

// --disable RULE, --severity RULE=LEVEL (both repeatable) and --glossary FILE.
void AddRuleOptions(boost::program_options::options_description& options, std::vector<std::string>* disabled,
                    std::vector<std::string>* severities, std::string* glossary);

// Turns --disable and --severity values into the check config; unknown
// rules and levels are usage errors.
void ApplyRuleOptions(const std::vector<std::string>& disabled, const std::vector<std::string>& severities,
                      CheckConfig* config);

// --baseline FILE and --write-baseline FILE.
void AddBaselineOptions(boost::program_options::options_description& options, std::string* baseline,
                        std::string* write_baseline);

// Throws UsageError when standard input ("-") is named `uses` > 1 times: it
// can be read only once.
void LimitStandardInput(size_t uses);

// Finds the config file for a parsed command line ("" for none).
using ConfigFileFinder = std::function<std::string(const boost::program_options::variables_map&)>;

// Parses `args` with `visible`, plus one hidden positional argument named
// `positional` stored in `*value` when `positional` is not null. Then, when
// `config` names an existing file, reads the same options from it
// ("fail-on = warning", "disable = bullet-style"); the command line wins.
// A config file may come with a document set from someone else: the files it
// names must lie inside its folder, and the options that write files or
// raise limits (kCommandLineOnly) are refused there. At most one value of
// the command line may be "-" (standard input).
// Prints the help and returns false for --help.
bool ParseCommandLine(const std::vector<std::string>& args, const boost::program_options::options_description& visible,
                      const char* positional, std::string* value, const ConfigFileFinder& config = {});

// The same with any number of positional arguments, all in `values`.
bool ParsePositionalList(const std::vector<std::string>& args,
                         const boost::program_options::options_description& visible, const char* positional,
                         std::vector<std::string>* values);

// The options of one set's audit as given on the command line and in the
// set's bitext.ini: the typed config, filled as parsed, and the raw values
// FinishAuditOptions turns into it.
struct AuditOptions {
  pipeline::AuditConfig config;
  std::string fail_on = "error";
  std::vector<std::string> disabled, severities;
  bool tsv_bom = false, no_tsv_bom = false;
};

// --config, --fail-on, --timings, --tsv-bom/--no-tsv-bom, --encoding,
// --lenient, the rule options and the baseline options.
void AddAuditOptions(boost::program_options::options_description& options, AuditOptions* audit);

// Checks the raw values AddAuditOptions stored (UsageError) and completes
// `audit->config` with them.
void FinishAuditOptions(AuditOptions* audit);

// --config FILE when given, else SET_DIR/bitext.ini ("" when there is no set).
std::string AuditConfigFile(const boost::program_options::variables_map& vm, const std::string& set_dir);

// The config of the set in `set_dir`, from `args` (no positional argument)
// and the set's bitext.ini, as `bitext audit SET_DIR args...` would read it.
pipeline::AuditConfig ParseAuditOptions(const std::vector<std::string>& args, const std::string& set_dir);

}  // namespace bitext::cli

#endif  // BITEXT_CLI_CLI_OPTIONS_H_
