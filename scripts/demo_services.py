#!/usr/bin/python3
"""Start, stop and check the local demo server: QGIS Server (qgis_mapserver) with the demo
project, serving WMS, WFS and OGC API Features on 127.0.0.1.

    python3 scripts/demo_services.py start  [--port 8642] [--project build/demo/hamm_demo_server.qgs]
    python3 scripts/demo_services.py status [--port 8642]
    python3 scripts/demo_services.py stop   [--port 8642]

``start`` returns once GetCapabilities answers (or fails with the server's log after a
bounded wait) and is a no-op when the server already runs. The server keeps running in
the background; its pid file and log live next to the project (build/demo/).

Importable (the tests use it): ``start_server(project, port) -> (process, base_url)`` and
``stop_server(process_or_pid)``. Only the standard library is used.
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Optional, Tuple, Union

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROJECT = ROOT / "build" / "demo" / "hamm_demo_server.qgs"
DEFAULT_PORT = 8642
HOST = "127.0.0.1"
MAPSERVER = "/usr/bin/qgis_mapserver"
START_TIMEOUT_S = 40.0


class DemoServerError(RuntimeError):
    """The demo server could not be started or stopped; the message says why."""


def clean_env(extra: Optional[dict] = None) -> dict:
    """The environment for QGIS child processes (qgis, qgis_mapserver).

    QGIS embeds the system Python and finds its prefix through the first ``python3`` on
    PATH; a pyenv version or a venv first on PATH (as when this script runs under pyenv)
    makes it load a foreign standard library and fail with "No module named 'qgis'".
    """
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYENV", "_PYENV", "VIRTUAL_ENV"))
           and k not in ("PYTHONHOME", "PYTHONPATH")}
    parts = [p for p in env.get("PATH", "/usr/bin:/bin").split(os.pathsep)
             if p and "/.pyenv/" not in p + "/" and not p.rstrip("/").endswith("/.venv/bin")]
    env["PATH"] = os.pathsep.join(parts or ["/usr/bin", "/bin"])
    env.update(extra or {})
    return env


def base_url(port: int, host: str = HOST) -> str:
    return "http://{}:{}".format(host, port)


def capabilities_url(port: int, host: str = HOST) -> str:
    return base_url(port, host) + "/ows/?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0"


def answers(port: int, host: str = HOST, timeout: float = 3.0) -> bool:
    """True when a WMS GetCapabilities on the port returns a WMS capabilities document."""
    try:
        with urllib.request.urlopen(capabilities_url(port, host), timeout=timeout) as resp:
            return resp.status == 200 and b"WMS_Capabilities" in resp.read(4096)
    except (urllib.error.URLError, OSError, ValueError):
        return False


def port_in_use(port: int, host: str = HOST) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def pid_file_for(project: Union[str, Path], port: int) -> Path:
    return Path(project).resolve().parent / "qgis_mapserver_{}.pid".format(port)


def log_file_for(project: Union[str, Path], port: int) -> Path:
    return Path(project).resolve().parent / "qgis_mapserver_{}.log".format(port)


def _is_mapserver(pid: int) -> bool:
    """The pid is alive and really a qgis_mapserver (pids get reused)."""
    try:
        with open("/proc/{}/cmdline".format(pid), "rb") as fh:
            cmdline = fh.read()
    except OSError:
        return False
    return b"qgis_mapserver" in cmdline


def _read_pid_file(path: Path) -> Optional[dict]:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        return info if isinstance(info, dict) and int(info.get("pid", 0)) > 0 else None
    except (OSError, ValueError):
        return None


def _log_tail(path: Optional[Path], lines: int = 25) -> str:
    if not path or not path.exists():
        return ""
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(text[-lines:])


def start_server(project: Union[str, Path] = DEFAULT_PROJECT, port: int = DEFAULT_PORT, *,
                 host: str = HOST, timeout_s: float = START_TIMEOUT_S,
                 pid_file: Optional[Union[str, Path]] = None,
                 log_file: Optional[Union[str, Path]] = None,
                 detach: bool = False) -> Tuple[Union[subprocess.Popen, int], str]:
    """Start qgis_mapserver with ``project`` on host:port and wait until it answers.

    Returns (process, base_url); ``process`` is the Popen object, or the pid (int) when a
    server recorded in ``pid_file`` was already running (then nothing is started).
    ``detach`` puts the server in its own session so it outlives the caller (the CLI).
    Raises DemoServerError with the server log when it does not come up in time.
    """
    project = Path(project).resolve()
    if not project.is_file():
        raise DemoServerError(
            "The server project {} does not exist. Build the demo data first: "
            "/usr/bin/python3 scripts/build_demo_data.py --out {}".format(project, project.parent))
    if not os.access(MAPSERVER, os.X_OK):
        raise DemoServerError("{} is missing: install the Debian package qgis-server "
                              "(scripts/setup.sh does).".format(MAPSERVER))
    url = base_url(port, host)
    if pid_file is not None:
        pid_file = Path(pid_file)
        info = _read_pid_file(pid_file)
        if info and _is_mapserver(int(info["pid"])) and answers(port, host):
            if Path(info.get("project", "")) != project:
                raise DemoServerError(
                    "Port {} already serves {} (pid {}); stop it first.".format(
                        port, info.get("project"), info["pid"]))
            return int(info["pid"]), url
    if port_in_use(port, host):
        raise DemoServerError("Port {} on {} is already in use by another program; choose "
                              "another with --port or stop that program.".format(port, host))
    log_path = Path(log_file) if log_file else None
    env = clean_env()
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "QGIS_PROJECT_FILE": str(project),
        "QGIS_SERVER_LOG_LEVEL": env.get("QGIS_SERVER_LOG_LEVEL", "1"),
        "QGIS_SERVER_LOG_STDERR": "1",
        "QGIS_SERVER_PARALLEL_RENDERING": "1",
        "QGIS_SERVER_IGNORE_BAD_LAYERS": "0",
    })
    env.pop("DISPLAY", None)
    out = open(log_path, "wb") if log_path else subprocess.DEVNULL  # noqa: SIM115
    try:
        proc = subprocess.Popen(
            [MAPSERVER, "-p", str(project), "{}:{}".format(host, port)],
            env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
            cwd=str(project.parent), start_new_session=detach)
    finally:
        if log_path:
            out.close()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise DemoServerError("qgis_mapserver exited with code {} at start.\n{}".format(
                proc.returncode, _log_tail(log_path)))
        if answers(port, host, timeout=2.0):
            if pid_file is not None:
                pid_file.write_text(json.dumps({"pid": proc.pid, "port": port, "host": host,
                                                "project": str(project),
                                                "log": str(log_path or "")}),
                                    encoding="utf-8")
            return proc, url
        time.sleep(0.2)
    stop_server(proc)
    raise DemoServerError("qgis_mapserver did not answer GetCapabilities on {} within {:.0f} s."
                          "\n{}".format(url, timeout_s, _log_tail(log_path)))


def stop_server(server: Union[subprocess.Popen, int, None] = None, *,
                pid_file: Optional[Union[str, Path]] = None, timeout_s: float = 10.0) -> bool:
    """Stop a server started by start_server (Popen or pid), or the one in ``pid_file``.
    Returns True when a server was stopped."""
    pid = None
    if isinstance(server, subprocess.Popen):
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout_s)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(5)
            stopped = True
        else:
            stopped = False
        if pid_file is not None:
            Path(pid_file).unlink(missing_ok=True)
        return stopped
    if isinstance(server, int):
        pid = server
    elif pid_file is not None:
        info = _read_pid_file(Path(pid_file))
        pid = int(info["pid"]) if info else None
    stopped = False
    if pid and _is_mapserver(pid):
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and _is_mapserver(pid):
            time.sleep(0.1)
        if _is_mapserver(pid):
            os.kill(pid, signal.SIGKILL)
        stopped = True
    if pid_file is not None:
        Path(pid_file).unlink(missing_ok=True)
    return stopped


def status(project: Union[str, Path], port: int) -> Tuple[bool, str]:
    pid_file = pid_file_for(project, port)
    info = _read_pid_file(pid_file)
    alive = bool(info) and _is_mapserver(int(info["pid"]))
    if alive and answers(port):
        return True, "running: pid {}, {} (project {})".format(info["pid"], base_url(port),
                                                              info.get("project"))
    if alive:
        return False, "pid {} is alive but does not answer on {}".format(info["pid"],
                                                                         base_url(port))
    if port_in_use(port):
        return False, "not started by this script; port {} is used by another program".format(
            port)
    return False, "not running"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Local QGIS Server for the Hamm demo.")
    parser.add_argument("command", choices=("start", "stop", "status"))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--project", default=str(DEFAULT_PROJECT),
                        help="QGIS Server project (default: build/demo/hamm_demo_server.qgs)")
    parser.add_argument("--timeout", type=float, default=START_TIMEOUT_S,
                        help="seconds to wait for the server to answer")
    args = parser.parse_args(argv)
    project = Path(args.project).resolve()
    pid_file = pid_file_for(project, args.port)
    if args.command == "start":
        try:
            server, url = start_server(project, args.port, timeout_s=args.timeout,
                                       pid_file=pid_file,
                                       log_file=log_file_for(project, args.port), detach=True)
        except DemoServerError as err:
            print("demo_services: {}".format(err), file=sys.stderr)
            return 1
        pid = server if isinstance(server, int) else server.pid
        print("demo server {} on {} (pid {})".format(
            "already running" if isinstance(server, int) else "started", url, pid))
        print("  WMS/WFS:            {}/ows/".format(url))
        print("  OGC API Features:   {}/wfs3".format(url))
        return 0
    if args.command == "stop":
        stopped = stop_server(pid_file=pid_file)
        print("demo server on port {} {}".format(args.port, "stopped" if stopped
                                                  else "was not running"))
        return 0
    running, text = status(project, args.port)
    print("demo server: " + text)
    return 0 if running else 3


if __name__ == "__main__":
    sys.exit(main())
