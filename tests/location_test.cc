// Event::location (FIELD.md item 8): the place of a locative PP of the event's clause, else
// the story's dateline place, else none; and its JSON / TSV forms.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "annalist/event_writer.h"

namespace annalist {
namespace {

std::vector<Event> Code(const std::string& text, int32_t date, Document* out_doc = nullptr) {
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
  if (out_doc) *out_doc = std::move(doc);
  return events;
}

TEST(Location, LocativePlaceOfTheClause) {
  const std::string text = "Iranian police arrested protesters in Tehran.";
  Document doc;
  auto events = Code(text, 20231129, &doc);
  ASSERT_FALSE(events.empty());
  for (const Event& e : events) {
    EXPECT_EQ(e.location.text, "Tehran");
    EXPECT_EQ(e.location.code, "IRN");
    EXPECT_EQ(e.location.how, "clause");
    EXPECT_EQ(text.substr(e.location.span.begin, e.location.span.end - e.location.span.begin), "Tehran");
  }
  std::string json;
  AppendEventJson(doc, events[0], &json);
  const size_t at = json.find("\"location\":{\"text\":\"Tehran\",\"span\":[");
  ASSERT_NE(at, std::string::npos) << json;
  EXPECT_NE(json.find("\"code\":\"IRN\",\"how\":\"clause\"", at), std::string::npos) << json;
  EXPECT_LT(json.find("\"negated\""), at);  // after modality / negated, before confidence
  EXPECT_GT(json.find("\"confidence\""), at);
  std::string tsv;
  AppendEventTsv(doc, events[0], &tsv);
  ASSERT_FALSE(tsv.empty());
  EXPECT_NE(tsv.find("\tTehran\tIRN\t"), std::string::npos) << tsv;  // location, location_code
}

TEST(Location, DatelineWhenTheClauseNamesNoPlace) {
  auto events = Code("TEHRAN, Nov. 29 (Reuters) - Iran condemned Israel on Wednesday.", 20231129);
  ASSERT_FALSE(events.empty());
  for (const Event& e : events) {
    EXPECT_EQ(e.location.text, "TEHRAN");
    EXPECT_EQ(e.location.how, "dateline");
    EXPECT_EQ(e.location.code, "IRN");
  }
}

TEST(Location, NoPlaceTheActorsCountry) {
  // No place in the text: the location is the source actor's country (src/geo/locate), with
  // no text or span of its own.
  Document doc;
  auto events = Code("Iran condemned Israel on Wednesday.", 20231129, &doc);
  ASSERT_FALSE(events.empty());
  for (const Event& e : events) {
    EXPECT_TRUE(e.location.text.empty());
    EXPECT_EQ(e.location.how, "actor");
    std::string json;
    AppendEventJson(doc, e, &json);
    EXPECT_NE(json.find("\"location\":{\"text\":null,\"code\":\"IRN\",\"how\":\"actor\""), std::string::npos) << json;
  }
}

}  // namespace
}  // namespace annalist
