"""Where the digital twin's data lives, for every plugin of the suite.

Shared data such as building heights goes through the core (house style: tool plugins
never import each other). hamm_twin records here what it imported or derived; shade
(cool places), radio obstruction (LoRaWAN) and sight lines (traffic-light cameras) read
it from here, whether or not hamm_twin is installed.

Settings ``plugins/digitales_hamm/twin/...``: ``buildings_gpkg`` (GeoPackage of the last
LoD2 import), ``terrain_vrt`` (DGM), ``ndsm`` (object heights). The building layer
``gebaeude`` (MultiPolygon, EPSG:25832) has per building: ``gml_id``, ``hoehe`` (measured
height, else ridge minus ground, m), ``hoehe_boden`` / ``hoehe_traufe`` / ``hoehe_first``
(ground, eaves, ridge in m above sea level, DHHN2016), ``dachform`` (AdV roof type code),
``dachform_bez``, ``geschosse``, ``funktion``, ``funktion_bez``, ``grundflaeche``,
``dachflaeche``, ``quelle``. The layer ``gebaeude_flaechen`` (PolygonZ) holds roof, wall
and ground surfaces with ``typ``, ``flaeche_m2``, ``neigung`` and ``ausrichtung``.
"""

import os
from typing import List, Optional, Tuple

from .settings import Settings

SECTION = "twin"
KEY_BUILDINGS = "buildings_gpkg"
KEY_TERRAIN = "terrain_vrt"
KEY_NDSM = "ndsm"
BUILDINGS_LAYER = "gebaeude"
SURFACES_LAYER = "gebaeude_flaechen"
HEIGHT_FIELD = "hoehe"
# written by hamm_twin after each LoD2 import: last = "gpkg" | "postgis"; for PostGIS the
# postgres layer sources of the two tables under "buildings" and "surfaces"
STORE_SECTION = "twin_store"


def buildings_gpkg() -> str:
    """Path of the GeoPackage of the last LoD2 import ('' if none)."""
    return Settings(SECTION).value(KEY_BUILDINGS, "", str)


def set_buildings_gpkg(path: str) -> None:
    Settings(SECTION).set_value(KEY_BUILDINGS, path)


def terrain_path() -> str:
    return Settings(SECTION).value(KEY_TERRAIN, "", str)


def ndsm_path() -> str:
    return Settings(SECTION).value(KEY_NDSM, "", str)


def buildings_layer_uri(path: Optional[str] = None) -> str:
    """OGR URI of the building layer (for QgsVectorLayer(uri, name, "ogr"))."""
    path = path or buildings_gpkg()
    return "{}|layername={}".format(path, BUILDINGS_LAYER) if path else ""


def buildings_source() -> Tuple[str, str]:
    """(layer source, provider) of the building layer of the last LoD2 import: the
    PostGIS table when the last import went to PostGIS, else the GeoPackage ('' if none)."""
    store = Settings(STORE_SECTION)
    if store.value("last", "", str) == "postgis" and store.value("buildings", "", str):
        return store.value("buildings", "", str), "postgres"
    return buildings_layer_uri(), "ogr"


_FIELDS = ("gml_id", "hoehe", "hoehe_boden", "hoehe_traufe", "hoehe_first", "dachform")


def _postgis_heights(source: str, extent) -> List[dict]:
    """Read-only through QGIS's postgres provider (saved authcfg and SSL settings apply)."""
    from qgis.core import QgsFeatureRequest, QgsRectangle, QgsVectorLayer
    layer = QgsVectorLayer(source, "gebaeude", "postgres")
    if not layer.isValid():
        return []
    request = QgsFeatureRequest()
    if extent is not None:
        request.setFilterRect(QgsRectangle(*extent))
    names = layer.fields().names()
    out = []
    for feat in layer.getFeatures(request):
        geom = feat.geometry()
        row = {name: (feat[name] if name in names else None) for name in _FIELDS}
        row["wkt"] = geom.asWkt() if not geom.isNull() else ""
        out.append(row)
    del layer
    return out


def building_heights(extent: Optional[Tuple[float, float, float, float]] = None,
                     path: Optional[str] = None) -> List[dict]:
    """Buildings (optionally only those meeting ``extent`` xmin, ymin, xmax, ymax in
    EPSG:25832) as dicts: gml_id, wkt (footprint), hoehe, hoehe_boden, hoehe_traufe,
    hoehe_first, dachform. From ``path`` (a GeoPackage) if given, else from the last LoD2
    import (GeoPackage or PostGIS). Works in worker threads (read-only)."""
    from osgeo import ogr
    if path is None:
        source, provider = buildings_source()
        if provider == "postgres":
            return _postgis_heights(source, extent)
    path = path or buildings_gpkg()
    if not path or not os.path.exists(path):
        return []
    ds = ogr.Open(path, 0)
    if ds is None:
        return []
    layer = ds.GetLayerByName(BUILDINGS_LAYER)
    if layer is None:
        return []
    if extent is not None:
        layer.SetSpatialFilterRect(*extent)
    out = []
    for feat in layer:
        geom = feat.GetGeometryRef()
        out.append({
            "gml_id": feat.GetField("gml_id"),
            "wkt": geom.ExportToWkt() if geom is not None else "",
            "hoehe": feat.GetField("hoehe"),
            "hoehe_boden": feat.GetField("hoehe_boden"),
            "hoehe_traufe": feat.GetField("hoehe_traufe"),
            "hoehe_first": feat.GetField("hoehe_first"),
            "dachform": feat.GetField("dachform"),
        })
    ds = None
    return out
