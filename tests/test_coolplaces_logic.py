"""Pure logic of hamm_coolplaces: sun position, shade, walking access, gaps, web map."""

import datetime as dt
import json
import math
from pathlib import Path

import numpy as np
import pytest

from hamm_coolplaces.logic import solar
from hamm_coolplaces.logic.coolness import area_score, classify, point_score, size_part
from hamm_coolplaces.logic.errors import CoolPlacesError
from hamm_coolplaces.logic.gaps import candidates, shares
from hamm_coolplaces.logic.graph import FootwayGraph, walking_access
from hamm_coolplaces.logic.shade import (
    segment_shade,
    shade_mask,
    shade_mask_raymarch,
    shade_share,
    sun_cost_factors,
)
from hamm_coolplaces.logic.webmap import write_webmap

pytestmark = pytest.mark.pure


# --- sun position ------------------------------------------------------------------------
def test_sun_matches_nrel_spa_reference_example():
    # Reda & Andreas (2004), Solar Position Algorithm for Solar Radiation Applications,
    # NREL/TP-560-34302, worked example: 17 Oct 2003 12:30:30 local time (UTC-7),
    # 39.742476 N, 105.1786 W -> topocentric zenith 50.11162 deg, azimuth 194.34024 deg.
    when = dt.datetime(2003, 10, 17, 12, 30, 30, tzinfo=dt.timezone(dt.timedelta(hours=-7)))
    az, el = solar.sun_at(when, 39.742476, -105.1786)
    assert az == pytest.approx(194.34024, abs=0.02)
    assert el == pytest.approx(90 - 50.11162, abs=0.02)


def test_sun_at_solar_noon_of_june_solstice_in_hamm():
    # At solar noon the elevation is 90 - latitude + declination (23.44 at the solstice,
    # plus about 0.01 deg of refraction); the sun stands due south.
    lat, lon = 51.68, 7.82
    day = dt.datetime(2024, 6, 20, 12, 0, tzinfo=dt.timezone.utc)
    times = [day + dt.timedelta(minutes=m) for m in range(-60, 61)]
    az, el = solar.sun_position(np.array([solar.julian_day(t) for t in times]), lat, lon)
    noon = int(np.argmax(el))
    assert el[noon] == pytest.approx(90 - lat + 23.44, abs=0.05)
    assert az[noon] == pytest.approx(180.0, abs=0.5)
    # local solar noon in Hamm: 12:00 UTC - 4 min/deg * 7.82 deg (+ ~1.7 min eq. of time)
    assert times[noon].hour * 60 + times[noon].minute == pytest.approx(12 * 60 - 31.3 + 1.7, abs=1.5)


def test_hamm_afternoon_sun_is_in_the_south_west_and_night_is_below_horizon():
    tz = solar.local_zone("Europe/Berlin")
    az, el = solar.sun_at(dt.datetime(2024, 7, 15, 15, 0, tzinfo=tz))
    assert 200 < az < 235 and 45 < el < 60
    assert solar.sun_at(dt.datetime(2024, 7, 15, 1, 0, tzinfo=tz))[1] < 0


def test_time_steps_and_bad_times():
    tz = solar.local_zone("UTC+2")
    steps = solar.time_steps(dt.date(2024, 7, 15), dt.time(13), dt.time(15), 30, tz)
    assert [t.strftime("%H:%M") for t in steps] == ["13:00", "13:30", "14:00", "14:30", "15:00"]
    with pytest.raises(CoolPlacesError, match="before the start"):
        solar.time_steps(dt.date(2024, 7, 15), dt.time(15), dt.time(13), 30, tz)
    with pytest.raises(CoolPlacesError, match="YYYY-MM-DD"):
        solar.parse_date("15.07.2024")
    with pytest.raises(CoolPlacesError, match="HH:MM"):
        solar.parse_time("drei Uhr")
    with pytest.raises(CoolPlacesError, match="Unknown time zone"):
        solar.local_zone("Mars/Olympus")


# --- shade -------------------------------------------------------------------------------
def _box(h=20.0, size=200, x0=90, y0=90, w=10, d=10):
    grid = np.zeros((size, size), dtype=np.float32)
    grid[y0:y0 + d, x0:x0 + w] = h
    return grid


def test_box_shadow_length_from_the_south_is_h_over_tan_elevation():
    h, el = 20.0, 40.0
    grid = _box(h)
    mask = shade_mask(grid, 1.0, 180.0, el)          # sun in the south: shadow to the north
    length = h / math.tan(math.radians(el))          # 23.84 m
    col = 95
    north_of_box = mask[:90, col][::-1]              # row 89 = 1 m north of the box, ...
    shadow_cells = int(north_of_box.sum())
    assert shadow_cells == pytest.approx(length, abs=1.0)
    assert not mask[100:, :].any()                   # nothing south of the box
    assert not mask[90:100, 90:100].any()            # the roof itself is in the sun


def test_box_shadow_area_follows_sun_position_of_hamm_at_15h():
    tz = solar.local_zone("Europe/Berlin")
    az, el = solar.sun_at(dt.datetime(2024, 7, 15, 15, 0, tzinfo=tz))
    h, w, d = 30.0, 20, 12
    grid = _box(h, size=240, x0=110, y0=110, w=w, d=d)
    mask = shade_mask(grid, 1.0, az, el)
    length = h / math.tan(math.radians(el))
    # the shadow swept by a w x d box along L: L * (d |sin az| + w |cos az|)
    expected = length * (d * abs(math.sin(math.radians(az))) + w * abs(math.cos(math.radians(az))))
    assert mask.sum() == pytest.approx(expected, rel=0.08)
    # the shadow lies opposite the sun (north-east of the box for a south-west sun)
    rows, cols = np.nonzero(mask)
    assert cols.mean() > 120 and rows.mean() < 116


def test_sweep_equals_per_cell_ray_march_on_a_random_city():
    rng = np.random.default_rng(5)
    grid = np.zeros((60, 70), dtype=np.float32)
    for _ in range(12):
        r, c = rng.integers(0, 55), rng.integers(0, 65)
        grid[r:r + rng.integers(2, 6), c:c + rng.integers(2, 6)] = rng.uniform(3, 25)
    for az, el in ((216.7, 55.5), (100.0, 20.0), (300.0, 12.0), (180.0, 61.0)):
        assert (shade_mask(grid, 1.0, az, el) == shade_mask_raymarch(grid, 1.0, az, el)).all()


def test_shade_share_counts_hours_and_night():
    grid = _box(10.0, size=80, x0=35, y0=35)
    suns = [(180.0, 40.0), (180.0, -2.0)]             # one hour sun, one hour night
    share = shade_share(grid, 1.0, suns)
    assert share[0, 0] == pytest.approx(0.5)          # open ground: shaded only at night
    assert share[30, 40] == pytest.approx(1.0)        # north of the box: shaded both times


def test_shade_bad_input():
    with pytest.raises(CoolPlacesError, match="empty"):
        shade_mask(np.zeros((0, 0)), 1.0, 180, 40)
    with pytest.raises(CoolPlacesError, match="cell size"):
        shade_mask(np.zeros((5, 5)), 0.0, 180, 40)
    with pytest.raises(CoolPlacesError, match="No time step"):
        shade_share(np.zeros((5, 5)), 1.0, [])


# --- walking access ----------------------------------------------------------------------
# A(0,0) -100- B(100,0) -200- C(300,0); B -50- D(100,50) ; island E(1000,0) -100- F(1100,0)
NET = [[(0, 0), (100, 0), (300, 0)], [(100, 0), (100, 50)], [(1000, 0), (1100, 0)]]


@pytest.mark.parametrize("use_scipy", [True, False])
def test_walking_times_on_a_hand_computed_network(use_scipy):
    g = FootwayGraph(NET)
    origins = [(0, 10),      # 10 m to A, then 50 m along A-B to the place at (50, 0): 60 m
               (300, 0),     # at C, 10 m to the place at (290, 0)
               (100, 50),    # D: 50 m to B, 50 m back to (50, 0): 100 m
               (1050, 5),    # on the island: no cool place there
               (5000, 5000),  # far outside the network
               (250, 0)]     # 40 m to (290, 0), same segment
    res = walking_access(g, origins, [(290, 0), (50, 0)], speed_kmh=6.0, use_scipy=use_scipy)
    assert res.distance[:3] == pytest.approx([60, 10, 100], abs=1e-3)
    assert res.distance[5] == pytest.approx(40, abs=1e-3)
    # 6 km/h = 100 m/min
    assert res.minutes[0] == pytest.approx(0.6, abs=1e-4)
    assert list(res.nearest[[0, 1, 2, 5]]) == [1, 0, 1, 0]
    assert res.status == ["ok", "ok", "ok", "unreachable", "outside", "ok"]
    assert np.isinf(res.minutes[3]) and np.isinf(res.minutes[4])


@pytest.mark.parametrize("use_scipy", [True, False])
def test_multi_source_picks_the_nearer_of_two_places_on_a_grid(use_scipy):
    # a 3 x 3 grid of 100 m blocks; places at the south-west and north-east corners
    lines = [[(x, y), (x + 100, y)] for x in (0, 100) for y in (0, 100, 200)]
    lines += [[(x, y), (x, y + 100)] for x in (0, 100, 200) for y in (0, 100)]
    g = FootwayGraph(lines)
    origins = [(100, 100), (200, 0), (0, 200), (200, 100)]
    res = walking_access(g, origins, [(0, 0), (200, 200)], speed_kmh=3.6, use_scipy=use_scipy)
    assert res.distance == pytest.approx([200, 200, 200, 100], abs=1e-3)
    assert res.minutes[3] == pytest.approx(100 / 60.0, abs=1e-4)   # 3.6 km/h = 60 m/min
    assert res.nearest[3] == 1


def test_parallel_edges_keep_the_shorter_one():
    g = FootwayGraph([[(0, 0), (100, 0)], [(0, 0), (50, 80), (100, 0)], [(0, 0), (100, 0)]])
    res = walking_access(g, [(0, 0)], [(100, 0)], speed_kmh=6.0)
    assert res.distance[0] == pytest.approx(100, abs=1e-3)


def test_walking_access_bad_input():
    with pytest.raises(CoolPlacesError, match="no line segments"):
        FootwayGraph([])
    g = FootwayGraph(NET)
    with pytest.raises(CoolPlacesError, match="No cool place lies within"):
        walking_access(g, [(0, 0)], [(9000, 9000)])
    with pytest.raises(CoolPlacesError, match="No cool place lies within"):
        walking_access(g, [(0, 0)], np.zeros((0, 2)))
    with pytest.raises(CoolPlacesError, match="walking speed"):
        walking_access(g, [(0, 0)], [(0, 0)], speed_kmh=0)


def test_components_of_a_network_with_an_island():
    labels = FootwayGraph(NET).components()
    assert len(set(labels.tolist())) == 2


# A sunny direct street O(0,0) - P(200,0) and a shaded detour O - (0,50) - (200,50) - P
SUN_NET = [[(0, 0), (200, 0)], [(0, 0), (0, 50), (200, 50), (200, 0)]]


@pytest.mark.parametrize("use_scipy", [True, False])
def test_shaded_detour_is_chosen_and_timed_in_real_minutes(use_scipy):
    # weight 1: direct 200 m in full sun costs 400, the 300 m detour in shade costs 300
    g = FootwayGraph(SUN_NET, weights=sun_cost_factors(np.array([0.0, 1.0]), 1.0))
    assert list(g.factor) == [2.0, 1.0, 1.0, 1.0]
    res = walking_access(g, [(0, 0), (100, 50)], [(200, 0)], speed_kmh=3.6, use_scipy=use_scipy)
    # the detour: 300 m at 60 m/min = 5 min; from the middle of the shaded street 100 + 50 m
    assert res.distance == pytest.approx([300, 150], abs=1e-3)
    assert res.minutes == pytest.approx([5.0, 2.5], abs=1e-4)
    # weight 0.4: the direct street costs 280 < 300 and is taken: 200 m, 3 min 20 s
    g = FootwayGraph(SUN_NET, weights=sun_cost_factors(np.array([0.0, 1.0]), 0.4))
    res = walking_access(g, [(0, 0)], [(200, 0)], speed_kmh=3.6, use_scipy=use_scipy)
    assert res.distance[0] == pytest.approx(200, abs=1e-3)
    assert res.minutes[0] == pytest.approx(200 / 60.0, abs=1e-4)
    # no weight: the same as an unweighted graph
    g = FootwayGraph(SUN_NET, weights=sun_cost_factors(np.array([0.0, 1.0]), 0.0))
    assert not g.weighted


def test_real_lengths_of_weighted_search_agree_with_and_without_scipy():
    rng = np.random.default_rng(5)
    lines = [[(x, y), (x + 10, y)] for x in range(0, 300, 10) for y in range(0, 310, 10)]
    lines += [[(x, y), (x, y + 10)] for x in range(0, 310, 10) for y in range(0, 300, 10)]
    weights = rng.uniform(1.0, 3.0, len(lines))
    origins = rng.uniform(0, 300, (200, 2))
    places = rng.uniform(0, 300, (3, 2))
    a = walking_access(FootwayGraph(lines, weights), origins, places, use_scipy=True)
    b = walking_access(FootwayGraph(lines, weights), origins, places, use_scipy=False)
    assert a.distance == pytest.approx(b.distance, abs=1e-3)
    assert list(a.nearest) == list(b.nearest)
    plain = walking_access(FootwayGraph(lines), origins, places)
    # a weighted way is never shorter than the shortest way
    assert np.all(a.distance >= plain.distance - 1e-3)
    assert np.any(a.distance > plain.distance + 1)


@pytest.mark.parametrize("piece", [1000.0, 20.0])
def test_snapping_agrees_with_a_brute_force_search(piece):
    # long lines (one coarse grid) and short pieces (fine grid first, then the fallbacks)
    rng = np.random.default_rng(7)
    lines = []
    for _ in range(300):
        start = rng.uniform(0, 1000, 2)
        steps = rng.uniform(-piece, piece, (rng.integers(1, 5), 2))
        lines.append([tuple(p) for p in np.vstack([start, start + np.cumsum(steps, axis=0)])])
    g = FootwayGraph(lines)
    pts = rng.uniform(-300, 1300, (2000, 2))
    snap = g.snap(pts, 120.0)
    s = g.seg
    ax, ay, dx, dy = s[:, 0], s[:, 1], s[:, 2] - s[:, 0], s[:, 3] - s[:, 1]
    for i in range(0, 2000, 7):
        px, py = pts[i]
        t = np.clip(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0, 1)
        d = np.hypot(ax + t * dx - px, ay + t * dy - py)
        if d.min() <= 120.0:
            assert snap.ok[i] and snap.offset[i] == pytest.approx(d.min(), abs=1e-9)
            assert snap.segment[i] == np.flatnonzero(d == d.min())[0]
        else:
            assert not snap.ok[i]


def test_shade_share_along_segments_by_hand():
    # 4 x 4 cells of 10 m from (0, 0) to (40, 40): west half in shade, east half in sun
    share = np.zeros((4, 4))
    share[:, :2] = 1.0
    share[0, 2] = np.nan                       # a building at x 20-30, y 30-40
    segs = [(0, 35, 40, 35),                   # half in shade
            (0, 5, 15, 5),                     # wholly in the shaded half
            (100, 100, 120, 100),              # outside the raster: sunny
            (20, 35, 30, 35)]                  # only over the building: sunny
    got = segment_shade(np.array(segs, dtype=float), share, 0.0, 40.0, 10.0)
    assert got == pytest.approx([2 / 3, 1.0, 0.0, 0.0])
    # the first: 8 samples, 4 in shade, 2 in the building (left out), 2 in sun
    with pytest.raises(CoolPlacesError, match="outside 0..1"):
        segment_shade(np.array(segs, dtype=float), share * 30, 0.0, 40.0, 10.0)
    with pytest.raises(CoolPlacesError, match="0 or more"):
        sun_cost_factors(np.zeros(2), -1.0)


def test_temperature_part_and_score_by_hand():
    from hamm_coolplaces.logic.coolness import temperature_part, temperature_scale
    values = np.array([20.0] * 5 + [40.0] * 5 + [np.nan])
    assert temperature_scale(values) == (20.0, 40.0)
    assert temperature_scale(values, higher_is_cooler=True) == (40.0, 20.0)
    assert temperature_part(25.0, 20.0, 40.0) == pytest.approx(0.75)
    assert temperature_part(45.0, 20.0, 40.0) == 0.0 and temperature_part(15, 20, 40) == 1.0
    assert temperature_part(35.0, 40.0, 20.0) == pytest.approx(0.75)   # higher is cooler
    assert temperature_part(float("nan"), 20.0, 40.0) is None
    # 1 ha wood (size 1, canopy 0.85), half shade, temperature part 0.75
    parts = area_score("wald", 10000, 0.5, None, False, 0.75)
    assert parts["score"] == pytest.approx(100 * (0.30 * 0.5 + 0.25 * 0.85 + 0.10 * 1
                                                  + 0.20 * 0.75), abs=0.05)
    with pytest.raises(CoolPlacesError, match="holds no values"):
        temperature_scale(np.full(4, np.nan))


# --- gaps --------------------------------------------------------------------------------
def test_shares_per_district_and_city():
    minutes = np.array([3.0, 8.0, 12.0, 20.0, np.inf, 4.0])
    pop = np.array([100, 100, 100, 100, 100, 500])
    district = ["Nord", "Nord", "Nord", "Süd", "Süd", None]
    rows = shares(minutes, pop, district)
    assert [r.name for r in rows] == ["Nord", "Süd", None]
    nord, sued, city = rows
    assert nord.within == pytest.approx({5: 1 / 3, 10: 2 / 3, 15: 1.0})
    assert sued.within == pytest.approx({5: 0.0, 10: 0.0, 15: 0.0}) and sued.unreachable == 100
    assert city.population == 1000
    assert city.within[5] == pytest.approx(0.6) and city.within[15] == pytest.approx(0.8)


def test_candidates_on_a_crafted_city():
    # a 2 km street with a cool place at x=0; 300 people at x=1800-2000, 50 at x=1000
    g = FootwayGraph([[(x, 0), (x + 100, 0)] for x in range(0, 2000, 100)])
    origins = [(1800, 0), (1900, 0), (2000, 0), (1000, 0), (50, 0)]
    pop = [100, 100, 100, 50, 80]
    res = walking_access(g, origins, [(0, 0)], speed_kmh=6.0)
    snap = g.snap(np.array(origins, dtype=float), 250)
    ranked = candidates(g, snap, res.minutes, pop, target_min=5.0, speed_kmh=6.0, count=3,
                        min_separation_m=300)
    # 5 min at 6 km/h = 500 m (inclusive). Only x=1500 reaches the 50 people at 1000 and
    # the 300 at 1800-2000: 350. Next distinct site (>= 300 m away): x=1800 with 300;
    # then x in [500, 1200] with the 50 people at 1000.
    assert ranked[0].gain == pytest.approx(350) and ranked[0].x == pytest.approx(1500)
    assert ranked[1].gain == pytest.approx(300) and ranked[1].x == pytest.approx(1800)
    assert ranked[2].gain == pytest.approx(50) and 500 <= ranked[2].x <= 1200
    assert all(abs(a.x - b.x) >= 300 for a in ranked for b in ranked if a is not b)


@pytest.mark.parametrize("use_scipy", [True, False])
def test_candidates_follow_the_shaded_way_and_its_real_length(monkeypatch, use_scipy):
    """O = (0, 0); a sunny street O - N (400, 0) and a shaded detour O - (0, 75) -
    (400, 75) - N (550 m); the cool place is 2 km west. 5 min at 6 km/h = 500 m."""
    import hamm_coolplaces.logic.gaps as gaps_mod
    if not use_scipy:
        monkeypatch.setattr(gaps_mod, "_scipy_dijkstra", lambda: None)
    lines = [[(0, 0), (400, 0)], [(0, 0), (0, 75), (400, 75), (400, 0)], [(0, 0), (-2000, 0)]]
    origins = np.array([[0.0, 0.0]])
    minutes = np.array([20.0])  # 2 km at 100 m/min

    def reached(weights):
        g = FootwayGraph(lines, weights=weights)
        snap = g.snap(origins, 10)
        ranked = gaps_mod.candidates(g, snap, minutes, [100], target_min=5.0, speed_kmh=6.0,
                                     count=10, min_separation_m=0)
        assert all(c.gain == pytest.approx(100) for c in ranked)
        return {(round(c.x), round(c.y)) for c in ranked}

    # plain: N at 400 m and the detour's corners at 75 and 475 m
    assert reached(None) == {(0, 0), (400, 0), (0, 75), (400, 75)}
    # the sunny street costs double: N is reached by the detour, 550 real metres (> 500);
    # the corner (400, 75) is still 475 m away
    assert reached([2.0, 1.0, 1.0]) == {(0, 0), (0, 75), (400, 75)}
    # a light preference keeps the street (cost 520 < 550): N again, at 400 real metres,
    # although its cost (520) is beyond the 500 m the target allows
    assert reached([1.3, 1.0, 1.0]) == {(0, 0), (400, 0), (0, 75), (400, 75)}


# --- scores ------------------------------------------------------------------------------
def test_classify_kinds_from_german_english_and_osm_words():
    assert classify("Park") == "park" and classify("leisure=park") == "park"
    assert classify("Wald") == "wald" and classify("forest") == "wald"
    assert classify("wasser") == "wasser" and classify("Teich") == "wasser"
    assert classify("place_of_worship") == "kirche" and classify("Stadtbücherei") == "bibliothek"
    assert classify("Trinkbrunnen") == "trinkbrunnen" and classify("drinking_water") == "trinkbrunnen"
    assert classify("Wohngebäude") is None and classify(None) is None


def test_scores_follow_the_documented_weights():
    s = area_score("park", 10000.0, shade=0.5, canopy=None, near_water=True)
    # 0.35*0.5 + 0.30*0.35 + 0.20*0.5 + 0.15*1.0 = 0.53
    assert s["score"] == pytest.approx(53.0)
    assert size_part(100) == 0 and size_part(1000) == pytest.approx(0.5)
    assert area_score("wasser", 50.0, 0.0, 0.0, False)["water"] == 1.0
    assert point_score("kirche") > point_score("trinkbrunnen")


# --- web map -----------------------------------------------------------------------------
def _fc(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def test_webmap_folder_is_self_contained(tmp_path):
    place = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [7.82, 51.68]},
             "properties": {"name": "Kirche <St. Demo>", "art": "kirche", "kuehle": 80}}
    index = write_webmap(str(tmp_path / "karte"), _fc(place), title="Kühle Orte")
    folder = tmp_path / "karte"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["index.html", "style.css", "map.js", "data.js", "kuehle_orte.geojson",
         "kuehle_flaechen.geojson", "wege.geojson"])
    page = Path(index).read_text(encoding="utf-8")
    assert 'lang="de"' in page and "Kühle Orte" in page and "viewport" in page
    for text in (page, (folder / "map.js").read_text(), (folder / "style.css").read_text()):
        assert "http://" not in text and "https://" not in text     # nothing from a CDN
    geo = json.loads((folder / "kuehle_orte.geojson").read_text(encoding="utf-8"))
    assert geo["features"][0]["properties"]["name"] == "Kirche <St. Demo>"
    assert "navigator.geolocation" in (folder / "map.js").read_text()
    # publishing again into the same folder replaces the previous map
    write_webmap(str(folder), _fc(place))


def test_webmap_refuses_foreign_folder_and_empty_input(tmp_path):
    (tmp_path / "brief.docx").write_text("wichtig")
    place = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [7.8, 51.7]},
             "properties": {"art": "park"}}
    with pytest.raises(CoolPlacesError, match="already holds other files"):
        write_webmap(str(tmp_path), _fc(place))
    assert (tmp_path / "brief.docx").read_text() == "wichtig"
    with pytest.raises(CoolPlacesError, match="no cool places to publish"):
        write_webmap(str(tmp_path / "neu"), _fc())
    with pytest.raises(CoolPlacesError, match="FeatureCollection"):
        write_webmap(str(tmp_path / "neu"), {"type": "Feature"})
