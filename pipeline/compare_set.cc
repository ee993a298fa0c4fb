#include "compare_set.h"

#include <functional>

#include "document_alignment.h"
#include "parallel.h"

namespace bitext::pipeline {

std::vector<std::unique_ptr<align::Comparison>> CompareEachMt(const std::vector<const Paragraph*>& zh,
                                                              const std::vector<const Paragraph*>& en,
                                                              const std::vector<const Document*>& mts,
                                                              const align::Lexicon* lexicon, const Document* titles,
                                                              bool with_scores, unsigned jobs) {
  const RunAll run_all = OnThreads(jobs);
  std::vector<std::unique_ptr<align::Comparison>> comparisons(mts.size());
  align::DocumentAlignment official;
  std::vector<std::function<void()>> alignments;
  alignments.push_back([&] { official = align::AlignDocuments(zh, en, lexicon, align::AlignerOptions{}, false); });
  for (size_t k = 0; k < mts.size(); ++k) {
    alignments.push_back([&, k] {
      comparisons[k] = std::make_unique<align::Comparison>(align::MatchMachineTranslation(en, *mts[k], run_all));
    });
  }
  run_all(alignments);
  std::vector<std::function<void()>> steps;
  for (const std::unique_ptr<align::Comparison>& c : comparisons) {
    for (std::function<void()>& step : JoinAndListSteps(c.get(), official, lexicon, titles, with_scores))
      steps.push_back(std::move(step));
  }
  run_all(steps);
  return comparisons;
}

std::vector<std::function<void()>> JoinAndListSteps(align::Comparison* comparison,
                                                    const align::DocumentAlignment& official,
                                                    const align::Lexicon* lexicon, const Document* titles,
                                                    bool with_scores) {
  align::JoinWithOfficial(*comparison, official);
  // The longest steps first, the short ones to fill in at the end.
  std::vector<std::function<void()>> steps;
  steps.push_back([comparison, titles] { align::CompareMtOutlines(*comparison, titles); });
  steps.push_back([comparison, lexicon] { align::CheckRoutes(*comparison, lexicon, align::AlignerOptions{}); });
  if (with_scores) {
    for (std::function<void()>& step : align::ScoringSteps(comparison)) steps.push_back(std::move(step));
  }
  steps.push_back([comparison] { align::ScoreRows(*comparison); });
  return steps;
}

}  // namespace bitext::pipeline
