"""Base of hamm_mobility's algorithms: translation context and styled outputs."""

from qgis.core import QgsProcessingLayerPostProcessorInterface, QgsProcessingUtils

from hamm_core.processing.base import HammAlgorithm

from ..adapters import layers as lyr


class MobilityAlgorithm(HammAlgorithm):
    PLUGIN_ID = "hamm_mobility"

    def __init__(self):
        super().__init__()
        self._style = {}

    def postProcessAlgorithm(self, context, feedback):
        """Outputs loaded into the project arrive styled, in the Mobilitätsstadtplan."""
        for dest, (kind, max_value) in self._style.items():
            layer = QgsProcessingUtils.mapLayerFromString(dest, context)
            if layer is None:
                continue
            style_layer(layer, kind, max_value)
            if context.willLoadLayerOnCompletion(dest):
                post = IntoMobilityGroup()
                _KEEP.append(post)  # the caller must keep post-processors alive
                del _KEEP[:-20]
                context.layerToLoadOnCompletionDetails(dest).setPostProcessor(post)
        return {}


_KEEP = []


class IntoMobilityGroup(QgsProcessingLayerPostProcessorInterface):
    """Moves a loaded output into the layer group "Mobilitätsstadtplan"."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        from ..adapters.gbfs_live import group_name
        project = context.project()
        if project is None or layer is None:
            return
        root = project.layerTreeRoot()
        node = root.findLayer(layer.id())
        if node is None:
            return
        group = root.findGroup(group_name()) or root.insertGroup(0, group_name())
        clone = node.clone()
        group.insertChildNode(0, clone)
        node.parent().removeChildNode(node)


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
    elif kind == "parking":
        from ..adapters.feeds import style_parking
        style_parking(layer)
    elif kind == "charging":
        from ..adapters.feeds import style_charging
        style_charging(layer)
    elif kind == "counts":
        from ..adapters.feeds import style_counts
        style_counts(layer, max_value)
    elif kind == "rt_vehicles":
        lyr.style_sized_points(layer, "verspaetung_s", "#0064ad", 600)
    layer.triggerRepaint()
