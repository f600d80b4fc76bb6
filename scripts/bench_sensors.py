#!/usr/bin/env python3
"""Benchmark of hamm_sensors' SensorThings client against a raw HTTP fetch of the same
pages (urllib + json), on a local django-ogc-sensorthings server with 30 datastreams and
100,000 observations. Prints BENCH lines (see scripts/bench.py).

- Fill: Things, Datastreams and an hour of observations each through the server's HTTP
  API, the remaining observations straight into its SQLite database with its own Django
  ORM (sensors_servers.fill_network_bulk; filling 100k over HTTP takes ~7 min); the server's
  $count is checked before anything is timed.
- MQTT: 1,000 observations a second into the live layer; main-thread timer lateness.
- Live: every observation of every datastream, the suite's client (make_client ...
  observations(id)) and the raw fetch interleaved per datastream, one run each (this
  server serves only a few hundred observations a second, so this part takes minutes).
- Replay: the exact pages the raw fetch received, @iot.nextLink rewritten, served by nginx;
  both fetchers again, best of REPLAY_RUNS: the client's own overhead without the slow
  server in the denominator.
``--quick`` runs the live part on LIVE_DS_QUICK datastreams only.
"""

import json
import os
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (str(ROOT / "plugins"), str(ROOT / "tests"), "/usr/share/qgis/python/plugins"):
    if p not in sys.path:
        sys.path.insert(0, p)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sensors_servers as ss  # noqa: E402

TOTAL = int(os.environ.get("BENCH_SENSORS_TOTAL", "100000"))  # of 30 datastreams
PAGE = 1000  # $top of every request (the server's default page is 100)
REPLAY_RUNS = 3
LIVE_DS_QUICK = 6  # --quick: the live server part on this many datastreams only
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


def raw_fetch(url, record=None):
    """The reference: urllib + json over the same pages (following @iot.nextLink); the
    bytes of each page are appended to ``record`` as (url, body) when given."""
    pages = n = 0
    while url:
        with urllib.request.urlopen(url, timeout=300) as resp:
            body = resp.read()
        doc = json.loads(body)
        if record is not None:
            record.append((url, body))
        n += len(doc["value"])
        pages += 1
        url = doc.get("@iot.nextLink")
    return n, pages


def client_fetch(client, ds_id):
    return client.observations(ds_id)


def check_series(got, expected, what):
    """The client's observations are exactly the inserted series (times and values)."""
    assert len(got) == len(expected), (what, len(got), len(expected))
    for o, (t, v) in zip(got, expected):
        assert o.start == t and abs(float(o.result) - v) < 1e-9, (what, o, t, v)


def write_replay(pages_by_ds, www, replay_base):
    """Save the pages the raw fetch received under nginx's root: the first page of each
    datastream where the client's first request lands (nginx ignores the query string),
    later pages as pages/NNNNN, each page's @iot.nextLink rewritten to the replay server
    (bytes otherwise unchanged)."""
    prefix = urllib.parse.urlsplit(replay_base).path
    k = 0
    for ds_id, pages in pages_by_ds.items():
        path = "{}/Datastreams('{}')/Observations".format(prefix, ds_id)
        for _url, received in pages:
            body = received
            doc = json.loads(body)
            link = doc.get("@iot.nextLink")
            next_path = None
            if link:
                k += 1
                next_path = "{}/pages/{:05d}".format(prefix, k)
                old, new = json.dumps(link).encode(), json.dumps(
                    replay_base.rsplit(prefix, 1)[0] + next_path).encode()
                if body.count(old) == 1:
                    body = body.replace(old, new)
                else:  # the server escaped the link differently: re-serialise this page
                    doc["@iot.nextLink"] = json.loads(new)
                    body = json.dumps(doc).encode()
            target = www / (path.lstrip("/") + ".json")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
            path = next_path
    return k


def start_replay(tmp):
    """nginx serving the saved pages as JSON, uncacheable (QGIS's HTTP cache must not
    answer the second run)."""
    import nginx_server
    from conftest import free_port
    work = tmp / "replay"
    (work / "www").mkdir(parents=True, exist_ok=True)
    port = free_port()
    lines = ("    etag off;\n    if_modified_since off;\n"
             "    add_header Cache-Control \"no-store\" always;\n"
             "    location / { try_files $uri.json $uri =404; }\n")
    (work / "www" / "probe.json").write_text("{}")
    proc, base = nginx_server.start(work, port, nginx_server.config(
        work, port, "application/json json;", lines), "/probe")
    return proc, base, work / "www"


def live_bench(base_url, ids, net, client):
    """Both fetchers on every datastream, alternating which goes first, so that drift of
    the (slow) django server hits both alike. Returns (ours_s, raw_s, raw_count, pages)."""
    ours = ref = 0.0
    n_raw = 0
    pages_by_ds = {}
    for k, ds_id in enumerate(ids):
        url = build_raw_url(base_url, ds_id)
        record = []
        for first_raw in ((True, False) if k % 2 == 0 else (False, True)):
            if first_raw:
                t = time.perf_counter()
                n_raw += raw_fetch(url, record)[0]
                ref += time.perf_counter() - t
            else:
                t = time.perf_counter()
                got = client_fetch(client, ds_id)
                ours += time.perf_counter() - t
                check_series(got, net.observations[ds_id], ds_id)
        pages_by_ds[ds_id] = record
        print("live {}/{}: ours {:.1f} s, raw {:.1f} s".format(k + 1, len(ids), ours, ref),
              file=sys.stderr, flush=True)
    return ours, ref, n_raw, pages_by_ds


def build_raw_url(base_url, ds_id):
    from hamm_sensors.logic.sta_url import Query, build_url, entity_path
    return build_url(base_url, entity_path("Datastreams", ds_id, "Observations"),
                     Query(select=("@iot.id", "phenomenonTime", "result"), top=PAGE))


def new_client(base_url):
    from hamm_sensors.adapters.sta import make_client
    client = make_client(base_url, retries=0)
    client.page_size = PAGE
    client.caps.orderby = False  # same pages as the raw fetch (the server lacks $orderby)
    return client


def bench_line(case, ours, ref, runs, variant, note, **extra):
    row = {"bench": "sensors", "case": case, "ours": round(ours, 3),
           "reference": round(ref, 3), "reference_tool": "urllib + json (same pages)",
           "reference_variant": variant, "unit": "s", "ratio": round(ours / ref, 3),
           "runs": runs, "note": note}
    row.update(extra)
    print("BENCH " + json.dumps(row), flush=True)


def main():
    from qgis.core import QgsApplication
    t_start = time.perf_counter()
    quick = "--quick" in sys.argv
    app = QgsApplication([], False)
    app.initQgis()

    tmp = Path(tempfile.mkdtemp(prefix="bench_sensors_"))
    os.environ["STA_MAX_TOP"] = str(PAGE)
    server = ss.start_sta(tmp / "db.sqlite3", tmp / "server.log")
    replay = None
    try:
        # 30 datastreams (6 stations x 5 properties): 1 h each through the HTTP API (this
        # creates the FeaturesOfInterest), the rest with the server's own Django ORM
        t = time.perf_counter()
        net = ss.fill_network_bulk(server.base_url, tmp / "db.sqlite3", stations=6,
                                   total=TOTAL)
        ids = list(net.datastreams)
        total = sum(len(v) for v in net.observations.values())
        served = ss.count_observations(server.base_url)
        assert served == total == TOTAL, (served, total)
        for ds_id in ids:
            n = ss.count_observations(server.base_url, ds_id)
            assert n == len(net.observations[ds_id]), (ds_id, n)
        print("filled {} observations of {} datastreams in {:.1f} s (server $count: {})"
              .format(total, len(ids), time.perf_counter() - t, served),
              file=sys.stderr, flush=True)

        # MQTT first: the live part below takes minutes
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
                "sent": m["sent"], "note": note}), flush=True)

        # live: every observation, both fetchers, one run each (the server needs minutes)
        live_ids = ids[:LIVE_DS_QUICK] if quick else ids
        live_total = sum(len(net.observations[d]) for d in live_ids)
        t = time.perf_counter()
        o, r, n_raw, pages_by_ds = live_bench(server.base_url, live_ids, net,
                                              new_client(server.base_url))
        live_s = time.perf_counter() - t
        assert n_raw >= live_total, (n_raw, live_total)
        pages = sum(len(v) for v in pages_by_ds.values())
        bench_line("load {} observations of {} datastreams: live django server".format(
            live_total, len(live_ids)), o, r, 1, "live django-ogc-sensorthings server",
            "pages of {}, {} pages; client: QGIS network stack, parse, dedupe, sort; "
            "interleaved per datastream; {:.0f} s in all".format(PAGE, pages, live_s),
            observations=live_total, pages=pages)

        # replay: the exact pages the raw fetch received, served by nginx
        rp_proc, rp_host, www = start_replay(tmp)
        replay = rp_proc
        replay_base = rp_host + "/replay/v1.1"
        write_replay(pages_by_ds, www, replay_base)
        ours, ref = [], []
        for run in range(REPLAY_RUNS):
            for first_raw in ((True, False) if run % 2 == 0 else (False, True)):
                if first_raw:
                    t = time.perf_counter()
                    n = sum(raw_fetch(build_raw_url(replay_base, d))[0] for d in live_ids)
                    ref.append(time.perf_counter() - t)
                    assert n == n_raw, (n, n_raw)
                else:
                    client = new_client(replay_base)
                    t = time.perf_counter()
                    got = {d: client_fetch(client, d) for d in live_ids}
                    ours.append(time.perf_counter() - t)
                    for d in live_ids:
                        check_series(got[d], net.observations[d], d)
        bench_line("load {} observations of {} datastreams: replay of the same pages by "
                   "nginx".format(live_total, len(live_ids)), min(ours), min(ref),
                   REPLAY_RUNS, "nginx serving the pages the raw fetch received",
                   "best of runs; ours {} s, raw {} s".format(
                       [round(x, 2) for x in ours], [round(x, 2) for x in ref]),
                   observations=live_total, pages=pages)

    finally:
        if replay is not None:
            import nginx_server
            nginx_server.stop(replay)
        ss.stop_process(server.proc)
    print("bench_sensors: {:.0f} s in all".format(time.perf_counter() - t_start),
          file=sys.stderr, flush=True)
    app.exitQgis()


if __name__ == "__main__":
    main()
