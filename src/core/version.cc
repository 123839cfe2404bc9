// annalist's version and the checksum of the dictionaries it codes with (annalist/pipeline.h).
#include <cstdint>
#include <string>
#include <string_view>

#include "annalist/pipeline.h"
#include "core/fnv.h"
#include "dict/kb_reader.h"
#include "dict/petrarch_reader.h"

namespace annalist {

namespace {

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string AnnalistVersion() { return ANNALIST_VERSION; }

std::string DictionaryChecksum(const DictionaryFiles& files) {
  uint64_t hash = kFnv1aOffset;
  if (files.empty()) {
    for (const dict::KbText& file : dict::BuiltinKbFiles()) hash = Fnv1a(file.text, Fnv1a(file.name, hash));
    return Hex16(hash).substr(0, 8);
  }
  // Kinds in a fixed order; within a kind the files, then the texts (the order they load
  // in); a file's base name and bytes, so neither the path nor memory vs file matters.
  const std::vector<std::string>* paths[] = {&files.verbs,    &files.actors, &files.agents,
                                             &files.discards, &files.issues, &files.kb};
  const DictionaryKind kinds[] = {DictionaryKind::kVerbs,    DictionaryKind::kActors, DictionaryKind::kAgents,
                                  DictionaryKind::kDiscards, DictionaryKind::kIssues, DictionaryKind::kKb};
  for (size_t k = 0; k < std::size(kinds); ++k) {
    hash = Fnv1a("|", hash);
    for (const std::string& path : *paths[k]) {
      std::string text;
      if (!dict::ReadWholeFile(path, &text).ok()) text.clear();
      hash = Fnv1a(text, Fnv1a(BaseName(path), hash));
    }
    for (const DictionaryText& text : files.texts) {
      if (text.kind == kinds[k]) hash = Fnv1a(text.text, Fnv1a(BaseName(text.name), hash));
    }
  }
  return Hex16(hash).substr(0, 8);
}

std::string VersionWithDictionaries(const DictionaryFiles& files) {
  return AnnalistVersion() + "+kb." + DictionaryChecksum(files);
}

}  // namespace annalist
