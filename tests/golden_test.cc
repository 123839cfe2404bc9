// Golden tests: whole articles in, the events JSONL out, compared line by line with the
// reviewed files in tests/golden/. To accept a change in output, rerun with
// ANNALIST_UPDATE_GOLDEN=1 and review the diff of tests/golden/*.events.jsonl.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "test_util.h"

namespace annalist::testing {
namespace {

namespace fs = std::filesystem;

struct GoldenCase {
  std::string name;
  std::string input;
};

std::vector<GoldenCase> Cases() {
  std::vector<GoldenCase> cases;
  cases.push_back({"tehran-press-conference", SharedDir() + "/examples/tehran-press-conference.txt"});
  const fs::path inputs = fs::path(ANNALIST_SOURCE_DIR) / "tests/golden/inputs";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(inputs)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) cases.push_back({file.stem().string(), file.string()});
  return cases;
}

TEST(Golden, ArticlesCodeAsReviewed) {
  const bool update = std::getenv("ANNALIST_UPDATE_GOLDEN") != nullptr;
  for (const GoldenCase& golden : Cases()) {
    SCOPED_TRACE(golden.name);
    const std::string expected_path =
        std::string(ANNALIST_SOURCE_DIR) + "/tests/golden/" + golden.name + ".events.jsonl";
    CommandResult result =
        RunCommand(std::string(ANNALIST_CLI) + " code --threads 1" + PhoenixOptions() + golden.input + " 2>/dev/null");
    ASSERT_EQ(result.exit_code, 0);
    if (update) {
      WriteFile(expected_path, result.out);
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << "no golden file; run with ANNALIST_UPDATE_GOLDEN=1";
    EXPECT_EQ(result.out, ReadFile(expected_path));
  }
}

}  // namespace
}  // namespace annalist::testing
