"""Feeds for the hamm_mobility tests and benchmark, served by a real nginx on 127.0.0.1.

GBFS 2.3 and 3.0 documents follow the examples and field tables of the GBFS specification
(github.com/MobilityData/gbfs, gbfs.md), moved to Hamm. The GTFS feed is synthetic and
deterministic (``build_gtfs``); GTFS-Realtime feeds are encoded with the official bindings
(gtfs-realtime-bindings) in ``rt_feed_bytes``.
"""

import csv
import io
import json
import math
import os
import random
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional

import nginx_server
from nginx_server import HttpServer

try:  # the benchmark imports the feed builders without pytest
    import pytest
except ImportError:  # pragma: no cover
    pytest = None

# Hamm: Hauptbahnhof about 51.678 N, 7.808 E
LAT0, LON0 = 51.678, 7.808


# ---------------------------------------------------------------------------- GBFS
def gbfs_docs(version: str, base: str, vehicles_available=(7, 0, 2), n_free: int = 3,
              ttl: int = 60) -> Dict[str, dict]:
    """{relative path: document} of one system. 2.3 and 3.0 differ as the spec says:
    3.0 has localized names, RFC 3339 times, vehicle_status, num_vehicles_available."""
    v3 = version.startswith("3")
    now = 1717236000
    stamp = "2024-06-01T12:00:00+02:00" if v3 else now

    def text(t):
        return [{"text": t, "language": "de"}] if v3 else t

    def doc(data, ttl_=ttl):
        return {"last_updated": stamp, "ttl": ttl_, "version": version, "data": data}
    prefix = "gbfs{}/".format(version.replace(".", ""))
    names = ["system_information", "vehicle_types", "station_information", "station_status",
             "vehicle_status" if v3 else "free_bike_status", "geofencing_zones"]
    feeds = [{"name": n, "url": "{}/{}{}.json".format(base, prefix, n)} for n in names]
    disc = doc({"feeds": feeds} if v3 else {"de": {"feeds": feeds}}, 0)
    system = {"system_id": "hamm_rad_" + version, "name": text("HammRad " + version),
              "operator": text("Stadtwerke Hamm"), "timezone": "Europe/Berlin",
              ("languages" if v3 else "language"): ["de"] if v3 else "de"}
    if v3:
        system["opening_hours"] = "Mo-Su 00:00-23:59"
        system["feed_contact_email"] = "mobil@hamm.example"
    vtypes = [{"vehicle_type_id": "abc123", "form_factor": "bicycle",
               "propulsion_type": "human", "name": text("Stadtrad")},
              {"vehicle_type_id": "def456", "form_factor": "scooter_standing" if v3 else
               "scooter", "propulsion_type": "electric", "name": text("E-Scooter"),
               "max_range_meters": 12345}]
    stations = [
        {"station_id": "st1", "name": text("Hauptbahnhof"), "lat": 51.6784, "lon": 7.8079,
         "address": "Willy-Brandt-Platz 1", "capacity": 16},
        {"station_id": "st2", "name": text("Marktplatz"), "lat": 51.6807, "lon": 7.8186,
         "capacity": 10},
        {"station_id": "st3", "name": text("Maximilianpark"), "lat": 51.6730, "lon": 7.8920,
         "capacity": 8},
        # invalid coordinates: skipped with a warning
        {"station_id": "st_bad", "name": text("Kaputt"), "lat": 151.0, "lon": 7.8},
    ]
    vkey = "num_vehicles_available" if v3 else "num_bikes_available"
    status = []
    for sid, n in zip(("st1", "st2", "st3"), vehicles_available):
        s = {"station_id": sid, vkey: n, "num_docks_available": 4, "is_installed": True,
             "is_renting": sid != "st3", "is_returning": True,
             "last_reported": stamp,
             "vehicle_types_available": [{"vehicle_type_id": "abc123", "count": n}]}
        status.append(s)
    rng = random.Random(version)
    vehicles = []
    for i in range(n_free):
        v = {("vehicle_id" if v3 else "bike_id"): "v{}".format(i),
             "lat": round(LAT0 + rng.uniform(-0.02, 0.02), 6),
             "lon": round(LON0 + rng.uniform(-0.03, 0.03), 6),
             "is_reserved": i % 5 == 1, "is_disabled": i % 7 == 2,
             "vehicle_type_id": "def456", "current_range_meters": 1000.0 + i}
        if v3:
            v["current_fuel_percent"] = 0.5
            v["last_reported"] = stamp
        vehicles.append(v)
    ring = [[7.80, 51.67], [7.83, 51.67], [7.83, 51.69], [7.80, 51.69], [7.80, 51.67]]
    rule = ({"vehicle_type_ids": ["def456"], "ride_start_allowed": False,
             "ride_end_allowed": False, "ride_through_allowed": True,
             "maximum_speed_kph": 10} if v3 else
            {"vehicle_type_id": ["def456"], "ride_allowed": False,
             "ride_through_allowed": True, "maximum_speed_kph": 10})
    zones = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
         "properties": {"name": text("Innenstadt"), "rules": [rule]}}]}
    return {
        prefix + "gbfs.json": disc,
        prefix + "system_information.json": doc(system, 1800),
        prefix + "vehicle_types.json": doc({"vehicle_types": vtypes}),
        prefix + "station_information.json": doc({"stations": stations}),
        prefix + "station_status.json": doc({"stations": status}),
        prefix + ("vehicle_status.json" if v3 else "free_bike_status.json"):
            doc({"vehicles" if v3 else "bikes": vehicles}),
        prefix + "geofencing_zones.json": doc({"geofencing_zones": zones}),
    }


def write_docs(root: Path, docs: Dict[str, dict], bump_mtime: float = 0) -> None:
    for rel, doc in docs.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)  # atomic: nginx never serves half a file
        if bump_mtime:  # a rewrite within the same second must not look unchanged
            stamp = time.time() + bump_mtime
            os.utime(path, (stamp, stamp))


# ---------------------------------------------------------------------------- GTFS
@dataclass
class GtfsInfo:
    path: Path
    n_stops: int
    n_trips: int
    n_stop_times: int
    weekday_departures: Counter = field(default_factory=Counter)
    frequency_runs: int = 0


def build_gtfs(path: Path, n_stops: int = 3000, n_routes: int = 60, trips_per_route: int = 8,
               stops_per_trip: int = 25, shapes: bool = True, seed: int = 8,
               frequency: bool = True, broken_refs: bool = False) -> GtfsInfo:
    """A deterministic GTFS feed around Hamm. Weekday service 'WD' (Mon-Fri 2024) and
    weekend 'WE'; on 2024-10-03 (holiday, a Thursday) WD is removed and WE added.
    ``weekday_departures`` counts departures per stop on an ordinary weekday (all day)."""
    rng = random.Random(seed)
    files = {}
    stops = []
    for i in range(n_stops):
        a = rng.uniform(0, 2 * math.pi)
        r = 0.1 * math.sqrt(rng.random())
        stops.append(("S{}".format(i), "Haltestelle {}".format(i),
                      round(LAT0 + r * math.sin(a) * 0.6, 6), round(LON0 + r * math.cos(a), 6)))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["stop_id", "stop_name", "stop_lat", "stop_lon", "location_type",
                "parent_station"])
    w.writerow(["P0", "Hamm Hbf (Station)", LAT0, LON0, 1, ""])
    for sid, name, lat, lon in stops:
        w.writerow([sid, name, lat, lon, 0, "P0" if sid == "S0" else ""])
    files["stops.txt"] = out.getvalue()
    files["agency.txt"] = ("agency_id,agency_name,agency_url,agency_timezone\n"
                           "SWH,Stadtwerke Hamm,https://hamm.example,Europe/Berlin\n")
    files["calendar.txt"] = ("service_id,monday,tuesday,wednesday,thursday,friday,saturday,"
                             "sunday,start_date,end_date\nWD,1,1,1,1,1,0,0,20240101,20241231\n"
                             "WE,0,0,0,0,0,1,1,20240101,20241231\n")
    files["calendar_dates.txt"] = ("service_id,date,exception_type\nWD,20241003,2\n"
                                   "WE,20241003,1\n")
    routes = io.StringIO()
    rw = csv.writer(routes, lineterminator="\n")
    rw.writerow(["route_id", "agency_id", "route_short_name", "route_long_name", "route_type",
                 "route_color"])
    trips = io.StringIO()
    tw = csv.writer(trips, lineterminator="\n")
    tw.writerow(["route_id", "service_id", "trip_id", "direction_id", "shape_id"])
    st = io.StringIO()
    sw = csv.writer(st, lineterminator="\n")
    sw.writerow(["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"])
    sh = io.StringIO()
    shw = csv.writer(sh, lineterminator="\n")
    shw.writerow(["shape_id", "shape_pt_lat", "shape_pt_lon", "shape_pt_sequence"])
    info = GtfsInfo(path, n_stops, 0, 0)
    coords = {s[0]: (s[2], s[3]) for s in stops}
    for r in range(n_routes):
        rid = "R{}".format(r)
        rtype = 3 if r % 10 else 0
        rw.writerow([rid, "SWH", str(r + 1), "Linie {}".format(r + 1), rtype,
                     "" if r % 3 else "A3007C"])
        seq = rng.sample(range(n_stops), stops_per_trip)
        for direction in (0, 1):
            ids = ["S{}".format(k) for k in (seq if direction == 0 else seq[::-1])]
            shape_id = "SH{}_{}".format(r, direction)
            with_shape = shapes and r % 4 != 3
            if with_shape:
                for k, sid in enumerate(ids):
                    shw.writerow([shape_id, coords[sid][0], coords[sid][1], k + 1])
            for t in range(trips_per_route):
                service = "WD" if t % 4 != 3 else "WE"
                tid = "T{}_{}_{}".format(r, direction, t)
                tw.writerow([rid, service, tid, direction, shape_id if with_shape else ""])
                info.n_trips += 1
                start = 5 * 3600 + t * (19 * 3600 // trips_per_route) + r * 60
                for k, sid in enumerate(ids):
                    tt = start + k * 120
                    hms = "{}:{:02d}:{:02d}".format(tt // 3600, tt // 60 % 60, tt % 60)
                    sw.writerow([tid, hms, hms, sid, k + 1])
                    info.n_stop_times += 1
                    if service == "WD":
                        info.weekday_departures[sid] += 1
    if frequency:
        rw.writerow(["F1", "SWH", "F1", "Ringbus", 3, "0064AD"])
        tw.writerow(["F1", "WD", "TF1", 0, ""])
        info.n_trips += 1
        for k in range(3):
            hms = "06:{:02d}:00".format(k * 5)
            sw.writerow(["TF1", hms, hms, "S{}".format(k), k + 1])
            info.n_stop_times += 1
        # 06:00-09:00 every 10 min = 18 runs
        files["frequencies.txt"] = "trip_id,start_time,end_time,headway_secs\nTF1,06:00:00," \
                                   "09:00:00,600\n"
        info.frequency_runs = 18
        for k in range(3):
            info.weekday_departures["S{}".format(k)] += 18
    if broken_refs:
        sw.writerow(["T_UNKNOWN", "07:00:00", "07:00:00", "S1", 1])
        sw.writerow(["T0_0_0", "23:00:00", "23:00:00", "S_MISSING", 99])
        tw.writerow(["R_MISSING", "WD", "T_ORPHAN", 0, ""])
    files["routes.txt"] = routes.getvalue()
    files["trips.txt"] = trips.getvalue()
    files["stop_times.txt"] = st.getvalue()
    if shapes:
        files["shapes.txt"] = sh.getvalue()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return info


# ---------------------------------------------------------------------------- GTFS-RT
def rt_feed_bytes(vehicles=(), trip_updates=(), alerts=(), timestamp=1727942400) -> bytes:
    """Encode a FeedMessage with the official bindings. vehicles: dicts (id, trip_id,
    route_id, lat, lon, bearing, speed, stop_id, status); trip_updates: dicts (id, trip_id,
    route_id, updates: [(stop_sequence, stop_id, delay or None, time or None, skipped)]);
    alerts: dicts (id, header, description, route_ids, stop_ids, effect)."""
    from google.transit import gtfs_realtime_pb2 as rt
    msg = rt.FeedMessage()
    msg.header.gtfs_realtime_version = "2.0"
    msg.header.incrementality = rt.FeedHeader.FULL_DATASET
    msg.header.timestamp = timestamp
    for v in vehicles:
        e = msg.entity.add()
        e.id = v["id"]
        vp = e.vehicle
        vp.trip.trip_id = v.get("trip_id", "")
        if v.get("route_id"):
            vp.trip.route_id = v["route_id"]
        vp.vehicle.id = v["id"]
        vp.vehicle.label = v.get("label", v["id"])
        vp.position.latitude = v["lat"]
        vp.position.longitude = v["lon"]
        if "bearing" in v:
            vp.position.bearing = v["bearing"]
        if "speed" in v:
            vp.position.speed = v["speed"]
        if "odometer" in v:
            vp.position.odometer = v["odometer"]
        if v.get("stop_id"):
            vp.stop_id = v["stop_id"]
        vp.current_status = v.get("status", rt.VehiclePosition.IN_TRANSIT_TO)
        vp.timestamp = timestamp
    for tu_ in trip_updates:
        e = msg.entity.add()
        e.id = tu_["id"]
        tu = e.trip_update
        tu.trip.trip_id = tu_["trip_id"]
        if tu_.get("route_id"):
            tu.trip.route_id = tu_["route_id"]
        if tu_.get("delay") is not None:
            tu.delay = tu_["delay"]
        for seq, stop_id, delay, when, skipped in tu_["updates"]:
            u = tu.stop_time_update.add()
            u.stop_sequence = seq
            u.stop_id = stop_id
            if skipped:
                u.schedule_relationship = rt.TripUpdate.StopTimeUpdate.SKIPPED
                continue
            if delay is not None:
                u.departure.delay = delay
            if when is not None:
                u.departure.time = when
    for a in alerts:
        e = msg.entity.add()
        e.id = a["id"]
        al = e.alert
        per = al.active_period.add()
        per.start = timestamp
        per.end = timestamp + 3600
        for rid in a.get("route_ids", ()):
            al.informed_entity.add().route_id = rid
        for sid in a.get("stop_ids", ()):
            al.informed_entity.add().stop_id = sid
        al.effect = a.get("effect", rt.Alert.DETOUR)
        al.cause = rt.Alert.CONSTRUCTION
        for lang, t in a["header"].items():
            tr_ = al.header_text.translation.add()
            tr_.text = t
            tr_.language = lang
        for lang, t in a.get("description", {}).items():
            tr_ = al.description_text.translation.add()
            tr_.text = t
            tr_.language = lang
    return msg.SerializeToString()


# ---------------------------------------------------------------------------- server
@dataclass
class FeedServer(HttpServer):
    gtfs: Optional[GtfsInfo] = None


def _server_lines() -> str:
    return """    expires -1;  # live feeds: Cache-Control: no-cache
    location /slow/ { limit_rate 200; }
    location = /status/500 { return 500 "interner Fehler"; }"""


def write_site(www: Path, base: str) -> GtfsInfo:
    write_docs(www, gbfs_docs("2.3", base))
    write_docs(www, gbfs_docs("3.0", base))
    # bad inputs
    bad = gbfs_docs("2.3", base)
    disc = bad["gbfs23/gbfs.json"]
    disc["data"]["de"]["feeds"] = [f for f in disc["data"]["de"]["feeds"]
                                   if f["name"] != "station_status"]
    write_docs(www, {"bad/no_status/gbfs.json": disc})
    write_docs(www, {"bad/version/gbfs.json": dict(bad["gbfs23/gbfs.json"], version="4.1")})
    (www / "bad" / "broken.json").write_text('{"data": {"de": {"feeds": [', encoding="utf-8")
    write_docs(www, {"slow/gbfs.json": bad["gbfs23/gbfs.json"]})
    (www / "slow" / "gbfs.json").write_text(
        (www / "slow" / "gbfs.json").read_text() + " " * 3000, encoding="utf-8")
    info = build_gtfs(www / "gtfs.zip", n_stops=3000, n_routes=60)
    (www / "broken.zip").write_bytes((www / "gtfs.zip").read_bytes()[:5000])
    vehicles = [{"id": "bus1", "trip_id": "T0_0_0", "lat": 51.68, "lon": 7.81, "bearing": 90.0,
                 "speed": 8.5}]
    (www / "vehicles.pb").write_bytes(rt_feed_bytes(vehicles=vehicles))
    full = rt_feed_bytes(vehicles=vehicles)
    (www / "truncated.pb").write_bytes(full[:-7])
    write_offers(www)
    return info


def write_offers(www: Path, occupied=None) -> None:
    """Parking (DATEX II v2, v3, JSON), charging (OCPI, BNetzA CSV), counts (CSV)."""
    import mobility_feeds as mf
    occupied = occupied or {"PH1": 380, "PH2": 100, "PH3": 120}
    park = www / "parking"
    park.mkdir(parents=True, exist_ok=True)
    files = {
        "parking/v2_table.xml": mf.datex2_v2_table(),
        "parking/v2_status.xml": mf.datex2_v2_status(occupied),
        "parking/v3_table.xml": mf.datex2_v3_table(),
        "parking/v3_status.xml": mf.datex2_v3_status(occupied),
        "parking/parking.json": mf.parking_json(
            {g[0]: g[4] - occupied[g[0]] for g in mf.GARAGES}),
        "parking/broken.xml": mf.datex2_v2_status(occupied)[:400],
        "parking/entities.xml": b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "aaaa">'
                                b'<!ENTITY b "&a;&a;&a;&a;">]>\n<d2LogicalModel>&b;'
                                b'</d2LogicalModel>',
        "parking/other.xml": b"<d2LogicalModel><payloadPublication/></d2LogicalModel>",
        "parking/no_location_table.xml": mf.datex2_v2_table(
            [("PHX", "Ohne Ort", "", "", 10)]),
        "charging/ocpi_locations.json": mf.ocpi_locations(),
        "charging/ocpi_error.json": b'{"data": null, "status_code": 2001, '
                                    b'"status_message": "Invalid or missing parameters"}',
        "charging/ladesaeulenregister.csv": mf.bnetza_csv(),
        "charging/no_header.csv": "Betreiber;Ort\nA;Hamm\n".encode("cp1252"),
        "counts/zaehlung.csv": mf.counts_long_csv(),
        "counts/missing_columns.csv": b"station;zeit\nZ1;2024-06-03T07:00\n",
        "slow/parking.json": mf.parking_json({"PH1": 1}) + b" " * 3000,
    }
    for rel, content in files.items():
        path = www / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(content)
        os.replace(tmp, path)


def _feed_server(tmp_path_factory):
    from conftest import free_port
    work = tmp_path_factory.mktemp("mobility_nginx")
    port = free_port()
    base = "http://127.0.0.1:{}".format(port)
    info = write_site(work / "www", base)
    conf = nginx_server.config(
        work, port, "application/json json; application/xml xml; application/zip zip;\n"
        "          application/x-protobuf pb; text/csv csv;", _server_lines())
    try:
        proc, base = nginx_server.start(work, port, conf, "/gbfs23/gbfs.json")
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield FeedServer(base, work / "www", work / "access.log", info)
    nginx_server.stop(proc)


if pytest is not None:
    feed_server = pytest.fixture(scope="session")(_feed_server)
