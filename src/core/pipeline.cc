#include "annalist/pipeline.h"

#include <future>
#include <string>
#include <utility>

#include "annalist/gazetteer.h"
#include "annotate/dates.h"
#include "annotate/ontology.h"
#include "dict/kb_reader.h"
#include "dict/petrarch_reader.h"
#include "events/coder.h"
#include "geo/locate.h"
#include "ingest/story_structure.h"
#include "segment/segment.h"
#include "tag/tagger.h"

namespace annalist {

struct Pipeline::Impl {
  std::shared_ptr<const dict::Dictionaries> dictionaries;
  std::shared_ptr<const Tagger> tagger;
  std::unique_ptr<Coder> coder;
  // How to code: PETRARCH-2 compatible for PETRARCH-2 dictionaries, the knowledge-base
  // rules for the built-in knowledge base and --kb files (events/rules.h).
  CodingRules rules = CodingRules::Petrarch();
  std::shared_ptr<const Gazetteer> gazetteer;  // null when places are not resolved
  const TimeWords* time_words = nullptr;       // null when dates are not resolved
  std::vector<std::string> warnings;
  ArticleLimits limits;
};

namespace {

std::string ByteRange(Span span) { return std::to_string(span.begin) + "-" + std::to_string(span.end); }

// Leaves out of doc->sentences every sentence over the token limit and every sentence past
// the sentence limit, each cut with a warning (docs/security.md: never a silent cut). The
// tokens stay in doc->tokens, as a dateline's do. At most kShown long sentences are named
// one by one, so an article of many long sentences gives a handful of lines.
void ApplySentenceLimits(const ArticleLimits& limits, Document* doc) {
  constexpr size_t kShown = 3;
  std::vector<Sentence>& sentences = doc->sentences;
  size_t kept = 0, too_long = 0, cut_from = sentences.size();
  for (size_t index = 0; index < sentences.size(); ++index) {
    const Sentence sentence = sentences[index];
    if (sentence.size() > limits.max_sentence_tokens) {
      if (++too_long <= kShown) {
        doc->warnings.push_back("sentence at bytes " + ByteRange(sentence.span) + " has " +
                                std::to_string(sentence.size()) + " tokens, over the limit of " +
                                std::to_string(limits.max_sentence_tokens) + " (--max-sentence-tokens): not coded");
      }
      continue;
    }
    if (kept == limits.max_sentences) {
      cut_from = index;
      break;
    }
    sentences[kept++] = sentence;
  }
  if (too_long > kShown) {
    doc->warnings.push_back(std::to_string(too_long - kShown) + " more sentence(s) over the limit of " +
                            std::to_string(limits.max_sentence_tokens) + " tokens (--max-sentence-tokens): not coded");
  }
  if (cut_from < sentences.size()) {
    doc->warnings.push_back("more than " + std::to_string(limits.max_sentences) +
                            " sentences (--max-sentences): the " + std::to_string(sentences.size() - cut_from) +
                            " sentence(s) from byte " + std::to_string(sentences[cut_from].span.begin) +
                            " on are not coded");
  }
  sentences.resize(kept);
}

// Drops the events of this article past the limit (they come in sentence order, so the
// first sentences' events are kept), with a warning.
void ApplyEventLimit(const ArticleLimits& limits, size_t first_new, Document* doc, std::vector<Event>* events) {
  if (events->size() - first_new <= limits.max_events) return;
  const size_t keep = first_new + limits.max_events;
  const Event& first_dropped = (*events)[keep];
  doc->warnings.push_back("more than " + std::to_string(limits.max_events) +
                          " events (--max-article-events): the " + std::to_string(events->size() - keep) +
                          " event(s) from the sentence at bytes " + ByteRange(first_dropped.sentence) +
                          " on are dropped");
  events->resize(keep);
}

}  // namespace

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Load(const PipelineConfig& config) {
  auto impl = std::make_unique<Impl>();
  // The tagger model (parsed once per process) loads on a second thread while the
  // dictionaries are read: the two are independent and each takes ~0.1-0.2 s.
  auto tagger_future = std::async(std::launch::async, [] { return Tagger::Builtin(); });
  // The gazetteer (~50 k places) is parsed on a third thread meanwhile.
  std::future<std::shared_ptr<const Gazetteer>> gazetteer_future;
  if (config.resolve_places) {
    gazetteer_future = std::async(std::launch::async, [] { return Gazetteer::Builtin(); });
  }
  if (config.resolve_dates) impl->time_words = &TimeWords::Builtin();
  if (config.dictionaries.empty()) {
    // No dictionary files: the built-in knowledge base (data/kb, embedded at build time).
    impl->dictionaries = dict::LoadBuiltinKb(&impl->warnings);
    impl->rules = CodingRules::KnowledgeBase();
  } else if (!config.dictionaries.kb_empty()) {
    if (!config.dictionaries.petrarch_empty()) {
      return InvalidArgument(
          "knowledge-base files (--kb) and PETRARCH-2 dictionaries (--verbs/--actors/...) cannot be "
          "mixed; give a knowledge base its verbs with --kb VERBS.txt");
    }
    std::vector<std::string> texts(config.dictionaries.kb.size());
    std::vector<dict::KbText> files;
    for (size_t i = 0; i < texts.size(); ++i) {
      Status read = dict::ReadWholeFile(config.dictionaries.kb[i], &texts[i],
                                         config.dictionaries.limits.max_file_bytes);
      if (!read.ok()) return read;
      files.push_back(dict::KbText{config.dictionaries.kb[i], texts[i]});
    }
    for (const DictionaryText& text : config.dictionaries.texts) {
      if (text.kind == DictionaryKind::kKb) files.push_back(dict::KbText{text.name, text.text});
    }
    impl->dictionaries = dict::LoadKb(files, &impl->warnings);
    impl->rules = CodingRules::KnowledgeBase();
  } else {
    auto dictionaries = dict::LoadPetrarch(config.dictionaries, &impl->warnings);
    if (!dictionaries.ok()) return dictionaries.status();
    impl->dictionaries = *dictionaries;
  }

  auto tagger = tagger_future.get();
  if (!tagger.ok()) return tagger.status();
  impl->tagger = *tagger;
  if (gazetteer_future.valid()) impl->gazetteer = gazetteer_future.get();
  impl->coder = std::make_unique<Coder>(impl->dictionaries, impl->rules);
  impl->limits = config.article_limits;
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

void Pipeline::Code(Document* doc, std::vector<Event>* events) const {
  Segment(doc);
  // Dateline and boilerplate leave doc->sentences here, so no later stage sees them.
  MarkStoryStructure(doc);
  // A text without a story date takes its dateline's when that names a year ("5 March 2024").
  if (doc->date == 0 && !doc->dateline_date.empty()) {
    int32_t date = 0;
    if (ParseStoryDate(doc->Slice(doc->dateline_date), &date)) doc->date = date;
  }
  ApplySentenceLimits(impl_->limits, doc);
  for (const Sentence& sentence : doc->sentences) impl_->tagger->Tag(doc, sentence);
  size_t first_new = events->size();
  impl_->coder->CodeDocument(doc, events);
  ApplyEventLimit(impl_->limits, first_new, doc, events);
  for (size_t i = first_new; i < events->size(); ++i) Annotate(&(*events)[i]);
  // Where and when, after coding: they read the events, never change what was coded.
  if (impl_->time_words != nullptr) ResolveEventDates(*impl_->time_words, *doc, events, first_new);
  if (impl_->gazetteer != nullptr) LocateEvents(*impl_->gazetteer, PlaceWords::Builtin(), *doc, events, first_new);
}

const std::vector<std::string>& Pipeline::warnings() const { return impl_->warnings; }

}  // namespace annalist
