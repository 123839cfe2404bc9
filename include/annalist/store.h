// Store: coded articles kept in SQLite or PostgreSQL, mentions merged into real-world
// events, and the read API the CLI (query, aggregate) and the server use.
//
//   annalist::StoreOptions options;
//   options.read_only = true;
//   auto store = annalist::Store::Open("events.db", options);   // or "postgresql://..."
//   if (!store.ok()) { ... store.status().message() ... }
//   annalist::EventFilter filter;
//   filter.country = "IRN"; filter.root = "19"; filter.limit = 50;
//   auto page = (*store)->QueryEvents(filter);                   // newest first
//   auto one = (*store)->GetEvent((*page)[0].id);                // with its mentions
//
// Writing (annalist ingest): BeginBatch, PutArticle per coded article, CommitBatch. One
// batch is one transaction: a crash loses at most the open batch, never a committed one.
// Re-putting an article (same id) replaces its mentions; an article already stored with
// the same checksum can be skipped (HasArticle), which is how an interrupted ingest
// resumes. Mentions merge into events as they arrive (docs/store.md has the rule).
//
// Ownership and threads: a Store owns one database connection. It is NOT thread-safe:
// use one Store per thread (opening a read-only SQLite handle costs well under a
// millisecond) or guard it with a mutex. Many processes may open the same SQLite file:
// one writer at a time (others wait up to StoreOptions::busy_timeout_ms), readers are never
// blocked by the writer (WAL). All results are plain values owned by the caller.
#ifndef ANNALIST_STORE_H_
#define ANNALIST_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annalist/document.h"
#include "annalist/event.h"
#include "annalist/status.h"

namespace annalist {

// When two mentions are one real-world event (docs/store.md, "Merging").
struct MergeOptions {
  int max_day_gap = 1;           // event dates at most this many days apart
  double min_word_overlap = 0.0;  // overlap of content words (0..1) required to merge
  bool enabled = true;           // false: every mention is its own event
};

struct StoreOptions {
  bool read_only = false;
  int busy_timeout_ms = 30000;  // how long a writer waits for another writer
  // A statement running longer is stopped and fails with StatusCode::kDeadlineExceeded
  // (SQLite: a progress handler; PostgreSQL: statement_timeout). 0: no limit. The server
  // (`annalist serve --query-timeout-ms`) sets it so that no request holds a worker long.
  int query_timeout_ms = 0;
  MergeOptions merge;
};

// Filters of QueryEvents and Aggregate; empty / 0 fields do not filter. All given
// filters must hold (AND).
struct EventFilter {
  int32_t date_from = 0;    // YYYYMMDD, inclusive
  int32_t date_to = 0;      // YYYYMMDD, inclusive
  std::string country;      // 3-letter code: source or target country ("IRN")
  std::string actor;        // actor code prefix, source or target ("IRNGOV" matches IRNGOVMIL)
  std::string source;       // source actor code prefix
  std::string target;       // target actor code prefix
  std::string root;         // CAMEO root, two digits ("19")
  std::string code;         // CAMEO code prefix ("19", "190", "1902")
  std::string plover;       // PLOVER type ("ASSAULT")
  int quad_class = 0;       // 1..4
  std::string text;         // full-text search over article titles and text (words, AND)
  std::string article_id;   // events with a mention in this article
  int min_mentions = 0;     // events reported at least this many times
  int64_t limit = 100;      // QueryEvents page size (capped at 10000)
  int64_t offset = 0;
};

// One merged real-world event.
struct StoredEvent {
  std::string id;            // stable: the id of its first mention, 16 hex digits
  std::string source;        // actor codes as first coded; target empty = none
  std::string target;
  std::string code, root, plover;
  int quad_class = 0;
  double goldstein = 0.0;
  int32_t date = 0;          // YYYYMMDD: event date of the first mention (0 unknown)
  std::string place;         // location text of the first located mention; empty = none
  std::string place_country; // its country code
  std::optional<double> latitude, longitude;  // when the gazetteer placed it
  int32_t first_report = 0;  // earliest / latest publication date of its articles
  int32_t last_report = 0;
  int mentions = 0, articles = 0, publishers = 0;
  std::string sentence;      // sentence of the first mention, to show in a table
  std::string first_article_id;
};

// One coded event instance: what one sentence of one article said.
struct StoredMention {
  std::string article_id;
  int index = 0;                 // position among the article's mentions
  std::string id;                // the coder's event_id
  std::string event_id;          // the merged event it belongs to
  uint32_t sentence_index = 0;
  std::string sentence;
  Span sentence_span, source_span, target_span, verb_span;  // byte spans in article text
  std::string source, target;    // actor codes as coded
  std::string source_text, target_text, verb_text;
  std::string source_name, target_name;
  std::string code, root, plover;
  int quad_class = 0;
  double goldstein = 0.0;
  int32_t date = 0;              // event date (story date when the text gives none)
  std::string rule;
  double confidence = 0.0;
  bool negated = false;
  std::string modality, attributed_to, clause;
  std::string place, place_country;
  Span place_span;
  std::string publisher, title, url;  // of its article
  int32_t published = 0;
};

struct StoredArticle {
  std::string id, url, publisher, title;
  int32_t published = 0;     // YYYYMMDD, 0 unknown
  std::string text;
  std::string checksum;      // 16 hex digits over text and metadata
  std::vector<StoredMention> mentions;  // in text order, with spans into `text`
};

struct EventWithMentions {
  StoredEvent event;
  std::vector<StoredMention> mentions;  // by publication date, article, position
};

enum class Period { kDay, kWeek, kMonth };

struct AggregateRequest {
  EventFilter filter;     // limit/offset ignored
  Period period = Period::kMonth;
  bool by_dyad = false;   // one row per (period, source, target) instead of per period
  bool by_country = false;  // with by_dyad: dyads cut to 3-letter countries
};

// One row of an aggregate: merged events in one period (and dyad).
struct CountRow {
  int32_t period = 0;          // first day of the period, YYYYMMDD (weeks start on Monday)
  std::string source, target;  // with by_dyad
  int64_t events = 0;
  int64_t mentions = 0;
  double goldstein_sum = 0.0;
  int64_t quad[4] = {0, 0, 0, 0};  // events per QuadClass 1..4
};

struct StoreStats {
  int64_t articles = 0, mentions = 0, events = 0;
};

class Store {
 public:
  // `target`: a SQLite file path (created unless read_only) or a postgresql:// (or
  // postgres://) connection URL. Creates the schema when it is missing.
  static Result<std::unique_ptr<Store>> Open(const std::string& target, const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Writing. A batch is one transaction (and holds the writer lock until committed).
  Status BeginBatch();
  // Stores a coded article (doc after Pipeline::Code, with its tokens) and its events,
  // replacing what was stored under doc.id, and merges the mentions into events.
  Status PutArticle(const Document& doc, const std::vector<Event>& events);
  Status CommitBatch();
  void RollbackBatch();

  // Checksum PutArticle stores for `doc` (text and metadata).
  static std::string Checksum(const Document& doc);
  // True when an article with this id and checksum is stored.
  Result<bool> HasArticle(const std::string& id, const std::string& checksum);

  // Reading.
  Result<std::vector<StoredEvent>> QueryEvents(const EventFilter& filter);
  Result<int64_t> CountEvents(const EventFilter& filter);
  Result<EventWithMentions> GetEvent(const std::string& id);          // NotFound if absent
  Result<StoredArticle> GetArticle(const std::string& id);            // NotFound if absent
  // Rows ordered by period, then source, target.
  Result<std::vector<CountRow>> Aggregate(const AggregateRequest& request);
  Result<StoreStats> Stats();

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// "2024-03-05" -> 20240305; 0 if malformed. And back ("" for 0).
int32_t ParseIsoDate(const std::string& text);
std::string FormatIsoDate(int32_t date);

}  // namespace annalist

#endif  // ANNALIST_STORE_H_
