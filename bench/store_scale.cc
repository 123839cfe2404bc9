// Store scale benchmark: builds a synthetic store of N merged events (varied dates over ten
// years, Zipf-distributed countries, sectors, CAMEO codes, mention counts) and times the
// read API the server uses: filtered pages of events and dyad-by-month aggregates, p50 /
// p95 / max over random parameters drawn from the same distributions. Checks its answers
// (a page never exceeds its limit and holds only matching events; aggregate counts add up).
//
//   build/bench/store_scale --db /tmp/scale.db --events 10000000 --build   # build, then time
//   build/bench/store_scale --db /tmp/scale.db                             # time an existing store
//
// The events table (with its indexes and the monthly counts) is filled directly: articles
// and mentions are not generated at this scale (the queries timed read only events).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "annalist/store.h"
#include "store/merge.h"
#include "store/schema.h"
#include "store/sql.h"

namespace {

using annalist::EventFilter;
using annalist::Store;

const char* const kTopCountries[] = {"USA", "RUS", "CHN", "IRN", "ISR", "UKR", "GBR", "FRA", "DEU", "TUR",
                                     "IND", "PAK", "SYR", "IRQ", "AFG", "PSE", "SAU", "EGY", "JPN", "KOR"};
const char* const kSectors[] = {"", "", "", "GOV", "GOV", "MIL", "COP", "OPP", "REB", "BUS", "MED", "CVL"};
const char* const kCodes[] = {"010", "012", "020", "036", "040", "042", "043", "046", "051", "057",
                              "061", "070", "073", "080", "090", "100", "111", "112", "120", "130",
                              "138", "141", "150", "160", "163", "173", "180", "190", "193", "195"};
const char* const kPlover[] = {"", "", "CONSULT", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
                               "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "REDUCE",
                               "COERCE", "ASSAULT", "ASSAULT", "ASSAULT", "ASSAULT", "ASSAULT", "ASSAULT"};

struct Zipf {
  std::vector<double> cumulative;
  explicit Zipf(int n, double s = 1.0) {
    double total = 0;
    for (int k = 1; k <= n; ++k) cumulative.push_back(total += 1.0 / std::pow(k, s));
    for (double& c : cumulative) c /= total;
  }
  int operator()(std::mt19937_64& rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<int>(std::lower_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
  }
};

std::string Country(int rank) {
  if (rank < 20) return kTopCountries[rank];
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "X%02d", rank - 20);
  return buffer;
}

constexpr int kCountries = 120;
constexpr int32_t kFirstDay = 20150101;
constexpr int kDays = 3653;

bool Check(annalist::Status status) {
  if (!status.ok()) std::fprintf(stderr, "error: %s\n", status.message().c_str());
  return status.ok();
}

bool Build(const std::string& path, int64_t count) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  {
    auto store = Store::Open(path, annalist::StoreOptions());  // creates the schema
    if (!Check(store.status())) return false;
  }
  auto db = annalist::store::OpenSqlite(path, false, 30000);
  if (!Check(db.status())) return false;
  // Bulk load: indexes dropped, rows in date order, indexes rebuilt after.
  const char* drop =
      "DROP INDEX events_date; DROP INDEX events_dyad; DROP INDEX events_target_country; DROP INDEX events_root; "
      "DROP INDEX events_quad; DROP INDEX events_plover; DROP INDEX events_source; DROP INDEX events_target; "
      "PRAGMA synchronous=OFF";
  if (!Check((*db)->Exec(drop)) || !Check((*db)->Exec("BEGIN"))) return false;
  auto insert = (*db)->Prepare(
      "INSERT INTO events (id, source, target, source_country, source_sector, target_country, target_sector, code, "
      "root, plover, quad_class, goldstein, date, place, place_key, place_country, first_report, last_report, "
      "mentions, articles, publishers, words, sentence, first_article_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, '', '', '', ?, ?, ?, ?, ?, '', ?, ?)");
  if (!Check(insert.status())) return false;
  std::mt19937_64 rng(42);
  Zipf countries(kCountries), codes(sizeof(kCodes) / sizeof(kCodes[0]), 0.7);
  const int64_t first_day = annalist::store::DayNumber(kFirstDay);
  auto start = std::chrono::steady_clock::now();
  for (int64_t i = 0; i < count; ++i) {
    const int32_t date = annalist::store::DateOfDay(first_day + (i * kDays) / count);
    const int source_rank = countries(rng);
    int target_rank = countries(rng);
    if (target_rank == source_rank) target_rank = (target_rank + 1) % kCountries;
    const std::string source = Country(source_rank) + kSectors[rng() % 12];
    const std::string target = Country(target_rank) + kSectors[rng() % 12];
    const std::string code = kCodes[codes(rng)];
    const int root = std::atoi(code.substr(0, 2).c_str());
    const int quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    const int mentions = 1 + static_cast<int>(std::geometric_distribution<int>(0.6)(rng));
    char id[20];
    std::snprintf(id, sizeof(id), "%016llx", static_cast<unsigned long long>(i * 0x9E3779B97F4A7C15ull));
    annalist::store::SqlStatement* s = insert->get();
    s->BindText(1, id);
    s->BindText(2, source);
    s->BindText(3, target);
    s->BindText(4, source.substr(0, 3));
    s->BindText(5, source.size() > 3 ? source.substr(3) : "");
    s->BindText(6, target.substr(0, 3));
    s->BindText(7, target.size() > 3 ? target.substr(3) : "");
    s->BindText(8, code);
    s->BindText(9, code.substr(0, 2));
    s->BindText(10, kPlover[root]);
    s->BindInt(11, quad);
    s->BindDouble(12, quad <= 2 ? 3.0 + root % 4 : -2.0 - root % 8);
    s->BindInt(13, date);
    s->BindInt(14, date);
    s->BindInt(15, date);
    s->BindInt(16, mentions);
    s->BindInt(17, mentions);
    s->BindInt(18, std::min(mentions, 3));
    s->BindText(19, "Synthetic event " + std::to_string(i) + ".");
    s->BindText(20, "synthetic-" + std::to_string(i / 4));
    if (!Check(s->Run())) return false;
    if ((i + 1) % 1000000 == 0) {
      std::fprintf(stderr, "  %lld events, %.0f s\n", static_cast<long long>(i + 1),
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
  }
  insert->reset();
  if (!Check((*db)->Exec("COMMIT"))) return false;
  std::fprintf(stderr, "rows loaded in %.0f s; indexing\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (!Check(annalist::store::CreateSchema(db->get()))) return false;  // recreates the indexes
  if (!Check(annalist::store::RebuildMonthlyCounts(db->get()))) return false;
  if (!Check((*db)->Exec("ANALYZE"))) return false;
  std::fprintf(stderr, "built in %.0f s\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return true;
}

struct Timing {
  std::vector<double> ms;
  void Report(const char* name) {
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))]; };
    std::printf("%-44s n=%zu  p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms\n", name, ms.size(), at(0.5), at(0.95),
                ms.back());
  }
};

template <typename F>
double Time(F&& run) {
  auto start = std::chrono::steady_clock::now();
  run();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

int Run(const std::string& path, int repeats) {
  annalist::StoreOptions options;
  options.read_only = true;
  auto store = Store::Open(path, options);
  if (!Check(store.status())) return 1;
  auto stats = (*store)->Stats();
  std::printf("store %s: %lld events\n", path.c_str(), static_cast<long long>(stats.ok() ? stats->events : -1));
  std::mt19937_64 rng(7);
  Zipf countries(kCountries), codes(sizeof(kCodes) / sizeof(kCodes[0]), 0.7);
  auto random_month = [&] {
    int64_t day = annalist::store::DayNumber(kFirstDay) + static_cast<int64_t>(rng() % kDays);
    return annalist::store::DateOfDay(day) / 100;
  };
  bool ok = true;
  auto page = [&](const char* name, auto&& fill) {
    Timing timing;
    for (int r = 0; r < repeats; ++r) {
      EventFilter filter;
      filter.limit = 50;
      fill(filter);
      timing.ms.push_back(Time([&] {
        auto events = (*store)->QueryEvents(filter);
        ok = ok && events.ok() && events->size() <= 50;
        if (events.ok()) {
          for (const auto& event : *events) {
            ok = ok && (filter.root.empty() || event.root == filter.root);
            ok = ok && (filter.country.empty() || event.source.rfind(filter.country, 0) == 0 ||
                        event.target.rfind(filter.country, 0) == 0);
          }
        }
      }));
    }
    timing.Report(name);
  };
  page("page: newest 50", [](EventFilter&) {});
  page("page: offset 5000", [](EventFilter& f) { f.offset = 5000; });
  page("page: country", [&](EventFilter& f) { f.country = Country(countries(rng)); });
  page("page: country + root", [&](EventFilter& f) {
    f.country = Country(countries(rng));
    f.root = std::string(kCodes[codes(rng)]).substr(0, 2);
  });
  page("page: dyad (source, target country)", [&](EventFilter& f) {
    f.source = Country(countries(rng));
    f.target = Country(countries(rng));
  });
  page("page: month + QuadClass", [&](EventFilter& f) {
    int month = random_month();
    f.date_from = month * 100 + 1;
    f.date_to = month * 100 + 31;
    f.quad_class = 1 + static_cast<int>(rng() % 4);
  });
  auto aggregate = [&](const char* name, auto&& fill) {
    Timing timing;
    for (int r = 0; r < repeats; ++r) {
      annalist::AggregateRequest request;
      request.period = annalist::Period::kMonth;
      fill(request);
      timing.ms.push_back(Time([&] {
        auto rows = (*store)->Aggregate(request);
        ok = ok && rows.ok();
        if (rows.ok()) {
          for (const auto& row : *rows) {
            ok = ok && row.events == row.quad[0] + row.quad[1] + row.quad[2] + row.quad[3];
          }
        }
      }));
    }
    timing.Report(name);
  };
  aggregate("aggregate: dyad by month (one dyad)", [&](annalist::AggregateRequest& r) {
    r.by_dyad = r.by_country = true;
    r.filter.source = Country(countries(rng));
    r.filter.target = Country(countries(rng));
  });
  aggregate("aggregate: dyads by month of a country", [&](annalist::AggregateRequest& r) {
    r.by_dyad = r.by_country = true;
    r.filter.country = Country(countries(rng));
  });
  aggregate("aggregate: dyads by month, a root, a year", [&](annalist::AggregateRequest& r) {
    r.by_dyad = r.by_country = true;
    r.filter.root = std::string(kCodes[codes(rng)]).substr(0, 2);
    int year = 2015 + static_cast<int>(rng() % 10);
    r.filter.date_from = year * 10000 + 101;
    r.filter.date_to = year * 10000 + 1231;
  });
  aggregate("aggregate: all events by month", [&](annalist::AggregateRequest&) {});
  std::printf("answers checked: %s\n", ok ? "ok" : "WRONG");
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db = "/tmp/annalist-scale.db";
  int64_t events = 1000000;
  int repeats = 100;
  bool build = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--db" && i + 1 < argc) db = argv[++i];
    else if (arg == "--events" && i + 1 < argc) events = std::atoll(argv[++i]);
    else if (arg == "--repeats" && i + 1 < argc) repeats = std::atoi(argv[++i]);
    else if (arg == "--build") build = true;
    else {
      std::fprintf(stderr, "usage: store_scale [--db F] [--events N] [--build] [--repeats N]\n");
      return 2;
    }
  }
  if (build && !Build(db, events)) return 1;
  return Run(db, repeats);
}
