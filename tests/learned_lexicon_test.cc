// The lexicon learned from aligned text (IBM Model 1 both ways), its saved
// form, and alignment in two rounds over several documents.
#include "learned_lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <memory>

#include "decode.h"
#include "learning_alignment.h"

namespace bitext::align {
namespace {

const LearnedEntry* Find(const std::vector<LearnedEntry>& entries, const std::string& chinese) {
  for (const LearnedEntry& e : entries) {
    if (e.chinese == chinese) return &e;
  }
  return nullptr;
}

// A lexicon that knows none of the test's characters, so each is a word.
Lexicon SegmentingLexicon() {
  Lexicon lexicon;
  lexicon.Add("书", "/book/");
  return lexicon;
}

TEST(LexiconLearnerTest, LearnsWordsThatTranslateEachOtherBothWays) {
  const Lexicon segmenting = SegmentingLexicon();
  LexiconLearner learner(&segmenting);
  learner.AddPair("猫跑", "The cat runs.");
  learner.AddPair("猫睡", "The cat sleeps.");
  learner.AddPair("狗跑", "A dog runs.");
  learner.AddPair("狗睡", "The dog sleeps.");
  learner.AddPair("鸟飞", "Birds fly.");  // seen once: chance, not evidence
  const std::vector<LearnedEntry> entries = learner.Learn(LearningOptions{});

  const LearnedEntry* cat = Find(entries, "猫");
  ASSERT_NE(cat, nullptr);
  EXPECT_EQ(cat->english, std::vector<std::string>{"cat"});
  const LearnedEntry* dog = Find(entries, "狗");
  ASSERT_NE(dog, nullptr);
  EXPECT_EQ(dog->english, std::vector<std::string>{"dog"});
  const LearnedEntry* run = Find(entries, "跑");
  ASSERT_NE(run, nullptr);
  EXPECT_EQ(run->english, std::vector<std::string>{"runs"});  // the written form, not the stem
  EXPECT_EQ(Find(entries, "鸟"), nullptr);
  EXPECT_EQ(Find(entries, "飞"), nullptr);
}

TEST(LexiconLearnerTest, ThresholdKeepsOnlyConfidentPairs) {
  const Lexicon segmenting = SegmentingLexicon();
  LexiconLearner learner(&segmenting);
  learner.AddPair("猫跑", "The cat runs.");
  learner.AddPair("猫睡", "The cat sleeps.");
  LearningOptions strict;
  strict.threshold = 1.01;  // no probability reaches it
  EXPECT_TRUE(learner.Learn(strict).empty());
  EXPECT_EQ(learner.pairs(), 2u);
}

TEST(LearnedLexiconTest, SavedTextReadsBackAsTheSameGlosses) {
  const std::vector<LearnedEntry> entries = {{"笑", {"laugh", "smiled"}}, {"道", {"said"}}};
  const std::string text = ToCedictText(entries);
  EXPECT_NE(text.find("笑 笑 [learned] /laugh/smiled/\n"), std::string::npos) << text;
  const Lexicon read = Lexicon::FromCedict(text);
  const Lexicon direct = ToLexicon(entries);
  for (const char* word : {"笑", "道"}) {
    ASSERT_TRUE(read.Knows(word)) << word;
    ASSERT_TRUE(direct.Knows(word)) << word;
    EXPECT_EQ(read.Glosses(word), direct.Glosses(word)) << word;
  }
  // Stems match the text's: "smiled" in a gloss meets "smiling" in the English.
  const std::vector<std::string_view> glosses = read.Glosses("笑");
  EXPECT_NE(std::find(glosses.begin(), glosses.end(), Stem("smiling")), glosses.end());
  const std::vector<std::string_view> said = read.Glosses("道");
  EXPECT_NE(std::find(said.begin(), said.end(), Stem("says")), said.end());
}

std::unique_ptr<Lexicon> LoadCedict() {
  if (!std::ifstream(BITEXT_DEFAULT_LEXICON)) return nullptr;
  return std::make_unique<Lexicon>(
      Lexicon::FromCedict(ReadText(BITEXT_DEFAULT_LEXICON, DecodeOptions{"UTF-8", false}).text));
}

// A name CC-CEDICT cannot know occurs once in each of two documents: only
// when they are aligned together has it been seen often enough to learn.
TEST(AlignUnitTextsLearningTest, LearnsFromAllDocumentsTogether) {
  const std::unique_ptr<Lexicon> cedict = LoadCedict();
  if (!cedict) GTEST_SKIP() << "CC-CEDICT not fetched (scripts/setup.sh does it)";
  const UnitTexts first = {{"乔巴走进了房间。", "他看见一本书。", "天很冷。"},
                           {"Qiaoba walked into the room.", "He saw a book.", "The weather was cold."}};
  const UnitTexts second = {{"乔巴在河边喝水。", "太阳出来了。"},
                            {"Qiaoba drank water by the river.", "The sun came out."}};
  const UnitTextsAlignment alone = AlignUnitTextsLearning({first}, cedict.get(), AlignerOptions{}, LearningOptions{});
  const UnitTextsAlignment together =
      AlignUnitTextsLearning({first, second}, cedict.get(), AlignerOptions{}, LearningOptions{});
  auto knows_name = [](const UnitTextsAlignment& a) {
    for (const LearnedEntry& e : a.learned) {
      if (std::find(e.english.begin(), e.english.end(), "qiaoba") != e.english.end()) return true;
    }
    return false;
  };
  EXPECT_FALSE(knows_name(alone));
  EXPECT_TRUE(knows_name(together));
  ASSERT_EQ(together.beads.size(), 2u);
  // Each document keeps its own alignment, every unit in order, 1-1 here.
  for (size_t d = 0; d < 2; ++d) {
    const UnitTexts& doc = d == 0 ? first : second;
    ASSERT_EQ(together.beads[d].size(), doc.zh.size());
    for (size_t k = 0; k < doc.zh.size(); ++k) {
      EXPECT_EQ(together.beads[d][k].zh_begin, static_cast<int>(k));
      EXPECT_EQ(together.beads[d][k].en_begin, static_cast<int>(k));
      EXPECT_EQ(together.beads[d][k].en_size(), 1);
    }
  }
}

TEST(AlignUnitTextsLearningTest, DisabledOrWithoutLexiconIsOneRound) {
  const UnitTexts doc = {{"天很冷。"}, {"The weather was cold."}};
  LearningOptions off;
  off.enabled = false;
  const Lexicon segmenting = SegmentingLexicon();
  EXPECT_TRUE(AlignUnitTextsLearning({doc}, &segmenting, AlignerOptions{}, off).learned.empty());
  const UnitTextsAlignment none = AlignUnitTextsLearning({doc}, nullptr, AlignerOptions{}, LearningOptions{});
  EXPECT_TRUE(none.learned.empty());
  ASSERT_EQ(none.beads.size(), 1u);
  ASSERT_EQ(none.beads[0].size(), 1u);
}

}  // namespace
}  // namespace bitext::align
