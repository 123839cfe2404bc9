#include "dict/petrarch_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "dict/kb_reader.h"
#include "dict/petrarch_readers.h"

namespace annalist::dict {

Status ReadWholeFile(const std::string& path, std::string* out, size_t max_bytes) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return IoError(path + ": cannot open: " + std::strerror(errno));
  out->clear();
  char buffer[1 << 16];
  size_t n;
  bool too_large = false;
  // Counted while reading, not from stat: a pipe or /dev/zero has no size.
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    if (out->size() + n > max_bytes) {
      too_large = true;
      break;
    }
    out->append(buffer, n);
  }
  bool failed = std::ferror(f) != 0;
  int error = errno;
  std::fclose(f);
  if (too_large) {
    out->clear();
    out->shrink_to_fit();
    return InvalidArgument(path + ": larger than " + std::to_string(max_bytes) +
                           " bytes (--max-dict-file-bytes); not read");
  }
  if (failed) return IoError(path + ": read error: " + std::strerror(error));
  return Status::Ok();
}

Result<std::shared_ptr<const Dictionaries>> LoadPetrarch(const DictionaryFiles& files,
                                                         std::vector<std::string>* warnings) {
  auto dict = std::make_shared<Dictionaries>();
  using Reader = void (*)(std::string_view, petrarch::ReadContext&);
  // Verbs first so that their SourceRefs get the low file indices; the order of the
  // kinds does not matter otherwise. Within a kind, files are read in the order given
  // (actor_trie values follow it: first listed wins).
  const std::pair<const std::vector<std::string>*, Reader> kinds[] = {
      {&files.verbs, &petrarch::ReadVerbs},       {&files.actors, &petrarch::ReadActors},
      {&files.agents, &petrarch::ReadAgents},     {&files.discards, &petrarch::ReadDiscards},
      {&files.issues, &petrarch::ReadIssues},
  };
  std::string text;
  for (const auto& [paths, reader] : kinds) {
    for (const std::string& path : *paths) {
      Status status = ReadWholeFile(path, &text, files.limits.max_file_bytes);
      if (!status.ok()) return status;
      // Our own format read as PETRARCH-2 would load silently as nothing useful.
      if (reader != &petrarch::ReadVerbs && GuessFormat(path, text) == DictFormat::kKb) {
        return InvalidArgument(path + ": an annalist knowledge-base file ('@' records), not PETRARCH-2: "
                               "pass it with --kb");
      }
      uint32_t index = static_cast<uint32_t>(dict->files.size());
      dict->files.push_back(path);
      petrarch::ReadContext ctx(dict.get(), warnings, index, path, files.limits);
      reader(text, ctx);
    }
  }
  petrarch::FinishVerbs(*dict);
  return std::shared_ptr<const Dictionaries>(std::move(dict));
}

}  // namespace annalist::dict
