#include "cli_options.h"

#include <iostream>

namespace po = boost::program_options;

namespace bitext::cli {

void AddDecodeOptions(po::options_description& options, DecodeOptions* decode) {
  options.add_options()
      ("encoding", po::value(&decode->encoding),
       "input encoding (UTF-8, GB18030, Big5, UTF-16LE, ...); default: detect")
      ("lenient", po::bool_switch(&decode->lenient), "replace invalid bytes with U+FFFD instead of failing");
}

void AddLexiconOptions(po::options_description& options, std::string* path, bool* disabled) {
  options.add_options()
      ("lexicon", po::value(path), "CC-CEDICT file (default: the one setup fetched)")
      ("no-lexicon", po::bool_switch(disabled), "align without a lexicon");
}

bool ParseCommandLine(const std::vector<std::string>& args, const po::options_description& visible,
                      const char* positional, std::string* value) {
  po::options_description all;
  all.add(visible);
  po::positional_options_description positionals;
  if (positional != nullptr) {
    all.add_options()(positional, po::value(value));
    positionals.add(positional, 1);
  }
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positionals).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << visible;
    return false;
  }
  return true;
}

}  // namespace bitext::cli
