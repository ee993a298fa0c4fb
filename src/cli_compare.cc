// bitext compare (--bilingual F | --zh Z --en E) --mt M [--format text|json]
// Compares a machine translation with the official bilingual text: repeats
// inside the MT, its alignment with the official English, and three-way rows.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "cli_lexicon.h"
#include "comparison.h"
#include "document.h"
#include "error.h"
#include "unicode.h"

namespace po = boost::program_options;

namespace bitext::cli {
namespace {

nlohmann::json Lines(const std::vector<const Paragraph*>& side) {
  if (side.empty()) return nlohmann::json::array();
  return {side.front()->lines().first, side.back()->lines().last};
}

std::string Text(const std::vector<const Paragraph*>& side, bool chinese) {
  std::string out;
  for (const Paragraph* p : side) {
    if (!out.empty() && !chinese) out += ' ';
    out += p->text;
  }
  return out;
}

nlohmann::json Span(const std::vector<const Paragraph*>& paragraphs, int begin, int end) {
  return {paragraphs[static_cast<size_t>(begin)]->lines().first,
          paragraphs[static_cast<size_t>(end - 1)]->lines().last};
}

nlohmann::json ToJson(const align::Comparison& c, const std::string& official_path,
                      const std::string& mt_path) {
  nlohmann::json out;
  out["official"] = official_path;
  out["mt"] = mt_path;
  out["rows"] = nlohmann::json::array();
  for (const align::ComparisonRow& row : c.rows) {
    nlohmann::json j;
    j["zh_text"] = Text(row.zh, true);
    j["en_text"] = Text(row.en, false);
    j["mt_text"] = Text(row.mt, false);
    j["zh_lines"] = Lines(row.zh);
    j["en_lines"] = Lines(row.en);
    j["mt_lines"] = Lines(row.mt);
    j["chrf"] = row.similarity >= 0 ? nlohmann::json(100 * row.similarity) : nlohmann::json(nullptr);
    j["routes_agree"] = row.routes_agree;
    out["rows"].push_back(std::move(j));
  }
  out["repeats"] = nlohmann::json::array();
  for (const align::Repeat& r : c.repeats.repeats) {
    nlohmann::json j;
    j["original"] = Span(c.mt_paragraphs, r.original_begin, r.original_end);
    j["repeat"] = Span(c.mt_paragraphs, r.repeat_begin, r.repeat_end);
    j["restart"] = r.restart;
    if (r.truncated >= 0) j["truncated_line"] = c.mt_paragraphs[static_cast<size_t>(r.truncated)]->lines().first;
    out["repeats"].push_back(std::move(j));
  }
  nlohmann::json coverage;
  const auto& mono = c.mt_alignment;
  coverage["mt_lines"] = mono.hyp_first < 0 ? nlohmann::json::array()
                                            : Span(c.mt_aligned, mono.hyp_first, mono.hyp_last + 1);
  coverage["official_en_paragraphs"] = c.official.en.size();
  coverage["official_en_rendered"] = c.en_rendered;
  coverage["mt_paragraphs"] = c.mt_aligned.size();
  coverage["mt_paragraphs_in_coverage"] = mono.hyp_first < 0 ? 0 : mono.hyp_last - mono.hyp_first + 1;
  out["coverage"] = coverage;
  double sum = 0;
  int rows = 0;
  for (const align::ComparisonRow& row : c.rows) {
    if (row.similarity >= 0) sum += row.similarity, ++rows;
  }
  out["metrics"] = {{"mean_row_chrf", rows ? 100 * sum / rows : 0.0}, {"rows_compared", rows}};
  return out;
}

std::string Clip(const std::string& text, size_t width) {
  std::vector<char32_t> cps = ToCodePoints(text);
  if (cps.size() <= width) return text;
  std::string out;
  for (size_t i = 0; i + 1 < width; ++i) out += ToUtf8(cps[i]);
  return out + "…";
}

void PrintText(const align::Comparison& c) {
  for (const align::Repeat& r : c.repeats.repeats) {
    std::cout << "repeat: MT lines " << c.mt_paragraphs[static_cast<size_t>(r.original_begin)]->lines().first
              << "-" << c.mt_paragraphs[static_cast<size_t>(r.original_end - 1)]->lines().last
              << " again at " << c.mt_paragraphs[static_cast<size_t>(r.repeat_begin)]->lines().first << "-"
              << c.mt_paragraphs[static_cast<size_t>(r.repeat_end - 1)]->lines().last;
    if (r.truncated >= 0) {
      std::cout << "; line " << c.mt_paragraphs[static_cast<size_t>(r.truncated)]->lines().first
                << " is cut where the repeat begins";
    }
    std::cout << "\n";
  }
  std::cout << "official English paragraphs rendered by the MT: " << c.en_rendered << " of "
            << c.official.en.size() << "\n\n";
  auto lines = [](const std::vector<const Paragraph*>& side) {
    if (side.empty()) return std::string("   -   ");
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%3d-%-3d", side.front()->lines().first, side.back()->lines().last);
    return std::string(buffer);
  };
  std::cout << "zh      en      mt      chrF  route  MT text\n";
  for (const align::ComparisonRow& row : c.rows) {
    char score[16] = "   - ";
    if (row.similarity >= 0) std::snprintf(score, sizeof score, "%5.1f", 100 * row.similarity);
    std::cout << lines(row.zh) << " " << lines(row.en) << " " << lines(row.mt) << " " << score << "  "
              << (row.routes_agree ? "  ok " : "DIFF ") << "  "
              << Clip(row.mt.empty() ? "(no MT rendering)" : row.mt.front()->text, 60) << "\n";
  }
}

}  // namespace

int RunCompare(const std::vector<std::string>& args) {
  std::string zh_path, en_path, bilingual_path, mt_path, format = "text", lexicon_path;
  bool no_lexicon = false;
  DecodeOptions decode;
  po::options_description visible(
      "bitext compare (--bilingual F | --zh Z --en E) --mt M [options]\n\n"
      "Compares a machine translation with the official bilingual text.\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("zh", po::value(&zh_path), "official Chinese file")
      ("en", po::value(&en_path), "official English file")
      ("bilingual", po::value(&bilingual_path), "official text with both languages in one file")
      ("mt", po::value(&mt_path), "machine-translated English")
      ("format", po::value(&format)->default_value("text"), "text or json")
      ("lexicon", po::value(&lexicon_path), "CC-CEDICT file (default: the one setup fetched)")
      ("no-lexicon", po::bool_switch(&no_lexicon), "align without a lexicon")
      ("encoding", po::value(&decode.encoding), "input encoding; default: detect")
      ("lenient", po::bool_switch(&decode.lenient), "replace invalid bytes with U+FFFD");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(visible).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << visible;
    return kExitOk;
  }
  if (format != "text" && format != "json") throw UsageError("--format must be text or json");
  const bool pair = !zh_path.empty() && !en_path.empty();
  if (pair == !bilingual_path.empty()) throw UsageError("give --zh and --en, or --bilingual");
  if (mt_path.empty()) throw UsageError("missing --mt FILE");

  const DocumentOptions doc_options{decode};
  std::vector<Document> official;
  if (pair) {
    official.push_back(LoadDocument(zh_path, doc_options));
    official.push_back(LoadDocument(en_path, doc_options));
  } else {
    official.push_back(LoadDocument(bilingual_path, doc_options));
  }
  const Document mt = LoadDocument(mt_path, doc_options);
  const auto zh = align::AlignableParagraphs(official.front(), Lang::kZh);
  const auto en = align::AlignableParagraphs(official.back(), Lang::kEn);
  if (zh.empty()) throw InputError({pair ? zh_path : bilingual_path}, "has no Chinese paragraphs");
  if (en.empty()) throw InputError({pair ? en_path : bilingual_path}, "has no English paragraphs");

  std::unique_ptr<align::Lexicon> lexicon = LoadLexicon(lexicon_path, no_lexicon);
  const align::Comparison c =
      align::CompareWithOfficial(zh, en, mt, lexicon.get(), align::AlignerOptions{});
  if (format == "json") {
    std::cout << ToJson(c, pair ? en_path : bilingual_path, mt_path).dump(2) << "\n";
  } else {
    PrintText(c);
  }
  return kExitOk;
}

}  // namespace bitext::cli
