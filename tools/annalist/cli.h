// Shared pieces of the annalist command-line tool: option parsing, error lines, and the
// batch coder that runs the pipeline on N threads with output in input order.
#ifndef ANNALIST_TOOLS_CLI_H_
#define ANNALIST_TOOLS_CLI_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "annalist/document.h"
#include "annalist/event.h"
#include "annalist/options.h"
#include "annalist/pipeline.h"
#include "eval/metrics.h"
#include "io/article_reader.h"

namespace annalist::cli {

// Exit statuses (docs/output.md).
constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;  // some record could not be read
constexpr int kExitUsage = 2;     // bad command line, or dictionaries failed to load

struct CommonFlags {
  PipelineConfig pipeline;
  CodingOptions coding;
  size_t max_article_bytes = size_t{2} << 20;
  int threads = 0;  // 0 = hardware concurrency
  bool stats = false;  // code: print a final {"stats":...} line on stderr
  bool tsv = false;    // code: --format tsv
  std::vector<std::string> inputs;
  // eval
  std::string gold;
  bool diff = false;
  EvalLevel level = EvalLevel::kExact;
  bool help = false;
};

// Parses argv[first..argc). `eval` enables --gold/--diff/--level and disallows FILEs.
// On error prints "annalist: ..." to stderr and returns false.
bool ParseFlags(int argc, char** argv, int first, bool eval, CommonFlags* flags);

int ThreadCount(const CommonFlags& flags);

// Prints {"error": message, "input": input, "line": line} on stderr.
void PrintReadError(const ReadError& error);
// Prints {"warning": message, "input": input, "line": line} on stderr.
void PrintReadWarning(const std::string& message, const std::string& input, uint64_t line);

// Loads the pipeline; prints dictionary warnings ("file:line: reason") and load errors.
std::unique_ptr<Pipeline> LoadPipeline(const CommonFlags& flags);

// One article in flight.
struct Job {
  Document doc;
  GoldFields gold;
  std::string output;           // formatted event lines (code)
  std::vector<Triple> produced;  // (eval)
  size_t event_count = 0;        // events coded (set by the finish function of code)
};

// Codes jobs[0..count) on `threads` threads; `finish` turns a coded document and its
// events into the job's output and runs on the worker that coded it. Output order is the
// caller's job order, so it never depends on the thread count.
// `overlap`, if set, runs on the calling thread while the other threads start coding
// (reading the next batch, writing the previous one); then the caller codes too, so at
// most `threads` threads are busy at any time.
using FinishFn = std::function<void(Job& job, const std::vector<Event>& events)>;
void CodeBatch(const Pipeline& pipeline, std::vector<Job>& jobs, size_t count, int threads, const FinishFn& finish,
               const std::function<void()>& overlap = nullptr);

// Reads articles from the inputs in order ("-" = stdin; none = stdin) into batches of
// jobs, printing each read error as it meets it.
class InputQueue {
 public:
  InputQueue(std::vector<std::string> inputs, const ReaderOptions& options);
  // Fills jobs[0..n) with the next articles, at most max_jobs of them and about
  // max_bytes of text; 0 at the end of all inputs. `jobs` grows as needed.
  size_t Fill(std::vector<Job>& jobs, size_t max_jobs, size_t max_bytes);
  bool rejected() const { return rejected_ > 0; }
  uint64_t rejected_count() const { return rejected_; }

 private:
  std::vector<std::string> inputs_;
  ReaderOptions options_;
  size_t next_input_ = 0;
  std::unique_ptr<ArticleReader> reader_;
  std::string input_;
  ReadError error_;
  uint64_t rejected_ = 0;  // records (or inputs) that could not be read
};

// Flushes stdout; prints an error if writing failed. Returns false on failure.
bool FlushStdout();

int RunCode(int argc, char** argv);
int RunEval(int argc, char** argv);
int RunDict(int argc, char** argv);  // dict_command.cc

}  // namespace annalist::cli

#endif  // ANNALIST_TOOLS_CLI_H_
