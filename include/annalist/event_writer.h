// Event serialisation (docs/output.md): JSON lines, one object per event with fields in a
// fixed order, or a tab-separated table. Pure functions of their arguments, thread-safe.
//
//   std::string out;                                   // reused across calls
//   for (const Event& e : events) annalist::AppendEventJson(doc, e, &out);
//   annalist::EventWriter writer(stdout);             // or buffer and write yourself
//   writer.Write(doc, events);
//
// `doc` supplies the text behind the spans (sentence, verb). Input text is valid UTF-8
// (the reader checks it); JSON escaping covers quotes, backslash and control characters.
#ifndef ANNALIST_EVENT_WRITER_H_
#define ANNALIST_EVENT_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "annalist/event.h"

namespace annalist {

// Appends `text` as a JSON string literal (with quotes).
void AppendJsonString(std::string_view text, std::string* out);

// Stable id of an event: FNV-1a 64 over the article id, sentence index, source, target and
// event codes and the byte spans of verb, source and target, as 16 lower-case hex digits.
// Never the file path: the same article coded again (any path, any thread count) gives the
// same ids.
std::string EventId(const Event& event);

// `version`, when not empty, is written in every event ("0.4.0+kb.70956f5b": annalist and
// its knowledge base), so a file says what made it.

// Appends one event as a JSON object and a '\n'.
void AppendEventJson(const Document& doc, const Event& event, std::string* out, std::string_view version = {});

// Tables (src/io/event_table.cc): TSV and CSV share one header and their columns (a
// GDELT-like row: date, actors, code, root, QuadClass, Goldstein, PLOVER, provenance, then
// the article and the version). RFC 4180 quoting: a field holding the separator or a
// double quote is quoted, inner quotes doubled; line breaks and tabs inside text
// become spaces, so one event is one line. CSV lines end in CRLF (RFC 4180), TSV in LF.
void AppendEventTsv(const Document& doc, const Event& event, std::string* out, std::string_view version = {});
void AppendEventCsv(const Document& doc, const Event& event, std::string* out, std::string_view version = {});
// The GDELT 2.0 event table: its 61 columns in order, tab-separated, no header, codes as
// strings, empty where annalist has nothing (docs/output.md, field by field).
void AppendEventGdelt(const Document& doc, const Event& event, std::string* out);

// Output formats of `annalist code --format` and of the batch coder (annalist/batch.h).
enum class EventFormat { kJsonl, kTsv, kCsv, kGdelt };

// Parses "jsonl" / "tsv" / "csv" / "gdelt"; false if unknown.
bool ParseEventFormat(std::string_view name, EventFormat* format);

// The header line that starts an output in `format` ("" when it has none: JSON lines, GDELT).
std::string_view EventFormatHeader(EventFormat format);

// Appends one event in `format` (one line, with its line end).
void AppendEvent(EventFormat format, const Document& doc, const Event& event, std::string* out,
                 std::string_view version = {});

// Buffers event lines and writes them to a stream in large chunks.
class EventWriter {
 public:
  explicit EventWriter(std::FILE* stream) : stream_(stream) {}
  ~EventWriter() { Flush(); }
  void Write(const Document& doc, const std::vector<Event>& events);
  // Writes already formatted lines.
  void WriteRaw(std::string_view lines);
  // Returns false if the stream reported a write error.
  bool Flush();

 private:
  std::FILE* stream_;
  std::string buffer_;
  bool failed_ = false;
};

}  // namespace annalist

#endif  // ANNALIST_EVENT_WRITER_H_
