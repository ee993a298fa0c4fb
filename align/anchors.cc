#include "anchors.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "numbering.h"
#include "unicode.h"

namespace bitext::align {
namespace {

// Any decimal digit, ASCII or full-width.
bool IsDigit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }

char DigitChar(char32_t c) { return static_cast<char>('0' + u_charDigitValue(static_cast<UChar32>(c))); }

// "1,069" and "27,484": a comma followed by exactly three digits.
bool IsThousandsSeparator(const std::vector<char32_t>& cps, size_t j) {
  if (cps[j] != ',') return false;
  for (size_t k = 1; k <= 3; ++k) {
    if (j + k >= cps.size() || !IsDigit(cps[j + k])) return false;
  }
  return j + 4 >= cps.size() || !IsDigit(cps[j + 4]);
}

bool IsChineseNumeral(char32_t c) {
  static const std::u32string kNumerals = U"零〇一二三四五六七八九十百千";
  return kNumerals.find(c) != std::u32string::npos;
}

// The power of ten a scale character or word multiplies by (0: none).
int ChineseScale(char32_t c) {
  if (c == U'万') return 4;
  if (c == U'亿') return 8;
  return 0;
}

int EnglishScale(std::string_view word) {
  if (word == "thousand") return 3;
  if (word == "million") return 6;
  if (word == "billion") return 9;
  if (word == "trillion") return 12;
  return 0;
}

std::string NumberKey(double value) {
  char buffer[64];
  if (std::fabs(value - std::round(value)) < 1e-6 * std::max(1.0, std::fabs(value))) {
    std::snprintf(buffer, sizeof buffer, "%.0f", std::round(value));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
  }
  return buffer;
}

// The next word (letters only, folded) after position i, skipping spaces.
std::string NextWord(const std::vector<char32_t>& cps, size_t i) {
  while (i < cps.size() && IsSpace(cps[i])) ++i;
  std::string word;
  while (i < cps.size() && u_isalpha(static_cast<UChar32>(cps[i]))) word += ToUtf8(cps[i++]);
  return FoldForCompare(word);
}

}  // namespace

std::vector<Decimal> ExtractDecimals(std::string_view text, Lang lang) {
  std::vector<char32_t> cps = ToCodePoints(text);
  std::vector<Decimal> numbers;
  size_t i = 0;
  while (i < cps.size()) {
    // Digits inside a Latin token ("COVID-19", "G20") belong to the token:
    // skip the whole run. A hyphen between numbers ("2013-2018") is a range.
    auto is_latin = [&](size_t k) { return cps[k] < 128 && u_isalpha(static_cast<UChar32>(cps[k])); };
    const bool in_token =
        i > 0 && IsDigit(cps[i]) && (is_latin(i - 1) || (cps[i - 1] == '-' && i > 1 && is_latin(i - 2)));
    if (in_token) {
      while (i < cps.size() && (IsDigit(cps[i]) || is_latin(i))) ++i;
      continue;
    }
    if (IsDigit(cps[i])) {
      // Digits with thousands separators and one decimal point.
      std::string digits;
      size_t j = i;
      while (j < cps.size()) {
        if (IsDigit(cps[j])) {
          digits += DigitChar(cps[j++]);
        } else if (IsThousandsSeparator(cps, j)) {
          ++j;
        } else if (cps[j] == '.' && j + 1 < cps.size() && IsDigit(cps[j + 1]) &&
                   digits.find('.') == std::string::npos) {
          digits += '.';
          ++j;
        } else {
          break;
        }
      }
      Decimal value = Decimal::Parse(digits);
      if (lang == Lang::kZh && j < cps.size() && cps[j] == U'月') {
        i = j;  // a month: ExtractAnchors names it, like "January"
        continue;
      }
      if (lang == Lang::kZh) {
        while (j < cps.size() && ChineseScale(cps[j]) > 0) value = value.Scaled(ChineseScale(cps[j++]));
      } else {
        value = value.Scaled(EnglishScale(NextWord(cps, j)));
      }
      numbers.push_back(value);
      i = j;
      continue;
    }
    if (lang == Lang::kZh && IsChineseNumeral(cps[i])) {
      size_t j = i;
      std::string run;
      while (j < cps.size() && IsChineseNumeral(cps[j])) run += ToUtf8(cps[j++]);
      if (j - i >= 2) {
        int value = ParseChineseNumeral(run);
        if (value > 0) {
          Decimal scaled = Decimal::Of(static_cast<uint64_t>(value));
          while (j < cps.size() && ChineseScale(cps[j]) > 0) scaled = scaled.Scaled(ChineseScale(cps[j++]));
          numbers.push_back(scaled);
        }
      }
      i = j;
      continue;
    }
    ++i;
  }
  return numbers;
}

std::vector<double> ExtractNumbers(std::string_view text, Lang lang) {
  std::vector<double> values;
  for (const Decimal& d : ExtractDecimals(text, lang)) values.push_back(d.ToDouble());
  return values;
}

void Anchors::Add(const Anchors& other) {
  auto merge = [](std::vector<std::string>& into, const std::vector<std::string>& from) {
    size_t middle = into.size();
    into.insert(into.end(), from.begin(), from.end());
    std::inplace_merge(into.begin(), into.begin() + static_cast<long>(middle), into.end());
  };
  merge(numbers, other.numbers);
  merge(words, other.words);
}

// Months are dates' anchors: "1月" and "January" both give "month:1".
void AddMonths(std::string_view text, Lang lang, std::vector<std::string>& keys) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                                 "july",    "august",   "september", "october", "november", "december"};
  std::vector<char32_t> cps = ToCodePoints(text);
  if (lang == Lang::kZh) {
    for (size_t i = 0; i < cps.size(); ++i) {
      if (cps[i] != U'月' || i == 0 || !IsDigit(cps[i - 1])) continue;
      int value = u_charDigitValue(static_cast<UChar32>(cps[i - 1]));
      if (i >= 2 && IsDigit(cps[i - 2])) value += 10 * u_charDigitValue(static_cast<UChar32>(cps[i - 2]));
      if (value >= 1 && value <= 12) keys.push_back("month:" + std::to_string(value));
    }
    return;
  }
  // "May" is also a modal verb: only capitalised month names count.
  size_t i = 0;
  while (i < cps.size()) {
    if (!u_isupper(static_cast<UChar32>(cps[i])) || (i > 0 && u_isalpha(static_cast<UChar32>(cps[i - 1])))) {
      ++i;
      continue;
    }
    std::string word;
    size_t j = i;
    while (j < cps.size() && u_isalpha(static_cast<UChar32>(cps[j]))) word += ToUtf8(cps[j++]);
    word = FoldForCompare(word);
    for (int m = 0; m < 12; ++m) {
      if (word == kMonths[m]) keys.push_back("month:" + std::to_string(m + 1));
    }
    i = j;
  }
}

Anchors ExtractAnchors(std::string_view text, Lang lang) {
  Anchors anchors;
  for (double v : ExtractNumbers(text, lang)) anchors.numbers.push_back(NumberKey(v));
  AddMonths(text, lang, anchors.numbers);
  std::vector<char32_t> cps = ToCodePoints(FoldForCompare(text));
  size_t i = 0;
  while (i < cps.size()) {
    if (!(cps[i] < 128 && u_isalpha(static_cast<UChar32>(cps[i])))) {
      ++i;
      continue;
    }
    std::string token;
    while (i < cps.size() && cps[i] < 128 && (u_isalnum(static_cast<UChar32>(cps[i])) || cps[i] == '-')) {
      token += static_cast<char>(cps[i++]);
    }
    while (!token.empty() && token.back() == '-') token.pop_back();
    if (token.size() >= 2) anchors.words.push_back(token);
  }
  std::sort(anchors.numbers.begin(), anchors.numbers.end());
  std::sort(anchors.words.begin(), anchors.words.end());
  return anchors;
}

double AnchorSimilarity(const Anchors& zh, const Anchors& en, std::vector<std::string>* matched) {
  int common_numbers = 0;
  size_t i = 0, j = 0;
  while (i < zh.numbers.size() && j < en.numbers.size()) {
    if (zh.numbers[i] == en.numbers[j]) {
      ++common_numbers;
      if (matched) matched->push_back(zh.numbers[i]);
      ++i, ++j;
    } else if (zh.numbers[i] < en.numbers[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  int found_words = 0;
  for (const std::string& w : zh.words) {
    if (std::binary_search(en.words.begin(), en.words.end(), w)) {
      ++found_words;
      if (matched) matched->push_back(w);
    }
  }
  // Numbers only one side has (a year the translator added) say little; a
  // Chinese Latin token always has an English side to look for.
  const bool zh_side = !zh.numbers.empty() || !zh.words.empty();
  const bool en_side = !en.numbers.empty() || !zh.words.empty();
  if (!zh_side || !en_side) return -1;
  const size_t total = zh.numbers.size() + en.numbers.size() + 2 * zh.words.size();
  return 2.0 * (common_numbers + found_words) / static_cast<double>(total);
}

}  // namespace bitext::align
