// `annalist code` and `dict check` at the edges: exit statuses, write and read errors,
// signals, --resume after a kill, input kinds (directories, .gz, HTML, binary), dictionary
// kinds from content, the warning summary, --asserted-only and --version.
#include <gtest/gtest.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace annalist::testing {
namespace {

namespace fs = std::filesystem;

// Every line of `text` is a whole event object and the text ends with a newline.
void ExpectWholeJsonLines(const std::string& text) {
  if (text.empty()) return;
  EXPECT_EQ(text.back(), '\n') << "last line cut: ..." << text.substr(text.size() > 200 ? text.size() - 200 : 0);
  for (const std::string& line : Lines(text)) {
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.front(), '{') << line.substr(0, 200);
    EXPECT_EQ(line.back(), '}') << line.substr(line.size() > 200 ? line.size() - 200 : 0);
    EXPECT_TRUE(Contains(line, "\"event_id\":")) << line.substr(0, 200);
  }
}

class CliIoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(ProcessTempDir()) / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::create_directories(dir_);
    WriteFile(Path("verbs.txt"),
              "--- ACCUSE [112] ---\nACCUSE\n- * [112]\n\n--- CONDEMN [122] ---\nCONDEMN\n- * [122]\n\n"
              "--- ATTACK [190] ---\nATTACK\n- * [190]\n");
    WriteFile(Path("actors.txt"), "IRAN_ [IRN]\nISRAEL_ [ISR]\nFRANCE_ [FRA]\n");
    dictionaries_ = " --verbs " + Path("verbs.txt") + " --actors " + Path("actors.txt") + " ";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // Runs a shell command line with `annalist` standing for the binary; stderr into *err.
  CommandResult Shell(const std::string& command, std::string* err = nullptr) {
    std::string line = command;
    for (size_t at; (at = line.find("@annalist")) != std::string::npos;) line.replace(at, 9, ANNALIST_CLI);
    CommandResult result = RunCommand("{ " + line + " ; } 2>" + Path("stderr.txt"));
    if (err != nullptr) *err = ReadFile(Path("stderr.txt"));
    return result;
  }

  // `count` JSONL articles of `sentences` sentences each (every sentence one event).
  std::string Articles(int count, int sentences) {
    std::string out;
    const char* kinds[] = {"Iran accused Israel.", "France condemned Iran.", "Israel accused France."};
    for (int i = 0; i < count; ++i) {
      out += "{\"id\": \"n" + std::to_string(i) + "\", \"text\": \"";
      for (int s = 0; s < sentences; ++s) out += std::string(kinds[(i + s) % 3]) + " ";
      out += "\"}\n";
    }
    return out;
  }

  fs::path dir_;
  std::string dictionaries_;
};

// Defect: a full disk (/dev/full) did not stop the run, gave no reason, exited 1.
TEST_F(CliIoTest, WriteFailureStopsAtOnceWithItsReason) {
  WriteFile(Path("many.jsonl"), Articles(20000, 2));
  std::string err;
  CommandResult result =
      Shell("@annalist code --stats --threads 2" + dictionaries_ + Path("many.jsonl") + " > /dev/full", &err);
  EXPECT_EQ(result.exit_code, 3) << err;
  EXPECT_TRUE(Contains(err, "No space left on device")) << err;
  // Stopped at once: far from all 20,000 articles were coded.
  size_t at = err.find("\"articles\":");
  ASSERT_NE(at, std::string::npos) << err;
  EXPECT_LT(std::stoul(err.substr(at + 11)), 20000u) << err;
}

// Defect: read errors looked like the end of the input (exit 0, no output, no message).
TEST_F(CliIoTest, ReadErrorsAreErrors) {
  std::string err;
  fs::create_directories(Path("folder"));
  CommandResult from_directory = Shell("@annalist code" + dictionaries_ + "< " + Path("folder"), &err);
  EXPECT_EQ(from_directory.exit_code, 3) << err;
  EXPECT_TRUE(Contains(err, "Is a directory")) << err;
  EXPECT_TRUE(Contains(err, "\"input\":\"-\"")) << err;

  CommandResult closed_stdin = Shell("@annalist code" + dictionaries_ + "<&-", &err);
  EXPECT_EQ(closed_stdin.exit_code, 3) << err;
  EXPECT_TRUE(Contains(err, "stdin is closed")) << err;

  // A closed stdout is a write error, not a silent success.
  WriteFile(Path("one.jsonl"), Articles(1, 1));
  CommandResult closed_stdout = Shell("@annalist code" + dictionaries_ + Path("one.jsonl") + " >&-", &err);
  EXPECT_EQ(closed_stdout.exit_code, 3) << err;
  EXPECT_TRUE(Contains(err, "error writing")) << err;

  // A truncated .gz is a read error too; the articles before the cut are coded.
  WriteFile(Path("whole.jsonl"), Articles(2000, 1));
  ASSERT_EQ(RunCommand("gzip -c " + Path("whole.jsonl") + " | head -c 4000 > " + Path("cut.jsonl.gz")).exit_code, 0);
  CommandResult cut = Shell("@annalist code --threads 1" + dictionaries_ + Path("cut.jsonl.gz"), &err);
  EXPECT_EQ(cut.exit_code, 3) << err;
  EXPECT_TRUE(Contains(err, "read error")) << err;
  EXPECT_TRUE(Contains(err, "gzip")) << err;
  EXPECT_FALSE(Contains(err, "broken JSON")) << err;  // the cut record is the read error, not a bad record
  ExpectWholeJsonLines(cut.out);
}

// Starts `annalist code ARGS` reading from a pipe that this test feeds; returns its pid.
pid_t StartFromPipe(const std::string& args, const std::string& out_path, const std::string& err_path, int* feed) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[0], 0);
    close(fds[0]);
    close(fds[1]);
    std::string command = std::string("exec ") + ANNALIST_CLI + " code " + args + " > " + out_path + " 2> " + err_path;
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[0]);
  *feed = fds[1];
  return pid;
}

bool WaitForFile(const std::string& path, size_t min_bytes, int seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    std::error_code error;
    if (fs::exists(path, error) && fs::file_size(path, error) >= min_bytes) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

int WaitExit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void WriteAll(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

// SIGTERM while the run waits for more input (blocked reading a pipe): it stops promptly
// with exit status 130 and every line written is whole.
TEST_F(CliIoTest, SigtermWhileReadingStopsPromptly) {
  signal(SIGPIPE, SIG_IGN);
  int feed = -1;
  const std::string out = Path("out.jsonl"), err = Path("err.txt");
  // With --output each batch is written out (and checkpointed) as soon as it is coded.
  pid_t pid = StartFromPipe("--threads 1 -o " + out + dictionaries_, Path("stdout.txt"), err, &feed);
  ASSERT_GT(pid, 0);
  WriteAll(feed, Articles(150, 4));  // two batches of 64 and some; then the pipe stays open
  ASSERT_TRUE(WaitForFile(out, 1, 60)) << ReadFile(err);
  auto sent = std::chrono::steady_clock::now();
  kill(pid, SIGTERM);
  int status = WaitExit(pid);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
  close(feed);
  EXPECT_EQ(status, 130) << ReadFile(err);
  EXPECT_LT(seconds, 10.0);
  EXPECT_TRUE(Contains(ReadFile(err), "interrupted by SIGTERM")) << ReadFile(err);
  ExpectWholeJsonLines(ReadFile(out));
  EXPECT_TRUE(fs::exists(out + ".checkpoint"));  // kept for --resume
}

// Defect: a kill during an article whose events pass 256 KiB left half a JSON line.
// SIGTERM while the run is blocked writing such an article to a slow reader: the line in
// hand is finished, exit status 130.
TEST_F(CliIoTest, SigtermWhileWritingABigArticleKeepsLinesWhole) {
  signal(SIGPIPE, SIG_IGN);
  WriteFile(Path("big.jsonl"), Articles(3, 700));  // ~300 KiB of events per article
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    close(fds[1]);
    std::string command = std::string("exec ") + ANNALIST_CLI + " code --threads 1" + dictionaries_ + Path("big.jsonl") +
                          " 2> " + Path("err.txt");
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  std::string out;
  char buffer[1 << 14];
  while (out.size() < 100000) {  // the first article is being written: its write is blocked on the pipe
    ssize_t n = read(fds[0], buffer, sizeof buffer);
    ASSERT_GT(n, 0) << ReadFile(Path("err.txt"));
    out.append(buffer, static_cast<size_t>(n));
  }
  kill(pid, SIGTERM);
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<size_t>(n));
  close(fds[0]);
  EXPECT_EQ(WaitExit(pid), 130) << ReadFile(Path("err.txt"));
  ExpectWholeJsonLines(out);
}

// Defect: no way to resume a long run. A run killed with SIGKILL (no chance to clean up),
// with half a line appended as a cut write would leave it, resumes to the same bytes as an
// uninterrupted run.
TEST_F(CliIoTest, ResumeAfterKillGivesTheSameOutput) {
  signal(SIGPIPE, SIG_IGN);
  const std::string input = Articles(3000, 3);
  const std::string in_path = Path("in.jsonl");
  // The uninterrupted run reads the same path (events name their input).
  WriteFile(in_path, input);
  CommandResult whole = Shell("@annalist code --threads 2 -o " + Path("expected.jsonl") + dictionaries_ + in_path);
  ASSERT_EQ(whole.exit_code, 0);
  EXPECT_FALSE(fs::exists(Path("expected.jsonl.checkpoint")));  // removed at the end of a run
  const std::string expected = ReadFile(Path("expected.jsonl"));
  ASSERT_FALSE(expected.empty());

  // First run: the input is a FIFO fed with a third of the articles, then held open.
  fs::remove(in_path);
  ASSERT_EQ(mkfifo(in_path.c_str(), 0600), 0);
  const std::string out = Path("out.jsonl");
  pid_t pid = fork();
  if (pid == 0) {
    std::string command = std::string("exec ") + ANNALIST_CLI + " code --threads 2 -o " + out + dictionaries_ +
                          in_path + " 2> " + Path("err.txt");
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int feed = open(in_path.c_str(), O_WRONLY);
  ASSERT_GE(feed, 0);
  WriteAll(feed, input.substr(0, input.find("{\"id\": \"n1000\"")));
  ASSERT_TRUE(WaitForFile(out + ".checkpoint", 1, 60)) << ReadFile(Path("err.txt"));
  kill(pid, SIGKILL);
  WaitExit(pid);
  close(feed);
  ASSERT_TRUE(fs::exists(out + ".checkpoint"));
  const std::string partial = ReadFile(out);
  ASSERT_LT(partial.size(), expected.size());
  EXPECT_EQ(expected.compare(0, partial.size(), partial), 0);
  // What a write cut by the kill would leave.
  WriteFile(out, partial + "{\"doc_id\":\"n99\",\"sentence_index\":0,\"sou");

  // The same command with --resume, the FIFO replaced by the whole file.
  fs::remove(in_path);
  WriteFile(in_path, input);
  std::string err;
  CommandResult resumed =
      Shell("@annalist code --resume --stats --threads 1 -o " + out + dictionaries_ + in_path, &err);
  EXPECT_EQ(resumed.exit_code, 0) << err;
  EXPECT_EQ(ReadFile(out), expected);
  EXPECT_FALSE(fs::exists(out + ".checkpoint"));
  EXPECT_TRUE(Contains(err, "\"articles\":3000,")) << err;  // counts carried over

  // Resuming a run that is complete, or with other inputs, is refused.
  EXPECT_EQ(Shell("@annalist code --resume -o " + out + dictionaries_ + in_path).exit_code, 2);
  WriteFile(out + ".checkpoint", "{\"checkpoint\":1,\"run\":\"0000000000000000\",\"records\":1,\"output_bytes\":1,"
                                 "\"articles\":1,\"sentences\":1,\"events\":1,\"rejected\":0,\"set_aside\":0}\n");
  EXPECT_EQ(Shell("@annalist code --resume -o " + out + dictionaries_ + in_path, &err).exit_code, 2);
  EXPECT_TRUE(Contains(err, "other inputs or options")) << err;
  EXPECT_EQ(Shell("@annalist code --resume" + dictionaries_ + in_path).exit_code, 2);  // needs --output
}

TEST_F(CliIoTest, DirectoriesAreReadRecursivelyInSortedOrder) {
  fs::create_directories(Path("news/b"));
  fs::create_directories(Path("news/a/deep"));
  fs::create_directories(Path("news/.hidden"));
  WriteFile(Path("news/b/1.txt"), "France condemned Iran.\n");
  WriteFile(Path("news/a/deep/2.jsonl"), "{\"id\": \"deep\", \"text\": \"Iran accused Israel.\"}\n");
  WriteFile(Path("news/a/1.jsonl"), "{\"id\": \"first\", \"text\": \"Israel accused France.\"}\n");
  WriteFile(Path("news/.hidden/x.txt"), "Iran accused France.\n");
  WriteFile(Path("news/a/photo.png"), "\x89PNG....");
  std::string err;
  CommandResult result = Shell("@annalist code --threads 2" + dictionaries_ + Path("news"), &err);
  EXPECT_EQ(result.exit_code, 0) << err;
  std::vector<std::string> lines = Lines(result.out);
  ASSERT_EQ(lines.size(), 3u) << result.out << err;
  EXPECT_TRUE(Contains(lines[0], "\"doc_id\":\"first\"")) << lines[0];
  EXPECT_TRUE(Contains(lines[1], "\"doc_id\":\"deep\"")) << lines[1];
  EXPECT_TRUE(Contains(lines[2], "\"source\":\"FRA\"")) << lines[2];
  EXPECT_TRUE(Contains(err, "photo.png")) << err;  // skipped with a warning
  EXPECT_TRUE(Contains(err, "\"warning\"")) << err;
  EXPECT_FALSE(Contains(result.out, "\"source\":\"IRN\",\"target\":\"FRA\"")) << result.out;  // hidden
}

TEST_F(CliIoTest, GzipInputIsDecompressed) {
  WriteFile(Path("a.jsonl"), "{\"id\": \"gz1\", \"text\": \"Iran accused Israel.\"}\n");
  WriteFile(Path("b.txt"), "France condemned Iran.\n");
  ASSERT_EQ(RunCommand("gzip " + Path("a.jsonl") + " && gzip -c " + Path("b.txt") + " > " + Path("b-no-suffix")).exit_code, 0);
  std::string err;
  CommandResult result =
      Shell("@annalist code --threads 1" + dictionaries_ + Path("a.jsonl.gz") + " " + Path("b-no-suffix"), &err);
  EXPECT_EQ(result.exit_code, 0) << err;
  EXPECT_TRUE(Contains(result.out, "\"doc_id\":\"gz1\",\"sentence_index\":0,\"source\":\"IRN\"")) << result.out;
  EXPECT_TRUE(Contains(result.out, "\"source\":\"FRA\",\"target\":\"IRN\",\"code\":\"122\"")) << result.out;
}

TEST_F(CliIoTest, BinaryFormatsGetALocatedError) {
  WriteFile(Path("report.pdf"), "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
  WriteFile(Path("good.jsonl"), "{\"id\": \"g\", \"text\": \"Iran accused Israel.\"}\n");
  std::string err;
  CommandResult result =
      Shell("@annalist code --threads 1" + dictionaries_ + Path("report.pdf") + " " + Path("good.jsonl"), &err);
  EXPECT_EQ(result.exit_code, 1) << err;
  EXPECT_TRUE(Contains(err, "\"input\":\"" + Path("report.pdf") + "\"")) << err;
  EXPECT_TRUE(Contains(err, "a PDF document")) << err;
  EXPECT_TRUE(Contains(result.out, "\"doc_id\":\"g\"")) << result.out;  // the batch goes on
}

TEST_F(CliIoTest, HtmlPageIsCodedFromItsMainText) {
  WriteFile(Path("page.html"),
            "<!DOCTYPE html><html><head><title>Site | Iran accuses Israel</title>"
            "<meta property=\"og:title\" content=\"Iran accuses Israel\">"
            "<meta property=\"og:site_name\" content=\"Example News\">"
            "<meta property=\"og:url\" content=\"https://example.org/iran\">"
            "<meta property=\"article:published_time\" content=\"2023-11-06T08:15:00Z\">"
            "<script>var x = 'France condemned Iran.';</script></head><body>"
            "<nav><a href=/>Israel accused France.</a></nav>"
            "<article><h1>Iran accuses Israel</h1><p>Iran accused Israel.</p></article>"
            "<footer>France condemned Iran.</footer></body></html>");
  std::string err;
  CommandResult result = Shell("@annalist code --threads 1" + dictionaries_ + Path("page.html"), &err);
  EXPECT_EQ(result.exit_code, 0) << err;
  std::vector<std::string> lines = Lines(result.out);
  ASSERT_EQ(lines.size(), 1u) << result.out;  // nav, script and footer are not coded
  EXPECT_TRUE(Contains(lines[0], "\"source\":\"IRN\",\"target\":\"ISR\",\"code\":\"112\"")) << lines[0];
  EXPECT_TRUE(Contains(lines[0], "\"date\":\"2023-11-06\"")) << lines[0];
}

TEST_F(CliIoTest, AssertedOnlySetsAsideNegatedAndHypotheticalEvents) {
  WriteFile(Path("m.jsonl"),
            "{\"id\": \"a\", \"text\": \"Iran accused Israel.\"}\n"
            "{\"id\": \"b\", \"text\": \"Iran will attack Israel.\"}\n"
            "{\"id\": \"c\", \"text\": \"Iran did not accuse Israel.\"}\n");
  std::string err;
  CommandResult all = Shell("@annalist code --threads 1" + dictionaries_ + Path("m.jsonl"), &err);
  ASSERT_EQ(all.exit_code, 0) << err;
  ASSERT_EQ(Lines(all.out).size(), 3u) << all.out;
  EXPECT_TRUE(Contains(all.out, "\"modality\":\"future\"")) << all.out;
  EXPECT_TRUE(Contains(all.out, "\"negated\":true")) << all.out;
  CommandResult asserted =
      Shell("@annalist code --asserted-only --stats --threads 1" + dictionaries_ + Path("m.jsonl"), &err);
  ASSERT_EQ(asserted.exit_code, 0) << err;
  std::vector<std::string> lines = Lines(asserted.out);
  ASSERT_EQ(lines.size(), 1u) << asserted.out;
  EXPECT_TRUE(Contains(lines[0], "\"doc_id\":\"a\"")) << lines[0];
  EXPECT_TRUE(Contains(err, "\"events\":1,\"rejected\":0,\"set_aside\":2,")) << err;
}

TEST_F(CliIoTest, VersionNamesTheKnowledgeBase) {
  CommandResult top = Shell("@annalist --version");
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_TRUE(Contains(top.out, "annalist 0.")) << top.out;
  EXPECT_TRUE(Contains(top.out, "knowledge base builtin ")) << top.out;
  CommandResult files = Shell("@annalist code --version" + dictionaries_);
  EXPECT_EQ(files.exit_code, 0);
  EXPECT_TRUE(Contains(files.out, "knowledge base files ")) << files.out;
  // The checksum follows the dictionaries' content.
  WriteFile(Path("actors.txt"), "IRAN_ [IRN]\nISRAEL_ [ISR]\n");
  CommandResult changed = Shell("@annalist code --version" + dictionaries_);
  EXPECT_NE(files.out, changed.out);
}

TEST_F(CliIoTest, DictionaryWarningsAreSummarisedUnlessVerbose) {
  WriteFile(Path("bad-actors.txt"), "IRAN_ [IRN]\nBROKEN [\nALSO BROKEN [\n");
  WriteFile(Path("one.jsonl"), "{\"id\": \"a\", \"text\": \"Iran accused Israel.\"}\n");
  std::string err;
  const std::string args = " --verbs " + Path("verbs.txt") + " --actors " + Path("bad-actors.txt") + " " + Path("one.jsonl");
  ASSERT_EQ(Shell("@annalist code" + args, &err).exit_code, 0) << err;
  std::vector<std::string> lines = Lines(err);
  ASSERT_EQ(lines.size(), 1u) << err;
  EXPECT_TRUE(Contains(lines[0], "2 dictionary warning(s) (bad-actors.txt 2)")) << err;
  ASSERT_EQ(Shell("@annalist code --verbose" + args, &err).exit_code, 0) << err;
  EXPECT_EQ(Lines(err).size(), 2u) << err;
  EXPECT_TRUE(Contains(err, "bad-actors.txt:2:")) << err;
}

TEST_F(CliIoTest, DictCheckDecidesTheKindFromTheContent) {
  const std::string phoenix = SharedDir() + "/reference/dictionaries/phoenix/";
  if (!fs::exists(phoenix + "CAMEO.2.0.txt")) GTEST_SKIP() << "../shared/reference is absent";
  std::string err;
  // Verbs, though the name does not say so: the 7 problems of the Phoenix verbs file.
  CommandResult cameo = Shell("@annalist dict check " + phoenix + "CAMEO.2.0.txt", &err);
  EXPECT_EQ(cameo.exit_code, 1) << err;
  EXPECT_EQ(Lines(cameo.out).size(), 7u) << cameo.out;
  EXPECT_TRUE(Contains(err, "CAMEO.2.0.txt: verbs (from its content)")) << err;
  EXPECT_TRUE(Contains(cameo.out, "undefined synset &WEATHER")) << cameo.out;
  // A LICENSE is no dictionary.
  CommandResult license = Shell("@annalist dict check " + phoenix + "LICENSE.petrarch2.MIT.txt", &err);
  EXPECT_EQ(license.exit_code, 1) << err;
  EXPECT_TRUE(Contains(license.out, "not a dictionary")) << license.out;
  // Each Phoenix file is recognised as its kind, whatever it is named.
  const std::pair<const char*, const char*> kinds[] = {{"Phoenix.Countries.actors.txt", "actors"},
                                                       {"Phoenix.International.actors.txt", "actors"},
                                                       {"Phoenix.MilNonState.actors.txt", "actors"},
                                                       {"Phoenix.agents.txt", "agents"},
                                                       {"Phoenix.discards.txt", "discards"},
                                                       {"Phoenix.IssueCoding.txt", "issues"}};
  for (const auto& [file, kind] : kinds) {
    fs::copy_file(phoenix + file, Path("renamed"), fs::copy_options::overwrite_existing);
    Shell("@annalist dict check " + Path("renamed"), &err);
    EXPECT_TRUE(Contains(err, std::string("renamed: ") + kind + " (from its content)")) << file << ": " << err;
  }
}

}  // namespace
}  // namespace annalist::testing
