// Tables of events (docs/output.md): TSV and CSV with one header line and the same
// columns, and the GDELT 2.0 event table layout (61 columns, no header).
//
// Quoting (both TSV and CSV, RFC 4180 section 2): a field holding the separator, a double
// quote, CR or LF is written in double quotes with each inner quote doubled. Line breaks
// and tabs inside text (a sentence spanning lines) become spaces first, so every event is exactly
// one line: line tools (wc, head, split) and --resume count events by lines. Python's csv
// module, pandas.read_csv and R's readr read these files back unchanged (tests/formats_test).
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

#include "annalist/event_writer.h"
#include "annalist/gazetteer.h"
#include "geo/gdelt_codes.h"

namespace annalist {

namespace {

// Appends `text` as one field: line breaks and tabs to spaces, quoted when needed.
void AppendField(std::string_view text, char separator, std::string* out) {
  // Line breaks and tabs become spaces below (so TSV and CSV hold the same values), and only
  // the separator and the quote itself call for quoting.
  const bool quote = text.find(separator) != std::string_view::npos || text.find('"') != std::string_view::npos;
  if (quote) out->push_back('"');
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out->push_back(' ');
    } else {
      if (c == '"') out->push_back('"');
      out->push_back(c);
    }
  }
  if (quote) out->push_back('"');
}

std::string_view SafeSlice(const Document& doc, Span span) {
  if (span.begin > span.end || span.end > doc.text.size()) return {};
  return std::string_view(doc.text).substr(span.begin, span.end - span.begin);
}

// "2023-11-06" or "" (YYYYMMDD in).
std::string IsoDate(int32_t date) {
  if (date <= 0) return "";
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
  return text;
}

std::string Number(const char* format, double value) {
  char text[32];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// Calls emit(field) for every column of the TSV/CSV table, in kEventTableColumns order.
template <typename Emit>
void ForEachTableField(const Document& doc, const Event& event, std::string_view version, Emit emit) {
  emit(EventId(event));
  emit(event.doc_id);
  emit(std::to_string(event.sentence_index));
  emit(IsoDate(event.date));
  emit(event.source.code);
  emit(event.target.code);
  emit(event.code);
  emit(event.root);
  emit(event.quad_class > 0 ? std::to_string(event.quad_class) : "");
  emit(event.root.empty() ? "" : Number("%g", event.goldstein));
  emit(event.plover);
  emit(event.source.text);
  emit(SafeSlice(doc, event.verb));
  emit(event.target.text);
  emit(event.attributed_to);
  emit(event.negated ? "1" : "0");
  emit(event.modality);
  emit(event.confidence > 0 ? Number("%.3f", event.confidence) : "");
  emit(event.rule);
  emit(IsoDate(event.event_date));  // where and when (src/annotate, src/geo): empty when unresolved
  emit(event.date_precision);
  emit(event.date_text);
  const Event::Location& location = event.location;
  emit(location.name);
  emit(location.country);
  emit(location.admin1);
  emit(location.has_coordinates ? Number("%.5f", location.lat) : "");
  emit(location.has_coordinates ? Number("%.5f", location.lon) : "");
  emit(location.id);
  emit(location.precision);
  emit(SafeSlice(doc, event.sentence));
  std::string issues;
  for (const auto& issue : event.issues) {
    if (!issues.empty()) issues.push_back(';');
    issues.append(issue.first);
  }
  emit(issues);
  emit(event.location.text);
  emit(event.location.code);
  emit(doc.url);
  emit(doc.source);
  emit(doc.title);
  emit(IsoDate(doc.date));
  emit(version);
}

constexpr const char* kEventTableColumns[] = {
    "event_id",   "doc_id",       "sentence_index", "date",       "source",        "target",
    "code",       "root",         "quad_class",     "goldstein",  "plover",        "source_text",
    "verb_text",  "target_text",  "attributed_to",  "negated",    "modality",      "confidence",
    "rule",       "event_date",   "date_precision", "date_text",  "location_name", "location_country",
    "location_admin1", "location_lat", "location_lon", "location_id", "location_precision",
    "sentence",   "issues",       "location",       "location_code", "url",          "publisher",
    "title",      "published",    "version"};

std::string TableHeader(char separator, std::string_view line_end) {
  std::string header;
  for (const char* column : kEventTableColumns) {
    if (!header.empty()) header.push_back(separator);
    header += column;
  }
  header += line_end;
  return header;
}

void AppendTableRow(const Document& doc, const Event& event, std::string_view version, char separator,
                    std::string_view line_end, std::string* out) {
  bool first = true;
  ForEachTableField(doc, event, version, [&](std::string_view field) {
    if (!first) out->push_back(separator);
    first = false;
    AppendField(field, separator, out);
  });
  out->append(line_end);
}

// CAMEO actor code -> GDELT's actor columns: the first three letters are the country (or
// region) unless the code starts with "---" (no country) or is an international body
// ("IGO", "NGO", "IMG", "MNC", ...: GDELT's KnownGroup holds those); the following
// three-letter blocks are the role types (GOV, MIL, REB, ...; GDELT Type1..3).
struct GdeltActor {
  std::string code, name, country, known_group, type[3];
};

bool IsTransnational(std::string_view block) {
  // CAMEO 1.1b3 codebook, "International and transnational actors" (section 2.2).
  for (std::string_view prefix : {"IGO", "NGO", "IMG", "MNC", "INT", "UIS", "NGM"}) {
    if (block == prefix) return true;
  }
  return false;
}

GdeltActor ToGdeltActor(const ActorRef& actor) {
  GdeltActor out;
  out.code = actor.code;
  if (actor.code.empty()) return out;
  out.name = actor.name.empty() ? actor.text : actor.name;
  for (char& c : out.name) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');  // GDELT names are upper case
  }
  if (actor.code[0] == '"') return out;  // a new actor ("THE MINISTRY"): no parts
  std::string_view code = actor.code;
  size_t block = 0;
  if (code.size() >= 3 && code.substr(0, 3) != "---" && !IsTransnational(code.substr(0, 3))) {
    out.country = std::string(code.substr(0, 3));
  } else if (code.size() >= 3 && IsTransnational(code.substr(0, 3))) {
    out.known_group = std::string(code.substr(3, 3));
  }
  code.remove_prefix(std::min<size_t>(3, code.size()));
  if (!out.known_group.empty()) code.remove_prefix(std::min<size_t>(3, code.size()));
  for (; !code.empty() && block < 3; ++block) {
    out.type[block] = std::string(code.substr(0, 3));
    code.remove_prefix(std::min<size_t>(3, code.size()));
  }
  return out;
}

int DayOfYear(int32_t date) {
  static constexpr int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int year = date / 10000, month = date / 100 % 100, day = date % 100;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kBefore[(month - 1) % 12] + day + (leap && month > 2 ? 1 : 0);
}

}  // namespace

std::string_view EventFormatHeader(EventFormat format) {
  static const std::string tsv = TableHeader('\t', "\n");
  static const std::string csv = TableHeader(',', "\r\n");
  if (format == EventFormat::kTsv) return tsv;
  if (format == EventFormat::kCsv) return csv;
  return {};  // JSON lines and GDELT have no header
}

void AppendEventTsv(const Document& doc, const Event& event, std::string* out, std::string_view version) {
  AppendTableRow(doc, event, version, '\t', "\n", out);
}

void AppendEventCsv(const Document& doc, const Event& event, std::string* out, std::string_view version) {
  AppendTableRow(doc, event, version, ',', "\r\n", out);
}

void AppendEventGdelt(const Document& doc, const Event& event, std::string* out) {
  // 61 columns of the GDELT 2.0 event table (GDELT-Event_Codebook-V2.0.pdf), tab-separated,
  // no header, empty where annalist has nothing; docs/output.md lists each.
  // GDELT's Day is when the event took place: the event date when the text gives the day,
  // else the publication date (GDELT's own practice).
  const int32_t date = event.event_date > 0 && event.date_precision == "day" ? event.event_date : event.date;
  const GdeltActor actors[2] = {ToGdeltActor(event.source), ToGdeltActor(event.target)};
  bool first = true;
  auto emit = [&](std::string_view field) {
    if (!first) out->push_back('\t');
    first = false;
    AppendField(field, '\t', out);
  };
  const std::string id = EventId(event);
  emit(std::to_string(std::stoull(id, nullptr, 16) & 0x7FFFFFFFFFFFFFFFULL));  // 1 GLOBALEVENTID
  emit(date > 0 ? std::to_string(date) : "");                                   // 2 SQLDATE
  emit(date > 0 ? std::to_string(date / 100) : "");                             // 3 MonthYear
  emit(date > 0 ? std::to_string(date / 10000) : "");                           // 4 Year
  emit(date > 0 ? Number("%.4f", date / 10000 + DayOfYear(date) / 365.0) : "");  // 5 FractionDate
  for (const GdeltActor& actor : actors) {                                      // 6-15, 16-25
    emit(actor.code);
    emit(actor.name);
    emit(actor.country);
    emit(actor.known_group);
    emit("");  // EthnicCode
    emit("");  // Religion1Code
    emit("");  // Religion2Code
    for (const std::string& type : actor.type) emit(type);
  }
  emit(event.sentence_index == 0 ? "1" : "0");                          // 26 IsRootEvent
  emit(event.code);                                                      // 27 EventCode
  emit(event.code.substr(0, 3));                                         // 28 EventBaseCode
  emit(event.root);                                                      // 29 EventRootCode
  emit(event.quad_class > 0 ? std::to_string(event.quad_class) : "");    // 30 QuadClass
  emit(event.root.empty() ? "" : Number("%.1f", event.goldstein));       // 31 GoldsteinScale
  emit("1");                                                             // 32 NumMentions
  emit("1");                                                             // 33 NumSources
  emit("1");                                                             // 34 NumArticles
  emit("");                                                              // 35 AvgTone
  for (int geo = 0; geo < 2; ++geo) {                                    // 36-43, 44-51: actor places
    for (int field = 0; field < 8; ++field) emit("");
  }
  // 52-59 ActionGeo (src/geo/gdelt_codes.h: FIPS 10-4 codes; the gazetteer is loaded
  // already when the location stage resolved the place).
  const GdeltGeo geo = ToGdeltGeo(event.location, GdeltCodes::Builtin(),
                                  event.location.id.empty() ? nullptr : Gazetteer::Builtin().get());
  emit(geo.type);        // Type
  emit(geo.full_name);   // FullName
  emit(geo.country);     // CountryCode (FIPS 10-4)
  emit(geo.adm1);        // ADM1Code
  emit("");              // ADM2Code
  emit(geo.lat);         // Lat
  emit(geo.lon);         // Long
  emit(geo.feature_id);  // FeatureID
  emit(doc.date > 0 ? std::to_string(doc.date) + "000000" : "");        // 60 DATEADDED
  emit(doc.url.empty() ? doc.id : doc.url);                              // 61 SOURCEURL
  out->push_back('\n');
}

}  // namespace annalist
