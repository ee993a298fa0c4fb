// BLEU, chrF and TER against sacreBLEU 2.4.2: small cases worked out by hand
// (the arithmetic is in the comments) and the expectations sacreBLEU's own
// test suite publishes (each block names the file it comes from, in the
// mjpost/sacrebleu repository), with that suite's tolerances.
#include "metrics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace bitext::align {
namespace {

using Strings = std::vector<std::string>;

// ---------------------------------------------------------------------------
// Tokenizers

TEST(MetricsTokenizerTest, ThirteenASplitsPunctuationButNotNumbers) {
  EXPECT_EQ(Tokenize13a("Hello, world!"), "Hello , world !");
  // "." and "," stay inside numbers; "$" is always split off.
  EXPECT_EQ(Tokenize13a("It costs $5.50, e.g. 3,000 people."), "It costs $ 5.50 , e . g . 3,000 people .");
  // A dash after a digit is split, a dash between letters is not; the
  // apostrophe is never split.
  EXPECT_EQ(Tokenize13a("2021-2022 and a-b"), "2021 - 2022 and a-b");
  EXPECT_EQ(Tokenize13a("don't stop"), "don't stop");
  // The SGML entities of mteval-v13a are decoded first.
  EXPECT_EQ(Tokenize13a("&quot;quoted&quot; &amp; more"), "\" quoted \" & more");
  // The line is padded with spaces, so a final "5." splits.
  EXPECT_EQ(Tokenize13a("ends with 5."), "ends with 5 .");
  // Without spaces Chinese is one token under 13a.
  EXPECT_EQ(Tokenize13a("中国发展。"), "中国发展。");
}

TEST(MetricsTokenizerTest, ZhSeparatesChineseCharactersAndKeepsTheRestAs13a) {
  EXPECT_EQ(TokenizeZh("中国发展。"), "中 国 发 展 。");
  EXPECT_EQ(TokenizeZh("2021年GDP增长8.1%。"), "2021 年 GDP 增 长 8.1 % 。");
  EXPECT_EQ(TokenizeZh("全角，标点（一）"), "全 角 ， 标 点 （ 一 ）");
  EXPECT_EQ(TokenizeZh("５．５"), "５ ． ５");  // full-width forms are in the table
  // sacreBLEU's table, quirks kept: "\u20000" reads as U+2000 then "0", so
  // U+2001..U+2A6D (curly quotes, dashes, the ellipsis) count as Chinese and
  // CJK Extension B (U+20000) does not.
  EXPECT_EQ(TokenizeZh("“引号”—破折号…"), "“ 引 号 ” — 破 折 号 …");
  EXPECT_EQ(TokenizeZh("𠀀字"), "𠀀 字");
  // zh neither decodes entities nor pads the line: a final "5." stays whole.
  EXPECT_EQ(TokenizeZh("ends with 5."), "ends with 5.");
  EXPECT_EQ(TokenizeZh("&amp;"), "& amp ;");
}

// ---------------------------------------------------------------------------
// BLEU, by hand

TEST(BleuTest, HandComputedSentence) {
  // hyp: the cat sat on the mat / ref: the cat is on the mat (6 tokens each)
  //   1-grams: the x2, cat, on, mat match        5/6
  //   2-grams: "the cat", "on the", "the mat"     3/5
  //   3-grams: "on the mat"                       1/4
  //   4-grams: none of 3; exp smoothing gives 100 / (2 * 3)
  //   BP = 1 (equal lengths)
  const double expected = std::exp(
      (std::log(100.0 * 5 / 6) + std::log(100.0 * 3 / 5) + std::log(100.0 * 1 / 4) + std::log(100.0 / (2 * 3))) /
      4);  // = 37.9918...
  const BleuScore bleu = CorpusBleu({"the cat sat on the mat"}, {{"the cat is on the mat"}});
  EXPECT_NEAR(bleu.score, expected, 1e-9);
  EXPECT_NEAR(bleu.score, 37.99178428257963, 1e-9);  // sacreBLEU 2.4.2, same input
  EXPECT_EQ(bleu.counts, (std::vector<int64_t>{5, 3, 1, 0}));
  EXPECT_EQ(bleu.totals, (std::vector<int64_t>{6, 5, 4, 3}));
  EXPECT_DOUBLE_EQ(bleu.bp, 1.0);
  EXPECT_EQ(bleu.Verbose(), "83.3/60.0/25.0/16.7 (BP = 1.000 ratio = 1.000 hyp_len = 6 ref_len = 6)");
  EXPECT_EQ(bleu.signature, "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.2");
}

TEST(BleuTest, OneWordSegments) {
  // "yes" / "yes": the unigram matches, but there is no 2-gram at all. Corpus
  // BLEU stops at the first empty order and scores 0; sentence BLEU (effective
  // order) averages over the one order present: 100.
  EXPECT_EQ(CorpusBleu({"yes"}, {{"yes"}}).score, 0.0);
  EXPECT_NEAR(SentenceBleu("yes", {"yes"}).score, 100.0, 1e-9);
  EXPECT_EQ(SentenceBleu("yes", {"yes"}).signature, "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.4.2");
  // Nothing matches: 0 whatever the smoothing.
  EXPECT_EQ(SentenceBleu("yes", {"no"}).score, 0.0);
}

TEST(BleuTest, ChineseNeedsTheZhTokenizer) {
  // zh: 中 国 发 展 了 。 against 中 国 的 发 展 。 (6 tokens each)
  //   1-grams: 中 国 发 展 。 match             5/6
  //   2-grams: 中国, 发展                      2/5
  //   3-grams: none of 4 -> 100 / (2 * 4)  (first order without a match)
  //   4-grams: none of 3 -> 100 / (4 * 3)  (second one)
  BleuOptions zh;
  zh.tokenizer = BleuTokenizer::kZh;
  const double expected =
      std::exp((std::log(100.0 * 5 / 6) + std::log(100.0 * 2 / 5) + std::log(100.0 / 8) + std::log(100.0 / 12)) /
               4);  // = 24.2746...
  const BleuScore bleu = CorpusBleu({"中国发展了。"}, {{"中国的发展。"}}, zh);
  EXPECT_NEAR(bleu.score, expected, 1e-9);
  EXPECT_NEAR(bleu.score, 24.274588585366175, 1e-9);  // sacreBLEU 2.4.2, tokenize="zh"
  EXPECT_EQ(bleu.signature, "nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:2.4.2");
  // Under 13a each side is one token and nothing matches.
  EXPECT_EQ(CorpusBleu({"中国发展了。"}, {{"中国的发展。"}}).score, 0.0);
}

TEST(BleuTest, EmptyHypothesisAndEmptyReference) {
  // Empty hypothesis: no n-grams, BLEU 0 (and the segment still counts).
  EXPECT_EQ(CorpusBleu({""}, {{"a reference"}}).score, 0.0);
  // Empty reference (sacreBLEU itself refuses ""): scored as a reference of
  // white space only, which sacreBLEU does score: ref_len 0, no matches, 0.
  const BleuScore empty = CorpusBleu({"a b"}, {{""}});
  const BleuScore blank = CorpusBleu({"a b"}, {{" "}});
  EXPECT_EQ(empty.score, 0.0);
  EXPECT_EQ(empty.ref_len, 0);
  EXPECT_EQ(empty.totals, blank.totals);
  EXPECT_EQ(empty.signature, blank.signature);
}

TEST(BleuTest, RejectsStreamsOfDifferentLengths) {
  EXPECT_THROW(CorpusBleu({"a", "b"}, {{"a"}}), std::invalid_argument);
}

// ---------------------------------------------------------------------------
// BLEU, values from sacrebleu test/test_bleu.py

const Strings kReadmeHyps = {"The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."};
const ReferenceStreams kReadmeRefs = {
    {"The dog bit the man.", "It was not unexpected.", "The man bit him first."},
    {"The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."},
};

TEST(BleuSacrebleuTest, CorpusBleuCases) {
  // test_corpus_bleu_cases, EPSILON 1e-8.
  EXPECT_NEAR(CorpusBleu(kReadmeHyps, kReadmeRefs).score, 48.530827, 1e-8);
  EXPECT_NEAR(CorpusBleu({"", "", ""}, kReadmeRefs).score, 0.0, 1e-8);
  BleuOptions none;
  none.tokenizer = BleuTokenizer::kNone;
  EXPECT_NEAR(CorpusBleu(kReadmeHyps, kReadmeRefs, none).score, 49.1919566, 1e-8);
  BleuOptions no_smoothing;
  no_smoothing.smoothing = BleuSmoothing::kNone;
  EXPECT_NEAR(CorpusBleu(kReadmeHyps, kReadmeRefs, no_smoothing).score, 48.530827, 1e-8);

  // sacreBLEU's README prints this corpus as
  // "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)".
  const BleuScore bleu = CorpusBleu(kReadmeHyps, kReadmeRefs);
  EXPECT_EQ(bleu.Verbose(), "82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)");
  EXPECT_EQ(bleu.signature, "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.2");
}

TEST(BleuSacrebleuTest, MaxNgramOrder) {
  // test_bleu_max_order, compared as "%.2f".
  const char* expected[] = {"77.65", "60.50", "53.93", "48.53", "46.14", "43.28"};
  for (int order = 1; order <= 6; ++order) {
    BleuOptions options;
    options.max_ngram_order = order;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", CorpusBleu(kReadmeHyps, kReadmeRefs, options).score);
    EXPECT_STREQ(buffer, expected[order - 1]) << "order " << order;
  }
}

// sacreBLEU's raw_corpus_bleu: no tokenization, floor smoothing, effective order.
BleuOptions RawCorpusBleu(double floor) {
  BleuOptions options;
  options.tokenizer = BleuTokenizer::kNone;
  options.smoothing = BleuSmoothing::kFloor;
  options.smooth_value = floor;
  options.effective_order = true;
  return options;
}

TEST(BleuSacrebleuTest, RawBleuEffectiveOrderAndStatistics) {
  const BleuOptions raw = RawCorpusBleu(0.01);
  // test_raw_bleu_cases (score / 100, EPSILON 1e-8).
  EXPECT_NEAR(CorpusBleu({"this is a test", "another test"}, {{"ref1", "ref2"}}, raw).score, 0.0, 1e-6);
  EXPECT_NEAR(CorpusBleu({"this is a test"}, {{"this is a test"}}, raw).score, 100.0, 1e-6);
  EXPECT_NEAR(CorpusBleu({"this is a fest"}, {{"this is a test"}}, raw).score, 22.3606797749979, 1e-6);
  // test_case_effective_order.
  EXPECT_NEAR(CorpusBleu({"test"}, {{"a test"}}, raw).score, 36.78794411714425, 1e-6);
  EXPECT_NEAR(CorpusBleu({"a test"}, {{"a test"}}, raw).score, 100.0, 1e-6);
  EXPECT_NEAR(CorpusBleu({"a little test"}, {{"a test"}}, raw).score, 3.218297948685433, 1e-6);
  // test_case_statistics.
  const BleuScore s = CorpusBleu({"am I am a character sequence"}, {{"I am a symbol string sequence a a"}}, raw);
  EXPECT_EQ(s.counts, (std::vector<int64_t>{4, 2, 1, 0}));
  EXPECT_EQ(s.totals, (std::vector<int64_t>{6, 5, 4, 3}));
  // test_case_offset: the same pair with floor 0.1 (the default).
  EXPECT_NEAR(
      CorpusBleu({"am I am a character sequence"}, {{"I am a symbol string sequence a a"}}, RawCorpusBleu(0.1)).score,
      15.55722182, 1e-6);
}

// ---------------------------------------------------------------------------
// Sentence BLEU, values from sacrebleu test/test_sentence_bleu.py (EPSILON 1e-3)

TEST(BleuSacrebleuTest, SentenceBleuSmoothingAndTokenizers) {
  const std::string ref = "producţia de zahăr brut se exprimă în zahăr alb;";
  const std::string sys = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";
  struct Case {
    BleuSmoothing smoothing;
    std::optional<double> value;
    BleuTokenizer tokenizer;
    double expected;
  };
  const Case cases[] = {
      {BleuSmoothing::kExp, std::nullopt, BleuTokenizer::k13a, 8.493},
      {BleuSmoothing::kNone, std::nullopt, BleuTokenizer::k13a, 0.0},
      {BleuSmoothing::kFloor, std::nullopt, BleuTokenizer::k13a, 4.51688},
      {BleuSmoothing::kFloor, 0.1, BleuTokenizer::k13a, 4.51688},
      {BleuSmoothing::kFloor, 0.5, BleuTokenizer::k13a, 10.10},
      {BleuSmoothing::kAddK, std::nullopt, BleuTokenizer::k13a, 14.882},
      {BleuSmoothing::kAddK, 1, BleuTokenizer::k13a, 14.882},
      {BleuSmoothing::kAddK, 2, BleuTokenizer::k13a, 21.389},
      {BleuSmoothing::kExp, std::nullopt, BleuTokenizer::kNone, 7.347},
  };
  for (const Case& c : cases) {
    BleuOptions options = SentenceBleuOptions();
    options.smoothing = c.smoothing;
    options.smooth_value = c.value;
    options.tokenizer = c.tokenizer;
    EXPECT_NEAR(SentenceBleu(sys, {ref}, options).score, c.expected, 1e-3) << c.expected;
  }
  // test_cases_zero_bleu: no match at all is 0 under every smoothing.
  for (BleuSmoothing smoothing :
       {BleuSmoothing::kExp, BleuSmoothing::kNone, BleuSmoothing::kFloor, BleuSmoothing::kAddK}) {
    BleuOptions options = SentenceBleuOptions();
    options.smoothing = smoothing;
    EXPECT_EQ(SentenceBleu("this is a cat", {"okay thanks"}, options).score, 0.0);
  }
  BleuOptions floor = SentenceBleuOptions();
  floor.smoothing = BleuSmoothing::kFloor;
  EXPECT_EQ(SentenceBleu(sys, {ref}, floor).signature,
            "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:floor[0.10]|version:2.4.2");
}

// ---------------------------------------------------------------------------
// chrF, by hand

TEST(ChrfTest, HandComputed) {
  // "ab" / "ac": 1-grams P = R = 1/2; 2-grams "ab" vs "ac" P = R = 0; orders
  // 3-6 absent on both sides. Average over the 2 effective orders: P = R =
  // 1/4, and F2 = 5PR / (4P + R) = 1/4.
  EXPECT_NEAR(CorpusChrf({"ab"}, {{"ac"}}).score, 25.0, 1e-9);
  // "abc" / "ab": 1-grams P = 2/3, R = 1; 2-grams P = 1/2, R = 1; the
  // reference has no 3-gram, so the hypothesis 3-gram is not counted either.
  // P = (2/3 + 1/2) / 2 = 7/12, R = 1, F2 = 5 (7/12) / (4 (7/12) + 1) = 7/8.
  EXPECT_NEAR(CorpusChrf({"abc"}, {{"ab"}}).score, 87.5, 1e-9);
  // The same segment in a corpus with "xyz" / "xyz": pooled counts
  //   1: hyp 3+3, ref 2+3, match 2+3  -> P 5/6, R 1
  //   2: hyp 2+2, ref 1+2, match 1+2  -> P 3/4, R 1
  //   3: hyp 0+1 (the hidden 3-gram stays hidden), ref 0+1, match 0+1 -> 1, 1
  // P = (5/6 + 3/4 + 1) / 3 = 31/36, R = 1, F2 = 5P / (4P + 1) = 155/160.
  EXPECT_NEAR(CorpusChrf({"abc", "xyz"}, {{"ab", "xyz"}}).score, 96.875, 1e-9);
  // White space is removed: "a b c" and "abc" are the same.
  EXPECT_NEAR(CorpusChrf({"a b c"}, {{"abc"}}).score, 100.0, 1e-9);
  EXPECT_EQ(CorpusChrf({"ab"}, {{"ac"}}).signature, "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.2");
  EXPECT_EQ(CorpusChrf({"ab"}, {{"ac"}}).name, "chrF2");
}

TEST(ChrfTest, EdgeCases) {
  EXPECT_EQ(CorpusChrf({""}, {{"reference"}}).score, 0.0);       // empty hypothesis
  EXPECT_EQ(CorpusChrf({"a b"}, {{""}}).score, 0.0);             // empty reference
  EXPECT_NEAR(SentenceChrf("yes", {"yes"}).score, 100.0, 1e-9);  // one word, orders 1-3
  EXPECT_EQ(SentenceChrf("yes", {"no"}).score, 0.0);
  // Chinese: characters are code points. "中国发展" / "中国的发展":
  //   1: P 4/4, R 4/5; 2: 中国 发展 of 中国 国发 发展 -> P 2/3, R 2/4;
  //   3: none of 中国发 国发展 -> P 0, R 0; 4: 中国发展 vs 中国的发 国的发展 -> 0.
  //   P = (1 + 2/3) / 4 = 5/12, R = (4/5 + 1/2) / 4 = 13/40,
  //   F2 = 5PR / (4P + R) = (65/96) / (5/3 + 13/40) = 0.339958...
  const double p = 5.0 / 12, r = 13.0 / 40;
  EXPECT_NEAR(SentenceChrf("中国发展", {"中国的发展"}).score, 100 * 5 * p * r / (4 * p + r), 1e-9);
}

// ---------------------------------------------------------------------------
// chrF, values from sacrebleu test/test_chrf.py (EPSILON 1e-4)

// The corpus score's per-segment counts give each segment's own score.
TEST(ChrfTest, SegmentScoresAreTheSentenceScores) {
  const std::vector<std::string> hyps = {"The cat sat on the mat.", "", "中国发展了。", "a b c d e f g"};
  const ReferenceStreams refs = {{"The cat is on the mat.", "nothing", "中国的发展。", ""}};
  std::vector<double> segments;
  const ChrfScore corpus = CorpusChrf(hyps, refs, {}, &segments);
  EXPECT_EQ(corpus.score, CorpusChrf(hyps, refs).score);
  ASSERT_EQ(segments.size(), hyps.size());
  for (size_t k = 0; k < hyps.size(); ++k) EXPECT_EQ(segments[k], SentenceChrf(hyps[k], {refs[0][k]}).score) << k;
  EXPECT_GT(segments[0], 0);
  EXPECT_EQ(segments[1], 0);
}

TEST(ChrfSacrebleuTest, EpsilonSmoothingBeta3) {
  ChrfOptions options;
  options.beta = 3;
  options.eps_smoothing = true;
  struct Case {
    Strings hyps, refs;
    double expected;
  };
  const Case cases[] = {
      {{"abcdefg"}, {"hijklmnop"}, 0.0},
      {{"a"}, {"b"}, 0.0},
      {{""}, {"b"}, 0.0},
      {{""}, {"ref"}, 0.0},
      {{""}, {"reference"}, 0.0},
      {{"aa"}, {"ab"}, 8.3333},
      {{"a", "b"}, {"a", "c"}, 8.3333},
      {{"a"}, {"a"}, 16.6667},
      {{"a b c"}, {"a b c"}, 50.0},
      {{"a b c"}, {"abc"}, 50.0},
      {{" risk assessment must be made of those who are qualified and expertise in the sector - "
        "these are the scientists ."},
       {"risk assessment has to be undertaken by those who are qualified and expert in that area - "
        "that is the scientists ."},
       63.361730},
      {{" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "},
       {"Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."},
       64.1302698},
      {{"Niemand hat die Absicht, eine Mauer zu errichten"},
       {"Niemand hat die Absicht, eine Mauer zu errichten"},
       100.0},
  };
  for (const Case& c : cases) {
    EXPECT_NEAR(CorpusChrf(c.hyps, {c.refs}, options).score, c.expected, 1e-4) << c.hyps[0];
  }
}

TEST(ChrfSacrebleuTest, EffectiveOrderBeta3) {
  ChrfOptions options;
  options.beta = 3;
  struct Case {
    Strings hyps, refs;
    double expected;
  };
  const Case cases[] = {
      {{"a"}, {"a"}, 100.0}, {{""}, {"reference"}, 0.0},     {{"a b c"}, {"a b c"}, 100.0}, {{"a b c"}, {"abc"}, 100.0},
      {{""}, {"c"}, 0.0},    {{"a", "b"}, {"a", "c"}, 50.0}, {{"aa"}, {"ab"}, 25.0},
  };
  for (const Case& c : cases) {
    EXPECT_NEAR(CorpusChrf(c.hyps, {c.refs}, options).score, c.expected, 1e-4) << c.hyps[0];
  }
}

TEST(ChrfSacrebleuTest, KeepWhitespaceBeta3) {
  ChrfOptions options;
  options.beta = 3;
  options.whitespace = true;
  EXPECT_NEAR(CorpusChrf({"Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."},
                         {{"Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."}}, options)
                  .score,
              67.3481606, 1e-4);
  EXPECT_NEAR(CorpusChrf({"risk assessment must be made of those who are qualified and expertise in the "
                          "sector - these are the scientists ."},
                         {{"risk assessment has to be undertaken by those who are qualified and expert in "
                           "that area - that is the scientists ."}},
                         options)
                  .score,
              65.2414427, 1e-4);
}

TEST(ChrfSacrebleuTest, SentenceLevelEpsilonSmoothing) {
  ChrfOptions options;  // beta 2
  options.eps_smoothing = true;
  EXPECT_NEAR(SentenceChrf("Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
                           {"Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo "
                            "zemře."},
                           options)
                  .score,
              39.14078509, 1e-4);
  EXPECT_NEAR(SentenceChrf("Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
                           {"A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři."}, options)
                  .score,
              31.22557079, 1e-4);
  EXPECT_NEAR(SentenceChrf("Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
                           {"Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, "
                            "připomněli."},
                           options)
                  .score,
              57.15704367, 1e-4);
}

// ---------------------------------------------------------------------------
// TER, by hand

TEST(TerTest, HandComputed) {
  // One substitution over 3 reference words.
  EXPECT_NEAR(CorpusTer({"a b c"}, {{"a x c"}}).score, 100.0 / 3, 1e-9);
  // "c d a b" -> "a b c d": moving the block "a b" to the front is one edit
  // (plain edit distance would need 4): 1 / 4.
  EXPECT_EQ(TranslationEdits({"c", "d", "a", "b"}, {"a", "b", "c", "d"}), 1);
  EXPECT_NEAR(CorpusTer({"c d a b"}, {{"a b c d"}}).score, 25.0, 1e-9);
  // Two separate blocks out of place: "b a d c" -> "a b c d" takes two
  // shifts of one word each.
  EXPECT_EQ(TranslationEdits({"b", "a", "d", "c"}, {"a", "b", "c", "d"}), 2);
  // A shift plus a substitution: move "a b" (1) and replace "x" by "d" (1).
  EXPECT_EQ(TranslationEdits({"c", "x", "a", "b"}, {"a", "b", "c", "d"}), 2);
  // Case is ignored by default ("case:lc"), kept on request.
  EXPECT_EQ(CorpusTer({"The Cat"}, {{"the cat"}}).score, 0.0);
  TerOptions cased;
  cased.case_sensitive = true;
  EXPECT_NEAR(CorpusTer({"The Cat"}, {{"the cat"}}, cased).score, 100.0, 1e-9);
  EXPECT_EQ(CorpusTer({"a"}, {{"a"}}).signature, "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.4.2");
  EXPECT_EQ(CorpusTer({"a"}, {{"a"}}, cased).signature,
            "nrefs:1|case:mixed|tok:tercom|norm:no|punct:yes|asian:no|version:2.4.2");
  // Punctuation is not split off: "cat." and "cat" differ.
  EXPECT_NEAR(CorpusTer({"the cat."}, {{"the cat"}}).score, 50.0, 1e-9);
}

TEST(TerTest, EdgeCases) {
  // Empty hypothesis: every reference word is an edit.
  EXPECT_NEAR(CorpusTer({""}, {{"a b c"}}).score, 100.0, 1e-9);
  // Empty reference: one edit per hypothesis word over a length of 0, which
  // sacreBLEU reports as 100; both empty is 0.
  const TerScore empty_ref = CorpusTer({"a b"}, {{""}});
  EXPECT_EQ(empty_ref.num_edits, 2);
  EXPECT_EQ(empty_ref.ref_length, 0.0);
  EXPECT_EQ(empty_ref.score, 100.0);
  EXPECT_EQ(CorpusTer({""}, {{""}}).score, 0.0);
  // One-word segments.
  EXPECT_EQ(SentenceTer("yes", {"yes"}).score, 0.0);
  EXPECT_EQ(SentenceTer("yes", {"no"}).score, 100.0);
  // Pooling: edits and reference lengths are summed, not the rates
  // averaged: (1 + 0) / (3 + 1) = 25, where the mean rate would be 16.7.
  EXPECT_NEAR(CorpusTer({"a b x", "z"}, {{"a b c", "z"}}).score, 25.0, 1e-9);
  // Chinese has no spaces: a whole sentence is one TER word.
  EXPECT_EQ(SentenceTer("中国发展了。", {"中国的发展。"}).score, 100.0);
  // Rows of one or two cells: a one-word reference against longer
  // hypotheses, where only deletions and a substitution are left.
  EXPECT_EQ(TranslationEdits({"a", "b", "c", "d", "e"}, {"c"}), 4);
  EXPECT_EQ(TranslationEdits({"c", "x", "y"}, {"c"}), 2);
  EXPECT_EQ(TranslationEdits({"x", "y"}, {"a"}), 2);
  EXPECT_EQ(TranslationEdits({"a"}, {"a", "b"}), 1);
  EXPECT_EQ(TranslationEdits({"x"}, {"a", "b", "c"}), 3);
}

// TER in parts, run in any order, is the corpus TER: each part's segments
// counted once, the counts pooled in segment order by the part that ends
// last, once. Two references of which one is empty in a segment make the
// signature's "nrefs:var", and the reference lengths averages.
TEST(TerTest, InPartsIsTheCorpusScore) {
  const std::vector<std::string> hyps = {"a b x", "z", "c d a b", "", "the cat sat on the mat", "one two three"};
  const ReferenceStreams refs = {{"a b c", "z", "a b c d", "a b", "a cat sat on a mat", "one three two"},
                                 {"a b c d", "", "a b c", "a", "the cat sat", "one two three"}};
  const TerScore whole = CorpusTer(hyps, refs);
  EXPECT_NE(whole.signature.find("nrefs:var"), std::string::npos);
  for (size_t parts : {1u, 2u, 4u, 6u, 9u}) {
    int done = 0;
    TerScore in_parts;
    std::vector<std::function<void()>> tasks = CorpusTerTasks(hyps, refs, parts, [&](TerScore s) {
      in_parts = std::move(s);
      ++done;
    });
    ASSERT_EQ(tasks.size(), parts);
    std::reverse(tasks.begin(), tasks.end());
    for (const std::function<void()>& task : tasks) task();
    EXPECT_EQ(done, 1) << parts;
    EXPECT_EQ(in_parts.num_edits, whole.num_edits) << parts;
    EXPECT_EQ(in_parts.ref_length, whole.ref_length) << parts;
    EXPECT_EQ(in_parts.score, whole.score) << parts;
    EXPECT_EQ(in_parts.signature, whole.signature) << parts;
  }
  EXPECT_THROW(CorpusTerTasks(hyps, {{"a"}}, 2, [](TerScore) {}), std::invalid_argument);
}

// ---------------------------------------------------------------------------
// TER, values from sacrebleu test/test_ter.py (EPSILON 1e-3, score * 100)

TEST(TerSacrebleuTest, PublishedCases) {
  EXPECT_NEAR(CorpusTer({"aaaa bbbb cccc dddd"}, {{"aaaa bbbb cccc dddd"}}).score, 0.0, 1e-3);
  EXPECT_NEAR(CorpusTer({"dddd eeee ffff"}, {{"aaaa bbbb cccc"}}).score, 100.0, 1e-3);
  EXPECT_NEAR(CorpusTer({""}, {{"a"}}).score, 100.0, 1e-3);
  // A single shift fixes the MT: 1 / 8.
  EXPECT_NEAR(CorpusTer({"d e f g h a b c"}, {{"a b c d e f g h"}}).score, 12.5, 1e-3);

  // Realistic example from WMT dev data (2019): 17 edits / 125 words.
  const Strings hyps = {
      "wählen Sie \" Bild neu berechnen , \" um beim Ändern der Bildgröße Pixel hinzuzufügen oder zu "
      "entfernen , damit das Bild ungefähr dieselbe Größe aufweist wie die andere Größe .",
      "wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im Menü des "
      "Aufgabenbedienfelds die Option \" Alle Aufgaben aktualisieren . \"",
      "klicken Sie auf der Registerkarte \" Optionen \" auf die Schaltfläche \" Benutzerdefiniert \" und "
      "geben Sie Werte für \" Fehlerkorrektur-Level \" und \" Y / X-Verhältnis \" ein .",
      "Sie können beispielsweise ein Dokument erstellen , das ein Auto über die Bühne enthält .",
      "wählen Sie im Dialogfeld \" Neu aus Vorlage \" eine Vorlage aus und klicken Sie auf \" Neu . \"",
  };
  const Strings refs = {
      "wählen Sie \" Bild neu berechnen , \" um beim Ändern der Bildgröße Pixel hinzuzufügen oder zu "
      "entfernen , damit die Darstellung des Bildes in einer anderen Größe beibehalten wird .",
      "wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im Menü des "
      "Aufgabenbedienfelds die Option \" Alle Aufgaben aktualisieren . \"",
      "klicken Sie auf der Registerkarte \" Optionen \" auf die Schaltfläche \" Benutzerdefiniert \" und "
      "geben Sie für \" Fehlerkorrektur-Level \" und \" Y / X-Verhältnis \" niedrigere Werte ein .",
      "Sie können beispielsweise ein Dokument erstellen , das ein Auto enthalt , das sich über die Bühne "
      "bewegt .",
      "wählen Sie im Dialogfeld \" Neu aus Vorlage \" eine Vorlage aus und klicken Sie auf \" Neu . \"",
  };
  const TerScore ter = CorpusTer(hyps, {refs});
  EXPECT_NEAR(ter.score, 13.6, 1e-3);
  EXPECT_EQ(ter.num_edits, 17);
  EXPECT_EQ(ter.ref_length, 125.0);
}

// ---------------------------------------------------------------------------
// Several references (sacreBLEU's variable-reference layout)

TEST(MetricsTest, EmptyStringsPadSegmentsWithFewerReferences) {
  // Segment 2 has one reference instead of two: nrefs becomes "var".
  const ReferenceStreams refs = {{"a b c", "x y"}, {"a b d", ""}};
  EXPECT_EQ(CorpusBleu({"a b c", "x y"}, refs).signature,
            "nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.2");
  // TER takes the best reference per segment and the mean reference length:
  // segment 1: 0 edits, length (3 + 3) / 2; segment 2: 0 edits, length 2.
  const TerScore ter = CorpusTer({"a b c", "x y"}, refs);
  EXPECT_EQ(ter.num_edits, 0);
  EXPECT_EQ(ter.ref_length, 5.0);
  // chrF keeps the reference with the best F-score.
  EXPECT_NEAR(CorpusChrf({"abc"}, {{"xyz"}, {"abc"}}).score, 100.0, 1e-9);
}

TEST(MetricsTest, RstripSegmentUsesPythonWhiteSpace) {
  EXPECT_EQ(RstripSegment("a b \t\u3000\u00a0\u2028"), "a b");
  EXPECT_EQ(RstripSegment("  a"), "  a");
  EXPECT_EQ(RstripSegment("\x1c\x1f "), "");       // Python counts U+001C..U+001F as space
  EXPECT_EQ(RstripSegment("a\u200b"), "a\u200b");  // zero-width space is not
}

}  // namespace
}  // namespace bitext::align
