#include "rules.h"

namespace bitext {

const std::vector<Rule>& Rules() {
  static const std::vector<Rule> rules = {
      kDuplicatedSection,
      kTruncatedParagraph,
      kGarbledHeading,
      kNumberingSequence,
      kNumberingStyle,
      kTocMismatch,
      kBoilerplate,
      kRepeatedToken,
      kEncodingDamage,
      kRepetitionLoop,
      kUntranslated,
      kPunctuationSpacing,
      kBulletStyle,
      kOmission,
      kAddition,
      kNumberMismatch,
      kLowSimilarity,
      kLengthRatio,
      kTerminology,
      kRouteDisagreement,
  };
  return rules;
}

const Rule* FindRule(const std::string& id) {
  for (const Rule& r : Rules()) {
    if (id == r.id) return &r;
  }
  return nullptr;
}

}  // namespace bitext
