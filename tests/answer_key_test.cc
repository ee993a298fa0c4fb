// The whole catalogue on the bundled corpus against an answer key written by
// reading the MT file end to end and the official text
// (gold/defects.tsv: file, line, rule). A finding counts as true when the
// key has the same rule at the same line of the same file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "check_set.h"
#include "checks.h"
#include "decode.h"
#include "glossary.h"
#include "manifest.h"

namespace bitext {
namespace {

const std::string kSet = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/";

using Key = std::tuple<std::string, int, std::string>;  // file name, line, rule

TEST(AnswerKeyTest, RecallAndPrecisionOfTheCatalogue) {
  std::set<Key> gold;
  std::ifstream in(kSet + "gold/defects.tsv");
  ASSERT_TRUE(in);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream fields(line);
    for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
    ASSERT_GE(cols.size(), 3u) << line;
    gold.emplace(cols[0], std::stoi(cols[1]), cols[2]);
  }
  const Document official = LoadDocument(kSet + "official-bilingual.txt", {});
  const Document mt = LoadDocument(kSet + "mt-news-agency-en.txt", {});
  std::unique_ptr<align::Lexicon> lexicon;
  if (std::ifstream(BITEXT_DEFAULT_LEXICON)) {
    lexicon = std::make_unique<align::Lexicon>(
        align::Lexicon::FromCedict(ReadText(BITEXT_DEFAULT_LEXICON, {"UTF-8", false}).text));
  }
  // As the audit runs the set: with the glossary its manifest names.
  const Glossary glossary = ReadGlossary(ReadManifest(kSet).glossary);
  CheckConfig config;
  config.glossary = &glossary;
  const std::vector<Finding> findings = CheckDocumentSet({&official}, {&mt}, lexicon.get(), config);

  std::set<Key> found;
  for (const Finding& f : findings) {
    const Location& l = f.locations.front();
    found.emplace(std::filesystem::path(l.file).filename().string(), l.line, f.rule);
  }
  int true_findings = 0;
  std::string false_ones, missed;
  for (const Key& k : found) {
    if (gold.count(k))
      ++true_findings;
    else
      false_ones += "  " + std::get<0>(k) + ":" + std::to_string(std::get<1>(k)) + " " + std::get<2>(k) + "\n";
  }
  for (const Key& k : gold) {
    if (!found.count(k))
      missed += "  " + std::get<0>(k) + ":" + std::to_string(std::get<1>(k)) + " " + std::get<2>(k) + "\n";
  }
  const double recall = static_cast<double>(true_findings) / gold.size();
  const double precision = static_cast<double>(true_findings) / found.size();
  std::cout << "answer key: " << gold.size() << " defects, " << found.size() << " findings, recall " << recall
            << ", precision " << precision << "\nmissed:\n"
            << missed << "not in the key:\n"
            << false_ones;
  // Every defect of the key found, and at least 95% of the findings true.
  EXPECT_EQ(recall, 1.0) << missed;
  EXPECT_GE(precision, 0.95) << false_ones;
}

}  // namespace
}  // namespace bitext
