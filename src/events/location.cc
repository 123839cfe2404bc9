// Location: Event::location from the event's clause (a locative PP naming a place), else
// the dateline place.
#include <algorithm>

#include "events/coder_impl.h"

namespace annalist {

using namespace events_internal;  // NOLINT: internal to this stage

// Event::location from the clause of predicate `pi`: the first country / capital / place
// named in a locative PP ("arrested protesters in Tehran", "In Gaza, troops ...", "protesters
// in Tehran clashed ..."), the same reading of a locative place as FindTarget's. The scope
// is the clause's subject and post-verb scope, and for a main clause the words before its
// subject (a fronted PP).
bool CoderImpl::ClauseLocation(const Document& doc, Scratch& s, int pi, Event::Location* loc) const {
  if (pi < 0 || pi >= static_cast<int>(s.preds.size())) return false;
  const auto& it = s.items;
  const Pred& p = s.preds[pi];
  if (p.verb < 0) return false;
  const int n_items = static_cast<int>(it.size());
  auto scan = [&](int first, int end) {
    first = std::max(first, 0);
    end = std::min(end, n_items);
    for (int j = first; j + 1 < end; ++j) {
      if (it[j].kind != ItemKind::kPrep || it[j + 1].kind != ItemKind::kNoun) continue;
      if (!Lexical(dict::Lex::kLocativePreposition, s.view.norm[it[j].first])) continue;
      const int e2 = std::min(s.unit_end[j + 1] > j + 1 ? s.unit_end[j + 1] : j + 2, end);
      Actors(doc, s, j + 1, e2, &s.place);
      if (s.place.empty()) continue;
      const CodedActor& pl = s.place[0];
      if (!IsPlaceForRules(doc, pl)) continue;
      if (pl.end_token <= pl.first_token || pl.code.size() < 3) continue;
      loc->span.begin = doc.tokens[pl.first_token].span.begin;
      loc->span.end = doc.tokens[pl.end_token - 1].span.end;
      loc->text = std::string(doc.Slice(loc->span));
      loc->code = pl.code.substr(0, 3);
      loc->how = "clause";
      return true;
    }
    return false;
  };
  const int start = p.subj_first >= 0 && p.subj_first < p.verb ? p.subj_first : p.verb;
  if (scan(start, p.verb)) return true;
  if (scan(p.verb + 1, TargetScopeEnd(s, pi))) return true;
  if (p.kind == PredKind::kMain && p.subj_first > 0 && scan(0, p.subj_first)) return true;
  return false;
}

// The dateline place ("TEHRAN, Jan. 12 (Reuters) -"), matched against the actor
// dictionaries like a sentence; the code is the first actor's country, empty if none.
void CoderImpl::DatelineLocation(const Document& doc, Scratch& s, Event::Location* loc) const {
  *loc = Event::Location{};
  const Span place = doc.dateline_place;
  if (place.empty() || place.end > doc.text.size()) return;
  loc->text = std::string(doc.Slice(place));
  loc->span = place;
  loc->how = "dateline";
  Sentence sent;
  sent.span = place;
  auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), place.begin,
                                [](const Token& t, uint32_t b) { return t.span.begin < b; });
  sent.first_token = static_cast<uint32_t>(first - doc.tokens.begin());
  sent.end_token = sent.first_token;
  while (sent.end_token < doc.tokens.size() && doc.tokens[sent.end_token].span.end <= place.end) ++sent.end_token;
  if (sent.end_token == sent.first_token) return;
  LookupWords(d_.vocab, doc, sent, &s.words);
  FindActorMatches(d_, doc, sent, s.words, &s.matches, nullptr);
  for (const ActorMatch& m : s.matches) {
    if (m.kind != ActorMatch::Kind::kActor || m.code.size() < 3 || m.index >= d_.actors.size()) continue;
    if (rules_.places_by_kind) {
      const dict::ActorKind kind = d_.actors[m.index].kind;
      if (kind != dict::ActorKind::kCapital && !dict::IsCountryLike(kind)) continue;
    }
    loc->code = m.code.substr(0, 3);
    break;
  }
  s.matches.clear();
  s.words.clear();
}

}  // namespace annalist
