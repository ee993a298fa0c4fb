// An MT heading against the official heading of its row: the number as the
// official writes it ("7." rendered "07." or "Chapter 5." for "Chapter 6."),
// and the title with a stray letter at its end ("Page 1 constraint I").
// The document's own numbering rules see only the MT; a heading that is
// wrong but in sequence with its neighbours needs the official text.
#ifndef BITEXT_CHECKS_HEADING_ROWS_H_
#define BITEXT_CHECKS_HEADING_ROWS_H_

#include <optional>
#include <string>
#include <vector>

#include "comparison.h"
#include "document.h"
#include "finding.h"

namespace bitext {

// What stands before `title` in `text` when `text` ends with it and holds
// no more than a heading's number before it ("Chapter." in "Chapter. Using
// the Installer"), or nullopt.
std::optional<std::string> PrefixBeforeTitle(std::string_view text, std::string_view title);

// The MT paragraph of a row whose official side is a numbered heading,
// when it ends with the official title but has no number the parser reads:
// what stands before the title ("", "Chapter.", "4.2s."). Such a number is
// the numbering rules' to report, not a number mismatch.
std::optional<std::string> UnparsedHeadingNumber(const align::ComparisonRow& row);

void HeadingsAgainstOfficial(const align::Comparison& comparison, const Document& mt, std::vector<Finding>& out);

// Drops the findings HeadingsAgainstOfficial made on lines where the MT's
// own numbering rules already report the heading: one defect, one finding.
void DropHeadingsReportedAlready(std::vector<Finding>& findings);

// Drops the MT's numbering-sequence findings on headings numbered exactly
// as the official heading of their row: the sequence broke at a neighbour
// (reported there), not at a heading the official text confirms.
void DropSequenceTheOfficialConfirms(const align::Comparison& comparison, const std::string& mt_path,
                                     std::vector<Finding>& findings);

}  // namespace bitext

#endif  // BITEXT_CHECKS_HEADING_ROWS_H_
