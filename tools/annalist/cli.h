// Shared pieces of the annalist command-line tool: option parsing, error lines, and the
// input queue that feeds the library's batch coder (annalist/batch.h).
#ifndef ANNALIST_TOOLS_CLI_H_
#define ANNALIST_TOOLS_CLI_H_

#include <cstddef>
#include <cstdint>
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
  EventFormat format = EventFormat::kJsonl;  // code: --format
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

// Reads articles from the inputs in order ("-" = stdin; none = stdin) into batches of
// jobs, printing each read error as it meets it.
class InputQueue {
 public:
  InputQueue(std::vector<std::string> inputs, const ReaderOptions& options);
  // Fills items[0..n) with the next articles, at most max_items of them and about
  // max_bytes of text; 0 at the end of all inputs. `items` grows as needed, and so does
  // `golds` (gold mode: (*golds)[i] holds the gold fields of items[i]).
  size_t Fill(std::vector<BatchItem>& items, size_t max_items, size_t max_bytes,
              std::vector<GoldFields>* golds = nullptr);
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
