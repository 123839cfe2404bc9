// Lexicon breadth of the built-in knowledge base (issue "Real news"): verbs, object nouns
// and agents added to data/kb (scripts/make_verb_lexicon.py, data/kb/agents.txt) and the
// generator's -ING spelling rule. The sentences are written for this test and are in no
// dev set.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "test_util.h"

namespace annalist {
namespace {

std::vector<Event> Code(const std::string& text) { return testing::CodeWithBuiltinKb(text, "b", 20240501); }

// The code of the first event whose source starts with `source`, or "".
std::string CodeFrom(const std::string& text, const std::string& source) {
  for (const Event& e : Code(text))
    if (e.source.code.compare(0, source.size(), source) == 0) return e.code;
  return "";
}

TEST(LexiconBreadth, UeVerbsDropTheirEBeforeIng) {
  EXPECT_EQ(CodeFrom("Croatia is suing Slovenia over the fishing zone.", "HRV"), "115");
}

TEST(LexiconBreadth, ReimposedIsImposedAgain) {
  EXPECT_EQ(CodeFrom("Canada reimposed sanctions on Belarus.", "CAN"), "163");
}

TEST(LexiconBreadth, PressureIsADemand) {
  EXPECT_EQ(CodeFrom("Sweden pressured Turkey over the treaty.", "SWE").substr(0, 2), "10");
}

TEST(LexiconBreadth, DowningToolsIsAStrike) {
  EXPECT_EQ(CodeFrom("Nurses in Ghana downed their tools over unpaid wages.", "GHA"), "143");
}

TEST(LexiconBreadth, RiotersAreTheOppositionOfThePlace) {
  EXPECT_EQ(CodeFrom("Rioters torched cars in Paris.", "FRAOPP"), "145");
}

TEST(LexiconBreadth, SettingAblazeIsViolence) {
  // Protesters setting a building ablaze riot (145), as when they torch it.
  EXPECT_EQ(CodeFrom("Demonstrators set ablaze a bank in Nairobi.", "KENOPP"), "145");
}

TEST(LexiconBreadth, WarplanesAreTheMilitary) {
  EXPECT_EQ(CodeFrom("Sudanese warplanes bombed a market in Darfur.", "SDNMIL").substr(0, 2), "19");
}

TEST(LexiconBreadth, ReliefTeamsAndDistributionAreAid) {
  EXPECT_EQ(CodeFrom("Chile dispatched firefighters to Bolivia.", "CHL"), "073");
  EXPECT_EQ(CodeFrom("Morocco distributed food to flood victims in Libya.", "MAR"), "073");
  EXPECT_EQ(CodeFrom("Poland delivered air defence systems to Lithuania.", "POL"), "072");
}

}  // namespace
}  // namespace annalist
