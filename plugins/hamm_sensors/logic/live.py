"""The live table: one row per Datastream with its latest observation, age and stale flag,
updated from refreshes and from MQTT messages."""

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Tuple

from hamm_core.logic.errors import ParseError

from .i18n import tr
from .model import Datastream, EntityId, Observation, parse_observation, result_number, result_text

_TOPIC = re.compile(r"^(?:.*/)?Datastreams\((.+)\)/Observations$")


@dataclass
class LiveRow:
    datastream_id: EntityId
    name: str
    thing: str
    prop: str
    unit: str
    lon: Optional[float]
    lat: Optional[float]
    value: Optional[float] = None
    text: str = ""
    time: Optional[datetime] = None

    def age_s(self, now: datetime) -> Optional[float]:
        return None if self.time is None else (now - self.time).total_seconds()

    def stale(self, now: datetime, stale_after_s: float) -> bool:
        age = self.age_s(now)
        return age is None or age > stale_after_s

    def apply(self, obs: Observation) -> bool:
        """Take ``obs`` if it is not older than what the row has; True if the row changed."""
        if self.time is not None and obs.time < self.time:
            return False
        self.time = obs.time
        self.value = result_number(obs.result)
        self.text = result_text(obs.result)
        return True


def rows_from(datastreams: List[Datastream],
              latest: Dict[EntityId, Optional[Observation]]) -> List[LiveRow]:
    rows = []
    for ds in datastreams:
        pos = ds.thing.position if ds.thing is not None else None
        row = LiveRow(ds.id, ds.name, ds.thing.name if ds.thing else "", ds.observed_property,
                      ds.unit_symbol or ds.unit_name, pos[0] if pos else None,
                      pos[1] if pos else None)
        obs = latest.get(ds.id)
        if obs is not None:
            row.apply(obs)
        rows.append(row)
    return rows


def parse_id_literal(text: str) -> EntityId:
    text = text.strip()
    if len(text) >= 2 and text[0] == "'" and text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def datastream_of_topic(topic: str) -> Optional[EntityId]:
    """'v1.1/Datastreams(7)/Observations' -> 7; "...('ab')/..." -> 'ab'; else None."""
    m = _TOPIC.match(topic or "")
    return parse_id_literal(m.group(1)) if m else None


def parse_mqtt_observation(topic: str, payload: bytes) -> Tuple[EntityId, Observation]:
    """An MQTT message in SensorThings form -> (datastream id, observation); ParseError if
    the topic or the payload is not one."""
    ds_id = datastream_of_topic(topic)
    if ds_id is None:
        raise ParseError(tr("The MQTT topic '{topic}' is not a Datastream's Observations "
                            "topic.").format(topic=topic), source=topic)
    try:
        doc: Any = json.loads(bytes(payload).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ParseError(tr("The MQTT message on '{topic}' is not JSON.").format(topic=topic),
                         detail=str(exc), source=topic) from exc
    obs = parse_observation(doc, topic)
    if obs.result is None:
        raise ParseError(tr("The MQTT message on '{topic}' has no result.").format(topic=topic),
                         source=topic)
    return ds_id, obs


def now_utc() -> datetime:
    return datetime.now(timezone.utc)
