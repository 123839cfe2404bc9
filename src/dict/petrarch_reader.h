// Readers for the PETRARCH-2 dictionary formats (verbs, actors, agents, discards, issues),
// as documented in ../shared/reference/docs/petrarch2-dictionaries.rst, with the gold's
// conventions where PETRARCH2 itself deviates (petrarch2-behaviour.md, section 5.2).
#ifndef ANNALIST_DICT_PETRARCH_READER_H_
#define ANNALIST_DICT_PETRARCH_READER_H_

#include <memory>
#include <string>
#include <vector>

#include "annalist/pipeline.h"
#include "annalist/status.h"
#include "dict/dictionary.h"

namespace annalist::dict {

// Reads a whole file into *out ("PATH: cannot open: REASON" on failure). A file of more
// than max_bytes fails with a message naming --max-dict-file-bytes, before it is all read.
Status ReadWholeFile(const std::string& path, std::string* out, size_t max_bytes = size_t(-1));

// Reads all files into one Dictionaries. A malformed line is skipped and reported in
// *warnings as "file:line: reason"; only an unreadable file fails the load.
Result<std::shared_ptr<const Dictionaries>> LoadPetrarch(const DictionaryFiles& files,
                                                         std::vector<std::string>* warnings);

}  // namespace annalist::dict

#endif  // ANNALIST_DICT_PETRARCH_READER_H_
