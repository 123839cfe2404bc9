// A thin SQL layer under the store: one connection, prepared statements with `?`
// placeholders, and two implementations (SQLite, PostgreSQL through libpq). The store
// writes its SQL once; only the schema and full-text search differ by dialect.
#ifndef ANNALIST_STORE_SQL_H_
#define ANNALIST_STORE_SQL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "annalist/status.h"

namespace annalist::store {

enum class Dialect { kSqlite, kPostgres };

class SqlStatement {
 public:
  virtual ~SqlStatement() = default;
  // Parameters are 1-based, in the order of the `?` in the SQL.
  virtual void BindNull(int index) = 0;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindDouble(int index, double value) = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  // Runs the statement on the first call; true while a row is available.
  virtual Result<bool> Step() = 0;
  // Columns of the current row, 0-based.
  virtual bool IsNull(int column) = 0;
  virtual int64_t Int(int column) = 0;
  virtual double Double(int column) = 0;
  virtual std::string Text(int column) = 0;
  // Ready to run again; bindings are cleared.
  virtual void Reset() = 0;

  // Runs a statement that returns no rows, then resets it.
  Status Run();
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one or more statements separated by ';' (no parameters, no rows).
  virtual Status Exec(const std::string& sql) = 0;
  virtual Result<std::unique_ptr<SqlStatement>> Prepare(const std::string& sql) = 0;
  // Starts a write transaction that holds the single-writer lock.
  virtual Status BeginWrite() = 0;
};

// query_timeout_ms > 0: a statement running longer fails with kDeadlineExceeded.
Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path, bool read_only, int busy_timeout_ms,
                                                  int query_timeout_ms = 0);
Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url, bool read_only, int query_timeout_ms = 0);

inline bool IsPostgresUrl(std::string_view target) {
  return target.substr(0, 13) == "postgresql://" || target.substr(0, 11) == "postgres://";
}

}  // namespace annalist::store

#endif  // ANNALIST_STORE_SQL_H_
