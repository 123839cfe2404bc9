// Status and Result<T>: how the library reports failure without exceptions.
//
//   annalist::Result<Foo> r = LoadFoo(path);
//   if (!r.ok()) { std::fprintf(stderr, "%s\n", r.status().message().c_str()); return 1; }
//   Foo& foo = *r;
//
// Messages carry their own context ("verbs.txt:412: pattern has no '*'"), so an edge
// (CLI, server, bindings) can show them as they are.
#ifndef ANNALIST_STATUS_H_
#define ANNALIST_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace annalist {

enum class StatusCode { kOk = 0, kInvalidArgument, kNotFound, kIoError, kDataLoss, kInternal, kDeadlineExceeded };

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return Status(StatusCode::kInvalidArgument, std::move(m)); }
inline Status NotFound(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
inline Status IoError(std::string m) { return Status(StatusCode::kIoError, std::move(m)); }
inline Status DataLoss(std::string m) { return Status(StatusCode::kDataLoss, std::move(m)); }
inline Status DeadlineExceeded(std::string m) { return Status(StatusCode::kDeadlineExceeded, std::move(m)); }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}           // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}   // NOLINT: must not be ok
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T TakeValue() { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace annalist

#endif  // ANNALIST_STATUS_H_
