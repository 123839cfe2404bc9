// Byte and code-point helpers of the tokenizer (src/segment/segment.cc): ASCII classes,
// UTF-8 decoding, Unicode spaces, and the normalisation of non-ASCII tokens.
#ifndef ANNALIST_SEGMENT_TEXT_CHARS_H_
#define ANNALIST_SEGMENT_TEXT_CHARS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace annalist::segment {

inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAlpha(unsigned char c) { return IsLower(c) || IsUpper(c); }
inline bool IsAlnum(unsigned char c) { return IsAlpha(c) || IsDigit(c); }
inline char Lower(unsigned char c) { return static_cast<char>(IsUpper(c) ? c + 32 : c); }

// Decodes one UTF-8 sequence; false on malformed, overlong, surrogate or > U+10FFFF.
inline bool DecodeUtf8(const unsigned char* p, size_t avail, uint32_t* cp, uint32_t* len) {
  unsigned char c = p[0];
  if (c < 0xC2) return false;  // continuation byte or overlong 2-byte lead
  if (c < 0xE0) {
    if (avail < 2 || (p[1] & 0xC0) != 0x80) return false;
    *cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    *len = 2;
    return true;
  }
  if (c < 0xF0) {
    if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return false;
    uint32_t v = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return false;
    *cp = v;
    *len = 3;
    return true;
  }
  if (c < 0xF5) {
    if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
      return false;
    uint32_t v = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
                 (p[3] & 0x3Fu);
    if (v < 0x10000 || v > 0x10FFFF) return false;
    *cp = v;
    *len = 4;
    return true;
  }
  return false;
}

// Unicode white space that separates tokens (NBSP, the U+2000 block, ideographic space)
// plus zero-width space and BOM, which only ever separate.
inline bool IsUnicodeSpace(uint32_t cp) {
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == 0xFEFF;
}
inline bool IsC1Control(uint32_t cp) { return cp >= 0x80 && cp <= 0x9F && cp != 0x85; }

inline bool EqualsAsciiCaseInsensitive(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(static_cast<unsigned char>(a[i])) != Lower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

inline bool IsAllUpper(std::string_view s) {
  for (unsigned char c : s) {
    if (IsLower(c)) return false;
  }
  return true;
}

// NFKC + typographic punctuation to ASCII + upper case, for tokens with non-ASCII bytes.
void NormalizeUnicode(std::string_view in, std::string* out);

}  // namespace annalist::segment

#endif  // ANNALIST_SEGMENT_TEXT_CHARS_H_
