"""hamm_mobility in QGIS: live GBFS layers from a real nginx, refresh, errors; Processing
algorithms for GTFS, GBFS and GTFS-Realtime (also in qgis_process)."""

import json
import os
import subprocess
from datetime import date

import pytest
from mobility_servers import feed_server, gbfs_docs, write_docs  # noqa: F401
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

from hamm_core.adapters.tasks import wait_for
from hamm_core.logic.errors import NetworkError
from hamm_mobility.adapters.gbfs_live import GbfsLive, group_name
from hamm_mobility.logic.errors import FeedError

pytestmark = [pytest.mark.qgis, pytest.mark.server]


def _run_live(url, **kwargs):
    seen = {"errors": []}
    live = GbfsLive(url, on_error=seen["errors"].append, **kwargs)
    task = live.start()
    assert wait_for(task, 30)
    return live, seen


def _values(layer, key, field):
    return {f[key]: f[field] for f in layer.getFeatures()}


@pytest.mark.parametrize("version", ["2.3", "3.0"])
def test_live_gbfs_layers_and_refresh(qgis_app, feed_server, version):  # noqa: F811
    project = QgsProject.instance()
    prefix = "gbfs{}".format(version.replace(".", ""))
    live, seen = _run_live(feed_server.url(prefix + "/gbfs.json"))
    try:
        assert seen["errors"] == []
        stations, vehicles, zones = (live.layers[k] for k in ("stations", "vehicles", "zones"))
        assert stations.name() == "Stations – HammRad " + version
        assert stations.crs().authid() == "EPSG:25832"
        assert stations.featureCount() == 3 and vehicles.featureCount() == 3
        assert zones.featureCount() == 1
        assert _values(stations, "station_id", "fahrzeuge") == {"st1": 7, "st2": 0, "st3": 2}
        assert _values(stations, "station_id", "zustand") == {
            "st1": "verfuegbar", "st2": "leer", "st3": "ausser_betrieb"}
        # the station Hauptbahnhof sits where its WGS84 coordinates say, in UTM 32N
        ct = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsCoordinateReferenceSystem("EPSG:25832"), project)
        expected = ct.transform(QgsPointXY(7.8079, 51.6784))
        hbf = next(f for f in stations.getFeatures() if f["station_id"] == "st1")
        assert hbf.geometry().asPoint().x() == pytest.approx(expected.x(), abs=0.01)
        assert hbf.geometry().asPoint().y() == pytest.approx(expected.y(), abs=0.01)
        assert 5_700_000 < expected.y() < 5_740_000
        # styled by availability, legend labels readable
        renderer = stations.renderer()
        assert renderer.classAttribute() == "zustand"
        assert [c.label() for c in renderer.categories()] == [
            "Vehicles available", "Few vehicles (1-2)", "Empty", "Out of service"]
        assert zones.renderer().classAttribute() == "regel"
        assert _values(zones, "name", "regel") == {"Innenstadt": "parkverbot"}
        assert zones.getFeatures().__next__().geometry().area() == pytest.approx(
            2080 * 2225, rel=0.05)
        # grouped in the project
        group = project.layerTreeRoot().findGroup(group_name())
        assert group is not None and group.findGroup("HammRad " + version) is not None
        assert live.next_interval_s() == 60 and live.timer.isActive()

        # status changes on the server between two refreshes show up in the layer
        docs = gbfs_docs(version, feed_server.base_url, vehicles_available=(1, 5, 2), n_free=6)
        write_docs(feed_server.root, {k: v for k, v in docs.items()
                                      if "status" in k}, bump_mtime=5)
        task = live.refresh()
        assert live.refresh() is task and live.skipped == 1  # no pile-up
        assert wait_for(task, 30)
        assert live.refreshes == 2, [str(e) + " " + getattr(e, "detail", "") for e in seen["errors"]]
        assert _values(stations, "station_id", "fahrzeuge") == {"st1": 1, "st2": 5, "st3": 2}
        assert _values(stations, "station_id", "zustand")["st1"] == "wenig"
        assert vehicles.featureCount() == 6
        assert stations.id() in project.mapLayers()
    finally:
        write_docs(feed_server.root, {k: v for k, v in
                                      gbfs_docs(version, feed_server.base_url).items()
                                      if "status" in k}, bump_mtime=10)
        live.stop()
        for layer in live.layers.values():
            project.removeMapLayer(layer.id())
        root = project.layerTreeRoot()
        group = root.findGroup(group_name())
        if group is not None:
            root.removeChildNode(group)
    assert not live.timer.isActive()


def test_removing_a_layer_stops_the_system(qgis_app, feed_server):  # noqa: F811
    live, seen = _run_live(feed_server.url("gbfs30/gbfs.json"))
    assert live.layers and not live.stopped
    QgsProject.instance().removeMapLayer(live.layers["stations"].id())
    assert live.stopped and not live.timer.isActive()
    for key in ("vehicles", "zones"):
        QgsProject.instance().removeMapLayer(live.layers[key].id())


@pytest.mark.parametrize("path, kind, match", [
    ("bad/no_status/gbfs.json", FeedError, "station_status"),
    ("bad/version/gbfs.json", FeedError, "version 4.1"),
    ("bad/broken.json", None, "not valid JSON"),
    ("nothing/gbfs.json", NetworkError, "404"),
    ("status/500", NetworkError, "500"),
])
def test_live_gbfs_bad_feeds(qgis_app, feed_server, path, kind, match):  # noqa: F811
    live, seen = _run_live(feed_server.url(path), add_to_project=False, retries=0)
    live.stop()
    assert live.layers == {}
    assert len(seen["errors"]) == 1
    err = seen["errors"][0]
    if kind is not None:
        assert isinstance(err, kind)
    assert match in err.user_message


def test_live_gbfs_timeout(qgis_app, feed_server):  # noqa: F811
    live, seen = _run_live(feed_server.url("slow/gbfs.json"), add_to_project=False,
                           timeout_s=0.5, retries=0)
    live.stop()
    err = seen["errors"][0]
    assert isinstance(err, NetworkError) and err.kind == NetworkError.KIND_TIMEOUT


def test_gtfs_algorithm_from_url(provider, feed_server, tmp_path):  # noqa: F811
    import processing
    info = feed_server.gtfs
    result = processing.run("hamm_mobility:gtfs_layers", {
        "URL": feed_server.url("gtfs.zip"), "DAY": "2024-10-02",
        "STOPS": str(tmp_path / "stops.gpkg"), "ROUTES": str(tmp_path / "routes.gpkg")})
    stops = QgsVectorLayer(result["STOPS"], "s", "ogr")
    routes = QgsVectorLayer(result["ROUTES"], "r", "ogr")
    assert stops.crs().authid() == "EPSG:25832" and routes.crs().authid() == "EPSG:25832"
    assert stops.featureCount() == info.n_stops + 1
    deps = {f["stop_id"]: f["abfahrten"] for f in stops.getFeatures()}
    assert sum(v for k, v in deps.items() if k != "P0") == sum(
        info.weekday_departures.values())
    assert deps["S5"] == info.weekday_departures["S5"]
    # 60 routes x 2 directions + the frequency-based ring bus
    assert routes.featureCount() == 121
    r0 = [f for f in routes.getFeatures() if f["route_id"] == "R0"]
    assert r0[0]["verkehrsmittel"] == "Tram" and r0[0]["farbe"] == "#A3007C"
    assert r0[0]["geometrie_aus"] == "shape"
    assert all(f.geometry().length() > 100 for f in r0)


def test_gtfs_algorithm_hours_from_file(provider, feed_server, tmp_path):  # noqa: F811
    import processing
    gtfs_path = str(feed_server.root / "gtfs.zip")
    result = processing.run("hamm_mobility:gtfs_layers", {
        "INPUT": gtfs_path, "DAY": "03.10.2024", "HOUR_FROM": 6, "HOUR_TO": 9,
        "STOPS": "memory:", "ROUTES": "memory:"})
    from hamm_mobility.logic import gtfs
    expected = gtfs.load_path(gtfs_path, date(2024, 10, 3), 6, 9)
    layer = result["STOPS"]
    got = {f["stop_id"]: f["abfahrten"] for f in layer.getFeatures()}
    assert got == {s["stop_id"]: s["departures"] for s in expected.stops}
    assert {f["tag"] for f in layer.getFeatures()} == {"2024-10-03"}


def test_gtfs_algorithm_broken_zip(provider, feed_server, tmp_path):  # noqa: F811
    import processing
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="not a readable GTFS zip"):
        processing.run("hamm_mobility:gtfs_layers", {
            "INPUT": str(feed_server.root / "broken.zip"), "DAY": "2024-10-02",
            "STOPS": str(tmp_path / "s.gpkg"), "ROUTES": str(tmp_path / "r.gpkg")})


def test_gtfs_algorithm_bad_day(provider, feed_server, tmp_path):  # noqa: F811
    import processing
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="is not a date"):
        processing.run("hamm_mobility:gtfs_layers", {
            "INPUT": str(feed_server.root / "gtfs.zip"), "DAY": "morgen",
            "STOPS": str(tmp_path / "s.gpkg"), "ROUTES": str(tmp_path / "r.gpkg")})


def test_gtfsrt_algorithm(provider, feed_server, tmp_path):  # noqa: F811
    import processing
    from mobility_servers import rt_feed_bytes
    rt_path = tmp_path / "tripupdates.pb"
    rt_path.write_bytes(rt_feed_bytes(
        vehicles=[{"id": "bus1", "trip_id": "T0_0_0", "lat": 51.68, "lon": 7.81,
                   "speed": 10.0}, {"id": "bad", "lat": 0.0, "lon": 0.0}],
        trip_updates=[{"id": "t", "trip_id": "T0_0_0", "updates": [
            (1, "S1", 120, None, False), (2, "S2", 240, None, False),
            (3, "NOPE", 60, None, False)]}]))
    result = processing.run("hamm_mobility:gtfsrt_layers", {
        "RT_FILE": str(rt_path), "GTFS": str(feed_server.root / "gtfs.zip"),
        "VEHICLES": "memory:", "DELAYS": "memory:"})
    vehicles = result["VEHICLES"]
    assert vehicles.featureCount() == 1
    bus = next(vehicles.getFeatures())
    assert bus["linie"] == "1" and bus["route_id"] == "R0"
    assert bus["verspaetung_s"] == 120 and bus["geschw_kmh"] == pytest.approx(36.0)
    delays = result["DELAYS"]
    assert {f["stop_id"]: f["verspaetung_mittel_s"] for f in delays.getFeatures()} == {
        "S1": 120.0, "S2": 240.0}
    assert delays.crs().authid() == "EPSG:25832"
    from_url = processing.run("hamm_mobility:gtfsrt_layers", {
        "RT_URL": feed_server.url("vehicles.pb"), "VEHICLES": "memory:"})
    assert from_url["VEHICLES"].featureCount() == 1


def test_gtfsrt_algorithm_truncated(provider, feed_server):  # noqa: F811
    import processing
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="truncated"):
        processing.run("hamm_mobility:gtfsrt_layers", {
            "RT_URL": feed_server.url("truncated.pb"), "VEHICLES": "memory:"})


def test_gbfs_snapshot_algorithm(provider, feed_server, tmp_path):  # noqa: F811
    import processing
    result = processing.run("hamm_mobility:gbfs_snapshot", {
        "URL": feed_server.url("gbfs30/gbfs.json"), "STATIONS": "memory:",
        "VEHICLES": "memory:", "ZONES": "memory:"})
    assert result["STATIONS"].featureCount() == 3
    assert result["VEHICLES"].featureCount() == 3
    assert {f["system"] for f in result["ZONES"].getFeatures()} == {"HammRad 3.0"}


def test_plugin_unload_stops_live_systems(qgis_iface, qgis_processing, feed_server):  # noqa: F811
    from hamm_mobility.adapters import gbfs_live
    from hamm_mobility.plugin import MobilityPlugin
    plugin = MobilityPlugin(qgis_iface)
    plugin.initGui()
    live, _ = _run_live(feed_server.url("gbfs23/gbfs.json"), add_to_project=False)
    assert live in gbfs_live.live_systems()
    plugin.unload()
    assert gbfs_live.live_systems() == [] and live.stopped


@pytest.mark.slow
def test_gbfs_snapshot_in_qgis_process(root_dir, feed_server, tmp_path):  # noqa: F811
    profile = tmp_path / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nhamm_core=true\nhamm_mobility=true\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
               QGIS_PLUGINPATH=str(root_dir / "plugins"))
    out = tmp_path / "stationen.gpkg"
    proc = subprocess.run(["/usr/bin/qgis_process.bin", "--json", "run",
                           "hamm_mobility:gbfs_snapshot", "--",
                           "URL={}".format(feed_server.url("gbfs23/gbfs.json")),
                           "STATIONS={}".format(out), "VEHICLES=TEMPORARY_OUTPUT",
                           "ZONES=TEMPORARY_OUTPUT"],
                          env=env, capture_output=True, text=True, check=False, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "HammRad 2.3 (GBFS 2.3): 3 stations, 3 vehicles, 1 zones." in proc.stdout
    layer = QgsVectorLayer(str(out), "s", "ogr")
    assert layer.featureCount() == 3 and layer.crs().authid() == "EPSG:25832"
    json.loads(proc.stdout[proc.stdout.index("{"):])
