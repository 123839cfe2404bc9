// Fuzz target: eval gold records (`annalist eval --gold F`): the article reader in gold
// mode (config, expected triples, evaluate, seq), then the eval metrics on what it read,
// scored against itself (must be exact) and against nothing, at both levels.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "eval/metrics.h"
#include "annalist/article_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::FILE* stream = size == 0 ? std::fopen("/dev/null", "rb") : fmemopen(const_cast<uint8_t*>(data), size, "rb");
  if (stream == nullptr) return 0;
  annalist::ReaderOptions options;
  options.gold = true;
  auto reader = annalist::ArticleReader::FromStream(stream, "fuzz.gold.jsonl", options, annalist::InputKind::kJsonl);
  annalist::Document doc;
  annalist::ReadError error;
  annalist::GoldFields gold;
  annalist::EvalTotals totals[2];
  for (size_t records = 0;; ++records) {
    if (records > size + 2) std::abort();  // every record consumes at least one byte
    auto item = reader->Next(&doc, &error, &gold);
    if (item == annalist::ReadItem::kEnd) break;
    if (item != annalist::ReadItem::kArticle || !gold.evaluate) continue;
    for (int level = 0; level < 2; ++level) {
      auto eval_level = level == 0 ? annalist::EvalLevel::kExact : annalist::EvalLevel::kCountryRoot;
      if (!annalist::ScoreRecord(gold.expected, gold.expected, eval_level, &totals[level])) std::abort();
      annalist::ScoreRecord(gold.expected, {}, eval_level, &totals[level]);
      annalist::RootTriples(annalist::NormalizeTriples(gold.expected, eval_level));
    }
  }
  for (const auto& t : totals) {
    double f1 = t.triples.F1();
    if (!(f1 >= 0.0 && f1 <= 1.0)) std::abort();
  }
  reader.reset();
  std::fclose(stream);
  return 0;
}
