// annalist dict check FILE...: validates dictionary files, knowledge-base format
// (docs/dictionary-format.md) or PETRARCH-2, and prints "file:line: reason" per problem.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli.h"
#include "dict/dict_kind.h"
#include "dict/kb_reader.h"
#include "dict/petrarch_reader.h"

namespace annalist::cli {

namespace {

constexpr char kDictHelp[] =
    "usage: annalist dict check [--format F] FILE...\n"
    "       annalist dict stats\n"
    "\n"
    "check: reads each FILE as the coder would and prints every problem as\n"
    "\"file:line: reason\" on stdout: unknown record types and keys, bad or inverted dates,\n"
    "malformed CAMEO codes, records without a source line, and one phrase mapped to\n"
    "different codes in different records (across all FILEs). Exit status 1 if any, else 0.\n"
    "  --format F   kb | verbs | actors | agents | discards | issues | auto (default: auto;\n"
    "               applies to the FILEs after it). auto: the kind is read from the content\n"
    "               (record headers, verb blocks and patterns, <ISSUE> tags, [~agent] codes,\n"
    "               phrases with [CODE]s, bare upper-case phrases); a file that is none of\n"
    "               these (prose such as a LICENSE, binary data) is a problem. The kind\n"
    "               found is printed on stderr.\n"
    "stats: loads the built-in knowledge base and prints its sizes and load time.\n";

int RunCheck(int argc, char** argv) {
  std::vector<std::string> paths;
  std::vector<dict::DictFormat> formats;
  dict::DictFormat format = dict::DictFormat::kAuto;
  for (int i = 3; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kDictHelp, stdout);
      return kExitOk;
    }
    if (arg == "--format" || arg.rfind("--format=", 0) == 0) {
      std::string value;
      if (arg == "--format") {
        if (i + 1 >= argc) {
          std::fprintf(stderr, "annalist: --format needs a value\n");
          return kExitUsage;
        }
        value = argv[++i];
      } else {
        value = arg.substr(9);
      }
      if (!dict::ParseDictFormat(value, &format)) {
        std::fprintf(stderr, "annalist: unknown format '%s'\n", value.c_str());
        return kExitUsage;
      }
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-') {
      std::fprintf(stderr, "annalist: unknown option '%s'\n\n%s", arg.c_str(), kDictHelp);
      return kExitUsage;
    }
    paths.push_back(arg);
    formats.push_back(format);
  }
  if (paths.empty()) {
    std::fprintf(stderr, "annalist: dict check needs FILE...\n\n%s", kDictHelp);
    return kExitUsage;
  }
  std::vector<std::string> texts(paths.size());
  std::vector<dict::KbText> files;
  std::vector<std::string> errors;
  std::vector<dict::DictFormat> checked_formats;
  for (size_t i = 0; i < paths.size(); ++i) {
    Status read = dict::ReadWholeFile(paths[i], &texts[i]);
    if (!read.ok()) {
      errors.push_back(read.message());
      continue;
    }
    dict::DictFormat kind = formats[i];
    if (kind == dict::DictFormat::kAuto) {
      std::string why;
      kind = dict::DetectDictFormat(texts[i], &why);
      if (kind == dict::DictFormat::kAuto) {
        errors.push_back(paths[i] + ": " + why);
        continue;
      }
      std::fprintf(stderr, "annalist: %s: %s (from its content)\n", paths[i].c_str(),
                   std::string(dict::DictFormatName(kind)).c_str());
    }
    files.push_back(dict::KbText{paths[i], texts[i]});
    checked_formats.push_back(kind);
  }
  dict::CheckDictionaryFiles(files, checked_formats, &errors);
  for (const std::string& e : errors) std::printf("%s\n", e.c_str());
  if (!FlushStdout()) return kExitIo;
  std::fprintf(stderr, "annalist: %zu file(s) checked, %zu problem(s)\n", paths.size(), errors.size());
  return errors.empty() ? kExitOk : kExitRejected;
}

int RunStats() {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> warnings;
  auto kb = dict::LoadKb(dict::BuiltinKbFiles(), &warnings);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  size_t bytes = 0;
  for (const dict::KbText& f : dict::BuiltinKbFiles()) bytes += f.text.size();
  std::printf("files %zu\nbytes %zu\nactors %zu\nagents %zu\nverb_blocks %zu\nverbs %zu\n"
              "discards %zu\nexact_phrases %zu\nwords %zu\nwarnings %zu\nload_ms %.1f\n",
              dict::BuiltinKbFiles().size(), bytes, kb->actors.size(), kb->agents.size(),
              kb->verb_blocks.size(), kb->verbs.size(), kb->discards.size(), kb->exact_phrases.size(),
              kb->vocab.size(), warnings.size(), ms);
  return FlushStdout() ? kExitOk : kExitIo;
}

}  // namespace

int RunDict(int argc, char** argv) {
  if (argc < 3 || std::strcmp(argv[2], "--help") == 0 || std::strcmp(argv[2], "-h") == 0) {
    std::fputs(kDictHelp, argc < 3 ? stderr : stdout);
    return argc < 3 ? kExitUsage : kExitOk;
  }
  if (std::strcmp(argv[2], "check") == 0) return RunCheck(argc, argv);
  if (std::strcmp(argv[2], "stats") == 0) return RunStats();
  std::fprintf(stderr, "annalist: unknown dict command '%s'\n\n%s", argv[2], kDictHelp);
  return kExitUsage;
}

}  // namespace annalist::cli
