// Comma-clause deletion, the TABARI / PETRARCH-1 meaning of the comma_* options
// (petrarch2-behaviour.md 2.10): before coding, a comma-delimited clause whose word count
// lies in [min, max] is deleted: the initial clause with the b pair, the terminal clause
// with the e pair, then each internal clause with the plain pair. max == 0 disables a kind.
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

}  // namespace

void CommaDeletionMask(const Document& doc, const Sentence& sentence, const CodingOptions& options,
                       std::vector<uint8_t>* keep) {
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
  uint32_t lo = 0, hi = comma_count;  // commas still delimiting
  // Initial clause: start .. first comma (comma included).
  if (InRange(CountWords(doc, sentence, 0, commas[0]), options.comma_bmin, options.comma_bmax)) {
    for (uint32_t i = 0; i <= commas[0]; ++i) (*keep)[i] = 0;
    lo = 1;
  }
  // Terminal clause: last comma .. final punctuation.
  if (hi > lo) {
    uint32_t c = commas[hi - 1];
    if (c < last && InRange(CountWords(doc, sentence, c + 1, last), options.comma_emin, options.comma_emax)) {
      for (uint32_t i = c; i < last; ++i) (*keep)[i] = 0;
      --hi;
    }
  }
  // Internal clauses between consecutive remaining commas.
  for (uint32_t k = lo; k + 1 < hi; ++k) {
    uint32_t a = commas[k], b = commas[k + 1];
    if (InRange(CountWords(doc, sentence, a + 1, b), options.comma_min, options.comma_max)) {
      for (uint32_t i = a; i <= b; ++i) (*keep)[i] = 0;
    }
  }
}

}  // namespace annalist::events_internal
