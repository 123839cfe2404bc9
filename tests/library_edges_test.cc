// The library's public edges used by the CLI and the bindings: batch and stream coding in
// input order for any thread count, the reader over memory, dictionaries from memory.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "annalist/article_reader.h"
#include "annalist/batch.h"
#include "annalist/event_writer.h"
#include "annalist/pipeline.h"
#include "test_util.h"

namespace annalist {
namespace {

constexpr char kVerbs[] =
    "--- ACCUSE [112] ---\nACCUSE\n- * [112]\n\n--- CONDEMN [122] ---\nCONDEMN\n- * [122]\n";
constexpr char kActors[] = "IRAN_ [IRN]\nISRAEL_ [ISR]\nFRANCE_ [FRA]\n";

// Articles with events and without, of different lengths, so threads finish out of order.
std::string Corpus(int count) {
  const char* texts[] = {
      "Iran accused Israel of the attack.",
      "France condemned Iran. Israel accused France of lying. Iran condemned Israel.",
      "Nothing happened here.",
      "Israel condemned France on Tuesday.",
  };
  std::string jsonl;
  for (int i = 0; i < count; ++i) {
    jsonl += "{\"id\":\"d" + std::to_string(i) + "\",\"date\":\"2015-03-02\",\"text\":\"" + texts[i % 4] + "\"}\n";
  }
  return jsonl;
}

std::unique_ptr<Pipeline> LoadFromMemory() {
  PipelineConfig config;
  config.dictionaries.texts.push_back({DictionaryKind::kVerbs, "verbs.txt", kVerbs});
  config.dictionaries.texts.push_back({DictionaryKind::kActors, "actors.txt", kActors});
  auto pipeline = Pipeline::Load(config);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().message();
  return pipeline.ok() ? pipeline.TakeValue() : nullptr;
}

// Codes `jsonl` through CodeStream on `threads` threads, small batches; the output lines.
std::string CodeWithStream(const Pipeline& pipeline, const std::string& jsonl, int threads, EventFormat format) {
  auto reader = ArticleReader::FromString(jsonl, "corpus", ReaderOptions());
  ReadError error;
  auto fill = [&](std::vector<BatchItem>& items, size_t max_items, size_t) {
    size_t count = 0;
    while (count < max_items) {
      if (items.size() <= count) items.resize(count + 1);
      ReadItem item = reader->Next(&items[count].doc, &error);
      if (item == ReadItem::kEnd) break;
      EXPECT_EQ(item, ReadItem::kArticle) << error.message;
      ++count;
    }
    return count;
  };
  std::string out(EventFormatHeader(format));
  auto write = [&](std::vector<BatchItem>& items, size_t count) {
    for (size_t i = 0; i < count; ++i) out += items[i].output;
  };
  StreamOptions options;
  options.threads = threads;
  options.max_items = 3;
  CodeStream(pipeline, options, fill, FormatEvents(format), write);
  return out;
}

TEST(LibraryEdges, StreamOutputIsInInputOrderForAnyThreadCount) {
  auto pipeline = LoadFromMemory();
  ASSERT_NE(pipeline, nullptr);
  const std::string corpus = Corpus(41);
  const std::string one = CodeWithStream(*pipeline, corpus, 1, EventFormat::kJsonl);
  // Events of d0, d1 (three), d3, d4 ... in that order.
  EXPECT_EQ(one.find("{\"doc_id\":\"d0\""), 0u) << one;
  EXPECT_LT(one.find("\"doc_id\":\"d1\""), one.find("\"doc_id\":\"d3\""));
  EXPECT_EQ(one.find("\"doc_id\":\"d2\""), std::string::npos);
  EXPECT_LT(one.find("\"doc_id\":\"d39\""), one.find("\"doc_id\":\"d40\""));
  size_t lines = 0;
  for (char c : one) lines += c == '\n';
  EXPECT_EQ(lines, 10u * 5 + 1);  // d0..d39: 10 x (1 + 3 + 0 + 1) events, d40: 1
  for (int threads : {2, 3, 8}) EXPECT_EQ(CodeWithStream(*pipeline, corpus, threads, EventFormat::kJsonl), one);
  const std::string tsv = CodeWithStream(*pipeline, corpus, 3, EventFormat::kTsv);
  EXPECT_EQ(tsv.rfind(EventFormatHeader(EventFormat::kTsv), 0), 0u);
  EXPECT_EQ(tsv, CodeWithStream(*pipeline, corpus, 1, EventFormat::kTsv));
}

TEST(LibraryEdges, CodeBatchSetsCountsAndCallsFinishPerItem) {
  auto pipeline = LoadFromMemory();
  ASSERT_NE(pipeline, nullptr);
  auto reader = ArticleReader::FromString(Corpus(8), "corpus", ReaderOptions());
  std::vector<BatchItem> items(8);
  ReadError error;
  for (BatchItem& item : items) ASSERT_EQ(reader->Next(&item.doc, &error), ReadItem::kArticle);
  std::vector<size_t> seen(items.size(), 0);
  CodeBatch(*pipeline, items, items.size(), 4, [&seen](size_t index, BatchItem& item, const std::vector<Event>& events) {
    ++seen[index];
    item.output = std::to_string(events.size());
  });
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(seen[i], 1u);
    const size_t expected = i % 4 == 1 ? 3 : i % 4 == 2 ? 0 : 1;
    EXPECT_EQ(items[i].event_count, expected) << i;
    EXPECT_EQ(items[i].output, std::to_string(expected));
  }
}

TEST(LibraryEdges, ReaderFromStringNamesRecordsAndErrors) {
  auto reader = ArticleReader::FromString("{\"text\":\"Iran accused Israel.\"}\n{\"id\":\"x\"}\n\n{\"text\":\"B\"}\n",
                                          "memory", ReaderOptions());
  Document doc;
  ReadError error;
  ASSERT_EQ(reader->Next(&doc, &error), ReadItem::kArticle);
  EXPECT_EQ(doc.input, "memory:1");  // no id: one from the text (ArticleIdFromText)
  EXPECT_EQ(doc.id, ArticleIdFromText("Iran accused Israel."));
  ASSERT_EQ(reader->Next(&doc, &error), ReadItem::kError);
  EXPECT_EQ(error.input, "memory");
  EXPECT_EQ(error.line, 2u);
  ASSERT_EQ(reader->Next(&doc, &error), ReadItem::kArticle);
  EXPECT_EQ(doc.input, "memory:4");
  EXPECT_EQ(reader->Next(&doc, &error), ReadItem::kEnd);
  EXPECT_EQ(ArticleReader::FromString("", "empty", ReaderOptions())->Next(&doc, &error), ReadItem::kEnd);
}

TEST(LibraryEdges, DictionariesFromMemoryEqualFiles) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(testing::ProcessTempDir()) / "edges";
  fs::create_directories(dir);
  testing::WriteFile((dir / "verbs.txt").string(), kVerbs);
  testing::WriteFile((dir / "actors.txt").string(), kActors);
  PipelineConfig config;
  config.dictionaries.verbs = {(dir / "verbs.txt").string()};
  config.dictionaries.actors = {(dir / "actors.txt").string()};
  auto from_files = Pipeline::Load(config);
  fs::remove_all(dir);
  ASSERT_TRUE(from_files.ok()) << from_files.status().message();
  auto from_memory = LoadFromMemory();
  ASSERT_NE(from_memory, nullptr);
  const std::string corpus = Corpus(4);
  const std::string expected = CodeWithStream(**from_files, corpus, 2, EventFormat::kJsonl);
  EXPECT_NE(expected.find("\"rule\":\"verbs.txt:2\""), std::string::npos) << expected;
  EXPECT_EQ(CodeWithStream(*from_memory, corpus, 2, EventFormat::kJsonl), expected);

  // A knowledge-base text given as PETRARCH-2 actors is refused with its name, as a file is.
  PipelineConfig wrong;
  wrong.dictionaries.texts.push_back({DictionaryKind::kVerbs, "verbs.txt", kVerbs});
  wrong.dictionaries.texts.push_back({DictionaryKind::kActors, "mine.txt", "@actor IRN\nname: Iran\n"});
  auto refused = Pipeline::Load(wrong);
  EXPECT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("mine.txt"), std::string::npos) << refused.status().message();
}

}  // namespace
}  // namespace annalist
