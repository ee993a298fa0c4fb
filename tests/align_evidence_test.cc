// The aligner's evidence, one scorer at a time: anchors (numbers, months,
// Latin tokens), English stems and the CC-CEDICT lexicon, the Gale-Church
// length model, the bead scorer that combines them, the dynamic programme
// over beads, and the vecalign-style alignment scorer used to measure it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aligner.h"
#include "anchors.h"
#include "confidence.h"
#include "document.h"
#include "evaluation.h"
#include "fnv.h"
#include "length_model.h"
#include "lexicon.h"
#include "scorer.h"
#include "unicode.h"
#include "units.h"

namespace bitext::align {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string s = "{";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", \"" : "\"") + v[i] + "\"";
  return s + "}";
}

std::string Join(const std::vector<double>& v) {
  std::string s = "{";
  for (size_t i = 0; i < v.size(); ++i) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", v[i]);
    s += (i ? ", " : "") + std::string(buffer);
  }
  return s + "}";
}

bool Contains(const std::vector<std::string>& v, std::string_view item) {
  return std::find(v.begin(), v.end(), item) != v.end();
}

// ---------------------------------------------------------------------------
// ExtractNumbers / ExtractAnchors

struct NumbersCase {
  const char* text;
  Lang lang;
  std::vector<double> values;  // in order of appearance
};

TEST(ExtractNumbersTest, ParsesValues) {
  const NumbersCase cases[] = {
      {"2702亿元", Lang::kZh, {270200000000.0}},
      {"RMB 270.2 billion", Lang::kEn, {270200000000.0}},
      {"3.5 million people", Lang::kEn, {3500000}},
      {"1,069 medical workers", Lang::kEn, {1069}},
      {"27,484名志愿者", Lang::kZh, {27484}},
      {"培训4万名人员", Lang::kZh, {40000}},
      {"党的十八大以来", Lang::kZh, {18}},
      {"二十三个国家", Lang::kZh, {23}},
      // A single 一 is a word ("one", "a"), not a number worth anchoring.
      {"一带一路", Lang::kZh, {}},
      {"２０３０年可持续发展议程", Lang::kZh, {2030}},
      {"2013至2018年", Lang::kZh, {2013, 2018}},
      // The English rendering of the range above must give the same values.
      {"in 2013-2018", Lang::kEn, {2013, 2018}},
      // Digits inside a Latin token belong to the token, not to the numbers.
      {"COVID-19疫情", Lang::kZh, {}},
      {"G20峰会", Lang::kZh, {}},
      {"the COVID-19 pandemic", Lang::kEn, {}},
      // A month is not a bare number; ExtractAnchors keys it as "month:N".
      {"2021年1月", Lang::kZh, {2021}},
      {"January 2021", Lang::kEn, {2021}},
      {"没有数字", Lang::kZh, {}},
  };
  for (const NumbersCase& c : cases) {
    std::vector<double> got = ExtractNumbers(c.text, c.lang);
    // EXPECT and continue, so that every failing case is reported.
    EXPECT_EQ(got.size(), c.values.size()) << "\"" << c.text << "\": got " << Join(got) << ", want " << Join(c.values);
    if (got.size() != c.values.size()) continue;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_NEAR(got[i], c.values[i], 1e-9 * std::max(1.0, std::fabs(c.values[i])))
          << "\"" << c.text << "\" value " << i;
    }
  }
}

struct AnchorsCase {
  const char* text;
  Lang lang;
  std::vector<std::string> numbers;  // sorted, as ExtractAnchors keeps them
  std::vector<std::string> words;
};

TEST(ExtractAnchorsTest, KeysNumbersMonthsAndLatinTokens) {
  const AnchorsCase cases[] = {
      {"援助2702亿元", Lang::kZh, {"270200000000"}, {}},
      {"２０３０年", Lang::kZh, {"2030"}, {}},
      {"COVID-19疫情", Lang::kZh, {}, {"covid-19"}},
      {"2021年1月", Lang::kZh, {"2021", "month:1"}, {}},
      {"2021年12月", Lang::kZh, {"2021", "month:12"}, {}},
      {"in May 2020", Lang::kEn, {"2020", "month:5"}, {"in", "may"}},
      // Lower-case "may" is the modal verb.
      {"China may grow", Lang::kEn, {}, {"china", "grow", "may"}},
  };
  for (const AnchorsCase& c : cases) {
    Anchors a = ExtractAnchors(c.text, c.lang);
    EXPECT_EQ(a.numbers, c.numbers) << "\"" << c.text << "\": numbers " << Join(a.numbers) << ", want "
                                    << Join(c.numbers);
    EXPECT_EQ(a.words, c.words) << "\"" << c.text << "\": words " << Join(a.words) << ", want " << Join(c.words);
  }
}

TEST(ExtractAnchorsTest, ScaledAmountsMeetAcrossLanguages) {
  Anchors zh = ExtractAnchors("2702亿元", Lang::kZh);
  Anchors en = ExtractAnchors("RMB 270.2 billion", Lang::kEn);
  EXPECT_EQ(zh.numbers, en.numbers) << Join(zh.numbers) << " vs " << Join(en.numbers);
  EXPECT_EQ(zh.numbers, std::vector<std::string>{"270200000000"});
}

TEST(ExtractAnchorsTest, LatinTokenInChineseIsAWordNotANumber) {
  Anchors a = ExtractAnchors("COVID-19疫情", Lang::kZh);
  EXPECT_TRUE(Contains(a.words, "covid-19")) << Join(a.words);
  EXPECT_FALSE(Contains(a.numbers, "19")) << Join(a.numbers);
  EXPECT_TRUE(a.numbers.empty()) << "numbers " << Join(a.numbers);
}

TEST(ExtractAnchorsTest, MonthsMeetEnglishMonthNames) {
  Anchors zh = ExtractAnchors("2021年1月", Lang::kZh);
  Anchors en = ExtractAnchors("January 2021", Lang::kEn);
  EXPECT_TRUE(Contains(zh.numbers, "month:1")) << Join(zh.numbers);
  EXPECT_TRUE(Contains(en.numbers, "month:1")) << Join(en.numbers);
  EXPECT_TRUE(Contains(zh.numbers, "2021")) << Join(zh.numbers);
  EXPECT_TRUE(Contains(en.numbers, "2021")) << Join(en.numbers);
  // "1月" is only a month; a bare 1 would meet every "1" in English.
  EXPECT_FALSE(Contains(zh.numbers, "1")) << Join(zh.numbers);
  EXPECT_EQ(zh.numbers, en.numbers);
  EXPECT_DOUBLE_EQ(AnchorSimilarity(zh, en), 1.0);
}

TEST(ExtractAnchorsTest, LowerCaseMayIsNotAMonth) {
  for (const char* text : {"China may grow", "it may be", "may"}) {
    Anchors a = ExtractAnchors(text, Lang::kEn);
    EXPECT_FALSE(Contains(a.numbers, "month:5")) << "\"" << text << "\": " << Join(a.numbers);
  }
  EXPECT_TRUE(Contains(ExtractAnchors("May 2020", Lang::kEn).numbers, "month:5"));
}

TEST(AnchorsTest, AddKeepsSortedMultisets) {
  Anchors a = ExtractAnchors("In 2013 and 2018 at APEC", Lang::kEn);
  Anchors b = ExtractAnchors("2013 and 122 at G20", Lang::kEn);
  const size_t numbers = a.numbers.size() + b.numbers.size();
  const size_t words = a.words.size() + b.words.size();
  a.Add(b);
  EXPECT_EQ(a.numbers.size(), numbers);
  EXPECT_EQ(a.words.size(), words);
  EXPECT_TRUE(std::is_sorted(a.numbers.begin(), a.numbers.end())) << Join(a.numbers);
  EXPECT_TRUE(std::is_sorted(a.words.begin(), a.words.end())) << Join(a.words);
  EXPECT_EQ(std::count(a.numbers.begin(), a.numbers.end(), "2013"), 2) << Join(a.numbers);
}

// ---------------------------------------------------------------------------
// AnchorSimilarity

struct SimilarityCase {
  const char* name;
  const char* zh;
  const char* en;
  double similarity;
};

TEST(AnchorSimilarityTest, Table) {
  const SimilarityCase cases[] = {
      {"identical numbers", "2013年援助了122个国家", "In 2013 aid went to 122 countries", 1.0},
      {"disjoint numbers", "2013年援助了122个国家", "In 2015 aid went to 98 countries", 0.0},
      // Dice: 2 x 1 common / (2 + 1).
      {"one of two numbers", "2013年援助了122个国家", "In 2013 aid went to many countries", 2.0 / 3.0},
      {"scaled amount", "援助2702亿元", "aid of RMB 270.2 billion", 1.0},
      {"Latin token found", "APEC会议", "the APEC meeting", 1.0},
      {"Latin token missing", "APEC会议", "the summit meeting", 0.0},
      {"no anchors in Chinese", "中国坚持和平发展", "In 2013 China kept to peace", -1.0},
      {"no anchors in English", "2013年", "", -1.0},
      {"no anchors at all", "中国坚持和平发展", "", -1.0},
  };
  for (const SimilarityCase& c : cases) {
    Anchors zh = ExtractAnchors(c.zh, Lang::kZh);
    Anchors en = ExtractAnchors(c.en, Lang::kEn);
    EXPECT_NEAR(AnchorSimilarity(zh, en), c.similarity, 1e-12)
        << c.name << ": zh " << Join(zh.numbers) << Join(zh.words) << ", en " << Join(en.numbers) << Join(en.words);
  }
}

TEST(AnchorSimilarityTest, ReportsWhatMatched) {
  Anchors zh = ExtractAnchors("2013年，122个国家参加了APEC会议", Lang::kZh);
  Anchors en = ExtractAnchors("In 2013, 98 countries attended the APEC meeting", Lang::kEn);
  std::vector<std::string> matched;
  const double similarity = AnchorSimilarity(zh, en, &matched);
  std::sort(matched.begin(), matched.end());
  EXPECT_EQ(matched, (std::vector<std::string>{"2013", "apec"})) << Join(matched);
  // Two of the three Chinese anchors met: 2 x 2 / (2 + 2 + 2 x 1).
  EXPECT_NEAR(similarity, 4.0 / 6.0, 1e-12);
}

// ---------------------------------------------------------------------------
// Stem / EnglishStems / IsStopWord

TEST(StemTest, InflectionsShareAStem) {
  const std::vector<std::vector<const char*>> groups = {
      {"developing", "development", "developed", "develop", "Developments"},
      {"countries", "country", "Country"},
      {"cooperation", "cooperate"},
      {"China", "china", "CHINA"},
      // A silent final e, irregular pasts and plurals: prose says "smiled",
      // "said", "told", "went" where a dictionary glosses "smile", "say", ...
      {"smile", "smiled", "smiling", "smiles"},
      {"say", "said", "says", "saying"},
      {"tell", "told", "tells"},
      {"go", "went", "gone"},
      {"child", "children"},
      {"agree", "agreed", "agrees"},
  };
  for (const auto& group : groups) {
    const std::string first = Stem(group[0]);
    for (const char* word : group) {
      EXPECT_EQ(Stem(word), first) << "\"" << word << "\" vs \"" << group[0] << "\"";
    }
  }
  // Documented example, and unrelated words must stay apart.
  EXPECT_EQ(Stem("development"), "develo");
  EXPECT_NE(Stem("country"), Stem("county"));
  EXPECT_NE(Stem("aid"), Stem("aim"));
}

TEST(StemTest, StopWords) {
  for (const char* word : {"the", "of", "and", "to", "in", "for", "is", "was"}) {
    EXPECT_TRUE(IsStopWord(word)) << word;
  }
  for (const char* word : {"china", "aid", "develop", "country", "health"}) {
    EXPECT_FALSE(IsStopWord(word)) << word;
  }
}

TEST(EnglishStemsTest, ContentWordsInOrder) {
  struct Case {
    const char* text;
    std::vector<std::string> stems;
  };
  const Case cases[] = {
      {"The development of the countries", {"develo", "countr"}},
      {"China's growth", {Stem("china"), "growth"}},
      {"China\u2019s aid", {Stem("china"), "aid"}},  // typographic apostrophe
      {"to the and of in", {}},
      {"Developing countries, developed countries.", {"develo", "countr", "develo", "countr"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got = EnglishStems(c.text);
    EXPECT_EQ(got, c.stems) << "\"" << c.text << "\": got " << Join(got) << ", want " << Join(c.stems);
  }
}

// ---------------------------------------------------------------------------
// Lexicon

// Real CC-CEDICT format: traditional, simplified, [pinyin], /glosses/.
constexpr std::string_view kCedict =
    "# CC-CEDICT\n"
    "#! version=1\n"
    "發展 发展 [fa1 zhan3] /development/growth/to develop/to grow/to expand/\n"
    "國家 国家 [guo2 jia1] /country/nation/state/CL:個|个[ge4]/\n"
    "合作 合作 [he2 zuo4] /to cooperate/to collaborate/to work together/cooperation/CL:次[ci4]/\n"
    "中國 中国 [Zhong1 guo2] /China/\n"
    "小康 小康 [xiao3 kang1] /(of a family) moderately affluent/\n"
    "this line is malformed\n"
    "援助\n"
    "世界\n";

TEST(LexiconTest, FromCedictParsesBothForms) {
  Lexicon lexicon = Lexicon::FromCedict(kCedict);
  struct Case {
    const char* key;
    std::vector<std::string> glosses;  // sorted stems
  };
  const Case cases[] = {
      {"发展", {"develo", "expand", "grow", "growth"}},
      {"發展", {"develo", "expand", "grow", "growth"}},
      // "CL:個|个[ge4]" is a classifier note, not a meaning.
      {"国家", {"countr", "nation", "stat"}},
      {"國家", {"countr", "nation", "stat"}},
      {"合作", {"collab", "cooper", "togeth", "work"}},
      {"中国", {"china"}},
      {"中國", {"china"}},
      // "(of a family)" is a remark: "family" must not become a gloss.
      {"小康", {"afflue", "modera"}},
  };
  auto glosses = [&lexicon](const std::string& key) {
    const std::vector<std::string_view> g = lexicon.Glosses(key);
    return std::vector<std::string>(g.begin(), g.end());
  };
  for (const Case& c : cases) {
    const std::vector<std::string> g = glosses(c.key);
    EXPECT_TRUE(lexicon.Knows(c.key)) << c.key;
    EXPECT_EQ(g, c.glosses) << c.key << ": got " << Join(g) << ", want " << Join(c.glosses);
  }
  const std::vector<std::string> dropped = {"cl", "ge", "ci", Stem("family")};
  for (const std::string& word : dropped) {
    for (const Case& c : cases) {
      EXPECT_FALSE(Contains(glosses(c.key), word)) << c.key << " has " << word;
    }
  }
  // Malformed lines and comments add nothing: 8 keys from 5 entries.
  for (const char* unknown : {"援助", "世界", "this"}) {
    EXPECT_TRUE(lexicon.Glosses(unknown).empty()) << unknown;
    EXPECT_FALSE(lexicon.Knows(unknown)) << unknown;
  }
  EXPECT_EQ(lexicon.size(), 8u);
  EXPECT_FALSE(lexicon.empty());
}

TEST(LexiconTest, EmptyInputGivesEmptyLexicon) {
  Lexicon lexicon = Lexicon::FromCedict("# only a comment\n");
  EXPECT_TRUE(lexicon.empty());
  EXPECT_TRUE(lexicon.Glosses("发展").empty());
}

TEST(LexiconTest, BinaryFormReadsBackTheSameEntries) {
  const Lexicon parsed = Lexicon::FromCedict(kCedict);
  const std::string binary = parsed.ToBinary("cedict 1234");
  const std::optional<Lexicon> read = Lexicon::FromBinary(binary, "cedict 1234");
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->size(), parsed.size());
  for (const char* key : {"发展", "發展", "国家", "合作", "中國", "小康"}) {
    ASSERT_TRUE(read->Knows(key)) << key;
    EXPECT_EQ(read->Glosses(key), parsed.Glosses(key)) << key;
  }
  EXPECT_FALSE(read->Knows("援助"));
}

TEST(LexiconTest, BinaryFormFromOtherTextOrDamagedIsRefused) {
  const std::string binary = Lexicon::FromCedict(kCedict).ToBinary("cedict 1234");
  EXPECT_FALSE(Lexicon::FromBinary(binary, "cedict 1235").has_value());  // another source
  EXPECT_FALSE(Lexicon::FromBinary("", "cedict 1234").has_value());
  EXPECT_FALSE(Lexicon::FromBinary(kCedict, "cedict 1234").has_value());  // the text form
  // Every truncation, and a flipped byte anywhere, is refused rather than read.
  for (size_t size = 0; size < binary.size(); ++size) {
    EXPECT_FALSE(Lexicon::FromBinary(binary.substr(0, size), "cedict 1234").has_value()) << size;
  }
  for (size_t at = 0; at < binary.size(); ++at) {
    std::string damaged = binary;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    EXPECT_FALSE(Lexicon::FromBinary(damaged, "cedict 1234").has_value()) << at;
  }
}

// A table whose checksum holds but whose counts or ids do not (made so on
// purpose) is refused or read within its bounds: every byte after the magic
// set to 0xFF in turn, the table read in place; every stem a lookup returns
// lies within its bytes.
TEST(LexiconTest, BinaryFormWithAMatchingChecksumIsReadWithinBounds) {
  const std::string binary = Lexicon::FromCedict(kCedict).ToBinary("cedict 1234");
  const size_t body = binary.size() - sizeof(uint64_t);
  size_t refused = 0;
  for (size_t at = std::string_view("bitext-lexicon-3\n").size(); at < body; ++at) {
    std::string forged = binary.substr(0, body);
    forged[at] = static_cast<char>(0xFF);
    const std::optional<Lexicon> read = Lexicon::FromTable(forged, "cedict 1234", nullptr);
    if (!read) {
      ++refused;
      continue;
    }
    for (const char* key : {"发展", "發展", "国家", "合作", "中國", "小康", "援助"}) {
      for (std::string_view stem : read->Glosses(key)) {
        EXPECT_TRUE(stem.data() >= forged.data() && stem.data() + stem.size() <= forged.data() + forged.size()) << at;
        EXPECT_TRUE(read->Knows(key)) << at;
      }
    }
    (void)read->size();
    (void)read->ToBinary("again");  // walks every slot
  }
  EXPECT_GT(refused, 0u);
}

// Written again, a binary read back gives the same bytes.
TEST(LexiconTest, BinaryFormWrittenAgainIsTheSame) {
  const std::string binary = Lexicon::FromCedict(kCedict).ToBinary("cedict 1234");
  const std::optional<Lexicon> read = Lexicon::FromBinary(binary, "cedict 1234");
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->ToBinary("cedict 1234"), binary);
}

// Thousands of keys, many sharing a slot's neighbourhood: each is found with
// its own stems, and keys never added are not.
TEST(LexiconTest, EveryKeyOfALargeBinaryIsFound) {
  std::string text;
  auto key = [](int k) {
    return ToUtf8(static_cast<char32_t>(0x4E00 + k / 100)) + ToUtf8(static_cast<char32_t>(0x4E00 + k % 100));
  };
  auto gloss = [](int k) {
    return "word" + std::string(1, static_cast<char>('a' + k % 26)) +
           std::string(1, static_cast<char>('a' + k / 26 % 26));
  };
  for (int k = 0; k < 5000; k += 2) text += key(k) + " " + key(k) + " [x] /" + gloss(k) + "/" + gloss(k + 1) + "/\n";
  const Lexicon parsed = Lexicon::FromCedict(text);
  const std::optional<Lexicon> read = Lexicon::FromBinary(parsed.ToBinary("many"), "many");
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->size(), 2500u);
  for (int k = 0; k < 5000; ++k) {
    EXPECT_EQ(read->Knows(key(k)), k % 2 == 0) << k;
    EXPECT_EQ(read->Glosses(key(k)), parsed.Glosses(key(k))) << k;
  }
}

// Keys that all hash to one slot (300 of them, found by trying words): the
// table grows until each lies within the probes a lookup makes, so each is
// still found.
TEST(LexiconTest, KeysCrowdedIntoOneSlotAreAllFound) {
  std::vector<std::string> crowded;
  for (uint32_t k = 0; crowded.size() < 300; ++k) {
    const std::string key = ToUtf8(static_cast<char32_t>(0x4E00 + k % 20000)) + std::to_string(k);
    if ((Fnv1a(key) & 511) == 7) crowded.push_back(key);
  }
  std::string text;
  for (const std::string& key : crowded) text += key + " " + key + " [x] /crowd/\n";
  const std::optional<Lexicon> read = Lexicon::FromBinary(Lexicon::FromCedict(text).ToBinary("k"), "k");
  ASSERT_TRUE(read.has_value());
  for (const std::string& key : crowded) EXPECT_TRUE(read->Knows(key)) << key;
}

// Words added to a lexicon read from its binary form join its entries: a
// known word keeps its stems and gains the new ones; a copy made before is
// unchanged.
TEST(LexiconTest, WordsAddedToABinaryFormJoinItsEntries) {
  const std::optional<Lexicon> read = Lexicon::FromBinary(Lexicon::FromCedict(kCedict).ToBinary("k"), "k");
  ASSERT_TRUE(read.has_value());
  Lexicon grown = *read;
  grown.Add("发展", "/progress/");
  grown.Add("援助", "/aid/");
  const std::vector<std::string_view> develop = grown.Glosses("发展");
  EXPECT_EQ(std::vector<std::string>(develop.begin(), develop.end()),
            (std::vector<std::string>{"develo", "expand", "grow", "growth", "progre"}));
  EXPECT_TRUE(grown.Knows("援助"));
  EXPECT_EQ(grown.size(), 9u);
  EXPECT_FALSE(read->Knows("援助"));
  EXPECT_EQ(read->Glosses("发展").size(), 4u);
  EXPECT_EQ(read->size(), 8u);
  // Written out and read back, the added words are there.
  const std::optional<Lexicon> again = Lexicon::FromBinary(grown.ToBinary("k"), "k");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->size(), 9u);
  EXPECT_EQ(again->Glosses("发展"), grown.Glosses("发展"));
  EXPECT_EQ(again->Glosses("援助"), grown.Glosses("援助"));
}

TEST(LexiconTest, AddStemsGlosses) {
  Lexicon lexicon;
  lexicon.Add("援助", "aid/assistance/to help");
  const std::vector<std::string_view> g = lexicon.Glosses("援助");
  const std::vector<std::string> stems(g.begin(), g.end());
  EXPECT_EQ(stems, (std::vector<std::string>{Stem("aid"), Stem("assistance"), Stem("help")})) << Join(stems);
  // A second entry for the word adds its glosses to the first's, sorted.
  lexicon.Add("援助", "support/aid");
  const std::vector<std::string_view> more = lexicon.Glosses("援助");
  EXPECT_EQ(std::vector<std::string>(more.begin(), more.end()),
            (std::vector<std::string>{Stem("aid"), Stem("assistance"), Stem("help"), Stem("support")}));
  lexicon.Add("帮助", "help");
  lexicon.Add("援助", "relief");
  EXPECT_EQ(lexicon.Glosses("援助").size(), 5u);
  EXPECT_EQ(lexicon.Glosses("帮助"), (std::vector<std::string_view>{Stem("help")}));
}

TEST(ChineseWordsTest, KnownWordsWholeUnknownWordsByCharacter) {
  Lexicon lexicon = Lexicon::FromCedict(kCedict);
  std::vector<std::string> words = ChineseWords("中国的发展离不开世界。COVID-19", lexicon);
  EXPECT_TRUE(Contains(words, "发展")) << Join(words);
  EXPECT_TRUE(Contains(words, "中国")) << Join(words);
  // 世界 is not in this lexicon: its characters are looked up one by one.
  EXPECT_FALSE(Contains(words, "世界")) << Join(words);
  EXPECT_TRUE(Contains(words, "世")) << Join(words);
  EXPECT_TRUE(Contains(words, "界")) << Join(words);
  // Only Han words: no punctuation, no Latin tokens.
  EXPECT_FALSE(Contains(words, "。")) << Join(words);
  EXPECT_FALSE(Contains(words, "COVID")) << Join(words);
  for (const std::string& w : words) {
    EXPECT_TRUE(w == "发展" || w == "中国" || w.size() == 3) << "unexpected word \"" << w << "\"";
  }
}

// ---------------------------------------------------------------------------
// LengthModel

TEST(LengthModelTest, CostIsSmallAtTheRatioAndGrowsWithDeviation) {
  const LengthModel model(3.0, 6.0);
  EXPECT_NEAR(model.Cost(100, 300), 0.0, 1e-9);
  double previous = model.Cost(100, 300);
  for (int deviation = 10; deviation <= 200; deviation += 10) {
    const double above = model.Cost(100, 300 + deviation);
    const double below = model.Cost(100, 300 - deviation);
    EXPECT_GT(above, previous) << "deviation +" << deviation;
    EXPECT_GT(below, 0.0) << "deviation -" << deviation;
    // Symmetric up to the mean length in the denominator.
    EXPECT_NEAR(above / below, 1.0, 0.5) << "deviation " << deviation << ": " << above << " vs " << below;
    EXPECT_GT(below, model.Cost(100, 300 - deviation + 10)) << "deviation -" << deviation;
    previous = above;
  }
}

TEST(LengthModelTest, CostIsAFiniteNegativeLogProbability) {
  const LengthModel model(3.0, 6.0);
  for (double target : {0.0, 1.0, 300.0, 5000.0, 1e6}) {
    const double cost = model.Cost(100, target);
    EXPECT_GE(cost, 0.0) << target;
    EXPECT_TRUE(std::isfinite(cost)) << target;
  }
}

TEST(LengthModelTest, FromPairsRecoversTheRatio) {
  const std::vector<double> source = {10, 25, 40, 7, 60, 33};
  std::vector<double> target;
  for (double s : source) target.push_back(3 * s);
  const LengthModel exact = LengthModel::FromPairs(source, target);
  EXPECT_DOUBLE_EQ(exact.ratio(), 3.0);
  EXPECT_GT(exact.variance(), 0.0);  // floored, never zero
  EXPECT_LT(exact.Cost(20, 60), 1e-9);

  // Noisy pairs: ratio is sum over sum, variance grows with the noise.
  const std::vector<double> noisy_target = {32, 72, 125, 20, 185, 96};
  const LengthModel noisy = LengthModel::FromPairs(source, noisy_target);
  double s = 0, t = 0;
  for (size_t i = 0; i < source.size(); ++i) s += source[i], t += noisy_target[i];
  EXPECT_NEAR(noisy.ratio(), t / s, 1e-12);
  const std::vector<double> noisier_target = {40, 60, 140, 12, 200, 78};
  const LengthModel noisier = LengthModel::FromPairs(source, noisier_target);
  EXPECT_GT(noisier.variance(), noisy.variance());
}

TEST(LengthModelTest, FromTotalsTakesTheRatioOfTotals) {
  struct Case {
    double source, target, ratio;
  };
  const Case cases[] = {{1000, 3500, 3.5}, {200, 300, 1.5}, {400, 100, 0.25}};
  for (const Case& c : cases) {
    EXPECT_DOUBLE_EQ(LengthModel::FromTotals(c.source, c.target).ratio(), c.ratio) << c.source << " -> " << c.target;
  }
  // With nothing on one side the ratio falls back to a usable value.
  const double fallback = LengthModel::FromTotals(0, 100).ratio();
  EXPECT_GT(fallback, 0.0);
  EXPECT_TRUE(std::isfinite(fallback));
}

// ---------------------------------------------------------------------------
// BeadScorer

Lexicon SmallLexicon() {
  Lexicon lexicon;
  lexicon.Add("中国", "China");
  lexicon.Add("援助", "aid/assistance/to help");
  lexicon.Add("国家", "country/nation");
  lexicon.Add("发展", "development/to develop");
  lexicon.Add("合作", "cooperation/to cooperate");
  lexicon.Add("培训", "training/to train");
  lexicon.Add("人员", "staff/personnel");
  lexicon.Add("建设", "to build/construction");
  lexicon.Add("学校", "school");
  lexicon.Add("医院", "hospital");
  lexicon.Add("非洲", "Africa");
  lexicon.Add("派遣", "to send/to dispatch");
  lexicon.Add("医疗", "medical/medical treatment");
  lexicon.Add("农业", "agriculture/agricultural");
  lexicon.Add("项目", "project");
  lexicon.Add("粮食", "food/grain");
  lexicon.Add("减贫", "poverty reduction");
  lexicon.Add("覆盖", "to cover/to reach");
  lexicon.Add("惠及", "to benefit");
  lexicon.Add("人民", "people");
  lexicon.Add("达到", "to reach/to achieve");
  return lexicon;
}

struct Pair {
  const char* zh;
  const char* en;
};

// Parallel units: each pair shares numbers and glossed words.
const Pair kPairs[] = {
    {"2013年，中国援助了122个国家。", "In 2013, China provided aid to 122 countries."},
    {"中国为发展中国家培训了4万名人员。", "China trained 40,000 personnel for developing countries."},
    {"中国在非洲建设了86所学校。", "China built 86 schools in Africa."},
    {"中国派遣了1,069名医疗人员。", "China sent 1,069 medical staff."},
    {"2014年，农业合作项目达到35个。", "In 2014, agricultural cooperation projects reached 35."},
    {"中国建设了25所医院。", "China built 25 hospitals."},
    {"粮食援助覆盖了18个国家。", "Food aid reached 18 countries."},
    {"减贫合作惠及了2702万人民。", "Poverty reduction cooperation benefited 27.02 million people."},
};
constexpr int kPairCount = static_cast<int>(std::size(kPairs));

LengthModel TotalsModel(const std::vector<AlignUnit>& zh, const std::vector<AlignUnit>& en) {
  double zh_total = 0, en_total = 0;
  for (const AlignUnit& u : zh) zh_total += u.length;
  for (const AlignUnit& u : en) en_total += u.length;
  return LengthModel::FromTotals(zh_total, en_total);
}

class BeadScorerTest : public ::testing::Test {
 protected:
  BeadScorerTest() : lexicon_(SmallLexicon()), space_(&lexicon_) {
    for (const Pair& p : kPairs) {
      zh_.push_back(space_.MakeZh(p.zh));
      en_.push_back(space_.MakeEn(p.en));
    }
  }

  Lexicon lexicon_;
  LexicalSpace space_;
  std::vector<AlignUnit> zh_, en_;
};

TEST_F(BeadScorerTest, CorrectPairCostsLessThanAnyWrongPair) {
  ASSERT_TRUE(space_.has_lexicon());
  const BeadScorer scorer(zh_, en_, space_, TotalsModel(zh_, en_), Weights{});
  for (int i = 0; i < kPairCount; ++i) {
    const double right = scorer.Cost(i, i + 1, i, i + 1);
    for (int j = 0; j < kPairCount; ++j) {
      if (j == i) continue;
      EXPECT_LT(right, scorer.Cost(i, i + 1, j, j + 1))
          << "zh " << i << " \"" << kPairs[i].zh << "\" with en " << j << " \"" << kPairs[j].en << "\"";
      EXPECT_GT(scorer.Fit(i, i + 1, i, i + 1), scorer.Fit(i, i + 1, j, j + 1)) << "zh " << i << " en " << j;
    }
  }
}

TEST_F(BeadScorerTest, EvidenceOfACorrectPair) {
  const BeadScorer scorer(zh_, en_, space_, TotalsModel(zh_, en_), Weights{});
  BeadEvidence evidence;
  scorer.Cost(0, 1, 0, 1, &evidence);
  EXPECT_DOUBLE_EQ(evidence.anchors, 1.0);
  std::vector<std::string> matched = evidence.matched_anchors;
  std::sort(matched.begin(), matched.end());
  EXPECT_EQ(matched, (std::vector<std::string>{"122", "2013"})) << Join(matched);
  EXPECT_GT(evidence.lexical, 0.0);
  EXPECT_LE(evidence.lexical, 1.0);
  EXPECT_GT(evidence.length_probability, 0.0);
  EXPECT_LE(evidence.length_probability, 1.0);
  EXPECT_EQ(evidence.structure_conflicts, 0.0);

  BeadEvidence wrong;
  scorer.Cost(0, 1, 2, 3, &wrong);
  EXPECT_DOUBLE_EQ(wrong.anchors, 0.0);
  EXPECT_TRUE(wrong.matched_anchors.empty()) << Join(wrong.matched_anchors);
  EXPECT_LT(wrong.lexical, evidence.lexical);
}

TEST_F(BeadScorerTest, SkipCostsTheSkipWeightPerUnit) {
  Weights weights;
  weights.skip = 7.25;  // not the default, so the weight is seen to be used
  const BeadScorer scorer(zh_, en_, space_, TotalsModel(zh_, en_), weights);
  struct Case {
    int zh_begin, zh_end, en_begin, en_end;
  };
  const Case cases[] = {{0, 1, 0, 0}, {3, 3, 2, 3}, {0, 2, 5, 5}, {4, 4, 1, 4}};
  for (const Case& c : cases) {
    const int units = (c.zh_end - c.zh_begin) + (c.en_end - c.en_begin);
    BeadEvidence evidence;
    EXPECT_DOUBLE_EQ(scorer.Cost(c.zh_begin, c.zh_end, c.en_begin, c.en_end, &evidence), weights.skip * units)
        << "[" << c.zh_begin << "," << c.zh_end << "):[" << c.en_begin << "," << c.en_end << ")";
    EXPECT_EQ(scorer.Fit(c.zh_begin, c.zh_end, c.en_begin, c.en_end), 0.0)
        << "[" << c.zh_begin << "," << c.zh_end << "):[" << c.en_begin << "," << c.en_end << ")";
  }
}

TEST_F(BeadScorerTest, FitIsInUnitInterval) {
  const BeadScorer scorer(zh_, en_, space_, TotalsModel(zh_, en_), Weights{});
  for (int i = 0; i < kPairCount; ++i) {
    for (int j = 0; j < kPairCount; ++j) {
      for (int zh_size = 1; zh_size <= 2 && i + zh_size <= kPairCount; ++zh_size) {
        for (int en_size = 1; en_size <= 2 && j + en_size <= kPairCount; ++en_size) {
          const double c = scorer.Fit(i, i + zh_size, j, j + en_size);
          EXPECT_GE(c, 0.0) << i << "+" << zh_size << " / " << j << "+" << en_size;
          EXPECT_LE(c, 1.0) << i << "+" << zh_size << " / " << j << "+" << en_size;
        }
      }
    }
  }
}

// Every unit has the same text, so costs differ by structure alone.
TEST(BeadScorerStructureTest, ConflictsCostTheStructureWeight) {
  struct Case {
    const char* name;
    Role zh_role;
    int zh_number;
    Role en_role;
    int en_number;
    double conflicts;
  };
  const Case cases[] = {
      {"body-body", Role::kBody, 0, Role::kBody, 0, 0},
      {"heading-heading", Role::kHeading, 1, Role::kHeading, 1, 0},
      {"heading-body", Role::kHeading, 1, Role::kBody, 0, 1},
      {"body-heading", Role::kBody, 0, Role::kHeading, 1, 1},
      {"headings 1 vs 2", Role::kHeading, 1, Role::kHeading, 2, 1},
      {"heading numbered vs unnumbered", Role::kHeading, 1, Role::kHeading, 0, 0},
      {"bullet-bullet", Role::kBullet, 0, Role::kBullet, 0, 0},
      {"bullet-body", Role::kBullet, 0, Role::kBody, 0, 0.5},
  };
  const Lexicon lexicon = SmallLexicon();
  LexicalSpace space(&lexicon);
  std::vector<AlignUnit> zh, en;
  for (const Case& c : cases) {
    zh.push_back(space.MakeZh("（一）2013年援助规模", c.zh_role, c.zh_number));
    en.push_back(space.MakeEn("(I) Scale of aid in 2013", c.en_role, c.en_number));
  }
  Weights weights;
  const BeadScorer scorer(zh, en, space, TotalsModel(zh, en), weights);
  const double base = scorer.Cost(0, 1, 0, 1);
  for (int k = 0; k < static_cast<int>(std::size(cases)); ++k) {
    BeadEvidence evidence;
    const double cost = scorer.Cost(k, k + 1, k, k + 1, &evidence);
    EXPECT_EQ(evidence.structure_conflicts, cases[k].conflicts) << cases[k].name;
    EXPECT_NEAR(cost - base, weights.structure * cases[k].conflicts, 1e-9) << cases[k].name;
  }
}

// A quotation cut in two leaves both halves unbalanced; the whole pairs up.
TEST(BeadScorerQuotesTest, SidesWhoseQuotesDoNotPairUpAreCounted) {
  LexicalSpace space(nullptr);
  const std::vector<AlignUnit> zh = {space.MakeZh("他说：“走吧。"), space.MakeZh("天黑了。”"), space.MakeZh("”她说“")};
  const std::vector<AlignUnit> en = {space.MakeEn("He said, \"Let's go."), space.MakeEn("It's dark.\""),
                                     space.MakeEn("\u201cFine,\u201d she said.")};
  Weights weights;
  const BeadScorer scorer(zh, en, space, TotalsModel(zh, en), weights);
  auto unbalanced = [&](int z0, int z1, int e0, int e1) {
    BeadEvidence evidence;
    scorer.Cost(z0, z1, e0, e1, &evidence);
    return evidence.unbalanced_quotes;
  };
  EXPECT_EQ(unbalanced(0, 1, 0, 1), 2);  // both open a quote they do not close
  EXPECT_EQ(unbalanced(1, 2, 1, 2), 2);  // both close a quote opened before
  EXPECT_EQ(unbalanced(0, 2, 0, 2), 0);  // together they pair up
  EXPECT_EQ(unbalanced(0, 2, 2, 3), 0);  // curly English quotes pair up too
  EXPECT_EQ(unbalanced(2, 3, 2, 3), 1);  // closed before opened: the counts match, the order does not
  BeadEvidence cut;
  const double cut_cost = scorer.Cost(0, 1, 0, 1, &cut);
  EXPECT_GT(weights.quotes, 0);
  EXPECT_GE(cut_cost, 2 * weights.quotes);
}

TEST(BeadScorerStructureTest, HeadingCostsMoreWithBodyAndWithADifferentNumber) {
  const Lexicon lexicon = SmallLexicon();
  LexicalSpace space(&lexicon);
  std::vector<AlignUnit> zh = {space.MakeZh("一、国际发展合作", Role::kHeading, 1)};
  std::vector<AlignUnit> en = {
      space.MakeEn("I. International Development Cooperation", Role::kHeading, 1),
      space.MakeEn("International development cooperation", Role::kBody, 0),
      space.MakeEn("II. International Development Cooperation", Role::kHeading, 2),
  };
  const BeadScorer scorer(zh, en, space, TotalsModel(zh, en), Weights{});
  BeadEvidence same, body, other;
  const double heading_heading = scorer.Cost(0, 1, 0, 1, &same);
  const double heading_body = scorer.Cost(0, 1, 1, 2, &body);
  const double other_number = scorer.Cost(0, 1, 2, 3, &other);
  EXPECT_GT(heading_body, heading_heading);
  EXPECT_GT(other_number, heading_heading);
  EXPECT_EQ(same.structure_conflicts, 0.0);
  EXPECT_GE(body.structure_conflicts, 1.0);
  EXPECT_GE(other.structure_conflicts, 1.0);
}

TEST(BeadScorerStructureTest, HeadingsAndBulletsStandAlone) {
  const Lexicon lexicon = SmallLexicon();
  LexicalSpace space(&lexicon);
  std::vector<AlignUnit> zh = {
      space.MakeZh("一、国际发展合作", Role::kHeading, 1),
      space.MakeZh("中国援助了122个国家。"),
      space.MakeZh("援助学校", Role::kBullet),
      space.MakeZh("援助医院", Role::kBullet),
  };
  std::vector<AlignUnit> en = {
      space.MakeEn("I. International Development Cooperation", Role::kHeading, 1),
      space.MakeEn("Aid to schools and hospitals", Role::kBullet),
  };
  const BeadScorer scorer(zh, en, space, TotalsModel(zh, en), Weights{});
  BeadEvidence heading_merged, bullets_merged;
  scorer.Cost(0, 2, 0, 1, &heading_merged);
  scorer.Cost(2, 4, 1, 2, &bullets_merged);
  EXPECT_EQ(heading_merged.structure_conflicts, 1.0);
  EXPECT_EQ(bullets_merged.structure_conflicts, 0.5);
}

// ---------------------------------------------------------------------------
// AlignUnits

std::string FormatBeads(const std::vector<Bead>& beads) {
  std::string s;
  for (const Bead& b : beads) {
    s += "[" + std::to_string(b.zh_begin) + "," + std::to_string(b.zh_end) + "):[" + std::to_string(b.en_begin) + "," +
         std::to_string(b.en_end) + ") ";
  }
  return s;
}

struct Span {
  int zh_begin, zh_end, en_begin, en_end;
};

void ExpectBeads(const std::vector<Bead>& beads, const std::vector<Span>& want) {
  ASSERT_EQ(beads.size(), want.size()) << FormatBeads(beads);
  for (size_t k = 0; k < want.size(); ++k) {
    const Bead& b = beads[k];
    const Span& w = want[k];
    EXPECT_TRUE(b.zh_begin == w.zh_begin && b.zh_end == w.zh_end && b.en_begin == w.en_begin && b.en_end == w.en_end)
        << "bead " << k << ": got " << FormatBeads({b}) << "want [" << w.zh_begin << "," << w.zh_end << "):["
        << w.en_begin << "," << w.en_end << "); all: " << FormatBeads(beads);
  }
}

TEST(AlignUnitsTest, OneToOneWithADeletedEnglishUnit) {
  const Lexicon lexicon = SmallLexicon();
  LexicalSpace space(&lexicon);
  constexpr int kDeleted = 4;  // its English rendering is missing
  std::vector<AlignUnit> zh, en;
  for (int i = 0; i < kPairCount; ++i) {
    zh.push_back(space.MakeZh(kPairs[i].zh));
    if (i != kDeleted) en.push_back(space.MakeEn(kPairs[i].en));
  }
  const std::vector<Bead> beads = AlignUnits(zh, en, space, AlignerOptions{});
  std::vector<Span> want;
  for (int i = 0; i < kPairCount; ++i) {
    const int j = i < kDeleted ? i : i - 1;
    if (i == kDeleted) {
      want.push_back({i, i + 1, j + 1, j + 1});
    } else {
      want.push_back({i, i + 1, j, j + 1});
    }
  }
  ExpectBeads(beads, want);
  for (const Bead& b : beads) {
    if (b.en_size() == 0) {
      EXPECT_EQ(b.confidence, 0.0);
    } else {
      EXPECT_GT(b.confidence, 0.0) << FormatBeads({b});
    }
  }
}

TEST(AlignUnitsTest, OneChineseUnitToTwoEnglishUnits) {
  const Lexicon lexicon = SmallLexicon();
  LexicalSpace space(&lexicon);
  std::vector<AlignUnit> zh, en;
  for (int i = 0; i < 3; ++i) {
    zh.push_back(space.MakeZh(kPairs[i].zh));
    en.push_back(space.MakeEn(kPairs[i].en));
  }
  // Two facts in one Chinese sentence, two English sentences.
  zh.push_back(space.MakeZh("2015年，中国援助了130个国家；2016年，中国援助了140个国家。"));
  en.push_back(space.MakeEn("In 2015, China provided aid to 130 countries."));
  en.push_back(space.MakeEn("In 2016, China provided aid to 140 countries."));
  for (int i = 5; i < kPairCount; ++i) {
    zh.push_back(space.MakeZh(kPairs[i].zh));
    en.push_back(space.MakeEn(kPairs[i].en));
  }
  const std::vector<Bead> beads = AlignUnits(zh, en, space, AlignerOptions{});
  ExpectBeads(beads,
              {{0, 1, 0, 1}, {1, 2, 1, 2}, {2, 3, 2, 3}, {3, 4, 3, 5}, {4, 5, 5, 6}, {5, 6, 6, 7}, {6, 7, 7, 8}});
  ASSERT_EQ(beads.size(), 7u);
  std::vector<std::string> matched = beads[3].evidence.matched_anchors;
  std::sort(matched.begin(), matched.end());
  EXPECT_EQ(matched, (std::vector<std::string>{"130", "140", "2015", "2016"})) << Join(matched);
}

TEST(CalibratedConfidenceTest, RisesWithThePosteriorAndNeverClaimsCertainty) {
  for (bool with_mt : {false, true}) {
    EXPECT_EQ(CalibratedConfidence(0, with_mt), 0.0);
    double before = 0;
    for (int k = 1; k <= 100; ++k) {
      const double c = CalibratedConfidence(k / 100.0, with_mt);
      EXPECT_GE(c, before) << k << " " << with_mt;
      EXPECT_LT(c, 1.0) << k << " " << with_mt;
      before = c;
    }
    EXPECT_GT(CalibratedConfidence(1.0, with_mt), 0.9);
  }
  // With a machine translation a bead of the same posterior is more often
  // right (its table, confidence.cc).
  EXPECT_GT(CalibratedConfidence(0.7, true), CalibratedConfidence(0.7, false) + 0.1);
}

TEST(AlignUnitsTest, ParallelBeadsAreConfidentAndAnAmbiguousOneIsNot) {
  const Lexicon lexicon = SmallLexicon();
  LexicalSpace space(&lexicon);
  std::vector<AlignUnit> zh, en;
  for (int i = 0; i < kPairCount; ++i) {
    zh.push_back(space.MakeZh(kPairs[i].zh));
    en.push_back(space.MakeEn(kPairs[i].en));
  }
  for (const Bead& b : AlignUnits(zh, en, space, AlignerOptions{})) {
    EXPECT_GT(b.confidence, 0.9) << FormatBeads({b});
    EXPECT_GT(b.posterior, 0.0) << FormatBeads({b});
    EXPECT_LE(b.posterior, 1.0) << FormatBeads({b});
  }
  // The English of pair 4 twice: its Chinese can pair with either copy at
  // the same cost, so whichever bead holds it is a guess.
  constexpr int kTwice = 4;
  en.insert(en.begin() + kTwice + 1, space.MakeEn(kPairs[kTwice].en));
  const std::vector<Bead> beads = AlignUnits(zh, en, space, AlignerOptions{});
  for (const Bead& b : beads) {
    if (b.zh_begin <= kTwice && kTwice < b.zh_end) {
      EXPECT_LT(b.confidence, 0.7) << FormatBeads({b});
    } else if (b.zh_size() > 0 && b.en_size() > 0) {
      EXPECT_GT(b.confidence, 0.9) << FormatBeads({b});
    }
  }
  AlignerOptions without;
  without.confidence = false;
  for (const Bead& b : AlignUnits(zh, en, space, without)) EXPECT_EQ(b.confidence, 0.0) << FormatBeads({b});
}

TEST(AlignUnitsTest, BeadsCoverBothSidesInOrder) {
  const Lexicon lexicon = SmallLexicon();
  LexicalSpace space(&lexicon);
  std::vector<AlignUnit> zh, en;
  for (int i = 0; i < kPairCount; ++i) zh.push_back(space.MakeZh(kPairs[i].zh));
  for (int i = kPairCount - 1; i >= 0; --i) en.push_back(space.MakeEn(kPairs[i].en));
  // Reversed English: whatever the beads, they must tile both sides.
  const std::vector<Bead> beads = AlignUnits(zh, en, space, AlignerOptions{});
  int zh_at = 0, en_at = 0;
  for (const Bead& b : beads) {
    EXPECT_EQ(b.zh_begin, zh_at) << FormatBeads(beads);
    EXPECT_EQ(b.en_begin, en_at) << FormatBeads(beads);
    EXPECT_TRUE(b.zh_size() > 0 || b.en_size() > 0) << FormatBeads(beads);
    zh_at = b.zh_end;
    en_at = b.en_end;
  }
  EXPECT_EQ(zh_at, kPairCount);
  EXPECT_EQ(en_at, kPairCount);
}

// ---------------------------------------------------------------------------
// AlignmentScorer / ParseBeads / FormatBead

IndexBead B(std::vector<int> zh, std::vector<int> en) { return IndexBead{std::move(zh), std::move(en)}; }

TEST(AlignmentScorerTest, IdenticalAlignmentsScoreOne) {
  const std::vector<IndexBead> gold = {B({0}, {0}), B({1, 2}, {1}), B({3}, {}), B({4}, {2, 3})};
  AlignmentScorer scorer;
  scorer.Add(gold, gold);
  const Scores s = scorer.Result();
  EXPECT_DOUBLE_EQ(s.precision_strict, 1.0);
  EXPECT_DOUBLE_EQ(s.recall_strict, 1.0);
  EXPECT_DOUBLE_EQ(s.f1_strict, 1.0);
  EXPECT_DOUBLE_EQ(s.precision_lax, 1.0);
  EXPECT_DOUBLE_EQ(s.recall_lax, 1.0);
  EXPECT_DOUBLE_EQ(s.f1_lax, 1.0);
}

TEST(AlignmentScorerTest, MergedBeadIsALaxButNotAStrictMatch) {
  const std::vector<IndexBead> gold = {B({0}, {0}), B({1}, {1}), B({2}, {2})};
  const std::vector<IndexBead> test = {B({0, 1}, {0, 1}), B({2}, {2})};
  AlignmentScorer scorer;
  scorer.Add(gold, test);
  const Scores s = scorer.Result();
  EXPECT_DOUBLE_EQ(s.precision_strict, 0.5);  // the 2-2 bead is not in gold
  EXPECT_DOUBLE_EQ(s.recall_strict, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.precision_lax, 1.0);  // but it overlaps gold on both sides
  EXPECT_DOUBLE_EQ(s.recall_lax, 1.0);

  // The merged bead alone: strict precision 0, lax precision 1.
  AlignmentScorer merged_only;
  merged_only.Add({B({0}, {0}), B({1}, {1})}, {B({0, 1}, {0, 1})});
  EXPECT_DOUBLE_EQ(merged_only.Result().precision_strict, 0.0);
  EXPECT_DOUBLE_EQ(merged_only.Result().precision_lax, 1.0);
}

TEST(AlignmentScorerTest, InsertionsAndDeletionsCountForPrecisionOnly) {
  const std::vector<IndexBead> gold = {B({0}, {0}), B({1}, {1})};
  const std::vector<IndexBead> test = {B({0}, {0}), B({1}, {1}), B({}, {2}), B({2}, {})};
  AlignmentScorer scorer;
  scorer.Add(gold, test);
  const Scores s = scorer.Result();
  EXPECT_DOUBLE_EQ(s.precision_strict, 0.5);
  EXPECT_DOUBLE_EQ(s.precision_lax, 0.5);
  EXPECT_DOUBLE_EQ(s.recall_strict, 1.0);
  EXPECT_DOUBLE_EQ(s.recall_lax, 1.0);

  // A deletion that gold also has is a strict match; gold's deletions are
  // not in the recall denominator.
  AlignmentScorer agreed;
  agreed.Add({B({0}, {0}), B({1}, {})}, {B({0}, {0}), B({1}, {})});
  EXPECT_DOUBLE_EQ(agreed.Result().precision_strict, 1.0);
  EXPECT_DOUBLE_EQ(agreed.Result().recall_strict, 1.0);
}

TEST(AlignmentScorerTest, CountsArePooledOverDocuments) {
  AlignmentScorer scorer;
  scorer.Add({B({0}, {0})}, {B({0}, {0})});                                                      // 1 of 1 right
  scorer.Add({B({0}, {0}), B({1}, {1}), B({2}, {2})}, {B({0}, {1}), B({1}, {2}), B({2}, {0})});  // 0 of 3 right
  const Scores s = scorer.Result();
  EXPECT_DOUBLE_EQ(s.precision_strict, 0.25);  // not the mean of 1 and 0
  EXPECT_DOUBLE_EQ(s.recall_strict, 0.25);
}

TEST(ParseBeadsTest, ParsesVecalignLines) {
  std::vector<IndexBead> beads;
  std::string error;
  ASSERT_TRUE(ParseBeads("[0,1]:[2]\n[]:[3]\n[4]:[5]:0.93\n[6]:[]\r\n\n[7, 8]:[9]", &beads, &error)) << error;
  const std::vector<IndexBead> want = {B({0, 1}, {2}), B({}, {3}), B({4}, {5}), B({6}, {}), B({7, 8}, {9})};
  ASSERT_EQ(beads.size(), want.size());
  for (size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(beads[k], want[k]) << "bead " << k << ": got " << FormatBead(beads[k]);
  }
}

TEST(ParseBeadsTest, RejectsBadLinesNamingThem) {
  struct Case {
    const char* text;
    const char* line;  // expected prefix of the error
  };
  const Case cases[] = {
      {"[a]:[1]", "line 1"},
      {"[0]:[0]\n[a]:[1]\n", "line 2"},
      {"[0]:[0]\n\n[1]:[1]\n[2]\n", "line 4"},
      {"[0]:[x]", "line 1"},
      {"0:1", "line 1"},
  };
  for (const Case& c : cases) {
    std::vector<IndexBead> beads;
    std::string error;
    EXPECT_FALSE(ParseBeads(c.text, &beads, &error)) << "\"" << c.text << "\" accepted";
    EXPECT_EQ(error.rfind(c.line, 0), 0u) << "\"" << c.text << "\": error \"" << error << "\"";
  }
}

TEST(FormatBeadTest, RoundTrips) {
  const std::vector<IndexBead> beads = {B({0, 1}, {2}), B({}, {3}), B({4}, {}), B({5}, {6, 7, 8})};
  const char* const lines[] = {"[0,1]:[2]", "[]:[3]", "[4]:[]", "[5]:[6,7,8]"};
  for (size_t k = 0; k < beads.size(); ++k) {
    const std::string line = FormatBead(beads[k]);
    EXPECT_EQ(line, lines[k]);
    std::vector<IndexBead> parsed;
    std::string error;
    EXPECT_TRUE(ParseBeads(line, &parsed, &error)) << line << ": " << error;
    EXPECT_EQ(parsed.size(), 1u) << line;
    if (parsed.size() != 1) continue;
    EXPECT_EQ(parsed[0], beads[k]) << line;
  }
}

}  // namespace
}  // namespace bitext::align
