#include "rules.h"

#include <map>

namespace bitext {

const std::vector<Rule>& Rules() {
  static const std::vector<Rule> rules = {
      kDuplicatedSection, kTruncatedParagraph, kGarbledHeading, kNumberingSequence, kNumberingStyle,
      kTocMismatch,       kBoilerplate,        kRepeatedToken,  kEncodingDamage,    kRepetitionLoop,
      kUntranslated,      kPunctuationSpacing, kBulletStyle,    kOmission,          kAddition,
      kNumberMismatch,    kLowSimilarity,      kLengthRatio,    kTerminology,       kRouteDisagreement,
  };
  return rules;
}

const Rule* FindRule(const std::string& id) {
  for (const Rule& r : Rules()) {
    if (id == r.id) return &r;
  }
  return nullptr;
}

std::vector<RuleCount> CountFindings(const std::vector<Finding>& findings) {
  std::map<std::string, std::array<int, 3>> counts;
  for (const Finding& f : findings) ++counts[f.rule][static_cast<int>(f.severity)];
  std::vector<RuleCount> out;
  for (const Rule& rule : Rules()) {
    if (auto it = counts.find(rule.id); it != counts.end()) out.push_back({it->first, it->second});
  }
  for (const auto& [rule, n] : counts) {
    if (FindRule(rule) == nullptr) out.push_back({rule, n});
  }
  return out;
}

}  // namespace bitext
