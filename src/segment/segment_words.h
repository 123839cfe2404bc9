// The English words the sentence splitter knows: abbreviations and sentence starters, from
// data/segment/*.txt (embedded at build time by cmake/segment.cmake; the files say what
// each kind means). Loaded once per process; thread-safe.
#ifndef ANNALIST_SEGMENT_SEGMENT_WORDS_H_
#define ANNALIST_SEGMENT_SEGMENT_WORDS_H_

#include <cstdint>
#include <string_view>

namespace annalist::segment {

// What the period after an abbreviation does (data/segment/abbreviations.txt).
enum class AbbrevClass : uint8_t { kNone, kTitle, kEnd, kEtc, kNumber };

// `core` (the abbreviation without its final period) as written, or case-insensitively
// when `all_upper` (the text is in capitals).
AbbrevClass FindAbbreviation(std::string_view core, bool all_upper);

// Whether `norm` (an upper-case token norm) is a sentence starter.
bool IsSentenceStarter(std::string_view norm);

}  // namespace annalist::segment

#endif  // ANNALIST_SEGMENT_SEGMENT_WORDS_H_
