#!/usr/bin/env bash
# Writes `isnad extract --json` for every article of the attribution corpus (plain and
# diacritised) and the Wikinews text into DIR, one file per article, so two builds of the
# extractor can be compared byte for byte (`diff -r BEFORE AFTER`). Speed work must leave
# the output unchanged.
# Usage: scripts/extract-snapshot.sh BINARY DIR
set -euo pipefail
bin=${1:?usage: extract-snapshot.sh BINARY DIR}
out=${2:?usage: extract-snapshot.sh BINARY DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
for article in "$root"/tests/data/attribution/*.txt "$root"/tests/data/wikinews-ar.txt; do
    name=$(basename "$article" .txt)
    # --annotations to a path that does not exist: the output must not depend on a saved file
    "$bin" extract --json --annotations "$out/.none.json" "$article" > "$out/$name.json"
done
echo "$(ls "$out" | wc -l) outputs in $out"
