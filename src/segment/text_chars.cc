#include "segment/text_chars.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace annalist::segment {

void NormalizeUnicode(std::string_view in, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* const nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())));
  icu::UnicodeString text;
  status = U_ZERO_ERROR;
  if (nfkc != nullptr) {
    text = nfkc->normalize(source, status);
    if (U_FAILURE(status)) text = source;
  } else {
    text = source;
  }
  for (int32_t i = 0; i < text.length(); ++i) {
    switch (text.charAt(i)) {
      case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        text.setCharAt(i, u'\'');
        break;
      case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
      case 0x2033:
        text.setCharAt(i, u'"');
        break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
      case 0x2212:
        text.setCharAt(i, u'-');
        break;
      default:
        break;
    }
  }
  text.toUpper(icu::Locale::getRoot());
  out->clear();
  text.toUTF8String(*out);
}

}  // namespace annalist::segment
