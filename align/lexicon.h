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
#include <memory>
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

  // The binary form of the entries: a hash table that is looked up where it
  // lies (FromTable), so that loading it costs nothing however large it is,
  // followed by a checksum (AppendChecksum). `source_key` names the text it
  // was parsed from (TextKey). Keys that are empty are left out.
  std::string ToBinary(std::string_view source_key) const;
  // Reads a binary form held in memory: nullopt when its checksum does not
  // match, it is not of this form, or it was made from another source.
  static std::optional<Lexicon> FromBinary(std::string_view data, std::string_view source_key);
  // Looks entries up in `table`, a binary form without its checksum (the
  // caller checks it: MappedFile::OpenChecksummed), which `owner` keeps
  // alive for as long as the lexicon or a copy of it lives. Only the header
  // is read here; lookups stay within the table whatever its bytes hold.
  static std::optional<Lexicon> FromTable(std::string_view table, std::string_view source_key,
                                          std::shared_ptr<const void> owner);

  // The source key of a binary compiled from the CC-CEDICT bytes `text`:
  // their size and Fnv1aWords hash, not a path or time, so a binary stays
  // valid when installed or copied with its text and no longer.
  static std::string TextKey(std::string_view text);
  static std::string TextKey(uint64_t size, uint64_t hash);

  // Adds one entry (used by tests and by the learned second pass).
  void Add(std::string_view chinese, std::string_view english_gloss);

  // Stems of the glosses of a Chinese word, in their text's order; empty
  // when the word is unknown.
  std::vector<std::string_view> Glosses(std::string_view chinese) const;
  // Whether the lexicon has glosses for the word.
  bool Knows(std::string_view chinese) const;

  bool empty() const { return size() == 0; }
  // The number of words with an entry.
  size_t size() const;

 private:
  // A word's stems: ids into stem_texts_, at [begin, begin + count) of
  // gloss_ids_. Each stem is held once however many words gloss to it:
  // CC-CEDICT's 190,000 keys as strings of strings took 57 MB.
  struct Range {
    uint32_t begin = 0;
    uint32_t count = 0;
  };
  // A binary form's sections (see ToBinary), looked up in place.
  struct Table {
    std::shared_ptr<const void> owner;
    std::string_view slots;        // four numbers a slot: key begin and size, glosses begin and count
    std::string_view gloss_ids;    // ids of stems
    std::string_view stem_begins;  // where each stem begins in text, and where the last ends
    std::string_view text;         // the keys, then the stems
    uint32_t slot_mask = 0;
    uint32_t entry_count = 0;

    std::optional<Range> Find(std::string_view chinese) const;
    std::string_view Stem(uint32_t id) const;
    // Calls visit(key) for each slot's key.
    template <typename Visit>
    void ForEachKey(Visit visit) const;
  };

  // Entries added (FromCedict, Add) come before the table's.
  const Range* FindAdded(std::string_view chinese) const;
  // Calls visit(key, stems) for each word, each once.
  template <typename Visit>
  void ForEachEntry(Visit visit) const;
  // Sets a word's stems, sorted and distinct.
  void SetStems(std::string_view chinese, const std::vector<std::string>& stems);
  uint32_t InternStem(const std::string& stem);

  std::unordered_map<std::string, Range> entries_;
  std::vector<uint32_t> gloss_ids_;
  std::vector<std::string> stem_texts_;
  std::unordered_map<std::string, uint32_t> stem_ids_;
  std::optional<Table> table_;
};

// Chinese words of a text: ICU's dictionary-based word segmentation; a word
// the lexicon does not know is taken character by character. Only words
// with Han characters are returned.
std::vector<std::string> ChineseWords(std::string_view text, const Lexicon& lexicon);

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_LEXICON_H_
