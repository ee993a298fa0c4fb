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

Location Locator::Of(const Paragraph& p) const { return {doc_.path, p.lines().first, 1, p.lines().last}; }

int Locator::Column(int number, std::string_view line, size_t bytes) const {
  // Findings come in order along a line: count on from the last one, so that
  // many findings on one long line cost the line once, not once each.
  if (number != cached_line_ || bytes < cached_bytes_) cached_line_ = number, cached_bytes_ = 0, cached_column_ = 1;
  for (size_t i = cached_bytes_; i < bytes; ++i) {
    cached_column_ += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;  // not a continuation byte
  }
  cached_bytes_ = bytes;
  return cached_column_;
}

Location Locator::At(const Paragraph& p, size_t offset) const {
  const size_t separator = p.lang == Lang::kZh ? 0 : 1;
  // The trimmed lines of the last paragraph asked about: many findings in a
  // long paragraph trim its lines once.
  if (&p != cached_paragraph_) {
    cached_paragraph_ = &p;
    cached_trimmed_.clear();
    for (const LineSpan& span : p.pieces) {
      for (int number = span.first; number <= span.last; ++number) cached_trimmed_.push_back(Trim(Line(number)));
    }
  }
  size_t consumed = 0, k = 0;
  for (const LineSpan& span : p.pieces) {
    for (int number = span.first; number <= span.last; ++number) {
      const std::string_view raw = Line(number);
      const std::string_view trimmed = cached_trimmed_[k++];
      if (trimmed.empty()) continue;
      if (offset < consumed + trimmed.size()) {
        const size_t in_line = static_cast<size_t>(trimmed.data() - raw.data()) + (offset - consumed);
        return {doc_.path, number, Column(number, raw, in_line), number};
      }
      consumed += trimmed.size() + separator;
    }
  }
  return Of(p);
}

}  // namespace bitext
