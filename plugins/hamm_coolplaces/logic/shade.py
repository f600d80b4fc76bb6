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
