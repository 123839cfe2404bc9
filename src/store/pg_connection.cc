// PostgreSQL implementation of the store's SQL layer (libpq). Statements are prepared on
// the server once (`?` rewritten to `$n`), parameters travel as text, results are read
// whole. A write transaction takes a transaction-scoped advisory lock, so writers run one
// at a time as with SQLite (the merge reads candidates, then writes) and readers are never
// blocked (MVCC).
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.h"

namespace annalist::store {

namespace {

// Advisory lock key of the store's single writer ("annalist" in ASCII, truncated).
constexpr char kWriterLockSql[] = "SELECT pg_advisory_xact_lock(6226139151826875764)";

std::string ErrorText(PGconn* conn) {
  std::string message = PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// "a = ? AND b = ?" -> "a = $1 AND b = $2" (the store never puts '?' inside literals).
std::string NumberPlaceholders(const std::string& sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  *count = 0;
  for (char c : sql) {
    if (c == '?') {
      out += '$';
      out += std::to_string(++*count);
    } else {
      out += c;
    }
  }
  return out;
}

class PgStatement : public SqlStatement {
 public:
  PgStatement(PGconn* conn, std::string name, std::string sql, int params)
      : conn_(conn), name_(std::move(name)), sql_(std::move(sql)), values_(params), is_null_(params, true) {}
  ~PgStatement() override { Clear(); }
  void BindNull(int index) override { is_null_[index - 1] = true; }
  void BindInt(int index, int64_t value) override { Set(index, std::to_string(value)); }
  void BindDouble(int index, double value) override {
    char buffer[32];
    std::snprintf(buffer, sizeof(buffer), "%.17g", value);
    Set(index, buffer);
  }
  void BindText(int index, std::string_view value) override { Set(index, std::string(value)); }
  Result<bool> Step() override {
    if (result_ == nullptr) {
      std::vector<const char*> pointers(values_.size());
      for (size_t i = 0; i < values_.size(); ++i) pointers[i] = is_null_[i] ? nullptr : values_[i].c_str();
      result_ = PQexecPrepared(conn_, name_.c_str(), static_cast<int>(pointers.size()), pointers.data(), nullptr,
                               nullptr, 0);
      ExecStatusType status = PQresultStatus(result_);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        std::string message = "postgresql: " + ErrorText(conn_) + " in: " + sql_;
        const char* state = PQresultErrorField(result_, PG_DIAG_SQLSTATE);
        const bool timed_out = state != nullptr && std::string_view(state) == "57014";  // query_canceled
        Clear();
        return timed_out ? DeadlineExceeded(message + " (the store's query time limit)") : IoError(message);
      }
      row_ = -1;
    }
    ++row_;
    return row_ < PQntuples(result_);
  }
  bool IsNull(int column) override { return PQgetisnull(result_, row_, column) != 0; }
  int64_t Int(int column) override {
    const char* text = PQgetvalue(result_, row_, column);
    if (text[0] == 't') return 1;  // booleans
    if (text[0] == 'f') return 0;
    return std::strtoll(text, nullptr, 10);
  }
  double Double(int column) override { return std::strtod(PQgetvalue(result_, row_, column), nullptr); }
  std::string Text(int column) override {
    return std::string(PQgetvalue(result_, row_, column), PQgetlength(result_, row_, column));
  }
  void Reset() override {
    Clear();
    for (size_t i = 0; i < values_.size(); ++i) is_null_[i] = true;
  }

 private:
  void Set(int index, std::string value) {
    values_[index - 1] = std::move(value);
    is_null_[index - 1] = false;
  }
  void Clear() {
    if (result_ != nullptr) PQclear(result_);
    result_ = nullptr;
  }
  PGconn* conn_;
  std::string name_, sql_;
  std::vector<std::string> values_;
  std::vector<bool> is_null_;
  PGresult* result_ = nullptr;
  int row_ = -1;
};

class PgConnection : public SqlConnection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }
  Dialect dialect() const override { return Dialect::kPostgres; }
  Status Exec(const std::string& sql) override {
    PGresult* result = PQexec(conn_, sql.c_str());
    ExecStatusType status = PQresultStatus(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return IoError("postgresql: " + ErrorText(conn_) + " in: " + sql.substr(0, 200));
    }
    return Status::Ok();
  }
  Result<std::unique_ptr<SqlStatement>> Prepare(const std::string& sql) override {
    int params = 0;
    std::string numbered = NumberPlaceholders(sql, &params);
    std::string name = "s" + std::to_string(++statements_);
    PGresult* result = PQprepare(conn_, name.c_str(), numbered.c_str(), params, nullptr);
    ExecStatusType status = PQresultStatus(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK) return IoError("postgresql: " + ErrorText(conn_) + " in: " + sql);
    return std::unique_ptr<SqlStatement>(new PgStatement(conn_, name, sql, params));
  }
  Status BeginWrite() override {
    if (Status status = Exec("BEGIN"); !status.ok()) return status;
    return Exec(kWriterLockSql);
  }

 private:
  PGconn* conn_;
  int statements_ = 0;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url, bool read_only, int query_timeout_ms) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = "postgresql: cannot connect: " + ErrorText(conn);
    PQfinish(conn);
    return IoError(message);
  }
  auto connection = std::make_unique<PgConnection>(conn);
  std::string setup = "SET client_min_messages = warning";
  if (read_only) setup += "; SET default_transaction_read_only = on";
  if (query_timeout_ms > 0) setup += "; SET statement_timeout = " + std::to_string(query_timeout_ms);
  if (Status status = connection->Exec(setup); !status.ok()) return status;
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

}  // namespace annalist::store
