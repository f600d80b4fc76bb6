"""Live layers of a saved project: their memory layers come back empty, marked by custom
properties (LiveLayer.remember); here they get a LiveLayer again (refresh and MQTT)."""

import json
from typing import Callable, List, Optional

from qgis.core import QgsMapLayerType, QgsProject

from hamm_core.adapters.messages import log_warning

from ..logic.i18n import tr
from .live_layer import (
    AUTHCFG_PROPERTY,
    FILTER_PROPERTY,
    IDS_PROPERTY,
    INTERVAL_PROPERTY,
    LIVE_PROPERTY,
    MQTT_PROPERTY,
    PROPS_PROPERTY,
    URL_PROPERTY,
    WARNINGS_OF_PROPERTY,
    LiveLayer,
)


def _truthy(value) -> bool:
    return value is True or str(value).lower() in ("true", "1")


def restore_live_layers(project: QgsProject, running: List[LiveLayer],
                        on_warning: Optional[Callable] = None,
                        on_error: Optional[Callable] = None,
                        start: bool = True) -> List[LiveLayer]:
    """A LiveLayer for every marked layer of ``project`` not already in ``running``."""
    attached = {live.layer.id() for live in running}
    # live layers are memory layers the feed rewrites; one made permanent ("Make
    # Permanent" keeps its custom properties) is the user's data now: never fed again
    layers = [lyr for lyr in project.mapLayers().values()
              if lyr.type() == QgsMapLayerType.VectorLayer and lyr.providerType() == "memory"]
    warnings_of = {lyr.customProperty(WARNINGS_OF_PROPERTY, ""): lyr for lyr in layers
                   if lyr.customProperty(WARNINGS_OF_PROPERTY, "")}
    out = []
    for layer in layers:
        if not _truthy(layer.customProperty(LIVE_PROPERTY, False)) or layer.id() in attached:
            continue
        url = str(layer.customProperty(URL_PROPERTY, "") or "")
        if not url:
            continue
        try:
            interval = float(layer.customProperty(INTERVAL_PROPERTY, 300.0) or 300.0)
            ids = json.loads(str(layer.customProperty(IDS_PROPERTY, "[]") or "[]"))
            props = json.loads(str(layer.customProperty(PROPS_PROPERTY, "[]") or "[]"))
        except (TypeError, ValueError):
            log_warning(tr("The live sensor layer {name} has broken settings and was not "
                           "restarted.").format(name=layer.name()))
            continue
        live = LiveLayer(url, str(layer.customProperty(AUTHCFG_PROPERTY, "") or ""),
                         interval_s=interval, on_warning=on_warning, on_error=on_error,
                         ids=ids if isinstance(ids, list) else [],
                         props=props if isinstance(props, list) else [],
                         filter_=str(layer.customProperty(FILTER_PROPERTY, "") or ""),
                         layer=layer)
        mqtt = str(layer.customProperty(MQTT_PROPERTY, "") or "")
        if layer.id() in warnings_of:
            live.enable_warnings_layer(layer=warnings_of[layer.id()])
        if start:
            live.start()
            host, _sep, port = mqtt.partition(":")
            if host and port.isdigit():
                live.connect_mqtt(host, int(port))
        out.append(live)
    return out


def restore_history_layers(project: QgsProject,
                           on_error: Optional[Callable] = None) -> list:
    """Reload every marked history layer of ``project`` (its fixed period, or the last
    "hours" before now); returns the background tasks."""
    from datetime import datetime, timezone

    from ..logic.timeseries import history_period
    from .history_layer import HISTORY_PROPERTY, load_history
    tasks = []
    for layer in project.mapLayers().values():
        if layer.type() != QgsMapLayerType.VectorLayer or layer.providerType() != "memory":
            continue
        spec = str(layer.customProperty(HISTORY_PROPERTY, "") or "")
        url = str(layer.customProperty(URL_PROPERTY, "") or "")
        if not spec or not url:
            continue
        try:
            props, start, end = history_period(spec, datetime.now(timezone.utc))
        except ValueError:
            log_warning(tr("The history layer {name} has broken settings and was not "
                           "reloaded.").format(name=layer.name()))
            continue
        tasks.append(load_history(url, str(layer.customProperty(AUTHCFG_PROPERTY, "") or ""),
                                  props, start, end, layer=layer, on_error=on_error))
    return tasks
