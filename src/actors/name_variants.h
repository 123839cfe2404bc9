// Transliteration-aware matching of person names (issue 3 item 3): Raisi / Raeisi,
// al-Sudani / al-Soudani, Mohammed / Muhammad / Muhammed / Mohamed, Gaddafi / Qaddafi.
//
// A name is reduced to a "skeleton": lower case, the Arabic article (al-, el-, Al ) dropped,
// apostrophes and hyphens dropped, kh/q/ck -> k, ph -> f, dj -> j, gh -> g, dh -> d,
// doubled letters collapsed, and each vowel cluster reduced to one class letter (a cluster
// with i/e+i/y -> "i", one with o/u -> "u", else "a"). Skeletons of the knowledge base's
// person aliases and surnames are indexed once per Dictionaries; a capitalised name in a
// story matches when its skeleton equals one (names under 5 letters) or is one edit away
// (5 letters or more). Only persons are indexed, so a country ("Sudan") or organisation
// can never be reached this way, and a token that the dictionaries already match is never
// looked up (the caller's job).
#ifndef ANNALIST_ACTORS_NAME_VARIANTS_H_
#define ANNALIST_ACTORS_NAME_VARIANTS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/dictionary.h"

namespace annalist {

// Skeleton of a name of one or more words (words separated by spaces); empty if it has no
// letters.
std::string NameSkeleton(std::string_view name);
// The same into *out (cleared), reusing its capacity: no allocation once buffers have grown.
void NameSkeleton(std::string_view name, std::string* out);

// True if the Levenshtein distance of a and b is at most 1.
bool WithinOneEdit(std::string_view a, std::string_view b);

// The rule that confirms a variant: equal skeletons, or (for skeletons of 5 letters or
// more, both) one edit apart.
bool SkeletonsMatch(std::string_view text_skeleton, std::string_view kb_skeleton);

class NameVariantIndex {
 public:
  // Person actors (Actor::kind == "person") of `dict`: full aliases from actor_trie and
  // surnames from surname_trie.
  explicit NameVariantIndex(const dict::Dictionaries& dict);

  // Cached per Dictionaries (built on first use; Dictionaries are immutable).
  static std::shared_ptr<const NameVariantIndex> For(const dict::Dictionaries& dict);

  // Person actor indices whose alias (surname: surname) skeleton matches `skeleton`,
  // exact matches first. Clears *out.
  void FindAliases(std::string_view skeleton, std::vector<uint32_t>* out) const {
    Find(aliases_, skeleton, out);
  }
  // Surnames stand alone and are often first names too (Mohamad / Mohamud): exact
  // skeletons only.
  void FindSurnames(std::string_view skeleton, std::vector<uint32_t>* out) const {
    Find(surnames_, skeleton, out, /*fuzzy=*/false);
  }
  bool empty() const { return aliases_.exact.empty() && surnames_.exact.empty(); }

 private:
  // Lookups by std::string_view without building a std::string.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Table {
    std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>> exact;
    // A skeleton of `exact` with its letter count (spaces excluded) and actor list, so the
    // one-edit scan neither recounts nor hashes again.
    struct Entry {
      std::string_view key;
      uint32_t letters;
      uint32_t letter_set;  // LetterSet(key): a cheap filter before WithinOneEdit
      const std::vector<uint32_t>* actors;
    };
    // (first letter, length) -> skeletons in insertion order, for the one-edit search.
    std::unordered_map<uint32_t, std::vector<Entry>> buckets;
  };
  static void Add(Table* table, const std::string& skeleton, uint32_t actor);
  static void Find(const Table& table, std::string_view skeleton, std::vector<uint32_t>* out,
                   bool fuzzy = true);

  Table aliases_, surnames_;
};

}  // namespace annalist

#endif  // ANNALIST_ACTORS_NAME_VARIANTS_H_
