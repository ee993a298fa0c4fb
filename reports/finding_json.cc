#include "finding_json.h"

#include <string>
#include <string_view>
#include <type_traits>

namespace bitext {

void WriteEvidenceJson(JsonWriter& json, const Evidence& evidence) {
  json.BeginObject();
  for (const auto& [name, value] : evidence) {  // sorted by name
    json.Key(name);
    value.Visit([&](const auto& v) {
      using T = std::decay_t<decltype(v)>;
      if constexpr (std::is_same_v<T, std::string>) {
        json.String(v);
      } else if constexpr (std::is_same_v<T, long long>) {
        json.Number(v);
      } else if constexpr (std::is_same_v<T, EvidenceValue::Texts>) {
        json.BeginArray();
        for (const std::string& text : v) json.String(text);
        json.EndArray();
      } else {  // a double or counts by text: rare, and printed as their tree
        json.Value(nlohmann::json(v));
      }
    });
  }
  json.EndObject();
}

void WriteFindingJson(std::ostream& out, const Finding& f, int depth) {
  JsonWriter json(out, depth);
  // The members in the order of their names, as the tree holds them.
  json.BeginObject().Key("evidence");
  WriteEvidenceJson(json, f.evidence);
  json.Key("fingerprint").String(f.fingerprint).Key("locations").BeginArray();
  for (const Location& l : f.locations) {
    json.BeginObject()
        .Key("column")
        .Number(l.column)
        .Key("end_line")
        .Number(l.end_line ? l.end_line : l.line)
        .Key("file")
        .String(l.file)
        .Key("line")
        .Number(l.line)
        .EndObject();
  }
  json.EndArray();
  json.Key("message").String(f.message).Key("rule").String(f.rule).Key("severity").String(SeverityName(f.severity));
  json.EndObject();
}

}  // namespace bitext
