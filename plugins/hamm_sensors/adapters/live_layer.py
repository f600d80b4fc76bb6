"""The live sensor layer: a memory layer with one point per Datastream at its Thing's
location, the latest value, unit, time, age and stale flag; styled by value and greyed
when stale; refreshed on an interval in a background task and updated by MQTT."""

import json
from datetime import datetime
from typing import Callable, Dict, List, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsProject,
    QgsProperty,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, QTimer, QVariant

from hamm_core.adapters.messages import log, log_warning
from hamm_core.adapters.tasks import PeriodicRefresh
from hamm_core.logic.errors import HammError, ParseError

from ..logic.i18n import tr
from ..logic.live import LiveRow, now_utc, parse_mqtt_observation, rows_from
from ..logic.sta_url import entity_path, service_root
from ..logic.warnings import WarningEvent, WarningTracker
from .sta import fetch_live, make_client

FIELDS = [("ds_id", QVariant.String), ("name", QVariant.String), ("station", QVariant.String),
          ("property", QVariant.String), ("value", QVariant.Double), ("result", QVariant.String),
          ("unit", QVariant.String), ("time", QVariant.DateTime), ("age_min", QVariant.Double),
          ("stale", QVariant.Int)]

URL_PROPERTY = "hamm_sensors/url"
AUTHCFG_PROPERTY = "hamm_sensors/authcfg"
# a saved project remembers its live layers by these properties (see plugin.restore)
LIVE_PROPERTY = "hamm_sensors/live"
MQTT_PROPERTY = "hamm_sensors/mqtt"
INTERVAL_PROPERTY = "hamm_sensors/interval_s"
WARNINGS_OF_PROPERTY = "hamm_sensors/warnings_of"
IDS_PROPERTY = "hamm_sensors/ids"
FILTER_PROPERTY = "hamm_sensors/filter"
PROPS_PROPERTY = "hamm_sensors/properties"

COLOR_EXPRESSION = (
    "CASE WHEN \"stale\" = 1 OR \"value\" IS NULL THEN '170,170,170,255' "
    "WHEN \"property\" = 'air_temperature' THEN "
    "ramp_color('Spectral', scale_linear(\"value\", -5, 40, 1, 0)) "
    "WHEN \"property\" = 'precipitation' THEN "
    "CASE WHEN \"value\" >= 25 THEN '84,39,143,255' WHEN \"value\" >= 15 THEN '117,107,177,255' "
    "WHEN \"value\" >= 2.5 THEN '158,154,200,255' WHEN \"value\" > 0 THEN '203,201,226,255' "
    "ELSE '242,240,247,255' END "
    "ELSE '49,130,189,255' END")
SHAPE_EXPRESSION = "CASE WHEN \"property\" = 'wind_direction' THEN 'arrow' ELSE 'circle' END"
# wind direction is where the wind comes from: the arrow points downwind
ANGLE_EXPRESSION = ("CASE WHEN \"property\" = 'wind_direction' AND \"value\" IS NOT NULL "
                    "THEN (\"value\" + 180) % 360 ELSE 0 END")


HISTORY_COLOR_EXPRESSION = COLOR_EXPRESSION.replace("\"stale\" = 1 OR ", "")


def live_layer_uri(crs: str = "EPSG:25832") -> str:
    kinds = {QVariant.String: "string", QVariant.Double: "double",
             QVariant.DateTime: "datetime", QVariant.Int: "integer"}
    return "Point?crs={}".format(crs) + "".join(
        "&field={}:{}".format(n, kinds[t]) for n, t in FIELDS)


def style_layer(layer: QgsVectorLayer, color_expression: str = COLOR_EXPRESSION) -> None:
    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "size": "4",
                                           "outline_color": "50,50,50,255"})
    sl = symbol.symbolLayer(0)
    sl.setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor,
                              QgsProperty.fromExpression(color_expression))
    sl.setDataDefinedProperty(QgsSymbolLayer.PropertyName,
                              QgsProperty.fromExpression(SHAPE_EXPRESSION))
    sl.setDataDefinedProperty(QgsSymbolLayer.PropertyAngle,
                              QgsProperty.fromExpression(ANGLE_EXPRESSION))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


class LiveLayer(PeriodicRefresh):
    """Owns the layer's content; the caller adds ``layer`` to a project (or not).

    The refresh cycle (worker thread, skip while busy, outage reported once, timer
    re-armed after each refresh) is the core's PeriodicRefresh; MQTT messages update the
    layer in between."""

    def __init__(self, base_url: str, authcfg: str = "", crs: str = "EPSG:25832",
                 stale_after_s: float = 3600.0, interval_s: float = 300.0,
                 name: str = "", filter_: str = "",
                 on_warning: Optional[Callable[[WarningEvent], None]] = None,
                 on_error: Optional[Callable[[BaseException], None]] = None,
                 max_items: Optional[int] = None, ids=(), props=(),
                 layer: Optional[QgsVectorLayer] = None):
        """``layer``: an existing point layer to fill (e.g. the empty memory layer of a
        saved project, see restore_live_layers); missing fields are added, its
        features replaced."""
        super().__init__(on_update=None, on_error=on_error)
        self.base_url, self.authcfg, self.filter = base_url, authcfg, filter_
        self.ids = list(ids)
        self.props = list(props)
        self.stale_after_s, self.interval_s = stale_after_s, interval_s
        self.max_items = max_items
        self.on_warning = on_warning
        from .warnings_layer import load_thresholds
        self.crs = crs
        self.tracker = WarningTracker(load_thresholds())
        self.warnings_layer = None  # a WarningsLayer once enable_warnings_layer() ran
        self.events: List[WarningEvent] = []
        self.rows: Dict[object, LiveRow] = {}
        self.fids: Dict[object, int] = {}
        self.mqtt = None
        self.mqtt_errors: List[str] = []
        self.warnings: List[str] = []
        if layer is None:
            self.layer = QgsVectorLayer(live_layer_uri(crs), name or tr("Sensors (live)"),
                                        "memory")
            style_layer(self.layer)
        else:
            self.layer = layer
            crs = layer.crs().authid() or crs
            self.crs = crs
            provider = layer.dataProvider()
            missing = [QgsField(n, t) for n, t in FIELDS if layer.fields().indexOf(n) < 0]
            if missing:
                provider.addAttributes(missing)
                layer.updateFields()
            provider.truncate()
        self.index = {n: self.layer.fields().indexOf(n) for n, _t in FIELDS}
        self.transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                                QgsCoordinateReferenceSystem(crs),
                                                QgsProject.instance())
        # the time-series dock and the history action read the source from the layer
        self.layer.setCustomProperty(URL_PROPERTY, base_url)
        self.layer.setCustomProperty(AUTHCFG_PROPERTY, authcfg)
        # MQTT updates are collected and written every mqtt_flush_ms (0: at once)
        self.mqtt_flush_ms = 100
        self._dirty: Dict[object, LiveRow] = {}
        self._flush_timer = QTimer()
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self.flush)

    # -- refresh ----------------------------------------------------------------------------
    def start(self, refresh_now: bool = True):
        """Refresh now and then every ``interval_s`` (0: only when asked for); with
        ``refresh_now`` False the first refresh waits one interval."""
        if refresh_now:
            return self.refresh()
        self._arm()
        return None

    def next_interval_s(self) -> float:
        return self.interval_s

    def task_title(self) -> str:
        return tr("Refresh live sensor layer")

    def work(self, task):  # worker thread
        client = make_client(self.base_url, self.authcfg, feedback=task,
                             max_items=self.max_items)
        datastreams, latest = fetch_live(client, self.filter, feedback=task,
                                         ids=list(self.ids), props=list(self.props))
        return datastreams, latest, client.warnings + client.caps.log

    def apply(self, result) -> None:  # main thread
        datastreams, latest, warnings = result
        self.warnings = warnings
        for w in warnings:
            log(w)
        rows = rows_from(datastreams, latest)
        for row in rows:
            old = self.rows.get(row.datastream_id)
            if old is not None and old.time is not None and (row.time is None or
                                                            row.time < old.time):
                row.time, row.value, row.text = old.time, old.value, old.text  # MQTT was newer
            self.rows[row.datastream_id] = row
        self._write(rows)

    # -- MQTT -----------------------------------------------------------------------------
    def mqtt_topics(self) -> List[str]:
        """One topic per Datastream (what every SensorThings MQTT server offers); before
        the first refresh a wildcard over all entity sets."""
        version = service_root(self.base_url).rstrip("/").rsplit("/", 1)[-1] or "v1.1"
        if not self.rows:
            return [version + "/+/Observations"]
        return ["{}/{}".format(version, entity_path("Datastreams", ds_id, "Observations"))
                for ds_id in self.rows]

    def connect_mqtt(self, host: str, port: int, topics: Optional[List[str]] = None,
                     keepalive_s: int = 30, backoff_base_s: float = 1.0):
        from .mqtt_client import MqttSubscriber
        self.stop_mqtt()
        self.mqtt = MqttSubscriber(host, port, topics or self.mqtt_topics(),
                                   self.on_mqtt_message, keepalive_s,
                                   backoff_base_s=backoff_base_s)
        self.mqtt.start()
        return self.mqtt

    def stop_mqtt(self) -> None:
        if self.mqtt is not None:
            self.mqtt.stop()
            self.mqtt.deleteLater()
            self.mqtt = None

    def on_mqtt_message(self, topic: str, payload: bytes) -> bool:
        try:
            ds_id, obs = parse_mqtt_observation(topic, payload)
        except ParseError as err:
            self.mqtt_errors.append(err.user_message)
            log_warning(err.user_message)
            return False
        row = self.rows.get(ds_id)
        if row is None:
            # an unknown id in another spelling (integer as text)
            row = self.rows.get(str(ds_id))
        if row is None or not row.apply(obs):
            return False
        # warnings at once (an event between two flushes must not be missed); the layer
        # is written in batches, so 1,000 messages a second do not mean 1,000 repaints
        self._check_warning(row)
        self._dirty[row.datastream_id] = row
        if self.mqtt_flush_ms <= 0:
            self.flush()
        elif not self._flush_timer.isActive():
            self._flush_timer.start(self.mqtt_flush_ms)
        return True

    def flush(self) -> None:
        """Write the rows changed by MQTT since the last flush."""
        self._flush_timer.stop()
        rows, self._dirty = list(self._dirty.values()), {}
        if rows:
            self._write(rows, check=False)

    # -- layer ----------------------------------------------------------------------------
    def _write(self, rows: List[LiveRow], check: bool = True) -> None:
        now = now_utc()
        provider = self.layer.dataProvider()
        new_features, changes, geoms = [], {}, {}
        for row in rows:
            attrs = self._attributes(row, now)
            fid = self.fids.get(row.datastream_id)
            values = {self.index[n]: v for (n, _t), v in zip(FIELDS, attrs)}
            if fid is None:
                feat = QgsFeature(self.layer.fields())
                for i, v in values.items():
                    feat.setAttribute(i, v)
                geom = self._geometry(row)
                if geom is not None:
                    feat.setGeometry(geom)
                new_features.append((row.datastream_id, feat))
            else:
                changes[fid] = values
                geom = self._geometry(row)
                if geom is not None:
                    geoms[fid] = geom
            if check:
                self._check_warning(row)
        if new_features:
            ok, added = provider.addFeatures([f for _k, f in new_features])
            if ok:
                for (key, _f), feat in zip(new_features, added):
                    self.fids[key] = feat.id()
        if changes:
            provider.changeAttributeValues(changes)
        if geoms:
            provider.changeGeometryValues(geoms)
        self.layer.updateExtents()
        self.layer.triggerRepaint()

    def _geometry(self, row: LiveRow) -> Optional[QgsGeometry]:
        if row.lon is None or row.lat is None:
            return None
        try:
            point = self.transform.transform(QgsPointXY(row.lon, row.lat))
        except Exception:  # QgsCsException: coordinates outside the CRS
            return None
        return QgsGeometry.fromPointXY(point)

    def _attributes(self, row: LiveRow, now: datetime) -> list:
        age = row.age_s(now)
        qtime = QDateTime.fromMSecsSinceEpoch(int(row.time.timestamp() * 1000)) \
            if row.time is not None else QDateTime()
        return [str(row.datastream_id), row.name, row.thing, row.prop, row.value, row.text,
                row.unit, qtime, None if age is None else round(age / 60.0, 1),
                1 if row.stale(now, self.stale_after_s) else 0]

    def _check_warning(self, row: LiveRow) -> None:
        if row.stale(now_utc(), self.stale_after_s):
            return
        event = self.tracker.update(row.datastream_id, row.prop, row.value, row.time, row.thing,
                                    row.unit)
        if event is not None:
            self.events.append(event)
            if self.warnings_layer is not None:
                self.warnings_layer.add(event, self._geometry(row))
            if self.on_warning is not None:
                self.on_warning(event)

    def enable_warnings_layer(self, name: str = "", layer: Optional[QgsVectorLayer] = None):
        """A point layer that gets one feature per warning event from now on."""
        from .warnings_layer import WarningsLayer
        if self.warnings_layer is None:
            self.warnings_layer = WarningsLayer(self.crs, name, layer)
            self.warnings_layer.layer.setCustomProperty(WARNINGS_OF_PROPERTY, self.layer.id())
        return self.warnings_layer

    def remember(self, mqtt: str = "") -> None:
        """Mark the layer so a saved project restarts it when opened again."""
        self.layer.setCustomProperty(LIVE_PROPERTY, True)
        self.layer.setCustomProperty(MQTT_PROPERTY, mqtt)
        self.layer.setCustomProperty(INTERVAL_PROPERTY, float(self.interval_s))
        self.layer.setCustomProperty(IDS_PROPERTY, json.dumps(list(self.ids)))
        self.layer.setCustomProperty(FILTER_PROPERTY, self.filter)
        self.layer.setCustomProperty(PROPS_PROPERTY, json.dumps(self.props))

    def set_thresholds(self, thresholds) -> None:
        """New thresholds (from the dialog): levels reached so far are kept per
        Datastream, so an event running now does not warn again."""
        self.tracker.thresholds = {k: list(v) for k, v in thresholds.items()}

    def on_stop(self) -> None:
        self._flush_timer.stop()
        self._dirty = {}
        self.stop_mqtt()


def describe_error(err: BaseException) -> str:
    return err.user_message if isinstance(err, HammError) else str(err)
