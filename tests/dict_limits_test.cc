// Bounded dictionary loading (issue 12, defects 1 and 2, and the dictionary limits): the
// crash and hang inputs of the issue, nested synsets expanded per nesting level, and every
// limit reported with file and line. The two issue inputs are also in the fuzz corpus
// (tests/fuzz/corpus/petrarch_reader/issue12_*).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dict/petrarch_reader.h"
#include "dict/petrarch_readers.h"
#include "test_util.h"

namespace annalist::dict {
namespace {

struct Loaded {
  Dictionaries dict;
  std::vector<std::string> warnings;
};

// Reads `text` as a PETRARCH-2 verbs file named "v.txt" with `limits`.
void ReadVerbsText(const std::string& text, const DictionaryLimits& limits, Loaded* out) {
  out->dict.files.push_back("v.txt");
  petrarch::ReadContext ctx(&out->dict, &out->warnings, 0, "v.txt", limits);
  petrarch::ReadVerbs(text, ctx);
}

size_t PatternCount(const Dictionaries& dict) {
  size_t n = 0;
  for (const VerbBlock& block : dict.verb_blocks) n += block.patterns.size();
  return n;
}

bool HasWarning(const std::vector<std::string>& warnings, const std::string& located, const std::string& part) {
  for (const std::string& w : warnings) {
    if (w.rfind(located, 0) == 0 && w.find(part) != std::string::npos) return true;
  }
  return false;
}

std::string Joined(const std::vector<std::string>& warnings) {
  std::string all;
  for (const std::string& w : warnings) all += w + "\n";
  return all;
}

// Defect 1: one pattern line of 20,000 references to an undefined synset (60 KB, under
// the default line limit: it reaches the expansion, which crashed on it).
std::string CrashInput() {
  std::string text = "####### VERB PATTERNS #######\n--- SAY [010] ---\nSAY\n- ";
  for (int i = 0; i < 20000; ++i) text += "&U ";
  text += "* REPORT [010]\n";
  return text;
}

// Defect 2: eight levels of synsets of ten members each (level 1 words, level k ten
// references to level k-1) and one pattern using the top twice: 10^16 variants.
std::string HangInput() {
  std::string text;
  for (int level = 1; level <= 8; ++level) {
    text += "&L" + std::to_string(level) + "\n";
    for (int member = 0; member < 10; ++member) {
      text += level == 1 ? "+W" + std::to_string(member) + "_\n" : "+&L" + std::to_string(level - 1) + "\n";
    }
  }
  text += "####### VERB PATTERNS #######\n--- MEET [040] ---\nMEET\n- * &L8 &L8 [040]\n- * ENVOY [042]\n";
  return text;
}

TEST(DictLimitsTest, CrashInputUndefinedSynsetRepeatedLoadsLinearly) {
  Loaded loaded;
  ReadVerbsText(CrashInput(), DictionaryLimits(), &loaded);
  // One pattern (the literal &U words never match, as in P2) and one warning.
  EXPECT_EQ(PatternCount(loaded.dict), 1u);
  EXPECT_TRUE(HasWarning(loaded.warnings, "v.txt:4: ", "undefined synset &U ")) << Joined(loaded.warnings);
  EXPECT_EQ(loaded.warnings.size(), 1u) << Joined(loaded.warnings);
}

TEST(DictLimitsTest, LineOverLimitIsSkippedWithLocatedWarning) {
  DictionaryLimits limits;
  limits.max_line_bytes = 10000;
  Loaded loaded;
  ReadVerbsText(CrashInput(), limits, &loaded);
  EXPECT_EQ(PatternCount(loaded.dict), 0u);
  EXPECT_TRUE(HasWarning(loaded.warnings, "v.txt:4: ", "--max-dict-line-bytes")) << Joined(loaded.warnings);
}

TEST(DictLimitsTest, HangInputNestedSynsetsStopAtVariantLimit) {
  Loaded loaded;
  ReadVerbsText(HangInput(), DictionaryLimits(), &loaded);
  // Level 5 has 10^5 members > 65536: levels 5..8 are reported once each at their
  // definitions; the pattern using &L8 is skipped with its line; the other one loads.
  EXPECT_EQ(PatternCount(loaded.dict), 1u);
  EXPECT_TRUE(HasWarning(loaded.warnings, "v.txt:45: synset &L5: ", "--max-dict-variants")) << Joined(loaded.warnings);
  EXPECT_TRUE(HasWarning(loaded.warnings, "v.txt:78: synset &L8: ", "cannot be expanded")) << Joined(loaded.warnings);
  EXPECT_TRUE(HasWarning(loaded.warnings, "v.txt:92: ", "uses synset &L8")) << Joined(loaded.warnings);
  EXPECT_EQ(loaded.warnings.size(), 5u) << Joined(loaded.warnings);
}

TEST(DictLimitsTest, NestedSynsetsExpandPerLevelNotAlongTheLine) {
  // Three levels of three members; a pattern using the top twice has 27 * 27 variants.
  // The old depth count (substitutions along the line) refused the second reference.
  std::string text;
  for (int level = 1; level <= 3; ++level) {
    text += "&N" + std::to_string(level) + "\n";
    for (int member = 0; member < 3; ++member) {
      text += level == 1 ? "+V" + std::to_string(member) + "_\n" : "+&N" + std::to_string(level - 1) + "\n";
    }
  }
  text += "####### VERB PATTERNS #######\n--- MEET [040] ---\nMEET\n- * &N3 &N3 [040]\n";
  Loaded loaded;
  ReadVerbsText(text, DictionaryLimits(), &loaded);
  // Repeated members give the same paths (the later one wins): 3 * 3 distinct patterns.
  EXPECT_EQ(PatternCount(loaded.dict), 9u);
  EXPECT_TRUE(loaded.warnings.empty()) << Joined(loaded.warnings);
}

TEST(DictLimitsTest, VariantOrderAndPluralsAsWritten) {
  std::string text =
      "&A\n+CAT\n+Y_\n&B\n+P_\n+Q_\n"
      "####### VERB PATTERNS #######\n--- MEET [040] ---\nMEET\n- * &A &B [040]\n";
  Loaded loaded;
  ReadVerbsText(text, DictionaryLimits(), &loaded);
  ASSERT_EQ(loaded.dict.verb_blocks.size(), 1u);
  std::vector<std::string> got;
  for (const Pattern& p : loaded.dict.verb_blocks[0].patterns) {
    std::string s;
    for (const PatternElement& e : p.post) {
      for (WordId w : e.words) s += loaded.dict.vocab.Word(w) + " ";
    }
    got.push_back(s);
  }
  // CAT gets its plural CATS; the first reference varies slowest.
  std::vector<std::string> want = {"CAT P ", "CAT Q ", "CATS P ", "CATS Q ", "Y P ", "Y Q "};
  EXPECT_EQ(got, want);
}

TEST(DictLimitsTest, CycleReportedAtDefinition) {
  std::string text = "&A\n+&B\n&B\n+&A\n+WORD\n####### VERB PATTERNS #######\n--- MEET [040] ---\nMEET\n- * &A [040]\n";
  Loaded loaded;
  ReadVerbsText(text, DictionaryLimits(), &loaded);
  EXPECT_EQ(PatternCount(loaded.dict), 0u);
  EXPECT_TRUE(HasWarning(loaded.warnings, "v.txt:1: synset &A ", "names itself")) << Joined(loaded.warnings);
  EXPECT_TRUE(HasWarning(loaded.warnings, "v.txt:3: synset &B ", "names itself")) << Joined(loaded.warnings);
  EXPECT_TRUE(HasWarning(loaded.warnings, "v.txt:9: ", "uses synset &A")) << Joined(loaded.warnings);
}

TEST(DictLimitsTest, ExpansionTokenBudgetPerFile) {
  // 10 lines of 4 * 4 variants of 4 tokens: 64 tokens a line, and 8 for the synset, so a
  // budget of 250 tokens admits 3 lines.
  std::string text = "&A\n+A1_\n+A2_\n+A3_\n+A4_\n####### VERB PATTERNS #######\n--- MEET [040] ---\nMEET\n";
  for (int line = 0; line < 10; ++line) text += "- * &A W" + std::to_string(line) + " &A [040]\n";
  DictionaryLimits limits;
  limits.max_expansion_tokens = 250;
  Loaded loaded;
  ReadVerbsText(text, limits, &loaded);
  EXPECT_EQ(PatternCount(loaded.dict), 3u * 16u);
  EXPECT_TRUE(HasWarning(loaded.warnings, "v.txt:12: ", "--max-dict-expansion")) << Joined(loaded.warnings);
}

TEST(DictLimitsTest, VariantLimitPerLine) {
  std::string text = "&A\n+A1_\n+A2_\n+A3_\n+A4_\n####### VERB PATTERNS #######\n--- MEET [040] ---\nMEET\n"
                     "- * &A &A [040]\n- * &A [041]\n";
  DictionaryLimits limits;
  limits.max_variants_per_line = 15;
  Loaded loaded;
  ReadVerbsText(text, limits, &loaded);
  EXPECT_EQ(PatternCount(loaded.dict), 4u);
  EXPECT_TRUE(HasWarning(loaded.warnings, "v.txt:9: ", "gives 16 variants, more than 15 (--max-dict-variants)"))
      << Joined(loaded.warnings);
}

TEST(DictLimitsTest, LongLinesSkippedInEveryReader) {
  DictionaryLimits limits;
  limits.max_line_bytes = 40;
  std::string long_actor = "ARNOR_" + std::string(60, 'X') + " [ARN]\n";
  Loaded loaded;
  loaded.dict.files.push_back("a.txt");
  petrarch::ReadContext ctx(&loaded.dict, &loaded.warnings, 0, "a.txt", limits);
  petrarch::ReadActors("GONDOR [GON]\n" + long_actor + "# " + std::string(100, 'c') + "\n", ctx);
  EXPECT_TRUE(HasWarning(loaded.warnings, "a.txt:2: ", "--max-dict-line-bytes")) << Joined(loaded.warnings);
  EXPECT_EQ(loaded.warnings.size(), 1u) << "a long comment line is no warning\n" << Joined(loaded.warnings);
}

TEST(DictLimitsTest, FileOverSizeLimitFailsLoadWithClearError) {
  std::string path = annalist::testing::ProcessTempDir() + "/big.actors.txt";
  annalist::testing::WriteFile(path, std::string(5000, 'A') + " [ARN]\n");
  DictionaryFiles files;
  files.actors = {path};
  files.limits.max_file_bytes = 4096;
  std::vector<std::string> warnings;
  auto result = LoadPetrarch(files, &warnings);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find(path), std::string::npos) << result.status().message();
  EXPECT_NE(result.status().message().find("--max-dict-file-bytes"), std::string::npos) << result.status().message();
}

}  // namespace
}  // namespace annalist::dict
