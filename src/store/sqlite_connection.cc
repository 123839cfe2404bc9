// SQLite implementation of the store's SQL layer: WAL journal (readers never wait for the
// writer), a busy timeout for the single writer, BEGIN IMMEDIATE for write transactions so
// two writers queue instead of deadlocking on a lock upgrade.
#include <sqlite3.h>

#include <string>

#include "store/sql.h"

namespace annalist::store {

Status SqlStatement::Run() {
  Result<bool> row = Step();
  Reset();
  return row.ok() ? Status::Ok() : row.status();
}

namespace {

class SqliteStatement : public SqlStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
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
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Status status(rc == SQLITE_CORRUPT ? StatusCode::kDataLoss : StatusCode::kIoError,
                  std::string("sqlite: ") + sqlite3_errmsg(db_) + " in: " + sqlite3_sql(stmt_));
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
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteConnection : public SqlConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }
  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Exec(const std::string& sql) override {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
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
    return std::unique_ptr<SqlStatement>(new SqliteStatement(db_, stmt));
  }
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }

 private:
  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path, bool read_only, int busy_timeout_ms) {
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
  auto connection = std::make_unique<SqliteConnection>(db);
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
