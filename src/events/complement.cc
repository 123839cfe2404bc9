// Predicates with a clause under them: complement clauses ("noted that X ..."),
// infinitives ("promised to help", "urged Eriador to respond") and the dictionary's
// transformations of nested events (petrarch2-behaviour.md 1.2, 2.8, 5.2 item 8).
#include <algorithm>

#include "events/coder_impl.h"

namespace annalist {

using namespace events_internal;  // NOLINT: internal to this stage

bool CoderImpl::ApplyTransformation(const std::string& outer_code, const Proto& inner, bool inner_src_is_outer,
                                    std::string* code, int* result) const {
  // result: 0 = (a, b) where b = inner source; 1 = (a, inner target).
  auto code_of = [&](const std::string& name) -> std::string {
    dict::WordId w = d_.vocab.Find(name);
    if (w == kNoWord) return name;
    auto it = d_.verbs_by_form.find(w);
    if (it == d_.verbs_by_form.end()) return name;
    return d_.verbs[it->second.back()].code;
  };
  for (const dict::Transformation& t : d_.transformations) {
    if (t.outer_verbs.size() != 1 || t.inner_verbs.size() != 1) continue;
    if (t.outer_verbs[0] != "Q" && code_of(t.outer_verbs[0]) != outer_code) continue;
    if (t.inner_verbs[0] != "Q" && code_of(t.inner_verbs[0]) != inner.code) continue;
    const bool same = t.inner_source == t.outer_source;
    const bool none = t.inner_source == "_";
    if (same && !inner_src_is_outer) continue;
    if (!same && !none && inner_src_is_outer) continue;
    if (none && !inner.src.empty()) continue;
    if (!same && !none && inner.src.empty()) continue;
    if (inner.tgt.empty() && t.inner_target != "." && t.inner_target != "_") {
      if (!(t.result_target == t.inner_source && !same)) continue;
    }
    *code = t.result_code == "Q" ? inner.code : t.result_code;
    *result = (t.result_target == t.inner_target) ? 1 : 0;
    return true;
  }
  return false;
}

// Embedded complement clause ("noted that X ...", "believes X can ...").
void CoderImpl::CodeComplement(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>* out) const {
  const auto& it = s.items;
  const Pred& p = s.preds[c.pi];
  const Item& vg = it[p.verb];
  Proto& e = c.event;
  const Pred& child = s.preds[c.emb];
  if (!c.coded) return;
  e.confidence *= 0.85;
  std::vector<Proto> inner;
  CodePred(doc, s, c.emb, &inner);
  if (c.null_code) {
    // INDICATE [---]: the embedded event is the event (5.2 item 8).
    for (Proto& x : inner) out->push_back(std::move(x));
    return;
  }
  // The speaker reporting their own act ("Obama and Putin said they will attack Iraq")
  // is their statement about the other side, as PETRARCH-2 codes it (2.8), not a report.
  bool self_report = !p.subject.empty() && !child.subject.empty();
  for (const auto& a : child.subject) {
    bool in_speaker = false;
    for (const auto& b : p.subject) in_speaker |= a.code == b.code;
    self_report &= in_speaker;
  }
  // "Iran said it would attack Israel": the speaker's own committed act is the event, a
  // threat or an intent (modality.cc, built-in knowledge base).
  if (rules_.modal_events && self_report && !inner.empty() && inner[0].verb >= 0) {
    const ModalCues cues = CuesOf(s, inner[0].verb);
    if (cues.commit || cues.ready) {
      for (Proto& x : inner) out->push_back(std::move(x));
      return;
    }
  }
  if (rules_.reported_speech && !inner.empty() && !self_report && TakesClause(s.view.norm[vg.head]) &&
      CodeReportedSpeech(doc, s, c, inner, out))
    return;
  // Object before the clause ("told reporters that"): not handled separately.
  e.code = c.code;
  e.paired = c.paired;
  e.ref = c.ref;
  bool same = !child.subject.empty() && !p.subject.empty() && child.subject[0].code == p.subject[0].code;
  if (!inner.empty()) {
    std::string tcode;
    int which = 0;
    if (ApplyTransformation(c.code, inner[0], same, &tcode, &which)) {
      e.code = tcode;
      e.tgt = which == 1 ? inner[0].tgt : child.subject;
      e.paired.clear();
      e.ref = c.ref;
      Finish(e, c.pi, out);
      return;
    }
  }
  // Object before the clause ("warned North Korea that it would face ..."): the
  // addressee is the target (PETRARCH-2 codes the clause subject).
  std::vector<CodedActor> addressee;
  int addressee_item = -1, found_item = -1;
  if (rules_.addressee_target && child.subj_first > p.verb + 1 &&
      FindTarget(doc, s, p.verb + 1, child.subj_first, -1, -1, &addressee, &addressee_item) &&
      HasActor(addressee)) {
    e.tgt = addressee;
  } else if (!child.subject.empty()) {
    // A bare statement about "it" / "they" resolved across sentences is too weak to code
    // (the pronoun may be a situation: "it was not born on October 7").
    if (rules_.drop_weak_statements && Root(c.code) == 1 && child.subject_how == "pronoun" && child.subj_core >= 0 &&
        it[child.subj_core].pronoun && Lexical(dict::Lex::kImpersonalPronoun, s.view.norm[it[child.subj_core].first]))
      return;
    e.tgt = child.subject;
  } else if (rules_.drop_weak_statements && Root(c.code) == 1) {
    // A statement whose clause has no coded subject ("said such a step enjoyed support
    // from Moscow") is about no one in particular: no target is taken from deep inside
    // the clause.
    return;
  } else {
    FindTarget(doc, s, child.subj_first >= 0 ? child.subj_first : p.verb + 1, c.target_end, -1, -1, &e.tgt,
               &found_item);
  }
  if (e.tgt.empty() && doc.options.require_dyad && !KeepsOneSided(e)) return;
  Finish(e, c.pi, out);
}

// Infinitive under the verb ("promised to help", "urged Eriador to respond"). Returns
// false if the matrix verb's own event is still to be coded (an uncoded infinitive).
bool CoderImpl::CodeInfinitive(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>* out) const {
  const auto& it = s.items;
  const Pred& p = s.preds[c.pi];
  const Item& vg = it[p.verb];
  Proto& e = c.event;
  Pred& child = s.preds[c.inf];
  // Object before "to": "urged Eriador to respond", "wants Putin to attack".
  int to_item = child.verb - 1;
  while (to_item > p.verb && it[to_item].kind != ItemKind::kTo) --to_item;
  std::vector<CodedActor> obj;
  int found_item = -1;
  if (FindTarget(doc, s, p.verb + 1, to_item, -1, -1, &obj, &found_item)) {
    if (!c.coded || c.null_code) return true;
    CodeObjectControl(doc, s, c, obj, out);
    return true;
  }
  child.subject = p.subject;
  child.subject_how = p.subject_how;
  if (!c.coded || c.null_code) {
    // "won't try to clash": the infinitive carries the event, not negated.
    const size_t before = out->size();
    CodePred(doc, s, c.inf, out);
    for (size_t k = before; k < out->size(); ++k) (*out)[k].paired.clear();
    return true;
  }
  std::vector<Proto> inner;
  CodePred(doc, s, c.inf, &inner);
  if (inner.empty()) return false;  // uncoded infinitive: the matrix code, first actor after the verb
  Proto x = std::move(inner[0]);
  Proto none = x;
  none.src.clear();
  std::string tcode;
  int which = 0;
  if (ApplyTransformation(c.code, none, false, &tcode, &which)) {
    x.code = tcode;
  } else {
    x.code = Combine(c.code, x.code);
  }
  x.paired.clear();
  x.negated = vg.negated;
  x.intent = Root(c.code) == 3;
  x.verb = p.verb;
  x.modality = vg.modality;
  x.confidence = std::min(x.confidence, e.confidence) * 0.95;
  Finish(x, c.pi, out);
  return true;
}

// Object control ("urged Eriador to respond", "wants Putin to attack", and the passive
// "Eriador was urged by Arnor to respond"): the matrix event goes from its source
// (c.event.src) to the controller `obj`; the infinitive, coded with `obj` as its subject,
// is the inner event that decides the code (transformations, 02x sub-codes).
void CoderImpl::CodeObjectControl(const Document& doc, Scratch& s, PredCall& c, const std::vector<CodedActor>& obj,
                                  std::vector<Proto>* out) const {
  const Pred& p = s.preds[c.pi];
  const Item& vg = s.items[p.verb];
  Proto& e = c.event;
  Pred& child = s.preds[c.inf];
  e.confidence *= 0.9;
  child.subject = obj;
  std::vector<Proto> inner;
  CodePred(doc, s, c.inf, &inner);
  e.code = c.code;
  e.paired = c.paired;
  e.ref = c.ref;
  e.tgt = obj;
  // "wants Putin to attack": an intent about another's act is a request of them
  // (CAMEO 02 appeal), not the speaker's own intent (03).
  if (rules_.intent_for_other_is_appeal && Root(c.code) == 3 && Lexical(dict::Lex::kWishVerb, s.view.norm[vg.head]))
    e.code = "020";
  if (!inner.empty()) {
    std::string tcode;
    int which = 0;
    const int inner_root = Root(inner[0].code);
    if (ApplyTransformation(c.code, inner[0], false, &tcode, &which)) {
      e.code = tcode;
      if (which == 1) e.tgt = inner[0].tgt;
      e.paired.clear();
    } else if (rules_.object_control_appeals && Root(e.code) == 2 && inner_root >= 4 && inner_root <= 8) {
      // "urged B to negotiate with C", "asked B to send aid": an appeal to B for what
      // B is to do takes the sub-code of that act (CAMEO 021-026), as a subject-
      // controlled "appealed to meet" does; a hostile act asked of B stays an appeal.
      e.code = Combine(e.code, inner[0].code);
    }
  }
  Finish(e, c.pi, out);
}

}  // namespace annalist
