"""The Mobilitätsstadtplan in the Hamm demo (make run).

``add_to_project`` (called by scripts/build_demo_data.py) adds the group
"Mobilitätsstadtplan" with a live sharing system (GBFS), buses (GTFS stops and lines plus
GTFS-Realtime vehicles with delays) and parking garages with live occupancy (DATEX II v2),
all read from the local demo feeds at http://127.0.0.1:8652/ that
scripts/demo_live_mobility.py serves and changes every few seconds. The live layers are
saved empty; when QGIS opens the project the plugin feeds them (adapters/restore.py).

The feed builders below are pure Python (no qgis import), so the live script uses them
as they are. All demo data is synthetic: positions around the demo's city centre
(EPSG:25832 about 417844 / 5725661, i.e. 51.6759 N, 7.8118 E).
"""

import io
import json
import math
import struct
import zipfile
from pathlib import Path
from typing import Dict, List, Tuple

BASE_URL = "http://127.0.0.1:8652"
CENTRE = (51.675907, 7.811811)  # lat, lon of the demo map's centre
SYSTEM_NAME = "HammRad (Demo)"
GTFS_PATH = "gtfs/hamm_demo_gtfs.zip"
RT_VEHICLES = "gtfsrt/vehicle_positions.pb"
RT_TRIPS = "gtfsrt/trip_updates.pb"
DATEX_TABLE = "parking/datex2_table.xml"
DATEX_STATUS = "parking/datex2_status.xml"
GBFS_PATH = "gbfs/gbfs.json"
TRIP_MINUTES = 16  # a bus needs 16 min from one end of its line to the other
HEADWAY_MIN = 8


def offset(dx: float, dy: float) -> Tuple[float, float]:
    """(lat, lon) ``dx`` metres east and ``dy`` metres north of the centre (a local
    approximation, good to centimetres within the few kilometres of the demo)."""
    lat0, lon0 = CENTRE
    return (round(lat0 + dy / 111320.0, 7),
            round(lon0 + dx / (111320.0 * math.cos(math.radians(lat0))), 7))


# ------------------------------------------------------------------------------ sharing
STATIONS = [("st_markt", "Marktplatz", -150, 250, 12), ("st_bahnhof", "Hauptbahnhof", -650,
                                                          -200, 20),
            ("st_park", "Kurpark", 600, 350, 10), ("st_allee", "Marker Allee", 100, -300, 8),
            ("st_hessler", "Heßlerstraße", -100, -550, 8), ("st_nord", "Nordstraße", -300,
                                                              650, 6)]


def gbfs_documents(step: int, base: str = BASE_URL) -> Dict[str, dict]:
    """A GBFS 2.3 system (after gbfs.md of MobilityData); availability changes with
    ``step`` (one step every few seconds in the live demo)."""
    now = 1717236000 + step * 5
    prefix = "gbfs/"

    def doc(data, ttl=10):
        return {"last_updated": now, "ttl": ttl, "version": "2.3", "data": data}
    names = ["system_information", "vehicle_types", "station_information", "station_status",
             "free_bike_status"]
    feeds = [{"name": n, "url": "{}/{}{}.json".format(base, prefix, n)} for n in names]
    stations, status = [], []
    for i, (sid, name, dx, dy, cap) in enumerate(STATIONS):
        lat, lon = offset(dx, dy)
        stations.append({"station_id": sid, "name": name, "lat": lat, "lon": lon,
                         "capacity": cap})
        n = (cap // 2 + int(round(cap / 2 * math.sin(step / 3.0 + i * 1.7)))) % (cap + 1)
        status.append({"station_id": sid, "num_bikes_available": n,
                       "num_docks_available": cap - n, "is_installed": True,
                       "is_renting": not (sid == "st_nord" and step % 12 < 4),
                       "is_returning": True, "last_reported": now})
    bikes = []
    for k in range(14):
        ang = k * 2 * math.pi / 14 + step * 0.04 * (1 if k % 2 else -1)
        radius = 250 + 90 * (k % 5)
        lat, lon = offset(radius * math.cos(ang), radius * math.sin(ang))
        bikes.append({"bike_id": "roller{}".format(k), "lat": lat, "lon": lon,
                      "is_reserved": (k + step) % 9 == 0, "is_disabled": k == 13,
                      "vehicle_type_id": "escooter", "current_range_meters":
                      float(4000 + (k * 1300 + step * 50) % 20000)})
    return {
        prefix + "gbfs.json": doc({"de": {"feeds": feeds}}, 0),
        prefix + "system_information.json": doc({
            "system_id": "hamm_demo", "language": "de", "name": SYSTEM_NAME,
            "operator": "Stadtwerke Hamm (Demo)", "timezone": "Europe/Berlin"}, 3600),
        prefix + "vehicle_types.json": doc({"vehicle_types": [
            {"vehicle_type_id": "bike", "form_factor": "bicycle", "propulsion_type": "human",
             "name": "Stadtrad"},
            {"vehicle_type_id": "escooter", "form_factor": "scooter",
             "propulsion_type": "electric", "name": "E-Scooter",
             "max_range_meters": 25000}]}, 3600),
        prefix + "station_information.json": doc({"stations": stations}, 3600),
        prefix + "station_status.json": doc({"stations": status}),
        prefix + "free_bike_status.json": doc({"bikes": bikes}),
    }


# ------------------------------------------------------------------------------ buses
# two lines through the centre, stops every ~230 m: (id, name, dx, dy)
LINES = {
    "R1": ("1", "Bahnhof – Kurpark", "0064AD", [
        ("H1", "Hauptbahnhof", -650, -180), ("H2", "Westentor", -420, -60),
        ("H3", "Marktplatz", -180, 200), ("H4", "Rathaus", 40, 260),
        ("H5", "Ostentor", 260, 300), ("H6", "Kurpark", 560, 380)]),
    "R2": ("2", "Nordstraße – Heßlerstraße", "E2001A", [
        ("H7", "Nordstraße", -300, 620), ("H8", "Museum", -220, 420),
        ("H3", "Marktplatz", -180, 200), ("H9", "Südring", -80, -60),
        ("H10", "Marker Allee", 40, -300), ("H11", "Heßlerstraße", -60, -560)]),
}


def gtfs_zip_bytes() -> bytes:
    """A small static GTFS feed: two bus lines, a trip every 8 minutes in each direction
    from 05:00 to 24:00 on every day of 2024-2030 (so the live vehicles always match)."""
    stops = {}
    for _rid, (_s, _l, _c, seq) in LINES.items():
        for sid, name, dx, dy in seq:
            stops[sid] = (name,) + offset(dx, dy)
    files = {
        "agency.txt": "agency_id,agency_name,agency_url,agency_timezone\n"
                      "SWH,Stadtwerke Hamm (Demo),https://hamm.example,Europe/Berlin\n",
        "calendar.txt": "service_id,monday,tuesday,wednesday,thursday,friday,saturday,"
                        "sunday,start_date,end_date\nALL,1,1,1,1,1,1,1,20240101,20301231\n",
        "stops.txt": "stop_id,stop_name,stop_lat,stop_lon\n" + "".join(
            "{},{},{},{}\n".format(sid, name, lat, lon)
            for sid, (name, lat, lon) in stops.items()),
        "routes.txt": "route_id,agency_id,route_short_name,route_long_name,route_type,"
                      "route_color\n" + "".join(
            "{},SWH,{},{},3,{}\n".format(rid, short, long_, color)
            for rid, (short, long_, color, _seq) in LINES.items()),
    }
    trips = ["route_id,service_id,trip_id,direction_id"]
    times = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence"]
    for rid, (_s, _l, _c, seq) in LINES.items():
        for direction in (0, 1):
            order = seq if direction == 0 else seq[::-1]
            for k, start in enumerate(range(5 * 60, 24 * 60, HEADWAY_MIN)):
                tid = trip_id(rid, direction, k)
                trips.append("{},ALL,{},{}".format(rid, tid, direction))
                for n, (sid, _name, _dx, _dy) in enumerate(order):
                    t = (start + n * TRIP_MINUTES / (len(order) - 1)) * 60
                    hms = "{:02d}:{:02d}:{:02d}".format(int(t // 3600), int(t // 60 % 60),
                                                        int(t % 60))
                    times.append("{},{},{},{},{}".format(tid, hms, hms, sid, n + 1))
    files["trips.txt"] = "\n".join(trips) + "\n"
    files["stop_times.txt"] = "\n".join(times) + "\n"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return out.getvalue()


def trip_id(route_id: str, direction: int, k: int) -> str:
    return "{}_{}_{}".format(route_id, direction, k)


def _varint(n: int) -> bytes:
    n &= (1 << 64) - 1  # negative int32/int64 as two's complement (protobuf encoding)
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _key(num: int, wire: int) -> bytes:
    return _varint(num << 3 | wire)


def _len(num: int, payload: bytes) -> bytes:
    return _key(num, 2) + _varint(len(payload)) + payload


def _str(num: int, text: str) -> bytes:
    return _len(num, text.encode("utf-8"))


def _int(num: int, value: int) -> bytes:
    return _key(num, 0) + _varint(int(value))


def _float(num: int, value: float) -> bytes:
    return _key(num, 5) + struct.pack("<f", value)


def _header(timestamp: int) -> bytes:
    # FeedHeader: gtfs_realtime_version=1, incrementality=2 (FULL_DATASET=0), timestamp=3
    return _len(1, _str(1, "2.0") + _int(2, 0) + _int(3, timestamp))


def bus_positions(step: int, seconds_per_step: float = 5.0) -> List[dict]:
    """The buses on the road at demo time ``step``: on each line and direction the trips
    that started within the last TRIP_MINUTES, moving along their stops; each has a delay
    that changes slowly with time."""
    minute = (8 * 60 + step * seconds_per_step / 60.0 * 6)  # demo time runs 6x fast
    buses = []
    for rid, (short, _l, _c, seq) in LINES.items():
        for direction in (0, 1):
            order = seq if direction == 0 else seq[::-1]
            k_last = int((minute - 5 * 60) // HEADWAY_MIN)
            for k in range(k_last, k_last - 3, -1):
                start = 5 * 60 + k * HEADWAY_MIN
                frac = (minute - start) / TRIP_MINUTES
                if not 0.0 <= frac <= 1.0:
                    continue
                pos = frac * (len(order) - 1)
                i = min(int(pos), len(order) - 2)
                a, b = order[i], order[i + 1]
                t = pos - i
                dx, dy = a[2] + (b[2] - a[2]) * t, a[3] + (b[3] - a[3]) * t
                lat, lon = offset(dx, dy)
                bearing = math.degrees(math.atan2(b[2] - a[2], b[3] - a[3])) % 360
                delay = int(60 * (2.5 + 2.5 * math.sin((k + step / 20.0) * 1.3)))
                buses.append({"id": "bus_{}_{}_{}".format(short, direction, k % 10),
                              "label": "Linie {}".format(short),
                              "trip_id": trip_id(rid, direction, k), "route_id": rid,
                              "lat": lat, "lon": lon, "bearing": bearing, "speed": 8.0,
                              "stop_id": b[0], "stop_sequence": i + 2, "delay": delay})
    return buses


def rt_vehicle_positions(step: int, timestamp: int) -> bytes:
    body = _header(timestamp)
    for bus in bus_positions(step):
        trip = _str(1, bus["trip_id"]) + _str(5, bus["route_id"])
        position = (_float(1, bus["lat"]) + _float(2, bus["lon"]) +
                    _float(3, bus["bearing"]) + _float(5, bus["speed"]))
        vehicle = (_len(1, trip) + _len(2, position) + _int(3, bus["stop_sequence"]) +
                   _int(4, 2) + _int(5, timestamp) + _str(7, bus["stop_id"]) +
                   _len(8, _str(1, bus["id"]) + _str(2, bus["label"])))
        body += _len(2, _str(1, "vp_" + bus["id"]) + _len(4, vehicle))
    return body


def rt_trip_updates(step: int, timestamp: int) -> bytes:
    body = _header(timestamp)
    for bus in bus_positions(step):
        trip = _str(1, bus["trip_id"]) + _str(5, bus["route_id"])
        update = _len(1, trip)
        # the prediction for the next stop (StopTimeUpdate: stop_sequence=1,
        # departure=3 (StopTimeEvent: delay=1), stop_id=4)
        update += _len(2, _int(1, bus["stop_sequence"]) + _len(3, _int(1, bus["delay"])) +
                       _str(4, bus["stop_id"]))
        update += _int(4, timestamp) + _int(5, bus["delay"])
        body += _len(2, _str(1, "tu_" + bus["id"]) + _len(3, update))
    return body


# ------------------------------------------------------------------------------ parking
GARAGES = [("PH_ALLEE", "Parkhaus Allee-Center (Demo)", -60, 120, 420),
           ("PH_BHF", "Parkhaus am Hauptbahnhof (Demo)", -560, -260, 260),
           ("TG_MARKT", "Tiefgarage Marktplatz (Demo)", -240, 330, 140),
           ("PP_KURPARK", "Parkplatz Kurpark (Demo)", 520, 460, 90)]
NS_V2 = ('xmlns="http://datex2.eu/schema/2/2_0" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" modelBaseVersion="2"')


def datex2_table() -> bytes:
    """DATEX II v2.3 ParkingFacilityTablePublication of the demo garages."""
    facilities = []
    for pid, name, dx, dy, cap in GARAGES:
        lat, lon = offset(dx, dy)
        facilities.append(
            '<parkingFacility id="{}" version="1"><parkingFacilityName>{}'
            '</parkingFacilityName><totalParkingCapacity>{}</totalParkingCapacity>'
            '<facilityLocation xsi:type="Point"><locationForDisplay><latitude>{}</latitude>'
            '<longitude>{}</longitude></locationForDisplay></facilityLocation>'
            '</parkingFacility>'.format(pid, name, cap, lat, lon))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<d2LogicalModel {}><exchange>'
            '<supplierIdentification><country>de</country><nationalIdentifier>Hamm Demo'
            '</nationalIdentifier></supplierIdentification></exchange>'
            '<payloadPublication xsi:type="ParkingFacilityTablePublication" lang="de">'
            '<publicationTime>2024-06-01T08:00:00+02:00</publicationTime>'
            '<publicationCreator><country>de</country><nationalIdentifier>Hamm Demo'
            '</nationalIdentifier></publicationCreator>'
            '<parkingFacilityTable id="demo" version="1">{}</parkingFacilityTable>'
            '</payloadPublication></d2LogicalModel>\n'.format(NS_V2, "".join(facilities))
            ).encode("utf-8")


def occupancy(step: int) -> Dict[str, int]:
    out = {}
    for i, (pid, _n, _dx, _dy, cap) in enumerate(GARAGES):
        share = 0.72 + 0.3 * math.sin(step / 8.0 + i * 1.9)
        out[pid] = max(0, min(cap, int(round(cap * share))))
    return out


def datex2_status(step: int, when: str = "2024-06-01T12:00:00+02:00") -> bytes:
    parts = []
    for pid, _n, _dx, _dy, cap in GARAGES:
        occ = occupancy(step)[pid]
        status = "closed" if pid == "PP_KURPARK" and step % 30 >= 25 else \
            ("full" if occ >= cap else "open")
        parts.append(
            '<parkingFacilityStatus><parkingFacilityOccupancy>{:.1f}'
            '</parkingFacilityOccupancy><parkingFacilityReference targetClass='
            '"ParkingFacility" id="{}" version="1"/><parkingFacilityStatus>{}'
            '</parkingFacilityStatus><parkingFacilityStatusTime>{}'
            '</parkingFacilityStatusTime><totalNumberOfOccupiedParkingSpaces>{}'
            '</totalNumberOfOccupiedParkingSpaces><totalNumberOfVacantParkingSpaces>{}'
            '</totalNumberOfVacantParkingSpaces></parkingFacilityStatus>'.format(
                100.0 * occ / cap, pid, status, when, occ, cap - occ))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<d2LogicalModel {}><exchange>'
            '<supplierIdentification><country>de</country><nationalIdentifier>Hamm Demo'
            '</nationalIdentifier></supplierIdentification></exchange>'
            '<payloadPublication xsi:type="ParkingFacilityTableStatusPublication" lang="de">'
            '<publicationTime>{}</publicationTime><publicationCreator><country>de</country>'
            '<nationalIdentifier>Hamm Demo</nationalIdentifier></publicationCreator>{}'
            '</payloadPublication></d2LogicalModel>\n'.format(NS_V2, when, "".join(parts))
            ).encode("utf-8")


def live_files(step: int, timestamp: int, base: str = BASE_URL) -> Dict[str, bytes]:
    """Everything the live demo serves at ``step`` (relative path -> content)."""
    files = {path: json.dumps(doc, ensure_ascii=False).encode("utf-8")
             for path, doc in gbfs_documents(step, base).items()}
    files[RT_VEHICLES] = rt_vehicle_positions(step, timestamp)
    files[RT_TRIPS] = rt_trip_updates(step, timestamp)
    files[DATEX_STATUS] = datex2_status(step)
    return files


def static_files() -> Dict[str, bytes]:
    return {GTFS_PATH: gtfs_zip_bytes(), DATEX_TABLE: datex2_table()}


# ------------------------------------------------------------------------------ QGIS
def _live_layer(kind: str, title: str, spec, style, restore: dict):
    """An empty, styled live layer that the plugin feeds when the project opens."""
    from .adapters import layers as lyr
    from .adapters.live_feed import LIVE_PROPERTY
    layer = lyr.memory_layer("Point", title, spec)
    style(layer)
    layer.setCustomProperty(LIVE_PROPERTY, json.dumps(dict(restore, kind=kind)))
    return layer


def add_to_project(out_dir: Path, demo_gpkg: Path, project) -> dict:
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

    from hamm_core.processing.base import register_provider

    from .adapters import feeds
    from .adapters import layers as lyr
    from .adapters.gbfs_live import group_name
    from .logic.i18n import tr
    from .processing.common import style_layer
    from .processing.provider import MobilityProvider

    register_provider(MobilityProvider())
    out_dir = Path(out_dir)
    gtfs_file = out_dir / "mobilitaet_demo_gtfs.zip"
    gtfs_file.write_bytes(gtfs_zip_bytes())
    gpkg = out_dir / "mobilitaet_demo.gpkg"
    gpkg.unlink(missing_ok=True)
    processing.run("hamm_mobility:gtfs_layers", {
        "INPUT": str(gtfs_file), "DAY": "2024-06-03", "HOUR_FROM": 6, "HOUR_TO": 20,
        "STOPS": "ogr:dbname='{}' table=\"haltestellen\"".format(gpkg),
        "ROUTES": "ogr:dbname='{}' table=\"linien\"".format(gpkg)},
        context=QgsProcessingContext(), feedback=QgsProcessingFeedback())

    root = project.layerTreeRoot()
    top = root.findGroup(group_name()) or root.insertGroup(0, group_name())

    def add(layer, group_title):
        project.addMapLayer(layer, False)
        sub = top.findGroup(group_title) or top.addGroup(group_title)
        sub.addLayer(layer)
        return layer

    # sharing (GBFS 2.3): stations and free-floating scooters
    url = "{}/{}".format(BASE_URL, GBFS_PATH)
    sharing = tr("Sharing – {system}").format(system=SYSTEM_NAME)
    add(_live_layer("gbfs", tr("Stations – {system}").format(system=SYSTEM_NAME),
                    lyr.STATION_FIELDS, lyr.style_stations,
                    {"urls": [url], "key": "stations", "interval_s": 10}), sharing)
    add(_live_layer("gbfs", tr("Vehicles – {system}").format(system=SYSTEM_NAME),
                    lyr.VEHICLE_FIELDS, lyr.style_vehicles,
                    {"urls": [url], "key": "vehicles", "interval_s": 10}), sharing)

    # buses: GTFS lines and stops, GTFS-RT vehicles with delays
    bus = tr("Bus (demo)")
    add(_live_layer("gtfsrt", tr("Buses and trains (real time)"), feeds.RT_LIVE_FIELDS,
                    feeds.style_rt_vehicles,
                    {"urls": ["{}/{}".format(BASE_URL, RT_VEHICLES),
                              "{}/{}".format(BASE_URL, RT_TRIPS)],
                     "gtfs": "{}/{}".format(BASE_URL, GTFS_PATH), "interval_s": 10}), bus)
    stops = QgsVectorLayer("{}|layername=haltestellen".format(gpkg), tr("Stops"), "ogr")
    routes = QgsVectorLayer("{}|layername=linien".format(gpkg), tr("Routes"), "ogr")
    n_stops, n_routes = stops.featureCount(), routes.featureCount()
    style_layer(stops, "stops", max([f["abfahrten"] or 0 for f in stops.getFeatures()] or [1]))
    style_layer(routes, "routes")
    add(stops, bus)
    add(routes, bus)

    # parking garages (DATEX II v2 table + status)
    add(_live_layer("parking", tr("Parking (live)"), feeds.PARKING_FIELDS,
                    feeds.style_parking,
                    {"urls": ["{}/{}".format(BASE_URL, DATEX_TABLE),
                              "{}/{}".format(BASE_URL, DATEX_STATUS)], "interval_s": 10}),
        tr("Parking"))
    return {"group": group_name(), "stops": n_stops, "routes": n_routes,
            "garages": len(GARAGES), "stations": len(STATIONS), "feeds": BASE_URL}
