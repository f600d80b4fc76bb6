"""'Maßnahmenwirkung prüfen' (difference in differences) against a real SensorThings
server filled in the test; the expected effect, standard error and interval are computed
here independently (statistics + scipy)."""

import os
import statistics
import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

from hamm_sensors.logic.did import (
    MEASURE,
    REFERENCE,
    difference_in_differences,
    station_change,
    t_quantile,
)

scipy_stats = pytest.importorskip("scipy.stats")
UTC = timezone.utc
MEASURE_AT = (7.8200, 51.6800)
# (lon, lat, group, extra change after the measure)
STATIONS = [
    (7.8210, 51.6800, MEASURE, -1.2), (7.8200, 51.6811, MEASURE, -1.6),
    (7.8185, 51.6795, MEASURE, -0.9),
    (7.8500, 51.6900, REFERENCE, 0.1), (7.7900, 51.6600, REFERENCE, -0.2),
    (7.8600, 51.6700, REFERENCE, 0.3), (7.8000, 51.7100, REFERENCE, 0.0),
    (7.8400, 51.6500, REFERENCE, -0.1),
]
BEFORE = (datetime(2026, 6, 1, 10, tzinfo=UTC), datetime(2026, 6, 1, 16, tzinfo=UTC))
AFTER = (datetime(2026, 6, 8, 10, tzinfo=UTC), datetime(2026, 6, 8, 16, tzinfo=UTC))


@pytest.mark.pure
@pytest.mark.parametrize("df", [1, 2, 4.7, 10, 30, 200])
def test_t_quantile_matches_scipy(df):
    for p in (0.975, 0.95, 0.995):
        assert t_quantile(p, df) == pytest.approx(scipy_stats.t.ppf(p, df), abs=2e-4)
    assert t_quantile(0.025, df) == pytest.approx(-t_quantile(0.975, df))


def welch(measure, reference, level=0.95):
    vm = statistics.variance(measure) / len(measure)
    vr = statistics.variance(reference) / len(reference)
    se = (vm + vr) ** 0.5
    df = (vm + vr) ** 2 / (vm ** 2 / (len(measure) - 1) + vr ** 2 / (len(reference) - 1))
    effect = statistics.mean(measure) - statistics.mean(reference)
    t = scipy_stats.t.ppf(1 - (1 - level) / 2, df)
    return effect, se, df, effect - t * se, effect + t * se


@pytest.mark.pure
def test_did_formula():
    changes = [station_change("m1", MEASURE, [20, 22], [19, 20]),
               station_change("m2", MEASURE, [21], [20.5]),
               station_change("m3", MEASURE, [20], []),  # no data after: left out
               station_change("r1", REFERENCE, [20, 20], [21, 21.4]),
               station_change("r2", REFERENCE, [19], [20.1]),
               station_change("r3", REFERENCE, [22], [22.5])]
    res = difference_in_differences(changes, 0.9)
    m = [19.5 - 21, 20.5 - 21]
    r = [21.2 - 20, 20.1 - 19, 22.5 - 22]
    effect, se, df, low, high = welch(m, r, 0.9)
    assert (res.n_measure, res.n_reference) == (2, 3)
    assert (res.effect, res.se, res.df) == pytest.approx((effect, se, df))
    assert (res.ci_low, res.ci_high) == pytest.approx((low, high), abs=1e-4)
    # one station near the measure: the variance of the reference stations on both sides
    one = difference_in_differences(changes[1:], 0.95)
    sr = statistics.stdev(r)
    assert one.se == pytest.approx(sr * (1 + 1 / 3) ** 0.5)
    assert one.df == 2
    assert one.ci_high - one.effect == pytest.approx(scipy_stats.t.ppf(0.975, 2) * one.se,
                                                     abs=1e-4)
    assert one.notes
    both_single = difference_in_differences([changes[1], changes[4]])
    assert both_single.se is None and both_single.ci_low is None and both_single.notes
    with pytest.raises(ValueError, match="No reference station"):
        difference_in_differences(changes[:3])


@pytest.fixture(scope="module")
def measure_server(tmp_path_factory):
    """A SensorThings server of its own with 8 air-temperature stations (3 near the
    measure), hourly observations before and after, and a humidity stream to ignore."""
    from sensors_servers import OM_MEASUREMENT, sta_request, start_sta, stop_process
    tmp = tmp_path_factory.mktemp("sta_measure")
    server = start_sta(tmp / "db.sqlite3", tmp / "log.txt")
    base = server.base_url
    inserted = {}  # station index -> (group, before values, after values)
    sensor = {"name": "S", "description": "-", "encodingType": "text/html", "metadata": "-"}
    prop = {"name": "air_temperature", "definition": "-", "description": "-"}
    try:
        arrays = []
        for i, (lon, lat, group, extra) in enumerate(STATIONS):
            streams = [{"name": "T {}".format(i), "description": "-",
                        "observationType": OM_MEASUREMENT,
                        "unitOfMeasurement": {"name": "degree Celsius", "symbol": "°C",
                                              "definition": "-"},
                        "ObservedProperty": prop, "Sensor": sensor}]
            if i == 0:
                streams.append({"name": "H 0", "description": "-",
                                "observationType": OM_MEASUREMENT,
                                "unitOfMeasurement": {"name": "percent", "symbol": "%",
                                                      "definition": "-"},
                                "ObservedProperty": {"name": "relative_humidity",
                                                     "definition": "-", "description": "-"},
                                "Sensor": sensor})
            _s, loc, _d = sta_request("POST", base + "/Things", {
                "name": "Messpunkt {}".format(i), "description": "-",
                "Locations": [{"name": "L", "description": "-",
                               "encodingType": "application/geo+json",
                               "location": {"type": "Point", "coordinates": [lon, lat]}}],
                "Datastreams": streams})
            tid = loc.split("(", 1)[1].rstrip(")").strip("'")
            _s, _l, doc = sta_request("GET", base + "/Things('{}')/Datastreams".format(tid))
            for item in doc["value"]:
                before, after = [], []
                rows = []
                for h in range(7):
                    for day, out in ((BEFORE[0], before), (AFTER[0], after)):
                        t = day + timedelta(hours=h)
                        base_v = 24.0 + 0.3 * i + 0.5 * ((h * 3 + i) % 4)
                        if out is after:
                            base_v += 2.0 + extra + 0.05 * h
                        if item["name"].startswith("H"):
                            base_v = 50.0 if out is before else 10.0
                        out.append(round(base_v, 2))
                        rows.append([t.strftime("%Y-%m-%dT%H:%M:%SZ"), round(base_v, 2)])
                arrays.append({"Datastream": {"@iot.id": item["@iot.id"]},
                               "components": ["phenomenonTime", "result"], "dataArray": rows})
                if item["name"].startswith("T"):
                    inserted[i] = (group, before, after)
        # one more reference station with data only before: it must be left out
        _s, loc, _d = sta_request("POST", base + "/Things", {
            "name": "Nur vorher", "description": "-",
            "Locations": [{"name": "L", "description": "-", "encodingType":
                           "application/geo+json",
                           "location": {"type": "Point", "coordinates": [7.83, 51.70]}}],
            "Datastreams": [{"name": "T x", "description": "-", "observationType":
                             OM_MEASUREMENT, "unitOfMeasurement": {
                                 "name": "degree Celsius", "symbol": "°C", "definition": "-"},
                             "ObservedProperty": prop, "Sensor": sensor}]})
        tid = loc.split("(", 1)[1].rstrip(")").strip("'")
        _s, _l, doc = sta_request("GET", base + "/Things('{}')/Datastreams".format(tid))
        arrays.append({"Datastream": {"@iot.id": doc["value"][0]["@iot.id"]},
                       "components": ["phenomenonTime", "result"],
                       "dataArray": [[BEFORE[0].strftime("%Y-%m-%dT%H:%M:%SZ"), 25.0]]})
        sta_request("POST", base + "/CreateObservations", arrays)
        yield base, inserted
    finally:
        stop_process(server.proc)


def measure_layer():
    layer = QgsVectorLayer("Point?crs=EPSG:25832", "massnahme", "memory")
    tr = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                QgsCoordinateReferenceSystem("EPSG:25832"),
                                QgsProject.instance())
    feat = QgsFeature()
    feat.setGeometry(QgsGeometry.fromPointXY(tr.transform(QgsPointXY(*MEASURE_AT))))
    layer.dataProvider().addFeatures([feat])
    return layer


def params(base, **extra):
    out = {"URL": base, "PROPERTY": "air_temperature", "RADIUS": 300.0,
           "BEFORE_START": BEFORE[0].isoformat(), "BEFORE_END": BEFORE[1].isoformat(),
           "AFTER_START": AFTER[0].isoformat(), "AFTER_END": AFTER[1].isoformat(),
           "LEVEL": 95.0, "OUTPUT": "memory:", "STATIONS": "memory:"}
    out.update(extra)
    return out


def test_measure_effect_matches_independent_computation(provider, measure_server):
    import processing
    from qgis.core import QgsProcessingContext
    base, inserted = measure_server
    layer = measure_layer()
    context = QgsProcessingContext()
    result = processing.run("hamm_sensors:measure_effect", params(base, MEASURE=layer),
                            context=context)
    table, stations = result["OUTPUT"], result["STATIONS"]  # processing.run gives layers
    changes = {g: [statistics.mean(a) - statistics.mean(b)
                   for gg, b, a in inserted.values() if gg == g] for g in (MEASURE, REFERENCE)}
    assert len(changes[MEASURE]) == 3 and len(changes[REFERENCE]) == 5
    effect, se, df, low, high = welch(changes[MEASURE], changes[REFERENCE])
    assert effect == pytest.approx(-1.2533, abs=0.01)  # what the data were built with
    row = next(table.getFeatures())
    assert (row["n_measure"], row["n_reference"]) == (3, 5)
    assert row["effect"] == pytest.approx(effect)
    assert row["std_error"] == pytest.approx(se)
    assert row["df"] == pytest.approx(df)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high), abs=1e-3)
    assert row["unit"] == "°C" and row["level"] == 95.0
    assert result["EFFECT"] == pytest.approx(effect) and result["SE"] == pytest.approx(se)
    assert high < 0  # the cooling is significant at 95 %
    feats = list(stations.getFeatures())
    assert len(feats) == 9  # 8 stations + the one without data after (change NULL)
    from qgis.core import NULL
    assert [f["station"] for f in feats if f["change"] == NULL] == ["Nur vorher"]
    groups = sorted((f["group"], round(f["change"], 6)) for f in feats if f["change"] != NULL)
    assert groups == sorted([("Measure", round(c, 6)) for c in changes[MEASURE]]
                            + [("Reference", round(c, 6)) for c in changes[REFERENCE]])
    assert all(f["distance_m"] <= 300 for f in feats if f["group"] == "Measure")
    assert stations.crs().authid() == "EPSG:25832"
    del layer


def test_measure_effect_rejects_bad_periods(provider, measure_server):
    import processing
    from qgis.core import QgsProcessingException
    base, _ins = measure_server
    layer = measure_layer()
    with pytest.raises(QgsProcessingException, match="must start after"):
        processing.run("hamm_sensors:measure_effect", params(
            base, MEASURE=layer, AFTER_START=BEFORE[0].isoformat()))
    del layer


def test_measure_effect_without_reference_stations(provider, measure_server):
    import processing
    from qgis.core import QgsProcessingException
    base, _ins = measure_server
    layer = measure_layer()
    with pytest.raises(QgsProcessingException, match="No reference station"):
        processing.run("hamm_sensors:measure_effect", params(
            base, MEASURE=layer, MAX_REFERENCE_DISTANCE=400.0))
    del layer


@pytest.mark.slow
def test_measure_effect_in_qgis_process(root_dir, tmp_path, measure_server):
    base, inserted = measure_server
    profile = tmp_path / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nhamm_core=true\nhamm_sensors=true\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
               QGIS_PLUGINPATH=str(root_dir / "plugins"))
    lon, lat = MEASURE_AT
    measure = tmp_path / "m.geojson"
    measure.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                       '"properties": {}, "geometry": {"type": "Point", "coordinates": '
                       '[%r, %r]}}]}' % (lon, lat))
    out, st = tmp_path / "effect.gpkg", tmp_path / "stations.gpkg"
    args = ["{}={}".format(k, v) for k, v in params(base, MEASURE=str(measure),
                                                     OUTPUT=str(out), STATIONS=str(st)).items()]
    proc = subprocess.run(["/usr/bin/qgis_process.bin", "run", "hamm_sensors:measure_effect",
                           "--"] + args, env=env, capture_output=True, text=True, check=False,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    layer = QgsVectorLayer(str(out), "e", "ogr")
    try:
        changes = {g: [statistics.mean(a) - statistics.mean(b)
                       for gg, b, a in inserted.values() if gg == g]
                   for g in (MEASURE, REFERENCE)}
        effect = welch(changes[MEASURE], changes[REFERENCE])[0]
        assert next(layer.getFeatures())["effect"] == pytest.approx(effect)
    finally:
        del layer
