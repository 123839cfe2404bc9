#include "dict/dictionary.h"

namespace annalist::dict {

WordId Vocabulary::Intern(std::string_view upper) {
  auto it = ids_.find(upper);
  if (it != ids_.end()) return it->second;
  WordId id = static_cast<WordId>(words_.size());
  words_.emplace_back(upper);
  ids_.emplace(std::string(upper), id);
  return id;
}

WordId Vocabulary::Find(std::string_view upper) const {
  auto it = ids_.find(upper);
  return it == ids_.end() ? kNoWord : it->second;
}

void PhraseTrie::Add(const std::vector<WordId>& words, uint32_t value) {
  uint32_t node = 0;
  for (WordId w : words) {
    auto it = nodes_[node].children.find(w);
    if (it == nodes_[node].children.end()) {
      uint32_t child = static_cast<uint32_t>(nodes_.size());
      nodes_[node].children.emplace(w, child);
      nodes_.emplace_back();
      node = child;
    } else {
      node = it->second;
    }
  }
  if (node != 0) nodes_[node].values.push_back(value);
}

size_t PhraseTrie::LongestMatch(const WordId* words, size_t count,
                                const std::vector<uint32_t>** values) const {
  size_t best = 0;
  ForEachMatch(words, count, [&](size_t length, const std::vector<uint32_t>& v) {
    best = length;
    *values = &v;
  });
  return best;
}

bool DatedCode::Holds(int32_t date) const {
  switch (kind) {
    case Kind::kAlways: return true;
    case Kind::kBefore: return date < date1;
    case Kind::kFrom: return date >= date1;
    case Kind::kBetween: return date1 <= date && date <= date2;
  }
  return false;
}

const std::string& Actor::CodeFor(int32_t date) const {
  static const std::string kEmpty;
  // Knowledge-base persons: a story without a date gets the latest role.
  if (date == 0 && undated >= 0 && static_cast<size_t>(undated) < restricted.size()) {
    return restricted[undated].code;
  }
  for (const DatedCode& c : restricted) {
    if (c.Holds(date)) return c.code;
  }
  return defaults.empty() ? kEmpty : defaults.front().code;
}

std::string Dictionaries::Describe(SourceRef ref) const {
  std::string name = ref.file < files.size() ? files[ref.file] : std::string("?");
  size_t slash = name.find_last_of('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  return name + ":" + std::to_string(ref.line);
}

}  // namespace annalist::dict
