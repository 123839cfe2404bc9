// Targets: the first actor-bearing phrase after the verb (petrarch2-behaviour.md 5.2 item
// 6), with the knowledge base's readings of places, own forces and accomplices.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "events/coder_impl.h"

namespace annalist {

using namespace events_internal;  // NOLINT: internal to this stage

bool CoderImpl::IsPlace(const Document& doc, const CodedActor& a) const {
  if (!a.has_actor || a.actor >= d_.actors.size()) return false;
  // A name, not an adjective: "in Israeli tank shelling" is no place.
  if (a.end_token == 0 || a.end_token > doc.tokens.size() || !IsNoun(doc.tokens[a.end_token - 1].pos)) return false;
  if (a.end_token < doc.tokens.size() && (IsNoun(doc.tokens[a.end_token].pos) || IsAdjective(doc.tokens[a.end_token].pos)))
    return false;
  const dict::ActorKind kind = d_.actors[a.actor].kind;
  if (kind == dict::ActorKind::kCapital) return true;
  if (!(dict::IsCountryLike(kind) && a.code.size() == 3)) return false;
  // A demonym ("Israeli", "Iranian", "Lebanese", "Turkish") is no place, whatever its tag:
  // a word with a demonym ending that is not the last word of the canonical name.
  const std::string& last = doc.tokens[a.end_token - 1].norm;
  const std::string& canonical = d_.actors[a.actor].canonical;
  const size_t space = canonical.find_last_of(' ');
  const std::string_view tail = std::string_view(canonical).substr(space == std::string::npos ? 0 : space + 1);
  bool same = tail.size() == last.size();
  for (size_t i = 0; same && i < tail.size(); ++i)
    same = std::toupper(static_cast<unsigned char>(tail[i])) == static_cast<unsigned char>(last[i]);
  if (!same && lexicon_->EndsWith(dict::Lex::kDemonymSuffix, last)) return false;
  return true;
}

// A place as the rules read one: by actor kind (knowledge base), or else a bare country
// code (or country + region, "PSEGZA") named by a noun that ends its phrase (PETRARCH-2
// dictionaries have no kinds).
bool CoderImpl::IsPlaceForRules(const Document& doc, const CodedActor& pl) const {
  if (rules_.places_by_kind) return IsPlace(doc, pl);
  const bool named_place =
      pl.has_actor && pl.end_token > 0 && pl.end_token <= doc.tokens.size() &&
      IsNoun(doc.tokens[pl.end_token - 1].pos) &&
      !(pl.end_token < doc.tokens.size() &&
        (IsNoun(doc.tokens[pl.end_token].pos) || IsAdjective(doc.tokens[pl.end_token].pos)));
  return named_place && (pl.code.size() == 3 || pl.code.size() == 6);
}

bool CoderImpl::IsOwnForce(const CodedActor& a) const {
  if (a.has_actor || a.code.size() != 6 || a.code.compare(0, 3, "---") != 0) return false;
  return a.code.compare(3, 3, "MIL") == 0 || a.code.compare(3, 3, "COP") == 0;
}

namespace {

template <typename Pred>
bool AllOf(const std::vector<CodedActor>& v, Pred pred) {
  if (v.empty()) return false;
  for (const auto& a : v)
    if (!pred(a)) return false;
  return true;
}

}  // namespace

bool CoderImpl::FindTarget(const Document& doc, const Scratch& s, int from_item, int end_item, int skip_first,
                           int skip_end, std::vector<CodedActor>* out, int* found_item, int root,
                           bool* fallback) const {
  if (fallback) *fallback = false;
  const auto& it = s.items;
  std::vector<CodedActor> ext;
  // Knowledge base: a place in a locative PP ("arrested protesters in Tehran", "evacuated
  // staff from Khartoum") is where the event happened, and a country-less force word
  // ("deployed thousands of troops along the border") is normally the source's own; both
  // are targets only when nothing else in the clause is (CAMEO codes the place as the
  // country, not its government).
  std::vector<CodedActor> place_fallback, own_fallback;
  int place_item = -1, own_item = -1;
  auto locative = [&](int k) {
    return k > 0 && it[k - 1].kind == ItemKind::kPrep &&
           Lexical(dict::Lex::kLocativePreposition, s.view.norm[it[k - 1].first]);
  };
  auto is_place = [&](const CodedActor& a) { return IsPlace(doc, a); };
  for (int k = from_item; k < end_item;) {
    if (it[k].kind != ItemKind::kNoun || it[k].pronoun || it[k].temporal || (k >= skip_first && k < skip_end)) {
      ++k;
      continue;
    }
    int e = std::min(s.unit_end[k] > k ? s.unit_end[k] : k + 1, end_item);
    // "with the support of the Americans": an accomplice, not the target.
    if (rules_.skip_accomplices && k > 0 && it[k - 1].kind == ItemKind::kPrep &&
        s.view.word[it[k - 1].first] == w_with_ && Lexical(dict::Lex::kAccompliceNoun, s.view.norm[it[k].head])) {
      k = e;
      continue;
    }
    Actors(doc, s, k, e, out);
    if (rules_.agent_heads_only) DropModifierAgents(doc, s, k, e, out);
    bool has_actor = false;
    for (const auto& a : *out) has_actor |= a.has_actor;
    // Own forces only for posture and provision ("deployed troops", "sent soldiers"):
    // "congratulated the army" targets the army.
    if (rules_.own_forces_last && (root == 15 || root == 7) &&
        AllOf(*out, [&](const CodedActor& a) { return IsOwnForce(a); })) {
      if (own_fallback.empty()) {
        own_fallback = *out;
        own_item = k;
      }
      k = e;
      continue;
    }
    if (!has_actor && e + 1 < end_item && it[e].kind == ItemKind::kPrep && it[e + 1].kind == ItemKind::kNoun) {
      dict::WordId pw = s.view.word[it[e].first];
      if (pw == w_from_ || pw == w_in_ || pw == w_at_ || pw == w_for_) {
        int e2 = std::min(s.unit_end[e + 1] > e + 1 ? s.unit_end[e + 1] : e + 2, end_item);
        Actors(doc, s, k, e2, &ext);
        bool ext_actor = false;
        for (const auto& a : ext) ext_actor |= a.has_actor;
        if (ext_actor && !out->empty()) {
          if (rules_.locative_places && pw != w_for_) {
            // "protesters in Tehran", "civilians in Gaza": the people of the place, the
            // agent with the place's country (CAMEO actor = country + role).
            Actors(doc, s, e + 1, e2, &ext);
            if (Debug())
              for (const auto& a : ext)
                std::fprintf(stderr, "locative actor %s has=%d actor=%u kind=%s\n", a.code.c_str(), a.has_actor,
                             a.actor,
                             a.actor < d_.actors.size() ? std::string(ActorKindName(d_.actors[a.actor].kind)).c_str()
                                                        : "-");
            const bool possessed = s.view.pos[it[k].first] == Pos::PRPS;  // "its embassy staff"
            if (possessed && AllOf(ext, is_place)) {
              // The possessor's own people: the place is only where they were.
              k = e;
              continue;
            }
            if (AllOf(ext, is_place)) {
              for (auto& a : *out) {
                if (a.has_actor || a.code.size() < 3 || a.code.compare(0, 3, "---") != 0) continue;
                a.code.replace(0, 3, ext[0].code, 0, 3);
                a.has_actor = true;
                a.actor = ext[0].actor;
              }
              *found_item = k;
              return true;
            }
            Actors(doc, s, k, e2, &ext);
          }
          *out = ext;
          *found_item = k;
          return true;
        }
      }
    }
    if (!out->empty()) {
      if (rules_.locative_places && locative(k) && AllOf(*out, is_place)) {
        if (place_fallback.empty()) {
          place_fallback = *out;
          for (auto& a : place_fallback) a.code.resize(3);
          place_item = k;
        }
        k = e;
        continue;
      }
      *found_item = k;
      return true;
    }
    k = e;
  }
  // Speaking somewhere is no statement to the place ("spoke in Tehran").
  if (root == 1) place_fallback.clear();
  if (fallback) *fallback = !place_fallback.empty() || !own_fallback.empty();
  if (!place_fallback.empty()) {
    *out = place_fallback;
    *found_item = place_item;
    return true;
  }
  if (!own_fallback.empty()) {
    *out = own_fallback;
    *found_item = own_item;
    return true;
  }
  // No coded actor: with new_actor_length the first noun phrase of the scope (time words
  // aside) is the target if it is short enough (petrarch2-behaviour.md 2.10).
  if (doc.options.new_actor_length > 0) {
    for (int k = from_item; k < end_item; ++k) {
      if (it[k].kind != ItemKind::kNoun || it[k].temporal || (k >= skip_first && k < skip_end)) continue;
      const int e = std::min(s.unit_end[k] > k ? s.unit_end[k] : k + 1, end_item);
      if (NewActor(doc, s, k, e, out)) {
        *found_item = k;
        return true;
      }
      break;
    }
  }
  out->clear();
  return false;
}

}  // namespace annalist
