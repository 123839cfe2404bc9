// Name skeletons and the per-Dictionaries index of person-name variants (name_variants.h).
#include "actors/name_variants.h"

#include <mutex>

namespace annalist {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// One word (already lower-case letters only) to its skeleton, appended to *out.
void WordSkeleton(const std::string& w, std::string* out) {
  // Consonant spellings that transliterations swap: kh/q/ck -> k, ph -> f, dj -> j, gh -> g,
  // dh -> d (Kadhafi / Gaddafi / Qaddafi, Khamenei / Hamenei stay apart only by k vs h).
  std::string c;
  c.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    const char a = w[i];
    const char b = i + 1 < w.size() ? w[i + 1] : '\0';
    if ((a == 'k' && b == 'h') || (a == 'c' && b == 'k')) { c += 'k'; ++i; continue; }
    if (a == 'p' && b == 'h') { c += 'f'; ++i; continue; }
    if (a == 'd' && b == 'j') { c += 'j'; ++i; continue; }
    if ((a == 'g' || a == 'd') && b == 'h') { c += a; ++i; continue; }
    if (a == 'q') { c += 'k'; continue; }
    c += a;
  }
  // Final h after a vowel (Abdullah / Abdulla).
  if (c.size() > 2 && c.back() == 'h' && IsVowel(c[c.size() - 2])) c.pop_back();
  // Doubled consonants collapsed (Mohammed / Mohamed, Gaddafi / Gadafi); doubled vowels
  // are kept for the cluster classes (Raeesi).
  std::string d;
  d.reserve(c.size());
  for (char a : c)
    if (d.empty() || d.back() != a || IsVowel(a)) d += a;
  // Vowel clusters to one class letter. 'y' is a consonant at the start of the word or
  // before a vowel (Yasser, Sayed), a vowel otherwise (Raisy).
  for (size_t i = 0; i < d.size();) {
    const char a = d[i];
    const bool vowel = IsVowel(a) && !(a == 'y' && (i == 0 || (i + 1 < d.size() && IsVowel(d[i + 1]))));
    if (!vowel) {
      *out += a;
      ++i;
      continue;
    }
    size_t j = i;
    bool has_i = false, has_u = false;
    size_t e_count = 0;
    while (j < d.size() && IsVowel(d[j]) &&
           !(d[j] == 'y' && j > i && j + 1 < d.size() && IsVowel(d[j + 1]))) {
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

}  // namespace

std::string NameSkeleton(std::string_view name) {
  std::string result;
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&]() {
    if (!cur.empty()) words.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    char ch = name[i];
    if (ch == ' ' || ch == '_' || ch == '\t') { flush(); continue; }
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (ch == '-' && (cur == "al" || cur == "el" || cur == "ul" || cur == "ad" || cur == "ar" ||
                      cur == "as" || cur == "at" || cur == "an" || cur == "az" || cur == "ash")) {
      // Arabic article glued with a hyphen: al-Sudani, el-Sisi, as-Sadr.
      cur.clear();
      continue;
    }
    if (ch >= 'a' && ch <= 'z') cur += ch;  // apostrophes, hyphens, dots, non-ASCII dropped
  }
  flush();
  for (size_t k = 0; k < words.size(); ++k) {
    // A free-standing article before another word ("Al Sudani").
    if (k + 1 < words.size() && (words[k] == "al" || words[k] == "el")) continue;
    std::string skeleton;
    WordSkeleton(words[k], &skeleton);
    if (skeleton.empty()) continue;
    if (!result.empty()) result += ' ';
    result += skeleton;
  }
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
  if (inserted) table->buckets[BucketKey(skeleton, skeleton.size())].push_back(&it->first);
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
  auto it = table.exact.find(std::string(skeleton));
  if (it != table.exact.end()) {
    add(it->second);
    return;  // an exact skeleton beats any one-edit neighbour
  }
  if (!fuzzy || Letters(skeleton) < 5) return;
  for (size_t length = skeleton.size() - 1; length <= skeleton.size() + 1; ++length) {
    auto b = table.buckets.find(BucketKey(skeleton, length));
    if (b == table.buckets.end()) continue;
    for (const std::string* key : b->second) {
      if (!SkeletonsMatch(skeleton, *key)) continue;
      add(table.exact.at(*key));
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
  auto is_person = [&](uint32_t a) { return a < dict.actors.size() && dict.actors[a].kind == "person"; };
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
