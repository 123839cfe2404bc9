// Actor and agent mentions in a sentence, and the codes of a noun phrase.
#ifndef ANNALIST_ACTORS_ACTOR_MATCHER_H_
#define ANNALIST_ACTORS_ACTOR_MATCHER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "annalist/document.h"
#include "dict/dictionary.h"

namespace annalist {

// Word ids of the tokens of `sentence` (Vocabulary::Find on Token::norm; kNoWord if the
// dictionaries never use the word). words->size() == sentence.size().
void LookupWords(const dict::Vocabulary& vocab, const Document& doc, const Sentence& sentence,
                 std::vector<dict::WordId>* words);

class NameVariantIndex;

// How a mention was tied to its actor (Event ActorRef::how).
enum class MatchHow : uint8_t {
  kDictionary,   // a dictionary phrase
  kAlias,        // a transliteration variant of a person's name (name_variants.h)
  kCoreference,  // a bare surname or a title resolved to a person named before
  kPronoun,      // a pronoun resolved to an earlier subject
};
const char* MatchHowName(MatchHow how);

inline constexpr uint32_t kNoPerson = 0xffffffffu;

// What a story has said so far, for coreference (issue 3 item 4). Owned by the coder, one
// per document; FindActorMatches only reads it.
struct StoryContext {
  const NameVariantIndex* variants = nullptr;  // null: no variant matching
  std::vector<uint32_t> persons;  // person actors (Actor::kind "person") named, oldest first
  void NotePerson(uint32_t actor);
  void Clear() { persons.clear(); }
};

// One dictionary hit. Token indices are absolute (into Document::tokens).
struct ActorMatch {
  enum class Kind : uint8_t { kActor, kAgent };
  Kind kind = Kind::kActor;
  uint32_t first_token = 0, end_token = 0;
  uint32_t index = 0;         // into Dictionaries::actors or ::agents
  std::string code;           // actor: resolved for the story date (may be empty: no code
                              // holds); agent: its code without '~'
  bool prefix_agent = false;  // agent written "XYZ~"
  MatchHow how = MatchHow::kDictionary;
  // The person meant: the actor itself for a person match, the office holder for a title
  // agent resolved by coreference ("the Iraqi PM"); kNoPerson otherwise.
  uint32_t person = kNoPerson;
  bool exact = false;  // matched through an exact-case trie ("PM": a title's abbreviation)
};

// All hits in the sentence, left to right, non-overlapping: at each token the longest
// actor phrase, else the longest agent phrase (petrarch2-behaviour.md 2.3). Knowledge-base
// additions: exact-case phrases ("US", "PM", "WHO") compared with the token text; with a
// story context, bare surnames and person-name variants ("Raeesi") resolved to persons, and
// title agents after a country ("the Iraqi PM", "Iraq's prime minister") tied to the office
// holder named before.
void FindActorMatches(const dict::Dictionaries& dict, const Document& doc, const Sentence& sentence,
                      const std::vector<dict::WordId>& words, std::vector<ActorMatch>* out,
                      const StoryContext* story = nullptr);

struct CodedActor {
  std::string code;                 // "ARNGOV", "NGOARN", "---GOV"
  uint32_t first_token = 0, end_token = 0;  // the words that named it
  bool has_actor = false;           // false: an agent with no actor ("---GOV")
  uint32_t actor_end = 0;           // length of the actor part of `code` (with prefix
                                    // agents): agents of an enclosing head noun go here
  uint32_t person = kNoPerson;      // the person named (provenance: ActorRef::name)
  uint32_t actor = kNoPerson;       // the actor entry that gave the code (its canonical name)
  MatchHow how = MatchHow::kDictionary;
};

// Codes of the noun phrase [first_token, end_token), from the hits inside it: conjoined
// and listed actors give one entry each, agents combine with their actor (suffix or
// prefix, redundancy checked on 3-character boundaries, "Danish media and government" =
// DNKMED, DNKGOV), an agent alone gives "---XYZ" (petrarch2-behaviour.md 2.3, 5.2 item 10).
void NounPhraseActors(const std::vector<ActorMatch>& matches, const Document& doc,
                      uint32_t first_token, uint32_t end_token, std::vector<CodedActor>* out);

}  // namespace annalist

#endif  // ANNALIST_ACTORS_ACTOR_MATCHER_H_
