// The HTTP server and API routes over real loopback sockets, against an in-memory event
// source: JSON answers, parameter checks, and the limits (413, 414, 431, 408 for a slow
// client, 404 for paths outside the page, 403 for a foreign Host, 503 when full).
// The same routes against a real store made by `annalist ingest` are in serve_test.cc.
#include "server/api.h"
#include "server/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <simdjson.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace annalist::server {
namespace {

// Three events, one article with coded spans.
class MemorySource : public EventSource {
 public:
  MemorySource() {
    const char* rows[][6] = {{"e1", "IRN", "ISR", "112", "11", "ACCUSE"},
                             {"e2", "USA", "IRN", "1411", "14", "PROTEST"},
                             {"e3", "IRNGOV", "USA", "042", "04", "CONSULT"}};
    int32_t dates[] = {20240105, 20240210, 20240211};
    int quads[] = {3, 4, 1};
    for (int i = 0; i < 3; ++i) {
      EventRecord e;
      e.id = rows[i][0];
      e.source = rows[i][1];
      e.target = rows[i][2];
      e.code = rows[i][3];
      e.root = rows[i][4];
      e.plover = rows[i][5];
      e.date = dates[i];
      e.quad_class = quads[i];
      e.mentions = 1;
      events_.push_back(e);
    }
    article_.id = "doc/1";
    article_.title = "T";
    article_.text = "Iran accused Israel.";
    MentionRecord m;
    m.article_id = article_.id;
    m.event_id = "e1";
    m.source = "IRN";
    m.target = "ISR";
    m.code = "112";
    m.source_span = {0, 4};
    m.source_text = "Iran";
    m.verb = {5, 12};
    m.verb_text = "accused";
    m.target_span = {13, 19};
    m.target_text = "Israel";
    m.rule = "verbs.txt:2";
    article_.mentions.push_back(m);
  }
  Result<std::vector<EventRecord>> ListEvents(const EventFilter& filter) const override {
    std::vector<EventRecord> out;
    size_t skipped = 0;
    for (const EventRecord& e : events_) {
      if (filter.date_from && e.date < filter.date_from) continue;
      if (filter.date_to && e.date > filter.date_to) continue;
      if (!filter.root.empty() && e.root != filter.root) continue;
      if (filter.quad_class && e.quad_class != filter.quad_class) continue;
      if (!filter.country.empty() && e.source.rfind(filter.country, 0) != 0 && e.target.rfind(filter.country, 0) != 0) {
        continue;
      }
      if (skipped++ < filter.offset) continue;
      if (out.size() > filter.limit) break;
      out.push_back(e);
    }
    return out;
  }
  Result<uint64_t> CountEvents(const EventFilter& filter) const override {
    EventFilter all = filter;
    all.offset = 0;
    all.limit = events_.size();
    Result<std::vector<EventRecord>> matching = ListEvents(all);
    if (!matching.ok()) return matching.status();
    return static_cast<uint64_t>(matching->size());
  }
  Result<EventRecord> GetEvent(const std::string& id) const override {
    for (const EventRecord& e : events_) {
      if (e.id == id) {
        EventRecord copy = e;
        copy.mention_list = article_.mentions;
        return copy;
      }
    }
    return NotFound("no event " + id);
  }
  Result<ArticleRecord> GetArticle(const std::string& id) const override {
    if (id == article_.id) return article_;
    return NotFound("no article " + id);
  }
  Result<std::vector<CountRow>> Count(const EventFilter& filter, Period period, bool by_dyad,
                                      size_t max_rows) const override {
    std::vector<CountRow> rows;
    for (const EventRecord& e : events_) {
      std::string month = std::to_string(e.date / 10000) + "-" + (e.date / 100 % 100 < 10 ? "0" : "") +
                          std::to_string(e.date / 100 % 100);
      if (rows.empty() || rows.back().period != month || by_dyad) rows.push_back({month, "", "", 0, 0});
      if (by_dyad) {
        rows.back().source = e.source;
        rows.back().target = e.target;
      }
      rows.back().events++;
    }
    return rows;
  }

 private:
  std::vector<EventRecord> events_;
  ArticleRecord article_;
};

struct Reply {
  int status = 0;
  std::string head;
  std::string body;
  bool closed = false;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override { Start(HttpServer::Options{}); }

  void Start(HttpServer::Options options) {
    server_.reset();
    options.port = 0;
    options.threads = options.threads > 4 ? 4 : options.threads;
    if (options.read_timeout_ms == 10000) options.read_timeout_ms = 2000;
    server_ = std::make_unique<HttpServer>(options, [this](const HttpRequest& r) { return api_.Handle(r); });
    Status status = server_->Start();
    ASSERT_TRUE(status.ok()) << status.message();
  }

  int Connect() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(server_->port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    return fd;
  }

  static void Send(int fd, const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;  // the server may close early (413) while we still send
      sent += static_cast<size_t>(n);
    }
  }

  // Reads one response (by Content-Length) or until close; gives up after timeout_ms.
  // Bytes past the response stay in `*carry` for the next call (pipelined responses).
  static Reply Receive(int fd, int timeout_ms = 5000, std::string* carry = nullptr) {
    Reply reply;
    std::string data = carry ? *carry : std::string();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (true) {
      size_t head_end = data.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        size_t length_at = data.find("Content-Length: ");
        size_t length = length_at < head_end ? std::stoul(data.substr(length_at + 16)) : 0;
        if (data.size() >= head_end + 4 + length) {
          reply.head = data.substr(0, head_end + 4);
          reply.body = data.substr(head_end + 4, length);
          reply.status = std::stoi(data.substr(9, 3));
          if (carry) *carry = data.substr(head_end + 4 + length);
          return reply;
        }
      }
      int left = static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
      pollfd p{fd, POLLIN, 0};
      if (left <= 0 || ::poll(&p, 1, left) <= 0) return reply;
      char chunk[4096];
      ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) {
        reply.closed = true;
        return reply;
      }
      data.append(chunk, static_cast<size_t>(n));
    }
  }

  static std::string ReadToClose(int fd) {
    std::string data;
    char chunk[4096];
    pollfd p{fd, POLLIN, 0};
    while (::poll(&p, 1, 3000) > 0) {
      ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      data.append(chunk, static_cast<size_t>(n));
    }
    return data;
  }

  Reply Get(const std::string& target, const std::string& extra = "") {
    int fd = Connect();
    Send(fd, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra + "\r\n");
    Reply reply = Receive(fd);
    ::close(fd);
    return reply;
  }

  static std::string ErrorMessage(const Reply& reply) {
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (parser.parse(reply.body).get(doc)) return "<not json>";
    std::string_view message;
    if (doc["error"]["message"].get(message)) return "<no error.message>";
    int64_t status;
    if (doc["error"]["status"].get(status) || status != reply.status) return "<status mismatch>";
    return std::string(message);
  }

  MemorySource source_;
  Api api_{&source_, ApiLimits{}};
  std::unique_ptr<HttpServer> server_;
};

TEST_F(ServerTest, EventsAreJsonAndFiltered) {
  Reply reply = Get("/api/events?root=14");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_NE(reply.head.find("Content-Type: application/json"), std::string::npos);
  EXPECT_EQ(reply.head.find("Access-Control-Allow-Origin"), std::string::npos);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_FALSE(parser.parse(reply.body).get(doc));
  simdjson::dom::array events;
  ASSERT_FALSE(doc["events"].get(events));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::string_view(events.at(0)["id"]), "e2");
  EXPECT_EQ(std::string_view(events.at(0)["date"]), "2024-02-10");
  EXPECT_EQ(int64_t(events.at(0)["quad_class"]), 4);
  EXPECT_TRUE(doc["next_offset"].is_null());

  reply = Get("/api/events?from=2024-02-01&to=20240210&country=irn");
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_FALSE(parser.parse(reply.body).get(doc));
  ASSERT_EQ(doc["events"].get_array().size(), 1u);

  reply = Get("/api/events?limit=1");
  ASSERT_FALSE(parser.parse(reply.body).get(doc));
  EXPECT_EQ(doc["events"].get_array().size(), 1u);
  EXPECT_EQ(int64_t(doc["next_offset"]), 1);
  EXPECT_TRUE(doc["total"].is_null());  // counted only on request
  reply = Get("/api/events?limit=1&total=1&quad=3");
  ASSERT_FALSE(parser.parse(reply.body).get(doc));
  EXPECT_EQ(int64_t(doc["total"]), 1);
  reply = Get("/api/events?limit=1&total=1");
  ASSERT_FALSE(parser.parse(reply.body).get(doc));
  EXPECT_EQ(int64_t(doc["total"]), 3);
  reply = Get("/api/events?limit=100000");  // clamped to max_page
  ASSERT_FALSE(parser.parse(reply.body).get(doc));
  EXPECT_EQ(int64_t(doc["limit"]), 500);
}

TEST_F(ServerTest, BadParametersAre400) {
  for (const char* target : {"/api/events?from=2024-02-30", "/api/events?root=21", "/api/events?quad=5",
                             "/api/events?color=red", "/api/events?limit=abc", "/api/events?offset=9999999",
                             "/api/events?from=2024-03-01&to=2024-02-01", "/api/events?q=%zz",
                             "/api/counts?by=hour", "/api/counts?limit=5"}) {
    Reply reply = Get(target);
    EXPECT_EQ(reply.status, 400) << target;
    EXPECT_NE(ErrorMessage(reply).find(' '), std::string::npos) << target << ": " << reply.body;
  }
}

TEST_F(ServerTest, OneEventOneArticleAndCounts) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  Reply reply = Get("/api/events/e1");
  ASSERT_EQ(reply.status, 200);
  ASSERT_FALSE(parser.parse(reply.body).get(doc));
  simdjson::dom::array mentions = doc["mentions"];
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(std::string_view(mentions.at(0)["verb"]["text"]), "accused");
  EXPECT_EQ(int64_t(mentions.at(0)["verb"]["span"].at(0)), 5);

  reply = Get("/api/articles/doc%2F1");  // an id with '/' travels escaped
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_FALSE(parser.parse(reply.body).get(doc));
  EXPECT_EQ(std::string_view(doc["text"]), "Iran accused Israel.");
  EXPECT_EQ(std::string_view(doc["mentions"].at(0)["rule"]), "verbs.txt:2");

  EXPECT_EQ(Get("/api/events/nope").status, 404);
  EXPECT_EQ(Get("/api/articles/doc/1").status, 404);

  reply = Get("/api/counts?by=month&dyad=1");
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_FALSE(parser.parse(reply.body).get(doc));
  simdjson::dom::array counts = doc["counts"];
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(std::string_view(counts.at(1)["period"]), "2024-02");
  EXPECT_EQ(std::string_view(counts.at(1)["source"]), "USA");
}

TEST_F(ServerTest, OnlyThePagesOwnFiles) {
  Reply page = Get("/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.head.find("text/html"), std::string::npos);
  EXPECT_NE(page.head.find("Content-Security-Policy: default-src 'self'"), std::string::npos);
  EXPECT_EQ(Get("/app.js").status, 200);
  for (const char* target : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/app.js/../../../etc/passwd",
                             "/..%2f..%2fetc%2fpasswd", "/etc/passwd", "/%5c..%5cetc%5cpasswd",
                             "/CMakeLists.txt", "/web/app.js", "/api/../app.js"}) {
    Reply reply = Get(target);
    EXPECT_EQ(reply.status, 404) << target;
    EXPECT_EQ(reply.body.find("root:"), std::string::npos) << target;
  }
}

TEST_F(ServerTest, MethodsHostAndKeepAlive) {
  int fd = Connect();
  Send(fd, "GET /api/meta HTTP/1.1\r\nHost: localhost\r\n\r\nGET /api/events HTTP/1.1\r\nHost: localhost\r\n\r\n");
  std::string carry;
  Reply first = Receive(fd, 5000, &carry);
  EXPECT_EQ(first.status, 200);
  EXPECT_NE(first.head.find("Connection: keep-alive"), std::string::npos);
  Reply second = Receive(fd, 5000, &carry);  // the second request on the same connection
  EXPECT_EQ(second.status, 200);
  EXPECT_NE(second.body.find("\"events\""), std::string::npos);
  ::close(fd);

  fd = Connect();
  Send(fd, "HEAD /api/meta HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  std::string all = ReadToClose(fd);
  EXPECT_EQ(all.substr(0, 12), "HTTP/1.1 200");
  EXPECT_EQ(all.substr(all.size() - 4), "\r\n\r\n");  // head only
  ::close(fd);

  fd = Connect();
  Send(fd, "POST /api/events HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}");
  Reply post = Receive(fd);
  EXPECT_EQ(post.status, 405);
  EXPECT_NE(post.head.find("Allow: GET, HEAD"), std::string::npos);
  ::close(fd);

  fd = Connect();
  Send(fd, "GET /api/events HTTP/1.1\r\nHost: attacker.example\r\n\r\n");
  EXPECT_EQ(Receive(fd).status, 403);
  ::close(fd);
}

TEST_F(ServerTest, OversizedRequestsAreRefused) {
  int fd = Connect();
  Send(fd, "POST /api/events HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10000000\r\n\r\n" +
               std::string(100000, 'x'));
  Reply reply = Receive(fd);
  EXPECT_EQ(reply.status, 413);
  EXPECT_NE(ErrorMessage(reply).find("too large"), std::string::npos);
  ::close(fd);

  EXPECT_EQ(Get("/api/events?q=" + std::string(20000, 'a')).status, 414);
  EXPECT_EQ(Get("/api/events", "X-Big: " + std::string(20000, 'b') + "\r\n").status, 431);
}

TEST_F(ServerTest, SlowClientTimesOut) {
  HttpServer::Options options;
  options.read_timeout_ms = 300;
  Start(options);
  int fd = Connect();
  auto start = std::chrono::steady_clock::now();
  Send(fd, "GET /api/events HTTP/1.1\r\nHost: local");  // and then nothing
  Reply reply = Receive(fd, 5000);
  auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  EXPECT_EQ(reply.status, 408);
  EXPECT_GE(waited.count(), 250);
  EXPECT_LT(waited.count(), 3000);
  ::close(fd);
  // Dribbling one byte at a time does not reset the clock: the head has one deadline.
  fd = Connect();
  start = std::chrono::steady_clock::now();
  std::string request = "GET /api/events HTTP/1.1\r\nHost: localhost\r\n\r\n";
  Reply dribbled;
  for (char c : request) {
    Send(fd, std::string(1, c));
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) > 0) break;
  }
  dribbled = Receive(fd, 3000);
  EXPECT_EQ(dribbled.status, 408);
  ::close(fd);
  // The server still answers others.
  EXPECT_EQ(Get("/api/meta").status, 200);
}

TEST_F(ServerTest, TooManyConnectionsAnswer503) {
  HttpServer::Options options;
  options.threads = 1;
  options.max_connections = 2;
  Start(options);
  int idle = Connect();  // open and silent: costs no worker, but counts
  int slow = Connect();
  Send(slow, "GET /api/meta HTTP/1.1\r\nHo");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  int refused = Connect();
  EXPECT_EQ(Receive(refused, 2000).status, 503);
  ::close(refused);
  // The one worker is free for the slow client's rest.
  Send(slow, "st: localhost\r\n\r\n");
  EXPECT_EQ(Receive(slow).status, 200);
  ::close(slow);
  ::close(idle);
}

TEST_F(ServerTest, IdleAndSlowClientsDoNotHoldTheWorkers) {
  HttpServer::Options options;
  options.threads = 1;
  Start(options);
  std::vector<int> silent;
  for (int i = 0; i < 8; ++i) {
    silent.push_back(Connect());
    Send(silent.back(), "GET /api/events HTTP/1.1\r\n");  // never finished
  }
  auto start = std::chrono::steady_clock::now();
  Reply reply = Get("/api/meta");
  EXPECT_EQ(reply.status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1000));
  for (int fd : silent) ::close(fd);
}

}  // namespace
}  // namespace annalist::server
