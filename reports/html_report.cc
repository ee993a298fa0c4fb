#include "html_report.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <string_view>

#include "checks.h"
#include "html_rows.h"
#include "unicode.h"
#include "xml_escape.h"

namespace bitext {
namespace {

// Columns of a row: Chinese, official English, then one per MT version.
constexpr int kZhColumn = 0;
constexpr int kEnColumn = 1;
constexpr int kFirstMtColumn = 2;

constexpr std::array<Severity, 3> kSeverities = {Severity::kError, Severity::kWarning, Severity::kInfo};

// Below these a row is marked for review: the Chinese-English bead
// confidence (0.5 is a poor length match with little lexical overlap) and
// the MT's chrF against the official English (low-similarity's ceiling).
constexpr double kLowConfidence = 0.5;
constexpr double kLowSimilarity = 0.35;

// Rows per table of the view (see RenderHtml).
constexpr size_t kRowsPerChunk = 100;

// Line spans of one file's paragraphs, sorted, to find the row and side a
// line belongs to in O(log n) (thousands of rows and findings).
struct SpanRef {
  int first = 0;
  int last = 0;
  int row = 0;
  int column = kZhColumn;
};

class LineIndex {
 public:
  void Add(const Paragraph& p, int row, int column) {
    // Pieces first: a rejoined paragraph's outer span covers lines of the
    // other language between its pieces.
    for (const LineSpan& piece : p.pieces) pieces_.push_back({piece.first, piece.last, row, column});
    const LineSpan all = p.lines();
    outer_.push_back({all.first, all.last, row, column});
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

// A row of nothing but paragraphs of duplicate copies: its headings are
// not sections of the document.
bool IsDuplicateOnly(const ViewRow& row) {
  if (!row.zh.empty() || !row.en.empty()) return false;
  return std::all_of(row.mt.begin(), row.mt.end(), [](const ViewCell& cell) {
    return cell.paragraphs.empty() || cell.unmatched == kDuplicateCopy;
  });
}

// The heading that makes a row a heading row: official English first (the
// outline a reviewer navigates by), then Chinese, then the MT versions.
const Paragraph* RowHeading(const ViewRow& row) {
  std::vector<const std::vector<const Paragraph*>*> sides = {&row.en, &row.zh};
  for (const ViewCell& cell : row.mt) sides.push_back(&cell.paragraphs);
  for (const auto* side : sides) {
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
  out += "<details class=\"finding sev-" + sev + "\" data-rule=\"" + EscapeXml(f.rule) +
         "\"><summary class=\"badge\" title=\"" + message + "\">" + EscapeXml(f.rule) + " <small>" + sev +
         "</small></summary><div class=\"msg\">" + message + "</div></details>";
}

// The text a finding is about, when it names it: its evidence's phrase or
// text, else the first quoted passage of its message.
std::string FlaggedText(const Finding& f) {
  for (const char* key : {"phrase", "text"}) {
    if (f.evidence.is_object() && f.evidence.contains(key) && f.evidence[key].is_string()) {
      return f.evidence[key].get<std::string>();
    }
  }
  const size_t open = f.message.find('"');
  const size_t close = open == std::string::npos ? open : f.message.find('"', open + 1);
  if (close == std::string::npos) return {};
  std::string_view quoted(f.message.data() + open + 1, close - open - 1);
  constexpr std::string_view kEllipsis = "\u2026";
  // A clipped quote names the paragraph, not a passage in it.
  if (quoted.starts_with(kEllipsis) || quoted.ends_with(kEllipsis)) return {};
  return std::string(quoted);
}

// Byte offset of code point `column` (1-based) in `text`.
size_t ColumnOffset(std::string_view text, int column) {
  size_t at = 0;
  for (int seen = 1; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;  // inside a code point
    if (seen++ == column) break;
  }
  return at;
}

bool OnParagraph(const Paragraph& p, int line) {
  for (const LineSpan& piece : p.pieces) {
    if (line >= piece.first && line <= piece.last) return true;
  }
  return false;
}

struct Mark {
  size_t begin = 0, end = 0;
  const Finding* finding = nullptr;
};

// Where each finding on the paragraph names its text: the occurrence
// nearest the finding's column (exact for a one-line paragraph).
std::vector<Mark> Marks(const Paragraph& p, const std::vector<const Finding*>& on_cell) {
  std::vector<Mark> marks;
  for (const Finding* f : on_cell) {
    const Location& where = f->locations.front();
    if (!OnParagraph(p, where.line)) continue;
    const std::string flagged = FlaggedText(*f);
    if (flagged.empty()) continue;
    const size_t near = where.line == p.lines().first ? ColumnOffset(p.text, where.column) : 0;
    size_t best = std::string::npos;
    auto distance = [&](size_t at) { return at > near ? at - near : near - at; };
    for (size_t at = p.text.find(flagged); at != std::string::npos; at = p.text.find(flagged, at + 1)) {
      if (best == std::string::npos || distance(at) < distance(best)) best = at;
    }
    if (best != std::string::npos) marks.push_back({best, best + flagged.size(), f});
  }
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.begin < b.begin; });
  return marks;
}

void AppendParagraph(std::string& out, const Paragraph& p, const std::vector<const Finding*>& on_cell) {
  out += "<div class=\"p\">";
  size_t done = 0;
  for (const Mark& m : Marks(p, on_cell)) {
    if (m.begin < done) continue;  // overlaps a mark already made
    out += EscapeXml(std::string_view(p.text).substr(done, m.begin - done));
    out += "<mark class=\"sev-" + std::string(SeverityName(m.finding->severity)) + "\" title=\"" +
           EscapeXml(m.finding->rule) + ": " + EscapeXml(m.finding->message) + "\">" +
           EscapeXml(std::string_view(p.text).substr(m.begin, m.end - m.begin)) + "</mark>";
    done = m.end;
  }
  out += EscapeXml(std::string_view(p.text).substr(done)) + "</div>";
}

void AppendBar(std::string& out, double similarity) {
  const double percent = std::clamp(100 * similarity, 0.0, 100.0);
  char buffer[160];
  std::snprintf(buffer, sizeof buffer,
                "<span class=\"sim%s\" title=\"chrF against the official English\"><span class=\"bar\">"
                "<span style=\"width:%.0f%%\"></span></span>chrF %.1f</span>",
                similarity < kLowSimilarity ? " low" : "", percent, percent);
  out += buffer;
}

void AppendCell(std::string& out, const std::vector<const Paragraph*>& side, const char* lang,
                const std::vector<int>& found, const std::vector<Finding>& findings,
                const ViewCell* mt) {
  if (side.empty() && found.empty()) {
    out += "<td class=\"empty\">\u2014</td>";
    return;
  }
  std::vector<const Finding*> on_cell;
  for (int i : found) on_cell.push_back(&findings[static_cast<size_t>(i)]);
  out += "<td lang=\"";
  out += lang;
  out += "\">";
  if (!side.empty()) {
    out += "<span class=\"ln\">" + LineRange(side) + "</span>";
    if (mt && mt->unmatched) out += "<span class=\"tag\">" + std::string(mt->unmatched) + "</span>";
    if (mt && mt->similarity >= 0) AppendBar(out, mt->similarity);
    if (mt && !mt->routes_agree) {
      out += "<span class=\"diverge\" title=\"the direct Chinese-MT alignment differs\">routes disagree</span>";
    }
    if (mt && mt->reordered) {
      out += "<span class=\"diverge\" title=\"the MT gives this paragraph out of the official order\">out of order</span>";
    }
    for (const Paragraph* p : side) AppendParagraph(out, *p, on_cell);
  }
  for (const Finding* f : on_cell) AppendBadge(out, *f);
  out += "</td>";
}

// The MT column's heading: its file's name when there are several.
std::string MtHeading(const std::vector<MtVersion>& versions, size_t k) {
  if (versions.size() == 1) return "MT English";
  const std::string& path = versions[k].path;
  const size_t slash = path.find_last_of('/');
  return "MT: " + EscapeXml(slash == std::string::npos ? path : path.substr(slash + 1));
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
.filters select{margin-left:.5rem}
table{border-collapse:collapse}
.counts td,.counts th{border:1px solid #ddd;padding:.15rem .5rem;text-align:right}
.counts td:first-child,.counts th:first-child{text-align:left}
.flist{padding-left:1.5rem;margin:.5rem 0 1.5rem}
.flist li{margin:.1rem 0}
.sev{display:inline-block;min-width:4.5em;font-weight:600}
.rows{width:100%;table-layout:fixed}
.heads{position:sticky;top:0;z-index:1}
.chunk{content-visibility:auto;contain-intrinsic-size:auto 12000px}
.chunk tr:first-child td{border-top:0}
.rows th,.rows td{border:1px solid #ddd;padding:.3rem .45rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
.rows thead th{background:#eee}
.rows col.meta{width:6rem}
.rows tr{scroll-margin-top:3rem}
.rows tr:target td{box-shadow:inset 0 2px #0b4f8a,inset 0 -2px #0b4f8a}
td.meta{font-size:12px;color:#555}
.ln{display:block;font-size:11px;color:#888}
.p+.p{margin-top:.3rem}
td.empty{color:#bbb;text-align:center}
tr.hd td{background:#eef1f6;font-weight:700;font-size:15px;border-top:2px solid #9aa7bd}
tr.has-f td{background:#fff8e1}
tr.hd.has-f td{background:#f3ecd6}
.sim{display:block;font-size:11px;color:#555;font-weight:400}
.bar{display:inline-block;vertical-align:middle;height:5px;background:#e4e4e4;width:4rem;margin-right:.3rem}
.bar span{display:block;height:100%;background:#4a8f4a}
.sim.low .bar span{background:#c62828}
.diverge,.lowconf,.tag{display:inline-block;margin:.1rem .2rem .1rem 0;padding:0 .3rem;border-radius:3px;color:#fff;font-size:11px;font-weight:400}
.diverge{background:#6a1b9a}.lowconf{background:#8d6e63}.tag{background:#546e7a}
mark{background:none;border-bottom:2px solid;padding:0 1px}
mark.sev-error{background:#ffd7d7;border-color:#c62828}mark.sev-warning{background:#ffe9c2;border-color:#b26a00}mark.sev-info{background:#dbe9fb;border-color:#1565c0}
details.finding{margin-top:.3rem;font-weight:400}
.badge{display:inline-block;cursor:pointer;padding:0 .35rem;border-radius:3px;color:#fff;font-size:12px}
.msg{font-size:12px;padding:.2rem .3rem;border-left:3px solid #ccc;margin-top:.15rem}
.sev-error .badge{background:#c62828}.sev-warning .badge{background:#b26a00}.sev-info .badge{background:#1565c0}
.flist .sev-error .sev{color:#c62828}.flist .sev-warning .sev{color:#b26a00}.flist .sev-info .sev{color:#1565c0}
.hide-error .sev-error,.hide-warning .sev-warning,.hide-info .sev-info,.flist li[hidden],details.finding[hidden]{display:none}
@media print{
nav,.filters{display:none}
.chunk{content-visibility:visible}
.heads{position:static}
body{display:block;font-size:11px}
main{padding:0}
tr{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
tr.hd td,tr.has-f td,.badge,.bar span,.diverge,.lowconf,.tag,mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)";

// One listener for the whole page (no per-row scripts): a severity box
// toggles a class on <body> and CSS hides the matching list entries and
// badges; the rule menu hides the entries and badges of the other rules.
// The filters stay hidden without the script, where they could do nothing.
constexpr const char* kScript = R"(
(function(){
var f=document.querySelector('.filters');
if(f){f.hidden=false;f.addEventListener('change',function(e){
var s=e.target.getAttribute('data-sev');if(s)document.body.classList.toggle('hide-'+s,!e.target.checked);
if(e.target.name==='rule'){var r=e.target.value,all=document.querySelectorAll('[data-rule]');for(var i=0;i<all.length;i++)all[i].hidden=r!==''&&all[i].getAttribute('data-rule')!==r;}
});}
window.addEventListener('beforeprint',function(){var d=document.querySelectorAll('details.finding');for(var i=0;i<d.length;i++)d[i].open=true;});
})();
)";

// Where each finding is shown: its row (-1 for none) and, per row and
// column, the findings placed in that cell.
struct FindingPlacement {
  std::vector<int> row;
  std::vector<std::vector<std::vector<int>>> cells;
};

FindingPlacement PlaceFindings(const std::vector<ViewRow>& rows, const std::vector<MtVersion>& versions,
                               const std::vector<Finding>& findings, const std::string& official_path) {
  LineIndex official_index;
  std::vector<LineIndex> mt_index(versions.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    const int row = static_cast<int>(r);
    for (const Paragraph* p : rows[r].zh) official_index.Add(*p, row, kZhColumn);
    for (const Paragraph* p : rows[r].en) official_index.Add(*p, row, kEnColumn);
    for (size_t k = 0; k < versions.size(); ++k) {
      for (const Paragraph* p : rows[r].mt[k].paragraphs) mt_index[k].Add(*p, row, kFirstMtColumn + static_cast<int>(k));
    }
  }
  official_index.Sort();
  for (LineIndex& index : mt_index) index.Sort();

  const size_t columns = kFirstMtColumn + versions.size();
  FindingPlacement placement;
  placement.row.assign(findings.size(), -1);
  placement.cells.assign(rows.size(), std::vector<std::vector<int>>(columns));
  for (size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].locations.empty()) continue;
    const Location& where = findings[i].locations.front();
    const SpanRef* span = nullptr;
    if (where.file == official_path) span = official_index.Find(where.line);
    for (size_t k = 0; !span && k < versions.size(); ++k) {
      if (where.file == versions[k].path) span = mt_index[k].Find(where.line);
    }
    if (!span) continue;
    placement.row[i] = span->row;
    placement.cells[static_cast<size_t>(span->row)][static_cast<size_t>(span->column)].push_back(static_cast<int>(i));
  }
  return placement;
}

// The page is built in a string and handed to the stream a megabyte at a
// time: a long document's page is larger than the document itself.
constexpr size_t kFlushBytes = 1 << 20;

void FlushIfFull(std::string& out, std::ostream& stream) {
  if (out.size() < kFlushBytes) return;
  stream << out;
  out.clear();
}

// The outline of the heading rows and the page's header.
void AppendOutlineAndHeader(std::string& out, const std::vector<ViewRow>& rows, const std::vector<MtVersion>& versions,
                            const std::string& official_path, const std::string& escaped_title) {
  out += "<nav aria-label=\"Outline\"><h2>Outline</h2><ol>\n";
  bool any_heading = false;
  for (size_t r = 0; r < rows.size(); ++r) {
    const Paragraph* heading = RowHeading(rows[r]);
    if (!heading || IsDuplicateOnly(rows[r])) continue;
    any_heading = true;
    out += "<li class=\"lvl-" + std::to_string(HeadingLevel(*heading)) + "\"><a href=\"#row-" +
           std::to_string(r + 1) + "\">" + EscapeXml(ClipText(heading->text, 60)) + "</a></li>\n";
  }
  if (!any_heading) out += "<li>(no headings)</li>\n";
  out += "</ol></nav>\n<main>\n<header><h1>" + escaped_title + "</h1><p class=\"paths\">Official: <code>" +
         EscapeXml(official_path) + "</code> &middot; MT: ";
  for (size_t k = 0; k < versions.size(); ++k) {
    out += (k ? ", <code>" : "<code>") + EscapeXml(versions[k].path) + "</code>";
  }
  out += " &middot; " + std::to_string(rows.size()) + " rows</p></header>\n";
}

// The filters and the table of counts per rule and severity.
void AppendFiltersAndCounts(std::string& out, const std::vector<Finding>& findings) {
  const std::vector<RuleCount> counts = CountFindings(findings);
  std::array<int, 3> totals{};  // in kSeverities' order
  for (const RuleCount& count : counts) {
    for (size_t s = 0; s < kSeverities.size(); ++s) totals[s] += count.n[static_cast<int>(kSeverities[s])];
  }
  out += "<fieldset class=\"filters\" hidden><legend>Show</legend>";
  for (size_t s = 0; s < kSeverities.size(); ++s) {
    const std::string sev = SeverityName(kSeverities[s]);
    out += "<label><input type=\"checkbox\" data-sev=\"" + sev + "\" checked> " + sev + " (" +
           std::to_string(totals[s]) + ")</label>";
  }
  out += "<label>rule<select name=\"rule\"><option value=\"\">all rules</option>";
  for (const RuleCount& count : counts) {
    out += "<option>" + EscapeXml(count.rule) + "</option>";
  }
  out += "</select></label></fieldset>\n<table class=\"counts\"><thead><tr><th>Rule</th><th>error</th><th>warning</th>"
         "<th>info</th><th>total</th></tr></thead><tbody>\n";
  for (const RuleCount& count : counts) {
    const Rule* info = FindRule(count.rule);
    out += "<tr><td><code";
    if (info) out += " title=\"" + EscapeXml(info->description) + "\"";
    out += ">" + EscapeXml(count.rule) + "</code></td>";
    for (Severity severity : kSeverities) {
      out += "<td>" + std::to_string(count.n[static_cast<int>(severity)]) + "</td>";
    }
    out += "<td>" + std::to_string(count.n[0] + count.n[1] + count.n[2]) + "</td></tr>\n";
  }
  out += "</tbody></table>\n";
}

// Findings: counts per rule and severity, then every finding.
void AppendFindingsSection(std::string& out, std::ostream& stream, const std::vector<Finding>& findings,
                           const std::vector<int>& finding_row) {
  out += "<section id=\"findings\"><h2>Findings (" + std::to_string(findings.size()) + ")</h2>\n";
  if (!findings.empty()) {
    AppendFiltersAndCounts(out, findings);
    out += "<ol class=\"flist\">\n";
    for (size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = findings[i];
      const std::string sev = SeverityName(f.severity);
      out += "<li class=\"sev-" + sev + "\" data-rule=\"" + EscapeXml(f.rule) + "\"><span class=\"sev\">" + sev +
             "</span> <code>" + EscapeXml(f.rule) + "</code> ";
      if (finding_row[i] >= 0) {
        out += "<a href=\"#row-" + std::to_string(finding_row[i] + 1) + "\">" + EscapeXml(WhereText(f)) + "</a>";
      } else {
        out += EscapeXml(WhereText(f));
      }
      out += " " + EscapeXml(f.message) + "</li>\n";
      FlushIfFull(out, stream);
    }
    out += "</ol>\n";
  }
  out += "</section>\n";
}

// One row of the side-by-side table; `here` holds the findings of each of its cells.
void AppendRow(std::string& out, const ViewRow& row, size_t r, const std::vector<std::vector<int>>& here,
               const std::vector<Finding>& findings, size_t mt_count) {
  const Paragraph* heading = RowHeading(row);
  const bool has_findings = std::any_of(here.begin(), here.end(), [](const auto& v) { return !v.empty(); });
  out += "<tr id=\"row-" + std::to_string(r + 1) + "\"";
  if (heading || has_findings) {
    out += " class=\"";
    if (heading) out += "hd";
    if (heading && has_findings) out += ' ';
    if (has_findings) out += "has-f";
    out += '"';
  }
  out += "><td class=\"meta\">" + std::to_string(r + 1);
  if (row.confidence < kLowConfidence) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer,
                  "<br><span class=\"lowconf\" title=\"Chinese-English alignment confidence %.2f\">low confidence</span>",
                  row.confidence);
    out += buffer;
  }
  out += "</td>";
  AppendCell(out, row.zh, "zh", here[kZhColumn], findings, nullptr);
  AppendCell(out, row.en, "en", here[kEnColumn], findings, nullptr);
  for (size_t k = 0; k < mt_count; ++k) {
    AppendCell(out, row.mt[k].paragraphs, "en", here[kFirstMtColumn + k], findings, &row.mt[k]);
  }
  out += "</tr>\n";
}

// The rows: plain table markup in fixed layout, in tables of
// kRowsPerChunk rows whose layout and paint the browser skips while they
// are off screen (content-visibility), so 10,000 rows load like a few
// hundred. The same column widths keep the tables aligned.
void AppendRows(std::string& out, std::ostream& stream, const std::vector<ViewRow>& rows,
                const std::vector<MtVersion>& versions, const std::vector<Finding>& findings,
                const FindingPlacement& placement) {
  const size_t columns = kFirstMtColumn + versions.size();
  std::string colgroup = "<colgroup><col class=\"meta\">";
  for (size_t c = 0; c < columns; ++c) colgroup += "<col>";
  colgroup += "</colgroup>\n";
  // The column headings are a table of their own that stays in view.
  out += "<div class=\"rows-view\">\n<table class=\"rows heads\">" + colgroup +
         "<thead><tr><th>Row</th><th>Chinese</th><th>Official English</th>";
  for (size_t k = 0; k < versions.size(); ++k) out += "<th>" + MtHeading(versions, k) + "</th>";
  out += "</tr></thead></table>\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    if (r % kRowsPerChunk == 0) {
      if (r > 0) out += "</tbody></table></div>\n";
      out += "<div class=\"chunk\"><table class=\"rows\">" + colgroup + "<tbody>\n";
    }
    AppendRow(out, rows[r], r, placement.cells[r], findings, versions.size());
    FlushIfFull(out, stream);
  }
  if (!rows.empty()) out += "</tbody></table></div>\n";
  out += "</div>\n";
}

}  // namespace

void WriteHtml(std::ostream& stream, const std::vector<MtVersion>& versions, const std::vector<Finding>& findings,
               const std::string& official_path, const std::string& title) {
  std::vector<const align::Comparison*> comparisons;
  for (const MtVersion& v : versions) comparisons.push_back(v.comparison);
  const std::vector<ViewRow> rows = BuildViewRows(comparisons);
  const FindingPlacement placement = PlaceFindings(rows, versions, findings, official_path);

  std::string out;
  out.reserve(kFlushBytes + 64 * 1024);
  const std::string escaped_title = EscapeXml(title);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += escaped_title;
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  AppendOutlineAndHeader(out, rows, versions, official_path, escaped_title);
  AppendFindingsSection(out, stream, findings, placement.row);
  AppendRows(out, stream, rows, versions, findings, placement);
  out += "</main>\n<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  stream << out;
}

}  // namespace bitext
