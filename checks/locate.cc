#include "locate.h"

#include <algorithm>

#include "unicode.h"

namespace bitext {

Locator::Locator(const Document& doc) : doc_(doc) {
  const std::string& text = doc.source.text;
  std::vector<size_t> starts;
  starts.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);  // no spare room
  starts.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  line_starts_ = std::make_shared<const std::vector<size_t>>(std::move(starts));
}

std::string_view Locator::Line(int number) const {
  const size_t k = static_cast<size_t>(number - 1);
  const std::vector<size_t>& starts = *line_starts_;
  if (number < 1 || k >= starts.size()) return {};
  const std::string& text = doc_.source.text;
  const size_t end = k + 1 < starts.size() ? starts[k + 1] - 1 : text.size();
  return std::string_view(text).substr(starts[k], end - starts[k]);
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
  // Many findings in a long paragraph come in order: the walk goes on from
  // the line the last one was on, so that the paragraph's lines are walked
  // once, and nothing is kept per line.
  if (&p != walk_.paragraph || offset < walk_.consumed) walk_ = {&p, 0, p.pieces.front().first, 0};
  while (walk_.piece < p.pieces.size()) {
    for (; walk_.number <= p.pieces[walk_.piece].last; ++walk_.number) {
      const std::string_view raw = Line(walk_.number);
      const std::string_view trimmed = Trim(raw);
      if (trimmed.empty()) continue;
      if (offset < walk_.consumed + trimmed.size()) {
        const size_t in_line = static_cast<size_t>(trimmed.data() - raw.data()) + (offset - walk_.consumed);
        return {doc_.path, walk_.number, Column(walk_.number, raw, in_line), walk_.number};
      }
      walk_.consumed += trimmed.size() + separator;
    }
    if (++walk_.piece < p.pieces.size()) walk_.number = p.pieces[walk_.piece].first;
  }
  return Of(p);
}

}  // namespace bitext
