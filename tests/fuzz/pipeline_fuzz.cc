// Fuzz target: the whole pipeline (annalist::Pipeline with the built-in knowledge base) on
// one article whose text is the input bytes, including invalid UTF-8. Stages must never
// fail on odd text (include/annalist/document.h); every span must lie inside the text.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "annalist/document.h"
#include "annalist/event.h"
#include "annalist/pipeline.h"

namespace {

const annalist::Pipeline& GetPipeline() {
  // Loaded once per process: loading is the slow part and the Pipeline is immutable.
  static const annalist::Pipeline* pipeline = [] {
    auto loaded = annalist::Pipeline::Load(annalist::PipelineConfig{});
    if (!loaded.ok()) std::abort();
    return loaded->release();
  }();
  return *pipeline;
}

// The same with tiny article limits (ArticleLimits), so that short inputs reach every cut.
constexpr size_t kTinySentenceTokens = 12, kTinySentences = 3, kTinyEvents = 2;
const annalist::Pipeline& GetLimitedPipeline() {
  static const annalist::Pipeline* pipeline = [] {
    annalist::PipelineConfig config;
    config.article_limits.max_sentence_tokens = kTinySentenceTokens;
    config.article_limits.max_sentences = kTinySentences;
    config.article_limits.max_events = kTinyEvents;
    auto loaded = annalist::Pipeline::Load(config);
    if (!loaded.ok()) std::abort();
    return loaded->release();
  }();
  return *pipeline;
}

void CheckSpan(const annalist::Document& doc, annalist::Span s) {
  if (s.begin > s.end || s.end > doc.text.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const annalist::Pipeline& pipeline = GetPipeline();
  annalist::Document doc;
  doc.id = "fuzz";
  doc.date = 20240101;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  std::vector<annalist::Event> events;
  pipeline.Code(&doc, &events);
  for (const annalist::Token& token : doc.tokens) CheckSpan(doc, token.span);
  for (const annalist::Sentence& sentence : doc.sentences) {
    CheckSpan(doc, sentence.span);
    if (sentence.first_token > sentence.end_token || sentence.end_token > doc.tokens.size()) std::abort();
  }
  CheckSpan(doc, doc.dateline);
  CheckSpan(doc, doc.boilerplate);
  for (annalist::Span s : doc.boilerplate_lines) CheckSpan(doc, s);

  // Under the limits: nothing over them is coded, and every cut says so.
  annalist::Document limited;
  limited.id = "fuzz";
  limited.date = 20240101;
  limited.text = doc.text;
  events.clear();
  GetLimitedPipeline().Code(&limited, &events);
  if (limited.sentences.size() > kTinySentences || events.size() > kTinyEvents) std::abort();
  for (const annalist::Sentence& sentence : limited.sentences) {
    if (sentence.size() > kTinySentenceTokens) std::abort();
  }
  if (limited.sentences.size() < doc.sentences.size() && limited.warnings.size() <= doc.warnings.size()) std::abort();
  for (const annalist::Event& event : events) CheckSpan(limited, event.sentence);
  return 0;
}
