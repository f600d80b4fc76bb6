"""Memory layers in EPSG:25832 from the plain records of the pure logic, and their styles."""

import operator
import sys
from array import array
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsLineString,
    QgsMarkerSymbol,
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
    geom = QgsGeometry(QgsLineString([x for x, _ in coords], [y for _, y in coords]))
    geom.transform(ct)
    return geom


def transform_points(lons: Sequence[float], lats: Sequence[float],
                     ct: QgsCoordinateTransform) -> Tuple[List[float], List[float]]:
    """Many lon/lat pairs transformed in one call (as the vertices of one line string);
    the same numbers as transforming each point. Falls back to one call per point when
    the batch fails."""
    if not lons:
        return [], []
    try:
        line = QgsLineString(list(lons), list(lats))
        line.transform(ct)
        data = bytes(line.asWkb())
    except QgsCsException:
        pts = [ct.transform(QgsPointXY(x, y)) for x, y in zip(lons, lats)]
        return [p.x() for p in pts], [p.y() for p in pts]
    # WKB LineString: byte order (1), type (4), count (4), then x, y doubles
    coords = array("d")
    coords.frombytes(data[9:9 + 16 * len(lons)])
    if data[0] != (1 if sys.byteorder == "little" else 0):
        coords.byteswap()
    return coords[0::2].tolist(), coords[1::2].tolist()


def point_geometries(records: Sequence[dict], ct: QgsCoordinateTransform
                     ) -> List[QgsGeometry]:
    """Point geometries of records with lon/lat, transformed in one batch."""
    xs, ys = transform_points([r["lon"] for r in records], [r["lat"] for r in records], ct)
    return [QgsGeometry.fromPointXY(QgsPointXY(x, y)) for x, y in zip(xs, ys)]


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
             geometry, extra: Dict[str, object] = None) -> List[QgsFeature]:
    """Features from records: attributes by field name (``extra`` overrides), geometry
    from ``geometry(record)`` or, as a list, one geometry per record."""
    names = fields.names()
    fixed = [(i, extra[n]) for i, n in enumerate(names) if extra and n in extra]
    geoms = None if callable(geometry) else geometry
    out = []
    for k, rec in enumerate(records):
        feat = QgsFeature(fields)
        feat.setGeometry(geoms[k] if geoms is not None else geometry(rec))
        get = rec.get
        attrs = [get(n) for n in names]
        for i, value in fixed:
            attrs[i] = value
        feat.setAttributes(attrs)
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


class PointSync:
    """Keeps a live point layer equal to the latest records without rebuilding it.

    Features are matched by an id field: changed attribute values and moved points are
    changed in bulk (changeAttributeValues / changeGeometryValues), new records added and
    vanished ones deleted; a feature that did not change is not touched (it keeps its
    feature id, so selections survive). The layer ends up with the same attributes and
    geometries as after replace_features. When many records are new or gone (first load,
    rotated vehicle ids), when ids repeat, or after the layer was edited, it is rebuilt.
    """

    REBUILD_SHARE = 0.5

    def __init__(self, layer: QgsVectorLayer, key: str):
        self.layer = layer
        self.key = key
        # id -> [feature id, attribute list, (needs transform, x, y)]: lon/lat (WGS84),
        # or x/y already in the layer CRS (records without lon)
        self.rows: Optional[Dict[object, list]] = None
        self.last = {"added": 0, "deleted": 0, "changed": 0, "moved": 0, "rebuilt": False}
        layer.afterCommitChanges.connect(self.reset)

    def reset(self) -> None:
        self.rows = None

    def update(self, records: Sequence[dict], ct: QgsCoordinateTransform,
               extra: Dict[str, object] = None) -> dict:
        """Bring the layer to ``records``; returns what was done (counts)."""
        layer = self.layer
        provider = layer.dataProvider()
        names = layer.fields().names()
        fixed = [(i, extra[n]) for i, n in enumerate(names) if extra and n in extra]
        key_name = self.key
        # values in field order picked in C; a fixed field picks any value first
        pick = operator.itemgetter(*[key_name if extra and n in extra else n
                                     for n in names])
        rows = []
        by_key: Dict[object, list] = {}
        for rec in records:
            try:
                attrs = list(pick(rec)) if len(names) > 1 else [pick(rec)]
            except KeyError:  # a record without some field: None there
                attrs = [rec.get(n) for n in names]
            for i, value in fixed:
                attrs[i] = value
            if rec.get("lon") is None and rec.get("x") is not None:
                pos = (False, float(rec["x"]), float(rec["y"]))
            else:
                pos = (True, float(rec["lon"]), float(rec["lat"]))
            row = [None, attrs, pos]
            rows.append(row)
            by_key[rec.get(key_name)] = row
        old = self.rows
        unique = len(by_key) == len(rows)
        rebuild = old is None or not unique or provider.featureCount() != len(old)
        if not rebuild:
            added = [k for k in by_key if k not in old]
            gone = [row[0] for k, row in old.items() if k not in by_key]
            rebuild = len(added) + len(gone) > self.REBUILD_SHARE * max(len(rows), 1)
        if rebuild:
            self._rebuild(provider, rows, by_key if unique else None, ct)
        else:
            self._apply(provider, old, by_key, added, gone, ct)
        layer.updateExtents()
        layer.triggerRepaint()
        return self.last

    @staticmethod
    def _geometries(positions, ct) -> List[QgsGeometry]:
        todo = [k for k, p in enumerate(positions) if p[0]]
        xs = [p[1] for p in positions]
        ys = [p[2] for p in positions]
        if todo:
            txs, tys = transform_points([xs[k] for k in todo], [ys[k] for k in todo], ct)
            for k, x, y in zip(todo, txs, tys):
                xs[k], ys[k] = x, y
        return [QgsGeometry.fromPointXY(QgsPointXY(x, y)) for x, y in zip(xs, ys)]

    def _features(self, rows, ct) -> List[QgsFeature]:
        geoms = self._geometries([row[2] for row in rows], ct)
        fields = self.layer.fields()
        out = []
        for row, geom in zip(rows, geoms):
            feat = QgsFeature(fields)
            feat.setAttributes(row[1])
            feat.setGeometry(geom)
            out.append(feat)
        return out

    def _rebuild(self, provider, rows, by_key, ct) -> None:
        """Every record a new feature (as replace_features); ``by_key`` None: ids repeat,
        nothing is remembered and the next update rebuilds again."""
        feats = self._features(rows, ct)
        provider.truncate()
        ok, feats = provider.addFeatures(feats)
        self.rows = None
        if by_key is not None and ok and len(feats) == len(rows):
            for row, feat in zip(rows, feats):
                row[0] = feat.id()
            self.rows = by_key
        self.last = {"added": len(rows), "deleted": 0, "changed": 0, "moved": 0,
                     "rebuilt": True}

    def _apply(self, provider, old, by_key, added, gone, ct) -> None:
        changes: Dict[int, Dict[int, object]] = {}
        moved_fids, moved_pos = [], []
        for key, row in by_key.items():
            before = old.get(key)
            if before is None:
                continue
            fid = row[0] = before[0]
            attrs, was = row[1], before[1]
            if attrs != was:
                changes[fid] = {i: v for i, (v, w) in enumerate(zip(attrs, was)) if v != w}
            if row[2] != before[2]:
                moved_fids.append(fid)
                moved_pos.append(row[2])
        if gone:
            provider.deleteFeatures(gone)
        if changes:
            provider.changeAttributeValues(changes)
        if moved_fids:
            provider.changeGeometryValues(dict(zip(moved_fids,
                                                   self._geometries(moved_pos, ct))))
        if added:
            rows = [by_key[k] for k in added]
            ok, feats = provider.addFeatures(self._features(rows, ct))
            if not ok or len(feats) != len(rows):
                self.rows = None
                return
            for row, feat in zip(rows, feats):
                row[0] = feat.id()
        self.rows = by_key
        self.last = {"added": len(added), "deleted": len(gone), "changed": len(changes),
                     "moved": len(moved_fids), "rebuilt": False}
