// Fuzz target: the PETRARCH-2 dictionary readers (src/dict/petrarch_readers.h) on
// arbitrary bytes, read once as each kind (verbs, actors, agents, discards, issues) into
// a fresh Dictionaries, then once as all five kinds into one, as LoadPetrarch does, but
// in memory (no temp files). Readers must skip what they cannot use, never crash.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dict/dictionary.h"
#include "dict/petrarch_readers.h"

namespace {

using Reader = void (*)(std::string_view, annalist::dict::petrarch::ReadContext&);

void ReadInto(annalist::dict::Dictionaries* dict, std::vector<std::string>* warnings, Reader reader,
              std::string_view name, std::string_view text) {
  uint32_t index = static_cast<uint32_t>(dict->files.size());
  dict->files.push_back(std::string(name));
  annalist::dict::petrarch::ReadContext ctx(dict, warnings, index, name);
  reader(text, ctx);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace p = annalist::dict::petrarch;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::pair<Reader, std::string_view> kinds[] = {
      {&p::ReadVerbs, "fuzz.verbs.txt"},       {&p::ReadActors, "fuzz.actors.txt"},
      {&p::ReadAgents, "fuzz.agents.txt"},     {&p::ReadDiscards, "fuzz.discards.txt"},
      {&p::ReadIssues, "fuzz.issues.txt"},
  };
  std::vector<std::string> warnings;
  for (const auto& [reader, name] : kinds) {
    annalist::dict::Dictionaries dict;
    ReadInto(&dict, &warnings, reader, name, text);
    p::FinishVerbs(dict);
  }
  annalist::dict::Dictionaries all;
  for (const auto& [reader, name] : kinds) ReadInto(&all, &warnings, reader, name, text);
  p::FinishVerbs(all);
  return 0;
}
