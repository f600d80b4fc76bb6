"""Traffic counting stations: counts per interval and mode (car, bike, pedestrian) from CSV.

Two layouts are read (comma or semicolon separated, decimal comma allowed, UTF-8 or
Windows-1252), with German or English column names:

- long: one row per station, interval and mode:
  ``station_id;name;lat;lon;zeit;modus;anzahl`` (modus: kfz/car, rad/bike,
  fuss/fuß/pedestrian)
- wide: one row per station and interval: ``station_id;name;lat;lon;zeit;kfz;rad;fuss``

Instead of lat/lon, ``x``/``y`` in the layer CRS (EPSG:25832) may be given.
"""

import csv
import io
from collections import OrderedDict
from typing import Dict, List, Optional

from .charging import _decode, de_float
from .errors import FeedError
from .gbfs import valid_lonlat
from .i18n import tr

MODES = ("kfz", "rad", "fuss")
MODE_ALIASES = {"kfz": "kfz", "car": "kfz", "cars": "kfz", "pkw": "kfz", "auto": "kfz",
                "motor_vehicle": "kfz", "rad": "rad", "fahrrad": "rad", "bike": "rad",
                "bicycle": "rad", "cycle": "rad", "fuss": "fuss", "fuß": "fuss",
                "fussgaenger": "fuss", "fußgänger": "fuss", "pedestrian": "fuss",
                "foot": "fuss", "walk": "fuss"}
COLUMN_ALIASES = {
    "station_id": ("station_id", "station", "zaehlstelle", "zählstelle", "id", "messstelle"),
    "name": ("name", "bezeichnung", "station_name"),
    "lat": ("lat", "latitude", "breitengrad"),
    "lon": ("lon", "lng", "longitude", "längengrad", "laengengrad"),
    "x": ("x", "rechtswert", "east"),
    "y": ("y", "hochwert", "north"),
    "zeit": ("zeit", "time", "datetime", "intervall", "interval", "timestamp", "zeitpunkt"),
    "modus": ("modus", "mode", "verkehrsart", "art"),
    "anzahl": ("anzahl", "count", "wert", "value"),
}


def _fail(text: str, source: str) -> FeedError:
    return FeedError(text, source=source)


def _columns(header: List[str]) -> Dict[str, int]:
    names = [h.replace("\ufeff", "").strip().lower() for h in header]
    out = {}
    for key, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in names:
                out[key] = names.index(alias)
                break
    for i, name in enumerate(names):
        mode = MODE_ALIASES.get(name)
        if mode and "mode_" + mode not in out:
            out["mode_" + mode] = i
    return out


class CountsResult:
    def __init__(self):
        self.stations: OrderedDict[str, dict] = OrderedDict()
        self.intervals: List[dict] = []
        self.warnings: List[str] = []


def _finish(res: CountsResult, per_interval) -> None:
    for rec in per_interval.values():
        st = res.stations[rec["station_id"]]
        total = 0
        for m in MODES:
            if rec[m] is not None:
                st[m] += rec[m]
                total += rec[m]
        rec["gesamt"] = total
        st["intervalle"] += 1
        st["erste"] = min(st["erste"], rec["zeit"])
        st["letzte"] = max(st["letzte"], rec["zeit"])
        if total > st["spitze"]:
            st["spitze"], st["spitze_zeit"] = total, rec["zeit"]
        res.intervals.append(rec)
    for st in res.stations.values():
        st["gesamt"] = st["kfz"] + st["rad"] + st["fuss"]
        st["anteil_rad_pct"] = round(100.0 * st["rad"] / st["gesamt"], 1) \
            if st["gesamt"] else None


def parse_counts_csv(content: bytes, source: str = "") -> CountsResult:
    text = _decode(content)
    first = text.splitlines()[0] if text.strip() else ""
    if not first:
        raise _fail(tr("The counts file {source} is empty.").format(source=source or "?"),
                    source)
    delim = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    cols = _columns(next(reader))
    wide = any(k.startswith("mode_") for k in cols)
    missing = [k for k in ("station_id", "zeit") if k not in cols]
    has_pos = ("lat" in cols and "lon" in cols) or ("x" in cols and "y" in cols)
    if not has_pos:
        missing.append("lat/lon")
    if not wide:
        missing += [k for k in ("modus", "anzahl") if k not in cols]
    if missing:
        raise _fail(tr("The counts file {source} lacks the column(s) {columns}. Expected "
                       "station_id, lat, lon (or x, y), zeit and either modus + anzahl or "
                       "one column per mode (kfz, rad, fuss).").format(
            source=source or "?", columns=", ".join(missing)), source)
    res = CountsResult()
    per_interval: OrderedDict[tuple, dict] = OrderedDict()
    bad_rows = 0
    unknown_modes = set()
    for row in reader:
        if not any(c.strip() for c in row):
            continue

        def col(key, row=row):
            i = cols.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""
        sid, when = col("station_id"), col("zeit")
        if not sid or not when:
            bad_rows += 1
            continue
        station = res.stations.get(sid)
        if station is None:
            lat, lon = de_float(col("lat")), de_float(col("lon"))
            x, y = de_float(col("x")), de_float(col("y"))
            if lat is not None and lon is not None and valid_lonlat(lon, lat):
                pos = {"lat": lat, "lon": lon, "x": None, "y": None}
            elif x is not None and y is not None:
                pos = {"lat": None, "lon": None, "x": x, "y": y}
            else:
                bad_rows += 1
                continue
            station = dict(pos, station_id=sid, name=col("name") or sid, intervalle=0,
                           kfz=0, rad=0, fuss=0, erste=when, letzte=when, spitze=0,
                           spitze_zeit="")
            res.stations[sid] = station
        key = (sid, when)
        rec = per_interval.get(key)
        if rec is None:
            rec = {"station_id": sid, "zeit": when, "kfz": None, "rad": None, "fuss": None}
            per_interval[key] = rec
        if wide:
            values = {m: de_float(col("mode_" + m)) for m in MODES if "mode_" + m in cols}
        else:
            mode = MODE_ALIASES.get(col("modus").lower())
            if mode is None:
                unknown_modes.add(col("modus"))
                continue
            values = {mode: de_float(col("anzahl"))}
        for mode, value in values.items():
            if value is None:
                continue
            if value < 0:
                bad_rows += 1
                continue
            rec[mode] = (rec[mode] or 0) + int(round(value))
    _finish(res, per_interval)
    if bad_rows:
        res.warnings.append(tr("{n} rows of {source} were skipped (no station, time or "
                               "position, or a negative count).").format(
            n=bad_rows, source=source))
    if unknown_modes:
        res.warnings.append(tr("Unknown modes in {source} were skipped: {modes}. Known: "
                               "kfz/car, rad/bike, fuss/pedestrian.").format(
            source=source, modes=", ".join(sorted(unknown_modes))))
    if not res.stations:
        raise _fail(tr("The counts file {source} contains no usable row.").format(
            source=source or "?"), source)
    return res


def mode_of(*texts: str) -> Optional[str]:
    """The mode a SensorThings ObservedProperty or Datastream name stands for:
    an exact alias, else the first alias found as a word in the text."""
    for text in texts:
        t = (text or "").strip().lower()
        if t in MODE_ALIASES:
            return MODE_ALIASES[t]
    for text in texts:
        words = "".join(c if c.isalnum() or c in "ßäöü" else " " for c in
                        (text or "").lower()).split()
        for word in words:
            if word in MODE_ALIASES:
                return MODE_ALIASES[word]
    return None


def from_rows(rows, source: str = "") -> CountsResult:
    """rows: (station_id, name, lon, lat, time text, mode, count) from any source (e.g.
    SensorThings observations); aggregated like the CSV."""
    res = CountsResult()
    per_interval: OrderedDict[tuple, dict] = OrderedDict()
    for sid, name, lon, lat, when, mode, value in rows:
        if value is None or mode not in MODES:
            continue
        if sid not in res.stations:
            res.stations[sid] = {"lat": lat, "lon": lon, "x": None, "y": None,
                                 "station_id": sid, "name": name or sid, "intervalle": 0,
                                 "kfz": 0, "rad": 0, "fuss": 0, "erste": when,
                                 "letzte": when, "spitze": 0, "spitze_zeit": ""}
        rec = per_interval.setdefault((sid, when), {"station_id": sid, "zeit": when,
                                                    "kfz": None, "rad": None, "fuss": None})
        rec[mode] = (rec[mode] or 0) + int(round(value))
    _finish(res, per_interval)
    if not res.stations:
        raise _fail(tr("No counts were found in {source}.").format(source=source or "?"),
                    source)
    return res
