"""The Hamm demo: synthetic data, QGIS Server publishing it, the desktop demo project, and
the suite's own OGC helpers (hamm_core.adapters.ogc) against that real server."""

import hashlib
import math
import re
import shutil
import socket
import sys
from pathlib import Path

import pytest
from qgis.core import (
    QgsFeatureRequest,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsSpatialIndex,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QImage

from hamm_core.adapters import network, ogc
from hamm_core.logic import http
from hamm_core.logic.profile import load_profile, shipped_profile_path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))
import build_demo_data  # noqa: E402
import demo_services  # noqa: E402

pytestmark = pytest.mark.qgis

LAYERS = ("stadtbezirke", "gebaeude", "strassen", "gruenflaechen", "poi")


def gpkg_layer(gpkg: Path, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer("{}|layername={}".format(gpkg, name), name, "ogr")
    assert layer.isValid(), name
    return layer


def layer_digest(layer: QgsVectorLayer) -> str:
    """Attributes and geometry (WKB) of all features in fid order."""
    digest = hashlib.sha256()
    request = QgsFeatureRequest()
    request.addOrderBy("fid")
    for feature in layer.getFeatures(request):
        digest.update(repr(feature.attributes()).encode())
        digest.update(bytes(feature.geometry().asWkb()))
    return digest.hexdigest()


def district_names():
    return {d.name for d in load_profile(shipped_profile_path("hamm")).districts}


# --- the GeoPackage ---------------------------------------------------------------------

def test_gpkg_has_the_layers_in_epsg_25832(demo_data):
    counts = {}
    for name in LAYERS:
        layer = gpkg_layer(demo_data.gpkg, name)
        assert layer.crs().authid() == "EPSG:25832", name
        counts[name] = layer.featureCount()
    assert counts["stadtbezirke"] == 7
    assert 200 <= counts["gebaeude"] <= 1000
    assert counts["strassen"] >= 100
    assert counts["gruenflaechen"] >= 4
    assert counts["poi"] >= 10


def test_gpkg_is_labelled_synthetic(demo_data):
    from osgeo import ogr
    for name in LAYERS:
        layer = gpkg_layer(demo_data.gpkg, name)
        values = {f["quelle"] for f in layer.getFeatures()}
        assert values == {"synthetisch (Demo)"}, name
    ds = ogr.Open(str(demo_data.gpkg))
    sql = ds.ExecuteSQL("SELECT table_name, description FROM gpkg_contents")
    descriptions = {f.GetField(0): f.GetField(1) for f in sql}
    ds.ReleaseResultSet(sql)
    for name in LAYERS:
        assert "SYNTHETISCHE DEMODATEN" in descriptions[name], name


def test_gpkg_build_is_deterministic(demo_data, tmp_path):
    again = build_demo_data.build_gpkg(tmp_path / "again.gpkg")
    for name in LAYERS:
        first, second = gpkg_layer(demo_data.gpkg, name), gpkg_layer(again, name)
        assert first.featureCount() == second.featureCount(), name
        assert layer_digest(first) == layer_digest(second), name


def test_districts_come_from_the_hamm_profile(demo_data):
    layer = gpkg_layer(demo_data.gpkg, "stadtbezirke")
    names = {f["name"] for f in layer.getFeatures()}
    assert names == district_names()
    people = [f["einwohner"] for f in layer.getFeatures()]
    assert all(5000 < p < 60000 for p in people)
    assert 150000 < sum(people) < 210000  # Hamm: about 180,000 people


def test_pilot_junction_and_buildings(demo_data):
    junction = QgsPointXY(*build_demo_data.JUNCTION)
    streets = gpkg_layer(demo_data.gpkg, "strassen")
    ends = {"Heßlerstraße": 0, "Marker Allee": 0}
    for feature in streets.getFeatures():
        if feature["name"] in ends:
            line = feature.geometry().asPolyline()
            ends[feature["name"]] += sum(1 for p in (line[0], line[-1])
                                         if p.distance(junction) < 0.05)
    assert ends == {"Heßlerstraße": 2, "Marker Allee": 2}  # both cross at the junction

    buildings = gpkg_layer(demo_data.gpkg, "gebaeude")
    index = QgsSpatialIndex(buildings.getFeatures())
    geoms = {f.id(): f.geometry() for f in buildings.getFeatures()}
    near = 0
    for fid, geom in geoms.items():
        for other in index.intersects(geom.boundingBox()):
            if other != fid:
                # shared walls may overlap by a rounding sliver (coordinates in cm)
                assert geom.intersection(geoms[other]).area() < 0.1, (fid, other)
        near += geom.centroid().asPoint().distance(junction) < 300
    assert near >= 30  # buildings around the pilot junction
    for feature in buildings.getFeatures():
        assert feature["hoehe"] > 2 and feature["geschosse"] >= 1
        assert feature["funktion"]
    # no building stands on a street centre line
    street_index = QgsSpatialIndex(streets.getFeatures())
    street_geoms = {f.id(): f.geometry() for f in streets.getFeatures()}
    for geom in geoms.values():
        for sid in street_index.intersects(geom.boundingBox()):
            assert not geom.intersects(street_geoms[sid])


# --- QGIS Server through the suite's own helpers ------------------------------------------

@pytest.mark.server
def test_wms_capabilities_list_the_layers(demo_server):
    caps = ogc.fetch_capabilities("WMS", demo_server.ows_url)
    assert caps.title == "Digitales Hamm Demo"
    names = {layer.name for layer in caps.layers}
    assert set(LAYERS) <= names
    crs = set(caps.layer("gebaeude").crs)
    assert {"EPSG:25832", "EPSG:4326", "EPSG:3857"} <= crs
    assert "image/png" in caps.formats


@pytest.mark.server
def test_wfs_gebaeude_matches_the_gpkg(demo_server, demo_data):
    caps = ogc.fetch_capabilities("WFS", demo_server.ows_url)
    assert set(LAYERS) <= {layer.name for layer in caps.layers}
    layer = ogc.make_layer("WFS", demo_server.ows_url, "gebaeude")
    assert layer.isValid()
    assert layer.crs().authid() == "EPSG:25832"
    local = gpkg_layer(demo_data.gpkg, "gebaeude")
    served = list(layer.getFeatures())
    assert len(served) == local.featureCount()
    assert sorted(f["id"] for f in served) == sorted(f["id"] for f in local.getFeatures())
    by_id = {f["id"]: f for f in local.getFeatures()}
    for feature in served[:25]:
        original = by_id[feature["id"]]
        assert feature["funktion"] == original["funktion"]
        assert math.isclose(feature["hoehe"], original["hoehe"], abs_tol=0.01)
        assert abs(feature.geometry().area() - original.geometry().area()) < 1.0


@pytest.mark.server
def test_oapif_stadtbezirke(demo_server):
    caps = ogc.fetch_capabilities("OAPIF", demo_server.oapif_url)
    assert set(LAYERS) <= {layer.name for layer in caps.layers}
    layer = ogc.make_layer("OAPIF", demo_server.oapif_url, "stadtbezirke")
    features = list(layer.getFeatures())
    assert len(features) == 7
    assert {f["name"] for f in features} == district_names()
    # the districts come back where they belong (lon/lat around Hamm)
    extent = layer.extent()
    assert 7.5 < extent.center().x() < 8.1 and 51.5 < extent.center().y() < 51.8


@pytest.mark.server
def test_wms_getmap_is_a_real_picture(demo_server):
    x, y = build_demo_data.JUNCTION
    url = http.with_params(demo_server.ows_url, {
        "SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap",
        "LAYERS": "gruenflaechen,strassen,gebaeude,poi", "STYLES": "", "CRS": "EPSG:25832",
        "BBOX": "{},{},{},{}".format(x - 700, y - 500, x + 700, y + 900),
        "WIDTH": 400, "HEIGHT": 400, "FORMAT": "image/png", "TRANSPARENT": "FALSE"})
    response = network.fetch(url)
    assert response.content[:8] == b"\x89PNG\r\n\x1a\n", response.content[:200]
    image = QImage.fromData(response.content, "PNG")
    assert (image.width(), image.height()) == (400, 400)
    colours = {image.pixel(i, j) for i in range(0, 400, 4) for j in range(0, 400, 4)}
    assert len(colours) > 10  # streets, buildings, parks, water: not one flat colour

    layer = ogc.make_layer("WMS", demo_server.ows_url, "gebaeude")
    assert isinstance(layer, QgsRasterLayer) and layer.isValid()


@pytest.mark.server
def test_demo_services_start_is_idempotent(demo_data, tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    pid_file = tmp_path / "server.pid"
    first, url = demo_services.start_server(demo_data.server_project, port, pid_file=pid_file,
                                            log_file=tmp_path / "server.log")
    try:
        assert demo_services.answers(port)
        again, url_again = demo_services.start_server(demo_data.server_project, port,
                                                      pid_file=pid_file)
        assert again == first.pid and url_again == url  # no second server
    finally:
        assert demo_services.stop_server(pid_file=pid_file)
    first.wait(10)
    assert not demo_services.answers(port, timeout=1.0)
    assert not pid_file.exists()


# --- the desktop project ------------------------------------------------------------------

def test_desktop_project_opens_anywhere_with_valid_local_layers(demo_data, tmp_path):
    moved = tmp_path / "moved"
    moved.mkdir()
    for path in (demo_data.gpkg, demo_data.desktop_project):
        shutil.copy(path, moved / path.name)
    text = (moved / demo_data.desktop_project.name).read_text(encoding="utf-8")
    # print layouts (the heat action plan) refer to their layers by id; QGIS 3.22 writes the
    # source beside the id as it is, a hint only, so those references are not data sources
    sources = re.sub(r'(<Layer\b[^>]*?) source="[^"]*"', r"\1", text)
    assert "./hamm_demo.gpkg" in sources and str(demo_data.dir) not in sources  # relative

    project = QgsProject()
    assert project.read(str(moved / demo_data.desktop_project.name))
    root = project.layerTreeRoot()
    local = root.findGroup("Digitales Hamm (Demo)")
    services = root.findGroup("Demo-Dienste")
    assert local is not None and services is not None
    local_layers = [node.layer() for node in local.findLayers()]
    assert len(local_layers) == len(LAYERS)
    for layer in local_layers:
        assert layer.isValid(), layer.name()
        assert Path(layer.source().split("|")[0]).parent == moved
        assert layer.renderer() is not None
    assert {lyr.source().split("layername=")[1] for lyr in local_layers} == set(LAYERS)
    service_sources = {node.layer().providerType(): node.layer().source()
                       for node in services.findLayers()}
    assert set(service_sources) == {"wms", "OAPIF"}
    assert all("127.0.0.1:8642" in src for src in service_sources.values())
    assert project.crs().authid() == "EPSG:25832"
    view = project.viewSettings().defaultViewExtent()
    assert view.contains(QgsPointXY(*build_demo_data.JUNCTION))


def test_server_project_publishes_all_layers(demo_data):
    project = QgsProject()
    assert project.read(str(demo_data.server_project))
    wfs_ids, ok = project.readListEntry("WFSLayers", "/")
    assert ok
    assert {project.mapLayer(i).shortName() for i in wfs_ids} == set(LAYERS)
    crs_list, _ = project.readListEntry("WMSCrsList", "/")
    assert {"EPSG:25832", "EPSG:4326", "EPSG:3857"} <= set(crs_list)
    assert all("synthetisch" in lyr.abstract().lower()
               or "SYNTHETISCH" in lyr.abstract() for lyr in project.mapLayers().values())
