"""Statistics per district and hour or day: mean, min, max, count and the hours whose
mean over the district's observations reaches a threshold.

Input: (district, time, value) triples. "Hours over threshold" of a bucket: the number of
clock hours inside the bucket whose mean of all observations of the district in that hour
is at least the threshold (an hour bucket has 0 or 1).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Dict, Iterable, List, Optional, Tuple

HOUR = "hour"
DAY = "day"


def bucket_start(t: datetime, interval: str) -> datetime:
    t = t.astimezone(timezone.utc)
    if interval == DAY:
        return t.replace(hour=0, minute=0, second=0, microsecond=0)
    return t.replace(minute=0, second=0, microsecond=0)


@dataclass
class BucketStats:
    district: str
    start: datetime
    count: int
    mean: float
    min: float
    max: float
    hours_over: int
    stations: int


def aggregate(rows: Iterable[Tuple[str, str, datetime, float]], interval: str = HOUR,
              threshold: Optional[float] = None) -> List[BucketStats]:
    """rows: (district, station key, time, value). Sorted by district, then time."""
    if interval not in (HOUR, DAY):
        raise ValueError("interval must be 'hour' or 'day'")
    buckets: Dict[Tuple[str, datetime], List[float]] = defaultdict(list)
    stations: Dict[Tuple[str, datetime], set] = defaultdict(set)
    hours: Dict[Tuple[str, datetime], List[float]] = defaultdict(list)
    for district, station, t, value in rows:
        if value is None:
            continue
        key = (district, bucket_start(t, interval))
        buckets[key].append(float(value))
        stations[key].add(station)
        hours[(district, bucket_start(t, HOUR))].append(float(value))
    over: Dict[Tuple[str, datetime], int] = defaultdict(int)
    if threshold is not None:
        for (district, hour), values in hours.items():
            if sum(values) / len(values) >= threshold:
                over[(district, bucket_start(hour, interval))] += 1
    out = []
    for (district, start), values in sorted(buckets.items()):
        out.append(BucketStats(district, start, len(values), sum(values) / len(values),
                               min(values), max(values), over[(district, start)],
                               len(stations[(district, start)])))
    return out
