"""Bulk loading of a GeoPackage R-tree spatial index (SQLite R*Tree module).

Inserting rows one by one into an SQLite R-tree costs about 13 microseconds each (the
tree re-balances on every insert), which was the largest single cost of an LoD2
import. Here the tree is packed in one go instead, sort-tile-recursive (Leutenegger,
Lopez, Edgington 1997: STR, a simple and efficient algorithm for R-tree packing), and
written straight into the three tables the R*Tree module keeps for a virtual table X,
in the format the SQLite documentation of rtree.c describes:

* ``X_node(nodeno, data)``: one blob of fixed size per node. Node 1 is the root; its
  first 2 bytes hold the depth of the tree (big endian), bytes 2-3 the number of cells,
  then the cells: an 8-byte big-endian integer (rowid for leaves, child node number
  otherwise) and the coordinates as 4-byte big-endian floats (minx, maxx, miny, maxy).
* ``X_parent(nodeno, parentnode)`` for every node but the root.
* ``X_rowid(rowid, nodeno)``: the leaf of every entry.

Coordinates are rounded outwards to 32-bit floats (minima down, maxima up) so every box
contains its geometry, as the module does itself. The node size is read from the empty
root node SQLite made. Tests check the result with SQLite's own ``rtreecheck()`` and
against queries over the table. If the shadow tables cannot be written (an SQLite
built with the "defensive" flag), the entries go in through the virtual table instead.
"""

import math
import sqlite3
from typing import List, Tuple

import numpy as np

CELL = 24  # 8-byte id + 4 x 4-byte float (2D)


def _round_out(lo: np.ndarray, hi: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    flo = lo.astype(np.float32)
    fhi = hi.astype(np.float32)
    down = flo.astype(np.float64) > lo
    up = fhi.astype(np.float64) < hi
    flo[down] = np.nextafter(flo[down], np.float32(-np.inf))
    fhi[up] = np.nextafter(fhi[up], np.float32(np.inf))
    return flo, fhi


def _str_order(cx: np.ndarray, cy: np.ndarray, per_node: int) -> np.ndarray:
    """Sort-tile-recursive order of boxes with centres (cx, cy)."""
    n = len(cx)
    nodes = math.ceil(n / per_node)
    slices = max(1, math.ceil(math.sqrt(nodes)))
    per_slice = slices and math.ceil(nodes / slices) * per_node
    by_x = np.argsort(cx, kind="stable")
    out = []
    for start in range(0, n, per_slice):
        part = by_x[start:start + per_slice]
        out.append(part[np.argsort(cy[part], kind="stable")])
    return np.concatenate(out) if out else by_x


def _even(n: int, cap: int) -> List[Tuple[int, int]]:
    """Split n entries into ceil(n / cap) runs of nearly equal length."""
    nodes = max(1, math.ceil(n / cap))
    bounds = [round(i * n / nodes) for i in range(nodes + 1)]
    return [(bounds[i], bounds[i + 1]) for i in range(nodes)]


def bulk_load(db: sqlite3.Connection, rtree: str, ids, minx, maxx, miny, maxy) -> None:
    """Fill the EMPTY R-tree virtual table ``rtree`` with the boxes (ids: int64 array)."""
    ids = np.asarray(ids, dtype=np.int64)
    if len(ids) == 0:
        return
    lox, hix = _round_out(np.asarray(minx, float), np.asarray(maxx, float))
    loy, hiy = _round_out(np.asarray(miny, float), np.asarray(maxy, float))
    try:
        with db:
            if not db.in_transaction:
                db.execute("BEGIN")
            _write(db, rtree, ids, lox, hix, loy, hiy)
    except sqlite3.Error:
        with db:  # through the module, one by one
            db.execute('DELETE FROM "{}"'.format(rtree))
            db.executemany('INSERT INTO "{}" VALUES (?, ?, ?, ?, ?)'.format(rtree), zip(
                ids.tolist(), lox.tolist(), hix.tolist(), loy.tolist(), hiy.tolist()))


def _write(db, rtree, ids, lox, hix, loy, hiy) -> None:
    row = db.execute('SELECT length(data) FROM "{}_node" WHERE nodeno = 1'.format(
        rtree)).fetchone()
    (count,) = db.execute('SELECT count(*) FROM "{}_rowid"'.format(rtree)).fetchone()
    if row is None or count:
        raise sqlite3.DatabaseError("R-tree not empty")
    size = int(row[0])
    cap = (size - 4) // CELL
    cell = np.dtype([("id", ">i8"), ("x0", ">f4"), ("x1", ">f4"), ("y0", ">f4"),
                     ("y1", ">f4")])
    level = np.empty(len(ids), dtype=cell)
    level["id"], level["x0"], level["x1"], level["y0"], level["y1"] = ids, lox, hix, loy, hiy
    nodes = []      # (nodeno, cells array) per level, leaves first
    rowid_rows = []
    parent_rows = []
    next_no = 2
    depth = 0
    while True:
        n = len(level)
        if n <= cap:  # the root
            nodes.append((1, level, depth))
            if depth == 0:
                rowid_rows.append((level["id"], np.full(n, 1, dtype=np.int64)))
            else:
                parent_rows.extend((int(c), 1) for c in level["id"].tolist())
            break
        cx = (level["x0"].astype(float) + level["x1"]) / 2.0
        cy = (level["y0"].astype(float) + level["y1"]) / 2.0
        runs = _even(n, cap)
        order = _str_order(cx, cy, math.ceil(n / len(runs)))
        level = level[order]
        upper = np.empty(len(runs), dtype=cell)
        for k, (a, b) in enumerate(runs):
            part = level[a:b]
            no = next_no
            next_no += 1
            nodes.append((no, part, 0))
            if depth == 0:
                rowid_rows.append((part["id"], np.full(len(part), no, dtype=np.int64)))
            else:
                parent_rows.extend((int(c), no) for c in part["id"].tolist())
            upper[k] = (no, part["x0"].min(), part["x1"].max(), part["y0"].min(),
                        part["y1"].max())
        level = upper
        depth += 1
    blobs = []
    for no, part, root_depth in nodes:
        head = np.array([root_depth if no == 1 else 0, len(part)], dtype=">u2").tobytes()
        body = part.tobytes()
        blobs.append((no, head + body + bytes(size - 4 - len(body))))
    db.execute('DELETE FROM "{}_node"'.format(rtree))
    db.executemany('INSERT INTO "{}_node" (nodeno, data) VALUES (?, ?)'.format(rtree), blobs)
    # in rowid order: appending to the table's B-tree costs less than half of inserting
    # in the order of the leaves (the rows are the same)
    rowids = np.concatenate([r[0] for r in rowid_rows]).astype(np.int64)
    nodenos = np.concatenate([r[1] for r in rowid_rows])
    order = np.argsort(rowids, kind="stable")
    db.executemany('INSERT INTO "{}_rowid" (rowid, nodeno) VALUES (?, ?)'.format(rtree),
                   zip(rowids[order].tolist(), nodenos[order].tolist()))
    db.executemany('INSERT INTO "{}_parent" (nodeno, parentnode) VALUES (?, ?)'.format(
        rtree), parent_rows)
