"""hamm_signals pure logic: camera geometry, homography, zones, checks, hand-over package.
Expected values are computed here from first principles (plane trigonometry) or with
independent libraries (pyproj, shapely)."""

import json
import math
import random

import numpy as np
import pytest

from hamm_core.logic.errors import ParseError
from hamm_signals.logic import geometry as geo
from hamm_signals.logic import handover
from hamm_signals.logic import zones as zl
from hamm_signals.logic.camera import Camera, camera_from_record
from hamm_signals.logic.checks import CheckOptions, check_junction
from hamm_signals.logic.errors import SignalsError
from hamm_signals.logic.homography import (
    apply_homography,
    estimate_homography,
    invert_homography,
    reprojection_rms,
)

pytestmark = pytest.mark.pure

X0, Y0 = 417901.0, 5725392.0


def first_principles_pixel(h, heading, tilt, fx, fy, w, hpx, d, e, z=0.0):
    """Pixel of a point d metres ahead (horizontally, along the heading) and e metres to
    the right of a camera at height h, at height z above the ground. In the vertical plane
    of the heading the optical axis points (cos t, -sin t) in (ahead, up) and the image's
    'down' direction is (-sin t, -cos t); the point relative to the camera is (d, z - h)."""
    t = math.radians(tilt)
    depth = d * math.cos(t) - (z - h) * math.sin(t)
    down = -d * math.sin(t) - (z - h) * math.cos(t)
    return w / 2 + fx * e / depth, hpx / 2 + fy * down / depth


def ground_point(heading, d, e):
    a = math.radians(heading)
    return (X0 + d * math.sin(a) + e * math.cos(a), Y0 + d * math.cos(a) - e * math.sin(a))


def cam(**kw):
    args = {"x": X0, "y": Y0, "height": 8.0, "heading": 168.0, "tilt": 15.0, "width_px": 1920,
                "height_px": 1080, "hfov": 50.0, "max_range": 80.0, "name": "K1"}
    args.update(kw)
    return Camera(**args)


def test_projection_matches_first_principles():
    rng = random.Random(3)
    for _ in range(50):
        heading, tilt = rng.uniform(0, 360), rng.uniform(5, 60)
        c = cam(heading=heading, tilt=tilt, height=rng.uniform(4, 12), hfov=rng.uniform(30, 90),
                vfov=rng.uniform(20, 60))
        fx = 960 / math.tan(math.radians(c.hfov) / 2)
        fy = 540 / math.tan(math.radians(c.vfov) / 2)
        d, e, z = rng.uniform(5, 60), rng.uniform(-10, 10), rng.uniform(0, 2)
        gx, gy = ground_point(heading, d, e)
        u, v = c.project([(gx, gy, z)])[0]
        eu, ev = first_principles_pixel(c.height, heading, tilt, fx, fy, 1920, 1080, d, e, z)
        assert u == pytest.approx(eu, abs=1e-6) and v == pytest.approx(ev, abs=1e-6)


def test_known_pixels_optical_axis_and_image_bottom():
    c = cam(heading=90.0, tilt=20.0, vfov=40.0)
    # the optical axis meets the ground h / tan(tilt) ahead: the image centre
    d_axis = 8.0 / math.tan(math.radians(20.0))
    assert c.project([(X0 + d_axis, Y0)])[0] == pytest.approx([960.0, 540.0], abs=1e-6)
    # the bottom edge of the image meets the ground h / tan(tilt + vfov/2) ahead
    d_bottom = 8.0 / math.tan(math.radians(40.0))
    assert c.project([(X0 + d_bottom, Y0)])[0][1] == pytest.approx(1080.0, abs=1e-6)
    # a point behind the camera has no pixel
    assert np.isnan(c.project([(X0 - 10, Y0)])[0]).all()


def test_intrinsics_from_focal_length_and_sensor():
    # 1/1.8" sensor 7.18 mm x 5.32 mm, f = 6 mm, 1920 px: hfov = 2 atan(3.59/6)
    c = cam(hfov=None, focal_mm=6.0, sensor_w_mm=7.18, sensor_h_mm=4.04)
    assert c.fx == pytest.approx(6.0 * 1920 / 7.18)
    assert c.hfov_deg == pytest.approx(math.degrees(2 * math.atan(3.59 / 6.0)))
    assert c.vfov_deg == pytest.approx(math.degrees(2 * math.atan(2.02 / 6.0)))


def test_pixel_to_ground_inverts_projection_and_homography_agrees():
    c = cam(heading=33.0, tilt=25.0)
    rng = np.random.default_rng(1)
    pix = np.column_stack([rng.uniform(0, 1920, 40), rng.uniform(300, 1080, 40)])
    ground = c.pixel_to_ground(pix)
    assert np.allclose(c.project(ground), pix, atol=1e-6)
    h = c.ground_homography()
    assert np.allclose(apply_homography(h, ground), pix, atol=1e-6)
    # above the horizon the ray never meets the ground
    assert np.isnan(c.pixel_to_ground([(960, 0)])).all() == (25.0 - c.vfov_deg / 2 < 0)


def test_object_pixel_size():
    c = cam(heading=0.0, tilt=10.0, hfov=60.0)
    d = 30.0
    u0, v0 = first_principles_pixel(8.0, 0, 10, c.fx, c.fy, 1920, 1080, d, 0.0, 0.0)
    u1, v1 = first_principles_pixel(8.0, 0, 10, c.fx, c.fy, 1920, 1080, d, 0.0, 1.7)
    h_px, w_px = c.object_pixels((X0, Y0 + d), 1.7, 0.5)
    assert h_px == pytest.approx(abs(v1 - v0), rel=1e-9)
    depth = d * math.cos(math.radians(10)) + 8.0 * math.sin(math.radians(10))
    assert w_px == pytest.approx(c.fx * 0.5 / depth, rel=1e-9)
    # twice as far: about half the size
    assert c.object_pixels((X0, Y0 + 2 * d), 1.7, 0.5)[1] < 0.55 * w_px


def test_footprint_is_what_the_camera_sees():
    c = cam(heading=200.0, tilt=12.0, hfov=70.0, max_range=60.0)
    poly = c.footprint(256)
    assert len(poly) > 10
    rng = np.random.default_rng(5)
    pts = np.column_stack([rng.uniform(X0 - 70, X0 + 70, 3000), rng.uniform(Y0 - 70, Y0 + 70, 3000)])
    seen = c.sees(pts)
    inside = np.array([geo.point_in_polygon(tuple(p), poly) for p in pts])
    # the disk is a polygon of 256 vertices: disagreement only in a thin boundary band
    disagree = seen != inside
    assert disagree.sum() <= 5
    # the near edge lies where the image bottom meets the ground: h / tan(tilt + vfov/2)
    shapely_geometry = pytest.importorskip("shapely.geometry")
    near = 8.0 / math.tan(math.radians(12.0 + c.vfov_deg / 2))
    ring = shapely_geometry.Polygon([(x - X0, y - Y0) for x, y in poly]).exterior
    assert ring.distance(shapely_geometry.Point(0, 0)) == pytest.approx(near, rel=1e-6)
    assert c.distance(np.asarray(poly)).max() == pytest.approx(60.0, rel=1e-9)


def test_camera_without_heading_is_refused():
    with pytest.raises(SignalsError, match="no heading"):
        cam(heading=None)


def test_camera_bad_optics_are_refused():
    with pytest.raises(SignalsError, match="optics are missing"):
        cam(hfov=None)
    with pytest.raises(SignalsError, match="tilt must lie between"):
        cam(tilt=95.0)
    with pytest.raises(SignalsError, match="no tilt"):
        camera_from_record({"x": X0, "y": Y0, "hoehe_m": 8, "azimut_grad": 10,
                            "neigung_grad": None, "bild_breite_px": 1920,
                            "bild_hoehe_px": 1080, "hfov_grad": 50, "max_reichweite_m": 50})


def test_homography_dlt_recovers_the_camera_homography():
    c = cam(heading=75.0, tilt=22.0)
    rng = np.random.default_rng(7)
    ground = np.column_stack([X0 + rng.uniform(10, 50, 8), Y0 + rng.uniform(-10, 10, 8)])
    pix = c.project(ground)
    h = estimate_homography(pix, ground)  # image -> ground
    expected = invert_homography(c.ground_homography())
    probe = np.column_stack([rng.uniform(0, 1920, 30), rng.uniform(400, 1080, 30)])
    assert np.allclose(apply_homography(h, probe), apply_homography(expected, probe), atol=1e-4)
    assert reprojection_rms(h, pix, ground) < 1e-6
    # ground -> image, with noise of half a pixel: centimetre-level error on the ground
    noisy = pix + rng.normal(0, 0.5, pix.shape)
    h2 = estimate_homography(noisy, ground)
    test_ground = np.column_stack([X0 + rng.uniform(15, 45, 20), Y0 + rng.uniform(-8, 8, 20)])
    err = np.hypot(*(apply_homography(h2, c.project(test_ground)) - test_ground).T)
    assert err.max() < 0.5


def test_homography_bad_input():
    with pytest.raises(SignalsError, match="At least 4"):
        estimate_homography([(0, 0), (1, 0), (0, 1)], [(0, 0), (1, 0), (0, 1)])
    with pytest.raises(SignalsError, match="degenerate"):
        estimate_homography([(0, 0), (1, 1), (2, 2), (3, 3)], [(0, 0), (1, 0), (0, 1), (1, 1)])
    with pytest.raises(SignalsError, match="pairs"):
        estimate_homography([(0, 0), (1, 1), (2, 2), (3, 3)], [(0, 0), (1, 0), (0, 1)])


def test_overlap_area_matches_shapely():
    shapely_geometry = pytest.importorskip("shapely.geometry")
    rng = random.Random(11)
    for _ in range(40):
        def star(cx, cy):
            n = rng.randint(4, 9)
            return [(cx + rng.uniform(2, 6) * math.cos(2 * math.pi * k / n),
                     cy + rng.uniform(2, 6) * math.sin(2 * math.pi * k / n)) for k in range(n)]
        a, b = star(0, 0), star(rng.uniform(-5, 5), rng.uniform(-5, 5))
        expected = shapely_geometry.Polygon(a).intersection(shapely_geometry.Polygon(b)).area
        assert geo.overlap_area(a, b) == pytest.approx(expected, abs=1e-9)
        assert geo.overlap_area(b, a) == pytest.approx(expected, abs=1e-9)


def test_area_and_centroid_with_utm_coordinates():
    sq = [(X0 + 0.1, Y0 + 0.2), (X0 + 2.1, Y0 + 0.2), (X0 + 2.1, Y0 + 1.7), (X0 + 0.1, Y0 + 1.7)]
    assert geo.area(sq) == pytest.approx(3.0, abs=1e-9)
    cx, cy = geo.centroid(sq)
    assert (cx - X0, cy - Y0) == pytest.approx((1.1, 0.95), abs=1e-9)


def test_self_intersection_found():
    bowtie = [(0, 0), (4, 4), (4, 0), (0, 4), (0, 0)]
    assert geo.self_intersections(bowtie) == [(2.0, 2.0)]
    assert geo.self_intersections([(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)]) == []


def test_zone_before_stop_line():
    lane = [(0.0, -80.0), (0.0, -10.0)]  # northbound, stop line at y = -12
    stop = [(-2.0, -12.0), (2.0, -12.0)]
    ring = zl.zone_before_stop(lane, stop, 20.0, 3.0)
    assert abs(geo.area(ring)) == pytest.approx(60.0)
    ys = sorted({round(p[1], 9) for p in ring})
    xs = sorted({round(p[0], 9) for p in ring})
    assert ys == [-32.0, -12.0] and xs == [-1.5, 1.5]
    # a bent lane: the strip follows it, its length measured along the lane
    bent = [(-30.0, -40.0), (0.0, -20.0), (0.0, -10.0)]
    ring2 = zl.zone_before_stop(bent, stop, 20.0, 3.0)
    assert abs(geo.area(ring2)) == pytest.approx(60.0, rel=0.02)
    with pytest.raises(SignalsError, match="does not cross a stop line"):
        zl.zone_before_stop(lane, [(5.0, -12.0), (9.0, -12.0)], 20.0, 3.0)
    with pytest.raises(SignalsError, match="does not fit"):
        zl.zone_before_stop([(0.0, -20.0), (0.0, -10.0)], stop, 20.0, 3.0)


def test_pilot_layout_right_hand_traffic():
    segments = [("A", [(0.0, 0.0), (0.0, 100.0)]), ("A", [(0.0, 0.0), (0.0, -100.0)]),
                ("B", [(0.0, 0.0), (100.0, 0.0)]), ("B", [(-100.0, 0.0), (0.0, 0.0)])]
    centre = zl.find_junction(segments, "A", "B")
    assert centre == (0.0, 0.0)
    layout = zl.pilot_layout(centre, zl.arms_at(centre, segments))
    assert len(layout["lanes"]) == 8 and len(layout["cameras"]) == 4
    south = [ln for ln in layout["lanes"] if ln["zufahrt"].startswith("A (S)")]
    # northbound traffic from the south keeps right: east of the centre line (x > 0)
    assert sorted(ln["line"][0][0] for ln in south) == pytest.approx([1.75, 5.25])
    lane1 = next(ln for ln in south if ln["fahrstreifen_nr"] == 1)
    assert lane1["line"][0][0] == pytest.approx(5.25)  # lane 1 is the rightmost
    with pytest.raises(SignalsError, match="do not meet"):
        zl.find_junction(segments, "A", "C")


def _good_junction():
    c = {"fid": 1, "knoten_id": 1, "name": "K1", "x": X0, "y": Y0, "hoehe_m": 8.0,
         "azimut_grad": 0.0, "neigung_grad": 15.0, "hfov_grad": 50.0, "bild_breite_px": 1920,
         "bild_hoehe_px": 1080, "max_reichweite_m": 80.0}

    def rect(x0, y0, x1, y1):
        return [(X0 + x0, Y0 + y0), (X0 + x1, Y0 + y0), (X0 + x1, Y0 + y1), (X0 + x0, Y0 + y1),
                (X0 + x0, Y0 + y0)]
    zones = [
        {"fid": 1, "name": "Z1", "kamera_id": 1, "knoten_id": 1, "klasse_kfz": True,
         "klasse_rad": True, "fahrstreifen_id": 1, "funktion": "waiting", "ring": rect(0, 20, 3, 40)},
        {"fid": 2, "name": "Z2", "kamera_id": 1, "knoten_id": 1, "klasse_kfz": True,
         "fahrstreifen_id": 2, "funktion": "waiting", "ring": rect(-3.5, 20, -0.5, 40)},
        {"fid": 3, "name": "Z3", "kamera_id": 1, "knoten_id": 1, "klasse_fuss": True,
         "funktion": "request", "ring": rect(5, 22, 7, 25)},
    ]
    return c, zones, rect


def test_check_good_junction_has_no_findings():
    c, zones, _ = _good_junction()
    assert check_junction(zones, [c]) == []


def test_check_bad_junction_reports_each_rule():
    c, zones, rect = _good_junction()
    bad = zones + [
        {"fid": 4, "name": "far", "kamera_id": 1, "knoten_id": 1, "klasse_kfz": True,
         "fahrstreifen_id": 3, "funktion": "counting", "ring": rect(0, 70, 3, 90)},
        {"fid": 5, "name": "behind", "kamera_id": 1, "knoten_id": 1, "klasse_kfz": True,
         "fahrstreifen_id": 4, "funktion": "waiting", "ring": rect(0, -10, 3, 10)},
        {"fid": 6, "name": "twice", "kamera_id": 1, "knoten_id": 1, "klasse_kfz": True,
         "fahrstreifen_id": 1, "funktion": "counting", "ring": rect(0, 35, 3, 45)},
        {"fid": 7, "name": "bowtie", "kamera_id": 1, "knoten_id": 1, "klasse_kfz": True,
         "funktion": "waiting", "ring": [(X0, Y0 + 20), (X0 + 3, Y0 + 30), (X0 + 3, Y0 + 20),
                                         (X0, Y0 + 30), (X0, Y0 + 20)]},
        {"fid": 8, "name": "tiny", "kamera_id": 1, "knoten_id": 1, "klasse_kfz": True,
         "fahrstreifen_id": 5, "funktion": "waiting", "ring": rect(0, 25, 1, 26)},
        {"fid": 9, "name": "orphan", "kamera_id": 42, "knoten_id": 1, "klasse_kfz": True,
         "funktion": "waiting", "ring": rect(0, 25, 3, 30)},
        {"fid": 10, "name": "otherjunction", "kamera_id": 1, "knoten_id": 2, "klasse_kfz": True,
         "fahrstreifen_id": 6, "funktion": "waiting", "ring": rect(0, 25, 3, 30)},
    ]
    found = {(f.zone_name, f.rule) for f in check_junction(bad, [c])}
    assert ("far", "range") in found and ("far", "pixels") not in found  # 0.5 m at 90 m
    assert ("behind", "fov") in found
    assert ("Z1", "overlap") in found  # Z1 and 'twice' share lane 1 and class car
    assert ("bowtie", "geometry") in found
    assert ("tiny", "size") in found
    assert ("orphan", "camera") in found
    assert ("otherjunction", "junction") in found
    assert not {r for z, r in found if z in ("Z2", "Z3")}
    overlap = next(f for f in check_junction(bad, [c]) if f.rule == "overlap")
    assert overlap.value == pytest.approx(15.0)  # 3 m x 5 m
    assert "twice" in overlap.message


def test_check_min_pixels_at_far_edge():
    c, zones, _ = _good_junction()
    cam_obj = camera_from_record(c)
    # the smallest road user of each zone at its corners (object_pixels is checked against
    # first principles above): Z1 car+bike -> a bike 1.4 x 0.5 m, Z3 -> a pedestrian 0.4 m
    def smallest(zone, h, w):
        return min(min(cam_obj.object_pixels(p, h, w)) for p in zone["ring"][:-1])
    v1, v3 = smallest(zones[0], 1.4, 0.5), smallest(zones[2], 1.2, 0.4)
    assert v1 < v3
    found = check_junction(zones, [c], options=CheckOptions(min_pixels=(v1 + v3) / 2))
    pix = [f for f in found if f.rule == "pixels"]
    assert [f.zone_name for f in pix] == ["Z1"]
    assert pix[0].value == pytest.approx(v1)
    assert "at least" in pix[0].message and "40.1 m" in pix[0].message
    found = check_junction(zones, [c], options=CheckOptions(min_pixels=v3 + 1))
    assert sorted(f.zone_name for f in found if f.rule == "pixels") == ["Z1", "Z3"]
    assert check_junction(zones, [c], options=CheckOptions(min_pixels=v1 - 1)) == []


def test_check_line_of_sight_blocked_by_building():
    c, zones, rect = _good_junction()
    tall = (rect(-10, 10, 10, 15)[:-1], 20.0)   # across the view, 20 m high
    low = (rect(-10, 10, 10, 15)[:-1], 1.0)     # a 1 m wall: the sight line passes above
    blocked = [f for f in check_junction(zones, [c], [tall]) if f.rule == "sight"]
    assert sorted(f.zone_name for f in blocked) == ["Z1", "Z2", "Z3"]
    assert [f for f in check_junction(zones, [c], [low]) if f.rule == "sight"] == []


def test_check_camera_without_heading_and_empty_junction():
    c, zones, _ = _good_junction()
    c["azimut_grad"] = None
    found = check_junction(zones, [c])
    assert {f.rule for f in found} == {"camera"}
    assert "no heading" in found[0].message
    empty = check_junction([], [c])
    assert [f.rule for f in empty] == ["empty"] and "no detection zones" in empty[0].message


def _pyproj_wgs84():
    pyproj = pytest.importorskip("pyproj")
    t = pyproj.Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)
    return lambda pts: [t.transform(x, y) for x, y in pts]


def test_handover_package_round_trip():
    c, zones, _ = _good_junction()
    cam_obj = camera_from_record(c)
    to_wgs = _pyproj_wgs84()
    zones[0]["ring"] = [(x + 0.004, y - 0.0031) for x, y in zones[0]["ring"]]
    pkg = handover.build_package(cam_obj, c, zones, to_wgs)
    text = json.dumps(pkg)
    back = handover.read_package(text.encode("utf-8"), "k1.json")
    assert len(back["zones"]) == 3
    for orig, new in zip(zones, back["zones"]):
        for (x0, y0), (x1, y1) in zip(orig["ring"], new["ring"]):
            assert abs(x0 - x1) <= 0.005 + 1e-9 and abs(y0 - y1) <= 0.005 + 1e-9
    z1 = pkg["zones"][0]
    x, y = z1["coords_25832"][1]
    lon, lat = to_wgs([(x, y)])[0]
    assert z1["coords_wgs84"][1] == [round(lon, 8), round(lat, 8)]
    assert z1["offsets_east_north_m"][1] == [round(x - X0, 2), round(y - Y0, 2)]
    u, v = cam_obj.project([(x, y)])[0]
    assert z1["image_px"][1] == [round(u, 1), round(v, 1)]
    csv_text = handover.package_csv(pkg)
    lines = csv_text.strip().split("\n")
    assert lines[0].split(";") == handover.CSV_HEADER
    assert len(lines) == 1 + 1 + sum(len(z["coords_25832"]) for z in pkg["zones"])
    assert back["zones"][2]["klasse_fuss"] is True and back["zones"][2]["klasse_kfz"] is False


@pytest.mark.parametrize("content,match", [
    (b"{broken", "not valid JSON"),
    (b'{"format": "other"}', "not a hand-over package"),
    (b'{"format": "hamm_signals.handover", "crs": "EPSG:4326"}', "EPSG:25832 is expected"),
    (b'{"format": "hamm_signals.handover", "crs": "EPSG:25832", "camera": {}}', "'zones' is missing"),
    (b'{"format": "hamm_signals.handover", "crs": "EPSG:25832", "camera": {}, '
     b'"zones": [{"coords_25832": [[1, 2], [3, 4]]}]}', "fewer than three"),
    (b'{"format": "hamm_signals.handover", "crs": "EPSG:25832", "camera": {}, '
     b'"zones": [{"coords_25832": [[1, "x"], [3, 4], [5, 6]]}]}', "invalid coordinate"),
])
def test_handover_bad_input(content, match):
    with pytest.raises(ParseError, match=match):
        handover.read_package(content, "k.json")
