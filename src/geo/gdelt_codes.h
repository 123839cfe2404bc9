// GDELT's geo columns for an event location (the ActionGeo_* columns of `--format gdelt`,
// docs/output.md). GDELT writes countries as FIPS 10-4 codes and first-level divisions as
// the FIPS country code plus the division's code; our gazetteer uses ISO 3166. The mapping
// is data: data/geo/gdelt_codes.tsv (scripts/make_gdelt_codes.py), embedded in the library.
#ifndef ANNALIST_GEO_GDELT_CODES_H_
#define ANNALIST_GEO_GDELT_CODES_H_

#include <string>
#include <string_view>

#include "annalist/event.h"
#include "annalist/gazetteer.h"
#include "annalist/status.h"

namespace annalist {

class GdeltCodes {
 public:
  // The embedded data/geo/gdelt_codes.tsv, parsed once (thread-safe).
  static const GdeltCodes& Builtin();
  // Parses the gdelt_codes.tsv format; errors name `file` and the line.
  static Result<GdeltCodes> Parse(std::string_view text, std::string_view file);

  // FIPS 10-4 country code of an ISO alpha-3 code, of an ISO 3166-2 division when one is
  // given (it wins: Gaza's governorates are GZ, the West Bank's WE); "" when none.
  std::string_view FipsCountry(std::string_view iso3, std::string_view iso_admin1 = {}) const;
  // GDELT ADM1 code of an ISO 3166-2 division ("IQ-BG" -> "IZ07"); "" when unknown.
  std::string_view Adm1(std::string_view iso_admin1) const;

 private:
  struct Row {
    std::string iso, fips, adm1;
  };
  const Row* Find(std::string_view iso) const;
  std::vector<Row> rows_;  // sorted by iso
};

// The eight ActionGeo_* values of GDELT 2.0 for one location.
struct GdeltGeo {
  std::string type;        // 1 country, 2 US city, 3 US state, 4 world city, 5 world state
  std::string full_name;   // "Bama, Borno, Nigeria"
  std::string country;     // FIPS 10-4
  std::string adm1;        // FIPS country + division code, the country code for a country
  std::string lat, lon;    // 4 decimals
  std::string feature_id;  // GeoNames id (city), ADM1 code (division), FIPS code (country)
};

// GDELT's geo values of `location`: from the gazetteer when the location stage resolved it
// (location.id set), else only FullName (its text) and CountryCode (FIPS of location.code).
// `gazetteer` gives the names of the division and country for FullName; may be null.
GdeltGeo ToGdeltGeo(const Event::Location& location, const GdeltCodes& codes, const Gazetteer* gazetteer);

}  // namespace annalist

#endif  // ANNALIST_GEO_GDELT_CODES_H_
