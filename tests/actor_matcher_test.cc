// Actor/agent matching and noun-phrase codes, on hand-built dictionaries that copy the
// entries of the validation files (PETR_Validate_actors_2_02.txt, PETR_Validate_agents_2_02.txt)
// used by the gold records cited in each test.
#include "actors/actor_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "dict/dictionary.h"

namespace annalist {
namespace {

using dict::DatedCode;

DatedCode Always(std::string code) {
  DatedCode c;
  c.code = std::move(code);
  return c;
}
DatedCode Before(std::string code, int32_t date) {
  DatedCode c = Always(std::move(code));
  c.kind = DatedCode::Kind::kBefore;
  c.date1 = date;
  return c;
}
DatedCode From(std::string code, int32_t date) {
  DatedCode c = Always(std::move(code));
  c.kind = DatedCode::Kind::kFrom;
  c.date1 = date;
  return c;
}
DatedCode Between(std::string code, int32_t date1, int32_t date2) {
  DatedCode c = Always(std::move(code));
  c.kind = DatedCode::Kind::kBetween;
  c.date1 = date1;
  c.date2 = date2;
  return c;
}

class Builder {
 public:
  // Phrases use '_' or ' ' between words, as in the PETRARCH files.
  Builder& Actor(std::vector<std::string_view> phrases, std::vector<DatedCode> defaults,
                 std::vector<DatedCode> restricted = {}) {
    dict::Actor actor;
    actor.name = std::string(phrases.front());
    actor.defaults = std::move(defaults);
    actor.restricted = std::move(restricted);
    uint32_t index = static_cast<uint32_t>(dict_.actors.size());
    dict_.actors.push_back(std::move(actor));
    for (std::string_view phrase : phrases) dict_.actor_trie.Add(Words(phrase), index);
    return *this;
  }
  // `code` as written in the file: "~GOV" or "NGO~". Plurals are listed explicitly (the
  // reader generates them).
  Builder& Agent(std::vector<std::string_view> phrases, std::string_view code) {
    dict::Agent agent;
    agent.prefix = code.back() == '~';
    agent.code = std::string(agent.prefix ? code.substr(0, code.size() - 1) : code.substr(1));
    uint32_t index = static_cast<uint32_t>(dict_.agents.size());
    dict_.agents.push_back(std::move(agent));
    for (std::string_view phrase : phrases) dict_.agent_trie.Add(Words(phrase), index);
    return *this;
  }
  const dict::Dictionaries& dict() const { return dict_; }

 private:
  std::vector<dict::WordId> Words(std::string_view phrase) {
    std::vector<dict::WordId> words;
    size_t start = 0;
    while (start <= phrase.size()) {
      size_t stop = phrase.find_first_of("_ ", start);
      if (stop == std::string_view::npos) stop = phrase.size();
      if (stop > start) words.push_back(dict_.vocab.Intern(phrase.substr(start, stop - start)));
      start = stop + 1;
    }
    return words;
  }
  dict::Dictionaries dict_;
};

// The validation entries the tests need.
const dict::Dictionaries& Validation() {
  static const Builder* builder = [] {
    auto* b = new Builder();
    b->Actor({"ARNOR_"}, {Always("ARN")})
        .Actor({"AUSTRALIA", "AUSTRALIAN"}, {Always("AUS")})
        .Actor({"BREE"}, {Always("BRE")})
        .Actor({"CALENARDHON", "CALIMEHTAR"}, {Always("CAL")})
        .Actor({"DAGOLATH"}, {Always("DAG")})
        .Actor({"DENMARK", "DANISH", "ZEALAND"}, {Always("DNK")})
        .Actor({"GALADRIEL"}, {Always("ELF")})
        .Actor({"GOLLUM", "SMEAGOL"}, {},
               {Before("HOB", 19950601), Between("HOBGOV", 19950601, 19990815),
                From("HOBREB", 19990816)})
        .Actor({"GONDOR", "MINAS_TIRITH"}, {Always("GON")})
        .Actor({"GONZO_GMO"}, {Always("GONGMO")})
        .Actor({"ITHILEN"}, {Always("ITH")})
        .Actor({"ITHILEN MILITARY"}, {Always("ITHMIL")})
        .Actor({"MORDOR"}, {Always("MOR")})
        .Actor({"NASGUL"}, {Always("+++")})
        .Actor({"NEW_ZEALAND"}, {Always("NZE")})
        .Actor({"NORTH_KOREA", "THE_HERMIT_KINGDOM"}, {Always("PRK")})
        .Actor({"ONODOHER"}, {}, {Before("ONO", 19911226)})
        .Actor({"OSGILIATH"}, {Always("OSG")})
        .Actor({"PALESTINIAN"}, {Always("pse")})
        .Actor({"PALESTINE", "PALESTINIAN"}, {Always("PAL")})
        .Actor({"PRINCE OF DOL AMROTH"}, {Always("DOL")}, {Before("---", 19950630)})
        .Actor({"ROHAN"}, {Always("ROH")})
        .Actor({"ROMENDACIL"}, {Always("BRE")})
        .Actor({"PUTIN"}, {Always("RUSGOV")})
        .Actor({"THE_AU"}, {Always("IGOAFR")})
        .Actor({"THE_KU", "K.U."}, {Always("USAEDU")})
        .Actor({"ACME_CORP"}, {Always("USABUS")})
        .Actor({"WASHINGTON"}, {Always("USAGOV")})
        .Actor({"WEST_GERMAN"}, {Always("GMWGOV")})
        .Actor({"WHITE_HOUSE"}, {Always("USAGOV")})
        .Actor({"SAM_GAMGEE"}, {Always("HOB")},
               {Before("HOBCIV", 20080120), Between("ORCHOB", 20100109, 20100112),
                Between("HOBMIL", 20080120, 20121109), Between("HOBGOV", 20121109, 20130119),
                From("HOBELI", 20130119)});
    b->Agent({"AMBASSADOR", "AMBASSADORS"}, "~GOV")
        .Agent({"CLERIC", "CLERICS"}, "~REL")
        .Agent({"GOVERNMENT", "GOVERNMENTS"}, "~GOV")
        .Agent({"HUMAN_RIGHTS_ACTIVIST", "HUMAN_RIGHTS_ACTIVISTS"}, "~OPP")
        .Agent({"ISLAMIST", "ISLAMISTS"}, "~MUS")
        .Agent({"LAWMAKER", "LAWMAKERS"}, "~LEG")
        .Agent({"MAIN_OPPOSITION_GROUP", "MAIN_OPPOSITION_GROUPS"}, "~MOP")
        .Agent({"MEDIA"}, "~MED")
        .Agent({"MINISTER", "MINISTERS"}, "~GOV")
        .Agent({"MSF"}, "NGO~")
        .Agent({"NEWSPAPER", "NEWSPAPERS"}, "~MED")
        .Agent({"OFFICIAL", "OFFICIALS"}, "~GOV")
        .Agent({"PEOPLE"}, "~PPL")
        .Agent({"POLICE"}, "~COP")
        .Agent({"PRIME_MINISTER", "PRIME_MINISTERS"}, "~GOV")
        .Agent({"SECURITY_OFFICIALS"}, "~GOV")
        .Agent({"SOLDIER", "SOLDIERS"}, "~MIL")
        .Agent({"WORLD_GOVERNMENT"}, "~WGO")
        .Agent({"WASHINGTON_POST"}, "~MED");  // not in the file: actor-before-agent check
    return b;
  }();
  return builder->dict();
}

// "The/DT Calenardhon/JJ government/NN": one sentence, tags optional ("Arnor" = no tag).
Document MakeDoc(std::string_view tagged, int32_t date) {
  Document doc;
  doc.date = date;
  size_t start = 0;
  while (start < tagged.size()) {
    size_t stop = tagged.find(' ', start);
    if (stop == std::string_view::npos) stop = tagged.size();
    std::string_view item = tagged.substr(start, stop - start);
    start = stop + 1;
    if (item.empty()) continue;
    std::string_view word = item, tag;
    size_t slash = item.rfind('/');
    if (slash != std::string_view::npos && slash > 0) {
      word = item.substr(0, slash);
      tag = item.substr(slash + 1);
    }
    if (!doc.text.empty()) doc.text += ' ';
    Token token;
    token.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += word;
    token.span.end = static_cast<uint32_t>(doc.text.size());
    for (char ch : word) token.norm += static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    token.pos = word == "," ? Pos::kComma : (tag.empty() ? Pos::kNone : PosFromName(tag));
    doc.tokens.push_back(std::move(token));
  }
  Sentence sentence;
  sentence.first_token = 0;
  sentence.end_token = static_cast<uint32_t>(doc.tokens.size());
  sentence.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.sentences.push_back(sentence);
  return doc;
}

std::vector<ActorMatch> Matches(const Document& doc, const dict::Dictionaries& dict = Validation()) {
  std::vector<dict::WordId> words;
  LookupWords(dict.vocab, doc, doc.sentences[0], &words);
  std::vector<ActorMatch> matches;
  FindActorMatches(dict, doc, doc.sentences[0], words, &matches);
  return matches;
}

// Codes of the whole sentence taken as one noun phrase.
std::vector<std::string> Codes(std::string_view tagged, int32_t date = 19950104) {
  Document doc = MakeDoc(tagged, date);
  std::vector<ActorMatch> matches = Matches(doc);
  std::vector<CodedActor> actors;
  NounPhraseActors(matches, doc, 0, static_cast<uint32_t>(doc.tokens.size()), &actors);
  std::vector<std::string> codes;
  for (const CodedActor& a : actors) codes.push_back(a.code);
  return codes;
}

using Codes_ = std::vector<std::string>;

// ---------------------------------------------------------------- matching

TEST(FindActorMatches, LongestActorPhraseWins) {
  // ACTOR-11: THE_HERMIT_KINGDOM is a PRK synonym; ZEALAND alone is DENMARK, NEW_ZEALAND NZE.
  Document doc = MakeDoc("The/DT Hermit/NNP Kingdom/NNP fired/VBD at/IN Zealand/NNP and/CC "
                         "New/NNP Zealand/NNP", 19950103);
  std::vector<ActorMatch> m = Matches(doc);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].code, "PRK");
  EXPECT_EQ(m[0].first_token, 0u);
  EXPECT_EQ(m[0].end_token, 3u);
  EXPECT_EQ(m[1].code, "DNK");
  EXPECT_EQ(m[1].first_token, 5u);
  EXPECT_EQ(m[2].code, "NZE");
  EXPECT_EQ(m[2].first_token, 7u);
  EXPECT_EQ(m[2].end_token, 9u);
}

TEST(FindActorMatches, WholeTokensOnly) {
  // ACTOR-08/09: THE_AU matches "The AU" but not "The Australian".
  EXPECT_EQ(Codes("The/DT AU/NNP"), Codes_({"IGOAFR"}));
  EXPECT_EQ(Codes("The/DT Australian/JJ government/NN"), Codes_({"AUSGOV"}));
  // ACTOR-07: the synonym K.U. as one token.
  EXPECT_EQ(Codes("The/DT K.U./NNP basketball/NN team/NN"), Codes_({"USAEDU"}));
}

TEST(FindActorMatches, ActorsBeforeAgentsAndAgentFields) {
  Document doc = MakeDoc("MSF/NNP Arnor/NNP security/NN officials/NNS", 19950101);
  std::vector<ActorMatch> m = Matches(doc);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].kind, ActorMatch::Kind::kAgent);
  EXPECT_EQ(m[0].code, "NGO");
  EXPECT_TRUE(m[0].prefix_agent);
  EXPECT_EQ(m[1].kind, ActorMatch::Kind::kActor);
  EXPECT_EQ(m[1].code, "ARN");
  EXPECT_EQ(m[2].kind, ActorMatch::Kind::kAgent);
  EXPECT_EQ(m[2].code, "GOV");  // the longest agent SECURITY_OFFICIALS (AGENT-10)
  EXPECT_FALSE(m[2].prefix_agent);
  EXPECT_EQ(m[2].first_token, 2u);
  EXPECT_EQ(m[2].end_token, 4u);
  // An actor phrase starting at a word beats a longer agent phrase starting there (2.3).
  EXPECT_EQ(Codes("Washington/NNP Post/NNP"), Codes_({"USAGOV"}));
}

TEST(FindActorMatches, DateRestrictedCodes) {
  auto code_on = [](std::string_view text, int32_t date) {
    std::vector<ActorMatch> m = Matches(MakeDoc(text, date));
    return m.empty() ? std::string("<none>") : m[0].code;
  };
  // SAM_GAMGEE [HOB] is only the default; the restriction lines come first (DATE-02/08/13).
  EXPECT_EQ(code_on("Sam Gamgee", 19950104), "HOBCIV");
  EXPECT_EQ(code_on("Sam Gamgee", 20100106), "HOBMIL");
  EXPECT_EQ(code_on("Sam Gamgee", 20100110), "ORCHOB");  // listed before the wider HOBMIL
  EXPECT_EQ(code_on("Sam Gamgee", 20121231), "HOBGOV");
  EXPECT_EQ(code_on("Sam Gamgee", 20140101), "HOBELI");
  // GOLLUM/SMEAGOL has restrictions only (DATE-14, DATE-16).
  EXPECT_EQ(code_on("Smeagol", 19951101), "HOBGOV");
  EXPECT_EQ(code_on("Gollum", 19950101), "HOB");
  EXPECT_EQ(code_on("Gollum", 20000101), "HOBREB");
  // PRINCE OF DOL AMROTH: [--- <950630] then the default DOL (COMPOUND-17, 1999).
  EXPECT_EQ(code_on("Prince of Dol Amroth", 19990809), "DOL");
  EXPECT_EQ(code_on("Prince of Dol Amroth", 19940101), "---");
  // First listed record wins: PALESTINIAN [pse] before +PALESTINIAN of PALESTINE [PAL].
  EXPECT_EQ(code_on("Palestinian", 19950101), "pse");
}

TEST(FindActorMatches, DatedRecordBeatsEarlierRecordsDefault) {
  // Phoenix: PRESIDENT_BUSH is a synonym of GEORGE_BUSH_ (USAGOV 1989-93, default USAELI)
  // and of the later GEORGE_W._BUSH_ (USAGOV 2001-09, default USAELI). In 2008 the second
  // record's dated code holds and wins over the first record's fallback.
  Builder b;
  b.Actor({"GEORGE_BUSH", "PRESIDENT_BUSH"}, {Always("USAELI")}, {Between("USAGOV", 19890120, 19930120)})
      .Actor({"GEORGE_W._BUSH", "PRESIDENT_BUSH"}, {Always("USAELI")},
             {Between("USAGOV", 20010120, 20090120)});
  auto code_on = [&](int32_t date) {
    std::vector<ActorMatch> m = Matches(MakeDoc("President Bush", date), b.dict());
    return m.empty() ? std::string("<none>") : m[0].code;
  };
  EXPECT_EQ(code_on(20080806), "USAGOV");
  EXPECT_EQ(code_on(19900101), "USAGOV");
  EXPECT_EQ(code_on(19970101), "USAELI");  // nothing dated holds: first record's default
}

TEST(FindActorMatches, PhraseWithNoCodeStillConsumesWords) {
  // ONODOHER [ONO <911226] in 1995: a hit with an empty code, ignored in noun phrases.
  Document doc = MakeDoc("Onodoher/NNP", 19950101);
  std::vector<ActorMatch> m = Matches(doc);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].code, "");
  EXPECT_EQ(Codes("Onodoher/NNP", 19950101), Codes_{});
  EXPECT_EQ(Codes("Onodoher/NNP", 19900101), Codes_({"ONO"}));
}

TEST(LookupWords, TrailingPeriodRetried) {
  Document doc = MakeDoc("Acme Corp.", 19950101);
  std::vector<dict::WordId> words;
  LookupWords(Validation().vocab, doc, doc.sentences[0], &words);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[1], Validation().vocab.Find("CORP"));
  EXPECT_EQ(Codes("Acme Corp."), Codes_({"USABUS"}));
  // A word the dictionaries never use.
  Document other = MakeDoc("Gxndor", 19950101);
  LookupWords(Validation().vocab, other, other.sentences[0], &words);
  EXPECT_EQ(words[0], dict::kNoWord);
}

// ---------------------------------------------------------------- agents with actors

TEST(NounPhraseActors, AgentSuffixAndPlural) {
  EXPECT_EQ(Codes("The/DT Calenardhon/JJ government/NN"), Codes_({"CALGOV"}));   // DEMO-06
  EXPECT_EQ(Codes("Osgiliath/NNP soldiers/NNS"), Codes_({"OSGMIL"}));           // plural
  EXPECT_EQ(Codes("Arnor/NNP security/NN officials/NNS"), Codes_({"ARNGOV"}));  // AGENT-10
  EXPECT_EQ(Codes("Gondor/NNP police/NNS"), Codes_({"GONCOP"}));
  // AGENT-22: POLICE {} has no plural, so "polices" is no agent.
  EXPECT_EQ(Codes("Gondor/NNP 's/POS polices/NNS"), Codes_({"GON"}));
  // AGENT-20
  EXPECT_EQ(Codes("Gondor/NNP 's/POS main/JJ opposition/NN groups/NNS"), Codes_({"GONMOP"}));
}

TEST(NounPhraseActors, PrefixAgent) {
  EXPECT_EQ(Codes("MSF/NNP Arnor/NNP", 19950101), Codes_({"NGOARN"}));  // AGENT-02
}

TEST(NounPhraseActors, RedundancyOnThreeCharacterBoundaries) {
  // AGENT-17/18: USAGOV already holds GOV.
  EXPECT_EQ(Codes("Washington/NNP security/NN officials/NNS"), Codes_({"USAGOV"}));
  EXPECT_EQ(Codes("White/NNP House/NNP security/NN officials/NNS"), Codes_({"USAGOV"}));
  // AGENT-23: WGO sits across a boundary of GMWGOV, so it is appended.
  EXPECT_EQ(Codes("West/NNP German/JJ world/NN government/NN activists/NNS"),
            Codes_({"GMWGOVWGO"}));
  EXPECT_EQ(Codes("human/JJ rights/NNS activists/NNS of/IN Gonzo/NNP GMO/NNP"),
            Codes_({"GONGMOOPP"}));
}

TEST(NounPhraseActors, PeopleDroppedWithAnotherAgent) {
  EXPECT_EQ(Codes("Arnor/NNP people/NNS"), Codes_({"ARNPPL"}));
  EXPECT_EQ(Codes("Arnor/NNP Islamist/JJ people/NNS"), Codes_({"ARNMUS"}));
}

TEST(NounPhraseActors, AgentWithoutActor) {
  Document doc = MakeDoc("a/DT senior/JJ official/NN", 19950101);
  std::vector<ActorMatch> matches = Matches(doc);
  std::vector<CodedActor> actors;
  NounPhraseActors(matches, doc, 0, 3, &actors);
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].code, "---GOV");
  EXPECT_FALSE(actors[0].has_actor);
  EXPECT_EQ(actors[0].first_token, 2u);
  EXPECT_EQ(actors[0].end_token, 3u);
  // COMPOUND-29 (gold, not P2's ~RELLEG): conjoined agents stay separate.
  EXPECT_EQ(Codes("Clerics/NNS and/CC lawmakers/NNS"), Codes_({"---REL", "---LEG"}));
  // A prefix agent alone is its own code.
  EXPECT_EQ(Codes("MSF/NNP"), Codes_({"NGO"}));
}

// ---------------------------------------------------------------- compounds

TEST(NounPhraseActors, ListsWithCommasAndAnd) {
  EXPECT_EQ(Codes("Arnor/NNP and/CC Gondor/NNP"), Codes_({"ARN", "GON"}));  // COMPOUND-03
  EXPECT_EQ(Codes("Mordor/NNP ,/, Rohan/NNP ,/, Arnor/NNP and/CC Bree/NNP"),
            Codes_({"MOR", "ROH", "ARN", "BRE"}));  // COMPOUND-07
  EXPECT_EQ(Codes("Evil/JJ Mordor/NNP ,/, the/DT awful/JJ Arnor/NNP ,/, and/CC good/JJ Gondor/NNP"),
            Codes_({"MOR", "ARN", "GON"}));  // COMPOUND-13
  EXPECT_EQ(Codes("Lions/NNS ,/, tigers/NNS ,/, and/CC Gondor/NNP"), Codes_({"GON"}));  // -16
  EXPECT_EQ(Codes("Neither/CC Galadriel/NNP nor/CC Gollum/NNP", 19920102),
            Codes_({"ELF", "HOB"}));  // COMPOUND-20
  // Untagged text still splits at "and" and commas.
  EXPECT_EQ(Codes("Arnor , Osgiliath and Gondor"), Codes_({"ARN", "OSG", "GON"}));
  // Duplicates removed, first kept.
  EXPECT_EQ(Codes("Arnor/NNP ,/, Gondor/NNP and/CC Arnor/NNP"), Codes_({"ARN", "GON"}));
}

TEST(NounPhraseActors, AgentsOverActorsOfAPrepositionalPhrase) {
  EXPECT_EQ(Codes("Lawmakers/NNS in/IN Arnor/NNP and/CC Gondor/NNP"),
            Codes_({"ARNLEG", "GONLEG"}));  // COMPOUND-09
  // COMPOUND-10 (gold; P2 would stack them: ARNLEGGOV, GONLEGGOV).
  EXPECT_EQ(Codes("Lawmakers/NNS and/CC officials/NNS in/IN Arnor/NNP and/CC Gondor/NNP"),
            Codes_({"ARNLEG", "GONLEG", "ARNGOV", "GONGOV"}));
  // DEMO-08
  EXPECT_EQ(Codes("the/DT ambassadors/NNS of/IN Arnor/NNP ,/, Osgiliath/NNP and/CC Gondor/NNP"),
            Codes_({"ARNGOV", "OSGGOV", "GONGOV"}));
  // AGENT-007 and the P2 priority of the head's own actor.
  EXPECT_EQ(Codes("Human/JJ rights/NNS activists/NNS in/IN Arnor/NNP"), Codes_({"ARNOPP"}));
  EXPECT_EQ(Codes("soldiers/NNS in/IN Gondor/NNP"), Codes_({"GONMIL"}));
  EXPECT_EQ(Codes("Arnor/NNP soldiers/NNS in/IN Gondor/NNP"), Codes_({"ARNMIL"}));
  EXPECT_EQ(Codes("Osgiliath/NNP soldiers/NNS in/IN south/JJ Ithilen/NNP"),
            Codes_({"OSGMIL"}));  // DEMO-06
  // COMPOUND-31: no agent in "information ministry"; the PP's actors come through.
  EXPECT_EQ(Codes("The/DT information/NN ministry/NN of/IN Gondor/NNP and/CC the/DT Nasgul/NNP"),
            Codes_({"GON", "+++"}));
  // An agent-only PP passes through an empty head.
  EXPECT_EQ(Codes("the/DT head/NN of/IN the/DT government/NN"), Codes_({"---GOV"}));
}

TEST(NounPhraseActors, HeadAgentsGoBeforeTheBorrowedActorsAgents) {
  // GOLD_6: "exiled leaders [~OPP] of Egypt's [EGY] Muslim Brotherhood [~MUS]" = EGYOPPMUS,
  // the agents in word order after the actor taken from the PP.
  Builder b;
  b.Actor({"EGYPT"}, {Always("EGY")})
      .Agent({"EXILED_LEADERS"}, "~OPP")
      .Agent({"MUSLIM_BROTHERHOOD"}, "~MUS");
  Document doc = MakeDoc("exiled/VBN leaders/NNS of/IN Egypt/NNP 's/POS Muslim/NNP Brotherhood/NNP", 20150609);
  std::vector<ActorMatch> matches = Matches(doc, b.dict());
  std::vector<CodedActor> actors;
  NounPhraseActors(matches, doc, 0, static_cast<uint32_t>(doc.tokens.size()), &actors);
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].code, "EGYOPPMUS");
}

TEST(NounPhraseActors, AgentBindsToItsConjunct) {
  // COMPOUND-18: not ITHGOV.
  EXPECT_EQ(Codes("Ithilen/NNP and/CC the/DT government/NN of/IN Gondor/NNP", 19990809),
            Codes_({"ITH", "GONGOV"}));
}

TEST(NounPhraseActors, AdjectiveActorDistributes) {
  EXPECT_EQ(Codes("Danish/JJ media/NNS and/CC government/NN", 19990809),
            Codes_({"DNKMED", "DNKGOV"}));  // COMPOUND-22
  EXPECT_EQ(Codes("The/DT Danish/JJ Islamist/JJ media/NNS and/CC government/NN", 19990809),
            Codes_({"DNKMUSMED", "DNKMUSGOV"}));  // COMPOUND-24
  // Actor adjectives conjoined before one noun: both get the agent.
  EXPECT_EQ(Codes("Danish/JJ and/CC Australian/JJ soldiers/NNS"), Codes_({"DNKMIL", "AUSMIL"}));
  EXPECT_EQ(Codes("Arnor/NNP and/CC Gondor/NNP lawmakers/NNS"), Codes_({"ARNLEG", "GONLEG"}));
  // ... but not over an apposition introduced by a determiner (COMPOUND-28's tail).
  EXPECT_EQ(Codes("Gondor/NNP and/CC Dagolath/NNP ,/, the/DT Osgiliath/NNP newspaper/NN "
                  "al-Raya/NNP"),
            Codes_({"GON", "DAG", "OSGMED"}));
}

TEST(NounPhraseActors, FirstActorOfTheGroupWins) {
  // COMPOUND-17: CALIMEHTAR is a CAL synonym, but the gold is ITHGOV only.
  EXPECT_EQ(Codes("Ithilen/NNP 's/POS awful/JJ and/CC evil/JJ minister/NN Calimehtar/NNP",
                  19990809),
            Codes_({"ITHGOV"}));
  EXPECT_EQ(Codes("Gondor/NNP 's/POS Prime/NNP Minister/NNP Falastur/NNP"),
            Codes_({"GONGOV"}));  // DEMO-10
  EXPECT_EQ(Codes("Bree/NNP Prime/NNP Minister/NNP Romendacil/NNP"), Codes_({"BREGOV"}));
  EXPECT_EQ(Codes("Prime/NNP Minister/NNP Putin/NNP"), Codes_({"RUSGOV"}));
}

TEST(NounPhraseActors, RangeAndProvenance) {
  Document doc = MakeDoc("The/DT Calenardhon/JJ government/NN condemned/VBD Osgiliath/NNP "
                         "soldiers/NNS",
                         19950106);
  std::vector<ActorMatch> matches = Matches(doc);
  std::vector<CodedActor> actors;
  NounPhraseActors(matches, doc, 4, 6, &actors);
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].code, "OSGMIL");
  EXPECT_TRUE(actors[0].has_actor);
  EXPECT_EQ(actors[0].first_token, 4u);  // "Osgiliath soldiers"
  EXPECT_EQ(actors[0].end_token, 6u);
  NounPhraseActors(matches, doc, 0, 3, &actors);
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].code, "CALGOV");
  EXPECT_EQ(actors[0].first_token, 1u);
  EXPECT_EQ(actors[0].end_token, 3u);
  // Only the agent inside the range.
  NounPhraseActors(matches, doc, 5, 6, &actors);
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].code, "---MIL");
  NounPhraseActors(matches, doc, 3, 3, &actors);
  EXPECT_TRUE(actors.empty());
  // A hit that runs past the range is not part of it.
  Document sam = MakeDoc("Sam/NNP Gamgee/NNP", 19950104);
  std::vector<ActorMatch> sam_matches = Matches(sam);
  NounPhraseActors(sam_matches, sam, 1, 2, &actors);
  EXPECT_TRUE(actors.empty());
  NounPhraseActors(sam_matches, sam, 0, 2, &actors);
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].code, "HOBCIV");
}

}  // namespace
}  // namespace annalist
