// Creating the store's tables, and the dialect-specific full-text search.
#ifndef ANNALIST_STORE_SCHEMA_H_
#define ANNALIST_STORE_SCHEMA_H_

#include <string>

#include "store/sql.h"

namespace annalist::store {

// Creates missing tables and indexes (idempotent, in one write transaction).
Status CreateSchema(SqlConnection* db);

// Recomputes event_months (merged events counted per month, country dyad, root and
// QuadClass: what Aggregate reads for monthly counts) from the events table, and
// event_month_totals (the same without the dyad: the timeline of all events) from it.
Status RebuildMonthlyCounts(SqlConnection* db);

// A subquery returning the ids of articles whose title or text contain the words bound to
// its one `?` (the value is FullTextQuery(dialect, words)).
std::string FullTextCondition(Dialect dialect);
std::string FullTextQuery(Dialect dialect, const std::string& words);

}  // namespace annalist::store

#endif  // ANNALIST_STORE_SCHEMA_H_
