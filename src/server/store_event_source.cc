#include "server/store_event_source.h"

#include <cstdio>
#include <utility>

namespace annalist::server {
namespace {

annalist::EventFilter ToStoreFilter(const EventFilter& filter) {
  annalist::EventFilter out;
  out.date_from = filter.date_from;
  out.date_to = filter.date_to;
  out.country = filter.country;
  out.actor = filter.actor;
  out.source = filter.source;
  out.target = filter.target;
  out.root = filter.root;
  out.code = filter.code;
  out.plover = filter.plover;
  out.quad_class = filter.quad_class;
  out.text = filter.text;
  out.limit = static_cast<int64_t>(filter.limit) + 1;  // one more tells "there is a next page"
  out.offset = static_cast<int64_t>(filter.offset);
  return out;
}

EventRecord FromStored(const StoredEvent& e) {
  EventRecord out;
  out.id = e.id;
  out.source = e.source;
  out.target = e.target;
  out.code = e.code;
  out.root = e.root;
  out.plover = e.plover;
  out.quad_class = e.quad_class;
  out.goldstein = e.goldstein;
  out.date = e.date;
  out.first_report = e.first_report;
  out.last_report = e.last_report;
  out.location_text = e.place;
  out.location_code = e.place_country;
  out.lat = e.latitude;
  out.lon = e.longitude;
  out.mentions = static_cast<uint32_t>(e.mentions);
  out.articles = static_cast<uint32_t>(e.articles);
  out.publishers = static_cast<uint32_t>(e.publishers);
  out.sentence_text = e.sentence;
  return out;
}

MentionRecord FromStored(const StoredMention& m) {
  MentionRecord out;
  out.article_id = m.article_id;
  out.sentence_index = m.sentence_index;
  out.source = m.source;
  out.target = m.target;
  out.code = m.code;
  out.date = m.date;
  out.sentence = m.sentence_span;
  out.source_span = m.source_span;
  out.target_span = m.target_span;
  out.verb = m.verb_span;
  out.source_text = m.source_text;
  out.target_text = m.target_text;
  out.verb_text = m.verb_text;
  out.sentence_text = m.sentence;
  out.rule = m.rule;
  out.confidence = m.confidence;
  out.negated = m.negated;
  out.modality = m.modality;
  out.event_id = m.event_id;
  return out;
}

std::string FormatPeriod(int32_t first_day, Period period) {
  char text[16];
  if (period == Period::kMonth) {
    std::snprintf(text, sizeof text, "%04d-%02d", first_day / 10000, first_day / 100 % 100);
  } else {
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", first_day / 10000, first_day / 100 % 100, first_day % 100);
  }
  return text;
}

}  // namespace

// Gives a pooled Store back when the request is done, whatever path it leaves by.
class StoreEventSource::Lease {
 public:
  Lease(const StoreEventSource* owner, std::unique_ptr<Store> store) : owner_(owner), store_(std::move(store)) {}
  ~Lease() { owner_->Release(std::move(store_)); }
  Store* operator->() { return store_.get(); }

 private:
  const StoreEventSource* owner_;
  std::unique_ptr<Store> store_;
};

Result<std::unique_ptr<StoreEventSource>> StoreEventSource::Open(const std::string& target, int query_timeout_ms) {
  std::unique_ptr<StoreEventSource> source(new StoreEventSource(target, query_timeout_ms));
  Result<std::unique_ptr<Store>> first = source->Acquire();
  if (!first.ok()) return first.status();
  source->Release(first.TakeValue());
  return source;
}

Result<std::unique_ptr<Store>> StoreEventSource::Acquire() const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> store = std::move(idle_.back());
      idle_.pop_back();
      return store;
    }
  }
  StoreOptions options;
  options.read_only = true;  // the server never writes
  options.query_timeout_ms = query_timeout_ms_;
  return Store::Open(target_, options);
}

void StoreEventSource::Release(std::unique_ptr<Store> store) const {
  if (store == nullptr) return;
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(store));
}

Result<std::vector<EventRecord>> StoreEventSource::ListEvents(const EventFilter& filter) const {
  Result<std::unique_ptr<Store>> store = Acquire();
  if (!store.ok()) return store.status();
  Lease lease(this, store.TakeValue());
  Result<std::vector<StoredEvent>> events = lease->QueryEvents(ToStoreFilter(filter));
  if (!events.ok()) return events.status();
  std::vector<EventRecord> out;
  out.reserve(events->size());
  for (const StoredEvent& e : *events) out.push_back(FromStored(e));
  return out;
}

Result<uint64_t> StoreEventSource::CountEvents(const EventFilter& filter) const {
  Result<std::unique_ptr<Store>> store = Acquire();
  if (!store.ok()) return store.status();
  Lease lease(this, store.TakeValue());
  Result<int64_t> count = lease->CountEvents(ToStoreFilter(filter));
  if (!count.ok()) return count.status();
  return static_cast<uint64_t>(*count);
}

Result<EventRecord> StoreEventSource::GetEvent(const std::string& id) const {
  Result<std::unique_ptr<Store>> store = Acquire();
  if (!store.ok()) return store.status();
  Lease lease(this, store.TakeValue());
  Result<EventWithMentions> found = lease->GetEvent(id);
  if (!found.ok()) return found.status();
  EventRecord out = FromStored(found->event);
  for (const StoredMention& m : found->mentions) out.mention_list.push_back(FromStored(m));
  return out;
}

Result<ArticleRecord> StoreEventSource::GetArticle(const std::string& id) const {
  Result<std::unique_ptr<Store>> store = Acquire();
  if (!store.ok()) return store.status();
  Lease lease(this, store.TakeValue());
  Result<StoredArticle> found = lease->GetArticle(id);
  if (!found.ok()) return found.status();
  ArticleRecord out;
  out.id = found->id;
  out.url = found->url;
  out.publisher = found->publisher;
  out.title = found->title;
  out.published = found->published;
  out.text = std::move(found->text);
  for (const StoredMention& m : found->mentions) out.mentions.push_back(FromStored(m));
  return out;
}

Result<std::vector<CountRow>> StoreEventSource::Count(const EventFilter& filter, Period period, bool by_dyad,
                                                      size_t max_rows) const {
  Result<std::unique_ptr<Store>> store = Acquire();
  if (!store.ok()) return store.status();
  Lease lease(this, store.TakeValue());
  AggregateRequest request;
  request.filter = ToStoreFilter(filter);
  request.period = period == Period::kDay ? annalist::Period::kDay
                   : period == Period::kWeek ? annalist::Period::kWeek : annalist::Period::kMonth;
  request.by_dyad = by_dyad;
  Result<std::vector<annalist::CountRow>> rows = lease->Aggregate(request);
  if (!rows.ok()) return rows.status();
  std::vector<CountRow> out;
  for (const annalist::CountRow& row : *rows) {
    if (out.size() > max_rows) break;
    out.push_back({FormatPeriod(row.period, period), row.source, row.target, static_cast<uint64_t>(row.events),
                   row.goldstein_sum});
  }
  return out;
}

}  // namespace annalist::server
