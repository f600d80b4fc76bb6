#!/usr/bin/python3
"""Run the Digitales Hamm demo: what ``make run`` calls after the set-up.

    python3 scripts/run_demo.py [--port 8642] [--rebuild] [--headless] [--timeout 120]

1. packages the suite (scripts/package.py -> build/dist/*.zip; if that fails or is missing,
   the plugin folders are copied) and installs it into the dedicated QGIS profile
   ``digitales_hamm`` under build/profiles (QGIS puts profiles in <path>/profiles/<name>);
   enables all plugins there, sets the suite's city profile to the demo profile
   (hamm_demo.json of the installed hamm_core) and the QGIS user interface to German;
2. builds the synthetic demo data into build/demo when it is missing (or with --rebuild);
3. starts the demo server (QGIS Server on 127.0.0.1:8642, scripts/demo_services.py) and the
   live demo feeds (every scripts/demo_live_*.py, see start_live_feeds);
4. with a display ($DISPLAY): opens QGIS with that profile and build/demo/hamm_demo.qgs and
   stops the demo server when QGIS closes (if this run started it);
   without a display (or --headless): runs the same QGIS under xvfb-run with
   scripts/demo_snapshot.py, which saves build/demo/qgis_window.png, demo_map.png and
   snapshot.json and quits; the whole run is bounded by --timeout seconds.
Only the standard library is used here; QGIS runs as a child process.
"""

import argparse
import configparser
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import demo_services  # noqa: E402

PROFILE_NAME = "digitales_hamm"
PROFILES_PATH = ROOT / "build" / "profiles"
DEMO_DIR = ROOT / "build" / "demo"
DIST_DIR = ROOT / "build" / "dist"
SYSTEM_PYTHON = "/usr/bin/python3"
QGIS = shutil.which("qgis") or "/usr/bin/qgis"


def say(text: str) -> None:
    print("run_demo: " + text, flush=True)


def profile_dir() -> Path:
    """QGIS's --profiles-path P keeps the profile N in P/profiles/N."""
    return PROFILES_PATH / "profiles" / PROFILE_NAME


def plugin_ids() -> List[str]:
    return sorted(p.name for p in (ROOT / "plugins").iterdir()
                  if (p / "metadata.txt").is_file() and (p / "__init__.py").is_file())


def package() -> Dict[str, Path]:
    """{plugin id: zip} from scripts/package.py, or {} when it is missing or fails."""
    script = ROOT / "scripts" / "package.py"
    if not script.is_file():
        say("scripts/package.py not found: installing the plugin folders directly")
        return {}
    result = subprocess.run([sys.executable, str(script), "--out", str(DIST_DIR)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        say("packaging failed (exit {}), installing the plugin folders directly:\n{}{}".format(
            result.returncode, result.stdout[-2000:], result.stderr[-2000:]))
        return {}
    zips = {}
    for line in result.stdout.splitlines():
        path = Path(line.strip())
        if path.suffix == ".zip":
            path = path if path.is_absolute() else ROOT / path
            if path.is_file():
                zips[path.name.split(".", 1)[0]] = path
    return zips


def _merged_metadata(plugin: Path) -> str:
    """Fallback install: suite metadata.txt merged with the plugin's (plugin wins)."""
    merged = configparser.RawConfigParser(strict=False)
    merged.optionxform = str  # type: ignore[assignment]
    merged.read([ROOT / "metadata.txt", plugin / "metadata.txt"], encoding="utf-8")
    lines = ["[general]"]
    for key, value in merged.items("general"):
        lines.append("{}={}".format(key, value.replace("\n", "\n  ")))
    return "\n".join(lines) + "\n"


def install(zips: Dict[str, Path]) -> List[str]:
    target = profile_dir() / "python" / "plugins"
    target.mkdir(parents=True, exist_ok=True)
    installed = []
    for pid in plugin_ids():
        dest = target / pid
        if dest.exists():
            shutil.rmtree(dest)
        if pid in zips:
            with zipfile.ZipFile(zips[pid]) as zf:
                tops = {name.split("/", 1)[0] for name in zf.namelist()}
                if tops != {pid}:
                    raise SystemExit("run_demo: {} must hold exactly one folder {}/ (has {})"
                                     .format(zips[pid], pid, sorted(tops)))
                zf.extractall(target)
            how = zips[pid].name
        else:
            shutil.copytree(ROOT / "plugins" / pid, dest,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))
            (dest / "metadata.txt").write_text(_merged_metadata(ROOT / "plugins" / pid),
                                               encoding="utf-8")
            how = "copied from plugins/"
        installed.append(pid)
        say("installed {} ({})".format(pid, how))
    return installed


def configure_profile(installed: List[str]) -> Path:
    """Enable the plugins, choose the demo city profile, German UI, quiet start-up, the 3D
    view without its navigation panel."""
    ini_path = profile_dir() / "QGIS" / "QGIS3.ini"
    ini_path.parent.mkdir(parents=True, exist_ok=True)
    ini = configparser.RawConfigParser(strict=False, interpolation=None, delimiters=("=",))
    ini.optionxform = str  # type: ignore[assignment]  # QSettings keys are case-sensitive
    if ini_path.exists():
        ini.read(ini_path, encoding="utf-8")
    demo_profile = profile_dir() / "python" / "plugins" / "hamm_core" / "profiles" / \
        "hamm_demo.json"
    values = {
        "PythonPlugins": {**dict.fromkeys(installed, "true"), "processing": "true"},
        "plugins": {"digitales_hamm\\profile_path": str(demo_profile)},
        "locale": {"userLocale": "de", "overrideFlag": "true"},
        "qgis": {"checkVersion": "false"},
        # the 3D view's on-screen navigation panel would take most of the narrow 3D dock
        "gui": {"3D\\navigationWidget\\visibility": "false"},
    }
    for section, items in values.items():
        if not ini.has_section(section):
            ini.add_section(section)
        for key, value in items.items():
            ini.set(section, key, value)
    with open(ini_path, "w", encoding="utf-8") as fh:
        ini.write(fh, space_around_delimiters=False)
    if not demo_profile.is_file():
        say("warning: {} is missing in the installed hamm_core".format(demo_profile))
    return ini_path


def ensure_demo_data(rebuild: bool) -> None:
    wanted = [DEMO_DIR / name for name in ("hamm_demo.gpkg", "hamm_demo_server.qgs",
                                           "hamm_demo.qgs")]
    # the tool plugins add their own part of the demo (their demo.py and algorithms), so
    # any change under plugins/ or in the translations makes the demo stale
    sources = [ROOT / "scripts" / "build_demo_data.py", *(ROOT / "i18n").glob("*.ts"),
               *(p for p in (ROOT / "plugins").rglob("*") if p.suffix in (".py", ".json"))]
    newest_source = max(p.stat().st_mtime for p in sources if p.exists())
    if not rebuild and all(p.is_file() and p.stat().st_mtime >= newest_source for p in wanted):
        say("demo data up to date in {}".format(DEMO_DIR))
        return
    say("building the demo data into {}".format(DEMO_DIR))
    subprocess.run([SYSTEM_PYTHON, str(ROOT / "scripts" / "build_demo_data.py"), "--out",
                    str(DEMO_DIR)], check=True, timeout=300)


def qgis_args(extra: List[str]) -> List[str]:
    return [QGIS, "--profiles-path", str(PROFILES_PATH), "--profile", PROFILE_NAME,
            "--nologo", "--noversioncheck", *extra, "--project",
            str(DEMO_DIR / "hamm_demo.qgs")]


def run_headless(timeout_s: float) -> int:
    if not shutil.which("xvfb-run"):
        say("no display and no xvfb-run: install xvfb (scripts/setup.sh does)")
        return 1
    for name in ("qgis_window.png", "demo_map.png", "snapshot.json"):
        (DEMO_DIR / name).unlink(missing_ok=True)
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
           *qgis_args(["--code", str(ROOT / "scripts" / "demo_snapshot.py")])]
    env = demo_services.clean_env({"DEMO_OUT_DIR": str(DEMO_DIR), "QT_QPA_PLATFORM": "xcb"})
    say("no display: running QGIS under xvfb-run to take the snapshots (at most {:.0f} s)"
        .format(timeout_s))
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True)
    try:
        code = proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        say("QGIS did not finish within {:.0f} s: stopping it".format(timeout_s))
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
        code = 124
    outputs = [DEMO_DIR / n for n in ("qgis_window.png", "demo_map.png", "snapshot.json")]
    missing = [str(p) for p in outputs if not p.is_file()]
    if missing:
        say("missing outputs: {}".format(", ".join(missing)))
        return code or 1
    for path in outputs:
        say("wrote {}".format(path))
    return 0


def start_live_feeds(timeout_s: float = 180.0) -> List[subprocess.Popen]:
    """Start every scripts/demo_live_*.py: the local servers and feeders whose data change
    while QGIS is open (SensorThings server and MQTT broker, mobility feeds...).

    Convention for such a script: ``demo_live_X.py --out build/demo`` starts what it needs,
    prints a line ``READY`` once the demo project can read from it, then runs until it gets
    SIGTERM, when it stops everything it started. Its output goes to build/demo/demo_live_X.log.
    A script that fails or is not ready in time is reported and the demo goes on without it.
    """
    procs = []
    for script in sorted((ROOT / "scripts").glob("demo_live_*.py")):
        log = DEMO_DIR / (script.stem + ".log")
        with open(log, "wb") as out:
            proc = subprocess.Popen([SYSTEM_PYTHON, str(script), "--out", str(DEMO_DIR)],
                                    cwd=ROOT, env=demo_services.clean_env(),
                                    stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        procs.append((script.stem, proc, log))
    started = []
    deadline = time.monotonic() + timeout_s
    for name, proc, log in procs:
        while True:
            text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            if "READY" in text.splitlines():
                say("live demo feed {} ready (log {})".format(name, log))
                started.append(proc)
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                say("warning: live demo feed {} did not start; the demo goes on without it. "
                    "Last lines of {}:\n{}".format(name, log, "\n".join(text.splitlines()[-8:])))
                stop_live_feeds([proc])
                break
            time.sleep(0.3)
    return started


def stop_live_feeds(procs: List[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
            except ProcessLookupError:
                pass


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run the Digitales Hamm demo.")
    parser.add_argument("--port", type=int, default=demo_services.DEFAULT_PORT)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the demo data")
    parser.add_argument("--headless", action="store_true",
                        help="take the snapshots under xvfb even when a display is set")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="upper bound in seconds for the headless QGIS run")
    parser.add_argument("--keep-server", action="store_true",
                        help="leave the demo server running at the end")
    args = parser.parse_args(argv)
    if args.port != demo_services.DEFAULT_PORT:
        say("note: the demo project and profile point at port {}; other ports serve only "
            "direct requests".format(demo_services.DEFAULT_PORT))

    start = time.monotonic()
    installed = install(package())
    ini = configure_profile(installed)
    say("QGIS profile {} ready ({})".format(profile_dir(), ini))
    ensure_demo_data(args.rebuild)

    project = DEMO_DIR / "hamm_demo_server.qgs"
    pid_file = demo_services.pid_file_for(project, args.port)
    try:
        server, url = demo_services.start_server(
            project, args.port, pid_file=pid_file,
            log_file=demo_services.log_file_for(project, args.port), detach=True)
    except demo_services.DemoServerError as err:
        say(str(err))
        return 1
    started_here = not isinstance(server, int)
    feeds = start_live_feeds()
    # a TERM (or Ctrl+C) still runs the clean-up below and stops the server
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    say("demo server {} on {} (WMS/WFS {}/ows/, OGC API Features {}/wfs3)".format(
        "started" if started_here else "already running", url, url, url))
    try:
        if os.environ.get("DISPLAY") and not args.headless:
            say("starting QGIS (close it to end the demo)")
            env = demo_services.clean_env()
            if env.get("QT_QPA_PLATFORM") == "offscreen":  # e.g. inherited from test runs
                env.pop("QT_QPA_PLATFORM")
            code = subprocess.call(qgis_args([]), cwd=ROOT, env=env)
        else:
            code = run_headless(args.timeout)
    finally:
        stop_live_feeds(feeds)
        if started_here and not args.keep_server:
            demo_services.stop_server(pid_file=pid_file)
            say("demo server stopped")
    say("done in {:.0f} s (exit {})".format(time.monotonic() - start, code))
    return code


if __name__ == "__main__":
    sys.exit(main())
