"""hamm_twin.logic.area: which buildings meet an import area (box or polygons)."""

import numpy as np
import pytest
from twin_fixtures import House, write_citygml

from hamm_twin.logic import citygml
from hamm_twin.logic.area import AreaFilter, building_in_area, points_in_rings
from hamm_twin.logic.model import Building, Surface


def _bld(x0, y0, x1, y1, z=0.0):
    ring = np.array([(x0, y0, z), (x1, y0, z), (x1, y1, z), (x0, y1, z), (x0, y0, z)], float)
    return Building("b", surfaces=[Surface("GroundSurface", [ring])])


SQUARE_WITH_HOLE = [[(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)],
                    [(40, 40), (60, 40), (60, 60), (40, 60), (40, 40)]]


def test_points_in_polygon_with_hole():
    x = np.array([10.0, 50.0, 150.0, 99.0])
    y = np.array([10.0, 50.0, 50.0, 99.0])
    rings = [np.array(r, float) for r in SQUARE_WITH_HOLE]
    assert points_in_rings(x, y, rings).tolist() == [True, False, False, True]


@pytest.mark.parametrize("box, expected", [
    ((10, 10, 20, 20), True),        # inside
    ((45, 45, 55, 55), False),       # in the hole
    ((35, 45, 45, 55), True),        # across the hole's edge
    ((110, 10, 120, 20), False),     # outside, boxes apart
    ((-10, 45, 110, 55), True),      # crosses the area, no vertex of it inside
    ((-50, -50, 200, 200), True),    # the area lies inside the building
])
def test_buildings_meeting_a_polygon(box, expected):
    area = AreaFilter([SQUARE_WITH_HOLE])
    assert building_in_area(_bld(*box), area) is expected


def test_triangle_excludes_buildings_inside_its_bounding_box():
    tri = AreaFilter([[[(0, 0), (100, 0), (0, 100)]]])
    assert building_in_area(_bld(10, 10, 20, 20), tri)
    assert not building_in_area(_bld(80, 80, 90, 90), tri)  # in the bbox, not the triangle
    # the same with a plain box: the bbox semantics of the extent parameter
    assert building_in_area(_bld(80, 80, 90, 90), (0, 0, 100, 100))
    assert building_in_area(_bld(80, 80, 90, 90), None)


def test_reader_counts_buildings_outside_a_polygon(tmp_path):
    houses = [House("H{}".format(i), 410000.0 + i * 20, 5720000.0) for i in range(5)]
    path = write_citygml(tmp_path / "t.gml", houses)
    # a polygon around houses 1 and 2 only (an L-shape whose bbox would take house 3 too)
    x, y = 410000.0, 5720000.0
    area = AreaFilter([[[(x + 15, y - 5), (x + 75, y - 5), (x + 75, y - 2), (x + 55, y - 2),
                        (x + 55, y + 20), (x + 15, y + 20)]]])
    stats = citygml.ParseStats()
    got = [b.gml_id for b in citygml.iter_buildings(path, area=area, stats=stats)]
    assert got == ["H1", "H2"]
    assert stats.skipped_outside == 3


def test_empty_area_is_refused():
    with pytest.raises(ValueError):
        AreaFilter([])
