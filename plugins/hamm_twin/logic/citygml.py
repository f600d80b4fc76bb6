"""Streaming reader for CityGML 1.0, 2.0 (and the building part of 3.0) LoD1/LoD2 files.

The file is read with ``xml.etree.ElementTree.iterparse``: one city object member at a
time is built in memory, turned into a ``Building`` and cleared, so a tile of hundreds of
megabytes needs only the memory of its largest building. Before parsing, the prolog is
checked by hamm_core's ``check_xml_safe`` (no entity declarations, no external entities).
Namespaces are matched by local name within the CityGML/GML families, so CityGML 1.0
(GML 3.1.1), 2.0 and 3.0 (GML 3.2) read alike; elements of unknown namespaces (ADEs) are
ignored.
"""

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Callable, Iterator, List, Optional, Set

import numpy as np

from hamm_core.logic.errors import ParseError
from hamm_core.logic.safexml import check_xml_safe

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
    values: List[float] = []
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
                    problems.append(tr("{where}: a polygon has no usable coordinates "
                                       "(missing or broken posList) and was skipped.")
                                    .format(where=where))
                    return None
                continue
            if name in ("exterior", "outerBoundaryIs"):
                rings.insert(0, ring)
            else:
                rings.append(ring)
    return rings or None


def _collect_polygons(elem, dim, problems, where) -> List[List[np.ndarray]]:
    out = []
    for poly in elem.iter():
        if _local(poly.tag) == "Polygon":
            rings = _polygon(poly, dim, problems, where)
            if rings:
                out.append(rings)
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


def building_from_element(elem, dim: int = 3, source: str = "") -> Building:
    """Turn one bldg:Building element (with its parts) into a Building."""
    bld = Building(gml_id=_gml_id(elem), source=source)
    _read_attributes(elem, bld.attributes)
    where = bld.gml_id or "?"
    typed: List[Surface] = []
    lod_geoms = {}

    def walk(node, part_id: str):
        for child in node:
            ns, name = _ns(child.tag), _local(child.tag)
            if not _known_ns(ns):
                continue  # ADE or unknown namespace
            if name == "BuildingPart":
                pid = _gml_id(child)
                bld.parts.append(pid)
                _read_attributes(child, bld.attributes)
                walk(child, pid)
            elif name in SURFACE_KINDS:
                sid = _gml_id(child)
                for rings in _collect_polygons(child, dim, bld.problems, where):
                    typed.append(Surface(name, rings, sid, part_id))
            elif name.startswith("lod") and (name.endswith(("Solid", "MultiSurface"))):
                lod = name[3]
                polys = _collect_polygons(child, dim, bld.problems, where)
                if polys:
                    lod_geoms.setdefault(lod, []).extend((p, part_id) for p in polys)
            else:
                walk(child, part_id)

    walk(elem, "")
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
                   is_canceled: Optional[Callable[[], bool]] = None) -> Iterator[Building]:
    """Yield the buildings of a CityGML file whose bbox meets ``area`` (xmin, ymin,
    xmax, ymax); ids in ``seen`` are skipped (and added). Raises ParseError for files
    that are not CityGML, unsafe, broken or in another CRS (after yielding what was read
    before the break)."""
    stats = stats if stats is not None else ParseStats()
    seen = seen if seen is not None else set()
    source = os.path.basename(path)
    _check_head(path)
    yield from _iterparse_buildings(path, area, seen, stats, expected_epsg, is_canceled,
                                    source)


def _member_buildings(elem, dim, source, area, seen, stats) -> Iterator[Building]:
    from .area import building_in_area
    for obj in elem:
        if _local(obj.tag) not in BUILDING_TYPES or \
                not _ns(obj.tag).startswith("http://www.opengis.net/citygml"):
            continue
        bld = building_from_element(obj, dim, source)
        if not bld.gml_id:
            bld.problems.append(tr("A building without gml:id in {file} was "
                                   "skipped.").format(file=source))
            stats.problems.extend(bld.problems)
            continue
        if bld.gml_id in seen:
            stats.skipped_duplicate += 1
            continue
        if not bld.surfaces:
            bld.problems.append(tr("Building {id} has no usable geometry and was "
                                   "skipped.").format(id=bld.gml_id))
            stats.problems.extend(bld.problems)
            continue
        if not building_in_area(bld, area):
            stats.skipped_outside += 1
            continue
        seen.add(bld.gml_id)
        stats.problems.extend(bld.problems)
        stats.buildings += 1
        stats.surfaces += len(bld.surfaces)
        yield bld


def _iterparse_buildings(path, area, seen, stats, expected_epsg, is_canceled,
                         source) -> Iterator[Building]:
    root = None
    dim = 3
    depth = 0
    try:
        for event, elem in ET.iterparse(path, events=("start", "end")):
            if event == "start":
                depth += 1
                if root is None:
                    root = elem
                    _check_root(elem, source, path, stats)
                    continue
                srs = elem.get("srsName")
                if srs and stats.epsg is None:
                    _check_srs(srs, source, path, stats, expected_epsg)
                    dim = int(elem.get("srsDimension") or dim)
                continue
            depth -= 1
            if depth != 1 or _local(elem.tag) not in MEMBERS:
                continue
            yield from _member_buildings(elem, dim, source, area, seen, stats)
            root.clear()  # memory bound: drop the member just read
            if is_canceled is not None and is_canceled():
                return
    except ET.ParseError as exc:
        raise ParseError(
            tr("{file} is not valid XML or is truncated ({error}); {n} buildings read before "
               "the error were kept.").format(file=source, error=exc, n=stats.buildings),
            detail=str(exc), source=path) from exc
    if root is None:
        raise ParseError(tr("The file {path} is empty.").format(path=path), source=path)
