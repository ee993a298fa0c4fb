#include "finding_json.h"

namespace bitext {

nlohmann::json EvidenceToJson(const Evidence& evidence) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : evidence) {
    out[name] = value.Visit([](const auto& v) { return nlohmann::json(v); });
  }
  return out;
}

nlohmann::json FindingToJson(const Finding& f) {
  nlohmann::json locations = nlohmann::json::array();
  for (const Location& l : f.locations) {
    locations.push_back(
        {{"file", l.file}, {"line", l.line}, {"column", l.column}, {"end_line", l.end_line ? l.end_line : l.line}});
  }
  return {{"rule", f.rule},
          {"severity", SeverityName(f.severity)},
          {"message", f.message},
          {"locations", locations},
          {"evidence", EvidenceToJson(f.evidence)},
          {"fingerprint", f.fingerprint}};
}

}  // namespace bitext
