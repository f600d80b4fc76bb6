"""Real servers for the sensor tests: django-ogc-sensorthings (OGC SensorThings API 1.1,
SQLite) and mosquitto, each started once per session on a free 127.0.0.1 port.

The STA server is filled through its own HTTP API (deep insert of Things with Locations and
Datastreams, then CreateObservations data arrays); ``StaNetwork`` keeps what was inserted so
tests compute expected values from it.
"""

import json
import math
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
from conftest import ROOT, free_port

STA_VENV = ROOT / "build" / "sta-venv"
STA_PROJECT = ROOT / "build" / "sta-server"
MOSQUITTO = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
MOSQUITTO_PUB = shutil.which("mosquitto_pub") or "/usr/bin/mosquitto_pub"

# (observed property, unit name, symbol, base value, daily amplitude)
PROPERTIES = [
    ("air_temperature", "degree Celsius", "°C", 24.0, 7.0),
    ("relative_humidity", "percent", "%", 60.0, 15.0),
    ("wind_speed", "metre per second", "m/s", 3.0, 2.0),
    ("wind_direction", "degree", "°", 200.0, 60.0),
    ("precipitation", "millimetre", "mm", 0.0, 0.0),
]
OM_MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"


def sta_request(method: str, url: str, body=None, timeout: float = 120.0):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        raw = resp.read()
        return resp.status, resp.headers.get("Location"), (json.loads(raw) if raw else None)


def station_lonlat(i: int) -> Tuple[float, float]:
    """Stations spread over Hamm (about 7.70-8.00 E, 51.63-51.73 N)."""
    return (7.70 + 0.3 * ((i * 7) % 30) / 30.0 + 0.004, 51.635 + 0.09 * ((i * 11) % 30) / 30.0)


def synthetic_value(prop_index: int, station: int, t: datetime) -> float:
    name, _u, _s, base, amp = PROPERTIES[prop_index]
    hour = t.hour + t.minute / 60.0
    if name == "precipitation":
        # a heavy shower at station 3 and light rain elsewhere every 7th hour
        if station == 3 and t.hour in (14, 15):
            return 4.0
        return 0.2 if (t.hour + station) % 7 == 0 else 0.0
    value = base + amp * math.sin((hour - 9.0) / 24.0 * 2 * math.pi) + 0.1 * (station % 5)
    if name == "air_temperature" and station == 0:
        value += 8.0  # a hot spot: crosses 30 degC in the afternoon
    return round(value, 2)


@dataclass
class StaNetwork:
    base_url: str
    end: datetime
    step: timedelta
    stations: int
    # datastream id -> (station index, property index)
    datastreams: Dict[str, Tuple[int, int]] = field(default_factory=dict)
    # datastream id -> [(time, value)], ascending
    observations: Dict[str, List[Tuple[datetime, float]]] = field(default_factory=dict)
    thing_ids: List[str] = field(default_factory=list)
    stale_station: int = -1

    def ids_of(self, prop: str) -> List[str]:
        idx = [p[0] for p in PROPERTIES].index(prop)
        return [d for d, (_s, p) in self.datastreams.items() if p == idx]

    def datastream(self, station: int, prop: str) -> str:
        idx = [p[0] for p in PROPERTIES].index(prop)
        for d, (s, p) in self.datastreams.items():
            if s == station and p == idx:
                return d
        raise KeyError((station, prop))


@dataclass
class StaServer:
    base_url: str
    proc: subprocess.Popen
    port: int


def ensure_sta_venv() -> None:
    if not (STA_VENV / "bin" / "python").exists() or not (STA_PROJECT / "manage.py").exists():
        subprocess.run(["bash", str(ROOT / "scripts" / "setup_sta_server.sh")], check=True,
                       timeout=900)


def start_sta(db_path: Path, log_path: Path) -> StaServer:
    ensure_sta_venv()
    port = free_port()
    service = "http://127.0.0.1:{}/sensorthings".format(port)
    env = dict(os.environ, STA_DB=str(db_path), STA_SERVICE_URL=service,
               PYTHONDONTWRITEBYTECODE="1")
    python = str(STA_VENV / "bin" / "python")
    manage = str(STA_PROJECT / "manage.py")
    subprocess.run([python, manage, "migrate", "-v", "0"], env=env, check=True, timeout=300)
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([python, manage, "runserver", "127.0.0.1:{}".format(port),
                                 "--noreload"], env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    base = service + "/v1.1"
    for _ in range(300):
        try:
            sta_request("GET", base + "/", timeout=2)
            return StaServer(base, proc, port)
        except (urllib.error.URLError, ConnectionError, OSError) as err:
            if proc.poll() is not None:
                raise RuntimeError("STA server exited: " + log_path.read_text()) from err
            time.sleep(0.1)
    stop_process(proc)
    raise RuntimeError("STA server did not start")


def stop_process(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def fill_network(base: str, stations: int = 30, hours: int = 24, step_min: int = 10,
                 long_hours: int = 0, end: datetime = None, stale_station: int = 29,
                 stale_hours: int = 3) -> StaNetwork:
    """Insert ``stations`` Things with 5 Datastreams each and ``hours`` of observations
    every ``step_min`` minutes ending at ``end`` (default: the last full 10 minutes).
    The station ``stale_station`` stops ``stale_hours`` earlier. The air temperature of
    station 1 gets ``long_hours`` of data instead (paging over thousands)."""
    if end is None:
        now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
        end = now - timedelta(minutes=now.minute % step_min)
    step = timedelta(minutes=step_min)
    net = StaNetwork(base, end, step, stations, stale_station=stale_station)
    sensor = {"name": "Klimastation", "description": "LoRaWAN climate station",
              "encodingType": "text/html", "metadata": "https://example.org/sensor"}
    props = [{"name": p[0], "definition": "https://example.org/def/" + p[0],
              "description": p[0]} for p in PROPERTIES]
    for s in range(stations):
        lon, lat = station_lonlat(s)
        thing = {"name": "Station {:02d}".format(s), "description": "Klimastation Hamm",
                 "properties": {"station": s},
                 "Locations": [{"name": "Standort {:02d}".format(s), "description": "-",
                                "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [lon, lat]}}],
                 "Datastreams": []}
        for p, (name, unit, symbol, _b, _a) in enumerate(PROPERTIES):
            ds = {"name": "{} {:02d}".format(name, s), "description": name,
                  "observationType": OM_MEASUREMENT,
                  "unitOfMeasurement": {"name": unit, "symbol": symbol,
                                        "definition": "https://example.org/unit"},
                  "Sensor": sensor}
            # the first Thing creates the ObservedProperties, later ones link them
            ds["ObservedProperty"] = props[p]
            thing["Datastreams"].append(ds)
        _status, location, _ = sta_request("POST", base + "/Things", thing)
        tid = location.split("(", 1)[1].rstrip(")").strip("'")
        net.thing_ids.append(tid)
        # (this server's to-one $expand is wrong in collections: map by name)
        _s, _l, doc = sta_request("GET", base + "/Things('{}')/Datastreams".format(tid))
        for item in doc["value"]:
            p = [q[0] for q in PROPERTIES].index(item["name"].split()[0])
            net.datastreams[item["@iot.id"]] = (s, p)
    arrays = []
    for ds_id, (s, p) in net.datastreams.items():
        n = hours * 60 // step_min
        if long_hours and s == 1 and p == 0:
            n = long_hours * 60 // step_min
        last = end - (timedelta(hours=stale_hours) if s == stale_station else timedelta())
        times = [last - step * k for k in range(n)][::-1]
        values = [(t, synthetic_value(p, s, t)) for t in times]
        net.observations[ds_id] = values
        arrays.append({"Datastream": {"@iot.id": ds_id},
                       "components": ["phenomenonTime", "result"],
                       "dataArray": [[t.strftime("%Y-%m-%dT%H:%M:%SZ"), v] for t, v in values]})
    batch, size = [], 0
    for arr in arrays:
        batch.append(arr)
        size += len(arr["dataArray"])
        if size >= 5000:
            sta_request("POST", base + "/CreateObservations", batch, timeout=600)
            batch, size = [], 0
    if batch:
        sta_request("POST", base + "/CreateObservations", batch, timeout=600)
    return net


@pytest.fixture(scope="session")
def sta_network(tmp_path_factory):
    """A running STA server with 30 stations x 5 properties, 12 h of 10-minute data
    (a week for one datastream), station 29 three hours behind."""
    tmp = tmp_path_factory.mktemp("sta")
    server = start_sta(tmp / "db.sqlite3", tmp / "server.log")
    try:
        net = fill_network(server.base_url, stations=30, hours=12, long_hours=24 * 7)
        yield net
    finally:
        stop_process(server.proc)


@pytest.fixture(scope="session")
def sta_empty(tmp_path_factory):
    """A second, empty STA server (for bad-input tests that insert odd entities)."""
    tmp = tmp_path_factory.mktemp("sta_empty")
    server = start_sta(tmp / "db.sqlite3", tmp / "server.log")
    try:
        yield server
    finally:
        stop_process(server.proc)


@dataclass
class Broker:
    port: int
    conf: Path
    log: Path
    proc: subprocess.Popen = None

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen([MOSQUITTO, "-c", str(self.conf)], stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        import socket
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("mosquitto did not start: " + self.log.read_text())

    def stop(self) -> None:
        if self.proc is not None:
            stop_process(self.proc)
            self.proc = None

    def publish(self, topic: str, payload) -> None:
        data = payload if isinstance(payload, str) else json.dumps(payload)
        subprocess.run([MOSQUITTO_PUB, "-h", "127.0.0.1", "-p", str(self.port), "-t", topic,
                        "-m", data, "-q", "0"], check=True, timeout=20)


@pytest.fixture(scope="session")
def mqtt_broker(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mqtt")
    port = free_port()
    conf = tmp / "mosquitto.conf"
    conf.write_text("listener {} 127.0.0.1\nallow_anonymous true\npersistence false\n"
                    "log_dest stdout\n".format(port))
    broker = Broker(port, conf, tmp / "mosquitto.log")
    broker.start()
    try:
        yield broker
    finally:
        broker.stop()


def _make_bad_handler():
    from http.server import BaseHTTPRequestHandler

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, status, body, ctype="application/json"):
            data = body.encode() if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802 - http.server API
            host = "http://127.0.0.1:{}".format(self.server.server_address[1])
            path = self.path
            if path.startswith("/error500/"):
                self._send(500, '{"detail": "Internal server error"}')
            elif path.startswith("/broken/"):
                self._send(200, '{"value": [{"@iot.id": 1, "name": ')
            elif path.startswith("/loop/"):
                doc = {"value": [{"@iot.id": 1, "name": "A"}, {"@iot.id": 2, "name": "B"}],
                       "@iot.nextLink": host + "/loop/v1.1/Things?$skip=2"}
                if "skip=2" in path:
                    doc = {"value": [{"@iot.id": 3, "name": "C"}],
                           "@iot.nextLink": host + "/loop/v1.1/Things?$expand=Locations"}
                self._send(200, json.dumps(doc))
            elif path.startswith("/html/"):
                self._send(200, "<html>Wartung</html>", "text/html")
            else:
                self._send(404, '{"detail": "Not found"}')

    return Handler


@pytest.fixture(scope="session")
def bad_sta():
    """Base URL of a server that answers 500s, broken JSON, HTML and nextLink loops."""
    import threading
    from http.server import ThreadingHTTPServer
    server = ThreadingHTTPServer(("127.0.0.1", 0), _make_bad_handler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield "http://127.0.0.1:{}".format(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


# -- bulk filling for the benchmark ------------------------------------------------------
# Filling 100,000 observations through the HTTP API takes minutes (~250 obs/s); the
# benchmark creates the entities (and a few observations each, which create the
# FeaturesOfInterest) through the API and inserts the bulk with the server's own Django ORM.
_BULK_INSERT = r"""
import json, sys
from datetime import datetime
import django
django.setup()
from django.db import transaction
from sensorthings.versions.v1_1.backends.django.models import Observation
rows = json.load(open(sys.argv[1]))
n = 0
with transaction.atomic():
    for ds_id, values in rows.items():
        foi = (Observation.objects.filter(datastream_id=ds_id)
               .values_list("feature_of_interest_id", flat=True).first())
        if foi is None:
            raise SystemExit("datastream {} has no observation (no FeatureOfInterest)".format(ds_id))
        objs = []
        for stamp, value in values:
            t = datetime.fromisoformat(stamp)
            objs.append(Observation(phenomenon_time_begin=t, result=value, result_time=t,
                                    datastream_id=ds_id, feature_of_interest_id=foi))
        Observation.objects.bulk_create(objs, batch_size=2000)
        n += len(objs)
print(n)
"""


def bulk_insert_observations(db_path: Path, rows: Dict[str, List[Tuple[datetime, float]]]
                             ) -> int:
    """Insert ``rows`` (datastream id -> [(aware time, value)]) into the SQLite database of
    a server from ``start_sta`` with the server's own Django models; each observation gets
    the FeatureOfInterest of that datastream's existing observations. Returns the count."""
    ensure_sta_venv()
    data = {ds: [[t.isoformat(), v] for t, v in values] for ds, values in rows.items()}
    rows_file = Path(str(db_path) + ".bulk.json")
    rows_file.write_text(json.dumps(data))
    env = dict(os.environ, STA_DB=str(db_path), DJANGO_SETTINGS_MODULE="sta_project.settings",
               PYTHONPATH=str(STA_PROJECT), PYTHONDONTWRITEBYTECODE="1")
    try:
        out = subprocess.run([str(STA_VENV / "bin" / "python"), "-c", _BULK_INSERT,
                              str(rows_file)], env=env, cwd=str(STA_PROJECT), check=True,
                             capture_output=True, text=True, timeout=1800)
    except subprocess.CalledProcessError as err:
        raise RuntimeError("bulk insert failed: " + err.stderr[-2000:]) from err
    finally:
        rows_file.unlink()
    return int(out.stdout.split()[-1])


def fill_network_bulk(base: str, db_path: Path, stations: int = 6, total: int = 100000,
                      api_hours: int = 1, step_min: int = 10) -> StaNetwork:
    """``stations`` x 5 Datastreams with ``total`` observations in all: ``api_hours`` of
    observations through the HTTP API (``fill_network``), the rest (earlier times, the same
    10-minute series) inserted with ``bulk_insert_observations``. ``net.observations``
    holds everything, ascending."""
    net = fill_network(base, stations=stations, hours=api_hours, step_min=step_min,
                       stale_station=-1)
    ids = list(net.datastreams)
    have = sum(len(v) for v in net.observations.values())
    rest = total - have
    rows: Dict[str, List[Tuple[datetime, float]]] = {}
    for k, ds_id in enumerate(ids):
        n = rest // len(ids) + (1 if k < rest % len(ids) else 0)
        s, p = net.datastreams[ds_id]
        first = net.observations[ds_id][0][0]
        times = [first - net.step * (j + 1) for j in range(n)][::-1]
        rows[ds_id] = [(t, synthetic_value(p, s, t)) for t in times]
        net.observations[ds_id] = rows[ds_id] + net.observations[ds_id]
    bulk_insert_observations(db_path, rows)
    return net


def count_observations(base: str, ds_id=None) -> int:
    """The server's own count ($count=true) of all Observations or of one Datastream's."""
    path = "/Observations" if ds_id is None else "/Datastreams('{}')/Observations".format(ds_id)
    _s, _l, doc = sta_request("GET", base + path + "?$count=true&$top=1&$select=@iot.id")
    return int(doc["@iot.count"])
