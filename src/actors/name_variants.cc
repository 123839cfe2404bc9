// Name skeletons and the per-Dictionaries index of person-name variants (name_variants.h).
#include "actors/name_variants.h"

#include <mutex>

namespace annalist {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// One word (already lower-case letters only) to its skeleton, appended to *out. Works in
// place on *w (every step writes at or before the position it reads), so a skeleton costs
// no allocation once the caller's buffers have grown.
void WordSkeleton(std::string* w, std::string* out) {
  std::string& c = *w;
  const size_t size = c.size();
  // Consonant spellings that transliterations swap: kh/q/ck -> k, ph -> f, dj -> j, gh -> g,
  // dh -> d (Kadhafi / Gaddafi / Qaddafi, Khamenei / Hamenei stay apart only by k vs h).
  size_t o = 0;
  for (size_t i = 0; i < size; ++i) {
    const char a = c[i];
    const char b = i + 1 < size ? c[i + 1] : '\0';
    if ((a == 'k' && b == 'h') || (a == 'c' && b == 'k')) { c[o++] = 'k'; ++i; continue; }
    if (a == 'p' && b == 'h') { c[o++] = 'f'; ++i; continue; }
    if (a == 'd' && b == 'j') { c[o++] = 'j'; ++i; continue; }
    if ((a == 'g' || a == 'd') && b == 'h') { c[o++] = a; ++i; continue; }
    if (a == 'q') { c[o++] = 'k'; continue; }
    c[o++] = a;
  }
  // Final h after a vowel (Abdullah / Abdulla).
  if (o > 2 && c[o - 1] == 'h' && IsVowel(c[o - 2])) --o;
  // Doubled consonants collapsed (Mohammed / Mohamed, Gaddafi / Gadafi); doubled vowels
  // are kept for the cluster classes (Raeesi).
  size_t m = 0;
  for (size_t i = 0; i < o; ++i) {
    const char a = c[i];
    if (m == 0 || c[m - 1] != a || IsVowel(a)) c[m++] = a;
  }
  const char* d = c.data();
  // Vowel clusters to one class letter. 'y' is a consonant at the start of the word or
  // before a vowel (Yasser, Sayed), a vowel otherwise (Raisy).
  for (size_t i = 0; i < m;) {
    const char a = d[i];
    const bool vowel = IsVowel(a) && !(a == 'y' && (i == 0 || (i + 1 < m && IsVowel(d[i + 1]))));
    if (!vowel) {
      *out += a;
      ++i;
      continue;
    }
    size_t j = i;
    bool has_i = false, has_u = false;
    size_t e_count = 0;
    while (j < m && IsVowel(d[j]) && !(d[j] == 'y' && j > i && j + 1 < m && IsVowel(d[j + 1]))) {
      if (d[j] == 'i' || d[j] == 'y') has_i = true;
      if (d[j] == 'o' || d[j] == 'u') has_u = true;
      if (d[j] == 'e') ++e_count;
      ++j;
    }
    // ee, ei, ey, ai, ie: i (Raeesi / Raisi / Raeisi, Hussein / Husain); ou, oo, o, u: u
    // (Soudani / Sudani, Mohammed / Muhammad); a, e, ae: a (Muhammed / Muhammad).
    char cls = 'a';
    if (has_i || e_count >= 2) cls = 'i';
    else if (has_u) cls = 'u';
    *out += cls;
    i = j;
  }
}

bool IsGluedArticle(const std::string& w) {
  return w == "al" || w == "el" || w == "ul" || w == "ad" || w == "ar" || w == "as" || w == "at" ||
         w == "an" || w == "az" || w == "ash";
}

}  // namespace

void NameSkeleton(std::string_view name, std::string* out) {
  // Called per candidate phrase in every sentence (actor_matcher.cc): the words are
  // streamed through one reused buffer instead of a vector of strings.
  thread_local std::string cur;
  out->clear();
  cur.clear();
  // A free-standing article ("Al Sudani") is dropped when another word follows it; it is
  // held back until we know ('a' for "al", 'e' for "el", 0 for none).
  char pending = 0;
  auto emit = [&](std::string* word) {
    const size_t before = out->size();
    if (before != 0) *out += ' ';
    WordSkeleton(word, out);
    if (out->size() == before + (before != 0 ? 1 : 0)) out->resize(before);  // no letters
  };
  auto flush = [&]() {
    if (cur.empty()) return;
    pending = 0;  // a later word exists: the held article goes
    if (cur.size() == 2 && (cur[0] == 'a' || cur[0] == 'e') && cur[1] == 'l') {
      pending = cur[0];
    } else {
      emit(&cur);
    }
    cur.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    char ch = name[i];
    if (ch == ' ' || ch == '_' || ch == '\t') { flush(); continue; }
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (ch == '-' && IsGluedArticle(cur)) {
      // Arabic article glued with a hyphen: al-Sudani, el-Sisi, as-Sadr.
      cur.clear();
      continue;
    }
    if (ch >= 'a' && ch <= 'z') cur += ch;  // apostrophes, hyphens, dots, non-ASCII dropped
  }
  flush();
  if (pending != 0) {
    // The article was the last word: it is the name (or its end) after all.
    cur.assign(1, pending);
    cur += 'l';
    emit(&cur);
  }
}

std::string NameSkeleton(std::string_view name) {
  std::string result;
  NameSkeleton(name, &result);
  return result;
}

bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);  // one substitution
  return a.substr(i) == b.substr(i + 1);                                // one insertion
}

static size_t Letters(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += c != ' ';
  return n;
}

// Bit per letter present. One edit changes at most two bits (a substitution removes one
// letter and adds another), so keys whose sets differ in more cannot be one edit away.
static uint32_t LetterSet(std::string_view s) {
  uint32_t set = 0;
  for (char c : s) set |= 1u << (static_cast<unsigned char>(c) & 31);
  return set;
}

// Without -mpopcnt __builtin_popcount is a libgcc call; clearing the two lowest bits is not.
static bool AtMostTwoBits(uint32_t x) {
  x &= x - 1;
  x &= x - 1;
  return x == 0;
}

bool SkeletonsMatch(std::string_view text_skeleton, std::string_view kb_skeleton) {
  if (text_skeleton.empty() || kb_skeleton.empty()) return false;
  if (text_skeleton == kb_skeleton) return true;
  // Short names are too easily confused (Ali / Ala, Sia / Shia): exact only.
  if (Letters(text_skeleton) < 5 || Letters(kb_skeleton) < 5) return false;
  // The first letter must agree up to its class (Gaddafi / Qaddafi), so that an edit at
  // the start does not turn one name into another.
  return WithinOneEdit(text_skeleton, kb_skeleton);
}

namespace {

uint32_t FirstClass(char c) {
  if (c == 'g' || c == 'k' || c == 'c') return 'k';
  if (IsVowel(c)) return 'a';
  return static_cast<uint8_t>(c);
}

uint32_t BucketKey(std::string_view skeleton, size_t length) {
  return (FirstClass(skeleton.empty() ? ' ' : skeleton[0]) << 16) | static_cast<uint32_t>(length);
}

}  // namespace

void NameVariantIndex::Add(Table* table, const std::string& skeleton, uint32_t actor) {
  if (skeleton.empty()) return;
  auto [it, inserted] = table->exact.try_emplace(skeleton);
  for (uint32_t a : it->second)
    if (a == actor) return;
  it->second.push_back(actor);
  // Map nodes do not move: the entry can point at the key and the actor list.
  if (inserted)
    table->buckets[BucketKey(skeleton, skeleton.size())].push_back(
        Table::Entry{it->first, static_cast<uint32_t>(Letters(it->first)), LetterSet(it->first),
                     &it->second});
}

void NameVariantIndex::Find(const Table& table, std::string_view skeleton, std::vector<uint32_t>* out,
                            bool fuzzy) {
  out->clear();
  if (skeleton.empty()) return;
  auto add = [&](const std::vector<uint32_t>& actors) {
    for (uint32_t a : actors) {
      bool seen = false;
      for (uint32_t b : *out) seen |= a == b;
      if (!seen) out->push_back(a);
    }
  };
  auto it = table.exact.find(skeleton);  // transparent: no std::string built
  if (it != table.exact.end()) {
    add(it->second);
    return;  // an exact skeleton beats any one-edit neighbour
  }
  // SkeletonsMatch, with the letter counts known: the exact case failed above, and short
  // names on either side never match fuzzily.
  if (!fuzzy || Letters(skeleton) < 5) return;
  const uint32_t letter_set = LetterSet(skeleton);
  for (size_t length = skeleton.size() - 1; length <= skeleton.size() + 1; ++length) {
    auto b = table.buckets.find(BucketKey(skeleton, length));
    if (b == table.buckets.end()) continue;
    for (const Table::Entry& entry : b->second) {
      if (entry.letters < 5 || !AtMostTwoBits(entry.letter_set ^ letter_set) ||
          !WithinOneEdit(skeleton, entry.key))
        continue;
      add(*entry.actors);
    }
  }
}

NameVariantIndex::NameVariantIndex(const dict::Dictionaries& dict) {
  std::string phrase;
  auto text_of = [&](const std::vector<dict::WordId>& words) {
    phrase.clear();
    for (dict::WordId w : words) {
      if (!phrase.empty()) phrase += ' ';
      phrase += dict.vocab.Word(w);
    }
    return NameSkeleton(phrase);
  };
  auto is_person = [&](uint32_t a) { return a < dict.actors.size() && dict.actors[a].kind == dict::ActorKind::kPerson; };
  dict.actor_trie.ForEachPhrase([&](const std::vector<dict::WordId>& words, const std::vector<uint32_t>& values) {
    bool any = false;
    for (uint32_t a : values) any |= is_person(a);
    if (!any) return;
    const std::string skeleton = text_of(words);
    for (uint32_t a : values)
      if (is_person(a)) Add(&aliases_, skeleton, a);
  });
  dict.surname_trie.ForEachPhrase([&](const std::vector<dict::WordId>& words, const std::vector<uint32_t>& values) {
    const std::string skeleton = text_of(words);
    for (uint32_t a : values)
      if (is_person(a)) Add(&surnames_, skeleton, a);
  });
}

std::shared_ptr<const NameVariantIndex> NameVariantIndex::For(const dict::Dictionaries& dict) {
  // A few entries keyed by the Dictionaries' address and size: a process loads one or two
  // dictionary sets. The newest entry is kept first.
  struct Entry {
    const dict::Dictionaries* dict;
    size_t actors;
    const void* data;
    std::shared_ptr<const NameVariantIndex> index;
  };
  static std::mutex mutex;
  static std::vector<Entry> cache;
  std::lock_guard<std::mutex> lock(mutex);
  for (const Entry& e : cache)
    if (e.dict == &dict && e.actors == dict.actors.size() && e.data == dict.actors.data()) return e.index;
  auto index = std::make_shared<const NameVariantIndex>(dict);
  if (cache.size() >= 4) cache.pop_back();
  cache.insert(cache.begin(), Entry{&dict, dict.actors.size(), dict.actors.data(), index});
  return index;
}

}  // namespace annalist
