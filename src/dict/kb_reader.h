// Reader and checker of annalist's own knowledge-base format (docs/dictionary-format.md):
// data/kb/*.txt compiled into the same Dictionaries as the PETRARCH-2 readers fill. Verb
// files of the knowledge base (data/kb/verbs*.txt) are PETRARCH-2 verb syntax and go
// through the PETRARCH verb reader.
//
// The built-in knowledge base is data/kb/*.txt embedded into the library at build time
// (cmake/kb.cmake), so `annalist code` needs no dictionary files at run time.
#ifndef ANNALIST_DICT_KB_READER_H_
#define ANNALIST_DICT_KB_READER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/status.h"
#include "dict/dictionary.h"

namespace annalist::dict {

// One file: its name (used in "name:line: reason" messages and to pick the reader) and text.
struct KbText {
  std::string name;
  std::string_view text;
};

enum class DictFormat {
  kAuto,              // decide from the name and the text (GuessFormat)
  kKb,                // annalist knowledge base (@actor/@person/@agent/@discard records)
  kPetrarchVerbs,
  kPetrarchActors,
  kPetrarchAgents,
  kPetrarchDiscards,
  kPetrarchIssues,
};

// "kb", "verbs", "actors", "agents", "discards", "issues" (the last five PETRARCH-2).
bool ParseDictFormat(std::string_view name, DictFormat* format);
std::string_view DictFormatName(DictFormat format);

// Knowledge-base files are recognised by '@' record headers; a file whose base name holds
// "verb" is PETRARCH-2 verbs; otherwise the PETRARCH-2 kind is read from the name
// ("Phoenix.agents.txt", "*actors*", "*discard*", "*issue*"), defaulting to actors.
DictFormat GuessFormat(std::string_view name, std::string_view text);

// Reads files (kb or PETRARCH-2 verbs, chosen by GuessFormat) into one Dictionaries.
// Malformed lines are skipped and reported in *warnings as "file:line: reason".
std::shared_ptr<const Dictionaries> LoadKb(const std::vector<KbText>& files,
                                           std::vector<std::string>* warnings);

// The embedded data/kb/*.txt, in file-name order.
const std::vector<KbText>& BuiltinKbFiles();

// LoadKb(BuiltinKbFiles()), built once per process and shared.
std::shared_ptr<const Dictionaries> LoadBuiltinKb(std::vector<std::string>* warnings);

// Validates files as `annalist dict check` does: everything the reader warns about plus
// the checks a load skips for speed (unknown keys, missing source lines, malformed codes,
// duplicate phrases mapping to different codes across all the files given). Appends
// "file:line: reason" messages to *errors.
void CheckDictionaryFiles(const std::vector<KbText>& files, const std::vector<DictFormat>& formats,
                          std::vector<std::string>* errors);

}  // namespace annalist::dict

#endif  // ANNALIST_DICT_KB_READER_H_
