#!/bin/sh
# Runs the given fuzz targets one after another, each for $SECS seconds (default 600), keeping
# going after a crash (fork mode) so that one run finds every crash it can; logs in fuzz/logs/.
set -u
cd "$(dirname "$0")"
SECS=${SECS:-600}
mkdir -p logs
for t in "$@"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    # A target with a dictionary of its own words (dict/<target>.dict) gets it.
    dict=""
    [ -f "dict/$t.dict" ] && dict="-dict=dict/$t.dict"
    RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$SECS" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -timeout=10 -rss_limit_mb=2048 -max_len=16384 -artifact_prefix="artifacts/$t/" $dict \
        >"logs/$t.log" 2>&1
    echo "$t done rc=$?" >>logs/summary.txt
done
