#include "baseline.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "atomic_file.h"
#include "decode.h"
#include "error.h"

namespace bitext::pipeline {

size_t ApplyBaseline(std::vector<Finding>& findings, const std::string& baseline_path, const std::string& write_path) {
  if (!write_path.empty()) {
    nlohmann::json out = {{"fingerprints", nlohmann::json::array()}};
    for (const Finding& f : findings) out["fingerprints"].push_back(f.fingerprint);
    WriteFileAtomically(write_path, out.dump(2) + "\n");
  }
  if (baseline_path.empty()) return 0;
  std::set<std::string> accepted;
  try {
    const nlohmann::json in = nlohmann::json::parse(ReadText(baseline_path, Utf8Only()).text);
    for (const auto& f : in.at("fingerprints")) accepted.insert(f.get<std::string>());
  } catch (const nlohmann::json::exception& e) {
    throw InputError({baseline_path}, std::string("not a baseline file: ") + e.what());
  }
  const size_t before = findings.size();
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const Finding& f) { return accepted.count(f.fingerprint) > 0; }),
                 findings.end());
  return before - findings.size();
}

}  // namespace bitext::pipeline
