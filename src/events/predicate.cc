// Events of one predicate: verb lookup, pattern slots and matching, then the case that
// applies (passive, complement clause, infinitive, refusal to permit, direct object),
// each a function of its own (petrarch2-behaviour.md 2.5-2.8, 5.2).
#include <cstdio>

#include "events/coder_impl.h"

namespace annalist {

using namespace events_internal;  // NOLINT: internal to this stage

const dict::Verb* CoderImpl::LookupVerb(const Scratch& s, int verb_item, uint32_t* particle_end) const {
  const SentenceView& v = s.view;
  const uint32_t n = v.size();
  auto try_at = [&](uint32_t h, bool need_pre) -> const dict::Verb* {
    if (h >= n || v.word[h] == kNoWord) return nullptr;
    auto it = d_.verbs_by_form.find(v.word[h]);
    if (it == d_.verbs_by_form.end()) return nullptr;
    for (uint32_t vi : it->second) {
      const dict::Verb& verb = d_.verbs[vi];
      if (need_pre && verb.pre_words.empty()) continue;
      bool ok = true;
      uint32_t p = h + 1;
      for (dict::WordId w : verb.post_words) {
        if (p < n && v.word[p] == w) ++p;
        else { ok = false; break; }
      }
      if (!ok) continue;
      for (size_t k = 0; k < verb.pre_words.size(); ++k) {
        size_t back = verb.pre_words.size() - k;
        if (h < back || v.word[h - back] != verb.pre_words[k]) { ok = false; break; }
      }
      if (!ok) continue;
      *particle_end = p;
      return &verb;
    }
    return nullptr;
  };
  const uint32_t h = s.items[verb_item].head;
  if (const dict::Verb* verb = try_at(h, false)) return verb;
  // "wire tap": the tagger may put the verb on the following word.
  if (const dict::Verb* verb = try_at(h + 1, true)) return verb;
  return nullptr;
}

void CoderImpl::Finish(Proto& ev, int pi, std::vector<Proto>* out) const {
  if (ev.pred < 0) ev.pred = pi;
  if (ev.negated) {
    const char* neg = NegateCode(ev.code);
    if (!neg) return;
    ev.code = neg;
    ev.paired.clear();
  }
  if ((ev.code.empty() || ev.code == "---") && (ev.paired.empty() || ev.paired == "---")) return;
  out->push_back(std::move(ev));
}

void CoderImpl::UnitActors(const Document& doc, const Scratch& s, int item, std::vector<CodedActor>* dst) const {
  int e2 = s.unit_end[item] > item ? s.unit_end[item] : item + 1;
  Actors(doc, s, item, e2, dst);
}

// Children, verb, pattern scope and slots, the best pattern and the code of predicate pi.
void CoderImpl::SetUpPred(const Document& doc, Scratch& s, int pi, PredCall* c) const {
  const auto& it = s.items;
  Pred& p = s.preds[pi];
  const Item& vg = it[p.verb];
  c->pi = pi;
  c->target_end = TargetScopeEnd(s, pi);
  for (size_t q = pi + 1; q < s.preds.size(); ++q) {
    if (s.preds[q].parent != pi) continue;
    if (s.preds[q].kind == PredKind::kInf && c->inf < 0) c->inf = static_cast<int>(q);
    if (s.preds[q].kind == PredKind::kEmbedded && c->emb < 0) c->emb = static_cast<int>(q);
  }
  c->particle_end = vg.head + 1;
  c->verb = LookupVerb(s, p.verb, &c->particle_end);
  // Pattern scope: up to an embedded clause, relative or adverbial clause.
  int pattern_end = c->target_end;
  for (int j = p.verb + 1; j < c->target_end; ++j) {
    if (it[j].kind == ItemKind::kSub || it[j].kind == ItemKind::kRel) { pattern_end = j; break; }
    if (c->emb >= 0 && j == s.preds[c->emb].subj_first) { pattern_end = j; break; }
    if (it[j].kind == ItemKind::kVerb && s.pred_of_item[j] >= 0 &&
        s.preds[s.pred_of_item[j]].kind != PredKind::kInf) { pattern_end = j; break; }
  }
  MatchContext& m = s.ctx;
  m.view = &s.view;
  m.items = &s.items;
  m.subject_item = p.subj_core >= 0 ? p.subj_core : p.antecedent;
  m.subject_actor_count = static_cast<int>(p.subject.size());
  m.slots.clear();
  std::vector<CodedActor>& tmp = s.tmp;
  // Passive (petrarch2-behaviour.md 2.5, last point): the pattern's pre-verb noun is sought
  // in the by-agent and its post-verb nouns in the clause subject, so "The Russian building
  // was demolished by a Ukrainian protestor" meets DEMOLISH "- PROTESTOR *" and "Evidence
  // against Russia was presented by the US" meets PRESENT "- * EVIDENCE".
  int by_item = -1;
  if (vg.passive) {
    for (int j = p.verb + 1; j + 1 < pattern_end; ++j) {
      if (it[j].kind == ItemKind::kPrep && s.view.word[it[j].first] == w_by_ && it[j + 1].kind == ItemKind::kNoun) {
        by_item = j + 1;
        break;
      }
    }
    m.subject_item = by_item;
    m.subject_actor_count = 0;
    if (by_item >= 0) {
      Actors(doc, s, by_item, by_item + 1, &tmp);
      m.subject_actor_count = static_cast<int>(tmp.size());
    }
    if (p.subj_core >= 0 && !it[p.subj_core].pronoun) {
      Slot slot;
      slot.item = p.subj_core;
      slot.has_actor = !p.subject.empty();
      m.slots.push_back(slot);
      // The subject's own PPs ("Evidence against Russia").
      for (int j = p.subj_core + 1; j + 1 < p.verb; ++j) {
        if (it[j].kind != ItemKind::kPrep || it[j + 1].kind != ItemKind::kNoun) continue;
        Slot pp;
        pp.item = j + 1;
        pp.prep = s.view.word[it[j].first];
        Actors(doc, s, j + 1, j + 2, &tmp);
        pp.has_actor = !tmp.empty();
        m.slots.push_back(pp);
        ++j;
      }
    }
  }
  for (int j = p.verb + 1; j < pattern_end; ++j) {
    if (it[j].kind != ItemKind::kNoun || j == by_item) continue;
    Slot slot;
    slot.item = j;
    if (j > 0 && (it[j - 1].kind == ItemKind::kPrep) && it[j - 1].first >= c->particle_end)
      slot.prep = s.view.word[it[j - 1].first];
    Actors(doc, s, j, j + 1, &tmp);
    slot.has_actor = !tmp.empty();
    m.slots.push_back(slot);
    // A partitive head ("handed Ukraine 50 million euros of military assistance", "$20
    // million of aid", "1,000 tonnes of wheat"): after a quantity, the "of" phrase is also
    // the object the verb's patterns name.
    if (slot.prep == w_of_ && w_of_ != kNoWord && j >= 2 && it[j - 2].kind == ItemKind::kNoun &&
        IsQuantity(s.view, it[j - 2])) {
      slot.prep = kNoWord;
      m.slots.push_back(slot);
    }
  }

  c->coded = c->verb != nullptr;
  if (c->verb) {
    c->code = c->verb->code;
    c->paired = c->verb->paired_code;
    c->ref = c->verb->ref;
    c->pattern = MatchBestPattern(index_, c->verb->block, m, &s.cand, &c->match);
    if (c->pattern) {
      const CPattern& cp = index_.patterns[c->match.pattern];
      const dict::Pattern& dp = d_.verb_blocks[cp.block].patterns[cp.index];
      c->code = dp.code;
      c->paired = dp.paired_code;
      c->ref = dp.ref;
    }
  }
  // "[:030]" (RECEIVE * ASSURANCE, FACE * PRESSURE): no forward event, only the reversed
  // one, target -> subject (5.2 item 3 with an empty first half).
  const bool empty_code = c->code.empty() || c->code == "---";
  const bool reverse_only = c->coded && empty_code && !c->paired.empty() && c->paired != "---";
  c->null_code = c->coded && empty_code && !reverse_only;
  if (Debug())
    std::fprintf(stderr, "codepred %d verb=%s code=%s:%s pattern=%d src=%d tgt=%d\n", pi, c->verb ? "yes" : "no",
                 c->code.c_str(), c->paired.c_str(), c->pattern ? c->match.pattern : -1, c->match.source_slot,
                 c->match.target_slot);
  Proto& e = c->event;
  e.confidence = c->pattern ? 0.9 : 0.75;
  e.verb = p.verb;
  e.negated = vg.negated;
  e.modality = vg.modality;
  e.src = p.subject;
  e.src_how = p.subject_how.empty() ? "dictionary" : p.subject_how.c_str();
}

// One-sided events (CodingRules::one_sided_events): an event with no target is kept only
// for roots PLOVER keeps (03-20; an unaddressed statement or appeal, 01-02, is no event
// analysts count) and only when it is asserted: "would support", "will send" with nobody
// on the other side are no events (a future or conditional event with a target still is).
// Emit drops one-sided consultations too (see there).
bool CoderImpl::KeepsOneSided(const Proto& e) const {
  return rules_.one_sided_events && Root(e.code) >= 3 && e.modality == Modality::kNone;
}

void CoderImpl::CodePred(const Document& doc, Scratch& s, int pi, std::vector<Proto>* out) const {
  PredCall c;
  SetUpPred(doc, s, pi, &c);
  // "there were N soldiers killed": the existential's participle is a passive.
  if (s.items[s.preds[pi].verb].passive || s.preds[pi].kind == PredKind::kExistential) {
    CodePassive(doc, s, c, out);
    return;
  }
  // Embedded complement clause ("noted that X ...", "believes X can ...").
  if (c.emb >= 0 && (!c.pattern || c.match.target_slot < 0)) {
    CodeComplement(doc, s, c, out);
    return;
  }
  if (c.inf >= 0 && !c.pattern && CodeInfinitive(doc, s, c, out)) return;
  if (rules_.refusal_to_permit_is_promise && CodeRefusalToPermit(doc, s, c, out)) return;
  CodeDirect(doc, s, c, out);
}

// Passive: source is the by-agent, else the first other actor after the verb; the
// subject is the target (2.7, 5.2 item 7).
void CoderImpl::CodePassive(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>* out) const {
  const auto& it = s.items;
  Pred& p = s.preds[c.pi];
  Proto& e = c.event;
  if (c.inf >= 0 && c.coded && !c.null_code && HasActor(p.subject)) {
    // "Serbia is pressured by Russia to aid Belarus": the by-agent before the infinitive
    // is the source and the subject the controller, as in the active "Russia pressured
    // Serbia to aid Belarus" (CodeObjectControl).
    for (int j = p.verb + 1; j + 1 < s.preds[c.inf].verb && it[j].kind != ItemKind::kTo; ++j) {
      if (it[j].kind != ItemKind::kPrep || s.view.word[it[j].first] != w_by_ || it[j + 1].kind != ItemKind::kNoun)
        continue;
      std::vector<CodedActor> agent;
      UnitActors(doc, s, j + 1, &agent);
      if (!HasActor(agent)) break;
      e.src = std::move(agent);
      e.src_how = "dictionary";
      CodeObjectControl(doc, s, c, p.subject, out);
      return;
    }
  }
  if (c.inf >= 0 && (!c.coded || c.null_code || !c.pattern)) {
    // "is scheduled to attend", "was known to break": the infinitive takes the subject.
    Pred& child = s.preds[c.inf];
    child.subject = p.subject;
    child.subject_how = p.subject_how;
    const size_t before = out->size();
    CodePred(doc, s, c.inf, out);
    // A raised infinitive has no clause subject of its own: no reversed paired code.
    for (size_t k = before; k < out->size(); ++k) (*out)[k].paired.clear();
    return;
  }
  if (!c.coded || c.null_code) return;
  std::vector<CodedActor> found;
  int found_item = -1;
  bool have = false;
  for (int j = p.verb + 1; j + 1 < c.target_end; ++j) {
    if (it[j].kind == ItemKind::kPrep && s.view.word[it[j].first] == w_by_ && it[j + 1].kind == ItemKind::kNoun) {
      UnitActors(doc, s, j + 1, &found);
      if (!found.empty()) { have = true; break; }
    }
  }
  if (!have) {
    // No by-agent: the other actor after the verb ("criticized over its dispute with
    // Eriador") is a guess.
    have = FindTarget(doc, s, p.verb + 1, c.target_end, -1, -1, &found, &found_item);
    e.confidence *= 0.7;
    // "Three civilians were killed in central Baghdad": a place in a locative phrase says
    // where, not who; the event has no known source.
    if (have && rules_.locative_places && found_item > 0 && s.items[found_item - 1].kind == ItemKind::kPrep &&
        Lexical(dict::Lex::kLocativePreposition, s.view.norm[s.items[found_item - 1].first])) {
      bool all_places = true;
      for (const auto& a : found) all_places &= IsPlace(doc, a);
      if (all_places) have = false;
    }
  }
  if (!have) return;
  e.code = c.code;
  e.paired = c.paired;
  e.ref = c.ref;
  e.tgt = p.subject;
  // "Four children were killed in ... the Gaza Strip": a country-less agent takes the
  // country of a locative "in <place>" PP of its clause.
  bool agents_only = !e.tgt.empty();
  for (const auto& a : e.tgt)
    if (a.has_actor || a.code.size() < 6 || a.code.compare(0, 3, "---") != 0) agents_only = false;
  for (int j = p.verb + 1; agents_only && j + 1 < c.target_end; ++j) {
    if (it[j].kind != ItemKind::kPrep || it[j + 1].kind != ItemKind::kNoun) continue;
    if (!Lexical(dict::Lex::kVictimPlacePreposition, s.view.norm[it[j].first])) continue;
    std::vector<CodedActor> place;
    UnitActors(doc, s, j + 1, &place);
    if (place.empty() || place.size() > 1) continue;
    const CodedActor& pl = place[0];
    if (!IsPlaceForRules(doc, pl)) continue;
    for (auto& a : e.tgt) {
      a.code.replace(0, 3, pl.code, 0, 3);
      a.has_actor = true;
    }
    break;
  }
  e.src = found;
  e.src_how = "dictionary";
  Finish(e, c.pi, out);
}

// "Iraq would not let any threat against Iran from its soil", "will not allow attacks
// against Turkey": refusing to permit hostile acts against X is a promise to X (CAMEO
// 030 express intent to cooperate), whatever the verb's own code.
bool CoderImpl::CodeRefusalToPermit(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>* out) const {
  const auto& it = s.items;
  const Pred& p = s.preds[c.pi];
  const Item& vg = it[p.verb];
  if (!vg.negated || !Lexical(dict::Lex::kPermitVerb, s.view.norm[vg.head])) return false;
  for (int j = p.verb + 1; j + 2 < c.target_end; ++j) {
    if (it[j].kind != ItemKind::kNoun || it[j + 1].kind != ItemKind::kPrep ||
        s.view.word[it[j + 1].first] != w_against_ || it[j + 2].kind != ItemKind::kNoun)
      continue;
    if (!Lexical(dict::Lex::kHostileActNoun, s.view.norm[it[j].head])) continue;
    Proto promise = c.event;
    UnitActors(doc, s, j + 2, &promise.tgt);
    if (!HasActor(promise.tgt)) break;
    promise.code = "030";
    promise.paired.clear();
    promise.negated = false;
    promise.ref = c.verb ? c.ref : dict::SourceRef{};
    promise.confidence *= 0.9;
    Finish(promise, c.pi, out);
    return true;
  }
  return false;
}

// The verb's own event: the pattern's source and target slots, or the first actor after
// the verb; compound subjects, own-country targets, require_dyad.
void CoderImpl::CodeDirect(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>* out) const {
  const auto& it = s.items;
  const Pred& p = s.preds[c.pi];
  const MatchResult& mr = c.match;
  const MatchContext& m = s.ctx;
  Proto& e = c.event;
  e.code = c.code;
  e.paired = c.paired;
  e.ref = c.ref;
  if (!c.coded || c.null_code) return;
  // Consulting, meeting and negotiating are mutual (CAMEO 040, 044, 046: "held talks
  // with", "met"): both sides' event, as the paired codes of PETRARCH-2 dictionaries
  // ("[046:046]") write it. Visits (042/043) and mediation keep a direction.
  if (rules_.mutual_meetings && c.paired.empty() && MeetingCode(c.code))
    e.paired = c.code;
  // A place a pattern's PP names ("evacuated * FROM +") is its country, not the
  // government of its capital.
  auto place_slot = [&](int slot) {
    const WordId prep = m.slots[slot].prep;
    if (!rules_.locative_places || prep == kNoWord || e.tgt.empty()) return;
    if (!(prep == w_in_ || prep == w_at_ || prep == w_from_)) return;
    for (const auto& a : e.tgt)
      if (!IsPlace(doc, a)) return;
    for (auto& a : e.tgt) a.code.resize(3);
  };
  int found_item = -1;
  if (c.pattern && mr.source_slot >= 0) {
    UnitActors(doc, s, m.slots[mr.source_slot].item, &e.src);
    e.src_how = "dictionary";
    if (mr.target_slot >= 0) {
      UnitActors(doc, s, m.slots[mr.target_slot].item, &e.tgt);
      place_slot(mr.target_slot);
    } else {
      e.tgt = p.subject;
    }
  } else if (c.pattern && mr.target_slot >= 0) {
    UnitActors(doc, s, m.slots[mr.target_slot].item, &e.tgt);
    place_slot(mr.target_slot);
  } else if (c.pattern && mr.compound && p.subject.size() >= 2) {
    e.tgt.clear();  // '%': events between the subject's members (5.2 item 4)
  } else {
    bool fallback = false;
    if (FindTarget(doc, s, p.verb + 1, c.target_end, p.subj_first, p.subj_end, &e.tgt, &found_item, Root(e.code),
                   &fallback)) {
      // A place or own force is a target of last resort: events between the members of a
      // compound subject ("A and B met in Tehran") come first.
      const int r = Root(e.code);
      if (fallback && e.src.size() >= 2 && r >= 3 && r <= 6) e.tgt.clear();
      if (found_item > p.verb + 1 && it[found_item - 1].kind == ItemKind::kPrep) e.confidence *= 0.9;
      if (found_item - p.verb > 6) e.confidence *= 0.85;
    }
  }
  // A target of the source's own country ("Lula recalled Brazil's ambassador to Israel")
  // is not the other side; an actor later in the clause is.
  if (rules_.skip_own_country_target && !e.tgt.empty() && !e.src.empty() && e.src[0].code.size() >= 3 &&
      e.src[0].code.compare(0, 3, "---") != 0) {
    bool own = true;
    // Only where the target is the source itself or the pattern's own noun ("recalled
    // &ENVOY"): "Iranian police arrested Iranian protesters" is a domestic event.
    for (const auto& b : e.tgt)
      if (b.code.size() < 3 || b.code.compare(0, 3, e.src[0].code, 0, 3) != 0 ||
          !(b.code == e.src[0].code || b.code.size() == 3 || (c.pattern && mr.target_slot >= 0)))
        own = false;
    int after = -1;
    if (c.pattern && mr.target_slot >= 0) after = static_cast<int>(m.slots[mr.target_slot].item);
    else if (found_item >= 0) after = found_item;
    if (own && after >= 0) {
      const int from = s.unit_end[after] > after ? s.unit_end[after] : after + 1;
      std::vector<CodedActor> other;
      int other_item = -1;
      if (FindTarget(doc, s, from, c.target_end, p.subj_first, p.subj_end, &other, &other_item, Root(e.code)) &&
          HasActor(other)) {
        e.tgt = other;
        e.confidence *= 0.9;
      }
    }
  }
  if (e.tgt.empty() && e.src.size() >= 2) {
    int r = Root(e.code);
    if ((c.pattern && mr.compound) || (r >= 3 && r <= 6)) e.compound = true;
    if (e.compound) e.confidence *= 0.85;
  }
  if (e.tgt.empty() && !e.compound && doc.options.require_dyad && !KeepsOneSided(e)) return;
  Finish(e, c.pi, out);
}

}  // namespace annalist
