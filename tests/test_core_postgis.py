"""hamm_core.adapters.postgis against a real PostGIS started by the test session."""

import pytest

pytestmark = [pytest.mark.qgis, pytest.mark.server]


def _points():
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    layer = QgsVectorLayer("Point?crs=EPSG:25832&field=name:string&field=height:double",
                           "pts", "memory")
    feats = []
    for i, (x, y, h) in enumerate([(410000.0, 5725000.0, 12.5), (410100.0, 5725050.0, 7.0),
                                   (410200.0, 5725100.0, 21.25)]):
        f = QgsFeature(layer.fields())
        f.setAttributes(["Haus {}".format(i), h])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_check_reports_postgis_version(postgis, qgis_app):
    from hamm_core.adapters import postgis as pg
    assert pg.check(postgis.uri()).startswith("3.")


def test_export_and_read_back(postgis, qgis_app):
    from hamm_core.adapters import postgis as pg
    uri = pg.export_layer(_points(), postgis.uri(), "hamm_test", "punkte")
    layer = pg.table_layer(postgis.uri(), "hamm_test", "punkte")
    assert layer.featureCount() == 3
    assert layer.crs().authid() == "EPSG:25832"
    rows = {f["name"]: (f["height"], f.geometry().asPoint().x()) for f in layer.getFeatures()}
    assert rows["Haus 2"] == (21.25, 410200.0)
    assert "punkte" in uri
    # the database agrees (independent client)
    assert postgis.psql("SELECT count(*), sum(height) FROM hamm_test.punkte") == "3|40.75"
    assert postgis.psql("SELECT ST_SRID(geom) FROM hamm_test.punkte LIMIT 1") == "25832"


def test_existing_table_is_not_overwritten_without_consent(postgis, qgis_app):
    from hamm_core.adapters import postgis as pg
    from hamm_core.logic.errors import HammError
    pg.export_layer(_points(), postgis.uri(), "hamm_test", "bleibt")
    with pytest.raises(HammError, match="exists already"):
        pg.export_layer(_points(), postgis.uri(), "hamm_test", "bleibt")
    assert postgis.psql("SELECT count(*) FROM hamm_test.bleibt") == "3"
    pg.export_layer(_points(), postgis.uri(), "hamm_test", "bleibt", overwrite=True)
    assert postgis.psql("SELECT count(*) FROM hamm_test.bleibt") == "3"


def test_unreachable_server_gives_a_clear_message(qgis_app):
    from conftest import free_port

    from hamm_core.adapters import postgis as pg
    from hamm_core.logic.errors import HammError
    uri = ("dbname='x' host=127.0.0.1 port={} user='postgres' password='ge\\'h eim' "
           "connect_timeout=3").format(free_port())
    with pytest.raises(HammError, match="Could not connect to PostgreSQL") as info:
        pg.check(uri)
    for part in ("ge", "h eim", "eim"):
        assert "password='" + part not in info.value.user_message
    assert "heim" not in info.value.user_message and "heim" not in info.value.detail


def test_neither_name_nor_uri(qgis_app):
    from hamm_core.adapters import postgis as pg
    from hamm_core.logic.errors import HammError
    with pytest.raises(HammError, match="neither a saved PostgreSQL connection"):
        pg.resolve_uri("gibtsnicht")


def test_a_refused_statement_names_the_reason_not_the_sql(postgis, qgis_app):
    from hamm_core.adapters import postgis as pg
    from hamm_core.logic.errors import HammError
    values = ", ".join("({})".format(i) for i in range(3000))
    with pytest.raises(HammError) as info:
        pg.execute(postgis.uri(), "INSERT INTO gibt_es_nicht VALUES {}".format(values))
    message = info.value.user_message
    assert 'relation "gibt_es_nicht" does not exist' in message
    assert "VALUES" not in message and len(info.value.detail) < 3000
