"""hamm_coolplaces algorithms in real QGIS on the demo data and crafted layers."""

import math
import os
import shutil
import subprocess

import pytest
from osgeo import gdal
from qgis.core import (
    NULL,
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

pytestmark = pytest.mark.qgis


def _layer(demo, name):
    return "{}|layername={}".format(demo.gpkg, name)


def _memory(kind, crs, fields, rows):
    layer = QgsVectorLayer("{}?crs={}&{}".format(kind, crs, "&".join(
        "field={}".format(f) for f in fields)), "mem", "memory")
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(attrs)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_provider_lists_the_algorithms_with_help(provider):
    reg = QgsApplication.processingRegistry()
    for name in ("shademap", "coolplaces", "access", "gaps", "publish"):
        alg = reg.algorithmById("hamm_coolplaces:" + name)
        assert alg is not None and alg.shortHelpString()


def test_shade_map_of_one_box_building(provider, tmp_path):
    import processing

    from hamm_coolplaces.logic import solar
    layer = _memory("Polygon", "EPSG:25832", ["hoehe:double"],
                    [("POLYGON((417900 5725400, 417920 5725400, 417920 5725420, 417900 5725420, "
                      "417900 5725400))", [24.0])])
    out = str(tmp_path / "schatten.tif")
    processing.run("hamm_coolplaces:shademap", {
        "BUILDINGS": layer, "HEIGHT_FIELD": "hoehe", "EXTENT": "417860,417960,5725360,5725460 [EPSG:25832]",
        "CELL_SIZE": 1.0, "DATE": "2024-07-15", "START": "15:00", "END": "15:00",
        "OUTPUT": out})
    ds = gdal.Open(out)
    arr = ds.GetRasterBand(1).ReadAsArray()
    assert ds.GetGeoTransform() == (417860.0, 1.0, 0.0, 5725460.0, 0.0, -1.0)
    nodata = ds.GetRasterBand(1).GetNoDataValue()
    assert (arr == nodata).sum() == 400                 # the building itself
    shaded = int((arr == 1.0).sum())
    # independent: sun from NOAA for the area's centre, shadow = h / tan(elevation)
    import datetime as dt

    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
    tf = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    p = tf.transform(QgsPointXY(417910, 5725410))
    lat, lon = p.y(), p.x()
    az, el = solar.sun_at(dt.datetime(2024, 7, 15, 15, tzinfo=solar.local_zone("Europe/Berlin")),
                          lat, lon)
    length = 24.0 / math.tan(math.radians(el))
    expected = length * 20 * (abs(math.sin(math.radians(az))) + abs(math.cos(math.radians(az))))
    assert shaded == pytest.approx(expected, rel=0.1)


def test_shade_map_explains_a_missing_height_field(provider, tmp_path):
    import processing
    layer = _memory("Polygon", "EPSG:25832", ["name:string"],
                    [("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))", ["x"])])
    with pytest.raises(QgsProcessingException, match="no field 'hoehe'"):
        processing.run("hamm_coolplaces:shademap", {"BUILDINGS": layer, "HEIGHT_FIELD": "hoehe",
                                                    "OUTPUT": str(tmp_path / "s.tif")})


def test_shade_map_refuses_geographic_buildings(provider, tmp_path):
    import processing
    layer = _memory("Polygon", "EPSG:4326", ["hoehe:double"],
                    [("POLYGON((7.8 51.6, 7.81 51.6, 7.81 51.61, 7.8 51.61, 7.8 51.6))", [10.0])])
    with pytest.raises(QgsProcessingException, match="geographic coordinates"):
        processing.run("hamm_coolplaces:shademap", {"BUILDINGS": layer, "HEIGHT_FIELD": "hoehe",
                                                    "OUTPUT": str(tmp_path / "s.tif")})


def _find_cool_places(demo, tmp_path):
    import processing
    return processing.run("hamm_coolplaces:coolplaces", {
        "AREAS": _layer(demo, "gruenflaechen"), "AREA_TYPE": "typ",
        "POINTS": _layer(demo, "poi"), "POINT_TYPE": "typ",
        "BUILDINGS": _layer(demo, "gebaeude"), "HEIGHT_FIELD": "hoehe",
        "START": "14:00", "END": "16:00", "STEP_MIN": 60,
        "OUTPUT_AREAS": str(tmp_path / "orte.gpkg|layername=flaechen").split("|")[0],
        "OUTPUT_POINTS": str(tmp_path / "punkte.gpkg")})


def test_cool_places_of_the_demo(provider, demo_data, tmp_path):
    res = _find_cool_places(demo_data, tmp_path)
    areas = QgsVectorLayer(res["OUTPUT_AREAS"], "a", "ogr")
    points = QgsVectorLayer(res["OUTPUT_POINTS"], "p", "ogr")
    kinds = sorted(f["art"] for f in areas.getFeatures())
    # demo: 4 parks, 1 wood, canal and pond
    assert kinds == ["park"] * 4 + ["wald"] + ["wasser"] * 2
    pkinds = [f["art"] for f in points.getFeatures()]
    assert pkinds.count("trinkbrunnen") == 10 and pkinds.count("kirche") == 4
    assert pkinds.count("bibliothek") == 2
    for f in areas.getFeatures():
        assert 0 <= f["anteil_schatten"] <= 1 and 0 <= f["kuehle"] <= 100
        parts = 100 * (0.35 * f["anteil_schatten"] + 0.30 * f["anteil_baeume"]
                       + 0.20 * f["wasser"] + 0.15 * f["groesse"])
        assert f["kuehle"] == pytest.approx(parts, abs=0.06)
    by_name = {f["name"]: f for f in areas.getFeatures()}
    assert by_name["Kanal (Demo)"]["anteil_schatten"] < 0.02
    assert by_name["Teich im Stadtgarten (Demo)"]["wasser"] == 1.0
    assert by_name["Stadtgarten (Demo)"]["wasser"] == 0.5        # the pond lies inside


def test_cool_place_in_the_shadow_of_a_tower(provider, tmp_path):
    import processing
    crs = "EPSG:25832"
    tower = _memory("Polygon", crs, ["hoehe:double"], [(
        "POLYGON((417900 5725400, 417920 5725400, 417920 5725420, 417900 5725420, "
        "417900 5725400))", [30.0])])
    # at 15:00 CEST the sun stands in the south-west (azimuth ~217 deg, elevation ~55 deg):
    # the 21 m shadow falls to the north-east, on the square there, not on the far park
    areas = _memory("Polygon", crs, ["name:string", "typ:string"], [
        ("POLYGON((417915 5725415, 417945 5725415, 417945 5725445, 417915 5725445, "
         "417915 5725415))", ["Platz", "Platz"]),
        ("POLYGON((417700 5725200, 417740 5725200, 417740 5725240, 417700 5725240, "
         "417700 5725200))", ["Park", "park"])])
    res = processing.run("hamm_coolplaces:coolplaces", {
        "AREAS": areas, "BUILDINGS": tower, "START": "15:00", "END": "15:00",
        "SHADE_CELL": 1.0, "OUTPUT_AREAS": "memory:", "OUTPUT_POINTS": "memory:"})
    rows = {f["name"]: f for f in res["OUTPUT_AREAS"].getFeatures()}
    assert rows["Platz"]["art"] == "platz"
    assert 0.15 < rows["Platz"]["anteil_schatten"] < 0.8
    assert rows["Park"]["anteil_schatten"] == 0


def test_walking_access_on_the_demo_streets(provider, demo_data, tmp_path):
    import processing
    res_places = _find_cool_places(demo_data, tmp_path)
    origins = _memory("Point", "EPSG:25832", ["name:string"], [])
    streets = QgsVectorLayer(_layer(demo_data, "strassen"), "s", "ogr")
    ext = streets.extent()
    cx, cy = ext.center().x(), ext.center().y()
    pts = [("POINT({} {})".format(cx + dx, cy + dy), ["o{}".format(i)])
           for i, (dx, dy) in enumerate([(0, 0), (200, 300), (-300, -100), (50000, 0)])]
    origins = _memory("Point", "EPSG:25832", ["name:string"], pts)
    out = str(tmp_path / "zugang.gpkg")
    processing.run("hamm_coolplaces:access", {
        "ORIGINS": origins, "NETWORK": _layer(demo_data, "strassen"),
        "COOL_PLACES": [res_places["OUTPUT_AREAS"], res_places["OUTPUT_POINTS"]],
        "SPEED": 3.6, "OUTPUT": out})
    layer = QgsVectorLayer(out, "z", "ogr")
    rows = {f["name"]: f for f in layer.getFeatures()}
    assert rows["o3"]["status"] == "outside" and rows["o3"]["gehzeit_min"] in (None, NULL)
    for name in ("o0", "o1", "o2"):
        f = rows[name]
        assert f["status"] == "ok" and f["ziel"]
        # walking at 3.6 km/h = 60 m/min; never shorter than the straight line to the network
        assert f["gehzeit_min"] == pytest.approx(f["weg_m"] / 60.0, abs=0.01)
        assert f["band"] in ("0-5 min", "5-10 min", "10-15 min", "> 15 min")
    assert layer.crs().authid() == "EPSG:25832"


def test_access_refuses_geographic_network(provider, tmp_path):
    import processing
    net = _memory("LineString", "EPSG:4326", [], [("LINESTRING(7.8 51.6, 7.81 51.6)", [])])
    pts = _memory("Point", "EPSG:4326", [], [("POINT(7.8 51.6)", [])])
    with pytest.raises(QgsProcessingException, match="geographic coordinates"):
        processing.run("hamm_coolplaces:access", {"ORIGINS": pts, "NETWORK": net,
                                                  "COOL_PLACES": [pts], "OUTPUT": "memory:"})


def test_access_explains_empty_cool_places(provider, tmp_path):
    import processing
    net = _memory("LineString", "EPSG:25832", [], [("LINESTRING(0 0, 100 0)", [])])
    pts = _memory("Point", "EPSG:25832", [], [("POINT(0 0)", [])])
    empty = _memory("Point", "EPSG:25832", ["typ:string"], [])
    with pytest.raises(QgsProcessingException, match="hold no cool places"):
        processing.run("hamm_coolplaces:access", {"ORIGINS": pts, "NETWORK": net,
                                                  "COOL_PLACES": [empty], "OUTPUT": "memory:"})


def test_gaps_on_a_crafted_city(provider, tmp_path):
    """Two districts on a 2 km street; a park at the west end. West: 0-1 km, east: 1-2 km.
    3.6 km/h = 60 m/min: 5 min = 300 m, 10 min = 600 m, 15 min = 900 m."""
    import processing
    crs = "EPSG:25832"
    # the street has a node every 100 m (candidate sites are network nodes)
    street = _memory("LineString", crs, [], [("LINESTRING({} 0, {} 0)".format(x, x + 100), [])
                                             for x in range(0, 2000, 100)])
    park = _memory("Polygon", crs, ["name:string", "typ:string"],
                   [("POLYGON((-100 -40, 0 -40, 0 40, -100 40, -100 -40))", ["Park", "park"])])
    homes = [(200, 100), (500, 100), (800, 100), (1200, 100), (1700, 100), (1800, 100)]
    origins = _memory("Point", crs, ["einwohner:double"],
                      [("POINT({} {})".format(x, y), [p]) for (x, y), p in
                       zip(homes, [100, 100, 100, 200, 300, 300])])
    districts = _memory("Polygon", crs, ["name:string"], [
        ("POLYGON((-200 -500, 1000 -500, 1000 500, -200 500, -200 -500))", ["West"]),
        ("POLYGON((1000 -500, 2100 -500, 2100 500, 1000 500, 1000 -500))", ["Ost"])])
    res = processing.run("hamm_coolplaces:gaps", {
        "ORIGINS": origins, "POP_FIELD": "einwohner", "NETWORK": street,
        "COOL_PLACES": [park], "DISTRICTS": districts, "DISTRICT_NAME": "name",
        "TARGET_MIN": 10, "CANDIDATES": 3, "CELL_SIZE": 100,
        "OUTPUT_DISTRICTS": str(tmp_path / "bezirke.gpkg"),
        "OUTPUT_WORST": str(tmp_path / "luecken.gpkg"),
        "OUTPUT_CANDIDATES": str(tmp_path / "kandidaten.gpkg")})
    rows = {f["name"]: f for f in QgsVectorLayer(res["OUTPUT_DISTRICTS"], "d", "ogr").getFeatures()}
    # walking: 100 m to the street + x to the park's edge at x=0 -> 300, 600, 900, 1300 ...
    west, east, city = rows["West"], rows["Ost"], rows["Whole city"]
    assert west["anteil_5min"] == pytest.approx(1 / 3, abs=1e-3)   # 300 m = 5 min
    assert west["anteil_10min"] == pytest.approx(2 / 3, abs=1e-3)
    assert west["anteil_15min"] == pytest.approx(1.0, abs=1e-3)
    assert east["anteil_15min"] == 0 and east["einwohner"] == 800
    assert city["einwohner"] == 1100
    assert city["anteil_15min"] == pytest.approx(300 / 1100, abs=1e-3)
    worst = list(QgsVectorLayer(res["OUTPUT_WORST"], "w", "ogr").getFeatures())
    # the east's three homes as 100 m cells: 1200 alone, 1700 and 1800 touch -> 2 areas
    assert [f["einwohner"] for f in worst] == [600, 200]
    assert worst[0]["rang"] == 1
    cands = list(QgsVectorLayer(res["OUTPUT_CANDIDATES"], "c", "ogr").getFeatures())
    # beyond 10 min now: the homes at 800 (15 min), 1200, 1700, 1800. 10 min = 600 m =
    # 100 m to the street + 500 m along it; only a new place at x = 1300 reaches all four
    assert cands[0]["rang"] == 1 and cands[0]["zusaetzlich_versorgt"] == pytest.approx(900)
    assert cands[0].geometry().asPoint().x() == pytest.approx(1300)
    assert all(c["zusaetzlich_versorgt"] < 900 for c in cands[1:])


@pytest.mark.slow
def test_published_web_map_shows_markers_in_chromium(provider, demo_data, tmp_path):
    import processing
    res_places = _find_cool_places(demo_data, tmp_path)
    folder = tmp_path / "webkarte"
    res = processing.run("hamm_coolplaces:publish", {
        "PLACES": [res_places["OUTPUT_AREAS"], res_places["OUTPUT_POINTS"]],
        "CONTEXT": _layer(demo_data, "strassen"), "TITLE": "Kühle Orte in Hamm",
        "OUTPUT": str(folder)})
    assert os.path.exists(res["INDEX"])
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Debian package chromium is not installed")
    shot = tmp_path / "karte.png"
    proc = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                           "--hide-scrollbars", "--window-size=900,700",
                           "--screenshot={}".format(shot), "file://" + res["INDEX"]],
                          capture_output=True, text=True, timeout=120, check=False)
    assert shot.exists(), proc.stderr
    shutil.copyfile(shot, "/tmp/coolplaces_webmap.png")
    from qgis.PyQt.QtGui import QImage
    img = QImage(str(shot))
    assert img.width() == 900
    colours = {}
    for y in range(0, img.height(), 2):
        for x in range(0, img.width() - 300, 2):      # the map part, left of the side panel
            c = img.pixelColor(x, y)
            key = (c.red(), c.green(), c.blue())
            colours[key] = colours.get(key, 0) + 1

    def count(rgb, tol=12):
        return sum(n for k, n in colours.items() if all(abs(a - b) <= tol for a, b in zip(k, rgb)))
    assert count((0x00, 0xbc, 0xd4)) > 20      # drinking fountain markers (cyan)
    assert count((0x7e, 0x57, 0xc2)) > 20      # church markers (purple)
    assert count((0x2a, 0x8f, 0xd6)) + count((0x1b, 0x7a, 0x3a)) > 0 or \
        count((0x94, 0xc4, 0x96), 30) > 50     # areas drawn (blended fill)



@pytest.mark.slow
def test_access_in_qgis_process(root_dir, demo_data, tmp_path):
    profile = tmp_path / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nhamm_core=true\nhamm_coolplaces=true\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
               QGIS_PLUGINPATH=str(root_dir / "plugins"))
    out = tmp_path / "zugang.gpkg"
    proc = subprocess.run(["/usr/bin/qgis_process.bin", "run", "hamm_coolplaces:access", "--",
                           "ORIGINS={}|layername=poi".format(demo_data.gpkg),
                           "NETWORK={}|layername=strassen".format(demo_data.gpkg),
                           "COOL_PLACES={}|layername=gruenflaechen".format(demo_data.gpkg),
                           "OUTPUT={}".format(out)], env=env, capture_output=True, text=True,
                          check=False, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    layer = QgsVectorLayer(str(out), "z", "ogr")
    assert layer.featureCount() == 16   # 10 fountains, 4 churches, 2 libraries
    assert all(f["status"] == "ok" for f in layer.getFeatures())
