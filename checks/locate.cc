#include "locate.h"

#include "unicode.h"

namespace bitext {

Locator::Locator(const Document& doc) : doc_(doc) {
  const std::string& text = doc.source.text;
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::string_view Locator::Line(int number) const {
  const size_t k = static_cast<size_t>(number - 1);
  if (number < 1 || k >= line_starts_.size()) return {};
  const std::string& text = doc_.source.text;
  const size_t end = k + 1 < line_starts_.size() ? line_starts_[k + 1] - 1 : text.size();
  return std::string_view(text).substr(line_starts_[k], end - line_starts_[k]);
}

Location Locator::Of(const Paragraph& p) const {
  return {doc_.path, p.lines().first, 1, p.lines().last};
}

Location Locator::At(const Paragraph& p, size_t offset) const {
  const size_t separator = p.lang == Lang::kZh ? 0 : 1;
  size_t consumed = 0;
  for (const LineSpan& span : p.pieces) {
    for (int number = span.first; number <= span.last; ++number) {
      const std::string_view raw = Line(number);
      const std::string_view trimmed = Trim(raw);
      if (trimmed.empty()) continue;
      if (offset < consumed + trimmed.size()) {
        const size_t in_line = static_cast<size_t>(trimmed.data() - raw.data()) + (offset - consumed);
        const int column = static_cast<int>(ToCodePoints(raw.substr(0, in_line)).size()) + 1;
        return {doc_.path, number, column, number};
      }
      consumed += trimmed.size() + separator;
    }
  }
  return Of(p);
}

}  // namespace bitext
