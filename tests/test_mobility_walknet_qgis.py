"""'Mobilitätsangebote im Umkreis' with a footway layer: the hand-computed network of
test_mobility_walknet.py, shifted to Hamm (EPSG:25832)."""

import pytest

pytestmark = pytest.mark.qgis

LINES = [[(0, 0), (100, 0), (100, 100)], [(0, 0), (0, 100)], [(200, 0), (300, 0)],
         [(100.004, 100), (100, 200)]]

def _layer(kind, name, rows, fields=()):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    spec = "".join("&field={}:{}".format(n, t) for n, t in fields)
    layer = QgsVectorLayer("{}?crs=EPSG:25832{}".format(kind, spec), name, "memory")
    feats = []
    for coords, attrs in rows:
        f = QgsFeature(layer.fields())
        if kind == "Point":
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*coords)))
        else:
            f.setGeometry(QgsGeometry.fromMultiPolylineXY(
                [[QgsPointXY(x, y) for x, y in part] for part in coords]))
        f.setAttributes(list(attrs))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_nearby_offers_along_footways(provider):
    import processing
    from qgis.core import QgsProcessingException
    x0, y0 = 412000.0, 5726000.0
    shifted = [[[(x0 + x, y0 + y) for x, y in line]] for line in LINES]
    footways = _layer("MultiLineString", "wege", [(parts, ()) for parts in shifted])
    home = _layer("Point", "p", [((x0 + 50, y0 - 10), ("A",))], [("adresse", "string")])
    offers = [((110, 50), "S120"), ((10, 100), "S170"), ((60, 5), "S25"),
              ((210, 5), "C"), ((100, 190), "S250")]
    stations = _layer("Point", "s", [((x0 + x, y0 + y), (name,)) for (x, y), name in offers],
                      [("name", "string")])
    params = {"INPUT": home, "DISTANCE": 150, "SHARING_STATIONS": stations,
              "OUTPUT": "memory:", "SUMMARY": "memory:"}
    straight = next(processing.run("hamm_mobility:nearby_offers", params)["OUTPUT"]
                    .getFeatures())
    # in a straight line: 18.0 m, 84.9 m, 117.0 m, 158.1 m and 210.2 m
    assert straight["liste_sharing"] == "S25; S120; S170"
    walked = next(processing.run("hamm_mobility:nearby_offers", dict(
        params, FOOTWAYS=footways))["OUTPUT"].getFeatures())
    # along the footways: 25 m, 120 m, 170 m, unreachable, 250 m
    assert (walked["anz_sharing"], walked["liste_sharing"]) == (2, "S25; S120")
    walked = next(processing.run("hamm_mobility:nearby_offers", dict(
        params, FOOTWAYS=footways, DISTANCE=250.01))["OUTPUT"].getFeatures())
    assert walked["liste_sharing"] == "S25; S120; S170; S250"
    empty = _layer("LineString", "leer", [])
    with pytest.raises(QgsProcessingException, match="holds no lines"):
        processing.run("hamm_mobility:nearby_offers", dict(params, FOOTWAYS=empty))
