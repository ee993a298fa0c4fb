// Rules over a machine translation compared with the official text: what
// the repeats, the three-way rows and the outline comparison reveal.
#include <algorithm>
#include <cmath>
#include <set>

#include "anchors.h"
#include "checks.h"
#include "locate.h"
#include "unicode.h"

namespace bitext {
namespace {

Location Lines(const std::vector<const Paragraph*>& side, const std::string& file) {
  return {file, side.front()->lines().first, 1, side.back()->lines().last};
}

std::string Span(const align::Comparison& c, int begin, int end) {
  return std::to_string(c.mt_paragraphs[static_cast<size_t>(begin)]->lines().first) + "-" +
         std::to_string(c.mt_paragraphs[static_cast<size_t>(end - 1)]->lines().last);
}

std::string Joined(const std::vector<const Paragraph*>& side) {
  std::string text;
  for (const Paragraph* p : side) text += (text.empty() ? "" : " ") + p->text;
  return text;
}

void Repeats(const align::Comparison& c, const Document& mt, std::vector<Finding>& out) {
  for (const align::Repeat& r : c.repeats.repeats) {
    const Paragraph* first = c.mt_paragraphs[static_cast<size_t>(r.repeat_begin)];
    const Paragraph* last = c.mt_paragraphs[static_cast<size_t>(r.repeat_end - 1)];
    Finding f = MakeFinding("duplicated-section",
                     "lines " + Span(c, r.repeat_begin, r.repeat_end) + " repeat lines " +
                         Span(c, r.original_begin, r.original_end) + (r.restart ? " (the text starts again)" : ""),
                     {mt.path, first->lines().first, 1, last->lines().last},
                     {{"key", first->text}, {"original", Span(c, r.original_begin, r.original_end)},
                      {"repeat", Span(c, r.repeat_begin, r.repeat_end)}});
    const Paragraph* original = c.mt_paragraphs[static_cast<size_t>(r.original_begin)];
    f.locations.push_back({mt.path, original->lines().first, 1,
                           c.mt_paragraphs[static_cast<size_t>(r.original_end - 1)]->lines().last});
    out.push_back(std::move(f));
    // A cut paragraph that reads as cut is reported by the document checks.
    if (r.truncated >= 0 && !c.mt_paragraphs[static_cast<size_t>(r.truncated)]->truncated) {
      const Paragraph* cut = c.mt_paragraphs[static_cast<size_t>(r.truncated)];
      out.push_back(MakeFinding("truncated-paragraph",
                         "paragraph cut where the repeated text begins: \"" + ClipText(cut->text, 40) + "\"",
                         {mt.path, cut->lines().first, 1, cut->lines().last}, {{"key", cut->text}}));
    }
  }
}

void Outline(const align::Comparison& c, const Document& mt, const CheckConfig& config,
             std::vector<Finding>& out) {
  for (const align::OutlinePair& pair : c.toc_vs_body) {
    const Paragraph* where = pair.left ? pair.left : pair.right;
    const Location at{mt.path, where->lines().first, 1, where->lines().last};
    if (!pair.right) {
      out.push_back(MakeFinding("toc-mismatch", "contents entry \"" + ClipText(pair.left->text, 50) + "\" has no heading in the body",
                         at, {{"key", pair.left->text}}));
    } else if (!pair.left) {
      out.push_back(MakeFinding("toc-mismatch", "heading \"" + ClipText(pair.right->text, 50) + "\" is missing from the contents",
                         at, {{"key", pair.right->text}}));
    } else if (100 * pair.similarity < config.toc_min_similarity) {
      Finding f = MakeFinding("toc-mismatch",
                       "contents entry \"" + ClipText(pair.left->text, 40) + "\" differs from its heading \"" +
                           ClipText(pair.right->text, 40) + "\" (line " + std::to_string(pair.right->lines().first) + ")",
                       at, {{"key", pair.left->text}, {"heading", pair.right->text}, {"similarity", 100 * pair.similarity}});
      f.locations.push_back({mt.path, pair.right->lines().first, 1, pair.right->lines().last});
      out.push_back(std::move(f));
    }
  }
}

// Rows inside the coverage: between the first and last row with an MT side.
std::pair<size_t, size_t> CoveredRows(const align::Comparison& c) {
  size_t first = c.rows.size(), last = 0;
  for (size_t k = 0; k < c.rows.size(); ++k) {
    if (c.rows[k].mt.empty() || c.rows[k].en.empty()) continue;
    first = std::min(first, k);
    last = k;
  }
  return {first, last};
}

void OmissionsAndAdditions(const align::Comparison& c, const Document& mt, const std::string& official,
                           std::vector<Finding>& out) {
  const auto [first, last] = CoveredRows(c);
  if (first > last) return;
  // A paragraph left out on one side near one left over on the other is a
  // reordering, not an omission: compare them before reporting.
  auto reordered = [&](size_t k, bool official_side) {
    const std::string mine = Joined(official_side ? c.rows[k].en : c.rows[k].mt);
    const align::NgramProfile profile(mine);
    for (size_t j = k >= 3 ? k - 3 : 0; j <= std::min(c.rows.size() - 1, k + 3); ++j) {
      const auto& other = official_side ? c.rows[j].mt : c.rows[j].en;
      const auto& partner = official_side ? c.rows[j].en : c.rows[j].mt;
      if (j == k || other.empty() || !partner.empty()) continue;
      if (align::NgramProfile(Joined(other)).Similarity(profile) >= 0.4) return true;
    }
    return false;
  };
  for (size_t k = first; k <= last; ++k) {
    const align::ComparisonRow& row = c.rows[k];
    if (!row.en.empty() && row.mt.empty() && !reordered(k, true)) {
      out.push_back(MakeFinding("omission", "official paragraph not rendered in the MT: \"" + ClipText(Joined(row.en), 50) + "\"",
                         Lines(row.en, official), {{"key", Joined(row.en)}}));
    }
    if (row.en.empty() && row.zh.empty() && !row.mt.empty() && !reordered(k, false)) {
      out.push_back(MakeFinding("addition", "MT paragraph with no counterpart in the official text: \"" +
                                         ClipText(Joined(row.mt), 50) + "\"",
                         Lines(row.mt, mt.path), {{"key", Joined(row.mt)}}));
    }
  }
}

std::string List(const std::multiset<double>& values) {
  std::string out;
  for (double v : values) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    out += (out.empty() ? "" : ", ") + std::string(buffer);
  }
  return out;
}

// The MT translates the Chinese: its numbers are checked against the
// Chinese, not against the official English, which may add or drop some.
void Numbers(const align::Comparison& c, const Document& mt, std::vector<Finding>& out) {
  for (const align::ComparisonRow& row : c.rows) {
    if (row.zh.empty() || row.mt.empty()) continue;
    // A cut source cannot say what its rendering should contain.
    if (std::any_of(row.zh.begin(), row.zh.end(), [](const Paragraph* p) { return p->truncated; })) continue;
    // Heading numbers are compared by the numbering rules.
    auto body = [](const Paragraph* p) -> const std::string& {
      return p->heading && p->heading->number ? p->heading->number->title : p->text;
    };
    std::multiset<double> zh, en;
    for (const Paragraph* p : row.zh) for (double v : align::ExtractNumbers(body(p), Lang::kZh)) zh.insert(v);
    for (const Paragraph* p : row.mt) for (double v : align::ExtractNumbers(body(p), Lang::kEn)) en.insert(v);
    std::multiset<double> missing, extra;
    std::set_difference(zh.begin(), zh.end(), en.begin(), en.end(), std::inserter(missing, missing.end()));
    std::set_difference(en.begin(), en.end(), zh.begin(), zh.end(), std::inserter(extra, extra.end()));
    if (missing.empty() && extra.empty()) continue;
    std::string message = "numbers differ from the Chinese:";
    if (!missing.empty()) message += " missing " + List(missing) + (extra.empty() ? "" : ";");
    if (!extra.empty()) message += " not in the source " + List(extra);
    out.push_back(MakeFinding("number-mismatch", message, Lines(row.mt, mt.path),
                       {{"key", Joined(row.mt)}, {"missing", std::vector<double>(missing.begin(), missing.end())},
                        {"extra", std::vector<double>(extra.begin(), extra.end())}}));
  }
}

void LowSimilarity(const align::Comparison& c, const Document& mt, const CheckConfig& config,
                   std::vector<Finding>& out) {
  std::vector<double> scores;
  for (const align::ComparisonRow& row : c.rows) {
    if (row.similarity >= 0) scores.push_back(100 * row.similarity);
  }
  if (scores.size() < 5) return;
  std::vector<double> sorted = scores;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted[sorted.size() / 2];
  std::vector<double> deviations;
  for (double s : scores) deviations.push_back(std::fabs(s - median));
  std::sort(deviations.begin(), deviations.end());
  const double mad = std::max(deviations[deviations.size() / 2], 1.0);
  const double threshold = std::min(median - config.low_similarity_mads * mad, config.low_similarity_ceiling);
  for (const align::ComparisonRow& row : c.rows) {
    if (row.similarity < 0 || 100 * row.similarity >= threshold) continue;
    // Headings are too short for chrF to say much.
    if (std::all_of(row.en.begin(), row.en.end(), [](const Paragraph* p) { return p->kind == Kind::kHeading; })) {
      continue;
    }
    char message[160];
    std::snprintf(message, sizeof message,
                  "MT paragraph far from the official rendering: chrF %.1f, document median %.1f", 100 * row.similarity,
                  median);
    out.push_back(MakeFinding("low-similarity", message, Lines(row.mt, mt.path),
                       {{"key", Joined(row.mt)}, {"official", Joined(row.en)}, {"mt", Joined(row.mt)},
                        {"chrf", 100 * row.similarity}, {"median", median}}));
  }
}

void LengthRatio(const align::Comparison& c, const std::string& official, const CheckConfig& config,
                 std::vector<Finding>& out) {
  for (const align::Bead& b : c.official.paragraphs) {
    if (b.zh_size() == 0 || b.en_size() == 0) continue;
    if (b.evidence.length_probability >= config.length_ratio_min_probability) continue;
    std::vector<const Paragraph*> en(c.official.en.begin() + b.en_begin, c.official.en.begin() + b.en_end);
    out.push_back(MakeFinding("length-ratio", "English length far from what the Chinese predicts for this document",
                       Lines(en, official), {{"key", Joined(en)}, {"probability", b.evidence.length_probability}}));
  }
}

// A term of the Chinese whose approved translation the MT does not use (and
// no forbidden variant either: those are reported where they stand).
void ApprovedTerms(const align::Comparison& c, const Document& mt, const Glossary& glossary,
                   std::vector<Finding>& out) {
  for (const align::ComparisonRow& row : c.rows) {
    if (row.zh.empty() || row.mt.empty()) continue;
    std::string zh;
    for (const Paragraph* p : row.zh) zh += p->text;
    const std::string english = FoldForCompare(Joined(row.mt));
    for (const GlossaryEntry& e : glossary.entries) {
      if (zh.find(e.source) == std::string::npos) continue;
      if (english.find(FoldForCompare(e.approved)) != std::string::npos) continue;
      const bool variant = std::any_of(e.forbidden.begin(), e.forbidden.end(), [&](const std::string& v) {
        return english.find(FoldForCompare(v)) != std::string::npos;
      });
      if (variant) continue;
      out.push_back(MakeFinding("terminology",
                                e.source + " is not rendered as \"" + e.approved + "\"",
                                Lines(row.mt, mt.path), {{"key", Joined(row.mt) + "#" + e.source}, {"term", e.source},
                                                         {"approved", e.approved}}));
    }
  }
}

void Routes(const align::Comparison& c, const Document& mt, std::vector<Finding>& out) {
  for (const align::ComparisonRow& row : c.rows) {
    if (row.routes_agree || row.mt.empty()) continue;
    out.push_back(MakeFinding("route-disagreement",
                       "aligned directly, this MT paragraph pairs with other Chinese than its official English does",
                       Lines(row.mt, mt.path), {{"key", Joined(row.mt)}}));
  }
}

}  // namespace

void DropRepeatEchoes(const align::Comparison& c, const std::string& mt_path, std::vector<Finding>& findings) {
  std::vector<int> starts;
  for (const align::Repeat& r : c.repeats.repeats) {
    starts.push_back(c.mt_paragraphs[static_cast<size_t>(r.repeat_begin)]->lines().first);
  }
  auto echo = [&](const Finding& f) {
    if (f.rule != "numbering-sequence" || f.locations.size() < 2 || f.locations[0].file != mt_path) return false;
    const int line = f.locations[0].line, previous = f.locations[1].line;
    return std::any_of(starts.begin(), starts.end(), [&](int s) { return previous < s && s <= line; });
  };
  findings.erase(std::remove_if(findings.begin(), findings.end(), echo), findings.end());
}

std::vector<Finding> CheckDocumentSet(const std::vector<const Document*>& official,
                                      const std::vector<const Document*>& mts,
                                      const align::Lexicon* lexicon, const CheckConfig& config) {
  std::vector<align::Comparison> comparisons;
  std::vector<const align::Comparison*> pointers;
  if (!official.empty()) {
    comparisons.reserve(mts.size());
    for (const Document* mt : mts) {
      comparisons.push_back(align::CompareWithOfficial(
          align::AlignableParagraphs(*official.front(), Lang::kZh),
          align::AlignableParagraphs(*official.back(), Lang::kEn), *mt, lexicon, align::AlignerOptions{}));
      pointers.push_back(&comparisons.back());
    }
  }
  return CheckDocumentSet(official, mts, pointers, config);
}

std::vector<Finding> CheckDocumentSet(const std::vector<const Document*>& official,
                                      const std::vector<const Document*>& mts,
                                      const std::vector<const align::Comparison*>& comparisons,
                                      const CheckConfig& config) {
  std::vector<Finding> findings;
  auto append = [&](std::vector<Finding> more) {
    findings.insert(findings.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  };
  for (const Document* d : official) append(CheckDocument(*d, config));
  for (size_t k = 0; k < mts.size(); ++k) {
    append(CheckDocument(*mts[k], config));
    if (official.empty()) continue;
    DropRepeatEchoes(*comparisons[k], mts[k]->path, findings);
    append(CheckComparison(*comparisons[k], official.back()->path, *mts[k], config));
  }
  FinishFindings(findings, config);
  return findings;
}

std::vector<Finding> CheckComparison(const align::Comparison& c, const std::string& official_path,
                                     const Document& mt, const CheckConfig& config) {
  std::vector<Finding> out;
  Repeats(c, mt, out);
  Outline(c, mt, config, out);
  OmissionsAndAdditions(c, mt, official_path, out);
  Numbers(c, mt, out);
  LowSimilarity(c, mt, config, out);
  LengthRatio(c, official_path, config, out);
  Routes(c, mt, out);
  if (config.glossary) ApprovedTerms(c, mt, *config.glossary, out);
  FinishFindings(out, config);
  return out;
}

}  // namespace bitext
