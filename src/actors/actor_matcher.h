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

// One dictionary hit. Token indices are absolute (into Document::tokens).
struct ActorMatch {
  enum class Kind : uint8_t { kActor, kAgent };
  Kind kind = Kind::kActor;
  uint32_t first_token = 0, end_token = 0;
  uint32_t index = 0;         // into Dictionaries::actors or ::agents
  std::string code;           // actor: resolved for the story date (may be empty: no code
                              // holds); agent: its code without '~'
  bool prefix_agent = false;  // agent written "XYZ~"
};

// All hits in the sentence, left to right, non-overlapping: at each token the longest
// actor phrase, else the longest agent phrase (petrarch2-behaviour.md 2.3).
void FindActorMatches(const dict::Dictionaries& dict, const Document& doc, const Sentence& sentence,
                      const std::vector<dict::WordId>& words, std::vector<ActorMatch>* out);

struct CodedActor {
  std::string code;                 // "ARNGOV", "NGOARN", "---GOV"
  uint32_t first_token = 0, end_token = 0;  // the words that named it
  bool has_actor = false;           // false: an agent with no actor ("---GOV")
  uint32_t actor_end = 0;           // length of the actor part of `code` (with prefix
                                    // agents): agents of an enclosing head noun go here
};

// Codes of the noun phrase [first_token, end_token), from the hits inside it: conjoined
// and listed actors give one entry each, agents combine with their actor (suffix or
// prefix, redundancy checked on 3-character boundaries, "Danish media and government" =
// DNKMED, DNKGOV), an agent alone gives "---XYZ" (petrarch2-behaviour.md 2.3, 5.2 item 10).
void NounPhraseActors(const std::vector<ActorMatch>& matches, const Document& doc,
                      uint32_t first_token, uint32_t end_token, std::vector<CodedActor>* out);

}  // namespace annalist

#endif  // ANNALIST_ACTORS_ACTOR_MATCHER_H_
