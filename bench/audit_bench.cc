// Writes a document set SCALE times the size of the bundled whitepaper-2021
// set, for timing `bitext audit` end to end (scripts/bench.sh). Copy k of
// each file has the digits of its numbers shifted by the digits of k
// (k = 123: 2021 becomes 5234, 2702亿 and 270.2 billion become 5915亿 and
// 591.5 billion) and opens with a part heading ("第k部分" / "Part k"), so the
// Chinese and English stay parallel while no two copies of the official
// text are alike. In the MT, one word in six is replaced
// by another word of the file (a fixed seed) and one paragraph in fifty is
// left out, so the MT is a noisy, incomplete rendering, as real ones are.
// Prints one JSON line: scale, bytes and lines written.
//
//   audit_bench --scale 100 --out /tmp/set-100 [--corpus DIR]
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Digit j of each number (digits joined by '.' or ',' count as one number)
// is shifted by decimal digit j mod 3 of k: copies up to 1000 differ in
// every number of three digits or more.
std::string ShiftDigits(const std::string& text, int k) {
  std::string out = text;
  const int shifts[3] = {k % 10, k / 10 % 10, k / 100 % 10};
  int j = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      const bool joins =
          (c == '.' || c == ',') && j > 0 && i + 1 < out.size() && std::isdigit(static_cast<unsigned char>(out[i + 1]));
      if (!joins) j = 0;
      continue;
    }
    c = static_cast<char>('0' + (c - '0' + shifts[j % 3]) % 10);
    ++j;
  }
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// One word in six replaced by a word drawn from `vocabulary`, one line in
// fifty dropped; blank lines kept so blocks stay blocks.
std::string Perturb(const std::vector<std::string>& lines, const std::vector<std::string>& vocabulary,
                    std::mt19937& rng) {
  std::string out;
  for (const std::string& line : lines) {
    if (line.empty()) {
      out += "\n";
      continue;
    }
    if (rng() % 50 == 0) continue;
    std::istringstream words(line);
    std::string edited;
    for (std::string w; words >> w;) {
      edited += (edited.empty() ? "" : " ") + (rng() % 6 == 0 ? vocabulary[rng() % vocabulary.size()] : w);
    }
    out += edited + "\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int scale = 1;
  std::string out_dir, corpus = BITEXT_CORPUS_DIR;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--scale"))
      scale = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--out"))
      out_dir = argv[i + 1];
    else if (!std::strcmp(argv[i], "--corpus"))
      corpus = argv[i + 1];
  }
  if (out_dir.empty() || scale < 1) {
    std::fprintf(stderr, "usage: audit_bench --scale N --out DIR [--corpus DIR]\n");
    return 2;
  }
  const std::string set = corpus + "/whitepaper-2021/";
  const std::string official = ReadFile(set + "official-bilingual.txt");
  const std::string mt = ReadFile(set + "mt-news-agency-en.txt");
  const std::vector<std::string> mt_lines = Lines(mt);
  std::vector<std::string> vocabulary;
  for (const std::string& line : mt_lines) {
    std::istringstream words(line);
    for (std::string w; words >> w;) vocabulary.push_back(w);
  }

  std::filesystem::create_directories(out_dir);
  std::ofstream official_out(out_dir + "/official-bilingual.txt", std::ios::binary);
  std::ofstream mt_out(out_dir + "/mt-news-agency-en.txt", std::ios::binary);
  std::mt19937 rng(20210110);
  for (int k = 0; k < scale; ++k) {
    const std::string part = std::to_string(k + 1);
    official_out << "Part " << part << "\n\n第" << part << "部分\n\n" << ShiftDigits(official, k) << "\n\n";
    mt_out << "Part " << part << "\n\n" << ShiftDigits(Perturb(mt_lines, vocabulary, rng), k) << "\n";
  }
  official_out.close();
  mt_out.close();
  std::filesystem::copy_file(set + "news-release-part-titles.txt", out_dir + "/news-release-part-titles.txt",
                             std::filesystem::copy_options::overwrite_existing);
  std::filesystem::copy_file(set + "glossary.tsv", out_dir + "/glossary.tsv",
                             std::filesystem::copy_options::overwrite_existing);
  std::ofstream(out_dir + "/manifest") << "name = whitepaper-2021-x" << scale
                                       << "\nbilingual = official-bilingual.txt\nmt = mt-news-agency-en.txt\n"
                                          "titles = news-release-part-titles.txt\nglossary = glossary.tsv\n";
  uintmax_t bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out_dir)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  std::printf("{\"scale\": %d, \"bytes\": %ju}\n", scale, bytes);
  return 0;
}
