// The lexicon (data/kb/lexicon, one word list per concept) and its reader.
#include "dict/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace annalist::dict {
namespace {

using annalist::testing::ReadFile;

TEST(Lexicon, EveryConceptHasItsFileAndTheEmbeddedCopyMatches) {
  for (int i = 0; i < static_cast<int>(Lex::kCount); ++i) {
    const Lex lex = static_cast<Lex>(i);
    const std::string path = std::string(ANNALIST_SOURCE_DIR) + "/data/kb/lexicon/" + std::string(LexFileName(lex));
    const std::string text = ReadFile(path);
    EXPECT_FALSE(text.empty()) << path;
    std::vector<std::string> warnings;
    auto disk = Lexicon::Load({KbText{path, text}}, &warnings);
    EXPECT_TRUE(warnings.empty()) << path << ": " << (warnings.empty() ? "" : warnings[0]);
    EXPECT_EQ(disk->Entries(lex), Lexicon::Builtin()->Entries(lex)) << path << " (re-run cmake after editing)";
  }
}

TEST(Lexicon, ExactPrefixAndSuffixEntries) {
  std::vector<std::string> warnings;
  auto lexicon = Lexicon::Load({KbText{"clause_verbs.txt", "# comment\nBELIEV*\nADD  # inline\n\n"},
                                KbText{"demonym_suffixes.txt", "*ESE\n"},
                                KbText{"saying_verbs.txt", "SAID\nADD\n"}},
                               &warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_TRUE(lexicon->Is(Lex::kClauseVerb, "BELIEVES"));
  EXPECT_TRUE(lexicon->Is(Lex::kClauseVerb, "ADD"));
  EXPECT_FALSE(lexicon->Is(Lex::kClauseVerb, "ADDS"));
  EXPECT_FALSE(lexicon->Is(Lex::kClauseVerb, "BELIE"));
  EXPECT_EQ(lexicon->Of("ADD"), Bit(Lex::kClauseVerb) | Bit(Lex::kSayingVerb));
  EXPECT_EQ(lexicon->Of("BELIEVES"), 0u);  // prefixes only through Is()
  EXPECT_TRUE(lexicon->EndsWith(Lex::kDemonymSuffix, "LEBANESE"));
  EXPECT_FALSE(lexicon->EndsWith(Lex::kDemonymSuffix, "ESE"));  // the ending alone is no word
  EXPECT_FALSE(lexicon->Is(Lex::kSayingVerb, "TOLD"));
}

TEST(Lexicon, BadFilesAndEntriesAreReported) {
  std::vector<std::string> warnings;
  Lexicon::Load({KbText{"dir/colours.txt", "RED\n"}, KbText{"time_nouns.txt", "MONDAY\nnext week\n"}}, &warnings);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("dir/colours.txt"), std::string::npos);
  EXPECT_EQ(warnings[1].rfind("time_nouns.txt:2:", 0), 0u) << warnings[1];
}

TEST(Lexicon, BuiltinKnowsTheConceptsTheCoderUses) {
  auto lexicon = Lexicon::Builtin();
  EXPECT_TRUE(lexicon->Is(Lex::kSayingVerb, "SAID"));
  EXPECT_TRUE(lexicon->Is(Lex::kTimeNoun, "TUESDAY"));
  EXPECT_TRUE(lexicon->Is(Lex::kPersonalPronoun, "SHE"));
  EXPECT_FALSE(lexicon->Is(Lex::kPersonalPronoun, "IT"));
  EXPECT_TRUE(lexicon->Is(Lex::kClauseVerb, "ANNOUNCED"));
  EXPECT_TRUE(lexicon->EndsWith(Lex::kDemonymSuffix, "IRANIAN"));
}

}  // namespace
}  // namespace annalist::dict
