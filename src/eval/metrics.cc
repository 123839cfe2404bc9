#include "eval/metrics.h"

#include <algorithm>

#include "core/fnv.h"

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
  if (text == "plover") {
    *level = EvalLevel::kPlover;
    return true;
  }
  return false;
}

std::string CurrentPloverType(const std::string& type) {
  if (type == "DEMAND") return "REQUEST";
  if (type == "DISAPPROVE" || type == "INVESTIGATE") return "ACCUSE";
  if (type == "FIGHT") return "ASSAULT";
  return type;
}

bool IsHeldOut(const std::string& id) { return Fnv1a(id) % 3 == 0; }

Counts& PloverTotals::Type(const std::string& type) {
  auto it = std::lower_bound(types.begin(), types.end(), type,
                             [](const std::pair<std::string, Counts>& entry, const std::string& name) {
                               return entry.first < name;
                             });
  if (it == types.end() || it->first != type) it = types.insert(it, {type, Counts{}});
  return it->second;
}

void ScorePloverRecord(const std::vector<Triple>& expected, const std::vector<Triple>& produced,
                       PloverTotals* plover) {
  std::vector<Triple> want = NormalizeTriples(expected, EvalLevel::kPlover);
  std::vector<Triple> got = NormalizeTriples(produced, EvalLevel::kPlover);
  if (want.empty()) {
    ++plover->no_event_records;
    if (!got.empty()) ++plover->false_alarms;
  } else {
    ++plover->event_records;
    if (got.empty()) ++plover->silent_records;
  }
  auto types_of = [](const std::vector<Triple>& triples) {
    std::vector<std::string> types;
    for (const Triple& t : triples) types.push_back(t.code);
    std::sort(types.begin(), types.end());
    types.erase(std::unique(types.begin(), types.end()), types.end());
    return types;
  };
  std::vector<std::string> want_types = types_of(want), got_types = types_of(got);
  for (const std::string& type : want_types) {
    bool found = std::binary_search(got_types.begin(), got_types.end(), type);
    ++(found ? plover->Type(type).true_positives : plover->Type(type).false_negatives);
    ++(found ? plover->all_types.true_positives : plover->all_types.false_negatives);
  }
  for (const std::string& type : got_types) {
    if (std::binary_search(want_types.begin(), want_types.end(), type)) continue;
    ++plover->Type(type).false_positives;
    ++plover->all_types.false_positives;
  }
  for (const Triple& t : want) {
    if (t.source.empty()) continue;
    ++plover->expected_events;
    bool typed = false, source = false;
    for (const Triple& g : got) {
      if (g.code != t.code) continue;
      typed = true;
      if (g.source == t.source) source = true;
    }
    if (typed) ++plover->typed_events;
    if (source) ++plover->source_right;
  }
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
    if (level == EvalLevel::kCountryRoot || level == EvalLevel::kPlover) {
      if (t.source.size() > 3) t.source.resize(3);
      if (t.target.size() > 3) t.target.resize(3);
    }
    if (level == EvalLevel::kCountryRoot && t.code.size() > 2) t.code.resize(2);
    if (level == EvalLevel::kPlover) t.code = CurrentPloverType(t.code);
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
  if (level == EvalLevel::kPlover) {
    CountSets(got, want, &totals->roots);  // PLOVER types have no root
  } else {
    CountSets(RootTriples(got), RootTriples(want), &totals->roots);
  }
  return exact;
}

}  // namespace annalist
