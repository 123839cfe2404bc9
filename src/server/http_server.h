// A small HTTP/1.1 server over POSIX sockets: one poller thread (epoll: accepts, watches
// idle and partly received connections, enforces deadlines) and a fixed pool of worker
// threads that parse and answer requests. Keep-alive and pipelining are supported. It
// serves whatever the handler answers; the annalist routes are in api.h.
//
//   HttpServer::Options options;            // 127.0.0.1, port 8080, limits below
//   HttpServer server(options, [](const HttpRequest& r) { ... return response; });
//   Status status = server.Start();         // binds and listens; port() is then known
//   ...                                     // Stop() from another thread or a signal waiter
//
// A worker only ever handles bytes that have arrived: a connection whose request is not
// complete goes back to the poller, so slow or idle clients cost no worker time.
// Limits (each answered with a JSON error and a closed connection):
//   - a request head (and its body) must arrive whole within `read_timeout_ms` of its first
//     byte, however it is dribbled (408);
//   - head, target, header count and body sizes as in HttpLimits (431 / 414 / 413);
//   - writes time out after `write_timeout_ms` (connection dropped);
//   - an idle keep-alive connection is closed after `keep_alive_ms`;
//   - at most `max_connections` open connections; more get 503.
// Thread safety: the handler is called from several workers at once.
#ifndef ANNALIST_SERVER_HTTP_SERVER_H_
#define ANNALIST_SERVER_HTTP_SERVER_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "annalist/status.h"
#include "server/http_request.h"

namespace annalist::server {

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Extra header lines, e.g. {"Cache-Control", "no-store"}. Never CORS headers.
  std::vector<std::pair<std::string, std::string>> headers;
};

// Reason phrase for a status code ("Not Found").
const char* StatusReason(int status);

// A JSON error response: {"error":{"status":N,"message":"..."}}.
HttpResponse JsonError(int status, std::string_view message);

// Serialises status line, headers (Content-Type, Content-Length, Connection, security
// headers) and, unless `head_only`, the body.
void SerializeResponse(const HttpResponse& response, bool keep_alive, bool head_only, std::string* out);

using HttpHandler = std::function<HttpResponse(const HttpRequest& request)>;

class HttpServer {
 public:
  struct Options {
    std::string bind = "127.0.0.1";
    int port = 8080;  // 0 = any free port (see port())
    int threads = 8;
    int read_timeout_ms = 10000;
    int write_timeout_ms = 10000;
    int keep_alive_ms = 5000;  // idle time allowed between requests on one connection
    size_t max_connections = 1024;
    HttpLimits limits;
    // When bound to loopback, refuse requests whose Host is not a loopback name (403):
    // a page on another site cannot reach this server through DNS rebinding.
    bool check_host = true;
  };

  HttpServer(Options options, HttpHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, listens and starts the threads. Errors name the address ("127.0.0.1:80: ...").
  Status Start();
  // Port actually bound (useful with port 0).
  int port() const { return port_; }
  // Stops accepting, lets workers finish their current request, joins all threads.
  void Stop();

 private:
  struct Connection;
  void PollLoop();
  void WorkerLoop();
  void Accept();
  // Runs on a worker: reads what has arrived and answers every complete request in it.
  // Returns true if the connection goes back to the poller, false if it must be closed.
  bool Serve(Connection* connection);
  void Rearm(Connection* connection);
  void CloseIdleAndLate();
  void Close(Connection* connection);
  HttpResponse Dispatch(const HttpRequest& request);

  Options options_;
  HttpHandler handler_;
  int listen_fd_ = -1;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;  // eventfd: wakes the poller for Stop()
  int port_ = 0;
  bool loopback_ = false;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;  // guards connections_, ready_ and Connection::in_worker / times
  std::condition_variable work_ready_;
  std::vector<Connection*> connections_;
  std::deque<Connection*> ready_;
  std::thread poller_;
  std::vector<std::thread> workers_;
};

}  // namespace annalist::server

#endif  // ANNALIST_SERVER_HTTP_SERVER_H_
