// MT <-> official English alignment benchmark. The hypothesis is N
// paragraphs sampled (fixed seed) from the bundled MT file, each made unique
// by replacing a third of its words with words drawn from the whole file
// (a long document does not repeat a few hundred paragraphs); the reference
// renders the middle 80% of them, each with a fifth of its words dropped and
// one paragraph in fifty left out, so the answer is known. Prints one JSON
// line: paragraphs, seconds, paragraphs per second, and the share of
// reference paragraphs paired with the right hypothesis paragraph.
//
//   compare_bench --paragraphs 100000 [--corpus DIR]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "document.h"
#include "monolingual.h"

int main(int argc, char** argv) {
  int count = 1000;
  std::string corpus = BITEXT_CORPUS_DIR;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--paragraphs"))
      count = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--corpus"))
      corpus = argv[i + 1];
  }
  const bitext::Document mt = bitext::LoadDocument(corpus + "/whitepaper-2021/mt-news-agency-en.txt", {});
  std::vector<std::string> pool;
  for (const bitext::Paragraph& p : mt.paragraphs) {
    if (p.kind == bitext::Kind::kBody || p.kind == bitext::Kind::kBullet) pool.push_back(p.text);
  }
  std::vector<std::string> vocabulary;
  for (const std::string& p : pool) {
    std::istringstream words(p);
    for (std::string w; words >> w;) vocabulary.push_back(w);
  }
  std::mt19937 rng(20210110);
  std::vector<std::string> hyp_text, ref_text;
  std::vector<int> ref_source;  // hypothesis index each reference paragraph renders
  for (int k = 0; k < count; ++k) {
    std::istringstream words(pool[rng() % pool.size()]);
    std::string text;
    for (std::string w; words >> w;) {
      text += (text.empty() ? "" : " ") + (rng() % 3 == 0 ? vocabulary[rng() % vocabulary.size()] : w);
    }
    hyp_text.push_back(text);
  }
  for (int k = count / 10; k < count - count / 10; ++k) {
    if (rng() % 50 == 0) continue;
    std::istringstream words(hyp_text[static_cast<size_t>(k)]);
    std::string word, edited;
    while (words >> word) {
      if (rng() % 5 != 0) edited += (edited.empty() ? "" : " ") + word;
    }
    ref_text.push_back(edited);
    ref_source.push_back(k);
  }

  const auto start = std::chrono::steady_clock::now();
  std::vector<bitext::align::MonolingualUnit> ref, hyp;
  for (const std::string& t : ref_text) ref.emplace_back(t);
  for (const std::string& t : hyp_text) hyp.emplace_back(t);
  const bitext::align::MonolingualAlignment a = bitext::align::AlignMonolingual(ref, hyp);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  int right = 0;
  for (const auto& b : a.beads) {
    if (b.ref_end - b.ref_begin == 1 && b.hyp_end - b.hyp_begin == 1 &&
        ref_source[static_cast<size_t>(b.ref_begin)] == b.hyp_begin) {
      ++right;
    }
  }
  std::printf(
      "{\"paragraphs\":%d,\"reference\":%zu,\"seconds\":%.3f,\"paragraphs_per_second\":%.0f,"
      "\"correct_pairs\":%.4f}\n",
      count, ref.size(), seconds, (count + ref.size()) / seconds,
      static_cast<double>(right) / static_cast<double>(ref.size()));
  return 0;
}
