"""Reading Processing sources into plain coordinates in one metric working CRS."""

from typing import List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsWkbTypes,
)

from ..logic.errors import CoolPlacesError
from ..logic.i18n import tr
from ..logic.wkb import WkbError, line_vertices


def working_crs(source, name: str) -> QgsCoordinateReferenceSystem:
    """The CRS of the main input; it must be projected in metres (e.g. EPSG:25832)."""
    crs = source.sourceCrs()
    if not crs.isValid():
        raise CoolPlacesError(tr("The layer '{name}' has no valid coordinate reference system. "
                                 "Set its CRS (in Hamm: EPSG:25832).").format(name=name))
    if crs.isGeographic():
        raise CoolPlacesError(tr("The layer '{name}' is in geographic coordinates ({crs}); "
                                 "distances need metres. Reproject it to a projected CRS such "
                                 "as EPSG:25832 (ETRS89 / UTM 32N).").format(name=name,
                                                                          crs=crs.authid()))
    return crs


class Reader:
    """Reads features of sources into ``crs`` (reprojecting other projected inputs)."""

    def __init__(self, crs: QgsCoordinateReferenceSystem, context=None):
        self.crs = crs
        self.ctx = context.transformContext() if context is not None else \
            QgsProject.instance().transformContext()

    def _transform(self, source, name: str) -> Optional[QgsCoordinateTransform]:
        src = source.sourceCrs()
        if not src.isValid():
            raise CoolPlacesError(tr("The layer '{name}' has no valid coordinate reference "
                                     "system. Set its CRS (in Hamm: EPSG:25832).").format(name=name))
        if src == self.crs:
            return None
        return QgsCoordinateTransform(src, self.crs, self.ctx)

    def geometries(self, source, name: str, fields: Sequence[str] = ()
                   ) -> List[Tuple[QgsGeometry, list]]:
        """(geometry, attribute values of ``fields``) for each feature with a geometry.
        Invalid polygons are repaired with makeValid()."""
        tf = self._transform(source, name)
        names = source.fields().names()
        idx = [names.index(f) if f in names else -1 for f in fields]
        out = []
        for feat in source.getFeatures(QgsFeatureRequest()):
            geom = QgsGeometry(feat.geometry())
            if geom.isNull() or geom.isEmpty():
                continue
            if tf is not None:
                geom.transform(tf)
            if geom.type() == QgsWkbTypes.PolygonGeometry and not geom.isGeosValid():
                geom = geom.makeValid()
            attrs = feat.attributes()
            out.append((geom, [attrs[i] if i >= 0 else None for i in idx]))
        return out


def line_arrays(reader: "Reader", source, name: str) -> Tuple[np.ndarray, np.ndarray]:
    """All vertices (n x 2, in the reader's CRS) and the vertex count of each line part of
    a line source, read in bulk from WKB (no attributes, no point objects)."""
    tf = reader._transform(source, name)
    blobs = []
    for feat in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geom = feat.geometry()
        if geom.isNull() or geom.isEmpty() or geom.type() != QgsWkbTypes.LineGeometry:
            continue
        if QgsWkbTypes.isCurvedType(geom.wkbType()):
            geom = QgsGeometry(geom.constGet().segmentize())
        if tf is not None:
            geom = QgsGeometry(geom)
            geom.transform(tf)
        blobs.append(bytes(geom.asWkb()))
    try:
        return line_vertices(blobs)
    except WkbError:
        # anything unusual: the slow, general way
        lines = polylines([g for g, _ in reader.geometries(source, name)])
        counts = np.array([len(line) for line in lines], dtype=np.int64)
        coords = np.array([p for line in lines for p in line], dtype=float).reshape(-1, 2)
        return coords, counts


def polylines(geoms: Sequence[QgsGeometry]) -> List[List[Tuple[float, float]]]:
    lines = []
    for g in geoms:
        if g.type() != QgsWkbTypes.LineGeometry:
            continue
        parts = g.asMultiPolyline() if g.isMultipart() else [g.asPolyline()]
        for part in parts:
            if len(part) >= 2:
                lines.append([(p.x(), p.y()) for p in part])
    return lines


def representative_point(g: QgsGeometry) -> Tuple[float, float]:
    p = g.pointOnSurface() if g.type() == QgsWkbTypes.PolygonGeometry else g.centroid()
    pt = p.asPoint()
    return pt.x(), pt.y()


def access_points(g: QgsGeometry, spacing: float = 20.0) -> np.ndarray:
    """Where a walker reaches a place: the point itself, or the outline of an area every
    ``spacing`` metres."""
    if g.type() == QgsWkbTypes.PointGeometry:
        pts = g.asMultiPoint() if g.isMultipart() else [g.asPoint()]
        return np.array([(p.x(), p.y()) for p in pts], dtype=float).reshape(-1, 2)
    if g.type() == QgsWkbTypes.PolygonGeometry:
        outline = QgsGeometry(g.constGet().boundary())
    else:
        outline = QgsGeometry(g)
    dense = outline.densifyByDistance(spacing)
    pts = [(v.x(), v.y()) for v in dense.vertices()]
    if not pts:
        pts = [representative_point(g)]
    return np.array(pts, dtype=float).reshape(-1, 2)
