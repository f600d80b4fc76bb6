"""EV charging points: OCPI 2.2.1 locations (JSON) and the Bundesnetzagentur
Ladesäulenregister (CSV).

OCPI 2.2.1 (module Locations, github.com/ocpi/ocpi): a response envelope
``{"data": [Location…], "status_code": 1000, …}`` (a bare list is accepted too); a Location
has ``id``, ``name``, ``address``, ``postal_code``, ``city``, ``coordinates``
(``latitude``/``longitude`` as strings), ``operator.name`` and ``evses``; an EVSE has
``uid``, ``evse_id``, ``status`` (AVAILABLE, BLOCKED, CHARGING, INOPERATIVE, OUTOFORDER,
PLANNED, REMOVED, RESERVED, UNKNOWN) and ``connectors`` (``standard`` such as
IEC_62196_T2, ``power_type``, ``max_electric_power`` in W, else ``max_voltage`` x
``max_amperage``).

Ladesäulenregister (bundesnetzagentur.de, E-Mobilität, CC BY 4.0): semicolon separated,
German decimal comma, a few title lines before the header row, Windows-1252 or UTF-8.
Columns used (both the older and the 2024 layout): ``Ladeeinrichtungs-ID`` (newer),
``Betreiber``, ``Straße``, ``Hausnummer``, ``Postleitzahl``, ``Ort``, ``Breitengrad``,
``Längengrad``, ``Inbetriebnahmedatum``, ``Nennleistung Ladeeinrichtung [kW]``,
``Art der Ladeeinrichung``/``Art der Ladeeinrichtung``, ``Anzahl Ladepunkte``,
``Steckertypen1..n``.
"""

import csv
import io
from typing import Dict, List, Optional

from hamm_core.logic.jsonutil import parse_json

from .errors import FeedError
from .gbfs import valid_lonlat
from .i18n import tr, tr_noop

STATE_FREE = "frei"
STATE_BUSY = "belegt"
STATE_FAULT = "gestoert"
STATE_UNKNOWN = "unbekannt"
STATE_LABELS = {STATE_FREE: tr_noop("Charging point free"),
                STATE_BUSY: tr_noop("All charging points in use"),
                STATE_FAULT: tr_noop("Out of order"),
                STATE_UNKNOWN: tr_noop("Status unknown")}
BUSY = {"CHARGING", "BLOCKED", "RESERVED"}
FAULT = {"INOPERATIVE", "OUTOFORDER"}
GONE = {"REMOVED", "PLANNED"}
FAST_KW = 50.0

CHARGING_FIELDS = [("ladestation_id", "str"), ("name", "str"), ("adresse", "str"),
                   ("betreiber", "str"), ("ladepunkte", "int"), ("frei", "int"),
                   ("belegt", "int"), ("gestoert", "int"), ("steckertypen", "str"),
                   ("max_kw", "real"), ("schnelllader", "bool"), ("zustand", "str"),
                   ("inbetriebnahme", "str"), ("quelle", "str")]


def _fail(text: str, source: str, detail: str = "") -> FeedError:
    return FeedError(text, detail=detail, source=source)


def de_float(text) -> Optional[float]:
    """'51,6784' or '51.6784' -> 51.6784; '' -> None."""
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    s = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if not s:
        return None
    if "," in s and "." in s:  # 1.234,5 (thousands dot)
        s = s.replace(".", "")
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _state(free: int, busy: int, fault: int, total: int, known: bool) -> str:
    if not known or total == 0:
        return STATE_UNKNOWN
    if free > 0:
        return STATE_FREE
    if busy > 0:
        return STATE_BUSY
    if fault > 0:
        return STATE_FAULT
    return STATE_UNKNOWN


def _connector_kw(conn: dict) -> Optional[float]:
    power = conn.get("max_electric_power")
    if isinstance(power, (int, float)) and power > 0:
        return power / 1000.0
    volt, amp = conn.get("max_voltage"), conn.get("max_amperage")
    if isinstance(volt, (int, float)) and isinstance(amp, (int, float)) and volt * amp > 0:
        phases = 3 if str(conn.get("power_type", "")).startswith("AC_3") else 1
        return volt * amp * phases / 1000.0
    return None


def parse_ocpi_locations(content, source: str = "",
                         warnings: Optional[List[str]] = None) -> List[dict]:
    warnings = warnings if warnings is not None else []
    doc = parse_json(content, source)
    if isinstance(doc, dict):
        code = doc.get("status_code")
        if isinstance(code, int) and not 1000 <= code < 2000:
            raise _fail(tr("The OCPI server {source} answered with error {code}: "
                           "{message}").format(source=source or "?", code=code,
                                               message=doc.get("status_message", "")), source)
        doc = doc.get("data")
    if isinstance(doc, dict):  # a single location
        doc = [doc]
    if not isinstance(doc, list):
        raise _fail(tr("The document from {source} is not an OCPI locations list "
                       "('data' must be a list of locations).").format(source=source or "?"),
                    source)
    out = []
    for i, loc in enumerate(doc):
        if not isinstance(loc, dict) or not loc.get("id"):
            warnings.append(tr("Location {n} in {source} has no 'id' and was skipped.")
                            .format(n=i + 1, source=source))
            continue
        coords = loc.get("coordinates") or {}
        lat = de_float(coords.get("latitude")) if isinstance(coords, dict) else None
        lon = de_float(coords.get("longitude")) if isinstance(coords, dict) else None
        if lat is None or lon is None or not valid_lonlat(lon, lat):
            warnings.append(tr("The charging location '{id}' in {source} has no valid "
                               "coordinates and was skipped.").format(id=loc["id"],
                                                                     source=source))
            continue
        free = busy = fault = total = 0
        known = False
        plugs, max_kw = [], None
        for evse in loc.get("evses") or []:
            if not isinstance(evse, dict):
                continue
            status = str(evse.get("status") or "UNKNOWN").upper()
            if status in GONE:
                continue
            total += 1
            if status != "UNKNOWN":
                known = True
            free += status == "AVAILABLE"
            busy += status in BUSY
            fault += status in FAULT
            for conn in evse.get("connectors") or []:
                if not isinstance(conn, dict):
                    continue
                std = str(conn.get("standard") or "")
                if std and std not in plugs:
                    plugs.append(std)
                kw = _connector_kw(conn)
                if kw is not None and (max_kw is None or kw > max_kw):
                    max_kw = kw
        address = ", ".join(p for p in (str(loc.get("address") or ""), " ".join(
            p for p in (str(loc.get("postal_code") or ""), str(loc.get("city") or "")) if p))
            if p)
        operator = loc.get("operator") if isinstance(loc.get("operator"), dict) else {}
        out.append({
            "ladestation_id": str(loc["id"]), "name": str(loc.get("name") or loc["id"]),
            "adresse": address, "betreiber": str(operator.get("name") or ""),
            "lat": lat, "lon": lon, "ladepunkte": total, "frei": free, "belegt": busy,
            "gestoert": fault, "steckertypen": ", ".join(plugs),
            "max_kw": round(max_kw, 1) if max_kw is not None else None,
            "schnelllader": bool(max_kw is not None and max_kw >= FAST_KW),
            "zustand": _state(free, busy, fault, total, known),
            "inbetriebnahme": "", "quelle": "OCPI"})
    return out


def _decode(content: bytes) -> str:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return bytes(content).decode(enc)
        except UnicodeDecodeError:
            continue
    return bytes(content).decode("latin-1")


def _norm(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split()).lower()


def parse_bnetza_csv(content: bytes, source: str = "",
                     warnings: Optional[List[str]] = None) -> List[dict]:
    warnings = warnings if warnings is not None else []
    text = _decode(content)
    rows = csv.reader(io.StringIO(text), delimiter=";")
    header: Optional[Dict[str, int]] = None
    out = []
    skipped = 0
    for row in rows:
        if header is None:
            names = [_norm(c) for c in row]
            if "breitengrad" in names and "längengrad" in names:
                header = {}
                for i, n in enumerate(names):
                    header.setdefault(n, i)
            continue
        if not any(c.strip() for c in row):
            continue

        def col(*names, row=row):
            for n in names:
                i = header.get(n)
                if i is not None and i < len(row):
                    return row[i].strip()
            return ""
        lat, lon = de_float(col("breitengrad")), de_float(col("längengrad"))
        if lat is None or lon is None or not valid_lonlat(lon, lat):
            skipped += 1
            continue
        plugs = []
        for k in range(1, 7):
            for part in col("steckertypen{}".format(k)).split(","):
                plug = part.strip()
                if plug and plug not in plugs:
                    plugs.append(plug)
        n_points = de_float(col("anzahl ladepunkte"))
        kw = de_float(col("nennleistung ladeeinrichtung [kw]"))
        street = " ".join(p for p in (col("straße"), col("hausnummer")) if p)
        town = " ".join(p for p in (col("postleitzahl"), col("ort")) if p)
        sid = col("ladeeinrichtungs-id") or "BNA-{}".format(len(out) + 1)
        out.append({
            "ladestation_id": sid,
            "name": col("anzeigename (karte)", "standortbezeichnung") or col("betreiber"),
            "adresse": ", ".join(p for p in (street, town) if p),
            "betreiber": col("betreiber"), "lat": lat, "lon": lon,
            "ladepunkte": int(n_points) if n_points is not None else None,
            "frei": None, "belegt": None, "gestoert": None,
            "steckertypen": ", ".join(plugs), "max_kw": kw,
            "schnelllader": bool(kw is not None and kw >= FAST_KW
                                 or "schnell" in col("art der ladeeinrichung",
                                                     "art der ladeeinrichtung").lower()),
            "zustand": STATE_UNKNOWN, "inbetriebnahme": col("inbetriebnahmedatum"),
            "quelle": "BNetzA"})
    if header is None:
        raise _fail(tr("The file {source} is not the Ladesäulenregister CSV of the "
                       "Bundesnetzagentur: no header row with 'Breitengrad' and "
                       "'Längengrad' (semicolon separated) was found.").format(
            source=source or "?"), source)
    if skipped:
        warnings.append(tr("{n} rows of {source} without valid coordinates were skipped.")
                        .format(n=skipped, source=source))
    return out


def parse_any(content: bytes, source: str = "", warnings: Optional[List[str]] = None
              ) -> List[dict]:
    head = bytes(content[:200]).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return parse_ocpi_locations(content, source, warnings)
    return parse_bnetza_csv(content, source, warnings)
