"""The LoD2 GeoPackage: a building layer and a 3D surface layer, written with OGR in
batches inside transactions. Buildings are keyed by gml:id: a re-import replaces the
rows of a building (and its surfaces) instead of adding them again."""

import datetime
import os
from typing import Iterable, Optional, Set

from osgeo import ogr, osr

from hamm_core.logic.errors import HammError

from ..logic import wkb
from ..logic.codelists import SURFACE_TYPES
from ..logic.i18n import tr
from ..logic.model import Building, footprint_area, summarize, surface_area, tilt_azimuth

BUILDINGS = "gebaeude"
SURFACES = "gebaeude_flaechen"
EPSG = 25832
BATCH = 500

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


def _srs():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class Lod2Store:
    """Open (or create) the GeoPackage; ``add()`` buildings; ``close()`` commits."""

    def __init__(self, path: str):
        self.path = path
        try:
            if os.path.exists(path):
                self.ds = ogr.Open(path, 1)
            else:
                self.ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
        except RuntimeError as exc:
            raise HammError(tr("The GeoPackage {path} cannot be opened for writing "
                               "({error}).").format(path=path, error=exc)) from exc
        if self.ds is None:
            raise HammError(tr("The GeoPackage {path} cannot be opened for writing.")
                            .format(path=path))
        self.buildings = self._layer(BUILDINGS, ogr.wkbMultiPolygon, BUILDING_FIELDS)
        self.surfaces = self._layer(SURFACES, ogr.wkbPolygon25D, SURFACE_FIELDS)
        self.bidx = {f: self.buildings.GetLayerDefn().GetFieldIndex(f)
                     for f, _t in BUILDING_FIELDS}
        self.sidx = {f: self.surfaces.GetLayerDefn().GetFieldIndex(f)
                     for f, _t in SURFACE_FIELDS}
        self.existing: Set[str] = set()
        self.buildings.ResetReading()
        idx = self.buildings.GetLayerDefn().GetFieldIndex("gml_id")
        for feat in self.buildings:
            self.existing.add(feat.GetField(idx))
        self.buildings.ResetReading()
        self.pending = []
        self.inserted = 0
        self.updated = 0
        self.stamp = datetime.datetime.now().replace(microsecond=0).isoformat()

    def _layer(self, name, gtype, fields):
        layer = self.ds.GetLayerByName(name)
        if layer is not None:
            defn = layer.GetLayerDefn()
            missing = [f for f, _t in fields if defn.GetFieldIndex(f) < 0]
            if missing:
                raise HammError(tr("The layer {layer} in {path} is not a building layer of "
                                   "this plugin (fields missing: {fields}). Choose another "
                                   "GeoPackage.").format(layer=name, path=self.path,
                                                         fields=", ".join(missing)))
            return layer
        layer = self.ds.CreateLayer(name, _srs(), gtype, ["FID=fid", "GEOMETRY_NAME=geom"])
        for fname, ftype in fields:
            layer.CreateField(ogr.FieldDefn(fname, ftype))
        self.ds.ExecuteSQL("CREATE INDEX IF NOT EXISTS idx_{0}_gml_id ON {0} (gml_id)"
                           .format(name))
        return layer

    def add(self, building: Building) -> None:
        self.pending.append(building)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        self.ds.StartTransaction()
        try:
            replace = [b.gml_id for b in self.pending if b.gml_id in self.existing]
            for start in range(0, len(replace), 200):
                ids = ",".join(_quote(i) for i in replace[start:start + 200])
                self.ds.ExecuteSQL("DELETE FROM {} WHERE gml_id IN ({})".format(BUILDINGS, ids))
                self.ds.ExecuteSQL("DELETE FROM {} WHERE gml_id IN ({})".format(SURFACES, ids))
            self.updated += len(replace)
            self.inserted += len(self.pending) - len(replace)
            for bld in self.pending:
                self._write(bld)
                self.existing.add(bld.gml_id)
            self.ds.CommitTransaction()
        except Exception:
            self.ds.RollbackTransaction()
            raise
        finally:
            self.pending = []

    def _write(self, bld: Building) -> None:
        s = summarize(bld)
        geom = ogr.CreateGeometryFromWkb(wkb.multipolygon(s.footprint, z=False))
        if geom.GetGeometryCount() > 1 or not s.footprint_from_ground:
            geom = geom.UnionCascaded() if geom.IsValid() else geom.MakeValid()
        if geom is not None and not geom.IsValid():
            geom = geom.MakeValid()
        if geom is not None:
            geom = ogr.ForceToMultiPolygon(geom)
        feat = ogr.Feature(self.buildings.GetLayerDefn())
        values = {
            "gml_id": s.gml_id, "name": s.name, "hoehe": s.height,
            "hoehe_gemessen": s.measured_height, "dachform": s.roof_type,
            "dachform_bez": s.roof_label, "geschosse": s.storeys, "funktion": s.function,
            "funktion_bez": s.function_label, "hoehe_boden": s.ground_z,
            "hoehe_traufe": s.eaves_z, "hoehe_first": s.ridge_z,
            "grundflaeche": geom.GetArea() if geom is not None else footprint_area(s.footprint),
            "dachflaeche": s.roof_area, "anz_flaechen": s.n_surfaces, "lod": s.lod,
            "grundriss_aus": "GroundSurface" if s.footprint_from_ground else "Projektion",
            "quelle": s.source, "importiert": self.stamp,
        }
        for key, value in values.items():
            if value is not None and value != "":
                feat.SetField(self.bidx[key], value)
        if geom is not None:
            feat.SetGeometryDirectly(geom)
        self.buildings.CreateFeature(feat)
        sdefn = self.surfaces.GetLayerDefn()
        for surf in bld.surfaces:
            tilt, azimuth = tilt_azimuth(surf)
            sf = ogr.Feature(sdefn)
            i = self.sidx
            sf.SetField(i["gml_id"], bld.gml_id)
            if surf.gml_id:
                sf.SetField(i["flaeche_id"], surf.gml_id)
            if surf.part_id:
                sf.SetField(i["teil_id"], surf.part_id)
            sf.SetField(i["typ"], surf.kind)
            sf.SetField(i["typ_bez"], SURFACE_TYPES.get(surf.kind, surf.kind))
            sf.SetField(i["flaeche_m2"], surface_area(surf))
            sf.SetField(i["neigung"], tilt)
            if azimuth >= 0:
                sf.SetField(i["ausrichtung"], azimuth)
            sf.SetField(i["quelle"], bld.source)
            sf.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb.polygon(surf.rings, z=True)))
            self.surfaces.CreateFeature(sf)

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.buildings = self.surfaces = None
            self.ds = None


def import_files(paths: Iterable[str], gpkg: str, area=None, feedback=None,
                 reader_for=None, on_error=None) -> dict:
    """Import LoD2 files into ``gpkg``; returns counts. A file that fails is reported
    through ``on_error(path, error)`` (when given; else raised) and the others go on."""
    from ..logic import lod2
    from ..logic.citygml import ParseStats
    reader_for = reader_for or lod2.reader_for
    paths = list(paths)
    stats = ParseStats()
    seen: Set[str] = set()
    store = Lod2Store(gpkg)
    failed = []
    canceled = (feedback.isCanceled) if feedback is not None else None
    try:
        for i, path in enumerate(paths):
            if canceled is not None and canceled():
                break
            try:
                for bld in reader_for(path)(path, area=area, seen=seen, stats=stats,
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
        store.close()
    return {"buildings": stats.buildings, "surfaces": stats.surfaces,
            "inserted": store.inserted, "updated": store.updated,
            "outside": stats.skipped_outside, "duplicates": stats.skipped_duplicate,
            "problems": stats.problems, "failed": failed}


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
