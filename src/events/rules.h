// Coding rules: the behaviour that differs between PETRARCH-2-compatible coding (the
// field's dictionaries and the validation gold's conventions) and coding with annalist's
// own knowledge base. The pipeline chooses one set from the dictionaries it loaded
// (src/core/pipeline.cc); the coder never infers it from what the data happens to hold.
#ifndef ANNALIST_EVENTS_RULES_H_
#define ANNALIST_EVENTS_RULES_H_

namespace annalist {

struct CodingRules {
  // ---- mentions (actors, coreference)
  // Person coreference across the story: bare surnames, transliteration variants, titles
  // ("the Iraqi PM"), he/she only to persons and it/they never to one, first person
  // inside a quotation to its speaker. Needs person entries (knowledge base).
  bool coreference = false;
  // A capitalised word inside a country / person match is a name whatever its tag
  // ("Beijing accused": -ing read as VBG), and a dictionary past form right after a
  // sentence-initial actor is the main verb ("Jordan sent aid").
  bool retag_inside_names = false;
  // Places are recognised by actor kind (country, territory, region, capital) and
  // demonyms are told apart from place names; otherwise a bare country code named by a
  // noun that ends its phrase stands for a place (PETRARCH-2 dictionaries have no kinds).
  bool places_by_kind = false;
  // An agent word modifying an act or a thing is no target ("pledged military aid to B",
  // "lodged an official protest with B"; "government forces" still are):
  // CoderImpl::DropModifierAgents.
  bool agent_heads_only = false;

  // ---- clauses
  // A subjectless participle clause ("after consulting on ...", sentence-initial "Saying
  // that ...") shares the subject of the clause it hangs on and is coded.
  bool participle_clauses = false;
  // No target is taken from inside a relative clause after the verb.
  bool no_target_in_relative = false;
  // Adverbial clauses with their own subject are coded like main clauses, when their
  // subordinator asserts the event (data/kb/lexicon/asserting_subordinators.txt: "while",
  // "after", not "if", "until"), the event names both sides with their countries
  // (CoderImpl::CodeSentence) and the governing clause gives no event of its own
  // (DropAdverbialsBesideEvents: the gold sets list the governing event, "Germany stopped
  // aid to Afghanistan after the Taliban seized Kabul"). The governing verb may still
  // take its target from the clause, as the gold sets do ("raised its alert level after
  // North Korea fired ...": KOR -> PRK; COMMA-05). Knowledge base only: PETRARCH-2 nests
  // the events of an SBAR with its own subject (petrarch2-behaviour.md 2.6); measured
  // with the Phoenix dictionaries, the GSR news held part lost one event's precision
  // (root F1 0.923 -> 0.889) even with the governing-clause rule.
  bool code_adverbial_clauses = false;
  // A subject relative clause ("X, which attacked Y", "X who attacked Y") is coded with
  // its antecedent X as the subject.
  bool code_relative_clauses = false;
  // "there were N soldiers killed in B": the participle after an existential is coded as
  // a passive clause with the noun group as its subject.
  bool code_existentials = false;
  // Comma deletion keeps the comma clauses coded above: those opening with a relative
  // pronoun or an -ing participle ("..., which shelled B", "..., killing five soldiers").
  bool keep_clause_commas = false;

  // ---- reported speech
  // "X said (that) Y did Z" is Y's event attributed to X (PETRARCH-2 folds it into X -> Y
  // with the outer code, as its gold expects); denials negate the reported event, and
  // reporting the other side's hostile act is an accusation (112).
  bool reported_speech = false;
  // "warned North Korea that ...": the addressee before the clause is the target.
  bool addressee_target = false;
  // A bare statement about an unresolved "it"/"they" or about a clause with no coded
  // subject is not coded.
  bool drop_weak_statements = false;

  // ---- targets
  // "with the support of X": an accomplice, not the target.
  bool skip_accomplices = false;
  // Country-less own forces ("deployed troops") are targets of last resort for posture
  // and provision (roots 15, 07).
  bool own_forces_last = false;
  // "protesters in Tehran": the agent takes the place's country; a place in a locative PP
  // is a target of last resort, coded as its country; a pattern's place PP likewise.
  bool locative_places = false;
  // A target of the source's own country ("recalled Brazil's ambassador") gives way to
  // another actor later in the clause.
  bool skip_own_country_target = false;

  // ---- event semantics
  // "wants Putin to attack": an intent about another's act is an appeal (020).
  bool intent_for_other_is_appeal = false;
  // "urged B to negotiate with C": an appeal to B takes the sub-code of B's act (026),
  // for cooperative acts (roots 04-08).
  bool object_control_appeals = false;
  // "would not let threats against Iran": refusing to permit hostile acts is a promise.
  bool refusal_to_permit_is_promise = false;
  // Consult, meet, negotiate (040, 044, 046) are mutual: both directions.
  bool mutual_meetings = false;
  // "his visit to Tehran": a possessed visit noun is the possessor's visit (042).
  bool possessed_visits = false;
  // Events expressed by nouns (src/events/nominal.cc): a light verb with an event noun
  // ("launched a mediation effort between B and C", "renewed negotiations with B") and an
  // event noun between two actors ("clashes between A and B"); the noun's verb gives the
  // code (data/kb/lexicon/event_nouns.txt, from WordNet's derivational links).
  bool nominal_events = false;

  // ---- one-sided events and actor countries (issue "Real news")
  // An event with a known source and no target is kept whatever require_dyad says ("a
  // protest with no named target", "X resigned"), as ACLED and POLECAT code them; the
  // event says so (Event::one_sided). Only asserted events (no future or conditional
  // modality) and no consultation without a counterpart (CoderImpl::KeepsOneSided, Emit).
  // PETRARCH-2 keeps require_dyad's meaning.
  bool one_sided_events = false;
  // An actor without a country ("---COP", "---OPP", gunmen) takes the country of the
  // event's place: a place named in its clause, else the story's dateline; the actor
  // says how (ActorRef::country_how "place" / "dateline").
  bool country_from_location = false;

  // ---- modality (issue "Real news"; src/events/modality.cc, words in data/kb/lexicon)
  // What a subject commits itself to is the event: "A will support B's bid", "is ready to
  // send aid" are intents (03x); "would block roads", "will pull out unless ..." threats
  // (13x); "X said Y must extradite ..." X's demand of Y (10x); "failed to agree" the
  // agreement negated. PETRARCH-2 codes "will X" as X (its gold does).
  bool modal_events = false;

  // PETRARCH-2 compatible: the conventions of the validation gold
  // (petrarch2-behaviour.md 5.2), nothing the old dictionary format cannot support.
  static CodingRules Petrarch() { return CodingRules{}; }

  // annalist's own knowledge base (data/kb): every rule above.
  static CodingRules KnowledgeBase() {
    CodingRules r;
    r.coreference = r.retag_inside_names = r.places_by_kind = r.agent_heads_only = true;
    r.participle_clauses = r.no_target_in_relative = true;
    r.code_adverbial_clauses = r.code_relative_clauses = r.code_existentials = r.keep_clause_commas = true;
    r.reported_speech = r.addressee_target = r.drop_weak_statements = true;
    r.skip_accomplices = r.own_forces_last = r.locative_places = r.skip_own_country_target = true;
    r.intent_for_other_is_appeal = r.refusal_to_permit_is_promise = r.object_control_appeals = true;
    r.mutual_meetings = r.possessed_visits = r.nominal_events = true;
    r.one_sided_events = r.country_from_location = true;
    r.modal_events = true;
    return r;
  }
};

}  // namespace annalist

#endif  // ANNALIST_EVENTS_RULES_H_
