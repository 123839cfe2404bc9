#include "annalist/event_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <utility>

#include "core/fnv.h"

namespace annalist {

namespace {

constexpr size_t kFlushBytes = size_t{1} << 18;

void AppendUint(uint64_t value, std::string* out) {
  char digits[24];
  auto result = std::to_chars(digits, digits + sizeof digits, value);
  out->append(digits, result.ptr);
}

void AppendDouble(double value, std::string* out) {
  if (!std::isfinite(value)) {  // JSON has no NaN or infinity
    out->append("null");
    return;
  }
  char digits[32];
  auto result = std::to_chars(digits, digits + sizeof digits, value);  // shortest round-trip form
  out->append(digits, result.ptr);
}

// Appends `,"key":` in one copy (the key is a literal; its length is known at compile time).
template <size_t N>
void AppendKey(const char (&key)[N], std::string* out) {
  char buffer[N + 4];
  buffer[0] = ',';
  buffer[1] = '"';
  std::memcpy(buffer + 2, key, N - 1);
  buffer[N + 1] = '"';
  buffer[N + 2] = ':';
  out->append(buffer, N + 3);
}

void AppendStringOrNull(std::string_view text, std::string* out) {
  if (text.empty()) {
    out->append("null");
  } else {
    AppendJsonString(text, out);
  }
}

// The document text behind `span`, or "" when the span does not fit the text.
std::string_view SafeSlice(const Document& doc, Span span) {
  if (span.begin > span.end || span.end > doc.text.size()) return {};
  return std::string_view(doc.text).substr(span.begin, span.end - span.begin);
}

void AppendSpan(Span span, std::string* out) {
  out->push_back('[');
  AppendUint(span.begin, out);
  out->push_back(',');
  AppendUint(span.end, out);
  out->push_back(']');
}

template <size_t N>
void AppendActor(const char (&key)[N], const ActorRef& actor, std::string* out) {
  if (actor.code.empty() && actor.text.empty()) return;
  AppendKey(key, out);
  out->append("{\"code\":");
  AppendStringOrNull(actor.code, out);
  out->append(",\"text\":");
  AppendJsonString(actor.text, out);
  if (!actor.span.empty()) {
    out->append(",\"span\":");
    AppendSpan(actor.span, out);
  }
  if (!actor.name.empty()) {
    out->append(",\"name\":");
    AppendJsonString(actor.name, out);
  }
  if (!actor.how.empty()) {
    out->append(",\"how\":");
    AppendJsonString(actor.how, out);
  }
  if (!actor.country_how.empty()) {
    out->append(",\"country_how\":");
    AppendJsonString(actor.country_how, out);
  }
  out->push_back('}');
}

void AppendDate(int32_t date, std::string* out) {
  if (date <= 0) {
    out->append("null");
    return;
  }
  int year = date / 10000, month = date / 100 % 100, day = date % 100;
  if (year > 9999) {
    char text[24];
    int n = std::snprintf(text, sizeof text, "\"%04d-%02d-%02d\"", year, month, day);
    out->append(text, n);
    return;
  }
  // "YYYY-MM-DD" by hand: written three times per event (date, event_date, published).
  char text[12] = {'"', static_cast<char>('0' + year / 1000), static_cast<char>('0' + year / 100 % 10),
                   static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10), '-',
                   static_cast<char>('0' + month / 10), static_cast<char>('0' + month % 10), '-',
                   static_cast<char>('0' + day / 10), static_cast<char>('0' + day % 10), '"'};
  out->append(text, sizeof text);
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(text.data() + run_start, i - run_start);
    run_start = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default: {
        char escape[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(escape, 6);
      }
    }
  }
  out->append(text.data() + run_start, text.size() - run_start);
  out->push_back('"');
}

std::string EventId(const Event& event) {
  uint64_t hash = kFnv1aOffset;
  auto mix = [&hash](std::string_view bytes) { hash = Fnv1a(bytes, hash); };
  auto mix_number = [&mix](uint64_t value) {
    char digits[24];
    auto result = std::to_chars(digits, digits + sizeof digits, value);
    mix(std::string_view(digits, result.ptr - digits));
  };
  auto mix_span = [&mix, &mix_number](Span span) {
    mix("|");
    mix_number(span.begin);
    mix("-");
    mix_number(span.end);
  };
  // The article's id (never a path), where in it (sentence, the words of the source, verb
  // and target) and what (codes): re-coding the same article gives the same ids.
  mix(event.doc_id);
  mix("|");
  mix_number(event.sentence_index);
  mix("|");
  mix(event.source.code);
  mix("|");
  mix(event.target.code);
  mix("|");
  mix(event.code);
  mix_span(event.verb);
  mix_span(event.source.span);
  mix_span(event.target.span);
  return Hex16(hash);
}

void AppendEventJson(const Document& doc, const Event& event, std::string* out, std::string_view version) {
  out->append("{\"doc_id\":");
  AppendJsonString(event.doc_id, out);
  AppendKey("sentence_index", out);
  AppendUint(event.sentence_index, out);
  AppendKey("source", out);
  AppendStringOrNull(event.source.code, out);
  AppendKey("target", out);
  AppendStringOrNull(event.target.code, out);
  AppendKey("code", out);
  AppendJsonString(event.code, out);
  AppendKey("root", out);
  AppendStringOrNull(event.root, out);
  AppendKey("quad_class", out);
  if (event.quad_class > 0) {
    AppendUint(event.quad_class, out);
  } else {
    out->append("null");
  }
  AppendKey("goldstein", out);
  if (event.root.empty()) {
    out->append("null");  // no CAMEO meaning, no Goldstein value
  } else {
    AppendDouble(event.goldstein, out);
  }
  AppendKey("plover", out);
  AppendStringOrNull(event.plover, out);
  AppendKey("date", out);
  AppendDate(event.date, out);
  if (event.event_date > 0) {  // where/when (src/annotate/dates): only when resolved
    AppendKey("event_date", out);
    AppendDate(event.event_date, out);
    AppendKey("date_precision", out);
    AppendJsonString(event.date_precision, out);
    if (!event.date_text.empty()) {
      AppendKey("date_text", out);
      AppendJsonString(event.date_text, out);
      AppendKey("date_span", out);
      AppendSpan(event.date_span, out);
    }
    AppendKey("date_how", out);
    AppendJsonString(event.date_how, out);
  }
  // Which report: the article's id and metadata, the same keys on every event.
  AppendKey("article", out);
  out->append("{\"id\":");
  AppendJsonString(doc.id, out);
  out->append(",\"url\":");
  AppendStringOrNull(doc.url, out);
  out->append(",\"publisher\":");
  AppendStringOrNull(doc.source, out);
  out->append(",\"title\":");
  AppendStringOrNull(doc.title, out);
  out->append(",\"published\":");
  AppendDate(doc.date, out);
  if (!doc.input.empty()) {
    out->append(",\"input\":");
    AppendJsonString(doc.input, out);
  }
  out->push_back('}');
  if (!version.empty()) {
    AppendKey("version", out);
    AppendJsonString(version, out);
  }

  // Provenance.
  if (!event.sentence.empty()) {
    AppendKey("sentence", out);
    AppendJsonString(SafeSlice(doc, event.sentence), out);
  }
  AppendActor("source_actor", event.source, out);
  AppendActor("target_actor", event.target, out);
  if (!event.verb.empty()) {
    AppendKey("verb", out);
    out->append("{\"text\":");
    AppendJsonString(SafeSlice(doc, event.verb), out);
    out->append(",\"span\":");
    AppendSpan(event.verb, out);
    out->push_back('}');
  }
  if (!event.rule.empty()) {
    AppendKey("rule", out);
    AppendJsonString(event.rule, out);
  }
  if (!event.attributed_to.empty()) {
    AppendKey("attributed_to", out);
    AppendJsonString(event.attributed_to, out);
  }
  AppendKey("negated", out);
  out->append(event.negated ? "true" : "false");
  if (event.one_sided) {
    AppendKey("one_sided", out);
    out->append("true");
  }
  if (!event.modality.empty()) {
    AppendKey("modality", out);
    AppendJsonString(event.modality, out);
  }
  if (!event.clause.empty()) {  // the clause type of the event's verb (issue 7)
    AppendKey("clause", out);
    AppendJsonString(event.clause, out);
  }
  if (!event.location.text.empty() || !event.location.id.empty()) {  // only when a place was found
    const Event::Location& location = event.location;
    AppendKey("location", out);
    out->append("{\"text\":");
    AppendStringOrNull(location.text, out);
    if (!location.span.empty()) {
      out->append(",\"span\":");
      AppendSpan(location.span, out);
    }
    out->append(",\"code\":");
    AppendStringOrNull(location.code, out);
    out->append(",\"how\":");
    AppendJsonString(location.how, out);
    if (!location.id.empty()) {  // resolved against the gazetteer (src/geo/locate)
      out->append(",\"name\":");
      AppendJsonString(location.name, out);
      out->append(",\"country\":");
      AppendStringOrNull(location.country, out);
      out->append(",\"admin1\":");
      AppendStringOrNull(location.admin1, out);
      out->append(",\"lat\":");
      if (location.has_coordinates) AppendDouble(location.lat, out); else out->append("null");
      out->append(",\"lon\":");
      if (location.has_coordinates) AppendDouble(location.lon, out); else out->append("null");
      out->append(",\"gazetteer_id\":");
      AppendJsonString(location.id, out);
      out->append(",\"precision\":");
      AppendJsonString(location.precision, out);
    }
    out->push_back('}');
  }
  if (event.confidence > 0) {  // provenance field: present only when the coder set it
    AppendKey("confidence", out);
    AppendDouble(event.confidence, out);
  }
  if (!event.issues.empty()) {  // only with an issues dictionary (--issues)
    AppendKey("issues", out);
    out->push_back('[');
    for (size_t i = 0; i < event.issues.size(); ++i) {
      if (i > 0) out->push_back(',');
      out->append("{\"code\":");
      AppendJsonString(event.issues[i].first, out);
      out->append(",\"count\":");
      AppendUint(static_cast<uint32_t>(std::max(event.issues[i].second, 0)), out);
      out->push_back('}');
    }
    out->push_back(']');
  }
  AppendKey("event_id", out);
  out->push_back('"');
  out->append(EventId(event));
  out->append("\"}\n");
}

bool ParseEventFormat(std::string_view name, EventFormat* format) {
  static constexpr std::pair<std::string_view, EventFormat> kNames[] = {
      {"jsonl", EventFormat::kJsonl}, {"tsv", EventFormat::kTsv}, {"csv", EventFormat::kCsv},
      {"gdelt", EventFormat::kGdelt}};
  for (const auto& [known, value] : kNames) {
    if (name == known) {
      *format = value;
      return true;
    }
  }
  return false;
}

void AppendEvent(EventFormat format, const Document& doc, const Event& event, std::string* out,
                 std::string_view version) {
  switch (format) {
    case EventFormat::kJsonl: AppendEventJson(doc, event, out, version); break;
    case EventFormat::kTsv: AppendEventTsv(doc, event, out, version); break;
    case EventFormat::kCsv: AppendEventCsv(doc, event, out, version); break;
    case EventFormat::kGdelt: AppendEventGdelt(doc, event, out); break;
  }
}

void EventWriter::Write(const Document& doc, const std::vector<Event>& events) {
  for (const Event& event : events) {
    AppendEventJson(doc, event, &buffer_);
    if (buffer_.size() >= kFlushBytes) Flush();
  }
}

void EventWriter::WriteRaw(std::string_view lines) {
  if (buffer_.size() + lines.size() >= kFlushBytes) {
    Flush();
    if (lines.size() >= kFlushBytes) {
      if (std::fwrite(lines.data(), 1, lines.size(), stream_) != lines.size()) failed_ = true;
      return;
    }
  }
  buffer_.append(lines);
}

bool EventWriter::Flush() {
  if (!buffer_.empty()) {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), stream_) != buffer_.size()) failed_ = true;
    buffer_.clear();
  }
  if (std::fflush(stream_) != 0) failed_ = true;
  return !failed_;
}

}  // namespace annalist
