// The store's tables (docs/store.md). SQLite and PostgreSQL share the columns; they
// differ in the auto-numbered article key and the full-text index (FTS5 / tsvector GIN).
#include "store/schema.h"

#include <cstdlib>
#include <string>

namespace annalist::store {

namespace {

// 2: event_months (monthly counts), id in the ordering indexes. 3: the SQLite full-text
// index kept by the store's own statements instead of triggers. 4: event_month_totals.
constexpr int kSchemaVersion = 4;

// Columns of events and mentions, shared by both dialects. Dates are YYYYMMDD integers
// (0 = unknown), booleans 0/1, an absent target is ''.
constexpr char kCommonTables[] = R"SQL(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL, target TEXT NOT NULL,
  source_country TEXT NOT NULL, source_sector TEXT NOT NULL,
  target_country TEXT NOT NULL, target_sector TEXT NOT NULL,
  code TEXT NOT NULL, root TEXT NOT NULL, plover TEXT NOT NULL,
  quad_class INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL,
  date INTEGER NOT NULL,
  place TEXT NOT NULL, place_key TEXT NOT NULL, place_country TEXT NOT NULL,
  latitude DOUBLE PRECISION, longitude DOUBLE PRECISION,
  first_report INTEGER NOT NULL, last_report INTEGER NOT NULL,
  mentions INTEGER NOT NULL, articles INTEGER NOT NULL, publishers INTEGER NOT NULL,
  words TEXT NOT NULL, sentence TEXT NOT NULL, first_article_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_date ON events (date, id);
CREATE INDEX IF NOT EXISTS events_dyad ON events (source_country, target_country, date, id);
CREATE INDEX IF NOT EXISTS events_source_country ON events (source_country, date, id);
CREATE INDEX IF NOT EXISTS events_target_country ON events (target_country, date, id);
CREATE INDEX IF NOT EXISTS events_root ON events (root, date, id);
CREATE INDEX IF NOT EXISTS events_quad ON events (quad_class, date, id);
CREATE INDEX IF NOT EXISTS events_plover ON events (plover, date, id);
CREATE INDEX IF NOT EXISTS events_source ON events (source);
CREATE INDEX IF NOT EXISTS events_target ON events (target);
CREATE TABLE IF NOT EXISTS mentions (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, id TEXT NOT NULL, event_id TEXT NOT NULL,
  sentence_index INTEGER NOT NULL, sentence TEXT NOT NULL,
  sentence_begin INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
  source TEXT NOT NULL, source_text TEXT, source_name TEXT, source_begin INTEGER, source_end INTEGER,
  target TEXT NOT NULL, target_text TEXT, target_name TEXT, target_begin INTEGER, target_end INTEGER,
  verb_text TEXT, verb_begin INTEGER, verb_end INTEGER,
  code TEXT NOT NULL, root TEXT NOT NULL, plover TEXT NOT NULL,
  quad_class INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL, date INTEGER NOT NULL,
  rule TEXT, confidence DOUBLE PRECISION, negated INTEGER NOT NULL,
  modality TEXT, attributed_to TEXT, clause TEXT,
  place TEXT, place_country TEXT, place_begin INTEGER, place_end INTEGER, place_how TEXT,
  latitude DOUBLE PRECISION, longitude DOUBLE PRECISION,
  publisher TEXT NOT NULL, published INTEGER NOT NULL, words TEXT NOT NULL,
  PRIMARY KEY (article_id, idx));
CREATE INDEX IF NOT EXISTS mentions_event ON mentions (event_id, publisher);
CREATE TABLE IF NOT EXISTS event_months (
  source_country TEXT NOT NULL, target_country TEXT NOT NULL, month INTEGER NOT NULL,
  root TEXT NOT NULL, quad_class INTEGER NOT NULL,
  events INTEGER NOT NULL, mentions INTEGER NOT NULL, goldstein_sum DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (source_country, target_country, month, root, quad_class));
CREATE INDEX IF NOT EXISTS event_months_target ON event_months (target_country, month);
CREATE INDEX IF NOT EXISTS event_months_month ON event_months (month);
CREATE INDEX IF NOT EXISTS event_months_root ON event_months (root, month);
CREATE TABLE IF NOT EXISTS event_month_totals (
  month INTEGER NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL,
  events INTEGER NOT NULL, mentions INTEGER NOT NULL, goldstein_sum DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (month, root, quad_class));
CREATE TABLE IF NOT EXISTS actors (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, sector TEXT NOT NULL);
)SQL";

// The FTS5 index follows articles through InsertArticle and RemoveArticle (store.cc), not
// through triggers (schema 2 had them): a trigger made every article insert open a
// statement savepoint, and FTS5 writes its pending terms to disk at each savepoint, which
// made an ingest about 3x slower.
constexpr char kSqliteArticles[] = R"SQL(
CREATE TABLE IF NOT EXISTS articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE, url TEXT, publisher TEXT NOT NULL, title TEXT,
  published INTEGER NOT NULL, text TEXT NOT NULL, checksum TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
  title, text, content='articles', content_rowid='seq');
DROP TRIGGER IF EXISTS articles_fts_insert;
DROP TRIGGER IF EXISTS articles_fts_delete;
)SQL";

constexpr char kPostgresArticles[] = R"SQL(
CREATE TABLE IF NOT EXISTS articles (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE, url TEXT, publisher TEXT NOT NULL, title TEXT,
  published INTEGER NOT NULL, text TEXT NOT NULL, checksum TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_fts ON articles
  USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text));
)SQL";

}  // namespace

Status CreateSchema(SqlConnection* db) {
  const bool sqlite = db->dialect() == Dialect::kSqlite;
  if (Status status = db->BeginWrite(); !status.ok()) return status;
  std::string sql = std::string(sqlite ? kSqliteArticles : kPostgresArticles) + kCommonTables;
  Status status = db->Exec(sql);
  // The monthly counts are computed from the events once: in a store of schema 1 (none
  // yet, meta monthly_counts absent or 0) or 2-3 (no month totals, monthly_counts 1), and
  // after an older binary wrote to the store (its schema_version is lower: it kept
  // event_months but not the totals).
  if (status.ok()) status = db->Exec("INSERT INTO meta (key, value) VALUES ('monthly_counts', '0') ON CONFLICT (key) DO NOTHING");
  if (status.ok()) {
    auto check = db->Prepare(
        "SELECT (SELECT value FROM meta WHERE key = 'monthly_counts'), "
        "(SELECT value FROM meta WHERE key = 'schema_version')");
    Result<bool> row = check.ok() ? (*check)->Step() : Result<bool>(check.status());
    bool rebuild = false;
    if (row.ok() && *row) {
      const std::string version = (*check)->IsNull(1) ? std::string() : (*check)->Text(1);
      rebuild = (*check)->Text(0) != "2" || (!version.empty() && std::atoi(version.c_str()) < kSchemaVersion);
    }
    if (!row.ok()) status = row.status();
    if (check.ok()) (*check)->Reset();
    if (status.ok() && rebuild) status = RebuildMonthlyCounts(db);
  }
  if (status.ok()) {
    status = db->Exec("INSERT INTO meta (key, value) VALUES ('schema_version', '" + std::to_string(kSchemaVersion) +
                      "') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  }
  if (!status.ok()) {
    (void)db->Exec("ROLLBACK");
    return status;
  }
  return db->Exec("COMMIT");
}

Status RebuildMonthlyCounts(SqlConnection* db) {
  return db->Exec(
      "DELETE FROM event_months; INSERT INTO event_months (source_country, target_country, month, root, quad_class, "
      "events, mentions, goldstein_sum) SELECT source_country, target_country, date / 100, root, quad_class, "
      "COUNT(*), SUM(mentions), SUM(goldstein) FROM events GROUP BY source_country, target_country, date / 100, "
      "root, quad_class; DELETE FROM event_month_totals; INSERT INTO event_month_totals (month, root, quad_class, "
      "events, mentions, goldstein_sum) SELECT month, root, quad_class, SUM(events), SUM(mentions), "
      "SUM(goldstein_sum) FROM event_months GROUP BY month, root, quad_class; "
      "UPDATE meta SET value = '2' WHERE key = 'monthly_counts'");
}

std::string FullTextCondition(Dialect dialect) {
  if (dialect == Dialect::kSqlite) {
    return "SELECT a.id FROM articles a WHERE a.seq IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)";
  }
  return "SELECT a.id FROM articles a WHERE to_tsvector('simple', coalesce(a.title, '') || ' ' || a.text) @@ "
         "plainto_tsquery('simple', ?)";
}

std::string FullTextQuery(Dialect dialect, const std::string& words) {
  if (dialect == Dialect::kPostgres) return words;
  // FTS5: every word a quoted string (AND), so operators and punctuation are literal.
  std::string query;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!query.empty()) query += ' ';
    query += '"';
    for (char c : word) {
      if (c == '"') query += '"';
      query += c;
    }
    query += '"';
    word.clear();
  };
  for (char c : words) {
    if (c == ' ' || c == '\t' || c == '\n') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return query;
}

}  // namespace annalist::store
