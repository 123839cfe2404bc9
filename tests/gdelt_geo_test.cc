// GDELT's ActionGeo columns (src/geo/gdelt_codes): ISO -> FIPS 10-4 country codes and GDELT
// ADM1 codes from data/geo/gdelt_codes.tsv, and the eight values written by --format gdelt.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "annalist/event_writer.h"
#include "annalist/gazetteer.h"
#include "annalist/pipeline.h"
#include "geo/gdelt_codes.h"

namespace annalist {
namespace {

TEST(GdeltCodes, CountriesAndDivisionsOfTheEmbeddedTable) {
  const GdeltCodes& codes = GdeltCodes::Builtin();
  // FIPS 10-4 differs from ISO alpha-2 for these.
  EXPECT_EQ(codes.FipsCountry("IRQ"), "IZ");
  EXPECT_EQ(codes.FipsCountry("DEU"), "GM");
  EXPECT_EQ(codes.FipsCountry("GBR"), "UK");
  EXPECT_EQ(codes.FipsCountry("NGA"), "NI");
  EXPECT_EQ(codes.FipsCountry("LBN"), "LE");
  EXPECT_EQ(codes.FipsCountry("XKX"), "KV");  // data/geo/fips_overrides.txt
  EXPECT_EQ(codes.FipsCountry("SRB"), "RI");
  // Palestine: by division (Gaza Strip GZ, West Bank WE), none for the country as a whole.
  EXPECT_EQ(codes.FipsCountry("PSE", "PS-GZA"), "GZ");
  EXPECT_EQ(codes.FipsCountry("PSE", "PS-RBH"), "WE");
  EXPECT_EQ(codes.FipsCountry("PSE"), "");
  EXPECT_EQ(codes.FipsCountry("ZZZ"), "");
  // ADM1: FIPS country + the GeoNames admin1 code (FIPS division codes there; US postal).
  EXPECT_EQ(codes.Adm1("IQ-BG"), "IZ07");
  EXPECT_EQ(codes.Adm1("NG-BO"), "NI27");
  EXPECT_EQ(codes.Adm1("US-CA"), "USCA");
  EXPECT_EQ(codes.Adm1("XX-YY"), "");
}

TEST(GdeltCodes, BadLinesNameTheFileAndLine) {
  auto bad = GdeltCodes::Parse("# header\ncountry\tIRQ\tIZ\t\nregion\tX\tYY\t\n", "codes.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("codes.tsv:3:"), std::string::npos) << bad.status().message();
  auto good = GdeltCodes::Parse("country\tIRQ\tIZ\t\nadmin1\tIQ-BG\tIZ\tIZ07\n", "codes.tsv");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good->Adm1("IQ-BG"), "IZ07");
}

Event::Location Resolved(const Gazetteer& gazetteer, std::string_view id) {
  const Place* place = gazetteer.ById(id);
  Event::Location location;
  if (place == nullptr) return location;
  location.name = std::string(place->name);
  location.id = std::string(place->id);
  location.country = std::string(place->country);
  location.admin1 = std::string(place->admin1);
  location.precision = std::string(PlaceKindName(place->kind));
  location.lat = place->lat;
  location.lon = place->lon;
  location.has_coordinates = place->has_coordinates;
  return location;
}

TEST(GdeltGeo, TypeNameCodesAndFeatureByPrecision) {
  auto gazetteer = Gazetteer::Builtin();
  const GdeltCodes& codes = GdeltCodes::Builtin();
  const Place* baghdad = gazetteer->Find("Baghdad");
  ASSERT_NE(baghdad, nullptr);
  GdeltGeo city = ToGdeltGeo(Resolved(*gazetteer, baghdad->id), codes, gazetteer.get());
  EXPECT_EQ(city.type, "4");  // WORLDCITY
  EXPECT_EQ(city.full_name.rfind("Baghdad, ", 0), 0u) << city.full_name;
  EXPECT_NE(city.full_name.find(", Iraq"), std::string::npos) << city.full_name;
  EXPECT_EQ(city.country, "IZ");
  EXPECT_EQ(city.adm1, "IZ07");
  EXPECT_EQ(city.feature_id, baghdad->id);
  EXPECT_NEAR(std::stod(city.lat), 33.3, 0.3);
  EXPECT_NEAR(std::stod(city.lon), 44.4, 0.3);

  GdeltGeo state = ToGdeltGeo(Resolved(*gazetteer, "NG-BO"), codes, gazetteer.get());
  EXPECT_EQ(state.type, "5");  // WORLDSTATE
  EXPECT_EQ(state.full_name, "Borno, Nigeria");
  EXPECT_EQ(state.adm1, "NI27");
  EXPECT_EQ(state.feature_id, "NI27");

  GdeltGeo country = ToGdeltGeo(Resolved(*gazetteer, "DEU"), codes, gazetteer.get());
  EXPECT_EQ(country.type, "1");
  EXPECT_EQ(country.country, "GM");
  EXPECT_EQ(country.adm1, "GM");  // GDELT: the country code for a country-level match
  EXPECT_EQ(country.feature_id, "GM");

  const Place* houston = gazetteer->Find("Houston");
  ASSERT_NE(houston, nullptr);
  GdeltGeo us = ToGdeltGeo(Resolved(*gazetteer, houston->id), codes, gazetteer.get());
  EXPECT_EQ(us.type, "2");  // USCITY
  EXPECT_EQ(us.adm1, "USTX");
  GdeltGeo texas = ToGdeltGeo(Resolved(*gazetteer, "US-TX"), codes, gazetteer.get());
  EXPECT_EQ(texas.type, "3");  // USSTATE

  // Not resolved against the gazetteer: the coder's place text and country only.
  Event::Location unresolved;
  unresolved.text = "the border";
  unresolved.code = "IRQ";
  GdeltGeo bare = ToGdeltGeo(unresolved, codes, gazetteer.get());
  EXPECT_EQ(bare.full_name, "the border");
  EXPECT_EQ(bare.country, "IZ");
  EXPECT_TRUE(bare.type.empty() && bare.lat.empty() && bare.feature_id.empty());
}

// The whole row: SQLDATE and columns 52-59 of a coded event.
TEST(GdeltGeo, ActionGeoColumnsOfACodedEvent) {
  auto pipeline = Pipeline::Load(PipelineConfig{});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  Document doc;
  doc.id = "g";
  doc.text = "Iraqi troops attacked militants in Mosul on Monday.";
  doc.date = 20230607;  // a Wednesday: "on Monday" is 2023-06-05
  std::vector<Event> events;
  (*pipeline)->Code(&doc, &events);
  ASSERT_FALSE(events.empty());
  std::string row;
  AppendEventGdelt(doc, events[0], &row);
  std::vector<std::string> columns;
  size_t start = 0;
  for (size_t tab; (tab = row.find_first_of("\t\n", start)) != std::string::npos; start = tab + 1) {
    columns.push_back(row.substr(start, tab - start));
  }
  ASSERT_EQ(columns.size(), 61u) << row;
  EXPECT_EQ(columns[1], "20230605") << row;                // SQLDATE: the event's day
  EXPECT_EQ(columns[59], "20230607000000") << row;         // DATEADDED: publication
  EXPECT_EQ(columns[51], "4") << row;                      // ActionGeo_Type
  EXPECT_EQ(columns[52].rfind("Mosul, ", 0), 0u) << row;   // FullName
  EXPECT_EQ(columns[53], "IZ") << row;                     // CountryCode
  EXPECT_EQ(columns[54].substr(0, 2), "IZ") << row;        // ADM1Code
  EXPECT_EQ(columns[55], "") << row;                       // ADM2Code
  EXPECT_NEAR(std::stod(columns[56]), 36.3, 0.3) << row;   // Lat
  EXPECT_NEAR(std::stod(columns[57]), 43.1, 0.3) << row;   // Long
  EXPECT_EQ(columns[58], events[0].location.id) << row;    // FeatureID
}

}  // namespace
}  // namespace annalist
