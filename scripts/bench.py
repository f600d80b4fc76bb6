#!/usr/bin/env python3
"""Run every benchmark scripts/bench_*.py and print one table.

    python3 scripts/bench.py [--quick] [--only NAME ...]

Each benchmark is a script scripts/bench_<name>.py, run as its own process with a Python
that can import qgis (the project's .venv if present, else /usr/bin/python3), given
`--quick` when asked. It prints one line per measured row on stdout:

    BENCH {"bench": "startup", "case": "...", "ours": 1.23, "reference": 1.10,
           "reference_name": "QGIS without suite", "unit": "s", "ratio": 1.118,
           "runs": 7, "note": "..."}

`ours` is the suite's figure, `reference` the same measurement for the reference tool or
variant named by `reference_name` (`reference_tool` and `reference_variant` are accepted
too); `ratio` = ours / reference (computed here when left out). Extra keys are kept in
the results file. Anything else a benchmark prints to stdout is passed to stderr; progress
belongs on stderr.

Helper scripts that match bench_*.py but are not benchmarks declare a line
`BENCH_HELPER = True` and are skipped.

Writes build/bench/results.json. Exits non-zero only when a benchmark crashed (non-zero
exit, time-out, or an unreadable BENCH line), never because a ratio is poor.
Only the standard library is used here, so any python3 can run it.
"""

import argparse
import glob
import json
import os
import platform
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(ROOT, "scripts")
OUT_DIR = os.path.join(ROOT, "build", "bench")
HELPER_RE = re.compile(r"^BENCH_HELPER\s*=\s*True\b", re.MULTILINE)
COLUMNS = ("benchmark", "case", "ours", "reference", "ratio", "unit", "runs", "note")


def bench_python():
    venv = os.path.join(ROOT, ".venv", "bin", "python")
    if os.access(venv, os.X_OK):
        return venv
    if os.access("/usr/bin/python3", os.X_OK):
        return "/usr/bin/python3"
    return sys.executable


def discover(only):
    found = []
    for path in sorted(glob.glob(os.path.join(SCRIPTS, "bench_*.py"))):
        name = os.path.basename(path)[len("bench_"):-len(".py")]
        with open(path, encoding="utf-8") as fh:
            if HELPER_RE.search(fh.read()):
                continue
        if only and name not in only:
            continue
        found.append((name, path))
    return found


def run_one(python, name, path, quick, timeout):
    cmd = [python, path] + (["--quick"] if quick else [])
    print("== bench {}: {}".format(name, " ".join(cmd)), file=sys.stderr, flush=True)
    t0 = time.time()
    rows, problems = [], []
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=None, text=True, cwd=ROOT)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        problems.append("timed out after {} s".format(timeout))
    for line in out.splitlines():
        if not line.startswith("BENCH "):
            if line.strip():
                print("   [{}] {}".format(name, line), file=sys.stderr)
            continue
        try:
            row = json.loads(line[len("BENCH "):])
            if not isinstance(row, dict):
                raise ValueError("not an object")
        except ValueError as err:
            problems.append("unreadable BENCH line ({}): {}".format(err, line[:200]))
            continue
        row.setdefault("bench", name)
        row.setdefault("script", os.path.relpath(path, ROOT))
        if row.get("ratio") is None:
            try:
                row["ratio"] = round(float(row["ours"]) / float(row["reference"]), 3)
            except (KeyError, TypeError, ValueError, ZeroDivisionError):
                row["ratio"] = None
        rows.append(row)
    if proc.returncode not in (0, None) and not any("timed out" in p for p in problems):
        problems.append("exited with status {}".format(proc.returncode))
    if not rows and not problems:
        print("   [{}] warning: no BENCH rows".format(name), file=sys.stderr)
    return {"bench": name, "script": os.path.relpath(path, ROOT), "command": cmd,
            "returncode": proc.returncode, "seconds": round(time.time() - t0, 1),
            "problems": problems, "rows": rows}


def fmt_num(value):
    if value is None:
        return "-"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if value == 0:
        return "0"
    mag = abs(value)
    if mag >= 100:
        return "{:.0f}".format(value)
    if mag >= 10:
        return "{:.1f}".format(value)
    if mag >= 1:
        return "{:.2f}".format(value)
    return "{:.3g}".format(value)


def reference_name(row):
    for key in ("reference_name", "reference_tool", "reference_variant"):
        if row.get(key):
            return str(row[key])
    return ""


def table(rows):
    lines = []
    for r in rows:
        ref = fmt_num(r.get("reference"))
        ref_name = reference_name(r)
        if ref_name:
            ref = "{} ({})".format(ref, ref_name)
        ratio = "-" if r.get("ratio") is None else "{:.3g}".format(r["ratio"])
        lines.append((str(r.get("bench", "")), str(r.get("case", "")), fmt_num(r.get("ours")),
                      ref, ratio, str(r.get("unit", "")), str(r.get("runs", "-")),
                      str(r.get("note", ""))))
    widths = [max([len(c)] + [len(ln[i]) for ln in lines]) for i, c in enumerate(COLUMNS)]
    widths[-1] = 0  # the note is the last column: no padding
    out = []

    def join(cells):
        return " | ".join(c.ljust(w) if i in (0, 1, 3, 5, 7) else c.rjust(w)
                          for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    out.append(join(COLUMNS))
    out.append("-+-".join("-" * max(w, 4) for w in widths))
    out.extend(join(ln) for ln in lines)
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description="Run scripts/bench_*.py, print one table.")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (passed on)")
    ap.add_argument("--only", nargs="*", default=[], help="benchmark names (bench_NAME.py)")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per benchmark")
    args = ap.parse_args()

    python = bench_python()
    benches = discover(set(args.only))
    if not benches:
        print("no benchmarks found (scripts/bench_*.py)", file=sys.stderr)
        return 1
    t0 = time.time()
    results = [run_one(python, name, path, args.quick, args.timeout)
               for name, path in benches]
    rows = [row for res in results for row in res["rows"]]

    print(table(rows))
    print("time per benchmark: " + ", ".join(
        "{} {:.0f} s ({} rows)".format(res["bench"], res["seconds"], len(res["rows"]))
        for res in results))
    crashed = [res for res in results if res["problems"]]
    for res in crashed:
        print("CRASHED {}: {}".format(res["bench"], "; ".join(res["problems"])))
    total = time.time() - t0
    print("{} rows from {} benchmark(s) in {:.0f} s{}; details: {}".format(
        len(rows), len(results), total, " (quick)" if args.quick else "",
        os.path.relpath(os.path.join(OUT_DIR, "results.json"), ROOT)))

    os.makedirs(OUT_DIR, exist_ok=True)
    try:
        load = list(os.getloadavg())
    except OSError:
        load = None
    doc = {"created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "quick": args.quick,
           "seconds": round(total, 1), "python": python,
           "host": {"platform": platform.platform(), "cpus": os.cpu_count(),
                    "loadavg_end": load},
           "benchmarks": results, "rows": rows}
    path = os.path.join(OUT_DIR, "results.json")
    with open(path + ".tmp", "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=1, ensure_ascii=False)
    os.replace(path + ".tmp", path)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
