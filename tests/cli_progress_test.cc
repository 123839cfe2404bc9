// `annalist code` progress and --stats: silent on stderr when stderr is not a terminal,
// one {"stats":...} line with --stats, and a progress line on a (pseudo-)terminal.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace annalist::testing {
namespace {

namespace fs = std::filesystem;

class CliProgressTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(ProcessTempDir()) / "cli_progress_test";
    fs::create_directories(dir_);
    WriteFile(Path("verbs.txt"),
              "--- ACCUSE [112] ---\n"
              "ACCUSE\n"
              "- * [112]\n");
    WriteFile(Path("actors.txt"),
              "IRAN_ [IRN]\n"
              "ISRAEL_ [ISR]\n");
    dictionaries_ = " --verbs " + Path("verbs.txt") + " --actors " + Path("actors.txt") + " ";
    std::string jsonl;
    for (int i = 0; i < 300; ++i) {
      jsonl += "{\"id\":\"a" + std::to_string(i) +
               "\",\"date\":\"2020-01-02\",\"text\":\"Iran accused Israel on Monday. The talks went on.\"}\n";
    }
    WriteFile(Path("in.jsonl"), jsonl);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
  std::string dictionaries_;
};

TEST_F(CliProgressTest, SilentWhenStderrIsNotATerminal) {
  CommandResult result = RunCommand(std::string(ANNALIST_CLI) + " code --threads 2" + dictionaries_ +
                                    Path("in.jsonl") + " 2>" + Path("err.txt"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_FALSE(result.out.empty());
  EXPECT_EQ(ReadFile(Path("err.txt")), "");
}

TEST_F(CliProgressTest, StatsLineCountsArticlesSentencesEvents) {
  CommandResult result = RunCommand(std::string(ANNALIST_CLI) + " code --stats --threads 2" + dictionaries_ +
                                    Path("in.jsonl") + " 2>" + Path("err.txt"));
  EXPECT_EQ(result.exit_code, 0);
  std::string err = ReadFile(Path("err.txt"));
  EXPECT_EQ(err.find("{\"stats\":{\"articles\":300,\"sentences\":600,\"events\":300,\"rejected\":0,"), 0u) << err;
  EXPECT_EQ(err.find('\n'), err.size() - 1) << "exactly one line: " << err;
  EXPECT_EQ(err.find('\r'), std::string::npos);
  // Statistics go to stderr only: stdout is the same as without --stats.
  CommandResult plain = RunCommand(std::string(ANNALIST_CLI) + " code --threads 1" + dictionaries_ +
                                   Path("in.jsonl") + " 2>/dev/null");
  EXPECT_EQ(result.out, plain.out);
}

TEST_F(CliProgressTest, RejectedRecordsAreCounted) {
  WriteFile(Path("bad.jsonl"), "{\"text\":\"Iran accused Israel.\"}\nnot json\n{\"text\": 5}\n");
  CommandResult result = RunCommand(std::string(ANNALIST_CLI) + " code --stats" + dictionaries_ + Path("bad.jsonl") +
                                    " 2>" + Path("err.txt"));
  EXPECT_EQ(result.exit_code, 1);
  std::string err = ReadFile(Path("err.txt"));
  EXPECT_NE(err.find("\"articles\":1,"), std::string::npos) << err;
  EXPECT_NE(err.find("\"rejected\":2,"), std::string::npos) << err;
}

}  // namespace
}  // namespace annalist::testing
