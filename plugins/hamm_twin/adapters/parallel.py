"""Import of large CityGML files, or of many tiles, with worker processes.

The file is cut into segments of a few megabytes at the start tags of its feature
members (``<core:cityObjectMember>``). Each worker process reads one segment as a small
document of its own (the file's head up to the end of the root element's start tag, the
segment, the root's end tag) with the same reader as the serial import
(logic.citygml.iter_members / classify_members, with the CRS and srsDimension found in
the file's head) and turns its buildings into GeoPackage rows (store.compute_rows).
This process takes the results in document order, books them into ``seen`` and the
statistics exactly as the serial reader does (duplicates, problems, area) and writes
the rows with Lod2Store.add_prepared: the GeoPackage is the same as after a serial
import (tests compare the two).

Why the cut is safe: a segment whose document parses without error ends, in the file,
outside any markup and at the depth of the members (else its root end tag would not have
closed the document), so the next segment starts where the serial reader would be in
the same state. When a segment fails (broken XML, a cut inside a comment, anything
else), the results from that segment on are dropped and the serial reader reads the rest
of the file from the segment's start, so errors and their messages are those of the
serial import.

The tiles of one import share their workers (Workers): a city's 1 km² tiles are often
smaller than MIN_BYTES each, and together they are worth the processes; each such tile
is cut into about two segments per worker.

Memory stays bounded: at most two segments per worker are in flight. Cancelling stops
the workers. When no worker process can be started, the serial import is used.
"""

import collections
import multiprocessing
import os
import re
import sys
import threading
import time
from typing import Optional, Set

from hamm_core.logic.i18n import set_translator

from ..logic import citygml, citygml_fast
from ..logic.citygml import (
    OK,
    ParseStats,
    account,
    classify_members,
    iter_members,
    segment_blocks,
)
from . import store as store_mod

MIN_BYTES = 16 << 20      # smaller files are read serially (starting workers costs more)
SEGMENT = 4 << 20         # bytes per segment
MAX_WORKERS = 2           # each worker holds ~100 MB at most (numpy, GDAL, a segment)
WINDOW = 1 << 20
TAIL = 2                  # the last TAIL segments' bytes ...
TAIL_SPLIT = 4            # ... are cut into segments this many times smaller
START_TIMEOUT = 60.0      # seconds for the workers to answer at all
SEGMENT_TIMEOUT = 600.0   # seconds for one segment (normally well below one)
MAX_COLUMNS_BYTES = 64 << 20  # larger segments (a huge member) are read in pieces
SHARED_MIN_BYTES = 1 << 20  # with workers already started for the import: smaller files
#                             are read serially
MIN_SEGMENT = 256 << 10     # a small file is cut into about two segments per worker
_MEMBER = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?(?:cityObjectMember|featureMember|member))"
                     rb"[\s>]")
_PYTHON = re.compile(r"python[0-9.]*(?:\.exe)?", re.IGNORECASE)


def context(start_method: Optional[str] = None):
    """The multiprocessing context to use, or None (serial).

    Worker processes are started only where that is safe: with a Python interpreter
    that is this Python (``interpreter``). Inside QGIS on Windows (and in macOS app
    bundles) sys.executable is the QGIS program itself, and multiprocessing would start
    a second QGIS: there the import stays serial. ``fork`` is used only in a plain
    Python process without other Python threads and without QGIS loaded (forking a
    process with Qt threads can deadlock); else the workers are spawned as fresh
    interpreters."""
    if os.environ.get("HAMM_TWIN_WORKERS", "") == "0":
        return None
    if (os.cpu_count() or 1) < 2:
        return None
    exe = interpreter()
    if exe is None:
        return None
    if start_method is None:
        plain = "qgis.core" not in sys.modules and threading.active_count() == 1
        start_method = "fork" if plain and sys.platform.startswith("linux") else "spawn"
    try:
        ctx = multiprocessing.get_context(start_method)
    except ValueError:
        return None
    if start_method == "spawn" and exe != sys.executable:
        # sys.executable is no (usable) Python: the workers are started with the
        # interpreter found instead (for every later spawn too, which could not have
        # started with the other one either)
        ctx.set_executable(exe)
    return ctx


def restarted_in_worker() -> bool:
    """Is this a worker process that is starting up and runs the main script once more
    (spawn, a script without an ``if __name__ == "__main__":`` guard)? An import
    started there would write the same GeoPackage as the script's own import."""
    return bool(getattr(multiprocessing.current_process(), "_inheriting", False))


def interpreter() -> Optional[str]:
    """The Python interpreter to start workers with: sys.executable when it is this
    Python; else, on Linux, the installation's own ``bin/pythonX.Y`` (QGIS desktop and
    qgis_process guess sys.executable from PATH, which may name another Python: a
    pyenv shim, a venv); None when there is none (QGIS on Windows and macOS: there
    sys.executable is the QGIS program and the import stays serial)."""
    candidates = [sys.executable or ""]
    if sys.platform.startswith("linux"):
        base = os.path.join(sys.base_exec_prefix, "bin")
        candidates += [os.path.join(base, "python%d.%d" % sys.version_info[:2]),
                       os.path.join(base, "python3")]
    for exe in candidates:
        if exe and _PYTHON.fullmatch(os.path.basename(exe)) and os.path.exists(exe) and \
                _same_interpreter(exe):
            return exe
    return None


_SAME: dict = {}


def _same_interpreter(exe: str) -> bool:
    """Is ``exe`` this Python (same version and installation)? An embedded Python (QGIS
    desktop) guesses sys.executable from PATH, which may name another Python (pyenv, a
    venv without numpy): its workers would fail to start, each import would wait for
    START_TIMEOUT. Asked once per interpreter path."""
    if exe not in _SAME and _is_this_program(exe):
        _SAME[exe] = True  # the program of this very process: no need to ask it
    if exe not in _SAME:
        import subprocess
        try:
            out = subprocess.run(
                [exe, "-c", "import sys; print(sys.hexversion); print(sys.base_prefix)"],
                capture_output=True, text=True, timeout=20, check=True).stdout.split("\n")
            _SAME[exe] = (out[0].strip() == str(sys.hexversion)
                          and os.path.realpath(out[1].strip())
                          == os.path.realpath(sys.base_prefix))
        except (OSError, subprocess.SubprocessError, IndexError):
            _SAME[exe] = False
    return _SAME[exe]


def _is_this_program(exe: str) -> bool:
    """Is ``exe`` the executable this process runs (Linux: /proc/self/exe)? Then it
    is this Python for sure, and starting it once to ask (some 30 ms before the
    workers can start) is not needed."""
    try:
        return os.path.realpath("/proc/self/exe") == os.path.realpath(exe)
    except OSError:
        return False


def workers() -> int:
    return max(1, min(MAX_WORKERS, (os.cpu_count() or 1)))


CANCELED = object()


def _shared_min_bytes() -> int:
    """The smallest file the shared workers of an import read (never more than a file
    that gets workers of its own)."""
    return min(SHARED_MIN_BYTES, MIN_BYTES)


class Workers:
    """Worker processes shared by the files of one import: started when the first file
    needs them (the many 1 km² tiles of a city are often smaller than MIN_BYTES each,
    and starting processes per file would cost more than it saves), closed at the end.
    Once they could not be started or had to be stopped after a failure, the files
    after are read serially (no second wait of START_TIMEOUT)."""

    def __init__(self, ctx=None, n_workers: Optional[int] = None):
        self.ctx = ctx
        self.n = n_workers or workers()
        self.pool = None
        self.started = 0        # pools started (tests: one per import)
        self.unavailable = False

    @staticmethod
    def worth_it(sizes) -> bool:
        """Are files of these sizes (the CityGML files of one import) worth sharing
        workers for: together at least MIN_BYTES in files of SHARED_MIN_BYTES or more?"""
        return sum(size for size in sizes if size >= _shared_min_bytes()) >= MIN_BYTES

    def get(self, is_canceled=None):
        """The pool; None when there is none to have (the caller reads serially);
        CANCELED when the user cancelled while the workers were starting."""
        if self.pool is not None:
            return self.pool
        if self.unavailable:
            return None
        ctx = self.ctx if self.ctx is not None else context()
        self.unavailable = True  # (unless the start below succeeds)
        if ctx is None:
            return None
        try:
            pool = ctx.Pool(self.n)
        except (OSError, ValueError, RuntimeError, ImportError):
            return None
        # a worker that cannot start (a broken environment) would be restarted by the
        # pool forever: without an answer in time, the files are read serially
        ping = pool.apply_async(_ping)
        deadline = time.monotonic() + START_TIMEOUT
        while not ping.ready() and time.monotonic() < deadline:
            ping.wait(0.2)
            if is_canceled is not None and is_canceled():
                pool.terminate()
                pool.join()
                self.unavailable = False
                return CANCELED
        if not ping.ready() or not ping.successful():
            pool.terminate()
            pool.join()
            return None
        self.pool = pool
        self.started += 1
        self.unavailable = False
        return pool

    def discard(self) -> None:
        """Stop the workers at once (a failure or a cancel: they may be busy or hang)."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
            self.unavailable = True

    def close(self) -> None:
        """Let the workers finish and end (after the last file)."""
        if self.pool is not None:
            self.pool.close()
            self.pool.join()
            self.pool = None


class Plan:
    """Where to cut one file: prefix (head up to the end of the root's start tag),
    suffix (the root's end tag), the segment starts (the first one: the first member)."""

    def __init__(self, prefix: bytes, suffix: bytes, starts, size: int, member: bytes = b""):
        self.prefix, self.suffix, self.starts, self.size = prefix, suffix, starts, size
        self.member = member  # the members' qualified name


def plan(path: str, segment: Optional[int] = None) -> Optional[Plan]:
    """Segments of the file, or None when it is not for the parallel reader (no fast
    path, a DOCTYPE, an unusual head)."""
    segment = SEGMENT if segment is None else segment
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        head = handle.read(citygml.HEAD_BYTES)
        fast = citygml_fast.from_head(head)
        if fast is None:
            return None
        root = citygml_fast._ROOT.search(head)
        if root is None or head[root.end() - 2:root.end()] == b"/>":
            return None
        first = _MEMBER.search(head, fast.skip)
        if first is None:
            return None
        find = re.compile(b"<" + re.escape(first.group(1)) + rb"[\s>]")
        starts = [first.start()]
        pos = first.start() + segment
        while pos < size:
            handle.seek(pos)
            found = None
            while found is None:
                data = handle.read(WINDOW)
                if not data:
                    break
                m = find.search(data)
                if m is not None:
                    found = pos + m.start()
                else:
                    pos += max(1, len(data) - 64)  # a tag may straddle the windows
                    handle.seek(pos)
            if found is None:
                break
            starts.append(found)
            # the last segments smaller: the workers finish nearly together (the one
            # that finishes first has less time left idle)
            pos = found + (segment if size - found > TAIL * segment else
                           max(1, segment // TAIL_SPLIT))
    return Plan(head[:fast.skip], b"</" + root.group(1) + b">", starts, size, first.group(1))


def _head_state(path, p: Plan, stats: ParseStats, expected_epsg: int, source: str):
    """(epsg, dim) in force at the first member, from reading the head in this process
    as the serial reader does; None when the parallel reader is not to be used (the head
    holds members, problems or errors, or no CRS has been seen: then later members
    could decide the CRS)."""
    head_stats = ParseStats()
    state = {"dim": 3}
    rewriter = citygml_fast.from_head(p.prefix)
    try:
        blocks = segment_blocks(path, p.prefix, len(p.prefix), p.starts[0], p.suffix)
        for _elem, _dim in iter_members(path, head_stats, expected_epsg, source, rewriter,
                                        blocks, 3, state):
            return None
    except Exception:  # noqa: BLE001 - the serial reader reports it properly
        return None
    if head_stats.epsg is None or head_stats.problems:
        return None
    return head_stats.epsg, head_stats.version, state["dim"]


def _peak_kb() -> int:
    """Peak memory of this process in kB (0 where the system does not tell: the
    resource module is Unix only)."""
    try:
        import resource
    except ImportError:
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _ping() -> int:
    return os.getpid()


def _work(job):
    """In a worker: read one segment; (True, entries, prepared rows, peak RSS kB) or
    (False, error text, None, peak RSS kB)."""
    (path, prefix, start, end, suffix, epsg, version, dim, area, stamp, source,
     expected_epsg, texts, pack, member, root_end) = job
    try:
        if texts:  # a spawned worker has no QGIS translator: the main process's texts
            set_translator(lambda _context, text: texts.get(text, text))
        prepared = _columns(path, prefix, start, end, member, root_end, area, stamp, source)
        if prepared is not None:
            entries, prepared = prepared
        else:
            rewriter = citygml_fast.from_head(prefix)
            stats = ParseStats(epsg=epsg, version=version)
            entries, ok = [], []
            blocks = segment_blocks(path, prefix, start, end, suffix)
            for elem, member_dim in iter_members(path, stats, expected_epsg, source,
                                                 rewriter, blocks, dim, srs_known=True):
                for status, bld in classify_members(elem, member_dim, source, area,
                                                    rewriter):
                    entries.append((status, bld.gml_id, bld.problems, len(bld.surfaces)))
                    if status == OK:
                        ok.append(bld)
            prepared = store_mod.compute_rows(ok, stamp)
        if pack:
            prepared.pack()
        out = (True, entries, prepared)
    except Exception as exc:  # noqa: BLE001 - the serial reader takes over and reports
        out = (False, repr(exc), None)
    return out + (_peak_kb(), os.getpid())


def _columns(path, prefix, start, end, member, root_end, area, stamp, source):
    """(entries, prepared rows) of a segment whose members are all buildings of the
    usual shape, from the fast path's columns without ElementTree and without a
    Building object per building (citygml_fast.segment_columns); None for any other
    segment (or one too large to hold at once: read by ElementTree in pieces)."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        length = (size if end is None else end) - start
        if not member or length > MAX_COLUMNS_BYTES:
            return None
        handle.seek(start)
        data = handle.read(length)
    rewriter = citygml_fast.from_head(prefix)
    if rewriter is None:
        return None
    cols = citygml_fast.segment_columns(rewriter, data, member, root_end, source)
    if cols is None:
        return None
    entries, ok = citygml.classify_columns(cols, area, source)
    return entries, store_mod.rows_from_columns(ok, stamp)


def _select(entries, prepared, seen: Set[str], stats: ParseStats):
    """Book the entries as the serial reader does; the prepared rows of the buildings to
    import (duplicates of buildings read before left out)."""
    keep = []
    for status, gml_id, problems, n_surfaces in entries:
        if account(status, gml_id, problems, n_surfaces, seen, stats):
            keep.append(True)
        elif status == OK:
            keep.append(False)
    prepared.select(keep)
    return prepared


def import_file(path: str, target, area, seen: Set[str], stats: ParseStats,
                is_canceled=None, expected_epsg: int = 25832, ctx=None,
                segment: Optional[int] = None, n_workers: Optional[int] = None,
                info: Optional[dict] = None, pack: bool = True,
                min_bytes: Optional[int] = None, columns: bool = True,
                shared: Optional[Workers] = None) -> bool:
    """Import one CityGML file into ``target`` (a Lod2Store) with worker processes;
    False (nothing done) when the file is not for them or no process can be started:
    then the caller reads it serially. ``shared``: the workers of the whole import
    (Workers; they stay up for the next file, and files down to SHARED_MIN_BYTES use
    them, cut into about two segments per worker); else workers are started for this
    file alone. ``info`` receives the number of workers and their peak memory.
    ``pack``: workers hand over their rows as small SQLite databases (copied in C, the
    cheapest for this process) instead of row tuples. ``columns``: segments of
    buildings of the usual shape are read without ElementTree (False: every segment
    through ElementTree, for tests)."""
    size = os.path.getsize(path)
    if min_bytes is None:
        min_bytes = _shared_min_bytes() if shared is not None else MIN_BYTES
    if size < min_bytes:
        return False
    if segment is None:
        segment = SEGMENT
        if shared is not None:  # (a small file: about two segments per worker)
            segment = min(SEGMENT, max(MIN_SEGMENT, size // (2 * shared.n)))
    if shared is None:
        if ctx is None:
            ctx = context()
        if ctx is None:
            return False
    elif shared.unavailable and shared.pool is None:
        return False
    citygml._check_head(path)  # same checks (safety, empty file) as the serial reader
    p = plan(path, segment)
    source = os.path.basename(path)
    if p is None or len(p.starts) < 2:
        return False
    state = _head_state(path, p, stats, expected_epsg, source)
    if state is None:
        return False
    epsg, version, dim = state
    workers_ = shared if shared is not None else Workers(ctx, n_workers)
    pool = workers_.get(is_canceled)
    if pool is CANCELED:
        return True  # nothing read: the user has cancelled
    if pool is None:
        return False
    n_workers = workers_.n
    stats.epsg = epsg  # as the serial reader sets it from this file's head
    stats.version = version
    ends = p.starts[1:] + [None]
    texts = {text: citygml.tr(text) for text in citygml.PROBLEM_TEXTS}
    texts = {k: v for k, v in texts.items() if k != v}
    jobs = [(path, p.prefix, start, end, p.suffix if end is not None else b"", epsg,
             version, dim, area, target.stamp, source, expected_epsg, texts, pack,
             p.member if columns else b"", p.suffix)
            for start, end in zip(p.starts, ends)]
    peaks = {}
    failed_at = None
    canceled = False
    finished = False
    hung = False  # a worker did not answer or died: the pool cannot be trusted
    try:
        pending = collections.deque()
        nxt = 0
        for i in range(len(jobs)):
            while nxt < len(jobs) and len(pending) < 2 * n_workers:
                pending.append(pool.apply_async(_work, (jobs[nxt],)))
                nxt += 1
            res = pending.popleft()
            deadline = time.monotonic() + SEGMENT_TIMEOUT
            while not res.ready() and time.monotonic() < deadline:
                res.wait(0.2)
                if is_canceled is not None and is_canceled():
                    canceled = True
                    break
            if canceled:
                break
            if not res.ready():  # a worker hangs or died: the rest serially
                failed_at, hung = i, True
                break
            try:
                ok, entries, prepared, peak, pid = res.get()
            except Exception:  # noqa: BLE001 - e.g. a result that cannot be unpickled
                failed_at, hung = i, True
                break
            peaks[pid] = max(peaks.get(pid, 0), peak)
            if not ok:
                failed_at = i
                break
            target.add_prepared(_select(entries, prepared, seen, stats))
            if is_canceled is not None and is_canceled():
                canceled = True
                break
        finished = True
    finally:
        if hung or canceled or not finished or (failed_at is not None and shared is None):
            workers_.discard()  # (stop them at once)
        elif failed_at is not None:
            # a segment the reader refused (broken XML): the workers are fine and stay for
            # the next files; the segments in flight end first (their rows are not used)
            deadline = time.monotonic() + SEGMENT_TIMEOUT
            for res in pending:
                res.wait(max(0.0, deadline - time.monotonic()))
                if not res.ready():
                    workers_.discard()
                    break
        elif shared is None:
            workers_.close()
    if info is not None:
        info["workers"] = n_workers
        info["worker_peak_kb"] = max(info.get("worker_peak_kb", 0), sum(peaks.values()))
        info.setdefault("files", []).append(source)
        info["fallback_at"] = None if failed_at is None else p.starts[failed_at]
    if failed_at is not None:  # the rest as the serial reader reads it (errors included)
        rewriter = citygml_fast.from_head(p.prefix)
        blocks = segment_blocks(path, p.prefix, p.starts[failed_at], None, b"")
        for bld in citygml._iterparse_buildings(path, area, seen, stats, expected_epsg,
                                                is_canceled, source, rewriter, blocks, dim,
                                                srs_known=True):
            target.add(bld)
    return True


def suitable(target, reader) -> bool:
    """Is the parallel reader usable for this target and reader?"""
    return isinstance(target, store_mod.Lod2Store) and reader is citygml.iter_buildings \
        and not getattr(target, "ogr_fallback", False)

