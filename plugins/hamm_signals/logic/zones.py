"""Zones from lanes and stop lines, and the layout of a pilot junction.

Lanes are lines drawn in the direction of travel (their last vertex lies at or just past
the stop line). A generated waiting zone is the strip of length L and width W on the lane
right before its stop line.
"""

import math
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import geometry as geo
from .camera import Camera
from .errors import SignalsError
from .i18n import tr

Point2 = Tuple[float, float]


def _seg_intersection(p, q, a, b) -> Optional[float]:
    """Parameter t on p->q where it crosses segment a->b, or None."""
    rx, ry = q[0] - p[0], q[1] - p[1]
    sx, sy = b[0] - a[0], b[1] - a[1]
    den = rx * sy - ry * sx
    if abs(den) < 1e-12:
        return None
    t = ((a[0] - p[0]) * sy - (a[1] - p[1]) * sx) / den
    u = ((a[0] - p[0]) * ry - (a[1] - p[1]) * rx) / den
    if -1e-9 <= t <= 1 + 1e-9 and -1e-9 <= u <= 1 + 1e-9:
        return t
    return None


def stop_position(lane: Sequence[Point2], stop_line: Sequence[Point2]) -> Optional[float]:
    """Distance along the lane where it crosses the stop line (first crossing), or None."""
    run = 0.0
    for i in range(len(lane) - 1):
        p, q = lane[i], lane[i + 1]
        seg = math.hypot(q[0] - p[0], q[1] - p[1])
        for j in range(len(stop_line) - 1):
            t = _seg_intersection(p, q, stop_line[j], stop_line[j + 1])
            if t is not None:
                return run + t * seg
        run += seg
    return None


def _point_at(lane: Sequence[Point2], s: float) -> Tuple[Point2, Point2]:
    """Point and unit direction at distance s along a polyline (clamped)."""
    run = 0.0
    for i in range(len(lane) - 1):
        p, q = lane[i], lane[i + 1]
        seg = math.hypot(q[0] - p[0], q[1] - p[1])
        if seg <= 0:
            continue
        if run + seg >= s or i == len(lane) - 2:
            t = max(0.0, min(1.0, (s - run) / seg))
            d = ((q[0] - p[0]) / seg, (q[1] - p[1]) / seg)
            return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])), d
        run += seg
    raise SignalsError(tr("A lane has no length."))


def lane_length(lane: Sequence[Point2]) -> float:
    return sum(math.hypot(lane[i + 1][0] - lane[i][0], lane[i + 1][1] - lane[i][1])
               for i in range(len(lane) - 1))


def zone_before_stop(lane: Sequence[Point2], stop_line: Sequence[Point2], length: float,
                     width: float, label: str = "") -> List[Point2]:
    """Polygon (closed ring, counter-clockwise) of the strip of `length` x `width` on the lane
    ending at the stop line. Curved lanes are followed vertex by vertex."""
    if length <= 0 or width <= 0:
        raise SignalsError(tr("Zone length and width must be greater than 0 m."))
    lane = [(float(x), float(y)) for x, y in lane]
    if len(lane) < 2 or lane_length(lane) <= 0:
        raise SignalsError(tr("Lane {lane} has no length.").format(lane=label or "?"))
    s_stop = stop_position(lane, stop_line)
    if s_stop is None:
        raise SignalsError(tr("Lane {lane} does not cross a stop line. Extend the lane up to "
                              "its stop line or draw the stop line across it.")
                           .format(lane=label or "?"))
    s_start = s_stop - length
    if s_start < -1e-6:
        raise SignalsError(tr("Lane {lane} is only {have:.1f} m long before its stop line; a "
                              "zone of {length:.1f} m does not fit.").format(
            lane=label or "?", have=s_stop, length=length))
    s_start = max(0.0, s_start)
    # stations: the start, inner vertices, the stop
    stations = [s_start]
    run = 0.0
    for i in range(len(lane) - 1):
        run += math.hypot(lane[i + 1][0] - lane[i][0], lane[i + 1][1] - lane[i][1])
        if s_start + 1e-6 < run < s_stop - 1e-6:
            stations.append(run)
    stations.append(s_stop)
    left, right = [], []
    half = width / 2.0
    for k, s in enumerate(stations):
        p, d = _point_at(lane, s)
        if 0 < k < len(stations) - 1:  # mitre at inner vertices: average of both directions
            _, d0 = _point_at(lane, s - 1e-3)
            _, d1 = _point_at(lane, s + 1e-3)
            dx, dy = d0[0] + d1[0], d0[1] + d1[1]
            n = math.hypot(dx, dy) or 1.0
            d = (dx / n, dy / n)
            scale = 1.0 / max(0.2, d[0] * d0[0] + d[1] * d0[1])  # mitre length
        else:
            scale = 1.0
        nx, ny = -d[1] * scale, d[0] * scale  # left normal
        left.append((p[0] + half * nx, p[1] + half * ny))
        right.append((p[0] - half * nx, p[1] - half * ny))
    ring = right + left[::-1]
    return ring + [ring[0]]


def best_camera(ring: Sequence[Point2], cameras: Sequence[Camera]) -> Optional[Camera]:
    """The camera that sees most corners of the zone, the nearest on a tie."""
    if not cameras:
        return None
    pts = np.asarray(geo.open_ring(ring))
    c = geo.centroid(ring)

    def key(cam):
        return (-int(cam.sees(pts).sum()), math.hypot(cam.x - c[0], cam.y - c[1]))
    return min(cameras, key=key)


# ------------------------------------------------------------------------------------------
# Pilot junction layout (right-hand traffic)

def azimuth(dx: float, dy: float) -> float:
    """Grid azimuth in degrees clockwise from north."""
    return math.degrees(math.atan2(dx, dy)) % 360.0


def arms_at(junction: Point2, segments: Sequence[Tuple[str, Sequence[Point2]]],
            tol: float = 1.0) -> List[Dict]:
    """Arms of a junction from street segments: each segment with an end within `tol` of
    the junction gives an arm {name, dir (unit vector away from the junction)}."""
    arms = []
    jx, jy = junction
    for name, line in segments:
        if len(line) < 2:
            continue
        for end, nxt in ((line[0], line[1]), (line[-1], line[-2])):
            if math.hypot(end[0] - jx, end[1] - jy) <= tol:
                dx, dy = nxt[0] - end[0], nxt[1] - end[1]
                n = math.hypot(dx, dy)
                if n > 0:
                    arms.append({"name": name, "dir": (dx / n, dy / n)})
    arms.sort(key=lambda a: azimuth(*a["dir"]))
    return arms


def find_junction(segments: Sequence[Tuple[str, Sequence[Point2]]], name_a: str,
                  name_b: str) -> Point2:
    """The point where streets named name_a and name_b meet (a shared segment end)."""
    ends_a = {(round(p[0], 2), round(p[1], 2)) for n, line in segments if n == name_a
              for p in (line[0], line[-1])}
    ends_b = {(round(p[0], 2), round(p[1], 2)) for n, line in segments if n == name_b
              for p in (line[0], line[-1])}
    common = sorted(ends_a & ends_b)
    if not common:
        raise SignalsError(tr("The streets {a} and {b} do not meet in the street layer.")
                           .format(a=name_a, b=name_b))
    return common[0]


def pilot_layout(junction: Point2, arms: Sequence[Dict], lane_width: float = 3.5,
                 lanes_per_arm: int = 2, stop_offset: float = 12.0, lane_length_m: float = 80.0,
                 camera_height: float = 8.0) -> Dict[str, List[Dict]]:
    """Signal groups, lanes, stop lines and one camera per arm, as plain records with
    geometries in the junction's CRS. Right-hand traffic: the approach lanes lie to the
    right of the centre line as seen by the arriving driver; lane 1 is the rightmost."""
    if not arms:
        raise SignalsError(tr("The junction has no arms: no street ends at it."))
    jx, jy = junction
    out = {"signal_groups": [], "lanes": [], "stop_lines": [], "cameras": []}
    for k, arm in enumerate(arms, start=1):
        ax, ay = arm["dir"]
        # travel direction into the junction and its right-hand normal
        tx, ty = -ax, -ay
        rx, ry = ty, -tx
        zufahrt = "{} ({})".format(arm["name"], _compass(azimuth(ax, ay)))
        out["signal_groups"].append({"key": "K{}".format(k), "name": "K{}".format(k), "art": "car",
                                     "arm": k})
        out["signal_groups"].append({"key": "F{}".format(k), "name": "F{}".format(k),
                                     "art": "pedestrian", "arm": k})
        for n in range(1, lanes_per_arm + 1):
            off = (lanes_per_arm - n + 0.5) * lane_width  # lane 1 = rightmost
            start = (jx + ax * lane_length_m + rx * off, jy + ay * lane_length_m + ry * off)
            end = (jx + ax * (stop_offset - 2.0) + rx * off, jy + ay * (stop_offset - 2.0) + ry * off)
            direction = "straight_right" if n == 1 else "left" if n == lanes_per_arm else "straight"
            out["lanes"].append({"key": "L{}.{}".format(k, n), "zufahrt": zufahrt,
                                 "fahrstreifen_nr": n, "richtung": direction,
                                 "signal_group": "K{}".format(k), "line": [start, end]})
        width = lanes_per_arm * lane_width
        out["stop_lines"].append({"key": "H{}".format(k), "signal_group": "K{}".format(k),
                                  "line": [(jx + ax * stop_offset, jy + ay * stop_offset),
                                           (jx + ax * stop_offset + rx * width,
                                            jy + ay * stop_offset + ry * width)]})
        # camera on the far side of the junction, on the arm's right-hand kerb line,
        # looking out along the arm
        back, side = 10.0, width + 1.0
        cam_xy = (jx - ax * back + rx * side, jy - ay * back + ry * side)
        aim = stop_offset + 20.0 + back  # aim at the middle of a 40 m stretch
        out["cameras"].append({"key": "C{}".format(k), "name": "Kamera {}".format(zufahrt),
                               "x": cam_xy[0], "y": cam_xy[1], "hoehe_m": camera_height,
                               "azimut_grad": round(azimuth(ax, ay), 2),
                               "neigung_grad": round(math.degrees(math.atan2(camera_height, aim)), 2),
                               "hfov_grad": 50.0, "vfov_grad": None, "bild_breite_px": 1920,
                               "bild_hoehe_px": 1080, "max_reichweite_m": 80.0,
                               "modell": "KI-Kamera (Demo)", "arm": k})
        # pedestrian waiting area at the kerb beside the stop line
        out.setdefault("ped_zones", []).append({
            "key": "P{}".format(k), "signal_group": "F{}".format(k), "ring": _rect(
                (jx, jy), (ax, ay), (rx, ry), stop_offset - 3.0, stop_offset - 0.5,
                width + 0.2, width + 1.8)})
    return out


def _rect(origin, along, across, a0, a1, c0, c1) -> List[Point2]:
    ox, oy = origin
    pts = [(a0, c0), (a1, c0), (a1, c1), (a0, c1)]
    ring = [(ox + along[0] * a + across[0] * c, oy + along[1] * a + across[1] * c) for a, c in pts]
    if geo.area(ring) < 0:
        ring = ring[::-1]
    return ring + [ring[0]]


def _compass(az: float) -> str:
    names = ["N", "NO", "O", "SO", "S", "SW", "W", "NW"]
    return names[int((az + 22.5) // 45) % 8]
