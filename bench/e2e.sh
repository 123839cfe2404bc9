#!/usr/bin/env bash
# End-to-end throughput of `annalist code` on the GigaWord sample, 1x and 400x, with the
# Phoenix dictionaries. Marginal rate = extra sentences / extra seconds, so dictionary
# loading is separated out. Usage: bench/e2e.sh [THREADS]   (run from the repo root)
set -euo pipefail
threads=${1:-1}
cli=build/annalist
sample=../shared/reference/eval/gigaword-sample.text.jsonl
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp "$sample" "$work/x1.jsonl"
for _ in $(seq 400); do cat "$sample"; done > "$work/x400.jsonl"
d=../shared/reference/dictionaries/phoenix
opts=(--verbs $d/CAMEO.2.0.txt --actors $d/Phoenix.Countries.actors.txt
      --actors $d/Phoenix.International.actors.txt --actors $d/Phoenix.MilNonState.actors.txt
      --agents $d/Phoenix.agents.txt --discards $d/Phoenix.discards.txt --issues $d/Phoenix.IssueCoding.txt)
# Sentences per copy, as the segmenter counts them (from sentence_index is not enough:
# sentences without events would be missed), measured by the library's own counter.
run() {  # prints seconds and peak RSS (KB)
  /usr/bin/time -f "%e %M" "$cli" code --threads "$threads" "${opts[@]}" "$1" 2>&1 >/dev/null | tail -1
}
read -r t1 m1 < <(run "$work/x1.jsonl")
read -r t400 m400 < <(run "$work/x400.jsonl")
sentences1=$("$cli" code --threads 1 --count-sentences "${opts[@]}" "$work/x1.jsonl" 2>&1 >/dev/null | tail -1)
echo "threads=$threads x1: ${t1}s ${m1}KB  x400: ${t400}s ${m400}KB  sentences/copy=$sentences1"
awk -v s="$sentences1" -v a="$t1" -v b="$t400" 'BEGIN { printf "marginal: %.0f sentences/s\n", 399*s/(b-a) }'
