#!/usr/bin/env python3
"""Benchmark of hamm_twin: import of a CityGML tile with 20,000 LoD2 buildings into a
GeoPackage (buildings + 3D surfaces) against ogr2ogr (GDAL's GML reader) converting the
same file to GeoPackage, side by side in the same run; time and peak memory (RSS of the
child process). Prints BENCH lines."""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = int(os.environ.get("BENCH_TWIN_N", "20000"))

OURS = """
import sys, time, resource
sys.path[:0] = [{plugins!r}]
from hamm_twin.adapters import store
t = time.perf_counter()
r = store.import_files([{src!r}], {out!r})
print(time.perf_counter() - t, r["buildings"], r["surfaces"],
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
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


def run(cmd):
    """(wall seconds, CPU seconds of the child, stdout): the machine is shared, so CPU
    time is reported beside wall time."""
    t, c = time.perf_counter(), _child_cpu()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return time.perf_counter() - t, _child_cpu() - c, proc.stdout


def peak_rss_mb(cmd) -> float:
    proc = subprocess.run([sys.executable, "-c", PEAK, *cmd], capture_output=True, text=True,
                          check=True)
    return int(proc.stdout.split()[-1]) / 1024.0


def main():
    sys.path[:0] = [os.path.join(ROOT, "tests"), os.path.join(ROOT, "plugins")]
    from twin_fixtures import stream_citygml
    with tempfile.TemporaryDirectory() as tmp:
        src = stream_citygml(os.path.join(tmp, "tile.gml"), N)
        size_mb = os.path.getsize(src) / 1e6
        ours_out = os.path.join(tmp, "ours.gpkg")
        code = OURS.format(plugins=os.path.join(ROOT, "plugins"), src=src, out=ours_out)
        ours_t, ours_cpu, out = run([sys.executable, "-c", code])
        _t_inner, buildings, surfaces, rss_kb = out.split()[-4:]
        ref_out = os.path.join(tmp, "ref.gpkg")
        ref_cmd = ["ogr2ogr", "-f", "GPKG", ref_out, src]
        ref_t, ref_cpu, _o = run(ref_cmd)
        os.remove(ref_out)
        ref_rss = peak_rss_mb(ref_cmd)  # a second conversion, only for its peak memory
        print("BENCH " + json.dumps({
            "bench": "twin", "case": "citygml_lod2_{}_buildings_to_gpkg".format(N),
            "ours": round(ours_t, 3), "reference": round(ref_t, 3),
            "reference_tool": "ogr2ogr -f GPKG (GDAL GML reader)", "unit": "s",
            "ratio": round(ours_t / ref_t, 3), "runs": 1,
            "ours_cpu": round(ours_cpu, 3), "reference_cpu": round(ref_cpu, 3),
            "cpu_ratio": round(ours_cpu / ref_cpu, 3) if ref_cpu else None,
            "note": "file {:.0f} MB; ours: {} buildings + {} 3D surfaces (goal: peak < 500 MB), "
                    "peak RSS {:.0f} MB; ogr2ogr peak RSS {:.0f} MB; CPU {:.2f} s vs {:.2f} s "
                    "(ratio {:.2f})".format(
                        size_mb, buildings, surfaces, int(rss_kb) / 1024, ref_rss, ours_cpu,
                        ref_cpu, ours_cpu / ref_cpu if ref_cpu else float("nan"))}))


if __name__ == "__main__":
    main()
