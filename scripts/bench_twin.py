#!/usr/bin/env python3
"""Benchmark of hamm_twin: import of a CityGML tile with 20,000 LoD2 buildings into a
GeoPackage (buildings + 3D surfaces) against ogr2ogr (GDAL's GML reader) converting the
same file to GeoPackage, side by side in the same run; time and peak memory. Prints BENCH
lines, one per tile:

* ``nrw``: a tile in the shape of the NRW LoD2 download (twin_fixtures.nrw_building_xml:
  CityGML 1.0, indented, external reference, six generic attributes, lod2Solid of
  references, lod2TerrainIntersection, gml:ids on every geometry element), about 200 MB:
  what a user imports;
* ``tiles``: the same number of NRW-shaped buildings in 20 tiles of about 10 MB (each
  below the size that gets worker processes of its own: the import shares them), against
  ogr2ogr appending one tile after the other;
* ``compact``: houses of the same kind without indentation, terrain intersections and geometry
  ids (twin_fixtures.stream_citygml), about 95 MB: the tile of the earlier benchmarks.

Our import reads a file this large with worker processes (adapters/parallel.py: the main
process plus up to 2 workers); the CPU time reported is that of all of them (the
workers are waited for, so their time is in RUSAGE_CHILDREN), the peak memory is the sum
of the per-process peaks (an upper bound: pages shared after fork count twice). The
machine may be shared: each side runs BENCH_TWIN_RUNS times (default 2), alternating,
and the best wall time of each is compared; our import also runs without worker
processes (HAMM_TWIN_WORKERS=0: as inside QGIS on Windows and macOS, reported as
ours_serial); ogr2ogr starts without its .gfs schema cache each time (as on a new
file). The plugin's modules are compiled to bytecode first, as QGIS leaves them after
its first start (an environment with PYTHONDONTWRITEBYTECODE would else compile them in
every run). BENCH_TWIN_CASES picks cases (default "nrw,tiles,compact")."""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = int(os.environ.get("BENCH_TWIN_N", "20000"))
RUNS = max(1, int(os.environ.get("BENCH_TWIN_RUNS", "2")))
TILES = 20  # the "tiles" case: N buildings in this many files (each below MIN_BYTES)

OURS = """
import os, sys, time, resource
sys.path[:0] = [{plugins!r}]
from hamm_twin.adapters import store
if os.path.exists({out!r}):
    os.remove({out!r})
t = time.perf_counter()
r = store.import_files({srcs!r}, {out!r})
print(time.perf_counter() - t, r["buildings"], r["surfaces"],
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      r["processes"]["workers"], r["processes"]["worker_peak_kb"])
"""


# runs a command and prints the peak RSS of that command alone (kB)
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _child_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def run(cmd, env=None):
    """(wall seconds, CPU seconds of the child and its children, stdout): the machine
    is shared, so CPU time is reported beside wall time."""
    t, c = time.perf_counter(), _child_cpu()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    return time.perf_counter() - t, _child_cpu() - c, proc.stdout


def peak_rss_mb(cmd) -> float:
    proc = subprocess.run([sys.executable, "-c", PEAK, *cmd], capture_output=True, text=True,
                          check=True)
    return int(proc.stdout.split()[-1]) / 1024.0


def bench_case(case: str, tmp: str, plugins: str) -> None:
    from twin_fixtures import stream_citygml, stream_nrw_citygml
    make = stream_citygml if case == "compact" else stream_nrw_citygml
    ours_out = os.path.join(tmp, "ours.gpkg")
    ref_out = os.path.join(tmp, "ref.gpkg")
    if case == "tiles":  # TILES tiles of N / TILES buildings, side by side
        srcs = [stream_nrw_citygml(os.path.join(tmp, "t{:02d}.gml".format(i)), N // TILES,
                                   x0=410000.0 + 3000.0 * i, first=i * (N // TILES))
                for i in range(TILES)]
        # ogr2ogr one tile after the other into the same GeoPackage
        ref_cmd = ["sh", "-c", 'for f in "$@"; do ogr2ogr -f GPKG -append "{}" "$f" || '
                   'exit 1; done'.format(ref_out), "sh"] + srcs
    else:
        srcs = [make(os.path.join(tmp, "{}.gml".format(case)), N)]
        ref_cmd = ["ogr2ogr", "-f", "GPKG", ref_out, srcs[0]]
    gfs_files = [os.path.splitext(src)[0] + ".gfs" for src in srcs]
    size_mb = sum(os.path.getsize(src) for src in srcs) / 1e6
    code = OURS.format(plugins=plugins, srcs=srcs, out=ours_out)
    ours_runs, ref_runs, serial_runs = [], [], []
    serial_env = dict(os.environ, HAMM_TWIN_WORKERS="0")
    for _ in range(RUNS):
        wall, cpu, out = run([sys.executable, "-c", code])
        ours_runs.append((wall, cpu, out.split()[-6:]))
        # without worker processes, as inside QGIS on Windows and macOS
        serial_runs.append(run([sys.executable, "-c", code], env=serial_env)[:2])
        for path in [ref_out] + gfs_files:
            if os.path.exists(path):
                os.remove(path)
        wall, cpu, _o = run(ref_cmd)
        ref_runs.append((wall, cpu))
    for path in [ref_out] + gfs_files:
        if os.path.exists(path):
            os.remove(path)
    ref_rss = peak_rss_mb(ref_cmd)  # one more conversion, only for its peak memory
    for path in [ref_out] + gfs_files + srcs:
        if os.path.exists(path):
            os.remove(path)
    ours_t, ours_cpu, fields = min(ours_runs, key=lambda r: r[0])
    ref_t, ref_cpu = min(ref_runs, key=lambda r: r[0])
    serial_t = min(w for w, _c in serial_runs)
    _t_inner, buildings, surfaces, rss_kb, workers, worker_kb = fields
    main_mb, workers_mb = int(rss_kb) / 1024, int(worker_kb) / 1024
    name = "citygml_lod2_{}_buildings_to_gpkg".format(N)
    name += {"compact": "", "nrw": "_nrw_shape", "tiles": "_in_{}_nrw_tiles".format(TILES)}[case]
    print("BENCH " + json.dumps({
        "bench": "twin", "case": name,
        "ours": round(ours_t, 3), "reference": round(ref_t, 3),
        "reference_tool": "ogr2ogr -f GPKG (GDAL GML reader)", "unit": "s",
        "ratio": round(ours_t / ref_t, 3), "runs": RUNS,
        "ours_cpu": round(ours_cpu, 3), "reference_cpu": round(ref_cpu, 3),
        "cpu_ratio": round(ours_cpu / ref_cpu, 3) if ref_cpu else None,
        "processes": 1 + int(workers),
        "ours_serial": round(serial_t, 3), "serial_ratio": round(serial_t / ref_t, 3),
        "all_runs": {"ours": [[round(w, 2), round(c, 2)] for w, c, _f in ours_runs],
                     "reference": [[round(w, 2), round(c, 2)] for w, c in ref_runs],
                     "ours_serial": [[round(w, 2), round(c, 2)] for w, c in serial_runs]},
        "note": "{}, {:.0f} MB; ours: {} buildings + {} 3D surfaces with {} "
                "processes (main + {} workers); peak RSS {:.0f} MB (main {:.0f} + workers "
                "{:.0f}, sum of per-process peaks; goal < 500 MB); ogr2ogr peak RSS {:.0f} MB; "
                "best wall of {} alternating runs; CPU (all processes) {:.2f} s vs "
                "{:.2f} s (ratio {:.2f}); without worker processes (QGIS on Windows and "
                "macOS) {:.2f} s".format(
                    {"nrw": "NRW-download-shaped tile", "compact": "compact tile",
                     "tiles": "{} NRW-shaped tiles (ogr2ogr -append one after the "
                              "other)".format(TILES)}[case], size_mb,
                    buildings, surfaces, 1 + int(workers), workers, main_mb + workers_mb,
                    main_mb, workers_mb, ref_rss, RUNS, ours_cpu, ref_cpu,
                    ours_cpu / ref_cpu if ref_cpu else float("nan"), serial_t)}), flush=True)


def main():
    sys.path[:0] = [os.path.join(ROOT, "tests"), os.path.join(ROOT, "plugins")]
    plugins = os.path.join(ROOT, "plugins")
    # bytecode as an installed plugin has it after QGIS's first start
    subprocess.run([sys.executable, "-m", "compileall", "-q",
                    os.path.join(plugins, "hamm_core"), os.path.join(plugins, "hamm_twin")],
                   check=True, stdout=subprocess.DEVNULL)
    cases = [c.strip() for c in os.environ.get("BENCH_TWIN_CASES", "nrw,tiles,compact")
             .split(",") if c.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            bench_case(case, tmp, plugins)


if __name__ == "__main__":
    main()
