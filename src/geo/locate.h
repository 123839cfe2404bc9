// Event locations: place mentions of the story resolved against the gazetteer with context.
//
// Runs after coding (the coder's Event::location is one input): for each event, the place
// named in a locative phrase of its sentence ("attacked a checkpoint in Bama, Borno state")
// (the coder's clause place first when it has one), else the dateline place, else the place
// of an earlier sentence, else the country of its actors. Each name is resolved with the countries of the
// story (actors, dateline, other places) and the divisions and countries named beside it,
// over a population prior (Gazetteer::Find). Words are data: data/geo/place_words.txt.
#ifndef ANNALIST_GEO_LOCATE_H_
#define ANNALIST_GEO_LOCATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "annalist/event.h"
#include "annalist/gazetteer.h"
#include "annalist/status.h"

namespace annalist {

class PlaceWords {
 public:
  // The embedded data/geo/place_words.txt, parsed once.
  static const PlaceWords& Builtin();
  // Parses the place_words.txt format (kind<TAB>phrase); errors name `file` and the line.
  static Result<PlaceWords> Parse(std::string_view text, std::string_view file);

  enum class Kind : uint8_t { kLocative, kDivision, kFeature, kDirection, kNatural };
  // Words (lower case) of the phrase of `kind` that starts at tokens[at], the longest; 0 if none.
  size_t Match(Kind kind, const Document& doc, uint32_t at, uint32_t end) const;
  // Bit (1 << kind) set for every kind with a phrase whose first word is `word` (any case):
  // one lookup per token, so Match is called only where a phrase can start.
  uint8_t StartKinds(std::string_view word) const;

 private:
  struct Phrase {
    Kind kind;
    std::vector<std::string> words;
  };
  std::vector<Phrase> phrases_;  // longest first
  // Phrases by kind and first letter (a-z), so Match looks at a handful of candidates.
  std::vector<uint16_t> by_letter_[5][26];
  std::vector<std::pair<std::string, uint8_t>> first_words_;  // sorted, lower case
  // Or of the kinds of first_words_ by first letter (a-z) and length (1..15, 0 = longer): most
  // tokens are ruled out here without a search.
  uint8_t by_letter_length_[26][16] = {};
};

// One place named in the text: a chain of names read together ("Bama, Borno state, Nigeria"),
// resolved to its most specific place.
struct PlaceMention {
  uint32_t sentence = 0;
  Span span;            // the first name of the chain that resolved
  Span chain;           // the whole chain, from its first name to its last
  const Place* place = nullptr;
  bool locative = false;  // after a locative word ("in", "near", "north of")
};

// Place mentions of sentence `sentence_index` (chains after locative words and names followed
// by a division word), resolved with `countries` as context, then the countries of `others`
// (the story's other places, from an earlier pass; a mention is never its own context).
void FindPlaceMentions(const Gazetteer& gazetteer, const PlaceWords& words, const Document& doc,
                       uint32_t sentence_index, const std::vector<std::string>& countries,
                       const std::vector<PlaceMention>& others, std::vector<PlaceMention>* out);

// Fills the gazetteer fields of Event::location for events[first..] (see the file comment).
void LocateEvents(const Gazetteer& gazetteer, const PlaceWords& words, const Document& doc,
                  std::vector<Event>* events, size_t first);

}  // namespace annalist

#endif  // ANNALIST_GEO_LOCATE_H_
