// Checkpoints of `annalist code --output FILE`, so that a run stopped by a signal, a full
// disk or a kill can be continued with --resume without recoding what was written.
//
// While a run writes FILE, FILE.checkpoint holds (one JSON line, replaced atomically by
// rename after each batch is written):
//   {"checkpoint":1,"run":"<hash of the run's arguments>","records":N,"output_bytes":B,
//    "articles":A,"sentences":S,"events":E,"rejected":R,"set_aside":X}
// N input records (articles and rejected records, in input order) are fully accounted for
// in the first B bytes of FILE. --resume truncates FILE to B bytes (dropping whatever a
// kill left after the last checkpoint, even half a line), skips N records and goes on.
// The checkpoint is removed when the run ends normally (exit 0 or 1).
// It survives a killed process (the kernel keeps what was written), not a power cut: no
// fsync, which would cost more than the checkpoints are worth.
#ifndef ANNALIST_TOOLS_CHECKPOINT_H_
#define ANNALIST_TOOLS_CHECKPOINT_H_

#include <cstdint>
#include <string>

#include "annalist/status.h"

namespace annalist::cli {

struct Checkpoint {
  std::string run;  // fingerprint of the arguments; a checkpoint of another run is refused
  uint64_t records = 0;
  uint64_t output_bytes = 0;
  uint64_t articles = 0, sentences = 0, events = 0, rejected = 0;
  uint64_t set_aside = 0;  // --asserted-only
};

// Writes `checkpoint` to `path` through path + ".tmp" and rename(2).
Status WriteCheckpoint(const std::string& path, const Checkpoint& checkpoint);

// Reads a checkpoint; a NotFound-like error message when the file is absent is
// distinguished by *exists = false.
Status ReadCheckpoint(const std::string& path, Checkpoint* checkpoint, bool* exists);

// 16 hex digits of FNV-1a 64 over argv[first..argc), each followed by a NUL, leaving out
// the flags that do not change the output (--resume, --stats, --verbose, --threads N).
std::string RunFingerprint(int argc, char** argv, int first);

}  // namespace annalist::cli

#endif  // ANNALIST_TOOLS_CHECKPOINT_H_
