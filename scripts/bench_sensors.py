#!/usr/bin/env python3
"""Benchmark of hamm_sensors' SensorThings client against a raw HTTP fetch of the same
pages (urllib), on a local django-ogc-sensorthings server filled with 30 datastreams and
about 100,000 observations. Prints BENCH lines (see scripts/bench.py)."""

import json
import os
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (str(ROOT / "plugins"), str(ROOT / "tests"), "/usr/share/qgis/python/plugins"):
    if p not in sys.path:
        sys.path.insert(0, p)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sensors_servers as ss  # noqa: E402

RUNS = 2
MQTT_RATE = 1000  # observations per second
MQTT_SECONDS = float(os.environ.get("BENCH_SENSORS_MQTT_S", "5"))
TICK_MS = 10

# The publisher runs in a process of its own (no GIL shared with the measured event loop):
# MQTT 3.1.1 CONNECT, then QoS 0 PUBLISHes paced in 10 ms slices, then DISCONNECT.
PUBLISHER = r"""
import json, socket, sys, time
sys.path.insert(0, sys.argv[1])
from hamm_sensors.logic import mqtt
port, rate, seconds = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
topics = json.loads(sys.stdin.read())
sock = socket.create_connection(("127.0.0.1", port))
sock.sendall(mqtt.connect("bench-pub", 30))
sock.recv(4)
total = int(rate * seconds)
per_slice = max(1, rate // 100)
t0 = time.time()
sent = 0
while sent < total:
    buf = bytearray()
    for _ in range(min(per_slice, total - sent)):
        topic = topics[sent % len(topics)]
        now = time.time()
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t0 + 3600)) + ".%06dZ" % sent
        payload = json.dumps({"phenomenonTime": stamp, "result": round(20 + (sent % 97) / 10, 2),
                              "parameters": {"sent": now}})
        buf += mqtt.publish(topic, payload.encode())
        sent += 1
    sock.sendall(bytes(buf))
    delay = t0 + sent / rate - time.time()
    if delay > 0:
        time.sleep(delay)
sock.sendall(mqtt.disconnect())
sock.close()
print(sent, round(time.time() - t0, 3))
"""


def percentile(values, p):
    values = sorted(values)
    if not values:
        return 0.0
    k = min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))
    return values[k]


def lateness_while(app, duration_s, during=None):
    """Lateness (ms) of a 10 ms QTimer on the main thread while ``during()`` runs (a
    subprocess is polled) or for ``duration_s``."""
    from qgis.PyQt.QtCore import QEventLoop, QTimer
    late = []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        late.append(max(0.0, (now - last[0]) * 1000.0 - TICK_MS))
        last[0] = now

    timer = QTimer()
    timer.setTimerType(0)  # Qt.PreciseTimer
    timer.timeout.connect(tick)
    timer.start(TICK_MS)
    loop = QEventLoop()
    end = time.perf_counter() + duration_s
    while time.perf_counter() < end and (during is None or during()):
        QTimer.singleShot(50, loop.quit)
        loop.exec()
    timer.stop()
    return late


def mqtt_bench(app, base_url, tmp):
    """1,000 observations/s published to mosquitto; all must reach the live layer (written
    in batches every LiveLayer.mqtt_flush_ms).
    Measures the main-thread event-loop lateness during the burst against the same
    loop idle (subscribed, no messages)."""
    import subprocess

    from conftest import free_port
    from qgis.PyQt.QtCore import QCoreApplication

    from hamm_core.adapters.tasks import wait_for
    from hamm_sensors.adapters.live_layer import LiveLayer
    port = free_port()
    conf = tmp / "mosquitto.conf"
    conf.write_text("listener {} 127.0.0.1\nallow_anonymous true\npersistence false\n"
                    "max_queued_messages 100000\n".format(port))
    broker = ss.Broker(port, conf, tmp / "mosquitto.log")
    broker.start()
    live = LiveLayer(base_url, interval_s=0)
    try:
        assert wait_for(live.refresh(), 300), "refresh"
        topics = live.mqtt_topics()
        sub = live.connect_mqtt("127.0.0.1", port)
        t = time.time()
        while sub.state != sub.SUBSCRIBED and time.time() - t < 20:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        delays, applied, pending = [], [0], []
        handler, write = live.on_mqtt_message, live._write

        def measured(topic, payload):
            ok = handler(topic, payload)
            if ok:
                applied[0] += 1
                pending.append(json.loads(payload)["parameters"]["sent"])
            return ok

        def written(rows, check=True):
            # delivery latency: publish -> the observation is in the layer (batched writes)
            write(rows, check)
            now = time.time()
            delays.extend((now - sent) * 1000.0 for sent in pending)
            pending.clear()
        sub.on_message = measured
        live._write = written
        idle = lateness_while(app, 2.0)
        proc = subprocess.Popen([sys.executable, "-c", PUBLISHER, str(ROOT / "plugins"),
                                 str(port), str(MQTT_RATE), str(MQTT_SECONDS)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        proc.stdin.write(json.dumps(topics))
        proc.stdin.close()
        total = int(MQTT_RATE * MQTT_SECONDS)
        burst = lateness_while(app, MQTT_SECONDS + 30,
                               lambda: proc.poll() is None or applied[0] < total or pending)
        out = proc.stdout.read().split()
        proc.wait()
        sent, pub_s = int(out[0]), float(out[1])
        last_value = {}
        for k in range(sent):
            last_value[topics[k % len(topics)]] = round(20 + (k % 97) / 10, 2)
        feats = {f["ds_id"]: f["value"] for f in live.layer.getFeatures()}
        correct = sum(1 for topic, v in last_value.items()
                      if abs(feats[topic.split("('", 1)[1].split("')", 1)[0]] - v) < 1e-9)
        return {"sent": sent, "applied": applied[0], "publish_s": pub_s,
                "idle": idle, "burst": burst, "delays": delays,
                "final_values_correct": correct, "datastreams": len(topics)}
    finally:
        live.stop()
        broker.stop()


def raw_fetch(url):
    pages = n = 0
    while url:
        with urllib.request.urlopen(url, timeout=300) as resp:
            doc = json.loads(resp.read())
        n += len(doc["value"])
        pages += 1
        url = doc.get("@iot.nextLink")
    return n, pages


def main():
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    from hamm_sensors.adapters.sta import make_client
    from hamm_sensors.logic.sta_url import Query, build_url, entity_path

    tmp = Path(tempfile.mkdtemp(prefix="bench_sensors_"))
    # pages of 1000 (the server's default of 100 makes the run take far longer)
    os.environ["STA_MAX_TOP"] = os.environ.get("BENCH_SENSORS_PAGE", "1000")
    server = ss.start_sta(tmp / "db.sqlite3", tmp / "server.log")
    try:
        hours = int(os.environ.get("BENCH_SENSORS_HOURS", "48"))  # 23 days (24 * 23) gives ~100k
        net = ss.fill_network(server.base_url, stations=6, hours=hours)
        ids = list(net.datastreams)
        total = sum(len(v) for v in net.observations.values())
        select = ("@iot.id", "phenomenonTime", "result")
        urls = [build_url(server.base_url, entity_path("Datastreams", d, "Observations"),
                          Query(select=select)) for d in ids]
        ours, ref = [], []
        for _ in range(RUNS):
            t = time.perf_counter()
            n_raw = sum(raw_fetch(u)[0] for u in urls)
            ref.append(time.perf_counter() - t)
            client = make_client(server.base_url, retries=0)
            client.page_size = None
            client.caps.orderby = False  # same pages as the raw fetch (server lacks it)
            t = time.perf_counter()
            n_ours = sum(len(client.observations(d)) for d in ids)
            ours.append(time.perf_counter() - t)
            assert n_ours == total, (n_ours, total)
            assert n_raw >= total
        o, r = min(ours), min(ref)
        print("BENCH " + json.dumps({
            "bench": "sensors", "case": "load {} observations of {} datastreams".format(
                total, len(ids)),
            "ours": round(o, 3), "reference": round(r, 3),
            "reference_tool": "urllib + json (same pages)", "unit": "s",
            "ratio": round(o / r, 3), "runs": RUNS,
            "note": "client: QGIS network stack, parse, dedupe, sort; best of runs"}))
        sys.stdout.flush()
        m = mqtt_bench(app, server.base_url, tmp)
        note = ("{applied}/{sent} observations reached the layer ({rate:.0f}/s over {s:.1f} s), "
                "final value right for {ok}/{n} datastreams; delivery latency p95 {d95:.1f} "
                "ms, max {dmax:.1f} ms").format(
            applied=m["applied"], sent=m["sent"], rate=m["sent"] / m["publish_s"],
            s=m["publish_s"], ok=m["final_values_correct"], n=m["datastreams"],
            d95=percentile(m["delays"], 95), dmax=max(m["delays"] or [0]))
        for stat, p in (("p95", 95), ("max", 100)):
            ours = percentile(m["burst"], p)
            ref = percentile(m["idle"], p)
            print("BENCH " + json.dumps({
                "bench": "sensors",
                "case": "MQTT {} obs/s: main-thread 10 ms timer lateness {}".format(
                    MQTT_RATE, stat),
                "ours": round(ours, 2), "reference": round(max(ref, 0.01), 2),
                "reference_variant": "same event loop idle (subscribed, no messages)",
                "unit": "ms", "ratio": round(ours / max(ref, 0.01), 2),
                "runs": 1, "ticks": len(m["burst"]), "applied": m["applied"],
                "sent": m["sent"], "note": note}))
    finally:
        ss.stop_process(server.proc)
    app.exitQgis()


if __name__ == "__main__":
    main()
