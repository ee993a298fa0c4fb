// The aligner on the bundled official text against gold written by reading
// it: paragraphs (gold/official-paragraphs.tsv) must be exact, sentences
// (gold/official-sentences.tsv) at strict F1 >= 0.95, scored as vecalign
// does. Sentence gold is given as text spans, so the comparison does not
// depend on how either side segmented sentences: spans are cut into atomic
// pieces at every bead start of gold and test, and beads become sets of pieces.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "decode.h"
#include "document.h"
#include "document_alignment.h"
#include "evaluation.h"
#include "learning_alignment.h"

namespace bitext::align {
namespace {

const std::string kSet = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/";

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t pos = 0;
    while (true) {
      size_t tab = line.find('\t', pos);
      cols.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    rows.push_back(cols);
  }
  return rows;
}

std::string KeyOf(const Paragraph& p) {
  std::string key;
  for (const LineSpan& s : p.pieces) key += (key.empty() ? "" : "+") + std::to_string(s.first);
  return key;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::unique_ptr<Lexicon> LoadTestLexicon() {
  if (!std::ifstream(BITEXT_DEFAULT_LEXICON)) return nullptr;
  return std::make_unique<Lexicon>(
      Lexicon::FromCedict(ReadText(BITEXT_DEFAULT_LEXICON, DecodeOptions{"UTF-8", false}).text));
}

// How the test aligns: with no lexicon, with CC-CEDICT, or with CC-CEDICT
// and a second round that adds the lexicon learned from the first.
enum class Lexicons { kNone, kCedict, kCedictAndLearned };

class OfficialAlignmentTest : public ::testing::TestWithParam<Lexicons> {
 protected:
  void SetUp() override {
    doc_ = LoadDocument(kSet + "official-bilingual.txt", {});
    zh_ = AlignableParagraphs(doc_, Lang::kZh);
    en_ = AlignableParagraphs(doc_, Lang::kEn);
    if (GetParam() != Lexicons::kNone) {
      lexicon_ = LoadTestLexicon();
      if (!lexicon_) GTEST_SKIP() << "CC-CEDICT not fetched (scripts/setup.sh does it)";
    }
    if (GetParam() == Lexicons::kCedictAndLearned) {
      DocumentsAlignment both =
          AlignDocumentsLearning({{zh_, en_}}, lexicon_.get(), AlignerOptions{}, true, LearningOptions{});
      EXPECT_FALSE(both.learned.empty()) << "the first round's confident beads teach some words";
      result_ = std::move(both.documents.front());
    } else {
      result_ = AlignDocuments(zh_, en_, lexicon_.get(), AlignerOptions{}, true);
    }
  }

  int IndexOf(const std::vector<const Paragraph*>& side, const std::string& key) {
    for (size_t i = 0; i < side.size(); ++i) {
      if (KeyOf(*side[i]) == key) return static_cast<int>(i);
    }
    ADD_FAILURE() << "no paragraph " << key;
    return -1;
  }

  Document doc_;
  std::vector<const Paragraph*> zh_, en_;
  std::unique_ptr<Lexicon> lexicon_;
  DocumentAlignment result_;
};

// The text four times over, twelve English paragraphs of the second copy
// gone, and a narrow band: the band is widened around the gap (three times
// in each pass, on any lexicon), and the wider band takes the beads the
// narrower one scored. Without confidences
// those are kept as they were added up; with them (a soft minimum as well)
// every band scores its own. The paths agree.
TEST_P(OfficialAlignmentTest, AWidenedBandFindsThePathItsConfidencesFind) {
  std::vector<const Paragraph*> zh, en;
  for (int copy = 0; copy < 4; ++copy) {
    zh.insert(zh.end(), zh_.begin(), zh_.end());
    en.insert(en.end(), en_.begin(), en_.end());
  }
  ASSERT_GT(en_.size(), 20u);
  en.erase(en.begin() + static_cast<long>(en_.size()) + 4, en.begin() + static_cast<long>(en_.size()) + 16);
  AlignerOptions narrow;
  narrow.band = 4;
  AlignerOptions without = narrow;
  without.confidence = false;
  auto spans = [](const DocumentAlignment& a) {
    std::vector<std::tuple<int, int, int, int>> out;
    for (const Bead& b : a.paragraphs) out.emplace_back(b.zh_begin, b.zh_end, b.en_begin, b.en_end);
    return out;
  };
  const auto with_confidence = spans(AlignDocuments(zh, en, lexicon_.get(), narrow, false));
  EXPECT_EQ(spans(AlignDocuments(zh, en, lexicon_.get(), without, false)), with_confidence);
  EXPECT_GT(with_confidence.size(), en.size() / 2);
}

// A band that follows a given path finds what the band that follows the
// coarse alignment finds: with the path of that alignment itself, and with
// a path that lags far behind it (the band widens until the path found is
// free of its edges). A path that does not run from 0 to m, never
// decreasing, is refused.
TEST_P(OfficialAlignmentTest, ABandAlongAGivenPathFindsTheSamePath) {
  std::vector<const Paragraph*> zh, en;
  for (int copy = 0; copy < 3; ++copy) {
    zh.insert(zh.end(), zh_.begin(), zh_.end());
    en.insert(en.end(), en_.begin(), en_.end());
  }
  AlignerOptions options;
  options.confidence = false;
  const DocumentAlignment free = AlignDocuments(zh, en, lexicon_.get(), options, false);
  std::vector<int> path(zh.size() + 1, 0);
  for (const Bead& b : free.paragraphs) {
    for (int i = b.zh_begin; i <= b.zh_end; ++i) path[static_cast<size_t>(i)] = b.en_begin;
  }
  path.back() = static_cast<int>(en.size());
  // Behind the path by half the text at its middle.
  std::vector<int> lagging = path;
  for (size_t i = 0; i + 1 < path.size(); ++i) lagging[i] = path[i / 2];
  auto spans = [](const DocumentAlignment& a) {
    std::vector<std::tuple<int, int, int, int>> out;
    for (const Bead& b : a.paragraphs) out.emplace_back(b.zh_begin, b.zh_end, b.en_begin, b.en_end);
    return out;
  };
  for (const std::vector<int>* center : {&path, &lagging}) {
    AlignerOptions along = options;
    along.center = center;
    EXPECT_EQ(spans(AlignDocuments(zh, en, lexicon_.get(), along, false)), spans(free)) << (center == &path);
  }
  std::vector<int> bad = path;
  bad[1] = bad[2] + 1;
  AlignerOptions along = options;
  along.center = &bad;
  EXPECT_THROW(AlignDocuments(zh, en, lexicon_.get(), along, false), std::invalid_argument);
}

TEST_P(OfficialAlignmentTest, ParagraphsAreExact) {
  std::vector<IndexBead> gold;
  for (const auto& row : ReadTsv(kSet + "gold/official-paragraphs.tsv")) {
    IndexBead bead;
    for (const std::string& key : SplitComma(row[0])) bead.zh.push_back(IndexOf(zh_, key));
    for (const std::string& key : SplitComma(row[1])) bead.en.push_back(IndexOf(en_, key));
    gold.push_back(bead);
  }
  std::vector<IndexBead> test;
  for (const Bead& b : result_.paragraphs) {
    IndexBead bead;
    for (int i = b.zh_begin; i < b.zh_end; ++i) bead.zh.push_back(i);
    for (int j = b.en_begin; j < b.en_end; ++j) bead.en.push_back(j);
    test.push_back(bead);
  }
  AlignmentScorer scorer;
  scorer.Add(gold, test);
  Scores s = scorer.Result();
  if (GetParam() == Lexicons::kNone) {
    // Without a lexicon only length, anchors and structure are left; the
    // cut-off tail (a truncated Chinese bullet) is where that falls short.
    EXPECT_GE(s.f1_strict, 0.9);
    return;
  }
  EXPECT_DOUBLE_EQ(s.f1_strict, 1.0);
  for (size_t k = 0; k < std::min(gold.size(), test.size()); ++k) {
    EXPECT_EQ(FormatBead(test[k]), FormatBead(gold[k])) << "bead " << k;
  }
}

// A bead as text spans: (paragraph index, byte range) on each side.
struct Span {
  int paragraph;
  size_t begin, end;
};
struct SpanBead {
  std::vector<Span> zh, en;
};

// Atomic pieces: every paragraph is cut at each span start seen in any bead.
class Pieces {
 public:
  void Cut(const Span& s) { starts_[s.paragraph].insert(s.begin); }
  std::vector<int> Of(const std::vector<Span>& spans, int side_offset) {
    std::vector<int> out;
    for (const Span& s : spans) {
      for (size_t start : starts_[s.paragraph]) {
        if (start >= s.begin && start < s.end) out.push_back(Id(s.paragraph + side_offset, start));
      }
    }
    return out;
  }

 private:
  int Id(int paragraph, size_t start) {
    auto [it, inserted] = ids_.emplace(std::make_pair(paragraph, start), static_cast<int>(ids_.size()));
    return it->second;
  }
  std::map<int, std::set<size_t>> starts_;
  std::map<std::pair<int, size_t>, int> ids_;
};

TEST_P(OfficialAlignmentTest, SentencesReachStrictF1) {
  std::vector<SpanBead> gold;
  std::map<std::pair<int, int>, size_t> cursor;  // (side, paragraph) -> search start
  std::set<int> gold_zh_paragraphs, gold_en_paragraphs;
  for (const auto& row : ReadTsv(kSet + "gold/official-sentences.tsv")) {
    ASSERT_EQ(row.size(), 4u);
    const int zp = IndexOf(zh_, row[0]), ep = IndexOf(en_, row[1]);
    gold_zh_paragraphs.insert(zp);
    gold_en_paragraphs.insert(ep);
    SpanBead bead;
    for (int side = 0; side < 2; ++side) {
      const std::string& text = side == 0 ? row[2] : row[3];
      if (text.empty()) continue;
      const int p = side == 0 ? zp : ep;
      const std::string& paragraph = (side == 0 ? zh_ : en_)[static_cast<size_t>(p)]->text;
      size_t& from = cursor[{side, p}];
      size_t at = paragraph.find(text, from);
      ASSERT_NE(at, std::string::npos) << "gold text not in paragraph: " << text;
      from = at + text.size();
      (side == 0 ? bead.zh : bead.en).push_back({p, at, at + text.size()});
    }
    gold.push_back(bead);
  }

  std::vector<SpanBead> test;
  for (const Bead& b : result_.sentences) {
    SpanBead bead;
    for (int k = b.zh_begin; k < b.zh_end; ++k) {
      const SentenceRef& r = result_.zh_sentences[static_cast<size_t>(k)];
      const Sentence& s = zh_[static_cast<size_t>(r.paragraph)]->sentences[static_cast<size_t>(r.sentence)];
      bead.zh.push_back({r.paragraph, s.begin, s.end});
    }
    for (int k = b.en_begin; k < b.en_end; ++k) {
      const SentenceRef& r = result_.en_sentences[static_cast<size_t>(k)];
      const Sentence& s = en_[static_cast<size_t>(r.paragraph)]->sentences[static_cast<size_t>(r.sentence)];
      bead.en.push_back({r.paragraph, s.begin, s.end});
    }
    // Only the paragraphs the gold covers (it leaves out the title block
    // and the English-only tail).
    const bool covered = !bead.zh.empty() ? gold_zh_paragraphs.count(bead.zh[0].paragraph) > 0
                                          : gold_en_paragraphs.count(bead.en[0].paragraph) > 0;
    if (covered) test.push_back(bead);
  }

  Pieces pieces;
  for (const auto* beads : {&gold, &test}) {
    for (const SpanBead& b : *beads) {
      for (const Span& s : b.zh) pieces.Cut(s);
      for (const Span& s : b.en) pieces.Cut({s.paragraph + 100000, s.begin, s.end});
    }
  }
  auto to_index = [&](const SpanBead& b) {
    IndexBead out;
    out.zh = pieces.Of(b.zh, 0);
    std::vector<Span> en;
    for (const Span& s : b.en) en.push_back({s.paragraph + 100000, s.begin, s.end});
    out.en = pieces.Of(en, 0);
    return out;
  };
  std::vector<IndexBead> gold_index, test_index;
  for (const SpanBead& b : gold) gold_index.push_back(to_index(b));
  for (const SpanBead& b : test) test_index.push_back(to_index(b));
  AlignmentScorer scorer;
  scorer.Add(gold_index, test_index);
  Scores s = scorer.Result();
  RecordProperty("f1_strict", std::to_string(s.f1_strict));
  std::cout << "sentence alignment: strict P " << s.precision_strict << " R " << s.recall_strict << " F1 "
            << s.f1_strict << ", lax F1 " << s.f1_lax << "\n";
  // On failure, show the test beads that gold does not have.
  std::set<std::pair<std::vector<int>, std::vector<int>>> gold_set;
  for (const IndexBead& b : gold_index) gold_set.emplace(b.zh, b.en);
  std::ostringstream misses;
  for (size_t k = 0; k < test.size(); ++k) {
    if (gold_set.count({test_index[k].zh, test_index[k].en})) continue;
    misses << "  test bead:";
    for (const Span& sp : test[k].zh)
      misses << " zh[" << zh_[static_cast<size_t>(sp.paragraph)]->text.substr(sp.begin, 24) << "]";
    for (const Span& sp : test[k].en)
      misses << " en[" << en_[static_cast<size_t>(sp.paragraph)]->text.substr(sp.begin, 40) << "]";
    misses << "\n";
  }
  // Without a lexicon, length and anchors alone cannot place every split.
  const bool lexicon = GetParam() != Lexicons::kNone;
  EXPECT_GE(s.f1_strict, lexicon ? 0.95 : 0.8) << misses.str();
  EXPECT_GE(s.f1_lax, lexicon ? 0.99 : 0.85);
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutLexicon, OfficialAlignmentTest,
                         ::testing::Values(Lexicons::kCedict, Lexicons::kCedictAndLearned, Lexicons::kNone),
                         [](const auto& param_info) {
                           switch (param_info.param) {
                             case Lexicons::kCedict:
                               return "Cedict";
                             case Lexicons::kCedictAndLearned:
                               return "CedictAndLearned";
                             default:
                               return "NoLexicon";
                           }
                         });

}  // namespace
}  // namespace bitext::align
