#include "checkpoint.h"

#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "core/fnv.h"

namespace annalist::cli {

Status WriteCheckpoint(const std::string& path, const Checkpoint& c) {
  const std::string temp = path + ".tmp";
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr) return IoError(temp + ": cannot write the checkpoint: " + std::strerror(errno));
  std::fprintf(file,
               "{\"checkpoint\":1,\"run\":\"%s\",\"records\":%llu,\"output_bytes\":%llu,\"articles\":%llu,"
               "\"sentences\":%llu,\"events\":%llu,\"rejected\":%llu,\"set_aside\":%llu}\n",
               c.run.c_str(), static_cast<unsigned long long>(c.records),
               static_cast<unsigned long long>(c.output_bytes), static_cast<unsigned long long>(c.articles),
               static_cast<unsigned long long>(c.sentences), static_cast<unsigned long long>(c.events),
               static_cast<unsigned long long>(c.rejected), static_cast<unsigned long long>(c.set_aside));
  const bool failed = std::ferror(file) != 0;
  const int saved = errno;
  if (std::fclose(file) != 0 || failed) {
    std::remove(temp.c_str());
    return IoError(temp + ": cannot write the checkpoint: " + std::strerror(failed ? saved : errno));
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    return IoError(path + ": cannot write the checkpoint: " + std::strerror(errno));
  }
  return Status::Ok();
}

Status ReadCheckpoint(const std::string& path, Checkpoint* checkpoint, bool* exists) {
  *exists = false;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    if (errno == ENOENT) return NotFound(path + ": no checkpoint");
    return IoError(path + ": cannot read the checkpoint: " + std::strerror(errno));
  }
  *exists = true;
  char buffer[4096];
  size_t n = std::fread(buffer, 1, sizeof buffer - 1, file);
  std::fclose(file);
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(buffer, n).get(object) != simdjson::SUCCESS) {
    return InvalidArgument(path + ": not an annalist checkpoint");
  }
  std::string_view run;
  uint64_t version = 0;
  if (object["checkpoint"].get(version) != simdjson::SUCCESS || version != 1 ||
      object["run"].get(run) != simdjson::SUCCESS) {
    return InvalidArgument(path + ": not an annalist checkpoint (version 1)");
  }
  checkpoint->run = std::string(run);
  struct Field {
    const char* name;
    uint64_t* value;
  } fields[] = {{"records", &checkpoint->records}, {"output_bytes", &checkpoint->output_bytes},
                {"articles", &checkpoint->articles}, {"sentences", &checkpoint->sentences},
                {"events", &checkpoint->events}, {"rejected", &checkpoint->rejected},
                {"set_aside", &checkpoint->set_aside}};
  for (const Field& field : fields) {
    if (object[field.name].get(*field.value) != simdjson::SUCCESS) {
      return InvalidArgument(path + ": checkpoint without \"" + field.name + "\"");
    }
  }
  return Status::Ok();
}

std::string RunFingerprint(int argc, char** argv, int first) {
  uint64_t hash = kFnv1aOffset;
  for (int i = first; i < argc; ++i) {
    // Flags that do not change what is written may differ between the run and its resumption.
    std::string_view arg = argv[i];
    if (arg == "--resume" || arg == "--stats" || arg == "--verbose" || arg.rfind("--threads=", 0) == 0) continue;
    if (arg == "--threads") {
      ++i;
      continue;
    }
    hash = Fnv1a(std::string_view(argv[i], std::strlen(argv[i]) + 1), hash);  // with its NUL
  }
  return Hex16(hash);
}

}  // namespace annalist::cli
