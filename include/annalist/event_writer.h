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

// Stable id of an event: FNV-1a 64 over doc_id|sentence_index|source|target|code|verb span,
// as 16 lower-case hex digits.
std::string EventId(const Event& event);

// Appends one event as a JSON object and a '\n'.
void AppendEventJson(const Document& doc, const Event& event, std::string* out);

// Tab-separated export, one event per line, columns as in kEventTsvHeader (a GDELT-like
// row: date, actors, code, root, QuadClass, Goldstein, PLOVER, then provenance). Tabs and
// newlines inside text fields become spaces.
extern const char kEventTsvHeader[];
void AppendEventTsv(const Document& doc, const Event& event, std::string* out);

// Output formats of `annalist code --format` and of the batch coder (annalist/batch.h).
enum class EventFormat { kJsonl, kTsv };

// Parses "jsonl" / "tsv"; false if unknown.
bool ParseEventFormat(std::string_view name, EventFormat* format);

// The header line that starts an output in `format` ("" when it has none).
std::string_view EventFormatHeader(EventFormat format);

// Appends one event in `format` (one line, with its '\n').
void AppendEvent(EventFormat format, const Document& doc, const Event& event, std::string* out);

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
