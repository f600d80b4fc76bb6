#!/usr/bin/env python3
"""Benchmark: what the Digitales Hamm plugins add to QGIS start-up.

Goal (product owner): less than 300 ms added to QGIS start-up with all suite plugins
enabled; heavy imports are deferred until a feature is used.

Two measurements, each side by side with a reference in the same run:

1. Desktop. Two fresh QGIS profiles under build/bench/profiles: "with_suite" (the plugin
   folders copied from plugins/ into <profile>/python/plugins, enabled in
   QGIS/QGIS3.ini [PythonPlugins]) and "without_suite". The real desktop
   (`qgis --profiles-path ... --profile ... --nologo --noversioncheck --code
   scripts/bench_startup_quit.py`) runs under one `xvfb-run -a` session, the two profiles
   alternating (ABBA order), after one unmeasured warm-up run each (a fresh profile's
   first start creates its databases). Reported: wall time spawn -> "plugins loaded"
   (when QGIS runs the --code script) and spawn -> exit, the CPU time of the QGIS process
   for both (user+sys of all threads: much less disturbed by other load on the machine),
   and QGIS's own start-up profiler ("Load plugins", per plugin). The added time is the
   median of the paired differences; the unload time of each plugin at exit is noted.

2. In-process, more precise. A fresh Python process per run (QgsApplication offscreen,
   Processing.initialize() as QGIS does, pytest-qgis' QgisInterface as iface) times
   `import <plugin>; p = <plugin>.classFactory(iface); p.initGui()` for each suite plugin
   (hamm_core first); the reference is the same for seven empty minimal plugins made in a
   temporary folder. Suite and reference processes alternate. One extra run under
   `python -X importtime` attributes load-time imports to the suite module that made them,
   so deferred-import regressions show up by name.

Byte code: the environment may set PYTHONDONTWRITEBYTECODE; a real installation has
compiled .pyc files. Every child process here therefore runs with bytecode writing on and
PYTHONPYCACHEPREFIX=build/bench/pycache (so nothing is written into plugins/ or /usr),
and warm-up runs fill that cache before anything is measured.

Prints one `BENCH {json}` line per row on stdout (see scripts/bench.py); progress goes to
stderr. Exit status is non-zero only when the benchmark itself cannot run or the suite
plugins fail to load.

    python3 scripts/bench_startup.py [--quick] [--runs N] [--no-desktop] [--no-inprocess]
"""

import argparse
import configparser
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINS_DIR = os.path.join(ROOT, "plugins")
SUITE_METADATA = os.path.join(ROOT, "metadata.txt")
BUILD = os.path.join(ROOT, "build", "bench")
PROFILES_PATH = os.path.join(BUILD, "profiles")
PYCACHE = os.path.join(BUILD, "pycache")
LOGS = os.path.join(BUILD, "logs")
QUIT_SCRIPT = os.path.join(ROOT, "scripts", "bench_startup_quit.py")
QGIS_PLUGINS_SYSTEM = "/usr/share/qgis/python/plugins"
VENV_PYTHON = os.path.join(ROOT, ".venv", "bin", "python")
GOAL_MS = 300.0
DESKTOP_TIMEOUT = 60  # seconds for one QGIS start; a hang (modal dialog) is killed
WORKER_TIMEOUT = 180
# Modules a plugin must not import at load time (deferred until a feature is used).
HEAVY_PREFIXES = ("numpy", "scipy", "shapely", "osgeo", "owslib", "pandas", "matplotlib",
                  "lxml", "requests", "urllib3", "paho", "google.protobuf", "laspy",
                  "pyproj", "sqlite3", "xml.dom", "email", "http.client", "unittest",
                  "asyncio", "concurrent", "multiprocessing", "processing")
IMPORT_REPORT_MS = 2.0  # importtime entries at least this slow are listed


def log(msg):
    print("[bench_startup] " + msg, file=sys.stderr, flush=True)


def suite_plugins():
    """Plugin folder names under plugins/, hamm_core first (the others import it)."""
    names = sorted(n for n in os.listdir(PLUGINS_DIR)
                   if os.path.isfile(os.path.join(PLUGINS_DIR, n, "__init__.py"))
                   and os.path.isfile(os.path.join(PLUGINS_DIR, n, "metadata.txt")))
    if "hamm_core" in names:
        names.remove("hamm_core")
        names.insert(0, "hamm_core")
    return names


def qgis_python():
    """A Python that can import qgis and pytest_qgis: the venv if set up, else Debian's."""
    return VENV_PYTHON if os.access(VENV_PYTHON, os.X_OK) else "/usr/bin/python3"


def child_env(**extra):
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    xdg = os.path.join(BUILD, "xdg-runtime")
    os.makedirs(xdg, mode=0o700, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = xdg
    env.update({k: str(v) for k, v in extra.items()})
    return env


def stats(values):
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return None
    q = statistics.quantiles(vals, n=4, method="inclusive") if len(vals) > 1 else [vals[0]] * 3
    out = {"median": statistics.median(vals), "min": vals[0], "max": vals[-1],
           "p25": q[0], "p75": q[2]}
    out = {k: round(v, 4) for k, v in out.items()}
    out["n"] = len(vals)
    return out


def verdict(diff_stats, scale):
    """Goal check that does not call noise a regression: 'met' when the median added time
    is under the goal, 'MISSED' only when even the 25th percentile of the paired
    differences is over it, 'inconclusive' in between."""
    med, low = diff_stats["median"] * scale, diff_stats["p25"] * scale
    if med < GOAL_MS:
        return "met"
    if low >= GOAL_MS:
        return "MISSED"
    return "inconclusive (noise; p25 of diffs {:+.0f} ms)".format(low)


def emit(row):
    if row.get("ours") is not None and row.get("reference"):
        row["ratio"] = round(row["ours"] / row["reference"], 3)
    else:
        row.setdefault("ratio", None)
    print("BENCH " + json.dumps(row, ensure_ascii=False), flush=True)


def load_note():
    try:
        return "load avg {:.2f}".format(os.getloadavg()[0])
    except OSError:
        return ""


# --------------------------------------------------------------------------- desktop

def merged_metadata(plugin_dir):
    """The plugin's metadata.txt completed with the suite-wide fields (as packaging does):
    QGIS refuses to load a plugin without qgisMinimumVersion."""
    cfg = configparser.ConfigParser(interpolation=None, strict=False)
    cfg.optionxform = str
    cfg.read(SUITE_METADATA, encoding="utf-8")
    own = configparser.ConfigParser(interpolation=None, strict=False)
    own.optionxform = str
    own.read(os.path.join(plugin_dir, "metadata.txt"), encoding="utf-8")
    if not cfg.has_section("general"):
        cfg.add_section("general")
    for key, value in own.items("general"):
        cfg.set("general", key, value)
    return cfg


def make_profiles(plugins):
    """Fresh profiles <PROFILES_PATH>/profiles/{with_suite,without_suite} (QGIS puts named
    profiles in a "profiles" folder below --profiles-path)."""
    shutil.rmtree(PROFILES_PATH, ignore_errors=True)
    for name, with_suite in (("with_suite", True), ("without_suite", False)):
        prof = os.path.join(PROFILES_PATH, "profiles", name)
        os.makedirs(os.path.join(prof, "QGIS"))
        os.makedirs(os.path.join(prof, "python", "plugins"))
        lines = ["[PythonPlugins]"]
        if with_suite:
            for plugin in plugins:
                src = os.path.join(PLUGINS_DIR, plugin)
                dst = os.path.join(prof, "python", "plugins", plugin)
                shutil.copytree(src, dst, ignore=shutil.ignore_patterns(
                    "__pycache__", "*.pyc", "*.ts"))
                with open(os.path.join(dst, "metadata.txt"), "w", encoding="utf-8") as fh:
                    merged_metadata(src).write(fh)
                lines.append("{}=true".format(plugin))
        # same settings for both, apart from the suite's plugins
        lines += ["", "[qgis]", "checkVersion=false", ""]
        with open(os.path.join(prof, "QGIS", "QGIS3.ini"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines))


def desktop_env(**extra):
    """Environment for the desktop: QGIS's embedded Python finds its standard library
    through the first `python3` on PATH, so a pyenv or venv on PATH would give it the
    wrong one ("Couldn't load SIP module", a modal dialog). Keep only system folders."""
    env = child_env(**extra)
    for var in ("PYTHONHOME", "PYTHONPATH", "VIRTUAL_ENV", "QT_QPA_PLATFORM"):
        env.pop(var, None)
    venv_bin = os.path.join(os.environ.get("VIRTUAL_ENV", "/nonexistent"), "bin")
    env["PATH"] = os.pathsep.join(
        d for d in env.get("PATH", "").split(os.pathsep)
        if d and "pyenv" not in d and os.path.realpath(d) != os.path.realpath(venv_bin)
        and not d.startswith(os.path.join(ROOT, ".venv")))
    return env


def tail(path, chars=300):
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return ""
    text = " ".join(text.replace("<br>", " ").split())
    return text[-chars:]


def x_windows():
    """Titles of the top-level windows on the X server (to say what QGIS waits for)."""
    try:
        out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    names = []
    for line in out.splitlines():
        if '"' in line and "has no name" not in line:
            title = line.split('"')[1]
            if title and title not in names and not title.startswith("Qt ") \
                    and title != "QGIS3":
                names.append(title)
    return ", ".join(names[:6])


def desktop_one(profile, index):
    """Start QGIS once with `profile` (inside the xvfb session); returns a dict."""
    out = os.path.join(BUILD, "desktop_{}_{}.json".format(profile, index))
    for old in (out, out + ".unload"):
        if os.path.exists(old):
            os.remove(old)
    cmd = ["qgis", "--profiles-path", PROFILES_PATH, "--profile", profile, "--nologo",
           "--noversioncheck", "--code", QUIT_SCRIPT]
    log_path = os.path.join(LOGS, "qgis_{}.log".format(profile))
    t0 = time.time()
    env = desktop_env(HAMM_BENCH_T0=repr(t0), HAMM_BENCH_OUT=out)
    hung = []

    def kill_hung():
        hung.append(x_windows() or "?")
        os.killpg(proc.pid, 9)

    with open(log_path, "w", encoding="utf-8") as logfh:
        proc = subprocess.Popen(cmd, stdout=logfh, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
        timer = threading.Timer(DESKTOP_TIMEOUT, kill_hung)
        timer.start()
        # wait4 gives the child's CPU time (user+sys, all threads): far less sensitive to
        # other load on the machine than wall time
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.time() - t0
        timer.cancel()
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
    if hung:
        return {"ok": False, "error": "QGIS did not quit within {} s; windows open: {}; "
                "log {}: {}".format(DESKTOP_TIMEOUT, hung[0], log_path, tail(log_path))}
    cpu = usage.ru_utime + usage.ru_stime
    try:
        with open(out, encoding="utf-8") as fh:
            info = json.load(fh)
    except (OSError, ValueError):
        return {"ok": False, "wall": wall, "error": "QGIS exited ({}) without running the "
                "--code script; log {}: {}".format(rc, log_path, tail(log_path))}
    res = {"ok": True, "rc": rc, "wall": wall, "ready": info["t_code"] - t0, "cpu": cpu,
           "cpu_ready": info.get("cpu_code"),
           "loop": info.get("t_loop", info["t_code"]) - t0,
           "active_plugins": info.get("active_plugins", []),
           "plugin_times": info.get("plugin_times", {}),
           "heavy_loaded": info.get("heavy_loaded", []),
           "errors": info.get("errors", [])}
    tree = info.get("profiler_startup", [])
    load = [r for r in tree if r[0] == 0 and r[1] == "Load plugins"]
    res["load_plugins"] = load[0][2] if load else None
    # direct children of "Load plugins": one entry per plugin
    per, inside = {}, False
    for depth, name, secs in tree:
        if depth == 0:
            inside = name == "Load plugins"
        elif inside and depth == 1:
            per[name] = secs
    res["profiler_plugins"] = per
    res["unload"] = {}
    try:
        with open(out + ".unload", encoding="utf-8") as fh:
            for line in fh:
                name, secs = json.loads(line)
                res["unload"][name] = secs
    except (OSError, ValueError):
        pass
    res["startup_total"] = sum(r[2] for r in tree if r[0] == 0)
    return res


def desktop_series(runs, out_path):
    """Runs inside `xvfb-run`: warm-up, then `runs` interleaved pairs. Writes JSON."""
    os.makedirs(LOGS, exist_ok=True)
    results = {"with_suite": [], "without_suite": [], "warmup": {}}
    for profile in ("with_suite", "without_suite"):
        log("desktop warm-up run ({})".format(profile))
        results["warmup"][profile] = r = desktop_one(profile, "warmup")
        if not r["ok"]:
            # the next runs would fail (or hang) the same way: stop here
            log("desktop warm-up failed: " + r["error"])
            results["with_suite"].append(dict(r, pair=-1))
            runs = 0
            break
    failed_in_a_row = 0
    for i in range(runs):
        if failed_in_a_row >= 2:
            log("desktop: two failed starts in a row, giving up")
            break
        order = ("with_suite", "without_suite") if i % 2 == 0 else ("without_suite",
                                                                     "with_suite")
        for profile in order:
            r = desktop_one(profile, i)
            log("desktop run {}/{} {}: {}".format(
                i + 1, runs, profile, "wall {:.3f} s".format(r["wall"]) if r["ok"]
                else r["error"]))
            r["pair"] = i
            results[profile].append(r)
            failed_in_a_row = 0 if r["ok"] else failed_in_a_row + 1
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump(results, fh)


def desktop_rows(runs, plugins):
    """Run the desktop series under xvfb-run and emit its rows. Returns an error string
    for a benchmark failure (suite did not load), or None."""
    why = []
    if not shutil.which("qgis"):
        why.append("no `qgis` on PATH (apt-get install qgis)")
    if not shutil.which("xvfb-run"):
        why.append("no `xvfb-run` (apt-get install xvfb xauth)")
    if why:
        emit({"bench": "startup", "case": "desktop: spawn -> exit", "ours": None,
              "reference": None, "reference_name": "QGIS without suite", "unit": "s",
              "runs": 0, "note": "SKIPPED, desktop run impossible here: " + "; ".join(why)})
        return None
    make_profiles(plugins)
    os.makedirs(BUILD, exist_ok=True)
    out = os.path.join(BUILD, "desktop_series.json")
    if os.path.exists(out):
        os.remove(out)
    # the series runs with Debian's Python and a PATH without pyenv/venv (see desktop_env)
    series_python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") \
        else sys.executable
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", series_python,
           os.path.abspath(__file__), "--desktop-series", "--runs", str(runs), "--out", out]
    load_before = load_note()
    proc = subprocess.run(cmd, env=desktop_env(), timeout=DESKTOP_TIMEOUT * (2 * runs + 4),
                          check=False)
    if proc.returncode != 0 or not os.path.exists(out):
        emit({"bench": "startup", "case": "desktop: spawn -> exit", "ours": None,
              "reference": None, "reference_name": "QGIS without suite", "unit": "s",
              "runs": 0, "note": "FAILED: xvfb-run session exited {}".format(
                  proc.returncode)})
        return "desktop series failed (xvfb-run exited {})".format(proc.returncode)
    with open(out, encoding="utf-8") as fh:
        res = json.load(fh)
    with_ok = [r for r in res["with_suite"] if r["ok"]]
    without_ok = [r for r in res["without_suite"] if r["ok"]]
    failures = [r["error"] for r in res["with_suite"] + res["without_suite"] if not r["ok"]]
    missing = sorted({p for r in with_ok for p in plugins if p not in r["active_plugins"]})
    problem = None
    if missing:
        problem = "suite plugins not loaded by QGIS: " + ", ".join(missing)
    elif not with_ok or not without_ok:
        problem = "no successful QGIS start: " + "; ".join(failures[:2])
    # paired differences (same pair index, both ok)
    by_pair = {r["pair"]: r for r in without_ok}
    pairs = [(r, by_pair[r["pair"]]) for r in with_ok if r["pair"] in by_pair]
    env_note = "QGIS {} under xvfb-run, {} interleaved pairs after 1 warm-up each; {}".format(
        qgis_version(), len(pairs), load_before)
    warm = res.get("warmup", {})
    first_run = ""
    if warm.get("with_suite", {}).get("ok") and warm.get("without_suite", {}).get("ok"):
        first_run = "first start of a fresh profile: {:.2f} s with / {:.2f} s without".format(
            warm["with_suite"]["wall"], warm["without_suite"]["wall"])

    shutdown = stats([(a["wall"] - a["ready"]) - (b["wall"] - b["ready"]) for a, b in pairs])
    unload = {}
    for p in plugins:
        st = stats([r["unload"].get(p) for r in with_ok])
        if st:
            unload[p] = st["median"] * 1000
    unload_note = "unload at exit (median ms): {} (total {:.0f})".format(
        ", ".join("{} {:.1f}".format(k.replace("hamm_", ""), v) for k, v in unload.items()),
        sum(unload.values())) if unload else ""
    for key, case, extra in (
            ("ready", "desktop: spawn -> plugins loaded (wall)", ""),
            ("wall", "desktop: spawn -> exit (wall)",
             "of which shut-down (plugins loaded -> exit) {:+.0f} ms; {}; {}".format(
                 shutdown["median"] * 1000, unload_note, first_run) if shutdown
             else first_run),
            ("cpu_ready", "desktop: CPU time to plugins loaded", ""),
            ("cpu", "desktop: CPU time spawn -> exit", ""),
            ("load_plugins", "desktop: QGIS profiler 'Load plugins'", "")):
        s_with = stats([r[key] for r in with_ok])
        s_without = stats([r[key] for r in without_ok])
        diffs = stats([a[key] - b[key] for a, b in pairs
                       if a[key] is not None and b[key] is not None])
        if not s_with or not s_without:
            emit({"bench": "startup", "case": case, "ours": None, "reference": None,
                  "reference_name": "QGIS without suite", "unit": "s", "runs": 0,
                  "note": "FAILED: " + (problem or "no data")})
            continue
        added_ms = diffs["median"] * 1000 if diffs else None
        note = []
        if problem:
            note.append("PROBLEM: " + problem)
        if added_ms is not None:
            note.append("added {:+.0f} ms (median of paired diffs, range {:+.0f}..{:+.0f}; "
                        "min vs min {:+.0f}); goal < {:.0f} ms: {}".format(
                            added_ms, diffs["min"] * 1000, diffs["max"] * 1000,
                            (s_with["min"] - s_without["min"]) * 1000, GOAL_MS,
                            verdict(diffs, 1000)))
        note.append("spread p25-p75 ours {:.3f}-{:.3f}, ref {:.3f}-{:.3f} s".format(
            s_with["p25"], s_with["p75"], s_without["p25"], s_without["p75"]))
        if key == "load_plugins":
            per = {}
            for p in plugins:
                vals = [r["profiler_plugins"].get(p) for r in with_ok]
                st = stats(vals)
                if st:
                    per[p] = round(st["median"] * 1000, 1)
            note.append("per plugin ms: " + ", ".join(
                "{} {}".format(k.replace("hamm_", ""), v) for k, v in per.items()))
        if key == "ready":
            note.append(env_note)
        if extra:
            note.append(extra)
        emit({"bench": "startup", "case": case, "ours": round(s_with["median"], 3),
              "reference": round(s_without["median"], 3),
              "reference_name": "QGIS without suite", "unit": "s", "runs": len(pairs),
              "added_ms": None if added_ms is None else round(added_ms, 1),
              "goal_ms": GOAL_MS, "spread": {"ours": s_with, "reference": s_without,
                                             "paired_diff": diffs},
              "note": "; ".join(note)})
    return problem


def qgis_version():
    try:
        out = subprocess.run(["qgis", "--version"], capture_output=True, text=True,
                             timeout=30, env=dict(desktop_env(), QT_QPA_PLATFORM="offscreen"),
                             check=False).stdout
        for word in out.split():
            if word[:1].isdigit():
                return word.rstrip(",")
    except (OSError, subprocess.SubprocessError):
        pass
    return "?"


# ---------------------------------------------------------------------------- in-process

EMPTY_INIT = '''"""Empty minimal QGIS plugin: the reference for the start-up benchmark."""


class EmptyPlugin:
    def __init__(self, iface):
        self.iface = iface

    def initGui(self):
        pass

    def unload(self):
        pass


def classFactory(iface):
    return EmptyPlugin(iface)
'''

EMPTY_METADATA = """[general]
name=Bench empty {i}
qgisMinimumVersion=3.22
description=Empty plugin
version=0.0.1
author=bench
email=bench@example.invalid
"""


def make_empty_plugins(folder, count):
    names = []
    for i in range(count):
        name = "hamm_bench_empty_{}".format(i)
        os.makedirs(os.path.join(folder, name), exist_ok=True)
        with open(os.path.join(folder, name, "__init__.py"), "w", encoding="utf-8") as fh:
            fh.write(EMPTY_INIT)
        with open(os.path.join(folder, name, "metadata.txt"), "w", encoding="utf-8") as fh:
            fh.write(EMPTY_METADATA.format(i=i))
        names.append(name)
    return names


def inprocess_worker(names, extra_path, markers):
    """One fresh process: set QGIS up like the desktop does, then time loading `names`.
    Prints `WORKER {json}` and leaves with os._exit (no teardown crashes)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path[:0] = [PLUGINS_DIR, extra_path, QGIS_PLUGINS_SYSTEM]
    # pytest-qgis' stand-in iface must be imported before QgsApplication exists: its
    # "QList<QgsMapLayer*>" slot signature does not resolve when defined afterwards
    from pytest_qgis.mock_qgis_classes import MockMessageBar
    from pytest_qgis.qgis_interface import QgisInterface
    from qgis.core import QgsApplication
    app = QgsApplication([], True)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    import qgis.utils
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow
    main_window = QMainWindow()
    iface = QgisInterface(QgsMapCanvas(main_window), MockMessageBar(), main_window)
    qgis.utils.iface = iface
    import importlib

    result = {"plugins": {}, "n_modules_before": len(sys.modules)}
    keep = []
    total0 = time.perf_counter()
    for name in names:
        before = set(sys.modules)
        if markers:
            os.write(2, "HAMMBENCH BEGIN {}\n".format(name).encode())
        t0 = time.perf_counter()
        module = importlib.import_module(name)
        t1 = time.perf_counter()
        plugin = module.classFactory(iface)
        t2 = time.perf_counter()
        plugin.initGui()
        t3 = time.perf_counter()
        if markers:
            os.write(2, "HAMMBENCH END {}\n".format(name).encode())
        keep.append(plugin)
        added = sorted(set(sys.modules) - before)
        result["plugins"][name] = {
            "import": t1 - t0, "factory": t2 - t1, "initgui": t3 - t2, "total": t3 - t0,
            "modules_added": added}
    result["total"] = time.perf_counter() - total0
    print("WORKER " + json.dumps(result), flush=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def run_worker(names, extra_path, importtime=False):
    cmd = [qgis_python()]
    if importtime:
        cmd += ["-X", "importtime"]
    cmd += [os.path.abspath(__file__), "--inprocess-worker", "--extra-path", extra_path,
            "--names", ",".join(names)]
    if importtime:
        cmd.append("--markers")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=WORKER_TIMEOUT,
                          env=child_env(QT_QPA_PLATFORM="offscreen"), check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("WORKER ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError("in-process worker failed (exit {}):\n{}".format(
            proc.returncode, proc.stderr[-3000:]))
    return json.loads(lines[-1][len("WORKER "):]), proc.stderr


def parse_importtime(stderr, plugins):
    """Per plugin: the load-time imports outside the suite, attributed to the suite module
    that imported them (from `-X importtime` between the worker's markers)."""
    sections, current = {}, None
    for line in stderr.splitlines():
        if line.startswith("HAMMBENCH BEGIN "):
            current = line.split()[-1]
            sections[current] = []
        elif line.startswith("HAMMBENCH END "):
            current = None
        elif current and line.startswith("import time:") and "|" in line:
            parts = line[len("import time:"):].split("|")
            if len(parts) != 3 or not parts[0].strip().isdigit():
                continue
            raw = parts[2].rstrip("\n")
            name = raw.lstrip(" ")
            depth = (len(raw) - len(name) - 1) // 2
            sections[current].append((depth, name, int(parts[0]) / 1000.0,
                                      int(parts[1]) / 1000.0))
    report = {}
    for plugin, rows in sections.items():
        stack, external, own = {}, [], []
        # importtime prints children before their parent: walk backwards so that every
        # entry's ancestors are known when it is reached
        for depth, name, self_ms, cum_ms in reversed(rows):
            stack[depth] = name
            for d in [d for d in stack if d > depth]:
                del stack[d]
            ancestors = [stack[d] for d in sorted(stack) if d < depth]
            is_suite = name.split(".")[0].startswith("hamm_")
            if is_suite:
                own.append({"module": name, "self_ms": round(self_ms, 2),
                            "cum_ms": round(cum_ms, 2)})
                continue
            if any(not a.split(".")[0].startswith("hamm_") for a in ancestors):
                continue  # counted within its outermost non-suite importer
            importer = next((a for a in reversed(ancestors)
                             if a.split(".")[0].startswith("hamm_")), plugin)
            external.append({"module": name, "cum_ms": round(cum_ms, 2),
                             "imported_by": importer,
                             "file": module_file(importer)})
        external.sort(key=lambda e: -e["cum_ms"])
        own.sort(key=lambda e: -e["self_ms"])
        report[plugin] = {"external": [e for e in external if e["cum_ms"] >= 0.1][:10],
                          "suite_modules": own[:8], "n_suite_modules": len(own),
                          "suite_modules_ms": round(sum(o["self_ms"] for o in own), 2)}
    return report


def module_file(module):
    rel = module.replace(".", os.sep)
    for cand in (rel + ".py", os.path.join(rel, "__init__.py")):
        if os.path.exists(os.path.join(PLUGINS_DIR, cand)):
            return os.path.join("plugins", cand)
    return ""


def inprocess_rows(runs, plugins):
    tmp = tempfile.mkdtemp(prefix="hamm_bench_empty_")
    try:
        empties = make_empty_plugins(tmp, len(plugins))
        log("in-process warm-up (fills the byte-code cache)")
        run_worker(plugins, tmp)
        run_worker(empties, tmp)
        suite_runs, empty_runs = [], []
        load_before = load_note()
        for i in range(runs):
            order = (("suite", plugins), ("empty", empties))
            if i % 2:
                order = order[::-1]
            for kind, names in order:
                res, _ = run_worker(names, tmp)
                (suite_runs if kind == "suite" else empty_runs).append(res)
            log("in-process run {}/{}: suite {:.1f} ms, empty {:.1f} ms".format(
                i + 1, runs, suite_runs[-1]["total"] * 1000, empty_runs[-1]["total"] * 1000))
        log("in-process run under -X importtime (attribution only, not timed)")
        it_res, it_err = run_worker(plugins, tmp, importtime=True)
        imports = parse_importtime(it_err, plugins)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    s_suite = stats([r["total"] * 1000 for r in suite_runs])
    s_empty = stats([r["total"] * 1000 for r in empty_runs])
    pair_diffs = stats([(a["total"] - b["total"]) * 1000
                        for a, b in zip(suite_runs, empty_runs)])
    heavy = heavy_modules(suite_runs[0], plugins)
    slow_imports = []
    for p in plugins:
        for e in imports.get(p, {}).get("external", []):
            if e["cum_ms"] >= IMPORT_REPORT_MS:
                slow_imports.append("{} {:.1f} ms via {} ({})".format(
                    e["module"], e["cum_ms"], e["imported_by"], e["file"] or "?"))
    note = ["7 plugins = import+classFactory+initGui, hamm_core first; ref = {} empty "
            "minimal plugins; added {:+.1f} ms (paired median); goal < {:.0f} ms: {}".format(
                len(empties), pair_diffs["median"], GOAL_MS, verdict(pair_diffs, 1)),
            "spread p25-p75 ours {:.1f}-{:.1f}, ref {:.2f}-{:.2f} ms".format(
                s_suite["p25"], s_suite["p75"], s_empty["p25"], s_empty["p75"]),
            "heavy modules imported at load: " + (", ".join(heavy) or "none"),
            "slow non-suite imports (>= {:.0f} ms): {}".format(
                IMPORT_REPORT_MS, "; ".join(slow_imports[:8]) or "none"),
            load_before]
    emit({"bench": "startup", "case": "in-process: load all {} plugins".format(len(plugins)),
          "ours": round(s_suite["median"], 2), "reference": round(s_empty["median"], 2),
          "reference_name": "{} empty plugins".format(len(empties)), "unit": "ms",
          "runs": len(suite_runs), "added_ms": round(pair_diffs["median"], 2),
          "goal_ms": GOAL_MS,
          "spread": {"ours": s_suite, "reference": s_empty, "paired_diff": pair_diffs},
          "heavy_modules": heavy, "imports": imports,
          "note": "; ".join(note)})

    s_empty_one = stats([r["plugins"][n]["total"] * 1000 for r in empty_runs for n in empties])
    for p in plugins:
        s = stats([r["plugins"][p]["total"] * 1000 for r in suite_runs])
        parts = {k: statistics.median(r["plugins"][p][k] * 1000 for r in suite_runs)
                 for k in ("import", "factory", "initgui")}
        imp = imports.get(p, {})
        top_own = ", ".join("{} {:.1f}".format(o["module"], o["self_ms"])
                            for o in imp.get("suite_modules", [])[:3])
        ext = ", ".join("{} {:.1f}".format(e["module"], e["cum_ms"])
                        for e in imp.get("external", [])[:4])
        n_added = len(suite_runs[0]["plugins"][p]["modules_added"])
        note = ("import {:.1f} + classFactory {:.1f} + initGui {:.1f} ms; spread {:.1f}-{:.1f}; "
                "{} modules added; slowest suite modules (self ms): {}; outside imports "
                "(cum ms): {}").format(parts["import"], parts["factory"], parts["initgui"],
                                       s["p25"], s["p75"], n_added, top_own or "-",
                                       ext or "none")
        emit({"bench": "startup", "case": "in-process: " + p, "ours": round(s["median"], 2),
              "reference": round(s_empty_one["median"], 3),
              "reference_name": "1 empty plugin", "unit": "ms", "runs": len(suite_runs),
              "spread": {"ours": s, "reference": s_empty_one}, "parts_ms": parts,
              "note": note})


def heavy_modules(run, plugins):
    found = []
    for p in plugins:
        for m in run["plugins"][p]["modules_added"]:
            if any(m == h or m.startswith(h + ".") for h in HEAVY_PREFIXES):
                top = m if m in HEAVY_PREFIXES else next(
                    h for h in HEAVY_PREFIXES if m.startswith(h + "."))
                tag = "{} (by {})".format(top, p)
                if tag not in found:
                    found.append(tag)
    return found


# --------------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="3 runs instead of 7")
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--no-desktop", action="store_true")
    ap.add_argument("--no-inprocess", action="store_true")
    # internal modes
    ap.add_argument("--desktop-series", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--inprocess-worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--names", help=argparse.SUPPRESS)
    ap.add_argument("--extra-path", help=argparse.SUPPRESS)
    ap.add_argument("--markers", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    runs = args.runs or (3 if args.quick else 7)

    if args.inprocess_worker:
        inprocess_worker(args.names.split(","), args.extra_path, args.markers)
        return 0
    if args.desktop_series:
        desktop_series(runs, args.out)
        return 0

    plugins = suite_plugins()
    os.makedirs(BUILD, exist_ok=True)
    problems = []
    if not args.no_desktop:
        t = time.time()
        problem = desktop_rows(runs, plugins)
        log("desktop part took {:.0f} s".format(time.time() - t))
        if problem:
            problems.append(problem)
    if not args.no_inprocess:
        t = time.time()
        inprocess_rows(runs, plugins)
        log("in-process part took {:.0f} s".format(time.time() - t))
    for p in problems:
        log("PROBLEM: " + p)
    return 3 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
