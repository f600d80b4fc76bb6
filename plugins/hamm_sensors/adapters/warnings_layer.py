"""Warning thresholds in the suite's settings, and the warnings layer: one point per
warning event (not per refresh) at the station, with time, level, value, threshold and
unit. A warnings layer saved before the unit field existed keeps working without it."""

from typing import Dict, List, Optional, Tuple

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsSimpleMarkerSymbolLayerBase,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime

from hamm_core.adapters.messages import log_warning
from hamm_core.adapters.settings import Settings
from hamm_core.logic.errors import ParseError

from ..logic.i18n import tr
from ..logic.warnings import (
    DEFAULT_THRESHOLDS,
    WarningEvent,
    thresholds_from_json,
    thresholds_to_json,
)

SETTINGS_SECTION = "sensors"
THRESHOLDS_KEY = "thresholds"
Thresholds = Dict[str, List[Tuple[float, str]]]


def load_thresholds() -> Thresholds:
    """The user's thresholds, or the defaults when none are saved or they are broken
    (logged, never a crash)."""
    text = Settings(SETTINGS_SECTION).value(THRESHOLDS_KEY, "", str)
    if text:
        try:
            return thresholds_from_json(text)
        except ParseError as err:
            log_warning(err.user_message + " " + tr("The default thresholds are used."))
    return {k: list(v) for k, v in DEFAULT_THRESHOLDS.items()}


def save_thresholds(thresholds: Thresholds) -> None:
    Settings(SETTINGS_SECTION).set_value(THRESHOLDS_KEY, thresholds_to_json(thresholds))


def reset_thresholds() -> None:
    Settings(SETTINGS_SECTION).remove(THRESHOLDS_KEY)


class WarningsLayer:
    FIELDS = ("time:datetime", "station:string", "property:string", "level:integer",
              "label:string", "value:double", "threshold:double", "ds_id:string", "unit:string")

    def __init__(self, crs: str = "EPSG:25832", name: str = "",
                 layer: Optional[QgsVectorLayer] = None):
        if layer is not None:  # the (empty) memory layer of a saved project
            self.layer = layer
            return
        uri = "Point?crs={}&".format(crs) + "&".join("field=" + f for f in self.FIELDS)
        self.layer = QgsVectorLayer(uri, name or tr("Sensor warnings"), "memory")
        symbol = QgsMarkerSymbol.createSimple({
            "name": "triangle", "size": "5", "color": "220,40,30,255",
            "outline_color": "90,0,0,255"})
        symbol.symbolLayer(0).setShape(QgsSimpleMarkerSymbolLayerBase.Triangle)
        self.layer.renderer().setSymbol(symbol)

    def add(self, event: WarningEvent, geometry: Optional[QgsGeometry]) -> int:
        fields = self.layer.fields()
        feat = QgsFeature(fields)
        when = QDateTime.fromMSecsSinceEpoch(int(event.time.timestamp() * 1000)) \
            if event.time is not None else QDateTime()
        values = [when, event.station, event.prop, event.level, tr(event.label),
                  float(event.value), float(event.threshold), str(event.datastream_id),
                  event.unit]
        for spec, value in zip(self.FIELDS, values):
            index = fields.indexOf(spec.split(":")[0])
            if index >= 0:
                feat.setAttribute(index, value)
        if geometry is not None:
            feat.setGeometry(QgsGeometry(geometry))
        ok, added = self.layer.dataProvider().addFeatures([feat])
        self.layer.updateExtents()
        self.layer.triggerRepaint()
        return added[0].id() if ok and added else -1
