"""Live layers of the Mobilitätsstadtplan beyond GBFS: parking occupancy (DATEX II v2/v3
or the JSON form), charging points (OCPI locations or the BNetzA CSV) and GTFS-Realtime
vehicles matched to the static feed; their styles."""

import os
import tempfile
import time
from typing import List, Optional, Sequence

from qgis.core import (
    QgsPalLayerSettings,
    QgsProperty,
    QgsRenderContext,
    QgsSimpleMarkerSymbolLayer,
    QgsSimpleMarkerSymbolLayerBase,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from hamm_core.logic.errors import HammError

from ..logic import charging, gbfs, gtfs, gtfsrt, parking
from ..logic.i18n import tr
from . import layers as lyr
from .live_feed import LiveFeed

PARKING_FIELDS = [("park_id", "str"), ("name", "str"), ("kapazitaet", "int"),
                  ("belegt", "int"), ("frei", "int"), ("belegung_pct", "real"),
                  ("status", "str"), ("zustand", "str"), ("status_zeit", "str"),
                  ("quelle", "str")]
RT_LIVE_FIELDS = [("fahrzeug_id", "str"), ("bezeichnung", "str"), ("trip_id", "str"),
                  ("route_id", "str"), ("linie", "str"), ("linienname", "str"),
                  ("richtung_grad", "real"), ("geschw_kmh", "real"), ("halt_id", "str"),
                  ("halt", "str"), ("status", "str"), ("zeitstempel", "long"),
                  ("verspaetung_s", "int"), ("verspaetung_min", "real")]


# ------------------------------------------------------------------------------ styles
def _shape(layer: QgsVectorLayer, shape, outline: str = "#ffffff") -> None:
    """Give every symbol of the layer's renderer a marker shape (parking squares,
    charging diamonds), so the kinds of offer differ at a glance, not only by colour."""
    for symbol in layer.renderer().symbols(QgsRenderContext()):
        sl = symbol.symbolLayer(0)
        if isinstance(sl, QgsSimpleMarkerSymbolLayer):
            sl.setShape(shape)
            sl.setStrokeColor(QColor(outline))


def _label(layer: QgsVectorLayer, expression: str, size: float = 8.0) -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    fmt = QgsTextFormat()
    fmt.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    settings.dist = 1.5
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_parking(layer: QgsVectorLayer) -> None:
    colors = {parking.STATE_FREE: "#1a9641", parking.STATE_ALMOST_FULL: "#fdae61",
              parking.STATE_FULL: "#d7191c", parking.STATE_CLOSED: "#404040",
              parking.STATE_UNKNOWN: "#9e9e9e"}
    lyr.categorized(layer, "zustand", [(k, tr(v), colors[k])
                                       for k, v in parking.STATE_LABELS.items()], size=4.6)
    _shape(layer, QgsSimpleMarkerSymbolLayerBase.Square)
    # "P 97" next to each garage: the free spaces at a glance
    _label(layer, "'P ' || coalesce(to_string(\"frei\"), '?')")
    layer.setMapTipTemplate("<b>[% name %]</b><br>[% frei %] / [% kapazitaet %]")


def style_charging(layer: QgsVectorLayer) -> None:
    colors = {charging.STATE_FREE: "#1a9641", charging.STATE_BUSY: "#2b83ba",
              charging.STATE_FAULT: "#d7191c", charging.STATE_UNKNOWN: "#7b3294"}
    lyr.categorized(layer, "zustand", [(k, tr(v), colors[k])
                                       for k, v in charging.STATE_LABELS.items()], size=3.6)
    _shape(layer, QgsSimpleMarkerSymbolLayerBase.Diamond)
    layer.setMapTipTemplate("<b>[% name %]</b><br>[% frei %] / [% ladepunkte %], "
                            "[% max_kw %] kW")


def style_rt_vehicles(layer: QgsVectorLayer) -> None:
    from qgis.core import QgsGraduatedSymbolRenderer, QgsMarkerSymbol, QgsRendererRange
    ranges = []
    for lo, hi, label, color in ((-3600, 60, tr("On time (up to 1 min)"), "#1a9641"),
                                 (60, 300, tr("1 to 5 min late"), "#fdae61"),
                                 (300, 86400, tr("More than 5 min late"), "#d7191c")):
        # an arrow pointing where the vehicle drives
        symbol = QgsMarkerSymbol.createSimple({"name": "arrow", "size": "6.5",
                                               "outline_color": "#202020",
                                               "outline_width": "0.3"})
        symbol.setColor(QColor(color))
        symbol.setDataDefinedAngle(QgsProperty.fromExpression(
            'coalesce("richtung_grad", 0)'))
        ranges.append(QgsRendererRange(lo, hi, symbol, label))
    layer.setRenderer(QgsGraduatedSymbolRenderer("coalesce(\"verspaetung_s\", 0)", ranges))
    _label(layer, '"linie"', 7.0)
    layer.setMapTipTemplate("<b>[% linie %]</b> [% linienname %]<br>[% verspaetung_min %] min")


def style_counts(layer: QgsVectorLayer, max_value: float = 0) -> None:
    lyr.style_sized_points(layer, "gesamt", "#e66101", max_value)


# ------------------------------------------------------------------------------ parking
def parking_work(urls: Sequence[str]):
    def work(fetch):
        data = parking.read_any((fetch(u), u) for u in urls)
        recs = data.records()
        return recs, data.warnings
    return work


def parking_live(urls: Sequence[str], title: str = "", interval_s: int = 60,
                 **kwargs) -> LiveFeed:
    """A live parking layer from DATEX II table + status URLs (or one JSON URL)."""
    return LiveFeed(title or tr("Parking (live)"), parking_work(list(urls)), PARKING_FIELDS,
                    style_parking, interval_s=interval_s, kind="parking",
                    source=" ".join(urls),
                    restore={"kind": "parking", "urls": list(urls)}, **kwargs)


# ------------------------------------------------------------------------------ charging
def charging_work(url: str):
    def work(fetch):
        warnings: List[str] = []
        recs = charging.parse_any(fetch(url), url, warnings)
        return recs, warnings
    return work


def charging_live(url: str, title: str = "", interval_s: int = 120, **kwargs) -> LiveFeed:
    return LiveFeed(title or tr("Charging points"), charging_work(url),
                    charging.CHARGING_FIELDS, style_charging, interval_s=interval_s,
                    kind="charging", source=url,
                    restore={"kind": "charging", "urls": [url]}, **kwargs)


# ------------------------------------------------------------------------------ GTFS-RT
class StaticIndex:
    """What the live vehicles need from the static feed, read once."""

    def __init__(self):
        self.routes = {}
        self.trip_routes = {}
        self.stops = {}
        self.loaded = False

    def load(self, path: str) -> None:
        zf = gtfs.GtfsZip(path)
        try:
            self.stops = gtfs.read_stops(zf, [])
            self.routes = gtfs.read_routes(zf)
            self.trip_routes = gtfs.read_trip_routes(zf)
        finally:
            zf.close()
        self.loaded = True


def trip_delay(tu: gtfsrt.TripUpdate, stop_id: str = "") -> Optional[int]:
    """The delay that applies to a vehicle: the prediction for the stop it is at or heading
    to, else the first stop with a prediction, else the trip's own delay."""
    with_delay = [u for u in tu.stop_time_updates if u.delay is not None]
    for u in with_delay:
        if stop_id and u.stop_id == stop_id:
            return u.delay
    if with_delay:
        return with_delay[0].delay
    return tu.delay


def vehicle_records(feeds: Sequence[gtfsrt.FeedMessage], index: StaticIndex,
                    warnings: List[str]) -> List[dict]:
    updates = {}
    for feed in feeds:
        for tu in feed.trip_updates:
            updates[tu.trip.trip_id] = tu
    out = []
    skipped = 0
    for feed in feeds:
        for v in feed.vehicles:
            if not gbfs.valid_lonlat(v.longitude, v.latitude):
                skipped += 1
                continue
            route_id = v.trip.route_id or index.trip_routes.get(v.trip.trip_id, "")
            route = index.routes.get(route_id, {})
            tu = updates.get(v.trip.trip_id)
            delay = trip_delay(tu, v.stop_id) if tu is not None else None
            out.append({
                "lon": v.longitude, "lat": v.latitude,
                "fahrzeug_id": v.vehicle_id or v.entity_id, "bezeichnung": v.vehicle_label,
                "trip_id": v.trip.trip_id, "route_id": route_id,
                "linie": route.get("short_name", ""), "linienname": route.get("long_name", ""),
                "richtung_grad": v.bearing,
                "geschw_kmh": round(v.speed * 3.6, 1) if v.speed is not None else None,
                "halt_id": v.stop_id, "halt": index.stops.get(v.stop_id, {}).get("name", ""),
                "status": v.current_status, "zeitstempel": v.timestamp,
                "verspaetung_s": delay,
                "verspaetung_min": round(delay / 60.0, 1) if delay is not None else None})
    if skipped:
        warnings.append(tr("{n} vehicles without valid position were skipped.").format(
            n=skipped))
    return out


# A static GTFS feed that could not be read is tried again after this long, not at every
# refresh of the real-time feed (a large zip every 30 s would be a download storm)
STATIC_RETRY_S = 900.0


def gtfsrt_work(rt_urls: Sequence[str], gtfs_source: str = ""):
    index = StaticIndex()
    state = {"retry_after": 0.0}

    def load_static(fetch) -> None:
        path = gtfs_source
        if gtfs_source.startswith(("http://", "https://")):
            handle, path = tempfile.mkstemp(suffix=".zip", prefix="hamm_gtfs_")
            with os.fdopen(handle, "wb") as out:
                out.write(fetch(gtfs_source))
        try:
            index.load(path)
        finally:
            if path != gtfs_source:
                os.unlink(path)

    def work(fetch):
        warnings: List[str] = []
        if gtfs_source and not index.loaded and time.monotonic() >= state["retry_after"]:
            try:
                load_static(fetch)
            except (HammError, OSError) as err:
                # the vehicles still show, without line names, until the next try
                state["retry_after"] = time.monotonic() + STATIC_RETRY_S
                warnings.append(tr(
                    "The static GTFS feed {source} could not be read ({error}); vehicles "
                    "are shown without line names. Next try in {minutes} minutes.").format(
                        source=gtfs_source, error=err, minutes=int(STATIC_RETRY_S // 60)))
        feeds = [gtfsrt.decode_feed(fetch(u), u) for u in rt_urls]
        return vehicle_records(feeds, index, warnings), warnings
    return work


def gtfsrt_live(rt_urls: Sequence[str], gtfs_source: str = "", title: str = "",
                interval_s: int = 30, **kwargs) -> LiveFeed:
    """Live vehicles from GTFS-RT VehiclePositions (+ TripUpdates) URLs, with line names
    and delays from the static feed (zip path or URL, read once)."""
    return LiveFeed(title or tr("Buses and trains (real time)"),
                    gtfsrt_work(list(rt_urls), gtfs_source), RT_LIVE_FIELDS,
                    style_rt_vehicles, interval_s=interval_s, kind="gtfsrt",
                    source=" ".join(rt_urls),
                    restore={"kind": "gtfsrt", "urls": list(rt_urls), "gtfs": gtfs_source},
                    **kwargs)
