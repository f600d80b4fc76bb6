"""Small planar polygon routines in pure Python (rings as lists of (x, y), open or closed)."""

import math
from typing import List, Sequence, Tuple

Point2 = Tuple[float, float]


def open_ring(ring: Sequence[Point2]) -> List[Point2]:
    pts = [(float(x), float(y)) for x, y in ring]
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts = pts[:-1]
    return pts


def area(ring: Sequence[Point2]) -> float:
    """Signed area (shoelace formula); positive when counter-clockwise. Computed relative
    to the first vertex: with UTM coordinates (10^6 m) the plain formula loses precision."""
    pts = open_ring(ring)
    if len(pts) < 3:
        return 0.0
    ox, oy = pts[0]
    s = 0.0
    for i, p in enumerate(pts):
        q = pts[(i + 1) % len(pts)]
        s += (p[0] - ox) * (q[1] - oy) - (q[0] - ox) * (p[1] - oy)
    return s / 2.0


def centroid(ring: Sequence[Point2]) -> Point2:
    pts = open_ring(ring)
    ox, oy = pts[0]
    local = [(x - ox, y - oy) for x, y in pts]
    a = area(local)
    if abs(a) < 1e-12:
        return (ox + sum(p[0] for p in local) / len(local), oy + sum(p[1] for p in local) / len(local))
    cx = cy = 0.0
    for i, p in enumerate(local):
        q = local[(i + 1) % len(local)]
        cross = p[0] * q[1] - q[0] * p[1]
        cx += (p[0] + q[0]) * cross
        cy += (p[1] + q[1]) * cross
    return ox + cx / (6 * a), oy + cy / (6 * a)


def _orient(a: Point2, b: Point2, c: Point2) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def segments_cross(p1: Point2, p2: Point2, q1: Point2, q2: Point2, eps: float = 1e-9) -> bool:
    """True if two segments intersect (touching included)."""
    d1, d2 = _orient(q1, q2, p1), _orient(q1, q2, p2)
    d3, d4 = _orient(p1, p2, q1), _orient(p1, p2, q2)
    if ((d1 > eps and d2 < -eps) or (d1 < -eps and d2 > eps)) and \
            ((d3 > eps and d4 < -eps) or (d3 < -eps and d4 > eps)):
        return True

    def on_seg(a, b, c, d):
        return abs(d) <= eps and min(a[0], b[0]) - eps <= c[0] <= max(a[0], b[0]) + eps and \
            min(a[1], b[1]) - eps <= c[1] <= max(a[1], b[1]) + eps
    return on_seg(q1, q2, p1, d1) or on_seg(q1, q2, p2, d2) or on_seg(p1, p2, q1, d3) or \
        on_seg(p1, p2, q2, d4)


def self_intersections(ring: Sequence[Point2]) -> List[Point2]:
    """Approximate locations (midpoints of the two edges) where non-adjacent edges meet."""
    pts = open_ring(ring)
    n = len(pts)
    found = []
    for i in range(n):
        for j in range(i + 1, n):
            if j == i or (j + 1) % n == i or (i + 1) % n == j:
                continue
            a, b, c, d = pts[i], pts[(i + 1) % n], pts[j], pts[(j + 1) % n]
            if segments_cross(a, b, c, d):
                found.append(((a[0] + b[0] + c[0] + d[0]) / 4, (a[1] + b[1] + c[1] + d[1]) / 4))
    return found


def point_in_polygon(pt: Point2, ring: Sequence[Point2]) -> bool:
    """Even-odd rule (ray casting)."""
    pts = open_ring(ring)
    x, y = pt
    inside = False
    for i, p in enumerate(pts):
        q = pts[(i + 1) % len(pts)]
        if (p[1] > y) != (q[1] > y):
            xi = p[0] + (y - p[1]) * (q[0] - p[0]) / (q[1] - p[1])
            if x < xi:
                inside = not inside
    return inside


def _ccw(ring: Sequence[Point2]) -> List[Point2]:
    pts = open_ring(ring)
    return pts if area(pts) > 0 else pts[::-1]


def triangulate(ring: Sequence[Point2]) -> List[List[Point2]]:
    """Ear clipping of a simple polygon into triangles."""
    pts = _ccw(ring)
    idx = list(range(len(pts)))
    tris = []
    guard = 0
    while len(idx) > 3 and guard < 10000:
        guard += 1
        for k in range(len(idx)):
            i0, i1, i2 = idx[k - 1], idx[k], idx[(k + 1) % len(idx)]
            a, b, c = pts[i0], pts[i1], pts[i2]
            if _orient(a, b, c) <= 1e-12:
                continue
            if any(point_in_polygon(pts[m], [a, b, c]) for m in idx if m not in (i0, i1, i2)):
                continue
            tris.append([a, b, c])
            idx.pop(k)
            break
        else:  # numerically degenerate rest: stop
            break
    if len(idx) == 3:
        tris.append([pts[i] for i in idx])
    return tris


def clip_convex(subject: Sequence[Point2], clip: Sequence[Point2]) -> List[Point2]:
    """Sutherland-Hodgman: subject polygon clipped by a convex polygon."""
    out = open_ring(subject)
    clip_pts = _ccw(clip)
    for i, a in enumerate(clip_pts):
        b = clip_pts[(i + 1) % len(clip_pts)]
        if not out:
            break
        inp, out = out, []
        for j, p in enumerate(inp):
            q = inp[(j + 1) % len(inp)]
            fp, fq = _orient(a, b, p), _orient(a, b, q)
            if fp >= 0:
                out.append(p)
            if (fp >= 0) != (fq >= 0):
                t = fp / (fp - fq)
                out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def overlap_area(ring_a: Sequence[Point2], ring_b: Sequence[Point2]) -> float:
    """Area of the intersection of two simple polygons: A is split into triangles, B is
    clipped by each (clipping by a convex polygon gives the exact intersection area)."""
    total = 0.0
    for tri in triangulate(ring_a):
        piece = clip_convex(ring_b, tri)
        if len(piece) >= 3:
            total += abs(area(piece))
    return total


def bbox(ring: Sequence[Point2]) -> Tuple[float, float, float, float]:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def segment_entry(p: Point2, q: Point2, ring: Sequence[Point2]) -> float:
    """Smallest parameter t in [0, 1] where segment p->q meets the polygon (0 if p is
    inside), or NaN when it does not meet it."""
    if point_in_polygon(p, ring):
        return 0.0
    pts = open_ring(ring)
    best = math.nan
    rx, ry = q[0] - p[0], q[1] - p[1]
    for i, a in enumerate(pts):
        b = pts[(i + 1) % len(pts)]
        sx, sy = b[0] - a[0], b[1] - a[1]
        den = rx * sy - ry * sx
        if abs(den) < 1e-15:
            continue
        t = ((a[0] - p[0]) * sy - (a[1] - p[1]) * sx) / den
        u = ((a[0] - p[0]) * ry - (a[1] - p[1]) * rx) / den
        inside = -1e-12 <= t <= 1 + 1e-12 and -1e-12 <= u <= 1 + 1e-12
        if inside and (math.isnan(best) or t < best):
            best = t
    return best
