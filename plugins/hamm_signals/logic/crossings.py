"""Waiting areas at crossings: pedestrians on the sidewalk at both ends of a crosswalk,
cyclists before their stop line.

Conventions (map grid, metres):
- A crossing line is drawn across the carriageway from kerb to kerb; its first and last
  vertex are the kerb points. The waiting area of each end lies on the sidewalk beyond the
  kerb point, continuing the line's direction: from `setback` to `setback + depth` metres
  past the kerb, `width` metres wide (centred on the line).
- A bike stop line is drawn from left to right as the arriving cyclist sees it, so the
  approach lies to the right of the line's direction; a lane crossing the stop line (drawn
  in the direction of travel) overrides this. The waiting area is the strip of `depth`
  metres right before the stop line (after an optional `setback`), as wide as the stop line.
Rings are closed and counter-clockwise.
"""

import math
from typing import List, Optional, Sequence, Tuple

from . import geometry as geo
from .errors import SignalsError
from .i18n import tr

Point2 = Tuple[float, float]


def _unit(p: Point2, q: Point2) -> Optional[Point2]:
    dx, dy = q[0] - p[0], q[1] - p[1]
    n = math.hypot(dx, dy)
    if n < 1e-9:
        return None
    return dx / n, dy / n


def _clean(line: Sequence[Point2]) -> List[Point2]:
    pts: List[Point2] = []
    for x, y in line:
        p = (float(x), float(y))
        if not pts or math.hypot(p[0] - pts[-1][0], p[1] - pts[-1][1]) > 1e-9:
            pts.append(p)
    return pts


def rectangle(origin: Point2, along: Point2, a0: float, a1: float, c0: float,
              c1: float) -> List[Point2]:
    """Closed ccw ring of the points origin + a * along + c * left(along) with a in [a0, a1]
    and c in [c0, c1] (left(along) = along turned by +90°)."""
    ox, oy = origin
    ax, ay = along
    lx, ly = -ay, ax
    ring = [(ox + ax * a + lx * c, oy + ay * a + ly * c)
            for a, c in ((a0, c0), (a1, c0), (a1, c1), (a0, c1))]
    if geo.area(ring) < 0:
        ring = ring[::-1]
    return ring + [ring[0]]


def _check(depth: float, width: float, setback: float) -> None:
    if not depth > 0 or not width > 0:
        raise SignalsError(tr("Depth and width of a waiting area must be greater than 0 m."))
    if setback < 0:
        raise SignalsError(tr("The distance from the kerb or stop line must not be "
                              "negative."))


def crossing_waiting_areas(line: Sequence[Point2], depth: float, width: float,
                           setback: float = 0.0, label: str = "") -> List[List[Point2]]:
    """The two pedestrian waiting areas of a crosswalk line: [at the first kerb point, at
    the last kerb point]."""
    _check(depth, width, setback)
    pts = _clean(line)
    if len(pts) < 2:
        raise SignalsError(tr("Crossing {name} has no length; draw it from kerb to kerb.")
                           .format(name=label or "?"))
    out_start = _unit(pts[1], pts[0])   # from the road onto the first sidewalk
    out_end = _unit(pts[-2], pts[-1])   # from the road onto the second sidewalk
    half = width / 2.0
    return [rectangle(pts[0], out_start, setback, setback + depth, -half, half),
            rectangle(pts[-1], out_end, setback, setback + depth, -half, half)]


def _crossing_direction(stop: Sequence[Point2], lane: Sequence[Point2]) -> Optional[Point2]:
    """Direction of travel of `lane` where it crosses the stop line, or None."""
    from .zones import _seg_intersection
    for i in range(len(lane) - 1):
        for j in range(len(stop) - 1):
            if _seg_intersection(lane[i], lane[i + 1], stop[j], stop[j + 1]) is not None:
                return _unit(lane[i], lane[i + 1])
    return None


def bike_waiting_area(stop_line: Sequence[Point2], depth: float, setback: float = 0.0,
                      lanes: Sequence[Sequence[Point2]] = (), label: str = ""
                      ) -> Tuple[List[Point2], Optional[int]]:
    """The bike waiting area before a stop line, and the index of the lane (in `lanes`)
    that gave the direction of travel (None: the drawing convention)."""
    pts = _clean(stop_line)
    if len(pts) < 2:
        raise SignalsError(tr("Stop line {name} has no length.").format(name=label or "?"))
    s0, s1 = pts[0], pts[-1]
    along = _unit(s0, s1)
    if along is None:
        raise SignalsError(tr("Stop line {name} has no length.").format(name=label or "?"))
    length = math.hypot(s1[0] - s0[0], s1[1] - s0[1])
    _check(depth, length, setback)
    back = (along[1], -along[0])  # right of the line's direction: the approach
    used = None
    for k, lane in enumerate(lanes):
        travel = _crossing_direction(pts, _clean(lane))
        if travel is not None:
            back = (-travel[0], -travel[1])
            used = k
            break
    # the strip between the stop line (pushed back by setback) and depth metres before it
    bx, by = back
    ring = [(s0[0] + bx * setback, s0[1] + by * setback),
            (s1[0] + bx * setback, s1[1] + by * setback),
            (s1[0] + bx * (setback + depth), s1[1] + by * (setback + depth)),
            (s0[0] + bx * (setback + depth), s0[1] + by * (setback + depth))]
    if geo.area(ring) < 0:
        ring = ring[::-1]
    if abs(geo.area(ring)) < 1e-6:
        raise SignalsError(tr("Stop line {name} runs along the direction of travel of its "
                              "lane; no waiting area can be laid out.").format(
            name=label or "?"))
    return ring + [ring[0]], used
