"""Test session set-up: the plugins on sys.path, QGIS's Processing plugin importable,
shared fixtures for the suite's plugins and for real servers on 127.0.0.1."""

import os
import socket
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"
for path in (str(PLUGINS), "/usr/share/qgis/python/plugins", str(ROOT / "tests")):
    if path not in sys.path:
        sys.path.insert(0, path)

ALL_PLUGINS = ["hamm_core", "hamm_twin", "hamm_sensors", "hamm_mobility", "hamm_coolplaces",
               "hamm_signals", "hamm_lorawan"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def root_dir() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("build")


@pytest.fixture(autouse=True)
def _english_by_default():
    """Tests read English messages unless they switch the locale themselves."""
    from hamm_core.logic import i18n
    i18n.set_translator(None)
    yield
    i18n.set_translator(None)


pytest_plugins = ["servers_http", "servers_qgis", "sensors_servers", "postgis_server"]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
