// Checks a shard's summary.json before `bitext merge` uses any of it. A
// summary.json may come from another machine's shard, so nothing in it is
// trusted: folder and report names become paths and links in index.html.
#ifndef BITEXT_PIPELINE_SUMMARY_CHECK_H_
#define BITEXT_PIPELINE_SUMMARY_CHECK_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace bitext::pipeline {

// What is wrong with set entry `set` of a summary.json, or "" when its
// shape is the one SetSummary writes.
std::string CheckSetEntry(const nlohmann::json& set);

// The summary in `text` (read from `path`) when its shape is the one a
// batch writes; otherwise throws InputError naming `path` and the set entry.
nlohmann::json ParseBatchSummary(std::string_view text, const std::string& path);

}  // namespace bitext::pipeline

#endif  // BITEXT_PIPELINE_SUMMARY_CHECK_H_
