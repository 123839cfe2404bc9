#!/usr/bin/env bash
# Sets up dependencies, builds annalist from scratch in build/ and runs every test
# (unit, golden, eval against ../shared/reference, fuzz replay, Python, browser), then runs
# the tests again as on a machine without ../shared: each one that needs the reference
# data must skip with its reason, none may fail.
#
# ANNALIST_SANITIZER_PASS=1 adds a pass under AddressSanitizer and UBSan: a second build in
# build-asan/ (-DANNALIST_SANITIZE=ON, every finding fatal) and the tests once more, except
# the labels `slow` (time-ratio checks, meaningless under the sanitizers), `python` (a
# sanitized module cannot load into Debian's unsanitized Python) and `browser`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
launcher=(); command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"

echo "== again, as without ../shared (ANNALIST_SHARED_DIR=/nonexistent): skips, no failures"
ANNALIST_SHARED_DIR=/nonexistent ctest --test-dir build --output-on-failure -j"$(nproc)" -LE 'slow|browser|python'

if [ "${ANNALIST_SANITIZER_PASS:-0}" != 0 ]; then
  # The tagger model is the one build/ trained (training is deterministic).
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALIST_SANITIZE=ON \
    -DANNALIST_TAGGER_MODEL_FILE="$PWD/build/tagger.model" "${launcher[@]}" >/dev/null
  cmake --build build-asan -j"$(nproc)"
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -LE 'slow|python|browser'
fi
