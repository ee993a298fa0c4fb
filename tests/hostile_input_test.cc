// The `bitext` executable on bad and hostile inputs (tests/data/hostile, and
// big files written at test time): each case must end with the documented
// exit code and a message naming the file and, where it applies, the line
// and byte offset; never with a signal, never hang (every run has a generous
// time limit), and `audit` must leave no partial output behind.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace bitext {
namespace {

namespace fs = std::filesystem;

const std::string kData = std::string(BITEXT_TEST_DATA_DIR) + "/hostile/";
const std::string kSet = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021";

// Far above what any case needs in a Release or Debug build: a guard
// against hangs, not a timing check.
constexpr int kTimeLimitSeconds = 600;

// Memory figures under AddressSanitizer are its shadow memory's, not ours.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kUnderAddressSanitizer = true;
#else
constexpr bool kUnderAddressSanitizer = false;
#endif
#else
constexpr bool kUnderAddressSanitizer = false;
#endif

struct Outcome {
  int exit_code = -1;  // -1 when killed by a signal or the time limit
  int signal = 0;
  bool timed_out = false;
  std::string out;  // stdout
  std::string err;  // stderr
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path Scratch(const std::string& name) {
  fs::path dir = fs::path(::testing::TempDir()) / "bitext_hostile" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// How a child bitext ended: its wait status, whether it was killed at the
// time limit, and its peak resident memory in KB.
struct Ended {
  int status = 0;
  bool timed_out = false;
  long peak_kb = 0;
};

// Runs bitext with `args` (no shell), its output to the files named, and
// kills it after the time limit.
Ended RunBitext(const std::vector<std::string>& args, const std::string& out_path, const std::string& err_path) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen(out_path.c_str(), "w", stdout) || !std::freopen(err_path.c_str(), "w", stderr)) _exit(127);
    std::vector<char*> argv{const_cast<char*>(BITEXT_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(BITEXT_BINARY, argv.data());
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kTimeLimitSeconds);
  Ended ended;
  struct rusage usage {};
  while (wait4(pid, &ended.status, WNOHANG, &usage) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &ended.status, 0);
      ended.timed_out = true;
      return ended;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ended.peak_kb = usage.ru_maxrss;
  return ended;
}

// Runs bitext with `args`, output to files, killed after the time limit.
Outcome Bitext(const std::vector<std::string>& args) {
  const fs::path dir = fs::path(::testing::TempDir()) / "bitext_hostile";
  fs::create_directories(dir);
  // ctest runs the tests of this file in parallel processes.
  const std::string tag = std::to_string(getpid());
  const std::string out_path = (dir / ("stdout." + tag)).string(), err_path = (dir / ("stderr." + tag)).string();
  const Ended ended = RunBitext(args, out_path, err_path);
  Outcome run;
  run.timed_out = ended.timed_out;
  if (!run.timed_out && WIFEXITED(ended.status)) run.exit_code = WEXITSTATUS(ended.status);
  if (!run.timed_out && WIFSIGNALED(ended.status)) run.signal = WTERMSIG(ended.status);
  run.out = ReadAll(out_path);
  run.err = ReadAll(err_path);
  return run;
}

// Exit code `code`, no crash, no hang, and an error message naming `where`
// ("file", "file:line" or "file:line (byte offset N)").
void ExpectFailure(const Outcome& run, const std::string& where, int code = 2) {
  EXPECT_FALSE(run.timed_out) << where;
  EXPECT_EQ(run.signal, 0) << where << ": killed by signal " << run.signal;
  EXPECT_EQ(run.exit_code, code) << where << "\n" << run.err;
  EXPECT_NE(run.err.find("bitext: error: " + where), std::string::npos) << run.err;
}

void ExpectSuccess(const Outcome& run) {
  EXPECT_FALSE(run.timed_out);
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

// The texts of the paragraphs of `inspect --format json`.
std::vector<std::string> ParagraphTexts(const Outcome& run) {
  std::vector<std::string> texts;
  const nlohmann::json model = nlohmann::json::parse(run.out);
  for (const auto& p : model["paragraphs"]) texts.push_back(p["text"]);
  return texts;
}

TEST(HostileInputTest, EmptyAndBlankFiles) {
  Outcome empty = Bitext({"inspect", kData + "empty.txt"});
  ExpectFailure(empty, kData + "empty.txt: file is empty");
  Outcome blank = Bitext({"inspect", kData + "whitespace.txt"});
  ExpectFailure(blank, kData + "whitespace.txt: contains no text (only white space)");
}

TEST(HostileInputTest, OneLanguageWhereTwoAreExpected) {
  const std::string en = kData + "en.txt", zh = kData + "zh.txt";
  ExpectFailure(Bitext({"align", "--bilingual", en}), en + ": given as --bilingual but has no Chinese paragraphs");
  ExpectFailure(Bitext({"align", "--zh", en, "--en", en}), en + ": given as --zh but has no Chinese paragraphs");
  ExpectFailure(Bitext({"align", "--zh", zh, "--en", zh}), zh + ": given as --en but has no English paragraphs");
  ExpectFailure(Bitext({"compare", "--zh", en, "--en", en, "--mt", en}), en + ": given as --zh");
  ExpectFailure(Bitext({"check", "--zh", zh, "--en", zh}), zh + ": given as --en");
  ExpectFailure(Bitext({"check", "--bilingual", en}), en + ": given as --bilingual");
  const std::string set = kData + "sets/english-only";
  Outcome audit = Bitext({"audit", set, "--out", Scratch("english-only").string()});
  ExpectFailure(audit, set + "/en.txt: given as \"bilingual\" in the manifest but has no Chinese paragraphs");
  EXPECT_NE(audit.err.find("(4 paragraphs: 0 Chinese, 4 English)"), std::string::npos) << audit.err;
  // One language is fine where one is expected.
  ExpectSuccess(Bitext({"inspect", en}));
  ExpectSuccess(Bitext({"align", "--zh", zh, "--en", en}));
}

TEST(HostileInputTest, LegacyChineseEncodingsDetectedOrDeclared) {
  const std::vector<std::string> simplified = ParagraphTexts(Bitext({"inspect", "--format", "json", kData + "zh.txt"}));
  const std::vector<std::string> traditional =
      ParagraphTexts(Bitext({"inspect", "--format", "json", kData + "zh-traditional.txt"}));
  ASSERT_EQ(simplified.size(), 4u);
  struct Case {
    std::string file, encoding;
    const std::vector<std::string>* text;
  };
  for (const Case& c : {Case{"zh-gb18030.txt", "GB18030", &simplified}, Case{"zh-big5.txt", "Big5", &traditional}}) {
    Outcome detected = Bitext({"inspect", "--format", "json", kData + c.file});
    ExpectSuccess(detected);
    EXPECT_EQ(ParagraphTexts(detected), *c.text) << c.file;
    EXPECT_NE(detected.err.find("read as " + c.encoding + " (detected"), std::string::npos) << detected.err;
    Outcome declared = Bitext({"inspect", "--format", "json", "--encoding", c.encoding, kData + c.file});
    ExpectSuccess(declared);
    EXPECT_EQ(ParagraphTexts(declared), *c.text) << c.file;
    EXPECT_EQ(declared.err, "");  // nothing guessed, nothing to say
  }
  // Declared UTF-8 wins over detection: the first GB18030 byte is an error.
  ExpectFailure(Bitext({"inspect", "--encoding", "UTF-8", kData + "zh-gb18030.txt"}),
                kData + "zh-gb18030.txt:1 (byte offset 0): invalid UTF-8");
  ExpectFailure(Bitext({"inspect", "--encoding", "no-such-charset", kData + "zh.txt"}),
                kData + "zh.txt: unknown encoding \"no-such-charset\"");
}

TEST(HostileInputTest, Utf16WithAndWithoutByteOrderMark) {
  const std::vector<std::string> expected = ParagraphTexts(Bitext({"inspect", "--format", "json", kData + "zh.txt"}));
  for (const char* file : {"zh-utf16le-bom.txt", "zh-utf16be-bom.txt", "zh-utf16le.txt", "zh-utf16be.txt"}) {
    Outcome run = Bitext({"inspect", "--format", "json", kData + file});
    ExpectSuccess(run);
    EXPECT_EQ(ParagraphTexts(run), expected) << file;
  }
}

TEST(HostileInputTest, InvalidUtf8NamesLineByteOffsetAndWhatIsWrong) {
  struct Case {
    const char* file;
    const char* where;  // line and byte offset
    const char* what;
  };
  const Case cases[] = {
      {"invalid-start.txt", ":1 (byte offset 0)", "a byte never used in UTF-8"},
      {"invalid-middle.txt", ":5 (byte offset 84)", "a continuation byte without a lead byte (byte 80)"},
      {"invalid-end.txt", ":8 (byte offset 422)", "a truncated sequence (bytes E4 B8)"},
      {"overlong-2.txt", ":5 (byte offset 84)", "an overlong encoding (bytes C0 AF)"},
      {"overlong-3.txt", ":5 (byte offset 84)", "an overlong encoding (bytes E0 80 AF)"},
      {"surrogate.txt", ":5 (byte offset 84)", "an encoded UTF-16 surrogate"},
      // 🎉😀𠀀 are 4 bytes each: the offset counts bytes, not characters.
      {"emoji-invalid.txt", ":2 (byte offset 16)", "a truncated sequence (byte C3)"},
  };
  for (const Case& c : cases) {
    const std::string path = kData + c.file;
    Outcome run = Bitext({"inspect", path});
    ExpectFailure(run, path + c.where + ": invalid UTF-8: " + c.what);
    // Never silently read as Latin-1 or another legacy encoding.
    EXPECT_EQ(run.err.find("read as"), std::string::npos) << run.err;
    Outcome lenient = Bitext({"inspect", "--lenient", "--format", "json", path});
    ExpectSuccess(lenient);
    EXPECT_NE(lenient.out.find("\xEF\xBF\xBD"), std::string::npos) << c.file;  // U+FFFD
    EXPECT_NE(lenient.out.find(path + c.where), std::string::npos) << c.file;  // the note says where
  }
}

TEST(HostileInputTest, NulBytesAndBinaryFiles) {
  ExpectFailure(Bitext({"inspect", kData + "nul.txt"}), kData + "nul.txt:5 (byte offset 84): NUL byte in text");
  ExpectFailure(Bitext({"inspect", kData + "image.png"}), kData + "image.png: looks like a PNG image, not text");
}

TEST(HostileInputTest, LineEndsDoNotChangeTheModel) {
  const std::string lf = ReadAll(kSet + "/official-bilingual.txt");
  std::string crlf, cr;
  for (char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  const fs::path dir = Scratch("line-ends");
  std::ofstream(dir / "crlf.txt", std::ios::binary) << crlf;
  std::ofstream(dir / "cr.txt", std::ios::binary) << cr;
  const nlohmann::json expected = nlohmann::json::parse(
      Bitext({"inspect", "--format", "json", kSet + "/official-bilingual.txt"}).out)["paragraphs"];
  ASSERT_FALSE(expected.empty());
  for (const char* name : {"crlf.txt", "cr.txt"}) {
    Outcome run = Bitext({"inspect", "--format", "json", (dir / name).string()});
    ExpectSuccess(run);
    EXPECT_EQ(nlohmann::json::parse(run.out)["paragraphs"], expected) << name;  // texts, kinds and line numbers
  }
}

TEST(HostileInputTest, RightToLeftTextAndCombiningMarksAreKeptAsWritten) {
  Outcome run = Bitext({"inspect", "--format", "json", kData + "rtl-combining.txt"});
  ExpectSuccess(run);
  const std::vector<std::string> texts = ParagraphTexts(run);
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_NE(texts[1].find("cafe\u0301 staff"), std::string::npos);  // not composed for display
  EXPECT_NE(texts[1].find("\u0627\u0644\u0642\u0627\u0647\u0631\u0629"), std::string::npos);
  EXPECT_EQ(texts[2].rfind("\u1100\u1161\u11a8", 0), 0u);
  ExpectSuccess(Bitext({"check", kData + "rtl-combining.txt"}));
}

TEST(HostileInputTest, EmojiAndAstralCharactersCountAsOneColumn) {
  // "🎉😀𠀀 我们在在...": the doubled character starts at column 7.
  Outcome run = Bitext({"check", kData + "emoji-astral.txt"});
  EXPECT_EQ(run.signal, 0);
  EXPECT_NE(run.out.find(kData + "emoji-astral.txt:3:7: warning: doubled character \"在在\""), std::string::npos)
      << run.out << run.err;
}

TEST(HostileInputTest, MissingDirectoryAndUnreadablePaths) {
  ExpectFailure(Bitext({"inspect", kData + "no-such-file.txt"}), kData + "no-such-file.txt: no such file");
  ExpectFailure(Bitext({"inspect", kData + "sets"}), kData + "sets: is a directory, not a text file");
  ExpectFailure(Bitext({"audit", kData + "no-such-set", "--out", Scratch("missing-set").string()}),
                kData + "no-such-set: no such file");
}

// A symlink loop in a set's path is the input's fault, named, not an
// internal error.
TEST(HostileInputTest, SymlinkLoopIsAnInputError) {
  const fs::path dir = Scratch("symlink-loop");
  fs::create_directory_symlink("loop", dir / "loop");
  const std::string set = (dir / "loop").string();
  ExpectFailure(Bitext({"audit", set, "--out", Scratch("symlink-loop-out").string()}),
                set + "/bitext.ini: Too many levels of symbolic links");
}

TEST(HostileInputTest, UnreadableFile) {
  const fs::path path = Scratch("unreadable") / "secret.txt";
  std::ofstream(path) << "Preface\n";
  ASSERT_EQ(chmod(path.c_str(), 0), 0);
  if (access(path.c_str(), R_OK) == 0) {
    GTEST_SKIP() << "running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop reads";
  }
  Outcome run = Bitext({"inspect", path.string()});
  ExpectFailure(run, path.string() + ": cannot open: Permission denied");
}

TEST(HostileInputTest, ManifestPathsMustStayInsideTheSet) {
  struct Case {
    const char* set;
    const char* message;
  };
  const Case cases[] = {
      {"outside", "/manifest:3: path \"../zh.txt\" leaves the manifest's folder"},
      {"absolute", "/manifest:3: path \"/etc/hostname\" must be relative to the manifest's folder"},
      {"missing", "/manifest:3: file \""},
  };
  for (const Case& c : cases) {
    const std::string set = kData + "sets/" + c.set;
    ExpectFailure(Bitext({"audit", set, "--out", Scratch(c.set).string()}), set + c.message);
  }
}

TEST(HostileInputTest, MalformedGlossaryRowNamesItsLine) {
  const std::string glossary = kData + "glossary-malformed.tsv";
  Outcome run = Bitext({"check", "--glossary", glossary, kData + "zh.txt"});
  ExpectFailure(run, glossary + ":3: expected \"source<TAB>approved translation");
}

// Every file under `dir` with its content.
std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = ReadAll(entry.path());
  }
  return files;
}

TEST(HostileInputTest, FailedAuditLeavesThePreviousReportsIntact) {
  const fs::path out = Scratch("audit-out");
  ASSERT_EQ(Bitext({"audit", kSet, "--out", out.string()}).exit_code, 1);  // the bundled MT has errors
  const auto before = Snapshot(out);
  ASSERT_TRUE(before.count("report.json") && before.count("documents/official-bilingual.json"));

  // The same set, with an MT damaged on line 5: the official text reads
  // fine, and its document model must not be rewritten before the MT fails.
  const fs::path set = Scratch("damaged-set");
  fs::copy_file(kSet + "/official-bilingual.txt", set / "official-bilingual.txt");
  std::ofstream(set / "mt-news-agency-en.txt", std::ios::binary) << ReadAll(kData + "invalid-middle.txt");
  std::ofstream(set / "manifest") << "bilingual = official-bilingual.txt\nmt = mt-news-agency-en.txt\n";
  Outcome run = Bitext({"audit", set.string(), "--out", out.string()});
  ExpectFailure(run, (set / "mt-news-agency-en.txt").string() + ":5 (byte offset 84): invalid UTF-8");
  EXPECT_EQ(Snapshot(out), before);  // same files, same bytes, no temporary files

  // A bad glossary fails the same way, before anything is written.
  std::ofstream(set / "mt-news-agency-en.txt") << ReadAll(kSet + "/mt-news-agency-en.txt");
  run = Bitext({"audit", set.string(), "--out", out.string(), "--glossary", kData + "glossary-malformed.tsv"});
  ExpectFailure(run, kData + "glossary-malformed.tsv:3");
  EXPECT_EQ(Snapshot(out), before);
}

TEST(HostileInputTest, UnwritableOutputFolder) {
  // A folder under a regular file cannot be created, even by root.
  const fs::path file = Scratch("unwritable") / "a-file";
  std::ofstream(file) << "not a folder\n";
  const std::string out = (file / "out").string();
  Outcome run = Bitext({"audit", kSet, "--out", out});
  ExpectFailure(run, out + ": cannot create folder: Not a directory");
  EXPECT_EQ(ReadAll(file), "not a folder\n");
}

TEST(HostileInputTest, FiftyMegabyteSingleLine) {
  const fs::path path = Scratch("huge-line") / "line.txt";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string sentence = "China is the largest developing country in the world, ";
    for (size_t written = 0; written < 50u << 20; written += sentence.size()) out << sentence;
    out << "\n";
  }
  Outcome run = Bitext({"inspect", path.string()});
  ExpectSuccess(run);
  EXPECT_NE(run.out.find(": UTF-8, 1 paragraphs (zh 0, en 1, mixed 0)"), std::string::npos) << run.out.substr(0, 200);
  fs::remove(path);
}

TEST(HostileInputTest, OneMillionOneCharacterLines) {
  const fs::path path = Scratch("million-lines") / "lines.txt";
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 1000000; ++i) out << "字\n";
  }
  Outcome run = Bitext({"inspect", path.string()});
  ExpectSuccess(run);
  // One-character lines are not hard-wrapped prose: each is a paragraph.
  EXPECT_NE(run.out.find(": UTF-8, 1000000 paragraphs (zh 1000000"), std::string::npos) << run.out.substr(0, 200);
  fs::remove(path);
}

// A small set in a scratch folder: the bundled official text and
// `manifest_tail` after its "bilingual" line.
fs::path MakeSet(const std::string& name, const std::string& manifest_tail) {
  const fs::path set = Scratch(name) / "set";
  fs::create_directories(set);
  fs::copy_file(kSet + "/official-bilingual.txt", set / "official-bilingual.txt");
  std::ofstream(set / "manifest") << "bilingual = official-bilingual.txt\n" << manifest_tail;
  return set;
}

TEST(HostileInputTest, SetInputsAreRegularFilesInsideTheSet) {
  struct Case {
    const char* name;
    std::function<void(const fs::path&)> make;  // makes `set/input.txt`
    const char* message;
  };
  const Case cases[] = {
      {"environ", [](const fs::path& f) { fs::create_symlink("/proc/self/environ", f); },
       "is a symbolic link that leads out of the manifest's folder"},
      {"outside", [](const fs::path& f) { fs::create_symlink("../outside.txt", f); },
       "is a symbolic link that leads out of the manifest's folder"},
      {"zero", [](const fs::path& f) { fs::create_symlink("/dev/zero", f); },
       "is a symbolic link that leads out of the manifest's folder"},
      {"fifo", [](const fs::path& f) { ASSERT_EQ(mkfifo(f.c_str(), 0600), 0); }, "is a FIFO, not a regular file"},
      {"folder", [](const fs::path& f) { fs::create_directory(f); }, "is a folder, not a regular file"},
  };
  for (const Case& c : cases) {
    const fs::path set = MakeSet(std::string("confined-") + c.name, "mt = input.txt\n");
    std::ofstream(set.parent_path() / "outside.txt") << "A secret kept outside the set.\n";
    c.make(set / "input.txt");
    const fs::path out = set.parent_path() / "out";
    Outcome run = Bitext({"audit", set.string(), "--lenient", "--out", out.string()});
    ExpectFailure(run, (set / "manifest").string() + ":2: path \"input.txt\" " + c.message);
    EXPECT_FALSE(fs::exists(out / "report.json")) << c.name;
  }
  // A link that stays inside the set is fine.
  const fs::path set = MakeSet("confined-inside", "mt = link.txt\n");
  fs::copy_file(kSet + "/mt-news-agency-en.txt", set / "mt.txt");
  fs::create_symlink("mt.txt", set / "link.txt");
  EXPECT_EQ(Bitext({"audit", set.string(), "--out", (set.parent_path() / "out").string()}).exit_code, 1);
}

TEST(HostileInputTest, ManifestThatIsAFifoOrALinkToADeviceIsNotRead) {
  const fs::path fifo = Scratch("manifest-fifo") / "set";
  fs::create_directories(fifo);
  ASSERT_EQ(mkfifo((fifo / "manifest").c_str(), 0600), 0);
  ExpectFailure(Bitext({"audit", fifo.string(), "--out", (fifo.parent_path() / "out").string()}),
                (fifo / "manifest").string() + ": is a FIFO, not a regular file");
  ExpectFailure(Bitext({"batch", "--quiet", fifo.string(), "--out", (fifo.parent_path() / "batch").string()}),
                (fifo / "manifest").string() + ": is a FIFO, not a regular file");
  const fs::path zero = Scratch("manifest-zero") / "set";
  fs::create_directories(zero);
  fs::create_symlink("/dev/zero", zero / "manifest");
  ExpectFailure(Bitext({"audit", zero.string(), "--out", (zero.parent_path() / "out").string()}),
                (zero / "manifest").string() + ": is a symbolic link that leads out of the set's folder");
  ExpectFailure(Bitext({"inspect", "/dev/zero"}), "/dev/zero: is a device, not a regular file");
  ExpectFailure(Bitext({"inspect", (fifo / "manifest").string()}),
                (fifo / "manifest").string() + ": is a FIFO, not a regular file");
}

TEST(HostileInputTest, BitextIniMayNotWriteFilesOrReadOutsideTheSet) {
  struct Case {
    const char* name;
    std::string ini;
    std::string message;  // after "bitext.ini:LINE: "
  };
  const Case cases[] = {
      {"write", "fail-on = warning\nwrite-baseline = ../victim.json\n",
       "2: \"write-baseline\" is taken from the command line only"},
      {"limit", "max-input-mb = 100000\n", "1: \"max-input-mb\" is taken from the command line only"},
      {"glossary", "glossary = /dev/zero\n", "1: path \"/dev/zero\" must be relative to the config file's folder"},
      {"parent", "baseline = ../victim.json\n", "1: path \"../victim.json\" leaves the config file's folder"},
      {"link", "# accepted findings\nbaseline = accepted.json\n",
       "2: path \"accepted.json\" is a symbolic link that leads out of the config file's folder"},
  };
  for (const Case& c : cases) {
    const fs::path set = MakeSet(std::string("ini-") + c.name, "");
    std::ofstream(set / "bitext.ini") << c.ini;
    std::ofstream(set.parent_path() / "victim.json") << "{\"fingerprints\": []}\n";
    fs::create_symlink("../victim.json", set / "accepted.json");
    const std::string where = (set / "bitext.ini").string() + ":" + c.message;
    ExpectFailure(Bitext({"audit", set.string(), "--out", (set.parent_path() / "out").string()}), where);
    Outcome batch = Bitext({"batch", "--quiet", set.string(), "--out", (set.parent_path() / "batch").string()});
    ExpectFailure(batch, where);
    EXPECT_EQ(ReadAll(set.parent_path() / "victim.json"), "{\"fingerprints\": []}\n") << c.name;
  }
  // The set's own bitext.ini may not be a link out of it either.
  const fs::path set = MakeSet("ini-linked", "");
  std::ofstream(set.parent_path() / "other.ini") << "fail-on = info\n";
  fs::create_symlink("../other.ini", set / "bitext.ini");
  ExpectFailure(Bitext({"audit", set.string(), "--out", (set.parent_path() / "out").string()}),
                (set / "bitext.ini").string() + ": is a symbolic link that leads out of the set's folder");
  // A glossary inside the set is read from the set's folder, wherever bitext runs.
  const fs::path glossary_set = MakeSet("ini-glossary", "");
  fs::copy_file(kSet + "/glossary.tsv", glossary_set / "terms.tsv");
  std::ofstream(glossary_set / "bitext.ini") << "glossary = terms.tsv\n";
  Outcome run = Bitext({"audit", glossary_set.string(), "--out", (glossary_set.parent_path() / "out").string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
}

TEST(HostileInputTest, InputSizeLimit) {
  const fs::path dir = Scratch("size-limit");
  {
    std::ofstream out(dir / "big.txt", std::ios::binary);
    const std::string line = "China is the largest developing country in the world.\n";
    for (size_t written = 0; written < (3u << 19); written += line.size()) out << line;
  }
  const std::string big = (dir / "big.txt").string();
  ExpectFailure(Bitext({"inspect", "--max-input-mb", "1", big}),
                big + ": is more than the input limit of 1 MB (raise it with --max-input-mb)");
  ExpectSuccess(Bitext({"inspect", "--max-input-mb", "2", big}));
  for (const char* bad : {"0", "-1", "1.5", "x", "99999999999999999999", "4294967297"}) {
    Outcome run = Bitext({"inspect", "--max-input-mb", bad, big});
    EXPECT_EQ(run.exit_code, 2) << bad;
    EXPECT_NE(run.err.find("--max-input-mb wants a whole number from 1 to 1048576"), std::string::npos) << run.err;
  }
}

// The names of the files and folders directly in `dir`.
std::set<std::string> Names(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

TEST(HostileInputTest, OutputFolderMayNotHoldTheInputs) {
  // An input named like a report: --out SET would overwrite it.
  const fs::path set = MakeSet("out-is-set", "mt = findings.txt\n");
  fs::copy_file(kSet + "/mt-news-agency-en.txt", set / "findings.txt");
  const auto before = Snapshot(set.parent_path());
  for (const fs::path& out : {set, set.parent_path(), fs::path(set.string() + "/")}) {
    ExpectFailure(Bitext({"audit", set.string(), "--out", out.string()}),
                  out.string() + ": the output folder is or contains the document set");
  }
  const fs::path glossary = set.parent_path() / "terms" / "glossary.tsv";
  fs::create_directories(glossary.parent_path());
  fs::copy_file(kSet + "/glossary.tsv", glossary);
  ExpectFailure(
      Bitext({"audit", set.string(), "--glossary", glossary.string(), "--out", glossary.parent_path().string()}),
      glossary.parent_path().string() + ": the output folder contains the input " + glossary.string());
  fs::remove_all(glossary.parent_path());
  EXPECT_EQ(Snapshot(set.parent_path()), before);
  // A batch's output may not lie in the folder of sets it reads, nor be a set.
  const fs::path container = set.parent_path();
  ExpectFailure(Bitext({"batch", "--quiet", container.string(), "--out", (container / "out").string()}),
                (container / "out").string() + ": the output folder lies inside " + container.string());
  ExpectFailure(Bitext({"batch", "--quiet", set.string(), "--out", set.string()}),
                set.string() + ": the output folder is or contains the document set");
  EXPECT_EQ(Snapshot(container), before);
}

TEST(HostileInputTest, TwoMtsWithTheSameFileNameKeepTheirOwnReports) {
  const fs::path set = MakeSet("same-name", "mt = a/mt.txt\nmt = b/mt.txt\nmt = a-mt.txt\n");
  const std::string mt = ReadAll(kSet + "/mt-news-agency-en.txt");
  fs::create_directories(set / "a");
  fs::create_directories(set / "b");
  std::ofstream(set / "a" / "mt.txt") << mt;
  std::ofstream(set / "b" / "mt.txt") << mt.substr(0, mt.size() / 2);
  std::ofstream(set / "a-mt.txt") << mt.substr(0, mt.size() / 3);
  const fs::path out = set.parent_path() / "out";
  ASSERT_EQ(Bitext({"audit", set.string(), "--out", out.string()}).exit_code, 1);
  EXPECT_EQ(Names(out / "documents"),
            (std::set<std::string>{"a-mt.json", "a-mt-2.json", "b-mt.json", "official-bilingual.json"}));
  std::set<std::string> files;
  for (const char* name : {"compare-a-mt.json", "compare-b-mt.json", "compare-a-mt-2.json"}) {
    const nlohmann::json comparison = nlohmann::json::parse(ReadAll(out / name));
    files.insert(comparison["mt"].get<std::string>());
  }
  EXPECT_EQ(files, (std::set<std::string>{(set / "a/mt.txt").string(), (set / "b/mt.txt").string(),
                                          (set / "a-mt.txt").string()}));
}

TEST(HostileInputTest, AuditReplacesItsOutputFolderWhole) {
  const fs::path root = Scratch("replace");
  const fs::path out = root / "out";
  ASSERT_EQ(Bitext({"audit", kSet, "--out", out.string()}).exit_code, 1);
  ASSERT_TRUE(fs::exists(out / "report.html"));
  std::ofstream(out / "report.html.tmp.12345") << "left by a killed run";
  fs::create_directories(root / ".out.new.999");  // a killed run's fresh folder
  // A set without an MT writes no comparison, and a view of the official text alone.
  const fs::path set = MakeSet("replace-set", "");
  Outcome run = Bitext({"audit", set.string(), "--out", out.string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;  // the official text's own errors
  const std::set<std::string> expected = {"aligned.tmx",   "aligned.tsv",  "aligned.xlf",  "documents",
                                          "findings.json", "findings.txt", "junit.xml",    "report.html",
                                          "report.json",   "report.md",    "report.sarif", "summary.txt"};
  EXPECT_EQ(Names(out), expected);
  EXPECT_EQ(Names(out / "documents"), std::set<std::string>{"official-bilingual.json"});
  const std::string view = ReadAll(out / "report.html");
  EXPECT_NE(view.find("<th>Row</th><th>Chinese</th><th>Official English</th></tr>"), std::string::npos);
  EXPECT_NE(view.find("<tr id=\"row-1\""), std::string::npos);
  EXPECT_EQ(Names(root), std::set<std::string>{"out"});  // no lock, no fresh or old folder left
  // A folder holding anything an audit does not write is not replaced.
  std::ofstream(out / "notes.txt") << "mine\n";
  const auto before = Snapshot(out);
  ExpectFailure(Bitext({"audit", kSet, "--out", out.string()}),
                out.string() + ": holds \"notes.txt\", which an audit does not write");
  EXPECT_EQ(Snapshot(out), before);
  ExpectFailure(Bitext({"audit", kSet, "--out", (out / "notes.txt").string()}),
                (out / "notes.txt").string() + ": cannot create folder");
}

TEST(HostileInputTest, SecondAuditIntoTheSameFolderFailsWhileTheFirstWrites) {
  const fs::path root = Scratch("locked");
  const fs::path out = root / "out";
  // Hold the lock a running audit holds.
  const int lock = open((root / ".out.lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(lock, 0);
  ASSERT_EQ(flock(lock, LOCK_EX), 0);
  ExpectFailure(Bitext({"audit", kSet, "--out", out.string()}),
                out.string() + ": another bitext run is writing into this folder");
  EXPECT_FALSE(fs::exists(out / "report.json"));
  close(lock);
  EXPECT_EQ(Bitext({"audit", kSet, "--out", out.string()}).exit_code, 1);
  EXPECT_TRUE(fs::exists(out / "report.json"));
}

// The bytes a terminal acts on or XML forbids, as found in `text`.
std::vector<std::string> Unsafe(const std::string& text, bool xml) {
  std::vector<std::string> found;
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) found.push_back("control " + std::to_string(c));
  }
  for (const char* bytes : {"\xE2\x80\xAE", "\xE2\x81\xA6", "\xEF\xBF\xBE", "\xEF\xBF\xBF"}) {
    // XML may carry bidi controls; terminals and text reports show them escaped.
    if (text.find(bytes) != std::string::npos && (std::string(bytes)[0] == '\xE2') != xml) found.push_back(bytes);
  }
  return found;
}

TEST(HostileInputTest, ControlCharactersAndBidiOverridesAreShownEscaped) {
  // A set folder whose name holds an escape sequence, a bidi override, a
  // noncharacter and a line break that would forge a findings.txt line.
  const std::string name = "evil\x1b[31m\xE2\x80\xAE\nforged.txt:1:1: error: forged \xEF\xBF\xBF";
  const fs::path set = Scratch("escaped") / name;
  fs::create_directories(set);
  std::string official = ReadAll(kSet + "/official-bilingual.txt");
  official.replace(official.find("China"), 5, "Chi\xEF\xBF\xBEna\xE2\x81\xA6");
  std::ofstream(set / "official-bilingual.txt", std::ios::binary) << official;
  std::ofstream(set / "mt.txt", std::ios::binary) << "\x1b]0;title\x07" << ReadAll(kSet + "/mt-news-agency-en.txt");
  std::ofstream(set / "manifest") << "bilingual = official-bilingual.txt\nmt = mt.txt\n";
  const fs::path out = set.parent_path() / "out";
  Outcome run = Bitext({"audit", set.string(), "--lenient", "--out", out.string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(Unsafe(run.out + run.err, false), std::vector<std::string>{}) << run.out << run.err;
  const std::string findings = ReadAll(out / "findings.txt");
  ASSERT_FALSE(findings.empty());
  std::istringstream lines(findings);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_EQ(line.rfind(set.parent_path().string() + "/evil\\x1b[31mU+202E\\nforged.txt:1:1: error: forged", 0), 0u)
        << line;
  }
  for (const char* file : {"findings.txt", "report.md", "summary.txt"}) {
    EXPECT_EQ(Unsafe(ReadAll(out / file), false), std::vector<std::string>{}) << file;
  }
  for (const char* file : {"junit.xml", "aligned.tmx", "aligned.xlf"}) {
    EXPECT_EQ(Unsafe(ReadAll(out / file), true), std::vector<std::string>{}) << file;
  }
  EXPECT_NE(ReadAll(out / "aligned.tmx").find("Chi\xEF\xBF\xBDna"), std::string::npos);  // U+FFFD stands in
  EXPECT_NE(ReadAll(out / "aligned.xlf").find("Chi\xEF\xBF\xBDna"), std::string::npos);
  // The summary says which outputs lost characters, and how many.
  for (const char* file : {"aligned.tmx", "aligned.xlf", "junit.xml", "report.html"}) {
    const std::string note = std::string("note: ") + file + ": ";
    const size_t at = run.out.find(note);
    ASSERT_NE(at, std::string::npos) << file << "\n" << run.out;
    size_t count_end = at + note.size();
    while (std::isdigit(static_cast<unsigned char>(run.out[count_end]))) ++count_end;
    EXPECT_GT(count_end, at + note.size()) << run.out.substr(at, 200);  // a count
    EXPECT_EQ(run.out.compare(count_end, 29, " character(s) XML cannot hold"), 0) << run.out.substr(at, 200);
  }
  EXPECT_NE(ReadAll(out / "summary.txt").find("note: aligned.tmx: "), std::string::npos);
  // The same for `check` on a file so named, and for an error message.
  Outcome check = Bitext({"check", (set / "mt.txt").string()});
  EXPECT_EQ(Unsafe(check.out + check.err, false), std::vector<std::string>{}) << check.out;
  Outcome missing = Bitext({"inspect", (set / "missing\x1b[2J.txt").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(Unsafe(missing.err, false), std::vector<std::string>{}) << missing.err;
  EXPECT_NE(missing.err.find("missing\\x1b[2J.txt: no such file"), std::string::npos) << missing.err;
}

// Runs bitext with `args`, output discarded, and returns its peak resident
// memory in KB (-1 when it failed to run or took longer than the limit).
long PeakMemoryKb(const std::vector<std::string>& args) {
  const Ended ended = RunBitext(args, "/dev/null", "/dev/null");
  if (ended.timed_out || !WIFEXITED(ended.status) || WEXITSTATUS(ended.status) > 1) return -1;
  return ended.peak_kb;
}

// A megabyte paragraph of doubled words used to keep the whole paragraph as
// the evidence of each of its ~200,000 findings: gigabytes. Memory must stay
// within 10 times the input above what the same set with a small MT needs.
// Not a timing test: only the peak is measured.
TEST(HostileInputTest, MegabyteOfDoubledWordsNeedsMemoryInProportion) {
  if (kUnderAddressSanitizer) GTEST_SKIP() << "AddressSanitizer's shadow memory and quarantine are not the program's";
  const fs::path set = MakeSet("doubled-words", "mt = mt.txt\n");
  fs::copy_file(kSet + "/mt-news-agency-en.txt", set / "mt.txt");
  // On one thread: on two, the peak depends on which of the paragraph's
  // tasks happen to run at once (a few megabytes either way).
  const long base = PeakMemoryKb(
      {"audit", set.string(), "--no-lexicon", "--jobs", "1", "--out", (set.parent_path() / "base").string()});
  ASSERT_GT(base, 0);
  std::string text;
  while (text.size() < (1u << 20)) text += "the the development development of of China China ";
  text += "end.\n";
  std::ofstream(set / "mt.txt", std::ios::binary) << text;
  const long peak = PeakMemoryKb(
      {"audit", set.string(), "--no-lexicon", "--jobs", "1", "--out", (set.parent_path() / "out").string()});
  ASSERT_GT(peak, 0);
  // About 3 times: the paragraph's n-gram profile is built once and shared
  // by the MT alignment's background sample (35 times when it was built
  // twice), and its hashes are counted one order at a time (17 times when
  // all six orders' were held at once, 24 bytes a character).
  EXPECT_LT(peak, base + 10 * static_cast<long>(text.size() / 1024)) << "base " << base << " KB";
  // Reports in proportion to the findings: the paragraph's doubled words
  // beyond the first few are one finding that counts them.
  size_t reports = 0;
  for (const auto& entry : fs::recursive_directory_iterator(set.parent_path() / "out")) {
    if (entry.is_regular_file()) reports += entry.file_size();
  }
  EXPECT_LT(reports, 20 * text.size());
  EXPECT_NE(
      ReadAll(set.parent_path() / "out" / "findings.txt").find("more doubled words or characters in this paragraph"),
      std::string::npos);
}

// The line "a" repeated (a lower-case article, so each line reads as cut
// prose continued by the next) makes one paragraph of one-letter words: 40 KB
// of it once needed 808 MB, and a megabyte 38 times its size when the checks
// kept a string a word and lists of every line and character. Within 20
// times the input above a small text's check (about 17).
TEST(HostileInputTest, MegabyteOfOneLetterLinesNeedsMemoryInProportion) {
  if (kUnderAddressSanitizer) GTEST_SKIP() << "AddressSanitizer's shadow memory and quarantine are not the program's";
  const fs::path dir = Scratch("one-letter-lines");
  const std::string file = (dir / "a.txt").string();
  std::ofstream(file) << "The development of China.\n";
  const long base = PeakMemoryKb({"check", file});
  ASSERT_GT(base, 0);
  std::string text;
  while (text.size() < (1u << 20)) text += "a\n";
  std::ofstream(file, std::ios::binary) << text;
  const long peak = PeakMemoryKb({"check", file});
  ASSERT_GT(peak, 0);
  EXPECT_LT(peak, base + 20 * static_cast<long>(text.size() / 1024)) << "base " << base << " KB";
}

// TER's edit distance used to keep a full row of the matrix per hypothesis
// word: one 20,000-word segment needed over 4 GB, and 20 MB when it kept the
// beam around the diagonal for every word (0.8 KB a word). Now at most
// 1,024 rows of the beam are kept, and the segment needs about 6 MB above a
// six-word one, most of it chrF's character n-grams and TER's words.
TEST(HostileInputTest, TwentyThousandWordSegmentNeedsMemoryInProportion) {
  if (kUnderAddressSanitizer) GTEST_SKIP() << "AddressSanitizer's shadow memory and quarantine are not the program's";
  const fs::path dir = Scratch("long-segment");
  const std::string hyp = (dir / "hyp.txt").string(), ref = (dir / "ref.txt").string();
  std::ofstream(hyp) << "the cat sat on the mat\n";
  std::ofstream(ref) << "the cat is on the mat\n";
  const long base = PeakMemoryKb({"metrics", "--hyp", hyp, "--ref", ref});
  ASSERT_GT(base, 0);
  // A reference of 20,000 words and a hypothesis with words swapped and
  // replaced here and there, so that TER searches for shifts.
  std::string hyp_text, ref_text;
  for (int i = 0; i < 20000; ++i) {
    const std::string word = "w" + std::to_string(i * 7919 % 1009);
    ref_text += word + " ";
    if (i % 41 == 0) {
      hyp_text += "x" + std::to_string(i) + " ";
    } else if (i % 97 == 1) {
      hyp_text += "w" + std::to_string((i + 1) * 7919 % 1009) + " " + word + " ";
      ++i;
      ref_text += "w" + std::to_string(i * 7919 % 1009) + " ";
    } else {
      hyp_text += word + " ";
    }
  }
  std::ofstream(hyp) << hyp_text << "\n";
  std::ofstream(ref) << ref_text << "\n";
  const long peak = PeakMemoryKb({"metrics", "--hyp", hyp, "--ref", ref});
  ASSERT_GT(peak, 0);
  EXPECT_LT(peak, base + 12 * 1024) << "base " << base << " KB";
}

// Long lines are read and checked in linear memory: four lines of a megabyte
// of prose take about 5 times their size above a one-sentence check.
TEST(HostileInputTest, MegabyteLinesNeedMemoryInProportion) {
  if (kUnderAddressSanitizer) GTEST_SKIP() << "AddressSanitizer's shadow memory and quarantine are not the program's";
  const fs::path dir = Scratch("megabyte-lines");
  const std::string file = (dir / "long.txt").string();
  const std::string sentence =
      "China is the largest developing country in the world, and it has kept to the path of peace. ";
  std::ofstream(file) << sentence << "\n";
  const long base = PeakMemoryKb({"check", file});
  ASSERT_GT(base, 0);
  std::string line;
  while (line.size() < (1u << 20)) line += sentence;
  std::string text;
  for (int i = 0; i < 4; ++i) text += line + "\n";
  std::ofstream(file, std::ios::binary) << text;
  const long peak = PeakMemoryKb({"check", file});
  ASSERT_GT(peak, 0);
  EXPECT_LT(peak, base + 20 * static_cast<long>(text.size() / 1024)) << "base " << base << " KB";
}

// An MT that is one section said over and over (a generation loop) gets a
// dozen findings a copy and the repeats found among the copies: memory grows
// with the copies, not with their square, about 17 times the input above one
// copy's audit (the document model of its 35 short headed lines a copy and
// the findings, most of them), where a JSON tree of the whole document and
// a copy of every title once took 70, and a row object for each MT
// paragraph of the report page 26. On two threads (the default where there
// are two cores) the MT's alignment runs beside the official one and its
// checks beside its comparison's, each with its own working set: about 21
// times, against 18 on one.
TEST(HostileInputTest, RepeatedSectionNeedsMemoryInProportion) {
  if (kUnderAddressSanitizer) GTEST_SKIP() << "AddressSanitizer's shadow memory and quarantine are not the program's";
  const fs::path set = MakeSet("repeated-section", "mt = mt.txt\n");
  std::istringstream mt(ReadAll(kSet + "/mt-news-agency-en.txt"));
  std::string section, line;
  for (int i = 0; i < 40 && std::getline(mt, line); ++i) {
    if (i >= 5) section += line + "\n";
  }
  std::ofstream(set / "mt.txt", std::ios::binary) << section;
  const long base =
      PeakMemoryKb({"audit", set.string(), "--no-lexicon", "--out", (set.parent_path() / "base").string()});
  ASSERT_GT(base, 0);
  std::string text;
  while (text.size() < (1u << 19)) text += section;
  std::ofstream(set / "mt.txt", std::ios::binary) << text;
  const long peak =
      PeakMemoryKb({"audit", set.string(), "--no-lexicon", "--out", (set.parent_path() / "out").string()});
  ASSERT_GT(peak, 0);
  EXPECT_LT(peak, base + 24 * static_cast<long>(text.size() / 1024)) << "base " << base << " KB";
}

TEST(HostileInputTest, LongManifestAndBitextIniLinesAreRefusedNotEchoed) {
  const std::string value(10 << 20, 'x');
  const fs::path set = MakeSet("long-lines", "mt = " + value + "\n");
  Outcome run = Bitext({"audit", set.string(), "--out", (set.parent_path() / "out").string()});
  ExpectFailure(run, (set / "manifest").string() + ":2: line longer than 4096 bytes");
  EXPECT_LT(run.err.size(), 1000u);
  std::ofstream(set / "manifest") << "bilingual = official-bilingual.txt\n";
  std::ofstream(set / "bitext.ini") << "fail-on = " << value << "\n";
  run = Bitext({"audit", set.string(), "--out", (set.parent_path() / "out").string()});
  ExpectFailure(run, (set / "bitext.ini").string() + ":1: line longer than 4096 bytes");
  EXPECT_LT(run.err.size(), 1000u);
}

// A bad value in a set's bitext.ini is the ini file's error at its line,
// whichever check finds it (Boost's parser, the audit options, the
// decoder), and a long value is quoted cut short.
TEST(HostileInputTest, BadBitextIniValueNamesTheIniLine) {
  struct Case {
    const char* name;
    std::string ini;
    std::string message;  // after "bitext.ini:"
  };
  const std::string long_value(4000, 'y');
  const Case cases[] = {
      {"fail-on", "# gate\nfail-on = bogus\n", "2: fail-on takes error, warning or info, not \"bogus\""},
      {"disable", "disable = no-such-rule\n", "1: disable takes a rule"},
      {"severity", "severity = repeated-token=fatal\n", "1: severity takes RULE=error|warning|info"},
      {"encoding", "\nencoding = KLINGON\n", "2: encoding takes an ICU converter name"},
      {"switch", "lenient = maybe\n", "1: lenient takes true or false (yes/no, on/off, 1/0), not \"maybe\""},
      {"unknown", "colour = red\n", "1: unknown option \"colour\""},
      {"no-equals", "fail-on\n", "1: expected \"name = value\", not \"fail-on\""},
      {"twice", "fail-on = info\nfail-on = error\n", "2: fail-on is set twice (first on line 1)"},
      {"opposites", "tsv-bom = true\nno-tsv-bom = yes\n", "2: no-tsv-bom contradicts tsv-bom on line 1"},
      {"long", "disable = " + long_value + "\n",
       "1: disable takes a rule (bitext check --rules lists them), not \"" + long_value.substr(0, 80) + "...\"\n"},
  };
  for (const Case& c : cases) {
    const fs::path set = MakeSet(std::string("ini-value-") + c.name, "");
    std::ofstream(set / "bitext.ini") << c.ini;
    const std::string where = (set / "bitext.ini").string() + ":" + c.message;
    Outcome run = Bitext({"audit", set.string(), "--no-lexicon", "--out", (set.parent_path() / "out").string()});
    ExpectFailure(run, where);
    for (const char* option :
         {"--fail-on", "--disable", "--severity", "--encoding", "--lenient", "--tsv-bom", "--help"}) {
      EXPECT_EQ(run.err.find(option), std::string::npos) << "blamed on the command line: " << run.err;
    }
    EXPECT_LT(run.err.size(), 400u) << c.name;
    Outcome batch =
        Bitext({"batch", "--quiet", "--no-lexicon", set.string(), "--out", (set.parent_path() / "batch").string()});
    ExpectFailure(batch, where);
  }
  // Settings that agree are taken: a switch turned off beside its opposite, a composing option twice.
  const fs::path set = MakeSet("ini-value-good", "");
  std::ofstream(set / "bitext.ini") << "tsv-bom = true\nno-tsv-bom = false\ndisable = repeated-token\n"
                                       "disable = bullet-style\nfail-on = info\n";
  Outcome run = Bitext({"audit", set.string(), "--no-lexicon", "--out", (set.parent_path() / "out").string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
}

// A manifest or bitext.ini is read as strict UTF-8 whatever the command
// line says: a NUL or a bad byte in one is its error at the line and byte,
// without advice to give --encoding or --lenient, which it ignores.
TEST(HostileInputTest, NulByteInManifestNamesItsPlaceNotIgnoredOptions) {
  struct Case {
    const char* name;
    const char* file;
    std::string text;
    std::string message;  // after "FILE:"
  };
  const Case cases[] = {
      {"manifest-nul", "manifest", std::string("bilingual = official-bilingual.txt\nmt = mt\0.txt\n", 47),
       "2 (byte offset 42): NUL byte in text: this file must be UTF-8 text"},
      {"manifest-utf8", "manifest", "bilingual = official-bilingual.txt\n# caf\xE9\n",
       "2 (byte offset 40): invalid UTF-8: a truncated sequence (byte E9); this file must be UTF-8 text"},
      {"ini-nul", "bitext.ini", std::string("fail-on = info\n\0\n", 17),
       "2 (byte offset 15): NUL byte in text: this file must be UTF-8 text"},
  };
  for (const Case& c : cases) {
    const fs::path set = MakeSet(c.name, "");
    std::ofstream(set / c.file, std::ios::binary) << c.text;
    for (const std::vector<std::string>& options :
         {std::vector<std::string>{}, std::vector<std::string>{"--encoding", "UTF-8", "--lenient"}}) {
      std::vector<std::string> args = {"audit", set.string(), "--no-lexicon", "--out",
                                       (set.parent_path() / "out").string()};
      args.insert(args.end(), options.begin(), options.end());
      Outcome run = Bitext(args);
      ExpectFailure(run, (set / c.file).string() + ":" + c.message);
      EXPECT_EQ(run.err.find("--encoding"), std::string::npos) << run.err;
      EXPECT_EQ(run.err.find("--lenient"), std::string::npos) << run.err;
    }
  }
  // A text file the options do apply to still names them.
  Outcome run = Bitext({"inspect", kData + "nul.txt"});
  EXPECT_NE(run.err.find("--encoding, or --lenient"), std::string::npos) << run.err;
}

TEST(HostileInputTest, SetFolderNameThatIsNotUtf8) {
  const fs::path set = Scratch("not-utf8") / "set\xff";
  fs::create_directories(set);
  fs::copy_file(kSet + "/official-bilingual.txt", set / "official-bilingual.txt");
  std::ofstream(set / "manifest") << "bilingual = official-bilingual.txt\n";
  Outcome run = Bitext({"audit", set.string(), "--no-lexicon", "--out", (set.parent_path() / "out").string()});
  ExpectFailure(run, (set / "manifest").string() + ": the set's path is not valid UTF-8");
  EXPECT_EQ(run.err.find("internal error"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace bitext
