// The catalogue of rules as typed constants: a check names the rule it
// reports by its constant (MakeFinding(kOmission, ...)), so a misspelt rule
// does not compile. Ids are stable kebab-case names: users disable rules and
// baselines fingerprint findings by them.
#ifndef BITEXT_CHECKS_RULES_H_
#define BITEXT_CHECKS_RULES_H_

#include <array>
#include <string>
#include <vector>

#include "finding.h"

namespace bitext {

// Where a finding and another rule's finding are one defect.
enum class Overlap {
  kSameLine,    // the same file, on a line of this finding's span
  kInsideText,  // inside the text the other finding quotes, on its line
};

struct Rule {
  const char* id;
  Severity severity;        // default
  const char* description;  // what it flags
  const char* rationale;    // why a reviewer wants it
  // A finding of this rule is dropped where a finding of a rule in
  // `yields_to` (one that says it better) overlaps it; nullptr: none.
  std::array<const Rule*, 3> yields_to{};
  Overlap overlap = Overlap::kSameLine;
};

inline constexpr Rule kDuplicatedSection{"duplicated-section", Severity::kError,
                                         "a run of paragraphs repeated in the document",
                                         "web copies restart or re-paste text; a reader meets the same section twice"};
inline constexpr Rule kGarbledHeading{"garbled-heading", Severity::kError,
                                      "a heading number or text with stray characters",
                                      "garbled numbering misleads navigation and breaks outline comparison"};
inline constexpr Rule kNumberingSequence{"numbering-sequence", Severity::kError,
                                         "a gap, repeat or step back in heading numbers at one level",
                                         "sections were lost, duplicated or misnumbered"};
inline constexpr Rule kNumberingStyle{"numbering-style", Severity::kWarning,
                                      "one heading level numbered in mixed styles",
                                      "a stray style signals a translation or conversion slip"};
inline constexpr Rule kTocMismatch{"toc-mismatch", Severity::kWarning,
                                   "a contents entry and the body headings disagree",
                                   "the table of contents promises sections that are not there, or hides some"};
inline constexpr Rule kBoilerplate{"boilerplate", Severity::kWarning, "web-page furniture inside the text",
                                   "share prompts and related links are not part of the document"};
inline constexpr Rule kTerminology{"terminology", Severity::kWarning,
                                   "a glossary term rendered by a forbidden variant or not as approved",
                                   "official documents fix their terms; a variant reads as a different concept"};
// A doubled word inside a glossary variant ("South South cooperation" for
// "South-South cooperation") is one defect: the terminology finding names
// the fix.
inline constexpr Rule kRepeatedToken{"repeated-token",
                                     Severity::kWarning,
                                     "a doubled word or CJK character",
                                     "a doubled token is a typing or conversion slip; reduplicated words are excluded",
                                     {&kTerminology},
                                     Overlap::kInsideText};
inline constexpr Rule kEncodingDamage{"encoding-damage", Severity::kError,
                                      "replacement characters, mojibake or control characters",
                                      "the text was decoded with the wrong encoding somewhere upstream"};
inline constexpr Rule kRepetitionLoop{"repetition-loop", Severity::kError, "a phrase looping inside one segment",
                                      "oscillatory hallucination of machine translation: the model repeats itself"};
// A loop that runs to the end of a paragraph replaces its ending: the loop
// is the defect, not a cut.
inline constexpr Rule kTruncatedParagraph{"truncated-paragraph",
                                          Severity::kError,
                                          "a paragraph cut mid-sentence or cut short",
                                          "text was lost, usually where a copy broke off or a file ends",
                                          {&kRepetitionLoop},
                                          Overlap::kSameLine};
inline constexpr Rule kUntranslated{"untranslated", Severity::kError, "Chinese text left in the English",
                                    "a passage was not translated"};
inline constexpr Rule kPunctuationSpacing{"punctuation-spacing", Severity::kInfo,
                                          "missing space after punctuation, unbalanced brackets or quotes",
                                          "small slips a copy editor fixes; they also break sentence segmentation"};
inline constexpr Rule kBulletStyle{"bullet-style", Severity::kInfo, "one list with mixed bullet markers",
                                   "inconsistent markers show a careless conversion"};
inline constexpr Rule kOmission{"omission", Severity::kError, "an official paragraph with no rendering in the MT",
                                "content of the official text is missing from the translation"};
inline constexpr Rule kAddition{"addition", Severity::kWarning,
                                "an MT paragraph or sentence with no counterpart in the official text",
                                "content that the official text does not have"};
// A phrase looping in a paragraph repeats its numbers too, and a stray
// digit after a heading's title is the garbled heading: those findings are
// the defect, the number difference is its echo.
inline constexpr Rule kNumberMismatch{"number-mismatch",
                                      Severity::kError,
                                      "numbers that differ between a paragraph and its rendering",
                                      "figures, years and amounts must survive translation",
                                      {&kRepetitionLoop, &kGarbledHeading, &kUntranslated},
                                      Overlap::kSameLine};
// A rendering that lost words of its official paragraph is far from it too:
// the omission, which names the lost words, or the truncation, which shows
// where the rendering stops, says it better.
inline constexpr Rule kLowSimilarity{
    "low-similarity",
    Severity::kWarning,
    "an MT paragraph far from its official rendering",
    "much lower chrF than the rest of the document points at a wrong or garbled rendering",
    {&kOmission, &kTruncatedParagraph},
    Overlap::kSameLine};
inline constexpr Rule kLengthRatio{"length-ratio", Severity::kInfo,
                                   "a translation far shorter or longer than the document's ratio predicts",
                                   "large length deviations hide omissions and additions"};
inline constexpr Rule kRouteDisagreement{
    "route-disagreement", Severity::kInfo, "the MT's Chinese source differs by the two alignment routes",
    "the MT paragraph may render a different Chinese paragraph than the official English does"};

// Every rule, in catalogue order.
const std::vector<Rule>& Rules();
// The rule with this id, or nullptr.
const Rule* FindRule(const std::string& id);

// The findings of one rule per severity.
struct RuleCount {
  std::string rule;
  std::array<int, 3> n{};  // indexed by Severity's value: info, warning, error
};

// Counts per rule with findings, the rules in catalogue order, then any rule
// outside the catalogue by name: the table every summary shows.
std::vector<RuleCount> CountFindings(const std::vector<Finding>& findings);

}  // namespace bitext

#endif  // BITEXT_CHECKS_RULES_H_
