// Output formats round-trip through the tools analysts load them with: Python's csv module,
// pandas.read_csv and R's readr read the TSV, CSV and GDELT tables back with one row per
// event and every value as written (codes with their leading zeros, sentences that start
// with a quotation mark, commas, tabs and line breaks in the text). Skips cleanly when
// python3-pandas or Rscript with readr is missing.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_util.h"

namespace annalist::testing {
namespace {

namespace fs = std::filesystem;

class FormatsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(ProcessTempDir()) / ("formats_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::create_directories(dir_);
    WriteFile(Path("verbs.txt"),
              "--- ACCUSE [112] ---\nACCUSE\n- * [112]\n\n--- VISIT [042] ---\nVISIT\n- * [042]\n");
    WriteFile(Path("actors.txt"), "IRAN_ [IRN]\nISRAEL_ [ISR]\nFRANCE_ [FRA]\nHAMAS_ [PSEREBHMS]\n");
    // The first event's sentence starts with a quotation mark (it merged rows in the old
    // TSV); others hold commas, a tab, a line break, quotes inside, and a leading-zero code.
    WriteFile(Path("in.jsonl"),
              "{\"id\": \"q1\", \"date\": \"2023-11-06\", \"url\": \"https://example.org/a?x=1,2\", "
              "\"source\": \"Wire, Inc.\", \"title\": \"\\\"Quoted\\\" title\", "
              "\"text\": \"\\\"Iran accused Israel,\\\" the paper said. France visited Israel.\"}\n"
              "{\"id\": \"q2\", \"text\": \"Israel accused France,\\tthen Iran visited France.\\nHamas accused "
              "\\\"Israel\\\".\"}\n"
              "{\"id\": \"q3\", \"text\": \"Nothing happened.\"}\n"
              "{\"id\": \"q4\", \"text\": \"France visited Iran.\"}\n");
    std::string options = " code --threads 2 --verbs " + Path("verbs.txt") + " --actors " + Path("actors.txt") + " " +
                          Path("in.jsonl");
    for (const char* format : {"jsonl", "tsv", "csv", "gdelt"}) {
      CommandResult result = RunCommand(std::string(ANNALIST_CLI) + options + " --format " + format + " > " +
                                        Path(std::string("out.") + format) + " 2>/dev/null; echo $?");
      ASSERT_EQ(result.out, "0\n") << format;
    }
    // What every reader must find, from the JSON lines: one value per line.
    std::string ids, codes, sentences;
    simdjson::dom::parser parser;
    simdjson::dom::document_stream stream;
    simdjson::padded_string json = simdjson::padded_string::load(Path("out.jsonl"));
    ASSERT_EQ(parser.parse_many(json).get(stream), simdjson::SUCCESS);
    for (auto element : stream) {
      simdjson::dom::object event;
      ASSERT_EQ(element.get(event), simdjson::SUCCESS);
      std::string_view id, code, sentence;
      ASSERT_EQ(event["event_id"].get(id), simdjson::SUCCESS);
      ASSERT_EQ(event["code"].get(code), simdjson::SUCCESS);
      ASSERT_EQ(event["sentence"].get(sentence), simdjson::SUCCESS);
      std::string flat(sentence);
      for (char& c : flat)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';  // as the tables write them
      ids += std::string(id) + "\n";
      codes += std::string(code) + "\n";
      sentences += flat + "\n";
      ++events_;
    }
    ASSERT_GE(events_, 5) << ReadFile(Path("out.jsonl"));
    WriteFile(Path("ids.txt"), ids);
    WriteFile(Path("codes.txt"), codes);
    WriteFile(Path("sentences.txt"), sentences);
    EXPECT_EQ(sentences[0], '"');  // the case that merged rows
    EXPECT_NE(codes.find("042"), std::string::npos);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // Debian's python3 (where python3-pandas lives), else the first on PATH.
  static std::string Python() { return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

  // Runs a script with an interpreter; returns its stdout+stderr and exit status.
  CommandResult Run(const std::string& interpreter, const std::string& script_name, const std::string& script) {
    WriteFile(Path(script_name), script);
    return RunCommand("cd " + dir_.string() + " && " + interpreter + " " + script_name + " 2>&1");
  }

  fs::path dir_;
  int events_ = 0;
};

constexpr char kExpectedPy[] =
    "def lines(name):\n"
    "    with open(name, encoding='utf-8') as f:\n"
    "        return f.read().split('\\n')[:-1]\n"
    "ids, codes, sentences = lines('ids.txt'), lines('codes.txt'), lines('sentences.txt')\n"
    "def check(rows, id_key, code_key, sentence_key, what):\n"
    "    assert len(rows) == len(ids), (what, len(rows), len(ids))\n"
    "    for row, i, c, s in zip(rows, ids, codes, sentences):\n"
    "        assert row[id_key] == i, (what, row[id_key], i)\n"
    "        assert row[code_key] == c, (what, row[code_key], c)\n"
    "        if sentence_key is not None:\n"
    "            assert row[sentence_key] == s, (what, row[sentence_key], s)\n";

TEST_F(FormatsTest, PythonCsvModule) {
  if (RunCommand(Python() + " -c 'import csv' 2>/dev/null").exit_code != 0) GTEST_SKIP() << "python3 is missing";
  CommandResult result = Run(Python(), "check_csv.py",
                             std::string(kExpectedPy) +
                                 "import csv\n"
                                 "with open('out.csv', newline='', encoding='utf-8') as f:\n"
                                 "    check(list(csv.DictReader(f)), 'event_id', 'code', 'sentence', 'csv')\n"
                                 "with open('out.tsv', newline='', encoding='utf-8') as f:\n"
                                 "    check(list(csv.DictReader(f, dialect='excel-tab')), 'event_id', 'code', 'sentence', 'tsv')\n"
                                 "with open('out.gdelt', newline='', encoding='utf-8') as f:\n"
                                 "    rows = list(csv.reader(f, dialect='excel-tab'))\n"
                                 "assert all(len(r) == 61 for r in rows), [len(r) for r in rows]\n"
                                 "# GLOBALEVENTID: event_id as a number; EventCode: column 27.\n"
                                 "ids[:] = [str(int(i, 16) & 0x7FFFFFFFFFFFFFFF) for i in ids]\n"
                                 "check([{'i': r[0], 'c': r[26]} for r in rows], 'i', 'c', None, 'gdelt')\n"
                                 "print('ok')\n");
  EXPECT_EQ(result.out, "ok\n") << result.out;
}

TEST_F(FormatsTest, Pandas) {
  if (RunCommand(Python() + " -c 'import pandas' 2>/dev/null").exit_code != 0) {
    GTEST_SKIP() << "python3-pandas is missing";
  }
  CommandResult result = Run(Python(), "check_pandas.py",
                             std::string(kExpectedPy) +
                                 "import pandas as pd\n"
                                 "kw = dict(dtype=str, keep_default_na=False)\n"
                                 "csv = pd.read_csv('out.csv', **kw)\n"
                                 "check(csv.to_dict('records'), 'event_id', 'code', 'sentence', 'csv')\n"
                                 "tsv = pd.read_csv('out.tsv', sep='\\t', **kw)\n"
                                 "check(tsv.to_dict('records'), 'event_id', 'code', 'sentence', 'tsv')\n"
                                 "assert list(csv.columns) == list(tsv.columns)\n"
                                 "assert csv.equals(tsv), 'csv and tsv differ'\n"
                                 "g = pd.read_csv('out.gdelt', sep='\\t', header=None, **kw)\n"
                                 "assert g.shape == (len(ids), 61), g.shape\n"
                                 "assert list(g[26]) == codes, list(g[26])\n"
                                 "assert list(g[0]) == [str(int(i, 16) & 0x7FFFFFFFFFFFFFFF) for i in ids]\n"
                                 "print('ok')\n");
  EXPECT_EQ(result.out, "ok\n") << result.out;
}

TEST_F(FormatsTest, RReadr) {
  if (RunCommand("Rscript -e 'library(readr)' >/dev/null 2>&1").exit_code != 0) {
    GTEST_SKIP() << "Rscript with readr (r-cran-readr) is missing";
  }
  CommandResult result = Run(
      "Rscript", "check.R",
      "suppressMessages(library(readr))\n"
      "ids <- readLines('ids.txt', encoding = 'UTF-8')\n"
      "codes <- readLines('codes.txt', encoding = 'UTF-8')\n"
      "sentences <- readLines('sentences.txt', encoding = 'UTF-8')\n"
      "check <- function(t, what) {\n"
      "  if (nrow(t) != length(ids)) stop(paste(what, 'rows', nrow(t), length(ids)))\n"
      "  if (!identical(t$event_id, ids)) stop(paste(what, 'event_id'))\n"
      "  if (!identical(t$code, codes)) stop(paste(what, 'code'))\n"
      "  if (!identical(t$sentence, sentences)) stop(paste(what, 'sentence', paste(t$sentence, collapse = '|')))\n"
      "  if (nrow(problems(t)) > 0) stop(paste(what, 'problems'))\n"
      "}\n"
      "types <- cols(.default = col_character())\n"
      "check(read_csv('out.csv', col_types = types, na = character(), progress = FALSE), 'csv')\n"
      "check(read_tsv('out.tsv', col_types = types, na = character(), progress = FALSE), 'tsv')\n"
      "g <- read_tsv('out.gdelt', col_names = FALSE, col_types = types, na = character(), progress = FALSE)\n"
      "if (ncol(g) != 61 || nrow(g) != length(ids)) stop(paste('gdelt shape', nrow(g), ncol(g)))\n"
      "if (!identical(g[[27]], codes)) stop('gdelt EventCode')\n"
      "cat('ok\\n')\n");
  EXPECT_EQ(result.out, "ok\n") << result.out;
}

}  // namespace
}  // namespace annalist::testing
