// annalist code: articles in, event JSON lines out.
#include <cstdio>

#include "cli.h"
#include "io/event_writer.h"

namespace annalist::cli {

namespace {

constexpr char kCodeHelp[] =
    "usage: annalist code [OPTIONS] [FILE...]\n"
    "\n"
    "Codes articles into CAMEO events, one JSON object per line on stdout (docs/output.md).\n"
    "FILE is JSONL (one article per line: text, id, date, title, source, url, options) or\n"
    "plain text (the whole file is one article); '-' or no FILE reads stdin.\n"
    "\n"
    "Dictionaries (PETRARCH-2 format, each repeatable):\n"
    "  --verbs F --actors F --agents F --discards F --issues F\n"
    "Coding options (PETRARCH names; a JSONL article may override them in \"options\"):\n"
    "  --require-dyad | --no-require-dyad   both actors must be known (default: yes)\n"
    "  --new-actor-length N                 uncoded noun phrases of <= N words become actors (0: off)\n"
    "  --comma-min N --comma-max N          delete internal comma clauses of N..M words (default 2..8)\n"
    "  --comma-bmin N --comma-bmax N        the same for the initial clause (default 0..0, off)\n"
    "  --comma-emin N --comma-emax N        the same for the terminal clause (default 2..8)\n"
    "Run:\n"
    "  --threads N                          worker threads (default: all cores); output is the same for any N\n"
    "  --max-article-bytes N                reject articles with more text than this (default 2097152)\n"
    "\n"
    "A record that cannot be read gives one line {\"error\", \"input\", \"line\"} on stderr and the\n"
    "run goes on. Exit status: 0 all records read, 1 some rejected, 2 usage or dictionary error.\n";

}  // namespace

int RunCode(int argc, char** argv) {
  CommonFlags flags;
  if (!ParseFlags(argc, argv, 2, false, &flags)) return kExitUsage;
  if (flags.help) {
    std::fputs(kCodeHelp, stdout);
    return kExitOk;
  }
  std::unique_ptr<Pipeline> pipeline = LoadPipeline(flags);
  if (pipeline == nullptr) return kExitUsage;

  const int threads = ThreadCount(flags);
  ReaderOptions reader_options;
  reader_options.max_article_bytes = flags.max_article_bytes;
  reader_options.defaults = flags.coding;
  InputQueue queue(flags.inputs, reader_options);

  // Batches: enough articles to keep every thread busy, bounded in text so memory stays
  // flat on a large corpus.
  const size_t max_jobs = 64 * static_cast<size_t>(threads);
  const size_t max_bytes = size_t{16} << 20;
  std::vector<Job> jobs;
  EventWriter writer(stdout);
  for (;;) {
    size_t count = queue.Fill(jobs, max_jobs, max_bytes);
    if (count == 0) break;
    CodeBatch(*pipeline, jobs, count, threads, [](Job& job, const std::vector<Event>& events) {
      job.output.clear();
      for (const Event& event : events) AppendEventJson(job.doc, event, &job.output);
    });
    for (size_t i = 0; i < count; ++i) writer.WriteRaw(jobs[i].output);
  }
  if (!writer.Flush()) {
    std::fprintf(stderr, "annalist: error writing the events to stdout\n");
    return kExitRejected;
  }
  return queue.rejected() ? kExitRejected : kExitOk;
}

}  // namespace annalist::cli
