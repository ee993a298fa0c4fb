#include "finding_json.h"

#include <string>
#include <string_view>
#include <type_traits>

namespace bitext {
namespace {

// A JSON string as nlohmann's dump() writes it. Printable ASCII without a
// quote or backslash is written as it is; anything else goes through
// dump(), which escapes it and rejects ill-formed UTF-8.
void WriteString(std::ostream& out, std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x80 || c == '"' || c == '\\') {
      out << nlohmann::json(std::string(text)).dump();
      return;
    }
  }
  out << '"' << text << '"';
}

// A line break and the indentation of a member `depth` spaces in.
void NewLine(std::ostream& out, int depth) {
  out << '\n';
  for (int k = 0; k < depth; ++k) out << ' ';
}

void WriteEvidenceValue(std::ostream& out, const EvidenceValue& value, int depth) {
  value.Visit([&](const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (std::is_same_v<T, std::string>) {
      WriteString(out, v);
    } else if constexpr (std::is_same_v<T, long long>) {
      out << v;
    } else if constexpr (std::is_same_v<T, EvidenceValue::Texts>) {
      if (v.empty()) {
        out << "[]";
        return;
      }
      out << '[';
      for (size_t k = 0; k < v.size(); ++k) {
        out << (k == 0 ? "" : ",");
        NewLine(out, depth + 2);
        WriteString(out, v[k]);
      }
      NewLine(out, depth);
      out << ']';
    } else {  // a double or counts by text: rare, and laid out as dump() does
      WriteIndented(out, nlohmann::json(v), depth);
    }
  });
}

}  // namespace

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

void WriteFindingJson(std::ostream& out, const Finding& f, int depth) {
  // The members in the order of their names, as the tree holds them.
  const int member = depth + 2;
  out << '{';
  NewLine(out, member);
  out << "\"evidence\": ";
  if (f.evidence.empty()) {
    out << "{}";
  } else {
    out << '{';
    bool first = true;
    for (const auto& [name, value] : f.evidence) {  // sorted by name
      out << (first ? "" : ",");
      first = false;
      NewLine(out, member + 2);
      WriteString(out, name);
      out << ": ";
      WriteEvidenceValue(out, value, member + 2);
    }
    NewLine(out, member);
    out << '}';
  }
  out << ',';
  NewLine(out, member);
  out << "\"fingerprint\": ";
  WriteString(out, f.fingerprint);
  out << ',';
  NewLine(out, member);
  out << "\"locations\": ";
  if (f.locations.empty()) {
    out << "[]";
  } else {
    out << '[';
    for (size_t k = 0; k < f.locations.size(); ++k) {
      const Location& l = f.locations[k];
      const int field = member + 4;
      out << (k == 0 ? "" : ",");
      NewLine(out, member + 2);
      out << '{';
      NewLine(out, field);
      out << "\"column\": " << l.column << ',';
      NewLine(out, field);
      out << "\"end_line\": " << (l.end_line ? l.end_line : l.line) << ',';
      NewLine(out, field);
      out << "\"file\": ";
      WriteString(out, l.file);
      out << ',';
      NewLine(out, field);
      out << "\"line\": " << l.line;
      NewLine(out, member + 2);
      out << '}';
    }
    NewLine(out, member);
    out << ']';
  }
  out << ',';
  NewLine(out, member);
  out << "\"message\": ";
  WriteString(out, f.message);
  out << ',';
  NewLine(out, member);
  out << "\"rule\": ";
  WriteString(out, f.rule);
  out << ',';
  NewLine(out, member);
  out << "\"severity\": ";
  WriteString(out, SeverityName(f.severity));
  NewLine(out, depth);
  out << '}';
}

}  // namespace bitext
