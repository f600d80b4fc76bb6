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
    unit: str = ""  # the Datastream's unit of measurement (symbol or name)

    def message(self) -> str:
        if self.unit:
            return tr("{label} at {station}: {value} {unit} (threshold {threshold} {unit})").format(
                label=tr(self.label), station=self.station, value=round(self.value, 1),
                threshold=self.threshold, unit=self.unit)
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
               time: Optional[datetime] = None, station: str = "",
               unit: str = "") -> Optional[WarningEvent]:
        """A new WarningEvent when the level rises, else None."""
        levels = sorted(self.thresholds.get(prop, []))
        if value is None or not levels:
            return None
        # (thresholds edited while running may have fewer levels than were reached)
        current = min(self.levels.get(datastream_id, 0), len(levels))
        level = self.level_of(prop, value)
        if level > current:
            self.levels[datastream_id] = level
            limit, label = levels[level - 1]
            return WarningEvent(datastream_id, prop, level, label, limit, value, time, station,
                                unit)
        if level < current:
            # fall back only below the limit of the level held minus the hysteresis
            limit = levels[current - 1][0]
            if value < limit - self.hysteresis:
                self.levels[datastream_id] = level
        return None


def thresholds_to_json(thresholds: Dict[str, List[Tuple[float, str]]]) -> str:
    import json
    return json.dumps({prop: [[float(v), str(label)] for v, label in sorted(levels)]
                       for prop, levels in sorted(thresholds.items())}, ensure_ascii=False)


def thresholds_from_json(text: str) -> Dict[str, List[Tuple[float, str]]]:
    """The stored thresholds; ParseError when the text is not what thresholds_to_json
    writes."""
    import json
    import math

    from hamm_core.logic.errors import ParseError
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise ParseError(tr("The stored warning thresholds are not valid JSON."),
                         detail=str(exc)) from exc
    if not isinstance(doc, dict):
        raise ParseError(tr("The stored warning thresholds are not a list per observed "
                            "property."))
    out: Dict[str, List[Tuple[float, str]]] = {}
    for prop, levels in doc.items():
        if not isinstance(levels, list):
            raise ParseError(tr("The stored warning thresholds are not a list per observed "
                                "property."))
        for item in levels:
            if (not isinstance(item, list) or len(item) != 2
                    or isinstance(item[0], bool) or not isinstance(item[0], (int, float))
                    or not math.isfinite(item[0])):
                raise ParseError(tr("A stored warning threshold of {prop} is not a number "
                                    "with a label.").format(prop=prop))
            out.setdefault(str(prop), []).append((float(item[0]), str(item[1])))
    return {p: sorted(v) for p, v in out.items()}


def thresholds_from_rows(rows: List[Tuple[str, str, str]]) -> Dict[str, List[Tuple[float, str]]]:
    """Rows of the thresholds dialog (property, threshold as typed, label) -> thresholds.
    Accepts a decimal comma; ValueError with a translated message for bad rows."""
    import math
    out: Dict[str, List[Tuple[float, str]]] = {}
    for n, cells in enumerate(rows, start=1):
        prop, value, label = (c.strip() for c in cells)
        if not prop and not value and not label:
            continue
        if not prop:
            raise ValueError(tr("Row {n}: the observed property is missing.").format(n=n))
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            raise ValueError(tr("Row {n}: '{value}' is not a number.").format(
                n=n, value=value)) from None
        if not math.isfinite(number):
            raise ValueError(tr("Row {n}: '{value}' is not a number.").format(n=n, value=value))
        if any(abs(v - number) < 1e-9 for v, _l in out.get(prop, [])):
            raise ValueError(tr("Row {n}: {prop} already has the threshold {value}.").format(
                n=n, prop=prop, value=number))
        out.setdefault(prop, []).append((number, label or prop))
    return {p: sorted(v) for p, v in out.items()}
