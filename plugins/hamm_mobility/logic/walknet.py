"""Walking distances along a footway network (pure Python + numpy, no QGIS).

The network is made of the footway lines: every pair of consecutive vertices is an edge,
vertices closer than ``tolerance`` are one node. A point (an address, an offer) is
snapped to the nearest point of the nearest edge; the straight piece from the point to
the network is walked too. The walking distance between two points is

    offset(a) + along the network from a's foot point to b's foot point + offset(b),

found with Dijkstra's algorithm (heapq) started at both ends of a's edge (a multi-source
search whose sources start with the partial edge lengths) and stopped at the radius.
Two points on the same edge may also walk directly along it. Without a path (separate
parts of the network) the distance is infinite.
"""

import heapq
import math
from typing import Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np

INF = math.inf


class Snap(NamedTuple):
    edge: int       # index of the nearest edge
    t: float        # position on it, 0 = its first node, 1 = its second node
    offset: float   # straight distance from the point to the network


class FootwayNetwork:
    def __init__(self, lines: Iterable[Sequence[Tuple[float, float]]],
                 tolerance: float = 0.01, cell: float = 50.0):
        self.tolerance = tolerance
        self.cell = cell
        nodes: Dict[Tuple[int, int], int] = {}
        eu, ev, coords = [], [], []

        def node(x: float, y: float) -> int:
            key = (round(x / tolerance), round(y / tolerance))
            found = nodes.get(key)
            if found is None:
                found = nodes[key] = len(nodes)
            return found

        for line in lines:
            pts = [(float(x), float(y)) for x, y in line]
            pts = [p for p in pts if math.isfinite(p[0]) and math.isfinite(p[1])]
            for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
                a, b = node(x0, y0), node(x1, y1)
                if a == b:
                    continue  # shorter than the tolerance
                eu.append(a)
                ev.append(b)
                coords.append((x0, y0, x1, y1))
        self.n_nodes = len(nodes)
        self.eu = np.array(eu, dtype=np.int64)
        self.ev = np.array(ev, dtype=np.int64)
        c = np.array(coords, dtype=float).reshape(-1, 4)
        self.x0, self.y0, self.x1, self.y1 = c[:, 0], c[:, 1], c[:, 2], c[:, 3]
        self.length = np.hypot(self.x1 - self.x0, self.y1 - self.y0)
        self.adjacent: List[List[Tuple[int, float]]] = [[] for _ in range(self.n_nodes)]
        for a, b, w in zip(eu, ev, self.length.tolist()):
            self.adjacent[a].append((b, w))
            self.adjacent[b].append((a, w))
        # grid of cells -> edges whose bounding box touches the cell (for snapping)
        self.grid: Dict[Tuple[int, int], List[int]] = {}
        for k, (x0, y0, x1, y1) in enumerate(coords):
            for i in range(math.floor(min(x0, x1) / cell), math.floor(max(x0, x1) / cell) + 1):
                for j in range(math.floor(min(y0, y1) / cell),
                               math.floor(max(y0, y1) / cell) + 1):
                    self.grid.setdefault((i, j), []).append(k)
        if self.grid:
            cells = np.array(list(self.grid))
            self._bounds = cells.min(axis=0), cells.max(axis=0)

    @property
    def n_edges(self) -> int:
        return len(self.length)

    # -- snapping ----------------------------------------------------------------------
    def _nearest(self, ids: np.ndarray, x: float, y: float) -> Tuple[int, float, float]:
        ax, ay = self.x0[ids], self.y0[ids]
        dx, dy = self.x1[ids] - ax, self.y1[ids] - ay
        t = np.clip(((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy), 0.0, 1.0)
        d = np.hypot(x - (ax + t * dx), y - (ay + t * dy))
        k = int(np.argmin(d))
        return int(ids[k]), float(t[k]), float(d[k])

    def snap(self, x: float, y: float) -> Optional[Snap]:
        """The nearest point of the network (None for an empty network). Cells are
        searched ring by ring until no unseen cell can hold a nearer edge."""
        if not self.n_edges:
            return None
        ci, cj = math.floor(x / self.cell), math.floor(y / self.cell)
        lo, hi = self._bounds
        max_ring = int(max(abs(ci - lo[0]), abs(ci - hi[0]), abs(cj - lo[1]),
                           abs(cj - hi[1])))
        best: Optional[Tuple[int, float, float]] = None
        seen = set()
        for ring in range(max_ring + 1):
            ids = []
            for i in range(ci - ring, ci + ring + 1):
                for j in (range(cj - ring, cj + ring + 1) if abs(i - ci) == ring
                          else (cj - ring, cj + ring)):
                    for k in self.grid.get((i, j), ()):
                        if k not in seen:
                            seen.add(k)
                            ids.append(k)
            if ids:
                found = self._nearest(np.array(ids, dtype=np.int64), x, y)
                if best is None or found[2] < best[2] or \
                        (found[2] == best[2] and found[0] < best[0]):
                    best = found
            # every cell of the next ring is at least ring * cell away from the point
            if best is not None and best[2] <= ring * self.cell:
                break
        return Snap(*best) if best is not None else None

    # -- distances ---------------------------------------------------------------------
    def node_distances(self, start: Snap, limit: float) -> Dict[int, float]:
        """Network distance from the foot point of ``start`` to every node within
        ``limit`` (multi-source Dijkstra from both ends of its edge)."""
        e = start.edge
        length = float(self.length[e])
        dist: Dict[int, float] = {}
        heap = [(start.t * length, int(self.eu[e])), ((1.0 - start.t) * length,
                                                      int(self.ev[e]))]
        heapq.heapify(heap)
        adjacent = self.adjacent
        while heap:
            d, u = heapq.heappop(heap)
            if d > limit:
                break
            if u in dist:
                continue
            dist[u] = d
            for v, w in adjacent[u]:
                nd = d + w
                if nd <= limit and v not in dist:
                    heapq.heappush(heap, (nd, v))
        return dist

    def walk(self, start: Snap, dist: Dict[int, float], goal: Snap) -> float:
        """Walking distance from the point of ``start`` (``dist``: its node distances)
        to the point of ``goal``, offsets included; INF without a path in the limit."""
        e = goal.edge
        length = float(self.length[e])
        best = min(dist.get(int(self.eu[e]), INF) + goal.t * length,
                   dist.get(int(self.ev[e]), INF) + (1.0 - goal.t) * length)
        if e == start.edge:
            best = min(best, abs(goal.t - start.t) * length)
        return start.offset + best + goal.offset

    def distance(self, a: Tuple[float, float], b: Tuple[float, float],
                 limit: float = INF) -> float:
        """Walking distance between two points (INF beyond ``limit``)."""
        sa, sb = self.snap(*a), self.snap(*b)
        if sa is None or sb is None:
            return INF
        d = self.walk(sa, self.node_distances(sa, max(0.0, limit - sa.offset)), sb)
        return d if d <= limit else INF
