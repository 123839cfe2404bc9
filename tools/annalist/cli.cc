#include "cli.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <string_view>
#include <thread>
#include <utility>

#include "annalist/event_writer.h"
#include "dict/kb_reader.h"
#include "dict/petrarch_reader.h"
#include "input_files.h"

namespace annalist::cli {

namespace {

bool ParseNonNegative(std::string_view text, long long* value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size() && *value >= 0;
}

}  // namespace

bool ParseFlags(int argc, char** argv, int first, bool eval, CommonFlags* flags) {
  bool only_files = false;
  for (int i = first; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (only_files || arg == "-" || arg.empty() || arg[0] != '-') {
      if (eval) {
        std::fprintf(stderr, "annalist: eval takes no FILE arguments (use --gold F): %s\n", argv[i]);
        return false;
      }
      flags->inputs.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      only_files = true;
      continue;
    }
    std::string name(arg);
    std::string value;
    bool has_inline_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
      has_inline_value = true;
    }
    auto take_value = [&]() -> bool {
      if (has_inline_value) return true;
      if (i + 1 >= argc) {
        std::fprintf(stderr, "annalist: %s needs a value\n", name.c_str());
        return false;
      }
      value = argv[++i];
      return true;
    };
    auto take_number = [&](long long* number) -> bool {
      if (!take_value()) return false;
      if (!ParseNonNegative(value, number)) {
        std::fprintf(stderr, "annalist: %s wants a non-negative integer, not '%s'\n", name.c_str(), value.c_str());
        return false;
      }
      return true;
    };
    auto no_value = [&]() -> bool {
      if (has_inline_value) std::fprintf(stderr, "annalist: %s takes no value\n", name.c_str());
      return !has_inline_value;
    };
    DictionaryFiles& dicts = flags->pipeline.dictionaries;
    std::vector<std::string>* dict_list = name == "--verbs"      ? &dicts.verbs
                                          : name == "--actors"   ? &dicts.actors
                                          : name == "--agents"   ? &dicts.agents
                                          : name == "--discards" ? &dicts.discards
                                          : name == "--issues"   ? &dicts.issues
                                          : name == "--kb"       ? &dicts.kb
                                                                 : nullptr;
    int* coding_field = name == "--new-actor-length" ? &flags->coding.new_actor_length
                        : name == "--comma-min"      ? &flags->coding.comma_min
                        : name == "--comma-max"      ? &flags->coding.comma_max
                        : name == "--comma-bmin"     ? &flags->coding.comma_bmin
                        : name == "--comma-bmax"     ? &flags->coding.comma_bmax
                        : name == "--comma-emin"     ? &flags->coding.comma_emin
                        : name == "--comma-emax"     ? &flags->coding.comma_emax
                                                     : nullptr;
    DictionaryLimits& limits = dicts.limits;
    size_t* limit_field = name == "--max-dict-file-bytes"   ? &limits.max_file_bytes
                          : name == "--max-dict-line-bytes" ? &limits.max_line_bytes
                          : name == "--max-dict-variants"   ? &limits.max_variants_per_line
                          : name == "--max-dict-expansion"  ? &limits.max_expansion_tokens
                          : name == "--max-sentence-tokens" ? &flags->pipeline.article_limits.max_sentence_tokens
                          : name == "--max-sentences"       ? &flags->pipeline.article_limits.max_sentences
                          : name == "--max-article-events"  ? &flags->pipeline.article_limits.max_events
                                                            : nullptr;
    long long number = 0;
    if (name == "--help" || name == "-h") {
      flags->help = true;
    } else if (name == "--version") {
      flags->version = true;
    } else if (name == "--verbose") {
      if (!no_value()) return false;
      flags->verbose = true;
    } else if (!eval && (name == "--no-event-dates" || name == "--no-locations")) {
      if (!no_value()) return false;
      (name == "--no-event-dates" ? flags->pipeline.resolve_dates : flags->pipeline.resolve_places) = false;
    } else if (!eval && name == "--layers") {
      if (!no_value()) return false;
      flags->layers = true;
    } else if (!eval && name == "--asserted-only") {
      if (!no_value()) return false;
      flags->asserted_only = true;
    } else if (!eval && (name == "--output" || name == "-o")) {
      if (!take_value()) return false;
      if (value.empty() || value == "-") {
        std::fprintf(stderr, "annalist: --output wants a file name (stdout is the default)\n");
        return false;
      }
      flags->output = value;
    } else if (!eval && name == "--resume") {
      if (!no_value()) return false;
      flags->resume = true;
    } else if (dict_list != nullptr) {
      if (!take_value()) return false;
      dict_list->push_back(value);
    } else if (coding_field != nullptr) {
      if (!take_number(&number)) return false;
      if (number > 1000000) {
        std::fprintf(stderr, "annalist: %s is too large\n", name.c_str());
        return false;
      }
      *coding_field = static_cast<int>(number);
    } else if (limit_field != nullptr) {
      if (!take_number(&number)) return false;
      if (number < 1) {
        std::fprintf(stderr, "annalist: %s wants at least 1\n", name.c_str());
        return false;
      }
      *limit_field = static_cast<size_t>(number);
    } else if (name == "--require-dyad") {
      if (!no_value()) return false;
      flags->coding.require_dyad = true;
    } else if (name == "--no-require-dyad") {
      if (!no_value()) return false;
      flags->coding.require_dyad = false;
    } else if (!eval && name == "--format") {
      if (!take_value()) return false;
      if (!ParseEventFormat(value, &flags->format)) {
        std::fprintf(stderr, "annalist: --format wants jsonl, tsv, csv or gdelt, not '%s'\n", value.c_str());
        return false;
      }
    } else if (!eval && name == "--stats") {
      if (!no_value()) return false;
      flags->stats = true;
    } else if (name == "--threads") {
      if (!take_number(&number)) return false;
      if (number < 1 || number > 1024) {
        std::fprintf(stderr, "annalist: --threads wants 1..1024\n");
        return false;
      }
      flags->threads = static_cast<int>(number);
    } else if (name == "--max-article-bytes") {
      if (!take_number(&number)) return false;
      if (number < 1) {
        std::fprintf(stderr, "annalist: --max-article-bytes wants at least 1\n");
        return false;
      }
      flags->max_article_bytes = static_cast<size_t>(number);
    } else if (eval && name == "--gold") {
      if (!take_value()) return false;
      flags->gold = value;
    } else if (eval && name == "--diff") {
      if (!no_value()) return false;
      flags->diff = true;
    } else if (eval && name == "--level") {
      if (!take_value()) return false;
      if (!ParseEvalLevel(value, &flags->level)) {
        std::fprintf(stderr, "annalist: --level wants exact, country-root or plover, not '%s'\n", value.c_str());
        return false;
      }
    } else if (eval && name == "--part") {
      if (!take_value()) return false;
      if (value != "all" && value != "dev" && value != "held") {
        std::fprintf(stderr, "annalist: --part wants all, dev or held, not '%s'\n", value.c_str());
        return false;
      }
      flags->part = value;
    } else {
      std::fprintf(stderr, "annalist: unknown option %s (see --help)\n", name.c_str());
      return false;
    }
  }
  if (flags->resume && flags->output.empty()) {
    std::fprintf(stderr, "annalist: --resume needs --output FILE (a run on stdout cannot be resumed)\n");
    return false;
  }
  return true;
}

const char kArticleLimitsHelp[] =
    "Article limits (a cut is a warning {\"warning\",\"input\",\"line\"} on stderr; docs/security.md):\n"
    "  --max-article-bytes N                reject articles with more text than this (default 2097152)\n"
    "  --max-sentence-tokens N              do not code a sentence of more tokens (default 2000)\n"
    "  --max-sentences N                    code at most N sentences of an article (default 5000)\n"
    "  --max-article-events N               keep at most N events of an article (default 2000)\n";

int ThreadCount(const CommonFlags& flags) {
  if (flags.threads > 0) return flags.threads;
  unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0 ? 1 : static_cast<int>(hardware);
}

namespace {

void PrintLocated(const char* kind, const std::string& message, const std::string& input, uint64_t line_number) {
  std::string line = "{\"";
  line += kind;
  line += "\":";
  AppendJsonString(message, &line);
  line += ",\"input\":";
  AppendJsonString(input, &line);
  line += ",\"line\":" + std::to_string(line_number) + "}\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

void PrintReadError(const ReadError& error) { PrintLocated("error", error.message, error.input, error.line); }

void PrintReadWarning(const std::string& message, const std::string& input, uint64_t line) {
  PrintLocated("warning", message, input, line);
}

// Exiting frees everything at once; taking the dictionaries apart node by node costs
// ~40 ms per run (callgrind: ~9% of a 3,000-sentence run). Kept reachable, so leak
// checkers stay quiet: the pointer is volatile because the optimiser removes a plain
// static that is written and never read, and LeakSanitizer then reports every dictionary
// node as leaked (issue 12, defect 6; `ingest` still had the plain static until the
// sanitizer pass of scripts/test.sh ran its tests).
void KeepUntilExit(std::unique_ptr<Pipeline> pipeline) {
  static Pipeline* volatile kept_until_exit = nullptr;
  kept_until_exit = pipeline.release();
  (void)kept_until_exit;
}

std::unique_ptr<Pipeline> LoadPipeline(const CommonFlags& flags) {
  auto pipeline = Pipeline::Load(flags.pipeline);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "annalist: %s\n", pipeline.status().message().c_str());
    return nullptr;
  }
  const std::vector<std::string>& warnings = (*pipeline)->warnings();
  if (flags.verbose) {
    for (const std::string& warning : warnings) std::fprintf(stderr, "%s\n", warning.c_str());
  } else if (!warnings.empty()) {
    // One line: how many per file ("CAMEO.2.0.txt 7, Phoenix.Countries.actors.txt 16").
    std::map<std::string, size_t> per_file;
    for (const std::string& warning : warnings) {
      size_t colon = warning.find(':');
      ++per_file[colon == std::string::npos ? std::string("?") : warning.substr(0, colon)];
    }
    std::string files;
    for (const auto& [file, count] : per_file) {
      if (!files.empty()) files += ", ";
      files += file + " " + std::to_string(count);
    }
    std::fprintf(stderr, "annalist: %zu dictionary warning(s) (%s); --verbose lists them, 'annalist dict check' explains\n",
                 warnings.size(), files.c_str());
  }
  return pipeline.TakeValue();
}

namespace {

volatile std::sig_atomic_t g_stop_signal = 0;
bool g_stdin_closed = false;
bool g_stdout_closed = false;

extern "C" void OnStopSignal(int signal_number) { g_stop_signal = signal_number; }

bool IsClosed(int fd) { return fcntl(fd, F_GETFD) == -1 && errno == EBADF; }

}  // namespace

void InstallStopSignals() {
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a read blocked on a pipe or terminal returns, so the run stops promptly.
  // SA_RESETHAND: a second signal kills as usual.
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int StopSignal() { return g_stop_signal; }

void GuardStandardDescriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (!IsClosed(fd)) continue;
    if (fd == 0) g_stdin_closed = true;
    if (fd == 1) g_stdout_closed = true;
    // Read-only /dev/null: reads end at once, writes fail with EBADF, as on the closed fd.
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0 && null_fd != fd) {
      dup2(null_fd, fd);
      close(null_fd);
    }
  }
}

bool StdinClosed() { return g_stdin_closed; }
bool StdoutClosed() { return g_stdout_closed; }

InputQueue::InputQueue(std::vector<std::string> inputs, const ReaderOptions& options, uint64_t skip)
    : options_(options), skip_(skip) {
  if (inputs.empty()) inputs.push_back("-");
  std::vector<InputProblem> problems;
  ExpandInputs(inputs, &inputs_, &problems);
  for (const InputProblem& problem : problems) {
    if (problem.error) {
      ReadError error{problem.path, 0, problem.message, true};
      PrintReadError(error);
      ++io_errors_;
    } else {
      PrintReadWarning(problem.message, problem.path, 0);
    }
  }
}

size_t InputQueue::Fill(std::vector<BatchItem>& items, size_t max_items, size_t max_bytes,
                        std::vector<GoldFields>* golds, std::deque<RecordMark>* marks) {
  size_t count = 0, bytes = 0;
  while (count < max_items && bytes < max_bytes && StopSignal() == 0) {
    const bool skipping = records_ < skip_;
    if (reader_ == nullptr) {
      if (next_input_ == inputs_.size()) break;
      const std::string& input = inputs_[next_input_++];
      if (input == "-" && StdinClosed()) {
        PrintReadError(ReadError{input, 0, "read error: stdin is closed", true});
        ++io_errors_;
        continue;
      }
      auto reader = ArticleReader::Open(input, options_);
      if (!reader.ok()) {
        // A file that cannot be opened (or is no article file) costs its records: counted
        // as one rejected record, so a resumed run skips it as the first run did.
        ++records_;
        if (!skipping) {
          PrintReadError(ReadError{input, 0, reader.status().message()});
          ++rejected_;
        }
        continue;
      }
      reader_ = reader.TakeValue();
      input_ = input;
    }
    if (items.size() <= count) items.resize(count + 1);
    if (golds != nullptr && golds->size() <= count) golds->resize(count + 1);
    Document& doc = items[count].doc;
    ReadItem item = reader_->Next(&doc, &error_, golds != nullptr ? &(*golds)[count] : nullptr);
    if (item == ReadItem::kEnd) {
      reader_.reset();
    } else if (item == ReadItem::kError) {
      if (error_.io) {
        // Interrupted reads (SIGINT while blocked on a pipe) are the stop, not an error.
        if (StopSignal() != 0) break;
        PrintReadError(error_);
        ++io_errors_;
        continue;
      }
      ++records_;
      if (skipping) continue;
      PrintReadError(error_);
      ++rejected_;
    } else {
      ++records_;
      if (skipping) continue;
      for (const std::string& warning : doc.warnings) PrintReadWarning(warning, input_, reader_->line());
      bytes += doc.text.size();
      if (marks != nullptr) marks->push_back(RecordMark{records_, rejected_, input_, reader_->line(), doc.warnings.size()});
      ++count;
    }
  }
  return count;
}

bool FlushStdout() {
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "annalist: error writing the output: %s\n", std::strerror(errno));
    return false;
  }
  return true;
}

}  // namespace annalist::cli
