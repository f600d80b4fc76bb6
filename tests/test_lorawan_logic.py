"""hamm_lorawan pure logic: formulas against the published equations, coverage shadows,
siting optimality, calibration. Expected values are computed here from the sources."""

import itertools
import math

import numpy as np
import pytest

from hamm_lorawan.logic import radio, siting
from hamm_lorawan.logic.calibration import fit_log_distance, parse_measurements, signal_power
from hamm_lorawan.logic.coverage import Gateway, Grid, coverage
from hamm_lorawan.logic.errors import LoRaError

pytestmark = pytest.mark.pure

F = 868.1


def test_free_space_matches_itu_p525():
    # ITU-R P.525: L = 32.45 + 20 log10(f MHz) + 20 log10(d km) (32.44 with c = 299792458)
    for d_km in (0.1, 1.0, 5.0, 15.0):
        expected = 20 * math.log10(d_km) + 20 * math.log10(F) + 20 * math.log10(4 * math.pi * 1e9 / 299792458)
        assert radio.free_space_loss(d_km * 1000, F) == pytest.approx(expected, abs=1e-9)
    assert radio.free_space_loss(1000, F) == pytest.approx(91.2, abs=0.05)


@pytest.mark.parametrize("env", ["urban", "suburban", "open"])
def test_okumura_hata_matches_hata_1980(env):
    hb, hm, d_km = 30.0, 1.5, 3.0
    lf = math.log10(F)
    a_hm = (1.1 * lf - 0.7) * hm - (1.56 * lf - 0.8)
    urban = (
        69.55 + 26.16 * lf - 13.82 * math.log10(hb) - a_hm + (44.9 - 6.55 * math.log10(hb)) * math.log10(d_km)
    )
    expected = {
        "urban": urban,
        "suburban": urban - 2 * math.log10(F / 28) ** 2 - 5.4,
        "open": urban - 4.78 * lf**2 + 18.33 * lf - 40.94,
    }[env]
    assert radio.hata_loss(d_km * 1000, F, hb, hm, env) == pytest.approx(expected, abs=1e-9)
    # the PathModel never goes below free space
    model = radio.PathModel(name="hata_" + env)
    assert model.basic_loss(3000, hb, hm) == pytest.approx(max(expected, radio.free_space_loss(3000, F)))


def test_cost231_and_log_distance():
    hb, hm, d_km = 25.0, 1.5, 2.0
    lf = math.log10(F)
    a_hm = (1.1 * lf - 0.7) * hm - (1.56 * lf - 0.8)
    expected = (
        46.3 + 33.9 * lf - 13.82 * math.log10(hb) - a_hm + (44.9 - 6.55 * math.log10(hb)) * math.log10(d_km)
    )
    assert radio.cost231_loss(2000, F, hb, hm) == pytest.approx(expected, abs=1e-9)
    assert radio.cost231_loss(2000, F, hb, hm, metropolitan=True) == pytest.approx(expected + 3)
    assert radio.log_distance_loss(1000, 40.0, 3.0) == pytest.approx(40 + 30 * 3)


def test_knife_edge_j_nu_itu_p526():
    for nu in (-0.5, 0.0, 0.5, 1.0, 2.4, 5.0):
        expected = 6.9 + 20 * math.log10(math.sqrt((nu - 0.1) ** 2 + 1) + nu - 0.1)
        assert radio.knife_edge_loss(nu) == pytest.approx(expected, abs=1e-9)
    assert radio.knife_edge_loss(-1.0) == 0.0
    assert radio.knife_edge_loss(0.0) == pytest.approx(6.0, abs=0.1)  # grazing: about 6 dB
    # nu = h sqrt(2/lambda (1/d1 + 1/d2))
    lam = 299792458 / 868.1e6
    assert radio.fresnel_nu(10.0, 500.0, 1500.0, lam) == pytest.approx(
        10 * math.sqrt(2 / lam * (1 / 500 + 1 / 1500))
    )
    assert radio.fresnel_radius(1000.0, 1000.0, lam) == pytest.approx(math.sqrt(lam * 500.0))


def _flat_profile(total=2000.0, step=10.0, ground=50.0):
    d = np.arange(0.0, total + step / 2, step)
    return d, np.full(d.size, ground), np.full(d.size, ground)


def test_single_wall_gives_the_knife_edge_loss():
    d, surf, ground = _flat_profile()
    surf = surf.copy()
    wall = 80  # 800 m from the gateway
    surf[wall] = 50.0 + 40.0
    model = radio.PathModel(name="free_space")
    params = radio.RadioParams()
    res = radio.link_budget(d, surf, ground, 30.0, model, params, method="deygout")
    lam = radio.wavelength(F)
    bulge = radio.earth_bulge(d)
    h_tx, h_rx = 80.0, 51.5 - bulge[-1]
    line = h_tx + 800.0 * (h_rx - h_tx) / 2000.0
    nu = (90.0 - bulge[wall] - line) * math.sqrt(2 / lam * (1 / 800 + 1 / 1200))
    expected = 6.9 + 20 * math.log10(math.sqrt((nu - 0.1) ** 2 + 1) + nu - 0.1)
    assert res.diffraction_db == pytest.approx(expected, abs=1e-6)
    assert res.path_loss_db == pytest.approx(radio.free_space_loss(2000, F) + expected, abs=1e-6)
    assert res.clearance < 0  # the ray is blocked
    bull = radio.link_budget(d, surf, ground, 30.0, model, params, method="bullington")
    assert bull.diffraction_db == pytest.approx(expected, abs=1e-6)  # one edge: same construction
    clear = radio.link_budget(d, ground, ground, 30.0, model, params)
    # over flat ground the ground near the middle only grazes the Fresnel zone: under 1 dB
    assert clear.diffraction_db < 1.0 and clear.clearance > 0.5


def test_hill_and_two_edges_deygout():
    d, surf, ground = _flat_profile(3000.0)
    hill = 60.0 * np.clip(1 - np.abs(d - 1000.0) / 200.0, 0, None)  # triangular hill
    surf = ground + hill
    surf[250] += 30.0  # a second edge 2500 m out
    lam = radio.wavelength(F)
    res = radio.link_budget(d, surf, surf, 20.0, radio.PathModel(), radio.RadioParams())
    # Deygout by hand: main edge = larger nu of the two peaks on the direct line
    bulge = radio.earth_bulge(d)
    z = surf - bulge
    h_tx, h_rx, total = z[0] + bulge[0] + 20.0, z[-1] + 1.5, 3000.0
    h_rx = surf[-1] + 1.5 - bulge[-1]

    def nu(i, a, za, b, zb):
        line = za + (d[i] - a) * (zb - za) / (b - a)
        return (z[i] - line) * math.sqrt(2 / lam * (1 / (d[i] - a) + 1 / (b - d[i])))

    n1, n2 = nu(100, 0, h_tx, total, h_rx), nu(250, 0, h_tx, total, h_rx)
    assert n1 > n2
    second = nu(250, 1000.0, z[100], total, h_rx)
    expected = radio.knife_edge_loss(n1) + radio.knife_edge_loss(second)
    assert res.diffraction_db == pytest.approx(expected, abs=1e-6)


def test_airtime_semtech_formula_and_published_values():
    # 10 bytes of application data + 13 bytes LoRaWAN header: TTN's airtime table
    assert radio.airtime_s(23, 7) * 1000 == pytest.approx(61.696, abs=1e-3)
    assert radio.airtime_s(23, 12) * 1000 == pytest.approx(1482.752, abs=1e-3)
    sf, pl, bw = 9, 30, 125e3
    t_sym = 2**sf / bw
    n = 8 + max(math.ceil((8 * pl - 4 * sf + 28 + 16) / (4 * sf)) * 5, 0)
    assert radio.airtime_s(pl, sf) == pytest.approx((8 + 4.25) * t_sym + n * t_sym)
    with pytest.raises(LoRaError, match="7 to 12"):
        radio.airtime_s(10, 6)


def test_link_budget_sf_and_snr():
    params = radio.RadioParams(fade_margin_db=10.0)
    assert params.noise_dbm == pytest.approx(-174 + 10 * math.log10(125e3) + 6)
    assert params.eirp_dbm == pytest.approx(14 + 2.15)
    # -112 dBm with 10 dB margin: -122 >= SF7's -123 (and -117 - 7.5 = -124.5)
    assert radio.best_sf(-112.0, params) == 7
    assert radio.best_sf(-113.5, params) == 8
    assert radio.best_sf(-126.9, params) == 12
    assert radio.best_sf(-127.5, params) == 0
    rx = radio.received_power(120.0, params, 5.0, 2.0)
    assert rx == pytest.approx(16.15 + 5 - 2 - 120)
    basement = radio.RadioParams(environment="basement")
    assert radio.received_power(120.0, basement, 5.0, 2.0) == pytest.approx(rx - 25.0)


def _city_grid(n=200, cell=10.0):
    ground = np.full((n, n), 50.0, dtype=np.float32)
    surface = ground.copy()
    return Grid(ground, surface, 0.0, n * cell, cell, cell)


def test_coverage_without_obstacles_is_free_space():
    grid = _city_grid()
    gw = Gateway(1005.0, 1005.0, 30.0, 5.0, 2.0, "gw")
    params = radio.RadioParams()
    out = coverage(grid, [gw], radio.PathModel(), params, workers=1)
    row, col = grid.cell_of(1505.0, 1005.0)  # 500 m east
    expected = params.eirp_dbm + 5 - 2 - radio.free_space_loss(500.0, F)
    assert out["rx_dbm"][row, col] == pytest.approx(expected, abs=0.2)
    assert out["count"][row, col] == 1 and out["server"][row, col] == 0
    assert out["sf"][row, col] == radio.best_sf(out["rx_dbm"][row, col], params)


def test_tall_block_casts_a_radio_shadow():
    grid = _city_grid()
    # a 60 m block 200 m east of the gateway, 100 m wide
    grid.surface[95:106, 120:125] = 110.0
    gw = Gateway(1005.0, 1005.0, 20.0, 5.0, 2.0, "gw")
    params = radio.RadioParams()
    for method in ("deygout", "bullington"):
        out = coverage(grid, [gw], radio.PathModel(), params, method=method, workers=2)
        rx = out["rx_dbm"]
        behind = rx[100, 150]  # 450 m east, behind the block
        mirror = rx[100, 50]  # 450 m west, open
        assert mirror - behind > 20.0, method
        # the loss behind equals the knife edge over the block's top, within a few dB of the ray
        lam = radio.wavelength(F)
        d1, d2 = 1240.0 - 1005.0, 1505.0 - 1240.0
        h = 110.0 - (70.0 + d1 * (51.5 - 70.0) / (d1 + d2))
        j = radio.knife_edge_loss(h * math.sqrt(2 / lam * (1 / d1 + 1 / d2)))
        assert mirror - behind == pytest.approx(j, abs=3.0)
        # off the shadow (north-east, past the block's side) power is back to free space
        assert rx[40, 160] == pytest.approx(rx[160, 40], abs=0.5)


def test_two_gateways_best_server_and_count():
    grid = _city_grid()
    gws = [Gateway(305.0, 1005.0, 30.0, 5.0, 2.0, "west"), Gateway(1705.0, 1005.0, 30.0, 5.0, 2.0, "east")]
    out = coverage(grid, gws, radio.PathModel(), radio.RadioParams(), max_range_m=1000.0)
    assert out["server"][100, 10] == 0 and out["server"][100, 190] == 1
    assert out["count"][100, 100] == 2  # both within 1000 m
    assert out["count"][100, 5] == 1  # only the west one in range
    assert np.isnan(out["rx_dbm"][5, 100]) or out["server"][5, 100] >= 0


def test_gateway_outside_raster_and_on_hole():
    grid = _city_grid()
    with pytest.raises(LoRaError, match="outside the terrain raster"):
        coverage(grid, [Gateway(-500.0, 1000.0, name="far")], radio.PathModel(), radio.RadioParams())
    grid.ground[grid.cell_of(1005.0, 1005.0)] = np.nan
    with pytest.raises(LoRaError, match="no-data"):
        coverage(grid, [Gateway(1005.0, 1005.0, name="hole")], radio.PathModel(), radio.RadioParams())
    with pytest.raises(LoRaError, match="No gateways"):
        coverage(grid, [], radio.PathModel(), radio.RadioParams())


def test_dem_holes_give_no_value_but_the_rest_is_computed():
    grid = _city_grid()
    grid.ground[20:30, 20:30] = np.nan
    grid.surface[20:30, 20:30] = np.nan
    out = coverage(grid, [Gateway(1005.0, 1005.0)], radio.PathModel(), radio.RadioParams())
    assert np.isnan(out["rx_dbm"][25, 25]) and out["sf"][25, 25] == 0
    assert np.isfinite(out["rx_dbm"][10, 10])  # behind the hole: unknown cells do not obstruct
    # cells next to the hole may read a ray sample inside it; all others have a value
    assert np.isfinite(out["rx_dbm"]).sum() >= 0.999 * (200 * 200 - 100)


# ---------------------------------------------------------------- siting


def _trap():
    # greedy takes A (7) then B (+3) = 10; the optimum is B + C = 12
    cover = [np.arange(0, 6), np.arange(6, 12), np.array([0, 1, 2, 6, 7, 8, 9])]
    return siting.SitingProblem(cover, np.ones(12))


def _brute_force(problem, k):
    free = [s for s in range(problem.n_sites) if s not in problem.fixed]
    best = 0.0
    for combo in itertools.combinations(free, min(k, len(free))):
        best = max(best, problem.covered_weight(list(problem.fixed) + list(combo)))
    return best


def test_milp_finds_the_optimum_greedy_does_not():
    problem = _trap()
    greedy = siting.lazy_greedy(problem, k=2)
    assert greedy.covered_weight == 10 and greedy.chosen == [2, 0]
    assert greedy.bound >= 12  # the online bound holds the optimum
    exact = siting.solve_milp(problem, k=2)
    assert exact.covered_weight == 12 and sorted(exact.chosen) == [0, 1]
    assert exact.gap == pytest.approx(0.0, abs=1e-6)
    best = siting.solve(problem, k=2)
    assert best.covered_weight == 12
    assert [row["site"] for row in best.gains] == [0, 1] or [row["site"] for row in best.gains] == [1, 0]
    assert sum(row["gain"] for row in best.gains) == 12


@pytest.mark.parametrize("seed", range(6))
def test_milp_equals_brute_force_and_greedy_never_beats_it(seed):
    rng = np.random.default_rng(seed)
    n_d, n_s = 40, 9
    cover = [np.nonzero(rng.random(n_d) < 0.25)[0] for _ in range(n_s)]
    weights = rng.integers(1, 10, n_d).astype(float)
    for r, fixed in ((1, ()), (2, (0,)), (1, (3,))):
        problem = siting.SitingProblem(cover, weights, fixed=fixed, redundancy=r)
        for k in (2, 3):
            opt = _brute_force(problem, k)
            exact = siting.solve_milp(problem, k=k)
            greedy = siting.lazy_greedy(problem, k=k)
            assert exact.covered_weight == pytest.approx(opt)
            assert greedy.covered_weight <= exact.covered_weight + 1e-9
            assert set(fixed) <= set(exact.chosen) and set(fixed) <= set(greedy.chosen)
            if greedy.bound is not None:
                assert greedy.bound >= opt - 1e-9


def test_fewest_sites_for_target_with_redundancy():
    # 4 candidates; every demand must be heard twice; cheapest pair covering all is {0, 1}
    cover = [np.arange(10), np.arange(10), np.arange(5), np.arange(5, 10)]
    problem = siting.SitingProblem(cover, np.ones(10), costs=np.array([3.0, 3.0, 1.0, 1.0]), redundancy=2)
    res = siting.solve(problem, target_share=1.0, method="milp")
    # {2, 3} only hears each point once; {0, 2, 3} costs 5 and hears all twice; {0, 1} costs 6
    assert {2, 3} < set(res.chosen) and len(res.chosen) == 3 and res.cost == 5.0 and res.share == 1.0
    assert res.gap == pytest.approx(0.0, abs=1e-6)
    with pytest.raises(LoRaError, match="covers"):
        siting.solve_milp(siting.SitingProblem([np.arange(5)], np.ones(10), redundancy=1), target_share=0.9)


def test_siting_bad_input():
    with pytest.raises(LoRaError, match="candidate layer is empty"):
        siting.SitingProblem([], np.ones(3))
    with pytest.raises(LoRaError, match="demand layer is empty"):
        siting.SitingProblem([np.arange(2)], np.ones(0))
    with pytest.raises(LoRaError, match="greater than 0"):
        siting.SitingProblem([np.arange(2)], np.ones(3), costs=np.array([0.0]))


# ---------------------------------------------------------------- calibration


def test_calibration_recovers_known_coefficients():
    rng = np.random.default_rng(7)
    d = rng.uniform(100, 5000, 400)
    obstruction = rng.uniform(0, 25, 400)
    truth = 36.0 + 10 * 3.1 * np.log10(d) + 0.8 * obstruction
    measured = truth + rng.normal(0, 3.0, d.size)
    gws = ["a" if i % 2 else "b" for i in range(d.size)]
    prior = radio.PathModel(name="free_space")
    prior_loss = radio.free_space_loss(d, F) + obstruction
    cal = fit_log_distance(d, measured, gws, prior, prior_loss, obstruction)
    assert cal.model.n == pytest.approx(3.1, abs=0.1)
    assert cal.model.pl0 == pytest.approx(36.0, abs=2.5)
    assert cal.model.obstruction_factor == pytest.approx(0.8, abs=0.05)
    assert cal.after["rmse"] == pytest.approx(3.0, abs=0.4)
    assert abs(cal.after["bias"]) < 1e-6
    assert cal.before["rmse"] > cal.after["rmse"] and cal.before["bias"] > 10  # free space is optimistic
    assert set(cal.per_gateway) == {"a", "b"}
    data = radio.PathModel.from_dict(__import__("json").loads(cal.to_json()))
    assert data.name == "log_distance" and data.n == pytest.approx(cal.model.n)


def test_signal_power_from_rssi_and_snr():
    assert signal_power(np.array([-110.0]), np.array([0.0]))[0] == pytest.approx(-110 - 10 * math.log10(2))
    assert signal_power(np.array([-100.0]), None)[0] == -100.0


def test_csv_parsing_and_missing_columns():
    text = "lat;lon;gwaddr;rssi;snr;gwlat;gwlon\n51.68;7.82;gw1;-101;5.5;51.67;7.81\n51.69;x;gw1;-99;1;;\n"
    meas = parse_measurements(text)
    assert len(meas) == 1 and meas.geographic and meas.skipped == 1
    assert meas.gateway_pos["gw1"] == (7.81, 51.67)
    with pytest.raises(LoRaError, match="lacks the column"):
        parse_measurements("lat,lon,gateway\n51,7,g\n")
    with pytest.raises(LoRaError, match="lat/lon or x/y"):
        parse_measurements("gateway,rssi\ng,-100\n")
    with pytest.raises(LoRaError, match="empty"):
        parse_measurements("  ")
    with pytest.raises(LoRaError, match="about the same distance"):
        fit_log_distance([100, 100, 100], [90, 91, 92], ["a"] * 3, radio.PathModel(), [1, 2, 3])


def test_csv_german_export_with_decimal_commas_and_zero_positions():
    text = (
        "zeit;lat;lon;gateway;rssi;snr;gateway_lat;gateway_lon\n"
        "2024-05-01 10:00;51,6634;7,7073;GW Süd;-107,5;8,0;51,6687;7,6985\n"
        "2024-05-01 10:01;0;0;GW Süd;-99,0;3,5;51,6687;7,6985\n"  # no GPS fix
        "2024-05-01 10:02;51,6701;7,7102;nord;-111,25;-2,5;0;0\n"  # gateway without a location
    )
    meas = parse_measurements(text)
    assert len(meas) == 2 and meas.skipped == 1 and meas.geographic
    assert meas.device_b[0] == pytest.approx(51.6634) and meas.device_a[1] == pytest.approx(7.7102)
    assert meas.rssi.tolist() == [-107.5, -111.25] and meas.snr.tolist() == [8.0, -2.5]
    assert meas.gateway_pos == {"GW Süd": (7.6985, 51.6687)}  # 0/0 is no position
    # TTN v2 names of the gateway columns
    v2 = parse_measurements(
        "lat,lon,gtw_id,rssi,gateway_latitude,gateway_longitude\n51.6,7.8,eui-1,-99,51.7,7.7\n"
    )
    assert v2.gateway == ["eui-1"] and v2.gateway_pos == {"eui-1": (7.7, 51.7)}
    # with a comma as separator, "51,6634" is two columns, never a decimal comma
    comma = parse_measurements("lat,lon,gateway,rssi\n51.5,7.5,g,-100\n")
    assert comma.device_b.tolist() == [51.5]


def test_fit_keeps_obstruction_out_or_fixed_consistently():
    rng = np.random.default_rng(11)
    d = rng.uniform(100, 5000, 400)
    obstruction = rng.uniform(0, 25, 400)
    measured = 36.0 + 10 * 3.1 * np.log10(d) + 0.8 * obstruction + rng.normal(0, 2.0, d.size)
    gws = ["a"] * d.size
    prior = radio.PathModel(name="free_space")
    prior_loss = radio.free_space_loss(d, F)
    # no obstruction data: the obstruction is inside PL0 and n, the model must not add it again
    blind = fit_log_distance(d, measured, gws, prior, prior_loss)
    assert blind.model.obstruction_factor == 0.0 and abs(blind.after["bias"]) < 1e-6
    # a fixed factor: PL0 and n fitted to the rest, the factor kept, predictions unbiased
    fixed = fit_log_distance(d, measured, gws, prior, prior_loss, obstruction, obstruction_factor=0.8)
    assert fixed.model.obstruction_factor == 0.8
    assert fixed.model.n == pytest.approx(3.1, abs=0.1) and abs(fixed.after["bias"]) < 1e-6
    pred = fixed.model.pl0 + 10 * fixed.model.n * np.log10(d) + 0.8 * obstruction
    assert np.sqrt(np.mean((measured - pred) ** 2)) == pytest.approx(fixed.after["rmse"], rel=1e-9)
    assert fixed.after["rmse"] == pytest.approx(2.0, abs=0.3)
    assert fixed.after["rmse"] < blind.after["rmse"]
    # obstruction data without variation: nothing to fit, the prior's factor stays
    flat = fit_log_distance(d, measured, gws, prior, prior_loss, np.zeros(d.size))
    assert flat.model.obstruction_factor == prior.obstruction_factor
