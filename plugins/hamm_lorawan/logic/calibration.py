"""Calibration of the log-distance model with measured uplinks (e.g. TTN Mapper exports).

Measured path loss = EIRP of the device + gateway gain - cable loss - received signal
power. The signal power is the RSSI corrected by the SNR (the RSSI of a LoRa packet also
holds the noise): P = RSSI + 10 log10(snr / (1 + snr)) with snr linear (Semtech AN1200.22
"LoRa modulation basics", RSSI/SNR relation). The model
PL = PL0 + 10 n log10(d / d0) + b * J_obstruction is fitted by linear least squares.
"""

import contextlib
import csv
import io
import json
import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import numpy as np

from .errors import LoRaError
from .i18n import tr
from .radio import PathModel

# accepted column names (lower case) for each field, first match wins
ALIASES = {
    "device_lat": ("device_lat", "lat", "latitude"),
    "device_lon": ("device_lon", "lon", "lng", "longitude"),
    "device_x": ("device_x", "x"),
    "device_y": ("device_y", "y"),
    "gateway": ("gateway", "gateway_id", "gwaddr", "gateway_eui", "gw_id", "gtw_id"),
    "gateway_lat": ("gateway_lat", "gwlat", "gw_lat", "gateway_latitude", "gtw_lat"),
    "gateway_lon": ("gateway_lon", "gwlon", "gw_lon", "gateway_longitude", "gtw_lon"),
    "gateway_x": ("gateway_x", "gw_x"),
    "gateway_y": ("gateway_y", "gw_y"),
    "rssi": ("rssi", "gw_rssi"),
    "snr": ("snr", "lsnr", "gw_snr"),
}


@dataclass
class Measurements:
    """Uplinks read from a CSV; positions are geographic (lat/lon) or projected (x/y)."""

    device_a: np.ndarray  # lon or x
    device_b: np.ndarray  # lat or y
    gateway: List[str]
    rssi: np.ndarray
    snr: Optional[np.ndarray]
    geographic: bool
    gateway_pos: Dict[str, tuple] = field(default_factory=dict)  # id -> (lon/x, lat/y)
    skipped: int = 0

    def __len__(self) -> int:
        return len(self.gateway)


def _find(header: Sequence[str], key: str) -> Optional[str]:
    low = {h.strip().lower(): h for h in header}
    for alias in ALIASES[key]:
        if alias in low:
            return low[alias]
    return None


def parse_measurements(text: str) -> Measurements:
    """Read a CSV (comma, semicolon or tab) of uplinks. Needs a device position (lat/lon or
    x/y), a gateway id and the RSSI; SNR and the gateway position are optional. With a
    semicolon or tab as separator a decimal comma is read too (German spreadsheet
    exports). A position of exactly 0/0 (no GPS fix, a gateway without a location) counts
    as missing."""
    if not text.strip():
        raise LoRaError(tr("The measurement file is empty."))
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if dialect.delimiter == ",":
        number = float
    else:

        def number(value):
            return float(value.replace(",", ".")) if isinstance(value, str) else float(value)

    header = reader.fieldnames or []
    cols = {key: _find(header, key) for key in ALIASES}
    geographic = bool(cols["device_lat"] and cols["device_lon"])
    missing = []
    if not geographic and not (cols["device_x"] and cols["device_y"]):
        missing.append("lat/lon " + tr("or") + " x/y")
    for key in ("gateway", "rssi"):
        if not cols[key]:
            missing.append(key)
    if missing:
        raise LoRaError(
            tr("The measurement file lacks the column(s) {cols}. Found: {found}.").format(
                cols=", ".join(missing), found=", ".join(header) or "-"
            )
        )
    ka, kb = ("device_lon", "device_lat") if geographic else ("device_x", "device_y")
    ga, gb = ("gateway_lon", "gateway_lat") if geographic else ("gateway_x", "gateway_y")
    a, b, gws, rssi, snr, pos = [], [], [], [], [], {}
    skipped = 0
    for row in reader:
        try:
            va, vb = number(row[cols[ka]]), number(row[cols[kb]])
            vr = number(row[cols["rssi"]])
            vs = (
                number(row[cols["snr"]])
                if cols["snr"] and row.get(cols["snr"]) not in (None, "")
                else float("nan")
            )
        except (TypeError, ValueError):
            skipped += 1
            continue
        gw = (row.get(cols["gateway"]) or "").strip()
        if not gw or not all(math.isfinite(v) for v in (va, vb, vr)) or va == vb == 0.0:
            skipped += 1
            continue
        if cols[ga] and cols[gb]:
            with contextlib.suppress(TypeError, ValueError):
                where = (number(row[cols[ga]]), number(row[cols[gb]]))
                if where != (0.0, 0.0) and all(math.isfinite(v) for v in where):
                    pos.setdefault(gw, where)
        a.append(va)
        b.append(vb)
        gws.append(gw)
        rssi.append(vr)
        snr.append(vs)
    if not gws:
        raise LoRaError(tr("The measurement file has no usable rows ({n} skipped).").format(n=skipped))
    snr_arr = np.array(snr)
    return Measurements(
        np.array(a),
        np.array(b),
        gws,
        np.array(rssi),
        None if np.all(np.isnan(snr_arr)) else snr_arr,
        geographic,
        pos,
        skipped,
    )


def signal_power(rssi: np.ndarray, snr: Optional[np.ndarray]) -> np.ndarray:
    """Signal power (dBm) from packet RSSI and SNR (dB); RSSI where the SNR is unknown."""
    if snr is None:
        return np.asarray(rssi, dtype=float)
    lin = 10.0 ** (np.asarray(snr, dtype=float) / 10.0)
    corr = 10.0 * np.log10(lin / (1.0 + lin))
    return np.where(np.isfinite(corr), rssi + corr, rssi)


def stats(residual: np.ndarray) -> Dict[str, float]:
    residual = np.asarray(residual, dtype=float)
    if residual.size == 0:
        return {"n": 0, "rmse": float("nan"), "bias": float("nan")}
    return {
        "n": int(residual.size),
        "rmse": float(np.sqrt(np.mean(residual**2))),
        "bias": float(np.mean(residual)),
    }


@dataclass
class Calibration:
    model: PathModel
    before: Dict[str, float]
    after: Dict[str, float]
    per_gateway: Dict[str, Dict[str, Dict[str, float]]]
    sigma_db: float

    def to_json(self) -> str:
        data = self.model.to_dict()
        data.update(
            {
                "sigma_db": self.sigma_db,
                "fit": {"before": self.before, "after": self.after, "per_gateway": self.per_gateway},
            }
        )
        return json.dumps(data, indent=2)


def fit_log_distance(
    distance_m: Sequence[float],
    path_loss_db: Sequence[float],
    gateways: Sequence[str],
    prior: PathModel,
    prior_loss_db: Sequence[float],
    obstruction_db: Optional[Sequence[float]] = None,
    d0: float = 1.0,
    obstruction_factor: Optional[float] = None,
) -> Calibration:
    """Least squares PL0, n, and the obstruction factor b when ``obstruction_db`` (the
    diffraction loss of each uplink's path) varies and no ``obstruction_factor`` is given.

    With a given factor, PL0 and n are fitted to the loss minus factor x obstruction. Without
    ``obstruction_db`` the obstruction is inside PL0 and n: the model gets the factor 0, so
    that coverage and link budget do not add diffraction a second time.
    ``prior_loss_db`` is what the prior model predicted for each uplink (for the
    before statistics); residuals are measured minus predicted."""
    d = np.asarray(distance_m, dtype=float)
    pl = np.asarray(path_loss_db, dtype=float)
    if d.size < 3:
        raise LoRaError(tr("At least 3 measurements are needed for a fit, got {n}.").format(n=d.size))
    if np.any(d <= 0):
        raise LoRaError(tr("A measurement lies on the gateway position (distance 0)."))
    x = 10.0 * np.log10(d / d0)
    if np.ptp(x) < 0.5:
        raise LoRaError(
            tr(
                "The measurements all have about the same distance; the exponent cannot "
                "be fitted. Measure nearer and farther from the gateways."
            )
        )
    cols = [np.ones_like(x), x]
    obs = np.zeros_like(d) if obstruction_db is None else np.asarray(obstruction_db, dtype=float)
    if obstruction_db is None:
        factor = 0.0
    elif obstruction_factor is not None:
        factor = float(obstruction_factor)
    elif np.ptp(obs) > 1e-6:
        factor = None  # fitted
        cols.append(obs)
    else:
        factor = prior.obstruction_factor  # nothing to fit from: the prior's stays
    fixed = 0.0 if factor is None else factor * obs
    a = np.stack(cols, axis=1)
    coef, *_ = np.linalg.lstsq(a, pl - fixed, rcond=None)
    model = PathModel(
        name="log_distance",
        freq_mhz=prior.freq_mhz,
        pl0=float(coef[0]),
        n=float(coef[1]),
        d0=d0,
        obstruction_factor=float(coef[2]) if factor is None else factor,
    )
    pred = a @ coef + fixed
    res_before = pl - np.asarray(prior_loss_db, dtype=float)
    res_after = pl - pred
    per_gw: Dict[str, Dict[str, Dict[str, float]]] = {}
    gw_arr = np.asarray(gateways)
    for gw in sorted(set(gateways)):
        m = gw_arr == gw
        per_gw[gw] = {"before": stats(res_before[m]), "after": stats(res_after[m])}
    dof = max(d.size - a.shape[1], 1)
    sigma = float(np.sqrt(np.sum(res_after**2) / dof))
    return Calibration(
        model=model, before=stats(res_before), after=stats(res_after), per_gateway=per_gw, sigma_db=sigma
    )


def load_model(text: str) -> PathModel:
    """A model JSON written by the calibration (or by hand)."""
    from hamm_core.logic.jsonutil import parse_json

    data = parse_json(text) if isinstance(text, (str, bytes)) else text
    if not isinstance(data, dict):
        raise LoRaError(tr("The model file must hold a JSON object."))
    return PathModel.from_dict(data)
