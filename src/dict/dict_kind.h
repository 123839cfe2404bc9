// What kind of dictionary a file is, decided from its content (`annalist dict check`), so
// that a verbs file named CAMEO.2.0.txt is checked as verbs and a LICENSE is refused.
//
// Each content line (comments and blank lines aside) is classified by its shape:
//   kb        "@actor", "@person", ... record headers (docs/dictionary-format.md)
//   verbs     "--- NAME [code] ---" block headers, "&SYNSET" heads, "- pattern" lines
//   issues    "<ISSUE ...>" / "</ISSUE>" tags
//   agents    "!CLASS! = ..." substitution sets, codes with '~' ("[~GOV]", "[REB~]")
//   actors    a phrase and a bracketed code ("IRAN_ [IRN]"), "+ALIAS" lines
//   discards  upper-case phrases without a code ("WORLD CUP", "+SCORED A GOAL")
//   prose     lines with lower-case words and no code: what a LICENSE or README is made of
// The kind with the strongest evidence wins (kb, issues and verbs have markers nothing
// else has); a file whose lines are mostly prose, or with no line of any dictionary shape,
// is no dictionary.
#ifndef ANNALIST_DICT_DICT_KIND_H_
#define ANNALIST_DICT_DICT_KIND_H_

#include <string>
#include <string_view>

#include "dict/kb_reader.h"

namespace annalist::dict {

// The file's kind, or kAuto when the text is no dictionary; then *why says why
// ("mostly prose (24 of 25 lines): not a dictionary").
DictFormat DetectDictFormat(std::string_view text, std::string* why);

}  // namespace annalist::dict

#endif  // ANNALIST_DICT_DICT_KIND_H_
