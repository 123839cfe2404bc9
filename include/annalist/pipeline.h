// Pipeline: loaded dictionaries and models plus the stages, run in order.
//
//   annalist::PipelineConfig config;
//   config.dictionaries.verbs = {"CAMEO.2.0.txt"};  // empty: built-in knowledge base
//   // or from memory: config.dictionaries.texts.push_back({DictionaryKind::kKb, "mine.txt", text});
//   auto pipeline = annalist::Pipeline::Load(config);
//   if (!pipeline.ok()) ...;
//   std::vector<annalist::Event> events;
//   (*pipeline)->Code(&doc, &events);
//
// Thread safety: after Load, a Pipeline is immutable; Code() may be called from many
// threads at once, each with its own Document and output vector.
#ifndef ANNALIST_PIPELINE_H_
#define ANNALIST_PIPELINE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "annalist/document.h"
#include "annalist/event.h"
#include "annalist/status.h"

namespace annalist {

// What a dictionary file may make the loader do (docs/security.md). A line or pattern
// over a limit is skipped with a "file:line: reason" warning naming the flag; a file over
// max_file_bytes fails the load. Defaults are measured in bench/RESULTS.md ("Limits").
struct DictionaryLimits {
  size_t max_file_bytes = size_t{256} << 20;    // --max-dict-file-bytes
  size_t max_line_bytes = size_t{64} << 10;     // --max-dict-line-bytes
  size_t max_variants_per_line = 65536;         // --max-dict-variants (synset expansion)
  size_t max_expansion_tokens = size_t{64} << 20;  // --max-dict-expansion (per file, total)
};

// What one article may make the coder do (docs/security.md). A limit that applies is never
// a silent cut: it leaves a warning in Document::warnings naming the sentence's bytes and
// the flag, and the rest of the article is coded. Defaults are about ten times the largest
// real input measured (bench/RESULTS.md, "Limits").
struct ArticleLimits {
  // A sentence with more tokens is not coded (it is left out of Document::sentences, as
  // datelines are; its tokens stay). --max-sentence-tokens
  size_t max_sentence_tokens = 2000;
  // Sentences after this many (counted after the dateline and boilerplate are set aside)
  // are not coded. --max-sentences
  size_t max_sentences = 5000;
  // Events after this many (in sentence order) are dropped. --max-article-events
  size_t max_events = 2000;
};

enum class DictionaryKind { kVerbs, kActors, kAgents, kDiscards, kIssues, kKb };

// A dictionary held in memory: read exactly as a file called `name` holding `text` would
// be (`name` appears in warnings and in the events' `rule`).
struct DictionaryText {
  DictionaryKind kind = DictionaryKind::kKb;
  std::string name;
  std::string text;
};

struct DictionaryFiles {
  DictionaryLimits limits;
  // PETRARCH-2 format files.
  std::vector<std::string> verbs, actors, agents, discards, issues;
  // Files in annalist's own knowledge-base format (docs/dictionary-format.md; verb files
  // in PETRARCH-2 verb syntax), used instead of the built-in knowledge base.
  std::vector<std::string> kb;
  // Dictionaries from memory; within a kind they are read after that kind's files.
  std::vector<DictionaryText> texts;

  bool petrarch_empty() const {
    for (const DictionaryText& t : texts)
      if (t.kind != DictionaryKind::kKb) return false;
    return verbs.empty() && actors.empty() && agents.empty() && discards.empty() && issues.empty();
  }
  bool kb_empty() const {
    for (const DictionaryText& t : texts)
      if (t.kind == DictionaryKind::kKb) return false;
    return kb.empty();
  }
  bool empty() const { return petrarch_empty() && kb_empty(); }
};

// annalist's version ("0.4.0").
std::string AnnalistVersion();
// 8 hex digits identifying the dictionaries `files` selects (the built-in knowledge base
// when empty): FNV-1a over each dictionary's base name and bytes, kind by kind, files
// before texts, so the same dictionaries from paths or from memory give the same checksum.
std::string DictionaryChecksum(const DictionaryFiles& files);
// What every event's `version` says: "0.4.0+kb." and DictionaryChecksum(files).
std::string VersionWithDictionaries(const DictionaryFiles& files);

struct PipelineConfig {
  DictionaryFiles dictionaries;
  // Where and when (docs/output.md): event dates from the text (event_date, date_text,
  // date_precision) and locations resolved against the built-in gazetteer (name, country,
  // admin1, lat/lon, id). Off: events keep the story date and the coder's place only.
  bool resolve_dates = true;
  bool resolve_places = true;
  ArticleLimits article_limits;
};

class Pipeline {
 public:
  // Loads dictionaries and models. Malformed dictionary lines do not fail the load; they
  // are listed in warnings() as "file:line: reason".
  static Result<std::unique_ptr<Pipeline>> Load(const PipelineConfig& config);
  ~Pipeline();

  // Segments, tags and codes `doc` (its options apply), appending events in sentence order.
  void Code(Document* doc, std::vector<Event>* events) const;

  const std::vector<std::string>& warnings() const;

  struct Impl;

 private:
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace annalist

#endif  // ANNALIST_PIPELINE_H_
