"""End to end: the suite as a plugin repository on a real HTTP server, installed by QGIS's
own plugin installer into a fresh profile.

The installer runs in a separate process (tests/helpers/install_from_repo.py): it needs its
own QgsApplication with a throw-away profile, its own qgis.utils plugin state, and it
must never touch the developer's QGIS profile or this test session's plugins.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
HELPER = ROOT / "tests" / "helpers" / "install_from_repo.py"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import plugin_rules  # noqa: E402

pytestmark = [pytest.mark.server, pytest.mark.qgis]

TOOL = "hamm_lorawan"
CORE = "hamm_core"
CORE_NAME = "Digitales Hamm Kern"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(*args, **kwargs):
    proc = subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True,
                          timeout=kwargs.pop("timeout", 120), check=False, **kwargs)
    assert proc.returncode == 0, "{} failed:\n{}\n{}".format(args[0], proc.stdout, proc.stderr)
    return proc


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def served_repo(tmp_path_factory):
    """Zips and plugins.xml built into a temp folder and served by
    ``python3 -m http.server`` on 127.0.0.1; yields (url of plugins.xml, log file)."""
    base = tmp_path_factory.mktemp("plugin_repo")
    dist, repo = base / "dist", base / "repo"
    _run(SCRIPTS / "package.py", "--out", dist)
    server = None
    log_path = base / "http.log"
    for _attempt in range(3):  # the free port may be taken between probe and bind
        port = _free_port()
        url = "http://127.0.0.1:{}/".format(port)
        _run(SCRIPTS / "make_repo.py", "--dist", dist, "--out", repo, "--base-url", url)
        log = open(log_path, "w")  # noqa: SIM115 - open while the server runs
        server = subprocess.Popen(
            [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port),
             "--directory", str(repo)], stdout=log, stderr=subprocess.STDOUT)
        if _wait_for(url + "plugins.xml", server):
            break
        server.terminate()
        server.wait(5)
        log.close()
        server = None
    assert server is not None, "http.server did not start: " + log_path.read_text()
    try:
        yield url + "plugins.xml", log_path
    finally:
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)
        log.close()


@pytest.fixture(scope="module")
def installed(served_repo, tmp_path_factory):
    """Run the helper once: fetch, install hamm_lorawan (+ hamm_core), load, unload."""
    repo_url, _log = served_repo
    base = tmp_path_factory.mktemp("qgis_install")
    profile = base / "profile"
    profile.mkdir()
    runtime = base / "runtime"
    runtime.mkdir(mode=0o700)
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_PLUGINPATH")}
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(base / "home"),
        "XDG_CONFIG_HOME": str(base / "xdg_config"),
        "XDG_DATA_HOME": str(base / "xdg_data"),
        "XDG_CACHE_HOME": str(base / "xdg_cache"),
        "XDG_RUNTIME_DIR": str(runtime),
        "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost",
    })
    proc = subprocess.run(
        [sys.executable, str(HELPER), "--repo-url", repo_url, "--profile", str(profile),
         "--plugin", TOOL, "--core", CORE, "--timeout", "60"],
        capture_output=True, text=True, timeout=120, cwd=str(base), env=env, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines, "helper printed no result (exit {}):\n{}\n{}".format(
        proc.returncode, proc.stdout[-3000:], proc.stderr[-3000:])
    result = json.loads(lines[-1])
    result["_profile"] = str(profile)
    result["_base"] = str(base)
    result["_stderr"] = proc.stderr[-3000:]
    return result


def _suite_version() -> str:
    return plugin_rules.read_metadata((ROOT / "metadata.txt").read_text(encoding="utf-8"))["version"]


def test_helper_succeeded(installed):
    assert installed["ok"], json.dumps(installed, indent=1)[:6000]
    assert installed["errors"] == []
    assert installed["python_errors"] == [], installed["python_errors"]


def test_profile_is_a_fresh_one(installed):
    base = installed["_base"]
    assert installed["settings_file"].startswith(base)
    assert installed["settings_dir"].rstrip("/") == installed["_profile"]


def test_repository_was_fetched_over_http(installed, served_repo):
    assert installed["repository_state"] == 2, installed["repository_error"]
    offered = installed["available"]
    assert sorted(offered) == sorted(["hamm_core", "hamm_twin", "hamm_sensors", "hamm_mobility",
                                      "hamm_coolplaces", "hamm_signals", "hamm_lorawan"])
    assert offered[CORE]["name"] == CORE_NAME
    assert offered[TOOL]["plugin_dependencies"] == CORE_NAME
    assert all(p["version"] == _suite_version() for p in offered.values())
    log = served_repo[1].read_text()
    assert "GET /plugins.xml" in log
    for plugin_id in (TOOL, CORE):
        assert "GET /{}.{}.zip".format(plugin_id, _suite_version()) in log


def test_dependency_resolution_offered_the_core(installed):
    dependency_dialogs = [d for d in installed["dialogs"] if d["kind"] == "dependencies"]
    assert len(dependency_dialogs) == 1
    rows = dependency_dialogs[0]["rows"]
    assert [(r["id"], r["action"]) for r in rows] == [(CORE, "install")]
    assert CORE_NAME in rows[0]["name"]
    assert [d for d in installed["dialogs"] if d["kind"] != "dependencies"] == []
    levels = [m["level"] for m in installed["installer_messages"]]
    assert levels and all(level == 0 for level in levels), installed["installer_messages"]


def test_both_plugins_installed_into_the_profile(installed):
    plugins_dir = Path(installed["_profile"]) / "python" / "plugins"
    for plugin_id in (TOOL, CORE):
        assert (plugins_dir / plugin_id / "__init__.py").is_file()
        assert (plugins_dir / plugin_id / "metadata.txt").is_file()
    assert {TOOL, CORE} <= set(installed["installed_folders"])
    meta = installed["installed"]
    assert meta[CORE]["name"] == CORE_NAME
    assert meta[CORE]["version"] == meta[TOOL]["version"] == _suite_version()
    assert meta[TOOL]["plugin_dependencies"] == CORE_NAME
    assert meta[CORE]["hasProcessingProvider"] == "yes"
    assert installed["settings_enabled"] == {TOOL: True, CORE: True}


def test_installer_loaded_and_started_both(installed):
    state = installed["after_install"]
    assert state["active"] == sorted([CORE, TOOL])
    assert state["loaded"] == {CORE: True, TOOL: True}
    assert "hamm_lorawan_about" in state["actions"]
    assert {"hamm_core_catalog", "hamm_core_profile", "hamm_core_about"} <= set(state["actions"])
    assert state["providers"] == ["hamm_core", "hamm_lorawan"]
    plugins_dir = str(Path(installed["_profile"]) / "python" / "plugins")
    for name in (CORE, TOOL):  # imported from the profile, not from the source tree
        assert state["modules"][name].startswith(plugins_dir), state["modules"][name]


def _assert_clean(state):
    assert state["active"] == []
    assert all(state["results"].values()), state["results"]
    assert state["actions"] == [], state["actions"]
    assert state["providers"] == [], state["providers"]
    # qgis.utils forgets only the modules its import hook saw; a package that was only ever
    # imported implicitly (as the parent of a submodule) stays in sys.modules. Nothing else
    # may stay, and nothing of the tool plugin.
    for name, path in state["modules"].items():
        assert not name.startswith(TOOL), name
        assert path.endswith("__init__.py"), (name, path)


def test_unload_is_clean(installed):
    _assert_clean(installed["unload_1"])


def test_start_again_dependencies_first_and_unload(installed):
    assert installed["start_order"] == [CORE, TOOL]
    assert installed["restart"] == {CORE: {"load": True, "start": True},
                                    TOOL: {"load": True, "start": True}}
    state = installed["after_restart"]
    assert state["loaded"] == {CORE: True, TOOL: True}
    assert "hamm_lorawan_about" in state["actions"] and state["providers"] == ["hamm_core", "hamm_lorawan"]
    _assert_clean(installed["unload_2"])
