"""GBFS 1.x/2.x and 3.0: auto-discovery, stations (information + status joined),
free-floating vehicles, vehicle types, system information, geofencing zones, ttl.

Fetching is injected (``get_json(url) -> parsed JSON``), so this module stays free of
QGIS: the adapters pass hamm_core's network.fetch_json, tests may pass a dict lookup.
"""

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Dict, List, Optional

from hamm_core.logic.errors import NetworkError

from .errors import FeedError
from .i18n import tr, tr_noop

SUPPORTED_MAJOR = ("1", "2", "3")
DEFAULT_INTERVAL_S = 60
MIN_INTERVAL_S = 10
LANG_ORDER = ("de", "en")

# Availability classes of stations and vehicles (field "zustand"); labels translated later
STATE_OUT = "ausser_betrieb"
STATE_EMPTY = "leer"
STATE_LOW = "wenig"
STATE_OK = "verfuegbar"
STATE_LABELS = {
    STATE_OK: tr_noop("Vehicles available"),
    STATE_LOW: tr_noop("Few vehicles (1-2)"),
    STATE_EMPTY: tr_noop("Empty"),
    STATE_OUT: tr_noop("Out of service"),
}
VEHICLE_FREE = "frei"
VEHICLE_RESERVED = "reserviert"
VEHICLE_DISABLED = "defekt"
VEHICLE_LABELS = {
    VEHICLE_FREE: tr_noop("Available"),
    VEHICLE_RESERVED: tr_noop("Reserved"),
    VEHICLE_DISABLED: tr_noop("Disabled"),
}

ZONE_ALLOWED = "erlaubt"
ZONE_NO_PARKING = "parkverbot"
ZONE_NO_RIDING = "fahrverbot"
ZONE_LABELS = {
    ZONE_ALLOWED: tr_noop("Riding and parking allowed"),
    ZONE_NO_PARKING: tr_noop("No parking"),
    ZONE_NO_RIDING: tr_noop("No riding"),
}

GetJson = Callable[[str], object]
NO_TYPE: Dict[str, object] = {}


@dataclass
class Discovery:
    version: str
    major: int
    feeds: Dict[str, str]
    language: str
    ttl: int


@dataclass
class Snapshot:
    url: str
    version: str
    system: Dict[str, object] = field(default_factory=dict)
    stations: List[dict] = field(default_factory=list)
    vehicles: List[dict] = field(default_factory=list)
    zones: List[dict] = field(default_factory=list)
    vehicle_types: Dict[str, dict] = field(default_factory=dict)
    ttl: Optional[int] = None
    warnings: List[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.system.get("name") or self.system.get("system_id") or self.url)


def _fail(text: str, source: str, detail: str = "") -> FeedError:
    return FeedError(text, detail=detail, source=source)


def text_value(value, language: str = "de") -> str:
    """GBFS 3.0 localized strings ([{text, language}]) or plain 2.x strings -> text."""
    if value is None:
        return ""
    if isinstance(value, list):
        texts = {str(v.get("language", "")): str(v.get("text", "")) for v in value
                 if isinstance(v, dict)}
        for lang in (language,) + LANG_ORDER:
            if lang in texts:
                return texts[lang]
        return next(iter(texts.values()), "")
    return str(value)


def _timestamp(value) -> Optional[int]:
    """POSIX seconds (2.x) or RFC 3339 (3.0) -> POSIX seconds."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    try:
        return int(datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def _version_of(doc: dict, source: str) -> str:
    version = str(doc.get("version", "1.0"))
    major = version.split(".", 1)[0]
    if major not in SUPPORTED_MAJOR:
        raise _fail(tr("The GBFS feed {source} has version {version}; supported are 1.x, 2.x "
                       "and 3.0.").format(source=source, version=version), source)
    return version


def parse_discovery(doc, source: str = "", language: str = "de") -> Discovery:
    """gbfs.json -> feed name -> URL (2.x: per language, 3.0: one list)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("data"), dict):
        raise _fail(tr("{source} is not a GBFS auto-discovery file (gbfs.json): the object "
                       "'data' is missing.").format(source=source or "?"), source)
    version = _version_of(doc, source)
    major = int(version.split(".", 1)[0])
    data = doc["data"]
    lang = ""
    if isinstance(data.get("feeds"), list):
        feeds = data["feeds"]
    else:
        langs = [k for k, v in data.items() if isinstance(v, dict) and "feeds" in v]
        if not langs:
            raise _fail(tr("The GBFS auto-discovery file {source} lists no feeds.").format(
                source=source or "?"), source)
        for lang in (language,) + LANG_ORDER + tuple(langs):
            if lang in langs:
                break
        feeds = data[lang]["feeds"]
    out = {}
    for feed in feeds if isinstance(feeds, list) else []:
        if isinstance(feed, dict) and feed.get("name") and feed.get("url"):
            out[str(feed["name"])] = str(feed["url"])
    if not out:
        raise _fail(tr("The GBFS auto-discovery file {source} lists no feeds.").format(
            source=source or "?"), source)
    return Discovery(version, major, out, lang, _ttl(doc))


def _ttl(doc) -> Optional[int]:
    ttl = doc.get("ttl") if isinstance(doc, dict) else None
    return int(ttl) if isinstance(ttl, (int, float)) and not isinstance(ttl, bool) else None


def _data_list(doc, key: str, source: str) -> list:
    data = doc.get("data") if isinstance(doc, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise _fail(tr("The GBFS file {source} has no list 'data.{key}'.").format(
            source=source, key=key), source)
    return data[key]


def valid_lonlat(lon, lat) -> bool:
    try:
        lon, lat = float(lon), float(lat)
    except (TypeError, ValueError):
        return False
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return False
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        return False
    return not (lon == 0.0 and lat == 0.0)


def station_state(rec: dict) -> str:
    if rec.get("verleih") is False or rec.get("installiert") is False:
        return STATE_OUT
    n = rec.get("fahrzeuge")
    if n is None:
        return STATE_OUT
    if n <= 0:
        return STATE_EMPTY
    return STATE_LOW if n <= 2 else STATE_OK


def _bool(value) -> Optional[bool]:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    return str(value).lower() in ("true", "1", "yes")


def _int(value) -> Optional[int]:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float(value) -> Optional[float]:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def parse_stations(info_doc, status_doc, language: str = "de", source: str = "",
                   warnings: Optional[List[str]] = None) -> List[dict]:
    """station_information joined with station_status by station_id."""
    warnings = warnings if warnings is not None else []
    status = {}
    if status_doc is not None:
        for s in _data_list(status_doc, "stations", source + " station_status"):
            if isinstance(s, dict) and "station_id" in s:
                status[str(s["station_id"])] = s
    out = []
    bad = 0
    for st in _data_list(info_doc, "stations", source + " station_information"):
        if not isinstance(st, dict) or "station_id" not in st:
            bad += 1
            continue
        if not valid_lonlat(st.get("lon"), st.get("lat")):
            bad += 1
            continue
        sid = str(st["station_id"])
        s = status.get(sid, {})
        vehicles = s.get("num_vehicles_available", s.get("num_bikes_available"))
        types = s.get("vehicle_types_available") or []
        rec = {
            "station_id": sid,
            "name": text_value(st.get("name"), language),
            "lon": float(st["lon"]),
            "lat": float(st["lat"]),
            "adresse": str(st.get("address") or ""),
            "kapazitaet": _int(st.get("capacity")),
            "fahrzeuge": _int(vehicles),
            "freie_plaetze": _int(s.get("num_docks_available")),
            "defekt": _int(s.get("num_vehicles_disabled", s.get("num_bikes_disabled"))),
            "verleih": _bool(s.get("is_renting")),
            "rueckgabe": _bool(s.get("is_returning")),
            "installiert": _bool(s.get("is_installed")),
            "letzte_meldung": _timestamp(s.get("last_reported")),
            "typen": ", ".join("{}:{}".format(t.get("vehicle_type_id"), t.get("count"))
                               for t in types if isinstance(t, dict)),
            "mit_status": bool(s),
        }
        rec["zustand"] = station_state(rec)
        out.append(rec)
    if bad:
        warnings.append(tr("{n} stations without valid coordinates or id were skipped.")
                        .format(n=bad))
    missing = sum(1 for r in out if not r["mit_status"])
    if status_doc is not None and missing:
        warnings.append(tr("{n} stations have no status in station_status.").format(n=missing))
    return out


def parse_vehicles(doc, major: int, vehicle_types: Dict[str, dict], source: str = "",
                   warnings: Optional[List[str]] = None, language: str = "de") -> List[dict]:
    """free_bike_status (1.x/2.x, 'bikes') or vehicle_status (3.0, 'vehicles')."""
    warnings = warnings if warnings is not None else []
    key = "vehicles" if major >= 3 else "bikes"
    data = doc.get("data") if isinstance(doc, dict) else None
    if isinstance(data, dict) and key not in data:  # tolerate the other version's key
        key = "bikes" if key == "vehicles" else "vehicles"
    items = _data_list(doc, key, source)
    out = []
    bad = 0
    for v in items:
        if not isinstance(v, dict):
            bad += 1
            continue
        get = v.get
        vid = get("vehicle_id", get("bike_id"))
        lon, lat = get("lon"), get("lat")
        # quick check of the usual case (two finite floats), else the full one
        if vid is None or not ((lon.__class__ is float and lat.__class__ is float and
                                -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0 and
                                not (lon == 0.0 and lat == 0.0))
                               or valid_lonlat(lon, lat)):
            # 3.0: vehicles parked at a station carry no coordinates
            if vid is not None and get("station_id") is not None:
                continue
            bad += 1
            continue
        vtype = get("vehicle_type_id")
        vtype = vtype if vtype.__class__ is str else str(vtype or "")
        tinfo = vehicle_types.get(vtype, NO_TYPE)
        reserved, disabled = get("is_reserved"), get("is_disabled")
        reserved = reserved if reserved.__class__ is bool else _bool(reserved)
        disabled = disabled if disabled.__class__ is bool else _bool(disabled)
        meters, percent = get("current_range_meters"), get("current_fuel_percent")
        reported, station = get("last_reported"), get("station_id")
        out.append({
            "fahrzeug_id": vid if vid.__class__ is str else str(vid),
            "lon": float(lon),
            "lat": float(lat),
            "typ_id": vtype,
            "typ": tinfo.get("name", ""),
            "bauform": tinfo.get("form_factor", ""),
            "antrieb": tinfo.get("propulsion_type", ""),
            "reichweite_m": meters if meters.__class__ is float else _float(meters),
            "ladung_pct": percent if percent.__class__ is float else _float(percent),
            "reserviert": reserved,
            "defekt": disabled,
            "station_id": station if station.__class__ is str and station else
            str(station or ""),
            "letzte_meldung": None if reported is None else _timestamp(reported),
            "zustand": VEHICLE_DISABLED if disabled else
            VEHICLE_RESERVED if reserved else VEHICLE_FREE,
        })
    if bad:
        warnings.append(tr("{n} vehicles without valid coordinates or id were skipped.")
                        .format(n=bad))
    return out


def parse_vehicle_types(doc, language: str = "de", source: str = "") -> Dict[str, dict]:
    out = {}
    for t in _data_list(doc, "vehicle_types", source):
        if isinstance(t, dict) and "vehicle_type_id" in t:
            out[str(t["vehicle_type_id"])] = {
                "name": text_value(t.get("name"), language),
                "form_factor": str(t.get("form_factor") or ""),
                "propulsion_type": str(t.get("propulsion_type") or ""),
                "max_range_meters": _float(t.get("max_range_meters")),
            }
    return out


def parse_system(doc, language: str = "de", source: str = "") -> Dict[str, object]:
    data = doc.get("data") if isinstance(doc, dict) else None
    if not isinstance(data, dict) or "system_id" not in data:
        raise _fail(tr("The GBFS file {source} has no system_id in system_information.")
                    .format(source=source), source)
    return {"system_id": str(data["system_id"]),
            "name": text_value(data.get("name"), language),
            "operator": text_value(data.get("operator"), language),
            "timezone": str(data.get("timezone") or ""),
            "url": str(data.get("url") or "")}


def parse_zones(doc, source: str = "", language: str = "de") -> List[dict]:
    """geofencing_zones: GeoJSON (Multi)Polygons with their rules flattened to fields."""
    data = doc.get("data") if isinstance(doc, dict) else None
    fc = data.get("geofencing_zones") if isinstance(data, dict) else None
    if not isinstance(fc, dict) or not isinstance(fc.get("features"), list):
        raise _fail(tr("The GBFS file {source} has no GeoJSON FeatureCollection "
                       "'data.geofencing_zones'.").format(source=source), source)
    out = []
    for f in fc["features"]:
        geom = f.get("geometry") if isinstance(f, dict) else None
        if not isinstance(geom, dict) or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        props = f.get("properties") or {}
        rules = props.get("rules") or [{}]
        rule = rules[0] if rules and isinstance(rules[0], dict) else {}
        start_allowed = rule.get("ride_start_allowed", rule.get("ride_allowed"))
        end_allowed = rule.get("ride_end_allowed", rule.get("ride_allowed"))
        through = rule.get("ride_through_allowed")
        types = rule.get("vehicle_type_ids", rule.get("vehicle_type_id")) or []
        if start_allowed is False and end_allowed is False and through is False:
            regel = ZONE_NO_RIDING
        elif end_allowed is False:
            regel = ZONE_NO_PARKING
        else:
            regel = ZONE_ALLOWED
        out.append({
            "geometry": geom,
            "regel": regel,
            "name": text_value(props.get("name"), language),
            "fahrt_start": _bool(start_allowed),
            "fahrt_ende": _bool(end_allowed),
            "durchfahrt": _bool(through),
            "max_kmh": _float(rule.get("maximum_speed_kph")),
            "nur_station": _bool(rule.get("station_parking")),
            "typen": ", ".join(str(t) for t in types),
        })
    return out


def refresh_interval(ttl: Optional[int], user_interval_s: int = 0) -> int:
    """Seconds until the next refresh: the user's interval, else the feed's ttl (ttl 0 =
    'refresh any time': the default), never below MIN_INTERVAL_S."""
    if user_interval_s and user_interval_s > 0:
        return max(MIN_INTERVAL_S, int(user_interval_s))
    if ttl is None or ttl <= 0:
        return DEFAULT_INTERVAL_S
    return max(MIN_INTERVAL_S, int(ttl))


def _optional(get_json: GetJson, url: str, name: str, warnings: List[str]):
    try:
        return get_json(url)
    except (NetworkError, FeedError) as err:
        warnings.append(tr("Optional GBFS file {name} could not be read: {error}").format(
            name=name, error=err.user_message))
        return None


def load_system(url: str, get_json: GetJson, language: str = "de",
                discovery: Optional[Discovery] = None) -> Snapshot:
    """Read a whole system from its gbfs.json (or a known discovery, for refreshes)."""
    disc = discovery or parse_discovery(get_json(url), url, language)
    feeds = disc.feeds
    if "system_information" not in feeds:
        raise _fail(tr("The GBFS feed {source} lacks the required file system_information.")
                    .format(source=url), url)
    has_stations = "station_information" in feeds
    vehicle_key = "vehicle_status" if "vehicle_status" in feeds else "free_bike_status"
    has_vehicles = vehicle_key in feeds
    if not has_stations and not has_vehicles:
        raise _fail(tr("The GBFS feed {source} lists neither stations (station_information) "
                       "nor vehicles (free_bike_status / vehicle_status).").format(source=url),
                    url)
    if has_stations and "station_status" not in feeds:
        raise _fail(tr("The GBFS feed {source} lists station_information but not the "
                       "required station_status.").format(source=url), url)
    lang = disc.language or language
    snap = Snapshot(url, disc.version)
    ttls = []

    def get(name):
        doc = get_json(feeds[name])
        ttl = _ttl(doc)
        if ttl is not None and name in ("station_status", "free_bike_status",
                                        "vehicle_status"):
            ttls.append(ttl)
        return doc

    snap.system = parse_system(get("system_information"), lang, feeds["system_information"])
    if "vehicle_types" in feeds:
        doc = _optional(get, "vehicle_types", "vehicle_types", snap.warnings)
        if doc is not None:
            snap.vehicle_types = parse_vehicle_types(doc, lang, feeds["vehicle_types"])
    if has_stations:
        snap.stations = parse_stations(get("station_information"), get("station_status"),
                                       lang, feeds["station_information"], snap.warnings)
    if has_vehicles:
        snap.vehicles = parse_vehicles(get(vehicle_key), disc.major, snap.vehicle_types,
                                       feeds[vehicle_key], snap.warnings, lang)
    if "geofencing_zones" in feeds:
        doc = _optional(get, "geofencing_zones", "geofencing_zones", snap.warnings)
        if doc is not None:
            snap.zones = parse_zones(doc, feeds["geofencing_zones"], lang)
    snap.ttl = min(ttls) if ttls else disc.ttl
    return snap
