// Shared by the store's write path (store.cc) and read path (store_read.cc).
#ifndef ANNALIST_STORE_STORE_INTERNAL_H_
#define ANNALIST_STORE_STORE_INTERNAL_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "annalist/store.h"
#include "store/sql.h"

namespace annalist {

struct Store::Impl {
  std::unique_ptr<store::SqlConnection> db;
  StoreOptions options;
  bool in_batch = false;
  bool committed = false;  // a batch committed through this handle
  // SQLite: articles inserted in the open batch, full-text indexed when it commits
  // (IndexPendingArticles, store.cc).
  std::vector<int64_t> unindexed_articles;
  // Actor codes this handle has written (true: with a name), so InsertActor skips an
  // upsert that would change nothing; forgotten when a batch rolls back.
  std::unordered_map<std::string, bool> actors_written;
  // Changes to the monthly counts made by the open batch, by (source country, target
  // country, month, root, QuadClass), written once per cell when it commits (store.cc).
  struct MonthlyDelta {
    int64_t events = 0, mentions = 0;
    double goldstein = 0.0;
  };
  std::map<std::tuple<std::string, std::string, int32_t, std::string, int64_t>, MonthlyDelta> monthly_pending;
  // Prepared statements by their SQL; the store's SQL is a small fixed set plus the
  // filter combinations a session uses.
  std::unordered_map<std::string, std::unique_ptr<store::SqlStatement>> statements;

  // The prepared statement for `sql`, reset and ready to bind; nullptr with `*status`
  // set when it does not prepare.
  store::SqlStatement* Statement(const std::string& sql, Status* status);
};

}  // namespace annalist

#endif  // ANNALIST_STORE_STORE_INTERNAL_H_
