"""hamm_mobility in QGIS: live parking (DATEX II v2/v3, JSON), charging (OCPI, BNetzA),
counts, live GTFS-Realtime, "Mobilitätsangebote im Umkreis", and OGC catalog services
from QGIS Server (qgis_mapserver), all against real servers on 127.0.0.1."""

import os

import mobility_feeds as mf
import pytest
from mobility_servers import feed_server, rt_feed_bytes  # noqa: F401
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

from hamm_core.adapters.tasks import wait_for
from hamm_core.logic.errors import NetworkError, ParseError
from hamm_mobility.adapters import feeds
from hamm_mobility.adapters.gbfs_live import group_name
from hamm_mobility.logic.errors import FeedError

pytestmark = [pytest.mark.qgis, pytest.mark.server]


def _replace(path, content):
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(content)
    os.replace(tmp, path)
    st = path.stat()
    os.utime(path, (st.st_atime + 5, st.st_mtime + 5))


def _start(live):
    seen = {"errors": []}
    live.on_error = seen["errors"].append
    task = live.start()
    assert wait_for(task, 30)
    return seen


def _values(layer, key, field):
    return {f[key]: f[field] for f in layer.getFeatures()}


def _cleanup(live):
    live.stop()
    project = QgsProject.instance()
    if live.layer is not None and live.layer.id() in project.mapLayers():
        project.removeMapLayer(live.layer.id())
    root = project.layerTreeRoot()
    group = root.findGroup(group_name())
    if group is not None:
        root.removeChildNode(group)


@pytest.mark.parametrize("files, status_file, make_status", [
    (("parking/v2_table.xml", "parking/v2_status.xml"), "parking/v2_status.xml",
     mf.datex2_v2_status),
    (("parking/v3_table.xml", "parking/v3_status.xml"), "parking/v3_status.xml",
     mf.datex2_v3_status),
    (("parking/parking.json",), "parking/parking.json",
     lambda occ: mf.parking_json({g[0]: g[4] - occ[g[0]] for g in mf.GARAGES})),
])
def test_live_parking_layer_refreshes(qgis_app, feed_server, files, status_file,  # noqa: F811
                                      make_status):
    project = QgsProject.instance()
    live = feeds.parking_live([feed_server.url(f) for f in files], interval_s=3600,
                              group="Parken")
    try:
        seen = _start(live)
        assert seen["errors"] == []
        layer = live.layer
        assert layer.name() == "Parking (live)" and layer.crs().authid() == "EPSG:25832"
        assert layer.featureCount() == 3
        assert _values(layer, "park_id", "frei") == {"PH1": 20, "PH2": 150, "PH3": 0}
        assert _values(layer, "park_id", "zustand") == {
            "PH1": "fast_voll", "PH2": "frei", "PH3": "voll"}
        # where the WGS84 coordinates say, in UTM 32N
        ct = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsCoordinateReferenceSystem("EPSG:25832"), project)
        want = ct.transform(QgsPointXY(7.8072, 51.6775))
        ph2 = next(f for f in layer.getFeatures() if f["park_id"] == "PH2")
        assert ph2.geometry().asPoint().distance(want) < 0.01
        assert layer.renderer().classAttribute() == "zustand"
        assert [c.label() for c in layer.renderer().categories()][:3] == [
            "Spaces free", "Almost full (90 % or more)", "Full"]
        group = project.layerTreeRoot().findGroup(group_name())
        assert group is not None and group.findGroup("Parken").findLayer(layer.id())
        assert live.timer.isActive()

        # the occupancy changes on the server; the next refresh shows it, no pile-up
        _replace(feed_server.root / status_file, make_status({"PH1": 100, "PH2": 250,
                                                              "PH3": 60}))
        task = live.refresh()
        assert live.refresh() is task and live.skipped == 1
        assert wait_for(task, 30)
        assert live.refreshes == 2, [e.user_message for e in seen["errors"]]
        assert _values(layer, "park_id", "frei") == {"PH1": 300, "PH2": 0, "PH3": 60}
        assert _values(layer, "park_id", "zustand") == {
            "PH1": "frei", "PH2": "voll", "PH3": "frei"}
    finally:
        from mobility_servers import write_offers
        write_offers(feed_server.root)
        _cleanup(live)
    assert not live.timer.isActive()


@pytest.mark.parametrize("files, kind, match", [
    (("parking/v2_table.xml", "parking/broken.xml"), ParseError, "not valid XML"),
    (("parking/entities.xml",), ParseError, "declares entities"),
    (("parking/other.xml",), FeedError, "not a DATEX II parking publication"),
    (("parking/v2_status.xml",), FeedError, "table publication"),
    (("parking/no_location_table.xml",), FeedError, "No parking facility"),
    (("parking/v2_table.xml", "status/500"), NetworkError, "500"),
    (("parking/nothing.xml",), NetworkError, "404"),
])
def test_live_parking_bad_input(qgis_app, feed_server, files, kind, match):  # noqa: F811
    live = feeds.parking_live([feed_server.url(f) for f in files], add_to_project=False,
                              retries=0)
    seen = _start(live)
    live.stop()
    assert live.layer is None and len(seen["errors"]) == 1
    err = seen["errors"][0]
    assert isinstance(err, kind) and match in err.user_message


def test_live_parking_keeps_last_state_on_error(qgis_app, feed_server):  # noqa: F811
    path = feed_server.root / "parking" / "parking.json"
    live = feeds.parking_live([feed_server.url("parking/parking.json")], retries=0,
                              add_to_project=False)
    try:
        seen = _start(live)
        before = _values(live.layer, "park_id", "frei")
        _replace(path, b'{"parkings": [')
        assert wait_for(live.refresh(), 30)
        assert len(seen["errors"]) == 1 and "not valid JSON" in seen["errors"][0].user_message
        assert _values(live.layer, "park_id", "frei") == before  # untouched
        assert live.timer.isActive()  # tries again on the next interval
    finally:
        from mobility_servers import write_offers
        write_offers(feed_server.root)
        live.stop()


def test_live_parking_timeout(qgis_app, feed_server):  # noqa: F811
    live = feeds.parking_live([feed_server.url("slow/parking.json")], add_to_project=False,
                              timeout_s=0.5, retries=0)
    seen = _start(live)
    live.stop()
    err = seen["errors"][0]
    assert isinstance(err, NetworkError) and err.kind == NetworkError.KIND_TIMEOUT


def test_live_charging_ocpi(qgis_app, feed_server):  # noqa: F811
    live = feeds.charging_live(feed_server.url("charging/ocpi_locations.json"),
                               add_to_project=False)
    try:
        seen = _start(live)
        assert seen["errors"] == []
        layer = live.layer
        assert layer.featureCount() == 2
        assert _values(layer, "ladestation_id", "zustand") == {"LOC1": "frei",
                                                               "LOC2": "gestoert"}
        assert _values(layer, "ladestation_id", "max_kw") == {"LOC1": 150.0, "LOC2": 11.0}
        assert any("LOC_BAD" in w for w in live.warnings)
        assert layer.renderer().classAttribute() == "zustand"
    finally:
        live.stop()


def test_live_charging_ocpi_error_status(qgis_app, feed_server):  # noqa: F811
    live = feeds.charging_live(feed_server.url("charging/ocpi_error.json"),
                               add_to_project=False)
    seen = _start(live)
    live.stop()
    assert live.layer is None and "error 2001" in seen["errors"][0].user_message


# ------------------------------------------------------------------------------ Processing
def test_parking_algorithm_datex_v3(provider, feed_server, tmp_path):  # noqa: F811
    import processing
    result = processing.run("hamm_mobility:parking_occupancy", {
        "URLS": "{} {}".format(feed_server.url("parking/v3_table.xml"),
                               feed_server.url("parking/v3_status.xml")),
        "OUTPUT": str(tmp_path / "parken.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "p", "ogr")
    assert layer.featureCount() == 3 and layer.crs().authid() == "EPSG:25832"
    assert _values(layer, "park_id", "belegung_pct") == {"PH1": 95.0, "PH2": 40.0,
                                                         "PH3": 100.0}


def test_parking_algorithm_bad_xml(provider, feed_server):  # noqa: F811
    import processing
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="declares entities"):
        processing.run("hamm_mobility:parking_occupancy", {
            "URLS": feed_server.url("parking/entities.xml"), "OUTPUT": "memory:"})


def test_charging_algorithm_bnetza(provider, feed_server, tmp_path):  # noqa: F811
    import processing
    result = processing.run("hamm_mobility:charging_points", {
        "FILE": str(feed_server.root / "charging" / "ladesaeulenregister.csv"),
        "OUTPUT": str(tmp_path / "laden.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "l", "ogr")
    assert layer.featureCount() == 2
    assert sorted(f["ladepunkte"] for f in layer.getFeatures()) == [2, 2]
    assert {f["betreiber"]: f["schnelllader"] for f in layer.getFeatures()} == {
        "Stadtwerke Hamm GmbH": False, "Schnell-Lade AG": True}
    assert {f["adresse"] for f in layer.getFeatures()} >= {"Südring 1, 59065 Hamm"}


def test_charging_algorithm_bad_csv(provider, feed_server):  # noqa: F811
    import processing
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="Breitengrad"):
        processing.run("hamm_mobility:charging_points", {
            "URL": feed_server.url("charging/no_header.csv"), "OUTPUT": "memory:"})


def test_counts_algorithm(provider, feed_server):  # noqa: F811
    import processing
    result = processing.run("hamm_mobility:traffic_counts", {
        "URL": feed_server.url("counts/zaehlung.csv"), "STATIONS": "memory:",
        "INTERVALS": "memory:"})
    stations, intervals = result["STATIONS"], result["INTERVALS"]
    assert _values(stations, "station_id", "gesamt") == {"Z1": 495, "Z2": 116}
    assert _values(stations, "station_id", "rad") == {"Z1": 95, "Z2": 116}
    assert intervals.featureCount() == 5
    z1 = next(f for f in stations.getFeatures() if f["station_id"] == "Z1")
    first = [f for f in intervals.getFeatures() if f["station_id"] == "Z1"]
    assert all(f.geometry().asPoint() == z1.geometry().asPoint() for f in first)
    assert stations.crs().authid() == "EPSG:25832"


def test_counts_algorithm_missing_columns(provider, feed_server):  # noqa: F811
    import processing
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="lacks the column"):
        processing.run("hamm_mobility:traffic_counts", {
            "URL": feed_server.url("counts/missing_columns.csv"), "STATIONS": "memory:"})


def _points(name, coords, fields=(), crs="EPSG:25832"):
    spec = "".join("&field={}:{}".format(n, t) for n, t, _ in fields)
    layer = QgsVectorLayer("Point?crs={}{}".format(crs, spec), name, "memory")
    feats = []
    for i, (x, y) in enumerate(coords):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes([values[i] for _, _, values in fields])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_nearby_offers_hand_computed(provider):
    import processing
    x0, y0 = 412000.0, 5726000.0
    # A at the origin, B 1000 m east; walking distance 400 m
    points = _points("p", [(x0, y0), (x0 + 1000, y0)],
                     [("adresse", "string", ["A", "B"])])
    # sharing stations: 100 m (A), 399 m (A), 401 m (none), 1000+300 (B)
    stations = _points("s", [(x0 + 100, y0), (x0, y0 + 399), (x0 - 401, y0),
                             (x0 + 1300, y0)],
                       [("name", "string", ["S1", "S2", "S3", "S4"]),
                        ("fahrzeuge", "integer", [3, 0, 9, 5])])
    # charging: 2 points at 200 m from A, 4 points at 600 m from both (500 east)
    charging = _points("c", [(x0 - 200, y0), (x0 + 500, y0 + 300)],
                       [("name", "string", ["L1", "L2"]), ("ladepunkte", "integer", [2, 4])])
    # stops in WGS84: one 50 m north of B (reprojected by the algorithm)
    ct = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                QgsCoordinateReferenceSystem("EPSG:4326"),
                                QgsProject.instance())
    wgs = ct.transform(QgsPointXY(x0 + 1000, y0 + 50))
    stops = _points("h", [(wgs.x(), wgs.y())], [("name", "string", ["Halt B"])],
                    crs="EPSG:4326")
    result = processing.run("hamm_mobility:nearby_offers", {
        "INPUT": points, "DISTANCE": 400, "SHARING_STATIONS": stations,
        "CHARGING": charging, "STOPS": stops, "OUTPUT": "memory:", "SUMMARY": "memory:"})
    out = {f["adresse"]: f for f in result["OUTPUT"].getFeatures()}
    a, b = out["A"], out["B"]
    assert (a["anz_sharing"], a["liste_sharing"], a["anz_sharing_fahrzeuge"]) == (
        2, "S1; S2", 3)
    assert (b["anz_sharing"], b["liste_sharing"], b["anz_sharing_fahrzeuge"]) == (1, "S4", 5)
    assert (a["anz_laden"], a["liste_laden"]) == (2, "L1")
    assert b["anz_laden"] == 0 and b["liste_laden"] == ""
    assert (a["anz_halte"], b["anz_halte"], b["liste_halte"]) == (0, 1, "Halt B")
    assert a["anz_gesamt"] == 4 and b["anz_gesamt"] == 2
    assert "anz_parken" not in result["OUTPUT"].fields().names()
    summary = {f["angebot"]: f for f in result["SUMMARY"].getFeatures()}
    assert set(summary) == {"Sharing stations", "Charging points", "Stops"}
    s = summary["Sharing stations"]
    assert (s["erreichbar"], s["punkte_mit"], s["punkte_ohne"], s["mittel_je_punkt"]) == (
        3, 2, 0, 1.5)
    c = summary["Charging points"]
    assert (c["erreichbar"], c["punkte_mit"], c["punkte_ohne"]) == (2, 1, 1)


def test_nearby_offers_geographic_input_refused(provider):
    import processing
    from qgis.core import QgsProcessingException
    points = _points("p", [(7.8, 51.68)], crs="EPSG:4326")
    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        processing.run("hamm_mobility:nearby_offers", {
            "INPUT": points, "DISTANCE": 400, "OUTPUT": "memory:", "SUMMARY": "memory:"})


# ------------------------------------------------------------------------------ GTFS-RT live
def test_live_gtfsrt_matched_to_static_feed(qgis_app, feed_server):  # noqa: F811
    root = feed_server.root
    vp = [{"id": "bus1", "trip_id": "T0_0_0", "lat": 51.68, "lon": 7.81, "speed": 10.0,
           "stop_id": "S2"},
          {"id": "bus2", "trip_id": "T1_0_0", "lat": 51.69, "lon": 7.82}]
    tu = [{"id": "t1", "trip_id": "T0_0_0", "updates": [(1, "S1", 60, None, False),
                                                        (2, "S2", 240, None, False)]}]
    (root / "rt").mkdir(exist_ok=True)
    _replace(root / "rt" / "vp.pb", rt_feed_bytes(vehicles=vp))
    _replace(root / "rt" / "tu.pb", rt_feed_bytes(trip_updates=tu))
    live = feeds.gtfsrt_live([feed_server.url("rt/vp.pb"), feed_server.url("rt/tu.pb")],
                             feed_server.url("gtfs.zip"), add_to_project=False,
                             interval_s=3600)
    try:
        seen = _start(live)
        assert seen["errors"] == []
        layer = live.layer
        assert _values(layer, "fahrzeug_id", "linie") == {"bus1": "1", "bus2": "2"}
        assert _values(layer, "fahrzeug_id", "linienname") == {"bus1": "Linie 1",
                                                               "bus2": "Linie 2"}
        # the delay at the stop the bus heads to (S2), not the first one
        assert _values(layer, "fahrzeug_id", "verspaetung_s") == {"bus1": 240, "bus2": None}
        assert _values(layer, "fahrzeug_id", "halt") == {"bus1": "Haltestelle 2", "bus2": ""}
        gtfs_hits = feed_server.hits("gtfs.zip")
        # vehicles move, the delay grows; the static feed is not fetched again
        vp[0]["lat"] = 51.685
        tu[0]["updates"][1] = (2, "S2", 420, None, False)
        _replace(root / "rt" / "vp.pb", rt_feed_bytes(vehicles=vp[:1]))
        _replace(root / "rt" / "tu.pb", rt_feed_bytes(trip_updates=tu))
        task = live.refresh()
        assert live.refresh() is task and live.skipped == 1
        assert wait_for(task, 30)
        assert _values(layer, "fahrzeug_id", "verspaetung_min") == {"bus1": 7.0}
        assert feed_server.hits("gtfs.zip") == gtfs_hits
        assert feed_server.hits("rt/vp.pb") == 2
        assert layer.renderer().type() == "graduatedSymbol"
    finally:
        live.stop()


def test_live_gtfsrt_truncated(qgis_app, feed_server):  # noqa: F811
    live = feeds.gtfsrt_live([feed_server.url("truncated.pb")], add_to_project=False)
    seen = _start(live)
    live.stop()
    assert live.layer is None and "truncated" in seen["errors"][0].user_message


# ------------------------------------------------------------------------------ OGC catalog
def test_catalog_services_from_qgis_server(qgis_app, demo_server, demo_data):
    from osgeo import ogr

    from hamm_core.logic.profile import load_profile, shipped_profile_path
    from hamm_mobility.adapters import catalog
    profile = load_profile(shipped_profile_path("hamm_demo"))
    port = "127.0.0.1:{}".format(demo_server.port)
    for svc in profile.services:
        svc.url = svc.url.replace("127.0.0.1:8642", port)
    ds = ogr.Open(str(demo_data.gpkg))
    n_buildings = ds.GetLayerByName("gebaeude").GetFeatureCount()
    n_districts = ds.GetLayerByName("stadtbezirke").GetFeatureCount()
    ds = None
    project = QgsProject.instance()
    layers, errors = catalog.add_services(profile, [
        ("demo_wfs", "gebaeude"), ("demo_oapif", "stadtbezirke"), ("demo_wms", "gebaeude"),
        ("demo_wfs", "gibt_es_nicht"), ("nrw_unknown", "x")], project)
    try:
        assert len(errors) == 2
        assert "gibt_es_nicht" in errors[0].user_message
        assert "nrw_unknown" in errors[1].user_message
        wfs, oapif, wms = layers
        assert wfs.providerType() == "WFS" and oapif.providerType() == "OAPIF"
        assert wfs.featureCount() == n_buildings > 0
        assert oapif.featureCount() == n_districts == 7
        assert sum(1 for _ in oapif.getFeatures()) == n_districts
        assert wms.providerType() == "wms" and wms.opacity() == pytest.approx(0.85)
        # styled: polygons of the mobility map, translucent fill
        sym = wfs.renderer().symbol()
        assert sym.color().alpha() == 70 and sym.color().name() == "#e6a100"
        group = project.layerTreeRoot().findGroup(group_name())
        assert group.findGroup("Demo-Dienste").findLayer(oapif.id()) is not None
        assert wfs.name() == "Demo-Gebäude Hamm (WFS)"
    finally:
        for layer in layers:
            project.removeMapLayer(layer.id())
        root = project.layerTreeRoot()
        group = root.findGroup(group_name())
        if group is not None:
            root.removeChildNode(group)


# ------------------------------------------------------------------------------ restore
def test_live_layers_restored_from_saved_project(qgis_app, feed_server, tmp_path):  # noqa: F811
    from hamm_mobility.adapters.gbfs_live import GbfsLive
    from hamm_mobility.adapters.restore import restore_live_layers
    project = QgsProject.instance()
    parking_feed = feeds.parking_live([feed_server.url("parking/v2_table.xml"),
                                       feed_server.url("parking/v2_status.xml")],
                                      interval_s=90, group="Parken")
    sharing = GbfsLive(feed_server.url("gbfs23/gbfs.json"))
    assert wait_for(parking_feed.start(), 30) and wait_for(sharing.start(), 30)
    path = tmp_path / "mobil.qgs"
    try:
        assert project.write(str(path))
    finally:
        parking_feed.stop()
        sharing.stop()
    project.clear()
    assert project.read(str(path))
    restored = []
    try:
        by_name = {layer.name(): layer for layer in project.mapLayers().values()}
        park = by_name["Parking (live)"]
        stations = by_name["Stations – HammRad 2.3"]
        assert park.featureCount() == 0  # a memory layer: the features come from the feed
        restored = restore_live_layers(project)
        assert len(restored) == 2
        for live in restored:
            assert wait_for(live.task, 30)
        assert _values(park, "park_id", "frei") == {"PH1": 20, "PH2": 150, "PH3": 0}
        assert park.renderer().classAttribute() == "zustand"  # style from the project
        assert _values(stations, "station_id", "fahrzeuge") == {"st1": 7, "st2": 0, "st3": 2}
        parking_restored = next(r for r in restored if hasattr(r, "layer"))
        assert parking_restored.interval_s == 90 and parking_restored.layer is park
        assert restore_live_layers(project) == []  # nothing fed twice
        assert project.layerTreeRoot().findGroup(group_name()).findGroup("Parken")\
            .findLayer(park.id()) is not None
    finally:
        for live in restored:
            live.stop()
        project.clear()


def test_plugin_actions_and_catalog_dialog(qgis_iface, qgis_processing, demo_server):
    from hamm_core.logic.profile import load_profile, shipped_profile_path
    from hamm_mobility.adapters import live_feed
    from hamm_mobility.gui.dialogs import MobilityCatalogDialog
    from hamm_mobility.plugin import MobilityPlugin
    plugin = MobilityPlugin(qgis_iface)
    plugin.initGui()
    try:
        names = {a.objectName() for a in plugin.actions}
        assert {"hamm_mobility_parking", "hamm_mobility_charging", "hamm_mobility_counts",
                "hamm_mobility_catalog", "hamm_mobility_nearby",
                "hamm_mobility_gtfsrt_live"} <= names
        profile = load_profile(shipped_profile_path("hamm_demo"))
        for svc in profile.services:
            svc.url = svc.url.replace("127.0.0.1:8642", "127.0.0.1:{}".format(
                demo_server.port))
        dialog = MobilityCatalogDialog(qgis_iface, profile)
        assert dialog.tree.topLevelItemCount() == len(
            profile.services_of_type("WMS", "WMTS", "WFS", "OAPIF"))
        assert dialog.checked() == []  # no mobility service in the demo catalog
        from qgis.PyQt.QtCore import Qt
        for i in range(dialog.tree.topLevelItemCount()):
            item = dialog.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == "demo_oapif":
                item.child(0).setCheckState(0, Qt.CheckState.Checked)
        layers = dialog.add_checked()
        assert [layer.featureCount() for layer in layers] == [7]
        for layer in layers:
            QgsProject.instance().removeMapLayer(layer.id())
        live = feeds.parking_live(["http://127.0.0.1:1/x"], add_to_project=False)
        assert live in live_feed.live_feeds()
    finally:
        plugin.unload()
        root = QgsProject.instance().layerTreeRoot()
        group = root.findGroup(group_name())
        if group is not None:
            root.removeChildNode(group)
    assert live_feed.live_feeds() == [] and live.stopped


@pytest.mark.slow
def test_parking_algorithm_in_qgis_process(root_dir, feed_server, tmp_path):  # noqa: F811
    import json
    import subprocess
    profile = tmp_path / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nhamm_core=true\nhamm_mobility=true\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
               QGIS_PLUGINPATH=str(root_dir / "plugins"))
    out = tmp_path / "parken.gpkg"
    proc = subprocess.run(["/usr/bin/qgis_process.bin", "--json", "run",
                           "hamm_mobility:parking_occupancy", "--",
                           "URLS={} {}".format(feed_server.url("parking/v2_table.xml"),
                                               feed_server.url("parking/v2_status.xml")),
                           "OUTPUT={}".format(out)],
                          env=env, capture_output=True, text=True, check=False, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "3 parking facilities, 170 free spaces." in proc.stdout
    layer = QgsVectorLayer(str(out), "p", "ogr")
    assert layer.featureCount() == 3 and layer.crs().authid() == "EPSG:25832"
    json.loads(proc.stdout[proc.stdout.index("{"):])


def test_loaded_outputs_arrive_in_the_mobility_group(provider, feed_server):  # noqa: F811
    import processing
    project = QgsProject.instance()
    result = processing.runAndLoadResults("hamm_mobility:charging_points", {
        "URL": feed_server.url("charging/ocpi_locations.json"), "OUTPUT": "memory:"})
    try:
        layer = project.mapLayer(result["OUTPUT"])
        assert layer is not None and layer.featureCount() == 2
        group = project.layerTreeRoot().findGroup(group_name())
        assert group is not None and group.findLayer(layer.id()) is not None
        assert project.layerTreeRoot().findLayer(layer.id()).parent() is group
        assert layer.renderer().classAttribute() == "zustand"
    finally:
        project.removeAllMapLayers()
        root = project.layerTreeRoot()
        group = root.findGroup(group_name())
        if group is not None:
            root.removeChildNode(group)


def test_live_parking_too_large(qgis_app, feed_server):  # noqa: F811
    live = feeds.parking_live([feed_server.url("parking/v2_table.xml")], add_to_project=False,
                              max_bytes=500, retries=0)
    seen = _start(live)
    live.stop()
    err = seen["errors"][0]
    assert live.layer is None
    assert isinstance(err, NetworkError) and err.kind == NetworkError.KIND_TOO_LARGE
    assert "larger than the allowed" in err.user_message


def test_live_feed_down_is_reported_once(qgis_app, feed_server):  # noqa: F811
    live = feeds.parking_live([feed_server.url("status/500")], add_to_project=False,
                              retries=0)
    seen = _start(live)
    try:
        for _ in range(2):  # still down at the next intervals: no new message each time
            assert wait_for(live.refresh(), 30)
        assert live.errors_in_row == 3 and len(seen["errors"]) == 1
        assert live.timer.isActive()
    finally:
        live.stop()


def test_live_layer_made_permanent_is_never_fed_again(qgis_app, tmp_path):
    """A live layer saved to a GeoPackage keeps its custom properties; restoring the
    project's live layers must leave that file alone."""
    import json

    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsProject,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    from hamm_mobility.adapters.live_feed import LIVE_PROPERTY
    from hamm_mobility.adapters.restore import restore_live_layers
    mem = QgsVectorLayer("Point?crs=EPSG:25832&field=id:string", "parken", "memory")
    feat = QgsFeature(mem.fields())
    feat.setAttributes(["P1"])
    feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(410000, 5725000)))
    mem.dataProvider().addFeatures([feat])
    path = str(tmp_path / "parken.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    assert QgsVectorFileWriter.writeAsVectorFormatV3(
        mem, path, QgsCoordinateTransformContext(), options)[0] == QgsVectorFileWriter.NoError
    saved = QgsVectorLayer(path, "parken", "ogr")
    saved.setCustomProperty(LIVE_PROPERTY, json.dumps(
        {"kind": "parking", "urls": ["http://127.0.0.1:1/parken.xml"], "interval_s": 60}))
    project = QgsProject()
    project.addMapLayer(saved)
    assert restore_live_layers(project, start=False) == []
    project.clear()
    assert QgsVectorLayer(path, "check", "ogr").featureCount() == 1


def test_live_gtfsrt_without_static_feed_shows_vehicles(qgis_app, feed_server):  # noqa: F811
    root = feed_server.root
    (root / "rt").mkdir(exist_ok=True)
    _replace(root / "rt" / "vp_only.pb", rt_feed_bytes(vehicles=[
        {"id": "bus9", "trip_id": "T0_0_0", "lat": 51.68, "lon": 7.81}]))
    live = feeds.gtfsrt_live([feed_server.url("rt/vp_only.pb")],
                             feed_server.url("gibt_es_nicht.zip"), add_to_project=False,
                             interval_s=3600)
    try:
        seen = _start(live)
        assert seen["errors"] == []
        assert _values(live.layer, "fahrzeug_id", "linienname") == {"bus9": ""}
        assert any("gibt_es_nicht.zip" in w and "without line names" in w
                   for w in live.warnings)
        misses = feed_server.hits("gibt_es_nicht.zip")
        assert misses >= 1
        assert wait_for(live.refresh(), 30)
        # not downloaded again at every refresh
        assert feed_server.hits("gibt_es_nicht.zip") == misses
        assert feed_server.hits("rt/vp_only.pb") == 2
    finally:
        live.stop()
