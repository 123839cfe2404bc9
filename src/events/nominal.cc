// Nominal events (issue "Real news"): events expressed by nouns, with the built-in
// knowledge base (CodingRules::nominal_events). The noun names the act of a verb of the
// verb lexicon (data/kb/lexicon/event_nouns.txt, derived from WordNet's derivational
// links by scripts/make_event_nouns.py) and the event takes that verb's code:
//   * light verb + event noun + nominal preposition: "A launched a mediation effort between
//     B and C" (045 A->B, A->C), "renewed negotiations with B" (046), "gave a warm welcome
//     to B" (051): the light verb's subject is the source, the actors of the
//     preposition's phrase the targets; with no such phrase the event is one-sided;
//   * event noun + "between" + two or more actors: "clashes between A and B", "Clashes
//     erupted between A and B" (190 both ways): the event is mutual.
// Words live in data: light verbs (light_verbs.txt, lemmas), the prepositions that name the
// other side (nominal_prepositions.txt) and the nouns that carry an event noun as their
// modifier ("mediation effort": support_nouns.txt). A light verb whose own pattern already
// coded the clause ("held talks with") keeps that event; nothing here runs then.
#include "events/coder_impl.h"

namespace annalist {

using namespace events_internal;  // NOLINT: internal to this stage

// The verb whose act the noun group `k` names: its head, or an event-noun modifier of a
// support noun head ("mediation effort", "assassination attempt"); nullptr if none.
const dict::Verb* CoderImpl::EventNounVerb(const Document& doc, const Scratch& s, int k) const {
  const Item& ng = s.items[k];
  if (ng.kind != ItemKind::kNoun || ng.pronoun || ng.temporal) return nullptr;
  auto verb_of = [&](uint32_t t) -> const dict::Verb* {
    if (!IsNoun(s.view.pos[t])) return nullptr;
    std::string_view verb = lexicon_->Link(dict::Lex::kEventNoun, s.view.norm[t]);
    if (verb.empty()) verb = lexicon_->Link(dict::Lex::kEventNoun, doc.tokens[s.view.tok[t]].lemma);
    if (verb.empty()) return nullptr;
    const dict::WordId id = d_.vocab.Find(verb);
    auto it = id == kNoWord ? d_.verbs_by_form.end() : d_.verbs_by_form.find(id);
    if (it == d_.verbs_by_form.end()) return nullptr;
    // The plain verb, not a phrase on the same head ("strike a deal").
    for (uint32_t index : it->second) {
      const dict::Verb& v = d_.verbs[index];
      if (!v.pre_words.empty() || !v.post_words.empty()) continue;
      return v.code.empty() || v.code == "---" ? nullptr : &v;
    }
    return nullptr;
  };
  if (const dict::Verb* v = verb_of(ng.head)) return v;
  const std::string_view head = s.view.norm[ng.head];
  if (!Lexical(dict::Lex::kSupportNoun, head) &&
      !Lexical(dict::Lex::kSupportNoun, doc.tokens[s.view.tok[ng.head]].lemma))
    return nullptr;
  for (uint32_t t = ng.first; t < ng.head; ++t)
    if (const dict::Verb* v = verb_of(t)) return v;
  return nullptr;
}

// The actors of the phrase after a nominal preposition right after item `k` ("with B",
// "between B and C"): noun groups joined by conjunctions and commas. Returns the
// preposition's item, or -1.
int CoderImpl::NominalOther(const Document& doc, const Scratch& s, int k, std::vector<CodedActor>* out) const {
  out->clear();
  const auto& it = s.items;
  const int n = static_cast<int>(it.size());
  int prep = s.unit_end[k] > k + 1 && s.unit_end[k] <= n ? s.unit_end[k] : k + 1;
  // "clashes between", "negotiations with": directly after the noun group (an "of"
  // phrase of the unit is skipped by unit_end).
  if (prep >= n || it[prep].kind != ItemKind::kPrep ||
      !Lexical(dict::Lex::kNominalPreposition, s.view.norm[it[prep].head]))
    prep = k + 1;
  if (prep >= n || it[prep].kind != ItemKind::kPrep ||
      !Lexical(dict::Lex::kNominalPreposition, s.view.norm[it[prep].head]))
    return -1;
  int end = prep + 1;
  while (end < n && (it[end].kind == ItemKind::kNoun ||
                     ((it[end].kind == ItemKind::kConj || it[end].kind == ItemKind::kComma) && end + 1 < n &&
                      it[end + 1].kind == ItemKind::kNoun)))
    ++end;
  if (end == prep + 1) return -1;
  Actors(doc, s, prep + 1, end, out);
  return prep;
}

namespace {

// An act that the two sides of "N between A and B" do to each other: not a statement or an
// appeal (01, 02), nor a visit or a mediation, which a third party makes (042, 043, 045).
bool MutualAct(const std::string& code) {
  const int root = Root(code);
  return root >= 3 && code != "042" && code != "043" && code != "045";
}

}  // namespace

void CoderImpl::CodeNominalEvents(const Document& doc, Scratch& s) const {
  const auto& it = s.items;
  const int n = static_cast<int>(it.size());
  std::vector<CodedActor> other;
  std::vector<uint8_t> used(n, 0);
  auto lemma_of = [&](int item) -> std::string_view { return doc.tokens[s.view.tok[it[item].head]].lemma; };
  auto coded = [&](int pi) {
    for (int q = pi; q >= 0; q = s.preds[q].parent)
      if (s.pred_events[q]) return true;
    return false;
  };
  // An event noun before `prep` "between" two or more actors ("clashes between A and B"):
  // a mutual act, those actors its source together. False for another preposition, fewer
  // actors or an act that is not mutual.
  auto between = [&](const dict::Verb* verb, int prep, int noun, Proto* pr) {
    if (prep < 0 || s.view.word[it[prep].head] != w_between_ || other.size() < 2 || !MutualAct(verb->code)) {
      return false;
    }
    pr->src = other;
    pr->compound = true;
    pr->code = verb->code;
    pr->ref = verb->ref;
    pr->noun = noun;
    pr->confidence = 0.6;
    return true;
  };
  // Light verb + event noun: the noun group right after the verb.
  for (size_t pi = 0; pi < s.preds.size(); ++pi) {
    const Pred& p = s.preds[pi];
    const int k = p.verb + 1;
    if (k >= n || coded(static_cast<int>(pi))) continue;
    const Item& vg = it[p.verb];
    if (vg.passive || !Lexical(dict::Lex::kLightVerb, lemma_of(p.verb))) continue;
    const dict::Verb* verb = HasActor(p.subject) ? EventNounVerb(doc, s, k) : nullptr;
    if (!verb) {
      // An event noun as the subject of a verb of occurrence, the sides after the verb:
      // "Clashes erupted between A and B", "fighting broke out between", "talks took place
      // between".
      if (p.subj_core < 0 || HasActor(p.subject)) continue;
      verb = EventNounVerb(doc, s, p.subj_core);
      int after = p.verb;  // the verb, its particle ("broke out") or its object ("took place")
      while (after + 1 < n && it[after + 1].kind == ItemKind::kAdv) ++after;
      if (after + 1 < n && it[after + 1].kind == ItemKind::kNoun) ++after;
      const int prep = verb ? NominalOther(doc, s, after, &other) : -1;
      Proto pr;
      if (!between(verb, prep, p.subj_core, &pr)) continue;
      pr.verb = p.verb;
      pr.negated = vg.negated;
      pr.modality = vg.modality;
      used[p.subj_core] = 1;
      Finish(pr, static_cast<int>(pi), &s.protos);
      continue;
    }
    Proto pr;
    pr.src = p.subject;
    pr.src_how = p.subject_how.empty() ? "dictionary" : p.subject_how.c_str();
    NominalOther(doc, s, k, &pr.tgt);
    pr.code = verb->code;
    pr.paired = verb->paired_code;
    if (rules_.mutual_meetings && pr.paired.empty() && MeetingCode(pr.code)) pr.paired = pr.code;
    pr.ref = verb->ref;
    pr.verb = p.verb;
    pr.noun = k;
    pr.negated = vg.negated;
    pr.modality = vg.modality;
    pr.confidence = 0.7;
    used[k] = 1;
    if (pr.tgt.empty() && pr.src.size() >= 2 && Root(pr.code) >= 3 && Root(pr.code) <= 6) pr.compound = true;
    if (pr.tgt.empty() && !pr.compound && doc.options.require_dyad && !KeepsOneSided(pr)) continue;
    Finish(pr, static_cast<int>(pi), &s.protos);
  }
  // Event noun + "between" + two or more actors: the act is mutual.
  for (int k = 0; k < n; ++k) {
    if (used[k] || it[k].kind != ItemKind::kNoun) continue;
    const dict::Verb* verb = EventNounVerb(doc, s, k);
    if (!verb) continue;
    Proto pr;
    if (!between(verb, NominalOther(doc, s, k, &other), k, &pr)) continue;
    // The clause around the noun: the last predicate before it, else the first after it.
    for (size_t pi = 0; pi < s.preds.size(); ++pi)
      if (pr.pred < 0 || s.preds[pi].verb < k) pr.pred = static_cast<int>(pi);
    s.protos.push_back(std::move(pr));
  }
}

}  // namespace annalist
