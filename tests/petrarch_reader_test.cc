// Tests of the PETRARCH-2 dictionary readers on the real dictionaries (validation suite
// and Phoenix) and on small inline files for the corner cases.
#include "dict/petrarch_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "test_util.h"

namespace annalist::dict {
namespace {

const std::string kValidation = ::annalist::testing::SharedDir() + "/reference/dictionaries/petrarch2-validation/";
const std::string kPhoenix = ::annalist::testing::SharedDir() + "/reference/dictionaries/phoenix/";

DictionaryFiles ValidationFiles() {
  DictionaryFiles f;
  f.verbs = {kValidation + "PETR_Validate_verbs_2_02.txt"};
  f.actors = {kValidation + "PETR_Validate_actors_2_02.txt"};
  f.agents = {kValidation + "PETR_Validate_agents_2_02.txt"};
  f.discards = {kValidation + "PETR_Validate_discards_2_02.txt"};
  return f;
}

DictionaryFiles PhoenixFiles() {
  DictionaryFiles f;
  f.verbs = {kPhoenix + "CAMEO.2.0.txt"};
  f.actors = {kPhoenix + "Phoenix.Countries.actors.txt", kPhoenix + "Phoenix.International.actors.txt",
              kPhoenix + "Phoenix.MilNonState.actors.txt"};
  f.agents = {kPhoenix + "Phoenix.agents.txt"};
  f.discards = {kPhoenix + "Phoenix.discards.txt"};
  f.issues = {kPhoenix + "Phoenix.IssueCoding.txt"};
  return f;
}

std::shared_ptr<const Dictionaries> Load(const DictionaryFiles& files,
                                         std::vector<std::string>* warnings) {
  auto result = LoadPetrarch(files, warnings);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? *result : nullptr;
}

// Writes `content` to a fresh temp file and returns its path.
std::string TempFile(const std::string& name, const std::string& content) {
  static int counter = 0;
  std::string path = annalist::testing::ProcessTempDir() + "/petrarch_" + std::to_string(++counter) + "_" + name;
  std::ofstream out(path, std::ios::binary);
  out << content;
  return path;
}

std::vector<WordId> Ids(const Dictionaries& d, const std::string& phrase) {
  std::vector<WordId> ids;
  size_t i = 0;
  while (i < phrase.size()) {
    size_t j = phrase.find(' ', i);
    if (j == std::string::npos) j = phrase.size();
    ids.push_back(d.vocab.Find(phrase.substr(i, j - i)));
    i = j + 1;
  }
  return ids;
}

// Values stored for exactly this phrase in `trie` (nullptr if not a full phrase).
const std::vector<uint32_t>* Exact(const Dictionaries& d, const PhraseTrie& trie,
                                   const std::string& phrase) {
  std::vector<WordId> ids = Ids(d, phrase);
  for (WordId id : ids) {
    if (id == kNoWord) return nullptr;
  }
  const std::vector<uint32_t>* values = nullptr;
  size_t length = trie.LongestMatch(ids.data(), ids.size(), &values);
  return length == ids.size() ? values : nullptr;
}

const Actor* FindActor(const Dictionaries& d, const std::string& phrase) {
  const std::vector<uint32_t>* v = Exact(d, d.actor_trie, phrase);
  return v == nullptr ? nullptr : &d.actors[v->front()];
}

const Agent* FindAgent(const Dictionaries& d, const std::string& phrase) {
  const std::vector<uint32_t>* v = Exact(d, d.agent_trie, phrase);
  return v == nullptr ? nullptr : &d.agents[v->front()];
}

const VerbBlock* FindBlock(const Dictionaries& d, const std::string& name) {
  for (const VerbBlock& b : d.verb_blocks) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

// The single-word (or given multi-word) verb entry for a form.
const Verb* FindVerb(const Dictionaries& d, const std::string& form,
                     const std::string& post = "") {
  WordId id = d.vocab.Find(form);
  auto it = d.verbs_by_form.find(id);
  if (it == d.verbs_by_form.end()) return nullptr;
  std::vector<WordId> post_ids = post.empty() ? std::vector<WordId>{} : Ids(d, post);
  for (uint32_t index : it->second) {
    const Verb& v = d.verbs[index];
    if (v.pre_words.empty() && v.post_words == post_ids) return &v;
  }
  return nullptr;
}

std::string Render(const Dictionaries& d, const std::vector<PatternElement>& side) {
  std::string out;
  for (const PatternElement& e : side) {
    if (!out.empty()) out += ' ';
    auto words = [&] {
      std::string w;
      for (WordId id : e.words) w += (w.empty() ? "" : " ") + d.vocab.Word(id);
      return w;
    };
    switch (e.kind) {
      case PatternElement::Kind::kWord: out += words(); break;
      case PatternElement::Kind::kPhrase: out += "{" + words() + "}"; break;
      case PatternElement::Kind::kPrepOpen: out += "(" + words(); break;
      case PatternElement::Kind::kPrepClose: out += ")"; break;
      case PatternElement::Kind::kSource: out += "$"; break;
      case PatternElement::Kind::kTarget: out += "+"; break;
      case PatternElement::Kind::kSkip: out += "^"; break;
      case PatternElement::Kind::kCompound: out += "%"; break;
    }
  }
  // "( ON RESOLUTION )" reads better as "(ON RESOLUTION)".
  std::string tidy;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ' ' && i + 1 < out.size() && out[i + 1] == ')') continue;
    tidy += out[i];
  }
  return tidy;
}

std::string Render(const Dictionaries& d, const Pattern& p) {
  std::string pre = Render(d, p.pre), post = Render(d, p.post);
  return (pre.empty() ? "" : pre + " ") + "*" + (post.empty() ? "" : " " + post);
}

const Pattern* FindPattern(const Dictionaries& d, const VerbBlock& block, const std::string& text) {
  for (const Pattern& p : block.patterns) {
    if (Render(d, p) == text) return &p;
  }
  return nullptr;
}

size_t PatternCount(const Dictionaries& d) {
  size_t n = 0;
  for (const VerbBlock& b : d.verb_blocks) n += b.patterns.size();
  return n;
}

void PrintSummary(const char* name, const Dictionaries& d, const std::vector<std::string>& warnings) {
  std::printf("%s: %zu actors, %zu agents, %zu blocks, %zu verbs, %zu patterns, %zu "
              "transformations, %zu discards, %zu issues, %zu words, %zu warnings\n",
              name, d.actors.size(), d.agents.size(), d.verb_blocks.size(), d.verbs.size(),
              PatternCount(d), d.transformations.size(), d.discards.size(), d.issues.size(),
              d.vocab.size(), warnings.size());
  for (const std::string& w : warnings) std::printf("  warning: %s\n", w.c_str());
}

// ---------------------------------------------------------------- validation dictionaries

class ValidationDictionaries : public ::testing::Test {
 protected:
  void SetUp() override { ANNALIST_REQUIRE_SHARED(); }
  static void SetUpTestSuite() {
    if (!::annalist::testing::HaveShared()) return;
    auto result = LoadPetrarch(ValidationFiles(), &warnings_);
    ASSERT_TRUE(result.ok()) << result.status().message();
    dict_ = *result;
    PrintSummary("validation", *dict_, warnings_);
  }
  static std::shared_ptr<const Dictionaries> dict_;
  static std::vector<std::string> warnings_;
};
std::shared_ptr<const Dictionaries> ValidationDictionaries::dict_;
std::vector<std::string> ValidationDictionaries::warnings_;

TEST_F(ValidationDictionaries, Counts) {
  const Dictionaries& d = *dict_;
  EXPECT_EQ(d.files.size(), 4u);
  EXPECT_GT(d.actors.size(), 120u);
  EXPECT_GT(d.agents.size(), 80u);
  EXPECT_GT(d.verb_blocks.size(), 60u);
  EXPECT_GT(d.verbs.size(), 300u);
  EXPECT_GT(PatternCount(d), 400u);
  EXPECT_EQ(d.transformations.size(), 0u);
  EXPECT_EQ(d.discards.size(), 9u);
  EXPECT_LE(warnings_.size(), 12u);
}

TEST_F(ValidationDictionaries, SayBelongsToExplainVerbal) {
  const Dictionaries& d = *dict_;
  for (const char* form : {"SAY", "SAID", "SAYS", "SAYING"}) {
    const Verb* v = FindVerb(d, form);
    ASSERT_NE(v, nullptr) << form;
    EXPECT_EQ(d.verb_blocks[v->block].name, "EXPLAIN_VERBAL") << form;
    EXPECT_EQ(v->code, "010");
    EXPECT_EQ(d.vocab.Word(v->base), "SAY");
  }
  // SIGNAL is INDICATE's, SIGNALED (a generated form) belongs to the later SIGNAL block.
  EXPECT_EQ(d.verb_blocks[FindVerb(d, "SIGNAL")->block].name, "INDICATE");
  EXPECT_EQ(d.verb_blocks[FindVerb(d, "SIGNALED")->block].name, "SIGNAL");
  // REPORT [---] and COMMUNICATE [040] have their own codes.
  EXPECT_EQ(FindVerb(d, "REPORTED")->code, "---");
  EXPECT_EQ(FindVerb(d, "COMMUNICATES")->code, "040");
  EXPECT_EQ(d.Describe(FindVerb(d, "SAID")->ref), "PETR_Validate_verbs_2_02.txt:621");
}

TEST_F(ValidationDictionaries, MultiWordVerbs) {
  const Dictionaries& d = *dict_;
  const Verb* v = FindVerb(d, "BROKEN", "DOWN");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(d.verb_blocks[v->block].name, "BREAK");
  EXPECT_EQ(v->code, "120");
  EXPECT_EQ(d.vocab.Word(v->base), "BREAK");
  // Multi-word entries come first in verbs_by_form.
  const std::vector<uint32_t>& broken = d.verbs_by_form.at(d.vocab.Find("BROKEN"));
  ASSERT_EQ(broken.size(), 2u);
  EXPECT_EQ(d.verbs[broken[0]].post_words.size(), 1u);
  EXPECT_TRUE(d.verbs[broken[1]].post_words.empty());
  // WIRE_+TAP: pre word WIRE, head TAPPED.
  const std::vector<uint32_t>& tapped = d.verbs_by_form.at(d.vocab.Find("TAPPED"));
  EXPECT_EQ(d.vocab.Word(d.verbs[tapped[0]].pre_words.at(0)), "WIRE");
  // +CORDON_OFF with braces: CORDONED OFF in EXCLUDE.
  EXPECT_EQ(d.verb_blocks[FindVerb(d, "CORDONED", "OFF")->block].name, "EXCLUDE");
}

TEST_F(ValidationDictionaries, VerbCodesAndRegularForms) {
  const Dictionaries& d = *dict_;
  const Verb* downplay = FindVerb(d, "DOWNPLAY");
  ASSERT_NE(downplay, nullptr);
  EXPECT_EQ(d.verb_blocks[downplay->block].name, "DELAY");
  EXPECT_EQ(downplay->code, "014");
  EXPECT_EQ(FindVerb(d, "POSTPONED")->code, "120");
  EXPECT_NE(FindVerb(d, "DEPARTS"), nullptr);
  EXPECT_EQ(FindVerb(d, "DEPARTX"), nullptr);
  EXPECT_NE(FindVerb(d, "ARRIVING"), nullptr);
  EXPECT_EQ(FindVerb(d, "HELD")->code, "---");
  const Verb* left = FindVerb(d, "LEFT");
  EXPECT_EQ(left->code, "042");
  EXPECT_EQ(left->paired_code, "043");
  // The stray "* (TO QUESTION) [110]" line in BEGIN makes no verb.
  EXPECT_EQ(d.vocab.Find("(TO"), kNoWord);
}

TEST_F(ValidationDictionaries, PairedCodes) {
  const Dictionaries& d = *dict_;
  const VerbBlock* meet = FindBlock(d, "MEET");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->code, "040");
  EXPECT_EQ(meet->paired_code, "040");
  const VerbBlock* host = FindBlock(d, "HOST");
  EXPECT_EQ(host->code, "043");
  EXPECT_EQ(host->paired_code, "042");
  const Pattern* p = FindPattern(d, *host, "* SUMMIT (WITH)");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->code, "036");
  EXPECT_EQ(p->paired_code, "036");
}

TEST_F(ValidationDictionaries, SynsetExpansion) {
  const Dictionaries& d = *dict_;
  const VerbBlock* abandon = FindBlock(d, "ABANDON");
  ASSERT_NE(abandon, nullptr);
  const Pattern* p = FindPattern(d, *abandon, "* {ECONOMIC TIES}");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->code, "080");
  EXPECT_NE(FindPattern(d, *abandon, "* {NEW CULTURAL RELATIONS}"), nullptr);
  // &CURRENCY inside CONTRIBUTE: plain and plural members; KRONE_ has no plural.
  const VerbBlock* contribute = FindBlock(d, "CONTRIBUTE");
  EXPECT_NE(FindPattern(d, *contribute, "* DOLLAR"), nullptr);
  EXPECT_NE(FindPattern(d, *contribute, "* DOLLARS"), nullptr);
  EXPECT_NE(FindPattern(d, *contribute, "* KRONE"), nullptr);
  EXPECT_EQ(FindPattern(d, *contribute, "* KRONES"), nullptr);
  EXPECT_NE(FindPattern(d, *contribute, "* {GOLDEN GOBLIN GALLEONS}"), nullptr);
  const Pattern* gold = FindPattern(d, *contribute, "* {AUSTRIAN GOLD FLORIN}");
  ASSERT_NE(gold, nullptr);
  EXPECT_EQ(gold->code, "190");
  // Nested synset (&ACCORDSYN contains &TIETYPES and &CURRENCY) is not used in a pattern
  // here; &TREATY's braced member inside braces is flattened.
  const VerbBlock* allow = FindBlock(d, "ALLOW");
  EXPECT_NE(FindPattern(d, *allow, "* {FREE-TRADE WRITTEN AGREEMENT}"), nullptr);
  // Undefined &PKO stays literal.
  EXPECT_NE(FindPattern(d, *allow, "* &PKO"), nullptr);
  // &TESTSYN4 members are PPs: no broken plural, no empty catch-all pattern.
  const VerbBlock* vow = FindBlock(d, "VOW");
  EXPECT_NE(FindPattern(d, *vow, "* (TO THE DEATH)"), nullptr);
  EXPECT_EQ(FindPattern(d, *vow, "*"), nullptr);
}

TEST_F(ValidationDictionaries, PatternStructure) {
  const Dictionaries& d = *dict_;
  const VerbBlock* condemn = FindBlock(d, "CONDEMN");
  const Pattern* p = FindPattern(d, *condemn, "* ATTACK (BY)");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->post.size(), 3u);
  EXPECT_EQ(p->post[0].kind, PatternElement::Kind::kWord);
  EXPECT_EQ(p->post[1].kind, PatternElement::Kind::kPrepOpen);
  EXPECT_EQ(p->post[2].kind, PatternElement::Kind::kPrepClose);
  EXPECT_EQ(d.Describe(p->ref), "PETR_Validate_verbs_2_02.txt:551");
  const VerbBlock* celebrate = FindBlock(d, "CELEBRATE");
  EXPECT_NE(FindPattern(d, *celebrate, "* EID (AT ^) (WITH +)"), nullptr);
  EXPECT_NE(FindPattern(d, *celebrate, "* {MAY DAY} $"), nullptr);
  EXPECT_NE(FindPattern(d, *FindBlock(d, "AGREE"), "% *"), nullptr);
  // {REAL_PLEASANT}: '_' splits into consecutive words.
  EXPECT_NE(FindPattern(d, *FindBlock(d, "ALLOW"), "* {REAL PLEASANT}"), nullptr);
  // LAUNCH * ATTACK [173] then [190]: the last one wins.
  const Pattern* attack = FindPattern(d, *FindBlock(d, "LAUNCH"), "* ATTACK");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->code, "190");
  // ALLOW * &PROPOSAL [030] then [051].
  EXPECT_EQ(FindPattern(d, *FindBlock(d, "ALLOW"), "* PROPOSAL")->code, "051");
  // The second "--- ALLOW [080] ---" header continues the first block.
  int allows = 0;
  for (const VerbBlock& b : d.verb_blocks) allows += b.name == "ALLOW";
  EXPECT_EQ(allows, 1);
  EXPECT_EQ(d.verb_blocks[FindVerb(d, "RATIFIED")->block].name, "ALLOW");
  // [---] and lower-case/odd codes are kept as written.
  EXPECT_EQ(FindPattern(d, *FindBlock(d, "RECEIVE"), "* CARD")->code, "---");
  EXPECT_EQ(FindPattern(d, *FindBlock(d, "URGE"), "* (TO FREEZE) {SETTLEMENT ACTIVITY}")->code,
            "102b");
  EXPECT_EQ(FindPattern(d, *FindBlock(d, "RESTORE"), "* DIPLXMATIC")->code, "###");
}

TEST_F(ValidationDictionaries, Actors) {
  const Dictionaries& d = *dict_;
  const Actor* sam = FindActor(d, "SAM GAMGEE");
  ASSERT_NE(sam, nullptr);
  EXPECT_EQ(sam->name, "SAM_GAMGEE");
  EXPECT_EQ(sam->CodeFor(20100106), "HOBMIL");  // DATE-08
  EXPECT_EQ(sam->CodeFor(20100110), "ORCHOB");
  EXPECT_EQ(sam->CodeFor(20000101), "HOBCIV");
  EXPECT_EQ(sam->CodeFor(20121109), "HOBMIL");  // first that holds (inclusive bounds)
  EXPECT_EQ(sam->CodeFor(20121110), "HOBGOV");
  EXPECT_EQ(sam->CodeFor(20140101), "HOBELI");
  const Actor* smeagol = FindActor(d, "SMEAGOL");
  ASSERT_NE(smeagol, nullptr);
  EXPECT_EQ(smeagol->name, "GOLLUM");
  EXPECT_EQ(smeagol->CodeFor(19951101), "HOBGOV");  // DATE-14
  EXPECT_EQ(smeagol->CodeFor(19940101), "HOB");
  EXPECT_EQ(smeagol->CodeFor(20000101), "HOBREB");
  EXPECT_EQ(FindActor(d, "ONODOHER")->CodeFor(19950101), "");
  EXPECT_EQ(FindActor(d, "ONODOHER")->CodeFor(19900101), "ONO");
  EXPECT_EQ(FindActor(d, "PRINCE OF DOL AMROTH")->CodeFor(19990101), "DOL");
  EXPECT_EQ(FindActor(d, "ZIMBABWE")->CodeFor(19700101), "RHO");
  EXPECT_EQ(FindActor(d, "ENT")->CodeFor(19700101), "ENT");
  EXPECT_EQ(FindActor(d, "INTERPOL")->CodeFor(19700101), "IGOCOPITP");
  // THE_AU matches THE AU, not THE AUSTRALIAN; AUSTRALIAN alone is AUS.
  EXPECT_EQ(FindActor(d, "THE AU")->CodeFor(20000101), "IGOAFR");
  EXPECT_EQ(FindActor(d, "THE AUSTRALIAN"), nullptr);
  EXPECT_EQ(FindActor(d, "AUSTRALIAN")->CodeFor(20000101), "AUS");
  EXPECT_EQ(FindActor(d, "K.U.")->CodeFor(20000101), "USAEDU");
  EXPECT_EQ(FindActor(d, "ARNOR")->CodeFor(20000101), "ARN");
  EXPECT_EQ(FindActor(d, "THE SHIRE")->CodeFor(20000101), "FRO/BIL/SAM");
  EXPECT_EQ(FindActor(d, "ISILDUR")->CodeFor(20000101), "+++");
  // PALESTINIAN [pse] first, then +PALESTINIAN of PALESTINE [PAL]: both kept, file order.
  const std::vector<uint32_t>* pal = Exact(d, d.actor_trie, "PALESTINIAN");
  ASSERT_NE(pal, nullptr);
  ASSERT_EQ(pal->size(), 2u);
  EXPECT_EQ(d.actors[(*pal)[0]].CodeFor(20000101), "pse");
  EXPECT_EQ(d.actors[(*pal)[1]].CodeFor(20000101), "PAL");
  // The last record of the file is kept (P2 drops it).
  ASSERT_NE(FindActor(d, "MCGONAGALL"), nullptr);
  EXPECT_EQ(FindActor(d, "MCGONAGALL")->CodeFor(20000101), "GRYGOV");
  EXPECT_EQ(FindActor(d, "HAMAS WING")->CodeFor(20000101), "PSEHMSBRD");
}

TEST_F(ValidationDictionaries, Agents) {
  const Dictionaries& d = *dict_;
  EXPECT_EQ(FindAgent(d, "POLICE")->code, "COP");
  EXPECT_EQ(FindAgent(d, "POLICES"), nullptr);  // POLICE {} (AGENT-22)
  EXPECT_EQ(FindAgent(d, "CONGRESSES")->code, "LEG");  // AGENT-12: not P2's ~GOV
  EXPECT_EQ(FindAgent(d, "CONGRESSWOMEN")->code, "LEG");
  EXPECT_EQ(FindAgent(d, "CONGRESS!PERSON!"), nullptr);
  EXPECT_EQ(FindAgent(d, "MINISTRIES OF SILLY WALKS")->code, "GOV");
  EXPECT_EQ(FindAgent(d, "GOLDEN GEESE")->code, "GGS");
  EXPECT_EQ(FindAgent(d, "GOLDEN GOOSES"), nullptr);
  EXPECT_EQ(FindAgent(d, "ATTORNEYS GENERAL")->code, "GOV");
  EXPECT_EQ(FindAgent(d, "FOREIGN MINISTERS")->code, "GOVFRM");
  EXPECT_EQ(FindAgent(d, "AUTHORITIES")->code, "GOV");
  EXPECT_EQ(FindAgent(d, "STUDENTS")->code, "EDU");
  const Agent* ngo = FindAgent(d, "HUMAN RIGHTS ORGANIZATION");
  ASSERT_NE(ngo, nullptr);
  EXPECT_TRUE(ngo->prefix);
  EXPECT_EQ(ngo->code, "NGO");
  EXPECT_TRUE(FindAgent(d, "MSF")->prefix);
  EXPECT_FALSE(FindAgent(d, "GOVERNMENT")->prefix);
  EXPECT_EQ(FindAgent(d, "SECURITY SERVICE")->code, "GOV");
}

TEST_F(ValidationDictionaries, Discards) {
  const Dictionaries& d = *dict_;
  const std::vector<uint32_t>* v = Exact(d, d.discard_trie, "BASEBALL");
  ASSERT_NE(v, nullptr);
  EXPECT_FALSE(d.discards[v->front()].story);
  v = Exact(d, d.discard_trie, "MANCHESTER UNITED");
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(d.discards[v->front()].story);
  EXPECT_NE(Exact(d, d.discard_trie, "AFRICAN NATIONS CUP"), nullptr);
}

// ---------------------------------------------------------------- Phoenix dictionaries

TEST(PhoenixDictionaries, LoadsAndTimes) {
  ANNALIST_REQUIRE_SHARED();
  std::vector<std::string> warnings;
  auto start = std::chrono::steady_clock::now();
  auto dict = Load(PhoenixFiles(), &warnings);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_NE(dict, nullptr);
  std::printf("Phoenix load time: %.3f s\n", seconds);
  PrintSummary("phoenix", *dict, warnings);
  const Dictionaries& d = *dict;
  EXPECT_EQ(d.transformations.size(), 8u);
  EXPECT_GT(d.actors.size(), 10000u);
  EXPECT_GT(d.agents.size(), 1000u);
  EXPECT_GT(d.verb_blocks.size(), 300u);
  EXPECT_GT(d.verbs.size(), 5000u);
  EXPECT_GT(PatternCount(d), 10000u);
  EXPECT_GT(d.issues.size(), 1000u);
  EXPECT_LE(warnings.size(), 60u);

  const Transformation& t = d.transformations[2];  // ~ a (b . ATTACK) SAY = a b 112
  EXPECT_EQ(t.outer_source, "a");
  EXPECT_EQ(t.inner_source, "b");
  EXPECT_EQ(t.inner_target, ".");
  EXPECT_EQ(t.inner_verbs, std::vector<std::string>{"ATTACK"});
  EXPECT_EQ(t.outer_verbs, std::vector<std::string>{"SAY"});
  EXPECT_EQ(t.result_code, "112");
  EXPECT_EQ(d.transformations[4].result_code, "Q");
  EXPECT_EQ(d.transformations[5].inner_source, "_");

  const Actor* karzai = FindActor(d, "HAMID KARZAI");
  ASSERT_NE(karzai, nullptr);
  EXPECT_FALSE(karzai->CodeFor(20100101).empty());
  EXPECT_EQ(FindActor(d, "AFGHANISTAN")->CodeFor(20100101), "AFG");
  EXPECT_EQ(FindAgent(d, "CONGRESSMEN")->code, "LEG");
  EXPECT_EQ(FindAgent(d, "THIEVES")->code, "CRM");
  EXPECT_EQ(FindAgent(d, "DEPARMENT OF ENVIRONMENT")->code, "ENV");  // "[~ENV}"

  const std::vector<uint32_t>* school = Exact(d, d.issue_trie, "PRE-SCHOOLS");
  ASSERT_NE(school, nullptr);
  EXPECT_EQ(d.issues[school->front()].code, "EARLY_CHILDHOOD_EDUCATION");
  EXPECT_NE(Exact(d, d.issue_trie, "PRE SCHOOL"), nullptr);
  EXPECT_EQ(d.issues[Exact(d, d.issue_trie, "TEACHERS")->front()].code, "TEACHERS");
  EXPECT_TRUE(d.issues[Exact(d, d.issue_trie, "OLIVE OIL")->front()].ignore);
  // Two entries glued on one line are both read.
  EXPECT_NE(Exact(d, d.issue_trie, "INTIMIDATION OF THE MEDIA"), nullptr);

  const Verb* broke = FindVerb(d, "BROKE", "DOWN");
  ASSERT_NE(broke, nullptr);
  EXPECT_NE(d.vocab.Find("DIPLOMATIC"), kNoWord);
}

// ---------------------------------------------------------------- inline corner cases

TEST(PetrarchReader, LineHandlingAndComments) {
  DictionaryFiles f;
  f.actors = {TempFile("actors.txt",
                       "<!-- one-line comment -->\n"
                       "<!-- start\n"
                       "NOT_AN_ACTOR [XXX]\n"
                       "end --> DROPPED_TOO [YYY]\n"
                       "\n"
                       "   # indented comment\n"
                       "ALPHA [AAA]#glued comment\n"
                       "BETA <!-- inline --> GAMMA [BBB]\n"
                       "DELTA [DDD] <!-- unterminated\n"
                       "NOT_EITHER [ZZZ]\n"
                       "-->\n"
                       "EPSILON\r\n"
                       "\t[EEE]\r\n")};
  std::vector<std::string> warnings;
  auto d = Load(f, &warnings);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  EXPECT_EQ(FindActor(*d, "NOT AN ACTOR"), nullptr);
  EXPECT_EQ(FindActor(*d, "DROPPED TOO"), nullptr);
  EXPECT_EQ(FindActor(*d, "NOT EITHER"), nullptr);
  EXPECT_EQ(FindActor(*d, "ALPHA")->CodeFor(0), "AAA");
  EXPECT_EQ(FindActor(*d, "BETA GAMMA")->CodeFor(0), "BBB");
  EXPECT_EQ(FindActor(*d, "DELTA")->CodeFor(0), "DDD");
  EXPECT_EQ(FindActor(*d, "EPSILON")->CodeFor(0), "EEE");
  std::string where = d->Describe(FindActor(*d, "EPSILON")->ref);
  EXPECT_EQ(where.substr(where.find(':')), ":12") << where;
}

TEST(PetrarchReader, ActorDatesAndAccumulation) {
  DictionaryFiles f;
  f.actors = {TempFile("a1.txt",
                       "FOO_BAR_ [FBR]\n"
                       "+fb_\n"
                       "\t[FBRGOV 950101-051231]\n"
                       "\t[FBRELI <19900101]\n"
                       "\t[FBRREB>250101]\n"
                       "SHARED [S1]\n"),
              TempFile("a2.txt", "OTHER [O1]\n+SHARED\n")};
  std::vector<std::string> warnings;
  auto d = Load(f, &warnings);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(warnings.empty());
  const Actor* fb = FindActor(*d, "FB");
  ASSERT_NE(fb, nullptr);
  EXPECT_EQ(fb->CodeFor(19950101), "FBRGOV");
  EXPECT_EQ(fb->CodeFor(20051231), "FBRGOV");  // inclusive
  EXPECT_EQ(fb->CodeFor(20060101), "FBR");
  EXPECT_EQ(fb->CodeFor(19891231), "FBRELI");
  EXPECT_EQ(fb->CodeFor(20250101), "FBRREB");  // 25 -> 2025
  EXPECT_EQ(fb->restricted[2].date1, 20250101);
  ASSERT_EQ(fb->restricted.size(), 3u);
  EXPECT_EQ(fb->restricted[0].date1, 19950101);
  EXPECT_EQ(fb->restricted[0].date2, 20051231);
  const std::vector<uint32_t>* shared = Exact(*d, d->actor_trie, "SHARED");
  ASSERT_EQ(shared->size(), 2u);
  EXPECT_EQ(d->actors[(*shared)[0]].CodeFor(0), "S1");
  std::string where = d->Describe(d->actors[(*shared)[1]].ref);
  EXPECT_NE(where.find("a2.txt:1"), std::string::npos) << where;
}

TEST(PetrarchReader, VerbCornerCases) {
  DictionaryFiles f;
  f.verbs = {TempFile("verbs.txt",
                      "&COLOR\n+RED\n+DARK_BLUE\n+LIGHT GREEN\n+GREY_\n&SHADE\n+&COLOR\n+PALE\n"
                      "####### VERB PATTERNS #######\n"
                      "--- PAINT [070:071] ---\n"
                      "PAINT\n"
                      "+TOUCH_UP\n"
                      "WHITE_+WASH {WHITE_+WASHES , WHITE_+WASHED}\n"
                      "DRY [---]\n"
                      "- * &SHADE [071]\n"
                      "- * {&COLOR WALL} [072]\n"
                      "- $ (WITH {BIG BRUSH}) * + HOUSE_FRONT [073:074]\n"
                      "- * DOOR [075]\n"
                      "- * DOOR [076]\n"
                      "--- RECOLOR [080] ---\n"
                      "PAINT\n"
                      "PAINTED\n"
                      "RECOLOR\n"
                      "~ a (a b PAINT_DRY) RECOLOR = a b 080\n")};
  std::vector<std::string> warnings;
  auto d = Load(f, &warnings);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  const VerbBlock* paint = FindBlock(*d, "PAINT");
  ASSERT_NE(paint, nullptr);
  EXPECT_EQ(paint->code, "070");
  EXPECT_EQ(paint->paired_code, "071");
  for (const char* p : {"* RED", "* REDS", "* {DARK BLUE}", "* {LIGHT GREEN}", "* {LIGHT GREENS}",
                        "* GREY", "* PALE", "* PALES", "* {RED WALL}", "* {DARK BLUE WALL}",
                        "* {GREY WALL}"}) {
    EXPECT_NE(FindPattern(*d, *paint, p), nullptr) << p;
  }
  EXPECT_EQ(FindPattern(*d, *paint, "* GREYS"), nullptr);
  EXPECT_EQ(FindPattern(*d, *paint, "* {DARK BLUES}"), nullptr);
  const Pattern* brush = FindPattern(*d, *paint, "$ (WITH {BIG BRUSH}) * + {HOUSE FRONT}");
  ASSERT_NE(brush, nullptr);
  EXPECT_EQ(brush->code, "073");
  EXPECT_EQ(brush->paired_code, "074");
  EXPECT_EQ(FindPattern(*d, *paint, "* DOOR")->code, "076");
  // Regular forms and multi-word verbs.
  for (const char* form : {"PAINTS", "PAINTED", "PAINTING", "DRIES", "DRIED", "DRYING"}) {
    ASSERT_NE(FindVerb(*d, form), nullptr) << form;
    EXPECT_EQ(FindVerb(*d, form)->block, 0u) << form;  // first definition wins
  }
  EXPECT_EQ(FindVerb(*d, "DRIED")->code, "---");
  EXPECT_EQ(FindVerb(*d, "PAINTS")->paired_code, "071");
  EXPECT_NE(FindVerb(*d, "TOUCHED", "UP"), nullptr);
  EXPECT_NE(FindVerb(*d, "TOUCHES", "UP"), nullptr);
  const std::vector<uint32_t>& washed = d->verbs_by_form.at(d->vocab.Find("WASHED"));
  EXPECT_EQ(d->vocab.Word(d->verbs[washed[0]].pre_words.at(0)), "WHITE");
  EXPECT_EQ(FindVerb(*d, "RECOLORED")->block, 1u);
  ASSERT_EQ(d->transformations.size(), 1u);
  EXPECT_EQ(d->transformations[0].inner_verbs, (std::vector<std::string>{"PAINT", "DRY"}));
  EXPECT_EQ(d->transformations[0].outer_verbs, std::vector<std::string>{"RECOLOR"});
}

TEST(PetrarchReader, AgentsInline) {
  DictionaryFiles f;
  f.agents = {TempFile("agents.txt",
                       "!X! = A, B\n"
                       "BOY [~KID]\n"
                       "LADY [~LDY]\n"
                       "BOSS [~BSS]\n"
                       "CHURCH [~REL]\n"
                       "SHEEP {} [~AGR]\n"
                       "MOUSE {MICE} [~PST]\n"
                       "NO_BRACKET_LINE\n"
                       "FOO!X!_BAR [ BUS~ ]\n")};
  std::vector<std::string> warnings;
  auto d = Load(f, &warnings);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(FindAgent(*d, "BOYS")->code, "KID");
  EXPECT_EQ(FindAgent(*d, "LADIES")->code, "LDY");
  EXPECT_EQ(FindAgent(*d, "BOSSES")->code, "BSS");
  EXPECT_EQ(FindAgent(*d, "CHURCHES")->code, "REL");
  EXPECT_EQ(FindAgent(*d, "SHEEPS"), nullptr);
  EXPECT_EQ(FindAgent(*d, "MICE")->code, "PST");
  EXPECT_EQ(FindAgent(*d, "MOUSES"), nullptr);
  EXPECT_EQ(FindAgent(*d, "NO BRACKET LINE"), nullptr);
  EXPECT_TRUE(FindAgent(*d, "FOOA BAR")->prefix);
  EXPECT_EQ(FindAgent(*d, "FOOB BAR")->code, "BUS");
  EXPECT_EQ(FindAgent(*d, "FOOB BARS"), nullptr);
}

bool HasWarning(const std::vector<std::string>& warnings, const std::string& prefix,
                const std::string& text) {
  for (const std::string& w : warnings) {
    if (w.find(prefix) != std::string::npos && w.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(PetrarchReader, MalformedLinesWarnWithFileAndLine) {
  DictionaryFiles f;
  f.verbs = {TempFile("bad_verbs.txt",
                      "- * ORPHAN [010]\n"                // 1 pattern before any block
                      "--- NOCODE ---\n"                   // 2 header without code
                      "NOCODE\n"                           // 3
                      "- * WORD [010\n"                    // 4 missing ']'
                      "- WORD [010]\n"                     // 5 no '*'
                      "- * (WITH [010]\n"                  // 6 missing ')'
                      "- * {OPEN [010]\n"                  // 7 missing '}'
                      "* (TO QUESTION) [110]\n"            // 8 not a verb
                      "VERB {FORMS\n"                      // 9 missing '}'
                      "~ a b c\n"                          // 10 bad transformation
                      "- * ) [010]\n"                      // 11 unbalanced ')'
                      "- * &NOPE [010]\n"                  // 12 undefined synset
                      "- * * [010]\n")};                   // 13 two stars
  f.actors = {TempFile("bad_actors.txt",
                       "\t[ORPHAN]\n"             // 1 code line before any actor
                       "+ORPHAN\n"                // 2 synonym before any actor
                       "FOO [FOO\n"               // 3 missing ']'
                       "BAR [BAR 2001-02]\n"      // 4 bad date
                       "BAZ [BAZ <99999999]\n"    // 5 bad date
                       "QUX [ <950101]\n"         // 6 no code
                       "<!-- never closed\n"
                       "LOST [LOST]\n")};
  f.agents = {TempFile("bad_agents.txt", "COP [COP]\nX!NOPE! [~X]\nY {Z [~Y]\n")};
  std::vector<std::string> warnings;
  auto d = Load(f, &warnings);
  ASSERT_NE(d, nullptr);
  for (const std::string& w : warnings) std::printf("  %s\n", w.c_str());
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:1:", "before any block"));
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:2:", "without [code]"));
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:4:", "missing ']'"));
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:5:", "no '*'"));
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:6:", "missing ')'"));
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:7:", "missing '}'"));
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:8:", "not a verb"));
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:9:", "missing '}'"));
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:10:", "transformation"));
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:11:", "unbalanced ')'"));
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:12:", "undefined synset &NOPE"));
  EXPECT_TRUE(HasWarning(warnings, "bad_verbs.txt:13:", "more than one '*'"));
  EXPECT_TRUE(HasWarning(warnings, "bad_actors.txt:1:", "before any actor"));
  EXPECT_TRUE(HasWarning(warnings, "bad_actors.txt:2:", "before any actor"));
  EXPECT_TRUE(HasWarning(warnings, "bad_actors.txt:3:", "missing ']'"));
  EXPECT_TRUE(HasWarning(warnings, "bad_actors.txt:4:", "bad date"));
  EXPECT_TRUE(HasWarning(warnings, "bad_actors.txt:5:", "bad date"));
  EXPECT_TRUE(HasWarning(warnings, "bad_actors.txt:6:", "code missing"));
  EXPECT_TRUE(HasWarning(warnings, "bad_agents.txt:1:", "no '~'"));
  EXPECT_TRUE(HasWarning(warnings, "bad_agents.txt:2:", "undefined substitution set"));
  EXPECT_TRUE(HasWarning(warnings, "bad_agents.txt:3:", "missing '}'"));
  EXPECT_EQ(FindActor(*d, "LOST"), nullptr);
  // The block without a code still collects its verb, with the null code.
  EXPECT_EQ(FindVerb(*d, "NOCODE")->code, "---");
}

TEST(PetrarchReader, MissingFileFails) {
  DictionaryFiles f;
  f.actors = {"/nonexistent/actors.txt"};
  auto result = LoadPetrarch(f, nullptr);
  EXPECT_FALSE(result.ok());
}

TEST(PetrarchReader, RandomBytesDoNotCrash) {
  std::mt19937 rng(12345);
  const std::string alphabet = "ABCXYZ_+-*&$^%~!=#<>[]{}() \t\n\r0123456789:;,.";
  for (int round = 0; round < 60; ++round) {
    std::string junk;
    size_t length = 200 + rng() % 3000;
    for (size_t i = 0; i < length; ++i) {
      junk += (round % 3 == 0) ? static_cast<char>(rng() & 0xff) : alphabet[rng() % alphabet.size()];
    }
    if (round % 2 == 1) junk = "&S\n+A\n####### VERB PATTERNS #######\n--- B [010] ---\n" + junk;
    std::string path = TempFile("junk.txt", junk);
    DictionaryFiles f;
    f.verbs = f.actors = f.agents = f.discards = f.issues = {path};
    std::vector<std::string> warnings;
    auto result = LoadPetrarch(f, &warnings);
    ASSERT_TRUE(result.ok());
    for (const std::string& w : warnings) {
      ASSERT_EQ(w.rfind("petrarch_", 0), 0u) << w;  // every warning names the file
      ASSERT_NE(w.find(':'), std::string::npos);
    }
    std::remove(path.c_str());
  }
}

}  // namespace
}  // namespace annalist::dict
