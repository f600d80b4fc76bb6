"""hamm_twin: the 3D configuration of "load twin" (3D renderers of the layers, the project's
3D view with the DGM as terrain and the orthophoto draped), read back by QGIS's own
Qgs3DMapSettings and found in the saved project file."""

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from qgis.core import QgsProject, QgsRasterLayer, QgsRectangle
from twin_fixtures import House, write_citygml

pytestmark = pytest.mark.qgis

X0, Y0 = 410000.0, 5720000.0

try:
    import qgis._3d  # noqa: F401
    HAVE_3D = True
except ImportError:
    HAVE_3D = False
needs_3d = pytest.mark.skipif(not HAVE_3D, reason="this QGIS has no 3D library (qgis._3d)")


def _twin(tmp_path):
    import processing

    from hamm_twin.adapters import rasters
    houses = [House("H{}".format(i), X0 + i * 20, Y0 + 5, r=8 + i, measured=8.0 + i)
              for i in range(4)]
    gml = write_citygml(tmp_path / "a.gml", houses)
    gpkg = str(tmp_path / "lod2.gpkg")
    processing.run("hamm_twin:import_lod2", {"INPUT": [gml], "OUTPUT": gpkg})
    dem = np.fromfunction(lambda r, c: 60 + 0.1 * c, (40, 100))
    dgm = rasters.write_geotiff(str(tmp_path / "dgm.tif"), dem, (X0 - 10, 1.0, 0, Y0 + 30, 0,
                                                                -1.0))
    ortho = QgsRasterLayer(dgm, "Orthophoto (Test)", "gdal")  # any raster to drape
    return gpkg, dgm, ortho


@needs_3d
def test_load_twin_configures_3d(provider, tmp_path, qgis_new_project):
    from qgis._3d import QgsVectorLayer3DRenderer
    from qgis.core import QgsAbstract3DSymbol

    from hamm_twin.adapters import scene3d, twin
    gpkg, dgm, ortho = _twin(tmp_path)
    project = QgsProject.instance()
    from qgis.core import QgsCoordinateReferenceSystem
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
    area = QgsRectangle(X0 - 10, Y0 - 10, X0 + 90, Y0 + 30)
    result = twin.load_twin(["buildings", "surfaces", "terrain", "ortho"], area, project,
                            paths={"buildings": gpkg, "terrain": dgm}, ortho_layers=[ortho])
    assert result["missing"] == []
    group = project.layerTreeRoot().findGroup(twin.GROUP)
    layers = {n.layer().customProperty(twin.ROLE): n.layer() for n in group.findLayers()}
    # buildings: extruded by the height field
    renderer = layers["buildings"].renderer3D()
    assert isinstance(renderer, QgsVectorLayer3DRenderer)
    prop = renderer.symbol().dataDefinedProperties().property(
        QgsAbstract3DSymbol.PropertyExtrusionHeight)
    assert prop.isActive() and '"hoehe"' in prop.expressionString()
    # the value the expression gives for a building is its height
    from qgis.core import QgsExpressionContext, QgsExpressionContextUtils
    feat = next(f for f in layers["buildings"].getFeatures() if f["gml_id"] == "H2")
    ctx = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(
        layers["buildings"]))
    ctx.setFeature(feat)
    assert prop.valueAsDouble(ctx, 0)[0] == pytest.approx(10.0)
    assert isinstance(layers["surfaces"].renderer3D(), QgsVectorLayer3DRenderer)
    # the project's 3D settings: read back by QGIS's Qgs3DMapSettings
    settings = scene3d.settings_from_project(project)
    assert settings is not None
    assert settings.crs().authid() == "EPSG:25832"
    assert settings.origin().x() == pytest.approx(area.center().x())
    assert settings.origin().y() == pytest.approx(area.center().y())
    ids = {lyr.id() for lyr in settings.layers()}
    assert {ortho.id(), layers["buildings"].id(), layers["surfaces"].id()} <= ids
    root = ET.fromstring(scene3d.stored_view(project))
    generator = root.find("qgis3d/terrain/generator")
    assert generator.get("type") == "dem" and generator.get("layer") == layers["terrain"].id()
    draped = [e.get("id") for e in root.findall("qgis3d/terrain/terrainLayers/layer")]
    # the orthophoto over the coloured DGM (first = drawn on top), no buildings in it
    assert draped == [ortho.id(), layers["terrain"].id()]
    # the saved project file carries the 3D view for QGIS Desktop
    path = tmp_path / "twin.qgs"
    assert project.write(str(path))
    saved = ET.parse(str(path)).getroot()
    views = saved.findall("mapViewDocks3D/view")
    assert [v.get("name") for v in views] == [scene3d.view_name()]
    assert views[0].find("qgis3d/terrain/generator").get("layer") == layers["terrain"].id()
    # written again: still one view
    assert project.write(str(path))
    assert len(ET.parse(str(path)).getroot().findall("mapViewDocks3D/view")) == 1
    project.removeAllMapLayers()


def test_load_twin_without_terrain_or_buildings_sets_no_view(qgis_new_project):
    from hamm_twin.adapters import scene3d, twin
    project = QgsProject.instance()
    result = twin.load_twin(["terrain"], None, project,
                            paths={"terrain": "/nonexistent/dgm.tif"})
    assert result["layers"] == [] and result["missing"]
    assert scene3d.stored_view(project) == ""


def test_load_twin_inside_a_district_polygon(provider, tmp_path, qgis_new_project):
    import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from hamm_twin.adapters import twin
    houses = [House("G{}_{}".format(i, j), X0 + i * 20, Y0 + j * 20)
              for i in range(5) for j in range(5)]
    gml = write_citygml(tmp_path / "g.gml", houses)
    gpkg = str(tmp_path / "g.gpkg")
    processing.run("hamm_twin:import_lod2", {"INPUT": [gml], "OUTPUT": gpkg})
    # a district drawn in WGS84: a triangle over the grid
    tri = QgsGeometry.fromWkt("POLYGON(({0} {1}, {2} {1}, {0} {3}, {0} {1}))".format(
        X0 + 3, Y0 + 2, X0 + 85, Y0 + 85))
    districts = QgsVectorLayer("Polygon?crs=EPSG:4326", "bezirke", "memory")
    wgs = QgsGeometry(tri)
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform
    wgs.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                         QgsCoordinateReferenceSystem("EPSG:4326"),
                                         QgsProject.instance()))
    feat = QgsFeature()
    feat.setGeometry(wgs)
    districts.dataProvider().addFeatures([feat])
    polygon = twin.polygon_area(districts, selected_only=True)  # nothing selected: all
    assert polygon.area() == pytest.approx(tri.area(), rel=1e-4)

    def inside(h):
        return QgsGeometry.fromRect(QgsRectangle(h.x0, h.y0, h.x0 + h.w, h.y0 + h.d)) \
            .intersects(tri)
    expected = sorted(h.gml_id for h in houses if inside(h))
    assert 3 < len(expected) < len(houses) - 3
    project = QgsProject.instance()
    twin.load_twin(["buildings", "surfaces"], None, project, paths={"buildings": gpkg},
                   area_polygon=polygon)
    group = project.layerTreeRoot().findGroup(twin.GROUP)
    layers = {n.layer().customProperty(twin.ROLE): n.layer() for n in group.findLayers()}
    assert sorted(f["gml_id"] for f in layers["buildings"].getFeatures()) == expected
    assert {f["gml_id"] for f in layers["surfaces"].getFeatures()} == set(expected)
    project.removeAllMapLayers()
    # surfaces alone: the footprints still decide
    twin.load_twin(["surfaces"], None, project, paths={"buildings": gpkg},
                   area_polygon=polygon)
    group = project.layerTreeRoot().findGroup(twin.GROUP)
    (surfaces,) = [n.layer() for n in group.findLayers()]
    assert {f["gml_id"] for f in surfaces.getFeatures()} == set(expected)
    project.removeAllMapLayers()


def test_load_dialog_polygon_area(qgis_new_project):
    from qgis.core import QgsVectorLayer

    from hamm_twin.gui.load_dialog import LoadTwinDialog
    layer = QgsVectorLayer("Polygon?crs=EPSG:25832", "Stadtbezirke", "memory")
    QgsProject.instance().addMapLayer(layer)
    dialog = LoadTwinDialog()
    assert dialog.area_layer() is None and dialog.use_canvas_extent()
    assert not dialog.polygon_layer.isEnabled()
    dialog.polygons.setChecked(True)
    assert dialog.polygon_layer.isEnabled()
    assert dialog.area_layer() == (layer, True)
    assert not dialog.use_canvas_extent()
    QgsProject.instance().removeMapLayer(layer.id())
