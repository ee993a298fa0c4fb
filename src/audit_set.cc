#include "audit_set.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "atomic_file.h"
#include "checks.h"
#include "cli.h"
#include "cli_options.h"
#include "comparison.h"
#include "comparison_report.h"
#include "confine.h"
#include "decode.h"
#include "display.h"
#include "document_alignment.h"
#include "document_report.h"
#include "error.h"
#include "fnv.h"
#include "html_report.h"
#include "json_output.h"
#include "junit_report.h"
#include "manifest.h"
#include "markdown_report.h"
#include "output_folder.h"
#include "sarif_report.h"
#include "tmx_report.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace bitext::cli {
namespace {

// Pretty-printed like json::dump(2), streamed to the file.
void WriteJson(const std::string& path, const nlohmann::json& value) {
  WriteFileAtomically(path, [&](std::ostream& out) { out << std::setw(2) << value << '\n'; });
}

// Version of report.json's layout; reports/report.schema.json describes it.
constexpr int kReportSchemaVersion = 1;

// Tells whether an input changed between two reports.
std::string Checksum(std::string_view bytes) { return Hex64(Fnv1a(bytes)); }

std::string Summarize(const std::string& role, const Document& doc) {
  int zh = 0, en = 0, rejoined = 0, headings = 0, toc = 0, truncated = 0;
  for (const Paragraph& p : doc.paragraphs) {
    zh += p.lang == Lang::kZh;
    en += p.lang == Lang::kEn;
    rejoined += p.rejoined();
    headings += p.kind == Kind::kHeading;
    toc += p.kind == Kind::kToc;
    truncated += p.truncated;
  }
  std::ostringstream out;
  out << role << " " << EscapeControls(doc.path) << ": " << doc.paragraphs.size() << " paragraphs (zh " << zh
      << ", en " << en << "), " << headings << " headings, " << toc << " table-of-contents lines, "
      << rejoined << " rejoined across blocks, " << truncated << " truncated";
  if (doc.source.detected) out << ", read as " << doc.source.encoding << " (detected)";
  return out.str();
}

// With --timings, prints the seconds each stage took to stderr, one line:
// "bitext: timings: ingest 0.012 s, align 0.310 s, ...".
class StageTimer {
 public:
  explicit StageTimer(bool enabled) : enabled_(enabled) {}
  ~StageTimer() {
    if (enabled_ && !line_.empty()) std::cerr << "bitext: timings: " << line_ << "\n";
  }
  void Finish(const char* stage) {
    const auto now = std::chrono::steady_clock::now();
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", std::chrono::duration<double>(now - start_).count());
    line_ += (line_.empty() ? "" : ", ") + std::string(stage) + " " + seconds + " s";
    start_ = now;
  }

 private:
  bool enabled_;
  std::string line_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Output names of the inputs, by path: the path inside the set without its
// extension, folders joined with '-', so "a/mt.txt" and "b/mt.txt" get
// "a-mt" and "b-mt"; a name still taken gets "-2", "-3", ...
std::map<std::string, std::string> OutputNames(const std::vector<std::pair<std::string, std::string>>& inputs,
                                               const std::string& folder) {
  std::map<std::string, std::string> names;
  std::set<std::string> taken;
  for (const auto& [role, path] : inputs) {
    if (names.count(path)) continue;  // one file in two roles: one document
    fs::path relative = fs::path(path).lexically_relative(folder);
    relative = (relative.parent_path() / relative.stem()).lexically_normal();
    std::string base;
    for (const fs::path& part : relative) base += (base.empty() ? "" : "-") + part.string();
    std::string name = base;
    for (int n = 2; !taken.insert(name).second; ++n) name = base + "-" + std::to_string(n);
    names[path] = name;
  }
  return names;
}

}  // namespace

void AddAuditOptions(po::options_description& options, AuditOptions* audit) {
  options.add_options()
      ("config", po::value<std::string>(), "options file (default: DIR/bitext.ini when present)")
      ("fail-on", po::value(&audit->fail_on)->default_value("error"),
       "exit 1 when a finding is at or above: error, warning, info")
      ("timings", po::bool_switch(&audit->timings), "print the seconds each stage took to stderr");
  AddDecodeOptions(options, &audit->document.decode);
  AddRuleOptions(options, &audit->disabled, &audit->severities, &audit->glossary);
  AddBaselineOptions(options, &audit->baseline, &audit->write_baseline);
}

void FinishAuditOptions(AuditOptions* audit) {
  if (!ParseSeverity(audit->fail_on, &audit->threshold)) {
    throw UsageError("--fail-on must be error, warning or info");
  }
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

AuditOptions ParseAuditOptions(const std::vector<std::string>& args, const std::string& set_dir) {
  AuditOptions audit;
  po::options_description options;
  AddAuditOptions(options, &audit);
  ParseCommandLine(args, options, nullptr, nullptr,
                   [&](const po::variables_map& vm) { return AuditConfigFile(vm, set_dir); });
  FinishAuditOptions(&audit);
  return audit;
}

AuditResult AuditDocumentSet(const AuditOptions& options, const std::string& set_dir,
                             const std::string& out_dir, const align::Lexicon* lexicon) {
  AuditResult result;
  // An output folder that cannot be made fails now, not after the work.
  std::error_code out_error;
  fs::create_directories(out_dir, out_error);
  if (out_error) throw InputError({out_dir}, "cannot create folder: " + out_error.message());

  StageTimer timer(options.timings);
  // Every input is read and checked before the first output is written, so
  // a bad input leaves the previous reports in OUTDIR as they were.
  Manifest manifest = ReadManifest(set_dir);
  std::vector<std::pair<std::string, std::string>> inputs;  // role, path
  if (!manifest.bilingual.empty()) inputs.emplace_back("official bilingual", manifest.bilingual);
  if (!manifest.zh.empty()) inputs.emplace_back("official zh", manifest.zh);
  if (!manifest.en.empty()) inputs.emplace_back("official en", manifest.en);
  for (const std::string& mt : manifest.mt) inputs.emplace_back("mt", mt);
  for (const std::string& t : manifest.titles) inputs.emplace_back("titles", t);
  std::vector<std::string> read_paths = {options.glossary, options.baseline, manifest.glossary};
  for (const auto& input : inputs) read_paths.push_back(input.second);
  std::erase(read_paths, std::string());
  CheckOutputKeepsClearOfInputs(out_dir, set_dir, read_paths);
  OutputFolder output(out_dir);  // locked; reports go to output.staging() until Commit
  const fs::path write_dir(output.staging());
  const std::map<std::string, std::string> output_names = OutputNames(inputs, manifest.folder);

  std::ostringstream summary;
  summary << "document set " << EscapeControls(manifest.name) << "\n";
  std::map<std::string, Document> docs;
  nlohmann::json report = {{"schema_version", kReportSchemaVersion},
                           {"tool", {{"name", "bitext"}, {"version", BITEXT_VERSION}}},
                           {"set", manifest.name},
                           {"inputs", nlohmann::json::array()},
                           {"comparisons", nlohmann::json::array()}};
  std::vector<std::string> document_paths;  // documents/*.json, in input order
  for (const auto& [role, path] : inputs) {
    const std::string bytes = ReadFileBytes(path, options.document.decode.max_bytes);  // read once: checksum and document
    Document doc = LoadDocumentFromBytes(path, bytes, options.document);
    report["inputs"].push_back({{"role", role}, {"path", path}, {"bytes", bytes.size()},
                                {"encoding", doc.source.encoding}, {"fnv1a64", Checksum(bytes)}});
    document_paths.push_back("documents/" + output_names.at(path) + ".json");
    summary << "  " << Summarize(role, doc) << "\n    -> " << EscapeControls((fs::path(out_dir) / document_paths.back()).string()) << "\n";
    for (const std::string& note : doc.source.notes) summary << "    note: " << EscapeControls(note) << "\n";
    docs.emplace(path, std::move(doc));
  }

  const Document& official_zh = docs.at(manifest.bilingual.empty() ? manifest.zh : manifest.bilingual);
  const Document& official_en = docs.at(manifest.bilingual.empty() ? manifest.en : manifest.bilingual);
  RequireLanguage(official_zh, Lang::kZh, manifest.bilingual.empty() ? "\"zh\" in the manifest" : "\"bilingual\" in the manifest");
  RequireLanguage(official_en, Lang::kEn, manifest.bilingual.empty() ? "\"en\" in the manifest" : "\"bilingual\" in the manifest");
  const auto zh = align::AlignableParagraphs(official_zh, Lang::kZh);
  const auto en = align::AlignableParagraphs(official_en, Lang::kEn);
  if (zh.empty() || en.empty()) {
    throw InputError({official_zh.path}, "the official text needs both Chinese and English paragraphs");
  }
  CheckConfig config;
  ApplyRuleOptions(options.disabled, options.severities, &config);
  std::optional<Glossary> glossary;
  if (!options.glossary.empty() || !manifest.glossary.empty()) {
    glossary = ReadGlossary(!options.glossary.empty() ? options.glossary : manifest.glossary);
    config.glossary = &*glossary;
  }
  timer.Finish("ingest");

  // The official pairs as a translation memory, sentence by sentence.
  const align::DocumentAlignment aligned = align::AlignDocuments(zh, en, lexicon, align::AlignerOptions{}, true);
  std::vector<AlignedPair> pairs;
  for (const align::Bead& b : aligned.sentences) {
    AlignedPair pair;
    for (int i = b.zh_begin; i < b.zh_end; ++i) {
      const auto& r = aligned.zh_sentences[static_cast<size_t>(i)];
      pair.zh += zh[static_cast<size_t>(r.paragraph)]->sentences[static_cast<size_t>(r.sentence)].text;
    }
    for (int j = b.en_begin; j < b.en_end; ++j) {
      const auto& r = aligned.en_sentences[static_cast<size_t>(j)];
      pair.en += (pair.en.empty() ? "" : " ") + en[static_cast<size_t>(r.paragraph)]->sentences[static_cast<size_t>(r.sentence)].text;
    }
    pair.type = std::to_string(b.zh_size()) + "-" + std::to_string(b.en_size());
    pair.confidence = b.confidence;
    pairs.push_back(std::move(pair));
  }
  summary << "  official text aligned: " << aligned.paragraphs.size() << " paragraph beads, " << pairs.size()
          << " sentence beads\n    -> " << EscapeControls((fs::path(out_dir) / "aligned.tmx").string()) << ", aligned.tsv\n";
  timer.Finish("align");

  std::vector<std::unique_ptr<align::Comparison>> comparisons;  // one per MT, for the HTML view
  std::vector<std::string> comparison_paths;
  for (const std::string& mt_path : manifest.mt) {
    const Document* titles = manifest.titles.empty() ? nullptr : &docs.at(manifest.titles.front());
    comparisons.push_back(std::make_unique<align::Comparison>(
        align::CompareWithOfficial(zh, en, docs.at(mt_path), lexicon, align::AlignerOptions{}, titles)));
    const align::Comparison& c = *comparisons.back();
    comparison_paths.push_back("compare-" + output_names.at(mt_path) + ".json");
    report["comparisons"].push_back(ComparisonToJson(c, official_en.path, mt_path));
    result.coverage.push_back({mt_path, c.en_rendered, static_cast<int>(c.official.en.size())});
    summary << "  compared " << EscapeControls(mt_path) << " with the official text: " << c.rows.size() << " rows, "
            << c.en_rendered << " of " << c.official.en.size()
            << " official English paragraphs rendered, " << c.repeats.repeats.size()
            << " repeated runs in the MT\n    -> " << EscapeControls((fs::path(out_dir) / comparison_paths.back()).string()) << "\n";
  }
  timer.Finish("compare");

  std::vector<const Document*> official, mts;
  official.push_back(&official_zh);
  if (&official_en != &official_zh) official.push_back(&official_en);
  for (const std::string& mt_path : manifest.mt) mts.push_back(&docs.at(mt_path));
  std::vector<const align::Comparison*> made;
  for (const auto& c : comparisons) made.push_back(c.get());
  std::vector<Finding> findings = CheckDocumentSet(official, mts, made, config);
  const size_t accepted = ApplyBaseline(findings, options.baseline, options.write_baseline);
  if (accepted > 0) summary << "  " << accepted << " finding(s) accepted by the baseline\n";
  timer.Finish("check");

  for (size_t k = 0; k < inputs.size(); ++k) {
    WriteJson((write_dir / document_paths[k]).string(), DocumentToJson(docs.at(inputs[k].second)));
  }
  WriteFileAtomically((write_dir / "aligned.tmx").string(), RenderTmx(pairs, BITEXT_VERSION, "sentence"));
  WriteFileAtomically((write_dir / "aligned.tsv").string(), RenderAlignedTsv(pairs));
  for (size_t k = 0; k < comparisons.size(); ++k) {
    WriteJson((write_dir / comparison_paths[k]).string(), report["comparisons"][k]);
  }
  std::string lines;
  std::map<std::string, int> per_severity;
  for (const Finding& f : findings) {
    lines += FormatFinding(f) + "\n";
    ++per_severity[SeverityName(f.severity)];
    ++result.counts[f.rule][static_cast<int>(f.severity)];
  }
  WriteFileAtomically((write_dir / "findings.txt").string(), lines);
  // Findings are rendered one at a time as they are written.
  auto finding_json = [&](size_t k) { return FindingToJson(findings[k]); };
  WriteFileAtomically((write_dir / "findings.json").string(), [&](std::ostream& out) {
    WriteObjectWithArray(out, nlohmann::json::object(), "findings", findings.size(), finding_json);
    out << '\n';
  });
  report["counts"] = {{"error", per_severity["error"]}, {"warning", per_severity["warning"]},
                      {"info", per_severity["info"]}};
  WriteFileAtomically((write_dir / "report.json").string(), [&](std::ostream& out) {
    WriteObjectWithArray(out, report, "findings", findings.size(), finding_json);
    out << '\n';
  });
  report = nullptr;  // written: its trees need not stay beside the reports still to render
  WriteFileAtomically((write_dir / "report.sarif").string(),
                      [&](std::ostream& out) { WriteSarif(out, findings, BITEXT_VERSION); });
  WriteFileAtomically((write_dir / "junit.xml").string(), RenderJunit(findings, manifest.name, options.threshold));
  WriteFileAtomically((write_dir / "report.md").string(),
                      RenderMarkdown(findings, "bitext audit: " + manifest.name, 20));
  std::vector<MtVersion> versions;  // one view, a column per MT
  for (size_t k = 0; k < comparisons.size(); ++k) versions.push_back({comparisons[k].get(), manifest.mt[k]});
  if (!versions.empty()) {
    result.html_reports.push_back("report.html");
    WriteFileAtomically((write_dir / "report.html").string(), [&](std::ostream& out) {
      WriteHtml(out, versions, findings, official_en.path, "bitext audit: " + manifest.name);
    });
  }
  summary << "  findings: " << findings.size() << " (" << per_severity["error"] << " errors, "
          << per_severity["warning"] << " warnings, " << per_severity["info"] << " notes)\n    -> "
          << EscapeControls((fs::path(out_dir) / "findings.txt").string()) << "\n";
  summary << "    -> report.html (side-by-side view), report.json, report.sarif (SARIF 2.1.0), junit.xml, "
             "report.md\n";
  summary << "Stages run: ingest, document model, alignment, comparison, checks, reports.\n";
  WriteFileAtomically((write_dir / "summary.txt").string(), summary.str());
  output.Commit();
  timer.Finish("report");
  result.name = manifest.name;
  result.summary = summary.str();
  const bool failing = std::any_of(findings.begin(), findings.end(),
                                   [&](const Finding& f) { return f.severity >= options.threshold; });
  result.exit_code = failing ? kExitFindings : kExitOk;
  return result;
}

}  // namespace bitext::cli
