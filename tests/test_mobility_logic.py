"""hamm_mobility's pure logic: protobuf/GTFS-RT decoder against the official bindings,
GBFS 2.3/3.0 parsing, GTFS static streaming, and bad input of every kind."""

import io
import zipfile
from datetime import date

import pytest
from mobility_servers import build_gtfs, gbfs_docs, rt_feed_bytes

from hamm_core.logic.errors import NetworkError
from hamm_mobility.logic import gbfs, gtfs, gtfsrt, protobuf
from hamm_mobility.logic.errors import FeedError

pytestmark = pytest.mark.pure


# ------------------------------------------------------------------ protobuf / GTFS-RT
def test_varint_and_signed_values():
    assert protobuf.read_varint(b"\xac\x02", 0) == (300, 2)
    assert protobuf.as_int64((1 << 64) - 120) == -120
    assert protobuf.as_sint(3) == -2
    with pytest.raises(protobuf.ProtobufError, match="broken or truncated"):
        protobuf.read_varint(b"\xff\xff", 0)
    with pytest.raises(protobuf.ProtobufError):
        list(protobuf.fields(b"\x0b\x00"))  # wire type 3 (group)
    with pytest.raises(protobuf.ProtobufError):
        list(protobuf.fields(b"\x0a\x05ab"))  # length 5, only 2 bytes


def test_vehicle_positions_decoded_like_the_official_bindings():
    from google.transit import gtfs_realtime_pb2 as rt
    data = rt_feed_bytes(vehicles=[
        {"id": "bus7", "trip_id": "T1_0_2", "route_id": "R1", "lat": 51.6784, "lon": 7.8079,
         "bearing": 271.5, "speed": 9.25, "odometer": 123456.5, "stop_id": "S12",
         "status": rt.VehiclePosition.STOPPED_AT, "label": "Bus 7"},
        {"id": "bus8", "lat": 51.7, "lon": 7.9}])
    ref = rt.FeedMessage()
    ref.ParseFromString(data)
    feed = gtfsrt.decode_feed(data, "vp")
    assert feed.version == "2.0" and feed.timestamp == ref.header.timestamp
    assert len(feed.vehicles) == 2
    v = feed.vehicles[0]
    r = ref.entity[0].vehicle
    assert (v.trip.trip_id, v.trip.route_id, v.vehicle_id, v.vehicle_label) == \
        ("T1_0_2", "R1", "bus7", "Bus 7")
    assert v.latitude == pytest.approx(r.position.latitude)
    assert v.longitude == pytest.approx(r.position.longitude)
    assert v.bearing == pytest.approx(271.5) and v.speed == pytest.approx(9.25)
    assert v.odometer == 123456.5
    assert v.stop_id == "S12" and v.current_status == "STOPPED_AT"
    assert feed.vehicles[1].trip.trip_id == ""


def test_trip_updates_with_negative_delays_and_skipped_stops():
    data = rt_feed_bytes(trip_updates=[
        {"id": "tu1", "trip_id": "T1", "route_id": "R1", "updates": [
            (1, "S1", -60, None, False), (2, "S2", 120, 1727942500, False),
            (3, "S3", None, None, True), (4, "S4", None, 1727942900, False)]},
        {"id": "tu2", "trip_id": "T2", "delay": 300, "updates": [(5, "S2", None, None, False)]},
    ])
    feed = gtfsrt.decode_feed(data)
    tu = feed.trip_updates[0]
    assert [u.delay for u in tu.stop_time_updates] == [-60, 120, None, None]
    assert tu.stop_time_updates[1].departure_time == 1727942500
    assert tu.stop_time_updates[2].schedule_relationship == "SKIPPED"
    per_stop = gtfsrt.delays_per_stop(feed)
    assert per_stop["S1"]["mean"] == -60
    # S2: 120 (T1) and 300 inherited from T2's trip-level delay
    assert per_stop["S2"]["n"] == 2 and per_stop["S2"]["max"] == 300
    assert per_stop["S2"]["mean"] == 210
    assert per_stop["S3"]["skipped"] == 1 and per_stop["S3"]["n"] == 0
    assert per_stop["S4"]["mean"] == 120  # propagated from the stop before


def test_alerts_with_translations():
    data = rt_feed_bytes(alerts=[{"id": "a1", "header": {"de": "Umleitung Linie 1",
                                                          "en": "Detour line 1"},
                                  "description": {"de": "Baustelle Heßlerstraße"},
                                  "route_ids": ["R1"], "stop_ids": ["S5"]}])
    alert = gtfsrt.decode_feed(data).alerts[0]
    assert alert.text("de") == "Umleitung Linie 1" and alert.text("en") == "Detour line 1"
    assert alert.description["de"] == "Baustelle Heßlerstraße"
    assert alert.route_ids == ["R1"] and alert.stop_ids == ["S5"]
    assert alert.effect == "DETOUR" and alert.cause == "CONSTRUCTION"
    assert alert.active_periods == [(1727942400, 1727942400 + 3600)]


@pytest.mark.parametrize("data, match", [
    (b"", "empty"),
    (b'{"header": {}}', "text"),
    (b"<html>404</html>", "text"),
    (b"\x08\x01", "header"),       # a valid message, but no header
])
def test_rt_bad_input(data, match):
    with pytest.raises(FeedError, match=match):
        gtfsrt.decode_feed(data, "test")


def test_rt_truncated_feed():
    data = rt_feed_bytes(vehicles=[{"id": "b", "lat": 51.0, "lon": 7.0}])
    for cut in (3, 10, len(data) - 1):
        with pytest.raises(protobuf.ProtobufError, match="truncated"):
            gtfsrt.decode_feed(data[:cut])


# ------------------------------------------------------------------ GBFS
def _getter(docs, base="http://x"):
    def get(url):
        key = url[len(base) + 1:]
        if key not in docs:
            raise NetworkError("http", url, "HTTP 404 for " + url, status=404)
        return docs[key]
    return get


@pytest.mark.parametrize("version", ["2.3", "3.0"])
def test_gbfs_system_stations_vehicles_zones(version):
    docs = gbfs_docs(version, "http://x", vehicles_available=(7, 0, 2), n_free=10)
    prefix = "gbfs{}/".format(version.replace(".", ""))
    snap = gbfs.load_system("http://x/" + prefix + "gbfs.json", _getter(docs))
    assert snap.version == version
    assert snap.name == "HammRad " + version
    by_id = {s["station_id"]: s for s in snap.stations}
    assert sorted(by_id) == ["st1", "st2", "st3"]        # st_bad: invalid latitude
    assert any("1 stations without valid coordinates" in w for w in snap.warnings)
    assert by_id["st1"]["name"] == "Hauptbahnhof" and by_id["st1"]["fahrzeuge"] == 7
    assert by_id["st1"]["zustand"] == gbfs.STATE_OK
    assert by_id["st2"]["zustand"] == gbfs.STATE_EMPTY
    assert by_id["st3"]["zustand"] == gbfs.STATE_OUT      # is_renting false
    assert by_id["st1"]["kapazitaet"] == 16 and by_id["st1"]["freie_plaetze"] == 4
    assert by_id["st1"]["letzte_meldung"] == 1717236000
    assert len(snap.vehicles) == 10
    v = snap.vehicles[0]
    assert v["typ"] == "E-Scooter" and v["antrieb"] == "electric"
    assert v["reichweite_m"] == 1000.0
    states = [x["zustand"] for x in snap.vehicles]
    assert states.count(gbfs.VEHICLE_RESERVED) == 2 and states.count(gbfs.VEHICLE_DISABLED) == 2
    zone = snap.zones[0]
    assert zone["name"] == "Innenstadt" and zone["regel"] == gbfs.ZONE_NO_PARKING
    assert zone["max_kmh"] == 10 and zone["typen"] == "def456"
    assert snap.ttl == 60
    assert gbfs.refresh_interval(snap.ttl) == 60


def test_refresh_interval_rules():
    assert gbfs.refresh_interval(0) == gbfs.DEFAULT_INTERVAL_S
    assert gbfs.refresh_interval(None) == gbfs.DEFAULT_INTERVAL_S
    assert gbfs.refresh_interval(2) == gbfs.MIN_INTERVAL_S
    assert gbfs.refresh_interval(300, user_interval_s=30) == 30


def test_gbfs_missing_required_files():
    docs = gbfs_docs("2.3", "http://x")
    feeds = docs["gbfs23/gbfs.json"]["data"]["de"]["feeds"]
    docs["gbfs23/gbfs.json"]["data"]["de"]["feeds"] = [
        f for f in feeds if f["name"] != "station_status"]
    with pytest.raises(FeedError, match="station_status"):
        gbfs.load_system("http://x/gbfs23/gbfs.json", _getter(docs))
    docs["gbfs23/gbfs.json"]["data"]["de"]["feeds"] = [
        f for f in feeds if f["name"] != "system_information"]
    with pytest.raises(FeedError, match="system_information"):
        gbfs.load_system("http://x/gbfs23/gbfs.json", _getter(docs))


def test_gbfs_optional_file_missing_is_a_warning():
    docs = gbfs_docs("3.0", "http://x")
    del docs["gbfs30/geofencing_zones.json"]
    snap = gbfs.load_system("http://x/gbfs30/gbfs.json", _getter(docs))
    assert snap.zones == [] and len(snap.stations) == 3
    assert any("geofencing_zones" in w for w in snap.warnings)


@pytest.mark.parametrize("doc, match", [
    ({"version": "4.1", "data": {"feeds": [{"name": "a", "url": "b"}]}}, "version 4.1"),
    ({"version": "2.3"}, "auto-discovery"),
    ([1, 2], "auto-discovery"),
    ({"version": "2.3", "data": {"de": {"feeds": []}}}, "no feeds"),
])
def test_gbfs_bad_discovery(doc, match):
    with pytest.raises(FeedError, match=match):
        gbfs.parse_discovery(doc, "test")


def test_gbfs_wrong_shape_of_a_file():
    with pytest.raises(FeedError, match="data.stations"):
        gbfs.parse_stations({"data": {"stationen": []}}, None)
    with pytest.raises(FeedError, match="system_id"):
        gbfs.parse_system({"data": {}})
    with pytest.raises(FeedError, match="geofencing_zones"):
        gbfs.parse_zones({"data": {"geofencing_zones": []}})


def test_invalid_coordinates_are_refused():
    assert gbfs.valid_lonlat(7.8, 51.6)
    for lon, lat in [(0, 0), (7.8, 95), (200, 51), ("x", 51), (None, 51),
                     (float("nan"), 51)]:
        assert not gbfs.valid_lonlat(lon, lat)


# ------------------------------------------------------------------ GTFS static
@pytest.fixture(scope="module")
def small_gtfs(tmp_path_factory):
    path = tmp_path_factory.mktemp("gtfs") / "feed.zip"
    return build_gtfs(path, n_stops=400, n_routes=12, trips_per_route=8, stops_per_trip=15)


def test_gtfs_weekday_departures_and_routes(small_gtfs):
    res = gtfs.load_path(str(small_gtfs.path), date(2024, 10, 2))   # a Wednesday
    counts = {s["stop_id"]: s["departures"] for s in res.stops}
    expected = small_gtfs.weekday_departures
    assert {k: v for k, v in counts.items() if v and k != "P0"} == dict(expected)
    # the parent station counts the departures of its platform S0
    assert counts["P0"] == expected["S0"]
    assert res.stop_times_read == small_gtfs.n_stop_times
    assert len(res.stops) == 401
    # 12 routes x 2 directions; routes 3, 7, 11 have no shape: drawn along their stops
    lines = [r for r in res.routes if r["route_id"] != "F1"]
    assert len(lines) == 24
    origins = {(r["route_id"], r["origin"]) for r in lines}
    assert ("R3", "stops") in origins and ("R0", "shape") in origins
    assert all(len(r["coords"]) == 15 for r in lines)
    r0 = next(r for r in res.routes if r["route_id"] == "R0")
    assert r0["color"] == "#A3007C" and r0["route_type"] == 0
    assert r0["trips"] == 12          # 2 directions x 6 weekday trips
    f1 = next(r for r in res.routes if r["route_id"] == "F1")
    assert f1["trips"] == 18 and f1["origin"] == "stops"


def test_gtfs_calendar_dates_and_hours(small_gtfs):
    holiday = gtfs.load_path(str(small_gtfs.path), date(2024, 10, 3))
    sunday = gtfs.load_path(str(small_gtfs.path), date(2024, 10, 6))
    assert holiday.departures == sunday.departures > 0
    assert holiday.trips_active == sunday.trips_active == 12 * 2 * 2
    morning = gtfs.load_path(str(small_gtfs.path), date(2024, 10, 2), 6, 9)
    counts = {s["stop_id"]: s["departures"] for s in morning.stops}
    # frequency trip TF1: 18 runs 06:00-08:50 at S0..S2, all inside 6-9 h
    assert counts["S1"] >= 18
    early = gtfs.load_path(str(small_gtfs.path), date(2024, 10, 2), 0, 6)
    late = gtfs.load_path(str(small_gtfs.path), date(2024, 10, 2), 9, 30)
    assert early.departures + morning.departures + late.departures == \
        sum(small_gtfs.weekday_departures.values())
    outside = gtfs.load_path(str(small_gtfs.path), date(2025, 6, 2))
    assert outside.departures == 0 and outside.trips_active == 0


def test_gtfs_without_shapes_and_with_broken_references(tmp_path):
    info = build_gtfs(tmp_path / "f.zip", n_stops=100, n_routes=4, trips_per_route=2,
                      stops_per_trip=5, shapes=False, frequency=False, broken_refs=True)
    res = gtfs.load_path(str(info.path), date(2024, 10, 2))
    assert all(r["origin"] == "stops" for r in res.routes)
    text = " ".join(res.warnings)
    assert "no shapes.txt" in text
    assert "1 trips refer to a route" in text
    assert "refers to 1 trips that trips.txt does not contain" in text
    assert "refers to 1 stops" in text


def _zip(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return buf.getvalue()


def test_gtfs_bad_zips(tmp_path):
    with pytest.raises(FeedError, match="not a readable GTFS zip"):
        gtfs.GtfsZip(b"PK\x03\x04 broken", "kaputt.zip")
    with pytest.raises(FeedError, match="not a readable GTFS zip"):
        gtfs.GtfsZip(str(tmp_path / "missing.zip"))
    with pytest.raises(FeedError, match="stop_times.txt"):
        gtfs.GtfsZip(_zip({"stops.txt": "stop_id\n", "routes.txt": "route_id\n",
                           "trips.txt": "trip_id\n"}), "x")
    feed = gtfs.GtfsZip(_zip({"stops.txt": "stop_name\nA\n", "routes.txt": "route_id\n",
                              "trips.txt": "trip_id\n", "stop_times.txt": "trip_id\n"}), "x")
    with pytest.raises(FeedError, match="lacks the column"):
        gtfs.load(feed, date(2024, 1, 1))
    feed = gtfs.GtfsZip(_zip({"stops.txt": b"stop_id\n\xff\xfe\n", "routes.txt": "route_id\n",
                              "trips.txt": "trip_id\n", "stop_times.txt": "trip_id\n"}), "x")
    with pytest.raises(FeedError, match="cannot be read"):
        gtfs.load(feed, date(2024, 1, 1))


def test_gtfs_time_helpers():
    assert gtfs.seconds("25:10:05") == 25 * 3600 + 605
    assert gtfs.seconds("bad") is None
    assert gtfs.route_type_group(700) == 3 and gtfs.route_type_group(109) == 2


def test_fast_scan_equals_row_by_row_csv(small_gtfs, monkeypatch):
    from hamm_mobility.logic import stscan
    fast = gtfs.load_path(str(small_gtfs.path), date(2024, 10, 2), 6, 20)
    monkeypatch.setattr(stscan, "available", lambda: False)
    slow = gtfs.load_path(str(small_gtfs.path), date(2024, 10, 2), 6, 20)
    assert [s["departures"] for s in fast.stops] == [s["departures"] for s in slow.stops]
    assert fast.routes == slow.routes and fast.stop_times_read == slow.stop_times_read


def test_fast_scan_quotes_crlf_and_odd_times(monkeypatch):
    from hamm_mobility.logic import stscan
    stop_times = ("trip_id,arrival_time,departure_time,stop_id,stop_sequence\r\n"
                  "T1,06:00:00,06:00:00,A,1\r\nT1,6:05:00,6:05:00,B,2\r\n"
                  "T1,,,C,3\r\nT1,06:20:00,06:20:00,\"D,1\",4\r\n"
                  "T2,25:10:00,25:10:00,A,1\r\n\r\n")
    files = {"stops.txt": "stop_id,stop_name,stop_lat,stop_lon\nA,a,51.6,7.8\nB,b,51.61,7.8\n"
                          "C,c,51.62,7.8\n\"D,1\",d,51.63,7.8\n",
             "routes.txt": "route_id,route_short_name,route_type\nR,1,3\n",
             "trips.txt": "route_id,service_id,trip_id\nR,S,T1\nR,S,T2\n",
             "calendar_dates.txt": "service_id,date,exception_type\nS,20240102,1\n",
             "stop_times.txt": stop_times}
    results = []
    for fast in (True, False):
        monkeypatch.setattr(stscan, "available", lambda f=fast: f)
        stscan_block = stscan.BLOCK
        monkeypatch.setattr(stscan, "BLOCK", 40)  # many blocks, lines cut at block ends
        res = gtfs.load(gtfs.GtfsZip(_zip(files), "q"), date(2024, 1, 2), 0, 48)
        monkeypatch.setattr(stscan, "BLOCK", stscan_block)
        results.append({s["stop_id"]: s["departures"] for s in res.stops})
    assert results[0] == results[1] == {"A": 2, "B": 1, "C": 0, "D,1": 1}
