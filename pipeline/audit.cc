#include "audit.h"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "aligned_mt.h"
#include "alignment_report.h"
#include "atomic_file.h"
#include "baseline.h"
#include "compare_set.h"
#include "comparison_report.h"
#include "confine.h"
#include "decode.h"
#include "display.h"
#include "document_alignment.h"
#include "document_report.h"
#include "error.h"
#include "finding_json.h"
#include "fnv.h"
#include "html_report.h"
#include "json_output.h"
#include "junit_report.h"
#include "markdown_report.h"
#include "output_folder.h"
#include "parallel.h"
#include "sarif_report.h"
#include "xliff_report.h"
#include "xml_escape.h"

namespace fs = std::filesystem;

namespace bitext::pipeline {
namespace {

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
  out << role << " " << EscapeControls(doc.path) << ": " << doc.paragraphs.size() << " paragraphs (zh " << zh << ", en "
      << en << "), " << headings << " headings, " << toc << " table-of-contents lines, " << rejoined
      << " rejoined across blocks, " << truncated << " truncated";
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

// The parts of `path` from the root, the last without its extension;
// standard input is "stdin".
std::vector<std::string> NameParts(const std::string& path) {
  if (path == kStandardInputPath) return {"stdin"};
  const fs::path full = fs::absolute(path).lexically_normal();
  std::vector<std::string> parts;
  for (const fs::path& part : full.parent_path().relative_path()) parts.push_back(part.string());
  parts.push_back(full.stem().string());
  return parts;
}

// The last `n` of `parts` joined with '-'.
std::string JoinLast(const std::vector<std::string>& parts, size_t n) {
  std::string name;
  for (size_t k = parts.size() - std::min(n, parts.size()); k < parts.size(); ++k) {
    name += (name.empty() ? "" : "-") + parts[k];
  }
  return name;
}

// Output names of the inputs, by path, with folders joined with '-': the
// path inside the set's folder without its extension, so "a/mt.txt" and
// "b/mt.txt" get "a-mt" and "b-mt"; for files named one by one (no folder),
// the shortest ending of the path that no other input shares. A name still
// taken gets "-2", "-3", ...
std::map<std::string, std::string> OutputNames(const std::vector<AuditInput>& inputs, const std::string& folder) {
  std::map<std::string, std::vector<std::string>> parts;  // by path
  for (const AuditInput& input : inputs) {
    if (folder.empty()) {
      parts[input.path] = NameParts(input.path);
      continue;
    }
    const fs::path relative = fs::path(input.path).lexically_relative(folder);
    for (const fs::path& part : (relative.parent_path() / relative.stem()).lexically_normal()) {
      parts[input.path].push_back(part.string());
    }
  }
  std::map<std::string, std::string> names;
  std::set<std::string> taken;
  for (const AuditInput& input : inputs) {
    if (names.count(input.path)) continue;  // one file in two roles: one document
    const std::vector<std::string>& own = parts[input.path];
    size_t n = folder.empty() ? 1 : own.size();
    auto shared = [&](size_t length) {
      return std::any_of(parts.begin(), parts.end(), [&](const auto& other) {
        return other.first != input.path && JoinLast(other.second, length) == JoinLast(own, length);
      });
    };
    while (n < own.size() && shared(n)) ++n;
    const std::string base = JoinLast(own, n);
    std::string name = base;
    for (int k = 2; !taken.insert(name).second; ++k) name = base + "-" + std::to_string(k);
    names[input.path] = name;
  }
  return names;
}

// The inputs the manifest names, as (role, path), official first, in
// manifest order.
std::vector<std::pair<std::string, std::string>> RolesAndPaths(const Manifest& manifest) {
  std::vector<std::pair<std::string, std::string>> inputs;
  if (!manifest.bilingual.empty()) inputs.emplace_back("official bilingual", manifest.bilingual);
  if (!manifest.zh.empty()) inputs.emplace_back("official zh", manifest.zh);
  if (!manifest.en.empty()) inputs.emplace_back("official en", manifest.en);
  for (const std::string& mt : manifest.mt) inputs.emplace_back("mt", mt);
  for (const std::string& t : manifest.titles) inputs.emplace_back("titles", t);
  return inputs;
}

// Runs `work`, then tells the tasks waiting on `done` that it ended, and
// how: a task that waits on a failed one fails with its error.
void Signal(std::promise<void>& done, const std::function<void()>& work) {
  try {
    work();
  } catch (...) {
    done.set_exception(std::current_exception());
    throw;
  }
  done.set_value();
}

// The paragraphs of the official text's two sides, to align.
struct OfficialText {
  std::vector<const Paragraph*> zh, en;
};

// The sentence beads of the official alignment, as a translation memory.
std::vector<AlignedPair> TranslationMemory(const align::DocumentAlignment& aligned, const OfficialText& official) {
  const AlignedSide zh_sentences = SentenceSide(official.zh, aligned.zh_sentences);
  const AlignedSide en_sentences = SentenceSide(official.en, aligned.en_sentences);
  // The paragraph of a bead's first sentence on one side (none when empty).
  auto paragraph_of = [](const std::vector<const Paragraph*>& paragraphs, const std::vector<align::SentenceRef>& refs,
                         int begin, int end) -> const Paragraph* {
    return begin < end ? paragraphs.at(static_cast<size_t>(refs.at(static_cast<size_t>(begin)).paragraph)) : nullptr;
  };
  std::vector<AlignedPair> pairs;
  for (const align::Bead& b : aligned.sentences) {
    AlignedPair pair{BeadText(zh_sentences, b.zh_begin, b.zh_end, true),
                     BeadText(en_sentences, b.en_begin, b.en_end, false), BeadType(b), b.confidence};
    pair.zh_paragraph = paragraph_of(aligned.zh, aligned.zh_sentences, b.zh_begin, b.zh_end);
    pair.en_paragraph = paragraph_of(aligned.en, aligned.en_sentences, b.en_begin, b.en_end);
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

// ingest, then align, as one list of tasks, so that the alignments start
// while the other inputs are still being read:
// - ingest: each input is read and modelled in a task of its own (a file
//   named in two roles is one document, read by its first role); then the
//   official text is checked and the glossary read;
// - align: the official paragraphs, and their sentences as a translation
//   memory, once the official text is checked; beside them each MT's
//   paragraphs with the official English, once that MT is read too.
// A task waits only on tasks before it, which RunTasks has started by then.
// A bad input is reported as when the stages run one after the other: the
// reads in manifest order, then the official text's checks, then the
// glossary. `ingested` gets the ingest stage's units once it is done;
// returns the align stage's.
std::string IngestAndAlign(const AuditConfig& config, const align::Lexicon* lexicon, AuditResult& result,
                           std::optional<Glossary>& glossary, const std::function<void(const std::string&)>& ingested) {
  const Manifest& manifest = result.manifest;
  const std::vector<std::pair<std::string, std::string>> inputs = RolesAndPaths(manifest);
  // Every document has its place before the reads start: a read writes
  // only its own.
  std::vector<size_t> reader(inputs.size());
  std::map<std::string, size_t> first_role;
  for (size_t k = 0; k < inputs.size(); ++k) {
    const auto [at, first] = first_role.emplace(inputs[k].second, k);
    reader[k] = at->second;
    if (first) result.docs[inputs[k].second];
  }
  result.inputs.resize(inputs.size());
  result.comparisons.resize(manifest.mt.size());

  std::vector<std::promise<void>> read(inputs.size());
  std::map<std::string, std::shared_future<void>> document_read;  // by path
  size_t reads = 0;
  for (size_t k = 0; k < inputs.size(); ++k) {
    if (reader[k] != k) continue;
    document_read[inputs[k].second] = read[k].get_future().share();
    ++reads;
  }
  std::promise<void> checked;
  const std::shared_future<void> official_checked = checked.get_future().share();
  // The ingest tasks still running: the last to end reports the stage.
  std::atomic<size_t> ingesting = reads + 1;
  auto ingest_task_done = [&] {
    if (--ingesting > 0) return;
    size_t bytes = 0;
    for (size_t k = 0; k < inputs.size(); ++k) {
      if (reader[k] != k) {
        result.inputs[k] = result.inputs[reader[k]];
        result.inputs[k].role = inputs[k].first;
      }
      bytes += result.inputs[k].bytes;
    }
    char megabytes[32];
    std::snprintf(megabytes, sizeof megabytes, "%.1f MB", static_cast<double>(bytes) / 1e6);
    ingested(std::to_string(result.inputs.size()) + " files, " + megabytes);
  };

  std::vector<std::function<void()>> tasks;
  for (size_t k = 0; k < inputs.size(); ++k) {
    if (reader[k] != k) continue;
    tasks.push_back([&, k] {
      Signal(read[k], [&] {
        const auto& [role, path] = inputs[k];
        const std::string bytes =
            ReadFileBytes(path, config.document.decode.max_bytes);  // read once: checksum and document
        result.docs.at(path) = LoadDocumentFromBytes(path, bytes, config.document);
        result.inputs[k] = {role, path, bytes.size(), Checksum(bytes)};
      });
      ingest_task_done();
    });
  }
  const std::string& zh_path = manifest.bilingual.empty() ? manifest.zh : manifest.bilingual;
  const std::string& en_path = manifest.bilingual.empty() ? manifest.en : manifest.bilingual;
  OfficialText official;
  tasks.push_back([&, zh_read = document_read.at(zh_path), en_read = document_read.at(en_path)] {
    Signal(checked, [&] {
      zh_read.get();
      en_read.get();
      const Document& official_zh = result.docs.at(zh_path);
      const Document& official_en = result.docs.at(en_path);
      const std::string where = config.files ? "" : " in the manifest";
      RequireLanguage(official_zh, Lang::kZh, (manifest.bilingual.empty() ? "\"zh\"" : "\"bilingual\"") + where);
      RequireLanguage(official_en, Lang::kEn, (manifest.bilingual.empty() ? "\"en\"" : "\"bilingual\"") + where);
      result.official_zh = &official_zh;
      result.official_en = &official_en;
      official.zh = align::AlignableParagraphs(official_zh, Lang::kZh);
      official.en = align::AlignableParagraphs(official_en, Lang::kEn);
      if (official.zh.empty() || official.en.empty()) {
        throw InputError({official_zh.path}, "the official text needs both Chinese and English paragraphs");
      }
      const std::string& glossary_path = !config.glossary.empty() ? config.glossary : manifest.glossary;
      if (!glossary_path.empty()) glossary = ReadGlossary(glossary_path);
    });
    ingest_task_done();
  });
  tasks.push_back([&, ready = official_checked] {
    ready.get();
    result.official = align::AlignDocuments(official.zh, official.en, lexicon, align::AlignerOptions{}, true);
  });
  for (size_t k = 0; k < manifest.mt.size(); ++k) {
    tasks.push_back([&, k, ready = official_checked, mt_read = document_read.at(manifest.mt[k])] {
      ready.get();
      mt_read.get();
      result.comparisons[k] = std::make_unique<align::Comparison>(
          align::MatchMachineTranslation(official.en, result.docs.at(manifest.mt[k]), OnThreads(config.jobs)));
    });
  }
  RunTasks(config.jobs, tasks);
  result.pairs = TranslationMemory(result.official, official);
  return std::to_string(result.official.paragraphs.size()) + " paragraph beads, " +
         std::to_string(result.pairs.size()) + " sentence beads, " + std::to_string(manifest.mt.size()) +
         " MT versions matched";
}

// compare: each MT, matched with the official English during the align
// stage, joined with the official alignment into rows; then each one's
// second route, outlines and scores, side by side. Returns the stage's units.
std::string CompareEach(const AuditConfig& config, const align::Lexicon* lexicon, AuditResult& result) {
  const Manifest& manifest = result.manifest;
  const Document* titles = manifest.titles.empty() ? nullptr : &result.docs.at(manifest.titles.front());
  std::vector<std::function<void()>> steps;
  size_t rows = 0;
  for (const auto& c : result.comparisons) {
    for (std::function<void()>& step : JoinAndListSteps(c.get(), result.official, lexicon, titles, true))
      steps.push_back(std::move(step));
    rows += c->rows.size();
  }
  RunTasks(config.jobs, steps);
  return std::to_string(result.comparisons.size()) + " MT versions, " + std::to_string(rows) + " rows";
}

// check: the catalogue on the whole set, then the baseline. Returns the
// stage's units.
std::string Check(const AuditConfig& config, const align::Lexicon* lexicon, const Glossary* glossary,
                  AuditResult& result) {
  CheckConfig checks = config.checks;
  checks.glossary = glossary;
  checks.lexicon = lexicon;
  const OfficialTexts official(result.official_zh, result.official_en);
  std::vector<const Document*> mts;
  for (const std::string& mt_path : result.manifest.mt) mts.push_back(&result.docs.at(mt_path));
  std::vector<const align::Comparison*> made;
  for (const auto& c : result.comparisons) made.push_back(c.get());
  result.findings = CheckDocumentSet(official, mts, made, checks, &result.official, OnThreads(config.jobs));
  result.accepted = ApplyBaseline(result.findings, config.baseline, config.write_baseline);
  return std::to_string(result.findings.size()) + " findings";
}

}  // namespace

AuditResult RunAudit(const AuditConfig& config, const align::Lexicon* lexicon, const StageDone& stage_done) {
  auto finish = [&](const char* stage, const std::string& units) {
    // A stage's working memory, freed, goes back to the system: the heap
    // would otherwise keep it, in each thread's arena, beside the next
    // stage's.
    malloc_trim(0);
    if (stage_done) stage_done(stage, units);
  };
  AuditResult result;
  // Every input is read and checked before the first output is written, so
  // a bad input leaves the previous reports in OUTDIR as they were.
  result.manifest = config.files ? *config.files : ReadManifest(config.set_dir);
  std::optional<Glossary> glossary;
  const std::string aligned =
      IngestAndAlign(config, lexicon, result, glossary, [&](const std::string& units) { finish("ingest", units); });
  finish("align", aligned);
  finish("compare", CompareEach(config, lexicon, result));
  finish("check", Check(config, lexicon, glossary ? &*glossary : nullptr, result));
  result.fail_on = config.fail_on;
  result.tsv_bom = config.tsv_bom;
  result.jobs = config.jobs;
  result.exit_code = std::any_of(result.findings.begin(), result.findings.end(),
                                 [&](const Finding& f) { return f.severity >= config.fail_on; })
                         ? kExitFindings
                         : kExitOk;
  return result;
}

namespace {

// The outputs' names: shown in the summary as they will stand in OUTDIR,
// written to write_dir.
class OutputPaths {
 public:
  OutputPaths(const AuditResult& result, const std::string& out_dir, const std::string& write_dir)
      : names_(OutputNames(result.inputs, result.manifest.folder)), out_dir_(out_dir), write_dir_(write_dir) {}
  std::string DocumentJson(const std::string& path) const { return "documents/" + names_.at(path) + ".json"; }
  std::string ComparisonJson(const std::string& mt_path) const { return "compare-" + MtName(mt_path) + ".json"; }
  std::string MtName(const std::string& mt_path) const { return names_.at(mt_path); }
  std::string Shown(const std::string& name) const { return EscapeControls((fs::path(out_dir_) / name).string()); }
  std::string Written(const std::string& name) const { return (fs::path(write_dir_) / name).string(); }

 private:
  std::map<std::string, std::string> names_;
  std::string out_dir_, write_dir_;
};

// report.json without its findings, counts and comparisons: the inputs.
// The summary lists the comparisons too.
nlohmann::json DescribeInputs(const AuditResult& result, const OutputPaths& paths, std::ostream& summary) {
  const Manifest& manifest = result.manifest;
  summary << "document set " << EscapeControls(manifest.name) << "\n";
  nlohmann::json report = {{"schema_version", kReportSchemaVersion},
                           {"tool", {{"name", "bitext"}, {"version", BITEXT_VERSION}}},
                           {"set", manifest.name},
                           {"inputs", nlohmann::json::array()}};
  for (const AuditInput& input : result.inputs) {
    const Document& doc = result.docs.at(input.path);
    report["inputs"].push_back({{"role", input.role},
                                {"path", input.path},
                                {"bytes", input.bytes},
                                {"encoding", doc.source.encoding},
                                {"fnv1a64", input.checksum}});
    summary << "  " << Summarize(input.role, doc) << "\n    -> " << paths.Shown(paths.DocumentJson(input.path)) << "\n";
    for (const std::string& note : doc.source.notes) summary << "    note: " << EscapeControls(note) << "\n";
  }
  summary << "  official text aligned: " << result.official.paragraphs.size() << " paragraph beads, "
          << result.pairs.size() << " sentence beads\n    -> " << paths.Shown("aligned.tmx")
          << ", aligned.xlf, aligned.tsv\n";
  for (size_t k = 0; k < result.comparisons.size(); ++k) {
    const align::Comparison& c = *result.comparisons[k];
    const std::string& mt_path = manifest.mt[k];
    summary << "  compared " << EscapeControls(mt_path) << " with the official text: " << c.rows.size() << " rows, "
            << c.en_rendered << " of " << c.official.en.size() << " official English paragraphs rendered, "
            << c.repeats.repeats.size() << " repeated runs in the MT\n    -> "
            << paths.Shown(paths.ComparisonJson(mt_path)) << "\n";
  }
  if (result.accepted > 0) summary << "  " << result.accepted << " finding(s) accepted by the baseline\n";
  return report;
}

// The findings per severity name.
std::map<std::string, int> CountSeverities(const std::vector<Finding>& findings) {
  std::map<std::string, int> per_severity;
  for (const Finding& f : findings) ++per_severity[SeverityName(f.severity)];
  return per_severity;
}

// The characters each XML or HTML output had to replace (EscapeXml), by
// output name, for the summary.
using Replaced = std::map<std::string, size_t>;

// Writes every report file, on result.jobs threads, the longest first.
// `report` is report.json without its comparisons and findings: those are
// rendered one row and one finding at a time as they are written.
void WriteReports(const AuditResult& result, const nlohmann::json& report, const OutputPaths& paths,
                  Replaced& replaced) {
  // EscapeXml counts per thread: each task counts its own outputs, into
  // slots made before the tasks start.
  for (const char* name : {"report.html", "aligned.tmx", "aligned.xlf", "junit.xml"}) replaced[name] = 0;
  const Manifest& manifest = result.manifest;
  const std::vector<Finding>& findings = result.findings;
  // Findings are written one at a time, straight from each finding.
  const StreamedArray findings_array{"findings", findings.size(), [&findings](std::ostream& out, size_t k, int depth) {
                                       WriteFindingJson(out, findings[k], depth);
                                     }};
  std::vector<std::function<void()>> tasks;
  tasks.push_back([&] {
    std::vector<MtVersion> versions;  // one view, a column per MT, none without one
    for (size_t k = 0; k < result.comparisons.size(); ++k)
      versions.push_back({result.comparisons[k].get(), manifest.mt[k]});
    XmlReplacements counted;
    WriteFileAtomically(paths.Written("report.html"), [&](std::ostream& out) {
      WriteHtml(out, result.official, versions, findings, {result.official_zh->path, result.official_en->path},
                "bitext audit: " + manifest.name);
    });
    replaced.at("report.html") = counted.Take();
  });
  auto comparison_json = [&](std::ostream& out, size_t k, int depth) {
    WriteComparisonJson(out, *result.comparisons[k], result.official_en->path, manifest.mt[k], depth);
  };
  for (size_t k = 0; k < result.comparisons.size(); ++k) {
    tasks.push_back([&, comparison_json, k] {
      WriteFileAtomically(paths.Written(paths.ComparisonJson(manifest.mt[k])), [&](std::ostream& out) {
        comparison_json(out, k, 0);
        out << '\n';
      });
    });
  }
  tasks.push_back([&, comparison_json] {
    WriteFileAtomically(paths.Written("report.json"), [&](std::ostream& out) {
      WriteObjectWithArrays(out, report, {{"comparisons", result.comparisons.size(), comparison_json}, findings_array});
      out << '\n';
    });
  });
  tasks.push_back([&] {
    WriteFileAtomically(paths.Written("report.sarif"),
                        [&](std::ostream& out) { WriteSarif(out, findings, BITEXT_VERSION); });
  });
  tasks.push_back([&] {
    WriteFileAtomically(paths.Written("findings.json"), [&](std::ostream& out) {
      WriteObjectWithArrays(out, nlohmann::json::object(), {findings_array});
      out << '\n';
    });
  });
  tasks.push_back([&] {
    WriteFileAtomically(paths.Written("findings.txt"), [&](std::ostream& out) {
      for (const Finding& f : findings) out << FormatFinding(f) << '\n';
    });
  });
  std::set<std::string> documents;  // a file named in two roles is one document, written once
  for (const AuditInput& input : result.inputs) {
    if (!documents.insert(input.path).second) continue;
    tasks.push_back([&, path = input.path] {
      WriteFileAtomically(paths.Written(paths.DocumentJson(path)), [&](std::ostream& out) {
        WriteDocumentJson(out, result.docs.at(path));
        out << '\n';
      });
    });
  }
  tasks.push_back([&] {
    XmlReplacements counted;
    WriteFileAtomically(paths.Written("aligned.tmx"), RenderTmx(result.pairs, BITEXT_VERSION, "sentence"));
    replaced.at("aligned.tmx") = counted.Take();
    WriteFileAtomically(paths.Written("aligned.xlf"), RenderXliff(result.pairs));
    replaced.at("aligned.xlf") = counted.Take();
  });
  tasks.push_back([&] {
    std::vector<MtColumn> mt_columns;  // the TSV's MT beside each pair, one column per MT
    for (size_t k = 0; k < result.comparisons.size(); ++k) {
      mt_columns.push_back({paths.MtName(manifest.mt[k]), MtTextOfPairs(result.pairs, *result.comparisons[k])});
    }
    WriteFileAtomically(paths.Written("aligned.tsv"), RenderAlignedTsv(result.pairs, mt_columns, result.tsv_bom));
  });
  tasks.push_back([&] {
    XmlReplacements counted;
    WriteFileAtomically(paths.Written("junit.xml"),
                        [&](std::ostream& out) { WriteJunit(out, findings, manifest.name, result.fail_on); });
    replaced.at("junit.xml") = counted.Take();
    WriteFileAtomically(paths.Written("report.md"), RenderMarkdown(findings, "bitext audit: " + manifest.name, 20));
  });
  RunTasks(result.jobs, tasks);
}

}  // namespace

std::string WriteAuditOutputs(const AuditResult& result, const std::string& out_dir,
                              const std::string& write_dir_or_empty, std::map<std::string, size_t>* xml_replaced) {
  const std::string& write_dir = write_dir_or_empty.empty() ? out_dir : write_dir_or_empty;
  const OutputPaths paths(result, out_dir, write_dir);
  std::ostringstream summary;
  nlohmann::json report = DescribeInputs(result, paths, summary);
  std::map<std::string, int> per_severity = CountSeverities(result.findings);
  report["counts"] = {
      {"error", per_severity["error"]}, {"warning", per_severity["warning"]}, {"info", per_severity["info"]}};
  Replaced replaced;
  WriteReports(result, report, paths, replaced);
  summary << "  findings: " << result.findings.size() << " (" << per_severity["error"] << " errors, "
          << per_severity["warning"] << " warnings, " << per_severity["info"] << " notes)\n    -> "
          << paths.Shown("findings.txt") << "\n";
  summary << "    -> report.html (side-by-side view), report.json, report.sarif (SARIF 2.1.0), junit.xml, "
             "report.md\n";
  for (const auto& [name, count] : replaced) {
    if (count > 0 && xml_replaced != nullptr) (*xml_replaced)[name] = count;
    if (count > 0) {
      summary << "  note: " << name << ": " << count << " character(s) XML cannot hold (C0 controls, U+FFFE, U+FFFF, "
              << "ill-formed UTF-8) replaced with U+FFFD\n";
    }
  }
  summary << "Stages run: ingest, document model, alignment, comparison, checks, reports.\n";
  WriteFileAtomically(paths.Written("summary.txt"), summary.str());
  return summary.str();
}

AuditSummary AuditDocumentSet(const AuditConfig& config, const std::string& out_dir, const align::Lexicon* lexicon,
                              const StageDone& stage_done) {
  // An output folder that cannot be made fails now, not after the work.
  std::error_code out_error;
  fs::create_directories(out_dir, out_error);
  if (out_error) throw InputError({out_dir}, "cannot create folder: " + out_error.message());

  StageTimer timer(config.timings);
  const AuditResult result = RunAudit(config, lexicon, [&](const char* stage, const std::string& units) {
    timer.Finish(stage);
    if (stage_done) stage_done(stage, units);
  });
  // Inputs are only read: the output folder may not be or hold one of them.
  std::vector<std::string> read_paths = {config.glossary, config.baseline, result.manifest.glossary};
  for (const AuditInput& input : result.inputs) read_paths.push_back(input.path);
  std::erase(read_paths, std::string());
  std::erase(read_paths, std::string(kStandardInputPath));
  CheckOutputKeepsClearOfInputs(out_dir, config.set_dir, read_paths);
  OutputFolder output(out_dir);  // locked; reports go to output.staging() until Commit
  AuditSummary summary;
  summary.summary = WriteAuditOutputs(result, out_dir, output.staging(), &summary.xml_replaced);
  size_t written = 0;
  for (const auto& entry : fs::recursive_directory_iterator(output.staging())) written += entry.is_regular_file();
  output.Commit();
  timer.Finish("report");
  if (stage_done) stage_done("write", std::to_string(written) + " files");
  summary.name = result.manifest.name;
  summary.exit_code = result.exit_code;
  for (const RuleCount& count : CountFindings(result.findings)) summary.counts[count.rule] = count.n;
  for (size_t k = 0; k < result.comparisons.size(); ++k) {
    const align::Comparison& c = *result.comparisons[k];
    summary.coverage.push_back({result.manifest.mt[k], c.en_rendered, static_cast<int>(c.official.en.size())});
  }
  summary.html_reports.push_back("report.html");
  return summary;
}

}  // namespace bitext::pipeline
