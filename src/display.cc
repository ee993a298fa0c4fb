#include "display.h"

#include <cstdio>

namespace bitext {

std::string EscapeControls(std::string_view text, bool line_breaks) {
  std::string out;
  out.reserve(text.size());
  auto code_point = [&](unsigned value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", value);
    out += buffer;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    const unsigned char third = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    if (c == '\n' || c == '\r') {
      out += line_breaks ? (c == '\n' ? "\\n" : "\\r") : std::string(1, static_cast<char>(c));
    } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
      out += buffer;
    } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {  // U+0080-U+009F
      code_point(next);
      ++i;
    } else if (c == 0xE2 && ((next == 0x80 && third >= 0xAA && third <= 0xAE) ||   // U+202A-U+202E
                             (next == 0x81 && third >= 0xA6 && third <= 0xA9))) {  // U+2066-U+2069
      code_point(0x2000u + ((next & 0x3Fu) << 6) + (third & 0x3Fu));
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace bitext
