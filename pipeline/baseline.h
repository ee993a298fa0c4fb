// Baselines: the fingerprints of findings a team has accepted, so that CI
// fails only on new ones, as linters do.
#ifndef BITEXT_PIPELINE_BASELINE_H_
#define BITEXT_PIPELINE_BASELINE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "finding.h"

namespace bitext::pipeline {

// Records the fingerprints of `findings` in `write_path` (JSON, atomically)
// when it is given, then drops the findings whose fingerprint `baseline_path`
// lists. Returns how many were dropped.
size_t ApplyBaseline(std::vector<Finding>& findings, const std::string& baseline_path, const std::string& write_path);

}  // namespace bitext::pipeline

#endif  // BITEXT_PIPELINE_BASELINE_H_
