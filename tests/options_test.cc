// Coding options that change what the coder produces beyond the validation gold's
// evaluated records: new actors (new_actor_length, petrarch2-behaviour.md 2.10) and the
// issues dictionary (1.7).
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "annalist/pipeline.h"
#include "dict/petrarch_reader.h"
#include "events/coder.h"
#include "test_util.h"

namespace annalist {
namespace {

using Triple = std::tuple<std::string, std::string, std::string>;

std::shared_ptr<const dict::Dictionaries> Dicts() {
  static std::shared_ptr<const dict::Dictionaries> dicts = [] {
    const std::string dir = annalist::testing::ProcessTempDir();
    const std::string verbs = dir + "/options_test_verbs.txt", actors = dir + "/options_test_actors.txt",
                      agents = dir + "/options_test_agents.txt", issues = dir + "/options_test_issues.txt";
    annalist::testing::WriteFile(verbs,
                                 "####### VERB PATTERNS #######\n"
                                 "--- ACCUSE [112] ---\n"
                                 "ACCUSE {ACCUSES ACCUSING ACCUSED}\n"
                                 "\n"
                                 "--- ABANDON [080] ---\n"
                                 "ABANDON {ABANDONS ABANDONING ABANDONED}\n");
    annalist::testing::WriteFile(actors, "ARNOR [ARN]\nGONDOR [GON]\n");
    annalist::testing::WriteFile(agents, "GOVERNMENT [~GOV]\n");
    annalist::testing::WriteFile(issues,
                                 "<ISSUE CATEGORY=\"TEST\" TYPE=\"ALL\">\n"
                                 "n:school [SCHOOLS]\n"
                                 "school board [SCHOOL_BOARD]\n"
                                 "nuclear [NUCLEAR]\n"
                                 "nuclear weapon [WEAPONS]\n"
                                 "~olive oil\n"
                                 "</ISSUE>\n");
    DictionaryFiles f;
    f.verbs = {verbs};
    f.actors = {actors};
    f.agents = {agents};
    f.issues = {issues};
    std::vector<std::string> warnings;
    auto r = dict::LoadPetrarch(f, &warnings);
    return r.ok() ? *r : nullptr;
  }();
  return dicts;
}

std::vector<Event> Events(const std::string& tagged, CodingOptions options = {}) {
  std::vector<Event> events;
  if (!Dicts()) return events;
  Coder coder(Dicts(), CodingRules::Petrarch());
  Document doc = testing::TaggedDocument(tagged, options);
  coder.CodeDocument(&doc, &events);
  return events;
}

std::set<Triple> Code(const std::string& tagged, CodingOptions options = {}) {
  std::set<Triple> out;
  for (const Event& e : Events(tagged, options)) out.insert({e.source.code, e.target.code, e.code});
  return out;
}

CodingOptions NewActors(int n) {
  CodingOptions options;
  options.new_actor_length = n;
  return options;
}

class OptionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Dicts()) GTEST_SKIP() << "test dictionaries not loadable";
  }
};

TEST_F(OptionsTest, NewActorSubject) {
  const std::string text =
      "The/DT Ministry/NNP of/IN Magic/NNP will/MD abandon/VB economic/JJ ties/NNS with/IN Gondor/NNP ./.";
  EXPECT_TRUE(Code(text).empty());  // default 0: off
  EXPECT_EQ(Code(text, NewActors(4)), (std::set<Triple>{{"\"THE MINISTRY OF MAGIC\"", "GON", "080"}}));
  EXPECT_TRUE(Code(text, NewActors(3)).empty());  // four words
  std::vector<Event> events = Events(text, NewActors(4));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source.how, "new_actor");
  EXPECT_EQ(events[0].source.text, "The Ministry of Magic");
  EXPECT_EQ(events[0].target.how, "dictionary");
}

TEST_F(OptionsTest, NewActorPossessiveNotCounted) {
  const std::string text =
      "Gryffindor/NNP 's/POS head/NN Minerva/NNP McGonagall/NNP accused/VBD Gondor/NNP ./.";
  EXPECT_EQ(Code(text, NewActors(4)),
            (std::set<Triple>{{"\"GRYFFINDOR HEAD MINERVA MCGONAGALL\"", "GON", "112"}}));
}

TEST_F(OptionsTest, NewActorTarget) {
  const std::string text = "Arnor/NNP accused/VBD the/DT Ministry/NNP of/IN Magic/NNP ./.";
  EXPECT_TRUE(Code(text).empty());
  EXPECT_EQ(Code(text, NewActors(4)), (std::set<Triple>{{"ARN", "\"THE MINISTRY OF MAGIC\"", "112"}}));
  std::vector<Event> events = Events(text, NewActors(4));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].target.how, "new_actor");
  EXPECT_EQ(events[0].target.text, "the Ministry of Magic");
  // A coded actor later in the clause still wins over a new actor.
  EXPECT_EQ(Code("Arnor/NNP accused/VBD the/DT ministry/NN in/IN Gondor/NNP ./.", NewActors(4)),
            (std::set<Triple>{{"ARN", "GON", "112"}}));
}

TEST_F(OptionsTest, NoNewActorFromPronounsOrNumbers) {
  EXPECT_TRUE(Code("Arnor/NNP accused/VBD them/PRP ./.", NewActors(4)).empty());
  EXPECT_TRUE(Code("They/PRP accused/VBD Gondor/NNP ./.", NewActors(4)).empty());
  EXPECT_TRUE(Code("Arnor/NNP accused/VBD 300/CD ./.", NewActors(4)).empty());
}

TEST_F(OptionsTest, IssuesCountedShortestFirst) {
  // NUCLEAR before NUCLEAR WEAPON; SCHOOL before SCHOOL BOARD; SCHOOLS via n:.
  std::vector<Event> events = Events(
      "Arnor/NNP accused/VBD Gondor/NNP over/IN nuclear/JJ weapon/NN schools/NNS and/CC the/DT school/NN "
      "board/NN ./.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].issues,
            (std::vector<std::pair<std::string, int>>{{"NUCLEAR", 1}, {"SCHOOLS", 2}}));
  // Issues never change the events.
  EXPECT_EQ(Code("Arnor/NNP accused/VBD Gondor/NNP over/IN nuclear/JJ schools/NNS ./."),
            (std::set<Triple>{{"ARN", "GON", "112"}}));
}

TEST_F(OptionsTest, IgnorePhraseCancelsIssues) {
  std::vector<Event> events =
      Events("Arnor/NNP accused/VBD Gondor/NNP over/IN nuclear/JJ schools/NNS and/CC olive/JJ oil/NN ./.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].issues.empty());
}

TEST_F(OptionsTest, IssuesOnEveryEventOfTheSentence) {
  std::vector<Event> events = Events("Arnor/NNP and/CC Gondor/NNP accused/VBD the/DT government/NN over/IN "
                                     "nuclear/JJ schools/NNS ./.");
  ASSERT_FALSE(events.empty());
  for (const Event& e : events)
    EXPECT_EQ(e.issues, (std::vector<std::pair<std::string, int>>{{"NUCLEAR", 1}, {"SCHOOLS", 1}}));
  // No events, no issues to carry.
  EXPECT_TRUE(Events("Nuclear/JJ schools/NNS opened/VBD ./.").empty());
}

}  // namespace
}  // namespace annalist
