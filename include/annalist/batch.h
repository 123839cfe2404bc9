// Batch coding: many articles on N threads, results always in input order.
//
//   std::vector<annalist::BatchItem> items(n);          // fill items[i].doc
//   annalist::CodeBatch(*pipeline, items, n, /*threads=*/4,
//                       annalist::FormatEvents(annalist::EventFormat::kJsonl));
//   for (size_t i = 0; i < n; ++i) fputs(items[i].output.c_str(), stdout);  // input order
//
// or, for a stream of any length with reading and writing overlapped with coding:
//
//   annalist::CodeStream(*pipeline, {.threads = 4}, fill, finish, write);
//
// Output never depends on the thread count or on timing: each item's output is made from
// that item alone, and the caller reads the items in its own order.
//
// Thread safety: `finish` runs on the worker thread that coded the item (several at once,
// each on a different item); `fill` and `write` run on the calling thread only.
// The items are owned by the caller; the pipeline must outlive the call.
#ifndef ANNALIST_BATCH_H_
#define ANNALIST_BATCH_H_

#include <cstddef>
#include <functional>
#include <vector>

#include "annalist/document.h"
#include "annalist/event.h"
#include "annalist/event_writer.h"
#include "annalist/pipeline.h"

namespace annalist {

// One article in flight.
struct BatchItem {
  Document doc;
  std::string output;      // written by the finish function (e.g. formatted event lines)
  size_t event_count = 0;  // events coded (set by CodeBatch before `finish` runs)
};

// Turns a coded item and its events into the item's output; `index` is the item's place
// in the batch (for callers that keep more per item in vectors of their own).
using BatchFinishFn = std::function<void(size_t index, BatchItem& item, const std::vector<Event>& events)>;

// A finish function that replaces item.output by the events in `format` (no header), each
// with `version` when it is not empty (VersionWithDictionaries, as the CLI writes).
BatchFinishFn FormatEvents(EventFormat format, std::string version = {});

// Codes items[0..count) on `threads` threads (at least 1). `overlap`, if set, runs on the
// calling thread while the other threads start coding; then the caller codes too, so at
// most `threads` threads are busy at any time.
void CodeBatch(const Pipeline& pipeline, std::vector<BatchItem>& items, size_t count, int threads,
               const BatchFinishFn& finish, const std::function<void()>& overlap = nullptr);

struct StreamOptions {
  int threads = 1;
  size_t max_items = 0;                   // per batch; 0 = 64 per thread
  size_t max_bytes = size_t{16} << 20;    // of article text per batch, so memory stays flat
};

// Fills items[0..n) with the next articles (at most max_items, about max_bytes of text;
// `items` may grow) and returns n; 0 at the end of the input.
using BatchFillFn = std::function<size_t(std::vector<BatchItem>& items, size_t max_items, size_t max_bytes)>;
// Takes a coded batch, items[0..count), in input order.
using BatchWriteFn = std::function<void(std::vector<BatchItem>& items, size_t count)>;

// Codes a whole stream batch by batch. Two batches alternate: while the workers code one,
// the calling thread writes the one before and fills the one after (then helps coding), so
// reading and writing do not serialise the threads. With one thread: fill, code, write.
void CodeStream(const Pipeline& pipeline, const StreamOptions& options, const BatchFillFn& fill,
                const BatchFinishFn& finish, const BatchWriteFn& write);

}  // namespace annalist

#endif  // ANNALIST_BATCH_H_
