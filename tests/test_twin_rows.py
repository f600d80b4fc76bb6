"""hamm_twin: the batched GeoPackage rows (store.compute_rows) and the packed R-tree
(adapters.gpkg_rtree) against the reference code paths they replace:

* compute_rows builds the surface blobs from one array of headers and the footprint WKB
  from the batch's 2D ring bytes: its rows must equal building_record/surface_records
  (OGR's footprint: union of several ground surfaces, invalid and self-touching rings
  made valid, roof projection, holes) field by field and byte by byte;
* the R-tree's X_rowid rows go in through json_each where the rowids are consecutive:
  the shadow tables must equal those written row by row, also where SQLite has no JSON
  functions.
"""

import sqlite3

import numpy as np
import pytest

from hamm_twin.adapters import gpkg_rtree, store
from hamm_twin.logic.model import Building, Surface

X0, Y0 = 410000.0, 5720000.0


def ring(points, z=60.0):
    """A closed (n, 3) ring from (x, y) or (x, y, z) offsets to X0, Y0."""
    pts = [(X0 + p[0], Y0 + p[1], p[2] if len(p) > 2 else z) for p in points]
    return np.array(pts + [pts[0]], dtype=float)


def square(x, y, w, d, z=60.0):
    return ring([(x, y), (x, y + d), (x + w, y + d), (x + w, y)], z)


def walls(x, y, w, d, z0=60.0, z1=66.0):
    out = []
    corners = [(x, y), (x + w, y), (x + w, y + d), (x, y + d)]
    for (ax, ay), (bx, by) in zip(corners, corners[1:] + corners[:1]):
        out.append(Surface("WallSurface", [ring([(ax, ay, z0), (bx, by, z0), (bx, by, z1),
                                                 (ax, ay, z1)])], "w"))
    return out


def roof(x, y, w, d, z=66.0, kind="RoofSurface"):
    return Surface(kind, [square(x, y, w, d, z)], "r")


def crafted():
    """Buildings whose footprints take every branch of footprint_geometry."""
    hole = Surface("GroundSurface", [square(0, 0, 20, 20), square(5, 5, 4, 4)[::-1]], "g")
    return [
        # one simple ground ring (the usual case) with attributes
        Building("B_SIMPLE", {"measuredHeight": "7.5", "roofType": "3100", "name": "Haus",
                              "storeysAboveGround": "2", "function": "31001_1010"},
                 [Surface("GroundSurface", [square(0, 0, 10, 8)], "g1")]
                 + walls(0, 0, 10, 8) + [roof(0, 0, 10, 8)], lod="2", source="a.gml"),
        # a ground surface with a hole, and a roof with a hole (blob of two rings)
        Building("B_HOLE", {}, [hole, Surface("RoofSurface", [
            square(0, 0, 20, 20, 70.0), square(5, 5, 4, 4, 70.0)[::-1]], "r")],
            lod="2", source="a.gml"),
        # two ground surfaces sharing an edge: united into one polygon
        Building("B_TWO", {}, [Surface("GroundSurface", [square(0, 0, 10, 8)], "g1"),
                               Surface("GroundSurface", [square(10, 0, 5, 8)], "g2"),
                               roof(0, 0, 15, 8)], lod="2"),
        # two separate ground surfaces: a MultiPolygon of two parts
        Building("B_APART", {}, [Surface("GroundSurface", [square(0, 0, 5, 5)], "g1"),
                                 Surface("GroundSurface", [square(50, 50, 5, 5)], "g2")]),
        # a bow tie (self-crossing ground ring): invalid, made valid
        Building("B_BOWTIE", {}, [Surface("GroundSurface", [ring(
            [(0, 0), (10, 10), (10, 0), (0, 10)])], "g")] + [roof(0, 0, 10, 10)]),
        # a ring touching itself in one vertex (invalid in GEOS)
        Building("B_TOUCH", {}, [Surface("GroundSurface", [ring(
            [(0, 0), (10, 0), (10, 10), (5, 0), (0, 10)])], "g")]),
        # a spike (the ring goes out and back along the same line)
        Building("B_SPIKE", {}, [Surface("GroundSurface", [ring(
            [(0, 0), (0, 10), (10, 10), (20, 10), (10, 10), (10, 0)])], "g")]),
        # repeated points in a valid ring
        Building("B_REPEAT", {}, [Surface("GroundSurface", [ring(
            [(0, 0), (0, 10), (0, 10), (10, 10), (10, 0)])], "g")]),
        # no ground surface: the roofs projected and united (overlapping roofs)
        Building("B_ROOFS", {}, walls(0, 0, 10, 8) + [
            Surface("RoofSurface", [ring([(0, 0, 66), (10, 0, 66), (10, 4, 69),
                                          (0, 4, 69)])], "r1"),
            Surface("RoofSurface", [ring([(10, 8, 66), (0, 8, 66), (0, 3, 69),
                                          (10, 3, 69)])], "r2")]),
        # walls only: their projections have no area
        Building("B_WALLS", {}, walls(0, 0, 10, 8)),
        # a surface of another kind, without gml:id, with a part id
        Building("B_OTHER", {"name": ""}, [Surface("ClosureSurface", [square(0, 0, 3, 3)],
                                                   "", "PART_1"),
                                           Surface("GroundSurface", [square(0, 0, 3, 3)],
                                                   "", "PART_1")]),
        # a ground ring in clockwise order, far off (other envelope)
        Building("B_CW", {}, [Surface("GroundSurface", [square(-900, -900, 7, 3)[::-1]],
                                      "g")]),
    ]


def expected(bld):
    values, geom = store.building_record(bld, "2026-01-01T00:00:00")
    b_row = tuple(store._sql_value(values[f]) for f, _t in store.BUILDING_FIELDS) + (
        None if geom is None else store.gpkg_blob(geom.ExportToIsoWkb(),
                                                  geom.GetEnvelope()),)
    s_rows = [tuple(store._sql_value(v[f]) for f, _t in store.SURFACE_FIELDS) +
              (store.gpkg_blob(w, env),)
              for v, w, env in store.surface_records(bld, envelope=True)]
    return b_row, s_rows, (None if geom is None else geom.GetEnvelope())


@pytest.mark.parametrize("together", [True, False])
def test_compute_rows_equal_reference_records_on_crafted_footprints(together):
    blds = crafted()
    batches = [blds] if together else [[b] for b in blds]
    b_rows, s_rows, envs = [], [], []
    for part in batches:
        prepared = store.compute_rows(part, "2026-01-01T00:00:00")
        b_rows += prepared.b_rows
        s_rows += prepared.s_rows
        envs += prepared.b_envs
    k = 0
    for i, bld in enumerate(blds):
        b_row, exp_s, env = expected(bld)
        assert b_rows[i] == b_row, bld.gml_id
        assert envs[i] == env, bld.gml_id
        assert s_rows[k:k + len(exp_s)] == exp_s, bld.gml_id
        k += len(exp_s)
    assert k == len(s_rows)
    by_id = {b.gml_id: row for b, row in zip(blds, b_rows)}
    # what the footprints are (areas from OGR): the hole is left out, the two halves
    # united, the bow tie made valid (two triangles)
    area = [f for f, _t in store.BUILDING_FIELDS].index("grundflaeche")
    assert by_id["B_SIMPLE"][area] == pytest.approx(80.0)
    assert by_id["B_HOLE"][area] == pytest.approx(400.0 - 16.0)
    assert by_id["B_TWO"][area] == pytest.approx(120.0)
    assert by_id["B_APART"][area] == pytest.approx(50.0)
    assert by_id["B_ROOFS"][area] == pytest.approx(80.0)
    assert by_id["B_BOWTIE"][area] == pytest.approx(50.0)


def test_blob_heads_in_one_array_equal_struct_packing():
    head = np.zeros(2, dtype=store._HEAD_DTYPE)
    head["magic"], head["flags"], head["srs"] = b"GP", 0b011, store.EPSG
    head["minx"], head["maxx"], head["miny"], head["maxy"] = [1.5, -2.0], [3.25, 7.0], \
        [X0, -0.0], [Y0, 1e300]
    head["order"], head["type"], head["rings"], head["points"] = 1, 1003, 1, [5, 70000]
    assert head.tobytes() == b"".join(
        store._HEADER_POLY1.pack(b"GP", 0, 0b011, store.EPSG, *v, 1, 1003, 1, n)
        for v, n in (((1.5, 3.25, X0, Y0), 5), ((-2.0, 7.0, -0.0, 1e300), 70000)))


def _shadow(db, name):
    return [db.execute('SELECT * FROM "{}_{}" ORDER BY 1'.format(name, t)).fetchall()
            for t in ("node", "rowid", "parent")]


class _NoJson:
    """A connection whose SQLite has no JSON functions (as some builds)."""

    def __init__(self, db):
        self.db = db
        self.refused = 0

    def execute(self, sql, *args):
        if "json_each" in sql:
            self.refused += 1
            raise sqlite3.OperationalError("no such table: json_each")
        return self.db.execute(sql, *args)

    def executemany(self, sql, rows):
        return self.db.executemany(sql, rows)


@pytest.mark.parametrize("n", [1, 51, 52, 2700, 20000])
@pytest.mark.parametrize("gaps", [False, True])
def test_rtree_rowids_through_json_equal_row_by_row(n, gaps):
    rng = np.random.default_rng(n)
    ids = np.arange(5, 5 + n, dtype=np.int64)
    if gaps:  # fids with holes (buildings without footprint): row by row
        ids = ids * 3
    x, y = rng.uniform(0, 1000, n), rng.uniform(0, 1000, n)
    w, h = rng.uniform(0, 5, n), rng.uniform(0, 5, n)
    boxes = (x, x + w, y, y + h)
    tables = []
    for mode in ("json", "rows", "no_json"):
        db = sqlite3.connect(":memory:")
        db.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
        lox, hix = gpkg_rtree._round_out(boxes[0], boxes[1])
        loy, hiy = gpkg_rtree._round_out(boxes[2], boxes[3])
        conn = _NoJson(db) if mode == "no_json" else db
        with db:
            gpkg_rtree._write(conn, "r", ids, lox, hix, loy, hiy, use_json=mode != "rows")
        if mode == "no_json":
            assert conn.refused == (0 if gaps and n > 1 else 1)
        assert db.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"
        got = {r[0] for r in db.execute("SELECT id FROM r WHERE minx <= 500 AND maxx >= 400 "
                                        "AND miny <= 500 AND maxy >= 400")}
        inside = (x <= 500) & (x + w >= 400) & (y <= 500) & (y + h >= 400)
        assert set(ids[inside].tolist()) <= got
        tables.append(_shadow(db, "r"))
        db.close()
    assert tables[0] == tables[1] == tables[2]
    assert len(tables[0][1]) == n and [r[0] for r in tables[0][1]] == sorted(ids.tolist())


def test_the_running_python_is_recognised_without_starting_it(monkeypatch):
    """On Linux the interpreter of this process is known from /proc/self/exe: the
    parallel reader does not start it once more to ask for its version."""
    import os
    import subprocess
    import sys

    from hamm_twin.adapters import parallel
    if not os.path.exists("/proc/self/exe"):
        pytest.skip("no /proc (not Linux)")

    started = []

    def refuse(cmd, *_a, **_k):
        started.append(cmd[0])
        raise OSError("not started in this test")
    monkeypatch.setattr(parallel, "_SAME", {})
    monkeypatch.setattr(subprocess, "run", refuse)
    assert parallel._is_this_program(sys.executable)
    assert parallel._same_interpreter(sys.executable) is True
    assert started == []
    # another program is still asked (here it cannot answer: not the same interpreter)
    assert not parallel._is_this_program("/bin/sh")
    assert parallel._same_interpreter("/bin/sh") is False
    assert started == ["/bin/sh"]
