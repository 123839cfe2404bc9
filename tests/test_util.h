// Helpers shared by the tests that drive the CLI binary.
#ifndef ANNALIST_TESTS_TEST_UTIL_H_
#define ANNALIST_TESTS_TEST_UTIL_H_

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "annalist/options.h"
#include "annalist/pipeline.h"

namespace annalist::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// `text` cut at each '\n' (the last line need not end with one; no empty last line).
inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

inline bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

inline void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

struct CommandResult {
  std::string out;
  int exit_code = -1;
};

// Runs a shell command, capturing stdout (stderr goes where the command sends it).
inline CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[1 << 16];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Runs `annalist eval ARGS` and returns the last line of its report, the JSON object with
// the figures ("" and a test failure when the run fails).
inline std::string EvalSummaryLine(const std::string& args) {
  CommandResult result = RunCommand(std::string(ANNALIST_CLI) + " eval --threads 2 " + args + " 2>/dev/null");
  EXPECT_EQ(result.exit_code, 0);
  std::string_view out = result.out;
  while (!out.empty() && out.back() == '\n') out.remove_suffix(1);
  return std::string(out.substr(out.rfind('\n') + 1));
}

// Removes parent/annalist-test-PID folders whose process is gone: a test killed by a
// ctest timeout or an interrupted run (Ctrl-C, SIGKILL) never runs its exit-time cleanup.
// A folder whose PID is alive (or cannot be checked) stays. Returns how many went.
inline int RemoveFoldersOfGoneTests(const std::string& parent) {
  const std::string prefix = "annalist-test-";
  int removed = 0;
  std::error_code error;
  std::filesystem::directory_iterator it(parent, error), end;
  for (; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0 || name.size() == prefix.size()) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid <= 0 || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    if (std::filesystem::remove_all(it->path(), ignored) > 0) ++removed;
  }
  return removed;
}

// A temp folder of this process's own: ctest runs the cases of one test binary as
// parallel processes, which must not write the same files. Removed with everything in it
// when the process exits normally (a static's destructor; children made by popen exec a
// shell and never run it); the folders of test processes that did not exit normally are
// removed by the next test process that makes its own.
inline std::string ProcessTempDir() {
  struct Owned {
    pid_t owner = getpid();
    std::string path;
    Owned() : path(::testing::TempDir() + "/annalist-test-" + std::to_string(owner)) {
      RemoveFoldersOfGoneTests(::testing::TempDir());
      std::filesystem::create_directories(path);
    }
    ~Owned() {
      if (getpid() != owner) return;  // a forked child exiting
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Owned dir;
  return dir.path;
}

// "Arnor/NNP attacked/VBD Gondor/NNP ./." -> a document of one tagged sentence (story
// date 1995-01-06). Commas, periods and 's are glued to the word before, as in running text.
inline Document TaggedDocument(const std::string& tagged, CodingOptions options = {}) {
  Document doc;
  doc.id = "t";
  doc.date = 19950106;
  doc.options = options;
  std::istringstream in(tagged);
  std::string item;
  while (in >> item) {
    size_t slash = item.rfind('/');
    std::string word = item.substr(0, slash), tag = item.substr(slash + 1);
    Token t;
    if (!doc.text.empty() && word != "," && word != "." && word != "'s") doc.text += ' ';
    t.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += word;
    t.span.end = static_cast<uint32_t>(doc.text.size());
    for (char c : word) t.norm += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    t.pos = PosFromName(tag);
    doc.tokens.push_back(t);
  }
  Sentence s;
  s.end_token = static_cast<uint32_t>(doc.tokens.size());
  s.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.sentences.push_back(s);
  return doc;
}

// ../shared beside the repo (reference dictionaries, eval sets, examples), never copied
// into the repo. The environment variable ANNALIST_SHARED_DIR overrides the configured
// path (scripts/test.sh points it at a missing folder to check that every test skips).
// Codes one article with the built-in knowledge base (loaded once per test binary); no
// events if it did not load.
inline std::vector<Event> CodeWithBuiltinKb(const std::string& text, const std::string& id, int32_t date) {
  static std::unique_ptr<Pipeline> pipeline = [] {
    auto p = Pipeline::Load(PipelineConfig{});
    return p.ok() ? std::move(*p) : nullptr;
  }();
  std::vector<Event> events;
  Document doc;
  doc.id = id;
  doc.text = text;
  doc.date = date;
  if (pipeline) pipeline->Code(&doc, &events);
  return events;
}

inline std::string SharedDir() {
  const char* env = std::getenv("ANNALIST_SHARED_DIR");
  return env != nullptr && *env != '\0' ? std::string(env) : std::string(ANNALIST_SHARED_DIR);
}
inline bool HaveShared() { return std::filesystem::is_directory(SharedDir() + "/reference"); }

}  // namespace annalist::testing

// First statement of a test that reads ../shared: skips it, with the one message every
// such test gives, where the reference data is absent.
#define ANNALIST_REQUIRE_SHARED()                                                          \
  do {                                                                                     \
    if (!::annalist::testing::HaveShared()) {                                              \
      GTEST_SKIP() << "reference data not found at " << ::annalist::testing::SharedDir()  \
                   << " (../shared beside the repo, or set ANNALIST_SHARED_DIR)";          \
    }                                                                                      \
  } while (0)

namespace annalist::testing {

// The Phoenix PETRARCH-2 dictionaries as CLI options.
inline std::string PhoenixOptions() {
  const std::string d = SharedDir() + "/reference/dictionaries/phoenix/";
  return " --verbs " + d + "CAMEO.2.0.txt --actors " + d + "Phoenix.Countries.actors.txt --actors " + d +
         "Phoenix.International.actors.txt --actors " + d + "Phoenix.MilNonState.actors.txt --agents " + d +
         "Phoenix.agents.txt --discards " + d + "Phoenix.discards.txt --issues " + d + "Phoenix.IssueCoding.txt ";
}

// The validation suite's dictionaries as CLI options.
inline std::string ValidationOptions() {
  const std::string d = SharedDir() + "/reference/dictionaries/petrarch2-validation/";
  return " --verbs " + d + "PETR_Validate_verbs_2_02.txt --actors " + d + "PETR_Validate_actors_2_02.txt --agents " +
         d + "PETR_Validate_agents_2_02.txt --discards " + d + "PETR_Validate_discards_2_02.txt ";
}

}  // namespace annalist::testing

#endif  // ANNALIST_TESTS_TEST_UTIL_H_
