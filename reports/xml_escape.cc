#include "xml_escape.h"

#include <unicode/utf8.h>

namespace bitext {
namespace {

thread_local XmlReplacements* counting = nullptr;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

}  // namespace

XmlReplacements::XmlReplacements() : outer_(counting) { counting = this; }

XmlReplacements::~XmlReplacements() { counting = outer_; }

size_t XmlReplacements::Take() {
  const size_t count = count_;
  count_ = 0;
  return count;
}

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t replaced = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const char c = text[static_cast<size_t>(i)];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const int32_t start = i;
      UChar32 cp;
      U8_NEXT(bytes, i, length, cp);
      // Ill-formed UTF-8 and the noncharacters U+FFFE and U+FFFF are no
      // XML characters: U+FFFD stands in for them.
      if (cp < 0 || cp == 0xFFFE || cp == 0xFFFF) {
        out += kReplacement;
        ++replaced;
      } else {
        out.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
      }
      continue;
    }
    ++i;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\r':
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
          out += kReplacement;
          ++replaced;
        } else {
          out += c;
        }
    }
  }
  if (counting != nullptr) counting->count_ += replaced;
  return out;
}

}  // namespace bitext
