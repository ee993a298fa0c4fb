// End-to-end: the `bitext` executable on real and bad inputs, checking exit
// codes, that errors name the file, and that JSON output parses.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "folder_lock.h"
#include "lexicon.h"
#include "run_bitext.h"

namespace bitext {
namespace {

namespace fs = std::filesystem;

std::string TempFile(const std::string& name, const std::string& bytes) {
  fs::path dir = fs::path(::testing::TempDir()) / "bitext_cli_test";
  fs::create_directories(dir);
  fs::path path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

const std::string kOfficial = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/official-bilingual.txt";

TEST(CliTest, InspectJsonHasEveryParagraph) {
  CommandResult run = Bitext("inspect --format json " + kOfficial);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  nlohmann::json j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["encoding"], "UTF-8");
  int zh = 0, en = 0;
  for (const auto& p : j["paragraphs"]) {
    zh += p["lang"] == "zh";
    en += p["lang"] == "en";
    EXPECT_TRUE(p.contains("lines") && p.contains("kind") && p.contains("sentences"));
  }
  EXPECT_EQ(zh, 22);  // gold: corpus/whitepaper-2021/gold/official-paragraphs.tsv
  EXPECT_EQ(en, 25);
}

TEST(CliTest, InspectTextShowsTheOutline) {
  CommandResult run = Bitext("inspect " + kOfficial);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("Outline"), std::string::npos);
  EXPECT_NE(run.out.find("[cjk-paren 2, level 2]"), std::string::npos);
}

struct BadInput {
  const char* name;
  std::string bytes;  // empty name: use `path` as is
};

TEST(CliTest, BadInputsExitWithTwoAndNameTheFile) {
  const std::vector<BadInput> cases = {
      {"empty.txt", ""},
      {"blank.txt", " \n\t\n\xE3\x80\x80\n"},
      {"invalid-utf8.txt", "第一行。\n第二行\x80。\n" + std::string(40, 'x')},
      {"nul.txt", std::string("text\0more text\n", 15)},
      {"image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)},
  };
  for (const BadInput& c : cases) {
    std::string path = TempFile(c.name, c.bytes);
    CommandResult run = Bitext("inspect " + path);
    EXPECT_EQ(run.exit_code, 2) << c.name << ": " << run.out;
    EXPECT_NE(run.out.find(path), std::string::npos) << c.name << ": " << run.out;
  }
  CommandResult missing = Bitext("inspect /nonexistent/file.txt");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.out.find("/nonexistent/file.txt"), std::string::npos);
  CommandResult directory = Bitext("inspect " + std::string(BITEXT_CORPUS_DIR));
  EXPECT_EQ(directory.exit_code, 2);
  CommandResult usage = Bitext("inspect");
  EXPECT_EQ(usage.exit_code, 2);
  CommandResult unknown = Bitext("frobnicate");
  EXPECT_EQ(unknown.exit_code, 2);
}

TEST(CliTest, InvalidUtf8ReportsLineAndByteOffset) {
  const std::string before_bad_byte = "第一行文字。\n第二行 ";
  std::string path = TempFile("bad-line2.txt", before_bad_byte + "\xC3(行\n");
  CommandResult run = Bitext("inspect " + path);
  EXPECT_EQ(run.exit_code, 2);
  const std::string where = path + ":2 (byte offset " + std::to_string(before_bad_byte.size()) + ")";
  EXPECT_NE(run.out.find(where), std::string::npos) << run.out;
  CommandResult lenient = Bitext("inspect --lenient --format json " + path);
  EXPECT_EQ(lenient.exit_code, 0) << lenient.out;
  EXPECT_NE(lenient.out.find("U+FFFD"), std::string::npos);
}

TEST(CliTest, AuditWritesItsReportsAndGatesOnFindings) {
  fs::path out = fs::path(::testing::TempDir()) / "bitext_cli_audit";
  fs::remove_all(out);
  const std::string set = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021";
  // The bundled MT has real errors (a repeated section, a repetition loop):
  // the default --fail-on error exits 1; a disabled gate would need none.
  CommandResult run = Bitext("audit " + set + " --out " + out.string());
  ASSERT_EQ(run.exit_code, 1) << run.out;
  for (const char* name : {"summary.txt", "findings.txt", "findings.json", "aligned.tmx", "aligned.tsv", "aligned.xlf",
                           "compare-mt-news-agency-en.json", "report.sarif", "junit.xml", "report.md", "report.html"}) {
    EXPECT_TRUE(fs::exists(out / name)) << name;
  }
  std::ifstream tmx(out / "aligned.tmx");
  std::string text((std::istreambuf_iterator<char>(tmx)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("<tmx version=\"1.4\">"), std::string::npos);
  EXPECT_NE(text.find("<tuv xml:lang=\"zh-CN\"><seg>前言</seg></tuv>"), std::string::npos);
  EXPECT_EQ(Bitext("audit " + set + " --out " + out.string() + " --fail-on banana").exit_code, 2);

  // aligned.tsv: a byte order mark for spreadsheets, a header, and the MT
  // paragraph that renders each pair's official paragraph. The preface's
  // first paragraph is line 50 of the MT (its first copy).
  std::ifstream tsv_file(out / "aligned.tsv", std::ios::binary);
  const std::string tsv((std::istreambuf_iterator<char>(tsv_file)), std::istreambuf_iterator<char>());
  EXPECT_EQ(tsv.rfind("\xEF\xBB\xBFzh\ten\ttype\tconfidence\tmt:mt-news-agency-en\n", 0), 0u) << tsv.substr(0, 80);
  std::ifstream mt_file(std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/mt-news-agency-en.txt");
  std::string mt_line;
  for (int n = 0; n < 50; ++n) std::getline(mt_file, mt_line);
  ASSERT_EQ(mt_line.rfind("China is the largest developing country", 0), 0u) << mt_line;
  for (const std::string sentence :
       {"中国是世界上最大的发展中国家。\tChina is the largest developing country in the world.",
        "中华人民共和国成立以来，"}) {
    const size_t row = tsv.find("\n" + sentence);
    ASSERT_NE(row, std::string::npos) << sentence;
    const std::string line = tsv.substr(row + 1, tsv.find('\n', row + 1) - row - 1);
    EXPECT_EQ(line.substr(line.rfind('\t') + 1), mt_line) << line;
  }

  // report.json carries what reports/report.schema.json requires.
  std::ifstream report_file(out / "report.json"),
      schema_file(std::string(BITEXT_SOURCE_DIR) + "/reports/report.schema.json");
  const nlohmann::json report = nlohmann::json::parse(report_file), schema = nlohmann::json::parse(schema_file);
  EXPECT_EQ(report["schema_version"], schema["properties"]["schema_version"]["const"]);
  for (const auto& key : schema["required"]) EXPECT_TRUE(report.contains(key.get<std::string>())) << key;
  for (const auto& key : schema["properties"]["inputs"]["items"]["required"]) {
    EXPECT_TRUE(report["inputs"][0].contains(key.get<std::string>())) << key;
  }
  for (const auto& key : schema["properties"]["findings"]["items"]["required"]) {
    EXPECT_TRUE(report["findings"][0].contains(key.get<std::string>())) << key;
  }
  EXPECT_TRUE(fs::exists(out / "documents" / "official-bilingual.json"));
  EXPECT_TRUE(fs::exists(out / "documents" / "mt-news-agency-en.json"));
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    EXPECT_EQ(entry.path().string().find(".tmp."), std::string::npos) << entry.path();
  }
}

// An audit into a folder that a running batch, merge or audit is writing
// into fails at once, exit 2, and says which kind of run holds the folder,
// its process, and what to do. The test holds the lock as that run does.
TEST(CliTest, AuditIntoALockedFolderNamesTheRunThatHoldsIt) {
  const fs::path root = fs::path(::testing::TempDir()) / "bitext_cli_locked";
  fs::remove_all(root);
  fs::create_directories(root);
  const fs::path out = root / "out";
  const std::string audit = "audit --no-lexicon " + std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021 --out " +
                            out.string();
  const std::string what_to_do = " is writing into this folder; wait for it to finish or give another --out";
  for (const std::string command : {"batch", "merge", "audit"}) {
    const FolderLock held(out.string(), command);
    const CommandResult run = Bitext(audit);
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_NE(run.out.find("bitext: error: " + out.string() + ": a running bitext " + command + " (process " +
                           std::to_string(getpid()) + ")" + what_to_do),
              std::string::npos)
        << run.out;
    EXPECT_FALSE(fs::exists(out / "report.json"));
  }
  {
    // A lock file that names no run (its holder has not written it yet, or
    // it holds something else, not echoed): the run is not named.
    const fs::path lock_path = root / ".out.lock";
    std::ofstream(lock_path) << "batch \x1b[2J\n";
    const int lock = open(lock_path.c_str(), O_RDWR);
    ASSERT_GE(lock, 0);
    ASSERT_EQ(flock(lock, LOCK_EX), 0);
    const CommandResult run = Bitext(audit);
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_NE(run.out.find(out.string() + ": another bitext run" + what_to_do), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find('\x1b'), std::string::npos) << run.out;
    close(lock);
    fs::remove(lock_path);
  }
  // Released: the audit writes, and its lock file is gone when it ends.
  EXPECT_EQ(Bitext(audit).exit_code, 1);
  EXPECT_TRUE(fs::exists(out / "report.json"));
  EXPECT_FALSE(fs::exists(root / ".out.lock"));
}

TEST(CliTest, AlignLinesWritesVecalignBeadsThatScore) {
  // Pre-segmented input, one unit per line: the beads must be in the format
  // vecalign's and Bertalign's scorers read, and score 1.0 against
  // themselves with `bitext score`.
  std::string zh = TempFile("zh.txt", "前言\n中国是世界上最大的发展中国家。\n2013年至2018年，中国援助了122个国家。\n");
  std::string en = TempFile("en.txt",
                            "Preface\nChina is the largest developing country in the world.\n"
                            "From 2013 to 2018, China provided aid to 122 countries.\n");
  CommandResult run = Bitext("align --units lines --zh " + zh + " --en " + en + " --format beads");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  std::string beads;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] == '[') beads += line + "\n";
  }
  EXPECT_EQ(beads, "[0]:[0]\n[1]:[1]\n[2]:[2]\n");
  std::string file = TempFile("test.align", beads);
  CommandResult score = Bitext("score " + file + " " + file);
  ASSERT_EQ(score.exit_code, 0) << score.out;
  EXPECT_NE(score.out.find("strict: precision 1.000 recall 1.000 F1 1.000"), std::string::npos) << score.out;
}

TEST(CliTest, AlignLinesTakesAMachineTranslationOfTheChinese) {
  std::string zh = TempFile("mt-zh.txt", "前言\n中国是世界上最大的发展中国家。\n2013年至2018年，中国援助了122个国家。\n");
  std::string en = TempFile("mt-en.txt",
                            "Preface\nChina is the largest developing country in the world.\n"
                            "From 2013 to 2018, China provided aid to 122 countries.\n");
  std::string mt = TempFile("mt-mt.txt",
                            "Foreword\nChina is the world's largest developing country.\n"
                            "From 2013 to 2018, China aided 122 countries.\n");
  CommandResult run = Bitext("align --units lines --format json --zh " + zh + " --en " + en + " --zh-mt " + mt);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  nlohmann::json j = nlohmann::json::parse(run.out.substr(run.out.find('{')));
  ASSERT_EQ(j["beads"].size(), 3u) << run.out;
  const nlohmann::json& evidence = j["beads"][1]["evidence"];
  EXPECT_NE(evidence.dump().find("machine translation"), std::string::npos) << evidence.dump();

  // One MT line short: an input error naming the MT file, nothing written.
  std::string short_mt = TempFile("mt-short.txt", "Foreword\nChina is the world's largest developing country.\n");
  CommandResult mismatch = Bitext("align --units lines --zh " + zh + " --en " + en + " --zh-mt " + short_mt);
  EXPECT_EQ(mismatch.exit_code, 2) << mismatch.out;
  EXPECT_NE(mismatch.out.find(short_mt), std::string::npos) << mismatch.out;
  EXPECT_NE(mismatch.out.find("has 2 units"), std::string::npos) << mismatch.out;
  EXPECT_EQ(mismatch.out.find("[0]:[0]"), std::string::npos) << mismatch.out;

  // An MT for each --zh, and only for one unit per line.
  EXPECT_EQ(Bitext("align --units lines --zh " + zh + " --en " + en + " --zh-mt " + mt + " --zh-mt " + mt).exit_code,
            2);
  EXPECT_EQ(Bitext("align --zh " + zh + " --en " + en + " --zh-mt " + mt).exit_code, 2);
}

TEST(CliTest, AlignJsonCarriesLinesScoresAndEvidence) {
  CommandResult run = Bitext("align --bilingual " + kOfficial + " --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  nlohmann::json j = nlohmann::json::parse(run.out.substr(run.out.find('{')));
  ASSERT_FALSE(j["beads"].empty());
  const auto& first = j["beads"][0];
  EXPECT_EQ(first["zh"], nlohmann::json::array({0}));
  EXPECT_EQ(first["zh_lines"], nlohmann::json::array({5, 5}));  // the Chinese title line
  EXPECT_EQ(first["en_lines"], nlohmann::json::array({3, 3}));
  EXPECT_TRUE(first.contains("score") && first.contains("evidence"));
  // The confidence is calibrated from the posterior, monotonely: a bead the
  // paths agree on entirely is confident.
  ASSERT_TRUE(first.contains("posterior"));
  EXPECT_GE(first["posterior"].get<double>(), 0.0);
  EXPECT_LE(first["posterior"].get<double>(), 1.0);
}

TEST(CliTest, AlignTsvHasAHeaderAndABomOnRequest) {
  const std::string header = "zh\ten\ttype\tconfidence\n";
  const std::string bom = "\xEF\xBB\xBF";
  CommandResult plain = Bitext("align --no-lexicon --bilingual " + kOfficial + " --format tsv");
  ASSERT_EQ(plain.exit_code, 0) << plain.out;
  const size_t at = plain.out.find(header);
  ASSERT_NE(at, std::string::npos) << plain.out.substr(0, 200);
  EXPECT_EQ(plain.out.find(bom), std::string::npos);  // stdout goes to tools: no BOM unless asked
  // The row after the header is the first bead: the Chinese title, then its English.
  const std::string title = "新时代的中国国际发展合作(上)\t";
  EXPECT_EQ(plain.out.compare(at + header.size(), title.size(), title), 0) << plain.out.substr(at, 200);
  CommandResult marked = Bitext("align --no-lexicon --bilingual " + kOfficial + " --format tsv --tsv-bom");
  ASSERT_EQ(marked.exit_code, 0) << marked.out;
  EXPECT_NE(marked.out.find(bom + header), std::string::npos);
  EXPECT_EQ(Bitext("align --no-lexicon --bilingual " + kOfficial + " --format tsv --tsv-bom --no-tsv-bom").exit_code,
            2);
}

TEST(CliTest, AuditWritesAlignedTsvWithoutBomOnRequest) {
  const fs::path set = fs::path(::testing::TempDir()) / "bitext_cli_tsv_set";
  const fs::path out = fs::path(::testing::TempDir()) / "bitext_cli_tsv_out";
  fs::remove_all(set);
  fs::remove_all(out);
  fs::create_directories(set);
  std::ofstream(set / "manifest") << "name = tsv\nzh = zh.txt\nen = en.txt\n";
  std::ofstream(set / "zh.txt") << "前言\n\n中国是世界上最大的发展中国家。\n";
  std::ofstream(set / "en.txt") << "Preface\n\nChina is the largest developing country in the world.\n";
  CommandResult run = Bitext("audit " + set.string() + " --out " + out.string() + " --no-tsv-bom");
  ASSERT_LE(run.exit_code, 1) << run.out;
  std::ifstream file(out / "aligned.tsv", std::ios::binary);
  const std::string tsv((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  // No MT in the set: no MT column.
  std::vector<std::string> lines;
  std::istringstream in(tsv);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 3u) << tsv;
  EXPECT_EQ(lines[0], "zh\ten\ttype\tconfidence");
  EXPECT_EQ(lines[1].rfind("前言\tPreface\t1-1\t", 0), 0u) << lines[1];
  EXPECT_EQ(
      lines[2].rfind("中国是世界上最大的发展中国家。\tChina is the largest developing country in the world.\t1-1\t", 0),
      0u)
      << lines[2];
  EXPECT_EQ(Bitext("audit " + set.string() + " --out " + out.string() + " --tsv-bom --no-tsv-bom").exit_code, 2);
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

// --jobs runs side by side the MT versions' alignments beside the official
// one, each comparison's steps, each document's checks and the report
// writers: every output file must be the same, byte for byte, as with one
// thread (summary.txt names the output folder, so it is compared with the
// folder's name replaced).
TEST(CliTest, AuditOutputsDoNotDependOnJobs) {
  const fs::path set = fs::path(::testing::TempDir()) / "bitext_cli_jobs_set";
  const fs::path one = fs::path(::testing::TempDir()) / "bitext_cli_jobs_1";
  const fs::path two = fs::path(::testing::TempDir()) / "bitext_cli_jobs_2";
  for (const fs::path& dir : {set, one, two}) fs::remove_all(dir);
  fs::create_directories(set);
  const fs::path corpus = fs::path(BITEXT_CORPUS_DIR) / "whitepaper-2021";
  for (const char* name :
       {"official-bilingual.txt", "mt-news-agency-en.txt", "news-release-part-titles.txt", "glossary.tsv"}) {
    fs::copy_file(corpus / name, set / name);
  }
  // A second MT version: the first one without every third paragraph.
  std::istringstream mt(ReadBytes(corpus / "mt-news-agency-en.txt"));
  std::ofstream shorter(set / "mt-shorter.txt", std::ios::binary);
  int paragraph = 0;
  for (std::string line; std::getline(mt, line);) {
    if (line.empty()) ++paragraph;
    if (paragraph % 3 != 2) shorter << line << "\n";
  }
  shorter.close();
  std::ofstream(set / "manifest")
      << "name = jobs\nbilingual = official-bilingual.txt\nmt = mt-news-agency-en.txt\n"
         "mt = mt-shorter.txt\ntitles = news-release-part-titles.txt\nglossary = glossary.tsv\n";
  const CommandResult run_one = Bitext("audit " + set.string() + " --out " + one.string() + " --jobs 1 --no-lexicon");
  const CommandResult run_two = Bitext("audit " + set.string() + " --out " + two.string() + " -j 2 --no-lexicon");
  ASSERT_EQ(run_one.exit_code, 1) << run_one.out;
  ASSERT_EQ(run_two.exit_code, 1) << run_two.out;
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(one)) {
    if (!entry.is_regular_file()) continue;
    const fs::path relative = fs::relative(entry.path(), one);
    std::string expected = ReadBytes(entry.path());
    if (relative == "summary.txt") {
      for (size_t at; (at = expected.find(one.string())) != std::string::npos;)
        expected.replace(at, one.string().size(), two.string());
    }
    EXPECT_EQ(ReadBytes(two / relative), expected) << relative;
    ++files;
  }
  EXPECT_GE(files, 15u);  // the reports, two comparisons and four documents
  EXPECT_TRUE(fs::exists(two / "compare-mt-shorter.json"));

  for (const char* jobs : {"0", "1025", "two"}) {
    const CommandResult bad = Bitext("audit " + set.string() + " --out " + two.string() + " --jobs " + jobs);
    EXPECT_EQ(bad.exit_code, 2) << jobs;
    EXPECT_NE(bad.out.find("--jobs wants a whole number from 1 to 1024"), std::string::npos) << bad.out;
  }
  // The number of threads is the machine's business, not the set's.
  std::ofstream(set / "bitext.ini") << "jobs = 2\n";
  const CommandResult from_ini = Bitext("audit " + set.string() + " --out " + two.string() + " --no-lexicon");
  EXPECT_EQ(from_ini.exit_code, 2) << from_ini.out;
  EXPECT_NE(from_ini.out.find("\"jobs\" is taken from the command line only"), std::string::npos) << from_ini.out;
}

// The report is the same on one thread and two for a Chinese and an
// English file, and for one file named in both roles (read once, listed
// twice, its document written once).
TEST(CliTest, AuditOfFilePairsDoesNotDependOnJobs) {
  const fs::path corpus = fs::path(BITEXT_CORPUS_DIR);
  const std::string pair = (corpus / "install-guide-ch03" / "zh.txt").string() + " --en " +
                           (corpus / "install-guide-ch03" / "en.txt").string();
  const std::string bilingual = (corpus / "whitepaper-2021" / "official-bilingual.txt").string();
  const std::string mt = (corpus / "whitepaper-2021" / "mt-news-agency-en.txt").string();
  for (const std::string& official : {pair, bilingual + " --en " + bilingual}) {
    std::string reports[2];
    for (int jobs : {1, 2}) {
      const fs::path out = fs::path(::testing::TempDir()) / ("bitext_cli_pair_jobs_" + std::to_string(jobs));
      fs::remove_all(out);
      const CommandResult run = Bitext("audit --zh " + official + " --mt " + mt + " --out " + out.string() +
                                       " --no-lexicon --jobs " + std::to_string(jobs));
      ASSERT_LE(run.exit_code, 1) << run.out;
      reports[jobs - 1] = ReadBytes(out / "report.json");
    }
    EXPECT_EQ(reports[0], reports[1]) << official;
    const nlohmann::json report = nlohmann::json::parse(reports[1]);
    ASSERT_EQ(report["inputs"].size(), 3u);
    EXPECT_EQ(report["inputs"][0]["role"], "official zh");
    EXPECT_EQ(report["inputs"][1]["role"], "official en");
    EXPECT_EQ(report["inputs"][0]["fnv1a64"] == report["inputs"][1]["fnv1a64"], official != pair) << official;
    EXPECT_FALSE(report["comparisons"][0]["rows"].empty()) << official;
  }
}

// `check` runs its alignments, comparisons and checks on --jobs threads:
// the findings of two MT versions are the same on one thread and on two.
TEST(CliTest, CheckFindingsDoNotDependOnJobs) {
  const fs::path corpus = fs::path(BITEXT_CORPUS_DIR) / "whitepaper-2021";
  const fs::path shorter_path = fs::path(::testing::TempDir()) / "bitext_cli_check_jobs_mt.txt";
  std::istringstream mt(ReadBytes(corpus / "mt-news-agency-en.txt"));
  std::ofstream shorter(shorter_path, std::ios::binary);
  int paragraph = 0;
  for (std::string line; std::getline(mt, line);) {
    if (line.empty()) ++paragraph;
    if (paragraph % 3 != 2) shorter << line << "\n";
  }
  shorter.close();
  const std::string args = "check --bilingual " + (corpus / "official-bilingual.txt").string() + " --mt " +
                           (corpus / "mt-news-agency-en.txt").string() + " --mt " + shorter_path.string() +
                           " --titles " + (corpus / "news-release-part-titles.txt").string() + " --format json";
  const CommandResult one = Bitext(args + " --jobs 1");
  const CommandResult two = Bitext(args + " -j 2");
  ASSERT_EQ(one.exit_code, 1) << one.out;
  ASSERT_EQ(two.exit_code, 1) << two.out;
  EXPECT_NE(one.out.find(shorter_path.string()), std::string::npos);  // findings of the second MT
  EXPECT_EQ(one.out, two.out);
}

// `compare` too: its rows and scores on one thread and on two.
TEST(CliTest, CompareOutputDoesNotDependOnJobs) {
  const fs::path corpus = fs::path(BITEXT_CORPUS_DIR) / "whitepaper-2021";
  const std::string args = "compare --bilingual " + (corpus / "official-bilingual.txt").string() + " --mt " +
                           (corpus / "mt-news-agency-en.txt").string() + " --format json";
  const CommandResult one = Bitext(args + " --jobs 1");
  const CommandResult two = Bitext(args + " -j 2");
  ASSERT_EQ(one.exit_code, 0) << one.out;
  ASSERT_EQ(two.exit_code, 0) << two.out;
  EXPECT_NE(one.out.find("\"ter\""), std::string::npos);  // scored
  EXPECT_EQ(one.out, two.out);
  // Its rows are written value by value, laid out as the tree prints.
  EXPECT_EQ(one.out, nlohmann::json::parse(one.out).dump(2) + "\n");
}

// A compiled lexicon beside its text (X.bin beside X.u8) is loaded only while
// it was compiled from exactly that text; one from other text is ignored and
// the text parsed, and nothing is written beside the lexicon.
TEST(CliTest, CompiledLexiconIsUsedOnlyForItsOwnText) {
  const fs::path dir = fs::path(::testing::TempDir()) / "bitext_cli_lexicon";
  fs::remove_all(dir);
  fs::create_directories(dir / "text");
  fs::create_directories(dir / "beside");
  const std::string real = "發展 发展 [fa1 zhan3] /development/to develop/\n國家 国家 [guo2 jia1] /country/nation/\n";
  const std::string other = "發展 发展 [fa1 zhan3] /banana/\n國家 国家 [guo2 jia1] /turnip/\n";
  std::ofstream(dir / "text" / "real.u8", std::ios::binary) << real;
  std::ofstream(dir / "text" / "other.u8", std::ios::binary) << other;
  const std::string zh = TempFile("lex_zh.txt", "国家发展。\n第二段。\n");
  const std::string en = TempFile("lex_en.txt", "The country develops.\nA second paragraph.\n");
  auto align = [&](const fs::path& lexicon) {
    CommandResult run =
        Bitext("align --units lines --format json --zh " + zh + " --en " + en + " --lexicon " + lexicon.string());
    EXPECT_EQ(run.exit_code, 0) << run.out;
    return run.out;
  };
  const std::string with_real = align(dir / "text" / "real.u8");
  const std::string with_other = align(dir / "text" / "other.u8");
  ASSERT_NE(with_real, with_other);  // the two lexicons are told apart
  EXPECT_EQ(std::distance(fs::directory_iterator(dir / "text"), fs::directory_iterator()), 2);  // nothing written

  // A binary compiled from the other text, beside the real one: ignored.
  fs::copy_file(dir / "text" / "real.u8", dir / "beside" / "real.u8");
  ASSERT_EQ(
      Bitext("lexicon compile " + (dir / "text" / "other.u8").string() + " " + (dir / "beside" / "real.bin").string())
          .exit_code,
      0);
  EXPECT_EQ(align(dir / "beside" / "real.u8"), with_real);

  // The other entries keyed to the real text: loaded, so a valid binary is used.
  std::ofstream(dir / "beside" / "real.bin", std::ios::binary | std::ios::trunc)
      << align::Lexicon::FromCedict(other).ToBinary(align::Lexicon::TextKey(real));
  EXPECT_EQ(align(dir / "beside" / "real.u8"), with_other);

  // Compiled from the real text: the same alignment as parsing it.
  ASSERT_EQ(
      Bitext("lexicon compile " + (dir / "beside" / "real.u8").string() + " " + (dir / "beside" / "real.bin").string())
          .exit_code,
      0);
  EXPECT_EQ(align(dir / "beside" / "real.u8"), with_real);
}

TEST(CliTest, ScoreRejectsMalformedBeads) {
  std::string bad = TempFile("bad.align", "[0]:[0]\n[x]:[1]\n");
  CommandResult run = Bitext("score " + bad + " " + bad);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("line 2"), std::string::npos) << run.out;
  // An index past what an int holds is refused, not wrapped to a match.
  std::string huge = TempFile("huge.align", "[0]:[0]\n[1]:[4294967296]\n");
  std::string zero = TempFile("zero.align", "[0]:[0]\n[1]:[0]\n");
  run = Bitext("score " + zero + " " + huge);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find(huge + ": line 2: expected \"[i,j]:[k]\" with indexes from 0 to 2147483647"),
            std::string::npos)
      << run.out;
}

TEST(CliTest, ConfigFileSetsRuleOptionsAndTheCommandLineWins) {
  const std::string official = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/official-bilingual.txt";
  // The official text alone has errors (its two cut ends, a stray space in
  // a heading) and a warning.
  EXPECT_EQ(Bitext("check --bilingual " + official).exit_code, 1);
  const std::string quiet =
      TempFile("quiet.ini",
               "# bitext.ini\ndisable = truncated-paragraph\ndisable = garbled-heading\nfail-on = error\n"
               "severity = repeated-token=info\n");
  CommandResult run = Bitext("check --config " + quiet + " --bilingual " + official);
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(run.out.find("[truncated-paragraph]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("info: doubled character"), std::string::npos) << run.out;
  EXPECT_EQ(Bitext("check --config " + quiet + " --fail-on info --bilingual " + official).exit_code, 1);
  const std::string bad = TempFile("bad.ini", "frobnicate = 1\n");
  CommandResult error = Bitext("check --config " + bad + " --bilingual " + official);
  EXPECT_EQ(error.exit_code, 2);
  EXPECT_NE(error.out.find(bad), std::string::npos) << error.out;
  // A placeholder in an option's name would make the option parser's
  // message loop forever: refused first, with the line.
  const std::string placeholder = TempFile("placeholder.ini", "fail-on = error\noption '%canonical_option%' = 1\n");
  CommandResult refused = Bitext("check --config " + placeholder + " --bilingual " + official);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.out.find(placeholder + ":2"), std::string::npos) << refused.out;
}

TEST(CliTest, BaselineSuppressesAcceptedFindings) {
  const std::string official = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/official-bilingual.txt";
  const std::string baseline = (fs::path(::testing::TempDir()) / "baseline.json").string();
  fs::remove(baseline);
  CommandResult first = Bitext("check --bilingual " + official + " --write-baseline " + baseline);
  EXPECT_EQ(first.exit_code, 1) << first.out;
  ASSERT_TRUE(fs::exists(baseline));
  CommandResult again = Bitext("check --bilingual " + official + " --baseline " + baseline);
  EXPECT_EQ(again.exit_code, 0) << again.out;  // every finding was accepted
  EXPECT_NE(again.out.find("accepted by the baseline"), std::string::npos);
  const std::string broken = TempFile("broken-baseline.json", "{not json");
  EXPECT_EQ(Bitext("check --bilingual " + official + " --baseline " + broken).exit_code, 2);
}

TEST(CliTest, InputsAreNeverModified) {
  auto before = fs::last_write_time(kOfficial);
  auto size = fs::file_size(kOfficial);
  Bitext("inspect " + kOfficial);
  EXPECT_EQ(fs::last_write_time(kOfficial), before);
  EXPECT_EQ(fs::file_size(kOfficial), size);
}

}  // namespace
}  // namespace bitext
