// The audit of one document set as a library: RunAudit reads the set and
// runs every stage in memory, WriteAuditOutputs renders the result into a
// folder. `bitext audit` runs them once, `bitext batch` on many sets in
// worker threads with one lexicon shared read-only between them.
//
//   AuditConfig config;
//   config.set_dir = "corpus/whitepaper-2021";
//   // or: config.files = ManifestOfFiles({.zh = "zh.txt", .en = "en.txt", .mt = {"mt.txt"}});
//   AuditResult result = RunAudit(config, lexicon);
//   std::cout << WriteAuditOutputs(result, "out");
#ifndef BITEXT_PIPELINE_AUDIT_H_
#define BITEXT_PIPELINE_AUDIT_H_

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks.h"
#include "comparison.h"
#include "document.h"
#include "finding.h"
#include "lexicon.h"
#include "manifest.h"
#include "tmx_report.h"

namespace bitext::pipeline {

// Everything that decides one set's audit. The CLI fills it from the command
// line and the set's bitext.ini; a program may fill it directly.
struct AuditConfig {
  // The set's folder (holding its manifest), or its manifest file.
  std::string set_dir;
  // Or the set named file by file (ManifestOfFiles), in place of set_dir.
  std::optional<Manifest> files;
  // How every input is decoded (encoding, lenient) and modelled.
  DocumentOptions document;
  // Rules turned off, severity overrides and thresholds. Its `glossary` is
  // ignored: RunAudit points it at the glossary named below.
  CheckConfig checks;
  // Terminology TSV for the terminology rule; empty: the manifest's, if any.
  std::string glossary;
  // A baseline file: findings whose fingerprints it lists are dropped.
  std::string baseline;
  // Where to record the fingerprints of the findings (before the baseline
  // drops any); empty: nowhere.
  std::string write_baseline;
  // A finding at or above this severity makes the exit code kExitFindings.
  Severity fail_on = Severity::kError;
  // Print the seconds each stage took to stderr, one line.
  bool timings = false;
  // Start aligned.tsv with a UTF-8 byte order mark, for spreadsheets.
  bool tsv_bom = true;
  // Threads for the set's independent work: reading the input files, the
  // official and the MT alignments, each comparison's steps, the checks of
  // each document and comparison, and the report files. The outputs do not
  // depend on it.
  unsigned jobs = 1;
};

// One input file of the set, as read.
struct AuditInput {
  std::string role;  // "official bilingual", "official zh", "mt", ...
  std::string path;
  size_t bytes = 0;      // size on disk
  std::string checksum;  // FNV-1a 64 of the bytes, in hex
};

// What one set's audit found, in memory, before anything is written. It
// moves but does not copy: pointers into `docs` move along with its nodes.
struct AuditResult {
  Manifest manifest;
  std::vector<AuditInput> inputs;         // official, MTs, titles: manifest order
  std::map<std::string, Document> docs;   // by path
  const Document* official_zh = nullptr;  // in `docs`; the same document as
  const Document* official_en = nullptr;  // official_zh for a bilingual file
  align::DocumentAlignment official;      // the official Chinese-English alignment
  std::vector<AlignedPair> pairs;         // its sentence beads, as a translation memory
  // One per MT, in manifest order (pointers: a comparison points into docs).
  std::vector<std::unique_ptr<align::Comparison>> comparisons;
  std::vector<Finding> findings;        // finished, sorted, baseline applied
  size_t accepted = 0;                  // findings the baseline dropped
  Severity fail_on = Severity::kError;  // the config's: JUnit fails at it
  bool tsv_bom = true;                  // the config's
  unsigned jobs = 1;                    // the config's: threads for the reports
  int exit_code = 0;                    // kExitOk or kExitFindings
};

// Called after each stage with its name ("ingest", "align", "compare",
// "check", and "write" in AuditDocumentSet) and what it did, counted in its
// units: "3 files, 1.2 MB", "25 paragraph beads, 58 sentence beads", ...
using StageDone = std::function<void(const char* stage, const std::string& units)>;

// Reads the set, aligns its official text, compares each MT with it and runs
// the checks. `lexicon` may be null; it is only read. Throws InputError for a
// bad set.
AuditResult RunAudit(const AuditConfig& config, const align::Lexicon* lexicon, const StageDone& stage_done = {});

// Writes every report of `result` into `out_dir` (which must exist), each
// file atomically, and returns the text of summary.txt.
// `write_dir`, when given, is where the files go (a staging folder swapped in
// for `out_dir` afterwards); the summary names them as they stand in out_dir.
// `xml_replaced`, when given, gets the characters XML cannot hold that each
// XML or HTML output replaced with U+FFFD (outputs with none left out).
std::string WriteAuditOutputs(const AuditResult& result, const std::string& out_dir, const std::string& write_dir = "",
                              std::map<std::string, size_t>* xml_replaced = nullptr);

// How much of the official English an MT renders.
struct MtCoverage {
  std::string path;
  int rendered = 0;
  int paragraphs = 0;
};

// What a batch keeps of one set's audit.
struct AuditSummary {
  std::string name;  // the manifest's name
  int exit_code = 0;
  // Findings per rule, indexed by Severity's value: info, warning, error.
  std::map<std::string, std::array<int, 3>> counts;
  std::vector<MtCoverage> coverage;            // one per MT, in manifest order
  std::vector<std::string> html_reports;       // file names of the side-by-side pages
  std::map<std::string, size_t> xml_replaced;  // characters XML cannot hold, per output that had some
  std::string summary;                         // the text of summary.txt
};

// Creates `out_dir` (before the work, so an unwritable folder fails first),
// runs the audit, writes its reports and returns what a batch summary needs.
AuditSummary AuditDocumentSet(const AuditConfig& config, const std::string& out_dir, const align::Lexicon* lexicon,
                              const StageDone& stage_done = {});

}  // namespace bitext::pipeline

#endif  // BITEXT_PIPELINE_AUDIT_H_
