// Issue 12, defects 6 and 7 (the reader and CLI side): valid JSON with large numbers is
// read, impossible dates are no dates, an endless input without newlines stops at the
// article limit, a too large dictionary file is a clear error, and `code` exits cleanly
// under LeakSanitizer (scripts/test.sh runs this binary in the ASan build too).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "dict/petrarch_text.h"
#include "annalist/article_reader.h"
#include "test_util.h"

namespace annalist {
namespace {

using annalist::testing::RunCommand;

struct Item {
  ReadItem kind;
  Document doc;
  ReadError error;
};

std::vector<Item> ReadJsonl(const std::string& input) {
  std::FILE* stream = fmemopen(const_cast<char*>(input.data()), input.size(), "rb");
  auto reader = ArticleReader::FromStream(stream, "in.jsonl", ReaderOptions(), InputKind::kJsonl);
  std::vector<Item> items;
  for (int guard = 0; guard < 100; ++guard) {
    Item item;
    item.kind = reader->Next(&item.doc, &item.error);
    if (item.kind == ReadItem::kEnd) break;
    items.push_back(std::move(item));
  }
  std::fclose(stream);
  return items;
}

TEST(InputLimits, LargeNumbersAreValidJson) {
  auto items = ReadJsonl(
      "{\"id\": 123456789012345678901234567890, \"text\": \"Arnor met Gondor.\", \"n\": 1e999}\n"
      "{\"id\": \"x\", \"text\": \"t\", \"v\": [18446744073709551616, -99999999999999999999.5e3]}\n"
      "{\"id\": 01234567890123456789012, \"text\": \"t\"}\n"
      "{\"id\": \"q\\\"12345678901234567890123\", \"text\": \"t\"}\n");
  ASSERT_EQ(items.size(), 4u);
  ASSERT_EQ(items[0].kind, ReadItem::kArticle) << items[0].error.message;
  EXPECT_EQ(items[0].doc.id, "123456789012345678901234567890");
  EXPECT_EQ(items[1].kind, ReadItem::kArticle) << items[1].error.message;
  // A leading zero is not JSON, however long the number.
  ASSERT_EQ(items[2].kind, ReadItem::kError);
  EXPECT_NE(items[2].error.message.find("broken JSON"), std::string::npos) << items[2].error.message;
  // Digits inside a string (after an escaped quote) are left alone.
  ASSERT_EQ(items[3].kind, ReadItem::kArticle) << items[3].error.message;
  EXPECT_EQ(items[3].doc.id, "q\"12345678901234567890123");
}

TEST(InputLimits, ImpossibleDatesAreNoDates) {
  int32_t date = -1;
  EXPECT_FALSE(ParseDate("2023-02-31", &date));
  EXPECT_FALSE(ParseDate("2023-02-29", &date));
  EXPECT_FALSE(ParseDate("19000229", &date));  // 1900 is no leap year
  EXPECT_FALSE(ParseDate("2023-04-31", &date));
  EXPECT_TRUE(ParseDate("2024-02-29", &date));
  EXPECT_EQ(date, 20240229);
  EXPECT_TRUE(ParseDate("20000229", &date));
  EXPECT_TRUE(ParseDate("2023-12-31", &date));
  // The dictionaries' date reader (actor roles) agrees.
  EXPECT_FALSE(dict::petrarch::ParseDate("230231", &date));
  EXPECT_TRUE(dict::petrarch::ParseDate("240229", &date));
  EXPECT_EQ(date, 20240229);
  // In an article: a located warning, and the article is coded with the date unknown.
  auto items = ReadJsonl("{\"id\": \"a\", \"date\": \"2023-02-31\", \"text\": \"Arnor met Gondor.\"}\n");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_EQ(items[0].kind, ReadItem::kArticle);
  EXPECT_EQ(items[0].doc.date, 0);
  ASSERT_EQ(items[0].doc.warnings.size(), 1u);
  EXPECT_NE(items[0].doc.warnings[0].find("'2023-02-31' is not a date"), std::string::npos);
}

TEST(InputLimits, EndlessInputWithoutNewlinesStopsAtTheArticleLimit) {
  // Before: `code /dev/zero` read for ever (counting the size of an endless article).
  auto result = RunCommand("timeout 60 " + std::string(ANNALIST_CLI) +
                           " code --max-article-bytes 100000 /dev/zero 2>&1");
  EXPECT_EQ(result.exit_code, 1) << result.out;  // 124 = killed by timeout
  EXPECT_NE(result.out.find("\"input\":\"/dev/zero\""), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("--max-article-bytes"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("the rest of the input is not read"), std::string::npos) << result.out;
}

TEST(InputLimits, DictionaryFileOverTheLimitIsAClearError) {
  const std::string path = annalist::testing::ProcessTempDir() + "/big.actors.txt";
  annalist::testing::WriteFile(path, std::string(300000, 'A') + " [ARN]\n");
  auto result = RunCommand(std::string(ANNALIST_CLI) + " code --max-dict-file-bytes 100000 --actors " + path +
                           " </dev/null 2>&1");
  EXPECT_EQ(result.exit_code, 2) << result.out;
  EXPECT_NE(result.out.find(path + ": larger than 100000 bytes (--max-dict-file-bytes)"), std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("bad_alloc"), std::string::npos) << result.out;
}

TEST(InputLimits, CodeExitsCleanlyUnderLeakSanitizer) {
  // Defect 6: in the ASan build every `code` run reported the dictionaries as leaked and
  // exited 1. In a plain build this checks the exit status and output only.
  auto result = RunCommand("echo '{\"id\":\"a\",\"text\":\"Arnor met Gondor.\"}' | ASAN_OPTIONS=detect_leaks=1 " +
                           std::string(ANNALIST_CLI) + " code 2>&1");
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_EQ(result.out.find("LeakSanitizer"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace annalist
