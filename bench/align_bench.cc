// Aligner benchmark: builds a synthetic parallel text of N units a side from
// the gold sentence pairs of the bundled official text (sampled with a fixed
// seed, with 2% of units dropped on each side and 5% of English units split
// in two, so the answer is known), aligns it, and prints one JSON line:
// units, seconds, units per second and strict/lax F1. Peak memory is
// measured from outside (scripts/bench-align.sh).
//
//   align_bench --units 100000 [--lexicon cedict_ts.u8] [--corpus DIR]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "aligner.h"
#include "decode.h"
#include "evaluation.h"
#include "lexicon.h"
#include "units.h"

namespace {

using bitext::align::IndexBead;

struct Pair {
  std::string zh, en;
};

std::vector<Pair> ReadPairs(const std::string& path) {
  std::ifstream in(path);
  std::vector<Pair> pairs;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream fields(line);
    std::string col;
    while (std::getline(fields, col, '\t')) cols.push_back(col);
    if (cols.size() == 4 && !cols[2].empty() && !cols[3].empty()) pairs.push_back({cols[2], cols[3]});
  }
  return pairs;
}

struct Synthetic {
  std::vector<std::string> zh, en;
  std::vector<IndexBead> gold;
};

Synthetic Generate(const std::vector<Pair>& pairs, int units, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<size_t> pick(0, pairs.size() - 1);
  std::uniform_real_distribution<double> coin(0, 1);
  Synthetic s;
  for (int k = 0; k < units; ++k) {
    const Pair& p = pairs[pick(rng)];
    const double r = coin(rng);
    IndexBead bead;
    if (r < 0.02) {  // English dropped
      bead.zh.push_back(static_cast<int>(s.zh.size()));
      s.zh.push_back(p.zh);
    } else if (r < 0.04) {  // Chinese dropped
      bead.en.push_back(static_cast<int>(s.en.size()));
      s.en.push_back(p.en);
    } else {
      bead.zh.push_back(static_cast<int>(s.zh.size()));
      s.zh.push_back(p.zh);
      const size_t comma = p.en.find(", ", p.en.size() / 3);
      if (r < 0.09 && comma != std::string::npos && comma < p.en.size() * 2 / 3) {
        bead.en = {static_cast<int>(s.en.size()), static_cast<int>(s.en.size()) + 1};
        s.en.push_back(p.en.substr(0, comma + 1));
        s.en.push_back(p.en.substr(comma + 2));
      } else {
        bead.en.push_back(static_cast<int>(s.en.size()));
        s.en.push_back(p.en);
      }
    }
    s.gold.push_back(bead);
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  int units = 1000;
  std::string lexicon_path, corpus = BITEXT_CORPUS_DIR;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--units"))
      units = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--lexicon"))
      lexicon_path = argv[i + 1];
    else if (!std::strcmp(argv[i], "--corpus"))
      corpus = argv[i + 1];
  }
  const std::vector<Pair> pairs = ReadPairs(corpus + "/whitepaper-2021/gold/official-sentences.tsv");
  if (pairs.empty()) {
    std::cerr << "align_bench: no gold pairs under " << corpus << "\n";
    return 2;
  }
  std::unique_ptr<bitext::align::Lexicon> lexicon;
  if (!lexicon_path.empty()) {
    lexicon = std::make_unique<bitext::align::Lexicon>(
        bitext::align::Lexicon::FromCedict(bitext::ReadText(lexicon_path, bitext::DecodeOptions{"UTF-8", false}).text));
  }
  const Synthetic doc = Generate(pairs, units, 20210110);

  const auto start = std::chrono::steady_clock::now();
  bitext::align::LexicalSpace space(lexicon.get());
  std::vector<bitext::align::AlignUnit> zh, en;
  zh.reserve(doc.zh.size());
  en.reserve(doc.en.size());
  for (const std::string& t : doc.zh) zh.push_back(space.MakeZh(t));
  for (const std::string& t : doc.en) en.push_back(space.MakeEn(t));
  const auto features = std::chrono::steady_clock::now();
  const std::vector<bitext::align::Bead> beads =
      bitext::align::AlignUnits(zh, en, space, bitext::align::AlignerOptions{});
  const auto end = std::chrono::steady_clock::now();

  std::vector<IndexBead> test;
  for (const auto& b : beads) {
    IndexBead ib;
    for (int i = b.zh_begin; i < b.zh_end; ++i) ib.zh.push_back(i);
    for (int j = b.en_begin; j < b.en_end; ++j) ib.en.push_back(j);
    test.push_back(ib);
  }
  bitext::align::AlignmentScorer scorer;
  scorer.Add(doc.gold, test);
  const bitext::align::Scores s = scorer.Result();
  const double seconds = std::chrono::duration<double>(end - start).count();
  const double feature_seconds = std::chrono::duration<double>(features - start).count();
  std::printf(
      "{\"units_zh\":%zu,\"units_en\":%zu,\"lexicon\":%s,\"seconds\":%.3f,\"feature_seconds\":%.3f,"
      "\"units_per_second\":%.0f,\"f1_strict\":%.4f,\"f1_lax\":%.4f}\n",
      doc.zh.size(), doc.en.size(), lexicon ? "true" : "false", seconds, feature_seconds,
      (doc.zh.size() + doc.en.size()) / seconds, s.f1_strict, s.f1_lax);
  return 0;
}
