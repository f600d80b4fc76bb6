"""hamm_twin in a real QGIS: the Processing algorithms (LoD2 import into a GeoPackage with
updates, terrain VRT + hillshade, DSM/nDSM from LAS), styles and 3D renderers, loading the
twin into one group, the WMS/WCS demo services, qgis_process, and bad input."""

import os
import subprocess

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorLayer
from twin_fixtures import House, write_citygml, write_cityjson, write_las

pytestmark = pytest.mark.qgis

X0, Y0 = 410000.0, 5720000.0


def tiles(tmp_path):
    a = [House("DENW_A{}".format(i), X0 + i * 20, Y0, r=8 + i, measured=8.0 + i)
         for i in range(5)]
    b = [a[-1]] + [House("DENW_B{}".format(i), X0 + i * 20, Y0 + 1000, roof_type="1000",
                         r=6, e=6) for i in range(3)]
    return (write_citygml(tmp_path / "tile_a.gml", a, version="2.0"),
            write_citygml(tmp_path / "tile_b.gml", b, version="1.0"))


def features(path, layer):
    lyr = QgsVectorLayer("{}|layername={}".format(path, layer), layer, "ogr")
    assert lyr.isValid()
    rows = [{f.name(): feat[f.name()] for f in lyr.fields()} | {"_geom": feat.geometry()}
            for feat in lyr.getFeatures()]
    wkb_type = lyr.wkbType()
    crs = lyr.crs().authid()
    renderer3d = lyr.renderer3D()
    del lyr
    return rows, wkb_type, crs, renderer3d


def test_import_lod2_writes_buildings_and_surfaces(provider, tmp_path):
    import processing
    a, b = tiles(tmp_path)
    out = str(tmp_path / "lod2.gpkg")
    res = processing.run("hamm_twin:import_lod2", {"INPUT": [a, b], "OUTPUT": out})
    assert res["BUILDING_COUNT"] == 8  # the building in both tiles once
    rows, wkb_type, crs, r3d = features(out, "gebaeude")
    assert crs == "EPSG:25832"
    assert len(rows) == 8 and len({r["gml_id"] for r in rows}) == 8
    by_id = {r["gml_id"]: r for r in rows}
    a2 = by_id["DENW_A2"]
    assert a2["hoehe"] == pytest.approx(10.0)
    assert a2["hoehe_first"] == pytest.approx(60 + 10)
    assert a2["hoehe_traufe"] == pytest.approx(66)
    assert a2["hoehe_boden"] == pytest.approx(60)
    assert a2["dachform_bez"] == "Satteldach" and a2["funktion_bez"] == "Wohnhaus"
    assert a2["geschosse"] == 2 and a2["quelle"] == "tile_a.gml"
    assert a2["grundflaeche"] == pytest.approx(80.0)
    assert a2["_geom"].area() == pytest.approx(80.0)
    assert a2["dachflaeche"] == pytest.approx(House("x", 0, 0, r=10).roof_area())
    assert by_id["DENW_B1"]["dachform_bez"] == "Flachdach"
    assert by_id["DENW_B1"]["quelle"] == "tile_b.gml"
    from osgeo import ogr
    ds = ogr.Open(out)
    styled = ds.ExecuteSQL("SELECT f_table_name FROM layer_styles WHERE useAsDefault")
    assert sorted(f.GetField(0) for f in styled) == ["gebaeude", "gebaeude_flaechen"]
    ds.ReleaseResultSet(styled)
    ds = None
    srows, s_type, _crs, _r = features(out, "gebaeude_flaechen")
    assert len(srows) == 5 * 7 + 3 * 6
    roofs = [r for r in srows if r["gml_id"] == "DENW_A2" and r["typ"] == "RoofSurface"]
    assert sum(r["flaeche_m2"] for r in roofs) == pytest.approx(a2["dachflaeche"])
    assert all(r["typ_bez"] == "Dach" for r in roofs)
    assert roofs[0]["_geom"].constGet().is3D()
    from hamm_twin import api
    assert api.buildings_gpkg() == out
    heights = api.building_heights(extent=(X0 - 1, Y0 - 1, X0 + 30, Y0 + 10))
    assert sorted(h["gml_id"] for h in heights) == ["DENW_A0", "DENW_A1"]
    assert heights[0]["hoehe"] is not None
    # the other tools read the same through the core, without importing hamm_twin
    from hamm_core.adapters import twin_data
    assert twin_data.buildings_gpkg() == out
    assert twin_data.building_heights(extent=(X0 - 1, Y0 - 1, X0 + 30, Y0 + 10)) == heights


def test_reimport_updates_instead_of_duplicating(provider, tmp_path):
    import processing
    a, _b = tiles(tmp_path)
    out = str(tmp_path / "lod2.gpkg")
    processing.run("hamm_twin:import_lod2", {"INPUT": [a], "OUTPUT": out})
    changed = [House("DENW_A{}".format(i), X0 + i * 20, Y0, r=8 + i, measured=20.0 + i)
               for i in range(2)]
    c = write_citygml(tmp_path / "tile_a_new.gml", changed)
    res = processing.run("hamm_twin:import_lod2", {"INPUT": [c], "OUTPUT": out})
    assert res["UPDATED"] == 2
    rows, *_ = features(out, "gebaeude")
    assert len(rows) == 5
    assert {r["gml_id"]: r["hoehe"] for r in rows}["DENW_A1"] == pytest.approx(21.0)
    srows, *_ = features(out, "gebaeude_flaechen")
    assert len(srows) == 5 * 7


def test_import_extent_folder_and_cityjson(provider, tmp_path):
    import processing
    folder = tmp_path / "tiles"
    folder.mkdir()
    write_cityjson(folder / "a.json", [House("J{}".format(i), X0 + i * 20, Y0)
                                       for i in range(4)])
    (folder / "readme.txt").write_text("not a tile")
    out = str(tmp_path / "j.gpkg")
    res = processing.run("hamm_twin:import_lod2", {
        "FOLDER": str(folder), "EXTENT": "{},{},{},{} [EPSG:25832]".format(
            X0 - 5, X0 + 25, Y0 - 5, Y0 + 20), "OUTPUT": out})
    assert res["BUILDING_COUNT"] == 2
    rows, *_ = features(out, "gebaeude")
    assert sorted(r["gml_id"] for r in rows) == ["J0", "J1"]


def test_import_reports_bad_tiles_and_keeps_good_ones(provider, tmp_path):
    import processing
    a, _b = tiles(tmp_path)
    bad = tmp_path / "broken.gml"
    bad.write_text("<core:CityModel")
    out = str(tmp_path / "x.gpkg")
    res = processing.run("hamm_twin:import_lod2", {"INPUT": [str(bad), a], "OUTPUT": out})
    assert res["BUILDING_COUNT"] == 5


def test_import_fails_clearly_when_no_tile_is_readable(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    bad = tmp_path / "gk.gml"
    write_citygml(bad, [House("X", 3400000, 5700000)], srs="EPSG:31467")
    with pytest.raises(QgsProcessingException, match="None of the 1 files"):
        processing.run("hamm_twin:import_lod2", {"INPUT": [str(bad)],
                                                 "OUTPUT": str(tmp_path / "y.gpkg")})


def test_terrain_vrt_and_hillshade(provider, tmp_path):
    import processing
    for k in range(2):  # two XYZ tiles side by side, 1 m cells
        lines = ["{} {} {}".format(X0 + 10 * k + c + 0.5, Y0 + r + 0.5, 50 + c + 10 * k)
                 for r in range(10) for c in range(10)]
        (tmp_path / "dgm_{}.xyz".format(k)).write_text("\n".join(lines))
    out = str(tmp_path / "dgm.vrt")
    shade = str(tmp_path / "shade.tif")
    processing.run("hamm_twin:terrain_vrt", {
        "INPUT": [str(tmp_path / "dgm_0.xyz"), str(tmp_path / "dgm_1.xyz")],
        "OUTPUT": out, "HILLSHADE": shade})
    ds = gdal.Open(out)
    assert (ds.RasterXSize, ds.RasterYSize) == (20, 10)
    arr = ds.GetRasterBand(1).ReadAsArray()
    assert arr[5, 0] == 50 and arr[5, 19] == 69
    ds = None
    assert gdal.Open(shade).RasterXSize == 20


def test_dsm_and_ndsm_from_las(provider, tmp_path):
    import processing
    rng = np.random.default_rng(7)
    n = 2000
    xy = np.column_stack([rng.uniform(X0, X0 + 10, n), rng.uniform(Y0, Y0 + 10, n)])
    ground = 50 + 0.1 * (xy[:, 0] - X0)
    is_ground = rng.random(n) < 0.5
    z = np.where(is_ground, ground, ground + rng.uniform(0, 12, n))
    xyz = np.round(np.column_stack([xy, z]), 2)
    las_path = write_las(tmp_path / "p.las", xyz, np.where(is_ground, 2, 1))
    dsm, ndsm = str(tmp_path / "dsm.tif"), str(tmp_path / "ndsm.tif")
    processing.run("hamm_twin:las_dsm", {
        "INPUT": [las_path], "CELL": 5.0, "STAT": 0,
        "EXTENT": "{},{},{},{} [EPSG:25832]".format(X0, X0 + 10, Y0, Y0 + 10),
        "DSM": dsm, "NDSM": ndsm})
    got = gdal.Open(dsm).ReadAsArray()
    got_n = gdal.Open(ndsm).ReadAsArray()
    col = np.minimum(((xyz[:, 0] - X0) // 5).astype(int), 1)
    row = np.minimum(((Y0 + 10 - xyz[:, 1]) // 5).astype(int), 1)
    for r in range(2):
        for c in range(2):
            cell = (row == r) & (col == c)
            assert got[r, c] == pytest.approx(xyz[cell, 2].max(), abs=1e-3)
            g = cell & is_ground
            assert got_n[r, c] == pytest.approx(xyz[cell, 2].max() - xyz[g, 2].mean(),
                                                abs=1e-3)


def test_laz_without_reader_says_what_to_do(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    from hamm_twin.adapters import rasters
    laz = tmp_path / "p.laz"
    laz.write_bytes(b"LASF" + b"\0" * 400)
    if rasters.laz_reader_available():
        pytest.skip("a LAZ reader is installed here")
    with pytest.raises(QgsProcessingException, match="LAZ"):
        processing.run("hamm_twin:las_dsm", {"INPUT": [str(laz)], "CELL": 1.0,
                                             "DSM": str(tmp_path / "d.tif")})


def test_load_twin_group_styles_and_3d(provider, tmp_path, qgis_new_project):
    import processing

    from hamm_twin.adapters import twin
    a, b = tiles(tmp_path)
    out = str(tmp_path / "lod2.gpkg")
    processing.run("hamm_twin:import_lod2", {"INPUT": [a, b], "OUTPUT": out})
    dgm = tmp_path / "dgm.xyz"
    dgm.write_text("\n".join("{} {} {}".format(X0 + c + .5, Y0 + r + .5, 50 + r)
                             for r in range(5) for c in range(5)))
    processing.run("hamm_twin:terrain_vrt", {"INPUT": [str(dgm)],
                                             "OUTPUT": str(tmp_path / "t.vrt")})
    project = QgsProject.instance()
    result = twin.load_twin(["buildings", "surfaces", "terrain", "ndsm"],
                            QgsRectangle(X0 - 5, Y0 - 5, X0 + 45, Y0 + 20), project,
                            paths={"ndsm": str(tmp_path / "missing.tif")})
    assert len(result["layers"]) == 3
    assert any("nDSM" in m for m in result["missing"])
    group = project.layerTreeRoot().findGroup(twin.GROUP)
    layers = {n.layer().name(): n.layer() for n in group.findLayers()}
    buildings = layers["LoD2 buildings"]
    assert sum(1 for _f in buildings.getFeatures()) == 3  # only the area
    assert buildings.renderer3D() is not None
    assert buildings.renderer3D().type() == "vector"
    assert layers["LoD2 roof and wall surfaces (3D)"].renderer().type() == "categorizedSymbol"
    assert isinstance(layers["Terrain (DGM)"], QgsRasterLayer)
    project.removeAllMapLayers()


def test_demo_wms_and_wcs_layers_load(demo_server, qgis_app):
    from hamm_core.adapters import ogc
    wms = ogc.make_layer("WMS", demo_server.ows_url, "gebaeude", "Orthophoto (Demo)")
    assert wms.isValid() and wms.crs().authid() == "EPSG:25832"
    del wms


def test_plugin_actions(qgis_iface):
    from hamm_twin.plugin import TwinPlugin
    plugin = TwinPlugin(qgis_iface)
    plugin.initGui()
    try:
        names = {a.objectName() for a in plugin.actions}
        assert {"hamm_twin_load", "hamm_twin_import_lod2", "hamm_twin_terrain",
                "hamm_twin_dsm"} <= names
        from qgis.core import QgsApplication
        assert QgsApplication.processingRegistry().algorithmById("hamm_twin:import_lod2")
    finally:
        plugin.unload()


@pytest.mark.slow
def test_import_in_qgis_process(root_dir, tmp_path):
    a = write_citygml(tmp_path / "a.gml", [House("Q1", X0, Y0), House("Q2", X0 + 20, Y0)])
    profile = tmp_path / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nhamm_core=true\nhamm_twin=true\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
               QGIS_PLUGINPATH=str(root_dir / "plugins"))
    out = tmp_path / "q.gpkg"
    proc = subprocess.run(["/usr/bin/qgis_process.bin", "run", "hamm_twin:import_lod2", "--",
                           "INPUT={}".format(a), "OUTPUT={}".format(out)], env=env,
                          capture_output=True, text=True, check=False, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 buildings with 14 surfaces imported" in proc.stdout


def test_load_twin_area_drawn_as_rectangle(qgis_iface, qgis_new_project):
    """'A rectangle drawn on the map': the extent tool is active until the user has
    dragged a rectangle, then the previous tool is back and the twin is loaded."""
    from qgis.core import Qgis, QgsRectangle
    from qgis.gui import QgsMapToolExtent, QgsMapToolPan

    from hamm_twin.gui.load_dialog import LoadTwinDialog
    from hamm_twin.plugin import TwinPlugin
    dialog = LoadTwinDialog()
    dialog.drawn.setChecked(True)
    assert dialog.use_drawn_rectangle() and not dialog.use_canvas_extent()
    assert dialog.area_layer() is None
    dialog.deleteLater()
    plugin = TwinPlugin(qgis_iface)
    plugin.initGui()
    canvas = qgis_iface.mapCanvas()
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    try:
        plugin._draw_area([])
        tool = canvas.mapTool()
        assert isinstance(tool, QgsMapToolExtent)
        bar = qgis_iface.messageBar()

        def last():
            return bar.get_messages(Qgis.Info)[-1]
        assert "Drag a rectangle" in last()
        tool.extentChanged.emit(QgsRectangle(410000, 5720000, 410500, 5720400))
        assert canvas.mapTool() is pan
        assert "0 layers loaded" in last()
        plugin._draw_area([])
        canvas.mapTool().extentChanged.emit(QgsRectangle())
        assert canvas.mapTool() is pan
        assert "empty" in last()
    finally:
        plugin.unload()
        canvas.unsetMapTool(pan)

