// Tests of the knowledge-base reader (src/dict/kb_reader.h), the built-in knowledge base
// (data/kb embedded by cmake/kb.cmake) and `annalist dict check`.
#include "dict/kb_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "actors/actor_matcher.h"
#include "annalist/document.h"
#include "annalist/pipeline.h"
#include "segment/segment.h"
#include "test_util.h"

namespace annalist::dict {
namespace {

using annalist::testing::ReadFile;
using annalist::testing::RunCommand;
using annalist::testing::WriteFile;

constexpr char kSample[] = R"(# test knowledge base
@actor IRN
name     Iran
alias    Islamic Republic of Iran; Persia
adj      Iranian
plural   Iranians
capital  Tehran
kind     country
source   test

@actor KNA
name     Saint Kitts and Nevis
capital  St. John's   # punctuation: cut by the segmenter
kind     country
source   test

@actor USA
name     United States
alias    U.S.
exact    US
capital  Washington; White House
source   test

@person  Ebrahim Raisi
alias    Raeisi; Ebrahim Raeisi
surname  Raisi; Raeisi
role     IRNGOV 2021-08-03 2024-05-19  president
role     IRNJUD 2019-03-07 2021-07-01  chief justice
source   test

@person  Someone Else
role     IRQGOV 2022 -   prime minister
role     IRQGOV 2011-01 2014-09  minister
default  IRQ
source   test

@agent GOV
word     government; authorities!
title    prime minister; minister; spokesman
exact    PM=
plural   heads of state
source   test

@agent NGO prefix
word     charity
source   test

@discard sentence
phrase   box office; cricket match
source   test
@discard story
phrase   horoscope
source   test
)";

// Code of the longest actor phrase at the start of `text` ("" if none), as the matcher
// would see it in a story dated `date`.
struct Lookup {
  size_t length = 0;
  std::vector<uint32_t> values;
};

Lookup Find(const Dictionaries& dict, const PhraseTrie& trie, const std::string& text) {
  Document doc;
  doc.text = text;
  Segment(&doc);
  Lookup out;
  if (doc.sentences.empty()) return out;
  std::vector<WordId> words;
  LookupWords(dict.vocab, doc, doc.sentences[0], &words);
  const std::vector<uint32_t>* values = nullptr;
  out.length = trie.LongestMatch(words.data(), words.size(), &values);
  if (out.length > 0) out.values = *values;
  return out;
}

std::string ActorCode(const Dictionaries& dict, const std::string& text, int32_t date = 20230101) {
  Lookup l = Find(dict, dict.actor_trie, text);
  if (l.length == 0) return "(none)";
  return dict.actors[l.values.front()].CodeFor(date);
}

std::shared_ptr<const Dictionaries> LoadText(const std::string& text, std::vector<std::string>* warnings,
                                             const std::string& name = "test.txt") {
  return LoadKb({KbText{name, text}}, warnings);
}

TEST(KbReader, ActorsAliasesPluralsCapitals) {
  std::vector<std::string> warnings;
  auto dict = LoadText(kSample, &warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  EXPECT_EQ(ActorCode(*dict, "Iran said"), "IRN");
  EXPECT_EQ(ActorCode(*dict, "Islamic Republic of Iran said"), "IRN");
  EXPECT_EQ(Find(*dict, dict->actor_trie, "Islamic Republic of Iran said").length, 4u);
  EXPECT_EQ(ActorCode(*dict, "Iranian officials"), "IRN");
  EXPECT_EQ(ActorCode(*dict, "Iranians marched"), "IRNPPL");
  EXPECT_EQ(ActorCode(*dict, "Tehran warned"), "IRNGOV");
  EXPECT_EQ(ActorCode(*dict, "St. John's said"), "KNAGOV");
  EXPECT_EQ(ActorCode(*dict, "The U.S. said"), "(none)");  // "The" first
  EXPECT_EQ(ActorCode(*dict, "U.S. officials"), "USA");
  EXPECT_EQ(ActorCode(*dict, "White House said"), "USAGOV");
  // "US" is exact: not in the case-blind trie, in the exact one with its written form.
  EXPECT_EQ(ActorCode(*dict, "US officials"), "(none)");
  Lookup exact = Find(*dict, dict->exact_actor_trie, "US officials");
  ASSERT_EQ(exact.length, 1u);
  const ExactPhrase& phrase = dict->exact_phrases[exact.values.front()];
  EXPECT_EQ(phrase.words, std::vector<std::string>{"US"});
  EXPECT_EQ(dict->actors[phrase.target].CodeFor(0), "USA");

  // Canonical names, kinds and parents for coreference.
  Lookup iran = Find(*dict, dict->actor_trie, "Iranians");
  const Actor& people = dict->actors[iran.values.front()];
  EXPECT_EQ(people.kind, dict::ActorKind::kPeople);
  ASSERT_NE(people.parent, Actor::kNoParent);
  EXPECT_EQ(dict->actors[people.parent].canonical, "Iran");
  EXPECT_EQ(dict->actors[people.parent].kind, dict::ActorKind::kCountry);
  EXPECT_EQ(dict->Describe(dict->actors[people.parent].ref), "test.txt:2");
}

TEST(KbReader, DatedRoles) {
  std::vector<std::string> warnings;
  auto dict = LoadText(kSample, &warnings);
  EXPECT_EQ(ActorCode(*dict, "Ebrahim Raisi said", 20220101), "IRNGOV");
  EXPECT_EQ(ActorCode(*dict, "Raeisi said", 20240519), "IRNGOV");  // inclusive end
  EXPECT_EQ(ActorCode(*dict, "Raeisi said", 20240520), "");       // no role, no default
  EXPECT_EQ(ActorCode(*dict, "Raeisi said", 20210801), "");        // between the roles
  EXPECT_EQ(ActorCode(*dict, "Raeisi said", 20190307), "IRNJUD");  // inclusive start
  EXPECT_EQ(ActorCode(*dict, "Raeisi said", 0), "IRNGOV");         // undated: latest role
  EXPECT_EQ(ActorCode(*dict, "Someone Else said", 20130101), "IRQGOV");
  EXPECT_EQ(ActorCode(*dict, "Someone Else said", 20180101), "IRQ");  // default
  EXPECT_EQ(ActorCode(*dict, "Someone Else said", 20300101), "IRQGOV");  // open end
  EXPECT_EQ(ActorCode(*dict, "Someone Else said", 0), "IRQGOV");
  Lookup person = Find(*dict, dict->actor_trie, "Ebrahim Raisi");
  const Actor& raisi = dict->actors[person.values.front()];
  EXPECT_EQ(raisi.kind, dict::ActorKind::kPerson);
  EXPECT_EQ(raisi.canonical, "Ebrahim Raisi");
  ASSERT_EQ(raisi.restricted.size(), 2u);
  EXPECT_EQ(raisi.restricted[0].office, "president");
  EXPECT_EQ(raisi.restricted[1].office, "chief justice");
  // Bare surnames are not actor phrases; they are in the surname trie.
  EXPECT_EQ(ActorCode(*dict, "Raisi said"), "(none)");
  Lookup surname = Find(*dict, dict->surname_trie, "Raisi said");
  ASSERT_EQ(surname.length, 1u);
  EXPECT_EQ(dict->actors[surname.values.front()].canonical, "Ebrahim Raisi");
}

TEST(KbReader, AgentsPluralsTitlesDiscards) {
  std::vector<std::string> warnings;
  auto dict = LoadText(kSample, &warnings);
  auto agent = [&](const std::string& text) -> const Agent* {
    Lookup l = Find(*dict, dict->agent_trie, text);
    return l.length == 0 ? nullptr : &dict->agents[l.values.front()];
  };
  ASSERT_NE(agent("governments"), nullptr);
  EXPECT_EQ(agent("governments")->code, "GOV");
  EXPECT_FALSE(agent("government")->title);
  ASSERT_NE(agent("prime ministers"), nullptr);
  EXPECT_TRUE(agent("prime ministers")->title);
  EXPECT_EQ(Find(*dict, dict->agent_trie, "prime ministers").length, 2u);
  ASSERT_NE(agent("spokesmen"), nullptr);  // -man -> -men
  ASSERT_NE(agent("heads of state"), nullptr);
  EXPECT_EQ(agent("authoritieses"), nullptr);
  EXPECT_NE(agent("authorities"), nullptr);
  EXPECT_EQ(agent("PM"), nullptr);  // exact: only in the exact trie
  EXPECT_EQ(Find(*dict, dict->exact_agent_trie, "PM").length, 1u);
  ASSERT_NE(agent("charities"), nullptr);
  EXPECT_TRUE(agent("charities")->prefix);
  EXPECT_EQ(agent("charities")->code, "NGO");

  Lookup discard = Find(*dict, dict->discard_trie, "box office receipts");
  ASSERT_EQ(discard.length, 2u);
  EXPECT_FALSE(dict->discards[discard.values.front()].story);
  Lookup story = Find(*dict, dict->discard_trie, "horoscope");
  ASSERT_EQ(story.length, 1u);
  EXPECT_TRUE(dict->discards[story.values.front()].story);
}

constexpr char kBad[] = R"(# bad knowledge base
@actor IRN
name     Iran
colour   green
alias    Persia
@actor Iraq
name     Iraq
@person  Someone
role     IRQGOV 2022-13-01 -  president
role     IRQGOV 2022-01-01 2021-01-01  president
role     IRQGOV 2022
source   test
@actor IRQ
name     Iraq
alias    Persia
source   test
@widget  X
name     x
@actor SYR
name     Syria
)";

TEST(KbReader, ErrorsHaveLineNumbersAndBadLinesAreSkipped) {
  std::vector<std::string> warnings;
  auto dict = LoadText(kBad, &warnings, "/some/dir/bad.txt");
  std::string all;
  for (const std::string& w : warnings) all += w + "\n";
  EXPECT_NE(all.find("bad.txt:4: unknown key 'colour'"), std::string::npos) << all;
  EXPECT_NE(all.find("bad.txt:6: malformed actor code 'Iraq'"), std::string::npos) << all;
  EXPECT_NE(all.find("bad.txt:9: bad date '2022-13-01'"), std::string::npos) << all;
  EXPECT_NE(all.find("bad.txt:10: role ends (2021-01-01) before it starts (2022-01-01)"), std::string::npos)
      << all;
  EXPECT_NE(all.find("bad.txt:11: role wants"), std::string::npos) << all;
  EXPECT_NE(all.find("bad.txt:17: unknown record type '@widget'"), std::string::npos) << all;
  // Good records around the bad lines still load.
  EXPECT_EQ(ActorCode(*dict, "Iran said"), "IRN");
  EXPECT_EQ(ActorCode(*dict, "Iraq said"), "IRQ");
  EXPECT_EQ(ActorCode(*dict, "Syria said"), "SYR");

  // The checker adds what a load skips: duplicates and missing sources.
  std::vector<std::string> errors;
  CheckDictionaryFiles({KbText{"bad.txt", kBad}, KbText{"more.txt", "@actor PER\nname Persia\nsource x\n"}},
                       {}, &errors);
  all.clear();
  for (const std::string& e : errors) all += e + "\n";
  EXPECT_NE(all.find("bad.txt:15: 'Persia' maps to IRQ here but to IRN"), std::string::npos) << all;
  EXPECT_EQ(all.find("bad.txt:14: 'Iraq' maps"), std::string::npos) << all;  // same code twice
  EXPECT_NE(all.find("more.txt:2: 'Persia' maps to PER here but to IRN"), std::string::npos) << all;
  EXPECT_NE(all.find("bad.txt:19: record has no 'source' line"), std::string::npos) << all;
}

TEST(KbReader, FormatGuess) {
  EXPECT_EQ(GuessFormat("data/kb/verbs.txt", "--- X [010] ---\n"), DictFormat::kPetrarchVerbs);
  EXPECT_EQ(GuessFormat("x/countries.txt", "# c\n\n@actor IRN\n"), DictFormat::kKb);
  EXPECT_EQ(GuessFormat("Phoenix.agents.txt", "POLICE {} [~COP]\n"), DictFormat::kPetrarchAgents);
  EXPECT_EQ(GuessFormat("Phoenix.Countries.actors.txt", "IRAN [IRN]\n"), DictFormat::kPetrarchActors);
  EXPECT_EQ(GuessFormat("Phoenix.discards.txt", "BASEBALL\n"), DictFormat::kPetrarchDiscards);
  DictFormat f;
  EXPECT_TRUE(ParseDictFormat("kb", &f));
  EXPECT_EQ(f, DictFormat::kKb);
  EXPECT_FALSE(ParseDictFormat("xml", &f));
}

TEST(BuiltinKb, EmbeddedFilesMatchTheSourceTreeAndLoadCleanly) {
  const auto& files = BuiltinKbFiles();
  ASSERT_FALSE(files.empty());
  for (const KbText& f : files) {
    std::string disk = ReadFile(std::string(ANNALIST_SOURCE_DIR) + "/data/" + f.name);
    EXPECT_EQ(disk.size(), f.text.size()) << f.name << " (re-run cmake after editing data/kb)";
  }
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> warnings;
  auto dict = LoadKb(files, &warnings);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("built-in knowledge base: %zu files, %zu actors, %zu agents, %zu verbs, loaded in %.1f ms\n",
              files.size(), dict->actors.size(), dict->agents.size(), dict->verbs.size(), ms);
  for (const std::string& w : warnings) ADD_FAILURE() << w;
  // Load time (issue 3: under 100 ms) is measured by BM_LoadBuiltinKb in bench/, not
  // asserted here: on a loaded CI machine a timed unit test fails for nothing.
  EXPECT_EQ(ActorCode(*dict, "Iraqi officials"), "IRQ");
  EXPECT_EQ(ActorCode(*dict, "Washington warned"), "USAGOV");
  EXPECT_EQ(ActorCode(*dict, "Gaza"), "PSE");
  EXPECT_EQ(ActorCode(*dict, "Palestinians"), "PSEPPL");
  EXPECT_EQ(ActorCode(*dict, "Jerusalem said"), "ISRGOV");
  EXPECT_EQ(ActorCode(*dict, "Latin America"), "LAM");
}

TEST(BuiltinKb, CountriesListEveryIsoCode) {
  std::string iso = ReadFile("/usr/share/iso-codes/json/iso_3166-1.json");
  if (iso.empty()) GTEST_SKIP() << "iso-codes not installed (scripts/setup.sh installs it)";
  std::string countries = ReadFile(std::string(ANNALIST_SOURCE_DIR) + "/data/kb/countries.txt");
  size_t pos = 0, count = 0;
  const std::string key = "\"alpha_3\": \"";
  while ((pos = iso.find(key, pos)) != std::string::npos) {
    std::string code = iso.substr(pos + key.size(), 3);
    pos += key.size();
    ++count;
    EXPECT_NE(countries.find("@actor " + code + "\n"), std::string::npos) << code;
  }
  EXPECT_GT(count, 240u);
}

TEST(BuiltinKb, PipelineLoadsItWithNoDictionaryFiles) {
  PipelineConfig config;  // no files
  auto pipeline = Pipeline::Load(config);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  EXPECT_TRUE((*pipeline)->warnings().empty());
}

TEST(DictCheckCli, BadFileExitsOneWithLocatedMessages) {
  std::string dir = annalist::testing::ProcessTempDir();
  std::string bad = dir + "/kb_bad.txt";
  WriteFile(bad, kBad);
  auto result = RunCommand(std::string(ANNALIST_CLI) + " dict check " + bad + " 2>/dev/null");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("kb_bad.txt:9: bad date '2022-13-01'"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("kb_bad.txt:4: unknown key 'colour'"), std::string::npos) << result.out;

  std::string good = dir + "/kb_good.txt";
  WriteFile(good, kSample);
  result = RunCommand(std::string(ANNALIST_CLI) + " dict check " + good + " 2>/dev/null");
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_EQ(result.out, "");

  // PETRARCH-2 files: by name or --format.
  std::string agents = dir + "/x.agents.txt";
  WriteFile(agents, "POLICE {} [~COP]\nSOLDIER [MIL]\n");
  result = RunCommand(std::string(ANNALIST_CLI) + " dict check " + agents + " 2>/dev/null");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("x.agents.txt:2: agent code 'MIL' has no '~'"), std::string::npos) << result.out;
  std::string plain = dir + "/plain.txt";
  WriteFile(plain, "POLICE {} [~COP]\n");
  result = RunCommand(std::string(ANNALIST_CLI) + " dict check --format agents " + plain + " 2>/dev/null");
  EXPECT_EQ(result.exit_code, 0) << result.out;

  // The shipped knowledge base is clean.
  result = RunCommand(std::string(ANNALIST_CLI) + " dict check " + ANNALIST_SOURCE_DIR + "/data/kb/*.txt 2>/dev/null");
  EXPECT_EQ(result.exit_code, 0) << result.out;
}

}  // namespace
}  // namespace annalist::dict

namespace annalist::dict {
namespace {

// Our own files are given with --kb; given as PETRARCH-2 actors they are refused (they
// would load as nothing and code nothing, silently).
TEST(KbCli, OwnFormatFilesWithKbOptionAndRefusedAsPetrarch) {
  const std::string dir = annalist::testing::ProcessTempDir();
  const std::string kb = std::string(ANNALIST_SOURCE_DIR) + "/data/kb/";
  WriteFile(dir + "/kb_one.jsonl", "{\"id\": \"x\", \"date\": \"2023-11-29\", \"text\": \"Iran accused Israel.\"}\n");
  auto coded = RunCommand(std::string(ANNALIST_CLI) + " code --kb " + kb + "verbs.txt --kb " + kb +
                          "countries.txt " + dir + "/kb_one.jsonl 2>/dev/null");
  EXPECT_EQ(coded.exit_code, 0);
  EXPECT_NE(coded.out.find("\"source\":\"IRN\",\"target\":\"ISR\""), std::string::npos) << coded.out;
  auto refused = RunCommand(std::string(ANNALIST_CLI) + " code --verbs " + kb + "verbs.txt --actors " + kb +
                            "countries.txt " + dir + "/kb_one.jsonl 2>&1");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.out.find("countries.txt: an annalist knowledge-base file"), std::string::npos) << refused.out;
}

}  // namespace
}  // namespace annalist::dict
