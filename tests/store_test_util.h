// Where store tests put their stores: a fresh SQLite file, or a fresh database on a
// throwaway PostgreSQL server (tests/pg_server.sh). Under ctest one server serves all
// tests (fixture store_pg_server, URL in ANNALIST_PG_URLFILE); a test binary run alone
// starts its own and stops it at exit.
#ifndef ANNALIST_TESTS_STORE_TEST_UTIL_H_
#define ANNALIST_TESTS_STORE_TEST_UTIL_H_

#include <libpq-fe.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "test_util.h"

namespace annalist::testing {

class PgServer {
 public:
  static PgServer& Get() {
    static PgServer server;
    return server;
  }
  const std::string& url() const { return url_; }
  const std::string& skip() const { return skip_; }

  ~PgServer() {
    if (!own_urlfile_.empty()) {
      std::system(("sh " ANNALIST_SOURCE_DIR "/tests/pg_server.sh stop '" + own_urlfile_ + "'").c_str());
    }
  }

 private:
  PgServer() {
    std::string urlfile = ANNALIST_PG_URLFILE;
    if (!std::filesystem::exists(urlfile)) {
      urlfile = ProcessTempDir() + "/pg.url";
      own_urlfile_ = urlfile;
      if (std::system(("sh " ANNALIST_SOURCE_DIR "/tests/pg_server.sh start '" + urlfile + "'").c_str()) != 0) {
        skip_ = "tests/pg_server.sh could not start a PostgreSQL server (see its messages)";
        return;
      }
    }
    std::string content = ReadFile(urlfile);
    std::string first = content.substr(0, content.find('\n'));
    if (first.rfind("skip:", 0) == 0) {
      skip_ = "PostgreSQL tests skipped: " + first.substr(5);
    } else {
      url_ = first;
    }
  }
  std::string url_, skip_, own_urlfile_;
};

inline std::string StoreSkipReason(const std::string& backend) {
  return backend == "postgresql" ? PgServer::Get().skip() : std::string();
}

// A new empty store for one test; "" when the backend is not available.
inline std::string StoreTarget(const std::string& backend, const std::string& test_name) {
  std::string name;
  for (char c : test_name) name += std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
  if (backend == "sqlite") {
    std::string path = ProcessTempDir() + "/" + name + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    return path;
  }
  const PgServer& server = PgServer::Get();
  if (server.url().empty()) return std::string();
  const std::string database = "t" + std::to_string(getpid()) + "_" + name.substr(0, 40);
  PGconn* conn = PQconnectdb(server.url().c_str());
  if (PQstatus(conn) == CONNECTION_OK) {
    PQclear(PQexec(conn, ("DROP DATABASE IF EXISTS " + database).c_str()));
    PQclear(PQexec(conn, ("CREATE DATABASE " + database).c_str()));
  }
  PQfinish(conn);
  return server.url().substr(0, server.url().rfind('/') + 1) + database;
}

}  // namespace annalist::testing

#endif  // ANNALIST_TESTS_STORE_TEST_UTIL_H_
