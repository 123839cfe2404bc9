#include "eval/metrics.h"

#include <gtest/gtest.h>

namespace annalist {
namespace {

TEST(EvalMetrics, ExactSetMatchIgnoresOrderAndDuplicates) {
  EvalTotals totals;
  std::vector<Triple> expected = {{"OSG", "ERI", "190"}, {"CAL", "ITH", "051"}};
  std::vector<Triple> produced = {{"CAL", "ITH", "051"}, {"OSG", "ERI", "190"}, {"OSG", "ERI", "190"}};
  EXPECT_TRUE(ScoreRecord(expected, produced, EvalLevel::kExact, &totals));
  EXPECT_EQ(totals.records, 1u);
  EXPECT_EQ(totals.evaluated, 1u);
  EXPECT_EQ(totals.exact, 1u);
  EXPECT_EQ(totals.triples.true_positives, 2u);
  EXPECT_EQ(totals.triples.false_positives, 0u);
  EXPECT_EQ(totals.triples.false_negatives, 0u);
  EXPECT_DOUBLE_EQ(totals.triples.F1(), 1.0);
}

TEST(EvalMetrics, NullEmptyAndDashTargetsAreTheSame) {
  EvalTotals totals;
  EXPECT_TRUE(ScoreRecord({{"GON", "---", "010"}}, {{"GON", "", "010"}}, EvalLevel::kExact, &totals));
  EXPECT_TRUE(ScoreRecord({{"GON", "", "010"}}, {{"GON", "---", "010"}}, EvalLevel::kExact, &totals));
  EXPECT_EQ(totals.exact, 2u);
}

TEST(EvalMetrics, EmptyExpectedMeansNoEvent) {
  EvalTotals totals;
  EXPECT_TRUE(ScoreRecord({}, {}, EvalLevel::kExact, &totals));
  EXPECT_FALSE(ScoreRecord({}, {{"A", "B", "010"}}, EvalLevel::kExact, &totals));
  EXPECT_EQ(totals.exact, 1u);
  EXPECT_EQ(totals.triples.false_positives, 1u);
  EXPECT_DOUBLE_EQ(totals.ExactShare(), 0.5);
}

TEST(EvalMetrics, MicroPrecisionRecallOverRecords) {
  EvalTotals totals;
  // Record 1: 1 right, 1 wrong produced, 1 missed.
  ScoreRecord({{"A", "B", "112"}, {"A", "C", "042"}}, {{"A", "B", "112"}, {"A", "B", "111"}}, EvalLevel::kExact,
              &totals);
  // Record 2: 2 right.
  ScoreRecord({{"X", "Y", "190"}, {"Y", "X", "190"}}, {{"X", "Y", "190"}, {"Y", "X", "190"}}, EvalLevel::kExact,
              &totals);
  EXPECT_EQ(totals.exact, 1u);
  EXPECT_EQ(totals.triples.true_positives, 3u);
  EXPECT_EQ(totals.triples.false_positives, 1u);
  EXPECT_EQ(totals.triples.false_negatives, 1u);
  EXPECT_DOUBLE_EQ(totals.triples.Precision(), 0.75);
  EXPECT_DOUBLE_EQ(totals.triples.Recall(), 0.75);
  EXPECT_DOUBLE_EQ(totals.triples.F1(), 0.75);
  // At root level 112 and 111 are both "11": the produced set {A B 11} vs expected
  // {A B 11, A C 04}: 1 tp, 0 fp, 1 fn; record 2: 2 tp.
  EXPECT_EQ(totals.roots.true_positives, 3u);
  EXPECT_EQ(totals.roots.false_positives, 0u);
  EXPECT_EQ(totals.roots.false_negatives, 1u);
  EXPECT_DOUBLE_EQ(totals.roots.Precision(), 1.0);
}

TEST(EvalMetrics, CountryRootLevel) {
  EvalTotals totals;
  EXPECT_TRUE(ScoreRecord({{"IRNGOV", "USAMIL", "112"}}, {{"IRN", "USA", "111"}}, EvalLevel::kCountryRoot, &totals));
  EXPECT_FALSE(ScoreRecord({{"IRNGOV", "USA", "112"}}, {{"IRN", "USA", "120"}}, EvalLevel::kCountryRoot, &totals));
  // "---GOV" cut to "---" is a missing target.
  EXPECT_TRUE(ScoreRecord({{"IRN", "---GOV", "042"}}, {{"IRNGOV", "", "04"}}, EvalLevel::kCountryRoot, &totals));
  EvalLevel level;
  EXPECT_TRUE(ParseEvalLevel("country-root", &level));
  EXPECT_EQ(level, EvalLevel::kCountryRoot);
  EXPECT_FALSE(ParseEvalLevel("fuzzy", &level));
}

TEST(EvalMetrics, NothingProducedNothingExpected) {
  Counts counts;
  EXPECT_DOUBLE_EQ(counts.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(counts.Recall(), 1.0);
  counts.false_negatives = 2;
  EXPECT_DOUBLE_EQ(counts.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(counts.Recall(), 0.0);
  EXPECT_DOUBLE_EQ(counts.F1(), 0.0);
}

TEST(EvalMetrics, PloverLevelCutsActorsToCountriesAndReadsOldTypeNames) {
  EvalTotals totals;
  // 2016 gold names: DEMAND = REQUEST, DISAPPROVE = ACCUSE, FIGHT = ASSAULT.
  EXPECT_TRUE(ScoreRecord({{"USAGOV", "IRN", "DEMAND"}}, {{"USA", "IRNGOV", "REQUEST"}}, EvalLevel::kPlover, &totals));
  EXPECT_TRUE(ScoreRecord({{"ISR", "PSE", "FIGHT"}}, {{"ISRMIL", "PSEREB", "ASSAULT"}}, EvalLevel::kPlover, &totals));
  EXPECT_FALSE(ScoreRecord({{"GBR", "RUS", "DISAPPROVE"}}, {{"GBR", "RUS", "REJECT"}}, EvalLevel::kPlover, &totals));
  EXPECT_EQ(totals.exact, 2u);
  EXPECT_EQ(totals.roots.true_positives, 2u);  // PLOVER types are not cut to a "root"
  EvalLevel level;
  ASSERT_TRUE(ParseEvalLevel("plover", &level));
  EXPECT_EQ(level, EvalLevel::kPlover);
}

TEST(EvalMetrics, PloverTotalsCountTypesFalseAlarmsSilenceAndSourceCountry) {
  PloverTotals p;
  // Type right, source country wrong, one extra type.
  ScorePloverRecord({{"NGACOP", "NGA", "COERCE"}}, {{"---COP", "NGA", "COERCE"}, {"NGA", "", "PROTEST"}}, &p);
  // Type and source right.
  ScorePloverRecord({{"AFG", "AFGMIL", "ASSAULT"}}, {{"AFGINS", "AFG", "ASSAULT"}}, &p);
  // An expected event, nothing produced.
  ScorePloverRecord({{"KEN", "", "PROTEST"}}, {}, &p);
  // Two no-event records, one with a false alarm.
  ScorePloverRecord({}, {{"TUR", "SYR", "AID"}}, &p);
  ScorePloverRecord({}, {}, &p);
  EXPECT_EQ(p.event_records, 3u);
  EXPECT_EQ(p.silent_records, 1u);
  EXPECT_EQ(p.no_event_records, 2u);
  EXPECT_EQ(p.false_alarms, 1u);
  EXPECT_EQ(p.expected_events, 3u);
  EXPECT_EQ(p.typed_events, 2u);
  EXPECT_EQ(p.source_right, 1u);
  EXPECT_EQ(p.all_types.true_positives, 2u);
  EXPECT_EQ(p.all_types.false_positives, 2u);  // PROTEST in record 1, AID in record 4
  EXPECT_EQ(p.all_types.false_negatives, 1u);  // PROTEST in record 3
  EXPECT_EQ(p.Type("PROTEST").false_positives, 1u);
  EXPECT_EQ(p.Type("PROTEST").false_negatives, 1u);
  EXPECT_DOUBLE_EQ(p.Type("COERCE").Recall(), 1.0);
  ASSERT_EQ(p.types.front().first, "AID");  // sorted by name
}

TEST(EvalMetrics, HeldOutPartIsAFixedThirdByIdHash) {
  int held = 0;
  for (int i = 0; i < 3000; ++i) held += IsHeldOut("record-" + std::to_string(i));
  EXPECT_GT(held, 900);
  EXPECT_LT(held, 1100);
  EXPECT_EQ(IsHeldOut("rn-001"), IsHeldOut(std::string("rn-001")));  // a function of the id alone
}

}  // namespace
}  // namespace annalist
