// The document model of the bundled official bilingual text against gold
// written by reading it (corpus/whitepaper-2021/gold/official-paragraphs.tsv):
// every logical paragraph of each language, made of which physical lines,
// which were rejoined across a block boundary, and the kind of each.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "document.h"

namespace bitext {
namespace {

const std::string kSet = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/";

struct GoldBead {
  std::vector<std::string> zh;  // paragraphs as "35+57"
  std::vector<std::string> en;
  std::string kind;
  int row = 0;
};

std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, sep)) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::vector<GoldBead> ReadGold() {
  std::ifstream in(kSet + "gold/official-paragraphs.tsv");
  EXPECT_TRUE(in) << "missing gold file";
  std::vector<GoldBead> beads;
  std::string line;
  int row = 0;
  while (std::getline(in, line)) {
    ++row;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::string col;
    std::istringstream fields(line);
    while (std::getline(fields, col, '\t')) cols.push_back(col);
    EXPECT_GE(cols.size(), 3u) << "row " << row;
    if (cols.size() < 3) continue;
    beads.push_back({SplitOn(cols[0], ','), SplitOn(cols[1], ','), cols[2], row});
  }
  return beads;
}

// "35+57": the first line of each piece of the paragraph.
std::string PiecesKey(const Paragraph& p) {
  std::string key;
  for (const LineSpan& span : p.pieces) {
    if (!key.empty()) key += "+";
    key += std::to_string(span.first);
  }
  return key;
}

class OfficialTextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    doc_ = new Document(LoadDocument(kSet + "official-bilingual.txt", {}));
    gold_ = new std::vector<GoldBead>(ReadGold());
  }
  static void TearDownTestSuite() {
    delete doc_;
    delete gold_;
  }
  static std::vector<std::string> Keys(Lang lang) {
    std::vector<std::string> keys;
    for (const Paragraph* p : doc_->InLanguage(lang)) keys.push_back(PiecesKey(*p));
    return keys;
  }
  static std::vector<std::string> GoldKeys(bool zh) {
    std::vector<std::string> keys;
    for (const GoldBead& b : *gold_) {
      for (const std::string& k : zh ? b.zh : b.en) keys.push_back(k);
    }
    return keys;
  }
  static const Paragraph* Find(Lang lang, const std::string& key) {
    for (const Paragraph* p : doc_->InLanguage(lang)) {
      if (PiecesKey(*p) == key) return p;
    }
    return nullptr;
  }
  static Document* doc_;
  static std::vector<GoldBead>* gold_;
};

Document* OfficialTextTest::doc_ = nullptr;
std::vector<GoldBead>* OfficialTextTest::gold_ = nullptr;

TEST_F(OfficialTextTest, IsBilingualWithNoMixedParagraphs) {
  EXPECT_TRUE(doc_->bilingual);
  EXPECT_TRUE(doc_->InLanguage(Lang::kMixed).empty());
}

TEST_F(OfficialTextTest, EveryChineseParagraphWithItsLines) { EXPECT_EQ(Keys(Lang::kZh), GoldKeys(true)); }

TEST_F(OfficialTextTest, EveryEnglishParagraphWithItsLines) { EXPECT_EQ(Keys(Lang::kEn), GoldKeys(false)); }

TEST_F(OfficialTextTest, KindsMatchGold) {
  for (const GoldBead& bead : *gold_) {
    for (const auto& [lang, keys] : {std::pair{Lang::kZh, bead.zh}, std::pair{Lang::kEn, bead.en}}) {
      for (const std::string& key : keys) {
        const Paragraph* p = Find(lang, key);
        ASSERT_NE(p, nullptr) << "gold row " << bead.row << " paragraph " << key;
        EXPECT_EQ(KindName(p->kind), bead.kind) << "gold row " << bead.row << " paragraph " << key;
      }
    }
  }
}

TEST_F(OfficialTextTest, PairedHeadingsHaveTheSameParsedNumberAndLevel) {
  int numbered_pairs = 0;
  for (const GoldBead& bead : *gold_) {
    if (bead.kind != "heading" || bead.zh.size() != 1 || bead.en.size() != 1) continue;
    const Paragraph* zh = Find(Lang::kZh, bead.zh[0]);
    const Paragraph* en = Find(Lang::kEn, bead.en[0]);
    ASSERT_TRUE(zh && en && zh->heading && en->heading) << "gold row " << bead.row;
    EXPECT_EQ(zh->heading->level, en->heading->level) << "gold row " << bead.row;
    ASSERT_EQ(zh->heading->number.has_value(), en->heading->number.has_value()) << "gold row " << bead.row;
    if (!zh->heading->number) continue;
    ++numbered_pairs;
    EXPECT_EQ(zh->heading->number->value, en->heading->number->value) << "gold row " << bead.row;
    EXPECT_TRUE(zh->heading->number->garbled.empty());
    EXPECT_TRUE(en->heading->number->garbled.empty());
  }
  EXPECT_GE(numbered_pairs, 3);
}

TEST_F(OfficialTextTest, OnlyTheCutEndsAreTruncated) {
  // Gold notes: English stops after "China always supports" (line 89); the
  // Chinese stops at "如" (line 99). Nothing else is cut.
  std::vector<std::string> truncated;
  for (const Paragraph& p : doc_->paragraphs) {
    if (p.truncated) truncated.push_back(PiecesKey(p));
  }
  EXPECT_EQ(truncated, (std::vector<std::string>{"89", "99"}));
}

TEST_F(OfficialTextTest, RejoinedTextReadsAcrossTheBreak) {
  const Paragraph* en = Find(Lang::kEn, "23+37");
  ASSERT_NE(en, nullptr);
  EXPECT_NE(en->text.find("global community of shared future."), std::string::npos);
  const Paragraph* zh = Find(Lang::kZh, "35+57");
  ASSERT_NE(zh, nullptr);
  EXPECT_NE(zh->text.find("以推动构建人类命运共同体为引领"), std::string::npos);
}

}  // namespace
}  // namespace bitext
