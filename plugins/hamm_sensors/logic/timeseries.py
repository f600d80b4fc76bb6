"""Time series of Datastreams: fetched through the client, grouped by unit for the chart's
axes, exported to CSV, and the "nice" axis ticks of the chart (pure, no QGIS)."""

import csv
import json
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Dict, List, Optional, Sequence, Tuple

from .i18n import tr
from .model import Datastream, EntityId


@dataclass
class Series:
    datastream_id: EntityId
    name: str
    station: str
    prop: str
    unit: str
    lon: Optional[float] = None
    lat: Optional[float] = None
    points: List[Tuple[datetime, float]] = field(default_factory=list)
    skipped: int = 0  # observations without a numeric result

    @property
    def label(self) -> str:
        return "{} – {}".format(self.station, self.prop) if self.station else self.name

    def value_range(self) -> Optional[Tuple[float, float]]:
        if not self.points:
            return None
        values = [v for _t, v in self.points]
        return min(values), max(values)


def series_of(ds: Datastream) -> Series:
    pos = ds.thing.position if ds.thing is not None else None
    return Series(ds.id, ds.name, ds.thing.name if ds.thing is not None else "",
                  ds.observed_property, ds.unit_symbol or ds.unit_name,
                  pos[0] if pos else None, pos[1] if pos else None)


def fetch_series(client, datastreams: Sequence[Datastream], start: Optional[datetime],
                 end: Optional[datetime], max_items: Optional[int] = None,
                 feedback=None) -> List[Series]:
    """The observations of each Datastream in [start, end] with a numeric result, ascending.
    ``client`` is a StaClient (its warnings collect what was unreadable)."""
    out = []
    for i, ds in enumerate(datastreams):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * i / max(1, len(datastreams)))
        series = series_of(ds)
        skipped: List[str] = []
        for obs in client.observations(ds.id, start, end, max_items=max_items, skipped=skipped):
            number = obs.number
            if number is None or not math.isfinite(number):
                series.skipped += 1
                continue
            series.points.append((obs.time, number))
        series.skipped += len(skipped)
        if series.skipped:
            client.warnings.append(tr("{n} observations of {name} have no numeric result and "
                                      "were left out.").format(n=series.skipped, name=ds.name))
        out.append(series)
    return out


def axes_of(series: Sequence[Series]) -> List[Tuple[str, List[int]]]:
    """Series grouped by unit, in order of first appearance: [(unit, [series index])].
    The chart draws the first unit on the left axis, the second on the right; further
    units share the right axis' scale only if the caller says so (see chart)."""
    groups: Dict[str, List[int]] = {}
    for i, s in enumerate(series):
        groups.setdefault(s.unit, []).append(i)
    return list(groups.items())


def nice_step(span: float, target: int = 5) -> float:
    """A step of 1, 2 or 5 times a power of ten giving about ``target`` intervals."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / max(1, target)
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if raw <= mult * power:
            return mult * power
    return 10 * power


def nice_ticks(lo: float, hi: float, target: int = 5) -> List[float]:
    """Ticks covering [lo, hi] at a nice step (lo == hi gets a range of +-1)."""
    if hi < lo:
        lo, hi = hi, lo
    if hi - lo < 1e-12:
        lo, hi = lo - 1.0, hi + 1.0
    step = nice_step(hi - lo, target)
    first = math.floor(lo / step) * step
    ticks = []
    value = first
    while value < hi + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


TIME_STEPS_S = [60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400,
                7 * 86400, 30 * 86400]


def time_ticks(start: datetime, end: datetime, target: int = 6) -> List[datetime]:
    """Ticks at round UTC times (minutes, hours, days) between start and end."""
    span = (end - start).total_seconds()
    if span <= 0:
        return [start]
    step = next((s for s in TIME_STEPS_S if span / s <= target), TIME_STEPS_S[-1])
    t0 = math.ceil(start.timestamp() / step) * step
    out = []
    t = t0
    while t <= end.timestamp():
        out.append(datetime.fromtimestamp(t, timezone.utc))
        t += step
    return out


CSV_HEADER = ["time", "datastream_id", "station", "property", "value", "unit"]


def write_csv(path: str, series: Sequence[Series]) -> int:
    """One row per observation (ISO 8601 UTC time, '.' decimal point); returns the rows."""
    rows = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for s in series:
            for t, v in s.points:
                writer.writerow([t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                 s.datastream_id, s.station, s.prop, repr(float(v)), s.unit])
                rows += 1
    return rows


def typical_step_s(series: Sequence[Series], default: float = 600.0) -> float:
    """The median spacing of consecutive observations over all series (how long one
    point of the history layer stays visible in the temporal controller)."""
    gaps = []
    for s in series:
        gaps += [(b[0] - a[0]).total_seconds() for a, b in zip(s.points, s.points[1:])]
    gaps = sorted(g for g in gaps if g > 0)
    return gaps[len(gaps) // 2] if gaps else default


def select_datastreams(datastreams: Sequence[Datastream], props: Sequence[str] = (),
                       ids: Sequence[EntityId] = ()) -> List[Datastream]:
    """Datastreams of the given observed properties and/or ids (empty = all)."""
    wanted_ids = {str(i) for i in ids}
    out = []
    for ds in datastreams:
        if props and ds.observed_property not in props:
            continue
        if wanted_ids and str(ds.id) not in wanted_ids:
            continue
        out.append(ds)
    return out


def history_spec(props: Sequence[str], start: Optional[datetime] = None,
                 end: Optional[datetime] = None, hours: Optional[float] = None) -> str:
    """What a saved project keeps of a history layer (JSON): the observed properties and
    either a fixed period (``start``/``end``, loaded from the history dialog) or the last
    ``hours`` before the moment the project is opened (the demo's rolling day)."""
    doc: Dict[str, object] = {"props": list(props)}
    if start is not None and end is not None:
        doc["start"], doc["end"] = start.isoformat(), end.isoformat()
    else:
        doc["hours"] = float(24 if hours is None else hours)
    return json.dumps(doc)


def history_period(spec: str, now: datetime) -> Tuple[List[str], datetime, datetime]:
    """(props, start, end) of a saved history layer (see :func:`history_spec`);
    ValueError when the text is broken."""
    try:
        doc = json.loads(spec)
        props = [str(p) for p in doc.get("props", [])]
        if "start" in doc or "end" in doc:
            start = datetime.fromisoformat(str(doc["start"]))
            end = datetime.fromisoformat(str(doc["end"]))
            start = start if start.tzinfo else start.replace(tzinfo=timezone.utc)
            end = end if end.tzinfo else end.replace(tzinfo=timezone.utc)
        else:
            hours = float(doc.get("hours", 24))
            if not math.isfinite(hours):
                raise ValueError(hours)
            end = now
            start = now - timedelta(hours=hours)
    except (TypeError, ValueError, AttributeError, KeyError) as err:
        raise ValueError(str(err)) from err
    if end <= start:
        raise ValueError("empty period")
    return props, start, end
