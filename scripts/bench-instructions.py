#!/usr/bin/env python3
"""User-space instructions and cache misses per key, counted by callgrind.

The CPU clock on a shared machine moves by a third between runs; instruction counts
do not, so this is the figure to compare two builds by. It runs the binary (and tig,
when installed, on a generated repository) in a pseudo-terminal under callgrind,
counts only while the keys are pressed (j×25, k×25, … inside loaded rows, or
straight down), and prints instructions and simulated cache misses per key.
Needs valgrind (apt-get install -y valgrind). Valgrind cannot read the DWARF Swift
writes, so the binary is run from a copy without debug information.
"""
import argparse, glob, importlib.util, os, re, shutil, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("bench", os.path.join(here, "bench-terminal.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def measure(argv, env, size, keys, down, cwd=None):
    columns, rows = size
    out = tempfile.mkdtemp(prefix="ct-callgrind-")
    command = ["valgrind", "--tool=callgrind", "--cache-sim=yes", "--instr-atstart=no",
               f"--callgrind-out-file={out}/callgrind.out"] + argv
    program = bench.PtyProgram(command, env, rows, columns, cwd=cwd) if cwd else bench.PtyProgram(command, env, rows, columns)
    try:
        program.read_burst(60.0, 0.5)
        program.settle()
        script = [b"j"] * keys if down else ([b"j"] * 25 + [b"k"] * 25) * max(1, keys // 50)
        for key in script[:50]:  # warm: the rows laid out, the pages loaded
            program.send(key)
            program.read_burst(5.0, 0.05)
        subprocess.run(["callgrind_control", "-i", "on", str(program.pid)], capture_output=True, check=True)
        for key in script:
            program.send(key)
            program.read_burst(5.0, 0.05)
        subprocess.run(["callgrind_control", "-i", "off", str(program.pid)], capture_output=True, check=True)
        subprocess.run(["callgrind_control", "-d", str(program.pid)], capture_output=True, check=True)
        time.sleep(1)
    finally:
        program.close()
    time.sleep(1)
    events, totals = None, None
    for path in glob.glob(out + "/callgrind.out*"):
        for line in open(path, errors="replace"):
            if line.startswith("events:"):
                events = line.split()[1:]
            match = re.match(r"totals: ([\d ]+)", line)
            if match and any(int(n) for n in match.group(1).split()):
                totals = [int(n) for n in match.group(1).split()]
    shutil.rmtree(out, ignore_errors=True)
    if not events or not totals:
        sys.exit(f"callgrind counted nothing for {argv[0]}")
    figures = dict(zip(events, totals))
    per_key = lambda name: figures.get(name, 0) / len(script)
    return {
        "instructions": per_key("Ir"),
        "L1 instruction misses": per_key("I1mr"),
        "L1 data misses": per_key("D1mr") + per_key("D1mw"),
        "last-level misses": per_key("ILmr") + per_key("DLmr") + per_key("DLmw"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/release/calltrail")
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--down", action="store_true", help="keys straight down instead of j×25, k×25")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed: apt-get install -y valgrind")
    size = tuple(int(n) for n in args.size.split("x"))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TMUX")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    scratch = tempfile.mkdtemp(prefix="ct-instructions-")
    try:
        stripped = os.path.join(scratch, "calltrail")
        subprocess.run(["strip", "--strip-debug", "-o", stripped, args.binary], check=True)
        results = {"calltrail": measure([stripped, "--lead", "100001"], dict(env, XDG_CONFIG_HOME=scratch), size, args.keys, args.down)}
        if shutil.which("tig"):
            repo = os.path.join(scratch, "repo")
            os.makedirs(repo)
            bench.make_tig_repository(repo)
            results["tig"] = measure(["tig"], dict(env, HOME=repo), size, args.keys, args.down, cwd=repo)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    pattern = "straight down" if args.down else "j×25, k×25, …"
    print(f"callgrind, pseudo-terminal {args.size}, {args.keys} keys ({pattern}), per key")
    names = list(results)
    print(f"{'figure':28s}" + "".join(f"{n:>12s}" for n in names) + ("       ratio" if len(names) == 2 else ""))
    for figure in results["calltrail"]:
        values = [results[n][figure] for n in names]
        ratio = f"{values[0] / values[1]:11.2f}×" if len(values) == 2 and values[1] else ""
        print(f"{figure:28s}" + "".join(f"{v:12,.0f}" for v in values) + ratio)


if __name__ == "__main__":
    main()
