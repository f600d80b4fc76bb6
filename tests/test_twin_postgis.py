"""hamm_twin: LoD2 import into a real PostGIS (started by the test session), re-import as
update, the area filter (extent and polygons) into PostGIS and GeoPackage, bad targets."""

import math

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
from twin_fixtures import House, write_citygml, write_cityjson

pytestmark = [pytest.mark.qgis, pytest.mark.server]

X0, Y0 = 410000.0, 5720000.0


def _houses():
    return [House("DENW_P{}".format(i), X0 + i * 20, Y0, w=10 + i, d=8, r=8 + i,
                  measured=None if i % 2 else 8.0 + i, roof_type="1000" if i == 3 else "3100",
                  e=8 + i if i == 3 else 6) for i in range(6)]


def _rows(postgis, sql):
    out = postgis.psql(sql)
    return [line.split("|") for line in out.splitlines()] if out else []


def test_import_into_postgis_matches_independent_values(provider, postgis, tmp_path):
    import processing
    houses = _houses()
    a = write_citygml(tmp_path / "a.gml", houses[:4], version="2.0")
    b = write_cityjson(tmp_path / "b.json", houses[3:])  # DENW_P3 in both tiles
    res = processing.run("hamm_twin:import_lod2_postgis", {
        "INPUT": [a, b], "DATABASE": postgis.uri(), "SCHEMA": "twin_a"})
    assert res["BUILDING_COUNT"] == 6 and res["UPDATED"] == 0
    rows = _rows(postgis, "SELECT gml_id, hoehe, hoehe_boden, hoehe_first, hoehe_traufe, "
                          "dachform_bez, round(ST_Area(geom)::numeric, 3), dachflaeche, "
                          "ST_SRID(geom), GeometryType(geom), quelle "
                          "FROM twin_a.gebaeude ORDER BY gml_id")
    assert [r[0] for r in rows] == ["DENW_P{}".format(i) for i in range(6)]
    for h, r in zip(houses, rows):
        assert float(r[1]) == pytest.approx(h.height)
        assert float(r[2]) == pytest.approx(h.g)
        assert float(r[3]) == pytest.approx(h.g + h.r)
        assert float(r[4]) == pytest.approx(h.g + h.e)
        assert r[5] == ("Flachdach" if h.roof_type == "1000" else "Satteldach")
        assert float(r[6]) == pytest.approx(h.w * h.d, abs=1e-3)
        assert float(r[7]) == pytest.approx(h.roof_area(), rel=1e-6)
        assert r[8] == "25832" and r[9] == "MULTIPOLYGON"
    assert rows[3][10] == "a.gml" and rows[5][10] == "b.json"
    # surfaces: count and types, 3D, areas per roof as computed from the house
    counts = dict(_rows(postgis, "SELECT typ, count(*) FROM twin_a.gebaeude_flaechen "
                                 "GROUP BY typ"))
    expected = {}
    for h in houses:
        for kind, _ring in h.surfaces():
            expected[kind] = expected.get(kind, 0) + 1
    assert {k: int(v) for k, v in counts.items()} == expected
    zmax = _rows(postgis, "SELECT max(ST_ZMax(geom)), bool_and(ST_NDims(geom) = 3) "
                          "FROM twin_a.gebaeude_flaechen WHERE gml_id = 'DENW_P2'")
    assert float(zmax[0][0]) == pytest.approx(houses[2].g + houses[2].r)
    assert zmax[0][1] == "t"
    roof = _rows(postgis, "SELECT flaeche_m2, neigung FROM twin_a.gebaeude_flaechen WHERE "
                          "gml_id = 'DENW_P0' AND typ = 'RoofSurface'")
    h = houses[0]
    slope = math.degrees(math.atan2(h.r - h.e, h.d / 2))
    for area, tilt in roof:
        assert float(area) == pytest.approx(h.roof_area() / 2, rel=1e-6)
        assert float(tilt) == pytest.approx(slope, abs=1e-6)
    # the layer QGIS opens from the output, and the one Processing loads on completion
    layer = QgsVectorLayer(res["BUILDINGS"], "b", "postgres")
    assert layer.isValid() and layer.featureCount() == 6
    assert layer.crs().authid() == "EPSG:25832"
    del layer
    from qgis.core import QgsProcessingContext, QgsProcessingUtils
    context = QgsProcessingContext()
    loaded = QgsProcessingUtils.mapLayerFromString("postgres://" + res["SURFACES"], context)
    assert loaded is not None and loaded.isValid()
    assert loaded.providerType() == "postgres" and loaded.featureCount() == sum(expected.values())


def test_reimport_into_postgis_updates(provider, postgis, tmp_path):
    import processing
    houses = _houses()
    a = write_citygml(tmp_path / "a.gml", houses)
    params = {"INPUT": [a], "DATABASE": postgis.uri(), "SCHEMA": "twin_b"}
    processing.run("hamm_twin:import_lod2_postgis", params)
    changed = [House(h.gml_id, h.x0, h.y0, w=h.w, d=h.d, r=h.r, measured=30.0 + i)
               for i, h in enumerate(houses[:2])]
    c = write_citygml(tmp_path / "c.gml", changed)
    res = processing.run("hamm_twin:import_lod2_postgis", dict(params, INPUT=[c]))
    assert res["UPDATED"] == 2 and res["BUILDING_COUNT"] == 2
    rows = dict(_rows(postgis, "SELECT gml_id, hoehe FROM twin_b.gebaeude"))
    assert len(rows) == 6
    assert float(rows["DENW_P1"]) == pytest.approx(31.0)
    assert float(rows["DENW_P4"]) == pytest.approx(houses[4].height)
    n = postgis.psql("SELECT count(*) FROM twin_b.gebaeude_flaechen")
    assert int(n) == sum(len(h.surfaces()) for h in houses)


def test_postgis_import_into_foreign_table_is_refused(provider, postgis, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    postgis.psql("CREATE SCHEMA IF NOT EXISTS fremd; CREATE TABLE IF NOT EXISTS "
                 "fremd.gebaeude (id int, name text); INSERT INTO fremd.gebaeude "
                 "VALUES (1, 'bleibt')")
    a = write_citygml(tmp_path / "a.gml", _houses()[:1])
    with pytest.raises(QgsProcessingException, match="not a building table"):
        processing.run("hamm_twin:import_lod2_postgis", {
            "INPUT": [a], "DATABASE": postgis.uri(), "SCHEMA": "fremd"})
    assert postgis.psql("SELECT count(*), min(name) FROM fremd.gebaeude") == "1|bleibt"


def test_postgis_import_unknown_connection_name(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    a = write_citygml(tmp_path / "a.gml", _houses()[:1])
    with pytest.raises(QgsProcessingException, match="neither a saved PostgreSQL"):
        processing.run("hamm_twin:import_lod2_postgis", {
            "INPUT": [a], "DATABASE": "gibt_es_nicht", "SCHEMA": "x"})


def test_postgis_import_saved_connection_name(provider, postgis, tmp_path):
    import processing
    from qgis.core import QgsProviderRegistry
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    conn = md.createConnection(postgis.uri(), {"saveUsername": True})
    md.saveConnection(conn, "Hamm Test Zwilling")
    try:
        a = write_citygml(tmp_path / "a.gml", _houses()[:2])
        res = processing.run("hamm_twin:import_lod2_postgis", {
            "INPUT": [a], "DATABASE": "Hamm Test Zwilling", "SCHEMA": "twin_c"})
        assert res["BUILDING_COUNT"] == 2
        assert postgis.psql("SELECT count(*) FROM twin_c.gebaeude") == "2"
    finally:
        md.deleteConnection("Hamm Test Zwilling")


def _district(coords, crs="EPSG:25832"):
    layer = QgsVectorLayer("Polygon?crs={}&field=name:string".format(crs), "bezirk", "memory")
    feat = QgsFeature(layer.fields())
    feat.setAttributes(["Mitte"])
    feat.setGeometry(QgsGeometry.fromWkt(coords))
    layer.dataProvider().addFeatures([feat])
    return layer


def _grid():
    """A 6 x 6 grid of houses 20 m apart (10 x 8 m each)."""
    return [House("G{}_{}".format(i, j), X0 + i * 20, Y0 + j * 20)
            for i in range(6) for j in range(6)]


def _inside_triangle(h, tri):
    """Independent check: does the house's footprint meet the triangle? (QGIS/GEOS)"""
    box = QgsGeometry.fromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
        h.x0, h.y0, h.x0 + h.w, h.y0 + h.d))
    return box.intersects(QgsGeometry.fromWkt(tri))


def test_area_polygon_filter_into_postgis(provider, postgis, tmp_path):
    import processing
    houses = _grid()
    a = write_citygml(tmp_path / "grid.gml", houses)
    tri = "POLYGON(({0} {1}, {2} {1}, {0} {3}, {0} {1}))".format(X0 + 5, Y0 + 4, X0 + 95,
                                                                 Y0 + 95)
    expected = sorted(h.gml_id for h in houses if _inside_triangle(h, tri))
    assert 5 < len(expected) < len(houses) - 5
    res = processing.run("hamm_twin:import_lod2_postgis", {
        "INPUT": [a], "AREA": _district(tri), "DATABASE": postgis.uri(), "SCHEMA": "twin_d"})
    assert res["BUILDING_COUNT"] == len(expected)
    got = postgis.psql("SELECT string_agg(gml_id, ',' ORDER BY gml_id) FROM twin_d.gebaeude")
    assert got.split(",") == expected


def test_area_polygon_and_extent_into_gpkg(provider, tmp_path):
    import processing
    houses = _grid()
    a = write_cityjson(tmp_path / "grid.json", houses)
    tri = "POLYGON(({0} {1}, {2} {1}, {0} {3}, {0} {1}))".format(X0 + 5, Y0 + 4, X0 + 95,
                                                                 Y0 + 95)
    # extent: only the two lowest rows; together with the triangle: their intersection
    ext = (X0 - 5, X0 + 200, Y0 - 5, Y0 + 30)
    clip = QgsGeometry.fromWkt(tri).intersection(QgsGeometry.fromRect(
        QgsGeometry.fromWkt("POLYGON(({0} {2},{1} {2},{1} {3},{0} {3},{0} {2}))".format(
            *ext)).boundingBox()))
    expected = sorted(h.gml_id for h in houses if _inside_triangle(h, clip.asWkt()))
    out = str(tmp_path / "area.gpkg")
    res = processing.run("hamm_twin:import_lod2", {
        "INPUT": [a], "AREA": _district(tri), "OUTPUT": out,
        "EXTENT": "{},{},{},{} [EPSG:25832]".format(*ext)})
    assert res["BUILDING_COUNT"] == len(expected) > 0
    layer = QgsVectorLayer(out + "|layername=gebaeude", "g", "ogr")
    assert sorted(f["gml_id"] for f in layer.getFeatures()) == expected
    del layer


def test_area_polygon_in_another_crs_is_reprojected(provider, tmp_path):
    import processing
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
    houses = _grid()
    a = write_citygml(tmp_path / "grid.gml", houses)
    # a rectangle around the houses of column 2 given in WGS84
    rect = QgsGeometry.fromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
        X0 + 38, Y0 - 10, X0 + 52, Y0 + 130))
    rect.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                          QgsCoordinateReferenceSystem("EPSG:4326"),
                                          QgsProject.instance()))
    res = processing.run("hamm_twin:import_lod2", {
        "INPUT": [a], "AREA": _district(rect.asWkt(), "EPSG:4326"),
        "OUTPUT": str(tmp_path / "col.gpkg")})
    assert res["BUILDING_COUNT"] == 6


def test_area_without_polygons_is_refused(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    a = write_citygml(tmp_path / "grid.gml", _grid()[:2])
    empty = QgsVectorLayer("Polygon?crs=EPSG:25832", "leer", "memory")
    with pytest.raises(QgsProcessingException, match="no polygons"):
        processing.run("hamm_twin:import_lod2", {
            "INPUT": [a], "AREA": empty, "OUTPUT": str(tmp_path / "x.gpkg")})


def test_load_twin_after_postgis_import(provider, postgis, tmp_path, qgis_new_project):
    import processing
    from qgis.core import QgsProject, QgsRectangle

    from hamm_twin.adapters import twin
    houses = _grid()
    a = write_citygml(tmp_path / "grid.gml", houses)
    processing.run("hamm_twin:import_lod2_postgis", {
        "INPUT": [a], "DATABASE": postgis.uri(), "SCHEMA": "twin_e"})
    area = QgsRectangle(X0 - 5, Y0 - 5, X0 + 35, Y0 + 35)   # 2 x 2 houses
    project = QgsProject.instance()
    result = twin.load_twin(["buildings", "surfaces"], area, project)
    assert result["missing"] == []
    group = project.layerTreeRoot().findGroup(twin.GROUP)
    layers = {n.layer().customProperty(twin.ROLE): n.layer() for n in group.findLayers()}
    assert layers["buildings"].providerType() == "postgres"
    expected = sorted(h.gml_id for h in houses if h.x0 <= X0 + 35 and h.y0 <= Y0 + 35)
    assert sorted(f["gml_id"] for f in layers["buildings"].getFeatures()) == expected
    assert layers["surfaces"].featureCount() == sum(
        len(h.surfaces()) for h in houses if h.gml_id in expected)
    assert layers["buildings"].renderer3D() is not None
    project.removeAllMapLayers()
    # a later GeoPackage import is what "load twin" shows again
    processing.run("hamm_twin:import_lod2", {"INPUT": [a], "OUTPUT": str(tmp_path / "g.gpkg")})
    assert twin.last_postgis_import() is None


def test_reimport_into_gpkg_open_in_qgis(provider, tmp_path):
    """The user has the building layer in the project and imports again."""
    import processing
    houses = _grid()
    a = write_citygml(tmp_path / "grid.gml", houses[:10])
    out = str(tmp_path / "open.gpkg")
    processing.run("hamm_twin:import_lod2", {"INPUT": [a], "OUTPUT": out})
    layer = QgsVectorLayer(out + "|layername=gebaeude", "g", "ogr")
    assert layer.featureCount() == 10
    b = write_citygml(tmp_path / "more.gml", houses[5:20])
    res = processing.run("hamm_twin:import_lod2", {"INPUT": [b], "OUTPUT": out})
    assert res["UPDATED"] == 5 and res["BUILDING_COUNT"] == 15
    layer.reload()
    assert layer.dataProvider().featureCount() == 20
    assert len({f["gml_id"] for f in layer.getFeatures()}) == 20
    # the spatial index answers for the new rows
    from qgis.core import QgsFeatureRequest, QgsRectangle
    h = houses[19]
    near = [f["gml_id"] for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(
        QgsRectangle(h.x0 + 1, h.y0 + 1, h.x0 + 2, h.y0 + 2)))]
    assert near == [h.gml_id]
    del layer


def test_no_password_goes_into_the_settings(qgis_app):
    from hamm_twin.adapters import twin
    uri = ("dbname='x' host=127.0.0.1 port=5432 user='u' password='geh eim' "
           "table=\"twin\".\"gebaeude\" (geom)")
    try:
        twin.remember_import("postgis", uri, uri.replace("gebaeude", "gebaeude_flaechen"))
        buildings, surfaces = twin.last_postgis_import()
    finally:
        twin.remember_import("gpkg")
    assert "heim" not in buildings and "heim" not in surfaces
    assert '"twin"."gebaeude"' in buildings and "user='u'" in buildings


def test_text_with_backslashes_and_quotes_arrives_unchanged(postgis):
    from hamm_twin.adapters.pg_store import literal
    text = "O'Neil \\' ); DROP TABLE x; --\\\\"
    for setting in ("on", "off"):
        out = postgis.psql("SET standard_conforming_strings = {}; SELECT {}".format(
            setting, literal(text)))
        assert out.splitlines()[-1] == text
