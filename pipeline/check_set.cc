#include "check_set.h"

#include <functional>
#include <memory>
#include <optional>

#include "document_alignment.h"
#include "parallel.h"

namespace bitext {

std::vector<Finding> CheckDocumentSet(const OfficialTexts& official, const std::vector<const Document*>& mts,
                                      const align::Lexicon* lexicon, const CheckConfig& config,
                                      const Document* titles, unsigned jobs) {
  const RunAll run_all = [jobs](const std::vector<std::function<void()>>& tasks) {
    pipeline::RunTasks(jobs, tasks);
  };
  std::vector<std::unique_ptr<align::Comparison>> comparisons(mts.size());
  std::vector<const align::Comparison*> pointers;
  std::optional<align::DocumentAlignment> official_pair;  // without an MT, for the rules that need it
  if (!official.empty() && mts.empty()) {
    const auto zh = align::AlignableParagraphs(*official.zh, Lang::kZh);
    const auto en = align::AlignableParagraphs(*official.en, Lang::kEn);
    if (!zh.empty() && !en.empty())
      official_pair = align::AlignDocuments(zh, en, lexicon, align::AlignerOptions{}, false);
  }
  if (!official.empty() && !mts.empty()) {
    // The official paragraphs are aligned once for all MT versions, beside
    // each MT's match with the official English; then each comparison's
    // steps, as the audit runs them.
    const auto zh = align::AlignableParagraphs(*official.zh, Lang::kZh);
    const auto en = align::AlignableParagraphs(*official.en, Lang::kEn);
    align::DocumentAlignment official_paragraphs;
    std::vector<std::function<void()>> alignments;
    alignments.push_back(
        [&] { official_paragraphs = align::AlignDocuments(zh, en, lexicon, align::AlignerOptions{}, false); });
    for (size_t k = 0; k < mts.size(); ++k) {
      alignments.push_back([&, k] {
        comparisons[k] = std::make_unique<align::Comparison>(align::MatchMachineTranslation(en, *mts[k], run_all));
      });
    }
    run_all(alignments);
    std::vector<std::function<void()>> steps;
    for (const std::unique_ptr<align::Comparison>& c : comparisons) {
      align::JoinWithOfficial(*c, official_paragraphs);
      align::Comparison* comparison = c.get();
      steps.push_back([comparison, lexicon] { align::CheckRoutes(*comparison, lexicon, align::AlignerOptions{}); });
      steps.push_back([comparison, titles] { align::CompareMtOutlines(*comparison, titles); });
      pointers.push_back(comparison);
    }
    run_all(steps);
  }
  CheckConfig with_lexicon = config;
  with_lexicon.lexicon = lexicon;
  return CheckDocumentSet(official, mts, pointers, with_lexicon, official_pair ? &*official_pair : nullptr, run_all);
}

}  // namespace bitext
