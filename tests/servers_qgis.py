"""Fixtures that start QGIS Server (qgis_mapserver) on 127.0.0.1 with the demo project.

``demo_data``    the synthetic Hamm demo (GeoPackage + server and desktop projects), built
                 once per session into a temporary folder by scripts/build_demo_data.py
``demo_server``  qgis_mapserver serving that server project on a free port; gives
                 base_url, ows_url (WMS/WFS) and oapif_url (OGC API Features)
"""

import socket
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))


@dataclass
class DemoData:
    dir: Path
    gpkg: Path
    server_project: Path
    desktop_project: Path

    def __getitem__(self, key):
        return getattr(self, key)


@dataclass
class DemoServer:
    base_url: str
    ows_url: str
    oapif_url: str
    port: int
    process: object
    log: Path

    def __getitem__(self, key):
        return getattr(self, key)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def demo_data(qgis_app, tmp_path_factory) -> DemoData:
    """Build the demo once per session (about 2 s), in this process's QGIS."""
    import build_demo_data
    out = tmp_path_factory.mktemp("demo")
    paths = build_demo_data.build(out)
    return DemoData(dir=out, gpkg=paths["gpkg"], server_project=paths["server_project"],
                    desktop_project=paths["desktop_project"])


@pytest.fixture(scope="session")
def demo_server(demo_data):
    """qgis_mapserver with the demo server project on a free 127.0.0.1 port."""
    import demo_services
    log = demo_data.dir / "qgis_mapserver.log"
    last_error = None
    for _attempt in range(3):  # a free port can be taken before the server binds it
        port = _free_port()
        try:
            process, base_url = demo_services.start_server(
                demo_data.server_project, port, log_file=log, timeout_s=60)
            break
        except demo_services.DemoServerError as err:
            last_error = err
    else:
        pytest.fail("qgis_mapserver did not start: {}".format(last_error))
    server = DemoServer(base_url=base_url, ows_url=base_url + "/ows/",
                        oapif_url=base_url + "/wfs3", port=port, process=process, log=log)
    try:
        yield server
    finally:
        demo_services.stop_server(process)
