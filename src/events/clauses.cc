// Clauses: the sentence view after comma deletion, noun units, and the predicates of the
// sentence with their clause type, parent and subject phrase (petrarch2-behaviour.md 5.3).
#include <algorithm>
#include <string_view>

#include "events/coder_impl.h"

namespace annalist {

using namespace events_internal;  // NOLINT: internal to this stage

void CoderImpl::BuildView(const Document& doc, const Sentence& sent, Scratch& s) const {
  CommaDeletionMask(doc, sent, doc.options, rules_.keep_clause_commas, &s.keep);
  SentenceView& v = s.view;
  v.Clear();
  for (uint32_t i = 0; i < sent.size(); ++i) {
    if (!s.keep[i]) continue;
    const uint32_t t = sent.first_token + i;
    const Token& tok = doc.tokens[t];
    v.tok.push_back(t);
    v.pos.push_back(tok.pos);
    v.norm.push_back(tok.norm);
    v.lex.push_back(lexicon_->Of(tok.norm));
    const dict::WordId w = s.words[i];
    v.word.push_back(w);
    dict::WordId sing = w;
    const std::string& n = tok.norm;
    if (n.size() > 3 && n.back() == 'S' && IsNoun(tok.pos)) {
      // Regular plurals of pattern nouns (5.2 item 9): -IES -> Y, -ES, -S.
      dict::WordId f = kNoWord;
      if (n.size() > 4 && n.compare(n.size() - 3, 3, "IES") == 0) {
        s.buf.assign(n, 0, n.size() - 3);
        s.buf += 'Y';
        f = d_.vocab.Find(s.buf);
      }
      if (f == kNoWord) f = d_.vocab.Find(std::string_view(n).substr(0, n.size() - 1));
      if (f == kNoWord && n.size() > 4 && n[n.size() - 2] == 'E')
        f = d_.vocab.Find(std::string_view(n).substr(0, n.size() - 2));
      if (f != kNoWord) sing = f;
    }
    v.singular.push_back(sing);
  }
  RetagNounsBeforeVerbs(s);
  if (!rules_.retag_inside_names) return;
  // A capitalised word inside a country / capital / person match is a name, whatever the
  // tagger guessed ("Beijing accused ...": -ing read as VBG; "Jordan sent" read as one
  // noun group; a sentence-initial "Norway" read as an adverb like "anyway"): the chunker
  // must see a proper noun there. Adjectives stay ("Iranian police").
  for (const ActorMatch& m : s.matches) {
    if (m.kind != ActorMatch::Kind::kActor) continue;
    for (uint32_t i = 0; i < v.size(); ++i) {
      const uint32_t t = v.tok[i];
      if (t < m.first_token || t >= m.end_token || !(IsVerb(v.pos[i]) || v.pos[i] == Pos::RB)) continue;
      const std::string_view text = doc.Slice(doc.tokens[t].span);
      if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') v.pos[i] = Pos::NNP;
    }
    // "Jordan sent aid": a sentence-initial actor then a past form read as an adjective
    // or noun; a verb-dictionary form there, before a determiner, adjective or noun, is
    // the main verb.
    if (m.first_token != sent.first_token) continue;
    for (uint32_t i = 0; i + 1 < v.size(); ++i) {
      if (v.tok[i] != m.end_token) continue;
      const Pos p = v.pos[i];
      if ((p == Pos::JJ || p == Pos::NN) && v.norm[i].size() > 3 && v.word[i] != kNoWord &&
          d_.verbs_by_form.count(v.word[i]) &&
          (v.norm[i].back() == 'D' || v.norm[i].back() == 'T') &&
          (v.pos[i + 1] == Pos::DT || IsAdjective(v.pos[i + 1]) || IsNoun(v.pos[i + 1])))
        v.pos[i] = Pos::VBD;
      break;
    }
  }
}

// Tag guard (issue 7): a present-tense verb tag between a noun-group word and a finite
// verb, or at the start of the sentence or after a comma, is a noun ("Taliban fighters
// attacked", "the riot police fired", "On 3 May, rebels attacked"): two finite verbs in a
// row are no English clause. Auxiliaries and be-forms keep their tag ("has killed").
void CoderImpl::RetagNounsBeforeVerbs(Scratch& s) const {
  SentenceView& v = s.view;
  for (uint32_t i = 0; i + 1 < v.size(); ++i) {
    if (v.pos[i] != Pos::VBZ && v.pos[i] != Pos::VBP) continue;
    const Pos before = i == 0 ? Pos::kComma : v.pos[i - 1], after = v.pos[i + 1];
    if (!(IsNoun(before) || IsAdjective(before) || before == Pos::DT || before == Pos::CD || before == Pos::PRPS ||
          before == Pos::POS || before == Pos::kComma))
      continue;
    if (!(after == Pos::VBD || after == Pos::VBZ || after == Pos::VBP || after == Pos::MD ||
          (after == Pos::VBN && v.pos[i] == Pos::VBZ)))
      continue;
    if (v.lex[i] & (dict::Bit(dict::Lex::kAuxiliary) | dict::Bit(dict::Lex::kBe))) continue;
    v.pos[i] = v.norm[i].size() > 3 && v.norm[i].back() == 'S' ? Pos::NNS : Pos::NN;
  }
  // A past form opening the sentence or a comma clause before a noun group that a finite
  // verb follows is an adjective ("armed men shot dead ...", "On 7 July 2022, suspected
  // militants ambushed ...").
  for (uint32_t i = 0; i + 2 < v.size(); ++i) {
    if (v.pos[i] != Pos::VBN && v.pos[i] != Pos::VBD) continue;
    if (i > 0 && v.pos[i - 1] != Pos::kComma) continue;
    uint32_t j = i + 1;
    while (j < v.size() && (IsNoun(v.pos[j]) || IsAdjective(v.pos[j]))) ++j;
    if (j == i + 1 || j >= v.size()) continue;
    const Pos next = v.pos[j];
    if (next == Pos::VBD || next == Pos::VBZ || next == Pos::VBP || next == Pos::MD) v.pos[i] = Pos::JJ;
  }
}

// A noun group with its "of" complements and conjoined / listed noun groups.
int CoderImpl::CoreUnitEnd(const Scratch& s, int k) const {
  const auto& it = s.items;
  const int n = static_cast<int>(it.size());
  auto noun = [&](int j) { return j < n && it[j].kind == ItemKind::kNoun && !it[j].pronoun; };
  auto conj_ok = [&](int j) {
    return j < n && it[j].kind == ItemKind::kConj && (s.view.lex[it[j].first] & dict::Bit(dict::Lex::kCoordinator));
  };
  int j = k + 1;
  bool conj_used = false;
  while (j < n) {
    if (it[j].kind == ItemKind::kPrep && s.view.word[it[j].first] == w_of_ && noun(j + 1)) {
      j += 2;
    } else if (conj_ok(j) && noun(j + 1)) {
      if (conj_used) break;
      conj_used = true;
      j += 2;
    } else if (it[j].kind == ItemKind::kComma && conj_ok(j + 1) && noun(j + 2) && !conj_used) {
      conj_used = true;
      j += 3;
    } else if (it[j].kind == ItemKind::kComma && noun(j + 1) && !conj_used) {
      // A comma list must end in a conjunction: ", NG (, NG)* ,? and NG".
      int m = j;
      bool list = false;
      while (m < n && it[m].kind == ItemKind::kComma && noun(m + 1)) {
        m += 2;
        while (m < n && it[m].kind == ItemKind::kPrep && s.view.word[it[m].first] == w_of_ && noun(m + 1)) m += 2;
        if (conj_ok(m) && noun(m + 1)) { list = true; break; }
        if (m < n && it[m].kind == ItemKind::kComma && conj_ok(m + 1) && noun(m + 2)) { list = true; break; }
      }
      if (!list) break;
      j += 2;
    } else {
      break;
    }
  }
  return j;
}

namespace {

// The predicate of the nearest verb group before item `before`.
int VerbPred(const Scratch& s, int before) {
  for (int j = before - 1; j >= 0; --j)
    if (s.items[j].kind == ItemKind::kVerb && s.pred_of_item[j] >= 0) return s.pred_of_item[j];
  return -1;
}

// The nearest main or coordinated predicate before item `before`.
int TopPred(const Scratch& s, int before) {
  for (int j = before - 1; j >= 0; --j) {
    int p = s.pred_of_item[j];
    if (s.items[j].kind == ItemKind::kVerb && p >= 0 &&
        (s.preds[p].kind == PredKind::kMain || s.preds[p].kind == PredKind::kCoord))
      return p;
  }
  return -1;
}

bool IsClosingQuote(std::string_view w) { return w == "''" || w == "\"" || w == "\u201d"; }

}  // namespace

void CoderImpl::Classify(Scratch& s) const {
  const auto& it = s.items;
  const int n = static_cast<int>(it.size());
  s.preds.clear();
  s.pred_of_item.assign(n, -1);
  s.unit_end.assign(n, -1);
  std::vector<int> unit_start(n, -1);
  for (int k = 0; k < n; ++k) {
    if (it[k].kind != ItemKind::kNoun) continue;
    s.unit_end[k] = CoreUnitEnd(s, k);
  }
  // Unit start of each noun item (the leftmost unit that spans it).
  for (int k = 0; k < n;) {
    if (it[k].kind != ItemKind::kNoun) { ++k; continue; }
    int e = s.unit_end[k];
    for (int j = k; j < e; ++j) unit_start[j] = k;
    k = e;
  }
  for (int v = 0; v < n; ++v)
    if (it[v].kind == ItemKind::kVerb) ClassifyPred(s, v, unit_start);
  for (size_t q = 0; q < s.preds.size(); ++q) {
    if (s.preds[q].parent != kLaterMain) continue;
    s.preds[q].parent = -1;
    s.preds[q].kind = PredKind::kNone;
    for (size_t r = q + 1; r < s.preds.size(); ++r) {
      if (s.preds[r].kind == PredKind::kMain && s.preds[r].subj_core >= 0) {
        s.preds[q].parent = static_cast<int>(r);
        s.preds[q].kind = PredKind::kCoord;
        break;
      }
    }
  }
  ReducedRelativeBeforeClauseVerb(s);
  PromoteMain(s);
  MarkExistentials(s);
}

// "A report released Tuesday in the capital alleged that ...", "a study published in
// Gondor claimed ...": a lone past form after the subject, then only time phrases and
// prepositional phrases, then a verb that takes a clause. VBD and VBN look alike; the
// first is a reduced relative on the subject and the clause verb is the main verb, with
// that subject.
void CoderImpl::ReducedRelativeBeforeClauseVerb(Scratch& s) const {
  const auto& it = s.items;
  for (Pred& p : s.preds) {
    if (p.kind != PredKind::kRel || p.marker >= 0 || p.subj_first < 0) continue;
    const Item& vg = it[p.verb];
    if (vg.end - vg.first != 1 || !TakesClause(s.view.norm[vg.head])) continue;
    const int r = p.parent >= 0 ? p.parent : VerbPred(s, p.subj_first);
    if (r < 0) continue;
    Pred& first = s.preds[r];
    const Item& fg = it[first.verb];
    if (first.kind != PredKind::kMain || first.subj_core < 0 || fg.end - fg.first != 1 ||
        (s.view.pos[fg.head] != Pos::VBD && s.view.pos[fg.head] != Pos::VBN))
      continue;
    bool only_phrases = true;
    for (int j = first.verb + 1; j < p.verb && only_phrases; ++j) {
      const Item& x = it[j];
      only_phrases = x.kind == ItemKind::kAdv || x.kind == ItemKind::kPrep ||
                     (x.kind == ItemKind::kNoun && (x.temporal || it[j - 1].kind == ItemKind::kPrep));
    }
    if (!only_phrases) continue;
    p.kind = PredKind::kMain;
    p.parent = -1;
    p.subj_first = first.subj_first;
    p.subj_core = first.subj_core;
    p.subj_end = first.subj_end;
    first.kind = PredKind::kRel;
    first.weak = false;
  }
}

// The antecedent of the relative pronoun at item r: the noun group before it (a comma
// between), past a locative phrase ("received Kuwait's minister in Doha, who carried
// ...") and "of" complements ("the leader of the militia, who ..."); -1 if there is none
// (a pronoun, a time phrase, or a clause: "..., which angered Arnor").
int CoderImpl::Antecedent(const Scratch& s, int r) const {
  const auto& it = s.items;
  int j = r - 1;
  if (j >= 0 && it[j].kind == ItemKind::kComma) --j;
  auto noun = [&](int k) { return k >= 0 && it[k].kind == ItemKind::kNoun && !it[k].pronoun && !it[k].temporal; };
  if (!noun(j)) return -1;
  while (j >= 2 && it[j - 1].kind == ItemKind::kPrep && noun(j - 2) &&
         (s.view.word[it[j - 1].first] == w_of_ ||
          Lexical(dict::Lex::kLocativePreposition, s.view.norm[it[j - 1].first])))
    j -= 2;
  return j;
}

// "There were 12 soldiers killed in Gondor": a lone participle after the noun group of an
// existential "there be" is that group's passive predicate, not a reduced relative.
void CoderImpl::MarkExistentials(Scratch& s) const {
  const auto& it = s.items;
  for (Pred& p : s.preds) {
    if (p.kind != PredKind::kRel || p.subj_first < 0 || p.marker >= 0) continue;
    const Item& vg = it[p.verb];
    const Pos head = s.view.pos[vg.head];
    if (vg.end - vg.first != 1 || (head != Pos::VBN && head != Pos::VBD)) continue;
    int b = p.subj_first - 1;
    while (b >= 0 && it[b].kind == ItemKind::kAdv) --b;
    if (b < 1 || it[b].kind != ItemKind::kVerb || !(s.view.lex[it[b].head] & dict::Bit(dict::Lex::kBe))) continue;
    int e = b - 1;
    while (e >= 0 && it[e].kind == ItemKind::kAdv) --e;
    if (e < 0 || s.view.pos[it[e].first] != Pos::EX) continue;
    p.kind = PredKind::kExistential;
    p.parent = s.pred_of_item[b];
  }
}

// Whether the sentence loop codes predicate pi as an event of its own (its children are
// coded through it): main and coordinated clauses, and by the rules adverbial clauses
// that assert an event, subject relatives and existentials.
bool CoderImpl::CodedClause(const Scratch& s, int pi) const {
  const Pred& p = s.preds[pi];
  const auto& it = s.items;
  switch (p.kind) {
    case PredKind::kMain:
    case PredKind::kCoord:
      return true;
    case PredKind::kSub:
      return rules_.code_adverbial_clauses && p.subj_core >= 0 && p.marker >= 0 &&
             Lexical(dict::Lex::kAssertingSubordinator, s.view.norm[it[p.marker].first]);
    case PredKind::kRel:
      return rules_.code_relative_clauses && p.subj_core < 0 && p.antecedent >= 0 && it[p.verb].finite;
    case PredKind::kExistential:
      return rules_.code_existentials;
    default:
      return false;
  }
}

// The clause an adverbial clause hangs on: the nearest main or coordinated clause before
// its subordinator, else (a sentence-opening "After A seized B, C ...") the first one after.
int CoderImpl::Governor(const Scratch& s, int pi) const {
  const Pred& p = s.preds[pi];
  const int from = p.marker >= 0 ? p.marker : p.verb;
  const int before = TopPred(s, from);
  if (before >= 0) return before;
  for (size_t q = pi + 1; q < s.preds.size(); ++q)
    if (s.preds[q].kind == PredKind::kMain || s.preds[q].kind == PredKind::kCoord) return static_cast<int>(q);
  return -1;
}

// An adverbial clause is the circumstance of its governing clause's event ("Germany
// stopped aid to Afghanistan after the Taliban seized Kabul"): the gold sets list the
// governing event only. Its own event stands in only where the governing clause gave
// none ("... while A got ready to attend a summit in B"), as PETRARCH-2 uses the events
// of a verb's S/SBAR children only when the verb has no actor of its own
// (petrarch2-behaviour.md 2.6, step 4).
void CoderImpl::DropAdverbialsBesideEvents(Scratch& s) const {
  std::vector<uint8_t> drop;
  for (size_t q = 0; q < s.preds.size(); ++q) {
    if (s.preds[q].kind != PredKind::kSub) continue;
    const auto& r = s.proto_range[q];
    if (r.first == r.second) continue;
    const int g = Governor(s, static_cast<int>(q));
    if (g < 0 || s.proto_range[g].first == s.proto_range[g].second) continue;
    drop.resize(s.protos.size(), 0);
    for (uint32_t k = r.first; k < r.second; ++k) drop[k] = 1;
  }
  if (drop.empty()) return;
  size_t kept = 0;
  for (size_t k = 0; k < s.protos.size(); ++k) {
    if (drop[k]) continue;
    if (kept != k) s.protos[kept] = std::move(s.protos[k]);
    ++kept;
  }
  s.protos.resize(kept);
}

// The clause type of the verb group at item `v`, its parent and subject phrase.
void CoderImpl::ClassifyPred(Scratch& s, int v, const std::vector<int>& unit_start) const {
  const auto& it = s.items;
  Pred p;
  p.verb = v;
  s.pred_of_item[v] = static_cast<int>(s.preds.size());
  int k = v - 1;
  // Adverbs, and a time phrase right after a noun group ("Raisi Tuesday accused", "Iran
  // today condemned"), stand between the subject and its verb.
  while (k >= 0 && (it[k].kind == ItemKind::kAdv ||
                    (it[k].kind == ItemKind::kNoun && it[k].temporal && k > 0 && it[k - 1].kind == ItemKind::kNoun)))
    --k;
  const bool lone_vbg = it[v].end - it[v].first == 1 && s.view.pos[it[v].head] == Pos::VBG;
  if (k >= 0 && it[k].kind == ItemKind::kTo) {
    p.kind = PredKind::kInf;
    p.parent = VerbPred(s, k);
  } else if (k >= 0 && (it[k].kind == ItemKind::kConj ||
                        (it[k].kind == ItemKind::kComma && k > 0 && it[k - 1].kind == ItemKind::kConj))) {
    int parent = TopPred(s, k);
    if (parent < 0) parent = VerbPred(s, k);
    p.kind = parent >= 0 ? PredKind::kCoord : PredKind::kNone;
    if (parent >= 0 && s.preds[parent].kind != PredKind::kMain && s.preds[parent].kind != PredKind::kCoord)
      p.kind = s.preds[parent].kind;
    p.parent = parent;
  } else if (rules_.participle_clauses && k >= 0 && it[k].kind == ItemKind::kComma && lone_vbg &&
             TopPred(s, k) >= 0) {
    // "Gunmen attacked a convoy, killing five soldiers": a participle clause after the
    // main clause shares its subject.
    p.kind = PredKind::kCoord;
    p.parent = TopPred(s, k);
    p.trailing = true;
  } else if (rules_.participle_clauses && k >= 0 && it[k].kind == ItemKind::kSub && lone_vbg &&
             Lexical(dict::Lex::kParticipleSubordinator, s.view.norm[it[k].first]) && TopPred(s, k) >= 0) {
    // "take part in a press conference after consulting on ...": a subjectless
    // participle clause shares the main clause's subject.
    p.kind = PredKind::kCoord;
    p.parent = TopPred(s, k);
  } else if (k >= 0 && it[k].kind == ItemKind::kRel) {
    // A subject relative ("Gondor, which attacked Arnor"): its subject is the antecedent.
    p.kind = PredKind::kRel;
    p.marker = k;
    p.antecedent = Antecedent(s, k);
  } else if (!FindSubject(s, &k, v, unit_start, &p)) {
    if (rules_.participle_clauses && k < 0 && lone_vbg) {
      // "Saying that the regime commits genocide, he added ...": a sentence-initial
      // participle clause shares the subject of the main clause that follows (linked
      // in Classify, once that clause is known).
      p.kind = PredKind::kCoord;
      p.parent = kLaterMain;
    } else {
      p.kind = PredKind::kNone;
    }
  }
  s.preds.push_back(p);
}

// The subject phrase before the verb group `v` (*k_io: the item before it, adverbs
// skipped) and the clause type that the words before the subject give. False (p
// untouched; *k_io where the search ended, negative if it ran off the start) if there is
// no subject noun group.
bool CoderImpl::FindSubject(Scratch& s, int* k_io, int v, const std::vector<int>& unit_start, Pred* out) const {
  const auto& it = s.items;
  Pred& p = *out;
  int& k = *k_io;
  // Subject: the noun unit before the verb, skipping time PPs ("Arnor on Thursday
  // signed") and comma-delimited parentheticals ("Osgiliath, the state's fiercest foe,").
  while (k >= 0 && it[k].kind == ItemKind::kComma) {
    int k2 = k - 1;
    while (k2 >= 0 && it[k2].kind != ItemKind::kComma && it[k2].kind != ItemKind::kSub &&
           it[k2].kind != ItemKind::kRel)
      --k2;
    // "The rebels, who attacked a police post, kidnapped ...": a relative clause set off
    // by commas stands between the subject and its verb too.
    if (k2 > 1 && it[k2].kind == ItemKind::kRel && it[k2 - 1].kind == ItemKind::kComma &&
        it[k2 - 2].kind == ItemKind::kNoun)
      --k2;
    if (k2 > 0 && it[k2].kind == ItemKind::kComma && it[k2 - 1].kind == ItemKind::kNoun) {
      k = k2 - 1;
    } else {
      k = -2;
      return false;
    }
  }
  if (k < 0 || it[k].kind != ItemKind::kNoun) return false;
  const bool finite = it[v].finite;
  int start = unit_start[k] >= 0 ? unit_start[k] : k;
  if (finite && start < k) {
    // "Britain cut ties with Moscow and Australia imposed sanctions": a conjoined
    // noun unit that is the object of an earlier verb, then a finite verb. The last
    // conjunct is the subject of a new clause, not part of the earlier object.
    int back = start - 1;
    while (back >= 0 && (it[back].kind == ItemKind::kNoun || it[back].kind == ItemKind::kPrep ||
                         it[back].kind == ItemKind::kAdv))
      --back;
    if (back >= 0 && it[back].kind == ItemKind::kVerb && back < start - 1) {
      for (int j = k; j > start; --j) {
        if (it[j].kind == ItemKind::kConj) {
          start = j + 1;
          break;
        }
      }
    }
  }
  int core = start;
  // "Soldiers from Gondor", "activists in Arnor", "Arnor on Thursday", and "to" after an
  // adjective that ends a noun group ("fighters loyal to Gondor", "groups close to Arnor").
  while (core >= 2 && it[core - 1].kind == ItemKind::kPrep && it[core - 2].kind == ItemKind::kNoun &&
         (s.view.word[it[core - 1].first] != w_to_ || IsAdjective(s.view.pos[it[core - 2].end - 1]))) {
    core = unit_start[core - 2] >= 0 ? unit_start[core - 2] : core - 2;
  }
  p.subj_first = core;
  p.subj_end = s.unit_end[core] > 0 ? std::min(s.unit_end[core], v) : core + 1;
  p.subj_core = core;
  int b = core - 1;
  while (b >= 0 && it[b].kind == ItemKind::kAdv) --b;
  if (b < 0 || it[b].kind == ItemKind::kComma || it[b].kind == ItemKind::kPunct ||
      it[b].kind == ItemKind::kConj || it[b].kind == ItemKind::kOther) {
    p.kind = PredKind::kMain;
    // A closing quotation mark before the subject ('..., " al-Soudani said') opens
    // an attribution clause just as a comma does.
    const bool closing_quote = b > 0 && (it[b].kind == ItemKind::kOther || it[b].kind == ItemKind::kPunct) &&
                               IsClosingQuote(s.view.norm[it[b].first]);
    // "..., X said": attribution at the end is never coded.
    if (b >= 0 && (it[b].kind == ItemKind::kComma || closing_quote) && b > 0 &&
        Lexical(dict::Lex::kSayingVerb, s.view.norm[it[v].head]))
      p.kind = PredKind::kAttribution;
  } else if (it[b].kind == ItemKind::kSub && s.view.norm[it[b].first] == "THAT") {
    p.kind = PredKind::kEmbedded;
    p.parent = VerbPred(s, b);
  } else if (it[b].kind == ItemKind::kVerb) {
    p.kind = PredKind::kEmbedded;
    p.parent = s.pred_of_item[b];
    // "issued arrest warrants for two Brazilian men sought in ...": a lone past form
    // after an object of a verb that takes no clause is a reduced relative (VBD/VBN
    // look alike), not a "that"-less complement as after "said Gondor attacked".
    if (it[v].end - it[v].first == 1 && s.view.pos[it[v].head] == Pos::VBD &&
        !TakesClause(s.view.norm[it[b].head]))
      p.kind = PredKind::kRel;
  } else if (it[b].kind == ItemKind::kSub) {
    p.kind = PredKind::kSub;
    p.marker = b;
  } else if (it[b].kind == ItemKind::kRel || it[b].kind == ItemKind::kPrep) {
    p.kind = PredKind::kRel;
    if (it[b].kind == ItemKind::kRel) p.marker = b;
  } else {
    p.kind = PredKind::kMain;
  }
  // After "that" a lone past form is the clause's finite verb ("said that American
  // warships attacked Yemen"), whatever VBD/VBN tag it has.
  const bool after_that = p.kind == PredKind::kEmbedded && it[b].kind == ItemKind::kSub &&
                          it[v].end - it[v].first == 1 &&
                          (s.view.pos[it[v].head] == Pos::VBN || s.view.pos[it[v].head] == Pos::VBD);
  if (!finite && !after_that) {
    // Participles: a reduced relative or participial modifier unless it opens the
    // sentence after its subject and no finite verb follows.
    // A fronted phrase before the subject ("On 16 January 2023, police arrested ...") is
    // still the sentence's opening: no verb before the comma.
    bool opening = b < 0;
    if (!opening && it[b].kind == ItemKind::kComma) {
      opening = true;
      for (int j = 0; j < b && opening; ++j) opening = it[j].kind != ItemKind::kVerb;
    }
    if (p.kind == PredKind::kMain && opening) p.weak = true;
    else p.kind = PredKind::kRel;
  }
  return true;
}

// Participles read as main verbs give way to a finite main verb.
void CoderImpl::PromoteMain(Scratch& s) const {
  const auto& it = s.items;
  bool strong_main = false;
  for (const Pred& p : s.preds)
    if (p.kind == PredKind::kMain && !p.weak) strong_main = true;
  if (!strong_main) {
    // "Raisi referring to the daily improvement of relations thanked the Iraqi PM": a
    // participle right after the sentence's subject, then a finite verb whose nearest noun
    // is the participle's object. The finite verb is the main verb, with the first subject.
    for (size_t w = 0; w < s.preds.size() && !strong_main; ++w) {
      Pred& weak = s.preds[w];
      if (!(weak.kind == PredKind::kMain && weak.weak) || s.view.pos[it[weak.verb].head] != Pos::VBG) continue;
      for (size_t q = w + 1; q < s.preds.size(); ++q) {
        Pred& p = s.preds[q];
        if (!it[p.verb].finite) continue;
        if (p.kind == PredKind::kRel && p.subj_core > weak.verb) {
          p.kind = PredKind::kMain;
          p.subj_first = weak.subj_first;
          p.subj_core = weak.subj_core;
          p.subj_end = weak.subj_end;
          weak.kind = PredKind::kRel;
          weak.weak = false;
          strong_main = true;
        }
        break;
      }
    }
  }
  if (strong_main)
    for (Pred& p : s.preds)
      if (p.weak) p.kind = PredKind::kRel;
}

// Where the target search of predicate `pi` stops: at the next main, coordinated or
// attribution clause (at a coordinated one, before its conjunction).
int CoderImpl::TargetScopeEnd(const Scratch& s, int pi) const {
  const auto& it = s.items;
  const int n = static_cast<int>(it.size());
  const int v = s.preds[pi].verb;
  for (int j = v + 1; j < n; ++j) {
    // Never a target from inside a relative clause ("would support any action that
    // prevents the Israeli regime ..." targets no one).
    if (rules_.no_target_in_relative && it[j].kind == ItemKind::kRel) return j;
    if (it[j].kind == ItemKind::kVerb) {
      int q = s.pred_of_item[j];
      if (q >= 0 && (s.preds[q].kind == PredKind::kCoord || s.preds[q].kind == PredKind::kMain ||
                     s.preds[q].kind == PredKind::kAttribution)) {
        if (s.preds[q].kind == PredKind::kCoord) {
          int k = j - 1;
          while (k > v && (it[k].kind == ItemKind::kAdv || it[k].kind == ItemKind::kConj ||
                           it[k].kind == ItemKind::kComma))
            --k;
          return k + 1;
        }
        if (s.preds[q].subj_first > v) return s.preds[q].subj_first;
        return j;
      }
    }
  }
  return n;
}

}  // namespace annalist
