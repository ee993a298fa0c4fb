#include "html_report.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "checks.h"
#include "html_cells.h"
#include "html_page_assets.h"
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

// Below this Chinese-English bead confidence a row is marked for review.
// Confidences are calibrated probabilities (align/confidence.h): below 0.7
// three pairings in ten or more are wrong, and on MAC-Dev the beads below it
// were right 0.57 of the time, those above 0.92.
constexpr double kLowConfidence = 0.7;

// Rows per table of the view (see AppendRows).
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
    // other language between its pieces. A paragraph of one piece is its
    // outer span.
    if (p.rejoined()) {
      for (const LineSpan& piece : p.pieces) pieces_.push_back({piece.first, piece.last, row, column});
    }
    const LineSpan all = p.lines();
    outer_.push_back({all.first, all.last, row, column});
  }
  void Sort() {
    // No two paragraphs of a file start on one line, so a plain sort is
    // as good as a stable one, and needs no copy of the list.
    auto by_first = [](const SpanRef& a, const SpanRef& b) { return std::tie(a.first, a.row) < std::tie(b.first, b.row); };
    std::sort(pieces_.begin(), pieces_.end(), by_first);
    std::sort(outer_.begin(), outer_.end(), by_first);
  }
  const SpanRef* Find(int line) const {
    if (const SpanRef* s = FindIn(pieces_, line)) return s;
    return FindIn(outer_, line);
  }

 private:
  static const SpanRef* FindIn(const std::vector<SpanRef>& spans, int line) {
    auto it = std::upper_bound(spans.begin(), spans.end(), line, [](int l, const SpanRef& s) { return l < s.first; });
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

// The official heading that makes a row a heading row and an entry of the
// outline: official English first, then Chinese. An MT's headings make
// neither: the outline is the official document's.
const Paragraph* RowHeading(const ViewRow& row) {
  for (const auto* side : {&row.en, &row.zh}) {
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

// The MT column's heading: its file's name when there are several.
std::string MtHeading(const std::vector<MtVersion>& versions, size_t k) {
  if (versions.size() == 1) return "MT English";
  const std::string& path = versions[k].path;
  const size_t slash = path.find_last_of('/');
  return "MT: " + EscapeXml(slash == std::string::npos ? path : path.substr(slash + 1));
}

// Where each finding is shown: its row (-1 for none), and the findings of
// the cells in one list, by row, then column, then the findings' order: a
// page of many rows keeps no list for each cell, most of them empty.
struct FindingPlacement {
  struct Placed {
    int row;
    int column;
    const Finding* finding;
  };
  std::vector<int> row;
  std::vector<Placed> placed;
};

// The span of `where` among the indexed paragraphs of its file, or null.
const SpanRef* FindSpan(const Location& where, const OfficialPaths& paths, const std::vector<MtVersion>& versions,
                        const LineIndex& zh_index, const LineIndex& en_index, const std::vector<LineIndex>& mt_index) {
  const SpanRef* span = nullptr;
  if (where.file == paths.zh) span = zh_index.Find(where.line);
  if (!span && where.file == paths.en) span = en_index.Find(where.line);
  for (size_t k = 0; !span && k < versions.size(); ++k) {
    if (where.file == versions[k].path) span = mt_index[k].Find(where.line);
  }
  return span;
}

FindingPlacement PlaceFindings(const ViewRows& rows, const std::vector<MtVersion>& versions,
                               const std::vector<Finding>& findings, const OfficialPaths& paths) {
  LineIndex zh_index, en_index;
  std::vector<LineIndex> mt_index(versions.size());
  rows.ForEach([&](const ViewRow& view_row, size_t r) {
    const int row = static_cast<int>(r);
    for (const Paragraph* p : view_row.zh) zh_index.Add(*p, row, kZhColumn);
    for (const Paragraph* p : view_row.en) en_index.Add(*p, row, kEnColumn);
    for (size_t k = 0; k < versions.size(); ++k) {
      for (const Paragraph* p : view_row.mt[k].paragraphs)
        mt_index[k].Add(*p, row, kFirstMtColumn + static_cast<int>(k));
    }
  });
  zh_index.Sort();
  en_index.Sort();
  for (LineIndex& index : mt_index) index.Sort();

  FindingPlacement placement;
  placement.row.assign(findings.size(), -1);
  placement.placed.reserve(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].locations.empty()) continue;
    const SpanRef* span = FindSpan(findings[i].locations.front(), paths, versions, zh_index, en_index, mt_index);
    if (!span) continue;
    placement.row[i] = span->row;
    placement.placed.push_back({span->row, span->column, &findings[i]});
  }
  std::stable_sort(placement.placed.begin(), placement.placed.end(),
                   [](const auto& a, const auto& b) { return std::tie(a.row, a.column) < std::tie(b.row, b.column); });
  return placement;
}

// The page is built in a string and handed to the stream 64 KB at a time:
// a long document's page is larger than the document itself.
constexpr size_t kFlushBytes = 64 * 1024;

void FlushIfFull(std::string& out, std::ostream& stream) {
  if (out.size() < kFlushBytes) return;
  stream << out;
  out.clear();
}

// The outline of the official headings: a sidebar, or a box above the rows
// on a narrow screen.
void AppendOutline(std::string& out, const ViewRows& rows) {
  out += "<nav aria-label=\"Outline\"><details open><summary>Outline</summary><ol>\n";
  bool any_heading = false;
  rows.ForEach([&](const ViewRow& row, size_t r) {
    const Paragraph* heading = RowHeading(row);
    if (!heading) return;
    any_heading = true;
    out += "<li class=\"lvl-" + std::to_string(HeadingLevel(*heading)) + "\"><a href=\"#row-" + std::to_string(r + 1) +
           "\">" + EscapeXml(ClipText(heading->text, 60)) + "</a></li>\n";
  });
  if (!any_heading) out += "<li>(no headings)</li>\n";
  out += "</ol></details></nav>\n";
}

void AppendHeader(std::string& out, size_t row_count, const std::vector<MtVersion>& versions,
                  const OfficialPaths& paths, const std::string& escaped_title) {
  out += "<header><h1>" + escaped_title + "</h1><p class=\"paths\">Official: <code>" + EscapeXml(paths.zh) + "</code>";
  if (paths.en != paths.zh) out += ", <code>" + EscapeXml(paths.en) + "</code>";
  out += " &middot; MT: ";
  if (versions.empty()) out += "none";
  for (size_t k = 0; k < versions.size(); ++k) {
    out += (k ? ", <code>" : "<code>") + EscapeXml(versions[k].path) + "</code>";
  }
  out += " &middot; " + std::to_string(row_count) + " rows</p></header>\n";
}

// Findings per severity, in kSeverities' order.
std::array<int, 3> SeverityTotals(const std::vector<RuleCount>& counts) {
  std::array<int, 3> totals{};
  for (const RuleCount& count : counts) {
    for (size_t s = 0; s < kSeverities.size(); ++s) totals[s] += count.n[static_cast<int>(kSeverities[s])];
  }
  return totals;
}

// The severity boxes and the rule menu, shown by the script.
void AppendFilters(std::string& out, const std::vector<RuleCount>& counts) {
  const std::array<int, 3> totals = SeverityTotals(counts);
  out += "<fieldset class=\"filters\" hidden><legend>Show</legend>";
  for (size_t s = 0; s < kSeverities.size(); ++s) {
    const std::string sev = SeverityName(kSeverities[s]);
    out += "<label><input type=\"checkbox\" data-sev=\"" + sev + "\" checked> " + sev + " (" +
           std::to_string(totals[s]) + ")</label>";
  }
  out += "<label>rule<select name=\"rule\"><option value=\"\">all rules</option>";
  for (const RuleCount& count : counts) out += "<option>" + EscapeXml(count.rule) + "</option>";
  out += "</select></label></fieldset>\n";
}

// The table of counts per rule and severity.
void AppendCounts(std::string& out, const std::vector<RuleCount>& counts) {
  out +=
      "<table class=\"counts\"><thead><tr><th>Rule</th><th>error</th><th>warning</th>"
      "<th>info</th><th>total</th></tr></thead><tbody>\n";
  for (const RuleCount& count : counts) {
    const Rule* info = FindRule(count.rule);
    out += "<tr><td><code";
    if (info) out += " title=\"" + EscapeXml(info->description) + "\"";
    out += ">" + EscapeXml(count.rule) + "</code></td>";
    for (Severity severity : kSeverities) out += "<td>" + std::to_string(count.n[static_cast<int>(severity)]) + "</td>";
    out += "<td>" + std::to_string(count.n[0] + count.n[1] + count.n[2]) + "</td></tr>\n";
  }
  out += "</tbody></table>\n";
}

// Every finding, each linked to its row when it has one.
void AppendFindingList(std::string& out, std::ostream& stream, const std::vector<Finding>& findings,
                       const std::vector<int>& finding_row) {
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

// The findings, collapsed to one line above the rows: their number per
// severity; opened, the counts per rule and the list.
void AppendFindingsSummary(std::string& out, std::ostream& stream, const std::vector<Finding>& findings,
                           const std::vector<RuleCount>& counts, const std::vector<int>& finding_row) {
  out += "<details id=\"findings\" class=\"findings\"><summary>Findings (" + std::to_string(findings.size()) + ")";
  const std::array<int, 3> totals = SeverityTotals(counts);
  constexpr std::array<const char*, 3> kNouns = {" error", " warning", " note"};  // as the summary names them
  for (size_t s = 0; s < kSeverities.size(); ++s) {
    out += std::string(s ? ", " : ": ") + "<span class=\"n-" + SeverityName(kSeverities[s]) + "\">" +
           std::to_string(totals[s]) + kNouns[s] + (totals[s] == 1 ? "" : "s") + "</span>";
  }
  out += "</summary>\n";
  AppendCounts(out, counts);
  AppendFindingList(out, stream, findings, finding_row);
  out += "</details>\n";
}

void AppendLegendItem(std::string& out, const std::string& sample, const char* meaning) {
  out += "<li>" + sample + " " + meaning + "</li>\n";
}

// What the row colours, marks, badges, bars and tags mean.
void AppendLegend(std::string& out, bool with_mt) {
  out += "<details class=\"legend\"><summary>Legend</summary><ul>\n";
  AppendLegendItem(out, "<span class=\"sw hd\">Heading</span>", "a heading of the official text (an outline entry)");
  AppendLegendItem(out, "<span class=\"sw has-f\">Row</span>", "a row with findings");
  AppendLegendItem(out, "<span class=\"sw target\">Row</span>", "the row a link led to");
  std::string badges;
  for (Severity severity : kSeverities) {
    const std::string sev = SeverityName(severity);
    badges += "<span class=\"sev-" + sev + "\"><span class=\"badge\">rule <small>" + sev + "</small></span></span> ";
  }
  AppendLegendItem(out, badges, "a finding of that severity: click for its message");
  AppendLegendItem(out, "<mark class=\"sev-warning\">text</mark>",
                   "the text a finding names (for repetition-loop, the repeated run)");
  AppendLegendItem(out, "<span class=\"lowconf\">low confidence</span>",
                   "the Chinese-English pairing of the row is uncertain (confidence below 0.7: "
                   "three such pairings in ten or more are wrong)");
  if (with_mt) {
    std::string bars;
    AppendBar(bars, 0.8);
    AppendBar(bars, 0.2);
    AppendLegendItem(out, bars, "chrF of the MT cell against the official English (0-100), red below 35");
    AppendLegendItem(out, "<span class=\"diverge\">routes disagree</span>",
                     "the direct Chinese-MT alignment pairs this MT text differently");
    AppendLegendItem(out, "<span class=\"diverge\">out of order</span>",
                     "the MT gives this text out of the official order");
    for (const UnmatchedReason& reason : kUnmatchedReasons) {
      AppendLegendItem(out, "<span class=\"tag\">" + std::string(reason.tag) + "</span>", reason.meaning);
    }
  }
  out += "</ul></details>\n";
}

// One row of the side-by-side table; `here` holds the findings of each of its cells.
void AppendRow(std::string& out, const ViewRow& row, size_t r, const std::vector<std::vector<const Finding*>>& here,
               size_t mt_count) {
  const bool heading = RowHeading(row) != nullptr;
  const bool has_findings = std::any_of(here.begin(), here.end(), [](const auto& v) { return !v.empty(); });
  out += "<tr id=\"row-" + std::to_string(r + 1) + "\"";
  if (heading || has_findings) {
    out += " class=\"";
    out += heading && has_findings ? "hd has-f" : heading ? "hd" : "has-f";
    out += '"';
  }
  out += "><td class=\"meta\">" + std::to_string(r + 1) + "</td>";
  AppendCell(out, row.zh, "zh", here[kZhColumn], nullptr, false);
  AppendCell(out, row.en, "en", here[kEnColumn], nullptr, row.confidence < kLowConfidence);
  for (size_t k = 0; k < mt_count; ++k) {
    AppendCell(out, row.mt[k].paragraphs, "en", here[kFirstMtColumn + k], &row.mt[k], false);
  }
  out += "</tr>\n";
}

// The rows: plain table markup in fixed layout, in tables of
// kRowsPerChunk rows whose layout and paint the browser skips while they
// are off screen (content-visibility), so 10,000 rows load like a few
// hundred. The same column widths keep the tables aligned.
void AppendRows(std::string& out, std::ostream& stream, const ViewRows& rows,
                const std::vector<MtVersion>& versions, const FindingPlacement& placement) {
  const size_t columns = kFirstMtColumn + versions.size();
  std::string colgroup = "<colgroup><col class=\"meta\">";
  for (size_t c = 0; c < columns; ++c) colgroup += "<col>";
  colgroup += "</colgroup>\n";
  // The column headings are a table of their own that stays in view.
  out += "<div class=\"rows-view\">\n<table class=\"rows heads\">" + colgroup +
         "<thead><tr><th>Row</th><th>Chinese</th><th>Official English</th>";
  for (size_t k = 0; k < versions.size(); ++k) out += "<th>" + MtHeading(versions, k) + "</th>";
  out += "</tr></thead></table>\n";
  std::vector<std::vector<const Finding*>> here(columns);  // the row's findings, per column
  size_t next = 0;                                         // the first placed finding of a later row
  rows.ForEach([&](const ViewRow& row, size_t r) {
    if (r % kRowsPerChunk == 0) {
      if (r > 0) out += "</tbody></table></div>\n";
      out += "<div class=\"chunk\"><table class=\"rows\">" + colgroup + "<tbody>\n";
    }
    for (std::vector<const Finding*>& cell : here) cell.clear();
    for (; next < placement.placed.size() && placement.placed[next].row == static_cast<int>(r); ++next) {
      here[static_cast<size_t>(placement.placed[next].column)].push_back(placement.placed[next].finding);
    }
    AppendRow(out, row, r, here, versions.size());
    FlushIfFull(out, stream);
  });
  if (!rows.empty()) out += "</tbody></table></div>\n";
  out += "</div>\n";
}

// Above the rows, one line each until opened: the filters, the findings
// and the legend.
void AppendTop(std::string& out, std::ostream& stream, const std::vector<Finding>& findings,
               const std::vector<int>& finding_row, bool with_mt) {
  out += "<div class=\"top\">\n";
  const std::vector<RuleCount> counts = CountFindings(findings);
  if (findings.empty()) {
    out += "<p id=\"findings\">No findings.</p>\n";
  } else {
    AppendFindingsSummary(out, stream, findings, counts, finding_row);
  }
  AppendLegend(out, with_mt);
  if (!findings.empty()) AppendFilters(out, counts);
  out += "</div>\n";
}

}  // namespace

void WriteHtml(std::ostream& stream, const align::DocumentAlignment& official, const std::vector<MtVersion>& versions,
               const std::vector<Finding>& findings, const OfficialPaths& paths, const std::string& title) {
  std::vector<const align::Comparison*> comparisons;
  for (const MtVersion& v : versions) comparisons.push_back(v.comparison);
  const ViewRows rows = BuildViewRows(official, comparisons);
  const FindingPlacement placement = PlaceFindings(rows, versions, findings, paths);

  std::string out;
  out.reserve(kFlushBytes + 64 * 1024);
  const std::string escaped_title = EscapeXml(title);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escaped_title + "</title>\n<style>" + kHtmlStyle + "</style>\n</head>\n<body>\n";
  AppendOutline(out, rows);
  out += "<main>\n";
  AppendHeader(out, rows.size(), versions, paths, escaped_title);
  AppendTop(out, stream, findings, placement.row, !versions.empty());
  AppendRows(out, stream, rows, versions, placement);
  out += "</main>\n<script>" + std::string(kHtmlScript) + "</script>\n</body>\n</html>\n";
  stream << out;
}

}  // namespace bitext
