#include "annalist/article_reader.h"

#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <limits>

#include "annotate/dates.h"
#include "core/fnv.h"
#include "io/html_article.h"

namespace annalist {

namespace {

constexpr size_t kChunkBytes = size_t{1} << 16;
// Leading whitespace we look through when sniffing the input kind.
constexpr size_t kSniffLimit = size_t{1} << 20;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool IsBlank(std::string_view text) {
  for (char c : text)
    if (!IsSpace(c)) return false;
  return true;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

uint64_t LineOfOffset(std::string_view text, size_t offset) {
  return 1 + std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n');
}

// `what` is "article text" or "record" (a JSONL line too long to parse).
std::string TooLargeMessage(uint64_t bytes, size_t limit, std::string_view what) {
  return std::string(what) + " is " + std::to_string(bytes) + " bytes, larger than the limit of " +
         std::to_string(limit) + (what == "record" ? " bytes of article text" : " bytes") + " (--max-article-bytes)";
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Length of the JSON number (RFC 8259 grammar) at the start of `s`, 0 if there is none.
size_t JsonNumberLength(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (digits() == 0) {
    return 0;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return 0;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return 0;
  }
  return i;
}

// simdjson refuses numbers beyond 64-bit integers or doubles (NUMBER_ERROR), which JSON
// allows (an id of 25 digits). Writes `record` with every such number (valid, and of 19
// characters or more, or with an exponent) turned into a string of the same text, padded
// for simdjson; false if there was none.
bool QuoteLargeNumbers(std::string_view record, std::string* out) {
  out->clear();
  bool changed = false;
  bool in_string = false;
  for (size_t i = 0; i < record.size(); ++i) {
    char c = record[i];
    if (in_string) {
      out->push_back(c);
      if (c == '\\' && i + 1 < record.size()) {
        out->push_back(record[++i]);
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    size_t length = (c == '-' || (c >= '0' && c <= '9')) ? JsonNumberLength(record.substr(i)) : 0;
    if (length == 0) {
      out->push_back(c);
      continue;
    }
    std::string_view number = record.substr(i, length);
    bool large = length >= 19 || number.find_first_of("eE") != std::string_view::npos;
    if (large) out->push_back('"');
    out->append(number);
    if (large) out->push_back('"');
    changed |= large;
    i += length - 1;
  }
  out->append(simdjson::SIMDJSON_PADDING, '\0');
  return changed;
}

// Magic numbers of binary formats people pass by mistake, named in the error.
struct Magic {
  std::string_view bytes;
  const char* name;
};
constexpr Magic kBinaryMagics[] = {
    {"%PDF", "a PDF document"},
    {"PK\x03\x04", "a ZIP archive (also .docx, .xlsx, .odt)"},
    {"\xD0\xCF\x11\xE0", "an MS Office document"},
    {"\x7F" "ELF", "an executable (ELF)"},
    {"\x89PNG", "a PNG image"},
    {"GIF8", "a GIF image"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"BZh", "a bzip2 file"},
    {"\xFD" "7zXZ", "an xz file"},
    {"\x28\xB5\x2F\xFD", "a zstd file"},
    {"SQLite format 3", "an SQLite database"},
};

const char* BinaryFormat(std::string_view head) {
  for (const Magic& magic : kBinaryMagics) {
    if (head.substr(0, magic.bytes.size()) == magic.bytes) return magic.name;
  }
  return nullptr;
}

InputKind KindFromName(std::string_view path) {
  if (EndsWith(path, ".gz")) path.remove_suffix(3);
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) return InputKind::kJsonl;
  if (EndsWith(path, ".txt")) return InputKind::kText;
  if (EndsWith(path, ".html") || EndsWith(path, ".htm") || EndsWith(path, ".xhtml")) return InputKind::kHtml;
  return InputKind::kAuto;
}

// A gzip stream as a FILE* (glibc fopencookie), so the reader reads .gz like any file.
ssize_t GzRead(void* cookie, char* buffer, size_t size) {
  gzFile gz = static_cast<gzFile>(cookie);
  int n = gzread(gz, buffer, static_cast<unsigned>(std::min<size_t>(size, 1u << 30)));
  int status = Z_OK;
  if (n == 0) gzerror(gz, &status);  // a truncated stream ends with Z_BUF_ERROR, not n < 0
  if (n < 0 || (status != Z_OK && status != Z_STREAM_END)) {
    errno = EIO;
    return -1;
  }
  return n;
}
int GzClose(void* cookie) { return gzclose(static_cast<gzFile>(cookie)) == Z_OK ? 0 : EOF; }

std::FILE* OpenGzip(std::FILE* file) {
  int fd = dup(fileno(file));
  std::fclose(file);
  if (fd < 0) return nullptr;
  gzFile gz = gzdopen(fd, "rb");
  if (gz == nullptr) {
    close(fd);
    return nullptr;
  }
  gzbuffer(gz, 1u << 16);
  cookie_io_functions_t functions{GzRead, nullptr, nullptr, GzClose};
  std::FILE* stream = fopencookie(gz, "rb", functions);
  if (stream == nullptr) gzclose(gz);
  return stream;
}

}  // namespace

std::string ArticleIdFromText(std::string_view text) {
  return "text:" + Hex16(Fnv1a(text));
}

struct ArticleReader::Json {
  simdjson::dom::parser parser;
};

bool ParseDate(std::string_view text, int32_t* date) {
  *date = 0;
  if (text.empty()) return true;
  char digits[8];
  if (text.size() == 6) {
    // YYMMDD, the TABARI/PETRARCH story-date form; two-digit years pivot as the
    // PETRARCH-2 dictionary dates do (00-30 = 20YY, else 19YY).
    const bool twenty = text[0] < '3' || (text[0] == '3' && text[1] == '0');
    std::memcpy(digits, twenty ? "20" : "19", 2);
    std::memcpy(digits + 2, text.data(), 6);
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    std::memcpy(digits, text.data(), 4);
    std::memcpy(digits + 4, text.data() + 5, 2);
    std::memcpy(digits + 6, text.data() + 8, 2);
  } else if (text.size() == 8) {
    std::memcpy(digits, text.data(), 8);
  } else {
    // ISO-8601 timestamps, "Nov. 6, 2023", "6 November 2023", RFC 2822 (src/annotate/dates.h).
    return ParseStoryDate(text, date);
  }
  int32_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  int year = value / 10000, month = value / 100 % 100, day = value % 100;
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Days in the month (Gregorian leap years): 2023-02-31 is no date.
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) return false;
  *date = value;
  return true;
}

std::string SetCodingOption(std::string_view name, std::string_view value, CodingOptions* options) {
  if (name == "require_dyad") {
    if (EqualsIgnoreCase(value, "true") || value == "1") {
      options->require_dyad = true;
    } else if (EqualsIgnoreCase(value, "false") || value == "0") {
      options->require_dyad = false;
    } else {
      return "option require_dyad wants true or false, not '" + std::string(value) + "'";
    }
    return "";
  }
  int* field = nullptr;
  if (name == "new_actor_length") field = &options->new_actor_length;
  else if (name == "comma_min") field = &options->comma_min;
  else if (name == "comma_max") field = &options->comma_max;
  else if (name == "comma_bmin") field = &options->comma_bmin;
  else if (name == "comma_bmax") field = &options->comma_bmax;
  else if (name == "comma_emin") field = &options->comma_emin;
  else if (name == "comma_emax") field = &options->comma_emax;
  if (field == nullptr) return "unknown option '" + std::string(name) + "'";
  int parsed = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (ec != std::errc() || end != value.data() + value.size() || parsed < 0) {
    return "option " + std::string(name) + " wants a non-negative integer, not '" + std::string(value) + "'";
  }
  *field = parsed;
  return "";
}

size_t FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    uint32_t min_code;
    uint32_t code;
    if ((c & 0xE0) == 0xC0) {
      length = 2, min_code = 0x80, code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min_code = 0x800, code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min_code = 0x10000, code = c & 0x07;
    } else {
      return i;
    }
    if (i + length > n) return i;
    for (size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      code = (code << 6) | (s[i + k] & 0x3F);
    }
    if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

Result<std::unique_ptr<ArticleReader>> ArticleReader::Open(const std::string& path, const ReaderOptions& options,
                                                            InputKind kind) {
  if (path == "-") return FromStream(stdin, "-", options, kind);
  std::FILE* stream = std::fopen(path.c_str(), "rb");
  if (stream == nullptr) return IoError(path + ": cannot open: " + std::strerror(errno));
  if (kind == InputKind::kAuto) kind = KindFromName(path);
  // A regular file's first bytes tell gzip and binary formats apart whatever its name.
  struct stat info;
  if (fstat(fileno(stream), &info) == 0 && S_ISREG(info.st_mode)) {
    char head[16];
    size_t n = std::fread(head, 1, sizeof head, stream);
    std::rewind(stream);
    std::string_view magic(head, n);
    if (magic.substr(0, 2) == "\x1F\x8B") {
      stream = OpenGzip(stream);
      if (stream == nullptr) return IoError(path + ": cannot open the gzip stream: " + std::strerror(errno));
      auto reader = std::unique_ptr<ArticleReader>(new ArticleReader(stream, true, path, options, kind));
      reader->compressed_ = true;
      return reader;
    } else if (const char* format = BinaryFormat(magic)) {
      std::fclose(stream);
      return IoError(path + ": " + format + ", not an article file (annalist reads JSONL, plain text and HTML, "
                     "or any of them compressed with gzip)");
    }
  }
  return std::unique_ptr<ArticleReader>(new ArticleReader(stream, true, path, options, kind));
}

std::unique_ptr<ArticleReader> ArticleReader::FromStream(std::FILE* stream, std::string name,
                                                         const ReaderOptions& options, InputKind kind) {
  return std::unique_ptr<ArticleReader>(new ArticleReader(stream, false, std::move(name), options, kind));
}

std::unique_ptr<ArticleReader> ArticleReader::FromString(std::string data, std::string name,
                                                         const ReaderOptions& options, InputKind kind) {
  std::unique_ptr<ArticleReader> reader(new ArticleReader(nullptr, true, std::move(name), options, kind));
  reader->memory_ = std::move(data);
  // fmemopen keeps one reading path for files and memory; the buffer lives in the reader.
  if (!reader->memory_.empty()) reader->stream_ = fmemopen(reader->memory_.data(), reader->memory_.size(), "r");
  if (reader->stream_ == nullptr) reader->eof_ = true;  // nothing to read
  return reader;
}

ArticleReader::ArticleReader(std::FILE* stream, bool owned, std::string name, const ReaderOptions& options,
                             InputKind kind)
    : json_(std::make_unique<Json>()),
      stream_(stream),
      owned_(owned),
      name_(std::move(name)),
      options_(options),
      kind_(kind),
      chunk_(kChunkBytes) {
  // A JSON line may spell its text with escapes ("\u00e9" is 6 bytes for 2), so the line
  // limit leaves room above the text limit; the text itself is checked after parsing.
  const size_t max = options_.max_article_bytes;
  line_cap_ = max > (std::numeric_limits<size_t>::max() - 65536) / 4 ? std::numeric_limits<size_t>::max()
                                                                     : 4 * max + 65536;
}

ArticleReader::~ArticleReader() {
  if (owned_ && stream_ != nullptr) std::fclose(stream_);
}

bool ArticleReader::FillChunk() {
  if (eof_) return false;
  size_t n = ReadSome(chunk_.data(), chunk_.size());
  chunk_pos_ = 0;
  chunk_end_ = n;
  if (n == 0) {
    eof_ = true;
    return false;
  }
  return true;
}

size_t ArticleReader::ReadSome(char* buffer, size_t size) {
  // A plain descriptor is read with read(2): it returns what a pipe or terminal has, where
  // fread would wait to fill the whole buffer (a run fed slowly would code nothing), and a
  // signal interrupts it (EINTR) so a stop is prompt. Streams without a descriptor (gzip
  // through fopencookie, test streams) go through fread.
  const int fd = fileno(stream_);
  if (fd >= 0) {
    ssize_t n = ::read(fd, buffer, size);
    if (n >= 0) return static_cast<size_t>(n);
    NoteReadError(errno);
    return 0;
  }
  size_t n = std::fread(buffer, 1, size, stream_);
  if (n == 0 && std::ferror(stream_)) NoteReadError(errno);
  return n;
}

void ArticleReader::NoteReadError(int saved) {
  if (!read_error_.empty()) return;
  read_error_ = std::string("read error: ") + (saved == 0 ? "unknown error" : std::strerror(saved));
  if (compressed_) read_error_ += " (corrupt or truncated gzip data)";
  if (saved == EBADF && stream_ == stdin) read_error_ += " (stdin is closed)";
}

void ArticleReader::DetectKind() {
  if (kind_ != InputKind::kAuto) return;
  // Look at the first non-space byte, keeping every byte read in chunk_ (it grows only
  // while the input is all whitespace, at most kSniffLimit).
  if (chunk_pos_ == chunk_end_) FillChunk();
  size_t scan = chunk_pos_;
  if (chunk_end_ - scan >= kBom.size() && std::string_view(&chunk_[scan], kBom.size()) == kBom) scan += kBom.size();
  for (;;) {
    while (scan < chunk_end_ && IsSpace(chunk_[scan])) ++scan;
    if (scan < chunk_end_) {
      std::string_view head(&chunk_[scan], chunk_end_ - scan);
      kind_ = head[0] == '{' ? InputKind::kJsonl : LooksLikeHtml(head) ? InputKind::kHtml : InputKind::kText;
      return;
    }
    if (eof_ || chunk_end_ - chunk_pos_ >= kSniffLimit) break;
    // Append the next read to what we have.
    size_t have = chunk_end_;
    chunk_.resize(std::max(chunk_.size(), have + kChunkBytes));
    size_t n = ReadSome(chunk_.data() + have, chunk_.size() - have);
    if (n == 0) {
      eof_ = true;
      break;
    }
    chunk_end_ += n;
  }
  kind_ = InputKind::kJsonl;  // only whitespace: nothing to read either way
}

bool ArticleReader::NextLine(bool* too_long, uint64_t* line_bytes) {
  line_.clear();
  *too_long = false;
  *line_bytes = 0;
  bool any = false;
  for (;;) {
    if (chunk_pos_ == chunk_end_ && !FillChunk()) {
      if (!any) return false;
      ++line_number_;
      break;
    }
    any = true;
    const char* begin = chunk_.data() + chunk_pos_;
    const size_t available = chunk_end_ - chunk_pos_;
    const void* newline = std::memchr(begin, '\n', available);
    size_t take = newline ? static_cast<const char*>(newline) - begin : available;
    *line_bytes += take;
    if (!*too_long) {
      if (line_.size() + take > line_cap_) {
        *too_long = true;
        line_.clear();
        line_.shrink_to_fit();
      } else {
        line_.append(begin, take);
      }
    }
    chunk_pos_ += take;
    if (newline) {
      ++chunk_pos_;
      ++line_number_;
      break;
    }
  }
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  return true;
}

ReadItem ArticleReader::Fail(ReadError* error, uint64_t line, std::string message) {
  error->input = name_;
  error->line = line;
  error->message = std::move(message);
  return ReadItem::kError;
}

ReadItem ArticleReader::Next(Document* doc, ReadError* error, GoldFields* gold) {
  DetectKind();
  ReadItem item = kind_ == InputKind::kJsonl ? NextJsonl(doc, error, gold)
                  : kind_ == InputKind::kHtml ? NextHtml(doc, error)
                                               : NextText(doc, error);
  if (read_error_.empty() || read_error_reported_) return item;
  // The stream failed: whatever was read last is not a record; report the failure once.
  read_error_reported_ = true;
  Fail(error, kind_ == InputKind::kJsonl ? line_number_ : 0, read_error_);
  error->io = true;
  return ReadItem::kError;
}

namespace {

void ResetDocument(Document* doc, const CodingOptions& defaults) {
  doc->id.clear();
  doc->date = 0;
  doc->title.clear();
  doc->source.clear();
  doc->url.clear();
  doc->input.clear();
  doc->text.clear();
  doc->options = defaults;
  doc->tokens.clear();
  doc->sentences.clear();
  doc->warnings.clear();
}

// Reads an option object ({"require_dyad": "False", "comma_max": 4, ...}) into *options.
std::string ReadOptions(simdjson::dom::element value, const char* field, CodingOptions* options) {
  simdjson::dom::object object;
  if (value.is_null()) return "";
  if (value.get(object) != simdjson::SUCCESS) return std::string("\"") + field + "\" is not an object";
  for (auto [key, option] : object) {
    std::string text;
    switch (option.type()) {
      case simdjson::dom::element_type::BOOL:
        text = bool(option.get_bool()) ? "true" : "false";
        break;
      case simdjson::dom::element_type::INT64:
        text = std::to_string(int64_t(option.get_int64()));
        break;
      case simdjson::dom::element_type::UINT64:
        text = std::to_string(uint64_t(option.get_uint64()));
        break;
      case simdjson::dom::element_type::STRING:
        text = std::string(std::string_view(option.get_string()));
        break;
      case simdjson::dom::element_type::NULL_VALUE:
        continue;
      default:
        return std::string("\"") + field + "\": option " + std::string(key) + " has a value of the wrong type";
    }
    std::string message = SetCodingOption(key, text, options);
    if (!message.empty()) return std::string("\"") + field + "\": " + message;
  }
  return "";
}

// Reads an optional string field; numbers are accepted as their text (ids are sometimes numbers).
bool ReadStringLike(simdjson::dom::element value, std::string* out) {
  switch (value.type()) {
    case simdjson::dom::element_type::STRING:
      *out = std::string(std::string_view(value.get_string()));
      return true;
    case simdjson::dom::element_type::INT64:
      *out = std::to_string(int64_t(value.get_int64()));
      return true;
    case simdjson::dom::element_type::UINT64:
      *out = std::to_string(uint64_t(value.get_uint64()));
      return true;
    case simdjson::dom::element_type::NULL_VALUE:
      out->clear();
      return true;
    default:
      return false;
  }
}

std::string ReadExpected(simdjson::dom::element value, std::vector<Triple>* expected) {
  expected->clear();
  if (value.is_null()) return "";
  simdjson::dom::array array;
  if (value.get(array) != simdjson::SUCCESS) return "\"expected\" is not a list";
  for (simdjson::dom::element item : array) {
    simdjson::dom::object object;
    if (item.get(object) != simdjson::SUCCESS) return "\"expected\" holds a non-object";
    Triple triple;
    for (auto [key, field] : object) {
      std::string* out = key == "source" ? &triple.source
                         : key == "target" ? &triple.target
                         : key == "code"   ? &triple.code
                                           : nullptr;
      if (out != nullptr && !ReadStringLike(field, out)) {
        return "\"expected\": " + std::string(key) + " is not a string";
      }
    }
    if (triple.code.empty()) return "\"expected\": an event without a code";
    expected->push_back(std::move(triple));
  }
  return "";
}

}  // namespace

ReadItem ArticleReader::NextJsonl(Document* doc, ReadError* error, GoldFields* gold) {
  for (;;) {
    bool too_long;
    uint64_t line_bytes;
    if (!NextLine(&too_long, &line_bytes)) return ReadItem::kEnd;
    const uint64_t line = line_number_;
    if (too_long) {
      ++records_;
      return Fail(error, line, TooLargeMessage(line_bytes, options_.max_article_bytes, "record"));
    }
    std::string_view record = line_;
    if (line == 1 && record.substr(0, kBom.size()) == kBom) record.remove_prefix(kBom.size());
    if (IsBlank(record)) continue;  // blank lines hold no record
    ++records_;

    if (const void* nul = std::memchr(record.data(), 0, record.size())) {
      return Fail(error, line,
                  "binary data: NUL byte at column " +
                      std::to_string(static_cast<const char*>(nul) - record.data() + 1));
    }
    if (!simdjson::validate_utf8(record.data(), record.size())) {
      return Fail(error, line, "invalid UTF-8 at column " + std::to_string(FindInvalidUtf8(record) + 1));
    }
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: give it padding in line_.
    const size_t offset = record.data() - line_.data();
    const size_t length = record.size();
    line_.append(simdjson::SIMDJSON_PADDING, '\0');
    record = std::string_view(line_.data() + offset, length);

    simdjson::dom::element root;
    auto parse_error = json_->parser.parse(record.data(), record.size(), false).get(root);
    if (parse_error == simdjson::NUMBER_ERROR && QuoteLargeNumbers(record, &quoted_)) {
      parse_error = json_->parser.parse(quoted_.data(), quoted_.size() - simdjson::SIMDJSON_PADDING, false).get(root);
    }
    if (parse_error != simdjson::SUCCESS) {
      return Fail(error, line, std::string("broken JSON: ") + simdjson::error_message(parse_error));
    }
    simdjson::dom::object object;
    if (root.get(object) != simdjson::SUCCESS) return Fail(error, line, "record is not a JSON object");

    ResetDocument(doc, options_.defaults);
    if (gold != nullptr) *gold = GoldFields();
    bool has_text = false;
    simdjson::dom::element options_value, config_value;
    bool has_options = false, has_config = false;
    for (auto [key, value] : object) {
      if (key == "text") {
        std::string_view text;
        if (value.get(text) != simdjson::SUCCESS) return Fail(error, line, "\"text\" is not a string");
        if (text.size() > options_.max_article_bytes) {
          return Fail(error, line, TooLargeMessage(text.size(), options_.max_article_bytes, "article text"));
        }
        doc->text.assign(text);
        has_text = true;
      } else if (key == "id") {
        if (!ReadStringLike(value, &doc->id)) return Fail(error, line, "\"id\" is not a string");
      } else if (key == "date") {
        // A malformed date does not cost the article: it is coded with the date unknown
        // (dated actor roles then take their undated code) and the reader warns.
        std::string date_text;
        if (!ReadStringLike(value, &date_text) || !ParseDate(date_text, &doc->date)) {
          doc->date = 0;
          doc->warnings.push_back("\"date\" " + (date_text.empty() ? std::string("value") : "'" + date_text + "'") +
                                  " is not a date (YYYY-MM-DD, YYYYMMDD, YYMMDD, an ISO-8601 timestamp, \"Nov. 6, 2023\", \"6 November 2023\" or RFC 2822); coded with the date unknown");
        }
      } else if (key == "title" || key == "source" || key == "url") {
        std::string* out = key == "title" ? &doc->title : key == "source" ? &doc->source : &doc->url;
        if (!ReadStringLike(value, out)) return Fail(error, line, "\"" + std::string(key) + "\" is not a string");
      } else if (key == "options") {
        options_value = value;
        has_options = true;
      } else if (key == "config" && options_.gold) {
        config_value = value;
        has_config = true;
      } else if (gold != nullptr && key == "expected") {
        std::string message = ReadExpected(value, &gold->expected);
        if (!message.empty()) return Fail(error, line, message);
      } else if (gold != nullptr && key == "evaluate") {
        bool evaluate;
        std::string_view text;
        if (value.get(evaluate) == simdjson::SUCCESS) {
          gold->evaluate = evaluate;
        } else if (value.get(text) == simdjson::SUCCESS && (EqualsIgnoreCase(text, "true") || EqualsIgnoreCase(text, "false"))) {
          gold->evaluate = EqualsIgnoreCase(text, "true");
        } else if (!value.is_null()) {
          return Fail(error, line, "\"evaluate\" is not true or false");
        }
      } else if (gold != nullptr && key == "seq") {
        int64_t seq;
        if (value.get(seq) == simdjson::SUCCESS) gold->seq = seq;
      }
    }
    if (!has_text) return Fail(error, line, "record has no \"text\"");
    if (IsBlank(doc->text)) return Fail(error, line, "article text is empty");
    // Config (gold) first, then the article's own options on top.
    if (has_config) {
      std::string message = ReadOptions(config_value, "config", &doc->options);
      if (!message.empty()) return Fail(error, line, message);
    }
    if (has_options) {
      std::string message = ReadOptions(options_value, "options", &doc->options);
      if (!message.empty()) return Fail(error, line, message);
    }
    doc->input = name_ + ":" + std::to_string(line);
    if (doc->id.empty()) doc->id = ArticleIdFromText(doc->text);
    return ReadItem::kArticle;
  }
}

ReadItem ArticleReader::NextText(Document* doc, ReadError* error) {
  if (text_done_) return ReadItem::kEnd;
  text_done_ = true;
  ++records_;
  ResetDocument(doc, options_.defaults);
  std::string& text = doc->text;
  for (;;) {
    if (chunk_pos_ == chunk_end_ && !FillChunk()) break;
    size_t take = chunk_end_ - chunk_pos_;
    if (text.size() + take > options_.max_article_bytes) {
      // Stop at the limit: the rest of a text input is this same article, and an endless
      // input (/dev/zero, a pipe) must not be read for ever to count its size.
      text.clear();
      text.shrink_to_fit();
      return Fail(error, 1, "article text is more than " + std::to_string(options_.max_article_bytes) +
                                " bytes, larger than the limit (--max-article-bytes); the rest of the input is not read");
    }
    text.append(chunk_.data() + chunk_pos_, take);
    chunk_pos_ = chunk_end_;
  }
  if (std::string_view(text).substr(0, kBom.size()) == kBom) text.erase(0, kBom.size());
  if (const void* nul = std::memchr(text.data(), 0, text.size())) {
    size_t at = static_cast<const char*>(nul) - text.data();
    return Fail(error, LineOfOffset(text, at), "binary data: NUL byte at byte " + std::to_string(at));
  }
  if (!simdjson::validate_utf8(text.data(), text.size())) {
    size_t at = FindInvalidUtf8(text);
    return Fail(error, LineOfOffset(text, at), "invalid UTF-8 at byte " + std::to_string(at));
  }
  if (IsBlank(text)) return Fail(error, 1, "article text is empty");
  doc->id = ArticleIdFromText(text);
  doc->input = name_;
  return ReadItem::kArticle;
}

ReadItem ArticleReader::NextHtml(Document* doc, ReadError* error) {
  ReadItem item = NextText(doc, error);
  if (item != ReadItem::kArticle) return item;
  HtmlArticle page;
  std::string problem;
  if (!ExtractHtmlArticle(doc->text, &page, &problem)) return Fail(error, 1, problem);
  if (IsBlank(page.text)) return Fail(error, 1, "HTML page without article text");
  doc->text = std::move(page.text);
  doc->title = std::move(page.title);
  doc->url = std::move(page.url);
  doc->source = std::move(page.publisher);
  doc->id = ArticleIdFromText(doc->text);
  if (!page.published.empty()) {
    // "2023-11-06T08:15:00Z", "2023-11-06": the calendar day as written on the page.
    std::string_view published = page.published;
    if (published.size() > 10 && published[4] == '-' && published[7] == '-') published = published.substr(0, 10);
    if (!ParseDate(published, &doc->date)) {
      doc->date = 0;
      doc->warnings.push_back("publication date '" + page.published + "' of the page is not a date; coded with the date unknown");
    }
  }
  return ReadItem::kArticle;
}

}  // namespace annalist
