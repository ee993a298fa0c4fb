#include "heading_rows.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "checks.h"
#include "rules.h"
#include "unicode.h"

namespace bitext {
namespace {

constexpr const char* kAgainstOfficial = "official heading";

const NumberMarker* NumberOf(const std::vector<const Paragraph*>& side) {
  if (side.size() != 1 || side.front()->kind != Kind::kHeading) return nullptr;
  const Paragraph& p = *side.front();
  return p.heading && p.heading->number ? &*p.heading->number : nullptr;
}

std::string Trimmed(const std::string& raw) { return std::string(Trim(raw)); }

// The words of a title, split on spaces.
std::vector<std::string> Words(const std::string& title) {
  std::vector<std::string> words;
  std::string word;
  for (char c : title + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

// The MT title is the official one with one more character-long word at
// its end, a letter or digit the official title does not end with.
bool StrayTail(const std::string& mt_title, const std::string& official_title) {
  const std::vector<std::string> mt = Words(mt_title), official = Words(official_title);
  if (mt.size() != official.size() + 1 || official.empty()) return false;
  const std::string& tail = mt.back();
  if (tail.size() != 1 || !std::isalnum(static_cast<unsigned char>(tail[0]))) return false;
  return std::equal(official.begin(), official.end(), mt.begin());
}

Finding Make(const Rule& rule, std::string message, const Paragraph& p, const std::string& mt_path,
             const Paragraph& official) {
  return MakeFinding(rule, std::move(message), Location{mt_path, p.lines().first, 1, p.lines().last},
                     {{"key", p.text}, {"official", official.text}, {"against", kAgainstOfficial}});
}

}  // namespace

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

void HeadingsAgainstOfficial(const align::Comparison& c, const Document& mt, std::vector<Finding>& out) {
  const std::map<NumberStyle, NumberStyle> conventions = Conventions(c);
  for (const align::ComparisonRow& row : c.rows) {
    const NumberMarker* official = NumberOf(row.en);
    const NumberMarker* rendered = NumberOf(row.mt);
    if (!official || !rendered || official->value_damaged) continue;
    const Paragraph& p = *row.mt.front();
    const Paragraph& o = *row.en.front();
    const std::string quoted = "\"" + Trimmed(rendered->raw) + "\" where the official has \"" + Trimmed(official->raw) + "\"";
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
    } else if (StrayTail(rendered->title, official->title)) {
      out.push_back(Make(kGarbledHeading,
                         "stray \"" + Words(rendered->title).back() + "\" at the end of the heading \"" +
                             ClipText(rendered->title, 50) + "\"",
                         p, mt.path, o));
    }
  }
}

void DropHeadingsReportedAlready(std::vector<Finding>& findings) {
  const std::set<std::string> numbering = {kGarbledHeading.id, kNumberingSequence.id, kNumberingStyle.id};
  std::set<std::pair<std::string, int>> reported;
  for (const Finding& f : findings) {
    if (numbering.count(f.rule) && !f.locations.empty() && f.evidence.value("against", "") != kAgainstOfficial) {
      reported.insert({f.locations[0].file, f.locations[0].line});
    }
  }
  std::erase_if(findings, [&](const Finding& f) {
    return f.evidence.value("against", "") == kAgainstOfficial && !f.locations.empty() &&
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
           f.evidence.value("against", "") != kAgainstOfficial && confirmed.count(f.locations[0].line) > 0;
  });
}

}  // namespace bitext
