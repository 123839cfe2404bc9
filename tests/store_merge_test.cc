// How well mentions merge into events, measured on tests/data/store/duplicates.jsonl: 55
// real-world events, each told 2-5 times in different words by different outlets, and 33
// near misses (same dyad and kind of act but another day, place, target or source) that
// must stay apart. Articles are coded with the built-in knowledge base and stored; two
// articles are predicted together when they share a merged event. Pairwise precision and
// recall over coded articles, on a tuning part and a held-out part fixed by a hash of the
// cluster id (near misses go with the cluster they imitate). Prints the figures (and a
// sweep of the thresholds with ANNALIST_MERGE_SWEEP=1); docs/store.md records them.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "annalist/store.h"
#include "annalist/article_reader.h"
#include "test_util.h"

namespace annalist {
namespace {

// Measured with the default MergeOptions (docs/store.md, "Merging"); the test allows
// kMargin below them (one pair is 0.014 of the tuning pairs, 0.022 of the held-out ones;
// coder changes move a few pairs).
constexpr double kTuningPrecision = 0.926, kTuningRecall = 0.829;
constexpr double kHeldOutPrecision = 0.872, kHeldOutRecall = 0.739;
constexpr double kMargin = 0.08;

const char kClusters[] = ANNALIST_SOURCE_DIR "/tests/data/store/duplicates.jsonl";

struct Coded {
  Document doc;
  std::vector<Event> events;
  std::string cluster;  // gold: the real-world event the article reports
  bool held_out = false;
};

// The fixed held-out part: FNV-1a of the cluster id (of the imitated cluster for a near
// miss), one in three.
bool HeldOut(const std::string& cluster) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : cluster) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash % 3 == 0;
}

std::vector<Coded> CodeClusters() {
  std::map<std::string, std::pair<std::string, std::string>> gold;  // id -> (cluster, split key)
  simdjson::dom::parser parser;
  const std::string content = testing::ReadFile(kClusters);
  size_t start = 0;
  while (start < content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    const std::string line = content.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    simdjson::dom::element record = parser.parse(line);
    std::string id = std::string(std::string_view(record["id"]));
    std::string cluster = std::string(std::string_view(record["cluster"]));
    std::string split = cluster;
    std::string_view imitated;
    if (record["near_miss_of"].get(imitated) == simdjson::SUCCESS) split = std::string(imitated);
    gold[id] = {cluster, split};
  }
  PipelineConfig config;
  auto pipeline = Pipeline::Load(config);
  EXPECT_TRUE(pipeline.ok());
  std::vector<Coded> coded;
  auto reader = ArticleReader::Open(kClusters, ReaderOptions());
  EXPECT_TRUE(reader.ok());
  ReadError error;
  for (;;) {
    Coded item;
    ReadItem read = (*reader)->Next(&item.doc, &error);
    if (read == ReadItem::kEnd) break;
    EXPECT_EQ(read, ReadItem::kArticle) << error.message;
    if (read != ReadItem::kArticle) continue;
    (*pipeline)->Code(&item.doc, &item.events);
    item.cluster = gold[item.doc.id].first;
    item.held_out = HeldOut(gold[item.doc.id].second);
    coded.push_back(std::move(item));
  }
  return coded;
}

struct Figures {
  int articles = 0, pairs = 0;
  int true_pairs = 0, predicted_pairs = 0, correct_pairs = 0;
  double precision() const { return predicted_pairs == 0 ? 1.0 : double(correct_pairs) / predicted_pairs; }
  double recall() const { return true_pairs == 0 ? 1.0 : double(correct_pairs) / true_pairs; }
};

// Stores every coded article with `merge` and scores the pairs of each part (0 tuning,
// 1 held out); only articles with at least one coded event take part.
void Score(const std::vector<Coded>& coded, const MergeOptions& merge, const std::string& path, Figures parts[2]) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  StoreOptions options;
  options.merge = merge;
  auto store = Store::Open(path, options);
  ASSERT_TRUE(store.ok()) << store.status().message();
  ASSERT_TRUE((*store)->BeginBatch().ok());
  for (const Coded& item : coded) ASSERT_TRUE((*store)->PutArticle(item.doc, item.events).ok());
  ASSERT_TRUE((*store)->CommitBatch().ok());
  std::vector<std::set<std::string>> events(coded.size());
  for (size_t i = 0; i < coded.size(); ++i) {
    auto article = (*store)->GetArticle(coded[i].doc.id);
    ASSERT_TRUE(article.ok());
    for (const StoredMention& mention : article->mentions) events[i].insert(mention.event_id);
  }
  for (size_t i = 0; i < coded.size(); ++i) {
    if (events[i].empty()) continue;
    Figures& part = parts[coded[i].held_out ? 1 : 0];
    ++part.articles;
    for (size_t j = i + 1; j < coded.size(); ++j) {
      if (events[j].empty() || coded[j].held_out != coded[i].held_out) continue;
      bool shared = false;
      for (const std::string& id : events[i]) shared = shared || events[j].count(id) > 0;
      const bool same = coded[i].cluster == coded[j].cluster;
      if (same != shared && merge.enabled && std::getenv("ANNALIST_MERGE_DEBUG") != nullptr) {
        std::printf("%s %s %s\n", same ? "missed" : "wrong ", coded[i].doc.id.c_str(), coded[j].doc.id.c_str());
      }
      part.true_pairs += same;
      part.predicted_pairs += shared;
      part.correct_pairs += same && shared;
    }
  }
}

void Print(const char* name, const Figures parts[2]) {
  for (int p = 0; p < 2; ++p) {
    std::printf("%-28s %-8s articles %3d  gold pairs %3d  predicted %3d  correct %3d  precision %.3f  recall %.3f\n",
                name, p == 0 ? "tuning" : "held-out", parts[p].articles, parts[p].true_pairs,
                parts[p].predicted_pairs, parts[p].correct_pairs, parts[p].precision(), parts[p].recall());
  }
}

TEST(StoreMerge, DuplicateClustersMergeAndNearMissesStayApart) {
  if (!std::filesystem::exists(kClusters)) GTEST_SKIP() << "missing " << kClusters;
  const std::vector<Coded> coded = CodeClusters();
  ASSERT_GT(coded.size(), 170u);
  const std::string path = testing::ProcessTempDir() + "/merge.db";
  if (std::getenv("ANNALIST_MERGE_SWEEP") != nullptr) {
    for (int days : {0, 1, 2, 3}) {
      for (double overlap : {0.0, 0.1, 0.2, 0.3, 0.4}) {
        MergeOptions merge;
        merge.max_day_gap = days;
        merge.min_word_overlap = overlap;
        Figures parts[2];
        Score(coded, merge, path, parts);
        char name[64];
        std::snprintf(name, sizeof(name), "days %d overlap %.1f", days, overlap);
        Print(name, parts);
      }
    }
  }
  MergeOptions none;
  none.enabled = false;
  Figures baseline[2];
  Score(coded, none, path, baseline);
  Print("no merging", baseline);
  Figures parts[2];
  Score(coded, MergeOptions(), path, parts);  // the defaults
  Print("defaults", parts);
  EXPECT_GE(parts[1].precision(), kHeldOutPrecision - kMargin);
  EXPECT_GE(parts[1].recall(), kHeldOutRecall - kMargin);
  EXPECT_GE(parts[0].precision(), kTuningPrecision - kMargin);
  EXPECT_GE(parts[0].recall(), kTuningRecall - kMargin);
  // Merging must beat keeping every report apart by a wide margin.
  EXPECT_EQ(baseline[1].correct_pairs, 0);
}

}  // namespace
}  // namespace annalist
