// Shared pieces of the PETRARCH-2 dictionary readers: the line reader with its comment
// rules, small string helpers, English regular forms and date parsing. Internal to
// src/dict; the entry point is petrarch_reader.h.
#ifndef ANNALIST_DICT_PETRARCH_TEXT_H_
#define ANNALIST_DICT_PETRARCH_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/pipeline.h"
#include "dict/dictionary.h"

namespace annalist::dict::petrarch {

// Where warnings go and which file is being read. Warnings are capped per file so that a
// binary file fed by mistake cannot produce millions of lines.
class ReadContext {
 public:
  ReadContext(Dictionaries* dict, std::vector<std::string>* warnings, uint32_t file,
              std::string_view name, const DictionaryLimits& limits = DictionaryLimits());
  ~ReadContext();  // adds "file: N more warnings" if the cap was reached

  Dictionaries& dict() { return *dict_; }
  uint32_t file() const { return file_; }
  const DictionaryLimits& limits() const { return limits_; }
  SourceRef Ref(uint32_t line) const { return SourceRef{file_, line}; }
  void Warn(uint32_t line, std::string_view reason);

  // Interns an upper-cased copy of `word` (ASCII letters only are changed).
  WordId Intern(std::string_view word);

 private:
  static constexpr size_t kMaxWarningsPerFile = 200;
  Dictionaries* dict_;
  std::vector<std::string>* warnings_;
  uint32_t file_;
  std::string name_;  // base name, as in Dictionaries::Describe
  size_t warned_ = 0;
  std::string upper_;  // scratch for Intern
  DictionaryLimits limits_;
};

// Iterates over the lines of a whole file held in memory and applies the common comment
// rules of petrarch2-behaviour.md 1.1: blank lines, lines starting with '#' or "<!" are
// skipped; text from the first '#' on is dropped ('#' inside [...] is kept so that a code
// such as [###] survives); an inline <!-- ... --> is removed and an unterminated one
// swallows the lines up to the one holding "-->" (which is dropped too). With a context,
// a line longer than its limits().max_line_bytes is skipped with a warning.
class LineReader {
 public:
  explicit LineReader(std::string_view text, ReadContext* ctx = nullptr) : text_(text), ctx_(ctx) {}
  // Next non-empty cleaned line (trimmed). `raw` is the untouched line (without '\n').
  bool Next(std::string_view* line, std::string_view* raw, uint32_t* number);

 private:
  std::string_view text_;
  ReadContext* ctx_;
  size_t pos_ = 0;
  uint32_t number_ = 0;
  bool in_comment_ = false;
  std::string scratch_;  // only used when an inline <!-- --> must be cut out
};

inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsUpperAlpha(char c) { return c >= 'A' && c <= 'Z'; }
inline char ToUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

std::string_view Trim(std::string_view s);
std::string Upper(std::string_view s);
// Splits on any of `separators`, dropping empty pieces.
void SplitAny(std::string_view s, std::string_view separators, std::vector<std::string_view>* out);

// Regular noun plural: consonant+Y -> IES, S/X/Z/CH/SH -> +ES, else +S. P2 turns every
// final Y into IES; vowel+Y -> +S (ENVOYS, not ENVOIES) is the English form and cannot
// hurt: nobody writes ENVOIES.
std::string NounPlural(std::string_view word);
// Regular verb forms (petrarch2-behaviour.md 1.2): 3rd person as NounPlural, past +ED
// (+D after E, consonant+Y -> IED), gerund +ING (final E dropped after a consonant).
void RegularVerbForms(std::string_view base, std::string* s_form, std::string* ed_form,
                      std::string* ing_form);

// "950601" or "19950601" -> 19950601. Two-digit years 00-30 are 20YY, others 19YY.
bool ParseDate(std::string_view s, int32_t* date);

}  // namespace annalist::dict::petrarch

#endif  // ANNALIST_DICT_PETRARCH_TEXT_H_
