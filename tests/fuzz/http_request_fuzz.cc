// Fuzz target: the HTTP request-head parser of `annalist serve` (src/server/http_request.h)
// with the default and with tiny limits, then the API routes (src/server/api.h) on every
// head it accepts, against a source that has no events. Checks that every view the
// parser returns lies inside the input and that each answer is a valid status.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "server/api.h"
#include "server/http_request.h"

namespace {

using annalist::server::ArticleRecord;
using annalist::server::CountRow;
using annalist::server::EventFilter;
using annalist::server::EventRecord;
using annalist::server::Period;

class EmptySource : public annalist::server::EventSource {
 public:
  annalist::Result<std::vector<EventRecord>> ListEvents(const EventFilter&) const override {
    return std::vector<EventRecord>{};
  }
  annalist::Result<uint64_t> CountEvents(const EventFilter&) const override { return uint64_t{0}; }
  annalist::Result<EventRecord> GetEvent(const std::string& id) const override {
    return annalist::NotFound("no event " + id);
  }
  annalist::Result<ArticleRecord> GetArticle(const std::string& id) const override {
    return annalist::NotFound("no article " + id);
  }
  annalist::Result<std::vector<CountRow>> Count(const EventFilter&, Period, bool, size_t) const override {
    return std::vector<CountRow>{{"2024-01", "USA", "IRN", 1, -2.0}};
  }
};

void CheckInside(std::string_view outer, std::string_view inner) {
  if (inner.empty()) return;
  if (inner.data() < outer.data() || inner.data() + inner.size() > outer.data() + outer.size()) std::abort();
}

void Run(std::string_view input, const annalist::server::HttpLimits& limits) {
  static const EmptySource source;
  static const annalist::server::Api api(&source, annalist::server::ApiLimits{});
  annalist::server::HttpRequest request;
  annalist::server::HeadParse parse = annalist::server::ParseRequestHead(input, limits, &request);
  if (parse.state == annalist::server::HeadParse::kError) {
    if (parse.status < 400 || parse.status > 599) std::abort();
    return;
  }
  if (parse.state != annalist::server::HeadParse::kComplete) return;
  if (parse.head_bytes > input.size() || parse.head_bytes > limits.max_head_bytes) std::abort();
  std::string_view head = input.substr(0, parse.head_bytes);
  for (std::string_view view : {request.method, request.target, request.path, request.query, request.host}) {
    CheckInside(head, view);
  }
  for (const auto& [name, value] : request.headers) {
    CheckInside(head, name);
    CheckInside(head, value);
  }
  if (request.content_length > limits.max_body_bytes) std::abort();
  annalist::server::IsLoopbackHost(request.host);
  annalist::server::HttpResponse response = api.Handle(request);
  if (response.status < 200 || response.status > 599) std::abort();
  std::string out;
  annalist::server::SerializeResponse(response, request.keep_alive, request.method == "HEAD", &out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Run(input, annalist::server::HttpLimits{});
  annalist::server::HttpLimits tiny;
  tiny.max_target_bytes = 16;
  tiny.max_head_bytes = 64;
  tiny.max_headers = 2;
  tiny.max_body_bytes = 4;
  Run(input, tiny);
  return 0;
}
