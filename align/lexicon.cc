#include "lexicon.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

#include "english_lemma.h"
#include "fnv.h"
#include "sorted_unique.h"
#include "unicode.h"

namespace bitext::align {
namespace {

constexpr std::array<std::string_view, 95> kStopWords = {
    "a",     "about",  "above", "after", "again",  "all",     "also",    "am",    "an",   "and",     "any",  "are",
    "as",    "at",     "be",    "been",  "before", "being",   "between", "both",  "but",  "by",      "can",  "could",
    "did",   "do",     "does",  "doing", "during", "each",    "few",     "for",   "from", "further", "had",  "has",
    "have",  "having", "he",    "her",   "here",   "hers",    "him",     "his",   "how",  "i",       "if",   "in",
    "into",  "is",     "it",    "its",   "itself", "just",    "me",      "more",  "most", "my",      "no",   "nor",
    "not",   "of",     "on",    "once",  "one's",  "only",    "or",      "other", "our",  "ours",    "out",  "over",
    "own",   "sb",     "sth",   "so",    "some",   "such",    "than",    "that",  "the",  "their",   "them", "then",
    "there", "these",  "they",  "this",  "those",  "through", "to",      "too",   "was",  "we"};

// Longest suffixes first; each maps to its replacement.
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kSuffixes = {{
    {"ational", "ate"},
    {"ization", "ize"},
    {"ations", "ate"},
    {"ation", "ate"},
    {"ments", ""},
    {"ment", ""},
    {"nesses", ""},
    {"ness", ""},
    {"ities", ""},
    {"ity", ""},
    {"ings", ""},
    {"ing", ""},
    {"ies", "y"},
    {"ied", "y"},
    {"eed", "ee"},
    {"ed", ""},
    {"ly", ""},
}};

constexpr size_t kStemLength = 6;

bool IsHanWord(std::string_view word) {
  for (char32_t c : ToCodePoints(word)) {
    if (IsHan(c)) return true;
  }
  return false;
}

void AddGlossStems(std::string_view gloss, std::vector<std::string>& stems) {
  // Skip cross-references and classifier notes; drop parenthetical remarks.
  static constexpr std::array<std::string_view, 6> kSkipped = {"CL:",         "variant of", "see ",
                                                               "old variant", "surname ",   "used in "};
  for (std::string_view prefix : kSkipped) {
    if (gloss.substr(0, prefix.size()) == prefix) return;
  }
  std::string cleaned;
  int depth = 0;
  for (char c : gloss) {
    if (c == '(')
      ++depth;
    else if (c == ')')
      depth = std::max(0, depth - 1);
    else if (depth == 0)
      cleaned += c;
  }
  for (std::string& stem : EnglishStems(cleaned)) stems.push_back(std::move(stem));
}

}  // namespace

bool IsStopWord(std::string_view folded_word) {
  return std::find(kStopWords.begin(), kStopWords.end(), folded_word) != kStopWords.end();
}

std::string Stem(std::string_view word) {
  const std::string folded = FoldForCompare(word);
  std::string w(IrregularBase(folded));  // "told" -> "tell"
  if (w.size() > 4) {
    for (const auto& [suffix, replacement] : kSuffixes) {
      if (w.size() > suffix.size() + 2 && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0) {
        w = w.substr(0, w.size() - suffix.size()) + std::string(replacement);
        break;
      }
    }
  }
  // Plurals and third person: "countries" was handled above; "aids" -> "aid".
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u' && w[w.size() - 2] != 'i') {
    w.pop_back();
  }
  // A silent final e: "smile", "smiles", "smiled" and "smiling" meet at "smil".
  if (w.size() > 3 && w.back() == 'e') w.pop_back();
  if (w.size() > kStemLength) w.resize(kStemLength);
  return w;
}

std::vector<std::string> EnglishWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 2) {
      std::string folded = FoldForCompare(word);
      if (!IsStopWord(folded)) words.push_back(std::move(folded));
    }
    word.clear();
  };
  for (char32_t c : ToCodePoints(text)) {
    if (c < 128 && u_isalpha(static_cast<UChar32>(c))) {
      word += static_cast<char>(c);
    } else if ((c == '\'' || c == 0x2019) && !word.empty()) {
      flush();  // "China's": the possessive adds nothing
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::vector<std::string> EnglishStems(std::string_view text) {
  std::vector<std::string> stems = EnglishWords(text);
  for (std::string& word : stems) word = Stem(word);
  return stems;
}

namespace {

// The stems of one entry's glosses ("/tradition/traditional/"), added to
// `stems`.
void AddGlosses(std::string_view english_gloss, std::vector<std::string>& stems) {
  size_t pos = 0;
  while (pos <= english_gloss.size()) {
    size_t end = english_gloss.find('/', pos);
    if (end == std::string_view::npos) end = english_gloss.size();
    std::string_view gloss = Trim(english_gloss.substr(pos, end - pos));
    if (!gloss.empty()) AddGlossStems(gloss, stems);
    pos = end + 1;
  }
}

}  // namespace

Lexicon Lexicon::FromCedict(std::string_view text) {
  // A word's lines need not be together: its stems are gathered first.
  std::unordered_map<std::string, std::vector<std::string>> parsed;
  for (std::string_view line : SplitLines(text)) {
    if (line.empty() || line[0] == '#') continue;
    size_t first_space = line.find(' ');
    size_t second_space = first_space == std::string_view::npos ? first_space : line.find(' ', first_space + 1);
    size_t gloss_start = line.find('/');
    if (second_space == std::string_view::npos || gloss_start == std::string_view::npos) continue;
    std::string_view traditional = line.substr(0, first_space);
    std::string_view simplified = line.substr(first_space + 1, second_space - first_space - 1);
    std::string_view glosses = line.substr(gloss_start);
    AddGlosses(glosses, parsed[std::string(simplified)]);
    if (traditional != simplified) AddGlosses(glosses, parsed[std::string(traditional)]);
  }
  Lexicon lexicon;
  lexicon.entries_.reserve(parsed.size());
  for (auto& [chinese, stems] : parsed) {
    lexicon.SetStems(chinese, SortedUnique(std::move(stems)));
    std::vector<std::string>().swap(stems);
  }
  return lexicon;
}

void Lexicon::Add(std::string_view chinese, std::string_view english_gloss) {
  std::vector<std::string> stems;
  for (std::string_view known : Glosses(chinese)) stems.emplace_back(known);
  AddGlosses(english_gloss, stems);
  SetStems(chinese, SortedUnique(std::move(stems)));
}

uint32_t Lexicon::InternStem(const std::string& stem) {
  const auto [it, inserted] = stem_ids_.emplace(stem, static_cast<uint32_t>(stem_texts_.size()));
  if (inserted) stem_texts_.push_back(stem);
  return it->second;
}

void Lexicon::SetStems(std::string_view chinese, const std::vector<std::string>& stems) {
  Range& range = entries_[std::string(chinese)];
  // A word set again (Add) moves its stems to the end, unless they are
  // there already.
  if (range.count > 0 && range.begin + range.count == gloss_ids_.size()) gloss_ids_.resize(range.begin);
  range = {static_cast<uint32_t>(gloss_ids_.size()), static_cast<uint32_t>(stems.size())};
  for (const std::string& stem : stems) gloss_ids_.push_back(InternStem(stem));
}

const Lexicon::Range* Lexicon::FindAdded(std::string_view chinese) const {
  if (entries_.empty()) return nullptr;
  const auto it = entries_.find(std::string(chinese));
  return it == entries_.end() ? nullptr : &it->second;
}

bool Lexicon::Knows(std::string_view chinese) const {
  if (const Range* added = FindAdded(chinese)) return added->count > 0;
  if (!table_) return false;
  const std::optional<Range> range = table_->Find(chinese);
  return range && range->count > 0;
}

size_t Lexicon::size() const {
  if (!table_) return entries_.size();
  const auto beside =
      std::count_if(entries_.begin(), entries_.end(), [this](const auto& entry) { return !table_->Find(entry.first); });
  return table_->entry_count + static_cast<size_t>(beside);
}

namespace {

// Binary form: the magic, the source key (a 32-bit length and its bytes),
// zeros to a multiple of four bytes, five counts (slots, a power of two;
// entries; gloss ids; stems; bytes of text), then the sections of Table:
// the slots of an open-addressing hash table (FNV-1a of the key, probed
// linearly; a slot whose key is empty is free), the gloss ids, the stem
// offsets (one more than the stems) and the text. Numbers are 32-bit, host
// order. The magic changes whenever stemming or the layout does, so an old
// file is never read as new.
constexpr std::string_view kBinaryMagic = "bitext-lexicon-3\n";
constexpr size_t kSlotNumbers = 4;
// A key is at most this many slots past its own: ToBinary grows the table
// until it is, and a lookup looks no further, so that a forged table full of
// keys costs each lookup no more than a real one's worst (CC-CEDICT's: 77).
constexpr size_t kMaxProbes = 256;

void PutNumber(std::string& out, size_t value) {
  const uint32_t number = static_cast<uint32_t>(value);
  out.append(reinterpret_cast<const char*>(&number), sizeof number);
}

uint32_t NumberAt(std::string_view section, size_t index) {
  uint32_t value = 0;
  std::memcpy(&value, section.data() + index * sizeof value, sizeof value);
  return value;
}

// Whether [begin, begin + size) lies within `limit` bytes.
bool Within(uint64_t begin, uint64_t size, uint64_t limit) { return begin <= limit && size <= limit - begin; }

}  // namespace

std::optional<Lexicon::Range> Lexicon::Table::Find(std::string_view chinese) const {
  if (chinese.empty()) return std::nullopt;
  size_t slot = Fnv1a(chinese) & slot_mask;
  const size_t probes = std::min<size_t>(kMaxProbes, size_t{slot_mask} + 1);
  for (size_t probe = 0; probe < probes; ++probe, slot = (slot + 1) & slot_mask) {
    const size_t at = slot * kSlotNumbers;
    const uint32_t key_begin = NumberAt(slots, at);
    const uint32_t key_size = NumberAt(slots, at + 1);
    if (key_size == 0) return std::nullopt;
    if (key_size != chinese.size() || !Within(key_begin, key_size, text.size()) ||
        text.substr(key_begin, key_size) != chinese) {
      continue;
    }
    const Range range{NumberAt(slots, at + 2), NumberAt(slots, at + 3)};
    if (!Within(range.begin, range.count, gloss_ids.size() / sizeof(uint32_t))) return std::nullopt;
    return range;
  }
  return std::nullopt;
}

std::string_view Lexicon::Table::Stem(uint32_t id) const {
  if (id >= stem_begins.size() / sizeof(uint32_t) - 1) return {};
  const uint32_t begin = NumberAt(stem_begins, id);
  const uint32_t end = NumberAt(stem_begins, id + 1);
  return begin <= end && end <= text.size() ? text.substr(begin, end - begin) : std::string_view();
}

std::vector<std::string_view> Lexicon::Glosses(std::string_view chinese) const {
  std::vector<std::string_view> stems;
  if (const Range* added = FindAdded(chinese)) {
    for (uint32_t k = added->begin; k < added->begin + added->count; ++k) stems.push_back(stem_texts_[gloss_ids_[k]]);
  } else if (std::optional<Range> range = table_ ? table_->Find(chinese) : std::nullopt) {
    for (uint32_t k = range->begin; k < range->begin + range->count; ++k) {
      const std::string_view stem = table_->Stem(NumberAt(table_->gloss_ids, k));
      if (!stem.empty()) stems.push_back(stem);
    }
  }
  return stems;
}

template <typename Visit>
void Lexicon::Table::ForEachKey(Visit visit) const {
  for (size_t slot = 0; slot <= slot_mask; ++slot) {
    const uint32_t key_begin = NumberAt(slots, slot * kSlotNumbers);
    const uint32_t key_size = NumberAt(slots, slot * kSlotNumbers + 1);
    if (key_size > 0 && Within(key_begin, key_size, text.size())) visit(text.substr(key_begin, key_size));
  }
}

template <typename Visit>
void Lexicon::ForEachEntry(Visit visit) const {
  for (const auto& [chinese, range] : entries_) visit(std::string_view(chinese), Glosses(chinese));
  if (!table_) return;
  table_->ForEachKey([&](std::string_view chinese) {
    if (!FindAdded(chinese)) visit(chinese, Glosses(chinese));
  });
}

std::string Lexicon::ToBinary(std::string_view source_key) const {
  // Sorted, so that the same entries give the same bytes.
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> words;
  ForEachEntry([&](std::string_view chinese, std::vector<std::string_view> stems) {
    if (!chinese.empty()) words.emplace_back(chinese, std::move(stems));
  });
  std::sort(words.begin(), words.end());

  std::string text;
  std::vector<uint32_t> key_begins;
  for (const auto& word : words) {
    key_begins.push_back(static_cast<uint32_t>(text.size()));
    text += word.first;
  }
  std::unordered_map<std::string_view, uint32_t> stem_ids;
  std::vector<uint32_t> stem_begins;
  std::vector<uint32_t> gloss_ids;
  std::vector<Range> ranges;
  for (const auto& word : words) {
    ranges.push_back({static_cast<uint32_t>(gloss_ids.size()), static_cast<uint32_t>(word.second.size())});
    for (std::string_view stem : word.second) {
      const auto [it, inserted] = stem_ids.emplace(stem, static_cast<uint32_t>(stem_begins.size()));
      if (inserted) {
        stem_begins.push_back(static_cast<uint32_t>(text.size()));
        text += stem;
      }
      gloss_ids.push_back(it->second);
    }
  }
  stem_begins.push_back(static_cast<uint32_t>(text.size()));

  // At most three slots in four taken, so that probes stay short, and more
  // while a key would lie over kMaxProbes slots past its own.
  size_t slot_count = 1;
  while (slot_count * 3 < words.size() * 4 + 1) slot_count *= 2;
  std::vector<uint32_t> slots;
  for (bool placed = false; !placed;) {
    slots.assign(slot_count * kSlotNumbers, 0);
    placed = true;
    for (size_t w = 0; w < words.size() && placed; ++w) {
      size_t slot = Fnv1a(words[w].first) & (slot_count - 1), probes = 1;
      for (; slots[slot * kSlotNumbers + 1] != 0; ++probes) slot = (slot + 1) & (slot_count - 1);
      const uint32_t fields[kSlotNumbers] = {key_begins[w], static_cast<uint32_t>(words[w].first.size()),
                                             ranges[w].begin, ranges[w].count};
      std::copy(std::begin(fields), std::end(fields), slots.begin() + static_cast<ptrdiff_t>(slot * kSlotNumbers));
      placed = probes <= kMaxProbes;
    }
    if (!placed) slot_count *= 2;
  }

  std::string out(kBinaryMagic);
  PutNumber(out, source_key.size());
  out += source_key;
  out.resize((out.size() + 3) / 4 * 4, '\0');
  for (size_t count : {slot_count, words.size(), gloss_ids.size(), stem_begins.size() - 1, text.size()}) {
    PutNumber(out, count);
  }
  for (const std::vector<uint32_t>* section : {&slots, &gloss_ids, &stem_begins}) {
    out.append(reinterpret_cast<const char*>(section->data()), section->size() * sizeof(uint32_t));
  }
  out += text;
  AppendChecksum(out);
  return out;
}

std::string Lexicon::TextKey(std::string_view text) { return TextKey(text.size(), Fnv1aWords(text)); }

std::string Lexicon::TextKey(uint64_t size, uint64_t hash) { return std::to_string(size) + "\n" + Hex64(hash); }

std::optional<Lexicon> Lexicon::FromBinary(std::string_view data, std::string_view source_key) {
  const std::optional<std::string_view> checked = WithoutChecksum(data);
  if (!checked) return std::nullopt;
  auto copy = std::make_shared<const std::string>(*checked);
  return FromTable(*copy, source_key, copy);
}

std::optional<Lexicon> Lexicon::FromTable(std::string_view table, std::string_view source_key,
                                          std::shared_ptr<const void> owner) {
  if (table.substr(0, kBinaryMagic.size()) != kBinaryMagic) return std::nullopt;
  size_t pos = kBinaryMagic.size();
  if (table.size() - pos < sizeof(uint32_t)) return std::nullopt;
  const uint32_t key_size = NumberAt(table.substr(pos), 0);
  pos += sizeof(uint32_t);
  if (!Within(pos, key_size, table.size()) || table.substr(pos, key_size) != source_key) return std::nullopt;
  pos = (pos + key_size + 3) / 4 * 4;
  constexpr size_t kCounts = 5;
  if (!Within(pos, kCounts * sizeof(uint32_t), table.size())) return std::nullopt;
  uint64_t counts[kCounts];
  for (size_t k = 0; k < kCounts; ++k) counts[k] = NumberAt(table.substr(pos), k);
  pos += kCounts * sizeof(uint32_t);
  const auto [slot_count, entry_count, gloss_count, stem_count, text_size] = counts;
  if (slot_count == 0 || (slot_count & (slot_count - 1)) != 0 || entry_count >= slot_count + 1) return std::nullopt;
  const uint64_t sizes[] = {slot_count * kSlotNumbers * sizeof(uint32_t), gloss_count * sizeof(uint32_t),
                            (stem_count + 1) * sizeof(uint32_t), text_size};
  std::string_view sections[4];
  for (size_t k = 0; k < 4; ++k) {
    if (!Within(pos, sizes[k], table.size())) return std::nullopt;
    sections[k] = table.substr(pos, sizes[k]);
    pos += sizes[k];
  }
  if (pos != table.size()) return std::nullopt;
  Lexicon lexicon;
  lexicon.table_ = Table{std::move(owner),
                         sections[0],
                         sections[1],
                         sections[2],
                         sections[3],
                         static_cast<uint32_t>(slot_count - 1),
                         static_cast<uint32_t>(entry_count)};
  return lexicon;
}

std::vector<std::string> ChineseWords(std::string_view text, const Lexicon& lexicon) {
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU word iterator unavailable");
    return it;
  }();
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, decltype(&utext_close)> utext(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status), utext_close);
  words->setText(utext.get(), status);
  if (U_FAILURE(status)) return out;
  int32_t begin = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; begin = end, end = words->next()) {
    std::string_view word = text.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
    if (!IsHanWord(word)) continue;
    if (lexicon.empty() || lexicon.Knows(word)) {
      out.emplace_back(word);
      continue;
    }
    for (char32_t c : ToCodePoints(word)) out.push_back(ToUtf8(c));
  }
  words->setText(icu::UnicodeString());
  return out;
}

}  // namespace bitext::align
