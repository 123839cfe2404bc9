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
# COMPARE="OPTIONS" also times every run with OPTIONS added, interleaved with the plain runs
# (same load), and prints both marginal rates and their ratio, e.g. where and when on / off
# (wall-clock and user+sys CPU time, each the least of the REPEAT runs):
#   COMPARE="--no-event-dates --no-locations" bench/e2e.sh 1 builtin
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
# With COMPARE set, each repeat runs the plain options and then the options plus $COMPARE,
# so both see the same load; results go to $work/best.N (N = 0 plain, 1 with COMPARE).
repeat=${REPEAT:-3}
variants=(0)
if [ -n "${COMPARE:-}" ]; then variants=(0 1); fi
run() {
  local input=$1 v
  for v in "${variants[@]}"; do rm -f "$work/best.$v"; done
  for _ in $(seq "$repeat"); do
    for v in "${variants[@]}"; do
      local extra=() t0 t1
      # shellcheck disable=SC2206  # COMPARE is a list of options
      if [ "$v" = 1 ]; then extra=($COMPARE); fi
      t0=$(date +%s%N)
      if ! /usr/bin/time -o "$work/time" -f "%M %U %S" "$cli" code --stats --threads "$threads" ${opts[@]+"${opts[@]}"} \
          ${extra[@]+"${extra[@]}"} "$input" >/dev/null 2>"$work/err"; then
        echo "e2e: annalist code failed:" >&2; grep -v '^{"stats"' "$work/err" | tail -3 >&2; return 1
      fi
      t1=$(date +%s%N)
      local ns=$((t1 - t0)) m user sys cpu best=0 rss=0 best_cpu=0
      read -r m user sys < "$work/time"
      cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')  # ms, 10 ms steps
      if [ -f "$work/best.$v" ]; then read -r best rss best_cpu _ < "$work/best.$v"; fi
      if [ "$best" = 0 ] || [ "$ns" -lt "$best" ]; then best=$ns; fi
      if [ "$best_cpu" = 0 ] || [ "$cpu" -lt "$best_cpu" ]; then best_cpu=$cpu; fi
      if [ "$m" -gt "$rss" ]; then rss=$m; fi
      echo "$best $rss $best_cpu $(grep '^{"stats":' "$work/err" | tail -1)" > "$work/best.$v"
    done
  done
}
# Prints: seconds RSS sentences stats-line of variant $1 after run().
result() {
  local best rss cpu stats sentences
  read -r best rss cpu stats < "$work/best.$1"
  sentences=$(sed -E 's/.*"sentences":([0-9]+).*/\1/' <<<"$stats")
  echo "$(awk -v n="$best" 'BEGIN { printf "%.3f", n / 1e9 }') $rss $sentences $(awk -v c="$cpu" 'BEGIN { printf "%.2f", c / 1000 }') $stats"
}
run "$work/x1.jsonl"
for v in "${variants[@]}"; do result "$v" > "$work/r1.$v"; done
run "$work/x400.jsonl"
for v in "${variants[@]}"; do result "$v" > "$work/r400.$v"; done
echo "threads=$threads dicts=$dicts (fastest of $repeat runs)"
for v in "${variants[@]}"; do
  read -r t1 m1 s1 c1 stats1 < "$work/r1.$v"
  read -r t400 m400 s400 c400 stats400 < "$work/r400.$v"
  if [ "$v" = 1 ]; then echo "with $COMPARE:"; fi
  echo "  x1:   ${t1}s  ${c1}s CPU  ${m1} KB  $stats1"
  echo "  x400: ${t400}s  ${c400}s CPU  ${m400} KB  $stats400"
  awk -v a="$s1" -v b="$s400" -v ta="$t1" -v tb="$t400" \
      'BEGIN { printf "  marginal: %.0f sentences/s ((%d - %d) sentences / (%.3f - %.3f) s)\n", (b-a)/(tb-ta), b, a, tb, ta }' \
      | tee "$work/marginal.$v"
  awk -v a="$s1" -v b="$s400" -v ta="$c1" -v tb="$c400" \
      'BEGIN { printf "  marginal by CPU time: %.0f sentences/s ((%d - %d) sentences / (%.2f - %.2f) s user+sys)\n", (b-a)/(tb-ta), b, a, tb, ta }' \
      | tee "$work/marginal_cpu.$v"
done
if [ -n "${COMPARE:-}" ]; then
  for kind in marginal marginal_cpu; do
    awk -v kind="$kind" '{ rate[NR] = (kind == "marginal" ? $2 : $5) }
        END { printf "  %s: plain / with COMPARE: %.3f\n", kind, rate[1] / rate[2] }' "$work/$kind.0" "$work/$kind.1"
  done
fi
