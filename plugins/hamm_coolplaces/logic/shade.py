"""Shade of buildings (or a surface model) on a raster, for one sun position or a time span.

The height field H (metres, row 0 = north, column 0 = west, square cells) is swept towards
the sun: for the k-th step along the sun's azimuth the whole field is shifted by the step's
cell offset and lowered by the distance times tan(elevation). A cell lies in shade when any
shifted, lowered height is above its own height. One numpy pass per step; the number of
steps is (highest - lowest height) / tan(elevation) / cell size, so a 2 km x 2 km city
area at 1 m with 50 m towers needs about 50 array passes per time step.
"""

import math
from typing import Callable, Optional, Sequence, Tuple

import numpy as np

from .errors import CoolPlacesError
from .i18n import tr

TOLERANCE_M = 1e-3


def _check(heights: np.ndarray, cell_size: float) -> np.ndarray:
    h = np.asarray(heights, dtype=np.float32)
    if h.ndim != 2 or h.size == 0:
        raise CoolPlacesError(tr("The height grid is empty; choose an extent that holds "
                                 "buildings or surface heights."))
    if not cell_size > 0:
        raise CoolPlacesError(tr("The cell size must be larger than 0 metres."))
    if not np.isfinite(h).all():
        h = np.where(np.isfinite(h), h, 0.0).astype(np.float32)
    return h


def shade_mask(heights: np.ndarray, cell_size: float, azimuth_deg: float,
               elevation_deg: float) -> np.ndarray:
    """Boolean grid: True where the cell lies in the shadow of a higher cell.

    With the sun at or below the horizon every cell is in shade."""
    h = _check(heights, cell_size)
    rows, cols = h.shape
    if elevation_deg <= 0.0:
        return np.ones(h.shape, dtype=bool)
    tan_e = math.tan(math.radians(elevation_deg))
    az = math.radians(azimuth_deg)
    d_col, d_row = math.sin(az), -math.cos(az)   # towards the sun, in array axes
    norm = max(abs(d_col), abs(d_row))
    d_col, d_row = d_col / norm, d_row / norm
    relief = float(h.max() - h.min())
    max_dist = relief / tan_e
    steps = int(math.ceil(max_dist / (cell_size * math.hypot(d_col, d_row)))) + 1
    best = np.full(h.shape, -np.inf, dtype=np.float32)
    seen = set()
    for k in range(1, steps + 1):
        dr, dc = int(round(k * d_row)), int(round(k * d_col))
        if (dr, dc) in seen:
            continue
        seen.add((dr, dc))
        if abs(dr) >= rows or abs(dc) >= cols:
            break
        drop = math.hypot(dr, dc) * cell_size * tan_e
        if drop > relief + TOLERANCE_M:
            break
        # target[r, c] = h[r + dr, c + dc] - drop where inside the grid
        tr0, tr1 = max(0, -dr), rows - max(0, dr)
        tc0, tc1 = max(0, -dc), cols - max(0, dc)
        src = h[tr0 + dr:tr1 + dr, tc0 + dc:tc1 + dc]
        view = best[tr0:tr1, tc0:tc1]
        np.maximum(view, src - np.float32(drop), out=view)
    return best > h + TOLERANCE_M


def shade_share(heights: np.ndarray, cell_size: float,
                suns: Sequence[Tuple[float, float]],
                progress: Optional[Callable[[float], bool]] = None) -> np.ndarray:
    """Share (0..1) of the given sun positions (azimuth, elevation) at which each cell is in
    shade. ``progress(fraction)`` may return True to cancel."""
    if not suns:
        raise CoolPlacesError(tr("No time step lies in the chosen time span."))
    total = np.zeros(np.shape(heights), dtype=np.float32)
    for i, (az, el) in enumerate(suns):
        total += shade_mask(heights, cell_size, az, el)
        if progress is not None and progress((i + 1) / len(suns)):
            break
    return total / np.float32(len(suns))


def shade_mask_raymarch(heights: np.ndarray, cell_size: float, azimuth_deg: float,
                        elevation_deg: float) -> np.ndarray:
    """The straightforward reference: one ray per cell, marched cell by cell towards the
    sun (used by the tests and the benchmark, far too slow for real areas)."""
    h = _check(heights, cell_size)
    rows, cols = h.shape
    if elevation_deg <= 0.0:
        return np.ones(h.shape, dtype=bool)
    tan_e = math.tan(math.radians(elevation_deg))
    az = math.radians(azimuth_deg)
    d_col, d_row = math.sin(az), -math.cos(az)
    norm = max(abs(d_col), abs(d_row))
    d_col, d_row = d_col / norm, d_row / norm
    hmax = float(h.max())
    out = np.zeros(h.shape, dtype=bool)
    for r in range(rows):
        for c in range(cols):
            base = float(h[r, c])
            k = 1
            while True:
                dr, dc = int(round(k * d_row)), int(round(k * d_col))
                rr, cc = r + dr, c + dc
                if not (0 <= rr < rows and 0 <= cc < cols):
                    break
                ray = base + math.hypot(dr, dc) * cell_size * tan_e
                if ray > hmax:
                    break
                if h[rr, cc] > ray + TOLERANCE_M:
                    out[r, c] = True
                    break
                k += 1
    return out


def segment_shade(segments: np.ndarray, share: np.ndarray, xmin: float, ymax: float,
                  cell_size: float, step: Optional[float] = None) -> np.ndarray:
    """Mean shade share (0..1) along each segment (x0, y0, x1, y1) from a north-up raster
    of shade shares (row 0 at ``ymax``, column 0 at ``xmin``). The segment is sampled at
    the middles of equal pieces of at most ``step`` metres (default half a cell); samples
    outside the raster or on empty cells (NaN, e.g. inside buildings) are left out, and a
    segment without any sample counts as sunny (0)."""
    seg = np.asarray(segments, dtype=float).reshape(-1, 4)
    arr = np.asarray(share, dtype=float)
    if arr.ndim != 2 or arr.size == 0:
        raise CoolPlacesError(tr("The shade raster is empty."))
    valid = arr[np.isfinite(arr)]
    if len(valid) and (valid.min() < -1e-6 or valid.max() > 1 + 1e-6):
        raise CoolPlacesError(tr("The shade raster holds values outside 0..1. Give a shade "
                                 "share raster such as the output of 'Shade map'."))
    step = float(step) if step else cell_size / 2.0
    length = np.hypot(seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1])
    n = np.maximum(1, np.ceil(length / step)).astype(np.int64)
    owner = np.repeat(np.arange(len(seg)), n)
    k = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
    t = (k + 0.5) / np.repeat(n, n)
    x = seg[owner, 0] + t * (seg[owner, 2] - seg[owner, 0])
    y = seg[owner, 1] + t * (seg[owner, 3] - seg[owner, 1])
    col = np.floor((x - xmin) / cell_size).astype(np.int64)
    row = np.floor((ymax - y) / cell_size).astype(np.int64)
    inside = (row >= 0) & (row < arr.shape[0]) & (col >= 0) & (col < arr.shape[1])
    value = np.full(len(x), np.nan)
    value[inside] = arr[row[inside], col[inside]]
    ok = np.isfinite(value)
    sums = np.bincount(owner[ok], weights=value[ok], minlength=len(seg))
    counts = np.bincount(owner[ok], minlength=len(seg))
    out = np.zeros(len(seg))
    np.divide(sums, counts, out=out, where=counts > 0)
    return np.clip(out, 0.0, 1.0)


def sun_cost_factors(shade: np.ndarray, weight: float) -> np.ndarray:
    """Cost factor per segment for a preference of shaded ways: 1 + weight x (1 - shade).
    weight 0: no preference; weight 1: a metre in full sun counts as two metres in shade.
    Only the choice of the way changes; times stay real walking times."""
    if not weight >= 0:
        raise CoolPlacesError(tr("The weight of sunny ways must be 0 or more."))
    return 1.0 + float(weight) * (1.0 - np.clip(np.asarray(shade, dtype=float), 0.0, 1.0))
