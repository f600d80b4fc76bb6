"""The LoD2 GeoPackage: a building layer and a 3D surface layer, written in batches
inside transactions. Buildings are keyed by gml:id: a re-import replaces the rows of a
building (and its surfaces) instead of adding them again.

Lod2Store writes with the standard library's sqlite3 (rows made by compute_rows, here or
in worker processes: adapters.parallel reads large CityGML files that way);
OgrLod2Store writes the same rows through OGR where Python's SQLite lacks the R*Tree
module the GeoPackage's spatial indexes need (open_store chooses)."""

import contextlib
import datetime
import math
import os
import sqlite3
import struct
import sys
from typing import Iterable, Optional, Set

import numpy as np
from osgeo import gdal, ogr, osr

from hamm_core.logic.errors import HammError

from ..logic import columns, wkb
from ..logic.batch import SurfaceMetrics
from ..logic.codelists import SURFACE_TYPES
from ..logic.i18n import tr
from ..logic.model import (
    Building,
    attribute_values,
    footprint_area,
    summarize,
    surface_area,
    tilt_azimuth,
)
from . import gpkg_rtree

BUILDINGS = "gebaeude"
SURFACES = "gebaeude_flaechen"
EPSG = 25832
BATCH = 500
SAVED_TRIGGERS = "hamm_twin_triggers_set_aside"

BUILDING_FIELDS = [
    ("gml_id", ogr.OFTString), ("name", ogr.OFTString),
    ("hoehe", ogr.OFTReal), ("hoehe_gemessen", ogr.OFTReal),
    ("dachform", ogr.OFTString), ("dachform_bez", ogr.OFTString),
    ("geschosse", ogr.OFTInteger), ("funktion", ogr.OFTString),
    ("funktion_bez", ogr.OFTString), ("hoehe_boden", ogr.OFTReal),
    ("hoehe_traufe", ogr.OFTReal), ("hoehe_first", ogr.OFTReal),
    ("grundflaeche", ogr.OFTReal), ("dachflaeche", ogr.OFTReal),
    ("anz_flaechen", ogr.OFTInteger), ("lod", ogr.OFTString),
    ("grundriss_aus", ogr.OFTString), ("quelle", ogr.OFTString),
    ("importiert", ogr.OFTString),
]
SURFACE_FIELDS = [
    ("gml_id", ogr.OFTString), ("flaeche_id", ogr.OFTString), ("teil_id", ogr.OFTString),
    ("typ", ogr.OFTString), ("typ_bez", ogr.OFTString), ("flaeche_m2", ogr.OFTReal),
    ("neigung", ogr.OFTReal), ("ausrichtung", ogr.OFTReal), ("quelle", ogr.OFTString),
]

ogr.UseExceptions()
# a GeoPackage blob header with an xy envelope followed by the head of an ISO WKB
# PolygonZ with one ring (byte order, type, ring count, point count)
_HEADER_POLY1 = struct.Struct("<2sBBi4dBIII")


def _srs():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def footprint_geometry(s) -> Optional[ogr.Geometry]:
    """The building's footprint as a valid OGR MultiPolygon (2D)."""
    return _footprint_from_wkb(wkb.multipolygon(s.footprint, z=False),
                               s.footprint_from_ground)


def _footprint_from_wkb(data: bytes, from_ground: bool) -> Optional[ogr.Geometry]:
    """footprint_geometry from the 2D MultiPolygon WKB of the footprint polygons."""
    geom = ogr.CreateGeometryFromWkb(data)
    if geom.GetGeometryCount() > 1 or not from_ground:
        geom = geom.UnionCascaded() if geom.IsValid() else geom.MakeValid()
    if geom is not None and not geom.IsValid():
        geom = geom.MakeValid()
    if geom is not None:
        geom = ogr.ForceToMultiPolygon(geom)
    return geom


def building_record(bld: Building, stamp: str, metrics=None):
    """(field values by BUILDING_FIELDS name, footprint OGR geometry or None);
    ``metrics`` as for model.summarize."""
    s = summarize(bld, metrics)
    geom = footprint_geometry(s)
    values = {
        "gml_id": s.gml_id, "name": s.name, "hoehe": s.height,
        "hoehe_gemessen": s.measured_height, "dachform": s.roof_type,
        "dachform_bez": s.roof_label, "geschosse": s.storeys, "funktion": s.function,
        "funktion_bez": s.function_label, "hoehe_boden": s.ground_z,
        "hoehe_traufe": s.eaves_z, "hoehe_first": s.ridge_z,
        "grundflaeche": geom.GetArea() if geom is not None else footprint_area(s.footprint),
        "dachflaeche": s.roof_area, "anz_flaechen": s.n_surfaces, "lod": s.lod,
        "grundriss_aus": "GroundSurface" if s.footprint_from_ground else "Projektion",
        "quelle": s.source, "importiert": stamp,
    }
    return values, geom


def surface_records(bld: Building, envelope: bool = False):
    """[(field values by SURFACE_FIELDS name, PolygonZ as ISO WKB[, (minx, maxx, miny,
    maxy)])] of a building."""
    out = []
    for surf in bld.surfaces:
        tilt, azimuth = tilt_azimuth(surf)
        extra = ()
        if envelope:
            ring = surf.rings[0]
            (x0, y0), (x1, y1) = ring[:, :2].min(axis=0).tolist(), \
                ring[:, :2].max(axis=0).tolist()
            extra = ((x0, x1, y0, y1),)
        out.append(({
            "gml_id": bld.gml_id, "flaeche_id": surf.gml_id, "teil_id": surf.part_id,
            "typ": surf.kind, "typ_bez": SURFACE_TYPES.get(surf.kind, surf.kind),
            "flaeche_m2": surface_area(surf), "neigung": tilt,
            "ausrichtung": azimuth if azimuth >= 0 else None, "quelle": bld.source,
        }, wkb.polygon(surf.rings, z=True)) + extra)
    return out


def gpkg_blob(wkb_bytes: bytes, envelope, srs_id: int = EPSG) -> bytes:
    """A GeoPackage geometry blob: header (magic "GP", version 0, flags: little endian,
    xy envelope), SRS id, envelope (minx, maxx, miny, maxy), then the ISO WKB
    (OGC GeoPackage 1.3, 2.1.3 "Geometry Encoding")."""
    return struct.pack("<2sBBi4d", b"GP", 0, 0b011, srs_id, envelope[0], envelope[1],
                       envelope[2], envelope[3]) + wkb_bytes


def _blob_envelope(blob):
    if blob is None or len(blob) < 8 or blob[:2] != b"GP" or blob[3] & 0x10:
        return None
    flags = blob[3]
    if ((flags >> 1) & 0x07) == 0:
        return None  # no envelope stored (not written by this plugin)
    return struct.unpack_from("<4d" if flags & 1 else ">4d", blob, 8)


def _register_gpkg_functions(db) -> None:
    """The SQL functions the GeoPackage R-tree triggers call (normally provided by
    GDAL or SpatiaLite), read from the blob's envelope."""
    def pick(i):
        def func(blob):
            env = _blob_envelope(blob)
            return None if env is None else env[i]
        return func
    db.create_function("ST_MinX", 1, pick(0), deterministic=True)
    db.create_function("ST_MaxX", 1, pick(1), deterministic=True)
    db.create_function("ST_MinY", 1, pick(2), deterministic=True)
    db.create_function("ST_MaxY", 1, pick(3), deterministic=True)
    db.create_function("ST_IsEmpty", 1,
                       lambda blob: 1 if blob is None or (len(blob) > 3 and blob[3] & 0x10)
                       else 0, deterministic=True)


class Prepared:
    """The rows of a batch of buildings without fids (see compute_rows), with the
    envelopes of the footprints (None where there is none) and of the surfaces and the
    number of surfaces per building. Picklable, so that worker processes can make them
    (adapters.parallel); there ``pack()`` puts the rows into a small SQLite database
    (serialized bytes) that the writer copies with one INSERT ... SELECT per table."""
    __slots__ = ("gml_ids", "b_rows", "b_envs", "s_rows", "s_boxes", "s_counts", "packed",
                 "drop")

    def __init__(self, gml_ids, b_rows, b_envs, s_rows, s_boxes, s_counts):
        self.gml_ids, self.b_rows, self.b_envs = gml_ids, b_rows, b_envs
        self.s_rows, self.s_boxes, self.s_counts = s_rows, s_boxes, s_counts
        self.packed = None   # serialized SQLite database with tables b and s
        self.drop = None     # indices of buildings not to write (duplicates)

    def __getstate__(self):
        return tuple(getattr(self, k) for k in self.__slots__)

    def __setstate__(self, state):
        for k, v in zip(self.__slots__, state):
            setattr(self, k, v)

    def pack(self) -> bool:
        """Move the rows into a serialized in-memory SQLite database (Python 3.11+);
        False when that is not available (the rows stay as they are)."""
        if not hasattr(sqlite3.Connection, "serialize"):
            return False
        db = sqlite3.connect(":memory:")
        try:
            # a scratch database: no rollback journal (about a tenth less time)
            db.execute("PRAGMA journal_mode = OFF")
            for table, fields, rows in (("b", BUILDING_FIELDS, self.b_rows),
                                        ("s", SURFACE_FIELDS, self.s_rows)):
                cols = [f for f, _t in fields] + ["geom"]
                # no declared types: values keep the storage class they were bound with;
                # the GeoPackage's column affinities apply when they are copied over
                db.execute("CREATE TABLE {} ({})".format(table, ", ".join(
                    '"{}"'.format(c) for c in cols)))
                with db:
                    db.executemany("INSERT INTO {} VALUES ({})".format(
                        table, ", ".join("?" * len(cols))), rows)
            self.packed = db.serialize()
        finally:
            db.close()
        self.b_rows = self.s_rows = None
        return True

    def select(self, keep) -> None:
        """Leave out the buildings (with their surfaces) whose ``keep`` entry is False."""
        drop = [i for i, wanted in enumerate(keep) if not wanted]
        if not drop:
            return
        keep_s = []
        k = 0
        for wanted, n in zip(keep, self.s_counts):
            if wanted:
                keep_s.extend(range(k, k + n))
            k += n
        pick = [i for i, wanted in enumerate(keep) if wanted]
        if self.packed is None:
            self.b_rows = [self.b_rows[i] for i in pick]
            self.s_rows = [self.s_rows[i] for i in keep_s]
        else:
            self.drop = (drop, sorted(set(range(k)) - set(keep_s)))
        self.gml_ids = [self.gml_ids[i] for i in pick]
        self.b_envs = [self.b_envs[i] for i in pick]
        self.s_counts = [self.s_counts[i] for i in pick]
        self.s_boxes = tuple(arr[keep_s] for arr in self.s_boxes)

    def __len__(self):
        return len(self.gml_ids)

    @property
    def n_surfaces(self) -> int:
        return int(sum(self.s_counts))


# the head of a blob with one ring (_HEADER_POLY1) for many surfaces at once (packed,
# little endian: the same bytes as struct)
_HEAD_DTYPE = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"),
                        ("minx", "<f8"), ("maxx", "<f8"), ("miny", "<f8"), ("maxy", "<f8"),
                        ("order", "u1"), ("type", "<u4"), ("rings", "<u4"), ("points", "<u4")])
_POLY1_2D = struct.pack("<BII", 1, wkb.POLYGON, 1)  # a 2D polygon of one ring
_MULTI_2D = struct.Struct("<BII")
_UINT = struct.Struct("<I")
_GROUND, _ROOF = "GroundSurface", "RoofSurface"


def compute_rows(buildings, stamp: str) -> Prepared:
    """Rows of both tables (without the fid) for a batch of buildings (see
    rows_from_columns)."""
    return rows_from_columns(columns.from_buildings(buildings), stamp)


def rows_from_columns(c: columns.Columns, stamp: str) -> Prepared:
    """Rows of both tables (without the fid) for a batch of buildings as columns; the
    surface numbers and heights of the whole batch come from logic.batch and
    logic.columns in one go (same values as building_record and surface_records, which
    tests compare): the blobs of surfaces of one ring from one array of headers and the
    batch's ring bytes, the footprint WKB from the batch's 2D ring bytes."""
    b_rows, b_envs = [], []
    kinds, holes = c.kinds, c.holes
    m = SurfaceMetrics(None, c.exteriors, holes)
    n_s = len(kinds)
    area, tilt, azimuth = m.area.tolist(), m.tilt.tolist(), m.azimuth.tolist()
    ext_bytes, xy_bytes = m.exterior_bytes, m.exterior_xy_bytes
    ext_start, ext_len = m.exterior_start, m.exterior_len
    head = np.zeros(n_s, dtype=_HEAD_DTYPE)
    head["magic"], head["flags"], head["srs"] = b"GP", 0b011, EPSG
    head["minx"], head["maxx"], head["miny"], head["maxy"] = m.minx, m.maxx, m.miny, m.maxy
    head["order"], head["type"], head["rings"] = 1, 1003, 1
    head["points"] = ext_len
    # bytearray: Python's sqlite3 binds it as a blob straight away (bytes go through its
    # adaptation protocol first: two attribute look-ups per value, a fifth of the time)
    heads = bytearray(head.tobytes())
    size = _HEAD_DTYPE.itemsize
    # the blobs: one ring (the usual case) straight from the bytes, else the WKB made
    blobs = [heads[i * size:(i + 1) * size] + ext_bytes[a * 24:(a + n) * 24]
             for i, (a, n) in enumerate(zip(ext_start, ext_len))]
    for i in holes:
        blobs[i] = heads[i * size:i * size + 40] + wkb.polygon(c.rings(i), z=True)
    ground_z, eaves_z, ridge_z, roof_area, has_ground, has_roof = [
        v.tolist() for v in columns.heights(c.counts, kinds, m.zmin, m.zmax, m.area)]
    k = 0
    for i, (gml_id, attrs, n) in enumerate(zip(c.gml_ids, c.attributes, c.counts)):
        measured, roof_code, roof_label, storeys, func_code, func_label, name = \
            attribute_values(attrs)
        ground, ridge = ground_z[i], ridge_z[i]
        height = measured
        if height is None and n:  # (heights are NaN for a building without surfaces)
            height = ridge - ground
        # the footprint's polygons as summarize chooses them (ground, else roof, else
        # all surfaces), as 2D WKB
        from_ground = has_ground[i]
        if from_ground:
            chosen = [j for j in range(k, k + n) if kinds[j] == _GROUND]
        elif has_roof[i]:
            chosen = [j for j in range(k, k + n) if kinds[j] == _ROOF]
        else:
            chosen = range(k, k + n)
        parts = [_MULTI_2D.pack(1, wkb.MULTIPOLYGON, len(chosen))]
        for j in chosen:
            if j in holes:
                parts.append(wkb.polygon(c.rings(j), z=False))
            else:
                a, cnt = ext_start[j], ext_len[j]
                parts.append(_POLY1_2D + _UINT.pack(cnt) + xy_bytes[a * 16:(a + cnt) * 16])
        geom = _footprint_from_wkb(b"".join(parts), from_ground)
        blob = env = None
        if geom is not None:
            env = geom.GetEnvelope()
            blob = bytearray(gpkg_blob(geom.ExportToIsoWkb(), env))
            ground_area = geom.GetArea()
        else:
            ground_area = footprint_area([c.rings(j) for j in chosen])
        b_envs.append(env)
        # in the order of BUILDING_FIELDS (building_record's values); _sql_value inline:
        # None for None, "" and non-finite floats (v - v is NaN)
        b_rows.append(tuple([None if v is None or v == "" or (type(v) is float and v - v != 0)
                             else v for v in (
                                 gml_id, name, height, measured, roof_code, roof_label,
                                 storeys, func_code, func_label, ground,
                                 eaves_z[i], ridge, ground_area, roof_area[i],
                                 n, c.lods[i], "GroundSurface" if from_ground
                                 else "Projektion", c.sources[i], stamp)]) + (blob,))
        k += n
    owners = [g for g, n in zip(c.gml_ids, c.counts) for _ in range(n)]
    sources = [s or None for s, n in zip(c.sources, c.counts) for _ in range(n)]
    s_rows = list(zip(
        owners, [s or None for s in c.surface_ids], [s or None for s in c.part_ids],
        kinds, [SURFACE_TYPES.get(kind, kind) or None for kind in kinds], area, tilt,
        [az if az >= 0 else None for az in azimuth], sources, blobs))
    return Prepared(list(c.gml_ids), b_rows, b_envs, s_rows,
                    (m.minx, m.maxx, m.miny, m.maxy), list(c.counts))


class Lod2Store:
    """Open (or create) the GeoPackage; ``add()`` buildings; ``close()`` commits.

    The layers are created (or checked) with OGR; the rows are then written in batches
    with the standard library's sqlite3 (executemany of GeoPackage geometry blobs, the
    surface numbers of a batch computed together by logic.batch): far faster than OGR's
    feature-by-feature API. Triggers that would run for every row (OGR's feature counts,
    the R-tree of a new layer) are set aside during the import (their SQL also saved in
    the file, so an interrupted import gets them back next time) and restored at the
    end; the R-tree of a new layer is packed in one go (gpkg_rtree), as is its gml_id
    index; existing indexes are kept up to date by their triggers."""

    def __init__(self, path: str):
        self.final_path, self.created, path, ds = _open_target(path)
        self.path = path
        self.geom_col = {}
        self.fid_col = {}
        self.new_tables = set()
        for name, gtype, fields in ((BUILDINGS, ogr.wkbMultiPolygon, BUILDING_FIELDS),
                                    (SURFACES, ogr.wkbPolygon25D, SURFACE_FIELDS)):
            layer = self._layer(ds, name, gtype, fields)
            self.geom_col[name] = layer.GetGeometryColumn() or "geom"
            self.fid_col[name] = layer.GetFIDColumn() or "fid"
        self.existing: Set[str] = set()
        layer = ds.GetLayerByName(BUILDINGS)
        idx = layer.GetLayerDefn().GetFieldIndex("gml_id")
        layer.SetIgnoredFields([f for f, _t in BUILDING_FIELDS if f != "gml_id"] + ["OGR_GEOMETRY"])
        for feat in layer:
            self.existing.add(feat.GetField(idx))
        layer = None
        ds = None  # OGR lets go of the file; sqlite3 writes the rows
        self.db = sqlite3.connect(path)
        _register_gpkg_functions(self.db)
        # new layers: their R-tree is packed in one go at the end (gpkg_rtree); until
        # then its triggers are set aside, rows get known fids and their envelopes are
        # kept here
        self.triggers = {}
        self.boxes = {t: [] for t in self.new_tables}
        self.boxes_stale = set()
        self.pending_boxes = ({}, 0, 0)
        self.next_fid = {}
        try:
            # no fsync after every batch in a file of our own (renamed at the end); a
            # user's existing GeoPackage keeps SQLite's safe default
            self.db.execute("PRAGMA synchronous = {}".format(
                "OFF" if self.created else "NORMAL"))
            with self.db:
                self.db.execute("BEGIN")  # DDL too in one transaction
                self._restore_saved_triggers()
                for table in (BUILDINGS, SURFACES):
                    self.next_fid[table] = 1 + (self.db.execute('SELECT max("{}") FROM "{}"'.format(
                        self.fid_col[table], table)).fetchone()[0] or 0)
                    self.triggers[table] = self._take_triggers(
                        table, rtree=table in self.new_tables)
        except sqlite3.Error as exc:
            self.db.close()
            raise HammError(tr("The GeoPackage {path} cannot be opened for writing "
                               "({error}).").format(path=path, error=exc)) from exc
        self.b_sql = self._insert_sql(BUILDINGS, BUILDING_FIELDS)
        self.s_sql = self._insert_sql(SURFACES, SURFACE_FIELDS)
        self.pending = []
        self.extent = {}
        self.inserted = 0
        self.updated = 0
        self.stamp = datetime.datetime.now().replace(microsecond=0).isoformat()

    def _take_triggers(self, table, rtree: bool):
        """Drop the triggers that count features (OGR's, _finish counts once) and, of a
        new layer, those of the R-tree; returns their SQL to restore them."""
        prefixes = ("trigger_insert_feature_count_", "trigger_delete_feature_count_")
        if rtree:
            prefixes += ("rtree_{}_{}_".format(table, self.geom_col[table]).lower(),)
        rows = self.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                               "AND lower(tbl_name) = lower(?)", (table,)).fetchall()
        taken = [(n, q) for n, q in rows if n.lower().startswith(prefixes) and q]
        if taken:  # saved in the file too: an import that crashes puts them back next time
            self.db.execute("CREATE TABLE IF NOT EXISTS {} (name TEXT, sql TEXT)".format(
                SAVED_TRIGGERS))
            self.db.executemany("INSERT INTO {} (name, sql) VALUES (?, ?)".format(
                SAVED_TRIGGERS), taken)
        for name, _sql in taken:
            self.db.execute('DROP TRIGGER "{}"'.format(name))
        return [q for _n, q in taken]

    def _restore_saved_triggers(self) -> None:
        """Triggers an interrupted import set aside (its R-tree triggers not: that index
        was dropped by _check_index and is built anew)."""
        exists = self.db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                 "AND name = ?", (SAVED_TRIGGERS,)).fetchone()[0]
        if not exists:
            return
        have = {r[0].lower() for r in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        for name, sql in self.db.execute("SELECT name, sql FROM {}".format(
                SAVED_TRIGGERS)).fetchall():
            if name.lower() not in have and not name.lower().startswith("rtree_"):
                self.db.execute(sql)
        self.db.execute("DROP TABLE {}".format(SAVED_TRIGGERS))

    def _insert_sql(self, table, fields) -> str:
        cols = [self.fid_col[table]] + [f for f, _t in fields] + [self.geom_col[table]]
        return 'INSERT INTO "{}" ({}) VALUES ({})'.format(
            table, ", ".join('"{}"'.format(c) for c in cols), ", ".join("?" * len(cols)))

    def _layer(self, ds, name, gtype, fields):
        layer = ds.GetLayerByName(name)
        if layer is not None:
            defn = layer.GetLayerDefn()
            missing = [f for f, _t in fields if defn.GetFieldIndex(f) < 0]
            if missing:
                raise HammError(tr("The layer {layer} in {path} is not a building layer of "
                                   "this plugin (fields missing: {fields}). Choose another "
                                   "GeoPackage.").format(layer=name, path=self.path,
                                                         fields=", ".join(missing)))
            # rows are written as EPSG:25832 geometries of this type: refuse another layout
            srs = layer.GetSpatialRef()
            epsg = srs.GetAuthorityCode(None) if srs is not None else None
            if str(epsg) != str(EPSG) or ogr.GT_Flatten(layer.GetGeomType()) != \
                    ogr.GT_Flatten(gtype):
                raise HammError(tr("The layer {layer} in {path} has another coordinate system "
                                   "or geometry type than this plugin writes (EPSG:{epsg}). "
                                   "Choose another GeoPackage.").format(
                                       layer=name, path=self.path, epsg=EPSG))
            self._check_index(ds, name, layer.GetGeometryColumn() or "geom")
            return layer
        layer = ds.CreateLayer(name, _srs(), gtype,
                               ["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=NO"])
        for fname, ftype in fields:
            layer.CreateField(ogr.FieldDefn(fname, ftype))
        # the gml_id index is made at the end (_pack_indexes), in one go;
        # the empty R-tree with its triggers, made by GDAL; filled at the end
        ds.ExecuteSQL("SELECT CreateSpatialIndex('{}', '{}')".format(
            name, layer.GetGeometryColumn() or "geom"))
        self.new_tables.add(name)
        return layer

    @staticmethod
    def _check_index(ds, table, geom) -> None:
        """An R-tree without its insert trigger is one an import stopped filling (a
        crash before close): drop it, _finish builds it anew from the rows."""
        rtree = "rtree_{}_{}".format(table, geom)
        res = ds.ExecuteSQL("SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                            "AND lower(name) = lower('{0}')), (SELECT count(*) FROM "
                            "sqlite_master WHERE type = 'trigger' AND lower(name) = "
                            "lower('{0}_insert'))".format(rtree))
        try:
            feat = res.GetNextFeature() if res is not None else None
            broken = feat is not None and feat.GetField(0) and not feat.GetField(1)
        finally:
            if res is not None:
                ds.ReleaseResultSet(res)
        if not broken:
            return
        res = ds.ExecuteSQL("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                            "lower(name) LIKE lower('{}_%')".format(rtree))
        try:
            names = [f.GetField(0) for f in res] if res is not None else []
        finally:
            if res is not None:
                ds.ReleaseResultSet(res)
        for name in names:
            ds.ExecuteSQL('DROP TRIGGER "{}"'.format(name))
        ds.ExecuteSQL('DROP TABLE "{}"'.format(rtree))
        ds.ExecuteSQL("DELETE FROM gpkg_extensions WHERE lower(table_name) = lower('{}') AND "
                      "extension_name = 'gpkg_rtree_index'".format(table))

    def add(self, building: Building) -> None:
        self.pending.append(building)
        if len(self.pending) >= BATCH:
            self.flush()

    def rows(self, buildings):
        """Rows of both tables for a batch of buildings (see compute_rows), with fids
        when the tables are new; the envelopes of the batch are kept for the R-tree."""
        prepared = compute_rows(buildings, self.stamp)
        fid_b, fid_s = self._number(prepared)
        return self._with_fids(prepared, fid_b, fid_s)

    def _with_fids(self, prepared, fid_b, fid_s):
        def number(rows, fid):
            if fid is None:
                return [(None,) + row for row in rows]
            return [(f,) + row for f, row in zip(range(fid, fid + len(rows)), rows)]
        return number(prepared.b_rows, fid_b), number(prepared.s_rows, fid_s)

    def _number(self, prepared: "Prepared"):
        """Extents and R-tree boxes of a batch; (first building fid, first surface fid),
        None for a table that is not new (SQLite gives the fids)."""
        b_new, s_new = BUILDINGS in self.new_tables, SURFACES in self.new_tables
        fid_b, fid_s = self.next_fid[BUILDINGS], self.next_fid[SURFACES]
        n_b, n_s = len(prepared.gml_ids), prepared.n_surfaces
        have = [i for i, env in enumerate(prepared.b_envs) if env is not None]
        envs = np.array([prepared.b_envs[i] for i in have], dtype=float).reshape(-1, 4)
        if have:
            self._extent(BUILDINGS, (float(envs[:, 0].min()), float(envs[:, 1].max()),
                                     float(envs[:, 2].min()), float(envs[:, 3].max())))
        minx, maxx, miny, maxy = prepared.s_boxes
        if n_s:
            self._extent(SURFACES, (float(minx.min()), float(maxx.max()), float(miny.min()),
                                    float(maxy.max())))
        boxes = {}
        if b_new:
            boxes[BUILDINGS] = (np.array(have, dtype=float) + fid_b, envs[:, 0].copy(),
                                envs[:, 1].copy(), envs[:, 2].copy(), envs[:, 3].copy())
        if s_new:
            boxes[SURFACES] = (np.arange(fid_s, fid_s + n_s, dtype=float), minx, maxx,
                               miny, maxy)
        self.pending_boxes = boxes, fid_b + n_b, fid_s + n_s
        return (fid_b if b_new else None), (fid_s if s_new else None)

    def _extent(self, table, env) -> None:
        old = self.extent.get(table)
        if old is None:
            self.extent[table] = tuple(env)
        else:
            self.extent[table] = (min(old[0], env[0]), max(old[1], env[1]),
                                  min(old[2], env[2]), max(old[3], env[3]))

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        self.add_prepared(compute_rows(batch, self.stamp))

    def add_prepared(self, prepared: "Prepared") -> None:
        """Write rows made by compute_rows (here or in a worker process): one
        transaction; buildings already in the layer are replaced with their surfaces."""
        if self.pending:
            self.flush()  # keep the order of the buildings
        if not prepared.gml_ids:
            return
        fid_b, fid_s = self._number(prepared)
        if prepared.packed is None:
            b_rows, s_rows = self._with_fids(prepared, fid_b, fid_s)
        replace = [g for g in prepared.gml_ids if g in self.existing]
        if replace:  # the collected envelopes no longer match the rows
            self.boxes_stale.update(self.new_tables)
        try:
            if prepared.packed is not None:  # attached outside of the transaction
                self.db.execute("ATTACH DATABASE ':memory:' AS hamm_batch")
                self.db.deserialize(prepared.packed, name="hamm_batch")
            with self.db:  # one transaction
                for start in range(0, len(replace), 500):
                    ids = replace[start:start + 500]
                    marks = ", ".join("?" * len(ids))
                    for table in (BUILDINGS, SURFACES):
                        self.db.execute('DELETE FROM "{}" WHERE gml_id IN ({})'.format(
                            table, marks), ids)
                if prepared.packed is None:
                    self.db.executemany(self.b_sql, b_rows)
                    self.db.executemany(self.s_sql, s_rows)
                else:
                    self._copy_packed(prepared, fid_b, fid_s)
        except sqlite3.Error as exc:
            raise HammError(tr("Writing to the GeoPackage {path} failed ({error}).").format(
                path=self.path, error=exc)) from exc
        finally:
            if prepared.packed is not None:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("DETACH DATABASE hamm_batch")
        boxes, self.next_fid[BUILDINGS], self.next_fid[SURFACES] = self.pending_boxes
        for table, arrays in boxes.items():
            self.boxes[table].append(arrays)
        self.updated += len(replace)
        self.inserted += len(prepared.gml_ids) - len(replace)
        self.existing.update(prepared.gml_ids)

    def _copy_packed(self, prepared, fid_b, fid_s) -> None:
        """Copy the rows of a packed batch (in the current transaction): in document
        order, fids counted on from ``fid_b``/``fid_s`` (None: given by SQLite)."""
        if prepared.drop is not None:
            for table, rowids in zip(("b", "s"), prepared.drop):
                self.db.executemany("DELETE FROM hamm_batch.{} WHERE rowid = ?".format(
                    table), [(i + 1,) for i in rowids])
        for table, fields, fid, alias in ((BUILDINGS, BUILDING_FIELDS, fid_b, "b"),
                                          (SURFACES, SURFACE_FIELDS, fid_s, "s")):
            cols = ['"{}"'.format(f) for f, _t in fields]
            if fid is None:
                number = "NULL"
            elif prepared.drop is None:
                number = "rowid - 1 + {:d}".format(fid)
            else:
                number = "row_number() OVER (ORDER BY rowid) - 1 + {:d}".format(fid)
            self.db.execute('INSERT INTO "{}" ("{}", {}, "{}") SELECT {}, {}, geom FROM '
                            'hamm_batch.{} ORDER BY rowid'.format(
                                table, self.fid_col[table], ", ".join(cols),
                                self.geom_col[table], number, ", ".join(cols), alias))

    def close(self) -> None:
        with _finishing(self, (sqlite3.Error, RuntimeError, OSError)):
            try:
                self.flush()
            finally:
                try:
                    self._pack_indexes()
                finally:
                    self.db.close()
                    self.db = None
                    self._finish()

    def _pack_indexes(self) -> None:
        """Fill the R-trees of new layers in one go and put the triggers back (of every
        table, even when one of them fails; the first error is raised at the end)."""
        first_error = None
        for table in (BUILDINGS, SURFACES):
            try:
                self._pack_index(table)
            except (sqlite3.Error, RuntimeError, ValueError) as exc:
                first_error = first_error or exc
        if first_error is not None:
            raise first_error

    def _pack_index(self, table) -> None:
        rtree = "rtree_{}_{}".format(table, self.geom_col[table])
        try:
            if table not in self.new_tables:
                pass
            elif table in self.boxes_stale:
                with self.db:
                    self.db.execute(
                        'INSERT INTO "{0}" SELECT "{1}", ST_MinX("{2}"), ST_MaxX("{2}"), '
                        'ST_MinY("{2}"), ST_MaxY("{2}") FROM "{3}" WHERE "{2}" IS NOT NULL '
                        'AND NOT ST_IsEmpty("{2}")'.format(
                            rtree, self.fid_col[table], self.geom_col[table], table))
            elif self.boxes[table]:
                parts = self.boxes[table]
                cols = [np.concatenate([p[i] for p in parts]) for i in range(5)]
                gpkg_rtree.bulk_load(self.db, rtree, cols[0].astype(np.int64), *cols[1:])
        finally:
            with self.db:
                self.db.execute("BEGIN")
                for sql in self.triggers.get(table, ()):
                    self.db.execute(sql)
                if table == SURFACES:  # the last one
                    self.db.execute("DROP TABLE IF EXISTS {}".format(SAVED_TRIGGERS))
                self.db.execute('CREATE INDEX IF NOT EXISTS "idx_{0}_gml_id" ON "{0}" '
                                '(gml_id)'.format(table))
            self.triggers[table] = []

    def _finish(self) -> None:
        """Spatial index for new layers, extents and feature counts for OGR/QGIS."""
        if self.created:  # our own .part file: no fsync per statement (as in __init__)
            old = gdal.GetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", None)
            gdal.SetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF")
            try:
                ds = ogr.Open(self.path, 1)
            finally:
                gdal.SetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", old)
        else:
            ds = ogr.Open(self.path, 1)
        if ds is None:
            return
        try:
            for table in (BUILDINGS, SURFACES):
                geom = self.geom_col[table]
                # new layers (and any left without one by an interrupted import)
                _ensure_spatial_index(ds, table, geom)
                env = self.extent.get(table)
                if table in self.new_tables and table not in self.boxes_stale and env:
                    ds.ExecuteSQL(
                        "UPDATE gpkg_contents SET min_x = {1!r}, max_x = {2!r}, min_y = {3!r}, "
                        "max_y = {4!r} WHERE lower(table_name) = lower('{0}')".format(
                            table, *[float(v) for v in env]))
                else:
                    ds.ExecuteSQL(_extent_from_rtree_sql(table, geom))
                ds.ExecuteSQL(_count_sql(table))
        finally:
            ds = None


def _open_target(path: str):
    """(final path, created, path to write, OGR data source) of the GeoPackage to import
    into. A new GeoPackage is written as <path>.part and renamed when the import has
    finished (_settle): a crash or an error never leaves a half-built file under the
    name."""
    created = not os.path.exists(path)
    target = path + ".part" if created else path
    if created:
        with contextlib.suppress(OSError):
            os.remove(target)  # left by an earlier crash
    try:
        ds = ogr.Open(target, 1) if not created else \
            ogr.GetDriverByName("GPKG").CreateDataSource(target)
    except RuntimeError as exc:
        raise HammError(tr("The GeoPackage {path} cannot be opened for writing "
                           "({error}).").format(path=target, error=exc)) from exc
    if ds is None:
        raise HammError(tr("The GeoPackage {path} cannot be opened for writing.")
                        .format(path=target))
    return path, created, target, ds


@contextlib.contextmanager
def _finishing(store, errors):
    """The frame of a store's close(): ``errors`` become a HammError, and the file is
    settled (_settle) whether the body went well or not."""
    ok = False
    try:
        yield
        ok = True
    except errors as exc:
        raise HammError(tr("Finishing the GeoPackage {path} failed ({error}).").format(
            path=store.final_path, error=exc)) from exc
    finally:
        _settle(store, ok)


def _settle(store, ok: bool) -> None:
    """The end of an import into a new file: renamed when it went well, else removed."""
    if not store.created:
        return
    if ok:
        _sync(store.path)  # on disk before it gets its name
        os.replace(store.path, store.final_path)
        store.path = store.final_path
    else:
        with contextlib.suppress(OSError):
            os.remove(store.path)


def _ensure_spatial_index(ds, table: str, geom: str) -> None:
    res = ds.ExecuteSQL("SELECT HasSpatialIndex('{}', '{}')".format(table, geom))
    has_index = res is not None and res.GetNextFeature().GetField(0) == 1
    if res is not None:
        ds.ReleaseResultSet(res)
    if not has_index:
        ds.ExecuteSQL("SELECT CreateSpatialIndex('{}', '{}')".format(table, geom))


def _extent_from_rtree_sql(table: str, geom: str) -> str:
    """The layer's extent in gpkg_contents from its R-tree (rows may have moved)."""
    return ("UPDATE gpkg_contents SET min_x = (SELECT min(minx) FROM rtree_{0}_{1}), "
            "max_x = (SELECT max(maxx) FROM rtree_{0}_{1}), min_y = (SELECT min(miny) FROM "
            "rtree_{0}_{1}), max_y = (SELECT max(maxy) FROM rtree_{0}_{1}) WHERE "
            "lower(table_name) = lower('{0}')".format(table, geom))


def _count_sql(table: str) -> str:
    """The feature count OGR and QGIS read from gpkg_ogr_contents."""
    return ("UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM \"{0}\") "
            "WHERE lower(table_name) = lower('{0}')".format(table))


def _sync(path: str) -> None:
    """fsync a file written with SQLite's synchronous=OFF, once, at the end."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def rtree_available() -> bool:
    """Has the SQLite of Python's sqlite3 the R*Tree module? The GeoPackage's spatial
    indexes are R-tree virtual tables: their triggers fire on every row this store
    writes (existing layers) and the index of a new layer is filled through them.
    Some Python builds leave the module out."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE VIRTUAL TABLE temp.hamm_rtree_probe USING rtree(id, x0, x1)")
        db.execute("DROP TABLE temp.hamm_rtree_probe")
        return True
    except sqlite3.Error:
        return False
    finally:
        db.close()


class OgrLod2Store:
    """The slow path of Lod2Store, for a Python whose sqlite3 lacks the R*Tree module:
    the same rows (compute_rows), written feature by feature through OGR (GDAL's own
    SQLite has the module and keeps the spatial index and the counts up to date). The
    same safety rules: a new file is built as <path>.part and renamed at the end, an
    existing layer of another layout is refused, a re-import replaces buildings."""

    ogr_fallback = True
    _check_index = staticmethod(Lod2Store._check_index)

    def __init__(self, path: str):
        self.final_path, self.created, path, ds = _open_target(path)
        self.path = path
        self.ds = ds
        self.new_tables = set()
        self.layers = {}
        try:
            for name, gtype, fields in ((BUILDINGS, ogr.wkbMultiPolygon, BUILDING_FIELDS),
                                        (SURFACES, ogr.wkbPolygon25D, SURFACE_FIELDS)):
                self.layers[name] = Lod2Store._layer(self, ds, name, gtype, fields)
            self._repair(ds)
            self.geom_col = {t: (layer.GetGeometryColumn() or "geom")
                             for t, layer in self.layers.items()}
        except BaseException:
            self.layers = {}
            self.ds = ds = None
            if self.created:
                with contextlib.suppress(OSError):
                    os.remove(self.path)
            raise
        self.existing: Set[str] = set()
        layer = self.layers[BUILDINGS]
        idx = layer.GetLayerDefn().GetFieldIndex("gml_id")
        for feat in layer:
            self.existing.add(feat.GetField(idx))
        layer.ResetReading()
        self.pending = []
        self.inserted = 0
        self.updated = 0
        self.stamp = datetime.datetime.now().replace(microsecond=0).isoformat()

    def _repair(self, ds) -> None:
        """What an interrupted fast import may have left: triggers set aside (put
        back) and an R-tree dropped by _check_index (made anew)."""
        res = ds.ExecuteSQL("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND "
                            "name = '{}'".format(SAVED_TRIGGERS))
        saved = res is not None and res.GetNextFeature() is not None
        if res is not None:
            ds.ReleaseResultSet(res)
        if saved:
            res = ds.ExecuteSQL("SELECT name, sql FROM {}".format(SAVED_TRIGGERS))
            rows = [(f.GetField(0), f.GetField(1)) for f in res] if res is not None else []
            if res is not None:
                ds.ReleaseResultSet(res)
            res = ds.ExecuteSQL("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            have = {f.GetField(0).lower() for f in res} if res is not None else set()
            if res is not None:
                ds.ReleaseResultSet(res)
            for name, sql in rows:
                if name.lower() not in have and not name.lower().startswith("rtree_"):
                    ds.ExecuteSQL(sql)
            ds.ExecuteSQL("DROP TABLE {}".format(SAVED_TRIGGERS))
        for table, layer in self.layers.items():
            _ensure_spatial_index(ds, table, layer.GetGeometryColumn() or "geom")
            ds.ExecuteSQL('CREATE INDEX IF NOT EXISTS "idx_{0}_gml_id" ON "{0}" (gml_id)'
                          .format(table))

    def add(self, building: Building) -> None:
        self.pending.append(building)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        self.add_prepared(compute_rows(batch, self.stamp))

    def add_prepared(self, prepared: Prepared) -> None:
        if self.pending:
            self.flush()
        if not prepared.gml_ids:
            return
        replace = [g for g in prepared.gml_ids if g in self.existing]
        ds = self.ds
        try:
            ds.StartTransaction()
            try:
                for start in range(0, len(replace), 500):
                    ids = ", ".join(_quote(g) for g in replace[start:start + 500])
                    for table in (BUILDINGS, SURFACES):
                        ds.ExecuteSQL('DELETE FROM "{}" WHERE gml_id IN ({})'.format(
                            table, ids))
                for table, fields, rows in ((BUILDINGS, BUILDING_FIELDS, prepared.b_rows),
                                            (SURFACES, SURFACE_FIELDS, prepared.s_rows)):
                    layer = self.layers[table]
                    defn = layer.GetLayerDefn()
                    index = [defn.GetFieldIndex(f) for f, _t in fields]
                    for row in rows:
                        feat = ogr.Feature(defn)
                        for i, value in zip(index, row):
                            if value is None:
                                feat.SetFieldNull(i)
                            else:
                                feat.SetField(i, value)
                        blob = row[-1]
                        if blob is not None:  # the ISO WKB after the 40-byte header
                            feat.SetGeometryDirectly(ogr.CreateGeometryFromWkb(blob[40:]))
                        layer.CreateFeature(feat)
            except BaseException:
                ds.RollbackTransaction()
                raise
            ds.CommitTransaction()
        except RuntimeError as exc:
            raise HammError(tr("Writing to the GeoPackage {path} failed ({error}).").format(
                path=self.path, error=exc)) from exc
        self.updated += len(replace)
        self.inserted += len(prepared.gml_ids) - len(replace)
        self.existing.update(prepared.gml_ids)

    def close(self) -> None:
        with _finishing(self, (RuntimeError,)):
            try:
                self.flush()
            finally:
                self.layers = {}
                self.ds = None  # OGR writes extents and counts
            ds = ogr.Open(self.path, 1)  # counts and extents as Lod2Store._finish sets them
            if ds is not None:
                for table in (BUILDINGS, SURFACES):
                    if table not in self.new_tables:  # rows may have moved or gone
                        ds.ExecuteSQL(_extent_from_rtree_sql(table, self.geom_col[table]))
                    ds.ExecuteSQL(_count_sql(table))
                ds = None


def open_store(gpkg: str, feedback=None):
    """The GeoPackage store: Lod2Store, or OgrLod2Store where Python's sqlite3 has no
    R*Tree module (with a note in the log)."""
    if rtree_available():
        return Lod2Store(gpkg)
    message = tr("The SQLite of this Python has no R-tree module: the GeoPackage is "
                 "written through GDAL instead (slower, same result).")
    if feedback is not None and hasattr(feedback, "pushInfo"):
        feedback.pushInfo(message)
    if "qgis.core" in sys.modules:  # QGIS's message log where there is one
        from hamm_core.adapters.messages import log
        log(message)
    return OgrLod2Store(gpkg)


def _sql_value(value):
    if value is None or value == "":
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def import_files(paths: Iterable[str], gpkg: str, area=None, feedback=None,
                 reader_for=None, on_error=None, target=None) -> dict:
    """Import LoD2 files into ``gpkg`` (or into ``target``, another store with add(),
    flush(), close(), inserted and updated, e.g. the PostGIS store); returns counts. A
    file that fails is reported through ``on_error(path, error)`` (when given; else
    raised) and the others go on. ``area``: None, an (xmin, ymin, xmax, ymax) box or a
    logic.area.AreaFilter."""
    from ..logic import lod2
    from ..logic.citygml import ParseStats
    from . import parallel
    if parallel.restarted_in_worker():
        raise HammError(tr("The LoD2 import was started again inside one of its own worker "
                           "processes: a Python script must call it under 'if __name__ == "
                           "\"__main__\":' (the workers run the script once more)."))
    reader_for = reader_for or lod2.reader_for
    paths = list(paths)
    stats = ParseStats()
    seen: Set[str] = set()
    store = target if target is not None else open_store(gpkg, feedback)
    failed = []
    processes = {"workers": 0, "worker_peak_kb": 0}
    canceled = (feedback.isCanceled) if feedback is not None else None
    # many tiles that are each too small for workers of their own share them
    shared = None
    if len(paths) > 1 and parallel.Workers.worth_it(
            _sizes_for_workers(paths, store, reader_for)):
        shared = parallel.Workers()
    try:
        for i, path in enumerate(paths):
            if canceled is not None and canceled():
                break
            try:
                reader = reader_for(path)
                if parallel.suitable(store, reader) and parallel.import_file(
                        path, store, area, seen, stats, canceled, info=processes,
                        shared=shared):
                    pass  # read by worker processes (large CityGML files, or many)
                else:
                    for bld in reader(path, area=area, seen=seen, stats=stats,
                                      is_canceled=canceled):
                        store.add(bld)
            except HammError as err:
                store.flush()
                failed.append(path)
                if on_error is None:
                    raise
                on_error(path, err)
            if feedback is not None:
                feedback.setProgress(100.0 * (i + 1) / max(1, len(paths)))
    finally:
        try:
            if shared is not None:
                processes["pools"] = shared.started
                shared.close()
        finally:
            store.close()
    return {"buildings": stats.buildings, "surfaces": stats.surfaces,
            "inserted": store.inserted, "updated": store.updated,
            "outside": stats.skipped_outside, "duplicates": stats.skipped_duplicate,
            "problems": stats.problems, "failed": failed, "processes": processes}


def _sizes_for_workers(paths, store, reader_for):
    """The sizes of the files worker processes could read (CityGML into a GeoPackage);
    a path that cannot be looked at is left out (its error comes when it is read)."""
    from . import parallel
    sizes = []
    for path in paths:
        try:
            if os.path.isfile(path) and parallel.suitable(store, reader_for(path)):
                sizes.append(os.path.getsize(path))
        except (HammError, OSError):
            pass
    return sizes


STYLE_TABLE = """CREATE TABLE IF NOT EXISTS layer_styles (
 id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256),
 f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT,
 styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
 update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"""


def write_styles(gpkg: str, qml_by_layer: dict) -> None:
    """Default styles (QML) per layer into the GeoPackage's layer_styles table."""
    ds = ogr.Open(gpkg, 1)
    if ds is None:
        return
    try:
        ds.ExecuteSQL(STYLE_TABLE)
        for table, qml in qml_by_layer.items():
            ds.ExecuteSQL("DELETE FROM layer_styles WHERE f_table_name = {}".format(
                _quote(table)))
            ds.ExecuteSQL(
                "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, "
                "owner, ui) VALUES ('', '', {t}, 'geom', {t}, {q}, '', 1, 'Digitales Hamm', "
                "'', '')".format(t=_quote(table), q=_quote(qml)))
    finally:
        ds = None


def layer_uri(gpkg: str, layer: str) -> str:
    return "{}|layername={}".format(gpkg, layer)


def open_buildings(gpkg: str) -> Optional[object]:
    """OGR data source of a twin GeoPackage (read-only), or None."""
    if not os.path.exists(gpkg):
        return None
    return ogr.Open(gpkg, 0)
