#include "segment/segment.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annalist/document.h"
#include "segment/segment_words.h"
#include "test_util.h"

namespace annalist {
namespace {

Document SegmentText(const std::string& text) {
  Document doc;
  doc.text = text;
  Segment(&doc);
  return doc;
}

std::vector<std::string> Norms(const std::string& text) {
  Document doc = SegmentText(text);
  std::vector<std::string> norms;
  for (const Token& token : doc.tokens) norms.push_back(token.norm);
  return norms;
}

std::vector<std::string> Surface(const Document& doc) {
  std::vector<std::string> out;
  for (const Token& token : doc.tokens) out.emplace_back(doc.Slice(token.span));
  return out;
}

std::vector<std::string> Sentences(const std::string& text) {
  Document doc = SegmentText(text);
  std::vector<std::string> out;
  for (const Sentence& sentence : doc.sentences) out.emplace_back(doc.Slice(sentence.span));
  return out;
}

using V = std::vector<std::string>;

// Invariants every segmentation must keep: spans in order and in range, sentences tile
// the tokens, no sentence above the cap, each token's slice is its exact original bytes.
void CheckInvariants(const Document& doc) {
  uint32_t previous_end = 0;
  for (const Token& token : doc.tokens) {
    ASSERT_LT(token.span.begin, token.span.end);
    ASSERT_LE(previous_end, token.span.begin);
    ASSERT_LE(token.span.end, doc.text.size());
    ASSERT_FALSE(token.norm.empty());
    previous_end = token.span.end;
  }
  uint32_t next_token = 0;
  for (const Sentence& sentence : doc.sentences) {
    ASSERT_EQ(sentence.first_token, next_token);
    ASSERT_GT(sentence.end_token, sentence.first_token);
    ASSERT_LE(sentence.size(), 500u);
    ASSERT_EQ(sentence.span.begin, doc.tokens[sentence.first_token].span.begin);
    ASSERT_EQ(sentence.span.end, doc.tokens[sentence.end_token - 1].span.end);
    next_token = sentence.end_token;
  }
  ASSERT_EQ(next_token, doc.tokens.size());
}

TEST(SegmentTokens, BasicPunctuation) {
  EXPECT_EQ(Norms("Raisi said, \"We agree.\""),
            (V{"RAISI", "SAID", ",", "``", "WE", "AGREE", ".", "''"}));
  EXPECT_EQ(Norms("Tehran (IP) - The talks; then: end!"),
            (V{"TEHRAN", "(", "IP", ")", "-", "THE", "TALKS", ";", "THEN", ":", "END", "!"}));
  EXPECT_EQ(Norms("Really?! Yes..."), (V{"REALLY", "?!", "YES", "..."}));
  EXPECT_EQ(Norms("Beijing-- which"), (V{"BEIJING", "--", "WHICH"}));
  EXPECT_EQ(Norms("Beijing--which"), (V{"BEIJING", "--", "WHICH"}));
  EXPECT_EQ(Norms("wait...what"), (V{"WAIT", "...", "WHAT"}));
}

TEST(SegmentTokens, Clitics) {
  EXPECT_EQ(Norms("don't can't won't"), (V{"DO", "N'T", "CA", "N'T", "WO", "N'T"}));
  EXPECT_EQ(Norms("they're we've I'll she'd I'm it's"),
            (V{"THEY", "'RE", "WE", "'VE", "I", "'LL", "SHE", "'D", "I", "'M", "IT", "'S"}));
  EXPECT_EQ(Norms("We cannot"), (V{"WE", "CAN", "NOT"}));
  EXPECT_EQ(Norms("O'Neill and Shi'ite"), (V{"O'NEILL", "AND", "SHI'ITE"}));
  EXPECT_EQ(Norms("Iran 's"), (V{"IRAN", "'S"}));
}

TEST(SegmentTokens, Possessives) {
  EXPECT_EQ(Norms("Iran's President"), (V{"IRAN", "'S", "PRESIDENT"}));
  EXPECT_EQ(Norms("Americans' claim"), (V{"AMERICANS", "'", "CLAIM"}));
  EXPECT_EQ(Norms("the regime's."), (V{"THE", "REGIME", "'S", "."}));
  EXPECT_EQ(Norms("the U.S.'s role"), (V{"THE", "U.S.", "'S", "ROLE"}));
}

TEST(SegmentTokens, Hyphens) {
  EXPECT_EQ(Norms("Iran-Iraq al-Sudani anti-revolutionary"),
            (V{"IRAN-IRAQ", "AL-SUDANI", "ANTI-REVOLUTIONARY"}));
  EXPECT_EQ(Norms("a -5 change"), (V{"A", "-5", "CHANGE"}));
}

TEST(SegmentTokens, Numbers) {
  EXPECT_EQ(Norms("It rose 3.5 percent to 1,000 people, $20 and 5%."),
            (V{"IT", "ROSE", "3.5", "PERCENT", "TO", "1,000", "PEOPLE", ",", "$", "20", "AND",
               "5", "%", "."}));
  EXPECT_EQ(Norms("at 10:30 on 1,2"), (V{"AT", "10:30", "ON", "1,2"}));
  EXPECT_EQ(Norms("up .5 points"), (V{"UP", ".5", "POINTS"}));
}

TEST(SegmentTokens, Abbreviations) {
  EXPECT_EQ(Norms("Mr. Smith met Gen. Jones in the U.S."),
            (V{"MR.", "SMITH", "MET", "GEN.", "JONES", "IN", "THE", "U.S."}));
  EXPECT_EQ(Norms("No. 5 but he said no."), (V{"NO.", "5", "BUT", "HE", "SAID", "NO", "."}));
  EXPECT_EQ(Norms("at 5 p.m. (local)"), (V{"AT", "5", "P.M.", "(", "LOCAL", ")"}));
  EXPECT_EQ(Norms("(U.S.)"), (V{"(", "U.S.", ")"}));
  EXPECT_EQ(Norms("visit www.bbc.co.uk."), (V{"VISIT", "WWW.BBC.CO.UK", "."}));
}

TEST(SegmentTokens, Quotes) {
  EXPECT_EQ(Norms("\"Go\" he said"), (V{"``", "GO", "''", "HE", "SAID"}));
  EXPECT_EQ(Norms("\" Americans claim \" said"),
            (V{"``", "AMERICANS", "CLAIM", "''", "SAID"}));
  EXPECT_EQ(Norms("said 'no' today"), (V{"SAID", "`", "NO", "'", "TODAY"}));
  EXPECT_EQ(Norms("end.\"Then"), (V{"END", ".", "``", "THEN"}));
  EXPECT_EQ(Norms("said \"go.\"Then"), (V{"SAID", "``", "GO", ".", "''", "THEN"}));
  EXPECT_EQ(Norms("``Go,'' he said"), (V{"``", "GO", ",", "''", "HE", "SAID"}));
}

TEST(SegmentTokens, CurlyQuotesMatchStraight) {
  EXPECT_EQ(Norms("Iran\u2019s President"), Norms("Iran's President"));
  EXPECT_EQ(Norms("don\u2019t"), (V{"DO", "N'T"}));
  EXPECT_EQ(Norms("\u201CWe agree,\u201D he said"),
            (V{"``", "WE", "AGREE", ",", "''", "HE", "SAID"}));
  EXPECT_EQ(Norms("\u2018no\u2019 today"), (V{"`", "NO", "'", "TODAY"}));
  EXPECT_EQ(Norms("Iran\u2013Iraq talks \u2014 then"), (V{"IRAN-IRAQ", "TALKS", "-", "THEN"}));
  EXPECT_EQ(Norms("Beijing\u2014which"), (V{"BEIJING", "-", "WHICH"}));
  EXPECT_EQ(Norms("wait\u2026 \u00e9t\u00e9 \uFB01ne"), (V{"WAIT", "...", "\u00c9T\u00c9", "FINE"}));
  EXPECT_EQ(Norms("Americans\u2019 claim"), (V{"AMERICANS", "'", "CLAIM"}));
}

TEST(SegmentTokens, SpansReproduceOriginalBytes) {
  const std::string text =
      "  \u201CIran\u2019s\u201D U.S.-backed plan (cost: $1,000.50) won't work\u2026 "
      "Americans' claim\u2014the Iran-Iraq talks, \"at 5 p.m.\" -- said Mr. O'Neill!?\n\n"
      "caf\u00e9\u00a0cr\u00e8me [sic].";
  Document doc = SegmentText(text);
  CheckInvariants(doc);
  std::string rebuilt;
  for (const Token& token : doc.tokens) {
    std::string_view slice = doc.Slice(token.span);
    EXPECT_EQ(slice, std::string_view(text).substr(token.span.begin, token.span.end - token.span.begin));
    rebuilt += slice;
  }
  // Removing all separators from the text gives the concatenated tokens.
  std::string compact;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (c == ' ' || c == '\n') continue;
    if (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    compact += text[i];
  }
  EXPECT_EQ(rebuilt, compact);
  EXPECT_EQ(Surface(SegmentText("won't")), (V{"wo", "n't"}));
}

TEST(SegmentSentences, Simple) {
  EXPECT_EQ(Sentences("He came. She left! Did they? Yes."),
            (V{"He came.", "She left!", "Did they?", "Yes."}));
  EXPECT_EQ(Sentences("What?! No way... Really"), (V{"What?!", "No way...", "Really"}));
  EXPECT_EQ(Sentences("\"Why?\" he asked. Then he left."),
            (V{"\"Why?\" he asked.", "Then he left."}));
  EXPECT_EQ(Sentences("It cost 3.5 million. 2004 was worse."),
            (V{"It cost 3.5 million.", "2004 was worse."}));
}

TEST(SegmentSentences, Titles) {
  EXPECT_EQ(Sentences("Mr. Smith and Mrs. Jones met Dr. Brown and Prof. White. Gen. Lee came."),
            (V{"Mr. Smith and Mrs. Jones met Dr. Brown and Prof. White.", "Gen. Lee came."}));
  EXPECT_EQ(Sentences("President John F. Kennedy spoke. Sen. Kerry and Gov. Romney left."),
            (V{"President John F. Kennedy spoke.", "Sen. Kerry and Gov. Romney left."}));
  EXPECT_EQ(Sentences("Lt. Col. Smith, Sgt. Doe and Capt. Roe met Rep. Poe on Jan. 12 at 9 a.m. "
                      "in St. Louis."),
            (V{"Lt. Col. Smith, Sgt. Doe and Capt. Roe met Rep. Poe on Jan. 12 at 9 a.m. in St. "
               "Louis."}));
  EXPECT_EQ(Sentences("It was item No. 5 on the list. No. It was not."),
            (V{"It was item No. 5 on the list.", "No.", "It was not."}));
  EXPECT_EQ(Sentences("Acme Inc. shares rose. Smith vs. Jones ended."),
            (V{"Acme Inc. shares rose.", "Smith vs. Jones ended."}));
}

TEST(SegmentSentences, DottedAcronyms) {
  EXPECT_EQ(Sentences("the U.S. envoy met the U.N. chief."),
            (V{"the U.S. envoy met the U.N. chief."}));
  EXPECT_EQ(Sentences("He flew to the U.S. The next day he left."),
            (V{"He flew to the U.S.", "The next day he left."}));
  EXPECT_EQ(Sentences("Troops left the U.K. They returned. E.U. leaders met."),
            (V{"Troops left the U.K.", "They returned.", "E.U. leaders met."}));
  EXPECT_EQ(Sentences("It ended at 5 p.m. He left."), (V{"It ended at 5 p.m.", "He left."}));
  EXPECT_EQ(Sentences("Oil, gas, etc. Iran exports them."),
            (V{"Oil, gas, etc.", "Iran exports them."}));
  EXPECT_EQ(Sentences("in the U.S."), (V{"in the U.S."}));
  Document doc = SegmentText("He flew to the U.S. The next day.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.tokens[doc.sentences[0].end_token - 1].norm, "U.S.");  // no extra period
}

TEST(SegmentSentences, Quotes) {
  EXPECT_EQ(Sentences("He said \"go.\" Then he left."),
            (V{"He said \"go.\"", "Then he left."}));
  EXPECT_EQ(Sentences("They met (briefly.) Then they left."),
            (V{"They met (briefly.)", "Then they left."}));
  EXPECT_EQ(Sentences("He said: \u201CWe won.\u201D Then he left."),
            (V{"He said: \u201CWe won.\u201D", "Then he left."}));
  EXPECT_EQ(Sentences("It ended. \"We won,\" he said."), (V{"It ended.", "\"We won,\" he said."}));
}

TEST(SegmentSentences, ParagraphsAndHeadlines) {
  EXPECT_EQ(Sentences("First paragraph without stop\n\nSecond one"),
            (V{"First paragraph without stop", "Second one"}));
  EXPECT_EQ(Sentences("Disarming terrorist outfits in the Iraqi Kurdistan Region\nPresident "
                      "Raisi appreciated the efforts."),
            (V{"Disarming terrorist outfits in the Iraqi Kurdistan Region",
               "President Raisi appreciated the efforts."}));
  EXPECT_EQ(Sentences("A headline \r\n\r\nBody text."), (V{"A headline", "Body text."}));
  // A wrapped line continuing in lower case does not split.
  EXPECT_EQ(Sentences("The president said that the\ntalks would go on."),
            (V{"The president said that the\ntalks would go on."}));
  // The paragraph break ends a sentence even after an abbreviation or comma.
  EXPECT_EQ(Sentences("Talks with Mr.\n\nNext, one,\n\nTwo"), (V{"Talks with Mr.", "Next, one,", "Two"}));
}

TEST(SegmentSentences, HardWrappedText) {
  // Wire copy wrapped near 70 columns: single newlines inside sentences are not breaks,
  // even before a capitalised word.
  const std::string text =
      "The foreign ministers of Iran and Iraq met in Tehran on Wednesday and\n"
      "agreed to expand cooperation on border security, officials said after\n"
      "the talks. The ministers also discussed the situation in Gaza and the\n"
      "West Bank, where fighting has continued for weeks despite calls from\n"
      "United Nations officials for a ceasefire between the warring sides.\n";
  EXPECT_EQ(SegmentText(text).sentences.size(), 2u);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(SegmentSentences, TehranExample) {
  ANNALIST_REQUIRE_SHARED();
  const std::string text = ReadFile(testing::SharedDir() + "/examples/tehran-press-conference.txt");
  ASSERT_FALSE(text.empty());
  Document doc = SegmentText(text);
  CheckInvariants(doc);
  std::vector<std::string> sentences;
  for (const Sentence& sentence : doc.sentences) sentences.emplace_back(doc.Slice(sentence.span));
  ASSERT_EQ(sentences.size(), 23u);
  EXPECT_EQ(sentences[0],
            "Tehran (IP) - The Iranian President in a joint press conference with the Iraqi PM "
            "in Tehran said that two countries are trying to find a solution for stopping "
            "Israeli massacres in Gaza.");
  // The headline stays on its own.
  bool headline = false;
  for (size_t i = 0; i + 1 < sentences.size(); ++i) {
    if (sentences[i] == "Disarming terrorist outfits in the Iraqi Kurdistan Region") {
      headline = true;
      EXPECT_EQ(sentences[i + 1].rfind("President Raisi appreciated", 0), 0u);
    }
  }
  EXPECT_TRUE(headline);
  // The quoted statement spanning "... Gaza. We announced ..." splits inside the quote.
  bool quoted_split = false;
  for (const std::string& sentence : sentences) {
    if (sentence == "\"We will do our best to reopen the human crossings to ease the pain of the "
                    "people of Gaza.")
      quoted_split = true;
  }
  EXPECT_TRUE(quoted_split);
  EXPECT_EQ(sentences[sentences.size() - 2], "Read More:");
  EXPECT_EQ(sentences.back(), "President Raisi welcomes Iraqi PM Al-Sudani in Tehran");
  // Opening quote with a space after it, closing quote after the final period.
  bool americans = false;
  for (const Sentence& sentence : doc.sentences) {
    if (doc.tokens[sentence.first_token].norm == "``" &&
        doc.tokens[sentence.first_token + 1].norm == "AMERICANS") {
      americans = true;
      EXPECT_EQ(doc.tokens[sentence.first_token + 2].norm, "'");
      EXPECT_EQ(doc.tokens[sentence.end_token - 1].norm, "''");
      EXPECT_EQ(doc.tokens[sentence.end_token - 2].norm, ".");
    }
  }
  EXPECT_TRUE(americans);
}

TEST(SegmentRobustness, EmptyAndWhitespace) {
  Document doc = SegmentText("");
  EXPECT_TRUE(doc.tokens.empty());
  EXPECT_TRUE(doc.sentences.empty());
  doc = SegmentText(" \n\t\r\n  \u00a0 \n\n");
  EXPECT_TRUE(doc.tokens.empty());
  EXPECT_TRUE(doc.sentences.empty());
  EXPECT_TRUE(doc.warnings.empty());
}

TEST(SegmentRobustness, ClearsPreviousLayers) {
  Document doc = SegmentText("One. Two.");
  doc.text = "Three";
  Segment(&doc);
  ASSERT_EQ(doc.tokens.size(), 1u);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.tokens[0].norm, "THREE");
}

TEST(SegmentRobustness, InvalidUtf8AndControlBytes) {
  std::string text = "Iran\xff" "Iraq \xc3 talks\x01went \xe2\x80 on. \xed\xa0\x80 Next\x7f.";
  text += std::string("\0zero", 5);
  Document doc = SegmentText(text);
  CheckInvariants(doc);
  EXPECT_EQ(Surface(doc), (V{"Iran", "Iraq", "talks", "went", "on", ".", "Next", ".", "zero"}));
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_NE(doc.warnings[0].find("invalid UTF-8"), std::string::npos);
  // Truncated sequences at the very end must not read past the buffer.
  for (const char* tail : {"\xe2", "\xe2\x80", "\xf0\x9f\x98", "\xc2"}) {
    Document d = SegmentText(std::string("word ") + tail);
    CheckInvariants(d);
    EXPECT_EQ(d.tokens.size(), 1u);
  }
}

TEST(SegmentRobustness, RandomBytesNeverCrash) {
  uint64_t state = 12345;
  std::string text;
  for (int round = 0; round < 200; ++round) {
    text.clear();
    for (int i = 0; i < 300; ++i) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      const char kAlphabet[] = "aZ.'\"?!,-()$ \n\x80\xe2\x80\x99\x9c\xc3\xa9:;U.S.`\xff";
      text += kAlphabet[(state >> 33) % (sizeof(kAlphabet) - 1)];
    }
    Document doc = SegmentText(text);
    CheckInvariants(doc);
  }
}

TEST(SegmentRobustness, SentenceCap) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "word ";  // 1 MB, no punctuation
  Document doc = SegmentText(text);
  CheckInvariants(doc);
  EXPECT_EQ(doc.tokens.size(), 200000u);
  EXPECT_EQ(doc.sentences.size(), 400u);
  for (const Sentence& sentence : doc.sentences) EXPECT_LE(sentence.size(), 500u);
  // Long runs of punctuation that never end a sentence are capped too.
  doc = SegmentText(std::string(100000, ','));
  CheckInvariants(doc);
}

TEST(SegmentRobustness, TenMegabytes) {
  const std::string paragraph =
      "Iran's President said the Islamic Republic and Iraq would support any action. "
      "\"We won't accept it,\" Mr. Raisi told the U.S. envoy at 5 p.m. on Jan. 12, "
      "adding that 1,000 people ($3.5 million) were affected. The U.N. said no.\n\n";
  std::string text;
  text.reserve(10u << 20);
  while (text.size() < (10u << 20)) text += paragraph;
  Document doc = SegmentText(text);
  CheckInvariants(doc);
  const size_t paragraphs = text.size() / paragraph.size();
  EXPECT_EQ(doc.sentences.size(), paragraphs * 3);
}

// The word lists come from data/segment/*.txt: each kind is read, entries match as
// written or, in all-capital text, in any case.
TEST(SegmentWords, DataFilesAreRead) {
  using segment::AbbrevClass;
  using segment::FindAbbreviation;
  EXPECT_EQ(FindAbbreviation("Gen", false), AbbrevClass::kTitle);
  EXPECT_EQ(FindAbbreviation("GEN", true), AbbrevClass::kTitle);
  EXPECT_EQ(FindAbbreviation("GEN", false), AbbrevClass::kNone);
  EXPECT_EQ(FindAbbreviation("gen", false), AbbrevClass::kNone);
  EXPECT_EQ(FindAbbreviation("Jr", false), AbbrevClass::kEnd);
  EXPECT_EQ(FindAbbreviation("a.m", false), AbbrevClass::kEnd);
  EXPECT_EQ(FindAbbreviation("etc", false), AbbrevClass::kEtc);
  EXPECT_EQ(FindAbbreviation("Nos", false), AbbrevClass::kNumber);
  EXPECT_EQ(FindAbbreviation("Iran", false), AbbrevClass::kNone);
  EXPECT_TRUE(segment::IsSentenceStarter("THE"));
  EXPECT_FALSE(segment::IsSentenceStarter("IRAN"));
  // In capitals: "NOS. 5" is an abbreviation before a number, "GOV." a title.
  EXPECT_EQ(Sentences("THE GOV. SAID NOS. 5 AND 6 WERE SHUT."), (V{"THE GOV. SAID NOS. 5 AND 6 WERE SHUT."}));
}

}  // namespace
}  // namespace annalist
