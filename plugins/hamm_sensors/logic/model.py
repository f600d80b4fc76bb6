"""SensorThings entities and their parsers: tolerant of what real servers send.

ids may be integers or strings; Locations come as GeoJSON (geometry, Feature) or other
encodings (WKT text, {lat, lon} objects); phenomenonTime is an instant or an interval
("start/end"); results are numbers, strings, booleans or objects.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Tuple, Union

from hamm_core.logic.errors import ParseError

from .i18n import tr

EntityId = Union[int, str]
_WKT_POINT = re.compile(r"^\s*(?:SRID=\d+;)?\s*POINT\s*Z?\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)",
                        re.IGNORECASE)


@dataclass
class Location:
    id: Optional[EntityId]
    name: str
    lon: Optional[float]
    lat: Optional[float]
    encoding: str = ""


@dataclass
class Thing:
    id: EntityId
    name: str
    description: str = ""
    properties: Dict[str, Any] = field(default_factory=dict)
    locations: List[Location] = field(default_factory=list)

    @property
    def position(self) -> Optional[Tuple[float, float]]:
        for loc in self.locations:
            if loc.lon is not None and loc.lat is not None:
                return loc.lon, loc.lat
        return None


@dataclass
class Datastream:
    id: EntityId
    name: str
    unit_name: str = ""
    unit_symbol: str = ""
    observed_property: str = ""
    thing: Optional[Thing] = None
    self_link: str = ""


@dataclass
class Observation:
    id: Optional[EntityId]
    start: datetime
    end: datetime
    result: Any

    @property
    def time(self) -> datetime:
        """The time that counts for "latest": the end of an interval."""
        return self.end

    @property
    def number(self) -> Optional[float]:
        return result_number(self.result)


def _entity_id(obj: Dict[str, Any], source: str) -> EntityId:
    if not isinstance(obj, dict) or "@iot.id" not in obj:
        raise ParseError(tr("An entity from {source} has no @iot.id.").format(source=source),
                         source=source)
    value = obj["@iot.id"]
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ParseError(tr("An entity from {source} has an id of an unknown type.").format(
            source=source), detail=repr(value), source=source)
    return value


# Parsed instants by their text: the stations of a network report on the same time grid,
# so one page of 30 datastreams repeats each timestamp many times. datetimes are immutable.
_INSTANTS: Dict[str, datetime] = {}
_INSTANTS_MAX = 200_000


def parse_time(text: Any, source: str = "") -> Tuple[datetime, datetime]:
    """An ISO 8601 instant or interval ("a/b") -> (start, end), timezone-aware (UTC if none)."""
    stamp = _INSTANTS.get(text) if isinstance(text, str) else None
    if stamp is not None:
        return stamp, stamp
    if not isinstance(text, str) or not text.strip():
        raise ParseError(tr("An observation from {source} has no phenomenonTime.").format(
            source=source or "?"), source=source)
    parts = text.strip().split("/")
    if len(parts) > 2:
        raise ParseError(tr("The time '{text}' from {source} is not an ISO 8601 instant or "
                            "interval.").format(text=text, source=source or "?"), source=source)
    stamps = [_parse_instant(p, text, source) for p in parts]
    if len(parts) == 1:
        if len(_INSTANTS) >= _INSTANTS_MAX:
            _INSTANTS.clear()
        _INSTANTS[text] = stamps[0]
    return stamps[0], stamps[-1]


def _parse_instant(part: str, whole: str, source: str) -> datetime:
    value = part.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    # Python 3.9/3.10 fromisoformat wants exactly 0, 3 or 6 fraction digits
    if "." in value:
        m = re.match(r"^(.*T\d\d:\d\d:\d\d)\.(\d+)(.*)$", value)
        if m:
            value = m.group(1) + "." + (m.group(2) + "000000")[:6] + m.group(3)
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ParseError(tr("The time '{text}' from {source} is not an ISO 8601 instant or "
                            "interval.").format(text=whole, source=source or "?"),
                         detail=str(exc), source=source) from exc
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    return stamp.astimezone(timezone.utc)


def result_number(result: Any) -> Optional[float]:
    """A number for styling and statistics: numbers, booleans as 0/1, numeric strings,
    objects with a 'value' member; None otherwise."""
    if isinstance(result, bool):
        return 1.0 if result else 0.0
    if isinstance(result, (int, float)):
        return float(result)
    if isinstance(result, str):
        try:
            return float(result.strip().replace(",", "."))
        except ValueError:
            return None
    if isinstance(result, dict) and "value" in result:
        return result_number(result["value"])
    return None


def result_text(result: Any) -> str:
    if result is None:
        return ""
    if isinstance(result, bool):
        return "true" if result else "false"
    if isinstance(result, (dict, list)):
        return json.dumps(result, ensure_ascii=False, sort_keys=True)
    return str(result)


def parse_location(obj: Dict[str, Any], source: str = "") -> Location:
    loc_id = obj.get("@iot.id") if isinstance(obj, dict) else None
    name = str(obj.get("name", "")) if isinstance(obj, dict) else ""
    encoding = str(obj.get("encodingType", "")) if isinstance(obj, dict) else ""
    lon, lat = _coordinates(obj.get("location") if isinstance(obj, dict) else None)
    return Location(loc_id, name, lon, lat, encoding)


def _coordinates(value: Any) -> Tuple[Optional[float], Optional[float]]:
    """GeoJSON Point/Feature/other geometry (first vertex or bbox centre), WKT, {lat, lon}."""
    if isinstance(value, str):
        m = _WKT_POINT.match(value)
        if m:
            return float(m.group(1)), float(m.group(2))
        try:
            return _coordinates(json.loads(value))
        except ValueError:
            return None, None
    if not isinstance(value, dict):
        return None, None
    kind = value.get("type")
    if kind == "Feature":
        return _coordinates(value.get("geometry"))
    if kind == "Point":
        c = value.get("coordinates")
        if isinstance(c, (list, tuple)) and len(c) >= 2 and all(
                isinstance(x, (int, float)) and not isinstance(x, bool) for x in c[:2]):
            return float(c[0]), float(c[1])
        return None, None
    if kind in ("LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"):
        flat = []
        _flatten(value.get("coordinates"), flat)
        if flat:
            xs = [p[0] for p in flat]
            ys = [p[1] for p in flat]
            return (min(xs) + max(xs)) / 2.0, (min(ys) + max(ys)) / 2.0
        return None, None
    lat = value.get("lat", value.get("latitude"))
    lon = value.get("lon", value.get("lng", value.get("longitude")))
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        return float(lon), float(lat)
    return None, None


def _flatten(coords: Any, out: list) -> None:
    if isinstance(coords, (list, tuple)):
        if len(coords) >= 2 and all(isinstance(x, (int, float)) for x in coords[:2]):
            out.append((float(coords[0]), float(coords[1])))
        else:
            for c in coords:
                _flatten(c, out)


def parse_thing(obj: Dict[str, Any], source: str = "") -> Thing:
    thing = Thing(_entity_id(obj, source), str(obj.get("name", "")),
                  str(obj.get("description", "") or ""),
                  obj.get("properties") if isinstance(obj.get("properties"), dict) else {})
    for loc in obj.get("Locations") or []:
        thing.locations.append(parse_location(loc, source))
    return thing


def parse_datastream(obj: Dict[str, Any], source: str = "") -> Datastream:
    unit = obj.get("unitOfMeasurement") if isinstance(obj.get("unitOfMeasurement"), dict) else {}
    prop = obj.get("ObservedProperty")
    thing = obj.get("Thing")
    return Datastream(
        _entity_id(obj, source), str(obj.get("name", "")),
        str(unit.get("name") or ""), str(unit.get("symbol") or ""),
        str(prop.get("name", "")) if isinstance(prop, dict) else "",
        parse_thing(thing, source) if isinstance(thing, dict) else None,
        str(obj.get("@iot.selfLink", "")))


def parse_observation(obj: Dict[str, Any], source: str = "") -> Observation:
    """ParseError when phenomenonTime is missing or broken; a missing result stays None."""
    if not isinstance(obj, dict):
        raise ParseError(tr("An observation from {source} is not a JSON object.").format(
            source=source or "?"), source=source)
    start, end = parse_time(obj.get("phenomenonTime"), source)
    return Observation(obj.get("@iot.id"), start, end, obj.get("result"))


def parse_observations(items: List[Any], source: str = "",
                       skipped: Optional[List[str]] = None) -> List[Observation]:
    """Parse what can be parsed; broken ones and ones without result are skipped and named
    in ``skipped`` (for the log), never a crash."""
    out = []
    for item in items:
        try:
            obs = parse_observation(item, source)
        except ParseError as err:
            if skipped is not None:
                skipped.append(err.user_message)
            continue
        if obs.result is None:
            if skipped is not None:
                skipped.append(tr("An observation from {source} has no result.").format(
                    source=source or "?"))
            continue
        out.append(obs)
    return out
