// Comma-clause deletion, the TABARI / PETRARCH-1 meaning of the comma_* options
// (petrarch2-behaviour.md 2.10): before coding, a comma-delimited clause whose word count
// lies in [min, max] is deleted: the initial clause with the b pair, the terminal clause
// with the e pair, then each internal clause with the plain pair. max == 0 disables a kind.
// A clause holding the sentence's last kept verb is never deleted (issue 7: the deletion
// cut the only finite verb), nor a terminal clause starting with a finite verb, nor a
// conjunct of a noun list ("A, B, and C met").
#include <cctype>

#include "events/coder_internal.h"

namespace annalist::events_internal {
namespace {

// Only tokens that start with a letter count as words.
int CountWords(const Document& doc, const Sentence& s, uint32_t from, uint32_t to) {
  int count = 0;
  for (uint32_t i = from; i < to; ++i) {
    const Token& t = doc.tokens[s.first_token + i];
    if (!t.norm.empty() && std::isalpha(static_cast<unsigned char>(t.norm[0]))) ++count;
  }
  return count;
}

bool InRange(int count, int lo, int hi) { return hi > 0 && count >= lo && count <= hi; }

// Whether deleting [from, to] would take the last verb of the sentence: a clause with a
// verb of its own is deleted only while another kept verb remains ("On 14 March 2019,
// gunmen attacked a police post": the terminal "clause" is the main clause; "A, B and C
// met": its only verb is in the terminal conjunct).
// With `finite`, the same holds for finite verbs: an internal clause is the main clause
// when a kept participle clause follows it ("On 1 May, rebels shelled B, C province,
// killing ten").
bool TakesLastVerb(const Document& doc, const Sentence& s, const std::vector<uint8_t>& keep, uint32_t from,
                   uint32_t to, bool finite = false) {
  bool inside = false, outside = false, finite_inside = false, finite_outside = false;
  for (uint32_t i = 0; i < keep.size(); ++i) {
    const Pos pos = doc.tokens[s.first_token + i].pos;
    if (!keep[i] || !(IsVerb(pos) || pos == Pos::MD)) continue;
    const bool in = i >= from && i <= to;
    (in ? inside : outside) = true;
    if (!finite) continue;
    if (pos == Pos::VBD || pos == Pos::VBZ || pos == Pos::VBP || pos == Pos::MD) (in ? finite_inside : finite_outside) = true;
  }
  return (inside && !outside) || (finite_inside && !finite_outside);
}

bool IsFinite(Pos p) { return p == Pos::VBD || p == Pos::VBZ || p == Pos::VBP || p == Pos::MD; }

// "Ghana, which has long backed the plan, accused Togo": a terminal clause that starts
// with a finite verb is the predicate of the subject before the commas, not an aside.
// A past form there counts as finite when no finite verb is kept outside the clause
// ("Syrian troops, backed by Russian jets, attacked ...": VBD and VBN look alike, and the
// sentence needs one finite verb).
bool StartsWithFiniteVerb(const Document& doc, const Sentence& s, const std::vector<uint8_t>& keep, uint32_t from,
                          uint32_t to) {
  if (from >= to) return false;
  const Pos p = doc.tokens[s.first_token + from].pos;
  if (IsFinite(p)) return true;
  if (p != Pos::VBN) return false;
  for (uint32_t i = 0; i < keep.size(); ++i)
    if (keep[i] && (i < from || i >= to) && IsFinite(doc.tokens[s.first_token + i].pos)) return false;
  return true;
}

// A clause the coder codes on its own: it opens with a relative pronoun or an -ing form.
bool OpensCodedClause(const Document& doc, const Sentence& s, bool keep_clauses, uint32_t from, uint32_t to) {
  if (!keep_clauses || from >= to) return false;
  const Pos p = doc.tokens[s.first_token + from].pos;
  return p == Pos::WDT || p == Pos::WP || p == Pos::VBG;
}

// A word of a plain noun phrase: a list conjunct holds nothing else ("Ukraine", "the
// Syrian army", "Iraq's Kurdish region").
bool Nominal(Pos p) {
  return IsNoun(p) || IsAdjective(p) || p == Pos::DT || p == Pos::CD || p == Pos::POS || p == Pos::PRPS;
}

// Marks in list[k] the commas that separate the conjuncts of a noun list ("attacked
// Ukraine, Georgia, and Moldova", "Egypt, Jordan and Saudi Arabia met"): after a
// noun-phrase word, segments of noun-phrase words up to one that holds or starts with a
// coordinator before its last conjunct. Comma deletion never takes a list conjunct
// (issue 7: it cut "and Moldova" as a terminal clause).
void MarkListCommas(const Document& doc, const Sentence& s, const uint32_t* commas, uint32_t comma_count,
                    uint32_t last, uint8_t* list) {
  auto pos = [&](uint32_t i) { return doc.tokens[s.first_token + i].pos; };
  for (uint32_t k = 0; k < comma_count; ++k) {
    if (list[k] || commas[k] == 0 || !Nominal(pos(commas[k] - 1))) continue;
    for (uint32_t m = k; m < comma_count; ++m) {
      const uint32_t from = commas[m] + 1, to = m + 1 < comma_count ? commas[m + 1] : last;
      // The segment: noun-phrase words, or noun-phrase words, a coordinator and the last
      // conjunct, after which the clause goes on ("..., and Saudi Arabia met in Cairo").
      // Such a list is a subject: no verb before it ("..., defense and military officials
      // said" is an attribution).
      bool nominal = from < to, coordinated = false, goes_on = false;
      for (uint32_t i = from; i < to && nominal; ++i) {
        if (pos(i) == Pos::CC && !coordinated && i + 1 < to && Nominal(pos(i + 1))) {
          coordinated = true;
          continue;
        }
        if (coordinated && !Nominal(pos(i))) {
          goes_on = true;
          break;
        }
        nominal = Nominal(pos(i));
      }
      for (uint32_t i = 0; goes_on && i < commas[k] && nominal; ++i) nominal = !IsVerb(pos(i)) && pos(i) != Pos::MD;
      if (!nominal) break;
      if (coordinated) {
        for (uint32_t j = k; j <= m; ++j) list[j] = 1;
        break;
      }
    }
  }
}

}  // namespace

void CommaDeletionMask(const Document& doc, const Sentence& sentence, const CodingOptions& options,
                       bool keep_clauses, std::vector<uint8_t>* keep) {
  const uint32_t n = sentence.size();
  keep->assign(n, 1);
  uint32_t commas[64];
  uint32_t comma_count = 0;
  for (uint32_t i = 0; i < n && comma_count < 64; ++i) {
    if (doc.tokens[sentence.first_token + i].pos == Pos::kComma ||
        doc.tokens[sentence.first_token + i].norm == ",")
      commas[comma_count++] = i;
  }
  if (comma_count == 0) return;
  // End of the text proper: drop final punctuation.
  uint32_t last = n;
  while (last > 0) {
    Pos p = doc.tokens[sentence.first_token + last - 1].pos;
    if (p == Pos::kPeriod || p == Pos::kCloseQuote || p == Pos::kColon) --last;
    else break;
  }
  uint8_t list[64] = {};
  MarkListCommas(doc, sentence, commas, comma_count, last, list);
  uint32_t lo = 0, hi = comma_count;  // commas still delimiting
  // Initial clause: start .. first comma (comma included).
  if (!list[0] && InRange(CountWords(doc, sentence, 0, commas[0]), options.comma_bmin, options.comma_bmax) &&
      !TakesLastVerb(doc, sentence, *keep, 0, commas[0])) {
    for (uint32_t i = 0; i <= commas[0]; ++i) (*keep)[i] = 0;
    lo = 1;
  }
  // Terminal clause: last comma .. final punctuation.
  if (hi > lo) {
    uint32_t c = commas[hi - 1];
    if (c < last && !list[hi - 1] && InRange(CountWords(doc, sentence, c + 1, last), options.comma_emin, options.comma_emax) &&
        !TakesLastVerb(doc, sentence, *keep, c, last - 1) && !StartsWithFiniteVerb(doc, sentence, *keep, c + 1, last) &&
        !OpensCodedClause(doc, sentence, keep_clauses, c + 1, last)) {
      for (uint32_t i = c; i < last; ++i) (*keep)[i] = 0;
      --hi;
    }
  }
  // Internal clauses between consecutive remaining commas.
  for (uint32_t k = lo; k + 1 < hi; ++k) {
    uint32_t a = commas[k], b = commas[k + 1];
    // Nor the conjunct before a list comma ("..., the war in Gaza, and regional matters").
    if (!list[k] && !list[k + 1] &&
        InRange(CountWords(doc, sentence, a + 1, b), options.comma_min, options.comma_max) &&
        !TakesLastVerb(doc, sentence, *keep, a, b, keep_clauses) &&
        !OpensCodedClause(doc, sentence, keep_clauses, a + 1, b)) {
      for (uint32_t i = a; i <= b; ++i) (*keep)[i] = 0;
    }
  }
}

}  // namespace annalist::events_internal
