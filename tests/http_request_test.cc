// The HTTP request-head parser alone (src/server/http_request.h): what it accepts, what it
// refuses with which status, and that it never reads past what it was given.
#include "server/http_request.h"

#include <gtest/gtest.h>

#include <string>

namespace annalist::server {
namespace {

HeadParse Parse(const std::string& text, HttpRequest* request, HttpLimits limits = {}) {
  return ParseRequestHead(text, limits, request);
}

TEST(HttpRequestTest, ParsesAGetWithQueryAndHeaders) {
  std::string text = "GET /api/events?root=14&q=a+b HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent:  x y \r\n\r\nNEXT";
  HttpRequest request;
  HeadParse parse = Parse(text, &request);
  ASSERT_EQ(parse.state, HeadParse::kComplete);
  EXPECT_EQ(parse.head_bytes, text.size() - 4);
  EXPECT_EQ(request.method, "GET");
  EXPECT_EQ(request.path, "/api/events");
  EXPECT_EQ(request.query, "root=14&q=a+b");
  EXPECT_EQ(request.host, "localhost:8080");
  EXPECT_EQ(request.Header("user-agent"), "x y");
  EXPECT_TRUE(request.keep_alive);
  EXPECT_EQ(request.content_length, 0u);
}

TEST(HttpRequestTest, IncompleteUntilTheBlankLine) {
  std::string text = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
  HttpRequest request;
  for (size_t n = 0; n < text.size(); ++n) {
    EXPECT_EQ(Parse(text.substr(0, n), &request).state, HeadParse::kIncomplete) << n;
  }
  EXPECT_EQ(Parse(text, &request).state, HeadParse::kComplete);
}

TEST(HttpRequestTest, BareLineFeedsAndLeadingBlankLine) {
  HttpRequest request;  // views into `text`, which must outlive it
  std::string text = "\r\nGET /x HTTP/1.0\nConnection: keep-alive\n\n";
  HeadParse parse = Parse(text, &request);
  ASSERT_EQ(parse.state, HeadParse::kComplete);
  EXPECT_EQ(request.path, "/x");
  EXPECT_EQ(request.version_minor, 0);
  EXPECT_TRUE(request.keep_alive);
  ASSERT_EQ(Parse("GET /x HTTP/1.0\r\n\r\n", &request).state, HeadParse::kComplete);
  EXPECT_FALSE(request.keep_alive);
  ASSERT_EQ(Parse("GET /x HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, close\r\n\r\n", &request).state,
            HeadParse::kComplete);
  EXPECT_FALSE(request.keep_alive);
}

TEST(HttpRequestTest, RefusesWithTheRightStatus) {
  struct Case {
    const char* text;
    int status;
  } cases[] = {
      {"GET / HTTP/1.1\r\n\r\n", 400},                                      // no Host
      {"GET http://x/ HTTP/1.1\r\nHost: a\r\n\r\n", 400},                   // absolute-form
      {"GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505},
      {"GET / HTTX/1.1\r\nHost: a\r\n\r\n", 400},
      {"GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400},                          // empty target
      {"G@T / HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nBad Name: v\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nX: a\x01z\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\n", 413},
      {"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n", 501},
      {"GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", 400},
  };
  for (const Case& c : cases) {
    HttpRequest request;
    HeadParse parse = Parse(c.text, &request);
    EXPECT_EQ(parse.state, HeadParse::kError) << c.text;
    EXPECT_EQ(parse.status, c.status) << c.text;
  }
}

TEST(HttpRequestTest, SizeLimitsFailEarly) {
  HttpLimits limits;
  HttpRequest request;
  // A target too long is refused before the head ends.
  std::string long_target = "GET /" + std::string(limits.max_target_bytes + 100, 'a');
  HeadParse parse = Parse(long_target, &request);
  EXPECT_EQ(parse.state, HeadParse::kError);
  EXPECT_EQ(parse.status, 414);
  // Headers past the head limit: refused while still incomplete.
  std::string big = "GET / HTTP/1.1\r\nHost: a\r\n";
  while (big.size() <= limits.max_head_bytes) big += "X-Filler: " + std::string(100, 'b') + "\r\n";
  parse = Parse(big, &request);
  EXPECT_EQ(parse.state, HeadParse::kError);
  EXPECT_EQ(parse.status, 431);
  // Too many header fields.
  std::string many = "GET / HTTP/1.1\r\nHost: a\r\n";
  for (size_t i = 0; i <= limits.max_headers; ++i) many += "X: 1\r\n";
  parse = Parse(many + "\r\n", &request);
  EXPECT_EQ(parse.status, 431);
  // Just under every limit is fine.
  std::string ok = "GET /" + std::string(limits.max_target_bytes - 1, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n";
  EXPECT_EQ(Parse(ok, &request).state, HeadParse::kComplete);
}

TEST(HttpRequestTest, PercentDecoding) {
  std::string out;
  EXPECT_TRUE(PercentDecode("a%20b+c%2F", false, &out));
  EXPECT_EQ(out, "a b+c/");
  EXPECT_TRUE(PercentDecode("a%20b+c", true, &out));
  EXPECT_EQ(out, "a b c");
  EXPECT_FALSE(PercentDecode("%", false, &out));
  EXPECT_FALSE(PercentDecode("%4", false, &out));
  EXPECT_FALSE(PercentDecode("%zz", false, &out));
  EXPECT_FALSE(PercentDecode("a%00b", false, &out));
}

TEST(HttpRequestTest, QueryPairs) {
  std::vector<std::pair<std::string, std::string>> params;
  ASSERT_TRUE(ParseQuery("a=1&&b=x+y&c&d=%41", 10, &params));
  ASSERT_EQ(params.size(), 4u);
  EXPECT_EQ(params[1].second, "x y");
  EXPECT_EQ(params[2].first, "c");
  EXPECT_EQ(params[2].second, "");
  EXPECT_EQ(params[3].second, "A");
  EXPECT_FALSE(ParseQuery("a=1&b=2&c=3", 2, &params));
  EXPECT_FALSE(ParseQuery("a=%G1", 10, &params));
}

TEST(HttpRequestTest, LoopbackHosts) {
  for (const char* host : {"localhost", "LOCALHOST:8080", "127.0.0.1", "127.1.2.3:1", "[::1]", "[::1]:80"}) {
    EXPECT_TRUE(IsLoopbackHost(host)) << host;
  }
  for (const char* host : {"", "evil.example", "127.0.0.1.evil.example", "localhost.evil", "127.0.0.256",
                           "128.0.0.1", "[::2]", "localhost:", "localhost:abc", "127.0.0", "[::1]x"}) {
    EXPECT_FALSE(IsLoopbackHost(host)) << host;
  }
}

}  // namespace
}  // namespace annalist::server
