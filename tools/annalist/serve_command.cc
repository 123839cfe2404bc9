// annalist serve --db F [--bind 127.0.0.1] [--port 8080]: the store's JSON API and the
// embedded web page over HTTP (src/server, docs/api.md). The store is opened read-only.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <pthread.h>
#include <string>

#include "cli.h"
#include "server/api.h"
#include "server/http_server.h"
#include "server/store_event_source.h"

namespace annalist::cli {
namespace {

constexpr char kServeHelp[] =
    "usage: annalist serve --db F [OPTIONS]\n"
    "\n"
    "Serves the store F (SQLite file or postgresql:// URL, opened read-only) as a JSON API\n"
    "under /api/ and a web page at / (docs/api.md). Stops on SIGINT or SIGTERM.\n"
    "\n"
    "options:\n"
    "  --db F                  the store (required)\n"
    "  --bind ADDR             numeric address to listen on (default 127.0.0.1; anything but\n"
    "                          loopback exposes the store to the network)\n"
    "  --port N                port (default 8080; 0 = any free port, printed at start)\n"
    "  --threads N             worker threads = concurrent connections served (default 8)\n"
    "  --read-timeout-ms N     a request head must arrive within N ms (default 10000)\n"
    "  --max-page N            most events per page (default 500)\n"
    "  --query-timeout-ms N    a store query running longer is stopped; the request gets\n"
    "                          503 (default 5000; 0 = no limit)\n";

bool ParseInt(const char* text, int min, int max, int* out) {
  char* end = nullptr;
  long value = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || value < min || value > max) return false;
  *out = static_cast<int>(value);
  return true;
}

}  // namespace

int RunServe(int argc, char** argv) {
  std::string db;
  server::HttpServer::Options options;
  server::ApiLimits limits;
  int query_timeout_ms = 5000;
  for (int i = 2; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::fputs(kServeHelp, stdout);
      return kExitOk;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "annalist serve: %s needs a value (or unknown option)\n\n%s", argv[i], kServeHelp);
      return kExitUsage;
    }
    const char* value = argv[++i];
    int number = 0;
    bool ok = true;
    if (flag == "--db") {
      db = value;
    } else if (flag == "--bind") {
      options.bind = value;
    } else if (flag == "--port") {
      ok = ParseInt(value, 0, 65535, &options.port);
    } else if (flag == "--threads") {
      ok = ParseInt(value, 1, 256, &options.threads);
    } else if (flag == "--read-timeout-ms") {
      ok = ParseInt(value, 1, 600000, &options.read_timeout_ms);
    } else if (flag == "--query-timeout-ms") {
      ok = ParseInt(value, 0, 3600000, &query_timeout_ms);
    } else if (flag == "--max-page") {
      ok = ParseInt(value, 1, 10000, &number);
      limits.max_page = static_cast<size_t>(number);
    } else {
      std::fprintf(stderr, "annalist serve: unknown option '%s'\n\n%s", flag.c_str(), kServeHelp);
      return kExitUsage;
    }
    if (!ok) {
      std::fprintf(stderr, "annalist serve: bad value '%s' for %s\n", value, flag.c_str());
      return kExitUsage;
    }
  }
  if (db.empty()) {
    std::fprintf(stderr, "annalist serve: --db F is required\n\n%s", kServeHelp);
    return kExitUsage;
  }
  auto source = server::StoreEventSource::Open(db, query_timeout_ms);
  if (!source.ok()) {
    std::fprintf(stderr, "annalist serve: %s\n", source.status().message().c_str());  // names the store
    return kExitUsage;
  }
  // Signals are taken by sigwait below, not by whichever thread they hit.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::Api api(source->get(), limits);
  server::HttpServer http(options, [&api](const server::HttpRequest& request) { return api.Handle(request); });
  Status started = http.Start();
  if (!started.ok()) {
    std::fprintf(stderr, "annalist serve: cannot listen on %s\n", started.message().c_str());
    return kExitUsage;
  }
  std::string host = options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
  std::printf("annalist serve: listening on http://%s:%d/ (store %s, read-only)\n", host.c_str(), http.port(),
              db.c_str());
  std::fflush(stdout);
  if (host != "127.0.0.1" && host != "[::1]" && host.rfind("127.", 0) != 0) {
    std::fprintf(stderr, "annalist serve: warning: bound to %s, not loopback: anyone who can reach it reads the store\n",
                 options.bind.c_str());
  }
  int caught = 0;
  sigwait(&signals, &caught);
  std::fprintf(stderr, "annalist serve: %s, stopping\n", caught == SIGINT ? "SIGINT" : "SIGTERM");
  http.Stop();
  return kExitOk;
}

}  // namespace annalist::cli
