// End-to-end: how the `bitext` commands take their inputs. A set named file
// by file audits as its manifest does, and standard input stands for a file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "run_bitext.h"

namespace bitext {
namespace {

namespace fs = std::filesystem;

const std::string kSet = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021";
const std::string kOfficial = kSet + "/official-bilingual.txt";
const std::string kMt = kSet + "/mt-news-agency-en.txt";
// The files the set's manifest names, as options.
const std::string kSetFiles = " --bilingual " + kOfficial + " --mt " + kMt + " --titles " + kSet +
                              "/news-release-part-titles.txt --glossary " + kSet + "/glossary.tsv";

fs::path TempPath(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / "bitext_cli_inputs_test";
  fs::create_directories(dir);
  return dir / name;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

nlohmann::json ReadJson(const fs::path& path) { return nlohmann::json::parse(ReadAll(path)); }

TEST(CliInputsTest, FilesNamedOnTheCommandLineAuditAsTheirManifestDoes) {
  const fs::path by_manifest = TempPath("by-manifest"), by_files = TempPath("by-files");
  fs::remove_all(by_manifest);
  fs::remove_all(by_files);
  CommandResult manifest = Bitext("audit " + kSet + " --out " + by_manifest.string());
  ASSERT_EQ(manifest.exit_code, 1) << manifest.out;  // the bundled MT has errors
  CommandResult files = Bitext("audit" + kSetFiles + " --out " + by_files.string());
  ASSERT_EQ(files.exit_code, 1) << files.out;
  const nlohmann::json expected = ReadJson(by_manifest / "findings.json");
  ASSERT_FALSE(expected["findings"].empty());
  EXPECT_EQ(ReadJson(by_files / "findings.json"), expected);
  // Glossary findings come only from the glossary given with --glossary.
  EXPECT_NE(ReadAll(by_files / "findings.txt").find("[terminology]"), std::string::npos);
  // The set takes its name from the files' folder, as a manifest's does.
  EXPECT_EQ(ReadJson(by_files / "report.json")["set"], "whitepaper-2021");
  for (const char* name : {"report.html", "report.sarif", "junit.xml", "compare-mt-news-agency-en.json",
                           "documents/news-release-part-titles.json"}) {
    EXPECT_TRUE(fs::exists(by_files / name)) << name;
  }
  // `check` takes the same files and finds the same.
  CommandResult check = Bitext("check" + kSetFiles + " --format json");
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(check.out), expected);
}

TEST(CliInputsTest, MtsWithOneFileNameKeepTheirOwnOutputs) {
  const fs::path dir = TempPath("two-mts");
  fs::remove_all(dir);
  fs::create_directories(dir / "agency");
  fs::create_directories(dir / "draft");
  fs::copy_file(kMt, dir / "agency" / "mt.txt");
  std::ofstream(dir / "draft" / "mt.txt") << ReadAll(kMt).substr(0, 20000);  // a shorter version
  const fs::path out = dir / "out";
  CommandResult run = Bitext("audit --bilingual " + kOfficial + " --mt " + (dir / "agency" / "mt.txt").string() +
                             " --mt " + (dir / "draft" / "mt.txt").string() + " --out " + out.string());
  ASSERT_LE(run.exit_code, 1) << run.out;
  EXPECT_EQ(ReadJson(out / "compare-agency-mt.json")["mt"], (dir / "agency" / "mt.txt").string());
  EXPECT_EQ(ReadJson(out / "compare-draft-mt.json")["mt"], (dir / "draft" / "mt.txt").string());
  EXPECT_TRUE(fs::exists(out / "documents" / "agency-mt.json"));
  EXPECT_TRUE(fs::exists(out / "documents" / "draft-mt.json"));
}

TEST(CliInputsTest, ASetIsAFolderOrFilesNotBoth) {
  const std::string out = " --out " + TempPath("usage").string();
  CommandResult positional = Bitext("audit zh.txt en.txt mt.txt" + out);
  EXPECT_EQ(positional.exit_code, 2);
  EXPECT_NE(positional.out.find("--zh Z --en E"), std::string::npos) << positional.out;
  CommandResult both = Bitext("audit " + kSet + " --mt " + kMt + out);
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.out.find("not both"), std::string::npos) << both.out;
  CommandResult half = Bitext("audit --zh " + kOfficial + " --mt " + kMt + out);
  EXPECT_EQ(half.exit_code, 2);
  EXPECT_NE(half.out.find("give both --zh and --en"), std::string::npos) << half.out;
  CommandResult no_official = Bitext("audit --mt " + kMt + out);
  EXPECT_EQ(no_official.exit_code, 2);
  EXPECT_NE(no_official.out.find("missing the official text"), std::string::npos) << no_official.out;
  // Files named in a config file (which may come with someone else's set)
  // stay confined to its folder, unlike those on the command line.
  const fs::path config = TempPath("outside.ini");
  std::ofstream(config) << "mt = " << kMt << "\n";
  CommandResult confined = Bitext("audit --bilingual " + kOfficial + " --config " + config.string() + out);
  EXPECT_EQ(confined.exit_code, 2);
  EXPECT_NE(confined.out.find("must be relative to the config file's folder"), std::string::npos) << confined.out;
  CommandResult mt_only = Bitext("check --mt " + kMt);
  EXPECT_EQ(mt_only.exit_code, 2);
  EXPECT_NE(mt_only.out.find("missing the official text"), std::string::npos) << mt_only.out;
}

// The alignments start while inputs are still being read, yet a set with
// several bad inputs reports the one it would if the stages ran one after
// the other: a file that cannot be read, then an official text without
// both languages, then the glossary.
TEST(CliInputsTest, TheFirstBadInputIsReportedWhateverTheJobs) {
  const fs::path english_only = TempPath("english-only.txt");
  std::ofstream(english_only) << "Preface\n\nChina is the largest developing country in the world.\n";
  const std::string missing_mt = TempPath("no-such-mt.txt").string();
  const std::string missing_glossary = TempPath("no-such-glossary.tsv").string();
  const std::string out = " --out " + TempPath("first-bad").string() + " --no-lexicon";
  for (const char* jobs : {" --jobs 1", " --jobs 2"}) {
    CommandResult all_bad = Bitext("audit --bilingual " + english_only.string() + " --mt " + kMt + " --mt " +
                                   missing_mt + " --glossary " + missing_glossary + out + jobs);
    EXPECT_EQ(all_bad.exit_code, 2) << jobs;
    EXPECT_NE(all_bad.out.find(missing_mt + ": no such file"), std::string::npos) << all_bad.out;
    CommandResult official_bad = Bitext("audit --bilingual " + english_only.string() + " --mt " + kMt + " --glossary " +
                                        missing_glossary + out + jobs);
    EXPECT_EQ(official_bad.exit_code, 2) << jobs;
    EXPECT_NE(official_bad.out.find("has no Chinese paragraphs"), std::string::npos) << official_bad.out;
    CommandResult glossary_bad =
        Bitext("audit --bilingual " + kOfficial + " --mt " + kMt + " --glossary " + missing_glossary + out + jobs);
    EXPECT_EQ(glossary_bad.exit_code, 2) << jobs;
    EXPECT_NE(glossary_bad.out.find(missing_glossary), std::string::npos) << glossary_bad.out;
  }
}

// Each finding as it prints, with the file name left out.
std::vector<std::string> WithoutFiles(const nlohmann::json& findings) {
  std::vector<std::string> lines;
  for (nlohmann::json f : findings["findings"]) {
    for (auto& location : f["locations"]) location.erase("file");
    f.erase("fingerprint");  // it covers the file name
    lines.push_back(f.dump());
  }
  return lines;
}

TEST(CliInputsTest, StandardInputStandsForOneFile) {
  CommandResult from_file = Bitext("check --bilingual " + kOfficial + " --mt " + kMt + " --format json");
  CommandResult from_stdin = Bitext("check --bilingual " + kOfficial + " --mt - --format json < " + kMt);
  ASSERT_EQ(from_stdin.exit_code, 1) << from_stdin.out;
  const nlohmann::json file_findings = nlohmann::json::parse(from_file.out);
  const nlohmann::json stdin_findings = nlohmann::json::parse(from_stdin.out);
  ASSERT_FALSE(stdin_findings["findings"].empty());
  EXPECT_EQ(WithoutFiles(stdin_findings), WithoutFiles(file_findings));
  bool names_stdin = false;  // MT findings name standard input "-"
  for (const auto& f : stdin_findings["findings"]) {
    for (const auto& location : f["locations"]) names_stdin |= location["file"] == "-";
  }
  EXPECT_TRUE(names_stdin);

  const fs::path out = TempPath("stdin-audit");
  fs::remove_all(out);
  CommandResult audit = Bitext("audit --bilingual " + kOfficial + " --mt - --out " + out.string() + " < " + kMt);
  ASSERT_EQ(audit.exit_code, 1) << audit.out;
  EXPECT_EQ(ReadJson(out / "compare-stdin.json")["mt"], "-");
  EXPECT_EQ(WithoutFiles(ReadJson(out / "findings.json")), WithoutFiles(file_findings));

  CommandResult inspect = Bitext("inspect --format json - < " + kOfficial);
  ASSERT_EQ(inspect.exit_code, 0) << inspect.out;
  EXPECT_EQ(nlohmann::json::parse(inspect.out)["paragraphs"].size(), 47u);
}

TEST(CliInputsTest, StandardInputIsReadOnce) {
  for (const std::string& args :
       std::vector<std::string>{"audit --zh - --en - --out " + TempPath("twice").string(), "check --bilingual - --mt -",
                                "compare --bilingual - --mt=-", "score - -"}) {
    CommandResult run = Bitext(args + " < " + kOfficial);
    EXPECT_EQ(run.exit_code, 2) << args;
    EXPECT_NE(run.out.find("standard input ('-') can be read only once"), std::string::npos) << args << run.out;
  }
  CommandResult empty = Bitext("inspect - < /dev/null");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.out.find("-: file is empty"), std::string::npos) << empty.out;
}

const char* const kCommands[] = {"inspect", "align", "check", "compare", "score", "metrics", "audit", "batch", "merge"};

TEST(CliInputsTest, HelpCommandIsTheCommandsHelp) {
  for (const std::string command : kCommands) {
    CommandResult help = Bitext("help " + command), option = Bitext(command + " --help");
    EXPECT_EQ(help.exit_code, 0) << command << ": " << help.out;
    EXPECT_EQ(option.exit_code, 0) << command;
    EXPECT_EQ(help.out, option.out) << command;
    const std::string usage = help.out.substr(0, help.out.find('\n'));
    EXPECT_TRUE(usage.starts_with("usage: bitext " + command + " ")) << usage;
    EXPECT_TRUE(usage.ends_with(" [options]")) << usage;
    EXPECT_NE(help.out.find("-h [ --help ]"), std::string::npos) << command;
  }
  EXPECT_EQ(Bitext("help").exit_code, 0);
  CommandResult unknown = Bitext("help frobnicate");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.out.find("unknown command 'frobnicate'"), std::string::npos);
}

TEST(CliInputsTest, CheckPrintsTheAuditsSarifAndJunit) {
  const fs::path out = TempPath("check-formats");
  fs::remove_all(out);
  ASSERT_EQ(Bitext("audit" + kSetFiles + " --out " + out.string()).exit_code, 1);
  CommandResult sarif = Bitext("check" + kSetFiles + " --format sarif");
  EXPECT_EQ(sarif.exit_code, 1);
  const nlohmann::json log = nlohmann::json::parse(sarif.out);
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_FALSE(log["runs"][0]["results"].empty());
  EXPECT_EQ(log, ReadJson(out / "report.sarif"));
  CommandResult junit = Bitext("check" + kSetFiles + " --format junit");
  EXPECT_EQ(junit.exit_code, 1);
  // The audit names its suite after the set, check "bitext check".
  std::string expected = ReadAll(out / "junit.xml");
  for (size_t at; (at = expected.find("\"whitepaper-2021\"")) != std::string::npos;) {
    expected.replace(at, 17, "\"bitext check\"");
  }
  EXPECT_NE(expected.find("<failure"), std::string::npos);
  EXPECT_EQ(junit.out, expected);
  CommandResult bad = Bitext("check --bilingual " + kOfficial + " --format html");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("--format must be text, json, sarif or junit"), std::string::npos) << bad.out;
}

// What `bitext ARGS` prints on stderr (stdout is dropped).
std::string StderrOf(const std::string& args) {
  const std::string command = std::string(BITEXT_BINARY) + " " + args + " 2>&1 >/dev/null";
  std::string err;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "(could not run)";
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) err.append(buffer, n);
  pclose(pipe);
  return err;
}

TEST(CliInputsTest, QuietPrintsNothingOnStderrAndVerboseShowsTheStages) {
  const fs::path dir = TempPath("quiet");
  fs::remove_all(dir);
  fs::create_directories(dir);
  // Inputs that make each command say something on stderr when not quiet.
  const std::string gb18030 = (dir / "gb18030.txt").string();  // "中华人民共和国国务院新闻办公室" x 3
  std::ofstream(gb18030) << std::string(
      "\xD6\xD0\xBB\xAA\xC8\xCB\xC3\xF1\xB9\xB2\xBA\xCD\xB9\xFA\xB9\xFA\xCE\xF1\xD4\xBA\xD0\xC2\xCE\xC5\xB0\xEC"
      "\xB9\xAB\xCA\xD2\n");
  const std::string beads = (dir / "beads.txt").string();
  std::ofstream(beads) << "[0]:[0]\n[1]:[1]\n";
  const std::string segments = (dir / "segments.txt").string();
  std::ofstream(segments) << "The cat sat on the mat.\nA dog ran in the park.\n";
  const std::string baseline = (dir / "baseline.json").string();
  ASSERT_EQ(Bitext("check --bilingual " + kOfficial + " --write-baseline " + baseline).exit_code, 1);
  const std::string sets = std::string(BITEXT_CORPUS_DIR) + "/kicad-pl-editor";

  EXPECT_NE(StderrOf("inspect " + gb18030), "");
  EXPECT_NE(StderrOf("check --bilingual " + kOfficial + " --baseline " + baseline), "");
  EXPECT_NE(StderrOf("batch " + sets + " --out " + (dir / "batch-loud").string()), "");
  const std::string stages = StderrOf("audit " + kSet + " --verbose --out " + (dir / "audit-loud").string());
  for (const char* stage : {"ingest: 3 files", "align: ", "compare: 1 MT versions", "check: ", "write: "}) {
    EXPECT_NE(stages.find(stage), std::string::npos) << stage << " in " << stages;
  }
  // Without --verbose, an audit whose stderr is not a terminal shows no progress.
  EXPECT_EQ(StderrOf("audit " + kSet + " --out " + (dir / "audit-plain").string()), "");

  const std::vector<std::string> commands = {
      "inspect " + gb18030,
      "align --bilingual " + kOfficial,
      "check --bilingual " + kOfficial + " --baseline " + baseline,
      "compare --bilingual " + kOfficial + " --mt " + kMt,
      "score " + beads + " " + beads,
      "metrics --hyp " + segments + " --ref " + segments,
      "audit " + kSet + " --out " + (dir / "audit").string(),
      "batch " + sets + " --shard 1/1 --out " + (dir / "batch").string(),
      "merge " + (dir / "batch").string() + " --out " + (dir / "merged").string(),
  };
  for (const std::string& command : commands) {
    EXPECT_EQ(StderrOf(command + " --quiet"), "") << command;
  }
  CommandResult both = Bitext("inspect " + kOfficial + " --quiet --verbose");
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.out.find("give --quiet or --verbose, not both"), std::string::npos) << both.out;
}

}  // namespace
}  // namespace bitext
