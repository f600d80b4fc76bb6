"""A stand-alone street layer for hamm_signals tests: the pilot junction Heßlerstraße /
Marker Allee as a plain cross of four 120 m arms (EPSG:25832), so tests that only need a
laid-out junction do not depend on the whole demo data build."""

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

CENTRE = (417901.0, 5725392.0)


def street_layer(crs: str = "EPSG:25832") -> QgsVectorLayer:
    x, y = CENTRE
    layer = QgsVectorLayer("LineString?crs={}&field=name:string".format(crs), "strassen",
                           "memory")
    arms = [("Heßlerstraße", (x, y + 120.0)), ("Heßlerstraße", (x + 5.0, y - 120.0)),
            ("Marker Allee", (x + 120.0, y + 8.0)), ("Marker Allee", (x - 120.0, y))]
    feats = []
    for name, end in arms:
        f = QgsFeature(layer.fields())
        f.setAttributes([name])
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*CENTRE), QgsPointXY(*end)]))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer
