#include "alignment_report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "evaluation.h"
#include "tmx_report.h"

namespace bitext {
namespace {

align::IndexBead ToIndexBead(const align::Bead& b) {
  align::IndexBead out;
  for (int i = b.zh_begin; i < b.zh_end; ++i) out.zh.push_back(i);
  for (int j = b.en_begin; j < b.en_end; ++j) out.en.push_back(j);
  return out;
}

nlohmann::json Evidence(const align::Bead& b) {
  nlohmann::json e = nlohmann::json::array();
  if (b.zh_size() == 0 || b.en_size() == 0) return e;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "length p=%.2f", b.evidence.length_probability);
  e.push_back(buffer);
  if (b.evidence.lexical >= 0) {
    std::snprintf(buffer, sizeof buffer, "lexicon %.2f", b.evidence.lexical);
    e.push_back(buffer);
  }
  if (b.evidence.mt >= 0) {
    std::snprintf(buffer, sizeof buffer, "machine translation %.2f", b.evidence.mt);
    e.push_back(buffer);
  }
  if (b.evidence.anchors >= 0) {
    std::string anchors = "anchors";
    for (const std::string& a : b.evidence.matched_anchors) anchors += " " + a;
    if (b.evidence.matched_anchors.empty()) anchors += " (none matched)";
    e.push_back(anchors);
  }
  if (b.evidence.structure_conflicts > 0) e.push_back("structure conflict");
  return e;
}

}  // namespace

std::string BeadType(const align::Bead& b) { return std::to_string(b.zh_size()) + "-" + std::to_string(b.en_size()); }

std::string BeadText(const AlignedSide& side, int begin, int end, bool chinese) {
  std::string out;
  for (int k = begin; k < end; ++k) {
    if (!out.empty() && !chinese) out += ' ';
    out += side.texts[static_cast<size_t>(k)];
  }
  return out;
}

void WriteAlignment(std::ostream& out, const std::vector<align::Bead>& beads, const AlignedSide& zh,
                    const AlignedSide& en, const std::string& format, bool with_scores, bool tsv_bom) {
  if (format == "beads") {
    for (const align::Bead& b : beads) {
      out << align::FormatBead(ToIndexBead(b));
      if (with_scores) out << ":" << b.confidence;
      out << "\n";
    }
  } else if (format == "tsv") {
    auto clean = [](std::string s) {
      for (char& c : s)
        if (c == '\t' || c == '\n') c = ' ';
      return s;
    };
    if (tsv_bom) out << kUtf8Bom;
    out << "zh\ten\ttype\tconfidence\n";  // the header aligned.tsv has
    for (const align::Bead& b : beads) {
      out << clean(BeadText(zh, b.zh_begin, b.zh_end, true)) << "\t" << clean(BeadText(en, b.en_begin, b.en_end, false))
          << "\t" << BeadType(b) << "\t" << b.confidence << "\n";
    }
  } else {
    nlohmann::json all;
    all["beads"] = nlohmann::json::array();
    for (const align::Bead& b : beads) {
      nlohmann::json j;
      align::IndexBead ib = ToIndexBead(b);
      j["zh"] = ib.zh;
      j["en"] = ib.en;
      j["zh_text"] = BeadText(zh, b.zh_begin, b.zh_end, true);
      j["en_text"] = BeadText(en, b.en_begin, b.en_end, false);
      j["zh_lines"] = b.zh_size() ? nlohmann::json{zh.lines[static_cast<size_t>(b.zh_begin)].first,
                                                   zh.lines[static_cast<size_t>(b.zh_end - 1)].last}
                                  : nlohmann::json::array();
      j["en_lines"] = b.en_size() ? nlohmann::json{en.lines[static_cast<size_t>(b.en_begin)].first,
                                                   en.lines[static_cast<size_t>(b.en_end - 1)].last}
                                  : nlohmann::json::array();
      j["type"] = BeadType(b);
      j["score"] = b.confidence;
      j["posterior"] = b.posterior;
      j["evidence"] = Evidence(b);
      all["beads"].push_back(std::move(j));
    }
    out << all.dump(2) << "\n";
  }
}

AlignedSide ParagraphSide(const std::vector<const Paragraph*>& paragraphs) {
  AlignedSide side;
  for (const Paragraph* p : paragraphs) {
    side.texts.push_back(p->text);
    side.lines.push_back(p->lines());
  }
  return side;
}

AlignedSide SentenceSide(const std::vector<const Paragraph*>& paragraphs, const std::vector<align::SentenceRef>& refs) {
  AlignedSide side;
  for (const align::SentenceRef& r : refs) {
    const Paragraph* p = paragraphs[static_cast<size_t>(r.paragraph)];
    side.texts.push_back(std::string(p->SentenceText(p->sentences[static_cast<size_t>(r.sentence)])));
    side.lines.push_back(p->lines());
  }
  return side;
}

}  // namespace bitext
