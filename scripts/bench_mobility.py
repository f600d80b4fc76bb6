"""Benchmark of hamm_mobility (run with /usr/bin/python3; QGIS Python bindings needed).

1. A synthetic GTFS feed of about 1 million stop_times (40,000 trips, 6,000 stops) loaded
   into stop and route layers with departures per stop for one day (ours: the streaming
   reader of hamm_mobility.logic.gtfs + QGIS memory layers), side by side with gtfs-kit
   (PyPI) reading the same feed and counting the day's departures per stop with pandas.
   Each side runs in its own process, so peak memory (max RSS) is measured per side.
   gtfs-kit is taken from build/venv-gtfskit (``python3 -m venv build/venv-gtfskit &&
   build/venv-gtfskit/bin/pip install gtfs-kit``) or from the running interpreter.
2. GBFS with 20,000 free-floating vehicles, from the response bytes to the updated layer
   (parse, join vehicle types, transform to EPSG:25832, update the layer as the live layer
   does with PointSync), against GDAL's GeoJSON driver reading the same vehicles as
   GeoJSON into a memory layer: the first load into a new layer, and refreshes where the
   layer holds the previous poll (per poll 20 % of the vehicles move, 5 % change their
   reservation, 2 % get a new vehicle_id).
3. A live parking refresh of 5,000 facilities from DATEX II v2 (table + status
   publication, about 4.5 MB of XML, new occupancy for every facility at every poll): from
   the response bytes to the updated layer (safe XML parse, merge by id, transform,
   PointSync), against GDAL's GeoJSON driver reading the same facilities with their
   occupancy as GeoJSON into a memory layer.
Prints one BENCH line per case.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DAY = "2024-10-02"
GTFSKIT_VENV = ROOT / "build" / "venv-gtfskit" / "bin" / "python"


def bench(case, ours, ref, tool, runs, note):
    print("BENCH " + json.dumps({
        "bench": "mobility", "case": case, "ours": round(ours, 4),
        "reference": round(ref, 4) if ref is not None else None, "reference_tool": tool,
        "unit": "s", "ratio": round(ours / ref, 3) if ref else None, "runs": runs,
        "note": note}), flush=True)


def qgis_app():
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    return app


# ---------------------------------------------------------------- children (one process)
def child_ours(path: str) -> dict:
    from datetime import date
    app = qgis_app()  # noqa: F841 - keeps QGIS alive
    from hamm_mobility.adapters import layers as lyr
    from hamm_mobility.logic import gtfs
    t0 = time.perf_counter()
    res = gtfs.load_path(path, date.fromisoformat(DAY), 0, 48)  # whole service day
    ct = lyr.to_crs()
    stops = lyr.memory_layer("Point", "Haltestellen", [("stop_id", "str"), ("name", "str"),
                                                       ("abfahrten", "int")])
    for r in res.stops:
        r["abfahrten"] = r["departures"]
    lyr.replace_features(stops, lyr.features(res.stops, stops.fields(),
                                             lyr.point_geometries(res.stops, ct)))
    routes = lyr.memory_layer("LineString", "Linien", [("route_id", "str"), ("fahrten", "int")])
    for r in res.routes:
        r["fahrten"] = r["trips"]
    lyr.replace_features(routes, lyr.features(res.routes, routes.fields(),
                                              lambda r: lyr.line_geometry(r["coords"], ct)))
    elapsed = time.perf_counter() - t0
    out = {"time": elapsed, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
           "stops": stops.featureCount(), "routes": routes.featureCount(),
           "departures": res.departures, "stop_times": res.stop_times_read}
    del stops, routes
    return out


CHILD_GTFSKIT = r"""
import json, resource, sys, time
import gtfs_kit as gk
t0 = time.perf_counter()
feed = gk.read_feed(sys.argv[1], dist_units="km")
st = feed.get_stop_times(sys.argv[2].replace("-", ""))
counts = st.groupby("stop_id").size()
stops = gk.stops.geometrize_stops(feed.stops)
shapes = gk.shapes.geometrize_shapes(feed.shapes)
elapsed = time.perf_counter() - t0
print(json.dumps({"time": elapsed, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                  / 1024, "stops": len(stops), "departures": int(counts.sum()),
                  "stop_times": len(feed.stop_times), "version": gk.__version__}))
"""


def run_child(cmd) -> dict:
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def gtfskit_python():
    if GTFSKIT_VENV.exists():
        return str(GTFSKIT_VENV)
    try:
        import gtfs_kit  # noqa: F401
        return sys.executable
    except ImportError:
        return None


def case_gtfs(tmp: Path, runs: int = 2) -> None:
    from mobility_servers import build_gtfs
    path = tmp / "gtfs_1m.zip"
    info = build_gtfs(path, n_stops=6000, n_routes=400, trips_per_route=50, stops_per_trip=25)
    ours = [run_child([sys.executable, __file__, "--child-ours", str(path)])
            for _ in range(runs)]
    py = gtfskit_python()
    ref = [run_child([py, "-c", CHILD_GTFSKIT, str(path), DAY]) for _ in range(runs)] \
        if py else []
    t_ours = statistics.median(r["time"] for r in ours)
    t_ref = statistics.median(r["time"] for r in ref) if ref else None
    # gtfs-kit counts the 3 template rows of the frequency trip, ours its 18 runs x 3 stops
    same = ref and ref[0]["departures"] == ours[0]["departures"] - 18 * 3 + 3
    note = ("{} stop_times, {} trips; ours: {} stops, {} route lines, {} departures, peak "
            "{:.0f} MB; ").format(info.n_stop_times, info.n_trips, ours[0]["stops"],
                                  ours[0]["routes"], ours[0]["departures"],
                                  max(r["rss_mb"] for r in ours))
    if ref:
        note += ("gtfs-kit {}: read_feed + get_stop_times + geometrize stops/shapes, {} "
                 "departures (frequencies.txt not expanded{}), peak {:.0f} MB").format(
            ref[0]["version"], ref[0]["departures"], ", else equal" if same else "",
            max(r["rss_mb"] for r in ref))
    else:
        note += "gtfs-kit not installed (see the module docstring)"
    bench("gtfs_1m_stop_times_to_layers", t_ours, t_ref, "gtfs-kit", runs, note)


def gbfs_snapshots(n: int, count: int, seed: int = 20000):
    """``count`` successive vehicle_status documents of one system: between two polls
    20 % of the vehicles move (with less range), 5 % change reservation and 2 % get a new
    vehicle_id (GBFS rotates ids after each trip)."""
    import random
    rng = random.Random(seed)
    vehicles = [{"vehicle_id": "v{}".format(i), "lat": 51.68 + rng.uniform(-0.05, 0.05),
                 "lon": 7.81 + rng.uniform(-0.08, 0.08), "is_reserved": i % 9 == 0,
                 "is_disabled": i % 13 == 0, "vehicle_type_id": "scooter",
                 "current_range_meters": 5000.0} for i in range(n)]
    out = []
    next_id = n
    for _ in range(count):
        out.append([dict(v) for v in vehicles])
        for v in vehicles:
            r = rng.random()
            if r < 0.02:
                v["vehicle_id"] = "v{}".format(next_id)
                next_id += 1
            if r < 0.20:
                v["lat"] = 51.68 + rng.uniform(-0.05, 0.05)
                v["lon"] = 7.81 + rng.uniform(-0.08, 0.08)
                v["current_range_meters"] = max(0.0, v["current_range_meters"] - 350.0)
            elif r < 0.25:
                v["is_reserved"] = not v["is_reserved"]
    return out


def case_gbfs(runs: int = 3) -> None:
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    from hamm_core.logic.jsonutil import parse_json
    from hamm_mobility.adapters import layers as lyr
    from hamm_mobility.logic import gbfs
    snaps = gbfs_snapshots(20000, runs + 1)
    bodies = [json.dumps({"last_updated": "2024-06-01T12:00:00+02:00", "ttl": 30,
                          "version": "3.0", "data": {"vehicles": v}}).encode() for v in snaps]
    geojsons = [json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [v["lon"], v["lat"]]},
         "properties": {k: v[k] for k in ("vehicle_id", "is_reserved", "is_disabled",
                                          "vehicle_type_id", "current_range_meters")}}
        for v in vehicles]}) for vehicles in snaps]
    types = {"scooter": {"name": "E-Scooter", "form_factor": "scooter_standing",
                         "propulsion_type": "electric"}}
    ct = lyr.to_crs()

    def ours(layer, sync, body):
        t0 = time.perf_counter()
        recs = gbfs.parse_vehicles(parse_json(body), 3, types)
        done = sync.update(recs, ct, {"system": "Bench"})
        return time.perf_counter() - t0, done

    def reference(text):
        with tempfile.NamedTemporaryFile("w", suffix=".geojson", delete=False) as handle:
            handle.write(text)
        t0 = time.perf_counter()
        src = QgsVectorLayer(handle.name, "v", "ogr")
        mem = src.materialize(QgsFeatureRequest().setDestinationCrs(lyr.CRS, ct.context()))
        n = mem.featureCount()
        elapsed = time.perf_counter() - t0
        del src, mem
        os.unlink(handle.name)
        assert n == 20000
        return elapsed

    # first load: a new, empty layer each run
    load, load_ref = [], []
    for k in range(runs):
        layer = lyr.memory_layer("Point", "Fahrzeuge", lyr.VEHICLE_FIELDS)
        lyr.style_vehicles(layer)
        load.append(ours(layer, lyr.PointSync(layer, "fahrzeug_id"), bodies[k])[0])
        assert layer.featureCount() == 20000
        load_ref.append(reference(geojsons[k]))
        del layer
    bench("gbfs_load_20k_vehicles", statistics.median(load), statistics.median(load_ref),
          "GDAL GeoJSON driver -> memory layer (EPSG:25832)", runs,
          "response bytes ({:.1f} MB) to a new, styled layer of 20,000 vehicles".format(
              len(bodies[0]) / 1e6))
    # refreshes: the layer holds the previous poll, the next response arrives
    layer = lyr.memory_layer("Point", "Fahrzeuge", lyr.VEHICLE_FIELDS)
    lyr.style_vehicles(layer)
    sync = lyr.PointSync(layer, "fahrzeug_id")
    ours(layer, sync, bodies[0])
    refresh, refresh_ref, done = [], [], {}
    for k in range(1, runs + 1):
        elapsed, done = ours(layer, sync, bodies[k])
        refresh.append(elapsed)
        assert layer.featureCount() == 20000 and not done["rebuilt"]
        refresh_ref.append(reference(geojsons[k]))
    bench("gbfs_refresh_20k_vehicles", statistics.median(refresh), statistics.median(refresh_ref),
          "GDAL GeoJSON driver -> memory layer (EPSG:25832)", runs,
          "response bytes ({:.1f} MB) to the updated, styled layer (previous poll in it; "
          "per poll {} moved, {} changed, {} new, {} gone); goal < 1 s".format(
              len(bodies[1]) / 1e6, done["moved"], done["changed"], done["added"],
              done["deleted"]))
    del layer, sync


def case_parking(runs: int = 3, n: int = 5000) -> None:
    import random

    import mobility_feeds as mf
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    from hamm_mobility.adapters import feeds
    from hamm_mobility.adapters import layers as lyr
    from hamm_mobility.logic import parking
    rng = random.Random(5000)
    garages = [("P{}".format(i), "Parkhaus {}".format(i),
                round(51.68 + rng.uniform(-0.05, 0.05), 6),
                round(7.81 + rng.uniform(-0.08, 0.08), 6), rng.randint(20, 900))
               for i in range(n)]
    # every poll: new occupancy for every facility (the layer holds the previous poll,
    # as the live layer does; feature ids kept by PointSync)
    polls = [{g[0]: rng.randint(0, g[4]) for g in garages} for _ in range(runs + 1)]
    table = mf.datex2_v2_table(garages)
    statuses = [mf.datex2_v2_status(occupied, {}, garages) for occupied in polls]
    geojsons = [json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [g[3], g[2]]},
         "properties": {"park_id": g[0], "name": g[1], "kapazitaet": g[4],
                        "belegt": occupied[g[0]], "frei": g[4] - occupied[g[0]]}}
        for g in garages]}) for occupied in polls]
    layer = lyr.memory_layer("Point", "Parken", feeds.PARKING_FIELDS)
    feeds.style_parking(layer)
    ct = lyr.to_crs()
    sync = lyr.PointSync(layer, "park_id")
    sync.update(parking.read_any([(table, "table"), (statuses[0], "status")]).records(), ct)
    ours, ref = [], []
    for k in range(1, runs + 1):
        t0 = time.perf_counter()
        recs = parking.read_any([(table, "table"), (statuses[k], "status")]).records()
        sync.update(recs, ct)
        ours.append(time.perf_counter() - t0)
        assert layer.featureCount() == n
        with tempfile.NamedTemporaryFile("w", suffix=".geojson", delete=False) as handle:
            handle.write(geojsons[k])
        t0 = time.perf_counter()
        src = QgsVectorLayer(handle.name, "p", "ogr")
        mem = src.materialize(QgsFeatureRequest().setDestinationCrs(lyr.CRS, ct.context()))
        count = mem.featureCount()
        ref.append(time.perf_counter() - t0)
        del src, mem
        os.unlink(handle.name)
        assert count == n
    bench("parking_datex2_refresh_5k", statistics.median(ours), statistics.median(ref),
          "GDAL GeoJSON driver -> memory layer (EPSG:25832)", runs,
          "DATEX II v2 table + status ({:.1f} MB XML, new occupancy for every facility) "
          "to the updated, styled layer".format((len(table) + len(statuses[1])) / 1e6))
    del layer, sync


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child-ours":
        print(json.dumps(child_ours(sys.argv[2])))
        return
    with tempfile.TemporaryDirectory(prefix="bench_mobility_") as tmp:
        case_gtfs(Path(tmp))
    app = qgis_app()  # noqa: F841
    case_gbfs()
    case_parking()


if __name__ == "__main__":
    main()
