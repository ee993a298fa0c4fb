// The document-level checks on small synthetic texts. Each rule gets a table
// of inputs it must flag (with the place it must point at) and a table of
// near misses a reviewer would not want flagged; then the machinery shared
// by all rules: fingerprints, configuration, formatting and the dropping of
// numbering findings that only echo a repeated section.
#include "checks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "check_set.h"
#include "comparison.h"
#include "document.h"
#include "document_alignment.h"
#include "finding.h"
#include "lexicon.h"
#include "loops.h"
#include "number_marks.h"
#include "span_index.h"
#include "unicode.h"

namespace bitext {
namespace {

Document Build(const std::string& text, const std::string& path = "test.txt") {
  DecodedText decoded;
  decoded.text = text;
  decoded.encoding = "UTF-8";
  return BuildDocument(path, decoded);
}

// `mt` compared with a bilingual official document.
align::Comparison CompareWithBilingual(const Document& official, const Document& mt) {
  return align::CompareWithOfficial(align::AlignableParagraphs(official, Lang::kZh),
                                    align::AlignableParagraphs(official, Lang::kEn), mt, nullptr,
                                    align::AlignerOptions{});
}

// The list of texts a finding's evidence holds under `name` (empty if none).
std::vector<std::string> EvidenceTexts(const Finding& f, std::string_view name) {
  const EvidenceValue* value = f.evidence.Find(name);
  return value && value->texts() ? *value->texts() : std::vector<std::string>{};
}
std::vector<std::string> EvidenceTexts(const Finding* f, std::string_view name) { return EvidenceTexts(*f, name); }

std::vector<const Finding*> OfRule(const std::vector<Finding>& findings, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : findings) {
    if (f.rule == rule) out.push_back(&f);
  }
  return out;
}

// All findings, one per line, for failure messages.
std::string Describe(const std::vector<Finding>& findings) {
  std::string out = "findings:\n";
  for (const Finding& f : findings) out += "  " + FormatFinding(f) + "\n";
  return out;
}

// 1-based line `line` of `text`, as written.
std::string_view LineOf(std::string_view text, int line) {
  size_t begin = 0;
  for (int k = 1; k < line; ++k) {
    const size_t newline = text.find('\n', begin);
    if (newline == std::string_view::npos) return {};
    begin = newline + 1;
  }
  const size_t end = text.find('\n', begin);
  return text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

// Where a finding must point: a line and, inside it, the first occurrence of
// `needle` (column in code points). An empty needle means column 1 (rules
// that report a whole paragraph); "$" means the line's last character.
struct At {
  int line;
  std::string needle;
};

int ColumnOf(const std::string& text, const At& at) {
  if (at.needle.empty()) return 1;
  const std::string_view line = LineOf(text, at.line);
  if (at.needle == "$") return static_cast<int>(ToCodePoints(line).size());
  const size_t offset = line.find(at.needle);
  if (offset == std::string_view::npos) {
    ADD_FAILURE() << "bad test: \"" << at.needle << "\" is not on line " << at.line;
    return 0;
  }
  return static_cast<int>(ToCodePoints(line.substr(0, offset)).size()) + 1;
}

// A text the rule must flag, at exactly these places (in line order).
struct FlagCase {
  const char* name;
  std::string text;
  std::vector<At> at;
  std::string message_has = "";  // a fragment the first message must contain
};

// A near miss: the rule must stay silent on this text.
struct CleanCase {
  const char* name;
  std::string text;
};

void ExpectFlagged(const std::string& rule, const std::vector<FlagCase>& cases) {
  for (const FlagCase& c : cases) {
    SCOPED_TRACE(std::string(rule) + " must flag: " + c.name);
    const std::vector<Finding> all = CheckDocument(Build(c.text), CheckConfig{});
    const std::vector<const Finding*> found = OfRule(all, rule);
    EXPECT_EQ(found.size(), c.at.size()) << Describe(all);
    for (size_t k = 0; k < std::min(found.size(), c.at.size()); ++k) {
      ASSERT_FALSE(found[k]->locations.empty());
      const Location& where = found[k]->locations.front();
      EXPECT_EQ(where.file, "test.txt");
      EXPECT_EQ(where.line, c.at[k].line) << Describe(all);
      EXPECT_EQ(where.column, ColumnOf(c.text, c.at[k])) << Describe(all);
      EXPECT_EQ(found[k]->severity, FindRule(rule)->severity);
      EXPECT_FALSE(found[k]->fingerprint.empty());
    }
    if (!found.empty() && !c.message_has.empty()) {
      EXPECT_NE(found[0]->message.find(c.message_has), std::string::npos) << found[0]->message;
    }
  }
}

void ExpectClean(const std::string& rule, const std::vector<CleanCase>& cases) {
  for (const CleanCase& c : cases) {
    SCOPED_TRACE(std::string(rule) + " must not flag: " + c.name);
    const std::vector<Finding> all = CheckDocument(Build(c.text), CheckConfig{});
    EXPECT_TRUE(OfRule(all, rule).empty()) << Describe(all);
  }
}

// Headings, each followed by one line of running text so that no run of
// headings reads as a table of contents: heading k (0-based) is on line 2k+1.
std::string Outline(const std::vector<std::string>& headings) {
  std::string text;
  int k = 0;
  for (const std::string& h : headings) {
    ++k;
    text += h + "\n";
    const bool chinese = CountScripts(h).han > 0;
    const std::string n = std::to_string(k);
    text += chinese ? "这一部分说明了第" + n + "个领域所做的工作及其原因，并列出了每年的数字。\n"
                    : "This part explains what was done in area " + n + ", and why, with figures.\n";
  }
  return text;
}

// "(I) Title 1" ... "(N) Title N" in one style.
std::vector<std::string> RomanParen(int from, int to) {
  static const char* const kRoman[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
  std::vector<std::string> out;
  for (int v = from; v <= to; ++v) {
    out.push_back(std::string("(") + kRoman[v] + ") Area of work number " + std::to_string(v));
  }
  return out;
}

std::vector<std::string> Concat(std::vector<std::vector<std::string>> parts) {
  std::vector<std::string> out;
  for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

// ---------------------------------------------------------------------------
// garbled-heading

// SortFindings orders as a stable sort on file, line, column and rule
// does: findings with all four equal keep their order (told apart here by
// their message), and a finding without a location sorts as file "" line 0.
TEST(SortFindingsTest, IsAStableSortOnFileLineColumnAndRule) {
  std::mt19937 random(3);
  const std::vector<std::string> files = {"b.txt", "a.txt", "a.txt.bak", ""};
  const std::vector<std::string> rules = {"omission", "addition", "repetition-loop"};
  std::vector<Finding> findings;
  for (int k = 0; k < 3000; ++k) {
    Finding f;
    f.rule = rules[random() % rules.size()];
    f.message = std::to_string(k);
    if (random() % 10 != 0) {
      Location l;
      l.file = files[random() % files.size()];
      l.line = static_cast<int>(random() % 6);
      l.column = static_cast<int>(random() % 3);
      f.locations.push_back(l);
    }
    findings.push_back(f);
  }
  std::vector<Finding> expected = findings;
  auto key = [](const Finding& f) {
    static const Location kNowhere;
    const Location& l = f.locations.empty() ? kNowhere : f.locations.front();
    return std::tie(l.file, l.line, l.column, f.rule);
  };
  std::stable_sort(expected.begin(), expected.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  SortFindings(findings);
  ASSERT_EQ(findings.size(), expected.size());
  for (size_t k = 0; k < findings.size(); ++k) EXPECT_EQ(findings[k].message, expected[k].message) << k;
}

// Folded words, numbers with their separators, single Han characters; byte
// offsets of each, read off the text (an ill-formed byte counts as the three
// of U+FFFD).
TEST(LoopTokensTest, WordsNumbersAndHanWithTheirOffsets) {
  const std::string text = "Caf\u00e9 3.3.3. \u00c9T\u00c9 \u4e2d\u6587 x\xff y";
  std::vector<size_t> starts, ends;
  const TokenList tokens = LoopTokens(text, &starts, &ends);
  std::vector<std::string> words;
  for (size_t k = 0; k < tokens.size(); ++k) words.emplace_back(tokens[k]);
  EXPECT_EQ(words, (std::vector<std::string>{"caf\u00e9", "3.3.3", "\u00e9t\u00e9", "\u4e2d", "\u6587", "x", "y"}));
  EXPECT_EQ(starts, (std::vector<size_t>{0, 6, 13, 19, 22, 26, 31}));
  EXPECT_EQ(ends, (std::vector<size_t>{5, 11, 18, 22, 25, 27, 32}));
}
TEST(GarbledHeadingTest, Flags) {
  ExpectFlagged("garbled-heading",
                {
                    {"stray number-like token after the marker",
                     Outline({"(III) Strengthen trade", "(IV) l02. Promote financial connectivity"}),
                     {{3, ""}},
                     "l02."},
                    {"lone letter left at the end of the title",
                     Outline({"(I) Build capacity", "(II) Strengthen governance capabilities h"}),
                     {{3, ""}},
                     "lone letter"},
                    {"number lost before the title",
                     Outline({"1. The concept of a shared future", ". The concept in the new era"}),
                     {{3, ""}},
                     "number missing"},
                    {"space between two Han characters of a Chinese heading",
                     Outline({"一、人类命运 共同体理念引领"}),
                     {{1, ""}},
                     "stray space"},
                    {"number of an article lost",
                     Outline({"Article 1 General rules", "Article  Scope of the law"}),
                     {{3, ""}},
                     "number missing after \"Article\""},
                    {"a stray capital glued to an article number",
                     Outline({"Article 12 General rules", "Article 13I Scope of the law"}),
                     {{3, ""}},
                     "glued"},
                    {"numbering leftover \"0\" before running text, indented",
                     "China is the largest developing country in the world, it says.\n"
                     "   0 Since the 18th CPC National Congress in 2012, China has made great progress.\n",
                     {{2, "0 Since"}},
                     "stray \"0\""},
                });
}

TEST(GarbledHeadingTest, NearMisses) {
  ExpectClean(
      "garbled-heading",
      {
          {"clean numbered headings", Outline({"(III) Strengthen trade", "(IV) Promote financial connectivity"})},
          {"title ending in the article-like capital A", Outline({"(I) Build a Grade A hospital"})},
          // A single capital closing a title is often a name ("hepatitis B",
          // "Plan B"), not a stray keystroke.
          {"title ending in a one-letter name", Outline({"(VI) Prevention and control of hepatitis B"})},
          {"clean Chinese heading", Outline({"一、人类命运共同体理念引领"})},
          {"space between Han and a number in a Chinese heading", Outline({"二、落实 2030 年可持续发展议程"})},
          {"space that sets a title off its ordinal", Outline({"第一章 总则", "第二章 管理"})},
          {"a keyword with no number in a document that numbers none", Outline({"Part Time Work in the Region"})},
          {"\"0\" before a lower-case word", "0 percent of the funds were lost in the period, the report said.\n"},
      });
}

// ---------------------------------------------------------------------------
// truncated-paragraph

TEST(TruncatedParagraphTest, Flags) {
  ExpectFlagged("truncated-paragraph",
                {
                    {"English prose that stops mid-sentence",
                     "China has provided aid to many countries in many forms over the years and always supports\n",
                     {{1, "$"}},
                     "supports"},
                    {"Chinese prose that stops mid-sentence",
                     "中国向许多国家提供了多种形式的援助，始终支持发展中国家的\n",
                     {{1, "$"}}},
                    // The column points at the last character of the last source line.
                    {"wrapped paragraph cut on its second line",
                     "China has provided aid to many countries in many forms over the years, and\n"
                     "it always supports the efforts of the developing countries to\n",
                     {{2, "$"}}},
                    {"short paragraph ending with a comma",
                     "China is the largest developing country in the world, it says.\n"
                     "In 2019, as the report shows,\n",
                     {{2, "$"}}},
                });
}

TEST(TruncatedParagraphTest, NearMisses) {
  ExpectClean("truncated-paragraph",
              {
                  {"complete sentence", "China has provided aid to many countries in many forms over the years.\n"},
                  {"title line",
                   "China's International Development Cooperation in the New Era\n"
                   "\n"
                   "China is the largest developing country in the world, it says.\n"},
                  {"dateline title", "Beijing, January 2021\n\nThe State Council released the white paper today.\n"},
                  {"lead-in ending with a colon",
                   "China's assistance covers the following areas, among many others, in all regions:\n"},
                  {"heading", Outline({"(I) Cultural and philosophical origins of the concept"})},
                  {"sentence ending inside a closing quote",
                   "He said the goal was \xE2\x80\x9C"
                   "a community with a shared future for all mankind.\xE2\x80\x9D\n"},
                  {"Chinese sentence ending inside a closing quote",
                   "他说，目标是\xE2\x80\x9C构建人类命运共同体，实现共同发展和繁荣。\xE2\x80\x9D\n"},
                  {"a footnote mark after the full stop",
                   "The fund was set up in 2015 to support the developing countries of the region.[27]\n"},
                  {"a superscript note mark after the full stop",
                   "The fund was set up in 2015 to support the developing countries of the region.\u00B9\n"},
                  {"a closing parenthetical after the full stop",
                   "You may also configure the proxy server for the whole network at this point. (Optional)\n"},
                  {"a smiley that ends the sentence",
                   "If all of this works the first time you try it, you are done and can go home :-)\n"},
                  {"a byline in title case",
                   "Information Office of the State Council of the People's Republic of China and its Partners\n"},
                  {"a web address at the end",
                   "Report bugs and ask for help on the project's pages at https://kicad.org/help/\n"},
                  {"list items that end with a comma",
                   "The server has two network cards:\n\n• eth0 is connected to the main network (10.0.0.0/8),\n\n"
                   "• eth1 is connected to the thin clients.\n"},
                  {"a series of clauses that end with commas",
                   "Whereas recognition of the inherent dignity of all members of the family is the foundation,\n\n"
                   "Whereas disregard and contempt for these rights have resulted in acts of great harm,\n\n"
                   "Now, therefore, the assembly proclaims this declaration as a common standard.\n"},
              });
}

// ---------------------------------------------------------------------------
// numbering-sequence

TEST(NumberingSequenceTest, Flags) {
  ExpectFlagged(
      "numbering-sequence",
      {
          {"gap: (VI) then (VIII)",
           Outline(Concat({RomanParen(1, 6), {"(VIII) Support ecological protection"}})),
           {{13, ""}},
           "(VIII) skips after (VI)"},
          {"repeat: two (III) in a row",
           Outline(Concat({RomanParen(1, 3), {"(III) Promote trade again"}})),
           {{7, ""}},
           "(III) repeats (III)"},
          {"step back to (II) after (IV)",
           Outline(Concat({RomanParen(1, 4), {"(II) Promote the concept"}})),
           {{9, ""}},
           "(II) steps back from (IV)"},
          {"gap in Chinese top-level numbers",
           Outline({"一、理念引领", "二、新进展", "四、新贡献"}),
           {{5, ""}},
           "四、 skips after 二、"},
          // The sub-list under "I." lost its first section: one gap, where the
          // list starts at (II); nothing after it is out of sequence.
          {"sub-list that starts at (II)",
           Outline({"I. The concept", "(II) New era", "(III) Practice", "II. Progress", "(I) Scale", "(II) Areas"}),
           {{3, ""}}},
          {"articles numbered through chapters skip one",
           Outline({"Chapter I General", "Article 1 Purpose", "Article 2 Scope", "Chapter II Administration",
                    "Article 4 Duties"}),
           {{9, ""}},
           "Article 4 skips after Article 2"},
          {"a decimal heading under the wrong parent",
           Outline({"1.1 Scope", "1.2 Audience", "1.2.1 Operators", "1.3.2 Developers"}),
           {{7, ""}},
           "1.3.2 does not belong under 1.2"},
          {"gap in a decimal list",
           Outline({"2.1 Install", "2.2 Configure", "2.4 Run"}),
           {{5, ""}},
           "2.4 skips after 2.2"},
          // One number out of place is one finding: the heading after it, which
          // carries its right number, is not reported again.
          {"one heading numbered as the next",
           Outline({"(I) Roots", "(II) Values", "(IV) Practice", "(IV) Results", "(V) Outlook"}),
           {{5, ""}},
           "(IV) skips after (II)"},
          {"a decimal heading numbered as a later one",
           Outline({"6.2. Options", "6.2.3. Images", "6.2.2. Sources", "6.2.3. Mirrors"}),
           {{3, ""}}},
          {"gap in a sub-list under its parent",
           Outline(
               {"I. The concept", "(I) Cultural roots", "(II) New era", "II. Progress", "(I) Scale", "(III) Areas"}),
           {{11, ""}}},
          // The parent "3." was numbered as one more sub-heading: one finding,
          // at it, and none for the restarted list or for "4.".
          {"a lost parent numbered as a sub-heading",
           Outline({"1. Concept", "(I) Roots", "2. Progress", "(I) Scale", "(II) Means", "(III) Support capacity",
                    "(I) Governance", "(II) Technology", "4. Prospects"}),
           {{11, ""}},
           "stands where number 3 of the level above is missing"},
      });
}

TEST(NumberingSequenceTest, PointsAtThePreviousHeadingToo) {
  const std::vector<Finding> all =
      CheckDocument(Build(Outline(Concat({RomanParen(1, 6), {"(VIII) Support ecological protection"}}))), {});
  const auto found = OfRule(all, "numbering-sequence");
  ASSERT_EQ(found.size(), 1u) << Describe(all);
  ASSERT_EQ(found[0]->locations.size(), 2u);
  EXPECT_EQ(found[0]->locations[1].line, 11);  // (VI)
  EXPECT_EQ(found[0]->evidence.Integer("value", -1), 8);
  EXPECT_EQ(found[0]->evidence.Integer("previous", -1), 6);
}

TEST(NumberingSequenceTest, NearMisses) {
  ExpectClean(
      "numbering-sequence",
      {
          {"(I) restarts under a new parent heading",
           Outline({"I. The concept", "(I) Cultural roots", "(II) New era", "(III) Practice", "II. Progress",
                    "(I) Scale", "(II) Areas"})},
          {"(1) restarts under a new parent heading",
           Outline({"(I) Cultural roots", "(1) Origins", "(2) Values", "(II) New era", "(1) Goals", "(2) Means",
                    "(3) Results"})},
          {"(一) restarts under a new Chinese parent",
           Outline({"一、理念引领", "(一)文化根脉", "(二)合作观", "二、新进展", "(一)规模扩大"})},
          {"a list restarting under a proper parent after a sub-list",
           Outline({"1. Concept", "(I) Roots", "(II) Values", "2. Progress", "(I) Scale", "3. Support"})},
          {"a stray letter after the title leaves the number intact",
           Outline({"(I) Cultural roots", "(II) New era h", "(III) Practice"})},
          {"sequence broken only by a garbled number",
           Outline({"(I) Cultural roots", "(II) New era", "(III) l02. Practice", "(IV) Results"})},
          {"sequence broken only by a lost number",
           Outline({"(I) Cultural roots", "(II) New era", ". Practice of the concept", "(IV) Results"})},
          {"articles numbered through chapters",
           Outline({"Chapter I General", "Article 1 Purpose", "Article 2 Scope", "Chapter II Administration",
                    "Article 3 Duties", "Article 4 Reports"})},
          {"Chinese articles numbered through chapters",
           Outline({"第一章 总则", "第一条 目的", "第二条 范围", "第二章 管理", "第三条 职责"})},
          {"articles that restart in each chapter",
           Outline({"Chapter 1 General", "Article 1 Purpose", "Article 2 Scope", "Chapter 2 Administration",
                    "Article 1 Duties"})},
          {"numbered steps restart in each list under their headings",
           "6. Installation\nThese steps install it.\n1. Back up any existing data on the disk.\n"
           "2. Boot the installation system.\nThen there is more to say about it, with figures.\n"
           "1. Select the language.\n2. Partition the disk.\n7. Configuration\nThis is the last part.\n"},
          {"a numbered list inside a decimal section, its items ending on a colon",
           Outline({"6. Installation", "6.1. Installing", "6.1.1. Scenarios", "1. Typical school network:",
                    "2. Network without a router:", "6.1.2. Desktops", "7. Configuration"})},
          {"decimal headings under a chapter", Outline({"Chapter 3. Before Installing", "3.1. Overview", "3.2. Back Up",
                                                        "3.2.1. Documents", "3.3. Information"})},
          {"a decimal outline with its parents",
           Outline({"1. Introduction", "1.1 Scope", "1.2 Audience", "1.2.1 Operators", "1.2.2 Developers",
                    "2. Installation", "2.1 Requirements", "2.1.1 Hardware"})},
          {"decimal lists under parents the excerpt does not have",
           Outline({"1.1 Scope", "1.2 Audience", "2.1 Requirements", "2.2 Packages"})},
          {"table of contents and body are separate sequences",
           "Contents\n(I) Cultural roots\n(II) New era\n(III) Practice\n" + Outline(RomanParen(1, 3))},
          {"interleaved Chinese and English headings are separate sequences",
           Outline({"(一)文化根脉和精神源泉", "(I) Cultural and philosophical origins", "(二)新时代的国际发展合作",
                    "(II) Development cooperation in the new era", "(三)实践成果", "(III) Results in practice"})},
      });
}

// ---------------------------------------------------------------------------
// numbering-style

TEST(NumberingStyleTest, Flags) {
  ExpectFlagged(
      "numbering-style",
      {
          {"(8) among (I)..(VII) at one level",
           Outline(Concat({{"4. Promote the 2030 Agenda"}, RomanParen(1, 7), {"(8) Support ecological protection"}})),
           {{17, ""}},
           "arabic-paren where this level uses roman-paren"},
          // Reported once, at the first heading of the odd group.
          {"one part numbers its sections (1) (2) where the others use (I) (II)",
           Outline(
               {"I. The concept", "(I) Roots", "(II) Era", "(III) Practice", "II. Progress", "(1) Scale", "(2) Areas"}),
           {{11, ""}},
           "2 heading(s)"},
      });
}

TEST(NumberingStyleTest, NearMisses) {
  ExpectClean(
      "numbering-style",
      {
          {"一、 and (一) at different levels",
           Outline({"一、理念引领", "(一)文化根脉", "(二)合作观", "二、新进展", "(一)规模扩大", "(二)方式多样"})},
          {"I. (I) and 1. at three levels", Outline({"I. The concept", "(I) Roots", "1. Origins", "2. Values",
                                                     "(II) Era", "II. Progress", "(I) Scale"})},
          {"one style throughout", Outline(RomanParen(1, 5))},
          // A lost first section is a numbering gap, not a change of style.
          {"sub-list that starts at (II)",
           Outline({"I. The concept", "(II) New era", "(III) Practice", "II. Progress", "(I) Scale", "(II) Areas"})},
      });
}

// ---------------------------------------------------------------------------
// boilerplate

TEST(BoilerplateTest, Flags) {
  const std::string before = "China released a white paper on its development cooperation, officials said.\n";
  ExpectFlagged(
      "boilerplate",
      {
          {"related-links header and the link title under it",
           before + "Related manuscripts:\nChina releases white paper on international development cooperation\n",
           {{2, ""}, {3, ""}},
           "Related manuscripts:"},
          // The classifier's own comment: "the short unterminated lines that
          // follow are its links" - all of them, not only the first.
          {"every link title under the header",
           before + "Related manuscripts:\nChina releases white paper on international development cooperation\n"
                    "Full text of the white paper on development cooperation\n",
           {{2, ""}, {3, ""}, {4, ""}}},
          {"only the header when a sentence follows it",
           before + "Related manuscripts:\nChina has provided aid to 122 countries since 2013, the paper says.\n",
           {{2, ""}}},
          // Below a furniture header, lines that are terms or clauses of the
          // text are the text: furniture does not spread to them.
          {"only the header when terms follow it",
           before +
               "Related articles:\n\nAF_KEY\n\nKey management protocol, originally\n\ndeveloped for usage with IPsec\n",
           {{2, ""}}},
          {"source line", before + "Source: Xinhua\n", {{2, ""}}},
          {"Chinese editor line",
           "中国发布国际发展合作白皮书，阐述新时代的理念和实践。\n责任编辑：王小明\n",
           {{2, ""}}},
      });
}

TEST(BoilerplateTest, NearMisses) {
  ExpectClean(
      "boilerplate",
      {
          {"sentence mentioning related work",
           "Related research by the United Nations shows that extreme poverty has fallen sharply since 2015.\n"},
          {"sentence mentioning related articles mid-way",
           "The related articles were published in 2020 and reviewed by experts from many countries.\n"},
          // Starts with a furniture word but is plainly a sentence of the text.
          {"sentence that starts with \"Comments\"",
           "Comments from partner countries have been positive, and many asked for more training.\n"},
          {"title with no header above it",
           "China releases white paper on international development cooperation\n\n"
           "The State Council released the white paper today, officials said.\n"},
      });
}

// ---------------------------------------------------------------------------
// repeated-token

TEST(RepeatedTokenTest, Flags) {
  ExpectFlagged("repeated-token",
                {
                    // A doubled character is located at its first occurrence...
                    {"doubled 在", "中国在在国际发展合作中发挥了重要作用。\n", {{1, "在在"}}, "\"在在\""},
                    {"doubled 的", "这是中国的的发展道路，也是世界的机遇。\n", {{1, "的的"}}},
                    // ...a doubled word at its repetition.
                    {"doubled \"the\"",
                     "China supports the the development of Africa, it said today.\n",
                     {{1, "the development"}},
                     "\"the the\""},
                    {"doubled word across case",
                     "The the white paper was released on Sunday, officials said.\n",
                     {{1, "the white"}}},
                    {"doubled word across a line wrap",
                     "China has always supported the efforts of developing countries to improve the\n"
                     "the quality of life of their people and to achieve growth.\n",
                     {{2, "the quality"}}},
                    {"two slips on one line are two findings",
                     "China supports the the development of of Africa, it said today.\n",
                     {{1, "the development"}, {1, "of Africa"}}},
                    {"a run of one word is one finding",
                     "Many countries still face problems problems problems problems in health care, it said.\n",
                     {{1, "problems problems problems in"}},
                     "\"problems\" repeated 4 times in a row"},
                });
}

TEST(RepeatedTokenTest, NearMisses) {
  ExpectClean(
      "repeated-token",
      {
          {"reduplicated adverb 常常", "中国常常强调发展是解决一切问题的总钥匙。\n"},
          {"compound 南南合作", "南南合作是发展中国家之间的合作。\n"},
          {"two words sharing 国 (中国国际)", "中国国际发展合作署成立于2018年。\n"},
          {"reduplicated 人人", "人人享有健康是共同的目标。\n"},
          {"idiom 不了了之", "这些问题不能不了了之，必须认真解决。\n"},
          {"reduplicated 的的确确", "这的的确确是一个历史性的成就。\n"},
          {"hyphenated South-South", "It is a form of South-South cooperation, it said today.\n"},
          {"\"had had\"", "By 2019 the programme had had a lasting effect on many farmers.\n"},
          {"\"that that\"", "The report says that that approach has worked well in Africa.\n"},
          {"same word across a sentence end", "It was a great success. Success came from hard work, it said.\n"},
          {"same word across a comma", "It is needed, needed by all, the minister said today.\n"},
      });
}

// ---------------------------------------------------------------------------
// encoding-damage

TEST(EncodingDamageTest, Flags) {
  ExpectFlagged("encoding-damage",
                {
                    {"replacement character",
                     "China has built 130 hospitals in Africa \xEF\xBF\xBD and trained doctors.\n",
                     {{1, "\xEF\xBF\xBD"}},
                     "U+FFFD"},
                    {"UTF-8 \"é\" read as Latin-1",
                     "The Caf\xC3\x83\xC2\xA9 de Paris hosted the meeting of ministers.\n",
                     {{1, "\xC3\x83"}},
                     "mojibake"},
                    {"UTF-8 apostrophe read as Windows-1252",
                     "China\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s aid has grown quickly.\n",
                     {{1, "\xC3\xA2"}},
                     "mojibake"},
                    // Windows-1252 puts printable marks at 0x80-0x9F, so "É" (C3 89) and
                    // "Ô" (C3 94) come out as "Ã‰" and "Ã”".
                    {"UTF-8 \"É\" read as Windows-1252",
                     "The \xC3\x83\xE2\x80\xB0"
                     "cole Normale trained 40 teachers.\n",
                     {{1, "\xC3\x83"}},
                     "mojibake"},
                    {"UTF-8 \"Ô\" read as Windows-1252",
                     "C\xC3\x83\xE2\x80\x9D"
                     "TE D'IVOIRE signed the agreement in 2019.\n",
                     {{1, "\xC3\x83"}},
                     "mojibake"},
                    {"no-break space read as Latin-1",
                     "Total aid reached 270.2\xC3\x82\xC2\xA0"
                     "billion yuan, it said.\n",
                     {{1, "\xC3\x82"}}},
                    // "→" is E2 86 92: "â", then "†" and "’" where Windows-1252 puts 0x86, 0x92.
                    {"UTF-8 arrow read as Windows-1252",
                     "Choose Edit \xC3\xA2\xE2\x80\xA0\xE2\x80\x99 Preferences to set it.\n",
                     {{1, "\xC3\xA2"}},
                     "mojibake"},
                    {"GBK replacement pattern", "中国锟斤拷发展合作取得了新的进展。\n", {{1, "锟斤拷"}}},
                    {"control character", "The fund was set up in 2015\x07 and has grown.\n", {{1, "\x07"}}, "control"},
                    {"C1 control character", "He said \xC2\x93yes\xC2\x94 to the plan.\n", {{1, "\xC2\x93"}}, "C1"},
                });
}

// Decision: a lone "Ã" (or "Â") is mojibake only when another Latin-1
// character follows it, as in "Ã©"; in a proper name written in capitals
// ("SÃO TOMÉ") a letter follows, and that is correct text.
TEST(EncodingDamageTest, NearMisses) {
  ExpectClean(
      "encoding-damage",
      {
          {"accented letters", "The meetings in Lomé and São Tomé and Príncipe went well.\n"},
          {"\"Ã\" alone in a proper name", "SÃO TOMÉ AND PRÍNCIPE signed the agreement.\n"},
          {"\"Â\" alone in a word", "The Âge d'or exhibition opened in the capital yesterday.\n"},
          {"copyright sign", "© 2021 Xinhua. All rights reserved by the agency.\n"},
          {"Latin letter before a guillemet", "The sign read \xC2\xBBHauptstra\xC3\x9F\xC2\xAB in large letters.\n"},
          {"accented letter before a symbol",
           "The caf\xC3\xA9\xC2\xB7"
           "bar sign was lit at night.\n"},
          {"tab inside a line", "Total\t270.2 billion yuan was spent on aid in the period.\n"},
      });
}

// ---------------------------------------------------------------------------
// repetition-loop

TEST(RepetitionLoopTest, Flags) {
  ExpectFlagged("repetition-loop",
                {
                    {"4-word phrase repeated 4 times running",
                     "We will build the green silk road the green silk road the green silk road the green silk road "
                     "together.\n",
                     {{1, "the green"}},
                     "\"the green silk road\" repeated 4 times"},
                    {"one word looping",
                     "The partners agreed to cooperation cooperation cooperation cooperation cooperation.\n",
                     {{1, "cooperation"}},
                     "repeated 5 times"},
                    {"loop on a wrapped second line",
                     "The two sides agreed that the programme should continue in the coming years, and\n"
                     "promote common development promote common development promote common development.\n",
                     {{2, "promote"}},
                     "\"promote common development\" repeated 3 times"},
                    {"a list of ten tokens looping",
                     "See accept(2), write(2), getprotoent(3), address_families(7), ip(7) write(2), getprotoent(3), "
                     "address_families(7), ip(7) write(2), getprotoent(3), address_families(7), ip(7) socket(7).\n",
                     {{1, "write"}},
                     "repeated 3 times"},
                });
}

TEST(RepetitionLoopTest, NearMisses) {
  ExpectClean(
      "repetition-loop",
      {
          {"\"development\" several times, never in a row",
           "Development is the top priority; development must be green development, shared development and "
           "open development for all.\n"},
          {"parallel phrases",
           "We will promote trade, promote investment, promote connectivity and promote people-to-people "
           "exchanges.\n"},
          {"phrase said twice for emphasis", "We must act now, we must act now, the minister told the meeting.\n"},
          {"idioms", "Step by step, more and more countries have joined, year after year, side by side.\n"},
      });
}

TEST(RepetitionLoopTest, ThresholdsComeFromTheConfig) {
  const Document doc = Build("We must act now, we must act now, the minister told the meeting.\n");
  CheckConfig config;
  EXPECT_TRUE(OfRule(CheckDocument(doc, config), "repetition-loop").empty());
  config.loop_min_repeats = 2;
  EXPECT_EQ(OfRule(CheckDocument(doc, config), "repetition-loop").size(), 1u);
}

// ---------------------------------------------------------------------------
// untranslated

TEST(UntranslatedTest, Flags) {
  ExpectFlagged("untranslated",
                {
                    {"Han text inside an English paragraph",
                     "China is the largest developing country in the world, it says.\n"
                     "In 2019 China helped build the 中非友谊医院 in Kigali and trained its staff.\n"
                     "The hospital now serves more than a million people every year.\n",
                     {{2, "中"}},
                     "中非友谊医院"},
                    {"untranslated clause with its punctuation",
                     "The white paper says that 中国愿同各国一道，推动构建人类命运共同体 and more.\n",
                     {{1, "中国"}},
                     "中国愿同各国一道，推动构建人类命运共同体"},
                    {"Han text in an English heading",
                     "(I) Cultural roots\nThis part explains what was done in area 1, and why, with figures.\n"
                     "(II) 新进展 in cooperation\nThis part explains what was done in area 2, and why, with figures.\n",
                     {{3, "新"}}},
                });
}

TEST(UntranslatedTest, ChineseWithLatinTermsIsNotEnglish) {
  ExpectClean(
      "untranslated",
      {
          {"a Chinese text with a mixed-script title",
           "Debian Edu / Skolelinux 12 Bookworm 手册\n\n这是 Debian Edu 12 版本的手册，介绍了安装和使用方法。\n\n"
           "该网站提供了更多的信息和文档，供管理员和用户参考。\n"},
      });
}

TEST(UntranslatedTest, NearMisses) {
  ExpectClean("untranslated",
              {
                  {"Chinese half of a bilingual text",
                   "中国是世界上最大的发展中国家。\n\nChina is the largest developing country.\n\n"
                   "中国始终支持发展中国家。\n\nChina always supports developing countries.\n\n"
                   "这是基本国情。\n\nThis is a basic fact.\n"},
                  {"full-width punctuation but no Han", "China\xEF\xBC\x8C the largest developing country, said so.\n"},
                  {"Chinese monolingual text", "中国是世界上最大的发展中国家，始终支持发展中国家。\n"},
              });
}

// ---------------------------------------------------------------------------
// punctuation-spacing

// A quotation mark eaten by mojibake, a bracket a loop repeats, a comma of
// a clause left in Chinese: the other defect is reported, not its echo.
TEST(PunctuationSpacingTest, EchoesOfAnotherDefectAreThatDefect) {
  auto rules = [](const std::string& text) {
    std::set<std::string> out;
    for (const Finding& f : CheckDocument(Build(text), CheckConfig{})) out.insert(f.rule);
    return out;
  };
  EXPECT_EQ(
      rules("The installer will let you set up the \xC3\xA2\xE2\x82\xAC\xC5\x93root\xE2\x80\x9D account first.\n"),
      (std::set<std::string>{"encoding-damage"}));
  EXPECT_EQ(rules("Open the panel (draw Open the panel (draw Open the panel (draw Open the panel (draw panel) now.\n"),
            (std::set<std::string>{"repetition-loop"}));
  EXPECT_EQ(rules("The board is ready. 然后，点击按钮，运行检查。 The check runs at once and lists each error.\n"),
            (std::set<std::string>{"untranslated"}));
  EXPECT_EQ(rules("Place the texts of the title block (with format symbols that will be\n"),
            (std::set<std::string>{"truncated-paragraph"}));
}

TEST(PunctuationSpacingTest, Flags) {
  ExpectFlagged("punctuation-spacing",
                {
                    {"no space after a full stop",
                     "It is a form of South-South cooperation.China has made great achievements.\n",
                     {{1, ".China"}},
                     "no space after \".\""},
                    {"no space after a full stop that follows a year",
                     "The programme ended in 2019.China then launched a new one, it said.\n",
                     {{1, ".China"}}},
                    {"no space after a comma",
                     "China supports trade,investment and finance in Africa, it said.\n",
                     {{1, ",investment"}},
                     "no space after \",\""},
                    // Brackets and quotes are counted over the paragraph: reported at its start.
                    {"unclosed bracket",
                     "The fund (set up in 2015 has helped many countries, it said.\n",
                     {{1, ""}},
                     "unbalanced brackets"},
                    {"full-width comma in English",
                     "China\xEF\xBC\x8Cthe largest developing country, has done much.\n",
                     {{1, "\xEF\xBC\x8C"}},
                     "full-width"},
                    {"unclosed curly quote",
                     "He called it \xE2\x80\x9C"
                     "a new chapter in cooperation, it said.\n",
                     {{1, ""}},
                     "quotation"},
                    {"half-width comma between Han characters",
                     "中国积极参与全球治理,推动构建人类命运共同体。\n",
                     {{1, ","}},
                     "half-width"},
                    // A document that writes half-width commas throughout has one finding
                    // that counts them; one that deviates from its own full-width style
                    // has one at each deviation.
                    {"half-width commas as the document's convention",
                     "中国积极参与全球治理,推动构建人类命运共同体。\n\n中国坚持共商共建共享,推动合作,实现共赢。\n",
                     {{1, ","}},
                     "3 times"},
                    {"a half-width comma among full-width ones",
                     "中国积极参与全球治理，推动构建人类命运共同体。\n\n中国坚持共商共建共享，推动合作,实现共赢。\n",
                     {{3, ","}},
                     "half-width \",\" in Chinese text"},
                    {"two slips on one line are two findings",
                     "The fund (set up in 2015 has helped many countries.China has done much.\n",
                     {{1, ""}, {1, ".China"}}},
                });
}

TEST(PunctuationSpacingTest, NearMisses) {
  ExpectClean("punctuation-spacing",
              {
                  {"abbreviations and numbers",
                   "The U.S. Congress discussed it, e.g. this year, and approved 1,069 projects worth 3.5 billion.\n"},
                  {"degree abbreviation", "Ph.D. candidates from 20 countries studied in China last year, it said.\n"},
                  {"balanced quotes and brackets",
                   "He said \xE2\x80\x9Cwe will help\xE2\x80\x9D (and he did) and \"so will they\", it said.\n"},
                  {"web address", "The full text is available at www.gov.cn for all readers, it said.\n"},
                  // Lettered list items close a bracket they never open; copy editors
                  // accept "a)" as an enumerator.
                  {"lettered list items", "The plan has three parts: a) training, b) equipment and c) funding.\n"},
                  {"Chinese text with full-width punctuation", "中国积极参与全球治理，推动构建人类命运共同体。\n"},
              });
}

// ---------------------------------------------------------------------------
// bullet-style

TEST(BulletStyleTest, Flags) {
  ExpectFlagged("bullet-style",
                {
                    {"one list mixing \"——\" and \"-\"",
                     "China follows these principles in its cooperation, among others:\n"
                     "\xE2\x80\x94\xE2\x80\x94"
                     "Equality and mutual benefit.\n"
                     "- Openness and inclusiveness.\n"
                     "\xE2\x80\x94\xE2\x80\x94"
                     "Win-win cooperation.\n",
                     {{3, ""}},
                     "list item marked \"-\" in a list of 3 items marked \"\xE2\x80\x94\xE2\x80\x94\""},
                    // Each deviant item is the line to fix.
                    {"one Chinese list mixing \"——\" and \"•\"",
                     "中国坚持以下原则：\n——平等互利。\n•开放包容。\n——合作共赢。\n•互学互鉴。\n——共同发展。\n",
                     {{3, ""}, {5, ""}}},
                    // The first item lost its line break and was run into the paragraph
                    // before: the list starts there, and so does its deviant item.
                    {"a first item glued onto the paragraph before",
                     "China deepens its exchanges with partners, as it said.\xE2\x80\x94\xE2\x80\x94"
                     "Practice cooperation.\n"
                     "\xE2\x80\x94"
                     "Implement tripartite projects.\n"
                     "\xE2\x80\x94"
                     "Increase donations.\n",
                     {{1, ""}},
                     "list of 3 items"},
                });
}

TEST(BulletStyleTest, NearMisses) {
  ExpectClean(
      "bullet-style",
      {
          {"a list all \"——\"", "中国坚持以下原则：\n——平等互利。\n——开放包容。\n——合作共赢。\n"},
          {"two lists, each consistent",
           "China follows these principles in its cooperation, among others:\n"
           "\xE2\x80\x94\xE2\x80\x94"
           "Equality and mutual benefit.\n"
           "\xE2\x80\x94\xE2\x80\x94"
           "Win-win cooperation.\n"
           "It also sets out these goals for the coming years, in all regions:\n"
           "- Openness and inclusiveness.\n"
           "- Shared development.\n"},
          {"interleaved bilingual lists, each language consistent",
           "中国坚持以下原则，这些原则是长期形成的：\n\nChina follows these principles, formed over many years:\n\n"
           "——平等互利。\n\n\xE2\x80\x94"
           "Equality and mutual benefit.\n\n"
           "——开放包容。\n\n\xE2\x80\x94"
           "Openness and inclusiveness.\n\n"
           "——合作共赢。\n\n\xE2\x80\x94"
           "Win-win cooperation.\n"},
          {"a dash inside a sentence before a consistent list",
           "China, as it said\xE2\x80\x94"
           "Practice cooperation first.\n"
           "\xE2\x80\x94"
           "Implement tripartite projects.\n"
           "\xE2\x80\x94"
           "Increase donations.\n"},
          {"a glued marker the same as the list's",
           "China deepens its exchanges with partners, as it said.\xE2\x80\x94"
           "Practice cooperation.\n"
           "\xE2\x80\x94"
           "Implement tripartite projects.\n"
           "\xE2\x80\x94"
           "Increase donations.\n"},
          {"negative number is not a bullet",
           "\xE2\x80\x94\xE2\x80\x94"
           "Equality and mutual benefit.\n-5% was the change in the year, a fall.\n"},
      });
}

// ---------------------------------------------------------------------------
// The machinery shared by the rules.

// A text that trips several rules, so that the tests below cover each.
constexpr const char* kFlawed =
    "China supports the the development of Africa, it said today.\n"
    "\n"
    "It is a form of South-South cooperation.China has made great achievements.\n"
    "\n"
    "(I) Cultural roots\n"
    "\n"
    "The cultural genes of the nation are a driving force, it says, and more.\n"
    "\n"
    "(III) Practice\n"
    "\n"
    "China has provided aid to many countries in many forms over the years and always supports\n";

TEST(CatalogueTest, EveryDocumentRuleIsCatalogued) {
  for (const char* id : {"garbled-heading", "truncated-paragraph", "numbering-sequence", "numbering-style",
                         "boilerplate", "repeated-token", "encoding-damage", "repetition-loop", "untranslated",
                         "punctuation-spacing", "bullet-style"}) {
    const Rule* rule = FindRule(id);
    ASSERT_NE(rule, nullptr) << id;
    EXPECT_STREQ(rule->id, id);
    EXPECT_NE(std::string(rule->description), "");
  }
  EXPECT_EQ(FindRule("no-such-rule"), nullptr);
}

TEST(FingerprintTest, SurvivesAnUnrelatedParagraphAbove) {
  const std::vector<Finding> before = CheckDocument(Build(kFlawed), {});
  const std::string inserted = "An unrelated paragraph was added above, and it says nothing wrong at all.\n\n";
  const std::vector<Finding> after = CheckDocument(Build(inserted + kFlawed), {});
  std::set<std::string> rules;
  for (const Finding& f : before) rules.insert(f.rule);
  ASSERT_GE(rules.size(), 4u) << Describe(before);
  ASSERT_EQ(before.size(), after.size()) << Describe(before) << Describe(after);
  for (size_t k = 0; k < before.size(); ++k) {
    SCOPED_TRACE(FormatFinding(before[k]));
    EXPECT_EQ(after[k].rule, before[k].rule);
    EXPECT_EQ(after[k].locations[0].line, before[k].locations[0].line + 2);  // its line moves...
    EXPECT_EQ(after[k].fingerprint, before[k].fingerprint);                  // ...its fingerprint does not
  }
}

TEST(FingerprintTest, DependsOnTheTextAndTheRule) {
  const std::vector<Finding> one = CheckDocument(Build("China supports the the development of Africa.\n"), {});
  const std::vector<Finding> other = CheckDocument(Build("China supports the the growth of Asia.\n"), {});
  ASSERT_EQ(OfRule(one, "repeated-token").size(), 1u);
  ASSERT_EQ(OfRule(other, "repeated-token").size(), 1u);
  EXPECT_NE(OfRule(one, "repeated-token")[0]->fingerprint, OfRule(other, "repeated-token")[0]->fingerprint);
  // The same text in a file of the same name in another folder: same id.
  const std::vector<Finding> moved =
      CheckDocument(Build("China supports the the development of Africa.\n", "elsewhere/test.txt"), {});
  ASSERT_EQ(OfRule(moved, "repeated-token").size(), 1u);
  EXPECT_EQ(OfRule(moved, "repeated-token")[0]->fingerprint, OfRule(one, "repeated-token")[0]->fingerprint);
  EXPECT_NE(Fingerprint("repeated-token", "test.txt", "x"), Fingerprint("untranslated", "test.txt", "x"));
}

TEST(CheckConfigTest, DisablingARuleRemovesOnlyItsFindings) {
  const Document doc = Build(kFlawed);
  const std::vector<Finding> all = CheckDocument(doc, {});
  ASSERT_FALSE(OfRule(all, "repeated-token").empty()) << Describe(all);
  CheckConfig config;
  config.enabled["repeated-token"] = false;
  EXPECT_FALSE(config.Enabled("repeated-token"));
  EXPECT_TRUE(config.Enabled("untranslated"));  // unnamed rules stay on
  const std::vector<Finding> some = CheckDocument(doc, config);
  EXPECT_TRUE(OfRule(some, "repeated-token").empty());
  EXPECT_EQ(some.size(), all.size() - OfRule(all, "repeated-token").size());
  // Explicitly enabled is the same as the default.
  config.enabled["repeated-token"] = true;
  EXPECT_EQ(CheckDocument(doc, config).size(), all.size());
}

TEST(CheckConfigTest, SeverityOverride) {
  const Document doc = Build(kFlawed);
  const std::vector<Finding> plain = CheckDocument(doc, {});
  ASSERT_FALSE(OfRule(plain, "punctuation-spacing").empty());
  EXPECT_EQ(OfRule(plain, "punctuation-spacing")[0]->severity, Severity::kInfo);
  CheckConfig config;
  config.severity["punctuation-spacing"] = Severity::kError;
  const std::vector<Finding> raised = CheckDocument(doc, config);
  ASSERT_EQ(OfRule(raised, "punctuation-spacing").size(), OfRule(plain, "punctuation-spacing").size());
  for (const Finding* f : OfRule(raised, "punctuation-spacing")) EXPECT_EQ(f->severity, Severity::kError);
  // Other rules keep their defaults.
  for (const Finding* f : OfRule(raised, "repeated-token")) EXPECT_EQ(f->severity, Severity::kWarning);
  // The override does not change what the finding is.
  EXPECT_EQ(OfRule(raised, "punctuation-spacing")[0]->fingerprint,
            OfRule(plain, "punctuation-spacing")[0]->fingerprint);
}

TEST(FormatFindingTest, FileLineColumnSeverityMessageRule) {
  const std::vector<Finding> found =
      CheckDocument(Build("China supports the the development of Africa, it said today.\n"), {});
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(FormatFinding(found[0]), "test.txt:1:20: warning: doubled word \"the the\" [repeated-token]");

  Finding f;
  f.rule = "omission";
  f.severity = Severity::kError;
  f.message = "official paragraph not rendered";
  f.locations.push_back({"docs/official.txt", 12, 3, 14});
  EXPECT_EQ(FormatFinding(f), "docs/official.txt:12:3: error: official paragraph not rendered [omission]");
  f.locations.clear();
  EXPECT_EQ(FormatFinding(f), "error: official paragraph not rendered [omission]");
}

// ---------------------------------------------------------------------------
// DropRepeatEchoes

// Body text long enough to seed a repeat, each paragraph worded apart so
// that only true copies look alike.
std::string Prose(int k) {
  static const char* const kProse[] = {
      "",
      "The cultural genes of the Chinese nation, such as repaying kindness with kindness, have long shaped "
      "how the country treats its friends abroad and what it expects of itself.",
      "Since 2012 cooperation has entered a new era: the concept of a shared future guides it, and its goals "
      "have become clearer as the scale of the work has grown year after year.",
      "From 2013 to 2018 China allocated 270.2 billion yuan for foreign assistance, most of it in grants and "
      "interest-free loans to the least developed countries of Asia and Africa.",
      "Projects now cover agriculture, health, education and clean energy, and they reach small island "
      "states and landlocked countries that had received little help before.",
      "Besides complete projects, China sends medical teams and volunteers, trains officials and technicians, "
      "and offers scholarships to students from partner countries every year.",
  };
  return kProse[k];
}

std::string ChineseProse(int k) {
  static const char* const kProse[] = {
      "",
      "中华民族以德报德、讲信修睦的文化基因，长期影响着中国对待海外朋友的方式和对自身的要求。",
      "二〇一二年以来，国际发展合作进入新时代，人类命运共同体理念引领合作，目标随着规模扩大日益清晰。",
      "二〇一三年至二〇一八年，中国对外援助金额为二千七百零二亿元，主要以无偿援助和无息贷款提供给亚非最不发达国家。",
      "项目涵盖农业、卫生、教育和清洁能源，惠及过去很少得到援助的小岛屿国家和内陆国家。",
      "除成套项目外，中国还派遣医疗队和志愿者，培训官员和技术人员，每年为伙伴国学生提供奖学金。",
  };
  return kProse[k];
}

TEST(DropRepeatEchoesTest, DropsNumberingBrokenOnlyByARepeatedSection) {
  const std::vector<std::string> zh_titles = {"(一)文化根脉", "(二)新时代", "(三)规模扩大", "(四)领域拓展",
                                              "(五)方式多样"};
  const std::vector<std::string> en_titles = {"(I) Cultural roots", "(II) The new era", "(III) Scale has expanded",
                                              "(IV) Areas have widened", "(V) Forms have diversified"};
  std::string official;
  for (size_t k = 0; k < zh_titles.size(); ++k) {
    const int n = static_cast<int>(k) + 1;
    official += zh_titles[k] + "\n\n" + ChineseProse(n) + "\n\n" + en_titles[k] + "\n\n" + Prose(n) + "\n\n";
  }
  // The MT restarts at (II) after (III): lines 1-6 are the first copy, the
  // repeat begins on line 7; a real gap, (III) -> (V), follows on line 11.
  const std::string mt_text = en_titles[0] + "\n" + Prose(1) + "\n" + en_titles[1] + "\n" + Prose(2) + "\n" +
                              en_titles[2] + "\n" + Prose(3) + "\n" + en_titles[1] + "\n" + Prose(2) + "\n" +
                              en_titles[2] + "\n" + Prose(3) + "\n" + en_titles[4] + "\n" + Prose(5) + "\n";
  const Document official_doc = Build(official, "official.txt");
  const Document mt = Build(mt_text, "mt.txt");
  const align::Comparison c = CompareWithBilingual(official_doc, mt);
  ASSERT_EQ(c.repeats.repeats.size(), 1u);
  ASSERT_EQ(c.mt_paragraphs[static_cast<size_t>(c.repeats.repeats[0].repeat_begin)]->lines().first, 7);

  std::vector<Finding> findings = CheckDocument(mt, {});
  std::vector<int> lines;
  for (const Finding* f : OfRule(findings, "numbering-sequence")) lines.push_back(f->locations[0].line);
  ASSERT_EQ(lines, (std::vector<int>{7, 11})) << Describe(findings);

  // Findings DropRepeatEchoes must leave alone: the same lines in another
  // file, and another rule at the repeat.
  Finding other_file = *OfRule(findings, "numbering-sequence")[0];
  for (Location& l : other_file.locations) l.file = "official.txt";
  Finding other_rule = other_file;
  other_rule.rule = "garbled-heading";
  for (Location& l : other_rule.locations) l.file = "mt.txt";
  findings.push_back(other_file);
  findings.push_back(other_rule);
  const size_t before = findings.size();

  DropRepeatEchoes(c, "mt.txt", findings);
  EXPECT_EQ(findings.size(), before - 1);
  lines.clear();
  for (const Finding* f : OfRule(findings, "numbering-sequence")) {
    if (f->locations[0].file == "mt.txt") lines.push_back(f->locations[0].line);
  }
  EXPECT_EQ(lines, (std::vector<int>{11}));  // the real gap stays
  EXPECT_EQ(OfRule(findings, "garbled-heading").size(), 1u);
  EXPECT_EQ(std::count_if(findings.begin(), findings.end(),
                          [](const Finding& f) { return f.locations[0].file == "official.txt"; }),
            1);
}

TEST(DropRepeatEchoesTest, WithoutRepeatsNothingIsDropped) {
  align::Comparison c;  // no repeats
  std::vector<Finding> findings = CheckDocument(Build(kFlawed), {});
  const size_t before = findings.size();
  ASSERT_FALSE(OfRule(findings, "numbering-sequence").empty());
  DropRepeatEchoes(c, "test.txt", findings);
  EXPECT_EQ(findings.size(), before);
}

// ---------------------------------------------------------------------------
// Rules over a comparison: toc-mismatch, partial omission, copies

// An official bilingual text of three sections and an MT of it.
struct ComparedSet {
  Document official, mt;
  std::vector<Finding> findings;
};

ComparedSet Compare(const std::string& mt_text) {
  const std::vector<std::string> zh_titles = {"一、救灾", "二、粮食援助", "三、前言"};
  const std::vector<std::string> en_titles = {"1. Emergency rescue after natural disasters", "2. Food assistance",
                                              "3. Preface"};
  std::string official;
  for (size_t k = 0; k < zh_titles.size(); ++k) {
    const int n = static_cast<int>(k) + 1;
    official += zh_titles[k] + "\n\n" + ChineseProse(n) + "\n\n" + en_titles[k] + "\n\n" + Prose(n) + "\n\n";
  }
  ComparedSet set{Build(official, "official.txt"), Build(mt_text, "mt.txt"), {}};
  set.findings = CheckDocumentSet({&set.official}, {&set.mt}, nullptr, {});
  return set;
}

std::vector<int> LinesOf(const std::vector<Finding>& findings, const std::string& rule) {
  std::vector<int> lines;
  for (const Finding* f : OfRule(findings, rule)) lines.push_back(f->locations[0].line);
  return lines;
}

TEST(TocMismatchTest, AnEntryCutMidPhraseIsFlaggedRewordingIsNot) {
  const ComparedSet set = Compare(
      "Contents\n"
      "1. Carry out natural disaster emergency\n"  // cut: "emergency" lost "rescue"
      "2. Provide food assistance\n"               // a qualifier dropped after a function word
      "3. Introduction\n"                          // another word for the same title
      "1. Carry out emergency rescue for natural disasters\n" +
      Prose(1) + "\n" + "2. Provide food assistance to deal with famine\n" + Prose(2) + "\n" + "3. Preface\n" +
      Prose(3) + "\n");
  EXPECT_EQ(LinesOf(set.findings, "toc-mismatch"), (std::vector<int>{2})) << Describe(set.findings);
  const Finding& f = *OfRule(set.findings, "toc-mismatch")[0];
  EXPECT_EQ(EvidenceTexts(f, "lost"), (std::vector<std::string>{"rescue"}));
  ASSERT_EQ(f.locations.size(), 2u);
  EXPECT_EQ(f.locations[1].line, 5);  // the heading it stops short of
}

// A table of contents lists the sections after it down to its own depth:
// the chapter it opens and the sub-sections below its deepest entries are
// not missing from it; a section at a depth it lists is.
TEST(TocMismatchTest, OnlyHeadingsAtTheDepthsTheContentsListAreExpectedInThem) {
  const ComparedSet set = Compare(
      "Chapter 3. Before Installing\n"
      "Contents\n"
      "3.1. Overview of the process\n"
      "3.2. Back up your existing data\n"
      "3.3. Information you will need\n"
      "3.4. Meeting the hardware requirements\n"
      "3.1. Overview of the process\n" +
      Prose(1) + "\n" + "3.1.1. Documentation\n" + Prose(2) + "\n" + "3.2. Back up your existing data\n" + Prose(3) +
      "\n" + "3.3. Information you will need\n" + Prose(4) + "\n" + "3.4. Meeting the hardware requirements\n" +
      Prose(5) + "\n" + "3.5. Pre-partitioning for multi-boot systems\n" + Prose(1) + "\n");
  EXPECT_EQ(LinesOf(set.findings, "toc-mismatch"), (std::vector<int>{17})) << Describe(set.findings);
}

// A contents entry whose heading the outline could not pair (its number
// garbled) is not reported: a paragraph after the entry that ends with the
// entry's title, after a short prefix, is its heading. One with no such
// paragraph after it is reported, even where its title ends a paragraph
// before the contents.
TEST(TocMismatchTest, AnEntryWhoseHeadingLostItsNumberIsNotMissing) {
  const ComparedSet set = Compare(
      "Part 9 Preface\n"
      "Contents\n"
      "1. Emergency rescue after natural disasters\n"
      "2. Food assistance\n"
      "3. Preface\n"
      "1. Emergency rescue after natural disasters\n" +
      Prose(1) + "\n" + "2,Food assistance\n" + Prose(2) + "\n" + "A closing remark on foreign aid\n" + Prose(3) +
      "\n");
  std::vector<std::string> missing;
  for (const Finding* f : OfRule(set.findings, "toc-mismatch")) {
    if (f->message.find("has no heading in the body") != std::string::npos) missing.push_back(f->message);
  }
  EXPECT_EQ(missing, (std::vector<std::string>{"contents entry \"3. Preface\" has no heading in the body"}))
      << Describe(set.findings);
}

TEST(OmissionTest, APartialRenderingIsReportedAtTheMtLine) {
  // Section 2's heading is rendered with words lost; section 1's is reworded.
  const ComparedSet set = Compare("1. Rescue work after natural disasters\n" + Prose(1) + "\n" + "2. Assistance\n" +
                                  Prose(2) + "\n" + "3. Preface\n" + Prose(3) + "\n");
  ASSERT_EQ(LinesOf(set.findings, "omission"), (std::vector<int>{3})) << Describe(set.findings);
  const Finding& f = *OfRule(set.findings, "omission")[0];
  EXPECT_EQ(f.locations[0].file, "mt.txt");
  EXPECT_EQ(EvidenceTexts(f, "lost"), (std::vector<std::string>{"Food"}));
  EXPECT_EQ(f.locations[1].file, "official.txt");
  EXPECT_TRUE(OfRule(set.findings, "addition").empty()) << Describe(set.findings);
}

TEST(OmissionTest, AFindingInRepeatedTextIsReportedInEachCopy) {
  // The MT starts again after its first two sections: both copies of the
  // cut heading carry the finding.
  const std::string head =
      "1. Emergency rescue after natural disasters\n" + Prose(1) + "\n" + "2. Assistance\n" + Prose(2) + "\n";
  const ComparedSet set = Compare(head + head + "3. Preface\n" + Prose(3) + "\n");
  ASSERT_EQ(OfRule(set.findings, "duplicated-section").size(), 1u) << Describe(set.findings);
  EXPECT_EQ(LinesOf(set.findings, "omission"), (std::vector<int>{3, 7})) << Describe(set.findings);
}

TEST(RepetitionLoopTest, ALoopTheSourceHasIsNoHallucination) {
  // Paragraph 2's Chinese repeats its slogan four times; the MT renders that
  // faithfully. Paragraph 3's MT loops where its Chinese does not.
  const std::string zh2 = "我们的口号是：合作共赢，合作共赢，合作共赢，合作共赢，这是一贯的立场。";
  const std::string en2 =
      "Our slogan is: win-win cooperation, win-win cooperation, win-win cooperation, "
      "win-win cooperation, a consistent position.";
  const std::string official = ChineseProse(1) + "\n\n" + Prose(1) + "\n\n" + zh2 + "\n\n" + en2 + "\n\n" +
                               ChineseProse(3) + "\n\n" + Prose(3) + "\n\n";
  const std::string looping3 =
      "From 2013 to 2018 China allocated 270.2 billion yuan for foreign assistance, most of it in "
      "grants of Finance and Economic Connection of Finance and Economic Connection of Finance "
      "and Economic Connection of Finance and Economic Connection.";
  const Document official_doc = Build(official, "official.txt");
  const Document mt = Build(Prose(1) + "\n" + en2 + "\n" + looping3 + "\n", "mt.txt");
  const std::vector<Finding> alone = CheckDocument(mt, {});
  ASSERT_EQ(LinesOf(alone, "repetition-loop"), (std::vector<int>{2, 3})) << Describe(alone);
  const std::vector<Finding> compared = CheckDocumentSet({&official_doc}, {&mt}, nullptr, {});
  EXPECT_EQ(LinesOf(compared, "repetition-loop"), (std::vector<int>{3})) << Describe(compared);
}

TEST(NumberMismatchTest, TheOfficialEnglishIsHeldToItsChineseWhereANumberChanged) {
  // Paragraph 3's English turns 2702亿 into 207.2 billion; paragraph 1's adds
  // an explicit year, as edited translations do.
  const std::string official =
      ChineseProse(1) + "\n\n" + "Since 1949, " + Prose(1) + "\n\n" + ChineseProse(2) + "\n\n" + Prose(2) + "\n\n" +
      ChineseProse(3) + "\n\n" +
      "From 2013 to 2018 China allocated 207.2 billion yuan for foreign assistance, most of it in "
      "grants and interest-free loans to the least developed countries of Asia and Africa.\n\n";
  const Document official_doc = Build(official, "official.txt");
  const Document mt = Build(Prose(1) + "\n" + Prose(2) + "\n" + Prose(3) + "\n", "mt.txt");
  const std::vector<Finding> found = CheckDocumentSet({&official_doc}, {&mt}, nullptr, {});
  const auto numbers = OfRule(found, "number-mismatch");
  ASSERT_EQ(numbers.size(), 1u) << Describe(found);
  EXPECT_EQ(numbers[0]->locations[0].file, "official.txt");
  EXPECT_EQ(numbers[0]->locations[0].line, 11);
  EXPECT_EQ(EvidenceTexts(numbers[0], "missing"), (std::vector<std::string>{"270200000000"}));
}

// The official text of five sections and an MT made of its English with
// some paragraphs replaced; findings of the whole catalogue.
std::vector<Finding> CheckFiveSections(const std::vector<std::pair<int, std::string>>& mt_changes,
                                       const std::string& official_en3 = Prose(3),
                                       const align::Lexicon* lexicon = nullptr) {
  std::string official, mt;
  for (int k = 1; k <= 5; ++k) {
    official += ChineseProse(k) + "\n\n" + (k == 3 ? official_en3 : Prose(k)) + "\n\n";
  }
  for (int k = 1; k <= 5; ++k) {
    std::string text = Prose(k);
    for (const auto& [which, replacement] : mt_changes) {
      if (which == k) text = replacement;
    }
    if (!text.empty()) mt += text + "\n";
  }
  const Document official_doc = Build(official, "official.txt");
  const Document mt_doc = Build(mt, "mt.txt");
  return CheckDocumentSet({&official_doc}, {&mt_doc}, lexicon, {});
}

TEST(ComparisonRulesTest, AFaithfulMtRaisesNothing) {
  const std::vector<Finding> found = CheckFiveSections({});
  for (const char* rule : {"omission", "addition", "number-mismatch", "low-similarity", "length-ratio",
                           "route-disagreement", "duplicated-section"}) {
    EXPECT_TRUE(OfRule(found, rule).empty()) << rule << "\n" << Describe(found);
  }
}

// The first or last paragraph left out is an omission too: the MT has
// nothing beyond it that the official text might not cover.
TEST(ComparisonRulesTest, OmissionOfTheFirstOrLastParagraph) {
  const std::vector<Finding> first = CheckFiveSections({{1, ""}});
  EXPECT_EQ(LinesOf(first, "omission"), (std::vector<int>{3})) << Describe(first);
  const std::vector<Finding> last = CheckFiveSections({{5, ""}});
  EXPECT_EQ(LinesOf(last, "omission"), (std::vector<int>{19})) << Describe(last);
}

// A paragraph left in Chinese is untranslated, where it stands in the MT,
// and not also an omission of the official paragraph it copies.
TEST(ComparisonRulesTest, AParagraphLeftInChinese) {
  const std::vector<Finding> found = CheckFiveSections({{3, ChineseProse(3)}});
  EXPECT_EQ(LinesOf(found, "untranslated"), (std::vector<int>{3})) << Describe(found);
  EXPECT_TRUE(OfRule(found, "omission").empty()) << Describe(found);
  EXPECT_TRUE(OfRule(found, "addition").empty()) << Describe(found);
}

// A paragraph left in Chinese where the MT has one paragraph more than the
// official text (a Chinese line slipped in, its label kept in English) is
// untranslated, not also an addition.
TEST(ComparisonRulesTest, AnExtraParagraphLeftInChineseIsNoAddition) {
  const std::vector<Finding> found = CheckFiveSections({{3, Prose(3) + "\nEINVAL 错误的 type 标志。"}});
  EXPECT_EQ(LinesOf(found, "untranslated"), (std::vector<int>{4})) << Describe(found);
  EXPECT_TRUE(OfRule(found, "addition").empty()) << Describe(found);
}

// An MT paragraph that stops mid-sentence where its official paragraph goes
// on is cut: one truncated-paragraph finding, not also a partial omission.
TEST(ComparisonRulesTest, ARenderingCutShortIsTruncated) {
  const std::vector<Finding> found = CheckFiveSections({{2, "Since 2012 cooperation has entered a new era"}});
  EXPECT_EQ(LinesOf(found, "truncated-paragraph"), (std::vector<int>{2})) << Describe(found);
  EXPECT_TRUE(OfRule(found, "omission").empty()) << Describe(found);
}

// A clause of the Chinese left in place of a rendering stops where the
// clause does: untranslated, not also cut.
TEST(ComparisonRulesTest, AChineseClauseLeftInIsNotACut) {
  const std::vector<Finding> found =
      CheckFiveSections({{3, "二〇一三年至二〇一八年，中国对外援助金额为二千七百零二亿元，"}});
  EXPECT_EQ(LinesOf(found, "untranslated"), (std::vector<int>{3})) << Describe(found);
  EXPECT_TRUE(OfRule(found, "truncated-paragraph").empty()) << Describe(found);
}

TEST(ComparisonRulesTest, OmissionAndAddition) {
  const std::string inserted =
      "Related to this, the weather in the capital was mild throughout the spring, and many visitors came to "
      "see the gardens and the old city walls before the summer heat arrived.";
  const std::vector<Finding> dropped = CheckFiveSections({{3, ""}});
  EXPECT_EQ(LinesOf(dropped, "omission"), (std::vector<int>{11})) << Describe(dropped);  // official English 3
  const std::vector<Finding> added = CheckFiveSections({{3, Prose(3) + "\n" + inserted}});
  EXPECT_EQ(LinesOf(added, "addition"), (std::vector<int>{4})) << Describe(added);
  EXPECT_TRUE(OfRule(added, "omission").empty()) << Describe(added);
}

// Where the official English has a paragraph more than the Chinese (a
// newer version adds a line), the two share a row; the MT that keeps the
// added line and leaves out the other omits that paragraph, reported there.
TEST(ComparisonRulesTest, AParagraphLeftOutOfARowOfTwo) {
  const std::string added_line = "Standard C library (libc, -lc)";
  const std::vector<Finding> found = CheckFiveSections({{3, added_line}}, Prose(3) + "\n\n" + added_line);
  EXPECT_EQ(LinesOf(found, "omission"), (std::vector<int>{11})) << Describe(found);
}

// A paragraph added before the first or after the last paragraph the MT
// renders is an addition too, when the MT renders the official text from
// its start (to its end); a longer run there is text the official lacks.
TEST(ComparisonRulesTest, AdditionBeforeTheFirstOrAfterTheLastParagraph) {
  const std::string comment = "Observers welcomed the document as a timely statement of policy for the coming decade.";
  const std::vector<Finding> head = CheckFiveSections({{1, comment + "\n" + Prose(1)}});
  EXPECT_EQ(LinesOf(head, "addition"), (std::vector<int>{1})) << Describe(head);
  const std::vector<Finding> tail = CheckFiveSections({{5, Prose(5) + "\n" + comment}});
  EXPECT_EQ(LinesOf(tail, "addition"), (std::vector<int>{6})) << Describe(tail);
}

// A sentence appended to a paragraph the MT otherwise renders word for word
// is an addition, reported on that sentence; the same paragraph split into
// two sentences adds nothing.
TEST(ComparisonRulesTest, ASentenceAddedInsideAParagraph) {
  const std::string appended = Prose(3) + " Experts say that this move will further strengthen regional trade ties.";
  const std::vector<Finding> added = CheckFiveSections({{3, appended}});
  ASSERT_EQ(LinesOf(added, "addition"), (std::vector<int>{3})) << Describe(added);
  EXPECT_NE(OfRule(added, "addition")[0]->message.find("Experts say"), std::string::npos);
  EXPECT_GT(OfRule(added, "addition")[0]->locations[0].column, 100);  // on the sentence, not the paragraph
  EXPECT_TRUE(OfRule(added, "omission").empty()) << Describe(added);
  const std::string split =
      "From 2013 to 2018 China allocated 270.2 billion yuan for foreign assistance. Most of it went in grants and "
      "interest-free loans to the least developed countries of Asia and Africa.";
  const std::vector<Finding> same = CheckFiveSections({{3, split}});
  EXPECT_TRUE(OfRule(same, "addition").empty()) << Describe(same);
}

// An added sentence after a short paragraph rendered word for word: three
// content words of the official paragraph are enough to tell the rest
// renders it.
TEST(ComparisonRulesTest, ASentenceAddedAfterAShortParagraph) {
  const std::string official_en3 = "Loans carry no interest.";
  const std::string appended =
      official_en3 + " It is worth noting that this approach has been widely praised at home and abroad.";
  const std::vector<Finding> added = CheckFiveSections({{3, appended}}, official_en3);
  ASSERT_EQ(LinesOf(added, "addition"), (std::vector<int>{3})) << Describe(added);
  EXPECT_NE(OfRule(added, "addition")[0]->message.find("worth noting"), std::string::npos);
}

// A sentence whose words gloss the Chinese the official English leaves out
// renders the source; glosses of one-character words (和: "peace",
// "harmony", "union"; 给: "to allow", "for the benefit of") match any
// sentence by chance and do not make one a rendering.
TEST(ComparisonRulesTest, ASentenceGlossingTheChineseIsNoAddition) {
  align::Lexicon lexicon;
  lexicon.Add("和", "and/together with/with/sum/union/peace/harmony");
  lexicon.Add("给", "to/for/for the benefit of/to give/to allow/to do sth (for sb)");
  lexicon.Add("金额", "sum of money/monetary value");
  lexicon.Add("无偿", "free/no charge/at no cost");
  lexicon.Add("提供", "to offer/to supply/to provide/to furnish");
  const std::string chance = Prose(3) + " This union will bring peace and harmony and allow all to benefit.";
  const std::vector<Finding> added = CheckFiveSections({{3, chance}}, Prose(3), &lexicon);
  EXPECT_EQ(LinesOf(added, "addition"), (std::vector<int>{3})) << Describe(added);
  const std::string source = Prose(3) + " The sums of money were offered free of charge, at no cost.";
  const std::vector<Finding> rendered = CheckFiveSections({{3, source}}, Prose(3), &lexicon);
  EXPECT_TRUE(OfRule(rendered, "addition").empty()) << Describe(rendered);
}

TEST(ComparisonRulesTest, NumberMismatchInTheMt) {
  const std::string changed =
      "From 2013 to 2018 China allocated 207.2 billion yuan for foreign assistance, most of it in grants and "
      "interest-free loans to the least developed countries of Asia and Africa.";
  const std::string reworded =  // the same value written out another way
      "Between 2013 and 2018 China allocated 270,200 million yuan for foreign assistance, most of it in grants and "
      "interest-free loans to the least developed countries of Asia and Africa.";
  const std::vector<Finding> found = CheckFiveSections({{3, changed}});
  ASSERT_EQ(LinesOf(found, "number-mismatch"), (std::vector<int>{3})) << Describe(found);
  EXPECT_EQ(EvidenceTexts(OfRule(found, "number-mismatch")[0], "extra"), (std::vector<std::string>{"207200000000"}));
  const std::vector<Finding> same = CheckFiveSections({{3, reworded}});
  EXPECT_TRUE(OfRule(same, "number-mismatch").empty()) << Describe(same);
}

TEST(ComparisonRulesTest, LowSimilarity) {
  // Paragraph 3 rendered with the numbers right and little else in common.
  const std::string far =
      "In the six years to 2018, 270.2 billion yuan went abroad as help: gifts and loans without interest, "
      "mainly for poor nations on two continents.";
  const std::string close =
      "From 2013 to 2018 China allocated 270.2 billion yuan to foreign aid, most of it as grants and "
      "interest-free loans to the least developed countries in Asia and Africa.";
  const std::vector<Finding> found = CheckFiveSections({{3, far}});
  EXPECT_EQ(LinesOf(found, "low-similarity"), (std::vector<int>{3})) << Describe(found);
  EXPECT_TRUE(OfRule(CheckFiveSections({{3, close}}), "low-similarity").empty());
}

TEST(ComparisonRulesTest, APartialRenderingIsOneOmissionNotAlsoLowSimilarity) {
  const std::vector<Finding> found = CheckFiveSections({{3, "From 2013 to 2018 China allocated 270.2 billion yuan."}});
  EXPECT_EQ(LinesOf(found, "omission"), (std::vector<int>{3})) << Describe(found);
  EXPECT_TRUE(OfRule(found, "low-similarity").empty()) << Describe(found);
}

TEST(ComparisonRulesTest, LengthRatio) {
  // The official English of section 3 keeps a fifth of what its Chinese says.
  const std::vector<Finding> found = CheckFiveSections({}, "In 2013-2018: 270.2 billion yuan.");
  EXPECT_EQ(LinesOf(found, "length-ratio"), (std::vector<int>{11})) << Describe(found);
}

// A paragraph left out shifts the direct alignment of the MT beside it: the
// omission is the defect, the route disagreement its echo.
TEST(ComparisonRulesTest, ARouteDisagreementBesideAParagraphLeftOutIsTheOmissions) {
  const std::vector<Finding> found = CheckFiveSections({{2, ""}});
  EXPECT_EQ(LinesOf(found, "omission"), (std::vector<int>{7})) << Describe(found);
  EXPECT_TRUE(OfRule(found, "route-disagreement").empty()) << Describe(found);
}

TEST(ComparisonRulesTest, RouteDisagreement) {
  std::string official, mt_text;
  for (int k = 1; k <= 5; ++k) official += ChineseProse(k) + "\n\n" + Prose(k) + "\n\n", mt_text += Prose(k) + "\n";
  const Document official_doc = Build(official, "official.txt");
  const Document mt = Build(mt_text, "mt.txt");
  align::Comparison c = CompareWithBilingual(official_doc, mt);
  // A faithful MT: both routes to the Chinese agree on every row.
  ASSERT_EQ(c.rows.size(), 5u);
  for (const align::ComparisonRow& row : c.rows) EXPECT_TRUE(row.routes_agree);
  EXPECT_TRUE(OfRule(CheckComparison(c, "official.txt", mt, {}), "route-disagreement").empty());
  // The direct route pairs the MT paragraph elsewhere, but the MT reads as
  // close to its official English as every other row: the direct route
  // erred, not the MT.
  c.rows[2].routes_agree = false;
  EXPECT_TRUE(OfRule(CheckComparison(c, "official.txt", mt, {}), "route-disagreement").empty());
  // Far from its official English as well: the row is reported.
  c.rows[2].similarity = 0.1;
  const std::vector<Finding> found = CheckComparison(c, "official.txt", mt, {});
  EXPECT_EQ(LinesOf(found, "route-disagreement"), (std::vector<int>{3})) << Describe(found);
}

// A paragraph left in Chinese drops out of the direct alignment and shifts
// it for the MT beside it: the untranslated paragraph is the defect, the
// route disagreement its echo.
TEST(ComparisonRulesTest, ARouteDisagreementBesideAParagraphLeftInChineseIsTheUntranslateds) {
  std::string official, mt_text;
  for (int k = 1; k <= 5; ++k) {
    official += ChineseProse(k) + "\n\n" + Prose(k) + "\n\n";
    mt_text += (k == 3 ? ChineseProse(k) : Prose(k)) + "\n";
  }
  const Document official_doc = Build(official, "official.txt");
  const Document mt = Build(mt_text, "mt.txt");
  align::Comparison c = CompareWithBilingual(official_doc, mt);
  ASSERT_EQ(c.rows.size(), 5u);
  ASSERT_EQ(c.rows[1].mt.size(), 1u);
  // The row before the Chinese paragraph and one far from it, both said to
  // disagree and read far from their official English: only the far one is
  // reported.
  for (size_t k : {1u, 4u}) c.rows[k].routes_agree = false, c.rows[k].similarity = 0.1;
  const std::vector<Finding> found = CheckComparison(c, "official.txt", mt, {});
  EXPECT_EQ(LinesOf(found, "route-disagreement"), (std::vector<int>{5})) << Describe(found);
  EXPECT_EQ(LinesOf(found, "untranslated"), (std::vector<int>{3})) << Describe(found);
}

}  // namespace
}  // namespace bitext

namespace bitext {
namespace {

// A law's articles: "第一条" and "Article 1" are one number, compared by the
// numbering rules, not a number the English adds.
TEST(NumberMismatchTest, ArticleNumbersAreTheSameNumberInBothLanguages) {
  const std::string zh =
      "第一章 总则\n\n第一条 为了规范测试工作，制定本法。\n\n第二条 本法适用于中华人民共和国境内的测试活动。\n\n"
      "第二章 管理\n\n第三条 国务院测试主管部门负责全国的测试工作，每年报告一次。\n";
  const std::string en =
      "Chapter I General Provisions\n\nArticle 1 This Law is enacted to regulate testing work.\n\n"
      "Article 2 This Law applies to testing activities within the territory of the People's Republic of China.\n\n"
      "Chapter II Administration\n\nArticle 3 The testing department under the State Council is responsible for "
      "testing work nationwide and reports once a year.\n";
  const Document zh_doc = Build(zh, "zh.txt");
  const Document en_doc = Build(en, "en.txt");
  const Document mt = Build(en, "mt.txt");
  const std::vector<Finding> found = CheckDocumentSet({&zh_doc, &en_doc}, {&mt}, nullptr, {});
  EXPECT_TRUE(OfRule(found, "number-mismatch").empty()) << Describe(found);
  EXPECT_TRUE(OfRule(found, "numbering-sequence").empty()) << Describe(found);
  EXPECT_TRUE(OfRule(found, "garbled-heading").empty()) << Describe(found);
}

}  // namespace
}  // namespace bitext

namespace bitext {
namespace {

// Numbers that only say where a text is (note marks, parts), numbers the
// official English adds too, and numbers written in words are no mismatch;
// a number the MT changes still is.
TEST(NumberMismatchTest, MarksWordsAndTheOfficialRenderingsOwnNumbers) {
  const std::string zh =
      "中国国际发展合作白皮书（上）\n\n"
      "新中国成立以来，中国在致力于自身发展的同时，积极开展对外援助（注1），为发展中国家提供力所能及的支持。\n\n"
      "这一时期，中国共向一百多个国家提供了援助，培训了大量人员，一些问题依然存在。\n";
  const std::string en =
      "China's International Development Cooperation White Paper (Part 1)\n\n"
      "Since the founding of the People's Republic of China in 1949, while pursuing its own development, China has "
      "actively provided foreign aid\u00B9 and supported other developing countries within its means.\n\n"
      "During this period China provided assistance to more than one hundred countries and trained many people, "
      "though some problems remained.\n";
  const Document zh_doc = Build(zh, "zh.txt");
  const Document en_doc = Build(en, "en.txt");
  const Document same = Build(en, "mt.txt");
  const std::vector<Finding> clean = CheckDocumentSet({&zh_doc, &en_doc}, {&same}, nullptr, {});
  EXPECT_TRUE(OfRule(clean, "number-mismatch").empty()) << Describe(clean);

  std::string changed = en;
  changed.replace(changed.find("1949"), 4, "1950");
  const Document mt = Build(changed, "mt.txt");
  const std::vector<Finding> found = CheckDocumentSet({&zh_doc, &en_doc}, {&mt}, nullptr, {});
  ASSERT_EQ(LinesOf(found, "number-mismatch"), (std::vector<int>{3})) << Describe(found);
  EXPECT_EQ(EvidenceTexts(OfRule(found, "number-mismatch")[0], "extra"), (std::vector<std::string>{"1950"}));
}

// The official English that renders one of two "022" as "002" excuses an
// MT that follows it, occurrence by occurrence; a further change does not.
// A loop repeats the numbers of its phrase: the loop is reported, its
// extra copies of "2013" are not a second defect.
TEST(NumberMismatchTest, ALoopsRepeatedNumbersAreTheLoops) {
  const std::string looping =
      "From 2013 to 2018 China allocated 270.2 billion yuan from 2013 to 2018 from 2013 to 2018 from 2013 to 2018 "
      "from 2013 to 2018 for foreign assistance, most of it in grants and interest-free loans to the least "
      "developed countries of Asia and Africa.";
  const std::vector<Finding> found = CheckFiveSections({{3, looping}});
  EXPECT_EQ(LinesOf(found, "repetition-loop"), (std::vector<int>{3})) << Describe(found);
  EXPECT_TRUE(OfRule(found, "number-mismatch").empty()) << Describe(found);
}

TEST(NumberMismatchTest, RepeatedNumbersCountOccurrenceByOccurrence) {
  const std::string zh = "Debian 缺省 umask 是 022，而 Debian Edu 使用缺省 022，也可以改为 007。\n";
  const std::string en =
      "The Debian default umask is 022, but Debian Edu uses a default of 002; it can be changed to 007.\n";
  const Document zh_doc = Build(zh, "zh.txt");
  const Document en_doc = Build(en, "en.txt");
  const Document same = Build(en, "mt.txt");
  // The official pair itself disagrees: that is reported on en.txt.
  auto on_mt = [](const std::vector<Finding>& findings) {
    std::vector<const Finding*> out;
    for (const Finding* f : OfRule(findings, "number-mismatch")) {
      if (f->locations[0].file == "mt.txt") out.push_back(f);
    }
    return out;
  };
  const std::vector<Finding> clean = CheckDocumentSet({&zh_doc, &en_doc}, {&same}, nullptr, {});
  EXPECT_TRUE(on_mt(clean).empty()) << Describe(clean);
  std::string changed = en;
  changed.replace(changed.find("007"), 3, "077");
  const Document mt = Build(changed, "mt.txt");
  const std::vector<Finding> found = CheckDocumentSet({&zh_doc, &en_doc}, {&mt}, nullptr, {});
  ASSERT_EQ(on_mt(found).size(), 1u) << Describe(found);
  EXPECT_EQ(EvidenceTexts(on_mt(found)[0], "extra"), (std::vector<std::string>{"77"}));
}

// Numbers are compared as the decimals they are written as, not as doubles:
// 23-digit numbers that differ in the last digit, or "1" and "9" followed by
// 400 zeros, are a mismatch; the same value written with separators, a scale
// word or trailing decimal zeros is not.
TEST(NumberMismatchTest, NumbersBeyondADoublesPrecisionCompareExactly) {
  const std::string zh_prefix = "这一时期，中国共向一些国家提供了援助，项目编号为";
  const std::string en_prefix = "During this period China provided assistance to some countries under project number ";
  auto mismatch = [&](const std::string& zh_number, const std::string& en_number) {
    const Document zh_doc = Build(zh_prefix + zh_number + "，一些问题依然存在。\n", "zh.txt");
    const Document en_doc = Build(en_prefix + zh_number + ", though some problems remained.\n", "en.txt");
    const Document mt = Build(en_prefix + en_number + ", though some problems remained.\n", "mt.txt");
    std::vector<Finding> on_mt;
    const std::vector<Finding> found = CheckDocumentSet({&zh_doc, &en_doc}, {&mt}, nullptr, {});
    for (const Finding* f : OfRule(found, "number-mismatch")) {
      if (f->locations[0].file == "mt.txt") on_mt.push_back(*f);
    }
    return on_mt;
  };
  const std::string ones = "1" + std::string(400, '0'), nines = "9" + std::string(400, '0');
  ASSERT_EQ(mismatch(ones, nines).size(), 1u);
  EXPECT_EQ(EvidenceTexts(mismatch(ones, nines)[0], "missing"), (std::vector<std::string>{"1e400"}));
  EXPECT_EQ(EvidenceTexts(mismatch(ones, nines)[0], "extra"), (std::vector<std::string>{"9e400"}));
  EXPECT_EQ(mismatch("1e400", "9e400").size(), 1u);
  const std::vector<Finding> long_ones = mismatch("12345678901234567890123", "12345678901234567890124");
  ASSERT_EQ(long_ones.size(), 1u);
  EXPECT_NE(long_ones[0].message.find("missing 12345678901234567890123; not in the source 12345678901234567890124"),
            std::string::npos)
      << long_ones[0].message;
  EXPECT_EQ(mismatch("0.1000000000000000000001", "0.1000000000000000000002").size(), 1u);
  EXPECT_TRUE(mismatch(ones, ones).empty());
  EXPECT_TRUE(mismatch("12345678901234567890123", "12,345,678,901,234,567,890,123").empty());
  EXPECT_TRUE(mismatch("2702亿", "270.2 billion").empty());
  EXPECT_TRUE(mismatch("3.50", "3.5").empty());
}

TEST(DecimalTest, ParsesOrdersAndPrints) {
  using align::Decimal;
  EXPECT_EQ(Decimal::Parse("007.50"), Decimal::Parse("7.5"));
  EXPECT_EQ(Decimal::Parse("2702").Scaled(8), Decimal::Parse("270.2").Scaled(9));
  EXPECT_EQ(Decimal::Parse("0.0").Text(), "0");
  EXPECT_EQ(Decimal::Parse("0.05").Text(), "0.05");
  EXPECT_EQ(Decimal::Parse("270.2").Scaled(9).Text(), "270200000000");
  EXPECT_EQ(Decimal::Parse("15").Scaled(400).Text(), "1.5e401");
  EXPECT_LT(Decimal::Parse("0"), Decimal::Parse("0.001"));
  EXPECT_LT(Decimal::Parse("15"), Decimal::Parse("151"));
  EXPECT_LT(Decimal::Parse("1.51"), Decimal::Parse("1.6"));
  EXPECT_LT(Decimal::Parse("16"), Decimal::Parse("151"));  // as numbers, not as strings of digits
  EXPECT_LT(Decimal::Parse("99"), Decimal::Parse("100"));
  EXPECT_LT(Decimal::Parse("9.99"), Decimal::Parse("10"));
  EXPECT_EQ(Decimal::Parse("270.2").Scaled(9).ToDouble(), 270200000000.0);
}

// An MT heading against the official heading of its row: a number written
// otherwise, a stray letter after the title, a style unlike the MT's other
// headings of that kind. A consistent renumbering is the MT's convention.
std::vector<Finding> CheckHeadings(const std::string& mt_heading3, const std::string& mt_style = "%d.") {
  const char* zh_titles[] = {"概述", "安装前的准备", "硬件要求", "网络设置"};
  const char* en_titles[] = {"Overview", "Before Installing", "Hardware Requirements", "Network Settings"};
  std::string official, mt;
  for (int k = 1; k <= 4; ++k) {
    official += std::to_string(k) + ". " + zh_titles[k - 1] + "\n\n" + ChineseProse(k) + "\n\n";
    official += std::to_string(k) + ". " + en_titles[k - 1] + "\n\n" + Prose(k) + "\n\n";
    char number[16];
    std::snprintf(number, sizeof number, mt_style.c_str(), k);
    mt += (k == 3 && !mt_heading3.empty() ? mt_heading3 : std::string(number) + " " + en_titles[k - 1]) + "\n\n" +
          Prose(k) + "\n\n";
  }
  const Document official_doc = Build(official, "official.txt");
  const Document mt_doc = Build(mt, "mt.txt");
  return CheckDocumentSet({&official_doc}, {&mt_doc}, nullptr, {});
}

TEST(HeadingsAgainstOfficialTest, NumberTitleAndStyleAgainstTheOfficialHeading) {
  auto numbering = [](const std::vector<Finding>& found) {
    std::vector<std::string> out;
    for (const Finding& f : found) {
      if (f.rule == "garbled-heading" || f.rule == "numbering-style" || f.rule == "numbering-sequence") {
        out.push_back(f.rule + "@" + std::to_string(f.locations[0].line));
      }
    }
    return out;
  };
  EXPECT_TRUE(numbering(CheckHeadings("")).empty());
  EXPECT_EQ(numbering(CheckHeadings("03. Hardware Requirements")), (std::vector<std::string>{"garbled-heading@9"}));
  EXPECT_EQ(numbering(CheckHeadings("3. Hardware Requirements I")), (std::vector<std::string>{"garbled-heading@9"}));
  // The MT's own numbering rules read "(3)" as a deeper level and report it
  // (and the "4." after it) first; the row comparison adds nothing there.
  const std::vector<std::string> style = numbering(CheckHeadings("(3) Hardware Requirements"));
  EXPECT_FALSE(style.empty());
  EXPECT_EQ(style.front().substr(style.front().find('@')), "@9");
  // A changed number is reported where it stands, not again at the next
  // heading, which the official text numbers the same.
  EXPECT_EQ(numbering(CheckHeadings("4. Hardware Requirements")), (std::vector<std::string>{"numbering-sequence@9"}));
  // Every heading renumbered alike: the MT's convention, no finding.
  EXPECT_TRUE(numbering(CheckHeadings("", "(%d)")).empty()) << Describe(CheckHeadings("", "(%d)"));
}

// The title kept, the number lost or with a letter the numbering parser
// cannot read past: reported as a garbled heading, not as a number the
// Chinese lacks.
TEST(HeadingsAgainstOfficialTest, LostNumbersAndStrayLettersInTheNumber) {
  auto rules_at_9 = [](const std::vector<Finding>& found) {
    std::vector<std::string> out;
    for (const Finding& f : found) {
      if (f.locations[0].file == "mt.txt" && f.locations[0].line == 9) out.push_back(f.rule);
    }
    return out;
  };
  for (const std::string lost : {"Hardware Requirements", ". Hardware Requirements"}) {
    const std::vector<Finding> found = CheckHeadings(lost);
    EXPECT_EQ(rules_at_9(found), (std::vector<std::string>{"garbled-heading"})) << lost << Describe(found);
  }
  // The MT's own rules cannot see a number that left no trace.
  EXPECT_NE(
      OfRule(CheckHeadings("Hardware Requirements"), "garbled-heading")[0]->message.find("lost its number \"3.\""),
      std::string::npos);
  for (const std::string stray : {"3s. Hardware Requirements", "h3. Hardware Requirements"}) {
    const std::vector<Finding> found = CheckHeadings(stray);
    EXPECT_EQ(rules_at_9(found), (std::vector<std::string>{"garbled-heading"})) << stray << Describe(found);
  }
  // Every heading without its number: the MT's convention, one finding.
  const std::vector<Finding> none = CheckHeadings("", "");
  EXPECT_EQ(LinesOf(none, "garbled-heading"), (std::vector<int>{1})) << Describe(none);
}

std::vector<std::string> NumberTexts(const std::multiset<align::Decimal>& numbers) {
  std::vector<std::string> texts;
  for (const align::Decimal& n : numbers) texts.push_back(n.Text());
  return texts;
}

TEST(NumbersOfTest, MarksOrdinalsAndWords) {
  EXPECT_TRUE(NumbersOf("积极开展对外援助（注1），提供支持", Lang::kZh).empty());
  EXPECT_TRUE(NumbersOf("白皮书（下）", Lang::kZh).empty());
  EXPECT_TRUE(NumbersOf("通常是十六进制数值", Lang::kZh).empty());  // "hexadecimal"
  EXPECT_TRUE(NumbersOf("以二進制存放", Lang::kZh).empty());
  EXPECT_EQ(NumberTexts(NumbersOf("根据第八条的规定", Lang::kZh)), (std::vector<std::string>{"8"}));
  EXPECT_EQ(NumberTexts(NumbersOf("第十二章", Lang::kZh)), (std::vector<std::string>{"12"}));
  EXPECT_TRUE(NumbersOf("foreign aid\u00B9 and loans [27] in the new era (Note 1)", Lang::kEn).empty());
  EXPECT_EQ(NumberTexts(NumbersOf("in 2020, (Part 2) of 3 parts", Lang::kEn)), (std::vector<std::string>{"3", "2020"}));
  EXPECT_TRUE(SpellsOut("more than one hundred countries", 100));
  EXPECT_TRUE(SpellsOut("the twenty-first century", 21));
  EXPECT_FALSE(SpellsOut("hundreds of projects", 100));
  EXPECT_FALSE(SpellsOut("someone said", 1));
}

TEST(NumbersOfTest, NoteMarksAndIdentifiersKeepTheirNumbers) {
  EXPECT_EQ(NumberTexts(NoteMarksOf("an official language for more than one country[4], and [12]")),
            (std::vector<std::string>{"4", "12"}));
  std::multiset<align::Decimal> missing, extra;
  ChangedTokenNumbers("ITU-T X.25 / ISO-8208 协议 x25(7)", "ITU-T X.25 / ISO-8028 protocol x25(7)", missing, extra);
  EXPECT_EQ(NumberTexts(missing), (std::vector<std::string>{"8208"}));
  EXPECT_EQ(NumberTexts(extra), (std::vector<std::string>{"8028"}));
  // A name the Chinese writes in words, or kept as it is, is no number.
  missing.clear(), extra.clear();
  ChangedTokenNumbers("新冠肺炎疫情，G20 峰会", "the COVID-19 pandemic, the G20 summit", missing, extra);
  EXPECT_TRUE(missing.empty() && extra.empty());
}

// A rendering that stops on a clause mark where its Chinese does too is as
// complete as its source; a rendering cut where its source goes on is not.
TEST(TruncatedParagraphTest, ARenderingAsCompleteAsItsSource) {
  const std::string zh =
      "中国政府始终高度重视国际发展合作工作，不断完善相关政策和制度，持续提高援助的质量和效益。\n\n"
      "在实践中，中国坚持以下原则并在各个领域加以落实，例如：\n\n"
      "中国将继续秉持人类命运共同体理念，同各国一道推动落实2030年可持续发展议程。\n";
  const std::string en =
      "The Chinese government has always attached great importance to international development cooperation, "
      "improving its policies and systems and raising the quality and efficiency of its aid.\n\n"
      "In practice China holds to the following principles and applies them in every field, for example:\n\n"
      "China will continue to act on the vision of a global community of shared future and work with all "
      "countries to implement the 2030 Agenda for Sustainable Development.\n";
  std::string cut = en;
  cut.replace(cut.find(" for example:"), std::string(" for example:").size(), " for example,");
  cut.replace(cut.find(" and work with all countries"), std::string(" and work with all countries").size(),
              " and work with");
  cut.erase(cut.find(" to implement the 2030"),
            cut.find(".\n", cut.find(" to implement the 2030")) - cut.find(" to implement the 2030") + 1);
  const Document zh_doc = Build(zh, "zh.txt");
  const Document en_doc = Build(en, "en.txt");
  const Document mt = Build(cut, "mt.txt");
  const std::vector<Finding> found = CheckDocumentSet({&zh_doc, &en_doc}, {&mt}, nullptr, {});
  EXPECT_EQ(LinesOf(found, "truncated-paragraph"), (std::vector<int>{5})) << Describe(found);
  // "2030" went with the words cut off: the truncation, not a number mismatch.
  EXPECT_TRUE(OfRule(found, "number-mismatch").empty()) << Describe(found);
}

// A label and its description, one Chinese paragraph and two English ones
// (a man page's tagged list): a description cut where the official one goes
// on is truncated, though the row's last paragraph ends well; a label is
// unterminated in both.
TEST(TruncatedParagraphTest, CutInsideARowOfSeveralParagraphs) {
  const std::string zh =
      "/boot 包含引导加载程序使用的静态文件，这个目录只保存引导过程中需要的文件。\n\n"
      "/var 此目录包含大小可能改变的文件，例如假脱机文件和日志文件。\n\n"
      "/var/account 进程记账日志（可选）。\n";
  const std::string en =
      "/boot\n\nContains static files for the boot loader. This directory holds only the files which are needed "
      "during the boot process.\n\n"
      "/var\n\nThis directory contains files which may change in size, such as spool and log files.\n\n"
      "/var/account\n\nProcess accounting logs (optional).\n";
  std::string cut = en;
  cut.replace(cut.find(" which may change"),
              cut.find(".", cut.find(" which may change")) + 1 - cut.find(" which may change"), "");
  const Document zh_doc = Build(zh, "zh.txt");
  const Document en_doc = Build(en, "en.txt");
  const Document mt = Build(cut, "mt.txt");
  const std::vector<Finding> found = CheckDocumentSet({&zh_doc, &en_doc}, {&mt}, nullptr, {});
  EXPECT_EQ(LinesOf(found, "truncated-paragraph"), (std::vector<int>{7})) << Describe(found);
  EXPECT_TRUE(OfRule(found, "omission").empty()) << Describe(found);
  const Document faithful = Build(en, "mt.txt");
  EXPECT_TRUE(OfRule(CheckDocumentSet({&zh_doc, &en_doc}, {&faithful}, nullptr, {}), "truncated-paragraph").empty());
}

// Labels and their descriptions in both languages (a list of installer
// components), the aligner pairing each description with the next label: a
// description cut mid-sentence is truncated, not the official paragraph
// left out.
TEST(TruncatedParagraphTest, ADescriptionCutBeforeTheNextLabel) {
  const std::string zh =
      "您可以通过不断地按返回按钮，从当前运行的组件回到主菜单。\n\nconsole-setup\n\n"
      "显示键盘布局的列表，用户从中选择与自己的型号相符的一个。\n\nhw-detect\n\n"
      "自动识别绝大多数系统硬件，包括网卡、硬盘和 PCMCIA。\n\ncdrom-detect\n\n寻找并挂载 Debian 安装介质。\n";
  const std::string en =
      "You can get back to the main menu by selecting the Go Back button again and again.\n\nconsole-setup\n\n"
      "Shows a list of keyboard layouts, from which the user chooses the one that matches his own model.\n\n"
      "hw-detect\n\nAutomatically detects most of the system's hardware, including network cards, disk drives, "
      "and PCMCIA.\n\ncdrom-detect\n\nLooks for and mounts a Debian installation media.\n";
  std::string cut = en;
  cut.replace(cut.find(" system's hardware"), cut.find("PCMCIA.") + 7 - cut.find(" system's hardware"), "");
  const Document zh_doc = Build(zh, "zh.txt");
  const Document en_doc = Build(en, "en.txt");
  const Document mt = Build(cut, "mt.txt");
  const std::vector<Finding> found = CheckDocumentSet({&zh_doc, &en_doc}, {&mt}, nullptr, {});
  EXPECT_EQ(LinesOf(found, "truncated-paragraph"), (std::vector<int>{9})) << Describe(found);
  EXPECT_TRUE(OfRule(found, "omission").empty()) << Describe(found);
}

// The official pair alone: a line without a full stop in both languages
// (a table cell, a list of terms) is the document's style, and Chinese in
// the official Chinese text is not English left untranslated.
TEST(OfficialPairTest, StyleBothLanguagesShareIsNoDefect) {
  const Document zh = Build(
      "页面设置\n\n此命令用于设置页面的尺寸和边距，并在标题栏中显示当前的文件名和日期\n\n"
      "Telegram 简体中文交流群，欢迎加入讨论和提问。\n\n所有的修改都会立即显示在预览窗口中。\n",
      "zh.txt");
  const Document en = Build(
      "Page settings\n\nThis command sets the size and the margins of the page, and shows the current file "
      "name and date in the title block\n\nA Telegram group in Chinese welcomes discussion and questions.\n\n"
      "Every change is shown at once in the preview window.\n",
      "en.txt");
  const std::vector<Finding> found = CheckDocumentSet({&zh, &en}, {}, nullptr, {});
  EXPECT_TRUE(OfRule(found, "truncated-paragraph").empty()) << Describe(found);
  EXPECT_TRUE(OfRule(found, "untranslated").empty()) << Describe(found);
}

// Evidence keeps its values in the order of their names; a name given twice
// keeps its first value, and Set replaces or adds.
TEST(EvidenceTest, ValuesByNameInOrder) {
  Evidence e{{"lost", std::vector<std::string>{"a", "b"}}, {"key", "text"}, {"count", 3}, {"key", "second"}};
  std::vector<std::string> names;
  for (const auto& [name, value] : e) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"count", "key", "lost"}));
  ASSERT_NE(e.Text("key"), nullptr);
  EXPECT_EQ(*e.Text("key"), "text");
  EXPECT_EQ(e.Integer("count", -1), 3);
  EXPECT_EQ(e.Integer("key", -1), -1);  // not a number
  EXPECT_EQ(e.Text("count"), nullptr);
  e.Set("key", "window");
  e.Set("against", "official heading");
  EXPECT_EQ(*e.Text("key"), "window");
  EXPECT_EQ(e.begin()->first, "against");
  e.Erase("lost");
  EXPECT_FALSE(e.Has("lost"));
  EXPECT_TRUE(e.Has("count"));
}

// A document's rules run as tasks, in any order, find what they find run
// one after the other.
TEST(DocumentRulesTest, TasksInAnyOrderFindWhatTheRulesFindInTurn) {
  const std::string corpus = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/";
  const Document mt = LoadDocument(corpus + "mt-news-agency-en.txt", {});
  std::string in_turn, reversed;
  const CheckConfig config;
  for (const Finding& f : DocumentFindings(mt, config)) in_turn += FormatFinding(f) + "\n";
  DocumentRules rules(mt, config);
  const std::vector<std::function<void()>> tasks = rules.Tasks();
  for (auto it = tasks.rbegin(); it != tasks.rend(); ++it) (*it)();
  for (const Finding& f : rules.Findings()) reversed += FormatFinding(f) + "\n";
  EXPECT_GT(std::count(in_turn.begin(), in_turn.end(), '\n'), 20);
  EXPECT_EQ(reversed, in_turn);
}

// The checks of each document and each comparison are tasks that may run
// side by side: whatever order they run in, the set's findings are the
// same. The bundled MT and a second version without every third paragraph.
TEST(CheckDocumentSetTest, FindingsDoNotDependOnTheOrderTasksRunIn) {
  const std::string corpus = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/";
  const Document official = LoadDocument(corpus + "official-bilingual.txt", {});
  const Document mt = LoadDocument(corpus + "mt-news-agency-en.txt", {});
  std::string shorter_text;
  for (size_t k = 0; k < mt.paragraphs.size(); ++k) {
    if (k % 3 != 2) shorter_text += mt.paragraphs[k].text + "\n\n";
  }
  const Document shorter = Build(shorter_text, "shorter.txt");
  const align::Comparison first = CompareWithBilingual(official, mt);
  const align::Comparison second = CompareWithBilingual(official, shorter);
  const OfficialTexts texts(&official);
  auto check = [&](const RunAll& run_all) {
    std::string out;
    for (const Finding& f : CheckDocumentSet(texts, {&mt, &shorter}, {&first, &second}, {}, nullptr, run_all)) {
      out += FormatFinding(f) + "\n";
    }
    return out;
  };
  const std::string in_order = check({});
  std::vector<size_t> tasks;  // of each call
  const std::string reversed = check([&](const std::vector<std::function<void()>>& all) {
    tasks.push_back(all.size());
    for (auto it = all.rbegin(); it != all.rend(); ++it) (*it)();
  });
  // Two comparisons (their rules, and where their sources loop or stop),
  // each rule of the two MT documents and the official one; then the
  // findings' fingerprints, in slices.
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0], 2u * 2u + 3u * 13u);
  EXPECT_GT(tasks[1], 1u);
  EXPECT_GT(std::count(in_order.begin(), in_order.end(), '\n'), 20);
  EXPECT_EQ(reversed, in_order);
}

}  // namespace
}  // namespace bitext

namespace bitext {
namespace {

// A finding of `rule` at file:line:column; `field` (when given) quotes
// `text`, whose length the overlap is measured with.
Finding FindingAt(const char* rule, const char* file, int line, int column, const char* field = nullptr,
                  const char* text = nullptr, int end_line = 0) {
  Finding f;
  f.rule = rule;
  f.message = std::string(rule) + " at " + std::to_string(line) + ":" + std::to_string(column);
  f.locations.push_back({file, line, column, end_line});
  if (field != nullptr) f.evidence.Set(field, text);
  return f;
}

std::set<std::string> Messages(const std::vector<Finding>& findings) {
  std::set<std::string> out;
  for (const Finding& f : findings) out.insert(f.message);
  return out;
}

// A doubled token inside a forbidden variant yields to the terminology
// finding; one only partly inside, or on another line or file, does not.
// Each case is read from the rules' definitions (rules.h).
TEST(YieldingFindingsTest, ADoubledTokenInsideAQuotedVariantIsDropped) {
  std::vector<Finding> findings = {
      FindingAt("terminology", "mt.txt", 3, 1, "variant", "abcdefghij"),   // columns 1-10
      FindingAt("terminology", "mt.txt", 3, 5, "variant", "ef"),           // columns 5-6, inside the first
      FindingAt("repeated-token", "mt.txt", 3, 6, "token", "fgh"),         // 6-8: inside the first only
      FindingAt("repeated-token", "mt.txt", 3, 9, "token", "ijk"),         // 9-11: runs past both
      FindingAt("repeated-token", "mt.txt", 4, 2, "token", "b"),           // another line
      FindingAt("repeated-token", "other.txt", 3, 2, "token", "b"),        // another file
      FindingAt("repeated-token", "mt.txt", 3, 1, "token", "abcdefghij"),  // exactly the first
  };
  FinishFindings(findings, CheckConfig{});
  EXPECT_EQ(Messages(findings),
            (std::set<std::string>{"terminology at 3:1", "terminology at 3:5", "repeated-token at 3:9",
                                   "repeated-token at 4:2", "repeated-token at 3:2"}));
}

// A number mismatch on a line a loop spans yields to the loop; one on the
// line after does not.
TEST(YieldingFindingsTest, ANumberMismatchOnALoopsLinesIsDropped) {
  std::vector<Finding> findings = {
      FindingAt("repetition-loop", "mt.txt", 10, 1),
      FindingAt("number-mismatch", "mt.txt", 8, 1, nullptr, nullptr, 10),  // lines 8-10 hold the loop's line
      FindingAt("number-mismatch", "mt.txt", 10, 4),
      FindingAt("number-mismatch", "mt.txt", 11, 1),
      FindingAt("number-mismatch", "mt.txt", 5, 1, nullptr, nullptr, 9),
      FindingAt("number-mismatch", "en.txt", 10, 1),
  };
  FinishFindings(findings, CheckConfig{});
  EXPECT_EQ(Messages(findings), (std::set<std::string>{"repetition-loop at 10:1", "number-mismatch at 11:1",
                                                       "number-mismatch at 5:1", "number-mismatch at 10:1"}));
}

// A span is covered when one added span starts at or before its first point
// and ends at or after its last; spans that overlap it only in part, or
// that together cover it without one doing so alone, do not count.
TEST(SpanIndexTest, CoveredOnlyByOneSpanHoldingItWhole) {
  const SpanIndex index({{20, 30}, {1, 12}, {5, 8}, {10, 15}, {40, 40}});
  EXPECT_TRUE(index.Covers(1, 1));
  EXPECT_TRUE(index.Covers(6, 7));
  EXPECT_TRUE(index.Covers(9, 12));   // inside {1, 12}, after {5, 8} ends
  EXPECT_TRUE(index.Covers(11, 12));  // {1, 12} reaches past {10, 15}'s start
  EXPECT_TRUE(index.Covers(13, 15));
  EXPECT_TRUE(index.Covers(40, 40));
  EXPECT_FALSE(index.Covers(0, 1));    // before every span
  EXPECT_FALSE(index.Covers(11, 16));  // past every span that holds 11
  EXPECT_FALSE(index.Covers(16, 16));  // between spans
  EXPECT_FALSE(index.Covers(12, 20));  // {1, 15} and {20, 30} together, neither alone
  EXPECT_FALSE(index.Covers(41, 41));
  EXPECT_FALSE(SpanIndex().Covers(0, 0));
}

}  // namespace
}  // namespace bitext
