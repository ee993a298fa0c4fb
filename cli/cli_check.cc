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


}  // namespace

int RunCheck(const std::vector<std::string>& args) {
  std::string file, zh_path, en_path, bilingual_path, mt_path, format = "text", fail_on = "error", lexicon_path;
  std::vector<std::string> disabled, severities;
  std::string glossary_path;
  bool no_lexicon = false, list_rules = false;
  DecodeOptions decode;
  po::options_description visible(
      "bitext check [FILE] [--bilingual F | --zh Z --en E] [--mt M] [options]\n\n"
      "Runs the divergence checks on one document, or on an official text and its MT versions.\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("bilingual", po::value(&bilingual_path), "official text with both languages in one file")
      ("zh", po::value(&zh_path), "official Chinese file")
      ("en", po::value(&en_path), "official English file")
      ("mt", po::value(&mt_path), "machine-translated English to compare with the official text")
      ("format", po::value(&format)->default_value("text"), "text or json")
      ("fail-on", po::value(&fail_on)->default_value("error"), "exit 1 on findings at or above: error, warning, info")
      ("rules", po::bool_switch(&list_rules), "list the rules and exit")
      ("config", po::value<std::string>(), "options file (bitext.ini format: name = value)")
;
  AddRuleOptions(visible, &disabled, &severities, &glossary_path);
  std::string baseline_path, write_baseline_path;
  AddBaselineOptions(visible, &baseline_path, &write_baseline_path);
  AddDecodeOptions(visible, &decode);
  AddLexiconOptions(visible, &lexicon_path, &no_lexicon);
  auto config_file = [](const po::variables_map& vm) {
    return vm.count("config") ? vm["config"].as<std::string>() : std::string();
  };
  if (!ParseCommandLine(args, visible, "file", &file, config_file)) return kExitOk;
  if (list_rules) {
    for (const Rule& r : Rules()) {
      std::cout << r.id << " (" << SeverityName(r.severity) << "): " << r.description << ". " << r.rationale << "\n";
    }
    return kExitOk;
  }
  Severity threshold;
  if (!ParseSeverity(fail_on, &threshold)) throw UsageError("--fail-on must be error, warning or info");
  if (format != "text" && format != "json") throw UsageError("--format must be text or json");
  const bool pair = !zh_path.empty() || !en_path.empty();
  if (pair && (zh_path.empty() || en_path.empty())) throw UsageError("give both --zh and --en");
  if (pair && !bilingual_path.empty()) throw UsageError("give --zh and --en, or --bilingual, not both");
  if (file.empty() && !pair && bilingual_path.empty()) throw UsageError("give FILE, --bilingual F or --zh Z --en E");
  if (!mt_path.empty() && !pair && bilingual_path.empty()) throw UsageError("--mt needs the official text");
  CheckConfig config;
  ApplyRuleOptions(disabled, severities, &config);
  std::optional<Glossary> glossary;
  if (!glossary_path.empty()) {
    glossary = ReadGlossary(glossary_path);
    config.glossary = &*glossary;
  }

  const DocumentOptions options{decode};
  std::vector<Finding> findings;
  if (!file.empty()) findings = CheckDocument(LoadDocument(file, options), config);
  std::vector<Document> official, mts;
  if (pair) {
    official.push_back(LoadDocument(zh_path, options));
    official.push_back(LoadDocument(en_path, options));
  } else if (!bilingual_path.empty()) {
    official.push_back(LoadDocument(bilingual_path, options));
  }
  if (!official.empty()) {
    RequireLanguage(official.front(), Lang::kZh, pair ? "--zh" : "--bilingual");
    RequireLanguage(official.back(), Lang::kEn, pair ? "--en" : "--bilingual");
  }
  if (!mt_path.empty()) mts.push_back(LoadDocument(mt_path, options));
  std::unique_ptr<align::Lexicon> lexicon = mts.empty() ? nullptr : LoadLexicon(lexicon_path, no_lexicon);
  std::vector<const Document*> official_set, mt_set;
  for (const Document& d : official) official_set.push_back(&d);
  for (const Document& d : mts) mt_set.push_back(&d);
  std::vector<Finding> set_findings = CheckDocumentSet(official_set, mt_set, lexicon.get(), config);
  findings.insert(findings.end(), set_findings.begin(), set_findings.end());
  FinishFindings(findings, config);
  const size_t accepted = pipeline::ApplyBaseline(findings, baseline_path, write_baseline_path);
  if (accepted > 0) std::cerr << "bitext: " << accepted << " finding(s) accepted by the baseline\n";

  if (format == "json") {
    nlohmann::json out = {{"findings", nlohmann::json::array()}};
    for (const Finding& f : findings) out["findings"].push_back(FindingToJson(f));
    std::cout << out.dump(2) << "\n";
  } else {
    for (const Finding& f : findings) std::cout << FormatFinding(f) << "\n";
  }
  const bool failing = std::any_of(findings.begin(), findings.end(),
                                   [&](const Finding& f) { return f.severity >= threshold; });
  return failing ? kExitFindings : kExitOk;
}

}  // namespace bitext::cli
