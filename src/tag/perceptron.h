// Averaged-perceptron POS model core: word description, feature extraction and the
// read-only weight table used at run time. Shared by the library (src/tag/tagger.cc) and the
// build-time trainer (tools/train_tagger), which compiles this file directly so that it does
// not depend on the `annalist` library that embeds the model it writes.
//
// Features follow Honnibal's "A good part-of-speech tagger in about 200 lines of Python"
// (2013), plus shape, capitalisation, hyphen and digit features so that the many names news
// text has and the 1960s Brown corpus lacks come out NNP. Features are 64-bit hashes of
// (template, value...), never strings, so extraction does no allocation.
#ifndef ANNALIST_TAG_PERCEPTRON_H_
#define ANNALIST_TAG_PERCEPTRON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"

namespace annalist::tag {

inline constexpr int kNumClasses = static_cast<int>(Pos::kCount);
inline constexpr int kMaxFeatures = 32;

// FNV-1a; stable across builds (the model stores these hashes).
inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// splitmix64 finaliser of a combined pair.
inline uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t z = a * 0x9E3779B97F4A7C15ull + b + 0x632BE59BD9B4E019ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

enum WordFlag : uint8_t {
  kFlagCapital = 1,   // first letter upper case
  kFlagAllCaps = 2,   // has letters, none lower case
  kFlagHyphen = 4,    // inner hyphen
  kFlagDigit = 8,     // has a digit
  kFlagFirst = 16,    // first token of the sentence
  kFlagAlpha = 32,    // has a letter
  kFlagRare = 64,     // not in the model's vocabulary (seen < 2 times in training)
};

struct WordInfo {
  uint64_t exact = 0;    // case-exact form (tag dictionary key)
  uint64_t lower = 0;    // lower-cased form; numbers folded to !DIGITS / !YEAR
  uint64_t suffix1 = 0, suffix2 = 0, suffix3 = 0, prefix1 = 0;
  uint64_t shape = 0;    // "Xxx", "X.X.", "dd", ...
  uint8_t flags = 0;
};

// Describes one token. `text` is the token as written (original case) when available;
// `norm` the upper-cased normal form of the segmenter, used when `text` is empty.
// `quote_opens` disambiguates a plain '"' token into `` or '' (PTB).
void DescribeWord(std::string_view text, bool first_in_sentence, bool quote_opens, WordInfo* info);

// Describes a sentence: `texts` are the tokens as written. Tokens before the first
// non-punctuation token count as sentence-initial context; `forced` receives the
// deterministic punctuation tags (kNone for tokens the model must tag).
void DescribeSentence(const std::string_view* texts, const bool* quote_opens, size_t n,
                      WordInfo* words, Pos* forced);

// Sentence padding (Honnibal's -START- / -END-).
const WordInfo& StartWord(int k);  // k = 1, 2: words before the sentence
const WordInfo& EndWord(int k);    // k = 1, 2: words after

// Writes the feature hashes of token `i` of `words[0..n)` given the two previous tags.
int ExtractFeatures(const WordInfo* words, size_t n, size_t i, Pos prev, Pos prev2,
                    uint64_t* keys);

// Deterministic tags for punctuation-only tokens (after PTB conventions); kNone otherwise.
Pos PunctuationTag(std::string_view token);

// The read-only weight table: open addressing from feature hash to a sparse row of
// (class, weight). Built once, then shared by all threads.
class PerceptronModel {
 public:
  void AddTagDictionary(uint64_t exact_hash, Pos pos);
  void AddVocabulary(uint64_t lower_hash);
  void AddFeature(uint64_t key, const std::vector<std::pair<uint8_t, float>>& row);
  void Finish();  // builds the hash tables; call once after all Add* calls

  // Greedy left-to-right tagging (marks rare words in `words` first). `out` has n entries; entries that are not kNone on entry
  // are kept (forced tags, e.g. punctuation).
  void Tag(WordInfo* words, size_t n, Pos* out) const;

  size_t feature_count() const { return slot_count_used_; }

  // Compact binary form of a finished model (see src/tag/model_binary.cc): the hash tables
  // exactly as Finish() laid them out, so loading is pointer arithmetic, not parsing.
  void AppendBinary(std::string* out) const;
  // Points the model at the tables in `data` (which must stay alive and be 64-byte
  // aligned); advances *offset past them. False on a truncated blob, and (`verify`) on a
  // row reference outside its table.
  bool ViewBinary(std::string_view data, bool verify, size_t* offset);

  // Sets kFlagRare on words outside the vocabulary (Tag does this itself).
  void MarkRare(WordInfo* words, size_t n) const;

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t offset = 0;  // into classes_/weights_, or (dense rows) into dense_
    uint32_t count = 0;   // 0 = empty slot; kDense bit: a dense row of kDenseWidth floats
  };
  // Rows with many classes (the bias, common suffixes and shapes: the features every token
  // fires) are stored dense and added with vector instructions; a missing class adds +0.0f,
  // which leaves every score bit-identical to the sparse sum.
  static constexpr uint32_t kDense = 0x80000000u;
  static constexpr uint32_t kDenseMinCount = 8;
  static constexpr int kDenseWidth = (kNumClasses + 7) / 8 * 8;
  struct DictSlot {
    uint64_t key = 0;
    Pos pos = Pos::kNone;
    uint8_t padding[7] = {};  // explicit, so the binary model is byte-for-byte reproducible
  };
  const Slot* Find(uint64_t key) const;
  void ViewOwned();  // points the views at the vectors below

  // What Tag() reads: either the vectors below (text model) or a binary model in .rodata.
  const Slot* slot_view_ = nullptr;
  const DictSlot* dict_view_ = nullptr;
  const uint64_t* vocabulary_view_ = nullptr;
  const float* dense_view_ = nullptr;
  size_t slot_view_size_ = 0, dict_view_size_ = 0, entry_view_size_ = 0, dense_view_size_ = 0;

  std::vector<std::pair<uint64_t, std::pair<uint32_t, uint32_t>>> pending_;
  std::vector<std::pair<uint64_t, Pos>> pending_dict_;
  std::vector<Slot> slots_;
  std::vector<DictSlot> dict_slots_;
  std::vector<uint64_t> vocabulary_;  // open addressing of lower-case word hashes; 0 = empty
  uint64_t vocabulary_mask_ = 0;
  uint64_t mask_ = 0, dict_mask_ = 0;
  // Sparse rows: (class, weight) side by side, so a row is one cache line, not two.
  struct Entry {
    float weight;
    uint32_t cls;
  };
  std::vector<Entry> entries_;  // built by Finish() from classes_/weights_
  std::vector<uint8_t> classes_;
  std::vector<float> weights_;
  std::vector<float> dense_;  // dense rows, kDenseWidth floats each
  const Entry* entry_view_ = nullptr;
  size_t slot_count_used_ = 0;
};

// WordNet-style (Morphy) lemmatiser over preloaded exception lists and base-word lists.
class Lemmatizer {
 public:
  // cls: 'v' verb, 'n' noun. Words are lower case.
  void AddException(char cls, std::string_view word, std::string_view lemma);
  void AddBase(char cls, std::string_view word);
  void Finish();

  // Upper-case lemma of `norm` (upper case) tagged `pos` into `out`.
  void Lemmatize(std::string_view norm, Pos pos, std::string* out) const;

  size_t base_count() const { return base_view_size_; }

  // Binary form (see PerceptronModel::AppendBinary).
  void AppendBinary(std::string* out) const;
  bool ViewBinary(std::string_view data, bool verify, size_t* offset);

 private:
  struct ExceptionEntry {
    uint64_t key;     // Mix(cls, hash(word))
    uint32_t offset;  // lemma in lemma_chars_ (upper case)
    uint32_t length;
  };
  bool IsBase(char cls, std::string_view lower) const;
  bool Exception(char cls, std::string_view lower, std::string_view* lemma) const;

  std::vector<uint64_t> bases_;  // sorted Mix(cls, hash(word))
  std::vector<ExceptionEntry> exceptions_;  // sorted by key; stable (first listed wins)
  std::string lemma_chars_;
  // What Lemmatize() reads: the vectors above or a binary model.
  const uint64_t* base_view_ = nullptr;
  const ExceptionEntry* exception_view_ = nullptr;
  const char* lemma_view_ = nullptr;
  size_t base_view_size_ = 0, exception_view_size_ = 0, lemma_view_size_ = 0;
};

}  // namespace annalist::tag

#endif  // ANNALIST_TAG_PERCEPTRON_H_
