// The coder's stages and the per-sentence layers they leave (internal to src/events).
//
// Per sentence, in order (CoderImpl::CodeSentence in coder.cc):
//   mentions  (mentions.cc)   discards, actor and agent matches, subjects with pronouns and
//                             coreference resolved                    -> Scratch::matches
//   clauses   (clauses.cc)    sentence view after comma deletion, chunks, predicates with
//                             clause type and subject                 -> Scratch::preds,
//                                                                        Document::clauses
//   quotes    (quotes.cc)     the speaker of an attribution; reported speech as the
//                             inner event                             -> Scratch::speaker
//   events    (predicate.cc, complement.cc, targets.cc)  verb patterns, source and
//                             target per predicate                    -> Scratch::protos
//   location  (location.cc)   the place of each event's clause, else the dateline
//   emit      (emit.cc)       protos -> Event, issues
// Behaviour that differs between PETRARCH-2 and knowledge-base coding is read from
// CodingRules (rules.h), English words from the Lexicon (dict/lexicon.h).
#ifndef ANNALIST_EVENTS_CODER_IMPL_H_
#define ANNALIST_EVENTS_CODER_IMPL_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actors/actor_matcher.h"
#include "actors/name_variants.h"
#include "annalist/document.h"
#include "annalist/event.h"
#include "dict/dictionary.h"
#include "dict/lexicon.h"
#include "events/coder_internal.h"
#include "events/rules.h"

namespace annalist {
namespace events_internal {

// ANNALIST_CODER_DEBUG=1 prints chunks, predicates and pattern choices on stderr.
bool Debug();

// A predicate's place in the sentence (Classify): main clause, a predicate coordinated
// with one before it, an infinitive, a relative clause, an adverbial (subordinate) clause,
// a complement ("said that ..."), a trailing attribution ("..., X said"), the participle
// after an existential "there be" ("there were N soldiers killed"), or unattached.
enum class PredKind : uint8_t { kMain, kCoord, kInf, kRel, kSub, kEmbedded, kAttribution, kExistential, kNone };
// Pred::parent of a sentence-initial participle until its main clause is found.
constexpr int kLaterMain = -3;

struct Pred {
  int verb = -1;          // item index
  PredKind kind = PredKind::kNone;
  int parent = -1;        // pred index (infinitive, embedded, coordinated)
  int subj_first = -1;    // item range of the subject phrase
  int subj_end = -1;
  int subj_core = -1;     // core noun item of the subject
  int antecedent = -1;    // subject relative ("X, which attacked Y"): the noun item of X
  int marker = -1;        // adverbial or relative clause: the item of its subordinator
  bool trailing = false;  // a participle clause after its main clause ("..., killing five")
  bool weak = false;      // participle read as a main verb
  std::vector<CodedActor> subject;  // resolved
  std::string subject_how;
};

// An event in the making: actors, code and provenance, before it becomes Events.
struct Proto {
  std::vector<CodedActor> src, tgt;
  std::string code, paired;
  dict::SourceRef ref;
  int verb = -1;
  int pred = -1;  // the clause (Scratch::preds) whose locative PPs give Event::location
  int noun = -1;  // nominal event (nominal.cc): the event noun's item, the event's "verb"
  bool negated = false;
  bool intent = false;
  Modality modality = Modality::kNone;
  bool compound = false;   // events between the subject's members
  const char* src_how = "dictionary";
  // Reported speech: the speaker of "X said (that) Y did Z" on Y's event.
  std::vector<CodedActor> speaker;
  // Confidence (Event::confidence), a simple multiplicative heuristic: start from how the
  // code was chosen (0.9 a verb pattern matched, so the verb's sense was confirmed by its
  // arguments; 0.75 the verb's block code alone), then lower it for each weaker link:
  // target taken from a distant phrase or a PP rather than the direct object (x0.9, and
  // x0.85 more than six chunks after the verb), from a complement clause (x0.85), a
  // passive without a by-agent (x0.7), an infinitive's object (x0.9), events between the
  // members of a compound subject (x0.85); in Emit, a pronoun source (x0.8), an actor that
  // is only an agent with no country (x0.9), and conditional / future modality (x0.9 /
  // x0.95). Both actors in one clause with a matched pattern keep 0.9.
  double confidence = 0.8;
};

// Per-thread scratch, reused sentence after sentence: the layers of the current sentence.
struct Scratch {
  SentenceView view;
  std::vector<uint8_t> keep;
  std::vector<dict::WordId> words;
  std::vector<ActorMatch> matches;  // mentions layer
  std::vector<Item> items;          // chunks
  std::vector<Pred> preds;          // clauses layer
  std::vector<int> pred_of_item;
  std::vector<int> unit_end;  // per noun item: end item of its core unit
  std::vector<CodedActor> speaker;  // quotes layer: the speaker of an attribution
  std::vector<CodedActor> tmp;
  std::vector<CodedActor> place;  // Event::location candidates
  std::vector<uint32_t> cand;
  MatchContext ctx;
  std::string buf;
  std::vector<Proto> protos;        // events layer, before emission
  // Per predicate: the protos [first, end) its clause gave (CodeSentence).
  std::vector<std::pair<uint32_t, uint32_t>> proto_range;
  std::vector<uint8_t> pred_events;  // per pred: CodePred gave it an event with a source
};

// What the story has said so far (coreference across sentences).
struct DocState {
  std::vector<CodedActor> last_subject;
  // Knowledge base: the last subject that was a person / was not, for he-she / it-they.
  std::vector<CodedActor> last_person_subject, last_other_subject;
  StoryContext story;
  bool story_discarded = false;
  Event::Location dateline;  // the dateline place, the fallback Event::location
};

// CAMEO negation (petrarch2-behaviour.md 2.8); nullptr if the code has no negative.
const char* NegateCode(std::string_view code);
// Root of a CAMEO code as a number ("112" -> 11); -1 if not numeric.
int Root(std::string_view code);
// Verb + infinitive ("promised to help"): the combined code.
std::string Combine(const std::string& upper, const std::string& lower);
bool HasActor(const std::vector<CodedActor>& actors);
// Consult, meet at a third place, negotiate (CAMEO 040, 044, 046): acts of both sides.
inline bool MeetingCode(std::string_view code) { return code == "040" || code == "044" || code == "046"; }

// Everything CodePred's cases share about one predicate being coded.
struct PredCall {
  int pi = -1;
  int target_end = 0;
  int inf = -1, emb = -1;  // child predicates: infinitive, complement clause
  const dict::Verb* verb = nullptr;
  uint32_t particle_end = 0;
  std::string code, paired;
  dict::SourceRef ref;
  bool coded = false, pattern = false, null_code = false;
  MatchResult match;
  Proto event;  // source, verb, negation and modality filled
};

}  // namespace events_internal

class CoderImpl {
 public:
  CoderImpl(const dict::Dictionaries& d, const CodingRules& rules, std::shared_ptr<const dict::Lexicon> lexicon);
  void CodeDocument(Document* doc, std::vector<Event>* events) const;

 private:
  using Scratch = events_internal::Scratch;
  using DocState = events_internal::DocState;
  using Proto = events_internal::Proto;
  using PredCall = events_internal::PredCall;

  void CodeSentence(Document* doc, uint32_t sentence_index, Scratch& s, DocState& st,
                    std::vector<Event>* events) const;

  // mentions.cc
  bool Discarded(const Document& doc, const Sentence& sent, Scratch& s, DocState& st) const;
  void Actors(const Document& doc, const Scratch& s, int first_item, int end_item,
              std::vector<CodedActor>* out) const;
  void DropModifierAgents(const Document& doc, const Scratch& s, int first_item, int end_item, std::vector<CodedActor>* out) const;
  bool NewActor(const Document& doc, const Scratch& s, int first_item, int end_item,
                std::vector<CodedActor>* out) const;
  std::vector<CodedActor> StoryPerson(const Document& doc, const DocState& st, uint32_t pronoun_token) const;
  void ResolveSubjects(const Document& doc, Scratch& s, const DocState& st) const;
  void NoteStory(Scratch& s, DocState& st) const;
  bool Lexical(dict::Lex lex, std::string_view word) const { return lexicon_->Is(lex, word); }

  // clauses.cc
  void BuildView(const Document& doc, const Sentence& sent, Scratch& s) const;
  void RetagNounsBeforeVerbs(Scratch& s) const;
  int CoreUnitEnd(const Scratch& s, int k) const;
  void Classify(Scratch& s) const;
  void ClassifyPred(Scratch& s, int v, const std::vector<int>& unit_start) const;
  bool FindSubject(Scratch& s, int* k_io, int v, const std::vector<int>& unit_start, events_internal::Pred* p) const;
  void PromoteMain(Scratch& s) const;
  void ReducedRelativeBeforeClauseVerb(Scratch& s) const;
  int Antecedent(const Scratch& s, int rel_item) const;
  void MarkExistentials(Scratch& s) const;
  bool CodedClause(const Scratch& s, int pi) const;
  int Governor(const Scratch& s, int pi) const;
  void DropAdverbialsBesideEvents(Scratch& s) const;
  int TargetScopeEnd(const Scratch& s, int pi) const;

  // clause_layer.cc
  ClauseType TypeOf(const Scratch& s, int pi) const;
  void ExportClauses(const Scratch& s, uint32_t sentence_index, Document* doc) const;

  // quotes.cc
  bool TakesClause(std::string_view verb) const { return Lexical(dict::Lex::kClauseVerb, verb); }
  void FindSpeaker(const Document& doc, const Sentence& sent, Scratch& s, const DocState& st) const;
  bool CodeReportedSpeech(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>& inner,
                          std::vector<Proto>* out) const;

  // predicate.cc
  void CodePred(const Document& doc, Scratch& s, int pi, std::vector<Proto>* out) const;
  bool KeepsOneSided(const Proto& e) const;
  void SetUpPred(const Document& doc, Scratch& s, int pi, PredCall* c) const;
  const dict::Verb* LookupVerb(const Scratch& s, int verb_item, uint32_t* particle_end) const;
  void Finish(Proto& ev, int pi, std::vector<Proto>* out) const;
  void UnitActors(const Document& doc, const Scratch& s, int item, std::vector<CodedActor>* dst) const;
  void CodePassive(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>* out) const;
  bool CodeRefusalToPermit(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>* out) const;
  void CodeDirect(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>* out) const;

  // complement.cc
  void CodeComplement(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>* out) const;
  bool CodeInfinitive(const Document& doc, Scratch& s, PredCall& c, std::vector<Proto>* out) const;
  void CodeObjectControl(const Document& doc, Scratch& s, PredCall& c, const std::vector<CodedActor>& obj,
                         std::vector<Proto>* out) const;
  bool ApplyTransformation(const std::string& outer_code, const Proto& inner, bool inner_src_is_outer,
                           std::string* code, int* result) const;

  // targets.cc
  bool FindTarget(const Document& doc, const Scratch& s, int from_item, int end_item, int skip_first,
                  int skip_end, std::vector<CodedActor>* out, int* found_item, int root = 0,
                  bool* fallback = nullptr) const;
  bool IsPlace(const Document& doc, const CodedActor& a) const;
  bool IsPlaceForRules(const Document& doc, const CodedActor& a) const;
  bool IsOwnForce(const CodedActor& a) const;

  // location.cc
  bool ClauseLocation(const Document& doc, Scratch& s, int pi, Event::Location* loc) const;
  void DatelineLocation(const Document& doc, Scratch& s, Event::Location* loc) const;

  // modality.cc
  struct ModalCues {
    bool commit = false;       // "will", "would": the subject commits itself
    bool future = false;       // "will", "shall": plain future
    bool ready = false;        // "is ready to", "was willing to"
    bool obligation = false;   // "must", "should"
    bool failure = false;      // "failed to"
    bool conditional = false;  // "unless", "otherwise" later in the sentence
  };
  ModalCues CuesOf(const Scratch& s, int verb_item) const;
  // Rewrites *pr as its modality makes it (intent, threat, demand, negation); false when
  // the event is to be dropped.
  bool ApplyModality(const Scratch& s, Proto* pr) const;

  // nominal.cc
  const dict::Verb* EventNounVerb(const Document& doc, const Scratch& s, int noun_item) const;
  int NominalOther(const Document& doc, const Scratch& s, int item, std::vector<CodedActor>* out) const;
  void CodeNominalEvents(const Document& doc, Scratch& s) const;

  // emit.cc
  void CodeVisitNouns(const Document& doc, Scratch& s) const;
  static void CountryFromLocation(const Event::Location& location, ActorRef* actor);
  void Emit(const Document& doc, uint32_t sentence_index, Scratch& s, const DocState& st,
            std::vector<Event>* events) const;
  ActorRef RefOf(const Document& doc, const CodedActor& a, const char* how) const;
  void SentenceIssues(const Scratch& s, std::vector<std::pair<std::string, int>>* out) const;

  const dict::Dictionaries& d_;
  const CodingRules rules_;
  std::shared_ptr<const dict::Lexicon> lexicon_;
  std::shared_ptr<const NameVariantIndex> variants_;
  events_internal::PatternIndex index_;
  dict::WordId w_of_, w_by_, w_from_, w_in_, w_against_, w_at_, w_with_, w_to_, w_for_, w_between_;
};

}  // namespace annalist

#endif  // ANNALIST_EVENTS_CODER_IMPL_H_
