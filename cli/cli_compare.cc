// bitext compare (--bilingual F | --zh Z --en E) --mt M [--format text|json] [--jobs N]
// Compares a machine translation with the official bilingual text: repeats
// inside the MT, its alignment with the official English, and three-way rows.
#include <boost/program_options.hpp>
#include <iostream>
#include <optional>

#include "cli.h"
#include "cli_lexicon.h"
#include "cli_options.h"
#include "comparison.h"
#include "compare_set.h"
#include "comparison_report.h"
#include "document.h"
#include "error.h"

namespace po = boost::program_options;

namespace bitext::cli {

int RunCompare(const std::vector<std::string>& args) {
  std::string zh_path, en_path, bilingual_path, mt_path, titles_path, format = "text";
  std::vector<std::string> lexicon_paths;
  bool no_lexicon = false;
  unsigned jobs = 1;
  DecodeOptions decode;
  Verbosity verbosity;
  po::options_description visible(HelpCaption("bitext compare (--zh Z --en E | --bilingual F) --mt M [options]",
                                              "Compares a machine translation with the official bilingual text."));
  visible.add_options()("help,h", "show this help")("zh", po::value(&zh_path), "official Chinese file")(
      "en", po::value(&en_path), "official English file")("bilingual", po::value(&bilingual_path),
                                                          "official text with both languages in one file")(
      "mt", po::value(&mt_path), "machine-translated English")("titles", po::value(&titles_path),
                                                               "a document listing the official headings (optional)")(
      "format", po::value(&format)->default_value("text"), "text or json");
  AddDecodeOptions(visible, &decode);
  AddLexiconOptions(visible, &lexicon_paths, &no_lexicon);
  AddJobsOption(visible, &jobs, "threads for the alignments and the comparison's steps");
  AddVerbosityOptions(visible, &verbosity);
  if (!ParseCommandLine(args, visible, nullptr, nullptr)) return kExitOk;
  if (format != "text" && format != "json") throw UsageError("--format must be text or json");
  const bool pair = !zh_path.empty() && !en_path.empty();
  if (pair == !bilingual_path.empty()) throw UsageError("give --zh and --en, or --bilingual");
  if (mt_path.empty()) throw UsageError("missing --mt FILE");

  const DocumentOptions doc_options{decode};
  const Document official_zh = LoadDocument(pair ? zh_path : bilingual_path, doc_options);
  std::optional<Document> official_en;  // none for a bilingual file
  if (pair) official_en = LoadDocument(en_path, doc_options);
  const Document mt = LoadDocument(mt_path, doc_options);
  std::optional<Document> titles;
  if (!titles_path.empty()) titles = LoadDocument(titles_path, doc_options);
  const OfficialTexts official = pair ? OfficialTexts(&official_zh, &*official_en) : OfficialTexts(&official_zh);
  RequireLanguage(*official.zh, Lang::kZh, pair ? "--zh" : "--bilingual");
  RequireLanguage(*official.en, Lang::kEn, pair ? "--en" : "--bilingual");
  const auto zh = align::AlignableParagraphs(*official.zh, Lang::kZh);
  const auto en = align::AlignableParagraphs(*official.en, Lang::kEn);
  if (zh.empty()) throw InputError({pair ? zh_path : bilingual_path}, "has no Chinese paragraphs");
  if (en.empty()) throw InputError({pair ? en_path : bilingual_path}, "has no English paragraphs");

  std::unique_ptr<align::Lexicon> lexicon = LoadLexicon(lexicon_paths, no_lexicon, verbosity.quiet);
  const bool json = format == "json";  // the text omits the scores
  const std::vector<std::unique_ptr<align::Comparison>> compared =
      pipeline::CompareEachMt(zh, en, {&mt}, lexicon.get(), titles ? &*titles : nullptr, json, jobs);
  const align::Comparison& c = *compared.front();
  if (json) {
    WriteComparisonJson(std::cout, c, pair ? en_path : bilingual_path, mt_path);
    std::cout << "\n";
  } else {
    std::cout << RenderComparisonText(c);
  }
  return kExitOk;
}

}  // namespace bitext::cli
