"""Memory layers in EPSG:25832 from the plain records of the pure logic, and their styles."""

from typing import Callable, Dict, Iterable, List, Sequence, Tuple

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsLineString,
    QgsMarkerSymbol,
    QgsPoint,
    QgsPointXY,
    QgsProject,
    QgsProperty,
    QgsRendererCategory,
    QgsSymbol,
    QgsSymbolLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor

from ..logic.i18n import tr

CRS = QgsCoordinateReferenceSystem("EPSG:25832")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
VARIANT = {"str": QVariant.String, "int": QVariant.Int, "real": QVariant.Double,
           "bool": QVariant.Bool, "long": QVariant.LongLong}
FieldSpec = Sequence[Tuple[str, str]]

STATION_FIELDS: FieldSpec = [
    ("station_id", "str"), ("name", "str"), ("adresse", "str"), ("kapazitaet", "int"),
    ("fahrzeuge", "int"), ("freie_plaetze", "int"), ("defekt", "int"), ("verleih", "bool"),
    ("rueckgabe", "bool"), ("installiert", "bool"),
    ("letzte_meldung", "long"), ("typen", "str"), ("zustand", "str"), ("system", "str")]
VEHICLE_FIELDS: FieldSpec = [
    ("fahrzeug_id", "str"), ("typ_id", "str"), ("typ", "str"), ("bauform", "str"),
    ("antrieb", "str"), ("reichweite_m", "real"), ("ladung_pct", "real"),
    ("reserviert", "bool"), ("defekt", "bool"), ("station_id", "str"),
    ("letzte_meldung", "long"), ("zustand", "str"), ("system", "str")]
ZONE_FIELDS: FieldSpec = [
    ("name", "str"), ("regel", "str"), ("fahrt_start", "bool"), ("fahrt_ende", "bool"),
    ("durchfahrt", "bool"), ("max_kmh", "real"), ("nur_station", "bool"), ("typen", "str"), ("system", "str")]


def fields_of(spec: FieldSpec) -> QgsFields:
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, VARIANT[kind]))
    return fields


def to_crs(crs: QgsCoordinateReferenceSystem = CRS) -> QgsCoordinateTransform:
    return QgsCoordinateTransform(WGS84, crs, QgsProject.instance())


def memory_layer(geometry: str, name: str, spec: FieldSpec,
                 crs: QgsCoordinateReferenceSystem = CRS) -> QgsVectorLayer:
    layer = QgsVectorLayer("{}?crs={}".format(geometry, crs.authid()), name, "memory")
    layer.dataProvider().addAttributes(fields_of(spec).toList())
    layer.updateFields()
    return layer


def point_geometry(rec: dict, ct: QgsCoordinateTransform) -> QgsGeometry:
    return QgsGeometry.fromPointXY(ct.transform(QgsPointXY(rec["lon"], rec["lat"])))


def line_geometry(coords: Sequence[Tuple[float, float]],
                  ct: QgsCoordinateTransform) -> QgsGeometry:
    geom = QgsGeometry(QgsLineString([QgsPoint(x, y) for x, y in coords]))
    geom.transform(ct)
    return geom


def geojson_polygon(geom: dict, ct: QgsCoordinateTransform) -> QgsGeometry:
    """GeoJSON Polygon/MultiPolygon (lon/lat) -> a MultiPolygon in the target CRS."""
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    parts = []
    for poly in polys:
        rings = []
        for ring in poly:
            rings.append([QgsPointXY(float(p[0]), float(p[1])) for p in ring])
        parts.append(rings)
    out = QgsGeometry.fromMultiPolygonXY(parts)
    out.transform(ct)
    return out


def features(records: Iterable[dict], fields: QgsFields,
             geometry: Callable[[dict], QgsGeometry], extra: Dict[str, object] = None
             ) -> List[QgsFeature]:
    names = fields.names()
    out = []
    for rec in records:
        feat = QgsFeature(fields)
        feat.setGeometry(geometry(rec))
        merged = dict(rec, **(extra or {}))
        feat.setAttributes([merged.get(n) for n in names])
        out.append(feat)
    return out


def replace_features(layer: QgsVectorLayer, feats: List[QgsFeature]) -> None:
    """Swap a live layer's content in one step (memory provider), then repaint."""
    provider = layer.dataProvider()
    provider.truncate()
    provider.addFeatures(feats)
    layer.updateExtents()
    layer.triggerRepaint()


def categorized(layer: QgsVectorLayer, field: str, classes: Sequence[Tuple[str, str, str]],
                size: float = 2.6) -> None:
    """classes: (value, translated label, colour)."""
    cats = []
    for value, label, color in classes:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(color))
        if isinstance(symbol, QgsMarkerSymbol):
            symbol.setSize(size)
        cats.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, cats))


def style_stations(layer: QgsVectorLayer) -> None:
    from ..logic import gbfs
    colors = {gbfs.STATE_OK: "#1a9641", gbfs.STATE_LOW: "#fdae61", gbfs.STATE_EMPTY: "#d7191c",
              gbfs.STATE_OUT: "#7f7f7f"}
    categorized(layer, "zustand", [(k, tr(v), colors[k]) for k, v in gbfs.STATE_LABELS.items()],
                size=3.4)
    layer.setMapTipTemplate("<b>[% name %]</b><br>[% fahrzeuge %] / [% kapazitaet %]")


def style_vehicles(layer: QgsVectorLayer) -> None:
    from ..logic import gbfs
    colors = {gbfs.VEHICLE_FREE: "#2b83ba", gbfs.VEHICLE_RESERVED: "#fdae61",
              gbfs.VEHICLE_DISABLED: "#7f7f7f"}
    categorized(layer, "zustand", [(k, tr(v), colors[k])
                                   for k, v in gbfs.VEHICLE_LABELS.items()], size=1.8)


def style_zones(layer: QgsVectorLayer) -> None:
    from ..logic import gbfs
    colors = {gbfs.ZONE_ALLOWED: "#a6d96a", gbfs.ZONE_NO_PARKING: "#fdae61",
              gbfs.ZONE_NO_RIDING: "#d7191c"}
    categorized(layer, "regel", [(k, tr(v), colors[k]) for k, v in gbfs.ZONE_LABELS.items()])
    layer.setOpacity(0.5)


def style_route_lines(layer: QgsVectorLayer, color_field: str = "farbe") -> None:
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setWidth(0.8)
    symbol.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.PropertyStrokeColor,
        QgsProperty.fromExpression('coalesce("{}", \'#555555\')'.format(color_field)))
    from qgis.core import QgsSingleSymbolRenderer
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def style_sized_points(layer: QgsVectorLayer, field: str, color: str, max_value: float) -> None:
    """Points sized by a count (departures): 1.5 mm up to 6 mm at ``max_value``."""
    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": color,
                                           "outline_color": "#ffffff", "size": "2"})
    symbol.setDataDefinedSize(QgsProperty.fromExpression(
        'scale_linear(coalesce("{}", 0), 0, {}, 1.5, 6)'.format(field, max(1.0, max_value))))
    from qgis.core import QgsSingleSymbolRenderer
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def geometry_type(layer: QgsVectorLayer) -> str:
    return QgsWkbTypes.displayString(layer.wkbType())
