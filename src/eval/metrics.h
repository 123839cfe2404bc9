// Evaluation metrics of `annalist eval` (docs/architecture.md, "Evaluation metrics").
//
// Per record, the SET of (source, target, code) triples is compared with the expected
// set. `exact` is the share of records whose sets are equal (PETRARCH's measure);
// precision, recall and F1 count triples summed over all records (micro); the root
// figures do the same with codes cut to their two-digit root. A null, empty or "---"
// target are the same thing (PETRARCH writes "---" for a missing target).
//
//   annalist::EvalTotals totals;
//   annalist::ScoreRecord(expected, produced, annalist::EvalLevel::kExact, &totals);
//   double f1 = totals.triples.F1();
#ifndef ANNALIST_EVAL_METRICS_H_
#define ANNALIST_EVAL_METRICS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "annalist/triple.h"

namespace annalist {

enum class EvalLevel {
  kExact,        // actor codes and event codes as they are
  kCountryRoot,  // actors cut to their first 3 letters (country), codes to their root
  kPlover,       // actors cut to their country, codes are PLOVER types (2016 gold names
                 // read as the 2021 ones: DEMAND = REQUEST, DISAPPROVE/INVESTIGATE = ACCUSE,
                 // FIGHT = ASSAULT; reference/README.md, plover-gsr conventions)
};

// Parses "exact" / "country-root" / "plover"; false if unknown.
bool ParseEvalLevel(const std::string& text, EvalLevel* level);

struct Counts {
  uint64_t true_positives = 0, false_positives = 0, false_negatives = 0;
  double Precision() const;  // 1 when nothing was produced
  double Recall() const;     // 1 when nothing was expected
  double F1() const;
};

struct EvalTotals {
  uint64_t records = 0;    // all records seen (including evaluate: false)
  uint64_t evaluated = 0;  // records scored
  uint64_t exact = 0;      // scored records whose triple set equals the expected set
  Counts triples;          // at the chosen level
  Counts roots;            // codes cut to the root (on top of the chosen level)
  double ExactShare() const { return evaluated == 0 ? 0.0 : double(exact) / double(evaluated); }
};

// A PLOVER type name of the 2016 draft as its 2021 name; other names unchanged.
std::string CurrentPloverType(const std::string& type);

// The part of a dev file a record belongs to, fixed by a hash of its id: FNV-1a 64
// (src/core/fnv.h, the project's one FNV) of the id bytes; the record is "held" (set
// aside, never looked at while tuning) when the hash modulo 3 is 0, else "dev". One third
// is set aside. tests/eval_test.cc splits the reference files with this same rule.
bool IsHeldOut(const std::string& id);

// PLOVER-level figures on top of the triple counts (kPlover only): per type, whether a
// record's set of types holds it (type recall/precision per type, whatever the actors);
// records with no expected event that got one (false alarms); records with expected
// events that got none (silent); expected events whose type was produced with the same
// source country (source-country accuracy).
struct PloverTotals {
  std::vector<std::pair<std::string, Counts>> types;  // sorted by type name
  Counts all_types;                // summed over types
  uint64_t no_event_records = 0, false_alarms = 0;
  uint64_t event_records = 0, silent_records = 0;
  uint64_t expected_events = 0;    // expected triples with a source
  uint64_t typed_events = 0;       // ... whose type was produced in the record
  uint64_t source_right = 0;       // ... with the same source country as well
  Counts& Type(const std::string& type);
};

// Scores one record at PLOVER level into *plover (expected and produced as given to
// ScoreRecord with kPlover; produced codes are PLOVER types, events without one left out).
void ScorePloverRecord(const std::vector<Triple>& expected, const std::vector<Triple>& produced,
                       PloverTotals* plover);

// The normalised, sorted, de-duplicated triple set of `triples` at `level`.
std::vector<Triple> NormalizeTriples(const std::vector<Triple>& triples, EvalLevel level);
// The same set with codes cut to the root.
std::vector<Triple> RootTriples(const std::vector<Triple>& normalized);

// Scores one record into *totals; returns whether its set matched exactly.
bool ScoreRecord(const std::vector<Triple>& expected, const std::vector<Triple>& produced, EvalLevel level,
                 EvalTotals* totals);

}  // namespace annalist

#endif  // ANNALIST_EVAL_METRICS_H_
