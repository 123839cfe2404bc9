#!/usr/bin/env bash
# Sets up, builds, and codes the founding example story with the built-in knowledge base,
# printing the events as a table (annalist code --format tsv; JSON lines are the default).
# Usage: scripts/demo.sh [STORY]   (any plain-text or JSONL file)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target annalist_cli >/dev/null
story=${1:-../shared/examples/tehran-press-conference.txt}
# Columns: sentence, source, CAMEO code, target, PLOVER, the words, how sure, who said it.
build/annalist code --format tsv "$story" |
  awk -F'\t' '{ printf "%-4s %-8s %-5s %-8s %-11s %-26s %-13s %-26s %-6s %s\n",
                substr($3,1,4), $5, $7, $6, $11, substr($12,1,26), substr($13,1,13), substr($14,1,26), $18, $15 }'
