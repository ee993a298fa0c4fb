#include "text_features.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <vector>

#include "unicode.h"

namespace bitext {
namespace {

bool IsClosing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xFF09 || c == 0x300D ||
         c == 0x300F || c == 0x300B || c == 0x3011;
}

bool IsFinal(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F ||
         c == 0xFF1A || c == 0xFF1B || c == 0x2026 || c == 0xFF0E;
}

// Words after which an English sentence cannot end.
constexpr std::array<std::string_view, 36> kFunctionWords = {
    "a",    "an",    "the", "of",  "to",   "in",    "on",  "at",    "for",  "from", "by",   "with",
    "and",  "or",    "but", "as",  "that", "which", "its", "their", "his",  "her",  "our",  "can",
    "will", "would", "is",  "are", "was",  "were",  "be",  "into",  "than", "such", "this", "these"};

}  // namespace

double CapitalisedWordShare(std::string_view text) {
  // Title case leaves short function words in lower case ("Office of the
  // State Council"): they are not counted.
  int words = 0, capitalised = 0;
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    const bool capital = u_isupper(static_cast<UChar32>(ToCodePoints(word).front()));
    const bool function_word = !capital && std::find(kFunctionWords.begin(), kFunctionWords.end(),
                                                     FoldForCompare(word)) != kFunctionWords.end();
    if (!function_word) {
      ++words;
      capitalised += capital ? 1 : 0;
    }
    word.clear();
  };
  for (char32_t c : ToCodePoints(text)) {
    const bool letter = u_isalpha(static_cast<UChar32>(c));
    if (letter || (!word.empty() && (c == '\'' || c == 0x2019 || c == '-'))) {
      word += ToUtf8(c);
    } else {
      end_word();
    }
  }
  end_word();
  return words == 0 ? 0.0 : static_cast<double>(capitalised) / words;
}

bool HasInnerSentenceEnd(std::string_view text) {
  std::vector<char32_t> cps = ToCodePoints(Trim(text));
  for (size_t i = 0; i + 1 < cps.size(); ++i) {
    char32_t c = cps[i];
    if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) return true;
    if ((c == '.' || c == '!' || c == '?') && IsSpace(cps[i + 1])) return true;
  }
  return false;
}

std::optional<Lang> LangOfText(std::string_view text) {
  ScriptCounts c = CountScripts(text);
  if (c.han == 0 && c.latin_words == 0) return std::nullopt;
  // A Han character carries about as much as an English word; a few Latin
  // tokens (COVID-19, UN) in Chinese text, or a Chinese term in English text,
  // do not change the language.
  double share = static_cast<double>(c.han) / (c.han + c.latin_words);
  if (share >= 0.75) return Lang::kZh;
  if (share <= 0.25) return Lang::kEn;
  return Lang::kMixed;
}

// Drops what may follow a sentence's end without continuing it: note marks
// ("[27]", "¹"), and a closing parenthetical after a full stop ("... .
// (Optional)").
std::vector<char32_t> WithoutTrailingMarks(std::vector<char32_t> cps) {
  for (bool changed = true; changed;) {
    changed = false;
    while (!cps.empty() && (IsSpace(cps.back()) || (cps.back() >= 0x2070 && cps.back() <= 0x2079) ||
                            cps.back() == 0xB9 || cps.back() == 0xB2 || cps.back() == 0xB3)) {
      cps.pop_back();
      changed = true;
    }
    if (cps.empty() || (cps.back() != ']' && cps.back() != ')')) break;
    const char32_t open = cps.back() == ']' ? '[' : '(';
    size_t i = cps.size() - 1;
    while (i > 0 && cps[i] != open && cps.size() - i <= 40) --i;
    if (cps[i] != open) break;
    const bool note = open == '[' && std::all_of(cps.begin() + i + 1, cps.end() - 1, [](char32_t c) {
                        return (c >= '0' && c <= '9') || c == ',' || c == '-' || c == ' ';
                      });
    std::vector<char32_t> before(cps.begin(), cps.begin() + i);
    while (!before.empty() && IsSpace(before.back())) before.pop_back();
    while (!before.empty() && IsClosing(before.back())) before.pop_back();
    const bool after_sentence = !before.empty() && IsFinal(before.back());
    if (!note && !after_sentence) break;
    cps.resize(i);
    changed = true;
  }
  return cps;
}

// ":-)" and ":)" close a sentence as a full stop does.
bool EndsWithSmiley(const std::vector<char32_t>& cps) {
  const size_t n = cps.size();
  return n >= 2 && cps[n - 1] == ')' &&
         (cps[n - 2] == ':' || cps[n - 2] == ';' || (n >= 3 && cps[n - 2] == '-' && cps[n - 3] == ':'));
}

// A web address or a path closes a line without punctuation, which would
// read as part of it ("see https://kicad.org/help/").
bool EndsWithAddress(std::string_view text) {
  const size_t space = text.find_last_of(" \t(（");
  const std::string_view last = space == std::string_view::npos ? text : text.substr(space + 1);
  return last.find("://") != std::string_view::npos || last.rfind("www.", 0) == 0 ||
         (last.size() > 1 && last.front() == '/' && last.find('/', 1) != std::string_view::npos);
}

bool EndsSentence(std::string_view text) {
  std::vector<char32_t> cps = ToCodePoints(Trim(Tail(text, 256)));
  if (EndsWithSmiley(cps) || EndsWithAddress(Trim(Tail(text, 256)))) return true;
  cps = WithoutTrailingMarks(std::move(cps));
  while (!cps.empty() && IsClosing(cps.back())) cps.pop_back();
  return !cps.empty() && IsFinal(cps.back());
}

bool EndsWithColon(std::string_view text) {
  const std::string_view t = Trim(text);
  return t.ends_with(":") || t.ends_with("\uFF1A");
}

bool IsEnumeration(std::string_view text) {
  constexpr size_t kMinItems = 4, kMaxWordsPerItem = 3;
  const std::vector<char32_t> cps = ToCodePoints(Trim(text));
  size_t items = 1, words = 0;
  bool in_word = false;
  for (char32_t c : cps) {
    if (IsHan(c) || c == '.' || c == ';' || c == ':' || c == 0x3002) return false;
    if (c == ',' || c == 0xFF0C) {
      if (words == 0) return false;  // an empty item, or a trailing comma
      ++items;
      words = 0;
      in_word = false;
    } else if (IsSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      if (++words > kMaxWordsPerItem) return false;
    }
  }
  return items >= kMinItems && words > 0;
}

bool LooksLikeProse(std::string_view text, Lang lang) {
  ScriptCounts c = CountScripts(text);
  // A comma-like mark anywhere, or a sentence end before the last character.
  // Marks inside a bracket that closes belong to an aside, not to the line:
  // "%P = sheet path (sheet full name, for Eeschema)" is a label.
  bool clause_mark = false;
  bool mark_in_open_bracket = false;
  int depth = 0;
  std::vector<char32_t> cps = ToCodePoints(Trim(text));
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t ch = cps[i];
    bool inside = i + 1 < cps.size();
    if (ch == '(' || ch == 0xFF08 || ch == '[' || ch == 0x3010) ++depth;
    if ((ch == ')' || ch == 0xFF09 || ch == ']' || ch == 0x3011) && depth > 0 && --depth == 0) {
      mark_in_open_bracket = false;
    }
    if (ch == ',' || ch == 0xFF0C || ch == 0x3001 || ch == ';' || ch == 0xFF1B ||
        (inside && (ch == 0x3002 || (ch == '.' && IsSpace(cps[i + 1]))))) {
      (depth > 0 ? mark_in_open_bracket : clause_mark) = true;
    }
  }
  clause_mark = clause_mark || mark_in_open_bracket;
  if (lang == Lang::kZh) return c.han >= 40 || (c.han >= 12 && clause_mark);
  // Titles capitalise most words ("... Released, Contributing China's
  // Strength to ..."): without a sentence inside, such a line is a title.
  if (c.latin_words >= 8 && HasInnerSentenceEnd(text)) return true;
  if (CapitalisedWordShare(text) >= 0.6) return false;
  return c.latin_words >= 12 || (c.latin_words >= 8 && clause_mark);
}

bool StartsLowercase(std::string_view text) {
  for (char32_t c : ToCodePoints(text)) {
    if (u_isalpha(static_cast<UChar32>(c))) return u_islower(static_cast<UChar32>(c));
  }
  return false;
}

bool EndsMidClause(std::string_view text) {
  std::vector<char32_t> cps = ToCodePoints(Trim(Tail(text, 256)));
  if (cps.empty()) return false;
  char32_t last = cps.back();
  if (last == ',' || last == 0xFF0C || last == 0x3001 || last == '-' || last == 0x2014) {
    return true;
  }
  size_t start = cps.size();
  while (start > 0 && u_isalpha(static_cast<UChar32>(cps[start - 1]))) --start;
  if (start == cps.size() || (start > 0 && !IsSpace(cps[start - 1]))) return false;
  std::string word;
  for (size_t i = start; i < cps.size(); ++i) word += ToUtf8(cps[i]);
  word = FoldForCompare(word);
  return std::find(kFunctionWords.begin(), kFunctionWords.end(), word) != kFunctionWords.end();
}

std::string BulletMarker(std::string_view text) {
  // Only the first characters are read: the marker and what follows it.
  if (text.empty()) return "";
  const auto [c, length] = CodePointAt(text, 0);
  if (length >= text.size()) return "";
  // Dashes may be doubled ("——"), the Chinese convention.
  if (c == 0x2014 || c == 0x2015 || c == 0x2013) {
    size_t end = length;
    while (end < text.size() && CodePointAt(text, end) == std::pair<char32_t, size_t>{c, length}) end += length;
    return end < text.size() ? std::string(text.substr(0, end)) : "";
  }
  bool marker = c == 0x2022 || c == 0x00B7 || c == 0x25CF || c == 0x25AA || c == 0x25A0 || c == 0x2023 || c == 0x25E6 ||
                c == '-' || c == '*';
  if (!marker) return "";
  // "-" and "*" only with a space after them: "-5%" is not a bullet.
  if ((c == '-' || c == '*') && !IsSpace(CodePointAt(text, length).first)) return "";
  return ToUtf8(c);
}

bool IsContentsMarker(std::string_view text) {
  std::string compact;
  for (char32_t c : ToCodePoints(FoldForCompare(Trim(text)))) {
    if (!IsSpace(c)) compact += ToUtf8(c);
  }
  return compact == "contents" || compact == "tableofcontents" || compact == "directory" || compact == "目录" ||
         compact == "catalogue";
}

int WordishLength(std::string_view text) {
  ScriptCounts c = CountScripts(text);
  return c.han + c.latin_words;
}

}  // namespace bitext
