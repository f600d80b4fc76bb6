"""Fast scan of stop_times.txt with numpy: blocks of bytes, no Python object per row.

For each block of whole lines: find newlines and commas, check every line has the
header's number of fields (else the block goes through the csv module), cut out the
trip_id, departure time and stop_id columns, group rows by trip (np.unique), parse
HH:MM:SS arithmetically and count departures per stop in C. Rows of a few "special" trips
(representative trips whose stop sequence draws a route, frequency-based trips) and rows
with unusual times are handed to the slow per-row path, so both paths count the same.
Blocks containing quotes are read with the csv module (quoted commas).
"""

import csv
import io
from collections import Counter
from typing import Callable, List

try:
    import numpy as np
except ImportError:  # pragma: no cover - numpy ships with QGIS
    np = None

BLOCK = 8 << 20


def available() -> bool:
    return np is not None


def _strings(a, start, end):
    """Byte fields a[start:end] per row -> numpy 'S' array (fixed width)."""
    length = end - start
    width = int(length.max()) if len(length) else 1
    width = max(width, 1)
    cols = np.arange(width)
    take = start[:, None] + cols[None, :]
    mask = cols[None, :] < length[:, None]
    np.minimum(take, len(a) - 1, out=take)
    out = np.ascontiguousarray(a[take] * mask, dtype=np.uint8)
    return out.view("S{}".format(width)).ravel()


def scan(raw, ncols: int, i_trip: int, i_stop: int, i_time: int, lo_s: int, hi_s: int,
         trip_mode: Callable[[str], int], slow: Callable[[List[str]], None],
         counts: Counter, unknown: Callable, is_unknown: Callable[[str], bool],
         feedback=None) -> int:
    """Scan a binary stream of stop_times.txt; return the number of data rows.

    trip_mode(trip_id): 0 not running, 1 count fast, 2 hand every row to ``slow``.
    Departures in [lo_s, hi_s) of mode-1 trips are added to ``counts`` (stop_id -> n).
    """
    raw.readline()  # header (already parsed by the caller)
    rest = b""
    total = 0
    modes = {}
    while True:
        block = raw.read(BLOCK)
        eof = not block
        buf = rest + block
        if eof:
            if not buf:
                break
            if not buf.endswith(b"\n"):
                buf += b"\n"
            rest = b""
        else:
            cut = buf.rfind(b"\n") + 1
            if cut == 0:
                rest = buf
                continue
            buf, rest = buf[:cut], buf[cut:]
        if b"\r" in buf:
            buf = buf.replace(b"\r", b"")
        total += _block(buf, ncols, i_trip, i_stop, i_time, lo_s, hi_s, trip_mode, slow,
                        counts, unknown, is_unknown, modes)
        if feedback is not None and feedback(total):
            break
        if eof:
            break
    return total


def _slow_block(buf: bytes, slow) -> int:
    n = 0
    for row in csv.reader(io.StringIO(buf.decode("utf-8"), newline="")):
        if row:
            n += 1
            slow(row)
    return n


def _block(buf, ncols, i_trip, i_stop, i_time, lo_s, hi_s, trip_mode, slow, counts,
           unknown, is_unknown, modes) -> int:
    if b'"' in buf:
        return _slow_block(buf, slow)
    a = np.frombuffer(buf, dtype=np.uint8)
    nl = np.flatnonzero(a == 10)
    starts = np.concatenate(([0], nl[:-1] + 1))
    keep = nl > starts                      # drop empty lines
    nl, starts = nl[keep], starts[keep]
    if not len(nl):
        return 0
    comma = np.flatnonzero(a == 44)
    per_line = np.searchsorted(comma, nl) - np.searchsorted(comma, starts)
    if ncols < 2 or not np.all(per_line == ncols - 1):
        return _slow_block(buf, slow)
    grid = comma.reshape(len(nl), ncols - 1)

    def bounds(k):
        s = starts if k == 0 else grid[:, k - 1] + 1
        e = nl if k == ncols - 1 else grid[:, k]
        return s, e

    ts, te = bounds(i_trip)
    trips, inverse = np.unique(_strings(a, ts, te), return_inverse=True)
    inverse = inverse.ravel()
    names = [t.decode("utf-8") for t in trips.tolist()]
    trip_modes = np.empty(len(names), dtype=np.int8)
    for k, name in enumerate(names):
        mode = modes.get(name)
        if mode is None:
            mode = modes[name] = trip_mode(name)
            if is_unknown(name):
                unknown((name,))
        trip_modes[k] = mode
    row_mode = trip_modes[inverse]

    ds, de = bounds(i_time)
    length = de - ds
    last = len(a) - 1

    def digit(pos):
        return a[np.clip(pos, 0, last)].astype(np.int32) - 48

    hours = np.where(length == 8, digit(ds) * 10 + digit(ds + 1), digit(ds))
    secs = hours * 3600 + (digit(de - 5) * 10 + digit(de - 4)) * 60 + \
        digit(de - 2) * 10 + digit(de - 1)
    ok_time = ((length == 7) | (length == 8)) & (a[np.clip(de - 3, 0, last)] == 58)
    fast = (row_mode == 1) & ok_time
    hit = fast & (secs >= lo_s) & (secs < hi_s)
    if hit.any():
        ss, se = bounds(i_stop)
        stops, n = np.unique(_strings(a, ss[hit], se[hit]), return_counts=True)
        for stop, c in zip(stops.tolist(), n.tolist()):
            counts[stop.decode("utf-8")] += c
    odd = np.flatnonzero((row_mode == 2) | ((row_mode == 1) & ~ok_time))
    if len(odd):
        lines = [bytes(buf[starts[i]:nl[i]]).decode("utf-8") for i in odd.tolist()]
        for row in csv.reader(lines):
            slow(row)
    return int(len(nl))
