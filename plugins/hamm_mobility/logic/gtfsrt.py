"""GTFS-Realtime (FeedMessage) decoded with the wire-format decoder of protobuf.py.

Field numbers after the published gtfs-realtime.proto (google/transit). Decoded: the
header, TripUpdates (with StopTimeUpdates), VehiclePositions and Alerts. Unknown fields
(extensions, newer fields) are skipped, as protobuf itself does.
"""

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from .errors import FeedError
from .i18n import tr
from .protobuf import (
    FIXED32,
    FIXED64,
    LENGTH,
    VARINT,
    as_double,
    as_float,
    as_int64,
    as_str,
    fields,
)

VEHICLE_STATUS = {0: "INCOMING_AT", 1: "STOPPED_AT", 2: "IN_TRANSIT_TO"}
SCHEDULE_RELATIONSHIP = {0: "SCHEDULED", 1: "ADDED", 2: "UNSCHEDULED", 3: "CANCELED",
                         5: "REPLACEMENT", 6: "DUPLICATED", 7: "DELETED"}
STOP_RELATIONSHIP = {0: "SCHEDULED", 1: "SKIPPED", 2: "NO_DATA", 3: "UNSCHEDULED"}
OCCUPANCY = {0: "EMPTY", 1: "MANY_SEATS_AVAILABLE", 2: "FEW_SEATS_AVAILABLE",
             3: "STANDING_ROOM_ONLY", 4: "CRUSHED_STANDING_ROOM_ONLY", 5: "FULL",
             6: "NOT_ACCEPTING_PASSENGERS", 7: "NO_DATA_AVAILABLE", 8: "NOT_BOARDABLE"}
EFFECT = {1: "NO_SERVICE", 2: "REDUCED_SERVICE", 3: "SIGNIFICANT_DELAYS", 4: "DETOUR",
          5: "ADDITIONAL_SERVICE", 6: "MODIFIED_SERVICE", 7: "OTHER_EFFECT",
          8: "UNKNOWN_EFFECT", 9: "STOP_MOVED", 10: "NO_EFFECT", 11: "ACCESSIBILITY_ISSUE"}
CAUSE = {1: "UNKNOWN_CAUSE", 2: "OTHER_CAUSE", 3: "TECHNICAL_PROBLEM", 4: "STRIKE",
         5: "DEMONSTRATION", 6: "ACCIDENT", 7: "HOLIDAY", 8: "WEATHER", 9: "MAINTENANCE",
         10: "CONSTRUCTION", 11: "POLICE_ACTIVITY", 12: "MEDICAL_EMERGENCY"}


@dataclass
class TripDescriptor:
    trip_id: str = ""
    route_id: str = ""
    direction_id: Optional[int] = None
    start_time: str = ""
    start_date: str = ""
    schedule_relationship: str = "SCHEDULED"


@dataclass
class StopTimeUpdate:
    stop_sequence: Optional[int] = None
    stop_id: str = ""
    arrival_delay: Optional[int] = None
    arrival_time: Optional[int] = None
    departure_delay: Optional[int] = None
    departure_time: Optional[int] = None
    schedule_relationship: str = "SCHEDULED"

    @property
    def delay(self) -> Optional[int]:
        return self.departure_delay if self.departure_delay is not None else self.arrival_delay


@dataclass
class TripUpdate:
    entity_id: str
    trip: TripDescriptor
    vehicle_id: str = ""
    vehicle_label: str = ""
    timestamp: Optional[int] = None
    delay: Optional[int] = None
    stop_time_updates: List[StopTimeUpdate] = field(default_factory=list)


@dataclass
class VehiclePosition:
    entity_id: str
    trip: TripDescriptor
    vehicle_id: str = ""
    vehicle_label: str = ""
    license_plate: str = ""
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    bearing: Optional[float] = None
    speed: Optional[float] = None
    odometer: Optional[float] = None
    current_stop_sequence: Optional[int] = None
    stop_id: str = ""
    current_status: str = "IN_TRANSIT_TO"
    timestamp: Optional[int] = None
    occupancy_status: str = ""


@dataclass
class Alert:
    entity_id: str
    header: Dict[str, str] = field(default_factory=dict)
    description: Dict[str, str] = field(default_factory=dict)
    url: Dict[str, str] = field(default_factory=dict)
    cause: str = "UNKNOWN_CAUSE"
    effect: str = "UNKNOWN_EFFECT"
    active_periods: List[tuple] = field(default_factory=list)
    route_ids: List[str] = field(default_factory=list)
    stop_ids: List[str] = field(default_factory=list)
    trip_ids: List[str] = field(default_factory=list)

    def text(self, lang: str = "de") -> str:
        for texts in (self.header,):
            if lang in texts:
                return texts[lang]
            if "" in texts:
                return texts[""]
            if texts:
                return next(iter(texts.values()))
        return ""


@dataclass
class FeedMessage:
    version: str = ""
    incrementality: str = "FULL_DATASET"
    timestamp: Optional[int] = None
    trip_updates: List[TripUpdate] = field(default_factory=list)
    vehicles: List[VehiclePosition] = field(default_factory=list)
    alerts: List[Alert] = field(default_factory=list)
    deleted: List[str] = field(default_factory=list)


def _trip(buf, src) -> TripDescriptor:
    t = TripDescriptor()
    for num, wire, val in fields(buf, src):
        if wire == LENGTH:
            if num == 1:
                t.trip_id = as_str(val)
            elif num == 2:
                t.start_time = as_str(val)
            elif num == 3:
                t.start_date = as_str(val)
            elif num == 5:
                t.route_id = as_str(val)
        elif wire == VARINT:
            if num == 4:
                t.schedule_relationship = SCHEDULE_RELATIONSHIP.get(val, str(val))
            elif num == 6:
                t.direction_id = val
    return t


def _vehicle_descriptor(buf, src):
    vid = label = plate = ""
    for num, wire, val in fields(buf, src):
        if wire == LENGTH:
            if num == 1:
                vid = as_str(val)
            elif num == 2:
                label = as_str(val)
            elif num == 3:
                plate = as_str(val)
    return vid, label, plate


def _event(buf, src):
    delay = time = None
    for num, wire, val in fields(buf, src):
        if wire == VARINT:
            if num == 1:
                delay = as_int64(val)
            elif num == 2:
                time = as_int64(val)
    return delay, time


def _stop_time_update(buf, src) -> StopTimeUpdate:
    u = StopTimeUpdate()
    for num, wire, val in fields(buf, src):
        if wire == VARINT:
            if num == 1:
                u.stop_sequence = val
            elif num == 5:
                u.schedule_relationship = STOP_RELATIONSHIP.get(val, str(val))
        elif wire == LENGTH:
            if num == 2:
                u.arrival_delay, u.arrival_time = _event(val, src)
            elif num == 3:
                u.departure_delay, u.departure_time = _event(val, src)
            elif num == 4:
                u.stop_id = as_str(val)
    return u


def _trip_update(entity_id, buf, src) -> TripUpdate:
    tu = TripUpdate(entity_id, TripDescriptor())
    for num, wire, val in fields(buf, src):
        if wire == LENGTH:
            if num == 1:
                tu.trip = _trip(val, src)
            elif num == 2:
                tu.stop_time_updates.append(_stop_time_update(val, src))
            elif num == 3:
                tu.vehicle_id, tu.vehicle_label, _ = _vehicle_descriptor(val, src)
        elif wire == VARINT:
            if num == 4:
                tu.timestamp = val
            elif num == 5:
                tu.delay = as_int64(val)
    return tu


def _position(vp: VehiclePosition, buf, src) -> None:
    for num, wire, val in fields(buf, src):
        if wire == FIXED32:
            if num == 1:
                vp.latitude = as_float(val)
            elif num == 2:
                vp.longitude = as_float(val)
            elif num == 3:
                vp.bearing = as_float(val)
            elif num == 5:
                vp.speed = as_float(val)
        elif wire == FIXED64 and num == 4:
            vp.odometer = as_double(val)


def _vehicle_position(entity_id, buf, src) -> VehiclePosition:
    vp = VehiclePosition(entity_id, TripDescriptor())
    for num, wire, val in fields(buf, src):
        if wire == LENGTH:
            if num == 1:
                vp.trip = _trip(val, src)
            elif num == 2:
                _position(vp, val, src)
            elif num == 7:
                vp.stop_id = as_str(val)
            elif num == 8:
                vp.vehicle_id, vp.vehicle_label, vp.license_plate = _vehicle_descriptor(val, src)
        elif wire == VARINT:
            if num == 3:
                vp.current_stop_sequence = val
            elif num == 4:
                vp.current_status = VEHICLE_STATUS.get(val, str(val))
            elif num == 5:
                vp.timestamp = val
            elif num == 9:
                vp.occupancy_status = OCCUPANCY.get(val, str(val))
    return vp


def _translated(buf, src) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for num, wire, val in fields(buf, src):
        if num == 1 and wire == LENGTH:
            text = lang = ""
            for n2, w2, v2 in fields(val, src):
                if w2 == LENGTH and n2 == 1:
                    text = as_str(v2)
                elif w2 == LENGTH and n2 == 2:
                    lang = as_str(v2)
            out[lang] = text
    return out


def _alert(entity_id, buf, src) -> Alert:
    a = Alert(entity_id)
    for num, wire, val in fields(buf, src):
        if wire == LENGTH:
            if num == 1:
                start = end = None
                for n2, w2, v2 in fields(val, src):
                    if w2 == VARINT and n2 == 1:
                        start = v2
                    elif w2 == VARINT and n2 == 2:
                        end = v2
                a.active_periods.append((start, end))
            elif num == 5:
                for n2, w2, v2 in fields(val, src):
                    if w2 != LENGTH:
                        continue
                    if n2 == 2:
                        a.route_ids.append(as_str(v2))
                    elif n2 == 5:
                        a.stop_ids.append(as_str(v2))
                    elif n2 == 4:
                        trip_id = _trip(v2, src).trip_id
                        if trip_id:
                            a.trip_ids.append(trip_id)
            elif num == 8:
                a.url = _translated(val, src)
            elif num == 10:
                a.header = _translated(val, src)
            elif num == 11:
                a.description = _translated(val, src)
        elif wire == VARINT:
            if num == 6:
                a.cause = CAUSE.get(val, str(val))
            elif num == 7:
                a.effect = EFFECT.get(val, str(val))
    return a


def decode_feed(data: bytes, source: str = "") -> FeedMessage:
    """Decode a GTFS-Realtime FeedMessage; FeedError/ProtobufError for broken input."""
    if not data:
        raise FeedError(tr("The GTFS-Realtime feed from {source} is empty.").format(
            source=source or "?"), source=source)
    head = bytes(data[:64]).lstrip()
    if head[:1] in (b"{", b"<", b"["):
        raise FeedError(
            tr("The GTFS-Realtime feed from {source} is text (JSON or HTML), not protobuf. "
               "Check the URL.").format(source=source or "?"), source=source)
    msg = FeedMessage()
    has_header = False
    buf = memoryview(bytes(data))
    for num, wire, val in fields(buf, source):
        if num == 1 and wire == LENGTH:
            has_header = True
            for n2, w2, v2 in fields(val, source):
                if n2 == 1 and w2 == LENGTH:
                    msg.version = as_str(v2)
                elif n2 == 2 and w2 == VARINT:
                    msg.incrementality = "DIFFERENTIAL" if v2 == 1 else "FULL_DATASET"
                elif n2 == 3 and w2 == VARINT:
                    msg.timestamp = v2
        elif num == 2 and wire == LENGTH:
            _entity(msg, val, source)
    if not has_header or not msg.version:
        raise FeedError(
            tr("The document from {source} is not a GTFS-Realtime feed: the header with "
               "gtfs_realtime_version is missing.").format(source=source or "?"),
            source=source)
    return msg


def _entity(msg: FeedMessage, buf, src) -> None:
    entity_id = ""
    deleted = False
    parts = []
    for num, wire, val in fields(buf, src):
        if num == 1 and wire == LENGTH:
            entity_id = as_str(val)
        elif num == 2 and wire == VARINT:
            deleted = bool(val)
        elif num in (3, 4, 5) and wire == LENGTH:
            parts.append((num, val))
    if deleted:
        msg.deleted.append(entity_id)
        return
    for num, val in parts:
        if num == 3:
            msg.trip_updates.append(_trip_update(entity_id, val, src))
        elif num == 4:
            msg.vehicles.append(_vehicle_position(entity_id, val, src))
        else:
            msg.alerts.append(_alert(entity_id, val, src))


def delays_per_stop(feed: FeedMessage) -> Dict[str, dict]:
    """Per stop_id: number of predictions, mean and max delay (s), cancelled stops.

    A StopTimeUpdate without its own delay inherits the last delay of the trip (the spec's
    propagation rule); a trip-level delay applies to stops without any update.
    """
    out: Dict[str, dict] = {}
    for tu in feed.trip_updates:
        last = tu.delay
        for u in sorted(tu.stop_time_updates,
                        key=lambda s: s.stop_sequence if s.stop_sequence is not None else 0):
            if not u.stop_id:
                continue
            rec = out.setdefault(u.stop_id, {"n": 0, "sum": 0, "max": None, "skipped": 0,
                                             "trips": set()})
            if u.schedule_relationship == "SKIPPED":
                rec["skipped"] += 1
                continue
            delay = u.delay if u.delay is not None else last
            if delay is None:
                continue
            last = delay
            rec["n"] += 1
            rec["sum"] += delay
            rec["max"] = delay if rec["max"] is None else max(rec["max"], delay)
            rec["trips"].add(tu.trip.trip_id)
    for rec in out.values():
        rec["mean"] = rec["sum"] / rec["n"] if rec["n"] else None
        rec["trips"] = len(rec["trips"])
    return out
