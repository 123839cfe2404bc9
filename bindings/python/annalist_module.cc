// _annalist: the Python edge of the library. It only translates: records arrive as JSON
// lines and go through the library's article reader (annalist/article_reader.h), events
// leave as the library's JSON lines (annalist/event_writer.h), so a Python event is the
// CLI's event field for field. Coding runs with the GIL released.
//
// Python-facing API (wrapped by annalist/__init__.py):
//   _Coder(kb_paths, kb_texts, petrarch_paths, petrarch_texts, options, max_article_bytes)
//   coder.code_jsonl(jsonl, name)            -> [(line, output or None, error, warnings)]
//   coder.start(jsonl, name, threads)        -> _Batch (coding on background threads)
//   batch.wait()                             -> the same list as code_jsonl
//   coder.ingest_jsonl(jsonl, name, first_line, threads, target)
//                                            -> (stored, skipped, mentions, [results as above])
//   coder.warnings                           -> dictionary warnings ("file:line: reason")
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include "annalist/article_reader.h"
#include "annalist/batch.h"
#include "annalist/event_writer.h"
#include "annalist/pipeline.h"
#include "annalist/store.h"

namespace py = pybind11;

namespace annalist::python {

namespace {

// One record's outcome: its line in the chunk (1-based), the event JSON lines (None when
// the record was rejected), the error message and the warnings that did not cost it.
using RecordResult = std::tuple<uint64_t, std::optional<std::string>, std::string, std::vector<std::string>>;

DictionaryKind KindFromName(const std::string& name) {
  if (name == "verbs") return DictionaryKind::kVerbs;
  if (name == "actors") return DictionaryKind::kActors;
  if (name == "agents") return DictionaryKind::kAgents;
  if (name == "discards") return DictionaryKind::kDiscards;
  if (name == "issues") return DictionaryKind::kIssues;
  if (name == "kb") return DictionaryKind::kKb;
  throw py::value_error("unknown dictionary kind '" + name +
                        "' (kb, verbs, actors, agents, discards, issues)");
}

std::vector<std::string>* PathsOf(DictionaryFiles* files, DictionaryKind kind) {
  switch (kind) {
    case DictionaryKind::kVerbs: return &files->verbs;
    case DictionaryKind::kActors: return &files->actors;
    case DictionaryKind::kAgents: return &files->agents;
    case DictionaryKind::kDiscards: return &files->discards;
    case DictionaryKind::kIssues: return &files->issues;
    case DictionaryKind::kKb: return &files->kb;
  }
  return nullptr;
}

// The records of a chunk: the articles read (items[0, result_of_item.size())) and one
// result per record, in order, with the error of a rejected one.
struct Chunk {
  std::vector<RecordResult> results;
  std::vector<BatchItem> items;
  std::vector<size_t> result_of_item;  // results[result_of_item[i]] is items[i]'s
};

// Reads every record of `jsonl`. Each article's `input` is "NAME:N" with N its line counted
// from `first_line` + 1, the CLI's label for line N of a file NAME; with `first_line` < 0
// it is NAME alone, the CLI's label for a whole text file.
Chunk ReadChunk(const ReaderOptions& options, std::string jsonl, const std::string& name, int64_t first_line) {
  Chunk chunk;
  auto reader = ArticleReader::FromString(std::move(jsonl), name, options, InputKind::kJsonl);
  ReadError error;
  for (;;) {
    if (chunk.items.size() == chunk.result_of_item.size()) chunk.items.emplace_back();
    BatchItem& item = chunk.items[chunk.result_of_item.size()];
    ReadItem read = reader->Next(&item.doc, &error);
    if (read == ReadItem::kEnd) break;
    if (read == ReadItem::kError) {
      chunk.results.emplace_back(error.line, std::nullopt, error.message, std::vector<std::string>{});
      continue;
    }
    item.doc.input = first_line < 0 ? name : name + ":" + std::to_string(first_line + int64_t(reader->line()));
    chunk.results.emplace_back(reader->line(), std::string(), std::string(), item.doc.warnings);
    chunk.result_of_item.push_back(chunk.results.size() - 1);
  }
  return chunk;
}

// Reads every record of `jsonl` and codes the articles on `threads` threads. Runs without
// the GIL (touches no Python object).
std::vector<RecordResult> CodeChunk(const Pipeline& pipeline, const ReaderOptions& options,
                                    const BatchFinishFn& format, std::string jsonl, const std::string& name,
                                    int64_t first_line, int threads) {
  Chunk chunk = ReadChunk(options, std::move(jsonl), name, first_line);
  const size_t count = chunk.result_of_item.size();
  CodeBatch(pipeline, chunk.items, count, threads, format);
  for (size_t i = 0; i < count; ++i) {
    RecordResult& result = chunk.results[chunk.result_of_item[i]];
    std::get<1>(result) = std::move(chunk.items[i].output);
    // The reader's warnings and then the coder's (an article limit that applied).
    std::get<3>(result) = std::move(chunk.items[i].doc.warnings);
  }
  return chunk.results;
}

// What storing a chunk did: articles stored, articles skipped (stored before with the same
// checksum, as `annalist ingest` skips them), mentions written, and each record's result
// (output empty, or None with the error of a rejected record).
using IngestResult = std::tuple<uint64_t, uint64_t, uint64_t, std::vector<RecordResult>>;

// Codes the chunk's articles on `threads` threads and stores them in the store `target`
// (a SQLite path or postgresql:// URL) in one transaction, as `annalist ingest` stores a
// batch: several processes may do this at once (one writer at a time; store.h). Runs
// without the GIL; a store error is thrown (std::runtime_error) and nothing is stored.
IngestResult IngestChunk(const Pipeline& pipeline, const ReaderOptions& options, std::string jsonl,
                         const std::string& name, int64_t first_line, int threads, const std::string& target) {
  auto opened = Store::Open(target, StoreOptions());
  if (!opened.ok()) throw std::runtime_error(opened.status().message());
  Store& store = **opened;
  Chunk chunk = ReadChunk(options, std::move(jsonl), name, first_line);
  // Keep the articles the store does not hold as they are; an id met twice in the chunk is
  // stored each time (the last version wins), as in annalist ingest.
  std::unordered_set<std::string> seen;
  size_t kept = 0;
  uint64_t skipped = 0;
  for (size_t i = 0; i < chunk.result_of_item.size(); ++i) {
    Document& doc = chunk.items[i].doc;
    const bool again = !seen.insert(doc.id).second;
    Result<bool> has = again ? Result<bool>(false) : store.HasArticle(doc.id, Store::Checksum(doc));
    if (!has.ok()) throw std::runtime_error(target + ": " + has.status().message());
    if (*has) {
      ++skipped;
      continue;
    }
    std::swap(chunk.items[kept], chunk.items[i]);
    std::swap(chunk.result_of_item[kept], chunk.result_of_item[i]);
    ++kept;
  }
  std::vector<std::vector<Event>> events(kept);
  CodeBatch(pipeline, chunk.items, kept, threads,
            [&events](size_t index, BatchItem&, const std::vector<Event>& coded) { events[index] = coded; });
  uint64_t mentions = 0;
  Status status = store.BeginBatch();
  for (size_t i = 0; status.ok() && i < kept; ++i) {
    status = store.PutArticle(chunk.items[i].doc, events[i]);
    mentions += events[i].size();
    std::get<3>(chunk.results[chunk.result_of_item[i]]) = std::move(chunk.items[i].doc.warnings);
  }
  if (status.ok()) status = store.CommitBatch();
  if (!status.ok()) {
    store.RollbackBatch();
    throw std::runtime_error(target + ": " + status.message());
  }
  return {kept, skipped, mentions, std::move(chunk.results)};
}

class Coder;

// A chunk being coded on background threads; wait() hands over the results.
class Batch {
 public:
  Batch(std::shared_ptr<const Pipeline> pipeline, const ReaderOptions& options, BatchFinishFn format,
        std::string jsonl, std::string name, int64_t first_line, int threads)
      : pipeline_(std::move(pipeline)) {
    thread_ = std::thread([this, options, format = std::move(format), jsonl = std::move(jsonl),
                           name = std::move(name), first_line, threads]() mutable {
      results_ = CodeChunk(*pipeline_, options, format, std::move(jsonl), name, first_line, threads);
    });
  }
  ~Batch() {
    if (thread_.joinable()) {
      py::gil_scoped_release release;
      thread_.join();
    }
  }

  std::vector<RecordResult> Wait() {
    if (thread_.joinable()) {
      py::gil_scoped_release release;
      thread_.join();
    }
    return std::move(results_);
  }

 private:
  std::shared_ptr<const Pipeline> pipeline_;
  std::thread thread_;
  std::vector<RecordResult> results_;
};

class Coder {
 public:
  Coder(const std::vector<std::string>& kb_paths, const std::vector<std::pair<std::string, std::string>>& kb_texts,
        const std::vector<std::pair<std::string, std::string>>& petrarch_paths,
        const std::vector<std::tuple<std::string, std::string, std::string>>& petrarch_texts,
        const std::vector<std::pair<std::string, std::string>>& coding_options, size_t max_article_bytes) {
    PipelineConfig config;
    DictionaryFiles& files = config.dictionaries;
    files.kb = kb_paths;
    for (const auto& [name, text] : kb_texts) files.texts.push_back({DictionaryKind::kKb, name, text});
    for (const auto& [kind, path] : petrarch_paths) PathsOf(&files, KindFromName(kind))->push_back(path);
    for (const auto& [kind, name, text] : petrarch_texts) files.texts.push_back({KindFromName(kind), name, text});
    for (const auto& [option, value] : coding_options) {
      std::string message = SetCodingOption(option, value, &options_.defaults);
      if (!message.empty()) throw py::value_error(message);
    }
    if (max_article_bytes == 0) throw py::value_error("max_article_bytes must be at least 1");
    options_.max_article_bytes = max_article_bytes;
    Result<std::unique_ptr<Pipeline>> loaded = Status::Ok();
    {
      py::gil_scoped_release release;
      loaded = Pipeline::Load(config);
    }
    if (!loaded.ok()) throw py::value_error(loaded.status().message());
    pipeline_ = std::shared_ptr<const Pipeline>(loaded.TakeValue());
    // Events say what made them, as the CLI's do.
    format_ = FormatEvents(EventFormat::kJsonl, VersionWithDictionaries(files));
  }

  std::vector<RecordResult> CodeJsonl(std::string jsonl, const std::string& name, int64_t first_line,
                                      int threads) const {
    py::gil_scoped_release release;
    return CodeChunk(*pipeline_, options_, format_, std::move(jsonl), name, first_line, threads);
  }

  std::unique_ptr<Batch> Start(std::string jsonl, std::string name, int64_t first_line, int threads) const {
    return std::make_unique<Batch>(pipeline_, options_, format_, std::move(jsonl), std::move(name), first_line, threads);
  }

  IngestResult IngestJsonl(std::string jsonl, const std::string& name, int64_t first_line, int threads,
                           const std::string& target) const {
    py::gil_scoped_release release;
    return IngestChunk(*pipeline_, options_, std::move(jsonl), name, first_line, threads, target);
  }

  const std::vector<std::string>& warnings() const { return pipeline_->warnings(); }

 private:
  std::shared_ptr<const Pipeline> pipeline_;
  ReaderOptions options_;
  BatchFinishFn format_;
};

}  // namespace

}  // namespace annalist::python

PYBIND11_MODULE(_annalist, module) {
  using annalist::python::Batch;
  using annalist::python::Coder;
  module.doc() = "annalist: CAMEO event coding (C++ core; use the `annalist` package, not this module)";
  py::class_<Batch>(module, "_Batch").def("wait", &Batch::Wait);
  py::class_<Coder>(module, "_Coder")
      .def(py::init<const std::vector<std::string>&, const std::vector<std::pair<std::string, std::string>>&,
                    const std::vector<std::pair<std::string, std::string>>&,
                    const std::vector<std::tuple<std::string, std::string, std::string>>&,
                    const std::vector<std::pair<std::string, std::string>>&, size_t>(),
           py::arg("kb_paths"), py::arg("kb_texts"), py::arg("petrarch_paths"), py::arg("petrarch_texts"),
           py::arg("options"), py::arg("max_article_bytes"))
      .def("code_jsonl", &Coder::CodeJsonl, py::arg("jsonl"), py::arg("name"), py::arg("first_line"),
           py::arg("threads") = 1)
      .def("start", &Coder::Start, py::arg("jsonl"), py::arg("name"), py::arg("first_line"), py::arg("threads") = 1)
      .def("ingest_jsonl", &Coder::IngestJsonl, py::arg("jsonl"), py::arg("name"), py::arg("first_line"),
           py::arg("threads"), py::arg("target"))
      .def_property_readonly("warnings", &Coder::warnings);
}
