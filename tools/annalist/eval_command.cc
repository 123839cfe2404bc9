// annalist eval: codes gold records and scores them (docs/output.md, "annalist eval").
#include <algorithm>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

#include "cli.h"
#include "annalist/event_writer.h"

namespace annalist::cli {

namespace {

constexpr char kEvalHelp[] =
    "usage: annalist eval --gold GOLD.jsonl [DICTIONARY OPTIONS] [--diff] [--level exact|country-root|plover]\n"
    "                     [--part all|dev|held] [--threads N] [ARTICLE LIMITS]\n"
    "\n"
    "Codes each gold record's text (with its date and its \"config\" as coding options) and\n"
    "compares the set of (source, target, code) triples with \"expected\". Records with\n"
    "\"evaluate\": false are skipped. Prints records, evaluated, exact (share of records whose\n"
    "set equals the expected one), triple precision/recall/F1 summed over records, the same\n"
    "with codes cut to their root, and a final JSON line with the figures.\n"
    "  --diff                 also print each record that differs (id#seq, text, expected, produced)\n"
    "                         and its layers: tokens and tags, clauses with their arguments, events\n"
    "                         with their actors (as annalist code --layers prints them)\n"
    "  --level country-root   compare actors cut to 3 letters and codes cut to the root\n"
    "  --level plover         compare actors cut to 3 letters and PLOVER types (gold codes are PLOVER\n"
    "                         types; 2016 names read as 2021: DEMAND=REQUEST, DISAPPROVE and\n"
    "                         INVESTIGATE=ACCUSE, FIGHT=ASSAULT); also prints per-type recall and\n"
    "                         precision, false alarms on no-event records, silent event records and\n"
    "                         source-country accuracy\n"
    "  --part dev|held        score only one part of the file: held = records whose id has an FNV-1a 64\n"
    "                         hash divisible by 3 (set aside while tuning), dev = the rest\n"
    "Dictionary and coding options as for 'annalist code' (see annalist code --help).\n";
// Then kArticleLimitsHelp (cli.h).

std::string FormatTriples(const std::vector<Triple>& triples) {
  if (triples.empty()) return "(none)";
  std::string out;
  for (const Triple& t : triples) {
    if (!out.empty()) out += "; ";
    out += (t.source.empty() ? "-" : t.source) + " " + (t.target.empty() ? "-" : t.target) + " " + t.code;
  }
  return out;
}

std::string FormatShare(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", value);
  return text;
}

double Share(uint64_t part, uint64_t whole) { return whole == 0 ? 0.0 : double(part) / double(whole); }

bool InPart(const std::string& part, const std::string& id) {
  if (part == "dev") return !IsHeldOut(id);
  if (part == "held") return IsHeldOut(id);
  return true;
}

// The PLOVER lines of the summary (--level plover) and their JSON fields.
void PrintPloverSummary(const PloverTotals& p, std::string* json) {
  const Counts& all = p.all_types;
  std::printf("types      P %s  R %s  F1 %s  (tp %llu, fp %llu, fn %llu; type sets per record)\n",
              FormatShare(all.Precision()).c_str(), FormatShare(all.Recall()).c_str(), FormatShare(all.F1()).c_str(),
              static_cast<unsigned long long>(all.true_positives), static_cast<unsigned long long>(all.false_positives),
              static_cast<unsigned long long>(all.false_negatives));
  std::string per_type;
  for (const auto& [type, counts] : p.types) {
    std::printf("  %-10s R %s (%llu of %llu)  P %s (%llu of %llu)\n", type.c_str(), FormatShare(counts.Recall()).c_str(),
                static_cast<unsigned long long>(counts.true_positives),
                static_cast<unsigned long long>(counts.true_positives + counts.false_negatives),
                FormatShare(counts.Precision()).c_str(), static_cast<unsigned long long>(counts.true_positives),
                static_cast<unsigned long long>(counts.true_positives + counts.false_positives));
    if (!per_type.empty()) per_type += ",";
    per_type += "\"" + type + "\":{\"recall\":" + FormatShare(counts.Recall()) +
                ",\"precision\":" + FormatShare(counts.Precision()) +
                ",\"expected\":" + std::to_string(counts.true_positives + counts.false_negatives) + "}";
  }
  std::printf("no-event   %llu records, false alarms %llu (%s)\n", static_cast<unsigned long long>(p.no_event_records),
              static_cast<unsigned long long>(p.false_alarms), FormatShare(Share(p.false_alarms, p.no_event_records)).c_str());
  std::printf("silent     %llu of %llu event records got no event (%s)\n",
              static_cast<unsigned long long>(p.silent_records), static_cast<unsigned long long>(p.event_records),
              FormatShare(Share(p.silent_records, p.event_records)).c_str());
  std::printf("source     country right %s of expected events (%llu of %llu); %s where the type was found\n",
              FormatShare(Share(p.source_right, p.expected_events)).c_str(),
              static_cast<unsigned long long>(p.source_right), static_cast<unsigned long long>(p.expected_events),
              FormatShare(Share(p.source_right, p.typed_events)).c_str());
  *json += ",\"type_precision\":" + FormatShare(all.Precision()) + ",\"type_recall\":" + FormatShare(all.Recall()) +
           ",\"false_alarm_share\":" + FormatShare(Share(p.false_alarms, p.no_event_records)) +
           ",\"no_event_records\":" + std::to_string(p.no_event_records) +
           ",\"silent_share\":" + FormatShare(Share(p.silent_records, p.event_records)) +
           ",\"source_country\":" + FormatShare(Share(p.source_right, p.expected_events)) +
           ",\"source_country_typed\":" + FormatShare(Share(p.source_right, p.typed_events)) +
           ",\"types\":{" + per_type + "}";
}

}  // namespace

int RunEval(int argc, char** argv) {
  CommonFlags flags;
  if (!ParseFlags(argc, argv, 2, true, &flags)) return kExitUsage;
  if (flags.help) {
    std::fputs(kEvalHelp, stdout);
    std::fputs(kArticleLimitsHelp, stdout);
    return kExitOk;
  }
  if (flags.gold.empty()) {
    std::fprintf(stderr, "annalist: eval needs --gold GOLD.jsonl (see annalist eval --help)\n");
    return kExitUsage;
  }
  std::unique_ptr<Pipeline> pipeline = LoadPipeline(flags);
  if (pipeline == nullptr) return kExitUsage;

  const int threads = ThreadCount(flags);
  ReaderOptions reader_options;
  reader_options.max_article_bytes = flags.max_article_bytes;
  reader_options.defaults = flags.coding;
  reader_options.gold = true;
  InputQueue queue({flags.gold}, reader_options);

  const bool plover = flags.level == EvalLevel::kPlover;
  EvalTotals totals;
  PloverTotals plover_totals;
  std::vector<BatchItem> items;
  std::vector<GoldFields> golds;                 // golds[i]: the gold fields of items[i]
  std::vector<std::vector<Triple>> produced;     // produced[i]: the triples coded from items[i]
  std::deque<RecordMark> marks;  // where each record was read: coding's warnings are located
  std::string diff;
  for (;;) {
    marks.clear();
    size_t count = queue.Fill(items, 64 * static_cast<size_t>(threads), size_t{16} << 20, &golds, &marks);
    if (count == 0) break;
    if (produced.size() < count) produced.resize(count);
    const bool diff_layers = flags.diff;
    CodeBatch(*pipeline, items, count, threads,
              [&produced, plover, diff_layers](size_t index, BatchItem& item, const std::vector<Event>& events) {
                // With --diff, the record's layers (the `code --layers` view), shown if it differs.
                item.output = diff_layers ? DescribeLayers(item.doc, events) : std::string();
                produced[index].clear();
                for (const Event& event : events) {
                  if (!plover) {
                    produced[index].push_back({event.source.code, event.target.code, event.code});
                  } else if (!event.plover.empty()) {  // roots 01 and 02 have no PLOVER type
                    produced[index].push_back({event.source.code, event.target.code, event.plover});
                  }
                }
              });
    for (size_t i = 0; i < count; ++i) {
      const BatchItem& job = items[i];
      const GoldFields& gold = golds[i];
      // The warnings coding added (article limits), as annalist code prints them.
      const std::vector<std::string>& warnings = job.doc.warnings;
      for (size_t w = marks[i].read_warnings; w < warnings.size(); ++w) {
        PrintReadWarning(warnings[w], marks[i].input, marks[i].line);
      }
      if (!InPart(flags.part, job.doc.id)) continue;
      if (!gold.evaluate) {
        ++totals.records;  // counted, not scored
        continue;
      }
      if (plover) ScorePloverRecord(gold.expected, produced[i], &plover_totals);
      if (ScoreRecord(gold.expected, produced[i], flags.level, &totals) || !flags.diff) continue;
      diff.clear();
      diff += job.doc.id;
      if (gold.seq >= 0) diff += "#" + std::to_string(gold.seq);
      diff += "\n  text:     " + job.doc.text;
      diff += "\n  expected: " + FormatTriples(NormalizeTriples(gold.expected, flags.level));
      diff += "\n  produced: " + FormatTriples(NormalizeTriples(produced[i], flags.level)) + "\n";
      diff += "  layers:\n";
      for (size_t begin = 0; begin < job.output.size();) {  // indented under the record
        const size_t end = std::min(job.output.find('\n', begin), job.output.size());
        diff += "    " + job.output.substr(begin, end - begin) + "\n";
        begin = end + 1;
      }
      diff += "\n";
      std::fwrite(diff.data(), 1, diff.size(), stdout);
    }
  }

  const Counts& t = totals.triples;
  const Counts& r = totals.roots;
  const char* level_name = flags.level == EvalLevel::kExact         ? "exact"
                           : flags.level == EvalLevel::kCountryRoot ? "country-root"
                                                                    : "plover";
  std::printf("gold       %s (level %s, part %s)\n", flags.gold.c_str(), level_name, flags.part.c_str());
  std::printf("records    %llu\n", static_cast<unsigned long long>(totals.records));
  std::printf("evaluated  %llu\n", static_cast<unsigned long long>(totals.evaluated));
  std::printf("exact      %s  (%llu of %llu)\n", FormatShare(totals.ExactShare()).c_str(),
              static_cast<unsigned long long>(totals.exact), static_cast<unsigned long long>(totals.evaluated));
  std::printf("triples    P %s  R %s  F1 %s  (tp %llu, fp %llu, fn %llu)\n", FormatShare(t.Precision()).c_str(),
              FormatShare(t.Recall()).c_str(), FormatShare(t.F1()).c_str(),
              static_cast<unsigned long long>(t.true_positives), static_cast<unsigned long long>(t.false_positives),
              static_cast<unsigned long long>(t.false_negatives));
  std::printf("roots      P %s  R %s  F1 %s  (tp %llu, fp %llu, fn %llu)\n", FormatShare(r.Precision()).c_str(),
              FormatShare(r.Recall()).c_str(), FormatShare(r.F1()).c_str(),
              static_cast<unsigned long long>(r.true_positives), static_cast<unsigned long long>(r.false_positives),
              static_cast<unsigned long long>(r.false_negatives));
  std::string plover_json;
  if (plover) PrintPloverSummary(plover_totals, &plover_json);
  std::printf(
      "{\"gold\":%s,\"level\":\"%s\",\"part\":\"%s\",\"records\":%llu,\"evaluated\":%llu,\"exact\":%s,\"exact_records\":%llu,"
      "\"precision\":%s,\"recall\":%s,\"f1\":%s,\"root_precision\":%s,\"root_recall\":%s,\"root_f1\":%s%s}\n",
      [&] {
        std::string quoted;
        AppendJsonString(flags.gold, &quoted);
        return quoted;
      }().c_str(),
      level_name, flags.part.c_str(), static_cast<unsigned long long>(totals.records),
      static_cast<unsigned long long>(totals.evaluated), FormatShare(totals.ExactShare()).c_str(),
      static_cast<unsigned long long>(totals.exact), FormatShare(t.Precision()).c_str(),
      FormatShare(t.Recall()).c_str(), FormatShare(t.F1()).c_str(), FormatShare(r.Precision()).c_str(),
      FormatShare(r.Recall()).c_str(), FormatShare(r.F1()).c_str(), plover_json.c_str());
  if (!FlushStdout()) return kExitIo;
  return queue.rejected() ? kExitRejected : kExitOk;
}

}  // namespace annalist::cli
