#include "output_sink.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace annalist::cli {

namespace {
constexpr size_t kFlushBytes = size_t{1} << 18;
}  // namespace

bool OutputSink::Append(std::string_view lines) {
  if (failed()) return false;
  buffer_.append(lines);
  if (buffer_.size() >= kFlushBytes) return Flush();
  return true;
}

bool OutputSink::Flush() {
  if (failed()) return false;
  size_t done = 0;
  while (done < buffer_.size()) {
    ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;  // a signal arrived: finish the lines anyway
    if (n <= 0) {
      error_ = "error writing the events to " + name_ + ": " + (n < 0 ? std::strerror(errno) : "nothing written");
      buffer_.clear();
      return false;
    }
    done += static_cast<size_t>(n);
    written_ += static_cast<uint64_t>(n);
  }
  buffer_.clear();
  return true;
}

}  // namespace annalist::cli
