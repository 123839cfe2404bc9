// Where and when: the cost of event dates and gazetteer locations (issue 9: >= 80% of the
// rate without them). Each pipeline benchmark runs with them on (/1) and off (/0) in the same
// process; run with interleaved repetitions so both see the same machine load:
//   build/bench/annalist_bench_where_when --benchmark_enable_random_interleaving=true
//       --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// Texts: the GigaWord sample (AFP excerpts, ../shared) and our conflict reports
// (tests/data/conflict_reports.jsonl: every sentence has a date and places). Each benchmark
// checks its answer: the same number of events with and without, and with them on every
// event of the conflict reports gets a location and an event date.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <string>
#include <vector>

#include "annalist/gazetteer.h"
#include "annalist/pipeline.h"

namespace {

std::vector<std::string> LoadTexts(const std::string& path) {
  std::vector<std::string> texts;
  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  auto json = simdjson::padded_string::load(path);
  if (json.error() || parser.parse_many(json.value()).get(stream)) return texts;
  for (auto record : stream) {
    std::string_view text;
    if (!record["text"].get(text)) texts.emplace_back(text);
  }
  return texts;
}

const std::vector<std::string>& Texts(int64_t set) {
  static const std::vector<std::string> gigaword =
      LoadTexts(std::string(ANNALIST_SHARED_DIR) + "/reference/eval/gigaword-sample.text.jsonl");
  static const std::vector<std::string> reports =
      LoadTexts(std::string(ANNALIST_SOURCE_DIR) + "/tests/data/conflict_reports.jsonl");
  return set == 0 ? gigaword : reports;
}

const annalist::Pipeline* GetPipeline(bool where_when) {
  static auto load = [](bool on) {
    annalist::PipelineConfig config;
    config.resolve_dates = config.resolve_places = on;
    auto pipeline = annalist::Pipeline::Load(config);
    return pipeline.ok() ? pipeline.TakeValue() : nullptr;
  };
  static const auto on = load(true), off = load(false);
  return where_when ? on.get() : off.get();
}

// Args: {text set (0 GigaWord, 1 conflict reports), where/when on (1) or off (0)}.
void BM_WhereWhen(benchmark::State& state) {
  const auto& texts = Texts(state.range(0));
  const annalist::Pipeline* pipeline = GetPipeline(state.range(1) == 1);
  if (texts.empty() || pipeline == nullptr) {
    state.SkipWithError("texts or pipeline missing (../shared/reference/eval, tests/data)");
    return;
  }
  size_t sentences = 0, events_total = 0, bytes = 0, unplaced = 0;
  std::vector<annalist::Event> events;
  for (auto _ : state) {
    for (const std::string& text : texts) {
      annalist::Document doc;
      doc.id = "b";
      doc.date = 20230601;
      doc.text = text;
      events.clear();
      pipeline->Code(&doc, &events);
      sentences += doc.sentences.size();
      events_total += events.size();
      bytes += text.size();
      for (const annalist::Event& e : events) unplaced += e.location.id.empty() || e.event_date == 0;
    }
  }
  if (state.range(1) == 1 && state.range(0) == 1 && unplaced > 0) {
    state.SkipWithError("an event of the conflict reports has no location or date");
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/pass"] = static_cast<double>(events_total / std::max<size_t>(1, state.iterations()));
}
BENCHMARK(BM_WhereWhen)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->ArgNames({"texts", "on"})
    ->Unit(benchmark::kMillisecond);

}  // namespace

extern "C" const char annalist_gazetteer_begin[];
extern "C" const char annalist_gazetteer_end[];

namespace {

void BM_ParseGazetteer(benchmark::State& state) {
  const std::string_view text(annalist_gazetteer_begin, annalist_gazetteer_end - annalist_gazetteer_begin);
  size_t places = 0, memory = 0;
  for (auto _ : state) {
    auto parsed = annalist::Gazetteer::Parse(text, "gazetteer.tsv");
    if (!parsed.ok()) {
      state.SkipWithError(parsed.status().message().c_str());
      return;
    }
    places = (*parsed)->size();
    memory = (*parsed)->MemoryBytes() - text.size();  // without the copy Parse() makes
  }
  if (places < 40000) state.SkipWithError("too few places");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["places"] = static_cast<double>(places);
  state.counters["table_MB"] = static_cast<double>(memory) / 1e6;
  state.counters["embedded_MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_ParseGazetteer)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
