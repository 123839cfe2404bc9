// What the HTTP API reads: filtered events, one event with its mentions, one article with
// its coded spans, counts per period and dyad. The server's routes (api.h) only talk to
// this interface; store_event_source.cc adapts the event store (src/store) to it and
// tests use an in-memory one, so the routes, limits and JSON are testable without a store.
//
// Thread safety: an EventSource is called from several server workers at once.
#ifndef ANNALIST_SERVER_EVENT_SOURCE_H_
#define ANNALIST_SERVER_EVENT_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "annalist/document.h"
#include "annalist/status.h"

namespace annalist::server {

// All fields optional; empty / 0 = no condition. Conditions combine with AND.
struct EventFilter {
  int32_t date_from = 0;  // YYYYMMDD, inclusive
  int32_t date_to = 0;    // YYYYMMDD, inclusive
  std::string country;    // 3 letters: source or target actor code starts with it
  std::string actor;      // actor code prefix, source or target ("IRNGOV", "USA")
  std::string source;     // actor code prefix of the source only
  std::string target;     // actor code prefix of the target only
  std::string root;       // CAMEO root "14"
  std::string code;       // CAMEO code prefix "141" (matches 141, 1411, ...)
  std::string plover;     // PLOVER type "PROTEST"
  int quad_class = 0;     // 1..4
  std::string text;       // full-text search over the reporting articles' text
  size_t limit = 50;
  size_t offset = 0;
};

struct MentionRecord {
  std::string article_id;
  uint32_t sentence_index = 0;
  std::string source, target, code;
  int32_t date = 0;
  Span sentence, source_span, target_span, verb;  // byte spans in the article text
  std::string source_text, target_text, verb_text, sentence_text;
  std::string rule;
  double confidence = 0;
  bool negated = false;
  std::string modality;
  std::string event_id;  // the merged event this mention belongs to
};

struct EventRecord {
  std::string id;
  std::string source, target, code, root, plover;
  int quad_class = 0;
  double goldstein = 0;
  int32_t date = 0;                // YYYYMMDD
  int32_t first_report = 0;        // YYYYMMDD of the first and last article
  int32_t last_report = 0;
  std::string location_text, location_code;  // place and its country
  std::optional<double> lat, lon;  // coordinates when the store has them
  uint32_t mentions = 0, articles = 0, publishers = 0;
  std::string sentence_text;       // one reporting sentence, for the table
  std::vector<MentionRecord> mention_list;  // filled by GetEvent only
};

struct ArticleRecord {
  std::string id, url, publisher, title, text;
  int32_t published = 0;  // YYYYMMDD, 0 unknown
  std::vector<MentionRecord> mentions;  // in text order
};

enum class Period { kDay, kWeek, kMonth };

struct CountRow {
  std::string period;          // day "2024-03-07", week (its Monday) "2024-03-04", month "2024-03"
  std::string source, target;  // empty unless counted by dyad
  uint64_t events = 0;
  double goldstein = 0;        // sum over the events
};

class EventSource {
 public:
  virtual ~EventSource() = default;
  // Events matching `filter`, at most filter.limit + 1 (the extra one tells the caller
  // there is a next page), ordered by date then id.
  virtual Result<std::vector<EventRecord>> ListEvents(const EventFilter& filter) const = 0;
  // How many events match `filter` (limit and offset ignored).
  virtual Result<uint64_t> CountEvents(const EventFilter& filter) const = 0;
  // One event with all its mentions; NotFound if no such id.
  virtual Result<EventRecord> GetEvent(const std::string& id) const = 0;
  // One article with its text and the mentions coded from it; NotFound if no such id.
  virtual Result<ArticleRecord> GetArticle(const std::string& id) const = 0;
  // Counts of matching events per period (and per dyad when `by_dyad`), ordered by period
  // then dyad; at most `max_rows` + 1 rows.
  virtual Result<std::vector<CountRow>> Count(const EventFilter& filter, Period period, bool by_dyad,
                                              size_t max_rows) const = 0;
};

}  // namespace annalist::server

#endif  // ANNALIST_SERVER_EVENT_SOURCE_H_
