#!/usr/bin/env python3
"""Benchmark of hamm_coolplaces (prints BENCH lines, see scripts/bench.py).

1. Walking access, 30,000 origins on a grid footway network of about 100,000 edges, 10 cool
   places: our multi-source search against QGIS's own route (native:shortestpathlayertopoint
   once per cool place, minimum over the places; measured on a subsample of origins and
   scaled linearly to 30,000) and against networkx multi_source_dijkstra (pip install networkx);
   also our pure numpy + stdlib path (no scipy) against networkx, and reading the network
   from a GeoPackage into the graph (bulk WKB) against plain PyQGIS asPolyline per vertex.
2. Shade map of 2 km x 2 km at 1 m, one time step: our sweep against a per-cell ray march
   (pure Python; measured on a 150 x 150 crop and scaled by the cell count).
"""

import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), "/usr/share/qgis/python/plugins"]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hamm_coolplaces.logic.graph import FootwayGraph, walking_access  # noqa: E402
from hamm_coolplaces.logic.shade import shade_mask, shade_mask_raymarch  # noqa: E402


def bench(case, ours, ref, tool, runs, note):
    print("BENCH " + json.dumps({"bench": "coolplaces", "case": case, "ours": round(ours, 4),
                                 "reference": round(ref, 4) if ref is not None else None,
                                 "reference_tool": tool, "unit": "s",
                                 "ratio": round(ours / ref, 5) if ref else None, "runs": runs,
                                 "note": note}), flush=True)


def grid_network(n=224, spacing=50.0):
    lines = []
    for i in range(n):
        for j in range(n - 1):
            lines.append([(i * spacing, j * spacing), (i * spacing, (j + 1) * spacing)])
            lines.append([(j * spacing, i * spacing), ((j + 1) * spacing, i * spacing)])
    return lines


def best_of(func, runs):
    best, out = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = func()
        best = min(best, time.perf_counter() - t0)
    return best, out


def access_rows():
    rng = np.random.default_rng(1)
    lines = grid_network()
    size = 223 * 50.0
    origins = rng.uniform(0, size, (30000, 2))
    places = rng.uniform(0, size, (10, 2))
    t_ours, res = best_of(lambda: walking_access(FootwayGraph(lines), origins, places, 3.6), 3)
    note = "{} edges, 30000 origins, 10 places; ours includes graph build + snapping".format(
        len(lines))
    # networkx
    try:
        import networkx as nx
    except ImportError:
        bench("access_30k_origins_100k_edges_vs_networkx", t_ours, None, "networkx", 3,
              note + "; networkx not installed (pip install networkx)")
    else:
        graph = FootwayGraph(lines)
        src = graph.snap(places, 250)
        org = graph.snap(origins, 250)

        def run_nx():
            g = nx.Graph()
            g.add_weighted_edges_from(zip(graph.u.tolist(), graph.v.tolist(),
                                          graph.length.tolist()))
            starts = set(graph.u[src.segment].tolist())
            dist = nx.multi_source_dijkstra_path_length(g, starts, weight="weight")
            return np.array([dist.get(int(a), np.inf) for a in graph.u[org.segment]])
        t_nx, _ = best_of(run_nx, 3)
        bench("access_30k_origins_100k_edges_vs_networkx", t_ours, t_nx, "networkx", 3,
              note + "; networkx: graph build + multi_source_dijkstra (sources at nodes)")
        # the pure numpy + stdlib path (QGIS without scipy)
        t_pure, pure = best_of(lambda: walking_access(FootwayGraph(lines), origins, places, 3.6,
                                                      use_scipy=False), 3)
        same = bool(np.allclose(np.nan_to_num(pure.distance, posinf=-1),
                                np.nan_to_num(res.distance, posinf=-1), atol=1e-3))
        bench("access_30k_origins_100k_edges_pure_vs_networkx", t_pure, t_nx, "networkx", 3,
              note + "; ours without scipy (heap Dijkstra in Python), same distances as with "
              "scipy: {}".format(same))
    # QGIS native
    try:
        t_q, n_sub = qgis_native(lines, origins, places)
        bench("access_30k_origins_100k_edges_vs_qgis_native", t_ours, t_q * 30000 / n_sub,
              "native:shortestpathlayertopoint", 1,
              note + "; QGIS: 2 of the 10 places, {} origins, scaled to 10 places and 30000"
              .format(n_sub))
    except Exception as err:  # noqa: BLE001 - report, do not fail the whole bench
        bench("access_30k_origins_100k_edges_vs_qgis_native", t_ours, None,
              "native:shortestpathlayertopoint", 1, note + "; QGIS run failed: {}".format(err))
    return res


def qgis_native(lines, origins, places, n_sub=100, n_places=2):
    from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    import processing
    net = QgsVectorLayer("LineString?crs=EPSG:25832", "net", "memory")
    feats = []
    for line in lines:
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in line]))
        feats.append(f)
    net.dataProvider().addFeatures(feats)
    pts = QgsVectorLayer("Point?crs=EPSG:25832", "o", "memory")
    feats = []
    for x, y in origins[:n_sub]:
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    pts.dataProvider().addFeatures(feats)
    network_read_row(net)
    t0 = time.perf_counter()
    for x, y in places[:n_places]:
        processing.run("native:shortestpathlayertopoint", {
            "INPUT": net, "STRATEGY": 0, "START_POINTS": pts,
            "END_POINT": "{},{} [EPSG:25832]".format(x, y), "OUTPUT": "memory:"})
    elapsed = (time.perf_counter() - t0) * len(places) / n_places
    del net, pts
    return elapsed, n_sub


def network_read_row(net):
    """Reading the footway network from a GeoPackage into the graph: our bulk WKB reader
    against the plain PyQGIS way (asPolyline and a Python tuple per vertex)."""
    import tempfile

    from qgis.core import QgsVectorFileWriter, QgsVectorLayer

    from hamm_coolplaces.adapters.compute import build_graph
    from hamm_coolplaces.adapters.layers import Reader, polylines
    folder = tempfile.mkdtemp(prefix="bench_coolplaces_")
    path = os.path.join(folder, "netz.gpkg")
    QgsVectorFileWriter.writeAsVectorFormat(net, path, "utf-8", net.crs(), "GPKG")
    layer = QgsVectorLayer(path, "netz", "ogr")
    reader = Reader(layer.crs())
    t_ours, graph = best_of(lambda: build_graph(reader, layer, "netz"), 2)
    t_ref, ref = best_of(lambda: FootwayGraph(polylines(
        [g for g, _ in reader.geometries(layer, "netz")])), 2)
    same = bool(np.array_equal(graph.seg, ref.seg))
    bench("network_read_100k_lines_gpkg", t_ours, t_ref, "PyQGIS asPolyline per vertex", 2,
          "{} lines from a GeoPackage into the footway graph; same segments: {}".format(
              layer.featureCount(), same))


def shade_rows():
    rng = np.random.default_rng(2)
    h = np.zeros((2000, 2000), dtype=np.float32)
    for _ in range(4000):
        r, c = rng.integers(0, 1980, 2)
        h[r:r + rng.integers(8, 20), c:c + rng.integers(8, 20)] = rng.uniform(4, 40)
    az, el = 216.7, 55.5        # Hamm, 15 July, 15:00 CEST (NOAA)
    t_ours, _ = best_of(lambda: shade_mask(h, 1.0, az, el), 3)
    crop = h[:150, :150]
    t0 = time.perf_counter()
    ref = shade_mask_raymarch(crop, 1.0, az, el)
    t_crop = time.perf_counter() - t0
    same = bool((shade_mask(crop, 1.0, az, el) == ref).all())
    bench("shade_2km_1m_one_step", t_ours, t_crop * h.size / crop.size, "per-cell ray march", 3,
          "4M cells, 4000 buildings up to 40 m; ray march on 150x150 crop scaled by cells "
          "(identical result on the crop: {})".format(same))


if __name__ == "__main__":
    shade_rows()
    access_rows()
