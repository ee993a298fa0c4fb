// Bilingual lexicon evidence from CC-CEDICT: the glosses of a Chinese word,
// reduced to English stems, are looked for among the stems of the English
// side. The lexicon is parsed from text the caller has read (this library
// does no I/O); without it, the aligner relies on length, anchors and
// structure only.
//
//   Lexicon lexicon = Lexicon::FromCedict(file_contents);
//   std::vector<std::string_view> g = lexicon.Glosses("发展");  // {"develo", "growth", ...}
#ifndef BITEXT_ALIGN_LEXICON_H_
#define BITEXT_ALIGN_LEXICON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bitext::align {

// English normalisation shared by glosses and text: case-folded, common
// suffixes stripped, cut to six letters ("developing", "development" ->
// "develo"). Crude, but the same on both sides, which is what matching needs.
std::string Stem(std::string_view word);

// Function words carry no lexical evidence.
bool IsStopWord(std::string_view folded_word);

// Content words of English text, case-folded, in order.
std::vector<std::string> EnglishWords(std::string_view text);

// Content-word stems of English text, in order.
std::vector<std::string> EnglishStems(std::string_view text);

class Lexicon {
 public:
  Lexicon() = default;

  // Parses CC-CEDICT lines ("傳統 传统 [chuan2 tong3] /tradition/traditional/").
  // Comment lines and malformed lines are skipped; both the simplified and
  // the traditional form become keys.
  static Lexicon FromCedict(std::string_view text);

  // A compact binary form of the parsed entries, which FromBinary reads
  // back in one pass, without segmenting and stemming the glosses again
  // (parsing CC-CEDICT takes over a second). `source_key` names the text it
  // was parsed from (TextKey); FromBinary returns nullopt when `data` is not
  // of this form, is damaged or truncated, or was made from another source.
  std::string ToBinary(std::string_view source_key) const;
  static std::optional<Lexicon> FromBinary(std::string_view data, std::string_view source_key);

  // The source key of a binary compiled from the CC-CEDICT bytes `text`:
  // their size and FNV-1a checksum, not a path or time, so a binary stays
  // valid when installed or copied with its text and no longer.
  static std::string TextKey(std::string_view text);

  // Adds one entry (used by tests and by the learned second pass).
  void Add(std::string_view chinese, std::string_view english_gloss);

  // Stems of the glosses of a Chinese word, in their text's order; empty
  // when the word is unknown.
  std::vector<std::string_view> Glosses(std::string_view chinese) const;
  // Whether the lexicon has glosses for the word.
  bool Knows(std::string_view chinese) const { return Find(chinese) != nullptr; }

  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }

 private:
  // A word's stems: ids into stem_texts_, at [begin, begin + count) of
  // gloss_ids_. Each stem is held once however many words gloss to it:
  // CC-CEDICT's 190,000 keys as strings of strings took 57 MB.
  struct Range {
    uint32_t begin = 0;
    uint32_t count = 0;
  };
  const Range* Find(std::string_view chinese) const;
  // Sets a word's stems, sorted and distinct.
  void SetStems(std::string_view chinese, const std::vector<std::string>& stems);
  uint32_t InternStem(const std::string& stem);

  std::unordered_map<std::string, Range> entries_;
  std::vector<uint32_t> gloss_ids_;
  std::vector<std::string> stem_texts_;
  std::unordered_map<std::string, uint32_t> stem_ids_;
};

// Chinese words of a text: ICU's dictionary-based word segmentation; a word
// the lexicon does not know is taken character by character. Only words
// with Han characters are returned.
std::vector<std::string> ChineseWords(std::string_view text, const Lexicon& lexicon);

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_LEXICON_H_
