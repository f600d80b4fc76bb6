"""A footway graph and multi-source shortest paths: walking distance from every origin to
the nearest cool place in one search (not one search per origin).

Lines are split into their straight segments; segment ends that coincide (to 1 cm) are the
same node. Points (origins, cool place access points) are snapped onto the nearest segment
(a grid index finds it); the straight way from the point to the network is walked too.
With scipy the search is scipy.sparse.csgraph.dijkstra(min_only=True) over one virtual
node per source; without scipy a heap-based Dijkstra in pure Python does the same.
"""

import heapq
import math
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from .errors import CoolPlacesError
from .i18n import tr

NODE_PRECISION_M = 0.01
EPS = 1e-6


def _scipy_dijkstra():
    try:
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import dijkstra
    except ImportError:
        return None
    return csr_matrix, dijkstra


@dataclass
class Snap:
    """Points snapped to segments: segment index, position t (0..1) along it, distance to
    the network. ``ok`` is False where no segment lies within the snap distance."""
    segment: np.ndarray
    t: np.ndarray
    offset: np.ndarray
    ok: np.ndarray


class FootwayGraph:
    """Nodes and undirected segments of a footway network (projected coordinates, m)."""

    def __init__(self, lines: Sequence[Sequence[Tuple[float, float]]],
                 weights: Optional[Sequence[float]] = None):
        """``lines``: polylines as coordinate lists; ``weights``: optional factor per line
        on its length (cost, e.g. to prefer shaded streets; 1 = none)."""
        segs: List[Tuple[float, float, float, float]] = []
        factors: List[float] = []
        for i, line in enumerate(lines):
            pts = [(float(x), float(y)) for x, y in line]
            for a, b in zip(pts, pts[1:]):
                if a != b:
                    segs.append((a[0], a[1], b[0], b[1]))
                    factors.append(1.0 if weights is None else float(weights[i]))
        if not segs:
            raise CoolPlacesError(tr("The footway network has no line segments. Choose a line "
                                     "layer with streets or footways."))
        self.seg = np.asarray(segs, dtype=float)
        self.factor = np.asarray(factors, dtype=float)
        ends = np.vstack([self.seg[:, 0:2], self.seg[:, 2:4]])
        keys = np.round(ends / NODE_PRECISION_M).astype(np.int64)
        uniq, inverse = np.unique(keys, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        self.nodes = uniq.astype(float) * NODE_PRECISION_M
        n = len(self.seg)
        self.u = inverse[:n]
        self.v = inverse[n:]
        self.length = np.hypot(self.seg[:, 2] - self.seg[:, 0], self.seg[:, 3] - self.seg[:, 1])
        self.cost = self.length * self.factor
        self._grid: Optional[Dict[Tuple[int, int], np.ndarray]] = None
        self._cell = 0.0

    @property
    def node_count(self) -> int:
        return len(self.nodes)

    def components(self) -> np.ndarray:
        """Connected component label per node (union-find, vectorised enough)."""
        parent = np.arange(self.node_count)

        def find(a):
            root = a
            while parent[root] != root:
                root = parent[root]
            while parent[a] != root:
                parent[a], a = root, parent[a]
            return root
        for a, b in zip(self.u.tolist(), self.v.tolist()):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        return np.array([find(i) for i in range(self.node_count)])

    # -- snapping -----------------------------------------------------------------------
    def _build_grid(self, cell: float) -> None:
        self._cell = cell
        x0 = np.minimum(self.seg[:, 0], self.seg[:, 2])
        x1 = np.maximum(self.seg[:, 0], self.seg[:, 2])
        y0 = np.minimum(self.seg[:, 1], self.seg[:, 3])
        y1 = np.maximum(self.seg[:, 1], self.seg[:, 3])
        ci0, ci1 = np.floor(x0 / cell).astype(int), np.floor(x1 / cell).astype(int)
        cj0, cj1 = np.floor(y0 / cell).astype(int), np.floor(y1 / cell).astype(int)
        buckets: Dict[Tuple[int, int], List[int]] = {}
        for s in range(len(self.seg)):
            for i in range(ci0[s], ci1[s] + 1):
                for j in range(cj0[s], cj1[s] + 1):
                    buckets.setdefault((i, j), []).append(s)
        self._grid = {k: np.asarray(v, dtype=np.int64) for k, v in buckets.items()}

    def snap(self, points: np.ndarray, max_dist: float) -> Snap:
        """Snap points (n x 2) to the nearest segment within ``max_dist`` metres."""
        pts = np.asarray(points, dtype=float).reshape(-1, 2)
        n = len(pts)
        seg_idx = np.full(n, -1, dtype=np.int64)
        t_out = np.zeros(n)
        off = np.full(n, np.inf)
        if n == 0:
            return Snap(seg_idx, t_out, off, np.zeros(0, dtype=bool))
        cell = max(float(max_dist), 1.0)
        if self._grid is None or self._cell != cell:
            self._build_grid(cell)
        ci = np.floor(pts[:, 0] / cell).astype(int)
        cj = np.floor(pts[:, 1] / cell).astype(int)
        order = np.lexsort((cj, ci))
        keys = np.stack([ci[order], cj[order]], axis=1)
        breaks = np.flatnonzero(np.any(np.diff(keys, axis=0) != 0, axis=1)) + 1
        for group in np.split(order, breaks):
            i, j = ci[group[0]], cj[group[0]]
            cand = [self._grid[(a, b)] for a in (i - 1, i, i + 1) for b in (j - 1, j, j + 1)
                    if (a, b) in self._grid]
            if not cand:
                continue
            segs = np.unique(np.concatenate(cand))
            s = self.seg[segs]
            p = pts[group]
            ax, ay = s[:, 0][None, :], s[:, 1][None, :]
            dx, dy = (s[:, 2] - s[:, 0])[None, :], (s[:, 3] - s[:, 1])[None, :]
            px, py = p[:, 0][:, None], p[:, 1][:, None]
            tt = np.clip(((px - ax) * dx + (py - ay) * dy) / np.maximum(dx * dx + dy * dy, 1e-12),
                         0.0, 1.0)
            dist = np.hypot(ax + tt * dx - px, ay + tt * dy - py)
            best = np.argmin(dist, axis=1)
            rows = np.arange(len(group))
            seg_idx[group] = segs[best]
            t_out[group] = tt[rows, best]
            off[group] = dist[rows, best]
        ok = (seg_idx >= 0) & (off <= max_dist)
        seg_idx[~ok] = -1
        return Snap(seg_idx, t_out, off, ok)

    # -- search -------------------------------------------------------------------------
    def _entry_costs(self, snap: Snap):
        """For snapped points: (node a, cost to a, node b, cost to b) along the segment."""
        s = np.where(snap.ok, snap.segment, 0)
        c = self.cost[s]
        return (self.u[s], snap.t * c + snap.offset, self.v[s], (1 - snap.t) * c + snap.offset)

    def multi_source(self, sources: Snap, limit: float = np.inf, use_scipy: bool = True,
                     cancel: Optional[Callable[[], bool]] = None
                     ) -> Tuple[np.ndarray, np.ndarray]:
        """Cost from every node to its nearest source, and that source's index (-1 where
        no source is reachable)."""
        src = np.flatnonzero(sources.ok)
        nn = self.node_count
        if len(src) == 0:
            return np.full(nn, np.inf), np.full(nn, -1, dtype=np.int64)
        a, ca, b, cb = self._entry_costs(sources)
        lib = _scipy_dijkstra() if use_scipy else None
        if lib is not None:
            csr_matrix, dijkstra = lib
            ns = len(src)
            virt = nn + np.arange(ns)
            rows = np.concatenate([self.u, self.v, virt, virt])
            cols = np.concatenate([self.v, self.u, a[src], b[src]])
            w = np.concatenate([self.cost, self.cost, ca[src], cb[src]]) + EPS
            rows, cols, w = _min_duplicates(rows, cols, w)
            graph = csr_matrix((w, (rows, cols)), shape=(nn + ns, nn + ns))
            dist, _pred, which = dijkstra(graph, directed=True, indices=virt, limit=limit,
                                          min_only=True, return_predecessors=True)
            dist = dist[:nn]
            which = which[:nn]
            nearest = np.where(which >= 0, src[np.clip(which - nn, 0, ns - 1)], -1)
            return dist, nearest.astype(np.int64)
        return self._heap_search(src, a, ca, b, cb, limit, cancel)

    def _heap_search(self, src, a, ca, b, cb, limit, cancel):
        nn = self.node_count
        adj: List[List[Tuple[int, float]]] = [[] for _ in range(nn)]
        for u, v, w in zip(self.u.tolist(), self.v.tolist(), self.cost.tolist()):
            adj[u].append((v, w))
            adj[v].append((u, w))
        dist = [math.inf] * nn
        label = [-1] * nn
        heap = []
        for s in src.tolist():
            heap.append((float(ca[s]), int(a[s]), s))
            heap.append((float(cb[s]), int(b[s]), s))
        heapq.heapify(heap)
        pops = 0
        while heap:
            d, node, s = heapq.heappop(heap)
            if d >= dist[node] or d > limit:
                continue
            dist[node], label[node] = d, s
            pops += 1
            if cancel is not None and pops % 10000 == 0 and cancel():
                break
            for nxt, w in adj[node]:
                nd = d + w
                if nd < dist[nxt]:
                    heapq.heappush(heap, (nd, nxt, s))
        return np.asarray(dist), np.asarray(label, dtype=np.int64)

    def origin_costs(self, origins: Snap, node_cost: np.ndarray, node_source: np.ndarray,
                     sources: Optional[Snap] = None) -> Tuple[np.ndarray, np.ndarray]:
        """Cost from each snapped origin to its nearest source (inf where unreachable or not
        snapped) and the source index. Origins on the same segment as a source may also walk
        straight along that segment."""
        a, ca, b, cb = self._entry_costs(origins)
        via_a = node_cost[a] + ca
        via_b = node_cost[b] + cb
        cost = np.minimum(via_a, via_b)
        which = np.where(via_a <= via_b, node_source[a], node_source[b])
        if sources is not None and sources.ok.any():
            by_seg: Dict[int, List[int]] = {}
            for s in np.flatnonzero(sources.ok).tolist():
                by_seg.setdefault(int(sources.segment[s]), []).append(s)
            for o in np.flatnonzero(origins.ok).tolist():
                for s in by_seg.get(int(origins.segment[o]), ()):
                    seg = int(origins.segment[o])
                    direct = (abs(origins.t[o] - sources.t[s]) * self.cost[seg]
                              + origins.offset[o] + sources.offset[s])
                    if direct < cost[o]:
                        cost[o], which[o] = direct, s
        cost = np.where(origins.ok, cost, np.inf)
        which = np.where(origins.ok & np.isfinite(cost), which, -1)
        return cost, which


def _min_duplicates(rows, cols, w):
    """Keep the cheapest of parallel edges (a sparse matrix would add them up)."""
    order = np.lexsort((w, cols, rows))
    rows, cols, w = rows[order], cols[order], w[order]
    keep = np.ones(len(rows), dtype=bool)
    keep[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    return rows[keep], cols[keep], w[keep]


@dataclass
class AccessResult:
    minutes: np.ndarray       # walking time per origin (inf: no cool place reachable)
    distance: np.ndarray      # walking distance in metres (cost with weights = 1)
    nearest: np.ndarray       # index of the nearest cool place access point (-1: none)
    status: List[str]         # 'ok', 'outside', 'unreachable'


def speed_m_per_min(speed_kmh: float) -> float:
    if not speed_kmh > 0:
        raise CoolPlacesError(tr("The walking speed must be above 0 km/h (seniors: about "
                                 "3.6 km/h)."))
    return speed_kmh * 1000.0 / 60.0


def walking_access(graph: FootwayGraph, origins_xy: np.ndarray, sources_xy: np.ndarray,
                   speed_kmh: float = 3.6, max_snap_m: float = 250.0, use_scipy: bool = True,
                   cancel: Optional[Callable[[], bool]] = None) -> AccessResult:
    """Walking time from every origin to the nearest source point (cool place access)."""
    speed = speed_m_per_min(speed_kmh)
    src = graph.snap(np.asarray(sources_xy, dtype=float).reshape(-1, 2), max_snap_m)
    if not src.ok.any():
        raise CoolPlacesError(tr("No cool place lies within {d} m of the footway network. "
                                 "Check that the cool places and the network cover the same "
                                 "area and use the same CRS.").format(d=int(max_snap_m)))
    org = graph.snap(np.asarray(origins_xy, dtype=float).reshape(-1, 2), max_snap_m)
    node_cost, node_src = graph.multi_source(src, use_scipy=use_scipy, cancel=cancel)
    cost, which = graph.origin_costs(org, node_cost, node_src, src)
    status = ["ok" if np.isfinite(c) else ("outside" if not ok else "unreachable")
              for c, ok in zip(cost.tolist(), org.ok.tolist())]
    return AccessResult(minutes=cost / speed, distance=cost, nearest=which, status=status)
