// What the aligner knows about each unit (a paragraph or a sentence): its
// length, its role in the document's structure, its anchors and its words.
// Units are built once per side; the lexical space interns words so that
// beads compare integer ids, and weighs them by inverse document frequency
// so that words every unit shares ("China", "development") count little.
#ifndef BITEXT_ALIGN_UNITS_H_
#define BITEXT_ALIGN_UNITS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "anchors.h"
#include "lexicon.h"

namespace bitext::align {

enum class Role { kBody, kHeading, kBullet, kTitle, kNote };

struct AlignUnit {
  double length = 0;  // characters, white space excluded
  Role role = Role::kBody;
  int number = 0;            // parsed heading number, 0 when none
  std::vector<int> numbers;  // anchor ids of its numbers, sorted (a multiset)
  std::vector<int> latin;    // anchor ids of its Latin tokens, sorted
  std::vector<int> words;    // zh: word ids; en: stem ids (content words)
  // zh only: stem ids of the unit's machine translation into English,
  // sorted and unique; empty without one (LexicalSpace::SetMachineTranslation).
  std::vector<int> mt_stems;
  // Quotation marks: opened minus closed, and the lowest that running count
  // reaches (below 0 when the unit closes a quote opened before it).
  int quote_net = 0, quote_low = 0;
};

// Whether the Chinese units of a run get machine translations
// (LexicalSpace::SetMachineTranslation).
enum class MachineTranslation { kNone, kGiven };

// Interns Chinese words and English stems for one alignment run and keeps
// document frequencies for IDF weights.
class LexicalSpace {
 public:
  // `learned` (optional) adds its glosses to the lexicon's: a lexicon
  // learned from the text being aligned (learned_lexicon.h). Machine
  // translations are compared with the English units by their stems, so
  // with `mt` kGiven the English units get stems even without a lexicon.
  explicit LexicalSpace(const Lexicon* lexicon, const Lexicon* learned = nullptr,
                        MachineTranslation mt = MachineTranslation::kNone)
      : lexicon_(lexicon), learned_(learned), stem_english_(mt == MachineTranslation::kGiven) {}

  bool has_lexicon() const { return lexicon_ != nullptr && !lexicon_->empty(); }

  // Builds a unit from text. `role` and `number` come from the document
  // model; a body unit that opens with a bullet marker becomes a bullet.
  AlignUnit MakeZh(std::string_view text, Role role = Role::kBody, int number = 0);
  AlignUnit MakeEn(std::string_view text, Role role = Role::kBody, int number = 0);

  // Gives Chinese unit `zh_unit` the stems of its machine translation; the
  // space must have been made with MachineTranslation::kGiven.
  void SetMachineTranslation(AlignUnit& zh_unit, std::string_view mt);

  // Sorted gloss stem ids of a Chinese word id (empty when unknown).
  const std::vector<int>& GlossesOf(int zh_word) const { return glosses_[static_cast<size_t>(zh_word)]; }

  // log(1 + units / units containing the word); counts come from Make*.
  double ZhIdf(int zh_word) const;
  double EnIdf(int en_stem) const;

  int zh_word_count() const { return static_cast<int>(glosses_.size()); }
  int stem_count() const { return static_cast<int>(stem_ids_.size()); }
  int anchor_count() const { return static_cast<int>(anchor_names_.size()); }
  // The anchor as a person reads it ("2013", "covid-19", "month:1").
  const std::string& AnchorName(int id) const { return anchor_names_[static_cast<size_t>(id)]; }

 private:
  int InternStem(const std::string& stem);
  std::vector<int> InternAnchors(const std::vector<std::string>& keys);
  void SetAnchors(const Anchors& anchors, AlignUnit& unit);
  // Length, role, number and anchors: what both languages' units share.
  AlignUnit MakeUnit(std::string_view text, Lang lang, Role role, int number);

  const Lexicon* lexicon_;
  const Lexicon* learned_;
  const bool stem_english_;
  std::unordered_map<std::string, int> zh_ids_;
  std::unordered_map<std::string, int> stem_ids_;
  std::unordered_map<std::string, int> anchor_ids_;
  std::vector<std::string> anchor_names_;
  std::vector<std::vector<int>> glosses_;  // per zh word id
  std::vector<int> zh_df_, en_df_;
  int zh_units_ = 0, en_units_ = 0;
};

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_UNITS_H_
