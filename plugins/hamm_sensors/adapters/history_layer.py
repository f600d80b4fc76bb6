"""The history layer: one point per observation with a date-time field, set up so QGIS's
temporal controller plays it (each point is shown for the typical observation spacing)."""

from datetime import datetime
from typing import Callable, List, Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtCore import QDateTime

from hamm_core.adapters.tasks import run_task

from ..logic.i18n import tr
from ..logic.timeseries import Series, fetch_series, select_datastreams, typical_step_s
from .live_layer import HISTORY_COLOR_EXPRESSION, style_layer
from .sta import make_client

# a saved project reloads a history layer marked with this property (JSON from
# logic.timeseries.history_spec: a fixed period or "hours" back from the moment the
# project is opened), see adapters/restore.py
HISTORY_PROPERTY = "hamm_sensors/history"
HISTORY_FIELDS = "&".join("field=" + f for f in (
    "ds_id:string", "station:string", "property:string", "value:double", "unit:string",
    "time:datetime"))
TIME_FIELD = "time"


def qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(round(value.timestamp() * 1000)))


def history_layer(series: Sequence[Series], crs: str = "EPSG:25832", name: str = "",
                  step_s: Optional[float] = None) -> QgsVectorLayer:
    """A memory layer with every point of ``series``; temporal properties active on the
    field "time" (instant from field, shown for ``step_s``, default the median spacing)."""
    layer = QgsVectorLayer("Point?crs={}&{}".format(crs, HISTORY_FIELDS),
                           name or tr("Sensors (history)"), "memory")
    style_layer(layer, HISTORY_COLOR_EXPRESSION)
    fill_history_layer(layer, series, step_s)
    return layer


def fill_history_layer(layer: QgsVectorLayer, series: Sequence[Series],
                       step_s: Optional[float] = None) -> int:
    """Replace the features of a history layer (fields as HISTORY_FIELDS) by ``series``
    and set its temporal properties; returns the number of features."""
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), layer.crs(),
                                       QgsProject.instance())
    features = []
    fields = layer.fields()
    layer.dataProvider().truncate()
    for s in series:
        geom = None
        if s.lon is not None and s.lat is not None:
            try:
                geom = QgsGeometry.fromPointXY(transform.transform(QgsPointXY(s.lon, s.lat)))
            except Exception:  # QgsCsException: outside the CRS, keep without geometry
                geom = None
        for t, v in s.points:
            feat = QgsFeature(fields)
            feat.setAttributes([str(s.datastream_id), s.station, s.prop, v, s.unit,
                                qdatetime(t)])
            if geom is not None:
                feat.setGeometry(geom)
            features.append(feat)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    step = step_s if step_s is not None else typical_step_s(series)
    props = layer.temporalProperties()
    props.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField)
    props.setStartField(TIME_FIELD)
    props.setDurationUnits(QgsUnitTypes.TemporalSeconds)
    props.setFixedDuration(float(step))
    props.setAccumulateFeatures(False)
    props.setIsActive(True)
    layer.triggerRepaint()
    return len(features)


def load_history(base_url: str, authcfg: str = "", props: Sequence[str] = (),
                 start: Optional[datetime] = None, end: Optional[datetime] = None,
                 ids: Sequence = (), filter_: str = "", crs: str = "EPSG:25832",
                 name: str = "", max_items: Optional[int] = None,
                 on_done: Optional[Callable[[QgsVectorLayer, List[str]], None]] = None,
                 on_error: Optional[Callable[[BaseException], None]] = None,
                 layer: Optional[QgsVectorLayer] = None):
    """Fetch in a background task, build the layer on the main thread; returns the task.
    ``on_done(layer, warnings)``; the layer is not added to a project. With ``layer`` (a
    history layer of a saved project) that layer is filled instead."""

    def work(task):
        client = make_client(base_url, authcfg, feedback=task, max_items=max_items)
        datastreams = select_datastreams(client.datastreams(filter_), props, ids)
        series = fetch_series(client, datastreams, start, end, feedback=task)
        return series, client.warnings + client.caps.log

    def done(result):
        series, warnings = result
        if layer is not None:
            fill_history_layer(layer, series)
            target = layer
        else:
            target = history_layer(series, crs, name)
        if on_done is not None:
            on_done(target, warnings)

    return run_task(tr("Load sensor history"), work, done, on_error)
