// End-to-end: `bitext batch` and `bitext merge` on a generated folder of
// small document sets, one of them broken, running the real executable.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "folder_lock.h"
#include "run_bitext.h"

namespace bitext {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

const fs::path kCorpus = fs::path(BITEXT_CORPUS_DIR) / "whitepaper-2021";

// The first `lines` lines of the bundled MT.
std::string MtPrefix(int lines) {
  std::istringstream in(Read(kCorpus / "mt-news-agency-en.txt"));
  std::string out, line;
  for (int i = 0; i < lines && std::getline(in, line); ++i) out += line + "\n";
  return out;
}

constexpr int kSets = 8;  // set-1 ... set-8
constexpr const char* kBroken = "set-3";
constexpr const char* kHostile = "set-5";  // its manifest name is markup

// Small sets: the official text and part of the MT; set-3's manifest names
// an MT file that is not there. Each test has its own folder: ctest may run
// them at once.
fs::path MakeSets() {
  const fs::path root =
      fs::path(::testing::TempDir()) /
      ("bitext_batch_sets_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  fs::remove_all(root);
  for (int i = 1; i <= kSets; ++i) {
    const std::string name = "set-" + std::to_string(i);
    const fs::path dir = root / name;
    Write(dir / "official-bilingual.txt", Read(kCorpus / "official-bilingual.txt"));
    Write(dir / "mt.txt", MtPrefix(15 + 5 * i));
    const std::string display = name == kHostile ? "<script>alert(1)</script>" : name;
    Write(dir / "manifest", "name = " + display + "\nbilingual = official-bilingual.txt\nmt = " +
                                (name == kBroken ? "missing.txt" : "mt.txt") + "\n");
  }
  Write(root / ".hidden" / "notes.txt", "not a set\n");
  return root;
}

fs::path OutDir(const std::string& name) {
  const fs::path out = fs::path(::testing::TempDir()) / ("bitext_batch_" + name);
  fs::remove_all(out);
  return out;
}

json Summary(const fs::path& out) { return json::parse(Read(out / "summary.json")); }

// summary.json without what depends on the machine's speed.
json WithoutTimings(json summary) {
  summary.erase("seconds");
  for (json& set : summary["sets"]) set.erase("seconds");
  return summary;
}

const std::string kBatch = "batch --no-lexicon --jobs 2 ";

TEST(BatchTest, AuditsEverySetReportsTheBrokenOneAndTotalsTheRest) {
  const fs::path sets = MakeSets();
  const fs::path out = OutDir("all");
  CommandResult run = Bitext(kBatch + sets.string() + " --out " + out.string());
  EXPECT_EQ(run.exit_code, 2) << run.out;  // an input error outranks findings
  EXPECT_NE(run.out.find("set-3/missing.txt"), std::string::npos) << run.out;
  // Not a terminal: plain progress lines, the last one complete.
  EXPECT_NE(run.out.find("bitext batch: 8/8 sets"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("errors 1"), std::string::npos) << run.out;

  const json summary = Summary(out);
  ASSERT_EQ(summary["sets"].size(), static_cast<size_t>(kSets)) << summary.dump(1);
  std::map<std::string, int> totals;
  for (const json& set : summary["sets"]) {
    const std::string dir = set["dir"];
    if (dir == kBroken) {
      EXPECT_EQ(set["status"], "error");
      EXPECT_EQ(set["exit_code"], 2);
      EXPECT_NE(set["error"].get<std::string>().find("does not exist"), std::string::npos) << set["error"];
      continue;
    }
    EXPECT_TRUE(set["error"].is_null());
    // The batch's counts are the set's own report's counts.
    const json report = json::parse(Read(out / dir / "report.json"));
    for (const char* severity : {"error", "warning", "info"}) {
      EXPECT_EQ(set["counts"][severity], report["counts"][severity]) << dir << " " << severity;
      totals[severity] += set["counts"][severity].get<int>();
    }
    EXPECT_TRUE(fs::exists(out / dir / "report.html")) << dir;
    EXPECT_EQ(set["coverage"].size(), 1u);
  }
  for (const char* severity : {"error", "warning", "info"}) {
    EXPECT_EQ(summary["totals"]["counts"][severity], totals[severity]) << severity;
  }
  EXPECT_EQ(summary["totals"]["error"], 1);
  EXPECT_EQ(summary["exit_code"], 2);

  // One SARIF run with every set's results; the broken set as a notification.
  const json sarif = json::parse(Read(out / "report.sarif"));
  ASSERT_EQ(sarif["runs"].size(), 1u);
  const json& run0 = sarif["runs"][0];
  EXPECT_EQ(static_cast<int>(run0["results"].size()), totals["error"] + totals["warning"] + totals["info"]);
  EXPECT_EQ(run0["invocations"][0]["executionSuccessful"], false);
  EXPECT_EQ(run0["results"][0]["properties"]["documentSet"], "set-1");

  const std::string junit = Read(out / "junit.xml");
  size_t suites = 0;
  for (size_t at = junit.find("<testsuite "); at != std::string::npos; at = junit.find("<testsuite ", at + 1)) ++suites;
  EXPECT_EQ(suites, static_cast<size_t>(kSets));
  EXPECT_NE(junit.find("<error message="), std::string::npos);

  const std::string index = Read(out / "index.html");
  EXPECT_EQ(index.find("<script>alert"), std::string::npos);
  EXPECT_NE(index.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(index.find("href=\"set-1/report.html\""), std::string::npos);
  EXPECT_NE(Read(out / "summary.md").find("## Input errors (1)"), std::string::npos);
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    EXPECT_EQ(entry.path().string().find(".tmp."), std::string::npos) << entry.path();
  }
}

TEST(BatchTest, ShardsPartitionTheSetsAndTheirMergeEqualsTheUnshardedBatch) {
  const fs::path sets = MakeSets();
  const fs::path whole = OutDir("whole");
  ASSERT_EQ(Bitext(kBatch + "--quiet " + sets.string() + " --out " + whole.string()).exit_code, 2);

  // Three shards: every set in exactly one.
  std::vector<std::string> shard_dirs;
  std::multiset<std::string> seen;
  for (int k = 1; k <= 3; ++k) {
    const fs::path out = OutDir("shard" + std::to_string(k));
    const std::string shard = std::to_string(k) + "/3";
    CommandResult run = Bitext(kBatch + sets.string() + " --shard " + shard + " --out " + out.string());
    EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 1 || run.exit_code == 2) << run.out;
    const json summary = Summary(out);
    EXPECT_EQ(summary["shard"], shard);
    EXPECT_EQ(summary["sets_total"], kSets);
    for (const json& set : summary["sets"]) seen.insert(set["dir"].get<std::string>());
    shard_dirs.push_back(out.string());
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(kSets));
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), static_cast<size_t>(kSets));

  const fs::path merged = OutDir("merged");
  CommandResult merge =
      Bitext("merge " + shard_dirs[2] + " " + shard_dirs[0] + " " + shard_dirs[1] + " --out " + merged.string());
  EXPECT_EQ(merge.exit_code, 2) << merge.out;  // the batch's exit code: set-3 is broken
  EXPECT_EQ(WithoutTimings(Summary(merged)), WithoutTimings(Summary(whole)));
  for (const char* name : {"report.sarif", "junit.xml", "summary.md", "index.html"}) {
    EXPECT_EQ(Read(merged / name), Read(whole / name)) << name;
  }
  EXPECT_EQ(Read(merged / "set-1" / "report.sarif"), Read(whole / "set-1" / "report.sarif"));

  // A missing shard, or one given twice, is an error.
  CommandResult partial = Bitext("merge " + shard_dirs[0] + " --out " + OutDir("partial").string());
  EXPECT_EQ(partial.exit_code, 2);
  EXPECT_NE(partial.out.find("a shard is missing"), std::string::npos) << partial.out;
  EXPECT_EQ(Bitext("merge " + shard_dirs[0] + " " + shard_dirs[0] + " --out " + OutDir("twice").string()).exit_code, 2);
  EXPECT_EQ(Bitext("merge /nonexistent --out " + OutDir("none").string()).exit_code, 2);
}

TEST(BatchTest, ExitCodesFollowTheWorstSet) {
  const fs::path sets = MakeSets();
  fs::remove_all(sets / kBroken);
  const fs::path out = OutDir("findings");
  // The bundled text has errors: every set fails at the default --fail-on.
  CommandResult run = Bitext(kBatch + "--quiet " + sets.string() + " --out " + out.string());
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_EQ(run.out.find("bitext batch:"), std::string::npos) << run.out;  // --quiet

  // One set named by its manifest file, another by a list of folders.
  const fs::path list = sets / "list.txt";
  Write(list, "# sets to audit\nset-2\n\nset-4\n");
  const fs::path listed = OutDir("listed");
  ASSERT_EQ(Bitext(kBatch + (sets / "set-1" / "manifest").string() + " " + list.string() + " --out " + listed.string())
                .exit_code,
            1);
  const json summary = Summary(listed);
  ASSERT_EQ(summary["sets"].size(), 3u);
  EXPECT_EQ(summary["sets"][0]["dir"], "set-1");
  EXPECT_EQ(summary["sets"][2]["dir"], "set-4");

  // A shard with no sets is clean.
  for (int k = 1; k <= 40; ++k) {
    const fs::path shard = OutDir("empty");
    CommandResult r =
        Bitext(kBatch + "--quiet " + sets.string() + " --shard " + std::to_string(k) + "/40 --out " + shard.string());
    if (Summary(shard)["sets"].empty()) {
      EXPECT_EQ(r.exit_code, 0) << r.out;
      break;
    }
  }
}

TEST(BatchTest, EachSetReadsItsOwnBitextIni) {
  const fs::path sets = MakeSets();
  fs::remove_all(sets / kBroken);
  Write(sets / "set-2" / "bitext.ini", "disable = numbering-sequence\n");
  Write(sets / "set-4" / "bitext.ini", "fail-on = banana\n");
  const fs::path out = OutDir("ini");
  CommandResult run = Bitext(kBatch + "--quiet " + sets.string() + " --out " + out.string());
  EXPECT_EQ(run.exit_code, 2) << run.out;
  const json summary = Summary(out);  // kept alive: the loop reads into it
  for (const json& set : summary["sets"]) {
    const std::string dir = set["dir"];
    EXPECT_EQ(set["rules"].contains("numbering-sequence"), dir != "set-2" && dir != "set-4") << dir;
    if (dir == "set-4") {
      EXPECT_NE(set["error"].get<std::string>().find("set-4/bitext.ini:1: fail-on takes error, warning or info"),
                std::string::npos)
          << set["error"];
    }
  }
}

// Every file under `dir` (paths relative to it) with its bytes.
std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = Read(entry.path());
  }
  return files;
}

// A batch or a merge locks its --out for the whole run (flock on ".NAME.lock"
// beside it, as an audit does): a second one into the same folder fails at
// once, exit 2, names the batch that holds the folder and leaves the first
// one's output as it was. The test holds the lock as a running batch holds it.
TEST(BatchTest, SecondBatchOrMergeIntoTheSameFolderFailsWhileTheFirstWrites) {
  const fs::path sets = MakeSets();
  const fs::path out = OutDir("locked");
  const std::string set1 = (sets / "set-1").string(), set2 = (sets / "set-2").string();
  ASSERT_EQ(Bitext(kBatch + "--quiet " + set1 + " --out " + out.string()).exit_code, 1);
  const std::map<std::string, std::string> before = Snapshot(out);
  ASSERT_TRUE(before.count("summary.json"));
  const fs::path lock_path = out.parent_path() / ("." + out.filename().string() + ".lock");
  EXPECT_FALSE(fs::exists(lock_path));  // removed when the batch ended
  {
    const FolderLock held(out.string(), "batch");
    const std::string holder = "a running bitext batch (process " + std::to_string(getpid()) + ")";
    for (const std::string& command : {kBatch + set1, kBatch + set2, "merge " + out.string()}) {
      CommandResult run = Bitext(command + " --out " + out.string());
      EXPECT_EQ(run.exit_code, 2) << command << "\n" << run.out;
      EXPECT_NE(run.out.find("bitext: error: " + out.string() + ": " + holder +
                             " is writing into this folder; wait for it to finish or give another --out"),
                std::string::npos)
          << command << "\n"
          << run.out;
    }
    CommandResult audit = Bitext("audit --no-lexicon " + set1 + " --out " + out.string());
    EXPECT_EQ(audit.exit_code, 2) << audit.out;
    EXPECT_NE(audit.out.find(out.string() + ": " + holder + " is writing into this folder"), std::string::npos)
        << audit.out;
    EXPECT_EQ(Snapshot(out), before);
  }
  // Released: the next batch writes, and takes and removes the lock file.
  ASSERT_EQ(Bitext(kBatch + "--quiet " + set2 + " --out " + out.string()).exit_code, 1);
  EXPECT_EQ(Summary(out)["sets"][0]["dir"], "set-2");
  EXPECT_FALSE(fs::exists(lock_path));
}

// The number N in "note: OUTPUT: N character(s) XML cannot hold", or -1.
long XmlNote(const std::string& text, const std::string& output) {
  const std::string note = output + ": ";
  for (size_t at = text.find(note); at != std::string::npos; at = text.find(note, at + 1)) {
    size_t end = at + note.size();
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    if (end > at + note.size() && text.compare(end, 29, " character(s) XML cannot hold") == 0) {
      return std::stol(text.substr(at + note.size(), end - at - note.size()));
    }
  }
  return -1;
}

// U+FFFE in a set's name and in a broken set's error: XML cannot hold it, so
// the merged junit.xml and index.html hold U+FFFD instead, and the batch (and
// a merge of it) says how many, as a set's own summary does for its reports.
TEST(BatchTest, MergedReportsSayWhatXmlCouldNotHold) {
  const fs::path sets = MakeSets();
  const std::string nonchar = "\xEF\xBF\xBE", fffd = "\xEF\xBF\xBD";
  Write(sets / "set-2" / "manifest", "name = set" + nonchar + "2\nbilingual = official-bilingual.txt\nmt = mt.txt\n");
  Write(sets / "set-3" / "manifest", "bilingual = official-bilingual.txt\nmt = missing" + nonchar + ".txt\n");
  const fs::path out = OutDir("xml");
  CommandResult run =
      Bitext(kBatch + (sets / "set-2").string() + " " + (sets / "set-3").string() + " --out " + out.string());
  EXPECT_EQ(run.exit_code, 2) << run.out;
  const long in_set = XmlNote(Read(out / "set-2" / "summary.txt"), "junit.xml");
  ASSERT_GT(in_set, 0) << Read(out / "set-2" / "summary.txt");
  const std::string junit = Read(out / "junit.xml"), index = Read(out / "index.html");
  for (const std::string* merged : {&junit, &index}) {
    EXPECT_EQ(merged->find(nonchar), std::string::npos);
    EXPECT_NE(merged->find("set" + fffd + "2"), std::string::npos);
    EXPECT_NE(merged->find("missing" + fffd + ".txt"), std::string::npos);
  }
  EXPECT_EQ(std::system(("xmllint --noout " + (out / "junit.xml").string()).c_str()), 0);
  // junit.xml: set-2's suite as it wrote it, and set-3's error; index.html:
  // set-2's name and set-3's error, once each.
  EXPECT_EQ(XmlNote(run.out, "junit.xml"), in_set + 1) << run.out;
  EXPECT_EQ(XmlNote(run.out, "index.html"), 2) << run.out;
  EXPECT_NE(run.out.find("note: junit.xml: "), std::string::npos) << run.out;
  EXPECT_EQ(XmlNote(Read(out / "summary.md"), "junit.xml"), in_set + 1);
  const json summary = Summary(out);
  EXPECT_EQ(summary["xml_replaced"]["junit.xml"], in_set + 1);
  EXPECT_EQ(summary["sets"][0]["xml_replaced"]["junit.xml"], in_set);
  // A merge of the batch reads set-2's count from summary.json.
  const fs::path merged = OutDir("xml-merged");
  CommandResult merge = Bitext("merge " + out.string() + " --out " + merged.string());
  EXPECT_EQ(merge.exit_code, 2) << merge.out;
  EXPECT_EQ(XmlNote(merge.out, "junit.xml"), in_set + 1) << merge.out;
  EXPECT_EQ(XmlNote(merge.out, "index.html"), 2) << merge.out;
  EXPECT_EQ(Read(merged / "junit.xml"), junit);
}

TEST(BatchTest, UsageErrorsExitWithTwo) {
  const fs::path sets = MakeSets();
  const std::string out = " --out " + OutDir("usage").string();
  EXPECT_EQ(Bitext("batch " + sets.string()).exit_code, 2);  // no --out
  EXPECT_EQ(Bitext("batch" + out).exit_code, 2);             // no sets
  EXPECT_EQ(Bitext("batch /nonexistent/sets" + out).exit_code, 2);
  EXPECT_EQ(Bitext("batch " + sets.string() + " --shard 3/2" + out).exit_code, 2);
  EXPECT_EQ(Bitext("batch " + sets.string() + " --shard x" + out).exit_code, 2);
  EXPECT_EQ(Bitext("batch " + sets.string() + " --fail-on banana" + out).exit_code, 2);
  EXPECT_EQ(Bitext("batch " + sets.string() + " --write-baseline b.json" + out).exit_code, 2);
  EXPECT_EQ(Bitext("merge" + out).exit_code, 2);
  // Numbers that overflow an int are refused, not wrapped.
  for (const char* shard : {"1/99999999999", "4294967297/4294967298", "0/3", "+1/2", "1/2/3", "1/"}) {
    CommandResult run = Bitext("batch " + sets.string() + " --shard " + shard + out);
    EXPECT_EQ(run.exit_code, 2) << shard;
    EXPECT_NE(run.out.find("--shard"), std::string::npos) << run.out;
  }
  for (const char* jobs : {"-1", "0", "4294967297", "2x"}) {
    CommandResult run = Bitext("batch " + sets.string() + " --jobs " + jobs + out);
    EXPECT_EQ(run.exit_code, 2) << jobs;
    EXPECT_NE(run.out.find("--jobs wants a whole number from 1 to 1024"), std::string::npos) << run.out;
  }
}

// A shard's summary.json may come from another machine: merge checks it
// before it copies a folder or writes a link.
TEST(BatchTest, MergeRefusesAMalformedSummary) {
  const fs::path sets = MakeSets();
  const fs::path shard = OutDir("shard-good");
  ASSERT_EQ(Bitext(kBatch + "--quiet " + (sets / "set-1").string() + " --out " + shard.string()).exit_code, 1);
  const json good = Summary(shard);
  struct Case {
    const char* name;
    std::function<void(json&)> spoil;
    std::string message;
  };
  const Case cases[] = {
      {"parent", [](json& s) { s["sets"][0]["dir"] = "../../payload"; },
       "set 1 of \"sets\": \"dir\" must be a plain folder name"},
      {"slash", [](json& s) { s["sets"][0]["dir"] = "set-1/x"; }, "\"dir\" must be a plain folder name"},
      {"scheme", [](json& s) { s["sets"][0]["dir"] = "javascript:alert(document.domain)//"; },
       "\"dir\" must be a plain folder name"},
      {"report", [](json& s) { s["sets"][0]["reports"][0] = "javascript:alert(1)"; },
       "\"reports\" holds something other"},
      {"exit", [](json& s) { s["sets"][0]["exit_code"] = 300; }, "\"exit_code\" must be 0, 1 or 2"},
      {"status", [](json& s) { s["sets"][0]["status"] = "pass"; }, "\"status\" does not match"},
      {"counts", [](json& s) { s["sets"][0]["counts"]["error"] = -1; }, "\"counts\" lacks whole"},
      {"index", [](json& s) { s["sets"][0]["index"] = 4294967296.5; }, "\"index\" is not a whole number"},
      {"replaced",
       [](json& s) {
         s["sets"][0]["xml_replaced"] = {{"../junit.xml", 1}};
       },
       "\"xml_replaced\" holds something other"},
      {"replaced-count",
       [](json& s) {
         s["sets"][0]["xml_replaced"] = {{"junit.xml", -1}};
       },
       "\"xml_replaced\" holds something other"},
      {"sets", [](json& s) { s["sets"] = "x"; }, "\"sets\" missing or of the wrong type"},
      {"entry", [](json& s) { s["sets"][0] = 1; }, "set 1 of \"sets\": is not an object"},
      {"version", [](json& s) { s["schema_version"] = 2; }, "not a batch summary of schema_version 1"},
  };
  for (const Case& c : cases) {
    const fs::path spoiled = OutDir(std::string("shard-") + c.name);
    fs::copy(shard, spoiled, fs::copy_options::recursive);
    json summary = good;
    c.spoil(summary);
    Write(spoiled / "summary.json", summary.dump(2));
    const fs::path merged = OutDir(std::string("merged-") + c.name);
    CommandResult run = Bitext("merge " + spoiled.string() + " --out " + merged.string());
    EXPECT_EQ(run.exit_code, 2) << c.name << run.out;
    EXPECT_NE(run.out.find("bitext: error: " + (spoiled / "summary.json").string() + ": "), std::string::npos)
        << c.name << run.out;
    EXPECT_NE(run.out.find(c.message), std::string::npos) << c.name << run.out;
    EXPECT_FALSE(fs::exists(merged / "index.html")) << c.name;
  }
  // Not JSON at all: a message naming the file, not an internal error.
  const fs::path broken = OutDir("shard-broken");
  fs::copy(shard, broken, fs::copy_options::recursive);
  Write(broken / "summary.json", "{\"schema_version\": 1, \"sets\": [");
  CommandResult run = Bitext("merge " + broken.string() + " --out " + OutDir("merged-broken").string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("bitext: error: " + (broken / "summary.json").string() + ": not a batch summary"),
            std::string::npos)
      << run.out;
  // A set's folder that is a link out of the shard is not copied.
  const fs::path linked = OutDir("shard-linked");
  fs::copy(shard, linked, fs::copy_options::recursive);
  fs::remove_all(linked / "set-1");
  fs::create_directory_symlink(sets / "set-2", linked / "set-1");
  run = Bitext("merge " + linked.string() + " --out " + OutDir("merged-linked").string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("is a symbolic link, not a set's output folder"), std::string::npos) << run.out;
  // The untouched shard merges.
  EXPECT_EQ(Bitext("merge " + shard.string() + " --out " + OutDir("merged-good").string()).exit_code, 1);
}

}  // namespace
}  // namespace bitext
