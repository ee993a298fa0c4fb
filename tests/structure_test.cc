// The document model on small synthetic texts: each test states one piece of
// evidence the structuring stages must weigh.
#include "structure.h"

#include <gtest/gtest.h>

#include "document.h"
#include "text_features.h"
#include "unicode.h"

namespace bitext {
namespace {

Document Build(const std::string& text) {
  DecodedText decoded;
  decoded.text = text;
  decoded.encoding = "UTF-8";
  return BuildDocument("test.txt", decoded);
}

std::vector<const Paragraph*> Of(const Document& doc, Lang lang) { return doc.InLanguage(lang); }

constexpr const char* kInterleaved =
    "The unprecedented level of interconnection among countries binds them into a community of\n"
    "\n"
    "Guided by this vision, cooperation has clearer goals.\n"
    "\n"
    "当今世界，各国相互联系、相互依存日益紧密，人类越来越成为命运共同体。新时代的国际发展合作，以推动构\n"
    "\n"
    "shared future. The second sentence ends here.\n"
    "\n"
    "1. Cultural and Philosophical Origins\n"
    "\n"
    "建人类命运共同体为引领，精神内涵更加丰富，目标方向更加清晰。\n"
    "\n"
    "(一) 文化根脉和精神源泉\n";

TEST(RejoinTest, OnlyTheLatestParagraphOfALanguageCanContinue) {
  // "...community of" is followed in English by a complete paragraph before
  // the Chinese block, so "shared future." cannot continue it: the earlier
  // paragraph stays cut (truncated) rather than being glued to the wrong text.
  Document doc = Build(kInterleaved);
  ASSERT_TRUE(doc.bilingual);
  auto en = Of(doc, Lang::kEn);
  ASSERT_EQ(en.size(), 4u);
  for (const Paragraph* p : en) EXPECT_FALSE(p->rejoined()) << p->text;
  EXPECT_TRUE(en[0]->truncated);
  EXPECT_FALSE(en[1]->truncated);
}

TEST(RejoinTest, JoinsBothLanguagesWhenTheBreakIsAtTheBlockEdge) {
  const std::string text =
      "The unprecedented level of interconnection among countries binds them into a community of\n"
      "\n"
      "当今世界，各国相互联系、相互依存日益紧密，人类越来越成为命运共同体。新时代的国际发展合作，以推动构\n"
      "\n"
      "shared future. The second sentence ends here.\n"
      "\n"
      "1. Cultural and Philosophical Origins\n"
      "\n"
      "建人类命运共同体为引领，精神内涵更加丰富，目标方向更加清晰。\n"
      "\n"
      "(一) 文化根脉和精神源泉\n";
  Document doc = Build(text);
  auto en = Of(doc, Lang::kEn);
  auto zh = Of(doc, Lang::kZh);
  ASSERT_EQ(en.size(), 2u);
  ASSERT_EQ(zh.size(), 2u);
  EXPECT_TRUE(en[0]->rejoined());
  EXPECT_EQ(en[0]->pieces.size(), 2u);
  EXPECT_EQ(en[0]->pieces[1].first, 5);
  EXPECT_NE(en[0]->text.find("community of shared future."), std::string::npos);
  EXPECT_FALSE(en[0]->truncated);
  EXPECT_TRUE(zh[0]->rejoined());
  // Chinese pieces join without a space, even mid-word.
  EXPECT_NE(zh[0]->text.find("以推动构建人类"), std::string::npos);
  EXPECT_EQ(en[1]->kind, Kind::kHeading);
  EXPECT_EQ(zh[1]->kind, Kind::kHeading);
}

TEST(RejoinTest, KeepsShortTitleLinesApart) {
  const std::string text =
      "China's International Development Cooperation in the New Era\n"
      "\n"
      "新时代的中国国际发展合作\n"
      "\n"
      "State Council Information Office\n"
      "中华人民共和国国务院新闻办公室\n"
      "\n"
      "January 2021\n"
      "2021年1月\n"
      "\n"
      "Preface\n"
      "\n"
      "China is the largest developing country in the world, and it says so plainly.\n"
      "\n"
      "前言\n"
      "\n"
      "中国是世界上最大的发展中国家，这是基本国情。\n";
  Document doc = Build(text);
  auto en = Of(doc, Lang::kEn);
  auto zh = Of(doc, Lang::kZh);
  ASSERT_EQ(en.size(), 5u);
  ASSERT_EQ(zh.size(), 5u);
  for (const Paragraph* p : en) EXPECT_FALSE(p->rejoined()) << p->text;
  for (const Paragraph* p : zh) EXPECT_FALSE(p->rejoined()) << p->text;
  EXPECT_EQ(en[0]->kind, Kind::kTitle);
  EXPECT_EQ(zh[2]->kind, Kind::kTitle);  // 2021年1月: a date line counts as Chinese
  EXPECT_EQ(en[3]->kind, Kind::kHeading);
  EXPECT_EQ(zh[3]->kind, Kind::kHeading);
  EXPECT_FALSE(en[3]->heading->number.has_value());
}

TEST(RejoinTest, UppercaseStartAfterContentWordIsNotAContinuation) {
  const std::string text =
      "China has provided aid to many countries in many forms over the years and always supports\n"
      "\n"
      "中国向许多国家提供了多种形式的援助，始终支持发展中国家。\n"
      "\n"
      "Africa received the largest share of the aid in the period under review.\n";
  Document doc = Build(text);
  auto en = Of(doc, Lang::kEn);
  ASSERT_EQ(en.size(), 2u);
  EXPECT_FALSE(en[0]->rejoined());
  EXPECT_TRUE(en[0]->truncated);
}

TEST(RejoinTest, MonolingualLowercaseContinuationAfterBlankLine) {
  const std::string text =
      "The white paper describes how international development cooperation has grown in\n"
      "\n"
      "scale and scope since 2013, with more partners.\n";
  Document doc = Build(text);
  ASSERT_EQ(doc.paragraphs.size(), 1u);
  EXPECT_TRUE(doc.paragraphs[0].rejoined());
}

// A lone lower-case term after a paragraph that stops mid-clause is the next
// label of a list ("cdrom-detect"), not the rest of the sentence: the
// paragraph stays cut.
TEST(RejoinTest, ALoneTermAfterACutParagraphIsTheNextLabel) {
  const std::string text =
      "hw-detect\n"
      "\n"
      "Automatically detects most of the\n"
      "\n"
      "cdrom-detect\n"
      "\n"
      "Looks for and mounts an installation medium.\n";
  Document doc = Build(text);
  ASSERT_EQ(doc.paragraphs.size(), 4u);
  EXPECT_FALSE(doc.paragraphs[1].rejoined());
  EXPECT_TRUE(doc.paragraphs[1].truncated);
}

TEST(LinesTest, HardWrappedTextIsJoinedIntoParagraphs) {
  const std::string text =
      "China has steadily increased the scale of its foreign aid and expanded\n"
      "its scope. From 2013 to 2018 it provided aid to 122 countries and 20\n"
      "international and regional multilateral organizations in Asia and\n"
      "Africa.\n"
      "\n"
      "The second paragraph is also wrapped at the same width as the first\n"
      "one, so its lines belong together too, like the lines just above.\n";
  Document doc = Build(text);
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.paragraphs[0].lines().first, 1);
  EXPECT_EQ(doc.paragraphs[0].lines().last, 4);
  EXPECT_NE(doc.paragraphs[0].text.find("expanded its scope"), std::string::npos);
}

TEST(LinesTest, OneParagraphPerLineWhenNotWrapped) {
  const std::string text =
      "Preface\n"
      "China is the largest developing country in the world. It says so.\n"
      "(I) The scale has steadily expanded\n"
      "interconnection is the key to jointly building the Belt and Road, it says.\n";
  Document doc = Build(text);
  ASSERT_EQ(doc.paragraphs.size(), 4u);
  EXPECT_EQ(doc.paragraphs[0].kind, Kind::kHeading);
  EXPECT_EQ(doc.paragraphs[2].kind, Kind::kHeading);
  EXPECT_EQ(doc.paragraphs[3].kind, Kind::kBody);
}

TEST(ClassifyTest, TitleCasedHeadlineWithACommaIsATitleNotACutSentence) {
  Document doc = Build(
      "China's International Development Cooperation in the New Era Released, Contributing "
      "China's Strength to Resolving Global Development Issues\n"
      "\n"
      "The State Council Information Office released the white paper on January 10, it said.\n");
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.paragraphs[0].kind, Kind::kTitle);
  EXPECT_FALSE(doc.paragraphs[0].truncated);
}

// A list of references or terms is complete without a full stop; the same
// list ending on a comma, and a sentence of short clauses, are cut.
TEST(ClassifyTest, CommaSeparatedListsAreNotCutSentences) {
  Document doc = Build(
      "1. See also\n\n"
      "accept(2), bind(2), close(2), connect(2), fcntl(2), getpeername(2), getsockname(2), unix(7)\n\n"
      "accept(2), bind(2), close(2), connect(2), fcntl(2), getpeername(2),\n\n"
      "The daemon reads its configuration, checks the sockets, opens the log and starts the\n\n"
      "%P = sheet path (sheet full name, for Eeschema)\n");
  ASSERT_EQ(doc.paragraphs.size(), 5u);
  EXPECT_FALSE(doc.paragraphs[1].truncated);
  EXPECT_TRUE(doc.paragraphs[2].truncated);
  EXPECT_TRUE(doc.paragraphs[3].truncated);
  EXPECT_FALSE(doc.paragraphs[4].truncated) << "the comma belongs to the bracketed aside";
}

TEST(ClassifyTest, BulletsRecordTheirMarker) {
  const std::string text =
      "——中国开展国际发展合作，源于中华民族的天下大同理念。\n"
      "—The Chinese idea of repaying kindness with kindness.\n"
      "- Send volunteers to more than 80 countries.\n"
      "• A dotted item.\n"
      "-5% was the change in the year, a fall.\n";
  Document doc = Build(text);
  ASSERT_EQ(doc.paragraphs.size(), 5u);
  EXPECT_EQ(doc.paragraphs[0].bullet(), "——");
  EXPECT_EQ(doc.paragraphs[1].bullet(), "—");
  EXPECT_EQ(doc.paragraphs[2].bullet(), "-");
  EXPECT_EQ(doc.paragraphs[3].bullet(), "•");
  EXPECT_EQ(doc.paragraphs[4].kind, Kind::kBody);
}

// The marker is read from the first characters alone: a line of nothing
// but the marker, a dash run to the end, and ill-formed bytes are no bullet.
TEST(ClassifyTest, BulletMarkerEdges) {
  EXPECT_EQ(BulletMarker(""), "");
  EXPECT_EQ(BulletMarker("\u2022"), "");
  EXPECT_EQ(BulletMarker("\u2022x"), "\u2022");
  EXPECT_EQ(BulletMarker("\u2014\u2014"), "");
  EXPECT_EQ(BulletMarker("\u2014\u2014\u2014a"), "\u2014\u2014\u2014");
  EXPECT_EQ(BulletMarker("\u2014\u2013a"), "\u2014");
  EXPECT_EQ(BulletMarker("-"), "");
  EXPECT_EQ(BulletMarker("-\u3000a"), "-");
  EXPECT_EQ(BulletMarker("*x"), "");
  EXPECT_EQ(BulletMarker("\xe2\x80"), "");
  EXPECT_EQ(BulletMarker("\u2014\xe2\x80"), "\u2014");
}

TEST(ClassifyTest, NotesAndBoilerplate) {
  const std::string text =
      "China is the largest developing country in the world, it said today.\n"
      "Note 1: The term refers to multilateral and bilateral cooperation.\n"
      "注1：本白皮书所称中国国际发展合作，是指多边和双边合作。\n"
      "Related manuscripts:\n"
      "Source: Organizing Committee\n"
      "[Print this page] [Close window]\n"
      "Scan the QR code to follow us\n"
      "Scan the QR code on the back of the device to pair it with your phone before you start.\n";
  Document doc = Build(text);
  ASSERT_EQ(doc.paragraphs.size(), 8u);
  EXPECT_EQ(doc.paragraphs[5].kind, Kind::kBoilerplate);
  EXPECT_EQ(doc.paragraphs[6].kind, Kind::kBoilerplate);
  EXPECT_NE(doc.paragraphs[7].kind, Kind::kBoilerplate);  // an instruction, not furniture
  EXPECT_EQ(doc.paragraphs[1].kind, Kind::kNote);
  EXPECT_EQ(doc.paragraphs[2].kind, Kind::kNote);
  EXPECT_EQ(doc.paragraphs[3].kind, Kind::kBoilerplate);
  EXPECT_EQ(doc.paragraphs[4].kind, Kind::kBoilerplate);
}

TEST(ClassifyTest, LongNumberedParagraphKeepsItsNumberButIsBody) {
  const std::string text =
      "(III) Promoting smooth trade\n"
      "Trade is an important engine of growth, it says, and it helps.\n"
      "(IV) Promote the Financial Connection of Finance and Economic Connection of Finance and "
      "Economic Connection of Finance and Economic Connection actively helps relevant countries "
      "improve their financial system and build financing platforms.\n";
  Document doc = Build(text);
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(doc.paragraphs[2].kind, Kind::kBody);
  ASSERT_TRUE(doc.paragraphs[2].heading);
  EXPECT_EQ(doc.paragraphs[2].heading->number->value, 4);
  EXPECT_EQ(doc.paragraphs[2].heading->level, doc.paragraphs[0].heading->level);
}

// The kind of each paragraph, a letter each: T contents, H heading, B body,
// t title, L bullet, N note, F page furniture.
std::string Kinds(const Document& doc) {
  std::string kinds;
  for (const Paragraph& p : doc.paragraphs) kinds += "tHBLTNF"[static_cast<int>(p.kind)];
  return kinds;
}

TEST(TocTest, RunAfterContentsMarkerIsTableOfContents) {
  const std::string text =
      "Contents\n"
      "Preface\n"
      "I. Development Cooperation in the New Era\n"
      "II. New Progress\n"
      "III. The Belt and Road\n"
      "Preface\n"
      "China is the largest developing country in the world, it says in the preface.\n"
      "I. Development Cooperation in the New Era\n"
      "The world is more interconnected than ever before, it says, and so on.\n";
  EXPECT_EQ(Kinds(Build(text)), "TTTTTHBHB");
}

// A chapter's contents end with an entry numbered on from the one before
// it, then the chapter's opening text: that entry is the contents' last, not
// the body's first heading, which starts the numbering again.
TEST(TocTest, TheLastEntryBeforeTheChaptersOpeningText) {
  const std::string text =
      "Table of Contents\n"
      "3.1. Overview\n"
      "3.2. Back Up Your Data\n"
      "3.2.1. Tools\n"
      "3.3. Hardware Issues\n"
      "This chapter deals with the preparation for installing before you boot the installer.\n"
      "3.1. Overview\n"
      "First, a note about installations that take longer than expected on old machines.\n";
  EXPECT_EQ(Kinds(Build(text)), "TTTTTBHB");
}

// The opening of the contents pasted twice (marker and first entries): the
// first marker opens the table, and both copies are entries, not headings.
TEST(TocTest, ContentsWhoseOpeningIsPastedTwice) {
  const std::string text =
      "Chapter 3. Before Installing Debian\n\n"
      "Table of Contents\n\n"
      "3.1. Overview\n\n"
      "3.2. Back Up Your Data\n\n"
      "Table of Contents\n\n"
      "3.1. Overview\n\n"
      "3.2. Back Up Your Data\n\n"
      "3.3. Hardware Issues\n\n"
      "This chapter deals with the preparation for installing before you boot the installer.\n\n"
      "3.1. Overview\n\n"
      "First, a note about installations that take longer than expected on old machines.\n";
  EXPECT_EQ(Kinds(Build(text)), "HTTTTTTTBHB");
}

// A translation that left its "Contents" marker in Chinese: the English run
// is unmarked, and the chapter title that opens the text is not an entry.
TEST(TocTest, TheTitleThatOpensAnUnmarkedRunIsNotAnEntry) {
  const std::string text =
      "Chapter 3. Before Installing Debian\n\n"
      "目录\n\n"
      "3.1. Overview\n\n"
      "3.2. Back Up Your Data\n\n"
      "3.3. Information You Will Need\n\n"
      "3.4. Hardware Issues\n\n"
      "This chapter deals with the preparation for installing before you boot the installer.\n\n"
      "3.1. Overview\n\n"
      "First, a note about installations that take longer than expected on old machines.\n\n"
      "3.2. Back Up Your Data\n\n"
      "Back up every disk before you start, as the installer may overwrite them.\n";
  std::string kinds = Kinds(Build(text));
  ASSERT_EQ(kinds.size(), 11u);
  kinds[1] = '?';  // what the Chinese marker is, is not this test's matter
  EXPECT_EQ(kinds, "H?TTTTBHBHB");
}

TEST(TocTest, UnmarkedRunWhoseEntriesReturnAsHeadings) {
  const std::string text =
      "1. The concept of a shared future\n"
      "(I) Cultural roots\n"
      "(II) The concept in the new era\n"
      "2. New progress in cooperation\n"
      "(I) Scale has expanded\n"
      "1. The concept of a shared future\n"
      "The world is more interconnected than ever before, it says, and so on.\n"
      "(I) Cultural roots\n"
      "The cultural genes of the nation are a driving force, it says, and more.\n"
      "(II) The concept in the new era\n"
      "Since 2012, cooperation has developed in practice, it says, and more.\n";
  EXPECT_EQ(Kinds(Build(text)), "TTTTTHBHBHB");
}

TEST(TocTest, ConsecutiveBodyHeadingsAreNotATableOfContents) {
  const std::string text =
      "I. The First Part\n"
      "1. The First Section\n"
      "The first section says something substantial, with a comma, at length.\n"
      "2. The Second Section\n"
      "The second section says something else entirely, with a comma, at length.\n";
  Document doc = Build(text);
  for (const Paragraph& p : doc.paragraphs) EXPECT_NE(p.kind, Kind::kToc) << p.text;
}

// A table of contents whose entries are worded a little unlike the headings
// they name (bigram Dice 0.77 to 0.94), and those headings.
const std::string kRewordedEntries =
    "1. The concept of a shared future\n"
    "2. Cultural roots of cooperation\n"
    "3. New progress in cooperation\n"
    "4. The scale has expanded\n";
const std::string kTheirHeadings =
    "1. The concept of the shared future\n"
    "The world is more interconnected than ever before, it says, and so on.\n"
    "2. The cultural roots of cooperation\n"
    "The cultural genes of the nation are a driving force, it says, and more.\n"
    "3. New progress of cooperation\n"
    "Since 2012, cooperation has developed in practice, it says, and more.\n"
    "4. The scale has steadily expanded\n"
    "The scale of aid has grown year after year, it says, and more again.\n";

TEST(TocTest, EntriesWordedUnlikeTheirHeadingsAreFoundBySimilarTitles) {
  // No entry is spelled exactly as its heading (Dice 0.77 to 0.94), so only
  // the bigram comparison, not an exact title match, finds them.
  const std::string text = kRewordedEntries + kTheirHeadings;
  Document doc = Build(text);
  ASSERT_EQ(doc.paragraphs.size(), 12u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(doc.paragraphs[i].kind, Kind::kToc) << i;
  for (int i = 4; i < 12; i += 2) EXPECT_EQ(doc.paragraphs[i].kind, Kind::kHeading) << i;
}

TEST(TocTest, EntriesWhoseHeadingsComeAfterOtherHeadingsAreFound) {
  // Five unrelated headings come between the table and the headings its
  // (reworded) entries name: those are still looked for further on.
  const std::string text = kRewordedEntries +
                           "(I) Preface\n"
                           "China is the largest developing country in the world, it says in the preface.\n"
                           "(II) Foreword by the editors\n"
                           "The editors thank the many contributors, as they say, at some length.\n"
                           "(III) Notes on sources\n"
                           "The sources are listed at the end, it says, with a comma in between.\n"
                           "(IV) Abbreviations used\n"
                           "The abbreviations follow common usage, it says, with a comma in between.\n"
                           "(V) A word on terms\n"
                           "The terms are defined where they first occur, it says, and so on.\n" +
                           kTheirHeadings;
  Document doc = Build(text);
  ASSERT_EQ(doc.paragraphs.size(), 22u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(doc.paragraphs[i].kind, Kind::kToc) << i;
  for (int i = 4; i < 22; i += 2) EXPECT_EQ(doc.paragraphs[i].kind, Kind::kHeading) << i;
}

// Four short lines, no marker, then two headings: half of the lines must
// come back as headings for the run to be a table of contents.
std::string ShortLinesThenHeadings(const std::string& second_heading) {
  return "Beijing\n"
         "Shanghai\n"
         "Guangzhou\n"
         "Shenzhen\n"
         "1. Beijing\n"
         "The capital is in the north, it says, and it is large.\n"
         "2. " +
         second_heading +
         "\n"
         "Shanghai and the others are in the south, it says, and they are large too.\n";
}

TEST(TocTest, ShortLinesThatDoNotComeBackAreNotATableOfContents) {
  Document doc = Build(ShortLinesThenHeadings("The southern cities"));  // one in four
  ASSERT_EQ(doc.paragraphs.size(), 8u);
  for (const Paragraph& p : doc.paragraphs) EXPECT_NE(p.kind, Kind::kToc) << p.text;
  EXPECT_EQ(doc.paragraphs[4].kind, Kind::kHeading);
}

TEST(TocTest, ShortLinesHalfOfWhichComeBackAreATableOfContents) {
  Document doc = Build(ShortLinesThenHeadings("Shanghai"));  // two in four
  ASSERT_EQ(doc.paragraphs.size(), 8u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(doc.paragraphs[i].kind, Kind::kToc) << i;
  EXPECT_EQ(doc.paragraphs[4].kind, Kind::kHeading);
}

TEST(TocTest, OneLetterTitlesAreNeverMatched) {
  // A one-letter title has no bigrams, so its Dice with any heading is 0,
  // even with a heading of the very same title.
  const std::string text =
      "1. A\n"
      "2. B\n"
      "3. C\n"
      "4. D\n"
      "1. A\n"
      "The first part says something substantial, with a comma, at length.\n"
      "2. B\n"
      "The second part says something else entirely, with a comma, at length.\n"
      "3. C\n"
      "The third part says something else entirely, with a comma, at length.\n"
      "4. D\n"
      "The fourth part says something else entirely, with a comma, at length.\n";
  Document doc = Build(text);
  ASSERT_EQ(doc.paragraphs.size(), 12u);
  for (const Paragraph& p : doc.paragraphs) EXPECT_NE(p.kind, Kind::kToc) << p.text;
}

TEST(OutlineTest, LevelsFollowTheDocumentsOwnStyles) {
  const std::string text =
      "一、人类命运共同体理念引领\n"
      "当今世界，各国相互联系、相互依存日益紧密，这是一个事实。\n"
      "(一) 文化根脉\n"
      "讲信义、重情义的文化基因，是发展的内生动力。\n"
      "(二) 合作观\n"
      "中共十八大以来，国际发展合作不断发展，形成了合作观。\n"
      "二、新进展\n"
      "中国国际发展合作稳步发展，规模扩大，方式多样。\n";
  Document doc = Build(text);
  std::vector<int> levels;
  for (const Paragraph& p : doc.paragraphs) {
    if (p.heading) levels.push_back(p.heading->level);
  }
  EXPECT_EQ(levels, (std::vector<int>{1, 2, 2, 1}));
}

TEST(OutlineTest, StrayStyleIsASiblingNotANewLevel) {
  const std::string text =
      "4. Promote the 2030 Agenda\n"
      "China contributes actively to the agenda, it says, in many ways.\n"
      "(I) Help eliminate poverty\n"
      "China helps other countries reduce poverty, it says, in many ways.\n"
      "(VII) Promote sustainable growth\n"
      "China supports industrialization, it says, and more besides.\n"
      "(8) Support ecological protection\n"
      "China upholds harmony between man and nature, it says, and more.\n";
  Document doc = Build(text);
  ASSERT_EQ(doc.paragraphs.size(), 8u);
  EXPECT_EQ(doc.paragraphs[0].heading->level, 1);
  EXPECT_EQ(doc.paragraphs[2].heading->level, 2);
  EXPECT_EQ(doc.paragraphs[4].heading->level, 2);
  EXPECT_EQ(doc.paragraphs[6].heading->level, 2);
}

// A full-width colon introduces what follows, as ":" does: "4.1. 格式符号："
// is a section heading, and the steps "1." "2." under 4.2 are its list.
TEST(OutlineTest, HeadingsEndingWithAFullWidthColonAreSectionsNotItems) {
  const std::string text =
      "4. 文字和格式\n\n"
      "4.1. 格式符号：\n\n"
      "格式符号由实际值替换。\n\n"
      "4.2. 多行文字：\n\n"
      "有两种方法可以在文本中插入新行：\n\n"
      "1. 插入两个字符的序列（主要在页面设置对话框中）。\n\n"
      "2. 在设计窗口中插入一个新行。\n\n"
      "4.3. 页面设置对话框中的多行文本：\n\n"
      "5. 约束\n";
  Document doc = Build(text);
  std::vector<std::pair<bool, int>> outline;  // (is a heading, level)
  for (const Paragraph& p : doc.paragraphs) {
    if (p.heading) outline.push_back({p.kind == Kind::kHeading, p.heading->level});
  }
  EXPECT_EQ(outline, (std::vector<std::pair<bool, int>>{
                         {true, 1}, {true, 2}, {true, 2}, {false, 3}, {false, 3}, {true, 2}, {true, 1}}));
}

TEST(SentenceTest, EnglishAbbreviationsDoNotEndSentences) {
  Document doc = Build("Mr. Smith went to the U.S. on Monday. He spoke, then left.\n");
  ASSERT_EQ(doc.paragraphs.size(), 1u);
  ASSERT_EQ(doc.paragraphs[0].sentences.size(), 2u);
  EXPECT_EQ(doc.paragraphs[0].SentenceText(doc.paragraphs[0].sentences[1]), "He spoke, then left.");
}

TEST(SentenceTest, FullStopWithoutSpaceStillEndsASentence) {
  Document doc = Build("It is a form of South-South cooperation.China has made great achievements.\n");
  ASSERT_EQ(doc.paragraphs.size(), 1u);
  ASSERT_EQ(doc.paragraphs[0].sentences.size(), 2u);
  EXPECT_EQ(doc.paragraphs[0].SentenceText(doc.paragraphs[0].sentences[1]), "China has made great achievements.");
}

TEST(SentenceTest, ChineseBreaksAfterFullStopsAndMarks) {
  Document doc = Build("中国是最大的发展中国家。中国愿意分享经验！这是为什么？因为合作共赢。\n");
  ASSERT_EQ(doc.paragraphs.size(), 1u);
  const auto& s = doc.paragraphs[0].sentences;
  ASSERT_EQ(s.size(), 4u);
  const Paragraph& p = doc.paragraphs[0];
  EXPECT_EQ(p.SentenceText(s[0]), "中国是最大的发展中国家。");
  EXPECT_EQ(p.SentenceText(s[1]), "中国愿意分享经验！");
  EXPECT_EQ(p.SentenceText(s[3]), "因为合作共赢。");
}

TEST(SplitLinesTest, NumbersLinesAsAnEditorDoes) {
  EXPECT_EQ(SplitLines("a\n\nb"), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(SplitLines("a\nb\n"), (std::vector<std::string_view>{"a", "b"}));  // final newline ends a line
  EXPECT_TRUE(SplitLines("").empty());
}

TEST(LanguageTest, ScriptsDecideTheLanguage) {
  Document doc = Build(
      "COVID-19疫情在2020年全球蔓延，给联合国2030年议程带来挑战。\n"
      "The concept of tianxia (天下) is old, and it is discussed in the paper.\n"
      "中国 China 合作 cooperation 发展 development\n");
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(doc.paragraphs[0].lang, Lang::kZh);
  EXPECT_EQ(doc.paragraphs[1].lang, Lang::kEn);
  EXPECT_EQ(doc.paragraphs[2].lang, Lang::kMixed);
}

}  // namespace
}  // namespace bitext
