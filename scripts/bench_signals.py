#!/usr/bin/env python3
"""Benchmark of hamm_signals: the geometry behind the junction check and the export,
side by side with the tools a GIS expert would otherwise use (shapely, pyproj).

  overlap_area      intersection areas of zone pairs: ours (pure Python) vs shapely
  line_of_sight     sight lines camera -> zone points past buildings with heights:
                    ours (pure Python, bbox filter) vs shapely STRtree + intersection
  wgs84_transform   EPSG:25832 -> WGS84 for the export: QgsCoordinateTransform (ours)
                    vs pyproj Transformer
  crossing_areas    pedestrian waiting areas at both ends of crosswalk lines: ours (pure
                    Python rectangles) vs shapely (segment beyond the kerb, buffered with a
                    flat cap)
"""

import json
import math
import os
import random
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "scripts")]


def best_of(func, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times)


def emit(case, ours, ref, ref_tool, runs, note):
    print("BENCH " + json.dumps({"bench": "signals", "case": case, "ours": round(ours, 6),
                                 "reference": round(ref, 6), "reference_tool": ref_tool,
                                 "unit": "s", "ratio": round(ours / ref, 3) if ref else None,
                                 "runs": runs, "note": note}), flush=True)


def main():
    warnings.filterwarnings("ignore")
    quick = "--quick" in sys.argv
    runs = 3 if quick else 5
    from shapely.geometry import LineString, Polygon
    from shapely.strtree import STRtree

    from hamm_signals.logic import geometry as geo
    from hamm_signals.logic.camera import Camera
    from hamm_signals.logic.checks import _blocked

    rng = random.Random(1)
    x0, y0 = 417901.0, 5725392.0

    def star(cx, cy):
        n = rng.randint(4, 8)
        return [(cx + rng.uniform(2, 6) * math.cos(2 * math.pi * k / n),
                 cy + rng.uniform(2, 6) * math.sin(2 * math.pi * k / n)) for k in range(n)]
    pairs = [(star(x0, y0), star(x0 + rng.uniform(-6, 6), y0 + rng.uniform(-6, 6)))
             for _ in range(300 if quick else 1000)]
    ours = best_of(lambda: [geo.overlap_area(a, b) for a, b in pairs], runs)
    shp = [(Polygon(a), Polygon(b)) for a, b in pairs]
    ref = best_of(lambda: [a.intersection(b).area for a, b in shp], runs)
    emit("overlap_area", ours, ref, "shapely {}".format(__import__("shapely").__version__), runs,
         "{} zone pairs, 4-8 corners, max abs diff {:.1e} m²".format(len(pairs), max(
             abs(geo.overlap_area(a, b) - sa.intersection(sb).area)
             for (a, b), (sa, sb) in zip(pairs, shp))))

    # Buildings: a grid of blocks around a camera, sight lines to random zone points
    buildings = []
    for i in range(-12, 12):
        for j in range(-12, 12):
            bx, by = x0 + i * 25 + 3, y0 + j * 25 + 3
            if abs(i) <= 1 and abs(j) <= 1:
                continue
            ring = [(bx, by), (bx + rng.uniform(8, 18), by), (bx + 12, by + rng.uniform(8, 18)),
                    (bx, by + 12)]
            buildings.append((ring, rng.uniform(3, 25)))
    cam = Camera(x0, y0, 8.0, 45.0, 15.0, hfov=60.0, max_range=150.0)
    targets = [(x0 + rng.uniform(-150, 150), y0 + rng.uniform(-150, 150))
               for _ in range(300 if quick else 1000)]
    boxes = [(geo.bbox(r), r, h) for r, h in buildings]
    h_t = 0.6
    ours = best_of(lambda: [_blocked(cam, t, h_t, boxes) for t in targets], runs)
    polys = [Polygon(r) for r, _ in buildings]
    heights = [h for _, h in buildings]
    tree = STRtree(polys)
    index = {id(p): k for k, p in enumerate(polys)}

    def shapely_los():
        out = []
        for tx, ty in targets:
            line = LineString([(cam.x, cam.y), (tx, ty)])
            d = line.length
            blocked = False
            for cand in tree.query(line):
                k = int(cand) if not hasattr(cand, "geom_type") else index[id(cand)]
                inter = polys[k].intersection(line)
                if inter.is_empty:
                    continue
                coords = [c for g in getattr(inter, "geoms", [inter]) for c in g.coords]
                t = min(math.hypot(c[0] - cam.x, c[1] - cam.y) for c in coords) / d
                if cam.height + t * (h_t - cam.height) < heights[k]:
                    blocked = True
                    break
            out.append(blocked)
        return out
    ref = best_of(shapely_los, runs)
    agree = sum(a == b for a, b in zip([_blocked(cam, t, h_t, boxes) for t in targets],
                                       shapely_los()))
    emit("line_of_sight", ours, ref, "shapely STRtree + intersection", runs,
         "{} sight lines, {} buildings; same verdict for {} of {}".format(
             len(targets), len(buildings), agree, len(targets)))

    # Waiting areas at crossings
    from shapely.geometry import Polygon as ShpPolygon

    from hamm_signals.logic.crossings import crossing_waiting_areas
    lines = []
    for _ in range(2000 if quick else 10000):
        ax, ay = x0 + rng.uniform(-300, 300), y0 + rng.uniform(-300, 300)
        a = rng.uniform(0, 2 * math.pi)
        length = rng.uniform(6, 20)
        lines.append([(ax, ay), (ax + length * math.cos(a), ay + length * math.sin(a))])
    depth, width, setback = 2.0, 4.0, 0.5
    ours = best_of(lambda: [crossing_waiting_areas(ln, depth, width, setback) for ln in lines],
                   runs)

    def shapely_areas():
        out = []
        for (px, py), (qx, qy) in lines:
            n = math.hypot(qx - px, qy - py)
            ux, uy = (qx - px) / n, (qy - py) / n
            out.append([
                LineString([(px - ux * setback, py - uy * setback),
                            (px - ux * (setback + depth), py - uy * (setback + depth))])
                .buffer(width / 2, cap_style=2),
                LineString([(qx + ux * setback, qy + uy * setback),
                            (qx + ux * (setback + depth), qy + uy * (setback + depth))])
                .buffer(width / 2, cap_style=2)])
        return out
    ref = best_of(shapely_areas, runs)
    diff = max(ShpPolygon(r).symmetric_difference(g).area
               for ln, gs in zip(lines[:500], shapely_areas()[:500])
               for r, g in zip(crossing_waiting_areas(ln, depth, width, setback), gs))
    emit("crossing_areas", ours, ref, "shapely buffer (flat cap)", runs,
         "{} crosswalks, 2 areas each; max symmetric difference {:.1e} m²".format(
             len(lines), diff))

    # WGS84 transform of the export
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    import pyproj

    from hamm_signals.adapters.layers import wgs84_transformer
    pts = [(x0 + rng.uniform(-500, 500), y0 + rng.uniform(-500, 500))
           for _ in range(5000 if quick else 20000)]
    to_wgs = wgs84_transformer()
    ours = best_of(lambda: to_wgs(pts), runs)
    tr = pyproj.Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)
    ref = best_of(lambda: [tr.transform(x, y) for x, y in pts], runs)
    a, b = to_wgs(pts[:200]), [tr.transform(x, y) for x, y in pts[:200]]
    diff = max(max(abs(p[0] - q[0]), abs(p[1] - q[1])) for p, q in zip(a, b))
    emit("wgs84_transform", ours, ref, "pyproj {}".format(pyproj.__version__), runs,
         "{} points, point by point; max diff {:.1e} deg".format(len(pts), diff))
    app.exitQgis()


if __name__ == "__main__":
    main()
