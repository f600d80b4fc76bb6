"""Coverage of a raster around one or more gateways (pure numpy, radial sweep).

The plane around the gateway is split into eight octants (the two halves of the east,
west, south and north quarters); each is swept outward column by column (k cells from the
gateway). Rays leave the gateway towards every cell of a "band" column (K + 1 rays per
octant for the band K >= k; the ray count doubles from band to band, children take the
state of the nearest parent ray), so every cell of column k has a ray through it. Octants
are independent: two threads sweep half of them each (numpy releases the GIL in its loops)
and write the same values as one thread. Along each ray the obstruction of every sample (as
a receiver) follows from a state carried from column to column in O(1) per sample:

- edge A: the obstacle of steepest elevation seen from the gateway (the horizon; a
  running maximum) and where it is;
- edge B: the obstacle of steepest slope seen from A behind A (reset when A moves).

Deygout (ITU-R P.526 section 4.5) takes the edge of larger nu as the main edge and, when it
blocks the line of sight, the other one on its sub-path; edges closer than ``merge_m`` are
one obstacle (a roof) and count once, as Deygout overestimates close edges (Giovaneli,
IEEE Trans. AP 32(3), 1984). Bullington puts one edge where the steepest lines from both
ends cross (the receiver's steepest line over A and B). The first Fresnel zone is part of
the same formula: J(nu) > 0 once an obstacle intrudes more than about 40 % into it
(nu > -0.78). Earth curvature (k = 4/3) is applied to every sample. Columns are handled in
blocks: the recurrence runs column by column, all other arithmetic on whole blocks.
Per-cell profiles (radio.link_budget) remain the reference; tests bound the difference.
"""

import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence

import numpy as np

from .errors import LoRaError
from .i18n import tr
from .radio import (
    EARTH_RADIUS_M,
    EDGE_MERGE_M,
    K_FACTOR,
    SPREADING_FACTORS,
    PathModel,
    RadioParams,
    best_sf,
    knife_edge_loss,
    required_power,
    wavelength,
)


@dataclass
class Grid:
    """A north-up raster: ``ground`` (terrain) and ``surface`` (terrain + buildings,
    vegetation) in metres, NaN where unknown; (x0, y0) the upper left corner, dx, dy > 0."""

    ground: np.ndarray
    surface: np.ndarray
    x0: float
    y0: float
    dx: float
    dy: float

    @property
    def shape(self):
        return self.ground.shape

    def cell_of(self, x: float, y: float):
        col = int(math.floor((x - self.x0) / self.dx))
        row = int(math.floor((self.y0 - y) / self.dy))
        return row, col

    def contains(self, x: float, y: float) -> bool:
        row, col = self.cell_of(x, y)
        return 0 <= row < self.shape[0] and 0 <= col < self.shape[1]

    def has_ground(self, x: float, y: float) -> bool:
        """Inside the raster and on a cell with a terrain value (not no-data)."""
        return self.contains(x, y) and bool(np.isfinite(self.ground[self.cell_of(x, y)]))


@dataclass
class Gateway:
    x: float
    y: float
    height_agl: float = 30.0
    gain_dbi: float = 5.0
    cable_loss_db: float = 2.0
    name: str = ""


# J(nu) of ITU-R P.526 eq. (31) as a lookup table: nearest entry, 0.005 steps (error under
# 0.03 dB); nu above _NU_MAX (J = 53 dB) is clamped.
_NU_MIN, _NU_STEP, _NU_MAX = -0.78, 0.005, 100.0
_J_TABLE = np.asarray(
    knife_edge_loss(_NU_MIN + _NU_STEP * np.arange(int(round((_NU_MAX - _NU_MIN) / _NU_STEP)) + 1)),
    dtype=np.float32,
)
_J_TABLE[0] = 0.0
NO_OBSTACLE = -1.0e4  # height of cells that never obstruct (no data, outside the raster)
# windows of at least this many cells are swept in two threads (below, starting them costs
# more than they save)
PARALLEL_MIN_CELLS = 250_000
# samples per array of one block of columns (and columns at most): few numpy calls (every
# call costs, and with two threads each hands the GIL over); the diffraction arithmetic
# runs on slices of POST_SAMPLES whose temporaries stay in the CPU cache (measured on the
# bench raster: 128 k / 32 / 32 k about 10 % faster than 64 k / 16 / 64 k in one thread,
# and best in two)
BLOCK_SAMPLES = 128000
BLOCK_COLUMNS = 32
POST_SAMPLES = 32000


def j_lookup(nu: np.ndarray, out: Optional[np.ndarray] = None) -> np.ndarray:
    """J(nu) in dB through the table (float32 arrays)."""
    idx = nu * np.float32(1.0 / _NU_STEP)
    idx += np.float32(-_NU_MIN / _NU_STEP + 0.5)
    np.fmax(idx, np.float32(0.0), out=idx)  # NaN (no data) reads J = 0
    np.fmin(idx, np.float32(_J_TABLE.size - 1), out=idx)
    # indices are in range: 'wrap' skips numpy's bounds check
    return np.take(_J_TABLE, idx.astype(np.intp), out=out, mode="wrap")


def _j_lookup_scaled(nu_s: np.ndarray) -> np.ndarray:
    """j_lookup of nu = nu_s * _NU_STEP (the sweep computes nu in table steps: one pass
    less per lookup); overwrites ``nu_s``."""
    nu_s += np.float32(-_NU_MIN / _NU_STEP + 0.5)
    np.fmax(nu_s, np.float32(0.0), out=nu_s)  # NaN (no data) reads J = 0
    np.fmin(nu_s, np.float32(_J_TABLE.size - 1), out=nu_s)
    return np.take(_J_TABLE, nu_s.astype(np.intp), mode="wrap")


@dataclass
class _Octant:
    """One eighth of the plane around the gateway, swept column by column: ``k`` counts
    cells away from the gateway along the main axis, ``off`` across it (0 <= off <= k)."""

    extent: int  # last k inside the raster
    base0: int  # flat padded index of the gateway cell
    step_k: int  # flat index change per k
    stride: int  # flat index change per off (negative for the halves facing up or left)
    off_max: int  # off of the padding border across (>= 1)
    along: float  # cell size along k (m)
    across: float  # cell size along off (m)
    row0: int  # padded row and column of the gateway cell
    col0: int
    k_rows: bool  # k runs along the rows (south, north), else along the columns
    sign_k: int  # +1: k runs to higher rows or columns
    sign_off: int


def _octants(nrow: int, ncol: int, gr: int, gc: int, dx: float, dy: float) -> List[_Octant]:
    """The octants around the gateway cell (gr, gc) that reach into the raster. The two
    halves of a quarter (east, west, south, north) share their axis ray; a half that holds
    nothing but the axis (gateway on the border) is left out."""
    w2 = ncol + 2
    pr, pc = gr + 1, gc + 1
    base = pr * w2 + pc
    out = []
    for extent, step_k, stride, lo, hi, along, across, k_rows, sign in (
        (ncol - 1 - gc, 1, w2, pr, nrow + 1 - pr, dx, dy, False, 1),  # east (off along the rows)
        (gc, -1, w2, pr, nrow + 1 - pr, dx, dy, False, -1),  # west
        (nrow - 1 - gr, w2, 1, pc, ncol + 1 - pc, dy, dx, True, 1),  # south (off along the columns)
        (gr, -w2, 1, pc, ncol + 1 - pc, dy, dx, True, -1),  # north
    ):
        if extent < 1:
            continue
        if hi > 1 or lo <= 1:
            out.append(_Octant(extent, base, step_k, stride, hi, along, across, pr, pc, k_rows, sign, 1))
        if lo > 1:
            out.append(_Octant(extent, base, step_k, -stride, lo, along, across, pr, pc, k_rows, sign, -1))
    return out


def _run(start: int, step: int, n: int) -> slice:
    """The slice of n indices start, start + step, .. (step +1 or -1)."""
    stop = start + step * n
    return slice(start, stop if stop >= 0 else None, step)


def _split(octants: List[_Octant], kmax: int, parts: int) -> List[List[_Octant]]:
    """Octants in ``parts`` groups of about equal work (rays x columns ~ extent squared),
    largest first."""
    groups: List[List[_Octant]] = [[] for _ in range(max(1, parts))]
    load = [0] * len(groups)
    for o in sorted(octants, key=lambda o: -o.extent):
        i = load.index(min(load))
        groups[i].append(o)
        load[i] += min(o.extent, kmax) ** 2
    return [g for g in groups if g]


def _sweep(
    sectors: List[_Octant],
    heights: np.ndarray,
    out: np.ndarray,
    h_tx: float,
    h_rx: float,
    lam: float,
    kmax: int,
    method: str,
    basic: Callable[[np.ndarray], np.ndarray],
    factor: float,
    tick: Callable[[int], bool],
    merge: float = EDGE_MERGE_M,
    band_ratio: float = 2.0,
    minus: bool = False,
    band_top: int = 0,
) -> bool:
    """Radial sweep over the octants ``sectors`` (see the module doc); writes the path loss
    (dB) of every cell it reaches into the padded ``out`` (with ``minus``: basic(d) minus
    the diffraction loss, for a ``basic`` that returns a received power). Returns False when
    cancelled. The bands of rays grow up to max(last column, ``band_top``): sweeps of some
    of the octants give the same values as one sweep of all.

    Along every ray the state before each sample is: m, km = steepest elevation (tan)
    seen from the gateway and the column of that edge A; m2, k2 = steepest slope seen
    from A after it and the column of that edge B. Columns are processed in blocks: the
    recurrence runs column by column, everything else on whole blocks."""
    f32 = np.float32
    sectors = sorted(sectors, key=lambda s: -s.extent)
    if not sectors:
        return True
    kend = min(kmax, sectors[0].extent)
    n_sec = len(sectors)
    square = all(abs(s.along - sectors[0].along) < 1e-9 * s.along for s in sectors) and all(
        abs(s.across - s.along) < 1e-9 * s.along for s in sectors
    )
    base0 = np.array([s.base0 for s in sectors], dtype=np.int64)
    step_k = np.array([s.step_k for s in sectors], dtype=np.int64)
    stride = np.array([s.stride for s in sectors], dtype=np.int64)[None, :, None]
    off_hi = np.array([s.off_max for s in sectors], dtype=np.int64)[None, :, None]
    ext1 = np.array([s.extent + 1 for s in sectors], dtype=np.int64)  # padding border
    c_bulge = f32(1.0 / (2.0 * K_FACTOR * EARTH_RADIUS_M))
    # 2 / lam over the squared table step: every nu below is in steps of the J(nu) table
    c2 = f32(2.0 / lam / _NU_STEP**2)
    big = f32(NO_OBSTACLE)
    h_tx32 = f32(h_tx)
    # surface and ground of a cell side by side: one 8-byte gather reads both
    pairs = heights.view(np.int64).reshape(-1)
    out_flat = out.reshape(-1)
    tri_cache: Dict[int, tuple] = {}
    deygout = method == "deygout"
    two_edges = method in ("deygout", "bullington")
    kb = 0
    state = None
    k0 = 1
    while k0 <= kend:
        if k0 > kb:  # next band of rays: twice as many (at most max(kend, band_top))
            new_kb = min(max(int(math.ceil(kb * band_ratio)), kb + 1), max(kend, band_top))
            jj = np.arange(new_kb + 1)  # rays 0 .. kb: off = k j / kb
            if state is not None:
                parent = np.rint(jj * (kb / new_kb)).astype(np.int64)
                state = [a[:, parent] for a in state]
            else:
                shape = (n_sec, jj.size)
                state = [
                    np.full(shape, big, f32),  # m
                    np.full(shape, f32(0.01), f32),  # km (0.01: no edge yet)
                    np.full(shape, big, f32),  # m2
                    np.full(shape, f32(0.02), f32),  # k2
                ]
            kb = new_kb
            t = jj / kb
            secs = np.array(
                [np.sqrt(s.along**2 + (t * s.across) ** 2) for s in (sectors[:1] if square else sectors)],
                dtype=f32,
            )
        # blocks of about BLOCK_SAMPLES samples per array
        nblk = max(1, min(BLOCK_COLUMNS, BLOCK_SAMPLES // (len(sectors) * (kb + 1))))
        k1 = min(k0 + nblk, kb + 1, kend + 1)
        nb = k1 - k0
        n_act = sum(1 for s in sectors if s.extent >= k0)
        kk = np.arange(k0, k1)
        sec = secs if square else secs[:n_act]
        # gather the block (columns beyond a sector's extent read its padding border)
        off = np.rint(t[None, :] * kk[:, None]).astype(np.int64)[:, None, :]
        if kk[-1] <= off_hi[0, :n_act, 0].min():
            idx = off * stride[:, :n_act]  # all rays inside the raster across
        else:
            idx = np.minimum(off, off_hi[:, :n_act])
            idx *= stride[:, :n_act]
        kc = np.minimum(kk[:, None], ext1[None, :n_act])
        idx += (base0[:n_act] + kc * step_k[:n_act])[:, :, None]
        zz = np.take(pairs, idx, mode="wrap").view(f32)  # in range by construction
        z, zr = zz[..., 0::2], zz[..., 1::2]
        kf = kk.astype(f32)[:, None, None]
        d = kf * sec[None]  # (nb, 1 or S, W)
        dinv = f32(1.0) / d
        bulge = d * d
        bulge *= c_bulge
        tobs = z - bulge
        bulge -= f32(h_rx)
        zr = zr - bulge
        tobs -= h_tx32
        tobs *= dinv
        # the recurrence: row b of m_all, km_all, m2_all, k2_all holds the state before
        # column b, row nb the state after the block. Only the running maxima go column by
        # column (one numpy call per column each); whatever depends on the state before a
        # column alone runs on the whole block. The rows of a buffer are kept apart: numpy's
        # min/max loops take a slow scalar path when input and output are neighbours.
        shape = (n_act, kb + 1)

        def rows(first):
            buf = np.empty((nb + 1, shape[0] * shape[1] + 16), f32)
            out = buf[:, : shape[0] * shape[1]].reshape((nb + 1,) + shape)
            out[0] = first
            return out

        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            m_rows = rows(state[0][:n_act])
            for b in range(nb):
                np.maximum(m_rows[b], tobs[b], out=m_rows[b + 1])
            m = m_rows[:nb]
            new_a = np.greater(tobs, m)  # edge A moves to this column
            step = np.multiply(new_a, kf)
            km_rows = rows(state[1][:n_act])
            for b in range(nb):
                np.maximum(km_rows[b], step[b], out=km_rows[b + 1])
            km = km_rows[:nb]
            e1 = kf - km
            if two_edges:
                # slope from edge A: (z - zm) / (d - dm) = (tk - m km) / (k - km), where
                # tk = (z - h_tx) / sec, sec = metres per column along the ray
                mk = m * km  # (zm - h_tx) / sec
                slope = tobs * kf
                slope -= mk
                slope /= e1
                reset = np.multiply(new_a, f32(1e9))  # a new edge A: no edge B yet
                m2_rows = rows(state[2][:n_act])
                for b in range(nb):
                    np.maximum(m2_rows[b], slope[b], out=m2_rows[b + 1])
                    np.subtract(m2_rows[b + 1], reset[b], out=m2_rows[b + 1])
                m2 = m2_rows[:nb]
                np.greater(slope, m2, out=new_a)  # edge B moves to this column
                np.multiply(new_a, kf, out=step)
                np.greater(tobs, m, out=new_a)  # after a new edge A: B just behind it
                np.maximum(step, np.multiply(new_a, kf + f32(0.5)), out=step)
                k2_rows = rows(state[3][:n_act])
                for b in range(nb):
                    np.maximum(k2_rows[b], step[b], out=k2_rows[b + 1])
                k2 = k2_rows[:nb]
                for i, r in enumerate((m_rows, km_rows, m2_rows, k2_rows)):
                    state[i][:n_act] = r[nb]
            else:
                state[0][:n_act] = m_rows[nb]
                state[1][:n_act] = km_rows[nb]

            def post(zr, dinv, d, kf, m, km, e1, m2, k2, mk):
                """Diffraction loss (dB) of a slice of the block."""
                zrr = zr - h_tx32  # receiver above the gateway antenna
                tan_rx = zrr * dinv
                c2d = c2 * d  # (nb, 1 or S, W)
                # distances in columns: d = k sec, dm = km sec, d2 = k2 sec along a ray
                # edge A: nu = (m - tan_rx) sqrt(2/lam d dm / (d - dm))
                sq = km / e1
                sq *= c2d
                np.sqrt(sq, out=sq)
                nu = m - tan_rx
                nu *= sq
                if two_edges:
                    f = k2 - km
                    t2 = m2 * f  # B lies on the line from A with slope m2
                    t2 += mk
                    t2 /= k2  # tan of B seen from the gateway
                    e2 = kf - k2
                    np.divide(k2, e2, out=sq)
                    sq *= c2d
                    np.sqrt(sq, out=sq)
                    nu_b = t2 - tan_rx
                    nu_b *= sq
                if deygout:
                    c2s = (c2 * sec)[None]  # 2 / lam times metres per column
                    # second edge: B on A -> receiver where A leads, A on gateway -> B otherwise
                    a_leads = np.greater_equal(nu, nu_b, out=np.empty(nu.shape, f32))
                    srx = tan_rx * kf
                    srx -= mk
                    srx /= e1  # slope A -> receiver: (zr - zm) / (d - dm)
                    nu2 = m2 - srx
                    np.multiply(f, e1, out=sq)
                    sq /= e2
                    sq *= c2s
                    np.sqrt(sq, out=sq)
                    nu2 *= sq
                    np.multiply(km, k2, out=sq)
                    sq /= f
                    sq *= c2s
                    np.sqrt(sq, out=sq)
                    alt = m - t2
                    alt *= sq
                    # blend (putmask is slow on large random masks): nu2 = alt + lead (nu2 - alt)
                    nu2 -= alt
                    nu2 *= a_leads
                    nu2 += alt
                    np.maximum(nu, nu_b, out=nu)
                    # the second edge counts behind a blocking main edge, and only when the
                    # two are separate obstacles: edges closer than ``merge`` (one roof)
                    # would stack Deygout's known overestimate for close edges (Giovaneli 1984)
                    gate = np.greater(nu, f32(0.0))
                    gate &= f >= (f32(merge) / sec)[None]
                    loss = _j_lookup_scaled(nu)
                    j2 = _j_lookup_scaled(nu2)
                    np.multiply(j2, gate, out=j2)
                    loss += j2
                elif method == "bullington":
                    # one edge where the steepest lines from both ends cross; the receiver's
                    # steepest line is taken over the candidate edges A and B (per column)
                    zk = zrr / sec  # (zr - h_tx) / sec
                    s_rx = mk - zk
                    s_rx /= e1  # slope rx -> A
                    sb = t2 * k2
                    sb -= zk
                    sb /= e2
                    np.maximum(s_rx, sb, out=s_rx)
                    x = s_rx * kf
                    x += zk
                    den = m + s_rx
                    x /= den  # crossing point (columns)
                    np.maximum(x, kf * f32(0.005), out=x)  # (np.clip is slow)
                    np.minimum(x, kf * f32(0.995), out=x)
                    np.subtract(kf, x, out=sq)
                    np.divide(x, sq, out=sq)
                    sq *= c2d
                    np.sqrt(sq, out=sq)
                    nu_x = m - tan_rx
                    nu_x *= sq
                    blocked = np.greater(m, tan_rx, out=np.empty(m.shape, f32))
                    np.maximum(nu, nu_b, out=nu)
                    nu_x -= nu  # blend: nu + blocked (nu_x - nu)
                    nu_x *= blocked
                    nu += nu_x
                    loss = _j_lookup_scaled(nu)
                else:
                    loss = _j_lookup_scaled(nu)
                return loss

            # in slices of POST_SAMPLES: the many temporaries stay in the CPU cache
            loss = np.empty(tobs.shape, f32)
            sub = max(1, POST_SAMPLES // (n_act * (kb + 1)))
            for b0 in range(0, nb, sub):
                s_ = slice(b0, b0 + sub)
                two = (m2[s_], k2[s_], mk[s_]) if two_edges else (None, None, None)
                loss[s_] = post(zr[s_], dinv[s_], d[s_], kf[s_], m[s_], km[s_], e1[s_], *two)
        if factor != 1.0:
            loss *= f32(factor)
        # cells of column k read their nearest ray (the same cell: rays are denser)
        k_last = int(kk[-1])
        offs = np.arange(k_last + 1, dtype=f32)
        ri = np.rint(offs[None, :] * (f32(kb) / kk[:, None].astype(f32))).astype(np.intp)
        np.minimum(ri, kb, out=ri)  # off > k: not written
        # one flat gather (take_along_axis builds costly index grids)
        ri = ri[:, None, :] + (np.arange(nb * n_act, dtype=np.intp) * loss.shape[2]).reshape(nb, n_act, 1)
        cells = np.take(loss.reshape(-1), ri, mode="wrap")
        combine = np.subtract if minus else np.add
        if square:
            sc = sectors[0]
            dist = np.hypot(kk[:, None].astype(f32) * f32(sc.along), offs[None, :] * f32(sc.across))
            combine(basic(dist)[:, None, :], cells, out=cells)
        else:
            for si in range(n_act):
                sc = sectors[si]
                combine(
                    basic(np.hypot(kk[:, None].astype(f32) * f32(sc.along), offs[None, :] * f32(sc.across))),
                    cells[:, si, :],
                    out=cells[:, si, :],
                )
        # write: off <= k0 holds in every column of the block (one rectangle per octant),
        # the triangle k0 < off <= k in one scatter for all octants
        for si in range(n_act):
            sc = sectors[si]
            n_k = min(k1 - 1, sc.extent) - k0 + 1
            n_off = min(k0, sc.off_max) + 1
            along_k = _run((sc.row0 if sc.k_rows else sc.col0) + sc.sign_k * k0, sc.sign_k, n_k)
            if sc.k_rows:
                out[along_k, _run(sc.col0, sc.sign_off, n_off)] = cells[:n_k, si, :n_off]
            else:
                across = _run(sc.row0, sc.sign_off, n_off)
                out[across, along_k] = cells[:n_k, si, :n_off].T
        if nb > 1:
            if nb not in tri_cache:
                tri_cache[nb] = np.nonzero(np.tri(nb, nb, -1, dtype=bool))
            tb, toff = tri_cache[nb]
            tk = kk[tb]
            toff = toff + (k0 + 1)
            # flat index and value of every triangle cell in every active octant
            flat = base0[:n_act, None] + tk[None, :] * step_k[:n_act, None]
            flat += toff[None, :] * stride[0, :n_act]
            keep = (tk[None, :] < ext1[:n_act, None]) & (toff[None, :] <= off_hi[0, :n_act])
            vals = cells[tb[None, :], np.arange(n_act)[:, None], toff[None, :]]
            out_flat[flat[keep]] = vals[keep]
        if tick(k1 - 1):
            return False
        k0 = k1
    return True


def _busy_elsewhere() -> Optional[float]:
    """Tasks wanting a core besides the calling thread: Linux counts the runnable ones in
    /proc/loadavg right now (the caller included); elsewhere the one-minute load average
    minus one (this process); None where the system does not tell (Windows)."""
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            return float(fh.read().split()[3].split("/")[0]) - 1.0
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.getloadavg()[0] - 1.0
    except (AttributeError, OSError):
        return None


def _auto_workers(cells: int) -> int:
    """Threads for a window of ``cells``: two where the window is large and a core is idle
    (nothing else running on it; where the system does not tell, two). On a busy machine
    two threads share one core and every GIL handover between them costs a context
    switch: measured up to 25 % slower than one thread, and up to 35 % faster with an idle
    second core."""
    n = os.cpu_count() or 1
    if n < 2 or cells < PARALLEL_MIN_CELLS:
        return 1
    busy = _busy_elsewhere()
    return 2 if busy is None or busy <= n - 2 + 0.25 else 1


def _by_rows(n: int, workers: int, func: Callable[[int, int], None]) -> None:
    """func(a, b) over the rows a:b of 0:n, the two halves in two threads where
    ``workers`` > 1 (whole-raster passes: long numpy calls that release the GIL)."""
    if workers <= 1 or n < 64:
        func(0, n)
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        job = pool.submit(func, n // 2, n)
        func(0, n // 2)
        job.result()


def path_loss_grid(
    grid: Grid,
    gw: Gateway,
    model: PathModel,
    params: RadioParams,
    method: str = "deygout",
    max_range_m: float = 15000.0,
    merge_m: float = EDGE_MERGE_M,
    progress: Optional[Callable[[float], None]] = None,
    cancelled: Optional[Callable[[], bool]] = None,
    rx_offset_db: Optional[float] = None,
    workers: Optional[int] = None,
):
    """Path loss (dB) of every cell within ``max_range_m`` of one gateway; with Deygout,
    edges closer than ``merge_m`` count as one obstacle. With ``rx_offset_db`` (EIRP plus
    gains minus losses), the received power ``rx_offset_db - loss`` (dBm) instead, written
    by the sweep (no extra pass over the raster).

    ``workers`` threads sweep disjoint octants (numpy releases the GIL in its loops; the
    result does not depend on the number); None: two on a large window where a core is
    idle, else one (_auto_workers).

    Returns (row slice, col slice, loss) for the window around the gateway (NaN outside
    the range and on no-data), or raises LoRaError."""
    if not grid.contains(gw.x, gw.y):
        raise LoRaError(
            tr("Gateway {name} at ({x:.1f}, {y:.1f}) lies outside the terrain raster.").format(
                name=gw.name or "?", x=gw.x, y=gw.y
            )
        )
    gr, gc = grid.cell_of(gw.x, gw.y)
    ground_tx = grid.ground[gr, gc]
    if not np.isfinite(ground_tx):
        raise LoRaError(
            tr("Gateway {name} stands on a no-data cell of the terrain raster.").format(name=gw.name or "?")
        )
    nrow, ncol = grid.shape
    h_tx = float(ground_tx) + gw.height_agl
    kmax = int(math.ceil(max_range_m / min(grid.dx, grid.dy)))
    r0, r1 = max(gr - kmax, 0), min(gr + kmax + 1, nrow)
    c0, c1 = max(gc - kmax, 0), min(gc + kmax + 1, ncol)
    # work on the window around the gateway, padded by one cell that never obstructs
    sub_s = grid.surface[r0:r1, c0:c1]
    sub_g = grid.ground[r0:r1, c0:c1]
    wr, wc = r1 - r0, c1 - c0
    if workers is None:
        workers = _auto_workers(wr * wc)
    heights = np.empty((wr + 2, wc + 2, 2), dtype=np.float32)  # surface, ground
    surf, ground = heights[..., 0], heights[..., 1]
    for arr, fill in ((surf, NO_OBSTACLE), (ground, np.nan)):
        arr[0], arr[-1], arr[:, 0], arr[:, -1] = fill, fill, fill, fill

    def copy_in(a, b):
        # no data never obstructs
        np.fmax(sub_s[a:b], np.float32(NO_OBSTACLE), out=surf[1 + a : 1 + b, 1:-1])
        ground[1 + a : 1 + b, 1:-1] = sub_g[a:b]

    _by_rows(wr, workers, copy_in)
    # every cell of the window is written by one of the octants (they tile it)
    out = np.empty((wr + 2, wc + 2), dtype=np.float32)
    lr, lc = gr - r0, gc - c0
    lam = wavelength(model.freq_mhz)
    octants = _octants(wr, wc, lr, lc, grid.dx, grid.dy)

    # basic loss from a table over distance (nearest entry every 1/50 cell)
    res = min(grid.dx, grid.dy) / 50.0
    far_m = math.hypot(grid.dx, grid.dy) * (kmax + 2)
    table = np.asarray(
        model.basic_loss(
            np.maximum(np.arange(int(far_m / res) + 2) * res, min(grid.dx, grid.dy) / 2.0),
            gw.height_agl,
            params.device_height_m,
        ),
        dtype=np.float32,
    )
    if rx_offset_db is not None:
        table = np.subtract(np.float32(rx_offset_db), table, out=table)

    def basic(dist):  # the table reaches beyond the farthest cell of the window
        return np.take(table, np.rint(dist * np.float32(1.0 / res)).astype(np.intp), mode="wrap")

    factor = float(model.obstruction_factor) if method != "none" else 0.0
    sweep_method = method if method != "none" else "single"
    kend = max(1, min(kmax, max((o.extent for o in octants), default=1)))
    groups = _split(octants, kmax, workers)
    done = [0] * len(groups)  # last column swept by each group
    stop = [False]

    def tick(i, k):
        done[i] = k
        if k % 64 > 7 or stop[0]:
            return stop[0]
        if cancelled is not None and cancelled():
            stop[0] = True
        elif progress is not None and i == 0:  # reported from the calling thread only
            progress(min(min(done) / kend, 1.0))
        return stop[0]

    def run(i):
        try:
            ok = _sweep(
                groups[i],
                heights,
                out,
                h_tx,
                params.device_height_m,
                lam,
                kmax,
                sweep_method,
                basic,
                factor,
                lambda k: tick(i, k),
                merge=merge_m,
                minus=rx_offset_db is not None,
                band_top=kend,  # the same rays whichever octants a thread sweeps
            )
        except BaseException:
            stop[0] = True
            raise
        done[i] = kend
        return ok

    if len(groups) > 1:
        with ThreadPoolExecutor(max_workers=len(groups) - 1) as pool:
            futures = [pool.submit(run, i) for i in range(1, len(groups))]
            ok = run(0)
            results = [f.result() for f in futures]
            ok = ok and all(results)
    else:
        ok = run(0) if groups else True
    if not ok or (cancelled is not None and cancelled()):
        raise LoRaError(tr("Cancelled."))
    if progress is not None:
        progress(1.0)
    loss = out[1:-1, 1:-1]
    loss[lr, lc] = np.float32(basic(np.array([0.0]))[0])
    # beyond the range and on no-data: no value
    ys = (np.arange(r0, r1) - gr) * grid.dy
    xs = (np.arange(c0, c1) - gc) * grid.dx
    beyond = max(ys[0] ** 2, ys[-1] ** 2) + max(xs[0] ** 2, xs[-1] ** 2) > max_range_m**2

    def blank(a, b):
        if beyond:
            far = (ys[a:b] * ys[a:b])[:, None] + (xs * xs)[None, :] > max_range_m * max_range_m
            loss[a:b][far] = np.nan
        hole = np.isnan(sub_g[a:b])
        if hole.any():
            loss[a:b][hole] = np.nan

    _by_rows(wr, workers, blank)
    return slice(r0, r1), slice(c0, c1), loss


def _rx_offset(gw: Gateway, params: RadioParams) -> float:
    """Received power = this minus the path loss (dBm)."""
    return float(np.float32(params.eirp_dbm + gw.gain_dbi - gw.cable_loss_db - params.environment_loss_db))


def coverage(
    grid: Grid,
    gateways: Sequence[Gateway],
    model: PathModel,
    params: RadioParams,
    method: str = "deygout",
    max_range_m: float = 15000.0,
    merge_m: float = EDGE_MERGE_M,
    workers: Optional[int] = None,
    progress: Optional[Callable[[float], None]] = None,
    cancelled: Optional[Callable[[], bool]] = None,
) -> Dict[str, np.ndarray]:
    """Coverage rasters for several gateways.

    Returns ``rx_dbm`` (best received power, NaN = not computed), ``sf`` (lowest spreading
    factor closing the link with the fade margin, 0 = none), ``server`` (index of the best
    gateway, -1 = none) and ``count`` (gateways that hear the cell at SF12 with margin).
    ``workers``: threads per gateway sweep (see path_loss_grid; None = automatic)."""
    if not gateways:
        raise LoRaError(tr("No gateways given: the gateway layer is empty."))
    shape = grid.shape
    hear = np.float32(required_power(max(SPREADING_FACTORS), params) + params.fade_margin_db)

    def sweep(gw, report):
        """Received power (dBm in place of the loss) around one gateway."""
        return path_loss_grid(grid, gw, model, params, method, max_range_m, merge_m, report,
                              cancelled, _rx_offset(gw, params), workers)

    if len(gateways) == 1:  # one gateway: no merging, fewer passes over the raster
        gw = gateways[0]
        rs, cs, rx = sweep(gw, progress)
        if (rs.start, rs.stop, cs.start, cs.stop) == (0, shape[0], 0, shape[1]):
            best = rx
        else:
            best = np.full(shape, np.nan, dtype=np.float32)
            best[rs, cs] = rx
        sf = np.empty(shape, dtype=np.uint8)
        count = np.empty(shape, dtype=np.int16)
        server = np.empty(shape, dtype=np.int16)

        def rasters(a, b):
            for i in range(a, b, 128):  # row chunks: the comparisons read from the cache
                j = min(i + 128, b)
                sf[i:j], hears = _sf_and_hears(best[i:j], params)
                if hears is None:
                    hears = np.greater_equal(best[i:j], hear)
                count[i:j] = hears
                np.subtract(count[i:j], np.int16(1), out=server[i:j])

        if workers is None:
            workers = _auto_workers(best.size)
        _by_rows(shape[0], workers, rasters)
        return {"rx_dbm": best, "sf": sf, "server": server, "count": count}
    best = np.full(shape, np.nan, dtype=np.float32)
    server = np.full(shape, -1, dtype=np.int16)
    count = np.zeros(shape, dtype=np.int16)
    for i, gw in enumerate(gateways):

        def sub(frac, i=i):
            if progress is not None:
                progress((i + frac) / len(gateways))

        rs, cs, rx = sweep(gw, sub)
        cur = best[rs, cs]
        if i == 0:
            cur[...] = rx
            server[rs, cs] = 0
        else:
            better = np.greater(rx, cur)
            better |= np.isnan(cur) & ~np.isnan(rx)
            np.copyto(cur, rx, where=better)
            np.copyto(server[rs, cs], np.int16(i), where=better)
        count[rs, cs] += rx >= hear
        del rx
    sf = sf_of(best, params)
    server[~(best >= hear)] = -1
    return {"rx_dbm": best, "sf": sf, "server": server, "count": count}


def sf_of(rx_dbm: np.ndarray, params: RadioParams) -> np.ndarray:
    """best_sf for a large float32 raster in one pass (uint8, 0 = none or NaN)."""
    return _sf_and_hears(rx_dbm, params)[0]


def _sf_and_hears(rx_dbm: np.ndarray, params: RadioParams):
    """(sf_of, rx_dbm >= the SF12 requirement with fade margin as bool, or None when the
    requirements do not rise from SF12 to SF7)."""
    sfs = sorted(SPREADING_FACTORS, reverse=True)  # 12 .. 7: rising requirement
    need = [required_power(sf, params) + params.fade_margin_db for sf in sfs]
    if any(b <= a for a, b in zip(need, need[1:])):
        return best_sf(np.nan_to_num(rx_dbm, nan=-999.0), params).astype(np.uint8), None
    # n = number of spreading factors that close the link (NaN closes none); the lowest
    # of them is 13 - n because a stronger signal also closes every slower SF. Sums of
    # the comparisons as uint8 views of the bool results (no casting loops).
    hears = np.greater_equal(rx_dbm, np.float32(need[0]))
    n_ok = hears.astype(np.uint8)
    ge = np.empty(rx_dbm.shape, dtype=np.bool_)
    for value in need[1:]:
        np.greater_equal(rx_dbm, np.float32(value), out=ge)
        n_ok += ge.view(np.uint8)
    sf = np.subtract(np.uint8(max(sfs) + 1), n_ok, out=n_ok)
    sf *= hears.view(np.uint8)  # n = 0: no spreading factor
    return sf, hears


def sample_at(values: np.ndarray, grid: Grid, xs: Sequence[float], ys: Sequence[float]) -> List[float]:
    """Values of a grid-shaped array at map points (NaN outside)."""
    out = []
    for x, y in zip(xs, ys):
        row, col = grid.cell_of(x, y)
        if 0 <= row < values.shape[0] and 0 <= col < values.shape[1]:
            out.append(float(values[row, col]))
        else:
            out.append(float("nan"))
    return out
