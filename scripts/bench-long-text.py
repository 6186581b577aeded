#!/usr/bin/env python3
"""Key-to-screen latency of a calltrail binary in tmux, with the stand-in's
--lofty-huge-values lead (30,000-character CJK note, 10 MiB unknown field) on screen.
usage: scripts/bench-long-text.py .build/release/calltrail .build/debug/calltrail-stub-api [samples]"""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

calltrail, stub = sys.argv[1], sys.argv[2]
samples = int(sys.argv[3]) if len(sys.argv) > 3 else 30
SOCK = "hl-latency-%d" % os.getpid()
T = ["tmux", "-L", SOCK]
home = tempfile.mkdtemp()
out = open(home + "/stub.out", "w")
server = subprocess.Popen([stub, "--port", "0", "--token", "tok-1234567", "--lofty-huge-values"], stdout=out, stderr=subprocess.DEVNULL)
try:
    port = None
    for _ in range(3000):
        text = open(home + "/stub.out").read()
        m = re.search(r"listening on 127.0.0.1:(\d+)\n", text)
        if m: port = m.group(1); break
        time.sleep(0.01)
    assert port, "stub did not start"

    def tm(*a): return subprocess.run(T + list(a), capture_output=True, text=True).stdout
    def cap(): return tm("capture-pane", "-p")
    def wait(what, cond, timeout=120):
        t = time.monotonic()
        while time.monotonic() - t < timeout:
            s = cap()
            if cond(s): return s
            time.sleep(0.01)
        raise SystemExit("timed out waiting for %s; screen:\n%s" % (what, cap()))
    def timed(key, cond=None, timeout=10):
        before = cap()
        t = time.monotonic()
        tm("send-keys", key)
        while True:
            s = cap()
            if (cond(s) if cond else s != before):
                return (time.monotonic() - t) * 1000
            if time.monotonic() - t > timeout: raise SystemExit("no answer to %s within %s s; screen:\n%s" % (key, timeout, s))
    def cpu_ms():  # calltrail's user + system CPU so far (the pane's process: env execs it)
        pid = tm("display", "-p", "#{pane_pid}").strip()
        fields = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    def report(name, values):
        values = sorted(values)
        p95 = values[max(0, int(round(0.95 * len(values))) - 1)]
        print("%-58s n=%d  median %.1f ms  p95 %.1f ms  max %.1f ms" % (name, len(values), statistics.median(values), p95, values[-1]))

    env = "env HOME=%s XDG_CONFIG_HOME=%s/config CALLTRAIL_TOKEN=tok-1234567 TERM=xterm-256color" % (home, home)
    tm("new-session", "-d", "-x", "120", "-y", "40", "%s %s --provider lofty --base-url http://127.0.0.1:%s --lead 100061" % (env, calltrail, port))
    note = "長い通話記録"
    def detail_col(s):  # the detail pane is the rightmost 38 columns
        return "\n".join(l[-38:] for l in s.split("\n"))
    t0 = time.monotonic()
    wait("huge call in the detail", lambda s: "Calls · Long Text" in s and note in detail_col(s))
    print("first screen with the huge call (load 10 MiB + decode): %.0f ms" % ((time.monotonic() - t0) * 1000))
    # capture-pane round trip alone: the measurement's resolution.
    caps = []
    for _ in range(samples):
        t = time.monotonic(); cap(); caps.append((time.monotonic() - t) * 1000)
    report("tmux capture-pane alone (resolution)", caps)

    # Three panes: j to the ordinary call, k back to the huge one (detail rebuilt from cache).
    js, ks = [], []
    for _ in range(samples):
        js.append(timed("j", lambda s: note not in detail_col(s) and " 2/2 " in s))
        ks.append(timed("k", lambda s: note in detail_col(s) and " 1/2 " in s))
    report("3 panes, j: huge call -> ordinary call", js)
    report("3 panes, k: ordinary call -> huge call (note on screen)", ks)

    # Full-screen detail of the huge call, to its end where the 10 MiB field is.
    tm("send-keys", "Enter")
    wait("full-screen detail", lambda s: "Esc returns" in s and note in s)
    g = timed("G", lambda s: "prints it whole]" in s)
    print("full screen, G to the end (field + marker on screen): %.1f ms" % g)
    def top(s):  # the full-screen detail's position mark: first row shown
        m = re.search(r"(\d[\d,]*)–[\d,]+/[\d,]+ ━", s)
        return int(m.group(1).replace(",", "")) if m else None
    def at(n): return lambda s: top(s) == n
    ups, downs = [], []
    bottom = top(cap())
    cpu_before = cpu_ms()
    for _ in range(samples):
        ups.append(timed("k", at(bottom - 1)))
        downs.append(timed("j", at(bottom)))
    report("full screen at the 10 MiB field, k (scroll up)", ups)
    report("full screen at the 10 MiB field, j (scroll down)", downs)
    print("calltrail CPU per scroll key beside the field: %.2f ms (load average %s)" % (
        (cpu_ms() - cpu_before) / (2 * samples), open("/proc/loadavg").read().split()[0]))
    s = cap()
    assert "TRANSCRIPT-0123456789abcdef" in s and "prints it whole]" in s, s
    # Back to the top (the note) and scroll there.
    gg = timed("g", lambda s: note in s and "Other fields" not in s)
    print("full screen, g to the top (note on screen): %.1f ms" % gg)
    nd = []
    for _ in range(samples):
        nd.append(timed("j", at(2))); nd.append(timed("k", at(1)))
    report("full screen in the note, j/k", nd)
    q1 = timed("q", lambda s: "Calls · Long Text" in s)
    q2 = timed("q", lambda s: tm("display", "-p", "#{pane_dead}").strip() in ("1", "") or "calltrail" not in s)
    print("q (back to three panes): %.1f ms; q (quit): %.1f ms" % (q1, q2))
finally:
    subprocess.run(T + ["kill-server"], capture_output=True)
    server.terminate(); server.wait()
    shutil.rmtree(home, ignore_errors=True)
