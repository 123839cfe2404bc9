#include "server/api.h"

#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "annotate/ontology.h"
#include "annalist/event_writer.h"
#include "server/web_assets.h"

namespace annalist::server {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

void AppendDate(int32_t date, std::string* out) {
  if (date <= 0) {
    out->append("null");
    return;
  }
  char text[16];
  std::snprintf(text, sizeof text, "\"%04d-%02d-%02d\"", date / 10000, date / 100 % 100, date % 100);
  out->append(text);
}

void AppendNumber(double value, std::string* out) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", value);
  out->append(text);
}

void AppendStringOrNull(const std::string& text, std::string* out) {
  if (text.empty()) {
    out->append("null");
  } else {
    AppendJsonString(text, out);
  }
}

void AppendSpanObject(const char* name, const std::string& text, Span span, std::string* out) {
  out->append(",\"").append(name).append("\":");
  if (span.empty() && text.empty()) {
    out->append("null");
    return;
  }
  out->append("{\"text\":");
  AppendJsonString(text, out);
  out->append(",\"span\":[").append(std::to_string(span.begin)).append(",");
  out->append(std::to_string(span.end)).append("]}");
}

void AppendMention(const MentionRecord& m, std::string* out) {
  out->append("{\"article_id\":");
  AppendJsonString(m.article_id, out);
  out->append(",\"sentence_index\":").append(std::to_string(m.sentence_index));
  out->append(",\"event_id\":");
  AppendStringOrNull(m.event_id, out);
  out->append(",\"date\":");
  AppendDate(m.date, out);
  out->append(",\"source\":");
  AppendStringOrNull(m.source, out);
  out->append(",\"target\":");
  AppendStringOrNull(m.target, out);
  out->append(",\"code\":");
  AppendJsonString(m.code, out);
  out->append(",\"rule\":");
  AppendStringOrNull(m.rule, out);
  out->append(",\"confidence\":");
  AppendNumber(m.confidence, out);
  out->append(m.negated ? ",\"negated\":true" : ",\"negated\":false");
  out->append(",\"modality\":");
  AppendStringOrNull(m.modality, out);
  AppendSpanObject("sentence", m.sentence_text, m.sentence, out);
  AppendSpanObject("source_actor", m.source_text, m.source_span, out);
  AppendSpanObject("target_actor", m.target_text, m.target_span, out);
  AppendSpanObject("verb", m.verb_text, m.verb, out);
  out->append("}");
}

void AppendEvent(const EventRecord& e, bool with_mentions, std::string* out) {
  out->append("{\"id\":");
  AppendJsonString(e.id, out);
  out->append(",\"date\":");
  AppendDate(e.date, out);
  out->append(",\"source\":");
  AppendStringOrNull(e.source, out);
  out->append(",\"target\":");
  AppendStringOrNull(e.target, out);
  out->append(",\"code\":");
  AppendJsonString(e.code, out);
  out->append(",\"root\":");
  AppendStringOrNull(e.root, out);
  out->append(",\"quad_class\":");
  if (e.quad_class > 0) {
    out->append(std::to_string(e.quad_class));
  } else {
    out->append("null");
  }
  out->append(",\"goldstein\":");
  AppendNumber(e.goldstein, out);
  out->append(",\"plover\":");
  AppendStringOrNull(e.plover, out);
  out->append(",\"location\":");
  if (e.location_text.empty() && e.location_code.empty() && !e.lat) {
    out->append("null");
  } else {
    out->append("{\"text\":");
    AppendStringOrNull(e.location_text, out);
    out->append(",\"code\":");
    AppendStringOrNull(e.location_code, out);
    out->append(",\"lat\":");
    if (e.lat) AppendNumber(*e.lat, out); else out->append("null");
    out->append(",\"lon\":");
    if (e.lon) AppendNumber(*e.lon, out); else out->append("null");
    out->append("}");
  }
  out->append(",\"first_report\":");
  AppendDate(e.first_report, out);
  out->append(",\"last_report\":");
  AppendDate(e.last_report, out);
  out->append(",\"mention_count\":").append(std::to_string(e.mentions));
  out->append(",\"article_count\":").append(std::to_string(e.articles));
  out->append(",\"publisher_count\":").append(std::to_string(e.publishers));
  out->append(",\"sentence\":");
  AppendStringOrNull(e.sentence_text, out);
  if (with_mentions) {
    out->append(",\"mentions\":[");
    for (size_t i = 0; i < e.mention_list.size(); ++i) {
      if (i > 0) out->push_back(',');
      AppendMention(e.mention_list[i], out);
    }
    out->append("]");
  }
  out->append("}");
}

HttpResponse JsonOk(std::string body) {
  HttpResponse response;
  response.body = std::move(body);
  response.body.push_back('\n');
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

HttpResponse FromStatus(const Status& status) {
  if (status.code() == StatusCode::kNotFound) return JsonError(404, status.message());
  if (status.code() == StatusCode::kInvalidArgument) return JsonError(400, status.message());
  if (status.code() == StatusCode::kDeadlineExceeded) return JsonError(503, status.message());
  return JsonError(500, status.message());
}

bool IsUpperAlnum(std::string_view text, size_t max) {
  if (text.empty() || text.size() > max) return false;
  for (char c : text) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

bool ParseSize(const std::string& text, size_t* out) {
  if (text.empty() || text.size() > 9) return false;
  size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<size_t>(c - '0');
  }
  *out = value;
  return true;
}

// Copies an actor-like code parameter upper-cased; false if not [A-Z0-9-]{1,max}.
bool TakeCode(std::string value, size_t max, std::string* out) {
  for (char& c : value) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  if (!IsUpperAlnum(value, max)) return false;
  *out = std::move(value);
  return true;
}

// Fills `filter` from query parameters; names the first bad one in `error`.
bool ParseFilter(const Params& params, const ApiLimits& limits, bool allow_paging, EventFilter* filter,
                 std::string* error, Params* rest) {
  filter->limit = limits.default_page;
  for (const auto& [name, value] : params) {
    bool ok = true;
    if (name == "from" || name == "to") {
      int32_t date = ParseApiDate(value);
      ok = date != 0;
      (name == "from" ? filter->date_from : filter->date_to) = date;
    } else if (name == "country") {
      ok = TakeCode(value, 3, &filter->country) && filter->country.size() == 3;
    } else if (name == "actor") {
      ok = TakeCode(value, 32, &filter->actor);
    } else if (name == "source") {
      ok = TakeCode(value, 32, &filter->source);
    } else if (name == "target") {
      ok = TakeCode(value, 32, &filter->target);
    } else if (name == "root") {
      ok = value.size() == 2 && IsUpperAlnum(value, 2) && value >= "01" && value <= "20";
      filter->root = value;
    } else if (name == "code") {
      ok = value.size() >= 2 && IsUpperAlnum(value, 4);
      filter->code = value;
    } else if (name == "plover") {
      ok = TakeCode(value, 32, &filter->plover);
    } else if (name == "quad") {
      ok = value.size() == 1 && value[0] >= '1' && value[0] <= '4';
      filter->quad_class = ok ? value[0] - '0' : 0;
    } else if (name == "q") {
      ok = !value.empty() && value.size() <= limits.max_text_query_bytes;
      filter->text = value;
    } else if (allow_paging && name == "limit") {
      ok = ParseSize(value, &filter->limit) && filter->limit >= 1;
      if (filter->limit > limits.max_page) filter->limit = limits.max_page;
    } else if (allow_paging && name == "offset") {
      ok = ParseSize(value, &filter->offset) && filter->offset <= limits.max_offset;
    } else {
      rest->emplace_back(name, value);
      continue;
    }
    if (!ok) {
      *error = "bad value for parameter '" + name + "'";
      return false;
    }
  }
  if (filter->date_from && filter->date_to && filter->date_from > filter->date_to) {
    *error = "'from' is after 'to'";
    return false;
  }
  return true;
}

bool DecodeQuery(const HttpRequest& request, const ApiLimits& limits, Params* params, HttpResponse* error) {
  if (!ParseQuery(request.query, limits.max_query_params, params)) {
    *error = JsonError(400, "malformed query string or too many parameters");
    return false;
  }
  return true;
}

}  // namespace

int32_t ParseApiDate(const std::string& text) {
  std::string digits;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    digits = text.substr(0, 4) + text.substr(5, 2) + text.substr(8, 2);
  } else if (text.size() == 8) {
    digits = text;
  } else {
    return 0;
  }
  int32_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    value = value * 10 + (c - '0');
  }
  int year = value / 10000, month = value / 100 % 100, day = value % 100;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return 0;
  return value;
}

HttpResponse Api::Handle(const HttpRequest& request) const {
  std::string path;
  // Decode the path once; a malformed escape, a NUL or a dot segment never reaches a lookup.
  if (!PercentDecode(request.path, false, &path)) return JsonError(400, "malformed path");
  if (path.find("/..") != std::string::npos || path.find('\\') != std::string::npos) {
    return JsonError(404, "not found");
  }
  if (path.rfind("/api/", 0) != 0) {
    const WebAsset* asset = FindWebAsset(path);
    if (asset == nullptr) return JsonError(404, "not found");
    HttpResponse response;
    response.content_type = std::string(asset->content_type);
    response.body = std::string(asset->body);
    response.headers.emplace_back("Cache-Control", "no-cache");
    if (path == "/" || path == "/index.html") {
      response.headers.emplace_back(
          "Content-Security-Policy",
          "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }
    return response;
  }
  std::string_view route = std::string_view(path).substr(5);
  if (route == "events") return Events(request);
  if (route == "counts") return Counts(request);
  if (route == "meta") return Meta();
  // /api/events/ID and /api/articles/ID: the ID is one decoded segment of the raw path,
  // so ids with '/' travel as %2F.
  for (std::string_view prefix : {std::string_view("/api/events/"), std::string_view("/api/articles/")}) {
    if (request.path.substr(0, prefix.size()) != prefix) continue;
    std::string id;
    std::string_view raw = request.path.substr(prefix.size());
    if (raw.empty() || raw.find('/') != std::string_view::npos || !PercentDecode(raw, false, &id)) {
      return JsonError(404, "not found");
    }
    return prefix == "/api/events/" ? Event(id) : Article(id);
  }
  return JsonError(404, "no such API route");
}

HttpResponse Api::Events(const HttpRequest& request) const {
  Params params, rest;
  HttpResponse error;
  if (!DecodeQuery(request, limits_, &params, &error)) return error;
  EventFilter filter;
  std::string message;
  if (!ParseFilter(params, limits_, true, &filter, &message, &rest)) return JsonError(400, message);
  bool want_total = false;
  for (const auto& [name, value] : rest) {
    if (name != "total") return JsonError(400, "unknown parameter '" + name + "'");
    if (value != "0" && value != "1") return JsonError(400, "bad value for parameter 'total' (0 or 1)");
    want_total = value == "1";
  }
  Result<std::vector<EventRecord>> events = source_->ListEvents(filter);
  if (!events.ok()) return FromStatus(events.status());
  std::string total = "null";
  if (want_total) {
    Result<uint64_t> count = source_->CountEvents(filter);
    if (!count.ok()) return FromStatus(count.status());
    total = std::to_string(*count);
  }
  bool more = events->size() > filter.limit;
  if (more) events->resize(filter.limit);
  std::string body = "{\"offset\":" + std::to_string(filter.offset) + ",\"limit\":" + std::to_string(filter.limit);
  body += ",\"total\":" + total + ",\"next_offset\":";
  body += more ? std::to_string(filter.offset + filter.limit) : "null";
  body += ",\"events\":[";
  for (size_t i = 0; i < events->size(); ++i) {
    if (i > 0) body.push_back(',');
    AppendEvent((*events)[i], false, &body);
  }
  body += "]}";
  return JsonOk(std::move(body));
}

HttpResponse Api::Event(const std::string& id) const {
  Result<EventRecord> event = source_->GetEvent(id);
  if (!event.ok()) return FromStatus(event.status());
  std::string body;
  AppendEvent(*event, true, &body);
  return JsonOk(std::move(body));
}

HttpResponse Api::Article(const std::string& id) const {
  Result<ArticleRecord> article = source_->GetArticle(id);
  if (!article.ok()) return FromStatus(article.status());
  std::string body = "{\"id\":";
  AppendJsonString(article->id, &body);
  body += ",\"title\":";
  AppendStringOrNull(article->title, &body);
  body += ",\"publisher\":";
  AppendStringOrNull(article->publisher, &body);
  body += ",\"url\":";
  AppendStringOrNull(article->url, &body);
  body += ",\"published\":";
  AppendDate(article->published, &body);
  body += ",\"text\":";
  AppendJsonString(article->text, &body);
  body += ",\"mentions\":[";
  for (size_t i = 0; i < article->mentions.size(); ++i) {
    if (i > 0) body.push_back(',');
    AppendMention(article->mentions[i], &body);
  }
  body += "]}";
  return JsonOk(std::move(body));
}

HttpResponse Api::Counts(const HttpRequest& request) const {
  Params params, rest;
  HttpResponse error;
  if (!DecodeQuery(request, limits_, &params, &error)) return error;
  EventFilter filter;
  std::string message;
  if (!ParseFilter(params, limits_, false, &filter, &message, &rest)) return JsonError(400, message);
  Period period = Period::kDay;
  std::string by = "day";
  bool by_dyad = false;
  for (const auto& [name, value] : rest) {
    if (name == "by") {
      if (value == "day") period = Period::kDay;
      else if (value == "week") period = Period::kWeek;
      else if (value == "month") period = Period::kMonth;
      else return JsonError(400, "bad value for parameter 'by' (day, week, month)");
      by = value;
    } else if (name == "dyad") {
      if (value != "0" && value != "1") return JsonError(400, "bad value for parameter 'dyad' (0 or 1)");
      by_dyad = value == "1";
    } else {
      return JsonError(400, "unknown parameter '" + name + "'");
    }
  }
  Result<std::vector<CountRow>> rows = source_->Count(filter, period, by_dyad, limits_.max_count_rows);
  if (!rows.ok()) return FromStatus(rows.status());
  bool truncated = rows->size() > limits_.max_count_rows;
  if (truncated) rows->resize(limits_.max_count_rows);
  std::string body = "{\"by\":\"" + by + "\",\"dyad\":" + (by_dyad ? "true" : "false");
  body += truncated ? ",\"truncated\":true" : ",\"truncated\":false";
  body += ",\"counts\":[";
  for (size_t i = 0; i < rows->size(); ++i) {
    const CountRow& row = (*rows)[i];
    if (i > 0) body.push_back(',');
    body += "{\"period\":";
    AppendJsonString(row.period, &body);
    if (by_dyad) {
      body += ",\"source\":";
      AppendStringOrNull(row.source, &body);
      body += ",\"target\":";
      AppendStringOrNull(row.target, &body);
    }
    body += ",\"events\":" + std::to_string(row.events) + ",\"goldstein\":";
    AppendNumber(row.goldstein, &body);
    body += "}";
  }
  body += "]}";
  return JsonOk(std::move(body));
}

HttpResponse Api::Meta() const {
  // Roots with their names and the PLOVER types, from the ontology table the coder uses
  // (data/cameo_ontology.tsv), so the page's menus never disagree with the data.
  static const std::string vocabulary = [] {
    std::string out = ",\"roots\":[";
    std::set<std::string> plover;
    char code[8];
    for (int root = 1; root <= 20; ++root) {
      std::snprintf(code, sizeof code, "%02d", root);
      const CameoCode* known = LookupCameo(code);
      if (root > 1) out += ",";
      out += "{\"code\":\"" + std::string(code) + "\",\"name\":";
      AppendJsonString(known ? known->name : "", &out);
      out += "}";
      if (known != nullptr && !known->plover.empty()) plover.insert(known->plover);
      for (int sub = 0; sub <= 99; ++sub) {
        std::snprintf(code, sizeof code, sub < 10 ? "%02d%d" : "%02d%02d", root, sub);
        const CameoCode* entry = LookupCameo(code);
        if (entry != nullptr && entry->code == code && !entry->plover.empty()) plover.insert(entry->plover);
      }
    }
    out += "],\"plover\":[";
    bool first = true;
    for (const std::string& type : plover) {
      if (!first) out += ",";
      first = false;
      AppendJsonString(type, &out);
    }
    return out + "]";
  }();
  std::string body = "{\"name\":\"annalist\",\"limits\":{\"max_page\":" + std::to_string(limits_.max_page) +
                     ",\"max_offset\":" + std::to_string(limits_.max_offset) +
                     ",\"max_count_rows\":" + std::to_string(limits_.max_count_rows) + "}" + vocabulary + "}";
  return JsonOk(std::move(body));
}

}  // namespace annalist::server
