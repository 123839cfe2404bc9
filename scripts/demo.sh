#!/usr/bin/env bash
# Sets up, builds, and codes the founding example story. Until the built-in knowledge
# base lands (issue 3) it codes with the Phoenix PETRARCH-2 dictionaries from
# ../shared/reference/dictionaries/phoenix/ (the field's open CAMEO dictionaries, 2014).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target annalist_cli >/dev/null
phoenix=../shared/reference/dictionaries/phoenix
story=${1:-../shared/examples/tehran-press-conference.txt}
build/annalist code --verbs $phoenix/CAMEO.2.0.txt \
  --actors $phoenix/Phoenix.Countries.actors.txt --actors $phoenix/Phoenix.International.actors.txt \
  --actors $phoenix/Phoenix.MilNonState.actors.txt --agents $phoenix/Phoenix.agents.txt \
  --discards $phoenix/Phoenix.discards.txt --issues $phoenix/Phoenix.IssueCoding.txt "$story"
