#!/usr/bin/env bash
# End-to-end throughput of `annalist code` on the GigaWord sample, 1x and 400x.
# Marginal rate = extra sentences / extra wall seconds between the two runs, so loading
# (dictionaries, tagger) is separated out. Sentences are counted by the CLI itself
# (`--stats`: the segmenter's sentences, events or not).
#
# Usage: bench/e2e.sh [THREADS] [phoenix|builtin]      (run from the repo root)
#   ANNALIST=build-speed/annalist bench/e2e.sh 2 phoenix
# Prints one line per input size (wall seconds, peak RSS, the CLI's stats line) and the marginal
# rate. REPEAT=N runs each size N times and keeps the fastest (default 3).
set -euo pipefail
threads=${1:-1}
dicts=${2:-phoenix}
cli=${ANNALIST:-build/annalist}
shared=${ANNALIST_SHARED:-../shared}
sample=$shared/reference/eval/gigaword-sample.text.jsonl
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp "$sample" "$work/x1.jsonl"
for _ in $(seq 400); do cat "$sample"; done > "$work/x400.jsonl"
d=$shared/reference/dictionaries/phoenix
case $dicts in
  phoenix)
    opts=(--verbs "$d/CAMEO.2.0.txt" --actors "$d/Phoenix.Countries.actors.txt"
          --actors "$d/Phoenix.International.actors.txt" --actors "$d/Phoenix.MilNonState.actors.txt"
          --agents "$d/Phoenix.agents.txt" --discards "$d/Phoenix.discards.txt"
          --issues "$d/Phoenix.IssueCoding.txt") ;;
  builtin) opts=() ;;
  *) echo "usage: $0 [THREADS] [phoenix|builtin]" >&2; exit 2 ;;
esac

# Prints: wall-seconds peak-RSS-KB sentences stats-line. Wall seconds: the fastest of
# $REPEAT runs (default 3), timed in nanoseconds (the machine is shared: the minimum is the
# run least disturbed by others; /usr/bin/time's %e has 10 ms steps). RSS: the largest.
repeat=${REPEAT:-3}
run() {
  local best="" rss=0 stats=""
  for _ in $(seq "$repeat"); do
    local t0 t1
    t0=$(date +%s%N)
    if ! /usr/bin/time -o "$work/time" -f "%M" "$cli" code --stats --threads "$threads" ${opts[@]+"${opts[@]}"} "$1" \
        >/dev/null 2>"$work/err"; then
      echo "e2e: annalist code failed:" >&2; grep -v '^{"stats"' "$work/err" | tail -3 >&2; return 1
    fi
    t1=$(date +%s%N)
    local ns=$((t1 - t0)) m; m=$(cat "$work/time")
    if [ -z "$best" ] || [ "$ns" -lt "$best" ]; then best=$ns; fi
    if [ "$m" -gt "$rss" ]; then rss=$m; fi
    stats=$(grep '^{"stats":' "$work/err" | tail -1)
  done
  local sentences; sentences=$(sed -E 's/.*"sentences":([0-9]+).*/\1/' <<<"$stats")
  echo "$(awk -v n="$best" 'BEGIN { printf "%.3f", n / 1e9 }') $rss $sentences $stats"
}
r1=$(run "$work/x1.jsonl")
r400=$(run "$work/x400.jsonl")
read -r t1 m1 s1 stats1 <<<"$r1"
read -r t400 m400 s400 stats400 <<<"$r400"
echo "threads=$threads dicts=$dicts (fastest of $repeat runs)"
echo "  x1:   ${t1}s  ${m1} KB  $stats1"
echo "  x400: ${t400}s  ${m400} KB  $stats400"
awk -v a="$s1" -v b="$s400" -v ta="$t1" -v tb="$t400" \
    'BEGIN { printf "  marginal: %.0f sentences/s ((%d - %d) sentences / (%.3f - %.3f) s)\n", (b-a)/(tb-ta), b, a, tb, ta }'
