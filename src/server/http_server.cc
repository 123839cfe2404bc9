#include "server/http_server.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace annalist::server {
namespace {

using Clock = std::chrono::steady_clock;

void AppendJsonText(std::string_view text, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (u < 0x20) {
      out->append("\\u00");
      out->push_back(kHex[u >> 4]);
      out->push_back(kHex[u & 15]);
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

int RemainingMs(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left < 0 ? 0 : static_cast<int>(left);
}

// Waits for `events` on fd until the deadline. Returns >0 ready, 0 timeout, <0 error.
int PollUntil(int fd, short events, Clock::time_point deadline) {
  while (true) {
    pollfd p{fd, events, 0};
    int n = ::poll(&p, 1, RemainingMs(deadline));
    if (n < 0 && errno == EINTR) continue;
    if (n > 0 && (p.revents & (POLLERR | POLLNVAL))) return -1;
    return n;
  }
}

bool WriteAll(int fd, std::string_view data, int timeout_ms) {
  Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      data.remove_prefix(static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (PollUntil(fd, POLLOUT, deadline) <= 0) return false;
      continue;
    }
    return false;
  }
  return true;
}

// Reads what is available (waiting until the deadline) and appends it. Returns bytes
// read, 0 at end of stream, -1 on error, -2 on timeout.
ssize_t ReadSome(int fd, std::string* buffer, Clock::time_point deadline) {
  int ready = PollUntil(fd, POLLIN, deadline);
  if (ready == 0) return -2;
  if (ready < 0) return -1;
  char chunk[16 << 10];
  while (true) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return -2;
    if (n > 0) buffer->append(chunk, static_cast<size_t>(n));
    return n;
  }
}

void SendErrorAndClose(int fd, int status, std::string_view message, int timeout_ms) {
  std::string out;
  SerializeResponse(JsonError(status, message), false, false, &out);
  WriteAll(fd, out, timeout_ms);
}

}  // namespace

const char* StatusReason(int status) {
  switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 422: return "Unprocessable Content";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

HttpResponse JsonError(int status, std::string_view message) {
  HttpResponse response;
  response.status = status;
  response.body = "{\"error\":{\"status\":" + std::to_string(status) + ",\"message\":";
  AppendJsonText(message, &response.body);
  response.body += "}}\n";
  return response;
}

void SerializeResponse(const HttpResponse& response, bool keep_alive, bool head_only, std::string* out) {
  out->clear();
  out->reserve(256 + response.body.size());
  out->append("HTTP/1.1 ").append(std::to_string(response.status)).append(" ");
  out->append(StatusReason(response.status)).append("\r\n");
  out->append("Content-Type: ").append(response.content_type).append("\r\n");
  out->append("Content-Length: ").append(std::to_string(response.body.size())).append("\r\n");
  out->append(keep_alive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
  out->append("X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nX-Frame-Options: DENY\r\n");
  for (const auto& [name, value] : response.headers) out->append(name).append(": ").append(value).append("\r\n");
  out->append("\r\n");
  if (!head_only) out->append(response.body);
}

HttpServer::HttpServer(Options options, HttpHandler handler) : options_(std::move(options)), handler_(std::move(handler)) {}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Start() {
  std::string where = options_.bind + ":" + std::to_string(options_.port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST;
  addrinfo* found = nullptr;
  std::string port = std::to_string(options_.port);
  if (int rc = ::getaddrinfo(options_.bind.c_str(), port.c_str(), &hints, &found); rc != 0) {
    return InvalidArgument(where + ": not a numeric IP address (" + ::gai_strerror(rc) + ")");
  }
  int fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    ::freeaddrinfo(found);
    return IoError(where + ": socket: " + std::strerror(errno));
  }
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (::bind(fd, found->ai_addr, found->ai_addrlen) != 0 || ::listen(fd, 512) != 0) {
    int error = errno;
    ::freeaddrinfo(found);
    ::close(fd);
    return IoError(where + ": " + std::strerror(error));
  }
  if (found->ai_family == AF_INET) {
    auto* in = reinterpret_cast<sockaddr_in*>(found->ai_addr);
    loopback_ = (ntohl(in->sin_addr.s_addr) >> 24) == 127;
  } else if (found->ai_family == AF_INET6) {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(found->ai_addr);
    loopback_ = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
  }
  ::freeaddrinfo(found);
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length);
  port_ = bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
                                      : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  listen_fd_ = fd;
  int threads = options_.threads > 0 ? options_.threads : 1;
  for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  acceptor_ = std::thread([this] { AcceptLoop(); });
  return Status::Ok();
}

void HttpServer::Stop() {
  if (listen_fd_ < 0) return;
  stopping_.store(true);
  ::shutdown(listen_fd_, SHUT_RDWR);  // wakes accept()
  if (acceptor_.joinable()) acceptor_.join();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int fd : pending_) ::close(fd);
    pending_.clear();
  }
  work_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
  ::close(listen_fd_);
  listen_fd_ = -1;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_flag_ = true;
  }
  stopped_.notify_all();
}

void HttpServer::Wait() {
  std::unique_lock<std::mutex> lock(mutex_);
  stopped_.wait(lock, [this] { return stopped_flag_; });
}

void HttpServer::AcceptLoop() {
  while (!stopping_.load()) {
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (stopping_.load()) break;
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
      break;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    bool queued = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (pending_.size() < options_.max_pending) {
        pending_.push_back(fd);
        queued = true;
      }
    }
    if (queued) {
      work_ready_.notify_one();
    } else {
      SendErrorAndClose(fd, 503, "server busy: too many waiting connections", 100);
      ::close(fd);
    }
  }
}

bool HttpServer::PendingWork() {
  std::lock_guard<std::mutex> lock(mutex_);
  return !pending_.empty();
}

void HttpServer::WorkerLoop() {
  while (true) {
    int fd;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [this] { return stopping_.load() || !pending_.empty(); });
      if (pending_.empty()) return;  // stopping
      fd = pending_.front();
      pending_.pop_front();
    }
    ServeConnection(fd);
    ::close(fd);
  }
}

void HttpServer::ServeConnection(int fd) {
  std::string buffer;
  bool first = true;
  while (!stopping_.load() && ServeOne(fd, &buffer, first)) first = false;
}

bool HttpServer::ServeOne(int fd, std::string* buffer, bool first) {
  // Between requests: wait for the next one's first byte, briefly when others queue.
  if (!first && buffer->empty()) {
    int idle_ms = PendingWork() ? 0 : options_.keep_alive_ms;
    if (ReadSome(fd, buffer, Clock::now() + std::chrono::milliseconds(idle_ms)) <= 0) return false;
  }
  Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(options_.read_timeout_ms);
  HttpRequest request;
  HeadParse parse;
  while (true) {
    parse = ParseRequestHead(*buffer, options_.limits, &request);
    if (parse.state != HeadParse::kIncomplete) break;
    ssize_t n = ReadSome(fd, buffer, deadline);
    if (n == -2) {
      if (!buffer->empty()) SendErrorAndClose(fd, 408, "request not received within the read timeout", 1000);
      return false;
    }
    if (n <= 0) return false;
  }
  if (parse.state == HeadParse::kError) {
    SendErrorAndClose(fd, parse.status, parse.message, options_.write_timeout_ms);
    return false;
  }
  // Read and drop a (small, bounded) body so the next request starts in the right place.
  size_t needed = parse.head_bytes + request.content_length;
  while (buffer->size() < needed) {
    ssize_t n = ReadSome(fd, buffer, deadline);
    if (n == -2) {
      SendErrorAndClose(fd, 408, "request body not received within the read timeout", 1000);
      return false;
    }
    if (n <= 0) return false;
  }
  HttpResponse response = Dispatch(request);
  bool keep_alive = request.keep_alive && !stopping_.load();
  bool head_only = request.method == "HEAD";
  std::string out;
  SerializeResponse(response, keep_alive, head_only, &out);
  // `request` views the buffer: drop the consumed bytes only after it is no longer used.
  buffer->erase(0, needed);
  if (!WriteAll(fd, out, options_.write_timeout_ms)) return false;
  return keep_alive;
}

HttpResponse HttpServer::Dispatch(const HttpRequest& request) {
  if (options_.check_host && loopback_ && !IsLoopbackHost(request.host) && !request.host.empty()) {
    return JsonError(403, "Host must name the loopback interface (localhost or 127.0.0.1)");
  }
  if (request.method != "GET" && request.method != "HEAD") {
    HttpResponse response = JsonError(405, "only GET and HEAD are allowed");
    response.headers.emplace_back("Allow", "GET, HEAD");
    return response;
  }
  // The edge translates: nothing thrown by a handler (e.g. std::bad_alloc) escapes a worker.
  try {
    return handler_(request);
  } catch (const std::exception& e) {
    return JsonError(500, std::string("internal error: ") + e.what());
  } catch (...) {
    return JsonError(500, "internal error");
  }
}

}  // namespace annalist::server
