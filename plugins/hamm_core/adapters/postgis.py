"""PostGIS through QGIS's own postgres provider: no psycopg2 needed at run time.

A target is given either as the name of a PostgreSQL connection saved in QGIS (Browser ->
PostgreSQL; its authcfg and SSL settings come along) or as a QgsDataSourceUri string
(``dbname='x' host=... port=... user='u' ...``). The helpers raise HammError with a message
a user can read; the database is only written by export_layer() and execute().
"""

import re
from typing import List, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsException,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsVectorLayerExporter,
)

from ..logic.errors import HammError
from ..logic.i18n import tr

PROVIDER = "postgres"


def _text(err) -> str:
    """The provider's message without passwords (it may quote the connection string)."""
    text = err.what() if hasattr(err, "what") else str(err)
    # quoted values may hold spaces and backslash-escaped quotes (libpq key/value syntax)
    return re.sub(r"password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", "password=***",
                  str(text)).strip()


def database_reason(text: str) -> str:
    """The server's reason (the ERROR: line) of a provider message, else its first line."""
    for line in (text or "").splitlines():
        if "ERROR:" in line:
            return line.split("ERROR:", 1)[1].strip()
    return text.splitlines()[0][:300] if text else "?"


def _shorten(text: str, keep: int = 2000) -> str:
    if len(text) <= keep:
        return text
    at = text.find("ERROR")
    tail = text[at:at + keep // 2] if at >= 0 else text[-keep // 2:]
    return text[:keep // 2] + " [...] " + tail


def _metadata():
    md = QgsProviderRegistry.instance().providerMetadata(PROVIDER)
    if md is None:
        raise HammError(tr("This QGIS has no PostgreSQL provider; PostGIS is not available."))
    return md


def saved_connections() -> List[str]:
    """Names of the PostgreSQL connections saved in QGIS."""
    return sorted(_metadata().connections().keys())


def resolve_uri(target: str) -> str:
    """The connection URI for a saved connection name or a URI string."""
    target = (target or "").strip()
    if not target:
        raise HammError(tr("No PostgreSQL connection given."))
    md = _metadata()
    if target in md.connections():
        return md.findConnection(target).uri()
    if "=" not in target:
        raise HammError(tr("'{}' is neither a saved PostgreSQL connection nor a connection "
                           "string (dbname=... host=...).").format(target))
    return target


def _connection(target: str):
    uri = resolve_uri(target)
    try:
        return _metadata().createConnection(uri, {})
    except (QgsProviderConnectionException, QgsException) as err:
        raise HammError(tr("Could not connect to PostgreSQL: {}").format(_text(err)),
                        _text(err)) from err


def execute(target: str, sql: str) -> list:
    """Run SQL; returns the rows (lists) of a query, [] for statements."""
    conn = _connection(target)
    try:
        return conn.executeSql(sql)
    except (QgsProviderConnectionException, QgsException) as err:
        text = _text(err)
        if text.startswith("Connection failed"):
            raise HammError(tr("Could not connect to PostgreSQL: {}").format(text), text) from err
        # the provider's message starts with the SQL: show the server's reason, and keep
        # the log readable when the SQL is a large batch
        raise HammError(tr("The database refused the request: {}").format(
            database_reason(text)), _shorten(text)) from err


def check(target: str) -> str:
    """Connects and checks PostGIS; returns the PostGIS version or raises HammError."""
    try:
        rows = execute(target, "SELECT postgis_lib_version()")
    except HammError as err:
        if "postgis_lib_version" in (err.detail or ""):
            raise HammError(tr("The database has no PostGIS extension: run "
                               "CREATE EXTENSION postgis; as its owner."), err.detail) from err
        raise
    return str(rows[0][0]) if rows else ""


def ensure_schema(target: str, schema: str) -> None:
    conn = _connection(target)
    try:
        if schema not in conn.schemas():
            conn.createSchema(schema)
    except (QgsProviderConnectionException, QgsException) as err:
        raise HammError(tr("Could not create the schema {}: {}").format(schema, _text(err)),
                        _text(err)) from err


def table_uri(target: str, schema: str, table: str, geometry: Optional[str] = "geom",
              key: str = "") -> str:
    """The layer source of schema.table (for QgsVectorLayer(uri, name, 'postgres'))."""
    uri = QgsDataSourceUri(resolve_uri(target))
    uri.setDataSource(schema, table, geometry or None, "", key)
    return uri.uri(False)


def table_layer(target: str, schema: str, table: str, name: str = "",
                geometry: Optional[str] = "geom", key: str = "") -> QgsVectorLayer:
    layer = QgsVectorLayer(table_uri(target, schema, table, geometry, key), name or table,
                           PROVIDER)
    if not layer.isValid():
        raise HammError(tr("The table {}.{} could not be opened as a layer.").format(
            schema, table))
    return layer


def export_layer(layer: QgsVectorLayer, target: str, schema: str, table: str, *,
                 overwrite: bool = False, geometry: str = "geom",
                 crs: Optional[QgsCoordinateReferenceSystem] = None) -> str:
    """Copy a vector layer into schema.table (created; replaced with ``overwrite``).

    Returns the new table's layer URI. Refuses to touch an existing table unless
    ``overwrite`` is set.
    """
    ensure_schema(target, schema)
    conn = _connection(target)
    try:
        exists = conn.tableExists(schema, table)
    except (QgsProviderConnectionException, QgsException):
        exists = False
    if exists and not overwrite:
        raise HammError(tr("The table {}.{} exists already; choose another name or allow "
                           "replacing it.").format(schema, table))
    uri = QgsDataSourceUri(resolve_uri(target))
    uri.setDataSource(schema, table, geometry if layer.isSpatial() else None)
    options = {"overwrite": True} if overwrite else {}
    options["lowercaseFieldNames"] = False
    error, message = QgsVectorLayerExporter.exportLayer(
        layer, uri.uri(False), PROVIDER, crs or layer.crs(), False, options)[:2]
    if error != QgsVectorLayerExporter.NoError:
        raise HammError(tr("Writing {}.{} to PostGIS failed: {}").format(schema, table,
                                                                          message), message)
    return table_uri(target, schema, table, geometry if layer.isSpatial() else None)
