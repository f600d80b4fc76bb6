"""The building model both parsers produce, and what is derived from it (heights,
footprint, surface areas, tilt and orientation). Pure Python + numpy."""

import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import numpy as np

from .codelists import ROOF_TYPES, function_code, function_label, label, normalize_code

Ring = np.ndarray  # (n, 3) float64, closed (first == last)


@dataclass
class Surface:
    kind: str                 # RoofSurface, WallSurface, GroundSurface, ... or Unclassified
    rings: List[Ring]         # exterior first, then holes
    gml_id: str = ""
    part_id: str = ""


@dataclass
class Building:
    gml_id: str
    attributes: Dict[str, object] = field(default_factory=dict)
    surfaces: List[Surface] = field(default_factory=list)
    parts: List[str] = field(default_factory=list)
    lod: str = ""
    source: str = ""
    problems: List[str] = field(default_factory=list)

    def bbox(self) -> Optional[Tuple[float, float, float, float]]:
        if not self.surfaces:
            return None
        pts = np.concatenate([s.rings[0] for s in self.surfaces])
        return (float(pts[:, 0].min()), float(pts[:, 1].min()),
                float(pts[:, 0].max()), float(pts[:, 1].max()))


def close_ring(coords: np.ndarray) -> Optional[Ring]:
    """A closed ring of at least 4 points (3 distinct), or None."""
    if coords.ndim != 2 or coords.shape[0] < 3:
        return None
    if not math.isfinite(float(coords.sum())):  # NaN or infinite anywhere
        return None
    if coords[0].tolist() != coords[-1].tolist():
        coords = np.vstack([coords, coords[:1]])
    if coords.shape[0] < 4:
        return None
    return coords


def newell_normal(ring: Ring) -> Tuple[float, float, float]:
    """Normal vector of a planar ring (Newell's method); length = 2 * area. Plain Python
    floats: for the few vertices of a building surface far faster than numpy calls."""
    pts = ring.tolist()
    nx = ny = nz = 0.0
    for (x, y, z), (x1, y1, z1) in zip(pts, pts[1:]):
        nx += (y - y1) * (z + z1)
        ny += (z - z1) * (x + x1)
        nz += (x - x1) * (y + y1)
    return nx, ny, nz


def _norm(v) -> float:
    return math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2])


def surface_area(surface: Surface) -> float:
    """3D area of a polygon with holes."""
    if not surface.rings:
        return 0.0
    area = _norm(newell_normal(surface.rings[0])) / 2.0
    for hole in surface.rings[1:]:
        area -= _norm(newell_normal(hole)) / 2.0
    return float(max(area, 0.0))


def tilt_azimuth(surface: Surface) -> Tuple[float, float]:
    """(tilt in degrees from horizontal, azimuth of the downslope direction in degrees
    clockwise from north; -1 for a flat or vertical-less surface)."""
    n = newell_normal(surface.rings[0])
    length = _norm(n)
    if length == 0:
        return 0.0, -1.0
    nx, ny, nz = n[0] / length, n[1] / length, n[2] / length
    if nz < 0:  # orient upwards (outward normals of roofs point up)
        nx, ny, nz = -nx, -ny, -nz
    tilt = math.degrees(math.acos(max(-1.0, min(1.0, nz))))
    if tilt < 1e-6:
        return 0.0, -1.0
    azimuth = (math.degrees(math.atan2(nx, ny)) + 360.0) % 360.0
    return tilt, azimuth


def footprint_area(rings_2d: List[List[Ring]]) -> float:
    """Plan area of polygons given as lists of rings (uses x, y only)."""
    total = 0.0
    for rings in rings_2d:
        for i, ring in enumerate(rings):
            x, y = ring[:, 0], ring[:, 1]
            a = abs(float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))) / 2.0
            total += a if i == 0 else -a
    return total


def _float(value) -> Optional[float]:
    try:
        out = float(str(value).strip())
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def _int(value) -> Optional[int]:
    f = _float(value)
    return None if f is None else int(round(f))


@dataclass
class BuildingSummary:
    """One row of the building layer."""
    gml_id: str
    measured_height: Optional[float]
    roof_type: str
    roof_label: str
    storeys: Optional[int]
    function: str
    function_label: str
    name: str
    ground_z: Optional[float]
    eaves_z: Optional[float]
    ridge_z: Optional[float]
    height: Optional[float]          # measured height, else ridge - ground
    roof_area: float
    n_surfaces: int
    lod: str
    source: str
    footprint: List[List[Ring]]      # polygons (rings) for the footprint
    footprint_from_ground: bool


def attribute_values(a: Dict[str, object]):
    """(measured height, roof type code, its label, storeys, function code, its label,
    name) of a building's attributes, as in the building layer."""
    roof_code = normalize_code(a.get("roofType"))
    func_code = function_code(a.get("function"))
    return (_float(a.get("measuredHeight")), roof_code, label(ROOF_TYPES, roof_code),
            _int(a.get("storeysAboveGround")), func_code, function_label(func_code),
            str(a.get("name") or ""))


def summarize(b: Building, metrics=None) -> BuildingSummary:
    """The building layer's row. ``metrics``: optional (z minima, z maxima, areas) of the
    surfaces' exterior rings, in the order of ``b.surfaces``, computed beforehand for
    many buildings at once (logic.batch); the result is the same."""
    if metrics is None:
        zmin = [float(s.rings[0][:, 2].min()) for s in b.surfaces]
        zmax = [float(s.rings[0][:, 2].max()) for s in b.surfaces]
        areas = None
    else:
        zmin, zmax, areas = metrics
    grounds, roofs, roof_i = [], [], []
    ground_z = ridge_z = eaves_z = None
    for i, s in enumerate(b.surfaces):
        if s.kind == "GroundSurface":
            grounds.append(s)
            ground_z = zmin[i] if ground_z is None else min(ground_z, zmin[i])
        elif s.kind == "RoofSurface":
            roofs.append(s)
            roof_i.append(i)
            ridge_z = zmax[i] if ridge_z is None else max(ridge_z, zmax[i])
            eaves_z = zmin[i] if eaves_z is None else min(eaves_z, zmin[i])
    if not grounds and zmin:
        ground_z = float(min(zmin))
    if not roofs and zmax:
        ridge_z = eaves_z = float(max(zmax))
    if areas is None:
        roof_area = float(sum(surface_area(s) for s in roofs))
    else:
        roof_area = float(sum(areas[i] for i in roof_i))
    measured, roof_code, roof_label, storeys, func_code, func_label, name = \
        attribute_values(b.attributes)
    height = measured
    if height is None and ridge_z is not None and ground_z is not None:
        height = ridge_z - ground_z
    if grounds:
        footprint = [s.rings for s in grounds]
    else:
        footprint = [s.rings for s in (roofs or b.surfaces)]
    return BuildingSummary(
        gml_id=b.gml_id, measured_height=measured, roof_type=roof_code,
        roof_label=roof_label, storeys=storeys, function=func_code, function_label=func_label,
        name=name, ground_z=ground_z, eaves_z=eaves_z, ridge_z=ridge_z,
        height=height, roof_area=roof_area,
        n_surfaces=len(b.surfaces), lod=b.lod, source=b.source, footprint=footprint,
        footprint_from_ground=bool(grounds))


def intersects(bbox, area) -> bool:
    """Do two (xmin, ymin, xmax, ymax) boxes overlap? ``area`` None means everywhere."""
    if area is None:
        return True
    if bbox is None:
        return False
    return not (bbox[2] < area[0] or bbox[0] > area[2] or bbox[3] < area[1] or bbox[1] > area[3])
