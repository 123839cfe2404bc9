#include "segment/segment_words.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "core/data_lines.h"
#include "segment/text_chars.h"

namespace annalist::internal {
struct EmbeddedSegmentFile {
  const char* name;
  std::string_view text;
};
extern const EmbeddedSegmentFile kSegmentFiles[];  // cmake/segment.cmake
}  // namespace annalist::internal

namespace annalist::segment {

namespace {

struct Words {
  std::vector<std::pair<std::string, AbbrevClass>> abbreviations;
  std::vector<std::string> starters;
};

// The files are built-in data: a malformed line is a build defect (segment_words_test
// reads every line), reported with its place.
[[noreturn]] void BadLine(const char* file, int line, std::string_view text) {
  std::fprintf(stderr, "annalist: data/segment/%s:%d: malformed line '%.*s'\n", file, line,
               static_cast<int>(text.size()), text.data());
  std::abort();
}

void ReadFile(const internal::EmbeddedSegmentFile& file, Words* words) {
  const bool abbreviations = std::string_view(file.name) == "abbreviations.txt";
  DataLines lines(file.text);
  std::string_view line;
  int number = 0;
  while (lines.Next(&line, &number)) {
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    size_t space = line.find(' ');
    if (!abbreviations) {
      if (space != std::string_view::npos) BadLine(file.name, number, line);
      words->starters.emplace_back(line);
      continue;
    }
    if (space == std::string_view::npos) BadLine(file.name, number, line);
    std::string_view kind = line.substr(space + 1);
    AbbrevClass value = kind == "title"    ? AbbrevClass::kTitle
                        : kind == "end"    ? AbbrevClass::kEnd
                        : kind == "etc"    ? AbbrevClass::kEtc
                        : kind == "number" ? AbbrevClass::kNumber
                                           : AbbrevClass::kNone;
    if (value == AbbrevClass::kNone) BadLine(file.name, number, line);
    words->abbreviations.emplace_back(std::string(line.substr(0, space)), value);
  }
}

const Words& TheWords() {
  static const Words* const words = [] {
    auto* loaded = new Words;
    for (const auto* file = internal::kSegmentFiles; file->name != nullptr; ++file) ReadFile(*file, loaded);
    return loaded;
  }();
  return *words;
}

}  // namespace

AbbrevClass FindAbbreviation(std::string_view core, bool all_upper) {
  for (const auto& [word, value] : TheWords().abbreviations) {
    if (core == word || (all_upper && EqualsAsciiCaseInsensitive(core, word))) return value;
  }
  return AbbrevClass::kNone;
}

bool IsSentenceStarter(std::string_view norm) {
  for (const std::string& starter : TheWords().starters) {
    if (norm == starter) return true;
  }
  return false;
}

}  // namespace annalist::segment
