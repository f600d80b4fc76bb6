"""Plane-to-plane homography from 4+ point pairs: the normalised direct linear transform
(Hartley & Zisserman, "Multiple View Geometry", 2nd ed., algorithm 4.2): translate each
point set to its centroid and scale it to a mean distance of sqrt(2), solve A h = 0 by SVD,
undo the normalisation."""

from typing import Sequence, Tuple

import numpy as np

from .errors import SignalsError
from .i18n import tr


def _normaliser(pts: np.ndarray) -> np.ndarray:
    centroid = pts.mean(axis=0)
    mean_dist = np.mean(np.hypot(*(pts - centroid).T))
    if mean_dist < 1e-12:
        raise SignalsError(tr("The control points all lie on one spot; spread them over the "
                              "image and the map."))
    s = np.sqrt(2.0) / mean_dist
    return np.array([[s, 0.0, -s * centroid[0]], [0.0, s, -s * centroid[1]], [0.0, 0.0, 1.0]])


def estimate_homography(src: Sequence[Tuple[float, float]],
                        dst: Sequence[Tuple[float, float]]) -> np.ndarray:
    """H (3x3, H[2,2] = 1) with dst ~ H src. Raises SignalsError on bad input."""
    src_a = np.asarray(src, dtype=float)
    dst_a = np.asarray(dst, dtype=float)
    if src_a.ndim != 2 or src_a.shape[1] != 2 or src_a.shape != dst_a.shape:
        raise SignalsError(tr("Control points must come in pairs of image and map "
                              "coordinates (x, y)."))
    if len(src_a) < 4:
        raise SignalsError(tr("At least 4 control points are needed to estimate the "
                              "homography; {n} were given.").format(n=len(src_a)))
    if not (np.isfinite(src_a).all() and np.isfinite(dst_a).all()):
        raise SignalsError(tr("A control point has an empty or invalid coordinate."))
    t_src, t_dst = _normaliser(src_a), _normaliser(dst_a)
    hs = np.column_stack([src_a, np.ones(len(src_a))]) @ t_src.T
    hd = np.column_stack([dst_a, np.ones(len(dst_a))]) @ t_dst.T
    rows = []
    for (x, y, w), (u, v, z) in zip(hs, hd):
        rows.append([0, 0, 0, -z * x, -z * y, -z * w, v * x, v * y, v * w])
        rows.append([z * x, z * y, z * w, 0, 0, 0, -u * x, -u * y, -u * w])
    a = np.asarray(rows)
    _, sing, vt = np.linalg.svd(a)
    # Degenerate configurations (3 points on a line) leave more than one null vector
    if len(sing) >= 8 and sing[7] < 1e-9 * max(sing[0], 1e-300):
        raise SignalsError(tr("The control points are degenerate (three or more on one line); "
                              "choose points spread over the area."))
    h_norm = vt[-1].reshape(3, 3)
    h = np.linalg.inv(t_dst) @ h_norm @ t_src
    if abs(h[2, 2]) < 1e-15:
        raise SignalsError(tr("The homography cannot be normalised; choose other control "
                              "points."))
    return h / h[2, 2]


def apply_homography(h: np.ndarray, pts) -> np.ndarray:
    pts = np.atleast_2d(np.asarray(pts, dtype=float))
    hom = np.column_stack([pts, np.ones(len(pts))]) @ np.asarray(h).T
    with np.errstate(divide="ignore", invalid="ignore"):
        return hom[:, :2] / hom[:, 2:3]


def invert_homography(h: np.ndarray) -> np.ndarray:
    inv = np.linalg.inv(h)
    return inv / inv[2, 2]


def reprojection_rms(h: np.ndarray, src, dst) -> float:
    """Root mean square distance between H(src) and dst (in dst units)."""
    err = apply_homography(h, src) - np.asarray(dst, dtype=float)
    return float(np.sqrt(np.mean(np.sum(err ** 2, axis=1))))
