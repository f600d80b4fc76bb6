"""Parking facilities with live occupancy: DATEX II v2 and v3 XML, and a simple JSON form.

DATEX II (CEN/TS 16157, parking publications; element names after the published
schemas at docs.datex2.eu):

- v2.x (namespace http://datex2.eu/schema/2/2_0): ``d2LogicalModel/payloadPublication``
  with ``xsi:type="ParkingFacilityTablePublication"`` (static: ``parkingFacilityTable/
  parkingFacility[@id]`` with ``parkingFacilityName``, ``totalParkingCapacity``,
  ``facilityLocation`` … ``latitude``/``longitude``) and
  ``xsi:type="ParkingFacilityTableStatusPublication"`` (dynamic: ``parkingFacilityStatus``
  with ``parkingFacilityReference[@id]``, ``totalNumberOfOccupiedParkingSpaces``,
  ``totalNumberOfVacantParkingSpaces``, ``parkingFacilityOccupancy`` (percent),
  ``parkingFacilityStatus`` (open, closed, full …), ``parkingFacilityStatusTime``).
- v3 (namespace http://datex2.eu/schema/3/parking): ``ParkingTablePublication/
  parkingTable/parkingRecord[@id]`` (``parkingName/values/value``,
  ``parkingNumberOfSpaces``, ``parkingLocation`` … ``latitude``/``longitude``) and
  ``ParkingStatusPublication/parkingRecordStatus`` (``parkingRecordReference[@id]``,
  ``parkingOccupancy/parkingNumberOfOccupiedSpaces``, ``parkingNumberOfVacantSpaces``,
  ``parkingOccupancy``; ``parkingSiteStatus``; ``parkingStatusOriginTime``).

Elements are matched by local name, so the namespace prefixes a publisher chooses do not
matter. The JSON form (documented in the algorithm help)::

    {"parkings": [{"id": "P1", "name": "Parkhaus Mitte", "lat": 51.68, "lon": 7.82,
                   "capacity": 420, "free": 97, "status": "open",
                   "updated": "2024-06-01T12:00:00+02:00"}]}
"""

from typing import Dict, Iterable, List, Optional

from hamm_core.logic.jsonutil import parse_json
from hamm_core.logic.safexml import local_name, parse_xml

from .errors import FeedError
from .gbfs import valid_lonlat
from .i18n import tr, tr_noop

STATE_FREE = "frei"
STATE_ALMOST_FULL = "fast_voll"
STATE_FULL = "voll"
STATE_CLOSED = "geschlossen"
STATE_UNKNOWN = "unbekannt"
STATE_LABELS = {STATE_FREE: tr_noop("Spaces free"),
                STATE_ALMOST_FULL: tr_noop("Almost full (90 % or more)"),
                STATE_FULL: tr_noop("Full"), STATE_CLOSED: tr_noop("Closed"),
                STATE_UNKNOWN: tr_noop("No live data")}
ALMOST_FULL_PCT = 90.0

CLOSED_WORDS = {"closed", "closedabnormal", "closedbecauseoffull", "geschlossen"}
FULL_WORDS = {"full", "fullatentrance", "voll", "nospacesavailable"}


def _fail(text: str, source: str, detail: str = "") -> FeedError:
    return FeedError(text, detail=detail, source=source)


_LOCALS: Dict[object, str] = {}  # tag with namespace -> local name (a few dozen tags)


def _local(tag) -> str:
    name = _LOCALS.get(tag)
    if name is None:
        name = tag[tag.rfind("}") + 1:] if isinstance(tag, str) else ""
        if len(_LOCALS) < 10000:
            _LOCALS[tag] = name
    return name


def _children(el, name: str):
    return [c for c in el if _local(c.tag) == name]


def _named(el, name: str):
    """Descendants (and ``el``) with the local name ``name``, in document order."""
    names = _LOCALS
    out = []
    for c in el.iter():
        found = names.get(c.tag)
        if found is None:
            found = _local(c.tag)
        if found == name:
            out.append(c)
    return out


def _index(el) -> Dict[str, object]:
    """Local name -> first descendant element of that name (document order), built in one
    pass over the record instead of one search per field."""
    out: Dict[str, object] = {}
    names = _LOCALS
    it = el.iter()
    next(it)  # the element itself
    for c in it:
        name = names.get(c.tag)
        if name is None:
            name = _local(c.tag)
        if name not in out:
            out[name] = c
    return out


def _text(idx: Dict[str, object], name: str) -> str:
    found = idx.get(name)
    return (found.text or "").strip() if found is not None else ""


def _multilingual(idx: Dict[str, object], name: str, language: str = "de") -> str:
    """Text of a plain or multilingual element (``values/value[@lang]``)."""
    found = idx.get(name)
    if found is None:
        return ""
    values = [v for v in found.iter() if _local(v.tag) == "value"]
    if not values:
        return (found.text or "").strip()
    for v in values:
        if (v.get("lang") or "").lower().startswith(language):
            return (v.text or "").strip()
    return (values[0].text or "").strip()


def _num(text: str) -> Optional[float]:
    if text is None or str(text).strip() == "":
        return None
    try:
        return float(str(text).strip().replace(",", "."))
    except ValueError:
        return None


def _int(text) -> Optional[int]:
    value = _num(text) if not isinstance(text, (int, float)) else float(text)
    return int(round(value)) if value is not None else None


def _xsi_type(el) -> str:
    for key, value in el.attrib.items():
        if _local(key) == "type":
            return value.rsplit(":", 1)[-1]
    return ""


def state_of(rec: dict) -> str:
    status = (rec.get("status") or "").replace("_", "").replace(" ", "").lower()
    if status in CLOSED_WORDS:
        return STATE_CLOSED
    if status in FULL_WORDS:
        return STATE_FULL
    pct = rec.get("belegung_pct")
    if rec.get("frei") is None and pct is None:
        return STATE_UNKNOWN
    if rec.get("frei") is not None and rec["frei"] <= 0:
        return STATE_FULL
    if pct is not None and pct >= 100.0:
        return STATE_FULL
    if pct is not None and pct >= ALMOST_FULL_PCT:
        return STATE_ALMOST_FULL
    return STATE_FREE


def complete(rec: dict) -> dict:
    """Fill what follows from the rest: free from capacity and occupied and back,
    occupancy in percent, the state."""
    cap, occ, free = rec.get("kapazitaet"), rec.get("belegt"), rec.get("frei")
    if free is None and cap is not None and occ is not None:
        free = max(0, cap - occ)
    if occ is None and cap is not None and free is not None:
        occ = max(0, cap - free)
    if cap is None and occ is not None and free is not None:
        cap = occ + free
    rec["kapazitaet"], rec["belegt"], rec["frei"] = cap, occ, free
    if rec.get("belegung_pct") is None and cap and occ is not None:
        rec["belegung_pct"] = round(100.0 * occ / cap, 1)
    rec["zustand"] = state_of(rec)
    return rec


class ParkingData:
    """Static records and live status, merged by facility id."""

    def __init__(self):
        self.static: Dict[str, dict] = {}
        self.status: Dict[str, dict] = {}
        self.version = ""
        self.warnings: List[str] = []

    def records(self) -> List[dict]:
        out = []
        unknown = [k for k in self.status if k not in self.static]
        if unknown:
            self.warnings.append(tr("{n} status records refer to parking facilities that "
                                    "are not in the table publication (e.g. '{id}'); they "
                                    "have no location and were skipped.").format(
                n=len(unknown), id=unknown[0]))
        for pid, base in self.static.items():
            rec = dict(base)
            live = self.status.get(pid, {})
            for key, value in live.items():
                if value is not None and value != "":
                    rec[key] = value
            if "kapazitaet_live" in rec and rec["kapazitaet_live"] is not None:
                rec["kapazitaet"] = rec.pop("kapazitaet_live")
            rec.pop("kapazitaet_live", None)
            out.append(complete(rec))
        return out


def _location(idx, source: str, pid: str, warnings: List[str]):
    lat, lon = _num(_text(idx, "latitude")), _num(_text(idx, "longitude"))
    if lat is None or lon is None or not valid_lonlat(lon, lat):
        warnings.append(tr("The parking facility '{id}' in {source} has no valid "
                           "coordinates and was skipped.").format(id=pid, source=source))
        return None
    return lat, lon


def _v2_table(pub, data: ParkingData, source: str) -> None:
    facilities = [e for e in _named(pub, "parkingFacility") if e.get("id")]
    for fac in facilities:
        pid = fac.get("id")
        idx = _index(fac)
        where = _location(idx, source, pid, data.warnings)
        if where is None:
            continue
        data.static[pid] = {
            "park_id": pid, "name": _multilingual(idx, "parkingFacilityName") or pid,
            "lat": where[0], "lon": where[1],
            "kapazitaet": _int(_text(idx, "totalParkingCapacity")),
            "quelle": "DATEX II " + (data.version or "2")}


def _v2_status(pub, data: ParkingData, source: str) -> None:
    for st in _named(pub, "parkingFacilityStatus"):
        if not len(st):
            continue  # the container, not the enumeration value inside it
        idx = _index(st)
        ref = idx.get("parkingFacilityReference")
        if ref is None or not ref.get("id"):
            data.warnings.append(tr("A status record in {source} has no "
                                    "parkingFacilityReference and was skipped.").format(
                source=source))
            continue
        enums = [(c.text or "").strip() for c in _children(st, "parkingFacilityStatus")]
        data.status[ref.get("id")] = {
            "belegt": _int(_text(idx, "totalNumberOfOccupiedParkingSpaces")),
            "frei": _int(_text(idx, "totalNumberOfVacantParkingSpaces")),
            "belegung_pct": _num(_text(idx, "parkingFacilityOccupancy")),
            "kapazitaet_live": _int(_text(idx, "totalParkingCapacityOverride")),
            "status": next((e for e in enums if e), ""),
            "status_zeit": _text(idx, "parkingFacilityStatusTime")}


def _v3_table(pub, data: ParkingData, source: str) -> None:
    for rec in _named(pub, "parkingRecord"):
        if not rec.get("id"):
            continue
        pid = rec.get("id")
        idx = _index(rec)
        where = _location(idx, source, pid, data.warnings)
        if where is None:
            continue
        data.static[pid] = {
            "park_id": pid, "name": _multilingual(idx, "parkingName") or pid,
            "lat": where[0], "lon": where[1],
            "kapazitaet": _int(_text(idx, "parkingNumberOfSpaces")),
            "quelle": "DATEX II 3"}


def _v3_status(pub, data: ParkingData, source: str) -> None:
    for st in _named(pub, "parkingRecordStatus"):
        idx = _index(st)
        ref = idx.get("parkingRecordReference")
        if ref is None or not ref.get("id"):
            data.warnings.append(tr("A status record in {source} has no "
                                    "parkingRecordReference and was skipped.").format(
                source=source))
            continue
        occ = idx.get("parkingOccupancy")  # the container; the percentage is inside it
        pct = None
        if occ is not None:
            inner = _children(occ, "parkingOccupancy")
            pct = _num(inner[0].text if inner else "")
        data.status[ref.get("id")] = {
            "belegt": _int(_text(idx, "parkingNumberOfOccupiedSpaces")),
            "frei": _int(_text(idx, "parkingNumberOfVacantSpaces")),
            "belegung_pct": pct,
            "status": _text(idx, "parkingSiteStatus"),
            "status_zeit": _text(idx, "parkingStatusOriginTime")}


def read_datex(content: bytes, source: str = "", data: Optional[ParkingData] = None
               ) -> ParkingData:
    """Add one DATEX II document (v2 or v3; table or status) to ``data``."""
    data = data or ParkingData()
    root = parse_xml(content, source)
    found = False
    # a publication is the root, a child of it (v2 payloadPublication, v3 payload) or a
    # grandchild (v3 messageContainer/payload inside an exchange wrapper)
    top = [root] + list(root) + [g for c in root for g in c]
    for el in top:
        name, xtype = _local(el.tag), _xsi_type(el)
        # v2: payloadPublication xsi:type=...; v3: messageContainer/payload xsi:type=...,
        # or the publication element itself as the root
        kind = xtype if xtype.endswith("Publication") else name[:1].upper() + name[1:]
        if kind == "ParkingFacilityTablePublication":
            data.version = data.version or "2"
            _v2_table(el, data, source)
        elif kind == "ParkingFacilityTableStatusPublication":
            data.version = data.version or "2"
            _v2_status(el, data, source)
        elif kind == "ParkingTablePublication":
            data.version = "3"
            _v3_table(el, data, source)
        elif kind == "ParkingStatusPublication":
            data.version = "3"
            _v3_status(el, data, source)
        else:
            continue
        found = True
    if not found:
        raise _fail(tr("The document from {source} is not a DATEX II parking publication "
                       "(expected ParkingFacilityTablePublication, "
                       "ParkingFacilityTableStatusPublication, ParkingTablePublication or "
                       "ParkingStatusPublication).").format(source=source or "?"),
                    source, local_name(root.tag))
    return data


def read_json(content, source: str = "", data: Optional[ParkingData] = None) -> ParkingData:
    """The simple JSON form (see the module doc)."""
    data = data or ParkingData()
    doc = parse_json(content, source)
    items = doc.get("parkings") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        raise _fail(tr("The parking document from {source} has no list 'parkings'.").format(
            source=source or "?"), source)
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("id"):
            data.warnings.append(tr("Parking entry {n} in {source} has no 'id' and was "
                                    "skipped.").format(n=i + 1, source=source))
            continue
        pid = str(item["id"])
        lat, lon = _num(item.get("lat")), _num(item.get("lon"))
        if lat is None or lon is None or not valid_lonlat(lon, lat):
            data.warnings.append(tr("The parking facility '{id}' in {source} has no valid "
                                    "coordinates and was skipped.").format(id=pid,
                                                                          source=source))
            continue
        data.static[pid] = {"park_id": pid, "name": str(item.get("name") or pid),
                            "lat": lat, "lon": lon, "kapazitaet": _int(item.get("capacity")),
                            "quelle": "JSON"}
        data.status[pid] = {"frei": _int(item.get("free")),
                            "belegt": _int(item.get("occupied")),
                            "status": str(item.get("status") or ""),
                            "status_zeit": str(item.get("updated") or "")}
    return data


def read_any(documents: Iterable, data: Optional[ParkingData] = None) -> ParkingData:
    """documents: (content bytes, source) pairs, DATEX II XML or the JSON form, any order."""
    data = data or ParkingData()
    for content, source in documents:
        head = bytes(content[:200]).lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith((b"{", b"[")):
            read_json(content, source, data)
        else:
            read_datex(content, source, data)
    if not data.static:
        raise _fail(tr("No parking facility with a location was found. DATEX II status "
                       "publications need the table publication (the static part) as well; "
                       "give both addresses."), "")
    return data
