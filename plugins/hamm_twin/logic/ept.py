"""Entwine Point Tile (EPT 1.0) with uncompressed ("binary") point data: a small writer
(for tests and the demo) and a check of a local ept.json before QGIS opens it.

Layout as the EPT specification (entwine.io, "Entwine Point Tile") describes it:

- ``ept.json``: ``bounds`` (the cubic octree volume) and ``boundsConforming`` (the data's
  own extent), both ``[xmin, ymin, zmin, xmax, ymax, zmax]`` in the coordinates of
  ``srs``; ``dataType`` ("binary": points as packed records following ``schema``, files
  ``.bin``); ``hierarchyType`` ("json"); ``points`` (total); ``schema`` (dimensions with
  ``name``, ``type`` signed/unsigned/float, ``size`` in bytes, optional ``scale`` and
  ``offset``: value = stored * scale + offset); ``span`` (voxels per axis of a node, a power
  of 2); ``srs`` (``authority``, ``horizontal``, optional ``vertical``, ``wkt``);
  ``version``.
- ``ept-hierarchy/0-0-0-0.json``: ``{"D-X-Y-Z": point count}`` of the nodes that hold
  points.
- ``ept-data/D-X-Y-Z.bin``: the node's points. The byte order of the binary records is
  little endian (as the PDAL/Entwine producers and readers use it).

The writer puts every point into the root node ``0-0-0-0`` while the point count stays
below ``node_limit``; above it the points are spread over an octree: each node keeps at
most one point per voxel of a ``span``³ grid over its cube, the rest goes down to the
eight children (additive, as the specification requires).
"""

import json
import math
import os
from typing import Dict, Optional

import numpy as np

from hamm_core.logic.errors import ParseError

from .i18n import tr

EPT_VERSION = "1.0.0"
_TYPES = {("signed", 1): "i1", ("signed", 2): "<i2", ("signed", 4): "<i4",
          ("signed", 8): "<i8", ("unsigned", 1): "u1", ("unsigned", 2): "<u2",
          ("unsigned", 4): "<u4", ("unsigned", 8): "<u8", ("float", 4): "<f4",
          ("float", 8): "<f8"}


def _dtype(schema):
    return np.dtype([(d["name"], _TYPES[(d["type"], int(d["size"]))]) for d in schema])


def write_ept(folder: str, x, y, z, classification=None, intensity=None,
              epsg: int = 25832, scale: float = 0.01, span: int = 128,
              node_limit: int = 100_000, max_depth: int = 8, wkt: Optional[str] = None
              ) -> Dict:
    """Write an EPT dataset into ``folder`` (created); returns the ept.json content.
    Dimensions: X, Y, Z (int32, ``scale``, offset at the centre), Intensity and, when
    ``classification`` is given, Classification (uint8, ASPRS classes).
    ``wkt``: the CRS as WKT for srs.wkt (default: GDAL's WKT of EPSG:``epsg``; "" leaves
    it out, only authority and horizontal code remain)."""
    x, y, z = (np.asarray(a, dtype=np.float64).ravel() for a in (x, y, z))
    n = len(x)
    if n == 0 or not (len(y) == len(z) == n):
        raise ValueError("write_ept needs the same number (> 0) of x, y and z values")
    cls = None if classification is None else \
        np.asarray(classification, dtype=np.uint8).ravel()
    inten = np.zeros(n, np.uint16) if intensity is None else \
        np.asarray(intensity, dtype=np.uint16).ravel()
    conforming = [float(x.min()), float(y.min()), float(z.min()),
                  float(x.max()), float(y.max()), float(z.max())]
    # the octree's cube: centred on the data, its edge the largest extent (whole metres)
    centre = [(conforming[i] + conforming[i + 3]) / 2.0 for i in range(3)]
    half = math.ceil(max(conforming[i + 3] - conforming[i] for i in range(3)) / 2.0) + 1.0
    bounds = [centre[0] - half, centre[1] - half, centre[2] - half,
              centre[0] + half, centre[1] + half, centre[2] + half]
    offset = [float(round(c)) for c in centre]
    schema = [
        {"name": "X", "type": "signed", "size": 4, "scale": scale, "offset": offset[0]},
        {"name": "Y", "type": "signed", "size": 4, "scale": scale, "offset": offset[1]},
        {"name": "Z", "type": "signed", "size": 4, "scale": scale, "offset": offset[2]},
        {"name": "Intensity", "type": "unsigned", "size": 2},
    ]
    if cls is not None:  # without classes no Classification dimension
        schema.append({"name": "Classification", "type": "unsigned", "size": 1})
    records = np.zeros(n, dtype=_dtype(schema))
    for name, values, off in (("X", x, offset[0]), ("Y", y, offset[1]),
                              ("Z", z, offset[2])):
        records[name] = np.round((values - off) / scale).astype(np.int64)
    records["Intensity"] = inten
    if cls is not None:
        records["Classification"] = cls
    os.makedirs(os.path.join(folder, "ept-data"), exist_ok=True)
    os.makedirs(os.path.join(folder, "ept-hierarchy"), exist_ok=True)
    hierarchy = {}
    # nodes by the stored (quantised) coordinates, as a reader sees them
    stored = np.column_stack([records[a] * scale + off for a, off in zip("XYZ", offset)])
    _write_node(folder, records, stored, np.arange(n), (0, 0, 0, 0),
                bounds, span, node_limit, max_depth, hierarchy)
    meta = {
        "bounds": bounds,
        "boundsConforming": conforming,
        "dataType": "binary",
        "hierarchyType": "json",
        "points": int(n),
        "schema": schema,
        "span": int(span),
        "srs": _srs(epsg, wkt),
        "version": EPT_VERSION,
    }
    with open(os.path.join(folder, "ept-hierarchy", "0-0-0-0.json"), "w",
              encoding="utf-8") as handle:
        json.dump(hierarchy, handle)
    with open(os.path.join(folder, "ept.json"), "w", encoding="utf-8") as handle:
        json.dump(meta, handle, indent=1)
    return meta


def _srs(epsg: int, wkt: Optional[str]) -> Dict:
    srs = {"authority": "EPSG", "horizontal": str(int(epsg))}
    if wkt is None:
        try:
            from osgeo import osr
            ref = osr.SpatialReference()
            if ref.ImportFromEPSG(int(epsg)) == 0:
                wkt = ref.ExportToWkt()
        except ImportError:  # pragma: no cover - GDAL ships with QGIS
            wkt = ""
    if wkt:
        srs["wkt"] = wkt
    return srs


def _write_node(folder, records, xyz, idx, key, cube, span, node_limit, max_depth,
                hierarchy) -> None:
    depth, kx, ky, kz = key
    if idx.size <= node_limit or depth >= max_depth:
        keep, rest = idx, idx[:0]
    else:
        # one point per voxel of the span³ grid over this node's cube stays here
        size = (cube[3] - cube[0]) / span
        vox = np.floor((xyz[idx] - np.array(cube[:3])) / size).astype(np.int64)
        vox = np.clip(vox, 0, span - 1)
        code = (vox[:, 0] * span + vox[:, 1]) * span + vox[:, 2]
        _u, first = np.unique(code, return_index=True)
        mask = np.zeros(idx.size, bool)
        mask[first] = True
        keep, rest = idx[mask], idx[~mask]
    name = "{}-{}-{}-{}".format(depth, kx, ky, kz)
    records[keep].tofile(os.path.join(folder, "ept-data", name + ".bin"))
    hierarchy[name] = int(keep.size)
    if rest.size == 0:
        return
    mid = [(cube[i] + cube[i + 3]) / 2.0 for i in range(3)]
    p = xyz[rest]
    octant = ((p[:, 0] >= mid[0]).astype(int) * 4 + (p[:, 1] >= mid[1]).astype(int) * 2
              + (p[:, 2] >= mid[2]).astype(int))
    for o in range(8):
        sub = rest[octant == o]
        if sub.size == 0:
            continue
        bx, by, bz = (o >> 2) & 1, (o >> 1) & 1, o & 1
        child = [mid[0] if bx else cube[0], mid[1] if by else cube[1],
                 mid[2] if bz else cube[2], cube[3] if bx else mid[0],
                 cube[4] if by else mid[1], cube[5] if bz else mid[2]]
        _write_node(folder, records, xyz, sub, (depth + 1, 2 * kx + bx, 2 * ky + by,
                                                2 * kz + bz),
                    child, span, node_limit, max_depth, hierarchy)


def read_points(folder: str) -> Dict[str, np.ndarray]:
    """All points of a local binary EPT dataset (every node of the hierarchy) as arrays
    with the scaled values (for checks and small datasets)."""
    meta = check_metadata(os.path.join(folder, "ept.json"))
    with open(os.path.join(folder, "ept-hierarchy", "0-0-0-0.json"), encoding="utf-8") as h:
        hierarchy = json.load(h)
    dtype = _dtype(meta["schema"])
    parts = [np.fromfile(os.path.join(folder, "ept-data", key + ".bin"), dtype=dtype)
             for key, count in hierarchy.items() if count > 0]
    rec = np.concatenate(parts) if parts else np.zeros(0, dtype)
    out = {}
    for dim in meta["schema"]:
        values = rec[dim["name"]]
        if "scale" in dim or "offset" in dim:
            values = values * float(dim.get("scale", 1.0)) + float(dim.get("offset", 0.0))
        out[dim["name"]] = values
    return out


def check_metadata(path: str) -> Dict:
    """Read and check a local ept.json: JSON object with the required keys, six-number
    bounds, a schema with X/Y/Z of known types, a data type QGIS reads and the root
    files present. Raises ParseError with a message a user can act on."""
    source = os.path.basename(os.path.dirname(path)) or path
    if not os.path.isfile(path):
        raise ParseError(tr("The point cloud {path} does not exist.").format(path=path),
                         source=path)
    try:
        with open(path, encoding="utf-8") as handle:
            meta = json.load(handle)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ParseError(tr("{file}: ept.json is not valid JSON ({error}).").format(
            file=source, error=exc), source=path) from exc
    if not isinstance(meta, dict):
        raise ParseError(tr("{file}: ept.json must hold a JSON object.").format(file=source),
                         source=path)
    missing = [k for k in ("bounds", "boundsConforming", "dataType", "hierarchyType",
                           "points", "schema", "span") if k not in meta]
    if missing:
        raise ParseError(tr("{file}: ept.json lacks the entries {keys} required by the EPT "
                            "specification.").format(file=source, keys=", ".join(missing)),
                         source=path)
    for key in ("bounds", "boundsConforming"):
        value = meta[key]
        if not (isinstance(value, list) and len(value) == 6 and
                all(isinstance(v, (int, float)) for v in value)) or \
                any(value[i] > value[i + 3] for i in range(3)):
            raise ParseError(tr("{file}: '{key}' must be six numbers xmin, ymin, zmin, xmax, "
                                "ymax, zmax.").format(file=source, key=key), source=path)
    schema = meta["schema"]
    names = []
    if isinstance(schema, list):
        for dim in schema:
            if not isinstance(dim, dict) or (dim.get("type"), dim.get("size")) not in _TYPES:
                names = []
                break
            names.append(dim.get("name"))
    if not all(axis in names for axis in ("X", "Y", "Z")):
        raise ParseError(tr("{file}: the schema of ept.json needs the dimensions X, Y and Z "
                            "with a type and size of the EPT specification.").format(
                                file=source), source=path)
    if meta["dataType"] not in ("binary", "laszip", "zstandard"):
        raise ParseError(tr("{file}: unknown dataType '{type}' (binary, laszip or "
                            "zstandard).").format(file=source, type=meta["dataType"]),
                         source=path)
    folder = os.path.dirname(path)
    if not os.path.isfile(os.path.join(folder, "ept-hierarchy", "0-0-0-0.json")):
        raise ParseError(tr("{file}: the hierarchy ept-hierarchy/0-0-0-0.json is "
                            "missing.").format(file=source), source=path)
    with open(os.path.join(folder, "ept-hierarchy", "0-0-0-0.json"), encoding="utf-8") as h:
        try:
            root = json.load(h).get("0-0-0-0", 0)
        except (ValueError, AttributeError) as exc:
            raise ParseError(tr("{file}: the hierarchy ept-hierarchy/0-0-0-0.json is not "
                                "valid JSON ({error}).").format(file=source, error=exc),
                             source=path) from exc
    suffix = {"binary": ".bin", "laszip": ".laz", "zstandard": ".zst"}[meta["dataType"]]
    data = os.path.join(folder, "ept-data", "0-0-0-0" + suffix)
    if isinstance(root, int) and root > 0:
        if not os.path.isfile(data):
            raise ParseError(tr("{file}: the point data ept-data/0-0-0-0{suffix} is "
                                "missing.").format(file=source, suffix=suffix), source=path)
        if meta["dataType"] == "binary":
            need = root * _dtype(meta["schema"]).itemsize
            if os.path.getsize(data) < need:
                raise ParseError(tr("{file}: the point data ept-data/0-0-0-0.bin is "
                                    "truncated ({size} of {need} bytes).").format(
                                        file=source, size=os.path.getsize(data), need=need),
                                 source=path)
    return meta


def srs_code(meta: Dict) -> Optional[str]:
    """'EPSG:25832' from the srs entry of ept.json, None without authority/horizontal."""
    srs = meta.get("srs") or {}
    if isinstance(srs, dict) and srs.get("authority") and srs.get("horizontal"):
        return "{}:{}".format(srs["authority"], srs["horizontal"]).upper()
    return None
