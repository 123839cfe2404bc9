// The gazetteer (include/annalist/gazetteer.h): the embedded data, name lookup with context,
// the place -> country lookup other stages use, and the data format's errors.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "annalist/gazetteer.h"

namespace annalist {
namespace {

TEST(Gazetteer, BuiltinHasCountriesDivisionsAndPlaces) {
  auto gazetteer = Gazetteer::Builtin();
  ASSERT_NE(gazetteer, nullptr);
  EXPECT_GT(gazetteer->size(), 40000u);
  const Place* nigeria = gazetteer->ById("NGA");
  ASSERT_NE(nigeria, nullptr);
  EXPECT_EQ(nigeria->kind, PlaceKind::kCountry);
  EXPECT_EQ(nigeria->name, "Nigeria");
  const Place* borno = gazetteer->ById("NG-BO");
  ASSERT_NE(borno, nullptr);
  EXPECT_EQ(borno->kind, PlaceKind::kAdmin1);
  EXPECT_EQ(borno->country, "NGA");
  ASSERT_TRUE(borno->has_coordinates);
  // Borno lies in the north-east of Nigeria.
  EXPECT_GT(borno->lat, 10.0);
  EXPECT_GT(borno->lon, 11.5);
  const Place* kano = gazetteer->Find("Kano", PlaceContext{{"NGA"}, {}, false});
  ASSERT_NE(kano, nullptr);
  EXPECT_EQ(kano->kind, PlaceKind::kCity);
  EXPECT_EQ(kano->admin1, "NG-KN");
  EXPECT_NEAR(kano->lat, 12.0, 0.2);
  EXPECT_NEAR(kano->lon, 8.5, 0.2);
}

TEST(Gazetteer, ContextDecidesBetweenPlacesOfOneName) {
  auto gazetteer = Gazetteer::Builtin();
  auto candidates = gazetteer->Candidates("Tripoli");
  ASSERT_GE(candidates.size(), 2u);
  // Largest first.
  EXPECT_GE(gazetteer->place(candidates[0]).population, gazetteer->place(candidates[1]).population);
  EXPECT_EQ(gazetteer->CountryOf("Tripoli"), "LBY");
  EXPECT_EQ(gazetteer->CountryOf("Tripoli", PlaceContext{{"LBN"}, {}, false}), "LBN");
  // A town named like a country does not win without context.
  EXPECT_EQ(gazetteer->Find("Lebanon")->kind, PlaceKind::kCountry);
  // A named division narrows the place.
  const Place* in_borno = gazetteer->Find("Bama", PlaceContext{{}, "NG-BO", false});
  ASSERT_NE(in_borno, nullptr);
  EXPECT_EQ(in_borno->country, "NGA");
  // "X province": the division, not the city of that name.
  const Place* province = gazetteer->Find("Kandahar", PlaceContext{{}, {}, true});
  ASSERT_NE(province, nullptr);
  EXPECT_EQ(province->kind, PlaceKind::kAdmin1);
  EXPECT_EQ(province->id, "AF-KAN");
}

TEST(Gazetteer, PlaceToCountryForActors) {
  auto gazetteer = Gazetteer::Builtin();
  EXPECT_EQ(gazetteer->CountryOf("Lagos"), "NGA");
  EXPECT_EQ(gazetteer->CountryOf("Kunar"), "AFG");
  EXPECT_EQ(gazetteer->CountryOf("Mosul"), "IRQ");
  EXPECT_EQ(gazetteer->CountryOf("Ivory Coast"), "CIV");
  EXPECT_EQ(gazetteer->CountryOf("no such place at all"), "");
}

TEST(Gazetteer, NamesIgnoreCasePunctuationAndDiacritics) {
  std::string key;
  NormalizePlaceName("Ado-Ekiti", &key);
  EXPECT_EQ(key, "ado ekiti");
  NormalizePlaceName("  São  Paulo ", &key);
  EXPECT_EQ(key, "sao paulo");
  NormalizePlaceName("Dar'a", &key);
  EXPECT_EQ(key, "dara");
  auto gazetteer = Gazetteer::Builtin();
  EXPECT_EQ(gazetteer->CountryOf("SAO PAULO"), "BRA");
  EXPECT_EQ(gazetteer->CountryOf("São Paulo"), "BRA");
}

TEST(Gazetteer, ParseErrorsNameTheLine) {
  const std::string good =
      "# comment\n"
      "country\tXXA\tXXA\t\tTestland\t1.5\t2.5\t100\tTest Land\n"
      "city\t42\tXXA\t\tTesttown\t1.0\t2.0\t50\t\n";
  auto parsed = Gazetteer::Parse(good, "g.tsv");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ((*parsed)->size(), 2u);
  EXPECT_EQ((*parsed)->CountryOf("test land"), "XXA");
  EXPECT_EQ((*parsed)->ById("42")->name, "Testtown");
  auto bad = Gazetteer::Parse(good + "city\t43\tXXA\t\tBadtown\t100.0\t2.0\t50\t\n", "g.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "g.tsv:4: bad coordinates");
  auto short_line = Gazetteer::Parse("city\t1\tXXA\n", "g.tsv");
  ASSERT_FALSE(short_line.ok());
  EXPECT_NE(short_line.status().message().find("g.tsv:1:"), std::string::npos);
}

}  // namespace
}  // namespace annalist
