// Tests of annalist's own verb lexicon, data/kb/verbs.txt (PETRARCH-2 verb syntax, written
// from the CAMEO 1.1b3 codebook by scripts/make_verb_lexicon.py): it loads cleanly, covers
// every CAMEO root and most of the codebook, and key news verbs land in the right blocks.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "dict/dictionary.h"
#include "dict/petrarch_reader.h"
#include "test_util.h"

namespace annalist::dict {
namespace {

const std::string kVerbs = ANNALIST_SOURCE_DIR "/data/kb/verbs.txt";
std::string Codebook() { return ::annalist::testing::SharedDir() + "/reference/ontology/cameo-event-codes.tsv"; }

class KbVerbsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    DictionaryFiles files;
    files.verbs = {kVerbs};
    warnings_ = new std::vector<std::string>();
    auto result = LoadPetrarch(files, warnings_);
    ASSERT_TRUE(result.ok()) << result.status().message();
    dict_ = new std::shared_ptr<const Dictionaries>(*result);
  }
  static void TearDownTestSuite() {
    delete dict_;
    delete warnings_;
    dict_ = nullptr;
    warnings_ = nullptr;
  }
  static const Dictionaries& D() { return **dict_; }

  // Every code written in the lexicon: block, verb and pattern codes (paired halves too).
  static std::set<std::string> UsedCodes() {
    std::set<std::string> codes;
    auto add = [&](const std::string& c) {
      if (!c.empty() && c != "---") codes.insert(c);
    };
    for (const VerbBlock& b : D().verb_blocks) {
      add(b.code);
      add(b.paired_code);
      for (const Pattern& p : b.patterns) {
        add(p.code);
        add(p.paired_code);
      }
    }
    for (const Verb& v : D().verbs) {
      add(v.code);
      add(v.paired_code);
    }
    return codes;
  }

  // The single-word verb entry for an inflected form, or nullptr.
  static const Verb* Single(const std::string& form) {
    WordId id = D().vocab.Find(form);
    if (id == kNoWord) return nullptr;
    auto it = D().verbs_by_form.find(id);
    if (it == D().verbs_by_form.end()) return nullptr;
    for (uint32_t index : it->second) {
      const Verb& v = D().verbs[index];
      if (v.pre_words.empty() && v.post_words.empty()) return &v;
    }
    return nullptr;
  }

  static std::shared_ptr<const Dictionaries>* dict_;
  static std::vector<std::string>* warnings_;
};

std::shared_ptr<const Dictionaries>* KbVerbsTest::dict_ = nullptr;
std::vector<std::string>* KbVerbsTest::warnings_ = nullptr;

TEST_F(KbVerbsTest, LoadsWithoutWarnings) {
  ASSERT_NE(dict_, nullptr);
  EXPECT_TRUE(warnings_->empty()) << warnings_->size() << " warnings, first: "
                                  << (warnings_->empty() ? "" : warnings_->front());
  EXPECT_GT(D().verb_blocks.size(), 100u);
  EXPECT_GT(D().verbs.size(), 1000u);
}

TEST_F(KbVerbsTest, CodesAreCodebookCodes) {
  ANNALIST_REQUIRE_SHARED();
  std::set<std::string> codebook;
  std::ifstream in(Codebook());
  ASSERT_TRUE(in) << Codebook();
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::string code = line.substr(0, line.find('\t'));
    if (!code.empty()) codebook.insert(code);
  }
  ASSERT_GT(codebook.size(), 300u);

  std::set<std::string> used = UsedCodes();
  std::set<std::string> roots;
  size_t covered = 0;
  for (const std::string& code : used) {
    EXPECT_TRUE(codebook.count(code)) << "code not in the CAMEO codebook: " << code;
    if (codebook.count(code)) {
      ++covered;
      roots.insert(code.substr(0, 2));
    }
  }
  for (int r = 1; r <= 20; ++r) {
    char root[3];
    std::snprintf(root, sizeof root, "%02d", r);
    EXPECT_TRUE(roots.count(root)) << "no code of CAMEO root " << root;
  }
  EXPECT_GE(covered, 200u);
}

TEST_F(KbVerbsTest, KeyForms) {
  const Verb* said = Single("SAID");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->code, "010");

  const Verb* met = Single("MET");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->code.substr(0, 2), "04") << met->code;
  EXPECT_EQ(D().verb_blocks[met->block].code.substr(0, 2), "04");

  const Verb* accused = Single("ACCUSED");
  ASSERT_NE(accused, nullptr);
  EXPECT_EQ(accused->code, "112");
  EXPECT_EQ(D().verb_blocks[accused->block].code, "112");

  // Irregular forms from WordNet's verb.exc, consonant doubling included.
  const std::pair<const char*, const char*> expected[] = {
      {"TOLD", "010"},       {"VISITED", "042"},  {"HOSTED", "043"},    {"NEGOTIATED", "046"},
      {"PRAISED", "051"},    {"SIGNED", "057"},   {"APOLOGIZED", "055"}, {"DEMANDED", "100"},
      {"CONDEMNED", "111"},  {"REJECTED", "120"}, {"THREATENED", "130"}, {"BANNED", "172"},
      {"EXPELLED", "174"},   {"ARRESTED", "173"}, {"KIDNAPPED", "181"},  {"ASSASSINATED", "186"},
      {"FOUGHT", "190"},     {"MASSACRED", "202"}, {"WITHDREW", "0874"}, {"FORGAVE", "056"},
  };
  for (const auto& [form, code] : expected) {
    const Verb* v = Single(form);
    ASSERT_NE(v, nullptr) << form;
    EXPECT_EQ(v->code, code) << form;
  }
}

TEST_F(KbVerbsTest, GenericVerbsCodeOnlyThroughPatterns) {
  for (const char* form : {"SENT", "PROVIDED", "HELD", "GAVE", "TOOK", "MADE"}) {
    const Verb* v = Single(form);
    ASSERT_NE(v, nullptr) << form;
    EXPECT_EQ(v->code, "---") << form;
    EXPECT_FALSE(D().verb_blocks[v->block].patterns.empty()) << form;
  }
}

}  // namespace
}  // namespace annalist::dict
