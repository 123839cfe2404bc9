// annalist ingest / query / aggregate: the event store from the command line
// (docs/store.md). The work is in the library (include/annalist/store.h).
#ifndef ANNALIST_TOOLS_STORE_COMMANDS_H_
#define ANNALIST_TOOLS_STORE_COMMANDS_H_

#include <memory>
#include <string>

#include "annalist/store.h"

namespace annalist::cli {

int RunIngest(int argc, char** argv);     // ingest_command.cc
int RunQuery(int argc, char** argv);      // query_command.cc
int RunAggregate(int argc, char** argv);  // aggregate_command.cc

// Opens the store `db` read-only (query, aggregate); prints the reason and returns nullptr
// when it cannot.
std::unique_ptr<Store> OpenStoreReadOnly(const std::string& db);

// Parses one event filter option (--from --to --country --actor --source --target --root
// --code --plover --quad --text --article --min-mentions) at argv[*i], taking its value.
// Returns 1 when it was one (and *i moved past its value), 0 when it is not a filter
// option, -1 on a bad value (message printed).
int ParseFilterOption(int argc, char** argv, int* i, EventFilter* filter);
extern const char kFilterHelp[];

// RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
void AppendCsvField(const std::string& field, std::string* out);

}  // namespace annalist::cli

#endif  // ANNALIST_TOOLS_STORE_COMMANDS_H_
