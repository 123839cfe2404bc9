// Verb patterns: compiled form, anchor index and matching (petrarch2-behaviour.md 2.5 with
// the gold conventions of 5.2: all modifiers of a braced phrase are required, pattern nouns
// match regular plurals, '$' '+' '^' '%' are source, target, skip and compound).
#include <algorithm>

#include "events/coder_internal.h"

namespace annalist::events_internal {
namespace {

using PE = dict::PatternElement;

bool CompileNoun(const PE& e, CNoun* out) {
  if (e.words.empty()) return false;
  out->head = e.words.back();
  out->mods.assign(e.words.begin(), e.words.end() - 1);
  return out->head != kNoWord;
}

// Compiles one side; returns false if the side cannot be matched.
bool CompileSide(const std::vector<PE>& side, std::vector<CElem>* out, int* weight) {
  for (size_t i = 0; i < side.size(); ++i) {
    const PE& e = side[i];
    CElem c;
    switch (e.kind) {
      case PE::Kind::kWord:
      case PE::Kind::kPhrase:
        c.kind = CElem::Kind::kNoun;
        if (!CompileNoun(e, &c.noun)) return false;
        *weight += 2 + 2 * static_cast<int>(c.noun.mods.size());
        break;
      case PE::Kind::kPrepOpen: {
        c.kind = CElem::Kind::kPrep;
        c.prep = e.words.empty() ? kNoWord : e.words[0];
        *weight += 1;
        size_t j = i + 1;
        for (; j < side.size() && side[j].kind != PE::Kind::kPrepClose; ++j) {
          const PE& in = side[j];
          CElem ic;
          if (in.kind == PE::Kind::kWord || in.kind == PE::Kind::kPhrase) {
            ic.kind = CElem::Kind::kNoun;
            if (!CompileNoun(in, &ic.noun)) return false;
            *weight += 2 + 2 * static_cast<int>(ic.noun.mods.size());
          } else if (in.kind == PE::Kind::kSource) {
            ic.kind = CElem::Kind::kSource;
            *weight += 1;
          } else if (in.kind == PE::Kind::kTarget) {
            ic.kind = CElem::Kind::kTarget;
            *weight += 1;
          } else if (in.kind == PE::Kind::kSkip) {
            ic.kind = CElem::Kind::kSkip;
          } else {
            continue;
          }
          c.inner.push_back(std::move(ic));
        }
        i = j;
        break;
      }
      case PE::Kind::kPrepClose:
        continue;
      case PE::Kind::kSource:
        c.kind = CElem::Kind::kSource;
        *weight += 1;
        break;
      case PE::Kind::kTarget:
        c.kind = CElem::Kind::kTarget;
        *weight += 1;
        break;
      case PE::Kind::kSkip:
        c.kind = CElem::Kind::kSkip;
        break;
      case PE::Kind::kCompound:
        c.kind = CElem::Kind::kCompound;
        *weight += 1;
        break;
    }
    out->push_back(std::move(c));
  }
  return true;
}

WordId AnchorOf(const std::vector<CElem>& side) {
  for (const CElem& e : side) {
    if (e.kind == CElem::Kind::kNoun) return e.noun.head;
    if (e.kind == CElem::Kind::kPrep) {
      for (const CElem& in : e.inner)
        if (in.kind == CElem::Kind::kNoun) return in.noun.head;
    }
  }
  for (const CElem& e : side)
    if (e.kind == CElem::Kind::kPrep && e.prep != kNoWord) return e.prep;
  return kNoWord;
}

// --- matching

bool HasWord(const SentenceView& v, const Item& ng, WordId w) {
  for (uint32_t k = ng.first; k < ng.end; ++k)
    if (v.word[k] == w || v.singular[k] == w) return true;
  return false;
}

// Head noun plus every modifier somewhere in the same group. With any_word the pattern noun
// may be a non-head word (inside PPs, 5.2 item 9).
bool NounMatches(const SentenceView& v, const Item& ng, const CNoun& noun, bool any_word) {
  bool head_ok = v.word[ng.head] == noun.head || v.singular[ng.head] == noun.head;
  if (!head_ok && any_word) head_ok = HasWord(v, ng, noun.head);
  if (!head_ok) return false;
  for (WordId m : noun.mods)
    if (!HasWord(v, ng, m)) return false;
  return true;
}

struct Binding {
  int source = -1, target = -1;
};

bool MatchPost(const MatchContext& c, const std::vector<CElem>& post, size_t e, size_t s, Binding* b) {
  if (e == post.size()) return true;
  const CElem& el = post[e];
  const auto& items = *c.items;
  const size_t n = c.slots.size();
  switch (el.kind) {
    case CElem::Kind::kNoun:
      for (size_t k = s; k < n; ++k) {
        const Slot& slot = c.slots[k];
        if (slot.prep != kNoWord) continue;
        if (NounMatches(*c.view, items[slot.item], el.noun, false) && MatchPost(c, post, e + 1, k + 1, b))
          return true;
      }
      return false;
    case CElem::Kind::kSource:
    case CElem::Kind::kTarget:
    case CElem::Kind::kSkip:
      for (size_t k = s; k < n; ++k) {
        if (!c.slots[k].has_actor) continue;
        Binding saved = *b;
        if (el.kind == CElem::Kind::kSource) b->source = static_cast<int>(k);
        if (el.kind == CElem::Kind::kTarget) b->target = static_cast<int>(k);
        if (MatchPost(c, post, e + 1, k + 1, b)) return true;
        *b = saved;
        return false;  // only the next actor counts
      }
      return false;
    case CElem::Kind::kPrep:
      for (size_t k = s; k < n; ++k) {
        const Slot& slot = c.slots[k];
        if (slot.prep != el.prep) continue;
        Binding saved = *b;
        bool ok = true;
        for (const CElem& in : el.inner) {
          if (in.kind == CElem::Kind::kNoun) {
            if (!NounMatches(*c.view, items[slot.item], in.noun, true)) ok = false;
          } else if (in.kind == CElem::Kind::kSource || in.kind == CElem::Kind::kTarget ||
                     in.kind == CElem::Kind::kSkip) {
            if (!slot.has_actor) ok = false;
            else if (in.kind == CElem::Kind::kSource) b->source = static_cast<int>(k);
            else if (in.kind == CElem::Kind::kTarget) b->target = static_cast<int>(k);
          }
          if (!ok) break;
        }
        if (ok && MatchPost(c, post, e + 1, k + 1, b)) return true;
        *b = saved;
      }
      return false;
    case CElem::Kind::kCompound:
      return MatchPost(c, post, e + 1, s, b);
  }
  return false;
}

bool MatchPre(const MatchContext& c, const std::vector<CElem>& pre, bool* compound) {
  for (const CElem& el : pre) {
    switch (el.kind) {
      case CElem::Kind::kNoun:
        if (c.subject_item < 0) return false;
        if (!NounMatches(*c.view, (*c.items)[c.subject_item], el.noun, false)) return false;
        break;
      case CElem::Kind::kCompound:
        if (c.subject_actor_count < 2) return false;
        *compound = true;
        break;
      case CElem::Kind::kPrep: {
        bool found = false;
        for (const Slot& s : c.slots) {
          if (s.prep != el.prep) continue;
          bool ok = true;
          for (const CElem& in : el.inner)
            if (in.kind == CElem::Kind::kNoun && !NounMatches(*c.view, (*c.items)[s.item], in.noun, true))
              ok = false;
          if (ok) {
            found = true;
            break;
          }
        }
        if (!found) return false;
        break;
      }
      case CElem::Kind::kSource:
      case CElem::Kind::kTarget:
        if (c.subject_actor_count < 1) return false;
        break;
      case CElem::Kind::kSkip:
        break;
    }
  }
  return true;
}

}  // namespace

void PatternIndex::Build(const dict::Dictionaries& dict) {
  patterns.clear();
  by_anchor.clear();
  unanchored.assign(dict.verb_blocks.size(), {});
  for (uint32_t b = 0; b < dict.verb_blocks.size(); ++b) {
    const dict::VerbBlock& block = dict.verb_blocks[b];
    for (uint32_t p = 0; p < block.patterns.size(); ++p) {
      const dict::Pattern& src = block.patterns[p];
      CPattern cp;
      cp.block = b;
      cp.index = p;
      if (!CompileSide(src.pre, &cp.pre, &cp.weight) || !CompileSide(src.post, &cp.post, &cp.weight))
        continue;
      if (cp.pre.empty() && cp.post.empty()) continue;  // catch-all: the block code already applies
      uint32_t id = static_cast<uint32_t>(patterns.size());
      WordId anchor = AnchorOf(cp.post);
      if (anchor == kNoWord) anchor = AnchorOf(cp.pre);
      patterns.push_back(std::move(cp));
      if (anchor == kNoWord) unanchored[b].push_back(id);
      else by_anchor[Key(b, anchor)].push_back(id);
    }
  }
}

bool MatchBestPattern(const PatternIndex& index, uint32_t block, const MatchContext& c,
                      std::vector<uint32_t>* cand, MatchResult* result) {
  cand->clear();
  const SentenceView& v = *c.view;
  auto add_word = [&](WordId w) {
    if (w == kNoWord) return;
    auto it = index.by_anchor.find(PatternIndex::Key(block, w));
    if (it != index.by_anchor.end()) cand->insert(cand->end(), it->second.begin(), it->second.end());
  };
  auto add_item = [&](const Item& it) {
    for (uint32_t k = it.first; k < it.end; ++k) {
      add_word(v.word[k]);
      if (v.singular[k] != v.word[k]) add_word(v.singular[k]);
    }
  };
  if (c.subject_item >= 0) add_item((*c.items)[c.subject_item]);
  WordId last_prep = kNoWord;
  for (const Slot& s : c.slots) {
    add_item((*c.items)[s.item]);
    if (s.prep != kNoWord && s.prep != last_prep) add_word(s.prep);
    last_prep = s.prep;
  }
  if (block < index.unanchored.size())
    cand->insert(cand->end(), index.unanchored[block].begin(), index.unanchored[block].end());
  if (cand->empty()) return false;
  std::sort(cand->begin(), cand->end());
  cand->erase(std::unique(cand->begin(), cand->end()), cand->end());
  bool found = false;
  for (uint32_t id : *cand) {
    const CPattern& p = index.patterns[id];
    if (p.weight <= result->weight && found) continue;
    bool compound = false;
    if (!MatchPre(c, p.pre, &compound)) continue;
    Binding b;
    if (!MatchPost(c, p.post, 0, 0, &b)) continue;
    if (!found || p.weight > result->weight) {
      found = true;
      result->pattern = static_cast<int>(id);
      result->weight = p.weight;
      result->source_slot = b.source;
      result->target_slot = b.target;
      result->compound = compound;
    }
  }
  return found;
}

}  // namespace annalist::events_internal
