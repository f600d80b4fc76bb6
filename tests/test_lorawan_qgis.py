"""hamm_lorawan Processing algorithms in a real QGIS: coverage with building polygons,
link budget, siting, calibration, bad input, qgis_process."""

import json
import math
import os
import subprocess

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer

from hamm_lorawan.logic import radio

pytestmark = pytest.mark.qgis

X0, Y0, CELL, N = 417000.0, 5726000.0, 10.0, 150  # 1.5 km x 1.5 km, EPSG:25832


def make_dem(path, epsg=25832, holes=False, x0=X0, y0=Y0, cell=CELL):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), N, N, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0, y0, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    arr = np.full((N, N), 60.0, dtype=np.float32)
    if holes:
        arr[10:20, 10:20] = -9999.0
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-9999.0)
    band.WriteArray(arr)
    ds = None
    return str(path)


def points_layer(points, crs="EPSG:25832", fields="name:string&field=h:double"):
    layer = QgsVectorLayer("Point?crs={}&field={}".format(crs, fields), "p", "memory")
    layer.dataProvider().addFeatures([_point(layer, attrs, xy) for attrs, xy in points])
    return layer


def _point(layer, attrs, xy):
    feat = QgsFeature(layer.fields())
    feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*xy)))
    feat.setAttributes(list(attrs))
    return feat


def block_layer():
    layer = QgsVectorLayer("Polygon?crs=EPSG:25832&field=hoehe:double", "b", "memory")
    feat = QgsFeature(layer.fields())
    # 60 m tall block 200-250 m east of the gateway, 100 m wide
    cx, cy = X0 + 750.0, Y0 - 750.0
    feat.setGeometry(
        QgsGeometry.fromRect(
            __import__("qgis.core", fromlist=["QgsRectangle"]).QgsRectangle(
                cx + 200, cy - 50, cx + 250, cy + 50
            )
        )
    )
    feat.setAttributes([60.0])
    layer.dataProvider().addFeatures([feat])
    return layer


def read(path):
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    arr = band.ReadAsArray().astype(float)
    nd = band.GetNoDataValue()
    arr[arr == nd] = np.nan
    return arr


def run_coverage(tmp_path, gateways, buildings=None, dem=None, **extra):
    import processing

    params = {
        "GATEWAYS": gateways,
        "HEIGHT_FIELD": "h",
        "NAME_FIELD": "name",
        "DEM": dem or make_dem(tmp_path / "dem.tif"),
        "MODEL": 0,
        "DIFFRACTION": 0,
        "OUTPUT_POWER": str(tmp_path / "rx.tif"),
        "OUTPUT_SF": str(tmp_path / "sf.tif"),
        "OUTPUT_SERVER": str(tmp_path / "server.tif"),
        "OUTPUT_COUNT": str(tmp_path / "count.tif"),
    }
    if buildings is not None:
        params.update({"BUILDINGS": buildings, "BUILDING_HEIGHT_FIELD": "hoehe"})
    params.update(extra)
    return processing.run("hamm_lorawan:coverage", params)


def test_coverage_with_building_polygons_casts_a_shadow(provider, tmp_path):
    gw = points_layer([(("gw1", 20.0), (X0 + 755.0, Y0 - 755.0))])
    res = run_coverage(tmp_path, gw, block_layer())
    rx = read(res["OUTPUT_POWER"])
    sf = read(res["OUTPUT_SF"])
    row = 75
    behind, mirror = rx[row, 75 + 45], rx[row, 75 - 45]  # 450 m east (shadow) and west (open)
    assert mirror - behind > 20.0
    params = radio.RadioParams()
    expected_open = params.eirp_dbm + 5.0 - 2.0 - radio.free_space_loss(450.0, radio.PathModel().freq_mhz)
    assert mirror == pytest.approx(expected_open, abs=0.3)
    assert sf[row, 75 - 45] == radio.best_sf(mirror, params)
    assert sf[row, 75 + 45] >= sf[row, 75 - 45]
    assert read(res["OUTPUT_COUNT"])[row, 30] == 1 and read(res["OUTPUT_SERVER"])[row, 30] == 0


def test_edge_merge_distance_decides_whether_a_roof_counts_once(provider, tmp_path):
    """The block is 50 m deep: edges on its roof are one obstacle for 'merge' 100 m, and
    Deygout stacks a second edge for 'merge' 0 m: more loss behind, nothing changes in front."""
    gw = points_layer([(("gw1", 20.0), (X0 + 755.0, Y0 - 755.0))])
    rasters = {}
    for merge in (0.0, 100.0):
        out = tmp_path / "m{}".format(int(merge))
        out.mkdir()
        res = run_coverage(out, gw, block_layer(), dem=make_dem(out / "dem.tif"), EDGE_MERGE=merge)
        rasters[merge] = read(res["OUTPUT_POWER"])
    row = 75
    assert rasters[100.0][row, 75 + 45] - rasters[0.0][row, 75 + 45] > 3.0
    assert rasters[100.0][row, 75 - 45] == pytest.approx(rasters[0.0][row, 75 - 45], abs=1e-4)


def test_coverage_of_two_gateways_in_another_crs(provider, tmp_path):
    """Gateways given in WGS 84 are transformed onto the DEM's EPSG:25832 grid."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    xf = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:25832"),
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsProject.instance(),
    )
    west = xf.transform(QgsPointXY(X0 + 205.0, Y0 - 755.0))
    east = xf.transform(QgsPointXY(X0 + 1305.0, Y0 - 755.0))
    gws = points_layer(
        [(("w", 30.0), (west.x(), west.y())), (("e", 30.0), (east.x(), east.y()))], crs="EPSG:4326"
    )
    res = run_coverage(tmp_path, gws)
    server = read(res["OUTPUT_SERVER"])
    assert server[75, 5] == 0 and server[75, 145] == 1
    assert read(res["OUTPUT_COUNT"])[75, 75] == 2


def test_coverage_dem_with_holes_warns_and_leaves_them_empty(provider, tmp_path):
    gw = points_layer([(("gw1", 20.0), (X0 + 755.0, Y0 - 755.0))])
    res, warnings, _infos = _warnings_of(
        "hamm_lorawan:coverage",
        {
            "GATEWAYS": gw,
            "DEM": make_dem(tmp_path / "holes.tif", holes=True),
            "OUTPUT_POWER": str(tmp_path / "rx.tif"),
            "OUTPUT_SF": str(tmp_path / "sf.tif"),
        },
    )
    rx = read(res["OUTPUT_POWER"])
    assert np.isnan(rx[15, 15]) and np.isfinite(rx[75, 140])
    assert any("100 no-data cells" in w for w in warnings)
    assert any("only the terrain obstructs" in w for w in warnings)


def test_coverage_gateway_outside_raster(provider, tmp_path):
    gw = points_layer([(("far", 20.0), (X0 - 5000.0, Y0))])
    with pytest.raises(QgsProcessingException, match="far .* outside the terrain raster"):
        run_coverage(tmp_path, gw)


def test_coverage_refuses_a_geographic_dem(provider, tmp_path):
    gw = points_layer([(("gw", 20.0), (7.8, 51.68))], crs="EPSG:4326")
    dem = make_dem(tmp_path / "geo.tif", epsg=4326, x0=7.79, y0=51.69, cell=0.0001)
    with pytest.raises(QgsProcessingException, match="projected CRS"):
        run_coverage(tmp_path, gw, dem=dem)


def test_link_budget_for_points_with_chart(provider, tmp_path):
    import processing

    gw = points_layer([(("gw1", 20.0), (X0 + 755.0, Y0 - 755.0))])
    sensors = points_layer(
        [(("open", 0.0), (X0 + 305.0, Y0 - 755.0)), (("shadow", 0.0), (X0 + 1205.0, Y0 - 755.0))]
    )
    res = processing.run(
        "hamm_lorawan:linkbudget",
        {
            "INPUT": sensors,
            "GATEWAYS": gw,
            "HEIGHT_FIELD": "h",
            "NAME_FIELD": "name",
            "DEM": make_dem(tmp_path / "dem.tif"),
            "BUILDINGS": block_layer(),
            "PAYLOAD": 10,
            "OUTPUT": str(tmp_path / "links.gpkg"),
            "CHART": str(tmp_path / "profile.svg"),
        },
    )
    layer = QgsVectorLayer(res["OUTPUT"], "l", "ogr")
    rows = {f["name"]: f for f in layer.getFeatures()}
    params = radio.RadioParams()
    open_rx = params.eirp_dbm + 3.0 - radio.free_space_loss(450.0, 868.1)
    assert rows["open"]["rx_dbm"] == pytest.approx(open_rx, abs=0.05)
    assert rows["open"]["diffraction_db"] == pytest.approx(0.0, abs=0.5)
    assert rows["shadow"]["diffraction_db"] > 20.0
    assert rows["open"]["sf"] == 7 and rows["open"]["airtime_ms"] == pytest.approx(61.7, abs=0.05)
    assert rows["open"]["snr_db"] == pytest.approx(rows["open"]["rx_dbm"] - params.noise_dbm, abs=0.02)
    assert rows["shadow"]["fresnel_clearance"] < 0 and rows["open"]["n_gateways"] == 1
    svg = (tmp_path / "profile.svg").read_text()
    assert svg.startswith("<svg") and "gw1" in svg
    del layer


def _two_clusters():
    """Demand: 10 points of weight 2 in the west, 5 of weight 1 in the east."""
    return points_layer(
        [((str(i), 2.0), (X0 + 200.0 + 10 * i, Y0 - 200.0)) for i in range(10)]
        + [((str(i), 1.0), (X0 + 1300.0 - 10 * i, Y0 - 1300.0)) for i in range(5)],
        fields="name:string&field=w:double",
    )


def _siting(cands, tmp_path, **params):
    """Run the siting over the two demand clusters (300 m range) with ``params``."""
    import processing

    return processing.run("hamm_lorawan:siting", _siting_params(cands, tmp_path, **params))


def _siting_params(cands, tmp_path, **params):
    base = {
        "CANDIDATES": cands,
        "HEIGHT_FIELD": "h",
        "NAME_FIELD": "name",
        "COST_FIELD": "cost",
        "DEMAND": _two_clusters(),
        "WEIGHT_FIELD": "w",
        "DEM": make_dem(tmp_path / "dem.tif"),
        "MAX_RANGE": 300.0,
        "OUTPUT": str(tmp_path / "sites.gpkg"),
        "OUTPUT_DEMAND": str(tmp_path / "demand.gpkg"),
    }
    return {**base, **params}


def test_siting_chooses_the_known_best_sites(provider, tmp_path):
    # demand in two clusters; candidate 0 in the middle reaches neither at 300 m range,
    # candidates 1 and 2 sit on the clusters, 3 is existing
    cands = points_layer(
        [
            (("mid", 10.0, 1.0, 0), (X0 + 750.0, Y0 - 750.0)),
            (("west", 10.0, 1.0, 0), (X0 + 205.0, Y0 - 205.0)),
            (("east", 10.0, 1.0, 0), (X0 + 1305.0, Y0 - 1305.0)),
            (("old", 10.0, 1.0, 1), (X0 + 205.0, Y0 - 1305.0)),
        ],
        fields="name:string&field=h:double&field=cost:double&field=existing:integer",
    )
    res = _siting(cands, tmp_path, FIXED_FIELD="existing", K=1, SOLVER=1)
    names = sorted(f["name"] for f in QgsVectorLayer(res["OUTPUT"], "s", "ogr").getFeatures())
    assert names == ["old", "west"]
    # a candidate beyond the terrain raster cannot be judged: a warning, not an abort
    cands.dataProvider().addFeatures([_point(cands, ("far", 10.0, 1.0, 0), (X0 - 900.0, Y0 + 900.0))])
    res, warnings, _infos = _warnings_of(
        "hamm_lorawan:siting", _siting_params(cands, tmp_path, FIXED_FIELD="existing", K=1, SOLVER=1)
    )
    outside = [w for w in warnings if w.startswith("1 candidates lie outside the terrain raster")]
    assert len(outside) == 1 and outside[0].endswith(": far.")
    layer = QgsVectorLayer(res["OUTPUT"], "s", "ogr")
    names = sorted(f["name"] for f in layer.getFeatures())
    assert names == ["old", "west"]
    assert res["COVERED_SHARE"] == pytest.approx(20.0 / 25.0)
    assert res["GAP"] == pytest.approx(0.0, abs=1e-6) and res["METHOD"] == "milp"
    served = QgsVectorLayer(res["OUTPUT_DEMAND"], "d", "ogr")
    assert sum(1 for f in served.getFeatures() if f["served"]) == 10
    del layer, served


def test_demand_without_weight_counts_zero_with_a_warning(provider, tmp_path):
    cands = points_layer(
        [(("west", 10.0, 1.0), (X0 + 205.0, Y0 - 205.0))],
        fields="name:string&field=h:double&field=cost:double",
    )
    demand = points_layer(
        [(("a", 2.0), (X0 + 200.0, Y0 - 200.0)), (("b", None), (X0 + 210.0, Y0 - 200.0))],
        fields="name:string&field=w:double",
    )
    res, warnings, _infos = _warnings_of(
        "hamm_lorawan:siting", _siting_params(cands, tmp_path, DEMAND=demand, K=1, SOLVER=2)
    )
    assert "1 demand features have no number in the field 'w': they count with weight 0." in warnings
    assert res["COVERED_SHARE"] == pytest.approx(1.0)  # 2 of a total weight of 2


def test_fewest_sites_heard_twice(provider, tmp_path):
    # two candidates at the west cluster, one at the east one, one reaching nothing: 80 %
    # of the weight heard by two gateways needs both western sites
    cands = points_layer(
        [
            (("mid", 10.0, 1.0), (X0 + 750.0, Y0 - 750.0)),
            (("west", 10.0, 1.0), (X0 + 205.0, Y0 - 205.0)),
            (("west2", 10.0, 1.0), (X0 + 245.0, Y0 - 215.0)),
            (("east", 10.0, 1.0), (X0 + 1305.0, Y0 - 1305.0)),
        ],
        fields="name:string&field=h:double&field=cost:double",
    )
    res = _siting(cands, tmp_path, MODE=1, TARGET=80.0, REDUNDANCY=2)
    layer = QgsVectorLayer(res["OUTPUT"], "s", "ogr")
    assert sorted(f["name"] for f in layer.getFeatures()) == ["west", "west2"]
    assert res["COVERED_SHARE"] == pytest.approx(20.0 / 25.0) and res["COST"] == 2.0
    # the Lagrangian bound proves that no cheaper choice exists: HiGHS is not needed
    assert res["BOUND"] == 2.0 and res["GAP"] == 0.0 and res["METHOD"].startswith("greedy")
    served = QgsVectorLayer(res["OUTPUT_DEMAND"], "d", "ogr")
    assert sorted(f["n_gateways"] for f in served.getFeatures()) == [0] * 5 + [2] * 10
    del layer, served


def test_siting_with_empty_candidates(provider, tmp_path):
    import processing

    cands = points_layer([])
    demand = points_layer([(("a", 1.0), (X0 + 100, Y0 - 100))])
    with pytest.raises(QgsProcessingException, match="nothing to choose from"):
        processing.run(
            "hamm_lorawan:siting",
            {
                "CANDIDATES": cands,
                "DEMAND": demand,
                "DEM": make_dem(tmp_path / "dem.tif"),
                "OUTPUT": str(tmp_path / "s.gpkg"),
            },
        )


def _csv(tmp_path, rng):
    gx, gy = X0 + 755.0, Y0 - 755.0
    lines = ["x,y,gateway,rssi,snr,gw_x,gw_y"]
    params = radio.RadioParams()
    for _ in range(200):
        ang, dist = rng.uniform(0, 2 * math.pi), rng.uniform(50, 700)
        pl = 40.0 + 10 * 2.9 * math.log10(dist) + rng.normal(0, 2.0)
        rssi = params.eirp_dbm + 5.0 - 2.0 - pl
        lines.append(
            "{:.2f},{:.2f},gwA,{:.2f},,{},{}".format(
                gx + dist * math.cos(ang), gy + dist * math.sin(ang), rssi, gx, gy
            )
        )
    path = tmp_path / "uplinks.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_calibrate_recovers_coefficients_and_feeds_coverage(provider, tmp_path):
    import processing

    path = _csv(tmp_path, np.random.default_rng(3))
    res = processing.run(
        "hamm_lorawan:calibrate",
        {
            "INPUT": str(path),
            "CSV_CRS": "EPSG:25832",
            "OUTPUT_MODEL": str(tmp_path / "model.json"),
            "OUTPUT": str(tmp_path / "stats.gpkg"),
        },
    )
    assert res["N"] == pytest.approx(2.9, abs=0.15)
    assert res["RMSE_AFTER"] == pytest.approx(2.0, abs=0.4) and abs(res["BIAS_AFTER"]) < 1e-6
    assert res["RMSE_BEFORE"] > res["RMSE_AFTER"]
    model = json.loads((tmp_path / "model.json").read_text())
    assert model["model"] == "log_distance" and model["fit"]["per_gateway"]["gwA"]["after"]["n"] == 200
    gw = points_layer([(("gw1", 30.0), (X0 + 755.0, Y0 - 755.0))])
    cov = run_coverage(tmp_path, gw, MODEL_FILE=str(tmp_path / "model.json"))
    rx = read(cov["OUTPUT_POWER"])
    expected = radio.RadioParams().eirp_dbm + 3.0 - (model["pl0"] + 10 * model["n"] * math.log10(400.0))
    assert rx[75, 75 + 40] == pytest.approx(expected, abs=0.3)


def test_calibrate_csv_with_missing_columns(provider, tmp_path):
    import processing

    bad = tmp_path / "bad.csv"
    bad.write_text("lat,lon,snr\n51.6,7.8,3\n")
    with pytest.raises(QgsProcessingException, match="lacks the column"):
        processing.run(
            "hamm_lorawan:calibrate", {"INPUT": str(bad), "OUTPUT_MODEL": str(tmp_path / "m.json")}
        )
    assert not (tmp_path / "m.json").exists()


def _warnings_of(alg, params):
    """Run ``alg``; (result, the warnings it pushed, its info lines)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings, self.infos = [], []

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)

        def pushInfo(self, text):  # noqa: N802
            self.infos.append(text)

    fb = Feedback()
    res = processing.run(alg, params, context=QgsProcessingContext(), feedback=fb)
    return res, fb.warnings, fb.infos


def test_calibrate_reads_a_german_excel_export(provider, tmp_path):
    # the uplinks of _csv, as Excel writes them on a German Windows: semicolons, decimal
    # commas, Windows-1252, a gateway called "GW Süd"; one row without a GPS fix (0/0)
    rows = _csv(tmp_path, np.random.default_rng(3)).read_text().splitlines()
    german = [rows[0].replace(",", ";")]
    for line in rows[1:]:
        german.append(";".join(v.replace(".", ",") for v in line.replace("gwA", "GW Süd").split(",")))
    german.append("0;0;GW Süd;-80,0;;0;0")
    path = tmp_path / "excel.csv"
    path.write_bytes(("\r\n".join(german) + "\r\n").encode("cp1252"))
    res, warnings, infos = _warnings_of(
        "hamm_lorawan:calibrate",
        {"INPUT": str(path), "CSV_CRS": "EPSG:25832", "OUTPUT_MODEL": str(tmp_path / "model.json")},
    )
    assert res["N"] == pytest.approx(2.9, abs=0.15) and res["RMSE_AFTER"] == pytest.approx(2.0, abs=0.4)
    model = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    assert model["fit"]["per_gateway"]["GW Süd"]["after"]["n"] == 200
    assert any("Windows-1252" in i for i in infos)
    assert any("1 rows" in w for w in warnings)
    # no terrain model: the saved model must not add diffraction on top of PL0 and n
    assert model["obstruction_factor"] == 0.0 and any("no obstruction term" in w for w in warnings)


def test_calibrate_refuses_degrees_in_projected_columns(provider, tmp_path):
    import processing

    path = tmp_path / "lonlat.csv"
    path.write_text("x,y,gateway,rssi,gw_x,gw_y\n7.70,51.66,g,-100,7.69,51.67\n7.71,51.67,g,-105,7.69,51.67\n")
    with pytest.raises(QgsProcessingException, match="like degrees .* EPSG:25832"):
        processing.run(
            "hamm_lorawan:calibrate",
            {"INPUT": str(path), "CSV_CRS": "EPSG:25832", "OUTPUT_MODEL": str(tmp_path / "m.json")},
        )
    assert not (tmp_path / "m.json").exists()


def test_link_budget_with_no_data_holes(provider, tmp_path):
    import processing

    holes = make_dem(tmp_path / "holes.tif", holes=True)  # no data in cells 10-19 x 10-19
    sensors = points_layer(
        [(("across", 0.0), (X0 + 305.0, Y0 - 305.0)), (("in_hole", 0.0), (X0 + 155.0, Y0 - 155.0))]
    )
    gw = points_layer([(("gw1", 20.0), (X0 + 55.0, Y0 - 55.0))])
    params = {
        "INPUT": sensors,
        "GATEWAYS": gw,
        "HEIGHT_FIELD": "h",
        "NAME_FIELD": "name",
        "DEM": holes,
        "PROFILE_FID": 1,
        "OUTPUT": str(tmp_path / "links.gpkg"),
        "CHART": str(tmp_path / "profile.svg"),
    }
    res, warnings, _infos = _warnings_of("hamm_lorawan:linkbudget", params)
    rows = {f["name"]: f for f in QgsVectorLayer(res["OUTPUT"], "l", "ogr").getFeatures()}
    assert rows["across"]["n_gateways"] == 1 and rows["in_hole"]["n_gateways"] == 0
    assert any(w.startswith("1 points lie outside the terrain raster or on its no-data") for w in warnings)
    # the path of the first sensor crosses the hole: the chart has numbers, not nan
    svg = (tmp_path / "profile.svg").read_text()
    assert "nan" not in svg.lower() and "<polygon" in svg
    # a gateway standing in the hole is refused, as by the coverage
    params["GATEWAYS"] = points_layer([(("im Loch", 20.0), (X0 + 155.0, Y0 - 155.0))])
    with pytest.raises(QgsProcessingException, match="im Loch stands on a no-data cell"):
        processing.run("hamm_lorawan:linkbudget", params)


def test_bad_model_file_and_multipoint_gateways_get_messages(provider, tmp_path):
    gw = points_layer([(("gw1", 20.0), (X0 + 755.0, Y0 - 755.0))])
    bad = tmp_path / "model.json"
    bad.write_text("not json")
    with pytest.raises(QgsProcessingException, match="not valid JSON"):
        run_coverage(tmp_path, gw, MODEL_FILE=str(bad))
    multi = QgsVectorLayer("MultiPoint?crs=EPSG:25832&field=name:string&field=h:double", "m", "memory")
    feat = QgsFeature(multi.fields())
    feat.setGeometry(QgsGeometry.fromWkt("MULTIPOINT((417300 5725300),(418100 5724900))"))
    feat.setAttributes(["zwei", 20.0])
    multi.dataProvider().addFeatures([feat])
    with pytest.raises(QgsProcessingException, match="multi-point with several points"):
        run_coverage(tmp_path, multi)
    # a surface model GDAL cannot open (e.g. a layer of QGIS's raster calculator)
    from qgis.core import QgsProcessingFeedback

    from hamm_lorawan.logic.errors import LoRaError
    from hamm_lorawan.logic.i18n import tr
    from hamm_lorawan.processing.common import read_terrain

    with pytest.raises(LoRaError, match="surface model cannot be opened as a raster file"):
        read_terrain(make_dem(tmp_path / "dem.tif"), str(tmp_path / "gone.tif"), QgsProcessingFeedback(), tr)


def test_algorithms_are_registered_with_help(provider):
    from qgis.core import QgsApplication

    reg = QgsApplication.processingRegistry()
    for name in ("coverage", "linkbudget", "siting", "calibrate"):
        alg = reg.algorithmById("hamm_lorawan:" + name)
        assert alg is not None and alg.shortHelpString() and alg.group() == "LoRaWAN"


@pytest.mark.slow
def test_coverage_in_qgis_process(root_dir, tmp_path):
    profile = tmp_path / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nhamm_core=true\nhamm_lorawan=true\n")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
        QGIS_PLUGINPATH=str(root_dir / "plugins"),
    )
    dem = make_dem(tmp_path / "dem.tif")
    gw = tmp_path / "gw.geojson"
    gw.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"h": 25},
                        "geometry": {"type": "Point", "coordinates": [X0 + 755.0, Y0 - 755.0]},
                    }
                ],
            }
        )
    )
    out = tmp_path / "rx.tif"
    proc = subprocess.run(
        [
            "/usr/bin/qgis_process.bin",
            "run",
            "hamm_lorawan:coverage",
            "--",
            "GATEWAYS={}".format(gw),
            "HEIGHT_FIELD=h",
            "DEM={}".format(dem),
            "MODEL=1",
            "OUTPUT_POWER={}".format(out),
            "OUTPUT_SF={}".format(tmp_path / "sf.tif"),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rx = read(str(out))
    params = radio.RadioParams()
    hata = radio.PathModel(name="hata_urban").basic_loss(500.0, 25.0, 1.5)
    assert rx[75, 125] == pytest.approx(params.eirp_dbm + 3.0 - hata, abs=0.3)


def test_rasters_without_a_crs_of_their_own(provider, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsRasterLayer

    gw = points_layer([(("gw1", 20.0), (X0 + 755.0, Y0 - 755.0))])
    # a DEM file without CRS whose layer got EPSG:25832 in QGIS, and a DSM on the same grid
    # without any CRS (like NRW DOM tiles as .asc): a 60 m block east of the gateway
    arr = np.full((N, N), 60.0, dtype=np.float32)
    for name in ("bare.tif", "dom.tif"):
        if name == "dom.tif":
            arr[65:85, 95:100] = 120.0
        ds = gdal.GetDriverByName("GTiff").Create(str(tmp_path / name), N, N, 1, gdal.GDT_Float32)
        ds.SetGeoTransform((X0, CELL, 0, Y0, 0, -CELL))
        ds.GetRasterBand(1).WriteArray(arr)
        ds = None
    dem_layer = QgsRasterLayer(str(tmp_path / "bare.tif"), "dgm")
    dem_layer.setCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
    dsm_layer = QgsRasterLayer(str(tmp_path / "dom.tif"), "dom")
    assert not gdal.Open(str(tmp_path / "bare.tif")).GetProjection()
    res = run_coverage(tmp_path, gw, dem=dem_layer, DSM=dsm_layer, DIFFRACTION=0)
    rx = read(res["OUTPUT_POWER"])
    assert rx[75, 75 - 45] - rx[75, 75 + 45] > 20.0  # the block casts its shadow
    assert "25832" in gdal.Open(res["OUTPUT_POWER"]).GetProjection()


def test_coverage_outputs_arrive_styled_in_the_project(provider, tmp_path):
    import processing
    from qgis.core import QgsProject

    gws = points_layer(
        [(("Rathaus", 20.0), (X0 + 755.0, Y0 - 755.0)), (("Pauluskirche", 30.0), (X0 + 305.0, Y0 - 305.0))]
    )
    params = {
        "GATEWAYS": gws,
        "HEIGHT_FIELD": "h",
        "NAME_FIELD": "name",
        "DEM": make_dem(tmp_path / "dem.tif"),
        "OUTPUT_POWER": str(tmp_path / "rx.tif"),
        "OUTPUT_SF": str(tmp_path / "sf.tif"),
        "OUTPUT_SERVER": str(tmp_path / "server.tif"),
        "OUTPUT_COUNT": str(tmp_path / "count.tif"),
    }
    before = set(QgsProject.instance().mapLayers())
    processing.runAndLoadResults("hamm_lorawan:coverage", params)
    loaded = {
        layer.source(): layer for lid, layer in QgsProject.instance().mapLayers().items() if lid not in before
    }
    try:
        power = loaded[str(tmp_path / "rx.tif")].renderer()
        assert power.type() == "singlebandpseudocolor"
        items = power.shader().rasterShaderFunction().colorRampItemList()
        sens = radio.required_power(12, radio.RadioParams()) + radio.RadioParams().fade_margin_db
        assert items[0].value == pytest.approx(sens) and "SF12" in items[0].label
        sf = loaded[str(tmp_path / "sf.tif")].renderer()
        assert sf.type() == "paletted"
        assert [c.label for c in sf.classes()] == ["SF{}".format(s) for s in range(7, 13)]
        server = loaded[str(tmp_path / "server.tif")].renderer()
        assert [(c.value, c.label) for c in server.classes()] == [(0, "Rathaus"), (1, "Pauluskirche")]
        count = loaded[str(tmp_path / "count.tif")].renderer()
        assert [c.value for c in count.classes()] == [0, 1, 2]
    finally:
        QgsProject.instance().removeMapLayers(list(set(QgsProject.instance().mapLayers()) - before))


def test_gateway_without_height_gets_the_default_with_a_warning(provider, tmp_path):
    gws = points_layer(
        [(("mit", 20.0), (X0 + 755.0, Y0 - 755.0)), (("ohne", None), (X0 + 305.0, Y0 - 305.0))]
    )
    res, warnings, _infos = _warnings_of(
        "hamm_lorawan:coverage",
        {
            "GATEWAYS": gws,
            "HEIGHT_FIELD": "h",
            "NAME_FIELD": "name",
            "ANTENNA_HEIGHT": 12.0,
            "DEM": make_dem(tmp_path / "dem.tif"),
            "OUTPUT_POWER": str(tmp_path / "rx.tif"),
            "OUTPUT_SF": str(tmp_path / "sf.tif"),
        },
    )
    assert "1 features have no number in the field 'h': they got 12.0." in warnings
    assert os.path.exists(res["OUTPUT_POWER"])
