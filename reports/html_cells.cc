#include "html_cells.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string_view>

#include "loops.h"
#include "rules.h"
#include "xml_escape.h"

namespace bitext {
namespace {

std::string LineRange(const std::vector<const Paragraph*>& side) {
  const int first = side.front()->lines().first;
  const int last = side.back()->lines().last;
  return first == last ? "line " + std::to_string(first)
                       : "lines " + std::to_string(first) + "\u2013" + std::to_string(last);
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
    if (const std::string* text = f.evidence.Text(key)) return *text;
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

struct Span {
  size_t begin = 0, end = 0;
};

size_t Distance(size_t a, size_t b) { return a > b ? a - b : b - a; }

// The occurrence of `flagged` in `text` nearest byte `near`.
std::optional<Span> NearestOccurrence(const std::string& text, const std::string& flagged, size_t near) {
  if (flagged.empty()) return std::nullopt;
  std::optional<Span> best;
  for (size_t at = text.find(flagged); at != std::string::npos; at = text.find(flagged, at + 1)) {
    if (!best || Distance(at, near) < Distance(best->begin, near)) best = Span{at, at + flagged.size()};
  }
  return best;
}

// The run a repetition-loop finding names: its phrase (words folded as the
// rule reads them, so not found verbatim) `repeats` times in a row, the run
// nearest byte `near`.
std::optional<Span> LoopRun(const std::string& text, const Finding& f, size_t near) {
  const std::string* phrase_text = f.evidence.Text("phrase");
  const long long repeats = f.evidence.Integer("repeats", 0);
  if (!phrase_text || repeats < 1) return std::nullopt;
  const TokenList phrase = LoopTokens(*phrase_text);
  std::vector<size_t> starts, ends;
  const TokenList tokens = LoopTokens(text, &starts, &ends);
  const size_t run = phrase.size() * static_cast<size_t>(repeats);
  std::optional<Span> best;
  for (size_t i = 0; !phrase.empty() && i + run <= tokens.size(); ++i) {
    size_t j = 0;
    while (j < run && tokens[i + j] == phrase[j % phrase.size()]) ++j;
    if (j < run) continue;
    if (!best || Distance(starts[i], near) < Distance(best->begin, near)) best = Span{starts[i], ends[i + run - 1]};
  }
  return best;
}

struct Mark {
  Span span;
  const Finding* finding = nullptr;
};

// Where each finding on the paragraph names its text: the occurrence
// nearest the finding's column (exact for a one-line paragraph).
std::vector<Mark> Marks(const Paragraph& p, const std::vector<const Finding*>& on_cell) {
  std::vector<Mark> marks;
  for (const Finding* f : on_cell) {
    const Location& where = f->locations.front();
    if (!OnParagraph(p, where.line)) continue;
    const size_t near = where.line == p.lines().first ? ColumnOffset(p.text, where.column) : 0;
    const std::optional<Span> span =
        f->rule == kRepetitionLoop.id ? LoopRun(p.text, *f, near) : NearestOccurrence(p.text, FlaggedText(*f), near);
    if (span) marks.push_back({*span, f});
  }
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.span.begin < b.span.begin; });
  return marks;
}

void AppendParagraph(std::string& out, const Paragraph& p, const std::vector<const Finding*>& on_cell) {
  out += "<div class=\"p\">";
  const std::string_view text(p.text);
  size_t done = 0;
  for (const Mark& m : Marks(p, on_cell)) {
    if (m.span.begin < done) continue;  // overlaps a mark already made
    out += EscapeXml(text.substr(done, m.span.begin - done));
    out += "<mark class=\"sev-" + std::string(SeverityName(m.finding->severity)) + "\" title=\"" +
           EscapeXml(m.finding->rule) + ": " + EscapeXml(m.finding->message) + "\">" +
           EscapeXml(text.substr(m.span.begin, m.span.end - m.span.begin)) + "</mark>";
    done = m.span.end;
  }
  out += EscapeXml(text.substr(done)) + "</div>";
}

// The line numbers and the tags above a cell's text.
void AppendCellHead(std::string& out, const std::vector<const Paragraph*>& side, const ViewCell* mt,
                    bool low_confidence) {
  out += "<span class=\"ln\">" + LineRange(side) + "</span>";
  if (low_confidence) {
    out +=
        "<span class=\"lowconf\" title=\"the Chinese-English pairing of this row is uncertain\">"
        "low confidence</span>";
  }
  if (!mt) return;
  if (mt->unmatched) out += "<span class=\"tag\">" + std::string(mt->unmatched) + "</span>";
  if (mt->similarity >= 0) AppendBar(out, mt->similarity);
  if (!mt->routes_agree) {
    out += "<span class=\"diverge\" title=\"the direct Chinese-MT alignment differs\">routes disagree</span>";
  }
  if (mt->reordered) {
    out +=
        "<span class=\"diverge\" title=\"the MT gives this paragraph out of the official order\">out of order</span>";
  }
}

}  // namespace

void AppendBar(std::string& out, double similarity) {
  const double percent = std::clamp(100 * similarity, 0.0, 100.0);
  char buffer[160];
  std::snprintf(buffer, sizeof buffer,
                "<span class=\"sim%s\" title=\"chrF against the official English\"><span class=\"bar\">"
                "<span style=\"width:%.0f%%\"></span></span>chrF %.1f</span>",
                similarity < kLowChrF ? " low" : "", percent, percent);
  out += buffer;
}

void AppendCell(std::string& out, const std::vector<const Paragraph*>& side, const char* lang,
                const std::vector<const Finding*>& on_cell, const ViewCell* mt, bool low_confidence) {
  if (side.empty() && on_cell.empty()) {
    out += "<td class=\"empty\">\u2014</td>";
    return;
  }
  out += "<td lang=\"";
  out += lang;
  out += "\">";
  if (!side.empty()) {
    AppendCellHead(out, side, mt, low_confidence);
    for (const Paragraph* p : side) AppendParagraph(out, *p, on_cell);
  }
  for (const Finding* f : on_cell) AppendBadge(out, *f);
  out += "</td>";
}

}  // namespace bitext
