// Quotes and reported speech: the speaker of an attribution clause ('"...," al-Soudani
// said'), and "X said (that) Y did Z" coded as Y's event attributed to X.
#include "events/coder_impl.h"

namespace annalist {

using namespace events_internal;  // NOLINT: internal to this stage

namespace {

bool IsClosingQuote(std::string_view w) { return w == "''" || w == "\"" || w == "\u201d"; }

}  // namespace

void CoderImpl::FindSpeaker(const Document& doc, const Sentence& sent, Scratch& s, const DocState& st) const {
  std::vector<CodedActor>& speaker = s.speaker;
  speaker.clear();
  const auto& it = s.items;
  for (const Pred& p : s.preds) {
    if (p.kind != PredKind::kAttribution || p.subj_core < 0) continue;
    const Item& core = it[p.subj_core];
    if (core.pronoun) {
      if (rules_.coreference && Lexical(dict::Lex::kPersonalPronoun, s.view.norm[core.first])) {
        speaker = st.last_person_subject;
        if (speaker.empty()) speaker = StoryPerson(doc, st, s.view.tok[core.first]);
      }
    } else {
      Actors(doc, s, p.subj_core, p.subj_end, &speaker);
    }
    if (!speaker.empty()) break;
  }
  if (speaker.empty()) {
    // '... to Gaza," al-Soudani said.': a short terminal attribution is removed by comma
    // deletion (2.10) before the chunker sees it, so look for it on the raw tokens: a
    // closing quotation mark, an actor, a verb of saying.
    for (uint32_t t = sent.first_token + 1; t + 2 < sent.end_token && speaker.empty(); ++t) {
      if (!IsClosingQuote(doc.tokens[t].norm)) continue;
      for (const ActorMatch& m : s.matches) {
        if (m.first_token != t + 1 || m.kind != ActorMatch::Kind::kActor || m.code.empty()) continue;
        if (m.end_token >= sent.end_token) break;
        if (Lexical(dict::Lex::kSayingVerb, doc.tokens[m.end_token].norm))
          NounPhraseActors(s.matches, doc, m.first_token, m.end_token, &speaker);
        break;
      }
    }
  }
  if (speaker.empty() && rules_.coreference) {
    // '..., he added, "We believe ..."': a parenthetical pronoun attribution, also removed
    // by comma deletion; he / she is the last person who was a subject.
    for (uint32_t t = sent.first_token + 1; t + 2 < sent.end_token && speaker.empty(); ++t) {
      if (doc.tokens[t - 1].norm != "," || !Lexical(dict::Lex::kPersonalPronoun, doc.tokens[t].norm)) continue;
      if (!Lexical(dict::Lex::kSayingVerb, doc.tokens[t + 1].norm)) continue;
      if (doc.tokens[t + 2].norm != ",") continue;
      speaker = st.last_person_subject;
      if (speaker.empty()) speaker = StoryPerson(doc, st, t);
    }
  }
}

// Reported speech (issue 3 item 6): "X said (that) Y did Z" is Y's event, attributed to
// X. PETRARCH-2 instead folds it into X -> Y with the outer code (2.8), which the gold of
// its own dictionaries expects, so only with CodingRules::reported_speech. "denied that
// it attacked", "dismissed claims that ...": the complement is negated, coded only
// through its CAMEO negative (petrarch2-behaviour.md 2.8). Returns true if the
// predicate's own event is not coded (a plain statement, CAMEO 010).
bool CoderImpl::CodeReportedSpeech(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>& inner,
                                   std::vector<Proto>* out) const {
  (void)doc;
  const auto& it = s.items;
  const Pred& p = s.preds[c.pi];
  const Item& vg = it[p.verb];
  const Pred& child = s.preds[c.emb];
  const bool denial = Lexical(dict::Lex::kDenialVerb, s.view.norm[vg.head]);
  const size_t first_inner = out->size();
  for (Proto& x : inner) {
    if (x.speaker.empty()) x.speaker = p.subject;
    if (denial && !vg.negated) {
      if (x.negated) continue;
      const char* neg = NegateCode(x.code);
      if (!neg) continue;
      x.code = neg;
      x.negated = true;
      x.paired.clear();
    }
    out->push_back(std::move(x));
  }
  // "a says (b . hostile act)" = a 112 b (the Phoenix transformation): asserting that
  // the other side did, does or will do violence, coercion or threats is an accusation.
  // b is the hostile act's logical source, not the clause's subject: "said that five
  // civilians were killed by American troops" accuses the troops, not the victims.
  auto apart = [&](const std::vector<CodedActor>& accused) {
    if (!HasActor(accused)) return false;
    for (const auto& a : accused)
      for (const auto& b : p.subject)
        if (a.code == b.code) return false;
    return true;
  };
  if (Root(c.code) == 1 && !vg.negated) {
    const std::vector<CodedActor>* accused = nullptr;
    for (size_t k = first_inner; k < out->size() && !accused; ++k) {
      const Proto& x = (*out)[k];
      const int r = Root(x.code);
      if (!x.negated && r >= 13 && r <= 20) accused = HasActor(x.src) ? &x.src : &child.subject;
    }
    // "encouraged the regime to kill": a hostile infinitive under the clause's verb.
    for (size_t q = c.emb + 1; q < s.preds.size() && !accused; ++q) {
      const Pred& inf_pred = s.preds[q];
      if (inf_pred.kind != PredKind::kInf || inf_pred.parent < c.emb) continue;
      if (inf_pred.parent != c.emb && s.preds[inf_pred.parent].parent != c.emb) continue;
      uint32_t pe = 0;
      const dict::Verb* iv = LookupVerb(s, inf_pred.verb, &pe);
      const int r = iv ? Root(iv->code) : -1;
      if (r >= 13 && r <= 20 && !it[inf_pred.verb].negated) accused = &child.subject;
    }
    if (accused && apart(*accused)) {
      Proto acc;
      acc.code = "112";
      acc.ref = c.ref;
      acc.verb = p.verb;
      acc.pred = c.pi;
      acc.src = p.subject;
      acc.src_how = c.event.src_how;
      acc.tgt = *accused;
      acc.modality = vg.modality;
      acc.confidence = c.event.confidence * 0.9;
      out->push_back(std::move(acc));
    }
  }
  // X's own event only where the verb says more than a statement: CAMEO 010 is the
  // residual "make a public statement", coded when nothing else is.
  return c.code == "010" || c.code == "01";
}

}  // namespace annalist
