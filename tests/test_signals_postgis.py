"""hamm_signals: the junction model as a PostGIS schema, against the real PostGIS the test
session starts (fixture ``postgis``): created in one step with styles and forms stored in
the database, the pilot junction inserted, the database's rules refuse bad records with a
clear message (also for a client other than QGIS), and the check gives the same findings
on PostGIS layers as on the GeoPackage."""

import pytest
from qgis.core import QgsProject, QgsVectorLayer

pytestmark = [pytest.mark.qgis, pytest.mark.server]

SCHEMA = "lsa_pilot"


@pytest.fixture(scope="module")
def pg_pilot(postgis, demo_data, qgis_app):
    from hamm_signals.adapters import model_pg, pilot
    pm = model_pg.create_model(postgis.uri(), SCHEMA)
    streets = QgsVectorLayer("{}|layername=strassen".format(demo_data.gpkg), "s", "ogr")
    counts = pilot.fill_junction(pm, streets)
    del streets
    return pm, counts


@pytest.fixture(scope="module")
def gpkg_pilot(demo_data, tmp_path_factory, qgis_app):
    from hamm_signals.adapters import model_gpkg, pilot
    path = str(tmp_path_factory.mktemp("signals_pg") / "pilot.gpkg")
    model_gpkg.create_model(path)
    streets = QgsVectorLayer("{}|layername=strassen".format(demo_data.gpkg), "s", "ogr")
    pilot.fill_junction(path, streets)
    del streets
    return path


def test_schema_tables_rules_and_pilot(pg_pilot, postgis):
    pm, counts = pg_pilot
    assert counts == {"junctions": 1, "cameras": 4, "lanes": 8, "zones": 12}
    # an independent client sees the data and the constraints
    assert postgis.psql("SELECT count(*) FROM lsa_pilot.detektionszonen") == "12"
    assert postgis.psql("SELECT name, ST_X(geom), ST_Y(geom), ST_SRID(geom) FROM "
                        "lsa_pilot.knoten") == "Heßlerstraße / Marker Allee|417901|5725392|25832"
    waiting = postgis.psql("SELECT count(*), round(min(ST_Area(geom))::numeric, 6), "
                           "round(max(ST_Area(geom))::numeric, 6) FROM lsa_pilot.detektionszonen "
                           "WHERE funktion = 'waiting'")
    assert waiting == "8|60.000000|60.000000"
    names = set(postgis.psql(
        "SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE n.nspname = 'lsa_pilot'").split("\n"))
    assert {"fk_zone_kamera_desselben_knotens", "fk_detektionszonen_kamera_id",
            "fk_detektionszonen_knoten_id", "ck_kameras_neigung", "ck_zonen_klasse",
            "ck_zonen_geometrie"} <= names
    # every zone's junction is its camera's junction (the database agrees)
    assert postgis.psql(
        "SELECT count(*) FROM lsa_pilot.detektionszonen z JOIN lsa_pilot.kameras k "
        "ON k.fid = z.kamera_id WHERE k.knoten_id = z.knoten_id") == "12"


def test_styles_and_forms_stored_in_the_database(pg_pilot, postgis):
    pm, _ = pg_pilot
    assert postgis.psql("SELECT count(*) FROM public.layer_styles WHERE "
                        "f_table_schema = 'lsa_pilot' AND useasdefault") == "6"
    layer = QgsVectorLayer(pm.layer_uri("detektionszonen"), "z", "postgres")
    try:
        assert layer.isValid() and layer.crs().authid() == "EPSG:25832"
        kamera = layer.fields().indexOf("kamera_id")
        assert layer.attributeAlias(kamera) == "Kamera"
        setup = layer.editorWidgetSetup(kamera)
        assert setup.type() == "ValueRelation"
        assert setup.config()["LayerName"] == "Kameras"
        assert setup.config()["LayerProviderName"] == "postgres"
        assert layer.editorWidgetSetup(layer.fields().indexOf("funktion")).type() == "ValueMap"
        assert layer.renderer().type() == "categorizedSymbol"
        assert {c.value() for c in layer.renderer().categories()} == {"waiting", "request",
                                                                      "counting"}
    finally:
        del layer
    cams = QgsVectorLayer(pm.layer_uri("kameras"), "k", "postgres")
    idx = cams.fields().indexOf("neigung_grad")
    assert cams.attributeAlias(idx) == "Neigung unter Horizont [°]"
    assert '"neigung_grad" > 0' in cams.constraintExpression(idx)
    del cams


def test_load_model_into_project_with_relations(pg_pilot, qgis_new_project):
    from hamm_signals.adapters import model_pg
    pm, _ = pg_pilot
    project = QgsProject.instance()
    layers = model_pg.load_model(pm.target, pm.schema, project, "Pilot PostGIS")
    try:
        assert layers["detektionszonen"].name() == "Detektionszonen"
        assert layers["detektionszonen"].featureCount() == 12
        rel = project.relationManager().relations()["detektionszonen_kamera_id"]
        assert rel.referencedLayer() is layers["kameras"]
        cam = next(layers["kameras"].getFeatures())
        assert len(list(rel.getRelatedFeatures(cam))) >= 1
        assert len(project.layerTreeRoot().findGroup("Pilot PostGIS").findLayers()) == 6
    finally:
        project.relationManager().clear()
        project.removeAllMapLayers()
        project.layerTreeRoot().removeAllChildren()


def _second_junction(pm):
    """A second junction with its own camera (for the cross-junction rule)."""
    jid = pm.add_records("knoten", [{"name": "Zweiter Knoten", "xy": (418100.0, 5725500.0)}])[0]
    cid = pm.add_records("kameras", [{
        "knoten_id": jid, "name": "Kamera 2", "hoehe_m": 7.0, "azimut_grad": 90.0,
        "neigung_grad": 15.0, "hfov_grad": 60.0, "bild_breite_px": 1920,
        "bild_hoehe_px": 1080, "max_reichweite_m": 60.0, "xy": (418100.0, 5725500.0)}])[0]
    return jid, cid


def _zone(knoten, kamera, **kw):
    rec = {"knoten_id": knoten, "kamera_id": kamera, "name": "Testzone", "klasse_kfz": True,
           "funktion": "waiting", "ring": [(418110, 5725498), (418130, 5725498),
                                           (418130, 5725502), (418110, 5725502),
                                           (418110, 5725498)]}
    rec.update(kw)
    return rec


def test_zone_with_camera_of_another_junction_is_refused(pg_pilot, postgis):
    from hamm_signals.logic.errors import SignalsError
    pm, _ = pg_pilot
    jid, cid = _second_junction(pm)
    pilot_junction = int(postgis.psql("SELECT fid FROM lsa_pilot.knoten WHERE name LIKE "
                                      "'Heßler%'"))
    before = postgis.psql("SELECT count(*) FROM lsa_pilot.detektionszonen")
    with pytest.raises(SignalsError, match="camera belongs to another junction"):
        pm.add_records("detektionszonen", [_zone(pilot_junction, cid)])
    assert postgis.psql("SELECT count(*) FROM lsa_pilot.detektionszonen") == before
    # the same zone on the camera's own junction is accepted
    (fid,) = pm.add_records("detektionszonen", [_zone(jid, cid, name="Richtig")])
    assert postgis.psql("SELECT name FROM lsa_pilot.detektionszonen WHERE fid = {}"
                        .format(fid)) == "Richtig"
    # the rule holds for every client, not only for QGIS
    with pytest.raises(RuntimeError, match="fk_zone_kamera_desselben_knotens"):
        postgis.psql("UPDATE lsa_pilot.detektionszonen SET knoten_id = {} WHERE fid = {}"
                     .format(pilot_junction, fid))
    with pytest.raises(RuntimeError, match="fk_detektionszonen_kamera_id"):
        postgis.psql("DELETE FROM lsa_pilot.kameras WHERE fid = {}".format(cid))
    postgis.psql("DELETE FROM lsa_pilot.detektionszonen WHERE fid = {}".format(fid))


def test_zone_with_missing_camera_is_refused(pg_pilot, postgis):
    from hamm_signals.logic.errors import SignalsError
    pm, _ = pg_pilot
    with pytest.raises(SignalsError, match=r"camera 999 referenced in detektionszonen.kamera_id "
                                           r"does not exist"):
        pm.add_records("detektionszonen", [_zone(1, 999)])


def test_zone_without_class_is_refused(pg_pilot):
    from hamm_signals.logic.errors import SignalsError
    pm, _ = pg_pilot
    with pytest.raises(SignalsError, match="at least one road-user class"):
        pm.add_records("detektionszonen", [_zone(1, 1, klasse_kfz=False)])


def test_self_intersecting_zone_is_refused(pg_pilot, postgis):
    from hamm_signals.logic.errors import SignalsError
    pm, _ = pg_pilot
    bowtie = [(417950, 5725400), (417960, 5725405), (417960, 5725400), (417950, 5725405),
              (417950, 5725400)]
    before = postgis.psql("SELECT count(*) FROM lsa_pilot.detektionszonen")
    with pytest.raises(SignalsError, match="intersects itself"):
        pm.add_records("detektionszonen", [_zone(1, 1, ring=bowtie)])
    assert postgis.psql("SELECT count(*) FROM lsa_pilot.detektionszonen") == before


def test_camera_with_bad_tilt_or_no_heading_is_refused(pg_pilot):
    from hamm_signals.logic.errors import SignalsError
    pm, _ = pg_pilot
    cam = {"knoten_id": 1, "name": "Schief", "hoehe_m": 7.0, "azimut_grad": 90.0,
           "neigung_grad": 95.0, "hfov_grad": 60.0, "bild_breite_px": 1920,
           "bild_hoehe_px": 1080, "max_reichweite_m": 60.0, "xy": (417900.0, 5725390.0)}
    with pytest.raises(SignalsError, match="tilt must lie between 0 and 90"):
        pm.add_records("kameras", [cam])
    with pytest.raises(SignalsError, match=r"Blickrichtung \(Azimut\) \[°\] \(azimut_grad\) of "
                                           r"Kameras must not be empty"):
        pm.add_records("kameras", [dict(cam, neigung_grad=20.0, azimut_grad=None)])


def _findings(processing, zones, cameras, buildings, min_pixels):
    params = {"ZONES": zones, "CAMERAS": cameras, "MIN_PIXELS": min_pixels,
              "OUTPUT": "memory:"}
    if buildings:
        params.update(BUILDINGS=buildings, HEIGHT_FIELD="hoehe")
    res = processing.run("hamm_signals:check_junction", params)
    out = res["OUTPUT"]
    rows = sorted((f["zone"], f["kamera"], f["regel"], f["schwere"], f["erklaerung"], f["wert"])
                  for f in out.getFeatures())
    del out
    return res["ERRORS"], res["WARNINGS"], rows


def test_check_on_postgis_equals_check_on_geopackage(pg_pilot, gpkg_pilot, demo_data, provider):
    import processing
    pm, _ = pg_pilot
    pg_zones = QgsVectorLayer(pm.layer_uri("detektionszonen"), "z", "postgres")
    pg_zones.setSubsetString("knoten_id = (SELECT fid FROM lsa_pilot.knoten WHERE name LIKE "
                             "'Heßler%')")
    assert pg_zones.featureCount() == 12
    pg_cams = QgsVectorLayer(pm.layer_uri("kameras"), "k", "postgres")
    buildings = "{}|layername=gebaeude".format(demo_data.gpkg)
    for bld, min_px in ((buildings, 20.0), (None, 60.0), (None, 110.0)):
        on_pg = _findings(processing, pg_zones, pg_cams, bld, min_px)
        on_gpkg = _findings(processing, "{}|layername=detektionszonen".format(gpkg_pilot),
                            "{}|layername=kameras".format(gpkg_pilot), bld, min_px)
        assert on_pg == on_gpkg
    # the stricter runs have findings, so the comparison is not of empty lists
    assert on_pg[0] == len(on_pg[2]) == 12
    del pg_zones, pg_cams


def test_create_model_postgis_algorithm(postgis, demo_data, provider):
    import processing
    from qgis.core import QgsProcessingException
    project = QgsProject.instance()
    res = processing.run("hamm_signals:create_model_postgis", {
        "CONNECTION": postgis.uri(), "SCHEMA": "lsa_algo",
        "STREETS": "{}|layername=strassen".format(demo_data.gpkg), "ZONE_LENGTH": 25.0})
    assert res["SCHEMA"] == "lsa_algo" and res["ZONES"] == 12
    # loaded into the project in the same step: styled layers with relations
    try:
        group = project.layerTreeRoot().findGroup("Detection zones (lsa_algo)")
        assert group is not None and len(group.findLayers()) == 6
        zones = project.mapLayersByName("Detektionszonen")[0]
        assert zones.providerType() == "postgres" and zones.featureCount() == 12
        assert zones.renderer().type() == "categorizedSymbol"
        assert "detektionszonen_kamera_id" in project.relationManager().relations()
    finally:
        project.relationManager().clear()
        project.removeAllMapLayers()
        project.layerTreeRoot().removeAllChildren()
    assert postgis.psql("SELECT count(*), round(max(ST_Area(geom))::numeric, 3) FROM "
                        "lsa_algo.detektionszonen WHERE funktion = 'waiting'") == "8|75.000"
    with pytest.raises(QgsProcessingException, match="exists already"):
        processing.run("hamm_signals:create_model_postgis", {
            "CONNECTION": postgis.uri(), "SCHEMA": "lsa_algo", "LOAD": False})
    assert postgis.psql("SELECT count(*) FROM lsa_algo.detektionszonen") == "12"


def test_bad_schema_name_is_refused(postgis, qgis_app):
    from hamm_signals.adapters import model_pg
    from hamm_signals.logic.errors import SignalsError
    with pytest.raises(SignalsError, match="not a usable schema name"):
        model_pg.create_model(postgis.uri(), "Drop Table;")


def test_unreachable_database_gives_a_clear_message(qgis_app):
    from conftest import free_port

    from hamm_core.logic.errors import HammError
    from hamm_signals.adapters import model_pg
    uri = "dbname='x' host=127.0.0.1 port={} user='postgres' connect_timeout=3".format(
        free_port())
    with pytest.raises(HammError, match="Could not connect to PostgreSQL"):
        model_pg.create_model(uri, "lsa_neu")


@pytest.mark.slow
def test_create_model_postgis_in_qgis_process(root_dir, postgis, tmp_path):
    import subprocess
    import sys

    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter
    from signals_pilot import street_layer
    sys.path.insert(0, str(root_dir / "scripts"))
    from demo_services import clean_env
    streets = tmp_path / "strassen.gpkg"
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = "strassen"
    QgsVectorFileWriter.writeAsVectorFormatV3(street_layer(), str(streets),
                                              QgsCoordinateTransformContext(), opts)
    profile = tmp_path / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nhamm_core=true\nhamm_signals=true\n")
    env = dict(clean_env(), QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
               QGIS_PLUGINPATH=str(root_dir / "plugins"))
    proc = subprocess.run(["/usr/bin/qgis_process.bin", "run",
                           "hamm_signals:create_model_postgis", "--",
                           "CONNECTION={}".format(postgis.uri()), "SCHEMA=lsa_cli",
                           "STREETS={}|layername=strassen".format(streets)],
                          env=env, capture_output=True, text=True, check=False, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 cameras, 8 lanes, 12 zones" in proc.stdout
    assert postgis.psql("SELECT count(*) FROM lsa_cli.detektionszonen") == "12"
    assert postgis.psql("SELECT count(*) FROM public.layer_styles WHERE "
                        "f_table_schema = 'lsa_cli'") == "6"


def test_failed_creation_leaves_no_half_schema(postgis, qgis_app, monkeypatch):
    from hamm_signals.adapters import model_pg
    from hamm_signals.logic import model_sql
    from hamm_signals.logic.errors import SignalsError
    real = model_sql.create_statements

    def broken(schema):  # the last statement fails inside the database
        return real(schema) + ["CREATE TABLE {}.kaputt (x keintyp)".format(schema)]
    monkeypatch.setattr(model_sql, "create_statements", broken)
    with pytest.raises(SignalsError, match="could not be created.*keintyp"):
        model_pg.create_model(postgis.uri(), "lsa_halb")
    assert postgis.psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'lsa_halb'") == "0"
    monkeypatch.setattr(model_sql, "create_statements", real)
    model_pg.create_model(postgis.uri(), "lsa_halb")  # the connection is usable again
    assert postgis.psql("SELECT count(*) FROM information_schema.tables WHERE "
                        "table_schema = 'lsa_halb'") == "6"
