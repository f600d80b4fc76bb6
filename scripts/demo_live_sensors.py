#!/usr/bin/env python3
"""Live sensors for the Hamm demo (make run): a SensorThings API server
(django-ogc-sensorthings from build/sta-venv) on http://127.0.0.1:8650/sensorthings/v1.1
and a mosquitto broker on 127.0.0.1:8651, with ten SYNTHETIC climate stations in the demo
city whose values change every few seconds.

  demo_live_sensors.py --out build/demo [--sta-port 8650] [--mqtt-port 8651] [--interval 5]

Fills the server with the stations (air temperature, relative humidity, wind speed and
direction, precipitation) and the last 24 hours of 10-minute observations, prints READY,
then every INTERVAL seconds inserts one new observation per datastream into the server
(CreateObservations) and publishes it in SensorThings MQTT form
(topic v1.1/Datastreams('id')/Observations). SIGTERM or Ctrl+C stops server and broker.
"""

import argparse
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_demo_data import to_map  # noqa: E402  (grid of the synthetic demo city)
from demo_services import clean_env  # noqa: E402

from hamm_sensors.logic import mqtt  # noqa: E402

STA_VENV = ROOT / "build" / "sta-venv"
STA_PROJECT = ROOT / "build" / "sta-server"
MOSQUITTO = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
OM_MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"

# (name, grid u, grid v in metres from the junction, urban heat offset in degC)
STATIONS = [
    ("Marktplatz (Demo)", -110, 550, 2.5), ("Stadtgarten (Demo)", -385, 715, -1.5),
    ("Knoten Heßlerstraße (Demo)", 0, 0, 1.0), ("Park am Knoten (Demo)", 165, -165, -1.2),
    ("Quartierspark Ost (Demo)", 275, 385, -0.8), ("Wäldchen Nordost (Demo)", 330, 770, -2.0),
    ("Grünzug West (Demo)", -330, 165, -1.0), ("Bahnhofsvorplatz (Demo)", -200, 300, 2.0),
    ("Schulhof West (Demo)", -440, 380, 0.5), ("Südring (Demo)", 300, -250, 0.8),
]
# (observed property, unit name, symbol)
PROPERTIES = [("air_temperature", "degree Celsius", "°C"),
              ("relative_humidity", "percent", "%"),
              ("wind_speed", "metre per second", "m/s"),
              ("wind_direction", "degree", "°"),
              ("precipitation", "millimetre per hour", "mm/h")]
GERMAN = {"air_temperature": "Lufttemperatur", "relative_humidity": "Relative Feuchte",
          "wind_speed": "Windgeschwindigkeit", "wind_direction": "Windrichtung",
          "precipitation": "Niederschlag"}


def lonlat_of(u: float, v: float):
    """Grid metres -> EPSG:25832 (demo city) -> WGS 84 lon/lat (GDAL's osr)."""
    from osgeo import osr
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(25832)
    dst.ImportFromEPSG(4326)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y = to_map(u, v)
    lon, lat, _z = osr.CoordinateTransformation(src, dst).TransformPoint(x, y)
    return round(lon, 7), round(lat, 7)


def value(prop: str, station: int, t: datetime) -> float:
    """Synthetic values: a daily cycle, the station's urban heat, a wave of a few minutes
    (so the demo visibly changes), a heat peak of one minute in six on the two paved squares
    (so heat warnings appear at any time of day) and a shower that moves across the
    stations."""
    _name, _u, _v, heat = STATIONS[station]
    hour = t.hour + t.minute / 60.0 + t.second / 3600.0
    secs = t.timestamp()
    day = math.sin((hour - 9.0) / 24.0 * 2 * math.pi)
    wave = math.sin(secs / 180.0 * 2 * math.pi + station)
    temp = 27.0 + 4.0 * day + heat + 1.5 * wave
    if station in (0, 7) and int(secs // 60) % 6 == 0:
        temp += 8.0  # a heat peak on the paved squares for one minute in six (warnings)
    if prop == "air_temperature":
        return round(temp, 2)
    if prop == "relative_humidity":
        return round(max(20.0, min(100.0, 60.0 - 2.0 * (temp - 27.0))), 1)
    if prop == "wind_speed":
        return round(max(0.0, 3.0 + 1.5 * math.sin(secs / 240.0 + station)), 2)
    if prop == "wind_direction":
        return round((220.0 + 50.0 * math.sin(secs / 300.0) + 10 * station) % 360.0, 1)
    phase = (int(secs // 60) + station) % 10  # a shower reaches a station 2 minutes of 10
    if phase < 2:
        return round(8.0 + 10.0 * abs(math.sin(secs / 50.0 + station)), 1)
    return 0.0


def request(method: str, url: str, body=None, timeout: float = 120.0):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        raw = resp.read()
        return resp.headers.get("Location"), (json.loads(raw) if raw else None)


def start_sta(work: Path, port: int) -> subprocess.Popen:
    if not (STA_VENV / "bin" / "python").exists() or not (STA_PROJECT / "manage.py").exists():
        subprocess.run(["bash", str(ROOT / "scripts" / "setup_sta_server.sh")], check=True,
                       timeout=900)
    db = work / "sta.sqlite3"
    db.unlink(missing_ok=True)
    env = clean_env({"STA_DB": str(db), "PYTHONDONTWRITEBYTECODE": "1",
                     "STA_SERVICE_URL": "http://127.0.0.1:{}/sensorthings".format(port),
                     "STA_MAX_TOP": "1000"})
    python, manage = str(STA_VENV / "bin" / "python"), str(STA_PROJECT / "manage.py")
    subprocess.run([python, manage, "migrate", "-v", "0"], env=env, check=True, timeout=300)
    log = open(work / "sta.log", "wb")  # noqa: SIM115 - lives as long as the server
    return subprocess.Popen([python, manage, "runserver", "127.0.0.1:{}".format(port),
                             "--noreload"], env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def start_mosquitto(work: Path, port: int) -> subprocess.Popen:
    conf = work / "mosquitto.conf"
    conf.write_text("listener {} 127.0.0.1\nallow_anonymous true\npersistence false\n"
                    "log_dest stdout\n".format(port))
    log = open(work / "mosquitto.log", "wb")  # noqa: SIM115
    return subprocess.Popen([MOSQUITTO, "-c", str(conf)], stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)


def wait_until(check, proc: subprocess.Popen, what: str, timeout_s: float = 120.0) -> None:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError("{} exited (code {})".format(what, proc.returncode))
        try:
            if check():
                return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.2)
    raise RuntimeError("{} did not start in {} s".format(what, timeout_s))


def stop(proc: subprocess.Popen) -> None:
    if proc is not None and proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
        except ProcessLookupError:
            pass


def stamp(t: datetime) -> str:
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def fill(base: str, now: datetime, hours: int = 24):
    """Insert the stations; returns [(datastream id, station index, property)]."""
    streams = []
    sensor = {"name": "Klimastation (Demo)", "description": "LoRaWAN-Klimastation, synthetisch",
              "encodingType": "text/html", "metadata": "https://example.org/demo-sensor"}
    for s, (name, u, v, _heat) in enumerate(STATIONS):
        lon, lat = lonlat_of(u, v)
        thing = {"name": name, "description": "Synthetische Klimastation der Hamm-Demo",
                 "properties": {"demo": True},
                 "Locations": [{"name": name, "description": "Standort",
                                "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [lon, lat]}}],
                 "Datastreams": [{
                     "name": "{} {}".format(GERMAN[p], name), "description": p,
                     "observationType": OM_MEASUREMENT,
                     "unitOfMeasurement": {"name": unit, "symbol": symbol,
                                           "definition": "https://example.org/unit"},
                     "ObservedProperty": {"name": p, "definition": "https://example.org/" + p,
                                          "description": GERMAN[p]},
                     "Sensor": sensor} for p, unit, symbol in PROPERTIES]}
        location, _doc = request("POST", base + "/Things", thing)
        tid = location.split("(", 1)[1].rstrip(")").strip("'")
        _l, doc = request("GET", base + "/Things('{}')/Datastreams".format(tid))
        for item in doc["value"]:
            streams.append((item["@iot.id"], s, item["description"]))
    start = now - timedelta(hours=hours)
    times = [start + timedelta(minutes=10 * k) for k in range(hours * 6)]
    arrays = [{"Datastream": {"@iot.id": ds}, "components": ["phenomenonTime", "result"],
               "dataArray": [[stamp(t), value(p, s, t)] for t in times]}
              for ds, s, p in streams]
    request("POST", base + "/CreateObservations", arrays, timeout=600)
    return streams


def publish_all(port: int, messages) -> None:
    """One MQTT connection per round: CONNECT, PUBLISH each, DISCONNECT."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(mqtt.connect("hamm-demo-sensors", 30))
        sock.recv(4)  # CONNACK
        sock.sendall(b"".join(mqtt.publish(topic, json.dumps(doc).encode())
                              for topic, doc in messages))
        sock.sendall(mqtt.disconnect())


def step(base: str, mqtt_port: int, streams, t: datetime) -> None:
    arrays, messages = [], []
    for ds, s, p in streams:
        v = value(p, s, t)
        arrays.append({"Datastream": {"@iot.id": ds}, "components": ["phenomenonTime", "result"],
                       "dataArray": [[stamp(t), v]]})
        messages.append(("v1.1/Datastreams('{}')/Observations".format(ds),
                         {"phenomenonTime": stamp(t), "result": v}))
    request("POST", base + "/CreateObservations", arrays)
    publish_all(mqtt_port, messages)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "demo"))
    parser.add_argument("--sta-port", type=int, default=8650)
    parser.add_argument("--mqtt-port", type=int, default=8651)
    parser.add_argument("--interval", type=float, default=5.0)
    parser.add_argument("--hours", type=int, default=24, help="history to insert")
    parser.add_argument("--steps", type=int, default=0, help="stop after N updates (tests)")
    args = parser.parse_args(argv)
    work = Path(args.out) / "sensors_live"
    work.mkdir(parents=True, exist_ok=True)
    base = "http://127.0.0.1:{}/sensorthings/v1.1".format(args.sta_port)
    stop_event = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop_event.set())
    signal.signal(signal.SIGINT, lambda *_: stop_event.set())
    sta = broker = None
    count = 0
    try:
        broker = start_mosquitto(work, args.mqtt_port)
        sta = start_sta(work, args.sta_port)
        wait_until(lambda: socket.create_connection(("127.0.0.1", args.mqtt_port), 1).close()
                   or True, broker, "mosquitto")
        wait_until(lambda: request("GET", base + "/", timeout=2) is not None, sta,
                   "SensorThings server")
        now = datetime.now(timezone.utc).replace(microsecond=0)
        streams = fill(base, now, args.hours)
        step(base, args.mqtt_port, streams, datetime.now(timezone.utc).replace(microsecond=0))
        print("SensorThings API {} and MQTT 127.0.0.1:{}: {} stations, {} datastreams".format(
            base, args.mqtt_port, len(STATIONS), len(streams)), flush=True)
        print("READY", flush=True)
        while not stop_event.wait(args.interval):
            try:
                step(base, args.mqtt_port, streams,
                     datetime.now(timezone.utc).replace(microsecond=0))
            except (OSError, urllib.error.URLError) as err:
                print("update failed: {}".format(err), flush=True)
            count += 1
            if args.steps and count >= args.steps:
                break
    finally:
        stop(sta)
        stop(broker)
        print("stopped after {} updates".format(count), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
