"""hamm_twin pure logic: CityGML 1.0/2.0 and CityJSON streaming readers, derived heights
and areas, code lists, LAS reading and gridding, XYZ grids, and bad input of each kind."""

import json
import math
import tracemalloc

import numpy as np
import pytest
from twin_fixtures import House, citygml, cityjson, write_citygml, write_cityjson, write_las

from hamm_core.logic.errors import ParseError
from hamm_twin.logic import citygml as cg
from hamm_twin.logic import las, lod2, model
from hamm_twin.logic.codelists import function_code, function_label, label, normalize_code
from hamm_twin.logic.crs import epsg_of
from hamm_twin.logic.xyz import read_xyz_grid

pytestmark = pytest.mark.pure

X0, Y0 = 410000.0, 5720000.0


def houses():
    return [House("DENW01", X0, Y0, w=12, d=8, g=62.5, e=6, r=10, measured=10.2),
            House("DENW02", X0 + 30, Y0, w=9, d=9, g=63, e=7, r=7, roof_type="1000",
                  function="31001_2463", storeys=None, part=True),
            House("DENW03", X0 + 60, Y0 + 40, w=15, d=10, g=61, e=4.5, r=11,
                  roof_type="3200", storeys=3)]


def read(path, **kwargs):
    return {b.gml_id: b for b in lod2.reader_for(str(path))(str(path), **kwargs)}


@pytest.mark.parametrize("version", ["1.0", "2.0"])
def test_citygml_buildings_match_known_geometry(tmp_path, version):
    path = write_citygml(tmp_path / "tile.gml", houses(), version=version)
    stats = cg.ParseStats()
    got = read(path, stats=stats)
    assert sorted(got) == ["DENW01", "DENW02", "DENW03"]
    assert stats.version == version and stats.epsg == 25832
    for h in houses():
        s = model.summarize(got[h.gml_id])
        assert s.height == pytest.approx(h.height)
        assert s.ground_z == pytest.approx(h.g)
        assert s.eaves_z == pytest.approx(h.g + h.e)
        assert s.ridge_z == pytest.approx(h.g + h.r)
        assert s.roof_area == pytest.approx(h.roof_area(), rel=1e-9)
        assert model.footprint_area(s.footprint) == pytest.approx(h.footprint_area())
        assert s.footprint_from_ground
        assert s.roof_type == h.roof_type
        kinds = [x.kind for x in got[h.gml_id].surfaces]
        assert kinds.count("GroundSurface") == 1 and kinds.count("WallSurface") == 4
        assert kinds.count("RoofSurface") == (1 if h.roof_type == "1000" else 2)
    first = model.summarize(got["DENW01"])
    assert first.roof_label == "Satteldach" and first.function_label == "Wohnhaus"
    assert first.storeys == 2
    assert got["DENW01"].attributes["gen:DatenquelleDachhoehe"] == "1000"
    garage = model.summarize(got["DENW02"])
    assert garage.function == "2463" and garage.function_label == "Garage"
    assert garage.roof_label == "Flachdach"
    assert got["DENW02"].parts == ["DENW02_part1"]
    assert {s.part_id for s in got["DENW02"].surfaces} == {"DENW02_part1"}


def test_roof_tilt_and_orientation(tmp_path):
    h = House("A", X0, Y0, w=10, d=8, e=6, r=10)
    b = read(write_citygml(tmp_path / "a.gml", [h]))["A"]
    roofs = [s for s in b.surfaces if s.kind == "RoofSurface"]
    expected_tilt = math.degrees(math.atan2(h.r - h.e, h.d / 2))
    got = sorted(model.tilt_azimuth(s) for s in roofs)
    assert [t for t, _a in got] == pytest.approx([expected_tilt] * 2)
    assert sorted(a for _t, a in got) == pytest.approx([0.0, 180.0])


def test_area_filter_and_duplicates_across_tiles(tmp_path):
    a = write_citygml(tmp_path / "a.gml", houses()[:2])
    b = write_citygml(tmp_path / "b.gml", houses()[1:])  # DENW02 in both tiles
    seen, stats = set(), cg.ParseStats()
    ids = [x.gml_id for p in (a, b) for x in cg.iter_buildings(p, seen=seen, stats=stats)]
    assert ids == ["DENW01", "DENW02", "DENW03"]
    assert stats.skipped_duplicate == 1
    area = (X0 - 1, Y0 - 1, X0 + 35, Y0 + 5)
    stats = cg.ParseStats()
    assert sorted(read(b, area=area, stats=stats)) == ["DENW02"]
    assert stats.skipped_outside == 1


def test_unknown_namespaces_inside_a_building_are_ignored(tmp_path):
    xml = citygml(houses()[:1], extra_ns='xmlns:ade="http://example.org/ade"')
    xml = xml.replace('<bldg:function>', '<ade:Foo><ade:Bar>x</ade:Bar></ade:Foo>'
                      '<bldg:function>')
    path = tmp_path / "ade.gml"
    path.write_text(xml)
    assert list(read(path)) == ["DENW01"]


def test_unknown_root_namespace_is_refused(tmp_path):
    path = tmp_path / "other.gml"
    path.write_text('<?xml version="1.0"?><x:CityModel xmlns:x="http://example.org/x"/>')
    with pytest.raises(ParseError, match="not a CityGML document"):
        read(path)


def test_entity_bomb_is_refused(tmp_path):
    bomb = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>')
    path = tmp_path / "bomb.gml"
    path.write_text(citygml(houses()[:1], prolog=bomb))
    with pytest.raises(ParseError, match="declares entities"):
        read(path)


def test_truncated_file_keeps_buildings_before_the_break(tmp_path):
    text = citygml(houses())
    path = tmp_path / "cut.gml"
    path.write_text(text[: text.index('gml:id="DENW03"') + 40])
    got = []
    with pytest.raises(ParseError, match="truncated") as info:
        for b in cg.iter_buildings(str(path)):
            got.append(b.gml_id)
    assert got == ["DENW01", "DENW02"]
    assert "2 buildings" in info.value.user_message


def test_missing_poslist_is_reported_and_rest_imported(tmp_path):
    text = citygml(houses()[:1])
    start = text.index("<gml:posList")
    end = text.index("</gml:posList>") + len("</gml:posList>")
    path = tmp_path / "nopos.gml"
    path.write_text(text[:start] + text[end:])
    stats = cg.ParseStats()
    b = read(path, stats=stats)["DENW01"]
    assert len(b.surfaces) == 6  # the ground surface lost its coordinates
    assert any("posList" in p for p in stats.problems)
    assert not model.summarize(b).footprint_from_ground  # footprint from the roofs
    assert model.footprint_area(model.summarize(b).footprint) > 0


def test_wrong_crs_is_refused(tmp_path):
    path = write_citygml(tmp_path / "gk.gml", houses()[:1], srs="EPSG:31467")
    with pytest.raises(ParseError, match="EPSG:31467"):
        read(path)


@pytest.mark.parametrize("content", ["", "   ", "<?xml version='1.0'?>"])
def test_empty_files_are_refused(tmp_path, content):
    path = tmp_path / "empty.gml"
    path.write_text(content)
    with pytest.raises(ParseError):
        read(path)


def test_invalid_coordinates_are_skipped(tmp_path):
    text = citygml(houses()[:1]).replace(">410000.000 5720000.000 62.500", ">a b c", 1)
    path = tmp_path / "bad.gml"
    path.write_text(text)
    stats = cg.ParseStats()
    assert "DENW01" in read(path, stats=stats)
    assert stats.problems


def test_streaming_memory_does_not_grow_with_file_size(tmp_path):
    def peak(n):
        hs = [House("B{}".format(i), X0 + (i % 50) * 20, Y0 + (i // 50) * 20)
              for i in range(n)]
        path = write_citygml(tmp_path / "m{}.gml".format(n), hs)
        tracemalloc.start()
        count = sum(1 for _b in cg.iter_buildings(path))
        _cur, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert count == n
        return top
    small, large = peak(100), peak(2000)
    assert large < 3 * small  # 20 times the buildings, about the same memory


@pytest.mark.parametrize("version", ["1.1", "2.0"])
def test_cityjson_uses_transform_semantics_and_best_lod(tmp_path, version):
    path = write_cityjson(tmp_path / "t.city.json", houses(), version=version)
    got = read(path)
    assert sorted(got) == ["DENW01", "DENW02", "DENW03"]
    for h in houses():
        b = got[h.gml_id]
        assert b.lod == "2.2"
        s = model.summarize(b)
        assert s.ridge_z == pytest.approx(h.g + h.r, abs=1e-3)
        assert s.ground_z == pytest.approx(h.g, abs=1e-3)
        assert s.roof_area == pytest.approx(h.roof_area(), rel=1e-4)
        assert s.height == pytest.approx(h.height, abs=1e-3)
    assert model.summarize(got["DENW03"]).roof_label == "Walmdach"


def test_cityjsonseq_is_streamed_line_by_line(tmp_path):
    doc = cityjson(houses())
    header = {k: v for k, v in doc.items() if k not in ("CityObjects", "vertices")}
    header["CityObjects"], header["vertices"] = {}, []
    lines = [json.dumps(header)]
    for oid, obj in doc["CityObjects"].items():
        used = sorted({i for g in obj["geometry"] for shell in g["boundaries"]
                       for srf in shell for ring in srf for i in ring})
        remap = {old: new for new, old in enumerate(used)}
        geoms = []
        for geom in obj["geometry"]:
            g = dict(geom)
            g["boundaries"] = [[[[remap[i] for i in ring] for ring in srf] for srf in shell]
                               for shell in geom["boundaries"]]
            geoms.append(g)
        lines.append(json.dumps({"type": "CityJSONFeature", "id": oid,
                                 "CityObjects": {oid: dict(obj, geometry=geoms)},
                                 "vertices": [doc["vertices"][i] for i in used]}))
    path = tmp_path / "seq.jsonl"
    path.write_text("\n".join(lines) + "\n")
    got = read(path)
    assert sorted(got) == ["DENW01", "DENW02", "DENW03"]
    assert model.summarize(got["DENW01"]).ridge_z == pytest.approx(72.5, abs=1e-3)


def test_cityjson_bad_input(tmp_path):
    empty = tmp_path / "e.json"
    empty.write_text("")
    with pytest.raises(ParseError, match="empty"):
        read(empty)
    broken = tmp_path / "b.json"
    broken.write_text('{"type": "CityJSON", ')
    with pytest.raises(ParseError, match="not valid JSON"):
        read(broken)
    other = tmp_path / "o.json"
    other.write_text('{"type": "FeatureCollection"}')
    with pytest.raises(ParseError, match="not a CityJSON"):
        read(other)
    wrong = write_cityjson(tmp_path / "w.json", houses(), epsg=4326)
    with pytest.raises(ParseError, match="EPSG:4326"):
        read(wrong)
    doc = cityjson(houses()[:1])
    doc["CityObjects"]["DENW01"]["geometry"][1]["boundaries"][0][0][0] = [0, 1, 99999]
    bad = tmp_path / "v.json"
    bad.write_text(json.dumps(doc))
    stats = cg.ParseStats()
    got = read(bad, stats=stats)
    assert len(got["DENW01"].surfaces) == 6
    assert any("missing vertices" in p for p in stats.problems)


def test_codes_and_crs_names():
    assert normalize_code("31001_1010") == "1010"
    assert label({"1": "x"}, "9") == "9"
    # functions: a building's code alone, a structure's with its ALKIS object type
    # (51001_1010 is a headframe, not the dwelling house of 31001_1010)
    for value, code, text in (("31001_1010", "1010", "Wohnhaus"), ("1010", "1010", "Wohnhaus"),
                              (" 51001_1010 ", "51001_1010", "Förderturm"),
                              ("51009_1610", "51009_1610", "Überdachung"),
                              ("51003_1201", "51003_1201", "Silo"),
                              ("51009_4711", "51009_4711", "51009_4711"),
                              ("51099_1000", "51099_1000", "51099_1000"),
                              ("x_1010", "1010", "Wohnhaus"), (None, "", "")):
        assert function_code(value) == code
        assert function_label(code) == text
    assert function_label("51009_1610", translate=str.upper) == "ÜBERDACHUNG"
    assert epsg_of("urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH") == 25832
    assert epsg_of("urn:ogc:def:crs:EPSG::25832") == 25832
    assert epsg_of("http://www.opengis.net/def/crs/EPSG/0/4326") == 4326
    assert epsg_of("local") is None


@pytest.mark.parametrize("version,fmt", [(2, 1), (4, 6)])
def test_las_reading_and_dsm_cells(tmp_path, version, fmt):
    rng = np.random.default_rng(1)
    xyz = np.column_stack([rng.uniform(0, 10, 500) + X0, rng.uniform(0, 6, 500) + Y0,
                           rng.uniform(60, 80, 500)])
    xyz = np.round(xyz, 2)
    cls = rng.integers(1, 3, 500)
    path = write_las(tmp_path / "p.las", xyz, cls, version=version, point_format=fmt)
    header = las.read_header(path)
    assert header.count == 500 and header.point_format == fmt
    parts = list(las.iter_points(path, header, chunk=128))
    x = np.concatenate([p[0] for p in parts])
    assert np.allclose(x, xyz[:, 0], atol=1e-6)
    assert np.array_equal(np.concatenate([p[3] for p in parts]), cls)
    grid = las.Grid.covering(X0, Y0, X0 + 10, Y0 + 6, 2.0)
    stats = las.CellStats(grid)
    for px, py, pz, _c in las.iter_points(path, header, chunk=100):
        stats.add(px, py, pz)
    mx, mean = stats.raster("max"), stats.raster("mean")
    assert mx.shape == (3, 5)
    col = np.minimum(np.floor((xyz[:, 0] - X0) / 2).astype(int), 4)
    row = np.minimum(np.floor((Y0 + 6 - xyz[:, 1]) / 2).astype(int), 2)
    for r in range(3):
        for c in range(5):
            inside = (row == r) & (col == c)
            if inside.any():
                assert mx[r, c] == pytest.approx(xyz[inside, 2].max())
                assert mean[r, c] == pytest.approx(xyz[inside, 2].mean())


def test_las_bad_input(tmp_path):
    notlas = tmp_path / "x.las"
    notlas.write_bytes(b"hello" * 100)
    with pytest.raises(ParseError, match="not a LAS file"):
        las.read_header(str(notlas))
    good = write_las(tmp_path / "g.las", np.array([[1.0, 2.0, 3.0]] * 10))
    with open(good, "rb") as handle:
        data = handle.read()
    cut = tmp_path / "cut.las"
    cut.write_bytes(data[:-25])
    with pytest.raises(ParseError, match="truncated"):
        las.read_header(str(cut))
    laz = bytearray(data)
    laz[104] |= 0x80
    zipped = tmp_path / "z.las"
    zipped.write_bytes(bytes(laz))
    with pytest.raises(ParseError, match="LAZ"):
        las.read_header(str(zipped))


def test_xyz_grid(tmp_path):
    lines = ["{} {} {}".format(X0 + 0.5 + c, Y0 + 0.5 + r, 50 + r * 10 + c)
             for c in range(4) for r in range(3)]
    path = tmp_path / "dgm.xyz"
    path.write_text("\n".join(lines))
    arr, gt = read_xyz_grid(str(path))
    assert arr.shape == (3, 4)
    assert gt == (X0, 1.0, 0.0, Y0 + 3, 0.0, -1.0)
    assert arr[0, 0] == 70 and arr[2, 3] == 53
    bad = tmp_path / "bad.xyz"
    bad.write_text("nonsense\n")
    with pytest.raises(ParseError):
        read_xyz_grid(str(bad))
