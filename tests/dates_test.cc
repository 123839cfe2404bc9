// Event dates from the text (src/annotate/dates): date expressions resolved against the
// publication date, story dates in feed formats, and the per-event choice and fallbacks.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "annotate/dates.h"
#include "annalist/article_reader.h"
#include "segment/segment.h"

namespace annalist {
namespace {

struct Found {
  int32_t date = 0;
  std::string precision, text;
};

// The date expressions of `text` (segmented as the pipeline does) against `reference`.
std::vector<Found> Dates(const std::string& text, int32_t reference, bool forward = false) {
  Document doc;
  doc.text = text;
  Segment(&doc);
  std::vector<DateWord> words;
  for (const Token& token : doc.tokens) words.push_back(DateWord{doc.Slice(token.span), token.span});
  std::vector<DateMention> mentions;
  FindDates(TimeWords::Builtin(), words, reference, forward, &mentions);
  std::vector<Found> out;
  for (const DateMention& m : mentions) {
    out.push_back(Found{m.date, std::string(DatePrecisionName(m.precision)), std::string(doc.Slice(m.span))});
  }
  return out;
}

Found First(const std::string& text, int32_t reference, bool forward = false) {
  auto all = Dates(text, reference, forward);
  return all.empty() ? Found{} : all.front();
}

TEST(Calendar, WeekdaysAndArithmetic) {
  EXPECT_EQ(IsoWeekday(20231106), 1);  // a Monday
  EXPECT_EQ(IsoWeekday(20240229), 4);
  EXPECT_EQ(AddDays(20240301, -1), 20240229);
  EXPECT_EQ(AddDays(20231231, 1), 20240101);
  EXPECT_FALSE(ValidDate(2023, 2, 29));
  EXPECT_TRUE(ValidDate(2000, 2, 29));
}

TEST(FindDates, ExplicitDayMonthYearInEitherOrder) {
  EXPECT_EQ(First("On 28 April, troops entered the city.", 20230502).date, 20230428);
  Found us = First("Troops entered the city on April 28, 2023, officials said.", 20230601);
  EXPECT_EQ(us.date, 20230428);
  EXPECT_EQ(us.text, "April 28, 2023");
  EXPECT_EQ(us.precision, "day");
  EXPECT_EQ(First("The vote was held on 3 March 2021 in the capital.", 20210310).date, 20210303);
  EXPECT_EQ(First("Talks resumed on Nov. 6 after a pause.", 20231110).date, 20231106);
  EXPECT_EQ(First("The 5th of May ceasefire held.", 20220601).date, 20220505);
}

TEST(FindDates, YearlessDatesFallInThePastOfThePublication) {
  // Published in early January: "28 December" is last year's.
  EXPECT_EQ(First("Rebels attacked the base on 28 December.", 20240103).date, 20231228);
  // A few days ahead of the publication date stays in its year (reports filed early).
  EXPECT_EQ(First("The summit opens on 12 June.", 20230610).date, 20230612);
}

TEST(FindDates, NumericDates) {
  EXPECT_EQ(First("Clashes erupted on 28/04 in the north.", 20230502).date, 20230428);
  EXPECT_EQ(First("Clashes erupted on 28/04/2022 in the north.", 20230502).date, 20220428);
  EXPECT_EQ(First("Clashes erupted on 04/28/2022 in the north.", 20230502).date, 20220428);  // month first
  EXPECT_EQ(First("The report is dated 2021-07-15.", 20230502).date, 20210715);
}

TEST(FindDates, WeekdaysAreTheLastOneUpToPublication) {
  // 2023-11-08 is a Wednesday.
  EXPECT_EQ(First("Gunmen stormed a village on Tuesday.", 20231108).date, 20231107);
  EXPECT_EQ(First("Gunmen stormed a village on Wednesday.", 20231108).date, 20231108);
  EXPECT_EQ(First("Gunmen stormed a village on Thursday.", 20231108).date, 20231102);
  // Future wording looks ahead.
  EXPECT_EQ(First("Ministers will meet on Friday.", 20231108, /*forward=*/true).date, 20231110);
}

TEST(FindDates, RelativePhrases) {
  Found yesterday = First("Police said yesterday that two men were held.", 20220512);
  EXPECT_EQ(yesterday.date, 20220511);
  EXPECT_EQ(yesterday.precision, "day");
  Found last_week = First("Soldiers clashed with rebels last week.", 20210920);  // a Monday
  EXPECT_EQ(last_week.date, 20210913);
  EXPECT_EQ(last_week.precision, "week");
  Found month = First("Protests spread earlier this month.", 20220118);
  EXPECT_EQ(month.date, 20220101);
  EXPECT_EQ(month.precision, "month");
  EXPECT_EQ(First("Prices rose last month.", 20220118).date, 20211201);
  EXPECT_EQ(First("The army withdrew two weeks ago.", 20220118).precision, "week");
  EXPECT_EQ(First("The army withdrew three days ago.", 20220118).date, 20220115);
  EXPECT_EQ(First("Troops left on the 5th.", 20220318).date, 20220305);
  EXPECT_EQ(First("Troops left on the 25th.", 20220318).date, 20220225);  // not yet this month
}

TEST(FindDates, MonthsAndYears) {
  Found march = First("The offensive began in March.", 20230615);
  EXPECT_EQ(march.date, 20230301);
  EXPECT_EQ(march.precision, "month");
  EXPECT_EQ(First("The offensive began in October.", 20230615).date, 20221001);
  EXPECT_EQ(First("The offensive began in March 2019.", 20230615).date, 20190301);
  Found year = First("The group was founded in 2014.", 20230615);
  EXPECT_EQ(year.date, 20140101);
  EXPECT_EQ(year.precision, "year");
}

TEST(FindDates, NotDates) {
  EXPECT_TRUE(Dates("The minister may resign, and protesters march on parliament.", 20230615).empty());
  EXPECT_TRUE(Dates("Five soldiers and 12 civilians died.", 20230615).empty());
  EXPECT_TRUE(Dates("The blockade has lasted since 2014.", 20230615).empty());  // "since": no event date
}

TEST(ParseStoryDate, FeedFormats) {
  int32_t date = 0;
  EXPECT_TRUE(ParseStoryDate("2023-11-06T08:15:00Z", &date));
  EXPECT_EQ(date, 20231106);
  EXPECT_TRUE(ParseStoryDate("2023-11-06T23:15:00-05:00", &date));
  EXPECT_EQ(date, 20231106);
  EXPECT_TRUE(ParseStoryDate("Nov. 6, 2023", &date));
  EXPECT_EQ(date, 20231106);
  EXPECT_TRUE(ParseStoryDate("6 November 2023", &date));
  EXPECT_EQ(date, 20231106);
  EXPECT_TRUE(ParseStoryDate("Mon, 06 Nov 2023 08:15:00 +0000", &date));
  EXPECT_EQ(date, 20231106);
  EXPECT_TRUE(ParseStoryDate("20231106", &date));
  EXPECT_EQ(date, 20231106);
  EXPECT_FALSE(ParseStoryDate("yesterday", &date));
  EXPECT_FALSE(ParseStoryDate("2023-02-30", &date));
  EXPECT_FALSE(ParseStoryDate("Nov. 6", &date));  // no year: not a story date
}

TEST(ParseStoryDate, TheArticleReaderAcceptsTheFeedFormats) {
  int32_t date = 0;
  EXPECT_TRUE(ParseDate("2023-11-06T08:15:00Z", &date));
  EXPECT_EQ(date, 20231106);
  EXPECT_TRUE(ParseDate("Mon, 06 Nov 2023 08:15:00 +0000", &date));
  EXPECT_EQ(date, 20231106);
  EXPECT_TRUE(ParseDate("151102", &date));  // YYMMDD stays the reader's own
  EXPECT_EQ(date, 20151102);
  EXPECT_FALSE(ParseDate("soon", &date));
}

TEST(TimeWords, ParseErrorsNameTheLine) {
  auto bad = TimeWords::Parse("# c\nmonth\tjanuary\t1\noffset\tsoon\t1\n", "t.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "t.txt:3: offset and unit need a unit: day, week, month or year");
  EXPECT_FALSE(TimeWords::Parse("weekday\tmonday\tx\n", "t.txt").ok());
  EXPECT_TRUE(TimeWords::Parse("weekday\tmonday\t1\n", "t.txt").ok());
}

std::vector<Event> Code(const std::string& text, int32_t date) {
  static std::unique_ptr<Pipeline> pipeline = [] {
    auto p = Pipeline::Load(PipelineConfig{});
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

TEST(ResolveEventDates, SentenceThenStoryThenPublication) {
  auto events = Code("Rebels attacked a police station in the north on 3 March 2021. "
                     "The rebels also burned a school.",
                     20210310);
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[0].event_date, 20210303);
  EXPECT_EQ(events[0].date_how, "sentence");
  EXPECT_EQ(events[0].date_text, "3 March 2021");
  EXPECT_EQ(events.back().event_date, 20210303);
  EXPECT_EQ(events.back().date_how, "story");
  EXPECT_EQ(events[0].date, 20210310);  // the publication date is kept

  auto plain = Code("Israel accused Iran.", 20210310);
  ASSERT_FALSE(plain.empty());
  EXPECT_EQ(plain[0].event_date, 20210310);
  EXPECT_EQ(plain[0].date_how, "published");
  EXPECT_TRUE(plain[0].date_text.empty());
}

TEST(ResolveEventDates, DatelineGivesAPlainTextItsDate) {
  auto events = Code("TEHRAN, 5 March 2024 (Reuters) - Iran accused Israel.", 0);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].date, 20240305);
  EXPECT_EQ(events[0].event_date, 20240305);
}

}  // namespace
}  // namespace annalist
