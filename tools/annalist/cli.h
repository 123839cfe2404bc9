// Shared pieces of the annalist command-line tool: option parsing, error lines, and the
// input queue that feeds the library's batch coder (annalist/batch.h).
#ifndef ANNALIST_TOOLS_CLI_H_
#define ANNALIST_TOOLS_CLI_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "annalist/article_reader.h"
#include "annalist/batch.h"
#include "annalist/document.h"
#include "annalist/event.h"
#include "annalist/options.h"
#include "annalist/pipeline.h"
#include "eval/metrics.h"

namespace annalist::cli {

// Exit statuses, one meaning each (docs/output.md, `annalist --help`).
constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;      // some record could not be read (bad JSON, empty text, ...)
constexpr int kExitUsage = 2;         // bad command line, or dictionaries failed to load
constexpr int kExitIo = 3;            // an input could not be read or the output written
constexpr int kExitInterrupted = 130;  // stopped by SIGINT or SIGTERM (128 + SIGINT, as shells do)

struct CommonFlags {
  PipelineConfig pipeline;
  CodingOptions coding;
  size_t max_article_bytes = size_t{2} << 20;
  int threads = 0;  // 0 = hardware concurrency
  bool stats = false;  // code: print a final {"stats":...} line on stderr
  EventFormat format = EventFormat::kJsonl;  // code: --format
  bool verbose = false;        // every dictionary warning, not just their count
  bool asserted_only = false;  // code: keep asserted, non-negated, non-hypothetical events
  bool layers = false;         // code: print the layers of each sentence instead of events
  bool version = false;        // --version
  std::string output;          // code: --output FILE (default stdout)
  bool resume = false;         // code: continue a stopped --output run from its checkpoint
  std::vector<std::string> inputs;
  // eval
  std::string gold;
  bool diff = false;
  EvalLevel level = EvalLevel::kExact;
  std::string part = "all";  // eval --part all|dev|held (eval/metrics.h IsHeldOut)
  bool help = false;
};

// Parses argv[first..argc). `eval` enables --gold/--diff/--level and disallows FILEs.
// On error prints "annalist: ..." to stderr and returns false.
bool ParseFlags(int argc, char** argv, int first, bool eval, CommonFlags* flags);

int ThreadCount(const CommonFlags& flags);

// The --help lines of the article limits (flags parsed by ParseFlags), printed by code,
// ingest and eval alike.
extern const char kArticleLimitsHelp[];

// Prints {"error": message, "input": input, "line": line} on stderr.
void PrintReadError(const ReadError& error);
// Prints {"warning": message, "input": input, "line": line} on stderr.
void PrintReadWarning(const std::string& message, const std::string& input, uint64_t line);

// Loads the pipeline; prints load errors, and dictionary warnings: one summary line, or
// every warning ("file:line: reason") with --verbose.
std::unique_ptr<Pipeline> LoadPipeline(const CommonFlags& flags);
// Keeps the pipeline until the process exits instead of freeing it (see cli.cc).
void KeepUntilExit(std::unique_ptr<Pipeline> pipeline);

// SIGINT / SIGTERM: the first sets a flag the run checks between batches (so every line
// written stays whole and the run stops within a batch); the second kills as usual.
void InstallStopSignals();
// The signal that asked to stop, or 0.
int StopSignal();

// Called first in main: a closed stdin, stdout or stderr gets /dev/null's descriptor so that
// no file opened later takes its number; StdinClosed() remembers that stdin was closed.
void GuardStandardDescriptors();
bool StdinClosed();
bool StdoutClosed();

// Where an article read by InputQueue leaves the input: the records (articles and rejected
// records) consumed and rejected once it was read. A checkpoint after it holds these.
struct RecordMark {
  uint64_t records_after = 0;
  uint64_t rejected_after = 0;
  // Where the article was read and how many of its warnings the reader gave (printed as it
  // was read); warnings past these come from coding (ArticleLimits, segmentation).
  std::string input;
  uint64_t line = 0;
  size_t read_warnings = 0;
};

// Reads articles from the inputs in order ("-" = stdin; none = stdin) into batches of
// jobs, printing each read error as it meets it.
class InputQueue {
 public:
  // Directories among `inputs` are expanded (input_files.h). The first `skip` records
  // (articles and rejected records, in input order) are read and dropped silently: a
  // resumed run starts after what its checkpoint says was written.
  InputQueue(std::vector<std::string> inputs, const ReaderOptions& options, uint64_t skip = 0);
  // Fills items[0..n) with the next articles, at most max_items of them and about
  // max_bytes of text; 0 at the end of all inputs or once a stop signal came. `items`
  // grows as needed, and so does `golds` (gold mode: (*golds)[i] holds the gold fields of
  // items[i]). `marks`, if set, gets one RecordMark per article, appended in order.
  size_t Fill(std::vector<BatchItem>& items, size_t max_items, size_t max_bytes,
              std::vector<GoldFields>* golds = nullptr, std::deque<RecordMark>* marks = nullptr);
  bool rejected() const { return rejected_ > 0; }
  uint64_t rejected_count() const { return rejected_; }
  // Inputs that could not be read (a directory as a file, a closed stdin, a read error).
  bool io_failed() const { return io_errors_ > 0; }
  void set_rejected_base(uint64_t rejected) { rejected_ = rejected; }
  uint64_t records() const { return records_; }

 private:
  std::vector<std::string> inputs_;
  ReaderOptions options_;
  size_t next_input_ = 0;
  std::unique_ptr<ArticleReader> reader_;
  std::string input_;
  ReadError error_;
  uint64_t rejected_ = 0;  // records (or inputs) that could not be read
  uint64_t io_errors_ = 0;
  uint64_t records_ = 0;   // records consumed (articles and rejected ones), skipped included
  uint64_t skip_ = 0;
};

// Flushes stdout; prints an error if writing failed. Returns false on failure.
bool FlushStdout();

int RunCode(int argc, char** argv);
int RunEval(int argc, char** argv);
int RunDict(int argc, char** argv);  // dict_command.cc

}  // namespace annalist::cli

#endif  // ANNALIST_TOOLS_CLI_H_
