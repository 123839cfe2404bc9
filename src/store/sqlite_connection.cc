// SQLite implementation of the store's SQL layer: WAL journal (readers never wait for the
// writer), a busy timeout for the single writer, BEGIN IMMEDIATE for write transactions so
// two writers queue instead of deadlocking on a lock upgrade.
#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <string>

#include "store/sql.h"

namespace annalist::store {

Status SqlStatement::Run() {
  Result<bool> row = Step();
  Reset();
  return row.ok() ? Status::Ok() : row.status();
}

namespace {

// The query time limit: the deadline of the statement running on a connection, checked by
// SQLite's progress handler every kProgressSteps virtual-machine steps.
struct QueryClock {
  static constexpr int kProgressSteps = 10000;
  int timeout_ms = 0;
  std::chrono::steady_clock::time_point deadline;
  void Start() {
    if (timeout_ms > 0) deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  }
  static int Expired(void* clock) {
    return std::chrono::steady_clock::now() > static_cast<QueryClock*>(clock)->deadline ? 1 : 0;
  }
};

Status StatementError(sqlite3* db, int rc, const char* sql, const QueryClock& clock) {
  if (rc == SQLITE_INTERRUPT && clock.timeout_ms > 0) {
    return DeadlineExceeded("sqlite: query stopped after " + std::to_string(clock.timeout_ms) +
                            " ms (the store's query time limit) in: " + sql);
  }
  return Status(rc == SQLITE_CORRUPT ? StatusCode::kDataLoss : StatusCode::kIoError,
                std::string("sqlite: ") + sqlite3_errmsg(db) + " in: " + sql);
}

class SqliteStatement : public SqlStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, QueryClock* clock) : db_(db), stmt_(stmt), clock_(clock) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  void BindNull(int index) override { sqlite3_bind_null(stmt_, index); }
  void BindInt(int index, int64_t value) override { sqlite3_bind_int64(stmt_, index, value); }
  void BindDouble(int index, double value) override { sqlite3_bind_double(stmt_, index, value); }
  void BindText(int index, std::string_view value) override {
    // An empty view may have no data pointer, which SQLite would bind as NULL.
    sqlite3_bind_text(stmt_, index, value.data() != nullptr ? value.data() : "", static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
  }
  Result<bool> Step() override {
    if (!running_) clock_->Start();  // the first step of a run starts its clock
    running_ = true;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    running_ = false;
    if (rc == SQLITE_DONE) return false;
    Status status = StatementError(db_, rc, sqlite3_sql(stmt_), *clock_);
    sqlite3_reset(stmt_);
    return status;
  }
  bool IsNull(int column) override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  int64_t Int(int column) override { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) override { return sqlite3_column_double(stmt_, column); }
  std::string Text(int column) override {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return std::string();
    return std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt_, column));
  }
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    running_ = false;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  QueryClock* clock_;
  bool running_ = false;
};

class SqliteConnection : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, int query_timeout_ms) : db_(db), clock_(std::make_unique<QueryClock>()) {
    clock_->timeout_ms = query_timeout_ms;
    if (query_timeout_ms > 0) sqlite3_progress_handler(db_, QueryClock::kProgressSteps, &QueryClock::Expired, clock_.get());
  }
  ~SqliteConnection() override { sqlite3_close_v2(db_); }
  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Exec(const std::string& sql) override {
    char* error = nullptr;
    clock_->Start();
    if (int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error); rc != SQLITE_OK) {
      if (rc == SQLITE_INTERRUPT) {
        sqlite3_free(error);
        return StatementError(db_, rc, sql.c_str(), *clock_);
      }
      std::string message = std::string("sqlite: ") + (error != nullptr ? error : sqlite3_errmsg(db_));
      sqlite3_free(error);
      return IoError(message);
    }
    return Status::Ok();
  }
  Result<std::unique_ptr<SqlStatement>> Prepare(const std::string& sql) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK) {
      return IoError(std::string("sqlite: ") + sqlite3_errmsg(db_) + " in: " + sql);
    }
    return std::unique_ptr<SqlStatement>(new SqliteStatement(db_, stmt, clock_.get()));
  }
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }

 private:
  sqlite3* db_;
  std::unique_ptr<QueryClock> clock_;  // statements keep its address
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path, bool read_only, int busy_timeout_ms,
                                                  int query_timeout_ms) {
  // SQLite counts every allocation under a global mutex unless told not to (before its
  // initialisation): 2 % of an ingest's instructions, for statistics we never read. Later
  // calls (SQLite already initialised by someone else in the process) fail harmlessly.
  static const bool memory_statistics_off = [] {
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)memory_statistics_off;
  sqlite3* db = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;  // one connection per thread (store.h)
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = path + ": cannot open store: " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return IoError(message);
  }
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 0);
  auto connection = std::make_unique<SqliteConnection>(db, query_timeout_ms);
  // WAL: the writer appends, readers keep reading their snapshot. synchronous=NORMAL in
  // WAL mode keeps every committed transaction across a process crash (kill -9); only a
  // power loss may drop the last commits (https://sqlite.org/pragma.html#pragma_synchronous).
  std::string pragmas = "PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;";
  if (!read_only) pragmas += "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
  if (Status status = connection->Exec(pragmas); !status.ok()) {
    return IoError(path + ": " + status.message());
  }
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

}  // namespace annalist::store
