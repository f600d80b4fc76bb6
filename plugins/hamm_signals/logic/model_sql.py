"""The junction model as a PostGIS schema: DDL and the meaning of its constraints.

The tables and fields are those of logic/model.py (the same as in the GeoPackage). In
PostgreSQL the rules live in the database as real constraints, so every client (QGIS forms,
psql, an import script) is held to them:

- foreign keys for every relation (a zone's camera, junction, lane and signal group must
  exist; a junction in use cannot be deleted),
- a composite foreign key (kamera_id, knoten_id) -> kameras (fid, knoten_id): a zone belongs
  to one camera and to that camera's junction (the GeoPackage does this with a trigger),
- check constraints for the value ranges the GeoPackage's forms enforce (heading, tilt,
  height, range, at least one road-user class, valid zone outline, known value lists).

Constraint names are stable so that a refusal can be explained (CONSTRAINT_MESSAGES).
"""

import re
from typing import Dict, List, Optional

from hamm_core.logic.i18n import tr_noop

from . import model
from .errors import SignalsError
from .i18n import tr

SRID = 25832
PG_TYPES = {"str": "text", "int": "integer", "real": "double precision", "bool": "boolean"}
TABLE_ORDER = [model.JUNCTIONS, model.SIGNAL_GROUPS, model.CAMERAS, model.LANES,
               model.STOP_LINES, model.ZONES]
IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _in_list(field: str, pairs, nullable: bool = False) -> str:
    values = ", ".join("'{}'".format(v) for v, _label in pairs)
    expr = "{} IN ({})".format(field, values)
    return "({} IS NULL OR {})".format(field, expr) if nullable else expr


# (table, constraint name, SQL expression); names are explained in CONSTRAINT_MESSAGES
CHECKS = [
    (model.SIGNAL_GROUPS, "ck_signalgruppen_art", _in_list("art", model.SIGNAL_KINDS)),
    (model.CAMERAS, "ck_kameras_azimut", "azimut_grad >= 0 AND azimut_grad < 360"),
    (model.CAMERAS, "ck_kameras_neigung", "neigung_grad > 0 AND neigung_grad < 90"),
    (model.CAMERAS, "ck_kameras_hoehe", "hoehe_m > 0"),
    (model.CAMERAS, "ck_kameras_reichweite", "max_reichweite_m > 0"),
    (model.CAMERAS, "ck_kameras_bild", "bild_breite_px > 0 AND bild_hoehe_px > 0"),
    (model.CAMERAS, "ck_kameras_optik",
     "(hfov_grad > 0 AND hfov_grad < 180) OR (brennweite_mm > 0 AND sensor_breite_mm > 0)"),
    (model.LANES, "ck_fahrstreifen_nr", "fahrstreifen_nr > 0"),
    (model.LANES, "ck_fahrstreifen_richtung", _in_list("richtung", model.DIRECTIONS, True)),
    (model.ZONES, "ck_zonen_klasse",
     "coalesce(klasse_kfz, false) OR coalesce(klasse_rad, false) OR "
     "coalesce(klasse_fuss, false)"),
    (model.ZONES, "ck_zonen_funktion", _in_list("funktion", model.FUNCTIONS)),
    (model.ZONES, "ck_zonen_geometrie", "ST_IsValid(geom) AND ST_Area(geom) > 0"),
]
ZONE_CAMERA_JUNCTION = "fk_zone_kamera_desselben_knotens"
CAMERA_JUNCTION_KEY = "uq_kameras_fid_knoten"

CONSTRAINT_MESSAGES = {
    "ck_signalgruppen_art": tr_noop("The kind of a signal group must be car, bike or "
                                    "pedestrian."),
    "ck_kameras_azimut": tr_noop("The camera heading must lie between 0 and less than 360 "
                                 "degrees (clockwise from north)."),
    "ck_kameras_neigung": tr_noop("The camera tilt must lie between 0 and 90 degrees below "
                                  "the horizon."),
    "ck_kameras_hoehe": tr_noop("The camera's mounting height must be greater than 0 m."),
    "ck_kameras_reichweite": tr_noop("The camera's maximum detection range must be greater "
                                     "than 0 m."),
    "ck_kameras_bild": tr_noop("The camera's image width and height must be greater than 0 "
                               "pixels."),
    "ck_kameras_optik": tr_noop("The camera needs optics: a horizontal field of view between "
                                "0 and 180 degrees, or a focal length and a sensor width."),
    "ck_fahrstreifen_nr": tr_noop("The lane number must be 1 or more (counted from the "
                                  "right)."),
    "ck_fahrstreifen_richtung": tr_noop("The lane direction is not one of the known values."),
    "ck_zonen_klasse": tr_noop("A detection zone needs at least one road-user class (car, "
                               "bike or pedestrian)."),
    "ck_zonen_funktion": tr_noop("The zone function must be waiting position, "
                                 "approach/request or counting."),
    "ck_zonen_geometrie": tr_noop("The zone outline is invalid (it intersects itself or has "
                                  "no area). Redraw it."),
    ZONE_CAMERA_JUNCTION: tr_noop("The zone's camera belongs to another junction. A zone "
                                  "belongs to one camera and to that camera's junction."),
}
FK_MESSAGES = {
    model.JUNCTIONS: tr_noop("The junction {value} referenced in {table}.{field} does not "
                             "exist."),
    model.CAMERAS: tr_noop("The camera {value} referenced in {table}.{field} does not exist. "
                           "Every zone belongs to exactly one existing camera."),
    model.SIGNAL_GROUPS: tr_noop("The signal group {value} referenced in {table}.{field} does "
                                 "not exist."),
    model.LANES: tr_noop("The lane {value} referenced in {table}.{field} does not exist."),
}


def check_schema_name(schema: str) -> str:
    schema = (schema or "").strip()
    if not IDENTIFIER.match(schema):
        raise SignalsError(tr("'{schema}' is not a usable schema name: use lower-case letters, "
                              "digits and _ (starting with a letter), at most 63 "
                              "characters.").format(schema=schema))
    return schema


def fk_name(table: str, field: str) -> str:
    return "fk_{}_{}".format(table, field)


def create_statements(schema: str) -> List[str]:
    """CREATE statements for the whole model in a new schema (in dependency order)."""
    schema = check_schema_name(schema)
    parents = {}
    for child, fld, parent in model.RELATIONS:
        parents.setdefault(child, []).append((fld, parent))
    checks: Dict[str, List[str]] = {}
    for table, name, expr in CHECKS:
        checks.setdefault(table, []).append("CONSTRAINT {} CHECK ({})".format(name, expr))
    out = ["CREATE SCHEMA {}".format(schema)]
    for table in TABLE_ORDER:
        cols = ["fid serial PRIMARY KEY"]
        for name, kind, _alias, not_null in model.FIELDS[table]:
            cols.append("{} {}{}".format(name, PG_TYPES[kind], " NOT NULL" if not_null else ""))
        geom = model.GEOMETRY[table]
        if geom:
            cols.append("geom geometry({},{}){}".format(geom, SRID,
                                                        " NOT NULL" if table == model.ZONES
                                                        else ""))
        for fld, parent in parents.get(table, []):
            cols.append("CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {}.{} (fid) ON UPDATE "
                        "CASCADE ON DELETE RESTRICT".format(fk_name(table, fld), fld, schema,
                                                           parent))
        if table == model.CAMERAS:
            cols.append("CONSTRAINT {} UNIQUE (fid, knoten_id)".format(CAMERA_JUNCTION_KEY))
        if table == model.ZONES:
            cols.append("CONSTRAINT {} FOREIGN KEY (kamera_id, knoten_id) REFERENCES "
                        "{}.{} (fid, knoten_id) ON UPDATE CASCADE ON DELETE RESTRICT".format(
                            ZONE_CAMERA_JUNCTION, schema, model.CAMERAS))
        cols.extend(checks.get(table, []))
        out.append("CREATE TABLE {}.{} (\n  {}\n)".format(schema, table, ",\n  ".join(cols)))
        if geom:
            out.append("CREATE INDEX {t}_geom_idx ON {s}.{t} USING gist (geom)".format(
                s=schema, t=table))
        out.append("COMMENT ON TABLE {}.{} IS '{}'".format(
            schema, table, model.LAYER_NAMES_DE[table].replace("'", "''")))
        for name, _kind, alias, _nn in model.FIELDS[table]:
            out.append("COMMENT ON COLUMN {}.{}.{} IS '{}'".format(
                schema, table, name, alias.replace("'", "''")))
    return out


_CONSTRAINT = re.compile(r'constraint "([a-z_0-9]+)"')
_NOT_NULL = re.compile(r'null value in column "([a-z_0-9]+)"(?: of relation "([a-z_0-9]+)")?')
_FK_DETAIL = re.compile(r"Key \(([a-z_0-9, ]+)\)=\(([^)]*)\)")


def explain_refusal(text: str) -> Optional[str]:
    """A translated explanation of a PostgreSQL error naming one of the model's
    constraints, or None when the error is something else."""
    text = text or ""
    found = _NOT_NULL.search(text)
    if found:
        field, table = found.group(1), found.group(2) or ""
        alias = next((a for t in model.FIELDS.values() for n, _k, a, _nn in t if n == field),
                     field)
        return tr("The field {alias} ({field}) of {table} must not be empty.").format(
            alias=alias, field=field, table=model.LAYER_NAMES_DE.get(table, table))
    found = _CONSTRAINT.search(text)
    if not found:
        return None
    name = found.group(1)
    if name in CONSTRAINT_MESSAGES:
        return tr(CONSTRAINT_MESSAGES[name])
    for child, fld, parent in model.RELATIONS:
        if name == fk_name(child, fld):
            detail = _FK_DETAIL.search(text)
            value = detail.group(2) if detail else "?"
            if "still referenced" in text:
                return tr("{parent} {value} is still used by {table} and cannot be "
                          "deleted.").format(parent=model.LAYER_NAMES_DE[parent], value=value,
                                             table=model.LAYER_NAMES_DE[child])
            return tr(FK_MESSAGES[parent]).format(value=value, table=child, field=fld)
    return None
