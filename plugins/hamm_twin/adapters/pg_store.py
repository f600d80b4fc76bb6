"""The LoD2 store in PostGIS: the same two tables as in the GeoPackage (``gebaeude`` with
the footprint, ``gebaeude_flaechen`` with the 3D surfaces) in a schema of the user's
choice, written through hamm_core.adapters.postgis (QGIS's postgres provider: a saved
connection with its authcfg, or a connection string; no psycopg2 needed).

Each batch goes to the server as one multi-statement request, which PostgreSQL runs as a
single transaction: either the whole batch is in, or nothing of it. A building already
in the tables (same gml_id) is replaced with its surfaces instead of being added again.
"""

import datetime
import math
from typing import Dict, List, Set

from osgeo import ogr

from hamm_core.adapters import postgis
from hamm_core.logic.errors import HammError

from ..logic.i18n import tr
from ..logic.model import Building
from .store import (
    BATCH,
    BUILDING_FIELDS,
    BUILDINGS,
    EPSG,
    SURFACE_FIELDS,
    SURFACES,
    building_record,
    surface_records,
)

PG_TYPES = {ogr.OFTString: "text", ogr.OFTReal: "double precision",
            ogr.OFTInteger: "integer"}
DEFAULT_SCHEMA = "zwilling"


def ident(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def literal(value) -> str:
    """A SQL literal of a Python value (text, number, None)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "NULL"
    text = str(value).replace("\x00", "")
    if text == "":
        return "NULL"
    # E'...' with backslashes doubled: safe whatever standard_conforming_strings says
    # (the text comes from downloaded CityGML/CityJSON)
    return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def _geom(wkb_bytes: bytes) -> str:
    return "ST_SetSRID(ST_GeomFromWKB(decode('{}', 'hex')), {})".format(
        wkb_bytes.hex(), EPSG)


def valid_schema(schema: str) -> str:
    schema = (schema or "").strip()
    if not schema or len(schema) > 63 or any(c in schema for c in '"\x00;'):
        raise HammError(tr("'{schema}' is not a usable schema name.").format(schema=schema))
    return schema


class PostgisLod2Store:
    """Open (or create) the two tables in ``schema``; ``add()`` buildings; ``close()``
    writes the last batch."""

    def __init__(self, target: str, schema: str = DEFAULT_SCHEMA):
        self.target = target
        self.schema = valid_schema(schema)
        postgis.check(target)  # connection and PostGIS, with a clear message
        postgis.ensure_schema(target, self.schema)
        self._table(BUILDINGS, "MultiPolygon", BUILDING_FIELDS, unique=True)
        self._table(SURFACES, "PolygonZ", SURFACE_FIELDS, unique=False)
        rows = postgis.execute(target, "SELECT gml_id FROM {}".format(self.qualified(BUILDINGS)))
        self.existing: Set[str] = {str(r[0]) for r in rows if r and r[0] is not None}
        self.pending: List[Building] = []
        self.inserted = 0
        self.updated = 0
        self.stamp = datetime.datetime.now().replace(microsecond=0).isoformat()

    def qualified(self, table: str) -> str:
        return "{}.{}".format(ident(self.schema), ident(table))

    def _columns(self, table: str) -> Dict[str, str]:
        rows = postgis.execute(self.target, (
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = {} AND table_name = {}").format(
                literal(self.schema), literal(table)))
        return {str(r[0]): str(r[1]) for r in rows}

    def _table(self, table: str, gtype: str, fields, unique: bool) -> None:
        columns = self._columns(table)
        if columns:
            missing = [f for f, _t in fields if f not in columns]
            if "geom" not in columns:
                missing.append("geom")
            if missing:
                raise HammError(tr("The table {table} in the schema {schema} is not a "
                                   "building table of this plugin (columns missing: "
                                   "{fields}). Choose another schema.").format(
                                       table=table, schema=self.schema,
                                       fields=", ".join(missing)))
            return
        cols = ["fid serial PRIMARY KEY"]
        cols += ["{} {}{}".format(ident(f), PG_TYPES[t],
                                  " NOT NULL UNIQUE" if unique and f == "gml_id" else "")
                 for f, t in fields]
        cols.append("geom geometry({}, {})".format(gtype, EPSG))
        sql = ["CREATE TABLE {} ({})".format(self.qualified(table), ", ".join(cols)),
               "CREATE INDEX {} ON {} USING gist (geom)".format(
                   ident("{}_geom_idx".format(table)), self.qualified(table))]
        if not unique:
            sql.append("CREATE INDEX {} ON {} (gml_id)".format(
                ident("{}_gml_id_idx".format(table)), self.qualified(table)))
        postgis.execute(self.target, ";\n".join(sql))

    def add(self, building: Building) -> None:
        self.pending.append(building)
        if len(self.pending) >= BATCH:
            self.flush()

    def batch_sql(self, buildings: List[Building]) -> str:
        """The statements of one batch (deletes of replaced buildings, then inserts)."""
        sql = []
        replace = [b.gml_id for b in buildings if b.gml_id in self.existing]
        if replace:
            ids = ", ".join(literal(i) for i in replace)
            for table in (BUILDINGS, SURFACES):
                sql.append("DELETE FROM {} WHERE gml_id IN ({})".format(
                    self.qualified(table), ids))
        b_names = [f for f, _t in BUILDING_FIELDS]
        s_names = [f for f, _t in SURFACE_FIELDS]
        b_rows, s_rows = [], []
        for bld in buildings:
            values, geom = building_record(bld, self.stamp)
            geom_sql = _geom(geom.ExportToIsoWkb()) if geom is not None else "NULL"
            b_rows.append("({}, {})".format(
                ", ".join(literal(values.get(f)) for f in b_names), geom_sql))
            for svalues, geom_wkb in surface_records(bld):
                s_rows.append("({}, {})".format(
                    ", ".join(literal(svalues.get(f)) for f in s_names), _geom(geom_wkb)))
        if b_rows:
            sql.append("INSERT INTO {} ({}, geom) VALUES\n{}".format(
                self.qualified(BUILDINGS), ", ".join(ident(f) for f in b_names),
                ",\n".join(b_rows)))
        if s_rows:
            sql.append("INSERT INTO {} ({}, geom) VALUES\n{}".format(
                self.qualified(SURFACES), ", ".join(ident(f) for f in s_names),
                ",\n".join(s_rows)))
        return ";\n".join(sql)

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        replaced = sum(1 for b in batch if b.gml_id in self.existing)
        # one request = one transaction (several statements in one simple query)
        postgis.execute(self.target, self.batch_sql(batch))
        self.updated += replaced
        self.inserted += len(batch) - replaced
        self.existing.update(b.gml_id for b in batch)

    def close(self) -> None:
        self.flush()

    def layer_uri(self, table: str) -> str:
        return postgis.table_uri(self.target, self.schema, table, "geom", "fid")
