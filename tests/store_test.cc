// The event store on SQLite and (when the Debian binaries are installed) on a throwaway
// PostgreSQL server: the same cases on both backends.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "annalist/store.h"
#include "store/merge.h"
#include "store/sql.h"
#include "store_test_util.h"
#include "test_util.h"

namespace annalist {
namespace {

using ::annalist::testing::ProcessTempDir;

// A hand-made article of one sentence and its coded events (no tokens: no wording test).
struct Report {
  std::string id, publisher, text;
  int32_t date;
  std::vector<Event> events;
};

Event MakeEvent(const std::string& text, const std::string& source, const std::string& target,
                const std::string& code, const std::string& place = "") {
  Event event;
  event.source.code = source;
  event.target.code = target;
  event.code = code;
  event.root = code.substr(0, 2);
  event.quad_class = event.root >= "14" ? 4 : event.root >= "09" ? 3 : event.root >= "06" ? 2 : 1;
  event.goldstein = event.quad_class >= 3 ? -5.0 : 3.0;
  event.plover = event.root == "19" ? "ASSAULT" : event.root == "18" ? "ASSAULT" : event.root == "11" ? "ACCUSE" : "";
  event.sentence = Span{0, static_cast<uint32_t>(text.size())};
  event.source.text = source;
  event.source.span = Span{0, 4};
  event.verb = Span{5, 12};
  event.rule = "test:1";
  event.confidence = 0.9;
  if (!place.empty()) {
    event.location.text = place;
    event.location.how = "clause";
  }
  return event;
}

Document MakeDoc(const std::string& id, const std::string& publisher, int32_t date, const std::string& text) {
  Document doc;
  doc.id = id;
  doc.source = publisher;
  doc.date = date;
  doc.text = text;
  doc.title = "Title of " + id;
  return doc;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    target_ = testing::StoreTarget(GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    if (target_.empty()) GTEST_SKIP() << testing::StoreSkipReason(GetParam());
    auto store = Store::Open(target_, StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = store.TakeValue();
  }

  void Put(const std::string& id, const std::string& publisher, int32_t date, const std::string& text,
           const std::vector<Event>& events) {
    Document doc = MakeDoc(id, publisher, date, text);
    std::vector<Event> with_dates = events;
    for (Event& event : with_dates) {
      event.doc_id = id;
      event.date = date;
    }
    ASSERT_TRUE(store_->BeginBatch().ok());
    Status status = store_->PutArticle(doc, with_dates);
    ASSERT_TRUE(status.ok()) << status.message();
    ASSERT_TRUE(store_->CommitBatch().ok());
  }

  std::vector<StoredEvent> Query(const EventFilter& filter) {
    auto events = store_->QueryEvents(filter);
    EXPECT_TRUE(events.ok()) << events.status().message();
    return events.ok() ? *events : std::vector<StoredEvent>();
  }

  // Monthly counts read from the pre-aggregated tables (by country dyad: event_dyad_months;
  // with a root too: event_months; all events, or one root: event_month_totals) must equal
  // the same counts computed from the events (min_mentions 1 holds for every event but
  // forces the events table).
  void ExpectMonthlyCountsMatchEvents() {
    AggregateRequest request;
    request.by_dyad = request.by_country = true;
    ExpectMonthlyCountsMatchEvents(request);
    request.filter.country = "ISR";  // every dyad of a country
    ExpectMonthlyCountsMatchEvents(request);
    request.filter.root = "19";
    ExpectMonthlyCountsMatchEvents(request);
    request.by_dyad = false;  // a country's timeline
    request.filter.root.clear();
    ExpectMonthlyCountsMatchEvents(request);
    ExpectMonthlyCountsMatchEvents(AggregateRequest());
    request = AggregateRequest();
    request.filter.root = "19";
    ExpectMonthlyCountsMatchEvents(request);
  }

  void ExpectMonthlyCountsMatchEvents(AggregateRequest request) {
    auto fast = store_->Aggregate(request);
    request.filter.min_mentions = 1;
    auto slow = store_->Aggregate(request);
    ASSERT_TRUE(fast.ok() && slow.ok());
    ASSERT_EQ(fast->size(), slow->size());
    for (size_t i = 0; i < fast->size(); ++i) {
      const CountRow &a = (*fast)[i], &b = (*slow)[i];
      EXPECT_EQ(a.period, b.period);
      EXPECT_EQ(a.source + ">" + a.target, b.source + ">" + b.target);
      EXPECT_EQ(a.events, b.events) << a.period << " " << a.source << ">" << a.target;
      EXPECT_EQ(a.mentions, b.mentions) << a.period << " " << a.source << ">" << a.target;
      EXPECT_DOUBLE_EQ(a.goldstein_sum, b.goldstein_sum);
      for (int q = 0; q < 4; ++q) EXPECT_EQ(a.quad[q], b.quad[q]);
    }
  }

  std::string target_;
  std::unique_ptr<Store> store_;
};

const char kStrike[] = "Israel struck Gaza on Monday.";

TEST_P(StoreTest, ReportsOfOneEventMergeAcrossOutlets) {
  Put("a1", "AFP", 20240304, kStrike, {MakeEvent(kStrike, "ISRMIL", "PSE", "190", "Gaza")});
  Put("a2", "Reuters", 20240305, kStrike, {MakeEvent(kStrike, "ISR", "PSEHAM", "195", "Gaza")});
  Put("a3", "AFP", 20240305, kStrike, {MakeEvent(kStrike, "ISRMIL", "PSE", "183")});  // no place: joins
  auto events = Query(EventFilter());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].mentions, 3);
  EXPECT_EQ(events[0].articles, 3);
  EXPECT_EQ(events[0].publishers, 2);
  EXPECT_EQ(events[0].first_report, 20240304);
  EXPECT_EQ(events[0].last_report, 20240305);
  EXPECT_EQ(events[0].code, "190");  // the first mention's
  EXPECT_EQ(events[0].first_article_id, "a1");
  auto one = store_->GetEvent(events[0].id);
  ASSERT_TRUE(one.ok()) << one.status().message();
  ASSERT_EQ(one->mentions.size(), 3u);
  EXPECT_EQ(one->mentions[0].article_id, "a1");
  EXPECT_EQ(one->mentions[0].publisher, "AFP");
  EXPECT_EQ(one->mentions[0].title, "Title of a1");
}

TEST_P(StoreTest, NearMissesStayApart) {
  Put("b1", "AFP", 20240304, kStrike, {MakeEvent(kStrike, "ISRMIL", "PSE", "190", "Gaza")});
  Put("b2", "AFP", 20240310, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "190", "Gaza")});     // another week
  Put("b3", "AP", 20240304, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "190", "Rafah")});     // another place
  Put("b4", "AP", 20240304, kStrike, {MakeEvent(kStrike, "ISR", "LBN", "190", "Gaza")});      // another target
  Put("b5", "AP", 20240304, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "042", "Gaza")});      // another kind of act
  Put("b6", "AP", 20240304, kStrike, {MakeEvent(kStrike, "ISRGOV", "PSE", "190", "Gaza")});  // another sector
  EXPECT_EQ(Query(EventFilter()).size(), 6u);
}

TEST_P(StoreTest, AnEventTakesThePlaceOfItsFirstLocatedReport) {
  Put("p1", "AFP", 20240304, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "173")});
  Put("p2", "AP", 20240304, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "173", "West Bank")});
  Put("p3", "AP", 20240304, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "173", "Jerusalem")});
  auto events = Query(EventFilter());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].mentions + events[1].mentions, 3);
  for (const StoredEvent& event : events) EXPECT_EQ(event.mentions == 2 ? "West Bank" : "Jerusalem", event.place);
}

// The day the text gives ("on Monday", Event::event_date at day precision) is the event's date
// for merging and storing; a week is too coarse and the story date stays. The gazetteer's
// point is stored with the event.
TEST_P(StoreTest, EventDateFromTheTextAndCoordinatesAreStored) {
  auto located = [](Event event, int32_t event_date, const char* precision) {
    event.event_date = event_date;
    event.date_precision = precision;
    event.location.has_coordinates = true;
    event.location.lat = 31.5016;
    event.location.lon = 34.4667;
    return event;
  };
  Put("d1", "AFP", 20240304, kStrike, {located(MakeEvent(kStrike, "ISR", "PSE", "190", "Gaza"), 20240304, "day")});
  // Filed four days later about the same Monday: joins (story dates alone are too far apart).
  Put("d2", "AP", 20240308, kStrike, {located(MakeEvent(kStrike, "ISR", "PSE", "190", "Gaza"), 20240304, "day")});
  // "last week": precision week, so its story date counts: another event.
  Put("d3", "AP", 20240312, kStrike, {located(MakeEvent(kStrike, "ISR", "PSE", "190", "Gaza"), 20240304, "week")});
  auto events = Query(EventFilter());
  ASSERT_EQ(events.size(), 2u);
  for (const StoredEvent& event : events) {
    EXPECT_EQ(event.date, event.mentions == 2 ? 20240304 : 20240312);
    ASSERT_TRUE(event.latitude.has_value() && event.longitude.has_value());
    EXPECT_DOUBLE_EQ(*event.latitude, 31.5016);
    EXPECT_DOUBLE_EQ(*event.longitude, 34.4667);
  }
  EXPECT_EQ(events[0].mentions + events[1].mentions, 3);
}

TEST_P(StoreTest, ReingestReplacesAnArticlesMentions) {
  Put("c1", "AFP", 20240304, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "190")});
  Put("c2", "AP", 20240304, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "190")});
  ASSERT_EQ(Query(EventFilter())[0].mentions, 2);
  ExpectMonthlyCountsMatchEvents();
  Put("c2", "AP", 20240304, "Iran accused Israel.", {MakeEvent(kStrike, "IRN", "ISR", "112")});
  ExpectMonthlyCountsMatchEvents();
  auto events = Query(EventFilter());
  ASSERT_EQ(events.size(), 2u);
  for (const StoredEvent& event : events) EXPECT_EQ(event.mentions, 1) << event.id;
  Put("c1", "AFP", 20240304, "Nothing happened.", {});
  events = Query(EventFilter());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "IRN");
  ExpectMonthlyCountsMatchEvents();
  auto stats = store_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 2);
  EXPECT_EQ(stats->mentions, 1);
}

// The candidates FindEvent reads are chosen in SQL by the rules MergeScore applies
// (store.cc): an unknown country stands for any country on one side of the dyad only, an
// empty target matches only an empty one.
TEST_P(StoreTest, UnknownCountriesMergeOnOneSideOnly) {
  const char text[] = "Police detained protesters in the capital.";
  Put("u1", "AFP", 20240304, text, {MakeEvent(text, "---COP", "GEOOPP", "173")});
  Put("u2", "AP", 20240304, text, {MakeEvent(text, "GEOCOP", "GEOOPP", "173")});   // joins u1
  Put("u3", "AFP", 20240304, text, {MakeEvent(text, "---COP", "---OPP", "173")});  // unknown on both sides:
  Put("u4", "AP", 20240304, text, {MakeEvent(text, "---COP", "---OPP", "173")});   // never merged
  Put("u5", "AFP", 20240304, text, {MakeEvent(text, "---OPP", "", "145")});         // one-sided protests
  Put("u6", "AP", 20240304, text, {MakeEvent(text, "---OPP", "", "145")});          // join
  Put("u7", "AP", 20240304, text, {MakeEvent(text, "---OPP", "GEOGOV", "145")});    // a target: apart
  std::vector<int> mentions;
  for (const StoredEvent& event : Query(EventFilter())) mentions.push_back(event.mentions);
  std::sort(mentions.begin(), mentions.end());
  EXPECT_EQ(mentions, (std::vector<int>{1, 1, 1, 2, 2}));
}

// The full-text index follows an article through re-ingest (SQLite: kept by the store's
// statements, schema.cc; FTS5's integrity check, rank 1, compares it with the articles).
TEST_P(StoreTest, FullTextSearchFollowsReingest) {
  auto found = [&](const std::string& words) {
    EventFilter filter;
    filter.text = words;
    return Query(filter).size();
  };
  Put("t1", "AFP", 20240304, "Troops shelled the border town.", {MakeEvent(kStrike, "ISRMIL", "LBN", "190")});
  EXPECT_EQ(found("shelled"), 1u);
  Put("t1", "AFP", 20240304, "Talks resumed in Geneva.", {MakeEvent(kStrike, "ISR", "LBN", "040")});
  EXPECT_EQ(found("shelled"), 0u);
  EXPECT_EQ(found("Geneva"), 1u);
  // Replaced within the batch that first stored it (SQLite indexes a batch as it commits).
  ASSERT_TRUE(store_->BeginBatch().ok());
  for (const char* text : {"Rebels shelled the airport.", "Rebels stormed the airport."}) {
    Event event = MakeEvent(text, "SYRREB", "SYR", "190");
    event.doc_id = "t2";
    ASSERT_TRUE(store_->PutArticle(MakeDoc("t2", "AP", 20240305, text), {event}).ok());
  }
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_EQ(found("shelled"), 0u);
  EXPECT_EQ(found("stormed"), 1u);
  if (GetParam() == "sqlite") {
    auto db = store::OpenSqlite(target_, false, 1000);
    ASSERT_TRUE(db.ok()) << db.status().message();
    Status check = (*db)->Exec("INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)");
    EXPECT_TRUE(check.ok()) << check.message();
  }
}

// A store of schema 4 has no dyad months, and schema 3 no month totals either; opening
// one recomputes every count table from the events.
TEST(StoreSchema, OpeningAnOlderStoreRebuildsItsCountTables) {
  const std::string path = ProcessTempDir() + "/schema4.db";
  {
    auto store = Store::Open(path, StoreOptions());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->BeginBatch().ok());
    Event event = MakeEvent(kStrike, "ISR", "PSE", "190");
    event.date = 20240304;
    ASSERT_TRUE((*store)->PutArticle(MakeDoc("m1", "AFP", 20240304, kStrike), {event}).ok());
    ASSERT_TRUE((*store)->CommitBatch().ok());
  }
  {
    auto db = store::OpenSqlite(path, false, 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("DELETE FROM event_month_totals; DROP TABLE event_dyad_months; UPDATE meta SET value = "
                            "'4' WHERE key = 'schema_version'")
                    .ok());
  }
  auto store = Store::Open(path, StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status().message();
  AggregateRequest request;
  for (bool by_country : {false, true}) {
    request.by_dyad = request.by_country = by_country;
    auto counts = (*store)->Aggregate(request);
    ASSERT_TRUE(counts.ok()) << counts.status().message();
    ASSERT_EQ(counts->size(), 1u);
    EXPECT_EQ((*counts)[0].period, 20240301);
    EXPECT_EQ((*counts)[0].events, 1);
    EXPECT_EQ((*counts)[0].mentions, 1);
    EXPECT_EQ((*counts)[0].source, by_country ? "ISR" : "");
    EXPECT_EQ((*counts)[0].quad[3], 1);
  }
}

// A writer leaves index statistics behind as it closes, so that the planner reads a
// country's page from the (country, date) index, not from (country, root, date) and a sort.
TEST(StoreSchema, AWriterLeavesIndexStatistics) {
  const std::string path = ProcessTempDir() + "/stats.db";
  {
    auto store = Store::Open(path, StoreOptions());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->BeginBatch().ok());
    Event event = MakeEvent(kStrike, "ISR", "PSE", "190");
    event.date = 20240304;
    ASSERT_TRUE((*store)->PutArticle(MakeDoc("n1", "AFP", 20240304, kStrike), {event}).ok());
    ASSERT_TRUE((*store)->CommitBatch().ok());
  }
  auto db = store::OpenSqlite(path, false, 1000);
  ASSERT_TRUE(db.ok());
  auto stats = (*db)->Prepare("SELECT COUNT(*) FROM sqlite_stat1 WHERE idx IN ('events_source_root', "
                              "'events_source_country')");
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  ASSERT_TRUE(*(*stats)->Step());
  EXPECT_EQ((*stats)->Int(0), 2);
}

// A store written by schema 2 kept its full-text index by triggers; opening it drops them,
// so an article is indexed once.
TEST(StoreSchema, OpeningASchema2StoreDropsItsTriggers) {
  const std::string path = ProcessTempDir() + "/schema2.db";
  ASSERT_TRUE(Store::Open(path, StoreOptions()).ok());
  {
    auto db = store::OpenSqlite(path, false, 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN INSERT INTO "
                            "article_fts (rowid, title, text) VALUES (new.seq, new.title, new.text); END; "
                            "UPDATE meta SET value = '2' WHERE key = 'schema_version'")
                    .ok());
  }
  auto store = Store::Open(path, StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status().message();
  ASSERT_TRUE((*store)->BeginBatch().ok());
  ASSERT_TRUE((*store)->PutArticle(MakeDoc("s1", "AFP", 20240304, kStrike), {}).ok());
  ASSERT_TRUE((*store)->CommitBatch().ok());
  auto db = store::OpenSqlite(path, false, 1000);
  ASSERT_TRUE(db.ok());
  auto triggers = (*db)->Prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'");
  ASSERT_TRUE(triggers.ok());
  ASSERT_TRUE(*(*triggers)->Step());
  EXPECT_EQ((*triggers)->Int(0), 0);
  Status check = (*db)->Exec("INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)");
  EXPECT_TRUE(check.ok()) << check.message();
}

TEST_P(StoreTest, ChecksumSaysWhetherAnArticleIsStored) {
  Document doc = MakeDoc("d1", "AFP", 20240304, kStrike);
  auto before = store_->HasArticle("d1", Store::Checksum(doc));
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(*before);
  Put("d1", "AFP", 20240304, kStrike, {});
  EXPECT_TRUE(*store_->HasArticle("d1", Store::Checksum(doc)));
  Document changed = doc;
  changed.text += " More.";
  EXPECT_NE(Store::Checksum(changed), Store::Checksum(doc));
  EXPECT_FALSE(*store_->HasArticle("d1", Store::Checksum(changed)));
}

TEST_P(StoreTest, FiltersSelectEvents) {
  Put("e1", "AFP", 20240101, "Israel struck Gaza with missiles.", {MakeEvent(kStrike, "ISRMIL", "PSE", "190")});
  Put("e2", "AFP", 20240215, "Iran accused Israel of lying.", {MakeEvent(kStrike, "IRNGOV", "ISR", "112")});
  Put("e3", "AP", 20240301, "Iran met Iraq for talks.", {MakeEvent(kStrike, "IRN", "IRQ", "040")});
  EventFilter filter;
  filter.country = "ISR";
  EXPECT_EQ(Query(filter).size(), 2u);
  filter = EventFilter();
  filter.actor = "IRNGOV";
  ASSERT_EQ(Query(filter).size(), 1u);
  filter = EventFilter();
  filter.source = "IRN";
  EXPECT_EQ(Query(filter).size(), 2u);
  filter = EventFilter();
  filter.root = "19";
  EXPECT_EQ(Query(filter).size(), 1u);
  filter = EventFilter();
  filter.code = "11";
  EXPECT_EQ(Query(filter).size(), 1u);
  filter = EventFilter();
  filter.plover = "ACCUSE";
  EXPECT_EQ(Query(filter).size(), 1u);
  filter = EventFilter();
  filter.quad_class = 1;
  EXPECT_EQ(Query(filter).size(), 1u);
  filter = EventFilter();
  filter.date_from = 20240201;
  filter.date_to = 20240229;
  ASSERT_EQ(Query(filter).size(), 1u);
  EXPECT_EQ(Query(filter)[0].source, "IRNGOV");
  filter = EventFilter();
  filter.text = "missiles";
  ASSERT_EQ(Query(filter).size(), 1u);
  EXPECT_EQ(Query(filter)[0].root, "19");
  filter.text = "\"missiles\" OR talks";  // words, not query syntax
  EXPECT_EQ(Query(filter).size(), 0u);
  filter = EventFilter();
  filter.article_id = "e3";
  EXPECT_EQ(Query(filter).size(), 1u);
  // Newest first, pages by limit and offset.
  filter = EventFilter();
  filter.limit = 2;
  auto page = Query(filter);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].date, 20240301);
  EXPECT_EQ(page[1].date, 20240215);
  filter.offset = 2;
  ASSERT_EQ(Query(filter).size(), 1u);
  EXPECT_EQ(Query(filter)[0].date, 20240101);
  EXPECT_EQ(*store_->CountEvents(EventFilter()), 3);
}

TEST_P(StoreTest, ArticleComesBackWithItsSpans) {
  const std::string text = "Iran accused Israel of lying.";
  Event event = MakeEvent(text, "IRN", "ISR", "112");
  event.target.span = Span{13, 19};
  event.target.text = "Israel";
  event.clause = "main";
  Put("f1", "AFP", 20240215, text, {event});
  auto article = store_->GetArticle("f1");
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article->text, text);
  EXPECT_EQ(article->publisher, "AFP");
  EXPECT_EQ(article->published, 20240215);
  ASSERT_EQ(article->mentions.size(), 1u);
  const StoredMention& mention = article->mentions[0];
  EXPECT_EQ(text.substr(mention.source_span.begin, mention.source_span.end - mention.source_span.begin), "Iran");
  EXPECT_EQ(text.substr(mention.verb_span.begin, mention.verb_span.end - mention.verb_span.begin), "accused");
  EXPECT_EQ(text.substr(mention.target_span.begin, mention.target_span.end - mention.target_span.begin), "Israel");
  EXPECT_EQ(mention.rule, "test:1");
  EXPECT_EQ(mention.clause, "main");
  EXPECT_EQ(mention.sentence, text);
  EXPECT_EQ(store_->GetArticle("nope").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetEvent("nope").status().code(), StatusCode::kNotFound);
}

TEST_P(StoreTest, AggregatesCountPerPeriodAndDyad) {
  Put("g1", "AFP", 20240101, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "190")});  // Monday
  Put("g2", "AFP", 20240107, kStrike, {MakeEvent(kStrike, "IRN", "ISR", "112")});  // Sunday, same week
  Put("g3", "AFP", 20240108, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "042")});  // next Monday
  Put("g4", "AFP", 20240215, kStrike, {MakeEvent(kStrike, "ISRMIL", "PSE", "190")});
  AggregateRequest request;
  request.period = Period::kMonth;
  auto rows = store_->Aggregate(request);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].period, 20240101);
  EXPECT_EQ((*rows)[0].events, 3);
  EXPECT_EQ((*rows)[0].quad[0], 1);
  EXPECT_EQ((*rows)[0].quad[2], 1);
  EXPECT_EQ((*rows)[0].quad[3], 1);
  EXPECT_DOUBLE_EQ((*rows)[0].goldstein_sum, -5.0 - 5.0 + 3.0);
  request.period = Period::kWeek;
  rows = store_->Aggregate(request);
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].period, 20240101);
  EXPECT_EQ((*rows)[0].events, 2);
  EXPECT_EQ((*rows)[1].period, 20240108);
  EXPECT_EQ((*rows)[2].period, 20240212);
  request.period = Period::kMonth;
  request.by_dyad = true;
  request.by_country = true;
  request.filter.root = "19";
  rows = store_->Aggregate(request);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].source, "ISR");
  EXPECT_EQ((*rows)[1].target, "PSE");
  EXPECT_EQ((*rows)[1].period, 20240201);
  ExpectMonthlyCountsMatchEvents();
}

TEST_P(StoreTest, ReadOnlyHandleReadsWhileAWriterHoldsTheLock) {
  Put("h1", "AFP", 20240101, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "190")});
  StoreOptions read_only;
  read_only.read_only = true;
  auto reader = Store::Open(target_, read_only);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_FALSE((*reader)->BeginBatch().ok());
  ASSERT_TRUE(store_->BeginBatch().ok());
  Document doc = MakeDoc("h2", "AP", 20240102, kStrike);
  ASSERT_TRUE(store_->PutArticle(doc, {MakeEvent(kStrike, "IRN", "ISR", "112")}).ok());
  // The writer has not committed: the reader sees the committed state, without waiting.
  auto seen = (*reader)->QueryEvents(EventFilter());
  ASSERT_TRUE(seen.ok()) << seen.status().message();
  EXPECT_EQ(seen->size(), 1u);
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_EQ((*reader)->QueryEvents(EventFilter())->size(), 2u);
}

// The query time limit (StoreOptions::query_timeout_ms, `serve --query-timeout-ms`): a
// statement that runs too long fails with kDeadlineExceeded and the handle keeps working.
TEST_P(StoreTest, QueryTimeLimitStopsALongStatement) {
  Put("t1", "AFP", 20240101, kStrike, {MakeEvent(kStrike, "ISR", "PSE", "190")});
  const bool postgres = store::IsPostgresUrl(target_);
  auto db = postgres ? store::OpenPostgres(target_, true, 50) : store::OpenSqlite(target_, true, 1000, 50);
  ASSERT_TRUE(db.ok()) << db.status().message();
  // Minutes of work without the limit (SQLite counts to a billion; PostgreSQL sleeps 60 s).
  auto slow = (*db)->Prepare(postgres ? "SELECT pg_sleep(60)"
                                      : "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                        "WHERE x < 1000000000) SELECT count(*) FROM c");
  ASSERT_TRUE(slow.ok()) << slow.status().message();
  Result<bool> row = (*slow)->Step();
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(row.status().code(), StatusCode::kDeadlineExceeded) << row.status().message();
  EXPECT_NE(row.status().message().find("query time limit"), std::string::npos) << row.status().message();
  (*slow)->Reset();
  // A short statement on the same connection runs, with its own clock.
  auto fast = (*db)->Prepare("SELECT count(*) FROM events");
  ASSERT_TRUE(fast.ok()) << fast.status().message();
  Result<bool> counted = (*fast)->Step();
  ASSERT_TRUE(counted.ok()) << counted.status().message();
  EXPECT_EQ((*fast)->Int(0), 1);
  // Through the Store API.
  StoreOptions limited;
  limited.read_only = true;
  limited.query_timeout_ms = 2000;
  auto reader = Store::Open(target_, limited);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  auto events = (*reader)->QueryEvents(EventFilter());
  ASSERT_TRUE(events.ok()) << events.status().message();
  EXPECT_EQ(events->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST(StoreMergeRule, DatesAndDyads) {
  for (int32_t date : {19700101, 20000229, 20240301, 19991231}) {
    EXPECT_EQ(store::DateOfDay(store::DayNumber(date)), date);
  }
  EXPECT_EQ(store::DayNumber(20240301) - store::DayNumber(20240228), 2);
  store::MergeKey a, b;
  a.source = "ISRMIL";
  b.source = "ISR";
  a.target = b.target = "PSE";
  EXPECT_TRUE(store::SameDyad(a, b));
  b.source = "ISRGOV";
  EXPECT_FALSE(store::SameDyad(a, b));
  b.source = "ISRMIL";
  b.target = "";
  EXPECT_FALSE(store::SameDyad(a, b));
  EXPECT_DOUBLE_EQ(store::WordOverlap({"A", "B", "C", "D"}, {"B", "D", "E"}), 0.5);
  // An unknown country matches any country, on one side of the dyad only.
  a.source = "---COP";
  a.target = "GEOOPP";
  b.source = "GEOCOP";
  b.target = "GEOOPP";
  EXPECT_TRUE(store::SameDyad(a, b));
  a.target = "---OPP";
  EXPECT_FALSE(store::SameDyad(a, b));
  a.source = "---GOV";
  a.target = "GEOOPP";
  EXPECT_FALSE(store::SameDyad(a, b));  // sectors still differ
}

TEST(StoreOpen, ErrorsNameTheTarget) {
  StoreOptions read_only;
  read_only.read_only = true;
  const std::string missing = ProcessTempDir() + "/missing.db";
  auto store = Store::Open(missing, read_only);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("missing.db"), std::string::npos) << store.status().message();
  const std::string not_store = ProcessTempDir() + "/not_a_store.db";
  testing::WriteFile(not_store, "hello");
  store = Store::Open(not_store, read_only);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not_a_store.db"), std::string::npos) << store.status().message();
}

}  // namespace
}  // namespace annalist
