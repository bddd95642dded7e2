#!/usr/bin/env bash
# Time to first screen, per-key latency and memory of the reader on the ~9 MB benchmark corpus
# (built here or by scripts/bench.sh), measured through a pseudo-terminal by
# scripts/tui-probe.py: the time from exec until the status bar with the file name arrives,
# then `G`, PgDn, PgUp, a resize (100x30 -> 70x25), `gg` and a first search, each from key to
# the last byte of the frame it causes, with the CPU time the reader used for it (from
# /proc/PID/task/*/schedstat, the figure a busy machine distorts least), then the peak RSS.
# Runs RUNS times (default 7) and prints medians. Usage: scripts/bench-tui.sh [RUNS] ;
# ISNAD_BIN=path skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"

python=$(command -v python3) || { echo "bench-tui.sh: please install python3" >&2; exit 1; }
mkdir -p bench-data
corpus=bench-data/wikinews-x30.txt
if [ ! -s "$corpus" ]; then
    for _ in $(seq 30); do cat tests/data/wikinews-ar.txt; done >"$corpus"
fi
if [ -z "${ISNAD_BIN:-}" ]; then
    cargo build --release --quiet
    ISNAD_BIN=target/release/isnad
fi
bin=$(realpath "$ISNAD_BIN")

results=()
for i in $(seq "$runs"); do
    line=$("$python" scripts/tui-probe.py "$bin" "$(realpath "$corpus")")
    results+=("$line")
    echo "run $i: $line" >&2
done
printf '%s\n' "${results[@]}" | "$python" scripts/tui-probe.py --summary "$corpus"
