// A lexicon learned from the text being aligned. Free translation renders
// words in ways a dictionary does not list (道 as "said", names, a novel's
// own vocabulary); the confident beads of a first pass are parallel text
// enough to learn them. IBM Model 1 is trained by EM in both directions on
// those beads, and a word pair is kept when each word is a likely
// translation of the other: t(e|f) and t(f|e) both above a threshold.
//
//   LexiconLearner learner(&cedict);            // segments Chinese as the aligner does
//   learner.AddPair(zh_sentence, en_sentence);  // for each confident bead
//   std::vector<LearnedEntry> entries = learner.Learn(LearningOptions{});
//   Lexicon learned = ToLexicon(entries);       // glosses to add to CC-CEDICT's
#ifndef BITEXT_ALIGN_LEARNED_LEXICON_H_
#define BITEXT_ALIGN_LEARNED_LEXICON_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon.h"

namespace bitext::align {

struct LearningOptions {
  bool enabled = true;       // false: one round, with the given lexicon only
  double min_fit = 0.5;      // first-pass beads taken as parallel text (Bead::fit)
  int iterations = 5;        // EM iterations per direction
  double threshold = 0.2;    // both t(e|f) and t(f|e) at least this
  int min_count = 2;         // beads a pair must share (one is chance)
  size_t max_pairs = 50000;  // beads used at most (evenly spread), to bound time
};

// A Chinese word and the English words learned for it (each the most
// frequent written form of its stem, so that a saved lexicon reads well).
struct LearnedEntry {
  std::string chinese;
  std::vector<std::string> english;
};

class LexiconLearner {
 public:
  // `lexicon` segments the Chinese side as the aligner does; it must
  // outlive the learner.
  explicit LexiconLearner(const Lexicon* lexicon) : lexicon_(lexicon) {}

  // Adds two texts believed to translate each other.
  void AddPair(std::string_view zh, std::string_view en);
  size_t pairs() const { return zh_.size(); }

  std::vector<LearnedEntry> Learn(const LearningOptions& options) const;

 private:
  int InternZh(const std::string& word);
  int InternStem(const std::string& stem, const std::string& form);

  const Lexicon* lexicon_;
  std::unordered_map<std::string, int> zh_ids_, stem_ids_;
  std::vector<std::string> zh_words_;
  std::vector<std::unordered_map<std::string, int>> stem_forms_;  // per stem: form -> count
  std::vector<std::vector<int>> zh_, en_;                         // per pair: unique word ids, stem ids
};

// The entries as a lexicon whose glosses are added to another's.
Lexicon ToLexicon(const std::vector<LearnedEntry>& entries);

// The entries as CC-CEDICT lines ("笑 笑 [learned] /smiled/laugh/"), which
// Lexicon::FromCedict reads back; sorted, so the file is stable.
std::string ToCedictText(const std::vector<LearnedEntry>& entries);

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_LEARNED_LEXICON_H_
