#include "ingest/story_structure.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annalist/document.h"
#include "annalist/pipeline.h"
#include "segment/segment.h"
#include "test_util.h"

namespace annalist {
namespace {

std::string_view Slice(std::string_view text, Span s) { return text.substr(s.begin, s.end - s.begin); }

struct DatelineCase {
  std::string text;
  std::string whole, place, date, source;
};

TEST(DatelineTest, RecognisesWireForms) {
  const std::vector<DatelineCase> cases = {
      {"Tehran (IP) - The Iranian President said.", "Tehran (IP) -", "Tehran", "", "IP"},
      {"WASHINGTON, Jan. 12 (Reuters) - U.S. officials said.", "WASHINGTON, Jan. 12 (Reuters) -", "WASHINGTON",
       "Jan. 12", "Reuters"},
      {"BEIRUT (AP) \xE2\x80\x94 Israeli jets struck.", "BEIRUT (AP) \xE2\x80\x94", "BEIRUT", "", "AP"},
      {"BEIRUT (AP)\xE2\x80\x94Israeli jets struck.", "", "", "", ""},  // no space after the dash
      {"GAZA CITY, Palestinian Territories: Hamas said.", "GAZA CITY, Palestinian Territories:",
       "GAZA CITY, Palestinian Territories", "", ""},
      {"LYON: Police arrested two men.", "LYON:", "LYON", "", ""},
      // PTB-tokenised copy, as in Gigaword.
      {"GAZA CITY , Palestinian Territories : Four children were killed.", "GAZA CITY , Palestinian Territories :",
       "GAZA CITY , Palestinian Territories", "", ""},
      {"LYON : Interpol said.", "LYON :", "LYON", "", ""},
      {"UNITED NATIONS (AFP) - The Security Council met.", "UNITED NATIONS (AFP) -", "UNITED NATIONS", "", "AFP"},
      {"London, 5 March 2024 /PRNewswire/ -- Acme announced.", "London, 5 March 2024 /PRNewswire/ --", "London",
       "5 March 2024", "PRNewswire"},
      {"MOSCOW, March 3. /TASS/. Russia warned.", "MOSCOW, March 3. /TASS/.", "MOSCOW", "March 3", "TASS"},
      {"KYIV, Ukraine, Jan. 5, 2024 (Reuters) \xE2\x80\x93 Ukraine said.", "KYIV, Ukraine, Jan. 5, 2024 (Reuters) \xE2\x80\x93",
       "KYIV, Ukraine", "Jan. 5, 2024", "Reuters"},
      {"Rio de Janeiro (Reuters) - Brazil said.", "Rio de Janeiro (Reuters) -", "Rio de Janeiro", "", "Reuters"},
      {"UNITED NATIONS, Sept. 23 (Thomson Reuters Foundation) - Aid groups said.",
       "UNITED NATIONS, Sept. 23 (Thomson Reuters Foundation) -", "UNITED NATIONS", "Sept. 23",
       "Thomson Reuters Foundation"},
      {"THE HAGUE (Reuters) - The court ruled.", "THE HAGUE (Reuters) -", "THE HAGUE", "", "Reuters"},
      {"SAN JOSE, Calif. - \"We won,\" she said.", "SAN JOSE, Calif. -", "SAN JOSE, Calif.", "", ""},
      {"\n\n  Tehran (IRNA) -- Iran said.", "Tehran (IRNA) --", "Tehran", "", "IRNA"},
      // A headline line above the dateline.
      {"Iraq sends aid to Gaza\n\nBAGHDAD (AP) - Iraq sent aid.", "BAGHDAD (AP) -", "BAGHDAD", "", "AP"},
  };
  for (const DatelineCase& c : cases) {
    SCOPED_TRACE(c.text);
    Dateline d;
    const bool found = FindDateline(c.text, &d);
    ASSERT_EQ(found, !c.whole.empty());
    if (!found) continue;
    EXPECT_EQ(Slice(c.text, d.whole), c.whole);
    EXPECT_EQ(Slice(c.text, d.place), c.place);
    EXPECT_EQ(Slice(c.text, d.date), c.date);
    EXPECT_EQ(Slice(c.text, d.source), c.source);
  }
}

TEST(DatelineTest, LeavesOrdinaryOpeningsAlone) {
  const std::vector<std::string> texts = {
      "Iran, Iraq and Syria - the three neighbours - met in Baghdad.",
      "Meanwhile: the talks went on.",
      "Iran: a country in crisis, said the report.",  // capitalised but no evidence
      "President Raisi (Iran) said on Monday that talks would resume.",
      "BREAKING: Israel strikes Gaza",
      "UPDATE - Israel strikes Gaza",
      "The Iranian President said that Iraq - a neighbour - was a friend.",
      "Tehran said - without evidence - that the US was behind it.",
      "IRAN'S PRESIDENT AND IRAQ'S PRIME MINISTER AND THEIR FOREIGN MINISTERS MET - said TV.",
      "Hezbollah (who the US calls terrorists) - said it fired.",
      "In Tehran (IP) - the president said.",
      "",
      "   \n  ",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    Dateline d;
    EXPECT_FALSE(FindDateline(text, &d));
  }
}

TEST(BoilerplateTest, FindsTrailingSections) {
  struct Case {
    std::string text;
    std::string tail;  // expected slice from the tail to the end; empty = none
  };
  const std::vector<Case> cases = {
      {"Iran and Iraq met.\n\nRead More:\n\nPresident Raisi welcomes Iraqi PM Al-Sudani in Tehran\n",
       "Read More:\n\nPresident Raisi welcomes Iraqi PM Al-Sudani in Tehran\n"},
      {"Iran and Iraq met.\nRead more: Raisi visits Baghdad\nIraq hosts summit",
       "Read more: Raisi visits Baghdad\nIraq hosts summit"},
      {"Iran and Iraq met.\r\n\r\nRELATED STORIES\r\nRaisi visits Baghdad\r\n",
       "RELATED STORIES\r\nRaisi visits Baghdad\r\n"},
      {"Iran and Iraq met.\n\n(Reporting by Parisa Hafezi; Editing by Alex Richardson)\n",
       "(Reporting by Parisa Hafezi; Editing by Alex Richardson)\n"},
      {"Iran and Iraq met.\nReporting by Parisa Hafezi; Editing by Alex Richardson\nCopyright 2024 Reuters\n",
       "Reporting by Parisa Hafezi; Editing by Alex Richardson\nCopyright 2024 Reuters\n"},
      {"Iran and Iraq met.\n\n\xC2\xA9 2024 Iran Press. All rights reserved.", "\xC2\xA9 2024 Iran Press. All rights reserved."},
      {"Iran and Iraq met.\nSee also:\nIran and Iraq\nClick here to subscribe.\n",
       "See also:\nIran and Iraq\nClick here to subscribe.\n"},
      // Story text after the marker: not trailing boilerplate.
      {"Iran and Iraq met.\nRelated:\nThe two leaders later signed a security agreement in Baghdad.\n", ""},
      // Prose that merely starts like a credit line.
      {"Iran and Iraq met.\nReporting by the BBC showed that Iran armed the group.\n", ""},
      {"Iran and Iraq met.\nMore than 100 people were killed in the attack.\n", ""},
      {"Iran and Iraq met.\nReading more into the talks, analysts saw a thaw.\n", ""},
      {"Read More: nothing but boilerplate", "Read More: nothing but boilerplate"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const uint32_t tail = FindTrailingBoilerplate(c.text);
    EXPECT_EQ(std::string_view(c.text).substr(tail), c.tail);
  }
}

TEST(BoilerplateTest, FindsSingleLinesInsideTheStory) {
  const std::string text =
      "Iran and Iraq met.\nREAD MORE: Raisi visits Baghdad\nThe talks went on.\nRelated:\nThe leaders signed a deal.\n"
      "Read more about the deal in our archive of stories from the region.\n";
  std::vector<Span> lines;
  FindBoilerplateLines(text, 0, static_cast<uint32_t>(text.size()), &lines);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(Slice(text, lines[0]), "READ MORE: Raisi visits Baghdad");
  EXPECT_EQ(Slice(text, lines[1]), "Related:");
}

Document Marked(const std::string& text) {
  Document doc;
  doc.text = text;
  Segment(&doc);
  MarkStoryStructure(&doc);
  return doc;
}

std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) {
    EXPECT_EQ(s.span.begin, doc.tokens[s.first_token].span.begin);
    EXPECT_EQ(s.span.end, doc.tokens[s.end_token - 1].span.end);
    out.emplace_back(doc.Slice(s.span));
  }
  return out;
}

TEST(MarkStoryStructureTest, DatelineLeavesTheFirstSentence) {
  Document doc = Marked("WASHINGTON, Jan. 12 (Reuters) - U.S. officials met Iranian envoys. They talked.");
  EXPECT_EQ(doc.Slice(doc.dateline), "WASHINGTON, Jan. 12 (Reuters) -");
  EXPECT_EQ(doc.Slice(doc.dateline_place), "WASHINGTON");
  EXPECT_EQ(doc.Slice(doc.dateline_date), "Jan. 12");
  EXPECT_EQ(doc.Slice(doc.dateline_source), "Reuters");
  EXPECT_EQ(SentenceTexts(doc), (std::vector<std::string>{"U.S. officials met Iranian envoys.", "They talked."}));
}

TEST(MarkStoryStructureTest, DatelineOnItsOwnLineAndSplitBySegmenter) {
  EXPECT_EQ(SentenceTexts(Marked("LYON:\n\nPolice arrested two men.")),
            (std::vector<std::string>{"Police arrested two men."}));
  Document doc = Marked("MOSCOW, March 3. /TASS/. Russia warned Ukraine.");
  EXPECT_EQ(doc.Slice(doc.dateline_source), "TASS");
  EXPECT_EQ(SentenceTexts(doc), (std::vector<std::string>{"Russia warned Ukraine."}));
}

TEST(MarkStoryStructureTest, BoilerplateSentencesDropped) {
  Document doc = Marked(
      "Iran praised Iraq.\n\nREAD MORE: Raisi visits Baghdad\n\nIraq thanked Iran.\n\nRead More:\n\n"
      "President Raisi welcomes Iraqi PM Al-Sudani in Tehran\n");
  EXPECT_EQ(doc.Slice(doc.boilerplate), "Read More:\n\nPresident Raisi welcomes Iraqi PM Al-Sudani in Tehran\n");
  ASSERT_EQ(doc.boilerplate_lines.size(), 1u);
  EXPECT_EQ(SentenceTexts(doc), (std::vector<std::string>{"Iran praised Iraq.", "Iraq thanked Iran."}));
}

TEST(MarkStoryStructureTest, PlainStoryUntouched) {
  const std::string text = "Iran, Iraq and Syria - the three neighbours - met. Meanwhile: talks went on.";
  Document plain;
  plain.text = text;
  Segment(&plain);
  Document doc = Marked(text);
  EXPECT_TRUE(doc.dateline.empty());
  EXPECT_TRUE(doc.boilerplate.empty());
  EXPECT_EQ(SentenceTexts(doc), SentenceTexts(plain));
}

TEST(MarkStoryStructureTest, OddTextKeepsInvariants) {
  const std::vector<std::string> texts = {
      "",
      "Tehran (IP) -",
      "Tehran (IP",
      "BEIRUT (",
      "Read More:",
      "\xEF\xBB\xBF" "BEIRUT (AP) - Israel struck.\r\n\r\nRead More:\r\n",
      "\xE2\x80",
      "LYON:\n\nRead More:\nA\nB",
      std::string(5000, '-') + "\nRead more:",
      "MOSCOW, March",
      "MOSCOW, 31",
  };
  std::string noise;
  uint32_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1103515245 + 12345;
    noise.push_back("ABab ,.:-()/\n\xE2\x80\x94"[(x >> 16) % 17]);
  }
  for (const std::string& text : texts) {
    SCOPED_TRACE(text.substr(0, 40));
    Document doc = Marked(text);
    uint32_t previous = 0;
    for (const Sentence& s : doc.sentences) {
      ASSERT_LT(s.first_token, s.end_token);
      ASSERT_LE(s.end_token, doc.tokens.size());
      ASSERT_LE(previous, s.first_token);
      previous = s.end_token;
    }
    EXPECT_LE(doc.boilerplate.end, text.size());
  }
  // The byte-order mark is skipped; the dateline and the tail are still found.
  Document bom = Marked("\xEF\xBB\xBF" "BEIRUT (AP) - Israel struck.\r\n\r\nRead More:\r\nIsrael strikes\r\n");
  EXPECT_EQ(bom.Slice(bom.dateline_place), "BEIRUT");
  EXPECT_EQ(bom.Slice(bom.boilerplate), "Read More:\r\nIsrael strikes\r\n");
  EXPECT_EQ(SentenceTexts(bom), (std::vector<std::string>{"Israel struck."}));
  Document doc = Marked(noise);
  uint32_t previous = 0;
  for (const Sentence& s : doc.sentences) {
    ASSERT_LT(s.first_token, s.end_token);
    ASSERT_LE(previous, s.first_token);
    previous = s.end_token;
  }
}

bool Inside(Span inner, Span outer) { return !outer.empty() && inner.begin >= outer.begin && inner.begin < outer.end; }

TEST(PipelineStoryStructureTest, TehranExampleCodesNeitherDatelineNorReadMore) {
  ANNALIST_REQUIRE_SHARED();
  auto pipeline = Pipeline::Load(PipelineConfig{});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  Document doc;
  doc.id = "tehran";
  doc.date = 20231129;
  doc.text = testing::ReadFile(testing::SharedDir() + "/examples/tehran-press-conference.txt");
  ASSERT_FALSE(doc.text.empty());
  std::vector<Event> events;
  (*pipeline)->Code(&doc, &events);

  EXPECT_EQ(doc.Slice(doc.dateline), "Tehran (IP) -");
  EXPECT_EQ(doc.Slice(doc.dateline_place), "Tehran");
  EXPECT_EQ(doc.Slice(doc.dateline_source), "IP");
  EXPECT_TRUE(doc.Slice(doc.boilerplate).starts_with("Read More:"));
  EXPECT_NE(doc.Slice(doc.boilerplate).find("President Raisi welcomes"), std::string_view::npos);
  ASSERT_FALSE(doc.sentences.empty());
  EXPECT_TRUE(doc.Slice(doc.sentences[0].span).starts_with("The Iranian President"));

  EXPECT_FALSE(events.empty());
  for (const Event& e : events) {
    SCOPED_TRACE(e.code + " " + e.source.text + " -> " + e.target.text);
    EXPECT_FALSE(Inside(e.sentence, doc.boilerplate));
    EXPECT_LT(e.sentence.begin, doc.boilerplate.begin);
    for (const ActorRef* actor : {&e.source, &e.target}) {
      if (actor->span.empty()) continue;  // no words (the target of a one-sided event)
      EXPECT_FALSE(Inside(actor->span, doc.dateline));
      EXPECT_FALSE(Inside(actor->span, doc.boilerplate));
    }
  }
}

}  // namespace
}  // namespace annalist
