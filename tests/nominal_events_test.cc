// Nominal events with the built-in knowledge base (issue "Real news"; src/events/nominal.cc):
// light verb + event noun + between/with/against/to, an event noun between two actors, an
// event noun as the subject of a verb of occurrence; and the event-noun list generated from
// WordNet (data/kb/lexicon/event_nouns.txt). The sentences are written for this test and are
// in no dev set.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "annalist/pipeline.h"
#include "dict/lexicon.h"
#include "test_util.h"

namespace annalist {
namespace {

using Triple = std::tuple<std::string, std::string, std::string>;

std::set<Triple> Triples(const std::string& text, bool nominal_only = true) {
  std::set<Triple> out;
  for (const Event& e : testing::CodeWithBuiltinKb(text, "n", 20230310))
    if (!nominal_only || e.clause == "nominal") out.emplace(e.source.code, e.target.code, e.code);
  return out;
}

TEST(NominalEvents, LightVerbWithEventNounAndItsOtherSide) {
  // The light verb's subject is the source, the preposition's actors the targets; the
  // code is the noun's verb's (MEDIATE 045, NEGOTIATE 046).
  EXPECT_EQ(Triples("Qatar launched a mediation effort between Chad and Sudan."),
            (std::set<Triple>{{"QAT", "TCD", "045"}, {"QAT", "SDN", "045"}}));
  // Negotiating is mutual (046 both ways, as "held talks with").
  EXPECT_EQ(Triples("Greece renewed negotiations with Albania over the maritime border."),
            (std::set<Triple>{{"GRC", "ALB", "046"}, {"ALB", "GRC", "046"}}));
  EXPECT_EQ(Triples("Peru gave a warm welcome to the Chilean president."),
            (std::set<Triple>{{"PER", "CHLGOV", "051"}}));
  // A negated act without a CAMEO negative gives no event ("did not renew negotiations").
  EXPECT_TRUE(Triples("Greece did not renew negotiations with Albania.").empty());
  // HOLD's own pattern codes "held talks with" (046 both ways): no second, nominal event.
  EXPECT_TRUE(Triples("Japan held talks with Vietnam on Monday.").empty());
  EXPECT_FALSE(Triples("Japan held talks with Vietnam on Monday.", false).empty());
}

TEST(NominalEvents, EventNounBetweenTwoSidesIsMutual) {
  EXPECT_EQ(Triples("Fresh clashes between Kenyan and Somali troops left four dead."),
            (std::set<Triple>{{"KENMIL", "SOMMIL", "190"}, {"SOMMIL", "KENMIL", "190"}}));
  // The subject of a verb of occurrence, the sides after the verb.
  EXPECT_EQ(Triples("Clashes broke out between Sudan and South Sudan near Heglig."),
            (std::set<Triple>{{"SDN", "SSD", "190"}, {"SSD", "SDN", "190"}}));
  // A mediation between A and B with no mediator named: nobody mediates A -> B.
  EXPECT_TRUE(Triples("A mediation effort between Chad and Sudan stalled.").empty());
}

TEST(NominalEvents, SentenceInitialCountryIsAName) {
  // "Norway" read as an adverb (-way) lost the subject: a capitalised word inside a
  // country match is a proper noun.
  EXPECT_EQ(Triples("Norway opened a mediation effort between Colombia and the ELN."),
            (std::set<Triple>{{"NOR", "COL", "045"}, {"NOR", "COLREB", "045"}}));
}

TEST(NominalEvents, AgentModifyingAnActIsNoTarget) {
  // "military aid": MILITARY modifies the aid; the target is the country after "to".
  std::set<Triple> all = Triples("Denmark promised military aid to Moldova.", false);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(std::get<1>(*all.begin()), "MDA");
}

TEST(EventNouns, GeneratedListLinksNounsToCodedVerbs) {
  auto lexicon = dict::Lexicon::Builtin();
  EXPECT_EQ(lexicon->Link(dict::Lex::kEventNoun, "MEDIATION"), "MEDIATE");
  EXPECT_EQ(lexicon->Link(dict::Lex::kEventNoun, "CLASH"), "CLASH");
  EXPECT_EQ(lexicon->Link(dict::Lex::kEventNoun, "NEGOTIATION"), "NEGOTIATE");
  // The doer and the weapon are no acts; an ambiguous noun is left out.
  EXPECT_EQ(lexicon->Link(dict::Lex::kEventNoun, "MEDIATOR"), "");
  EXPECT_EQ(lexicon->Link(dict::Lex::kEventNoun, "STRIKE"), "");
}

}  // namespace
}  // namespace annalist
