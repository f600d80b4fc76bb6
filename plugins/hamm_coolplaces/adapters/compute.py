"""Shared steps of the algorithms: sun positions for an area, cool place access points,
walking access. Plain data in and out, so each algorithm stays thin."""

from typing import List, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsWkbTypes,
)

from ..logic import solar
from ..logic.coolness import KIND_FOUNTAIN, classify
from ..logic.errors import CoolPlacesError
from ..logic.graph import FootwayGraph, walking_access
from ..logic.i18n import tr
from .layers import Reader, access_points, line_arrays


def lonlat_of(x: float, y: float, crs: QgsCoordinateReferenceSystem) -> Tuple[float, float]:
    tf = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"),
                                QgsProject.instance().transformContext())
    p = tf.transform(QgsPointXY(x, y))
    return p.y(), p.x()


def suns(date: str, start: str, end: str, step_min: float, tz: str, lat: float, lon: float
         ) -> List[Tuple[float, float]]:
    """(azimuth, elevation) for each time step of the span (local time in ``tz``)."""
    steps = solar.time_steps(solar.parse_date(date), solar.parse_time(start),
                             solar.parse_time(end), step_min, solar.local_zone(tz))
    jd = np.array([solar.julian_day(t) for t in steps])
    az, el = solar.sun_position(jd, lat, lon)
    return list(zip(az.tolist(), el.tolist()))


class Places:
    """Cool places from several layers: one entry per feature, with its access points."""

    def __init__(self):
        self.names: List[str] = []
        self.kinds: List[str] = []
        self.xy: List[np.ndarray] = []
        self.owner: np.ndarray = np.zeros(0, dtype=np.int64)
        self.points: np.ndarray = np.zeros((0, 2))
        self.areas: List[Tuple[int, object]] = []

    def add_sources(self, reader: Reader, sources: Sequence, include_fountains: bool,
                    min_score: float) -> None:
        for src, name in sources:
            fields = src.fields().names()
            kind_field = "art" if "art" in fields else ("typ" if "typ" in fields else "")
            for geom, (nm, kind, score) in reader.geometries(src, name, ["name", kind_field,
                                                                         "kuehle"]):
                k = kind if kind_field == "art" else (classify(kind) or "")
                if k == KIND_FOUNTAIN and not include_fountains:
                    continue
                if score is not None and min_score > 0 and float(score) < min_score:
                    continue
                self.names.append(str(nm) if nm is not None else "")
                self.kinds.append(k or "")
                if geom.type() == QgsWkbTypes.PolygonGeometry:
                    self.areas.append((len(self.xy), geom))
                self.xy.append(access_points(geom))
        if not self.xy:
            raise CoolPlacesError(tr("The cool place layers hold no cool places (after leaving "
                                     "out drinking fountains and places below the minimum "
                                     "score). Run 'Find cool places' or choose other layers."))
        self.owner = np.concatenate([np.full(len(p), i) for i, p in enumerate(self.xy)])
        self.points = np.vstack(self.xy)

    def add_network_entrances(self, graph: FootwayGraph, tolerance: float = 1.0) -> None:
        """Network nodes inside an area (or on its outline) are entrances too: paths through
        a park and streets that meet its edge reach it exactly there."""
        nodes = graph.nodes
        extra_xy, extra_owner = [], []
        for owner, geom in self.areas:
            box = geom.boundingBox()
            sel = np.flatnonzero((nodes[:, 0] >= box.xMinimum() - tolerance)
                                 & (nodes[:, 0] <= box.xMaximum() + tolerance)
                                 & (nodes[:, 1] >= box.yMinimum() - tolerance)
                                 & (nodes[:, 1] <= box.yMaximum() + tolerance))
            if not len(sel):
                continue
            zone = geom.buffer(tolerance, 4)
            engine = QgsGeometry.createGeometryEngine(zone.constGet())
            engine.prepareGeometry()
            for n in sel.tolist():
                pt = QgsGeometry.fromPointXY(QgsPointXY(*nodes[n]))
                if engine.intersects(pt.constGet()):
                    extra_xy.append(nodes[n])
                    extra_owner.append(owner)
        if extra_xy:
            self.points = np.vstack([self.points, np.asarray(extra_xy)])
            self.owner = np.concatenate([self.owner, np.asarray(extra_owner)])


def build_graph(reader: Reader, network, name: str) -> FootwayGraph:
    coords, counts = line_arrays(reader, network, name)
    return FootwayGraph.from_arrays(coords, counts)


def access(graph: FootwayGraph, origins_xy: np.ndarray, places: Places, speed_kmh: float,
           max_snap: float, cancel=None):
    places.add_network_entrances(graph)
    result = walking_access(graph, origins_xy, places.points, speed_kmh, max_snap,
                            cancel=cancel)
    place = np.where(result.nearest >= 0, places.owner[np.clip(result.nearest, 0, None)], -1)
    return result, place


def band(minutes: float) -> str:
    if not np.isfinite(minutes):
        return tr("not reachable")
    for limit in (5, 10, 15):
        if minutes <= limit + 1e-6:
            return "{a}-{b} min".format(a=limit - 5, b=limit)
    return "> 15 min"
