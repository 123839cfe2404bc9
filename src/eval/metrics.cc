#include "eval/metrics.h"

#include <algorithm>

namespace annalist {

namespace {

std::string NormalizeTarget(std::string target) {
  if (target == "---") target.clear();  // PETRARCH's "no target"
  return target;
}

// Counts |a ∩ b|, |a \ b|, |b \ a| of two sorted unique sets (a = produced, b = expected).
void CountSets(const std::vector<Triple>& produced, const std::vector<Triple>& expected, Counts* counts) {
  size_t i = 0, j = 0;
  while (i < produced.size() && j < expected.size()) {
    if (produced[i] == expected[j]) {
      ++counts->true_positives;
      ++i;
      ++j;
    } else if (produced[i] < expected[j]) {
      ++counts->false_positives;
      ++i;
    } else {
      ++counts->false_negatives;
      ++j;
    }
  }
  counts->false_positives += produced.size() - i;
  counts->false_negatives += expected.size() - j;
}

void SortUnique(std::vector<Triple>* triples) {
  std::sort(triples->begin(), triples->end());
  triples->erase(std::unique(triples->begin(), triples->end()), triples->end());
}

}  // namespace

bool ParseEvalLevel(const std::string& text, EvalLevel* level) {
  if (text == "exact") {
    *level = EvalLevel::kExact;
    return true;
  }
  if (text == "country-root") {
    *level = EvalLevel::kCountryRoot;
    return true;
  }
  return false;
}

double Counts::Precision() const {
  uint64_t produced = true_positives + false_positives;
  return produced == 0 ? 1.0 : double(true_positives) / double(produced);
}

double Counts::Recall() const {
  uint64_t expected = true_positives + false_negatives;
  return expected == 0 ? 1.0 : double(true_positives) / double(expected);
}

double Counts::F1() const {
  double p = Precision(), r = Recall();
  return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
}

std::vector<Triple> NormalizeTriples(const std::vector<Triple>& triples, EvalLevel level) {
  std::vector<Triple> out;
  out.reserve(triples.size());
  for (const Triple& triple : triples) {
    Triple t = triple;
    if (level == EvalLevel::kCountryRoot) {
      if (t.source.size() > 3) t.source.resize(3);
      if (t.target.size() > 3) t.target.resize(3);
      if (t.code.size() > 2) t.code.resize(2);
    }
    t.target = NormalizeTarget(std::move(t.target));
    out.push_back(std::move(t));
  }
  SortUnique(&out);
  return out;
}

std::vector<Triple> RootTriples(const std::vector<Triple>& normalized) {
  std::vector<Triple> out = normalized;
  for (Triple& t : out)
    if (t.code.size() > 2) t.code.resize(2);
  SortUnique(&out);
  return out;
}

bool ScoreRecord(const std::vector<Triple>& expected, const std::vector<Triple>& produced, EvalLevel level,
                 EvalTotals* totals) {
  ++totals->records;
  ++totals->evaluated;
  std::vector<Triple> want = NormalizeTriples(expected, level);
  std::vector<Triple> got = NormalizeTriples(produced, level);
  bool exact = want == got;
  if (exact) ++totals->exact;
  CountSets(got, want, &totals->triples);
  CountSets(RootTriples(got), RootTriples(want), &totals->roots);
  return exact;
}

}  // namespace annalist
