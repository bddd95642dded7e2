#!/usr/bin/env bash
# Time to first screen and memory of the reader on the ~9 MB benchmark corpus (built by
# scripts/bench.sh), measured through tmux as a user would see it: the time from starting
# `isnad FILE` until the status bar with the file name is on screen, then the peak RSS after
# `G` (jump to the end), a page down and a resize. Runs RUNS times (default 5) and prints
# medians. Usage: scripts/bench-tui.sh [RUNS] ; ISNAD_BIN=path skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"

command -v tmux >/dev/null || { echo "bench-tui.sh: please install tmux" >&2; exit 1; }
mkdir -p bench-data
corpus=bench-data/wikinews-x30.txt
if [ ! -s "$corpus" ]; then
    for _ in $(seq 30); do cat tests/data/wikinews-ar.txt; done >"$corpus"
fi
size=$(stat -c %s "$corpus")
if [ -z "${ISNAD_BIN:-}" ]; then
    cargo build --release --quiet
    ISNAD_BIN=target/release/isnad
fi
bin=$(realpath "$ISNAD_BIN")
home=$(mktemp -d)
socket="isnad-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$home"' EXIT

now_ms() { date +%s%3N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

first=() rss=()
name=$(basename "$corpus")
for i in $(seq "$runs"); do
    start=$(now_ms)
    tmux -L "$socket" new-session -d -x 100 -y 30 \
        "HOME=$home XDG_CONFIG_HOME=$home/c XDG_DATA_HOME=$home/d XDG_STATE_HOME=$home/s $bin $(realpath "$corpus")"
    until tmux -L "$socket" capture-pane -p 2>/dev/null | grep -q "$name"; do sleep 0.005; done
    first+=($(( $(now_ms) - start )))
    pid=$(tmux -L "$socket" list-panes -F '#{pane_pid}')
    tmux -L "$socket" send-keys G; sleep 0.3
    tmux -L "$socket" send-keys PageDown; sleep 0.3
    tmux -L "$socket" resize-window -x 70 -y 25; sleep 0.3
    rss+=($(awk '/VmHWM/ { print $2 }' "/proc/$pid/status"))
    tmux -L "$socket" send-keys q
    tmux -L "$socket" kill-server 2>/dev/null || true
    echo "run $i: first screen ${first[-1]} ms, peak RSS ${rss[-1]} KiB" >&2
done
f=$(printf '%s\n' "${first[@]}" | median)
m=$(printf '%s\n' "${rss[@]}" | median)
awk -v f="$f" -v m="$m" -v size="$size" -v runs="$runs" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "reader on %.1f MB, %d runs (load average %s)\n", size / 1e6, runs, load
    printf "first screen: median %d ms (target < 100 ms; includes tmux start-up)\n", f
    printf "peak RSS after G, PgDn, resize: median %.1f MB (%.2fx file; target <= 3x)\n", m / 1024, m * 1024 / size
}'
