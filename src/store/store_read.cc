// Store: the read path (filtered pages of events, one event with its mentions, one article
// with its coded spans, counts per period and dyad).
#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "annalist/store.h"
#include "store/merge.h"
#include "store/schema.h"
#include "store/sql.h"
#include "store/store_internal.h"

namespace annalist {

using store::Dialect;
using store::SqlStatement;

namespace {

constexpr int64_t kMaxPage = 10000;

constexpr char kEventColumns[] =
    "e.id, e.source, e.target, e.code, e.root, e.plover, e.quad_class, e.goldstein, e.date, e.place, "
    "e.place_country, e.latitude, e.longitude, e.first_report, e.last_report, e.mentions, e.articles, "
    "e.publishers, e.sentence, e.first_article_id";

constexpr char kMentionColumns[] =
    "m.article_id, m.idx, m.id, m.event_id, m.sentence_index, m.sentence, m.sentence_begin, m.sentence_end, "
    "m.source, m.source_text, m.source_name, m.source_begin, m.source_end, m.target, m.target_text, "
    "m.target_name, m.target_begin, m.target_end, m.verb_text, m.verb_begin, m.verb_end, m.code, m.root, "
    "m.plover, m.quad_class, m.goldstein, m.date, m.rule, m.confidence, m.negated, m.modality, "
    "m.attributed_to, m.clause, m.place, m.place_country, m.place_begin, m.place_end, m.publisher, "
    "m.published, a.title, a.url";

void ReadEvent(SqlStatement* stmt, StoredEvent* event) {
  event->id = stmt->Text(0);
  event->source = stmt->Text(1);
  event->target = stmt->Text(2);
  event->code = stmt->Text(3);
  event->root = stmt->Text(4);
  event->plover = stmt->Text(5);
  event->quad_class = static_cast<int>(stmt->Int(6));
  event->goldstein = stmt->Double(7);
  event->date = static_cast<int32_t>(stmt->Int(8));
  event->place = stmt->Text(9);
  event->place_country = stmt->Text(10);
  if (!stmt->IsNull(11)) event->latitude = stmt->Double(11);
  if (!stmt->IsNull(12)) event->longitude = stmt->Double(12);
  event->first_report = static_cast<int32_t>(stmt->Int(13));
  event->last_report = static_cast<int32_t>(stmt->Int(14));
  event->mentions = static_cast<int>(stmt->Int(15));
  event->articles = static_cast<int>(stmt->Int(16));
  event->publishers = static_cast<int>(stmt->Int(17));
  event->sentence = stmt->Text(18);
  event->first_article_id = stmt->Text(19);
}

Span ReadSpan(SqlStatement* stmt, int column) {
  Span span;
  if (stmt->IsNull(column) || stmt->IsNull(column + 1)) return span;
  span.begin = static_cast<uint32_t>(stmt->Int(column));
  span.end = static_cast<uint32_t>(stmt->Int(column + 1));
  return span;
}

void ReadMention(SqlStatement* stmt, StoredMention* mention) {
  mention->article_id = stmt->Text(0);
  mention->index = static_cast<int>(stmt->Int(1));
  mention->id = stmt->Text(2);
  mention->event_id = stmt->Text(3);
  mention->sentence_index = static_cast<uint32_t>(stmt->Int(4));
  mention->sentence = stmt->Text(5);
  mention->sentence_span = ReadSpan(stmt, 6);
  mention->source = stmt->Text(8);
  mention->source_text = stmt->Text(9);
  mention->source_name = stmt->Text(10);
  mention->source_span = ReadSpan(stmt, 11);
  mention->target = stmt->Text(13);
  mention->target_text = stmt->Text(14);
  mention->target_name = stmt->Text(15);
  mention->target_span = ReadSpan(stmt, 16);
  mention->verb_text = stmt->Text(18);
  mention->verb_span = ReadSpan(stmt, 19);
  mention->code = stmt->Text(21);
  mention->root = stmt->Text(22);
  mention->plover = stmt->Text(23);
  mention->quad_class = static_cast<int>(stmt->Int(24));
  mention->goldstein = stmt->Double(25);
  mention->date = static_cast<int32_t>(stmt->Int(26));
  mention->rule = stmt->Text(27);
  mention->confidence = stmt->Double(28);
  mention->negated = stmt->Int(29) != 0;
  mention->modality = stmt->Text(30);
  mention->attributed_to = stmt->Text(31);
  mention->clause = stmt->Text(32);
  mention->place = stmt->Text(33);
  mention->place_country = stmt->Text(34);
  mention->place_span = ReadSpan(stmt, 35);
  mention->publisher = stmt->Text(37);
  mention->published = static_cast<int32_t>(stmt->Int(38));
  mention->title = stmt->Text(39);
  mention->url = stmt->Text(40);
}

// A WHERE clause and its parameters, in order.
struct Where {
  std::string sql;
  std::vector<std::variant<int64_t, std::string>> params;
  void Add(const std::string& condition) { sql += (sql.empty() ? " WHERE " : " AND ") + condition; }
};

// Prefix match on a column. SQLite: a range on the binary order (uses the index).
// PostgreSQL: LIKE (collation-independent).
void AddPrefix(Dialect dialect, const std::string& column, const std::string& prefix, Where* where, std::string* sql) {
  if (dialect == Dialect::kSqlite) {
    *sql += "(" + column + " >= ? AND " + column + " < ?)";
    where->params.emplace_back(prefix);
    where->params.emplace_back(prefix + "\x7f");
    return;
  }
  std::string pattern;
  for (char c : prefix) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  *sql += "(" + column + " LIKE ?)";
  where->params.emplace_back(pattern + "%");
}

// Which side of the dyad a country filter looks at: either (OR), or the two halves of
// that OR, each of which an index ordered by date answers (QueryEvents).
enum class CountrySide { kEither, kSource, kTargetOnly };

Where BuildWhere(Dialect dialect, const EventFilter& filter, CountrySide side = CountrySide::kEither) {
  Where where;
  if (filter.date_from > 0) {
    where.Add("e.date >= ?");
    where.params.emplace_back(int64_t{filter.date_from});
  }
  if (filter.date_to > 0) {
    where.Add("e.date <= ?");
    where.params.emplace_back(int64_t{filter.date_to});
  }
  if (!filter.country.empty()) {
    where.Add(side == CountrySide::kSource       ? "e.source_country = ?"
              : side == CountrySide::kTargetOnly ? "e.target_country = ? AND e.source_country <> ?"
                                                 : "(e.source_country = ? OR e.target_country = ?)");
    where.params.emplace_back(filter.country);
    if (side != CountrySide::kSource) where.params.emplace_back(filter.country);
  }
  auto add_prefix = [&](const std::string& column, const std::string& prefix) {
    std::string sql;
    AddPrefix(dialect, column, prefix, &where, &sql);
    where.Add(sql);
  };
  if (!filter.actor.empty()) {
    std::string sql = "(";
    AddPrefix(dialect, "e.source", filter.actor, &where, &sql);
    sql += " OR ";
    AddPrefix(dialect, "e.target", filter.actor, &where, &sql);
    where.Add(sql + ")");
  }
  // A three-letter prefix is the country: the country columns have date-ordered indexes.
  for (const auto& [column, prefix] : {std::pair<std::string, const std::string&>("source", filter.source),
                                       std::pair<std::string, const std::string&>("target", filter.target)}) {
    if (prefix.size() == 3) {
      where.Add("e." + column + "_country = ?");
      where.params.emplace_back(prefix);
    } else if (!prefix.empty()) {
      add_prefix("e." + column, prefix);
    }
  }
  if (!filter.root.empty()) {
    where.Add("e.root = ?");
    where.params.emplace_back(filter.root);
  }
  if (!filter.code.empty()) add_prefix("e.code", filter.code);
  if (!filter.plover.empty()) {
    where.Add("e.plover = ?");
    where.params.emplace_back(filter.plover);
  }
  if (filter.quad_class > 0) {
    where.Add("e.quad_class = ?");
    where.params.emplace_back(int64_t{filter.quad_class});
  }
  if (filter.min_mentions > 0) {
    where.Add("e.mentions >= ?");
    where.params.emplace_back(int64_t{filter.min_mentions});
  }
  if (!filter.article_id.empty()) {
    where.Add("e.id IN (SELECT event_id FROM mentions WHERE article_id = ?)");
    where.params.emplace_back(filter.article_id);
  }
  if (!filter.text.empty()) {
    where.Add("e.id IN (SELECT m.event_id FROM mentions m WHERE m.article_id IN (" +
              store::FullTextCondition(dialect) + "))");
    where.params.emplace_back(store::FullTextQuery(dialect, filter.text));
  }
  return where;
}

void BindAll(SqlStatement* stmt, const Where& where, int first = 1) {
  int index = first;
  for (const auto& param : where.params) {
    if (const int64_t* number = std::get_if<int64_t>(&param)) {
      stmt->BindInt(index++, *number);
    } else {
      stmt->BindText(index++, std::get<std::string>(param));
    }
  }
}

Status ReadMentions(SqlStatement* stmt, std::vector<StoredMention>* mentions) {
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    mentions->emplace_back();
    ReadMention(stmt, &mentions->back());
  }
  stmt->Reset();
  return Status::Ok();
}

// Monday of the week of a YYYYMMDD date (1970-01-01 was a Thursday).
int32_t WeekStart(int32_t date) {
  const int64_t day = store::DayNumber(date);
  const int64_t weekday = ((day % 7) + 7 + 3) % 7;  // 0 = Monday
  return store::DateOfDay(day - weekday);
}

bool LastDayOfMonth(int32_t date) { return store::DateOfDay(store::DayNumber(date) + 1) % 100 == 1; }

// Whether monthly counts answer `request` exactly: months, country-level dyads, and only
// filters the counts are keyed by, with whole months.
bool MonthlyCountsAnswer(const AggregateRequest& request) {
  const EventFilter& f = request.filter;
  if (request.period != Period::kMonth || (request.by_dyad && !request.by_country)) return false;
  if (!f.actor.empty() || !f.plover.empty() || !f.text.empty() || !f.article_id.empty() || f.min_mentions > 0) {
    return false;
  }
  if ((!f.source.empty() && f.source.size() != 3) || (!f.target.empty() && f.target.size() != 3)) return false;
  if (!f.code.empty() && f.code.size() > 2) return false;
  if (!f.code.empty() && !f.root.empty() && f.code.size() == 2 && f.code != f.root) return false;
  if (f.date_from > 0 && f.date_from % 100 != 1) return false;
  if (f.date_to > 0 && !LastDayOfMonth(f.date_to)) return false;
  return true;
}

// The rows of count table `table` as `m`; with a country filter, its rows with the country
// as source and those with it as target only, read as two key ranges (an OR of the two
// read every match through a row-id list: 20-40x slower at 1M events). Its parameters go
// first in `where`.
std::string MonthlyFrom(const std::string& table, const EventFilter& f, Where* where) {
  if (f.country.empty()) return " FROM " + table + " m";
  where->params.emplace_back(f.country);
  where->params.emplace_back(f.country);
  where->params.emplace_back(f.country);
  return " FROM (SELECT * FROM " + table + " WHERE source_country = ? UNION ALL SELECT * FROM " + table +
         " WHERE target_country = ? AND source_country <> ?) m";
}

Where MonthlyWhere(const EventFilter& f, Where where) {
  where.Add("m.month > 0");
  if (f.date_from > 0) {
    where.Add("m.month >= ?");
    where.params.emplace_back(int64_t{f.date_from / 100});
  }
  if (f.date_to > 0) {
    where.Add("m.month <= ?");
    where.params.emplace_back(int64_t{f.date_to / 100});
  }
  if (!f.source.empty()) {
    where.Add("m.source_country = ?");
    where.params.emplace_back(f.source);
  }
  if (!f.target.empty()) {
    where.Add("m.target_country = ?");
    where.params.emplace_back(f.target);
  }
  const std::string root = !f.root.empty() ? f.root : f.code;
  if (root.size() == 1) {
    where.Add("m.root >= ? AND m.root < ?");  // a one-digit code prefix: roots 1x
    where.params.emplace_back(root);
    where.params.emplace_back(root + "\x7f");
  } else if (!root.empty()) {
    where.Add("m.root = ?");
    where.params.emplace_back(root);
  }
  if (f.quad_class > 0) {
    where.Add("m.quad_class = ?");
    where.params.emplace_back(int64_t{f.quad_class});
  }
  return where;
}

}  // namespace

namespace {

// One page of events matching `where`, newest first; rows [offset, offset + limit).
Status QueryPage(Store::Impl* impl, const Where& where, int64_t limit, int64_t offset, std::vector<StoredEvent>* out) {
  Status status;
  SqlStatement* stmt = impl->Statement(std::string("SELECT ") + kEventColumns + " FROM events e" + where.sql +
                                           " ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?",
                                       &status);
  if (stmt == nullptr) return status;
  BindAll(stmt, where);
  const int index = static_cast<int>(where.params.size()) + 1;
  stmt->BindInt(index, limit);
  stmt->BindInt(index + 1, offset);
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out->emplace_back();
    ReadEvent(stmt, &out->back());
  }
  stmt->Reset();
  return Status::Ok();
}

}  // namespace

Result<std::vector<StoredEvent>> Store::QueryEvents(const EventFilter& filter) {
  const Dialect dialect = impl_->db->dialect();
  const int64_t limit = std::clamp<int64_t>(filter.limit, 0, kMaxPage);
  const int64_t offset = std::max<int64_t>(filter.offset, 0);
  std::vector<StoredEvent> events;
  if (filter.country.empty()) {
    if (Status status = QueryPage(impl_.get(), BuildWhere(dialect, filter), limit, offset, &events); !status.ok()) {
      return status;
    }
    return events;
  }
  // "source or target country" as two index-ordered halves (the country as source; as
  // target only), each cut at offset + limit, merged here: an OR would sort every match.
  std::vector<StoredEvent> target_side;
  Status status = QueryPage(impl_.get(), BuildWhere(dialect, filter, CountrySide::kSource), offset + limit, 0, &events);
  if (status.ok()) {
    status = QueryPage(impl_.get(), BuildWhere(dialect, filter, CountrySide::kTargetOnly), offset + limit, 0,
                       &target_side);
  }
  if (!status.ok()) return status;
  std::vector<StoredEvent> merged;
  merged.reserve(events.size() + target_side.size());
  std::merge(events.begin(), events.end(), target_side.begin(), target_side.end(), std::back_inserter(merged),
             [](const StoredEvent& a, const StoredEvent& b) { return a.date != b.date ? a.date > b.date : a.id > b.id; });
  if (static_cast<int64_t>(merged.size()) <= offset) return std::vector<StoredEvent>();
  merged.erase(merged.begin(), merged.begin() + offset);
  if (static_cast<int64_t>(merged.size()) > limit) merged.resize(limit);
  return merged;
}

Result<int64_t> Store::CountEvents(const EventFilter& filter) {
  const Where where = BuildWhere(impl_->db->dialect(), filter);
  Status status;
  SqlStatement* stmt = impl_->Statement("SELECT COUNT(*) FROM events e" + where.sql, &status);
  if (stmt == nullptr) return status;
  BindAll(stmt, where);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  const int64_t count = stmt->Int(0);
  stmt->Reset();
  return count;
}

Result<EventWithMentions> Store::GetEvent(const std::string& id) {
  Status status;
  SqlStatement* stmt = impl_->Statement(std::string("SELECT ") + kEventColumns + " FROM events e WHERE e.id = ?", &status);
  if (stmt == nullptr) return status;
  stmt->BindText(1, id);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return NotFound("no event " + id);
  EventWithMentions result;
  ReadEvent(stmt, &result.event);
  stmt->Reset();
  SqlStatement* mentions = impl_->Statement(std::string("SELECT ") + kMentionColumns +
                                                " FROM mentions m JOIN articles a ON a.id = m.article_id "
                                                "WHERE m.event_id = ? ORDER BY m.published, m.article_id, m.idx",
                                            &status);
  if (mentions == nullptr) return status;
  mentions->BindText(1, id);
  if (status = ReadMentions(mentions, &result.mentions); !status.ok()) return status;
  return result;
}

Result<StoredArticle> Store::GetArticle(const std::string& id) {
  Status status;
  SqlStatement* stmt = impl_->Statement(
      "SELECT id, url, publisher, title, published, text, checksum FROM articles WHERE id = ?", &status);
  if (stmt == nullptr) return status;
  stmt->BindText(1, id);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return NotFound("no article " + id);
  StoredArticle article;
  article.id = stmt->Text(0);
  article.url = stmt->Text(1);
  article.publisher = stmt->Text(2);
  article.title = stmt->Text(3);
  article.published = static_cast<int32_t>(stmt->Int(4));
  article.text = stmt->Text(5);
  article.checksum = stmt->Text(6);
  stmt->Reset();
  SqlStatement* mentions = impl_->Statement(std::string("SELECT ") + kMentionColumns +
                                                " FROM mentions m JOIN articles a ON a.id = m.article_id "
                                                "WHERE m.article_id = ? ORDER BY m.idx",
                                            &status);
  if (mentions == nullptr) return status;
  mentions->BindText(1, id);
  if (status = ReadMentions(mentions, &article.mentions); !status.ok()) return status;
  return article;
}

Result<std::vector<CountRow>> Store::Aggregate(const AggregateRequest& request) {
  std::string sql;
  Where where;
  if (MonthlyCountsAnswer(request)) {
    // Pre-aggregated: a dyad's months are a few hundred rows, not its events. Without a
    // dyad or country: the month totals, a few rows per month. Without a root or QuadClass
    // filter: the dyad months, one row per dyad and month (a country's dyads by month read
    // at most partners x months rows).
    const EventFilter& f = request.filter;
    const bool totals = !request.by_dyad && f.country.empty() && f.source.empty() && f.target.empty();
    const bool dyad_months = !totals && f.root.empty() && f.code.empty() && f.quad_class == 0;
    const std::string from =
        MonthlyFrom(totals ? "event_month_totals" : dyad_months ? "event_dyad_months" : "event_months", f, &where);
    where = MonthlyWhere(f, std::move(where));
    const std::string dyad = request.by_dyad ? "m.source_country, m.target_country" : "'', ''";
    std::string quads;
    for (int quad = 1; quad <= 4; ++quad) {
      const std::string n = std::to_string(quad);
      quads += dyad_months ? ", SUM(m.quad" + n + ")"
                           : ", SUM(CASE WHEN m.quad_class = " + n + " THEN m.events ELSE 0 END)";
    }
    if (dyad_months && request.by_dyad) {
      // Each row is its own (month, dyad): no grouping (a sort of every row in SQLite).
      where.Add("m.events > 0");
      sql = "SELECT m.month, " + dyad + ", m.events, m.mentions, m.goldstein_sum, m.quad1, m.quad2, m.quad3, m.quad4" +
            from + where.sql;
    } else {
      sql = "SELECT m.month, " + dyad + ", SUM(m.events), SUM(m.mentions), SUM(m.goldstein_sum)" + quads + from +
            where.sql + " GROUP BY m.month" + (request.by_dyad ? ", " + dyad : "") + " HAVING SUM(m.events) > 0";
    }
  } else {
    where = BuildWhere(impl_->db->dialect(), request.filter);
    where.Add("e.date > 0");
    const std::string period = request.period == Period::kMonth ? "(e.date / 100)" : "e.date";
    std::string group = period;
    std::string dyad = "'', ''";
    if (request.by_dyad) {
      dyad = request.by_country ? "e.source_country, e.target_country" : "e.source, e.target";
      group += ", " + dyad;
    }
    sql = "SELECT " + period + ", " + dyad +
          ", COUNT(*), SUM(e.mentions), SUM(e.goldstein), SUM(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END), "
          "SUM(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END), "
          "SUM(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END) FROM events e" +
          where.sql + " GROUP BY " + group;
  }
  Status status;
  SqlStatement* stmt = impl_->Statement(sql, &status);
  if (stmt == nullptr) return status;
  BindAll(stmt, where);
  // One row per (period start, source, target) as SQL grouped them, except weeks, which
  // are folded from days here; then ordered by that key (bytewise, on both backends).
  std::vector<CountRow> result;
  std::map<std::tuple<int32_t, std::string, std::string>, size_t> weeks;
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    int32_t start = static_cast<int32_t>(stmt->Int(0));
    if (request.period == Period::kMonth) start = start * 100 + 1;
    auto append = [&] {
      CountRow& fresh = result.emplace_back();
      fresh.period = start;
      fresh.source = stmt->Text(1);
      fresh.target = stmt->Text(2);
      return result.size() - 1;
    };
    size_t index = 0;
    if (request.period == Period::kWeek) {
      start = WeekStart(start);
      auto [at, added] = weeks.try_emplace({start, stmt->Text(1), stmt->Text(2)}, result.size());
      index = added ? append() : at->second;
    } else {
      index = append();
    }
    CountRow* out = &result[index];
    out->events += stmt->Int(3);
    out->mentions += stmt->Int(4);
    out->goldstein_sum += stmt->Double(5);
    for (int quad = 0; quad < 4; ++quad) out->quad[quad] += stmt->Int(6 + quad);
  }
  stmt->Reset();
  std::sort(result.begin(), result.end(), [](const CountRow& a, const CountRow& b) {
    if (a.period != b.period) return a.period < b.period;
    if (const int c = a.source.compare(b.source); c != 0) return c < 0;
    return a.target < b.target;
  });
  return result;
}

Result<StoreStats> Store::Stats() {
  StoreStats stats;
  Status status;
  SqlStatement* stmt = impl_->Statement(
      "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM events)",
      &status);
  if (stmt == nullptr) return status;
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  stats.articles = stmt->Int(0);
  stats.mentions = stmt->Int(1);
  stats.events = stmt->Int(2);
  stmt->Reset();
  return stats;
}

}  // namespace annalist
