#include "checks.h"

#include <algorithm>

#include "unicode.h"

namespace bitext {

const std::vector<RuleInfo>& Rules() {
  static const std::vector<RuleInfo> rules = {
      {"duplicated-section", Severity::kError, "a run of paragraphs repeated in the document",
       "web copies restart or re-paste text; a reader meets the same section twice"},
      {"truncated-paragraph", Severity::kError, "a paragraph cut mid-sentence or cut short",
       "text was lost, usually where a copy broke off or a file ends"},
      {"garbled-heading", Severity::kError, "a heading number or text with stray characters",
       "garbled numbering misleads navigation and breaks outline comparison"},
      {"numbering-sequence", Severity::kError, "a gap, repeat or step back in heading numbers at one level",
       "sections were lost, duplicated or misnumbered"},
      {"numbering-style", Severity::kWarning, "one heading level numbered in mixed styles",
       "a stray style signals a translation or conversion slip"},
      {"toc-mismatch", Severity::kWarning, "a contents entry and the body headings disagree",
       "the table of contents promises sections that are not there, or hides some"},
      {"boilerplate", Severity::kWarning, "web-page furniture inside the text",
       "share prompts and related links are not part of the document"},
      {"repeated-token", Severity::kWarning, "a doubled word or CJK character",
       "a doubled token is a typing or conversion slip; reduplicated words are excluded"},
      {"encoding-damage", Severity::kError, "replacement characters, mojibake or control characters",
       "the text was decoded with the wrong encoding somewhere upstream"},
      {"repetition-loop", Severity::kError, "a phrase looping inside one segment",
       "oscillatory hallucination of machine translation: the model repeats itself"},
      {"untranslated", Severity::kError, "Chinese text left in the English",
       "a passage was not translated"},
      {"punctuation-spacing", Severity::kInfo, "missing space after punctuation, unbalanced brackets or quotes",
       "small slips a copy editor fixes; they also break sentence segmentation"},
      {"bullet-style", Severity::kInfo, "one list with mixed bullet markers",
       "inconsistent markers show a careless conversion"},
      {"omission", Severity::kError, "an official paragraph with no rendering in the MT",
       "content of the official text is missing from the translation"},
      {"addition", Severity::kWarning, "an MT paragraph with no counterpart in the official text",
       "content that the official text does not have"},
      {"number-mismatch", Severity::kError, "numbers that differ between a paragraph and its rendering",
       "figures, years and amounts must survive translation"},
      {"low-similarity", Severity::kWarning, "an MT paragraph far from its official rendering",
       "much lower chrF than the rest of the document points at a wrong or garbled rendering"},
      {"length-ratio", Severity::kInfo, "a translation far shorter or longer than the document's ratio predicts",
       "large length deviations hide omissions and additions"},
      {"terminology", Severity::kWarning, "a glossary term rendered by a forbidden variant or not as approved",
       "official documents fix their terms; a variant reads as a different concept"},
      {"route-disagreement", Severity::kInfo, "the MT's Chinese source differs by the two alignment routes",
       "the MT paragraph may render a different Chinese paragraph than the official English does"},
  };
  return rules;
}

const RuleInfo* FindRule(const std::string& id) {
  for (const RuleInfo& r : Rules()) {
    if (id == r.id) return &r;
  }
  return nullptr;
}

Finding MakeFinding(const char* rule, std::string message, Location where, nlohmann::json evidence) {
  Finding f;
  f.rule = rule;
  f.severity = FindRule(rule)->severity;
  f.message = std::move(message);
  f.locations.push_back(std::move(where));
  f.evidence = std::move(evidence);
  return f;
}

bool CheckConfig::Enabled(const std::string& rule) const {
  auto it = enabled.find(rule);
  return it == enabled.end() || it->second;
}

namespace {

// The length, in code points, of the text at a finding's column: a glossary
// variant, or the doubled token (a doubled word points at its second copy).
int QuotedLength(const Finding& f) {
  for (const char* field : {"variant", "token"}) {
    if (f.evidence.contains(field)) return static_cast<int>(ToCodePoints(f.evidence[field].get<std::string>()).size());
  }
  return 0;
}

// A doubled word inside a glossary variant ("South South cooperation" for
// "South-South cooperation") is one defect: the terminology finding names
// the fix, so the doubled-word finding would only count it twice.
void DropDoubledWordsInsideTerms(std::vector<Finding>& findings) {
  struct Span {
    Location at;
    int length;
  };
  std::vector<Span> terms;  // copied: erasing moves the findings
  for (const Finding& f : findings) {
    if (f.rule == "terminology" && !f.locations.empty() && QuotedLength(f) > 0) {
      terms.push_back({f.locations[0], QuotedLength(f)});
    }
  }
  auto inside_a_term = [&](const Finding& f) {
    if (f.rule != "repeated-token" || f.locations.empty()) return false;
    const Location& at = f.locations[0];
    const int end = at.column + QuotedLength(f);
    return std::any_of(terms.begin(), terms.end(), [&](const Span& term) {
      return term.at.file == at.file && term.at.line == at.line && term.at.column <= at.column &&
             end <= term.at.column + term.length;
    });
  };
  std::erase_if(findings, inside_a_term);
}

}  // namespace

void FinishFindings(std::vector<Finding>& findings, const CheckConfig& config) {
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const Finding& f) { return !config.Enabled(f.rule); }),
                 findings.end());
  // One finding per rule and place (line and column).
  for (Finding& f : findings) {
    auto it = config.severity.find(f.rule);
    if (it != config.severity.end()) f.severity = it->second;
    const std::string key = f.evidence.contains("key") ? f.evidence["key"].get<std::string>() : f.message;
    f.fingerprint = Fingerprint(f.rule, f.locations.empty() ? "" : f.locations.front().file, key);
  }
  SortFindings(findings);
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [](const Finding& a, const Finding& b) {
                               return a.rule == b.rule && !a.locations.empty() && !b.locations.empty() &&
                                      a.locations[0].file == b.locations[0].file &&
                                      a.locations[0].line == b.locations[0].line &&
                                      a.locations[0].column == b.locations[0].column;
                             }),
                 findings.end());
  DropDoubledWordsInsideTerms(findings);
}

}  // namespace bitext
