#!/usr/bin/env bash
# Ingest rate against the code-only rate, in the same run: the GigaWord sample x400
# (30,400 one-sentence articles), each copy with its own ids and outlet so nothing is
# skipped as already stored. Prints wall and CPU seconds and articles/s of
#   annalist code  INPUT > /dev/null
#   annalist ingest --db (fresh SQLite file) INPUT
# and the ratio (goal: ingest >= 50% of the code-only rate). REPEAT=N runs each N times
# and keeps the fastest (default 3). THREADS (default 2) is passed as --threads.
#
# Usage (repo root): bench/store_ingest.sh [build/annalist]
set -euo pipefail
cli=${1:-build/annalist}
shared=${ANNALIST_SHARED:-../shared}
threads=${THREADS:-2}
repeat=${REPEAT:-3}
sample=$shared/reference/eval/gigaword-sample.text.jsonl
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 - "$sample" "$work/x400.jsonl" <<'PY'
import json, sys
records = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
with open(sys.argv[2], "w") as out:
    for copy in range(400):
        for record in records:
            record = dict(record, id="%s#%d" % (record["id"], copy), source="outlet%d" % (copy % 13))
            out.write(json.dumps(record) + "\n")
PY
articles=$(wc -l < "$work/x400.jsonl")
best() {  # best wall time of $repeat runs of "$@"; prints "wall cpu"
  local best_wall=999999 best_cpu=0
  for _ in $(seq "$repeat"); do
    rm -f "$work"/s.db*
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r wall user sys < "$work/time"
    if awk "BEGIN{exit !($wall < $best_wall)}"; then best_wall=$wall; best_cpu=$(awk "BEGIN{print $user + $sys}"); fi
  done
  echo "$best_wall $best_cpu"
}
read -r code_wall code_cpu <<< "$(best "$cli" code --threads "$threads" "$work/x400.jsonl")"
read -r ingest_wall ingest_cpu <<< "$(best "$cli" ingest --threads "$threads" --db "$work/s.db" "$work/x400.jsonl")"
"$cli" ingest --threads "$threads" --db "$work/s.db" --stats "$work/x400.jsonl" 2>&1 >/dev/null | tail -n 1
awk -v n="$articles" -v cw="$code_wall" -v cc="$code_cpu" -v iw="$ingest_wall" -v ic="$ingest_cpu" 'BEGIN {
  printf "articles %d\n", n
  printf "code    wall %.2f s  cpu %.2f s  %8.0f articles/s\n", cw, cc, n / cw
  printf "ingest  wall %.2f s  cpu %.2f s  %8.0f articles/s\n", iw, ic, n / iw
  printf "ingest / code rate: %.0f%% (wall), %.0f%% (cpu)\n", 100 * cw / iw, 100 * cc / ic
}'
