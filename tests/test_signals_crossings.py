"""hamm_signals: pedestrian waiting areas at crosswalks and bike waiting areas before stop
lines. Expected corners are computed by hand in each test (plane geometry, UTM metres)."""

import math

import pytest

from hamm_signals.logic import crossings as cx
from hamm_signals.logic import geometry as geo
from hamm_signals.logic.errors import SignalsError

X0, Y0 = 417900.0, 5725400.0


def corners(ring):
    """Corner set of a closed ring, rounded to the millimetre (order-free comparison)."""
    return sorted((round(x, 3), round(y, 3)) for x, y in ring[:-1])


@pytest.mark.pure
def test_crosswalk_areas_on_both_sidewalks():
    # a crosswalk drawn northwards across a 12 m carriageway
    line = [(X0, Y0), (X0, Y0 + 12.0)]
    start, end = cx.crossing_waiting_areas(line, depth=2.0, width=4.0, setback=0.5)
    # south sidewalk: from 0.5 to 2.5 m south of the kerb point, 2 m either side
    assert corners(start) == corners([(X0 - 2, Y0 - 0.5), (X0 + 2, Y0 - 0.5), (X0 + 2, Y0 - 2.5),
                                      (X0 - 2, Y0 - 2.5), (X0 - 2, Y0 - 0.5)])
    # north sidewalk: from 12.5 to 14.5 m north of the first kerb point
    assert corners(end) == corners([(X0 - 2, Y0 + 12.5), (X0 + 2, Y0 + 12.5),
                                    (X0 + 2, Y0 + 14.5), (X0 - 2, Y0 + 14.5),
                                    (X0 - 2, Y0 + 12.5)])
    for ring in (start, end):
        assert ring[0] == ring[-1] and geo.area(ring) == pytest.approx(8.0)  # ccw, 2 x 4 m


@pytest.mark.pure
def test_crosswalk_diagonal_and_bent():
    # a diagonal crosswalk (45°) from south-west to north-east, no setback
    s = math.sqrt(0.5)
    line = [(X0, Y0), (X0 + 6.0, Y0 + 6.0)]
    start, end = cx.crossing_waiting_areas(line, depth=2.0, width=2.0)
    # onto the SW sidewalk: along = (-s, -s), left normal = (s, -s); a in [0, 2], c in [-1, 1]
    expected = [(X0 + a * -s + c * s, Y0 + a * -s + c * -s) for a in (0, 2) for c in (-1, 1)]
    assert corners(start) == corners(expected + expected[:1])
    far = [(X0 + 6 + a * s + c * -s, Y0 + 6 + a * s + c * s) for a in (0, 2) for c in (-1, 1)]
    assert corners(end) == corners(far + far[:1])
    # a bent crossing: each end follows its own last segment
    bent = [(X0, Y0), (X0, Y0 + 5.0), (X0 + 5.0, Y0 + 5.0)]
    start, end = cx.crossing_waiting_areas(bent, depth=1.0, width=2.0)
    assert corners(start) == corners([(X0 - 1, Y0), (X0 + 1, Y0), (X0 + 1, Y0 - 1),
                                      (X0 - 1, Y0 - 1), (X0 - 1, Y0)])
    assert corners(end) == corners([(X0 + 5, Y0 + 4), (X0 + 5, Y0 + 6), (X0 + 6, Y0 + 6),
                                    (X0 + 6, Y0 + 4), (X0 + 5, Y0 + 4)])


@pytest.mark.pure
def test_bike_area_before_stop_line():
    # stop line drawn west -> east: left to right for a cyclist riding north, who arrives
    # from the south; the area is the 3 m strip south of the line
    stop = [(X0, Y0), (X0 + 2.5, Y0)]
    ring, used = cx.bike_waiting_area(stop, depth=3.0)
    assert used is None
    assert corners(ring) == corners([(X0, Y0), (X0 + 2.5, Y0), (X0 + 2.5, Y0 - 3),
                                     (X0, Y0 - 3), (X0, Y0)])
    assert geo.area(ring) == pytest.approx(7.5)
    # with a setback of 0.5 m (the area starts behind an advanced stop line)
    ring, _ = cx.bike_waiting_area(stop, depth=3.0, setback=0.5)
    assert corners(ring) == corners([(X0, Y0 - 0.5), (X0 + 2.5, Y0 - 0.5),
                                     (X0 + 2.5, Y0 - 3.5), (X0, Y0 - 3.5), (X0, Y0 - 0.5)])
    # a bike lane riding south across the line overrides the drawing convention
    lanes = [[(X0 + 50, Y0 + 20), (X0 + 50, Y0 - 20)],        # does not cross: ignored
             [(X0 + 1.25, Y0 + 20), (X0 + 1.25, Y0 - 1)]]     # southbound, crosses
    ring, used = cx.bike_waiting_area(stop, depth=3.0, lanes=lanes)
    assert used == 1
    assert corners(ring) == corners([(X0, Y0), (X0 + 2.5, Y0), (X0 + 2.5, Y0 + 3),
                                     (X0, Y0 + 3), (X0, Y0)])


@pytest.mark.pure
def test_bad_crossing_input():
    with pytest.raises(SignalsError, match="has no length"):
        cx.crossing_waiting_areas([(X0, Y0), (X0, Y0)], 2.0, 4.0, label="F1")
    with pytest.raises(SignalsError, match="greater than 0 m"):
        cx.crossing_waiting_areas([(X0, Y0), (X0, Y0 + 5)], 0.0, 4.0)
    with pytest.raises(SignalsError, match="must not be negative"):
        cx.crossing_waiting_areas([(X0, Y0), (X0, Y0 + 5)], 2.0, 4.0, setback=-1)
    with pytest.raises(SignalsError, match="has no length"):
        cx.bike_waiting_area([(X0, Y0)], 2.0, label="R1")


# ------------------------------------------------------------------------------------------
# The Processing algorithm in a real QGIS

def _lines(crs, rows, fields="knoten_id:integer&field=signalgruppe_id:integer"):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    layer = QgsVectorLayer("LineString?crs={}&field={}".format(crs, fields), "l", "memory")
    feats = []
    for attrs, wkt in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(attrs)
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _cameras():
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    layer = QgsVectorLayer(
        "Point?crs=EPSG:25832&field=fid:integer&field=knoten_id:integer&field=name:string"
        "&field=hoehe_m:double&field=azimut_grad:double&field=neigung_grad:double"
        "&field=hfov_grad:double&field=bild_breite_px:integer&field=bild_hoehe_px:integer"
        "&field=max_reichweite_m:double", "k", "memory")
    feats = []
    # camera 7 south of the crossing looking north, camera 8 far away looking east
    for attrs, xy in (([7, 1, "Nord", 8.0, 0.0, 20.0, 60.0, 1920, 1080, 60.0], (X0, Y0 - 15)),
                      ([8, 1, "Ost", 8.0, 90.0, 20.0, 60.0, 1920, 1080, 60.0], (X0 + 300, Y0))):
        f = QgsFeature(layer.fields())
        f.setAttributes(attrs)
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*xy)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


@pytest.mark.qgis
def test_crossing_algorithm_pedestrians(provider):
    import processing
    crossings = _lines("EPSG:25832", [
        ([1, 4], "LINESTRING({} {}, {} {})".format(X0, Y0, X0, Y0 + 12)),
        ([1, 5], "LINESTRING({} {}, {} {})".format(X0 + 5, Y0, X0 + 5, Y0))])  # no length
    cams = _cameras()
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        errors = []

        def reportError(self, error, fatalError=False):  # noqa: N802, N803 - Qt names
            self.errors.append(error)
    feedback = Feedback()
    res = processing.run("hamm_signals:generate_crossing_zones", {
        "INPUT": crossings, "KIND": 0, "DEPTH": 2.0, "WIDTH": 4.0, "SETBACK": 0.5,
        "CAMERAS": cams, "OUTPUT": "memory:"}, feedback=feedback)
    assert feedback.errors == ["Crossing F2 has no length; draw it from kerb to kerb."]
    out = res["OUTPUT"]
    feats = sorted(out.getFeatures(), key=lambda f: f["name"])
    rows = [(f["name"], f["knoten_id"], f["signalgruppe_id"], f["kamera_id"], f["klasse_fuss"],
             f["klasse_rad"], f["klasse_kfz"], f["funktion"]) for f in feats]
    rings = [[(p.x(), p.y()) for p in f.geometry().asPolygon()[0]] for f in feats]
    del out, feats, crossings, cams
    assert res["COUNT"] == 2
    assert rows == [("F1a", 1, 4, 7, True, False, False, "waiting"),
                    ("F1b", 1, 4, 7, True, False, False, "waiting")]
    assert corners(rings[0]) == corners([(X0 - 2, Y0 - 0.5), (X0 + 2, Y0 - 0.5),
                                         (X0 + 2, Y0 - 2.5), (X0 - 2, Y0 - 2.5),
                                         (X0 - 2, Y0 - 0.5)])
    assert corners(rings[1]) == corners([(X0 - 2, Y0 + 12.5), (X0 + 2, Y0 + 12.5),
                                         (X0 + 2, Y0 + 14.5), (X0 - 2, Y0 + 14.5),
                                         (X0 - 2, Y0 + 12.5)])


@pytest.mark.qgis
def test_crossing_algorithm_bikes_with_lanes(provider):
    import processing
    stops = _lines("EPSG:25832", [([1, 6], "LINESTRING({} {}, {} {})".format(
        X0, Y0, X0 + 2.5, Y0))])
    lanes = _lines("EPSG:25832", [([1, 6], "LINESTRING({} {}, {} {})".format(
        X0 + 1.25, Y0 + 20, X0 + 1.25, Y0 - 1))])
    res = processing.run("hamm_signals:generate_crossing_zones", {
        "INPUT": stops, "KIND": 1, "DEPTH": 3.0, "LANES": lanes, "OUTPUT": "memory:"})
    out = res["OUTPUT"]
    feats = list(out.getFeatures())
    rows = [(f["name"], f["klasse_rad"], f["klasse_fuss"], f["fahrstreifen_id"],
             f["signalgruppe_id"]) for f in feats]
    rings = [[(p.x(), p.y()) for p in f.geometry().asPolygon()[0]] for f in feats]
    del out, feats, stops, lanes
    assert res["COUNT"] == 1
    assert rows == [("R1", True, False, 1, 6)]
    assert corners(rings[0]) == corners([(X0, Y0), (X0 + 2.5, Y0), (X0 + 2.5, Y0 + 3),
                                         (X0, Y0 + 3), (X0, Y0)])


@pytest.mark.qgis
def test_crossing_algorithm_refuses_wrong_crs(provider):
    import processing
    from qgis.core import QgsProcessingException
    layer = _lines("EPSG:4326", [([1, 1], "LINESTRING(7.8 51.6, 7.8 51.7)")])
    with pytest.raises(QgsProcessingException, match="EPSG:25832"):
        processing.run("hamm_signals:generate_crossing_zones", {
            "INPUT": layer, "KIND": 0, "OUTPUT": "memory:"})
    del layer
