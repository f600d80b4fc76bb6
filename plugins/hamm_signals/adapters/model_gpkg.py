"""Create the junction model as a GeoPackage in one step (tables, constraints, German
forms and styles stored in the GeoPackage), fill the pilot junction, load it into a project.

Constraints live in the GeoPackage itself as SQLite triggers (foreign keys: a zone belongs
to one existing camera and one junction, and to the camera's junction), so they hold for
every client, not only for QGIS forms.
"""

import os
import re
from typing import Dict, List, Optional

from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFeature,
    QgsFieldConstraints,
    QgsFillSymbol,
    QgsGeometry,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsProject,
    QgsProperty,
    QgsRelation,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ..logic import model
from ..logic.errors import SignalsError
from ..logic.i18n import tr

OGR_TYPES = {"str": ogr.OFTString, "int": ogr.OFTInteger, "real": ogr.OFTReal,
             "bool": ogr.OFTInteger}
OGR_GEOM = {"Point": ogr.wkbPoint, "LineString": ogr.wkbLineString, "Polygon": ogr.wkbPolygon,
            None: ogr.wkbNone}
TABLE_ORDER = [model.JUNCTIONS, model.SIGNAL_GROUPS, model.CAMERAS, model.LANES,
               model.STOP_LINES, model.ZONES]


def layer_uri(path: str, table: str) -> str:
    return "{}|layername={}".format(path, table)


def _triggers(table: str, fld: str, parent: str) -> List[str]:
    msg = "{}.{}: {} {}".format(table, fld, "no such", parent)
    cond = "NEW.{f} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {p} WHERE fid = NEW.{f})".format(
        f=fld, p=parent)
    out = []
    for event in ("INSERT", "UPDATE"):
        out.append("CREATE TRIGGER fk_{t}_{f}_{e} BEFORE {E} ON {t} FOR EACH ROW WHEN {c} "
                   "BEGIN SELECT RAISE(ABORT, '{m}'); END".format(
                       t=table, f=fld, e=event.lower(), E=event, c=cond, m=msg))
    out.append("CREATE TRIGGER fk_{t}_{f}_del BEFORE DELETE ON {p} FOR EACH ROW WHEN EXISTS "
               "(SELECT 1 FROM {t} WHERE {f} = OLD.fid) BEGIN SELECT RAISE(ABORT, "
               "'{p} in use by {t}'); END".format(t=table, f=fld, p=parent))
    return out


ZONE_CAMERA_JUNCTION = (
    "CREATE TRIGGER zone_camera_junction_{e} BEFORE {E} ON detektionszonen FOR EACH ROW "
    "WHEN NEW.kamera_id IS NOT NULL AND NEW.knoten_id IS NOT NULL AND "
    "EXISTS (SELECT 1 FROM kameras WHERE fid = NEW.kamera_id) AND "
    "(SELECT knoten_id FROM kameras WHERE fid = NEW.kamera_id) IS NOT NEW.knoten_id "
    "BEGIN SELECT RAISE(ABORT, 'detektionszonen: camera of another junction'); END")


def create_model(path: str, feedback=None) -> None:
    """Create an empty model GeoPackage at `path` (which must not exist yet)."""
    if os.path.exists(path):
        raise SignalsError(tr("{path} exists already. Choose a new file name; an existing "
                              "file is never overwritten.").format(path=path))
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(path)
    if ds is None:
        raise SignalsError(tr("The GeoPackage {path} cannot be created: {error}").format(
            path=path, error=gdal.GetLastErrorMsg()))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    for table in TABLE_ORDER:
        geom = model.GEOMETRY[table]
        lyr = ds.CreateLayer(table, srs if geom else None, OGR_GEOM[geom],
                             ["FID=fid", "GEOMETRY_NAME=geom"] if geom else ["FID=fid"])
        for name, kind, _alias, not_null in model.FIELDS[table]:
            fdef = ogr.FieldDefn(name, OGR_TYPES[kind])
            if kind == "bool":
                fdef.SetSubType(ogr.OFSTBoolean)
            fdef.SetNullable(not not_null)
            lyr.CreateField(fdef)
    for table, fld, parent in model.RELATIONS:
        for sql in _triggers(table, fld, parent):
            ds.ExecuteSQL(sql)
    for event in ("INSERT", "UPDATE"):
        ds.ExecuteSQL(ZONE_CAMERA_JUNCTION.format(e=event.lower(), E=event))
    ds = None
    _save_styles(path)
    if feedback is not None:
        feedback.pushInfo(tr("Model created: {path}").format(path=path))


def discard_model(path: str) -> bool:
    """Remove a model GeoPackage this plugin has just created (with SQLite's side files);
    False when it cannot be removed (e.g. still open elsewhere on Windows)."""
    ok = True
    for name in (path, path + "-wal", path + "-shm", path + "-journal"):
        try:
            os.remove(name)
        except FileNotFoundError:
            pass
        except OSError:
            ok = False
    return ok


def _value_relation(provider: str, parent: str) -> QgsEditorWidgetSetup:
    # The parent layer is found by name in the project (QGIS resolves the layer reference
    # by id or name only): a source path would be absolute inside the stored style and go
    # stale as soon as the GeoPackage moves.
    return QgsEditorWidgetSetup("ValueRelation", {
        "Layer": "", "LayerName": model.LAYER_NAMES_DE[parent],
        "LayerSource": "", "LayerProviderName": provider,
        "Key": "fid", "Value": "name", "AllowNull": True, "OrderByValue": True})


def _value_map(pairs) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup("ValueMap", {"map": [{label: value} for value, label in pairs]})


def style_layer(layer: QgsVectorLayer, table: str) -> None:
    """German aliases, form widgets, form constraints, renderer and labels of a model layer
    (GeoPackage or PostGIS)."""
    parents = {fld: parent for child, fld, parent in model.RELATIONS if child == table}
    for name, kind, alias, not_null in model.FIELDS[table]:
        idx = layer.fields().indexOf(name)
        layer.setFieldAlias(idx, alias)
        if not_null:
            layer.setFieldConstraint(idx, QgsFieldConstraints.ConstraintNotNull,
                                     QgsFieldConstraints.ConstraintStrengthHard)
        if name in parents:
            layer.setEditorWidgetSetup(idx, _value_relation(layer.providerType(),
                                                            parents[name]))
        elif kind == "bool":
            layer.setEditorWidgetSetup(idx, QgsEditorWidgetSetup("CheckBox", {}))
            layer.setDefaultValueDefinition(idx, QgsDefaultValue("false"))
        elif name == "funktion":
            layer.setEditorWidgetSetup(idx, _value_map(model.FUNCTIONS))
        elif name == "art":
            layer.setEditorWidgetSetup(idx, _value_map(model.SIGNAL_KINDS))
        elif name == "richtung":
            layer.setEditorWidgetSetup(idx, _value_map(model.DIRECTIONS))
    expr = {
        "azimut_grad": ('"azimut_grad" >= 0 AND "azimut_grad" < 360',
                        "Blickrichtung 0 bis < 360° (im Uhrzeigersinn ab Nord)"),
        "neigung_grad": ('"neigung_grad" > 0 AND "neigung_grad" < 90',
                         "Neigung zwischen 0 und 90° unter dem Horizont"),
        "hoehe_m": ('"hoehe_m" > 0', "Montagehöhe größer 0 m"),
        "max_reichweite_m": ('"max_reichweite_m" > 0', "Reichweite größer 0 m"),
        "klasse_fuss": ('"klasse_kfz" OR "klasse_rad" OR "klasse_fuss"',
                        "Mindestens eine Verkehrsart (Kfz, Rad, Fußverkehr) ankreuzen"),
    }
    for name, (expression, desc) in expr.items():
        idx = layer.fields().indexOf(name)
        if idx >= 0:
            layer.setConstraintExpression(idx, expression, desc)
            layer.setFieldConstraint(idx, QgsFieldConstraints.ConstraintExpression,
                                     QgsFieldConstraints.ConstraintStrengthHard)
    if table == model.ZONES:
        layer.setConstraintExpression(layer.fields().indexOf("name"), 'is_valid($geometry)',
                                      "Die Zone darf sich nicht selbst schneiden")
    set_renderer(layer, table)
    layer.setDisplayExpression('"name"' if "name" in layer.fields().names() else '"fid"')


def set_renderer(layer: QgsVectorLayer, table: str) -> None:
    if table == model.ZONES:
        colours = {"waiting": "227,26,28", "request": "31,120,180", "counting": "51,160,44"}
        cats = []
        for value, label in model.FUNCTIONS:
            sym = QgsFillSymbol.createSimple({"color": colours[value] + ",100",
                                              "outline_color": colours[value] + ",255",
                                              "outline_width": "0.5"})
            cats.append(QgsRendererCategory(value, sym, label))
        layer.setRenderer(QgsCategorizedSymbolRenderer("funktion", cats))
        _labels(layer, '"name"')
    elif table == model.CAMERAS:
        sym = QgsMarkerSymbol.createSimple({"name": "triangle", "color": "#6a3d9a",
                                            "outline_color": "white", "size": "4.5"})
        sym.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.PropertyAngle,
                                                  QgsProperty.fromField("azimut_grad"))
        layer.setRenderer(QgsSingleSymbolRenderer(sym))
        _labels(layer, '"name"')
    elif table == model.LANES:
        sym = QgsLineSymbol.createSimple({"color": "#555555", "width": "0.4",
                                          "line_style": "dash"})
        layer.setRenderer(QgsSingleSymbolRenderer(sym))
    elif table == model.STOP_LINES:
        sym = QgsLineSymbol.createSimple({"color": "#000000", "width": "1.0"})
        layer.setRenderer(QgsSingleSymbolRenderer(sym))
    elif table == model.JUNCTIONS:
        sym = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#ff7f00", "size": "3"})
        layer.setRenderer(QgsSingleSymbolRenderer(sym))


def _labels(layer: QgsVectorLayer, expression: str) -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    fmt = QgsTextFormat()
    fmt.setSize(8)
    fmt.setColor(QColor("#202020"))
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _save_styles(path: str) -> None:
    for table in TABLE_ORDER:
        layer = QgsVectorLayer(layer_uri(path, table), model.LAYER_NAMES_DE[table], "ogr")
        style_layer(layer, table)
        layer.saveStyleToDatabase(model.LAYER_NAMES_DE[table], "Digitales Hamm", True, "")
        del layer


def _feature(fields, rec: Dict) -> QgsFeature:
    feat = QgsFeature(fields)
    for name in fields.names():
        if name != "fid" and rec.get(name) is not None:
            feat[name] = rec[name]
    if "xy" in rec:
        feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*rec["xy"])))
    elif "line" in rec:
        feat.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in rec["line"]]))
    elif "ring" in rec:
        feat.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in rec["ring"]]]))
    return feat


def insert_records(layer: QgsVectorLayer, records: List[Dict]):
    """Add records through the layer's provider: (ok, new fids, provider errors)."""
    provider = layer.dataProvider()
    ok, added = provider.addFeatures([_feature(layer.fields(), rec) for rec in records])
    return ok, ([f.id() for f in added] if ok else []), provider.errors()


def add_records(path, table: str, records: List[Dict]) -> List[int]:
    """Insert records (geometry in 'xy', 'line' or 'ring'); returns the new fids. Raises
    SignalsError with the GeoPackage's message when a constraint refuses a record.
    `path` may also be a PostGIS model (adapters.model_pg.PgModel)."""
    if not isinstance(path, str):
        return path.add_records(table, records)
    layer = QgsVectorLayer(layer_uri(path, table), table, "ogr")
    ok, fids, errors = insert_records(layer, records)
    del layer
    if not ok:
        found = [m.group(1) for m in (re.search(r"failed to execute \w+ : (.*)", e) for e in errors)
                 if m]
        raise SignalsError(tr("The records were refused by the model's rules: {error}").format(
            error="; ".join(found or errors[-1:]) or "?"))
    return fids


def load_model(path: str, project: Optional[QgsProject] = None, group_name: str = "") -> Dict:
    """Add the model's layers (styled, German names) in a group and the relations."""
    def make(table):
        layer = QgsVectorLayer(layer_uri(path, table), model.LAYER_NAMES_DE[table], "ogr")
        if not layer.isValid():
            raise SignalsError(tr("{path} holds no table {table}; it is not a detection zone "
                                  "model.").format(path=path, table=table))
        return layer
    return load_layers(make, project, group_name)


def load_layers(make_layer, project: Optional[QgsProject] = None, group_name: str = "") -> Dict:
    """Add the layers made by make_layer(table) in a group, with the model's relations."""
    project = project or QgsProject.instance()
    made = {table: make_layer(table) for table in reversed(TABLE_ORDER)}
    group = project.layerTreeRoot().insertGroup(0, group_name or tr("Detection zones"))
    for layer in made.values():
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    manager = project.relationManager()
    for child, fld, parent in model.RELATIONS:
        rel = QgsRelation()
        rel.setId("{}_{}".format(child, fld))
        rel.setName("{} – {}".format(model.LAYER_NAMES_DE[child], model.LAYER_NAMES_DE[parent]))
        rel.setReferencingLayer(made[child].id())
        rel.setReferencedLayer(made[parent].id())
        rel.addFieldPair(fld, "fid")
        if rel.isValid():
            manager.addRelation(rel)
    return made
