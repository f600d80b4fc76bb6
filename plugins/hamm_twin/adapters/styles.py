"""Styles of the twin's layers (2D and 3D), applied in code so they work from source and
from the zip alike; saved as the default style into the GeoPackage so the layers arrive
styled wherever they are opened."""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsRendererCategory,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..logic.i18n import tr

SURFACE_COLORS = {"RoofSurface": "#c0504d", "WallSurface": "#d9d9d9",
                  "GroundSurface": "#7f7f7f"}


def _fill(color: str, outline: str = "#5a5a5a"):
    return QgsFillSymbol.createSimple({"color": color, "outline_color": outline,
                                       "outline_width": "0.2"})


HEIGHT_CLASSES = [(0, 5, "#fff5eb"), (5, 10, "#fdd0a2"), (10, 20, "#fd8d3c"),
                  (20, 40, "#d94801"), (40, 1000, "#7f2704")]


def style_buildings(layer: QgsVectorLayer) -> None:
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRendererRange
    ranges = [QgsRendererRange(lo, hi, _fill(color), "{} – {} m".format(lo, hi) if hi < 1000
                               else "> {} m".format(lo)) for lo, hi, color in HEIGHT_CLASSES]
    layer.setRenderer(QgsGraduatedSymbolRenderer("hoehe", ranges))
    set_3d_extrusion(layer)


def style_surfaces(layer: QgsVectorLayer) -> None:
    cats = []
    labels = {"RoofSurface": tr("Roof"), "WallSurface": tr("Wall"),
              "GroundSurface": tr("Ground")}
    for kind, color in SURFACE_COLORS.items():
        cats.append(QgsRendererCategory(kind, _fill(color), labels[kind]))
    cats.append(QgsRendererCategory("", _fill("#bfbfbf"), tr("Other")))
    layer.setRenderer(QgsCategorizedSymbolRenderer("typ", cats))
    set_3d_surfaces(layer)


def style_terrain(layer) -> None:
    from qgis.core import QgsColorRampShader, QgsRasterShader
    provider = layer.dataProvider()
    stats = provider.bandStatistics(1)
    shader_fn = QgsColorRampShader(stats.minimumValue, stats.maximumValue)
    ramp = QgsStyle.defaultStyle().colorRamp("Greens")
    shader_fn.setSourceColorRamp(ramp)
    shader_fn.classifyColorRamp(5, 1, layer.extent(), provider)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_fn)
    layer.setRenderer(QgsSingleBandPseudoColorRenderer(provider, 1, shader))


def style_hillshade(layer) -> None:
    layer.setRenderer(QgsSingleBandGrayRenderer(layer.dataProvider(), 1))
    layer.setOpacity(0.5)


def set_3d_extrusion(layer: QgsVectorLayer, height_field: str = "hoehe") -> bool:
    """Buildings extruded by their height in the 3D view (QgsPolygon3DSymbol)."""
    try:
        from qgis._3d import QgsPolygon3DSymbol, QgsVectorLayer3DRenderer
        from qgis.core import QgsAbstract3DSymbol, QgsProperty
    except ImportError:
        return False
    symbol = QgsPolygon3DSymbol()
    symbol.setExtrusionHeight(10.0)
    props = symbol.dataDefinedProperties()
    props.setProperty(QgsAbstract3DSymbol.PropertyExtrusionHeight,
                      QgsProperty.fromExpression('coalesce("{}", 10)'.format(height_field)))
    symbol.setDataDefinedProperties(props)
    _material(symbol, "#e6d5b8")
    renderer = QgsVectorLayer3DRenderer(symbol)
    layer.setRenderer3D(renderer)
    return True


def set_3d_surfaces(layer: QgsVectorLayer) -> bool:
    """LoD2 surfaces at their own heights (absolute altitude) in the 3D view."""
    try:
        from qgis._3d import QgsPolygon3DSymbol, QgsVectorLayer3DRenderer
    except ImportError:
        return False
    symbol = QgsPolygon3DSymbol()
    try:  # QGIS >= 3.26
        from qgis.core import Qgis
        symbol.setAltitudeClamping(Qgis.AltitudeClamping.Absolute)
    except (ImportError, AttributeError, TypeError):
        from qgis._3d import Qgs3DTypes
        symbol.setAltitudeClamping(Qgs3DTypes.AltClampAbsolute)
    _material(symbol, "#d0c8c0")
    layer.setRenderer3D(QgsVectorLayer3DRenderer(symbol))
    return True


def _material(symbol, color: str) -> None:
    try:
        from qgis._3d import QgsPhongMaterialSettings
    except ImportError:
        return
    mat = QgsPhongMaterialSettings()
    mat.setDiffuse(QColor(color))
    mat.setAmbient(QColor(color).darker(150))
    symbol.setMaterial(mat)


def _qml(styler, geometry: str, fields: str) -> str:
    from qgis.PyQt.QtXml import QDomDocument
    layer = QgsVectorLayer("{}?crs=EPSG:25832&{}".format(geometry, fields), "s", "memory")
    styler(layer)
    doc = QDomDocument()
    layer.exportNamedStyle(doc)
    del layer
    return doc.toString()


def save_default_styles(gpkg: str) -> None:
    """Store the styles as default styles inside the GeoPackage (table layer_styles, as
    QGIS writes it), with OGR: QGIS's own connection pool must not hold the file open
    while the import writes to it."""
    from .store import BUILDINGS, SURFACES, write_styles
    write_styles(gpkg, {
        BUILDINGS: _qml(style_buildings, "MultiPolygon", "field=hoehe:double"),
        SURFACES: _qml(style_surfaces, "PolygonZ", "field=typ:string"),
    })
