#!/usr/bin/env bash
# What CI runs. Sets up dependencies, then:
#  1. builds annalist from scratch in build/ (RelWithDebInfo: -O2 -g) and runs every test
#     (unit, golden, eval against ../shared/reference, fuzz corpora replay, Python, browser);
#  2. runs the tests again as on a machine without ../shared (ANNALIST_SHARED_DIR=/nonexistent,
#     labels slow, browser and python left out): each one that needs the reference data
#     must skip with its reason, none may fail;
#  3. with ANNALIST_SANITIZER_PASS=1, the sanitizer pass: a second build in build-asan/
#     with AddressSanitizer, LeakSanitizer and UBSan (-DANNALIST_SANITIZE=ON: -O1 -g1, every
#     finding fatal, no suppressions; the tagger model packed by build/ is embedded as it
#     is, no benchmarks, no Python module) and every test once more, the fuzz corpora
#     replays included, except the labels `slow` (time-ratio checks, meaningless under the
#     sanitizers), `python` (a sanitized module cannot load into Debian's unsanitized
#     Python) and `browser`, and two checks that run no annalist code (CMake configure
#     guards, regenerated data); its last run: bench/RESULTS.md. Not on by default: from a
#     cold compiler cache it about doubles the CPU time of a run (bench/RESULTS.md, "CI
#     time"), which on 2 cores is not well under CI's 30 minutes.
#
# Each phase prints the seconds since the start.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
phase() { echo "== $1 ($((SECONDS - start)) s so far)"; }
./scripts/setup.sh
launcher=(); command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
phase "build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build build -j"$(nproc)"
phase "tests"
ctest --test-dir build --output-on-failure -j"$(nproc)"

phase "again, as without ../shared (ANNALIST_SHARED_DIR=/nonexistent): skips, no failures"
ANNALIST_SHARED_DIR=/nonexistent ctest --test-dir build --output-on-failure -j"$(nproc)" -LE 'slow|browser|python'

if [ "${ANNALIST_SANITIZER_PASS:-0}" != 0 ]; then
  phase "sanitizer build (ASan + UBSan)"
  # The tagger model is the one build/ trained and packed (both are deterministic).
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALIST_SANITIZE=ON \
    -DANNALIST_TAGGER_MODEL_FILE="$PWD/build/tagger.model" \
    -DANNALIST_TAGGER_BINARY_FILE="$PWD/build/tagger.bin" "${launcher[@]}" >/dev/null
  cmake --build build-asan -j"$(nproc)"
  phase "tests under the sanitizers"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -LE 'slow|python|browser'
fi
phase "done"
