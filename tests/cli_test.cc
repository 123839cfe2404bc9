// Drives the annalist binary (ANNALIST_CLI) on temporary files with a tiny inline
// dictionary set: error lines, exit statuses, thread-count invariance, eval summary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "annalist/article_reader.h"
#include "test_util.h"

namespace annalist::testing {
namespace {

namespace fs = std::filesystem;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(ProcessTempDir()) / "cli_test";
    fs::create_directories(dir_);
    WriteFile(Path("verbs.txt"),
              "--- ACCUSE [112] ---\n"
              "ACCUSE\n"
              "- * [112]\n"
              "\n"
              "--- CONDEMN [122] ---\n"
              "CONDEMN\n"
              "- * [122]\n");
    WriteFile(Path("actors.txt"),
              "IRAN_ [IRN]\n"
              "ISRAEL_ [ISR]\n"
              "FRANCE_ [FRA]\n");
    dictionaries_ = " --verbs " + Path("verbs.txt") + " --actors " + Path("actors.txt") + " ";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // Runs `annalist ARGS`, stdout captured, stderr into a file read back into *err.
  CommandResult Annalist(const std::string& args, std::string* err = nullptr) {
    CommandResult result = testing::RunCommand(std::string(ANNALIST_CLI) + " " + args + " 2>" + Path("stderr.txt"));
    if (err != nullptr) *err = ReadFile(Path("stderr.txt"));
    return result;
  }

  fs::path dir_;
  std::string dictionaries_;
};

TEST_F(CliTest, Help) {
  CommandResult top = Annalist("--help");
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_TRUE(Contains(top.out, "code"));
  EXPECT_TRUE(Contains(top.out, "eval"));
  CommandResult code = Annalist("code --help");
  EXPECT_EQ(code.exit_code, 0);
  EXPECT_TRUE(Contains(code.out, "--threads"));
  EXPECT_TRUE(Contains(code.out, "--max-article-bytes"));
  EXPECT_EQ(Annalist("eval --help").exit_code, 0);
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  std::string err;
  EXPECT_EQ(Annalist("code --verbs " + Path("no-such-verbs.txt"), &err).exit_code, 2);
  EXPECT_TRUE(Contains(err, "no-such-verbs.txt")) << err;
  EXPECT_EQ(Annalist("code --no-such-flag" + dictionaries_, &err).exit_code, 2);
  EXPECT_EQ(Annalist("code --threads zero" + dictionaries_, &err).exit_code, 2);
  EXPECT_EQ(Annalist("frobnicate", &err).exit_code, 2);
  EXPECT_EQ(Annalist("eval" + dictionaries_, &err).exit_code, 2);  // no --gold
}

TEST_F(CliTest, BadRecordsAreReportedAndTheBatchGoesOn) {
  std::string input;
  input += "{\"id\": \"good1\", \"date\": \"2015-03-02\", \"text\": \"Iran accused Israel.\"}\n";  // 1
  input += "{\"id\": \"broken\", \"text\": \"Iran accused\n";                                      // 2
  input += "{\"id\": \"utf8\", \"text\": \"Iran \xC3\x28 accused Israel.\"}\n";                  // 3
  input += "{\"id\": \"empty\", \"text\": \"\"}\n";                                               // 4
  input += "{\"id\": \"huge\", \"text\": \"" + std::string(10 * 1000 * 1000, 'x') + "\"}\n";     // 5
  input += "{\"id\": \"good2\", \"text\": \"France condemned Iran.\"}\n";                          // 6
  WriteFile(Path("batch.jsonl"), input);
  WriteFile(Path("junk.bin"), std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16));
  WriteFile(Path("story.txt"), "Israel accused Iran.\n");

  std::string err;
  CommandResult result =
      Annalist("code --threads 2" + dictionaries_ + Path("batch.jsonl") + " " + Path("junk.bin") + " " +
                   Path("story.txt"),
               &err);
  EXPECT_EQ(result.exit_code, 1) << err;

  std::vector<std::string> errors;
  for (const std::string& line : Lines(err))
    if (Contains(line, "\"error\"")) errors.push_back(line);
  ASSERT_EQ(errors.size(), 5u) << err;
  const std::string batch = Path("batch.jsonl");
  EXPECT_TRUE(Contains(errors[0], "\"input\":\"" + batch + "\",\"line\":2")) << errors[0];
  EXPECT_TRUE(Contains(errors[0], "broken JSON")) << errors[0];
  EXPECT_TRUE(Contains(errors[1], "\"line\":3")) << errors[1];
  EXPECT_TRUE(Contains(errors[1], "UTF-8")) << errors[1];
  EXPECT_TRUE(Contains(errors[2], "\"line\":4")) << errors[2];
  EXPECT_TRUE(Contains(errors[2], "empty")) << errors[2];
  EXPECT_TRUE(Contains(errors[3], "\"line\":5")) << errors[3];
  EXPECT_TRUE(Contains(errors[3], "--max-article-bytes")) << errors[3];
  EXPECT_TRUE(Contains(errors[4], "\"input\":\"" + Path("junk.bin") + "\"")) << errors[4];
  EXPECT_TRUE(Contains(errors[4], "an executable (ELF), not an article file")) << errors[4];

  // The good articles are still coded, in input order.
  size_t good1 = result.out.find("\"doc_id\":\"good1\"");
  size_t good2 = result.out.find("\"doc_id\":\"good2\"");
  size_t story = result.out.find("\"doc_id\":\"" + ArticleIdFromText("Israel accused Iran.\n") + "\"");
  ASSERT_NE(good1, std::string::npos) << result.out;
  ASSERT_NE(good2, std::string::npos) << result.out;
  ASSERT_NE(story, std::string::npos) << result.out;
  EXPECT_LT(good1, good2);
  EXPECT_LT(good2, story);
  EXPECT_TRUE(Contains(result.out, "\"source\":\"IRN\",\"target\":\"ISR\",\"code\":\"112\",\"root\":\"11\","
                                   "\"quad_class\":3,\"goldstein\":-2,\"plover\":\"ACCUSE\",\"date\":\"2015-03-02\""))
      << result.out;
}

TEST_F(CliTest, AllGoodInputExitsZeroAndReadsStdin) {
  WriteFile(Path("one.jsonl"), "{\"id\": \"a\", \"text\": \"Iran accused Israel.\"}\n");
  std::string err;
  CommandResult result = testing::RunCommand(std::string(ANNALIST_CLI) + " code" + dictionaries_ + "< " + Path("one.jsonl") +
                             " 2>" + Path("stderr.txt"));
  EXPECT_EQ(result.exit_code, 0) << ReadFile(Path("stderr.txt"));
  EXPECT_TRUE(Contains(result.out, "\"doc_id\":\"a\"")) << result.out;
}

TEST_F(CliTest, TsvFormatHasHeaderAndOneRowPerEvent) {
  WriteFile(Path("two.jsonl"),
            "{\"id\": \"a\", \"date\": \"2015-03-02\", \"text\": \"Iran accused Israel.\"}\n"
            "{\"id\": \"b\", \"text\": \"France accused Iran.\"}\n");
  CommandResult result = Annalist("code --threads 1 --format tsv" + dictionaries_ + Path("two.jsonl"));
  ASSERT_EQ(result.exit_code, 0);
  std::vector<std::string> lines;
  for (size_t begin = 0, end; (end = result.out.find('\n', begin)) != std::string::npos; begin = end + 1)
    lines.push_back(result.out.substr(begin, end - begin));
  ASSERT_EQ(lines.size(), 3u) << result.out;
  EXPECT_EQ(lines[0].rfind("event_id\tdoc_id\tsentence_index\tdate\tsource\ttarget\tcode", 0), 0u);
  EXPECT_TRUE(Contains(lines[1], "\ta\t0\t2015-03-02\tIRN\tISR\t112\t11\t3\t")) << lines[1];
  EXPECT_TRUE(Contains(lines[2], "\tb\t0\t\tFRA\tIRN\t112\t")) << lines[2];
  EXPECT_EQ(Annalist("code --format xml" + dictionaries_ + Path("two.jsonl")).exit_code, 2);
}

TEST_F(CliTest, WhereAndWhenCanBeSwitchedOff) {
  WriteFile(Path("dated.jsonl"), "{\"id\": \"a\", \"date\": \"2023-06-07\", "
                                 "\"text\": \"Iran accused Israel on Monday.\"}\n");
  CommandResult on = Annalist("code --threads 1" + dictionaries_ + Path("dated.jsonl"));
  ASSERT_EQ(on.exit_code, 0) << on.out;
  EXPECT_TRUE(Contains(on.out, "\"event_date\":\"2023-06-05\"")) << on.out;
  EXPECT_TRUE(Contains(on.out, "\"gazetteer_id\":")) << on.out;
  CommandResult off = Annalist("code --threads 1 --no-event-dates --no-locations" + dictionaries_ + Path("dated.jsonl"));
  ASSERT_EQ(off.exit_code, 0) << off.out;
  EXPECT_TRUE(Contains(off.out, "\"date\":\"2023-06-07\"")) << off.out;
  EXPECT_FALSE(Contains(off.out, "\"event_date\"")) << off.out;
  EXPECT_FALSE(Contains(off.out, "\"gazetteer_id\"")) << off.out;
  CommandResult dates_only = Annalist("code --threads 1 --no-locations" + dictionaries_ + Path("dated.jsonl"));
  EXPECT_TRUE(Contains(dates_only.out, "\"event_date\":\"2023-06-05\"")) << dates_only.out;
  EXPECT_FALSE(Contains(dates_only.out, "\"gazetteer_id\"")) << dates_only.out;
}

// --layers: the debugging view of tokens, tags, clauses with arguments, and events.
TEST_F(CliTest, LayersShowTokensClausesAndEvents) {
  WriteFile(Path("layers.jsonl"), "{\"id\": \"a\", \"date\": \"2023-06-07\", "
                                  "\"text\": \"Iran accused Israel of aggression.\"}\n");
  CommandResult r = Annalist("code --threads 1 --layers" + dictionaries_ + Path("layers.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(Contains(r.out, "sentence 0 of a: Iran accused Israel of aggression.")) << r.out;
  EXPECT_TRUE(Contains(r.out, "accused/VBD")) << r.out;
  EXPECT_TRUE(Contains(r.out, "clause 0 main: \"accused\" past active | subject=\"Iran\" object=\"Israel of aggression\"")) << r.out;
  EXPECT_TRUE(Contains(r.out, "event 112 (main, \"accused\"): IRN[\"Iran\"")) << r.out;
  EXPECT_FALSE(Contains(r.out, "\"doc_id\"")) << r.out;  // no event JSON
}

TEST_F(CliTest, NewActorsAndIssues) {
  WriteFile(Path("one.jsonl"), "{\"id\": \"a\", \"text\": \"Iran accused the nuclear agency.\"}\n"
                               "{\"id\": \"b\", \"text\": \"Iran accused the nuclear agency.\", "
                               "\"options\": {\"new_actor_length\": 3}}\n");
  WriteFile(Path("issues.txt"), "<ISSUE CATEGORY=\"X\" TYPE=\"ALL\">\nnuclear [NUCLEAR]\n</ISSUE>\n");
  // Off by default; the flag or the article's options turn it on.
  CommandResult plain = Annalist("code --threads 1" + dictionaries_ + Path("one.jsonl"));
  ASSERT_EQ(plain.exit_code, 0);
  EXPECT_FALSE(Contains(plain.out, "\"doc_id\":\"a\"")) << plain.out;
  EXPECT_TRUE(Contains(plain.out, "\"target\":\"\\\"THE NUCLEAR AGENCY\\\"\"")) << plain.out;
  EXPECT_TRUE(Contains(plain.out, "\"how\":\"new_actor\"")) << plain.out;
  EXPECT_FALSE(Contains(plain.out, "\"issues\"")) << plain.out;
  CommandResult flag =
      Annalist("code --threads 1 --new-actor-length 3 --issues " + Path("issues.txt") + dictionaries_ + Path("one.jsonl"));
  ASSERT_EQ(flag.exit_code, 0);
  EXPECT_TRUE(Contains(flag.out, "\"doc_id\":\"a\"")) << flag.out;
  EXPECT_TRUE(Contains(flag.out, "\"issues\":[{\"code\":\"NUCLEAR\",\"count\":1}]")) << flag.out;
  CommandResult tsv = Annalist("code --threads 1 --format tsv --new-actor-length 3 --issues " + Path("issues.txt") +
                               dictionaries_ + Path("one.jsonl"));
  ASSERT_EQ(tsv.exit_code, 0);
  EXPECT_TRUE(Contains(tsv.out, "\tsentence\tissues\tlocation\tlocation_code\turl\tpublisher\ttitle\tpublished\tversion\n"))
      << tsv.out;
  // issues, location (no place words), location_code (the source actor's country: src/geo),
  // url, publisher, title, published, version.
  EXPECT_TRUE(Contains(tsv.out, "\tNUCLEAR\t\tIRN\t\t\t\t\t0.")) << tsv.out;
}

TEST_F(CliTest, OutputIsTheSameForAnyThreadCount) {
  std::string input;
  const char* sentences[] = {"Iran accused Israel.", "France condemned Iran.", "Israel accused France.",
                             "Nothing happened today."};
  for (int i = 0; i < 600; ++i) {
    input += "{\"id\": \"n" + std::to_string(i) + "\", \"text\": \"" + sentences[i % 4] + " " + sentences[(i / 4) % 4] +
             "\"}\n";
  }
  WriteFile(Path("many.jsonl"), input);
  CommandResult one = Annalist("code --threads 1" + dictionaries_ + Path("many.jsonl"));
  CommandResult two = Annalist("code --threads 2" + dictionaries_ + Path("many.jsonl"));
  CommandResult five = Annalist("code --threads 5" + dictionaries_ + Path("many.jsonl"));
  EXPECT_EQ(one.exit_code, 0);
  EXPECT_EQ(two.exit_code, 0);
  EXPECT_FALSE(one.out.empty());
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, five.out);
}

TEST_F(CliTest, EvalPrintsSummaryAndJsonLine) {
  WriteFile(Path("gold.jsonl"),
            "{\"id\": \"r1\", \"seq\": 0, \"date\": \"19950112\", \"text\": \"Iran accused Israel.\", \"parse\": null, "
            "\"expected\": [{\"source\": \"IRN\", \"target\": \"ISR\", \"code\": \"112\"}], \"evaluate\": true, "
            "\"config\": {\"require_dyad\": \"True\"}}\n"
            "{\"id\": \"r2\", \"seq\": 1, \"date\": \"19950112\", \"text\": \"France condemned Iran.\", "
            "\"expected\": [{\"source\": \"FRA\", \"target\": \"IRN\", \"code\": \"111\"}], \"evaluate\": true, "
            "\"config\": {}}\n"
            "{\"id\": \"r3\", \"seq\": 2, \"text\": \"Israel accused Iran.\", \"expected\": [], \"evaluate\": false}\n");
  std::string err;
  CommandResult result = Annalist("eval --threads 2 --diff --gold " + Path("gold.jsonl") + dictionaries_, &err);
  EXPECT_EQ(result.exit_code, 0) << err;
  std::vector<std::string> lines = Lines(result.out);
  ASSERT_FALSE(lines.empty());
  const std::string& summary = lines.back();
  EXPECT_TRUE(Contains(summary, "\"records\":3,\"evaluated\":2")) << summary;
  EXPECT_TRUE(Contains(summary, "\"f1\":")) << summary;
  EXPECT_TRUE(Contains(result.out, "r2#1")) << result.out;  // FRA IRN 122 produced, 111 expected
  EXPECT_TRUE(Contains(result.out, "FRA IRN 111")) << result.out;
  EXPECT_FALSE(Contains(result.out, "r1#0")) << result.out;
  // The differing record's layers, indented under it: its main clause and the event coded.
  EXPECT_TRUE(Contains(result.out, "  layers:\n    sentence 0 of r2: France condemned Iran.")) << result.out;
  EXPECT_TRUE(Contains(result.out, "      clause 0 main: \"condemned\"")) << result.out;
  EXPECT_TRUE(Contains(result.out, "      event 122 (main")) << result.out;
  EXPECT_TRUE(Contains(summary, "\"exact\":0.5000")) << summary;
  EXPECT_TRUE(Contains(summary, "\"f1\":0.5000,")) << summary;
  EXPECT_TRUE(Contains(summary, "\"root_f1\":0.5000")) << summary;  // 12 produced, 11 expected
}

}  // namespace
}  // namespace annalist::testing
