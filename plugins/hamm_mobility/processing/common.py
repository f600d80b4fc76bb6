"""Base of hamm_mobility's algorithms: translation context and styled outputs."""

from qgis.core import QgsProcessingUtils

from hamm_core.processing.base import HammAlgorithm

from ..adapters import layers as lyr


class MobilityAlgorithm(HammAlgorithm):
    PLUGIN_ID = "hamm_mobility"

    def __init__(self):
        super().__init__()
        self._style = {}

    def postProcessAlgorithm(self, context, feedback):
        """Outputs loaded into the project arrive styled."""
        for dest, (kind, max_value) in self._style.items():
            layer = QgsProcessingUtils.mapLayerFromString(dest, context)
            if layer is None:
                continue
            style_layer(layer, kind, max_value)
        return {}


def style_layer(layer, kind: str, max_value: float = 0) -> None:
    if kind == "stations":
        lyr.style_stations(layer)
    elif kind == "vehicles":
        lyr.style_vehicles(layer)
    elif kind == "zones":
        lyr.style_zones(layer)
    elif kind == "routes":
        lyr.style_route_lines(layer)
    elif kind == "stops":
        lyr.style_sized_points(layer, "abfahrten", "#a3007c", max_value)
    elif kind == "rt_vehicles":
        lyr.style_sized_points(layer, "verspaetung_s", "#0064ad", 600)
    layer.triggerRepaint()
