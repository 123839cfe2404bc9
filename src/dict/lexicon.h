// The lexicon: English word lists the coder's mechanisms consult (forms of be, time nouns,
// verbs of saying, pronouns, locative prepositions ...), one data file per concept under
// data/kb/lexicon/, embedded at build time (cmake/lexicon.cmake). C++ holds the concepts
// and the mechanisms; the words live in the files.
//
//   auto lexicon = dict::Lexicon::Builtin();
//   dict::LexBits bits = lexicon->Of("SAID");          // once per token
//   if (bits & dict::Bit(dict::Lex::kSayingVerb)) ...
//
// File format: one upper-case entry a line, '#' starts a comment. "STEM*" matches every
// word that starts with STEM (Is() only), "*END" every word that ends with END (EndsWith()
// only). "WORD LINK" (two words) is WORD with a linked word, read by Link(): the event
// nouns link a noun to its verb ("MEDIATION MEDIATE"). Immutable after loading and shared
// by all threads.
#ifndef ANNALIST_DICT_LEXICON_H_
#define ANNALIST_DICT_LEXICON_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/kb_reader.h"

namespace annalist::dict {

// One concept per data file (the file name, without .txt, in kLexFileNames in lexicon.cc).
enum class Lex : uint8_t {
  kBe,                       // be_forms
  kAuxiliary,                // auxiliaries
  kFuture,                   // future_auxiliaries
  kConditional,              // conditional_auxiliaries
  kNegation,                 // negations
  kTimeNoun,                 // time_nouns
  kSubordinator,             // subordinators
  kParticipleSubordinator,   // participle_subordinators
  kClauseVerb,               // clause_verbs
  kSayingVerb,               // saying_verbs
  kLocativePreposition,      // locative_prepositions
  kVictimPlacePreposition,   // victim_place_prepositions
  kAccompliceNoun,           // accomplice_nouns
  kDenialVerb,               // denial_verbs
  kWishVerb,                 // wish_verbs
  kPermitVerb,               // permit_verbs
  kHostileActNoun,           // hostile_act_nouns
  kVisitNoun,                // visit_nouns
  kDemonymSuffix,            // demonym_suffixes
  kPersonalPronoun,          // personal_pronouns
  kImpersonalPronoun,        // impersonal_pronouns
  kFirstPersonPronoun,       // first_person_pronouns
  kCoordinator,              // coordinators
  kQuantifierWord,           // quantifier_words
  kAssertingSubordinator,    // asserting_subordinators
  kCommitmentAuxiliary,      // commitment_auxiliaries
  kReadinessAdjective,       // readiness_adjectives
  kObligationAuxiliary,      // obligation_auxiliaries
  kFailureVerb,              // failure_verbs
  kThreatCondition,          // threat_conditions
  kEventNoun,                // event_nouns (generated: scripts/make_event_nouns.py)
  kLightVerb,                // light_verbs
  kNominalPreposition,       // nominal_prepositions
  kSupportNoun,              // support_nouns
  kModifiedHead,             // modified_heads
  kCount
};

using LexBits = uint64_t;
static_assert(static_cast<int>(Lex::kCount) <= 64, "LexBits holds one bit per concept");
constexpr LexBits Bit(Lex lex) { return LexBits{1} << static_cast<int>(lex); }

// The data file of a concept ("saying_verbs.txt").
std::string_view LexFileName(Lex lex);

class Lexicon {
 public:
  // data/kb/lexicon/*.txt as embedded at build time, loaded once per process.
  static std::shared_ptr<const Lexicon> Builtin();
  // Reads lexicon files (names as LexFileName). Unknown file names and empty lists are
  // reported in *warnings as "file: reason"; a concept without a file has no words.
  static std::shared_ptr<const Lexicon> Load(const std::vector<KbText>& files,
                                             std::vector<std::string>* warnings);

  // Concepts whose exact entries include `word` (upper case, as Token::norm).
  LexBits Of(std::string_view word) const {
    auto it = exact_.find(word);
    return it == exact_.end() ? 0 : it->second;
  }
  // Exact entries and "STEM*" entries of one concept.
  bool Is(Lex lex, std::string_view word) const;
  // "*END" entries of one concept: `word` is longer than END and ends with it.
  bool EndsWith(Lex lex, std::string_view word) const;
  // The word linked to `word` by a "WORD LINK" entry of the concept; empty if none.
  std::string_view Link(Lex lex, std::string_view word) const;
  // The entries of a concept as written in its file, in order (tests, --layers).
  const std::vector<std::string>& Entries(Lex lex) const { return entries_[static_cast<int>(lex)]; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, LexBits, Hash, std::equal_to<>> exact_;
  std::vector<std::string> prefixes_[static_cast<int>(Lex::kCount)];
  std::vector<std::string> suffixes_[static_cast<int>(Lex::kCount)];
  std::vector<std::string> entries_[static_cast<int>(Lex::kCount)];
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> links_[static_cast<int>(Lex::kCount)];
};

}  // namespace annalist::dict

#endif  // ANNALIST_DICT_LEXICON_H_
