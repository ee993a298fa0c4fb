// The audit of one document set as a function: `bitext audit` runs it once,
// `bitext batch` runs it on many sets in worker threads with one lexicon
// shared read-only between them.
#ifndef BITEXT_SRC_AUDIT_SET_H_
#define BITEXT_SRC_AUDIT_SET_H_

#include <array>
#include <boost/program_options.hpp>
#include <map>
#include <string>
#include <vector>

#include "document.h"
#include "finding.h"
#include "lexicon.h"

namespace bitext::cli {

// The options of one set's audit; a set's bitext.ini may hold them too.
struct AuditOptions {
  DocumentOptions document;
  std::string fail_on = "error";
  Severity threshold = Severity::kError;
  std::vector<std::string> disabled, severities;
  std::string glossary;
  std::string baseline, write_baseline;
  bool timings = false;  // print the seconds of each stage to stderr
};

// --config, --fail-on, --encoding, --lenient, the rule options and the
// baseline options.
void AddAuditOptions(boost::program_options::options_description& options, AuditOptions* audit);

// Checks the values AddAuditOptions stored (UsageError) and sets `threshold`.
void FinishAuditOptions(AuditOptions* audit);

// --config FILE when given, else SET_DIR/bitext.ini ("" when there is no set).
std::string AuditConfigFile(const boost::program_options::variables_map& vm, const std::string& set_dir);

// Parses audit options from `args` (no positional argument) with the set's
// bitext.ini, as `bitext audit SET_DIR args...` would.
AuditOptions ParseAuditOptions(const std::vector<std::string>& args, const std::string& set_dir);

// How much of the official English an MT renders.
struct MtCoverage {
  std::string path;
  int rendered = 0;
  int paragraphs = 0;
};

struct AuditResult {
  std::string name;  // the manifest's name
  int exit_code = 0;
  // Findings per rule, indexed by Severity's value: info, warning, error.
  std::map<std::string, std::array<int, 3>> counts;
  std::vector<MtCoverage> coverage;        // one per MT, in manifest order
  std::vector<std::string> html_reports;   // file names of the side-by-side pages
  std::string summary;                     // the text of summary.txt
};

// Reads the set in `set_dir`, writes every report into `out_dir` (atomically)
// and returns what a batch summary needs. `lexicon` may be null; it is only
// read. Throws InputError for a bad set.
AuditResult AuditDocumentSet(const AuditOptions& options, const std::string& set_dir,
                             const std::string& out_dir, const align::Lexicon* lexicon);

}  // namespace bitext::cli

#endif  // BITEXT_SRC_AUDIT_SET_H_
