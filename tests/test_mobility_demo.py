"""The Mobilitätsstadtplan of the Hamm demo: the feeds of scripts/demo_live_mobility.py
(real HTTP server process, changing data), the protobuf it writes checked against the
official GTFS-Realtime bindings, and demo.add_to_project with the live layers fed again
from the saved properties."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from qgis.core import QgsProject

from hamm_core.adapters.tasks import wait_for
from hamm_mobility import demo
from hamm_mobility.adapters import feeds
from hamm_mobility.adapters.gbfs_live import GbfsLive, group_name
from hamm_mobility.logic import gtfsrt

ROOT = Path(__file__).resolve().parent.parent


def test_demo_protobuf_matches_official_bindings():
    from google.transit import gtfs_realtime_pb2 as rt
    data = demo.rt_vehicle_positions(7, 1717236000)
    ref = rt.FeedMessage()
    ref.ParseFromString(data)
    ours = gtfsrt.decode_feed(data, "demo")
    buses = demo.bus_positions(7)
    assert len(buses) >= 4 and len(ref.entity) == len(buses) == len(ours.vehicles)
    for bus, ent, v in zip(buses, ref.entity, ours.vehicles):
        assert ent.vehicle.trip.trip_id == bus["trip_id"] == v.trip.trip_id
        assert ent.vehicle.position.latitude == pytest.approx(bus["lat"], abs=1e-5)
        assert v.longitude == pytest.approx(ent.vehicle.position.longitude)
        assert ent.vehicle.stop_id == bus["stop_id"] == v.stop_id
    tu = rt.FeedMessage()
    tu.ParseFromString(demo.rt_trip_updates(7, 1717236000))
    assert [e.trip_update.delay for e in tu.entity] == [b["delay"] for b in buses]
    assert [e.trip_update.stop_time_update[0].departure.delay for e in tu.entity] == [
        b["delay"] for b in buses]


def test_demo_positions_inside_the_demo_area():
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsPointXY,
        QgsRectangle,
    )
    ct = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                QgsCoordinateReferenceSystem("EPSG:25832"),
                                QgsProject.instance())
    # the desktop demo's map: 2 km x 1.44 km around the centre (build_demo_data.py)
    area = QgsRectangle(417843.8 - 1000, 5725661.0 - 720, 417843.8 + 1000, 5725661.0 + 720)
    points = [(s["lon"], s["lat"]) for s in
              demo.gbfs_documents(3)["gbfs/station_information.json"]["data"]["stations"]]
    points += [(b["lon"], b["lat"]) for b in demo.bus_positions(3)]
    points += [demo.offset(g[2], g[3])[::-1] for g in demo.GARAGES]
    for lon, lat in points:
        assert area.contains(ct.transform(QgsPointXY(lon, lat)))


@pytest.fixture()
def live_demo(tmp_path):
    from conftest import free_port
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "demo_live_mobility.py"),
                             "--out", str(tmp_path), "--port", str(port), "--interval", "1"],
                            stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            line = proc.stdout.readline()
            if line.strip() == "READY":
                break
            assert line and time.monotonic() < deadline, "demo feeds did not start"
        yield "http://127.0.0.1:{}".format(port), proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(15)


def _values(layer, key, field):
    return {f[key]: f[field] for f in layer.getFeatures()}


def test_demo_project_layers_fed_by_the_live_script(qgis_app, qgis_processing, live_demo,
                                                    tmp_path):
    from hamm_core.adapters.i18n import install_translator, remove_translator
    from hamm_mobility.adapters.restore import restore_live_layers
    base, proc = live_demo
    project = QgsProject()
    install_translator("hamm_mobility", str(ROOT / "plugins" / "hamm_mobility"), lang="de")
    try:
        info = demo.add_to_project(tmp_path, None, project)
        group_title = group_name()
    finally:
        remove_translator("hamm_mobility")
    assert info["stops"] == 11 and info["routes"] == 4
    group = project.layerTreeRoot().findGroup(group_title)
    assert group_title == "Mobilitätsstadtplan" and group is not None
    names = sorted(layer.name() for layer in project.mapLayers().values())
    assert names == sorted(["Stationen – HammRad (Demo)", "Fahrzeuge – HammRad (Demo)",
                            "Busse und Bahnen (Echtzeit)", "Haltestellen", "Linien",
                            "Parken (live)"])
    # the saved live layers point at 127.0.0.1:8652; here the script runs on a free port
    for layer in project.mapLayers().values():
        spec = layer.customProperty("hamm_mobility/live")
        if spec:
            layer.setCustomProperty("hamm_mobility/live",
                                    spec.replace(demo.BASE_URL, base))
    restored = restore_live_layers(project)
    try:
        assert len(restored) == 3
        for live in restored:
            assert wait_for(live.task, 30)
            assert live.last_error is None, live.last_error
        by_name = {layer.name(): layer for layer in project.mapLayers().values()}
        parking = by_name["Parken (live)"]
        assert parking.featureCount() == len(demo.GARAGES)
        assert set(_values(parking, "park_id", "kapazitaet").values()) == {
            g[4] for g in demo.GARAGES}
        buses = by_name["Busse und Bahnen (Echtzeit)"]
        assert buses.featureCount() >= 4
        assert {f["linie"] for f in buses.getFeatures()} == {"1", "2"}
        assert all(f["verspaetung_s"] is not None for f in buses.getFeatures())
        stations = by_name["Stationen – HammRad (Demo)"]
        assert stations.featureCount() == len(demo.STATIONS)
        before = {f["fahrzeug_id"]: f.geometry().asPoint() for f in buses.getFeatures()}
        time.sleep(2.5)  # the script changes the feeds every second
        rt_live = next(r for r in restored if getattr(r, "kind", "") == "gtfsrt")
        assert wait_for(rt_live.refresh(), 30)
        after = {f["fahrzeug_id"]: f.geometry().asPoint() for f in buses.getFeatures()}
        moved = [k for k in before if k in after and before[k].distance(after[k]) > 1.0]
        assert moved, "no bus moved between two refreshes"
    finally:
        for live in restored:
            live.stop()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(15) == 0


def test_demo_gbfs_is_valid_for_the_live_layer(qgis_app, live_demo):
    base, _proc = live_demo
    live = GbfsLive(base + "/" + demo.GBFS_PATH, add_to_project=False)
    try:
        assert wait_for(live.start(), 30) and live.last_error is None
        assert live.layers["vehicles"].featureCount() == 14
        assert json.loads(live.layers["stations"].customProperty("hamm_mobility/live"))[
            "kind"] == "gbfs"
    finally:
        live.stop()
    parking = feeds.parking_live([base + "/" + demo.DATEX_TABLE, base + "/" +
                                  demo.DATEX_STATUS], add_to_project=False)
    try:
        assert wait_for(parking.start(), 30) and parking.last_error is None
        assert _values(parking.layer, "park_id", "belegt") == demo.occupancy(
            _step_of(parking.layer, demo))
    finally:
        parking.stop()


def _step_of(layer, module):
    """The demo step whose occupancy the layer shows (the script advances every second)."""
    shown = _values(layer, "park_id", "belegt")
    for step in range(10000):
        if module.occupancy(step) == shown:
            return step
    raise AssertionError("occupancy not from the demo script")
