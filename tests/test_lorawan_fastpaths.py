"""hamm_lorawan fast paths: the radial sweep against per-cell profiles, the lookup tables,
the demand aggregation and the local search of the siting. Reference values come from the
per-link functions (radio.link_budget) or from brute force, computed here."""

import itertools
import math

import numpy as np
import pytest

from hamm_lorawan.logic import radio, siting
from hamm_lorawan.logic.coverage import Gateway, Grid, coverage, j_lookup, path_loss_grid, sf_of

pytestmark = pytest.mark.pure


def _city(n=160, cell=10.0, seed=3, dy=None):
    """Rolling terrain with 120 random blocks 8-30 m high."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:n, 0:n] / n
    ground = (50 + 15 * np.sin(4 * xx) * np.cos(3 * yy)).astype(np.float32)
    surface = ground.copy()
    for _ in range(120):
        r, c = rng.integers(0, n - 6, 2)
        surface[r : r + rng.integers(2, 6), c : c + rng.integers(2, 6)] = ground[r, c] + rng.uniform(8, 30)
    dy = dy or cell
    return Grid(ground, surface, 0.0, n * dy, cell, dy)


def _reference(grid, gw, row, col, method, model, params):
    x = grid.x0 + (col + 0.5) * grid.dx
    y = grid.y0 - (row + 0.5) * grid.dy
    d, s, g = radio.sample_profile(
        grid.surface, grid.ground, grid.x0, grid.y0, grid.dx, grid.dy, (gw.x, gw.y), (x, y)
    )
    return radio.link_budget(d, s, g, gw.height_agl, model, params, method=method).path_loss_db


def _differences(grid, gw, method, n_cells=300, seed=0):
    model, params = radio.PathModel(), radio.RadioParams()
    rs, cs, loss = path_loss_grid(grid, gw, model, params, method, 15000.0)
    assert (rs.start, cs.start) == (0, 0) and loss.shape == grid.shape
    rng = np.random.default_rng(seed)
    out = []
    for row, col in rng.integers(0, grid.shape[0], (n_cells, 2)):
        x = grid.x0 + (col + 0.5) * grid.dx
        y = grid.y0 - (row + 0.5) * grid.dy
        if math.hypot(x - gw.x, y - gw.y) < 30.0:
            continue
        out.append(float(loss[row, col]) - _reference(grid, gw, row, col, method, model, params))
    return np.abs(out)


# Stated tolerance of the sweep against per-cell profiles (dB): the sweep keeps two edges
# per ray (horizon and the horizon seen from it) where Deygout on a profile may take three,
# and a ray passes up to half a cell beside the straight profile line.
TOLERANCE = {
    "deygout": {"median": 0.5, "p75": 2.0, "p90": 8.0},
    "bullington": {"median": 0.5, "p75": 1.5, "p90": 4.0},
}


@pytest.mark.parametrize("method", ["deygout", "bullington"])
def test_sweep_matches_per_cell_profiles_within_the_stated_tolerance(method):
    grid = _city()
    diff = _differences(grid, Gateway(805.0, 795.0, 25.0), method)
    tol = TOLERANCE[method]
    assert np.median(diff) <= tol["median"]
    assert np.percentile(diff, 75) <= tol["p75"]
    assert np.percentile(diff, 90) <= tol["p90"]


def test_sweep_with_rectangular_cells_and_gateway_in_a_corner():
    grid = _city(n=120, dy=6.0, seed=5)
    gw = Gateway(15.0, 12.0, 25.0)  # south-west corner cell
    diff = _differences(grid, gw, "bullington", n_cells=200, seed=1)
    # paths up to 1.2 km over many blocks: the receiver's steepest line is taken over the
    # two tracked edges only, so the tail is wider than from the middle of the raster
    assert np.median(diff) <= 0.5 and np.percentile(diff, 75) <= 2.5 and np.percentile(diff, 90) <= 7.0
    _rs, _cs, loss = path_loss_grid(grid, gw, radio.PathModel(), radio.RadioParams(), "bullington")
    assert np.isfinite(loss).all()  # every cell of the raster got a value


def test_sweep_over_flat_open_ground_is_free_space_in_every_cell():
    n, cell = 150, 10.0
    ground = np.full((n, n), 40.0, dtype=np.float32)
    grid = Grid(ground, ground.copy(), 0.0, n * cell, cell, cell)
    gw = Gateway(505.0, 905.0, 30.0)
    model = radio.PathModel()
    rs, cs, loss = path_loss_grid(grid, gw, model, radio.RadioParams(), "none", max_range_m=600.0)
    rows, cols = np.mgrid[rs, cs]
    dist = np.hypot(cols * cell + 5 - gw.x, (n - rows) * cell - 5 - gw.y)
    inside = (dist <= 600.0) & (dist > 0)
    expected = radio.free_space_loss(np.maximum(dist, 5.0), 868.1)
    assert np.abs(loss[inside] - expected[inside]).max() < 0.05
    assert np.isnan(loss[dist > 600.0 + cell]).all()
    # with diffraction the smooth ground adds at most a grazing Fresnel-zone loss
    _rs, _cs, dey = path_loss_grid(grid, gw, model, radio.RadioParams(), "deygout", max_range_m=600.0)
    assert np.nanmax(dey[inside] - loss[inside]) < 1.0


def test_calibrated_obstruction_factor_scales_the_diffraction():
    grid = _city(n=100)
    gw = Gateway(505.0, 495.0, 20.0)
    params = radio.RadioParams()
    _r, _c, base = path_loss_grid(grid, gw, radio.PathModel(), params, "none")
    _r, _c, full = path_loss_grid(grid, gw, radio.PathModel(), params, "deygout")
    _r, _c, half = path_loss_grid(grid, gw, radio.PathModel(obstruction_factor=0.5), params, "deygout")
    np.testing.assert_allclose(half - base, 0.5 * (full - base), atol=1e-3)
    assert np.nanmax(full - base) > 20.0  # the blocks do shadow


def test_j_lookup_matches_itu_formula():
    nu = np.linspace(-3.0, 100.0, 20001).astype(np.float32)
    exact = radio.knife_edge_loss(nu.astype(float))
    assert np.abs(j_lookup(nu) - exact).max() < 0.03
    assert j_lookup(np.array([np.nan], dtype=np.float32))[0] == 0.0


def test_sf_of_equals_best_sf():
    params = radio.RadioParams(fade_margin_db=7.0)
    rx = np.linspace(-150.0, -90.0, 60001).astype(np.float32)
    rx[::997] = np.nan
    fast = sf_of(rx, params)
    slow = radio.best_sf(np.nan_to_num(rx.astype(float), nan=-999.0), params)
    assert fast.dtype == np.uint8 and (fast == slow).all()


def test_coverage_rasters_of_one_gateway_from_the_sweep():
    grid = _city(n=100)
    gw = Gateway(505.0, 495.0, 25.0, 5.0, 2.0)
    params = radio.RadioParams()
    out = coverage(grid, [gw], radio.PathModel(name="hata_urban"), params, max_range_m=400.0)
    rs, cs, loss = path_loss_grid(grid, gw, radio.PathModel(name="hata_urban"), params, max_range_m=400.0)
    rx = params.eirp_dbm + 5.0 - 2.0 - params.environment_loss_db - loss
    np.testing.assert_allclose(out["rx_dbm"][rs, cs], rx, atol=1e-3)
    hear = radio.required_power(12, params) + params.fade_margin_db
    assert ((out["server"] == 0) == (np.nan_to_num(out["rx_dbm"], nan=-999) >= hear)).all()
    assert np.isnan(out["rx_dbm"][0, 0]) and out["sf"][0, 0] == 0 and out["server"][0, 0] == -1


def _holey_city():
    """120 x 170 cells of 10 m x 6 m with no-data holes in the terrain and the surface."""
    grid = _city(n=170, dy=6.0, seed=7)
    grid.ground, grid.surface = grid.ground[:120].copy(), grid.surface[:120].copy()
    grid.y0 = 120 * 6.0
    rng = np.random.default_rng(2)
    grid.ground[rng.integers(0, 120, 15), rng.integers(0, 170, 15)] = np.nan
    grid.surface[rng.integers(0, 120, 15), rng.integers(0, 170, 15)] = np.nan
    return grid


# gateway in the middle, in two corners, on the top and on the right border (x, y in metres)
_GATEWAY_SPOTS = [(805.0, 355.0), (5.0, 717.0), (1695.0, 3.0), (905.0, 717.0), (1699.0, 400.0)]


@pytest.mark.parametrize("spot", _GATEWAY_SPOTS)
@pytest.mark.parametrize("method", ["deygout", "bullington", "none"])
def test_two_threads_give_exactly_the_raster_of_one(spot, method):
    grid = _holey_city()
    gw = Gateway(spot[0], spot[1], 25.0)
    model, params = radio.PathModel(name="hata_urban"), radio.RadioParams()
    one = path_loss_grid(grid, gw, model, params, method, workers=1)
    two = path_loss_grid(grid, gw, model, params, method, workers=2)
    assert (one[0], one[1]) == (two[0], two[1])
    np.testing.assert_array_equal(one[2], two[2])  # NaN in the same cells
    # the octants tile the raster: a value everywhere but on the terrain's holes
    assert (np.isnan(one[2]) == np.isnan(grid.ground)).all()
    if method != "none":  # the blocks do shadow: far more than the spread of free space
        base = path_loss_grid(grid, gw, model, params, "none", workers=1)[2]
        assert np.nanmax(one[2] - base) > 20.0


def test_two_threads_give_the_same_rasters_for_several_gateways():
    grid = _holey_city()
    gws = [Gateway(x, y, 20.0, 5.0, 2.0, str(i)) for i, (x, y) in enumerate(_GATEWAY_SPOTS)]
    model, params = radio.PathModel(name="hata_urban"), radio.RadioParams()
    one = coverage(grid, gws, model, params, max_range_m=900.0, workers=1)
    two = coverage(grid, gws, model, params, max_range_m=900.0, workers=2)
    for key in ("rx_dbm", "sf", "server", "count"):
        np.testing.assert_array_equal(one[key], two[key])
    assert set(np.unique(one["server"])) == {-1, 0, 1, 2, 3, 4}  # every gateway serves somewhere
    assert one["count"].max() >= 2
    # one gateway alone: the same rasters from one or two threads, and automatically
    single = [coverage(grid, gws[:1], model, params, workers=w) for w in (1, 2, None)]
    for key in ("rx_dbm", "sf", "server", "count"):
        np.testing.assert_array_equal(single[0][key], single[1][key])
        np.testing.assert_array_equal(single[0][key], single[2][key])


@pytest.mark.parametrize("shape", [(1, 40), (40, 1), (1, 1), (2, 3)])
def test_sweep_on_thin_rasters_fills_every_cell(shape):
    ground = np.full(shape, 30.0, dtype=np.float32)
    grid = Grid(ground, ground + 5.0, 0.0, shape[0] * 10.0, 10.0, 10.0)
    gw = Gateway(5.0, shape[0] * 10.0 - 5.0, 10.0)  # in the upper left cell
    for workers in (1, 2):
        _r, _c, loss = path_loss_grid(grid, gw, radio.PathModel(), radio.RadioParams(), workers=workers)
        assert loss.shape == shape and np.isfinite(loss).all()
        assert loss[0, 0] == loss.min()  # the gateway's own cell is the closest


def test_second_thread_only_for_large_windows_on_an_idle_machine(monkeypatch):
    from hamm_lorawan.logic import coverage as cov

    monkeypatch.setattr(cov.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(cov, "_busy_elsewhere", lambda: 0.0)  # the other core idle
    assert cov._auto_workers(4_000_000) == 2
    assert cov._auto_workers(10_000) == 1  # small: starting a thread costs more
    monkeypatch.setattr(cov, "_busy_elsewhere", lambda: 1.0)  # the other core busy
    assert cov._auto_workers(4_000_000) == 1
    monkeypatch.setattr(cov, "_busy_elsewhere", lambda: None)  # the system does not tell
    assert cov._auto_workers(4_000_000) == 2
    monkeypatch.setattr(cov.os, "cpu_count", lambda: 1)
    assert cov._auto_workers(4_000_000) == 1


def test_cancelling_stops_both_threads_and_progress_comes_from_the_caller():
    import threading

    from hamm_lorawan.logic.errors import LoRaError

    grid = _city(n=600, seed=4)
    gw = Gateway(3005.0, 2995.0, 25.0)
    caller = threading.get_ident()
    seen, asked = [], []

    def progress(frac):
        seen.append((frac, threading.get_ident()))

    def cancelled():
        asked.append(threading.get_ident())
        return len(asked) > 6

    before = threading.active_count()
    with pytest.raises(LoRaError, match="Cancelled"):
        path_loss_grid(
            grid,
            gw,
            radio.PathModel(),
            radio.RadioParams(),
            progress=progress,
            cancelled=cancelled,
            workers=2,
        )
    assert threading.active_count() == before  # the helper thread has ended
    assert seen and all(ident == caller for _f, ident in seen)
    fracs = [f for f, _i in seen]
    assert fracs == sorted(fracs) and fracs[0] >= 0.0 and fracs[-1] < 1.0  # stopped early
    # without cancelling, progress runs to the end
    seen.clear()
    path_loss_grid(grid, gw, radio.PathModel(), radio.RadioParams(), progress=progress, workers=2)
    assert seen[-1][0] == 1.0 and all(ident == caller for _f, ident in seen)


# ---------------------------------------------------------------- siting


def _instance(seed, n_d=60, n_s=10, dup=3):
    rng = np.random.default_rng(seed)
    base = [np.nonzero(rng.random(n_d) < 0.3)[0] for _ in range(n_s)]
    # every demand point appears ``dup`` times: same covering sites, other weight
    cover = [np.concatenate([c + i * n_d for i in range(dup)]) for c in base]
    weights = rng.integers(1, 9, n_d * dup).astype(float)
    return cover, weights


@pytest.mark.parametrize("r", [1, 2])
def test_aggregation_preserves_the_objective_exactly(r):
    cover, weights = _instance(11)
    problem = siting.SitingProblem(cover, weights, redundancy=r)
    group_w, keys, lost = siting.aggregate(problem)
    assert len(keys) < weights.size and group_w.sum() + lost == pytest.approx(weights.sum())
    rng = np.random.default_rng(2)
    for _ in range(50):
        chosen = sorted(rng.choice(problem.n_sites, rng.integers(1, 6), replace=False).tolist())
        by_groups = sum(w for w, sites in zip(group_w, keys) if len(set(sites) & set(chosen)) >= r)
        assert by_groups == pytest.approx(problem.covered_weight(chosen))


def test_incidence_sums_match_loops():
    cover, weights = _instance(4)
    problem = siting.SitingProblem(cover + [np.array([], dtype=int)], weights)
    inc = siting._Incidence(problem)
    v = np.random.default_rng(0).random(weights.size)
    np.testing.assert_allclose(inc.sums(v), [v[c].sum() for c in problem.cover])
    pts = np.array([0, 5, 7, 100])
    expected = [v[np.intersect1d(c, pts)].sum() for c in problem.cover]
    np.testing.assert_allclose(inc.sites_sums(pts, v), expected)


def _brute_force(problem, k):
    free = [s for s in range(problem.n_sites) if s not in problem.fixed]
    return max(problem.covered_weight(list(problem.fixed) + list(c)) for c in itertools.combinations(free, k))


@pytest.mark.parametrize("r", [1, 2])
@pytest.mark.parametrize("seed", range(5))
def test_local_search_between_greedy_and_the_optimum(seed, r):
    cover, weights = _instance(seed, n_d=40, n_s=11, dup=1)
    for fixed in ((), (2,)):
        problem = siting.SitingProblem(cover, weights, fixed=fixed, redundancy=r)
        for k in (2, 3):
            greedy = siting.lazy_greedy(problem, k=k)
            before = greedy.covered_weight
            better = siting.improve(problem, greedy, budget_s=5.0)
            opt = _brute_force(problem, k)
            assert before - 1e-9 <= better.covered_weight <= opt + 1e-9
            assert better.covered_weight == pytest.approx(problem.covered_weight(better.chosen))
            assert set(fixed) <= set(better.chosen) and len(set(better.chosen)) == len(fixed) + k
            bound = siting.lp_bound(problem, k=k)
            assert bound >= opt - 1e-6
            # it ends where no single swap of a free site gains
            for s in set(better.chosen) - set(fixed):
                for t in set(range(problem.n_sites)) - set(better.chosen):
                    swapped = [t if c == s else c for c in better.chosen]
                    assert problem.covered_weight(swapped) <= better.covered_weight + 1e-9


def test_local_search_escapes_the_greedy_trap():
    cover = [np.arange(0, 6), np.arange(6, 12), np.array([0, 1, 2, 6, 7, 8, 9])]
    problem = siting.SitingProblem(cover, np.ones(12))
    res = siting.improve(problem, siting.lazy_greedy(problem, k=2))
    assert res.covered_weight == 12 and sorted(res.chosen) == [0, 1]


def _clustered(seed, n_d=36, n_s=10):
    """Crafted instance with duplicated demand, a dominated site (site 9 reaches part of
    what site 0 reaches) and demand no site hears."""
    cover, weights = _instance(seed, n_d=n_d, n_s=n_s - 1, dup=2)
    cover.append(cover[0][::2].copy())
    weights = np.concatenate([weights, [5.0, 7.0]])  # the last two points: nobody hears them
    return cover, weights


@pytest.mark.parametrize("seed", range(4))
def test_presolve_preserves_the_objective_of_every_choice(seed):
    cover, weights = _clustered(seed)
    problem = siting.SitingProblem(cover, weights, fixed=(3,))
    red = siting.reduce_max_coverage(problem)
    assert red.dominated >= 1 and 9 not in red.sites.tolist() and 3 not in red.sites.tolist()
    assert red.lost >= 12.0
    assert red.problem.weights.size < weights.size
    assert red.constant == pytest.approx(problem.covered_weight([3]))
    # every choice of kept sites: the same covered weight in the original problem
    for size in (1, 2, 3):
        for local in itertools.combinations(range(red.problem.n_sites), size):
            lifted = [3] + red.lift(local)
            assert red.constant + red.problem.covered_weight(list(local)) == pytest.approx(
                problem.covered_weight(lifted)
            )
    # and the optimum is unchanged by dropping the dominated site
    for k in (1, 2, 3):
        sub_opt = max(
            red.problem.covered_weight(list(c)) for c in itertools.combinations(range(red.problem.n_sites), k)
        )
        assert red.constant + sub_opt == pytest.approx(_brute_force(problem, k))


@pytest.mark.parametrize("seed", range(4))
def test_reduced_milp_finds_the_optimum_and_its_bound_holds(seed):
    cover, weights = _clustered(seed)
    for fixed in ((), (3,)):
        problem = siting.SitingProblem(cover, weights, fixed=fixed)
        for k in (1, 2, 3):
            opt = _brute_force(problem, k)
            exact = siting.solve_milp(problem, k=k, rel_gap=0.0)
            assert exact.covered_weight == pytest.approx(opt)
            assert exact.covered_weight == pytest.approx(problem.covered_weight(exact.chosen))
            assert set(fixed) <= set(exact.chosen) and len(set(exact.chosen)) <= len(fixed) + k
            assert exact.bound >= opt - 1e-6 and exact.gap == pytest.approx(0.0, abs=1e-6)
            greedy = siting.lazy_greedy(problem, k=k)
            local = siting.improve(problem, greedy)
            assert greedy.covered_weight <= local.covered_weight + 1e-9 <= opt + 2e-9
            auto = siting.solve(problem, k=k, rel_gap=0.0)
            assert auto.covered_weight == pytest.approx(opt)
            assert auto.bound >= opt - 1e-6
            assert auto.gap == pytest.approx((auto.bound - auto.covered_weight) / auto.bound)


@pytest.mark.parametrize("seed", range(3))
def test_lagrangian_bound_is_valid_and_not_below_the_lp(seed):
    cover, weights = _instance(seed, n_d=40, n_s=11, dup=1)
    problem = siting.SitingProblem(cover, weights)
    for k in (1, 2, 3, 4):
        opt = _brute_force(problem, k)
        lag = siting.lagrangian_bound(problem, k, target=opt, iterations=300)
        lp = siting.lp_bound(problem, k=k)
        # a Lagrangian bound can only approach the LP value from above
        assert lag >= lp - 1e-6 and lp >= opt - 1e-6
        # and it is a real improvement on the trivial bound (all the weight)
        assert lag < problem.covered_weight(range(problem.n_sites)) or opt == pytest.approx(lag)


def test_large_reduced_instance_uses_the_cluster_bound(monkeypatch):
    cover, weights = _clustered(5)
    problem = siting.SitingProblem(cover, weights, fixed=(1,))
    monkeypatch.setattr(siting, "AUTO_MILP_NONZEROS", 10)
    opt = _brute_force(problem, 3)
    res = siting.solve(problem, k=3, rel_gap=0.0, time_limit_s=30.0)
    assert res.method.startswith("greedy")
    # nine kept candidates fit into one cluster: the bound is the exact optimum
    assert res.covered_weight == pytest.approx(opt)
    assert res.bound == pytest.approx(opt) and res.gap == pytest.approx(0.0, abs=1e-9)
    assert any("clusters of neighbouring candidates" in m for m in res.messages)


def test_without_scipy_the_cluster_bound_certifies_the_optimum(monkeypatch):
    cover, weights = _clustered(0)
    problem = siting.SitingProblem(cover, weights)
    monkeypatch.setattr(siting, "scipy_milp", lambda: None)
    for k in (2, 3):
        opt = _brute_force(problem, k)
        res = siting.solve(problem, k=k, rel_gap=0.0, time_limit_s=30.0)
        assert res.covered_weight == pytest.approx(opt)
        assert res.bound == pytest.approx(opt) and res.gap == pytest.approx(0.0, abs=1e-9)
        assert any("clusters of neighbouring candidates" in m for m in res.messages)


def test_too_large_to_cluster_falls_back_to_the_lp_bound(monkeypatch):
    cover, weights = _clustered(5)
    problem = siting.SitingProblem(cover, weights, fixed=(1,))
    monkeypatch.setattr(siting, "AUTO_MILP_NONZEROS", 10)
    monkeypatch.setattr(siting, "MAX_CLUSTER_CELLS", 0)
    red = siting.reduce_max_coverage(problem)
    assert siting.site_clusters(red.problem) is None
    res = siting.solve(problem, k=3, rel_gap=0.0, time_limit_s=30.0)
    opt = _brute_force(problem, 3)
    assert res.method.startswith("greedy")
    assert any("bound of the relaxation" in m for m in res.messages)
    assert not any("clusters of neighbouring candidates" in m for m in res.messages)
    assert res.bound == pytest.approx(min(res.bound, red.constant + siting.lp_bound(red.problem, k=3)))
    assert res.covered_weight <= opt + 1e-9 <= res.bound + 1e-6


def test_site_clusters_partition_the_candidates_by_shared_demand():
    # two towns 0-29 and 100-129: sites 0-3 hear the first, 4-7 the second
    rng = np.random.default_rng(4)
    cover = [np.sort(rng.choice(30, 12, replace=False)) + (0 if s < 4 else 100) for s in range(8)]
    problem = siting.SitingProblem(cover, np.ones(130))
    for size, expected in ((4, [[0, 1, 2, 3], [4, 5, 6, 7]]), (8, [[0, 1, 2, 3], [4, 5, 6, 7]])):
        # nothing is shared between the towns: they are never merged
        assert sorted(siting.site_clusters(problem, size)) == expected
    for size in (1, 2, 3):
        clusters = siting.site_clusters(problem, size)
        assert sorted(s for c in clusters for s in c) == list(range(8))
        assert max(len(c) for c in clusters) <= size
        # a cluster never mixes the towns
        assert all(len({s < 4 for s in c}) == 1 for c in clusters)


@pytest.mark.parametrize("seed", range(3))
def test_cluster_bound_is_exact_in_one_cluster_and_valid_in_many(seed):
    cover, weights = _instance(seed, n_d=40, n_s=11, dup=1)
    problem = siting.SitingProblem(cover, weights)
    lp_gaps = 0
    for k in (1, 2, 3, 4):
        opt = _brute_force(problem, k)
        # one cluster holds every candidate: the bound is the optimum itself
        assert siting.cluster_bound(problem, k, target=opt - 1.0) == pytest.approx(opt)
        lp = siting.lp_bound(problem, k=k)
        lp_gaps += lp > opt + 1e-6
        lag, u = siting._lagrangian(problem, k, opt - 1.0, iterations=50, budget_s=5.0)
        for size in (2, 3, 5):
            bound = siting.cluster_bound(problem, k, target=opt - 1.0, u0=u, size=size, iterations=200)
            # valid, and never above the Lagrangian bound it starts from
            assert opt - 1e-6 <= bound <= lag + 1e-6
        # stopped at once (cancelled): still valid
        stopped = siting.cluster_bound(problem, k, target=opt, u0=u, size=3, cancelled=lambda: True)
        assert opt - 1e-6 <= stopped <= lag + 1e-6
    # the instances are ones where the LP relaxation is not exact
    assert lp_gaps >= 1


def test_cluster_bound_beats_the_lp_where_the_clusters_are_separate():
    # three towns, each with 5 candidates of overlapping reach: the LP spreads fractions
    # of sites over every town; each town's coverage is exact within its cluster
    rng = np.random.default_rng(7)
    cover, n_town = [], 40
    for town in range(3):
        for _ in range(5):
            cover.append(np.sort(rng.choice(n_town, 20, replace=False)) + town * n_town)
    weights = rng.integers(1, 9, 3 * n_town).astype(float)
    problem = siting.SitingProblem(cover, weights)
    for k in (4, 5):
        opt = _brute_force(problem, k)
        lp = siting.lp_bound(problem, k=k)
        bound = siting.cluster_bound(problem, k, target=opt, size=5)
        assert bound == pytest.approx(opt)
        assert lp > opt + 1.0


def test_everything_heard_by_fixed_sites_needs_no_search():
    cover = [np.arange(10), np.arange(5), np.arange(5, 10)]
    problem = siting.SitingProblem(cover, np.ones(10), fixed=(0,))
    res = siting.solve(problem, k=1)
    assert res.chosen[0] == 0 and res.share == 1.0 and res.gap == 0.0


def test_presolve_keeps_one_of_identical_candidates():
    cover = [np.arange(0, 6), np.arange(3, 9), np.arange(0, 6), np.arange(8, 12)]
    problem = siting.SitingProblem(cover, np.arange(1.0, 13.0))
    red = siting.reduce_max_coverage(problem)
    assert red.dominated == 1 and red.sites.tolist() == [0, 1, 3]
    for k in (1, 2):
        res = siting.solve(problem, k=k, rel_gap=0.0)
        assert res.covered_weight == pytest.approx(_brute_force(problem, k))
        assert 2 not in res.chosen and res.bound >= res.covered_weight


# ------------------------------------------------- redundancy and target share modes


def _cheapest(problem, share):
    """Brute force: the least cost of free sites that serve ``share`` of the weight."""
    free = [s for s in range(problem.n_sites) if s not in problem.fixed]
    need = share * problem.total_weight - 1e-9
    best = math.inf
    for n in range(len(free) + 1):
        for combo in itertools.combinations(free, n):
            if problem.covered_weight(list(problem.fixed) + list(combo)) >= need:
                best = min(best, float(problem.costs[list(combo)].sum()))
    return best


@pytest.mark.parametrize("seed", range(4))
def test_redundancy_bound_holds_for_every_r_and_fixed_sites(seed):
    cover, weights = _instance(seed, n_d=40, n_s=9, dup=1)
    informative = 0
    for r in (1, 2, 3):
        for fixed in ((), (2,), (2, 5)):
            problem = siting.SitingProblem(cover, weights, fixed=fixed, redundancy=r)
            reachable = problem.covered_weight(range(problem.n_sites))
            for k in (1, 2, 3):
                opt = _brute_force(problem, k)
                bound = siting.redundancy_bound(problem, k, target=opt)
                assert opt - 1e-6 <= bound <= reachable + 1e-6
                informative += bound < reachable - 1e-6
    assert informative >= 10


@pytest.mark.parametrize("seed", range(4))
def test_cost_lower_bound_holds_and_is_rounded_for_integer_costs(seed):
    cover, weights = _instance(seed, n_d=40, n_s=9, dup=1)
    weights[:2] = 0.0  # demand without weight: no division by zero below
    rng = np.random.default_rng(seed)
    useful = 0
    for costs in (np.ones(9), rng.integers(1, 5, 9).astype(float), rng.uniform(0.5, 3.0, 9)):
        for r, fixed in ((1, ()), (2, ()), (2, (4,))):
            problem = siting.SitingProblem(cover, weights, costs=costs, fixed=fixed, redundancy=r)
            top = problem.covered_weight(range(problem.n_sites)) / problem.total_weight
            for share in (0.3 * top, 0.6 * top, top):
                opt = _cheapest(problem, share)
                with np.errstate(all="raise"):
                    low = siting.cost_lower_bound(problem, share, target_cost=opt)
                assert low <= opt + 1e-6
                if np.all(costs == np.round(costs)):
                    assert low == int(low)
                useful += low > 0.5 * opt
    assert useful >= 20


def test_trim_drops_the_sites_the_target_does_not_need():
    cover = [np.arange(0, 6), np.arange(4, 10), np.arange(0, 10), np.arange(10, 12)]
    problem = siting.SitingProblem(cover, np.ones(12), costs=np.array([1.0, 1.0, 5.0, 1.0]))
    every = siting.SitingResult(chosen=[0, 1, 2, 3], covered_weight=12.0, share=1.0, method="greedy", cost=8)
    res = siting.trim(problem, every, 10 / 12)
    # the expensive site 2 goes first; 0 and 1 still serve 10 of 12, so site 3 goes too
    assert sorted(res.chosen) == [0, 1] and res.cost == 2.0 and res.covered_weight == 10.0


def _rows():
    """The set cover trap: two rows of 14 cells, one site per row, and three sites that
    hear columns 6-13, 2-5 and 0-1 of both rows. Greedy by weight takes those three (16,
    then 8, then 4 new cells); the two row sites serve everything."""
    rows = [np.arange(0, 14), np.arange(14, 28)]
    cols = [np.r_[a:b, 14 + a : 14 + b] for a, b in ((6, 14), (2, 6), (0, 2))]
    return rows + cols, np.ones(28)


@pytest.mark.parametrize("r", [1, 2])
def test_fewest_sites_with_equal_costs_are_found_and_certified(monkeypatch, r):
    cover, weights = _rows()
    cover = cover * r  # for r = 2 every site twice: each cell needs both copies of one site
    problem = siting.SitingProblem(cover, weights, redundancy=r)
    monkeypatch.setattr(siting, "scipy_milp", lambda: None)
    for share in (1.0, 0.9, 0.5):
        opt = _cheapest(problem, share)
        res = siting.solve(problem, target_share=share, rel_gap=0.0, time_limit_s=20.0)
        assert res.cost == opt and res.share >= share - 1e-9
        assert res.bound <= opt
        if r == 1:
            assert res.bound == opt and res.gap == 0.0
    greedy = siting.lazy_greedy(problem, target_share=1.0)
    assert greedy.cost == 3.0 * r and _cheapest(problem, 1.0) == 2.0 * r


def test_large_redundant_instances_skip_highs_with_a_message(monkeypatch):
    cover, weights = _instance(3, n_d=60, n_s=12, dup=1)
    monkeypatch.setattr(siting, "AUTO_MILP_NONZEROS", 10)
    for kwargs in ({"k": 3}, {"target_share": 0.5}):
        problem = siting.SitingProblem(cover, weights, redundancy=2)
        res = siting.solve(problem, rel_gap=0.0, time_limit_s=10.0, **kwargs)
        assert any("Lagrangian relaxation" in m for m in res.messages)
        assert not res.method.startswith("milp") and res.gap is not None
        if "k" in kwargs:
            assert res.covered_weight <= _brute_force(problem, 3) + 1e-9 <= res.bound + 1e-6
        else:
            assert res.bound <= _cheapest(problem, 0.5) <= res.cost
