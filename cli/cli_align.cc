// bitext align: Chinese-English alignment of documents (paragraphs, then
// sentences) or of pre-segmented files (one unit per line).
#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "alignment_report.h"
#include "cli.h"
#include "cli_options.h"
#include "cli_lexicon.h"
#include "document.h"
#include "document_alignment.h"
#include "error.h"
#include "unicode.h"

namespace po = boost::program_options;

namespace bitext::cli {
namespace {

// One unit per line; blank lines are units only with --keep-empty.
AlignedSide LinesOf(const std::string& path, const DecodeOptions& decode, bool keep_empty) {
  DecodedText text = ReadText(path, decode);
  AlignedSide side;
  std::istringstream in(text.text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!keep_empty && Trim(line).empty()) continue;
    side.texts.push_back(line);
    side.lines.push_back({number, number});
  }
  return side;
}

}  // namespace

int RunAlign(const std::vector<std::string>& args) {
  std::string zh_path, en_path, bilingual_path, units = "documents", format = "beads",
              level = "paragraph", lexicon_path;
  bool keep_empty = false, with_scores = false, no_lexicon = false, tsv_bom = false, no_tsv_bom = false;
  DecodeOptions decode;
  Verbosity verbosity;
  po::options_description visible(HelpCaption(
      "bitext align (--zh Z --en E | --bilingual F) [options]",
      "Aligns Chinese and English units. Documents are read with the document model\n"
      "(logical paragraphs, then sentences); --units lines takes one unit per line."));
  visible.add_options()
      ("help,h", "show this help")
      ("zh", po::value(&zh_path), "Chinese file")
      ("en", po::value(&en_path), "English file")
      ("bilingual", po::value(&bilingual_path), "one file holding both languages")
      ("units", po::value(&units)->default_value("documents"), "documents or lines")
      ("keep-empty", po::bool_switch(&keep_empty), "with --units lines: blank lines are units too")
      ("level", po::value(&level)->default_value("paragraph"), "paragraph or sentence (documents)")
      ("format", po::value(&format)->default_value("beads"), "beads, tsv or json")
      ("with-scores", po::bool_switch(&with_scores), "beads format: append :score")
      ("tsv-bom", po::bool_switch(&tsv_bom), "tsv format: start with a UTF-8 byte order mark, for spreadsheets")
      ("no-tsv-bom", po::bool_switch(&no_tsv_bom), "tsv format: no byte order mark (the default on stdout)");
  AddDecodeOptions(visible, &decode);
  AddLexiconOptions(visible, &lexicon_path, &no_lexicon);
  AddVerbosityOptions(visible, &verbosity);
  if (!ParseCommandLine(args, visible, nullptr, nullptr)) return kExitOk;
  if (format != "beads" && format != "tsv" && format != "json") {
    throw UsageError("--format must be beads, tsv or json");
  }
  if (tsv_bom && no_tsv_bom) throw UsageError("give --tsv-bom or --no-tsv-bom, not both");
  if (units != "documents" && units != "lines") throw UsageError("--units must be documents or lines");
  if (level != "paragraph" && level != "sentence") throw UsageError("--level must be paragraph or sentence");
  const bool pair = !zh_path.empty() && !en_path.empty();
  if (pair == !bilingual_path.empty()) throw UsageError("give --zh and --en, or --bilingual");
  if (units == "lines" && !pair) throw UsageError("--units lines needs --zh and --en");

  std::unique_ptr<align::Lexicon> lexicon = LoadLexicon(lexicon_path, no_lexicon, verbosity.quiet);
  align::AlignerOptions options;

  if (units == "lines") {
    AlignedSide zh = LinesOf(zh_path, decode, keep_empty);
    AlignedSide en = LinesOf(en_path, decode, keep_empty);
    align::LexicalSpace space(lexicon.get());
    std::vector<align::AlignUnit> zh_units, en_units;
    for (const std::string& t : zh.texts) zh_units.push_back(space.MakeZh(t));
    for (const std::string& t : en.texts) en_units.push_back(space.MakeEn(t));
    WriteAlignment(std::cout, align::AlignUnits(zh_units, en_units, space, options), zh, en, format, with_scores, tsv_bom);
    return kExitOk;
  }

  DocumentOptions doc_options{decode};
  std::vector<Document> docs;
  std::vector<const Paragraph*> zh, en;
  if (pair) {
    docs.push_back(LoadDocument(zh_path, doc_options));
    docs.push_back(LoadDocument(en_path, doc_options));
    zh = align::AlignableParagraphs(docs[0], Lang::kZh);
    en = align::AlignableParagraphs(docs[1], Lang::kEn);
  } else {
    docs.push_back(LoadDocument(bilingual_path, doc_options));
    zh = align::AlignableParagraphs(docs[0], Lang::kZh);
    en = align::AlignableParagraphs(docs[0], Lang::kEn);
  }
  RequireLanguage(docs.front(), Lang::kZh, pair ? "--zh" : "--bilingual");
  RequireLanguage(docs.back(), Lang::kEn, pair ? "--en" : "--bilingual");
  if (zh.empty()) throw InputError({pair ? zh_path : bilingual_path}, "has no Chinese paragraphs");
  if (en.empty()) throw InputError({pair ? en_path : bilingual_path}, "has no English paragraphs");
  align::DocumentAlignment result =
      align::AlignDocuments(zh, en, lexicon.get(), options, level == "sentence");
  if (level == "paragraph") {
    WriteAlignment(std::cout, result.paragraphs, ParagraphSide(zh), ParagraphSide(en), format, with_scores, tsv_bom);
  } else {
    WriteAlignment(std::cout, result.sentences, SentenceSide(zh, result.zh_sentences),
                   SentenceSide(en, result.en_sentences), format, with_scores, tsv_bom);
  }
  return kExitOk;
}

}  // namespace bitext::cli
