"""The sensors part of the Hamm demo: demo.add_to_project puts marked (empty) live layers
in the project; scripts/demo_live_sensors.py starts the real SensorThings server and
mosquitto with ten stations in the demo city; opening the saved project restarts the
live layers, which fill from the server and follow MQTT."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, free_port
from qgis.core import QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer

from hamm_core.adapters.tasks import wait_for
from hamm_sensors.adapters.live_layer import (
    LIVE_PROPERTY,
    MQTT_PROPERTY,
    URL_PROPERTY,
    WARNINGS_OF_PROPERTY,
)
from hamm_sensors.adapters.restore import restore_history_layers, restore_live_layers

pytestmark = [pytest.mark.qgis, pytest.mark.server]
sys.path.insert(0, str(ROOT / "scripts"))


def spin(condition, timeout_s=30.0) -> bool:
    loop = QEventLoop()
    end = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < end:
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()
    return condition()


@pytest.fixture
def live_demo(tmp_path):
    sta_port, mqtt_port = free_port(), free_port()
    log = tmp_path / "demo_live.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            ["/usr/bin/python3", str(ROOT / "scripts" / "demo_live_sensors.py"), "--out",
             str(tmp_path), "--sta-port", str(sta_port), "--mqtt-port", str(mqtt_port),
             "--interval", "1", "--hours", "2"], stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)
    try:
        end = time.monotonic() + 240
        while "READY" not in log.read_text().splitlines():
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < end, log.read_text()
            time.sleep(0.2)
        yield "http://127.0.0.1:{}/sensorthings/v1.1".format(sta_port), mqtt_port, proc, log
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)


def test_demo_project_and_live_feed(qgis_app, tmp_path, live_demo):
    from build_demo_data import to_map
    from demo_live_sensors import STATIONS

    from hamm_sensors import demo
    url, mqtt_port, proc, log = live_demo
    project = QgsProject()
    result = demo.add_to_project(tmp_path, tmp_path / "unused.gpkg", project)
    assert result["layers"] == 5
    assert demo.STA_URL == "http://127.0.0.1:8650/sensorthings/v1.1"
    layers = {lyr.name(): lyr for lyr in project.mapLayers().values()}
    assert set(layers) == {"Air temperature (live)", "Precipitation (live)",
                           "Wind direction (live)", "Sensor warnings",
                           "Air temperature, last 24 hours"}
    temperature = layers["Air temperature (live)"]
    assert temperature.customProperty(LIVE_PROPERTY) is True
    assert temperature.customProperty(MQTT_PROPERTY) == "127.0.0.1:8651"
    assert layers["Sensor warnings"].customProperty(WARNINGS_OF_PROPERTY) == temperature.id()
    assert temperature.labelsEnabled()
    # point the demo layers at the test's ports, save, and open the project again
    for lyr in layers.values():
        if lyr.customProperty(URL_PROPERTY):
            lyr.setCustomProperty(URL_PROPERTY, url)
            lyr.setCustomProperty(MQTT_PROPERTY, "127.0.0.1:{}".format(mqtt_port))
    path = Path(tmp_path) / "demo.qgs"
    assert project.write(str(path))
    project.clear()
    reopened = QgsProject()
    assert reopened.read(str(path))
    running = restore_live_layers(reopened, [])
    history_tasks = restore_history_layers(reopened)
    try:
        # the history layer: 10 stations x the inserted 2 hours of 10-minute values (and
        # the feed's newer ones), ready for the temporal controller
        assert len(history_tasks) == 1 and wait_for(history_tasks[0], 120)
        history = next(lyr for lyr in reopened.mapLayers().values()
                       if lyr.name() == "Air temperature, last 24 hours")
        per_station = {}
        for f in history.getFeatures():
            per_station.setdefault(f["station"], []).append(f["time"])
        assert len(per_station) == 10
        assert all(len(times) >= 12 for times in per_station.values())
        assert history.temporalProperties().isActive()
        assert history.temporalProperties().startField() == "time"
        assert len(running) == 3
        assert restore_live_layers(reopened, running, start=False) == []  # not twice
        for live in running:
            assert wait_for(live.task, 120) and live.last_error is None
        temp = next(lv for lv in running if lv.props == ["air_temperature"])
        assert temp.warnings_layer is not None
        feats = list(temp.layer.getFeatures())
        assert len(feats) == len(STATIONS) == 10
        expected = {name: to_map(u, v) for name, u, v, _h in STATIONS}
        for f in feats:
            x, y = expected[f["station"]]
            assert f.geometry().asPoint().distance(QgsPointXY(x, y)) < 1.0
            assert f["unit"] == "°C" and f["stale"] == 0
            assert 15.0 < f["value"] < 45.0  # (heat peaks add 8 degC)
        # MQTT: the feed publishes every second; the layer follows without a refresh
        assert all(lv.mqtt is not None for lv in running)
        assert spin(lambda: all(lv.mqtt.state == lv.mqtt.SUBSCRIBED for lv in running), 30)
        first = {f["ds_id"]: f["time"].toMSecsSinceEpoch() for f in feats}
        refreshes = temp.refreshes
        assert spin(lambda: all(f["time"].toMSecsSinceEpoch() > first[f["ds_id"]]
                                for f in temp.layer.getFeatures()), 30)
        assert temp.refreshes == refreshes
    finally:
        for live in running:
            live.stop()
    # SIGTERM stops server and broker
    os.killpg(proc.pid, signal.SIGTERM)
    assert proc.wait(30) == 0
    assert "stopped after" in log.read_text()
