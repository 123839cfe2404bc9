// The routes of `annalist serve` (docs/api.md): the JSON API under /api/ and the page's
// embedded files; everything else is 404. Parameters are validated (unknown names, bad
// dates or numbers are 400) and results are bounded (limit, count rows, article size).
//
//   Api api(&source, ApiLimits{});
//   HttpServer server(options, [&](const HttpRequest& r) { return api.Handle(r); });
//
// Thread safety: Handle is const and may run on many threads if the source allows it.
#ifndef ANNALIST_SERVER_API_H_
#define ANNALIST_SERVER_API_H_

#include <cstddef>
#include <string>

#include "server/event_source.h"
#include "server/http_server.h"

namespace annalist::server {

struct ApiLimits {
  size_t default_page = 50;
  size_t max_page = 500;          // events per page
  size_t max_offset = 100000;     // deeper pages: narrow the filter instead
  size_t max_count_rows = 10000;  // rows of /api/counts
  size_t max_query_params = 32;
  size_t max_text_query_bytes = 256;
};

class Api {
 public:
  Api(const EventSource* source, ApiLimits limits) : source_(source), limits_(limits) {}
  HttpResponse Handle(const HttpRequest& request) const;

 private:
  HttpResponse Events(const HttpRequest& request) const;
  HttpResponse Event(const std::string& id) const;
  HttpResponse Article(const std::string& id) const;
  HttpResponse Counts(const HttpRequest& request) const;
  HttpResponse Meta() const;

  const EventSource* source_;
  ApiLimits limits_;
};

// Parses "YYYY-MM-DD" or "YYYYMMDD" (a real calendar date) into YYYYMMDD; 0 if invalid.
int32_t ParseApiDate(const std::string& text);

}  // namespace annalist::server

#endif  // ANNALIST_SERVER_API_H_
