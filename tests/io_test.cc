#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "annalist/article_reader.h"
#include "annalist/event_writer.h"
#include "test_util.h"

namespace annalist {
namespace {

struct Item {
  ReadItem kind;
  Document doc;
  ReadError error;
  GoldFields gold;
};

std::vector<Item> ReadAll(const std::string& input, ReaderOptions options = {}, InputKind kind = InputKind::kAuto,
                          const std::string& name = "in.jsonl") {
  std::FILE* stream =
      input.empty() ? std::tmpfile() : fmemopen(const_cast<char*>(input.data()), input.size(), "rb");
  auto reader = ArticleReader::FromStream(stream, name, options, kind);
  std::vector<Item> items;
  for (int guard = 0; guard < 1000; ++guard) {
    Item item;
    item.kind = reader->Next(&item.doc, &item.error, options.gold ? &item.gold : nullptr);
    if (item.kind == ReadItem::kEnd) break;
    items.push_back(std::move(item));
  }
  std::fclose(stream);
  return items;
}

TEST(ArticleReader, JsonlFieldsAndDates) {
  auto items = ReadAll(
      "{\"id\": \"a1\", \"date\": \"2015-03-02\", \"title\": \"T\", \"source\": \"AFP\", \"url\": \"http://x\", "
      "\"text\": \"Iran accused Israel.\"}\n"
      "{\"id\": 17, \"date\": \"20150303\", \"text\": \"Two.\"}\n"
      "\n"
      "{\"date\": 19950112, \"text\": \"Caf\\u00e9 \\\"quoted\\\".\", \"extra\": [1, 2]}\r\n"
      "{\"text\": \"No date.\", \"date\": null}");
  ASSERT_EQ(items.size(), 4u);
  for (const Item& item : items) ASSERT_EQ(item.kind, ReadItem::kArticle) << item.error.message;
  EXPECT_EQ(items[0].doc.id, "a1");
  EXPECT_EQ(items[0].doc.date, 20150302);
  EXPECT_EQ(items[0].doc.title, "T");
  EXPECT_EQ(items[0].doc.source, "AFP");
  EXPECT_EQ(items[0].doc.url, "http://x");
  EXPECT_EQ(items[0].doc.text, "Iran accused Israel.");
  EXPECT_EQ(items[1].doc.id, "17");
  EXPECT_EQ(items[1].doc.date, 20150303);
  // Missing id: one from the text (never the path), and the record's place in `input`.
  EXPECT_EQ(items[2].doc.id, ArticleIdFromText("Caf\xC3\xA9 \"quoted\"."));
  EXPECT_EQ(items[2].doc.input, "in.jsonl:4");
  EXPECT_EQ(items[0].doc.input, "in.jsonl:1");
  EXPECT_EQ(items[2].doc.date, 19950112);
  EXPECT_EQ(items[2].doc.text, "Caf\xC3\xA9 \"quoted\".");
  EXPECT_EQ(items[3].doc.date, 0);
  EXPECT_EQ(items[3].doc.id, ArticleIdFromText("No date."));
  EXPECT_EQ(items[3].doc.id.rfind("text:", 0), 0u);
  EXPECT_EQ(items[3].doc.id.size(), 21u);
}

TEST(ArticleReader, OptionsOverrideDefaults) {
  ReaderOptions options;
  options.defaults.comma_max = 8;
  auto items = ReadAll(
      "{\"text\": \"a\", \"options\": {\"require_dyad\": false, \"new_actor_length\": 4, \"comma_max\": \"6\", "
      "\"comma_bmin\": 3, \"comma_bmax\": 5, \"comma_emin\": 1, \"comma_emax\": 0, \"comma_min\": 2}}\n"
      "{\"text\": \"b\"}\n"
      "{\"text\": \"c\", \"options\": {\"require_dyad\": \"False\"}}\n",
      options);
  ASSERT_EQ(items.size(), 3u);
  const CodingOptions& o = items[0].doc.options;
  EXPECT_FALSE(o.require_dyad);
  EXPECT_EQ(o.new_actor_length, 4);
  EXPECT_EQ(o.comma_max, 6);
  EXPECT_EQ(o.comma_bmin, 3);
  EXPECT_EQ(o.comma_bmax, 5);
  EXPECT_EQ(o.comma_emin, 1);
  EXPECT_EQ(o.comma_emax, 0);
  EXPECT_TRUE(items[1].doc.options.require_dyad);  // reset per article
  EXPECT_EQ(items[1].doc.options.comma_max, 8);
  EXPECT_FALSE(items[2].doc.options.require_dyad);
}

TEST(ArticleReader, GoldRecords) {
  ReaderOptions options;
  options.gold = true;
  auto items = ReadAll(
      "{\"id\": \"DEMO-05\", \"seq\": 4, \"date\": \"19950112\", \"text\": \"x\", \"parse\": \"(ROOT)\", "
      "\"expected\": [{\"source\": \"OSG\", \"target\": \"ERI\", \"code\": \"190\"}, "
      "{\"source\": \"GON\", \"target\": null, \"code\": \"010\"}], \"evaluate\": true, "
      "\"config\": {\"comma_emax\": \"8\", \"new_actor_length\": \"4\", \"require_dyad\": \"TRUE\"}}\n"
      "{\"id\": \"X\", \"seq\": 5, \"text\": \"y\", \"expected\": [], \"evaluate\": false, "
      "\"config\": {\"require_dyad\": \"false\"}}\n",
      options);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_EQ(items[0].kind, ReadItem::kArticle) << items[0].error.message;
  EXPECT_EQ(items[0].gold.seq, 4);
  EXPECT_TRUE(items[0].gold.evaluate);
  ASSERT_EQ(items[0].gold.expected.size(), 2u);
  EXPECT_EQ(items[0].gold.expected[0], (Triple{"OSG", "ERI", "190"}));
  EXPECT_EQ(items[0].gold.expected[1], (Triple{"GON", "", "010"}));
  EXPECT_EQ(items[0].doc.options.new_actor_length, 4);
  EXPECT_TRUE(items[0].doc.options.require_dyad);
  EXPECT_FALSE(items[1].gold.evaluate);
  EXPECT_TRUE(items[1].gold.expected.empty());
  EXPECT_FALSE(items[1].doc.options.require_dyad);
}

TEST(ArticleReader, BadRecordsAreLocatedAndReadingGoesOn) {
  std::string input;
  input += "{\"id\": \"ok1\", \"text\": \"Fine.\"}\n";                    // 1
  input += "{\"id\": \"broken\", \"text\": \"Fine.\"\n";                  // 2 broken JSON
  input += "{\"id\": \"utf\", \"text\": \"Bad \xC3\x28 byte.\"}\n";      // 3 invalid UTF-8
  input += "{\"id\": \"notext\"}\n";                                      // 4 missing text
  input += "{\"id\": \"num\", \"text\": 42}\n";                           // 5 non-string text
  input += "{\"id\": \"empty\", \"text\": \" \\n\\t \"}\n";               // 6 whitespace-only
  static const char kNulRecord[] = "{\"id\": \"nul\", \"text\": \"a\0b\"}\n";
  input += std::string(kNulRecord, sizeof kNulRecord - 1);                // 7 NUL byte
  input += "[1, 2, 3]\n";                                                 // 8 not an object
  input += "{\"id\": \"date\", \"date\": \"2015-13-01\", \"text\": \"x\"}\n";  // 9 bad date (warning)
  input += "{\"id\": \"opt\", \"text\": \"x\", \"options\": {\"comma_max\": \"many\"}}\n";  // 10 bad option
  input += "{\"id\": \"ok2\", \"text\": \"Also fine.\"}\n";               // 11
  auto items = ReadAll(input);
  ASSERT_EQ(items.size(), 11u);
  EXPECT_EQ(items[0].kind, ReadItem::kArticle);
  EXPECT_EQ(items[10].kind, ReadItem::kArticle);
  EXPECT_EQ(items[10].doc.id, "ok2");
  const char* fragments[] = {"broken JSON", "invalid UTF-8", "no \"text\"", "not a string", "empty",
                             "NUL byte",    "not a JSON object", "", "comma_max"};
  // A malformed date costs only the date: the article is kept with a warning.
  ASSERT_EQ(items[8].kind, ReadItem::kArticle);
  EXPECT_EQ(items[8].doc.date, 0);
  ASSERT_EQ(items[8].doc.warnings.size(), 1u);
  EXPECT_NE(items[8].doc.warnings[0].find("'2015-13-01' is not a date"), std::string::npos);
  for (int i = 1; i <= 9; ++i) {
    if (i == 8) continue;
    SCOPED_TRACE(i);
    ASSERT_EQ(items[i].kind, ReadItem::kError);
    EXPECT_EQ(items[i].error.line, uint64_t(i + 1));
    EXPECT_EQ(items[i].error.input, "in.jsonl");
    EXPECT_NE(items[i].error.message.find(fragments[i - 1]), std::string::npos) << items[i].error.message;
  }
}

TEST(ArticleReader, OversizedArticlesAreRejected) {
  ReaderOptions options;
  options.max_article_bytes = 1000;
  std::string big(5000, 'a');
  std::string huge(100000, 'b');  // past the line cap: skipped without being stored
  auto items = ReadAll("{\"text\": \"" + big + "\"}\n{\"text\": \"" + huge + "\"}\n{\"text\": \"small\"}\n", options);
  ASSERT_EQ(items.size(), 3u);
  ASSERT_EQ(items[0].kind, ReadItem::kError);
  EXPECT_EQ(items[0].error.line, 1u);
  EXPECT_NE(items[0].error.message.find("5000 bytes"), std::string::npos) << items[0].error.message;
  EXPECT_NE(items[0].error.message.find("--max-article-bytes"), std::string::npos);
  ASSERT_EQ(items[1].kind, ReadItem::kError);
  EXPECT_EQ(items[1].error.line, 2u);
  EXPECT_NE(items[1].error.message.find("larger than the limit"), std::string::npos);
  ASSERT_EQ(items[2].kind, ReadItem::kArticle);
  EXPECT_EQ(items[2].doc.text, "small");
}

TEST(ArticleReader, DefaultLimitRejectsTenMegabytes) {
  std::string ten_mb(10 * 1000 * 1000, 'w');
  auto items = ReadAll("{\"text\": \"" + ten_mb + "\"}\n{\"text\": \"next\"}\n");
  ASSERT_EQ(items.size(), 2u);
  ASSERT_EQ(items[0].kind, ReadItem::kError);
  EXPECT_NE(items[0].error.message.find("larger than the limit of 2097152"), std::string::npos)
      << items[0].error.message;
  EXPECT_EQ(items[1].kind, ReadItem::kArticle);
}

TEST(ArticleReader, PlainTextAndSniffing) {
  auto text = ReadAll("  Tehran (IP) - Iran's president met\nthe visitor.\n", {}, InputKind::kAuto, "-");
  ASSERT_EQ(text.size(), 1u);
  ASSERT_EQ(text[0].kind, ReadItem::kArticle);
  EXPECT_EQ(text[0].doc.text, "  Tehran (IP) - Iran's president met\nthe visitor.\n");
  EXPECT_EQ(text[0].doc.id, ArticleIdFromText(text[0].doc.text));
  EXPECT_EQ(text[0].doc.input, "-");
  EXPECT_EQ(text[0].doc.date, 0);

  auto jsonl = ReadAll("\n  {\"text\": \"x\"}\n", {}, InputKind::kAuto, "-");
  ASSERT_EQ(jsonl.size(), 1u);
  ASSERT_EQ(jsonl[0].kind, ReadItem::kArticle);
  EXPECT_EQ(jsonl[0].doc.input, "-:2");

  EXPECT_TRUE(ReadAll("").empty());

  auto bad = ReadAll("line one\nline \xFF two\n", {}, InputKind::kText, "story.txt");
  ASSERT_EQ(bad.size(), 1u);
  ASSERT_EQ(bad[0].kind, ReadItem::kError);
  EXPECT_EQ(bad[0].error.line, 2u);
  EXPECT_NE(bad[0].error.message.find("invalid UTF-8"), std::string::npos);

  auto junk = ReadAll(std::string("\x7f" "ELF\0\0\0", 7), {}, InputKind::kAuto, "junk.bin");
  ASSERT_EQ(junk.size(), 1u);
  EXPECT_EQ(junk[0].kind, ReadItem::kError);
  EXPECT_NE(junk[0].error.message.find("NUL"), std::string::npos);

  auto blank = ReadAll(" \n\n", {}, InputKind::kText, "blank.txt");
  ASSERT_EQ(blank.size(), 1u);
  EXPECT_EQ(blank[0].kind, ReadItem::kError);
}

TEST(ArticleReader, OpenUsesFileNames) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(testing::ProcessTempDir()) / "io_test";
  fs::create_directories(dir);
  const std::string path = (dir / "story.txt").string();
  testing::WriteFile(path, "{not json} just text");
  auto reader = ArticleReader::Open(path, {});
  ASSERT_TRUE(reader.ok());
  Document doc;
  ReadError error;
  ASSERT_EQ((*reader)->Next(&doc, &error), ReadItem::kArticle);
  EXPECT_EQ(doc.id, ArticleIdFromText("{not json} just text"));  // the same under any path
  EXPECT_EQ(doc.input, path);
  EXPECT_EQ(doc.text, "{not json} just text");
  EXPECT_EQ((*reader)->Next(&doc, &error), ReadItem::kEnd);
  EXPECT_FALSE(ArticleReader::Open((dir / "missing.jsonl").string(), {}).ok());
  fs::remove_all(dir);
}

TEST(ArticleReader, Helpers) {
  int32_t date;
  EXPECT_TRUE(ParseDate("2023-11-29", &date));
  EXPECT_EQ(date, 20231129);
  EXPECT_TRUE(ParseDate("19950112", &date));
  EXPECT_EQ(date, 19950112);
  EXPECT_TRUE(ParseDate("121108", &date));  // YYMMDD, PETRARCH's two-digit pivot
  EXPECT_EQ(date, 20121108);
  EXPECT_TRUE(ParseDate("950112", &date));
  EXPECT_EQ(date, 19950112);
  EXPECT_FALSE(ParseDate("951312", &date));
  EXPECT_FALSE(ParseDate("1995-1-12", &date));
  EXPECT_FALSE(ParseDate("19951312", &date));
  EXPECT_FALSE(ParseDate("yesterday", &date));
  EXPECT_EQ(FindInvalidUtf8("abc \xC3\xA9"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);          // overlong
  EXPECT_EQ(FindInvalidUtf8("a\xED\xA0\x80"), 1u);        // surrogate
  CodingOptions options;
  EXPECT_EQ(SetCodingOption("require_dyad", "FALSE", &options), "");
  EXPECT_FALSE(options.require_dyad);
  EXPECT_NE(SetCodingOption("no_such_option", "1", &options), "");
  EXPECT_NE(SetCodingOption("comma_min", "-1", &options), "");
}

TEST(EventWriter, AllFieldsAndEscaping) {
  Document doc;
  doc.id = "d\"1";
  doc.text = "Iran accused Israel.\tTab \"q\" \\ \x01.";
  Event event;
  event.doc_id = doc.id;
  event.sentence_index = 0;
  event.source = {"IRN", "Iran", {0, 4}, "Iran", "dictionary", ""};
  event.code = "112";
  event.root = "11";
  event.quad_class = 3;
  event.goldstein = -2.0;
  event.plover = "ACCUSE";
  event.date = 20150302;
  event.sentence = {0, static_cast<uint32_t>(doc.text.size())};
  event.verb = {5, 12};
  event.rule = "verbs.txt:3";
  event.confidence = 0.5;
  std::string out;
  AppendEventJson(doc, event, &out);
  EXPECT_EQ(out,
            "{\"doc_id\":\"d\\\"1\",\"sentence_index\":0,\"source\":\"IRN\",\"target\":null,\"code\":\"112\","
            "\"root\":\"11\",\"quad_class\":3,\"goldstein\":-2,\"plover\":\"ACCUSE\",\"date\":\"2015-03-02\","
            "\"article\":{\"id\":\"d\\\"1\",\"url\":null,\"publisher\":null,\"title\":null,\"published\":null},"
            "\"sentence\":\"Iran accused Israel.\\tTab \\\"q\\\" \\\\ \\u0001.\","
            "\"source_actor\":{\"code\":\"IRN\",\"text\":\"Iran\",\"span\":[0,4],\"name\":\"Iran\",\"how\":\"dictionary\"},"
            "\"verb\":{\"text\":\"accused\",\"span\":[5,12]},\"rule\":\"verbs.txt:3\",\"negated\":false,"
            "\"confidence\":0.5,\"event_id\":\"" +
                EventId(event) + "\"}\n");
  EXPECT_EQ(EventId(event).size(), 16u);
  Event other = event;
  other.target.code = "ISR";
  EXPECT_NE(EventId(other), EventId(event));
  other = event;
  other.source.span = {1, 4};  // another mention of the same actor
  EXPECT_NE(EventId(other), EventId(event));

  // The article's metadata and the version, when given.
  doc.url = "https://example.org/x";
  doc.source = "Wire";
  doc.title = "T";
  doc.date = 20150301;
  doc.input = "news.jsonl:7";
  out.clear();
  AppendEventJson(doc, event, &out, "0.4.0+kb.12345678");
  EXPECT_NE(out.find(",\"article\":{\"id\":\"d\\\"1\",\"url\":\"https://example.org/x\",\"publisher\":\"Wire\","
                     "\"title\":\"T\",\"published\":\"2015-03-01\",\"input\":\"news.jsonl:7\"},"
                     "\"version\":\"0.4.0+kb.12345678\",\"sentence\""),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("\"event_id\":\"" + EventId(event)), out.size() - 31) << out;  // not changed by metadata

  event.attributed_to = "Iran";
  event.modality = "future";
  event.negated = true;
  event.date = 0;
  out.clear();
  AppendEventJson(doc, event, &out);
  EXPECT_NE(out.find("\"date\":null"), std::string::npos);
  EXPECT_NE(out.find("\"attributed_to\":\"Iran\",\"negated\":true,\"modality\":\"future\""), std::string::npos);
}

TEST(EventWriter, IssuesOnlyWhenPresent) {
  Document doc;
  doc.id = "d";
  doc.text = "Iran accused Israel over nuclear talks.";
  Event event;
  event.doc_id = doc.id;
  event.source.code = "IRN";
  event.target.code = "ISR";
  event.code = "112";
  event.sentence = {0, static_cast<uint32_t>(doc.text.size())};
  std::string out;
  AppendEventJson(doc, event, &out);
  EXPECT_EQ(out.find("\"issues\""), std::string::npos);
  std::string tsv;
  AppendEventTsv(doc, event, &tsv);
  EXPECT_EQ(tsv.substr(tsv.size() - 9), "\t\t\t\t\t\t\t\t\n");  // empty issues .. version

  event.issues = {{"NUCLEAR", 2}, {"DIPLOMACY", 1}};
  out.clear();
  AppendEventJson(doc, event, &out);
  EXPECT_NE(out.find(",\"issues\":[{\"code\":\"NUCLEAR\",\"count\":2},{\"code\":\"DIPLOMACY\",\"count\":1}],"
                     "\"event_id\":"),
            std::string::npos)
      << out;
  tsv.clear();
  AppendEventTsv(doc, event, &tsv);
  EXPECT_NE(tsv.find("\tNUCLEAR;DIPLOMACY\t\t\t\t\t\t\t\n"), std::string::npos) << tsv;
  // One column per header field.
  std::string header(EventFormatHeader(EventFormat::kTsv));
  EXPECT_EQ(std::count(header.begin(), header.end(), '\t'), std::count(tsv.begin(), tsv.end(), '\t'));
  const std::string tail = "\tissues\tlocation\tlocation_code\turl\tpublisher\ttitle\tpublished\tversion\n";
  EXPECT_EQ(header.substr(header.size() - tail.size()), tail);

  // Location: after modality, only when set; the last TSV column.
  EXPECT_EQ(out.find("\"location\""), std::string::npos);
  event.location.text = "Tehran";
  event.location.span = {0, 6};
  event.location.code = "IRN";
  event.location.how = "clause";
  out.clear();
  AppendEventJson(doc, event, &out);
  EXPECT_NE(out.find(",\"negated\":false,\"location\":{\"text\":\"Tehran\",\"span\":[0,6],\"code\":\"IRN\","
                     "\"how\":\"clause\"},"),
            std::string::npos)
      << out;
  tsv.clear();
  AppendEventTsv(doc, event, &tsv);
  EXPECT_NE(tsv.find("\tTehran\tIRN\t\t\t\t\t\n"), std::string::npos) << tsv;
  event.location.code.clear();
  out.clear();
  AppendEventJson(doc, event, &out);
  EXPECT_NE(out.find("\"code\":null,\"how\""), std::string::npos) << out;
}

}  // namespace
}  // namespace annalist
