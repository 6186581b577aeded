#!/usr/bin/env python3
"""calltrail as a user feels it, measured from outside, beside tig in the same run.

Starts the release binary in a pseudo-terminal and times each key from the write
of its bytes to the last byte of the frame it causes; reads CPU time, context
switches and memory from /proc; then, in tmux, checks where fast PgDn presses
land while pages are slow, and how long `G` takes to reach the end of the
50,000-call demo lead. When tig is installed, the pty figures are measured for
tig on a generated 10,000-commit repository too, and printed as ratios.

Usage: scripts/bench-terminal.py [--binary PATH] [--size 120x40] [--keys 200] [--down] [--skip-tmux]
Build first: swift build -c release --product calltrail
"""
import argparse
import fcntl
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TICKS = os.sysconf("SC_CLK_TCK")
BIG_LEAD = "100002"  # the demo lead with 50,000 calls (DemoLead.generate)
FIRST_CALL_ID = 9_007_199_254_740_993  # DemoCallFactory.firstCallID
IDS_PER_LEAD = 100_000_000


class PtyProgram:
    """A program on the slave side of a new pty of a fixed size."""

    def __init__(self, argv, env, rows, cols, cwd=None):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid, self.fd = pid, master
        self.bytes_read = 0

    def read_burst(self, first_wait, quiet):
        """Bytes until `quiet` seconds pass with none (waiting up to `first_wait`
        for the first); returns (count, time of the last byte or None)."""
        count, last = 0, None
        deadline = time.perf_counter() + first_wait
        while True:
            now = time.perf_counter()
            timeout = (deadline - now) if last is None else (last + quiet - now)
            if timeout <= 0:
                break
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                break
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                break
            if not data:
                break
            count += len(data)
            last = time.perf_counter()
        self.bytes_read += count
        return count, last

    def settle(self, quiet=0.3, limit=10.0):
        """Read until the program has been quiet for `quiet` seconds."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            count, _ = self.read_burst(quiet, quiet)
            if count == 0:
                return

    def cpu_seconds(self):
        """On-CPU time of every thread (schedstat, nanoseconds), else utime+stime."""
        total, seen = 0, False
        try:
            for tid in os.listdir(f"/proc/{self.pid}/task"):
                with open(f"/proc/{self.pid}/task/{tid}/schedstat") as f:
                    total += int(f.read().split()[0])
                    seen = True
        except OSError:
            pass
        if seen:
            return total / 1e9
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def context_switches(self):
        """Context switches of each thread now alive, by thread id."""
        counts = {}
        for tid in os.listdir(f"/proc/{self.pid}/task"):
            try:
                with open(f"/proc/{self.pid}/task/{tid}/status") as f:
                    counts[tid] = sum(int(line.split()[1]) for line in f
                                      if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")))
            except OSError:
                pass
        return counts

    def memory_kib(self):
        values = {}
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS", "VmHWM")):
                    key, value = line.split(":")
                    values[key] = int(value.split()[0])
        return values.get("VmRSS", 0), values.get("VmHWM", 0)

    def send(self, data):
        os.write(self.fd, data)

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        deadline = time.perf_counter() + 3
        while time.perf_counter() < deadline:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            self.read_burst(0.05, 0.05)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def key_script(keys, down):
    """Down then up inside what is loaded (the highlight moves, no key waits for
    the network); or `down`: straight down, every key a row never shown before
    (the list scrolls, calltrail's detail shows a call for the first time)."""
    if down:
        return [b"j"] * keys
    return ([b"j"] * 25 + [b"k"] * 25) * max(1, keys // 50)


def measure(name, argv, env, rows, cols, keys, cwd=None, down=False):
    """First frame, key latency, CPU, bytes per key, idle wake-ups, memory."""
    program = PtyProgram(argv, env, rows, cols, cwd)
    _, first = program.read_burst(5.0, 0.015)
    first_frame = (first - program.started) if first else float("nan")
    program.settle()
    script = key_script(keys, down)
    latencies, sizes = [], []
    cpu_before = program.cpu_seconds()
    for key in script:
        sent = time.perf_counter()
        program.send(key)
        count, last = program.read_burst(1.0, 0.03)
        if last is not None:
            latencies.append(last - sent)
            sizes.append(count)
    cpu = program.cpu_seconds() - cpu_before
    program.settle(quiet=0.5)
    switches = program.context_switches()
    idle_seconds = 5.0
    time.sleep(idle_seconds)
    after = program.context_switches()
    # Threads that exited meanwhile drop out; a thread started meanwhile counts whole.
    wakeups = sum(count - switches.get(tid, 0) for tid, count in after.items()) / idle_seconds
    rss, peak = program.memory_kib()
    program.close()
    return {
        "name": name,
        "first_frame_ms": first_frame * 1e3,
        "median_ms": statistics.median(latencies) * 1e3 if latencies else float("nan"),
        "p99_ms": percentile(latencies, 0.99) * 1e3 if latencies else float("nan"),
        "cpu_ms_per_key": cpu / len(script) * 1e3,
        "bytes_per_key": sum(sizes) / len(script),
        "answered": len(latencies),
        "keys": len(script),
        "idle_wakeups_per_s": wakeups,
        "rss_mib": rss / 1024,
        "peak_rss_mib": peak / 1024,
    }


class Tmux:
    """One private tmux server running one program at a fixed size."""

    def __init__(self, command, rows, cols, env):
        self.socket = tempfile.mktemp(prefix="ct-bench-", suffix=".sock")
        self.env = env
        self.run("new-session", "-d", "-x", str(cols), "-y", str(rows), command)

    def run(self, *args):
        return subprocess.run(["tmux", "-S", self.socket, *args], env=self.env,
                              capture_output=True, text=True, timeout=10).stdout

    def capture(self):
        return self.run("capture-pane", "-p")

    def keys(self, *names):
        self.run("send-keys", *names)

    def wait_for(self, predicate, limit):
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            screen = self.capture()
            if predicate(screen):
                return screen
            time.sleep(0.02)
        return None

    def close(self):
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True, timeout=10)
        try:
            os.unlink(self.socket)
        except OSError:
            pass


def selected_call_index(screen):
    """The demo call index the detail pane shows (from its "Call id" row)."""
    # The id sits on the label's row, or whole on the next row when the column is narrower than it.
    match = re.search(r"Call id[^\n]*?(\d{12,})|Call id[^\n]*\n[^\n]*\D(\d{12,})", screen)
    if not match:
        return None
    ordinal = int(match.group(1) or match.group(2)) - FIRST_CALL_ID - IDS_PER_LEAD * (int(BIG_LEAD) - 100_001)
    return 50_000 - 1 - ordinal


def loading(screen):
    first = screen.splitlines()[0] if screen else ""
    return any(mark in first for mark in "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")


def settled_screen(tmux, limit=30):
    """The screen once it has stopped changing for half a second and nothing loads."""
    deadline = time.perf_counter() + limit
    previous, since = None, time.perf_counter()
    while time.perf_counter() < deadline:
        screen = tmux.capture()
        if screen != previous:
            previous, since = screen, time.perf_counter()
        elif time.perf_counter() - since > 0.5 and not loading(screen):
            return screen
        time.sleep(0.05)
    return previous


def pgdn_landing(binary, gap, latency_ms, env):
    """Ten PgDn `gap` seconds apart on the 50,000-call lead with slow pages: the call landed on."""
    env = dict(env, CALLTRAIL_DEMO_LATENCY_MS=str(latency_ms))
    tmux = Tmux(f"{binary} --lead {BIG_LEAD}", 40, 120, env)
    try:
        if not tmux.wait_for(lambda s: "Call id" in s, 10):
            return None
        for _ in range(10):
            tmux.keys("NPage")
            time.sleep(gap)
        return selected_call_index(settled_screen(tmux))
    finally:
        tmux.close()


def end_time(binary, env):
    """Seconds from `G` to the last call of the 50,000-call lead on screen (30 ms pages)."""
    tmux = Tmux(f"{binary} --lead {BIG_LEAD}", 40, 120, env)
    try:
        if not tmux.wait_for(lambda s: "Call id" in s, 10):
            return None, None
        started = time.perf_counter()
        tmux.keys("G")
        screen = tmux.wait_for(lambda s: selected_call_index(s) == 49_999 and "50,000 calls" in s.splitlines()[0]
                               and "loaded" not in s.splitlines()[0], 120)
        return (time.perf_counter() - started if screen else None), None
    finally:
        tmux.close()


def make_tig_repository(path, commits=10_000):
    """A repository of `commits` commits, written with git fast-import."""
    subprocess.run(["git", "init", "-q", path], check=True)
    lines = []
    for i in range(commits):
        message = f"Commit {i}: change line {i % 97} of file {i % 13}\n"
        content = f"line {i}\n"
        lines.append(f"commit refs/heads/main\nmark :{i + 1}\n"
                     f"committer Bench <bench@example.com> {1_600_000_000 + i * 60} +0000\n"
                     f"data {len(message.encode())}\n{message}")
        if i:
            lines.append(f"from :{i}\n")
        lines.append(f"M 644 inline file{i % 13}.txt\ndata {len(content.encode())}\n{content}\n")
    subprocess.run(["git", "-C", path, "fast-import", "--quiet"], input="".join(lines).encode(), check=True)
    subprocess.run(["git", "-C", path, "symbolic-ref", "HEAD", "refs/heads/main"], check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(HERE, "..", ".build", "release", "calltrail"))
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--skip-tmux", action="store_true", help="only the pty figures")
    parser.add_argument("--down", action="store_true", help="keys straight down (every row new) instead of j×25, k×25")
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.split("x"))
    binary = os.path.abspath(args.binary)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TMUX")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    # Demo data whatever the user's config says.
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="ct-bench-config-")
    env.pop("CALLTRAIL_TOKEN", None)

    pattern = "j, straight down" if args.down else "j×25, k×25, …"
    print(f"pseudo-terminal {cols}×{rows}, TERM=xterm-256color, {args.keys} keys ({pattern})")
    results = [measure("calltrail", [binary, "--lead", "100001"], env, rows, cols, args.keys, down=args.down)]
    if shutil.which("tig"):
        repo = tempfile.mkdtemp(prefix="ct-bench-tig-")
        make_tig_repository(repo)
        results.append(measure("tig", ["tig"], dict(env, HOME=repo), rows, cols, args.keys, cwd=repo, down=args.down))
        shutil.rmtree(repo, ignore_errors=True)
    else:
        print("tig not installed (apt-get install tig): no peer figures")

    rows_out = [("first frame (ms)", "first_frame_ms", 1), ("key → last byte, median (ms)", "median_ms", 2),
                ("key → last byte, p99 (ms)", "p99_ms", 2), ("CPU per key (ms)", "cpu_ms_per_key", 3),
                ("bytes written per key", "bytes_per_key", 0), ("idle wake-ups per second", "idle_wakeups_per_s", 1),
                ("RSS after the keys (MiB)", "rss_mib", 1), ("peak RSS (MiB)", "peak_rss_mib", 1)]
    header = f"{'figure':32} " + " ".join(f"{r['name']:>10}" for r in results)
    if len(results) == 2:
        header += f" {'ratio':>8}"
    print(header)
    for label, key, digits in rows_out:
        line = f"{label:32} " + " ".join(f"{r[key]:>10.{digits}f}" for r in results)
        if len(results) == 2 and results[1][key]:
            line += f" {results[0][key] / results[1][key]:>7.2f}×"
        print(line)
    for r in results:
        print(f"{r['name']}: {r['answered']} of {r['keys']} keys drew something")

    if args.skip_tmux or not shutil.which("tmux"):
        return
    slow = pgdn_landing(binary, 0.4, 150, env)
    fast = pgdn_landing(binary, 0.02, 150, env)
    print(f"ten PgDn with 150 ms pages: slow (400 ms apart) land on call {slow}, fast (20 ms apart) on call {fast}"
          + (" — same row" if slow == fast and slow is not None else " — DIFFERENT"))
    seconds, _ = end_time(binary, env)
    print(f"G on the 50,000-call demo lead (30 ms pages): " + (f"{seconds:.2f} s to the last call" if seconds else "did not reach the end in 120 s"))


if __name__ == "__main__":
    main()
