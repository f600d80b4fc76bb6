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

import json
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


def _write(db, rtree, ids, lox, hix, loy, hiy, use_json: bool = True) -> None:
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
    nodes = []      # (first nodeno, cells array, run starts, depth) per level, leaves first
    leaf_ids = leaf_nos = None
    parent_rows = []
    next_no = 2
    depth = 0
    while True:
        n = len(level)
        if n <= cap:  # the root
            nodes.append((1, level, np.zeros(1, dtype=np.int64), depth))
            if depth == 0:
                leaf_ids, leaf_nos = level["id"], np.full(n, 1, dtype=np.int64)
            else:
                parent_rows.extend((int(c), 1) for c in level["id"].tolist())
            break
        cx = (level["x0"].astype(float) + level["x1"]) / 2.0
        cy = (level["y0"].astype(float) + level["y1"]) / 2.0
        runs = _even(n, cap)
        order = _str_order(cx, cy, math.ceil(n / len(runs)))
        level = level[order]
        # the runs are contiguous in the ordered level: one node each, numbered on
        starts = np.array([a for a, _b in runs], dtype=np.int64)
        lens = np.array([b - a for a, b in runs], dtype=np.int64)
        nos = np.arange(next_no, next_no + len(runs), dtype=np.int64)
        nodes.append((next_no, level, starts, 0))
        next_no += len(runs)
        of_cell = np.repeat(nos, lens)  # the node of every cell of this level
        if depth == 0:
            leaf_ids, leaf_nos = level["id"], of_cell
        else:
            parent_rows.extend(zip(level["id"].astype(np.int64).tolist(), of_cell.tolist()))
        upper = np.empty(len(runs), dtype=cell)
        upper["id"] = nos
        upper["x0"] = np.minimum.reduceat(level["x0"], starts)
        upper["x1"] = np.maximum.reduceat(level["x1"], starts)
        upper["y0"] = np.minimum.reduceat(level["y0"], starts)
        upper["y1"] = np.maximum.reduceat(level["y1"], starts)
        level = upper
        depth += 1
    blobs = []
    for first, part, starts, root_depth in nodes:
        bounds = starts.tolist() + [len(part)]
        raw = part.tobytes()
        for k in range(len(starts)):
            a, b = bounds[k], bounds[k + 1]
            body = raw[a * CELL:b * CELL]
            head = np.array([root_depth, b - a], dtype=">u2").tobytes()
            blobs.append((first + k, head + body + bytes(size - 4 - len(body))))
    db.execute('DELETE FROM "{}_node"'.format(rtree))
    db.executemany('INSERT INTO "{}_node" (nodeno, data) VALUES (?, ?)'.format(rtree), blobs)
    # in rowid order: appending to the table's B-tree costs less than half of inserting
    # in the order of the leaves (the rows are the same)
    rowids = leaf_ids.astype(np.int64)
    order = np.argsort(rowids, kind="stable")
    rowids, nodenos = rowids[order], leaf_nos[order]
    _write_rowids(db, rtree, rowids, nodenos, use_json)
    db.executemany('INSERT INTO "{}_parent" (nodeno, parentnode) VALUES (?, ?)'.format(
        rtree), parent_rows)


def _write_rowids(db, rtree, rowids: np.ndarray, nodenos: np.ndarray,
                  use_json: bool = True) -> None:
    """X_rowid rows (ascending rowids). A run of consecutive rowids (the fids of a new
    layer) goes in with one INSERT ... SELECT over json_each (SQLite's JSON functions,
    in C: about a third of the time of binding every row); else, and where SQLite has
    no JSON functions, row by row."""
    sql = 'INSERT INTO "{}_rowid" (rowid, nodeno) '.format(rtree)
    if use_json and len(rowids) and int(rowids[-1]) - int(rowids[0]) == len(rowids) - 1:
        try:
            db.execute(sql + "SELECT key + ?, value FROM json_each(?)",
                       (int(rowids[0]), json.dumps(nodenos.tolist())))
            return
        except sqlite3.OperationalError:  # no json_each: nothing was written
            pass
    db.executemany(sql + "VALUES (?, ?)", zip(rowids.tolist(), nodenos.tolist()))
