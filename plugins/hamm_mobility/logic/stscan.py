"""Fast scan of stop_times.txt with numpy: blocks of bytes, no Python object per row.

For each block of whole lines: find newlines and commas, check every line has the
header's number of fields (else the block goes through the csv module), cut out the
trip_id, departure time and stop_id columns, find the runs of equal trip_id (stop_times
is grouped by trip in practice; shuffled rows fall back to np.unique), parse HH:MM:SS
arithmetically and count departures per stop in C: stop_ids are hashed and looked up in
the table of stops.txt (verified byte for byte), so no sort of strings is needed.
Rows of a few "special" trips (frequency-based trips) and rows with unusual times are
handed to the slow per-row path, so both paths count the same; the rows of the trips
whose stop sequence draws a route are handed over as parsed rows as well.
Blocks containing quotes are read with the csv module (quoted commas).
"""

import csv
import io
import queue
import threading
from collections import Counter
from typing import Callable, Iterable, List, Optional, Sequence

try:
    import numpy as np
except ImportError:  # pragma: no cover - numpy ships with QGIS
    np = None

BLOCK = 2 << 20
READ_SIZE = 8 << 20
# trip modes (bits), as returned by the caller's trip_mode(trip_id)
COUNT = 1      # running on the day: count its departures in C
SLOW = 2       # hand every row to the per-row path (frequency-based trips)
COLLECT = 4    # hand every row as a parsed row to ``collect`` (stop sequence of a route)
_FNV = 1099511628211


def available() -> bool:
    return np is not None


def _strings(a, start, end):
    """Byte fields a[start:end] per row -> numpy 'S' array (fixed width), built column
    by column (no row x width index matrix)."""
    length = end - start
    width = max(int(length.max()) if len(length) else 1, 1)
    last = len(a) - 1
    out = np.empty((len(start), width), dtype=np.uint8)
    for j in range(width):
        col = a[np.minimum(start + j, last)]
        col[length <= j] = 0
        out[:, j] = col
    return out.view("S{}".format(width)).ravel()


def _hash(strings):
    """Polynomial hash of an 'S' array; trailing NUL padding adds nothing, so arrays of
    different widths hash alike."""
    n = len(strings)
    width = strings.dtype.itemsize
    grid = strings.view(np.uint8).reshape(n, width)
    h = np.zeros(n, dtype=np.uint64)
    factor = 1
    with np.errstate(over="ignore"):
        for j in range(width):
            factor = factor * _FNV % (1 << 64)
            h += grid[:, j].astype(np.uint64) * np.uint64(factor)
    return h


class StopTable:
    """Departure counts per known stop_id, filled block by block with np.bincount."""

    def __init__(self, stop_ids: Iterable[str]):
        ids = list(stop_ids)
        self.ids: List[str] = []
        self.totals = None
        if not ids or np is None:
            return
        arr = np.array([s.encode("utf-8") for s in ids])
        if arr.dtype.kind != "S" or arr.dtype.itemsize == 0:
            return
        h = _hash(arr)
        order = np.argsort(h, kind="stable")
        self.hashes = h[order]
        self.strings = arr[order]
        self.ids = [ids[i] for i in order.tolist()]
        self.totals = np.zeros(len(ids), dtype=np.int64)

    def add(self, strings, counts: Counter) -> None:
        """Count each stop_id of ``strings`` ('S' array) once."""
        if not len(strings):
            return
        if self.totals is not None:
            pos = np.searchsorted(self.hashes, _hash(strings))
            np.minimum(pos, len(self.ids) - 1, out=pos)
            found = self.strings[pos] == strings
            self.totals += np.bincount(pos[found], minlength=len(self.ids))
            strings = strings[~found]
            if not len(strings):
                return
        stops, n = np.unique(strings, return_counts=True)
        for stop, c in zip(stops.tolist(), n.tolist()):
            counts[stop.decode("utf-8")] += c

    def flush(self, counts: Counter) -> None:
        if self.totals is None:
            return
        for k in np.flatnonzero(self.totals).tolist():
            counts[self.ids[k]] += int(self.totals[k])
        self.totals[:] = 0


class TripTable:
    """Mode of every trip of trips.txt, looked up for many trip_ids at once."""

    def __init__(self, trip_ids: Sequence[str], modes: Sequence[int]):
        self.size = 0
        if not len(trip_ids) or np is None:
            return
        arr = np.array([t.encode("utf-8") for t in trip_ids])
        if arr.dtype.kind != "S" or arr.dtype.itemsize == 0:
            return
        h = _hash(arr)
        order = np.argsort(h, kind="stable")
        self.hashes = h[order]
        self.strings = arr[order]
        self.modes = np.asarray(modes, dtype=np.int8)[order]
        self.size = len(order)

    def lookup(self, names):
        """(mode per name, found per name); names: 'S' array."""
        pos = np.searchsorted(self.hashes, _hash(names))
        np.minimum(pos, self.size - 1, out=pos)
        found = self.strings[pos] == names
        return np.where(found, self.modes[pos], 0).astype(np.int8), found


def scan(raw, ncols: int, i_trip: int, i_stop: int, i_time: int, lo_s: int, hi_s: int,
         trip_mode: Callable[[str], int], slow: Callable[[List[str]], None],
         counts: Counter, unknown: Callable, is_unknown: Callable[[str], bool],
         feedback=None, collect: Optional[Callable[[List[List[str]]], None]] = None,
         known_stops: Iterable[str] = (), trips: Optional[TripTable] = None) -> int:
    """Scan a binary stream of stop_times.txt; return the number of data rows.

    trip_mode(trip_id): a combination of COUNT, SLOW and COLLECT (0: not running).
    Departures in [lo_s, hi_s) of COUNT trips are added to ``counts`` (stop_id -> n);
    rows of SLOW trips and rows with unusual times go to ``slow`` one by one, the other
    rows of COLLECT trips to ``collect`` as a list of parsed rows per block (without
    ``collect``, COLLECT trips go to ``slow``). ``trips``: the modes of the trips of
    trips.txt, so that only trip_ids missing there go through trip_mode/is_unknown.
    """
    raw.readline()  # header (already parsed by the caller)
    rest = b""
    total = 0
    modes = {}
    table = StopTable(known_stops)
    reader = _ReadAhead(raw)
    try:
        while True:
            block = reader.read()
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
                            counts, unknown, is_unknown, modes, collect, table, trips)
            if feedback is not None and feedback(total):
                break
            if eof:
                break
    finally:
        reader.close()
        table.flush(counts)
    return total


class _ReadAhead:
    """Reads (and inflates) the next block in a thread while numpy works on this one:
    zlib and most numpy loops release the GIL. Errors surface in read()."""

    def __init__(self, raw, size: Optional[int] = None):
        self.raw = raw
        self.size = size or BLOCK
        self.queue: queue.Queue = queue.Queue(maxsize=8)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="stop_times read-ahead",
                                       daemon=True)
        self.thread.start()

    def _run(self) -> None:
        # inflating in larger pieces costs less; numpy gets BLOCK-sized pieces (cache)
        read_size = max(self.size, READ_SIZE)
        try:
            while not self.stop.is_set():
                data = self.raw.read(read_size)
                for start in range(0, len(data), self.size):
                    self._put(data[start:start + self.size])
                if not data:
                    self._put(b"")
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the reading thread
            self._put(exc)

    def _put(self, item) -> None:
        while not self.stop.is_set():
            try:
                self.queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def read(self) -> bytes:
        item = self.queue.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


def _slow_block(buf: bytes, slow) -> int:
    n = 0
    for row in csv.reader(io.StringIO(buf.decode("utf-8"), newline="")):
        if row:
            n += 1
            slow(row)
    return n


def _trip_modes(a, ts, te, trip_mode, unknown, is_unknown, modes, trip_table=None):
    """Mode per row: runs of equal trip_id looked up once (np.unique when unsorted), in
    the trip table where given, else (and for trips missing there) one by one."""
    trips = _strings(a, ts, te)
    n = len(trips)
    change = np.flatnonzero(trips[1:] != trips[:-1]) + 1
    if len(change) * 4 > n:  # rows not grouped by trip
        names, inverse = np.unique(trips, return_inverse=True)
        inverse = inverse.ravel()
    else:
        names = trips[np.concatenate(([0], change))]
        inverse = None
    if trip_table is not None and trip_table.size:
        per_name, found = trip_table.lookup(names)
        rest = np.flatnonzero(~found).tolist()
    else:
        per_name = np.zeros(len(names), dtype=np.int8)
        rest = range(len(names))
    if rest:
        todo = names[rest].tolist() if trip_table is not None and trip_table.size \
            else names.tolist()
        for k, raw_name in zip(rest, todo):
            mode = modes.get(raw_name)
            if mode is None:
                name = raw_name.decode("utf-8")
                mode = modes[raw_name] = trip_mode(name)
                if is_unknown(name):
                    unknown((name,))
            per_name[k] = mode
    if inverse is not None:
        return per_name[inverse]
    lengths = np.diff(np.concatenate(([0], change, [n])))
    return np.repeat(per_name, lengths)


def _block(buf, ncols, i_trip, i_stop, i_time, lo_s, hi_s, trip_mode, slow, counts,
           unknown, is_unknown, modes, collect=None, table=None, trips=None) -> int:
    if b'"' in buf:
        return _slow_block(buf, slow)
    a = np.frombuffer(buf, dtype=np.uint8)
    nl = np.flatnonzero(a == 10)
    starts = np.empty_like(nl)
    starts[0] = 0
    starts[1:] = nl[:-1] + 1
    if np.any(nl == starts):                # drop empty lines
        keep = nl > starts
        nl, starts = nl[keep], starts[keep]
    if not len(nl):
        return 0
    if ncols < 2:
        return _slow_block(buf, slow)
    comma = np.flatnonzero(a == 44)
    # every line holds exactly ncols - 1 commas: as many commas as that in all, and the
    # commas of line i (row i of the grid) lie between its start and its newline
    if len(comma) != len(nl) * (ncols - 1):
        return _slow_block(buf, slow)
    grid = comma.reshape(len(nl), ncols - 1)
    if not (np.all(grid[:, 0] >= starts) and np.all(grid[:, -1] < nl)):
        return _slow_block(buf, slow)

    def bounds(k):
        s = starts if k == 0 else grid[:, k - 1] + 1
        e = nl if k == ncols - 1 else grid[:, k]
        return s, e

    ts, te = bounds(i_trip)
    row_mode = _trip_modes(a, ts, te, trip_mode, unknown, is_unknown, modes, trips)
    if collect is None:
        row_mode = np.where(row_mode & COLLECT, row_mode | SLOW, row_mode)

    # HH:MM:SS or H:MM:SS with valid minutes and seconds; anything else (untimed rows,
    # hours >= 100, minute 75) goes the slow way, which compares the text as before
    ds, de = bounds(i_time)
    length = de - ds
    last = len(a) - 1
    zero = np.uint8(48)

    def digit(pos):  # uint8: a non-digit wraps to a value above 9
        return a[np.clip(pos, 0, last)] - zero

    h1, h2 = digit(ds), digit(ds + 1)
    m1, m2, s1, s2 = digit(de - 5), digit(de - 4), digit(de - 2), digit(de - 1)
    long_hour = length == 8
    ok_time = ((length == 7) | long_hour) & (h1 <= 9) & (m1 <= 5) & (m2 <= 9) & \
        (s1 <= 5) & (s2 <= 9) & ((h2 <= 9) | ~long_hour) & \
        (a[np.clip(de - 3, 0, last)] == 58) & (a[np.clip(de - 6, 0, last)] == 58)
    hours = np.where(long_hour, h1.astype(np.int32) * 10 + h2, h1)
    secs = hours * 3600 + (m1 * 10 + m2).astype(np.int32) * 60 + s1 * 10 + s2
    counted = (row_mode & COUNT) != 0
    fast = counted & ok_time
    hit = fast & (secs >= lo_s) & (secs < hi_s)
    if hit.any():
        ss, se = bounds(i_stop)
        strings = _strings(a, ss[hit], se[hit])
        if table is None:
            table = StopTable(())
        table.add(strings, counts)
    to_slow = ((row_mode & SLOW) != 0) | (counted & ~ok_time)
    odd = np.flatnonzero(to_slow)
    if len(odd):
        lines = [bytes(buf[starts[i]:nl[i]]).decode("utf-8") for i in odd.tolist()]
        for row in csv.reader(lines):
            slow(row)
    if collect is not None:
        rows = np.flatnonzero(((row_mode & COLLECT) != 0) & ~to_slow)
        if len(rows):
            lines = [bytes(buf[starts[i]:nl[i]]).decode("utf-8") for i in rows.tolist()]
            collect(list(csv.reader(lines)))
    return int(len(nl))
