#include "check_set.h"

#include <functional>
#include <memory>
#include <optional>

#include "compare_set.h"
#include "document_alignment.h"
#include "parallel.h"

namespace bitext {

std::vector<Finding> CheckDocumentSet(const OfficialTexts& official, const std::vector<const Document*>& mts,
                                      const align::Lexicon* lexicon, const CheckConfig& config,
                                      const Document* titles, unsigned jobs) {
  const RunAll run_all = pipeline::OnThreads(jobs);
  std::vector<std::unique_ptr<align::Comparison>> comparisons;
  std::vector<const align::Comparison*> pointers;
  std::optional<align::DocumentAlignment> official_pair;  // without an MT, for the rules that need it
  if (!official.empty() && mts.empty()) {
    const auto zh = align::AlignableParagraphs(*official.zh, Lang::kZh);
    const auto en = align::AlignableParagraphs(*official.en, Lang::kEn);
    if (!zh.empty() && !en.empty())
      official_pair = align::AlignDocuments(zh, en, lexicon, align::AlignerOptions{}, false);
  }
  if (!official.empty() && !mts.empty()) {
    comparisons = pipeline::CompareEachMt(align::AlignableParagraphs(*official.zh, Lang::kZh),
                                          align::AlignableParagraphs(*official.en, Lang::kEn), mts, lexicon, titles,
                                          false, jobs);
    for (const std::unique_ptr<align::Comparison>& c : comparisons) pointers.push_back(c.get());
  }
  CheckConfig with_lexicon = config;
  with_lexicon.lexicon = lexicon;
  return CheckDocumentSet(official, mts, pointers, with_lexicon, official_pair ? &*official_pair : nullptr, run_all);
}

}  // namespace bitext
