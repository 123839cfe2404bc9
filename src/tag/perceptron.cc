#include "tag/perceptron.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace annalist::tag {
namespace {

// Feature template ids; part of the model format (changing them requires retraining,
// which the build does whenever this file changes).
enum Template : uint64_t {
  kBias = 1,
  kSuffix3,
  kSuffix2,
  kSuffix1,
  kPrefix1,
  kWord,
  kShape,
  kPrevTag,
  kPrev2Tag,
  kPrevTags,
  kPrevTagWord,
  kPrevWord,
  kPrevSuffix3,
  kPrev2Word,
  kNextWord,
  kNextSuffix3,
  kNext2Word,
  kFlags,
  kPrevTagShape,
  kNextShape,
  kSuffix3Capital,
  kPrevWordWord,
  kWordNextWord,
  kPrevShape,
  kRareFlags,
  kRareSuffix3,
};

char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

WordInfo MakePad(std::string_view name) {
  WordInfo w;
  w.exact = w.lower = HashBytes(name);
  w.suffix1 = w.suffix2 = w.suffix3 = w.prefix1 = w.shape = w.lower;
  return w;
}

const WordInfo kStart1 = MakePad("-START-");
const WordInfo kStart2 = MakePad("-START2-");
const WordInfo kEnd1 = MakePad("-END-");
const WordInfo kEnd2 = MakePad("-END2-");

typedef float Float8 __attribute__((vector_size(32)));

inline uint64_t F(uint64_t t, uint64_t a) { return Mix(t, a); }
inline uint64_t F(uint64_t t, uint64_t a, uint64_t b) { return Mix(Mix(t, a), b); }

}  // namespace

const WordInfo& StartWord(int k) { return k == 1 ? kStart1 : kStart2; }
const WordInfo& EndWord(int k) { return k == 1 ? kEnd1 : kEnd2; }

void DescribeWord(std::string_view text, bool first_in_sentence, bool quote_opens,
                  WordInfo* info) {
  // PTB writes double quotes as `` and ''; the segmenter may hand us the raw character.
  if (text == "\"") text = quote_opens ? "``" : "''";
  else if (text == "\xE2\x80\x9C") text = "``";  // “
  else if (text == "\xE2\x80\x9D") text = "''";  // ”
  else if (text == "\xE2\x80\x98") text = "`";   // ‘
  else if (text == "\xE2\x80\x99") text = "'";   // ’

  char lower[64];
  char shape[16];
  size_t len = std::min(text.size(), sizeof(lower));
  size_t shape_len = 0;
  char last_class = 0;
  int run = 0;
  uint8_t flags = first_in_sentence ? kFlagFirst : 0;
  bool any_lower = false, any_alpha = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (i < len) lower[i] = ToLower(c);
    char cls;
    if (IsUpper(c)) { cls = 'X'; any_alpha = true; }
    else if (IsLowerAscii(c)) { cls = 'x'; any_alpha = any_lower = true; }
    else if (IsDigit(c)) { cls = 'd'; flags |= kFlagDigit; }
    else if (static_cast<unsigned char>(c) >= 0x80) { cls = 'u'; }
    else { cls = c; if (c == '-' && i > 0 && i + 1 < text.size()) flags |= kFlagHyphen; }
    if (cls == last_class) {
      ++run;
    } else {
      run = 1;
      last_class = cls;
    }
    if (run <= 2 && shape_len < sizeof(shape)) shape[shape_len++] = cls;
  }
  if (!text.empty() && IsUpper(text[0])) flags |= kFlagCapital;
  if (any_alpha) flags |= kFlagAlpha;
  if (any_alpha && !any_lower) flags |= kFlagAllCaps;
  info->flags = flags;
  info->exact = HashBytes(text);
  std::string_view low(lower, len);
  // Honnibal's normalisation: 4-digit numbers are years, other numbers one class.
  if (len == 4 && IsDigit(low[0]) && IsDigit(low[1]) && IsDigit(low[2]) && IsDigit(low[3])) {
    info->lower = HashBytes("!YEAR");
  } else if (len > 0 && IsDigit(low[0])) {
    info->lower = HashBytes("!DIGITS");
  } else if ((flags & kFlagAllCaps) && text.size() >= 2 && text.size() <= 5) {
    // Short all-capital words are acronyms (US, UN, AFP), not the lower-case word (us).
    info->lower = Mix(HashBytes(low), 0xACull);
  } else {
    info->lower = HashBytes(low);
  }
  info->suffix1 = HashBytes(low.substr(len >= 1 ? len - 1 : 0));
  info->suffix2 = HashBytes(low.substr(len >= 2 ? len - 2 : 0));
  info->suffix3 = HashBytes(low.substr(len >= 3 ? len - 3 : 0));
  info->prefix1 = HashBytes(low.substr(0, 1));
  info->shape = HashBytes(std::string_view(shape, shape_len));
}

int ExtractFeatures(const WordInfo* words, size_t n, size_t i, Pos prev, Pos prev2,
                    uint64_t* keys) {
  const WordInfo& w = words[i];
  const WordInfo& p1 = i >= 1 ? words[i - 1] : kStart1;
  const WordInfo& p2 = i >= 2 ? words[i - 2] : (i == 1 ? kStart1 : kStart2);
  const WordInfo& n1 = i + 1 < n ? words[i + 1] : kEnd1;
  const WordInfo& n2 = i + 2 < n ? words[i + 2] : (i + 1 < n ? kEnd1 : kEnd2);
  uint64_t t1 = static_cast<uint64_t>(prev) + 1000, t2 = static_cast<uint64_t>(prev2) + 1000;
  int k = 0;
  keys[k++] = F(kBias, 0);
  keys[k++] = F(kSuffix3, w.suffix3);
  keys[k++] = F(kSuffix2, w.suffix2);
  keys[k++] = F(kSuffix1, w.suffix1);
  keys[k++] = F(kPrefix1, w.prefix1);
  keys[k++] = F(kWord, w.lower);
  keys[k++] = F(kShape, w.shape);
  keys[k++] = F(kPrevTag, t1);
  keys[k++] = F(kPrev2Tag, t2);
  keys[k++] = F(kPrevTags, t1, t2);
  keys[k++] = F(kPrevTagWord, t1, w.lower);
  keys[k++] = F(kPrevWord, p1.lower);
  keys[k++] = F(kPrevSuffix3, p1.suffix3);
  keys[k++] = F(kPrev2Word, p2.lower);
  keys[k++] = F(kNextWord, n1.lower);
  keys[k++] = F(kNextSuffix3, n1.suffix3);
  keys[k++] = F(kNext2Word, n2.lower);
  keys[k++] = F(kFlags, w.flags);
  keys[k++] = F(kPrevTagShape, t1, w.shape);
  keys[k++] = F(kNextShape, n1.shape);
  keys[k++] = F(kSuffix3Capital, w.suffix3, w.flags & (kFlagCapital | kFlagFirst));
  keys[k++] = F(kPrevWordWord, p1.lower, w.lower);
  keys[k++] = F(kWordNextWord, w.lower, n1.lower);
  keys[k++] = F(kPrevShape, p1.shape);
  // Words the training data barely knows: rely on shape and capitalisation (names).
  if (w.flags & kFlagRare) {
    keys[k++] = F(kRareFlags, w.flags);
    keys[k++] = F(kRareSuffix3, w.suffix3, w.flags & (kFlagCapital | kFlagFirst | kFlagAllCaps));
  }
  return k;
}

Pos PunctuationTag(std::string_view t) {
  if (t.empty() || t.size() > 3) return Pos::kNone;
  for (unsigned char c : t) {
    if ((c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80) {
      // The few non-ASCII punctuation marks news uses.
      if (t == "\xE2\x80\x94" || t == "\xE2\x80\x93") return Pos::kColon;  // em/en dash
      if (t == "\xE2\x80\x9C") return Pos::kOpenQuote;
      if (t == "\xE2\x80\x9D") return Pos::kCloseQuote;
      if (t == "\xE2\x80\xA6") return Pos::kColon;  // …
      return Pos::kNone;
    }
  }
  if (t == "." || t == "!" || t == "?" || t == "?!" || t == "!!" || t == "??") return Pos::kPeriod;
  if (t == ",") return Pos::kComma;
  if (t == ":" || t == ";" || t == "--" || t == "-" || t == "..." || t == "---") return Pos::kColon;
  if (t == "``" || t == "`") return Pos::kOpenQuote;
  if (t == "''") return Pos::kCloseQuote;  // a lone ' may be POS (workers'): model decides
  if (t == "(" || t == "[" || t == "{") return Pos::kOpenParen;
  if (t == ")" || t == "]" || t == "}") return Pos::kCloseParen;
  if (t == "$") return Pos::kDollar;
  if (t == "#") return Pos::kHash;
  if (t == "%" || t == "&") return t == "%" ? Pos::NN : Pos::CC;
  return Pos::kNone;
}

void DescribeSentence(const std::string_view* texts, const bool* quote_opens, size_t n,
                      WordInfo* words, Pos* forced) {
  bool first = true;
  for (size_t i = 0; i < n; ++i) {
    std::string_view text = texts[i];
    bool opens = quote_opens != nullptr && quote_opens[i];
    Pos punct = text == "\"" ? (opens ? Pos::kOpenQuote : Pos::kCloseQuote) : PunctuationTag(text);
    forced[i] = punct;
    DescribeWord(text, first, opens, &words[i]);
    if (punct == Pos::kNone) first = false;
  }
}

void PerceptronModel::AddTagDictionary(uint64_t exact_hash, Pos pos) {
  pending_dict_.emplace_back(exact_hash, pos);
}

void PerceptronModel::AddVocabulary(uint64_t lower_hash) { vocabulary_.push_back(lower_hash); }

void PerceptronModel::MarkRare(WordInfo* words, size_t n) const {
  if (vocabulary_mask_ == 0) return;
  for (size_t i = 0; i < n; ++i) {
    uint64_t key = words[i].lower;
    uint64_t index = key & vocabulary_mask_;
    bool known = false;
    while (vocabulary_view_[index] != 0) {
      if (vocabulary_view_[index] == key) {
        known = true;
        break;
      }
      index = (index + 1) & vocabulary_mask_;
    }
    if (!known) words[i].flags |= kFlagRare;
  }
}

void PerceptronModel::AddFeature(uint64_t key, const std::vector<std::pair<uint8_t, float>>& row) {
  if (row.empty()) return;
  uint32_t offset = static_cast<uint32_t>(classes_.size());
  for (const auto& [cls, weight] : row) {
    classes_.push_back(cls);
    weights_.push_back(weight);
  }
  pending_.push_back({key, {offset, static_cast<uint32_t>(row.size())}});
}

void PerceptronModel::Finish() {
  size_t capacity = 16;
  while (capacity < pending_.size() * 2) capacity <<= 1;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  dense_.clear();
  for (const auto& [key, range] : pending_) {
    uint64_t index = key & mask_;
    while (slots_[index].count != 0 && slots_[index].key != key) index = (index + 1) & mask_;
    if (range.second >= kDenseMinCount) {
      uint32_t row = static_cast<uint32_t>(dense_.size());
      dense_.resize(dense_.size() + kDenseWidth, 0.0f);
      for (uint32_t e = 0; e < range.second; ++e) {
        dense_[row + classes_[range.first + e]] += weights_[range.first + e];
      }
      slots_[index] = Slot{key, row, kDense};
    } else {
      slots_[index] = Slot{key, range.first, range.second};
    }
  }
  slot_count_used_ = pending_.size();
  entries_.resize(classes_.size());
  for (size_t e = 0; e < classes_.size(); ++e) entries_[e] = Entry{weights_[e], classes_[e]};
  classes_.clear();
  classes_.shrink_to_fit();
  weights_.clear();
  weights_.shrink_to_fit();
  pending_.clear();
  pending_.shrink_to_fit();

  capacity = 16;
  while (capacity < pending_dict_.size() * 2) capacity <<= 1;
  dict_slots_.assign(capacity, DictSlot{});
  dict_mask_ = capacity - 1;
  for (const auto& [key, pos] : pending_dict_) {
    uint64_t index = key & dict_mask_;
    while (dict_slots_[index].pos != Pos::kNone && dict_slots_[index].key != key) {
      index = (index + 1) & dict_mask_;
    }
    dict_slots_[index] = DictSlot{key, pos};
  }
  pending_dict_.clear();
  pending_dict_.shrink_to_fit();

  std::vector<uint64_t> words;
  words.swap(vocabulary_);
  if (!words.empty()) {
    capacity = 16;
    while (capacity < words.size() * 2) capacity <<= 1;
    vocabulary_.assign(capacity, 0);
    vocabulary_mask_ = capacity - 1;
    for (uint64_t key : words) {
      if (key == 0) continue;
      uint64_t index = key & vocabulary_mask_;
      while (vocabulary_[index] != 0 && vocabulary_[index] != key) index = (index + 1) & vocabulary_mask_;
      vocabulary_[index] = key;
    }
  }
  ViewOwned();
}

void PerceptronModel::ViewOwned() {
  slot_view_ = slots_.data();
  slot_view_size_ = slots_.size();
  entry_view_ = entries_.data();
  entry_view_size_ = entries_.size();
  dense_view_ = dense_.data();
  dense_view_size_ = dense_.size();
  dict_view_ = dict_slots_.data();
  dict_view_size_ = dict_slots_.size();
  vocabulary_view_ = vocabulary_.data();
}

// ---------------------------------------------------------------------------------------------
// Binary model: the tables exactly as Finish() built them, each section 64-byte aligned so
// that a model embedded in .rodata (cmake/tagger.cmake aligns it) is used in place.
//   section := uint64 element count, uint64 element size, padding to 64, elements, padding to 64

namespace {

constexpr size_t kAlign = 64;

void PadTo64(std::string* out) { out->resize((out->size() + kAlign - 1) / kAlign * kAlign, '\0'); }

template <typename T>
void AppendSection(std::string* out, const T* data, size_t count) {
  uint64_t header[2] = {count, sizeof(T)};
  out->append(reinterpret_cast<const char*>(header), sizeof(header));
  PadTo64(out);
  out->append(reinterpret_cast<const char*>(data), count * sizeof(T));
  PadTo64(out);
}

template <typename T>
bool ViewSection(std::string_view data, size_t* offset, const T** view, size_t* count) {
  uint64_t header[2];
  if (*offset + sizeof(header) > data.size()) return false;
  std::memcpy(header, data.data() + *offset, sizeof(header));
  if (header[1] != sizeof(T) || header[0] > (data.size() / sizeof(T))) return false;
  size_t begin = (*offset + sizeof(header) + kAlign - 1) / kAlign * kAlign;
  size_t bytes = header[0] * sizeof(T);
  if (begin + bytes > data.size()) return false;
  *view = reinterpret_cast<const T*>(data.data() + begin);
  *count = header[0];
  *offset = std::min(data.size(), (begin + bytes + kAlign - 1) / kAlign * kAlign);
  return true;
}

bool IsPowerOfTwo(size_t n) { return n != 0 && (n & (n - 1)) == 0; }

}  // namespace

void PerceptronModel::AppendBinary(std::string* out) const {
  uint64_t used = slot_count_used_;
  AppendSection(out, &used, 1);
  AppendSection(out, slot_view_, slot_view_size_);
  AppendSection(out, entry_view_, entry_view_size_);
  AppendSection(out, dense_view_, dense_view_size_);
  AppendSection(out, dict_view_, dict_view_size_);
  AppendSection(out, vocabulary_view_, vocabulary_mask_ == 0 ? 0 : vocabulary_mask_ + 1);
}

bool PerceptronModel::ViewBinary(std::string_view data, bool verify, size_t* offset) {
  const uint64_t* used = nullptr;
  size_t one = 0, vocabulary_size = 0;
  if (!ViewSection(data, offset, &used, &one) || one != 1 ||
      !ViewSection(data, offset, &slot_view_, &slot_view_size_) ||
      !ViewSection(data, offset, &entry_view_, &entry_view_size_) ||
      !ViewSection(data, offset, &dense_view_, &dense_view_size_) ||
      !ViewSection(data, offset, &dict_view_, &dict_view_size_) ||
      !ViewSection(data, offset, &vocabulary_view_, &vocabulary_size)) {
    return false;
  }
  // Every table is a power-of-two open-addressing table (or empty), and every row a slot
  // points at lies inside its array: a corrupt blob fails here, not in Tag().
  if ((slot_view_size_ != 0 && !IsPowerOfTwo(slot_view_size_)) ||
      (dict_view_size_ != 0 && !IsPowerOfTwo(dict_view_size_)) ||
      (vocabulary_size != 0 && !IsPowerOfTwo(vocabulary_size))) {
    return false;
  }
  for (size_t i = 0; verify && i < slot_view_size_; ++i) {
    const Slot& slot = slot_view_[i];
    if (slot.count == 0) continue;
    if (slot.count == kDense ? uint64_t{slot.offset} + kDenseWidth > dense_view_size_
                             : uint64_t{slot.offset} + slot.count > entry_view_size_) {
      return false;
    }
  }
  for (size_t i = 0; verify && i < entry_view_size_; ++i) {
    if (entry_view_[i].cls >= static_cast<uint32_t>(kNumClasses)) return false;
  }
  slot_count_used_ = *used;
  mask_ = slot_view_size_ == 0 ? 0 : slot_view_size_ - 1;
  dict_mask_ = dict_view_size_ == 0 ? 0 : dict_view_size_ - 1;
  vocabulary_mask_ = vocabulary_size == 0 ? 0 : vocabulary_size - 1;
  return true;
}

const PerceptronModel::Slot* PerceptronModel::Find(uint64_t key) const {
  uint64_t index = key & mask_;
  while (true) {
    const Slot& slot = slot_view_[index];
    if (slot.count == 0) return nullptr;
    if (slot.key == key) return &slot;
    index = (index + 1) & mask_;
  }
}

// Two builds of the scoring loop, chosen at load time (ifunc): AVX2 where the CPU has it
// (8-float adds), SSE2 otherwise. Both add the same floats in the same order. GCC only:
// clang 14 does not emit the resolver for a member function (undefined reference), and
// the fuzzing builds use clang.
#if defined(__GNUC__) && !defined(__clang__)
#define ANNALIST_SCORING_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define ANNALIST_SCORING_CLONES
#endif
ANNALIST_SCORING_CLONES
void PerceptronModel::Tag(WordInfo* words, size_t n, Pos* out) const {
  MarkRare(words, n);
  uint64_t keys[kMaxFeatures];
  alignas(32) float scores[kDenseWidth];
  Pos prev = Pos::kNone, prev2 = Pos::kNone;
  for (size_t i = 0; i < n; ++i) {
    Pos tag = out[i];
    if (tag == Pos::kNone && dict_view_size_ != 0) {
      uint64_t index = words[i].exact & dict_mask_;
      while (dict_view_[index].pos != Pos::kNone) {
        if (dict_view_[index].key == words[i].exact) {
          tag = dict_view_[index].pos;
          break;
        }
        index = (index + 1) & dict_mask_;
      }
    }
    if (tag == Pos::kNone && slot_view_size_ != 0) {
      int count = ExtractFeatures(words, n, i, prev, prev2, keys);
      // Touch every slot first so the cache misses overlap.
      for (int f = 0; f < count; ++f) __builtin_prefetch(&slot_view_[keys[f] & mask_]);
      std::memset(scores, 0, sizeof(scores));
      // Find every row first and touch it, then add: the row misses overlap too. The sum
      // runs in feature order, as before, so the scores are the same to the bit.
      const Slot* found[kMaxFeatures];
      int found_count = 0;
      for (int f = 0; f < count; ++f) {
        const Slot* slot = Find(keys[f]);
        if (slot == nullptr) continue;
        __builtin_prefetch(slot->count == kDense ? static_cast<const void*>(dense_view_ + slot->offset)
                                                 : static_cast<const void*>(entry_view_ + slot->offset));
        found[found_count++] = slot;
      }
      for (int f = 0; f < found_count; ++f) {
        const Slot* slot = found[f];
        if (slot->count == kDense) {
          // Eight lanes at a time (GCC does not vectorise the scalar loop at -O2; without
          // AVX2 a Float8 is two SSE halves): the same element-wise IEEE additions in the same
          // order, so the same bits.
          const float* row = dense_view_ + slot->offset;
#pragma GCC unroll 8
          for (int c = 0; c < kDenseWidth; c += 8) {
            Float8 a, b;
            std::memcpy(&a, scores + c, sizeof(a));
            std::memcpy(&b, row + c, sizeof(b));
            a += b;
            std::memcpy(scores + c, &a, sizeof(a));
          }
          continue;
        }
        const Entry* entry = entry_view_ + slot->offset;
        for (uint32_t e = 0; e < slot->count; ++e) scores[entry[e].cls] += entry[e].weight;
      }
      // The first class (from 1) holding the highest score, as the scalar scan
      // "if (scores[c] > scores[best]) best = c" finds it: lane-wise maximum, then the first
      // class equal to it. Class 0 (none) and the padding lanes never win.
      scores[0] = -std::numeric_limits<float>::infinity();
      for (int c = kNumClasses; c < kDenseWidth; ++c) scores[c] = -std::numeric_limits<float>::infinity();
      Float8 high;
      std::memcpy(&high, scores, sizeof(high));
#pragma GCC unroll 8
      for (int c = 8; c < kDenseWidth; c += 8) {
        Float8 v;
        std::memcpy(&v, scores + c, sizeof(v));
        high = v > high ? v : high;
      }
      float best_score = high[0];
      for (int lane = 1; lane < 8; ++lane) best_score = high[lane] > best_score ? high[lane] : best_score;
      int best = 1;
      while (best + 1 < kNumClasses && scores[best] != best_score) ++best;
      tag = static_cast<Pos>(best);
    }
    out[i] = tag;
    prev2 = prev;
    prev = tag;
  }
}

// ---------------------------------------------------------------------------------------------
// Lemmatiser.

namespace {
uint64_t LemmaKey(char cls, std::string_view lower) { return Mix(static_cast<uint64_t>(cls), HashBytes(lower)); }
}  // namespace

void Lemmatizer::AddException(char cls, std::string_view word, std::string_view lemma) {
  std::string upper(lemma);
  for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  exceptions_.push_back(ExceptionEntry{LemmaKey(cls, word), static_cast<uint32_t>(lemma_chars_.size()),
                                       static_cast<uint32_t>(upper.size())});
  lemma_chars_ += upper;
}

void Lemmatizer::AddBase(char cls, std::string_view word) { bases_.push_back(LemmaKey(cls, word)); }

void Lemmatizer::Finish() {
  std::sort(bases_.begin(), bases_.end());
  bases_.erase(std::unique(bases_.begin(), bases_.end()), bases_.end());
  // Stable: the first exception listed for a word wins (WordNet lists the usual one first).
  std::stable_sort(exceptions_.begin(), exceptions_.end(),
                   [](const auto& a, const auto& b) { return a.key < b.key; });
  base_view_ = bases_.data();
  base_view_size_ = bases_.size();
  exception_view_ = exceptions_.data();
  exception_view_size_ = exceptions_.size();
  lemma_view_ = lemma_chars_.data();
  lemma_view_size_ = lemma_chars_.size();
}

void Lemmatizer::AppendBinary(std::string* out) const {
  AppendSection(out, base_view_, base_view_size_);
  AppendSection(out, exception_view_, exception_view_size_);
  AppendSection(out, lemma_view_, lemma_view_size_);
}

bool Lemmatizer::ViewBinary(std::string_view data, bool verify, size_t* offset) {
  if (!ViewSection(data, offset, &base_view_, &base_view_size_) ||
      !ViewSection(data, offset, &exception_view_, &exception_view_size_) ||
      !ViewSection(data, offset, &lemma_view_, &lemma_view_size_)) {
    return false;
  }
  for (size_t i = 0; verify && i < exception_view_size_; ++i) {
    const ExceptionEntry& e = exception_view_[i];
    if (uint64_t{e.offset} + e.length > lemma_view_size_) return false;
  }
  return true;
}

bool Lemmatizer::IsBase(char cls, std::string_view lower) const {
  return std::binary_search(base_view_, base_view_ + base_view_size_, LemmaKey(cls, lower));
}

bool Lemmatizer::Exception(char cls, std::string_view lower, std::string_view* lemma) const {
  uint64_t key = LemmaKey(cls, lower);
  const ExceptionEntry* end = exception_view_ + exception_view_size_;
  const ExceptionEntry* it = std::lower_bound(exception_view_, end, key,
                                              [](const ExceptionEntry& e, uint64_t k) { return e.key < k; });
  if (it == end || it->key != key) return false;
  *lemma = std::string_view(lemma_view_ + it->offset, it->length);
  return true;
}

void Lemmatizer::Lemmatize(std::string_view norm, Pos pos, std::string* out) const {
  char cls = IsVerb(pos) ? 'v' : (pos == Pos::NN || pos == Pos::NNS) ? 'n'
           : (pos == Pos::MD) ? 'm' : 0;
  // Words that are no verb, common noun or modal are their own lemma; so are base forms
  // (VB, NN): WordNet's noun.exc would turn NN "data" into DATUM.
  if (cls == 0 || pos == Pos::VB || pos == Pos::NN || norm.size() > 48) {
    out->assign(norm);
    return;
  }
  char lower[48];
  size_t len = norm.size();
  for (size_t i = 0; i < len; ++i) lower[i] = ToLower(norm[i]);
  std::string_view word(lower, len);
  // Exceptions first (SAID -> SAY, WAS -> BE), including the PTB clitics ('S, 'LL, CA, WO)
  // the trainer adds to WordNet's lists.
  if (std::string_view e; Exception(cls, word, &e)) {
    out->assign(e);
    return;
  }
  if (cls == 'm' || len < 3) {
    out->assign(norm);
    return;
  }
  auto ends = [&](std::string_view suffix) {
    return word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
  };
  char candidate[56];
  auto upper_out = [&](std::string_view stem, std::string_view add) {
    out->resize(stem.size() + add.size());
    for (size_t i = 0; i < stem.size(); ++i) (*out)[i] = static_cast<char>(stem[i] >= 'a' && stem[i] <= 'z' ? stem[i] - 32 : stem[i]);
    for (size_t i = 0; i < add.size(); ++i) (*out)[stem.size() + i] = static_cast<char>(add[i] >= 'a' && add[i] <= 'z' ? add[i] - 32 : add[i]);
  };
  // Morphy detachment rules (WordNet morph.c), tried in order; the first candidate that is a
  // WordNet base word of the class wins.
  struct Rule { const char* suffix; const char* ending; };
  static constexpr Rule kVerbRules[] = {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""},
                                        {"ed", "e"},  {"ed", ""},  {"ing", "e"}, {"ing", ""}};
  static constexpr Rule kNounRules[] = {{"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
                                        {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {"s", ""}};
  const Rule* rules = cls == 'v' ? kVerbRules : kNounRules;
  size_t rule_count = 8;
  bool is_verb = cls == 'v';
  for (size_t r = 0; r < rule_count; ++r) {
    std::string_view suffix = rules[r].suffix, ending = rules[r].ending;
    if (!ends(suffix)) continue;
    std::string_view stem = word.substr(0, word.size() - suffix.size());
    std::memcpy(candidate, stem.data(), stem.size());
    std::memcpy(candidate + stem.size(), ending.data(), ending.size());
    std::string_view cand(candidate, stem.size() + ending.size());
    if (IsBase(cls, cand)) {
      upper_out(stem, ending);
      return;
    }
    // Doubled final consonant: STOPPED -> STOP, PLANNING -> PLAN (Morphy lacks this rule;
    // WordNet's verb.exc lists only some such verbs).
    if (is_verb && ending.empty() && (suffix == "ed" || suffix == "ing") && stem.size() >= 3 &&
        stem[stem.size() - 1] == stem[stem.size() - 2] &&
        std::string_view("aeiouy").find(stem.back()) == std::string_view::npos &&
        IsBase(cls, stem.substr(0, stem.size() - 1))) {
      upper_out(stem.substr(0, stem.size() - 1), "");
      return;
    }
  }
  if (IsBase(cls, word)) {
    out->assign(norm);
    return;
  }
  // Unknown word: strip the inflection the tag implies.
  if (is_verb) {
    if ((pos == Pos::VBD || pos == Pos::VBN) && ends("ied")) return upper_out(word.substr(0, len - 3), "y");
    if ((pos == Pos::VBD || pos == Pos::VBN) && ends("ed")) return upper_out(word.substr(0, len - 2), "");
    if (pos == Pos::VBG && ends("ing")) return upper_out(word.substr(0, len - 3), "");
    if (pos == Pos::VBZ && ends("ies")) return upper_out(word.substr(0, len - 3), "y");
    if (pos == Pos::VBZ && (ends("ches") || ends("shes") || ends("sses") || ends("xes")))
      return upper_out(word.substr(0, len - 2), "");
    if (pos == Pos::VBZ && ends("s") && !ends("ss")) return upper_out(word.substr(0, len - 1), "");
  } else if (pos == Pos::NNS) {
    if (ends("ies")) return upper_out(word.substr(0, len - 3), "y");
    if (ends("ches") || ends("shes") || ends("sses") || ends("xes")) return upper_out(word.substr(0, len - 2), "");
    if (ends("s") && !ends("ss")) return upper_out(word.substr(0, len - 1), "");
  }
  out->assign(norm);
}

}  // namespace annalist::tag
