// Emission: the sentence's protos become Events (actor provenance, verb span, rule,
// location, attribution, confidence, modality), then issues; and nominal visit events.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "events/coder_impl.h"

namespace annalist {

using namespace events_internal;  // NOLINT: internal to this stage

// A possessed visit noun, "his visit to Tehran", "Iraq's visit to Iran": the possessor
// visits the place (the code of the verb VISIT in the lexicon, CAMEO 042).
void CoderImpl::CodeVisitNouns(const Document& doc, Scratch& s) const {
  const auto& it = s.items;
  const int n_items = static_cast<int>(it.size());
  for (int k = 0; k + 2 < n_items; ++k) {
    if (it[k].kind != ItemKind::kNoun || !Lexical(dict::Lex::kVisitNoun, s.view.norm[it[k].head])) continue;
    if (it[k + 1].kind != ItemKind::kPrep || s.view.word[it[k + 1].first] != w_to_ ||
        it[k + 2].kind != ItemKind::kNoun)
      continue;
    const dict::WordId visit = d_.vocab.Find("VISIT");
    auto vit = visit == kNoWord ? d_.verbs_by_form.end() : d_.verbs_by_form.find(visit);
    if (vit == d_.verbs_by_form.end()) break;
    const dict::Verb& vv = d_.verbs[vit->second.front()];
    Proto pr;
    bool possessed = false;
    if (s.view.pos[it[k].first] == Pos::PRPS) {
      // "his visit": the subject of the clause around it.
      for (const Pred& p : s.preds)
        if (p.verb < k && HasActor(p.subject)) pr.src = p.subject;
      possessed = true;
    } else {
      for (uint32_t t = it[k].first; t < it[k].end; ++t) possessed |= s.view.pos[t] == Pos::POS;
      if (possessed) Actors(doc, s, k, k + 1, &pr.src);
    }
    if (!possessed || !HasActor(pr.src)) continue;
    Actors(doc, s, k + 2, k + 3, &pr.tgt);
    if (!HasActor(pr.tgt)) continue;
    for (auto& a : pr.tgt)
      if (IsPlace(doc, a)) a.code.resize(3);
    pr.code = vv.code;
    pr.ref = vv.ref;
    pr.confidence = 0.6;
    s.protos.push_back(std::move(pr));
  }
}

ActorRef CoderImpl::RefOf(const Document& doc, const CodedActor& a, const char* how) const {
  ActorRef r;
  r.code = a.code;
  if (a.end_token > a.first_token && a.end_token <= doc.tokens.size()) {
    r.span.begin = doc.tokens[a.first_token].span.begin;
    r.span.end = doc.tokens[a.end_token - 1].span.end;
    r.text = std::string(doc.Slice(r.span));
  }
  if (!a.code.empty() && a.code.front() == '"') {
    r.how = "new_actor";  // NewActor: the phrase itself is the actor
  } else if (!a.has_actor) {
    r.how = "agent";
  } else if (std::strcmp(how, "pronoun") == 0) {
    r.how = how;
  } else {
    r.how = MatchHowName(a.how);
  }
  const uint32_t named = a.person != kNoPerson ? a.person : a.actor;
  if (named < d_.actors.size()) r.name = d_.actors[named].canonical;
  return r;
}

// An actor of unknown country ("---COP") takes the country of the event's place (a place
// in its clause, else the dateline): "police in Lagos", "KABUL (Reuters) - Gunmen ...".
void CoderImpl::CountryFromLocation(const Event::Location& location, ActorRef* actor) {
  if (actor->code.size() < 6 || actor->code.compare(0, 3, "---") != 0) return;
  if (location.code.size() != 3 || location.code == "---") return;
  actor->code.replace(0, 3, location.code);
  actor->country_how = location.how == "clause" ? "place" : location.how;
}

void CoderImpl::Emit(const Document& doc, uint32_t si, Scratch& s, const DocState& st,
                     std::vector<Event>* events) const {
  const Sentence& sent = doc.sentences[si];
  const auto& it = s.items;
  const size_t first_event = events->size();
  Event::Location location;  // of the proto being emitted
  auto push = [&](const Proto& pr, const CodedActor& a, const CodedActor* b, const std::string& code) {
    if (a.code.empty()) return;
    if (b && a.code == b->code) return;  // 5.2 item 11
    Event ev;
    ev.doc_id = doc.id;
    ev.sentence_index = si;
    ev.source = RefOf(doc, a, pr.src_how);
    if (b) ev.target = RefOf(doc, *b, "dictionary");
    else ev.target.code = "---";
    ev.one_sided = b == nullptr;
    if (rules_.country_from_location) {
      CountryFromLocation(location, &ev.source);
      if (b) CountryFromLocation(location, &ev.target);
      if (b && ev.source.code == ev.target.code) return;
    }
    ev.code = code;
    ev.date = doc.date;
    ev.sentence = sent.span;
    // A nominal event's "verb" is its event noun ("clashes", "mediation").
    const int word_item = pr.noun >= 0 ? pr.noun : pr.verb;
    if (word_item >= 0) {
      const uint32_t head = s.view.tok[it[word_item].head];
      ev.verb.begin = doc.tokens[head].span.begin;
      ev.verb.end = doc.tokens[head].span.end;
    }
    const int clause = pr.verb >= 0 && pr.noun < 0 ? s.pred_of_item[pr.verb] : -1;
    ev.clause = clause >= 0 ? ClauseTypeName(TypeOf(s, clause)) : "nominal";
    ev.rule = d_.Describe(pr.ref);
    ev.negated = pr.negated;
    ev.location = location;
    const std::vector<CodedActor>& said_by = !pr.speaker.empty() ? pr.speaker : s.speaker;
    if (!said_by.empty()) {
      // The speaker's canonical name when the knowledge base knows them, else their words.
      const ActorRef who = RefOf(doc, said_by.front(), "dictionary");
      ev.attributed_to = !who.name.empty() ? who.name : who.text;
    }
    double confidence = pr.confidence;
    if (std::strcmp(pr.src_how, "pronoun") == 0) confidence *= 0.8;
    if (!a.has_actor || (b && !b->has_actor)) confidence *= 0.9;
    if (pr.modality == Modality::kConditional) confidence *= 0.9;
    else if (pr.modality == Modality::kFuture) confidence *= 0.95;
    // Three decimals: the heuristic is not finer than that, and the JSON stays short.
    ev.confidence = std::round(std::clamp(confidence, 0.05, 1.0) * 1000.0) / 1000.0;
    if (pr.intent) ev.modality = "intent";
    else if (pr.modality == Modality::kFuture) ev.modality = "future";
    else if (pr.modality == Modality::kConditional) ev.modality = "conditional";
    for (size_t k = first_event; k < events->size(); ++k) {
      const Event& o = (*events)[k];
      if (o.source.code == ev.source.code && o.target.code == ev.target.code && o.code == ev.code) return;
    }
    events->push_back(std::move(ev));
  };
  for (Proto& pr : s.protos) {
    if (!ApplyModality(s, &pr)) continue;
    if (!ClauseLocation(doc, s, pr.pred, &location)) location = st.dateline;
    const bool forward = !pr.code.empty() && pr.code != "---";
    if (!forward) {
      // Reverse-only code ("[:030]"): target -> source.
      for (const auto& a : pr.src)
        for (const auto& b : pr.tgt) push(pr, b, &a, pr.paired);
      continue;
    }
    // Reciprocal cooperation with a compound subject and no target ("A and B agreed to
    // hold joint exercises", "A and B held talks"): both directions (roots 03-06).
    const int root = Root(pr.code);
    // Fighting is mutual too ("Chinese and Indian troops clashed": 190 both ways).
    const bool reciprocal = rules_.one_sided_events && pr.src.size() >= 2 &&
                            ((root >= 3 && root <= 6) || pr.code == "190");
    if ((pr.compound || reciprocal) && pr.tgt.empty()) {
      for (const auto& a : pr.src)
        for (const auto& b : pr.src)
          if (&a != &b) push(pr, a, &b, pr.code);
      continue;
    }
    if (pr.tgt.empty()) {
      // One-sided events (built-in KB): CoderImpl::KeepsOneSided, and no consultation (04)
      // with nobody on the other side ("the Cabinet met"): a meeting needs a counterpart.
      // (Inside the coder a one-sided 04 is still an infinitive's event: "offered to
      // mediate" combines to 036.)
      if (!doc.options.require_dyad || (KeepsOneSided(pr) && root != 4))
        for (const auto& a : pr.src) push(pr, a, nullptr, pr.code);
      continue;
    }
    for (const auto& a : pr.src) {
      for (const auto& b : pr.tgt) {
        push(pr, a, &b, pr.code);
        if (!pr.paired.empty() && pr.paired != "---") push(pr, b, &a, pr.paired);
      }
    }
  }
  // Issues are attached to every event of the sentence and never change them (1.7).
  if (events->size() > first_event && !d_.issues.empty()) {
    std::vector<std::pair<std::string, int>> issues;
    SentenceIssues(s, &issues);
    if (!issues.empty())
      for (size_t k = first_event; k < events->size(); ++k) (*events)[k].issues = issues;
  }
}

// Issues of the sentence (petrarch2-behaviour.md 1.7): phrases of the issues dictionary on
// the upper-cased words; at each position the shortest listed phrase wins and its words are
// consumed; counts per code in order of first mention; any ignore phrase anywhere in the
// sentence cancels them all.
void CoderImpl::SentenceIssues(const Scratch& s, std::vector<std::pair<std::string, int>>* out) const {
  out->clear();
  if (d_.issues.empty()) return;
  const size_t n = s.words.size();
  bool ignore = false;
  for (size_t i = 0; i < n && !ignore; ++i) {
    if (s.words[i] == kNoWord) continue;
    d_.issue_trie.ForEachMatch(s.words.data() + i, n - i, [&](size_t, const std::vector<uint32_t>& values) {
      for (uint32_t v : values)
        if (v < d_.issues.size() && d_.issues[v].ignore) ignore = true;
    });
  }
  if (ignore) return;
  for (size_t i = 0; i < n;) {
    size_t taken = 0;
    if (s.words[i] != kNoWord) {
      d_.issue_trie.ForEachMatch(s.words.data() + i, n - i, [&](size_t length, const std::vector<uint32_t>& values) {
        if (taken > 0) return;  // shortest first: the first call wins
        for (uint32_t v : values) {
          if (v >= d_.issues.size() || d_.issues[v].code.empty()) continue;
          const std::string& code = d_.issues[v].code;
          auto hit = std::find_if(out->begin(), out->end(), [&](const auto& x) { return x.first == code; });
          if (hit == out->end()) out->emplace_back(code, 1);
          else ++hit->second;
          taken = length;
          break;
        }
      });
    }
    i += taken > 0 ? taken : 1;
  }
}

}  // namespace annalist
