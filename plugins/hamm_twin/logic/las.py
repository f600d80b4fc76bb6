"""Uncompressed LAS 1.0-1.4 (point formats 0-10) read with numpy, and gridding of points
to DSM cells (maximum or mean height per cell). LAZ needs an optional reader (laspy with
a LAZ backend); without one the caller gets a clear message."""

import os
import struct
from dataclasses import dataclass
from typing import Iterator, Optional, Tuple

import numpy as np

from hamm_core.logic.errors import ParseError

from .i18n import tr

CHUNK = 2_000_000


@dataclass
class LasHeader:
    version: Tuple[int, int]
    point_format: int
    record_length: int
    offset_to_points: int
    count: int
    scale: Tuple[float, float, float]
    offset: Tuple[float, float, float]
    bounds: Tuple[float, float, float, float, float, float]  # minx, miny, minz, maxx, ...


def read_header(path: str) -> LasHeader:
    source = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(375)
    except OSError as exc:
        raise ParseError(tr("The file {path} cannot be read ({error}).").format(
            path=path, error=exc.strerror or exc), source=path) from exc
    if len(head) < 227 or head[:4] != b"LASF":
        raise ParseError(tr("{file} is not a LAS file (the signature LASF is missing or the "
                            "header is incomplete).").format(file=source), source=path)
    major, minor = head[24], head[25]
    offset_to_points = struct.unpack_from("<I", head, 96)[0]
    fmt_byte = head[104]
    if fmt_byte & 0x80:
        raise ParseError(tr("{file} is compressed (LAZ). Install a LAZ reader (laspy with "
                            "lazrs) or convert it to LAS.").format(file=source), source=path)
    point_format = fmt_byte & 0x3F
    record_length = struct.unpack_from("<H", head, 105)[0]
    count = struct.unpack_from("<I", head, 107)[0]
    if (major, minor) >= (1, 4) and len(head) >= 255:
        count = struct.unpack_from("<Q", head, 247)[0] or count
    scale = struct.unpack_from("<3d", head, 131)
    offset = struct.unpack_from("<3d", head, 155)
    maxx, minx, maxy, miny, maxz, minz = struct.unpack_from("<6d", head, 179)
    min_len = 20 if point_format < 6 else 30
    if point_format > 10 or record_length < min_len or not all(scale):
        raise ParseError(tr("{file}: the LAS header is invalid (point format {fmt}, record "
                            "length {length}).").format(file=source, fmt=point_format,
                                                        length=record_length), source=path)
    size = os.path.getsize(path)
    available = max(0, size - offset_to_points) // record_length
    if available < count:
        raise ParseError(tr("{file} is truncated: the header announces {n} points, the file "
                            "holds {m}.").format(file=source, n=count, m=available),
                         source=path)
    return LasHeader((major, minor), point_format, record_length, offset_to_points, count,
                     scale, offset, (minx, miny, minz, maxx, maxy, maxz))


def iter_points(path: str, header: Optional[LasHeader] = None,
                chunk: int = CHUNK) -> Iterator[Tuple[np.ndarray, np.ndarray, np.ndarray,
                                                      np.ndarray]]:
    """Yield (x, y, z, classification) arrays in chunks (memory-mapped file)."""
    h = header or read_header(path)
    if h.count == 0:
        return
    raw = np.memmap(path, dtype=np.uint8, mode="r", offset=h.offset_to_points,
                    shape=(h.count, h.record_length))
    class_col = 15 if h.point_format < 6 else 16
    for start in range(0, h.count, chunk):
        block = np.ascontiguousarray(raw[start:start + chunk])
        ints = block[:, 0:12].copy().view("<i4").reshape(-1, 3)
        x = ints[:, 0] * h.scale[0] + h.offset[0]
        y = ints[:, 1] * h.scale[1] + h.offset[1]
        z = ints[:, 2] * h.scale[2] + h.offset[2]
        cls = block[:, class_col]
        if h.point_format < 6:
            cls = cls & 0x1F
        yield x, y, z, cls.copy()
    del raw


@dataclass
class Grid:
    xmin: float
    ymax: float
    cell: float
    cols: int
    rows: int

    @classmethod
    def covering(cls, xmin, ymin, xmax, ymax, cell) -> "Grid":
        xmin = np.floor(xmin / cell) * cell
        ymax = np.ceil(ymax / cell) * cell
        cols = max(1, int(np.ceil((xmax - xmin) / cell - 1e-9)))
        rows = max(1, int(np.ceil((ymax - ymin) / cell - 1e-9)))
        # a point exactly on the right/bottom edge belongs to the last cell
        return cls(float(xmin), float(ymax), float(cell), cols, rows)

    def index(self, x, y):
        col = np.floor((x - self.xmin) / self.cell).astype(np.int64)
        row = np.floor((self.ymax - y) / self.cell).astype(np.int64)
        col = np.where(col == self.cols, self.cols - 1, col)
        row = np.where(row == self.rows, self.rows - 1, row)
        ok = (col >= 0) & (col < self.cols) & (row >= 0) & (row < self.rows)
        return row * self.cols + col, ok

    def geotransform(self):
        return (self.xmin, self.cell, 0.0, self.ymax, 0.0, -self.cell)


class CellStats:
    """Running maximum, minimum, sum and count per cell."""

    def __init__(self, grid: Grid):
        self.grid = grid
        n = grid.cols * grid.rows
        self.max = np.full(n, -np.inf)
        self.min = np.full(n, np.inf)
        self.sum = np.zeros(n)
        self.count = np.zeros(n, dtype=np.int64)

    def add(self, x, y, z) -> int:
        idx, ok = self.grid.index(x, y)
        idx, z = idx[ok], z[ok]
        if idx.size:
            order = np.argsort(idx, kind="stable")
            sidx, sz = idx[order], z[order]
            starts = np.flatnonzero(np.r_[True, sidx[1:] != sidx[:-1]])
            cells = sidx[starts]
            self.max[cells] = np.maximum(self.max[cells], np.maximum.reduceat(sz, starts))
            self.min[cells] = np.minimum(self.min[cells], np.minimum.reduceat(sz, starts))
        self.sum += np.bincount(idx, weights=z, minlength=self.sum.size)
        self.count += np.bincount(idx, minlength=self.count.size)
        return int(ok.sum())

    def raster(self, stat: str, nodata: float = -9999.0) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            if stat == "mean":
                out = self.sum / np.maximum(self.count, 1)
            elif stat == "min":
                out = self.min.copy()
            else:
                out = self.max.copy()
        out[self.count == 0] = nodata
        return out.reshape(self.grid.rows, self.grid.cols)


def write_las(path: str, x: np.ndarray, y: np.ndarray, z: np.ndarray,
              classification: Optional[np.ndarray] = None, scale: float = 0.01) -> str:
    """An uncompressed LAS 1.2 file, point format 0 (20 bytes per point), as the ASPRS
    LAS 1.2 specification lays it out: 227-byte public header, no VLRs, points as scaled
    int32 X/Y/Z + intensity + flags + classification."""
    x, y, z = (np.asarray(a, dtype=np.float64) for a in (x, y, z))
    n = len(x)
    cls = np.full(n, 1, np.uint8) if classification is None else \
        np.asarray(classification, dtype=np.uint8)
    mins = np.array([x.min(), y.min(), z.min()]) if n else np.zeros(3)
    maxs = np.array([x.max(), y.max(), z.max()]) if n else np.zeros(3)
    offset = np.floor(mins)
    rec = np.zeros(n, dtype=[("xyz", "<i4", 3), ("intensity", "<u2"), ("flags", "u1"),
                             ("cls", "u1"), ("angle", "i1"), ("user", "u1"),
                             ("source", "<u2")])
    rec["xyz"] = np.round((np.column_stack([x, y, z]) - offset) / scale).astype("<i4")
    rec["cls"] = cls
    rec["flags"] = 0b00001001  # return 1 of 1
    head = bytearray(227)
    head[0:4] = b"LASF"
    head[24], head[25] = 1, 2
    head[26:58] = b"Digitales Hamm".ljust(32, b"\0")          # system identifier
    head[58:90] = b"hamm_twin".ljust(32, b"\0")               # generating software
    struct.pack_into("<H", head, 94, 227)                     # header size
    struct.pack_into("<I", head, 96, 227)                     # offset to points
    struct.pack_into("<I", head, 100, 0)                      # VLRs
    head[104] = 0                                             # point format 0
    struct.pack_into("<H", head, 105, 20)
    struct.pack_into("<I", head, 107, n)
    struct.pack_into("<I", head, 111, n)                      # points by return (1st)
    struct.pack_into("<3d", head, 131, scale, scale, scale)
    struct.pack_into("<3d", head, 155, *offset)
    struct.pack_into("<6d", head, 179, maxs[0], mins[0], maxs[1], mins[1], maxs[2], mins[2])
    with open(path, "wb") as handle:
        handle.write(bytes(head))
        handle.write(rec.tobytes())
    return path
