"""hamm_twin fast paths against the reference computations they replace:

* the CityGML surface fast path (logic.citygml_fast) gives the same buildings as reading
  every element with ElementTree, on the fixtures and on variants of them (pretty
  printed, interiors, several polygons, gml:pos, 2D and broken rings, comments, entities,
  namespace declarations below the root, BuildingParts, terrain intersections,
  truncated files) and on a tile in the shape of the NRW LoD2 download;
* the batched surface numbers (logic.batch) equal model.surface_area/tilt_azimuth and the
  per-building z values of model.summarize bit for bit;
* the GeoPackage rows written by Lod2Store equal building_record/surface_records;
* the R-tree packed by adapters.gpkg_rtree passes SQLite's rtreecheck(), finds what a
  scan of the table finds, and keeps working through its triggers afterwards.
"""

import math
import os
import re
import sqlite3
from pathlib import Path
from unittest import mock

import numpy as np
import pytest
from twin_fixtures import House, citygml, nrw_houses, stream_citygml, stream_nrw_citygml

from hamm_core.logic.errors import HammError, ParseError
from hamm_twin.logic import batch, citygml_fast, model
from hamm_twin.logic import citygml as cg

X0, Y0 = 410000.0, 5720000.0


def houses():
    return [House("DENW01", X0, Y0, w=12, d=8, g=62.5, e=6, r=10, measured=10.2),
            House("DENW02", X0 + 30, Y0, w=9, d=9, g=63, e=7, r=7, roof_type="1000",
                  function="31001_2463", storeys=None, part=True),
            House("DENW03", X0 + 60, Y0 + 40, w=15, d=10, g=61, e=4.5, r=11,
                  roof_type="3200", storeys=3)]


def read_both(path):
    out = []
    for fast in (False, True):
        stats = cg.ParseStats()
        blds = list(cg.iter_buildings(str(path), stats=stats, fast=fast))
        out.append((blds, stats))
    return out


def assert_same(ref, got):
    (rb, rs), (gb, gs) = ref, got
    assert [b.gml_id for b in rb] == [b.gml_id for b in gb]
    assert (rs.buildings, rs.surfaces, rs.problems, rs.epsg, rs.version) == \
        (gs.buildings, gs.surfaces, gs.problems, gs.epsg, gs.version)
    for a, b in zip(rb, gb):
        assert (a.attributes, a.parts, a.lod, a.problems, a.source) == \
            (b.attributes, b.parts, b.lod, b.problems, b.source)
        assert [(s.kind, s.gml_id, s.part_id, len(s.rings)) for s in a.surfaces] == \
            [(s.kind, s.gml_id, s.part_id, len(s.rings)) for s in b.surfaces]
        for sa, sb in zip(a.surfaces, b.surfaces):
            for ra, rb_ in zip(sa.rings, sb.rings):
                assert ra.shape == rb_.shape and np.array_equal(ra, rb_)


def replaced(text: str) -> int:
    data = text.encode()
    fast = citygml_fast.from_head(data)
    fast.rewrite(data, fast.skip)
    return fast.replaced


ROOF_INTERIOR = ('<gml:interior><gml:LinearRing><gml:posList srsDimension="3">'
                 '410002 5720001 66.5 410003 5720001 66.5 410003 5720002 67 410002 5720002 67 '
                 '410002 5720001 66.5</gml:posList></gml:LinearRing></gml:interior>')


# the building's outline on the ground, as every building of the NRW tiles has it
TERRAIN = ('<bldg:lod2TerrainIntersection><gml:MultiCurve><gml:curveMember><gml:LineString>'
           '<gml:posList srsDimension="3">410000 5720000 60.04 410012 5720000 60.1 '
           '410012 5720008 60.2 410000 5720000 60.04</gml:posList></gml:LineString>'
           '</gml:curveMember></gml:MultiCurve></bldg:lod2TerrainIntersection>')
TERRAIN_POS = ('<bldg:lod1TerrainIntersection>\n <gml:MultiCurve gml:id="c1">'
               '<gml:curveMember><gml:LineString gml:id="l1"><gml:pos>410000 5720000 60</gml:pos>'
               '<gml:pos>410001 5720000 60</gml:pos></gml:LineString></gml:curveMember>\n'
               '<gml:curveMember><gml:LineString><gml:posList>410001 5720000 60 410002 '
               '5720000 61</gml:posList></gml:LineString></gml:curveMember></gml:MultiCurve>'
               '</bldg:lod1TerrainIntersection>')


def _wrapped():
    """A surface inside an element of an unknown namespace (an ADE): not read."""
    text = citygml(houses(), extra_ns='xmlns:ade="urn:x-ade"')
    start = text.index('<bldg:boundedBy><bldg:GroundSurface gml:id="DENW03_s0">')
    end = text.index("</bldg:boundedBy>", start) + len("</bldg:boundedBy>")
    return text[:start] + "<ade:wrap>" + text[start:end] + "</ade:wrap>" + text[end:]


def _variants():
    base = citygml(houses())
    first_roof = base.index("<bldg:RoofSurface")
    poly_end = base.index("</gml:Polygon>", first_roof)
    member = base.index("<gml:surfaceMember><gml:Polygon", first_roof)
    member_end = base.index("</gml:surfaceMember>", member) + len("</gml:surfaceMember>")
    pos = base.index("<gml:posList", first_roof)
    pos_text = base.index(">", pos) + 1
    pos_end = base.index("</gml:posList>", pos)
    numbers = base[pos_text:pos_end].split()
    roof = base.rindex("<bldg:boundedBy>", 0, first_roof)
    roof_end = base.index("</bldg:boundedBy>", first_roof) + len("</bldg:boundedBy>")
    part_start = base.index("<bldg:consistsOfBuildingPart>")
    part_end = base.index("</bldg:consistsOfBuildingPart>") + len("</bldg:consistsOfBuildingPart>")
    part = base[part_start:part_end]
    second_part = part.replace("DENW02_part1", "DENW02_part2").replace(
        "<bldg:roofType>1000</bldg:roofType>",
        '<bldg:roofType>3100</bldg:roofType><bldg:measuredHeight uom="urn:adv:uom:m">5.5'
        '</bldg:measuredHeight><gen:stringAttribute name="DatenquelleDachhoehe"><gen:value>'
        '2000</gen:value></gen:stringAttribute><gen:stringAttribute name="Teil"><gen:value>'
        'B</gen:value></gen:stringAttribute>').replace('gml:id="DENW02_s', 'gml:id="DENW02_t')
    first_member = base.index("<core:cityObjectMember>")
    first_member_end = base.index("</core:cityObjectMember>") + len("</core:cityObjectMember>")
    return {
        "plain": base,
        "pretty": base.replace("><", ">\n    <"),
        "interior": base[:poly_end] + ROOF_INTERIOR + base[poly_end:],
        "two_polygons": base[:member_end] + base[member:member_end] + base[member_end:],
        "unclosed_ring": base[:pos_text] + " ".join(numbers[:-3]) + base[pos_end:],
        "three_points": base[:pos_text] + " ".join(numbers[:9]) + base[pos_end:],
        "nan": base[:pos_text] + "nan " + " ".join(numbers[1:]) + base[pos_end:],
        "exponent": base[:pos_text] + "4.10e5 " + " ".join(numbers[1:]) + base[pos_end:],
        "broken_number": base[:pos_text] + "4x10 " + " ".join(numbers[1:]) + base[pos_end:],
        "dim2": base.replace('srsDimension="3"', 'srsDimension="2"', 2),
        "no_dimension": base.replace('<gml:posList srsDimension="3">', '<gml:posList>', 3),
        "dimension_0": base.replace('srsDimension="3"', 'srsDimension="0"', 2),
        "dimension_03": base.replace('srsDimension="3"', 'srsDimension="03"', 2),
        "dimension_attr": base.replace('<gml:posList srsDimension="3">',
                                       '<gml:posList dimension="3">', 2),
        "comment": base.replace("<gml:exterior>", "<gml:exterior><!-- checked -->", 2),
        "char_ref": base.replace("</gml:posList>", "&#32;</gml:posList>", 2),
        "xmlns_below": base.replace('<bldg:Building gml:id="DENW02"',
                                    '<bldg:Building xmlns:gml="http://www.opengis.net/gml" '
                                    'gml:id="DENW02"'),
        "id_not_first": base.replace('<bldg:RoofSurface gml:id=',
                                     '<bldg:RoofSurface class="x" gml:id='),
        "no_surface_id": base.replace('<bldg:WallSurface gml:id="DENW01_s1"',
                                      '<bldg:WallSurface'),
        "srs_on_polygon": base.replace('<gml:Polygon gml:id="DENW03_poly_5"',
                                       '<gml:Polygon srsName="EPSG:25832" '
                                       'gml:id="DENW03_poly_5"'),
        "unknown_ns_wrapper": _wrapped(),
        "leaf_in_surface": base.replace(
            '<bldg:GroundSurface gml:id="DENW01_s0">',
            '<bldg:GroundSurface gml:id="DENW01_s0"><gml:name>Boden</gml:name>'
            '<gen:stringAttribute name="a"><gen:value>1</gen:value></gen:stringAttribute>'),
        "mismatched_prefix_close": base.replace("</bldg:RoofSurface></bldg:boundedBy>",
                                                "</bldg:RoofSurface></core:boundedBy>", 1),
        # the whole-building stage (citygml_fast.FastBuildings)
        "attribute_twice": base.replace(
            "<bldg:roofType>3100</bldg:roofType>",
            "<bldg:roofType> </bldg:roofType><bldg:roofType>3100</bldg:roofType>"
            "<bldg:roofType>9999</bldg:roofType>", 1),
        "gen_nested_deeper": base.replace(
            '<gen:value>1000</gen:value>',
            '<gen:value>1000</gen:value><gen:x><gen:y>2</gen:y></gen:x>', 1),
        "gen_two_values_no_name": base.replace(
            '<gen:stringAttribute name="DatenquelleDachhoehe"><gen:value>1000</gen:value>',
            '<gen:stringAttribute name="DatenquelleDachhoehe"><gen:value>1</gen:value>'
            '<gen:value> 2 </gen:value></gen:stringAttribute><gen:intAttribute>'
            '<gen:value>3</gen:value></gen:intAttribute><gen:doubleAttribute name="leer"/>'
            '<gen:stringAttribute name="x"><gen:value/>', 1),
        "external_reference": base.replace(
            '<bldg:function>', '<core:externalReference><core:informationSystem>http://x'
            '</core:informationSystem><core:externalObject><core:name>DEBY_1</core:name>'
            '</core:externalObject></core:externalReference><gml:name>Rathaus</gml:name>'
            '<core:creationDate>2024-01-01</core:creationDate><bldg:function>'),
        "attribute_with_child": base.replace(
            "<bldg:roofType>3100</bldg:roofType>",
            "<bldg:roofType>3100<gml:x>1</gml:x></bldg:roofType>", 1),
        "attribute_entity_and_cr": base.replace(
            "<bldg:function>31001_1010</bldg:function>",
            "<bldg:function>31001&amp;1010\r</bldg:function>", 1),
        "attribute_non_ascii": base.replace(
            "<bldg:function>31001_1010</bldg:function>",
            "<bldg:function>Gebäude</bldg:function>", 1),
        "two_attributes_on_child": base.replace(
            'uom="urn:adv:uom:m"', 'uom="urn:adv:uom:m" codeSpace="x"', 1),
        "building_without_id": base.replace('<bldg:Building gml:id="DENW01">',
                                            '<bldg:Building>'),
        "building_more_attributes": base.replace(
            '<bldg:Building gml:id="DENW01">',
            '<bldg:Building class="a" gml:id="DENW01" xlink:title="b">'),
        "building_srsname": base.replace(
            '<bldg:Building gml:id="DENW01">',
            '<bldg:Building srsName="EPSG:25832" gml:id="DENW01">'),
        "empty_surface_kind_leaf": base.replace(
            "<bldg:function>", "<bldg:RoofSurface/><bldg:lod2Solid/><bldg:function>", 1),
        "text_between_children": base.replace(
            "</bldg:function>", "</bldg:function>x", 1),
        "leaf_comment": base.replace(
            "<bldg:function>31001_1010</bldg:function>",
            "<bldg:function>31001_1010<!-- c --></bldg:function>", 1),
        # terrain intersections: dropped from the stream when of the strict shape
        "terrain_intersection": base.replace("<bldg:lod2Solid>", TERRAIN + "<bldg:lod2Solid>"),
        "terrain_intersection_pos": base.replace("<bldg:lod2Solid>",
                                                 TERRAIN_POS + "<bldg:lod2Solid>"),
        "terrain_intersection_srsname": base.replace(
            "<bldg:lod2Solid>", TERRAIN.replace("<gml:LineString>",
                                                '<gml:LineString srsName="EPSG:25832">') +
            "<bldg:lod2Solid>"),
        "terrain_intersection_comment": base.replace(
            "<bldg:lod2Solid>", TERRAIN.replace("<gml:curveMember>",
                                                "<gml:curveMember><!-- c -->") +
            "<bldg:lod2Solid>"),
        "terrain_intersection_polygon": base.replace(
            "<bldg:lod2Solid>", TERRAIN.replace("<gml:MultiCurve>", "<gml:MultiSurface>")
            .replace("</gml:MultiCurve>", "</gml:MultiSurface>") + "<bldg:lod2Solid>"),
        # BuildingParts (DENW02): read whole by the building stage
        "two_parts": base[:part_end] + second_part + base[part_end:],
        "surfaces_beside_parts": base[:part_start] + base[roof:roof_end].replace(
            'gml:id="DENW01_', 'gml:id="DENW02_own_') + base[part_start:part_end] +
        base[roof:roof_end].replace('gml:id="DENW01_', 'gml:id="DENW02_after_') +
        base[part_end:],
        "empty_attribute_filled_by_part": base[:part_start] + "<bldg:roofType> </bldg:roofType>" +
        base[part_start:],
        "part_without_id": base.replace('<bldg:BuildingPart gml:id="DENW02_part1">',
                                        "<bldg:BuildingPart>"),
        "part_id_first_of_two": base.replace('<bldg:BuildingPart gml:id="DENW02_part1">',
                                             '<bldg:BuildingPart xlink:title="t" id="a" '
                                             'gml:id="b">'),
        "nested_parts": base[:part_start] + part.replace(
            '<bldg:BuildingPart gml:id="DENW02_part1">',
            '<bldg:BuildingPart gml:id="DENW02_part1"><bldg:consistsOfBuildingPart>'
            '<bldg:BuildingPart gml:id="DENW02_inner">').replace(
            "</bldg:BuildingPart>", "</bldg:BuildingPart></bldg:consistsOfBuildingPart>"
            "</bldg:BuildingPart>") + base[part_end:],
        "part_in_two_wrappers": base[:part_start] + part.replace(
            "</bldg:BuildingPart>", "</bldg:BuildingPart></bldg:consistsOfBuildingPart>"
            "<bldg:consistsOfBuildingPart>" + second_part[
                len("<bldg:consistsOfBuildingPart>"):-len("</bldg:consistsOfBuildingPart>")]) +
        base[part_end:],
        # markup whose content is no element: nothing in it may become a placeholder
        "surface_in_comment": base[:roof] + "<!-- " + base[roof:roof_end] + " -->" +
        base[roof:],
        "building_in_comment": base[:first_member] + "<!-- " +
        base[first_member:first_member_end].replace('"DENW01"', '"DENW00"') + " -->" +
        base[first_member:],
        "surface_in_cdata": base[:roof] + "<gml:description><![CDATA[" +
        base[roof:roof_end] + "]]></gml:description>" + base[roof:],
        "surface_in_processing_instruction": base[:roof] + "<?hamm " + base[roof:roof_end] +
        " ?>" + base[roof:],
        "terrain_intersection_mismatched_close": base.replace(
            "<bldg:lod2Solid>", TERRAIN.replace("</bldg:lod2TerrainIntersection>",
                                                "</bldg:lod3TerrainIntersection>") +
            "<bldg:lod2Solid>", 1),
    }


@pytest.mark.parametrize("name", sorted(_variants()))
def test_fast_citygml_equals_elementtree(tmp_path, name):
    text = _variants()[name]
    path = tmp_path / "tile.gml"
    path.write_text(text)
    try:
        ref = read_both(path)
    except ParseError as exc:  # broken XML: both paths must refuse it alike
        messages = []
        for fast in (False, True):
            with pytest.raises(ParseError) as info:
                list(cg.iter_buildings(str(path), fast=fast))
            messages.append(info.value.user_message)
        assert messages[0] == messages[1]
        assert "not valid XML" in str(exc.user_message)
        return
    assert_same(*ref)
    assert ref[0][1].buildings == (2 if name == "building_without_id" else 3)


def replaced_buildings(text: str) -> int:
    data = text.encode()
    fast = citygml_fast.from_head(data)
    fast.rewrite(data, fast.skip)
    return fast.buildings.replaced


def test_whole_building_stage_is_taken_for_the_usual_shape(tmp_path):
    """Buildings (also of BuildingParts) of surfaces of the usual shape and plain
    attributes become one placeholder each; nested parts, unusual content and other
    surfaces do not."""
    v = _variants()
    for name in ("plain", "pretty", "external_reference", "gen_two_values_no_name",
                 "building_more_attributes", "terrain_intersection",
                 "terrain_intersection_pos", "two_parts", "surfaces_beside_parts",
                 "empty_attribute_filled_by_part", "part_without_id", "part_id_first_of_two",
                 "part_in_two_wrappers"):
        assert replaced_buildings(v[name]) == 3, name
    for name in ("terrain_intersection_srsname", "terrain_intersection_comment",
                 "terrain_intersection_polygon"):
        assert replaced_buildings(v[name]) == 0, name  # ElementTree reads them
    assert replaced_buildings(v["interior"]) == 2     # a surface of the general shape
    assert replaced_buildings(v["nested_parts"]) == 2
    for name in ("attribute_with_child", "gen_nested_deeper", "attribute_entity_and_cr",
                 "attribute_non_ascii", "building_without_id", "building_srsname",
                 "two_attributes_on_child", "leaf_comment", "text_between_children",
                 "unclosed_ring"):
        assert replaced_buildings(v[name]) == 2, name
    # the values read from placeholders: a building of two parts
    path = tmp_path / "parts.gml"
    path.write_text(v["two_parts"])
    second = list(cg.iter_buildings(str(path)))[1]
    assert second.parts == ["DENW02_part1", "DENW02_part2"]
    assert second.attributes["roofType"] == "1000"           # the first part's
    assert second.attributes["measuredHeight"] == "5.5"      # filled in by the second
    assert second.attributes["gen:DatenquelleDachhoehe"] == "1000"  # the building's
    assert second.attributes["gen:Teil"] == "B"
    assert [s.part_id for s in second.surfaces] == ["DENW02_part1"] * 6 + ["DENW02_part2"] * 6
    path.write_text(v["surfaces_beside_parts"])
    second = list(cg.iter_buildings(str(path)))[1]
    assert [s.part_id for s in second.surfaces] == [""] + ["DENW02_part1"] * 6 + [""]
    # the values read from a building placeholder
    path = tmp_path / "tile.gml"
    path.write_text(v["gen_two_values_no_name"])
    blds = list(cg.iter_buildings(str(path)))
    assert blds[0].attributes["gen:DatenquelleDachhoehe"] == "2"
    assert blds[0].attributes["gen:leer"] is None and blds[0].attributes["gen:x"] == ""
    assert blds[0].attributes["roofType"] == "3100"


def test_fast_path_is_taken_for_the_usual_shapes():
    v = _variants()
    # 7 + 6 + 7 surfaces; interiors, several polygons, pos lists go the general way
    assert replaced(v["plain"]) == 20
    assert replaced(v["pretty"]) == 20
    assert replaced(v["interior"]) == 20
    assert replaced(v["two_polygons"]) == 20
    assert replaced(citygml(houses(), version="1.0")) == 20  # gml:pos
    # the first comment is in a solid, the second in a surface: that one stays with
    # ElementTree
    assert replaced(v["comment"]) == 19
    assert replaced(v["xmlns_below"]) == 0
    # (the copy in the comment is not replaced)
    assert replaced(v["surface_in_comment"]) == 20
    assert replaced(v["building_in_comment"]) == 20


@pytest.mark.parametrize("name", ["surface_in_comment", "building_in_comment",
                                  "surface_in_cdata", "surface_in_processing_instruction"])
def test_markup_cut_into_pieces_is_read_alike(tmp_path, monkeypatch, name):
    """The reader rewrites the file piece by piece: a comment (CDATA section,
    processing instruction) cut in two keeps its content from becoming placeholders in
    the second piece too."""
    monkeypatch.setattr(citygml_fast, "CHUNK", 300)
    path = tmp_path / "tile.gml"
    path.write_text(_variants()[name])
    assert_same(*read_both(path))


_TAG = re.compile(r"<[^!?][^>]*>")


def _mutated(rng, text: str) -> str:
    """``text`` changed at random tags: a range of elements commented out, put into a
    CDATA section or a processing instruction, repeated or deleted; a comment or white
    space put in; a digit changed; an srsDimension or ids changed. Many results are no
    longer valid XML (both readers must then refuse them alike)."""
    first = text.find("<core:cityObjectMember")
    if first < 0:  # (no member left to change)
        return text
    tags = list(_TAG.finditer(text, first))
    if rng.random() < 0.5:  # any range
        a, b = sorted((rng.choice(tags), rng.choice(tags)), key=lambda m: m.start())
    else:  # a whole element (from a start tag to its end tag): the XML stays valid
        starts = [i for i, m in enumerate(tags) if m.group(0)[1] != "/"]
        i = rng.choice(starts)
        depth, j = 0, i
        for j in range(i, len(tags)):
            tag = tags[j].group(0)
            depth += -1 if tag[1] == "/" else 0 if tag.endswith("/>") else 1
            if depth <= 0:
                break
        a, b = tags[i], tags[j]
    head, part, tail = text[:a.start()], text[a.start():b.end()], text[b.end():]
    kind = rng.randrange(9)
    if kind == 0:
        return head + "<!-- " + part.replace("--", "- -") + " -->" + tail
    if kind == 1:
        return head + "<!-- c -->" + part + tail
    if kind == 2:
        return head + part + part + tail
    if kind == 3:
        return head + tail
    if kind == 4:
        return head + "<![CDATA[" + part.replace("]]>", "") + "]]>" + tail
    if kind == 5:
        return text[:a.end()] + rng.choice(["\n", " \t ", "\r\n"]) + text[a.end():]
    if kind == 6:
        return head + "<?p " + part.replace("?>", "") + " ?>" + tail
    if kind == 7:
        i = rng.randrange(len(text))
        return text[:i] + rng.choice("0123456789.-e ") + text[i + 1:] if text[i].isdigit() \
            else text
    return text.replace('srsDimension="3"', rng.choice(
        ['srsDimension="2"', "", 'srsDimension="3" srsName="EPSG:25832"']), 1) \
        if rng.random() < 0.5 else text.replace('gml:id="', 'gml:id="x', rng.randrange(1, 4))


def test_randomly_changed_documents_read_alike(tmp_path, monkeypatch):
    """Differential test: documents changed at random (an NRW-shaped tile and the
    variants' base) give the same buildings with and without the fast path, read in one
    piece and in pieces of 300 bytes, or are refused by both with the same message."""
    import random

    rng = random.Random(20261122)
    path = tmp_path / "nrw.gml"
    bases = [Path(stream_nrw_citygml(path, 3)).read_text(), _variants()["plain"],
             _variants()["terrain_intersection"]]
    refused = 0
    for _ in range(150):
        text = rng.choice(bases)
        for _k in range(rng.randrange(1, 4)):
            text = _mutated(rng, text)
        path.write_text(text)
        for chunk in (citygml_fast.CHUNK, 300):
            monkeypatch.setattr(citygml_fast, "CHUNK", chunk)
            try:
                ref = read_both(path)
            except ParseError:
                messages = []
                for fast in (False, True):
                    with pytest.raises(ParseError) as info:
                        list(cg.iter_buildings(str(path), fast=fast))
                    messages.append(info.value.user_message)
                assert messages[0] == messages[1], text
                refused += 1
                continue
            assert_same(*ref)
        monkeypatch.undo()
    assert 30 < refused < 270  # both kinds of outcome were exercised


def test_a_piece_that_begins_inside_a_comment_is_left_alone_up_to_its_end():
    """The reader's pieces may cut a comment in two: its rest in the next piece is left
    alone up to the comment's end, and what follows is rewritten again."""
    text = _variants()["plain"]
    fast = citygml_fast.from_head(text.encode())
    start = text.index("<bldg:boundedBy>")
    end = text.index("</bldg:boundedBy>", start) + len("</bldg:boundedBy>")
    surface = text[start:end].encode()
    first = fast.rewrite(surface + b"<!-- " + surface, 0)
    second = fast.rewrite(surface + b" - " + surface + b" -->" + surface + b"<![CDATA[" +
                          surface, 0)
    third = fast.rewrite(surface + b"]]>" + surface, 0)
    assert fast.replaced == 3  # one before the comment, one between the two, one at the end
    assert (first.count(b"<bldg:boundedBy>"), second.count(b"<bldg:boundedBy>"),
            third.count(b"<bldg:boundedBy>")) == (1, 3, 1)


def test_fast_path_keeps_positions_of_xml_errors(tmp_path):
    text = citygml(houses())
    path = tmp_path / "cut.gml"
    path.write_text(text[: text.index('gml:id="DENW03"') + 40])
    messages = []
    for fast in (False, True):
        got = []
        with pytest.raises(ParseError, match="truncated") as info:
            for b in cg.iter_buildings(str(path), fast=fast):
                got.append(b.gml_id)
        assert got == ["DENW01", "DENW02"]
        messages.append(info.value.user_message)
    assert messages[0] == messages[1] and "line 1" in messages[0]


def test_large_tile_fast_equals_reference(tmp_path):
    path = stream_citygml(tmp_path / "big.gml", 1500)  # several chunks of the reader
    assert_same(*read_both(path))


def test_a_tile_of_the_nrw_download_is_read_whole_by_the_fast_path(tmp_path):
    """A tile in the shape of the NRW LoD2 download (indented, external reference,
    generic attributes, terrain intersection, gml:ids on every geometry element, some
    BuildingParts): every building becomes one placeholder, and the buildings equal
    ElementTree's."""
    path = stream_nrw_citygml(tmp_path / "nrw.gml", 120)
    assert replaced_buildings(Path(path).read_text()) == 120
    ref, got = read_both(path)
    assert_same(ref, got)
    assert ref[1].buildings == 120 and ref[1].surfaces == 120 * 7 and not ref[1].problems
    first = got[0][0]
    assert first.attributes["gen:Gemeindeschluessel"] == "05915000"
    assert first.attributes["measuredHeight"] == "8.0"


def test_a_tile_of_the_nrw_download_imports_its_values(tmp_path):
    """Heights, areas and roof types of an NRW-shaped tile against the houses it was
    made of; large enough for the worker processes (segments of 40 kB)."""
    from hamm_twin.adapters import parallel, store
    n = 150
    path = stream_nrw_citygml(tmp_path / "nrw.gml", n)
    plan = parallel.plan(path, 40_000)
    # every segment is read as columns (no ElementTree)
    prefix, member = plan.prefix, plan.member
    for start, end in zip(plan.starts, plan.starts[1:] + [None]):
        assert parallel._columns(path, prefix, start, end, member, plan.suffix, None,
                                 "2026-11-22", "nrw.gml") is not None
    out = tmp_path / "nrw.gpkg"
    with mock.patch.object(parallel, "MIN_BYTES", 0), \
            mock.patch.object(parallel, "SEGMENT", 40_000):
        result = store.import_files([path], str(out))
    info = result["processes"]
    assert result["buildings"] == n and result["surfaces"] == 7 * n
    assert info["workers"] == 2 and info["fallback_at"] is None
    db = sqlite3.connect(str(out))
    rows = db.execute("SELECT gml_id, hoehe, hoehe_boden, hoehe_first, grundflaeche, "
                      "dachflaeche, dachform, dachform_bez, anz_flaechen, funktion, "
                      "funktion_bez FROM gebaeude ORDER BY fid").fetchall()
    parts = dict(db.execute("SELECT gml_id, group_concat(DISTINCT coalesce(teil_id, '-')) "
                            "FROM gebaeude_flaechen GROUP BY gml_id").fetchall())
    db.close()
    # every seventh house has its geometry in a BuildingPart
    assert parts == {h.gml_id: h.gml_id + "_BP1" if h.part else "-" for h in nrw_houses(n)}
    assert len(rows) == n
    for i, (h, row) in enumerate(zip(nrw_houses(n), rows)):
        gml_id, height, ground, ridge, foot, roof, code, label, count, func, func_label = row
        assert gml_id == h.gml_id and count == 7 and code == "3100"
        assert label == "Satteldach"
        # a structure keeps its object type (1610 alone is no building function)
        assert (func, func_label) == (("51009_1610", "Überdachung") if i % 10 == 9 else
                                      ("1010", "Wohnhaus"))
        assert height == pytest.approx(h.measured)
        assert ground == pytest.approx(h.g, abs=1e-9)
        assert ridge == pytest.approx(h.g + h.r, abs=1e-9)
        assert foot == pytest.approx(h.footprint_area(), rel=1e-9)
        assert roof == pytest.approx(h.roof_area(), rel=1e-9)


def _random_surfaces(rng, n=300):
    out = []
    for i in range(n):
        k = int(rng.integers(3, 12)) if i % 50 else 300  # some rings longer than LONG
        t = np.sort(rng.uniform(0, 2 * math.pi, k))
        r = rng.uniform(1, 10, k)
        pts = np.column_stack([X0 + r * np.cos(t), Y0 + r * np.sin(t),
                               50 + rng.uniform(-5, 5) * np.cos(t)])
        if i % 7 == 0:
            pts[:, 2] = 60.0  # flat
        if i % 11 == 0:
            pts = pts[::-1]  # normal pointing down
        if i % 13 == 0:
            pts = np.column_stack([pts[:, 0], np.full(k, Y0), pts[:, 2]])  # vertical
        rings = [np.vstack([pts, pts[:1]])]
        if i % 5 == 0:
            hole = np.array([[X0, Y0, 50], [X0 + 0.5, Y0, 50], [X0 + 0.5, Y0 + 0.5, 50],
                             [X0, Y0, 50]])
            rings.append(hole)
        out.append(model.Surface("RoofSurface", rings))
    return out


@pytest.fixture(scope="module")
def tile(tmp_path_factory):
    return stream_citygml(tmp_path_factory.mktemp("fast_tile") / "tile.gml", 60)


def test_batch_metrics_equal_model_functions_bit_for_bit(tile):
    surfaces = _random_surfaces(np.random.default_rng(3))
    for b in cg.iter_buildings(tile):
        surfaces.extend(b.surfaces)
    m = batch.SurfaceMetrics(surfaces)
    for i, s in enumerate(surfaces):
        assert m.area[i] == model.surface_area(s)
        tilt, azimuth = model.tilt_azimuth(s)
        assert (m.tilt[i], m.azimuth[i]) == (tilt, azimuth)
        ring = s.rings[0]
        assert (m.minx[i], m.maxx[i], m.miny[i], m.maxy[i]) == \
            (ring[:, 0].min(), ring[:, 0].max(), ring[:, 1].min(), ring[:, 1].max())
        assert (m.zmin[i], m.zmax[i]) == (ring[:, 2].min(), ring[:, 2].max())
    assert batch.SurfaceMetrics([]).area.size == 0


def test_summaries_with_batch_metrics_equal_reference(tile):
    blds = list(cg.iter_buildings(tile))
    surfaces = [s for b in blds for s in b.surfaces]
    m = batch.SurfaceMetrics(surfaces)
    k = 0
    for b in blds:
        n = len(b.surfaces)
        got = model.summarize(b, (m.zmin[k:k + n].tolist(), m.zmax[k:k + n].tolist(),
                                  m.area[k:k + n].tolist()))
        ref = model.summarize(b)
        k += n
        for name in ("ground_z", "eaves_z", "ridge_z", "height", "roof_area", "n_surfaces",
                     "roof_type", "storeys", "function_label"):
            assert getattr(got, name) == getattr(ref, name), name


# --- GeoPackage rows and R-tree --------------------------------------------------------

@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    from hamm_twin.adapters import store
    tmp = tmp_path_factory.mktemp("fast_gpkg")
    src = stream_citygml(tmp / "tile.gml", 700)
    out = str(tmp / "twin.gpkg")
    result = store.import_files([src], out)
    return src, out, result


def test_gpkg_rows_equal_reference_records(imported):
    from hamm_twin.adapters import store
    src, out, result = imported
    assert result["buildings"] == 700 and result["surfaces"] == 700 * 7
    db = sqlite3.connect(out)
    b_cols = [f for f, _t in store.BUILDING_FIELDS]
    s_cols = [f for f, _t in store.SURFACE_FIELDS]
    b_rows = db.execute('SELECT {}, geom FROM gebaeude ORDER BY fid'.format(
        ", ".join(b_cols))).fetchall()
    s_rows = db.execute('SELECT {}, geom FROM gebaeude_flaechen ORDER BY fid'.format(
        ", ".join(s_cols))).fetchall()
    k = 0
    for i, bld in enumerate(cg.iter_buildings(src, fast=False)):
        values, geom = store.building_record(bld, "x")
        exp = [store._sql_value(values[f]) for f in b_cols]
        got = list(b_rows[i])
        stamp = b_cols.index("importiert")
        assert got[:stamp] + got[stamp + 1:-1] == exp[:stamp] + exp[stamp + 1:]
        assert got[-1] == store.gpkg_blob(geom.ExportToIsoWkb(), geom.GetEnvelope())
        for svalues, geom_wkb, env in store.surface_records(bld, envelope=True):
            exp = [store._sql_value(svalues[f]) for f in s_cols]
            assert list(s_rows[k][:-1]) == exp
            assert s_rows[k][-1] == store.gpkg_blob(geom_wkb, env)
            k += 1
    assert k == len(s_rows)
    db.close()


def _rtree_matches_table(db, table):
    assert db.execute("SELECT rtreecheck('rtree_{}_geom')".format(table)).fetchone()[0] == "ok"
    rows = db.execute("SELECT fid, geom FROM {}".format(table)).fetchall()
    env = {fid: np.frombuffer(blob, "<f8", 4, 8) for fid, blob in rows}
    tree = {r[0]: r[1:] for r in db.execute("SELECT * FROM rtree_{}_geom".format(table))}
    assert sorted(tree) == sorted(env)
    for fid, (x0, x1, y0, y1) in env.items():  # boxes contain the geometry, tightly
        t = tree[fid]
        assert t[0] <= x0 <= t[0] + 0.07 and t[1] >= x1 >= t[1] - 0.07
        assert t[2] <= y0 <= t[2] + 0.6 and t[3] >= y1 >= t[3] - 0.6
    rng = np.random.default_rng(5)
    xs = np.array([e[0] for e in env.values()])
    ys = np.array([e[2] for e in env.values()])
    for _ in range(25):  # window queries find exactly what a scan finds
        qx, qy = rng.uniform(xs.min(), xs.max()), rng.uniform(ys.min(), ys.max())
        size = rng.uniform(5, 200)
        got = {r[0] for r in db.execute(
            "SELECT id FROM rtree_{}_geom WHERE minx <= ? AND maxx >= ? AND miny <= ? "
            "AND maxy >= ?".format(table), (qx + size, qx, qy + size, qy))}
        exp = {fid for fid, (x0, x1, y0, y1) in env.items()
               if x0 <= qx + size and x1 >= qx and y0 <= qy + size and y1 >= qy}
        assert exp <= got and len(got - exp) <= 2  # float32 boxes may add a neighbour


def test_packed_rtree_is_valid_and_complete(imported):
    from hamm_twin.adapters import store
    _src, out, _r = imported
    db = sqlite3.connect(out)
    assert not db.execute("SELECT count(*) FROM sqlite_master WHERE name = ?",
                          (store.SAVED_TRIGGERS,)).fetchone()[0]
    for table in ("gebaeude", "gebaeude_flaechen"):
        _rtree_matches_table(db, table)
        names = {r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,))}
        assert "rtree_{}_geom_insert".format(table) in names  # triggers are back
        assert "trigger_insert_feature_count_{}".format(table) in names
        count = db.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?",
                           (table,)).fetchone()[0]
        assert count == db.execute("SELECT count(*) FROM {}".format(table)).fetchone()[0]
        extent = db.execute("SELECT min_x, max_x, min_y, max_y FROM gpkg_contents WHERE "
                            "table_name = ?", (table,)).fetchone()
        rows = db.execute("SELECT geom FROM {}".format(table)).fetchall()
        envs = np.array([np.frombuffer(r[0], "<f8", 4, 8) for r in rows])
        assert extent == (envs[:, 0].min(), envs[:, 1].max(), envs[:, 2].min(),
                          envs[:, 3].max())
    db.close()


def test_reimport_after_packed_index_keeps_index_consistent(tmp_path):
    from osgeo import ogr

    from hamm_twin.adapters import store
    first = stream_citygml(tmp_path / "a.gml", 120)
    out = str(tmp_path / "twin.gpkg")
    store.import_files([first], out)
    # again, plus one more tile (its first 120 ids repeat those of the first tile and are
    # skipped as duplicates): replaced rows leave the index through its triggers
    second = stream_citygml(tmp_path / "b.gml", 150, x0=X0 + 10000)
    result = store.import_files([first, second], out)
    assert result["updated"] == 120 and result["inserted"] == 30
    assert result["duplicates"] == 120
    db = sqlite3.connect(out)
    for table in ("gebaeude", "gebaeude_flaechen"):
        _rtree_matches_table(db, table)
    db.close()
    ds = ogr.Open(out)
    layer = ds.GetLayerByName("gebaeude")
    assert layer.GetFeatureCount() == 150
    layer.SetSpatialFilterRect(X0 + 11799, Y0 - 1, X0 + 11820, Y0 + 20)
    assert sorted(f.GetField("gml_id") for f in layer) == \
        ["DENW{:011d}".format(i) for i in (120, 121)]
    ds = None


def test_interrupted_index_is_rebuilt(tmp_path):
    from hamm_twin.adapters import store
    out = str(tmp_path / "twin.gpkg")
    store.import_files([stream_citygml(tmp_path / "a.gml", 50)], out)
    db = sqlite3.connect(out)  # as a crash between the rows and the index would leave it
    with db:
        db.execute("CREATE TABLE {} (name TEXT, sql TEXT)".format(store.SAVED_TRIGGERS))
        db.execute("INSERT INTO {} SELECT name, sql FROM sqlite_master WHERE type = "
                   "'trigger' AND name IN ('rtree_gebaeude_flaechen_geom_insert', "
                   "'trigger_insert_feature_count_gebaeude')".format(store.SAVED_TRIGGERS))
        db.execute("DROP TRIGGER rtree_gebaeude_flaechen_geom_insert")
        db.execute("DROP TRIGGER trigger_insert_feature_count_gebaeude")
        db.execute("DELETE FROM rtree_gebaeude_flaechen_geom")
    db.close()
    # the same ids again, moved: 30 buildings replaced, the index rebuilt from the rows
    result = store.import_files([stream_citygml(tmp_path / "b.gml", 30, x0=X0 + 5000)], out)
    assert result["updated"] == 30
    db = sqlite3.connect(out)
    _rtree_matches_table(db, "gebaeude_flaechen")
    assert db.execute("SELECT count(*) FROM rtree_gebaeude_flaechen_geom").fetchone()[0] == \
        50 * 7
    assert db.execute("SELECT count(*) FROM rtree_gebaeude_flaechen_geom WHERE minx >= ?",
                      (X0 + 5000,)).fetchone()[0] == 30 * 7
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert {"trigger_insert_feature_count_gebaeude", "rtree_gebaeude_flaechen_geom_insert"} \
        <= names
    assert store.SAVED_TRIGGERS not in names
    db.close()


def test_rtree_bulk_load_sizes_and_later_changes():
    from hamm_twin.adapters import gpkg_rtree
    rng = np.random.default_rng(7)
    for n in (1, 51, 52, 2700, 20000):
        db = sqlite3.connect(":memory:")
        db.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
        x, y = rng.uniform(0, 1000, n), rng.uniform(0, 1000, n)
        w, h = rng.uniform(0, 5, n), rng.uniform(0, 5, n)
        gpkg_rtree.bulk_load(db, "r", np.arange(1, n + 1), x, x + w, y, y + h)
        assert db.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM r").fetchone()[0] == n
        got = {r[0] for r in db.execute("SELECT id FROM r WHERE minx <= 500 AND maxx >= 400 "
                                        "AND miny <= 500 AND maxy >= 400")}
        exp = set((np.nonzero((x <= 500) & (x + w >= 400) & (y <= 500) & (y + h >= 400))[0]
                   + 1).tolist())
        assert exp <= got
        db.execute("INSERT INTO r VALUES (?, 1, 2, 3, 4)", (n + 1,))
        db.execute("DELETE FROM r WHERE id <= ?", (n // 2,))
        assert db.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM r").fetchone()[0] == n + 1 - n // 2
        db.close()


@pytest.mark.parametrize("encoding", ["UTF-8", "ISO-8859-1"])
def test_non_ascii_ids_and_spaces_read_alike(tmp_path, encoding):
    text = citygml(houses()).replace('encoding="UTF-8"', 'encoding="{}"'.format(encoding))
    text = text.replace('gml:id="DENW01_s5"', 'gml:id="DENW01_Dachfläche"')
    text = text.replace('gml:id="DENW02"', 'gml:id="DENW02_Größe"')
    pos = text.index("<gml:posList", text.index("DENW03"))
    start = text.index(">", pos) + 1
    space = text.index(" ", start)
    text = text[:space] + "\u00a0" + text[space + 1:]  # a no-break space between numbers
    path = tmp_path / "tile.gml"
    path.write_bytes(text.encode(encoding))
    ref, got = read_both(path)
    assert_same(ref, got)
    ids = {s.gml_id for b in got[0] for s in b.surfaces}
    assert "DENW01_Dachfläche" in ids
    assert [b.gml_id for b in got[0]] == ["DENW01", "DENW02_Größe", "DENW03"]


def test_a_new_geopackage_appears_only_when_the_import_has_finished(tmp_path):
    """A new GeoPackage is built as <name>.part: a crash in the middle (simulated by never
    closing the store) leaves no half-built file under the name; the next import cleans
    up and succeeds."""
    from hamm_twin.adapters import store
    out = tmp_path / "neu.gpkg"
    crashed = store.Lod2Store(str(out))
    for bld in cg.iter_buildings(stream_citygml(tmp_path / "a.gml", 40)):
        crashed.add(bld)
    crashed.flush()
    crashed.db.close()  # the process dies here: no close()
    assert not out.exists() and (tmp_path / "neu.gpkg.part").exists()
    result = store.import_files([stream_citygml(tmp_path / "b.gml", 25)], str(out))
    assert result["inserted"] == 25
    assert out.exists() and not (tmp_path / "neu.gpkg.part").exists()
    db = sqlite3.connect(str(out))
    assert db.execute("SELECT count(*) FROM gebaeude").fetchone()[0] == 25
    _rtree_matches_table(db, "gebaeude")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_an_existing_layer_in_another_crs_is_refused_and_left_alone(tmp_path):
    from osgeo import ogr, osr

    from hamm_twin.adapters import store
    out = str(tmp_path / "fremd.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(out)
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    layer = ds.CreateLayer(store.BUILDINGS, wgs84, ogr.wkbMultiPolygon)
    for name, kind in store.BUILDING_FIELDS:
        layer.CreateField(ogr.FieldDefn(name, kind))
    feat = ogr.Feature(layer.GetLayerDefn())
    feat.SetField("gml_id", "fremd")
    feat.SetGeometry(ogr.CreateGeometryFromWkt(
        "MULTIPOLYGON(((7.8 51.6,7.9 51.6,7.9 51.7,7.8 51.6)))"))
    layer.CreateFeature(feat)
    feat = layer = ds = None
    with pytest.raises(HammError, match="another coordinate system"):
        store.import_files([stream_citygml(tmp_path / "a.gml", 5)], out)
    ds = ogr.Open(out)
    assert ds.GetLayerByName(store.BUILDINGS).GetFeatureCount() == 1
    assert ds.GetLayerByName(store.SURFACES) is None


# --- worker processes (adapters.parallel) and the OGR writing path --------------------

def gpkg_content(path):
    """Everything of a twin GeoPackage but the import time stamp: rows in fid order,
    R-tree entries, extents, feature counts, triggers and indexes."""
    db = sqlite3.connect(str(path))
    out = {}
    for table in ("gebaeude", "gebaeude_flaechen"):
        cols = [r[1] for r in db.execute("PRAGMA table_info({})".format(table))
                if r[1] != "importiert"]
        out[table] = db.execute("SELECT {} FROM {} ORDER BY fid".format(
            ", ".join(cols), table)).fetchall()
        out["rtree_" + table] = db.execute(
            "SELECT * FROM rtree_{}_geom ORDER BY id".format(table)).fetchall()
    out["contents"] = db.execute("SELECT table_name, min_x, max_x, min_y, max_y FROM "
                                 "gpkg_contents ORDER BY 1").fetchall()
    out["counts"] = db.execute("SELECT * FROM gpkg_ogr_contents ORDER BY 1").fetchall()
    out["schema"] = db.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN "
                               "('trigger', 'index') ORDER BY 2").fetchall()
    db.close()
    return out


def _result(r):
    return {k: v for k, v in r.items() if k != "processes"}


@pytest.fixture()
def small_segments(monkeypatch):
    """The parallel reader for small files: segments of 40 kB, two spawned workers."""
    from hamm_twin.adapters import parallel
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "SEGMENT", 40_000)
    return parallel


def _tile_with_extras(path, n=160, x0=X0):
    """A streamed tile with a building without geometry, one without gml:id, one with a
    BuildingPart and a comment holding a member start tag (a tempting place to cut)."""
    stream_citygml(path, n, x0=x0)
    text = path.read_text()
    text = text.replace('<bldg:Building gml:id="DENW00000000007">',
                        '<bldg:Building>', 1)
    start = text.index('<bldg:boundedBy>', text.index('gml:id="DENW00000000011"'))
    end = text.index('</bldg:Building>', start)
    text = text[:start] + text[end:]                     # 11: no geometry at all
    text = text.replace('<core:cityObjectMember><bldg:Building gml:id="DENW00000000090">',
                        '<!-- <core:cityObjectMember> --><core:cityObjectMember>'
                        '<bldg:Building gml:id="DENW00000000090">', 1)
    text = text.replace("</core:CityModel>",
                        citygml([House("DENW_TEIL", x0 - 200, Y0, part=True)]).split(
                            "</gml:boundedBy>", 1)[1])
    path.write_text(text)
    return str(path)


def _modes(monkeypatch):
    """'serial' (worker processes switched off), then 'parallel'."""
    monkeypatch.setenv("HAMM_TWIN_WORKERS", "0")
    yield "serial"
    monkeypatch.delenv("HAMM_TWIN_WORKERS")
    yield "parallel"


def _serial_and_parallel(monkeypatch, tmp_path, paths):
    """{mode: (result figures, error messages, GeoPackage content)} of importing
    ``paths`` once serially and once with worker processes."""
    from hamm_twin.adapters import store
    outcome = {}
    for mode in _modes(monkeypatch):
        errors = []
        out = tmp_path / "{}.gpkg".format(mode)
        result = store.import_files(paths, str(out),
                                    on_error=lambda p, e: errors.append(e.user_message))
        outcome[mode] = (_result(result), errors, gpkg_content(out))
    return outcome


def test_parallel_import_equals_serial(tmp_path, small_segments, monkeypatch):
    from hamm_core.logic.i18n import set_translator
    from hamm_twin.adapters import store
    parallel = small_segments
    a = _tile_with_extras(tmp_path / "a.gml")
    # a second tile: its first 60 ids repeat those of the first one (duplicates)
    b = _tile_with_extras(tmp_path / "b.gml", 200, x0=X0 + 20000)
    area = (X0 - 1000, Y0 - 10, X0 + 20000 + 150 * 15, Y0 + 10_000)
    assert parallel.context() is not None
    assert len(parallel.plan(a).starts) > 5
    set_translator(lambda _c, text: "DE: " + text)  # problems as in a German QGIS
    try:
        results = {}
        for mode in _modes(monkeypatch):
            out = tmp_path / "{}.gpkg".format(mode)
            r1 = store.import_files([a, b], str(out), area=area)
            r2 = store.import_files([b], str(out))  # re-import: replaces, adds the rest
            results[mode] = (r1, r2, gpkg_content(out))
    finally:
        set_translator(None)
    (s1, s2, s_content), (p1, p2, p_content) = results["serial"], results["parallel"]
    assert p1["processes"]["workers"] == 2 and s1["processes"]["workers"] == 0
    assert _result(p1) == _result(s1) and _result(p2) == _result(s2)
    assert s1["duplicates"] > 0 and s1["outside"] > 0 and s2["updated"] > 0
    assert any(p.startswith("DE: ") for p in s1["problems"])
    assert p_content == s_content
    assert len(s_content["gebaeude"]) == s1["inserted"] + s2["inserted"]


def _packed_rows(prepared):
    db = sqlite3.connect(":memory:")
    db.deserialize(prepared.packed)
    rows = {t: db.execute("SELECT * FROM {} ORDER BY rowid".format(t)).fetchall()
            for t in ("b", "s")}
    db.close()
    return rows


@pytest.mark.parametrize("area", [None, (X0 + 300, Y0 - 10, X0 + 900, Y0 + 10_000)])
def test_segments_of_the_usual_shape_are_read_without_elementtree_alike(tmp_path, area):
    """A worker reads a segment whose members are all buildings of the usual shape as
    columns (no ElementTree, no Building objects): entries (status, id, problems,
    surfaces) and packed rows equal those of the ElementTree path; other segments (a
    building without gml:id, a BuildingPart, a comment) are left to ElementTree."""
    from hamm_twin.adapters import parallel
    path = _tile_with_extras(tmp_path / "a.gml", 300)
    p = parallel.plan(path, 40_000)
    epsg, version, dim = parallel._head_state(path, p, cg.ParseStats(), 25832, "a.gml")
    ends = p.starts[1:] + [None]
    taken = 0
    statuses = set()
    for start, end in zip(p.starts, ends):
        suffix = p.suffix if end is not None else b""
        job = [path, p.prefix, start, end, suffix, epsg, version, dim, area, "2026-11-22",
               "a.gml", 25832, {}, True, p.member, p.suffix]
        cols = parallel._columns(path, p.prefix, start, end, p.member, p.suffix, area,
                                 "2026-11-22", "a.gml")
        ok_c, entries_c, prepared_c = parallel._work(tuple(job))[:3]
        job[14] = b""  # the ElementTree path
        ok_e, entries_e, prepared_e = parallel._work(tuple(job))[:3]
        assert ok_c and ok_e
        assert entries_c == entries_e
        assert _packed_rows(prepared_c) == _packed_rows(prepared_e)
        assert prepared_c.b_envs == prepared_e.b_envs
        assert prepared_c.s_counts == prepared_e.s_counts
        for a, b in zip(prepared_c.s_boxes, prepared_e.s_boxes):
            assert np.array_equal(a, b)
        if cols is not None:
            taken += 1
            statuses.update(e[0] for e in cols[0])
    assert 0 < taken < len(p.starts)
    # the building without geometry (DENW...11) is in a segment read as columns
    assert statuses == ({cg.OK, cg.NO_GEOMETRY} if area is None else
                        {cg.OK, cg.NO_GEOMETRY, cg.OUTSIDE})


def test_many_small_tiles_share_their_workers(tmp_path, monkeypatch):
    """Tiles each too small for workers of their own (a city's 1 km² tiles) are read
    by workers started once for the whole import, each cut into segments; the
    GeoPackage equals the serial import's. A truncated tile among them ends as in the
    serial import, and the workers go on with the tiles after it."""
    from hamm_twin.adapters import parallel, store
    monkeypatch.setattr(parallel, "MIN_BYTES", 600_000)         # no tile reaches it ...
    monkeypatch.setattr(parallel, "SHARED_MIN_BYTES", 100_000)  # ... all of them this
    monkeypatch.setattr(parallel, "MIN_SEGMENT", 20_000)
    paths = [stream_nrw_citygml(tmp_path / "t{}.gml".format(i), 25, x0=X0 + 1000 * i,
                                first=100 * i) for i in range(5)]
    text = Path(paths[2]).read_text()
    Path(paths[2]).write_text(text[:len(text) * 2 // 3])  # cut in a later segment
    assert all(100_000 < os.path.getsize(p) < 600_000 for p in paths)
    outcome = _serial_and_parallel(monkeypatch, tmp_path, paths)
    (s_result, s_errors, s_content), (p_result, p_errors, p_content) = \
        outcome["serial"], outcome["parallel"]
    assert p_result == s_result and p_errors == s_errors and p_content == s_content
    assert len(s_errors) == 1 and "t2.gml" in s_errors[0]
    assert s_result["buildings"] == 4 * 25 + 16 and len(p_content["gebaeude"]) == 116
    got = store.import_files(paths, str(tmp_path / "again.gpkg"), on_error=lambda p, e: None)
    assert got["processes"]["workers"] == 2 and got["processes"]["pools"] == 1
    assert got["processes"]["files"] == ["t{}.gml".format(i) for i in range(5)]


def test_parallel_import_of_a_broken_file_ends_as_the_serial_one(tmp_path, small_segments,
                                                                  monkeypatch):
    path = tmp_path / "kaputt.gml"
    stream_citygml(path, 150)
    data = path.read_bytes()
    path.write_bytes(data[:int(len(data) * 0.8)])  # truncated
    outcome = _serial_and_parallel(monkeypatch, tmp_path, [str(path)])
    assert outcome["parallel"][1][0].startswith(str(path.name) + " is not valid XML")
    assert outcome["parallel"] == outcome["serial"]
    assert 100 < outcome["serial"][0]["buildings"] < 150


def test_parallel_import_can_be_canceled(tmp_path, small_segments, monkeypatch):
    from hamm_twin.adapters import store
    written = []
    add_prepared = store.Lod2Store.add_prepared

    def counting(self, prepared):
        written.append(len(prepared))
        add_prepared(self, prepared)

    monkeypatch.setattr(store.Lod2Store, "add_prepared", counting)

    class Feedback:  # the user cancels after the second segment has been written
        def isCanceled(self):
            return len(written) >= 2

        def setProgress(self, _value):
            pass

    out = tmp_path / "abbruch.gpkg"
    result = store.import_files([stream_citygml(tmp_path / "a.gml", 300)], str(out),
                                feedback=Feedback())
    assert len(written) == 2 and result["inserted"] == sum(written)
    assert result["processes"]["workers"] == 2
    assert 0 < result["inserted"] < 300
    content = gpkg_content(out)
    assert len(content["gebaeude"]) == result["inserted"]
    assert len(content["gebaeude_flaechen"]) == 7 * result["inserted"]


def test_workers_only_where_the_interpreter_is_python(monkeypatch, tmp_path):
    from hamm_twin.adapters import parallel
    # (no Python of this installation to fall back on: as in QGIS on Windows and macOS)
    monkeypatch.setattr(parallel.sys, "base_exec_prefix", str(tmp_path / "nowhere"))
    for exe in (r"C:\OSGeo4W\bin\qgis-bin.exe", "/Applications/QGIS.app/Contents/MacOS/QGIS",
                ""):
        monkeypatch.setattr(parallel.sys, "executable", exe)
        assert parallel.context() is None
    # QGIS desktop guesses sys.executable from PATH: another Python there (pyenv, a venv)
    # could not run the workers, so the import stays serial instead of waiting for them
    other = tmp_path / "bin" / "python3"
    other.parent.mkdir()
    other.write_text("#!/bin/sh\necho 50790640\necho /opt/other-python\n")
    other.chmod(0o755)
    monkeypatch.setattr(parallel.sys, "executable", str(other))
    assert parallel.context() is None
    monkeypatch.undo()
    assert parallel.context() is not None  # the test interpreter itself
    assert parallel.context().get_start_method() == "spawn"  # QGIS is loaded: no fork
    monkeypatch.setenv("HAMM_TWIN_WORKERS", "0")
    assert parallel.context() is None


def test_workers_start_with_the_installations_python_when_path_names_another(
        monkeypatch, tmp_path, small_segments):
    """QGIS desktop and qgis_process guess sys.executable from PATH; where that names
    another Python (here a pyenv-like shim that is no Python at all) the workers are
    started with this installation's own bin/pythonX.Y, and the import is still the
    serial one, row for row."""
    import multiprocessing.spawn
    import sys

    from hamm_twin.adapters import parallel
    if not sys.platform.startswith("linux"):
        pytest.skip("the fallback interpreter is looked for on Linux only")
    own = parallel.interpreter()
    base = os.path.join(sys.base_exec_prefix, "bin", "python%d.%d" % sys.version_info[:2])
    if not (os.path.exists(base) and parallel._same_interpreter(base)):
        pytest.skip("no bin/pythonX.Y of this installation")
    shim = tmp_path / "shims" / "python3"
    shim.parent.mkdir()
    shim.write_text("#!/bin/sh\necho 'pyenv: python3: command not found' >&2\nexit 127\n")
    shim.chmod(0o755)
    # set_executable changes the module's global: put it back after the test
    monkeypatch.setattr(multiprocessing.spawn, "_python_exe", multiprocessing.spawn._python_exe)
    monkeypatch.setattr(parallel.sys, "executable", str(shim))
    assert own is not None and parallel.interpreter() in (
        base, os.path.join(sys.base_exec_prefix, "bin", "python3"))
    ctx = parallel.context()
    assert ctx.get_start_method() == "spawn"
    assert os.fsdecode(multiprocessing.spawn.get_executable()) == parallel.interpreter()
    from hamm_twin.adapters import store
    path = str(stream_citygml(tmp_path / "a.gml", 120))
    results = {}
    for mode in _modes(monkeypatch):
        out = tmp_path / "{}.gpkg".format(mode)
        results[mode] = (store.import_files([path], str(out)), gpkg_content(out))
    (serial, s_content), (par, p_content) = results["serial"], results["parallel"]
    assert par["processes"]["workers"] == 2 and serial["processes"]["workers"] == 0
    assert _result(par) == _result(serial) and serial["buildings"] == 120
    assert p_content == s_content


def test_an_import_started_again_in_a_starting_worker_is_refused(tmp_path, monkeypatch):
    """A script without a __main__ guard is run once more by each spawned worker: the
    import there is refused with a message instead of writing the same GeoPackage."""
    import multiprocessing

    from hamm_twin.adapters import parallel, store
    path = str(stream_citygml(tmp_path / "a.gml", 5))
    out = tmp_path / "out.gpkg"
    assert not parallel.restarted_in_worker()
    monkeypatch.setattr(multiprocessing.current_process(), "_inheriting", True, raising=False)
    assert parallel.restarted_in_worker()
    with pytest.raises(HammError, match="__main__"):
        store.import_files([path], str(out))
    assert not out.exists() and not (tmp_path / "out.gpkg.part").exists()
    monkeypatch.undo()
    assert store.import_files([path], str(out))["buildings"] == 5


def test_without_the_rtree_module_ogr_writes_the_same_layers(tmp_path, monkeypatch):
    from osgeo import ogr

    from hamm_twin.adapters import store
    a = stream_citygml(tmp_path / "a.gml", 80)
    b = stream_citygml(tmp_path / "b.gml", 110, x0=X0 + 3000)  # 80 ids again, moved

    def content(path):
        ds = ogr.Open(str(path))
        out = {}
        for table in (store.BUILDINGS, store.SURFACES):
            layer = ds.GetLayerByName(table)
            rows = []
            for feat in layer:
                values = feat.items()
                values.pop("importiert", None)
                geom = feat.GetGeometryRef()
                rows.append((feat.GetFID(), values, geom.ExportToIsoWkb() if geom else None))
            out[table] = (rows, layer.GetFeatureCount(), layer.GetExtent(),
                          layer.GetGeomType(), layer.GetSpatialRef().GetAuthorityCode(None))
            layer.SetSpatialFilterRect(X0 + 3000, Y0, X0 + 3100, Y0 + 20)
            out[table + "_window"] = sorted(f.GetFID() for f in layer)
        feat = geom = layer = None
        ds = None
        return out

    assert store.rtree_available()
    fast, slow = tmp_path / "fast.gpkg", tmp_path / "slow.gpkg"
    store.import_files([a], str(fast))
    store.import_files([b], str(fast))
    notes = []

    class Feedback:
        def isCanceled(self):
            return False

        def setProgress(self, _value):
            pass

        def pushInfo(self, text):
            notes.append(text)

    monkeypatch.setattr(store, "rtree_available", lambda: False)
    r1 = store.import_files([a], str(slow), feedback=Feedback())   # a new file
    r2 = store.import_files([b], str(slow), feedback=Feedback())   # an existing one
    assert (r1["inserted"], r2["updated"], r2["inserted"]) == (80, 80, 30)
    assert len(notes) == 2 and "R-tree" in notes[0]
    assert not (tmp_path / "slow.gpkg.part").exists()
    assert content(slow) == content(fast)
    db = sqlite3.connect(str(slow))
    for table in ("gebaeude", "gebaeude_flaechen"):
        assert db.execute("SELECT rtreecheck('rtree_{}_geom')".format(table)).fetchone()[0] \
            == "ok"
    assert db.execute("SELECT * FROM gpkg_ogr_contents ORDER BY 1").fetchall() == \
        [("gebaeude", 110), ("gebaeude_flaechen", 770)]
    db.close()


def test_plain_numbers_read_as_float_does_or_not_at_all():
    """The bulk number reader of the fast path: for every text either exactly float()
    of each token, bit for bit, or None (the reference reader takes over)."""
    import random
    rng = random.Random(3)
    good = ["0", "-0", "+5", "5.", ".5", "-.5", "1e5", "1E-5", "2.5e+3", "1e400", "1e-400",
            "4.9e-324", "2.2250738585072011e-308", "9007199254740993", "0.1", "+.5e-3",
            "123456789012345678901234567890", "-5.E2", "00012"]
    bad = ["e", "1e", "1.2.3", "--1", "1-2", "+", ".", "-", "1e+", "e5", ".e1", "1..2", "1ee5",
           "+-1", "1e5.5", "1e-", "5+", "E", "nan", "inf", "0x1p3", "1_000", "1,5"]

    def token():
        r = rng.random()
        if r < 0.3:
            return "%.3f" % rng.uniform(-1e6, 1e7)
        if r < 0.5:
            return repr(rng.uniform(-1e5, 1e5))
        if r < 0.6:
            return "%.17e" % rng.uniform(-1e300, 1e300)
        return rng.choice(good) if r < 0.9 else rng.choice(bad)

    read = refused = 0
    for _ in range(4000):
        tokens = [token() for _ in range(rng.randint(0, 12))]
        seps = [rng.choice([" ", "  ", "\n", "\t ", "\r\n", "\x0b"]) for _ in tokens]
        text = ("".join(s + t for s, t in zip(seps, tokens)) + rng.choice(["", " "])).encode()
        try:
            expected = np.array([float(t) for t in text.split()])
        except ValueError:
            expected = None
        got = citygml_fast.plain_numbers(text, len(text.split()))
        if got is None:
            refused += 1
            continue
        assert expected is not None, text
        assert got.view(np.int64).tolist() == expected.view(np.int64).tolist(), text
        read += 1
    assert read > 1000 and refused > 500


@pytest.mark.parametrize("knob", ["START_TIMEOUT", "SEGMENT_TIMEOUT"])
def test_workers_that_do_not_answer_leave_the_file_to_the_serial_reader(
        tmp_path, small_segments, monkeypatch, knob):
    """Workers that cannot start, or a segment without an answer in time: the file is
    read serially (from the start, or from that segment on), with the same result."""
    from hamm_twin.adapters import store
    parallel = small_segments
    src = stream_citygml(tmp_path / "a.gml", 120)
    monkeypatch.setenv("HAMM_TWIN_WORKERS", "0")
    ref = store.import_files([src], str(tmp_path / "serial.gpkg"))
    monkeypatch.delenv("HAMM_TWIN_WORKERS")
    monkeypatch.setattr(parallel, knob, 0.0)
    got = store.import_files([src], str(tmp_path / "fallback.gpkg"))
    assert _result(got) == _result(ref)
    if knob == "START_TIMEOUT":
        assert got["processes"]["workers"] == 0
    assert gpkg_content(tmp_path / "fallback.gpkg") == gpkg_content(tmp_path / "serial.gpkg")


def test_every_file_of_an_import_has_its_crs_checked(tmp_path, small_segments, monkeypatch):
    """A tile in another CRS is refused even when it is not the first file of the
    import (serially and with worker processes alike)."""
    from twin_fixtures import SRS_NRW

    a = stream_citygml(tmp_path / "a.gml", 60)
    b = tmp_path / "b.gml"
    stream_citygml(b, 60, x0=X0 + 5000)
    b.write_text(b.read_text().replace(SRS_NRW, "EPSG:4326"))
    outcome = _serial_and_parallel(monkeypatch, tmp_path, [a, str(b)])
    assert outcome["parallel"] == outcome["serial"]
    result, errors, content = outcome["serial"]
    assert result["failed"] == [str(b)] and result["inserted"] == 60
    assert len(errors) == 1 and "EPSG:4326" in errors[0] and "25832" in errors[0]
    assert len(content["gebaeude"]) == 60
