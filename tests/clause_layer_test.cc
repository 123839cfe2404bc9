// The clause layer (Document::clauses and ::arguments) on hand-tagged sentences: clause
// types, tense, voice, negation, modality and argument roles, and each event's clause.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annalist/document.h"
#include "dict/petrarch_reader.h"
#include "events/coder.h"
#include "test_util.h"

namespace annalist {
namespace {

std::shared_ptr<const dict::Dictionaries> Dicts() {
  static std::shared_ptr<const dict::Dictionaries> dicts = [] {
    const std::string dir = ::annalist::testing::SharedDir() + "/reference/dictionaries/petrarch2-validation/";
    DictionaryFiles f;
    f.verbs = {dir + "PETR_Validate_verbs_2_02.txt"};
    f.actors = {dir + "PETR_Validate_actors_2_02.txt"};
    f.agents = {dir + "PETR_Validate_agents_2_02.txt"};
    std::vector<std::string> warnings;
    auto r = dict::LoadPetrarch(f, &warnings);
    return r.ok() ? *r : nullptr;
  }();
  return dicts;
}

struct Coded {
  Document doc;
  std::vector<Event> events;
  std::string Text(Span s) const { return std::string(doc.Slice(s)); }
  // "subject=Arnor object=full economic ties oblique(with)=Osgiliath" for clause i.
  std::string Arguments(size_t i) const {
    std::string out;
    const Clause& c = doc.clauses[i];
    for (uint32_t a = c.first_argument; a < c.end_argument; ++a) {
      const Argument& arg = doc.arguments[a];
      if (!out.empty()) out += ' ';
      out += std::string(ArgumentRoleName(arg.role));
      if (!arg.preposition.empty()) out += "(" + Text(arg.preposition) + ")";
      out += "=" + Text(arg.span);
    }
    return out;
  }
};

Coded Code(const std::string& tagged, const CodingRules& rules = CodingRules::Petrarch()) {
  Coded coded;
  coded.doc = testing::TaggedDocument(tagged);
  Coder coder(Dicts(), rules);
  coder.CodeDocument(&coded.doc, &coded.events);
  return coded;
}

class ClauseLayerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Dicts()) GTEST_SKIP() << "validation dictionaries not loadable (../shared/reference)";
  }
};

TEST_F(ClauseLayerTest, MainAndComplementWithTenseAndArguments) {
  Coded c = Code("Arnor/NNP said/VBD Gondor/NNP will/MD abandon/VB full/JJ economic/JJ ties/NNS with/IN "
                 "Osgiliath/NNP ./.");
  ASSERT_EQ(c.doc.clauses.size(), 2u);
  EXPECT_EQ(c.doc.clauses[0].type, ClauseType::kMain);
  EXPECT_EQ(c.doc.clauses[0].tense, Tense::kPast);
  EXPECT_EQ(c.Text(c.doc.clauses[0].verb), "said");
  EXPECT_EQ(c.doc.clauses[1].type, ClauseType::kComplement);
  EXPECT_EQ(c.doc.clauses[1].parent, 0);
  EXPECT_EQ(c.doc.clauses[1].tense, Tense::kFuture);
  EXPECT_EQ(c.doc.clauses[1].modality, VerbModality::kFuture);
  EXPECT_EQ(c.Text(c.doc.clauses[1].verb_group), "will abandon");
  EXPECT_EQ(c.Arguments(0), "subject=Arnor");
  EXPECT_EQ(c.Arguments(1), "subject=Gondor object=full economic ties oblique(with)=Osgiliath");
  // PETRARCH-2 rules fold the complement into the speaker's event: its verb is the main one.
  ASSERT_FALSE(c.events.empty());
  EXPECT_EQ(c.events[0].clause, "main");
  // Reported speech (knowledge-base rules): the complement's own event says so.
  Coded kb = Code("Arnor/NNP said/VBD Gondor/NNP will/MD abandon/VB full/JJ economic/JJ ties/NNS with/IN "
                  "Osgiliath/NNP ./.",
                  CodingRules::KnowledgeBase());
  bool complement = false;
  for (const Event& e : kb.events) complement |= e.source.code == "GON" && e.clause == "complement";
  EXPECT_TRUE(complement);
}

TEST_F(ClauseLayerTest, PassiveWithAgentAndNegation) {
  Coded c = Code("Eriador/NNP was/VBD opposed/VBN by/IN Osgiliath/NNP ./.");
  ASSERT_EQ(c.doc.clauses.size(), 1u);
  EXPECT_EQ(c.doc.clauses[0].voice, Voice::kPassive);
  EXPECT_EQ(c.Arguments(0), "subject=Eriador agent(by)=Osgiliath");
  Coded n = Code("Arnor/NNP did/VBD not/RB attack/VB Gondor/NNP ./.");
  ASSERT_EQ(n.doc.clauses.size(), 1u);
  EXPECT_TRUE(n.doc.clauses[0].negated);
  EXPECT_EQ(n.doc.clauses[0].voice, Voice::kActive);
}

TEST_F(ClauseLayerTest, ObjectControlAndSecondObject) {
  Coded c = Code("Arnor/NNP asked/VBD Gondor/NNP to/TO assist/VB Osgiliath/NNP ./.");
  ASSERT_EQ(c.doc.clauses.size(), 2u);
  EXPECT_EQ(c.doc.clauses[1].type, ClauseType::kInfinitival);
  EXPECT_EQ(c.doc.clauses[1].tense, Tense::kNone);
  EXPECT_EQ(c.Arguments(1), "controller=Gondor object=Osgiliath");
  Coded s = Code("Arnor/NNP promised/VBD to/TO assist/VB Osgiliath/NNP ./.");
  ASSERT_EQ(s.doc.clauses.size(), 2u);
  EXPECT_EQ(s.Arguments(1), "controller=Arnor object=Osgiliath");  // subject control
  Coded g = Code("Arnor/NNP gave/VBD Gondor/NNP 150/CD tanks/NNS ./.");
  ASSERT_EQ(g.doc.clauses.size(), 1u);
  EXPECT_EQ(g.Arguments(0), "subject=Arnor object=Gondor second_object=150 tanks");
}

TEST_F(ClauseLayerTest, AdverbialRelativeExistentialCoordinated) {
  Coded a = Code("Arnor/NNP attacked/VBD Gondor/NNP while/IN Osgiliath/NNP watched/VBD ./.");
  ASSERT_EQ(a.doc.clauses.size(), 2u);
  EXPECT_EQ(a.doc.clauses[1].type, ClauseType::kAdverbial);
  Coded r = Code("Arnor/NNP condemned/VBD the/DT militia/NN which/WDT attacked/VBD Gondor/NNP ./.");
  ASSERT_EQ(r.doc.clauses.size(), 2u);
  EXPECT_EQ(r.doc.clauses[1].type, ClauseType::kRelative);
  Coded x = Code("There/EX were/VBD protests/NNS in/IN Gondor/NNP ./.");
  ASSERT_EQ(x.doc.clauses.size(), 1u);
  EXPECT_EQ(x.doc.clauses[0].type, ClauseType::kExistential);
  Coded k = Code("Arnor/NNP condemned/VBD Gondor/NNP and/CC praised/VBD Osgiliath/NNP ./.");
  ASSERT_EQ(k.doc.clauses.size(), 2u);
  EXPECT_EQ(k.doc.clauses[1].type, ClauseType::kCoordinated);
  EXPECT_EQ(k.Arguments(1), "controller=Arnor object=Osgiliath");
}

// Issue 7: a relative clause's understood subject is its antecedent; the participle after
// an existential is a clause of that type; a count after a name opens the next group.
TEST_F(ClauseLayerTest, RelativeAntecedentExistentialAndCounts) {
  Coded r = Code("Arnor/NNP condemned/VBD the/DT militia/NN which/WDT attacked/VBD Gondor/NNP ./.");
  ASSERT_EQ(r.doc.clauses.size(), 2u);
  EXPECT_EQ(r.Arguments(1), "controller=the militia object=Gondor");
  Coded x = Code("There/EX were/VBD ten/CD soldiers/NNS killed/VBN by/IN Arnor/NNP ./.");
  ASSERT_EQ(x.doc.clauses.size(), 2u);
  EXPECT_EQ(x.doc.clauses[1].type, ClauseType::kExistential);
  EXPECT_EQ(x.Arguments(1), "subject=ten soldiers oblique(by)=Arnor");
  Coded g = Code("Arnor/NNP handed/VBD Gondor/NNP 20/CD million/CD euros/NNS ./.");
  ASSERT_EQ(g.doc.clauses.size(), 1u);
  EXPECT_EQ(g.Arguments(0), "subject=Arnor object=Gondor second_object=20 million euros");
}

// Issue 7: after a quantity the argument's head is the partitive's ("20 million euros of
// military assistance" is assistance), as the verb's patterns see it.
TEST_F(ClauseLayerTest, PartitiveHeadAfterAQuantity) {
  Coded g = Code("Arnor/NNP handed/VBD Gondor/NNP 20/CD million/CD euros/NNS of/IN military/JJ assistance/NN ./.");
  ASSERT_EQ(g.doc.clauses.size(), 1u);
  std::string heads;
  for (uint32_t a = g.doc.clauses[0].first_argument; a < g.doc.clauses[0].end_argument; ++a)
    heads += g.Text(g.doc.arguments[a].head) + " ";
  EXPECT_EQ(heads, "Arnor Gondor assistance ");
  Coded p = Code("Arnor/NNP handed/VBD Gondor/NNP the/DT leaders/NNS of/IN Osgiliath/NNP ./.");
  ASSERT_EQ(p.doc.clauses.size(), 1u);
  EXPECT_EQ(p.Text(p.doc.arguments[p.doc.clauses[0].first_argument + 2].head), "leaders");  // no quantity
}

// Adverbial clauses (CodingRules::code_adverbial_clauses, on with the knowledge base):
// only a subordinator that asserts its event ("while", not "if"), only with both sides
// known, and only where the governing clause gives no event of its own.
TEST_F(ClauseLayerTest, AdverbialClausesWhenAsserted) {
  CodingRules rules = CodingRules::Petrarch();
  rules.code_adverbial_clauses = true;
  auto adverbial = [&](const std::string& tagged) {
    Coded c = Code(tagged, rules);
    for (const Event& e : c.events)
      if (e.clause == "adverbial") return true;
    return false;
  };
  EXPECT_TRUE(adverbial("Arnor/NNP stayed/VBD calm/JJ while/IN Osgiliath/NNP condemned/VBD Eriador/NNP ./."));
  EXPECT_FALSE(adverbial("Arnor/NNP stayed/VBD calm/JJ if/IN Osgiliath/NNP condemned/VBD Eriador/NNP ./."));
  EXPECT_FALSE(adverbial("Arnor/NNP stayed/VBD calm/JJ while/IN Osgiliath/NNP condemned/VBD ./."));
  EXPECT_FALSE(adverbial("Arnor/NNP criticized/VBD Gondor/NNP while/IN Osgiliath/NNP condemned/VBD Eriador/NNP ./."));
}

TEST_F(ClauseLayerTest, LayerIsRebuiltPerDocument) {
  Coded c = Code("Arnor/NNP attacked/VBD Gondor/NNP ./.");
  Coder coder(Dicts(), CodingRules::Petrarch());
  std::vector<Event> events;
  coder.CodeDocument(&c.doc, &events);  // coding again replaces the layer, never appends
  EXPECT_EQ(c.doc.clauses.size(), 1u);
  EXPECT_EQ(c.doc.arguments.size(), 2u);
}

}  // namespace
}  // namespace annalist
