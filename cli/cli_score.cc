// bitext score GOLD TEST [GOLD TEST ...]: strict and lax precision, recall
// and F1 of bead files, pooled over the pairs, as vecalign's scorer computes
// them.
#include <algorithm>
#include <boost/program_options.hpp>
#include <iomanip>
#include <iostream>

#include "cli.h"
#include "cli_options.h"
#include "decode.h"
#include "error.h"
#include "evaluation.h"

namespace po = boost::program_options;

namespace bitext::cli {
namespace {

std::vector<align::IndexBead> ReadBeads(const std::string& path) {
  DecodedText text = ReadText(path, Utf8Only());
  std::vector<align::IndexBead> beads;
  std::string error;
  if (!align::ParseBeads(text.text, &beads, &error)) throw InputError({path}, error);
  return beads;
}

}  // namespace

int RunScore(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  po::options_description visible(
      HelpCaption("bitext score GOLD TEST [GOLD TEST ...] [options]",
                  "Scores bead files ([i,j]:[k] per line) against gold, pooled over all pairs:\n"
                  "precision over every test bead, recall over gold beads with both sides,\n"
                  "strict = identical bead, lax = overlap on both sides."));
  visible.add_options()("help,h", "show this help");
  Verbosity verbosity;  // nothing to report on stderr but errors
  AddVerbosityOptions(visible, &verbosity);
  if (!ParsePositionalList(args, visible, "files", &files)) return kExitOk;
  if (files.empty() || files.size() % 2 != 0) throw UsageError("give GOLD TEST pairs");
  align::AlignmentScorer scorer;
  for (size_t i = 0; i < files.size(); i += 2) scorer.Add(ReadBeads(files[i]), ReadBeads(files[i + 1]));
  const align::Scores s = scorer.Result();
  std::cout << std::fixed << std::setprecision(3) << "strict: precision " << s.precision_strict << " recall "
            << s.recall_strict << " F1 " << s.f1_strict << "\n"
            << "lax:    precision " << s.precision_lax << " recall " << s.recall_lax << " F1 " << s.f1_lax << "\n";
  return kExitOk;
}

}  // namespace bitext::cli
