// Event locations resolved against the gazetteer (src/geo/locate): places of the sentence,
// chains with divisions and countries, context from actors, dateline and story, fallbacks.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "geo/locate.h"
#include "annalist/event_writer.h"

namespace annalist {
namespace {

std::vector<Event> Code(const std::string& text, Document* out_doc = nullptr) {
  static std::unique_ptr<Pipeline> pipeline = [] {
    auto p = Pipeline::Load(PipelineConfig{});
    return p.ok() ? std::move(*p) : nullptr;
  }();
  std::vector<Event> events;
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.date = 20230601;
  if (pipeline) pipeline->Code(&doc, &events);
  if (out_doc) *out_doc = std::move(doc);
  return events;
}

TEST(LocateEvents, CityOfTheSentenceWithItsDivision) {
  auto events = Code("Nigerian police arrested five protesters in Kano on Monday.");
  ASSERT_FALSE(events.empty());
  const Event::Location& l = events[0].location;
  EXPECT_EQ(l.text, "Kano");
  EXPECT_EQ(l.country, "NGA");
  EXPECT_EQ(l.admin1, "NG-KN");
  EXPECT_EQ(l.precision, "city");
  EXPECT_EQ(l.how, "sentence");
  EXPECT_TRUE(l.has_coordinates);
  EXPECT_NEAR(l.lat, 12.0, 0.3);
}

TEST(LocateEvents, ChainOfPlaceDivisionCountry) {
  auto events = Code("Soldiers attacked rebels near Dikwa, Borno state, Nigeria.");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].location.country, "NGA");
  EXPECT_EQ(events[0].location.admin1, "NG-BO");
}

TEST(LocateEvents, DivisionOrCountryOnly) {
  auto state = Code("Gunmen attacked villagers in Katsina state.");
  ASSERT_FALSE(state.empty());
  EXPECT_EQ(state[0].location.precision, "admin1");
  EXPECT_EQ(state[0].location.id, "NG-KT");
  auto country = Code("Rebels attacked soldiers in Chad.");
  ASSERT_FALSE(country.empty());
  EXPECT_EQ(country[0].location.precision, "country");
  EXPECT_EQ(country[0].location.id, "TCD");
  EXPECT_TRUE(country[0].location.admin1.empty());
}

TEST(LocateEvents, ActorsChooseBetweenPlacesOfOneName) {
  auto lebanon = Code("Lebanese soldiers clashed with gunmen in Tripoli.");
  ASSERT_FALSE(lebanon.empty());
  EXPECT_EQ(lebanon[0].location.country, "LBN");
  auto libya = Code("Libyan militias clashed with police in Tripoli.");
  ASSERT_FALSE(libya.empty());
  EXPECT_EQ(libya[0].location.country, "LBY");
}

TEST(LocateEvents, OtherPlacesOfTheStoryChooseToo) {
  auto events = Code("Rebels seized the airport in Tripoli. Fighting later spread to districts in Beirut.");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].location.country, "LBN");
}

TEST(LocateEvents, FallbacksStoryDatelineActor) {
  auto story = Code("Pakistani police arrested two militants in Quetta. Police also arrested a Taliban commander.");
  ASSERT_GE(story.size(), 2u);
  EXPECT_EQ(story.back().location.how, "story");
  EXPECT_EQ(story.back().location.country, "PAK");
  auto dateline = Code("KABUL, June 1 (Reuters) - Taliban fighters attacked Afghan soldiers.");
  ASSERT_FALSE(dateline.empty());
  EXPECT_EQ(dateline[0].location.how, "dateline");
  EXPECT_EQ(dateline[0].location.country, "AFG");
  auto actor = Code("Iran accused Israel.");
  ASSERT_FALSE(actor.empty());
  EXPECT_EQ(actor[0].location.how, "actor");
  EXPECT_EQ(actor[0].location.precision, "country");
  EXPECT_EQ(actor[0].location.country, "IRN");
}

TEST(LocateEvents, JsonCarriesTheGazetteerFields) {
  Document doc;
  auto events = Code("Nigerian police arrested five protesters in Kano on Monday.", &doc);
  ASSERT_FALSE(events.empty());
  std::string json;
  AppendEventJson(doc, events[0], &json);
  EXPECT_NE(json.find("\"country\":\"NGA\",\"admin1\":\"NG-KN\",\"lat\":"), std::string::npos) << json;
  EXPECT_NE(json.find("\"precision\":\"city\"}"), std::string::npos) << json;
  EXPECT_NE(json.find("\"event_date\":\"2023-05-29\",\"date_precision\":\"day\",\"date_text\":\"Monday\""),
            std::string::npos)
      << json;
}

TEST(LocateEvents, TimeWordsAndNaturalFeaturesAreNoPlaces) {
  // "March" is also a town in England; a river is no settlement.
  auto month = Code("Iraqi police arrested ten protesters in March.");
  ASSERT_FALSE(month.empty());
  EXPECT_NE(month[0].location.how, "sentence");
  EXPECT_EQ(month[0].location.country, "IRQ");
  auto river = Code("Ukrainian soldiers attacked Russian troops across the Dnipro river.");
  ASSERT_FALSE(river.empty());
  EXPECT_NE(river[0].location.name, "Dnipro");
}

TEST(PlaceWords, ParseErrorsNameTheLine) {
  auto bad = PlaceWords::Parse("locative\tin\nnearby\tat\n", "p.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "p.txt:2: unknown kind 'nearby'");
  EXPECT_TRUE(PlaceWords::Parse("locative\ton the outskirts of\n", "p.txt").ok());
}

}  // namespace
}  // namespace annalist
