// The merge rule: when a new mention is the same real-world event as a stored one
// (docs/store.md, "Merging"). Pure functions over the fields the rule compares, so the
// rule is tested alone and both backends apply it identically.
#ifndef ANNALIST_STORE_MERGE_H_
#define ANNALIST_STORE_MERGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "annalist/event.h"
#include "annalist/store.h"

namespace annalist::store {

// What the rule looks at, for a mention or a stored event.
struct MergeKey {
  std::string source, target;  // actor codes; target empty = none
  std::string root, plover;
  int32_t date = 0;            // YYYYMMDD, 0 unknown
  std::string place_key;       // empty = no place
  std::vector<std::string> words;  // content words, sorted, unique
};

// Country (first three letters) and sector (the next three) of an actor code.
std::string_view ActorCountry(std::string_view code);
std::string_view ActorSector(std::string_view code);

// Days since 1970-01-01 of a YYYYMMDD date (proleptic Gregorian).
int64_t DayNumber(int32_t date);
// YYYYMMDD of a day number.
int32_t DateOfDay(int64_t day);

// The country part of an actor code whose country is not known ("---GOV").
inline constexpr std::string_view kUnknownCountry = "---";
bool UnknownCountry(std::string_view code);

// Same countries on both sides (an unknown country matches any, on one side only), and
// sectors equal where both codes name one.
bool SameDyad(const MergeKey& a, const MergeKey& b);
// Share of the mention's words found among the event's words (1 when it has none).
double WordOverlap(const std::vector<std::string>& mention, const std::vector<std::string>& event);
// Negative when `mention` cannot join `event`; otherwise a score, higher is a better match.
double MergeScore(const MergeOptions& options, const MergeKey& mention, const MergeKey& event);

// The key of a coded event in its document: content words of its sentence (lemmas of
// nouns, adjectives, verbs and numbers, 3 bytes or more), the place it was located in by
// its own clause (a dateline place is where the reporter was, not the event).
MergeKey KeyOfEvent(const Document& doc, const Event& event);
// The event's date for merging and storing: its event_date when the text gives the day
// (src/annotate/dates), else its story date.
int32_t EventDate(const Event& event);

// Words <-> the space-separated column form.
std::string JoinWords(const std::vector<std::string>& words);
std::vector<std::string> SplitWords(std::string_view text);
// Sorted union, at most `limit` words (the first ones in order).
std::vector<std::string> UnionWords(const std::vector<std::string>& a, const std::vector<std::string>& b, size_t limit);

}  // namespace annalist::store

#endif  // ANNALIST_STORE_MERGE_H_
