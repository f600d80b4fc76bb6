"""Benchmark of hamm_lorawan (run with /usr/bin/python3).

1. coverage of one gateway over a synthetic 20 km x 20 km DEM + DSM at 10 m (4 million
   cells) with Deygout diffraction (radial sweep), against gdal_viewshed (line of sight
   only) on the same DSM, runs interleaved, best of each; and against SPLAT! (area mode,
   ITM) for a comparable 10 km radius on a 3" tile;
   wall time and CPU time (gdal_viewshed runs two threads; ours two where a core is idle, else one);
2. siting with 300 candidates and 50,000 demand points, each against the textbook MILP in
   scipy's HiGHS with the same 60 s limit, in the same run:
   - realistic: a synthetic 8 km x 8 km city (DEM + DSM at 10 m, building blocks, terrain),
     coverage of every candidate from the suite's coverage() (Hata urban + Deygout), demand
     on buildings weighted by floors; the instance build is timed separately;
   - adversarial, uncorrelated: coverage drawn independently per (demand, candidate) pair.
   Ours: presolve (fixed-covered demand, dominated candidates, identical covering sets),
   lazy greedy, iterated local search, Lagrangian bound, then HiGHS on the reduced
   instance where it fits, else the cluster decomposition bound (siting.cluster_bound).
   The gap is (bound - incumbent) / bound with a true upper bound.
Prints one BENCH line per case (stderr gets a readable summary). Options: --quick (fewer
coverage runs), --only coverage|siting.
"""

import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from hamm_lorawan.logic import siting  # noqa: E402
from hamm_lorawan.logic.coverage import Gateway, Grid, coverage  # noqa: E402
from hamm_lorawan.logic.radio import PathModel, RadioParams  # noqa: E402

gdal.UseExceptions()


def bench(case, ours, ref, tool, runs, note):
    print(
        "BENCH "
        + json.dumps(
            {
                "bench": "lorawan",
                "case": case,
                "ours": round(ours, 4),
                "reference": round(ref, 4),
                "reference_tool": tool,
                "unit": "s",
                "ratio": round(ours / ref, 3) if ref else None,
                "runs": runs,
                "note": note,
            }
        ),
        flush=True,
    )


def synthetic(n=2000, seed=1):
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32) / n
    ground = (60 + 25 * np.sin(3 * xx) * np.cos(2 * yy) + 10 * np.sin(11 * xx + 3 * yy)).astype(np.float32)
    surface = ground.copy()
    for _ in range(40000):
        r, c = rng.integers(0, n - 4, 2)
        surface[r : r + 3, c : c + 3] = ground[r, c] + rng.uniform(6, 30)
    return ground, surface


def write_tif(path, arr, gt, epsg):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), arr.shape[1], arr.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform(gt)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(arr)
    ds = None


def best_of(func, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return min(times)


def cpu_seconds():
    """CPU time (user + system) of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def interleaved(funcs, runs, cpu=None):
    """Best wall time of each function, run in turns (fairer on a machine shared with
    others); with a list ``cpu``, the CPU seconds of each best run are appended to it."""
    times = [[] for _ in funcs]
    cpus = [[] for _ in funcs]
    for _ in range(runs):
        for i, func in enumerate(funcs):
            c = cpu_seconds()
            t = time.perf_counter()
            func()
            times[i].append(time.perf_counter() - t)
            cpus[i].append(cpu_seconds() - c)
    if cpu is not None:
        cpu.extend(c[int(np.argmin(t))] for t, c in zip(times, cpus))
    return [min(t) for t in times]


def coverage_bench(tmp: Path):
    ground, surface = synthetic()
    gt = (400000.0, 10.0, 0.0, 5730000.0, 0.0, -10.0)
    write_tif(tmp / "dem.tif", ground, gt, 25832)
    write_tif(tmp / "dsm.tif", surface, gt, 25832)
    gx, gy = 410005.0, 5720005.0

    def ours():
        dem = gdal.Open(str(tmp / "dem.tif")).ReadAsArray().astype(np.float32, copy=False)
        dsm = gdal.Open(str(tmp / "dsm.tif")).ReadAsArray().astype(np.float32, copy=False)
        grid = Grid(dem, np.fmax(dem, dsm), gt[0], gt[3], 10.0, 10.0)
        return coverage(
            grid,
            [Gateway(gx, gy, 30.0)],
            PathModel(name="hata_urban"),
            RadioParams(),
            max_range_m=15000.0,
        )

    def viewshed():
        subprocess.run(
            [
                "gdal_viewshed",
                "-q",
                "-ox",
                str(gx),
                "-oy",
                str(gy),
                "-oz",
                "30",
                "-tz",
                "1.5",
                str(tmp / "dsm.tif"),
                str(tmp / "vs.tif"),
            ],
            check=True,
            capture_output=True,
        )

    runs = 3 if QUICK else 5
    cpu = []
    t_ours, t_vs = interleaved([ours, viewshed], runs, cpu)
    bench(
        "coverage_20km_10m_one_gateway_vs_viewshed",
        t_ours,
        t_vs,
        "gdal_viewshed",
        runs,
        "4.0 M cells, Hata urban + Deygout over DEM+DSM (incl. GeoTIFF read; power, SF, server and "
        "count arrays); viewshed is line of sight only; wall time; goal: ratio <= 2",
    )
    bench(
        "coverage_20km_10m_one_gateway_vs_viewshed_cpu_time",
        cpu[0],
        cpu[1],
        "gdal_viewshed",
        runs,
        "CPU seconds (user + system) of the best wall-time run of each: ours runs in two threads "
        "where a core is idle, else one; gdal_viewshed uses two",
    )
    print(
        "# coverage 4 M cells: ours {:.3f} s wall / {:.3f} s CPU, gdal_viewshed {:.3f} s / {:.3f} s CPU, "
        "ratio {:.2f} wall / {:.2f} CPU; peak memory {:.0f} MB".format(
            t_ours,
            cpu[0],
            t_vs,
            cpu[1],
            t_ours / t_vs,
            cpu[0] / cpu[1] if cpu[1] else float("nan"),
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
        ),
        file=sys.stderr,
    )
    splat = shutil.which("splat")
    if not splat or not shutil.which("srtm2sdf"):
        print("# splat not installed: SPLAT! comparison skipped", flush=True)
        return t_ours
    # a 1 x 1 degree 3" tile (1201 x 1201) around Hamm made of the same synthetic surface
    tile = np.kron(surface[:1201, :1201], np.ones((1, 1), np.float32))[:1201, :1201]
    tdir = tmp / "splat"
    tdir.mkdir()
    write_tif(tdir / "tile.tif", tile, (7.0 - 1 / 2400, 1 / 1200, 0, 52.0 + 1 / 2400, 0, -1 / 1200), 4326)
    gdal.Translate(
        str(tdir / "N51E007.hgt"), str(tdir / "tile.tif"), format="SRTMHGT", outputType=gdal.GDT_Int16
    )
    subprocess.run(["srtm2sdf", "N51E007.hgt"], cwd=tdir, check=True, capture_output=True)
    (tdir / "gw.qth").write_text("gw\n51.68\n-7.82\n30 meters\n")  # SPLAT! uses west longitude
    (tdir / "gw.lrp").write_text("15.000\n0.005\n301.000\n868.100\n5\n1\n0.50\n0.90\n25.0\n")

    def run_splat():
        subprocess.run(
            [
                splat,
                "-t",
                "gw.qth",
                "-L",
                "1.5",
                "-R",
                "10",
                "-metric",
                "-dbm",
                "-d",
                str(tdir),
                "-ano",
                "out.dat",
            ],
            cwd=tdir,
            check=False,
            capture_output=True,
            timeout=600,
        )

    def ours_small():
        n = 2000
        grid = Grid(ground[:n, :n], np.fmax(ground, surface)[:n, :n], gt[0], gt[3], 10.0, 10.0)
        coverage(
            grid,
            [Gateway(gx, gy, 30.0)],
            PathModel(name="hata_urban"),
            RadioParams(),
            max_range_m=10000.0,
        )

    t_splat = best_of(run_splat, 1)
    t_small = best_of(ours_small, 3)
    bench(
        "coverage_10km_radius_vs_splat",
        t_small,
        t_splat,
        'splat (area mode, ITM, 3" tile)',
        1,
        "ours 10 m cells in a 10 km radius (3.1 M cells, best of 3); SPLAT! 3 arc-second cells in a "
        "10 km radius (one run)",
    )
    print(
        "# SPLAT!: ours {:.3f} s, splat {:.3f} s, ratio {:.3f}".format(t_small, t_splat, t_small / t_splat),
        file=sys.stderr,
    )
    return t_ours


def city(n=800, cell=10.0, seed=3):
    """A synthetic 8 km x 8 km city at 10 m: gentle terrain with a river valley, six
    district centres (dense and tall in the middle, low houses outside), a street grid
    with blocks of 100 m split into 20 m lots, a few towers, trees along the river.
    Returns ground, surface, built mask, building height and density (all n x n)."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32) * np.float32(cell)  # metres from the NW corner
    km = np.float32(1000.0)
    ground = (
        62
        + 6 * np.sin(xx / (1.7 * km)) * np.cos(yy / (2.3 * km))
        + 12 * np.exp(-(((xx - 6.3 * km) / (0.9 * km)) ** 2 + ((yy - 6.6 * km) / (0.7 * km)) ** 2))
    )
    dist_river = np.abs(yy - (3.1 * km + 0.35 * km * np.sin(xx / (1.3 * km))))
    ground -= 5 * np.exp(-((dist_river / (0.25 * km)) ** 2))
    # district centres: x, y (km), radius (km), share of lots built, typical height (m)
    centres = [
        (4.0, 4.0, 1.1, 0.9, 16.0),
        (1.5, 1.4, 0.7, 0.6, 11.0),
        (6.6, 1.5, 0.8, 0.6, 10.0),
        (1.2, 6.5, 0.8, 0.55, 10.0),
        (6.5, 6.2, 0.6, 0.5, 9.0),
        (4.2, 1.2, 0.5, 0.45, 9.0),
    ]
    dens = np.zeros_like(xx)
    hgt = np.full_like(xx, 7.0)
    for cx, cy, rad, d0, h0 in centres:
        g = np.exp(-(((xx - cx * km) ** 2 + (yy - cy * km) ** 2) / (2 * (rad * km) ** 2)))
        dens = np.maximum(dens, d0 * g)
        hgt = np.maximum(hgt, h0 * g + 7.0 * (1 - g))
    dens[dist_river < 120] = 0.0  # river and meadows
    r = np.arange(n)
    street_r = (r % 10 == 0) | (r % 50 == 1)  # 10 m streets, every fifth one 20 m wide
    street = street_r[:, None] | street_r[None, :]
    lots = r // 2
    lot_id = lots[:, None] * (n // 2 + 1) + lots[None, :]
    built = (~street) & (rng.random(lot_id.max() + 1)[lot_id] < dens)
    height = np.where(built, hgt * rng.lognormal(0.0, 0.3, lot_id.max() + 1)[lot_id], 0.0)
    tower = built & (rng.random((n, n)) < 0.002) & (dens > 0.6)
    height[tower] += rng.uniform(20, 45, int(tower.sum()))
    trees = (~built) & (rng.random((n, n)) < 0.25 * np.exp(-((dist_river / 300) ** 2)))
    height[trees] = rng.uniform(8, 18, int(trees.sum()))
    ground = ground.astype(np.float32)
    return ground, (ground + height).astype(np.float32), built, height, dens


def city_instance(model_name="hata_urban", n_d=50000, n_c=300, seed=5):
    """Realistic siting instance: 50,000 demand points on building cells (more where the
    city is dense, weight = floors), 240 rooftop candidates on tall buildings (antenna 4 m
    above the roof) and 60 masts (30-45 m) in open land; who hears whom from the suite's
    coverage() (model + Deygout over the DSM) against SF12 sensitivity + fade margin."""
    from hamm_lorawan.logic.radio import SPREADING_FACTORS, required_power

    rng = np.random.default_rng(seed)
    ground, surface, built, height, dens = city()
    n = ground.shape[0]
    x0, y0, cell = 400000.0, 5735000.0, 10.0
    grid = Grid(ground, surface, x0, y0, cell, cell)
    bidx = np.flatnonzero(built)
    floors = np.ceil(height.ravel() / 3.0)
    p = dens.ravel()[bidx] * floors[bidx]
    dem = rng.choice(bidx, n_d, replace=False, p=p / p.sum())
    dr, dc = np.divmod(dem, n)
    weights = floors[dem]
    q = height.ravel()[bidx] ** 3
    roofs = rng.choice(bidx, n_c - 60, replace=False, p=q / q.sum())
    masts = rng.choice(np.flatnonzero(~built & (dens < 0.2)), 60, replace=False)
    gws = []
    for c, h in [(c, float(height.ravel()[c]) + 4.0) for c in roofs] + [
        (c, float(rng.uniform(30, 45))) for c in masts
    ]:
        r_, c_ = divmod(int(c), n)
        gws.append(Gateway(x0 + (c_ + 0.5) * cell, y0 - (r_ + 0.5) * cell, h))
    params = RadioParams()
    hear = required_power(max(SPREADING_FACTORS), params) + params.fade_margin_db
    model = PathModel(name=model_name)
    cover = []
    for gw in gws:
        rx = coverage(grid, [gw], model, params, max_range_m=8000.0)["rx_dbm"]
        cover.append(np.flatnonzero(rx[dr, dc] >= hear))
    return cover, weights


def random_instance():
    """The adversarial instance: coverage of every (demand, candidate) pair drawn
    independently (log-distance + 6 dB shadowing per pair), so no two demand points share
    a covering set and the LP relaxation is far from any integer solution."""
    rng = np.random.default_rng(0)
    n_d, n_c = 50000, 300
    pts = rng.uniform(0, 20000, (n_d, 2))
    cand = rng.uniform(0, 20000, (n_c, 2))
    params = RadioParams()
    model = PathModel(name="log_distance", pl0=40.0, n=3.0)
    cover = []
    for s in range(n_c):
        d = np.hypot(*(pts - cand[s]).T)
        shadow = rng.normal(0, 6.0, n_d)
        rx = params.eirp_dbm + 3.0 - model.basic_loss(d, 30, 1.5) - shadow
        cover.append(np.nonzero(rx >= -127.0)[0])
    return cover, rng.integers(1, 5, n_d).astype(float)


def plain_highs(problem, k, time_limit, target_share=None):
    """The textbook model straight into scipy's milp (HiGHS): one y per demand point,
    r * y_i <= sum of x_s over the sites hearing i, fixed x = 1; either sum of the free
    x <= k (maximise the covered weight) or covered weight >= target (minimise the cost).
    Returns (covered weight, cost, dual bound or None, seconds)."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix, hstack, identity

    t = time.perf_counter()
    n_s, n_d, r = problem.n_sites, problem.weights.size, problem.redundancy
    sizes = [c.size for c in problem.cover]
    a = coo_matrix(
        (np.ones(sum(sizes)), (np.concatenate(problem.cover), np.repeat(np.arange(n_s), sizes))),
        shape=(n_d, n_s),
    )
    a_cover = hstack([-a, r * identity(n_d)]).tocsr()
    free = np.ones(n_s)
    free[list(problem.fixed)] = 0.0
    lb = np.zeros(n_s + n_d)
    lb[list(problem.fixed)] = 1.0
    integrality = np.concatenate([np.ones(n_s), np.full(n_d, 1.0 if r > 1 else 0.0)])
    if target_share is None:
        c = np.concatenate([np.zeros(n_s), -problem.weights])
        limit = LinearConstraint(np.concatenate([free, np.zeros(n_d)])[None, :], -np.inf, float(k))
    else:
        c = np.concatenate([problem.costs * free, np.zeros(n_d)])
        need = target_share * problem.total_weight
        row = np.concatenate([np.zeros(n_s), problem.weights])[None, :]
        limit = LinearConstraint(row, need - 1e-9, np.inf)
    res = milp(
        c,
        constraints=[LinearConstraint(a_cover, -np.inf, 0.0), limit],
        integrality=integrality,
        bounds=Bounds(lb, np.ones(n_s + n_d)),
        options={"time_limit": float(time_limit), "mip_rel_gap": 0.01, "disp": False},
    )
    seconds = time.perf_counter() - t
    dual = getattr(res, "mip_dual_bound", None)
    dual = (-dual if target_share is None else dual) if dual is not None and np.isfinite(dual) else None
    if res.x is None:
        return 0.0, math.inf, dual, seconds
    chosen = sorted(set(np.flatnonzero(res.x[:n_s] > 0.5).tolist()) | set(problem.fixed))
    cost = float(problem.costs[[s for s in chosen if s not in set(problem.fixed)]].sum())
    return problem.covered_weight(chosen), cost, dual, seconds


def siting_case(case, label, problem, k, build_s, time_limit=60.0, target_share=None):
    t = time.perf_counter()
    res = siting.solve(problem, k=k, target_share=target_share, rel_gap=0.01, time_limit_s=time_limit)
    t_ours = time.perf_counter() - t
    ref_w, ref_cost, ref_bound, t_ref = plain_highs(problem, k, time_limit, target_share)
    total = problem.total_weight
    if target_share is None:
        if ref_bound is not None:
            ref_bound = min(ref_bound, total)
        ref_gap = (ref_bound - ref_w) / ref_bound if ref_bound and ref_w else None
        ours_txt = "share {:.4f}, certified gap {:.2%} (bound {:.0f})".format(res.share, res.gap, res.bound)
        ref_txt = "share {:.4f}".format(ref_w / total)
    else:
        solved = ref_bound is not None and math.isfinite(ref_cost)
        ref_gap = (ref_cost - ref_bound) / ref_cost if solved else None
        ours_txt = "{} new sites (cost {:.0f}), share {:.4f}, cost at least {:.0f}, gap {:.2%}".format(
            len(res.chosen) - len(problem.fixed), res.cost, res.share, res.bound, res.gap
        )
        ref_txt = "cost {:.0f}".format(ref_cost) if math.isfinite(ref_cost) else "no solution"
    note = (
        "{label}; instance built in {b:.1f} s (not timed below); ours {m}: {o}; plain HiGHS (textbook model, "
        "{tl:.0f} s limit): {r}, gap {rg}; goal: < 60 s with gap < 1 %"
    ).format(
        label=label,
        b=build_s,
        m=res.method,
        o=ours_txt,
        tl=time_limit,
        r=ref_txt,
        rg="{:.2%}".format(ref_gap) if ref_gap is not None else "none (no dual bound)",
    )
    bench(case, t_ours, t_ref, "scipy milp (HiGHS), textbook model, 60 s limit", 1, note)
    print(
        "# {}: ours {:.1f} s, {} ({}); HiGHS {:.1f} s, {}, gap {}".format(
            case,
            t_ours,
            ours_txt,
            res.method,
            t_ref,
            ref_txt,
            "{:.2%}".format(ref_gap) if ref_gap is not None else "-",
        ),
        file=sys.stderr,
    )


def siting_bench():
    t = time.perf_counter()
    cover, weights = city_instance()
    build_s = time.perf_counter() - t
    problem = siting.SitingProblem(cover, weights, fixed=[0, 1])
    for k in (20, 40):
        siting_case(
            "siting_city_300_candidates_50k_demand_k{}".format(k),
            "realistic: synthetic 8 km city, coverage() Hata urban + Deygout, 2 fixed + {} new sites".format(
                k
            ),
            problem,
            k,
            build_s,
        )
    # the other goals on the same city: redundancy 2, and the fewest sites for a share
    siting_case(
        "siting_city_300_candidates_50k_demand_k20_r2",
        "realistic: the same city, 2 fixed + 20 new sites, every point heard by 2 gateways",
        siting.SitingProblem(cover, weights, fixed=[0, 1], redundancy=2),
        20,
        build_s,
    )
    for share, r in ((0.8, 1), (0.6, 2)):
        siting_case(
            "siting_city_300_candidates_50k_demand_fewest_{:.0f}pct_r{}".format(100 * share, r),
            "realistic: the same city, 2 fixed, fewest new sites for {:.0%} of the demand heard by {} "
            "gateway(s)".format(share, r),
            siting.SitingProblem(cover, weights, fixed=[0, 1], redundancy=r),
            None,
            build_s,
            target_share=share,
        )
    # the same city with less clutter loss: coverage saturates, the LP bound is tight
    t = time.perf_counter()
    cover, weights = city_instance("hata_suburban")
    build_s = time.perf_counter() - t
    siting_case(
        "siting_city_suburban_300_candidates_50k_demand_k20",
        "realistic, saturated: the same city and candidates with Hata suburban + Deygout, 2 fixed + 20 new",
        siting.SitingProblem(cover, weights, fixed=[0, 1]),
        20,
        build_s,
    )
    t = time.perf_counter()
    cover, weights = random_instance()
    build_s = time.perf_counter() - t
    siting_case(
        "siting_adversarial_uncorrelated_300_candidates_50k_demand_k20",
        "adversarial, uncorrelated: coverage drawn independently per (demand, candidate) pair",
        siting.SitingProblem(cover, weights, fixed=[0, 1]),
        20,
        build_s,
    )


QUICK = "--quick" in sys.argv


def main():
    os.environ.setdefault("OMP_NUM_THREADS", "2")
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    if only in (None, "coverage"):
        with tempfile.TemporaryDirectory() as tmp:
            coverage_bench(Path(tmp))
    if only in (None, "siting"):
        siting_bench()


if __name__ == "__main__":
    main()
