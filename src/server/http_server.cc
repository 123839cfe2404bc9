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
#include <sys/epoll.h>
#include <sys/eventfd.h>
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

// Answers an error, then stops sending and drains (briefly) what the client still sends,
// so that closing does not reset the connection before the client has read the answer.
void SendErrorAndLinger(int fd, int status, std::string_view message, int timeout_ms) {
  std::string out;
  SerializeResponse(JsonError(status, message), false, false, &out);
  if (!WriteAll(fd, out, timeout_ms)) return;
  ::shutdown(fd, SHUT_WR);
  Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(200);
  char chunk[16 << 10];
  size_t drained = 0;
  while (drained < (size_t{1} << 20) && PollUntil(fd, POLLIN, deadline) > 0) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, MSG_DONTWAIT);
    if (n <= 0 && !(n < 0 && (errno == EINTR || errno == EAGAIN))) break;
    if (n > 0) drained += static_cast<size_t>(n);
  }
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

struct HttpServer::Connection {
  int fd = -1;
  std::string buffer;              // bytes received and not yet answered
  Clock::time_point last_active;   // last answer (or accept): for the keep-alive limit
  Clock::time_point head_started;  // first byte of the request in `buffer`
  bool started = false;            // `buffer` holds part of a request
  bool in_worker = false;          // owned by a worker now (the poller keeps off)
};

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
  int fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) {
    ::freeaddrinfo(found);
    return IoError(where + ": socket: " + std::strerror(errno));
  }
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (::bind(fd, found->ai_addr, found->ai_addrlen) != 0 || ::listen(fd, 1024) != 0) {
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
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (epoll_fd_ < 0 || wake_fd_ < 0) return IoError(where + ": epoll: " + std::strerror(errno));
  epoll_event listen_event{};
  listen_event.events = EPOLLIN;
  listen_event.data.ptr = nullptr;  // the listening socket
  epoll_event wake_event{};
  wake_event.events = EPOLLIN;
  wake_event.data.ptr = this;  // Stop()
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &listen_event);
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake_event);
  int threads = options_.threads > 0 ? options_.threads : 1;
  for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  poller_ = std::thread([this] { PollLoop(); });
  return Status::Ok();
}

void HttpServer::Stop() {
  if (listen_fd_ < 0) return;
  stopping_.store(true);
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
  if (poller_.joinable()) poller_.join();
  work_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
  for (Connection* connection : connections_) {
    ::close(connection->fd);
    delete connection;
  }
  connections_.clear();
  ready_.clear();
  ::close(listen_fd_);
  ::close(epoll_fd_);
  ::close(wake_fd_);
  listen_fd_ = epoll_fd_ = wake_fd_ = -1;
}

void HttpServer::PollLoop() {
  epoll_event events[64];
  Clock::time_point last_scan = Clock::now();
  while (!stopping_.load()) {
    int n = ::epoll_wait(epoll_fd_, events, 64, 50);
    for (int i = 0; i < n; ++i) {
      void* ptr = events[i].data.ptr;
      if (ptr == nullptr) {
        Accept();
      } else if (ptr != this) {
        auto* connection = static_cast<Connection*>(ptr);
        std::lock_guard<std::mutex> lock(mutex_);
        connection->in_worker = true;
        ready_.push_back(connection);
        work_ready_.notify_one();
      }
    }
    if (Clock::now() - last_scan >= std::chrono::milliseconds(50)) {
      CloseIdleAndLate();
      last_scan = Clock::now();
    }
  }
}

void HttpServer::Accept() {
  while (true) {
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      return;  // EAGAIN: all taken; EMFILE and others: try again on the next event
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::lock_guard<std::mutex> lock(mutex_);
    if (connections_.size() >= options_.max_connections) {
      std::string out;
      SerializeResponse(JsonError(503, "server busy: too many open connections"), false, false, &out);
      [[maybe_unused]] ssize_t sent = ::send(fd, out.data(), out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      ::close(fd);
      continue;
    }
    auto* connection = new Connection;
    connection->fd = fd;
    connection->last_active = Clock::now();
    connections_.push_back(connection);
    epoll_event event{};
    event.events = EPOLLIN | EPOLLONESHOT;
    event.data.ptr = connection;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &event);
  }
}

void HttpServer::Rearm(Connection* connection) {
  // Under the lock: the poller may close a connection as soon as it is not in a worker.
  std::lock_guard<std::mutex> lock(mutex_);
  connection->in_worker = false;
  connection->last_active = Clock::now();
  epoll_event event{};
  event.events = EPOLLIN | EPOLLONESHOT;
  event.data.ptr = connection;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, connection->fd, &event);
}

void HttpServer::Close(Connection* connection) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (size_t i = 0; i < connections_.size(); ++i) {
      if (connections_[i] == connection) {
        connections_[i] = connections_.back();
        connections_.pop_back();
        break;
      }
    }
  }
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, connection->fd, nullptr);
  ::close(connection->fd);
  delete connection;
}

void HttpServer::CloseIdleAndLate() {
  Clock::time_point now = Clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t i = 0; i < connections_.size();) {
    Connection* connection = connections_[i];
    if (connection->in_worker) {  // its other fields belong to the worker now
      ++i;
      continue;
    }
    bool late = connection->started &&
                now - connection->head_started > std::chrono::milliseconds(options_.read_timeout_ms);
    bool idle = !connection->started &&
                now - connection->last_active > std::chrono::milliseconds(options_.keep_alive_ms);
    if (!late && !idle) {
      ++i;
      continue;
    }
    if (late) {  // best effort, never blocking the poller
      std::string out;
      SerializeResponse(JsonError(408, "request not received within the read timeout"), false, false, &out);
      [[maybe_unused]] ssize_t sent = ::send(connection->fd, out.data(), out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, connection->fd, nullptr);
    ::close(connection->fd);
    delete connection;
    connections_[i] = connections_.back();
    connections_.pop_back();
  }
}

void HttpServer::WorkerLoop() {
  while (true) {
    Connection* connection;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [this] { return stopping_.load() || !ready_.empty(); });
      if (stopping_.load()) return;  // Stop() closes what is left
      connection = ready_.front();
      ready_.pop_front();
    }
    if (Serve(connection)) {
      Rearm(connection);
    } else {
      Close(connection);
    }
  }
}

bool HttpServer::Serve(Connection* connection) {
  std::string& buffer = connection->buffer;
  // Bounded: enough to parse the largest acceptable request, the rest waits in the socket.
  const size_t most = options_.limits.max_head_bytes + options_.limits.max_body_bytes + 1;
  bool eof = false;
  char chunk[16 << 10];
  while (buffer.size() < most) {
    ssize_t n = ::recv(connection->fd, chunk, sizeof chunk, MSG_DONTWAIT);
    if (n > 0) {
      buffer.append(chunk, static_cast<size_t>(n));
    } else if (n == 0) {
      eof = true;
      break;
    } else if (errno == EINTR) {
      continue;
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      break;
    } else {
      return false;
    }
  }
  while (!buffer.empty()) {
    if (!connection->started) {
      connection->started = true;
      connection->head_started = Clock::now();
    }
    HttpRequest request;
    HeadParse parse = ParseRequestHead(buffer, options_.limits, &request);
    if (parse.state == HeadParse::kError) {
      SendErrorAndLinger(connection->fd, parse.status, parse.message, options_.write_timeout_ms);
      return false;
    }
    if (parse.state == HeadParse::kIncomplete || buffer.size() < parse.head_bytes + request.content_length) {
      return !eof;  // the rest comes later; the poller enforces the read timeout
    }
    size_t consumed = parse.head_bytes + request.content_length;
    HttpResponse response = Dispatch(request);
    bool keep_alive = request.keep_alive && !stopping_.load();
    std::string out;
    SerializeResponse(response, keep_alive, request.method == "HEAD", &out);
    buffer.erase(0, consumed);  // `request` views the buffer: not used past this point
    connection->started = false;
    if (!WriteAll(connection->fd, out, options_.write_timeout_ms)) return false;
    if (!keep_alive) return false;
  }
  return !eof;
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
