// Pathological articles run in time linear in their size (issue 12, point 6): text
// without punctuation (one endless sentence), a sentence of many short tokens, and deep
// nesting of quotes and brackets. Each case codes two sizes, 1x and 4x, in one run and
// compares the times: a quadratic stage gives ~16x, linear ~4x; the check allows 10x
// (generous for a loaded machine) and needs the small size to take at least a few ms so
// that timer noise does not decide. Label `slow` (a few seconds; left out of the
// sanitizer pass, where timings mean nothing). The full 50 MB and 200,000-token inputs
// are measured in bench/RESULTS.md ("Limits").
#include <gtest/gtest.h>

#include <time.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "dict/dictionary.h"
#include "dict/petrarch_readers.h"
#include "dict/petrarch_text.h"

namespace annalist {
namespace {

const Pipeline& SharedPipeline() {
  static const Pipeline* pipeline = [] {
    // No article limits: the sentences here are far over --max-sentence-tokens, and the
    // point is that coding them, were they allowed, is linear too.
    PipelineConfig config;
    config.article_limits.max_sentence_tokens = config.article_limits.max_sentences =
        config.article_limits.max_events = SIZE_MAX;
    auto loaded = Pipeline::Load(config);
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return *pipeline;
}

// CPU seconds of this thread (Pipeline::Code runs on the caller's thread): time spent
// waiting for a core on a loaded machine does not count, so only the work decides (wall
// time once failed the check at ratio 10.1 while other builds ran; alone it is ~4).
double ThreadCpuSeconds() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// CPU seconds to code `text` (best of two runs, to shed one-off stalls).
double CodeSeconds(const std::string& text, size_t* events_out) {
  double best = 1e9;
  for (int run = 0; run < 2; ++run) {
    Document doc;
    doc.id = "p";
    doc.text = text;
    std::vector<Event> events;
    const double start = ThreadCpuSeconds();
    SharedPipeline().Code(&doc, &events);
    best = std::min(best, ThreadCpuSeconds() - start);
    *events_out = events.size();
  }
  return best;
}

std::string Repeat(const std::string& unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

void ExpectLinear(const std::string& name, const std::string& unit, size_t small_bytes) {
  size_t events_small = 0, events_large = 0;
  const std::string small = Repeat(unit, small_bytes), large = Repeat(unit, 4 * small_bytes);
  double t_small = CodeSeconds(small, &events_small);
  double t_large = CodeSeconds(large, &events_large);
  double ratio = t_large / std::max(t_small, 0.005);
  std::printf("%s: %zu bytes %.3f s, %zu bytes %.3f s, ratio %.1f (linear 4, quadratic 16)\n", name.c_str(),
              small.size(), t_small, large.size(), t_large, ratio);
  EXPECT_LT(ratio, 10.0) << name << ": time grows faster than the size";
  EXPECT_LT(t_large, 30.0) << name;
}

TEST(PathologicalInput, NoPunctuationIsLinear) {
  ExpectLinear("no punctuation", "the army of arnor attacked gondor and the rebels said they would meet iran ",
               256 << 10);
}

TEST(PathologicalInput, LongSentenceOfShortTokensIsLinear) {
  ExpectLinear("one long sentence", "a , b ; c - ", 128 << 10);
}

TEST(PathologicalInput, DeepNestingIsLinear) {
  std::string open, close;
  for (int i = 0; i < 1000; ++i) open += "( \" [ ' { ";
  for (int i = 0; i < 1000; ++i) close += "} ' ] \" ) ";
  ExpectLinear("deep nesting", open + "Arnor attacked Gondor " + close, 128 << 10);
}

// CPU seconds to read `text` as a PETRARCH-2 issues file (best of two runs); *issues gets
// how many issues were read.
double ReadIssuesSeconds(const std::string& text, size_t* issues) {
  double best = 1e9;
  for (int run = 0; run < 2; ++run) {
    dict::Dictionaries dict;
    std::vector<std::string> warnings;
    dict.files.push_back("issues.txt");
    const double start = ThreadCpuSeconds();
    {
      dict::petrarch::ReadContext ctx(&dict, &warnings, 0, "issues.txt");
      dict::petrarch::ReadIssues(text, ctx);
    }
    best = std::min(best, ThreadCpuSeconds() - start);
    *issues = dict.issues.size();
  }
  return best;
}

// A dictionary line of many words (the issues reader copied the phrase so far for each
// word: quadratic). Ten lines of 1,500 and of 12,000 words (60 KB, under the 64 KiB line
// limit, so both are read: checked): 8 times the size, so linear gives ~8, quadratic ~64
// (before the fix: 24-29, the reading around the copies being linear; after: ~4).
TEST(PathologicalInput, LongIssuePhraseIsLinear) {
  auto lines = [](size_t words) {
    std::string line;
    for (size_t i = 0; i < words; ++i) line += "WORD ";
    line += "[ISSUE]\n";
    std::string text;
    for (int i = 0; i < 10; ++i) text += line;
    return text;
  };
  size_t issues_small = 0, issues_large = 0;
  const double t_small = ReadIssuesSeconds(lines(1500), &issues_small);
  const double t_large = ReadIssuesSeconds(lines(12000), &issues_large);
  EXPECT_EQ(issues_small, 10u);
  EXPECT_EQ(issues_large, 10u);
  const double ratio = t_large / std::max(t_small, 0.005);
  std::printf("issue phrases: 1,500 words %.3f s, 12,000 words %.3f s, ratio %.1f (linear 8, quadratic 64)\n",
              t_small, t_large, ratio);
  EXPECT_LT(ratio, 16.0) << "reading an issue phrase grows faster than its length";
}

}  // namespace
}  // namespace annalist
