#include "dict/dictionary.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace annalist::dict {

namespace {

// 64x64 -> 128 multiply folded to 64 bits (wyhash's mixing step).
inline uint64_t Fold(uint64_t a, uint64_t b) {
  const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

inline uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

inline uint64_t Load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// Equality of two n-byte ranges in a few word loads (dictionary words are short: a libc
// memcmp call costs more than the comparison).
inline bool SameBytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    for (size_t i = 0; i + 8 <= n; i += 8)
      if (Load8(a + i) != Load8(b + i)) return false;
    return Load8(a + n - 8) == Load8(b + n - 8);
  }
  if (n >= 4) return Load4(a) == Load4(b) && Load4(a + n - 4) == Load4(b + n - 4);
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace

namespace {
constexpr std::string_view kActorKindNames[] = {"",       "country", "territory", "region", "igo",
                                                "ngo",    "group",   "party",     "media",  "company",
                                                "person", "people",  "capital",   "rebel",  "militia",
                                                "religious"};
}  // namespace

ActorKind ActorKindFromName(std::string_view name) {
  for (size_t i = 1; i < std::size(kActorKindNames); ++i)
    if (kActorKindNames[i] == name) return static_cast<ActorKind>(i);
  return ActorKind::kNone;
}

std::string_view ActorKindName(ActorKind kind) {
  const size_t i = static_cast<size_t>(kind);
  return i < std::size(kActorKindNames) ? kActorKindNames[i] : std::string_view();
}

uint64_t Vocabulary::HashOf(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  // wyhash-style: 8-byte chunks, the tail as overlapping loads (the length is mixed in, so
  // overlapping bytes do not make different strings collide systematically).
  if (n >= 8) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) h = Fold(h ^ Load8(p + i), 0xa0761d6478bd642full);
    if (i < n) h = Fold(h ^ Load8(p + n - 8), 0xe7037ed1a0b428dbull);
  } else if (n >= 4) {
    h = Fold(h ^ ((Load4(p) << 32) | Load4(p + n - 4)), 0xe7037ed1a0b428dbull);
  } else if (n > 0) {
    const uint64_t v = (uint64_t{static_cast<uint8_t>(p[0])} << 16) |
                       (uint64_t{static_cast<uint8_t>(p[n >> 1])} << 8) | static_cast<uint8_t>(p[n - 1]);
    h = Fold(h ^ v, 0xe7037ed1a0b428dbull);
  }
  return Fold(h, 0x8ebc6af09c88c6e3ull);
}

void Vocabulary::Grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id_plus_one == 0) continue;
    // The low hash bits pick the slot; the stored 32 bits are the high ones, so rehash.
    size_t i = HashOf(words_[s.id_plus_one - 1]) & mask;
    while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

WordId Vocabulary::Intern(std::string_view upper) {
  WordId found = Find(upper);
  if (found != kNoWord) return found;
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  const WordId id = static_cast<WordId>(words_.size());
  words_.emplace_back(upper);
  const uint64_t h = HashOf(upper);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;
  slots_[i] = Slot{static_cast<uint32_t>(h >> 32), id + 1};
  return id;
}

WordId Vocabulary::Find(std::string_view upper) const {
  if (slots_.empty()) return kNoWord;
  const uint64_t h = HashOf(upper);
  const uint32_t tag = static_cast<uint32_t>(h >> 32);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id_plus_one == 0) return kNoWord;
    if (s.hash == tag) {
      const std::string& w = words_[s.id_plus_one - 1];
      if (w.size() == upper.size() && SameBytes(w.data(), upper.data(), upper.size()))
        return s.id_plus_one - 1;
    }
  }
}

void PhraseTrie::Grow() {
  std::vector<Edge> old;
  old.swap(edges_);
  edges_.assign(old.empty() ? 16 : old.size() * 2, Edge{});
  shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(edges_.size()));
  for (const Edge& e : old)
    if (e.key != kEmptyKey) edges_[SlotOf(e.key)] = e;
}

void PhraseTrie::Add(const std::vector<WordId>& words, uint32_t value) {
  uint32_t node = 0;
  Edge* last = nullptr;
  for (WordId w : words) {
    if ((edge_count_ + 1) * 2 > edges_.size()) Grow();
    const uint64_t key = KeyOf(node, w);
    Edge& e = edges_[SlotOf(key)];
    if (e.key == kEmptyKey) {
      e.key = key;
      e.child = static_cast<uint32_t>(values_.size());
      ++edge_count_;
      values_.emplace_back();
    }
    node = e.child;
    last = &e;
  }
  if (node != 0) {
    values_[node].push_back(value);
    last->has_values = 1;  // no Grow since `last` was taken: it still points into edges_
  }
}

void PhraseTrie::SortedEdges(std::vector<const Edge*>* order, std::vector<uint32_t>* begin) const {
  order->clear();
  order->reserve(edge_count_);
  for (const Edge& e : edges_)
    if (e.key != kEmptyKey) order->push_back(&e);
  std::sort(order->begin(), order->end(), [](const Edge* a, const Edge* b) { return a->key < b->key; });
  begin->assign(values_.size() + 1, 0);
  for (const Edge* e : *order) ++(*begin)[(e->key >> 32) + 1];
  for (size_t i = 1; i < begin->size(); ++i) (*begin)[i] += (*begin)[i - 1];
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
