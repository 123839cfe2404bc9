// annalist code: articles in, event JSON lines out.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <utility>

#include "checkpoint.h"
#include "cli.h"
#include "annalist/batch.h"
#include "annalist/event_writer.h"
#include "output_sink.h"
#include "run_stats.h"

namespace annalist::cli {

namespace {

constexpr char kCodeHelp[] =
    "usage: annalist code [OPTIONS] [FILE|DIR...]\n"
    "\n"
    "Codes articles into CAMEO events, one JSON object per line on stdout (docs/output.md).\n"
    "FILE is JSONL (one article per line: text, id, date, title, source, url, options),\n"
    "plain text (the whole file is one article) or an HTML page (its main text and metadata),\n"
    "each possibly gzip-compressed (.gz); the kind comes from the name, else the content.\n"
    "A DIR is read recursively in sorted order (.jsonl .ndjson .txt .html .htm, and .gz).\n"
    "'-' or no FILE reads stdin.\n"
    "\n"
    "Dictionaries (default: the built-in knowledge base; each option repeatable):\n"
    "  --verbs F --actors F --agents F --discards F --issues F   PETRARCH-2 format\n"
    "  --kb F                               annalist knowledge-base format (docs/dictionary-format.md)\n"
    "  --verbose                            print every dictionary warning (default: one summary line)\n"
    "Dictionary limits (a line or pattern over one is skipped with a file:line warning; docs/security.md):\n"
    "  --max-dict-file-bytes N              refuse a dictionary file larger than this (default 268435456)\n"
    "  --max-dict-line-bytes N              skip longer dictionary lines (default 65536)\n"
    "  --max-dict-variants N                synset variants per pattern or synset (default 65536)\n"
    "  --max-dict-expansion N               synset expansion tokens per verb file (default 67108864)\n"
    "Coding options (PETRARCH names; a JSONL article may override them in \"options\"):\n"
    "  --require-dyad | --no-require-dyad   both actors must be known (default: yes)\n"
    "  --new-actor-length N                 uncoded noun phrases of <= N words become actors (0: off)\n"
    "  --comma-min N --comma-max N          delete internal comma clauses of N..M words (default 2..8)\n"
    "  --comma-bmin N --comma-bmax N        the same for the initial clause (default 0..0, off)\n"
    "  --comma-emin N --comma-emax N        the same for the terminal clause (default 2..8)\n"
    "  --no-event-dates                     skip event dates from the text (event_date, date_*; `date` stays)\n"
    "  --no-locations                       skip the gazetteer: `location` only as the coder found it\n"
    "  --asserted-only                      write only events stated as happening: not negated, no\n"
    "                                       modality (future, conditional, intent); --stats counts the rest\n";
// Then kArticleLimitsHelp (cli.h), then:
constexpr char kCodeHelpRun[] =
    "Run:\n"
    "  --threads N                          worker threads (default: all cores); output is the same for any N\n"
    "  --format jsonl|tsv|csv|gdelt         output: JSON lines (default, docs/output.md); a TSV or RFC 4180\n"
    "                                       CSV table with a header (GDELT-like columns, provenance, article,\n"
    "                                       version); or the GDELT 2.0 event table (61 columns, no header)\n"
    "  --output F, -o F                     write to F instead of stdout, keeping F.checkpoint while running\n"
    "  --resume                             continue a stopped --output run (same FILEs and options) after\n"
    "                                       its last checkpoint, without recoding what was written\n"
    "  --layers                             print, instead of events, each sentence's tokens and tags,\n"
    "                                       clauses with their arguments, and events with their actors\n"
    "  --stats                              print one final line on stderr: {\"stats\":{\"articles\",\"sentences\",\n"
    "                                       \"events\",\"rejected\",\"set_aside\",\"seconds\" (coding),\"load_seconds\"}}\n"
    "  --version                            annalist's version and the dictionaries' checksum\n"
    "Progress (articles, sentences, events, rate) is shown on stderr when it is a terminal.\n"
    "\n"
    "A record that cannot be read gives one line {\"error\", \"input\", \"line\"} on stderr and the\n"
    "run goes on. Exit status: 0 all records read; 1 some rejected; 2 usage or dictionary error;\n"
    "3 I/O error (an input unreadable: the run goes on with the others; the output unwritable:\n"
    "the run stops at once), with the reason on stderr; 130 interrupted by SIGINT/SIGTERM (the\n"
    "batch in hand is finished, every line written is whole).\n";

}  // namespace

namespace {

// Keeps only asserted events: not negated, no modality ("future", "conditional",
// "intent", or any other the coder sets), i.e. stated as having happened.
bool IsAsserted(const Event& event) { return !event.negated && event.modality.empty(); }

// Opens --output: created or truncated, or (resuming) cut back to what the checkpoint
// covers and appended to. Returns the descriptor, or -1 after printing why.
int OpenOutput(const CommonFlags& flags, const Checkpoint* resume_from) {
  int fd = ::open(flags.output.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (resume_from ? 0 : O_TRUNC), 0644);
  if (fd < 0) {
    std::fprintf(stderr, "annalist: %s: cannot open for writing: %s\n", flags.output.c_str(), std::strerror(errno));
    return -1;
  }
  if (resume_from != nullptr) {
    // Whatever follows the checkpoint (events of articles not yet accounted for, half a
    // line cut by a kill) is written again.
    if (::ftruncate(fd, static_cast<off_t>(resume_from->output_bytes)) != 0 ||
        ::lseek(fd, 0, SEEK_END) < 0) {
      std::fprintf(stderr, "annalist: %s: cannot resume: %s\n", flags.output.c_str(), std::strerror(errno));
      ::close(fd);
      return -1;
    }
  }
  return fd;
}

// With --resume: reads FILE.checkpoint. Returns false (usage error printed) when the run
// cannot be resumed; *found is false when there is nothing to resume (a fresh run).
bool LoadResumePoint(const CommonFlags& flags, const std::string& checkpoint_path, const std::string& run,
                     Checkpoint* checkpoint, bool* found) {
  Status read = ReadCheckpoint(checkpoint_path, checkpoint, found);
  if (!*found) {
    struct stat info;
    if (::stat(flags.output.c_str(), &info) == 0 && info.st_size > 0) {
      std::fprintf(stderr,
                   "annalist: --resume: %s has no checkpoint %s: the run that wrote it ended (or it is not an annalist "
                   "--output file); nothing to resume\n",
                   flags.output.c_str(), checkpoint_path.c_str());
      return false;
    }
    return true;  // no output yet: start from the beginning
  }
  if (!read.ok()) {
    std::fprintf(stderr, "annalist: --resume: %s\n", read.message().c_str());
    return false;
  }
  if (checkpoint->run != run) {
    std::fprintf(stderr,
                 "annalist: --resume: %s was written by a run with other inputs or options; run it again with "
                 "the same FILEs and options, or without --resume\n",
                 checkpoint_path.c_str());
    return false;
  }
  return true;
}

}  // namespace

int RunCode(int argc, char** argv) {
  CommonFlags flags;
  if (!ParseFlags(argc, argv, 2, false, &flags)) return kExitUsage;
  if (flags.help) {
    std::fputs(kCodeHelp, stdout);
    std::fputs(kArticleLimitsHelp, stdout);
    std::fputs(kCodeHelpRun, stdout);
    return kExitOk;
  }
  if (flags.version) {
    std::printf("annalist %s\nknowledge base %s %s\n", AnnalistVersion().c_str(),
                flags.pipeline.dictionaries.empty() ? "builtin" : "files",
                DictionaryChecksum(flags.pipeline.dictionaries).c_str());
    return FlushStdout() ? kExitOk : kExitIo;
  }

  // Resuming: the checkpoint says how many records are done and how much output is good.
  const std::string checkpoint_path = flags.output.empty() ? "" : flags.output + ".checkpoint";
  const std::string run = RunFingerprint(argc, argv, 2);
  Checkpoint resume_point;
  bool resuming = false;
  if (flags.resume && !LoadResumePoint(flags, checkpoint_path, run, &resume_point, &resuming)) return kExitUsage;

  RunStats stats(isatty(STDERR_FILENO) != 0);  // its clock starts before loading
  std::unique_ptr<Pipeline> pipeline = LoadPipeline(flags);
  if (pipeline == nullptr) return kExitUsage;

  int out_fd = STDOUT_FILENO;
  if (!flags.output.empty()) {
    out_fd = OpenOutput(flags, resuming ? &resume_point : nullptr);
    if (out_fd < 0) return kExitIo;
  }
  OutputSink sink(out_fd, flags.output.empty() ? "stdout" : flags.output);
  InstallStopSignals();

  const int threads = ThreadCount(flags);
  ReaderOptions reader_options;
  reader_options.max_article_bytes = flags.max_article_bytes;
  reader_options.defaults = flags.coding;
  InputQueue queue(flags.inputs, reader_options, resuming ? resume_point.records : 0);
  if (resuming) {
    queue.set_rejected_base(resume_point.rejected);
    stats.Restore(resume_point.articles, resume_point.sentences, resume_point.events, resume_point.set_aside);
  }
  stats.StartCoding();

  // The library's stream coder (annalist/batch.h): batches bounded in articles and text,
  // reading and writing overlapped with coding, output in input order. The marks of the
  // articles read (for checkpoints) queue up in the order they are filled and written.
  const EventFormat format = flags.format;
  if ((!resuming || resume_point.output_bytes == 0) && !flags.layers) sink.Append(EventFormatHeader(format));
  const bool asserted_only = flags.asserted_only;
  // Every event says what made it: annalist's version and the knowledge base's checksum.
  const std::string version = VersionWithDictionaries(flags.pipeline.dictionaries);
  // event_count stays the number of events coded; the events written are the output's
  // lines (every format writes one line per event), the rest were set aside.
  const bool layers = flags.layers;
  auto finish = [format, asserted_only, layers, &version](size_t, BatchItem& item, const std::vector<Event>& events) {
    item.output.clear();
    if (layers) {
      item.output = DescribeLayers(item.doc, events);
      return;
    }
    for (const Event& event : events) {
      if (asserted_only && !IsAsserted(event)) continue;
      AppendEvent(format, item.doc, event, &item.output, version);
    }
  };
  std::deque<RecordMark> marks;
  Status checkpoint_status;
  auto write = [&](std::vector<BatchItem>& items, size_t count) {
    RecordMark last;
    for (size_t i = 0; i < count; ++i) {
      last = std::move(marks.front());
      marks.pop_front();
      const std::vector<std::string>& warnings = items[i].doc.warnings;
      for (size_t w = last.read_warnings; w < warnings.size(); ++w) PrintReadWarning(warnings[w], last.input, last.line);
      if (sink.failed()) continue;
      // One article's lines go to the sink together; the sink writes whole lines only.
      if (!sink.Append(items[i].output)) continue;
      const size_t written = static_cast<size_t>(std::count(items[i].output.begin(), items[i].output.end(), '\n'));
      stats.AddArticle(items[i].doc.sentences.size(), written);
      stats.AddSetAside(items[i].event_count - written);
    }
    if (sink.failed() || count == 0) return;
    stats.SetRejected(queue.rejected_count());
    stats.Tick();
    if (checkpoint_path.empty()) return;
    // The batch is on disk: record how far the run got.
    if (!sink.Flush()) return;
    Checkpoint checkpoint{run,           last.records_after, sink.bytes_written(), stats.articles(),
                          stats.sentences(), stats.events(),      last.rejected_after};
    checkpoint.set_aside = stats.set_aside();
    if (checkpoint_status.ok()) checkpoint_status = WriteCheckpoint(checkpoint_path, checkpoint);
  };
  // After a write failure or a stop signal no more input is read: the batch being coded is
  // the last (written whole on a stop, dropped after a write failure).
  auto fill = [&](std::vector<BatchItem>& items, size_t max_items, size_t max_bytes) -> size_t {
    if (sink.failed() || StopSignal() != 0) return 0;
    return queue.Fill(items, max_items, max_bytes, nullptr, &marks);
  };
  StreamOptions stream_options;
  stream_options.threads = threads;
  CodeStream(*pipeline, stream_options, fill, finish, write);
  sink.Flush();
  stats.SetRejected(queue.rejected_count());
  stats.FinishProgress();
  if (flags.stats) stats.PrintStats();
  KeepUntilExit(std::move(pipeline));

  if (sink.failed()) {
    std::fprintf(stderr, "annalist: %s; stopped%s\n", sink.error().c_str(),
                 checkpoint_path.empty() ? "" : " (--resume continues after the last checkpoint)");
    return kExitIo;
  }
  if (!checkpoint_status.ok()) {
    std::fprintf(stderr, "annalist: %s\n", checkpoint_status.message().c_str());
    return kExitIo;
  }
  if (StopSignal() != 0) {
    std::fprintf(stderr, "annalist: interrupted by %s; every line written is whole%s\n",
                 StopSignal() == SIGINT ? "SIGINT" : "SIGTERM",
                 checkpoint_path.empty() ? "" : "; --resume continues the run");
    return kExitInterrupted;
  }
  if (!checkpoint_path.empty()) std::remove(checkpoint_path.c_str());  // the run is complete
  if (queue.io_failed()) return kExitIo;
  return queue.rejected() ? kExitRejected : kExitOk;
}

}  // namespace annalist::cli
