"""Threshold warnings, once per event: a warning fires when a Datastream's value reaches a
higher level than it had, and the event ends when the value falls back below the lowest
level minus a hysteresis (so a value wobbling at the threshold does not warn again)."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Dict, List, Optional, Tuple

from hamm_core.logic.i18n import tr_noop

from .i18n import tr

# observed property -> [(threshold, level label)], ascending
DEFAULT_THRESHOLDS: Dict[str, List[Tuple[float, str]]] = {
    "air_temperature": [(30.0, tr_noop("Heat")), (35.0, tr_noop("Extreme heat"))],
    "precipitation": [(15.0, tr_noop("Heavy rain")), (25.0, tr_noop("Extreme heavy rain"))],
}


@dataclass
class WarningEvent:
    datastream_id: object
    prop: str
    level: int
    label: str
    threshold: float
    value: float
    time: Optional[datetime]
    station: str = ""

    def message(self) -> str:
        return tr("{label} at {station}: {value} (threshold {threshold})").format(
            label=tr(self.label), station=self.station, value=round(self.value, 1),
            threshold=self.threshold)


@dataclass
class WarningTracker:
    thresholds: Dict[str, List[Tuple[float, str]]] = field(
        default_factory=lambda: {k: list(v) for k, v in DEFAULT_THRESHOLDS.items()})
    hysteresis: float = 0.5
    levels: Dict[object, int] = field(default_factory=dict)

    def level_of(self, prop: str, value: float) -> int:
        level = 0
        for i, (limit, _label) in enumerate(sorted(self.thresholds.get(prop, []))):
            if value >= limit:
                level = i + 1
        return level

    def update(self, datastream_id, prop: str, value: Optional[float],
               time: Optional[datetime] = None, station: str = "") -> Optional[WarningEvent]:
        """A new WarningEvent when the level rises, else None."""
        levels = sorted(self.thresholds.get(prop, []))
        if value is None or not levels:
            return None
        current = self.levels.get(datastream_id, 0)
        level = self.level_of(prop, value)
        if level > current:
            self.levels[datastream_id] = level
            limit, label = levels[level - 1]
            return WarningEvent(datastream_id, prop, level, label, limit, value, time, station)
        if level < current:
            # fall back only below the limit of the level held minus the hysteresis
            limit = levels[current - 1][0]
            if value < limit - self.hysteresis:
                self.levels[datastream_id] = level
        return None
