// Fuzz target: the knowledge-base reader (src/dict/kb_reader.h) on arbitrary bytes: LoadKb
// with the bytes as a kb file, as a verbs file (names pick the reader, GuessFormat), and
// under an auto-detected name; then CheckDictionaryFiles, which does the extra checks of
// `annalist dict check`, in kb and verbs format.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dict/kb_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using annalist::dict::DictFormat;
  using annalist::dict::KbText;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  annalist::dict::LoadKb({KbText{"fuzz.txt", text}}, &warnings);
  annalist::dict::LoadKb({KbText{"verbs.txt", text}}, &warnings);
  // Two files: duplicate phrases across files are merged.
  annalist::dict::LoadKb({KbText{"a.txt", text}, KbText{"b.txt", text}}, &warnings);
  annalist::dict::GuessFormat("fuzz.txt", text);

  std::vector<std::string> errors;
  annalist::dict::CheckDictionaryFiles({KbText{"fuzz.txt", text}}, {DictFormat::kKb}, &errors);
  annalist::dict::CheckDictionaryFiles({KbText{"verbs.txt", text}}, {DictFormat::kPetrarchVerbs}, &errors);
  annalist::dict::CheckDictionaryFiles({KbText{"a.txt", text}, KbText{"b.txt", text}},
                                       {DictFormat::kAuto, DictFormat::kAuto}, &errors);
  return 0;
}
