#include "check_set.h"

#include <optional>

#include "document_alignment.h"

namespace bitext {

std::vector<Finding> CheckDocumentSet(const OfficialTexts& official, const std::vector<const Document*>& mts,
                                      const align::Lexicon* lexicon,
                                      const CheckConfig& config, const Document* titles) {
  std::vector<align::Comparison> comparisons;
  std::vector<const align::Comparison*> pointers;
  std::optional<align::DocumentAlignment> official_pair;  // without an MT, for the rules that need it
  if (!official.empty() && mts.empty()) {
    const auto zh = align::AlignableParagraphs(*official.zh, Lang::kZh);
    const auto en = align::AlignableParagraphs(*official.en, Lang::kEn);
    if (!zh.empty() && !en.empty())
      official_pair = align::AlignDocuments(zh, en, lexicon, align::AlignerOptions{}, false);
  }
  if (!official.empty() && !mts.empty()) {
    // The official paragraphs are aligned once for all MT versions.
    const align::DocumentAlignment official_paragraphs = align::AlignDocuments(
        align::AlignableParagraphs(*official.zh, Lang::kZh),
        align::AlignableParagraphs(*official.en, Lang::kEn), lexicon, align::AlignerOptions{}, false);
    comparisons.reserve(mts.size());
    for (const Document* mt : mts) {
      comparisons.push_back(
          align::CompareWithOfficial(official_paragraphs, *mt, lexicon, align::AlignerOptions{}, titles));
      pointers.push_back(&comparisons.back());
    }
  }
  CheckConfig with_lexicon = config;
  with_lexicon.lexicon = lexicon;
  return CheckDocumentSet(official, mts, pointers, with_lexicon, official_pair ? &*official_pair : nullptr);
}

}  // namespace bitext
