// Modality as the event (CodingRules::modal_events, built-in knowledge base; issue "Real
// news"): what a subject commits itself to is an intent or a threat, an act laid on
// another in reported speech is a demand, and a failed act is the act negated. The words
// live in data/kb/lexicon (commitment_auxiliaries, readiness_adjectives,
// obligation_auxiliaries, failure_verbs, threat_conditions); PETRARCH-2 coding keeps
// "will X" as X, as its gold does.
#include "events/coder_impl.h"

namespace annalist {

using namespace events_internal;  // NOLINT: internal to this stage

namespace {

// CAMEO 13 (threaten) sub-code for a committed hostile act (CAMEO 1.1b3 codebook):
// protest 133, administrative sanctions 132, reduced relations and sanctions 131 (aid
// 1311, embargo 1312, relations 1313), repression 137, force 138; anything else made
// conditional on the other side ("will pull out unless ...") is a threat, 130.
std::string ThreatCode(const std::string& code) {
  switch (Root(code)) {
    case 14: return "133";
    case 16:
      if (code.compare(0, 3, "162") == 0) return "1311";
      if (code.compare(0, 3, "163") == 0) return "1312";
      if (code.compare(0, 3, "161") == 0) return "1313";
      return "131";
    case 17: return code.compare(0, 3, "172") == 0 ? "132" : "137";
    case 15: case 18: case 19: case 20: return "138";
    default: return "130";
  }
}

// CAMEO 10 (demand) sub-code for an act laid on another ("said B must extradite"): the
// demand family follows the topic split of appeals and intents (material cooperation
// 101, diplomatic cooperation 102, aid 103, meeting 106, yielding 105; codebook 1.1b3).
std::string DemandCode(const std::string& code) {
  switch (Root(code)) {
    case 4: return "106";
    case 5: return "102";
    case 6: return "101";
    case 7: return "103";
    case 8: return "105";
    default: return "100";
  }
}

// CAMEO 03 (intent) sub-code for a committed cooperative act (Combine's topic split); aid
// and material cooperation keep their kind (072 military aid -> 0332, 061 economic
// cooperation -> 0311: the 033x and 031x sub-codes follow 07x and 06x, codebook 1.1b3).
std::string IntentCode(const std::string& code) {
  std::string intent = Combine("030", code);
  const int root = Root(code);
  if ((root == 6 || root == 7) && intent.size() == 3 && code.size() >= 3 && code[2] >= '1' && code[2] <= '4')
    intent += code[2];
  return intent;
}

}  // namespace

// The words around an event's verb that make it modal: the verb group's auxiliaries; for
// an infinitive also its governor's auxiliaries and verb, and the word before its "to".
CoderImpl::ModalCues CoderImpl::CuesOf(const Scratch& s, int verb_item) const {
  ModalCues cues;
  const auto& it = s.items;
  const SentenceView& v = s.view;
  auto scan_group = [&](const Item& vg) {
    for (uint32_t t = vg.first; t < vg.head && t < v.size(); ++t) {
      cues.commit |= (v.lex[t] & dict::Bit(dict::Lex::kCommitmentAuxiliary)) != 0;
      cues.future |= (v.lex[t] & dict::Bit(dict::Lex::kFuture)) != 0;
      cues.obligation |= (v.lex[t] & dict::Bit(dict::Lex::kObligationAuxiliary)) != 0;
    }
  };
  scan_group(it[verb_item]);
  const int clause = s.pred_of_item[verb_item];
  if (clause >= 0 && s.preds[clause].kind == PredKind::kInf && s.preds[clause].parent >= 0) {
    const Item& governor = it[s.preds[s.preds[clause].parent].verb];
    scan_group(governor);
    cues.failure = (v.lex[governor.head] & dict::Bit(dict::Lex::kFailureVerb)) != 0;
    // "is ready to send", "was willing to resume": the word before "to".
    if (verb_item > 0 && it[verb_item - 1].kind == ItemKind::kTo && it[verb_item - 1].first > 0)
      cues.ready = (v.lex[it[verb_item - 1].first - 1] & dict::Bit(dict::Lex::kReadinessAdjective)) != 0;
  }
  for (uint32_t t = it[verb_item].end; t < v.size(); ++t)
    cues.conditional |= (v.lex[t] & dict::Bit(dict::Lex::kThreatCondition)) != 0;
  return cues;
}

bool CoderImpl::ApplyModality(const Scratch& s, Proto* pr) const {
  if (!rules_.modal_events || pr->verb < 0 || pr->code.empty() || pr->code == "---") return true;
  const ModalCues cues = CuesOf(s, pr->verb);
  if (cues.failure && !pr->negated) {
    // "failed to agree": the act did not happen (its CAMEO negative, else no event).
    const char* negative = NegateCode(pr->code);
    if (!negative) return false;
    pr->code = negative;
    pr->negated = true;
    pr->paired.clear();
    return true;
  }
  if (pr->negated) return true;  // "will not attack": the negated act as coded
  const std::vector<CodedActor>& speaker = !pr->speaker.empty() ? pr->speaker : s.speaker;
  if (cues.obligation && HasActor(speaker) && HasActor(pr->src)) {
    bool other = true;
    for (const auto& a : speaker)
      for (const auto& b : pr->src) other &= a.code != b.code;
    if (other) {
      // "X said Y must extradite ...": X demands of Y.
      pr->tgt = pr->src;
      pr->src = speaker;
      pr->src_how = "dictionary";
      pr->code = DemandCode(pr->code);
      pr->paired.clear();
      pr->modality = Modality::kNone;
      return true;
    }
  }
  if (!cues.commit && !cues.ready) return true;
  const int root = Root(pr->code);
  if (cues.conditional || root == 14 || root >= 16) {
    // "would block roads", "will pull out unless ...": a threat, asserted as made.
    pr->code = ThreatCode(pr->code);
    pr->paired.clear();
    pr->modality = Modality::kNone;
  } else if (root >= 4 && root <= 8 && (cues.ready || !cues.future || (root != 6 && root != 7))) {
    // "will support B's bid", "would meet", "is ready to send aid": an intent (03x); a
    // future act with nobody on the other side stays unasserted (KeepsOneSided). A plain
    // future delivery ("will supply arms to B", "will send a team") is reported as the
    // delivery (06, 07), as the GSR news gold codes it; only readiness or "would" make
    // it an intent there.
    pr->code = IntentCode(pr->code);
    pr->paired.clear();
    pr->intent = true;
  }
  return true;
}

}  // namespace annalist
