#include "annalist/batch.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <utility>

namespace annalist {

BatchFinishFn FormatEvents(EventFormat format, std::string version) {
  return [format, version = std::move(version)](size_t, BatchItem& item, const std::vector<Event>& events) {
    item.output.clear();
    for (const Event& event : events) AppendEvent(format, item.doc, event, &item.output, version);
  };
}

void CodeBatch(const Pipeline& pipeline, std::vector<BatchItem>& items, size_t count, int threads,
               const BatchFinishFn& finish, const std::function<void()>& overlap) {
  count = std::min(count, items.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    std::vector<Event> events;  // per-thread scratch, reused
    for (;;) {
      size_t index = next.fetch_add(1, std::memory_order_relaxed);
      if (index >= count) break;
      events.clear();
      BatchItem& item = items[index];
      pipeline.Code(&item.doc, &events);
      item.event_count = events.size();
      if (finish) finish(index, item, events);
    }
  };
  size_t helpers = std::min<size_t>(threads > 1 ? threads - 1 : 0, count > 1 ? count - 1 : 0);
  std::vector<std::thread> pool;
  pool.reserve(helpers);
  for (size_t i = 0; i < helpers; ++i) pool.emplace_back(work);
  if (overlap) overlap();
  work();
  for (std::thread& thread : pool) thread.join();
}

void CodeStream(const Pipeline& pipeline, const StreamOptions& options, const BatchFillFn& fill,
                const BatchFinishFn& finish, const BatchWriteFn& write) {
  const int threads = std::max(1, options.threads);
  const size_t max_items = options.max_items > 0 ? options.max_items : 64 * static_cast<size_t>(threads);
  const size_t max_bytes = options.max_bytes;
  std::vector<BatchItem> batches[2];
  size_t counts[2] = {0, 0};
  int current = 0;
  counts[current] = fill(batches[current], max_items, max_bytes);
  bool first = true;
  while (counts[current] > 0) {
    const int other = 1 - current;
    auto overlap = [&] {
      if (!first) write(batches[other], counts[other]);
      counts[other] = fill(batches[other], max_items, max_bytes);
    };
    if (threads > 1) {
      CodeBatch(pipeline, batches[current], counts[current], threads, finish, overlap);
    } else {
      // One thread: nothing to overlap with; keep the plain order (read, code, write).
      CodeBatch(pipeline, batches[current], counts[current], threads, finish);
      overlap();
    }
    first = false;
    current = other;
  }
  // The last coded batch (now batches[1 - current]) has not been written yet.
  if (!first) write(batches[1 - current], counts[1 - current]);
}

}  // namespace annalist
