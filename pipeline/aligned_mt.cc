#include "aligned_mt.h"

#include <unordered_map>

namespace bitext::pipeline {

std::vector<std::string> MtTextOfPairs(const std::vector<AlignedPair>& pairs, const align::Comparison& comparison) {
  // Official paragraph -> its row; a paragraph stands in one row.
  std::unordered_map<const Paragraph*, size_t> row_of;
  for (size_t r = 0; r < comparison.rows.size(); ++r) {
    for (const Paragraph* p : comparison.rows[r].zh) row_of.emplace(p, r);
    for (const Paragraph* p : comparison.rows[r].en) row_of.emplace(p, r);
  }
  // Sentences of one paragraph share its row: its text is joined once.
  std::unordered_map<size_t, std::string> text_of_row;
  std::vector<std::string> texts;
  texts.reserve(pairs.size());
  for (const AlignedPair& pair : pairs) {
    const Paragraph* paragraph = pair.zh_paragraph != nullptr ? pair.zh_paragraph : pair.en_paragraph;
    const auto row = row_of.find(paragraph);
    if (row == row_of.end()) {
      texts.emplace_back();
      continue;
    }
    auto [text, fresh] = text_of_row.try_emplace(row->second);
    if (fresh) text->second = align::RowText(comparison.rows[row->second].mt, false);
    texts.push_back(text->second);
  }
  return texts;
}

}  // namespace bitext::pipeline
