// Maps a byte offset inside a paragraph's text back to the line and column
// of the source file, so that findings point where an editor shows the text.
// Paragraph text is its non-blank source lines, trimmed and joined with one
// space (nothing for Chinese); the walk undoes exactly that.
#ifndef BITEXT_CHECKS_LOCATE_H_
#define BITEXT_CHECKS_LOCATE_H_

#include <memory>
#include <string_view>
#include <vector>

#include "document.h"
#include "finding.h"

namespace bitext {

class Locator {
 public:
  explicit Locator(const Document& doc);

  // Location of paragraph text offset `offset` (bytes); column in code points.
  Location At(const Paragraph& paragraph, size_t offset) const;
  // The paragraph's first line, column 1, ending at its last line.
  Location Of(const Paragraph& paragraph) const;

 private:
  std::string_view Line(int number) const;  // 1-based, as decoded
  // 1-based column, in code points, of byte `bytes` of line `number`.
  int Column(int number, std::string_view line, size_t bytes) const;

  const Document& doc_;
  // Shared by copies, which keep their own place: a copy per thread is
  // cheap, whatever the number of lines.
  std::shared_ptr<const std::vector<size_t>> line_starts_;
  // Where At's walk through the lines of its last paragraph stands: at line
  // `number` of piece `piece`, with `consumed` bytes of the text before it.
  struct Walk {
    const Paragraph* paragraph = nullptr;
    size_t piece = 0;
    int number = 0;
    size_t consumed = 0;
  };
  mutable Walk walk_;
  mutable int cached_line_ = 0;                           // Column's place on its last line
  mutable size_t cached_bytes_ = 0;
  mutable int cached_column_ = 1;
};

}  // namespace bitext

#endif  // BITEXT_CHECKS_LOCATE_H_
