"""Vertices of (multi)line WKB in bulk: reading a footway network of 100,000 lines through
QgsGeometry.asPolyline() and point objects costs seconds; parsing the WKB bytes costs a
fraction of that. WKB layout: OGC Simple Features / ISO 13249-3 (byte order, uint32 type,
uint32 count, doubles); Z/M as ISO type codes (+1000/+2000/+3000) or EWKB flag bits."""

import struct
from typing import List, Sequence, Tuple

import numpy as np

LINESTRING = 2
MULTILINESTRING = 5
_EWKB_Z = 0x80000000
_EWKB_M = 0x40000000


class WkbError(ValueError):
    """A WKB blob that is no (multi)line string, or truncated."""


def _type(blob: bytes, pos: int) -> Tuple[str, int, int]:
    order = "<" if blob[pos] == 1 else ">"
    code = struct.unpack_from(order + "I", blob, pos + 1)[0]
    dims = 2
    if code & (_EWKB_Z | _EWKB_M):
        dims += bool(code & _EWKB_Z) + bool(code & _EWKB_M)
        code &= 0xFFFF
    else:
        dims += {0: 0, 1: 1, 2: 1, 3: 2}.get(code // 1000, 0)
        code %= 1000
    return order, code, dims


def _line(blob: bytes, pos: int, parts: list) -> int:
    order, code, dims = _type(blob, pos)
    if code != LINESTRING:
        raise WkbError("type {} is no line string".format(code))
    n = struct.unpack_from(order + "I", blob, pos + 5)[0]
    end = pos + 9 + 8 * dims * n
    if end > len(blob):
        raise WkbError("truncated")
    arr = np.frombuffer(blob, dtype=order + "f8", count=dims * n, offset=pos + 9)
    parts.append(arr.reshape(n, dims)[:, :2])
    return end


def line_vertices(blobs: Sequence[bytes]) -> Tuple[np.ndarray, np.ndarray]:
    """(vertices n x 2, vertex count per line part) of LineString / MultiLineString WKB."""
    parts: List[np.ndarray] = []
    for blob in blobs:
        order, code, _dims = _type(blob, 0)
        if code == LINESTRING:
            _line(blob, 0, parts)
        elif code == MULTILINESTRING:
            count = struct.unpack_from(order + "I", blob, 5)[0]
            pos = 9
            for _ in range(count):
                pos = _line(blob, pos, parts)
        else:
            raise WkbError("type {} is no (multi)line string".format(code))
    if not parts:
        return np.zeros((0, 2)), np.zeros(0, dtype=np.int64)
    counts = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    return np.concatenate(parts).astype(float), counts
