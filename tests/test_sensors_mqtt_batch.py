"""MQTT bursts against real mosquitto: the live layer writes in batches, yet every
message counts (final values, and a short spike still raises its warning)."""

import json
import socket
from datetime import timedelta

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer

from hamm_core.adapters.tasks import wait_for
from hamm_sensors.adapters.live_layer import LiveLayer
from hamm_sensors.adapters.warnings_layer import reset_thresholds
from hamm_sensors.logic import mqtt
from hamm_sensors.logic.sta_url import entity_path

pytestmark = [pytest.mark.qgis, pytest.mark.server]


def spin(condition, timeout_s=20.0) -> bool:
    loop = QEventLoop()
    waited = 0.0
    while not condition() and waited < timeout_s:
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()
        waited += 0.02
    return condition()


def test_burst_is_written_in_batches_and_spikes_warn(qgis_app, sta_network, mqtt_broker):
    reset_thresholds()
    live = LiveLayer(sta_network.base_url, interval_s=0, filter_="name eq 'Station 07'")
    writes = []
    original = live._write

    def counting(rows, check=True):
        writes.append(len(rows))
        original(rows, check)
    live._write = counting
    try:
        assert wait_for(live.refresh(), 120)
        writes.clear()
        sub = live.connect_mqtt("127.0.0.1", mqtt_broker.port)
        assert spin(lambda: sub.state == sub.SUBSCRIBED)
        ds_t = sta_network.datastream(7, "air_temperature")
        ds_h = sta_network.datastream(7, "relative_humidity")
        start = sta_network.end + timedelta(minutes=1)
        # 200 messages in one go; the temperature spikes to 36 once in the middle
        packets, last = [], {}
        for k in range(200):
            ds = ds_t if k % 2 == 0 else ds_h
            value = 36.0 if k == 100 else (20.0 + k / 100.0 if ds == ds_t else 50.0 + k / 10.0)
            t = (start + timedelta(seconds=k)).strftime("%Y-%m-%dT%H:%M:%SZ")
            topic = "v1.1/" + entity_path("Datastreams", ds, "Observations")
            packets.append(mqtt.publish(topic, json.dumps(
                {"phenomenonTime": t, "result": value}).encode()))
            last[ds] = value
        with socket.create_connection(("127.0.0.1", mqtt_broker.port), timeout=10) as sock:
            sock.sendall(mqtt.connect("test-burst", 30))
            sock.recv(4)
            sock.sendall(b"".join(packets) + mqtt.disconnect())

        def values():
            return {f["ds_id"]: f["value"] for f in live.layer.getFeatures()}
        assert spin(lambda: sub.messages >= 200 and not live._dirty)
        assert values()[ds_t] == pytest.approx(last[ds_t])
        assert values()[ds_h] == pytest.approx(last[ds_h])
        assert 1 <= len(writes) < 20  # batched: far fewer writes than messages
        spikes = [e for e in live.events if e.datastream_id == ds_t]
        assert [(e.label, e.value) for e in spikes] == [("Extreme heat", 36.0)]
    finally:
        live.stop()
