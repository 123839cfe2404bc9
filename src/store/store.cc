// Store: opening, and the write path (articles in, mentions merged into events).
#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "annalist/store.h"
#include "annalist/event_writer.h"
#include "core/fnv.h"
#include "store/merge.h"
#include "store/schema.h"
#include "store/sql.h"
#include "store/store_internal.h"

namespace annalist {

using store::MergeKey;
using store::SqlStatement;

namespace {

// Most content words kept per event for the wording test (the union of its mentions').
constexpr size_t kMaxEventWords = 256;

void BindSpan(SqlStatement* stmt, int index, const Span& span) {
  if (span.empty()) {
    stmt->BindNull(index);
    stmt->BindNull(index + 1);
  } else {
    stmt->BindInt(index, span.begin);
    stmt->BindInt(index + 1, span.end);
  }
}

void BindOptionalText(SqlStatement* stmt, int index, const std::string& text) {
  if (text.empty()) {
    stmt->BindNull(index);
  } else {
    stmt->BindText(index, text);
  }
}

Status IndexPendingArticles(Store::Impl* impl);  // below, with the write path
Status WriteMonthly(Store::Impl* impl);

}  // namespace

store::SqlStatement* Store::Impl::Statement(const std::string& sql, Status* status) {
  auto found = statements.find(sql);
  if (found != statements.end()) {
    found->second->Reset();
    return found->second.get();
  }
  auto prepared = db->Prepare(sql);
  if (!prepared.ok()) {
    *status = prepared.status();
    return nullptr;
  }
  SqlStatement* stmt = prepared->get();
  statements.emplace(sql, prepared.TakeValue());
  return stmt;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::~Store() {
  if (impl_ == nullptr) return;
  if (impl_->in_batch) RollbackBatch();
  // SQLite's query planner needs index statistics to choose between indexes that share a
  // first column (a country page by (source_country, date) rather than (source_country,
  // root, date)); a writer refreshes them as it closes, sampling at most 1,000 rows per
  // index (tens of milliseconds on a store of 1M events). PostgreSQL's autovacuum does this.
  if (impl_->committed && impl_->db->dialect() == store::Dialect::kSqlite) {
    (void)impl_->db->Exec("PRAGMA analysis_limit = 1000; ANALYZE");
  }
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& target, const StoreOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  auto db = store::IsPostgresUrl(target)
                ? store::OpenPostgres(target, options.read_only, options.query_timeout_ms)
                : store::OpenSqlite(target, options.read_only, options.busy_timeout_ms, options.query_timeout_ms);
  if (!db.ok()) return db.status();
  impl->db = db.TakeValue();
  if (!options.read_only) {
    if (Status status = store::CreateSchema(impl->db.get()); !status.ok()) {
      return Status(status.code(), target + ": cannot create the schema: " + status.message());
    }
  } else {
    // A read-only handle on a file that is not a store fails here, not at the first query.
    Status status;
    SqlStatement* stmt = impl->Statement("SELECT value FROM meta WHERE key = 'schema_version'", &status);
    Result<bool> row = stmt != nullptr ? stmt->Step() : Result<bool>(status);
    if (!row.ok() || !*row) return InvalidArgument(target + ": not an annalist store (no schema_version)");
    stmt->Reset();
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Status Store::BeginBatch() {
  if (impl_->options.read_only) return InvalidArgument("store opened read-only");
  if (impl_->in_batch) return InvalidArgument("BeginBatch: a batch is already open");
  if (Status status = impl_->db->BeginWrite(); !status.ok()) return status;
  impl_->in_batch = true;
  return Status::Ok();
}

Status Store::CommitBatch() {
  if (!impl_->in_batch) return InvalidArgument("CommitBatch: no batch open");
  impl_->in_batch = false;
  Status status = IndexPendingArticles(impl_.get());
  if (status.ok()) status = WriteMonthly(impl_.get());
  if (status.ok()) status = impl_->db->Exec("COMMIT");
  if (status.ok()) impl_->committed = true;
  if (!status.ok()) {
    (void)impl_->db->Exec("ROLLBACK");
    impl_->actors_written.clear();
  }
  impl_->unindexed_articles.clear();
  impl_->monthly_pending.clear();
  return status;
}

void Store::RollbackBatch() {
  if (!impl_->in_batch) return;
  impl_->in_batch = false;
  impl_->unindexed_articles.clear();
  impl_->actors_written.clear();
  impl_->monthly_pending.clear();
  (void)impl_->db->Exec("ROLLBACK");
}

std::string Store::Checksum(const Document& doc) {
  uint64_t hash = kFnv1aOffset;
  for (std::string_view part : {std::string_view(doc.id), std::string_view(doc.title), std::string_view(doc.source),
                                std::string_view(doc.url), std::string_view(doc.text)}) {
    hash = Fnv1a(part, hash);
    hash = Fnv1a(std::string_view("\x1f", 1), hash);
  }
  hash = Fnv1a(std::to_string(doc.date), hash);
  return Hex16(hash);
}

Result<bool> Store::HasArticle(const std::string& id, const std::string& checksum) {
  Status status;
  SqlStatement* stmt = impl_->Statement("SELECT checksum FROM articles WHERE id = ?", &status);
  if (stmt == nullptr) return status;
  stmt->BindText(1, id);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  const bool same = *row && stmt->Text(0) == checksum;
  stmt->Reset();
  return same;
}

namespace {

// Adds to the monthly counts of one (countries, month, root, QuadClass): kept in memory
// until the batch commits (WriteMonthly), so that a batch writes each cell once.
Status AddMonthly(Store::Impl* impl, const std::string& source_country, const std::string& target_country,
                  int32_t date, const std::string& root, int64_t quad_class, int64_t events, int64_t mentions,
                  double goldstein) {
  Store::Impl::MonthlyDelta& delta =
      impl->monthly_pending[{source_country, target_country, date / 100, root, quad_class}];
  delta.events += events;
  delta.mentions += mentions;
  delta.goldstein += goldstein;
  return Status::Ok();
}

// Sums of one count cell: events, mentions and Goldstein, and events by QuadClass.
struct CountSums {
  int64_t events = 0, mentions = 0;
  double goldstein = 0.0;
  int64_t quad[4] = {0, 0, 0, 0};
};

// Writes the batch's monthly count changes into event_months, and their sums without the
// dyad (event_month_totals) and without root and QuadClass (event_dyad_months).
Status WriteMonthly(Store::Impl* impl) {
  Status status;
  SqlStatement* cell = impl->Statement(
      "INSERT INTO event_months (source_country, target_country, month, root, quad_class, events, mentions, "
      "goldstein_sum) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_country, target_country, month, root, "
      "quad_class) DO UPDATE SET events = event_months.events + excluded.events, mentions = event_months.mentions "
      "+ excluded.mentions, goldstein_sum = event_months.goldstein_sum + excluded.goldstein_sum",
      &status);
  if (cell == nullptr) return status;
  std::map<std::tuple<int32_t, std::string, int64_t>, CountSums> totals;
  std::map<std::tuple<std::string, std::string, int32_t>, CountSums> dyads;
  auto add = [](const Store::Impl::MonthlyDelta& delta, int64_t quad_class, CountSums* sums) {
    sums->events += delta.events;
    sums->mentions += delta.mentions;
    sums->goldstein += delta.goldstein;
    if (quad_class >= 1 && quad_class <= 4) sums->quad[quad_class - 1] += delta.events;
  };
  for (const auto& [key, delta] : impl->monthly_pending) {
    if (delta.events == 0 && delta.mentions == 0 && delta.goldstein == 0.0) continue;
    const auto& [source_country, target_country, month, root, quad_class] = key;
    cell->BindText(1, source_country);
    cell->BindText(2, target_country);
    cell->BindInt(3, month);
    cell->BindText(4, root);
    cell->BindInt(5, quad_class);
    cell->BindInt(6, delta.events);
    cell->BindInt(7, delta.mentions);
    cell->BindDouble(8, delta.goldstein);
    if (status = cell->Run(); !status.ok()) return status;
    add(delta, quad_class, &totals[{month, root, quad_class}]);
    add(delta, quad_class, &dyads[{source_country, target_country, month}]);
  }
  SqlStatement* total = impl->Statement(
      "INSERT INTO event_month_totals (month, root, quad_class, events, mentions, goldstein_sum) VALUES (?, ?, ?, "
      "?, ?, ?) ON CONFLICT (month, root, quad_class) DO UPDATE SET events = event_month_totals.events + "
      "excluded.events, mentions = event_month_totals.mentions + excluded.mentions, goldstein_sum = "
      "event_month_totals.goldstein_sum + excluded.goldstein_sum",
      &status);
  if (total == nullptr) return status;
  for (const auto& [key, sums] : totals) {
    total->BindInt(1, std::get<0>(key));
    total->BindText(2, std::get<1>(key));
    total->BindInt(3, std::get<2>(key));
    total->BindInt(4, sums.events);
    total->BindInt(5, sums.mentions);
    total->BindDouble(6, sums.goldstein);
    if (status = total->Run(); !status.ok()) return status;
  }
  SqlStatement* dyad = impl->Statement(
      "INSERT INTO event_dyad_months (source_country, target_country, month, events, mentions, goldstein_sum, "
      "quad1, quad2, quad3, quad4) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_country, "
      "target_country, month) DO UPDATE SET events = event_dyad_months.events + excluded.events, mentions = "
      "event_dyad_months.mentions + excluded.mentions, goldstein_sum = event_dyad_months.goldstein_sum + "
      "excluded.goldstein_sum, quad1 = event_dyad_months.quad1 + excluded.quad1, quad2 = event_dyad_months.quad2 + "
      "excluded.quad2, quad3 = event_dyad_months.quad3 + excluded.quad3, quad4 = event_dyad_months.quad4 + "
      "excluded.quad4",
      &status);
  if (dyad == nullptr) return status;
  for (const auto& [key, sums] : dyads) {
    dyad->BindText(1, std::get<0>(key));
    dyad->BindText(2, std::get<1>(key));
    dyad->BindInt(3, std::get<2>(key));
    dyad->BindInt(4, sums.events);
    dyad->BindInt(5, sums.mentions);
    dyad->BindDouble(6, sums.goldstein);
    for (int q = 0; q < 4; ++q) dyad->BindInt(7 + q, sums.quad[q]);
    if (status = dyad->Run(); !status.ok()) return status;
  }
  impl->monthly_pending.clear();
  return Status::Ok();
}

// Recounts an event's mentions, articles, publishers and report dates from its mentions;
// deletes it when none is left. Used after mentions were removed (re-ingest).
Status RecountEvent(Store::Impl* impl, const std::string& event_id) {
  Status status;
  SqlStatement* count = impl->Statement(
      "SELECT COUNT(*), COUNT(DISTINCT article_id), COUNT(DISTINCT publisher), "
      "MIN(CASE WHEN published > 0 THEN published END), MAX(published) FROM mentions WHERE event_id = ?",
      &status);
  if (count == nullptr) return status;
  count->BindText(1, event_id);
  Result<bool> row = count->Step();
  if (!row.ok()) return row.status();
  const int64_t mentions = count->Int(0), articles = count->Int(1), publishers = count->Int(2);
  const int64_t first = count->IsNull(3) ? 0 : count->Int(3), last = count->IsNull(4) ? 0 : count->Int(4);
  count->Reset();
  SqlStatement* old = impl->Statement(
      "SELECT source_country, target_country, date, root, quad_class, goldstein, mentions FROM events WHERE id = ?",
      &status);
  if (old == nullptr) return status;
  old->BindText(1, event_id);
  row = old->Step();
  if (!row.ok()) return row.status();
  if (*row) {
    const bool gone = mentions == 0;
    status = AddMonthly(impl, old->Text(0), old->Text(1), static_cast<int32_t>(old->Int(2)), old->Text(3), old->Int(4),
                        gone ? -1 : 0, mentions - old->Int(6), gone ? -old->Double(5) : 0.0);
  }
  old->Reset();
  if (!status.ok()) return status;
  if (mentions == 0) {
    SqlStatement* drop = impl->Statement("DELETE FROM events WHERE id = ?", &status);
    if (drop == nullptr) return status;
    drop->BindText(1, event_id);
    return drop->Run();
  }
  SqlStatement* update = impl->Statement(
      "UPDATE events SET mentions = ?, articles = ?, publishers = ?, first_report = ?, last_report = ? WHERE id = ?",
      &status);
  if (update == nullptr) return status;
  update->BindInt(1, mentions);
  update->BindInt(2, articles);
  update->BindInt(3, publishers);
  update->BindInt(4, first);
  update->BindInt(5, last);
  update->BindText(6, event_id);
  return update->Run();
}

// SQLite's full-text index (schema.cc) is written once per batch, as the batch commits:
// FTS5 writes its pending terms out at every statement savepoint of a transaction that has
// touched it, and most of a batch's statements open one, so indexing each article as it
// is inserted made ingest about 4x slower. An article replaced within its own batch was
// never indexed and is just dropped from the list; one from an earlier batch is removed
// from the index now.
Status UnindexArticle(Store::Impl* impl, int64_t seq) {
  std::vector<int64_t>& pending = impl->unindexed_articles;
  if (auto it = std::find(pending.begin(), pending.end(), seq); it != pending.end()) {
    pending.erase(it);
    return Status::Ok();
  }
  Status status;
  SqlStatement* remove = impl->Statement(
      "INSERT INTO article_fts (article_fts, rowid, title, text) SELECT 'delete', seq, title, text FROM articles "
      "WHERE seq = ?",
      &status);
  if (remove == nullptr) return status;
  remove->BindInt(1, seq);
  return remove->Run();
}

// Indexes the batch's articles in one statement (see UnindexArticle).
Status IndexPendingArticles(Store::Impl* impl) {
  if (impl->unindexed_articles.empty()) return Status::Ok();
  std::string list = "[";
  for (int64_t seq : impl->unindexed_articles) list += (list.size() > 1 ? "," : "") + std::to_string(seq);
  list += "]";
  Status status;
  SqlStatement* index = impl->Statement(
      "INSERT INTO article_fts (rowid, title, text) SELECT seq, title, text FROM articles WHERE seq IN "
      "(SELECT value FROM json_each(?))",
      &status);
  if (index == nullptr) return status;
  index->BindText(1, list);
  if (status = index->Run(); status.ok()) impl->unindexed_articles.clear();
  return status;
}

// Removes a stored article (none: nothing to do), its mentions and their share of events.
Status RemoveArticle(Store::Impl* impl, const std::string& article_id) {
  Status status;
  SqlStatement* stored = impl->Statement("SELECT seq FROM articles WHERE id = ?", &status);
  if (stored == nullptr) return status;
  stored->BindText(1, article_id);
  Result<bool> found = stored->Step();
  const int64_t seq = found.ok() && *found ? stored->Int(0) : -1;
  stored->Reset();
  if (!found.ok()) return found.status();
  if (seq < 0) return Status::Ok();  // mentions are only ever stored with their article
  SqlStatement* select = impl->Statement("SELECT DISTINCT event_id FROM mentions WHERE article_id = ?", &status);
  if (select == nullptr) return status;
  select->BindText(1, article_id);
  std::vector<std::string> events;
  for (;;) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    events.push_back(select->Text(0));
  }
  select->Reset();
  if (impl->db->dialect() == store::Dialect::kSqlite) {
    if (status = UnindexArticle(impl, seq); !status.ok()) return status;
  }
  const char* statements[] = {"DELETE FROM mentions WHERE article_id = ?", "DELETE FROM articles WHERE id = ?"};
  for (const char* sql : statements) {
    SqlStatement* remove = impl->Statement(sql, &status);
    if (remove == nullptr) return status;
    remove->BindText(1, article_id);
    if (status = remove->Run(); !status.ok()) return status;
  }
  for (const std::string& event_id : events) {
    if (status = RecountEvent(impl, event_id); !status.ok()) return status;
  }
  return Status::Ok();
}

struct Candidate {
  std::string id;
  MergeKey key;
  int64_t quad_class = 0;  // the stored event's (for its monthly counts)
  double score = -1.0;
};

// The stored event `key` joins: the best-scoring candidate in the dyad's countries and
// date window, or none.
Status FindEvent(Store::Impl* impl, const MergeKey& key, Candidate* best) {
  best->score = -1.0;
  if (!impl->options.merge.enabled) return Status::Ok();
  // Candidates: events in the date window that MergeScore could accept, selected by the
  // rules it checks first, so that only viable rows are read and compared. Per side of
  // the dyad, a known country C matches C or "---" (exactly only C), an empty side matches
  // only an empty one, an unknown country ("---") any non-empty side (never exactly); and
  // at least one side must match exactly (SameDyad). The codes must share the root or the
  // PLOVER type.
  const std::string source_country(store::ActorCountry(key.source));
  const std::string target_country(store::ActorCountry(key.target));
  const bool source_unknown = source_country == store::kUnknownCountry;
  const bool target_unknown = target_country == store::kUnknownCountry;
  if ((source_unknown && target_unknown) || (key.root.empty() && key.plover.empty())) return Status::Ok();
  // One SELECT per pair of country conditions that has an exact side, joined by UNION ALL:
  // each is a plain range of the dyad (or one-country) index, where an IN list would be
  // built into a temporary table at every execution.
  struct Alternative {
    std::string condition;  // " = ?", " = '---'", " = ''", " <> ''"
    bool exact;
  };
  auto alternatives = [](const std::string& country) -> std::vector<Alternative> {
    if (country.empty()) return {{" = ''", true}};
    if (country == store::kUnknownCountry) return {{" <> ''", false}};
    return {{" = ?", true}, {" = '---'", false}};
  };
  const int64_t gap = impl->options.merge.max_day_gap;
  const int64_t from = key.date == 0 ? 0 : store::DateOfDay(store::DayNumber(key.date) - gap);
  const int64_t to = key.date == 0 ? 0 : store::DateOfDay(store::DayNumber(key.date) + gap);
  std::string sql;
  std::vector<std::variant<std::string, int64_t>> params;
  for (const Alternative& source : alternatives(source_country)) {
    for (const Alternative& target : alternatives(target_country)) {
      if (!source.exact && !target.exact) continue;
      if (!sql.empty()) sql += " UNION ALL ";
      sql += "SELECT id, source, target, root, plover, date, place_key, words, quad_class FROM events WHERE "
             "source_country" + source.condition + " AND target_country" + target.condition + " AND ";
      if (source.condition == " = ?") params.emplace_back(source_country);
      if (target.condition == " = ?") params.emplace_back(target_country);
      if (key.root.empty() || key.plover.empty()) {
        sql += key.root.empty() ? "plover = ?" : "root = ?";
        params.emplace_back(key.root.empty() ? key.plover : key.root);
      } else {
        sql += "(root = ? OR plover = ?)";
        params.emplace_back(key.root);
        params.emplace_back(key.plover);
      }
      sql += " AND date >= ? AND date <= ?";  // no ORDER BY (a sorter per query): ties are broken below
      params.emplace_back(from);
      params.emplace_back(to);
    }
  }
  Status status;
  SqlStatement* stmt = impl->Statement(sql, &status);
  if (stmt == nullptr) return status;
  for (size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    if (const auto* text = std::get_if<std::string>(&params[i])) {
      stmt->BindText(index, *text);
    } else {
      stmt->BindInt(index, std::get<int64_t>(params[i]));
    }
  }
  Candidate candidate;
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    candidate.key.source = stmt->Text(1);
    candidate.key.target = stmt->Text(2);
    candidate.key.root = stmt->Text(3);
    candidate.key.plover = stmt->Text(4);
    candidate.key.date = static_cast<int32_t>(stmt->Int(5));
    candidate.key.place_key = stmt->Text(6);
    candidate.key.words = store::SplitWords(stmt->Text(7));
    const double score = store::MergeScore(impl->options.merge, key, candidate.key);
    if (score < 0 || score < best->score) continue;
    std::string id = stmt->Text(0);
    // Ties: the earliest (date, id) wins, so the result does not depend on the row order.
    if (score == best->score && std::tie(candidate.key.date, id) >= std::tie(best->key.date, best->id)) continue;
    best->score = score;
    best->id = std::move(id);
    best->key = std::move(candidate.key);
    best->quad_class = stmt->Int(8);
  }
  stmt->Reset();
  return Status::Ok();
}

Status InsertArticle(Store::Impl* impl, const Document& doc, const std::string& checksum) {
  Status status;
  SqlStatement* stmt = impl->Statement(
      "INSERT INTO articles (id, url, publisher, title, published, text, checksum) VALUES (?, ?, ?, ?, ?, ?, ?)",
      &status);
  if (stmt == nullptr) return status;
  stmt->BindText(1, doc.id);
  BindOptionalText(stmt, 2, doc.url);
  stmt->BindText(3, doc.source);
  BindOptionalText(stmt, 4, doc.title);
  stmt->BindInt(5, doc.date);
  stmt->BindText(6, doc.text);
  stmt->BindText(7, checksum);
  if (status = stmt->Run(); !status.ok() || impl->db->dialect() != store::Dialect::kSqlite) return status;
  SqlStatement* seq = impl->Statement("SELECT seq FROM articles WHERE id = ?", &status);
  if (seq == nullptr) return status;
  seq->BindText(1, doc.id);
  Result<bool> row = seq->Step();
  if (!row.ok()) return row.status();
  if (*row) impl->unindexed_articles.push_back(seq->Int(0));
  seq->Reset();
  return Status::Ok();
}

Status InsertMention(Store::Impl* impl, const Document& doc, const Event& event, int index, const std::string& event_id,
                     const MergeKey& key) {
  Status status;
  SqlStatement* stmt = impl->Statement(
      "INSERT INTO mentions (article_id, idx, id, event_id, sentence_index, sentence, sentence_begin, sentence_end, "
      "source, source_text, source_name, source_begin, source_end, target, target_text, target_name, target_begin, "
      "target_end, verb_text, verb_begin, verb_end, code, root, plover, quad_class, goldstein, date, rule, "
      "confidence, negated, modality, attributed_to, clause, place, place_country, place_begin, place_end, "
      "place_how, latitude, longitude, publisher, published, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      &status);
  if (stmt == nullptr) return status;
  stmt->BindText(1, doc.id);
  stmt->BindInt(2, index);
  stmt->BindText(3, EventId(event));
  stmt->BindText(4, event_id);
  stmt->BindInt(5, event.sentence_index);
  stmt->BindText(6, doc.Slice(event.sentence));
  stmt->BindInt(7, event.sentence.begin);
  stmt->BindInt(8, event.sentence.end);
  stmt->BindText(9, event.source.code);
  BindOptionalText(stmt, 10, event.source.text);
  BindOptionalText(stmt, 11, event.source.name);
  BindSpan(stmt, 12, event.source.span);
  stmt->BindText(14, event.target.code);
  BindOptionalText(stmt, 15, event.target.text);
  BindOptionalText(stmt, 16, event.target.name);
  BindSpan(stmt, 17, event.target.span);
  BindOptionalText(stmt, 19, event.verb.empty() ? std::string() : std::string(doc.Slice(event.verb)));
  BindSpan(stmt, 20, event.verb);
  stmt->BindText(22, event.code);
  stmt->BindText(23, event.root);
  stmt->BindText(24, event.plover);
  stmt->BindInt(25, event.quad_class);
  stmt->BindDouble(26, event.goldstein);
  stmt->BindInt(27, key.date);
  BindOptionalText(stmt, 28, event.rule);
  stmt->BindDouble(29, event.confidence);
  stmt->BindInt(30, event.negated ? 1 : 0);
  BindOptionalText(stmt, 31, event.modality);
  BindOptionalText(stmt, 32, event.attributed_to);
  BindOptionalText(stmt, 33, event.clause);
  BindOptionalText(stmt, 34, event.location.text);
  BindOptionalText(stmt, 35, event.location.code);
  BindSpan(stmt, 36, event.location.span);
  BindOptionalText(stmt, 38, event.location.how);
  if (event.location.has_coordinates) {  // the gazetteer's point (src/geo/locate)
    stmt->BindDouble(39, event.location.lat);
    stmt->BindDouble(40, event.location.lon);
  } else {
    stmt->BindNull(39);
    stmt->BindNull(40);
  }
  stmt->BindText(41, doc.source);
  stmt->BindInt(42, doc.date);
  stmt->BindText(43, store::JoinWords(key.words));
  return stmt->Run();
}

Status InsertEvent(Store::Impl* impl, const Document& doc, const Event& event, const MergeKey& key, std::string* id) {
  Status status;
  // The id of the first mention; should an old event already hold it (its article was
  // re-ingested and coded differently), a suffix keeps ids unique.
  *id = EventId(event);
  SqlStatement* exists = impl->Statement("SELECT 1 FROM events WHERE id = ?", &status);
  if (exists == nullptr) return status;
  for (int attempt = 1;; ++attempt) {
    exists->BindText(1, *id);
    Result<bool> row = exists->Step();
    exists->Reset();
    if (!row.ok()) return row.status();
    if (!*row) break;
    *id = Hex16(Fnv1a(EventId(event) + "#" + std::to_string(attempt)));
  }
  SqlStatement* stmt = impl->Statement(
      "INSERT INTO events (id, source, target, source_country, source_sector, target_country, target_sector, code, "
      "root, plover, quad_class, goldstein, date, place, place_key, place_country, latitude, longitude, "
      "first_report, last_report, mentions, articles, publishers, words, sentence, first_article_id) VALUES (?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)",
      &status);
  if (stmt == nullptr) return status;
  stmt->BindText(1, *id);
  stmt->BindText(2, event.source.code);
  stmt->BindText(3, event.target.code);
  stmt->BindText(4, store::ActorCountry(event.source.code));
  stmt->BindText(5, store::ActorSector(event.source.code));
  stmt->BindText(6, store::ActorCountry(event.target.code));
  stmt->BindText(7, store::ActorSector(event.target.code));
  stmt->BindText(8, event.code);
  stmt->BindText(9, event.root);
  stmt->BindText(10, event.plover);
  stmt->BindInt(11, event.quad_class);
  stmt->BindDouble(12, event.goldstein);
  stmt->BindInt(13, key.date);
  stmt->BindText(14, event.location.text);
  stmt->BindText(15, key.place_key);
  stmt->BindText(16, event.location.code);
  if (event.location.has_coordinates) {
    stmt->BindDouble(17, event.location.lat);
    stmt->BindDouble(18, event.location.lon);
  } else {
    stmt->BindNull(17);
    stmt->BindNull(18);
  }
  stmt->BindInt(19, doc.date);
  stmt->BindInt(20, doc.date);
  stmt->BindText(21, store::JoinWords(key.words));
  stmt->BindText(22, doc.Slice(event.sentence));
  stmt->BindText(23, doc.id);
  if (status = stmt->Run(); !status.ok()) return status;
  return AddMonthly(impl, std::string(store::ActorCountry(event.source.code)),
                    std::string(store::ActorCountry(event.target.code)), key.date, event.root, event.quad_class, 1, 0,
                    event.goldstein);
}

// Counts a new mention on its event (inserted before the mention itself).
Status CountMention(Store::Impl* impl, const Document& doc, const Event& event, const MergeKey& key,
                    const Candidate& stored, bool new_article, const std::vector<std::string>& words) {
  const std::string& event_id = stored.id;
  Status status;
  SqlStatement* seen = impl->Statement("SELECT 1 FROM mentions WHERE event_id = ? AND publisher = ? LIMIT 1", &status);
  if (seen == nullptr) return status;
  seen->BindText(1, event_id);
  seen->BindText(2, doc.source);
  Result<bool> row = seen->Step();
  seen->Reset();
  if (!row.ok()) return row.status();
  SqlStatement* stmt = impl->Statement(
      "UPDATE events SET mentions = mentions + 1, articles = articles + ?, publishers = publishers + ?, "
      "first_report = CASE WHEN first_report = 0 OR (? > 0 AND ? < first_report) THEN ? ELSE first_report END, "
      "last_report = CASE WHEN ? > last_report THEN ? ELSE last_report END, words = ? WHERE id = ?",
      &status);
  if (stmt == nullptr) return status;
  stmt->BindInt(1, new_article ? 1 : 0);
  stmt->BindInt(2, *row ? 0 : 1);
  for (int index : {3, 4, 5, 6, 7}) stmt->BindInt(index, doc.date);
  stmt->BindText(8, store::JoinWords(words));
  stmt->BindText(9, event_id);
  if (status = stmt->Run(); !status.ok()) return status;
  status = AddMonthly(impl, std::string(store::ActorCountry(stored.key.source)),
                      std::string(store::ActorCountry(stored.key.target)), stored.key.date, stored.key.root,
                      stored.quad_class, 0, 1, 0.0);
  if (!status.ok() || key.place_key.empty()) return status;
  // An event first reported without a place takes the first place a later report gives
  // (later mentions then must agree with it).
  SqlStatement* place = impl->Statement(
      "UPDATE events SET place = ?, place_key = ?, place_country = ?, latitude = ?, longitude = ? "
      "WHERE id = ? AND place_key = ''",
      &status);
  if (place == nullptr) return status;
  place->BindText(1, event.location.text);
  place->BindText(2, key.place_key);
  place->BindText(3, event.location.code);
  if (event.location.has_coordinates) {
    place->BindDouble(4, event.location.lat);
    place->BindDouble(5, event.location.lon);
  } else {
    place->BindNull(4);
    place->BindNull(5);
  }
  place->BindText(6, event_id);
  return place->Run();
}

Status InsertActor(Store::Impl* impl, const ActorRef& actor) {
  if (actor.code.empty()) return Status::Ok();
  auto written = impl->actors_written.find(actor.code);
  if (written != impl->actors_written.end() && (written->second || actor.name.empty())) return Status::Ok();
  Status status;
  SqlStatement* stmt = impl->Statement(
      "INSERT INTO actors (code, name, country, sector) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
      "name = excluded.name WHERE actors.name = '' AND excluded.name <> ''",
      &status);
  if (stmt == nullptr) return status;
  stmt->BindText(1, actor.code);
  stmt->BindText(2, actor.name);
  stmt->BindText(3, store::ActorCountry(actor.code));
  stmt->BindText(4, store::ActorSector(actor.code));
  if (status = stmt->Run(); status.ok()) impl->actors_written[actor.code] |= !actor.name.empty();
  return status;
}

}  // namespace

Status Store::PutArticle(const Document& doc, const std::vector<Event>& events) {
  if (!impl_->in_batch) return InvalidArgument("PutArticle outside a batch (BeginBatch first)");
  Status status = RemoveArticle(impl_.get(), doc.id);
  if (status.ok()) status = InsertArticle(impl_.get(), doc, Checksum(doc));
  std::set<std::string> joined;  // events this article already counts in
  for (size_t index = 0; status.ok() && index < events.size(); ++index) {
    const Event& event = events[index];
    MergeKey key = store::KeyOfEvent(doc, event);
    Candidate best;  // the stored event the mention joins, or the new one
    status = FindEvent(impl_.get(), key, &best);
    std::vector<std::string> words = key.words;
    if (status.ok() && best.score < 0) {
      status = InsertEvent(impl_.get(), doc, event, key, &best.id);
      best.key = key;
      best.quad_class = event.quad_class;
    } else if (status.ok()) {
      words = store::UnionWords(best.key.words, key.words, kMaxEventWords);
    }
    if (status.ok()) status = CountMention(impl_.get(), doc, event, key, best, joined.insert(best.id).second, words);
    if (status.ok()) status = InsertMention(impl_.get(), doc, event, static_cast<int>(index), best.id, key);
    if (status.ok()) status = InsertActor(impl_.get(), event.source);
    if (status.ok()) status = InsertActor(impl_.get(), event.target);
  }
  if (!status.ok()) return Status(status.code(), doc.id + ": " + status.message());
  return Status::Ok();
}

int32_t ParseIsoDate(const std::string& text) {
  int year = 0, month = 0, day = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3) return 0;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return 0;
  return year * 10000 + month * 100 + day;
}

std::string FormatIsoDate(int32_t date) {
  if (date <= 0) return std::string();
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", date / 10000, (date / 100) % 100, date % 100);
  return buffer;
}

}  // namespace annalist
