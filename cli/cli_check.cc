// bitext check [FILE] [--bilingual F | --zh Z --en E] [--mt M] [options]
// Runs the catalogue of divergence checks and prints findings as
// "file:line:col: severity: message [rule]" (or JSON); exits 1 when a
// finding reaches --fail-on.
#include <boost/program_options.hpp>
#include <iostream>
#include <optional>

#include "baseline.h"
#include "check_set.h"
#include "checks.h"
#include "cli.h"
#include "cli_options.h"
#include "cli_lexicon.h"
#include "comparison.h"
#include "document.h"
#include "error.h"

namespace po = boost::program_options;

namespace bitext::cli {
namespace {

struct CheckOptions {
  std::string file, zh_path, en_path, bilingual_path, mt_path, format = "text", fail_on = "error";
  std::vector<std::string> lexicon_paths;
  std::vector<std::string> disabled, severities;
  std::string glossary_path, baseline_path, write_baseline_path;
  bool no_lexicon = false, list_rules = false;
  DecodeOptions decode;
};

// False when the help was printed.
bool ParseCheckOptions(const std::vector<std::string>& args, CheckOptions* o) {
  po::options_description visible(
      "bitext check [FILE] [--bilingual F | --zh Z --en E] [--mt M] [options]\n\n"
      "Runs the divergence checks on one document, or on an official text and its MT versions.\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("bilingual", po::value(&o->bilingual_path), "official text with both languages in one file")
      ("zh", po::value(&o->zh_path), "official Chinese file")
      ("en", po::value(&o->en_path), "official English file")
      ("mt", po::value(&o->mt_path), "machine-translated English to compare with the official text")
      ("format", po::value(&o->format)->default_value("text"), "text or json")
      ("fail-on", po::value(&o->fail_on)->default_value("error"),
       "exit 1 on findings at or above: error, warning, info")
      ("rules", po::bool_switch(&o->list_rules), "list the rules and exit")
      ("config", po::value<std::string>(), "options file (bitext.ini format: name = value)")
;
  AddRuleOptions(visible, &o->disabled, &o->severities, &o->glossary_path);
  AddBaselineOptions(visible, &o->baseline_path, &o->write_baseline_path);
  AddDecodeOptions(visible, &o->decode);
  AddLexiconOptions(visible, &o->lexicon_paths, &o->no_lexicon);
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
  const bool pair = !o.zh_path.empty() || !o.en_path.empty();
  const DocumentOptions options{o.decode};
  std::vector<Finding> findings;
  if (!o.file.empty()) findings = CheckDocument(LoadDocument(o.file, options), config);
  std::vector<Document> official, mts;
  if (pair) {
    official.push_back(LoadDocument(o.zh_path, options));
    official.push_back(LoadDocument(o.en_path, options));
  } else if (!o.bilingual_path.empty()) {
    official.push_back(LoadDocument(o.bilingual_path, options));
  }
  if (!official.empty()) {
    RequireLanguage(official.front(), Lang::kZh, pair ? "--zh" : "--bilingual");
    RequireLanguage(official.back(), Lang::kEn, pair ? "--en" : "--bilingual");
  }
  if (!o.mt_path.empty()) mts.push_back(LoadDocument(o.mt_path, options));
  std::unique_ptr<align::Lexicon> lexicon = mts.empty() ? nullptr : LoadLexicon(o.lexicon_paths, o.no_lexicon);
  std::vector<const Document*> official_set, mt_set;
  for (const Document& d : official) official_set.push_back(&d);
  for (const Document& d : mts) mt_set.push_back(&d);
  std::vector<Finding> set_findings = CheckDocumentSet(official_set, mt_set, lexicon.get(), config);
  findings.insert(findings.end(), set_findings.begin(), set_findings.end());
  return findings;
}

void PrintFindings(const std::vector<Finding>& findings, const std::string& format) {
  if (format == "json") {
    nlohmann::json out = {{"findings", nlohmann::json::array()}};
    for (const Finding& f : findings) out["findings"].push_back(FindingToJson(f));
    std::cout << out.dump(2) << "\n";
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
  if (o.format != "text" && o.format != "json") throw UsageError("--format must be text or json");
  const bool pair = !o.zh_path.empty() || !o.en_path.empty();
  if (pair && (o.zh_path.empty() || o.en_path.empty())) throw UsageError("give both --zh and --en");
  if (pair && !o.bilingual_path.empty()) throw UsageError("give --zh and --en, or --bilingual, not both");
  if (o.file.empty() && !pair && o.bilingual_path.empty()) {
    throw UsageError("give FILE, --bilingual F or --zh Z --en E");
  }
  if (!o.mt_path.empty() && !pair && o.bilingual_path.empty()) throw UsageError("--mt needs the official text");
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
  if (accepted > 0) std::cerr << "bitext: " << accepted << " finding(s) accepted by the baseline\n";
  PrintFindings(findings, o.format);
  const bool failing = std::any_of(findings.begin(), findings.end(),
                                   [&](const Finding& f) { return f.severity >= threshold; });
  return failing ? kExitFindings : kExitOk;
}

}  // namespace bitext::cli
