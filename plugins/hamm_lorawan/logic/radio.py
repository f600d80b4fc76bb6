"""Radio formulas for LoRaWAN planning (pure, numpy-vectorised where it pays).

Sources (formulas only, no code copied):
- free space: ITU-R P.525, L = 20 log10(4 pi d / lambda)
- Okumura-Hata: M. Hata, "Empirical formula for propagation loss in land mobile radio
  services", IEEE Trans. Veh. Tech. 29(3), 1980 (urban, suburban, open area)
- COST-231 Hata: COST Action 231 final report, ch. 4 (1999)
- knife-edge diffraction J(nu) and nu: ITU-R P.526-15, eq. (26) and (31); Deygout and
  Bullington constructions for several edges: ITU-R P.526 section 4.5 and J. Deygout,
  IEEE Trans. AP-14 (1966)
- LoRa time on air: Semtech SX1276 datasheet section 4.1.1.7 / AN1200.13
- EU868 sensitivities and SNR floors: Semtech SX1301/SX1276 datasheets (see DESIGN.md)
"""

import math
from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

import numpy as np

from .errors import LoRaError
from .i18n import tr

C_LIGHT = 299792458.0
EARTH_RADIUS_M = 6371000.0
K_FACTOR = 4.0 / 3.0  # standard atmosphere, effective Earth radius factor

SPREADING_FACTORS = (7, 8, 9, 10, 11, 12)
# Gateway sensitivity at 125 kHz (SX1301 class), dBm
SENSITIVITY_DBM = {7: -123.0, 8: -126.0, 9: -129.0, 10: -132.0, 11: -134.5, 12: -137.0}
# Demodulation SNR floor, dB
SNR_FLOOR_DB = {7: -7.5, 8: -10.0, 9: -12.5, 10: -15.0, 11: -17.5, 12: -20.0}
# Extra loss for the end-device environment (dB): typical values from urban LoRa studies
ENVIRONMENT_LOSS_DB = {"outdoor": 0.0, "indoor": 15.0, "basement": 25.0}

MODELS = ("free_space", "hata_urban", "hata_suburban", "hata_open", "cost231", "log_distance")


def wavelength(freq_mhz: float) -> float:
    return C_LIGHT / (freq_mhz * 1e6)


def free_space_loss(d_m, freq_mhz: float):
    """Free-space path loss (dB), ITU-R P.525."""
    d = np.maximum(np.asarray(d_m, dtype=float), 1e-3)
    return 20.0 * np.log10(4.0 * math.pi * d / wavelength(freq_mhz))


def _hata_a_hm(freq_mhz: float, hm: float, large_city: bool = False) -> float:
    lf = math.log10(freq_mhz)
    if large_city:
        return 3.2 * math.log10(11.75 * hm) ** 2 - 4.97
    return (1.1 * lf - 0.7) * hm - (1.56 * lf - 0.8)


def hata_loss(d_m, freq_mhz: float, hb: float, hm: float, environment: str = "urban"):
    """Okumura-Hata loss (dB) for urban, suburban or open areas (small/medium city).

    Published range: 150-1500 MHz, hb 30-200 m, hm 1-10 m, d 1-20 km. Antenna heights are
    clamped to at least 1 m; below 1 km the curve is used as is by the callers, but never
    below free space (see basic_loss)."""
    hb = max(float(hb), 1.0)
    hm = max(float(hm), 1.0)
    lf = math.log10(freq_mhz)
    d_km = np.maximum(np.asarray(d_m, dtype=float) / 1000.0, 1e-3)
    urban = (
        69.55
        + 26.16 * lf
        - 13.82 * math.log10(hb)
        - _hata_a_hm(freq_mhz, hm)
        + (44.9 - 6.55 * math.log10(hb)) * np.log10(d_km)
    )
    if environment == "urban":
        return urban
    if environment == "suburban":
        return urban - 2.0 * math.log10(freq_mhz / 28.0) ** 2 - 5.4
    if environment == "open":
        return urban - 4.78 * lf**2 + 18.33 * lf - 40.94
    raise LoRaError(tr("Unknown Hata environment: {name}.").format(name=environment))


def cost231_loss(d_m, freq_mhz: float, hb: float, hm: float, metropolitan: bool = False):
    """COST-231 Hata loss (dB); C = 0 dB for medium cities and suburbs, 3 dB for centres."""
    hb = max(float(hb), 1.0)
    hm = max(float(hm), 1.0)
    lf = math.log10(freq_mhz)
    d_km = np.maximum(np.asarray(d_m, dtype=float) / 1000.0, 1e-3)
    return (
        46.3
        + 33.9 * lf
        - 13.82 * math.log10(hb)
        - _hata_a_hm(freq_mhz, hm)
        + (44.9 - 6.55 * math.log10(hb)) * np.log10(d_km)
        + (3.0 if metropolitan else 0.0)
    )


def log_distance_loss(d_m, pl0: float, n: float, d0: float = 1.0):
    """Log-distance model PL(d) = PL0 + 10 n log10(d / d0) (dB)."""
    d = np.maximum(np.asarray(d_m, dtype=float), d0 * 1e-3)
    return pl0 + 10.0 * n * np.log10(d / d0)


@dataclass
class PathModel:
    """The basic (empirical) part of the path loss; obstruction is added separately."""

    name: str = "free_space"
    freq_mhz: float = 868.1
    pl0: float = 40.0  # log-distance: loss at d0 (dB)
    n: float = 2.7  # log-distance exponent
    d0: float = 1.0  # m
    obstruction_factor: float = 1.0  # scales the diffraction loss (calibrated)

    def basic_loss(self, d_m, hb: float, hm: float):
        if self.name == "free_space":
            return free_space_loss(d_m, self.freq_mhz)
        if self.name == "log_distance":
            return log_distance_loss(d_m, self.pl0, self.n, self.d0)
        fs = free_space_loss(d_m, self.freq_mhz)
        if self.name.startswith("hata_"):
            loss = hata_loss(d_m, self.freq_mhz, hb, hm, self.name[5:])
        elif self.name == "cost231":
            loss = cost231_loss(d_m, self.freq_mhz, hb, hm)
        else:
            raise LoRaError(tr("Unknown propagation model: {name}.").format(name=self.name))
        # An empirical curve below free space (very short distance) is not physical
        return np.maximum(loss, fs)

    def to_dict(self) -> Dict:
        return {
            "model": self.name,
            "freq_mhz": self.freq_mhz,
            "pl0": self.pl0,
            "n": self.n,
            "d0": self.d0,
            "obstruction_factor": self.obstruction_factor,
        }

    @classmethod
    def from_dict(cls, data: Dict) -> "PathModel":
        try:
            model = cls(
                name=str(data.get("model", "log_distance")),
                freq_mhz=float(data.get("freq_mhz", 868.1)),
                pl0=float(data["pl0"]) if "pl0" in data else 40.0,
                n=float(data["n"]) if "n" in data else 2.7,
                d0=float(data.get("d0", 1.0)),
                obstruction_factor=float(data.get("obstruction_factor", 1.0)),
            )
        except (TypeError, ValueError, KeyError) as err:
            raise LoRaError(tr("The model file has a value that is not a number."), str(err)) from err
        if model.name not in MODELS:
            raise LoRaError(tr("Unknown propagation model: {name}.").format(name=model.name))
        return model


# ---------------------------------------------------------------- diffraction


# edges closer than this (m) are one obstacle for the Deygout construction
EDGE_MERGE_M = 30.0


def knife_edge_loss(nu):
    """J(nu) in dB, ITU-R P.526-15 eq. (31); 0 for nu <= -0.78."""
    nu = np.asarray(nu, dtype=float)
    safe = np.maximum(nu, -0.78)
    j = 6.9 + 20.0 * np.log10(np.sqrt((safe - 0.1) ** 2 + 1.0) + safe - 0.1)
    out = np.where(nu > -0.78, j, 0.0)
    return float(out) if out.ndim == 0 else out


def fresnel_nu(h, d1, d2, lam):
    """Diffraction parameter nu = h sqrt(2/lambda (1/d1 + 1/d2)), ITU-R P.526 eq. (26)."""
    return h * np.sqrt(2.0 / lam * (1.0 / d1 + 1.0 / d2))


def fresnel_radius(d1, d2, lam, zone: int = 1):
    """Radius of the n-th Fresnel zone (m) at distances d1, d2 from the ends."""
    return np.sqrt(zone * lam * d1 * d2 / (d1 + d2))


def earth_bulge(d_m, total_m=None):
    """Height correction for Earth curvature (k = 4/3) relative to the chord, in metres.

    Without ``total_m`` the drop below the tangent at the start, d^2 / (2 k R); lines
    stay lines so clearances are the same as with the usual bulge d1 d2 / (2 k R)."""
    d = np.asarray(d_m, dtype=float)
    if total_m is None:
        return d * d / (2.0 * K_FACTOR * EARTH_RADIUS_M)
    return d * (total_m - d) / (2.0 * K_FACTOR * EARTH_RADIUS_M)


def _edge_nus(d, z, d_a, z_a, d_b, z_b, lam):
    """nu of every interior point between ends a and b (arrays d, z)."""
    span = d_b - d_a
    line = z_a + (d - d_a) * (z_b - z_a) / span
    return fresnel_nu(z - line, d - d_a, d_b - d, lam)


def deygout_profile(
    d,
    z,
    d_total: float,
    h_tx: float,
    h_rx: float,
    lam: float,
    max_edges: int = 3,
    merge_m: float = EDGE_MERGE_M,
) -> float:
    """Deygout multi-edge diffraction loss (dB), ITU-R P.526 section 4.5.

    ``d``: distances of the profile points from the transmitter (0 < d < d_total),
    ``z``: their heights (terrain + surface, Earth curvature applied), ``h_tx``/``h_rx``:
    heights of the antennas in the same datum. The main edge is the point of largest nu;
    when it blocks the line of sight (nu > 0) the sub-paths on either side are treated the
    same way until ``max_edges`` edges are used (sub-edges of a mere Fresnel-zone intrusion
    would count the smooth ground again and again). Edges with nu <= -0.78 add nothing.
    Points closer than ``merge_m`` to an edge belong to the same obstacle (a roof) and are
    no sub-edges of it: Deygout overestimates the loss of close edges (Giovaneli, IEEE
    Trans. AP 32(3), 1984), and a flat roof would otherwise count two or three times."""
    d = np.asarray(d, dtype=float)
    z = np.asarray(z, dtype=float)
    budget = [max_edges]

    def solve(lo: float, zlo: float, hi: float, zhi: float, mask) -> float:
        if budget[0] <= 0 or not mask.any():
            return 0.0
        idx = np.nonzero(mask)[0]
        nus = _edge_nus(d[idx], z[idx], lo, zlo, hi, zhi, lam)
        k = int(np.argmax(nus))
        nu = float(nus[k])
        if nu <= -0.78:
            return 0.0
        budget[0] -= 1
        dk, zk = float(d[idx[k]]), float(z[idx[k]])
        loss = float(knife_edge_loss(nu))
        if nu > 0:  # sub-paths only behind an edge that blocks the line of sight
            loss += solve(lo, zlo, dk, zk, mask & (d < dk - merge_m))
            loss += solve(dk, zk, hi, zhi, mask & (d > dk + merge_m))
        return loss

    inside = (d > 0) & (d < d_total)
    return solve(0.0, h_tx, d_total, h_rx, inside)


def bullington_profile(d, z, d_total: float, h_tx: float, h_rx: float, lam: float) -> float:
    """Bullington equivalent knife edge (dB), ITU-R P.526-15 section 4.5.1 (without the
    correction term): the edge sits where the steepest lines from both ends cross; with
    line of sight the point of largest nu is used."""
    d = np.asarray(d, dtype=float)
    z = np.asarray(z, dtype=float)
    inside = (d > 0) & (d < d_total)
    if not inside.any():
        return 0.0
    d, z = d[inside], z[inside]
    slope_los = (h_rx - h_tx) / d_total
    s_tx = float(np.max((z - h_tx) / d))
    if s_tx < slope_los:  # line of sight: largest nu of the points
        nu = float(np.max(_edge_nus(d, z, 0.0, h_tx, d_total, h_rx, lam)))
        return float(knife_edge_loss(nu))
    s_rx = float(np.max((z - h_rx) / (d_total - d)))
    x = (h_rx + s_rx * d_total - h_tx) / (s_tx + s_rx)
    x = min(max(x, 1e-3), d_total - 1e-3)
    h = x * (s_tx - slope_los)
    return float(knife_edge_loss(fresnel_nu(h, x, d_total - x, lam)))


def min_fresnel_clearance(d, z, d_total: float, h_tx: float, h_rx: float, lam: float) -> float:
    """Smallest clearance of the direct ray over the profile, as a fraction of the first
    Fresnel zone radius (1 = fully clear, 0 = grazing, < 0 = blocked). 0.6 is the usual
    threshold for a link that behaves like free space."""
    d = np.asarray(d, dtype=float)
    z = np.asarray(z, dtype=float)
    inside = (d > 0) & (d < d_total)
    if not inside.any():
        return float("inf")
    d, z = d[inside], z[inside]
    line = h_tx + d * (h_rx - h_tx) / d_total
    return float(np.min((line - z) / fresnel_radius(d, d_total - d, lam)))


# ---------------------------------------------------------------- link budget


@dataclass
class RadioParams:
    freq_mhz: float = 868.1
    tx_power_dbm: float = 14.0  # device transmit power
    power_is_erp: bool = True  # EU868 limits are ERP; EIRP = ERP + 2.15 dB
    device_gain_dbi: float = 0.0
    bandwidth_hz: float = 125000.0
    noise_figure_db: float = 6.0
    fade_margin_db: float = 10.0
    device_height_m: float = 1.5
    environment: str = "outdoor"
    extra_loss_db: float = 0.0

    @property
    def eirp_dbm(self) -> float:
        return self.tx_power_dbm + (2.15 if self.power_is_erp else 0.0) + self.device_gain_dbi

    @property
    def environment_loss_db(self) -> float:
        try:
            return ENVIRONMENT_LOSS_DB[self.environment] + self.extra_loss_db
        except KeyError as err:
            raise LoRaError(tr("Unknown device environment: {name}.").format(name=self.environment)) from err

    @property
    def noise_dbm(self) -> float:
        return noise_floor_dbm(self.bandwidth_hz, self.noise_figure_db)


def noise_floor_dbm(bandwidth_hz: float, noise_figure_db: float) -> float:
    """Thermal noise -174 dBm/Hz + 10 log10(BW) + NF."""
    return -174.0 + 10.0 * math.log10(bandwidth_hz) + noise_figure_db


def received_power(path_loss_db, params: RadioParams, gw_gain_dbi: float, cable_loss_db: float):
    """Received power at the gateway (dBm) for the device uplink."""
    return (
        params.eirp_dbm + gw_gain_dbi - cable_loss_db - np.asarray(path_loss_db) - params.environment_loss_db
    )


def required_power(sf: int, params: RadioParams) -> float:
    """Power needed for SF (dBm), without margin: the stricter of the datasheet sensitivity
    (scaled to the bandwidth and noise figure in use) and noise floor + SNR floor."""
    scale = 10.0 * math.log10(params.bandwidth_hz / 125000.0) + (params.noise_figure_db - 6.0)
    return max(SENSITIVITY_DBM[sf] + scale, params.noise_dbm + SNR_FLOOR_DB[sf])


def best_sf(rx_dbm, params: RadioParams):
    """Lowest spreading factor that closes the link with the fade margin (0 = none)."""
    rx = np.asarray(rx_dbm, dtype=float)
    out = np.zeros(rx.shape, dtype=np.uint8)
    for sf in reversed(SPREADING_FACTORS):
        ok = rx - params.fade_margin_db >= required_power(sf, params)
        out = np.where(ok, sf, out).astype(np.uint8)
    return int(out) if out.ndim == 0 else out


def airtime_s(
    payload_bytes: int,
    sf: int,
    bandwidth_hz: float = 125000.0,
    coding_rate: int = 1,
    preamble_symbols: int = 8,
    explicit_header: bool = True,
    crc: bool = True,
    low_dr_optimize: Optional[bool] = None,
) -> float:
    """LoRa time on air (s) of a PHY payload, Semtech SX1276 datasheet 4.1.1.7.

    ``coding_rate`` 1..4 means 4/5..4/8; low data rate optimisation defaults to on when
    the symbol time exceeds 16 ms (SF11/SF12 at 125 kHz)."""
    if sf not in SPREADING_FACTORS:
        raise LoRaError(tr("Spreading factor must be 7 to 12, not {sf}.").format(sf=sf))
    t_sym = (2**sf) / bandwidth_hz
    if low_dr_optimize is None:
        low_dr_optimize = t_sym > 0.016
    de = 1 if low_dr_optimize else 0
    ih = 0 if explicit_header else 1
    num = 8 * payload_bytes - 4 * sf + 28 + 16 * (1 if crc else 0) - 20 * ih
    n_payload = 8 + max(math.ceil(num / (4.0 * (sf - 2 * de))) * (coding_rate + 4), 0)
    return (preamble_symbols + 4.25) * t_sym + n_payload * t_sym


LORAWAN_OVERHEAD_BYTES = 13  # MHDR 1 + FHDR 7 (no FOpts) + FPort 1 + MIC 4


# ---------------------------------------------------------------- profiles


def sample_profile(
    surface: np.ndarray,
    ground: np.ndarray,
    x0: float,
    y0: float,
    dx: float,
    dy: float,
    start: Tuple[float, float],
    end: Tuple[float, float],
    step: Optional[float] = None,
):
    """Sample a raster profile (nearest cell) from ``start`` to ``end`` (map units, m).

    Returns (distances, surface heights, ground heights) including both ends."""
    (xa, ya), (xb, yb) = start, end
    length = math.hypot(xb - xa, yb - ya)
    step = step or min(abs(dx), abs(dy))
    n = max(int(math.ceil(length / step)), 1) + 1
    t = np.linspace(0.0, 1.0, n)
    xs, ys = xa + t * (xb - xa), ya + t * (yb - ya)
    cols = np.clip(((xs - x0) / dx).astype(int), 0, surface.shape[1] - 1)
    rows = np.clip(((y0 - ys) / dy).astype(int), 0, surface.shape[0] - 1)
    return t * length, surface[rows, cols].astype(float), ground[rows, cols].astype(float)


@dataclass
class LinkResult:
    distance_m: float
    basic_loss_db: float
    diffraction_db: float
    path_loss_db: float
    rx_dbm: float
    snr_db: float
    sf: int
    clearance: float


def link_budget(
    dist: Sequence[float],
    surface: Sequence[float],
    ground: Sequence[float],
    tx_height_agl: float,
    model: PathModel,
    params: RadioParams,
    gw_gain_dbi: float = 0.0,
    cable_loss_db: float = 0.0,
    method: str = "deygout",
    merge_m: float = EDGE_MERGE_M,
) -> LinkResult:
    """One link from a gateway (profile index 0) to a device (last index)."""
    d = np.asarray(dist, dtype=float)
    s = np.asarray(surface, dtype=float)
    g = np.asarray(ground, dtype=float)
    total = float(max(d[-1], 1.0))
    lam = wavelength(model.freq_mhz)
    bulge = earth_bulge(d)
    h_tx = g[0] + tx_height_agl
    h_rx = g[-1] + params.device_height_m - bulge[-1]
    z = s - bulge
    inner_d, inner_z = d[1:-1], z[1:-1]
    if method == "deygout":
        diff = deygout_profile(inner_d, inner_z, total, h_tx, h_rx, lam, merge_m=merge_m)
    elif method == "bullington":
        diff = bullington_profile(inner_d, inner_z, total, h_tx, h_rx, lam)
    else:
        diff = 0.0
    diff *= model.obstruction_factor
    basic = float(model.basic_loss(total, tx_height_agl, params.device_height_m))
    pl = basic + diff
    rx = float(received_power(pl, params, gw_gain_dbi, cable_loss_db))
    return LinkResult(
        distance_m=total,
        basic_loss_db=basic,
        diffraction_db=diff,
        path_loss_db=pl,
        rx_dbm=rx,
        snr_db=rx - params.noise_dbm,
        sf=best_sf(rx, params),
        clearance=min_fresnel_clearance(inner_d, inner_z, total, h_tx, h_rx, lam),
    )
