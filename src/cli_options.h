// Command-line pieces the subcommands share: the input options, the lexicon
// options, and parsing with one positional argument and --help.
#ifndef BITEXT_SRC_CLI_OPTIONS_H_
#define BITEXT_SRC_CLI_OPTIONS_H_

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "decode.h"

namespace bitext::cli {

// --encoding NAME and --lenient.
void AddDecodeOptions(boost::program_options::options_description& options, DecodeOptions* decode);

// --lexicon FILE and --no-lexicon.
void AddLexiconOptions(boost::program_options::options_description& options, std::string* path,
                       bool* disabled);

// Parses `args` with `visible`, plus one hidden positional argument named
// `positional` stored in `*value` when `positional` is not null. Prints the
// help and returns false for --help.
bool ParseCommandLine(const std::vector<std::string>& args,
                      const boost::program_options::options_description& visible, const char* positional,
                      std::string* value);

}  // namespace bitext::cli

#endif  // BITEXT_SRC_CLI_OPTIONS_H_
