"""Walking distances along a footway network, computed by hand on a small network:

    (0,200) .......... D continues north from (100,100) to (100,200) (joined by 4 mm)
    (0,100) B   A (100,100)
      |           |
    (0,0) ---A--- (100,0)        C: (200,0)-(300,0), not connected
"""

import math

import pytest

from hamm_mobility.logic.walknet import INF, FootwayNetwork

pytestmark = pytest.mark.pure

LINES = [[(0, 0), (100, 0), (100, 100)],          # A (edges 0 and 1)
         [(0, 0), (0, 100)],                       # B (edge 2)
         [(200, 0), (300, 0)],                     # C (edge 3), separate
         [(100.004, 100), (100, 200)]]             # D (edge 4), joins A within 1 cm


@pytest.fixture(scope="module")
def net():
    return FootwayNetwork(LINES, cell=30.0)


def test_network_nodes_and_snapping(net):
    assert net.n_edges == 5
    assert net.n_nodes == 7                        # (100.004,100) is the node (100,100)
    s = net.snap(50, -10)
    assert (s.edge, s.t, s.offset) == (0, 0.5, 10.0)
    s = net.snap(110, 50)
    assert (s.edge, s.t, s.offset) == (1, 0.5, 10.0)
    s = net.snap(150, 150)                         # nearest: D near (100,150)
    assert s.edge == 4 and s.offset == pytest.approx(50.0, abs=0.01)
    s = net.snap(1000, 1000)                       # far outside: still the nearest edge
    assert s.edge == 4 and s.t == 1.0
    assert s.offset == pytest.approx(math.hypot(900, 800))


def test_walking_distances_by_hand(net):
    home = (50, -10)               # 10 m south of the middle of A's first segment
    # east along A (50), north along A (50), plus 10 m on each end
    assert net.distance(home, (110, 50)) == pytest.approx(120.0)
    # west along A (50), north along B (100), plus 10 + 10
    assert net.distance(home, (10, 100)) == pytest.approx(170.0)
    # on the same segment: 10 m along it
    assert net.distance(home, (60, 5)) == pytest.approx(25.0)
    # over the 4 mm joint into D: 50 + 100 + 90 + 10
    assert net.distance(home, (100, 190)) == pytest.approx(250.0, abs=0.01)
    # C is not connected
    assert net.distance(home, (210, 5)) == INF
    # limits: the search stops at the radius
    assert net.distance(home, (10, 100), limit=150) == INF
    assert net.distance(home, (110, 50), limit=150) == pytest.approx(120.0)


def test_node_distances_start_from_both_ends(net):
    start = net.snap(20, 0)        # on A's first segment, 20 m from (0,0)
    dist = net.node_distances(start, 130)
    # nodes: (0,0) 20, (100,0) 80, (0,100) 120, (100,100) 180 > 130: not reached
    assert sorted(dist.values()) == pytest.approx([20.0, 80.0, 120.0])


def test_empty_network():
    empty = FootwayNetwork([[(5, 5)], [(0, 0), (0.001, 0)], [(1, 1), (math.nan, 2)]])
    assert empty.n_edges == 0 and empty.snap(1, 1) is None
    assert empty.distance((0, 0), (1, 1)) == INF

