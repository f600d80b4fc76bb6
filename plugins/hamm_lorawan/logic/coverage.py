"""Coverage of a raster around one or more gateways (pure numpy, radial sweep).

Rays leave the gateway at an angular spacing of one cell at the maximum range and are
sampled every cell along their length, so every raster cell has a ray sample within about
one cell. Along each ray the obstruction of every sample (as a receiver) is found in
O(samples x window) array operations:

- the transmitter horizon: the obstacle of steepest elevation angle seen from the
  gateway before the receiver (a running maximum along the ray);
- the receiver surroundings: the obstacle of largest Fresnel-Kirchhoff parameter nu
  among the last ``window_m`` metres before the receiver (buildings next to a street).

From these two candidate edges the diffraction loss follows by Deygout (main edge of the
larger nu, the other edge on its sub-path when the main edge blocks the line of sight;
ITU-R P.526 section 4.5) or by the Bullington
construction (steepest lines from both ends; with line of sight the larger nu). The
first Fresnel zone is part of the same formula: J(nu) > 0 once an obstacle intrudes more
than about 40 % into it (nu > -0.78). Earth curvature (k = 4/3) is applied to every
profile. Cells are then read from the nearest ray sample.
"""

import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence

import numpy as np

from .errors import LoRaError
from .i18n import tr
from .radio import (
    EARTH_RADIUS_M,
    K_FACTOR,
    SPREADING_FACTORS,
    PathModel,
    RadioParams,
    best_sf,
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


@dataclass
class Gateway:
    x: float
    y: float
    height_agl: float = 30.0
    gain_dbi: float = 5.0
    cable_loss_db: float = 2.0
    name: str = ""


def _j_nu(nu: np.ndarray) -> np.ndarray:
    """J(nu) of ITU-R P.526 eq. (31) on float32 arrays; 0 for nu <= -0.78."""
    safe = np.maximum(nu, np.float32(-0.78))
    t = safe - np.float32(0.1)
    j = np.float32(6.9) + np.float32(20.0) * np.log10(np.sqrt(t * t + np.float32(1.0)) + t)
    return np.where(nu > -0.78, j, np.float32(0.0))


def _ray_chunk(*args) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        return _ray_chunk_work(*args)


def _ray_chunk_work(
    grid: Grid,
    gx: float,
    gy: float,
    h_tx: float,
    h_rx: float,
    theta: np.ndarray,
    dist: np.ndarray,
    lam: float,
    window: int,
    method: str,
) -> np.ndarray:
    """Diffraction loss (dB, float32) for rays ``theta`` at sample distances ``dist``;
    NaN where the receiver sample is outside the raster or on no-data."""
    nrow, ncol = grid.shape
    f32 = np.float32
    n_s = dist.size
    cx = (gx - grid.x0) / grid.dx + np.outer(np.cos(theta), dist / grid.dx)
    cy = (grid.y0 - gy) / grid.dy - np.outer(np.sin(theta), dist / grid.dy)
    cols = np.floor(cx).astype(np.int32)
    rows = np.floor(cy).astype(np.int32)
    inside = (cols >= 0) & (cols < ncol) & (rows >= 0) & (rows < nrow)
    np.clip(cols, 0, ncol - 1, out=cols)
    np.clip(rows, 0, nrow - 1, out=rows)
    bulge = (dist * dist / (2.0 * K_FACTOR * EARTH_RADIUS_M)).astype(f32)
    z = grid.surface[rows, cols]
    zr = grid.ground[rows, cols]
    z = z - bulge
    zr = zr + f32(h_rx) - bulge
    # an obstacle that is unknown or outside the raster never obstructs
    z[~inside | np.isnan(z)] = f32(-1e4)
    d = dist.astype(f32)
    d_safe = d.copy()
    d_safe[0] = f32(1.0)
    inv_d = f32(1.0) / d_safe
    tan_obs = (z - f32(h_tx)) * inv_d
    tan_obs[:, 0] = -np.inf
    tan_rx = (zr - f32(h_tx)) * inv_d
    idx = np.arange(n_s, dtype=np.int32)
    run_max = np.maximum.accumulate(tan_obs, axis=1)
    run_arg = np.maximum.accumulate(np.where(tan_obs >= run_max, idx, 0).astype(np.int32), axis=1)
    # horizon before the receiver: shift by one sample
    m_prev = np.full_like(run_max, -np.inf)
    m_prev[:, 1:] = run_max[:, :-1]
    k_prev = np.zeros_like(run_arg)
    k_prev[:, 1:] = run_arg[:, :-1]
    two_over_lam = f32(2.0 / lam)
    dk = k_prev.astype(f32) * d[1]
    valid_k = k_prev > 0
    dk_safe = np.where(valid_k, dk, f32(1.0))
    span_k = np.maximum(d[None, :] - dk_safe, f32(1e-3))
    nu_k = dk_safe * (m_prev - tan_rx) * np.sqrt(two_over_lam * (f32(1.0) / dk_safe + f32(1.0) / span_k))
    nu_k[~valid_k] = -np.inf
    # receiver surroundings: best nu in the window before each receiver
    nu_w = np.full(z.shape, -np.inf, dtype=f32)
    w_idx = np.zeros(z.shape, dtype=np.int32)
    s_rx = np.full(z.shape, -np.inf, dtype=f32) if method == "bullington" else None
    step = float(d[1])
    for off in range(1, min(window, n_s - 2) + 1):
        zi = z[:, 1 : n_s - off]  # obstacle i = 1 .. n-1-off
        di = d[1 : n_s - off]
        dj = d[1 + off :]
        trx = tan_rx[:, 1 + off :]
        fac = np.sqrt(two_over_lam * dj / (di * f32(off * step)))
        nu = (zi - (f32(h_tx) + di * trx)) * fac
        target = nu_w[:, 1 + off :]
        better = nu > target
        np.copyto(target, nu, where=better)
        np.copyto(w_idx[:, 1 + off :], idx[None, 1 : n_s - off], where=better)
        if s_rx is not None:
            np.maximum(
                s_rx[:, 1 + off :], (zi - zr[:, 1 + off :]) * f32(1.0 / (off * step)), out=s_rx[:, 1 + off :]
            )
    if method == "bullington":
        zk = m_prev * dk_safe + f32(h_tx)
        s_rx = np.maximum(s_rx, np.where(valid_k, (zk - zr) / span_k, -np.inf))
        blocked = (m_prev > tan_rx) & np.isfinite(s_rx)
        denom = np.where(blocked, m_prev + s_rx, f32(1.0))
        x = (zr + s_rx * d[None, :] - f32(h_tx)) / denom
        x = np.clip(x, f32(0.5 * step), np.maximum(d[None, :] - f32(0.5 * step), f32(0.5 * step)))
        span = np.maximum(d[None, :] - x, f32(1e-3))
        nu_b = x * (m_prev - tan_rx) * np.sqrt(two_over_lam * (f32(1.0) / x + f32(1.0) / span))
        nu = np.where(blocked, nu_b, np.maximum(nu_k, nu_w))
        loss = _j_nu(nu)
    else:  # Deygout with the two candidate edges
        main_is_k = nu_k >= nu_w
        nu_main = np.where(main_is_k, nu_k, nu_w)
        dw = w_idx.astype(f32) * f32(step)
        zw = np.take_along_axis(z, w_idx, axis=1)
        has_w = w_idx > 0
        # (a) main edge k, second edge w between k and the receiver
        zk = m_prev * dk_safe + f32(h_tx)
        a_ok = main_is_k & has_w & (w_idx > k_prev)
        d1 = np.where(a_ok, dw - dk_safe, f32(1.0))
        d2 = np.where(a_ok, d[None, :] - dw, f32(1.0))
        d1 = np.maximum(d1, f32(1e-3))
        d2 = np.maximum(d2, f32(1e-3))
        h2 = zw - (zk + d1 * (zr - zk) / (d1 + d2))
        nu_a = np.where(a_ok, h2 * np.sqrt(two_over_lam * (f32(1.0) / d1 + f32(1.0) / d2)), -np.inf)
        # (b) main edge w, second edge: the transmitter horizon before w
        k2 = np.take_along_axis(k_prev, w_idx, axis=1)
        m2 = np.take_along_axis(m_prev, w_idx, axis=1)
        b_ok = (~main_is_k) & has_w & (k2 > 0)
        dk2 = np.where(b_ok, k2.astype(f32) * f32(step), f32(1.0))
        dw_safe = np.where(b_ok, dw, f32(2.0))
        span2 = np.maximum(dw_safe - dk2, f32(1e-3))
        tan_w = (zw - f32(h_tx)) / dw_safe
        nu_b2 = np.where(
            b_ok, dk2 * (m2 - tan_w) * np.sqrt(two_over_lam * (f32(1.0) / dk2 + f32(1.0) / span2)), -np.inf
        )
        nu_second = np.where(main_is_k, nu_a, nu_b2)
        loss = _j_nu(nu_main) + np.where(nu_main > 0, _j_nu(nu_second), f32(0.0))
    loss[np.isnan(zr)] = np.nan
    return loss.astype(f32)


def path_loss_rays(
    grid: Grid,
    gw: Gateway,
    model: PathModel,
    params: RadioParams,
    method: str = "deygout",
    max_range_m: float = 15000.0,
    window_m: float = 200.0,
    workers: int = 2,
    progress: Optional[Callable[[float], None]] = None,
    cancelled: Optional[Callable[[], bool]] = None,
):
    """Path loss (dB) along the rays around one gateway.

    Returns (loss[n_rays, n_samples], step_m, n_rays) or raises LoRaError."""
    if not grid.contains(gw.x, gw.y):
        raise LoRaError(
            tr("Gateway {name} at ({x:.1f}, {y:.1f}) lies outside the terrain raster.").format(
                name=gw.name or "?", x=gw.x, y=gw.y
            )
        )
    row, col = grid.cell_of(gw.x, gw.y)
    ground_tx = grid.ground[row, col]
    if not np.isfinite(ground_tx):
        raise LoRaError(
            tr("Gateway {name} stands on a no-data cell of the terrain raster.").format(name=gw.name or "?")
        )
    h_tx = float(ground_tx) + gw.height_agl
    step = min(grid.dx, grid.dy)
    nrow, ncol = grid.shape
    corners = [
        (grid.x0, grid.y0),
        (grid.x0 + ncol * grid.dx, grid.y0),
        (grid.x0, grid.y0 - nrow * grid.dy),
        (grid.x0 + ncol * grid.dx, grid.y0 - nrow * grid.dy),
    ]
    reach = max(math.hypot(cx - gw.x, cy - gw.y) for cx, cy in corners)
    radius = min(max_range_m, reach)
    n_s = int(math.ceil(radius / step)) + 2
    n_rays = max(int(math.ceil(2.0 * math.pi * radius / step)), 16)
    dist = np.arange(n_s, dtype=np.float64) * step
    lam = wavelength(model.freq_mhz)
    window = max(int(round(window_m / step)), 1)
    theta = 2.0 * math.pi * np.arange(n_rays) / n_rays
    out = np.empty((n_rays, n_s), dtype=np.float32)
    chunk = max(16, int(2_000_000 // n_s))  # about 8 MB per float32 array of a chunk
    starts = list(range(0, n_rays, chunk))
    done = [0]

    def work(start: int) -> None:
        if cancelled is not None and cancelled():
            return
        stop = min(start + chunk, n_rays)
        out[start:stop] = (
            _ray_chunk(
                grid, gw.x, gw.y, h_tx, params.device_height_m, theta[start:stop], dist, lam, window, method
            )
            if method != "none"
            else 0.0
        )
        done[0] += 1
        if progress is not None:
            progress(done[0] / len(starts))

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        list(pool.map(work, starts))
    if cancelled is not None and cancelled():
        raise LoRaError(tr("Cancelled."))
    out *= np.float32(model.obstruction_factor)
    basic = np.asarray(
        model.basic_loss(np.maximum(dist, step / 2.0), gw.height_agl, params.device_height_m),
        dtype=np.float32,
    )
    out += basic[None, :]
    return out, step, n_rays, radius


def rays_to_grid(grid: Grid, gw: Gateway, rays: np.ndarray, step: float, n_rays: int, radius: float):
    """Read each cell within ``radius`` from its nearest ray sample.

    Returns (row slice, col slice, values) for the window around the gateway."""
    nrow, ncol = grid.shape
    r0 = max(int(math.floor((grid.y0 - gw.y - radius) / grid.dy)), 0)
    r1 = min(int(math.ceil((grid.y0 - gw.y + radius) / grid.dy)) + 1, nrow)
    c0 = max(int(math.floor((gw.x - radius - grid.x0) / grid.dx)), 0)
    c1 = min(int(math.ceil((gw.x + radius - grid.x0) / grid.dx)) + 1, ncol)
    ys = (grid.y0 - (np.arange(r0, r1) + 0.5) * grid.dy - gw.y).astype(np.float32)
    xs = (grid.x0 + (np.arange(c0, c1) + 0.5) * grid.dx - gw.x).astype(np.float32)
    dist = np.hypot(xs[None, :], ys[:, None])
    ang = np.arctan2(ys[:, None], xs[None, :])
    ray = np.rint(ang * np.float32(n_rays / (2.0 * math.pi))).astype(np.int32) % n_rays
    samp = np.rint(dist / np.float32(step)).astype(np.int32)
    outside = dist > radius
    np.clip(samp, 0, rays.shape[1] - 1, out=samp)
    values = rays[ray, samp]
    values[outside] = np.nan
    ground = grid.ground[r0:r1, c0:c1]
    values[np.isnan(ground)] = np.nan
    return slice(r0, r1), slice(c0, c1), values


def coverage(
    grid: Grid,
    gateways: Sequence[Gateway],
    model: PathModel,
    params: RadioParams,
    method: str = "deygout",
    max_range_m: float = 15000.0,
    window_m: float = 200.0,
    workers: int = 2,
    progress: Optional[Callable[[float], None]] = None,
    cancelled: Optional[Callable[[], bool]] = None,
) -> Dict[str, np.ndarray]:
    """Coverage rasters for several gateways.

    Returns ``rx_dbm`` (best received power, NaN = not computed), ``sf`` (lowest spreading
    factor closing the link with the fade margin, 0 = none), ``server`` (index of the best
    gateway, -1 = none) and ``count`` (gateways that hear the cell at SF12 with margin)."""
    if not gateways:
        raise LoRaError(tr("No gateways given: the gateway layer is empty."))
    shape = grid.shape
    best = np.full(shape, np.nan, dtype=np.float32)
    server = np.full(shape, -1, dtype=np.int16)
    count = np.zeros(shape, dtype=np.int16)
    hear = required_power(max(SPREADING_FACTORS), params) + params.fade_margin_db
    for i, gw in enumerate(gateways):

        def sub(frac, i=i):
            if progress is not None:
                progress((i + frac) / len(gateways))

        rays, step, n_rays, radius = path_loss_rays(
            grid, gw, model, params, method, max_range_m, window_m, workers, sub, cancelled
        )
        rs, cs, loss = rays_to_grid(grid, gw, rays, step, n_rays, radius)
        del rays
        rx = np.float32(params.eirp_dbm + gw.gain_dbi - gw.cable_loss_db - params.environment_loss_db) - loss
        cur = best[rs, cs]
        better = np.isfinite(rx) & (np.isnan(cur) | (rx > cur))
        cur[better] = rx[better]
        server[rs, cs][better] = i
        count[rs, cs] += (rx >= hear).astype(np.int16)
    sf = best_sf(np.nan_to_num(best, nan=-999.0), params).astype(np.uint8)
    server[best < hear] = -1
    server[np.isnan(best)] = -1
    return {"rx_dbm": best, "sf": sf, "server": server, "count": count}


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
