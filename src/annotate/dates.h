// Event dates from the words of the text ("On 28 April", "on Tuesday", "last week") resolved
// against the publication date, and story dates in the forms wires and feeds use
// ("2023-11-06T08:15:00Z", "Nov. 6, 2023", "Mon, 06 Nov 2023 08:15:00 +0000").
//
// Time words (months, weekdays, relative phrases) are data: data/dates/time_words.txt,
// embedded at build time (cmake/geo.cmake). TimeWords is immutable after loading.
#ifndef ANNALIST_ANNOTATE_DATES_H_
#define ANNALIST_ANNOTATE_DATES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "annalist/event.h"
#include "annalist/status.h"

namespace annalist {

enum class DatePrecision : uint8_t { kNone = 0, kDay, kWeek, kMonth, kYear };
// "day", "week", "month", "year"; "" for kNone.
std::string_view DatePrecisionName(DatePrecision precision);

// Calendar helpers on YYYYMMDD integers (proleptic Gregorian).
bool ValidDate(int year, int month, int day);
int32_t AddDays(int32_t date, int days);
int IsoWeekday(int32_t date);  // 1 = Monday .. 7 = Sunday

struct DateWord {
  std::string_view text;  // the word as written
  Span span;              // its bytes in the document (any span for free text)
};

struct DateMention {
  int32_t date = 0;  // YYYYMMDD; the first day of the week (Monday), month or year when coarser
  DatePrecision precision = DatePrecision::kNone;
  Span span;                  // from the first word's begin to the last word's end
  uint32_t first_word = 0;    // index range into the words searched
  uint32_t end_word = 0;
};

class TimeWords {
 public:
  // The embedded data/dates/time_words.txt, parsed once.
  static const TimeWords& Builtin();
  // Parses the time_words.txt format; errors name `file` and the line.
  static Result<TimeWords> Parse(std::string_view text, std::string_view file);

  enum class Kind : uint8_t { kMonth, kWeekday, kOffset, kNumber, kUnit, kAgo, kOrdinal, kSkip, kYearLead };
  struct Entry {
    Kind kind;
    std::vector<std::string> words;  // lower case
    int value = 0;
    DatePrecision unit = DatePrecision::kNone;
  };
  // Entries whose first word is `lower` (lower case, trailing '.' removed by the caller).
  std::span<const uint32_t> StartingWith(std::string_view lower) const;
  const Entry& entry(uint32_t index) const { return entries_[index]; }

 private:
  std::vector<Entry> entries_;
  struct Bucket {
    std::string word;
    std::vector<uint32_t> entries;
  };
  std::vector<Bucket> buckets_;  // open addressing by hash of the first word
  // Bit n (n < 63; 63 = longer) set when some first word has that length, by lead character
  // (LeadIndex): most words are ruled out without hashing.
  uint64_t lengths_by_lead_[37] = {};
  static int LeadIndex(char c);
  void Index();
};

// Date expressions among `words`, in order, resolved against `reference` (YYYYMMDD, the
// publication date). Without a reference only expressions that name their year are found.
// `forward`: relative weekdays and year-less dates point after the reference (future events).
void FindDates(const TimeWords& time_words, std::span<const DateWord> words, int32_t reference, bool forward,
               std::vector<DateMention>* out);

// A story date as feeds write it: YYYY-MM-DD, YYYYMMDD, ISO-8601 timestamps
// (2023-11-06T08:15:00Z, with any offset: the date as written is kept), "Nov. 6, 2023",
// "6 November 2023", RFC 2822 ("Mon, 06 Nov 2023 08:15:00 +0000"). False if none of these.
bool ParseStoryDate(std::string_view text, int32_t* date);

// Fills event_date, date_text, date_span, date_precision and date_how of events[first..] from
// their sentences (the date expression of the highest precision, nearest the verb), else the
// last date named earlier in the story, else the dateline date, else the publication date.
void ResolveEventDates(const TimeWords& time_words, const Document& doc, std::vector<Event>* events, size_t first);

}  // namespace annalist

#endif  // ANNALIST_ANNOTATE_DATES_H_
