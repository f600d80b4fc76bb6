"""Renderers of the coverage rasters, so that they arrive readable in the project:
received power by the sensitivities of SF12 and SF7, the spreading factor and the best
gateway as classes (the gateway's name as label), the number of gateways in reach."""

from qgis.core import (
    QgsColorRampShader,
    QgsPalettedRasterRenderer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtGui import QColor

from ..logic.radio import SPREADING_FACTORS, RadioParams, required_power

# ColorBrewer RdYlGn and a qualitative set (colorbrewer2.org)
_SF_COLOURS = ["#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#f46d43", "#d7191c"]
_QUALITATIVE = ["#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928", "#a6cee3", "#b2df8a"]


def style_power(layer, params: RadioParams, tr) -> None:
    """Red where only SF12 closes the link (with the fade margin), orange to SF7, green above."""
    weak = required_power(max(SPREADING_FACTORS), params) + params.fade_margin_db
    good = required_power(min(SPREADING_FACTORS), params) + params.fade_margin_db
    ramp = QgsColorRampShader(weak - 3.0, -60.0)
    ramp.setColorRampType(QgsColorRampShader.Interpolated)
    item = QgsColorRampShader.ColorRampItem
    ramp.setColorRampItemList(
        [
            item(weak, QColor("#b2182b"), tr("{v:.0f} dBm (SF12)").format(v=weak)),
            item(good, QColor("#f4a582"), tr("{v:.0f} dBm (SF7)").format(v=good)),
            item(-100.0, QColor("#a6d96a"), "-100 dBm"),
            item(-60.0, QColor("#1a9641"), "-60 dBm"),
        ]
    )
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))
    layer.renderer().setOpacity(0.7)
    layer.triggerRepaint()


def _paletted(layer, classes) -> None:
    entries = [QgsPalettedRasterRenderer.Class(v, QColor(colour), label) for v, colour, label in classes]
    layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, entries))
    layer.renderer().setOpacity(0.7)
    layer.triggerRepaint()


def style_sf(layer, tr) -> None:
    _paletted(layer, [(sf, c, tr("SF{sf}").format(sf=sf)) for sf, c in zip(SPREADING_FACTORS, _SF_COLOURS)])


def style_server(layer, names) -> None:
    _paletted(layer, [(i, _QUALITATIVE[i % len(_QUALITATIVE)], name) for i, name in enumerate(names)])


def style_count(layer, n_gateways: int, tr) -> None:
    top = max(n_gateways, 1)
    classes = [(0, "#f0f0f0", tr("no gateway"))]
    for i in range(1, top + 1):
        share = i / top
        colour = QColor.fromHsvF(0.6, 0.25 + 0.75 * share, 0.95 - 0.45 * share).name()
        classes.append((i, colour, tr("{n} gateway(s)").format(n=i)))
    _paletted(layer, classes)
