// Number markers of headings and list items, in the styles that Chinese
// white papers and their English translations use, plus the garbled forms
// that PDF extraction leaves behind.
#include "numbering.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace bitext {
namespace {

struct MarkerCase {
  const char* line;
  NumberStyle style;
  int value;
  const char* raw;
  const char* title;
};

TEST(ParseNumberMarkerTest, RecognisesEachStyle) {
  const MarkerCase cases[] = {
      {"I. Title", NumberStyle::kRomanDot, 1, "I.", "Title"},
      {"VIII. X", NumberStyle::kRomanDot, 8, "VIII.", "X"},
      {"(VIII) Support ecological protection", NumberStyle::kRomanParen, 8, "(VIII)", "Support ecological protection"},
      {"1. Cultural and Philosophical Origins", NumberStyle::kArabicDot, 1, "1.", "Cultural and Philosophical Origins"},
      {"2、加强合作", NumberStyle::kArabicDot, 2, "2、", "加强合作"},
      {"(1) Scale of funding", NumberStyle::kArabicParen, 1, "(1)", "Scale of funding"},
      {"（１）规模", NumberStyle::kArabicParen, 1, "（１）", "规模"},  // full-width
      {"（12）资金", NumberStyle::kArabicParen, 12, "（12）", "资金"},
      {"一、前言", NumberStyle::kCjkComma, 1, "一、", "前言"},
      {"十二、结束语", NumberStyle::kCjkComma, 12, "十二、", "结束语"},
      {"(一) 文化根脉和精神源泉", NumberStyle::kCjkParen, 1, "(一)", "文化根脉和精神源泉"},
      {"（二）规模稳步增长", NumberStyle::kCjkParen, 2, "（二）", "规模稳步增长"},
      {"第三章 国际发展合作", NumberStyle::kCjkOrdinal, 3, "第三章", "国际发展合作"},
      {"第十部分 附则", NumberStyle::kCjkOrdinal, 10, "第十部分", "附则"},
      {"  II. Leading white space", NumberStyle::kRomanDot, 2, "II.", "Leading white space"},
      {"第八条 为了规范测试工作", NumberStyle::kCjkOrdinal, 8, "第八条", "为了规范测试工作"},
      {"第十二节 安装", NumberStyle::kCjkOrdinal, 12, "第十二节", "安装"},
      {"3.1.10. Configuring the network", NumberStyle::kDecimal, 10, "3.1.10.", "Configuring the network"},
      {"2.4 Installing", NumberStyle::kDecimal, 4, "2.4", "Installing"},
      {"4.2.1 安装软件", NumberStyle::kDecimal, 1, "4.2.1", "安装软件"},
      {"Article 8 This Law applies", NumberStyle::kWordOrdinal, 8, "Article 8", "This Law applies"},
      {"Chapter 4. Installation", NumberStyle::kWordOrdinal, 4, "Chapter 4.", "Installation"},
      {"CHAPTER IV GENERAL PROVISIONS", NumberStyle::kWordOrdinal, 4, "CHAPTER IV", "GENERAL PROVISIONS"},
      {"Part Two: The Results", NumberStyle::kWordOrdinal, 2, "Part Two:", "The Results"},
      {"Section 12", NumberStyle::kWordOrdinal, 12, "Section 12", ""},
  };
  for (const MarkerCase& c : cases) {
    std::optional<NumberMarker> m = ParseNumberMarker(c.line);
    ASSERT_TRUE(m.has_value()) << c.line;
    EXPECT_EQ(m->style, c.style) << c.line << ": got " << StyleName(m->style);
    EXPECT_EQ(m->value, c.value) << c.line;
    EXPECT_EQ(m->raw, c.raw) << c.line;
    EXPECT_EQ(m->Title(c.line), c.title) << c.line;
    EXPECT_TRUE(m->garbled.empty()) << c.line << ": " << m->garbled.front();
    // title_begin is documented as the byte offset of the title in the line.
    EXPECT_EQ(std::string_view(c.line).substr(m->title_begin), c.title) << c.line;
  }
}

TEST(ParseNumberMarkerTest, RejectsLinesWithoutAMarker) {
  const char* const lines[] = {
      "China is a developing country.",
      "2030 Agenda for Sustainable Development",
      "1.5 billion yuan was provided.",
      "(IIII) x",  // not a canonical Roman numeral
      "In 2020, China provided assistance.",
      "",
      "中国始终坚持走和平发展道路。",
      "(see Annex)",
      "IV",
      "3.5 million people were lifted out of poverty.",
      "1.0 is the first release.",
      "Section 2 of the Act provides for appeals.",
      "Part of the funds went to schools.",
      "第一次会议于2020年召开。",
  };
  for (const char* line : lines) {
    std::optional<NumberMarker> m = ParseNumberMarker(line);
    EXPECT_FALSE(m.has_value()) << "\"" << line << "\" parsed as " << StyleName(m->style) << " " << m->value;
  }
}

bool AnyMentions(const std::vector<std::string>& garbled, std::string_view what) {
  for (const std::string& g : garbled) {
    if (g.find(what) != std::string::npos) return true;
  }
  return false;
}

TEST(ParseNumberMarkerTest, StrayTokenAfterTheNumber) {
  const std::string_view garbled_line = "(IV) l02. China has made";
  std::optional<NumberMarker> m = ParseNumberMarker(garbled_line);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->style, NumberStyle::kRomanParen);
  EXPECT_EQ(m->value, 4);
  EXPECT_EQ(m->Title(garbled_line), "China has made");
  ASSERT_FALSE(m->garbled.empty());
  EXPECT_TRUE(AnyMentions(m->garbled, "l02.")) << m->garbled.front();
}

// title_begin points at the title proper, past stray pieces such as "l02.".
TEST(ParseNumberMarkerTest, TitleBeginSkipsStrayToken) {
  const std::string_view line = "(IV) l02. China has made";
  std::optional<NumberMarker> m = ParseNumberMarker(line);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(line.substr(m->title_begin), "China has made")
      << "title_begin " << m->title_begin << " points at \"" << line.substr(m->title_begin) << "\"";
  // Nothing but the stray piece after the number: no title, placed where
  // the number and its space end.
  const std::string_view stray_only = "(IV) l02.";
  std::optional<NumberMarker> bare = ParseNumberMarker(stray_only);
  ASSERT_TRUE(bare.has_value());
  EXPECT_EQ(bare->Title(stray_only), "");
  EXPECT_EQ(bare->title_begin, 5u);
}

TEST(ParseNumberMarkerTest, MissingNumber) {
  const std::string_view line = ". The concept of ecological civilization";
  std::optional<NumberMarker> m = ParseNumberMarker(line);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->style, NumberStyle::kMissing);
  EXPECT_EQ(m->value, 0);
  EXPECT_EQ(m->Title(line), "The concept of ecological civilization");
  EXPECT_FALSE(m->garbled.empty());
}

TEST(ParseNumberMarkerTest, LoneLetterAtTheEnd) {
  const std::string_view line = "(VIII) Support developing countries h";
  std::optional<NumberMarker> m = ParseNumberMarker(line);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->style, NumberStyle::kRomanParen);
  EXPECT_EQ(m->value, 8);
  EXPECT_EQ(m->Title(line).rfind("Support developing countries", 0), 0u) << m->Title(line);
  ASSERT_FALSE(m->garbled.empty());
  EXPECT_TRUE(AnyMentions(m->garbled, "\"h\"")) << m->garbled.front();
}

TEST(ParseNumberMarkerTest, ArticleAAndPronounIAreNotLoneLetters) {
  // "a" and "I" end real English titles; they are not extraction debris.
  for (const char* line : {"1. What I", "2. Such a"}) {
    std::optional<NumberMarker> m = ParseNumberMarker(line);
    ASSERT_TRUE(m.has_value()) << line;
    EXPECT_TRUE(m->garbled.empty()) << line << ": " << m->garbled.front();
  }
}

TEST(NumberStyleTest, Names) {
  struct Case {
    NumberStyle style;
    const char* style_name;
    const char* numeral_name;
  };
  const Case cases[] = {
      {NumberStyle::kRomanDot, "roman-dot", "roman"},    {NumberStyle::kRomanParen, "roman-paren", "roman"},
      {NumberStyle::kArabicDot, "arabic-dot", "arabic"}, {NumberStyle::kArabicParen, "arabic-paren", "arabic"},
      {NumberStyle::kCjkComma, "cjk-comma", "cjk"},      {NumberStyle::kCjkParen, "cjk-paren", "cjk"},
      {NumberStyle::kCjkOrdinal, "cjk-ordinal", "cjk"},  {NumberStyle::kMissing, "missing", "none"},
  };
  for (const Case& c : cases) {
    EXPECT_STREQ(StyleName(c.style), c.style_name) << c.style_name;
    EXPECT_STREQ(NumeralName(c.style), c.numeral_name) << c.style_name;
  }
}

TEST(ParseRomanNumeralTest, WholeCanonicalNumeralsOnly) {
  struct Case {
    const char* s;
    int value;
  };
  const Case cases[] = {
      {"I", 1},    {"IV", 4},  {"VIII", 8},       {"IX", 9},
      {"XIV", 14}, {"XL", 40}, {"MCMXCIX", 1999}, {"IIII", -1},  // non-canonical
      {"VV", -1},  {"IC", -1}, {"l02", -1},   // lower-case L and digits, as PDF extraction leaves them
      {"iv", -1},  {"", -1},   {"XIVa", -1},  // trailing junk
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ParseRomanNumeral(c.s), c.value) << "\"" << c.s << "\"";
  }
}

// Parsed values are remembered; asking again, after thousands of other
// numerals have filled the memory, still gives the same answers, and one
// format's answer is never given for another's.
TEST(ParseRomanNumeralTest, SameAnswersWhenAskedAgain) {
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(ParseRomanNumeral("XIV"), 14);
    EXPECT_EQ(ParseRomanNumeral("IIII"), -1);
    EXPECT_EQ(ParseChineseNumeral("XIV"), -1);
    EXPECT_EQ(ParseEnglishNumeral("fourteen"), 14);
    EXPECT_EQ(ParseRomanNumeral("fourteen"), -1);
    for (int i = 0; i < 5000; ++i) ParseRomanNumeral("X" + std::to_string(i));
  }
}

TEST(ParseChineseNumeralTest, WholeNumeralsOnly) {
  struct Case {
    const char* s;
    int value;
  };
  const Case cases[] = {
      {"一", 1},      {"九", 9},         {"十", 10},  {"十二", 12}, {"二十", 20},  {"二十三", 23},
      {"九十九", 99}, {"一百零五", 105}, {"abc", -1}, {"", -1},     {"十二a", -1},  // trailing junk
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ParseChineseNumeral(c.s), c.value) << "\"" << c.s << "\"";
  }
}

}  // namespace
}  // namespace bitext

namespace bitext {
namespace {

TEST(ParseNumberMarkerTest, SchemesKeepWhatTheyCount) {
  EXPECT_EQ(ParseNumberMarker("第一章 总则")->counter, "章");
  EXPECT_EQ(ParseNumberMarker("第一条 为了规范")->counter, "条");
  EXPECT_EQ(ParseNumberMarker("Article 1 This Law")->counter, "article");
  EXPECT_EQ(ParseNumberMarker("CHAPTER I GENERAL")->counter, "chapter");
  const std::optional<NumberMarker> decimal = ParseNumberMarker("3.1.10. Configuring");
  EXPECT_EQ(decimal->path, (std::vector<int>{3, 1, 10}));
  EXPECT_EQ(Depth(*decimal), 3);
  EXPECT_EQ(Depth(*ParseNumberMarker("(IV) Trade")), 1);
}

TEST(ParseNumberMarkerTest, DamagedWordOrdinals) {
  std::optional<NumberMarker> glued = ParseNumberMarker("Article 13I The department is responsible");
  ASSERT_TRUE(glued.has_value());
  EXPECT_EQ(glued->value, 13);
  EXPECT_TRUE(glued->value_damaged);
  EXPECT_TRUE(AnyMentions(glued->garbled, "\"I\" glued")) << glued->garbled.front();

  const std::string_view lost_line = "Article  This Law applies";
  std::optional<NumberMarker> lost = ParseNumberMarker(lost_line);
  ASSERT_TRUE(lost.has_value());
  EXPECT_EQ(lost->style, NumberStyle::kMissing);
  EXPECT_EQ(lost->counter, "article");
  EXPECT_EQ(lost->Title(lost_line), "This Law applies");
  EXPECT_TRUE(AnyMentions(lost->garbled, "number missing after \"Article\""));
}

TEST(ParseEnglishNumeralTest, SpelledOutNumbers) {
  EXPECT_EQ(ParseEnglishNumeral("One"), 1);
  EXPECT_EQ(ParseEnglishNumeral("twenty-one"), 21);
  EXPECT_EQ(ParseEnglishNumeral("Ninety-Nine"), 99);
  EXPECT_EQ(ParseEnglishNumeral("This"), -1);
  EXPECT_EQ(ParseEnglishNumeral("a"), -1);
}

}  // namespace
}  // namespace bitext
