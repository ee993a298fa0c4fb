#include "cli_options.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include "cli.h"
#include "confine.h"
#include "error.h"
#include "unicode.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace bitext::cli {

namespace {

// Options a config file may not set: they write files or raise limits.
const std::set<std::string> kCommandLineOnly = {"write-baseline", "write-lexicon", "max-input-mb", "config", "jobs"};
// Options naming files to read, confined to the config file's folder.
const std::set<std::string> kFileOptions = {"glossary", "baseline", "lexicon", "zh", "en", "bilingual", "mt", "titles"};

// A value as a message quotes it: at most 80 bytes, cut at a character
// boundary and marked "...", so a long value is not echoed whole.
std::string Quoted(std::string_view value) {
  constexpr size_t kShown = 80;
  const std::string_view head = Head(value, kShown);
  return "\"" + std::string(head) + (head.size() < value.size() ? "...\"" : "\"");
}

// What is wrong with `value` for option `key` ("" when nothing is): the
// checks FinishAuditOptions and the decoder make later, made here so a bad
// value in a config file is reported at its line.
std::string ValueProblem(const std::string& key, std::string_view value) {
  Severity severity;
  if (key == "fail-on" && !ParseSeverity(value, &severity)) return "fail-on takes error, warning or info";
  if (key == "disable" && !FindRule(std::string(value)))
    return "disable takes a rule (bitext check --rules lists them)";
  if (key == "severity") {
    const size_t eq = value.find('=');
    if (eq == std::string_view::npos || !FindRule(std::string(value.substr(0, eq))) ||
        !ParseSeverity(value.substr(eq + 1), &severity)) {
      return "severity takes RULE=error|warning|info";
    }
  }
  if (key == "encoding" && !IsKnownEncoding(std::string(value))) {
    return "encoding takes an ICU converter name such as UTF-8, GB18030, Big5, UTF-16LE";
  }
  return "";
}

// Switches that contradict each other when both are on.
const std::map<std::string, std::string> kOpposites = {
    {"tsv-bom", "no-tsv-bom"}, {"no-tsv-bom", "tsv-bom"}, {"quiet", "verbose"}, {"verbose", "quiet"}};

// Checks one "key = value" line of a config file against the options it may
// set, so that every problem names the line (Boost's parser names neither
// the line nor, for a value checked after parsing, the file). `lines` holds
// the line that set each option so far, for options set twice and switches
// that contradict each other.
void CheckConfigSetting(const po::options_description& options, const std::string& key, std::string_view value,
                        const FilePosition& where, std::map<std::string, int>& lines) {
  const po::option_description* option = options.find_nothrow(key, false);
  if (option == nullptr) throw InputError(where, "unknown option " + Quoted(key));
  boost::any parsed;
  try {
    option->semantic()->parse(parsed, {std::string(value)}, false);
  } catch (const po::error&) {
    const auto* typed = dynamic_cast<const po::typed_value_base*>(option->semantic().get());
    const bool is_switch = typed != nullptr && typed->value_type() == typeid(bool);
    throw InputError(where, key + " takes " + (is_switch ? "true or false (yes/no, on/off, 1/0)" : "another value") +
                                ", not " + Quoted(value));
  }
  const std::string problem = ValueProblem(key, value);
  if (!problem.empty()) throw InputError(where, problem + ", not " + Quoted(value));
  if (!option->semantic()->is_composing() && lines.count(key)) {
    throw InputError(where, key + " is set twice (first on line " + std::to_string(lines[key]) + ")");
  }
  const bool* on = boost::any_cast<bool>(&parsed);
  const auto opposite = kOpposites.find(key);
  if (on && *on && opposite != kOpposites.end() && lines.count(opposite->second)) {
    throw InputError(where,
                     key + " contradicts " + opposite->second + " on line " + std::to_string(lines[opposite->second]));
  }
  if (!on || *on) lines[key] = where.line;
}

// The text of config file `path`, checked line by line against `options`,
// with the files it names rewritten as paths from the current folder.
std::string ScreenConfigFile(const std::string& path, const po::options_description& options) {
  const std::string text = ReadText(path, Utf8Only()).text;
  std::string folder = std::filesystem::path(path).parent_path().string();
  if (folder.empty()) folder = ".";
  std::string screened;
  std::map<std::string, int> lines;
  int line_number = 0;
  for (std::string_view line : SplitLines(text)) {
    ++line_number;
    const FilePosition where{path, line_number};
    if (line.size() > kMaxSettingLineBytes) {
      throw InputError(where, "line longer than " + std::to_string(kMaxSettingLineBytes) + " bytes");
    }
    std::string_view content = line.substr(0, line.find('#'));
    // Boost's messages substitute "%name%" placeholders in what it quotes,
    // and loop forever on a name or value that holds one: a '%' never
    // reaches it.
    if (content.find('%') != std::string_view::npos) {
      throw InputError(where, "'%' is not allowed in a config file line");
    }
    if (Trim(content).empty()) {
      screened += "\n";
      continue;
    }
    const size_t eq = content.find('=');
    const std::string key(Trim(content.substr(0, eq)));
    if (eq == std::string_view::npos || key.empty()) {
      throw InputError(where, "expected \"name = value\", not " + Quoted(Trim(content)));
    }
    const std::string_view value = Trim(content.substr(eq + 1));
    if (kCommandLineOnly.count(key)) {
      throw InputError(where, "\"" + key +
                                  "\" is taken from the command line only: a config file may "
                                  "not write files or raise limits");
    }
    CheckConfigSetting(options, key, value, where, lines);
    if (kFileOptions.count(key)) {
      // Written afresh, not as the line stands: a value that trims to
      // nothing may hold characters (vertical tabs) Boost keeps as a path.
      screened += value.empty() ? key + " ="
                                : key + " = " + ResolveInsideFolder(folder, value, where, "the config file's folder");
    } else {
      screened += line;
    }
    screened += '\n';
  }
  return screened;
}

// The values "-" on a parsed command line: the files to read from standard
// input.
size_t StandardInputUses(const po::variables_map& vm) {
  size_t uses = 0;
  for (const auto& [name, value] : vm) {
    if (const auto* text = boost::any_cast<std::string>(&value.value())) {
      uses += *text == kStandardInputPath;
    } else if (const auto* texts = boost::any_cast<std::vector<std::string>>(&value.value())) {
      uses += static_cast<size_t>(std::count(texts->begin(), texts->end(), kStandardInputPath));
    }
  }
  return uses;
}

}  // namespace

void LimitStandardInput(size_t uses) {
  if (uses > 1) throw UsageError("standard input ('-') can be read only once; give '-' for one file at most");
}

uint64_t ParseInteger(const std::string& text, const std::string& option, uint64_t min, uint64_t max) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end || value < min || value > max) {
    throw UsageError(option + " wants a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                     ", got '" + text.substr(0, 40) + (text.size() > 40 ? "...'" : "'"));
  }
  return value;
}

void AddJobsOption(po::options_description& options, unsigned* jobs, const char* what) {
  *jobs = std::max(1u, std::thread::hardware_concurrency());
  options.add_options()("jobs,j", po::value<std::string>()->notifier([jobs](const std::string& text) {
    *jobs = static_cast<unsigned>(ParseInteger(text, "--jobs", 1, 1024));
  }),
                        (std::string(what) + " (default: the number of cores)").c_str());
}

void AddVerbosityOptions(po::options_description& options, Verbosity* verbosity) {
  options.add_options()("quiet,q", po::bool_switch(&verbosity->quiet), "print nothing on stderr but errors")(
      "verbose,v", po::bool_switch(&verbosity->verbose), "show progress on stderr even when it is not a terminal");
}

void RejectQuietAndVerbose(const po::variables_map& vm) {
  auto given = [&](const char* name) { return vm.count(name) && !vm[name].defaulted(); };
  if (given("quiet") && given("verbose")) throw UsageError("give --quiet or --verbose, not both");
}

std::string HelpCaption(const std::string& synopsis, const std::string& about) {
  return "usage: " + synopsis + "\n\n" + about + "\n\nOptions";
}

void AddDecodeOptions(po::options_description& options, DecodeOptions* decode) {
  options.add_options()("encoding", po::value(&decode->encoding),
                        "input encoding (UTF-8, GB18030, Big5, UTF-16LE, ...); default: detect")(
      "lenient", po::bool_switch(&decode->lenient), "replace invalid bytes with U+FFFD instead of failing")(
      "max-input-mb", po::value<std::string>()->notifier([decode](const std::string& text) {
        decode->max_bytes = ParseInteger(text, "--max-input-mb", 1, 1 << 20) << 20;
      }),
      "refuse input files larger than this (default: 256)");
}

void AddLexiconOptions(po::options_description& options, std::vector<std::string>* paths, bool* disabled) {
  options.add_options()(
      "lexicon", po::value(paths)->composing(),
      "CC-CEDICT-format file; repeat to add files' entries together (default: $BITEXT_LEXICON, else the installed "
      "one; bitext --version names it)")("no-lexicon", po::bool_switch(disabled), "align without a lexicon");
}

void AddSetFileOptions(po::options_description& options, Manifest* files) {
  options.add_options()("zh", po::value(&files->zh), "official Chinese file")(
      "en", po::value(&files->en), "official English file")("bilingual", po::value(&files->bilingual),
                                                            "official text with both languages in one file")(
      "mt", po::value(&files->mt)->composing(), "machine-translated English (repeatable)")(
      "titles", po::value(&files->titles)->composing(), "a document listing official headings (repeatable)");
}

bool NamesFiles(const Manifest& files) {
  return !files.zh.empty() || !files.en.empty() || !files.bilingual.empty() || !files.mt.empty() ||
         !files.titles.empty();
}

void RequireOfficialText(const Manifest& files) {
  const bool pair = !files.zh.empty() || !files.en.empty();
  if (pair && (files.zh.empty() || files.en.empty())) throw UsageError("give both --zh and --en");
  if (pair && !files.bilingual.empty()) throw UsageError("give --zh and --en, or --bilingual, not both");
  if (!pair && files.bilingual.empty()) throw UsageError("missing the official text: --zh Z --en E, or --bilingual F");
}

void AddRuleOptions(po::options_description& options, std::vector<std::string>* disabled,
                    std::vector<std::string>* severities, std::string* glossary) {
  options.add_options()("disable", po::value(disabled)->composing(), "turn a rule off (repeatable)")(
      "severity", po::value(severities)->composing(), "RULE=error|warning|info (repeatable)")(
      "glossary", po::value(glossary), "terminology TSV: source, approved, forbidden;variants");
}

void ApplyRuleOptions(const std::vector<std::string>& disabled, const std::vector<std::string>& severities,
                      CheckConfig* config) {
  for (const std::string& rule : disabled) {
    if (!FindRule(rule)) throw UsageError("unknown rule '" + rule + "' in --disable");
    config->enabled[rule] = false;
  }
  for (const std::string& setting : severities) {
    const size_t eq = setting.find('=');
    Severity severity;
    if (eq == std::string::npos || !FindRule(setting.substr(0, eq)) ||
        !ParseSeverity(setting.substr(eq + 1), &severity)) {
      throw UsageError("--severity wants RULE=error|warning|info, got '" + setting + "'");
    }
    config->severity[setting.substr(0, eq)] = severity;
  }
}

void AddBaselineOptions(po::options_description& options, std::string* baseline, std::string* write_baseline) {
  options.add_options()("baseline", po::value(baseline), "suppress findings whose fingerprints this file lists")(
      "write-baseline", po::value(write_baseline), "record the findings' fingerprints in this file");
}

namespace {

// The command line with `all` (the visible options and the positional
// ones), then the config file `config` names; prints the help and returns
// false for --help.
bool Parse(const std::vector<std::string>& args, const po::options_description& visible,
           const po::options_description& all, const po::positional_options_description& positionals,
           const ConfigFileFinder& config) {
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positionals).run(), vm);
  LimitStandardInput(StandardInputUses(vm));
  RejectQuietAndVerbose(vm);
  const std::string path = config ? config(vm) : std::string();
  if (!path.empty() && std::filesystem::exists(std::filesystem::symlink_status(path))) {
    std::istringstream in(ScreenConfigFile(path, visible));
    try {
      po::store(po::parse_config_file(in, visible), vm);  // values already set are kept
    } catch (const po::error& e) {
      throw InputError({path}, e.what());
    }
  }
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << visible;
    return false;
  }
  return true;
}

}  // namespace

bool ParseCommandLine(const std::vector<std::string>& args, const po::options_description& visible,
                      const char* positional, std::string* value, const ConfigFileFinder& config) {
  po::options_description all;
  all.add(visible);
  po::positional_options_description positionals;
  if (positional != nullptr) {
    all.add_options()(positional, po::value(value));
    positionals.add(positional, 1);
  }
  return Parse(args, visible, all, positionals, config);
}

bool ParsePositionalList(const std::vector<std::string>& args, const po::options_description& visible,
                         const char* positional, std::vector<std::string>* values) {
  po::options_description all;
  all.add(visible).add_options()(positional, po::value(values)->composing());
  po::positional_options_description positionals;
  positionals.add(positional, -1);
  return Parse(args, visible, all, positionals, {});
}

void AddAuditOptions(po::options_description& options, AuditOptions* audit) {
  options.add_options()("config", po::value<std::string>(), "options file (default: DIR/bitext.ini when present)")(
      "fail-on", po::value(&audit->fail_on)->default_value("error"),
      "exit 1 when a finding is at or above: error, warning, info")("timings", po::bool_switch(&audit->config.timings),
                                                                    "print the seconds each stage took to stderr")(
      "tsv-bom", po::bool_switch(&audit->tsv_bom), "start aligned.tsv with a UTF-8 byte order mark (the default)")(
      "no-tsv-bom", po::bool_switch(&audit->no_tsv_bom),
      "write aligned.tsv without the byte order mark spreadsheets need");
  AddDecodeOptions(options, &audit->config.document.decode);
  AddRuleOptions(options, &audit->disabled, &audit->severities, &audit->config.glossary);
  AddBaselineOptions(options, &audit->config.baseline, &audit->config.write_baseline);
}

void FinishAuditOptions(AuditOptions* audit) {
  if (!ParseSeverity(audit->fail_on, &audit->config.fail_on)) {
    throw UsageError("--fail-on must be error, warning or info");
  }
  ApplyRuleOptions(audit->disabled, audit->severities, &audit->config.checks);
  if (audit->tsv_bom && audit->no_tsv_bom) throw UsageError("give --tsv-bom or --no-tsv-bom, not both");
  audit->config.tsv_bom = !audit->no_tsv_bom;
}

std::string AuditConfigFile(const po::variables_map& vm, const std::string& set_dir) {
  if (vm.count("config")) return vm["config"].as<std::string>();
  if (set_dir.empty()) return std::string();
  const fs::path ini = fs::path(set_dir) / "bitext.ini";
  if (fs::exists(fs::symlink_status(ini)) && !ResolvesInside(ini, set_dir)) {
    throw InputError({ini.string()}, "is a symbolic link that leads out of the set's folder");
  }
  return ini.string();
}

pipeline::AuditConfig ParseAuditOptions(const std::vector<std::string>& args, const std::string& set_dir) {
  AuditOptions audit;
  po::options_description options;
  AddAuditOptions(options, &audit);
  ParseCommandLine(args, options, nullptr, nullptr,
                   [&](const po::variables_map& vm) { return AuditConfigFile(vm, set_dir); });
  FinishAuditOptions(&audit);
  audit.config.set_dir = set_dir;
  return audit.config;
}

}  // namespace bitext::cli
