// ArticleReader: articles from JSONL, plain text or stdin, one at a time, with located
// errors for every record that cannot be read.
//
//   annalist::ReaderOptions options;                    // max_article_bytes = 2 MiB
//   auto reader = annalist::ArticleReader::Open("news.jsonl", options);  // "-" = stdin
//   // or: annalist::ArticleReader::FromString(jsonl_lines, "batch-7", options)
//   if (!reader.ok()) ...;                              // the file could not be opened
//   annalist::Document doc;
//   annalist::ReadError error;
//   for (;;) {
//     auto item = (*reader)->Next(&doc, &error);
//     if (item == annalist::ReadItem::kEnd) break;
//     if (item == annalist::ReadItem::kError) { report error.input:error.line; continue; }
//     ... code doc ...
//   }
//
// Input kinds: JSONL (one article per line: `text`, optional `id`, `date` as YYYY-MM-DD,
// YYYYMMDD or an integer, `title`, `source`, `url`, `options` overriding CodingOptions by
// PETRARCH names), plain text (the whole file is one article, date 0), HTML pages (main
// text and metadata extracted, io/html_article.h). Files named *.jsonl / *.ndjson are JSONL,
// *.txt text, *.html / *.htm HTML; otherwise (and on stdin) the input is JSONL when its
// first non-space byte is '{', HTML when it starts like a page, text else. A file named
// *.gz or starting with the gzip magic is decompressed (zlib) and its kind taken from the
// name without .gz and the content. Known binary formats (PDF, ZIP, images, executables)
// are refused with one located error naming the format.
//
// Article ids: a record without `id`, a text file and an HTML page get "text:" and 16 hex
// digits of a hash of their text (ArticleIdFromText): the same article under another path
// or name keeps its id (so do its events' ids), and two files of one base name in different
// folders do not collide. `Document::input` keeps where it came from ("news.jsonl:12",
// "story.txt").
//
// Read errors (a directory opened as a file, a closed stdin, a corrupt .gz) are not end of
// input: Next returns one kError with `io` set, then kEnd.
//
// Streaming: a JSONL file is read line by line through a reused buffer (fread), so a
// multi-GB file never sits in memory; a line longer than the limit is skipped, not stored.
// Each bad record gives one ReadError {input, line, message}; reading goes on after it.
//
// Gold mode (for `annalist eval`): the coding options come from `config` (values may be
// strings such as "False" or "4"), and `expected`, `evaluate` and `seq` are read into a
// GoldFields.
//
// Not thread-safe; one reader per input.
#ifndef ANNALIST_ARTICLE_READER_H_
#define ANNALIST_ARTICLE_READER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "annalist/options.h"
#include "annalist/status.h"
#include "annalist/triple.h"

namespace annalist {

struct ReaderOptions {
  size_t max_article_bytes = size_t{2} << 20;  // 2 MiB of article text
  CodingOptions defaults;                      // options an article starts with
  bool gold = false;                           // read eval gold records (see above)
};

struct ReadError {
  std::string input;  // file name, or "-" for stdin
  uint64_t line = 0;  // 1-based line of the record (for a text file: where the fault is)
  std::string message;
  bool io = false;  // the input could not be read (not a bad record): exit status 3
};

// Fields of an eval gold record beyond the article itself.
struct GoldFields {
  int64_t seq = -1;                // -1 when absent
  bool evaluate = true;
  std::vector<Triple> expected;
};

enum class ReadItem { kEnd, kArticle, kError };

enum class InputKind { kAuto, kJsonl, kText, kHtml };

class ArticleReader {
 public:
  // Opens `path` ("-" = stdin). Fails only if the file cannot be opened.
  static Result<std::unique_ptr<ArticleReader>> Open(const std::string& path, const ReaderOptions& options,
                                                     InputKind kind = InputKind::kAuto);
  // Reads from an already open stream, not closed by the reader (tests, stdin).
  static std::unique_ptr<ArticleReader> FromStream(std::FILE* stream, std::string name, const ReaderOptions& options,
                                                   InputKind kind = InputKind::kAuto);
  // Reads records held in memory (a chunk of JSONL lines, or one text article); `name`
  // stands for the file name in errors and in the ids of records without one ("NAME:LINE").
  static std::unique_ptr<ArticleReader> FromString(std::string data, std::string name, const ReaderOptions& options,
                                                   InputKind kind = InputKind::kAuto);
  ~ArticleReader();

  // Next record: fills *doc (all fields reset, layers cleared) and returns kArticle, or
  // fills *error and returns kError, or returns kEnd. `gold` may be null outside gold mode.
  // Problems that do not cost the article (a malformed date) are left in doc->warnings.
  ReadItem Next(Document* doc, ReadError* error, GoldFields* gold = nullptr);

  // Line of the record last returned (1 for a plain text file).
  uint64_t line() const { return kind_ == InputKind::kText ? 1 : line_number_; }

  // Number of records read so far (articles + errors).
  uint64_t records() const { return records_; }

 private:
  ArticleReader(std::FILE* stream, bool owned, std::string name, const ReaderOptions& options, InputKind kind);
  bool FillChunk();
  size_t ReadSome(char* buffer, size_t size);  // 0 at the end or on a read error
  void NoteReadError(int error_number);        // keeps the first read error's reason
  ReadItem NextHtml(Document* doc, ReadError* error);
  // Next line into line_ (without '\n' and a trailing '\r'); false at end of input. When
  // the line is longer than the cap, its bytes are counted into *line_bytes but dropped.
  bool NextLine(bool* too_long, uint64_t* line_bytes);
  void DetectKind();
  ReadItem NextJsonl(Document* doc, ReadError* error, GoldFields* gold);
  ReadItem NextText(Document* doc, ReadError* error);
  ReadItem Fail(ReadError* error, uint64_t line, std::string message);

  struct Json;  // simdjson parser, kept out of this header
  std::unique_ptr<Json> json_;

  std::FILE* stream_;
  bool owned_;
  std::string name_;
  ReaderOptions options_;
  InputKind kind_;
  bool eof_ = false;
  std::string read_error_;  // why the stream failed; reported once, then kEnd
  bool read_error_reported_ = false;
  bool compressed_ = false;  // reading through zlib
  bool text_done_ = false;
  uint64_t line_number_ = 0;
  uint64_t records_ = 0;
  size_t line_cap_;
  std::vector<char> chunk_;
  size_t chunk_pos_ = 0, chunk_end_ = 0;
  std::string line_;  // reused; capacity kept for simdjson padding
  std::string quoted_;  // a record with its too-large numbers quoted (QuoteLargeNumbers)
  std::string memory_;  // the input of FromString, read through fmemopen
};

// Parses a story date into YYYYMMDD: YYYY-MM-DD, YYYYMMDD, YYMMDD, or what ParseStoryDate
// (annotate/dates.h) reads: ISO-8601 timestamps, "Nov. 6, 2023", "6 November 2023", RFC 2822.
// False if malformed. "" -> 0.
bool ParseDate(std::string_view text, int32_t* date);

// Sets one CodingOptions field by its PETRARCH name from a textual value ("True", "4").
// Returns an error message, or "" on success.
std::string SetCodingOption(std::string_view name, std::string_view value, CodingOptions* options);

// "text:" + 16 hex digits of FNV-1a 64 over `text`: the id of an article without one.
std::string ArticleIdFromText(std::string_view text);

// Byte offset of the first invalid UTF-8 sequence in `text`, or npos if valid.
size_t FindInvalidUtf8(std::string_view text);

}  // namespace annalist

#endif  // ANNALIST_ARTICLE_READER_H_
