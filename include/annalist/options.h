// Coding options, PETRARCH's names and (gold) meanings. A JSONL article may override any
// of them in an `options` object; `annalist eval` applies each gold record's `config`.
#ifndef ANNALIST_OPTIONS_H_
#define ANNALIST_OPTIONS_H_

namespace annalist {

struct CodingOptions {
  // PETRARCH-1 meaning: when false, events whose source or target is the null actor
  // "---" (or missing) are kept; when true both actors must be known.
  bool require_dyad = true;
  // When > 0, an uncoded noun phrase of at most this many words becomes a quoted
  // "new actor" (its text). 0 disables.
  int new_actor_length = 0;
  // Comma-clause deletion (TABARI/PETRARCH-1): a comma-delimited clause whose word count
  // lies in [min, max] is deleted before coding. max == 0 disables that kind.
  int comma_min = 2, comma_max = 8;    // internal clauses
  int comma_bmin = 0, comma_bmax = 0;  // initial clause (start .. first comma)
  int comma_emin = 2, comma_emax = 8;  // terminal clause (last comma .. end)
};

}  // namespace annalist

#endif  // ANNALIST_OPTIONS_H_
