// Event: one coded event, the row analysts count. See docs/output.md for the JSON form.
#ifndef ANNALIST_EVENT_H_
#define ANNALIST_EVENT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "annalist/document.h"

namespace annalist {

struct ActorRef {
  std::string code;  // CAMEO actor code ("IRNGOV", "USA", "---GOV"); empty = none
  std::string text;  // words in the document that named it
  Span span;         // byte span of `text` in the document; empty if unknown
  std::string name;  // canonical name when the dictionary has one
  std::string how;   // "dictionary", "agent", "coreference", "alias", "pronoun", "new_actor"
  // How the country of a country-less actor ("---COP") was inferred, empty when it was
  // not: "place" (a place named in the event's clause), "dateline" (the story's dateline).
  std::string country_how;
};

struct Event {
  // Always present.
  std::string doc_id;
  uint32_t sentence_index = 0;  // 0-based within the document
  ActorRef source;
  ActorRef target;              // target.code empty = null target
  std::string code;             // CAMEO code as a string, leading zeros kept ("0871")
  int32_t date = 0;             // YYYYMMDD: the story (publication) date

  // When it happened (src/annotate/dates): resolved from the words of the event's sentence
  // against the story date. event_date is YYYYMMDD (the first day of the week, month or year
  // for coarser precisions); 0 = unknown. date_how: "sentence" (the sentence names it),
  // "story" (an earlier sentence does), "dateline", "published" (nothing does: the story date).
  int32_t event_date = 0;
  std::string date_text;        // the words that gave it ("On 3 March 2021", "last week")
  Span date_span;               // their bytes in the document; empty when not from the text
  std::string date_precision;   // "day", "week", "month", "year"; empty when unknown
  std::string date_how;

  // Filled by the annotate stage from the ontology tables.
  std::string root;             // "08"
  int quad_class = 0;           // 1..4
  double goldstein = 0.0;
  std::string plover;           // PLOVER type, empty for roots 01 and 02

  // Provenance.
  Span sentence;                // byte span of the sentence
  Span verb;                    // byte span of the verb that fired
  std::string rule;             // "CAMEO.2.0.txt:1234" or a built-in rule id
  std::string attributed_to;    // speaker of reported speech
  bool negated = false;
  // Coded with a known source and no target (built-in knowledge base: a protest with no
  // named target, "X resigned"); PETRARCH-2 coding drops such events under require_dyad.
  bool one_sided = false;
  std::string modality;         // "", "future", "conditional", "intent", ...
  // The clause type of the event's verb (ClauseTypeName: "main", "coordinated",
  // "complement", "adverbial", "relative", "participial", "infinitival", ...), or
  // "nominal" for an event named by a noun ("his visit to Tehran"). Lets users keep or
  // drop events of subordinate and reported clauses.
  std::string clause;
  // Where the event happened (FIELD.md item 8): a country / capital / place named in a
  // locative PP of the event's clause ("in Tehran", how "clause"), else the story's
  // dateline place (how "dateline"); text empty = unknown. code: the place's country
  // (first three letters of its actor code), empty when no dictionary knows the place.
  //
  // Resolved against the gazetteer after coding (src/geo/locate): name, country (ISO
  // alpha-3), admin1 (ISO 3166-2), lat/lon, gazetteer id and precision ("city", "admin1",
  // "country"); empty id = not resolved. how then also takes "sentence" (a place named in a
  // locative phrase of the sentence: "in Bama, Borno state"), "story" (the place of an earlier
  // sentence), "actor" (the country of the source or target actor).
  struct Location {
    std::string text;
    Span span;
    std::string code;
    std::string how;  // "clause" | "sentence" | "dateline" | "story" | "actor"
    std::string name, id, country, admin1, precision;
    double lat = 0, lon = 0;
    bool has_coordinates = false;
  };
  Location location;
  double confidence = 0.0;
  // Issues of the sentence (PETRARCH issues dictionary, --issues; petrarch2-behaviour.md
  // 1.7): (code, number of phrases found), in order of first mention. Empty when no issues
  // dictionary is loaded, none matched, or an ignore phrase cancelled them.
  std::vector<std::pair<std::string, int>> issues;
};

// A debugging view of a coded Document (`annalist code --layers`): per sentence its tokens
// and tags, the clause layer (type, parent, verb group, tense, voice, modality, negation,
// arguments with roles) and the events with their clause and the actor mentions they used.
// Plain text, for people; not a stable format.
std::string DescribeLayers(const Document& doc, const std::vector<Event>& events);

}  // namespace annalist

#endif  // ANNALIST_EVENT_H_
