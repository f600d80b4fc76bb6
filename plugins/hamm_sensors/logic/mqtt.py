"""MQTT 3.1.1 protocol, pure: encode the packets a subscriber sends, decode what a broker
sends, from a byte stream that arrives in arbitrary pieces. Facts from the OASIS MQTT
3.1.1 standard; QoS 0 only (SensorThings observations are frequent, losing one is fine).
"""

import struct
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

CONNECT, CONNACK, PUBLISH, PUBACK = 1, 2, 3, 4
SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK = 8, 9, 10, 11
PINGREQ, PINGRESP, DISCONNECT = 12, 13, 14
MAX_REMAINING = 268435455  # 4 bytes of variable-length encoding


class MqttProtocolError(ValueError):
    pass


def encode_remaining_length(n: int) -> bytes:
    if n < 0 or n > MAX_REMAINING:
        raise MqttProtocolError("remaining length out of range: {}".format(n))
    out = bytearray()
    while True:
        byte = n % 128
        n //= 128
        if n:
            byte |= 0x80
        out.append(byte)
        if not n:
            return bytes(out)


def decode_remaining_length(data: bytes, pos: int) -> Optional[Tuple[int, int]]:
    """(value, bytes used) or None when more bytes are needed."""
    value, mult = 0, 1
    for i in range(4):
        if pos + i >= len(data):
            return None
        byte = data[pos + i]
        value += (byte & 0x7F) * mult
        if not byte & 0x80:
            return value, i + 1
        mult *= 128
    raise MqttProtocolError("remaining length longer than 4 bytes")


def _str(text: str) -> bytes:
    raw = text.encode("utf-8")
    if len(raw) > 65535:
        raise MqttProtocolError("string too long")
    return struct.pack("!H", len(raw)) + raw


def _packet(ptype: int, flags: int, body: bytes) -> bytes:
    return bytes([(ptype << 4) | flags]) + encode_remaining_length(len(body)) + body


def connect(client_id: str, keepalive_s: int = 30, clean_session: bool = True,
            username: Optional[str] = None, password: Optional[str] = None) -> bytes:
    flags = 0x02 if clean_session else 0
    payload = _str(client_id)
    if username is not None:
        flags |= 0x80
        payload += _str(username)
        if password is not None:
            flags |= 0x40
            payload += _str(password)
    body = _str("MQTT") + bytes([4, flags]) + struct.pack("!H", keepalive_s) + payload
    return _packet(CONNECT, 0, body)


def subscribe(packet_id: int, topics: Sequence[str], qos: int = 0) -> bytes:
    if not topics:
        raise MqttProtocolError("SUBSCRIBE needs at least one topic")
    if not 0 < packet_id < 65536:
        raise MqttProtocolError("packet id out of range")
    body = struct.pack("!H", packet_id) + b"".join(_str(t) + bytes([qos]) for t in topics)
    return _packet(SUBSCRIBE, 0x02, body)


def publish(topic: str, payload: bytes, retain: bool = False) -> bytes:
    """A QoS 0 PUBLISH (used by tests and the demo)."""
    return _packet(PUBLISH, 0x01 if retain else 0, _str(topic) + bytes(payload))


def pingreq() -> bytes:
    return bytes([PINGREQ << 4, 0])


def disconnect() -> bytes:
    return bytes([DISCONNECT << 4, 0])


@dataclass
class Packet:
    type: int
    flags: int
    body: bytes
    topic: str = ""
    payload: bytes = b""
    return_code: int = 0
    packet_id: int = 0
    granted: Tuple[int, ...] = ()


CONNACK_REASONS = {
    1: "unacceptable protocol version", 2: "identifier rejected", 3: "server unavailable",
    4: "bad user name or password", 5: "not authorized",
}


class Decoder:
    """Feed bytes, get complete packets; keeps partial packets between calls."""

    def __init__(self, max_packet: int = 16 * 1024 * 1024):
        self.buffer = bytearray()
        self.max_packet = max_packet

    def feed(self, data: bytes) -> List[Packet]:
        self.buffer.extend(data)
        out = []
        while len(self.buffer) >= 2:
            decoded = decode_remaining_length(self.buffer, 1)
            if decoded is None:
                break
            length, used = decoded
            if length > self.max_packet:
                raise MqttProtocolError("packet of {} bytes exceeds the limit".format(length))
            total = 1 + used + length
            if len(self.buffer) < total:
                break
            header = self.buffer[0]
            body = bytes(self.buffer[1 + used:total])
            del self.buffer[:total]
            out.append(parse_packet(header >> 4, header & 0x0F, body))
        return out


def parse_packet(ptype: int, flags: int, body: bytes) -> Packet:
    pkt = Packet(ptype, flags, body)
    if ptype == CONNACK:
        if len(body) != 2:
            raise MqttProtocolError("CONNACK must have 2 bytes")
        pkt.return_code = body[1]
    elif ptype == PUBLISH:
        if len(body) < 2:
            raise MqttProtocolError("PUBLISH too short")
        (tlen,) = struct.unpack("!H", body[:2])
        if len(body) < 2 + tlen:
            raise MqttProtocolError("PUBLISH topic longer than the packet")
        try:
            pkt.topic = body[2:2 + tlen].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MqttProtocolError("PUBLISH topic is not UTF-8") from exc
        pos = 2 + tlen
        qos = (flags >> 1) & 0x03
        if qos == 3:
            raise MqttProtocolError("PUBLISH with QoS 3")
        if qos:
            if len(body) < pos + 2:
                raise MqttProtocolError("PUBLISH without packet id")
            (pkt.packet_id,) = struct.unpack("!H", body[pos:pos + 2])
            pos += 2
        pkt.payload = body[pos:]
    elif ptype in (SUBACK, UNSUBACK, PUBACK):
        if len(body) < 2:
            raise MqttProtocolError("acknowledgement too short")
        (pkt.packet_id,) = struct.unpack("!H", body[:2])
        pkt.granted = tuple(body[2:])
    elif ptype == PINGRESP:
        if body:
            raise MqttProtocolError("PINGRESP with a body")
    elif ptype in (0, CONNECT, SUBSCRIBE, UNSUBSCRIBE, PINGREQ, DISCONNECT, 15):
        raise MqttProtocolError("packet type {} is not sent by a broker".format(ptype))
    return pkt


def puback(packet_id: int) -> bytes:
    return _packet(PUBACK, 0, struct.pack("!H", packet_id))


def topic_matches(pattern: str, topic: str) -> bool:
    """MQTT wildcards: '+' one level, '#' the rest."""
    p_parts = pattern.split("/")
    t_parts = topic.split("/")
    for i, part in enumerate(p_parts):
        if part == "#":
            return True
        if i >= len(t_parts):
            return False
        if part != "+" and part != t_parts[i]:
            return False
    return len(p_parts) == len(t_parts)


def backoff_s(attempt: int, base: float = 1.0, cap: float = 30.0) -> float:
    """Reconnect delay after ``attempt`` failures: 1, 2, 4 ... seconds up to ``cap``."""
    return min(cap, base * (2 ** max(0, attempt - 1)))
