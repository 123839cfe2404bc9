// Golden tests: whole articles in, the events JSONL out, compared byte for byte with the
// reviewed files beside the inputs. Each folder of tests/golden/ is coded with one set of
// dictionaries: phoenix/ with the Phoenix PETRARCH-2 files from ../shared/reference,
// builtin/ with the built-in knowledge base. An input NAME.jsonl or NAME.txt has its
// events in NAME.events.jsonl; the founding example story is coded in every folder.
// To accept a change in output, rerun with ANNALIST_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "test_util.h"

namespace annalist::testing {
namespace {

namespace fs = std::filesystem;

// The events without their "version" field ("0.4.0+kb.70956f5b"): it changes with every
// knowledge-base edit, which is not a change of the coding the golden files specify.
std::string WithoutVersion(const std::string& events) {
  std::string out;
  out.reserve(events.size());
  const std::string key = ",\"version\":\"";
  size_t pos = 0;
  for (size_t at; (at = events.find(key, pos)) != std::string::npos;) {
    out.append(events, pos, at - pos);
    size_t end = events.find('"', at + key.size());
    pos = end == std::string::npos ? events.size() : end + 1;
  }
  out.append(events, pos, std::string::npos);
  return out;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Inputs of one golden folder, sorted, plus the example story.
std::vector<fs::path> Inputs(const fs::path& folder) {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (EndsWith(name, ".events.jsonl")) continue;
    if (EndsWith(name, ".jsonl") || EndsWith(name, ".txt")) inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  if (HaveShared()) inputs.push_back(fs::path(SharedDir()) / "examples/tehran-press-conference.txt");
  return inputs;
}

void CheckFolder(const std::string& folder_name, const std::string& dictionary_options) {
  const bool update = std::getenv("ANNALIST_UPDATE_GOLDEN") != nullptr;
  const fs::path folder = fs::path(ANNALIST_SOURCE_DIR) / "tests/golden" / folder_name;
  for (const fs::path& input : Inputs(folder)) {
    SCOPED_TRACE(input.string());
    const fs::path expected_path = folder / (input.stem().string() + ".events.jsonl");
    // Run from the input's folder so that a text file's doc_id (its name as given) does
    // not depend on where the checkout lives.
    CommandResult result = RunCommand("cd " + input.parent_path().string() + " && " + ANNALIST_CLI +
                                      " code --threads 1" + dictionary_options + " " +
                                      input.filename().string() + " 2>/dev/null");
    ASSERT_EQ(result.exit_code, 0);
    if (update) {
      WriteFile(expected_path.string(), WithoutVersion(result.out));
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << "no golden file; run with ANNALIST_UPDATE_GOLDEN=1";
    EXPECT_NE(result.out.find(",\"version\":\""), std::string::npos);
    EXPECT_EQ(WithoutVersion(result.out), ReadFile(expected_path.string()));
  }
}

TEST(Golden, PhoenixDictionaries) {
  ANNALIST_REQUIRE_SHARED();
  CheckFolder("phoenix", PhoenixOptions());
}

TEST(Golden, BuiltinKnowledgeBase) { CheckFolder("builtin", ""); }

}  // namespace
}  // namespace annalist::testing
