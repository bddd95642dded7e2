#!/usr/bin/env bash
# Side-by-side speed and memory of `isnad render` and GNU FriBidi's CLI on a ~9 MB corpus of
# diacritised Arabic news (30 copies of tests/data/wikinews-ar.txt, written to bench-data/,
# which git ignores). Runs the two alternately RUNS times (default 7) and prints the median wall
# time of each, their ratio (target: isnad / fribidi <= 0.5) and peak memory (target: <= 2x the
# file size). Installs the `fribidi` CLI (Debian: libfribidi-bin) and GNU time when missing and
# running as root. Then `isnad extract` over a folder of 1,000 articles (slices of the same
# text) with all cores and with one (RAYON_NUM_THREADS=1): MB/s and how many cores it kept busy;
# and save/load of an annotation file of 10,000 entities (examples/annotation_io.rs).
# Usage: scripts/bench.sh [RUNS] ; ISNAD_BIN=path skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
width=80

need=()
command -v fribidi >/dev/null || need+=(libfribidi-bin)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
    else
        echo "bench.sh: please install: ${need[*]}" >&2
        exit 1
    fi
fi

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

# One run: "WALL_SECONDS PEAK_RSS_KIB CPU_SECONDS" (CPU = user + system, all threads).
measure() {
    local start end out
    start=$(date +%s%N)
    out=$(/usr/bin/time -f '%M %U %S' "$@" 2>&1 >/dev/null | tail -n 1)
    end=$(date +%s%N)
    printf '%d.%06d %s\n' $(( (end - start) / 1000000000 )) $(( (end - start) / 1000 % 1000000 )) \
        "$(awk '{ printf "%d %.2f", $1, $2 + $3 }' <<<"$out")"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

isnad_times=() fribidi_times=() isnad_cpu=() fribidi_cpu=() isnad_rss=0 fribidi_rss=0
for i in $(seq "$runs"); do
    read -r t m c < <(measure "$ISNAD_BIN" render --width "$width" "$corpus")
    isnad_times+=("$t"); isnad_cpu+=("$c"); [ "$m" -gt "$isnad_rss" ] && isnad_rss=$m
    read -r t m c < <(measure fribidi --nopad --width "$width" "$corpus")
    fribidi_times+=("$t"); fribidi_cpu+=("$c"); [ "$m" -gt "$fribidi_rss" ] && fribidi_rss=$m
    echo "run $i: isnad ${isnad_times[-1]} s, fribidi ${fribidi_times[-1]} s" >&2
done

isnad_med=$(printf '%s\n' "${isnad_times[@]}" | median)
fribidi_med=$(printf '%s\n' "${fribidi_times[@]}" | median)
isnad_cpu_med=$(printf '%s\n' "${isnad_cpu[@]}" | median)
fribidi_cpu_med=$(printf '%s\n' "${fribidi_cpu[@]}" | median)
awk -v f="$corpus" -v size="$size" -v runs="$runs" -v i="$isnad_med" -v fr="$fribidi_med" \
    -v ic="$isnad_cpu_med" -v fc="$fribidi_cpu_med" -v im="$isnad_rss" -v fm="$fribidi_rss" \
    -v cores="$(nproc)" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "corpus: %s, %.1f MB; width 80; %d runs each, alternating; %d cores, load average %s\n", f, size / 1e6, runs, cores, load
    printf "isnad render   median %.3f s wall, %.2f s CPU  (%.1f MB/s)  peak RSS %.1f MB (%.2fx file)\n", i, ic, size / 1e6 / i, im / 1024, im * 1024 / size
    printf "fribidi        median %.3f s wall, %.2f s CPU  (%.1f MB/s)  peak RSS %.1f MB (%.2fx file)\n", fr, fc, size / 1e6 / fr, fm / 1024, fm * 1024 / size
    printf "ratio isnad / fribidi: %.2f wall (target <= 0.5), %.2f CPU\n", i / fr, ic / fc
    if (load > cores) print "note: the machine is busy (load above the core count); wall-time ratios are unreliable"
}'

# Extraction over a folder of 1,000 articles: 10 paragraphs each, cut from the corpus.
folder=bench-data/articles-1000
if [ ! -d "$folder" ] || [ "$(ls "$folder" | wc -l)" -ne 1000 ]; then
    rm -rf "$folder" && mkdir -p "$folder"
    awk -v dir="$folder" 'NF { n++; file = sprintf("%s/article-%04d.txt", dir, int((n - 1) / 10) % 1000); print >> file; close(file) }' \
        <(for _ in $(seq 25); do cat tests/data/wikinews-ar.txt; done)
fi
folder_bytes=$(cat "$folder"/*.txt | wc -c)
extract_all=() extract_all_cpu=() extract_one=() extract_one_cpu=()
for i in $(seq "$runs"); do
    read -r t _ c < <(measure "$ISNAD_BIN" extract "$folder")
    extract_all+=("$t"); extract_all_cpu+=("$c")
    read -r t _ c < <(RAYON_NUM_THREADS=1 measure "$ISNAD_BIN" extract "$folder")
    extract_one+=("$t"); extract_one_cpu+=("$c")
done
ea=$(printf '%s\n' "${extract_all[@]}" | median)
eac=$(printf '%s\n' "${extract_all_cpu[@]}" | median)
eo=$(printf '%s\n' "${extract_one[@]}" | median)
eoc=$(printf '%s\n' "${extract_one_cpu[@]}" | median)
awk -v b="$folder_bytes" -v a="$ea" -v ac="$eac" -v o="$eo" -v oc="$eoc" 'BEGIN {
    printf "isnad extract, 1,000 articles (%.1f MB), whole process:\n", b / 1e6
    printf "  all cores: median %.3f s wall, %.2f s CPU (%.2f cores busy; %.1f MB/s)\n", a, ac, ac / a, b / 1e6 / a
    printf "  one core (RAYON_NUM_THREADS=1): median %.3f s wall, %.2f s CPU (%.1f MB per CPU second; target >= 20)\n", o, oc, b / 1e6 / oc
}'

if [ -z "${ANNOTATION_IO_BIN:-}" ]; then
    cargo build --release --quiet --example annotation_io
    ANNOTATION_IO_BIN=target/release/examples/annotation_io
fi
"$ANNOTATION_IO_BIN" "$runs"
