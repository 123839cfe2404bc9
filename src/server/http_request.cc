#include "server/http_request.h"

#include <cstring>

namespace annalist::server {
namespace {

// RFC 9110 5.6.2 tchar.
bool IsTokenChar(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != 0;
}

// Field values: visible ASCII, space, tab and obs-text (>= 0x80); no other control bytes.
bool IsFieldValueChar(unsigned char c) { return c == '\t' || (c >= 0x20 && c != 0x7f); }

// Request targets: visible ASCII only (RFC 3986 characters and a few lenient extras).
bool IsTargetChar(unsigned char c) { return c > 0x20 && c < 0x7f; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]);
    unsigned char y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

// True when the comma-separated list `value` has `token` (case-insensitive).
bool ListHasToken(std::string_view value, std::string_view token) {
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string_view item = value.substr(0, comma);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (EqualsIgnoreCase(item, token)) return true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return false;
}

HeadParse Error(int status, const char* message) {
  HeadParse parse;
  parse.state = HeadParse::kError;
  parse.status = status;
  parse.message = message;
  return parse;
}

// Finds the end of the head: the index just past the blank line, or npos.
size_t FindHeadEnd(std::string_view buffer) {
  for (size_t i = buffer.find('\n'); i != std::string_view::npos; i = buffer.find('\n', i + 1)) {
    if (i + 1 < buffer.size() && buffer[i + 1] == '\n') return i + 2;
    if (i + 2 < buffer.size() && buffer[i + 1] == '\r' && buffer[i + 2] == '\n') return i + 3;
  }
  return std::string_view::npos;
}

// Takes the next line (without its LF or CRLF) off the front of `rest`.
std::string_view NextLine(std::string_view* rest) {
  size_t lf = rest->find('\n');
  std::string_view line = rest->substr(0, lf);
  rest->remove_prefix(lf == std::string_view::npos ? rest->size() : lf + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

HeadParse ParseRequestLine(std::string_view line, const HttpLimits& limits, HttpRequest* request) {
  size_t sp1 = line.find(' ');
  if (sp1 == std::string_view::npos || sp1 == 0) return Error(400, "malformed request line");
  request->method = line.substr(0, sp1);
  for (char c : request->method) {
    if (!IsTokenChar(static_cast<unsigned char>(c))) return Error(400, "malformed method");
  }
  size_t sp2 = line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos) return Error(400, "malformed request line");
  request->target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  if (request->target.size() > limits.max_target_bytes) return Error(414, "request target too long");
  if (request->target.empty() || request->target.front() != '/') {
    return Error(400, "request target must be an absolute path");
  }
  for (char c : request->target) {
    if (!IsTargetChar(static_cast<unsigned char>(c))) return Error(400, "bad byte in request target");
  }
  std::string_view version = line.substr(sp2 + 1);
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/") return Error(400, "malformed HTTP version");
  if (version[5] != '1' || version[6] != '.') return Error(505, "HTTP version not supported");
  if (version[7] != '0' && version[7] != '1') return Error(505, "HTTP version not supported");
  request->version_minor = version[7] - '0';
  size_t question = request->target.find('?');
  request->path = request->target.substr(0, question);
  if (question != std::string_view::npos) request->query = request->target.substr(question + 1);
  size_t hash = request->path.find('#');
  if (hash != std::string_view::npos) return Error(400, "fragment in request target");
  return HeadParse{HeadParse::kComplete, 0, 0, ""};
}

// Content-Length: digits only, no overflow, at most the body limit.
HeadParse ParseContentLength(std::string_view value, const HttpLimits& limits, bool* seen, HttpRequest* request) {
  if (value.empty() || value.size() > 19) return Error(400, "bad Content-Length");
  uint64_t length = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return Error(400, "bad Content-Length");
    length = length * 10 + static_cast<uint64_t>(c - '0');
  }
  if (*seen && length != request->content_length) return Error(400, "conflicting Content-Length");
  *seen = true;
  request->content_length = length;
  if (length > limits.max_body_bytes) return Error(413, "request body too large");
  return HeadParse{HeadParse::kComplete, 0, 0, ""};
}

HeadParse ParseHeaderLines(std::string_view rest, const HttpLimits& limits, HttpRequest* request) {
  bool length_seen = false;
  bool close = false;
  bool keep_alive = false;
  while (true) {
    std::string_view line = NextLine(&rest);
    if (line.empty()) break;
    if (line.front() == ' ' || line.front() == '\t') return Error(400, "obsolete header line folding");
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return Error(400, "malformed header line");
    std::string_view name = line.substr(0, colon);
    for (char c : name) {
      if (!IsTokenChar(static_cast<unsigned char>(c))) return Error(400, "malformed header name");
    }
    std::string_view value = line.substr(colon + 1);
    for (char c : value) {
      if (!IsFieldValueChar(static_cast<unsigned char>(c))) return Error(400, "bad byte in header value");
    }
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (request->headers.size() >= limits.max_headers) return Error(431, "too many header fields");
    request->headers.emplace_back(name, value);
    if (EqualsIgnoreCase(name, "content-length")) {
      HeadParse length = ParseContentLength(value, limits, &length_seen, request);
      if (length.state == HeadParse::kError) return length;
    } else if (EqualsIgnoreCase(name, "transfer-encoding")) {
      return Error(501, "Transfer-Encoding is not supported");
    } else if (EqualsIgnoreCase(name, "host")) {
      if (!request->host.empty() || value.empty()) return Error(400, "bad or repeated Host header");
      request->host = value;
    } else if (EqualsIgnoreCase(name, "connection")) {
      close = close || ListHasToken(value, "close");
      keep_alive = keep_alive || ListHasToken(value, "keep-alive");
    }
  }
  if (request->version_minor == 1 && request->host.empty()) return Error(400, "HTTP/1.1 request without Host");
  request->keep_alive = request->version_minor == 1 ? !close : (keep_alive && !close);
  return HeadParse{HeadParse::kComplete, 0, 0, ""};
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view HttpRequest::Header(std::string_view name) const {
  for (const auto& [field, value] : headers) {
    if (EqualsIgnoreCase(field, name)) return value;
  }
  return {};
}

void HttpRequest::Clear() {
  method = target = path = query = host = {};
  version_minor = 1;
  headers.clear();
  content_length = 0;
  keep_alive = true;
}

HeadParse ParseRequestHead(std::string_view buffer, const HttpLimits& limits, HttpRequest* request) {
  request->Clear();
  // RFC 9112 2.2: ignore at least one empty line before the request line.
  size_t skipped = 0;
  while (skipped < buffer.size() && skipped < 4 && (buffer[skipped] == '\r' || buffer[skipped] == '\n')) ++skipped;
  std::string_view rest = buffer.substr(skipped);
  // A request line far past the target limit is a 414 whether or not the head is complete
  // (the same answer however the bytes were split across reads).
  size_t line_end = rest.find('\n');
  size_t line_bytes = line_end == std::string_view::npos ? rest.size() : line_end;
  if (line_bytes > limits.max_target_bytes + 32) return Error(414, "request target too long");
  size_t head_end = FindHeadEnd(rest);
  if (head_end == std::string_view::npos) {
    // Not complete yet: fail early on what is already known to be too long.
    if (skipped + rest.size() > limits.max_head_bytes) return Error(431, "request header fields too large");
    return HeadParse{};
  }
  if (skipped + head_end > limits.max_head_bytes) return Error(431, "request header fields too large");
  std::string_view head = rest.substr(0, head_end);
  HeadParse line = ParseRequestLine(NextLine(&head), limits, request);
  if (line.state == HeadParse::kError) return line;
  HeadParse headers = ParseHeaderLines(head, limits, request);
  if (headers.state == HeadParse::kError) return headers;
  HeadParse done;
  done.state = HeadParse::kComplete;
  done.head_bytes = skipped + head_end;
  return done;
}

bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int high = HexValue(in[i + 1]);
      int low = HexValue(in[i + 2]);
      if (high < 0 || low < 0) return false;
      char decoded = static_cast<char>(high * 16 + low);
      if (decoded == '\0') return false;
      out->push_back(decoded);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return true;
}

bool ParseQuery(std::string_view query, size_t max_params, std::vector<std::pair<std::string, std::string>>* out) {
  out->clear();
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
    if (pair.empty()) continue;
    if (out->size() >= max_params) return false;
    size_t eq = pair.find('=');
    std::string name, value;
    if (!PercentDecode(pair.substr(0, eq), true, &name)) return false;
    if (eq != std::string_view::npos && !PercentDecode(pair.substr(eq + 1), true, &value)) return false;
    out->emplace_back(std::move(name), std::move(value));
  }
  return true;
}

bool IsLoopbackHost(std::string_view host) {
  std::string_view name = host;
  if (!name.empty() && name.front() == '[') {
    size_t close = name.find(']');
    if (close == std::string_view::npos) return false;
    std::string_view after = name.substr(close + 1);
    if (!after.empty() && after.front() != ':') return false;
    return name.substr(1, close - 1) == "::1";
  }
  size_t colon = name.find(':');
  if (colon != std::string_view::npos) {
    std::string_view port = name.substr(colon + 1);
    if (port.empty() || port.size() > 5) return false;
    for (char c : port) {
      if (c < '0' || c > '9') return false;
    }
    name = name.substr(0, colon);
  }
  if (EqualsIgnoreCase(name, "localhost")) return true;
  // 127.0.0.0/8 in dotted-quad form only.
  if (name.substr(0, 4) != "127.") return false;
  int parts = 0;
  size_t digits = 0;
  int value = 0;
  for (char c : name) {
    if (c == '.') {
      if (digits == 0 || value > 255) return false;
      ++parts;
      digits = 0;
      value = 0;
    } else if (c >= '0' && c <= '9' && digits < 3) {
      value = value * 10 + (c - '0');
      ++digits;
    } else {
      return false;
    }
  }
  return parts == 3 && digits > 0 && value <= 255;
}

}  // namespace annalist::server
