#include "comparison_report.h"

#include <cstdio>
#include <sstream>

#include "json_output.h"
#include "json_writer.h"
#include "unicode.h"

namespace bitext {
namespace {

nlohmann::json Lines(const std::vector<const Paragraph*>& side) {
  if (side.empty()) return nlohmann::json::array();
  return {side.front()->lines().first, side.back()->lines().last};
}

nlohmann::json Span(const std::vector<const Paragraph*>& paragraphs, int begin, int end) {
  return {paragraphs[static_cast<size_t>(begin)]->lines().first,
          paragraphs[static_cast<size_t>(end - 1)]->lines().last};
}

nlohmann::json OutlineJson(const std::vector<align::OutlinePair>& pairs, const char* left_name,
                           const char* right_name) {
  nlohmann::json out = nlohmann::json::array();
  for (const align::OutlinePair& pair : pairs) {
    nlohmann::json j;
    j[left_name] = pair.left ? nlohmann::json{{"line", pair.left->lines().first}, {"text", pair.left->text}}
                             : nlohmann::json(nullptr);
    j[right_name] = pair.right ? nlohmann::json{{"line", pair.right->lines().first}, {"text", pair.right->text}}
                               : nlohmann::json(nullptr);
    if (pair.left && pair.right) {
      j["similarity"] = 100 * pair.similarity;
      j["same_value"] = pair.same_value;
      j["same_level"] = pair.same_level;
    }
    out.push_back(std::move(j));
  }
  return out;
}

// One row, written value by value, its members in the order of their names.
void WriteRow(std::ostream& out, const align::Comparison& c, size_t k, int depth) {
  const align::ComparisonRow& row = c.rows[k];
  JsonWriter json(out, depth);
  json.BeginObject();
  // chrF exactly as sacreBLEU scores the sentence; "similarity" is the
  // aligner's own measure, relative to nothing.
  const bool scored = k < c.metrics.row_chrf.size() && c.metrics.row_chrf[k];
  json.Key("chrf").Value(scored ? nlohmann::json(*c.metrics.row_chrf[k]) : nlohmann::json(nullptr));
  json.Key("en_lines").Value(Lines(row.en));
  json.Key("en_text").String(align::RowText(row.en, false));
  json.Key("mt_lines").Value(Lines(row.mt));
  json.Key("mt_text").String(align::RowText(row.mt, false));
  json.Key("reordered").Value(row.reordered);
  json.Key("routes_agree").Value(row.routes_agree);
  json.Key("similarity").Value(row.similarity >= 0 ? nlohmann::json(100 * row.similarity) : nlohmann::json(nullptr));
  json.Key("zh_lines").Value(Lines(row.zh));
  json.Key("zh_text").String(align::RowText(row.zh, true));
  json.EndObject();
}

// Everything but the rows.
nlohmann::json ComparisonOutline(const align::Comparison& c, const std::string& official_path,
                                 const std::string& mt_path) {
  nlohmann::json out;
  out["official"] = official_path;
  out["mt"] = mt_path;
  out["repeats"] = nlohmann::json::array();
  for (const align::Repeat& r : c.repeats.repeats) {
    nlohmann::json j;
    j["original"] = Span(c.mt_paragraphs, r.original_begin, r.original_end);
    j["repeat"] = Span(c.mt_paragraphs, r.repeat_begin, r.repeat_end);
    j["restart"] = r.restart;
    if (r.truncated >= 0) j["truncated_line"] = c.mt_paragraphs[static_cast<size_t>(r.truncated)]->lines().first;
    out["repeats"].push_back(std::move(j));
  }
  nlohmann::json coverage;
  const auto& mono = c.mt_alignment;
  coverage["mt_lines"] =
      mono.hyp_first < 0 ? nlohmann::json::array() : Span(c.mt_aligned, mono.hyp_first, mono.hyp_last + 1);
  coverage["official_en_paragraphs"] = c.official.en.size();
  coverage["official_en_rendered"] = c.en_rendered;
  coverage["mt_paragraphs"] = c.mt_aligned.size();
  coverage["mt_paragraphs_in_coverage"] = mono.hyp_first < 0 ? 0 : mono.hyp_last - mono.hyp_first + 1;
  out["coverage"] = coverage;
  out["outline"] = {{"toc_vs_body", OutlineJson(c.toc_vs_body, "toc", "heading")},
                    {"titles_vs_mt", OutlineJson(c.titles_vs_mt, "title", "heading")}};
  // Corpus metrics over the rows with both an official and an MT side.
  const align::ComparisonMetrics& scores = c.metrics;
  nlohmann::json metrics = {{"rows_compared", scores.rows_compared}};
  if (scores.rows_compared > 0) {
    metrics["bleu"] = scores.bleu.score;
    metrics["chrf"] = scores.chrf.score;
    metrics["ter"] = scores.ter.score;
    metrics["signatures"] = {
        {"bleu", scores.bleu.signature}, {"chrf", scores.chrf.signature}, {"ter", scores.ter.signature}};
  }
  out["metrics"] = metrics;
  return out;
}

}  // namespace

void WriteComparisonJson(std::ostream& out, const align::Comparison& c, const std::string& official_path,
                         const std::string& mt_path, int depth) {
  WriteObjectWithArrays(
      out, ComparisonOutline(c, official_path, mt_path),
      {{"rows", c.rows.size(), [&c](std::ostream& o, size_t k, int item_depth) { WriteRow(o, c, k, item_depth); }}},
      {depth});
}

std::string RenderComparisonText(const align::Comparison& c) {
  std::ostringstream out;
  for (const align::Repeat& r : c.repeats.repeats) {
    out << "repeat: MT lines " << c.mt_paragraphs[static_cast<size_t>(r.original_begin)]->lines().first << "-"
        << c.mt_paragraphs[static_cast<size_t>(r.original_end - 1)]->lines().last << " again at "
        << c.mt_paragraphs[static_cast<size_t>(r.repeat_begin)]->lines().first << "-"
        << c.mt_paragraphs[static_cast<size_t>(r.repeat_end - 1)]->lines().last;
    if (r.truncated >= 0) {
      out << "; line " << c.mt_paragraphs[static_cast<size_t>(r.truncated)]->lines().first
          << " is cut where the repeat begins";
    }
    out << "\n";
  }
  out << "official English paragraphs rendered by the MT: " << c.en_rendered << " of " << c.official.en.size() << "\n";
  auto outline_line = [&](const char* what, const align::OutlinePair& pair) {
    out << what;
    if (pair.left) out << " line " << pair.left->lines().first << " \"" << ClipText(pair.left->text, 40) << "\"";
    out << (pair.left && pair.right ? " ~" : " (no counterpart)");
    if (pair.right) out << " line " << pair.right->lines().first << " \"" << ClipText(pair.right->text, 40) << "\"";
    if (pair.left && pair.right && (!pair.same_value || !pair.same_level)) out << " (numbering differs)";
    out << "\n";
  };
  for (const align::OutlinePair& pair : c.toc_vs_body) {
    if (!pair.left || !pair.right || !pair.same_value) outline_line("contents:", pair);
  }
  for (const align::OutlinePair& pair : c.titles_vs_mt) {
    if (!pair.left || !pair.right || !pair.same_value) outline_line("official title:", pair);
  }
  out << "\n";
  auto lines = [](const std::vector<const Paragraph*>& side) {
    if (side.empty()) return std::string("   -   ");
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%3d-%-3d", side.front()->lines().first, side.back()->lines().last);
    return std::string(buffer);
  };
  out << "zh      en      mt      chrF  route  MT text\n";
  for (const align::ComparisonRow& row : c.rows) {
    char score[16] = "   - ";
    if (row.similarity >= 0) std::snprintf(score, sizeof score, "%5.1f", 100 * row.similarity);
    out << lines(row.zh) << " " << lines(row.en) << " " << lines(row.mt) << " " << score << "  "
        << (row.routes_agree ? "  ok " : "DIFF ") << "  " << (row.reordered ? "(out of order) " : "")
        << ClipText(row.mt.empty() ? "(no MT rendering)" : row.mt.front()->text, 60) << "\n";
  }
  return out.str();
}

}  // namespace bitext
