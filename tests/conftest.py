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


# the Processing provider class of each tool plugin, for the ``provider`` fixture
PROVIDERS = {"twin": "TwinProvider", "sensors": "SensorsProvider",
             "mobility": "MobilityProvider", "coolplaces": "CoolPlacesProvider",
             "signals": "SignalsProvider", "lorawan": "LoRaWANProvider"}


@pytest.fixture
def provider(request, qgis_processing):
    """The Processing provider of the plugin a test file is about (test_<area>_*.py),
    registered for the test and removed after it."""
    import importlib

    from hamm_core.processing.base import register_provider, unregister_provider
    area = os.path.basename(request.module.__file__).split("_")[1]
    module = importlib.import_module("hamm_{}.processing.provider".format(area))
    prov = getattr(module, PROVIDERS[area])()
    register_provider(prov)
    yield prov
    unregister_provider(prov)


@pytest.fixture(autouse=True)
def _english_by_default():
    """Tests read English messages unless they switch the locale themselves."""
    from hamm_core.logic import i18n
    i18n.set_translator(None)
    yield
    i18n.set_translator(None)


pytest_plugins = ["servers_http", "servers_qgis", "sensors_servers", "postgis_server"]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
