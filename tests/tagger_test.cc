// Tagger tests: exact tags and lemmas on news-style sentences, and accuracy against the
// part-of-speech leaves of the CoreNLP parses in the reference evaluation files.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "tag/tagger.h"
#include "test_util.h"

namespace annalist {
namespace {

std::shared_ptr<const Tagger> BuiltinTagger() {
  auto tagger = Tagger::Builtin();
  EXPECT_TRUE(tagger.ok()) << tagger.status().message();
  return tagger.ok() ? *tagger : nullptr;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  return out;
}

// One sentence from already-tokenised words, as the segmenter would hand it over.
Document MakeDocument(const std::vector<std::string>& words) {
  Document doc;
  for (const std::string& word : words) {
    Token token;
    token.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += word;
    token.span.end = static_cast<uint32_t>(doc.text.size());
    doc.text += ' ';
    token.norm = Upper(word);
    doc.tokens.push_back(std::move(token));
  }
  Sentence sentence;
  sentence.span = Span{0, static_cast<uint32_t>(doc.text.size())};
  sentence.end_token = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(sentence);
  return doc;
}

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    if (end > pos) words.emplace_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

Document TagText(const Tagger& tagger, std::string_view text) {
  Document doc = MakeDocument(Split(text));
  tagger.Tag(&doc, doc.sentences[0]);
  return doc;
}

const Token& Find(const Document& doc, std::string_view word) {
  for (const Token& token : doc.tokens) {
    if (doc.Slice(token.span) == word) return token;
  }
  static Token missing;
  ADD_FAILURE() << "no token " << word;
  return missing;
}

TEST(Tagger, NewsSentences) {
  auto tagger = BuiltinTagger();
  ASSERT_NE(tagger, nullptr);
  Document doc = TagText(*tagger, "Iran accused the United States of supporting Israel .");
  EXPECT_EQ(PosName(Find(doc, "Iran").pos), "NNP");
  EXPECT_EQ(PosName(Find(doc, "accused").pos), "VBD");
  EXPECT_EQ(PosName(Find(doc, "States").pos), "NNPS");
  EXPECT_EQ(PosName(Find(doc, "supporting").pos), "VBG");
  EXPECT_EQ(PosName(Find(doc, "Israel").pos), "NNP");
  EXPECT_EQ(Find(doc, "accused").lemma, "ACCUSE");

  doc = TagText(*tagger, "He was attacked by rebels");
  EXPECT_EQ(PosName(Find(doc, "attacked").pos), "VBN");
  EXPECT_EQ(Find(doc, "attacked").lemma, "ATTACK");
  EXPECT_EQ(Find(doc, "was").lemma, "BE");
  EXPECT_EQ(Find(doc, "rebels").lemma, "REBEL");

  doc = TagText(*tagger, "Police said");
  EXPECT_EQ(PosName(Find(doc, "said").pos), "VBD");
  EXPECT_EQ(Find(doc, "said").lemma, "SAY");

  doc = TagText(*tagger, "The women met the minister on Tuesday , police said .");
  EXPECT_EQ(PosName(Find(doc, "met").pos), "VBD");
  EXPECT_EQ(Find(doc, "met").lemma, "MEET");
  EXPECT_EQ(Find(doc, "women").lemma, "WOMAN");
  EXPECT_EQ(Find(doc, "minister").lemma, "MINISTER");
  EXPECT_EQ(Find(doc, "Tuesday").lemma, "TUESDAY");

  doc = TagText(*tagger, "Two studies were published , and the army stopped the convoy .");
  EXPECT_EQ(Find(doc, "studies").lemma, "STUDY");
  EXPECT_EQ(Find(doc, "were").lemma, "BE");
  EXPECT_EQ(Find(doc, "stopped").lemma, "STOP");

  // PTB clitics as the segmenter splits them.
  doc = TagText(*tagger, "Officials did n't say where Russia 's envoy is .");
  EXPECT_EQ(PosName(Find(doc, "did").pos), "VBD");
  EXPECT_EQ(PosName(Find(doc, "n't").pos), "RB");
  EXPECT_EQ(PosName(Find(doc, "'s").pos), "POS");
  EXPECT_EQ(Find(doc, "did").lemma, "DO");
}

TEST(Tagger, UnknownNamesAndAcronyms) {
  auto tagger = BuiltinTagger();
  ASSERT_NE(tagger, nullptr);
  Document doc = TagText(*tagger, "Ansar Dine fighters clashed with troops near Kidal , the UN said .");
  EXPECT_EQ(PosName(Find(doc, "Kidal").pos), "NNP");
  EXPECT_EQ(PosName(Find(doc, "UN").pos), "NNP");
  EXPECT_EQ(PosName(Find(doc, "clashed").pos), "VBD");
}

TEST(Tagger, RejectsBadModelText) {
  EXPECT_FALSE(Tagger::FromModelText("").ok());
  EXPECT_FALSE(Tagger::FromModelText("annalist-tagger 1\nfeatures 3\n").ok());
  auto empty = Tagger::FromModelText("annalist-tagger 1\nend\n");
  ASSERT_TRUE(empty.ok());
  Document doc = MakeDocument({"Hello", ","});
  (*empty)->Tag(&doc, doc.sentences[0]);
  EXPECT_EQ(doc.tokens[1].pos, Pos::kComma);
}

// The text model the build trained (beside the CLI in the build directory), or "".
std::string ReadTextModel() {
  std::string path = ANNALIST_CLI;
  path = path.substr(0, path.find_last_of('/') + 1) + "tagger.model";
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(Tagger, RejectsBadModelBinary) {
  EXPECT_FALSE(Tagger::FromModelBinary("").ok());
  EXPECT_FALSE(Tagger::FromModelBinary(std::string(64, 'x')).ok());
  auto empty = Tagger::ModelTextToBinary("annalist-tagger 1\nend\n");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(Tagger::FromModelBinary(*empty).ok());
  // Truncated anywhere: refused, never read out of bounds.
  for (size_t cut = 0; cut < empty->size(); cut += 8) {
    EXPECT_FALSE(Tagger::FromModelBinary(std::string_view(*empty).substr(0, cut)).ok()) << cut;
  }
}

// (word, tag) leaves of a Penn parse string: "(NP (DT the) (NN court))".
std::vector<std::pair<std::string, std::string>> ParseLeaves(std::string_view parse) {
  std::vector<std::pair<std::string, std::string>> leaves;
  size_t pos = 0;
  while ((pos = parse.find('(', pos)) != std::string_view::npos) {
    size_t tag_begin = pos + 1;
    size_t tag_end = parse.find_first_of(" ()", tag_begin);
    if (tag_end == std::string_view::npos) break;
    if (parse[tag_end] != ' ') {
      pos = tag_end;
      continue;
    }
    size_t word_begin = tag_end + 1;
    size_t word_end = parse.find_first_of(" ()", word_begin);
    if (word_end == std::string_view::npos) break;
    // A leaf is "(TAG word)": the word is followed by ')' (possibly after a space).
    size_t after = parse.find_first_not_of(' ', word_end);
    if (word_end > word_begin && after != std::string_view::npos && parse[after] == ')' &&
        parse[word_end] != '(') {
      leaves.emplace_back(std::string(parse.substr(word_begin, word_end - word_begin)),
                          std::string(parse.substr(tag_begin, tag_end - tag_begin)));
    }
    pos = tag_begin;
  }
  return leaves;
}

TEST(Tagger, ParseLeavesReader) {
  auto leaves = ParseLeaves("( (S (NP (DT A) (NN court) ) (VP (AUXZ has)) (. .)))");
  ASSERT_EQ(leaves.size(), 4u);
  EXPECT_EQ(leaves[0].first, "A");
  EXPECT_EQ(leaves[2].second, "AUXZ");
  EXPECT_EQ(leaves[3].first, ".");
}

// CoreNLP parse words and tags back into what our segmenter and tag set produce.
std::string LeafWord(const std::string& word) {
  if (word == "-LRB-") return "(";
  if (word == "-RRB-") return ")";
  if (word == "-LSB-") return "[";
  if (word == "-RSB-") return "]";
  if (word == "-LCB-") return "{";
  if (word == "-RCB-") return "}";
  return word;
}

std::string LeafTag(const std::string& tag) {
  // PETRARCH's CoreNLP parses mark auxiliaries AUX*; the verb tag is the suffix.
  if (tag == "AUXZ") return "VBZ";
  if (tag == "AUXD") return "VBD";
  if (tag == "AUXP") return "VBP";
  if (tag == "AUXN") return "VBN";
  if (tag == "AUXG") return "VBG";
  if (tag == "AUXB") return "VB";
  return tag;
}

// Measured 96.2% (3865 leaves, 169 parses) when written; the CoreNLP tags are themselves
// automatic, so this guards against regressions rather than claiming gold accuracy.
constexpr double kMinNewsLeafAccuracy = 0.952;

TEST(Tagger, NewsParseLeafAccuracy) {
  ANNALIST_REQUIRE_SHARED();
  auto tagger = BuiltinTagger();
  ASSERT_NE(tagger, nullptr);
  size_t correct = 0, total = 0;
  double seconds = 0;
  for (const char* name : {"petrarch2-gsr-news.dev.jsonl", "petrarch2-validation.dev.jsonl"}) {
    std::string path = ::annalist::testing::SharedDir() + "/reference/eval/" + name;
    simdjson::ondemand::parser parser;
    simdjson::padded_string json;
    ASSERT_EQ(simdjson::padded_string::load(path).get(json), simdjson::SUCCESS) << path;
    simdjson::ondemand::document_stream stream;
    ASSERT_EQ(parser.iterate_many(json).get(stream), simdjson::SUCCESS);
    for (auto record : stream) {
      simdjson::ondemand::object object;
      ASSERT_EQ(record.get_object().get(object), simdjson::SUCCESS);
      std::string_view parse;
      if (object["parse"].get_string().get(parse) != simdjson::SUCCESS) continue;  // null
      auto leaves = ParseLeaves(parse);
      if (leaves.empty()) continue;
      std::vector<std::string> words;
      for (const auto& leaf : leaves) words.push_back(LeafWord(leaf.first));
      Document doc = MakeDocument(words);
      auto start = std::chrono::steady_clock::now();
      tagger->Tag(&doc, doc.sentences[0]);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      for (size_t i = 0; i < leaves.size(); ++i) {
        correct += PosName(doc.tokens[i].pos) == LeafTag(leaves[i].second);
        ++total;
      }
    }
  }
  ASSERT_GT(total, 3000u);
  double accuracy = static_cast<double>(correct) / total;
  std::printf("news parse leaves: %.2f%% of %zu tokens, %.0f tokens/s\n", 100 * accuracy, total,
              total / seconds);
  EXPECT_GE(accuracy, kMinNewsLeafAccuracy);
}

// The embedded binary model (converted at build time) tags and lemmatises exactly as the text
// model it came from, token for token, on every reference parse; so does a binary model
// loaded from an unaligned copy.
TEST(Tagger, BinaryModelTagsAsTheTextModel) {
  std::string text = ReadTextModel();
  if (text.empty()) GTEST_SKIP() << "no tagger.model beside " << ANNALIST_CLI;
  ANNALIST_REQUIRE_SHARED();
  auto from_text = Tagger::FromModelText(text);
  ASSERT_TRUE(from_text.ok()) << from_text.status().message();
  auto binary = Tagger::ModelTextToBinary(text);
  ASSERT_TRUE(binary.ok());
  std::string unaligned = " " + *binary;
  auto from_copy = Tagger::FromModelBinary(std::string_view(unaligned).substr(1));
  ASSERT_TRUE(from_copy.ok()) << from_copy.status().message();
  auto builtin = BuiltinTagger();
  ASSERT_NE(builtin, nullptr);
  size_t tokens = 0;
  for (const char* name : {"petrarch2-gsr-news.dev.jsonl", "petrarch2-validation.dev.jsonl"}) {
    std::string path = ::annalist::testing::SharedDir() + "/reference/eval/" + name;
    simdjson::ondemand::parser parser;
    simdjson::padded_string json;
    ASSERT_EQ(simdjson::padded_string::load(path).get(json), simdjson::SUCCESS) << path;
    simdjson::ondemand::document_stream stream;
    ASSERT_EQ(parser.iterate_many(json).get(stream), simdjson::SUCCESS);
    for (auto record : stream) {
      simdjson::ondemand::object object;
      ASSERT_EQ(record.get_object().get(object), simdjson::SUCCESS);
      std::string_view parse;
      if (object["parse"].get_string().get(parse) != simdjson::SUCCESS) continue;
      std::vector<std::string> words;
      for (const auto& leaf : ParseLeaves(parse)) words.push_back(LeafWord(leaf.first));
      if (words.empty()) continue;
      Document expected = MakeDocument(words), got = expected, copy = expected;
      (*from_text)->Tag(&expected, expected.sentences[0]);
      builtin->Tag(&got, got.sentences[0]);
      (*from_copy)->Tag(&copy, copy.sentences[0]);
      for (size_t i = 0; i < words.size(); ++i, ++tokens) {
        ASSERT_EQ(got.tokens[i].pos, expected.tokens[i].pos) << words[i];
        ASSERT_EQ(got.tokens[i].lemma, expected.tokens[i].lemma) << words[i];
        ASSERT_EQ(copy.tokens[i].pos, expected.tokens[i].pos) << words[i];
        ASSERT_EQ(copy.tokens[i].lemma, expected.tokens[i].lemma) << words[i];
      }
    }
  }
  EXPECT_GT(tokens, 3000u);
}

}  // namespace
}  // namespace annalist
