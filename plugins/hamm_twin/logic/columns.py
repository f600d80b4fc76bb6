"""A batch of buildings as columns: what the GeoPackage rows are made of
(adapters.store.rows_from_columns), without a Building and a Surface object per
building and surface. Filled from Building objects (from_buildings) or, by the fast
path of the CityGML reader, straight from its regular-expression results
(citygml_fast.segment_columns). Pure Python + numpy.

The per-building heights come from the per-surface numbers of logic.batch with the
rules of model.summarize, as the same floats (tests compare them bit for bit)."""

from typing import Dict, List

import numpy as np

from .model import Building

GROUND, ROOF = "GroundSurface", "RoofSurface"


class Columns:
    """Buildings (gml_ids, attributes, lods, sources: one entry per building;
    counts: number of surfaces of each) and their surfaces, building by building
    (kinds, surface_ids, part_ids, exteriors: one entry per surface; holes: {surface
    index: interior rings} of the surfaces that have any)."""
    __slots__ = ("gml_ids", "attributes", "lods", "sources", "counts", "kinds",
                 "surface_ids", "part_ids", "exteriors", "holes")

    def __init__(self, gml_ids: List[str], attributes: List[dict], lods: List[str],
                 sources: List[str], counts: List[int], kinds: List[str],
                 surface_ids: List[str], part_ids: List[str], exteriors: List[np.ndarray],
                 holes: Dict[int, List[np.ndarray]]):
        self.gml_ids, self.attributes, self.lods, self.sources = gml_ids, attributes, lods, \
            sources
        self.counts, self.kinds, self.surface_ids, self.part_ids = counts, kinds, \
            surface_ids, part_ids
        self.exteriors, self.holes = exteriors, holes

    def __len__(self) -> int:
        return len(self.gml_ids)

    def rings(self, j: int) -> List[np.ndarray]:
        """All rings of surface ``j`` (exterior first)."""
        return [self.exteriors[j]] + list(self.holes.get(j, ()))

    def take(self, keep: List[int]) -> "Columns":
        """The buildings with these indices (in this order) with their surfaces."""
        starts = np.zeros(len(self.counts) + 1, dtype=np.int64)
        np.cumsum(self.counts, out=starts[1:])
        pick = [j for i in keep for j in range(starts[i], starts[i + 1])]
        index = {j: k for k, j in enumerate(pick)}
        return Columns([self.gml_ids[i] for i in keep], [self.attributes[i] for i in keep],
                       [self.lods[i] for i in keep], [self.sources[i] for i in keep],
                       [self.counts[i] for i in keep], [self.kinds[j] for j in pick],
                       [self.surface_ids[j] for j in pick], [self.part_ids[j] for j in pick],
                       [self.exteriors[j] for j in pick],
                       {index[j]: r for j, r in self.holes.items() if j in index})


def from_buildings(buildings: List[Building]) -> Columns:
    surfaces = [s for b in buildings for s in b.surfaces]
    return Columns(
        [b.gml_id for b in buildings], [b.attributes for b in buildings],
        [b.lod for b in buildings], [b.source for b in buildings],
        [len(b.surfaces) for b in buildings], [s.kind for s in surfaces],
        [s.gml_id for s in surfaces], [s.part_id for s in surfaces],
        [s.rings[0] for s in surfaces],
        {j: s.rings[1:] for j, s in enumerate(surfaces) if len(s.rings) > 1})


def _starts(counts: np.ndarray) -> np.ndarray:
    starts = np.zeros(len(counts), dtype=np.int64)
    if len(counts) > 1:
        np.cumsum(counts[:-1], out=starts[1:])
    return starts


def heights(counts, kinds: List[str], zmin: np.ndarray, zmax: np.ndarray,
            area: np.ndarray):
    """Per building, as model.summarize computes them from the z range and area of
    each surface's exterior ring: (ground z, eaves z, ridge z, roof area, has ground
    surfaces, has roof surfaces) as arrays; heights NaN for a building without
    surfaces."""
    counts = np.asarray(counts, dtype=np.int64)
    nb = len(counts)
    kind = np.array(kinds, dtype=object)
    ground = kind == GROUND
    roof = kind == ROOF
    full = counts > 0
    idx = _starts(counts)[full]

    def reduce(ufunc, values, fill):
        out = np.full(nb, fill)
        if len(idx):
            out[full] = ufunc.reduceat(values, idx)
        return out
    n_ground = reduce(np.add, ground.astype(np.int64), 0)
    n_roof = reduce(np.add, roof.astype(np.int64), 0)
    inf = np.inf
    has_g, has_r = n_ground > 0, n_roof > 0
    all_min = reduce(np.minimum, zmin, np.nan)
    all_max = reduce(np.maximum, zmax, np.nan)
    ground_z = np.where(has_g, reduce(np.minimum, np.where(ground, zmin, inf), np.nan),
                        all_min)
    ridge_z = np.where(has_r, reduce(np.maximum, np.where(roof, zmax, -inf), np.nan),
                       all_max)
    eaves_z = np.where(has_r, reduce(np.minimum, np.where(roof, zmin, inf), np.nan),
                       all_max)
    return ground_z, eaves_z, ridge_z, roof_sums(counts, roof, area), has_g, has_r


def roof_sums(counts: np.ndarray, roof: np.ndarray, area: np.ndarray,
              width: int = 64) -> np.ndarray:
    """Per building the sum of the roof surfaces' areas in the order of the surfaces,
    starting from 0 (as Python's sum() in model.summarize: the same float). The
    buildings are rows of a matrix summed column by column; a building with more than
    ``width`` surfaces is summed on its own."""
    nb = len(counts)
    out = np.zeros(nb)
    if nb == 0 or not roof.any():
        return out
    starts = _starts(counts)
    values = np.where(roof, area, 0.0)  # + 0.0 leaves a sum of areas (>= 0) unchanged
    wide = counts > width
    for i in np.nonzero(wide)[0].tolist():
        a = starts[i]
        out[i] = float(sum(values[a:a + counts[i]].tolist()))
    rows = np.nonzero(~wide & (counts > 0))[0]
    if len(rows):
        c = counts[rows]
        cols = np.arange(int(c.max()))
        valid = cols[None, :] < c[:, None]
        mat = np.where(valid, values[np.where(valid, starts[rows][:, None] + cols[None, :],
                                               0)], 0.0)
        acc = 0.0 + mat[:, 0]
        for j in range(1, mat.shape[1]):
            acc = acc + mat[:, j]
        out[rows] = acc
    return out
