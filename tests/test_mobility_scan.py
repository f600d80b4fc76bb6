"""The numpy scan of stop_times.txt gives exactly what the row-by-row csv path gives:
trips not grouped, long stop ids, unknown stops and trips, odd times, frequency trips,
route sequences, lines cut at block ends."""

import io
import random
import zipfile
from datetime import date

import pytest

from hamm_mobility.logic import gtfs, stscan

pytestmark = pytest.mark.pure


def _zip(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return buf.getvalue()


def _feed(shuffle: bool, seed: int = 5):
    """DELFI-like stop ids (de:05915:…), 30 trips over 3 routes, some rows odd."""
    rng = random.Random(seed)
    stops = ["de:05915:{}:0:{}".format(1000 + i, i % 3) for i in range(40)]
    stop_lines = ["stop_id,stop_name,stop_lat,stop_lon,parent_station"]
    for i, sid in enumerate(stops):
        stop_lines.append("{},Halt {},{:.5f},{:.5f},{}".format(
            sid, i, 51.6 + i / 1000, 7.8 + i / 1000, "P" if i < 3 else ""))
    stop_lines.append("P,Bahnhof,51.68,7.81,")
    trips = ["route_id,service_id,trip_id,direction_id"]
    rows = []
    for t in range(30):
        route = "R{}".format(t % 3)
        service = ("WD", "WE", "XX")[t % 3]
        tid = "T{:03d}".format(t)
        trips.append("{},{},{},{}".format(route, service, tid, t % 2))
        seq = rng.sample(stops, 8)
        for k, sid in enumerate(seq):
            secs = 4 * 3600 + t * 1500 + k * 300
            hh, mm, ss = secs // 3600, secs // 60 % 60, secs % 60
            text = "{}:{:02d}:{:02d}".format(hh, mm, ss) if hh < 10 and k % 2 else \
                "{:02d}:{:02d}:{:02d}".format(hh, mm, ss)
            if t == 3 and k == 3:
                text = ""                                  # untimed stop
            if t == 6 and k == 1:
                text = "101:00:00"                         # hours >= 100
            if t == 9 and k == 2:
                text = "05:75:00"                          # minute 75 (= 06:15)
            if t == 12 and k == 4:
                text = "7:5:00"                            # not HH:MM:SS
            rows.append("{},{},{},{},{}".format(tid, text, text, sid, k + 1))
    rows.append("T_UNKNOWN,06:00:00,06:00:00,{},1".format(stops[0]))
    rows.append("T000,23:59:00,23:59:00,de:05915:9999:0:0,99")     # unknown stop
    rows.append("TF,06:00:00,06:00:00,{},1".format(stops[1]))
    rows.append("TF,06:04:00,06:04:00,{},2".format(stops[2]))
    trips.append("R0,WD,TF,0")
    if shuffle:
        rng.shuffle(rows)
    text = "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n" + \
        "\n".join(rows[:50]) + "\n\n" + "\n".join(rows[50:]) + "\n"
    return {"stops.txt": "\n".join(stop_lines) + "\n",
            "routes.txt": "route_id,route_short_name,route_type\nR0,1,3\nR1,2,0\nR2,3,700\n",
            "trips.txt": "\n".join(trips) + "\n",
            "calendar.txt": "service_id,monday,tuesday,wednesday,thursday,friday,saturday,"
                            "sunday,start_date,end_date\nWD,1,1,1,1,1,0,0,20240101,20241231\n"
                            "WE,0,0,0,0,0,1,1,20240101,20241231\n",
            "frequencies.txt": "trip_id,start_time,end_time,headway_secs\n"
                               "TF,06:00:00,07:00:00,900\n",
            "stop_times.txt": text}


def _load(files, fast, block, monkeypatch, h0, h1):
    monkeypatch.setattr(stscan, "available", lambda: fast)
    monkeypatch.setattr(stscan, "BLOCK", block)
    res = gtfs.load(gtfs.GtfsZip(_zip(files), "t"), date(2024, 10, 2), h0, h1)
    return ({s["stop_id"]: s["departures"] for s in res.stops}, res.routes,
            sorted(res.warnings), res.departures, res.trips_active, res.stop_times_read)


@pytest.mark.parametrize("shuffle", [False, True])
@pytest.mark.parametrize("hours", [(0, 48), (5, 9), (6, 7)])
def test_fast_scan_equals_csv_path(monkeypatch, shuffle, hours):
    files = _feed(shuffle)
    slow = _load(files, False, stscan.BLOCK, monkeypatch, *hours)
    for block in (stscan.BLOCK, 64, 1000):
        assert _load(files, True, block, monkeypatch, *hours) == slow
    counts, routes, warnings, departures, active, read = slow
    assert read == 30 * 8 + 4 and active == 11          # 10 WD trips + TF
    assert any("1 trips that trips.txt does not contain" in w for w in warnings)
    assert any("1 stops that stops.txt does not contain" in w for w in warnings)
    assert {r["route_id"] for r in routes} == {"R0", "R1", "R2"}
    if hours == (0, 48):
        # WD trips T000, T003, …: 8 departures each, without T003's untimed stop and
        # T006's stop at hour 101, with T000's unknown stop; TF: 4 runs x 2 stops
        assert departures == 10 * 8 - 2 + 1 + 4 * 2
    if hours == (6, 7):
        # the station P counts the departures at its three platforms
        platforms = ["de:05915:{}:0:{}".format(1000 + i, i) for i in range(3)]
        assert counts["P"] == sum(counts[s] for s in platforms) > 0


def test_stop_table_counts_by_id_and_leaves_unknown_ids_to_unique():
    np = pytest.importorskip("numpy")
    table = stscan.StopTable(["A", "de:05915:1:0:1", "B"])
    from collections import Counter
    counts = Counter()
    table.add(np.array([b"A", b"de:05915:1:0:1", b"A", b"Z", b"B", b"Z"]), counts)
    table.add(np.array([b"A"]), counts)
    table.flush(counts)
    assert counts == {"A": 3, "de:05915:1:0:1": 1, "B": 1, "Z": 2}
    # hashes do not depend on the padding width
    assert stscan._hash(np.array([b"AB"], dtype="S2"))[0] == \
        stscan._hash(np.array([b"AB"], dtype="S9"))[0]


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("where", ["start", "middle"])
def test_damaged_stop_times_is_a_clear_error(monkeypatch, fast, where):
    """A broken deflate stream (zlib error) or a wrong CRC: a FeedError naming the file."""
    from hamm_mobility.logic.errors import FeedError
    files = _feed(False)
    files["stop_times.txt"] = files["stop_times.txt"] * 40   # a few blocks of data
    data = bytearray(_zip(files))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("stop_times.txt")
    offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[offset + (1 if where == "start" else info.compress_size // 2)] ^= 0xFF
    monkeypatch.setattr(stscan, "available", lambda: fast)
    monkeypatch.setattr(stscan, "BLOCK", 4096)
    with pytest.raises(FeedError, match="stop_times.txt of GTFS feed kaputt.zip cannot be read"):
        gtfs.load(gtfs.GtfsZip(bytes(data), "kaputt.zip"), date(2024, 10, 2))
