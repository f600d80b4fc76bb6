"""The live sensor layer of the Hamm demo (make run).

Called by scripts/build_demo_data.py: adds an (empty) live sensor layer and its warnings
layer to the demo project, marked so the plugin restarts them when the project is opened
(adapters/restore.py). They read the SensorThings server and MQTT broker that
scripts/demo_live_sensors.py starts on 127.0.0.1:8650 and :8651 with ten demo stations
whose values change every few seconds.
"""

import json
from pathlib import Path

from qgis.core import (
    QgsPalLayerSettings,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from .adapters.history_layer import HISTORY_PROPERTY, history_layer
from .adapters.live_layer import (
    AUTHCFG_PROPERTY,
    FILTER_PROPERTY,
    IDS_PROPERTY,
    INTERVAL_PROPERTY,
    LIVE_PROPERTY,
    MQTT_PROPERTY,
    PROPS_PROPERTY,
    URL_PROPERTY,
    WARNINGS_OF_PROPERTY,
    live_layer_uri,
    style_layer,
)
from .adapters.warnings_layer import WarningsLayer
from .logic.i18n import tr
from .logic.timeseries import history_spec

STA_PORT = 8650
MQTT_PORT = 8651
STA_URL = "http://127.0.0.1:{}/sensorthings/v1.1".format(STA_PORT)
INTERVAL_S = 60.0
LABEL_EXPRESSION = ("CASE WHEN \"value\" IS NULL THEN '' ELSE "
                    "format_number(\"value\", 1) || ' ' || coalesce(\"unit\", '') END")


def label_layer(layer: QgsVectorLayer) -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = LABEL_EXPRESSION
    settings.isExpression = True
    settings.placement = QgsPalLayerSettings.OverPoint
    settings.yOffset = -4.0
    fmt = QgsTextFormat()
    fmt.setSize(8.5)
    fmt.setColor(QColor("#202020"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def make_live_layer(name: str, props=(), url: str = STA_URL,
                    mqtt: str = "127.0.0.1:{}".format(MQTT_PORT)) -> QgsVectorLayer:
    """An empty live sensor layer that the plugin fills when the project opens."""
    layer = QgsVectorLayer(live_layer_uri("EPSG:25832"), name, "memory")
    style_layer(layer)
    label_layer(layer)
    for key, value in ((LIVE_PROPERTY, True), (URL_PROPERTY, url), (AUTHCFG_PROPERTY, ""),
                       (MQTT_PROPERTY, mqtt), (INTERVAL_PROPERTY, INTERVAL_S),
                       (IDS_PROPERTY, "[]"), (FILTER_PROPERTY, ""),
                       (PROPS_PROPERTY, json.dumps(list(props)))):
        layer.setCustomProperty(key, value)
    return layer


def add_to_project(out_dir: Path, demo_gpkg: Path, project) -> dict:
    group = project.layerTreeRoot().insertGroup(0, tr("Sensors (live, demo)"))
    temperature = make_live_layer(tr("Air temperature (live)"), ["air_temperature"])
    rain = make_live_layer(tr("Precipitation (live)"), ["precipitation"])
    wind = make_live_layer(tr("Wind direction (live)"), ["wind_direction"])
    warnings = WarningsLayer("EPSG:25832", tr("Sensor warnings")).layer
    warnings.setCustomProperty(WARNINGS_OF_PROPERTY, temperature.id())
    # the last 24 hours of air temperature for the temporal controller, reloaded on open
    history = history_layer([], "EPSG:25832", tr("Air temperature, last 24 hours"))
    history.setCustomProperty(URL_PROPERTY, STA_URL)
    history.setCustomProperty(AUTHCFG_PROPERTY, "")
    history.setCustomProperty(HISTORY_PROPERTY, history_spec(["air_temperature"], hours=24))
    for layer in (warnings, temperature, rain, wind, history):
        project.addMapLayer(layer, False)
        node = group.addLayer(layer)
        if layer in (rain, wind, history):
            node.setItemVisibilityChecked(False)
    return {"layers": 5, "sta": STA_URL, "mqtt": "127.0.0.1:{}".format(MQTT_PORT)}
