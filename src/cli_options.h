// Command-line pieces the subcommands share: the input options, the lexicon
// options, and parsing with one positional argument and --help.
#ifndef BITEXT_SRC_CLI_OPTIONS_H_
#define BITEXT_SRC_CLI_OPTIONS_H_

#include <boost/program_options.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "checks.h"
#include "decode.h"

namespace bitext::cli {

// TEXT as a whole decimal number in [min, max]; otherwise throws UsageError
// naming `option` and the range.
uint64_t ParseInteger(const std::string& text, const std::string& option, uint64_t min, uint64_t max);

// --encoding NAME, --lenient and --max-input-mb N.
void AddDecodeOptions(boost::program_options::options_description& options, DecodeOptions* decode);

// --lexicon FILE and --no-lexicon.
void AddLexiconOptions(boost::program_options::options_description& options, std::string* path,
                       bool* disabled);

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

// Records the fingerprints of `findings` in `write_path` (JSON, atomically)
// when it is given, then drops the findings whose fingerprint `baseline_path`
// lists, as linters do with accepted findings. Returns how many were dropped.
size_t ApplyBaseline(std::vector<Finding>& findings, const std::string& baseline_path,
                     const std::string& write_path);

// Finds the config file for a parsed command line ("" for none).
using ConfigFileFinder = std::function<std::string(const boost::program_options::variables_map&)>;

// Parses `args` with `visible`, plus one hidden positional argument named
// `positional` stored in `*value` when `positional` is not null. Then, when
// `config` names an existing file, reads the same options from it
// ("fail-on = warning", "disable = bullet-style"); the command line wins.
// A config file may come with a document set from someone else: the files it
// names must lie inside its folder, and the options that write files or
// raise limits (kCommandLineOnly) are refused there.
// Prints the help and returns false for --help.
bool ParseCommandLine(const std::vector<std::string>& args,
                      const boost::program_options::options_description& visible, const char* positional,
                      std::string* value, const ConfigFileFinder& config = {});

}  // namespace bitext::cli

#endif  // BITEXT_SRC_CLI_OPTIONS_H_
