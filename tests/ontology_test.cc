#include "annotate/ontology.h"

#include <gtest/gtest.h>

namespace annalist {
namespace {

Event Annotated(const std::string& code) {
  Event event;
  event.code = code;
  Annotate(&event);
  return event;
}

TEST(Ontology, LookupKnownCodes) {
  const CameoCode* accuse = LookupCameo("112");
  ASSERT_NE(accuse, nullptr);
  EXPECT_EQ(accuse->root, "11");
  EXPECT_EQ(accuse->quad_class, 3);
  EXPECT_DOUBLE_EQ(accuse->goldstein, -2.0);
  EXPECT_EQ(accuse->plover, "ACCUSE");

  const CameoCode* truce = LookupCameo("0871");
  ASSERT_NE(truce, nullptr);
  EXPECT_EQ(truce->root, "08");
  EXPECT_EQ(truce->quad_class, 2);
  EXPECT_DOUBLE_EQ(truce->goldstein, 9.0);
  EXPECT_EQ(truce->plover, "RETREAT");
  EXPECT_EQ(truce->name, "Declare truce, ceasefire");

  EXPECT_EQ(LookupCameo("1959"), nullptr);
  EXPECT_EQ(LookupCameo("---"), nullptr);
  EXPECT_EQ(LookupCameo(""), nullptr);
  EXPECT_EQ(LookupCameo("12345"), nullptr);
}

TEST(Ontology, AnnotateKnownCodes) {
  Event visit = Annotated("042");
  EXPECT_EQ(visit.root, "04");
  EXPECT_EQ(visit.quad_class, 1);
  EXPECT_DOUBLE_EQ(visit.goldstein, 1.9);
  EXPECT_EQ(visit.plover, "CONSULT");

  Event fight = Annotated("190");
  EXPECT_EQ(fight.quad_class, 4);
  EXPECT_DOUBLE_EQ(fight.goldstein, -10.0);
  EXPECT_EQ(fight.plover, "ASSAULT");

  Event threaten = Annotated("13");
  EXPECT_EQ(threaten.quad_class, 3);
  Event aid = Annotated("07");
  EXPECT_EQ(aid.quad_class, 2);
}

TEST(Ontology, RootsOneAndTwoHaveNoPlover) {
  // PLOVER dropped CAMEO roots 01 (make statement) and 02 (appeal).
  Event statement = Annotated("010");
  EXPECT_EQ(statement.root, "01");
  EXPECT_EQ(statement.quad_class, 1);
  EXPECT_EQ(statement.plover, "");
  Event appeal = Annotated("0214");
  EXPECT_EQ(appeal.root, "02");
  EXPECT_EQ(appeal.plover, "");
  EXPECT_DOUBLE_EQ(appeal.goldstein, 3.4);
}

TEST(Ontology, UnknownCodesFallBackToNearestPrefix) {
  Event child = Annotated("1959");  // -> 195 (employ aerial weapons)
  EXPECT_EQ(child.root, "19");
  EXPECT_EQ(child.quad_class, 4);
  EXPECT_DOUBLE_EQ(child.goldstein, LookupCameo("195")->goldstein);
  EXPECT_EQ(child.plover, "ASSAULT");

  Event odd = Annotated("01x");  // -> 01
  EXPECT_EQ(odd.root, "01");
  EXPECT_EQ(odd.quad_class, 1);
  EXPECT_DOUBLE_EQ(odd.goldstein, 0.0);

  Event deep = Annotated("0879");  // -> 087
  EXPECT_EQ(deep.root, "08");
  EXPECT_EQ(deep.plover, "RETREAT");
  EXPECT_DOUBLE_EQ(deep.goldstein, 9.0);
}

TEST(Ontology, NonCodesGetNoAnnotation) {
  for (const char* code : {"---", "", "x12", "ABC", "00", "21", "9"}) {
    Event event = Annotated(code);
    EXPECT_EQ(event.root, "") << code;
    EXPECT_EQ(event.quad_class, 0) << code;
    EXPECT_EQ(event.plover, "") << code;
  }
}

TEST(Ontology, QuadClassBoundaries) {
  const int expected[21] = {0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4};
  for (int root = 1; root <= 20; ++root) {
    char code[3];
    std::snprintf(code, sizeof code, "%02d", root);
    const CameoCode* entry = LookupCameo(code);
    ASSERT_NE(entry, nullptr) << code;
    EXPECT_EQ(entry->quad_class, expected[root]) << code;
  }
}

}  // namespace
}  // namespace annalist
