// Mentions: discards, the actors named by a noun phrase, new actors, and the subjects of
// the sentence's predicates with pronouns and persons resolved across the story.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "events/coder_impl.h"

namespace annalist {

using namespace events_internal;  // NOLINT: internal to this stage

// Discards (1.6). P2 matches them on whitespace-split words of the raw sentence, so a
// phrase only counts where each of its tokens stands alone between spaces ("years ago,"
// with the comma glued on does not discard, "baseball." neither: AFP0808020705_1) and
// where another word follows. Checked on the token spans: no per-token allocation.
bool CoderImpl::Discarded(const Document& doc, const Sentence& sent, Scratch& s, DocState& st) const {
  const std::string& text = doc.text;
  auto space_at = [&](uint32_t byte) {
    return byte < text.size() && (text[byte] == ' ' || text[byte] == '\t' || text[byte] == '\n' ||
                                  text[byte] == '\r');
  };
  auto whole_words = [&](uint32_t first, size_t length) {
    const uint32_t a = sent.first_token + first;
    const uint32_t b = a + static_cast<uint32_t>(length);  // exclusive
    if (b >= sent.first_token + sent.size()) return false;  // must be followed by a word
    const uint32_t begin = doc.tokens[a].span.begin;
    if (begin > 0 && !space_at(begin - 1)) return false;
    for (uint32_t t = a; t < b; ++t)
      if (!space_at(doc.tokens[t].span.end)) return false;
    return true;
  };
  for (uint32_t i = 0; i < s.words.size(); ++i) {
    if (s.words[i] == kNoWord) continue;
    bool hit = false, story = false;
    d_.discard_trie.ForEachMatch(s.words.data() + i, s.words.size() - i,
                                 [&](size_t length, const std::vector<uint32_t>& values) {
                                   if (!whole_words(i, length)) return;
                                   hit = true;
                                   for (uint32_t v : values)
                                     if (v < d_.discards.size() && d_.discards[v].story) story = true;
                                 });
    if (story) st.story_discarded = true;
    if (hit && Debug()) std::fprintf(stderr, "discard at token %u story=%d\n", i, story ? 1 : 0);
    if (hit) return true;
  }
  return false;
}

void CoderImpl::Actors(const Document& doc, const Scratch& s, int first_item, int end_item,
                       std::vector<CodedActor>* out) const {
  out->clear();
  if (first_item < 0 || end_item <= first_item) return;
  const uint32_t a = s.view.tok[s.items[first_item].first];
  const uint32_t b = s.view.tok[s.items[end_item - 1].end - 1] + 1;
  NounPhraseActors(s.matches, doc, a, b, out);
  out->erase(std::remove_if(out->begin(), out->end(), [](const CodedActor& c) { return c.code.empty(); }),
             out->end());
}

// An agent word names no actor as the modifier of a thing or an act: "pledged military aid
// to B", "lodged an official protest with B", "called a general strike" hold no target in
// "military", "official", "general". The head decides: an event noun
// (data/kb/lexicon/event_nouns.txt) or a thing an agent word often modifies
// (modified_heads.txt). Only country-less entries (agents alone) go; "Iranian military
// aid" keeps its country. Targets only: as a subject, "police raids killed ..." names the
// doer.
void CoderImpl::DropModifierAgents(const Document& doc, const Scratch& s, int first_item, int end_item,
                                   std::vector<CodedActor>* out) const {
  auto agent_at = [&](uint32_t token) {
    for (const ActorMatch& m : s.matches)
      if (m.first_token <= token && token < m.end_token) return true;
    return false;
  };
  auto thing_head = [&](uint32_t view_index) {
    const std::string_view norm = s.view.norm[view_index];
    const std::string_view lemma = doc.tokens[s.view.tok[view_index]].lemma;
    return !lexicon_->Link(dict::Lex::kEventNoun, norm).empty() ||
           !lexicon_->Link(dict::Lex::kEventNoun, lemma).empty() || Lexical(dict::Lex::kModifiedHead, norm) ||
           Lexical(dict::Lex::kModifiedHead, lemma);
  };
  out->erase(std::remove_if(out->begin(), out->end(),
                            [&](const CodedActor& c) {
                              if (c.has_actor || c.end_token <= c.first_token) return false;
                              for (int k = first_item; k < end_item; ++k) {
                                const Item& ng = s.items[k];
                                if (ng.kind != ItemKind::kNoun) continue;
                                const uint32_t first = s.view.tok[ng.first], head = s.view.tok[ng.head];
                                if (c.first_token < first || c.first_token > head) continue;
                                return head >= c.end_token && !agent_at(head) &&
                                       (s.view.pos[ng.head] == Pos::NN || s.view.pos[ng.head] == Pos::NNS) &&
                                       thing_head(ng.head);
                              }
                              return false;
                            }),
             out->end());
}

// PETRARCH-1 new actors (new_actor_length, petrarch2-behaviour.md 2.10): an uncoded noun
// phrase in the source or target position of at most N words becomes an actor whose code
// is its upper-cased text in double quotes ("\"THE MINISTRY OF MAGIC\"", gold ACTOR-01).
// Words are the word tokens of the phrase, determiners and "of" complements included, the
// possessive 's and punctuation not ("Gryffindor's head Minerva McGonagall" = 4 words).
// Only noun-headed groups: pronouns, numbers and time words name no one.
bool CoderImpl::NewActor(const Document& doc, const Scratch& s, int first_item, int end_item,
                         std::vector<CodedActor>* out) const {
  const int limit = doc.options.new_actor_length;
  if (limit <= 0 || first_item < 0 || end_item <= first_item ||
      end_item > static_cast<int>(s.items.size()))
    return false;
  const Item& head = s.items[first_item];
  if (head.kind != ItemKind::kNoun || head.pronoun || head.temporal || !IsNoun(s.view.pos[head.head]))
    return false;
  CodedActor a;
  a.code.push_back('"');
  int words = 0;
  const uint32_t first = head.first, end = s.items[end_item - 1].end;
  for (uint32_t i = first; i < end; ++i) {
    if (s.view.pos[i] == Pos::POS) continue;
    const std::string_view w = s.view.norm[i];
    bool word = false;
    for (char c : w) word |= std::isalnum(static_cast<unsigned char>(c)) != 0 || (c & 0x80) != 0;
    if (!word) continue;
    if (++words > limit) return false;
    if (words > 1) a.code.push_back(' ');
    a.code.append(w);
  }
  if (words == 0) return false;
  a.code.push_back('"');
  a.first_token = s.view.tok[first];
  a.end_token = s.view.tok[end - 1] + 1;
  a.has_actor = true;
  a.actor_end = static_cast<uint32_t>(a.code.size());
  out->clear();
  out->push_back(std::move(a));
  return true;
}

namespace {

bool AllPersons(const std::vector<CodedActor>& v) {
  if (v.empty()) return false;
  for (const CodedActor& a : v)
    if (a.person == kNoPerson) return false;
  return true;
}

}  // namespace

// The last person named in the story, as a subject, for "he"/"she" when no person
// subject came before (coreference).
std::vector<CodedActor> CoderImpl::StoryPerson(const Document& doc, const DocState& st,
                                               uint32_t pronoun_token) const {
  std::vector<CodedActor> r;
  if (st.story.persons.empty()) return r;
  const uint32_t person = st.story.persons.back();
  CodedActor a;
  a.code = d_.actors[person].CodeFor(doc.date);
  for (const dict::DatedCode& dated : d_.actors[person].restricted)
    if (doc.date != 0 && !dated.code.empty() && dated.Holds(doc.date)) {
      a.code = dated.code;
      break;
    }
  if (a.code.empty()) return r;
  a.first_token = pronoun_token;
  a.end_token = pronoun_token + 1;
  a.has_actor = true;
  a.actor_end = static_cast<uint32_t>(a.code.size());
  a.person = a.actor = person;
  r.push_back(a);
  return r;
}

// Subjects, in order, with pronouns resolved to the enclosing clause or the previous one.
void CoderImpl::ResolveSubjects(const Document& doc, Scratch& s, const DocState& st) const {
  const auto& it = s.items;
  int last_top = -1;
  for (size_t q = 0; q < s.preds.size(); ++q) {
    Pred& p = s.preds[q];
    p.subject.clear();
    p.subject_how.clear();
    if ((p.kind == PredKind::kCoord || p.kind == PredKind::kInf) && p.parent >= 0 && p.subj_core < 0) {
      p.subject = s.preds[p.parent].subject;
      p.subject_how = s.preds[p.parent].subject_how;
      continue;
    }
    if (p.subj_core < 0 && p.antecedent >= 0) {
      UnitActors(doc, s, p.antecedent, &p.subject);  // a subject relative: its antecedent
      continue;
    }
    if (p.subj_core < 0) continue;
    const Item& core = it[p.subj_core];
    if (core.pronoun) {
      const std::string_view w = s.view.norm[core.first];
      const bool personal = Lexical(dict::Lex::kPersonalPronoun, w);
      if (personal || Lexical(dict::Lex::kImpersonalPronoun, w)) {
        if (p.kind == PredKind::kEmbedded && p.parent >= 0) p.subject = s.preds[p.parent].subject;
        else if (last_top >= 0) p.subject = s.preds[last_top].subject;
        else p.subject = st.last_subject;
        if (rules_.coreference) {
          // He/she only to a person, it/they never to one (issue 3 item 4c).
          if (personal && !AllPersons(p.subject)) {
            p.subject = st.last_person_subject;
            if (p.subject.empty()) p.subject = StoryPerson(doc, st, s.view.tok[core.first]);
          } else if (!personal && AllPersons(p.subject) && !(w == "THEY" && p.subject.size() >= 2)) {
            // "they" may be several persons ("Obama and Putin said they will ..."), "it" never.
            p.subject = st.last_other_subject;
          }
        }
        p.subject_how = "pronoun";
      } else if (rules_.coreference && !s.speaker.empty() && Lexical(dict::Lex::kFirstPersonPronoun, w)) {
        // First person inside a quotation: its speaker.
        p.subject = s.speaker;
        p.subject_how = "pronoun";
      }
    } else {
      Actors(doc, s, p.subj_core, p.subj_end, &p.subject);
      bool has_actor = false;
      for (const auto& a : p.subject) has_actor |= a.has_actor;
      if (!has_actor && p.subj_first >= 0 && p.verb > p.subj_end) {
        // Up to the verb, but never into a relative clause ("The rebels, who attacked a
        // police post in Mali, kidnapped ...": the post is no part of the subject).
        int stop = p.subj_end;
        while (stop < p.verb && it[stop].kind != ItemKind::kRel) ++stop;
        if (stop < p.verb && stop > p.subj_end && it[stop - 1].kind == ItemKind::kComma) --stop;
        s.tmp.clear();
        Actors(doc, s, p.subj_core, stop, &s.tmp);
        bool ext = false;
        for (const auto& a : s.tmp) ext |= a.has_actor;
        if (ext) p.subject = s.tmp;
      }
      // An uncoded subject noun phrase as a new actor (new_actor_length, 2.10).
      if (p.subject.empty()) NewActor(doc, s, p.subj_core, p.subj_end, &p.subject);
    }
    if (p.kind == PredKind::kMain && !p.subject.empty()) last_top = static_cast<int>(q);
  }
  // Participle clauses before their main clause (Classify): the subject is known now.
  for (Pred& p : s.preds) {
    if (p.kind == PredKind::kCoord && p.parent > 0 && &s.preds[p.parent] > &p && p.subject.empty()) {
      p.subject = s.preds[p.parent].subject;
      p.subject_how = s.preds[p.parent].subject_how;
    }
  }
}

// What the sentence tells the rest of the story: the last main subject, and with
// coreference the last person / non-person subject of a clause and every person named.
void CoderImpl::NoteStory(Scratch& s, DocState& st) const {
  for (size_t q = 0; q < s.preds.size(); ++q) {
    if (s.preds[q].kind == PredKind::kMain && HasActor(s.preds[q].subject)) {
      st.last_subject = s.preds[q].subject;
      break;
    }
  }
  if (!rules_.coreference) return;
  for (const Pred& p : s.preds) {
    if (p.kind != PredKind::kMain && p.kind != PredKind::kCoord && p.kind != PredKind::kEmbedded &&
        p.kind != PredKind::kAttribution)
      continue;
    if (!HasActor(p.subject)) continue;
    if (AllPersons(p.subject)) st.last_person_subject = p.subject;
    else st.last_other_subject = p.subject;
  }
  for (const ActorMatch& m : s.matches)
    if (m.person != kNoPerson) st.story.NotePerson(m.person);
}

}  // namespace annalist
