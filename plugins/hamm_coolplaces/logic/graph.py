"""A footway graph and multi-source shortest paths: walking distance from every origin to
the nearest cool place in one search (not one search per origin).

Lines are split into their straight segments; segment ends that coincide (to 1 cm) are the
same node. Points (origins, cool place access points) are snapped onto the nearest segment
(a grid index finds it); the straight way from the point to the network is walked too.
With scipy the search is scipy.sparse.csgraph.dijkstra(min_only=True) over one virtual
node per source; without scipy a heap-based Dijkstra in pure Python does the same.

Each segment has a cost (its length times a factor, e.g. to prefer shaded streets) and a
length. The search minimises the cost; the real length of the chosen way is carried along,
so walking times stay real minutes when the cost is weighted.

Speed (see scripts/bench_coolplaces.py): the graph is built and points are snapped with
array operations only (no Python loop per segment or per point); the pure Dijkstra keeps
one tentative distance per node and pushes a node only when its distance improves.
"""

import heapq
import math
from dataclasses import dataclass
from itertools import chain
from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np

from .errors import CoolPlacesError
from .i18n import tr

NODE_PRECISION_M = 0.01
EPS = 1e-6
# a fine snapping grid holds about this many segment boxes per cell and point
_FINE_CELLS_PER_SEGMENT = 12
_BIG = np.iinfo(np.int64).max
_MAX_PAIRS = 4_000_000


def _scipy_dijkstra():
    try:
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import dijkstra
    except ImportError:
        return None
    return csr_matrix, dijkstra


def _scipy_components():
    try:
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components
    except ImportError:
        return None
    return coo_matrix, connected_components


@dataclass
class Snap:
    """Points snapped to segments: segment index, position t (0..1) along it, distance to
    the network. ``ok`` is False where no segment lies within the snap distance."""
    segment: np.ndarray
    t: np.ndarray
    offset: np.ndarray
    ok: np.ndarray


@dataclass
class Search:
    """Result of a multi-source search per node: cost to the nearest source (by cost),
    the real length of that way (metres), and the source index (-1: none reachable)."""
    cost: np.ndarray
    length: np.ndarray
    source: np.ndarray


def _flatten(lines) -> Tuple[np.ndarray, np.ndarray]:
    """Coordinate lists to (all vertices n x 2, vertex count per line)."""
    counts = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines))
    total = int(counts.sum())
    flat = np.fromiter(chain.from_iterable(chain.from_iterable(lines)), dtype=float,
                       count=2 * total).reshape(-1, 2)
    return flat, counts


def _segments(flat: np.ndarray, counts: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """(segments n x 4, index of the line of each segment) without zero-length ones."""
    if int(counts.sum()) == 0:
        return np.zeros((0, 4)), np.zeros(0, dtype=np.int64)
    line_of_pt = np.repeat(np.arange(len(counts)), counts)
    # a point starts a segment when the next point belongs to the same line
    start = np.flatnonzero(line_of_pt[:-1] == line_of_pt[1:])
    seg = np.hstack([flat[start], flat[start + 1]])
    keep = (seg[:, 0] != seg[:, 2]) | (seg[:, 1] != seg[:, 3])
    return seg[keep], line_of_pt[start][keep]


class FootwayGraph:
    """Nodes and undirected segments of a footway network (projected coordinates, m)."""

    def __init__(self, lines: Sequence[Sequence[Tuple[float, float]]],
                 weights: Optional[Sequence[float]] = None):
        """``lines``: polylines as coordinate lists; ``weights``: optional factor per line
        on its length (cost, e.g. to prefer shaded streets; 1 = none)."""
        flat, counts = _flatten(list(lines))
        self._build(flat, counts, weights)

    @classmethod
    def from_arrays(cls, coords: np.ndarray, counts: np.ndarray,
                    weights: Optional[Sequence[float]] = None) -> "FootwayGraph":
        """The graph of lines given as all vertices (n x 2) and the vertex count of each
        line (what adapters read in bulk from WKB)."""
        graph = cls.__new__(cls)
        graph._build(np.asarray(coords, dtype=float).reshape(-1, 2),
                     np.asarray(counts, dtype=np.int64).reshape(-1), weights)
        return graph

    def _build(self, flat: np.ndarray, counts: np.ndarray, weights) -> None:
        seg, line_idx = _segments(flat, counts)
        if not len(seg):
            raise CoolPlacesError(tr("The footway network has no line segments. Choose a line "
                                     "layer with streets or footways."))
        self.seg = seg
        ends = np.vstack([seg[:, 0:2], seg[:, 2:4]])
        keys = np.round(ends / NODE_PRECISION_M).astype(np.int64)
        # one integer per node key, ordered like the (x, y) pairs themselves
        kx, ky = keys[:, 0] - keys[:, 0].min(), keys[:, 1] - keys[:, 1].min()
        uniq, inverse = np.unique(kx * (int(ky.max()) + 1) + ky, return_inverse=True)
        inverse = inverse.reshape(-1)
        first = np.zeros(len(uniq), dtype=np.int64)
        first[inverse[::-1]] = np.arange(len(inverse))[::-1]
        self.nodes = keys[first].astype(float) * NODE_PRECISION_M
        n = len(seg)
        self.u = inverse[:n]
        self.v = inverse[n:]
        self.length = np.hypot(seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1])
        self.factor = np.ones(n)
        if weights is not None:
            self.factor = np.asarray(weights, dtype=float).reshape(-1)[line_idx]
        self.cost = self.length * self.factor
        self._ax, self._ay = seg[:, 0].copy(), seg[:, 1].copy()
        self._dx, self._dy = seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1]
        self._len2 = np.maximum(self._dx * self._dx + self._dy * self._dy, 1e-12)
        self._grids: dict = {}

    @property
    def node_count(self) -> int:
        return len(self.nodes)

    @property
    def weighted(self) -> bool:
        return bool(np.any(self.factor != 1.0))

    def set_segment_factors(self, factors: np.ndarray) -> None:
        """Cost factor per segment (>= 0); the cost of a segment is length x factor."""
        f = np.asarray(factors, dtype=float).reshape(-1)
        if len(f) != len(self.seg) or not np.all(np.isfinite(f)) or np.any(f < 0):
            raise ValueError("one finite factor >= 0 per segment expected")
        self.factor = f
        self.cost = self.length * f

    def components(self) -> np.ndarray:
        """Connected component label per node."""
        lib = _scipy_components()
        if lib is not None:
            coo_matrix, connected_components = lib
            nn = self.node_count
            m = coo_matrix((np.ones(len(self.u)), (self.u, self.v)), shape=(nn, nn))
            return connected_components(m, directed=False)[1]
        parent = list(range(self.node_count))

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
    def _grid(self, cell: float) -> dict:
        """Cell index of segment bounding boxes: sorted cell keys, and for each key the
        segments (CSR style). Built with array operations."""
        x0 = np.floor(np.minimum(self.seg[:, 0], self.seg[:, 2]) / cell).astype(np.int64)
        x1 = np.floor(np.maximum(self.seg[:, 0], self.seg[:, 2]) / cell).astype(np.int64)
        y0 = np.floor(np.minimum(self.seg[:, 1], self.seg[:, 3]) / cell).astype(np.int64)
        y1 = np.floor(np.maximum(self.seg[:, 1], self.seg[:, 3]) / cell).astype(np.int64)
        nx, ny = x1 - x0 + 1, y1 - y0 + 1
        count = nx * ny
        seg_of = np.repeat(np.arange(len(self.seg)), count)
        k = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
        cx = np.repeat(x0, count) + k // np.repeat(ny, count)
        cy = np.repeat(y0, count) + k % np.repeat(ny, count)
        key = _cell_key(cx, cy)
        order = np.argsort(key, kind="stable")
        key, seg_of = key[order], seg_of[order]
        cells, start = np.unique(key, return_index=True)
        stop = np.append(start[1:], len(key))
        most = int((stop - start).max()) if len(start) else 0
        return {"cell": cell, "keys": cells, "start": start, "stop": stop, "segs": seg_of,
                "most": most}

    def _boxes_in_cells(self, cell: float) -> int:
        w = np.abs(self.seg[:, 2] - self.seg[:, 0]) / cell + 2
        h = np.abs(self.seg[:, 3] - self.seg[:, 1]) / cell + 2
        return int((w * h).sum())

    def _fine_cell(self, max_dist: float) -> float:
        cell = float(min(max(np.median(self.length), 1.0), max_dist))
        while cell < max_dist and \
                self._boxes_in_cells(cell) > _FINE_CELLS_PER_SEGMENT * len(self.seg):
            cell = min(cell * 2.0, max_dist)
        return cell

    def _nearest(self, grid: dict, pts: np.ndarray, ring: int):
        """Nearest segment (lowest index on ties) among those in the cells around each
        point: ``ring`` 1 = the 3 x 3 cells, 0 = the 2 x 2 cells nearest to the point.
        Returns (segment, t, distance); -1 / inf where a point has none. Points go in
        chunks so that at most about _MAX_PAIRS point-segment pairs are held at once."""
        chunk = max(1, int(_MAX_PAIRS // (9 * max(1, grid["most"]))))
        if len(pts) > chunk:
            parts = [self._nearest(grid, pts[i:i + chunk], ring)
                     for i in range(0, len(pts), chunk)]
            return tuple(np.concatenate(p) for p in zip(*parts))
        cell = grid["cell"]
        fx, fy = pts[:, 0] / cell, pts[:, 1] / cell
        ci, cj = np.floor(fx).astype(np.int64), np.floor(fy).astype(np.int64)
        if ring == 0:
            # the neighbour cell on the nearer side in x and in y
            si = np.where(fx - ci < 0.5, -1, 1)
            sj = np.where(fy - cj < 0.5, -1, 1)
            offsets = [(0, 0), (si, 0), (0, sj), (si, sj)]
        else:
            offsets = [(di, dj) for di in range(-ring, ring + 1) for dj in range(-ring, ring + 1)]
        n_pts = len(pts)
        best_d = np.full(n_pts, np.inf)
        best_s = np.full(n_pts, -1, dtype=np.int64)
        last = len(grid["keys"]) - 1
        for di, dj in offsets:
            key = _cell_key(ci + di, cj + dj)
            pos = np.minimum(np.searchsorted(grid["keys"], key), last)
            pidx = np.flatnonzero(grid["keys"][pos] == key)
            if not len(pidx):
                continue
            lo, hi = grid["start"][pos[pidx]], grid["stop"][pos[pidx]]
            n = hi - lo
            starts = np.cumsum(n) - n
            # pairs (point, segment), grouped by point
            p = np.repeat(pidx, n)
            s = grid["segs"][np.repeat(lo - starts, n) + np.arange(int(n.sum()))]
            d = self._distance(pts[:, 0][p], pts[:, 1][p], s)[1]
            dmin = np.minimum.reduceat(d, starts)
            smin = np.minimum.reduceat(np.where(d == np.repeat(dmin, n), s, _BIG), starts)
            better = (dmin < best_d[pidx]) | ((dmin == best_d[pidx]) & (smin < best_s[pidx]))
            best_d[pidx[better]] = dmin[better]
            best_s[pidx[better]] = smin[better]
        found = best_s >= 0
        t = np.zeros(n_pts)
        t[found] = self._distance(pts[found, 0], pts[found, 1], best_s[found])[0]
        return best_s, t, best_d

    def _distance(self, px: np.ndarray, py: np.ndarray, s: np.ndarray
                  ) -> Tuple[np.ndarray, np.ndarray]:
        """Position t (0..1) of the nearest point on segments ``s`` and the distance to it,
        for each point / segment pair."""
        ax, ay = self._ax[s], self._ay[s]
        dx, dy = self._dx[s], self._dy[s]
        tt = np.clip(((px - ax) * dx + (py - ay) * dy) / self._len2[s], 0.0, 1.0)
        return tt, np.hypot(ax + tt * dx - px, ay + tt * dy - py)

    def snap(self, points: np.ndarray, max_dist: float) -> Snap:
        """Snap points (n x 2) to the nearest segment within ``max_dist`` metres.

        Grids of growing cells (about a segment length, then x4 ... up to ``max_dist``)
        answer each point at the finest level that can: a segment found at distance d in
        the 2 x 2 cells nearest to a point is the nearest one when d <= cell / 2, in the
        3 x 3 cells around it when d <= cell, since any nearer segment passes through those
        cells. The last level (cells of ``max_dist``) finds every segment within reach."""
        pts = np.asarray(points, dtype=float).reshape(-1, 2)
        n = len(pts)
        seg_idx = np.full(n, -1, dtype=np.int64)
        t_out = np.zeros(n)
        off = np.full(n, np.inf)
        if n == 0:
            return Snap(seg_idx, t_out, off, np.zeros(0, dtype=bool))
        max_dist = float(max_dist)
        reach = max(max_dist, 1.0)
        todo = np.flatnonzero(np.isfinite(pts).all(axis=1) & (np.abs(pts) < 1e11).all(axis=1))
        cell = self._fine_cell(reach)
        while len(todo):
            last = cell >= reach
            cell = min(cell, reach)
            if cell not in self._grids:
                self._grids[cell] = self._grid(cell)
            for ring, radius in ((1, np.inf),) if last else ((0, cell / 2.0), (1, cell)):
                s, t, d = self._nearest(self._grids[cell], pts[todo], ring)
                good = d <= radius
                idx = todo[good]
                seg_idx[idx], t_out[idx], off[idx] = s[good], t[good], d[good]
                todo = todo[~good]
                if not len(todo):
                    break
            if last:
                break
            cell *= 4.0
        ok = (seg_idx >= 0) & (off <= max_dist)
        seg_idx[~ok] = -1
        return Snap(seg_idx, t_out, off, ok)

    # -- search -------------------------------------------------------------------------
    def entry_costs(self, snap: Snap):
        """For snapped points: (node a, cost to a, node b, cost to b) along the segment."""
        s = np.where(snap.ok, snap.segment, 0)
        c = self.cost[s]
        return (self.u[s], snap.t * c + snap.offset, self.v[s], (1 - snap.t) * c + snap.offset)

    def entry_lengths(self, snap: Snap):
        """For snapped points: (real length to a, real length to b) along the segment."""
        s = np.where(snap.ok, snap.segment, 0)
        c = self.length[s]
        return snap.t * c + snap.offset, (1 - snap.t) * c + snap.offset

    def multi_source(self, sources: Snap, limit: float = np.inf, use_scipy: bool = True,
                     cancel: Optional[Callable[[], bool]] = None
                     ) -> Tuple[np.ndarray, np.ndarray]:
        """Cost from every node to its nearest source, and that source's index (-1 where
        no source is reachable)."""
        res = self.search(sources, limit, use_scipy, cancel, lengths=False)
        return res.cost, res.source

    def search(self, sources: Snap, limit: float = np.inf, use_scipy: bool = True,
               cancel: Optional[Callable[[], bool]] = None, lengths: bool = True) -> Search:
        """Multi-source search by cost; with ``lengths`` also the real length of each
        node's way to its source (equal to the cost when no factor is set)."""
        src = np.flatnonzero(sources.ok)
        nn = self.node_count
        if len(src) == 0:
            inf = np.full(nn, np.inf)
            return Search(inf, inf.copy(), np.full(nn, -1, dtype=np.int64))
        a, ca, b, cb = self.entry_costs(sources)
        la, lb = self.entry_lengths(sources)
        track = lengths and self.weighted
        lib = _scipy_dijkstra() if use_scipy else None
        if lib is not None:
            return self._scipy_search(lib, src, a, ca, b, cb, la, lb, limit, track)
        return self._heap_search(src, a, ca, b, cb, la, lb, limit, cancel, track)

    def source_matrix(self, csr_matrix, a, ca, b, cb, la, lb):
        """The network with one virtual node per source, joined to both ends (a, b) of the
        source's segment at the costs ca, cb (real lengths la, lb), as a scipy CSR matrix
        of costs: (matrix, virtual node numbers, edge keys row * width + column in sorted
        order, the edges' real lengths in that order, width)."""
        nn = self.node_count
        width = nn + len(a)
        virt = nn + np.arange(len(a))
        rows = np.concatenate([self.u, self.v, virt, virt])
        cols = np.concatenate([self.v, self.u, a, b])
        w = np.concatenate([self.cost, self.cost, ca, cb]) + EPS
        real = np.concatenate([self.length, self.length, la, lb])
        rows, cols, w, real = _min_duplicates(rows, cols, w, real)
        matrix = csr_matrix((w, (rows, cols)), shape=(width, width))
        return matrix, virt, rows * width + cols, real, width

    def _scipy_search(self, lib, src, a, ca, b, cb, la, lb, limit, track):
        csr_matrix, dijkstra = lib
        nn, ns = self.node_count, len(src)
        graph, virt, key, real, width = self.source_matrix(
            csr_matrix, a[src], ca[src], b[src], cb[src], la[src], lb[src])
        dist, pred, which = dijkstra(graph, directed=True, indices=virt, limit=limit,
                                     min_only=True, return_predecessors=True)
        dist = dist[:nn]
        nearest = np.where(which[:nn] >= 0, src[np.clip(which[:nn] - nn, 0, ns - 1)], -1)
        if not track:
            return Search(dist, dist, nearest.astype(np.int64))
        total = tree_lengths(dist[None, :], pred[None, :nn], key, real, width)[0]
        return Search(dist, total, nearest.astype(np.int64))

    def _heap_search(self, src, a, ca, b, cb, la, lb, limit, cancel, track):
        nn = self.node_count
        # adjacency in CSR form as Python lists
        ends = np.concatenate([self.u, self.v])
        order = np.argsort(ends, kind="stable")
        nbr = np.concatenate([self.v, self.u])[order].tolist()
        wgt = np.concatenate([self.cost, self.cost])[order].tolist()
        lng = np.concatenate([self.length, self.length])[order].tolist() if track else None
        ptr = np.concatenate([[0], np.cumsum(np.bincount(ends, minlength=nn))]).tolist()
        dist = [math.inf] * nn
        label = [-1] * nn
        real = [math.inf] * nn
        done = bytearray(nn)
        heap = []
        for s in src.tolist():
            for node, c, ln in ((int(a[s]), float(ca[s]), float(la[s])),
                                (int(b[s]), float(cb[s]), float(lb[s]))):
                if c < dist[node] and c <= limit:
                    dist[node], label[node], real[node] = c, s, ln
                    heap.append((c, node))
        heapq.heapify(heap)
        pop, push = heapq.heappop, heapq.heappush
        pops = 0
        while heap:
            d, node = pop(heap)
            if done[node] or d > dist[node]:
                continue
            done[node] = 1
            pops += 1
            if cancel is not None and pops % 10000 == 0 and cancel():
                break
            lab = label[node]
            if track:
                rl = real[node]
                for k in range(ptr[node], ptr[node + 1]):
                    nxt = nbr[k]
                    nd = d + wgt[k]
                    if nd < dist[nxt] and nd <= limit and not done[nxt]:
                        dist[nxt], label[nxt], real[nxt] = nd, lab, rl + lng[k]
                        push(heap, (nd, nxt))
            else:
                for k in range(ptr[node], ptr[node + 1]):
                    nxt = nbr[k]
                    nd = d + wgt[k]
                    if nd < dist[nxt] and nd <= limit:
                        dist[nxt] = nd
                        label[nxt] = lab
                        push(heap, (nd, nxt))
        cost = np.asarray(dist)
        out = np.asarray(label, dtype=np.int64)
        if cancel is not None:
            unsettled = np.frombuffer(bytes(done), dtype=np.uint8) == 0
            cost[unsettled] = np.inf
            out[unsettled] = -1
        length = np.asarray(real) if track else cost
        if track:
            length = np.where(np.isfinite(cost), length, np.inf)
        return Search(cost, length, out)

    def origin_costs(self, origins: Snap, node_cost: np.ndarray, node_source: np.ndarray,
                     sources: Optional[Snap] = None) -> Tuple[np.ndarray, np.ndarray]:
        """Cost from each snapped origin to its nearest source (inf where unreachable or not
        snapped) and the source index. Origins on the same segment as a source may also walk
        straight along that segment."""
        cost, _length, which = self.origin_search(
            origins, Search(node_cost, node_cost, node_source), sources)
        return cost, which

    def origin_search(self, origins: Snap, nodes: Search, sources: Optional[Snap] = None
                      ) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(cost, real length, source index) from each snapped origin to its nearest
        source by cost; inf / -1 where unreachable or not snapped."""
        a, ca, b, cb = self.entry_costs(origins)
        la, lb = self.entry_lengths(origins)
        via_a = nodes.cost[a] + ca
        via_b = nodes.cost[b] + cb
        cost = np.minimum(via_a, via_b)
        first = via_a <= via_b
        which = np.where(first, nodes.source[a], nodes.source[b])
        length = np.where(first, nodes.length[a] + la, nodes.length[b] + lb)
        if sources is not None and sources.ok.any():
            src = np.flatnonzero(sources.ok)
            src_seg = sources.segment[src]
            cand = np.flatnonzero(origins.ok & np.isin(origins.segment, src_seg))
            if len(cand):
                order = np.argsort(src_seg, kind="stable")
                src, src_seg = src[order], src_seg[order]
                lo = np.searchsorted(src_seg, origins.segment[cand], side="left")
                hi = np.searchsorted(src_seg, origins.segment[cand], side="right")
                n = hi - lo
                o = np.repeat(cand, n)
                s = src[np.repeat(lo, n) + np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)]
                seg = origins.segment[o]
                dt = np.abs(origins.t[o] - sources.t[s])
                off = origins.offset[o] + sources.offset[s]
                direct = dt * self.cost[seg] + off
                direct_len = dt * self.length[seg] + off
                for k in range(len(o)):   # few: origins on the segment of a source
                    i = o[k]
                    if direct[k] < cost[i]:
                        cost[i], which[i], length[i] = direct[k], s[k], direct_len[k]
        cost = np.where(origins.ok, cost, np.inf)
        length = np.where(origins.ok & np.isfinite(cost), length, np.inf)
        which = np.where(origins.ok & np.isfinite(cost), which, -1)
        return cost, length, which


def tree_lengths(dist: np.ndarray, pred: np.ndarray, key: np.ndarray, real: np.ndarray,
                 width: int) -> np.ndarray:
    """Real length of every node's way in shortest-path trees (one tree per row of ``dist``
    and ``pred``, both over the n real nodes; predecessors >= n are the virtual source
    nodes the trees start from): the sum of the edges' ``real`` lengths along the chain of
    predecessors, by pointer doubling (log(depth) steps). ``key``: the graph's edges as
    sorted row * width + column, ``real`` in the same order; inf where not reached."""
    rows, n = pred.shape
    has = pred >= 0
    node = np.broadcast_to(np.arange(n), pred.shape)
    step = np.where(np.isfinite(dist), 0.0, np.inf)
    step[has] = real[np.searchsorted(key, pred[has] * width + node[has])]
    base = (np.arange(rows) * n)[:, None]
    up = np.where(has & (pred < n), pred + base, -1).ravel()
    total = step.ravel()
    while (up >= 0).any():
        ok = up >= 0
        safe = np.where(ok, up, 0)
        total = np.where(ok, total + total[safe], total)
        up = np.where(ok, up[safe], -1)
    return total.reshape(rows, n)


def _cell_key(i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """One int64 per grid cell (i, j); cells stay distinct for |i|, |j| < 2**31."""
    return (np.asarray(i, dtype=np.int64) << 32) + (np.asarray(j, dtype=np.int64) + (1 << 31))


def _min_duplicates(rows, cols, w, *extra):
    """Keep the cheapest of parallel edges (a sparse matrix would add them up). Rows come
    out sorted by (row, col); ``extra`` arrays follow the kept edges."""
    order = np.lexsort((w, cols, rows))
    rows, cols, w = rows[order], cols[order], w[order]
    keep = np.ones(len(rows), dtype=bool)
    keep[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    out = (rows[keep], cols[keep], w[keep])
    return out + tuple(np.asarray(e)[order][keep] for e in extra)


@dataclass
class AccessResult:
    minutes: np.ndarray       # walking time per origin (inf: no cool place reachable)
    distance: np.ndarray      # walking distance in metres along the chosen way
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
    """Walking time from every origin to the nearest source point (cool place access).
    With cost factors on the graph (shade preference) the way with the lowest cost is
    chosen; time and distance are those of that way in real metres."""
    speed = speed_m_per_min(speed_kmh)
    src = graph.snap(np.asarray(sources_xy, dtype=float).reshape(-1, 2), max_snap_m)
    if not src.ok.any():
        raise CoolPlacesError(tr("No cool place lies within {d} m of the footway network. "
                                 "Check that the cool places and the network cover the same "
                                 "area and use the same CRS.").format(d=int(max_snap_m)))
    org = graph.snap(np.asarray(origins_xy, dtype=float).reshape(-1, 2), max_snap_m)
    nodes = graph.search(src, use_scipy=use_scipy, cancel=cancel)
    _cost, length, which = graph.origin_search(org, nodes, src)
    status = np.where(np.isfinite(length), "ok",
                      np.where(org.ok, "unreachable", "outside")).tolist()
    return AccessResult(minutes=length / speed, distance=length, nearest=which, status=status)
