"""DGM tiles as ASCII XYZ (x y z per line, a regular grid as NRW publishes DGM1): read
into a north-up grid with numpy."""

import os
from typing import Tuple

import numpy as np

from hamm_core.logic.errors import ParseError

from .i18n import tr


def read_xyz_grid(path: str, nodata: float = -9999.0) -> Tuple[np.ndarray, tuple]:
    """(array rows x cols, geotransform) of a regular XYZ grid (cell centres)."""
    source = os.path.basename(path)
    try:
        data = np.loadtxt(path, dtype=float, usecols=(0, 1, 2), ndmin=2,
                          delimiter=None if not _has_comma(path) else ",")
    except (OSError, ValueError, IndexError) as exc:
        raise ParseError(tr("{file} is not an XYZ grid (x y z per line): {error}").format(
            file=source, error=exc), source=path) from exc
    if data.shape[0] < 4:
        raise ParseError(tr("{file} holds too few points for a grid.").format(file=source),
                         source=path)
    xs, ys = np.unique(data[:, 0]), np.unique(data[:, 1])
    dx, dy = np.diff(xs), np.diff(ys)
    if dx.size == 0 or dy.size == 0:
        raise ParseError(tr("{file} holds too few points for a grid.").format(file=source),
                         source=path)
    cell = float(dx.min())
    if not np.allclose(dx % cell, 0, atol=1e-6) or not np.isclose(dy.min(), cell):
        raise ParseError(tr("{file} is not a regular grid with square cells.").format(
            file=source), source=path)
    cols = int(round((xs[-1] - xs[0]) / cell)) + 1
    rows = int(round((ys[-1] - ys[0]) / cell)) + 1
    arr = np.full((rows, cols), nodata)
    col = np.round((data[:, 0] - xs[0]) / cell).astype(int)
    row = np.round((ys[-1] - data[:, 1]) / cell).astype(int)
    arr[row, col] = data[:, 2]
    gt = (xs[0] - cell / 2, cell, 0.0, ys[-1] + cell / 2, 0.0, -cell)
    return arr, gt


def _has_comma(path: str) -> bool:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return "," in handle.readline()
