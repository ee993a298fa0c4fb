// The HTML report: one self-contained page whose document text cannot
// inject markup, with findings on the rows they concern.
#include "html_report.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>

#include "checks.h"
#include "comparison.h"
#include "document.h"
#include "document_alignment.h"
#include "finding.h"
#include "html_rows.h"

namespace bitext {
namespace {

std::string RenderHtml(const align::DocumentAlignment& official, const std::vector<MtVersion>& versions,
                       const std::vector<Finding>& findings, const std::string& official_path,
                       const std::string& title) {
  std::ostringstream page;
  WriteHtml(page, official, versions, findings, {official_path, official_path}, title);
  return page.str();
}

// The HTML of the row with anchor row-`r` (1-based), or "".
std::string RowHtml(const std::string& html, int r) {
  const size_t tr = html.find("<tr id=\"row-" + std::to_string(r) + "\"");
  if (tr == std::string::npos) return {};
  return html.substr(tr, html.find("</tr>", tr) - tr);
}

Document Build(const std::string& path, const std::string& text) {
  DecodedText decoded;
  decoded.text = text;
  decoded.encoding = "UTF-8";
  return BuildDocument(path, decoded);
}

// Every row of the view, the rows of unmatched paragraphs copied out.
std::vector<ViewRow> RowsOf(const ViewRows& rows) {
  std::vector<ViewRow> out;
  rows.ForEach([&](const ViewRow& row, size_t) { out.push_back(row); });
  return out;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

constexpr const char* kOfficial =
    "一、总体要求\n"
    "\n"
    "I. General Requirements\n"
    "\n"
    "我们坚持改革开放，推动经济高质量发展。\n"
    "\n"
    "We adhere to reform and opening up and promote high-quality economic development.\n"
    "\n"
    "二、主要任务\n"
    "\n"
    "II. Main Tasks\n"
    "\n"
    "我们加强国际合作，共同应对全球挑战。\n"
    "\n"
    "We strengthen international cooperation to jointly meet global challenges.\n";

constexpr const char* kMt =
    "I. General Requirements\n"
    "\n"
    "We uphold reform <script>alert(1)</script> & opening up and promote quality development.\n"
    "\n"
    "II. Main Tasks\n"
    "\n"
    "We strengthen \"onmouseover=alert(1) cooperation to meet global challenges together.\n";

class HtmlReportTest : public ::testing::Test {
 protected:
  HtmlReportTest()
      : official_(Build("official.txt", kOfficial)),
        mt_(Build("mt <&>.txt", kMt)),
        comparison_(align::CompareWithOfficial(align::AlignableParagraphs(official_, Lang::kZh),
                                               align::AlignableParagraphs(official_, Lang::kEn), mt_, nullptr,
                                               align::AlignerOptions{})) {}

  // The row whose MT side holds `text`, or -1.
  int RowWithMt(const std::string& text) const {
    for (size_t r = 0; r < comparison_.rows.size(); ++r) {
      for (const Paragraph* p : comparison_.rows[r].mt) {
        if (p->text.find(text) != std::string::npos) return static_cast<int>(r);
      }
    }
    return -1;
  }

  Document official_, mt_;
  align::Comparison comparison_;
};

TEST_F(HtmlReportTest, EscapesAllTextAndShowsFindingsOnTheirRows) {
  const int row = RowWithMt("<script>");
  ASSERT_GE(row, 0);
  const Paragraph* p = comparison_.rows[static_cast<size_t>(row)].mt.front();
  Finding f;
  f.rule = "number-mismatch";
  f.severity = Severity::kError;
  f.message = "MT says <b>\"x\"</b> & 'y'";
  f.locations.push_back({mt_.path, p->lines().first, 1, 0});
  Finding elsewhere = f;
  elsewhere.rule = "boilerplate";
  elsewhere.severity = Severity::kInfo;
  elsewhere.locations = {{"other.txt", 3, 1, 0}};

  const std::string html = RenderHtml(comparison_.official, {{&comparison_, mt_.path}}, {f, elsewhere}, official_.path,
                                      "Audit <of> \"doc\"");

  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  // Document text is text, never markup.
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("\"onmouseover="), std::string::npos);
  EXPECT_NE(html.find("&quot;onmouseover=alert(1)"), std::string::npos);
  EXPECT_NE(html.find(" &amp; opening up"), std::string::npos);
  EXPECT_NE(html.find("MT says &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &apos;y&apos;"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("<title>Audit &lt;of&gt; &quot;doc&quot;</title>"), std::string::npos);
  EXPECT_NE(html.find("mt &lt;&amp;&gt;.txt"), std::string::npos);
  EXPECT_EQ(html.find("mt <&>.txt"), std::string::npos);
  // The only script is the page's own filter.
  EXPECT_EQ(Count(html, "<script"), 1u);

  // One table row per view row, each an anchor.
  const size_t rows = BuildViewRows(comparison_.official, {&comparison_}).size();
  EXPECT_EQ(rows, comparison_.rows.size());  // every MT paragraph renders an official one
  EXPECT_EQ(Count(html, "<tr id=\"row-"), rows);
  EXPECT_EQ(Count(html, "id=\"row-"), rows);
  EXPECT_NE(html.find("<nav"), std::string::npos);
  EXPECT_NE(html.find("href=\"#row-1\""), std::string::npos);  // "I. General Requirements"

  // The finding is on its row: highlighted, with a badge and a link to it.
  const std::string anchor = "row-" + std::to_string(row + 1);
  const size_t tr = html.find("<tr id=\"" + anchor + "\"");
  ASSERT_NE(tr, std::string::npos);
  const size_t tr_end = html.find("</tr>", tr);
  const std::string row_html = html.substr(tr, tr_end - tr);
  EXPECT_NE(row_html.find("has-f"), std::string::npos);
  EXPECT_NE(row_html.find("<summary class=\"badge\""), std::string::npos);
  EXPECT_NE(row_html.find("number-mismatch"), std::string::npos);
  EXPECT_NE(row_html.find("sev-error"), std::string::npos);
  EXPECT_NE(row_html.find("<details"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#" + anchor + "\">mt &lt;&amp;&gt;.txt:"), std::string::npos);
  // A finding outside every row is listed by file and line, without a link.
  EXPECT_NE(html.find("other.txt:3"), std::string::npos);
  EXPECT_EQ(Count(html, "<summary class=\"badge\""), 1u);

  // Nothing fetched from the network.
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*["']?\s*(https?:)?//)", std::regex::icase)));
  EXPECT_EQ(html.find("<link"), std::string::npos);
}

TEST_F(HtmlReportTest, MarksTheTextAFindingNames) {
  const int row = RowWithMt("quality development");
  ASSERT_GE(row, 0);
  const Paragraph* p = comparison_.rows[static_cast<size_t>(row)].mt.front();
  Finding f;
  f.rule = "terminology";
  f.severity = Severity::kWarning;
  f.message = "\"quality development\" for the approved term";
  f.locations.push_back({mt_.path, p->lines().first, 1, 0});
  const std::string html = RenderHtml(comparison_.official, {{&comparison_, mt_.path}}, {f}, official_.path, "t");
  EXPECT_NE(html.find("promote <mark class=\"sev-warning\" title=\"terminology: &quot;quality development&quot; "
                      "for the approved term\">quality development</mark>."),
            std::string::npos);
  EXPECT_EQ(Count(html.substr(html.find("<div class=\"rows-view\">")), "<mark"), 1u);
}

TEST_F(HtmlReportTest, NoFindingsStillRendersEveryRow) {
  const std::string html = RenderHtml(comparison_.official, {{&comparison_, mt_.path}}, {}, official_.path, "t");
  EXPECT_EQ(Count(html, "<tr id=\"row-"), comparison_.rows.size());
  EXPECT_EQ(html.find("class=\"filters\""), std::string::npos);
  EXPECT_EQ(html.find("has-f\"", html.find("<div class=\"rows-view\">")), std::string::npos);  // no highlighted row
  EXPECT_EQ(Count(html, "<div class=\"chunk\">"), 1u);                                         // a table per 100 rows
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

// Two MT versions: one column each, rows keyed on the official paragraphs,
// and the paragraphs one version adds or repeats in rows of their own, in
// that version's order.
TEST_F(HtmlReportTest, SeveralMtVersionsShareOneView) {
  const Document other = Build("mt-other.txt",
                               "I. General Requirements\n"
                               "\n"
                               "Editor's note: this version was machine translated.\n"
                               "\n"
                               "We keep to reform and opening up and promote high-quality development of the economy.\n"
                               "\n"
                               "II. Main Tasks\n"
                               "\n"
                               "We strengthen international cooperation to jointly meet global challenges.\n");
  const align::Comparison second = align::CompareWithOfficial(align::AlignableParagraphs(official_, Lang::kZh),
                                                              align::AlignableParagraphs(official_, Lang::kEn), other,
                                                              nullptr, align::AlignerOptions{});
  const std::vector<ViewRow> rows = RowsOf(BuildViewRows(comparison_.official, {&comparison_, &second}));

  // Every paragraph of each version appears once, in its document's order.
  for (size_t k = 0; k < 2; ++k) {
    const Document& doc = k == 0 ? mt_ : other;
    std::vector<const Paragraph*> shown;
    for (const ViewRow& row : rows) {
      ASSERT_EQ(row.mt.size(), 2u);
      shown.insert(shown.end(), row.mt[k].paragraphs.begin(), row.mt[k].paragraphs.end());
    }
    ASSERT_EQ(shown.size(), doc.paragraphs.size()) << doc.path;
    for (size_t i = 0; i < shown.size(); ++i) EXPECT_EQ(shown[i], &doc.paragraphs[i]) << doc.path;
  }
  // Each official paragraph is in exactly one row; the note is a row of its own.
  size_t official_paragraphs = 0, unmatched_rows = 0;
  for (const ViewRow& row : rows) {
    official_paragraphs += row.zh.size() + row.en.size();
    if (row.zh.empty() && row.en.empty()) {
      ++unmatched_rows;
      EXPECT_TRUE(row.mt[0].paragraphs.empty());
      ASSERT_EQ(row.mt[1].paragraphs.size(), 1u);
      EXPECT_NE(row.mt[1].paragraphs[0]->text.find("Editor's note"), std::string::npos);
      EXPECT_NE(row.mt[1].unmatched, nullptr);
    } else {
      EXPECT_FALSE(row.mt[0].paragraphs.empty());
      EXPECT_FALSE(row.mt[1].paragraphs.empty());
      EXPECT_GE(row.mt[1].similarity, 0);
    }
  }
  EXPECT_EQ(official_paragraphs, official_.paragraphs.size());
  EXPECT_EQ(unmatched_rows, 1u);
  // A cell's similarity is that of its own text to its row's official
  // English, whether it is one comparison row (scored already) or more.
  size_t scored = 0;
  for (const ViewRow& row : rows) {
    for (const ViewCell& cell : row.mt) {
      if (row.en.empty() || cell.paragraphs.empty()) continue;
      EXPECT_EQ(cell.similarity, align::RowSimilarity(cell.paragraphs, row.en));
      scored += cell.first_row != nullptr && cell.first_row->similarity >= 0 && cell.first_row->mt == cell.paragraphs;
    }
  }
  EXPECT_GT(scored, 0u);

  const std::string html = RenderHtml(comparison_.official, {{&comparison_, mt_.path}, {&second, other.path}}, {},
                                      official_.path, "two versions");
  EXPECT_NE(html.find("<th>MT: mt &lt;&amp;&gt;.txt</th><th>MT: mt-other.txt</th>"), std::string::npos);
  EXPECT_EQ(Count(html, "<tr id=\"row-"), rows.size());
  // Row number, Chinese, official English and the two versions, in the
  // headings' table and in the one table of rows.
  EXPECT_EQ(Count(html, "<colgroup><col class=\"meta\"><col><col><col><col></colgroup>"), 2u);
}

// Without an MT the view is the official text alone: two columns, every
// official paragraph in one row, findings on the official files placed.
TEST_F(HtmlReportTest, OfficialTextAloneHasTwoColumns) {
  const align::DocumentAlignment official =
      align::AlignDocuments(align::AlignableParagraphs(official_, Lang::kZh),
                            align::AlignableParagraphs(official_, Lang::kEn), nullptr, align::AlignerOptions{}, false);
  const std::vector<ViewRow> rows = RowsOf(BuildViewRows(official, {}));
  ASSERT_EQ(rows.size(), official.paragraphs.size());
  for (const ViewRow& row : rows) EXPECT_TRUE(row.mt.empty());

  const Paragraph& chinese = official_.paragraphs[2];  // 我们坚持改革开放...
  ASSERT_EQ(chinese.lang, Lang::kZh);
  Finding f;
  f.rule = "number-mismatch";
  f.severity = Severity::kWarning;
  f.message = "a finding on the official Chinese";
  f.locations.push_back({official_.path, chinese.lines().first, 1, 0});
  const std::string html = RenderHtml(official, {}, {f}, official_.path, "official only");
  EXPECT_EQ(Count(html, "<tr id=\"row-"), rows.size());
  EXPECT_EQ(Count(html, "<colgroup><col class=\"meta\"><col><col></colgroup>"), 2u);
  EXPECT_NE(html.find("<th>Row</th><th>Chinese</th><th>Official English</th></tr>"), std::string::npos);
  EXPECT_EQ(html.find("MT English"), std::string::npos);
  EXPECT_EQ(html.find("class=\"sim"), std::string::npos);  // no chrF bar, in the rows or the legend
  bool placed = false;
  for (size_t r = 1; r <= rows.size(); ++r) {
    const std::string row = RowHtml(html, static_cast<int>(r));
    if (row.find("a finding on the official Chinese") == std::string::npos) continue;
    placed = true;
    EXPECT_NE(row.find("<td lang=\"zh\"><span class=\"ln\">line " + std::to_string(chinese.lines().first)),
              std::string::npos);
  }
  EXPECT_TRUE(placed);
}

// The rows come first: the findings sit above them collapsed into one line
// with their counts, the legend likewise; each listed finding links to its row.
TEST_F(HtmlReportTest, FindingsAndLegendAreCollapsedAboveTheRows) {
  const int row = RowWithMt("quality development");
  ASSERT_GE(row, 0);
  Finding f;
  f.rule = "terminology";
  f.severity = Severity::kWarning;
  f.message = "a warning";
  f.locations.push_back({mt_.path, comparison_.rows[static_cast<size_t>(row)].mt.front()->lines().first, 1, 0});
  Finding error = f;
  error.severity = Severity::kError;
  const std::string html =
      RenderHtml(comparison_.official, {{&comparison_, mt_.path}}, {f, error, f}, official_.path, "t");
  const size_t findings = html.find(
      "<details id=\"findings\" class=\"findings\"><summary>Findings (3): "
      "<span class=\"n-error\">1 error</span>, <span class=\"n-warning\">2 warnings"
      "</span>, <span class=\"n-info\">0 notes</span></summary>");
  const size_t legend = html.find("<details class=\"legend\"><summary>Legend</summary>");
  const size_t rows = html.find("<div class=\"rows-view\">");
  ASSERT_NE(findings, std::string::npos);
  ASSERT_NE(legend, std::string::npos);
  EXPECT_LT(findings, rows);
  EXPECT_LT(legend, rows);
  EXPECT_EQ(Count(html, "<a href=\"#row-" + std::to_string(row + 1) + "\">"), 3u);
  // The legend names every tag a cell can carry, and the chrF bar.
  for (const UnmatchedReason& reason : kUnmatchedReasons) {
    EXPECT_NE(html.find("<li><span class=\"tag\">" + std::string(reason.tag) + "</span> " + reason.meaning),
              std::string::npos)
        << reason.tag;
  }
  EXPECT_NE(html.find("<span class=\"lowconf\">low confidence</span> the Chinese-English pairing"), std::string::npos);
  EXPECT_NE(html.find("red below 35"), std::string::npos);
}

// The outline is the official text's: a heading only the MT has makes
// neither an outline entry nor a heading row.
TEST_F(HtmlReportTest, OutlineListsTheOfficialHeadingsOnly) {
  const Document added = Build("mt-added.txt", std::string("Foreword\n\n") + kMt);
  ASSERT_EQ(added.paragraphs.front().kind, Kind::kHeading);
  const align::Comparison c = align::CompareWithOfficial(align::AlignableParagraphs(official_, Lang::kZh),
                                                         align::AlignableParagraphs(official_, Lang::kEn), added,
                                                         nullptr, align::AlignerOptions{});
  const std::string html = RenderHtml(c.official, {{&c, added.path}}, {}, official_.path, "t");
  const std::string nav = html.substr(0, html.find("</nav>"));
  EXPECT_NE(nav.find("I. General Requirements</a>"), std::string::npos);
  EXPECT_NE(nav.find("II. Main Tasks</a>"), std::string::npos);
  EXPECT_EQ(nav.find("Foreword"), std::string::npos);
  EXPECT_EQ(Count(nav, "<li class=\"lvl-"), 2u);
  const size_t foreword = html.find(">Foreword</div>");
  ASSERT_NE(foreword, std::string::npos);
  const size_t tr = html.rfind("<tr ", foreword);
  EXPECT_EQ(html.substr(tr, html.find('>', tr) - tr).find("hd"), std::string::npos);
}

// A repetition loop's repeated run is marked in its cell, escaped, though
// the rule names it by folded words ("of finance economic connection").
TEST_F(HtmlReportTest, MarksTheRunOfARepetitionLoop) {
  std::string looped = "We strengthen cooperation";
  for (int i = 0; i < 5; ++i) looped += " of Finance & <Economic> Connection";
  const Document mt = Build("mt-loop.txt", "I. General Requirements\n\n" + looped + ".\n");
  std::vector<Finding> findings;
  for (const Finding& f : DocumentFindings(mt, CheckConfig{})) {
    if (f.rule == "repetition-loop") findings.push_back(f);
  }
  ASSERT_EQ(findings.size(), 1u);
  const align::Comparison c = align::CompareWithOfficial(align::AlignableParagraphs(official_, Lang::kZh),
                                                         align::AlignableParagraphs(official_, Lang::kEn), mt, nullptr,
                                                         align::AlignerOptions{});
  const std::string html = RenderHtml(c.official, {{&c, mt.path}}, findings, official_.path, "t");
  const std::string rows = html.substr(html.find("<div class=\"rows-view\">"));
  ASSERT_EQ(Count(rows, "<mark"), 1u);
  const size_t open = rows.find('>', rows.find("<mark")) + 1;
  const std::string marked = rows.substr(open, rows.find("</mark>") - open);
  std::string run;
  for (int i = 0; i < 5; ++i) run += std::string(i ? " " : "") + "of Finance &amp; &lt;Economic&gt; Connection";
  EXPECT_EQ(marked, run);
  EXPECT_NE(rows.find("We strengthen cooperation <mark class=\"sev-"), std::string::npos);
  EXPECT_NE(rows.find("</mark>.</div>"), std::string::npos);
  EXPECT_EQ(html.find("<Economic>"), std::string::npos);
}

}  // namespace
}  // namespace bitext
