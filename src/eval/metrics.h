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
#include <vector>

#include "annalist/triple.h"

namespace annalist {

enum class EvalLevel {
  kExact,        // actor codes and event codes as they are
  kCountryRoot,  // actors cut to their first 3 letters (country), codes to their root
};

// Parses "exact" / "country-root"; false if unknown.
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

// The normalised, sorted, de-duplicated triple set of `triples` at `level`.
std::vector<Triple> NormalizeTriples(const std::vector<Triple>& triples, EvalLevel level);
// The same set with codes cut to the root.
std::vector<Triple> RootTriples(const std::vector<Triple>& normalized);

// Scores one record into *totals; returns whether its set matched exactly.
bool ScoreRecord(const std::vector<Triple>& expected, const std::vector<Triple>& produced, EvalLevel level,
                 EvalTotals* totals);

}  // namespace annalist

#endif  // ANNALIST_EVAL_METRICS_H_
