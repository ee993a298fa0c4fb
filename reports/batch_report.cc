#include "batch_report.h"

#include <algorithm>
#include <vector>

#include "checks.h"
#include "markdown_report.h"
#include "xml_escape.h"

namespace bitext {
namespace {

using nlohmann::json;

constexpr const char* kSeverities[] = {"error", "warning", "info"};

// "23/25" per MT, as much of the official English as each MT renders.
std::string Coverage(const json& set) {
  std::string out;
  for (const json& mt : set["coverage"]) {
    if (!out.empty()) out += ", ";
    out += std::to_string(mt["rendered"].get<int>()) + "/" + std::to_string(mt["paragraphs"].get<int>());
  }
  return out;
}

}  // namespace

std::string DescribeBatchTotals(const json& summary) {
  const json& t = summary["totals"];
  return std::to_string(t["sets"].get<int>()) + " document sets: " + std::to_string(t["pass"].get<int>()) + " pass, " +
         std::to_string(t["fail"].get<int>()) + " fail, " + std::to_string(t["error"].get<int>()) +
         " input errors; findings: " + std::to_string(t["counts"]["error"].get<int>()) + " errors, " +
         std::to_string(t["counts"]["warning"].get<int>()) + " warnings, " +
         std::to_string(t["counts"]["info"].get<int>()) + " info";
}

std::vector<std::string> DescribeXmlReplacements(const json& summary) {
  std::vector<std::string> notes;
  const json replaced = summary.value("xml_replaced", json::object());
  for (const auto& [output, count] : replaced.items()) {
    notes.push_back(
        output + ": " + std::to_string(count.get<size_t>()) +
        " character(s) XML cannot hold (C0 controls, U+FFFE, U+FFFF, ill-formed UTF-8) replaced with U+FFFD");
  }
  return notes;
}

namespace {

// Rules with findings, in catalogue order, then any others by name.
std::vector<std::string> RuleOrder(const json& rules) {
  std::vector<std::string> order;
  for (const Rule& rule : Rules()) {
    if (rules.contains(rule.id)) order.push_back(rule.id);
  }
  for (const auto& [rule, counts] : rules.items()) {
    if (FindRule(rule) == nullptr) order.push_back(rule);
  }
  return order;
}

constexpr const char* kStyle = R"(
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3;cursor:pointer}td.n{text-align:right}
tr.fail td:nth-child(3){color:#b00;font-weight:600}tr.error td:nth-child(3){color:#fff;background:#b00}
tr.pass td:nth-child(3){color:#060}
@media print{input{display:none}}
)";

// Sorts by the clicked column (numbers by value) and filters rows by text.
constexpr const char* kScript = R"(
const table=document.getElementById('sets'),body=table.tBodies[0],filter=document.getElementById('filter');
filter.hidden=false;
filter.addEventListener('input',()=>{const q=filter.value.toLowerCase();
 for(const r of body.rows)r.hidden=q!==''&&!r.textContent.toLowerCase().includes(q);});
table.tHead.addEventListener('click',e=>{const th=e.target.closest('th');if(!th)return;
 const i=th.cellIndex,down=th.dataset.dir!=='down';th.dataset.dir=down?'down':'up';
 const key=r=>{const t=r.cells[i].textContent;const n=parseFloat(t);return isNaN(n)?t:n;};
 const rows=[...body.rows].sort((a,b)=>{const x=key(a),y=key(b);
  const c=typeof x==='number'&&typeof y==='number'?x-y:String(x).localeCompare(String(y));return down?-c:c;});
 for(const r of rows)body.appendChild(r);});
)";

}  // namespace

std::string RenderBatchIndex(const json& summary) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>bitext batch</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<h1>bitext batch</h1>\n<p>" + EscapeXml(DescribeBatchTotals(summary)) + "</p>\n";
  out += "<p><input id=\"filter\" type=\"search\" placeholder=\"filter sets\" hidden></p>\n";
  out +=
      "<table id=\"sets\">\n<thead><tr><th>Set</th><th>Folder</th><th>Status</th><th>Errors</th><th>Warnings</th>"
      "<th>Info</th><th>Coverage</th><th>Reports</th><th>Input error</th></tr></thead>\n<tbody>\n";
  for (const json& set : summary["sets"]) {
    const std::string status = set["status"].get<std::string>();
    // The folder tells apart sets whose manifests give the same name.
    out += "<tr class=\"" + EscapeXml(status) + "\"><td title=\"" + EscapeXml(set["path"].get<std::string>()) + "\">" +
           EscapeXml(set["name"].get<std::string>()) + "</td><td>" + EscapeXml(set["dir"].get<std::string>()) +
           "</td><td>" + EscapeXml(status) + "</td>";
    for (const char* severity : kSeverities) {
      out += "<td class=\"n\">" + std::to_string(set["counts"][severity].get<int>()) + "</td>";
    }
    out += "<td>" + EscapeXml(Coverage(set)) + "</td><td>";
    for (const json& page : set["reports"]) {
      const std::string href = set["dir"].get<std::string>() + "/" + page.get<std::string>();
      out += "<a href=\"" + EscapeXml(href) + "\">" + EscapeXml(page.get<std::string>()) + "</a> ";
    }
    out += "</td><td>" + EscapeXml(set["error"].is_string() ? set["error"].get<std::string>() : "") + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

std::string RenderBatchMarkdown(const json& summary, size_t worst) {
  std::string out = "# bitext batch\n\n" + EscapeMarkdown(DescribeBatchTotals(summary)) + "\n";
  for (const std::string& note : DescribeXmlReplacements(summary)) out += "\nNote: " + EscapeMarkdown(note) + "\n";
  const json& rules = summary["totals"]["rules"];
  if (!rules.empty()) {
    out += "\n| Rule | Errors | Warnings | Info |\n|---|---:|---:|---:|\n";
    for (const std::string& rule : RuleOrder(rules)) {
      out += "| " + EscapeMarkdown(rule);
      for (const char* severity : kSeverities) out += " | " + std::to_string(rules[rule][severity].get<int>());
      out += " |\n";
    }
  }
  std::vector<const json*> failed, ranked;
  for (const json& set : summary["sets"]) {
    (set["status"] == "error" ? failed : ranked).push_back(&set);
  }
  if (!failed.empty()) {
    out += "\n## Input errors (" + std::to_string(failed.size()) + ")\n\n";
    for (const json* set : failed) {
      out += "- **" + EscapeMarkdown((*set)["dir"].get<std::string>()) + "** " +
             EscapeMarkdown((*set)["error"].get<std::string>()) + "\n";
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const json* a, const json* b) {
    return (*a)["counts"]["error"].get<int>() > (*b)["counts"]["error"].get<int>();
  });
  const size_t shown = std::min(worst, ranked.size());
  if (shown == 0) return out;
  out += "\n## Sets with the most errors (" + std::to_string(shown) + " of " + std::to_string(ranked.size()) +
         ")\n\n| Set | Folder | Status | Errors | Warnings | Info | Coverage |\n|---|---|---|---:|---:|---:|---|\n";
  for (size_t i = 0; i < shown; ++i) {
    const json& set = *ranked[i];
    out += "| " + EscapeMarkdown(set["name"].get<std::string>()) + " | " +
           EscapeMarkdown(set["dir"].get<std::string>()) + " | " + set["status"].get<std::string>();
    for (const char* severity : kSeverities) out += " | " + std::to_string(set["counts"][severity].get<int>());
    out += " | " + Coverage(set) + " |\n";
  }
  return out;
}

}  // namespace bitext
