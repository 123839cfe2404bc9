// Where `annalist code` writes its events: stdout or --output FILE, through write(2).
//
// Lines reach the file whole: the sink is given whole lines (one article's events at a
// time), buffers them and writes the buffer with as few write(2) calls as the kernel
// allows, retrying short writes and EINTR, so SIGINT/SIGTERM (which only set a flag) never
// cut a line. The first failed write ends the sink: its reason (strerror, e.g. "No space
// left on device") is kept, everything after is dropped, and the caller stops the run.
#ifndef ANNALIST_TOOLS_OUTPUT_SINK_H_
#define ANNALIST_TOOLS_OUTPUT_SINK_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace annalist::cli {

class OutputSink {
 public:
  // Writes to `fd` (not closed by the sink); `name` ("stdout", a path) is used in messages.
  OutputSink(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  ~OutputSink() { Flush(); }

  // Appends whole lines; writes out when the buffer passes 256 KiB. False once failed.
  bool Append(std::string_view lines);
  // Writes everything buffered. False once failed.
  bool Flush();

  bool failed() const { return !error_.empty(); }
  // "error writing the events to stdout: No space left on device"
  const std::string& error() const { return error_; }
  // Bytes that reached the file (written, not buffered).
  uint64_t bytes_written() const { return written_; }

 private:
  int fd_;
  std::string name_;
  std::string buffer_;
  std::string error_;
  uint64_t written_ = 0;
};

}  // namespace annalist::cli

#endif  // ANNALIST_TOOLS_OUTPUT_SINK_H_
