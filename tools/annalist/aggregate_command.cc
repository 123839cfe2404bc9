// annalist aggregate: merged events counted per day, week or month (and dyad), with
// Goldstein sums and QuadClass shares, as CSV or JSON lines.
#include <cstdio>
#include <memory>
#include <string>

#include "annalist/store.h"
#include "cli.h"
#include "annalist/event_writer.h"
#include "store_commands.h"

namespace annalist::cli {

namespace {

constexpr char kAggregateHelp[] =
    "usage: annalist aggregate --db STORE --by [dyad,]day|week|month [--countries] [FILTERS]\n"
    "                          [--format csv|jsonl]\n"
    "\n"
    "Counts merged events per period (weeks start on Monday; a period is named by its first\n"
    "day), one row per period, or per period and dyad (source, target) with 'dyad,'.\n"
    "--countries cuts the dyad's actor codes to their countries. Columns: period, [source,\n"
    "target,] events, mentions, goldstein_sum, goldstein_mean, q1..q4 (events per QuadClass)\n"
    "and q1_share..q4_share. The store is opened read-only. Default format: csv.\n";

constexpr int kExitStore = 3;

bool ParseBy(const std::string& value, AggregateRequest* request) {
  std::string period = value;
  request->by_dyad = false;
  if (period.rfind("dyad,", 0) == 0) {
    request->by_dyad = true;
    period = period.substr(5);
  } else if (period.size() > 5 && period.compare(period.size() - 5, 5, ",dyad") == 0) {
    request->by_dyad = true;
    period.resize(period.size() - 5);
  }
  if (period == "day") request->period = Period::kDay;
  else if (period == "week") request->period = Period::kWeek;
  else if (period == "month") request->period = Period::kMonth;
  else return false;
  return true;
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.6g", value);
  return buffer;
}

}  // namespace

int RunAggregate(int argc, char** argv) {
  std::string db, format = "csv";
  AggregateRequest request;
  bool have_by = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const int parsed = ParseFilterOption(argc, argv, &i, &request.filter);
    if (parsed < 0) return kExitUsage;
    if (parsed > 0) continue;
    if (arg == "--help" || arg == "-h") {
      std::printf("%s\n%s", kAggregateHelp, kFilterHelp);
      return kExitOk;
    }
    if (arg == "--countries") {
      request.by_country = true;
      continue;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "annalist: unknown option or missing value: %s (see --help)\n", arg.c_str());
      return kExitUsage;
    }
    if (arg == "--db") {
      db = argv[++i];
    } else if (arg == "--by") {
      if (!ParseBy(argv[++i], &request)) {
        std::fprintf(stderr, "annalist: --by wants day, week or month, optionally with 'dyad,': '%s'\n", argv[i]);
        return kExitUsage;
      }
      have_by = true;
    } else if (arg == "--format") {
      format = argv[++i];
      if (format != "jsonl" && format != "csv") {
        std::fprintf(stderr, "annalist: --format wants csv or jsonl, not '%s'\n", format.c_str());
        return kExitUsage;
      }
    } else {
      std::fprintf(stderr, "annalist: unknown option %s (see --help)\n", arg.c_str());
      return kExitUsage;
    }
  }
  if (db.empty() || !have_by) {
    std::fprintf(stderr, "annalist: aggregate needs --db STORE and --by PERIOD (see --help)\n");
    return kExitUsage;
  }
  std::unique_ptr<Store> store = OpenStoreReadOnly(db);
  if (store == nullptr) return kExitStore;
  auto rows = store->Aggregate(request);
  if (!rows.ok()) {
    std::fprintf(stderr, "annalist: %s: %s\n", db.c_str(), rows.status().message().c_str());
    return kExitStore;
  }
  std::string out;
  if (format == "csv") {
    out = request.by_dyad ? "period,source,target," : "period,";
    out += "events,mentions,goldstein_sum,goldstein_mean,q1,q2,q3,q4,q1_share,q2_share,q3_share,q4_share\r\n";
  }
  for (const CountRow& row : *rows) {
    const double events = static_cast<double>(row.events);
    const std::string mean = Number(row.events > 0 ? row.goldstein_sum / events : 0.0);
    if (format == "csv") {
      out += FormatIsoDate(row.period) + ",";
      if (request.by_dyad) {
        AppendCsvField(row.source, &out);
        out += ',';
        AppendCsvField(row.target, &out);
        out += ',';
      }
      out += std::to_string(row.events) + "," + std::to_string(row.mentions) + "," + Number(row.goldstein_sum) +
             "," + mean;
      for (int64_t count : row.quad) out += "," + std::to_string(count);
      for (int64_t count : row.quad) out += "," + Number(row.events > 0 ? count / events : 0.0);
      out += "\r\n";
      continue;
    }
    out += "{\"period\":\"" + FormatIsoDate(row.period) + "\"";
    if (request.by_dyad) {
      out += ",\"source\":";
      AppendJsonString(row.source, &out);
      out += ",\"target\":";
      if (row.target.empty()) out += "null";
      else AppendJsonString(row.target, &out);
    }
    out += ",\"events\":" + std::to_string(row.events) + ",\"mentions\":" + std::to_string(row.mentions) +
           ",\"goldstein_sum\":" + Number(row.goldstein_sum) + ",\"goldstein_mean\":" + mean + ",\"quad_class\":[";
    for (int q = 0; q < 4; ++q) out += (q > 0 ? "," : "") + std::to_string(row.quad[q]);
    out += "],\"quad_share\":[";
    for (int q = 0; q < 4; ++q) out += (q > 0 ? "," : "") + Number(row.events > 0 ? row.quad[q] / events : 0.0);
    out += "]}\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return FlushStdout() ? kExitOk : kExitIo;
}

}  // namespace annalist::cli
