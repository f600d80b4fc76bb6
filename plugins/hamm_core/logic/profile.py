"""City profile: a small JSON document that says which city the suite serves.

A profile names the city, its CRS and extent, the services of its catalog and its
districts. Hamm ships as the default (profiles/hamm.json). An administrator ships another
city, or local overrides, as a JSON file without touching code; a profile may say
``"extends": "hamm"`` (a shipped profile id or a path) and then lists only what differs.
Keys: see README ("Stadtprofil / city profile").
"""

import json
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from .errors import ProfileError
from .i18n import tr

PROFILE_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "profiles")

# Service types the core can add as layers; tool plugins may use further types
# (STA, MQTT, GBFS, GTFS, GTFS-RT ...) which the profile keeps as they are.
LAYER_SERVICE_TYPES = ("WMS", "WMTS", "WFS", "WCS", "OAPIF", "XYZ")


@dataclass
class Service:
    id: str
    type: str
    url: str
    title: Dict[str, str]
    layers: List[str] = field(default_factory=list)
    group: str = ""
    authcfg: str = ""
    options: Dict[str, Any] = field(default_factory=dict)

    def title_for(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.title.get("de") or self.id


@dataclass
class District:
    id: str
    name: str
    wkt: str = ""


@dataclass
class CityProfile:
    id: str
    name: str
    crs: str
    extent: Tuple[float, float, float, float]
    services: List[Service]
    districts: List[District]
    source: str = ""
    notes: str = ""
    raw: Dict[str, Any] = field(default_factory=dict)

    def service(self, service_id: str) -> Optional[Service]:
        for svc in self.services:
            if svc.id == service_id:
                return svc
        return None

    def services_of_type(self, *types: str) -> List[Service]:
        wanted = {t.upper() for t in types}
        return [s for s in self.services if s.type.upper() in wanted]

    def district(self, key: str) -> Optional[District]:
        for d in self.districts:
            if key in (d.id, d.name):
                return d
        return None


def _fail(source: str, what: str) -> ProfileError:
    return ProfileError(
        tr("The city profile {source} is not usable: {what}").format(source=source, what=what))


def _read_json(path: str) -> Dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            data = json.loads(fh.read().decode("utf-8-sig"))
    except FileNotFoundError as exc:
        raise _fail(path, tr("the file does not exist.")) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, str(exc)) from exc
    except json.JSONDecodeError as exc:
        raise _fail(path, tr("broken JSON at line {line}, column {col}.").format(
            line=exc.lineno, col=exc.colno)) from exc
    if not isinstance(data, dict):
        raise _fail(path, tr("the document is not a JSON object."))
    return data


def _resolve_parent(ref: str, child_path: str) -> str:
    if ref.endswith(".json") or os.sep in ref or "/" in ref:
        base = os.path.dirname(os.path.abspath(child_path))
        return ref if os.path.isabs(ref) else os.path.join(base, ref)
    return os.path.join(PROFILE_DIR, ref + ".json")


def merge(parent: Dict[str, Any], child: Dict[str, Any]) -> Dict[str, Any]:
    """Child keys replace parent keys; services and districts merge by id."""
    out = dict(parent)
    for key, value in child.items():
        if key in ("services", "districts") and isinstance(value, list):
            by_id = {item.get("id"): item for item in parent.get(key, []) if isinstance(item, dict)}
            order = [item.get("id") for item in parent.get(key, []) if isinstance(item, dict)]
            for item in value:
                if not isinstance(item, dict):
                    continue
                if item.get("remove"):
                    by_id.pop(item.get("id"), None)
                    continue
                if item.get("id") not in by_id:
                    order.append(item.get("id"))
                by_id[item.get("id")] = {**by_id.get(item.get("id"), {}), **item}
            out[key] = [by_id[i] for i in order if i in by_id]
        elif key != "extends":
            out[key] = value
    return out


def load_raw(path: str, _depth: int = 0) -> Dict[str, Any]:
    if _depth > 5:
        raise _fail(path, tr("'extends' nests too deeply (a loop?)."))
    data = _read_json(path)
    parent_ref = data.get("extends")
    if parent_ref:
        parent = load_raw(_resolve_parent(str(parent_ref), path), _depth + 1)
        data = merge(parent, data)
    return data


def from_dict(data: Dict[str, Any], source: str = "") -> CityProfile:
    for key in ("id", "name", "crs", "extent"):
        if key not in data:
            raise _fail(source, tr("the key '{key}' is missing.").format(key=key))
    crs = str(data["crs"])
    if not crs.upper().startswith("EPSG:"):
        raise _fail(source, tr("'crs' must be an EPSG code such as EPSG:25832."))
    extent = data["extent"]
    try:
        xmin, ymin, xmax, ymax = (float(v) for v in extent)
    except (TypeError, ValueError) as exc:
        raise _fail(source, tr("'extent' must be four numbers: xmin, ymin, xmax, ymax.")) from exc
    if not (xmin < xmax and ymin < ymax):
        raise _fail(source, tr("'extent' is empty or inverted."))
    services = []
    seen = set()
    for i, item in enumerate(data.get("services", [])):
        if not isinstance(item, dict) or not item.get("id") or not item.get("url") \
                or not item.get("type"):
            raise _fail(source, tr("service no. {n} needs 'id', 'type' and 'url'.").format(n=i + 1))
        if item["id"] in seen:
            raise _fail(source, tr("the service id '{id}' occurs twice.").format(id=item["id"]))
        seen.add(item["id"])
        title = item.get("title") or {}
        if isinstance(title, str):
            title = {"de": title, "en": title}
        layers = item.get("layers") or []
        if isinstance(layers, str):
            layers = [layers]
        known = {"id", "type", "url", "title", "layers", "group", "authcfg"}
        services.append(Service(
            id=str(item["id"]), type=str(item["type"]).upper(), url=str(item["url"]),
            title=dict(title), layers=[str(x) for x in layers], group=str(item.get("group", "")),
            authcfg=str(item.get("authcfg", "")),
            options={k: v for k, v in item.items() if k not in known}))
    districts = []
    for i, item in enumerate(data.get("districts", [])):
        if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
            raise _fail(source, tr("district no. {n} needs 'id' and 'name'.").format(n=i + 1))
        districts.append(District(id=str(item["id"]), name=str(item["name"]),
                                  wkt=str(item.get("wkt", ""))))
    return CityProfile(id=str(data["id"]), name=str(data["name"]), crs=crs.upper(),
                       extent=(xmin, ymin, xmax, ymax), services=services,
                       districts=districts, source=source, notes=str(data.get("notes", "")),
                       raw=data)


def load_profile(path: str) -> CityProfile:
    """Load and validate a profile file (following ``extends``)."""
    return from_dict(load_raw(path), source=path)


def shipped_profile_path(profile_id: str = "hamm") -> str:
    return os.path.join(PROFILE_DIR, profile_id + ".json")


def find_profile_path(setting_path: str = "", env: Optional[Dict[str, str]] = None,
                      user_dir: str = "") -> str:
    """Which profile file is in force, in this order: the setting, the environment
    variable DIGITALES_HAMM_PROFILE, ``<user_dir>/profile.json`` (an admin can roll that
    file out to every desktop profile), the shipped Hamm profile."""
    env = os.environ if env is None else env
    for candidate in (setting_path, env.get("DIGITALES_HAMM_PROFILE", "")):
        if candidate:
            return candidate
    if user_dir:
        candidate = os.path.join(user_dir, "profile.json")
        if os.path.exists(candidate):
            return candidate
    return shipped_profile_path("hamm")
