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

const Lexicon::Range* Lexicon::Find(std::string_view chinese) const {
  const auto it = entries_.find(std::string(chinese));
  return it == entries_.end() || it->second.count == 0 ? nullptr : &it->second;
}

std::vector<std::string_view> Lexicon::Glosses(std::string_view chinese) const {
  std::vector<std::string_view> stems;
  if (const Range* range = Find(chinese)) {
    for (uint32_t k = range->begin; k < range->begin + range->count; ++k) stems.push_back(stem_texts_[gloss_ids_[k]]);
  }
  return stems;
}

namespace {

// Binary form: magic, source key, the stems (a count, then each), the
// entries (a count, then each as its key, its stem count and its stems'
// ids), then the FNV-1a hash of everything before it. Strings are a 32-bit
// length and their bytes; numbers are 32-bit, host order. Each stem is
// written once, so reading needs no lookup per stem. The magic changes
// whenever stemming or the layout does, so an old file is never read as new.
constexpr std::string_view kBinaryMagic = "bitext-lexicon-2\n";

void PutSize(std::string& out, size_t value) {
  const uint32_t size = static_cast<uint32_t>(value);
  out.append(reinterpret_cast<const char*>(&size), sizeof size);
}

void PutString(std::string& out, std::string_view text) {
  PutSize(out, text.size());
  out.append(text);
}

// Reads from `data` at `pos`, failing instead of reading past its end.
struct BinaryReader {
  std::string_view data;
  size_t pos = 0;

  bool Size(uint32_t* value) {
    if (data.size() - pos < sizeof *value) return false;
    std::memcpy(value, data.data() + pos, sizeof *value);
    pos += sizeof *value;
    return true;
  }
  bool String(std::string_view* value) {
    uint32_t size = 0;
    if (!Size(&size) || data.size() - pos < size) return false;
    *value = data.substr(pos, size);
    pos += size;
    return true;
  }
};

}  // namespace

std::string Lexicon::ToBinary(std::string_view source_key) const {
  std::string out(kBinaryMagic);
  PutString(out, source_key);
  PutSize(out, stem_texts_.size());
  for (const std::string& stem : stem_texts_) PutString(out, stem);
  PutSize(out, entries_.size());
  for (const auto& [chinese, range] : entries_) {
    PutString(out, chinese);
    PutSize(out, range.count);
    for (uint32_t k = range.begin; k < range.begin + range.count; ++k) PutSize(out, gloss_ids_[k]);
  }
  const uint64_t hash = Fnv1a(out);
  out.append(reinterpret_cast<const char*>(&hash), sizeof hash);
  return out;
}

std::string Lexicon::TextKey(std::string_view text) { return std::to_string(text.size()) + "\n" + Hex64(Fnv1a(text)); }

std::optional<Lexicon> Lexicon::FromBinary(std::string_view data, std::string_view source_key) {
  if (data.size() < kBinaryMagic.size() + sizeof(uint64_t) || data.substr(0, kBinaryMagic.size()) != kBinaryMagic) {
    return std::nullopt;
  }
  const std::string_view body = data.substr(0, data.size() - sizeof(uint64_t));
  uint64_t hash = 0;
  std::memcpy(&hash, data.data() + body.size(), sizeof hash);
  if (hash != Fnv1a(body)) return std::nullopt;
  BinaryReader in{body, kBinaryMagic.size()};
  std::string_view key;
  uint32_t count = 0;
  if (!in.String(&key) || key != source_key || !in.Size(&count)) return std::nullopt;
  Lexicon lexicon;
  // Counts are checked against the bytes left before anything is sized by
  // them: each stem and entry takes at least four bytes.
  if (count > body.size() - in.pos) return std::nullopt;
  lexicon.stem_texts_.reserve(count);
  for (uint32_t s = 0; s < count; ++s) {
    std::string_view stem;
    if (!in.String(&stem)) return std::nullopt;
    lexicon.stem_ids_.emplace(lexicon.stem_texts_.emplace_back(stem), s);
  }
  if (!in.Size(&count) || count > body.size() - in.pos) return std::nullopt;
  lexicon.entries_.reserve(count);
  for (uint32_t e = 0; e < count; ++e) {
    std::string_view chinese;
    uint32_t stem_count = 0;
    if (!in.String(&chinese) || !in.Size(&stem_count) || stem_count > (body.size() - in.pos) / 4) return std::nullopt;
    const Range range{static_cast<uint32_t>(lexicon.gloss_ids_.size()), stem_count};
    for (uint32_t k = 0; k < stem_count; ++k) {
      uint32_t id = 0;
      if (!in.Size(&id) || id >= lexicon.stem_texts_.size()) return std::nullopt;
      lexicon.gloss_ids_.push_back(id);
    }
    if (!lexicon.entries_.emplace(chinese, range).second) return std::nullopt;  // a key twice
  }
  if (in.pos != body.size()) return std::nullopt;
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
