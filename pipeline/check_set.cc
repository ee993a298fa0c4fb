#include "check_set.h"

#include "document_alignment.h"

namespace bitext {

std::vector<Finding> CheckDocumentSet(const std::vector<const Document*>& official,
                                      const std::vector<const Document*>& mts,
                                      const align::Lexicon* lexicon, const CheckConfig& config) {
  std::vector<align::Comparison> comparisons;
  std::vector<const align::Comparison*> pointers;
  if (!official.empty()) {
    comparisons.reserve(mts.size());
    for (const Document* mt : mts) {
      comparisons.push_back(align::CompareWithOfficial(
          align::AlignableParagraphs(*official.front(), Lang::kZh),
          align::AlignableParagraphs(*official.back(), Lang::kEn), *mt, lexicon, align::AlignerOptions{}));
      pointers.push_back(&comparisons.back());
    }
  }
  return CheckDocumentSet(official, mts, pointers, config);
}

}  // namespace bitext
