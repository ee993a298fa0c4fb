// A batch's summary.json and the merged reports built from it. `bitext
// batch` and `bitext merge` both end in WriteBatchReports, so merging the
// shards of a batch gives what the unsharded batch gives.
#ifndef BITEXT_PIPELINE_BATCH_SUMMARY_H_
#define BITEXT_PIPELINE_BATCH_SUMMARY_H_

#include <nlohmann/json.hpp>
#include <string>

#include "audit.h"
#include "batch_sets.h"
#include "folder_lock.h"

namespace bitext::pipeline {

// Version of summary.json's layout (README.md, "bitext batch").
inline constexpr int kBatchSchemaVersion = 1;

// Makes `out_dir` and locks it while a batch or a merge (`command`) writes
// into it: a second one into the same folder (or an audit) fails at once,
// exit 2, and leaves what the first writes alone.
FolderLock LockBatchOutput(const std::string& out_dir, const std::string& command);

// One set's entry: its audit's result, or the input error that stopped it.
nlohmann::json SetSummary(const BatchSet& set, const AuditSummary& result, const std::string& error, double seconds);

// Adds the totals and the exit code to `summary` (whose "sets" are in batch
// order) and writes summary.json, summary.md, index.html, report.sarif and
// junit.xml into `out_dir`, atomically; each set's own reports are read from
// out_dir/<its dir>. Returns the exit code: the worst of the sets' (2 when
// any set had an input error, else 1 when any had findings at --fail-on).
int WriteBatchReports(const std::string& out_dir, nlohmann::json& summary);

// The totals and where the reports are, on stdout.
void PrintBatchTotals(const nlohmann::json& summary, const std::string& out_dir);

}  // namespace bitext::pipeline

#endif  // BITEXT_PIPELINE_BATCH_SUMMARY_H_
