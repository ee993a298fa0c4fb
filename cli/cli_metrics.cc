// bitext metrics --hyp H --ref R: corpus BLEU, chrF2 and TER of a translation
// against one or more references, one segment a line, exactly as sacreBLEU
// 2.4.2 computes them (align/metrics.h). Lines are read the way sacreBLEU's
// command line reads them (trailing white space dropped) and, like it, an
// empty reference line is refused rather than scored.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "cli_options.h"
#include "decode.h"
#include "error.h"
#include "metrics.h"

namespace po = boost::program_options;

namespace bitext::cli {
namespace {

// One segment a line, as Python iterates a text file: a final line end does
// not start another segment.
std::vector<std::string> Segments(const std::string& path, const DecodeOptions& decode, bool quiet) {
  DecodedText text = ReadText(path, decode);
  if (text.detected && !quiet) {
    std::cerr << "bitext: " << path << ": read as " << text.encoding << " (detected, confidence " << text.confidence
              << "); use --encoding to override\n";
  }
  std::vector<std::string> lines;
  size_t begin = 0;
  while (begin < text.text.size()) {
    size_t end = text.text.find('\n', begin);
    if (end == std::string::npos) end = text.text.size();
    lines.push_back(align::RstripSegment(std::string_view(text.text).substr(begin, end - begin)));
    begin = end + 1;
  }
  return lines;
}

std::string TwoDecimals(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

}  // namespace

int RunMetrics(const std::vector<std::string>& args) {
  std::string hyp_path, tokenize = "13a", format = "text";
  std::vector<std::string> ref_paths;
  DecodeOptions decode;
  Verbosity verbosity;
  po::options_description visible(
      HelpCaption("bitext metrics --hyp H --ref R [options]",
                  "Corpus BLEU, chrF2 and TER of a translation (H) against references (R), one\n"
                  "segment a line, exactly as sacreBLEU " +
                      std::string(align::kSacrebleuVersion) + " computes them, with its signatures."));
  visible.add_options()("help,h", "show this help")("hyp", po::value(&hyp_path),
                                                    "the translation to score, one segment a line")(
      "ref", po::value(&ref_paths)->composing(), "reference file, line-aligned with --hyp; repeat for several")(
      "tokenize", po::value(&tokenize)->default_value("13a"), "BLEU tokenizer: 13a, or zh for Chinese")(
      "format", po::value(&format)->default_value("text"), "text or json (json: unrounded)");
  AddDecodeOptions(visible, &decode);
  AddVerbosityOptions(visible, &verbosity);
  if (!ParseCommandLine(args, visible, nullptr, nullptr)) return kExitOk;
  if (hyp_path.empty() || ref_paths.empty()) throw UsageError("give --hyp and --ref");
  if (format != "text" && format != "json") throw UsageError("--format must be text or json");
  align::BleuOptions bleu_options;
  if (tokenize == "13a") {
    bleu_options.tokenizer = align::BleuTokenizer::k13a;
  } else if (tokenize == "zh") {
    bleu_options.tokenizer = align::BleuTokenizer::kZh;
  } else {
    throw UsageError("--tokenize must be 13a or zh");
  }

  const std::vector<std::string> hyps = Segments(hyp_path, decode, verbosity.quiet);
  align::ReferenceStreams refs;
  for (const std::string& path : ref_paths) {
    refs.push_back(Segments(path, decode, verbosity.quiet));
    if (refs.back().size() != hyps.size()) {
      throw InputError({path}, "has " + std::to_string(refs.back().size()) + " lines but " + hyp_path + " has " +
                                   std::to_string(hyps.size()) + "; hypothesis and reference must be line-aligned");
    }
  }
  // sacreBLEU stops on a segment without any reference; so do we, rather than
  // print a number sacreBLEU would not.
  for (size_t i = 0; i < hyps.size(); ++i) {
    bool any = false;
    for (const auto& stream : refs) any = any || !stream[i].empty();
    if (!any) {
      throw InputError({ref_paths.front(), static_cast<int>(i) + 1},
                       "empty reference line (sacreBLEU refuses to score against an empty "
                       "reference; remove the line from every file)");
    }
  }

  const align::BleuScore bleu = align::CorpusBleu(hyps, refs, bleu_options);
  const align::ChrfScore chrf = align::CorpusChrf(hyps, refs);
  const align::TerScore ter = align::CorpusTer(hyps, refs);
  if (format == "json") {
    nlohmann::ordered_json j;
    j["bleu"] = bleu.score;
    j["chrf"] = chrf.score;
    j["ter"] = ter.score;
    j["signatures"] = {{"bleu", bleu.signature}, {"chrf", chrf.signature}, {"ter", ter.signature}};
    std::cout << j.dump() << "\n";
  } else {
    // sacreBLEU's text lines ("NAME|signature = score detail"), two decimals.
    std::cout << "BLEU|" << bleu.signature << " = " << TwoDecimals(bleu.score) << " " << bleu.Verbose() << "\n"
              << chrf.name << "|" << chrf.signature << " = " << TwoDecimals(chrf.score) << "\n"
              << "TER|" << ter.signature << " = " << TwoDecimals(ter.score) << "\n";
  }
  return kExitOk;
}

}  // namespace bitext::cli
