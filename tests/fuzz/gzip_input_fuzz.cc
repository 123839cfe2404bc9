// Fuzz target: gzip-compressed input files (ArticleReader::Open on a file whose first bytes
// are the gzip magic: zlib through fopencookie, src/io/article_reader.cc). The input is
// written to an anonymous file (memfd) and opened by its /proc path, as the CLI opens a
// file. Two ways, chosen by the first byte:
//   even: the rest is the *content*, compressed here (a valid gzip stream), so the fuzzer
//         explores what the reader does with any decompressed JSONL / text / HTML;
//   odd:  the rest follows the gzip magic as is (corrupt or truncated streams, odd
//         headers, concatenated members).
// Reading must end (kEnd) without crashing; a read error is reported once (kError with
// `io`) and then the input ends; no article is longer than the limit.
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "annalist/article_reader.h"

namespace {

std::string Gzip(const uint8_t* data, size_t size) {
  z_stream stream{};
  // windowBits 15 + 16: a gzip header and trailer.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
  std::string out(deflateBound(&stream, size) + 32, '\0');
  stream.next_in = const_cast<Bytef*>(data);
  stream.avail_in = static_cast<uInt>(size);
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  if (deflate(&stream, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

void ReadFile(const std::string& bytes, size_t content_size, annalist::InputKind kind, size_t max_bytes) {
  int fd = memfd_create("annalist-fuzz", 0);
  if (fd < 0) std::abort();
  if (!bytes.empty() && write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) std::abort();
  annalist::ReaderOptions options;
  options.max_article_bytes = max_bytes;
  auto reader = annalist::ArticleReader::Open("/proc/self/fd/" + std::to_string(fd), options, kind);
  close(fd);  // the reader has its own descriptor
  if (!reader.ok()) return;
  annalist::Document doc;
  annalist::ReadError error;
  // Corrupt data is one I/O error, then the end. Each record consumes at least one byte
  // of the decompressed content; for a corrupt stream that bound is unknown, so a large one.
  const size_t bound = content_size > 0 ? content_size + 2 : size_t{1} << 20;
  bool io_error = false;
  for (size_t records = 0;; ++records) {
    if (records > bound) std::abort();
    annalist::ReadItem item = (*reader)->Next(&doc, &error);
    if (item == annalist::ReadItem::kEnd) break;
    if (item == annalist::ReadItem::kError && error.io) {
      if (io_error) std::abort();  // reported twice
      io_error = true;
    }
    if (item == annalist::ReadItem::kArticle && doc.text.size() > max_bytes) std::abort();
  }
  if (content_size > 0 && io_error) std::abort();  // a stream we made ourselves is never corrupt
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t* rest = data + 1;
  const size_t rest_size = size - 1;
  if ((data[0] & 1) == 0) {
    const std::string compressed = Gzip(rest, rest_size);
    ReadFile(compressed, rest_size + 1, annalist::InputKind::kAuto, size_t{2} << 20);
    ReadFile(compressed, rest_size + 1, annalist::InputKind::kJsonl, 32);
  } else {
    std::string bytes = "\x1F\x8B";
    bytes.append(reinterpret_cast<const char*>(rest), rest_size);
    ReadFile(bytes, 0, annalist::InputKind::kAuto, size_t{2} << 20);
  }
  return 0;
}
