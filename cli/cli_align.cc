// bitext align: Chinese-English alignment of documents (paragraphs, then
// sentences) or of pre-segmented files (one unit per line).
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "alignment_report.h"
#include "atomic_file.h"
#include "cli.h"
#include "cli_lexicon.h"
#include "cli_options.h"
#include "document.h"
#include "document_alignment.h"
#include "error.h"
#include "learning_alignment.h"
#include "parallel.h"
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

// Where the alignment of pair `k` goes: stdout for one pair, else a file in
// `out_dir` named after the Chinese file ("zh/001.txt" -> "OUT/001.align").
std::string OutputPath(const std::string& out_dir, const std::string& zh_path, const std::string& format) {
  if (out_dir.empty()) return "";
  const std::string extension = format == "beads" ? ".align" : "." + format;
  return (std::filesystem::path(out_dir) / std::filesystem::path(zh_path).stem()).string() + extension;
}

void Emit(const std::string& path, const std::vector<align::Bead>& beads, const AlignedSide& zh, const AlignedSide& en,
          const std::string& format, bool with_scores, bool tsv_bom) {
  if (path.empty()) {
    WriteAlignment(std::cout, beads, zh, en, format, with_scores, tsv_bom);
    return;
  }
  WriteFileAtomically(path,
                      [&](std::ostream& out) { WriteAlignment(out, beads, zh, en, format, with_scores, tsv_bom); });
}

// The align command's options, as given.
struct AlignArgs {
  std::vector<std::string> zh_paths, en_paths, zh_mt_paths, lexicon_paths;
  std::string bilingual_path, units = "documents", format = "beads", level = "paragraph", out_dir, write_lexicon;
  bool keep_empty = false, with_scores = false, no_lexicon = false, no_learning = false, tsv_bom = false,
       no_tsv_bom = false;
  DecodeOptions decode;
  Verbosity verbosity;
  unsigned jobs = 1;

  // Scores each band's beads on up to `jobs` threads.
  align::AlignerOptions Options() const {
    align::AlignerOptions options;
    options.scoring = {pipeline::OnThreads(jobs), static_cast<int>(jobs)};
    return options;
  }
  bool pair() const { return !zh_paths.empty(); }
};

// Reads argv into `a`; false when only the help was asked for. Throws
// UsageError on a bad combination.
bool ParseAlignArgs(const std::vector<std::string>& args, AlignArgs& a) {
  po::options_description visible(
      HelpCaption("bitext align (--zh Z --en E ... | --bilingual F) [options]",
                  "Aligns Chinese and English units. Documents are read with the document model\n"
                  "(logical paragraphs, then sentences); --units lines takes one unit per line.\n"
                  "Several --zh/--en pairs are aligned together (--out DIR): the lexicon learned\n"
                  "from the first alignment of all of them serves the second."));
  visible.add_options()("help,h", "show this help")("zh", po::value(&a.zh_paths)->composing(),
                                                    "Chinese file (repeatable, paired in order with --en)")(
      "en", po::value(&a.en_paths)->composing(), "English file (repeatable)")(
      "zh-mt", po::value(&a.zh_mt_paths)->composing(),
      "with --units lines: a machine translation of the --zh file, one line per Chinese line (repeatable, paired in "
      "order with --zh), compared with the English as evidence")("bilingual", po::value(&a.bilingual_path),
                                                                 "one file holding both languages")(
      "out", po::value(&a.out_dir), "folder for the alignments of several pairs (NAME.align, .tsv or .json)")(
      "units", po::value(&a.units)->default_value("documents"), "documents or lines")(
      "keep-empty", po::bool_switch(&a.keep_empty), "with --units lines: blank lines are units too")(
      "level", po::value(&a.level)->default_value("paragraph"), "paragraph or sentence (documents)")(
      "format", po::value(&a.format)->default_value("beads"), "beads, tsv or json")(
      "with-scores", po::bool_switch(&a.with_scores), "beads format: append :score")(
      "tsv-bom", po::bool_switch(&a.tsv_bom), "tsv format: start with a UTF-8 byte order mark, for spreadsheets")(
      "no-tsv-bom", po::bool_switch(&a.no_tsv_bom), "tsv format: no byte order mark (the default on stdout)")(
      "no-learned-lexicon", po::bool_switch(&a.no_learning),
      "one round with CC-CEDICT only: learn no lexicon from the text")(
      "write-lexicon", po::value(&a.write_lexicon), "save the learned lexicon (CC-CEDICT format) to this file");
  AddDecodeOptions(visible, &a.decode);
  AddLexiconOptions(visible, &a.lexicon_paths, &a.no_lexicon);
  AddJobsOption(visible, &a.jobs, "threads that score the beads of each alignment");
  AddVerbosityOptions(visible, &a.verbosity);
  if (!ParseCommandLine(args, visible, nullptr, nullptr)) return false;
  if (a.format != "beads" && a.format != "tsv" && a.format != "json") {
    throw UsageError("--format must be beads, tsv or json");
  }
  if (a.tsv_bom && a.no_tsv_bom) throw UsageError("give --tsv-bom or --no-tsv-bom, not both");
  if (a.units != "documents" && a.units != "lines") throw UsageError("--units must be documents or lines");
  if (a.level != "paragraph" && a.level != "sentence") throw UsageError("--level must be paragraph or sentence");
  if (a.zh_paths.size() != a.en_paths.size()) throw UsageError("give as many --en files as --zh files");
  if (a.pair() == !a.bilingual_path.empty()) throw UsageError("give --zh and --en, or --bilingual");
  if (a.units == "lines" && !a.pair()) throw UsageError("--units lines needs --zh and --en");
  if (!a.zh_mt_paths.empty() && a.units != "lines") throw UsageError("--zh-mt needs --units lines");
  if (!a.zh_mt_paths.empty() && a.zh_mt_paths.size() != a.zh_paths.size()) {
    throw UsageError("give one --zh-mt file for each --zh file, or none");
  }
  if (a.zh_paths.size() > 1 && a.out_dir.empty()) throw UsageError("several --zh/--en pairs need --out DIR");
  if (!a.write_lexicon.empty() && a.no_learning) {
    throw UsageError("--write-lexicon learns a lexicon: drop --no-learned-lexicon");
  }
  return true;
}

std::string Units(size_t count) { return std::to_string(count) + (count == 1 ? " unit" : " units"); }

// --units lines: aligns and writes every pair; returns the learned lexicon.
std::vector<align::LearnedEntry> AlignLines(const AlignArgs& a, const align::Lexicon* lexicon,
                                            const align::LearningOptions& learning) {
  std::vector<AlignedSide> zh, en;
  std::vector<align::UnitTexts> documents;
  for (size_t k = 0; k < a.zh_paths.size(); ++k) {
    zh.push_back(LinesOf(a.zh_paths[k], a.decode, a.keep_empty));
    en.push_back(LinesOf(a.en_paths[k], a.decode, a.keep_empty));
    documents.push_back({zh.back().texts, en.back().texts, {}});
    if (a.zh_mt_paths.empty()) continue;
    // Read as the Chinese file is, so that unit k of each is line k.
    AlignedSide mt = LinesOf(a.zh_mt_paths[k], a.decode, a.keep_empty);
    if (mt.texts.size() != zh.back().texts.size()) {
      throw InputError({a.zh_mt_paths[k]}, "has " + Units(mt.texts.size()) + ", but its Chinese file " + a.zh_paths[k] +
                                               " has " + Units(zh.back().texts.size()) +
                                               ": a machine translation needs one line per Chinese line");
    }
    documents.back().zh_mt = std::move(mt.texts);
  }
  align::UnitTextsAlignment result = align::AlignUnitTextsLearning(documents, lexicon, a.Options(), learning);
  for (size_t k = 0; k < a.zh_paths.size(); ++k) {
    Emit(OutputPath(a.out_dir, a.zh_paths[k], a.format), result.beads[k], zh[k], en[k], a.format, a.with_scores,
         a.tsv_bom);
  }
  return std::move(result.learned);
}

// --units documents: models, aligns and writes every pair (or the bilingual
// file); returns the learned lexicon.
std::vector<align::LearnedEntry> AlignDocumentPairs(const AlignArgs& a, const align::Lexicon* lexicon,
                                                    const align::LearningOptions& learning) {
  DocumentOptions doc_options{a.decode};
  std::vector<Document> docs;
  docs.reserve(2 * a.zh_paths.size() + 1);  // paragraphs point into them
  std::vector<align::ParagraphsToAlign> documents;
  auto add = [&](const Document& zh_doc, const Document& en_doc, const std::string& zh_name,
                 const std::string& en_name) {
    RequireLanguage(zh_doc, Lang::kZh, zh_name);
    RequireLanguage(en_doc, Lang::kEn, en_name);
    documents.push_back({align::AlignableParagraphs(zh_doc, Lang::kZh), align::AlignableParagraphs(en_doc, Lang::kEn)});
    if (documents.back().zh.empty()) throw InputError({zh_doc.path}, "has no Chinese paragraphs");
    if (documents.back().en.empty()) throw InputError({en_doc.path}, "has no English paragraphs");
  };
  if (a.pair()) {
    for (size_t k = 0; k < a.zh_paths.size(); ++k) {
      docs.push_back(LoadDocument(a.zh_paths[k], doc_options));
      docs.push_back(LoadDocument(a.en_paths[k], doc_options));
      add(docs[docs.size() - 2], docs.back(), "--zh", "--en");
    }
  } else {
    docs.push_back(LoadDocument(a.bilingual_path, doc_options));
    add(docs.back(), docs.back(), "--bilingual", "--bilingual");
  }
  align::DocumentsAlignment result =
      align::AlignDocumentsLearning(documents, lexicon, a.Options(), a.level == "sentence", learning);
  for (size_t k = 0; k < documents.size(); ++k) {
    const align::DocumentAlignment& d = result.documents[k];
    const std::string path = OutputPath(a.out_dir, a.pair() ? a.zh_paths[k] : a.bilingual_path, a.format);
    if (a.level == "paragraph") {
      Emit(path, d.paragraphs, ParagraphSide(d.zh), ParagraphSide(d.en), a.format, a.with_scores, a.tsv_bom);
    } else {
      Emit(path, d.sentences, SentenceSide(d.zh, d.zh_sentences), SentenceSide(d.en, d.en_sentences), a.format,
           a.with_scores, a.tsv_bom);
    }
  }
  return std::move(result.learned);
}

}  // namespace

int RunAlign(const std::vector<std::string>& args) {
  AlignArgs a;
  if (!ParseAlignArgs(args, a)) return kExitOk;
  std::unique_ptr<align::Lexicon> lexicon = LoadLexicon(a.lexicon_paths, a.no_lexicon, a.verbosity.quiet);
  align::LearningOptions learning;
  learning.enabled = !a.no_learning;
  const std::vector<align::LearnedEntry> learned =
      a.units == "lines" ? AlignLines(a, lexicon.get(), learning) : AlignDocumentPairs(a, lexicon.get(), learning);
  if (!a.write_lexicon.empty()) WriteFileAtomically(a.write_lexicon, align::ToCedictText(learned));
  return kExitOk;
}

}  // namespace bitext::cli
