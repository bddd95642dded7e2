#!/usr/bin/env bash
# Regenerates the GNU FriBidi golden rows in tests/data/fribidi/ (read by
# tests/fribidi_reference.rs). Needed only when the wrapper or the texts change; CI never runs it.
# Builds tests/oracle/fribidi-lines.c against libfribidi (installed with apt when missing, as root)
# and reruns the reference test with ISNAD_FRIBIDI_LINES set, so the line breaks given to FriBidi
# are the engine's own.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! pkg-config --exists fribidi 2>/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq libfribidi-dev pkg-config >/dev/null
    else
        echo "regen-fribidi-golden: install libfribidi-dev (Debian/Ubuntu) and pkg-config" >&2
        exit 1
    fi
fi

tool="$(mktemp -d)/fribidi-lines"
# shellcheck disable=SC2046
cc -O2 -Wall -Wextra -o "$tool" tests/oracle/fribidi-lines.c $(pkg-config --cflags --libs fribidi)
echo "fribidi $(pkg-config --modversion fribidi); writing tests/data/fribidi/"
mkdir -p tests/data/fribidi
ISNAD_FRIBIDI_LINES="$tool" cargo test --test fribidi_reference -- --nocapture
