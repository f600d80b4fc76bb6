"""Thin QGIS adapters: layers/features <-> the plain records of the pure logic."""

import math
from typing import Dict, List, Sequence, Tuple

from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..logic import model
from ..logic.errors import SignalsError
from ..logic.i18n import tr

CRS_25832 = QgsCoordinateReferenceSystem("EPSG:25832")
VARIANT = {"str": QVariant.String, "int": QVariant.Int, "real": QVariant.Double,
           "bool": QVariant.Bool}


def require_crs(layer, label: str = "") -> None:
    """The model works in EPSG:25832 (metres, grid north); refuse other layers clearly."""
    if layer is None:
        return
    crs = layer.crs() if hasattr(layer, "crs") else layer.sourceCrs()
    if crs.authid() != "EPSG:25832":
        raise SignalsError(tr("Layer {layer} is in {crs}; the detection zone tools need "
                              "EPSG:25832 (ETRS89 / UTM 32N, metres). Reproject the layer "
                              "first (Processing: Reproject layer).").format(
            layer=label or layer.name() if hasattr(layer, "name") else label,
            crs=crs.authid() or crs.description() or "?"))


def value(v):
    """QGIS NULL and NaN -> None."""
    if v is None or v == NULL:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def feature_record(feat: QgsFeature) -> Dict:
    rec = {name: value(feat[name]) for name in feat.fields().names()}
    rec["fid"] = feat.id() if "fid" not in rec or rec["fid"] is None else rec["fid"]
    return rec


def camera_records(source) -> List[Dict]:
    out = []
    for feat in source.getFeatures():
        geom = feat.geometry()
        if geom is None or geom.isEmpty():
            continue
        pt = geom.asPoint() if not geom.isMultipart() else geom.asMultiPoint()[0]
        rec = feature_record(feat)
        rec["x"], rec["y"] = pt.x(), pt.y()
        out.append(rec)
    return out


def polygon_ring(geom: QgsGeometry) -> List[Tuple[float, float]]:
    """Outer ring of a (multi)polygon's first part, without validity repair."""
    if geom is None or geom.isEmpty():
        return []
    if geom.isMultipart():
        parts = geom.asMultiPolygon()
        if not parts:
            return []
        rings = parts[0]
    else:
        rings = geom.asPolygon()
    return [(p.x(), p.y()) for p in rings[0]] if rings else []


def line_points(geom: QgsGeometry) -> List[Tuple[float, float]]:
    if geom is None or geom.isEmpty():
        return []
    if geom.isMultipart():
        parts = geom.asMultiPolyline()
        return [(p.x(), p.y()) for p in parts[0]] if parts else []
    return [(p.x(), p.y()) for p in geom.asPolyline()]


def zone_records(source) -> List[Dict]:
    out = []
    for feat in source.getFeatures():
        rec = feature_record(feat)
        rec["ring"] = polygon_ring(feat.geometry())
        out.append(rec)
    return out


def building_rings(source, height_field: str) -> List[Tuple[list, float]]:
    if source is None:
        return []
    if height_field not in source.fields().names():
        raise SignalsError(tr("The building layer has no field '{field}' with the building "
                              "height in metres.").format(field=height_field))
    out = []
    for feat in source.getFeatures():
        h = value(feat[height_field])
        geom = feat.geometry()
        if h is None or geom is None or geom.isEmpty():
            continue
        parts = geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]
        for part in parts:
            if part:
                out.append(([(p.x(), p.y()) for p in part[0]], float(h)))
    return out


def model_fields(table: str, with_fid: bool = False) -> QgsFields:
    fields = QgsFields()
    if with_fid:
        fields.append(QgsField("fid", QVariant.LongLong))
    for name, kind, _alias, _nn in model.FIELDS[table]:
        fields.append(QgsField(name, VARIANT[kind]))
    return fields


def zone_feature(fields: QgsFields, rec: Dict) -> QgsFeature:
    feat = QgsFeature(fields)
    for name in fields.names():
        if name in rec and rec[name] is not None:
            feat[name] = rec[name]
    ring = [QgsPointXY(x, y) for x, y in rec["ring"]]
    feat.setGeometry(QgsGeometry.fromPolygonXY([ring]))
    return feat


def wgs84_transformer(crs: QgsCoordinateReferenceSystem = CRS_25832):
    """A function mapping [(x, y)] in `crs` to [(lon, lat)] in WGS84 (EPSG:4326)."""
    xform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"),
                                   QgsProject.instance())

    def to_wgs84(points: Sequence[Tuple[float, float]]):
        out = []
        for x, y in points:
            p = xform.transform(QgsPointXY(x, y))
            out.append((p.x(), p.y()))
        return out
    return to_wgs84


def is_polygon_source(source) -> bool:
    return QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.PolygonGeometry
