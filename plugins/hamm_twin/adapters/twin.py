"""'Load the digital twin': the chosen components for an area as one styled layer group,
buildings extruded in the 3D view, terrain with hillshade, orthophoto from the catalog."""

from typing import Dict, List, Optional

from qgis.core import QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorLayer

from hamm_core.adapters import ogc

from .. import api
from ..logic.i18n import tr
from . import styles

GROUP = "Digitaler Zwilling"
COMPONENTS = ("buildings", "surfaces", "terrain", "ortho", "ndsm")


def _subset(layer: QgsVectorLayer, table: str, area: Optional[QgsRectangle]) -> None:
    """Only the features whose bounding box meets ``area`` (the GeoPackage's R-tree)."""
    if area is None or area.isEmpty():
        return
    layer.setSubsetString(
        "fid IN (SELECT id FROM rtree_{}_geom WHERE maxx >= {} AND minx <= {} AND "
        "maxy >= {} AND miny <= {})".format(table, area.xMinimum(), area.xMaximum(),
                                            area.yMinimum(), area.yMaximum()))


def load_twin(components: List[str], area: Optional[QgsRectangle] = None,
              project: Optional[QgsProject] = None, paths: Optional[Dict[str, str]] = None,
              ortho_service=None) -> dict:
    """Add the components to the group 'Digitaler Zwilling'; returns
    {"layers": [...names], "missing": [messages]}."""
    project = project or QgsProject.instance()
    paths = dict(paths or {})
    gpkg = paths.get("buildings") or api.buildings_gpkg()
    added, missing = [], []

    def add(layer):
        ogc.add_to_project(layer, GROUP, project)
        added.append(layer.name())

    if "buildings" in components or "surfaces" in components:
        if not gpkg:
            missing.append(tr("No LoD2 buildings imported yet: run 'Import LoD2 buildings' "
                              "first."))
        else:
            if "buildings" in components:
                lyr = QgsVectorLayer(api.buildings_layer_uri(gpkg), tr("LoD2 buildings"), "ogr")
                if lyr.isValid():
                    _subset(lyr, api.BUILDINGS_LAYER, area)
                    styles.style_buildings(lyr)
                    add(lyr)
                else:
                    missing.append(tr("The building layer in {path} cannot be read.").format(
                        path=gpkg))
            if "surfaces" in components:
                lyr = QgsVectorLayer("{}|layername={}".format(gpkg, api.SURFACES_LAYER),
                                     tr("LoD2 roof and wall surfaces (3D)"), "ogr")
                if lyr.isValid():
                    _subset(lyr, api.SURFACES_LAYER, area)
                    styles.style_surfaces(lyr)
                    add(lyr)
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
        add(lyr)
    if "ortho" in components and ortho_service is not None:
        try:
            for lyr in ogc.service_layers(ortho_service):
                add(lyr)
        except Exception as err:  # noqa: BLE001 - reported, the rest stays loaded
            missing.append(str(err))
    configure_3d(project)
    return {"layers": added, "missing": missing}


def configure_3d(project: QgsProject) -> bool:
    """Set the terrain of new 3D views to the DGM where QGIS allows it (project
    elevation properties, QGIS >= 3.26). QGIS 3.22 keeps 3D view settings per view only;
    there the layers carry their 3D renderers and the user chooses the DGM as terrain."""
    props = getattr(project, "elevationProperties", None)
    if props is None:
        return False
    try:
        from qgis.core import QgsRasterDemTerrainProvider
    except ImportError:
        return False
    group = project.layerTreeRoot().findGroup(GROUP)
    dem = None
    for node in (group.findLayers() if group else []):
        if node.layer() is not None and node.layer().name() == tr("Terrain (DGM)"):
            dem = node.layer()
    if dem is None:
        return False
    provider = QgsRasterDemTerrainProvider()
    provider.setLayer(dem)
    props().setTerrainProvider(provider)
    return True
