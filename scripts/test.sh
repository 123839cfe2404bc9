#!/usr/bin/env bash
# Sets up dependencies, builds annalist from scratch in build/ and runs every test
# (unit, golden, eval against ../shared/reference, fuzz replay).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
