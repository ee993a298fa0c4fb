// FNV-1a, 64 bits: a fast hash of bytes that never changes between runs or
// machines, for input checksums, finding fingerprints and shard assignment.
// Not a cryptographic digest.
#ifndef BITEXT_SRC_FNV_H_
#define BITEXT_SRC_FNV_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace bitext {

inline constexpr uint64_t kFnvOffsetBasis = 1469598103934665603ull;

// Continues `hash` over `bytes`; start from kFnvOffsetBasis.
inline uint64_t Fnv1a(std::string_view bytes, uint64_t hash = kFnvOffsetBasis) {
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

// Sixteen lower-case hex digits.
inline std::string Hex64(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

}  // namespace bitext

#endif  // BITEXT_SRC_FNV_H_
