// FNV-1a 64: the one hash behind annalist's stable ids and checksums (article content ids,
// event ids, store checksums, dictionary checksums, run fingerprints). Not for security.
#ifndef ANNALIST_CORE_FNV_H_
#define ANNALIST_CORE_FNV_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace annalist {

inline constexpr uint64_t kFnv1aOffset = 0xcbf29ce484222325ULL;

// Continues `hash` over `bytes`; start from kFnv1aOffset.
inline uint64_t Fnv1a(std::string_view bytes, uint64_t hash = kFnv1aOffset) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// `value` as 16 lowercase hex digits.
inline std::string Hex16(uint64_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) hex[i] = kHex[value & 0xF];
  return hex;
}

}  // namespace annalist

#endif  // ANNALIST_CORE_FNV_H_
