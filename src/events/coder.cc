// Event coding per document: the stages of coder_impl.h run sentence by sentence.
// (petrarch2-behaviour.md sections 2 and 5.)
#include "events/coder.h"

#include <cstdio>
#include <cstdlib>

#include "events/coder_impl.h"

namespace annalist {

namespace events_internal {

bool Debug() {
  static const bool on = std::getenv("ANNALIST_CODER_DEBUG") != nullptr;
  return on;
}

// CAMEO negation (petrarch2-behaviour.md 2.8): codes with a CAMEO negative, plus the
// legacy expectation of the gold that a negated verbal conflict (11x) becomes 050
// (SYNSET-13..22i, eight records).
const char* NegateCode(std::string_view code) {
  static const char* const kPairs[][2] = {
      {"010", "011"}, {"015", "016"}, {"060", "121"}, {"061", "1211"}, {"062", "1212"},
      {"080", "124"}, {"081", "1241"}, {"082", "1242"}, {"0841", "1242"}, {"0842", "1242"},
      {"085", "1244"}, {"086", "1245"}, {"087", "1246"}};
  for (const auto& p : kPairs)
    if (code == p[0]) return p[1];
  if (code.size() >= 3 && code.substr(0, 2) == "11") return "050";
  return nullptr;
}

int Root(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return -1;
  return (code[0] - '0') * 10 + (code[1] - '0');
}

// Verb + infinitive ("promised to help", "agreed to lift"), the CAMEO reading of P2's
// combination: intent (03) and appeal (02) verbs take the sub-code of the action category,
// otherwise the more specific (higher) code wins.
std::string Combine(const std::string& upper, const std::string& lower) {
  if (upper.empty() || upper == "---") return lower;
  if (lower.empty() || lower == "---") return upper;
  int ur = Root(upper), lr = Root(lower);
  if (ur == 3 || ur == 2) {
    char sub = 0;
    switch (lr) {
      case 4: sub = '6'; break;
      case 5: sub = '2'; break;
      case 6: sub = '1'; break;
      case 7: sub = '3'; break;
      case 8: sub = '5'; break;
      default: break;
    }
    if (sub) return std::string(upper.substr(0, 2)) + sub;
    if (lr >= 14 && ur == 3) return lower;
    if (lr >= 14 && ur == 2) return lower;
    return upper;
  }
  if (ur == 13 && lr >= 15) return "138";
  if (lr >= ur) return lower;
  return upper;
}

bool HasActor(const std::vector<CodedActor>& actors) {
  for (const auto& x : actors)
    if (!x.code.empty()) return true;
  return false;
}

}  // namespace events_internal

using namespace events_internal;  // NOLINT: internal to this stage

CoderImpl::CoderImpl(const dict::Dictionaries& d, const CodingRules& rules,
                     std::shared_ptr<const dict::Lexicon> lexicon)
    : d_(d), rules_(rules), lexicon_(std::move(lexicon)) {
  if (!lexicon_) lexicon_ = dict::Lexicon::Builtin();
  index_.Build(d);
  auto id = [&](const char* w) { return d.vocab.Find(w); };
  w_of_ = id("OF"); w_by_ = id("BY"); w_from_ = id("FROM"); w_in_ = id("IN");
  w_against_ = id("AGAINST"); w_at_ = id("AT"); w_with_ = id("WITH"); w_to_ = id("TO");
  w_for_ = id("FOR"); w_between_ = id("BETWEEN");
  if (rules_.coreference) variants_ = NameVariantIndex::For(d);
}

void CoderImpl::CodeSentence(Document* doc_in, uint32_t si, Scratch& s, DocState& st,
                             std::vector<Event>* events) const {
  const Document& doc = *doc_in;
  const Sentence& sent = doc.sentences[si];
  if (sent.size() == 0) return;
  // Mentions: discards, then actor and agent matches (with the story's persons).
  LookupWords(d_.vocab, doc, sent, &s.words);
  if (Discarded(doc, sent, s, st)) return;
  st.story.variants = variants_.get();
  FindActorMatches(d_, doc, sent, s.words, &s.matches, rules_.coreference ? &st.story : nullptr);
  // Clauses: the sentence view, chunks, predicates and their subjects.
  BuildView(doc, sent, s);
  Chunk(s.view, &s.items);
  Classify(s);
  // Quotes: the speaker of an attribution, so that "we" / "I" inside it resolve to them.
  FindSpeaker(doc, sent, s, st);
  ResolveSubjects(doc, s, st);
  ExportClauses(s, si, doc_in);
  if (Debug()) {
    for (const Item& x : s.items) {
      std::fprintf(stderr, "[%d:", static_cast<int>(x.kind));
      for (uint32_t k = x.first; k < x.end; ++k)
        std::fprintf(stderr, " %.*s/%d", (int)s.view.norm[k].size(), s.view.norm[k].data(), (int)s.view.pos[k]);
      std::fprintf(stderr, "]");
    }
    std::fprintf(stderr, "\n");
    for (const Pred& p : s.preds)
      std::fprintf(stderr, "pred verb=%d kind=%d parent=%d subj=%d..%d nsubj=%zu\n", p.verb, (int)p.kind, p.parent,
                   p.subj_core, p.subj_end, p.subject.size());
  }
  // Events: every main and coordinated predicate (its children are coded through it),
  // then nominal events.
  s.protos.clear();
  s.proto_range.assign(s.preds.size(), {0, 0});
  s.pred_events.assign(s.preds.size(), 0);
  for (size_t q = 0; q < s.preds.size(); ++q) {
    if (!CodedClause(s, static_cast<int>(q))) continue;
    const size_t before = s.protos.size();
    CodePred(doc, s, static_cast<int>(q), &s.protos);
    s.proto_range[q] = {static_cast<uint32_t>(before), static_cast<uint32_t>(s.protos.size())};
    for (size_t k = before; k < s.protos.size(); ++k) s.pred_events[q] |= HasActor(s.protos[k].src);
    const Pred& p = s.preds[q];
    if (p.kind != PredKind::kSub && p.kind != PredKind::kRel && !p.trailing) continue;
    // An adverbial, relative or trailing participle clause ("..., while A shelled B", "A,
    // which attacked B", "..., killing B") is background to the sentence's own event:
    // kept only when it is asserted and names both sides with their countries.
    auto known = [](const std::vector<CodedActor>& side) {
      return HasActor(side) && side[0].code.compare(0, 3, "---") != 0;
    };
    size_t kept = before;
    for (size_t k = before; k < s.protos.size(); ++k) {
      const Proto& e = s.protos[k];
      if (!known(e.src) || !known(e.tgt) || e.modality != Modality::kNone) continue;
      if (kept != k) s.protos[kept] = std::move(s.protos[k]);
      ++kept;
    }
    s.protos.resize(kept);
    s.proto_range[q].second = static_cast<uint32_t>(kept);
  }
  DropAdverbialsBesideEvents(s);
  if (rules_.possessed_visits) CodeVisitNouns(doc, s);
  if (rules_.nominal_events) CodeNominalEvents(doc, s);
  NoteStory(s, st);
  Emit(doc, si, s, st, events);
}

void CoderImpl::CodeDocument(Document* doc, std::vector<Event>* events) const {
  thread_local Scratch scratch;
  DocState st;
  doc->clauses.clear();
  doc->arguments.clear();
  DatelineLocation(*doc, scratch, &st.dateline);
  for (uint32_t si = 0; si < doc->sentences.size(); ++si) {
    if (st.story_discarded) break;
    CodeSentence(doc, si, scratch, st, events);
  }
}

Coder::Coder(std::shared_ptr<const dict::Dictionaries> dictionaries, const CodingRules& rules,
             std::shared_ptr<const dict::Lexicon> lexicon)
    : dict_(std::move(dictionaries)) {
  if (dict_) impl_ = std::make_shared<const CoderImpl>(*dict_, rules, std::move(lexicon));
}

Coder::~Coder() = default;

void Coder::CodeDocument(Document* doc, std::vector<Event>* events) const {
  if (!impl_ || !dict_) return;
  impl_->CodeDocument(doc, events);
}

}  // namespace annalist
