// Evaluation as a test: `annalist eval` on the reference gold sets, coded from text alone.
//
// Honest figures: each dev file is split by a fixed hash of the record id into a part we
// tune on and a part we leave alone ("held": FNV-1a 64 of the id, mod 3 == 0; 13 of the 40
// GSR news records, 60 of the 164 validation records, 57 of them evaluated). Both parts are
// printed; the thresholds sit a stated margin below the figures reached on each part (held
// part: about one record's worth below), so a drop fails CI and a gain shows in the log.
#include <gtest/gtest.h>

#include <simdjson.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/fnv.h"
#include "eval/metrics.h"
#include "test_util.h"

namespace annalist::testing {
namespace {

struct Figures {
  double exact = 0, f1 = 0, root_f1 = 0;
  int evaluated = 0;
};

// The held-out rule, fixed once: a record is held out iff FNV-1a-64(id) % 3 == 0, the same
// rule as `annalist eval --part` (eval/metrics.h IsHeldOut, checked below).
bool HeldOut(std::string_view id) { return Fnv1a(id) % 3 == 0; }

enum class Part { kAll, kTune, kHeld };

// Writes the records of `gold` in `part` to a temp file and returns its path.
std::string PartFile(const std::string& gold, Part part) {
  const std::string path = SharedDir() + "/reference/eval/" + gold;
  if (part == Part::kAll) return path;
  const std::string text = ReadFile(path);
  std::string out;
  simdjson::dom::parser parser;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(begin, end - begin);
    begin = end + 1;
    if (line.empty()) continue;
    simdjson::dom::element record;
    std::string_view id;
    if (parser.parse(line).get(record) || record["id"].get_string().get(id)) {
      ADD_FAILURE() << gold << ": record without an id: " << line.substr(0, 80);
      continue;
    }
    if (HeldOut(id) == (part == Part::kHeld)) out += line + "\n";
  }
  const std::string file = ProcessTempDir() + "/" + gold + (part == Part::kHeld ? ".held" : ".tune");
  WriteFile(file, out);
  return file;
}

Figures Evaluate(const std::string& gold, const std::string& options, Part part) {
  const std::string last = EvalSummaryLine("--gold " + PartFile(gold, part) + options);
  simdjson::dom::parser parser;
  simdjson::dom::element summary;
  Figures figures;
  if (parser.parse(last).get(summary)) {
    ADD_FAILURE() << "no JSON summary line in: " << last;
    return figures;
  }
  figures.exact = summary["exact"].get_double().value_unsafe();
  figures.f1 = summary["f1"].get_double().value_unsafe();
  figures.root_f1 = summary["root_f1"].get_double().value_unsafe();
  figures.evaluated = static_cast<int>(summary["evaluated"].get_uint64().value_unsafe());
  const char* names[] = {"all", "tune", "held"};
  std::printf("%s [%s, %d records]: exact %.4f f1 %.4f root_f1 %.4f\n", gold.c_str(),
              names[static_cast<int>(part)], figures.evaluated, figures.exact, figures.f1, figures.root_f1);
  return figures;
}

bool HaveReference() {
  return !ReadFile(SharedDir() + "/reference/eval/petrarch2-validation.dev.jsonl").empty();
}

TEST(Eval, HeldOutRuleIsFixed) {
  // The split must never drift: FNV-1a-64 test vectors and the part sizes of the files.
  EXPECT_EQ(Fnv1a(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(Fnv1a("a"), 0xaf63dc4c8601ec8cull);
  for (int i = 1; i <= 300; ++i) {
    const std::string id = "PLOVER-GSR01-AGREE-" + std::to_string(i);
    EXPECT_EQ(HeldOut(id), IsHeldOut(id)) << id;  // one split for the test and the tool
  }
  if (!HaveReference()) GTEST_SKIP() << "../shared/reference/eval is absent";
  EXPECT_EQ(Evaluate("petrarch2-gsr-news.dev.jsonl", PhoenixOptions(), Part::kHeld).evaluated, 13);
}

TEST(Eval, PetrarchValidationSuite) {
  if (!HaveReference()) GTEST_SKIP() << "../shared/reference/eval is absent";
  // PETRARCH2 with CoreNLP parses: exact 0.42 on these records.
  // Reached: all 0.86; tune part 0.86 (100 records); held part 0.86 (57 records).
  Figures all = Evaluate("petrarch2-validation.dev.jsonl", ValidationOptions(), Part::kAll);
  EXPECT_GE(all.exact, 0.85);
  EXPECT_GE(all.f1, 0.87);
  Figures tune = Evaluate("petrarch2-validation.dev.jsonl", ValidationOptions(), Part::kTune);
  EXPECT_GE(tune.exact, 0.85);  // margin 0.01 (one record of 100)
  Figures held = Evaluate("petrarch2-validation.dev.jsonl", ValidationOptions(), Part::kHeld);
  EXPECT_GE(held.exact, 0.84);  // margin 0.02 (about one record of 57)
  EXPECT_GE(held.f1, 0.89);
}

TEST(Eval, GsrNewsWithPhoenixDictionaries) {
  if (!HaveReference()) GTEST_SKIP() << "../shared/reference/eval is absent";
  // PETRARCH2 with CoreNLP parses: exact 0.63, root F1 0.70.
  // Reached: tune part exact 0.78 / root F1 0.84 (27 records); held part 0.85 / 0.92 (13).
  Figures all = Evaluate("petrarch2-gsr-news.dev.jsonl", PhoenixOptions(), Part::kAll);
  EXPECT_GE(all.exact, 0.80);
  EXPECT_GE(all.root_f1, 0.86);
  Figures tune = Evaluate("petrarch2-gsr-news.dev.jsonl", PhoenixOptions(), Part::kTune);
  EXPECT_GE(tune.exact, 0.74);   // margin 0.04 (one record of 27)
  EXPECT_GE(tune.root_f1, 0.80);
  Figures held = Evaluate("petrarch2-gsr-news.dev.jsonl", PhoenixOptions(), Part::kHeld);
  EXPECT_GE(held.exact, 0.76);   // margin 0.08 (one record of 13)
  EXPECT_GE(held.root_f1, 0.85);
}

TEST(Eval, GsrNewsWithBuiltinKnowledgeBaseAtCountryRootLevel) {
  if (!HaveReference()) GTEST_SKIP() << "../shared/reference/eval is absent";
  // No dictionary options: our own knowledge base, scored by country (first three letters
  // of each actor) and CAMEO root, since the gold was written for the Phoenix codes.
  // Reached: tune part F1 0.69, held part F1 0.72; with one-sided events (issue "Real
  // news": the gold follows require_dyad, so target-less events count as false
  // positives here) tune 0.68, held 0.69, all 0.684. With modality as the event
  // (CodingRules::modal_events: intents, threats, demands; the gold follows PETRARCH-2's
  // "will X" = X) tune 0.68, held 0.54 (one held record changed), all 0.632; the PLOVER
  // gold, which codes these as AGREE / THREATEN / REQUEST, gained 0.10 type recall on
  // its dev part and 0.08 on its held part (plover_eval_test.cc).
  Figures all = Evaluate("petrarch2-gsr-news.dev.jsonl", " --level country-root", Part::kAll);
  EXPECT_GE(all.f1, 0.61);
  Figures tune = Evaluate("petrarch2-gsr-news.dev.jsonl", " --level country-root", Part::kTune);
  EXPECT_GE(tune.f1, 0.66);
  Figures held = Evaluate("petrarch2-gsr-news.dev.jsonl", " --level country-root", Part::kHeld);
  EXPECT_GE(held.f1, 0.50);  // margin 0.04 (13 records)
}

}  // namespace
}  // namespace annalist::testing
