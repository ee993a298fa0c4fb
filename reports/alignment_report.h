// The formats of `bitext align`: bead lists ("0,1:0"), TSV of the texts and
// JSON with texts, lines and evidence; and the texts of a bead, which the
// audit's translation memory uses too.
#ifndef BITEXT_REPORTS_ALIGNMENT_REPORT_H_
#define BITEXT_REPORTS_ALIGNMENT_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "aligner.h"
#include "document.h"
#include "document_alignment.h"

namespace bitext {

// The units of one side of an alignment.
struct AlignedSide {
  std::vector<std::string> texts;  // unit texts
  std::vector<LineSpan> lines;     // 1-based source lines of each unit
};

// Paragraphs as units.
AlignedSide ParagraphSide(const std::vector<const Paragraph*>& paragraphs);
// The sentences `refs` names, each with its paragraph's lines.
AlignedSide SentenceSide(const std::vector<const Paragraph*>& paragraphs, const std::vector<align::SentenceRef>& refs);

// The texts of units [begin, end) joined: Chinese ones run together, English
// ones with a space between.
std::string BeadText(const AlignedSide& side, int begin, int end, bool chinese);

// "1-1", "2-1", "0-1": the units of a bead on each side.
std::string BeadType(const align::Bead& bead);

// `format`: "beads" (with `with_scores`, ":confidence" after each), "tsv"
// (a header row, then zh, en, type, confidence; started with a UTF-8 byte
// order mark when `tsv_bom`) or "json".
void WriteAlignment(std::ostream& out, const std::vector<align::Bead>& beads, const AlignedSide& zh,
                    const AlignedSide& en, const std::string& format, bool with_scores, bool tsv_bom);

}  // namespace bitext

#endif  // BITEXT_REPORTS_ALIGNMENT_REPORT_H_
