// HTTP/1.1 request heads: a strict, bounded, incremental parser with no I/O, so that it
// can be unit-tested and fuzzed alone (tests/fuzz/http_request_fuzz.cc).
//
//   HttpLimits limits;                       // defaults: 8 KiB target, 16 KiB head
//   HttpRequest request;
//   HeadParse parse = ParseRequestHead(buffer, limits, &request);
//   if (parse.state == HeadParse::kIncomplete) { read more; call again with all bytes; }
//   if (parse.state == HeadParse::kError) { reply parse.status ("400", "413", ...); close; }
//   // kComplete: request filled; the head was buffer[0, parse.head_bytes); a body of
//   // request.content_length bytes follows.
//
// What is accepted (RFC 9112, server side, minus what this server never needs):
// request line `METHOD SP origin-form SP HTTP/1.0|1.1`, header lines `name: value` with
// token names, CRLF or bare LF line ends. Refused with a status: obsolete line folding,
// control bytes, a Content-Length that is not a number or given twice with different
// values, any Transfer-Encoding (501: bodies are not chunked here), more than
// `max_headers` fields or a head over `max_head_bytes` (431), a target over
// `max_target_bytes` (414), a body over `max_body_bytes` (413), HTTP/1.1 without Host.
// The parser holds views into the caller's buffer: keep the buffer alive and unchanged
// while `request` is used.
#ifndef ANNALIST_SERVER_HTTP_REQUEST_H_
#define ANNALIST_SERVER_HTTP_REQUEST_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annalist::server {

struct HttpLimits {
  size_t max_target_bytes = 8 << 10;
  size_t max_head_bytes = 16 << 10;  // request line + headers + blank line
  size_t max_headers = 64;
  size_t max_body_bytes = 16 << 10;  // no endpoint takes a body; small ones are read and dropped
};

struct HttpRequest {
  std::string_view method;   // "GET"
  std::string_view target;   // "/api/events?root=14" as sent
  std::string_view path;     // "/api/events" (not yet percent-decoded)
  std::string_view query;    // "root=14" (without '?'), empty if none
  int version_minor = 1;     // HTTP/1.<minor>
  std::vector<std::pair<std::string_view, std::string_view>> headers;  // in order, values trimmed
  uint64_t content_length = 0;
  bool keep_alive = true;    // HTTP/1.1 default unless "Connection: close"; 1.0 needs keep-alive
  std::string_view host;     // Host header value, empty if none

  // First header of that name (ASCII case-insensitive), or empty.
  std::string_view Header(std::string_view name) const;
  void Clear();
};

struct HeadParse {
  enum State { kIncomplete, kComplete, kError };
  State state = kIncomplete;
  size_t head_bytes = 0;  // kComplete: bytes of the head including the blank line
  int status = 0;         // kError: HTTP status to answer (400, 413, 414, 431, 501, 505)
  const char* message = "";  // kError: static text for the JSON error body
};

// Parses the head at the start of `buffer`. kIncomplete means no blank line yet and the
// buffer is still within the limits (a request line that is already too long gives 414
// before the head ends, a head past max_head_bytes gives 431).
HeadParse ParseRequestHead(std::string_view buffer, const HttpLimits& limits, HttpRequest* request);

// Percent-decodes `in` ('+' is a space when `plus_is_space`, as in query strings). Returns
// false for a malformed escape or a decoded NUL byte.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out);

// Splits a query string into decoded (name, value) pairs in order. Returns false (and
// stops) at a malformed escape; `max_params` bounds the pairs kept (more is an error).
bool ParseQuery(std::string_view query, size_t max_params, std::vector<std::pair<std::string, std::string>>* out);

// Whether a Host header value names the loopback interface: localhost, 127.x.y.z or
// [::1], with an optional port. Used against DNS rebinding when bound to loopback.
bool IsLoopbackHost(std::string_view host);

}  // namespace annalist::server

#endif  // ANNALIST_SERVER_HTTP_REQUEST_H_
