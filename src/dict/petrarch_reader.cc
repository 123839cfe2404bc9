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
  // kinds does not matter otherwise. Within a kind, files are read in the order given,
  // then texts from memory (actor_trie values follow it: first listed wins).
  struct Kind {
    const std::vector<std::string>* paths;
    DictionaryKind kind;
    Reader reader;
  };
  const Kind kinds[] = {
      {&files.verbs, DictionaryKind::kVerbs, &petrarch::ReadVerbs},
      {&files.actors, DictionaryKind::kActors, &petrarch::ReadActors},
      {&files.agents, DictionaryKind::kAgents, &petrarch::ReadAgents},
      {&files.discards, DictionaryKind::kDiscards, &petrarch::ReadDiscards},
      {&files.issues, DictionaryKind::kIssues, &petrarch::ReadIssues},
  };
  auto read = [&](const std::string& name, std::string_view text, Reader reader) -> Status {
    // Our own format read as PETRARCH-2 would load silently as nothing useful.
    if (reader != &petrarch::ReadVerbs && GuessFormat(name, text) == DictFormat::kKb) {
      return InvalidArgument(name + ": an annalist knowledge-base file ('@' records), not PETRARCH-2: "
                             "pass it with --kb");
    }
    uint32_t index = static_cast<uint32_t>(dict->files.size());
    dict->files.push_back(name);
    petrarch::ReadContext ctx(dict.get(), warnings, index, name, files.limits);
    reader(text, ctx);
    return Status::Ok();
  };
  std::string text;
  for (const Kind& kind : kinds) {
    for (const std::string& path : *kind.paths) {
      Status status = ReadWholeFile(path, &text, files.limits.max_file_bytes);
      if (!status.ok()) return status;
      status = read(path, text, kind.reader);
      if (!status.ok()) return status;
    }
    for (const DictionaryText& memory : files.texts) {
      if (memory.kind != kind.kind) continue;
      Status status = read(memory.name, memory.text, kind.reader);
      if (!status.ok()) return status;
    }
  }
  petrarch::FinishVerbs(*dict);
  return std::shared_ptr<const Dictionaries>(std::move(dict));
}

}  // namespace annalist::dict
