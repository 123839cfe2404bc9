// annalist ingest / query / aggregate through the binary (ANNALIST_CLI), on SQLite and a
// throwaway PostgreSQL server; kill -9 during ingest, repeated, on SQLite.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "store_test_util.h"
#include "test_util.h"

extern char** environ;

namespace annalist::testing {
namespace {

const char kArticles[] =
    R"({"id":"afp-1","source":"AFP","date":"2024-03-04","title":"Iran accuses Israel","text":"Iran accused Israel of sabotage at the Natanz nuclear site on Monday."})"
    "\n"
    R"({"id":"rtr-1","source":"Reuters","date":"2024-03-04","title":"Tehran blames Israel","text":"Iran on Monday accused Israel of sabotaging its Natanz nuclear facility."})"
    "\n"
    R"({"id":"afp-2","source":"AFP","date":"2024-03-09","text":"France and Germany signed a trade agreement in Paris."})"
    "\n";

class StoreCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = ProcessTempDir() + "/cli";
    std::filesystem::create_directories(dir_);
    target_ = StoreTarget(GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    if (target_.empty()) GTEST_SKIP() << StoreSkipReason(GetParam());
  }
  CommandResult Annalist(const std::string& args, std::string* err = nullptr) {
    CommandResult result = RunCommand(std::string(ANNALIST_CLI) + " " + args + " 2>" + dir_ + "/stderr.txt");
    if (err != nullptr) *err = ReadFile(dir_ + "/stderr.txt");
    return result;
  }
  std::string dir_, target_;
};

TEST_P(StoreCliTest, IngestThenQueryAndAggregate) {
  WriteFile(dir_ + "/in.jsonl", kArticles);
  std::string err;
  CommandResult ingest = Annalist("ingest --db '" + target_ + "' --stats " + dir_ + "/in.jsonl", &err);
  ASSERT_EQ(ingest.exit_code, 0) << err;
  EXPECT_NE(err.find("\"articles\":3,\"skipped\":0"), std::string::npos) << err;
  // Two outlets' reports of the accusation are one event.
  CommandResult query = Annalist("query --db '" + target_ + "' --root 11", &err);
  ASSERT_EQ(query.exit_code, 0) << err;
  EXPECT_NE(query.out.find("\"source\":\"IRN\",\"target\":\"ISR\""), std::string::npos) << query.out;
  EXPECT_NE(query.out.find("\"mentions\":2,\"articles\":2,\"publishers\":2"), std::string::npos) << query.out;
  EXPECT_EQ(std::count(query.out.begin(), query.out.end(), '\n'), 1) << query.out;
  // A rerun stores nothing new.
  ingest = Annalist("ingest --db '" + target_ + "' --stats " + dir_ + "/in.jsonl", &err);
  ASSERT_EQ(ingest.exit_code, 0) << err;
  EXPECT_NE(err.find("\"articles\":0,\"skipped\":3"), std::string::npos) << err;
  CommandResult text = Annalist("query --db '" + target_ + "' --text sabotaging --format csv", &err);
  ASSERT_EQ(text.exit_code, 0) << err;
  EXPECT_EQ(text.out.rfind("id,date,source,target,code,", 0), 0u) << text.out;
  EXPECT_NE(text.out.find(",IRN,ISR,"), std::string::npos) << text.out;
  CommandResult aggregate = Annalist("aggregate --db '" + target_ + "' --by dyad,month --countries", &err);
  ASSERT_EQ(aggregate.exit_code, 0) << err;
  EXPECT_NE(aggregate.out.find("2024-03-01,IRN,ISR,1,2,"), std::string::npos) << aggregate.out;
  CommandResult weeks = Annalist("aggregate --db '" + target_ + "' --by week --format jsonl", &err);
  ASSERT_EQ(weeks.exit_code, 0) << err;
  EXPECT_NE(weeks.out.find("{\"period\":\"2024-03-04\",\"events\":"), std::string::npos) << weeks.out;
  CommandResult article = Annalist("query --db '" + target_ + "' --article-view rtr-1", &err);
  ASSERT_EQ(article.exit_code, 0) << err;
  EXPECT_NE(article.out.find("\"verb_text\":\"accused\""), std::string::npos) << article.out;
  EXPECT_NE(article.out.find("\"publisher\":\"Reuters\""), std::string::npos) << article.out;
}

// An article cut by a limit is stored with what was coded, and the cut is said, located,
// as `annalist code` says it (the third line holds two sentences).
TEST_P(StoreCliTest, IngestSaysWhereAnArticleWasCut) {
  WriteFile(dir_ + "/in.jsonl", std::string(kArticles) +
                                    R"({"id":"afp-3","text":"Troops shelled the town. Iran accused Israel."})" "\n");
  std::string err;
  CommandResult ingest = Annalist("ingest --max-sentences 1 --db '" + target_ + "' " + dir_ + "/in.jsonl", &err);
  ASSERT_EQ(ingest.exit_code, 0) << err;
  EXPECT_NE(err.find("--max-sentences"), std::string::npos) << err;
  EXPECT_NE(err.find("\"input\":\"" + dir_ + "/in.jsonl\",\"line\":4}"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;  // one cut, one line
}

TEST_P(StoreCliTest, UsageAndStoreErrors) {
  std::string err;
  EXPECT_EQ(Annalist("ingest " + dir_ + "/in.jsonl", &err).exit_code, 2);
  EXPECT_NE(err.find("--db"), std::string::npos) << err;
  EXPECT_EQ(Annalist("aggregate --db '" + target_ + "' --by year", &err).exit_code, 2);
  EXPECT_EQ(Annalist("query --db '" + target_ + "' --from 2024-13-01", &err).exit_code, 2);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(Annalist("query --db " + dir_ + "/absent.db", &err).exit_code, 3);
    EXPECT_NE(err.find("absent.db"), std::string::npos) << err;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// SQL text of what a store holds, for comparing two stores.
std::string DumpStore(const std::string& path, std::string* integrity) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return "cannot open";
  auto run = [&](const char* sql, std::string* into) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const unsigned char* text = sqlite3_column_text(stmt, c);
        *into += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
        *into += '|';
      }
      *into += '\n';
    }
    sqlite3_finalize(stmt);
  };
  if (integrity != nullptr) run("PRAGMA integrity_check", integrity);
  run("SELECT id, checksum, published, publisher FROM articles ORDER BY id", &out);
  run("SELECT article_id, idx, id, event_id, code, source, target, words FROM mentions ORDER BY article_id, idx",
      &out);
  run("SELECT id, source, target, code, date, place_key, first_report, last_report, mentions, articles, publishers, "
      "words, first_article_id FROM events ORDER BY id",
      &out);
  run("SELECT * FROM actors ORDER BY code", &out);
  sqlite3_close(db);
  return out;
}

int64_t CountArticles(const std::string& path) {
  sqlite3* db = nullptr;
  int64_t count = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 1000);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM articles", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      count = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return count;
}

// The GigaWord sample repeated with new ids, outlets and days: thousands of short articles.
std::string RepeatedSample(int copies) {
  const std::string sample = ReadFile(SharedDir() + "/reference/eval/gigaword-sample.text.jsonl");
  std::string out;
  for (int copy = 0; copy < copies; ++copy) {
    size_t start = 0;
    while (start < sample.size()) {
      size_t end = sample.find('\n', start);
      if (end == std::string::npos) end = sample.size();
      std::string line = sample.substr(start, end - start);
      start = end + 1;
      size_t id = line.find("\"id\": \"");
      if (id == std::string::npos) continue;
      line.insert(id + 7, "c" + std::to_string(copy) + "-");
      line.insert(1, "\"source\": \"outlet" + std::to_string(copy % 5) + "\", ");
      out += line + "\n";
    }
  }
  return out;
}

TEST(StoreKill, KilledIngestLosesNothingCommittedAndResumesToTheSameStore) {
  const std::string sample = SharedDir() + "/reference/eval/gigaword-sample.text.jsonl";
  if (!std::filesystem::exists(sample)) GTEST_SKIP() << "reference data absent: " << sample;
  const std::string dir = ProcessTempDir() + "/kill";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string input = dir + "/in.jsonl";
  WriteFile(input, RepeatedSample(40));  // 3,040 articles
  const std::string killed = dir + "/killed.db", whole = dir + "/whole.db";
  const std::string cli = ANNALIST_CLI;
  auto spawn_ingest = [&](const std::string& db) {
    std::vector<std::string> args = {cli, "ingest", "--db", db, "--batch", "40", "--threads", "1", input};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    posix_spawn(&pid, cli.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return pid;
  };
  int kills = 0;
  int64_t committed = 0;
  for (int run = 0; run < 5; ++run) {
    pid_t pid = spawn_ingest(killed);
    ASSERT_GT(pid, 0);
    // Kill as soon as this run has committed something new (or after a few batches).
    const int64_t start = committed;
    const int64_t wait_for = 40 * (1 + run % 3);
    bool exited = false;
    int status = 0;
    for (int poll = 0; poll < 20000; ++poll) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      const int64_t now = CountArticles(killed);
      if (now >= 0) committed = std::max(committed, now);
      if (committed >= start + wait_for) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (exited) {
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "ingest failed, status " << status;
      break;
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    ++kills;
    std::string integrity;
    DumpStore(killed, &integrity);
    EXPECT_EQ(integrity, "ok|\n") << "after kill " << kills;
    const int64_t after = CountArticles(killed);
    EXPECT_GE(after, committed) << "a committed batch was lost after kill " << kills;
    committed = after;
  }
  std::printf("killed %d times, %lld articles committed before the last kill\n", kills,
              static_cast<long long>(committed));
  EXPECT_GE(kills, 2) << "the ingest finished before it could be killed twice";
  // Resume to the end, and compare with one uninterrupted ingest.
  pid_t pid = spawn_ingest(killed);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  pid = spawn_ingest(whole);
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::string integrity;
  const std::string resumed = DumpStore(killed, &integrity);
  EXPECT_EQ(integrity, "ok|\n");
  const std::string expected = DumpStore(whole, nullptr);
  EXPECT_GT(expected.size(), 100000u);
  EXPECT_TRUE(resumed == expected) << "the resumed store differs from an uninterrupted ingest";
}

}  // namespace
}  // namespace annalist::testing
