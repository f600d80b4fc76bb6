"""The entity browser's model: Things, Locations, Datastreams, ObservedProperties and
Sensors of a SensorThings API as rows, filtered by observed property, area and text."""

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Set

from hamm_core.logic.i18n import tr_noop

from .client import StaClient, complete_expanded
from .model import parse_location
from .sta_url import Query

THINGS, LOCATIONS, DATASTREAMS, PROPERTIES, SENSORS = (
    "Things", "Locations", "Datastreams", "ObservedProperties", "Sensors")
KINDS = [(DATASTREAMS, tr_noop("Datastreams")), (THINGS, tr_noop("Things")),
         (LOCATIONS, tr_noop("Locations")), (PROPERTIES, tr_noop("Observed properties")),
         (SENSORS, tr_noop("Sensors"))]


@dataclass
class EntityRow:
    kind: str
    id: Any
    name: str
    description: str = ""
    detail: str = ""  # unit, thing name, encoding ... (shown and searched)
    lon: Optional[float] = None
    lat: Optional[float] = None
    props: Set[str] = field(default_factory=set)
    datastream_ids: List[Any] = field(default_factory=list)

    def text(self) -> str:
        return " ".join([self.name, self.description, self.detail,
                         " ".join(sorted(self.props))]).lower()


@dataclass
class Catalog:
    rows: Dict[str, List[EntityRow]] = field(default_factory=dict)
    warnings: List[str] = field(default_factory=list)

    def properties(self) -> List[str]:
        return sorted({r.name for r in self.rows.get(PROPERTIES, [])})


def load_catalog(client: StaClient) -> Catalog:
    """Read all five entity sets (with the links between them) through ``client``."""
    datastreams = client.datastreams()
    cat = Catalog()
    by_thing: Dict[Any, List] = {}
    for ds in datastreams:
        if ds.thing is not None:
            by_thing.setdefault(ds.thing.id, []).append(ds)
    ds_rows = []
    for ds in datastreams:
        pos = ds.thing.position if ds.thing is not None else None
        thing = ds.thing.name if ds.thing is not None else ""
        ds_rows.append(EntityRow(DATASTREAMS, ds.id, ds.name, "", "{} · {}".format(
            thing, ds.unit_symbol or ds.unit_name), pos[0] if pos else None,
            pos[1] if pos else None, {ds.observed_property} if ds.observed_property else set(),
            [ds.id]))
    cat.rows[DATASTREAMS] = ds_rows
    things, seen = [], set()
    for ds in datastreams:
        t = ds.thing
        if t is None or t.id in seen:
            continue
        seen.add(t.id)
        pos = t.position
        streams = by_thing.get(t.id, [])
        things.append(EntityRow(THINGS, t.id, t.name, t.description, "", pos[0] if pos else None,
                                pos[1] if pos else None,
                                {d.observed_property for d in streams if d.observed_property},
                                [d.id for d in streams]))
    cat.rows[THINGS] = things
    # Locations with their Things, ObservedProperties and Sensors with their Datastreams
    ds_by_id = {ds.id: ds for ds in datastreams}
    locations = []
    for item in client.collect(LOCATIONS, Query(expand=["Things"])):
        client.warnings.extend(complete_expanded(client.get, item, "Things"))
        loc = parse_location(item, client.base)
        thing_ids = [t.get("@iot.id") for t in item.get("Things") or [] if isinstance(t, dict)]
        streams = [d for tid in thing_ids for d in by_thing.get(tid, [])]
        locations.append(EntityRow(LOCATIONS, loc.id, loc.name, str(item.get("description", "")),
                                   loc.encoding, loc.lon, loc.lat,
                                   {d.observed_property for d in streams if d.observed_property},
                                   [d.id for d in streams]))
    cat.rows[LOCATIONS] = locations
    for kind in (PROPERTIES, SENSORS):
        rows = []
        for item in client.collect(kind, Query(expand=["Datastreams"])):
            client.warnings.extend(complete_expanded(client.get, item, "Datastreams"))
            ids = [d.get("@iot.id") for d in item.get("Datastreams") or [] if isinstance(d, dict)]
            streams = [ds_by_id[i] for i in ids if i in ds_by_id]
            props = {d.observed_property for d in streams if d.observed_property}
            if kind == PROPERTIES:
                props.add(str(item.get("name", "")))
            detail = str(item.get("definition", "") if kind == PROPERTIES
                         else item.get("encodingType", ""))
            rows.append(EntityRow(kind, item.get("@iot.id"), str(item.get("name", "")),
                                  str(item.get("description", "")), detail, None, None, props,
                                  [d.id for d in streams]))
        cat.rows[kind] = rows
    cat.warnings = list(client.warnings)
    return cat


def filter_rows(rows: Sequence[EntityRow], prop: str = "", text: str = "",
                inside: Optional[Callable[[float, float], bool]] = None,
                positions: Optional[Dict[Any, tuple]] = None) -> List[EntityRow]:
    """Rows of the observed property ``prop`` (empty: all), whose text contains every word
    of ``text`` (case-insensitive), and, when ``inside(lon, lat)`` is given, that lie in
    the area: a row without a position of its own is inside when one of its Datastreams'
    positions (``positions``: datastream id -> (lon, lat)) is."""
    words = [w for w in text.lower().split() if w]
    out = []
    for row in rows:
        if prop and prop not in row.props:
            continue
        if words:
            haystack = row.text()
            if not all(w in haystack for w in words):
                continue
        if inside is not None:
            points = []
            if row.lon is not None and row.lat is not None:
                points = [(row.lon, row.lat)]
            elif positions:
                points = [positions[i] for i in row.datastream_ids if i in positions]
            if not any(inside(lon, lat) for lon, lat in points):
                continue
        out.append(row)
    return out


def datastream_positions(catalog: Catalog) -> Dict[Any, tuple]:
    return {r.id: (r.lon, r.lat) for r in catalog.rows.get(DATASTREAMS, [])
            if r.lon is not None and r.lat is not None}


def datastreams_of(rows: Sequence[EntityRow]) -> List[Any]:
    """The Datastream ids behind the selected rows (each once, in order)."""
    out, seen = [], set()
    for row in rows:
        for ds_id in row.datastream_ids:
            if ds_id not in seen:
                seen.add(ds_id)
                out.append(ds_id)
    return out
