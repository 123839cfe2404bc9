// `annalist serve` end to end, on SQLite and on PostgreSQL: a small store made by
// `annalist ingest` from tests/data/serve/articles.jsonl, the server started as a process
// on a free loopback port, queried over sockets. Checks the JSON against the store's own content and the limits
// (413, 408 for a slow client, 404 for path traversal). The routes alone, against an
// in-memory source, are in server_test.cc.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <simdjson.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include "store_test_util.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

const char kArticles[] = ANNALIST_SOURCE_DIR "/tests/data/serve/articles.jsonl";

struct Reply {
  int status = 0;
  std::string head, body;
};

// One store and one server per backend (SQLite file; a database on the throwaway
// PostgreSQL server of the store tests, tests/store_test_util.h), made by the first test
// that needs it and stopped after the last.
struct Server {
  pid_t pid = 0;
  int port = 0;
  std::string skip;  // why this backend cannot run here
};

class ServeTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (dir_ == nullptr) {
      dir_ = new fs::path(fs::path(annalist::testing::ProcessTempDir()) / "serve_test");
      fs::create_directories(*dir_);
    }
    auto [it, fresh] = servers_.try_emplace(GetParam());
    if (fresh) Start(GetParam(), &it->second);
    if (!it->second.skip.empty()) GTEST_SKIP() << it->second.skip;
    ASSERT_GT(it->second.port, 0) << "the server for " << GetParam() << " did not start";
    port_ = it->second.port;
  }

  // Ingests the articles into a new store of `backend` and starts `annalist serve` on it
  // with a short read timeout (for the slow-client test); its first stdout line names the
  // port.
  static void Start(const std::string& backend, Server* server) {
    std::string db = annalist::testing::StoreTarget(backend, "serve");
    if (db.empty()) {
      server->skip = annalist::testing::StoreSkipReason(backend);
      return;
    }
    std::string ingest = std::string(ANNALIST_CLI) + " ingest --db '" + db + "' " + kArticles + " > " +
                         (*dir_ / (backend + "-ingest.out")).string() + " 2>&1";
    ASSERT_EQ(std::system(ingest.c_str()), 0) << ingest;
    int out[2];
    ASSERT_EQ(::pipe(out), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::string cli = ANNALIST_CLI;
    const char* argv[] = {cli.c_str(), "serve", "--db", db.c_str(), "--port", "0", "--threads", "4",
                          "--read-timeout-ms", "400", nullptr};
    ASSERT_EQ(posix_spawn(&server->pid, cli.c_str(), &actions, nullptr, const_cast<char**>(argv), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    std::string line;
    char c;
    pollfd p{out[0], POLLIN, 0};
    while (line.find('\n') == std::string::npos && ::poll(&p, 1, 20000) > 0 && ::read(out[0], &c, 1) == 1) line += c;
    ::close(out[0]);
    size_t at = line.find("127.0.0.1:");
    ASSERT_NE(at, std::string::npos) << "serve printed: " << line;
    server->port = std::atoi(line.c_str() + at + 10);
  }

  static void TearDownTestSuite() {
    for (auto& [backend, server] : servers_) {
      if (server.pid <= 0) continue;
      ::kill(server.pid, SIGTERM);
      int status = 0;
      ::waitpid(server.pid, &status, 0);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << backend << ": serve did not stop cleanly on SIGTERM";
    }
    servers_.clear();
    if (dir_ != nullptr) fs::remove_all(*dir_);
    delete dir_;
    dir_ = nullptr;
  }

  int Connect() const {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port_));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    return fd;
  }

  // Sends `request` and reads until the server closes (Connection: close) or 5 s pass.
  Reply Exchange(const std::string& request) const {
    int fd = Connect();
    size_t sent = 0;
    while (sent < request.size()) {
      ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    std::string data;
    char chunk[8192];
    pollfd p{fd, POLLIN, 0};
    while (::poll(&p, 1, 5000) > 0) {
      ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      data.append(chunk, static_cast<size_t>(n));
    }
    ::close(fd);
    Reply reply;
    size_t end = data.find("\r\n\r\n");
    if (data.size() < 12 || end == std::string::npos) return reply;
    reply.status = std::atoi(data.c_str() + 9);
    reply.head = data.substr(0, end);
    reply.body = data.substr(end + 4);
    return reply;
  }

  Reply Get(const std::string& target) const {
    return Exchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  static fs::path* dir_;
  static std::map<std::string, Server> servers_;
  int port_ = 0;
  simdjson::dom::parser parser_;
};

fs::path* ServeTest::dir_ = nullptr;
std::map<std::string, Server> ServeTest::servers_;

TEST_P(ServeTest, EventsEventAndArticleAgree) {
  Reply reply = Get("/api/events?limit=500");
  ASSERT_EQ(reply.status, 200) << reply.body;
  simdjson::dom::element doc;
  ASSERT_FALSE(parser_.parse(reply.body).get(doc));
  simdjson::dom::array events = doc["events"];
  ASSERT_GT(events.size(), 3u) << reply.body;
  // Every event's mentions point at words of their article that are what they claim.
  std::string first_id{std::string_view(events.at(0)["id"])};
  Reply one = Get("/api/events/" + first_id);
  ASSERT_EQ(one.status, 200) << one.body;
  simdjson::dom::parser article_parser;
  simdjson::dom::element event;
  ASSERT_FALSE(parser_.parse(one.body).get(event));
  simdjson::dom::array mentions = event["mentions"];
  ASSERT_GE(mentions.size(), 1u);
  for (simdjson::dom::element mention : mentions) {
    EXPECT_EQ(std::string_view(mention["event_id"]), first_id);
    std::string article_id{std::string_view(mention["article_id"])};
    Reply article = Get("/api/articles/" + article_id);
    ASSERT_EQ(article.status, 200) << article.body;
    simdjson::dom::element a;
    ASSERT_FALSE(article_parser.parse(article.body).get(a));
    std::string_view text = a["text"];
    simdjson::dom::array verb_span = mention["verb"]["span"];
    uint64_t begin = verb_span.at(0), end = verb_span.at(1);
    ASSERT_LE(end, text.size());
    EXPECT_EQ(text.substr(begin, end - begin), std::string_view(mention["verb"]["text"]));
    EXPECT_GE(a["mentions"].get_array().size(), 1u);
  }
}

TEST_P(ServeTest, FiltersNarrowAndCountsAddUp) {
  simdjson::dom::element all, narrow, counts;
  Reply reply = Get("/api/events?limit=500");
  ASSERT_FALSE(parser_.parse(reply.body).get(all));
  size_t total = all["events"].get_array().size();
  std::string root{std::string_view(all["events"].at(0)["root"])};
  simdjson::dom::parser second;
  reply = Get("/api/events?limit=500&root=" + root);
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_FALSE(second.parse(reply.body).get(narrow));
  size_t kept = 0;
  for (simdjson::dom::element e : narrow["events"].get_array()) {
    EXPECT_EQ(std::string_view(e["root"]), root);
    ++kept;
  }
  EXPECT_GE(kept, 1u);
  EXPECT_LT(kept, total);
  simdjson::dom::parser third;
  reply = Get("/api/counts?by=month");
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_FALSE(third.parse(reply.body).get(counts));
  uint64_t sum = 0;
  for (simdjson::dom::element row : counts["counts"].get_array()) sum += uint64_t(row["events"]);
  EXPECT_EQ(sum, total);  // every event has a date in this store
  reply = Get("/api/events?q=Isfahan");
  ASSERT_EQ(reply.status, 200) << reply.body;
  simdjson::dom::parser fourth;
  simdjson::dom::element text_hits;
  ASSERT_FALSE(fourth.parse(reply.body).get(text_hits));
  EXPECT_GE(text_hits["events"].get_array().size(), 1u);
  EXPECT_LT(text_hits["events"].get_array().size(), total);
}

TEST_P(ServeTest, Limits) {
  Reply big = Exchange("POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50000000\r\n\r\n" +
                       std::string(200000, 'x'));
  EXPECT_EQ(big.status, 413);
  EXPECT_NE(big.body.find("\"status\":413"), std::string::npos);
  for (const char* target : {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2F..%2Fetc%2Fpasswd",
                             "/web/index.html", "/tests/data/serve/articles.jsonl"}) {
    Reply reply = Get(target);
    EXPECT_EQ(reply.status, 404) << target;
    EXPECT_EQ(reply.body.find("root:"), std::string::npos);
  }
  auto start = std::chrono::steady_clock::now();
  Reply slow = Exchange("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n");  // head never ends
  auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(slow.status, 408);
  EXPECT_LT(waited, std::chrono::seconds(3));
  EXPECT_EQ(Get("/api/events/no-such-event").status, 404);
  EXPECT_EQ(Get("/api/events?quad=9").status, 400);
  Reply page = Get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<title>annalist"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServeTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
