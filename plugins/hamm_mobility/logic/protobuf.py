"""A small decoder of the protocol buffers wire format (no protobuf package needed).

Wire types: 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32 (3/4, the deprecated
groups, are refused). ``fields(buf)`` yields (field number, wire type, value) where the
value is an int for varints, bytes (a memoryview slice) for length-delimited fields and the
raw little-endian bytes for fixed32/fixed64, interpreted by the helpers below. Every
truncation or impossible tag raises ProtobufError.
"""

import struct
from typing import Iterator, Tuple

from .errors import FeedError
from .i18n import tr

VARINT, FIXED64, LENGTH, FIXED32 = 0, 1, 2, 5
_MAX_VARINT_BYTES = 10


class ProtobufError(FeedError):
    """The bytes are not a valid protocol buffers message (truncated or corrupt)."""


def _error(detail: str, source: str = "") -> ProtobufError:
    return ProtobufError(
        tr("The protobuf document from {source} is broken or truncated ({detail}). Check the "
           "feed URL: a GTFS-Realtime feed is binary protobuf, not JSON or HTML.").format(
            source=source or "?", detail=detail),
        detail=detail, source=source)


def read_varint(buf, pos: int, source: str = "") -> Tuple[int, int]:
    """Return (value, new position) of the varint at ``pos``."""
    result = 0
    shift = 0
    end = len(buf)
    for _ in range(_MAX_VARINT_BYTES):
        if pos >= end:
            raise _error("varint runs past the end at byte {}".format(pos), source)
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7
    raise _error("varint longer than 10 bytes at byte {}".format(pos - _MAX_VARINT_BYTES),
                 source)


def fields(buf, source: str = "") -> Iterator[Tuple[int, int, object]]:
    """Iterate the fields of one message."""
    if not isinstance(buf, memoryview):
        buf = memoryview(bytes(buf))
    pos = 0
    end = len(buf)
    while pos < end:
        key, pos = read_varint(buf, pos, source)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise _error("field number 0 at byte {}".format(pos), source)
        if wire == VARINT:
            value, pos = read_varint(buf, pos, source)
        elif wire == LENGTH:
            size, pos = read_varint(buf, pos, source)
            if pos + size > end:
                raise _error("field {} needs {} bytes, {} left".format(number, size, end - pos),
                             source)
            value = buf[pos:pos + size]
            pos += size
        elif wire == FIXED32:
            if pos + 4 > end:
                raise _error("fixed32 field {} truncated".format(number), source)
            value = bytes(buf[pos:pos + 4])
            pos += 4
        elif wire == FIXED64:
            if pos + 8 > end:
                raise _error("fixed64 field {} truncated".format(number), source)
            value = bytes(buf[pos:pos + 8])
            pos += 8
        else:
            raise _error("unsupported wire type {} (field {})".format(wire, number), source)
        yield number, wire, value


def as_int64(value: int) -> int:
    """int32/int64 fields: negative numbers travel as 64-bit two's complement varints."""
    return value - (1 << 64) if value >= (1 << 63) else value


def as_sint(value: int) -> int:
    """sint32/sint64 (zigzag)."""
    return (value >> 1) ^ -(value & 1)


def as_float(raw: bytes) -> float:
    return struct.unpack("<f", raw)[0]


def as_double(raw: bytes) -> float:
    return struct.unpack("<d", raw)[0]


def as_str(value) -> str:
    return bytes(value).decode("utf-8", "replace")


def expect(wire: int, wanted: int, name: str, source: str = "") -> None:
    if wire != wanted:
        raise _error("field {} has wire type {}, expected {}".format(name, wire, wanted),
                     source)
