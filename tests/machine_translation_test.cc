// A machine translation of the Chinese units as alignment evidence: each
// bead's MT (its units' together) compared with its English.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "aligner.h"
#include "learning_alignment.h"
#include "lexicon.h"
#include "units.h"

namespace bitext::align {
namespace {

// Glosses for the content words of the Chinese below, except those of the
// free rendering: "就让我走了" has none that "Without a word, he finally let me leave." uses.
Lexicon SmallLexicon() {
  Lexicon lexicon;
  for (const auto& [chinese, glosses] : std::vector<std::pair<std::string, std::string>>{
           {"猫", "/cat/"},
           {"院子", "/yard/courtyard/"},
           {"睡觉", "/to sleep/"},
           {"狗", "/dog/"},
           {"跑", "/to run/"},
           {"河边", "/river bank/riverside/"},
           {"喝水", "/to drink water/"},
           {"老人", "/old man/old person/"},
           {"看", "/to look at/to watch/"},
           {"很久", "/a long time/"},
           {"就", "/at once/right away/"},
           {"让", "/to yield/to give way/"},
           {"走", "/to walk/"},
           {"鸟", "/bird/"},
           {"树上", "/in the tree/"},
           {"唱歌", "/to sing/"},
           {"孩子", "/child/children/"},
           {"回家", "/to return home/"},
           {"吃饭", "/to eat/to have a meal/"},
       }) {
    lexicon.Add(chinese, glosses);
  }
  return lexicon;
}

const std::vector<std::string> kZh = {
    "猫在院子里睡觉。",
    "狗跑到河边喝水。",
    "老人看了我很久，就让我走了。",
    "鸟在树上唱歌，唱了很久很久，一直唱到天黑。",
    "孩子回家吃饭。",
};
const std::vector<std::string> kEn = {
    "The cat slept in the yard.",
    "The dog ran to the riverside to drink water.",
    "The old man watched me for a long time.",
    "Without a word, he finally let me leave.",
    "A bird sang in the tree until night fell.",
    "The children went home to eat.",
};
const std::vector<std::string> kMt = {
    "The cat is sleeping in the yard.",
    "The dog ran to the river to drink water.",
    "The old man looked at me for a long time, and then let me leave without a word.",
    "Birds sing in the trees, singing for a long, long time until dark.",
    "The child went home to eat.",
};

std::vector<Bead> Align(const Lexicon& lexicon, bool with_mt) {
  LexicalSpace space(&lexicon, nullptr, with_mt ? MachineTranslation::kGiven : MachineTranslation::kNone);
  std::vector<AlignUnit> zh, en;
  for (const std::string& text : kZh) zh.push_back(space.MakeZh(text));
  for (const std::string& text : kEn) en.push_back(space.MakeEn(text));
  if (with_mt) {
    for (size_t k = 0; k < zh.size(); ++k) space.SetMachineTranslation(zh[k], kMt[k]);
  }
  return AlignUnits(zh, en, space, AlignerOptions{});
}

// The evidence of kZh[0], with its MT, paired with its English (right) and
// with the next sentence's (wrong).
struct RightAndWrong {
  BeadEvidence right, wrong;
};
RightAndWrong ScoreFirstSentence(const Lexicon* lexicon) {
  LexicalSpace space(lexicon, nullptr, MachineTranslation::kGiven);
  std::vector<AlignUnit> zh = {space.MakeZh(kZh[0])};
  std::vector<AlignUnit> en = {space.MakeEn(kEn[0]), space.MakeEn(kEn[1])};
  space.SetMachineTranslation(zh[0], kMt[0]);
  const BeadScorer scorer(zh, en, space, LengthModel::FromTotals(1, 3), Weights{});
  RightAndWrong scored;
  scorer.Cost(0, 1, 0, 1, &scored.right);
  scorer.Cost(0, 1, 1, 2, &scored.wrong);
  return scored;
}

std::string Shapes(const std::vector<Bead>& beads) {
  std::string out;
  for (const Bead& b : beads) {
    out += "[" + std::to_string(b.zh_begin) + "," + std::to_string(b.zh_end) + "):[" + std::to_string(b.en_begin) +
           "," + std::to_string(b.en_end) + ") ";
  }
  return out;
}

// English units get stems for an MT only when the space is made expecting
// one: giving an MT to a space made without is refused, not silently weak.
TEST(MachineTranslationTest, SpaceMadeWithoutItRefusesAMachineTranslation) {
  LexicalSpace space(nullptr);
  AlignUnit zh = space.MakeZh(kZh[0]);
  EXPECT_THROW(space.SetMachineTranslation(zh, kMt[0]), std::logic_error);
  LexicalSpace with_mt(nullptr, nullptr, MachineTranslation::kGiven);
  AlignUnit zh_with = with_mt.MakeZh(kZh[0]);
  with_mt.SetMachineTranslation(zh_with, kMt[0]);
  EXPECT_FALSE(zh_with.mt_stems.empty());
  EXPECT_FALSE(with_mt.MakeEn(kEn[0]).words.empty());  // stems without a lexicon
}

TEST(MachineTranslationTest, MergesAFreeRenderingThatNoGlossExplains) {
  const Lexicon lexicon = SmallLexicon();
  // Without the MT, "Without a word, he finally let me leave." shares no gloss with its Chinese
  // and goes to the wrong neighbour.
  EXPECT_EQ(Shapes(Align(lexicon, false)), "[0,1):[0,1) [1,2):[1,2) [2,3):[2,3) [3,4):[3,5) [4,5):[5,6) ");
  // The MT says "let me leave": the 1-2 bead is made, and the rest stay 1-1.
  const std::vector<Bead> with = Align(lexicon, true);
  ASSERT_EQ(with.size(), 5u) << Shapes(with);
  EXPECT_EQ(Shapes(with), "[0,1):[0,1) [1,2):[1,2) [2,3):[2,4) [3,4):[4,5) [4,5):[5,6) ");
  for (const Bead& b : with) {
    EXPECT_GE(b.evidence.mt, 0.0);
    EXPECT_LE(b.evidence.mt, 1.0);
  }
}

TEST(MachineTranslationTest, SimilarityIsMeasuredOnlyWithAnMt) {
  const Lexicon lexicon = SmallLexicon();
  for (const Bead& b : Align(lexicon, false)) EXPECT_EQ(b.evidence.mt, -1.0);
  // A bead pairing an MT with the English it translates scores higher
  // than one pairing it with another sentence.
  const RightAndWrong scored = ScoreFirstSentence(&lexicon);
  EXPECT_GT(scored.right.mt, 0.5);
  EXPECT_LT(scored.wrong.mt, scored.right.mt);
}

TEST(MachineTranslationTest, WorksWithoutALexicon) {
  // The English units are stemmed for the MT even when there are no glosses.
  const RightAndWrong scored = ScoreFirstSentence(nullptr);
  EXPECT_EQ(scored.right.lexical, -1.0);
  EXPECT_GT(scored.right.mt, scored.wrong.mt);
}

TEST(MachineTranslationTest, NeedsOneTextPerChineseUnit) {
  const Lexicon lexicon = SmallLexicon();
  UnitTexts document{kZh, kEn, {kMt[0], kMt[1]}};
  EXPECT_THROW(AlignUnitTextsLearning({document}, &lexicon, AlignerOptions{}, LearningOptions{}),
               std::invalid_argument);
  document.zh_mt = kMt;
  EXPECT_EQ(AlignUnitTextsLearning({document}, &lexicon, AlignerOptions{}, LearningOptions{}).beads.size(), 1u);
}

}  // namespace
}  // namespace bitext::align
