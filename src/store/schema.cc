// The store's tables (docs/store.md). SQLite and PostgreSQL share the columns; they
// differ in the auto-numbered article key and the full-text index (FTS5 / tsvector GIN).
#include "store/schema.h"

#include <cstdlib>
#include <string>

namespace annalist::store {

namespace {

// 2: event_months (monthly counts), id in the ordering indexes. 3: the SQLite full-text
// index kept by the store's own statements instead of triggers. 4: event_month_totals.
// 5: event_dyad_months, (country, root, date, id) indexes, count tables rebuilt clustered
// by their keys (SQLite WITHOUT ROWID).
constexpr int kSchemaVersion = 5;

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
CREATE INDEX IF NOT EXISTS events_source_root ON events (source_country, root, date, id);
CREATE INDEX IF NOT EXISTS events_target_root ON events (target_country, root, date, id);
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
CREATE TABLE IF NOT EXISTS actors (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, sector TEXT NOT NULL);
)SQL";

// The monthly counts (docs/store.md). `@CLUSTERED@` is WITHOUT ROWID on SQLite: a table's
// rows are then stored in key order, so a key range (a country's months) is read
// contiguously instead of one row fetch per index entry. The root index carries the count
// columns, so a root's months are read from it alone.
constexpr char kCountTables[] = R"SQL(
CREATE TABLE IF NOT EXISTS event_months (
  source_country TEXT NOT NULL, target_country TEXT NOT NULL, month INTEGER NOT NULL,
  root TEXT NOT NULL, quad_class INTEGER NOT NULL,
  events INTEGER NOT NULL, mentions INTEGER NOT NULL, goldstein_sum DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (source_country, target_country, month, root, quad_class))@CLUSTERED@;
CREATE INDEX IF NOT EXISTS event_months_target ON event_months (target_country, month);
CREATE INDEX IF NOT EXISTS event_months_month ON event_months (month);
CREATE INDEX IF NOT EXISTS event_months_root_counts ON event_months
  (root, month, source_country, target_country, quad_class, events, mentions, goldstein_sum);
CREATE TABLE IF NOT EXISTS event_dyad_months (
  source_country TEXT NOT NULL, target_country TEXT NOT NULL, month INTEGER NOT NULL,
  events INTEGER NOT NULL, mentions INTEGER NOT NULL, goldstein_sum DOUBLE PRECISION NOT NULL,
  quad1 INTEGER NOT NULL, quad2 INTEGER NOT NULL, quad3 INTEGER NOT NULL, quad4 INTEGER NOT NULL,
  PRIMARY KEY (source_country, target_country, month))@CLUSTERED@;
CREATE INDEX IF NOT EXISTS event_dyad_months_target ON event_dyad_months
  (target_country, month, source_country, events, mentions, goldstein_sum, quad1, quad2, quad3, quad4);
CREATE TABLE IF NOT EXISTS event_month_totals (
  month INTEGER NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL,
  events INTEGER NOT NULL, mentions INTEGER NOT NULL, goldstein_sum DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (month, root, quad_class));
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

namespace {

// The store's meta value for `key`; empty when absent (a new store).
Result<std::string> MetaValue(SqlConnection* db, const std::string& key) {
  auto stmt = db->Prepare("SELECT value FROM meta WHERE key = '" + key + "'");
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = (*stmt)->Step();
  if (!row.ok()) return row.status();
  std::string value = *row && !(*stmt)->IsNull(0) ? (*stmt)->Text(0) : std::string();
  (*stmt)->Reset();
  return value;
}

std::string CountTables(Dialect dialect) {
  std::string sql = kCountTables;
  const std::string marker = "@CLUSTERED@";
  const std::string clustered = dialect == Dialect::kSqlite ? " WITHOUT ROWID" : "";
  for (size_t at = sql.find(marker); at != std::string::npos; at = sql.find(marker, at)) {
    sql.replace(at, marker.size(), clustered);
  }
  return sql;
}

Status CreateTables(SqlConnection* db) {
  const bool sqlite = db->dialect() == Dialect::kSqlite;
  if (Status status = db->Exec(std::string(sqlite ? kSqliteArticles : kPostgresArticles) + kCommonTables);
      !status.ok()) {
    return status;
  }
  // The count tables are recomputed from the events: in a new store (monthly_counts 0),
  // one of schema 1 (none yet), and one an older binary wrote to (its schema_version is
  // lower: it kept some count tables but not all), whose count tables are dropped first so
  // that they are created in this version's layout.
  Result<std::string> version = MetaValue(db, "schema_version");
  if (!version.ok()) return version.status();
  const bool older = !version->empty() && std::atoi(version->c_str()) < kSchemaVersion;
  if (older) {
    Status status = db->Exec(
        "DROP TABLE IF EXISTS event_months; DROP TABLE IF EXISTS event_month_totals; "
        "DROP TABLE IF EXISTS event_dyad_months");
    if (!status.ok()) return status;
  }
  if (Status status = db->Exec(CountTables(db->dialect())); !status.ok()) return status;
  Status status = db->Exec(
      "INSERT INTO meta (key, value) VALUES ('monthly_counts', '0') ON CONFLICT (key) DO NOTHING");
  if (!status.ok()) return status;
  Result<std::string> counts = MetaValue(db, "monthly_counts");
  if (!counts.ok()) return counts.status();
  if (older || *counts != "2") status = RebuildMonthlyCounts(db);
  if (!status.ok()) return status;
  return db->Exec("INSERT INTO meta (key, value) VALUES ('schema_version', '" + std::to_string(kSchemaVersion) +
                  "') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
}

}  // namespace

Status CreateSchema(SqlConnection* db) {
  if (Status status = db->BeginWrite(); !status.ok()) return status;
  if (Status status = CreateTables(db); !status.ok()) {
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
      "SUM(goldstein_sum) FROM event_months GROUP BY month, root, quad_class; DELETE FROM event_dyad_months; "
      "INSERT INTO event_dyad_months (source_country, target_country, month, events, mentions, goldstein_sum, "
      "quad1, quad2, quad3, quad4) SELECT source_country, target_country, month, SUM(events), SUM(mentions), "
      "SUM(goldstein_sum), SUM(CASE WHEN quad_class = 1 THEN events ELSE 0 END), SUM(CASE WHEN quad_class = 2 THEN "
      "events ELSE 0 END), SUM(CASE WHEN quad_class = 3 THEN events ELSE 0 END), SUM(CASE WHEN quad_class = 4 THEN "
      "events ELSE 0 END) FROM event_months GROUP BY source_country, target_country, month; "
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
