// Internal pieces of the event coder: the sentence view after comma deletion, the
// chunker's items, compiled verb patterns and the scratch reused per thread.
#ifndef ANNALIST_EVENTS_CODER_INTERNAL_H_
#define ANNALIST_EVENTS_CODER_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/actor_matcher.h"
#include "annalist/document.h"
#include "dict/dictionary.h"
#include "dict/lexicon.h"

namespace annalist::events_internal {

using dict::WordId;
using dict::kNoWord;

// The words of one sentence that survive comma-clause deletion, in order. Everything
// downstream works on these positions; tok[] maps back to Document::tokens.
struct SentenceView {
  std::vector<uint32_t> tok;
  std::vector<Pos> pos;
  std::vector<WordId> word;      // dictionary id of the token
  std::vector<WordId> singular;  // id of the singular ("EFFORTS" -> EFFORT), else word
  std::vector<std::string_view> norm;
  std::vector<dict::LexBits> lex;  // lexicon concepts of the word (dict/lexicon.h)
  uint32_t size() const { return static_cast<uint32_t>(tok.size()); }
  void Clear() {
    tok.clear(); pos.clear(); word.clear(); singular.clear(); norm.clear(); lex.clear();
  }
};

// Comma-clause deletion (petrarch2-behaviour.md 2.10): keep[i] false for deleted tokens
// of the sentence (relative indices). With `keep_clauses`, a comma clause that opens with
// a relative pronoun or an -ing participle ("..., which shelled B", "..., killing five")
// is never deleted: the coder codes it as a clause of its own.
void CommaDeletionMask(const Document& doc, const Sentence& sentence, const CodingOptions& options,
                       bool keep_clauses, std::vector<uint8_t>* keep);

enum class ItemKind : uint8_t {
  kNoun,   // noun group
  kVerb,   // verb group
  kPrep,   // IN / TO preposition
  kTo,     // infinitival "to"
  kConj,   // and / or / but / nor
  kComma,
  kSub,    // subordinator: that, after, when, while, because ...
  kRel,    // relative: who, which, whose, that after a noun
  kAdv,
  kPunct,
  kOther,
};

enum class Modality : uint8_t { kNone, kFuture, kConditional };

struct Item {
  ItemKind kind = ItemKind::kOther;
  uint32_t first = 0, end = 0;  // positions in the SentenceView
  uint32_t head = 0;            // noun: head noun; verb: lexical verb; prep: the word
  // Verb groups.
  bool passive = false;
  bool negated = false;
  bool finite = false;
  bool be_main = false;   // the group's only verb is a form of be/have ("was in an accord")
  bool pronoun = false;   // noun group that is a personal pronoun
  bool temporal = false;  // noun group naming a time ("Thursday", "next month")
  Modality modality = Modality::kNone;
};

// Chunks the view into items (noun groups, verb groups, prepositions, markers).
void Chunk(const SentenceView& view, std::vector<Item>* items);

// A noun group that counts or measures: it holds a number ("50 million euros", "$20
// million", "two shipments"). Its "of" phrase is the partitive head ("50 million euros
// of military assistance" is assistance).
bool IsQuantity(const SentenceView& view, const Item& group);

// ------------------------------------------------------------------ patterns

struct CNoun {
  WordId head = kNoWord;
  std::vector<WordId> mods;  // all must appear in the same noun group
};

struct CElem {
  enum class Kind : uint8_t { kNoun, kPrep, kSource, kTarget, kSkip, kCompound };
  Kind kind = Kind::kNoun;
  CNoun noun;                 // kNoun
  WordId prep = kNoWord;      // kPrep
  std::vector<CElem> inner;   // kPrep: nouns and markers inside the parentheses
};

struct CPattern {
  std::vector<CElem> pre, post;
  uint32_t block = 0;
  uint32_t index = 0;  // into VerbBlock::patterns
  int weight = 0;      // specificity: words and markers
  bool usable = true;
};

// All compiled patterns plus the anchor index: (block, word) -> candidate patterns.
struct PatternIndex {
  std::vector<CPattern> patterns;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_anchor;
  std::vector<std::vector<uint32_t>> unanchored;  // per block
  void Build(const dict::Dictionaries& dict);
  static uint64_t Key(uint32_t block, WordId word) { return (uint64_t{block} << 32) | word; }
};

// What a verb's patterns are matched against: the subject group and the slots after the
// verb (bare noun groups and prepositional phrases), in sentence order.
struct Slot {
  WordId prep = kNoWord;  // kNoWord: a bare noun group (object)
  uint32_t item = 0;      // the noun-group item
  bool has_actor = false;
};

struct MatchContext {
  const SentenceView* view = nullptr;
  const std::vector<Item>* items = nullptr;
  int subject_item = -1;  // core noun group of the subject
  int subject_actor_count = 0;
  std::vector<Slot> slots;
};

struct MatchResult {
  int pattern = -1;      // index into PatternIndex::patterns
  int source_slot = -1;  // '$'
  int target_slot = -1;  // '+'
  bool compound = false; // '%'
  int weight = -1;
};

// Best pattern of `block` for the context (longest / most specific; earliest in the file
// on ties). `scratch` holds candidate ids between calls.
bool MatchBestPattern(const PatternIndex& index, uint32_t block, const MatchContext& context,
                      std::vector<uint32_t>* scratch, MatchResult* result);

}  // namespace annalist::events_internal

#endif  // ANNALIST_EVENTS_CODER_INTERNAL_H_
