// The event store (include/annalist/store.h) as the server's EventSource: opened
// read-only, one Store handle per concurrent request (a Store is not thread-safe; handles
// are pooled and reused, at most one per server worker).
#ifndef ANNALIST_SERVER_STORE_EVENT_SOURCE_H_
#define ANNALIST_SERVER_STORE_EVENT_SOURCE_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "annalist/store.h"
#include "server/event_source.h"

namespace annalist::server {

class StoreEventSource : public EventSource {
 public:
  // Opens one read-only handle now, so a missing or unreadable store fails at start-up.
  // A query running over `query_timeout_ms` (0: no limit) fails with kDeadlineExceeded.
  static Result<std::unique_ptr<StoreEventSource>> Open(const std::string& target, int query_timeout_ms = 0);

  Result<std::vector<EventRecord>> ListEvents(const EventFilter& filter) const override;
  Result<uint64_t> CountEvents(const EventFilter& filter) const override;
  Result<EventRecord> GetEvent(const std::string& id) const override;
  Result<ArticleRecord> GetArticle(const std::string& id) const override;
  Result<std::vector<CountRow>> Count(const EventFilter& filter, Period period, bool by_dyad,
                                      size_t max_rows) const override;

 private:
  class Lease;
  StoreEventSource(std::string target, int query_timeout_ms)
      : target_(std::move(target)), query_timeout_ms_(query_timeout_ms) {}
  Result<std::unique_ptr<Store>> Acquire() const;
  void Release(std::unique_ptr<Store> store) const;

  std::string target_;
  int query_timeout_ms_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace annalist::server

#endif  // ANNALIST_SERVER_STORE_EVENT_SOURCE_H_
