#include "mojibake.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/utf8.h>

#include <memory>

namespace bitext {
namespace {

// The byte Windows-1252 shows as `c`, or -1. Bytes it leaves undefined
// (0x81, 0x8D, ...) and text read as Latin-1 show as C1 controls.
int Windows1252Byte(char32_t c) {
  if (c < 0x100) return static_cast<int>(c);
  if (c > 0xFFFF) return -1;
  struct Close {
    void operator()(UConverter* conv) const { ucnv_close(conv); }
  };
  thread_local const std::unique_ptr<UConverter, Close> conv = [] {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* opened = ucnv_open("windows-1252", &status);
    if (opened) ucnv_setFromUCallBack(opened, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    return std::unique_ptr<UConverter, Close>(U_SUCCESS(status) ? opened : nullptr);
  }();
  if (!conv) return -1;
  const UChar unit = static_cast<UChar>(c);
  char byte[4];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t written = ucnv_fromUChars(conv.get(), byte, sizeof byte, &unit, 1, &status);
  ucnv_reset(conv.get());
  return U_SUCCESS(status) && written == 1 ? static_cast<unsigned char>(byte[0]) : -1;
}

}  // namespace

size_t MojibakeLength(const std::vector<char32_t>& cps, size_t i) {
  const int lead = Windows1252Byte(cps[i]);
  if (lead < 0xC2 || lead > 0xF4) return 0;
  const size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (length == 2 && lead != 0xC2 && lead != 0xC3) return 0;
  if (i + length > cps.size()) return 0;
  char bytes[4] = {static_cast<char>(lead)};
  for (size_t k = 1; k < length; ++k) {
    const int b = Windows1252Byte(cps[i + k]);
    if (b < 0x80 || b > 0xBF) return 0;
    bytes[k] = static_cast<char>(b);
  }
  // Overlong forms and surrogates are not what an encoder writes.
  int32_t offset = 0;
  UChar32 decoded = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(bytes), offset, static_cast<int32_t>(length), decoded);
  return decoded >= 0x80 && static_cast<size_t>(offset) == length ? length : 0;
}

}  // namespace bitext
