// libFuzzer target: see LexiconEntry in fuzz_entries.h.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bitext::fuzz::LexiconEntry(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
