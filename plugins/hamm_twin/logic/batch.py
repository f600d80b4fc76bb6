"""The per-surface numbers of many buildings at once (numpy over all rings of a batch):
Newell normal, 3D area, tilt and azimuth, plan envelope, lowest and highest z.

The results are the same floats as model.surface_area / model.tilt_azimuth and the
numpy min/max of model.summarize: every sum is taken in the same order as there (ring by
ring, vertex by vertex, starting from 0.0; the rings are laid out as rows of a matrix and
summed column by column), and the other steps are the same IEEE operations. Very long
rings (more than LONG vertices) go through model.newell_normal one by one.
"""

import math
from typing import List, Tuple

import numpy as np

from .model import Surface, newell_normal

LONG = 256


def newell_many(rings: List[np.ndarray]) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Newell normals (nx, ny, nz arrays) of many closed rings."""
    n = len(rings)
    nx, ny, nz = np.zeros(n), np.zeros(n), np.zeros(n)
    if n == 0:
        return nx, ny, nz
    lens = np.fromiter(map(len, rings), dtype=np.int64, count=n)
    short = lens <= LONG
    if not short.all():
        for i in np.nonzero(~short)[0].tolist():
            nx[i], ny[i], nz[i] = newell_normal(rings[i])
        sel = np.nonzero(short)[0]
        if len(sel) == 0:
            return nx, ny, nz
        sub = newell_many([rings[i] for i in sel.tolist()])
        nx[sel], ny[sel], nz[sel] = sub
        return nx, ny, nz
    pts = np.concatenate(rings)
    x, y, z = pts[:, 0], pts[:, 1], pts[:, 2]
    x0, x1, y0, y1, z0, z1 = x[:-1], x[1:], y[:-1], y[1:], z[:-1], z[1:]
    tx = (y0 - y1) * (z0 + z1)
    ty = (z0 - z1) * (x0 + x1)
    tz = (x0 - x1) * (y0 + y1)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    pairs = lens - 1
    width = int(pairs.max())
    cols = np.arange(width)
    idx = starts[:, None] + cols[None, :]
    valid = cols[None, :] < pairs[:, None]
    idx = np.where(valid, idx, 0)
    out = []
    for t in (tx, ty, tz):
        m = np.where(valid, t[idx], 0.0)  # padding adds +0.0: no change to a sum
        acc = 0.0 + m[:, 0]
        for j in range(1, width):
            acc = acc + m[:, j]
        out.append(acc)
    return out[0], out[1], out[2]


def _norm(nx, ny, nz):
    return np.sqrt(nx * nx + ny * ny + nz * nz)


class SurfaceMetrics:
    """Arrays over ``surfaces`` (in order): area, tilt, azimuth (-1 for none), plan
    envelope (minx, maxx, miny, maxy) and z range of the exterior ring."""

    def __init__(self, surfaces: List[Surface], exteriors=None, holes=None):
        """``surfaces``, or (with ``surfaces`` None) their ``exteriors`` (rings) and
        ``holes`` ({surface index: interior rings}, may be None)."""
        if surfaces is not None:
            exteriors = [s.rings[0] for s in surfaces]
            holes = {i: s.rings[1:] for i, s in enumerate(surfaces) if len(s.rings) > 1}
        n = len(exteriors)
        holes = [(i, r) for i, rings in sorted((holes or {}).items()) for r in rings]
        nx, ny, nz = newell_many(exteriors + [r for _i, r in holes])
        length = _norm(nx, ny, nz)
        area = length[:n] / 2.0
        if holes:
            area = area.tolist()
            hole_area = (length[n:] / 2.0).tolist()
            for (i, _r), a in zip(holes, hole_area):
                area[i] -= a
            area = np.array(area)
        self.area = np.maximum(area, 0.0)
        self.tilt, self.azimuth = _tilt_azimuth(nx[:n], ny[:n], nz[:n], length[:n])
        if n:
            lens = np.fromiter(map(len, exteriors), dtype=np.int64, count=n)
            starts = np.zeros(n, dtype=np.int64)
            np.cumsum(lens[:-1], out=starts[1:])
            pts = np.ascontiguousarray(np.concatenate(exteriors), dtype="<f8")
            lo = np.minimum.reduceat(pts, starts, axis=0)
            hi = np.maximum.reduceat(pts, starts, axis=0)
        else:
            lens = starts = np.zeros(0, dtype=np.int64)
            pts = lo = hi = np.zeros((0, 3))
        # the exterior rings one after the other (little-endian doubles), for WKB
        self.exterior_bytes = pts.tobytes()
        # and in 2D (x, y), for the footprints' WKB
        self.exterior_xy_bytes = np.ascontiguousarray(pts[:, :2]).tobytes()
        self.exterior_start, self.exterior_len = starts.tolist(), lens.tolist()
        self.minx, self.miny, self.zmin = lo[:, 0], lo[:, 1], lo[:, 2]
        self.maxx, self.maxy, self.zmax = hi[:, 0], hi[:, 1], hi[:, 2]


def _tilt_azimuth(nx, ny, nz, length):
    """model.tilt_azimuth for arrays."""
    tilt = np.zeros(len(nx))
    azimuth = np.full(len(nx), -1.0)
    ok = length != 0
    if not ok.any():
        return tilt, azimuth
    with np.errstate(invalid="ignore", divide="ignore"):
        ux, uy, uz = nx / length, ny / length, nz / length
    down = uz < 0
    ux, uy, uz = np.where(down, -ux, ux), np.where(down, -uy, uy), np.where(down, -uz, uz)
    # math.acos and math.atan2 (libm) as model.tilt_azimuth: numpy's own vectorised
    # arccos/arctan2 may differ from them in the last bit
    cos = np.clip(np.where(ok, uz, 1.0), -1.0, 1.0).tolist()
    t = np.degrees(np.array(list(map(math.acos, cos)), dtype=float))
    sloped = ok & ~(t < 1e-6)
    tilt = np.where(sloped, t, 0.0)
    angle = list(map(math.atan2, np.where(sloped, ux, 0.0).tolist(),
                     np.where(sloped, uy, 1.0).tolist()))
    az = np.mod(np.degrees(np.array(angle, dtype=float)) + 360.0, 360.0)
    azimuth = np.where(sloped, az, -1.0)
    return tilt, azimuth

