// The clause layer: the sentence's predicates as Document::clauses with their arguments
// (include/annalist/document.h), read off the chunks and the predicates of Classify.
#include <algorithm>

#include "events/coder_impl.h"

namespace annalist {

using namespace events_internal;  // NOLINT: internal to this stage

namespace {

// Bytes of the view tokens [first, end).
Span ViewSpan(const Document& doc, const SentenceView& v, uint32_t first, uint32_t end) {
  if (end <= first) return {};
  return {doc.tokens[v.tok[first]].span.begin, doc.tokens[v.tok[end - 1]].span.end};
}

Tense TenseOf(const SentenceView& v, const Item& vg) {
  if (vg.modality == Modality::kFuture) return Tense::kFuture;
  if (!vg.finite) return Tense::kNone;
  return v.pos[vg.first] == Pos::VBD ? Tense::kPast : Tense::kPresent;
}

}  // namespace

ClauseType CoderImpl::TypeOf(const Scratch& s, int pi) const {
  const Pred& p = s.preds[pi];
  const Item& vg = s.items[p.verb];
  const Pos head = s.view.pos[vg.head];
  const bool participle = !vg.finite && (head == Pos::VBG || head == Pos::VBN);
  switch (p.kind) {
    // A participle read as the main verb (VBN/VBD look alike: "police arrested ...") is the
    // main clause when no finite verb took that place (Classify's PromoteMain).
    case PredKind::kMain: return ClauseType::kMain;
    case PredKind::kCoord: return participle ? ClauseType::kParticipial : ClauseType::kCoordinated;
    case PredKind::kInf: return ClauseType::kInfinitival;
    case PredKind::kEmbedded: return ClauseType::kComplement;
    case PredKind::kSub: return ClauseType::kAdverbial;
    case PredKind::kRel: {
      // A reduced relative without a relative pronoun ("a report released Tuesday") is a
      // participle clause even where the tagger read its past form as finite.
      const bool reduced = p.marker < 0 && vg.end - vg.first == 1 && (head == Pos::VBD || head == Pos::VBN);
      return participle || reduced ? ClauseType::kParticipial : ClauseType::kRelative;
    }
    case PredKind::kAttribution: return ClauseType::kAttribution;
    case PredKind::kExistential: return ClauseType::kExistential;
    case PredKind::kNone: break;
  }
  // "there were ...": an existential.
  int k = p.verb - 1;
  while (k >= 0 && s.items[k].kind == ItemKind::kAdv) --k;
  if (k >= 0 && s.view.pos[s.items[k].first] == Pos::EX) return ClauseType::kExistential;
  return ClauseType::kUnattached;
}

// The phrase of the noun unit at item k (its "of" complements and conjuncts), capped at
// item `limit`. After a quantity the head is the partitive's ("50 million euros of
// military assistance": assistance).
static void UnitArgument(const Document& doc, const Scratch& s, int k, int end, ArgumentRole role, dict::WordId of,
                         std::vector<Argument>* out) {
  Argument a;
  a.role = role;
  a.span = ViewSpan(doc, s.view, s.items[k].first, s.items[end - 1].end);
  int head = k;
  if (k + 2 < end && s.items[k + 1].kind == ItemKind::kPrep && of != kNoWord &&
      s.view.word[s.items[k + 1].first] == of && s.items[k + 2].kind == ItemKind::kNoun &&
      IsQuantity(s.view, s.items[k]))
    head = k + 2;
  a.head = ViewSpan(doc, s.view, s.items[head].head, s.items[head].head + 1);
  out->push_back(a);
}

void CoderImpl::ExportClauses(const Scratch& s, uint32_t si, Document* doc) const {
  const auto& it = s.items;
  const int n = static_cast<int>(it.size());
  const uint32_t base = static_cast<uint32_t>(doc->clauses.size());
  // Items where another clause's subject starts ("said | Gondor will ..."): arguments stop there.
  thread_local std::vector<uint8_t> clause_start;
  clause_start.assign(n, 0);
  for (const Pred& p : s.preds)
    if (p.subj_first >= 0 && p.subj_first < n) clause_start[p.subj_first] = 1;
  for (size_t q = 0; q < s.preds.size(); ++q) {
    const Pred& p = s.preds[q];
    const Item& vg = it[p.verb];
    Clause c;
    c.sentence = si;
    c.type = TypeOf(s, static_cast<int>(q));
    c.parent = p.parent >= 0 ? static_cast<int32_t>(base + p.parent) : -1;
    c.verb_group = ViewSpan(*doc, s.view, vg.first, vg.end);
    c.verb = ViewSpan(*doc, s.view, vg.head, vg.head + 1);
    c.tense = TenseOf(s.view, vg);
    c.voice = vg.passive ? Voice::kPassive : Voice::kActive;
    c.modality = vg.modality == Modality::kFuture        ? VerbModality::kFuture
                 : vg.modality == Modality::kConditional ? VerbModality::kConditional
                                                         : VerbModality::kNone;
    c.negated = vg.negated;
    c.first_argument = static_cast<uint32_t>(doc->arguments.size());
    auto unit_end = [&](int k) { return s.unit_end[k] > k ? std::min(s.unit_end[k], n) : k + 1; };
    if (p.subj_core < 0 && p.antecedent >= 0) {
      // A subject relative's understood subject: its antecedent.
      UnitArgument(*doc, s, p.antecedent, unit_end(p.antecedent), ArgumentRole::kController, w_of_, &doc->arguments);
    } else if (p.subj_core >= 0) {
      UnitArgument(*doc, s, p.subj_core, std::max(p.subj_end, p.subj_core + 1), ArgumentRole::kSubject, w_of_,
                   &doc->arguments);
    } else if ((p.kind == PredKind::kInf || p.kind == PredKind::kCoord) && p.parent >= 0) {
      // The controller: for an infinitive the object before "to" ("asked B to assist C"),
      // else the nearest governing clause's subject.
      int object = -1;
      if (p.kind == PredKind::kInf) {
        for (int j = s.preds[p.parent].verb + 1; j < p.verb; ++j) {
          if (it[j].kind == ItemKind::kTo) break;
          if (it[j].kind == ItemKind::kNoun && !it[j].temporal && (j == 0 || it[j - 1].kind != ItemKind::kPrep)) {
            object = j;
            break;
          }
        }
      }
      int governor = p.parent;
      while (object < 0 && governor >= 0 && s.preds[governor].subj_core < 0) governor = s.preds[governor].parent;
      if (object >= 0) {
        UnitArgument(*doc, s, object, unit_end(object), ArgumentRole::kController, w_of_, &doc->arguments);
      } else if (governor >= 0) {
        const Pred& g = s.preds[governor];
        UnitArgument(*doc, s, g.subj_core, std::max(g.subj_end, g.subj_core + 1), ArgumentRole::kController, w_of_,
                     &doc->arguments);
      }
    }
    // After the verb: bare noun phrases (object, second object) and prepositional phrases,
    // up to the next verb group, clause marker, comma or conjunction.
    int objects = 0, last_object_end = -1;
    bool agent = false;
    for (int j = p.verb + 1; j < n && !clause_start[j];) {
      const Item& x = it[j];
      if (x.kind == ItemKind::kAdv) { ++j; continue; }
      if (x.kind == ItemKind::kNoun) {
        const int e = unit_end(j);
        if (!x.temporal) {
          if (objects >= 2 || (objects == 1 && last_object_end != j)) break;
          UnitArgument(*doc, s, j, e, objects == 0 ? ArgumentRole::kObject : ArgumentRole::kSecondObject, w_of_,
                       &doc->arguments);
          ++objects;
          last_object_end = e;
        }
        j = e;
        continue;
      }
      if (x.kind == ItemKind::kPrep && j + 1 < n && it[j + 1].kind == ItemKind::kNoun) {
        const int e = unit_end(j + 1);
        const bool by = vg.passive && !agent && s.view.word[x.first] == w_by_ && w_by_ != kNoWord;
        agent |= by;
        UnitArgument(*doc, s, j + 1, e, by ? ArgumentRole::kAgent : ArgumentRole::kOblique, w_of_, &doc->arguments);
        doc->arguments.back().preposition = ViewSpan(*doc, s.view, x.first, x.end);
        j = e;
        continue;
      }
      break;
    }
    c.end_argument = static_cast<uint32_t>(doc->arguments.size());
    doc->clauses.push_back(c);
  }
}

}  // namespace annalist
