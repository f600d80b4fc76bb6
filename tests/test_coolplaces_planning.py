"""hamm_coolplaces planning additions in real QGIS: shaded ways in the walking access,
a temperature raster in the coolness score, the print layout of the heat action plan."""

import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import (
    NULL,
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

pytestmark = pytest.mark.qgis

CRS = "EPSG:25832"


def _memory(kind, fields, rows, crs=CRS):
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


def _geotiff(path, array, xmin, ymax, cell, epsg=25832, nodata=None):
    rows, cols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((xmin, cell, 0.0, ymax, 0.0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array.astype(np.float32))
    ds = None
    return str(path)


# --- shaded streets in the walking access -----------------------------------------------
# In Hamm (origin X0, Y0): a sunny direct street O(0,0) - P(200,0) (200 m) and a shaded
# detour O - (0,50) - (200,50) - P (300 m). The shade raster (1 m cells, x -100..300,
# y -100..150) is 1 everywhere but a sunny band |y| <= 3 m along the direct street.
X0, Y0 = 417000.0, 5725000.0


def _wkt(kind, *pts):
    coords = ", ".join("{} {}".format(X0 + x, Y0 + y) for x, y in pts)
    return "POINT({})".format(coords) if kind == "POINT" else "LINESTRING({})".format(coords)


def _sun_case(tmp_path):
    share = np.ones((250, 400))
    ys = 150 - 0.5 - np.arange(250)                    # cell centre y of each row
    share[np.abs(ys) <= 3.0, :] = 0.0
    raster = _geotiff(tmp_path / "schatten.tif", share, X0 - 100.0, Y0 + 150.0, 1.0)
    net = _memory("LineString", [], [(_wkt("LINE", (0, 0), (200, 0)), []),
                                     (_wkt("LINE", (0, 0), (0, 50), (200, 50), (200, 0)), [])])
    origin = _memory("Point", ["name:string"], [(_wkt("POINT", (0, 0)), ["Seniorenheim"])])
    place = _memory("Point", ["name:string", "typ:string"],
                    [(_wkt("POINT", (200, 0)), ["St. Paulus", "Kirche"])])
    return raster, net, origin, place


def _access(net, origin, place, **extra):
    import processing
    res = processing.run("hamm_coolplaces:access", dict(
        {"ORIGINS": origin, "NETWORK": net, "COOL_PLACES": [place], "SPEED": 3.6,
         "OUTPUT": "memory:"}, **extra))
    return next(res["OUTPUT"].getFeatures())


def test_access_prefers_the_shaded_detour_and_reports_real_minutes(provider, tmp_path):
    raster, net, origin, place = _sun_case(tmp_path)
    # without shade: the direct 200 m, at 3.6 km/h = 60 m/min: 3 min 20 s
    plain = _access(net, origin, place)
    assert plain["weg_m"] == pytest.approx(200.0, abs=0.05)
    assert plain["gehzeit_min"] == pytest.approx(3.33, abs=0.005)
    # weight 1: the sunny 200 m cost 400; the detour costs 300 plus 6 sunny metres at the
    # two ends (about 306), so it is chosen: 300 real metres = 5.0 minutes
    shaded = _access(net, origin, place, SHADE=raster, SHADE_WEIGHT=1.0)
    assert shaded["weg_m"] == pytest.approx(300.0, abs=0.05)
    assert shaded["gehzeit_min"] == pytest.approx(5.0, abs=0.005)
    assert shaded["ziel"] == "St. Paulus" and shaded["status"] == "ok"
    assert shaded["band"] == "0-5 min"
    # weight 0.4: the direct street costs 280 < about 302 for the detour
    light = _access(net, origin, place, SHADE=raster, SHADE_WEIGHT=0.4)
    assert light["weg_m"] == pytest.approx(200.0, abs=0.05)


def test_access_explains_a_shade_raster_that_holds_no_shares(provider, tmp_path):
    _raster, net, origin, place = _sun_case(tmp_path)
    dsm = _geotiff(tmp_path / "dsm.tif", np.full((250, 400), 35.0), X0 - 100, Y0 + 150, 1.0)
    with pytest.raises(QgsProcessingException, match="outside 0..1"):
        _access(net, origin, place, SHADE=dsm)


def test_access_reads_a_shade_raster_in_another_crs(provider, tmp_path):
    """The same shade raster in UTM 33N (EPSG:25833) is warped to the network's CRS."""
    raster, net, origin, place = _sun_case(tmp_path)
    other = str(tmp_path / "schatten_25833.tif")
    gdal.Warp(other, raster, dstSRS="EPSG:25833", resampleAlg="near")
    shaded = _access(net, origin, place, SHADE=other, SHADE_WEIGHT=1.0)
    assert shaded["weg_m"] == pytest.approx(300.0, abs=0.05)


@pytest.mark.parametrize("alg_id", ["hamm_coolplaces:access", "hamm_coolplaces:gaps"])
def test_provider_has_the_shade_parameters(provider, alg_id):
    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    assert alg.parameterDefinition("SHADE").flags() & alg.parameterDefinition(
        "SHADE").FlagOptional
    assert alg.parameterDefinition("SHADE_WEIGHT").defaultValue() == 1.0


def test_supply_gaps_use_the_real_minutes_of_the_shaded_way(provider, tmp_path):
    """The sun case at 3 km/h (50 m/min): the direct 200 m take 4 minutes, the shaded
    300 m detour 6 minutes, so with the shade preference the home leaves the 5-minute
    share (and stays within 10 minutes)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.infos = []

        def pushInfo(self, info):  # noqa: N802 - Qt API
            self.infos.append(info)

    raster, net, origin, place = _sun_case(tmp_path)
    pop = _memory("Point", ["einwohner:double"], [(_wkt("POINT", (0, 0)), [120.0])])

    def gaps(name, **extra):
        feedback = Feedback()
        res = processing.run("hamm_coolplaces:gaps", dict({
            "ORIGINS": pop, "POP_FIELD": "einwohner", "NETWORK": net, "COOL_PLACES": [place],
            "SPEED": 3.0, "TARGET_MIN": 5, "CANDIDATES": 3,
            "OUTPUT_DISTRICTS": str(tmp_path / (name + "_bezirke.gpkg")),
            "OUTPUT_WORST": str(tmp_path / (name + "_luecken.gpkg")),
            "OUTPUT_CANDIDATES": str(tmp_path / (name + "_kandidaten.gpkg"))}, **extra),
            context=QgsProcessingContext(), feedback=feedback)
        city = next(QgsVectorLayer(res["OUTPUT_DISTRICTS"], "d", "ogr").getFeatures())
        cands = list(QgsVectorLayer(res["OUTPUT_CANDIDATES"], "c", "ogr").getFeatures())
        return city, cands, feedback.infos

    city, cands, infos = gaps("plain")
    assert city["anteil_5min"] == pytest.approx(1.0) and cands == []
    assert not any("Shaded streets preferred" in i for i in infos)
    city, cands, infos = gaps("shaded", SHADE=raster, SHADE_WEIGHT=1.0)
    assert city["anteil_5min"] == pytest.approx(0.0) and city["anteil_10min"] == pytest.approx(1.0)
    assert any("Shaded streets preferred" in i for i in infos)
    # now a new place within 5 real minutes (250 m) along the preferred ways would serve
    # the home's 120 people
    assert cands and cands[0]["zusaetzlich_versorgt"] == pytest.approx(120.0)


# --- temperature raster in "Find cool places" -------------------------------------------
# Raster 200 m x 100 m in 10 m cells from (X0, Y0): west half 22 degC, east half 38 degC, so
# its 10th / 90th percentiles are 22 / 38 and the temperature part is (38 - T) / 16.
def _box(x0, y0, x1, y1):
    return "POLYGON(({a} {b}, {c} {b}, {c} {d}, {a} {d}, {a} {b}))".format(
        a=X0 + x0, b=Y0 + y0, c=X0 + x1, d=Y0 + y1)


def _temperature_case(tmp_path, **extra):
    import processing
    temp = np.full((10, 20), 22.0)
    temp[:, 10:] = 38.0
    raster = _geotiff(tmp_path / "oberflaechentemperatur.tif", temp, X0, Y0 + 100.0, 10.0)
    areas = _memory("Polygon", ["name:string", "typ:string"], [
        (_box(10, 10, 50, 50), ["Westpark", "Park"]),          # 1600 m2, all 22 degC
        (_box(150, 10, 190, 50), ["Ostpark", "Park"]),         # 1600 m2, all 38 degC
        (_box(50, 60, 150, 90), ["Mitte", "Park"]),            # 3000 m2, 15 cells each side
        (_box(101, 11, 104, 14), ["Klein", "Park"]),           # 9 m2: no cell centre inside
        (_box(300, 10, 340, 50), ["Draussen", "Park"])])       # outside the raster
    res = processing.run("hamm_coolplaces:coolplaces", dict(
        {"AREAS": areas, "TEMPERATURE": raster, "OUTPUT_AREAS": "memory:",
         "OUTPUT_POINTS": "memory:"}, **extra))
    return {f["name"]: f for f in res["OUTPUT_AREAS"].getFeatures()}


def test_temperature_raster_adds_the_temperature_part(provider, tmp_path):
    rows = _temperature_case(tmp_path)
    assert rows["Westpark"]["temperatur"] == pytest.approx(22.0)
    assert rows["Westpark"]["anteil_temperatur"] == pytest.approx(1.0)
    assert rows["Ostpark"]["anteil_temperatur"] == pytest.approx(0.0)
    assert rows["Mitte"]["temperatur"] == pytest.approx(30.0)
    assert rows["Mitte"]["anteil_temperatur"] == pytest.approx(0.5)
    assert rows["Klein"]["temperatur"] == pytest.approx(38.0)    # the value at its centre
    # park: default canopy 0.35, no shade, no water; size = log10(A / 100 m2) / 2
    # Westpark: 100 * (0.25 * 0.35 + 0.10 * log10(16) / 2 + 0.20 * 1) = 34.77
    assert rows["Westpark"]["kuehle"] == pytest.approx(34.8, abs=0.01)
    assert rows["Ostpark"]["kuehle"] == pytest.approx(14.8, abs=0.01)      # 8.75 + 6.02
    assert rows["Mitte"]["kuehle"] == pytest.approx(26.1, abs=0.01)  # 8.75 + 7.39 + 10
    # outside the raster: no temperature, the score without it: 100 * (0.30 * 0.35 +
    # 0.15 * log10(16) / 2) = 19.53
    out = rows["Draussen"]
    assert out["temperatur"] in (None, NULL) and out["anteil_temperatur"] in (None, NULL)
    assert out["kuehle"] == pytest.approx(19.5, abs=0.01)


def test_temperature_raster_where_higher_values_are_cooler(provider, tmp_path):
    rows = _temperature_case(tmp_path, TEMPERATURE_HIGHER_COOLER=True)
    assert rows["Westpark"]["anteil_temperatur"] == pytest.approx(0.0)
    assert rows["Ostpark"]["anteil_temperatur"] == pytest.approx(1.0)
    assert rows["Ostpark"]["kuehle"] == pytest.approx(34.8, abs=0.01)


def test_temperature_raster_without_values_is_explained(provider, tmp_path):
    import processing
    empty = _geotiff(tmp_path / "leer.tif", np.full((10, 20), -9999.0), X0, Y0 + 100.0, 10.0,
                     nodata=-9999.0)
    areas = _memory("Polygon", ["name:string", "typ:string"],
                    [(_box(10, 10, 50, 50), ["Westpark", "Park"])])
    with pytest.raises(QgsProcessingException, match="holds no values"):
        processing.run("hamm_coolplaces:coolplaces", {
            "AREAS": areas, "TEMPERATURE": empty, "OUTPUT_AREAS": "memory:",
            "OUTPUT_POINTS": "memory:"})


# --- print layout of the heat action plan -----------------------------------------------
def _publish_inputs(tmp_path):
    """Cool places (GeoPackage outputs of 'Find cool places') and streets, in the project."""
    import processing
    from qgis.core import QgsProject
    areas = _memory("Polygon", ["name:string", "typ:string"], [
        (_box(0, 0, 300, 200), ["Stadtpark", "Park"]), (_box(600, 300, 900, 600), ["Wald",
                                                                                  "Wald"])])
    points = _memory("Point", ["name:string", "typ:string"], [
        (_wkt("POINT", (450, 100)), ["St. Agnes", "Kirche"]),
        (_wkt("POINT", (500, 450)), ["Brunnen Markt", "Trinkbrunnen"])])
    res = processing.run("hamm_coolplaces:coolplaces", {
        "AREAS": areas, "POINTS": points, "OUTPUT_AREAS": str(tmp_path / "orte.gpkg"),
        "OUTPUT_POINTS": str(tmp_path / "punkte.gpkg")})
    streets = _memory("LineString", [], [(_wkt("LINE", (-50, 250), (950, 250)), []),
                                         (_wkt("LINE", (450, -50), (450, 650)), [])])
    from qgis.core import QgsVectorFileWriter
    QgsVectorFileWriter.writeAsVectorFormat(streets, str(tmp_path / "strassen.gpkg"), "utf-8",
                                            streets.crs(), "GPKG")
    project = QgsProject.instance()
    project.setCrs(streets.crs())
    layers = [QgsVectorLayer(res["OUTPUT_POINTS"], "Kühle Räume und Trinkbrunnen", "ogr"),
              QgsVectorLayer(res["OUTPUT_AREAS"], "Kühle Flächen", "ogr"),
              QgsVectorLayer(str(tmp_path / "strassen.gpkg"), "Straßen", "ogr")]
    for layer in layers:
        assert layer.isValid()
    # the cool rooms in pure red, to find them in the rendered page
    symbol = layers[0].renderer().symbol()
    symbol.setColor(QColor(255, 0, 0))
    symbol.setSize(6)
    project.addMapLayers(layers)
    return project, layers


@pytest.fixture()
def german():
    """The heat action plan is printed in German: the plugin's German translation on."""
    from hamm_core.adapters.i18n import install_translator, remove_translator
    root = Path(__file__).resolve().parent.parent
    install_translator("hamm_coolplaces", str(root / "plugins" / "hamm_coolplaces"), lang="de")
    yield
    remove_translator("hamm_coolplaces")


def test_publish_adds_a_print_layout_and_writes_the_pdf(provider, qgis_new_project, tmp_path,
                                                        german):
    import processing
    from qgis.core import (
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsUnitTypes,
    )
    project, layers = _publish_inputs(tmp_path)
    pdf = tmp_path / "hitzeaktionsplan.pdf"
    try:
        res = processing.run("hamm_coolplaces:publish", {
            "PLACES": [layers[1].id(), layers[0].id()], "CONTEXT": layers[2].id(),
            "TITLE": "Kühle Orte in Hamm", "OUTPUT": str(tmp_path / "web"),
            "PDF": str(pdf)})
        assert res["LAYOUT"] == "Kühle Orte in Hamm" and res["PDF"] == str(pdf)
        layout = project.layoutManager().layoutByName("Kühle Orte in Hamm")
        assert layout is not None
        page = layout.pageCollection().page(0)
        assert (page.pageSize().width(), page.pageSize().height()) == (297, 210)
        items = {i.id(): i for i in layout.items() if hasattr(i, "id") and i.id()}
        assert isinstance(items["titel"], QgsLayoutItemLabel)
        assert items["titel"].text() == "Kühle Orte in Hamm"
        karte = items["karte"]
        assert isinstance(karte, QgsLayoutItemMap)
        # points above areas above streets
        assert [lyr.id() for lyr in karte.layers()] == [lyr.id() for lyr in layers]
        ext = karte.extent()
        # zoomed to the cool places (the streets run on beyond them)
        assert ext.contains(layers[1].extent()) and ext.contains(layers[0].extent())
        assert ext.width() < 1.2 * layers[1].extent().width()
        assert karte.crs().authid() == CRS
        legend = items["legende"]
        assert isinstance(legend, QgsLayoutItemLegend) and legend.title() == "Legende"
        assert [n.name() for n in legend.model().rootGroup().children()] == [
            "Kühle Räume und Trinkbrunnen", "Kühle Flächen", "Straßen"]
        bar = items["massstab"]
        assert isinstance(bar, QgsLayoutItemScaleBar) and bar.linkedMap() is karte
        assert bar.units() == QgsUnitTypes.DistanceMeters and bar.unitsPerSegment() > 0
        north = items["nordpfeil"]
        assert isinstance(north, QgsLayoutItemPicture)
        assert north.picturePath().endswith("NorthArrow_02.svg")
        assert os.path.exists(north.picturePath()) and north.linkedMap() is karte
        source = items["quelle"].text()
        assert source.startswith("Quelle: Stadt Hamm, Hitzeaktionsplan")
        assert "Stand: " in source and "EPSG:25832" in source
        # the PDF: written, a real PDF, and its page shows the red cool rooms on the map
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and len(data) > 5000
        png = tmp_path / "hitzeaktionsplan.png"
        gdal.Translate(str(png), str(pdf), format="PNG", options=["DPI=60"])
        shutil.copyfile(png, "/tmp/coolplaces_layout.png")
        img = gdal.Open(str(png)).ReadAsArray().astype(int)         # bands x rows x cols
        red = (img[0] > 200) & (img[1] < 60) & (img[2] < 60)
        rows, cols = red.shape
        assert red[:, : int(cols * 0.75)].sum() > 10          # on the map, left of the legend
        dark = (img[:3].sum(axis=0) < 200)
        assert dark[: int(rows * 0.1)].sum() > 50             # the title is printed
        # a second run keeps the first layout and numbers the new one
        res2 = processing.run("hamm_coolplaces:publish", {
            "PLACES": [layers[0].id()], "TITLE": "Kühle Orte in Hamm",
            "OUTPUT": str(tmp_path / "web2")})
        assert res2["LAYOUT"] == "Kühle Orte in Hamm (2)" and "PDF" not in res2
        assert project.layoutManager().layoutByName("Kühle Orte in Hamm") is layout
    finally:
        project.layoutManager().clear()
        project.removeAllMapLayers()


def test_publish_explains_a_pdf_folder_that_does_not_exist(provider, qgis_new_project,
                                                          tmp_path):
    import processing
    project, layers = _publish_inputs(tmp_path)
    try:
        with pytest.raises(QgsProcessingException, match="folder of the PDF does not exist"):
            processing.run("hamm_coolplaces:publish", {
                "PLACES": [layers[0].id()], "OUTPUT": str(tmp_path / "web"), "LAYOUT": False,
                "PDF": str(tmp_path / "fehlt" / "plan.pdf")})
        assert project.layoutManager().layouts() == []
    finally:
        project.layoutManager().clear()
        project.removeAllMapLayers()
