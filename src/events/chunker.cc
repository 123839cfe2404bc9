// Shallow chunking from Penn tags: noun groups, verb groups (auxiliaries, modals, "be
// about to", negation, passive), prepositions and clause markers. This replaces the
// constituency parse that PETRARCH2 reads (petrarch2-behaviour.md 5.3).
#include <string_view>

#include "events/coder_internal.h"

namespace annalist::events_internal {
namespace {

bool Is(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (w == s) return true;
  return false;
}

bool IsBe(std::string_view w) {
  return Is(w, {"IS", "WAS", "WERE", "ARE", "BE", "BEEN", "BEING", "AM", "'S", "'RE", "GET", "GOT",
                "GETS", "GOTTEN"});
}
bool IsAuxWord(std::string_view w) {
  return IsBe(w) || Is(w, {"HAS", "HAVE", "HAD", "HAVING", "'VE", "'D", "DO", "DOES", "DID", "WILL",
                           "WOULD", "SHALL", "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST",
                           "'LL", "WO", "CA"});
}
bool IsNegation(std::string_view w) { return Is(w, {"NOT", "N'T", "NEVER"}); }

bool IsNominal(Pos p) {
  return IsNoun(p) || IsAdjective(p) || p == Pos::DT || p == Pos::PDT || p == Pos::CD ||
         p == Pos::PRPS || p == Pos::FW;
}

bool IsTemporalWord(std::string_view w) {
  return Is(w, {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY",
                "TODAY", "YESTERDAY", "TOMORROW", "WEEK", "MONTH", "YEAR", "YEARS", "MONTHS",
                "DAYS", "DAY", "NIGHT", "MORNING", "EVENING", "AFTERNOON", "WEEKEND", "TONIGHT",
                "WEEKS", "HOURS"});
}

bool IsSubordinator(std::string_view w) {
  return Is(w, {"AFTER", "BEFORE", "WHEN", "WHILE", "AS", "BECAUSE", "IF", "THOUGH", "ALTHOUGH",
                "SINCE", "UNTIL", "WHEREAS", "UNLESS", "ONCE", "WHETHER"});
}

}  // namespace

void Chunk(const SentenceView& v, std::vector<Item>* items) {
  items->clear();
  const uint32_t n = v.size();
  uint32_t i = 0;
  auto verbish = [&](uint32_t k) { return k < n && (IsVerb(v.pos[k]) || v.pos[k] == Pos::MD); };
  while (i < n) {
    const Pos p = v.pos[i];
    const std::string_view w = v.norm[i];
    Item it;
    it.first = i;
    if (p == Pos::PRP && !Is(w, {"'S"})) {
      it.kind = ItemKind::kNoun;
      it.pronoun = true;
      it.head = i;
      it.end = ++i;
      items->push_back(it);
      continue;
    }
    // A participle opens a noun group only when a noun follows ("the affected villages" is
    // handled inside the group; "exiled dissidents" here).
    bool starts_noun = IsNominal(p) && !(p == Pos::DT && Is(w, {"THAT", "WHICH"}) && i + 1 < n &&
                                         !IsNominal(v.pos[i + 1]));
    if ((p == Pos::VBN || p == Pos::VBG) && i + 1 < n && IsNoun(v.pos[i + 1]) &&
        (i == 0 || v.pos[i - 1] == Pos::IN || v.pos[i - 1] == Pos::TO))
      starts_noun = true;
    // Right after a lexical verb a past participle before a noun is a premodifier, not a
    // second verb ("expel exiled leaders", "freed detained activists"): two lexical verbs
    // never form one group, and PETRARCH's parse puts them inside the object NP.
    if ((p == Pos::VBN || p == Pos::VBD) && i > 0 && i + 1 < n && IsNoun(v.pos[i + 1]) &&
        verbish(i - 1) && v.pos[i - 1] != Pos::MD && !IsAuxWord(v.norm[i - 1]))
      starts_noun = true;
    if (starts_noun) {
      uint32_t j = i;
      bool has_noun = false;
      while (j < n) {
        Pos q = v.pos[j];
        if (IsNoun(q) || q == Pos::FW) {
          has_noun = true;
          ++j;
        } else if (q == Pos::POS) {
          ++j;
        } else if (q == Pos::CD && has_noun && j + 1 < n && (IsNoun(v.pos[j + 1]) || IsAdjective(v.pos[j + 1]))) {
          break;  // a count opens the next group: "Gondor | two years later", "gave Arnor | 150 tanks"
        } else if (IsAdjective(q) || q == Pos::CD) {
          ++j;
        } else if ((q == Pos::DT || q == Pos::PDT || q == Pos::PRPS) && (j == i || !has_noun)) {
          ++j;
          if (j > i + 1 && v.pos[j - 2] == Pos::POS) {}
        } else if ((q == Pos::VBN || q == Pos::VBG || (q == Pos::VBD && j == i)) && !has_noun && j + 1 < n &&
                   (IsNoun(v.pos[j + 1]) || IsAdjective(v.pos[j + 1]))) {
          ++j;
        } else if (q == Pos::CC && j > i && IsAdjective(v.pos[j - 1]) && j + 1 < n &&
                   IsAdjective(v.pos[j + 1])) {
          ++j;  // "awful and evil minister"
        } else if (q == Pos::kColon && v.norm[j] == "-" && j + 1 < n && IsNominal(v.pos[j + 1])) {
          ++j;
        } else {
          break;
        }
        // After a possessive a new determiner-less group continues ("Gondor's Prime Minister").
        if (j < n && j > i && v.pos[j - 1] == Pos::POS) has_noun = false;
      }
      if (j == i) j = i + 1;
      it.kind = ItemKind::kNoun;
      it.end = j;
      it.head = j - 1;
      for (uint32_t k = j; k-- > i;) {
        if (IsNoun(v.pos[k])) {
          it.head = k;
          break;
        }
      }
      it.temporal = IsTemporalWord(v.norm[it.head]);
      items->push_back(it);
      i = j;
      continue;
    }
    if (verbish(i)) {
      uint32_t j = i;
      int last_verb = -1;
      while (j < n) {
        const std::string_view wj = v.norm[j];
        if (verbish(j)) {
          if (last_verb >= 0 && !IsAuxWord(v.norm[last_verb])) break;
          last_verb = static_cast<int>(j);
          ++j;
        } else if ((v.pos[j] == Pos::RB || IsNegation(wj)) && last_verb >= 0 &&
                   IsAuxWord(v.norm[last_verb])) {
          // Adverbs between auxiliary and verb; kept only if a verb follows.
          uint32_t k = j;
          while (k < n && (v.pos[k] == Pos::RB || IsNegation(v.norm[k]) ||
                           (v.pos[k] == Pos::CC && k + 1 < n && v.pos[k + 1] == Pos::RB)))
            ++k;
          if (verbish(k)) j = k;
          else break;
        } else if (wj == "ABOUT" && last_verb >= 0 && IsBe(v.norm[last_verb]) && j + 2 < n &&
                   v.pos[j + 1] == Pos::TO && verbish(j + 2)) {
          j += 2;  // "is about to restore": be about to = auxiliary
        } else if (wj == "GOING" && last_verb >= 0 && IsBe(v.norm[last_verb]) && j + 2 < n &&
                   v.pos[j + 1] == Pos::TO && verbish(j + 2)) {
          j += 2;
        } else {
          break;
        }
      }
      it.kind = ItemKind::kVerb;
      it.end = static_cast<uint32_t>(last_verb) + 1;
      it.head = static_cast<uint32_t>(last_verb);
      it.finite = v.pos[i] == Pos::MD || v.pos[i] == Pos::VBD || v.pos[i] == Pos::VBZ ||
                  v.pos[i] == Pos::VBP;
      bool saw_be = false;
      for (uint32_t k = i; k < it.end; ++k) {
        const std::string_view wk = v.norm[k];
        if (IsNegation(wk)) it.negated = true;
        if (k < it.head && IsBe(wk)) saw_be = true;
        if (Is(wk, {"WILL", "SHALL", "'LL", "WO"})) it.modality = Modality::kFuture;
        if (Is(wk, {"WOULD", "COULD", "MIGHT", "MAY", "'D"}) && it.modality == Modality::kNone)
          it.modality = Modality::kConditional;
      }
      // "was not": negation right after a lone be/do.
      if (!it.negated && it.end < n && IsNegation(v.norm[it.end]) && IsAuxWord(v.norm[it.head])) {
        it.negated = true;
      }
      it.be_main = IsAuxWord(v.norm[it.head]);
      it.passive = saw_be && (v.pos[it.head] == Pos::VBN || v.pos[it.head] == Pos::VBD) && !it.be_main;
      items->push_back(it);
      i = it.end;
      continue;
    }
    it.end = i + 1;
    it.head = i;
    if (p == Pos::TO) {
      uint32_t k = i + 1;
      while (k < n && v.pos[k] == Pos::RB) ++k;
      it.kind = (k < n && (v.pos[k] == Pos::VB || v.pos[k] == Pos::VBP)) ? ItemKind::kTo : ItemKind::kPrep;
    } else if (p == Pos::IN) {
      if (w == "THAT") it.kind = ItemKind::kSub;
      else if (IsSubordinator(w)) it.kind = ItemKind::kSub;  // refined below
      else it.kind = ItemKind::kPrep;
    } else if (p == Pos::WDT || p == Pos::WP || p == Pos::WPS) {
      it.kind = ItemKind::kRel;
    } else if (p == Pos::WRB) {
      it.kind = ItemKind::kSub;
    } else if (p == Pos::CC) {
      it.kind = ItemKind::kConj;
    } else if (p == Pos::kComma) {
      it.kind = ItemKind::kComma;
    } else if (p == Pos::kPeriod || p == Pos::kColon) {
      it.kind = ItemKind::kPunct;
    } else if (p == Pos::RB || p == Pos::RBR || p == Pos::RBS || p == Pos::RP) {
      it.kind = ItemKind::kAdv;
    } else if (p == Pos::DT && Is(w, {"THAT", "WHICH"})) {
      it.kind = ItemKind::kRel;
    } else {
      it.kind = ItemKind::kOther;
    }
    items->push_back(it);
    ++i;
  }
  // Subordinators that introduce a plain noun phrase are prepositions ("after a 12-year
  // rift"); they stay clause markers before a clause ("after crowds trashed", "after
  // leaving Eriador").
  for (size_t k = 0; k < items->size(); ++k) {
    Item& it = (*items)[k];
    if (it.kind != ItemKind::kSub || v.pos[it.first] != Pos::IN || v.norm[it.first] == "THAT") continue;
    bool clause = false;
    if (k + 1 < items->size() && (*items)[k + 1].kind == ItemKind::kVerb) clause = true;
    if (k + 2 < items->size() && (*items)[k + 1].kind == ItemKind::kNoun &&
        (*items)[k + 2].kind == ItemKind::kVerb && (*items)[k + 2].finite)
      clause = true;
    if (!clause) it.kind = ItemKind::kPrep;
  }
  // "that" after a noun is a relative pronoun when a verb follows directly ("the parade
  // that supported"); otherwise a complementizer ("hopes that Osgiliath could ...").
  for (size_t k = 1; k + 1 < items->size(); ++k) {
    Item& it = (*items)[k];
    if (it.kind == ItemKind::kSub && v.norm[it.first] == "THAT" &&
        (*items)[k - 1].kind == ItemKind::kNoun && (*items)[k + 1].kind == ItemKind::kVerb)
      it.kind = ItemKind::kRel;
  }
}

}  // namespace annalist::events_internal
