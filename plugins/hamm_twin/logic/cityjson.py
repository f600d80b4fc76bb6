"""Reader for CityJSON 1.0/1.1/2.0 files and CityJSON Text Sequences (CityJSONSeq,
.jsonl: one CityJSONFeature per line, streamed line by line).

Vertices are integers with ``transform`` (scale, translate) from 1.1 on; 1.0 files may
carry real coordinates. Semantics give the surface types; of several LoDs the highest
one up to 2.x is used. BuildingParts are merged into their parent building.
"""

import json
import os
from typing import Callable, Dict, Iterator, List, Optional, Set

import numpy as np

from hamm_core.logic.errors import ParseError

from .area import building_in_area
from .citygml import ParseStats
from .crs import epsg_of
from .i18n import tr
from .model import Building, Surface, close_ring

SEMANTIC_KINDS = {"RoofSurface", "WallSurface", "GroundSurface", "ClosureSurface",
                  "OuterCeilingSurface", "OuterFloorSurface"}


def _vertices(doc: dict, transform: Optional[dict], source: str) -> np.ndarray:
    verts = np.asarray(doc.get("vertices") or [], dtype=float)
    if verts.size == 0:
        return np.zeros((0, 3))
    if verts.ndim != 2 or verts.shape[1] != 3:
        raise ParseError(tr("{file}: the vertices are not a list of x, y, z triples.")
                         .format(file=source), source=source)
    if transform:
        scale = np.asarray(transform.get("scale", [1, 1, 1]), dtype=float)
        translate = np.asarray(transform.get("translate", [0, 0, 0]), dtype=float)
        verts = verts * scale + translate
    return verts


def _lod_key(geom: dict) -> float:
    try:
        lod = float(geom.get("lod", 0))
    except (TypeError, ValueError):
        return -1.0
    return lod if lod < 3 else -1.0


def _surfaces(geom: dict, verts: np.ndarray, part_id: str, problems: List[str],
              where: str) -> List[Surface]:
    gtype = geom.get("type")
    bounds = geom.get("boundaries") or []
    sem = geom.get("semantics") or {}
    sem_surfaces = sem.get("surfaces") or []
    values = sem.get("values")
    # flatten to a list of (surface boundaries, semantic index)
    flat = []
    if gtype in ("MultiSurface", "CompositeSurface"):
        for i, srf in enumerate(bounds):
            flat.append((srf, values[i] if isinstance(values, list) and i < len(values) else None))
    elif gtype == "Solid":
        for si, shell in enumerate(bounds):
            vshell = values[si] if isinstance(values, list) and si < len(values) else None
            for i, srf in enumerate(shell):
                flat.append((srf, vshell[i] if isinstance(vshell, list) and i < len(vshell)
                             else None))
    elif gtype in ("MultiSolid", "CompositeSolid"):
        for di, solid in enumerate(bounds):
            vsolid = values[di] if isinstance(values, list) and di < len(values) else None
            for si, shell in enumerate(solid):
                vshell = vsolid[si] if isinstance(vsolid, list) and si < len(vsolid) else None
                for i, srf in enumerate(shell):
                    flat.append((srf, vshell[i] if isinstance(vshell, list) and i < len(vshell)
                                 else None))
    out = []
    nverts = len(verts)
    for srf, sem_idx in flat:
        rings = []
        for k, ring_idx in enumerate(srf if isinstance(srf, list) else []):
            try:
                idx = np.asarray(ring_idx, dtype=np.int64).ravel()
            except (TypeError, ValueError):
                idx = np.zeros(0, dtype=np.int64)
            ring = None
            if idx.size >= 3 and idx.min() >= 0 and idx.max() < nverts:
                ring = close_ring(verts[idx])
            if ring is None:
                problems.append(tr("{where}: a ring refers to missing vertices and was "
                                   "skipped.").format(where=where))
                if k == 0:
                    rings = []
                    break
                continue
            rings.append(ring)
        if not rings:
            continue
        kind = "Unclassified"
        if isinstance(sem_idx, int) and 0 <= sem_idx < len(sem_surfaces):
            stype = (sem_surfaces[sem_idx] or {}).get("type", "")
            if stype in SEMANTIC_KINDS:
                kind = stype
        out.append(Surface(kind, rings, "", part_id))
    return out


def _building(obj_id: str, objects: Dict[str, dict], verts: np.ndarray,
              source: str) -> Building:
    obj = objects[obj_id]
    bld = Building(gml_id=obj_id, source=source)
    attrs = dict(obj.get("attributes") or {})
    for key, value in attrs.items():
        bld.attributes[key] = value
    todo = [(obj_id, "")]
    best_lod = None
    while todo:
        oid, part = todo.pop(0)
        o = objects.get(oid) or {}
        if oid != obj_id:
            bld.parts.append(oid)
            for key, value in (o.get("attributes") or {}).items():
                bld.attributes.setdefault(key, value)
        geoms = [g for g in (o.get("geometry") or []) if _lod_key(g) >= 0]
        if geoms:
            geom = max(geoms, key=_lod_key)
            bld.surfaces.extend(_surfaces(geom, verts, part, bld.problems, obj_id))
            lod = str(geom.get("lod"))
            best_lod = lod if best_lod is None else max(best_lod, lod)
        for child in o.get("children") or []:
            if (objects.get(child) or {}).get("type") == "BuildingPart":
                todo.append((child, child))
    bld.lod = best_lod or ""
    return bld


def _check_crs(doc: dict, source: str, expected: int, stats: ParseStats) -> None:
    ref = (doc.get("metadata") or {}).get("referenceSystem") or ""
    code = epsg_of(str(ref))
    if code is not None:
        stats.epsg = code
        if code != expected:
            raise ParseError(
                tr("{file} is in the CRS {crs} (EPSG:{code}); the import expects "
                   "EPSG:{expected}. Reproject the file first or choose the matching "
                   "tiles.").format(file=source, crs=ref, code=code, expected=expected),
                source=source)


def _load_json(text: str, source: str):
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ParseError(tr("{file} is not valid JSON ({error}).").format(
            file=source, error=exc), detail=str(exc), source=source) from exc


def _emit(doc, verts, source, area, seen, stats) -> Iterator[Building]:
    objects = doc.get("CityObjects") or {}
    if not isinstance(objects, dict):
        raise ParseError(tr("{file}: CityObjects is not an object.").format(file=source),
                         source=source)
    for oid, obj in objects.items():
        if not isinstance(obj, dict) or obj.get("type") != "Building" or obj.get("parents"):
            continue
        if oid in seen:
            stats.skipped_duplicate += 1
            continue
        bld = _building(oid, objects, verts, source)
        if not bld.surfaces:
            stats.problems.append(tr("Building {id} has no usable geometry and was "
                                     "skipped.").format(id=oid))
            continue
        if not building_in_area(bld, area):
            stats.skipped_outside += 1
            continue
        seen.add(oid)
        stats.problems.extend(bld.problems)
        stats.buildings += 1
        stats.surfaces += len(bld.surfaces)
        yield bld


def iter_buildings(path: str, area=None, seen: Optional[Set[str]] = None,
                   stats: Optional[ParseStats] = None, expected_epsg: int = 25832,
                   is_canceled: Optional[Callable[[], bool]] = None) -> Iterator[Building]:
    """Buildings of a CityJSON file (.json) or CityJSONSeq file (.jsonl)."""
    stats = stats if stats is not None else ParseStats()
    seen = seen if seen is not None else set()
    source = os.path.basename(path)
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise ParseError(tr("The file {path} cannot be read ({error}).").format(
            path=path, error=exc.strerror or exc), source=path) from exc
    if size == 0:
        raise ParseError(tr("The file {path} is empty.").format(path=path), source=path)
    with open(path, encoding="utf-8") as handle:
        first = handle.readline()
        header = _load_json(first, source) if path.lower().endswith(".jsonl") else None
        if header is not None:  # CityJSONSeq: header line, then one feature per line
            _check_doc(header, source)
            _check_crs(header, source, expected_epsg, stats)
            stats.version = str(header.get("version", ""))
            transform = header.get("transform")
            for line in handle:
                if is_canceled is not None and is_canceled():
                    return
                if not line.strip():
                    continue
                feat = _load_json(line, source)
                verts = _vertices(feat, transform, source)
                yield from _emit(feat, verts, source, area, seen, stats)
            return
        doc = _load_json(first + handle.read(), source)
    _check_doc(doc, source)
    _check_crs(doc, source, expected_epsg, stats)
    stats.version = str(doc.get("version", ""))
    verts = _vertices(doc, doc.get("transform"), source)
    yield from _emit(doc, verts, source, area, seen, stats)


def _check_doc(doc, source: str) -> None:
    if not isinstance(doc, dict) or doc.get("type") != "CityJSON":
        raise ParseError(tr("{file} is not a CityJSON document (\"type\": \"CityJSON\" is "
                            "missing).").format(file=source), source=source)
