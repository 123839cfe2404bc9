// Token and comma guards of the clause stage (issue 7): comma deletion never takes the
// sentence's last verb (src/events/comma.cc); a present-tense verb tag between a
// noun-group word (or a sentence start / comma) and a finite verb is a noun, and an
// opening past form before a noun group and a finite verb an adjective
// (CoderImpl::RetagNounsBeforeVerbs); a participle after a fronted phrase is a main verb
// (FindSubject). The sentences here are in no dev set.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "test_util.h"

namespace annalist {
namespace {

std::vector<Event> Code(const std::string& text) { return testing::CodeWithBuiltinKb(text, "t", 20230301); }

bool Has(const std::vector<Event>& events, const std::string& source_country, const std::string& root) {
  for (const Event& e : events)
    if (e.source.code.rfind(source_country, 0) == 0 && e.root == root) return true;
  return false;
}

// One comma before the main clause: the terminal "clause" (2-8 words) is the whole main
// clause and holds the only verb, so it stays.
TEST(CommaGuard, FrontedPhraseKeepsTheMainClause) {
  EXPECT_TRUE(Has(Code("In Kandahar, Afghan soldiers arrested three smugglers."), "AFG", "17"));
  EXPECT_TRUE(Has(Code("Late on Friday, Egyptian police arrested two bloggers."), "EGY", "17"));
}

// "A, B and C met": the only verb is in the terminal conjunct. (The first conjunct is
// still lost: the chunker ends the noun group at the comma.)
TEST(CommaGuard, ListConjunctsKeepTheirVerb) {
  auto events = Code("Peruvian, Chilean and Bolivian ministers met in Lima.");
  EXPECT_TRUE(Has(events, "CHL", "04"));
  EXPECT_TRUE(Has(events, "BOL", "04"));
}

// "A, B, and C" after a verb: the terminal ", and C" is a list conjunct, not a comma
// clause to delete (issue 7); an attribution after the commas is still no list.
TEST(CommaGuard, ObjectListKeepsEveryConjunct) {
  auto events = Code("Russia attacked Ukraine, Georgia, and Moldova.");
  auto target = [&](const std::string& code) {
    for (const Event& e : events)
      if (e.source.code == "RUS" && e.target.code == code && e.root == "19") return true;
    return false;
  };
  EXPECT_TRUE(target("UKR"));
  EXPECT_TRUE(target("GEO"));
  EXPECT_TRUE(target("MDA"));
  EXPECT_TRUE(Has(Code("Syrian rebels attacked a convoy in Aleppo on Saturday, defense and military officials said."),
                  "SYR", "19"));
}

// A terminal clause that starts with a finite verb is the main predicate; the relative
// clause between the commas is still deleted.
TEST(CommaGuard, TerminalPredicateAfterRelativeClauseStays) {
  auto events = Code("Ghana, which has long backed the plan, accused Togo of stalling.");
  EXPECT_TRUE(Has(events, "GHA", "11"));
}

TEST(TagGuard, PluralNounBeforeFiniteVerb) {
  EXPECT_TRUE(Has(Code("Somali fighters attacked a police station in Baidoa."), "SOM", "19"));
  EXPECT_TRUE(Has(Code("On 3 May 2021, rebels attacked an army checkpoint near Goma."), "---", "19"));
}

// A past form after a fronted phrase ("On <date>, police arrested ...") is the main verb
// when nothing finite follows, as it is at the start of a sentence.
TEST(OpeningParticiple, MainVerbAfterFrontedPhrase) {
  EXPECT_TRUE(Has(Code("On 2 March 2022, police arrested twelve students in Dhaka."), "BGD", "17"));
}

// A past form opening the sentence or a comma clause before a noun group and a finite
// verb is an adjective ("armed men", "suspected rebels").
TEST(TagGuard, OpeningPastFormBeforeSubjectIsAnAdjective) {
  EXPECT_TRUE(Has(Code("On 9 May 2021, armed men abducted a priest near Kaduna."), "---", "18"));
  EXPECT_TRUE(Has(Code("On 4 June 2020, suspected rebels attacked a police post near Beni."), "---", "19"));
}

TEST(TagGuard, AuxiliaryKeepsItsTag) {
  EXPECT_TRUE(Has(Code("Nigeria has recalled its ambassador from Niger."), "NGA", "16"));
}

}  // namespace
}  // namespace annalist
