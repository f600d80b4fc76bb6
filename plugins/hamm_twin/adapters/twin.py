"""'Load the digital twin': the chosen components for an area as one styled layer group,
buildings extruded in the 3D view, terrain with hillshade, orthophoto from the catalog."""

from typing import Dict, List, Optional

from qgis.core import QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorLayer

from hamm_core.adapters import ogc

from .. import api
from ..logic.i18n import tr
from . import scene3d, styles

GROUP = "Digitaler Zwilling"
COMPONENTS = ("buildings", "surfaces", "terrain", "ortho", "ndsm", "pointcloud")
ROLE = "hamm_twin/role"
# the configured point cloud (EPT ept.json path or URL; LAS/LAZ/COPC where QGIS has PDAL):
# setting plugins/digitales_hamm/twin/pointcloud, else a profile service of type "EPT"
KEY_POINTCLOUD = "pointcloud"


def pointcloud_source(profile=None) -> str:
    """The point cloud configured for the twin: the setting, else the URL of the first
    service of type EPT in the city profile ('' if none)."""
    from hamm_core.adapters.settings import Settings
    path = Settings(api.SECTION).value(KEY_POINTCLOUD, "", str)
    if path:
        return path
    try:
        if profile is None:
            from hamm_core.adapters.profile import active_profile
            profile = active_profile()
        services = profile.services_of_type("EPT")
    except Exception:  # noqa: BLE001 - no readable profile: no point cloud configured
        return ""
    return services[0].url if services else ""


def set_pointcloud_source(path: str) -> None:
    from hamm_core.adapters.settings import Settings
    Settings(api.SECTION).set_value(KEY_POINTCLOUD, path)


def _subset(layer: QgsVectorLayer, table: str, area: Optional[QgsRectangle]) -> None:
    """Only the features whose bounding box meets ``area`` (the GeoPackage's R-tree)."""
    if area is None or area.isEmpty():
        return
    layer.setSubsetString(
        "fid IN (SELECT id FROM rtree_{}_geom WHERE maxx >= {} AND minx <= {} AND "
        "maxy >= {} AND miny <= {})".format(table, area.xMinimum(), area.xMaximum(),
                                            area.yMinimum(), area.yMaximum()))


def polygon_area(layer, selected_only: bool = True, project=None):
    """The union of a polygon layer's (selected) polygons in EPSG:25832, or None."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsWkbTypes,
    )
    project = project or QgsProject.instance()
    feats = layer.selectedFeatures() if selected_only and layer.selectedFeatureCount() \
        else layer.getFeatures()
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:25832"),
                                       project)
    parts = []
    for feat in feats:
        geom = QgsGeometry(feat.geometry())
        if geom.isEmpty() or geom.type() != QgsWkbTypes.PolygonGeometry:
            continue
        geom.transform(transform)
        parts.append(geom if geom.isGeosValid() else geom.makeValid())
    return QgsGeometry.unaryUnion(parts) if parts else None


def _quote(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _restrict_to_polygon(buildings: Optional[QgsVectorLayer],
                         surfaces: Optional[QgsVectorLayer], polygon) -> int:
    """Only the buildings whose footprint meets ``polygon`` (EPSG:25832), and their
    surfaces; returns the number of buildings."""
    from qgis.core import QgsFeatureRequest, QgsGeometry
    engine = QgsGeometry.createGeometryEngine(polygon.constGet())
    engine.prepareGeometry()
    ids = []
    if buildings is not None:
        request = QgsFeatureRequest().setFilterRect(polygon.boundingBox())
        for feat in buildings.getFeatures(request):
            if feat.hasGeometry() and engine.intersects(feat.geometry().constGet()):
                ids.append(feat["gml_id"])
    in_list = "({})".format(", ".join(_quote(i) for i in ids) or "NULL")
    for layer in (buildings, surfaces):
        if layer is not None:
            layer.setSubsetString('"gml_id" IN {}'.format(in_list))
    return len(ids)


def load_twin(components: List[str], area: Optional[QgsRectangle] = None,
              project: Optional[QgsProject] = None, paths: Optional[Dict[str, str]] = None,
              ortho_service=None, ortho_layers: Optional[List] = None,
              area_polygon=None) -> dict:
    """Add the components to the group 'Digitaler Zwilling' and configure the project's
    3D view; returns {"layers": [...names], "missing": [messages]}. ``ortho_layers``:
    raster layers made by the caller (else those of ``ortho_service``). ``area_polygon``
    (QgsGeometry in EPSG:25832, e.g. a district): only the buildings meeting it.
    "pointcloud": ``paths["pointcloud"]`` or the configured one (pointcloud_source()),
    EPT on every QGIS, LAS/LAZ/COPC where QGIS has PDAL (else its message in missing)."""
    if area_polygon is not None and not area_polygon.isEmpty():
        area = area_polygon.boundingBox()
    project = project or QgsProject.instance()
    paths = dict(paths or {})
    gpkg = paths.get("buildings") or api.buildings_gpkg()
    added, missing = [], []
    postgis = None if paths.get("buildings") else last_postgis_import()

    def add(layer, role):
        layer.setCustomProperty(ROLE, role)
        ogc.add_to_project(layer, GROUP, project)
        added.append(layer.name())

    if postgis is not None and ("buildings" in components or "surfaces" in components):
        for key, uri, name, styler in (
                ("buildings", postgis[0], tr("LoD2 buildings"), styles.style_buildings),
                ("surfaces", postgis[1], tr("LoD2 roof and wall surfaces (3D)"),
                 styles.style_surfaces)):
            if key not in components:
                continue
            lyr = QgsVectorLayer(uri, name, "postgres")
            if not lyr.isValid():
                missing.append(tr("The PostGIS table of the last import cannot be read: is "
                                  "the database reachable?"))
                continue
            if area is not None and not area.isEmpty():
                lyr.setSubsetString('"geom" && ST_MakeEnvelope({}, {}, {}, {}, 25832)'.format(
                    area.xMinimum(), area.yMinimum(), area.xMaximum(), area.yMaximum()))
            styler(lyr)
            add(lyr, key)
    elif "buildings" in components or "surfaces" in components:
        if not gpkg:
            missing.append(tr("No LoD2 buildings imported yet: run 'Import LoD2 buildings' "
                              "first."))
        else:
            if "buildings" in components:
                lyr = QgsVectorLayer(api.buildings_layer_uri(gpkg), tr("LoD2 buildings"), "ogr")
                if lyr.isValid():
                    _subset(lyr, api.BUILDINGS_LAYER, area)
                    styles.style_buildings(lyr)
                    add(lyr, "buildings")
                else:
                    missing.append(tr("The building layer in {path} cannot be read.").format(
                        path=gpkg))
            if "surfaces" in components:
                lyr = QgsVectorLayer("{}|layername={}".format(gpkg, api.SURFACES_LAYER),
                                     tr("LoD2 roof and wall surfaces (3D)"), "ogr")
                if lyr.isValid():
                    _subset(lyr, api.SURFACES_LAYER, area)
                    styles.style_surfaces(lyr)
                    add(lyr, "surfaces")
    for key, setting, name in (("terrain", api.KEY_TERRAIN, tr("Terrain (DGM)")),
                               ("ndsm", api.KEY_NDSM, tr("Object heights (nDSM)"))):
        if key not in components:
            continue
        from hamm_core.adapters.settings import Settings
        path = paths.get(key) or Settings(api.SECTION).value(setting, "", str)
        lyr = QgsRasterLayer(path, name, "gdal") if path else None
        if lyr is None or not lyr.isValid():
            missing.append(tr("{name}: no raster available yet.").format(name=name))
            continue
        styles.style_terrain(lyr)
        add(lyr, key)
    if "pointcloud" in components:
        from hamm_core.logic.errors import HammError

        from . import pointcloud
        source = paths.get("pointcloud") or pointcloud_source()
        if not source:
            missing.append(tr("No point cloud configured: load one with 'Load point "
                              "cloud' or name an EPT service in the city profile."))
        else:
            try:
                made = pointcloud.make_layer(source, tr("Point cloud"))
            except HammError as err:
                missing.append(err.user_message)
            else:
                missing.extend(made["warnings"])
                add(made["layer"], "pointcloud")
    if "ortho" in components and ortho_layers:
        for lyr in ortho_layers:
            add(lyr, "ortho")
    elif "ortho" in components and ortho_service is not None:
        try:
            for lyr in ogc.service_layers(ortho_service):
                add(lyr, "ortho")
        except Exception as err:  # noqa: BLE001 - reported, the rest stays loaded
            missing.append(str(err))
    if area_polygon is not None and not area_polygon.isEmpty():
        group = project.layerTreeRoot().findGroup(GROUP)
        roles = {n.layer().customProperty(ROLE): n.layer() for n in
                 (group.findLayers() if group else []) if n.layer() is not None}
        if "buildings" in roles:
            _restrict_to_polygon(roles["buildings"], roles.get("surfaces"), area_polygon)
        elif "surfaces" in roles:  # the buildings' footprints decide what is inside
            if postgis is not None:
                helper = QgsVectorLayer(postgis[0], "b", "postgres")
            else:
                helper = QgsVectorLayer(api.buildings_layer_uri(gpkg), "b", "ogr")
            _restrict_to_polygon(helper, roles["surfaces"], area_polygon)
            del helper
    configure_3d(project, area)
    return {"layers": added, "missing": missing}


STORE_SECTION = "twin_store"


def remember_import(kind: str, buildings_uri: str = "", surfaces_uri: str = "") -> None:
    """Which store the last LoD2 import wrote: "gpkg" (its path is in the core's
    registry) or "postgis" (the layer sources of its two tables)."""
    from hamm_core.adapters.settings import Settings
    settings = Settings(STORE_SECTION)
    settings.set_value("last", kind)
    if kind == "postgis":
        # credentials never go into settings: a password typed into the connection
        # string is dropped (QGIS asks for it, or the authcfg / saved connection supplies it)
        settings.set_value("buildings", _without_password(buildings_uri))
        settings.set_value("surfaces", _without_password(surfaces_uri))


def _without_password(uri: str) -> str:
    from qgis.core import QgsDataSourceUri
    source = QgsDataSourceUri(uri)
    if not source.password():
        return uri
    source.setPassword("")
    return source.uri(False)


def last_postgis_import():
    """(buildings source, surfaces source) if the last import went to PostGIS."""
    from hamm_core.adapters.settings import Settings
    settings = Settings(STORE_SECTION)
    if settings.value("last", "", str) != "postgis":
        return None
    b, s = settings.value("buildings", "", str), settings.value("surfaces", "", str)
    return (b, s) if b and s else None


def configure_3d(project: QgsProject, area: Optional[QgsRectangle] = None) -> bool:
    """The project's 3D view of the twin (adapters.scene3d): terrain from the DGM of the
    group, orthophoto and other rasters draped, buildings and surfaces with their 3D
    renderers. False if the group holds nothing to show."""
    group = project.layerTreeRoot().findGroup(GROUP)
    if group is None:
        return False
    dem, drape, layers_3d = None, [], []
    extent = QgsRectangle()
    for node in group.findLayers():
        layer = node.layer()
        if layer is None:
            continue
        role = layer.customProperty(ROLE)
        if role == "terrain":
            dem = layer
        elif role in ("buildings", "surfaces", "pointcloud"):
            layers_3d.append(layer)
        elif role == "ortho":
            drape.append(layer)
        # the nDSM stays out of the terrain's texture: it would hide the orthophoto
        if layer.isValid() and role != "ortho":
            extent.combineExtentWith(layer.extent())
    if dem is None and not layers_3d:
        return False
    if area is not None and not area.isEmpty():
        extent = QgsRectangle(area)
    if extent.isNull() or extent.isEmpty():
        extent = QgsRectangle(dem.extent() if dem is not None else layers_3d[0].extent())
    if dem is not None:
        drape.append(dem)  # the DGM itself, coloured, under the orthophoto (top first)
    scene3d.configure(project, extent, dem, drape, layers_3d)
    return True
