// Knowledge-base actor mechanisms (issue 3 items 3, 4, 6): name variants, exact-case
// phrases, surnames, titles and pronouns resolved within a story, reported speech.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "actors/actor_matcher.h"
#include "actors/name_variants.h"
#include "annalist/pipeline.h"
#include "dict/kb_reader.h"
#include "segment/segment.h"
#include "tag/tagger.h"

namespace annalist {
namespace {

// ------------------------------------------------------------------ skeletons

TEST(NameSkeleton, TransliterationsShareASkeleton) {
  EXPECT_EQ(NameSkeleton("Raisi"), NameSkeleton("Raeisi"));
  EXPECT_EQ(NameSkeleton("Raisi"), NameSkeleton("Raeesi"));
  EXPECT_EQ(NameSkeleton("al-Sudani"), NameSkeleton("Al-Sudani"));
  EXPECT_EQ(NameSkeleton("al-Sudani"), NameSkeleton("al-Soudani"));
  EXPECT_EQ(NameSkeleton("Al Sudani"), NameSkeleton("Sudani"));
  EXPECT_EQ(NameSkeleton("Mohammed"), NameSkeleton("Muhammad"));
  EXPECT_EQ(NameSkeleton("Mohammed"), NameSkeleton("Muhammed"));
  EXPECT_EQ(NameSkeleton("Mohammed"), NameSkeleton("Mohamed"));
  EXPECT_EQ(NameSkeleton("Hussein"), NameSkeleton("Husain"));
  EXPECT_EQ(NameSkeleton("Qaddafi"), NameSkeleton("Kadhafi"));
  EXPECT_EQ(NameSkeleton("Mohamad Shia al-Soudany"), NameSkeleton("MOHAMMED SHIA AL-SUDANI"));
  EXPECT_EQ(NameSkeleton("Ebrahim Raeissi"), NameSkeleton("EBRAHIM RAISI"));
  EXPECT_TRUE(SkeletonsMatch(NameSkeleton("Gaddafi"), NameSkeleton("Qaddafi")));
  EXPECT_TRUE(SkeletonsMatch(NameSkeleton("Sia al-Soudani"), NameSkeleton("Shia al-Sudani")));
}

TEST(NameSkeleton, DifferentNamesStayApart) {
  EXPECT_FALSE(SkeletonsMatch(NameSkeleton("Hassan"), NameSkeleton("Hussein")));
  EXPECT_FALSE(SkeletonsMatch(NameSkeleton("Ali"), NameSkeleton("Ala")));  // short: exact only
  EXPECT_FALSE(SkeletonsMatch(NameSkeleton("Sia"), NameSkeleton("Shia")));
  EXPECT_FALSE(SkeletonsMatch(NameSkeleton("Rouhani"), NameSkeleton("Raisi")));
}

TEST(NameSkeleton, OneEdit) {
  EXPECT_TRUE(WithinOneEdit("sudan", "sudani"));
  EXPECT_TRUE(WithinOneEdit("abc", "abc"));
  EXPECT_TRUE(WithinOneEdit("abcd", "abxd"));
  EXPECT_FALSE(WithinOneEdit("abcd", "axxd"));
  EXPECT_FALSE(WithinOneEdit("ab", "abcd"));
}

// ------------------------------------------------------------------ the built-in KB

struct Kb {
  std::shared_ptr<const dict::Dictionaries> dict;
  std::shared_ptr<const Tagger> tagger;
};

const Kb& BuiltinKb() {
  static Kb kb = [] {
    Kb k;
    std::vector<std::string> warnings;
    k.dict = dict::LoadBuiltinKb(&warnings);
    auto tagger = Tagger::Builtin();
    if (tagger.ok()) k.tagger = *tagger;
    return k;
  }();
  return kb;
}

struct Hit {
  std::string text, code, how, name;
};

// Actor hits of each sentence of `text`, with the story context carried along as the
// coder carries it.
std::vector<Hit> Hits(const std::string& text, int32_t date) {
  const Kb& kb = BuiltinKb();
  Document doc;
  doc.text = text;
  doc.date = date;
  Segment(&doc);
  auto variants = NameVariantIndex::For(*kb.dict);
  StoryContext story;
  story.variants = variants.get();
  std::vector<Hit> hits;
  std::vector<dict::WordId> words;
  std::vector<ActorMatch> matches;
  for (const Sentence& sentence : doc.sentences) {
    kb.tagger->Tag(&doc, sentence);
    LookupWords(kb.dict->vocab, doc, sentence, &words);
    FindActorMatches(*kb.dict, doc, sentence, words, &matches, &story);
    for (const ActorMatch& m : matches) {
      Hit h;
      h.text = std::string(doc.Slice(Span{doc.tokens[m.first_token].span.begin, doc.tokens[m.end_token - 1].span.end}));
      h.code = m.code;
      h.how = MatchHowName(m.how);
      if (m.person != kNoPerson) h.name = kb.dict->actors[m.person].canonical;
      hits.push_back(h);
      if (m.person != kNoPerson) story.NotePerson(m.person);
    }
  }
  return hits;
}

const Hit* Find(const std::vector<Hit>& hits, const std::string& text) {
  for (const Hit& h : hits)
    if (h.text == text) return &h;
  return nullptr;
}

TEST(Coref, ExactCasePhrases) {
  auto hits = Hits("The US warned Iran. Tell us what the PM said at 5 pm.", 20231129);
  ASSERT_NE(Find(hits, "US"), nullptr);
  EXPECT_EQ(Find(hits, "US")->code, "USA");
  EXPECT_EQ(Find(hits, "us"), nullptr);
  EXPECT_NE(Find(hits, "PM"), nullptr);
  EXPECT_EQ(Find(hits, "pm"), nullptr);
}

TEST(Coref, VariantSpellingsOfAPerson) {
  // Neither spelling is listed in the knowledge base: found by skeleton.
  auto hits = Hits("Ebrahim Raeissi met Mohamad Shia al-Soudany in Tehran.", 20231129);
  const Hit* raisi = Find(hits, "Ebrahim Raeissi");
  ASSERT_NE(raisi, nullptr);
  EXPECT_EQ(raisi->code, "IRNGOV");
  EXPECT_EQ(raisi->how, "alias");
  EXPECT_EQ(raisi->name, "Ebrahim Raisi");
  const Hit* sudani = Find(hits, "Mohamad Shia al-Soudany");
  ASSERT_NE(sudani, nullptr);
  EXPECT_EQ(sudani->code, "IRQGOV");
  EXPECT_EQ(sudani->name, "Mohammed Shia al-Sudani");
}

TEST(Coref, VariantsNeverReachCountriesOrOtherNames) {
  auto hits = Hits("Sudan and Hassan Nasrallah talked.", 20231129);
  const Hit* sudan = Find(hits, "Sudan");
  ASSERT_NE(sudan, nullptr);
  EXPECT_EQ(sudan->code, "SDN");
  EXPECT_TRUE(sudan->name.empty());
  for (const Hit& h : hits) EXPECT_NE(h.name, "Saddam Hussein") << h.text;
  // A common capitalised word is not a name.
  hits = Hits("Raises were announced.", 20231129);
  EXPECT_TRUE(hits.empty());
}

TEST(Coref, BareSurnameResolvesToThePersonNamedBefore) {
  auto hits = Hits("Iranian President Ebrahim Raisi arrived. Raisi thanked the hosts.", 20231129);
  ASSERT_GE(hits.size(), 2u);
  const Hit& last = hits.back();
  EXPECT_EQ(last.text, "Raisi");
  EXPECT_EQ(last.how, "coreference");
  EXPECT_EQ(last.code, "IRNGOV");
  // No one named before: the only holder of an office on the date.
  hits = Hits("Al-Sudani said so.", 20231129);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].code, "IRQGOV");
  EXPECT_EQ(hits[0].how, "coreference");
}

TEST(Coref, TitleResolvesToTheOfficeHolder) {
  auto hits = Hits("Muhammad Shia al-Sudani arrived in Tehran. The Iraqi PM met reporters. "
                   "Iraq's prime minister left.",
                   20231129);
  int resolved = 0;
  for (const Hit& h : hits)
    if ((h.text == "PM" || h.text == "prime minister") && h.name == "Mohammed Shia al-Sudani") ++resolved;
  EXPECT_EQ(resolved, 2);
  // The title must match the country: an Iranian president is not the Iraqi PM.
  hits = Hits("Ebrahim Raisi arrived. The Iraqi PM met him.", 20231129);
  const Hit* pm = Find(hits, "PM");
  ASSERT_NE(pm, nullptr);
  EXPECT_TRUE(pm->name.empty());
}

// ------------------------------------------------------------------ events

std::vector<Event> Code(const std::string& text, int32_t date) {
  static std::unique_ptr<Pipeline> pipeline = [] {
    auto p = Pipeline::Load(PipelineConfig{});
    return p.ok() ? std::move(*p) : nullptr;
  }();
  std::vector<Event> events;
  if (!pipeline) return events;
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.date = date;
  pipeline->Code(&doc, &events);
  return events;
}

TEST(Coref, PronounsResolveToACompatibleSubject) {
  auto events = Code("Iraqi Prime Minister Mohammed Shia al-Sudani arrived in Tehran. "
                     "He praised Iran.", 20231129);
  bool found = false;
  for (const Event& e : events) {
    if (e.sentence_index != 1) continue;
    found = true;
    EXPECT_EQ(e.source.code, "IRQGOV");
    EXPECT_EQ(e.source.how, "pronoun");
    EXPECT_EQ(e.source.name, "Mohammed Shia al-Sudani");
  }
  EXPECT_TRUE(found);
}

TEST(Coref, ReportedSpeechIsTheInnerEventAttributed) {
  auto events = Code("Ebrahim Raisi said that Iraq condemned Israel.", 20231129);
  bool inner = false;
  for (const Event& e : events) {
    if (e.source.code == "IRQ" && e.target.code.rfind("ISR", 0) == 0) {
      inner = true;
      EXPECT_EQ(e.attributed_to, "Ebrahim Raisi");
    }
    EXPECT_NE(e.code, "010") << "a plain statement is not coded beside the reported event";
  }
  EXPECT_TRUE(inner);
}

TEST(Coref, QuotationIsAttributedToItsSpeaker) {
  // The form of the example story: a quotation's sentence closed by its attribution.
  auto events = Code("Al-Sudani spoke in Tehran.\n\n\"We will help. We announced our readiness and sent humanitarian "
                     "aid to Gaza,\" al-Soudani said and left.", 20231129);
  bool found = false;
  for (const Event& e : events) {
    if (e.target.code.rfind("PSE", 0) != 0) continue;
    found = true;
    EXPECT_EQ(e.source.code, "IRQGOV");
    EXPECT_EQ(e.attributed_to, "Mohammed Shia al-Sudani");
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace annalist
