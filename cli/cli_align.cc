// bitext align: Chinese-English alignment of documents (paragraphs, then
// sentences) or of pre-segmented files (one unit per line).
#include <boost/program_options.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli.h"
#include "cli_options.h"
#include "cli_lexicon.h"
#include "document.h"
#include "document_alignment.h"
#include "error.h"
#include "evaluation.h"
#include "unicode.h"

namespace po = boost::program_options;

namespace bitext::cli {
namespace {

struct Side {
  std::vector<std::string> texts;      // unit texts
  std::vector<LineSpan> lines;         // 1-based source lines of each unit
};

// One unit per line; blank lines are units only with --keep-empty.
Side LinesOf(const std::string& path, const DecodeOptions& decode, bool keep_empty) {
  DecodedText text = ReadText(path, decode);
  Side side;
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

align::IndexBead ToIndexBead(const align::Bead& b) {
  align::IndexBead out;
  for (int i = b.zh_begin; i < b.zh_end; ++i) out.zh.push_back(i);
  for (int j = b.en_begin; j < b.en_end; ++j) out.en.push_back(j);
  return out;
}

std::string BeadType(const align::Bead& b) {
  return std::to_string(b.zh_size()) + "-" + std::to_string(b.en_size());
}

std::string JoinTexts(const Side& side, int begin, int end, bool chinese) {
  std::string out;
  for (int k = begin; k < end; ++k) {
    if (!out.empty() && !chinese) out += ' ';
    out += side.texts[static_cast<size_t>(k)];
  }
  return out;
}

nlohmann::json Evidence(const align::Bead& b) {
  nlohmann::json e = nlohmann::json::array();
  if (b.zh_size() == 0 || b.en_size() == 0) return e;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "length p=%.2f", b.evidence.length_probability);
  e.push_back(buffer);
  if (b.evidence.lexical >= 0) {
    std::snprintf(buffer, sizeof buffer, "lexicon %.2f", b.evidence.lexical);
    e.push_back(buffer);
  }
  if (b.evidence.anchors >= 0) {
    std::string anchors = "anchors";
    for (const std::string& a : b.evidence.matched_anchors) anchors += " " + a;
    if (b.evidence.matched_anchors.empty()) anchors += " (none matched)";
    e.push_back(anchors);
  }
  if (b.evidence.structure_conflicts > 0) e.push_back("structure conflict");
  return e;
}

void Print(const std::vector<align::Bead>& beads, const Side& zh, const Side& en,
           const std::string& format, bool with_scores) {
  if (format == "beads") {
    for (const align::Bead& b : beads) {
      std::cout << align::FormatBead(ToIndexBead(b));
      if (with_scores) std::cout << ":" << b.confidence;
      std::cout << "\n";
    }
  } else if (format == "tsv") {
    auto clean = [](std::string s) {
      for (char& c : s) if (c == '\t' || c == '\n') c = ' ';
      return s;
    };
    for (const align::Bead& b : beads) {
      std::cout << clean(JoinTexts(zh, b.zh_begin, b.zh_end, true)) << "\t"
                << clean(JoinTexts(en, b.en_begin, b.en_end, false)) << "\t" << BeadType(b) << "\t"
                << b.confidence << "\n";
    }
  } else {
    nlohmann::json out;
    out["beads"] = nlohmann::json::array();
    for (const align::Bead& b : beads) {
      nlohmann::json j;
      align::IndexBead ib = ToIndexBead(b);
      j["zh"] = ib.zh;
      j["en"] = ib.en;
      j["zh_text"] = JoinTexts(zh, b.zh_begin, b.zh_end, true);
      j["en_text"] = JoinTexts(en, b.en_begin, b.en_end, false);
      j["zh_lines"] = b.zh_size() ? nlohmann::json{zh.lines[static_cast<size_t>(b.zh_begin)].first,
                                                    zh.lines[static_cast<size_t>(b.zh_end - 1)].last}
                                  : nlohmann::json::array();
      j["en_lines"] = b.en_size() ? nlohmann::json{en.lines[static_cast<size_t>(b.en_begin)].first,
                                                    en.lines[static_cast<size_t>(b.en_end - 1)].last}
                                  : nlohmann::json::array();
      j["type"] = BeadType(b);
      j["score"] = b.confidence;
      j["evidence"] = Evidence(b);
      out["beads"].push_back(std::move(j));
    }
    std::cout << out.dump(2) << "\n";
  }
}

Side ParagraphSide(const std::vector<const Paragraph*>& paragraphs) {
  Side side;
  for (const Paragraph* p : paragraphs) {
    side.texts.push_back(p->text);
    side.lines.push_back(p->lines());
  }
  return side;
}

Side SentenceSide(const std::vector<const Paragraph*>& paragraphs,
                  const std::vector<align::SentenceRef>& refs) {
  Side side;
  for (const align::SentenceRef& r : refs) {
    const Paragraph* p = paragraphs[static_cast<size_t>(r.paragraph)];
    side.texts.push_back(p->sentences[static_cast<size_t>(r.sentence)].text);
    side.lines.push_back(p->lines());
  }
  return side;
}

}  // namespace

int RunAlign(const std::vector<std::string>& args) {
  std::string zh_path, en_path, bilingual_path, units = "documents", format = "beads",
              level = "paragraph", lexicon_path;
  bool keep_empty = false, with_scores = false, no_lexicon = false;
  DecodeOptions decode;
  po::options_description visible(
      "bitext align (--zh Z --en E | --bilingual F) [options]\n\n"
      "Aligns Chinese and English units. Documents are read with the document model\n"
      "(logical paragraphs, then sentences); --units lines takes one unit per line.\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("zh", po::value(&zh_path), "Chinese file")
      ("en", po::value(&en_path), "English file")
      ("bilingual", po::value(&bilingual_path), "one file holding both languages")
      ("units", po::value(&units)->default_value("documents"), "documents or lines")
      ("keep-empty", po::bool_switch(&keep_empty), "with --units lines: blank lines are units too")
      ("level", po::value(&level)->default_value("paragraph"), "paragraph or sentence (documents)")
      ("format", po::value(&format)->default_value("beads"), "beads, tsv or json")
      ("with-scores", po::bool_switch(&with_scores), "beads format: append :score");
  AddDecodeOptions(visible, &decode);
  AddLexiconOptions(visible, &lexicon_path, &no_lexicon);
  if (!ParseCommandLine(args, visible, nullptr, nullptr)) return kExitOk;
  if (format != "beads" && format != "tsv" && format != "json") {
    throw UsageError("--format must be beads, tsv or json");
  }
  if (units != "documents" && units != "lines") throw UsageError("--units must be documents or lines");
  if (level != "paragraph" && level != "sentence") throw UsageError("--level must be paragraph or sentence");
  const bool pair = !zh_path.empty() && !en_path.empty();
  if (pair == !bilingual_path.empty()) throw UsageError("give --zh and --en, or --bilingual");
  if (units == "lines" && !pair) throw UsageError("--units lines needs --zh and --en");

  std::unique_ptr<align::Lexicon> lexicon = LoadLexicon(lexicon_path, no_lexicon);
  align::AlignerOptions options;

  if (units == "lines") {
    Side zh = LinesOf(zh_path, decode, keep_empty);
    Side en = LinesOf(en_path, decode, keep_empty);
    align::LexicalSpace space(lexicon.get());
    std::vector<align::AlignUnit> zh_units, en_units;
    for (const std::string& t : zh.texts) zh_units.push_back(space.MakeZh(t));
    for (const std::string& t : en.texts) en_units.push_back(space.MakeEn(t));
    Print(align::AlignUnits(zh_units, en_units, space, options), zh, en, format, with_scores);
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
    Print(result.paragraphs, ParagraphSide(zh), ParagraphSide(en), format, with_scores);
  } else {
    Print(result.sentences, SentenceSide(zh, result.zh_sentences),
          SentenceSide(en, result.en_sentences), format, with_scores);
  }
  return kExitOk;
}

}  // namespace bitext::cli
