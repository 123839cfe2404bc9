// Synsets of a PETRARCH-2 verb file (&TIETYPES with its +members) and their expansion
// into pattern variants. Internal to src/dict (petrarch_verbs.cc is the only user).
//
// Expansion is bounded by construction (issue 12, defects 1 and 2):
//  - each synset is expanded once, level by level (a synset whose members name only
//    expanded synsets is expanded in the next round), so nesting depth is counted per
//    level of nesting, never along a line; what is left after kMaxSynsetDepth rounds
//    nests too deep or forms a cycle and is reported once, at its definition;
//  - a line is expanded by an odometer over its references (no recursion, no copy of the
//    line per reference); the number of variants and their total size are computed before
//    anything is built, so a line over a limit costs time linear in its length;
//  - limits (DictionaryLimits): variants per line or per synset, and expansion tokens per
//    file (synsets and lines together). Every bound that applies gives a located warning.
#ifndef ANNALIST_DICT_PETRARCH_SYNSETS_H_
#define ANNALIST_DICT_PETRARCH_SYNSETS_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dict/petrarch_text.h"

namespace annalist::dict::petrarch {

// Pattern text is tokenized once per line into 32-bit tokens: word ids, structure tokens,
// and synset references; synset expansion then copies integer vectors only.
using Tokens = std::vector<uint32_t>;
constexpr uint32_t kTokOpenBrace = 0xfffffff0u;
constexpr uint32_t kTokCloseBrace = 0xfffffff1u;
constexpr uint32_t kTokOpenParen = 0xfffffff2u;
constexpr uint32_t kTokCloseParen = 0xfffffff3u;
constexpr uint32_t kTokStar = 0xfffffff4u;
constexpr uint32_t kTokSource = 0xfffffff5u;    // $
constexpr uint32_t kTokTarget = 0xfffffff6u;    // +
constexpr uint32_t kTokSkip = 0xfffffff7u;      // ^
constexpr uint32_t kTokCompound = 0xfffffff8u;  // %
constexpr uint32_t kTokSynset = 0x80000000u;    // | synset index
constexpr uint32_t kTokFirstSpecial = 0xfffffff0u;

inline bool IsWordToken(uint32_t t) { return t < kTokSynset; }
inline bool IsSynsetToken(uint32_t t) { return t >= kTokSynset && t < kTokFirstSpecial; }

constexpr int kMaxSynsetDepth = 8;

struct SynsetMember {
  Tokens top;       // as pasted outside braces: WAR, or { WRITTEN AGREEMENT }, or ( TO ... )
  Tokens in_brace;  // as pasted inside braces: words only; empty = not usable there
  bool plural = false;  // a generated plural
};

class SynsetTable {
 public:
  explicit SynsetTable(ReadContext& ctx) : ctx_(ctx) {}

  // Index of the synset named `name` ("&X", upper case); an undefined one is created.
  uint32_t Index(const std::string& name);
  // (Re)defines synset `index` at line `number`: a redefinition replaces the members.
  void Define(uint32_t index, uint32_t number);
  void AddMember(uint32_t index, SynsetMember member);

  // Replaces every synset reference of `tokens` (pattern line `number`) by each usable
  // member, appending every combination to *out in written order (the first reference
  // varies slowest). An undefined synset stays as its literal name, which never matches
  // (P2), with one warning per name. Returns false, with a located warning, and appends
  // nothing if a limit applies or a synset used cannot be expanded.
  bool Expand(const Tokens& tokens, uint32_t number, std::vector<Tokens>* out);

 private:
  enum class State : uint8_t { kPending, kDone, kUnusable };
  struct Synset {
    std::string name;
    bool defined = false;
    uint32_t line = 0;  // of the definition
    std::vector<SynsetMember> members;  // as written
    State state = State::kPending;
    std::vector<SynsetMember> flat;  // members with nested synsets expanded
  };
  // One synset reference of a token list and the pastes it may take there.
  struct Slot {
    size_t position;
    std::vector<const Tokens*> choices;
  };

  void ExpandAll();
  bool ReadyToExpand(const Synset& synset) const;
  void ExpandSynset(Synset& synset);
  // Fills *slots for the references of `tokens` and writes undefined references as their
  // literal name into *base. False (with *reason) if a synset used is unusable.
  bool CollectSlots(const Tokens& tokens, uint32_t number, Tokens* base, std::vector<Slot>* slots,
                    std::string* reason);
  // Counts combinations and tokens; false (with *reason) over a limit.
  bool CheckSize(const Tokens& base, const std::vector<Slot>& slots, size_t* count, size_t* tokens,
                 std::string* reason) const;
  static void BuildCombinations(const Tokens& base, const std::vector<Slot>& slots, std::vector<Tokens>* out);

  ReadContext& ctx_;
  std::vector<Synset> synsets_;
  std::unordered_map<std::string, uint32_t> by_name_;
  std::unordered_set<uint32_t> warned_undefined_;  // one warning per file and synset
  bool expanded_ = false;       // ExpandAll ran since the last definition
  size_t tokens_spent_ = 0;     // expansion tokens produced in this file
};

}  // namespace annalist::dict::petrarch

#endif  // ANNALIST_DICT_PETRARCH_SYNSETS_H_
