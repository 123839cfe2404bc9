// Test hygiene (issue 12, point 8): the temp folders tests make do not pile up in /tmp,
// not even those of test processes that were killed before their exit-time cleanup.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace annalist::testing {
namespace {

namespace fs = std::filesystem;

// A PID no process has: a child that has exited and been reaped.
pid_t GonePid() {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  int status = 0;
  waitpid(pid, &status, 0);
  return pid;
}

TEST(TestHygiene, FoldersOfGoneTestProcessesAreRemoved) {
  const fs::path parent = fs::path(ProcessTempDir()) / "hygiene";
  fs::remove_all(parent);
  const pid_t gone = GonePid();
  ASSERT_GT(gone, 0);
  const fs::path killed = parent / ("annalist-test-" + std::to_string(gone));
  const fs::path alive = parent / ("annalist-test-" + std::to_string(getpid()));
  const fs::path not_a_pid = parent / "annalist-test-abc";
  const fs::path other = parent / ("other-" + std::to_string(gone));
  for (const fs::path& dir : {killed / "kill", alive, not_a_pid, other}) fs::create_directories(dir);
  WriteFile((killed / "kill" / "killed.db").string(), "left by a killed test");

  EXPECT_EQ(RemoveFoldersOfGoneTests(parent.string()), 1);
  EXPECT_FALSE(fs::exists(killed));
  EXPECT_TRUE(fs::exists(alive));  // a running process's folder stays
  EXPECT_TRUE(fs::exists(not_a_pid));
  EXPECT_TRUE(fs::exists(other));
  EXPECT_EQ(RemoveFoldersOfGoneTests(parent.string()), 0);
  EXPECT_EQ(RemoveFoldersOfGoneTests((parent / "no-such-folder").string()), 0);
}

// This process's folder is named by its PID (what the sweep above relies on).
TEST(TestHygiene, ProcessTempDirIsNamedByThePid) {
  const std::string dir = ProcessTempDir();
  EXPECT_TRUE(fs::is_directory(dir));
  EXPECT_EQ(fs::path(dir).filename().string(), "annalist-test-" + std::to_string(getpid()));
}

}  // namespace
}  // namespace annalist::testing
