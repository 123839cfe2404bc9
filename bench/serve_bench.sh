#!/bin/bash
# wrk against `annalist serve` on loopback (bench/RESULTS.md, "Server").
#   bench/serve_bench.sh BUILD_DIR [COPIES] [SECONDS]
# Makes a store from tests/data/serve/articles.jsonl repeated COPIES times (distinct ids,
# dates spread over a year), starts the server on a free loopback port with 4 workers,
# and runs wrk (2 threads, 16 connections, SECONDS each, default 10) on:
#   a page of 50 events, a filtered page (root + country), one event with mentions,
#   monthly counts by dyad.
# Prints wrk's summary per URL; fails if wrk reports any socket error or non-2xx answer.
set -euo pipefail
build=${1:?usage: serve_bench.sh BUILD_DIR [COPIES] [SECONDS]}
copies=${2:-200}
seconds=${3:-10}
here=$(cd "$(dirname "$0")/.." && pwd)
annalist=$build/annalist
command -v wrk >/dev/null || { echo "wrk not installed (Debian package wrk)"; exit 1; }
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$here/tests/data/serve/articles.jsonl" "$copies" > "$work/articles.jsonl" <<'PY'
import datetime, json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
start = datetime.date(2023, 1, 1)
for copy in range(int(sys.argv[2])):
    for row in rows:
        r = dict(row)
        r["id"] = f"{row['id']}-{copy}"
        r["date"] = (start + datetime.timedelta(days=(copy * 7 + len(r["id"])) % 365)).isoformat()
        print(json.dumps(r))
PY
echo "articles: $(wc -l < "$work/articles.jsonl")"
"$annalist" ingest --db "$work/events.db" "$work/articles.jsonl" >/dev/null
"$annalist" serve --db "$work/events.db" --port 0 --threads 4 > "$work/serve.out" &
server=$!
for _ in $(seq 100); do grep -q listening "$work/serve.out" && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.out")
event=$(curl -s "$base/api/events?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["events"][0]["id"])')
status=0
for path in "/api/events?limit=50" "/api/events?root=11&country=IRN&limit=50" "/api/events/$event" \
            "/api/counts?by=month&dyad=1"; do
  echo "== GET $path"
  out=$(wrk -t2 -c16 -d"${seconds}s" --latency "$base$path")
  echo "$out" | grep -E 'Requests/sec|Latency  |99%|requests in|Non-2xx|Socket errors' || true
  if echo "$out" | grep -qE 'Non-2xx|Socket errors'; then status=1; fi
done
exit $status
