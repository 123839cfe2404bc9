// annalist: the command-line tool. One file per verb (code_command.cc, eval_command.cc);
// the work is in the library.
#include <cstdio>
#include <cstring>

#include "cli.h"
#include "store_commands.h"

namespace annalist::cli {
int RunServe(int argc, char** argv);  // serve_command.cc
}  // namespace annalist::cli

namespace {

constexpr char kHelp[] =
    "usage: annalist COMMAND [OPTIONS]\n"
    "\n"
    "annalist reads news and writes CAMEO event data, every event traceable to its words.\n"
    "\n"
    "commands:\n"
    "  code [OPTIONS] [FILE...]    code articles (JSONL or text; stdin if no FILE) into\n"
    "                              event JSON lines on stdout\n"
    "  eval --gold F [OPTIONS]     code a gold set and print exact / precision / recall / F1\n"
    "  dict check FILE...          validate dictionary files (knowledge base or PETRARCH-2)\n"
    "  ingest --db STORE [FILE...] code articles into an event store (SQLite file or\n"
    "                              postgresql:// URL); reports of one event merge\n"
    "  query --db STORE [FILTERS]  merged events, one event with its mentions, one article\n"
    "  aggregate --db STORE --by [dyad,]day|week|month   counts, Goldstein, QuadClass shares\n"
    "  serve --db F [OPTIONS]      the store's JSON API and web page on http://127.0.0.1:8080/\n"
    "  --version                   annalist's version and the built-in knowledge base's checksum\n"
    "\n"
    "Exit status (every command): 0 success; 1 some records were rejected (or dictionary\n"
    "problems found by dict check); 2 bad usage or dictionaries that cannot be loaded;\n"
    "3 an I/O error: an input could not be read or the output not written (the reason is\n"
    "printed, e.g. \"No space left on device\"); 130 interrupted by SIGINT or SIGTERM (the\n"
    "lines written are whole).\n"
    "\n"
    "Run 'annalist COMMAND --help' for the options of a command.\n";

}  // namespace

int main(int argc, char** argv) {
  annalist::cli::GuardStandardDescriptors();
  if (argc < 2) {
    std::fputs(kHelp, stderr);
    return annalist::cli::kExitUsage;
  }
  const char* command = argv[1];
  if (std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0 || std::strcmp(command, "help") == 0) {
    std::fputs(kHelp, stdout);
    return annalist::cli::kExitOk;
  }
  if (std::strcmp(command, "--version") == 0 || std::strcmp(command, "version") == 0) {
    annalist::cli::CommonFlags flags;
    std::printf("annalist %s\nknowledge base builtin %s\n", annalist::AnnalistVersion().c_str(),
                annalist::DictionaryChecksum(flags.pipeline.dictionaries).c_str());
    return annalist::cli::FlushStdout() ? annalist::cli::kExitOk : annalist::cli::kExitIo;
  }
  if (std::strcmp(command, "code") == 0) return annalist::cli::RunCode(argc, argv);
  if (std::strcmp(command, "eval") == 0) return annalist::cli::RunEval(argc, argv);
  if (std::strcmp(command, "dict") == 0) return annalist::cli::RunDict(argc, argv);
  if (std::strcmp(command, "ingest") == 0) return annalist::cli::RunIngest(argc, argv);
  if (std::strcmp(command, "query") == 0) return annalist::cli::RunQuery(argc, argv);
  if (std::strcmp(command, "aggregate") == 0) return annalist::cli::RunAggregate(argc, argv);
  if (std::strcmp(command, "serve") == 0) return annalist::cli::RunServe(argc, argv);
  std::fprintf(stderr, "annalist: unknown command '%s'\n\n%s", command, kHelp);
  return annalist::cli::kExitUsage;
}
