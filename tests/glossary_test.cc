// The terminology glossary: reading it, and the terminology rule on small
// documents.
#include "glossary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "check_set.h"
#include "checks.h"
#include "error.h"

namespace bitext {
namespace {

std::string TempFile(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::path(::testing::TempDir()) / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

TEST(GlossaryTest, ReadsEntriesAndVariants) {
  const Glossary g =
      ReadGlossary(TempFile("g.tsv",
                            "# comment\n人类命运共同体\tglobal community of shared future\tcommunity with a shared "
                            "future for mankind; community of common destiny\n\n一带一路\tBelt and Road\n"));
  ASSERT_EQ(g.entries.size(), 2u);
  EXPECT_EQ(g.entries[0].source, "人类命运共同体");
  EXPECT_EQ(g.entries[0].forbidden,
            (std::vector<std::string>{"community with a shared future for mankind", "community of common destiny"}));
  EXPECT_EQ(g.entries[0].line, 2);
  EXPECT_TRUE(g.entries[1].forbidden.empty());
}

TEST(GlossaryTest, MalformedRowNamesItsLine) {
  const std::string path = TempFile("bad.tsv", "一带一路\tBelt and Road\nonly one column\n");
  try {
    ReadGlossary(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().file, path);
  }
}

TEST(TerminologyTest, ForbiddenVariantIsFlaggedWhereItStands) {
  Glossary g;
  g.entries.push_back(
      {"人类命运共同体", "global community of shared future", {"community with a shared future for mankind"}, 1});
  CheckConfig config;
  config.glossary = &g;
  DecodedText text;
  text.text =
      "China builds a Community with a Shared Future for Mankind, it says.\n"
      "China builds a global community of shared future, it says.\n";
  const Document doc = BuildDocument("mt.txt", text);
  std::vector<Finding> found;
  for (const Finding& f : CheckDocument(doc, config)) {
    if (f.rule == "terminology") found.push_back(f);
  }
  ASSERT_EQ(found.size(), 1u);  // case does not hide the variant; the approved line is fine
  EXPECT_EQ(found[0].locations[0].line, 1);
  EXPECT_EQ(found[0].locations[0].column, 16);
  config.glossary = nullptr;
  for (const Finding& f : CheckDocument(doc, config)) EXPECT_NE(f.rule, "terminology");
}

// "South South cooperation" is one defect, a variant of the approved term:
// reported as terminology only, while a doubled word elsewhere stays.
TEST(TerminologyTest, DoubledWordInsideAVariantIsOneFinding) {
  Glossary g;
  g.entries.push_back({"南南合作", "South-South cooperation", {"South South cooperation"}, 1});
  CheckConfig config;
  config.glossary = &g;
  DecodedText text;
  text.text = "We value South South cooperation, and the the partners agree.\n";
  const Document doc = BuildDocument("mt.txt", text);
  std::vector<std::string> rules;
  for (const Finding& f : CheckDocument(doc, config))
    rules.push_back(f.rule + "@" + std::to_string(f.locations[0].column));
  EXPECT_EQ(rules, (std::vector<std::string>{"terminology@10", "repeated-token@43"}));
  config.glossary = nullptr;  // without the glossary the doubled word is all there is to say
  rules.clear();
  for (const Finding& f : CheckDocument(doc, config))
    rules.push_back(f.rule + "@" + std::to_string(f.locations[0].column));
  EXPECT_EQ(rules, (std::vector<std::string>{"repeated-token@16", "repeated-token@43"}));
}

// An approved term the official English does not use in a paragraph either
// is used in another sense there: no finding on an MT that follows it.
TEST(TerminologyTest, NoApprovedRenderingWhereTheOfficialEnglishHasNone) {
  Glossary g;
  g.entries.push_back({"安装程序", "installer", {"installation program"}, 1});
  CheckConfig config;
  config.glossary = &g;
  DecodedText zh, en, mt, other;
  zh.text = "安装程序会检测硬件，然后继续安装基本系统的全部组件。\n\n请按照安装程序的步骤完成全部设置工作。\n";
  en.text =
      "The installer detects your hardware, then goes on to install all the parts of the base system.\n\n"
      "Follow the steps of the installation to finish all the settings.\n";
  mt.text = en.text;
  other.text =
      "The setup tool detects your hardware, then goes on to install all the parts of the base system.\n\n"
      "Follow the steps of the installation to finish all the settings.\n";
  const Document zh_doc = BuildDocument("zh.txt", zh), en_doc = BuildDocument("en.txt", en);
  const Document mt_doc = BuildDocument("mt.txt", mt), other_doc = BuildDocument("other.txt", other);
  auto terminology_lines = [&](const Document& doc) {
    std::vector<int> lines;
    for (const Finding& f : CheckDocumentSet({&zh_doc, &en_doc}, {&doc}, nullptr, config)) {
      if (f.rule == "terminology") lines.push_back(f.locations[0].line);
    }
    return lines;
  };
  EXPECT_TRUE(terminology_lines(mt_doc).empty());
  EXPECT_EQ(terminology_lines(other_doc), (std::vector<int>{1}));  // the official says "installer" there
}

}  // namespace
}  // namespace bitext
