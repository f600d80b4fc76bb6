"""Streaming reader for CityGML 1.0, 2.0 (and the building part of 3.0) LoD1/LoD2 files.

The file is read with ``xml.etree.ElementTree.iterparse``: one city object member at a
time is built in memory, turned into a ``Building`` and cleared, so a tile of hundreds of
megabytes needs only the memory of its largest building. Before parsing, the prolog is
checked by hamm_core's ``check_xml_safe`` (no entity declarations, no external entities).
Namespaces are matched by local name within the CityGML/GML families, so CityGML 1.0
(GML 3.1.1), 2.0 and 3.0 (GML 3.2) read alike; elements of unknown namespaces (ADEs) are
ignored.

Speed: the bytes pass through citygml_fast first, which replaces the semantic surfaces
of the usual shape by placeholders (their coordinates converted in bulk), and then whole
buildings made only of such surfaces and plain attributes by one placeholder each, so
that ElementTree builds only the rest; the result is the same as reading every element
(``fast=False``; tests compare the two). Large files are read by worker processes in
segments (adapters.parallel, with iter_members / classify_members / account below).
"""

import math
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Callable, Iterator, List, Optional, Set, Tuple

import numpy as np

from hamm_core.logic.errors import ParseError
from hamm_core.logic.safexml import check_xml_safe

from . import citygml_fast
from .crs import epsg_of
from .i18n import tr
from .model import Building, Surface, close_ring

HEAD_BYTES = 1 << 20
SURFACE_KINDS = {"RoofSurface", "WallSurface", "GroundSurface", "ClosureSurface",
                 "OuterCeilingSurface", "OuterFloorSurface"}
ATTRIBUTES = {"measuredHeight", "roofType", "storeysAboveGround", "storeysBelowGround",
              "function", "usage", "class", "name", "yearOfConstruction"}
GEN_ATTRIBUTES = {"stringAttribute", "doubleAttribute", "intAttribute", "measureAttribute",
                  "genericAttribute"}
MEMBERS = {"cityObjectMember", "featureMember", "member"}
BUILDING_TYPES = {"Building"}
# the problems a reader records for single buildings (the same texts as in the tr()
# calls below): worker processes of adapters.parallel get their translations from here
PROBLEM_TEXTS = (
    "{where}: a polygon has no usable coordinates (missing or broken posList) and was "
    "skipped.",
    "A building without gml:id in {file} was skipped.",
    "Building {id} has no usable geometry and was skipped.",
)


_LOCAL: dict = {}
_NS: dict = {}


def _local(tag) -> str:
    """Local name of a tag ({ns}name); memoised: a document has few distinct tags."""
    try:
        return _LOCAL[tag]
    except KeyError:
        name = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        if len(_LOCAL) < 10000:
            _LOCAL[tag] = name
        return name
    except TypeError:  # comments and processing instructions
        return ""


def _ns(tag) -> str:
    try:
        return _NS[tag]
    except KeyError:
        ns = tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""
        if len(_NS) < 10000:
            _NS[tag] = ns
        return ns
    except TypeError:
        return ""


def _known_ns(ns: str) -> bool:
    return ns.startswith("http://www.opengis.net/") or ns == ""


def _gml_id(elem) -> str:
    for key, value in elem.attrib.items():
        if key.endswith("}id") or key == "id":
            return value
    return ""


@dataclass
class ParseStats:
    buildings: int = 0
    skipped_outside: int = 0
    skipped_duplicate: int = 0
    surfaces: int = 0
    problems: List[str] = field(default_factory=list)
    epsg: Optional[int] = None
    version: str = ""


def _coords(ring_elem, default_dim: int) -> Optional[np.ndarray]:
    values: List[str] = []
    dim = default_dim
    for child in ring_elem:
        name = _local(child.tag)
        if name in {"posList", "pos"}:
            dim = int(child.get("srsDimension") or child.get("dimension") or default_dim)
            values.extend((child.text or "").split())
        elif name == "coordinates":
            text = (child.text or "").replace(",", " ")
            values.extend(text.split())
        elif name == "pointProperty":  # rarely used: gml:Point/gml:pos inside
            for pos in child.iter():
                if _local(pos.tag) == "pos":
                    values.extend((pos.text or "").split())
    return _coords_values(values, dim)


def _coords_values(values: List[str], dim: int) -> Optional[np.ndarray]:
    if not values:
        return None
    try:
        arr = np.array(values, dtype=float)
    except ValueError:
        return None
    if dim not in (2, 3) or arr.size % dim:
        return None
    arr = arr.reshape(-1, dim)
    if dim == 2:
        arr = np.column_stack([arr, np.zeros(len(arr))])
    return arr


def _no_coordinates(problems: List[str], where: str) -> None:
    problems.append(tr("{where}: a polygon has no usable coordinates "
                       "(missing or broken posList) and was skipped.").format(where=where))


def _polygon(poly, dim: int, problems: List[str], where: str) -> Optional[List[np.ndarray]]:
    rings = []
    for boundary in poly:
        name = _local(boundary.tag)
        if name not in ("exterior", "interior", "outerBoundaryIs", "innerBoundaryIs"):
            continue
        for ring_elem in boundary:
            if _local(ring_elem.tag) != "LinearRing":
                continue
            coords = _coords(ring_elem, dim)
            ring = close_ring(coords) if coords is not None else None
            if ring is None:
                if name in ("exterior", "outerBoundaryIs"):
                    _no_coordinates(problems, where)
                    return None
                continue
            if name in ("exterior", "outerBoundaryIs"):
                rings.insert(0, ring)
            else:
                rings.append(ring)
    return rings or None


def _fast_polygons(elem, dim, problems, where, fast) -> Tuple[str, str, List[List[np.ndarray]]]:
    """(kind, gml:id, polygons) of a surface placeholder written by citygml_fast."""
    kind, sid, rings, starts = fast.placeholder(elem)
    return kind, sid, _assemble(rings, starts, citygml_fast.decode_rings(rings, dim), dim,
                                problems, where)


def _expand_fast(typed: list, dim, problems, where, fast) -> List[Surface]:
    """Replace the (placeholder, part id) entries of ``typed`` by their surfaces; the
    coordinates of all of them are converted in one go."""
    items = [t for t in typed if type(t) is tuple]
    if all(type(t[0].text) is int for t in items):
        base = fast.base
        indices = [t[0].text - base for t in items]
        arrays = fast.arrays
        rings = [arrays[i] for i in indices]
        if any(r is None for r in rings):
            rings = fast.simple_rings(indices, dim)
        if rings is not None:  # the usual case: one closed 3D ring per placeholder
            kinds, ids = fast.kinds, fast.ids
            it = iter(rings)
            return [item if type(item) is not tuple else
                    Surface(kinds[item[0].text - base].decode(), [next(it)],
                            (ids[item[0].text - base] or b"").decode(), item[1])
                    for item in typed]
    parsed = [fast.placeholder(t[0]) for t in items]
    arrays = citygml_fast.decode_rings([r for p in parsed for r in p[2]], dim)
    out = []
    i = k = 0
    for item in typed:
        if type(item) is not tuple:
            out.append(item)
            continue
        kind, sid, rings, starts = parsed[i]
        i += 1
        polys = _assemble(rings, starts, arrays[k:k + len(rings)], dim, problems, where)
        k += len(rings)
        out.extend(Surface(kind, p, sid, item[1]) for p in polys)
    return out


def _assemble(rings, starts, arrays, dim, problems, where) -> List[List[np.ndarray]]:
    """Polygons from decoded rings by the rules of ``_polygon`` (an exterior ring without
    usable coordinates drops its polygon with a problem, an unusable interior ring is
    left out)."""
    polys = []
    bounds = starts + [len(rings)]
    for p in range(len(starts)):
        out = []
        for j in range(bounds[p], bounds[p + 1]):
            exterior, rdim, text = rings[j]
            coords = arrays[j]
            if coords is not None:
                ring = _closed_fast(coords)
            else:
                coords = _coords_values(text.split(), dim if rdim is None else rdim)
                ring = close_ring(coords) if coords is not None else None
            if ring is None:
                if exterior:
                    _no_coordinates(problems, where)
                    out = None
                    break
                continue
            out.append(ring)
        if out:
            polys.append(out)
    return polys


def _closed_fast(coords: np.ndarray) -> Optional[np.ndarray]:
    """close_ring for a ring that is already closed (the usual case) without copies."""
    n = coords.shape[0]
    if n >= 4:
        first, last = coords[0], coords[n - 1]
        if first[0] == last[0] and first[1] == last[1] and first[2] == last[2] and \
                math.isfinite(float(coords.sum())):
            return coords
    return close_ring(coords)


def _collect_polygons(elem, dim, problems, where, fast=None) -> List[List[np.ndarray]]:
    out = []
    for poly in elem.iter():
        name = _local(poly.tag)
        if name == "Polygon":
            rings = _polygon(poly, dim, problems, where)
            if rings:
                out.append(rings)
        elif fast is not None and name in fast.names:
            out.extend(_fast_polygons(poly, dim, problems, where, fast)[2])
    return out


def _read_attributes(elem, attrs: dict) -> None:
    for child in elem:
        ns, name = _ns(child.tag), _local(child.tag)
        if not _known_ns(ns):
            continue
        if name in ATTRIBUTES:
            if name not in attrs or attrs[name] in (None, ""):
                attrs[name] = (child.text or "").strip()
        elif name in GEN_ATTRIBUTES:
            key = child.get("name") or ""
            value = None
            for sub in child:
                if _local(sub.tag) == "value":
                    value = (sub.text or "").strip()
            if key:
                attrs.setdefault("gen:" + key, value)


def building_from_element(elem, dim: int = 3, source: str = "", fast=None) -> Building:
    """Turn one bldg:Building element (with its parts) into a Building. ``fast``: the
    citygml_fast.FastSurfaces that wrote the surface placeholders in this document."""
    bld = Building(gml_id=_gml_id(elem), source=source)
    _read_attributes(elem, bld.attributes)
    where = bld.gml_id or "?"
    typed: List[Surface] = []
    lod_geoms = {}
    names = fast.names if fast is not None else ()

    def walk(node, part_id: str):
        for child in node:
            ns, name = _ns(child.tag), _local(child.tag)
            if name in names:
                typed.append((child, part_id))  # decoded together after the walk
                continue
            if not _known_ns(ns):
                continue  # ADE or unknown namespace
            if name == "BuildingPart":
                pid = _gml_id(child)
                bld.parts.append(pid)
                _read_attributes(child, bld.attributes)
                walk(child, pid)
            elif name in SURFACE_KINDS:
                sid = _gml_id(child)
                for rings in _collect_polygons(child, dim, bld.problems, where, fast):
                    typed.append(Surface(name, rings, sid, part_id))
            elif name.startswith("lod") and (name.endswith(("Solid", "MultiSurface"))):
                lod = name[3]
                polys = _collect_polygons(child, dim, bld.problems, where, fast)
                if polys:
                    lod_geoms.setdefault(lod, []).extend((p, part_id) for p in polys)
            else:
                walk(child, part_id)

    walk(elem, "")
    if names and any(type(t) is tuple for t in typed):
        typed = _expand_fast(typed, dim, bld.problems, where, fast)
    if typed:
        bld.surfaces = typed
        bld.lod = "2"
    elif lod_geoms:
        lod = max(lod_geoms)
        bld.surfaces = [Surface("Unclassified", rings, "", pid) for rings, pid in lod_geoms[lod]]
        bld.lod = lod
    return bld


def _check_head(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise ParseError(tr("The file {path} cannot be read ({error}).").format(
            path=path, error=exc.strerror or exc), source=path) from exc
    if not head.strip():
        raise ParseError(tr("The file {path} is empty.").format(path=path), source=path)
    check_xml_safe(head, os.path.basename(path))
    return head


def _check_root(root, source, path, stats) -> None:
    if _local(root.tag) != "CityModel" or \
            not _ns(root.tag).startswith("http://www.opengis.net/citygml"):
        raise ParseError(
            tr("{file} is not a CityGML document (root element {tag}). "
               "Choose CityGML 1.0, 2.0 or 3.0 files (CityModel).").format(
                file=source, tag=root.tag), source=path)
    stats.version = _ns(root.tag).rsplit("/", 1)[-1]


def _check_srs(srs: str, source, path, stats, expected_epsg) -> None:
    stats.epsg = epsg_of(srs)
    if stats.epsg is not None and stats.epsg != expected_epsg:
        raise ParseError(
            tr("{file} is in the CRS {crs} (EPSG:{code}); the import expects "
               "EPSG:{expected}. Reproject the file first or choose the "
               "matching tiles.").format(file=source, crs=srs, code=stats.epsg,
                                         expected=expected_epsg),
            source=path)


def iter_buildings(path: str, area=None, seen: Optional[Set[str]] = None,
                   stats: Optional[ParseStats] = None, expected_epsg: int = 25832,
                   is_canceled: Optional[Callable[[], bool]] = None,
                   fast: bool = True) -> Iterator[Building]:
    """Yield the buildings of a CityGML file whose bbox meets ``area`` (xmin, ymin,
    xmax, ymax); ids in ``seen`` are skipped (and added). Raises ParseError for files
    that are not CityGML, unsafe, broken or in another CRS (after yielding what was read
    before the break). ``fast``: use the fast path of citygml_fast for the semantic
    surfaces (same results; False reads every element with ElementTree)."""
    stats = stats if stats is not None else ParseStats()
    seen = seen if seen is not None else set()
    source = os.path.basename(path)
    head = _check_head(path)
    rewriter = citygml_fast.from_head(head) if fast else None
    yield from _iterparse_buildings(path, area, seen, stats, expected_epsg, is_canceled,
                                    source, rewriter)


OK, NO_ID, NO_GEOMETRY, OUTSIDE = "ok", "no_id", "no_geometry", "outside"


def classify_members(elem, dim, source, area, fast=None) -> Iterator[Tuple[str, Building]]:
    """(status, building) of the buildings of a member element in document order, by
    the checks that do not depend on the buildings read before (``seen``): OK,
    NO_ID, NO_GEOMETRY (problems added to the building) or OUTSIDE the area."""
    from .area import building_in_area
    qbtag = fast.qbtag if fast is not None else None
    for obj in elem:
        if obj.tag == qbtag and qbtag is not None:  # a whole building of the fast path
            bld = fast.buildings.building(obj, source)
        elif _local(obj.tag) not in BUILDING_TYPES or \
                not _ns(obj.tag).startswith("http://www.opengis.net/citygml"):
            continue
        else:
            bld = building_from_element(obj, dim, source, fast)
        status, problem = _status(bld.gml_id, len(bld.surfaces), source)
        if problem:
            bld.problems.append(problem)
        if status == OK and not building_in_area(bld, area):
            status = OUTSIDE
        yield status, bld


def _status(gml_id: str, n_surfaces: int, source: str) -> Tuple[str, Optional[str]]:
    """(NO_ID, NO_GEOMETRY or OK, the problem to report or None) of a building."""
    if not gml_id:
        return NO_ID, tr("A building without gml:id in {file} was skipped.").format(
            file=source)
    if not n_surfaces:
        return NO_GEOMETRY, tr("Building {id} has no usable geometry and was "
                               "skipped.").format(id=gml_id)
    return OK, None


def classify_columns(cols, area, source):
    """classify_members for buildings as logic.columns Columns (all with a gml:id):
    [(status, gml_id, problems, number of surfaces)] in order, and the Columns of the
    OK ones."""
    from .area import rings_in_area
    entries, keep = [], []
    k = 0
    for i, (gml_id, n) in enumerate(zip(cols.gml_ids, cols.counts)):
        status, problem = _status(gml_id, n, source)
        if status == OK and area is not None and \
                not rings_in_area(cols.exteriors[k:k + n], area):
            status = OUTSIDE
        if status == OK:
            keep.append(i)
        entries.append((status, gml_id, [problem] if problem else [], n))
        k += n
    return entries, (cols if len(keep) == len(entries) else cols.take(keep))


def account(status: str, gml_id: str, problems: List[str], n_surfaces: int, seen: Set[str],
            stats: ParseStats) -> bool:
    """Book a classified building into ``seen`` and ``stats`` as the reader does (in
    document order); True when it is to be imported."""
    if status == NO_ID:
        stats.problems.extend(problems)
        return False
    if gml_id in seen:
        stats.skipped_duplicate += 1
        return False
    if status == NO_GEOMETRY:
        stats.problems.extend(problems)
        return False
    if status == OUTSIDE:
        stats.skipped_outside += 1
        return False
    seen.add(gml_id)
    stats.problems.extend(problems)
    stats.buildings += 1
    stats.surfaces += n_surfaces
    return True


def _member_buildings(elem, dim, source, area, seen, stats,
                      fast=None) -> Iterator[Building]:
    for status, bld in classify_members(elem, dim, source, area, fast):
        if account(status, bld.gml_id, bld.problems, len(bld.surfaces), seen, stats):
            yield bld


def _file_blocks(path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while True:
            data = handle.read(citygml_fast.CHUNK)
            yield data
            if not data:
                return


def segment_blocks(path, prefix: bytes, start: int, end: Optional[int],
                   suffix: bytes) -> Iterator[bytes]:
    """The bytes of a document made of ``prefix`` (the file's head up to the end of
    its root element's start tag), the file's bytes from ``start`` to ``end`` (None:
    to the end of the file) and ``suffix`` (the root's end tag); then b"" as end."""
    yield prefix
    with open(path, "rb") as handle:
        handle.seek(start)
        left = None if end is None else end - start
        while left is None or left > 0:
            data = handle.read(citygml_fast.CHUNK if left is None else
                               min(left, citygml_fast.CHUNK))
            if not data:
                break
            if left is not None:
                left -= len(data)
            yield data
    if suffix:
        yield suffix
    yield b""


def _events(path, rewriter, blocks=None) -> Iterator[Tuple[str, object]]:
    """ElementTree start/end events of the file (or of ``blocks``, byte strings ending
    with b""); with a rewriter the bytes pass through citygml_fast first (surfaces
    become placeholders)."""
    if rewriter is None:
        yield from ET.iterparse(path, events=("start", "end"))
        return
    parser = ET.XMLPullParser(events=("start", "end"))
    buf = b""
    skip = rewriter.skip  # the root element with its namespace declarations
    blocks = _file_blocks(path) if blocks is None else blocks
    for data in blocks:
        buf += data
        if data:
            cut = citygml_fast.cut_point(buf)
            if cut == 0 and len(buf) < 16 * citygml_fast.CHUNK:
                continue
            cut = cut or len(buf)
        else:
            cut = len(buf)
        if cut:
            parser.feed(rewriter.rewrite(buf[:cut], skip))
            skip = 0
            buf = buf[cut:]
            yield from parser.read_events()
        if not data:
            break
    parser.close()
    yield from parser.read_events()


def _iterparse_buildings(path, area, seen, stats, expected_epsg, is_canceled,
                         source, rewriter=None, blocks=None, dim=3,
                         srs_known=False) -> Iterator[Building]:
    try:
        for elem, member_dim in iter_members(path, stats, expected_epsg, source, rewriter,
                                             blocks, dim, srs_known=srs_known):
            yield from _member_buildings(elem, member_dim, source, area, seen, stats,
                                         rewriter)
            if is_canceled is not None and is_canceled():
                return
    except ET.ParseError as exc:
        if rewriter is not None:
            exc = _original_error(path) or exc  # line and column of the file itself
        raise ParseError(
            tr("{file} is not valid XML or is truncated ({error}); {n} buildings read before "
               "the error were kept.").format(file=source, error=exc, n=stats.buildings),
            detail=str(exc), source=path) from exc


def iter_members(path, stats, expected_epsg, source, rewriter=None, blocks=None,
                 dim=3, state=None, srs_known=False) -> Iterator[Tuple[object, int]]:
    """(member element, srsDimension then in force) of the children of the root that
    are feature members; each is cleared when the next is asked for. The first
    srsName of the file with an EPSG code is checked (``srs_known``: it has been
    already, no srsName is looked at); ``dim`` is the srsDimension in force at the
    start (``state``, a dict, gets it as "dim" when it changes). Raises ET.ParseError
    and ParseError."""
    root = None
    depth = 0
    known = srs_known
    for event, elem in _events(path, rewriter, blocks):
        if event == "start":
            depth += 1
            if root is None:
                root = elem
                _check_root(elem, source, path, stats)
                continue
            srs = elem.get("srsName")
            if srs and not known:  # every file on its own (not only the first one)
                _check_srs(srs, source, path, stats, expected_epsg)
                known = stats.epsg is not None
                dim = int(elem.get("srsDimension") or dim)
                if state is not None:
                    state["dim"] = dim
            continue
        depth -= 1
        if depth != 1:
            continue
        if rewriter is not None:
            rewriter.number(elem)
        if _local(elem.tag) not in MEMBERS:
            continue
        yield elem, dim
        root.clear()  # memory bound: drop the member just read
    if root is None:
        raise ParseError(tr("The file {path} is empty.").format(path=path), source=path)


def _original_error(path) -> Optional[ET.ParseError]:
    try:
        for _event, elem in ET.iterparse(path, events=("end",)):
            elem.clear()
    except ET.ParseError as exc:
        return exc
    return None
