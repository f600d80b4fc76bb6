"""GTFS static (zip) read as a stream: stops, routes, trips, shapes, calendar,
calendar_dates, frequencies and stop_times, without loading whole tables into memory.

stop_times.txt (the big file: millions of rows) is read once, row by row, keeping only
counters and the stop sequences of one representative trip per route and direction.
Result: stops with departures in a day and hour range, routes as lines (shapes, or the
stop sequence where shapes are missing), and warnings about broken references.
"""

import contextlib
import csv
import io
import operator
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Dict, Iterator, List, Optional, Set, Tuple

from . import stscan
from .errors import FeedError
from .i18n import tr, tr_noop

REQUIRED = ("stops.txt", "routes.txt", "trips.txt", "stop_times.txt")
# a damaged zip shows as any of these while a table is read (zlib: a broken deflate stream)
READ_ERRORS = (zipfile.BadZipFile, OSError, EOFError, UnicodeDecodeError, csv.Error,
               zlib.error)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# route_type -> German-facing label key (translated later) and a colour for styling
ROUTE_TYPES = {
    0: (tr_noop("Tram"), "#e4002b"),
    1: (tr_noop("Subway"), "#0064ad"),
    2: (tr_noop("Rail"), "#7c7c7c"),
    3: (tr_noop("Bus"), "#a3007c"),
    4: (tr_noop("Ferry"), "#0098d8"),
    5: (tr_noop("Cable tram"), "#b48c00"),
    6: (tr_noop("Aerial lift"), "#b48c00"),
    7: (tr_noop("Funicular"), "#b48c00"),
    11: (tr_noop("Trolleybus"), "#6f2c91"),
    12: (tr_noop("Monorail"), "#009a93"),
}


def route_type_group(route_type: int) -> int:
    """Extended route types (100-1799) -> the basic type they belong to."""
    if route_type < 100:
        return route_type
    if 100 <= route_type < 200 or 300 <= route_type < 500:
        return 2
    if 200 <= route_type < 300 or 700 <= route_type < 800:
        return 3
    if 900 <= route_type < 1000:
        return 0
    if 500 <= route_type < 700:
        return 1
    if 800 <= route_type < 900:
        return 11
    if 1000 <= route_type < 1300:
        return 4
    if 1300 <= route_type < 1400:
        return 6
    if 1400 <= route_type < 1500:
        return 7
    return 3


def seconds(text: str) -> Optional[int]:
    """'HH:MM:SS' (hours may exceed 24) -> seconds after midnight of the service day."""
    parts = text.split(":")
    if len(parts) != 3:
        return None
    try:
        return int(parts[0]) * 3600 + int(parts[1]) * 60 + int(parts[2])
    except ValueError:
        return None


def hhmmss(secs: int) -> str:
    return "{:02d}:{:02d}:{:02d}".format(secs // 3600, secs // 60 % 60, secs % 60)


class GtfsZip:
    """A GTFS zip (path or bytes); tables are streamed row by row."""

    def __init__(self, source, name: str = ""):
        self.name = name or (source if isinstance(source, str) else "GTFS")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, (bytes,
                                       bytearray)) else source)
            names = self.zip.namelist()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise FeedError(tr("{source} is not a readable GTFS zip file ({error}).").format(
                source=self.name, error=exc), detail=str(exc), source=self.name) from exc
        # Feeds zipped with a folder inside: match by base name
        self.files = {}
        for n in names:
            base = n.rsplit("/", 1)[-1]
            if base.endswith(".txt") and base not in self.files:
                self.files[base] = n
        missing = [f for f in REQUIRED if f not in self.files]
        if missing:
            raise FeedError(tr("The GTFS feed {source} lacks the required file(s) {files}.")
                            .format(source=self.name, files=", ".join(missing)),
                            source=self.name)

    def close(self) -> None:
        self.zip.close()

    def has(self, name: str) -> bool:
        return name in self.files

    def reader(self, name: str, needed: Tuple[str, ...] = (), raw: bool = False
               ) -> Tuple[Dict[str, int], Iterator[List[str]]]:
        """(column index, row iterator) of a table; FeedError if a needed column lacks.
        ``raw``: the csv reader itself (faster; the caller handles errors, empty rows)."""
        try:
            raw = self.zip.open(self.files[name])
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            rows = csv.reader(text)
            header = next(rows, None)
        except READ_ERRORS as exc:
            raise self._broken(name, exc) from exc
        if header is None:
            header = []
        index = {h.strip(): i for i, h in enumerate(header)}
        lacking = [c for c in needed if c not in index]
        if lacking:
            raise FeedError(tr("The file {file} of GTFS feed {source} lacks the column(s) "
                               "{columns}.").format(file=name, source=self.name,
                                                    columns=", ".join(lacking)),
                            source=self.name)
        return index, rows if raw else self._guard(name, rows)

    def _broken(self, name, exc) -> FeedError:
        return FeedError(tr("The file {file} of GTFS feed {source} cannot be read ({error}).")
                         .format(file=name, source=self.name, error=exc), detail=str(exc),
                         source=self.name)

    def _guard(self, name, rows):
        try:
            for row in rows:
                if row:
                    yield row
        except READ_ERRORS as exc:
            raise self._broken(name, exc) from exc


def _col(row: List[str], i: Optional[int], default: str = "") -> str:
    if i is None or i >= len(row):
        return default
    return row[i]


def _picker(cols: Tuple[Optional[int], ...]):
    """(itemgetter, row length it needs) for columns that may be missing (None): a
    missing column reads the "" that the caller appends to the row."""
    present = [i for i in cols if i is not None]
    return (operator.itemgetter(*[-1 if i is None else i for i in cols]),
            max(present) + 1 if present else 0)


@dataclass
class GtfsResult:
    stops: List[dict] = field(default_factory=list)
    routes: List[dict] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    day: Optional[date] = None
    trips_active: int = 0
    stop_times_read: int = 0
    departures: int = 0


def read_stops(feed: GtfsZip, warnings: List[str]) -> Dict[str, dict]:
    idx, rows = feed.reader("stops.txt", ("stop_id",))
    i_id, i_name, i_lat, i_lon = idx["stop_id"], idx.get("stop_name"), idx.get("stop_lat"), \
        idx.get("stop_lon")
    i_type, i_parent, i_code = idx.get("location_type"), idx.get("parent_station"), \
        idx.get("stop_code")
    stops = {}
    bad = 0
    cols = (i_id, i_name, i_lat, i_lon, i_type, i_parent, i_code)
    pick, full = _picker(cols)
    for row in rows:
        if len(row) >= full:
            row.append("")  # what a missing column reads
            sid, name, lat, lon, ltype, parent, code = pick(row)
        else:
            sid, name, lat, lon, ltype, parent, code = [_col(row, i) for i in cols]
        try:
            lat, lon = float(lat), float(lon)
            ok = -90 <= lat <= 90 and -180 <= lon <= 180 and not (lat == 0 and lon == 0)
        except ValueError:
            ok = False
        ltype = ltype or "0"
        if not ok:
            if ltype in ("3", "4"):  # generic nodes, boarding areas: no coordinates needed
                continue
            bad += 1
            continue
        stops[sid] = {"stop_id": sid, "name": name, "code": code, "lat": lat, "lon": lon,
                      "location_type": int(ltype) if ltype.isdigit() else 0,
                      "parent_station": parent}
    if bad:
        warnings.append(tr("{n} stops without valid coordinates were skipped.").format(n=bad))
    return stops


def read_routes(feed: GtfsZip) -> Dict[str, dict]:
    idx, rows = feed.reader("routes.txt", ("route_id",))
    g = idx.get
    routes = {}
    for row in rows:
        rid = _col(row, idx["route_id"])
        try:
            rtype = int(_col(row, g("route_type"), "3") or 3)
        except ValueError:
            rtype = 3
        color = _col(row, g("route_color")).strip().lstrip("#")
        routes[rid] = {"route_id": rid, "short_name": _col(row, g("route_short_name")),
                       "long_name": _col(row, g("route_long_name")), "route_type": rtype,
                       "color": "#" + color if len(color) == 6 else "",
                       "agency_id": _col(row, g("agency_id"))}
    return routes


def active_services(feed: GtfsZip, day: date, warnings: List[str]) -> Optional[Set[str]]:
    """service_ids running on ``day`` (calendar + calendar_dates); None = no calendar."""
    if not feed.has("calendar.txt") and not feed.has("calendar_dates.txt"):
        warnings.append(tr("The feed has neither calendar.txt nor calendar_dates.txt: every "
                           "trip is counted as running."))
        return None
    ymd = day.strftime("%Y%m%d")
    weekday = WEEKDAYS[day.weekday()]
    active: Set[str] = set()
    if feed.has("calendar.txt"):
        idx, rows = feed.reader("calendar.txt", ("service_id", "start_date", "end_date",
                                                 weekday))
        for row in rows:
            if _col(row, idx[weekday]) == "1" and \
                    _col(row, idx["start_date"]) <= ymd <= _col(row, idx["end_date"]):
                active.add(_col(row, idx["service_id"]))
    if feed.has("calendar_dates.txt"):
        idx, rows = feed.reader("calendar_dates.txt", ("service_id", "date", "exception_type"))
        for row in rows:
            if _col(row, idx["date"]) != ymd:
                continue
            sid, kind = _col(row, idx["service_id"]), _col(row, idx["exception_type"])
            if kind == "1":
                active.add(sid)
            elif kind == "2":
                active.discard(sid)
    return active


def read_frequencies(feed: GtfsZip) -> Dict[str, List[Tuple[int, int, int]]]:
    if not feed.has("frequencies.txt"):
        return {}
    idx, rows = feed.reader("frequencies.txt", ("trip_id", "start_time", "end_time",
                                                "headway_secs"))
    out: Dict[str, List[Tuple[int, int, int]]] = {}
    for row in rows:
        start, end = seconds(_col(row, idx["start_time"])), seconds(_col(row, idx["end_time"]))
        try:
            headway = int(_col(row, idx["headway_secs"]))
        except ValueError:
            continue
        if start is None or end is None or headway <= 0:
            continue
        out.setdefault(_col(row, idx["trip_id"]), []).append((start, end, headway))
    return out


def read_shapes(feed: GtfsZip, wanted: Set[str]) -> Dict[str, List[Tuple[float, float]]]:
    if not feed.has("shapes.txt") or not wanted:
        return {}
    idx, rows = feed.reader("shapes.txt", ("shape_id", "shape_pt_lat", "shape_pt_lon",
                                           "shape_pt_sequence"))
    i_id, i_lat, i_lon, i_seq = (idx["shape_id"], idx["shape_pt_lat"], idx["shape_pt_lon"],
                                 idx["shape_pt_sequence"])
    pts: Dict[str, list] = {}
    for row in rows:
        sid = row[i_id]
        if sid not in wanted:
            continue
        try:
            pts.setdefault(sid, []).append((int(row[i_seq]), float(row[i_lon]),
                                            float(row[i_lat])))
        except (ValueError, IndexError):
            continue
    return {k: [(x, y) for _, x, y in sorted(v)] for k, v in pts.items() if len(v) >= 2}


def load(feed: GtfsZip, day: date, hour_from: int = 0, hour_to: int = 24,
         feedback=None) -> GtfsResult:
    """Stops with departures for ``day`` in [hour_from, hour_to), routes with geometry."""
    res = GtfsResult(day=day)
    warn = res.warnings
    stops = read_stops(feed, warn)
    routes = read_routes(feed)
    services = active_services(feed, day, warn)
    freqs = read_frequencies(feed)

    idx, rows = feed.reader("trips.txt", ("trip_id", "route_id", "service_id"))
    i_trip, i_route, i_service = idx["trip_id"], idx["route_id"], idx["service_id"]
    i_shape, i_dir = idx.get("shape_id"), idx.get("direction_id")
    active: Dict[str, str] = {}       # trip_id -> route_id of trips running on the day
    known_trips: Set[str] = set()
    trips_per_route: Counter = Counter()
    route_shapes: Dict[str, Set[str]] = {}
    representative: Dict[Tuple[str, str], str] = {}  # (route, direction) -> trip_id
    bad_route = 0
    cols = (i_trip, i_route, i_service, i_shape, i_dir)
    pick, full = _picker(cols)
    for row in rows:
        if len(row) >= full:
            row.append("")  # what a missing column reads
            tid, rid, service, shape, direction = pick(row)
        else:
            tid = row[i_trip]
            rid, service, shape, direction = [_col(row, i) for i in cols[1:]]
        known_trips.add(tid)
        if rid not in routes:
            bad_route += 1
            continue
        if shape:
            shapes_of = route_shapes.get(rid)
            if shapes_of is None:
                shapes_of = route_shapes[rid] = set()
            shapes_of.add(shape)
        key = (rid, direction)
        if key not in representative:
            representative[key] = tid
        if services is None or service in services:
            active[tid] = rid
            trips_per_route[rid] += 1
    if bad_route:
        warn.append(tr("{n} trips refer to a route that routes.txt does not contain.")
                    .format(n=bad_route))
    res.trips_active = len(active)

    # One pass over stop_times.txt
    idx, rows = feed.reader("stop_times.txt", ("trip_id", "stop_id"), raw=True)
    i_trip, i_stop = idx["trip_id"], idx["stop_id"]
    i_dep, i_arr, i_seq = idx.get("departure_time"), idx.get("arrival_time"), \
        idx.get("stop_sequence", 0)
    i_time = i_dep if i_dep is not None else i_arr
    if i_time is None:
        raise FeedError(tr("The file {file} of GTFS feed {source} lacks the column(s) "
                           "{columns}.").format(file="stop_times.txt", source=feed.name,
                                                columns="departure_time"), source=feed.name)
    lo_s, hi_s = hour_from * 3600, hour_to * 3600
    counted: List[str] = []           # stop_id per departure in range (counted in C)
    rep_trips = {t: k for k, t in representative.items()}
    sequences: Dict[str, List[Tuple[int, str]]] = {}
    freq_rows: Dict[str, List[Tuple[str, int]]] = {}
    unknown_stop_ids: Set[str] = set()
    unknown_trip_ids: Set[str] = set()
    append = counted.append

    def handle(row: List[str]) -> None:
        """One row the slow way: representative and frequency trips, odd times."""
        tid = row[i_trip]
        if tid not in known_trips:
            unknown_trip_ids.add(tid)
        if tid in rep_trips:
            with contextlib.suppress(ValueError, TypeError, IndexError):
                sequences.setdefault(tid, []).append((int(row[i_seq]), row[i_stop]))
        if tid not in active:
            return
        dep = row[i_time]
        if not dep and i_arr is not None:
            dep = row[i_arr]
        if not dep:
            return  # untimed stop between timepoints: not a counted departure
        if tid in freqs:
            secs = seconds(dep)
            if secs is not None:
                freq_rows.setdefault(tid, []).append((row[i_stop], secs))
            return
        secs = seconds(dep)  # compared as a number: hour 101 is after hour 48
        if secs is not None and lo_s <= secs < hi_s:
            append(row[i_stop])

    def trip_mode(tid: str) -> int:
        mode = 0
        if tid in active:
            mode = stscan.SLOW if tid in freqs else stscan.COUNT
        if tid in rep_trips:
            mode |= stscan.COLLECT
        return mode

    def collect(rows: List[List[str]]) -> None:
        """Rows of representative trips whose departures the fast path counts."""
        for row in rows:
            try:
                sequences.setdefault(row[i_trip], []).append((int(row[i_seq]), row[i_stop]))
            except (ValueError, TypeError, IndexError):
                continue

    n = 0
    extra: Counter = Counter()
    try:
        if stscan.available():
            rows = None
            trip_list = list(known_trips)
            n = stscan.scan(feed.zip.open(feed.files["stop_times.txt"]), len(idx), i_trip,
                            i_stop, i_time, hour_from * 3600, hour_to * 3600, trip_mode,
                            handle, extra, unknown_trip_ids.update,
                            lambda t: t not in known_trips, feedback, collect=collect,
                            known_stops=stops, trips=stscan.TripTable(
                                trip_list, [trip_mode(t) for t in trip_list]))
        else:
            empty = 0  # empty lines are not rows (as in the fast scan)
            for n, row in enumerate(rows, 1):  # noqa: B007 - n = lines read
                if row:
                    handle(row)
                else:
                    empty += 1
                if feedback is not None and n % 50000 == 0 and feedback(n):
                    break
            n -= empty
    except IndexError as exc:
        raise FeedError(tr("Row {row} of stop_times.txt in GTFS feed {source} has too few "
                           "columns.").format(row=n + 1, source=feed.name),
                        source=feed.name) from exc
    except READ_ERRORS as exc:
        raise feed._broken("stop_times.txt", exc) from exc
    res.stop_times_read = n

    # Frequency-based trips: stop_times give the offsets; expand each headway window
    for tid, recs in freq_rows.items():
        first = min(s for _, s in recs)
        runs = 0
        for start, end, headway in freqs[tid]:
            runs += max(0, (end - start + headway - 1) // headway)
            t0 = start
            while t0 < end:
                for stop_id, secs in recs:
                    t = t0 + secs - first
                    if lo_s <= t < hi_s:
                        append(stop_id)
                t0 += headway
        # a frequency trip counts each run as a trip of its route
        trips_per_route[active[tid]] += max(0, runs - 1)

    counts = Counter(counted)
    counts.update(extra)
    res.departures = sum(counts.values())
    for sid in counts:
        if sid not in stops:
            unknown_stop_ids.add(sid)
    for seq in sequences.values():
        for _, sid in seq:
            if sid not in stops:
                unknown_stop_ids.add(sid)
    if unknown_trip_ids:
        warn.append(tr("stop_times.txt refers to {n} trips that trips.txt does not contain.")
                    .format(n=len(unknown_trip_ids)))
    if unknown_stop_ids:
        warn.append(tr("stop_times.txt refers to {n} stops that stops.txt does not contain "
                       "(or that have no coordinates).").format(n=len(unknown_stop_ids)))

    # Departures at a platform also count for its parent station
    parent_counts: Counter = Counter()
    for sid, c in counts.items():
        parent = stops.get(sid, {}).get("parent_station")
        if parent:
            parent_counts[parent] += c
    for sid, stop in stops.items():
        rec = dict(stop)
        rec["departures"] = counts.get(sid, 0) + parent_counts.get(sid, 0)
        res.stops.append(rec)

    # Routes: shapes where present, else the stop sequence of a representative trip
    wanted = set().union(*route_shapes.values()) if route_shapes else set()
    shapes = read_shapes(feed, wanted)
    for rid, route in routes.items():
        lines = [(shapes[s], "shape") for s in sorted(route_shapes.get(rid, ())) if s in shapes]
        if not lines:
            for (r, _direction), tid in sorted(representative.items()):
                if r != rid or tid not in sequences:
                    continue
                pts = [(stops[s]["lon"], stops[s]["lat"]) for _, s in sorted(sequences[tid])
                       if s in stops]
                if len(pts) >= 2:
                    lines.append((pts, "stops"))
        base = route_type_group(route["route_type"])
        for pts, origin in lines:
            rec = dict(route)
            rec.update({"coords": pts, "origin": origin, "trips": trips_per_route.get(rid, 0),
                        "type_group": base,
                        "color": route["color"] or ROUTE_TYPES.get(base, ("", "#555555"))[1]})
            res.routes.append(rec)
    if feed.has("shapes.txt") is False and routes:
        warn.append(tr("The feed has no shapes.txt: routes are drawn along their stops."))
    return res


def load_path(path: str, day: date, hour_from: int = 0, hour_to: int = 24,
              feedback=None) -> GtfsResult:
    feed = GtfsZip(path)
    try:
        return load(feed, day, hour_from, hour_to, feedback)
    finally:
        feed.close()


def read_trip_routes(feed: GtfsZip) -> Dict[str, str]:
    """trip_id -> route_id (to name the line of a real-time vehicle)."""
    idx, rows = feed.reader("trips.txt", ("trip_id", "route_id"))
    i_trip, i_route = idx["trip_id"], idx["route_id"]
    return {row[i_trip]: _col(row, i_route) for row in rows}
