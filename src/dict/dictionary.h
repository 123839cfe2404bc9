// The compiled, in-memory form of CAMEO dictionaries. Readers for the PETRARCH-2 files
// (petrarch_reader.h) and later our own format fill the same structures. Immutable after
// loading and shared between threads as std::shared_ptr<const Dictionaries>.
//
// Words are interned: every dictionary word (upper case, as written after '_' splitting)
// gets a WordId; at coding time a token's `norm` is looked up once with Vocabulary::Find
// and matchers compare ids.
#ifndef ANNALIST_DICT_DICTIONARY_H_
#define ANNALIST_DICT_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace annalist::dict {

using WordId = uint32_t;
inline constexpr WordId kNoWord = 0xffffffffu;

class Vocabulary {
 public:
  WordId Intern(std::string_view upper);
  WordId Find(std::string_view upper) const;  // kNoWord if absent
  const std::string& Word(WordId id) const { return words_[id]; }
  size_t size() const { return words_.size(); }

 private:
  // Open addressing over words_: a slot is (32 bits of the hash, id + 1); 0 = empty. Find
  // is called for every token (actor matching), so it hashes 8-byte chunks, probes linearly
  // in one flat array and compares the string only when the stored hash bits agree.
  struct Slot {
    uint32_t hash = 0;
    uint32_t id_plus_one = 0;
  };
  static uint64_t HashOf(std::string_view s);
  void Grow();
  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::vector<std::string> words_;
};

// Where an entry came from: index into Dictionaries::files and a 1-based line.
struct SourceRef {
  uint32_t file = 0;
  uint32_t line = 0;
};

// A trie of word-id sequences ("THE HERMIT KINGDOM") to a value index. Longest match.
// Layout: all edges of all nodes live in one open-addressing table keyed by (node, word),
// so a lookup step is one hash and (mostly) one cache line, with no per-node allocation.
class PhraseTrie {
 public:
  static constexpr uint32_t kNone = 0xffffffffu;
  // Adds a phrase. If the phrase exists, the value list grows (values are appended in
  // insertion order; callers decide which wins).
  void Add(const std::vector<WordId>& words, uint32_t value);
  // Longest phrase starting at words[0]; returns its length (0 if none) and sets *values.
  size_t LongestMatch(const WordId* words, size_t count, const std::vector<uint32_t>** values) const;
  // Calls fn(length, values) for every phrase starting at words[0], shortest first.
  template <typename Fn>
  void ForEachMatch(const WordId* words, size_t count, Fn fn) const;
  // Calls fn(words, values) for every phrase of the trie (load-time indexes: name variants).
  // Depth first, children in ascending word id: the order depends only on the phrases and
  // the vocabulary, not on the table layout.
  template <typename Fn>
  void ForEachPhrase(Fn fn) const;
  size_t node_count() const { return values_.size(); }

 private:
  static constexpr uint64_t kEmptyKey = ~uint64_t{0};
  struct Edge {
    uint64_t key = kEmptyKey;  // (parent node << 32) | word
    uint32_t child = 0;
    uint32_t has_values = 0;   // child has values: ForEachMatch skips values_ otherwise
  };
  static uint64_t KeyOf(uint32_t node, WordId word) { return (uint64_t{node} << 32) | word; }
  // Slot of the edge (node, word), or of the empty slot where it would go. edges_ non-empty.
  // Fibonacci hashing: the top bits of key * 2^64/phi depend on every bit of node and word.
  size_t SlotOf(uint64_t key) const {
    const size_t mask = edges_.size() - 1;
    size_t i = static_cast<size_t>((key * 0x9e3779b97f4a7c15ull) >> shift_);
    while (edges_[i].key != key && edges_[i].key != kEmptyKey) i = (i + 1) & mask;
    return i;
  }
  void Grow();
  // Fills *order with the edges sorted by (parent, word) and *begin with each node's first
  // position in it (size node_count() + 1).
  void SortedEdges(std::vector<const Edge*>* order, std::vector<uint32_t>* begin) const;

  std::vector<Edge> edges_;                   // power-of-two size, at most half full
  size_t edge_count_ = 0;
  unsigned shift_ = 64;                       // 64 - log2(edges_.size())
  std::vector<std::vector<uint32_t>> values_{1};  // per node; node 0 is the root
};

template <typename Fn>
void PhraseTrie::ForEachMatch(const WordId* words, size_t count, Fn fn) const {
  if (edge_count_ == 0) return;
  uint32_t node = 0;
  for (size_t i = 0; i < count; ++i) {
    const Edge& e = edges_[SlotOf(KeyOf(node, words[i]))];
    if (e.key == kEmptyKey) return;
    node = e.child;
    if (e.has_values) fn(i + 1, values_[node]);
  }
}

template <typename Fn>
void PhraseTrie::ForEachPhrase(Fn fn) const {
  std::vector<const Edge*> order;
  std::vector<uint32_t> begin;
  SortedEdges(&order, &begin);
  std::vector<WordId> path;
  // Depth-first over (node, next child position) pairs, without recursion.
  struct Frame {
    uint32_t node;
    uint32_t next;
  };
  std::vector<Frame> stack;
  stack.push_back(Frame{0, begin[0]});
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next == begin[top.node + 1]) {
      stack.pop_back();
      if (!path.empty()) path.pop_back();
      continue;
    }
    const Edge& e = *order[top.next];
    ++top.next;
    const uint32_t child = e.child;
    path.push_back(static_cast<WordId>(e.key & 0xffffffffu));
    if (!values_[child].empty()) fn(path, values_[child]);
    stack.push_back(Frame{child, begin[child]});
  }
}

// ---------------------------------------------------------------- actors

// A code with an optional date restriction. Dates are YYYYMMDD integers.
struct DatedCode {
  enum class Kind : uint8_t { kAlways, kBefore, kFrom, kBetween };
  Kind kind = Kind::kAlways;
  int32_t date1 = 0;  // kBefore: date < date1; kFrom: date >= date1; kBetween: date1 <= date <= date2
  int32_t date2 = 0;
  std::string code;   // opaque, output verbatim ("ARNGOV", "ELR/GAL", "+++", "pse")
  std::string office; // knowledge base roles: office words ("president"); empty otherwise
  bool Holds(int32_t date) const;
};

// What a knowledge-base actor is (the `kind` key, docs/dictionary-format.md). PETRARCH-2
// actors have none.
enum class ActorKind : uint8_t {
  kNone, kCountry, kTerritory, kRegion, kIgo, kNgo, kGroup, kParty, kMedia, kCompany, kPerson,
  kPeople,   // a country's plural ("Iranians")
  kCapital, kRebel, kMilitia, kReligious,
};
// "country", "person", ... -> the kind; kNone if the name is not a kind.
ActorKind ActorKindFromName(std::string_view name);
std::string_view ActorKindName(ActorKind kind);
// Countries, territories and regions: the actors that are also places.
inline bool IsCountryLike(ActorKind k) {
  return k == ActorKind::kCountry || k == ActorKind::kTerritory || k == ActorKind::kRegion;
}

struct Actor {
  std::string name;                 // primary phrase as written ("SAM_GAMGEE")
  std::vector<DatedCode> restricted;  // restriction lines, in file order: first that holds wins
  std::vector<DatedCode> defaults;    // unrestricted codes (primary line), used when none holds
  SourceRef ref;
  // Knowledge-base fields (src/dict/kb_reader.h); PETRARCH actors leave them empty.
  static constexpr uint32_t kNoParent = 0xffffffffu;
  std::string canonical;  // canonical name ("Ebrahim Raisi"); empty for PETRARCH actors
  ActorKind kind = ActorKind::kNone;
  uint32_t parent = kNoParent;  // people/capital entries: index of their country actor
  int32_t undated = -1;   // index into `restricted` used when the story date is 0 (latest role)
  // Resolves the code for a story date; empty string if nothing holds.
  const std::string& CodeFor(int32_t date) const;
};

// ---------------------------------------------------------------- agents

struct Agent {
  std::string code;    // without '~' ("GOV")
  bool prefix = false; // "NGO~": goes in front of the actor code
  SourceRef ref;
  bool title = false;  // knowledge base `title` words: an individual office holder ("PM")
};

// Knowledge-base phrase that matches only where the text has the letter case written
// ("US" but not "us", "WHO" but not "who"): the matcher compares each token's text with
// `words` (as written) after a trie match.
struct ExactPhrase {
  std::vector<std::string> words;
  uint32_t target = 0;  // actor index (exact_actor_trie) or agent index (exact_agent_trie)
};

// ---------------------------------------------------------------- verbs

// One element of a pattern side, in the order written.
struct PatternElement {
  enum class Kind : uint8_t {
    kWord,       // bare noun ("ATTACK"); words = {ATTACK}
    kPhrase,     // braced {A B H}: words in order, the last is the head
    kPrepOpen,   // '(' P: words = {P} (the preposition)
    kPrepClose,  // ')'
    kSource,     // '$'
    kTarget,     // '+'
    kSkip,       // '^'
    kCompound,   // '%'
  };
  Kind kind = Kind::kWord;
  std::vector<WordId> words;
};

struct Pattern {
  std::vector<PatternElement> pre;   // before '*'
  std::vector<PatternElement> post;  // after '*'
  std::string code;                  // "112"; "---" = no event
  std::string paired_code;           // second half of "[X:Y]"; empty if not paired
  SourceRef ref;
};

struct VerbBlock {
  std::string name;          // "ATTACK" from "--- ATTACK [190] ---"
  std::string code;          // block code
  std::string paired_code;
  std::vector<Pattern> patterns;  // file order; same-path duplicates already resolved (last wins)
  SourceRef ref;
};

// One verb form ("SAID", "BREAKS_DOWN") of a block.
struct Verb {
  WordId form = kNoWord;          // the inflected head word ("+" word), e.g. BREAKS
  std::vector<WordId> pre_words;  // words before the head ("WIRE" in WIRE_+TAP)
  std::vector<WordId> post_words; // particles after the head ("DOWN")
  WordId base = kNoWord;          // the block-line base word (BREAK)
  uint32_t block = 0;             // index into Dictionaries::verb_blocks
  std::string code;               // own bracketed code, else the block code
  std::string paired_code;
  SourceRef ref;
};

// "~ a (a b WILL_ATTACK) SAY = a b 138": rewrites a nested event to a flat one.
struct Transformation {
  std::string outer_source, inner_source, inner_target;  // variables: letters, "." or "_"
  std::vector<std::string> inner_verbs;  // block names or codes as written; "Q" = any
  std::vector<std::string> outer_verbs;
  std::string result_source, result_target, result_code;  // result_code "Q" copies the inner code
  SourceRef ref;
};

// ---------------------------------------------------------------- discards, issues

struct Discard {
  bool story = false;  // "+PHRASE": drop the rest of the story
  SourceRef ref;
};

struct Issue {
  std::string code;
  bool ignore = false;  // "~phrase": cancels all issues of the sentence
  SourceRef ref;
};

// ---------------------------------------------------------------- all of it

struct Dictionaries {
  std::vector<std::string> files;  // file names as given, indexed by SourceRef::file
  Vocabulary vocab;

  std::vector<Actor> actors;
  PhraseTrie actor_trie;  // phrase -> actor indices (file order; first listed wins)

  std::vector<Agent> agents;
  PhraseTrie agent_trie;  // phrase (and generated plurals) -> agent indices

  std::vector<VerbBlock> verb_blocks;
  std::vector<Verb> verbs;
  // Head-word form -> verb indices, multi-word entries (most words) first, then the
  // single-word entry. First definition of an identical form wins (later ones dropped).
  std::unordered_map<WordId, std::vector<uint32_t>> verbs_by_form;
  std::vector<Transformation> transformations;

  std::vector<Discard> discards;
  PhraseTrie discard_trie;

  std::vector<Issue> issues;
  PhraseTrie issue_trie;

  // Knowledge base only (kb_reader.h).
  PhraseTrie surname_trie;      // bare person surnames -> actor indices (resolve in context)
  PhraseTrie exact_actor_trie;  // upper-cased words -> index into exact_phrases
  PhraseTrie exact_agent_trie;  // upper-cased words -> index into exact_phrases
  std::vector<ExactPhrase> exact_phrases;

  // "CAMEO.2.0.txt:1234"
  std::string Describe(SourceRef ref) const;
};

}  // namespace annalist::dict

#endif  // ANNALIST_DICT_DICTIONARY_H_
