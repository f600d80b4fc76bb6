"""Difference in differences ("Maßnahmenwirkung prüfen"): did the stations near a climate
adaptation measure change differently between a period before and a period after it than
the reference stations?

Method (a textbook difference-in-differences on station means, e.g. Angrist & Pischke,
"Mostly Harmless Econometrics", ch. 5):

- per station i: change d_i = mean(after_i) - mean(before_i);
- effect = mean(d | measure stations) - mean(d | reference stations);
- standard error from the spread of the station changes (Welch):
  SE = sqrt(s_M^2 / n_M + s_R^2 / n_R), degrees of freedom after Welch-Satterthwaite;
  with a single station on one side its variance is taken from the other side
  (SE = s * sqrt(1 + 1/n), df = n - 1), the usual comparison of one case with a group;
- the interval: effect -/+ t(1 - alpha/2, df) * SE (Student's t).

Stations are the units: the 10-minute values of one station are not independent, so they
only enter through the station means.
"""

import math
from dataclasses import dataclass, field
from typing import List, Optional, Sequence

from .i18n import tr

MEASURE, REFERENCE = "measure", "reference"


@dataclass
class StationChange:
    key: str
    group: str  # MEASURE or REFERENCE
    n_before: int
    n_after: int
    mean_before: Optional[float]
    mean_after: Optional[float]

    @property
    def change(self) -> Optional[float]:
        if self.mean_before is None or self.mean_after is None:
            return None
        return self.mean_after - self.mean_before


def station_change(key: str, group: str, before: Sequence[float],
                   after: Sequence[float]) -> StationChange:
    def mean(values):
        return sum(values) / len(values) if values else None
    return StationChange(key, group, len(before), len(after), mean(before), mean(after))


@dataclass
class DidResult:
    n_measure: int
    n_reference: int
    change_measure: float
    change_reference: float
    effect: float
    se: Optional[float] = None
    df: Optional[float] = None
    t_crit: Optional[float] = None
    ci_low: Optional[float] = None
    ci_high: Optional[float] = None
    level: float = 0.95
    notes: List[str] = field(default_factory=list)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _variance(values: Sequence[float]) -> float:
    m = _mean(values)
    return sum((v - m) ** 2 for v in values) / (len(values) - 1)


def t_cdf(t: float, df: float, steps: int = 4000) -> float:
    """Student's t distribution function, by Simpson's rule over its density
    f(x) = Gamma((v+1)/2) / (sqrt(v pi) Gamma(v/2)) (1 + x^2/v)^(-(v+1)/2)."""
    if df <= 0:
        raise ValueError("degrees of freedom must be positive")
    if t == 0:
        return 0.5
    log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)

    def density(x):
        return math.exp(log_c - (df + 1) / 2 * math.log1p(x * x / df))

    a = abs(t)
    # substitute x = u / (1 - u) near infinity is not needed: integrate 0..|t| directly
    h = a / steps
    total = density(0) + density(a)
    for k in range(1, steps):
        total += (4 if k % 2 else 2) * density(k * h)
    area = total * h / 3
    return 0.5 + area if t > 0 else 0.5 - area


def t_quantile(p: float, df: float) -> float:
    """The p-quantile of Student's t (bisection on t_cdf)."""
    if not 0 < p < 1:
        raise ValueError("p must be in (0, 1)")
    if p == 0.5:
        return 0.0
    if p < 0.5:
        return -t_quantile(1 - p, df)
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        hi *= 2
        if hi > 1e7:
            return hi
    for _ in range(80):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def difference_in_differences(stations: Sequence[StationChange],
                              level: float = 0.95) -> DidResult:
    """ValueError (translated) when a group has no station with data in both periods."""
    measure = [s.change for s in stations if s.group == MEASURE and s.change is not None]
    reference = [s.change for s in stations if s.group == REFERENCE and s.change is not None]
    if not measure:
        raise ValueError(tr("No station near the measure has observations in both periods."))
    if not reference:
        raise ValueError(tr("No reference station has observations in both periods."))
    cm, cr = _mean(measure), _mean(reference)
    result = DidResult(len(measure), len(reference), cm, cr, cm - cr, level=level)
    nm, nr = len(measure), len(reference)
    if nm >= 2 and nr >= 2:
        vm, vr = _variance(measure) / nm, _variance(reference) / nr
        se2 = vm + vr
        df = se2 ** 2 / ((vm ** 2 / (nm - 1) if vm else 0) + (vr ** 2 / (nr - 1) if vr else 0)) \
            if (vm or vr) else float(nm + nr - 2)
        result.se, result.df = math.sqrt(se2), df
    elif nm == 1 and nr >= 2:
        result.se = math.sqrt(_variance(reference) * (1 + 1 / nr))
        result.df = float(nr - 1)
        result.notes.append(tr("Only one station near the measure: its variance is taken from "
                               "the reference stations."))
    elif nr == 1 and nm >= 2:
        result.se = math.sqrt(_variance(measure) * (1 + 1 / nm))
        result.df = float(nm - 1)
        result.notes.append(tr("Only one reference station: its variance is taken from the "
                               "stations near the measure."))
    else:
        result.notes.append(tr("One station on each side: the uncertainty cannot be "
                               "estimated."))
        return result
    result.t_crit = t_quantile(1 - (1 - level) / 2, result.df)
    result.ci_low = result.effect - result.t_crit * result.se
    result.ci_high = result.effect + result.t_crit * result.se
    return result
