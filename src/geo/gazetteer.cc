#include "annalist/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/data_lines.h"

namespace annalist {

namespace {

// ASCII letters for U+00C0 .. U+017F without their diacritics ('?' = no letter: separator).
constexpr std::string_view kLatinFold =
    "aaaaaaaceeeeiiiidnooooo?ouuuuytsaaaaaaaceeeeiiiidnooooo?ouuuuytyaaaaaaccccccccddddeeeeeeeeee"
    "gggggggghhhhiiiiiiiiii??jjkkkllllll??llnnnnnn?nnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

uint64_t HashKey(std::string_view key) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : key) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Splits `line` on tabs into at most `max` fields; returns how many.
size_t SplitTabs(std::string_view line, std::string_view* fields, size_t max) {
  size_t count = 0, start = 0;
  while (count < max) {
    size_t tab = line.find('\t', start);
    fields[count++] = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return count;
}

bool ParseDouble(std::string_view text, double* value) {
  auto result = std::from_chars(text.data(), text.data() + text.size(), *value);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

}  // namespace

// The embedded data/geo/gazetteer.tsv (cmake/geo.cmake).
extern "C" const char annalist_gazetteer_begin[];
extern "C" const char annalist_gazetteer_end[];

std::string_view PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kAdmin1: return "admin1";
    case PlaceKind::kCity: return "city";
  }
  return "city";
}

void NormalizePlaceName(std::string_view name, std::string* key) {
  key->clear();
  bool pending_space = false;
  auto put = [&](char c) {
    if (pending_space && !key->empty()) key->push_back(' ');
    pending_space = false;
    key->push_back(c);
  };
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        put(static_cast<char>(c + 32));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        put(static_cast<char>(c));
      } else if (c == '\'' || c == '`') {
        // "Dar'a" = "Dara": apostrophes of transliteration vary, so they are dropped.
      } else {
        pending_space = true;
      }
      continue;
    }
    // Two-byte UTF-8 Latin letters fold to ASCII; other code points are kept as they are
    // (the gazetteer also lists each name's ASCII form).
    if ((c & 0xE0) == 0xC0 && i + 1 < name.size()) {
      uint32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3F);
      if (cp >= 0xC0 && cp < 0x180) {
        char folded = kLatinFold[cp - 0xC0];
        if (folded == '?') {
          pending_space = true;
        } else {
          put(folded);
        }
        ++i;
        continue;
      }
    }
    // Right single quotation mark and modifier letters used as apostrophes (U+2019, U+02BB..U+02BF).
    if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        static_cast<unsigned char>(name[i + 2]) == 0x99) {
      i += 2;
      continue;
    }
    if (c == 0xCA && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) >= 0xBB &&
        static_cast<unsigned char>(name[i + 1]) <= 0xBF) {
      ++i;
      continue;
    }
    put(static_cast<char>(c));
  }
}

Gazetteer::Gazetteer() = default;
Gazetteer::~Gazetteer() = default;

std::shared_ptr<const Gazetteer> Gazetteer::Builtin() {
  static std::shared_ptr<const Gazetteer> builtin = [] {
    std::shared_ptr<Gazetteer> gazetteer(new Gazetteer());
    std::string_view text(annalist_gazetteer_begin, annalist_gazetteer_end - annalist_gazetteer_begin);
    // The embedded file is checked by tests/gazetteer_test; a fault here is a build defect,
    // and the places read before it are kept.
    (void)gazetteer->Load(text, "gazetteer.tsv");
    return std::shared_ptr<const Gazetteer>(std::move(gazetteer));
  }();
  return builtin;
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Parse(std::string_view text, std::string_view name) {
  std::shared_ptr<Gazetteer> gazetteer(new Gazetteer());
  gazetteer->owned_text_.assign(text);
  Status status = gazetteer->Load(gazetteer->owned_text_, name);
  if (!status.ok()) return status;
  return std::shared_ptr<const Gazetteer>(std::move(gazetteer));
}

Status Gazetteer::Load(std::string_view text, std::string_view name) {
  places_.reserve(std::count(text.begin(), text.end(), '\n'));
  std::string scratch;
  Status status;
  DataLines lines(text);
  std::string_view line;
  int line_number = 0;
  while (lines.Next(&line, &line_number)) {
    std::string_view fields[9];
    auto fail = [&](std::string_view why) {
      if (status.ok()) status = DataLoss(std::string(name) + ":" + std::to_string(line_number) + ": " + std::string(why));
    };
    if (SplitTabs(line, fields, 9) != 9) {
      fail("expected 9 tab-separated fields (kind id country admin1 name lat lon population alt_names)");
      continue;
    }
    Place place;
    if (fields[0] == "city") {
      place.kind = PlaceKind::kCity;
    } else if (fields[0] == "admin1") {
      place.kind = PlaceKind::kAdmin1;
    } else if (fields[0] == "country") {
      place.kind = PlaceKind::kCountry;
    } else {
      fail("unknown kind '" + std::string(fields[0]) + "'");
      continue;
    }
    place.id = fields[1];
    place.country = fields[2];
    place.admin1 = fields[3];
    place.name = fields[4];
    if (!fields[5].empty() || !fields[6].empty()) {
      if (!ParseDouble(fields[5], &place.lat) || !ParseDouble(fields[6], &place.lon) ||
          std::fabs(place.lat) > 90 || std::fabs(place.lon) > 180) {
        fail("bad coordinates");
        continue;
      }
      place.has_coordinates = true;
    }
    auto pop = std::from_chars(fields[7].data(), fields[7].data() + fields[7].size(), place.population);
    if (pop.ec != std::errc() || place.id.empty() || place.name.empty() || place.country.size() != 3) {
      fail("bad id, name, country or population");
      continue;
    }
    const uint32_t index = static_cast<uint32_t>(places_.size());
    places_.push_back(place);
    AddName(place.name, index, &scratch);
    std::string_view alternates = fields[8];
    while (!alternates.empty()) {
      size_t semi = alternates.find(';');
      AddName(alternates.substr(0, semi), index, &scratch);
      if (semi == std::string_view::npos) break;
      alternates.remove_prefix(semi + 1);
    }
    // Countries and divisions answer to their ids too ("NGA", "NG-BO").
    if (place.kind != PlaceKind::kCity) AddName(place.id, index, &scratch);
  }
  BuildIndex();
  return status;
}

void Gazetteer::AddName(std::string_view name, uint32_t place_index, std::string* scratch) {
  NormalizePlaceName(name, scratch);
  if (scratch->empty()) return;
  pending_.push_back(PendingName{HashKey(*scratch), static_cast<uint32_t>(keys_.size()),
                                 static_cast<uint32_t>(scratch->size()), place_index});
  keys_.append(*scratch);
}

void Gazetteer::BuildIndex() {
  auto key_of = [this](uint32_t begin, uint32_t size) { return std::string_view(keys_).substr(begin, size); };
  std::sort(pending_.begin(), pending_.end(), [&](const PendingName& a, const PendingName& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    std::string_view ka = key_of(a.key_begin, a.key_size), kb = key_of(b.key_begin, b.key_size);
    if (ka != kb) return ka < kb;
    const Place &pa = places_[a.place], &pb = places_[b.place];
    if (pa.population != pb.population) return pa.population > pb.population;
    return a.place < b.place;
  });
  // Groups of equal keys; one place listed once per key. Keys are compacted into a new arena.
  std::string compact;
  for (size_t i = 0; i < pending_.size();) {
    std::string_view key = key_of(pending_[i].key_begin, pending_[i].key_size);
    NameGroup group{pending_[i].hash, static_cast<uint32_t>(compact.size()), static_cast<uint32_t>(key.size()),
                    static_cast<uint32_t>(group_places_.size()), 0};
    compact.append(key);
    size_t j = i;
    for (; j < pending_.size() && pending_[j].hash == pending_[i].hash &&
           key_of(pending_[j].key_begin, pending_[j].key_size) == key;
         ++j) {
      if (group.count == 0 || group_places_.back() != pending_[j].place) {
        group_places_.push_back(pending_[j].place);
        ++group.count;
      }
    }
    groups_.push_back(group);
    i = j;
  }
  keys_ = std::move(compact);
  std::vector<PendingName>().swap(pending_);
  size_t capacity = 16;
  while (capacity < groups_.size() * 2) capacity <<= 1;
  table_.assign(capacity, -1);
  for (size_t g = 0; g < groups_.size(); ++g) {
    size_t slot = groups_[g].hash & (capacity - 1);
    while (table_[slot] >= 0) slot = (slot + 1) & (capacity - 1);
    table_[slot] = static_cast<int32_t>(g);
  }
  id_order_.resize(places_.size());
  for (uint32_t i = 0; i < id_order_.size(); ++i) id_order_[i] = i;
  std::sort(id_order_.begin(), id_order_.end(), [this](uint32_t a, uint32_t b) {
    if (places_[a].id != places_[b].id) return places_[a].id < places_[b].id;
    return a < b;
  });
  // Three-letter ids (the countries: actor codes start with them) by direct index.
  alpha3_.assign(26 * 26 * 26, -1);
  for (auto it = id_order_.rbegin(); it != id_order_.rend(); ++it) {  // the first of equal ids wins
    if (int slot = Alpha3Slot(places_[*it].id); slot >= 0) alpha3_[slot] = static_cast<int32_t>(*it);
  }
}

int Gazetteer::Alpha3Slot(std::string_view id) {
  if (id.size() != 3) return -1;
  int slot = 0;
  for (char c : id) {
    if (c < 'A' || c > 'Z') return -1;
    slot = slot * 26 + (c - 'A');
  }
  return slot;
}

int64_t Gazetteer::Lookup(std::string_view key) const {
  if (table_.empty() || key.empty()) return -1;
  const uint64_t hash = HashKey(key);
  const size_t mask = table_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    int32_t g = table_[slot];
    if (g < 0) return -1;
    const NameGroup& group = groups_[g];
    if (group.hash == hash && std::string_view(keys_).substr(group.key_begin, group.key_size) == key) return g;
  }
}

std::span<const uint32_t> Gazetteer::Candidates(std::string_view name) const {
  thread_local std::string key;
  NormalizePlaceName(name, &key);
  int64_t g = Lookup(key);
  if (g < 0) return {};
  return std::span<const uint32_t>(group_places_.data() + groups_[g].first, groups_[g].count);
}

namespace {

// How well `place` fits the context. Population is the prior (log10: a city of 1 M scores 6);
// a country named by the context adds 3 (the first, strongest, 4); a matching division 3; the
// kind the text asked for ("X province") 4; a division the text did not ask for loses 1.5 (a bare
// "Kano" is the city: divisions named after their seat hold its population and more).
// Countries hold the summed population of their places, so a bare country name beats a town
// of that name unless context says otherwise.
double PlaceScore(const Place& place, const PlaceContext& context) {
  double score = std::log10(static_cast<double>(place.population) + 10.0);
  for (size_t i = 0; i < context.countries.size(); ++i) {
    if (place.country == context.countries[i]) {
      score += i == 0 ? 4.0 : 3.0;
      break;
    }
  }
  if (!context.admin1.empty() && place.admin1 == context.admin1) score += 3.0;
  if (place.kind == PlaceKind::kAdmin1) score += context.want_admin1 ? 4.0 : -1.5;
  return score;
}

}  // namespace

const Place* Gazetteer::Find(std::string_view name, const PlaceContext& context) const {
  const Place* best = nullptr;
  double best_score = 0;
  for (uint32_t index : Candidates(name)) {
    const Place& place = places_[index];
    double score = PlaceScore(place, context);
    if (best == nullptr || score > best_score) {
      best = &place;
      best_score = score;
    }
  }
  return best;
}

std::string_view Gazetteer::CountryOf(std::string_view name, const PlaceContext& context) const {
  const Place* place = Find(name, context);
  return place == nullptr ? std::string_view() : place->country;
}

const Place* Gazetteer::ById(std::string_view id) const {
  if (int slot = Alpha3Slot(id); slot >= 0 && !alpha3_.empty()) {
    return alpha3_[slot] >= 0 ? &places_[alpha3_[slot]] : nullptr;
  }
  auto it = std::lower_bound(id_order_.begin(), id_order_.end(), id,
                             [this](uint32_t index, std::string_view value) { return places_[index].id < value; });
  if (it == id_order_.end() || places_[*it].id != id) return nullptr;
  return &places_[*it];
}

size_t Gazetteer::MemoryBytes() const {
  return owned_text_.capacity() + places_.capacity() * sizeof(Place) + keys_.capacity() +
         groups_.capacity() * sizeof(NameGroup) + group_places_.capacity() * sizeof(uint32_t) +
         table_.capacity() * sizeof(int32_t) + id_order_.capacity() * sizeof(uint32_t) +
         alpha3_.capacity() * sizeof(int32_t);
}

}  // namespace annalist
