#include "heading_rows.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "checks.h"
#include "rules.h"
#include "unicode.h"

namespace bitext {
namespace {

constexpr const char* kAgainstOfficial = "official heading";

// A heading finding made by comparing the MT's heading with the official one.
bool AgainstOfficial(const Finding& f) {
  const std::string* against = f.evidence.Text("against");
  return against && *against == kAgainstOfficial;
}

const NumberMarker* NumberOf(const std::vector<const Paragraph*>& side) {
  if (side.size() != 1 || side.front()->kind != Kind::kHeading) return nullptr;
  const Paragraph& p = *side.front();
  return p.heading && p.heading->number ? &*p.heading->number : nullptr;
}

std::string Trimmed(std::string_view raw) { return std::string(Trim(raw)); }

// The words of a title, split on spaces.
std::vector<std::string> Words(std::string_view title) {
  std::vector<std::string> words;
  std::string word;
  for (char c : title) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The MT title is the official one with one more character-long word at
// its end, a letter or digit the official title does not end with.
bool StrayTail(std::string_view mt_title, std::string_view official_title) {
  const std::vector<std::string> mt = Words(mt_title), official = Words(official_title);
  if (mt.size() != official.size() + 1 || official.empty()) return false;
  const std::string& tail = mt.back();
  if (tail.size() != 1 || !std::isalnum(static_cast<unsigned char>(tail[0]))) return false;
  return std::equal(official.begin(), official.end(), mt.begin());
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `prefix` is the official number with its digits gone ("Chapter." for
// "Chapter 6.", "." for "3.2.", nothing for "9.").
bool NumberLost(const std::string& prefix, const std::string& official_raw) {
  std::string without_digits;
  for (char c : official_raw) {
    if (!IsDigit(c)) without_digits += c;
  }
  auto squeezed = [](std::string s) {
    std::erase_if(s, [](char c) { return c == ' ' || c == '.'; });
    return s;
  };
  return squeezed(prefix) == squeezed(without_digits);
}

// `prefix` is the official number with one letter added ("4.2s." for
// "4.2.", "IChapter 6." for "Chapter 6."); returns that letter.
std::optional<char> StrayLetter(const std::string& prefix, const std::string& official_raw) {
  if (prefix.size() != official_raw.size() + 1) return std::nullopt;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (!std::isalpha(static_cast<unsigned char>(prefix[k]))) continue;
    if (prefix.substr(0, k) + prefix.substr(k + 1) == official_raw) return prefix[k];
  }
  return std::nullopt;
}

Finding Make(const Rule& rule, std::string message, const Paragraph& p, const std::string& mt_path,
             const Paragraph& official) {
  return MakeFinding(rule, std::move(message), Location{mt_path, p.lines().first, 1, p.lines().last},
                     {{"key", p.text}, {"official", official.text}, {"against", kAgainstOfficial}});
}

}  // namespace

std::optional<std::string> PrefixBeforeTitle(std::string_view text, std::string_view title) {
  const std::string t = Trimmed(text), official = Trimmed(title);
  if (official.empty() || t.size() < official.size() ||
      t.compare(t.size() - official.size(), official.size(), official) != 0) {
    return std::nullopt;
  }
  std::string prefix = Trimmed(t.substr(0, t.size() - official.size()));
  constexpr size_t kLongestNumber = 24;  // "Chapter Twenty-Seven." fits; a sentence does not
  if (prefix.size() > kLongestNumber) return std::nullopt;
  return prefix;
}

// The MT's own convention for each official numbering style: the style it
// gives most headings of that style ("1." for the official "I.", if it
// renumbers its levels so). Only a deviation from it is a finding.
std::map<NumberStyle, NumberStyle> Conventions(const align::Comparison& c) {
  std::map<NumberStyle, std::map<NumberStyle, int>> counts;
  for (const align::ComparisonRow& row : c.rows) {
    const NumberMarker* official = NumberOf(row.en);
    const NumberMarker* rendered = NumberOf(row.mt);
    if (official && rendered) ++counts[official->style][rendered->style];
  }
  std::map<NumberStyle, NumberStyle> conventions;
  for (const auto& [official, rendered] : counts) {
    const auto most = std::max_element(rendered.begin(), rendered.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    if (most->second >= 2) conventions[official] = most->first;
  }
  return conventions;
}

std::optional<std::string> UnparsedHeadingNumber(const align::ComparisonRow& row) {
  const NumberMarker* official = NumberOf(row.en);
  if (!official || official->value_damaged || row.mt.size() != 1 || NumberOf(row.mt)) return std::nullopt;
  return PrefixBeforeTitle(row.mt.front()->text, row.en.front()->title());
}

// An official numbered heading whose MT paragraph keeps the title but not
// the number as written: the number is lost ("Secure boot" for "3.6.4.
// Secure boot") or has a stray letter the numbering parser cannot read
// past ("4.2s."). When most headings lose their number, that is the MT's
// convention: one finding, at the first.
void UnreadableNumbers(const align::Comparison& c, const Document& mt, std::vector<Finding>& out) {
  std::vector<Finding> lost;
  int numbered = 0;
  for (const align::ComparisonRow& row : c.rows) {
    const NumberMarker* official = NumberOf(row.en);
    if (!official || official->value_damaged || row.mt.empty()) continue;
    ++numbered;
    const std::optional<std::string> prefix = UnparsedHeadingNumber(row);
    if (!prefix) continue;
    const Paragraph& p = *row.mt.front();
    const Paragraph& o = *row.en.front();
    const std::string raw = Trimmed(official->raw);
    if (NumberLost(*prefix, raw)) {
      lost.push_back(Make(kGarbledHeading, "heading lost its number \"" + raw + "\": \"" + ClipText(p.text, 50) + "\"",
                          p, mt.path, o));
    } else if (const std::optional<char> letter = StrayLetter(*prefix, raw)) {
      out.push_back(Make(kGarbledHeading,
                         "stray \"" + std::string(1, *letter) + "\" in the heading number \"" + *prefix +
                             "\" where the official has \"" + raw + "\"",
                         p, mt.path, o));
    }
  }
  constexpr size_t kConventionAt = 3;
  if (lost.size() >= kConventionAt && 2 * static_cast<int>(lost.size()) > numbered) {
    Finding one = std::move(lost.front());
    one.message = "the MT drops the official heading numbers throughout (" + std::to_string(lost.size()) + " of " +
                  std::to_string(numbered) + " headings), first: " + one.message;
    out.push_back(std::move(one));
    return;
  }
  for (Finding& f : lost) out.push_back(std::move(f));
}

void HeadingsAgainstOfficial(const align::Comparison& c, const Document& mt, std::vector<Finding>& out) {
  UnreadableNumbers(c, mt, out);
  const std::map<NumberStyle, NumberStyle> conventions = Conventions(c);
  for (const align::ComparisonRow& row : c.rows) {
    const NumberMarker* official = NumberOf(row.en);
    const NumberMarker* rendered = NumberOf(row.mt);
    if (!official || !rendered || official->value_damaged) continue;
    const Paragraph& p = *row.mt.front();
    const Paragraph& o = *row.en.front();
    const std::string quoted =
        "\"" + Trimmed(rendered->raw) + "\" where the official has \"" + Trimmed(official->raw) + "\"";
    const auto convention = conventions.find(official->style);
    if (rendered->style != official->style) {
      if (convention != conventions.end() && convention->second != rendered->style) {
        out.push_back(Make(kNumberingStyle, "heading numbered " + quoted, p, mt.path, o));
      }
    } else if (convention != conventions.end() && convention->second != rendered->style) {
      out.push_back(Make(kNumberingStyle, "heading numbered " + quoted + ", unlike the MT's other headings of its kind",
                         p, mt.path, o));
    } else if (rendered->value != official->value || rendered->path != official->path ||
               rendered->counter != official->counter) {
      out.push_back(Make(kNumberingSequence, "heading number " + quoted, p, mt.path, o));
    } else if (Trimmed(rendered->raw) != Trimmed(official->raw) && !rendered->value_damaged) {
      out.push_back(Make(kGarbledHeading, "heading number written " + quoted, p, mt.path, o));
    } else if (StrayTail(p.title(), o.title())) {
      out.push_back(Make(kGarbledHeading,
                         "stray \"" + Words(p.title()).back() + "\" at the end of the heading \"" +
                             ClipText(p.title(), 50) + "\"",
                         p, mt.path, o));
    }
  }
}

void DropHeadingsReportedAlready(std::vector<Finding>& findings) {
  const std::set<std::string> numbering = {kGarbledHeading.id, kNumberingSequence.id, kNumberingStyle.id};
  std::set<std::pair<std::string, int>> reported;
  for (const Finding& f : findings) {
    if (numbering.count(f.rule) && !f.locations.empty() && !AgainstOfficial(f)) {
      reported.insert({f.locations[0].file, f.locations[0].line});
    }
  }
  std::erase_if(findings, [&](const Finding& f) {
    return AgainstOfficial(f) && !f.locations.empty() &&
           reported.count({f.locations[0].file, f.locations[0].line}) > 0;
  });
}

void DropSequenceTheOfficialConfirms(const align::Comparison& c, const std::string& mt_path,
                                     std::vector<Finding>& findings) {
  std::set<int> confirmed;
  for (const align::ComparisonRow& row : c.rows) {
    const NumberMarker* official = NumberOf(row.en);
    const NumberMarker* rendered = NumberOf(row.mt);
    if (official && rendered && !rendered->value_damaged && Trimmed(rendered->raw) == Trimmed(official->raw)) {
      confirmed.insert(row.mt.front()->lines().first);
    }
  }
  std::erase_if(findings, [&](const Finding& f) {
    return f.rule == kNumberingSequence.id && !f.locations.empty() && f.locations[0].file == mt_path &&
           !AgainstOfficial(f) && confirmed.count(f.locations[0].line) > 0;
  });
}

}  // namespace bitext
