#!/usr/bin/env bash
# Sets up dependencies, builds annalist from scratch in build/ and runs every test
# (unit, golden, eval against ../shared/reference, fuzz replay).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
launcher=(); command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
