#include "html_report.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <string_view>

#include "checks.h"
#include "unicode.h"
#include "xml_escape.h"

namespace bitext {
namespace {

enum Side { kZhSide = 0, kEnSide = 1, kMtSide = 2 };

constexpr std::array<Severity, 3> kSeverities = {Severity::kError, Severity::kWarning, Severity::kInfo};

// Line spans of one file's paragraphs, sorted, to find the row and side a
// line belongs to in O(log n) (thousands of rows and findings).
struct SpanRef {
  int first = 0;
  int last = 0;
  int row = 0;
  Side side = kZhSide;
};

class LineIndex {
 public:
  void Add(const Paragraph& p, int row, Side side) {
    // Pieces first: a rejoined paragraph's outer span covers lines of the
    // other language between its pieces.
    for (const LineSpan& piece : p.pieces) pieces_.push_back({piece.first, piece.last, row, side});
    const LineSpan all = p.lines();
    outer_.push_back({all.first, all.last, row, side});
  }
  void Sort() {
    auto by_first = [](const SpanRef& a, const SpanRef& b) { return a.first < b.first; };
    std::stable_sort(pieces_.begin(), pieces_.end(), by_first);
    std::stable_sort(outer_.begin(), outer_.end(), by_first);
  }
  const SpanRef* Find(int line) const {
    if (const SpanRef* s = FindIn(pieces_, line)) return s;
    return FindIn(outer_, line);
  }

 private:
  static const SpanRef* FindIn(const std::vector<SpanRef>& spans, int line) {
    auto it = std::upper_bound(spans.begin(), spans.end(), line,
                               [](int l, const SpanRef& s) { return l < s.first; });
    // Spans of one file rarely overlap, but outer spans can: look back a
    // few for one that still reaches the line.
    for (int steps = 0; it != spans.begin() && steps < 8; ++steps) {
      --it;
      if (it->last >= line) return &*it;
    }
    return nullptr;
  }
  std::vector<SpanRef> pieces_, outer_;
};

std::string LineRange(const std::vector<const Paragraph*>& side) {
  const int first = side.front()->lines().first;
  const int last = side.back()->lines().last;
  return first == last ? "line " + std::to_string(first)
                       : "lines " + std::to_string(first) + "\u2013" + std::to_string(last);
}

// The heading that makes a row a heading row: official English first (the
// outline a reviewer navigates by), then Chinese, then MT.
const Paragraph* RowHeading(const align::ComparisonRow& row) {
  for (const auto* side : {&row.en, &row.zh, &row.mt}) {
    for (const Paragraph* p : *side) {
      if (p->kind == Kind::kHeading) return p;
    }
  }
  return nullptr;
}

int HeadingLevel(const Paragraph& p) {
  const int level = p.heading ? p.heading->level : 1;
  return std::clamp(level, 1, 6);
}

std::string WhereText(const Finding& f) {
  if (f.locations.empty()) return "(no location)";
  return f.locations.front().file + ":" + std::to_string(f.locations.front().line);
}

void AppendBadge(std::string& out, const Finding& f) {
  const std::string sev = SeverityName(f.severity);
  const std::string message = EscapeXml(f.message);
  // <details> keeps the message readable without the script; the title is
  // the quick look on hover.
  out += "<details class=\"finding sev-" + sev + "\"><summary class=\"badge\" title=\"" + message +
         "\">" + EscapeXml(f.rule) + " <small>" + sev + "</small></summary><div class=\"msg\">" +
         message + "</div></details>";
}

void AppendCell(std::string& out, const std::vector<const Paragraph*>& side, const char* lang,
                const std::vector<int>& found, const std::vector<Finding>& findings) {
  if (side.empty() && found.empty()) {
    out += "<td class=\"empty\">\u2014</td>";
    return;
  }
  out += "<td lang=\"";
  out += lang;
  out += "\">";
  if (!side.empty()) {
    out += "<span class=\"ln\">" + LineRange(side) + "</span>";
    for (const Paragraph* p : side) out += "<div class=\"p\">" + EscapeXml(p->text) + "</div>";
  }
  for (int i : found) AppendBadge(out, findings[static_cast<size_t>(i)]);
  out += "</td>";
}

constexpr const char* kStyle = R"(
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1b1b1b;background:#fff;display:flex;align-items:flex-start}
nav{position:sticky;top:0;flex:0 0 16rem;max-height:100vh;overflow:auto;padding:.75rem;border-right:1px solid #ddd;background:#fafafa;font-size:13px}
nav h2{font-size:14px;margin:.25rem 0 .5rem}
nav ol{list-style:none;margin:0;padding:0}
nav li{margin:.15rem 0}
nav a{color:#0b4f8a;text-decoration:none}
nav a:hover{text-decoration:underline}
.lvl-2{padding-left:1em}.lvl-3{padding-left:2em}.lvl-4{padding-left:3em}.lvl-5{padding-left:4em}.lvl-6{padding-left:5em}
main{flex:1;min-width:0;padding:.75rem 1rem}
h1{font-size:20px;margin:.25rem 0}
h2{font-size:16px}
.paths{color:#555;margin:.25rem 0 1rem}
code{font-size:12px;word-break:break-all}
.filters{border:1px solid #ddd;padding:.25rem .75rem;margin:.5rem 0}
.filters label{margin-right:1rem}
table{border-collapse:collapse}
.counts td,.counts th{border:1px solid #ddd;padding:.15rem .5rem;text-align:right}
.counts td:first-child,.counts th:first-child{text-align:left}
.flist{padding-left:1.5rem;margin:.5rem 0 1.5rem}
.flist li{margin:.1rem 0}
.sev{display:inline-block;min-width:4.5em;font-weight:600}
.rows{width:100%;table-layout:fixed}
.rows th,.rows td{border:1px solid #ddd;padding:.3rem .45rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
.rows thead th{background:#eee}
.rows col.meta{width:6.5rem}
td.meta{font-size:12px;color:#555}
.ln{display:block;font-size:11px;color:#888}
.p+.p{margin-top:.3rem}
td.empty{color:#bbb;text-align:center}
tr.hd td{background:#eef1f6;font-weight:700}
tr.has-f td{background:#fff8e1}
tr.hd.has-f td{background:#f3ecd6}
.bar{display:block;height:5px;background:#e4e4e4;margin:.2rem 0;width:100%}
.bar span{display:block;height:100%;background:#4a8f4a}
.diverge{display:inline-block;margin-top:.2rem;padding:0 .3rem;border-radius:3px;background:#6a1b9a;color:#fff;font-size:11px}
details.finding{margin-top:.3rem;font-weight:400}
.badge{display:inline-block;cursor:pointer;padding:0 .35rem;border-radius:3px;color:#fff;font-size:12px}
.msg{font-size:12px;padding:.2rem .3rem;border-left:3px solid #ccc;margin-top:.15rem}
.sev-error .badge{background:#c62828}.sev-warning .badge{background:#b26a00}.sev-info .badge{background:#1565c0}
.flist .sev-error .sev{color:#c62828}.flist .sev-warning .sev{color:#b26a00}.flist .sev-info .sev{color:#1565c0}
.hide-error .sev-error,.hide-warning .sev-warning,.hide-info .sev-info{display:none}
@media print{
nav,.filters{display:none}
body{display:block;font-size:11px}
main{padding:0}
tr{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
tr.hd td,tr.has-f td,.badge,.bar span,.diverge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)";

// One listener for the whole page (no per-row scripts): the filter toggles
// a class on <body> and CSS hides the matching list entries and badges.
// The filter stays hidden without the script, where it could do nothing.
constexpr const char* kScript = R"(
(function(){
var f=document.querySelector('.filters');
if(f){f.hidden=false;f.addEventListener('change',function(e){var s=e.target.getAttribute('data-sev');if(s)document.body.classList.toggle('hide-'+s,!e.target.checked);});}
window.addEventListener('beforeprint',function(){var d=document.querySelectorAll('details.finding');for(var i=0;i<d.length;i++)d[i].open=true;});
})();
)";

}  // namespace

std::string RenderHtml(const align::Comparison& comparison, const std::vector<Finding>& findings,
                       const std::string& official_path, const std::string& mt_path,
                       const std::string& title) {
  const std::vector<align::ComparisonRow>& rows = comparison.rows;

  LineIndex official_index, mt_index;
  for (size_t r = 0; r < rows.size(); ++r) {
    const int row = static_cast<int>(r);
    for (const Paragraph* p : rows[r].zh) official_index.Add(*p, row, kZhSide);
    for (const Paragraph* p : rows[r].en) official_index.Add(*p, row, kEnSide);
    for (const Paragraph* p : rows[r].mt) mt_index.Add(*p, row, kMtSide);
  }
  official_index.Sort();
  mt_index.Sort();

  // Place each finding: its row (-1 for none) and the cell it is shown in.
  std::vector<int> finding_row(findings.size(), -1);
  std::vector<std::array<std::vector<int>, 3>> placed(rows.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].locations.empty()) continue;
    const Location& where = findings[i].locations.front();
    const SpanRef* span = nullptr;
    if (where.file == official_path) span = official_index.Find(where.line);
    if (!span && where.file == mt_path) span = mt_index.Find(where.line);
    if (!span) continue;
    finding_row[i] = span->row;
    placed[static_cast<size_t>(span->row)][span->side].push_back(static_cast<int>(i));
  }

  std::string out;
  out.reserve(4096 + rows.size() * 900 + findings.size() * 400);
  const std::string escaped_title = EscapeXml(title);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += escaped_title;
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";

  // Outline of the heading rows.
  out += "<nav aria-label=\"Outline\"><h2>Outline</h2><ol>\n";
  bool any_heading = false;
  for (size_t r = 0; r < rows.size(); ++r) {
    const Paragraph* heading = RowHeading(rows[r]);
    if (!heading) continue;
    any_heading = true;
    out += "<li class=\"lvl-" + std::to_string(HeadingLevel(*heading)) + "\"><a href=\"#row-" +
           std::to_string(r + 1) + "\">" + EscapeXml(ClipText(heading->text, 60)) + "</a></li>\n";
  }
  if (!any_heading) out += "<li>(no headings)</li>\n";
  out += "</ol></nav>\n<main>\n<header><h1>" + escaped_title + "</h1><p class=\"paths\">Official: <code>" +
         EscapeXml(official_path) + "</code> &middot; MT: <code>" + EscapeXml(mt_path) + "</code> &middot; " +
         std::to_string(rows.size()) + " rows</p></header>\n";

  // Findings: counts per rule and severity, then every finding.
  std::map<std::string, std::array<int, 3>> counts;
  std::array<int, 3> totals{};
  for (const Finding& f : findings) {
    const size_t s = f.severity == Severity::kError ? 0 : f.severity == Severity::kWarning ? 1 : 2;
    ++counts[f.rule][s];
    ++totals[s];
  }
  out += "<section id=\"findings\"><h2>Findings (" + std::to_string(findings.size()) + ")</h2>\n";
  if (!findings.empty()) {
    out += "<fieldset class=\"filters\" hidden><legend>Show severities</legend>";
    for (size_t s = 0; s < kSeverities.size(); ++s) {
      const std::string sev = SeverityName(kSeverities[s]);
      out += "<label><input type=\"checkbox\" data-sev=\"" + sev + "\" checked> " + sev + " (" +
             std::to_string(totals[s]) + ")</label>";
    }
    out += "</fieldset>\n<table class=\"counts\"><thead><tr><th>Rule</th><th>error</th><th>warning</th>"
           "<th>info</th><th>total</th></tr></thead><tbody>\n";
    // Catalogue order, then any rule outside the catalogue.
    std::vector<std::string> order;
    for (const RuleInfo& rule : Rules()) {
      if (counts.count(rule.id)) order.push_back(rule.id);
    }
    for (const auto& [rule, n] : counts) {
      if (!FindRule(rule)) order.push_back(rule);
    }
    for (const std::string& rule : order) {
      const std::array<int, 3>& n = counts[rule];
      const RuleInfo* info = FindRule(rule);
      out += "<tr><td><code";
      if (info) out += " title=\"" + EscapeXml(info->description) + "\"";
      out += ">" + EscapeXml(rule) + "</code></td>";
      for (int c : n) out += "<td>" + std::to_string(c) + "</td>";
      out += "<td>" + std::to_string(n[0] + n[1] + n[2]) + "</td></tr>\n";
    }
    out += "</tbody></table>\n<ol class=\"flist\">\n";
    for (size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = findings[i];
      const std::string sev = SeverityName(f.severity);
      out += "<li class=\"sev-" + sev + "\"><span class=\"sev\">" + sev + "</span> <code>" +
             EscapeXml(f.rule) + "</code> ";
      if (finding_row[i] >= 0) {
        out += "<a href=\"#row-" + std::to_string(finding_row[i] + 1) + "\">" + EscapeXml(WhereText(f)) + "</a>";
      } else {
        out += EscapeXml(WhereText(f));
      }
      out += " " + EscapeXml(f.message) + "</li>\n";
    }
    out += "</ol>\n";
  }
  out += "</section>\n";

  // The three-way rows: plain table markup, fixed layout, so 10,000 rows
  // lay out in one pass.
  out += "<table class=\"rows\"><colgroup><col class=\"meta\"><col><col><col></colgroup>\n"
         "<thead><tr><th>Row</th><th>Chinese</th><th>Official English</th><th>MT English</th></tr></thead>\n"
         "<tbody>\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    const align::ComparisonRow& row = rows[r];
    const auto& here = placed[r];
    const Paragraph* heading = RowHeading(row);
    const bool has_findings = !here[0].empty() || !here[1].empty() || !here[2].empty();
    out += "<tr id=\"row-" + std::to_string(r + 1) + "\"";
    if (heading || has_findings) {
      out += " class=\"";
      if (heading) out += "hd";
      if (heading && has_findings) out += ' ';
      if (has_findings) out += "has-f";
      out += '"';
    }
    out += "><td class=\"meta\">" + std::to_string(r + 1);
    if (row.similarity >= 0) {
      const double percent = std::clamp(100 * row.similarity, 0.0, 100.0);
      char buffer[96];
      std::snprintf(buffer, sizeof buffer,
                    "<span class=\"bar\" title=\"similarity %.1f\"><span style=\"width:%.0f%%\"></span></span>%.1f",
                    percent, percent, percent);
      out += buffer;
    }
    if (!row.routes_agree) out += "<br><span class=\"diverge\" title=\"the direct Chinese-MT alignment differs\">routes disagree</span>";
    if (row.reordered) out += "<br><span class=\"diverge\" title=\"the MT gives this paragraph out of the official order\">out of order</span>";
    out += "</td>";
    AppendCell(out, row.zh, "zh", here[kZhSide], findings);
    AppendCell(out, row.en, "en", here[kEnSide], findings);
    AppendCell(out, row.mt, "en", here[kMtSide], findings);
    out += "</tr>\n";
  }
  out += "</tbody></table>\n</main>\n<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace bitext
