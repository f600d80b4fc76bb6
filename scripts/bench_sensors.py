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
    finally:
        ss.stop_process(server.proc)
    app.exitQgis()


if __name__ == "__main__":
    main()
