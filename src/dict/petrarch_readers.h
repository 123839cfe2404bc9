// The per-kind PETRARCH-2 readers. Each reads one whole file (held in memory) into
// ctx.dict(), warning through ctx for lines it cannot use. Internal to src/dict.
#ifndef ANNALIST_DICT_PETRARCH_READERS_H_
#define ANNALIST_DICT_PETRARCH_READERS_H_

#include <string_view>

#include "dict/petrarch_text.h"

namespace annalist::dict::petrarch {

void ReadVerbs(std::string_view text, ReadContext& ctx);     // petrarch_verbs.cc
void ReadActors(std::string_view text, ReadContext& ctx);    // petrarch_actors.cc
void ReadAgents(std::string_view text, ReadContext& ctx);    // petrarch_agents.cc
void ReadDiscards(std::string_view text, ReadContext& ctx);  // petrarch_lists.cc
void ReadIssues(std::string_view text, ReadContext& ctx);    // petrarch_lists.cc

// After all files: orders verbs_by_form (multi-word entries first, most words first).
void FinishVerbs(Dictionaries& dict);

}  // namespace annalist::dict::petrarch

#endif  // ANNALIST_DICT_PETRARCH_READERS_H_
