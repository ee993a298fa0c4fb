#include "sarif_report.h"

#include <cctype>
#include <cstddef>
#include <cstring>
#include <map>
#include <sstream>

#include "checks.h"
#include "finding_json.h"
#include "json_output.h"
#include "json_writer.h"

namespace bitext {
namespace {

using nlohmann::json;

// SARIF has no "info" level; "note" is its lowest.
const char* SarifLevel(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "note";
}

// artifactLocation.uri must be a URI reference: a path's bytes outside
// RFC 3986's path characters (spaces, non-ASCII, '%', '#', '?') are
// percent-encoded.
std::string PathUri(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || (c != '\0' && std::strchr("-._~!$&'()*+,;=:@/", c) != nullptr)) {
      uri += c;
    } else {
      uri += '%';
      uri += kHex[byte >> 4];
      uri += kHex[byte & 15];
    }
  }
  return uri;
}

// A location as SARIF has it, with `id` for a related one (ids are unique
// within a result; -1: none).
void WriteSarifLocation(JsonWriter& writer, const Location& l, long long id) {
  writer.BeginObject();
  if (id >= 0) writer.Key("id").Number(id);
  writer.Key("physicalLocation").BeginObject().Key("artifactLocation").BeginObject().Key("uri").String(PathUri(l.file));
  writer.EndObject();
  // SARIF requires startLine >= 1; a finding about a whole file has no region.
  if (l.line > 0) {
    writer.Key("region")
        .BeginObject()
        .Key("endLine")
        .Number(l.end_line >= l.line ? l.end_line : l.line)
        .Key("startColumn")
        .Number(l.column > 0 ? l.column : 1)
        .Key("startLine")
        .Number(l.line)
        .EndObject();
  }
  writer.EndObject().EndObject();
}

// One result; members in the order of their names, as a JSON tree holds them.
void WriteSarifResult(JsonWriter& writer, const Finding& f, const std::map<std::string, size_t>& rule_index) {
  writer.BeginObject().Key("level").String(SarifLevel(f.severity)).Key("locations").BeginArray();
  if (!f.locations.empty()) WriteSarifLocation(writer, f.locations.front(), -1);
  writer.EndArray();
  writer.Key("message").BeginObject().Key("text").String(f.message).EndObject();
  // An empty fingerprint would make every such result match every other
  // in a baseline, so it is left out rather than sent.
  if (!f.fingerprint.empty()) {
    writer.Key("partialFingerprints").BeginObject().Key("bitext/v1").String(f.fingerprint).EndObject();
  }
  if (!f.evidence.empty()) {
    writer.Key("properties").BeginObject().Key("evidence");
    WriteEvidenceJson(writer, f.evidence);
    writer.EndObject();
  }
  if (f.locations.size() > 1) {
    writer.Key("relatedLocations").BeginArray();
    for (size_t i = 1; i < f.locations.size(); ++i)
      WriteSarifLocation(writer, f.locations[i], static_cast<long long>(i));
    writer.EndArray();
  }
  writer.Key("ruleId").String(f.rule);
  // ruleIndex must point into rules[]; a rule outside the catalogue gets none.
  if (auto it = rule_index.find(f.rule); it != rule_index.end()) {
    writer.Key("ruleIndex").Number(static_cast<long long>(it->second));
  }
  writer.EndObject();
}

}  // namespace

void WriteSarif(std::ostream& out, const std::vector<Finding>& findings, const std::string& tool_version) {
  json rules = json::array();
  std::map<std::string, size_t> rule_index;
  for (const Rule& rule : Rules()) {
    rule_index.emplace(rule.id, rules.size());
    rules.push_back({{"id", rule.id},
                     {"name", rule.id},
                     {"shortDescription", {{"text", rule.description}}},
                     {"fullDescription", {{"text", rule.rationale}}},
                     {"help", {{"text", std::string(rule.description) + ". " + rule.rationale}}},
                     {"defaultConfiguration", {{"level", SarifLevel(rule.severity)}}}});
  }
  json driver = {{"name", "bitext"}, {"version", tool_version}, {"rules", std::move(rules)}};
  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"columnKind", "unicodeCodePoints"}};  // Location::column counts code points
  // The log's one run, results rendered as they are written. Replace, not
  // throw, on invalid UTF-8 in document text: a report with a U+FFFD beats
  // no report.
  out << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [\n    ";
  const JsonLayout layout{4, json::error_handler_t::replace};
  WriteObjectWithArrays(out, run,
                        {{"results", findings.size(),
                          [&](std::ostream& o, size_t k, int depth) {
                            JsonWriter result(o, depth, layout.invalid_utf8);
                            WriteSarifResult(result, findings[k], rule_index);
                          }}},
                        layout);
  out << "\n  ],\n  \"version\": \"2.1.0\"\n}\n";
}

std::string RenderSarif(const std::vector<Finding>& findings, const std::string& tool_version) {
  std::ostringstream out;
  WriteSarif(out, findings, tool_version);
  return out.str();
}

std::string MergeSarif(const std::vector<SarifPart>& parts, const std::string& tool_version) {
  json merged = json::parse(RenderSarif({}, tool_version));
  json notifications = json::array();
  // Results are appended as compact text one set at a time: a batch's log
  // can hold millions, too many to build as one JSON tree.
  std::string results;
  for (const SarifPart& part : parts) {
    if (!part.error.empty()) {
      notifications.push_back({{"level", "error"}, {"message", {{"text", part.set + ": " + part.error}}}});
      continue;
    }
    json log = json::parse(part.sarif);
    for (json& run : log.at("runs")) {
      for (json& result : run.at("results")) {
        result["properties"]["documentSet"] = part.set;
        if (!results.empty()) results += ",";
        results += result.dump(-1, ' ', false, json::error_handler_t::replace);
      }
    }
  }
  json& run = merged["runs"][0];
  json invocation = {{"executionSuccessful", notifications.empty()}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  run["invocations"] = json::array({std::move(invocation)});
  std::string text = merged.dump(-1, ' ', false, json::error_handler_t::replace);
  // Inside strings quotes are escaped, so this is the run's empty results.
  const std::string empty = "\"results\":[]";
  text.replace(text.find(empty), empty.size(), "\"results\":[" + results + "]");
  return text + "\n";
}

}  // namespace bitext
