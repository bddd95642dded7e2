#!/usr/bin/env python3
"""One timed session of the reader in a pseudo-terminal (no tmux, no terminal emulator in the
way): the time from exec to the first frame on screen, then how long each action takes to reach
the screen, then the peak memory. Prints one JSON object. Used by scripts/bench-tui.sh.

"First frame" is the moment the status bar's file name arrives on the pty; an action's latency
is the time from writing its key (or resizing the pty) to the last byte of the frame it causes
(output quiet for QUIET seconds), minus nothing: it includes the kernel's pty, the app's event
loop, layout and drawing. Usage: tui-probe.py BINARY FILE [QUERY]; `tui-probe.py --summary FILE` reads the JSON lines of
several runs on stdin and prints their medians.
"""

import fcntl
import json
import os
import pty
import select
import statistics
import signal
import struct
import sys
import tempfile
import termios
import time

QUIET = 0.15
TIMEOUT = 20.0


def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def read_until(fd, predicate, buf=b""):
    """Reads until predicate(buf) holds; returns (buf, time of the chunk that satisfied it)."""
    deadline = time.perf_counter() + TIMEOUT
    while True:
        if predicate(buf):
            return buf, time.perf_counter()
        left = deadline - time.perf_counter()
        if left <= 0:
            raise SystemExit("tui-probe: timed out waiting for the reader's output")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                raise SystemExit("tui-probe: the reader exited early")
            if not chunk:
                raise SystemExit("tui-probe: the reader exited early")
            buf += chunk


def settle(fd):
    """Reads until the output has been quiet for QUIET seconds; returns the last byte's time."""
    last = None
    while True:
        ready, _, _ = select.select([fd], [], [], QUIET)
        if not ready:
            return last
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            return last
        if not chunk:
            return last
        last = time.perf_counter()


def peak_rss(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None


def cpu_ms(pid):
    """CPU time the reader has used so far, all threads (ns precision from schedstat): the
    figure a busy shared machine distorts least."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as stat:
                total += int(stat.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    return total / 1e6


def action(fd, pid, name, send, result):
    settle(fd)
    cpu = cpu_ms(pid)
    start = time.perf_counter()
    send()
    end = settle(fd)
    result[name + "_ms"] = None if end is None else round((end - start) * 1000, 2)
    result[name + "_cpu_ms"] = round(cpu_ms(pid) - cpu, 2)


def summary(path):
    runs = [json.loads(line) for line in sys.stdin if line.strip()]
    size = os.path.getsize(path)
    with open("/proc/loadavg") as loadavg:
        load = loadavg.read().split()[0]

    def med(key):
        # a key whose frame never went quiet within the timeout has no latency in that run
        values = [r[key] for r in runs if r.get(key) is not None]
        return statistics.median(values) if values else float("nan")

    cores = os.cpu_count() or 1
    print(f"reader on {size / 1e6:.1f} MB, {len(runs)} runs, {cores} cores, load average {load}")
    print(f"first screen: median {med('first_screen_ms'):.0f} ms wall, "
          f"{med('first_screen_cpu_ms'):.0f} ms CPU (target < 100 ms)")
    for key in ["G", "PgDn", "PgUp", "resize", "gg", "search"]:
        target = "100 ms" if key == "search" else "5 ms of layout"
        print(f"{key:>12}: median {med(key + '_ms'):6.1f} ms key to frame, "
              f"{med(key + '_cpu_ms'):6.1f} ms CPU (target < {target})")
    before = med("peak_rss_before_search_kib")
    rss = med("peak_rss_kib")
    print(f"peak RSS before the search: median {before / 1024:.1f} MB "
          f"({before * 1024 / size:.2f}x file); after it (search index built): "
          f"{rss / 1024:.1f} MB ({rss * 1024 / size:.2f}x; target <= 3x)")
    if float(load) > cores:
        print("note: the machine is busy (load above the core count): wall times are inflated, "
              "CPU times much less")


def main():
    if sys.argv[1] == "--summary":
        summary(sys.argv[2])
        return
    binary, path = sys.argv[1], sys.argv[2]
    query = sys.argv[3] if len(sys.argv) > 3 else "الحكومة"
    name = os.path.basename(path).encode()
    home = tempfile.mkdtemp(prefix="isnad-probe-")
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home + "/c", XDG_DATA_HOME=home + "/d",
               XDG_STATE_HOME=home + "/s", TERM="xterm-256color")
    env.pop("TMUX", None)
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, path], env)
    set_size(fd, 30, 100)
    _, first = read_until(fd, lambda b: name in b)
    result = {
        "first_screen_ms": round((first - start) * 1000, 2),
        "first_screen_cpu_ms": round(cpu_ms(pid), 2),
    }
    action(fd, pid, "G", lambda: os.write(fd, b"G"), result)
    action(fd, pid, "PgDn", lambda: os.write(fd, b"\x1b[6~"), result)
    action(fd, pid, "PgUp", lambda: os.write(fd, b"\x1b[5~"), result)
    action(fd, pid, "resize", lambda: set_size(fd, 25, 70), result)
    action(fd, pid, "gg", lambda: os.write(fd, b"gg"), result)
    result["peak_rss_before_search_kib"] = peak_rss(pid)
    os.write(fd, b"/")
    settle(fd)
    os.write(fd, query.encode())
    action(fd, pid, "search", lambda: os.write(fd, b"\r"), result)
    result["peak_rss_kib"] = peak_rss(pid)
    os.write(fd, b"q")
    settle(fd)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
