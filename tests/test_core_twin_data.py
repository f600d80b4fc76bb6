"""Building heights through the core when the last LoD2 import went to PostGIS."""

import pytest

pytestmark = [pytest.mark.qgis, pytest.mark.server]


@pytest.fixture()
def store():
    """The twin store registry, restored after the test."""
    from hamm_core.adapters import twin_data
    from hamm_core.adapters.settings import Settings
    settings = Settings(twin_data.STORE_SECTION)
    saved = {k: settings.value(k, "", str) for k in ("last", "buildings", "surfaces")}
    yield settings
    for key, value in saved.items():
        settings.set_value(key, value)


def _buildings():
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:25832&field=gml_id:string&field=hoehe:double"
        "&field=hoehe_boden:double&field=hoehe_traufe:double&field=hoehe_first:double"
        "&field=dachform:string", "gebaeude", "memory")
    feats = []
    for i in range(3):
        x = 410000.0 + 50 * i
        f = QgsFeature(layer.fields())
        f.setAttributes(["B{}".format(i), 9.0 + i, 60.0, 66.0 + i, 69.0 + i, "3100"])
        f.setGeometry(QgsGeometry.fromWkt(
            "MULTIPOLYGON((({0} 5720000, {1} 5720000, {1} 5720010, {0} 5720010, "
            "{0} 5720000)))".format(x, x + 12)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_heights_come_from_postgis_after_a_postgis_import(postgis, store, qgis_app):
    from hamm_core.adapters import postgis as pg
    from hamm_core.adapters import twin_data
    source = pg.export_layer(_buildings(), postgis.uri(), "twin_core", "gebaeude")
    store.set_value("last", "postgis")
    store.set_value("buildings", source)
    store.set_value("surfaces", source)
    assert twin_data.buildings_source() == (source, "postgres")
    rows = twin_data.building_heights()
    assert sorted((r["gml_id"], r["hoehe"], r["hoehe_first"]) for r in rows) == [
        ("B0", 9.0, 69.0), ("B1", 10.0, 70.0), ("B2", 11.0, 71.0)]
    assert rows[0]["wkt"].startswith("MultiPolygon")
    # the extent filter: only the middle building (x 410050..410062)
    middle = twin_data.building_heights(extent=(410045.0, 5719990.0, 410065.0, 5720020.0))
    assert [r["gml_id"] for r in middle] == ["B1"]
    # a GeoPackage import afterwards takes over again
    store.set_value("last", "gpkg")
    assert twin_data.buildings_source()[1] == "ogr"
