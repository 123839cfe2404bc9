#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (README there) in the background-friendly way
# used for the figures in tests/fuzz/README.md:
#   scripts/fuzz.sh SECONDS [TARGET...]      (default: every target)
# Builds build-fuzz-clang/ (clang, -DANNALIST_FUZZ=ON: ASan + UBSan + coverage), then runs
# each target at nice 19 for SECONDS of wall time, all at once, with its token dictionary
# (tests/fuzz/dict/TARGET.dict) and the seed corpus. New inputs go to
# ${ANNALIST_FUZZ_WORK:-/tmp/annalist-fuzz}/TARGET (the seeds stay clean); crashes to
# .../artifacts/. Prints per target: CPU seconds, executions, cov, ft, crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=($(sed -n 's/^set(ANNALIST_FUZZ_TARGETS \(.*\))$/\1/p' tests/fuzz/CMakeLists.txt))
fi
work=${ANNALIST_FUZZ_WORK:-/tmp/annalist-fuzz}
mkdir -p "$work/artifacts"
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S . -B build-fuzz-clang -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DANNALIST_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build build-fuzz-clang -j2 --target $(printf 'fuzz_%s ' "${targets[@]}")
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for target in "${targets[@]}"; do
  mkdir -p "$work/$target"
  dict=()
  [ -f "tests/fuzz/dict/$target.dict" ] && dict=(-dict="tests/fuzz/dict/$target.dict")
  # -timeout: an input slower than 10 s is a hang; -rss_limit_mb: more than 2 GB is a bug.
  ( /usr/bin/time -f "%U %S" -o "$work/$target.time" nice -n 19 build-fuzz-clang/tests/fuzz/fuzz_$target \
      "$work/$target" "tests/fuzz/corpus/$target" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/artifacts/$target-" \
      >"$work/$target.log" 2>&1 || true ) &
done
wait
printf '%-16s %8s %12s %8s %8s %s\n' target cpu_s execs cov ft crashes
for target in "${targets[@]}"; do
  cpu=$(awk '{printf "%.0f", $1 + $2}' "$work/$target.time" 2>/dev/null || echo '?')
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$work/$target.log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  crashes=$(ls "$work/artifacts" | grep -c "^$target-" || true)
  printf '%-16s %8s %12s %8s %8s %s\n' "$target" "$cpu" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$crashes"
done
