"""The area of an import: a box (map extent, drawn rectangle) or polygons (a district).

A building belongs to the area when its plan (the x/y of its surfaces) meets the area:
a vertex of the building lies inside, an edge of the building crosses an edge of the
area, or the area lies inside the building. Boxes are tested first, so buildings far
away cost one comparison. Pure numpy (even-odd ray casting, segment crossing tests).
"""

from typing import List, Optional, Sequence, Tuple

import numpy as np

Box = Tuple[float, float, float, float]


def _ring2d(ring) -> np.ndarray:
    arr = np.asarray(ring, dtype=float)[:, :2]
    if not np.array_equal(arr[0], arr[-1]):
        arr = np.vstack([arr, arr[:1]])
    return arr


def points_in_rings(x: np.ndarray, y: np.ndarray, rings: Sequence[np.ndarray]) -> np.ndarray:
    """Even-odd rule over all rings (exteriors and holes alike): True for points inside."""
    inside = np.zeros(x.shape, dtype=bool)
    for ring in rings:
        x1, y1 = ring[:-1, 0], ring[:-1, 1]
        x2, y2 = ring[1:, 0], ring[1:, 1]
        # edges straddling the horizontal line through each point (n points x m edges)
        py = y[:, None]
        cond = (y1[None, :] > py) != (y2[None, :] > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            xc = x1[None, :] + (py - y1[None, :]) * (x2 - x1)[None, :] / (y2 - y1)[None, :]
        crossings = np.count_nonzero(cond & (x[:, None] < xc), axis=1)
        inside ^= (crossings % 2) == 1
    return inside


def segments_cross(a: np.ndarray, b: np.ndarray) -> bool:
    """Does any segment of ``a`` (n, 4: x1 y1 x2 y2) meet any segment of ``b`` (m, 4)?"""
    if len(a) == 0 or len(b) == 0:
        return False
    p, r = a[:, None, 0:2], a[:, None, 2:4] - a[:, None, 0:2]
    q, s = b[None, :, 0:2], b[None, :, 2:4] - b[None, :, 0:2]

    def cross(u, v):
        return u[..., 0] * v[..., 1] - u[..., 1] * v[..., 0]

    denom = cross(r, s)
    qp = q - p
    with np.errstate(divide="ignore", invalid="ignore"):
        t = cross(qp, s) / denom
        u = cross(qp, r) / denom
    proper = (denom != 0) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1)
    return bool(np.any(proper))


def _segments(rings: Sequence[np.ndarray]) -> np.ndarray:
    if not rings:
        return np.zeros((0, 4))
    return np.vstack([np.hstack([r[:-1, :2], r[1:, :2]]) for r in rings])


class AreaFilter:
    """Polygons (each a list of rings: exterior first, then holes) in the import CRS."""

    def __init__(self, polygons: Sequence[Sequence[Sequence[Sequence[float]]]]):
        self.rings: List[np.ndarray] = [_ring2d(r) for poly in polygons for r in poly
                                        if len(r) >= 3]
        if not self.rings:
            raise ValueError("empty area")
        pts = np.vstack(self.rings)
        self.bbox: Box = (float(pts[:, 0].min()), float(pts[:, 1].min()),
                          float(pts[:, 0].max()), float(pts[:, 1].max()))
        self.edges = _segments(self.rings)
        ex = self.edges
        self._ebox = np.column_stack([np.minimum(ex[:, 0], ex[:, 2]),
                                      np.minimum(ex[:, 1], ex[:, 3]),
                                      np.maximum(ex[:, 0], ex[:, 2]),
                                      np.maximum(ex[:, 1], ex[:, 3])])

    @classmethod
    def from_box(cls, box: Box) -> "AreaFilter":
        x0, y0, x1, y1 = box
        return cls([[[(x0, y0), (x1, y0), (x1, y1), (x0, y1)]]])

    def contains_points(self, x, y) -> np.ndarray:
        return points_in_rings(np.asarray(x, float), np.asarray(y, float), self.rings)

    def meets_rings(self, rings: Sequence[np.ndarray]) -> bool:
        """Does the plan of these (closed, x/y[/z]) rings meet the area?"""
        if not rings:
            return False
        pts = np.vstack([r[:, :2] for r in rings])
        bx = (pts[:, 0].min(), pts[:, 1].min(), pts[:, 0].max(), pts[:, 1].max())
        if not boxes_meet(bx, self.bbox):
            return False
        if np.any(self.contains_points(pts[:, 0], pts[:, 1])):
            return True
        near = ((self._ebox[:, 0] <= bx[2]) & (self._ebox[:, 2] >= bx[0]) &
                (self._ebox[:, 1] <= bx[3]) & (self._ebox[:, 3] >= bx[1]))
        if np.any(near) and segments_cross(_segments([r[:, :2] for r in rings]),
                                           self.edges[near]):
            return True
        # the whole area inside the building?
        first = self.rings[0][0]
        return bool(np.any(points_in_rings(np.array([first[0]]), np.array([first[1]]),
                                           [r[:, :2] for r in rings])))


def boxes_meet(a: Box, b: Box) -> bool:
    return not (a[2] < b[0] or a[0] > b[2] or a[3] < b[1] or a[1] > b[3])


def building_in_area(building, area) -> bool:
    """``area``: None (everywhere), an (xmin, ymin, xmax, ymax) box or an AreaFilter."""
    if area is None:
        return True
    return rings_in_area([s.rings[0] for s in building.surfaces], area)


def rings_in_area(rings, area) -> bool:
    """building_in_area for the exterior rings of a building's surfaces."""
    if area is None:
        return True
    if not rings:
        return False
    if isinstance(area, AreaFilter):
        return area.meets_rings(rings)
    pts = np.concatenate(rings)
    return boxes_meet((float(pts[:, 0].min()), float(pts[:, 1].min()),
                       float(pts[:, 0].max()), float(pts[:, 1].max())), area)


def area_box(area) -> Optional[Box]:
    if area is None:
        return None
    return area.bbox if isinstance(area, AreaFilter) else tuple(area)
