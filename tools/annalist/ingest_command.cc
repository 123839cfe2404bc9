// annalist ingest: code articles into the event store.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <deque>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "annalist/store.h"
#include "cli.h"
#include "run_stats.h"
#include "store_commands.h"

namespace annalist::cli {

namespace {

constexpr char kIngestHelp[] =
    "usage: annalist ingest --db STORE [OPTIONS] [FILE...]\n"
    "\n"
    "Codes articles (as annalist code reads them) into an event store: a SQLite file\n"
    "(created if missing) or a postgresql:// URL. Mentions of one real-world event merge\n"
    "into one event with a stable id (docs/store.md). One transaction per batch: an\n"
    "interrupted ingest keeps every committed batch, and a rerun skips the articles already\n"
    "stored with the same checksum. Re-ingesting a changed article replaces its events.\n"
    "\n"
    "Store options:\n"
    "  --db STORE               SQLite file or postgresql://user@host:port/db (required)\n"
    "  --batch N                articles per transaction (default 2000)\n"
    "  --merge-days N           mentions at most N days apart may merge (default 1)\n"
    "  --min-overlap X          share of a mention's content words the event must have (default 0)\n"
    "  --no-merge               every mention is its own event\n"
    "  --stats                  print one final stderr line {\"ingest\":{articles, skipped, events, ...}}\n"
    "Coding options: as annalist code (--verbs, --kb, --threads, ...; see annalist code --help).\n";
// Then kArticleLimitsHelp (cli.h), then:
constexpr char kIngestHelpExit[] =
    "\n"
    "Exit status: 0 all records stored, 1 some record rejected, 2 usage error, 3 store error.\n";

constexpr int kExitStore = 3;

struct IngestFlags {
  std::string db;
  size_t batch = 2000;
  MergeOptions merge;
  bool stats = false;
};

// Takes the ingest options out of argv (the rest goes to ParseFlags).
bool ParseIngestFlags(int argc, char** argv, IngestFlags* flags, std::vector<char*>* rest) {
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "annalist: %s needs a value\n", name);
        return nullptr;
      }
      return argv[++i];
    };
    if (i >= 2 && arg == "--db") {
      const char* v = value("--db");
      if (v == nullptr) return false;
      flags->db = v;
    } else if (i >= 2 && (arg == "--batch" || arg == "--merge-days")) {
      const char* v = value(arg.c_str());
      if (v == nullptr) return false;
      char* end = nullptr;
      long number = std::strtol(v, &end, 10);
      if (*end != '\0' || number < (arg == "--batch" ? 1 : 0) || number > 1000000) {
        std::fprintf(stderr, "annalist: %s wants a number, not '%s'\n", arg.c_str(), v);
        return false;
      }
      if (arg == "--batch") flags->batch = static_cast<size_t>(number);
      else flags->merge.max_day_gap = static_cast<int>(number);
    } else if (i >= 2 && arg == "--min-overlap") {
      const char* v = value("--min-overlap");
      if (v == nullptr) return false;
      char* end = nullptr;
      double number = std::strtod(v, &end);
      if (*end != '\0' || !(number >= 0.0 && number <= 1.0)) {
        std::fprintf(stderr, "annalist: --min-overlap wants 0..1, not '%s'\n", v);
        return false;
      }
      flags->merge.min_word_overlap = number;
    } else if (i >= 2 && arg == "--no-merge") {
      flags->merge.enabled = false;
    } else if (i >= 2 && arg == "--stats") {
      flags->stats = true;
    } else {
      rest->push_back(argv[i]);
    }
  }
  return true;
}

}  // namespace

int RunIngest(int argc, char** argv) {
  IngestFlags ingest;
  std::vector<char*> rest;
  if (!ParseIngestFlags(argc, argv, &ingest, &rest)) return kExitUsage;
  CommonFlags flags;
  if (!ParseFlags(static_cast<int>(rest.size()), rest.data(), 2, false, &flags)) return kExitUsage;
  if (flags.help) {
    std::fputs(kIngestHelp, stdout);
    std::fputs(kArticleLimitsHelp, stdout);
    std::fputs(kIngestHelpExit, stdout);
    return kExitOk;
  }
  if (ingest.db.empty()) {
    std::fprintf(stderr, "annalist: ingest needs --db STORE (see --help)\n");
    return kExitUsage;
  }
  StoreOptions store_options;
  store_options.merge = ingest.merge;
  auto opened = Store::Open(ingest.db, store_options);
  if (!opened.ok()) {
    std::fprintf(stderr, "annalist: %s\n", opened.status().message().c_str());
    return kExitStore;
  }
  Store& store = **opened;
  RunStats stats(isatty(STDERR_FILENO) != 0);
  std::unique_ptr<Pipeline> pipeline = LoadPipeline(flags);
  if (pipeline == nullptr) return kExitUsage;
  const int threads = ThreadCount(flags);
  ReaderOptions reader_options;
  reader_options.max_article_bytes = flags.max_article_bytes;
  reader_options.defaults = flags.coding;
  InputQueue queue(flags.inputs, reader_options);
  stats.StartCoding();

  // As in annalist code, two batches alternate: while the workers code one, this thread
  // stores the one before (one transaction) and reads the next, skipping articles the
  // store already holds with the same checksum (an interrupted ingest resumes there).
  std::vector<BatchItem> batches[2];
  std::vector<std::vector<Event>> events[2];
  size_t counts[2] = {0, 0};
  uint64_t skipped = 0, stored = 0, mentions = 0;
  Status failure;
  // Ids read but not yet committed: an article seen again is stored again even if the
  // store holds its checksum now, so a rerun ends with the last version read, as the
  // first run did.
  std::unordered_set<std::string> pending[2];
  // Where each kept article was read, so that the warnings its coding adds (article limits)
  // are printed located, as `annalist code` prints them.
  std::deque<RecordMark> marks[2];
  auto fill = [&](int which) {
    size_t count = 0;
    pending[which].clear();
    for (;;) {
      marks[which].clear();
      count = queue.Fill(batches[which], ingest.batch, size_t{64} << 20, nullptr, &marks[which]);
      size_t kept = 0;
      for (size_t i = 0; i < count && failure.ok(); ++i) {
        Document& doc = batches[which][i].doc;
        const bool seen = pending[which].count(doc.id) > 0 || pending[1 - which].count(doc.id) > 0;
        Result<bool> has = seen ? Result<bool>(false) : store.HasArticle(doc.id, Store::Checksum(doc));
        if (!has.ok()) failure = has.status();
        if (has.ok() && *has) {
          ++skipped;
          continue;
        }
        pending[which].insert(doc.id);
        if (kept != i) {
          std::swap(batches[which][kept], batches[which][i]);
          std::swap(marks[which][kept], marks[which][i]);
        }
        ++kept;
      }
      if (kept > 0 || count == 0 || !failure.ok()) {
        counts[which] = failure.ok() ? kept : 0;
        break;
      }
    }
    if (events[which].size() < counts[which]) events[which].resize(counts[which]);
  };
  auto write = [&](int which) {
    if (counts[which] == 0 || !failure.ok()) return;
    Status status = store.BeginBatch();
    for (size_t i = 0; status.ok() && i < counts[which]; ++i) {
      const RecordMark& mark = marks[which][i];
      const std::vector<std::string>& warnings = batches[which][i].doc.warnings;
      for (size_t w = mark.read_warnings; w < warnings.size(); ++w) PrintReadWarning(warnings[w], mark.input, mark.line);
      status = store.PutArticle(batches[which][i].doc, events[which][i]);
      stats.AddArticle(batches[which][i].doc.sentences.size(), events[which][i].size());
      mentions += events[which][i].size();
    }
    if (status.ok()) status = store.CommitBatch();
    if (!status.ok()) {
      store.RollbackBatch();
      failure = status;
      return;
    }
    stored += counts[which];
    stats.SetRejected(queue.rejected_count());
    stats.Tick();
  };
  auto finish_for = [&](int which) {
    return [&events, which](size_t index, BatchItem&, const std::vector<Event>& coded) {
      events[which][index] = coded;
    };
  };
  int current = 0;
  fill(current);
  bool first = true;
  while (counts[current] > 0 && failure.ok()) {
    const int other = 1 - current;
    auto overlap = [&] {
      if (!first) write(other);
      fill(other);
    };
    if (threads > 1) {
      CodeBatch(*pipeline, batches[current], counts[current], threads, finish_for(current), overlap);
    } else {
      CodeBatch(*pipeline, batches[current], counts[current], threads, finish_for(current));
      overlap();
    }
    first = false;
    current = other;
  }
  if (!first) write(1 - current);
  stats.SetRejected(queue.rejected_count());
  stats.FinishProgress();
  if (!failure.ok()) {
    std::fprintf(stderr, "annalist: %s: %s\n", ingest.db.c_str(), failure.message().c_str());
    return kExitStore;
  }
  if (ingest.stats || flags.stats) {
    auto totals = store.Stats();
    std::fprintf(stderr,
                 "{\"ingest\":{\"articles\":%llu,\"skipped\":%llu,\"mentions\":%llu,\"rejected\":%llu,"
                 "\"store_articles\":%lld,\"store_mentions\":%lld,\"store_events\":%lld}}\n",
                 static_cast<unsigned long long>(stored), static_cast<unsigned long long>(skipped),
                 static_cast<unsigned long long>(mentions), static_cast<unsigned long long>(queue.rejected_count()),
                 static_cast<long long>(totals.ok() ? totals->articles : -1),
                 static_cast<long long>(totals.ok() ? totals->mentions : -1),
                 static_cast<long long>(totals.ok() ? totals->events : -1));
    if (flags.stats) stats.PrintStats();
  }
  KeepUntilExit(std::move(pipeline));
  return queue.rejected() ? kExitRejected : kExitOk;
}

}  // namespace annalist::cli
