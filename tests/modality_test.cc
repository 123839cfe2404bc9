// Modality as the event (CodingRules::modal_events, src/events/modality.cc; issue "Real
// news"): with the built-in knowledge base a committed act is an intent or a threat, an
// act laid on another in reported speech a demand, a failed act the act negated. The
// sentences are written for this test and are in no dev set.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "test_util.h"
#include "events/rules.h"

namespace annalist {
namespace {

std::vector<Event> Code(const std::string& text) { return testing::CodeWithBuiltinKb(text, "m", 20240304); }

// The first event from `source` to `target` (country level), or none. A copy, not a
// pointer: the events are often a temporary (Between(Code(...), ...)), gone by the next
// statement (AddressSanitizer: heap-use-after-free, found by the sanitizer pass).
std::optional<Event> Between(const std::vector<Event>& events, const std::string& source, const std::string& target) {
  for (const Event& e : events)
    if (e.source.code.compare(0, 3, source) == 0 && e.target.code.compare(0, 3, target) == 0) return e;
  return std::nullopt;
}

TEST(Modality, OnlyTheBuiltInRulesCodeModality) {
  EXPECT_TRUE(CodingRules::KnowledgeBase().modal_events);
  EXPECT_FALSE(CodingRules::Petrarch().modal_events);  // its gold codes "will X" as X
}

TEST(Modality, CommittedCooperationIsAnIntent) {
  std::optional<Event> e = Between(Code("Denmark will back Iceland's application to the council."), "DNK", "ISL");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->root, "03");
  EXPECT_EQ(e->plover, "AGREE");
  EXPECT_EQ(e->modality, "intent");
  e = Between(Code("Portugal is ready to send humanitarian aid to Angola."), "PRT", "AGO");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->code, "0333");  // humanitarian aid (073) keeps its kind
}

TEST(Modality, CommittedHostileActIsAThreat) {
  std::optional<Event> e = Between(Code("Armenia said it would shell Azerbaijani positions."), "ARM", "AZE");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->code, "138");
  e = Between(Code("Hungary would impose an embargo on Serbia."), "HUN", "SRB");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->plover, "THREATEN");
  // Conditional on the other side: a threat whatever the act.
  e = Between(Code("Ghana will withdraw from the pact unless Togo reopens the border."), "GHA", "TGO");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->root, "13");
}

TEST(Modality, PossibilityIsNoCommitment) {
  for (const Event& e : Code("Hungary could impose an embargo on Serbia.")) EXPECT_NE(e.root, "13") << e.code;
}

TEST(Modality, ObligationLaidOnAnotherIsADemand) {
  std::optional<Event> e = Between(Code("Ecuador said Peru must release the detained fishermen."), "ECU", "PER");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->root, "10");
  EXPECT_EQ(e->plover, "REQUEST");
  EXPECT_FALSE(Between(Code("Ecuador said Peru must release the detained fishermen."), "PER", "").has_value());
}

TEST(Modality, FailedActIsNoAct) {
  for (const Event& e : Code("Serbia and Kosovo failed to agree on license plates.")) EXPECT_NE(e.root, "03") << e.code;
}

}  // namespace
}  // namespace annalist
