"""Supply gaps: who reaches a cool place within 5/10/15 minutes, per district and for the
city, and where one new cool place would serve the most people not yet served."""

from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence

import numpy as np

from .graph import (
    FootwayGraph,
    Snap,
    _scipy_dijkstra,
    speed_m_per_min,
    tree_lengths,
)

TIME_TOLERANCE = 1e-6   # minutes; the search adds a tiny epsilon per virtual edge


@dataclass
class DistrictShares:
    name: str
    population: float
    within: Dict[int, float]        # minutes -> share 0..1
    unreachable: float              # population without any reachable cool place


def shares(minutes: np.ndarray, population: np.ndarray, district: Sequence[Optional[str]],
           thresholds: Sequence[int] = (5, 10, 15)) -> List[DistrictShares]:
    """Population share within each threshold per district (sorted by name); the last row
    is the whole city (name None). Origins outside every district count for the city only."""
    minutes = np.asarray(minutes, dtype=float)
    pop = np.nan_to_num(np.asarray(population, dtype=float))
    names = sorted({d for d in district if d is not None})
    rows = []
    labels = np.array([d if d is not None else "" for d in district], dtype=object)
    for name in names + [None]:
        sel = np.ones(len(pop), dtype=bool) if name is None else (labels == name)
        total = float(pop[sel].sum())
        within = {t: (float(pop[sel & (minutes <= t + TIME_TOLERANCE)].sum()) / total
                      if total > 0 else 0.0)
                  for t in thresholds}
        rows.append(DistrictShares(name=name, population=total, within=within,
                                   unreachable=float(pop[sel & ~np.isfinite(minutes)].sum())))
    return rows


@dataclass
class Candidate:
    node: int
    x: float
    y: float
    gain: float          # people newly within the target time


def candidates(graph: FootwayGraph, origins: Snap, minutes: np.ndarray, population: np.ndarray,
               target_min: float, speed_kmh: float, count: int = 10,
               min_separation_m: float = 300.0, chunk: int = 256,
               cancel: Optional[Callable[[], bool]] = None) -> List[Candidate]:
    """Network nodes ranked by the population that is now farther than ``target_min`` and
    would reach a new cool place there within ``target_min``. The ranked places keep at
    least ``min_separation_m`` between each other so the list offers distinct sites.
    With cost factors on the graph (shaded streets preferred) people walk the way of the
    lowest cost, and the target applies to that way's real length."""
    speed = speed_m_per_min(speed_kmh)
    limit = target_min * speed
    weighted = graph.weighted
    # a way of real length <= limit costs at most limit x the largest factor
    cost_limit = limit * float(graph.factor.max()) if weighted else limit
    pop = np.nan_to_num(np.asarray(population, dtype=float))
    need = np.flatnonzero(origins.ok & ~(np.asarray(minutes) <= target_min + TIME_TOLERANCE)
                          & (pop > 0))
    gain = np.zeros(graph.node_count)
    if len(need) == 0:
        return []
    a, ca, b, cb = graph.entry_costs(origins)
    la, lb = graph.entry_lengths(origins)
    lib = _scipy_dijkstra()
    nn = graph.node_count
    if weighted:
        chunk = min(chunk, 64)  # one row of lengths per origin in the chunk
    for start in range(0, len(need), chunk):
        if cancel is not None and cancel():
            break
        part = need[start:start + chunk]
        if lib is not None:
            csr_matrix, dijkstra = lib
            g, virt, key, real, width = graph.source_matrix(
                csr_matrix, a[part], ca[part], b[part], cb[part], la[part], lb[part])
            if weighted:
                dist, pred = dijkstra(g, directed=True, indices=virt, limit=cost_limit + 1e-4,
                                      return_predecessors=True)
                dist = dist[:, :nn]
                length = tree_lengths(dist, pred[:, :nn], key, real, width)
            else:
                length = dijkstra(g, directed=True, indices=virt, limit=limit + 1e-4)[:, :nn]
            gain += ((length <= limit + 1e-4) * pop[part][:, None]).sum(axis=0)
        else:
            for o in part.tolist():
                one = Snap(origins.segment[[o]], origins.t[[o]], origins.offset[[o]],
                           np.array([True]))
                res = graph.search(one, limit=cost_limit + 1e-4, use_scipy=False)
                gain += (res.length <= limit + 1e-4) * pop[o]
    ranked: List[Candidate] = []
    for node in np.argsort(-gain, kind="stable").tolist():
        if gain[node] <= 0 or len(ranked) >= count:
            break
        x, y = graph.nodes[node]
        if all((x - c.x) ** 2 + (y - c.y) ** 2 >= min_separation_m ** 2 for c in ranked):
            ranked.append(Candidate(node=node, x=float(x), y=float(y), gain=float(gain[node])))
    return ranked
