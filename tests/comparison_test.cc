// Repeats inside one document, the MT <-> official English alignment and its
// shingle chain, and the three-way comparison on the bundled corpus against
// gold written by reading it (gold/mt-official-paragraphs.tsv).
#include "comparison.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "decode.h"
#include "document.h"
#include "monolingual.h"
#include "outline_comparison.h"
#include "repeats.h"
#include "shingle_chain.h"

namespace bitext::align {
namespace {

const std::string kSet = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/";

// Distinct paragraphs of running text, long enough to seed repeats.
std::vector<std::string> Paragraphs(int count, const std::string& topic) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    out.push_back("Paragraph " + std::to_string(i) + " on " + topic + ": in " + std::to_string(1990 + i) +
                  " the programme reached " + std::to_string(17 * i + 3) + " countries, and its " +
                  std::to_string(i % 7 + 2) + " partners reported on it.");
  }
  return out;
}

// FindRepeats on paragraphs held as strings.
RepeatAnalysis FindRepeatsIn(const std::vector<std::string>& paragraphs, const RepeatOptions& options = {}) {
  return FindRepeats(std::vector<std::string_view>(paragraphs.begin(), paragraphs.end()), options);
}

TEST(RepeatsTest, WholeDocumentRestartAfterACutParagraph) {
  std::vector<std::string> text = Paragraphs(10, "aid");
  std::vector<std::string> doc(text.begin(), text.begin() + 6);
  doc.push_back(text[6].substr(0, 30));  // cut mid-sentence
  doc.insert(doc.end(), text.begin(), text.end());
  RepeatAnalysis r = FindRepeatsIn(doc);
  ASSERT_EQ(r.repeats.size(), 1u);
  EXPECT_EQ(r.repeats[0].original_begin, 0);
  EXPECT_EQ(r.repeats[0].original_end, 6);
  EXPECT_EQ(r.repeats[0].repeat_begin, 7);
  EXPECT_EQ(r.repeats[0].repeat_end, 13);
  EXPECT_EQ(r.repeats[0].truncated, 6);
  EXPECT_TRUE(r.repeats[0].restart);
  // The cut copy gives way to the complete one.
  for (int k = 0; k < 7; ++k) EXPECT_TRUE(r.superseded[static_cast<size_t>(k)]) << k;
  for (int k = 7; k < 17; ++k) EXPECT_FALSE(r.superseded[static_cast<size_t>(k)]) << k;
}

TEST(RepeatsTest, TailPastedAgainAfterFurniture) {
  std::vector<std::string> doc = Paragraphs(12, "trade");
  const std::vector<std::string> tail(doc.begin() + 8, doc.begin() + 12);
  doc.push_back("Related manuscripts:");
  doc.insert(doc.end(), tail.begin(), tail.end());
  RepeatAnalysis r = FindRepeatsIn(doc);
  ASSERT_EQ(r.repeats.size(), 1u);
  EXPECT_EQ(r.repeats[0].original_begin, 8);
  EXPECT_EQ(r.repeats[0].original_end, 12);
  EXPECT_EQ(r.repeats[0].repeat_begin, 13);
  EXPECT_EQ(r.repeats[0].repeat_end, 17);
  EXPECT_EQ(r.repeats[0].truncated, -1);
  for (int k = 13; k < 17; ++k) EXPECT_TRUE(r.superseded[static_cast<size_t>(k)]) << k;
  for (int k = 0; k < 13; ++k) EXPECT_FALSE(r.superseded[static_cast<size_t>(k)]) << k;
}

// The paste began mid-paragraph: the end of one paragraph run together with
// the next, then whole copies. The earlier text stays; the later copy is
// superseded, and it is no restart (other text stands between the two).
TEST(RepeatsTest, TailPastedFromTheMiddleOfAParagraph) {
  std::vector<std::string> doc = Paragraphs(12, "trade");
  const std::vector<std::string> tail(doc.begin() + 8, doc.begin() + 12);
  doc.push_back("Related manuscripts:");
  doc.push_back("Share this article with your friends");
  doc.push_back("closing words of that paragraph. " + doc[7]);
  doc.insert(doc.end(), tail.begin(), tail.end());
  RepeatAnalysis r = FindRepeatsIn(doc);
  ASSERT_EQ(r.repeats.size(), 1u);
  EXPECT_EQ(r.repeats[0].original_begin, 8);
  EXPECT_EQ(r.repeats[0].repeat_begin, 15);
  EXPECT_EQ(r.repeats[0].truncated, 14);
  EXPECT_FALSE(r.repeats[0].restart);
  for (int k = 15; k < 19; ++k) EXPECT_TRUE(r.superseded[static_cast<size_t>(k)]) << k;
  for (int k = 0; k < 15; ++k) EXPECT_FALSE(r.superseded[static_cast<size_t>(k)]) << k;
}

TEST(RepeatsTest, SectionRepeatedInTheMiddleWithSmallEdits) {
  std::vector<std::string> doc = Paragraphs(20, "health");
  std::vector<std::string> again(doc.begin() + 3, doc.begin() + 7);
  again[1].replace(again[1].find("reported"), 8, "reportd");  // a typo
  again[2] += " ";
  doc.insert(doc.begin() + 12, again.begin(), again.end());
  RepeatAnalysis r = FindRepeatsIn(doc);
  ASSERT_EQ(r.repeats.size(), 1u);
  EXPECT_EQ(r.repeats[0].original_begin, 3);
  EXPECT_EQ(r.repeats[0].original_end, 7);
  EXPECT_EQ(r.repeats[0].repeat_begin, 12);
  EXPECT_EQ(r.repeats[0].repeat_end, 16);
}

// A text repeated many times: each copy is the repeat of the one before,
// and a paragraph is paired with a bounded number of earlier copies, not
// with all of them.
TEST(RepeatsTest, ManyCopiesEachRepeatTheOneBefore) {
  const std::vector<std::string> part = Paragraphs(6, "copies");
  constexpr int kCopies = 30;
  std::vector<std::string> doc;
  for (int copy = 0; copy < kCopies; ++copy) doc.insert(doc.end(), part.begin(), part.end());
  const RepeatOptions options;
  const RepeatAnalysis r = FindRepeatsIn(doc, options);
  EXPECT_LE(r.repeats.size(), static_cast<size_t>(options.seeds_per_paragraph * (kCopies - 1)));
  const int length = static_cast<int>(part.size());
  for (int copy = 1; copy < kCopies; ++copy) {
    const bool found = std::any_of(r.repeats.begin(), r.repeats.end(), [&](const Repeat& rep) {
      return rep.original_begin == (copy - 1) * length && rep.original_end == copy * length &&
             rep.repeat_begin == copy * length && rep.repeat_end == (copy + 1) * length;
    });
    EXPECT_TRUE(found) << "copy " << copy;
  }
  for (int k = 0; k < static_cast<int>(doc.size()); ++k) {
    EXPECT_EQ(r.superseded[static_cast<size_t>(k)], k >= length) << "paragraph " << k;
  }
}

TEST(RepeatsTest, SimilarBulletsAreNotRepeats) {
  // Parallel items that open with the same words, as official documents do.
  std::vector<std::string> doc;
  for (const char* rest : {"the Chinese nation's ideal of universal harmony, pursued for centuries.",
                           "the Chinese people's habit of repaying kindness with kindness, always.",
                           "the Chinese tradition of internationalism and of sympathy for others.",
                           "China's sense of responsibility as a major country among nations."}) {
    doc.push_back(std::string("——China's international development cooperation originates from ") + rest);
  }
  doc.push_back("A closing paragraph that says something else entirely about the future.");
  EXPECT_TRUE(FindRepeatsIn(doc).repeats.empty());
}

TEST(RepeatsTest, ShortRepeatedHeadingsAloneAreNotARun) {
  std::vector<std::string> doc = Paragraphs(6, "energy");
  doc.insert(doc.begin() + 1, "Conclusion");
  doc.push_back("Conclusion");
  EXPECT_TRUE(FindRepeatsIn(doc).repeats.empty());
}

// A man page's short label and description lines pasted again: three short
// paragraphs in a row are a run, though none is long enough alone.
TEST(RepeatsTest, ThreeShortLinesPastedAgainAreARun) {
  std::vector<std::string> doc = Paragraphs(4, "storage");
  const std::vector<std::string> entry = {"Zip drive (optional).", "/media/usb[1-9]", "USB drive (optional)."};
  doc.insert(doc.begin() + 2, entry.begin(), entry.end());
  doc.insert(doc.begin() + 5, entry.begin(), entry.end());
  const auto repeats = FindRepeatsIn(doc).repeats;
  ASSERT_EQ(repeats.size(), 1u);
  EXPECT_EQ(repeats[0].repeat_begin, 5);
  EXPECT_EQ(repeats[0].repeat_end, 8);
}

std::vector<MonolingualUnit> Units(const std::vector<std::string>& texts) {
  std::vector<MonolingualUnit> units;
  for (const std::string& t : texts) units.emplace_back(t);
  return units;
}

TEST(MonolingualTest, CoverageOfAPartialReference) {
  // The reference renders only the middle of the hypothesis, freely worded.
  std::vector<std::string> hyp = Paragraphs(30, "education");
  std::vector<std::string> ref;
  for (int k = 10; k < 18; ++k) {
    std::string t = hyp[static_cast<size_t>(k)];
    t.replace(t.find("the programme"), 13, "the scheme");
    ref.push_back(t);
  }
  MonolingualAlignment a = AlignMonolingual(Units(ref), Units(hyp));
  EXPECT_EQ(a.hyp_first, 10);
  EXPECT_EQ(a.hyp_last, 17);
  ASSERT_EQ(a.beads.size(), 8u);
  for (int k = 0; k < 8; ++k) {
    EXPECT_EQ(a.beads[static_cast<size_t>(k)].ref_begin, k);
    EXPECT_EQ(a.beads[static_cast<size_t>(k)].hyp_begin, 10 + k);
  }
}

// A text of one or two paragraphs is aligned too: a unit's own rendering,
// in a sample that holds every unit, is no background to beat.
TEST(MonolingualTest, ShortTextsAreAligned) {
  for (int n : {1, 2}) {
    const std::vector<std::string> ref = Paragraphs(n, "harbour");
    const MonolingualAlignment a = AlignMonolingual(Units(ref), Units(ref));
    ASSERT_EQ(a.beads.size(), static_cast<size_t>(n)) << n;
    for (int k = 0; k < n; ++k) {
      EXPECT_EQ(a.beads[static_cast<size_t>(k)].ref_begin, k);
      EXPECT_EQ(a.beads[static_cast<size_t>(k)].hyp_begin, k);
    }
  }
}

TEST(MonolingualTest, OmittedAndAddedParagraphsAreSkips) {
  std::vector<std::string> ref = Paragraphs(10, "water");
  std::vector<std::string> hyp = ref;
  hyp.erase(hyp.begin() + 4);  // MT omits ref 4
  hyp.insert(hyp.begin() + 7, "An unrelated sentence about biodiversity and forests, added.");
  MonolingualAlignment a = AlignMonolingual(Units(ref), Units(hyp));
  int ref_skips = 0, hyp_skips = 0;
  for (const MonolingualBead& b : a.beads) {
    if (b.hyp_begin == b.hyp_end) {
      ++ref_skips;
      EXPECT_EQ(b.ref_begin, 4);
    }
    if (b.ref_begin == b.ref_end) {
      ++hyp_skips;
      EXPECT_EQ(b.hyp_begin, 7);
    }
  }
  EXPECT_EQ(ref_skips, 1);
  EXPECT_EQ(hyp_skips, 1);
}

// An MT that splits one paragraph in two and runs two others into one: the
// pairs are one-to-two and two-to-one, not a pair beside a skip. (The
// search passes over a two-unit pair whose bound cannot win; a bound set
// too low would lose these.)
TEST(MonolingualTest, SplitAndJoinedParagraphsArePairedWhole) {
  const std::vector<std::string> ref = Paragraphs(12, "rivers");
  std::vector<std::string> hyp;
  for (size_t k = 0; k < ref.size(); ++k) {
    if (k == 3) {
      const size_t cut = ref[k].find(" and its");
      hyp.push_back(ref[k].substr(0, cut));
      hyp.push_back(ref[k].substr(cut + 1));
    } else if (k == 7) {
      hyp.push_back(ref[7] + " " + ref[8]);
      ++k;
    } else {
      hyp.push_back(ref[k]);
    }
  }
  const MonolingualAlignment a = AlignMonolingual(Units(ref), Units(hyp));
  std::vector<std::string> beads;
  for (const MonolingualBead& b : a.beads) {
    beads.push_back(std::to_string(b.ref_begin) + "-" + std::to_string(b.ref_end) + ":" + std::to_string(b.hyp_begin) +
                    "-" + std::to_string(b.hyp_end));
  }
  const std::vector<std::string> expected = {"0-1:0-1", "1-2:1-2", "2-3:2-3",   "3-4:3-5",     "4-5:5-6",    "5-6:6-7",
                                             "6-7:7-8", "7-9:8-9", "9-10:9-10", "10-11:10-11", "11-12:11-12"};
  EXPECT_EQ(beads, expected);
}

TEST(MonolingualTest, TheReferenceIsFoundOnBothSidesOfALongAddition) {
  // The MT carries a hundred paragraphs the official text lacks (a part the
  // official release leaves out) between two halves it does render.
  const std::vector<std::string> ref = Paragraphs(12, "health");
  std::vector<std::string> hyp(ref.begin(), ref.begin() + 6);
  for (int k = 0; k < 100; ++k) {
    hyp.push_back("Annex note " + std::to_string(k) + ": a committee on forests met to review " +
                  std::to_string(3 * k + 1) + " reports about rivers, wetlands and mountain soils.");
  }
  hyp.insert(hyp.end(), ref.begin() + 6, ref.end());
  const MonolingualAlignment a = AlignMonolingual(Units(ref), Units(hyp));
  std::map<int, int> hyp_of_ref;
  for (const MonolingualBead& b : a.beads) {
    if (b.ref_end - b.ref_begin == 1 && b.hyp_end - b.hyp_begin == 1) hyp_of_ref[b.ref_begin] = b.hyp_begin;
  }
  for (int r = 0; r < 12; ++r) EXPECT_EQ(hyp_of_ref[r], r < 6 ? r : r + 100) << r;
  EXPECT_EQ(a.hyp_last, 111);
}

// An official release of one chapter of each part against an MT of every
// part, the whole repeated: the copies differ only in their numbers. Each
// copy of the reference is rendered by the same copy of the hypothesis, not
// by a copy that reads the same a few hundred paragraphs away, although a
// block of 8 reference paragraphs spans two copies.
TEST(MonolingualTest, EachCopyOfARepeatedTextIsRenderedByItsOwnCopy) {
  constexpr int kCopies = 12, kRendered = 20, kOthers = 200;
  std::vector<std::string> ref, hyp;
  for (int copy = 0; copy < kCopies; ++copy) {
    for (int i = 0; i < kRendered + kOthers; ++i) {
      const std::string number = std::to_string(1000 + 317 * copy + 7 * i);  // this copy's own
      std::string text = "Section " + std::to_string(i % 40) + " on harbours: the programme reached " +
                         std::to_string(i * 13 % 97) + " towns and cost " + number + " million yuan, its " +
                         std::to_string(i % 9 + 2) + " partners said.";
      hyp.push_back(text);
      if (i < kRendered) {
        text.replace(text.find("the programme"), 13, "the scheme");
        ref.push_back(text);
      }
    }
  }
  const MonolingualAlignment a = AlignMonolingual(Units(ref), Units(hyp));
  int right = 0, wrong = 0;
  for (const MonolingualBead& b : a.beads) {
    if (b.ref_end - b.ref_begin != 1 || b.hyp_end - b.hyp_begin != 1) continue;
    const int copy = b.ref_begin / kRendered, i = b.ref_begin % kRendered;
    (b.hyp_begin == copy * (kRendered + kOthers) + i ? right : wrong) += 1;
  }
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(right, kCopies * kRendered);
}

// The parts of a long alignment are tasks: run in any order, they give the
// same beads as run one after the other.
TEST(MonolingualTest, PartsRunInAnyOrderGiveTheSameAlignment) {
  std::vector<std::string> ref, hyp;
  for (int copy = 0; copy < 12; ++copy) {
    for (int i = 0; i < 220; ++i) {
      const std::string text = "Section " + std::to_string(i % 40) + " on harbours: the programme reached " +
                               std::to_string(i * 13 % 97) + " towns and cost " +
                               std::to_string(1000 + 317 * copy + 7 * i) + " million yuan.";
      hyp.push_back(text);
      if (i < 20) ref.push_back(text);
    }
  }
  size_t tasks_run = 0;
  const RunAll backwards = [&](const std::vector<std::function<void()>>& tasks) {
    for (size_t k = tasks.size(); k-- > 0;) tasks[k]();
    tasks_run += tasks.size();
  };
  const MonolingualAlignment serial = AlignMonolingual(Units(ref), Units(hyp));
  const MonolingualAlignment reversed = AlignMonolingual(Units(ref), Units(hyp), {}, backwards);
  EXPECT_GT(tasks_run, 1u);  // the text was cut into parts
  ASSERT_EQ(serial.beads.size(), reversed.beads.size());
  for (size_t k = 0; k < serial.beads.size(); ++k) {
    const MonolingualBead &a = serial.beads[k], &b = reversed.beads[k];
    EXPECT_EQ(std::tie(a.ref_begin, a.ref_end, a.hyp_begin, a.hyp_end, a.similarity, a.reordered),
              std::tie(b.ref_begin, b.ref_end, b.hyp_begin, b.hyp_end, b.similarity, b.reordered))
        << k;
  }
  EXPECT_EQ(serial.hyp_first, reversed.hyp_first);
  EXPECT_EQ(serial.hyp_last, reversed.hyp_last);
}

std::vector<std::pair<int, int>> Chain(const std::vector<std::string>& ref, const std::vector<std::string>& hyp) {
  std::vector<std::vector<uint32_t>> ref_shingles, hyp_shingles;
  for (const std::string& t : ref) ref_shingles.push_back(WordShingles(t));
  for (const std::string& t : hyp) hyp_shingles.push_back(WordShingles(t));
  std::vector<const std::vector<uint32_t>*> r, h;
  for (const auto& s : ref_shingles) r.push_back(&s);
  for (const auto& s : hyp_shingles) h.push_back(&s);
  std::vector<std::pair<int, int>> chain;
  for (const ShinglePair& p : ShingleChain(r, h)) chain.emplace_back(p.ref, p.hyp);
  return chain;
}

TEST(ShingleChainTest, KeepsPairsInOrderAndDropsAChanceMatch) {
  const std::vector<std::string> ref = {"Alpha bravo charlie delta, quebec.", "Echo foxtrot golf hotel.",
                                        "India juliet kilo lima.", "Mike November Oscar papa."};
  const std::vector<std::string> hyp = {"A lead line.", "alpha bravo charlie delta", "echo foxtrot golf hotel",
                                        "India juliet kilo lima!", "Mike November Oscar papa, Quebec."};
  // "quebec" is found once in each text, but out of line with the rest.
  EXPECT_EQ(Chain(ref, hyp), (std::vector<std::pair<int, int>>{{0, 1}, {1, 2}, {2, 3}, {3, 4}}));
}

// A text that repeats itself has no shingle found once; shingles found in
// a few paragraphs still anchor every copy.
TEST(ShingleChainTest, RareShinglesAnchorARepeatedText) {
  const std::vector<std::string> part = {"Alpha bravo charlie delta.", "Echo foxtrot golf hotel.",
                                         "India juliet kilo lima."};
  std::vector<std::string> ref, hyp = {"A lead line."};
  for (int copy = 0; copy < 3; ++copy) {
    ref.insert(ref.end(), part.begin(), part.end());
    hyp.insert(hyp.end(), part.begin(), part.end());
  }
  std::vector<std::pair<int, int>> expected;
  for (int k = 0; k < 9; ++k) expected.emplace_back(k, k + 1);
  EXPECT_EQ(Chain(ref, hyp), expected);
}

// An office line and a date line the MT gives the other way round.
TEST(MonolingualTest, SwappedAdjacentParagraphsArePairedAsReordered) {
  std::vector<std::string> ref = Paragraphs(8, "health");
  std::vector<std::string> hyp = ref;
  ref.insert(ref.begin() + 1, {"State Council Information Office of the People's Republic of China", "January 2021"});
  hyp.insert(hyp.begin() + 1, {"(January 2021)", "The State Council Information Office of China"});
  MonolingualAlignment a = AlignMonolingual(Units(ref), Units(hyp));
  std::map<int, int> hyp_of_ref;
  int reordered = 0;
  for (const MonolingualBead& b : a.beads) {
    if (b.ref_end - b.ref_begin == 1 && b.hyp_end - b.hyp_begin == 1) hyp_of_ref[b.ref_begin] = b.hyp_begin;
    EXPECT_FALSE(b.ref_begin == b.ref_end) << "MT paragraph " << b.hyp_begin << " left unmatched";
    reordered += b.reordered;
  }
  EXPECT_EQ(reordered, 1);
  EXPECT_EQ(hyp_of_ref[1], 2);  // office
  EXPECT_EQ(hyp_of_ref[2], 1);  // date
  EXPECT_EQ(a.hyp_first, 0);
  EXPECT_EQ(a.hyp_last, 9);
}

TEST(MonolingualTest, DifferentNeighboursAreNotPairedOutOfOrder) {
  std::vector<std::string> ref = Paragraphs(8, "health");
  std::vector<std::string> hyp = ref;
  ref.insert(ref.begin() + 4, "January 2021");                        // the MT omits the date...
  hyp.insert(hyp.begin() + 3, "Forests cover a fifth of the land.");  // ...and adds a line nearby
  MonolingualAlignment a = AlignMonolingual(Units(ref), Units(hyp));
  // The added line stays unmatched, whatever becomes of the date.
  int hyp_skips = 0;
  for (const MonolingualBead& b : a.beads) {
    EXPECT_FALSE(b.reordered);
    if (b.ref_begin == b.ref_end) {
      ++hyp_skips;
      EXPECT_EQ(b.hyp_begin, 3);
    }
  }
  EXPECT_EQ(hyp_skips, 1);
}

// The bundled corpus against gold written by reading both documents.
class CorpusComparisonTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    official_ = new Document(LoadDocument(kSet + "official-bilingual.txt", {}));
    mt_ = new Document(LoadDocument(kSet + "mt-news-agency-en.txt", {}));
    const std::string lexicon_path = BITEXT_DEFAULT_LEXICON;
    if (std::ifstream(lexicon_path)) {
      lexicon_ = new Lexicon(Lexicon::FromCedict(ReadText(lexicon_path, {"UTF-8", false}).text));
    }
    comparison_ = new Comparison(CompareWithOfficial(AlignableParagraphs(*official_, Lang::kZh),
                                                     AlignableParagraphs(*official_, Lang::kEn), *mt_, lexicon_,
                                                     AlignerOptions{}));
  }
  static void TearDownTestSuite() {
    delete comparison_;
    delete lexicon_;
    delete mt_;
    delete official_;
  }
  static Document* official_;
  static Document* mt_;
  static Lexicon* lexicon_;
  static Comparison* comparison_;
};

Document* CorpusComparisonTest::official_ = nullptr;
Document* CorpusComparisonTest::mt_ = nullptr;
Lexicon* CorpusComparisonTest::lexicon_ = nullptr;
Comparison* CorpusComparisonTest::comparison_ = nullptr;

std::string Key(const Paragraph& p) {
  std::string key;
  for (const LineSpan& s : p.pieces) key += (key.empty() ? "" : "+") + std::to_string(s.first);
  return key;
}

TEST_F(CorpusComparisonTest, RepeatsHaveTheGoldSpans) {
  // Gold comments: "# repeat: lines A-B are repeated at lines C-D",
  // "# truncated: line N".
  std::ifstream in(kSet + "gold/mt-official-paragraphs.tsv");
  std::set<std::vector<int>> gold_repeats;
  std::set<int> gold_truncated;
  std::regex repeat(R"(^# repeat: lines (\d+)-(\d+) are repeated at lines (\d+)-(\d+))");
  std::regex truncated(R"(^# truncated: line (\d+))");
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, repeat)) {
      gold_repeats.insert({std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4])});
    } else if (std::regex_search(line, m, truncated)) {
      gold_truncated.insert(std::stoi(m[1]));
    }
  }
  ASSERT_EQ(gold_repeats.size(), 2u);
  std::set<std::vector<int>> found;
  std::set<int> found_truncated;
  const auto& paragraphs = comparison_->mt_paragraphs;
  for (const Repeat& r : comparison_->repeats.repeats) {
    found.insert({paragraphs[static_cast<size_t>(r.original_begin)]->lines().first,
                  paragraphs[static_cast<size_t>(r.original_end - 1)]->lines().last,
                  paragraphs[static_cast<size_t>(r.repeat_begin)]->lines().first,
                  paragraphs[static_cast<size_t>(r.repeat_end - 1)]->lines().last});
    if (r.truncated >= 0) found_truncated.insert(paragraphs[static_cast<size_t>(r.truncated)]->lines().first);
  }
  EXPECT_EQ(found, gold_repeats);
  EXPECT_EQ(found_truncated, gold_truncated);
}

TEST_F(CorpusComparisonTest, OfficialParagraphsFindTheirGoldRendering) {
  // gold: en key -> MT lines in any copy.
  std::map<std::string, std::set<int>> gold;
  std::ifstream in(kSet + "gold/mt-official-paragraphs.tsv");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream fields(line);
    for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
    std::set<int>& lines = gold[cols[0]];
    for (size_t c = 1; c <= 2 && c < cols.size(); ++c) {
      std::stringstream items(cols[c]);
      for (std::string item; std::getline(items, item, ',');) {
        if (!item.empty()) lines.insert(std::stoi(item));
      }
    }
  }
  ASSERT_EQ(gold.size(), 25u);
  int rendered = 0, correct = 0;
  for (const ComparisonRow& row : comparison_->rows) {
    if (row.en.empty() || row.mt.empty()) continue;
    for (const Paragraph* en : row.en) {
      ++rendered;
      bool ok = false;
      for (const Paragraph* mt : row.mt) ok |= gold[Key(*en)].count(mt->lines().first) > 0;
      correct += ok;
      EXPECT_TRUE(ok) << "official line " << Key(*en) << " paired with MT line " << row.mt.front()->lines().first;
    }
  }
  // Every rendering found is right. The official text puts the issuing
  // office before the date and the MT after it: one of the two is paired
  // out of order, marked as reordered.
  EXPECT_EQ(correct, rendered);
  EXPECT_GE(rendered, 24);
  int reordered = 0;
  for (const ComparisonRow& row : comparison_->rows) {
    if (!row.reordered) continue;
    ++reordered;
    ASSERT_EQ(row.en.size(), 1u);
    EXPECT_TRUE(Key(*row.en.front()) == "7" || Key(*row.en.front()) == "10") << Key(*row.en.front());
  }
  EXPECT_EQ(reordered, 1);
}

TEST_F(CorpusComparisonTest, TableOfContentsNumberingErrorsArePaired) {
  // Read in the MT file: its contents list "(VIII) Promote sustainable
  // innovation economic growth" (line 233) for the body's "(VII) ..." (line
  // 370), and "(VIII) Improve disaster prevention ..." (line 240) for "(V)"
  // (line 392).
  std::map<int, const OutlinePair*> by_toc_line;
  for (const OutlinePair& pair : comparison_->toc_vs_body) {
    if (pair.left) by_toc_line[pair.left->lines().first] = &pair;
  }
  for (auto [toc, body] : {std::pair{233, 370}, std::pair{240, 392}}) {
    ASSERT_TRUE(by_toc_line.count(toc)) << toc;
    const OutlinePair& pair = *by_toc_line[toc];
    ASSERT_NE(pair.right, nullptr) << toc;
    EXPECT_EQ(pair.right->lines().first, body);
    EXPECT_FALSE(pair.same_value) << toc;
  }
  // A correct entry pairs and agrees: "(I) Improve governance capabilities".
  int agreeing = 0;
  for (const OutlinePair& pair : comparison_->toc_vs_body) agreeing += pair.left && pair.right && pair.same_value;
  EXPECT_GE(agreeing, 30);
}

// An official text of sections made of Paragraphs(4, topic), each in
// Chinese and English; the MT gives the English of `mt_sections`, lightly
// reworded.
struct RepeatedSections {
  RepeatedSections(const std::vector<std::string>& official_sections, const std::vector<std::string>& mt_sections) {
    std::string official_text, mt_text;
    for (const std::string& topic : official_sections) {
      const std::vector<std::string> en = Paragraphs(4, topic);
      for (int i = 0; i < 4; ++i) {
        official_text += "第" + std::to_string(i) + "段：" + std::to_string(1990 + i) + "年，该项目覆盖" +
                         std::to_string(17 * i + 3) + "个国家，" + std::to_string(i % 7 + 2) + "个伙伴作了报告。\n\n" +
                         en[static_cast<size_t>(i)] + "\n\n";
      }
    }
    for (const std::string& topic : mt_sections) {
      for (std::string t : Paragraphs(4, topic))
        mt_text += t.replace(t.find("the programme"), 13, "the scheme") + "\n\n";
    }
    DecodedText official_decoded, mt_decoded;
    official_decoded.text = official_text;
    mt_decoded.text = mt_text;
    official = std::make_unique<Document>(BuildDocument("official.txt", official_decoded));
    mt = std::make_unique<Document>(BuildDocument("mt.txt", mt_decoded));
    comparison = CompareWithOfficial(AlignableParagraphs(*official, Lang::kZh),
                                     AlignableParagraphs(*official, Lang::kEn), *mt, nullptr, AlignerOptions{});
  }
  std::unique_ptr<Document> official, mt;
  Comparison comparison;
};

TEST(ComparisonTest, TextTheOfficialRepeatsIsRenderedInEachCopy) {
  const RepeatedSections r({"water", "roads", "water"}, {"water", "roads", "water"});
  std::vector<std::string> mt_texts;
  for (const Paragraph& p : r.mt->paragraphs) mt_texts.push_back(p.text);
  ASSERT_EQ(FindRepeatsIn(mt_texts).repeats.size(), 1u);  // the MT alone looks repeated
  EXPECT_EQ(r.comparison.en_rendered, 12);
  EXPECT_TRUE(r.comparison.repeats.repeats.empty());
  for (bool superseded : r.comparison.repeats.superseded) EXPECT_FALSE(superseded);
}

TEST(ComparisonTest, TextOnlyTheMtRepeatsIsRenderedOnceAndReported) {
  const RepeatedSections r({"water", "roads"}, {"water", "roads", "water"});
  EXPECT_EQ(r.comparison.en_rendered, 8);
  ASSERT_EQ(r.comparison.repeats.repeats.size(), 1u);
  EXPECT_EQ(r.comparison.repeats.repeats[0].repeat_begin, 8);
  for (size_t k = 0; k < r.comparison.repeats.superseded.size(); ++k) {
    EXPECT_EQ(r.comparison.repeats.superseded[k], k >= 8) << k;
  }
  for (const ComparisonRow& row : r.comparison.rows) {
    if (row.en.empty()) continue;
    for (const Paragraph* p : row.mt) EXPECT_LT(p - r.mt->paragraphs.data(), 8);
  }
}

// A document built from `text` as if read from a UTF-8 file.
Document FromText(const std::string& text) {
  DecodedText d;
  d.text = text;
  return BuildDocument("t.txt", d);
}

TEST(OutlineComparisonTest, AnMtWithoutContentsHasNoneToCompare) {
  const Document official = FromText("一、总体要求\n\nI. General Requirements\n\n二、主要任务\n\nII. Main Tasks\n");
  const Document mt = FromText("I. General Requirements\n\nII. Main Tasks\n");
  const Comparison c = CompareWithOfficial(AlignableParagraphs(official, Lang::kZh),
                                           AlignableParagraphs(official, Lang::kEn), mt, nullptr, AlignerOptions{});
  EXPECT_TRUE(c.toc_vs_body.empty());
}

TEST(OutlineComparisonTest, PairsByTitleAndComparesNumbersByValue) {
  Document toc = FromText("IV. Ensure high-quality education\nVIII. Promote gender equality\n");
  Document body = FromText(
      "(4) Ensure high-quality education\nEducation is the foundation of development, it says.\n"
      "(5) Promote gender equality\nWomen are an important force in development, it says.\n"
      "(6) Improve infrastructure\nLocal people gain roads and power, it says, and more.\n");
  std::vector<const Paragraph*> left, right;
  for (const Paragraph& p : toc.paragraphs) left.push_back(&p);
  for (const Paragraph& p : body.paragraphs) right.push_back(&p);
  std::vector<OutlinePair> pairs = CompareOutlines(Headings(left, false), Headings(right, false));
  ASSERT_EQ(pairs.size(), 3u);
  EXPECT_TRUE(pairs[0].left && pairs[0].right && pairs[0].same_value);   // IV ~ (4)
  EXPECT_TRUE(pairs[1].left && pairs[1].right && !pairs[1].same_value);  // VIII ~ (5)
  EXPECT_EQ(pairs[2].left, nullptr);                                     // (6) is not in the list
}

// Unnumbered headings of a made-up outline: titles of three to six words
// drawn from a small vocabulary, so that unrelated titles share many
// character n-grams, as the headings of one document do.
std::vector<Paragraph> MadeUpHeadings(int count, uint32_t seed) {
  static const char* const kWords[] = {
      "development", "cooperation", "poverty",     "reduction", "health",     "education", "green",   "trade",
      "investment",  "global",      "partnership", "security",  "food",       "energy",    "climate", "digital",
      "economy",     "innovation",  "people",      "community", "shared",     "future",    "rural",   "urban",
      "finance",     "assistance",  "capacity",    "building",  "governance", "human",     "rights",  "culture"};
  std::vector<Paragraph> out;
  for (int i = 0; i < count; ++i) {
    Paragraph p;
    const int words = 3 + static_cast<int>((seed >> 16) % 4);
    for (int w = 0; w < words; ++w) {
      seed = seed * 1103515245u + 12345u;
      p.text += std::string(w ? " " : "") + kWords[(seed >> 16) % std::size(kWords)];
    }
    p.heading = Heading{};
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<const Paragraph*> Pointers(const std::vector<Paragraph>& paragraphs) {
  std::vector<const Paragraph*> out;
  for (const Paragraph& p : paragraphs) out.push_back(&p);
  return out;
}

// Long outlines are searched in a band, not the whole table: the band must
// still find every pairing, with headings dropped, added and reworded.
TEST(OutlineComparisonTest, LongOutlinesPairEveryHeadingWithItsCopy) {
  const std::vector<Paragraph> left = MadeUpHeadings(1200, 7);
  std::vector<Paragraph> right;
  std::vector<int> copy_of;  // left index of each right heading, -1 for an added one
  const std::vector<Paragraph> added = MadeUpHeadings(12, 99);
  for (int i = 0; i < 1200; ++i) {
    if (i % 100 == 75) right.push_back(added[static_cast<size_t>(i / 100)]), copy_of.push_back(-1);
    if (i % 50 == 0 || (i >= 300 && i < 360)) continue;  // dropped, and a whole run of them
    Paragraph p = left[static_cast<size_t>(i)];
    if (i % 10 == 3) p.text.insert(0, "New ");  // reworded
    right.push_back(p);
    copy_of.push_back(i);
  }
  const std::vector<OutlinePair> pairs = CompareOutlines(Pointers(left), Pointers(right));
  std::map<const Paragraph*, const Paragraph*> partner;
  for (const OutlinePair& pair : pairs) {
    if (pair.left && pair.right) partner[pair.left] = pair.right;
  }
  int paired_right = 0;
  for (size_t j = 0; j < right.size(); ++j) {
    if (copy_of[j] < 0) continue;
    EXPECT_EQ(partner[&left[static_cast<size_t>(copy_of[j])]], &right[j]) << "left heading " << copy_of[j];
    ++paired_right;
  }
  EXPECT_EQ(partner.size(), static_cast<size_t>(paired_right));  // nothing dropped or added is paired
}

// One outline repeated many times gives the band no unique title to hold
// on to: the copies must still pair in order around a dropped heading.
TEST(OutlineComparisonTest, RepeatedOutlinesPairCopyByCopy) {
  const std::vector<Paragraph> part = MadeUpHeadings(30, 11);
  std::vector<Paragraph> left, right;
  for (int copy = 0; copy < 40; ++copy) {
    for (size_t k = 0; k < part.size(); ++k) {
      left.push_back(part[k]);
      if (copy != 20 || k != 12) right.push_back(part[k]);
    }
  }
  const std::vector<OutlinePair> pairs = CompareOutlines(Pointers(left), Pointers(right));
  ASSERT_EQ(pairs.size(), left.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    ASSERT_EQ(pairs[i].left, &left[i]);
    const size_t dropped = 20 * part.size() + 12;
    if (i == dropped)
      EXPECT_EQ(pairs[i].right, nullptr);
    else
      EXPECT_EQ(pairs[i].right, &right[i < dropped ? i : i - 1]) << "left heading " << i;
  }
}

// An MT cut after its table of contents renders only the head of the
// official text: no official paragraph beyond that is paired out of order
// with one of its lines (its title is quoted there), which would stretch
// the coverage over the whole text.
TEST_F(CorpusComparisonTest, NothingBeyondTheCoverageIsPairedOutOfOrder) {
  std::string head;
  std::ifstream in(kSet + "mt-news-agency-en.txt");
  std::string line;
  for (int k = 0; k < 21 && std::getline(in, line); ++k) head += line + "\n";
  DecodedText text;
  text.text = head;
  text.encoding = "UTF-8";
  const Document cut = BuildDocument("mt-head.txt", text);
  const Comparison c = CompareWithOfficial(AlignableParagraphs(*official_, Lang::kZh),
                                           AlignableParagraphs(*official_, Lang::kEn), cut, lexicon_, AlignerOptions{});
  for (const ComparisonRow& row : c.rows) {
    if (row.en.empty() || row.mt.empty()) continue;
    EXPECT_FALSE(row.reordered) << "official line " << row.en.front()->lines().first;
    EXPECT_LE(row.en.front()->lines().first, 10);  // the head: title, office, date
  }
}

TEST_F(CorpusComparisonTest, CoverageStartsAtTheRestartedCopy) {
  const MonolingualAlignment& a = comparison_->mt_alignment;
  ASSERT_GE(a.hyp_first, 0);
  // The copy cut at line 204 gives way to the complete copy from line 205.
  EXPECT_GE(comparison_->mt_aligned[static_cast<size_t>(a.hyp_first)]->lines().first, 205);
  EXPECT_LE(comparison_->mt_aligned[static_cast<size_t>(a.hyp_last)]->lines().last, 280);
}

// The steps of a comparison run apart: the rows are joined only with the
// official alignment of the English the MT was matched with, then scored.
TEST(ComparisonStepsTest, RowsNeedTheAlignmentOfTheEnglishMatched) {
  const Document official = FromText("一、总体要求\n\nI. General Requirements\n\n二、主要任务\n\nII. Main Tasks\n");
  const Document mt = FromText("I. General Requirements\n\nII. Main Tasks\n");
  const auto zh = AlignableParagraphs(official, Lang::kZh), en = AlignableParagraphs(official, Lang::kEn);
  const DocumentAlignment aligned = AlignDocuments(zh, en, nullptr, AlignerOptions{}, false);

  Comparison matched = MatchMachineTranslation(en, mt);
  EXPECT_TRUE(matched.rows.empty());
  JoinWithOfficial(matched, aligned);
  ASSERT_EQ(matched.rows.size(), 2u);
  for (const ComparisonRow& row : matched.rows) {
    EXPECT_EQ(row.zh.size(), 1u);
    EXPECT_EQ(row.mt.size(), 1u);
    EXPECT_EQ(row.similarity, -1);  // a step of its own
  }
  ScoreRows(matched);
  for (const ComparisonRow& row : matched.rows) EXPECT_EQ(row.similarity, 1.0);  // the MT is the official English

  Comparison other = MatchMachineTranslation({en.front()}, mt);
  EXPECT_THROW(JoinWithOfficial(other, aligned), std::logic_error);
}

}  // namespace
}  // namespace bitext::align
