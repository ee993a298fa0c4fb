#include "units.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sorted_unique.h"
#include "text_features.h"
#include "unicode.h"

namespace bitext::align {
namespace {

double CountLength(std::string_view text) {
  double n = 0;
  for (char32_t c : ToCodePoints(text)) n += IsSpace(c) ? 0 : 1;
  return n;
}

// A unit that opens with a bullet marker ("——", "—", "•") is a bullet item
// even when the caller only has its text (one unit per line).
Role RoleFromText(std::string_view text, Role role) {
  return role == Role::kBody && !BulletMarker(text).empty() ? Role::kBullet : role;
}

// Curly and corner quotes say which way they go; a straight one opens at
// the start or after a space or an opening bracket and closes elsewhere.
void CountQuotes(std::string_view text, AlignUnit& unit) {
  int depth = 0;
  char32_t previous = ' ';
  for (char32_t c : ToCodePoints(text)) {
    const bool straight_opens = IsSpace(previous) || previous == '(' || previous == '[' || previous == 0x2014;
    if (c == 0x201C || c == 0x300C || c == 0x300E || (c == '"' && straight_opens)) {
      ++depth;
    } else if (c == 0x201D || c == 0x300D || c == 0x300F || c == '"') {
      --depth;
      unit.quote_low = std::min(unit.quote_low, depth);
    }
    previous = c;
  }
  unit.quote_net = depth;
}

void CountOncePerUnit(const std::vector<int>& ids, std::vector<int>& df) {
  for (int id : SortedUnique(ids)) {
    if (static_cast<size_t>(id) >= df.size()) df.resize(static_cast<size_t>(id) + 1, 0);
    ++df[static_cast<size_t>(id)];
  }
}

}  // namespace

std::vector<int> LexicalSpace::InternAnchors(const std::vector<std::string>& keys) {
  std::vector<int> ids;
  ids.reserve(keys.size());
  for (const std::string& key : keys) {
    auto [it, inserted] = anchor_ids_.emplace(key, static_cast<int>(anchor_names_.size()));
    if (inserted) anchor_names_.push_back(key);
    ids.push_back(it->second);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

void LexicalSpace::SetAnchors(const Anchors& anchors, AlignUnit& unit) {
  unit.numbers = InternAnchors(anchors.numbers);
  unit.latin = InternAnchors(anchors.words);
  unit.latin.erase(std::unique(unit.latin.begin(), unit.latin.end()), unit.latin.end());
}

int LexicalSpace::InternStem(const std::string& stem) {
  auto [it, inserted] = stem_ids_.emplace(stem, static_cast<int>(stem_ids_.size()));
  return it->second;
}

AlignUnit LexicalSpace::MakeUnit(std::string_view text, Lang lang, Role role, int number) {
  AlignUnit unit;
  unit.length = CountLength(text);
  unit.role = RoleFromText(text, role);
  unit.number = number;
  SetAnchors(ExtractAnchors(text, lang), unit);
  CountQuotes(text, unit);
  return unit;
}

AlignUnit LexicalSpace::MakeZh(std::string_view text, Role role, int number) {
  AlignUnit unit = MakeUnit(text, Lang::kZh, role, number);
  if (has_lexicon()) {
    for (const std::string& word : ChineseWords(text, *lexicon_)) {
      auto [it, inserted] = zh_ids_.emplace(word, static_cast<int>(zh_ids_.size()));
      if (inserted) {
        std::vector<int> ids;
        for (const Lexicon* source : {lexicon_, learned_}) {
          if (!source) continue;
          for (std::string_view stem : source->Glosses(word)) ids.push_back(InternStem(std::string(stem)));
        }
        glosses_.push_back(SortedUnique(std::move(ids)));
      }
      unit.words.push_back(it->second);
    }
  }
  CountOncePerUnit(unit.words, zh_df_);
  ++zh_units_;
  return unit;
}

AlignUnit LexicalSpace::MakeEn(std::string_view text, Role role, int number) {
  AlignUnit unit = MakeUnit(text, Lang::kEn, role, number);
  if (has_lexicon() || stem_english_) {
    for (const std::string& stem : EnglishStems(text)) unit.words.push_back(InternStem(stem));
  }
  CountOncePerUnit(unit.words, en_df_);
  ++en_units_;
  return unit;
}

void LexicalSpace::SetMachineTranslation(AlignUnit& zh_unit, std::string_view mt) {
  if (!stem_english_) throw std::logic_error("machine translation given to a space made without it");
  std::vector<int> stems;
  for (const std::string& stem : EnglishStems(mt)) stems.push_back(InternStem(stem));
  zh_unit.mt_stems = SortedUnique(std::move(stems));
}

double LexicalSpace::ZhIdf(int zh_word) const {
  size_t i = static_cast<size_t>(zh_word);
  int df = i < zh_df_.size() ? zh_df_[i] : 0;
  return std::log(1.0 + static_cast<double>(zh_units_) / std::max(df, 1));
}

double LexicalSpace::EnIdf(int en_stem) const {
  size_t i = static_cast<size_t>(en_stem);
  int df = i < en_df_.size() ? en_df_[i] : 0;
  return std::log(1.0 + static_cast<double>(en_units_) / std::max(df, 1));
}

}  // namespace bitext::align
