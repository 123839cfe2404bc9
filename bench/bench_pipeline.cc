// Per-stage and whole-pipeline throughput on the GigaWord sample (AFP excerpts) with the
// Phoenix dictionaries and with the built-in knowledge base. Each benchmark checks its answer (sentence counts, every token
// tagged and lemmatised, the same events on every pass) so a broken stage cannot look fast.
// Run: build/bench/annalist_bench   (sentences/s counters; bytes_per_second = MB/s of text)
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <algorithm>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "actors/actor_matcher.h"
#include "dict/kb_reader.h"
#include "dict/petrarch_reader.h"
#include "events/coder.h"
#include "ingest/story_structure.h"
#include "segment/segment.h"
#include "tag/tagger.h"

extern "C" {
extern const char annalist_tagger_model_begin[];
extern const char annalist_tagger_model_end[];
}

namespace {

const std::string kShared = ANNALIST_SHARED_DIR;

std::vector<std::string> LoadTexts() {
  std::vector<std::string> texts;
  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  auto json = simdjson::padded_string::load(kShared + "/reference/eval/gigaword-sample.text.jsonl");
  if (json.error() || parser.parse_many(json.value()).get(stream)) return texts;
  for (auto record : stream) {
    std::string_view text;
    if (!record["text"].get(text)) texts.emplace_back(text);
  }
  return texts;
}

annalist::DictionaryFiles PhoenixFiles() {
  const std::string d = kShared + "/reference/dictionaries/phoenix/";
  annalist::DictionaryFiles files;
  files.verbs = {d + "CAMEO.2.0.txt"};
  files.actors = {d + "Phoenix.Countries.actors.txt", d + "Phoenix.International.actors.txt",
                  d + "Phoenix.MilNonState.actors.txt"};
  files.agents = {d + "Phoenix.agents.txt"};
  files.discards = {d + "Phoenix.discards.txt"};
  files.issues = {d + "Phoenix.IssueCoding.txt"};
  return files;
}

const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts = LoadTexts();
  return texts;
}

size_t TotalBytes() {
  size_t bytes = 0;
  for (const auto& t : Texts()) bytes += t.size();
  return bytes;
}

void BM_Segment(benchmark::State& state) {
  size_t sentences = 0;
  annalist::Document doc;
  for (auto _ : state) {
    for (const auto& text : Texts()) {
      doc.text = text;
      annalist::Segment(&doc);
      annalist::MarkStoryStructure(&doc);
      sentences += doc.sentences.size();
    }
  }
  // Every record is at least one sentence, and every pass gives the same count.
  if (sentences == 0 || sentences % state.iterations() != 0 || sentences / state.iterations() < Texts().size()) {
    state.SkipWithError("wrong sentence count");
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
  state.counters["sentences/s"] = benchmark::Counter(sentences, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

void BM_Tag(benchmark::State& state) {
  auto tagger = annalist::Tagger::Builtin();
  std::vector<annalist::Document> docs(Texts().size());
  for (size_t i = 0; i < docs.size(); ++i) {
    docs[i].text = Texts()[i];
    annalist::Segment(&docs[i]);
    annalist::MarkStoryStructure(&docs[i]);
  }
  size_t sentences = 0, verbs = 0;
  for (auto _ : state) {
    for (auto& doc : docs) {
      for (const auto& s : doc.sentences) (*tagger)->Tag(&doc, s);
      sentences += doc.sentences.size();
    }
  }
  size_t untagged = 0;
  for (const auto& doc : docs) {
    // Tokens of the dateline and boilerplate (ingest) are in no sentence and stay untagged.
    for (const auto& sentence : doc.sentences) {
      for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
        const auto& t = doc.tokens[i];
        verbs += annalist::IsVerb(t.pos);
        untagged += t.pos == annalist::Pos::kNone || t.lemma.empty();
      }
    }
  }
  if (verbs < Texts().size() / 2 || untagged != 0) state.SkipWithError("tags or lemmas missing");
  state.SetBytesProcessed(state.iterations() * TotalBytes());
  state.counters["sentences/s"] = benchmark::Counter(sentences, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);

void BM_LoadTagger(benchmark::State& state) {
  // The embedded binary model (cmake/tagger.cmake), viewed again on each iteration.
  std::string_view model(annalist_tagger_model_begin,
                         static_cast<size_t>(annalist_tagger_model_end - annalist_tagger_model_begin));
  for (auto _ : state) {
    auto tagger = annalist::Tagger::FromModelBinary(model);
    if (!tagger.ok()) state.SkipWithError("tagger model failed to load");
  }
  state.SetBytesProcessed(state.iterations() * model.size());
}
BENCHMARK(BM_LoadTagger)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_LoadBuiltinKb(benchmark::State& state) {
  size_t actors = 0, verbs = 0;
  // LoadKb, not LoadBuiltinKb: that one loads once per process and then shares the result.
  for (auto _ : state) {
    std::vector<std::string> warnings;
    auto dict = annalist::dict::LoadKb(annalist::dict::BuiltinKbFiles(), &warnings);
    actors = dict->actors.size();
    verbs = dict->verbs.size();
    if (actors < 1000 || verbs < 1000) state.SkipWithError("built-in KB load failed");
  }
  state.counters["actors"] = static_cast<double>(actors);
  state.counters["verbs"] = static_cast<double>(verbs);
}
BENCHMARK(BM_LoadBuiltinKb)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_LoadPhoenix(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<std::string> warnings;
    auto dict = annalist::dict::LoadPetrarch(PhoenixFiles(), &warnings);
    if (!dict.ok() || (*dict)->actors.empty()) state.SkipWithError("load failed");
  }
}
BENCHMARK(BM_LoadPhoenix)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ActorsAndEvents(benchmark::State& state) {
  std::vector<std::string> warnings;
  auto dict = annalist::dict::LoadPetrarch(PhoenixFiles(), &warnings);
  auto tagger = annalist::Tagger::Builtin();
  std::vector<annalist::Document> docs(Texts().size());
  for (size_t i = 0; i < docs.size(); ++i) {
    docs[i].id = std::to_string(i);
    docs[i].date = 20080801;
    docs[i].text = Texts()[i];
    annalist::Segment(&docs[i]);
    annalist::MarkStoryStructure(&docs[i]);
    for (const auto& s : docs[i].sentences) (*tagger)->Tag(&docs[i], s);
  }
  annalist::Coder coder(*dict, annalist::CodingRules::Petrarch());
  size_t sentences = 0, events_total = 0;
  std::vector<annalist::Event> events;
  for (auto _ : state) {
    for (auto& doc : docs) {
      events.clear();
      coder.CodeDocument(&doc, &events);
      events_total += events.size();
      sentences += doc.sentences.size();
    }
  }
  // Deterministic: every pass codes the same number of events, and news yields some.
  if (events_total == 0 || events_total % state.iterations() != 0) state.SkipWithError("wrong event count");
  state.SetBytesProcessed(state.iterations() * TotalBytes());
  state.counters["sentences/s"] = benchmark::Counter(sentences, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ActorsAndEvents)->Unit(benchmark::kMillisecond);

// Whole pipeline, one thread, in process: `dictionaries` empty = the built-in knowledge base.
void RunPipeline(benchmark::State& state, const annalist::DictionaryFiles& dictionaries) {
  annalist::PipelineConfig config;
  config.dictionaries = dictionaries;
  auto pipeline = annalist::Pipeline::Load(config);
  if (!pipeline.ok()) {
    state.SkipWithError(pipeline.status().message().c_str());
    return;
  }
  size_t sentences = 0, events_total = 0;
  std::vector<annalist::Event> events;
  annalist::Document doc;
  for (auto _ : state) {
    for (size_t i = 0; i < Texts().size(); ++i) {
      doc.id = std::to_string(i);
      doc.date = 20080801;
      doc.text = Texts()[i];
      events.clear();
      (*pipeline)->Code(&doc, &events);
      events_total += events.size();
      sentences += doc.sentences.size();
    }
  }
  // Deterministic: every pass codes the same number of events, and news yields some.
  if (events_total == 0 || events_total % state.iterations() != 0) state.SkipWithError("wrong event count");
  state.SetBytesProcessed(state.iterations() * TotalBytes());
  state.counters["sentences/s"] = benchmark::Counter(sentences, benchmark::Counter::kIsRate);
  state.counters["events/pass"] = static_cast<double>(events_total / std::max<size_t>(1, state.iterations()));
}

void BM_Pipeline(benchmark::State& state) { RunPipeline(state, PhoenixFiles()); }
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond);

void BM_PipelineBuiltin(benchmark::State& state) { RunPipeline(state, {}); }
BENCHMARK(BM_PipelineBuiltin)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
