"""Little-endian ISO WKB for polygons (2D and Z): fast to hand to OGR in bulk."""

import struct
from typing import List

import numpy as np

POLYGON, MULTIPOLYGON = 3, 6
Z = 1000


def _rings(rings: List[np.ndarray], z: bool) -> bytes:
    parts = [struct.pack("<I", len(rings))]
    for ring in rings:
        arr = np.ascontiguousarray(ring[:, :3] if z else ring[:, :2], dtype="<f8")
        parts.append(struct.pack("<I", len(arr)))
        parts.append(arr.tobytes())
    return b"".join(parts)


def polygon(rings: List[np.ndarray], z: bool = True) -> bytes:
    return struct.pack("<BI", 1, POLYGON + (Z if z else 0)) + _rings(rings, z)


def multipolygon(polys: List[List[np.ndarray]], z: bool = False) -> bytes:
    out = [struct.pack("<BII", 1, MULTIPOLYGON + (Z if z else 0), len(polys))]
    out.extend(polygon(p, z) for p in polys)
    return b"".join(out)
