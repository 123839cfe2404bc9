// GDELT geo columns (see gdelt_codes.h). GDELT 2.0 event codebook: ActionGeo_Type 1 COUNTRY,
// 2 USCITY, 3 USSTATE, 4 WORLDCITY, 5 WORLDSTATE; FullName "city, ADM1, country"; ADM1Code the
// FIPS country code alone for a country-level match; FeatureID the feature's id (ours: the
// GeoNames id of a place, the ADM1 code of a division, the country code of a country).
#include "geo/gdelt_codes.h"

#include <algorithm>
#include <cstdio>

#include "core/data_lines.h"

namespace annalist {

extern "C" const char annalist_gdelt_codes_begin[];
extern "C" const char annalist_gdelt_codes_end[];

const GdeltCodes& GdeltCodes::Builtin() {
  static const GdeltCodes codes = [] {
    std::string_view text(annalist_gdelt_codes_begin, annalist_gdelt_codes_end - annalist_gdelt_codes_begin);
    Result<GdeltCodes> parsed = Parse(text, "data/geo/gdelt_codes.tsv");
    // The embedded file is checked by tests (gdelt_codes_test); a broken one gives no codes.
    return parsed.ok() ? parsed.TakeValue() : GdeltCodes();
  }();
  return codes;
}

Result<GdeltCodes> GdeltCodes::Parse(std::string_view text, std::string_view file) {
  GdeltCodes codes;
  DataLines lines(text);
  std::string_view line;
  int line_number = 0;
  while (lines.Next(&line, &line_number)) {
    std::string_view fields[4];
    size_t count = 0;
    while (count < 4) {
      const size_t tab = line.find('\t');
      fields[count++] = line.substr(0, tab);
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    const bool country = fields[0] == "country", admin1 = fields[0] == "admin1";
    if (count != 4 || (!country && !admin1) || fields[1].empty() || fields[2].size() != 2) {
      return InvalidArgument(std::string(file) + ":" + std::to_string(line_number) +
                           ": expected 'country|admin1<TAB>ISO code<TAB>FIPS country code<TAB>ADM1 code'");
    }
    codes.rows_.push_back({std::string(fields[1]), std::string(fields[2]), std::string(fields[3])});
  }
  std::sort(codes.rows_.begin(), codes.rows_.end(), [](const Row& a, const Row& b) { return a.iso < b.iso; });
  return codes;
}

const GdeltCodes::Row* GdeltCodes::Find(std::string_view iso) const {
  auto it = std::lower_bound(rows_.begin(), rows_.end(), iso, [](const Row& row, std::string_view key) {
    return std::string_view(row.iso) < key;
  });
  return it != rows_.end() && it->iso == iso ? &*it : nullptr;
}

std::string_view GdeltCodes::FipsCountry(std::string_view iso3, std::string_view iso_admin1) const {
  if (!iso_admin1.empty()) {
    if (const Row* row = Find(iso_admin1)) return row->fips;
  }
  const Row* row = iso3.empty() ? nullptr : Find(iso3);
  return row ? std::string_view(row->fips) : std::string_view();
}

std::string_view GdeltCodes::Adm1(std::string_view iso_admin1) const {
  const Row* row = iso_admin1.empty() ? nullptr : Find(iso_admin1);
  return row ? std::string_view(row->adm1) : std::string_view();
}

namespace {

std::string Degrees(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", value);
  return text;
}

}  // namespace

GdeltGeo ToGdeltGeo(const Event::Location& location, const GdeltCodes& codes, const Gazetteer* gazetteer) {
  GdeltGeo geo;
  if (location.id.empty()) {  // not resolved against the gazetteer: the coder's text and country
    geo.full_name = location.text;
    geo.country = std::string(codes.FipsCountry(location.code));
    return geo;
  }
  const bool us = location.country == "USA";
  geo.country = std::string(codes.FipsCountry(location.country, location.admin1));
  const std::string_view adm1 = codes.Adm1(location.admin1);
  geo.adm1 = std::string(adm1.empty() ? std::string_view(geo.country) : adm1);
  std::string_view admin1_name, country_name;
  if (gazetteer != nullptr) {
    if (const Place* place = location.admin1.empty() ? nullptr : gazetteer->ById(location.admin1)) {
      admin1_name = place->name;
    }
    if (const Place* place = location.country.empty() ? nullptr : gazetteer->ById(location.country)) {
      country_name = place->name;
    }
  }
  geo.full_name = location.name;
  if (location.precision == "country") {
    geo.type = "1";
    geo.feature_id = geo.country;
  } else if (location.precision == "admin1") {
    geo.type = us ? "3" : "5";
    geo.feature_id = geo.adm1;
  } else {
    geo.type = us ? "2" : "4";
    geo.feature_id = location.id;
    if (!admin1_name.empty() && admin1_name != location.name) geo.full_name += ", " + std::string(admin1_name);
  }
  if (location.precision != "country" && !country_name.empty()) geo.full_name += ", " + std::string(country_name);
  if (location.has_coordinates) {
    geo.lat = Degrees(location.lat);
    geo.lon = Degrees(location.lon);
  }
  return geo;
}

}  // namespace annalist
