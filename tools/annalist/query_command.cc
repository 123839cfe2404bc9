// annalist query: merged events from the store, filtered, as JSON lines or CSV; one event
// with its mentions (--event), one article with its coded spans (--article-view).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "annalist/store.h"
#include "cli.h"
#include "annalist/event_writer.h"
#include "store_commands.h"

namespace annalist::cli {

const char kFilterHelp[] =
    "Filters (all given must hold):\n"
    "  --from YYYY-MM-DD --to YYYY-MM-DD   event date range, inclusive\n"
    "  --country C          source or target country (3 letters: IRN)\n"
    "  --actor A            source or target actor code prefix (IRNGOV)\n"
    "  --source A --target A   source / target actor code prefix\n"
    "  --root R             CAMEO root (19)      --code C   CAMEO code prefix (190, 1902)\n"
    "  --plover T           PLOVER type (ASSAULT) --quad N   QuadClass 1..4\n"
    "  --text WORDS         full-text search in article titles and text (all words)\n"
    "  --article ID         events with a mention in this article\n"
    "  --min-mentions N     events reported at least N times\n";

namespace {

constexpr char kQueryHelp[] =
    "usage: annalist query --db STORE [FILTERS] [--limit N] [--offset N] [--format jsonl|csv]\n"
    "       annalist query --db STORE --event ID          one event and all its mentions (JSON)\n"
    "       annalist query --db STORE --article-view ID   one article, its text and coded spans (JSON)\n"
    "\n"
    "Prints merged events, newest first (docs/store.md). The store is opened read-only.\n"
    "  --limit N (default 100, at most 10000)   --offset N (default 0)\n";

constexpr int kExitStore = 3;

bool ParseInt(const char* text, long long low, long long high, long long* value) {
  char* end = nullptr;
  *value = std::strtoll(text, &end, 10);
  return end != text && *end == '\0' && *value >= low && *value <= high;
}

void AppendKey(const char* key, std::string* out) {
  if (out->back() != '{') *out += ',';
  *out += '"';
  *out += key;
  *out += "\":";
}

void AppendStringField(const char* key, const std::string& value, std::string* out, bool null_if_empty = false) {
  AppendKey(key, out);
  if (null_if_empty && value.empty()) {
    *out += "null";
  } else {
    AppendJsonString(value, out);
  }
}

void AppendNumber(const char* key, double value, std::string* out) {
  AppendKey(key, out);
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.10g", value);
  *out += buffer;
}

void AppendSpan(const char* key, const Span& span, std::string* out) {
  AppendKey(key, out);
  if (span.empty()) {
    *out += "null";
  } else {
    *out += "[" + std::to_string(span.begin) + "," + std::to_string(span.end) + "]";
  }
}

void AppendEvent(const StoredEvent& event, std::string* out) {
  *out += '{';
  AppendStringField("id", event.id, out);
  AppendStringField("date", FormatIsoDate(event.date), out, true);
  AppendStringField("source", event.source, out, true);
  AppendStringField("target", event.target, out, true);
  AppendStringField("code", event.code, out);
  AppendStringField("root", event.root, out, true);
  AppendKey("quad_class", out);
  *out += event.quad_class > 0 ? std::to_string(event.quad_class) : "null";
  AppendNumber("goldstein", event.goldstein, out);
  AppendStringField("plover", event.plover, out, true);
  AppendStringField("place", event.place, out, true);
  AppendStringField("place_country", event.place_country, out, true);
  if (event.latitude && event.longitude) {
    AppendNumber("latitude", *event.latitude, out);
    AppendNumber("longitude", *event.longitude, out);
  }
  AppendStringField("first_report", FormatIsoDate(event.first_report), out, true);
  AppendStringField("last_report", FormatIsoDate(event.last_report), out, true);
  AppendNumber("mentions", event.mentions, out);
  AppendNumber("articles", event.articles, out);
  AppendNumber("publishers", event.publishers, out);
  AppendStringField("first_article_id", event.first_article_id, out);
  AppendStringField("sentence", event.sentence, out);
  *out += '}';
}

void AppendMention(const StoredMention& mention, std::string* out) {
  *out += '{';
  AppendStringField("article_id", mention.article_id, out);
  AppendNumber("index", mention.index, out);
  AppendStringField("id", mention.id, out);
  AppendStringField("event_id", mention.event_id, out);
  AppendNumber("sentence_index", mention.sentence_index, out);
  AppendStringField("sentence", mention.sentence, out);
  AppendSpan("sentence_span", mention.sentence_span, out);
  AppendStringField("source", mention.source, out, true);
  AppendStringField("source_text", mention.source_text, out, true);
  AppendSpan("source_span", mention.source_span, out);
  AppendStringField("target", mention.target, out, true);
  AppendStringField("target_text", mention.target_text, out, true);
  AppendSpan("target_span", mention.target_span, out);
  AppendStringField("verb_text", mention.verb_text, out, true);
  AppendSpan("verb_span", mention.verb_span, out);
  AppendStringField("code", mention.code, out);
  AppendStringField("plover", mention.plover, out, true);
  AppendStringField("date", FormatIsoDate(mention.date), out, true);
  AppendStringField("rule", mention.rule, out, true);
  AppendNumber("confidence", mention.confidence, out);
  AppendKey("negated", out);
  *out += mention.negated ? "true" : "false";
  AppendStringField("modality", mention.modality, out, true);
  AppendStringField("attributed_to", mention.attributed_to, out, true);
  AppendStringField("place", mention.place, out, true);
  AppendSpan("place_span", mention.place_span, out);
  AppendStringField("publisher", mention.publisher, out, true);
  AppendStringField("published", FormatIsoDate(mention.published), out, true);
  AppendStringField("title", mention.title, out, true);
  AppendStringField("url", mention.url, out, true);
  *out += '}';
}

constexpr char kCsvHeader[] =
    "id,date,source,target,code,root,quad_class,goldstein,plover,place,place_country,first_report,last_report,"
    "mentions,articles,publishers,first_article_id,sentence\r\n";

void AppendEventCsv(const StoredEvent& event, std::string* out) {
  char goldstein[32];
  std::snprintf(goldstein, sizeof(goldstein), "%g", event.goldstein);
  const std::string fields[] = {event.id, FormatIsoDate(event.date), event.source, event.target, event.code,
                                event.root, event.quad_class > 0 ? std::to_string(event.quad_class) : "",
                                goldstein, event.plover, event.place, event.place_country,
                                FormatIsoDate(event.first_report), FormatIsoDate(event.last_report),
                                std::to_string(event.mentions), std::to_string(event.articles),
                                std::to_string(event.publishers), event.first_article_id, event.sentence};
  bool first = true;
  for (const std::string& field : fields) {
    if (!first) *out += ',';
    first = false;
    AppendCsvField(field, out);
  }
  *out += "\r\n";
}

}  // namespace

void AppendCsvField(const std::string& field, std::string* out) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    *out += field;
    return;
  }
  *out += '"';
  for (char c : field) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

std::unique_ptr<Store> OpenStoreReadOnly(const std::string& db) {
  StoreOptions options;
  options.read_only = true;
  auto store = Store::Open(db, options);
  if (!store.ok()) {
    std::fprintf(stderr, "annalist: %s\n", store.status().message().c_str());
    return nullptr;
  }
  return store.TakeValue();
}

int ParseFilterOption(int argc, char** argv, int* i, EventFilter* filter) {
  const std::string name = argv[*i];
  static const char* const kNames[] = {"--from", "--to", "--country", "--actor", "--source", "--target", "--root",
                                       "--code", "--plover", "--quad", "--text", "--article", "--min-mentions"};
  bool known = false;
  for (const char* known_name : kNames) known = known || name == known_name;
  if (!known) return 0;
  if (*i + 1 >= argc) {
    std::fprintf(stderr, "annalist: %s needs a value\n", name.c_str());
    return -1;
  }
  const std::string value = argv[++*i];
  long long number = 0;
  if (name == "--from" || name == "--to") {
    int32_t date = ParseIsoDate(value);
    if (date == 0) {
      std::fprintf(stderr, "annalist: %s wants a date YYYY-MM-DD, not '%s'\n", name.c_str(), value.c_str());
      return -1;
    }
    (name == "--from" ? filter->date_from : filter->date_to) = date;
  } else if (name == "--quad" || name == "--min-mentions") {
    if (!ParseInt(value.c_str(), name == "--quad" ? 1 : 0, name == "--quad" ? 4 : 1000000000, &number)) {
      std::fprintf(stderr, "annalist: %s: bad value '%s'\n", name.c_str(), value.c_str());
      return -1;
    }
    (name == "--quad" ? filter->quad_class : filter->min_mentions) = static_cast<int>(number);
  } else {
    std::string* field = name == "--country"  ? &filter->country
                         : name == "--actor"  ? &filter->actor
                         : name == "--source" ? &filter->source
                         : name == "--target" ? &filter->target
                         : name == "--root"   ? &filter->root
                         : name == "--code"   ? &filter->code
                         : name == "--plover" ? &filter->plover
                         : name == "--text"   ? &filter->text
                                              : &filter->article_id;
    *field = value;
  }
  return 1;
}

int RunQuery(int argc, char** argv) {
  std::string db, event_id, article_id, format = "jsonl";
  EventFilter filter;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const int parsed = ParseFilterOption(argc, argv, &i, &filter);
    if (parsed < 0) return kExitUsage;
    if (parsed > 0) continue;
    if (arg == "--help" || arg == "-h") {
      std::printf("%s\n%s", kQueryHelp, kFilterHelp);
      return kExitOk;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "annalist: unknown option or missing value: %s (see --help)\n", arg.c_str());
      return kExitUsage;
    }
    long long number = 0;
    if (arg == "--db") {
      db = argv[++i];
    } else if (arg == "--event") {
      event_id = argv[++i];
    } else if (arg == "--article-view") {
      article_id = argv[++i];
    } else if (arg == "--format") {
      format = argv[++i];
      if (format != "jsonl" && format != "csv") {
        std::fprintf(stderr, "annalist: --format wants jsonl or csv, not '%s'\n", format.c_str());
        return kExitUsage;
      }
    } else if (arg == "--limit" || arg == "--offset") {
      if (!ParseInt(argv[++i], 0, arg == "--limit" ? 10000 : (1LL << 40), &number)) {
        std::fprintf(stderr, "annalist: %s: bad value '%s'\n", arg.c_str(), argv[i]);
        return kExitUsage;
      }
      (arg == "--limit" ? filter.limit : filter.offset) = number;
    } else {
      std::fprintf(stderr, "annalist: unknown option %s (see --help)\n", arg.c_str());
      return kExitUsage;
    }
  }
  if (db.empty()) {
    std::fprintf(stderr, "annalist: query needs --db STORE (see --help)\n");
    return kExitUsage;
  }
  std::unique_ptr<Store> store = OpenStoreReadOnly(db);
  if (store == nullptr) return kExitStore;
  std::string out;
  Status status;
  if (!event_id.empty()) {
    auto event = store->GetEvent(event_id);
    if (!event.ok()) {
      status = event.status();
    } else {
      out = "{\"event\":";
      AppendEvent(event->event, &out);
      out += ",\"mentions\":[";
      for (size_t m = 0; m < event->mentions.size(); ++m) {
        if (m > 0) out += ',';
        AppendMention(event->mentions[m], &out);
      }
      out += "]}\n";
    }
  } else if (!article_id.empty()) {
    auto article = store->GetArticle(article_id);
    if (!article.ok()) {
      status = article.status();
    } else {
      out = "{";
      AppendStringField("id", article->id, &out);
      AppendStringField("url", article->url, &out, true);
      AppendStringField("publisher", article->publisher, &out, true);
      AppendStringField("title", article->title, &out, true);
      AppendStringField("published", FormatIsoDate(article->published), &out, true);
      AppendStringField("checksum", article->checksum, &out);
      AppendStringField("text", article->text, &out);
      out += ",\"mentions\":[";
      for (size_t m = 0; m < article->mentions.size(); ++m) {
        if (m > 0) out += ',';
        AppendMention(article->mentions[m], &out);
      }
      out += "]}\n";
    }
  } else {
    auto events = store->QueryEvents(filter);
    if (!events.ok()) {
      status = events.status();
    } else {
      if (format == "csv") out = kCsvHeader;
      for (const StoredEvent& event : *events) {
        if (format == "csv") {
          AppendEventCsv(event, &out);
        } else {
          AppendEvent(event, &out);
          out += '\n';
        }
      }
    }
  }
  if (!status.ok()) {
    std::fprintf(stderr, "annalist: %s: %s\n", db.c_str(), status.message().c_str());
    return status.code() == StatusCode::kNotFound ? kExitRejected : kExitStore;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return FlushStdout() ? kExitOk : kExitIo;
}

}  // namespace annalist::cli
