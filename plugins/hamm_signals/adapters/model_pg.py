"""The junction model as a PostGIS schema, through hamm_core.adapters.postgis (QGIS's
postgres provider, no psycopg2): tables with foreign keys and check constraints
(logic/model_sql.py), German forms and styles stored in the database's layer_styles table
as each layer's default style, records inserted with the database's refusals explained.
"""

from typing import Dict, List, Optional

from qgis.core import QgsProject, QgsVectorLayer

from hamm_core.adapters import postgis as pg
from hamm_core.logic.errors import HammError

from ..logic import model, model_sql
from ..logic.errors import SignalsError
from ..logic.i18n import tr
from .model_gpkg import insert_records, load_layers, style_layer


class PgModel:
    """A model schema in a PostGIS database: `target` is a saved QGIS connection name or a
    connection URI (see hamm_core.adapters.postgis)."""

    def __init__(self, target: str, schema: str):
        self.target = target
        self.schema = model_sql.check_schema_name(schema)

    def layer_uri(self, table: str) -> str:
        return pg.table_uri(self.target, self.schema, table,
                            "geom" if model.GEOMETRY[table] else None, "fid")

    def layer(self, table: str, name: str = "") -> QgsVectorLayer:
        layer = QgsVectorLayer(self.layer_uri(table), name or model.LAYER_NAMES_DE[table],
                               pg.PROVIDER)
        if not layer.isValid():
            raise SignalsError(tr("The schema {schema} holds no table {table}; it is not a "
                                  "detection zone model.").format(schema=self.schema,
                                                                  table=table))
        return layer

    def add_records(self, table: str, records: List[Dict]) -> List[int]:
        """Insert records (geometry in 'xy', 'line' or 'ring'); returns the new fids. A
        record the database refuses raises SignalsError explaining the broken rule; nothing
        of the batch is written then."""
        layer = self.layer(table, table)
        ok, fids, errors = insert_records(layer, records)
        del layer
        if not ok:
            text = "\n".join(errors)
            reason = model_sql.explain_refusal(text)
            raise SignalsError(tr("The records were refused by the model's rules: {error}")
                               .format(error=reason or _first_error(text)), text)
        return fids


def _first_error(text: str) -> str:
    for line in text.splitlines():
        if "ERROR" in line:
            return line.split("ERROR:", 1)[-1].strip()
    return text.splitlines()[0] if text else "?"


def create_model(target: str, schema: str, feedback=None) -> PgModel:
    """Create the model in a new schema (never into an existing one) with styles and
    forms stored as the layers' default styles."""
    schema = model_sql.check_schema_name(schema)
    pg.check(target)
    rows = pg.execute(target, "SELECT count(*) FROM pg_namespace WHERE nspname = '{}'"
                      .format(schema))
    if rows and int(rows[0][0]):
        raise SignalsError(tr("The schema {schema} exists already. Choose a new schema name; "
                              "an existing schema is never changed.").format(schema=schema))
    statements = model_sql.create_statements(schema)
    try:
        # one query string is one implicit transaction (PostgreSQL's simple query protocol):
        # a failure leaves no half-created schema behind and the pooled connection clean
        pg.execute(target, ";\n".join(statements))
    except HammError as err:
        # the provider's message starts with the whole SQL; the database's reason follows
        reason = _first_error(err.detail) if "ERROR" in (err.detail or "") else \
            err.user_message
        raise SignalsError(tr("The schema {schema} could not be created: {error}").format(
            schema=schema, error=reason), err.detail) from err
    result = PgModel(target, schema)
    for table in model_sql.TABLE_ORDER:
        layer = result.layer(table)
        style_layer(layer, table)
        ok, message = _save_style(layer)
        del layer
        if not ok:
            raise SignalsError(tr("The styles of {table} could not be stored in the database: "
                                  "{error}").format(table=table, error=message))
    if feedback is not None:
        feedback.pushInfo(tr("Model created in schema {schema}.").format(schema=schema))
    return result


def _save_style(layer: QgsVectorLayer):
    message = layer.saveStyleToDatabase(model.LAYER_NAMES_DE[layer_table(layer)],
                                        "Digitales Hamm", True, "")
    # QGIS 3.22 returns the error text (empty on success) instead of raising
    if isinstance(message, tuple):
        message = message[-1]
    return not message, message or ""


def layer_table(layer: QgsVectorLayer) -> str:
    from qgis.core import QgsDataSourceUri
    return QgsDataSourceUri(layer.source()).table()


def load_model(target: str, schema: str, project: Optional[QgsProject] = None,
               group_name: str = "") -> Dict:
    """Add the schema's layers (with their stored styles and forms) in a group, with the
    model's relations."""
    pm = PgModel(target, schema)
    return load_layers(pm.layer, project, group_name)
