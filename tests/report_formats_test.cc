// The SARIF, JUnit and Markdown renderings of findings: structure, levels
// and escaping of document text.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "atomic_file.h"
#include "checks.h"
#include "document.h"
#include "document_report.h"
#include "error.h"
#include "finding_json.h"
#include "json_output.h"
#include "json_writer.h"
#include "junit_report.h"
#include "markdown_report.h"
#include "sarif_report.h"
#include "xml_escape.h"

namespace bitext {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The streamed array prints as the whole tree would, wherever its key
// sorts among the others, empty or not, with nested values.
TEST(JsonOutputTest, StreamedArrayPrintsAsTheWholeTree) {
  const nlohmann::json items = nlohmann::json::array(
      {{{"rule", "omission"}, {"evidence", {{"lost", {"State", "Council"}}, {"text", "a \"quoted\"\nline"}}}},
       {{"rule", "addition"}, {"locations", nlohmann::json::array()}},
       42});
  const nlohmann::json objects[] = {
      nlohmann::json::object(),
      {{"counts", {{"error", 1}}}, {"version", 1}},  // "findings" sorts between them
      {{"a", 1}},                                    // before it
      {{"zeta", {1, 2, 3}}},                         // after it
  };
  for (const nlohmann::json& object : objects) {
    for (size_t count : {size_t{0}, size_t{1}, items.size()}) {
      nlohmann::json whole = object;
      whole["findings"] = nlohmann::json::array();
      for (size_t i = 0; i < count; ++i) whole["findings"].push_back(items[i]);
      std::ostringstream streamed;
      const StreamedArray findings{"findings", count,
                                   [&](std::ostream& o, size_t i, int depth) { WriteIndented(o, items[i], depth); }};
      WriteObjectWithArrays(streamed, object, {findings});
      EXPECT_EQ(streamed.str(), whole.dump(2)) << object.dump() << " with " << count << " items";
      // Nested in an array of an object, as the run of a SARIF log is.
      std::ostringstream nested;
      nested << "{\n  \"runs\": [\n    ";
      WriteObjectWithArrays(nested, object, {findings}, {4});
      nested << "\n  ]\n}";
      EXPECT_EQ(nested.str(), nlohmann::json({{"runs", {whole}}}).dump(2));
    }
  }
}

// Two streamed arrays, one of objects that stream an array of their own (as
// report.json's comparisons stream their rows), print as the whole tree.
TEST(JsonOutputTest, ArraysStreamedInsideStreamedArraysPrintAsTheWholeTree) {
  const nlohmann::json rows = nlohmann::json::array({{{"mt_text", "a"}, {"zh_lines", {1, 2}}}, {{"mt_text", "b"}}});
  const nlohmann::json comparison_outline = {{"mt", "mt.txt"}, {"repeats", nlohmann::json::array()}};
  const nlohmann::json report = {{"inputs", {1, 2}}, {"set", "s"}};
  for (size_t count : {size_t{0}, size_t{2}}) {
    nlohmann::json comparison = comparison_outline;
    comparison["rows"] = nlohmann::json::array();
    for (size_t i = 0; i < count; ++i) comparison["rows"].push_back(rows[i]);
    nlohmann::json whole = report;
    whole["comparisons"] = {comparison, comparison};
    whole["findings"] = {7};
    auto write_comparison = [&](std::ostream& out, size_t, int depth) {
      WriteObjectWithArrays(out, comparison_outline,
                            {{"rows", count, [&](std::ostream& o, size_t i, int d) { WriteIndented(o, rows[i], d); }}},
                            {depth});
    };
    std::ostringstream streamed;
    WriteObjectWithArrays(streamed, report,
                          {{"findings", 1, [](std::ostream& o, size_t, int d) { WriteIndented(o, 7, d); }},
                           {"comparisons", 2, write_comparison}});
    EXPECT_EQ(streamed.str(), whole.dump(2)) << count << " rows";
  }
}

// A report streamed to its file replaces it whole, or not at all when its
// writer fails halfway.
// Writes `value` through the writer, value by value (integers and
// strings as such, the rest whole).
void WriteThrough(JsonWriter& json, const nlohmann::json& value) {
  if (value.is_object()) {
    json.BeginObject();
    for (const auto& [name, member] : value.items()) {
      json.Key(name);
      WriteThrough(json, member);
    }
    json.EndObject();
  } else if (value.is_array()) {
    json.BeginArray();
    for (const nlohmann::json& item : value) WriteThrough(json, item);
    json.EndArray();
  } else if (value.is_string()) {
    json.String(value.get<std::string>());
  } else if (value.is_number_integer()) {
    json.Number(value.get<long long>());
  } else {
    json.Value(value);
  }
}

// The writer lays out what dump(2) prints: nested and empty objects and
// arrays, escapes, non-ASCII, numbers of each kind, at the top and inside
// an enclosing value.
TEST(JsonWriterTest, PrintsWhatTheTreePrints) {
  const nlohmann::json values[] = {
      nlohmann::json::object(),
      nlohmann::json::array(),
      "plain",
      -42,
      {{"a", nlohmann::json::object()}, {"b", nlohmann::json::array()}, {"c", {1, "two", 3.5, nullptr, true}}},
      {{"evidence", {{"lost", {"State", "Council"}}, {"text", "a \"quoted\"\nline\\ \x01 人类"}}},
       {"nested", {{{"x", {{"y", {{"z", 1e-7}}}}}}, nlohmann::json::array({nlohmann::json::array()})}}},
  };
  for (const nlohmann::json& value : values) {
    for (const int depth : {0, 6}) {
      std::ostringstream written, tree;
      JsonWriter json(written, depth);
      WriteThrough(json, value);
      WriteIndented(tree, value, depth);
      EXPECT_EQ(written.str(), tree.str()) << value.dump();
    }
  }
  // Strings escaped without dump(): Chinese, curly quotes, DEL, four-byte
  // characters, every escape and control character, NUL; and the
  // ill-formed ones dump() would refuse (overlong, surrogate, beyond
  // U+10FFFF, cut).
  const std::vector<std::string> texts = {"人类命运共同体",
                                          "tab\there \"q\" back\\slash \b\f\r\n \x1f\x01 中\"文\"",
                                          std::string("a\0b", 3),
                                          "\u2018it\u2019s\u201d \x7f",
                                          "\U0001F600 \U0010FFFF",
                                          "a\u00e9\u0800",
                                          "\xc0\xaf",
                                          "\xed\xa0\x80",
                                          "\xf4\x90\x80\x80",
                                          "ok \xe4\xb8",
                                          "\xff",
                                          "\x80",
                                          "\xe4\xb8\xad\xe4\xb8"};
  for (const std::string& text : texts) {
    for (const auto handler : {nlohmann::json::error_handler_t::replace, nlohmann::json::error_handler_t::ignore}) {
      std::ostringstream written;
      JsonWriter(written, 0, handler).String(text);
      EXPECT_EQ(written.str(), nlohmann::json(text).dump(-1, ' ', false, handler)) << text;
    }
  }
  // Ill-formed UTF-8: refused by default, replaced when asked, as dump() does.
  std::ostringstream refused, replaced;
  EXPECT_THROW(JsonWriter(refused).String("cut \xe4\xb8"), nlohmann::json::exception);
  JsonWriter(replaced, 0, nlohmann::json::error_handler_t::replace).String("cut \xe4\xb8");
  EXPECT_EQ(replaced.str(), "\"cut \xef\xbf\xbd\"");
}

// A document's JSON, written value by value, is laid out as its own tree
// prints, and holds what the text has: a bullet, a heading whose number is
// garbled, a paragraph rejoined across a blank line, one cut short, the
// sentences, and text that needs escaping.
TEST(DocumentJsonTest, IsItsTreeAsItPrints) {
  const std::string text =
      "Chapter One. Preface\n\n"
      "1. The \"first\" part\n\n"
      "(IV) l02. China has made progress\n\n"
      "\u2022 An item of a list, with\tits tab.\n\n"
      "This paragraph runs on over the break and the\n\n"
      "rest of it follows here. A second sentence ends it.\n\n"
      "A paragraph that stops in the middle of the\n";
  const Document doc = LoadDocumentFromBytes("doc.txt", text, {});
  std::ostringstream out;
  WriteDocumentJson(out, doc);
  const nlohmann::json parsed = nlohmann::json::parse(out.str());
  EXPECT_EQ(out.str(), parsed.dump(2));
  const nlohmann::json& paragraphs = parsed["paragraphs"];
  ASSERT_EQ(paragraphs.size(), doc.paragraphs.size());
  bool bullet = false, rejoined = false, truncated = false, garbled = false;
  for (size_t k = 0; k < paragraphs.size(); ++k) {
    const nlohmann::json& p = paragraphs[k];
    EXPECT_EQ(p["id"], k);
    EXPECT_EQ(p["text"], doc.paragraphs[k].text);
    bullet |= p.value("bullet", "") == "\u2022";
    rejoined |= p.contains("pieces") && p["pieces"] == nlohmann::json::parse("[[9, 9], [11, 11]]");
    truncated |= p.value("truncated", false) && p["lines"] == nlohmann::json::parse("[13, 13]");
    garbled |= p.contains("heading") && p["heading"].contains("garbled") && p["heading"]["value"] == 4;
  }
  EXPECT_TRUE(bullet);
  EXPECT_TRUE(garbled) << out.str();
  EXPECT_TRUE(rejoined) << out.str();
  EXPECT_TRUE(truncated) << out.str();
  EXPECT_EQ(paragraphs[1]["text"], "1. The \"first\" part");
  EXPECT_EQ(paragraphs[1]["heading"]["value"], 1);
  EXPECT_EQ(paragraphs[1]["heading"]["title"], "The \"first\" part");
}

// A finding's JSON holds what the finding says, in the tree written here
// by hand, laid out as dump(2) prints that tree at either depth: every kind
// of evidence value, texts that need escaping, Chinese, no evidence or
// locations, a location without an end line.
TEST(FindingJsonTest, IsTheFindingsTreeAsItPrints) {
  std::vector<Finding> findings;
  Finding plain;
  plain.rule = "omission";
  plain.message = "an \"MT\" paragraph \\ lost\tits end\n\x01\x7f";
  plain.locations = {{"mt.txt", 12, 1, 0}, {"官方 \"en\".txt", 3, 7, 9}};
  plain.evidence = {{"text", "第八条 规定"},
                    {"count", 42},
                    {"negative", -3},
                    {"ratio", 0.1},
                    {"tiny", 1e-7},
                    {"whole", 3.0},
                    {"lost", EvidenceValue::Texts{"one", "two \"quoted\"", ""}},
                    {"none", EvidenceValue::Texts{}},
                    {"counts", EvidenceValue::Counts{{"b", 2}, {"a", 1}}},
                    {"empty", ""}};
  plain.fingerprint = "abc123";
  findings.push_back(plain);
  Finding bare;
  bare.rule = "untranslated";
  bare.severity = Severity::kError;
  findings.push_back(bare);
  using nlohmann::json;
  const json expected[] = {
      {{"rule", "omission"},
       {"severity", "warning"},
       {"message", "an \"MT\" paragraph \\ lost\tits end\n\x01\x7f"},
       {"locations",
        {{{"file", "mt.txt"}, {"line", 12}, {"column", 1}, {"end_line", 12}},
         {{"file", "官方 \"en\".txt"}, {"line", 3}, {"column", 7}, {"end_line", 9}}}},
       {"evidence",
        {{"text", "第八条 规定"},
         {"count", 42},
         {"negative", -3},
         {"ratio", 0.1},
         {"tiny", 1e-7},
         {"whole", 3.0},
         {"lost", {"one", "two \"quoted\"", ""}},
         {"none", json::array()},
         {"counts", {{"a", 1}, {"b", 2}}},
         {"empty", ""}}},
       {"fingerprint", "abc123"}},
      {{"rule", "untranslated"},
       {"severity", "error"},
       {"message", ""},
       {"locations", json::array()},
       {"evidence", json::object()},
       {"fingerprint", ""}},
  };
  for (const int depth : {0, 4}) {
    for (size_t k = 0; k < findings.size(); ++k) {
      std::ostringstream written, tree;
      WriteFindingJson(written, findings[k], depth);
      WriteIndented(tree, expected[k], depth);
      EXPECT_EQ(written.str(), tree.str()) << k << " at " << depth;
    }
  }
  // Ill-formed UTF-8 is refused, as dump() refuses it.
  Finding broken = plain;
  broken.message = "cut \xe4\xb8";
  std::ostringstream written;
  EXPECT_THROW(WriteFindingJson(written, broken, 0), nlohmann::json::exception);
}

// Every finding of the bundled MT (real messages and evidence) reads back
// as its rule, message and first location, laid out as its tree prints.
TEST(FindingJsonTest, TheBundledFindingsReadBackAsTheyPrint) {
  const std::string corpus = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/";
  const Document mt = LoadDocument(corpus + "mt-news-agency-en.txt", {});
  const std::vector<Finding> findings = CheckDocument(mt, CheckConfig{});
  ASSERT_GT(findings.size(), 10u);
  for (const Finding& f : findings) {
    std::ostringstream written, tree;
    WriteFindingJson(written, f, 4);
    const nlohmann::json read = nlohmann::json::parse(written.str());
    WriteIndented(tree, read, 4);
    ASSERT_EQ(written.str(), tree.str());
    EXPECT_EQ(read["rule"], f.rule);
    EXPECT_EQ(read["message"], f.message);
    EXPECT_EQ(read["fingerprint"], f.fingerprint);
    ASSERT_FALSE(f.locations.empty());
    EXPECT_EQ(read["locations"][0]["line"], f.locations[0].line);
    EXPECT_EQ(read["locations"][0]["file"], f.locations[0].file);
    const Location& at = f.locations[0];
    EXPECT_EQ(read["locations"][0]["end_line"], at.end_line != 0 ? at.end_line : at.line);  // 0: the line itself
    EXPECT_EQ(read["evidence"].size(), static_cast<size_t>(std::distance(f.evidence.begin(), f.evidence.end())));
  }
}

TEST(AtomicFileTest, AStreamedReportReplacesTheFileOrLeavesIt) {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "atomic-stream";
  std::filesystem::remove_all(dir);
  const std::string path = (dir / "report.json").string();
  WriteFileAtomically(path, "old\n");
  EXPECT_THROW(WriteFileAtomically(path,
                                   [](std::ostream& out) {
                                     out << std::string(1 << 20, 'x');
                                     throw std::runtime_error("renderer failed");
                                   }),
               std::runtime_error);
  EXPECT_EQ(ReadAll(path), "old\n");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 1);
  WriteFileAtomically(path, [](std::ostream& out) { out << "new" << ' ' << 42 << '\n'; });
  EXPECT_EQ(ReadAll(path), "new 42\n");
}

// A report past the size at which its bytes are sent on to the disk while it
// is written, in writes both small (a character) and large (past the put
// area), arrives whole and in order.
TEST(AtomicFileTest, ALargeStreamedReportArrivesWhole) {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "atomic-large";
  std::filesystem::remove_all(dir);
  const std::string path = (dir / "report.json").string();
  std::string expected;
  for (int k = 0; expected.size() < (20u << 20); ++k) {
    expected += std::to_string(k);
    expected += k % 7 == 0 ? std::string(100000 + k % 13, static_cast<char>('a' + k % 26)) : std::string(1, ',');
  }
  WriteFileAtomically(path, [&](std::ostream& out) {
    for (size_t at = 0; at < expected.size();) {
      const size_t size = at % 3 == 0 ? 1 : std::min<size_t>(expected.size() - at, 70001);
      out.write(expected.data() + at, static_cast<std::streamsize>(size));
      at += size;
    }
  });
  EXPECT_TRUE(ReadAll(path) == expected);
}

// Writes a 20 MB report to `path` where no file may grow past 1 MB, and
// exits 0 when that is an error and no file is left under the report's name.
void WriteTooLargeAndExit(const std::string& path) {
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit limit{};
  limit.rlim_cur = limit.rlim_max = 1 << 20;
  setrlimit(RLIMIT_FSIZE, &limit);
  int code = 1;
  try {
    WriteFileAtomically(path, [](std::ostream& out) {
      for (int k = 0; k < (20 << 10); ++k) out << std::string(1023, 'x') << '\n';
    });
  } catch (const InputError&) {
    code = std::filesystem::exists(path) ? 2 : 0;
  }
  std::_Exit(code);  // the child's verdict alone: no exit handlers
}

// A report that cannot be written whole (the file size limit, in a child
// process) is an error and leaves nothing under its name.
TEST(AtomicFileTest, AReportThatCannotBeWrittenWholeIsAnError) {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "atomic-full";
  std::filesystem::remove_all(dir);
  EXPECT_EXIT(WriteTooLargeAndExit((dir / "report.json").string()), ::testing::ExitedWithCode(0), "");
}

constexpr char kHostile[] = "bad <script>&\"'|*_[x]` in 人类命运共同体\x01 text";

Finding Make(const char* rule, Severity severity, std::string message, Location where) {
  Finding f;
  f.rule = rule;
  f.severity = severity;
  f.message = std::move(message);
  f.locations.push_back(where);
  f.fingerprint = Fingerprint(rule, where.file, f.message);
  return f;
}

std::vector<Finding> Sample() {
  Finding omission = Make("omission", Severity::kError, kHostile, {"docs/official en.txt", 12, 3, 14});
  omission.locations.push_back({"mt.txt", 40, 1, 0});
  return {
      Make("punctuation-spacing", Severity::kInfo, "missing space after ','", {"mt.txt", 2, 7, 0}),
      omission,
      Make("addition", Severity::kWarning, "an added paragraph", {"mt.txt", 5, 1, 0}),
      Make("omission", Severity::kError, "another omission", {"docs/official en.txt", 20, 1, 0}),
  };
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(SarifTest, IsSarifWithTheWholeCatalogue) {
  const std::string out = RenderSarif(Sample(), "1.2.3");
  const nlohmann::json sarif = nlohmann::json::parse(out);
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_EQ(sarif["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(sarif["runs"].size(), 1u);
  const nlohmann::json& driver = sarif["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "bitext");
  EXPECT_EQ(driver["version"], "1.2.3");
  ASSERT_EQ(driver["rules"].size(), Rules().size());
  for (size_t i = 0; i < Rules().size(); ++i) {
    EXPECT_EQ(driver["rules"][i]["id"], Rules()[i].id);
    EXPECT_EQ(driver["rules"][i]["shortDescription"]["text"], Rules()[i].description);
    EXPECT_EQ(driver["rules"][i]["fullDescription"]["text"], Rules()[i].rationale);
    EXPECT_TRUE(driver["rules"][i]["help"].contains("text"));
  }
  const nlohmann::json& results = sarif["runs"][0]["results"];
  ASSERT_EQ(results.size(), 4u);
  for (const nlohmann::json& r : results) {
    const size_t index = r["ruleIndex"];
    EXPECT_EQ(driver["rules"][index]["id"], r["ruleId"]);
    EXPECT_EQ(r["partialFingerprints"]["bitext/v1"].get<std::string>().size(), 16u);
    EXPECT_EQ(r["locations"].size(), 1u);
  }
  EXPECT_EQ(results[0]["level"], "note");  // info has no SARIF level of its own
  EXPECT_EQ(results[2]["level"], "warning");
  const nlohmann::json& omission = results[1];
  EXPECT_EQ(omission["ruleId"], "omission");
  EXPECT_EQ(omission["level"], "error");
  EXPECT_EQ(omission["message"]["text"], kHostile);
  const nlohmann::json& physical = omission["locations"][0]["physicalLocation"];
  EXPECT_EQ(physical["artifactLocation"]["uri"], "docs/official%20en.txt");  // a URI reference
  EXPECT_EQ(physical["region"]["startLine"], 12);
  EXPECT_EQ(physical["region"]["startColumn"], 3);
  EXPECT_EQ(physical["region"]["endLine"], 14);
  ASSERT_EQ(omission["relatedLocations"].size(), 1u);
  EXPECT_EQ(omission["relatedLocations"][0]["physicalLocation"]["region"]["endLine"], 40);
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"]["endLine"], 2);
  EXPECT_EQ(RenderSarif(Sample(), "1.2.3"), out);  // deterministic
}

// Written result by result, the log is what its whole tree prints: every
// finding of the bundled MT, the sample's hostile text and ill-formed UTF-8
// (replaced), related locations and evidence.
TEST(SarifTest, IsWhatItsTreePrints) {
  const std::string corpus = std::string(BITEXT_CORPUS_DIR) + "/whitepaper-2021/";
  std::vector<Finding> findings = CheckDocument(LoadDocument(corpus + "mt-news-agency-en.txt", {}), CheckConfig{});
  ASSERT_GT(findings.size(), 10u);
  for (const Finding& f : Sample()) findings.push_back(f);
  Finding broken = Sample()[1];
  broken.message = "cut \xe4\xb8";
  broken.evidence = {{"text", "also cut \xe4"}, {"share", 0.25}};
  findings.push_back(broken);
  const std::string out = RenderSarif(findings, "1.2.3");
  EXPECT_EQ(out, nlohmann::json::parse(out).dump(2) + "\n");
  EXPECT_NE(out.find("cut \xef\xbf\xbd"), std::string::npos);
}

TEST(SarifTest, EmptyRunStillListsRules) {
  const nlohmann::json sarif = nlohmann::json::parse(RenderSarif({}, "0"));
  EXPECT_TRUE(sarif["runs"][0]["results"].empty());
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["rules"].size(), Rules().size());
}

TEST(SarifTest, MergedSetsAreOneRunWithEachResultTagged) {
  const std::string one = RenderSarif(Sample(), "1.2.3");
  const nlohmann::json merged = nlohmann::json::parse(
      MergeSarif({{"a", one, ""}, {"b <x>", "", "manifest: file \"mt.txt\" does not exist"}, {"c", one, ""}}, "1.2.3"));
  ASSERT_EQ(merged["runs"].size(), 1u);
  const nlohmann::json& run = merged["runs"][0];
  EXPECT_EQ(run["tool"], nlohmann::json::parse(one)["runs"][0]["tool"]);
  ASSERT_EQ(run["results"].size(), 2 * Sample().size());
  EXPECT_EQ(run["results"][0]["properties"]["documentSet"], "a");
  EXPECT_EQ(run["results"].back()["properties"]["documentSet"], "c");
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], false);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["level"], "error");
  const nlohmann::json clean = nlohmann::json::parse(MergeSarif({{"a", one, ""}}, "1.2.3"));
  EXPECT_EQ(clean["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

TEST(JunitTest, MergedSetsAreOneSuiteEachWithSummedCounts) {
  const std::string one = RenderJunit(Sample(), "a", Severity::kWarning);
  const std::string merged = MergeJunit({{"a", one, ""}, {"b <x>", "", "bad & broken"}, {"c", one, ""}});
  EXPECT_EQ(Count(merged, "<testsuite "), 3u);
  EXPECT_EQ(Count(merged, "<testsuites "), 1u);
  const size_t rules = Rules().size();
  EXPECT_NE(merged.find("<testsuites tests=\"" + std::to_string(2 * rules + 1) + "\" failures=\"4\" errors=\"1\""),
            std::string::npos)
      << merged;
  EXPECT_NE(merged.find("<error message=\"bad &amp; broken\" type=\"input-error\"/>"), std::string::npos);
  EXPECT_NE(merged.find("name=\"b &lt;x&gt;\""), std::string::npos);
}

TEST(JunitTest, OneCasePerRuleFailingAtTheThreshold) {
  const std::string out = RenderJunit(Sample(), "bitext <audit>", Severity::kWarning);
  EXPECT_EQ(Count(out, "<testcase "), Rules().size());
  EXPECT_EQ(Count(out, "<testsuite "), 1u);
  EXPECT_EQ(Count(out, "<failure "), 2u);  // omission and addition
  EXPECT_EQ(Count(out, "</failure>"), 2u);
  EXPECT_NE(out.find("<testsuite name=\"bitext &lt;audit&gt;\" tests=\"" + std::to_string(Rules().size()) +
                     "\" failures=\"2\""),
            std::string::npos);
  EXPECT_NE(out.find("type=\"omission\""), std::string::npos);
  EXPECT_EQ(out.find("<script>"), std::string::npos);
  EXPECT_NE(out.find("&lt;script&gt;&amp;&quot;&apos;|*"), std::string::npos);
  EXPECT_NE(out.find("人类命运共同体\xEF\xBF\xBD text"), std::string::npos);  // control character replaced
  EXPECT_NE(out.find("docs/official en.txt:12:3: bad"), std::string::npos);
  EXPECT_NE(out.find("docs/official en.txt:20:1: another omission"), std::string::npos);
  // Info is below the threshold: reported, not failed.
  EXPECT_NE(out.find("<system-out>mt.txt:2:7: missing space after &apos;,&apos;\n</system-out>"), std::string::npos);
  // Tags balance: every opened case is closed or self-closing.
  EXPECT_EQ(Count(out, "<testcase ") - Count(out, "/>\n"), Count(out, "</testcase>"));
}

TEST(JunitTest, ErrorThresholdAndNoFindings) {
  EXPECT_EQ(Count(RenderJunit(Sample(), "s", Severity::kError), "<failure "), 1u);
  EXPECT_EQ(Count(RenderJunit(Sample(), "s", Severity::kInfo), "<failure "), 3u);
  const std::string empty = RenderJunit({}, "s", Severity::kInfo);
  EXPECT_EQ(Count(empty, "<testcase "), Rules().size());
  EXPECT_NE(empty.find("failures=\"0\""), std::string::npos);
}

// Each character XML 1.0 forbids becomes one U+FFFD, and is counted: C0
// controls, U+FFFE, U+FFFF and an encoded lone surrogate; tab, line feed,
// DEL, bidi controls and astral characters are XML characters and stay.
TEST(XmlEscapeTest, ForbiddenCharactersAreReplacedAndCounted) {
  const std::string fffd = "\xEF\xBF\xBD";
  XmlReplacements outer;
  {
    XmlReplacements counted;
    EXPECT_EQ(EscapeXml("a\x01"
                        "b\x1b[c\tt\nn"),
              "a" + fffd + "b" + fffd + "[c\tt\nn");
    EXPECT_EQ(EscapeXml("x\xEF\xBF\xBEy\xEF\xBF\xBFz"), "x" + fffd + "y" + fffd + "z");
    // U+D800 as CESU-8: one U+FFFD per byte, as Unicode advises for a sequence no character starts.
    EXPECT_EQ(EscapeXml("s\xED\xA0\x80t"), "s" + fffd + fffd + fffd + "t");
    EXPECT_EQ(EscapeXml("\x7f\xE2\x80\xAE\xF0\x9F\x98\x80<&\r"), "\x7f\xE2\x80\xAE\xF0\x9F\x98\x80&lt;&amp;");
    EXPECT_EQ(counted.Take(), 7u);
    EXPECT_EQ(counted.Take(), 0u);
  }
  EXPECT_EQ(EscapeXml("\x02"), fffd);
  EXPECT_EQ(outer.Take(), 1u);  // the inner counter took the others
}

TEST(MarkdownTest, CountsTableAndWorstFindingsEscaped) {
  const std::string out = RenderMarkdown(Sample(), "Audit", 3);
  EXPECT_EQ(out.rfind("# Audit\n", 0), 0u);
  EXPECT_NE(out.find("| Rule | Errors | Warnings | Info |"), std::string::npos);
  EXPECT_NE(out.find("| omission | 2 | 0 | 0 |"), std::string::npos);
  EXPECT_NE(out.find("| addition | 0 | 1 | 0 |"), std::string::npos);
  EXPECT_NE(out.find("| punctuation-spacing | 0 | 0 | 1 |"), std::string::npos);
  EXPECT_NE(out.find("| **total** | 2 | 1 | 1 |"), std::string::npos);
  EXPECT_EQ(out.find("| low-similarity"), std::string::npos);  // no findings, no row
  EXPECT_NE(out.find("\\<script\\>\\&\"'\\|\\*\\_\\[x\\]\\` in 人类命运共同体"), std::string::npos);
  EXPECT_EQ(out.find("<script>"), std::string::npos);
  // Errors first in input order, then the warning; the info is cut.
  const size_t first = out.find("- `docs/official en.txt:12` **omission** bad");
  const size_t second = out.find("- `docs/official en.txt:20` **omission** another omission");
  const size_t third = out.find("- `mt.txt:5` **addition** an added paragraph");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  ASSERT_NE(third, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_EQ(out.find("**punctuation-spacing**"), std::string::npos);
  EXPECT_NE(out.find("and 1 more"), std::string::npos);
}

TEST(MarkdownTest, NoFindings) {
  const std::string out = RenderMarkdown({}, "Audit", 10);
  EXPECT_NE(out.find("no findings"), std::string::npos);
  EXPECT_EQ(out.find('|'), std::string::npos);
}

}  // namespace
}  // namespace bitext
