// bitext check [FILE] [--zh Z --en E | --bilingual F] [--mt M ...] [options]
// Runs the catalogue of divergence checks and prints findings as
// "file:line:col: severity: message [rule]" (or JSON, SARIF, JUnit); exits 1
// when a finding reaches --fail-on.
#include <boost/program_options.hpp>
#include <iostream>
#include <optional>

#include "baseline.h"
#include "check_set.h"
#include "checks.h"
#include "cli.h"
#include "cli_lexicon.h"
#include "cli_options.h"
#include "comparison.h"
#include "document.h"
#include "error.h"
#include "finding_json.h"
#include "json_output.h"
#include "junit_report.h"
#include "sarif_report.h"
#include "xml_escape.h"

namespace po = boost::program_options;

namespace bitext::cli {
namespace {

struct CheckOptions {
  std::string file, format = "text", fail_on = "error";
  std::vector<std::string> lexicon_paths;
  Manifest files;  // the official text, MTs and titles, as given
  std::vector<std::string> disabled, severities;
  std::string glossary_path, baseline_path, write_baseline_path;
  bool no_lexicon = false, list_rules = false;
  unsigned jobs = 1;
  Verbosity verbosity;
  DecodeOptions decode;
};

// False when the help was printed.
bool ParseCheckOptions(const std::vector<std::string>& args, CheckOptions* o) {
  po::options_description visible(
      HelpCaption("bitext check [FILE] [--zh Z --en E | --bilingual F] [--mt M ...] [options]",
                  "Runs the divergence checks on one document, or on an official text and its MT versions."));
  visible.add_options()("help,h", "show this help")("format", po::value(&o->format)->default_value("text"),
                                                    "text, json, sarif (SARIF 2.1.0) or junit (JUnit XML)")(
      "fail-on", po::value(&o->fail_on)->default_value("error"),
      "exit 1 on findings at or above: error, warning, info")("rules", po::bool_switch(&o->list_rules),
                                                              "list the rules and exit")(
      "config", po::value<std::string>(), "options file (bitext.ini format: name = value)");
  AddSetFileOptions(visible, &o->files);
  AddRuleOptions(visible, &o->disabled, &o->severities, &o->glossary_path);
  AddBaselineOptions(visible, &o->baseline_path, &o->write_baseline_path);
  AddDecodeOptions(visible, &o->decode);
  AddLexiconOptions(visible, &o->lexicon_paths, &o->no_lexicon);
  AddJobsOption(visible, &o->jobs, "threads for the alignments, comparisons and checks");
  AddVerbosityOptions(visible, &o->verbosity);
  auto config_file = [](const po::variables_map& vm) {
    return vm.count("config") ? vm["config"].as<std::string>() : std::string();
  };
  return ParseCommandLine(args, visible, "file", &o->file, config_file);
}

void PrintRules() {
  for (const Rule& r : Rules()) {
    std::cout << r.id << " (" << SeverityName(r.severity) << "): " << r.description << ". " << r.rationale << "\n";
  }
}

// The findings of FILE, and of the official text with its MT versions.
std::vector<Finding> CheckInputs(const CheckOptions& o, const CheckConfig& config) {
  const Manifest& files = o.files;
  const bool pair = !files.zh.empty();
  const DocumentOptions options{o.decode};
  std::vector<Finding> findings;
  if (!o.file.empty()) findings = CheckDocument(LoadDocument(o.file, options), config);
  std::optional<Document> official_zh, official_en;  // a bilingual file is read into official_zh
  if (pair) {
    official_zh = LoadDocument(files.zh, options);
    official_en = LoadDocument(files.en, options);
  } else if (!files.bilingual.empty()) {
    official_zh = LoadDocument(files.bilingual, options);
  }
  OfficialTexts official;
  if (official_zh) {
    official = pair ? OfficialTexts(&*official_zh, &*official_en) : OfficialTexts(&*official_zh);
    RequireLanguage(*official.zh, Lang::kZh, pair ? "--zh" : "--bilingual");
    RequireLanguage(*official.en, Lang::kEn, pair ? "--en" : "--bilingual");
  }
  std::vector<Document> mts;
  for (const std::string& mt : files.mt) mts.push_back(LoadDocument(mt, options));
  // The first titles document is the one the comparisons use, as in an audit.
  std::optional<Document> titles;
  if (!files.titles.empty()) titles = LoadDocument(files.titles.front(), options);
  std::unique_ptr<align::Lexicon> lexicon =
      mts.empty() ? nullptr : LoadLexicon(o.lexicon_paths, o.no_lexicon, o.verbosity.quiet);
  std::vector<const Document*> mt_set;
  for (const Document& d : mts) mt_set.push_back(&d);
  std::vector<Finding> set_findings =
      CheckDocumentSet(official, mt_set, lexicon.get(), config, titles ? &*titles : nullptr, o.jobs);
  findings.insert(findings.end(), set_findings.begin(), set_findings.end());
  return findings;
}

// The findings in `format`, as `audit` writes them into findings.json,
// report.sarif and junit.xml, or as findings.txt.
void PrintFindings(const std::vector<Finding>& findings, const std::string& format, Severity fail_on) {
  if (format == "sarif") {
    WriteSarif(std::cout, findings, BITEXT_VERSION);
  } else if (format == "junit") {
    XmlReplacements replaced;
    WriteJunit(std::cout, findings, "bitext check", fail_on);
    if (const size_t count = replaced.Take()) {
      std::cerr << "bitext check: note: " << count << " character(s) XML cannot hold (C0 controls, U+FFFE, U+FFFF, "
                << "ill-formed UTF-8) replaced with U+FFFD in the JUnit XML\n";
    }
  } else if (format == "json") {
    WriteObjectWithArrays(std::cout, nlohmann::json::object(),
                          {{"findings", findings.size(), [&findings](std::ostream& out, size_t k, int depth) {
                              WriteFindingJson(out, findings[k], depth);
                            }}});
    std::cout << "\n";
  } else {
    for (const Finding& f : findings) std::cout << FormatFinding(f) << "\n";
  }
}

}  // namespace

int RunCheck(const std::vector<std::string>& args) {
  CheckOptions o;
  if (!ParseCheckOptions(args, &o)) return kExitOk;
  if (o.list_rules) {
    PrintRules();
    return kExitOk;
  }
  Severity threshold;
  if (!ParseSeverity(o.fail_on, &threshold)) throw UsageError("--fail-on must be error, warning or info");
  if (o.format != "text" && o.format != "json" && o.format != "sarif" && o.format != "junit") {
    throw UsageError("--format must be text, json, sarif or junit");
  }
  if (o.file.empty() && !NamesFiles(o.files)) throw UsageError("give FILE, --zh Z --en E or --bilingual F");
  if (NamesFiles(o.files)) RequireOfficialText(o.files);  // MTs and titles need it
  CheckConfig config;
  ApplyRuleOptions(o.disabled, o.severities, &config);
  std::optional<Glossary> glossary;
  if (!o.glossary_path.empty()) {
    glossary = ReadGlossary(o.glossary_path);
    config.glossary = &*glossary;
  }

  std::vector<Finding> findings = CheckInputs(o, config);
  FinishFindings(findings, config);
  const size_t accepted = pipeline::ApplyBaseline(findings, o.baseline_path, o.write_baseline_path);
  if (accepted > 0 && !o.verbosity.quiet)
    std::cerr << "bitext: " << accepted << " finding(s) accepted by the baseline\n";
  PrintFindings(findings, o.format, threshold);
  const bool failing =
      std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity >= threshold; });
  return failing ? kExitFindings : kExitOk;
}

}  // namespace bitext::cli
