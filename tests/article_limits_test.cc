// Per-article limits (issue 12, point 6; docs/security.md): tokens per sentence, sentences
// per article and events per article. Each cut leaves a warning naming the bytes and the
// flag, and the rest of the article is coded. The limits here are tiny so that a few
// sentences reach them; the defaults are measured in bench/RESULTS.md ("Limits").
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "test_util.h"

namespace annalist {
namespace {

using annalist::testing::Contains;
using annalist::testing::Lines;
using annalist::testing::RunCommand;

std::unique_ptr<Pipeline> Load(const ArticleLimits& limits) {
  PipelineConfig config;  // the built-in knowledge base
  config.article_limits = limits;
  auto pipeline = Pipeline::Load(config);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().message();
  return pipeline.ok() ? std::move(*pipeline) : nullptr;
}

struct Coded {
  std::vector<Event> events;
  Document doc;
};

Coded Code(const Pipeline& pipeline, const std::string& text) {
  Coded coded;
  coded.doc.id = "limits";
  coded.doc.date = 20230612;
  coded.doc.text = text;
  pipeline.Code(&coded.doc, &coded.events);
  return coded;
}

// Three sentences, each coded as one ACCUSE event under the built-in knowledge base.
const char kThreeAccusations[] =
    "Kenya accused Uganda of arming cattle raiders. "
    "Ethiopia accused Sudan of shelling border towns. "
    "Chad accused Libya of sheltering rebels.";

std::vector<std::string> SourceCountries(const std::vector<Event>& events) {
  std::vector<std::string> countries;
  for (const Event& event : events) countries.push_back(event.source.code.substr(0, 3));
  return countries;
}

TEST(ArticleLimits, DefaultsCodeEverySentence) {
  auto pipeline = Load(ArticleLimits{});
  ASSERT_NE(pipeline, nullptr);
  Coded coded = Code(*pipeline, kThreeAccusations);
  EXPECT_EQ(SourceCountries(coded.events), (std::vector<std::string>{"KEN", "ETH", "TCD"}));
  EXPECT_TRUE(coded.doc.warnings.empty());
}

TEST(ArticleLimits, SentenceOverTheTokenLimitIsNotCodedAndNamed) {
  ArticleLimits limits;
  limits.max_sentence_tokens = 8;  // the second sentence has 9 tokens with its period
  auto pipeline = Load(limits);
  ASSERT_NE(pipeline, nullptr);
  const std::string text = "Kenya accused Uganda of arming raiders. "
                           "Ethiopia accused Sudan of shelling many border towns. "
                           "Chad accused Libya of sheltering rebels.";
  Coded coded = Code(*pipeline, text);
  EXPECT_EQ(SourceCountries(coded.events), (std::vector<std::string>{"KEN", "TCD"}));
  ASSERT_EQ(coded.doc.warnings.size(), 1u);
  const size_t begin = text.find("Ethiopia"), end = text.find(" Chad");
  const std::string& warning = coded.doc.warnings[0];
  EXPECT_TRUE(Contains(warning, "sentence at bytes " + std::to_string(begin) + "-" + std::to_string(end))) << warning;
  EXPECT_TRUE(Contains(warning, "has 9 tokens, over the limit of 8 (--max-sentence-tokens)")) << warning;
  // The sentences left are numbered as coded.
  ASSERT_EQ(coded.doc.sentences.size(), 2u);
  EXPECT_EQ(coded.events[1].sentence_index, 1u);
}

TEST(ArticleLimits, ManyLongSentencesGiveAFewLines) {
  ArticleLimits limits;
  limits.max_sentence_tokens = 3;
  auto pipeline = Load(limits);
  ASSERT_NE(pipeline, nullptr);
  std::string text;
  for (int i = 0; i < 10; ++i) text += "Kenya accused Uganda of arming cattle raiders. ";
  Coded coded = Code(*pipeline, text);
  EXPECT_TRUE(coded.events.empty());
  ASSERT_EQ(coded.doc.warnings.size(), 4u);  // three named, then how many more
  EXPECT_TRUE(Contains(coded.doc.warnings[3], "7 more sentence(s) over the limit of 3 tokens")) << coded.doc.warnings[3];
}

TEST(ArticleLimits, SentencesPastTheLimitAreNotCoded) {
  ArticleLimits limits;
  limits.max_sentences = 2;
  auto pipeline = Load(limits);
  ASSERT_NE(pipeline, nullptr);
  const std::string text = kThreeAccusations;
  Coded coded = Code(*pipeline, text);
  EXPECT_EQ(SourceCountries(coded.events), (std::vector<std::string>{"KEN", "ETH"}));
  EXPECT_EQ(coded.doc.sentences.size(), 2u);
  ASSERT_EQ(coded.doc.warnings.size(), 1u);
  EXPECT_TRUE(Contains(coded.doc.warnings[0], "more than 2 sentences (--max-sentences): the 1 sentence(s) from byte " +
                                                   std::to_string(text.find("Chad")) + " on are not coded"))
      << coded.doc.warnings[0];
}

TEST(ArticleLimits, EventsPastTheLimitAreDropped) {
  ArticleLimits limits;
  limits.max_events = 1;
  auto pipeline = Load(limits);
  ASSERT_NE(pipeline, nullptr);
  const std::string text = kThreeAccusations;
  Coded coded = Code(*pipeline, text);
  EXPECT_EQ(SourceCountries(coded.events), (std::vector<std::string>{"KEN"}));
  ASSERT_EQ(coded.doc.warnings.size(), 1u);
  EXPECT_TRUE(Contains(coded.doc.warnings[0], "more than 1 events (--max-article-events): the 2 event(s) from the "
                                              "sentence at bytes " + std::to_string(text.find("Ethiopia"))))
      << coded.doc.warnings[0];
  // Events already in the vector (an earlier article's) do not count.
  std::vector<Event> events(5);
  Document doc;
  doc.text = text;
  pipeline->Code(&doc, &events);
  EXPECT_EQ(events.size(), 6u);
}

// The CLI prints a coding warning located like a read warning (input and line), and the
// article still counts as read (exit 0).
TEST(ArticleLimits, CliPrintsALocatedWarning) {
  const std::string dir = annalist::testing::ProcessTempDir();
  const std::string input = dir + "/limits.jsonl";
  annalist::testing::WriteFile(input, "{\"id\":\"a\",\"text\":\"Kenya accused Uganda of arming cattle raiders.\"}\n"
                                      "{\"id\":\"b\",\"text\":\"" + std::string(kThreeAccusations) + "\"}\n");
  auto result = RunCommand(std::string(ANNALIST_CLI) + " code --threads 2 --max-sentences 1 " + input +
                           " 2>" + dir + "/limits.err");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(Lines(result.out).size(), 2u) << result.out;  // a's event and b's first
  const std::vector<std::string> err = Lines(annalist::testing::ReadFile(dir + "/limits.err"));
  ASSERT_EQ(err.size(), 1u);
  EXPECT_TRUE(Contains(err[0], "{\"warning\":\"more than 1 sentences (--max-sentences)")) << err[0];
  EXPECT_TRUE(Contains(err[0], "\"input\":\"" + input + "\",\"line\":2}")) << err[0];
  // A limit of 0 is a usage error (exit 2), not "code nothing".
  EXPECT_EQ(RunCommand(std::string(ANNALIST_CLI) + " code --max-article-events 0 </dev/null 2>/dev/null").exit_code, 2);
}

// annalist eval applies the limits as code does and says so the same way, located (it
// applied them silently before).
TEST(ArticleLimits, EvalPrintsALocatedWarning) {
  const std::string dir = annalist::testing::ProcessTempDir();
  const std::string gold = dir + "/limits-gold.jsonl";
  annalist::testing::WriteFile(
      gold, "{\"id\":\"a\",\"text\":\"Kenya accused Uganda of arming cattle raiders.\",\"expected\":[],\"evaluate\":true}\n"
            "{\"id\":\"b\",\"text\":\"" + std::string(kThreeAccusations) + "\",\"expected\":[],\"evaluate\":true}\n");
  auto result = RunCommand(std::string(ANNALIST_CLI) + " eval --threads 2 --max-sentences 1 --gold " + gold + " 2>" +
                           dir + "/eval-limits.err");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(Contains(result.out, "\"records\":2,\"evaluated\":2")) << result.out;
  EXPECT_TRUE(Contains(result.out, "fp 2,")) << result.out;  // a's event and b's first: the cut held
  const std::vector<std::string> err = Lines(annalist::testing::ReadFile(dir + "/eval-limits.err"));
  ASSERT_EQ(err.size(), 1u);
  EXPECT_TRUE(Contains(err[0], "{\"warning\":\"more than 1 sentences (--max-sentences)")) << err[0];
  EXPECT_TRUE(Contains(err[0], "\"input\":\"" + gold + "\",\"line\":2}")) << err[0];
}

// Every command that codes takes the limits and lists them in its --help.
TEST(ArticleLimits, FlagsAreInTheHelpOfEveryCodingCommand) {
  for (const char* command : {"code", "ingest", "eval"}) {
    auto help = RunCommand(std::string(ANNALIST_CLI) + " " + command + " --help");
    EXPECT_EQ(help.exit_code, 0) << command;
    for (const char* flag : {"--max-article-bytes N", "--max-sentence-tokens N", "--max-sentences N",
                             "--max-article-events N"}) {
      EXPECT_TRUE(Contains(help.out, flag)) << command << " --help lacks " << flag << ":\n" << help.out;
    }
  }
}

}  // namespace
}  // namespace annalist
