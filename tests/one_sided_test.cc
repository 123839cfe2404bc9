// Built-in knowledge base rules of the issue "Real news" (src/events/rules.h):
// one_sided_events (a known source and no target is an event, flagged) and
// country_from_location (a country-less actor takes the country of the event's place or
// the dateline, and says so). The sentences here are not in any dev set.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "annalist/event_writer.h"

namespace annalist {
namespace {

std::vector<Event> Code(const std::string& text, int32_t date) {
  static std::unique_ptr<Pipeline> pipeline = [] {
    auto p = Pipeline::Load(PipelineConfig{});  // the built-in knowledge base
    return p.ok() ? std::move(*p) : nullptr;
  }();
  std::vector<Event> events;
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.date = date;
  if (pipeline) pipeline->Code(&doc, &events);
  return events;
}

// A copy, not a pointer: the events are often a temporary (WithPlover(Code(...), ...)),
// gone by the next statement (AddressSanitizer found a use after free here).
std::optional<Event> WithPlover(const std::vector<Event>& events, const std::string& plover) {
  for (const Event& e : events)
    if (e.plover == plover) return e;
  return std::nullopt;
}

TEST(OneSided, ProtestWithoutNamedTargetIsCodedAndFlagged) {
  auto events = Code("Hundreds of nurses marched on Monday to demand higher pay.", 20230612);
  std::optional<Event> e = WithPlover(events, "PROTEST");
  ASSERT_TRUE(e.has_value());
  EXPECT_TRUE(e->one_sided);
  EXPECT_TRUE(e->target.code.empty() || e->target.code == "---");
}

TEST(OneSided, DyadicEventIsNotFlagged) {
  auto events = Code("Kenya accused Uganda of arming cattle raiders.", 20230612);
  std::optional<Event> e = WithPlover(events, "ACCUSE");
  ASSERT_TRUE(e.has_value());
  EXPECT_FALSE(e->one_sided);
  EXPECT_EQ(e->source.code.substr(0, 3), "KEN");
  EXPECT_EQ(e->target.code.substr(0, 3), "UGA");
}

// Only asserted events are one-sided: "would" / "will" with nobody on the other side is
// no event, while the same act asserted is (CoderImpl::KeepsOneSided).
TEST(OneSided, FutureOrConditionalWithoutTargetIsNoEvent) {
  EXPECT_FALSE(WithPlover(Code("Kenya would mobilize its reservists.", 20230612), "MOBILIZE").has_value());
  std::optional<Event> e = WithPlover(Code("Kenya mobilized its reservists.", 20230612), "MOBILIZE");
  ASSERT_TRUE(e.has_value());
  EXPECT_TRUE(e->one_sided);
}

// A statement about a conditional one-sided act stays the speaker's statement.
TEST(OneSided, ReportedConditionalKeepsTheStatement) {
  auto events = Code("The Ugandan president said Kenya would leave the bloc.", 20230612);
  bool statement = false;
  for (const Event& e : events) {
    EXPECT_FALSE(e.one_sided) << e.code;
    statement |= e.source.code.rfind("UGA", 0) == 0 && e.code == "010";
  }
  EXPECT_TRUE(statement);
}

// A meeting needs a counterpart: no one-sided consultation, but an offer to mediate (an
// intent whose infinitive is a consultation) is still coded.
TEST(OneSided, NoConsultationWithoutCounterpart) {
  for (const Event& e : Code("Kenya's cabinet met on Tuesday.", 20230612)) EXPECT_NE(e.root, "04") << e.code;
  std::optional<Event> e = WithPlover(Code("Uganda offered to mediate.", 20230612), "CONSULT");
  EXPECT_FALSE(e.has_value());
  bool intent = false;
  for (const Event& x : Code("Uganda offered to mediate.", 20230612)) intent |= x.code == "036";
  EXPECT_TRUE(intent);
}

// A weapon or blast named as the doer is the unidentified attacker behind it (agent UAF in
// data/kb/agents.txt): "a roadside bomb killed ...", "an explosion hit ...".
TEST(NominalDoer, WeaponSubjectIsAnUnidentifiedAttacker) {
  std::optional<Event> e = WithPlover(Code("A roadside bomb killed four Nigerian soldiers in Borno.", 20230612), "ASSAULT");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->source.code.substr(3), "UAF");
  EXPECT_EQ(e->target.code.substr(0, 3), "NGA");
  e = WithPlover(Code("An explosion hit a market in Kabul, killing nine people.", 20230612), "ASSAULT");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->source.code, "AFGUAF");  // the country from the place of the clause
}

TEST(OneSided, FlagIsWrittenInJson) {
  Event e;
  e.doc_id = "t";
  e.source.code = "GHAOPP";
  e.source.country_how = "place";
  e.code = "141";
  e.one_sided = true;
  Document doc;
  doc.id = "t";
  std::string line;
  AppendEventJson(doc, e, &line);
  EXPECT_NE(line.find("\"one_sided\":true"), std::string::npos) << line;
  EXPECT_NE(line.find("\"country_how\":\"place\""), std::string::npos) << line;
}

TEST(CountryFromLocation, AgentTakesTheCountryOfTheClausePlace) {
  auto events = Code("Riot police fired tear gas at striking teachers in Harare on Tuesday.", 20220301);
  ASSERT_FALSE(events.empty());
  bool found = false;
  for (const Event& e : events) {
    if (e.source.code.rfind("ZWE", 0) != 0) continue;
    found = true;
    EXPECT_FALSE(e.source.country_how.empty());
  }
  EXPECT_TRUE(found) << "no event with a Zimbabwean source";
}

TEST(CountryFromLocation, DatelineGivesTheCountry) {
  auto events = Code("KABUL (Reuters) - Gunmen shot dead a district governor on Sunday, officials said.", 20190505);
  ASSERT_FALSE(events.empty());
  std::optional<Event> e = WithPlover(events, "ASSAULT");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->source.code.substr(0, 3), "AFG");
  EXPECT_EQ(e->source.country_how, "dateline");
}

TEST(CountryFromLocation, KnownCountryIsKept) {
  auto events = Code("Turkish soldiers shelled Kurdish positions near Kobani in Syria.", 20191012);
  for (const Event& e : events) {
    if (e.source.code.rfind("TUR", 0) == 0) {
      EXPECT_TRUE(e.source.country_how.empty());
    }
  }
}

TEST(Reciprocal, CompoundSubjectWithoutTargetGivesBothDirections) {
  auto events = Code("Ghana and Togo agreed to set up joint border patrols.", 20210301);
  bool ghana_togo = false, togo_ghana = false;
  for (const Event& e : events) {
    if (e.plover != "AGREE") continue;
    if (e.source.code.rfind("GHA", 0) == 0 && e.target.code.rfind("TGO", 0) == 0) ghana_togo = true;
    if (e.source.code.rfind("TGO", 0) == 0 && e.target.code.rfind("GHA", 0) == 0) togo_ghana = true;
    EXPECT_FALSE(e.one_sided);
  }
  EXPECT_TRUE(ghana_togo);
  EXPECT_TRUE(togo_ghana);
}

}  // namespace
}  // namespace annalist
