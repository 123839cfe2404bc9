#include "dict/petrarch_synsets.h"

#include <limits>
#include <utility>

namespace annalist::dict::petrarch {
namespace {

constexpr size_t kSizeMax = std::numeric_limits<size_t>::max();

size_t SatAdd(size_t a, size_t b) { return a > kSizeMax - b ? kSizeMax : a + b; }
size_t SatMul(size_t a, size_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kSizeMax / b ? kSizeMax : a * b;
}

std::string Count(size_t n) { return n == kSizeMax ? "more than 2^64" : std::to_string(n); }

}  // namespace

uint32_t SynsetTable::Index(const std::string& name) {
  auto [it, inserted] = by_name_.emplace(name, static_cast<uint32_t>(synsets_.size()));
  if (inserted) {
    synsets_.emplace_back();
    synsets_.back().name = name;
  }
  return it->second;
}

void SynsetTable::Define(uint32_t index, uint32_t number) {
  Synset& synset = synsets_[index];
  synset.defined = true;
  synset.line = number;
  synset.members.clear();
  expanded_ = false;
}

void SynsetTable::AddMember(uint32_t index, SynsetMember member) {
  synsets_[index].members.push_back(std::move(member));
  expanded_ = false;
}

bool SynsetTable::ReadyToExpand(const Synset& synset) const {
  for (const SynsetMember& member : synset.members) {
    for (uint32_t t : member.top) {
      if (!IsSynsetToken(t)) continue;
      const Synset& used = synsets_[t & ~kTokSynset];
      if (used.defined && used.state == State::kPending) return false;
    }
  }
  return true;
}

// Level by level: round r expands the synsets whose members name only synsets expanded in
// earlier rounds, so a synset expanded in round r nests r levels deep, however many
// references a line holds.
void SynsetTable::ExpandAll() {
  for (Synset& synset : synsets_) {
    synset.state = synset.defined ? State::kPending : State::kDone;
    synset.flat.clear();
  }
  std::vector<uint32_t> ready;
  for (int round = 0; round < kMaxSynsetDepth; ++round) {
    ready.clear();
    for (uint32_t index = 0; index < synsets_.size(); ++index) {
      if (synsets_[index].state == State::kPending && ReadyToExpand(synsets_[index])) ready.push_back(index);
    }
    if (ready.empty()) break;
    for (uint32_t index : ready) ExpandSynset(synsets_[index]);
  }
  for (Synset& synset : synsets_) {
    if (synset.state != State::kPending) continue;
    synset.state = State::kUnusable;
    ctx_.Warn(synset.line, "synset " + synset.name + " nests more than " + std::to_string(kMaxSynsetDepth) +
                               " levels deep or names itself; patterns using it are skipped");
  }
  expanded_ = true;
}

void SynsetTable::ExpandSynset(Synset& synset) {
  const DictionaryLimits& limits = ctx_.limits();
  auto unusable = [&](const std::string& reason) {
    synset.state = State::kUnusable;
    synset.flat.clear();
    ctx_.Warn(synset.line, "synset " + synset.name + ": " + reason + "; patterns using it are skipped");
  };
  // Sizes first, so that nothing is built for a synset over a limit.
  size_t count = 0, tokens = 0;
  Tokens base;
  std::vector<Slot> slots;
  std::string reason;
  for (const SynsetMember& member : synset.members) {
    if (member.top.size() == 1 && IsSynsetToken(member.top[0]) &&
        synsets_[member.top[0] & ~kTokSynset].defined) {
      const Synset& used = synsets_[member.top[0] & ~kTokSynset];
      if (used.state == State::kUnusable) return unusable("uses " + used.name + ", which cannot be expanded");
      count = SatAdd(count, used.flat.size());
      for (const SynsetMember& m : used.flat) tokens = SatAdd(tokens, m.top.size() + m.in_brace.size());
    } else {
      size_t member_count = 0, member_tokens = 0;
      if (!CollectSlots(member.top, synset.line, &base, &slots, &reason) ||
          !CheckSize(base, slots, &member_count, &member_tokens, &reason)) {
        return unusable(reason);
      }
      count = SatAdd(count, member_count);
      tokens = SatAdd(tokens, SatAdd(member_tokens, slots.empty() ? member.in_brace.size() : 0));
    }
    if (count > limits.max_variants_per_line) {
      return unusable("more than " + std::to_string(limits.max_variants_per_line) +
                      " members once nested synsets are expanded (--max-dict-variants)");
    }
    if (SatAdd(tokens_spent_, tokens) > limits.max_expansion_tokens) {
      return unusable("synset expansion of this file over " + std::to_string(limits.max_expansion_tokens) +
                      " tokens (--max-dict-expansion)");
    }
  }
  tokens_spent_ += tokens;
  synset.flat.reserve(count);
  std::vector<Tokens> combinations;
  for (const SynsetMember& member : synset.members) {
    if (member.top.size() == 1 && IsSynsetToken(member.top[0]) &&
        synsets_[member.top[0] & ~kTokSynset].defined) {
      const Synset& used = synsets_[member.top[0] & ~kTokSynset];
      synset.flat.insert(synset.flat.end(), used.flat.begin(), used.flat.end());
      continue;
    }
    std::string ignored;
    CollectSlots(member.top, synset.line, &base, &slots, &ignored);
    if (slots.empty()) {
      SynsetMember copy = member;
      // Undefined synsets written as their names (a lone "&X" member is one in braces too).
      if (!copy.in_brace.empty() && IsSynsetToken(copy.in_brace[0])) copy.in_brace = base;
      copy.top = base;
      synset.flat.push_back(std::move(copy));
      continue;
    }
    // A member with references is a prepositional phrase: usable outside braces only.
    combinations.clear();
    BuildCombinations(base, slots, &combinations);
    for (Tokens& combination : combinations) {
      SynsetMember m;
      m.top = std::move(combination);
      synset.flat.push_back(std::move(m));
    }
  }
  synset.state = State::kDone;
}

bool SynsetTable::CollectSlots(const Tokens& tokens, uint32_t number, Tokens* base, std::vector<Slot>* slots,
                               std::string* reason) {
  *base = tokens;
  slots->clear();
  int brace_depth = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    uint32_t t = tokens[i];
    if (t == kTokOpenBrace) ++brace_depth;
    if (t == kTokCloseBrace) --brace_depth;
    if (!IsSynsetToken(t)) continue;
    uint32_t index = t & ~kTokSynset;
    const Synset& synset = synsets_[index];
    if (!synset.defined) {
      // P2 leaves the literal token, which never matches; so do we, but say so.
      if (warned_undefined_.insert(index).second) {
        ctx_.Warn(number, "undefined synset " + synset.name + " (patterns using it never match)");
      }
      (*base)[i] = ctx_.Intern(synset.name);
      continue;
    }
    if (synset.state == State::kUnusable) {
      *reason = "uses synset " + synset.name + ", which cannot be expanded (see its definition, line " +
                std::to_string(synset.line) + ")";
      return false;
    }
    Slot slot;
    slot.position = i;
    bool inside = brace_depth > 0;
    bool closes = i + 1 < tokens.size() && tokens[i + 1] == kTokCloseBrace;
    for (const SynsetMember& member : synset.flat) {
      const Tokens& paste = inside ? member.in_brace : member.top;
      if (paste.empty()) continue;  // a PP member cannot go inside braces
      // Inside braces only the head (last word) takes plurals: P2 also pastes plural
      // modifiers ("{ECONOMICS TIES}"), which no text contains; skipping them keeps
      // lines with several synsets from multiplying out.
      if (inside && member.plural && !closes) continue;
      slot.choices.push_back(&paste);
    }
    slots->push_back(std::move(slot));
  }
  return true;
}

bool SynsetTable::CheckSize(const Tokens& base, const std::vector<Slot>& slots, size_t* count, size_t* tokens,
                            std::string* reason) const {
  size_t n = 1;
  for (const Slot& slot : slots) n = SatMul(n, slot.choices.size());
  size_t total = SatMul(n, base.size() - slots.size());
  for (const Slot& slot : slots) {
    if (n == 0) break;
    size_t pasted = 0;
    for (const Tokens* choice : slot.choices) pasted = SatAdd(pasted, choice->size());
    total = SatAdd(total, SatMul(pasted, n / slot.choices.size()));
  }
  *count = n;
  *tokens = total;
  const DictionaryLimits& limits = ctx_.limits();
  if (n > limits.max_variants_per_line) {
    *reason = "synset expansion gives " + Count(n) + " variants, more than " +
              std::to_string(limits.max_variants_per_line) + " (--max-dict-variants)";
    return false;
  }
  if (SatAdd(tokens_spent_, total) > limits.max_expansion_tokens) {
    *reason = "synset expansion of this file over " + std::to_string(limits.max_expansion_tokens) +
              " tokens (--max-dict-expansion)";
    return false;
  }
  return true;
}

// An odometer over the slots, the last one turning fastest: the order of the recursive
// expansion P2 and earlier versions used (the first reference varies slowest).
void SynsetTable::BuildCombinations(const Tokens& base, const std::vector<Slot>& slots, std::vector<Tokens>* out) {
  for (const Slot& slot : slots) {
    if (slot.choices.empty()) return;
  }
  std::vector<size_t> pick(slots.size(), 0);
  while (true) {
    Tokens variant;
    size_t slot_index = 0;
    for (size_t i = 0; i < base.size(); ++i) {
      if (slot_index < slots.size() && slots[slot_index].position == i) {
        const Tokens& paste = *slots[slot_index].choices[pick[slot_index]];
        variant.insert(variant.end(), paste.begin(), paste.end());
        ++slot_index;
      } else {
        variant.push_back(base[i]);
      }
    }
    out->push_back(std::move(variant));
    size_t k = slots.size();
    while (true) {
      if (k == 0) return;
      --k;
      if (++pick[k] < slots[k].choices.size()) break;
      pick[k] = 0;
    }
  }
}

bool SynsetTable::Expand(const Tokens& tokens, uint32_t number, std::vector<Tokens>* out) {
  if (!expanded_) ExpandAll();
  Tokens base;
  std::vector<Slot> slots;
  std::string reason;
  size_t count = 0, size = 0;
  if (!CollectSlots(tokens, number, &base, &slots, &reason) || !CheckSize(base, slots, &count, &size, &reason)) {
    ctx_.Warn(number, reason + "; pattern skipped");
    return false;
  }
  tokens_spent_ += size;
  out->reserve(out->size() + count);
  BuildCombinations(base, slots, out);
  return true;
}

}  // namespace annalist::dict::petrarch
