"""Point clouds in hamm_twin on real QGIS 3.22: EPT written by logic.ept (checked against
the EPT specification independently here), loaded through QGIS's provider "ept" (file
and URL from a real nginx), styled, in the twin's group and 3D view; bad input; LAS/LAZ
on a QGIS without PDAL (Debian's 3.22: the message and the DSM/nDSM derivation)."""

import json
import math
import os
import shutil

import numpy as np
import pytest
from conftest import free_port
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsDoubleRange,
    QgsGeometry,
    QgsPointCloudLayer,
    QgsProject,
    QgsProviderRegistry,
    QgsRectangle,
)

pytestmark = pytest.mark.qgis

X0, Y0 = 410000.0, 5720000.0


@pytest.fixture
def no_configured_cloud():
    from hamm_twin.adapters.twin import set_pointcloud_source
    set_pointcloud_source("")
    yield
    set_pointcloud_source("")


def scan(n=3000, seed=7):
    """Known points: ground (class 2) on a slope and a 12 m block (class 6)."""
    rng = np.random.default_rng(seed)
    x = X0 + rng.uniform(0, 120, n)
    y = Y0 + rng.uniform(0, 80, n)
    z = 60.0 + 0.05 * (x - X0) + rng.normal(0, 0.02, n)
    roof = (x > X0 + 40) & (x < X0 + 70) & (y > Y0 + 20) & (y < Y0 + 50)
    z[roof] = 75.0 + rng.normal(0, 0.02, roof.sum())
    cls = np.where(roof, 6, 2).astype(np.uint8)
    return x, y, z, cls


def write(tmp_path, name="wolke", **kwargs):
    from hamm_twin.logic import ept
    x, y, z, cls = scan()
    folder = tmp_path / name
    ept.write_ept(str(folder), x, y, z, kwargs.pop("classification", cls), **kwargs)
    return folder, (x, y, z, cls)


def group_layers(project):
    from hamm_twin.adapters.twin import GROUP
    group = project.layerTreeRoot().findGroup(GROUP)
    return [n.layer() for n in group.findLayers()] if group else []


# -- the writer, against the specification -----------------------------------------------

@pytest.mark.parametrize("node_limit", [100_000, 500])
def test_ept_writer_follows_the_specification(tmp_path, node_limit):
    folder, (x, y, z, cls) = write(tmp_path, node_limit=node_limit)
    meta = json.loads((folder / "ept.json").read_text())
    assert meta["dataType"] == "binary" and meta["hierarchyType"] == "json"
    assert meta["points"] == len(x) and meta["version"].startswith("1.")
    assert meta["srs"]["authority"] == "EPSG" and meta["srs"]["horizontal"] == "25832"
    assert "25832" in meta["srs"]["wkt"]
    assert meta["span"] & (meta["span"] - 1) == 0           # a power of 2
    b, c = meta["bounds"], meta["boundsConforming"]
    assert c == pytest.approx([x.min(), y.min(), z.min(), x.max(), y.max(), z.max()])
    edges = [b[i + 3] - b[i] for i in range(3)]
    assert max(edges) - min(edges) < 1e-9                    # a cube ...
    assert all(b[i] <= c[i] and c[i + 3] <= b[i + 3] for i in range(3))  # ... around
    # read the records independently: packed little-endian as the schema says
    fmt = {("signed", 4): "<i4", ("unsigned", 2): "<u2", ("unsigned", 1): "u1"}
    dtype = np.dtype([(d["name"], fmt[(d["type"], d["size"])]) for d in meta["schema"]])
    assert dtype.itemsize == 15
    dims = {d["name"]: d for d in meta["schema"]}
    hierarchy = json.loads((folder / "ept-hierarchy" / "0-0-0-0.json").read_text())
    assert sum(hierarchy.values()) == len(x)
    if node_limit == 500:
        assert len(hierarchy) > 1 and hierarchy["0-0-0-0"] < len(x)
    got = []
    for key, count in hierarchy.items():
        depth, kx, ky, kz = (int(v) for v in key.split("-"))
        rec = np.fromfile(folder / "ept-data" / (key + ".bin"), dtype=dtype)
        assert len(rec) == count > 0
        xyz = np.column_stack([rec[a] * dims[a]["scale"] + dims[a]["offset"] for a in "XYZ"])
        size = edges[0] / 2 ** depth                         # the node's cube
        lo = np.array([b[0] + kx * size, b[1] + ky * size, b[2] + kz * size])
        assert ((xyz >= lo - 1e-6) & (xyz <= lo + size + 1e-6)).all(), key
        got.append(np.column_stack([xyz, rec["Classification"]]))
    got = np.concatenate(got)
    want = np.column_stack([x, y, z, cls])
    order_g = np.lexsort(got[:, :2].T)
    order_w = np.lexsort(np.round(want[:, :2], 2).T)
    assert np.abs(got[order_g] - want[order_w]).max() <= 0.005 + 1e-9


# -- loading an EPT -----------------------------------------------------------------------

def test_load_ept_layer_valid_counted_styled_in_group(qgis_new_project, tmp_path):
    from hamm_twin.adapters import pointcloud, scene3d, twin
    folder, (x, y, z, cls) = write(tmp_path)
    project = QgsProject.instance()
    result = pointcloud.load_point_cloud(str(folder / "ept.json"), "Laserscan", project)
    assert result["warnings"] == []
    layer = result["layer"]
    assert isinstance(layer, QgsPointCloudLayer) and layer.isValid()
    assert layer.providerType() == "ept"
    assert layer.pointCount() == len(x)
    ext = layer.extent()
    assert (ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()) == \
        pytest.approx((x.min(), y.min(), x.max(), y.max()), abs=0.006)
    assert layer.crs().authid() == "EPSG:25832"
    assert layer.renderer().type() == "classified"
    assert layer.renderer().attribute() == "Classification"
    labels = {c.value(): c.label() for c in layer.renderer().categories()}
    assert labels[2] == "Ground" and labels[6] == "Building"
    assert layer.renderer3D() is not None and layer.renderer3D().type() == "pointcloud"
    assert layer.renderer3D().symbol().symbolType() == "classification"
    # every class in 2D; in 3D the ground points give way to the terrain and orthophoto
    assert all(c.renderState() for c in layer.renderer().categories())
    shown_3d = {c.value(): c.renderState() for c in layer.renderer3D().symbol().categoriesList()}
    assert shown_3d[2] is False and shown_3d[6] is True and shown_3d[5] is True
    assert group_layers(project) == [layer]
    assert layer.customProperty(twin.ROLE) == "pointcloud"
    # the points QGIS reads in the roof's box are the roof points, at roof height
    box = QgsGeometry.fromRect(QgsRectangle(X0 + 45, Y0 + 25, X0 + 65, Y0 + 45))
    found = layer.dataProvider().identify(0.0001, box, QgsDoubleRange(), 100000)
    inside = (x >= X0 + 45) & (x <= X0 + 65) & (y >= Y0 + 25) & (y <= Y0 + 45)
    assert len(found) == int(inside.sum())
    assert {p["Classification"] for p in found} == {6}
    assert all(abs(p["Z"] - 75.0) < 0.1 for p in found)
    # and it is part of the twin's 3D view
    assert layer.id() in scene3d.stored_view(project)
    project.removeAllMapLayers()


def test_ept_without_classes_gets_a_height_ramp(qgis_new_project, tmp_path):
    from hamm_twin.adapters import pointcloud
    folder, (x, y, z, _cls) = write(tmp_path, classification=None)
    layer = pointcloud.load_point_cloud(str(folder), "", QgsProject.instance())["layer"]
    renderer = layer.renderer()
    assert renderer.type() == "ramp" and renderer.attribute() == "Z"
    assert (renderer.minimum(), renderer.maximum()) == pytest.approx((z.min(), z.max()))
    items = renderer.colorRampShader().colorRampItemList()
    assert len(items) >= 5
    assert items[0].color != items[-1].color
    assert layer.renderer3D().symbol().symbolType() == "color-ramp"
    assert layer.name() == "wolke"          # the folder's name
    QgsProject.instance().removeAllMapLayers()


def test_ept_in_another_crs_is_added_with_a_warning(qgis_new_project, tmp_path):
    from hamm_twin.adapters import pointcloud
    folder, _pts = write(tmp_path, epsg=25833)
    result = pointcloud.load_point_cloud(str(folder / "ept.json"), "x", QgsProject.instance())
    assert result["layer"].isValid() and result["layer"].crs().authid() == "EPSG:25833"
    assert len(result["warnings"]) == 1
    assert "EPSG:25833" in result["warnings"][0] and "EPSG:25832" in result["warnings"][0]
    assert group_layers(QgsProject.instance()) == [result["layer"]]
    QgsProject.instance().removeAllMapLayers()


def test_ept_with_only_the_srs_code_gets_that_crs(qgis_new_project, tmp_path):
    """QGIS 3.22 reads srs.wkt only; authority + horizontal alone are honoured too."""
    from hamm_twin.adapters import pointcloud
    folder, _pts = write(tmp_path, wkt="")
    assert "wkt" not in json.loads((folder / "ept.json").read_text())["srs"]
    result = pointcloud.load_point_cloud(str(folder / "ept.json"), "x", QgsProject.instance())
    assert result["layer"].crs().authid() == "EPSG:25832" and result["warnings"] == []
    QgsProject.instance().removeAllMapLayers()


def _break(folder, how):
    meta_path = folder / "ept.json"
    if how == "missing":
        shutil.rmtree(folder)
    elif how == "truncated_json":
        meta_path.write_text(meta_path.read_text()[:120])
    elif how == "no_schema":
        meta = json.loads(meta_path.read_text())
        del meta["schema"]
        meta_path.write_text(json.dumps(meta))
    elif how == "bad_bounds":
        meta = json.loads(meta_path.read_text())
        meta["bounds"] = [1, 2, 3]
        meta_path.write_text(json.dumps(meta))
    elif how == "no_hierarchy":
        os.remove(folder / "ept-hierarchy" / "0-0-0-0.json")
    elif how == "truncated_data":
        data = folder / "ept-data" / "0-0-0-0.bin"
        data.write_bytes(data.read_bytes()[:100])


@pytest.mark.parametrize("how,words", [
    ("missing", "does not exist"),
    ("truncated_json", "not valid JSON"),
    ("no_schema", "schema"),
    ("bad_bounds", "'bounds' must be six numbers"),
    ("no_hierarchy", "ept-hierarchy/0-0-0-0.json is missing"),
    ("truncated_data", "is truncated"),
])
def test_broken_ept_gives_a_clear_message_and_adds_nothing(qgis_new_project, tmp_path,
                                                           how, words):
    from hamm_core.logic.errors import HammError
    from hamm_twin.adapters import pointcloud
    folder, _pts = write(tmp_path)
    _break(folder, how)
    project = QgsProject.instance()
    with pytest.raises(HammError) as info:
        pointcloud.load_point_cloud(str(folder / "ept.json"), "x", project)
    assert words in info.value.user_message
    assert project.mapLayers() == {} and group_layers(project) == []


def test_unknown_file_type_is_refused(qgis_new_project, tmp_path):
    from hamm_core.logic.errors import HammError
    from hamm_twin.adapters import pointcloud
    other = tmp_path / "punkte.csv"
    other.write_text("x,y,z\n1,2,3\n")
    with pytest.raises(HammError) as info:
        pointcloud.load_point_cloud(str(other), "x", QgsProject.instance())
    assert "ept.json" in info.value.user_message and "LAS" in info.value.user_message
    assert QgsProject.instance().mapLayers() == {}


def test_error_messages_are_german_with_the_german_translator(tmp_path, root_dir):
    from hamm_core.adapters.i18n import install_translator, remove_translator
    from hamm_core.logic.errors import HammError
    from hamm_twin.adapters import pointcloud
    assert install_translator("hamm_twin", str(root_dir / "plugins" / "hamm_twin"), lang="de")
    try:
        with pytest.raises(HammError) as missing:
            pointcloud.make_layer(str(tmp_path / "fehlt" / "ept.json"))
        other = tmp_path / "punkte.csv"
        other.write_text("x")
        with pytest.raises(HammError) as unknown:
            pointcloud.make_layer(str(other))
    finally:
        remove_translator("hamm_twin")
    assert "existiert nicht" in missing.value.user_message
    assert "Punktwolke" in unknown.value.user_message


def test_class_names_follow_the_suite_language(root_dir):
    from hamm_core.adapters.i18n import install_translator, remove_translator
    from hamm_twin.adapters import pointcloud
    assert install_translator("hamm_twin", str(root_dir / "plugins" / "hamm_twin"), lang="de")
    try:
        german = {c.value(): c.label() for c in pointcloud.categories()}
    finally:
        remove_translator("hamm_twin")
    english = {c.value(): c.label() for c in pointcloud.categories()}
    assert (german[2], german[6], german[9]) == ("Boden", "Gebäude", "Wasser")
    assert (english[2], english[6], english[9]) == ("Ground", "Building", "Water")


# -- EPT from a web server ----------------------------------------------------------------

@pytest.fixture
def ept_server(tmp_path):
    import nginx_server
    work = tmp_path / "nginx"
    (work / "www").mkdir(parents=True)
    port = free_port()
    conf = nginx_server.config(work, port, "application/json json; "
                               "application/octet-stream bin;", "")
    (work / "www" / "probe.json").write_text("{}")
    try:
        proc, base = nginx_server.start(work, port, conf, "/probe.json")
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield nginx_server.HttpServer(base, work / "www", work / "access.log")
    nginx_server.stop(proc)


def test_ept_from_a_url(qgis_new_project, tmp_path, ept_server):
    from hamm_twin.adapters import pointcloud
    folder, (x, _y, _z, _c) = write(tmp_path, node_limit=800)
    shutil.copytree(folder, ept_server.root / "wolke")
    url = ept_server.url("wolke/ept.json")
    result = pointcloud.load_point_cloud(url, "Laserscan (Web)", QgsProject.instance())
    layer = result["layer"]
    assert layer.isValid() and layer.pointCount() == len(x)
    assert layer.crs().authid() == "EPSG:25832"
    assert ept_server.hits("wolke/ept.json") >= 1
    assert layer.renderer().type() == "classified"
    QgsProject.instance().removeAllMapLayers()


def test_ept_url_that_fails_adds_nothing(qgis_new_project, ept_server):
    from hamm_core.logic.errors import HammError
    from hamm_twin.adapters import pointcloud
    (ept_server.root / "kaputt").mkdir()
    (ept_server.root / "kaputt" / "ept.json").write_text('{"bounds": [1, 2')
    for url in (ept_server.url("fehlt/ept.json"), ept_server.url("kaputt/ept.json")):
        with pytest.raises(HammError) as info:
            pointcloud.load_point_cloud(url, "x", QgsProject.instance())
        assert "cannot open the point cloud" in info.value.user_message
    assert QgsProject.instance().mapLayers() == {}


# -- LAS/LAZ without PDAL -----------------------------------------------------------------

def _las(tmp_path):
    from hamm_twin.logic.las import write_las
    x, y, z, cls = scan()
    path = tmp_path / "scan.las"
    write_las(str(path), x, y, z, cls)
    return path, (x, y, z, cls)


def test_las_without_pdal_says_so_and_offers_the_dsm(qgis_new_project, tmp_path):
    from hamm_twin.adapters import pointcloud
    path, _pts = _las(tmp_path)
    has_pdal = "pdal" in QgsProviderRegistry.instance().providerList()
    assert pointcloud.has_pdal() == has_pdal
    if has_pdal:  # a QGIS built with PDAL shows the file natively
        layer = pointcloud.load_point_cloud(str(path), "x", QgsProject.instance())["layer"]
        assert layer.isValid() and layer.providerType() == "pdal"
        QgsProject.instance().removeAllMapLayers()
        return
    for name in ("scan.las", "scan.laz", "scan.copc.laz"):
        target = tmp_path / name
        if not target.exists():
            shutil.copy(path, target)
        with pytest.raises(pointcloud.PointCloudUnsupported) as info:
            pointcloud.load_point_cloud(str(target), "x", QgsProject.instance())
        message = info.value.user_message
        assert "PDAL" in message and "DSM" in message and "nDSM" in message
        assert name in message
    assert QgsProject.instance().mapLayers() == {}


def test_algorithm_derives_dsm_and_ndsm_where_las_cannot_be_shown(provider, tmp_path,
                                                                  qgis_new_project):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    path, (x, y, z, cls) = _las(tmp_path)
    if "pdal" in QgsProviderRegistry.instance().providerList():
        pytest.skip("this QGIS shows LAS natively")
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802 - Qt API
            warnings.append(text)

    res = processing.run("hamm_twin:load_point_cloud", {"INPUT": str(path), "CELL": 10.0},
                         context=QgsProcessingContext(), feedback=Feedback())
    assert any("PDAL" in w for w in warnings)
    assert res["POINTS"] == 0 and os.path.exists(res["NDSM"])
    ds = gdal.Open(res["DSM"])
    dsm = ds.GetRasterBand(1).ReadAsArray()
    gt = ds.GetGeoTransform()
    del ds
    # an independent maximum per 10 m cell, of the coordinates as LAS stores them
    x, y, z = (np.round((v - np.floor(v.min())) / 0.01) * 0.01 + np.floor(v.min())
               for v in (x, y, z))
    col = np.floor((x - gt[0]) / gt[1]).astype(int)
    row = np.floor((gt[3] - y) / -gt[5]).astype(int)
    want = np.full(dsm.shape, -np.inf)
    np.maximum.at(want, (np.clip(row, 0, dsm.shape[0] - 1), np.clip(col, 0, dsm.shape[1] - 1)),
                  z)
    assert np.abs(dsm - want).max() < 0.01
    assert QgsProject.instance().mapLayers() == {}  # nothing half-loaded


def test_algorithm_without_derivation_fails_with_the_message(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    path, _pts = _las(tmp_path)
    if "pdal" in QgsProviderRegistry.instance().providerList():
        pytest.skip("this QGIS shows LAS natively")
    with pytest.raises(QgsProcessingException) as info:
        processing.run("hamm_twin:load_point_cloud", {"INPUT": str(path), "DERIVE": False})
    assert "PDAL" in str(info.value)


def test_algorithm_loads_ept_into_the_project(provider, tmp_path, qgis_new_project,
                                              no_configured_cloud):
    import processing

    from hamm_twin.adapters.twin import pointcloud_source
    folder, (x, _y, _z, _c) = write(tmp_path)
    res = processing.run("hamm_twin:load_point_cloud",
                         {"INPUT": str(folder / "ept.json"), "NAME": "Befliegung 2024"})
    assert res["POINTS"] == len(x) and res["CRS"] == "EPSG:25832"
    layers = group_layers(QgsProject.instance())
    assert [lyr.name() for lyr in layers] == ["Befliegung 2024"]
    assert layers[0].pointCount() == len(x) and layers[0].renderer().type() == "classified"
    # remembered: 'Load digital twin' offers it from now on
    assert pointcloud_source() == str(folder / "ept.json")
    QgsProject.instance().removeAllMapLayers()
    alg = QgsApplication.processingRegistry().algorithmById("hamm_twin:load_point_cloud")
    assert "EPT" in alg.shortHelpString() and "PDAL" in alg.shortHelpString()


# -- 'Load digital twin' ------------------------------------------------------------------

def test_load_twin_offers_the_configured_point_cloud(qgis_new_project, tmp_path,
                                                     no_configured_cloud):
    from hamm_core.logic.profile import CityProfile, Service
    from hamm_twin.adapters import twin
    from hamm_twin.gui.load_dialog import LoadTwinDialog
    folder, (x, _y, _z, _c) = write(tmp_path)
    project = QgsProject.instance()
    # nothing configured: the component is offered disabled, loading it says why
    dialog = LoadTwinDialog()
    assert not dialog.checks["pointcloud"].isEnabled()
    dialog.deleteLater()
    result = twin.load_twin(["pointcloud"], None, project)
    assert result["layers"] == [] and "No point cloud configured" in result["missing"][0]
    # configured in the city profile as a service of type EPT
    profile = CityProfile("p", "P", "EPSG:25832", (0, 0, 1, 1), [
        Service("laser", "EPT", str(folder / "ept.json"), {"de": "Laserscan"})], [])
    assert twin.pointcloud_source(profile) == str(folder / "ept.json")
    # configured in the settings
    twin.set_pointcloud_source(str(folder / "ept.json"))
    dialog = LoadTwinDialog()
    assert dialog.checks["pointcloud"].isEnabled()
    dialog.checks["pointcloud"].setChecked(True)
    assert "pointcloud" in dialog.components()
    dialog.deleteLater()
    result = twin.load_twin(["pointcloud"], None, project)
    assert result == {"layers": ["Point cloud"], "missing": []}
    layer = group_layers(project)[0]
    assert layer.pointCount() == len(x)
    settings = twin.scene3d.stored_view(project)
    assert layer.id() in settings
    project.removeAllMapLayers()


def test_load_twin_reports_a_broken_configured_cloud(qgis_new_project, tmp_path):
    from hamm_twin.adapters import twin
    folder, _pts = write(tmp_path)
    (folder / "ept.json").write_text("{")
    result = twin.load_twin(["pointcloud"], None, QgsProject.instance(),
                            paths={"pointcloud": str(folder / "ept.json")})
    assert result["layers"] == [] and "not valid JSON" in result["missing"][0]
    assert QgsProject.instance().mapLayers() == {}


def test_plugin_has_the_point_cloud_action(qgis_iface):
    from hamm_twin.plugin import TwinPlugin
    plugin = TwinPlugin(qgis_iface)
    plugin.initGui()
    try:
        names = {a.objectName() for a in plugin.actions}
        assert "hamm_twin_pointcloud" in names
        assert QgsApplication.processingRegistry().algorithmById(
            "hamm_twin:load_point_cloud") is not None
    finally:
        plugin.unload()


def test_span_is_a_power_of_two_and_bounds_cubic_for_flat_data(tmp_path):
    """Airborne data is flat (z range << x range): the cube follows the largest edge."""
    from hamm_twin.logic import ept
    x = np.linspace(X0, X0 + 500, 50)
    meta = ept.write_ept(str(tmp_path / "flach"), x, np.full(50, Y0), np.full(50, 60.0))
    b = meta["bounds"]
    assert b[3] - b[0] == b[4] - b[1] == b[5] - b[2] >= 500
    assert math.log2(meta["span"]).is_integer()


@pytest.mark.slow
def test_load_point_cloud_in_qgis_process(root_dir, tmp_path):
    import subprocess
    folder, (x, _y, _z, _c) = write(tmp_path)
    profile = tmp_path / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nhamm_core=true\nhamm_twin=true\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
               QGIS_PLUGINPATH=str(root_dir / "plugins"))
    proc = subprocess.run(["/usr/bin/qgis_process.bin", "run", "hamm_twin:load_point_cloud",
                           "--", "INPUT={}".format(folder / "ept.json")], env=env,
                          capture_output=True, text=True, check=False, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "POINTS:\t{}".format(len(x)) in proc.stdout
    assert "CRS:\tEPSG:25832" in proc.stdout
