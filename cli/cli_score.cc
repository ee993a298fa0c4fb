// bitext score GOLD TEST [GOLD TEST ...]: strict and lax precision, recall
// and F1 of bead files, pooled over the pairs, as vecalign's scorer computes
// them.
#include <algorithm>
#include <iomanip>
#include <iostream>

#include "cli.h"
#include "cli_options.h"
#include "decode.h"
#include "error.h"
#include "evaluation.h"

namespace bitext::cli {
namespace {

std::vector<align::IndexBead> ReadBeads(const std::string& path) {
  DecodedText text = ReadText(path, DecodeOptions{"UTF-8", false});
  std::vector<align::IndexBead> beads;
  std::string error;
  if (!align::ParseBeads(text.text, &beads, &error)) throw InputError({path}, error);
  return beads;
}

}  // namespace

int RunScore(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << "bitext score GOLD TEST [GOLD TEST ...]\n\n"
                 "Scores bead files ([i,j]:[k] per line) against gold, pooled over all pairs:\n"
                 "precision over every test bead, recall over gold beads with both sides,\n"
                 "strict = identical bead, lax = overlap on both sides.\n";
    return args.empty() ? kExitInputError : kExitOk;
  }
  if (args.size() % 2 != 0) throw UsageError("give GOLD TEST pairs");
  LimitStandardInput(static_cast<size_t>(std::count(args.begin(), args.end(), kStandardInputPath)));
  align::AlignmentScorer scorer;
  for (size_t i = 0; i < args.size(); i += 2) scorer.Add(ReadBeads(args[i]), ReadBeads(args[i + 1]));
  const align::Scores s = scorer.Result();
  std::cout << std::fixed << std::setprecision(3) << "strict: precision " << s.precision_strict
            << " recall " << s.recall_strict << " F1 " << s.f1_strict << "\n"
            << "lax:    precision " << s.precision_lax << " recall " << s.recall_lax << " F1 "
            << s.f1_lax << "\n";
  return kExitOk;
}

}  // namespace bitext::cli
